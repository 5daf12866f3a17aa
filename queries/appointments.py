"""任免 as timelines: by person, organisation, post or document, oldest first."""

from __future__ import annotations

from graph.stores.base import GraphView
from queries.as_of import parse_as_of
from queries.linker import resolve_entity
from queries.named import run
from queries.records import AppointmentRecord, EntityRef, appointment_from_row
from queries.types import DOCUMENT, ORG, PERSON, POST

__all__ = ["appointments"]

_ORDER = {"remove": 0, "appoint": 1}  # on one day, the old post ends before the new begins


def appointments(view: GraphView, *, person: str | EntityRef | None = None,
                 org: str | EntityRef | None = None, post: str | EntityRef | None = None,
                 doc: str | EntityRef | None = None, action: str | None = None,
                 as_of: str | None = None) -> list[AppointmentRecord]:
    """任命/免去 matching every filter given, as a timeline; `action` is appoint or remove;
    `as_of` keeps those announced on or before that day."""
    params = {
        "person": resolve_entity(view, person, [PERSON]).id if person is not None else "",
        "org": resolve_entity(view, org, [ORG]).id if org is not None else "",
        "post": resolve_entity(view, post, [POST]).id if post is not None else "",
        "doc": _doc(view, doc),
    }
    records = [appointment_from_row(r) for r in run(view, "appointments", params)]
    if action:
        records = [r for r in records if r.action == action]
    as_of = parse_as_of(as_of)
    if as_of:
        records = [r for r in records if r.date is not None and r.date <= as_of]
    return sorted(records, key=lambda r: (r.date or "", r.evidence.doc or "", r.person.name,
                                          _ORDER.get(r.action, 2), r.title))


def _doc(view: GraphView, doc: str | EntityRef | None) -> str:
    if doc is None:
        return ""
    if isinstance(doc, EntityRef):
        return doc.id
    try:
        return resolve_entity(view, doc, [DOCUMENT]).id
    except LookupError:
        return doc  # a number the catalogue does not know: the query answers nothing
