"""`govkg extract PATH... -o edges.jsonl [--report]`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.markup import escape

from extract.report import build_report

if TYPE_CHECKING:
    from extract.pipeline import ExtractionResult
    from graph.resolve import ResolutionReport

__all__ = ["extract"]


def extract(
    paths: list[Path] = typer.Argument(..., help="Files or folders (txt, pdf, docx, html)."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write assertions as JSON Lines here (default: stdout)."),
    report: bool = typer.Option(False, "--report", help="Per document: its type, facts per extractor and the "
                                "lines not understood; then unresolved mentions and ambiguities."),
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
        _print_report(err, result, res)
        if output is not None:
            rep_path = output.with_suffix(".report.json")
            try:
                rep_path.write_text(json.dumps({
                    "files": [f.to_dict() for f in build_report(result)],
                    "problems": [p.__dict__ for p in result.problems],
                    "unresolved": res.unresolved, "ambiguous": res.ambiguous,
                    "merges": [m.__dict__ for m in res.merges],
                }, ensure_ascii=False, indent=1, default=list), encoding="utf-8")
            except OSError as exc:
                err.print(f"[red]error[/red] cannot write {escape(str(rep_path))}: {escape(exc.strerror or str(exc))}",
                          highlight=False)
    if result.files_read == 0 or (strict and result.problems):
        raise typer.Exit(1)


def _print_report(err: Console, result: "ExtractionResult", res: "ResolutionReport") -> None:
    """Each file, then each of its documents: type, facts per extractor, warnings; a file
    that could not be read was said above, in its one error line."""
    def say(text: str) -> None:
        err.print(escape(text), highlight=False)

    err.print("[bold]Report[/bold]")
    for file in build_report(result):
        if not file.documents and all(p.severity == "error" for p in file.problems):
            continue  # not read: its error line is above
        say(f"{file.source}: {len(file.documents)} document(s)")
        for p in file.problems:
            if p.severity != "error":
                say(f"  warning  {p.source}: {p.reason}")
        for doc in file.documents:
            info = doc.info
            facts = ", ".join(f"{name} {n}" for name, n in doc.facts.items()) or "no extractor for this type"
            say(f"  {info.label} [{info.doc_type}] lines {info.lines[0]}-{info.lines[1]}: {info.title}")
            say(f"    facts: {facts}")
            for p in doc.warnings:
                say(f"    not understood  {p.source}: {p.reason}")
    if res.unresolved or res.ambiguous or res.merges:
        say("Across documents:")
    for u in res.unresolved:
        say(f"  unresolved      {u} (a person named only by role)")
    for a in res.ambiguous:
        say(f"  ambiguous       {a} (one name in several places: kept apart)")
    for m in res.merges:
        say(f"  merged          {m.name} <- {' / '.join(m.surfaces)} ({'; '.join(m.reasons)})")
