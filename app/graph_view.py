"""Our one door to the graph widget (st-link-analysis, which bundles Cytoscape.js).

Pages hand it plain nodes and edges and get back what the user did (a click, an
expand), so the widget can be swapped without touching a page. Colours and captions come
from the schema; edges are grouped by role (组长, 副组长, 成员 …) so leaders stand out.
Cytoscape lays out a few hundred nodes well in the browser; beyond `BROWSER_LAYOUT_MAX`
nodes the positions are computed here with networkx and passed with the `preset` layout,
as Neo4j Bloom does, so the browser only draws.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

import networkx as nx
import streamlit as st
from st_link_analysis import EdgeStyle, Event, NodeStyle, st_link_analysis

from graph.model import SCHEMA

__all__ = ["GraphNode", "GraphEdge", "GraphEvent", "BROWSER_LAYOUT_MAX", "graph_view", "legend_html",
           "role_group", "preset_positions", "elements", "choose_layout"]

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


def _caption(edge: GraphEdge) -> str:
    rel = SCHEMA.relationships.get(edge.type)
    zh = rel.zh if rel else edge.type
    return f"{zh}·{edge.role}" if edge.role and edge.role != zh else zh


HUBS_MAX = 300  # networkx lays these out with its dense spring layout (numpy only, no scipy)


def preset_positions(nodes: Sequence[GraphNode], edges: Sequence[GraphEdge], seed: int = 7) -> dict[str, tuple[float, float]]:
    """Pixel positions for large graphs, computed in Python, deterministic for a seed.

    A membership network is hubs (task forces, bodies) and the people around them, so the
    hubs (the best-connected nodes, at most HUBS_MAX) get a spring layout from networkx,
    tied where they share members, and every other node sits on a small ring around the
    mean position of its hubs. Linear in the graph beyond the hubs, and it needs neither
    scipy nor the browser.
    """
    g = nx.Graph()
    g.add_nodes_from(n.id for n in nodes)
    g.add_edges_from((e.source, e.target) for e in edges if e.source in g and e.target in g and e.source != e.target)
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


def elements(nodes: Sequence[GraphNode], edges: Sequence[GraphEdge],
             positions: dict[str, tuple[float, float]] | None = None) -> dict[str, list[dict[str, Any]]]:
    """The widget's element list; edges whose ends are not drawn are left out."""
    ids = {n.id for n in nodes}
    out_nodes = []
    for n in nodes:
        item: dict[str, Any] = {"data": {"id": n.id, "label": n.label, "name": n.name, **dict(n.extra)}}
        if positions and n.id in positions:
            x, y = positions[n.id]
            item["position"] = {"x": x, "y": y}
        out_nodes.append(item)
    out_edges = [
        {"data": {"id": e.id, "source": e.source, "target": e.target, "label": role_group(e.role) if e.role else "other",
                  "type": e.type, "role": e.role or "", "caption": _caption(e)}}
        for e in edges if e.source in ids and e.target in ids
    ]
    return {"nodes": out_nodes, "edges": out_edges}


class _NodeStyle(NodeStyle):
    """A NodeStyle whose caption stays readable when the whole graph is in view.

    The widget hides text below 10 px on screen; names are what people read, so ours
    stay visible down to 5 px (a few hundred nodes at most are drawn at once).
    """

    def dump(self) -> dict[str, Any]:
        out = super().dump()
        out["style"].update({"min-zoomed-font-size": 5, "font-size": 11, "text-valign": "bottom",
                             "text-margin-y": 3})
        return out


def _styles(labels: Iterable[str]) -> tuple[list[NodeStyle], list[EdgeStyle]]:
    node_styles: list[NodeStyle] = [_NodeStyle(label, SCHEMA.nodes[label].color, "name", _ICONS.get(label))
                                    for label in labels if label in SCHEMA.nodes]
    with warnings.catch_warnings():  # EdgeStyle warns about `labeled` even when it is not passed
        warnings.simplefilter("ignore")
        edge_styles = [EdgeStyle(group, color, caption="caption", directed=True)
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


def choose_layout(nodes: Sequence[GraphNode], edges: Sequence[GraphEdge], tree: bool = False
                  ) -> tuple[str | dict[str, Any], dict[str, tuple[float, float]] | None]:
    """The widget's layout, and positions when they are computed here (large graphs)."""
    if len(nodes) > BROWSER_LAYOUT_MAX:
        return {"name": "preset", "fit": True, "padding": 20}, preset_positions(nodes, edges)
    if tree:
        return {"name": "breadthfirst", "directed": True, "fit": True, "padding": 20, "spacingFactor": 1.1,
                "animate": False}, None
    return "fcose", None


def graph_view(nodes: Sequence[GraphNode], edges: Sequence[GraphEdge], *, key: str, height: int = 560,
               expandable: bool = False, tree: bool = False) -> GraphEvent | None:
    """Draw the graph; returns the user's last click or expand, or None.

    Up to `BROWSER_LAYOUT_MAX` nodes Cytoscape lays them out (fcose, or top-down for a
    `tree`); beyond, positions come from `preset_positions` and the browser keeps them.
    """
    layout, positions = choose_layout(nodes, edges, tree)
    node_styles, edge_styles = _styles(sorted({n.label for n in nodes}))
    value = st_link_analysis(
        elements(nodes, edges, positions), layout=layout, node_styles=node_styles, edge_styles=edge_styles,
        height=height, key=key, node_actions=["expand"] if expandable else [],
        events=[Event("click", "click tap", "node")],
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
