"""`govkg ingest PATH... [--json] [--strict]`: which documents are in these files.

Only argument parsing and printing live here; reading and splitting are
`extract.ingest.ingest_paths`. Each bad file gets one line on stderr naming it and the
reason; the exit code is 0 when anything was read, 1 when nothing could be (or, with
--strict, when anything went wrong). No traceback reaches the user.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer

__all__ = ["ingest", "document_row"]


def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders (txt, pdf, docx, html); folders are read recursively."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array of documents instead of a table."),
    strict: bool = typer.Option(False, "--strict", help="Exit non-zero on any problem, warnings included."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar for many files (on a terminal)."),
    max_size: float = typer.Option(100, "--max-size", help="Refuse files larger than this many MB (not a gazette).",
                                   min=0.001),
) -> None:
    """Read gazettes and list the documents in them: number, type, date, issuer, title, lines."""
    from rich.console import Console

    err = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        from extract.ingest import ingest_paths

        result = ingest_paths([str(p) for p in paths], progress=progress, max_bytes=int(max_size * 1024 * 1024))
        if as_json:
            sys.stdout.write(json.dumps([document_row(d.info) for d in result.documents],
                                        ensure_ascii=False, indent=1) + "\n")
        elif result.documents:
            _print_table(result.documents)
        for p in result.problems:
            label = "[red]error[/red]" if p.severity == "error" else "[yellow]warning[/yellow]"
            err.print(f"{label} {_escape(p.source)}: {_escape(p.reason)}")
        total = result.files_read + result.files_failed
        err.print(f"{len(result.documents)} document(s) from {result.files_read} of {total} file(s)"
                  + (f"; {result.files_failed} could not be read" if result.files_failed else "")
                  + (f"; {result.files_skipped} skipped" if result.files_skipped else ""))
    except KeyboardInterrupt:
        err.print("interrupted")
        raise typer.Exit(130)
    except BrokenPipeError:  # `govkg ingest … | head`
        raise typer.Exit(0)
    except Exception as exc:  # a bug of ours: one line, not a traceback
        err.print(f"[red]error[/red] govkg ingest failed: {type(exc).__name__}: {_escape(str(exc).splitlines()[0] if str(exc) else '')}")
        raise typer.Exit(3)
    if result.files_read == 0:
        if total == 0:
            err.print("[red]error[/red] no files to read")
        raise typer.Exit(1)
    if strict and result.problems:
        raise typer.Exit(1)


def document_row(info: Any) -> dict[str, Any]:
    """A document as `--json` prints it (and the table shows it)."""
    return {
        "number": info.number,
        "title": info.title,
        "date": info.date,
        "issuer": info.issuer,
        "type": info.doc_type,
        "source": info.source,
        "lines": list(info.lines),
        "section": info.section,
        "addressees": info.addressees,
        "pages": list(info.pages) if info.pages else None,
        "doc_id": info.doc_id,
    }


def _print_table(documents: list[Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    table.add_column("number", no_wrap=True, min_width=8)
    table.add_column("type", no_wrap=True)
    table.add_column("date", no_wrap=True, min_width=10)
    table.add_column("issuer", ratio=1, min_width=6)
    table.add_column("title", ratio=3, min_width=12, overflow="fold")
    table.add_column("source lines", overflow="fold", min_width=12)
    for d in documents:
        info = d.info
        name = info.source.replace("\\", "/").rsplit("/", 1)[-1]
        table.add_row(info.number or "—", info.doc_type, info.date or "—", info.issuer or "—",
                      info.title, f"{name}:{info.lines[0]}-{info.lines[1]}")
    # a pipe or a file gets a wide table rather than 80 columns of wrapped Chinese
    Console(highlight=False, width=None if sys.stdout.isatty() else 200).print(table)


def _escape(text: str) -> str:
    """Keep rich from reading [brackets] in file names and reasons as markup."""
    from rich.markup import escape

    return escape(text)
