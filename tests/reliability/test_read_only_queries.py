"""Queries cannot write: `govkg cypher`, the views and the UI console refuse, and say why.

Two layers, each tested on its own: the engines' read-only modes (a LadybugDB database
opened `read_only=True`, Neo4j read transactions in READ access mode) refuse every write
even with govkg's own check switched off; and `graph.stores.guard` refuses, before the
engine, what a read-only engine would still do (write files with COPY … TO, read them
with LOAD, CHECKPOINT a read-only database into an unopenable state, change settings).
After every refusal the store is byte for byte what it was. Queries also have a time
limit and a row cap, with a message saying which was hit.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from reliability_support import COUNT_QUERY, fingerprint, govkg, graph_counts, neo4j_env, no_traceback

from graph.folder import StoreFolder
from graph.stores import ReadOnlyError, StoreError
from graph.stores.base import QueryTimeout
from graph.stores.guard import RefusedQuery, refusal

# (query, who refuses it: "engine" = LadybugDB's read-only mode, "guard" = govkg before
# the engine, "error" = not a query LadybugDB knows at all; the words the message has)
LADYBUG_CASES: list[tuple[str, str, str]] = [
    ("CREATE (:Person {id: 'x', name: '张三'})", "engine", "read-only database"),
    ("MERGE (p:Person {id: 'x'}) RETURN p", "engine", "read-only database"),
    ("MATCH (p:Person) SET p.name = '张三'", "engine", "read-only database"),
    ("MATCH (p:Person) DETACH DELETE p", "engine", "read-only database"),
    ("MATCH ()-[r]->() DELETE r", "engine", "read-only database"),
    ("MATCH (a:Person), (b:Organization) CREATE (a)-[:IN_CHARGE_OF {id: 'z'}]->(b)", "engine", "read-only database"),
    ("UNWIND range(1, 3) AS i CREATE (:Person {id: toString(i)})", "engine", "read-only database"),
    ("MATCH (n) RETURN count(n); CREATE (:Person {id: 'y'})", "engine", "read-only database"),
    ("DROP TABLE Person", "engine", "read-only database"),
    ("CREATE NODE TABLE X(id STRING, PRIMARY KEY (id))", "engine", "read-only database"),
    ("CREATE REL TABLE R(FROM Person TO Person)", "engine", "read-only database"),
    ("ALTER TABLE Person ADD foo STRING", "engine", "read-only database"),
    ("CREATE MACRO m(x) AS x + 1", "engine", "read-only database"),
    ("CREATE SEQUENCE s", "engine", "read-only database"),
    ("MATCH (p:Person) REMOVE p.name", "guard", "REMOVE is not allowed"),
    ("FOREACH (x IN [1] | CREATE (:Person {id: 'f'}))", "guard", "FOREACH is not allowed"),
    ("COPY Person FROM '/tmp/people.csv'", "guard", "COPY is not allowed"),
    ("COPY (MATCH (p:Person) RETURN p.name) TO '{tmp}/leak.csv'", "guard", "COPY is not allowed"),
    ("LOAD FROM '{tmp}/any.csv' RETURN *", "guard", "LOAD is not allowed"),
    ("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", "guard", "LOAD is not allowed"),
    ("EXPORT DATABASE '{tmp}/dump'", "guard", "EXPORT/IMPORT DATABASE is not allowed"),
    ("IMPORT DATABASE '{tmp}/dump'", "guard", "EXPORT/IMPORT DATABASE is not allowed"),
    ("INSTALL httpfs", "guard", "INSTALL is not allowed"),
    ("LOAD EXTENSION '{tmp}/evil.so'", "guard", "LOAD is not allowed"),
    ("ATTACH '{tmp}/other.lbug' AS o (dbtype lbug)", "guard", "ATTACH is not allowed"),
    ("CHECKPOINT", "guard", "CHECKPOINT is not allowed"),
    ("RETURN 1; CHECKPOINT", "guard", "CHECKPOINT is not allowed"),
    ("BEGIN TRANSACTION", "guard", "BEGIN/COMMIT/ROLLBACK is not allowed"),
    ("CALL timeout=0", "guard", "CALL name=value is not allowed"),
    ("CALL db.createLabel('X')", "error", "Parser exception"),
    ("CALL apoc.create.node(['X'], {})", "error", "Parser exception"),
    ("CALL create_fts_index('Person', 'idx', ['name'])", "error", "not defined"),
]


def _query(template: str, tmp: Path) -> str:
    return template.replace("{tmp}", str(tmp))


@pytest.mark.parametrize("template,by,words", LADYBUG_CASES, ids=[c[0][:40] for c in LADYBUG_CASES])
def test_cypher_cli_refuses_writes_on_ladybug(seed_store: Path, tmp_path: Path, template: str, by: str,
                                              words: str) -> None:
    before = fingerprint(seed_store)
    run = govkg("cypher", _query(template, tmp_path), "--store", str(seed_store))
    no_traceback(run)
    assert run.code == (1 if by == "error" else 2), run.stderr
    assert words in run.stderr
    if by != "error":
        assert run.stderr.startswith("refused: queries are read-only")
    assert fingerprint(seed_store) == before  # not a byte changed, no WAL left behind
    assert list(tmp_path.iterdir()) == []     # no file written outside the store either


ENGINE_WRITES = [q for q, by, _ in LADYBUG_CASES if by == "engine"] + [
    "COPY Person FROM '/tmp/people.csv'", "ATTACH '/tmp/other.lbug' AS o (dbtype lbug)"]


@pytest.mark.parametrize("query", ENGINE_WRITES)
def test_ladybug_read_only_mode_refuses_writes_without_the_guard(seed_store: Path, query: str,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine is the first line: with govkg's own check switched off, writes still fail."""
    monkeypatch.setattr("graph.stores.ladybug_store.check_query", lambda text: None)
    before = fingerprint(seed_store)
    with StoreFolder(seed_store).view() as view:
        with pytest.raises(ReadOnlyError, match="LadybugDB said: .*read-only database") as refused:
            view.cypher(query)
        assert not isinstance(refused.value, RefusedQuery)
    assert fingerprint(seed_store) == before


