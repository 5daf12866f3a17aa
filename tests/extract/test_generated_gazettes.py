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


@pytest.mark.parametrize("index", range(24))
def test_generated_gazette_recall(index: int) -> None:
    text, truth = generate_with_truth(index)
    docs, report = split_source(SourceText(f"gazette-{index}.txt", text))
    assert not report.missing_from_body
    assertions, _ = extract_documents(docs)
    got = {(a.rel, a.s, a.o, a.role or a.position or "") for a in assertions}
    missed = [t for t in truth if t not in got]
    assert not missed, missed[:10]


def test_generated_gazettes_vary_level_and_punctuation() -> None:
    """The generator draws its forms from the grammar: gazettes of several levels (副州长,
    副旗长 … from the lexicon), half-width punctuation and every layout occur."""
    texts = [generate_with_truth(i)[0] for i in range(40)]
    heads = {t.split("\n", 1)[0] for t in texts}
    assert sum(any(h.endswith(f"{lv}人民政府公报") or h.endswith(f"{lv}行政公署公报") for h in heads)
               for lv in ("市", "州", "盟", "县", "旗", "区")) >= 4, heads
    assert any("组长:" in t or "召集人:" in t or "指挥长:" in t for t in texts)  # half-width
    assert any("由副" in t and "担任" in t for t in texts)                      # chairs in prose
