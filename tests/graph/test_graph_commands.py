"""govkg build / cypher / push / export: arguments in, library calls, read-only queries."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
import typer
from seed_graph import ASSERTIONS, DOCUMENTS, EXPECTED
from typer.testing import CliRunner

from govkg.commands import build_cmd, cypher_cmd, export_cmd, push_cmd
from graph.build import GraphBuild
from graph.folder import StoreFolder, write_store
from graph.stores.neo4j_store import Neo4jStore, PushError

app = typer.Typer()
app.command("build")(build_cmd.build)
app.command("cypher")(cypher_cmd.cypher)
app.command("push")(push_cmd.push)
app.command("export")(export_cmd.export)

NO_NEO4J_ENV = {"NEO4J_URI": None, "NEO4J_USER": None, "NEO4J_PASSWORD": None, "NEO4J_DATABASE": None}
WRITES = [
    "CREATE (:Person {id: 'x', name: '张三'})",
    "MERGE (p:Person {id: 'x'}) RETURN p",
    "MATCH (p:Person {name: '武跃飞'}) SET p.name = '张三'",
    "MATCH (p:Person {name: '武跃飞'}) DETACH DELETE p",
]
COUNT = "MATCH (n) RETURN count(n) AS nodes"


def _run(*args: str, env: dict[str, Any] | None = None) -> Any:
    return CliRunner().invoke(app, list(args), env={**NO_NEO4J_ENV, **(env or {})}, catch_exceptions=False)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / ".govkg"
    write_store(path, ASSERTIONS, DOCUMENTS)
    return path


def test_build_command_writes_the_store_and_prints_counts(tmp_path: Path) -> None:
    seed = Path(__file__).parents[2] / "data" / "gazettes"
    result = _run("build", str(seed), "--store", str(tmp_path / "kg"), "--no-progress")
    assert result.exit_code == 0, result.output
    assert "MEMBER_OF" in result.output and "成员" in result.output and "Appointment" in result.output
    assert "1 files read" in result.output
    assert StoreFolder(tmp_path / "kg").manifest()["labels"]["Appointment"] == 9  # 朔政干发〔2023〕4号 and 5号


def test_build_command_no_files_keeps_the_store(tmp_path: Path) -> None:
    (tmp_path / "nothing").mkdir()
    result = _run("build", str(tmp_path / "nothing"), "--store", str(tmp_path / "kg"))
    assert result.exit_code == 1 and not (tmp_path / "kg").exists()


def test_cypher_command_table_json_csv(store: Path) -> None:
    query = "MATCH (p:Person)-[r:IN_CHARGE_OF]->(o:Organization {name: $org}) RETURN p.name AS person, type(r) AS t"
    table = _run("cypher", query, "--store", str(store), "--param", "org=市财政局")
    assert table.exit_code == 0 and "武跃飞" in table.output and "IN_CHARGE_OF" in table.output
    as_json = _run("cypher", query, "--store", str(store), "-p", "org=市财政局", "--json")
    assert json.loads(as_json.output) == [{"person": "武跃飞", "t": "IN_CHARGE_OF"}]
    as_csv = _run("cypher", "MATCH (d:Document) WHERE d.first_line > $n RETURN d.number AS n, d.first_line AS line "
                  "ORDER BY line", "--store", str(store), "-p", "n:=2000", "--csv")
    assert list(csv.reader(io.StringIO(as_csv.output))) == [["n", "line"], ["朔政办函〔2023〕43号", "2840"]]


def test_cypher_command_lists_and_paths(store: Path) -> None:
    result = _run("cypher", "MATCH (p:Person {name: '武跃飞'})-[h:HOLDS]->(post) RETURN h.doc_numbers AS docs",
                  "--store", str(store), "--json")
    assert json.loads(result.output) == [{"docs": ["朔政办函〔2023〕43号", "朔政办发〔2023〕26号"]}]


@pytest.mark.parametrize("query", WRITES)
def test_cypher_command_refuses_writes_on_ladybug(store: Path, query: str) -> None:
    before = _run("cypher", COUNT, "--store", str(store), "--json").output
    result = _run("cypher", query, "--store", str(store))
    assert result.exit_code == 2
    assert "read-only" in result.output
    assert _run("cypher", COUNT, "--store", str(store), "--json").output == before


def test_cypher_command_bad_query_and_missing_store(store: Path, tmp_path: Path) -> None:
    assert _run("cypher", "MATCH (n:NoSuchLabel) RETURN n", "--store", str(store)).exit_code == 1
    missing = _run("cypher", COUNT, "--store", str(tmp_path / "none"))
    assert missing.exit_code == 1 and "govkg build" in missing.output


def test_cypher_command_params() -> None:
    assert cypher_cmd.parse_params(["a=1", "b:=1", "c:=[\"x\"]", "d=x=y"]) == {"a": "1", "b": 1, "c": ["x"], "d": "x=y"}
    with pytest.raises(typer.BadParameter):
        cypher_cmd.parse_params(["novalue"])


def test_export_command(store: Path, tmp_path: Path) -> None:
    result = _run("export", "--format", "ttl", "-o", str(tmp_path / "g.ttl"), "--store", str(store))
    assert result.exit_code == 0 and (tmp_path / "g.ttl").stat().st_size > 0
    result = _run("export", "-f", "neo4j-csv", "-o", str(tmp_path / "n"), "--store", str(store))
    assert result.exit_code == 0 and (tmp_path / "n" / "neo4j-admin-import.sh").exists()


# -- Neo4j ---------------------------------------------------------------------------------


def _env(server: dict[str, str]) -> dict[str, str]:
    return {"NEO4J_URI": server["uri"], "NEO4J_USER": server["user"], "NEO4J_PASSWORD": server["password"]}


def _counts(server: dict[str, str]) -> str:
    return _run("cypher", "MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r",
                "--json", env=_env(server)).output


@pytest.mark.neo4j
def test_push_command_twice_same_counts(store: Path, neo4j_server: dict[str, str]) -> None:
    Neo4jStore(**neo4j_server).clear()
    first = _run("push", "--store", str(store), env=_env(neo4j_server))
    assert first.exit_code == 0, first.output
    once = _counts(neo4j_server)
    assert json.loads(once) == [{"n": 38, "r": 44}]
    again = _run("push", "--store", str(store), "--batch-size", "3", env=_env(neo4j_server))
    assert again.exit_code == 0 and _counts(neo4j_server) == once


@pytest.mark.neo4j
def test_push_failure_is_reported_and_a_rerun_completes(seed_build: GraphBuild, neo4j_server: dict[str, str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    Neo4jStore(**neo4j_server).clear()
    calls = {"n": 0}
    real = Neo4jStore._run_batch

    def flaky(self: Neo4jStore, session: Any, query: str, columns: dict[str, list[Any]]) -> None:
        calls["n"] += 1
        if calls["n"] == 6:
            raise OSError("connection reset by peer")
        real(self, session, query, columns)

    monkeypatch.setattr(Neo4jStore, "_run_batch", flaky)
    target = Neo4jStore(**neo4j_server, batch_size=4)
    with pytest.raises(PushError, match="run the push again") as failed:
        target.write(seed_build.graph)
    assert "connection reset" in str(failed.value)
    monkeypatch.setattr(Neo4jStore, "_run_batch", real)
    with target.view() as view:
        assert view.query("label_counts") != EXPECTED["label_counts"][1]
        target.write(seed_build.graph)
        assert view.query("label_counts") == EXPECTED["label_counts"][1]
        assert sum(n for _, n in view.query("type_counts")) == seed_build.graph.number_of_edges()
    target.close()


@pytest.mark.neo4j
@pytest.mark.parametrize("query", WRITES)
def test_cypher_command_refuses_writes_on_neo4j(store: Path, neo4j_server: dict[str, str], query: str) -> None:
    target = Neo4jStore(**neo4j_server)
    target.write(StoreFolder(store).graph().graph, replace=True)
    target.close()
    before = _counts(neo4j_server)
    result = _run("cypher", query, env=_env(neo4j_server))
    assert result.exit_code == 2
    assert "read-only" in result.output and "read access mode" in result.output
    assert _counts(neo4j_server) == before


@pytest.mark.neo4j
def test_cypher_command_same_rows_on_neo4j_and_ladybug(store: Path, neo4j_server: dict[str, str]) -> None:
    target = Neo4jStore(**neo4j_server)
    target.write(StoreFolder(store).graph().graph, replace=True)
    target.close()
    query = ("MATCH (p:Person)-[r]->(t:TaskForce) RETURN p.name AS person, type(r) AS type, r.role AS role, "
             "r.docs AS docs ORDER BY person, role")
    on_neo4j = _run("cypher", query, "--json", env=_env(neo4j_server))
    on_ladybug = _run("cypher", query, "--json", "--store", str(store), env=_env(neo4j_server))
    assert on_neo4j.exit_code == 0 and json.loads(on_neo4j.output) == json.loads(on_ladybug.output)