def test_ladybug_checkpoint_would_break_the_store_so_the_guard_refuses_it(tmp_path: Path) -> None:
    """Why CHECKPOINT is refused: on a read-only LadybugDB database it leaves a WAL that
    stops the store opening read-only again. Run in a copy, in its own process (it can
    crash the interpreter), with the guard switched off."""
    import shutil
    import subprocess

    from reliability_support import ROOT

    store = tmp_path / "store"
    from seed_graph import ASSERTIONS, DOCUMENTS

    from graph.folder import write_store

    write_store(store, ASSERTIONS, DOCUMENTS)
    copy = tmp_path / "copy"
    shutil.copytree(store, copy)
    script = (f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
              "import graph.stores.ladybug_store as lb\n"
              "lb.check_query = lambda text: None\n"
              "from graph.folder import StoreFolder\n"
              "from pathlib import Path\n"
              f"v = StoreFolder(Path({str(copy)!r})).view()\n"
              "try:\n    v.cypher('CHECKPOINT')\nexcept Exception as e:\n    print(type(e).__name__)\n")
    subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    damaged = sorted(p.name for p in copy.iterdir())
    if damaged == sorted(p.name for p in store.iterdir()):
        pytest.skip("this LadybugDB version checkpoints a read-only database harmlessly")
    with pytest.raises(StoreError, match="read-only"):
        StoreFolder(copy).view()
    # and with the guard, the real store is refused the CHECKPOINT and stays as it was
    before = fingerprint(store)
    with StoreFolder(store).view() as view:
        with pytest.raises(RefusedQuery, match="CHECKPOINT"):
            view.cypher("CHECKPOINT")
        assert view.cypher("MATCH (n) RETURN count(n)").rows
    assert fingerprint(store) == before


@pytest.mark.parametrize("query", [
    "MATCH (n) RETURN n.load AS load, n.copy AS copy",
    "MATCH (n:Person {name: 'LOAD CSV FROM x'}) RETURN n",
    "MATCH (n) WHERE n.name = \"CHECKPOINT; COPY\" RETURN n",
    "MATCH (n) // CHECKPOINT later\nRETURN count(n)",
    "MATCH (n) /* COPY ... TO */ RETURN count(n)",
    "MATCH (n) WHERE n.name = 'it\\'s LOAD' RETURN n",
    "MATCH (`load`) RETURN count(`load`)",
    "RETURN $load AS x",
    "RETURN {copy: 1, remove : 2} AS m",
    "MATCH (p:Person)-[r]->(o) RETURN p.name, type(r), o.name",
    "CALL show_tables() RETURN *",
])
def test_guard_lets_reads_through(query: str) -> None:
    assert refusal(query) is None


