"""`govkg build PATH... [--store DIR] [--full] [--workers N]`: add gazettes to the store."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

__all__ = ["build", "print_counts"]


def build(
    paths: list[Path] = typer.Argument(..., help="Files or folders (txt, pdf, docx, html)."),
    store: Path = typer.Option(Path(".govkg"), "--store", help="Store folder to add to (created if missing)."),
    full: bool = typer.Option(False, "--full", help="Rebuild the store from these paths only, reading every file "
                                                    "again (documents taken out with `govkg remove` come back)."),
    workers: int = typer.Option(1, "--workers", "-j", min=1, max=64, help="Processes that read and extract files."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar for many files."),
    strict: bool = typer.Option(False, "--strict", help="Exit non-zero on any problem."),
) -> None:
    """Build the graph: extract the files the store has not read yet, then resolve entities
    and write the records (JSONL) and the embedded LadybugDB database.

    Files already read (same content, whatever their name) are skipped; a file read before
    whose content changed replaces what it gave. The result is the same as a full build."""
    from graph.stores import StoreError
    from graph.update import update_store

    out, err = Console(), Console(stderr=True)
    try:
        report = update_store(store, [str(p) for p in paths], workers=workers, full=full, progress=progress)
    except (StoreError, OSError) as exc:  # not a store folder, disk full …: the old store stays
        err.print(f"[red]error[/red] {escape(str(exc))}; the store is unchanged", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    for p in report.problems:
        if p.severity == "error":
            err.print(f"[red]error[/red] {escape(p.source)}: {escape(p.reason)}", highlight=False, soft_wrap=True)
    if report.rebuilt:
        err.print(f"[yellow]note[/yellow] {escape(report.rebuilt)}", highlight=False, soft_wrap=True)
    if report.store is None:
        if report.files_unchanged:
            out.print(f"nothing new: {len(report.files_unchanged)} files already in {escape(str(store))}; "
                      "the store is unchanged", highlight=False, soft_wrap=True)
            return
        err.print("[red]no files read[/red]: nothing was built, the store is unchanged")
        raise typer.Exit(1)

    print_counts(out, report.store.labels, report.store.types)
    for problem in report.store.build.problems:
        err.print(f"[yellow]not in the graph[/yellow] {escape(problem)}", highlight=False, soft_wrap=True)
    for dup in report.duplicates:
        err.print(f"[yellow]same document twice[/yellow] {escape(dup.label)}: kept {escape(dup.kept)}, "
                  f"left out {escape(dup.dropped)}", highlight=False, soft_wrap=True)
    warnings = sum(p.severity != "error" for p in report.problems)
    skipped = f"; {len(report.files_unchanged)} files already in the store, skipped" if report.files_unchanged else ""
    replaced = f"; {len(report.files_replaced)} changed files read again" if report.files_replaced else ""
    out.print(f"{report.files_read} files read{skipped}{replaced} -> {escape(str(store))}: "
              f"{report.store.build.assertions} assertions from {report.store.documents} documents in "
              f"{report.sources} files" + (f"; {warnings} extraction warnings (`govkg extract --report`)"
                                          if warnings else ""), highlight=False, soft_wrap=True)
    if strict and (report.problems or report.store.build.problems):
        raise typer.Exit(1)


def print_counts(out: Console, labels: dict[str, int], types: dict[str, int]) -> None:
    """Nodes per label and relationships per type, with their Chinese terms."""
    from graph.model import SCHEMA

    by_label = Table("label", "中文", "nodes", title="Nodes")
    for label, n in labels.items():
        by_label.add_row(label, SCHEMA.nodes[label].zh, str(n))
    by_type = Table("type", "中文", "relationships", title="Relationships")
    for rtype, n in types.items():
        by_type.add_row(rtype, SCHEMA.relationships[rtype].zh, str(n))
    out.print(by_label, by_type)
