"""`govkg ask "问题"`: a question in Chinese, answered from the store with its evidence."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape

from govkg.commands.cypher_cmd import as_of_option

__all__ = ["ask"]

_SHOWN = 12  # suggestions printed for a question not understood


def _print(answer: Any, console: Console) -> None:
    p = lambda text="", style="": console.print(f"[{style}]{escape(text)}[/{style}]" if style else escape(text),
                                                highlight=False, soft_wrap=True)
    p(f"问：{answer.question}", "bold")
    p(f"截至 {answer.as_of}（as of）" if answer.as_of else "最新状态（newest state; --as-of DATE for a day）", "dim")
    if not answer.understood:
        p("未能理解这个问题（not understood）。", "yellow")
        p("可以这样问：")
        for s in answer.suggestions[:_SHOWN]:
            p(f"  {s}")
        if len(answer.suggestions) > _SHOWN:
            p(f"  … 共 {len(answer.suggestions)} 种问法（--json 列出全部）")
        return
    if answer.ambiguous:
        p(answer.message, "yellow")
        return
    p(f"答：{'、'.join(answer.shown) if answer.answers else '（没有找到）'}", "bold green")
    for line in answer.message.splitlines():  # one line per place where answers are grouped
        p(f"    {line}")
    if answer.details and answer.details != answer.answers:
        for line in answer.details[:40]:
            p(f"    · {line}")
        if len(answer.details) > 40:
            p(f"    … 另有 {len(answer.details) - 40} 条")
    if answer.evidence:
        p("依据：", "bold")
        for e in answer.evidence[:20]:
            p(f"  {e.cite()}")
            if e.source:
                p(f"    {e.source}", "dim")
        if len(answer.evidence) > 20:
            p(f"  … 另有 {len(answer.evidence) - 20} 条")
    if answer.queries:
        p(f"Cypher（{answer.queries[0].engine}）：", "bold")
        for q in answer.queries:
            p(f"  [{q.name}] {q.cypher}", "cyan")
            p(f"    params: {json.dumps(q.params, ensure_ascii=False)}  rows: {q.rows}", "dim")


def ask(
    question: str = typer.Argument(..., help="A question in Chinese, e.g. 谁分管市财政局？"),
    store: Path | None = typer.Option(None, "--store", help="Store folder [default: .govkg]; wins over NEO4J_URI."),
    as_json: bool = typer.Option(False, "--json", help="Print the answer as JSON (answers, cypher, evidence …)."),
    as_of: str | None = as_of_option("Answer for this day; without it, the newest state"),
    neo4j: str | None = typer.Option(None, "--neo4j", envvar="NEO4J_URI", help="Ask Neo4j at this Bolt URI instead."),
    user: str = typer.Option("neo4j", "--user", envvar="NEO4J_USER"),
    password: str = typer.Option("", "--password", envvar="NEO4J_PASSWORD"),
    database: str | None = typer.Option(None, "--database", envvar="NEO4J_DATABASE"),
) -> None:
    """Answer a question (谁分管X, X的局长是谁, X参加了哪些工作专班 …) with evidence and Cypher.

    A question it cannot read is answered with the forms it can (exit code 0)."""
    from govkg.commands.views import open_view
    from graph.stores import StoreError
    from queries.answer import ask as ask_question

    err = Console(stderr=True)
    try:
        view = open_view(store, neo4j, user, password, database)
        with view:
            answer = ask_question(view, question, as_of=as_of)
    except StoreError as exc:
        err.print(f"[red]error[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    if as_json:
        json.dump(answer.to_json(), sys.stdout, ensure_ascii=False, indent=1, default=str)
        sys.stdout.write("\n")
    else:
        _print(answer, Console())
