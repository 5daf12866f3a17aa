"""Cypher results for people: a table of plain cells, a CSV, and a graph of what they contain.

The console shows whatever a query returns. Nodes come back as dicts with `_label` and
the node's properties, relationships with `_type`; the engine does not say which two
nodes a returned relationship joins, so, as Neo4j Browser does for `RETURN a, r, b`, a
relationship is drawn between the nodes returned on either side of it in the row, and a
path between its consecutive nodes.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Sequence

import pandas as pd

from app.graph_view import GraphEdge, GraphNode

__all__ = ["cell", "frame", "to_csv", "graph_of"]


def _is_node(value: Any) -> bool:
    return isinstance(value, dict) and "_label" in value


def _is_rel(value: Any) -> bool:
    return isinstance(value, dict) and "_type" in value


def _is_path(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"nodes", "rels"}


def cell(value: Any) -> Any:
    """A value as a table shows it: nodes by name, relationships by type, lists joined."""
    if _is_node(value):
        return f"({value.get('_label')}) {value.get('name') or value.get('id') or ''}".strip()
    if _is_rel(value):
        role = value.get("role") or value.get("title")
        return f"[{value.get('_type')}{' ' + role if role else ''}]"
    if _is_path(value):
        return " → ".join(str(n.get("name") or n.get("id")) for n in value["nodes"])
    if isinstance(value, (list, tuple)):
        return "、".join(str(cell(v)) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def frame(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> pd.DataFrame:
    """The rows as a DataFrame of plain cells (columns may repeat in Cypher: made unique)."""
    names: list[str] = []
    for c in columns:
        name, i = c, 2
        while name in names:
            name, i = f"{c}_{i}", i + 1
        names.append(name)
    return pd.DataFrame([[cell(v) for v in row] for row in rows], columns=names)


def to_csv(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    """CSV with a byte-order mark, so Excel opens the Chinese correctly."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if v is None else cell(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _node(value: dict[str, Any]) -> GraphNode | None:
    node_id = value.get("id")
    if not node_id:
        return None
    return GraphNode(str(node_id), str(value.get("_label")), str(value.get("name") or node_id))


def graph_of(rows: Sequence[Sequence[Any]], limit: int = 1500) -> tuple[list[GraphNode], list[GraphEdge]]:
    """The nodes and relationships found in the rows (at most `limit` nodes)."""
    nodes: dict[str, GraphNode] = {}
    edges: dict[str, GraphEdge] = {}

    def add_edge(rel: dict[str, Any], a: GraphNode | None, b: GraphNode | None) -> None:
        if a is None or b is None:
            return
        rel_id = str(rel.get("id") or f"{a.id}-{rel.get('_type')}-{b.id}")
        edges.setdefault(rel_id, GraphEdge(rel_id, a.id, b.id, str(rel.get("_type")),
                                           rel.get("role") or rel.get("title")))

    for row in rows:
        row_nodes: list[tuple[int, GraphNode]] = []
        for i, value in enumerate(row):
            if _is_node(value):
                node = _node(value)
                if node:
                    row_nodes.append((i, node))
            elif _is_path(value):
                path_nodes = [_node(n) for n in value["nodes"]]
                for n in path_nodes:
                    if n:
                        nodes.setdefault(n.id, n)
                for j, rel in enumerate(value["rels"]):
                    if j + 1 < len(path_nodes):
                        add_edge(rel, path_nodes[j], path_nodes[j + 1])
        for _, node in row_nodes:
            if len(nodes) < limit:
                nodes.setdefault(node.id, node)
        for i, value in enumerate(row):
            if _is_rel(value):
                before = [n for j, n in row_nodes if j < i]
                after = [n for j, n in row_nodes if j > i]
                add_edge(value, before[-1] if before else None, after[0] if after else None)
    kept = {k: e for k, e in edges.items() if e.source in nodes and e.target in nodes}
    return list(nodes.values()), list(kept.values())
