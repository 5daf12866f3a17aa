"""Extraction on synthetic gazettes in the real layouts: every stated fact is found."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from extract.pipeline import extract_documents
from extract.source import SourceText
from extract.split import split_source

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from corpus import generate_with_truth  # noqa: E402


@pytest.mark.parametrize("index", range(8))
def test_generated_gazette_recall(index: int) -> None:
    text, truth = generate_with_truth(index)
    docs, report = split_source(SourceText(f"gazette-{index}.txt", text))
    assert not report.missing_from_body
    assertions, _ = extract_documents(docs)
    got = {(a.rel, a.s, a.o, a.role or a.position or "") for a in assertions}
    missed = [t for t in truth if t not in got]
    assert len(missed) <= len(truth) * 0.02, missed[:10]
