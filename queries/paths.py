"""Shortest labelled paths between two entities, on every store.

LadybugDB has no `shortestPath()` and the stores return paths in different shapes, so the
search is a breadth-first walk in Python over neighbourhoods fetched with the named
queries `edges_out`/`edges_in` (one pair of queries per hop): the same answer on networkx,
LadybugDB and Neo4j. Relationships are walked in both directions; each path keeps the
facts' own direction for display.
"""

from __future__ import annotations

from collections import defaultdict

from graph.stores.base import GraphView
from queries.linker import resolve_entity
from queries.named import run
from queries.records import EntityRef, Fact, PathRecord, fact_from_row

__all__ = ["paths_between", "MAX_HOPS"]

MAX_HOPS = 6
MAX_FRONTIER = 5000  # stop widening beyond this many nodes a hop (a hub is no explanation)


def _neighbours(view: GraphView, ids: list[str], as_of: str | None) -> dict[str, list[tuple[str, Fact]]]:
    out: dict[str, list[tuple[str, Fact]]] = defaultdict(list)
    wanted = set(ids)
    for name in ("edges_out", "edges_in"):
        for row in run(view, name, {"ids": ids, "as_of": as_of}):
            fact = fact_from_row(row, as_of)
            if fact.subject.id in wanted:
                out[fact.subject.id].append((fact.object.id, fact))
            if fact.object.id in wanted and fact.object.id != fact.subject.id:
                out[fact.object.id].append((fact.subject.id, fact))
    return out


def paths_between(view: GraphView, a: str | EntityRef, b: str | EntityRef, *, max_hops: int = MAX_HOPS,
                  limit: int = 10, as_of: str | None = None) -> list[PathRecord]:
    """All shortest paths (up to `limit`) between two entities, at most `max_hops` long."""
    ra, rb = resolve_entity(view, a), resolve_entity(view, b)
    if ra.id == rb.id:
        return []
    refs: dict[str, EntityRef] = {ra.id: ra, rb.id: rb}
    parents: dict[str, list[tuple[str, Fact]]] = {ra.id: []}
    frontier = [ra.id]
    for _ in range(max_hops):
        if not frontier or len(frontier) > MAX_FRONTIER:
            break
        found = _neighbours(view, sorted(frontier), as_of)
        level: dict[str, list[tuple[str, Fact]]] = defaultdict(list)
        for node in frontier:
            for other, fact in found.get(node, []):
                if other in parents:
                    continue
                level[other].append((node, fact))
                refs.setdefault(other, fact.object if fact.object.id == other else fact.subject)
        for node, links in level.items():
            parents[node] = links
        if rb.id in level:
            break
        frontier = sorted(level)
    if rb.id not in parents:
        return []
    paths: list[PathRecord] = []

    def walk(node: str, nodes: list[str], facts: list[Fact]) -> None:
        if len(paths) >= limit:
            return
        if node == ra.id:
            paths.append(PathRecord(tuple(refs[n] for n in reversed(nodes)), tuple(reversed(facts))))
            return
        seen: set[str] = set()
        for parent, fact in sorted(parents[node], key=lambda pf: (pf[0], pf[1].type, pf[1].role or "")):
            if parent in seen:  # one fact per pair of nodes: several roles are one link
                continue
            seen.add(parent)
            walk(parent, nodes + [parent], facts + [fact])

    walk(rb.id, [rb.id], [])
    return sorted(paths, key=lambda p: [n.name for n in p.nodes])
