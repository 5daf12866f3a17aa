"""Arbitrary text never makes the splitter or an extractor raise, and what comes out holds.

Broader than the properties in tests/extract/: any Unicode character except lone
surrogates (no decoder produces them), control and format characters, every kind of
space and line break, and the tokens gazettes are built from (document numbers, dates
in both scripts, contents lines, headings, role labels, member lines), in any order.
The pipeline catches an extractor's exception and reports it as a warning, which would
hide a bug from a plain "never raises" test; so here no such warning may appear either,
and every extractor runs on every document whatever its type.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.extractors import _registry
from extract.load import decode_text
from extract.pipeline import extract_documents
from extract.source import SourceText
from extract.split import split_source

TOKENS = [
    "朔政办发〔2023〕26号", "甲政办函〔2024〕12号", "第4期", "2023年第4期", "目  录", "目录", "……12", "…… 3",
    "【市政府文件】", "【市政府办公室文件】", "关于", "成立", "工作专班", "领导小组", "联席会议", "的通知", "的批复",
    "2023年8月8日", "二〇二三年八月八日", "2023年13月45日", "各县（区）人民政府，市直各有关单位：", "附件：", "抄送：",
    "朔州市人民政府办公室", "市人民政府", "（此件公开发布）", "一、", "（一）", "1.", "第一条", "组  长：", "副组长：",
    "成  员：", "成员单位：", "办公室设在", "兼任办公室主任", "分管", "协助分管", "联系", "负责", "主持", "任命", "免去",
    "为", "的", "职务", "（试用期一年）", "田\u200b东", "王大明", "副市长", "市财政局局长", "市发改委", "、", "，", "。",
    "；", "：", "（", "）", "(", ")", "\n", "\n\n", "\r\n", "\u2028", "\f", "\t", " ", "\u3000" * 8, "\u00a0",
    "\ufeff", "\u200b", "\u00ad", "\x00", "\x07", "\x1b[31m", "\u202e", "關於", "辦公室", "組長", "副市長",
    "' }) MATCH (n) DETACH DELETE n //", "[/red]", "<script>", "&nbsp;", "😀", "𠀀", "\U000e0041",
]
ANY_CHAR = st.characters(exclude_categories=["Cs"])
PIECE = st.one_of(st.sampled_from(TOKENS), st.text(ANY_CHAR, max_size=8),
                  st.text(st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp", "Mn"]), max_size=4))
FREE = st.lists(PIECE, max_size=120).map("".join)

# Notices as gazettes lay them out, each slot filled with a token or anything at all, so
# that the extractors get past their triggers and meet the odd values inside.
FILL = st.one_of(st.sampled_from(["王大明", "李 小红", "田\u200b东", "市财政局", "副市长", "市发展和改革委员会副主任", ""]),
                 st.text(ANY_CHAR, max_size=6), PIECE)
LINE = st.one_of(
    st.tuples(FILL, FILL).map(lambda t: f"{t[0]}关于成立{t[1]}工作专班的通知"),
    st.tuples(FILL, FILL, FILL).map(lambda t: f"{t[0]}组  长：{t[1]}  {t[2]}"),
    st.tuples(FILL, FILL, FILL).map(lambda t: f"副组长：{t[0]}  {t[1]}{t[2]}"),
    st.tuples(FILL, FILL).map(lambda t: f"        {t[0]}  {t[1]}"),
    st.tuples(FILL, FILL).map(lambda t: f"成  员：{t[0]}、{t[1]}"),
    st.tuples(FILL, FILL, FILL).map(lambda t: f"{t[0]}：负责{t[1]}方面的工作。分管{t[2]}。"),
    st.tuples(FILL, FILL, FILL).map(lambda t: f"任命{t[0]}为{t[1]}{t[2]}；免去{t[0]}的{t[1]}职务。"),
    st.tuples(FILL, FILL).map(lambda t: f"工作专班办公室设在{t[0]}，{t[1]}兼任办公室主任。"),
    st.tuples(FILL, FILL).map(lambda t: f"{t[0]}政办发〔2023〕{t[1]}号"),
    st.tuples(FILL, FILL).map(lambda t: f"{t[0]}……{t[1]}"),
    PIECE,
)
STRUCTURED = st.lists(LINE, max_size=40).map("\n".join)
TEXT = st.one_of(FREE, STRUCTURED)


def _invisible(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cf") or ch.isspace()


_INVISIBLE = re.compile("[" + "".join(re.escape(chr(c)) for c in range(0x110000)
                                      if not 0xD800 <= c <= 0xDFFF and _invisible(chr(c))) + "]")


def _check_assertions(src: SourceText, assertions: list) -> None:
    for a in assertions:
        assert a.s and a.o, a
        assert not _INVISIBLE.search(a.s) and not _INVISIBLE.search(a.o), (a.s, a.o)
        if a.start is not None and a.end is not None:
            assert 0 <= a.start <= a.end <= len(src.text)
            assert src.text[a.start:a.end].strip() == a.evidence
            assert a.line == src.line_of(a.start)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_pipeline_never_raises_nor_hides_a_failure(text: str) -> None:
    src = SourceText("fuzz.txt", text)
    docs, _ = split_source(src)
    assertions, problems = extract_documents(docs)
    assert not [p for p in problems if "extractor failed" in p.reason], problems
    _check_assertions(src, assertions)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_every_extractor_on_every_document(text: str) -> None:
    src = SourceText("fuzz.txt", text)
    docs, _ = split_source(src)
    for doc in docs:
        for fn in _registry().values():
            _check_assertions(src, fn(doc))


LINES = st.lists(st.one_of(
    st.text(alphabet="甲乙关于通知〔〕号：。组长成员市财政局王大明 ", min_size=1, max_size=40).map(lambda t: t.encode("utf-8")),
    st.text(alphabet="甲乙关于通知〔〕号：。组长成员市财政局王大明 ", min_size=1, max_size=40).map(lambda t: t.encode("gbk")),
    st.binary(max_size=20),
), max_size=30).map(b"\n".join)


@settings(max_examples=300, deadline=None)
@given(LINES)
def test_decode_text_mixed_lines_give_text_or_a_reason(data: bytes) -> None:
    """Lines in UTF-8 and GBK, and junk: read (each line in an encoding it decodes in), or
    refused with one line of reason; never another exception."""
    try:
        text, encoding, warnings = decode_text(data)
    except ValueError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert isinstance(text, str) and encoding
    if any("mixes encodings" in w for w in warnings):
        assert text.count("\n") == data.count(b"\n")
