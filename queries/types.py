"""The labels and relationship types the query library uses, checked against the schema.

Every label and type the library names is spelled here once and checked when the module
is imported, so a query can only ask for what `graph/schema/schema.yaml` declares.
"""

from __future__ import annotations

from graph.model import SCHEMA

__all__ = ["label", "rel", "PERSON", "ORG", "TASK_FORCE", "POST", "AREA", "DOCUMENT", "TASK",
           "APPOINTMENT", "PRESIDES_OVER", "RESPONSIBLE_FOR", "IN_CHARGE_OF", "ASSISTS_IN_CHARGE_OF",
           "DIRECTS", "LIAISES_WITH", "ASSISTS_LIAISON_WITH", "HOLDS", "POST_IN", "MEMBER_OF",
           "UNIT_OF", "OFFICE_AT", "HAS_SUBGROUP", "LEADS", "DISSOLVED_BY", "OF_PERSON", "TO_POST", "ANNOUNCED_IN",
           "SUPERVISION", "LIAISON", "DUTIES"]


def label(name: str) -> str:
    """A node label, or KeyError when the schema has none by that name."""
    if name not in SCHEMA.nodes:
        raise KeyError(f"label {name} is not in the schema")
    return name


def rel(name: str) -> str:
    """A relationship type, or KeyError when the schema has none by that name."""
    if name not in SCHEMA.relationships:
        raise KeyError(f"relationship type {name} is not in the schema")
    return name


PERSON, ORG, TASK_FORCE, POST = label("Person"), label("Organization"), label("TaskForce"), label("Post")
AREA, DOCUMENT, TASK, APPOINTMENT = label("Area"), label("Document"), label("Task"), label("Appointment")

PRESIDES_OVER, RESPONSIBLE_FOR = rel("PRESIDES_OVER"), rel("RESPONSIBLE_FOR")
IN_CHARGE_OF, ASSISTS_IN_CHARGE_OF, DIRECTS = rel("IN_CHARGE_OF"), rel("ASSISTS_IN_CHARGE_OF"), rel("DIRECTS")
LIAISES_WITH, ASSISTS_LIAISON_WITH = rel("LIAISES_WITH"), rel("ASSISTS_LIAISON_WITH")
HOLDS, POST_IN, MEMBER_OF, UNIT_OF = rel("HOLDS"), rel("POST_IN"), rel("MEMBER_OF"), rel("UNIT_OF")
OF_PERSON, TO_POST, ANNOUNCED_IN = rel("OF_PERSON"), rel("TO_POST"), rel("ANNOUNCED_IN")
OFFICE_AT, HAS_SUBGROUP, LEADS = rel("OFFICE_AT"), rel("HAS_SUBGROUP"), rel("LEADS")
DISSOLVED_BY = rel("DISSOLVED_BY")

SUPERVISION = (IN_CHARGE_OF, DIRECTS, ASSISTS_IN_CHARGE_OF)        # 分管, 主管, 协助分管
LIAISON = (LIAISES_WITH, ASSISTS_LIAISON_WITH)                     # 联系, 协助联系
DUTIES = (RESPONSIBLE_FOR, PRESIDES_OVER) + SUPERVISION + LIAISON  # a leader's portfolio
