"""What changed in a window of time: posts taken and left, 分工 given and dropped, task forces
set up and dissolved, members who joined and left.

Every fact in time carries `valid_from` and `valid_to` (the graph's contract): a fact is
new in the window `since < valid_from <= until` and ended in it `since < valid_to <= until`
(`since` exclusive, `until` inclusive, either may be open). Each change cites the document
that shows it: the 任命 or 免去 notice, the first notice stating a fact, or for an ended
分工 or membership the later notice, dated `valid_to`, that dropped it.

`changes(view, since, until)` answers on every store; `window_between(view, a, b)` turns
two gazettes (source files or document numbers) into the window between their newest
documents, as `govkg changes --between A B` does.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date as _date
from pathlib import PurePath
from typing import Any, Iterable, Mapping

from graph.model import SCHEMA
from graph.stores.base import GraphView
from queries.named import run
from queries.records import EntityRef, Evidence, Fact, fact_from_row
from queries.titles import titles
from queries.types import (DISSOLVED_BY, DUTIES, HAS_SUBGROUP, LEADS, MEMBER_OF, OFFICE_AT, TASK_FORCE, UNIT_OF)

__all__ = ["Window", "WindowError", "parse_date", "window_between", "PostChange", "DutyChange", "Handover",
           "TaskForceChange", "MemberChange", "Changes", "changes", "changes_in"]

TASK_FORCE_TYPES = (MEMBER_OF, UNIT_OF, OFFICE_AT, HAS_SUBGROUP, LEADS, DISSOLVED_BY)
MEMBERSHIPS = (MEMBER_OF, UNIT_OF)


def _doc_type(name: str) -> str:
    if name not in SCHEMA.document_types:
        raise KeyError(f"document type {name} is not in the schema")
    return name


# The notices that end what they drop: a later 工作分工 notice ends 分工, a later member list
# (调整…成员) ends memberships. Their dates are the valid_to of what they end.
_ENDS_DUTIES = (_doc_type("work_division"),)
_ENDS_MEMBERSHIPS = (_doc_type("task_force"), _doc_type("coordination"))
_ENDS_HOLDINGS = (_doc_type("appointment"),)


def _action(name: str) -> str:
    if name not in SCHEMA.appointment_actions.values():
        raise KeyError(f"appointment action {name} is not in the schema")
    return name


_APPOINT, _REMOVE = _action("appoint"), _action("remove")
MENTION = "mention"

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


class WindowError(ValueError):
    """A window that cannot be made: a bad date, an unknown gazette, an empty window."""


def parse_date(text: str, what: str = "") -> str:
    """`text` as an ISO date (YYYY-MM-DD), or WindowError saying what is wrong."""
    value = text.strip()
    said = f"{what} {text!r}" if what else repr(text)
    if not _ISO.fullmatch(value):
        raise WindowError(f"{said} is not a date: write YYYY-MM-DD, e.g. 2023-06-19")
    try:
        _date.fromisoformat(value)
    except ValueError as exc:
        raise WindowError(f"{said} is not a date (YYYY-MM-DD): {exc}") from None
    return value


@dataclass(frozen=True)
class Window:
    """since (exclusive) to until (inclusive); None leaves a side open. `between` names the
    two gazettes the window was made from, when it was."""

    since: str | None
    until: str | None = None
    between: tuple[str, str] | None = None

    def __post_init__(self) -> None:
        if self.since and self.until and self.since >= self.until:
            raise WindowError(f"the window is empty: since {self.since} is not before until {self.until}")

    def contains(self, date: str | None) -> bool:
        return date is not None and (not self.since or date > self.since) and (not self.until or date <= self.until)

    def describe(self) -> str:
        return f"{self.since or '…'} < date ≤ {self.until or '…'}"

    @property
    def params(self) -> dict[str, str]:
        return {"since": self.since or "", "until": self.until or ""}


@dataclass(frozen=True)
class PostChange:
    """A holding that began (`via` appoint or mention) or ended (`via` remove, or `ended`)."""

    person: EntityRef
    title: str | None
    organization: EntityRef
    date: str | None            # valid_from when new, valid_to when ended
    via: str                    # appoint | mention | remove | ended
    evidence: Evidence          # the document that shows the change
    fact: Fact

    @property
    def how(self) -> str:
        """任命 / 免去 (from the schema), or the English word for a mention or another end."""
        return next((zh for zh, en in SCHEMA.appointment_actions.items() if en == self.via), self.via)


@dataclass(frozen=True)
class DutyChange:
    """A 分工 (主持, 负责, 分管, 联系 …) that began or ended, with the document showing it."""

    fact: Fact
    date: str | None
    evidence: Evidence


@dataclass(frozen=True)
class Handover:
    """One object (a bureau, an area) that lost leaders and gained others of one type."""

    type: str
    object: EntityRef
    before: tuple[DutyChange, ...]   # ended
    after: tuple[DutyChange, ...]    # new

    @property
    def date(self) -> str | None:
        return max((c.date for c in self.after if c.date), default=None)

    def describe(self) -> str:
        before = "、".join(c.fact.subject.name for c in self.before)
        after = "、".join(c.fact.subject.name for c in self.after)
        return f"{self.object.name}：{before} → {after}"


@dataclass(frozen=True)
class TaskForceChange:
    """A task force first documented in the window, or one dissolved in it (by a notice, or
    because all its memberships ended in it)."""

    task_force: EntityRef
    date: str | None
    members: int                # persons (new: its first members; dissolved: who left)
    units: int                  # member units, counted the same way
    heads: tuple[str, ...]      # the most senior role and who holds it: ("组长 武跃飞", …)
    evidence: Evidence


@dataclass(frozen=True)
class MemberChange:
    """A member (person or unit) who joined or left a task force, or whose role changed."""

    task_force: EntityRef
    member: EntityRef
    type: str                   # MEMBER_OF or UNIT_OF
    change: str                 # joined | left | role
    role: str | None            # the role joined with or left (the new one for a change)
    old_role: str | None
    date: str | None
    evidence: Evidence


@dataclass
class Changes:
    """Everything that changed in a window, section by section, each row with its evidence.

    A bureau handed from one leader to another is under `duties_changed` only, not also
    under new and ended; members of task forces new or dissolved in the window are counted
    on the task force's row, not listed under `members`."""

    window: Window
    posts_new: list[PostChange] = field(default_factory=list)
    posts_ended: list[PostChange] = field(default_factory=list)
    duties_new: list[DutyChange] = field(default_factory=list)
    duties_ended: list[DutyChange] = field(default_factory=list)
    duties_changed: list[Handover] = field(default_factory=list)
    task_forces_new: list[TaskForceChange] = field(default_factory=list)
    task_forces_dissolved: list[TaskForceChange] = field(default_factory=list)
    members: list[MemberChange] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not any((self.posts_new, self.posts_ended, self.duties_new, self.duties_ended, self.duties_changed,
                        self.task_forces_new, self.task_forces_dissolved, self.members))

    def to_json(self) -> dict[str, Any]:
        return {
            "window": {"since": self.window.since, "until": self.window.until,
                       "between": list(self.window.between) if self.window.between else None},
            "posts": {"new": [_post_json(c) for c in self.posts_new],
                      "ended": [_post_json(c) for c in self.posts_ended]},
            "assignments": {"new": [_duty_json(c) for c in self.duties_new],
                            "ended": [_duty_json(c) for c in self.duties_ended],
                            "changed": [_handover_json(h) for h in self.duties_changed]},
            "task_forces": {"new": [_task_force_json(c) for c in self.task_forces_new],
                            "dissolved": [_task_force_json(c) for c in self.task_forces_dissolved]},
            "members": [_member_json(c) for c in self.members],
        }


