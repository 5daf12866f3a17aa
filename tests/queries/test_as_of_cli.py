"""`--as-of` on the command line: `govkg ask` and `govkg cypher` read the day the same way
(queries.as_of), bind it, say which day is in effect, and refuse what is no day with a
usage error (exit code 2), never a traceback."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from as_of_notices import as_of_records  # noqa: E402

from govkg.cli import app  # noqa: E402

runner = CliRunner()
NO_NEO4J = {"NEO4J_URI": None, "NEO4J_USER": None, "NEO4J_PASSWORD": None, "NEO4J_DATABASE": None}
# 分管 on the day asked, or now: the library's convention that '' is no day.
IN_CHARGE = ("MATCH (p:Person)-[r:IN_CHARGE_OF]->(o:Organization {name: $org}) "
             "WHERE ($as_of = '' AND r.valid_to IS NULL) OR (r.valid_from <= $as_of "
             "AND (r.valid_to IS NULL OR r.valid_to > $as_of)) RETURN p.name AS who, $as_of AS day")


@pytest.fixture(scope="module")
def city_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from graph.folder import write_store

    path = tmp_path_factory.mktemp("as-of-cli") / "store"
    write_store(path, *as_of_records())
    return path


def _run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env=NO_NEO4J)


def test_as_of_cli_ask_newest_state_and_a_day(city_store: Path) -> None:
    newest = _run("ask", "谁分管市财政局", "--store", str(city_store))
    assert newest.exit_code == 0 and "答：王志刚" in newest.output and "最新状态" in newest.output
    then = _run("ask", "谁分管市财政局", "--store", str(city_store), "--as-of", "2023-06")
    assert then.exit_code == 0 and "答：李文博" in then.output and "截至 2023-06-01" in then.output
    data = json.loads(_run("ask", "谁分管市财政局", "--json", "--as-of", "2023年6月1日", "--store", str(city_store)).output)
    assert data["answers"] == ["李文博"] and data["as_of"] == "2023-06-01"
    assert all(q["params"]["as_of"] == "2023-06-01" for q in data["queries"])


def test_as_of_cli_cypher_binds_the_day(city_store: Path) -> None:
    newest = _run("cypher", IN_CHARGE, "--param", "org=市财政局", "--json", "--store", str(city_store))
    assert newest.exit_code == 0 and json.loads(newest.output) == [{"who": "王志刚", "day": ""}]
    then = _run("cypher", IN_CHARGE, "-p", "org=市财政局", "--as-of", "2023-06-01", "--json", "--store", str(city_store))
    assert json.loads(then.output) == [{"who": "李文博", "day": "2023-06-01"}]
    raw = _run("cypher", "RETURN $as_of AS d", "--param", "as_of=whatever", "--json", "--store", str(city_store))
    assert json.loads(raw.output) == [{"d": "whatever"}]  # --param values stay values


@pytest.mark.parametrize("command", [["ask", "谁分管市财政局"], ["cypher", "RETURN 1 AS x"]])
@pytest.mark.parametrize("day", ["2023-13-01", "2023-02-30", "tomorrow", "01/07/2023"])
def test_as_of_cli_refuses_what_is_no_day(city_store: Path, command: list[str], day: str) -> None:
    result = _run(*command, "--store", str(city_store), "--as-of", day)
    assert result.exit_code == 2
    assert "--as-of" in result.output and "YYYY-MM-DD" in result.output and "不是日期" in result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)


def test_as_of_cli_cypher_day_given_twice(city_store: Path) -> None:
    result = _run("cypher", "RETURN $as_of AS d", "--as-of", "2023", "--param", "as_of=2024", "--store", str(city_store))
    assert result.exit_code == 2 and "once" in result.output


def test_as_of_cli_cypher_says_when_the_day_is_unused(city_store: Path) -> None:
    result = _run("cypher", "RETURN 1 AS x", "--as-of", "2023-06-01", "--json", "--store", str(city_store))
    assert result.exit_code == 0 and "does not use $as_of" in result.output
