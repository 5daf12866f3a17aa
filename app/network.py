"""What the 专班网络 page draws: the network filtered, expanded around nodes, and capped.

Kept apart from the page so that the page reads as a description of the screen and this
logic can be tested without Streamlit. Works on `app.data.Network` (plain records).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from app.graph_view import GraphEdge, GraphNode
from queries.records import EntityRef, Fact

__all__ = ["Filters", "View", "EXPAND_CAP", "DRAW_MAX", "within_budget", "filtered", "neighbours", "draw", "graph_elements", "co_members",
           "role_counts"]

EXPAND_CAP = 25
DRAW_MAX = 2500  # beyond this many nodes a picture says nothing: draw the biggest groups only
PERSON, TASK_FORCE, ORGANIZATION = "Person", "TaskForce", "Organization"


@dataclass(frozen=True)
class Filters:
    """The user's choices: task forces, roles, organisations (ids; empty = all), units shown."""

    task_forces: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()
    units: bool = False
    around: str | None = None  # only the task forces of this person (同组)


@dataclass
class View:
    """The facts to draw, and for each expanded node how many neighbours were left out."""

    facts: list[Fact]
    hidden: dict[str, int] = field(default_factory=dict)


def _task_force(f: Fact) -> str | None:
    if f.object.label == TASK_FORCE:
        return f.object.id
    if f.subject.label == TASK_FORCE:
        return f.subject.id
    return None


def filtered(facts: Sequence[Fact], flt: Filters) -> list[Fact]:
    """The facts the filters keep. Organisations keep the task forces they are tied to, and
    themselves with their ties to them, whether other units are shown or not."""
    forces = set(flt.task_forces)
    if flt.orgs:
        by_org = {_task_force(f) for f in facts
                  if {f.subject.id, f.object.id} & set(flt.orgs) and _task_force(f)}
        forces = forces & by_org if forces else by_org
    if flt.around:
        mine = {f.object.id for f in facts if f.subject.id == flt.around and f.object.label == TASK_FORCE}
        forces = forces & mine if forces else mine
    out = []
    chosen = set(flt.orgs)
    for f in facts:
        touches_org = ORGANIZATION in (f.subject.label, f.object.label)
        if touches_org and not flt.units and not {f.subject.id, f.object.id} & chosen:
            continue  # units hidden, except the units filtered by: they are what was asked
        if forces or flt.orgs or flt.around:
            if f.subject.label == TASK_FORCE and f.object.label == TASK_FORCE:
                if f.subject.id not in forces and f.object.id not in forces:
                    continue
            elif _task_force(f) not in forces:
                continue
        if flt.roles and f.role is not None and f.role not in flt.roles:
            continue
        out.append(f)
    return out


def neighbours(facts: Iterable[Fact], node: str) -> list[Fact]:
    """Facts touching `node`, task forces' leaders first (组长 before 成员)."""
    return [f for f in facts if node in (f.subject.id, f.object.id)]


def draw(all_facts: Sequence[Fact], flt: Filters, expanded: Mapping[str, int]) -> View:
    """The filtered facts plus, for each expanded node, up to its cap of neighbours."""
    facts = filtered(all_facts, flt)
    shown = {(f.subject.id, f.type, f.object.id, f.role) for f in facts}
    view = View(list(facts))
    for node, cap in expanded.items():
        extra = [f for f in neighbours(all_facts, node) if (f.subject.id, f.type, f.object.id, f.role) not in shown]
        extra.sort(key=lambda f: (f.role or "~", f.subject.name, f.object.name))
        for f in extra[:cap]:
            view.facts.append(f)
            shown.add((f.subject.id, f.type, f.object.id, f.role))
        if len(extra) > cap:
            view.hidden[node] = len(extra) - cap
    return view


def within_budget(facts: Sequence[Fact], max_nodes: int = DRAW_MAX) -> tuple[list[Fact], int]:
    """The facts of the largest task forces that fit in `max_nodes`, and how many task
    forces were left out (0 when everything fits)."""
    by_tf: dict[str, list[Fact]] = defaultdict(list)
    loose: list[Fact] = []
    for f in facts:
        tf = _task_force(f)
        (by_tf[tf] if tf else loose).append(f)
    nodes = {r.id for f in facts for r in (f.subject, f.object)}
    if len(nodes) <= max_nodes:
        return list(facts), 0
    kept: list[Fact] = []
    seen: set[str] = set()
    left_out = 0
    for tf, group in sorted(by_tf.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        new = {r.id for f in group for r in (f.subject, f.object)} - seen
        if len(seen) + len(new) > max_nodes:
            left_out += 1
            continue
        seen |= new
        kept.extend(group)
    return kept, left_out


def graph_elements(facts: Sequence[Fact]) -> tuple[list[GraphNode], list[GraphEdge]]:
    """Nodes and edges of the widget for these facts."""
    nodes: dict[str, GraphNode] = {}
    edges: dict[str, GraphEdge] = {}
    for f in facts:
        for ref in (f.subject, f.object):
            nodes.setdefault(ref.id, GraphNode(ref.id, ref.label, ref.name))
        edge_id = f"{f.subject.id}|{f.type}|{f.object.id}|{f.role or ''}"
        edges.setdefault(edge_id, GraphEdge(edge_id, f.subject.id, f.object.id, f.type, f.role))
    return list(nodes.values()), list(edges.values())


def co_members(facts: Iterable[Fact], person: str) -> list[tuple[EntityRef, list[str]]]:
    """Who sits with `person` on a task force, and on which, most shared first."""
    facts = list(facts)
    mine = {f.object.id: f.object.name for f in facts if f.subject.id == person and f.object.label == TASK_FORCE}
    shared: dict[str, set[str]] = defaultdict(set)
    refs: dict[str, EntityRef] = {}
    for f in facts:
        if f.object.id in mine and f.subject.label == PERSON and f.subject.id != person:
            shared[f.subject.id].add(mine[f.object.id])
            refs[f.subject.id] = f.subject
    return sorted(((refs[p], sorted(tfs)) for p, tfs in shared.items()), key=lambda x: (-len(x[1]), x[0].name))


def role_counts(facts: Iterable[Fact]) -> Counter[str]:
    return Counter(f.role for f in facts if f.role)
