"""The 分工总览 arranged: leaders in government order, the leaders × bodies matrix, the tree.

Under 市长负责制 the mayor leads and the vice-mayors and the secretary-general 分管 bodies
on the mayor's behalf; leaders are ordered by their government post as the work-division
notices list them (市长, 常务副市长, 副市长, 秘书长), then by name. Pure functions over
`app.data.Division`, so the page only lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from app.ui import zh_type
from queries.records import EntityRef, Fact
from queries.titles import titles

__all__ = ["Leader", "leaders", "mayors", "matrix", "tree", "shared_bodies"]


@dataclass(frozen=True)
class Leader:
    """A leader with the government post that places them in the order (or None)."""

    ref: EntityRef
    title: str | None
    rank: int


def _rank(title: str | None) -> int:
    t = titles()
    order = list(t.government_heads) + list(t.government_leaders)
    return order.index(title) if title in order else len(order)


def leaders(facts: list[Fact], posts: dict[str, list[Fact]], presides: list[Fact]) -> list[Leader]:
    """Everyone who 分管/主管/联系 or 主持 something, in government order."""
    refs: dict[str, EntityRef] = {}
    for f in facts + presides:
        refs.setdefault(f.subject.id, f.subject)
    out = []
    for pid, ref in refs.items():
        held = [p.role for p in posts.get(pid, []) if p.role and p.status != "ended"]
        best = min(held, key=_rank) if held else None
        out.append(Leader(ref, best, _rank(best)))
    return sorted(out, key=lambda l: (l.rank, l.ref.name))


def mayors(ordered: list[Leader], presides: list[Fact]) -> list[Leader]:
    """The leaders holding a government head's post, else who 主持 a government."""
    heads = [l for l in ordered if l.title in titles().government_heads]
    if heads:
        return heads
    chairs = {f.subject.id for f in presides if f.object.name.endswith("人民政府")}
    return [l for l in ordered if l.ref.id in chairs]


def matrix(facts: list[Fact], ordered: list[Leader], types: tuple[str, ...]) -> pd.DataFrame:
    """Bodies (rows) × leaders (columns, in order): the Chinese term of each tie."""
    cells: dict[str, dict[str, list[str]]] = {}
    names: dict[str, str] = {}
    for f in facts:
        if f.type not in types:
            continue
        names[f.object.id] = f.object.name
        cells.setdefault(f.object.id, {}).setdefault(f.subject.id, []).append(zh_type(f.type))
    columns = [l for l in ordered if any(l.ref.id in row for row in cells.values())]
    index = sorted(cells, key=lambda b: (min((i for i, l in enumerate(columns) if l.ref.id in cells[b]),
                                             default=99), names[b]))
    data = [["、".join(sorted(set(cells[b].get(l.ref.id, [])))) for l in columns] for b in index]
    header = [f"{l.ref.name}（{l.title}）" if l.title else l.ref.name for l in columns]
    return pd.DataFrame(data, index=[names[b] for b in index], columns=header)


def tree(facts: list[Fact], ordered: list[Leader], top: list[Leader], types: tuple[str, ...]
         ) -> list[tuple[Leader, list[Fact]]]:
    """Each leader under the mayor with the bodies they 分管/主管/联系, in government order."""
    out = []
    top_ids = {l.ref.id for l in top}
    for leader in ordered:
        mine = sorted((f for f in facts if f.subject.id == leader.ref.id and f.type in types),
                      key=lambda f: (types.index(f.type), f.object.name))
        if mine or leader.ref.id in top_ids:
            out.append((leader, mine))
    return out


def shared_bodies(facts: list[Fact], rtype: str) -> dict[str, list[Fact]]:
    """Bodies that more than one leader holds by `rtype` (e.g. two leaders 分管 one body)."""
    by_body: dict[str, list[Fact]] = {}
    for f in facts:
        if f.type == rtype:
            by_body.setdefault(f.object.id, []).append(f)
    return {b: fs for b, fs in by_body.items() if len({f.subject.id for f in fs}) > 1}
