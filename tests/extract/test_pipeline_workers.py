"""Extraction in a process pool gives what one process gives, and loses only the bad file."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from extract.pipeline import FileExtraction, extract_file, extract_in_pool, extract_paths

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from corpus import generate  # noqa: E402


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five generated gazettes, one with a damaged byte, an empty file, a bad PDF and a README."""
    out = tmp_path_factory.mktemp("gazettes")
    for i in range(5):
        (out / f"gazette-{i}.txt").write_text(generate(i), encoding="utf-8")
    data = generate(5).encode("utf-8")
    (out / "gazette-5-damaged.txt").write_bytes(data[:4000] + b"\xff" + data[4000:])
    (out / "empty.txt").write_bytes(b"")
    (out / "broken.pdf").write_bytes(b"not a pdf at all")
    (out / "README.md").write_text("notes", encoding="utf-8")
    return out


def test_pipeline_workers_give_the_same_result(folder: Path) -> None:
    one = extract_paths([str(folder)])
    two = extract_paths([str(folder)], workers=2)
    assert len(one.documents) > 30 and len(one.assertions) > 500
    assert {p.severity for p in one.problems} == {"error", "warning"}
    assert two.documents == one.documents
    assert two.assertions == one.assertions
    assert two.problems == one.problems
    assert two.files_read == one.files_read == 6
    assert two == one


def test_pipeline_workers_named_files_and_more_workers_than_files(folder: Path) -> None:
    paths = [str(folder / "gazette-1.txt"), str(folder / "broken.pdf"), str(folder / "gazette-0.txt")]
    assert extract_paths(paths, workers=8) == extract_paths(paths)


def test_pipeline_workers_refuse_less_than_one() -> None:
    with pytest.raises(ValueError):
        extract_paths([], workers=0)


def die_on_crash(path: str) -> FileExtraction:
    """A task whose process dies on a file named crash*, as one killed for memory would."""
    if Path(path).name.startswith("crash"):
        os._exit(70)
    return extract_file(path)


def test_pipeline_worker_that_dies_costs_only_its_file(folder: Path, tmp_path: Path) -> None:
    crash = tmp_path / "crash.txt"
    crash.write_text(generate(7), encoding="utf-8")
    paths = [str(folder / f"gazette-{i}.txt") for i in range(3)]
    paths.insert(1, str(crash))
    got = extract_in_pool(paths, 2, task=die_on_crash)
    assert [g.failed for g in got] == [False, True, False, False]
    assert got[1].read_problems[0].source == str(crash)
    assert "died" in got[1].read_problems[0].reason
    for path, one in zip(paths, got):
        if path != str(crash):
            assert one == extract_file(path)
