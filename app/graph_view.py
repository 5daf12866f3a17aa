"""Our one door to the graph widget (st-link-analysis, which bundles Cytoscape.js).

Pages hand it plain nodes and edges and get back what the user did (a click, an
expand), so the widget can be swapped without touching a page. Colours and captions come
from the schema; edges are grouped by role (组长, 副组长, 成员 …) so leaders stand out.
Cytoscape lays out a few hundred nodes well in the browser; beyond `BROWSER_LAYOUT_MAX`
nodes, and wherever a page passes `positions` (the 专班网络 does, so that expanding a node
moves nothing already drawn: `keep_positions`), the positions are computed here with
networkx and passed with the `preset` layout, as Neo4j Bloom does, so the browser only
draws. The best-connected nodes (hubs) get labels sized to be read when the whole graph
is in view; the others' labels appear as one zooms in. The widget itself is
`app.widget` (its text in Chinese).
"""

from __future__ import annotations

import hashlib
import math
import warnings
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

import networkx as nx
import streamlit as st
from st_link_analysis import EdgeStyle, Event, NodeStyle
from st_link_analysis.component.layouts import LAYOUTS

from app.widget import graph_component

from graph.model import SCHEMA

__all__ = ["GraphNode", "GraphEdge", "GraphEvent", "BROWSER_LAYOUT_MAX", "graph_view", "legend_html",
           "role_group", "preset_positions", "keep_positions", "label_sizes", "elements", "choose_layout",
           "caption", "LABEL_PX", "VIEW_SIZE"]

BROWSER_LAYOUT_MAX = 1000

# Icons shipped inside the widget (no download); labels without one are plain discs.
_ICONS = {"Person": "person", "Organization": "account_balance", "TaskForce": "group",
          "Document": "description", "Area": "flag", "Post": "badge", "Appointment": "assured_workload",
          "Task": "inventory"}

# Edge groups by role: who leads, who deputises, who runs the office, who is a member.
ROLE_GROUPS: dict[str, tuple[str, str]] = {
    "lead": ("牵头/组长", "#c0392b"),
    "deputy": ("副职", "#e67e22"),
    "office": ("办公室", "#16a085"),
    "member": ("成员", "#95a5a6"),
    "other": ("其他关系", "#7f8c8d"),
}


def role_group(role: str | None) -> str:
    """The edge group of a role, read from its wording (so new roles of the schema fit)."""
    if not role:
        return "other"
    if "办公室" in role or role == "联络员":
        return "office"
    if role in ("成员", "成员单位"):
        return "member"
    if "副" in role:
        return "deputy"
    return "lead"


@dataclass(frozen=True)
class GraphNode:
    """A node to draw: its graph id, schema label and display name."""

    id: str
    label: str
    name: str
    extra: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class GraphEdge:
    """An edge to draw: relationship type of the schema, with the role where there is one."""

    id: str
    source: str
    target: str
    type: str
    role: str | None = None


@dataclass(frozen=True)
class GraphEvent:
    """What the user did in the widget: `click` on a node, or `expand` it."""

    action: str
    node_ids: tuple[str, ...] = field(default_factory=tuple)
    stamp: int = 0  # the widget's timestamp: the same event comes back on every rerun

    @property
    def node_id(self) -> str | None:
        return self.node_ids[0] if self.node_ids else None


def caption(edge: GraphEdge) -> str:
    """What an edge says on screen: its role where it has one (组长, 副组长, 成员单位 …),
    else the Chinese term of its type (分管, 联系, 办公室设在 …)."""
    if edge.role:
        return edge.role
    rel = SCHEMA.relationships.get(edge.type)
    return rel.zh if rel else edge.type


HUBS_MAX = 300  # networkx lays these out with its dense spring layout (numpy only, no scipy)
SPRING_MAX = 600  # up to this many nodes every node takes part in the spring layout
NODE_GAP = 70.0   # the typical distance from a node to its nearest neighbour, in pixels at zoom 1


