"""`govkg extract --report`: per document its type, the facts each extractor gave and the
lines not understood (file:line), grouped by document; bad input one line a file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.pipeline import extract_paths
from extract.report import build_report
from govkg.cli import app

TASK_FORCE = """{place}人民政府办公室关于成立{place}防汛工作专班的通知
{short}政办函〔2024〕9号
各有关单位：
经研究，决定成立{place}防汛工作专班。组成人员如下：
组{sp}长{colon}王一平 {leader}
成{sp}员{colon}钱四海 {place}水利局局长
？？？ ？？
{place}人民政府办公室
2024年6月1日
"""  # line 7 is inside the member list and yields nothing

DIVISION = """{place}人民政府领导工作分工

{leader}李二中{colon}负责财政工作。

统筹推进重大项目建设。
"""  # line 5 is inside the 分工 section and yields nothing

REPORT = "{place}2023年防汛工作情况报告\n\n今年以来，全市防汛工作总体平稳。\n"

PLACES = [("甲市", "甲", "副市长", "：", ""), ("乙县", "乙", "副县长", ":", " "), ("丙旗", "丙", "副旗长", "：", "　"),
          ("丁州", "丁", "副州长", ":", ""), ("戊区", "戊", "副区长", "：", " ")]


def write(folder: Path, name: str, template: str, place: tuple[str, str, str, str, str]) -> Path:
    p, short, leader, colon, sp = place
    path = folder / name
    path.write_text(template.format(place=p, short=short, leader=leader, colon=colon, sp=sp), encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["extract", *args, "--no-progress"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def block_of(stderr: str, start: str) -> list[str]:
    """The report's lines for the document whose line starts with `start`."""
    lines = stderr.splitlines()
    i = next(k for k, l in enumerate(lines) if l.strip().startswith(start))
    out = [lines[i]]
    for line in lines[i + 1:]:
        if not line.startswith("    "):
            break
        out.append(line)
    return out


@pytest.mark.parametrize("place", PLACES, ids=[p[0] for p in PLACES])
def test_report_lists_each_document_with_type_facts_and_warnings(tmp_path: Path, place: tuple) -> None:
    tf = write(tmp_path, "tf.txt", TASK_FORCE, place)
    div = write(tmp_path, "div.txt", DIVISION, place)
    rep = write(tmp_path, "rep.txt", REPORT, place)
    code, _, err = run(str(tf), str(div), str(rep), "-o", str(tmp_path / "facts.jsonl"), "--report")
    assert code == 0
    assert "Traceback" not in err

    block = block_of(err, f"{place[1]}政办函〔2024〕9号 [task_force]")
    facts = next(l for l in block if l.strip().startswith("facts:"))
    assert "task_force 4" in facts  # two members and their two posts
    assert any(f"{tf}:7: member line not understood" in l for l in block)

    block = block_of(err, "div.txt [work_division]")
    assert any(l.strip().startswith("facts: work_division ") for l in block)
    assert any(f"{div}:5: 分工 sentence not understood: 统筹推进重大项目建设" in l for l in block)

    block = block_of(err, "rep.txt [other]")
    assert any(f"no known document type: {place[0]}2023年防汛工作情况报告" in l for l in block)


def test_report_json_groups_by_file_and_document(tmp_path: Path) -> None:
    tf = write(tmp_path, "tf.txt", TASK_FORCE, PLACES[0])
    code, _, _ = run(str(tf), "-o", str(tmp_path / "facts.jsonl"), "--report")
    assert code == 0
    report = json.loads((tmp_path / "facts.report.json").read_text(encoding="utf-8"))
    (file,) = report["files"]
    (doc,) = file["documents"]
    assert file["source"] == str(tf) and doc["doc_type"] == "task_force" and doc["facts"] == {"task_force": 4, "division_in_title": 0, "task_allocation": 0}
    assert [w["source"] for w in doc["warnings"]] == [f"{tf}:7"]


