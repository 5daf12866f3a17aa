"""`govkg build PATH... [--store DIR]`: extract, resolve, and write the store folder."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

__all__ = ["build"]


def build(
    paths: list[Path] = typer.Argument(..., help="Files or folders (txt, pdf, docx, html)."),
    store: Path = typer.Option(Path(".govkg"), "--store", help="Store folder to (re)write."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar for many files."),
    strict: bool = typer.Option(False, "--strict", help="Exit non-zero on any problem."),
) -> None:
    """Build the graph: assertions and documents (JSONL) and the embedded LadybugDB database."""
    from extract.pipeline import extract_paths
    from graph.folder import write_store
    from graph.model import SCHEMA
    from graph.resolve import resolve
    from graph.stores import StoreError

    out, err = Console(), Console(stderr=True)
    result = extract_paths([str(p) for p in paths], progress=progress)
    for p in result.problems:
        if p.severity == "error":
            err.print(f"[red]error[/red] {escape(p.source)}: {escape(p.reason)}", highlight=False, soft_wrap=True)
    if result.files_read == 0:
        err.print("[red]no files read[/red]: nothing was built, the store is unchanged")
        raise typer.Exit(1)
    assertions, _ = resolve(result.assertions, result.documents)
    try:
        report = write_store(store, assertions, result.documents)
    except (StoreError, OSError) as exc:  # not a store folder, disk full …: the old store stays
        err.print(f"[red]error[/red] {escape(str(exc))}; the store is unchanged", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None

    labels = Table("label", "中文", "nodes", title="Nodes")
    for label, n in report.labels.items():
        labels.add_row(label, SCHEMA.nodes[label].zh, str(n))
    types = Table("type", "中文", "relationships", title="Relationships")
    for rtype, n in report.types.items():
        types.add_row(rtype, SCHEMA.relationships[rtype].zh, str(n))
    out.print(labels, types)
    for problem in report.build.problems:
        err.print(f"[yellow]not in the graph[/yellow] {escape(problem)}", highlight=False, soft_wrap=True)
    warnings = sum(p.severity != "error" for p in result.problems)
    out.print(f"{report.build.assertions} assertions from {report.documents} documents in "
              f"{result.files_read} files -> {escape(str(store))}"
              + (f"; {warnings} extraction warnings (`govkg extract --report`)" if warnings else ""),
              highlight=False, soft_wrap=True)
    if strict and (result.problems or report.build.problems):
        raise typer.Exit(1)
