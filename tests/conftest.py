"""Shared pytest fixtures."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


# --------------------------------------------------------------------------- Neo4j

def _neo4j_server_module():
    """scripts/neo4j_server.py, imported by path (scripts/ is not a package)."""
    name = "govkg_scripts_neo4j_server"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "neo4j_server.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="session")
def neo4j_server(request):
    """A real Neo4j 5.26 server: {"uri", "user", "password"}.

    NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD) in the environment selects an existing
    server. Otherwise scripts/neo4j_server.py starts a private one for the session (the
    first time it downloads the jars with Maven, reported on the terminal) and stops it at
    the end. Without Java the tests are skipped, except under CI=true where they fail.
    """
    if os.environ.get("NEO4J_URI"):
        yield {"uri": os.environ["NEO4J_URI"],
               "user": os.environ.get("NEO4J_USER", "neo4j"),
               "password": os.environ.get("NEO4J_PASSWORD", "")}
        return

    ns = _neo4j_server_module()
    in_ci = os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")

    def unavailable(why: str):
        msg = f"Neo4j tests need Java: {why} (or set NEO4J_URI to an existing server)"
        if in_ci:
            pytest.fail(msg, pytrace=False)
        pytest.skip(msg)

    if ns.find_java() is None:
        unavailable("no `java` on PATH; install a JDK 17 or 21")
    try:
        ns.require_java()
    except ns.Neo4jServerError as exc:
        unavailable(str(exc))
    if ns.cached_version() is None and ns.find_mvn() is None:
        unavailable(f"the first run also needs Maven (`mvn`) to download Neo4j into {ns.lib_dir()}")

    capman = request.config.pluginmanager.getplugin("capturemanager")

    def report(msg: str) -> None:  # shown live even though pytest captures output
        line = f"\n[neo4j] {msg}"
        if capman is not None:
            with capman.global_and_fixture_disabled():
                print(line, file=sys.stderr, flush=True)
        else:
            print(line, file=sys.stderr, flush=True)

    try:
        server = ns.start_server(log=report)
    except ns.Neo4jServerError as exc:
        pytest.fail(f"could not start the Neo4j test server: {exc}", pytrace=False)
    try:
        yield server.info()
    finally:
        server.stop()