def _spring(g: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """Every node in one spring layout, scaled so that a node's nearest neighbour is
    typically NODE_GAP away (labels fit between them once zoomed in); separate parts of
    the graph are packed side by side rather than flung to the edges."""
    import numpy as np

    parts = sorted(nx.connected_components(g), key=lambda c: (-len(c), min(c)))
    pos: dict[str, tuple[float, float]] = {}
    left = 0.0
    row_top, row_height, row_width = 0.0, 0.0, 0.0
    width_max = None
    for part in parts:
        sub = g.subgraph(part)
        if len(part) == 1:
            raw = {next(iter(part)): np.zeros(2)}
        else:
            raw = nx.spring_layout(sub, seed=seed, iterations=120)
        ids = sorted(raw)
        xy = np.array([raw[i] for i in ids], dtype=float)
        if len(ids) > 1:
            d = np.sqrt(((xy[:, None, :] - xy[None, :, :]) ** 2).sum(-1))
            np.fill_diagonal(d, np.inf)
            xy = xy * (NODE_GAP / max(float(np.median(d.min(axis=1))), 1e-9))
        xy -= xy.min(axis=0)
        w, h = (xy.max(axis=0) + NODE_GAP) if len(ids) else (NODE_GAP, NODE_GAP)
        if width_max is None:
            width_max = max(float(w) * 1.6, 600.0)  # the biggest part sets the page's width
        if left and left + w > width_max:  # next row
            row_top += row_height
            left, row_height = 0.0, 0.0
        for i, (x, y) in zip(ids, xy):
            pos[i] = (float(x) + left, float(y) + row_top)
        left += float(w)
        row_height = max(row_height, float(h))
        row_width = max(row_width, left)
    return pos


def preset_positions(nodes: Sequence[GraphNode], edges: Sequence[GraphEdge], seed: int = 7) -> dict[str, tuple[float, float]]:
    """Pixel positions, computed in Python, deterministic for a seed.

    Up to SPRING_MAX nodes, one spring layout of them all (`_spring`). Beyond, a membership network is hubs (task forces, bodies) and the people around them, so the
    hubs (the best-connected nodes, at most HUBS_MAX) get a spring layout from networkx,
    tied where they share members, and every other node sits on a small ring around the
    mean position of its hubs. Linear in the graph beyond the hubs, and it needs neither
    scipy nor the browser.
    """
    g = nx.Graph()
    g.add_nodes_from(n.id for n in nodes)
    g.add_edges_from((e.source, e.target) for e in edges if e.source in g and e.target in g and e.source != e.target)
    if 1 < len(nodes) <= SPRING_MAX:
        return _spring(g, seed)
    ranked = sorted(g.nodes, key=lambda n: (-g.degree(n), n))
    hubs = [n for n in ranked[:HUBS_MAX] if g.degree(n) > 1]
    hub_set = set(hubs)
    h = nx.Graph()
    h.add_nodes_from(hubs)
    for node in g.nodes:
        around = sorted(x for x in g.neighbors(node) if x in hub_set)
        if node in hub_set:
            h.add_edges_from((node, x) for x in around)
        for i, a in enumerate(around):
            for b in around[i + 1:]:
                weight = h.edges[a, b]["weight"] + 1 if h.has_edge(a, b) else 1
                h.add_edge(a, b, weight=weight)
    spread = 60.0 * math.sqrt(max(len(nodes), 1))
    pos = {n: (float(x) * spread, float(y) * spread)
           for n, (x, y) in (nx.spring_layout(h, seed=seed, iterations=60).items() if hubs else [])}
    siblings: dict[tuple[str, ...], int] = {}
    loose = 0
    golden = math.pi * (3 - math.sqrt(5))
    for node in ranked:
        if node in pos:
            continue
        around = tuple(sorted(x for x in g.neighbors(node) if x in pos))
        if around:
            cx = sum(pos[x][0] for x in around) / len(around)
            cy = sum(pos[x][1] for x in around) / len(around)
            k = siblings.get(around, 0)
            siblings[around] = k + 1
            r = 40.0 + 9.0 * math.sqrt(k)
            pos[node] = (cx + r * math.cos(k * golden), cy + r * math.sin(k * golden))
        else:  # no hub nearby: a grid below the rest
            pos[node] = ((loose % 40) * 50.0 - spread, spread * 1.2 + (loose // 40) * 50.0)
            loose += 1
    return pos


def keep_positions(nodes: Sequence[GraphNode], edges: Sequence[GraphEdge],
                   previous: Mapping[str, tuple[float, float]] | None = None) -> dict[str, tuple[float, float]]:
    """Positions for every node, keeping those of `previous` (what is already on screen).

    Without a previous picture (or sharing no node with it) this is `preset_positions`.
    Otherwise a node new to the picture goes on a ring around its neighbours already
    placed, on the first free spot, so that expanding a node adds to the picture and
    moves nothing; a node with no placed neighbour goes below the picture.
    """
    ids = [n.id for n in nodes]
    kept = {i: previous[i] for i in ids if previous and i in previous}
    if not kept:
        return preset_positions(nodes, edges)
    around: dict[str, set[str]] = {i: set() for i in ids}
    for e in edges:
        if e.source in around and e.target in around and e.source != e.target:
            around[e.source].add(e.target)
            around[e.target].add(e.source)
    pos = dict(kept)
    taken = _Grid(pos.values())
    golden = math.pi * (3 - math.sqrt(5))
    pending = sorted((i for i in ids if i not in pos), key=lambda i: (-len(around[i]), i))
    while pending:
        placed_any = False
        for node in list(pending):
            anchors = sorted(x for x in around[node] if x in pos)
            if not anchors:
                continue
            cx = sum(pos[x][0] for x in anchors) / len(anchors)
            cy = sum(pos[x][1] for x in anchors) / len(anchors)
            k = 0
            while True:
                r = 45.0 + 9.0 * math.sqrt(k)
                spot = (cx + r * math.cos(k * golden), cy + r * math.sin(k * golden))
                if not taken.near(spot):
                    break
                k += 1
            pos[node] = spot
            taken.add(spot)
            pending.remove(node)
            placed_any = True
        if not placed_any:  # the rest touches nothing drawn: a row below the picture
            bottom = max(y for _, y in pos.values()) + 80.0
            left = min(x for x, _ in pos.values())
            for i, node in enumerate(pending):
                pos[node] = (left + (i % 30) * 50.0, bottom + (i // 30) * 50.0)
            break
    return pos


class _Grid:
    """Points in buckets, to ask quickly whether a spot is free (no point within `gap`)."""

    def __init__(self, points: Iterable[tuple[float, float]], gap: float = 30.0) -> None:
        self.gap = gap
        self.cells: dict[tuple[int, int], list[tuple[float, float]]] = {}
        for p in points:
            self.add(p)

    def _cell(self, p: tuple[float, float]) -> tuple[int, int]:
        return int(p[0] // self.gap), int(p[1] // self.gap)

    def add(self, p: tuple[float, float]) -> None:
        self.cells.setdefault(self._cell(p), []).append(p)

    def near(self, p: tuple[float, float]) -> bool:
        cx, cy = self._cell(p)
        return any(math.dist(p, q) < self.gap for dx in (-1, 0, 1) for dy in (-1, 0, 1)
                   for q in self.cells.get((cx + dx, cy + dy), ()))


LABEL_PX = 12           # the smallest text people read comfortably on screen
NODE_FONT = 11          # a label's size at zoom 1
VIEW_SIZE = (700, 540)  # a little less than the widget on a laptop screen, for the overview zoom
HUBS_LABELLED = 15


def label_sizes(nodes: Sequence[GraphNode], edges: Sequence[GraphEdge],
                positions: Mapping[str, tuple[float, float]] | None,
                view: tuple[int, int] = VIEW_SIZE) -> dict[str, tuple[float, float]]:
    """(font size, smallest shown size) per node. With the whole picture in view the
    zoom is about view / extent; the hubs (most ties, at most HUBS_LABELLED) get a font
    that is LABEL_PX on screen at that zoom and always shows; the others keep the normal
    size and show once zoomed in far enough to read them, so the overview is not a blob."""
    degree: dict[str, int] = {n.id: 0 for n in nodes}
    for e in edges:
        for end in (e.source, e.target):
            if end in degree:
                degree[end] += 1
    zoom = 1.0
    if positions:
        xs = [positions[n.id][0] for n in nodes if n.id in positions]
        ys = [positions[n.id][1] for n in nodes if n.id in positions]
        if xs:
            zoom = min(view[0] / (max(xs) - min(xs) + 80), view[1] / (max(ys) - min(ys) + 80), 1.5)
    else:  # laid out in the browser: about 70 px a node across
        zoom = min(1.5, 10 / math.sqrt(max(len(nodes), 1)))
    ranked = sorted((i for i, d in degree.items() if d >= 3), key=lambda i: (-degree[i], i))
    hubs = set(ranked[:HUBS_LABELLED])
    hub_font = min(max(NODE_FONT, LABEL_PX / zoom), 80.0)
    return {n.id: ((hub_font, 0.0) if n.id in hubs else (float(NODE_FONT), 8.0)) for n in nodes}


def elements(nodes: Sequence[GraphNode], edges: Sequence[GraphEdge],
             positions: Mapping[str, tuple[float, float]] | None = None) -> dict[str, list[dict[str, Any]]]:
    """The widget's element list; edges whose ends are not drawn are left out. Nodes carry
    their Chinese type (`zh`) and label sizes, edges their caption (`caption`)."""
    ids = {n.id for n in nodes}
    names = {n.id: n.name for n in nodes}
    sizes = label_sizes(nodes, edges, positions)
    out_nodes = []
    for n in nodes:
        spec = SCHEMA.nodes.get(n.label)
        font, smallest = sizes[n.id]
        item: dict[str, Any] = {"data": {"id": n.id, "label": n.label, "name": n.name, "zh": spec.zh if spec else n.label,
                                         "font": round(font, 1), "minfont": smallest, **dict(n.extra)}}
        if positions and n.id in positions:
            x, y = positions[n.id]
            item["position"] = {"x": round(x, 1), "y": round(y, 1)}
        out_nodes.append(item)
    out_edges = [
        {"data": {"id": e.id, "source": e.source, "target": e.target, "label": role_group(e.role) if e.role else "other",
                  "type": e.type, "role": e.role or "", "caption": caption(e), "zh": zh_rel(e.type),
                  "source_name": names[e.source], "target_name": names[e.target]}}
        for e in edges if e.source in ids and e.target in ids
    ]
    return {"nodes": out_nodes, "edges": out_edges}


def zh_rel(rtype: str) -> str:
    rel = SCHEMA.relationships.get(rtype)
    return rel.zh if rel else rtype


class _NodeStyle(NodeStyle):
    """A NodeStyle whose label size comes from the node (`label_sizes`): hubs readable
    with the whole graph in view, the others once zoomed in."""

    def dump(self) -> dict[str, Any]:
        out = super().dump()
        out["style"].update({"min-zoomed-font-size": "data(minfont)", "font-size": "data(font)",
                             "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "ellipsis",
                             "text-max-width": 1000})
        return out


class _EdgeStyle(EdgeStyle):
    """An EdgeStyle whose caption (组长, 分管 …) is drawn at a size one can read when zoomed in
    (the widget's own is 3 px)."""

    def dump(self) -> dict[str, Any]:
        out = super().dump()
        out["style"].update({"font-size": 7, "min-zoomed-font-size": 7, "color": "#333",
                             "text-background-color": "#ffffff", "text-background-opacity": 0.85,
                             "text-background-padding": 1})
        return out


def _styles(labels: Iterable[str]) -> tuple[list[NodeStyle], list[EdgeStyle]]:
    node_styles: list[NodeStyle] = [_NodeStyle(label, SCHEMA.nodes[label].color, "name", _ICONS.get(label))
                                    for label in labels if label in SCHEMA.nodes]
    with warnings.catch_warnings():  # EdgeStyle warns about `labeled` even when it is not passed
        warnings.simplefilter("ignore")
        edge_styles = [_EdgeStyle(group, color, caption="caption", directed=True)
                       for group, (_, color) in ROLE_GROUPS.items()]
    return node_styles, edge_styles


def legend_html(labels: Iterable[str], roles: bool = True) -> str:
    """A one-line legend: node colours and Chinese terms from the schema, then edge groups."""
    parts = []
    for label in labels:
        spec = SCHEMA.nodes.get(label)
        if spec is None:
            continue
        parts.append(f'<span style="display:inline-block;width:.8em;height:.8em;border-radius:50%;'
                     f'background:{spec.color};margin:0 .3em 0 .9em"></span>{spec.zh}')
    if roles:
        for name, color in ROLE_GROUPS.values():
            parts.append(f'<span style="display:inline-block;width:1.4em;height:.2em;background:{color};'
                         f'vertical-align:middle;margin:0 .3em 0 .9em"></span>{name}')
    return '<div style="font-size:.9em">' + "".join(parts) + "</div>"


def choose_layout(nodes: Sequence[GraphNode], edges: Sequence[GraphEdge], tree: bool = False,
                  positions: Mapping[str, tuple[float, float]] | None = None, view_key: str | None = None
                  ) -> tuple[dict[str, Any], dict[str, tuple[float, float]] | None]:
    """The widget's layout, and positions when they are computed here (given, or a large graph).

    The widget runs its layout only when the layout changes, so the layout names what it
    lays out: the node set for a browser layout (new nodes are laid out, not dropped on
    one point), `view_key` for given positions (a new view is fitted to the screen; an
    expansion of the same view keeps the zoom and every node where it was)."""
    ids = hashlib.sha1("|".join(sorted(n.id for n in nodes)).encode()).hexdigest()[:12]
    if positions is not None:
        return {"name": "preset", "fit": True, "padding": 30, "govkg": view_key or ids}, dict(positions)
    if len(nodes) > BROWSER_LAYOUT_MAX:
        return {"name": "preset", "fit": True, "padding": 20, "govkg": ids}, preset_positions(nodes, edges)
    if tree:
        return {"name": "breadthfirst", "directed": True, "fit": True, "padding": 20, "spacingFactor": 1.1,
                "animate": False, "govkg": ids}, None
    return {**LAYOUTS["fcose"], "fit": True, "govkg": ids}, None


def graph_view(nodes: Sequence[GraphNode], edges: Sequence[GraphEdge], *, key: str, height: int = 560,
               expandable: bool = False, tree: bool = False,
               positions: Mapping[str, tuple[float, float]] | None = None,
               view_key: str | None = None) -> GraphEvent | None:
    """Draw the graph; returns the user's last click or expand, or None.

    Up to `BROWSER_LAYOUT_MAX` nodes Cytoscape lays them out (fcose, or top-down for a
    `tree`) unless `positions` are given; beyond, positions come from `preset_positions`.
    """
    layout, placed = choose_layout(nodes, edges, tree, positions, view_key)
    node_styles, edge_styles = _styles(sorted({n.label for n in nodes}))
    value = graph_component(
        elements=elements(nodes, edges, placed), style=[s.dump() for s in (*node_styles, *edge_styles)],
        layout=layout, height=f"{height}px", key=key, default=None,
        nodeActions=["expand"] if expandable else [], events=[Event("click", "click tap", "node").dump()],
    )
    return _event(value)


def _event(value: Any) -> GraphEvent | None:
    if not isinstance(value, dict):
        return None
    data = value.get("data") or {}
    stamp = int(value.get("timestamp") or 0)
    if value.get("action") == "click" and data.get("target_id"):
        return GraphEvent("click", (str(data["target_id"]),), stamp)
    if value.get("action") == "expand" and data.get("node_ids"):
        return GraphEvent("expand", tuple(str(i) for i in data["node_ids"]), stamp)
    return None
