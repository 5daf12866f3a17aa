"""When facts hold: `valid_from`, `valid_to` and `status` from the documents that state them.

Each relationship type names a timeline in the schema (`timelines:` in schema.yaml):

- holding: 任命 starts a holding, 免去 ends it, a post named in passing is a mention.
- assignment: a 工作分工 notice puts its 主持/负责/分管/联系 … in force; a later notice of
  the same government ends the earlier assignments it drops (all of them when it is a full
  division of work, only its own persons' when it concerns a few), and an exclusive one
  (分管 a bureau) when it gives the same object to someone else.
- membership: a notice setting up a body puts its members, member units, office and
  subgroups in force; a later list of the same body (调整…成员) replaces the earlier one.
  A member list counts as complete only when it names a leader (组长, 召集人 …), so a notice
  that adds one deputy does not end everyone else. A notice dissolving the body (撤销)
  ends all of them.

A fact is `current` from a statement that puts it in force until an end; `ended` with
`valid_to` after one; `unknown` when it is only mentioned: its end is not known, so it is
never called current. Documents without a date cannot be ordered and end nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import groupby
from typing import Iterable, Mapping, NamedTuple

from graph.model import SCHEMA
from graph.places import Places
from graph.records import DocumentInfo

__all__ = ["START", "MENTION", "END", "Statement", "TimedFact", "Timeline", "event_of", "supersessions", "fold"]

START, MENTION, END = "start", "mention", "end"
_RANK = {MENTION: 0, START: 1, END: 2}  # on one day: stated, then put in force, then ended
_ASSIGNMENT, _MEMBERSHIP = "assignment", "membership"
_MEMBER_OF = SCHEMA.relationships["MEMBER_OF"].name
_TASK_FORCE = SCHEMA.relationships["MEMBER_OF"].targets[0]
_PRESIDES = SCHEMA.relationships["PRESIDES_OVER"].name
_DISSOLVED_BY = SCHEMA.relationships["DISSOLVED_BY"].name
# A division of work naming this many persons (or who presides) covers the whole government.
_FULL_DIVISION = 3
# Deputy, plain member and office roles: a list without any other role is not complete.
_NOT_LEADER = re.compile(r"^(?:常务)?副|^成员|^联络员|^办公室|秘书")


@dataclass(frozen=True)
class Statement:
    """One document's word on a fact: it puts it in force, mentions it, or ends it."""

    date: str | None
    event: str
    doc_id: str


@dataclass
class TimedFact:
    """What the timeline needs of one relationship: its ends, its role, its statements."""

    id: str
    type: str
    u: str
    v: str
    role: str | None = None
    statements: list[Statement] = field(default_factory=list)


def event_of(rtype: str, rel: str, doc_type: str | None) -> str | None:
    """The event an assertion (`rel`, in a document of `doc_type`) is for a fact of `rtype`;
    None for structure (POST_IN …), which is not a fact in time."""
    timeline = SCHEMA.relationships[rtype].timeline
    if timeline is None:
        return None
    spec = SCHEMA.timelines[timeline]
    if rel in spec.end_terms:
        return END
    if rel in spec.start_terms or doc_type in spec.starts:
        return START
    return MENTION


class Timeline(NamedTuple):
    valid_from: str | None
    valid_to: str | None
    status: str
    ended_by: str | None   # the document that ended it (免去, a later notice, a dissolution)


def fold(statements: Iterable[Statement]) -> Timeline:
    """valid_from, valid_to, status (and the ending document) after every statement,
    earliest first.

    Restating a fact in force keeps its first date; a fact ended and then put in force (or
    mentioned) again starts anew from that date."""
    status: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    ended_by: str | None = None
    statements = list(statements)
    if len(statements) > 1:
        statements.sort(key=lambda s: (s.date is None, s.date or "", _RANK[s.event], s.doc_id))
    for st in statements:
        if st.event == END:
            if status != "ended":
                status, valid_to, ended_by = "ended", st.date, st.doc_id
        elif st.event == START:
            if status != "current":
                status, valid_from, valid_to, ended_by = "current", st.date, None, None
        elif status is None:
            status, valid_from = "unknown", st.date
        elif status == "ended" and st.date is not None and valid_to is not None and st.date > valid_to:
            status, valid_from, valid_to, ended_by = "unknown", st.date, None, None
    return Timeline(valid_from, valid_to, status or "unknown", ended_by)


def government_of(doc: DocumentInfo, places: Places | None = None) -> str:
    """Whose division of work a notice is: the place and government or party committee."""
    text = f"{doc.issuer or ''}{doc.title or ''}"
    body = "党委" if re.search(r"[市县区省州旗盟]委(?!员)", text) and "政府" not in text else "政府"
    place = (places or Places([doc])).of_document(doc.doc_id)
    return f"{place or doc.doc_id}|{body}"


