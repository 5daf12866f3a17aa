"""What the reliability tests share: the CLI run in its own process, store fingerprints.

Outcomes that a user sees (exit code, one line on stderr, no traceback) are checked by
running the installed `govkg` in its own process, as a user would; details by calling
the library.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ROOT", "SEED", "GOVKG", "COUNT_QUERY", "Run", "govkg", "fingerprint", "graph_counts", "no_traceback",
           "neo4j_env"]

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "gazettes" / "shuozhou-2023-04.txt"
FIXTURES = ROOT / "tests" / "fixtures"
GOVKG = Path(sys.executable).with_name("govkg")

for extra in (FIXTURES, ROOT / "tests" / "graph"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

COUNT_QUERY = "MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS rels"


@dataclass(frozen=True)
class Run:
    """A finished `govkg` process."""

    code: int
    stdout: str
    stderr: str
    seconds: float = 0.0


def govkg(*args: str, env: dict[str, str] | None = None, timeout: float = 300, cwd: Path | None = None) -> Run:
    """Run the installed `govkg` command in its own process (no Neo4j settings inherited)."""
    import time

    base = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    base.update({"NO_COLOR": "1", "COLUMNS": "200", "PYTHONUNBUFFERED": "1"})
    started = time.perf_counter()
    proc = subprocess.run([str(GOVKG), *args], capture_output=True, text=True, timeout=timeout,
                          env={**base, **(env or {})}, cwd=cwd or ROOT)
    return Run(proc.returncode, proc.stdout, proc.stderr, time.perf_counter() - started)


def fingerprint(store: Path) -> dict[str, str]:
    """Every file in a store folder with a hash of its bytes: a store that is 'unchanged'
    has the same files (no new WAL or shadow file either) with the same bytes."""
    out = {}
    for p in sorted(store.rglob("*")):
        if p.is_file():
            out[str(p.relative_to(store))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def graph_counts(store: Path) -> tuple[int, int]:
    """(nodes, relationships) read back through the store's read-only view."""
    from graph.folder import StoreFolder

    with StoreFolder(store).view() as view:
        (row,) = view.cypher(COUNT_QUERY).rows
    return int(row[0]), int(row[1])


def no_traceback(run: Run) -> None:
    assert "Traceback" not in run.stderr + run.stdout, run.stderr[-3000:]


def neo4j_env(server: dict[str, str]) -> dict[str, str]:
    """The environment that points `govkg cypher/ask/push` at a server."""
    return {"NEO4J_URI": server["uri"], "NEO4J_USER": server["user"], "NEO4J_PASSWORD": server["password"]}
