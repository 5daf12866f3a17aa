"""The graph as typed tables: one per node label, one per (type, from label, to label).

LadybugDB bulk-loads tables (COPY needs one file per FROM/TO pair), Neo4j is pushed in
batches of rows, and the CSV exports are tables, so the graph is cut into tables once,
here, with column types taken from the schema.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

import networkx as nx

from graph.model import SCHEMA

__all__ = ["Table", "node_columns", "rel_columns", "node_tables", "rel_tables", "arrow_table"]

FROM, TO = "from", "to"


@dataclass
class Table:
    """Columns of one node label or one relationship type between two labels."""

    name: str                      # the label or relationship type
    columns: dict[str, str]        # column -> schema type (STRING, INT64, BOOLEAN, DOUBLE, STRING[])
    data: dict[str, list[Any]]     # column -> values
    source: str | None = None      # for relationships: the FROM and TO labels
    target: str | None = None

    @property
    def is_rel(self) -> bool:
        return self.source is not None

    def __len__(self) -> int:
        return len(self.data["id"])

    def rows(self) -> Iterator[dict[str, Any]]:
        names = list(self.data)
        for values in zip(*(self.data[c] for c in names)):
            yield dict(zip(names, values))


def node_columns(label: str) -> dict[str, str]:
    """id first, then the label's properties as the schema lists them."""
    return {"id": "STRING", **SCHEMA.nodes[label].properties}


def rel_columns(rtype: str) -> dict[str, str]:
    """id first, then provenance and the type's own properties."""
    return {"id": "STRING", **SCHEMA.rel_properties(rtype)}


def node_tables(g: nx.MultiDiGraph) -> list[Table]:
    """One table per label that has nodes, in schema order."""
    tables = {label: Table(label, node_columns(label), {c: [] for c in node_columns(label)})
              for label in SCHEMA.nodes}
    for node_id, data in g.nodes(data=True):
        t = tables[data["label"]]
        for c, values in t.data.items():
            values.append(data.get(c))
    return [t for t in tables.values() if len(t)]


def rel_tables(g: nx.MultiDiGraph) -> list[Table]:
    """One table per (type, from label, to label) that has relationships, in schema order."""
    labels = dict(g.nodes(data="label"))
    tables: dict[tuple[str, str, str], Table] = {}
    for rtype, rel in SCHEMA.relationships.items():
        cols = {FROM: "STRING", TO: "STRING", **rel_columns(rtype)}
        for src in rel.sources:
            for dst in rel.targets:
                tables[(rtype, src, dst)] = Table(rtype, cols, {c: [] for c in cols}, src, dst)
    for u, v, data in g.edges(data=True):
        t = tables[(data["type"], labels[u], labels[v])]
        t.data[FROM].append(u)
        t.data[TO].append(v)
        for c, values in t.data.items():
            if c not in (FROM, TO):
                values.append(data.get(c))
    return [t for t in tables.values() if len(t)]


def _arrow_types() -> dict[str, Any]:
    import pyarrow as pa

    return {"STRING": pa.string(), "INT64": pa.int64(), "BOOLEAN": pa.bool_(),
            "DOUBLE": pa.float64(), "STRING[]": pa.list_(pa.string())}


def arrow_table(table: Table) -> Any:
    """The table as a pyarrow Table typed from the schema (empty columns keep their type)."""
    import pyarrow as pa

    types = _arrow_types()
    schema = pa.schema([(c, types[t]) for c, t in table.columns.items()])
    return pa.table({c: pa.array(table.data[c], type=types[t]) for c, t in table.columns.items()},
                    schema=schema)
