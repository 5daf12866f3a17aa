"""`govkg export --format ttl|jsonld|graphml|csv|neo4j-csv -o PATH`."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

__all__ = ["export", "ExportFormat"]


class ExportFormat(str, Enum):
    ttl = "ttl"
    jsonld = "jsonld"
    graphml = "graphml"
    csv = "csv"
    neo4j_csv = "neo4j-csv"


def export(
    fmt: ExportFormat = typer.Option(..., "--format", "-f", help="ttl, jsonld (RDF), graphml, csv, neo4j-csv."),
    output: Path = typer.Option(..., "-o", "--output", help="File, or folder for csv and neo4j-csv."),
    store: Path = typer.Option(Path(".govkg"), "--store", help="Store folder to export."),
) -> None:
    """Export the graph: RDF on W3C ORG/PROV-O/FOAF, GraphML (Gephi), CSV tables, neo4j-admin CSV."""
    from graph.export import export_graph
    from graph.folder import StoreFolder
    from graph.stores import StoreError

    err = Console(stderr=True)
    try:
        build = StoreFolder(store).graph()
    except StoreError as exc:
        err.print(f"[red]error[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    files = export_graph(build.graph, fmt.value, output)
    err.print(f"{build.graph.number_of_nodes()} nodes, {build.graph.number_of_edges()} relationships -> "
              + escape(", ".join(str(f) for f in files[:4])) + (f" … ({len(files)} files)" if len(files) > 4 else ""),
              highlight=False, soft_wrap=True)