# --------------------------------------------------------------------------- the window

def window_between(view: GraphView, a: str, b: str) -> Window:
    """The window from the newest document of gazette `a` (exclusive) to the newest of `b`
    (inclusive); each is a source file as the store records it, or a document number."""
    docs = run(view, "documents_in_window", {})
    since, until = _newest(docs, a), _newest(docs, b)
    if since >= until:
        raise WindowError(f"{a} (newest document {since}) is not older than {b} (newest document {until}): "
                          "give the older gazette first")
    return Window(since, until, (a, b))


def _newest(docs: list[dict[str, Any]], ref: str) -> str:
    found = _documents_of(docs, ref)
    dates = [d["date"] for d in found if d["date"]]
    if not dates:
        raise WindowError(f"{ref}: none of its documents has a date")
    return max(dates)


def _documents_of(docs: list[dict[str, Any]], ref: str) -> list[dict[str, Any]]:
    """Documents of a gazette named by its source file (as recorded, or the same path, or a
    file name only one source has) or a document by its number."""
    for match in (lambda d: d["source"] == ref, lambda d: ref in (d["number"], d["name"]),
                  lambda d: d["source"] and _same_path(d["source"], ref)):
        found = [d for d in docs if match(d)]
        if found:
            return found
    name = PurePath(ref.replace("\\", "/")).name
    found = [d for d in docs if d["source"] and PurePath(d["source"].replace("\\", "/")).name == name]
    sources = sorted({d["source"] for d in found})
    if len(sources) > 1:
        raise WindowError(f"{ref} names several gazettes in the store: {', '.join(sources)}; give the path")
    if found:
        return found
    gazettes = sorted({d["source"] for d in docs if d["source"]})
    shown = ", ".join(gazettes[:5]) + (f" … ({len(gazettes)} in all)" if len(gazettes) > 5 else "")
    raise WindowError(f"{ref} is not in the store: no gazette has that source file and no document that number"
                      + (f" (gazettes: {shown})" if gazettes else ""))


