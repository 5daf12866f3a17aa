"""`govkg push --neo4j URI --user … --password …`: load the store's graph into Neo4j."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

__all__ = ["push"]


def push(
    neo4j: str = typer.Option(..., "--neo4j", envvar="NEO4J_URI", help="Bolt URI, e.g. bolt://localhost:7687."),
    user: str = typer.Option("neo4j", "--user", envvar="NEO4J_USER"),
    password: str = typer.Option(..., "--password", envvar="NEO4J_PASSWORD"),
    database: str | None = typer.Option(None, "--database", envvar="NEO4J_DATABASE"),
    store: Path = typer.Option(Path(".govkg"), "--store", help="Store folder to push."),
    batch_size: int = typer.Option(10_000, "--batch-size", min=1, help="Rows per transaction."),
    replace: bool = typer.Option(False, "--replace", help="First remove every node of govkg's labels."),
) -> None:
    """Create constraints and indexes, then MERGE every node and relationship in batches.

    Pushing twice leaves the same counts; a push that stops part-way is completed by
    running it again."""
    from graph.folder import StoreFolder
    from graph.stores import StoreError
    from graph.stores.neo4j_store import Neo4jStore

    out, err = Console(), Console(stderr=True)
    # The driver retries a failed batch for 30 s, logging each retry and each dead
    # connection with its internals; a push that still fails says so in one message below.
    logging.getLogger("neo4j").setLevel(logging.CRITICAL)
    try:
        build = StoreFolder(store).graph()
        target = Neo4jStore(neo4j, user, password, database, batch_size=batch_size)
        started = time.perf_counter()
        try:
            report = target.write(build.graph, replace=replace)
        finally:
            target.close()
    except StoreError as exc:
        err.print(f"[red]error[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    seconds = time.perf_counter() - started
    table = Table("", "count", "seconds", title=escape(f"Pushed {store} to {neo4j}"))
    table.add_row("nodes", str(report.nodes), f"{report.timings.get('nodes', 0):.1f}")
    table.add_row("relationships", str(report.relationships), f"{report.timings.get('relationships', 0):.1f}")
    table.add_row("total", "", f"{seconds:.1f}")
    out.print(table)
