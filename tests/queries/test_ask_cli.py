"""`govkg ask` on a built store folder: the answer, the evidence, the Cypher; --json."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from govkg.cli import app

runner = CliRunner()


def test_ask_cli_prints_answer_evidence_and_cypher(seed_store: Path) -> None:
    result = runner.invoke(app, ["ask", "谁分管市财政局？", "--store", str(seed_store)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "答：武跃飞" in out
    assert "朔政办发〔2023〕26号（2023-08-08）" in out and "分管市政府办公室" in out
    assert "Cypher（ladybug）" in out and "IN_CHARGE_OF" in out and "$orgs" in out


def test_ask_cli_json(seed_store: Path) -> None:
    result = runner.invoke(app, ["ask", "黄军参加了哪些工作专班", "--json", "--store", str(seed_store)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data["answers"]) == {"朔州市能源产业“五个一体化”融合发展工作专班", "朔州市充（换）电基础设施建设工作专班"}
    assert data["cypher"] and all("MEMBER_OF" in c for c in data["cypher"])
    assert {e["doc"] for e in data["evidence"]} == {"朔政办函〔2023〕43号", "朔政办函〔2023〕46号"}
    assert data["understood"] is True and data["form"] == "person_task_forces"


def test_ask_cli_as_of(seed_store: Path) -> None:
    result = runner.invoke(app, ["ask", "温贵担任什么职务", "--json", "--as-of", "2023-06-01",
                                 "--store", str(seed_store)])
    assert json.loads(result.output)["answers"] == ["朔州市政府驻京联络处主任"]


def test_ask_cli_not_understood_is_not_an_error(seed_store: Path) -> None:
    result = runner.invoke(app, ["ask", "今天天气怎么样", "--store", str(seed_store)])
    assert result.exit_code == 0
    assert "not understood" in result.output and "谁分管市财政局" in result.output
    data = json.loads(runner.invoke(app, ["ask", "今天天气怎么样", "--json", "--store", str(seed_store)]).output)
    assert data["understood"] is False and data["answers"] == [] and data["suggestions"]


def test_ask_cli_without_a_store(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ask", "谁分管市财政局", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1 and "govkg build" in result.output