def _same_path(a: str, b: str) -> bool:
    try:
        return os.path.realpath(a) == os.path.realpath(b)
    except (OSError, ValueError):
        return False


# --------------------------------------------------------------------------- the changes

def changes(view: GraphView, since: str | None, until: str | None = None) -> Changes:
    """What changed after `since` up to and including `until` (ISO dates; None = open)."""
    window = Window(parse_date(since, "since") if since else None, parse_date(until, "until") if until else None)
    return changes_in(view, window)


def changes_in(view: GraphView, window: Window) -> Changes:
    """What changed in a window (see `changes`)."""
    docs = _Documents(run(view, "documents_in_window", window.params))
    out = Changes(window)
    _posts(view, window, docs, out)
    _duties(view, window, docs, out)
    _task_forces(view, window, docs, out)
    return out


class _Documents:
    """The documents dated in the window, by name (number or file name) and by date."""

    def __init__(self, rows: Iterable[Mapping[str, Any]]) -> None:
        self.by_name: dict[str, Mapping[str, Any]] = {}
        self.by_date: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
        for d in sorted(rows, key=lambda d: (d["date"] or "", d["name"] or "")):
            self.by_name.setdefault(d["name"], d)
            if d["date"]:
                self.by_date[d["date"]].append(d)

    def stating(self, fact: Fact, date: str | None) -> Evidence:
        """The first document of the fact dated `date` (its sentence when it is the first one)."""
        e = fact.evidence
        if e.date == date or date is None:
            return _only(e)
        doc = next((n for n in e.docs if (self.by_name.get(n) or {}).get("date") == date), None)
        return Evidence(doc, date, None, None, (doc,)) if doc else _only(e)

    def ending(self, date: str | None, kinds: tuple[str, ...], near: set[str], ended_by: str | None = None) -> Evidence:
        """The notice that ended a fact: the one the build recorded (`ended_by`); without it,
        the notices dated `date` citing facts `near` it (of the same person or task force) if
        any, else those of the `kinds` that end facts, else all."""
        if ended_by:
            return Evidence(ended_by, date, None, None, (ended_by,))
        found = self.by_date.get(date or "", [])
        for narrowed in ([d for d in found if d["name"] in near], [d for d in found if d["doc_type"] in kinds]):
            if narrowed:
                found = narrowed
                break
        names = tuple(dict.fromkeys(d["name"] for d in found))
        return Evidence(names[0] if names else None, date, None, None, names)


