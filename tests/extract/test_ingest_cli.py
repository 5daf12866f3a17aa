"""`govkg ingest`: the document table and JSON, and bad input reported one line a file."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govkg.cli import app

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from minipdf import make_pdf  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "gazettes" / "shuozhou-2023-04.txt"
NOTICE = """甲市人民政府办公室关于成立甲市城市更新工作专班的通知
甲政办函〔2024〕12号
各县（区）人民政府，市直各有关单位：
为加快推进城市更新工作，经市政府同意，成立甲市城市更新工作专班。
组 长：王大明 副市长
甲市人民政府办公室
2024年3月8日
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["ingest", *args])
    return result.exit_code, result.stdout, result.stderr


def problem_lines(stderr: str) -> list[str]:
    return [l for l in stderr.splitlines() if l.startswith(("error ", "warning "))]


@pytest.fixture()
def mixed(tmp_path: Path) -> Path:
    """A folder as a user has it: good files in every format, and every kind of bad one."""
    import docx

    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "seed.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "good" / "notice-gbk.txt").write_bytes(NOTICE.encode("gbk"))
    (tmp_path / "good" / "notice.pdf").write_bytes(make_pdf([NOTICE.splitlines()[:4], NOTICE.splitlines()[4:]]))
    document = docx.Document()
    for line in NOTICE.replace("12号", "13号").splitlines():
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    (tmp_path / "good" / "notice.docx").write_bytes(buf.getvalue())
    (tmp_path / "good" / "notice.html").write_text(
        "<html><body><nav><a href='/'>首页</a></nav><div>" + "".join(
            f"<p>{l}</p>" for l in NOTICE.replace("12号", "14号").splitlines()) + "</div></body></html>", encoding="utf-8")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (bad / "scan.pdf").write_bytes(make_pdf([[], []], image_only=True))
    (bad / "locked.pdf").write_bytes(make_pdf([["你好"]], password=True))
    (bad / "cut.pdf").write_bytes(make_pdf([NOTICE.splitlines()])[:300])
    (bad / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (bad / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(100))
    (tmp_path / "README.md").write_text("# gazettes\n", encoding="utf-8")  # beside them, skipped with a warning
    return tmp_path


BAD = {"empty.txt": "empty file", "photo.txt": "PNG image", "scan.pdf": "images only", "locked.pdf": "password",
       "cut.pdf": "truncated", "broken.docx": "docx", "old.doc": ".doc format"}


def test_ingest_cli_json_seed() -> None:
    code, out, err = run("--json", str(SEED))
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 16
    for row in rows:
        assert {"number", "title", "date", "issuer", "type", "source", "lines", "section", "addressees", "pages",
                "doc_id"} <= set(row)
        assert row["source"] == str(SEED)
        first, last = row["lines"]
        assert 1 <= first < last
        assert len(row["date"]) == 10 and row["date"][4] == "-"
    by_number = {r["number"]: r for r in rows}
    assert by_number["朔政办发〔2023〕26号"]["type"] == "work_division"
    assert by_number["朔政办发〔2023〕26号"]["date"] == "2023-08-08"
    assert problem_lines(err) == []


def test_ingest_cli_table_seed() -> None:
    code, out, _ = run(str(SEED))
    assert code == 0
    for word in ("number", "type", "date", "issuer", "title", "source lines", "朔政干发〔2023〕5号", "2023-06-30",
                 "shuozhou-2023-04.txt:1595-1681"):
        assert word in out


def test_ingest_cli_bad_files_one_line_each_others_still_read(mixed: Path) -> None:
    (mixed / "notes.xyz").write_text("甲", encoding="utf-8")
    code, out, err = run("--json", str(mixed), str(mixed / "missing.txt"), str(mixed / "notes.xyz"))
    assert code == 0
    rows = json.loads(out)
    numbers = [r["number"] for r in rows]
    assert len(rows) == 16 + 4
    assert {"甲政办函〔2024〕12号", "甲政办函〔2024〕13号", "甲政办函〔2024〕14号"} <= set(numbers)
    pdf = [r for r in rows if r["source"].endswith("notice.pdf")]
    assert pdf[0]["pages"] == [1, 2]
    lines = problem_lines(err)
    for name, words in {**BAD, "missing.txt": "no such file", "notes.xyz": "unsupported file type"}.items():
        mine = [l for l in lines if name in l]
        assert len(mine) == 1, (name, lines)
        assert words in mine[0] and mine[0].startswith("error ")
    assert [l for l in lines if "README.md" in l] == [
        f"warning {mixed / 'README.md'}: skipped: unsupported file type '.md' (supported: .txt .pdf .docx .html .htm)"]
    assert len(lines) == len(BAD) + 3
    assert "Traceback" not in err


def test_ingest_cli_exit_codes(mixed: Path, tmp_path: Path) -> None:
    code, _, err = run(*(str(mixed / "bad" / n) for n in BAD))
    assert code == 1 and len(problem_lines(err)) == len(BAD)
    assert run(str(mixed / "good"), "--strict")[0] == 0
    assert run(str(mixed), "--strict")[0] == 1
    assert run(str(mixed / "good"), str(mixed / "README.md"), "--strict")[0] == 1
    empty = tmp_path / "nothing"
    empty.mkdir()
    code, _, err = run(str(empty))
    assert code == 1 and "no files" in err


def test_ingest_cli_warnings_fail_only_when_strict(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8").replace("\n朔政办函〔2023〕43号\n", "\n\n", 1)
    path = tmp_path / "g.txt"
    path.write_text(text, encoding="utf-8")
    code, _, err = run(str(path))
    assert code == 0
    assert problem_lines(err) == [f"warning {path}: 目录 lists 朔政办函〔2023〕43号 but no document with that number was found"]
    assert run(str(path), "--strict")[0] == 1


def test_ingest_cli_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(SEED.read_bytes())
    code, _, err = run("--max-size", "0.1", str(path))
    assert code == 1 and "too large" in err


def test_ingest_cli_unexpected_failure_is_one_line(mixed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import extract.ingest as ingest

    real = ingest.split_source

    def flaky(src):  # a bug in the splitter, on one file only
        if src.path.endswith("notice-gbk.txt"):
            raise RuntimeError("boom\nsecond line")
        return real(src)

    monkeypatch.setattr(ingest, "split_source", flaky)
    code, out, err = run("--json", str(mixed / "good"))
    assert code == 0 and len(json.loads(out)) == 16 + 3
    assert [l for l in problem_lines(err) if "notice-gbk" in l] == [
        f"error {mixed / 'good' / 'notice-gbk.txt'}: could not be split: unexpected RuntimeError: boom"]

    def broken(*_a, **_k):
        raise ValueError("everything is broken")

    monkeypatch.setattr(ingest, "ingest_paths", broken)
    code, _, err = run(str(mixed))
    assert code == 3 and "Traceback" not in err
    assert problem_lines(err) == ["error govkg ingest failed: ValueError: everything is broken"]


def test_ingest_cli_installed_command(mixed: Path) -> None:
    """The real entry point, as a user runs it."""
    exe = Path(sys.executable).parent / "govkg"
    if not exe.exists():
        pytest.skip("govkg is not installed in this environment")
    proc = subprocess.run([str(exe), "ingest", "--json", str(mixed)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0
    assert len(json.loads(proc.stdout)) == 20
    assert "Traceback" not in proc.stderr
    assert len(problem_lines(proc.stderr)) == len(BAD) + 1


def test_ingest_paths_counts_and_moves_loader_warnings(mixed: Path) -> None:
    from extract.ingest import ingest_paths

    damaged = mixed / "good" / "damaged.txt"
    data = NOTICE.replace("12号", "15号").encode() * 2
    damaged.write_bytes(data[:30] + b"\xff" + data[30:])
    result = ingest_paths([mixed])
    assert (result.files_read, result.files_failed, result.files_skipped) == (6, len(BAD), 1)
    assert len(result.errors) == len(BAD)
    assert [p.reason for p in result.problems if p.source == str(damaged)] == [
        "1 damaged spot(s) not valid UTF-8, shown as \ufffd (first on line 1)"]
    assert all(not d.source.warnings for d in result.documents)  # reported once, here
    assert result.toc_warnings == []
