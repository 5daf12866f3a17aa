"""`govkg changes --since DATE [--until DATE]` or `--between A B`: what changed in a window."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Callable, Sequence

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

__all__ = ["changes"]


def _check_date(value: str | None) -> str | None:
    from queries.changes import WindowError, parse_date

    if value is None:
        return None
    try:
        return parse_date(value)
    except WindowError as exc:
        raise typer.BadParameter(str(exc)) from None


def _zh(name: str) -> str:
    """The Chinese term of a label or relationship type, from the schema."""
    from graph.model import SCHEMA

    spec = SCHEMA.nodes.get(name) or SCHEMA.relationships.get(name)
    return spec.zh if spec else name


def _doc(e: Any, day: str | None = None) -> str:
    """The document(s) of the evidence; their date too when it is not the row's."""
    docs = "、".join(e.docs) if e.docs else (e.doc or "?")
    return docs if e.date == day else f"{docs}（{e.date or '日期不详'}）"


def _table(console: Console, title: str, columns: Sequence[str], rows: list[Any],
           cells: Callable[[Any], Sequence[str | None]]) -> None:
    if not rows:
        console.print(f"[bold]{escape(title)}[/bold]: none", highlight=False)
        return
    table = Table(title=f"{title} ({len(rows)})", title_justify="left", title_style="bold")
    for c in columns:
        table.add_column(escape(c), overflow="fold")
    for row in rows:
        table.add_row(*(escape(c or "") for c in cells(row)))
    console.print(table)


def _print(result: Any, console: Console) -> None:
    from graph.model import SCHEMA
    from queries.types import DUTIES, HOLDS, MEMBER_OF

    w = result.window
    head = f"Changes {w.describe()}"
    if w.between:
        head += f"  (between {w.between[0]} and {w.between[1]})"
    console.print(f"[bold]{escape(head)}[/bold]", highlight=False)
    person, org, post, task_force = _zh("Person"), _zh("Organization"), _zh("Post"), _zh("TaskForce")
    holds, duties = _zh(HOLDS), "/".join(SCHEMA.relationships[t].zh for t in DUTIES)

    _table(console, f"{holds}: new", ("from", person, post, org, "how", "evidence"), result.posts_new,
           lambda c: (c.date, c.person.name, c.title, c.organization.name, c.how, _doc(c.evidence, c.date)))
    _table(console, f"{holds}: ended", ("until", person, post, org, "how", "since", "evidence"), result.posts_ended,
           lambda c: (c.date, c.person.name, c.title, c.organization.name, c.how, c.fact.valid_from,
                      _doc(c.evidence, c.date)))
    _table(console, f"{duties}: new", ("from", person, "type", "object", "evidence"), result.duties_new,
           lambda c: (c.date, c.fact.subject.name, c.fact.zh, c.fact.object.name, _doc(c.evidence, c.date)))
    _table(console, f"{duties}: ended", ("until", person, "type", "object", "since", "evidence"), result.duties_ended,
           lambda c: (c.date, c.fact.subject.name, c.fact.zh, c.fact.object.name, c.fact.valid_from,
                      _doc(c.evidence, c.date)))
    _table(console, f"{duties}: changed", ("date", "type", "object", "before → after", "evidence"), result.duties_changed,
           lambda h: (h.date, _zh(h.type), h.object.name,
                      f"{'、'.join(c.fact.subject.name for c in h.before)} → "
                      f"{'、'.join(c.fact.subject.name for c in h.after)}",
                      "；".join(dict.fromkeys(_doc(c.evidence, h.date) for c in h.after + h.before))))
    force_cells = lambda c: (c.date, c.task_force.name, str(c.members), str(c.units), "、".join(c.heads),
                             _doc(c.evidence, c.date))
    force_columns = (task_force, _zh(MEMBER_OF), _zh("UNIT_OF"), "heads", "evidence")
    _table(console, f"{task_force}: new", ("first", *force_columns), result.task_forces_new, force_cells)
    _table(console, f"{task_force}: dissolved", ("until", *force_columns), result.task_forces_dissolved, force_cells)
    _table(console, f"{task_force}: {_zh(MEMBER_OF)} changes", ("date", task_force, "change", "member", "role", "evidence"),
           result.members,
           lambda c: (c.date, c.task_force.name, c.change, c.member.name,
                      f"{c.old_role or ''} → {c.role or ''}" if c.change == "role" else c.role,
                      _doc(c.evidence, c.date)))

def changes(
    since: str | None = typer.Option(None, "--since", callback=_check_date,
                                     help="Changes after this date (YYYY-MM-DD, exclusive)."),
    until: str | None = typer.Option(None, "--until", callback=_check_date,
                                     help="Changes up to this date (YYYY-MM-DD, inclusive) [default: open]."),
    between: tuple[str, str] | None = typer.Option(
        None, "--between", metavar="A B",
        help="Two gazettes (source files as built, or document numbers): after A's newest document, up to B's."),
    store: Path | None = typer.Option(None, "--store", help="Store folder [default: .govkg]; wins over NEO4J_URI."),
    as_json: bool = typer.Option(False, "--json", help="Print the changes as JSON."),
    neo4j: str | None = typer.Option(None, "--neo4j", envvar="NEO4J_URI", help="Ask Neo4j at this Bolt URI instead."),
    user: str = typer.Option("neo4j", "--user", envvar="NEO4J_USER"),
    password: str = typer.Option("", "--password", envvar="NEO4J_PASSWORD"),
    database: str | None = typer.Option(None, "--database", envvar="NEO4J_DATABASE"),
) -> None:
    """What changed in a window: posts taken and left (任命/免去), 分工 given, dropped and handed
    over, task forces set up and dissolved, members who joined and left; each with its document.

    A bad date, an unknown gazette or an empty window is refused (exit code 2)."""
    from govkg.commands.views import open_view
    from graph.stores import StoreError
    from queries.changes import Window, WindowError, changes_in, window_between

    err = Console(stderr=True)

    def refuse(message: str) -> typer.Exit:
        err.print(f"[red]error[/red] {escape(message)}", highlight=False, soft_wrap=True)
        return typer.Exit(2)

    if between and (since or until):
        raise refuse("give either --since/--until or --between, not both")
    if not between and not since:
        raise refuse("give --since DATE (and --until DATE if you like) or --between GAZETTE_A GAZETTE_B")
    try:
        window = None if between else Window(since, until)
        view = open_view(store, neo4j, user, password, database)
        with view:
            if window is None:
                window = window_between(view, *between)  # type: ignore[misc]
            result = changes_in(view, window)
    except WindowError as exc:
        raise refuse(str(exc)) from None
    except StoreError as exc:
        err.print(f"[red]error[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    if as_json:
        json.dump(result.to_json(), sys.stdout, ensure_ascii=False, indent=1, default=str)
        sys.stdout.write("\n")
    else:
        _print(result, Console())
