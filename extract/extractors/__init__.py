"""Type-specific extractors, registered by name; each takes a document and returns assertions."""

from __future__ import annotations

from typing import Callable

from extract.document import ParsedDocument
from graph.records import Assertion

__all__ = ["EXTRACTORS", "extractors_for", "fallbacks_for"]

Extractor = Callable[[ParsedDocument], list[Assertion]]


def _registry() -> dict[str, Extractor]:
    from extract.extractors import appointment, task_allocation, task_force, work_division

    return {
        "work_division": work_division.extract,
        "division_in_title": work_division.extract_if_titled,  # 调整班子分工 成立…领导小组
        "task_force": task_force.extract,
        "appointment": appointment.extract,
        "task_allocation": task_allocation.extract,
        "task_brackets": task_allocation.extract_brackets,  # 制度's tasks: "T（A牵头，B配合）"
        "bodies_in_text": task_force.extract_mentions,
        "post_mentions": appointment.report_mentions,
        "posts_beside_names": appointment.mentions,
    }


EXTRACTORS: dict[str, Extractor] = {}

# Which extractors run on which document type. Coordinating bodies mentioned in plans
# (领导小组下设监测组 …) are found in every document.
_BY_TYPE = {
    "work_division": ["work_division", "post_mentions", "bodies_in_text"],  # news: "X转任…", "会议决定成立X"
    "task_force": ["task_force", "division_in_title", "task_allocation"],  # news of a body: "T由A牵头负责"
    "coordination": ["task_force", "task_brackets"],
    "appointment": ["appointment"],
    "task_allocation": ["task_allocation", "bodies_in_text"],
    "approval": [],
    "plan": ["bodies_in_text", "task_allocation"],  # 实施意见/方案 with (牵头单位：…) brackets
    "other": ["bodies_in_text", "work_division", "appointment", "task_allocation"],  # reports: 由A牵头…
}


# What reads a document its type's extractors read nothing of: a notice of a kind they do not
# know still names people with their posts ("县级总河长：王五（县委书记）"), each a 任职. Not
# for types whose texts are about tasks, not people (plans, task lists, approvals): long, and
# their posts name no one.
_FALLBACK = ["posts_beside_names"]
_NO_FALLBACK = ("approval", "plan", "task_allocation")


def fallbacks_for(doc_type: str) -> list[tuple[str, Extractor]]:
    """The extractors to run on a document of `doc_type` when its own gave nothing."""
    extractors_for(doc_type)
    return [] if doc_type in _NO_FALLBACK else [(name, EXTRACTORS[name]) for name in _FALLBACK]


def extractors_for(doc_type: str) -> list[tuple[str, Extractor]]:
    if not EXTRACTORS:
        EXTRACTORS.update(_registry())
    return [(name, EXTRACTORS[name]) for name in _BY_TYPE.get(doc_type, ["bodies_in_text"])]