def _only(e: Evidence) -> Evidence:
    """The evidence of the first document alone (a fact's lists every document stating it)."""
    return Evidence(e.doc, e.date, e.sentence, e.source, (e.doc,) if e.doc else ())


def _facts(rows: Iterable[Mapping[str, Any]]) -> list[Fact]:
    return [fact_from_row(r) for r in rows]


def _posts(view: GraphView, window: Window, docs: _Documents, out: Changes) -> None:
    apps = run(view, "appointments_in_window", window.params)
    by_key = {(a["person_id"], a["org_id"], a["title"], a["action"], a["date"]): a for a in apps}

    def cite(fact: Fact, action: str, date: str | None) -> tuple[str, Evidence] | None:
        a = by_key.get((fact.subject.id, fact.object.id, fact.role, action, date))
        if a is None:
            return None
        doc = a["doc_number"]
        if fact.evidence.doc == doc and fact.evidence.date == a["date"]:
            return action, _only(fact.evidence)  # the same notice, with its line
        return action, Evidence(doc, a["date"], a["evidence"], None, (doc,) if doc else ())

    for fact in _facts(run(view, "holdings_in_window", window.params)):
        if window.contains(fact.valid_from):
            via, evidence = cite(fact, _APPOINT, fact.valid_from) or (MENTION, docs.stating(fact, fact.valid_from))
            out.posts_new.append(PostChange(fact.subject, fact.role, fact.object, fact.valid_from, via, evidence, fact))
        if window.contains(fact.valid_to):
            via, evidence = cite(fact, _REMOVE, fact.valid_to) or ("ended", docs.ending(fact.valid_to, _ENDS_HOLDINGS,
                                                                                         set(fact.evidence.docs)))
            out.posts_ended.append(PostChange(fact.subject, fact.role, fact.object, fact.valid_to, via, evidence, fact))
    key = lambda c: (c.date or "", c.via != _APPOINT, c.person.name, c.organization.name, c.title or "")
    out.posts_new.sort(key=key)
    out.posts_ended.sort(key=key)


def _duties(view: GraphView, window: Window, docs: _Documents, out: Changes) -> None:
    facts = _facts(run(view, "facts_in_window", {"types": list(DUTIES), **window.params}))
    ended_people = sorted({f.subject.id for f in facts if window.contains(f.valid_to)})
    near: dict[str, set[str]] = defaultdict(set)
    if ended_people:
        for f in _facts(run(view, "facts_touching", {"ids": ended_people, "types": list(DUTIES)})):
            near[f.subject.id].update(f.evidence.docs)
    new = [DutyChange(f, f.valid_from, docs.stating(f, f.valid_from)) for f in facts if window.contains(f.valid_from)]
    ended = [DutyChange(f, f.valid_to, docs.ending(f.valid_to, _ENDS_DUTIES, near[f.subject.id], f.ended_by))
             for f in facts if window.contains(f.valid_to)]
    # a handover: on one day one leader's 分管 of an object ends and another's starts (two
    # cities' 教育 are one Area, and a day apart are two events, not one handover)
    gained, lost = defaultdict(list), defaultdict(list)
    for c in new:
        gained[(c.fact.type, c.fact.object.id, c.date or "")].append(c)
    for c in ended:
        lost[(c.fact.type, c.fact.object.id, c.date or "")].append(c)
    handed: set[int] = set()
    for key in sorted(set(gained) & set(lost)):
        before, after = lost[key], gained[key]
        if {c.fact.subject.id for c in before} != {c.fact.subject.id for c in after}:
            order = lambda c: (c.date or "", c.fact.subject.name)
            out.duties_changed.append(Handover(key[0], after[0].fact.object, tuple(sorted(before, key=order)),
                                               tuple(sorted(after, key=order))))
            handed.update(id(c) for c in before + after)
    order = lambda c: (c.date or "", c.fact.subject.name, _rank(c.fact.type), c.fact.object.name)
    out.duties_new = sorted((c for c in new if id(c) not in handed), key=order)
    out.duties_ended = sorted((c for c in ended if id(c) not in handed), key=order)
    out.duties_changed.sort(key=lambda h: (h.date or "", _rank(h.type), h.object.name))


