"""`govkg extract PATH... -o edges.jsonl [--report]`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

__all__ = ["extract"]


def extract(
    paths: list[Path] = typer.Argument(..., help="Files or folders (txt, pdf, docx, html)."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write assertions as JSON Lines here (default: stdout)."),
    report: bool = typer.Option(False, "--report", help="Print unresolved mentions, ambiguities and unparsed lines."),
    strict: bool = typer.Option(False, "--strict", help="Exit non-zero on any problem."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar for many files."),
) -> None:
    """Extract facts (分管, 成员, 任命 …) with provenance, one JSON object a line."""
    from extract.pipeline import extract_paths
    from graph.records import write_jsonl
    from graph.resolve import resolve

    err = Console(stderr=True, soft_wrap=True)
    result = extract_paths([str(p) for p in paths], progress=progress)
    assertions, res = resolve(result.assertions, result.documents)
    if output is None:
        write_jsonl(assertions, sys.stdout)
    else:
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            with output.open("w", encoding="utf-8") as fh:
                n = write_jsonl(assertions, fh)
        except OSError as exc:
            err.print(f"[red]error[/red] cannot write {escape(str(output))}: {escape(exc.strerror or str(exc))}",
                      highlight=False)
            raise typer.Exit(1) from None
        err.print(f"{n} facts from {len(result.documents)} documents in {result.files_read} files -> {escape(str(output))}")
    errors = [p for p in result.problems if p.severity == "error"]
    for p in errors:
        err.print(f"[red]error[/red] {escape(p.source)}: {escape(p.reason)}", highlight=False)
    if report:
        err.print("[bold]Report[/bold]")
        for p in result.problems:
            if p.severity != "error":
                err.print(f"  not understood  {escape(p.source)}: {escape(p.reason)}", highlight=False)
        for u in res.unresolved:
            err.print(f"  unresolved      {escape(str(u))} (a person named only by role)", highlight=False)
        for a in res.ambiguous:
            err.print(f"  ambiguous       {escape(str(a))} (one name in several places: kept apart)", highlight=False)
        for m in res.merges:
            err.print(escape(f"  merged          {m.name} <- {' / '.join(m.surfaces)} ({'; '.join(m.reasons)})"),
                      highlight=False)
        if output is not None:
            rep_path = output.with_suffix(".report.json")
            rep_path.write_text(json.dumps({
                "problems": [p.__dict__ for p in result.problems],
                "unresolved": res.unresolved, "ambiguous": res.ambiguous,
                "merges": [m.__dict__ for m in res.merges],
            }, ensure_ascii=False, indent=1, default=list), encoding="utf-8")
    if result.files_read == 0 or (strict and result.problems):
        raise typer.Exit(1)
