"""Task forces (工作专班, 领导小组 …): members with roles, units, office, subgroups, who leads
them, and how they overlap through the officials who sit on several.

On `as_of` or, without it, the newest state: after a notice replacing a body's member list
(调整…成员) the members are the new ones; `include_ended` adds the earlier, marked ended."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from graph.stores.base import GraphView
from queries.linker import catalogue, resolve_entity
from queries.named import run
from queries.records import EntityRef, Fact, fact_from_row
from queries.titles import titles
from queries.types import LEADS, PERSON, TASK, TASK_FORCE, UNIT_OF

__all__ = ["members_of", "units_of", "office_of", "subgroups_of", "leads_of", "shared_task_forces",
           "GroupCount", "membership_counts", "Overlap", "task_force_overlaps", "kind_matches"]


def kind_matches(view: GraphView, task_force: EntityRef, kind: str) -> bool:
    """Whether a task force is of `kind` (its recorded kind, else its name's ending)."""
    recorded = task_force.kind or (catalogue(view).ref(task_force.id) or task_force).kind
    return recorded == kind if recorded else task_force.name.endswith(kind)


def members_of(view: GraphView, task_force: str | EntityRef, roles: tuple[str, ...] | None = None, *,
               as_of: str | None = None, include_ended: bool = False) -> list[Fact]:
    """Members with their roles, most senior first; `roles` keeps only those roles;
    `include_ended` adds former members (marked ended, after the others)."""
    ref = resolve_entity(view, task_force, [TASK_FORCE])
    rows = run(view, "memberships", {"task_forces": [ref.id], "as_of": as_of, "history": include_ended})
    facts = [fact_from_row(r, as_of) for r in rows]
    if roles:
        facts = [f for f in facts if f.role in roles]
    return sorted(facts, key=lambda f: (not f.is_current(as_of), titles().role_rank(f.role), f.evidence.source or "",
                                        f.subject.name))


def units_of(view: GraphView, task_force: str | EntityRef, *, as_of: str | None = None) -> list[Fact]:
    """Member units (成员单位, 组长单位) and leading units (牵头) of a task force."""
    ref = resolve_entity(view, task_force, [TASK_FORCE])
    rows = run(view, "unit_links", {"task_forces": [ref.id], "types": [UNIT_OF, LEADS], "as_of": as_of})
    return sorted((fact_from_row(r, as_of) for r in rows),
                  key=lambda f: (f.type != LEADS, f.role or "", f.subject.name))


def office_of(view: GraphView, task_force: str | EntityRef, *, as_of: str | None = None) -> list[Fact]:
    """Where the task force's office sits (办公室设在)."""
    ref = resolve_entity(view, task_force, [TASK_FORCE])
    return [fact_from_row(r, as_of) for r in run(view, "offices", {"task_forces": [ref.id], "as_of": as_of})]


def subgroups_of(view: GraphView, task_force: str | EntityRef, *, as_of: str | None = None) -> list[Fact]:
    """Subgroups (下设) of a task force, and the group it belongs to if it is one."""
    ref = resolve_entity(view, task_force, [TASK_FORCE])
    facts = [fact_from_row(r, as_of) for r in run(view, "subgroups", {"task_forces": [ref.id], "as_of": as_of})]
    return sorted(facts, key=lambda f: (f.subject.id != ref.id, f.evidence.source or "", f.object.name))


def leads_of(view: GraphView, target: str | EntityRef, *, as_of: str | None = None) -> list[Fact]:
    """Who leads (牵头) a task force or a task: leading units, then 组长单位."""
    ref = resolve_entity(view, target, [TASK_FORCE, TASK])
    rows = run(view, "edges_in", {"ids": [ref.id], "types": [LEADS], "as_of": as_of})
    facts = [fact_from_row(r, as_of) for r in rows]
    if ref.label == TASK_FORCE:
        leading = titles().leading_unit_roles
        facts += [f for f in units_of(view, ref, as_of=as_of) if f.type == UNIT_OF and f.role in leading]
    return facts


def shared_task_forces(view: GraphView, a: str | EntityRef, b: str | EntityRef, *,
                       as_of: str | None = None) -> list[tuple[EntityRef, list[Fact]]]:
    """Task forces both persons sit on, each with both memberships."""
    ra, rb = resolve_entity(view, a, [PERSON]), resolve_entity(view, b, [PERSON])
    rows = run(view, "memberships", {"people": [ra.id, rb.id], "as_of": as_of})
    by_tf: dict[str, dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    refs: dict[str, EntityRef] = {}
    for f in (fact_from_row(r, as_of) for r in rows):
        by_tf[f.object.id][f.subject.id].append(f)
        refs[f.object.id] = f.object
    out = [(refs[tf], people[ra.id] + people[rb.id]) for tf, people in by_tf.items()
           if ra.id in people and rb.id in people]
    return sorted(out, key=lambda x: x[0].name)


@dataclass(frozen=True)
class GroupCount:
    """How many task forces one official sits on, and which."""

    person: EntityRef
    count: int
    task_forces: tuple[str, ...]
    roles: tuple[str, ...]


def membership_counts(view: GraphView, kind: str | None = None, *, as_of: str | None = None,
                      include_unnamed: bool = False) -> list[GroupCount]:
    """Officials by the number of task forces they sit on, most first."""
    rows = run(view, "memberships", {"as_of": as_of})
    groups: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    people: dict[str, EntityRef] = {}
    cat = catalogue(view)
    for f in (fact_from_row(r, as_of) for r in rows):
        if kind and not kind_matches(view, f.object, kind):
            continue
        if not include_unnamed and f.subject.id in cat.unnamed:
            continue
        people[f.subject.id] = f.subject
        groups[f.subject.id][f.object.name].add(f.role or "")
    out = [GroupCount(people[p], len(tfs), tuple(sorted(tfs)),
                      tuple("、".join(sorted(r for r in tfs[t] if r)) for t in sorted(tfs)))
           for p, tfs in groups.items()]
    return sorted(out, key=lambda g: (-g.count, g.person.name))


@dataclass(frozen=True)
class Overlap:
    """Two task forces and the officials who sit on both."""

    a: EntityRef
    b: EntityRef
    people: tuple[str, ...]


def task_force_overlaps(view: GraphView, *, as_of: str | None = None) -> list[Overlap]:
    """Pairs of task forces sharing members, most shared first."""
    rows = run(view, "memberships", {"as_of": as_of})
    members: dict[str, set[str]] = defaultdict(set)
    refs: dict[str, EntityRef] = {}
    names: dict[str, str] = {}
    for f in (fact_from_row(r, as_of) for r in rows):
        members[f.object.id].add(f.subject.id)
        refs[f.object.id] = f.object
        names[f.subject.id] = f.subject.name
    ids = sorted(members, key=lambda i: (refs[i].name, i))  # each pair named in name order, whatever the ids
    out = []
    for i, x in enumerate(ids):
        for y in ids[i + 1:]:
            shared = members[x] & members[y]
            if shared:
                out.append(Overlap(refs[x], refs[y], tuple(sorted(names[p] for p in shared))))
    return sorted(out, key=lambda o: (-len(o.people), o.a.name, o.b.name))
