"""`govkg ui [--store DIR] [--port N]`: the explorer (Streamlit) on this machine only.

The command only assembles the `streamlit run` line: the app itself lives in
`streamlit_app.py` and `app/`. It listens on loopback, so the graph is never served to
the network, and it tells the app which store to open through `GOVKG_STORE`.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import typer

__all__ = ["ui", "streamlit_command"]

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "streamlit_app.py"
LOOPBACK = "127.0.0.1"


def streamlit_command(port: int) -> list[str]:
    """The `streamlit run` line for the app on loopback at `port`."""
    return [sys.executable, "-m", "streamlit", "run", str(APP),
            "--server.address", LOOPBACK, "--server.port", str(port),
            "--server.headless", "true", "--browser.gatherUsageStats", "false"]


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind((LOOPBACK, port))
        except OSError:
            return False
    return True


def ui(
    store: Path = typer.Option(Path(".govkg"), "--store", help="Store folder to open (built from data/ if missing)."),
    port: int = typer.Option(8501, "--port", help="Port on 127.0.0.1."),
) -> None:
    """Open the explorer: search, profiles, task-force network, chains, Cypher (on 127.0.0.1)."""
    if not _port_free(port):
        typer.echo(f"port {port} on {LOOPBACK} is taken: choose another with --port", err=True)
        raise typer.Exit(1)
    env = {**os.environ, "GOVKG_STORE": str(store.resolve())}
    typer.echo(f"govkg explorer: http://{LOOPBACK}:{port}  (store {store}; Ctrl+C to stop)")
    try:
        code = subprocess.call(streamlit_command(port), cwd=ROOT, env=env)
    except KeyboardInterrupt:
        code = 0
    raise typer.Exit(code)
