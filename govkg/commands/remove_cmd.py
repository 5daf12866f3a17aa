"""`govkg remove DOC... [--store DIR]`: take documents' contribution out of the store."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

__all__ = ["remove"]


def remove(
    docs: list[str] = typer.Argument(..., help="Document numbers (朔政发〔2023〕15号), ids, or source files."),
    store: Path = typer.Option(Path(".govkg"), "--store", help="Store folder."),
) -> None:
    """Take out exactly these documents' facts: a fact another document also states stays.

    The result equals a build without them. Their files stay known to the store, so a later
    `govkg build` over the same folder does not bring them back (`govkg build --full` does)."""
    from graph.stores import StoreError
    from graph.update import remove_documents

    out, err = Console(), Console(stderr=True)
    try:
        report = remove_documents(store, docs)
    except LookupError as exc:
        err.print(f"[red]error[/red] {escape(str(exc).strip(chr(34)))}; the store is unchanged",
                  highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    except (StoreError, OSError) as exc:
        err.print(f"[red]error[/red] {escape(str(exc))}; the store is unchanged", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    assert report.store is not None
    for doc in report.removed:
        out.print(f"removed {escape(doc.label)} {escape(doc.title)} ({escape(doc.source)})",
                  highlight=False, soft_wrap=True)
    out.print(f"{escape(str(store))}: {report.store.build.assertions} assertions from "
              f"{report.store.documents} documents", highlight=False, soft_wrap=True)