BAD = [("empty.txt", b"", "empty file"), ("x.doc", b"\xd0\xcf\x11\xe0" + bytes(64), ".doc"),
       ("bin.txt", b"\x00\x01\x02\x03" * 50, "binary"), ("broken.docx", b"PK\x03\x04broken", "docx"),
       ("page.html", b"<html><body><script>x=1</script></body></html>", "no text")]


def test_report_bad_input_is_one_line_a_file(tmp_path: Path) -> None:
    good = write(tmp_path, "tf.txt", TASK_FORCE, PLACES[1])
    for name, data, _ in BAD:
        (tmp_path / name).write_bytes(data)
    missing = tmp_path / "missing.txt"
    code, _, err = run(str(good), *(str(tmp_path / n) for n, _, _ in BAD), str(missing),
                       "-o", str(tmp_path / "facts.jsonl"), "--report")
    assert code == 0 and "Traceback" not in err
    for name, _, words in BAD + [("missing.txt", b"", "no such file")]:
        lines = [l for l in err.splitlines() if str(tmp_path / name) in l]
        assert len(lines) == 1 and lines[0].startswith("error ") and words in lines[0], (name, lines)
    assert "乙政办函〔2024〕9号 [task_force]" in err


def test_only_bad_input_still_exits_1_with_the_report(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    code, _, err = run(str(tmp_path / "empty.txt"), "--report")
    assert code == 1 and "Traceback" not in err
    assert err.count("empty.txt") == 1


def test_build_report_counts_every_extractor_run(tmp_path: Path) -> None:
    rep = write(tmp_path, "rep.txt", REPORT, PLACES[2])
    (file,) = build_report(extract_paths([str(rep)]))
    (doc,) = file.documents
    assert doc.info.doc_type == "other"
    assert set(doc.facts) >= {"bodies_in_text", "work_division", "appointment"}
    assert all(n == 0 for n in doc.facts.values())
    assert [w.reason for w in doc.warnings] == ["no known document type: 丙旗2023年防汛工作情况报告"]


# ---------------------------------------------------------------------------- strictness on blocks

TASKS = """{place}重点工作任务分工方案

一、重点任务
1.新建{short}级物流中心。（牵头单位{colon}{short}商务局；配合单位{colon}{short}财政局）
2.完成农村道路改造。（牵头单位{colon}各有关单位）
3.推进老旧小区改造。
牵头单位{colon}全体成员单位
二、任务清单
序号 工作任务 牵头单位 配合单位
1 修缮学校校舍 {short}教育局 {short}财政局
2 清理河道垃圾 有关部门 {short}水务局
"""  # lines 5, 7 and 11 name leads no unit was read from


@pytest.mark.parametrize("place", PLACES, ids=[p[0] for p in PLACES])
def test_task_lines_that_gave_nothing_are_warned_with_their_line(tmp_path: Path, place: tuple) -> None:
    p, short, _, colon, _ = place
    path = tmp_path / "plan.txt"
    path.write_text(TASKS.format(place=p, short=p[-1], colon=colon), encoding="utf-8")
    (file,) = build_report(extract_paths([str(path)]))
    (doc,) = file.documents
    assert doc.facts.get("task_allocation") == 2  # the 物流中心 and the 校舍 leads
    warned = {(w.source, w.reason.split(":")[0]) for w in doc.warnings}
    assert warned == {(f"{path}:{n}", "task line not understood") for n in (5, 7, 11)}


def test_warn_unread_names_each_block_once(tmp_path: Path) -> None:
    from extract.report import warn_unread
    from extract.source import SourceText
    from extract.split import split_source

    docs, _ = split_source(SourceText("x.txt", "甲旗工作方案\n\n组长：王五\n成员：李六\n"))
    doc = docs[0]
    spans = [(b.start, b.end) for b in doc.blocks if b.kind == "key_value"]
    warn_unread(doc, spans + spans, [], "member line")
    assert doc.source.warnings == ["x.txt:3: member line not understood: 组长：王五",
                                   "x.txt:4: member line not understood: 成员：李六"]