def supersessions(facts: Iterable[TimedFact], documents: Mapping[str, DocumentInfo],
                  labels: Mapping[str, str]) -> dict[str, list[Statement]]:
    """The end statements later documents imply: fact id -> [Statement(date, END, doc)]."""
    assignments: dict[str, list[tuple[TimedFact, Statement]]] = defaultdict(list)
    memberships: dict[tuple[str, str], list[tuple[TimedFact, Statement]]] = defaultdict(list)
    of_body: dict[str, list[TimedFact]] = defaultdict(list)
    dissolved: dict[str, list[Statement]] = defaultdict(list)
    places = Places(documents.values())
    facts_list = list(facts)
    for fact in facts_list:
        if fact.type == _DISSOLVED_BY:
            dissolved[fact.u] += [Statement(st.date, END, st.doc_id) for st in fact.statements if st.date]
            continue
        timeline = SCHEMA.relationships[fact.type].timeline
        if timeline == _MEMBERSHIP:
            of_body[fact.u if labels.get(fact.u) == _TASK_FORCE else fact.v].append(fact)
        for st in fact.statements:
            if st.event != START or st.date is None or st.doc_id not in documents:
                continue
            if timeline == _ASSIGNMENT:
                assignments[government_of(documents[st.doc_id], places)].append((fact, st))
            elif timeline == _MEMBERSHIP:
                body = fact.u if labels.get(fact.u) == _TASK_FORCE else fact.v
                if labels.get(body) == _TASK_FORCE:
                    memberships[(body, fact.type)].append((fact, st))
    ends: dict[str, list[Statement]] = defaultdict(list)
    # a notice that releases duties ("不再分管A") adjusts the division: it ends what it
    # releases, not the other duties of the persons it names
    adjusting = {st.doc_id for fact in facts_list if SCHEMA.relationships[fact.type].timeline == _ASSIGNMENT
                 for st in fact.statements if st.event == END}
    for stated in assignments.values():
        _walk(stated, lambda f, d, day: d not in adjusting and _division_covers(f, d, day)
              or d in adjusting and _given_to_another(f, d, day), ends)
    for (_, rtype), stated in memberships.items():
        _walk(stated, _list_covers if rtype == _MEMBER_OF else _always, ends)
    for body, dissolutions in dissolved.items():  # a dissolved body's memberships all end
        for fact in of_body.get(body, ()):
            ends[fact.id] += dissolutions
    return ends


def _walk(stated: list[tuple[TimedFact, Statement]], covers, ends: dict[str, list[Statement]]) -> None:
    """Go through the documents day by day; what a day's documents cover but do not
    restate ends on that day."""
    in_force: dict[str, TimedFact] = {}
    by_date = sorted(stated, key=lambda fs: (fs[1].date, fs[1].doc_id))
    for date, group in groupby(by_date, key=lambda fs: fs[1].date):
        day = list(group)
        restated = {f.id for f, _ in day}
        for fact_id, fact in list(in_force.items()):
            if fact_id in restated:
                continue
            doc_id = next((st.doc_id for f, st in day if covers(fact, st.doc_id, day)), None)
            if doc_id is not None:
                ends[fact_id].append(Statement(date, END, doc_id))
                del in_force[fact_id]
        for f, _ in day:
            in_force[f.id] = f


def _division_covers(fact: TimedFact, doc_id: str, day: list[tuple[TimedFact, Statement]]) -> bool:
    """A later 分工 notice covers a fact when it divides all the work, assigns this person,
    or gives this fact's exclusive object to another."""
    in_doc = [f for f, st in day if st.doc_id == doc_id]
    persons = {f.u for f in in_doc}
    if len(persons) >= _FULL_DIVISION or any(f.type == _PRESIDES for f in in_doc) or fact.u in persons:
        return True
    return SCHEMA.relationships[fact.type].exclusive and any(
        f.type == fact.type and f.v == fact.v for f in in_doc)


def _given_to_another(fact: TimedFact, doc_id: str, day: list[tuple[TimedFact, Statement]]) -> bool:
    """An adjusting notice covers a fact only by giving its exclusive object to another."""
    return SCHEMA.relationships[fact.type].exclusive and any(
        st.doc_id == doc_id and f.type == fact.type and f.v == fact.v for f, st in day)


def _list_covers(fact: TimedFact, doc_id: str, day: list[tuple[TimedFact, Statement]]) -> bool:
    """A later member list of the same body covers its members when it is complete."""
    return any(st.doc_id == doc_id and f.role and not _NOT_LEADER.search(f.role) for f, st in day)


def _always(fact: TimedFact, doc_id: str, day: list[tuple[TimedFact, Statement]]) -> bool:
    return any(st.doc_id == doc_id for _, st in day)
