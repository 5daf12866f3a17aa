"""The `govkg` command: one Typer app; each command lives in `govkg/commands/`."""

from __future__ import annotations

import typer

from govkg.commands import extract_cmd, ingest_cmd
from govkg.commands import build_cmd, cypher_cmd, export_cmd, push_cmd, ui_cmd
from govkg.commands import ask_cmd, changes_cmd, remove_cmd

app = typer.Typer(
    help="govkg: 政府公报 -> knowledge graph of organisations, officials and responsibilities.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

app.command("ingest")(ingest_cmd.ingest)
app.command("extract")(extract_cmd.extract)
app.command("build")(build_cmd.build)
app.command("remove")(remove_cmd.remove)
app.command("cypher")(cypher_cmd.cypher)
app.command("push")(push_cmd.push)
app.command("export")(export_cmd.export)
app.command("ui")(ui_cmd.ui)
app.command("ask")(ask_cmd.ask)
app.command("changes")(changes_cmd.changes)
