"""`govkg cypher "MATCH … RETURN …"`: read-only Cypher on the store or on Neo4j."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

__all__ = ["cypher", "parse_params", "as_of_option", "DEFAULT_TIMEOUT_S", "DEFAULT_MAX_ROWS"]

# A question typed at a terminal; anything slower is a mistake (a cross product, an
# unbounded path), and 10 000 rows is more than anyone reads: --json/--csv for more.
DEFAULT_TIMEOUT_S = 30.0
DEFAULT_MAX_ROWS = 10_000


def parse_params(items: list[str]) -> dict[str, Any]:
    """`name=value` gives a string; `name:=value` parses value as JSON (numbers, lists …)."""
    params: dict[str, Any] = {}
    for item in items:
        name, sep, raw = item.partition("=")
        if not sep:
            raise typer.BadParameter(f"{item}: write name=value or name:=json", param_hint="--param")
        value: Any = raw
        if name.endswith(":"):
            name = name[:-1]
            try:
                value = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise typer.BadParameter(f"{item}: not JSON ({exc.msg})", param_hint="--param") from None
        if not name.isidentifier():
            raise typer.BadParameter(f"{name!r} is not a parameter name", param_hint="--param")
        params[name] = value
    return params


def as_of_option(help: str) -> Any:
    """`--as-of DATE`, read by `queries.as_of.parse_as_of` (2023-07-01; 2023-07 and 2023 mean
    their first day); anything else is a usage error naming the forms, not a traceback."""
    from queries.as_of import AS_OF_FORMS, AsOfError, parse_as_of

    def day(text: str) -> str | None:
        try:
            return parse_as_of(text)
        except AsOfError as exc:
            raise typer.BadParameter(str(exc)) from None

    return typer.Option(None, "--as-of", parser=day, metavar="DATE", help=f"{help} ({AS_OF_FORMS}).")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def cypher(
    query: str = typer.Argument(..., help="Cypher (MATCH … RETURN …); writes are refused."),
    store: Path | None = typer.Option(None, "--store", help="Store folder [default: .govkg]; wins over NEO4J_URI."),
    as_json: bool = typer.Option(False, "--json", help="Print rows as a JSON array of objects."),
    as_csv: bool = typer.Option(False, "--csv", help="Print rows as CSV."),
    param: list[str] = typer.Option([], "--param", "-p", help="name=value (a string) or name:=json; repeatable."),
    as_of: str | None = as_of_option("The day $as_of names; without it $as_of is '' (the newest state)"),
    neo4j: str | None = typer.Option(None, "--neo4j", envvar="NEO4J_URI", help="Query Neo4j at this Bolt URI instead."),
    user: str = typer.Option("neo4j", "--user", envvar="NEO4J_USER"),
    password: str = typer.Option("", "--password", envvar="NEO4J_PASSWORD"),
    database: str | None = typer.Option(None, "--database", envvar="NEO4J_DATABASE"),
    timeout: float = typer.Option(DEFAULT_TIMEOUT_S, "--timeout", min=0,
                                  help="Stop the query after this many seconds (0: no limit)."),
    max_rows: int = typer.Option(DEFAULT_MAX_ROWS, "--max-rows", min=0,
                                 help="Fetch at most this many rows (0: all); a note says when rows were left out."),
) -> None:
    """Run read-only Cypher; results as a table, --json or --csv. `$name` parameters come from --param;
    `$as_of` is the --as-of day (YYYY-MM-DD), or '' without one, as in the library's queries:
    `WHERE $as_of = '' OR r.valid_from <= $as_of`.

    Writes are refused by the engine (a read-only LadybugDB database, Neo4j read
    transactions), and clauses that reach outside the graph (LOAD, COPY, CHECKPOINT …)
    before it (exit code 2); a query past --timeout is stopped (exit code 1)."""
    from govkg.commands.views import open_view
    from graph.stores import ReadOnlyError, StoreError
    from queries.as_of import bind_as_of

    err = Console(stderr=True)
    if as_json and as_csv:
        raise typer.BadParameter("choose one of --json and --csv")
    params = parse_params(param)
    if as_of is not None and "as_of" in params:
        raise typer.BadParameter("give the day once: --as-of, or --param as_of=…", param_hint="--as-of")
    params = bind_as_of(query, params, as_of)
    if as_of and "as_of" not in params:
        err.print(f"note: the query does not use $as_of; --as-of {as_of} changes nothing", highlight=False)
    try:
        view = open_view(store, neo4j, user, password, database)
        with view:
            result = view.cypher(query, params, timeout=timeout or None, max_rows=max_rows or None)
    except ReadOnlyError as exc:
        err.print(f"[red]{escape(str(exc))}[/red]", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    except StoreError as exc:
        err.print(f"[red]error[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None

    if result.truncated:
        err.print(f"[yellow]stopped at {len(result.rows)} rows[/yellow] (--max-rows {max_rows}): add LIMIT, "
                  "narrow the query, or raise --max-rows", highlight=False, soft_wrap=True)
    if as_json:
        json.dump(result.records(), sys.stdout, ensure_ascii=False, indent=1, default=str)
        sys.stdout.write("\n")
    elif as_csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(result.columns)
        writer.writerows([_cell(v) for v in row] for row in result.rows)
    else:
        table = Table(*(escape(c) for c in result.columns), caption=f"{len(result.rows)} rows")
        for row in result.rows:
            table.add_row(*(escape(_cell(v)) for v in row))
        Console().print(table)