@pytest.mark.parametrize("query,clause", [
    ("copy (match (n) return n) to '/tmp/x.csv'", "COPY"),
    ("MATCH (n) RETURN n /* */ ; CHECKPOINT", "CHECKPOINT"),
    ("MATCH (n) WHERE n.name = 'a\\'' LOAD CSV FROM 'x' AS r RETURN r", "LOAD"),
    ("CALL   threads = 1", "CALL name=value"),
    ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "TERMINATE"),
    ("Begin Transaction", "BEGIN/COMMIT/ROLLBACK"),
    ("UNINSTALL httpfs", "INSTALL"),
    ("MATCH (n) LOAD CSV FROM 'x' AS r COPY", "LOAD"),  # the first refused clause is named
])
def test_guard_refuses_clauses_outside_the_graph(query: str, clause: str) -> None:
    found = refusal(query)
    assert found is not None and found[0] == clause


# -- time limit and row cap ------------------------------------------------------------------


def test_cypher_cli_row_cap_says_when_rows_were_left_out(seed_store: Path) -> None:
    run = govkg("cypher", "UNWIND range(1, 25) AS i RETURN i", "--store", str(seed_store), "--json",
                "--max-rows", "10")
    no_traceback(run)
    assert run.code == 0
    assert [r["i"] for r in json.loads(run.stdout)] == list(range(1, 11))
    assert "stopped at 10 rows" in run.stderr and "--max-rows" in run.stderr
    whole = govkg("cypher", "UNWIND range(1, 25) AS i RETURN i", "--store", str(seed_store), "--json",
                  "--max-rows", "0")
    assert len(json.loads(whole.stdout)) == 25 and "stopped" not in whole.stderr


def test_cypher_cli_default_row_cap(seed_store: Path) -> None:
    from govkg.commands.cypher_cmd import DEFAULT_MAX_ROWS

    run = govkg("cypher", f"UNWIND range(1, {DEFAULT_MAX_ROWS + 5}) AS i RETURN i", "--store", str(seed_store),
                "--csv")
    assert run.code == 0 and len(run.stdout.splitlines()) == DEFAULT_MAX_ROWS + 1  # header + rows
    assert f"stopped at {DEFAULT_MAX_ROWS} rows" in run.stderr


SLOW = "UNWIND range(1, 30000000) AS i WITH i WHERE i % 7 = 3 RETURN count(*) AS n"


def test_cypher_cli_time_limit_stops_a_slow_query(seed_store: Path) -> None:
    run = govkg("cypher", SLOW, "--store", str(seed_store), "--timeout", "0.2")
    no_traceback(run)
    assert run.code == 1
    assert "ran longer than its time limit of 0.2 s" in run.stderr
    assert run.seconds < 20