def _rank(rtype: str) -> int:
    return DUTIES.index(rtype) if rtype in DUTIES else len(DUTIES)


def _task_forces(view: GraphView, window: Window, docs: _Documents, out: Changes) -> None:
    changed = _facts(run(view, "facts_in_window", {"types": list(TASK_FORCE_TYPES), **window.params}))
    touched = sorted({ref.id for f in changed for ref in (f.subject, f.object) if ref.label == TASK_FORCE})
    if not touched:
        return
    of: dict[str, list[Fact]] = defaultdict(list)
    refs: dict[str, EntityRef] = {}
    for f in _facts(run(view, "facts_touching", {"ids": touched})):
        for ref in (f.subject, f.object):
            if ref.id in touched:
                of[ref.id].append(f)
                refs[ref.id] = ref
    founded: dict[str, str | None] = {}    # set up in the window: its first members are not "joined"
    dissolved: dict[str, str | None] = {}  # dissolved in the window: its last members are not "left"
    for tf in touched:
        facts = of[tf]
        near = {n for f in facts for n in f.evidence.docs}
        first = min((f for f in facts if _first_seen(f) and f.type != DISSOLVED_BY), key=lambda f: (_first_seen(f), f.evidence.source or ""),
                    default=None)
        members = [f for f in facts if f.type in MEMBERSHIPS and f.object.id == tf]
        dissolution = next((f for f in facts if f.type == DISSOLVED_BY and window.contains(f.valid_from)), None)
        if first is not None and window.contains(_first_seen(first)):
            held = [f for f in members if f.valid_from == _first_seen(first)]  # its first members
            out.task_forces_new.append(TaskForceChange(refs[tf], _first_seen(first), *_counts(held),
                                                       docs.stating(first, _first_seen(first))))
            founded[tf] = _first_seen(first)
        if dissolution is not None:  # a notice dissolving it (撤销)
            day = dissolution.valid_from
            left = [f for f in members if f.valid_to == day]
            out.task_forces_dissolved.append(TaskForceChange(refs[tf], day, *_counts(left),
                                                             docs.stating(dissolution, day)))
            dissolved[tf] = day
        elif members and all(window.contains(f.valid_to) or _ended_before(f, window) for f in members) and any(
                window.contains(f.valid_to) for f in members):
            left = [f for f in members if window.contains(f.valid_to)]
            last = max(f.valid_to for f in left if f.valid_to)
            out.task_forces_dissolved.append(TaskForceChange(refs[tf], last, *_counts(left),
                                                             docs.ending(last, _ENDS_MEMBERSHIPS, near)))
            dissolved[tf] = last
    for tf in touched:
        near = {n for f in of[tf] for n in f.evidence.docs}
        out.members.extend(
            c for c in _member_changes(refs[tf], [f for f in changed if f.type in MEMBERSHIPS and f.object.id == tf],
                                       window, docs, near)
            if not (c.change == "joined" and tf in founded and c.date == founded[tf])
            and not (c.change == "left" and tf in dissolved and c.date == dissolved[tf]))
    out.task_forces_new.sort(key=lambda c: (c.date or "", c.task_force.name))
    out.task_forces_dissolved.sort(key=lambda c: (c.date or "", c.task_force.name))
    out.members.sort(key=lambda c: (c.task_force.name, c.date or "", c.type != MEMBER_OF,
                                    titles().role_rank(c.role), c.member.name))


def _first_seen(f: Fact) -> str | None:
    """The date of the first document stating a fact."""
    return f.evidence.date or f.valid_from


def _holds_at(f: Fact, day: str | None) -> bool:
    """In force at the window's end (an open end: begun and not ended)."""
    if day is None:
        return f.valid_to is None
    return (f.valid_from is None or f.valid_from <= day) and (f.valid_to is None or f.valid_to > day)


def _ended_before(f: Fact, window: Window) -> bool:
    return f.valid_to is not None and window.since is not None and f.valid_to <= window.since


