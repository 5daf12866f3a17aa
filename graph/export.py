"""Exports of the graph for other tools: RDF (Turtle, JSON-LD), GraphML, CSV tables, and the
CSV layout of `neo4j-admin database import` for loads too large for `govkg push`.

Each format is a function of the networkx graph; `export_graph` picks one by name.
"""

from __future__ import annotations

import csv
import json
import shlex
from pathlib import Path
from typing import Any, Callable

import networkx as nx

from graph.model import SCHEMA
from graph.tables import FROM, TO, node_tables, rel_tables

__all__ = ["FORMATS", "export_graph", "write_turtle", "write_jsonld", "write_graphml", "write_csv",
           "write_neo4j_csv", "graphml_safe"]

ARRAY_DELIMITER = ";"
_NEO4J_TYPES = {"STRING": "string", "INT64": "long", "BOOLEAN": "boolean", "DOUBLE": "double",
                "STRING[]": "string[]"}


def write_turtle(g: nx.MultiDiGraph, path: Path) -> list[Path]:
    from graph.rdf import to_rdf

    to_rdf(g).serialize(destination=str(path), format="turtle", encoding="utf-8")
    return [path]


def write_jsonld(g: nx.MultiDiGraph, path: Path) -> list[Path]:
    from graph.rdf import ENTITY_BASE, to_rdf

    context = {**SCHEMA.namespaces, "id": ENTITY_BASE}
    to_rdf(g).serialize(destination=str(path), format="json-ld", context=context, indent=1,
                        encoding="utf-8")
    return [path]


def _safe_value(value: Any) -> Any:
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)
    return value


def graphml_safe(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy GraphML can hold: lists as JSON strings, None dropped.

    As APOC's GraphML export does, the schema label goes to `labels` (":Person") and the
    relationship type to `label`; nodes get `label` = their name, which Gephi displays."""
    out = nx.MultiDiGraph()
    for node_id, data in g.nodes(data=True):
        attrs = {k: _safe_value(v) for k, v in data.items() if v is not None and k != "label"}
        out.add_node(node_id, labels=f":{data['label']}", label=data.get("name") or node_id, **attrs)
    for u, v, key, data in g.edges(keys=True, data=True):
        attrs = {k: _safe_value(v) for k, v in data.items() if v is not None}
        out.add_edge(u, v, key=key, label=data["type"], **attrs)
    return out


def write_graphml(g: nx.MultiDiGraph, path: Path) -> list[Path]:
    nx.write_graphml(graphml_safe(g), path, encoding="utf-8")
    return [path]


def write_csv(g: nx.MultiDiGraph, folder: Path) -> list[Path]:
    """nodes.csv (id, label, properties) and edges.csv (id, type, source, target, properties)."""
    import pandas as pd

    folder.mkdir(parents=True, exist_ok=True)
    node_cols = ["id", "label"] + _union(SCHEMA.nodes[label].properties for label in SCHEMA.nodes)
    rel_cols = ["id", "type", "source", "target"] + _union(
        SCHEMA.rel_properties(rtype) for rtype in SCHEMA.relationships)
    nodes = pd.DataFrame([{k: _safe_value(data.get(k)) for k in node_cols}
                          for _, data in g.nodes(data=True)], columns=node_cols)
    edges = pd.DataFrame([{**{k: _safe_value(data.get(k)) for k in rel_cols}, "source": u, "target": v}
                          for u, v, data in g.edges(data=True)], columns=rel_cols)
    out = [folder / "nodes.csv", folder / "edges.csv"]
    nodes.to_csv(out[0], index=False)
    edges.to_csv(out[1], index=False)
    return out


def _union(mappings: Any) -> list[str]:
    seen: dict[str, None] = {}
    for m in mappings:
        for k in m:
            if k not in ("id",):
                seen.setdefault(k, None)
    return list(seen)


def _neo4j_cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "STRING[]":
        return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, "；") for v in value)
    if kind == "BOOLEAN":
        return "true" if value else "false"
    return str(value)


def write_neo4j_csv(g: nx.MultiDiGraph, folder: Path) -> list[Path]:
    """Header and data files per label and per relationship table, and the import command.

    Node files: `id:ID`, typed properties, `:LABEL`; relationship files: `:START_ID`,
    `:END_ID`, `:TYPE`, typed properties. Ids are unique across labels, so one id space
    serves all files. Run the written `neo4j-admin-import.sh` against a stopped database."""
    folder.mkdir(parents=True, exist_ok=True)
    out: list[Path] = []
    args: list[str] = []
    for table in node_tables(g):
        cols = [c for c in table.columns if c != "id"]
        header = ["id:ID"] + [f"{c}:{_NEO4J_TYPES[table.columns[c]]}" for c in cols] + [":LABEL"]
        rows = ([table.data["id"][i]] + [_neo4j_cell(table.data[c][i], table.columns[c]) for c in cols]
                + [table.name] for i in range(len(table)))
        out += _write_pair(folder, f"nodes_{table.name}", header, rows)
        args.append(f"--nodes={out[-2].name},{out[-1].name}")
    for table in rel_tables(g):
        cols = [c for c in table.columns if c not in (FROM, TO)]
        header = [":START_ID", ":END_ID", ":TYPE"] + [f"{c}:{_NEO4J_TYPES[table.columns[c]]}" for c in cols]
        rows = ([table.data[FROM][i], table.data[TO][i], table.name]
                + [_neo4j_cell(table.data[c][i], table.columns[c]) for c in cols] for i in range(len(table)))
        out += _write_pair(folder, f"rels_{table.name}_{table.source}_{table.target}", header, rows)
        args.append(f"--relationships={out[-2].name},{out[-1].name}")
    script = folder / "neo4j-admin-import.sh"
    script.write_text(
        "#!/usr/bin/env sh\n# Load into a new, stopped database: neo4j-admin-import.sh [DATABASE]\n"
        'cd "$(dirname "$0")"\n'
        "neo4j-admin database import full \"${1:-neo4j}\" --overwrite-destination "
        f"--array-delimiter={shlex.quote(ARRAY_DELIMITER)} --multiline-fields=true \\\n  "
        + " \\\n  ".join(args) + "\n", encoding="utf-8")
    script.chmod(0o755)
    return out + [script]


def _write_pair(folder: Path, stem: str, header: list[str], rows: Any) -> list[Path]:
    head, data = folder / f"{stem}_header.csv", folder / f"{stem}.csv"
    with open(head, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerow(header)
    with open(data, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, quoting=csv.QUOTE_MINIMAL).writerows(rows)
    return [head, data]


FORMATS: dict[str, Callable[[nx.MultiDiGraph, Path], list[Path]]] = {
    "ttl": write_turtle,
    "jsonld": write_jsonld,
    "graphml": write_graphml,
    "csv": write_csv,
    "neo4j-csv": write_neo4j_csv,
}


def export_graph(g: nx.MultiDiGraph, fmt: str, output: Path) -> list[Path]:
    """Write `g` in format `fmt` to `output` (a file, or a folder for csv and neo4j-csv)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    output = Path(output)
    if fmt not in ("csv", "neo4j-csv"):
        output.parent.mkdir(parents=True, exist_ok=True)
    return FORMATS[fmt](g, output)