def test_view_time_limit_and_row_cap_leave_the_view_usable(seed_store: Path) -> None:
    with StoreFolder(seed_store).view() as view:
        with pytest.raises(QueryTimeout):
            view.cypher(SLOW, timeout=0.2)
        capped = view.cypher("UNWIND range(1, 100) AS i RETURN i", max_rows=7)
        assert capped.rows == [(i,) for i in range(1, 8)] and capped.truncated
        exact = view.cypher("UNWIND range(1, 7) AS i RETURN i", max_rows=7)
        assert len(exact.rows) == 7 and not exact.truncated
        # the limit is per query: the next one runs without it
        assert view.cypher(SLOW).rows == [(30000000 // 7 + (1 if 30000000 % 7 >= 3 else 0),)]


# -- Neo4j -------------------------------------------------------------------------------------

NEO4J_CASES: list[tuple[str, str, str]] = [
    ("CREATE (:Person {id: 'x', name: '张三'})", "engine", "read access mode"),
    ("MERGE (p:Person {id: 'x'}) RETURN p", "engine", "read access mode"),
    ("MATCH (p:Person) SET p.name = '张三'", "engine", "read access mode"),
    ("MATCH (p:Person) DETACH DELETE p", "engine", "read access mode"),
    ("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS", "engine", "read access mode"),
    ("DROP CONSTRAINT Person_id", "engine", "read access mode"),
    ("CREATE INDEX extra FOR (n:Person) ON (n.kind)", "engine", "read access mode"),
    ("CALL db.createLabel('X')", "engine", "read access mode"),
    ("CALL db.createProperty('x')", "engine", "read access mode"),
    ("CALL db.createRelationshipType('X')", "engine", "read access mode"),
    ("CREATE DATABASE other", "engine", "read access mode"),
    ("ALTER USER neo4j SET PASSWORD 'changed-it-1234'", "engine", "read access mode"),
    ("MATCH (p:Person) REMOVE p.name", "guard", "REMOVE is not allowed"),
    ("FOREACH (x IN [1] | CREATE (:Person {id: 'f'}))", "guard", "FOREACH is not allowed"),
    ("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", "guard", "LOAD is not allowed"),
    ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "guard", "TERMINATE is not allowed"),
    ("CALL apoc.create.node(['X'], {})", "error", "no procedure"),
]


def _neo4j_counts(server: dict[str, str]) -> Any:
    from graph.stores.neo4j_store import Neo4jView

    with Neo4jView(**server) as view:
        return (view.cypher(COUNT_QUERY).rows,
                view.cypher("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name").rows,
                view.cypher("SHOW USERS YIELD user, passwordChangeRequired RETURN user, passwordChangeRequired").rows)


@pytest.mark.neo4j
@pytest.mark.parametrize("query,by,words", NEO4J_CASES, ids=[c[0][:40] for c in NEO4J_CASES])
def test_cypher_cli_refuses_writes_on_neo4j(neo4j_seed: dict[str, str], query: str, by: str, words: str) -> None:
    before = _neo4j_counts(neo4j_seed)
    run = govkg("cypher", query, env=neo4j_env(neo4j_seed))
    no_traceback(run)
    assert run.code == (1 if by == "error" else 2), run.stderr
    assert words in run.stderr
    assert _neo4j_counts(neo4j_seed) == before


@pytest.mark.neo4j
@pytest.mark.parametrize("query", [q for q, by, _ in NEO4J_CASES if by != "error"])
def test_neo4j_read_access_refuses_writes_without_the_guard(neo4j_seed: dict[str, str], query: str,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """With govkg's check off, Neo4j's READ access mode still refuses every write (LOAD CSV
    and TERMINATE are reads to Neo4j: the guard is what refuses them)."""
    from graph.stores.neo4j_store import Neo4jView

    monkeypatch.setattr("graph.stores.neo4j_store.check_query", lambda text: None)
    before = _neo4j_counts(neo4j_seed)
    with Neo4jView(**neo4j_seed) as view:
        if query.startswith(("LOAD CSV", "TERMINATE")):
            try:
                view.cypher(query)
            except StoreError as exc:
                assert not isinstance(exc, ReadOnlyError)
        else:
            with pytest.raises(ReadOnlyError, match="read access mode"):
                view.cypher(query)
    assert _neo4j_counts(neo4j_seed) == before


@pytest.mark.neo4j
def test_neo4j_time_limit_and_row_cap(neo4j_seed: dict[str, str]) -> None:
    from graph.stores.neo4j_store import Neo4jView

    with Neo4jView(**neo4j_seed) as view:
        with pytest.raises(QueryTimeout, match="time limit of 0.3 s"):
            view.cypher("UNWIND range(1, 400000000) AS i RETURN sum(i)", timeout=0.3)
        capped = view.cypher("UNWIND range(1, 1000000) AS i RETURN i", max_rows=5)
        assert capped.rows == [(i,) for i in range(1, 6)] and capped.truncated
    run = govkg("cypher", "UNWIND range(1, 400000000) AS i RETURN sum(i)", "--timeout", "0.3",
                env=neo4j_env(neo4j_seed))
    no_traceback(run)
    assert run.code == 1 and "time limit of 0.3 s" in run.stderr


# -- the UI console ----------------------------------------------------------------------------

UI_CASES = [q for q, _, _ in LADYBUG_CASES if "{tmp}" not in q] + ["CALL timeout=0", "LOAD FROM 'x.csv' RETURN *"]


@pytest.mark.parametrize("query", UI_CASES)
def test_ui_console_refuses_writes(seed_store: Path, query: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """app.data.run_cypher, what the Cypher 查询 page calls: refused with a reason, store unchanged."""
    from app import data

    monkeypatch.setenv("GOVKG_STORE", str(seed_store))
    before = fingerprint(seed_store)
    counts = graph_counts(seed_store)
    try:
        data.run_cypher(query, {})
    except data.WriteRefused as exc:
        assert "只读" in str(exc) and "read-only" in str(exc)
    except StoreError as exc:  # not a query the engine knows (CALL db.createLabel on LadybugDB)
        assert "Parser exception" in str(exc) or "not defined" in str(exc)
    else:
        pytest.fail(f"the console ran {query!r}")
    assert fingerprint(seed_store) == before
    assert graph_counts(seed_store) == counts