def _counts(facts: list[Fact]) -> tuple[int, int, tuple[str, ...]]:
    people = {f.subject.id for f in facts if f.type == MEMBER_OF}
    units = {f.subject.id for f in facts if f.type == UNIT_OF}
    roles = [f for f in facts if f.type == MEMBER_OF and f.role]
    heads: tuple[str, ...] = ()
    if roles:
        best = min(titles().role_rank(f.role) for f in roles)
        top = sorted({(f.role, f.subject.name) for f in roles if titles().role_rank(f.role) == best})
        heads = tuple(f"{role} {name}" for role, name in top)
    return len(people), len(units), heads


def _member_changes(tf: EntityRef, facts: list[Fact], window: Window, docs: _Documents,
                    near: set[str]) -> list[MemberChange]:
    joined: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    left: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in facts:
        if window.contains(f.valid_from):
            joined[(f.type, f.subject.id)].append(f)
        if window.contains(f.valid_to):
            left[(f.type, f.subject.id)].append(f)
    out: list[MemberChange] = []
    for key in sorted(set(joined) | set(left)):
        ins, outs = joined.get(key, []), left.get(key, [])
        for new in list(ins):  # the same member left one role and took another: a role change
            old = next((f for f in outs if f.role != new.role and f.valid_to == new.valid_from), None)
            if old is not None:
                ins.remove(new)
                outs.remove(old)
                out.append(MemberChange(tf, new.subject, new.type, "role", new.role, old.role, new.valid_from,
                                        docs.stating(new, new.valid_from)))
        for f in ins:
            out.append(MemberChange(tf, f.subject, f.type, "joined", f.role, None, f.valid_from,
                                    docs.stating(f, f.valid_from)))
        for f in outs:
            out.append(MemberChange(tf, f.subject, f.type, "left", f.role, None, f.valid_to,
                                    docs.ending(f.valid_to, _ENDS_MEMBERSHIPS, near, f.ended_by)))
    return out


# --------------------------------------------------------------------------- JSON

def _ref(ref: EntityRef) -> dict[str, Any]:
    return {"id": ref.id, "name": ref.name, "label": ref.label, "place": ref.place}


def _cite(e: Evidence) -> dict[str, Any]:
    return {"doc": e.doc, "docs": list(e.docs), "date": e.date, "sentence": e.sentence, "source": e.source}


def _fact_json(f: Fact) -> dict[str, Any]:
    return {"valid_from": f.valid_from, "valid_to": f.valid_to, "status": f.status, "stated": _cite(f.evidence)}


def _post_json(c: PostChange) -> dict[str, Any]:
    return {"person": _ref(c.person), "title": c.title, "organization": _ref(c.organization), "date": c.date,
            "via": c.via, "evidence": _cite(c.evidence), "fact": _fact_json(c.fact)}


def _duty_json(c: DutyChange) -> dict[str, Any]:
    return {"person": _ref(c.fact.subject), "type": c.fact.type, "zh": c.fact.zh, "object": _ref(c.fact.object),
            "date": c.date, "evidence": _cite(c.evidence), "fact": _fact_json(c.fact)}


def _handover_json(h: Handover) -> dict[str, Any]:
    return {"type": h.type, "zh": SCHEMA.relationships[h.type].zh, "object": _ref(h.object), "date": h.date,
            "before": [_duty_json(c) for c in h.before], "after": [_duty_json(c) for c in h.after]}


def _task_force_json(c: TaskForceChange) -> dict[str, Any]:
    return {"task_force": _ref(c.task_force), "date": c.date, "members": c.members, "units": c.units,
            "heads": list(c.heads), "evidence": _cite(c.evidence)}


def _member_json(c: MemberChange) -> dict[str, Any]:
    return {"task_force": _ref(c.task_force), "member": _ref(c.member), "type": c.type,
            "zh": SCHEMA.relationships[c.type].zh, "change": c.change, "role": c.role, "old_role": c.old_role,
            "date": c.date, "evidence": _cite(c.evidence)}
