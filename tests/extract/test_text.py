"""Normalisation: what extractors match on, and the way back to the source for evidence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.text import normalize, to_simplified, unify_char

BROKEN = "市委常委、副市长武跃飞：负责市人民政府常\n\n务工作。负责发展改革、财政、应急管理、\n统计等方面的工作。\n"
MEMBERS = "组 长：田 东 副市长\n副组长：聂日旺 市政府办公室二级调研员\n李永强 市水利局局长\n成 员：贾义军 市规划和自然资源局副局长\n"


def evidence(source: str, needle: str) -> str:
    norm = normalize(source)
    i = norm.text.index(needle)
    s, e = norm.span(i, i + len(needle))
    return source[s:e]


@pytest.mark.parametrize("source,needle,original", [
    (BROKEN, "负责市人民政府常务工作。", "负责市人民政府常\n\n务工作。"),
    (BROKEN, "应急管理、统计等方面", "应急管理、\n统计等方面"),
    ("主任：王大明(市政府副市長)\n", "王大明（市政府副市长）", "王大明(市政府副市長)"),
    ("組長：田\u200b東 副市長", "组长：田东", "組長：田\u200b東"),
    ("经２０２３年８月７日市政府党组会议研究", "经2023年8月7日", "经２０２３年８月７日"),
    ("\ufeff关于成立专班的通知", "关于成立", "关于成立"),
])
def test_text_evidence_cut_by_span_is_the_original(source: str, needle: str, original: str) -> None:
    assert evidence(source, needle) == original


def test_text_offsets_refer_to_the_whole_source_when_normalising_a_slice() -> None:
    source = "前言。\n" + BROKEN
    start = source.index("市委")
    norm = normalize(source, start, len(source))
    i = norm.text.index("负责市人民政府常务工作")
    s, e = norm.span(i, i + len("负责市人民政府常务工作"))
    assert source[s:e] == "负责市人民政府常\n\n务工作"
    assert norm.src[0] == start and norm.src[-1] == len(source)


@pytest.mark.parametrize("traditional,simplified", [
    ("關於成立丙市城市濕地公園保護專班的通知", "关于成立丙市城市湿地公园保护专班的通知"),
    ("市長鄭一帆主持市政府全面工作，副市長分管財政局", "市长郑一帆主持市政府全面工作，副市长分管财政局"),
    ("辦公室設在市科技局", "办公室设在市科技局"),
])
def test_text_t2s_keeps_length(traditional: str, simplified: str) -> None:
    out = to_simplified(traditional)
    assert out == simplified
    assert len(out) == len(traditional)
    assert normalize(traditional).text == simplified


def test_text_rejoins_pdf_broken_lines() -> None:
    assert normalize(BROKEN).text.split("\n")[0] == "市委常委、副市长武跃飞：负责市人民政府常务工作。负责发展改革、财政、应急管理、统计等方面的工作。"


@pytest.mark.parametrize("kept", [
    MEMBERS,
    "一、工作目标\n（一）总体目标\n到2025年，基本建成。\n",
    "朔州市人民政府办公室\n2023年8月8日\n",
    "成员单位：市发改委、市财政局\n工作专班办公室设在市商务局。\n",
    "附件：1.名单\n2.职责\n",
])
def test_text_keeps_real_line_structure(kept: str) -> None:
    assert normalize(kept).text.count("\n") == kept.count("\n")


@pytest.mark.parametrize("raw,expected", [
    ("(一)", "（一）"),
    ("组长:田东", "组长：田东"),
    ("负责;分管!是否?", "负责；分管！是否？"),
    ("甲,乙", "甲，乙"),
    ("1,000元", "1,000元"),
    ("１２３ＡＢｃ", "123ABc"),
    ("田\u200b东\u200d\u2060\u00ad", "田东"),
    ("甲\u3000乙\u00a0丙\t丁", "甲 乙 丙 丁"),
    ("﹙二﹚∶", "（二）："),
    ("一\r\n二", "一\n二"),
    ("甲\x00乙\x1b丙", "甲乙丙"),
])
def test_text_unifies_widths_and_punctuation(raw: str, expected: str) -> None:
    assert normalize(raw, rejoin=False).text == expected


def test_text_span_of_empty_range_is_a_point() -> None:
    norm = normalize("甲乙丙")
    assert norm.span(1, 1) == (1, 1)
    assert norm.span(3, 3) == (3, 3)


# --- properties ------------------------------------------------------------------------

PIECES = st.sampled_from([
    "\n", "\n\n", " ", "\u3000", "\u200b", "\ufeff", "\r", "\f", "\t", ",", "(", ")", ":", "：", "。", "、", "，",
    "１２", "ＡＢ", "關於", "辦公室", "副市長", "组 长：", "田 东", "负责市人民政府常", "务工作", "一、", "（二）",
    "2023年8月8日", "二〇二三年八月八日", "朔政办发〔2023〕26号", "各县人民政府：", "关于成立工作专班的通知",
    "市人民政府办公室", "目 录", "【市政府文件】", "（此件公开发布）", "《朔州市人民政府公报》简介", "𠀀", "\x00",
])
TEXT = st.lists(PIECES | st.text(max_size=8), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.data())
def test_text_normalize_offsets_monotone_and_faithful(source: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(source)))
    end = data.draw(st.integers(start, len(source)))
    norm = normalize(source, start, end)
    assert len(norm.src) == len(norm.text) + 1
    assert all(start <= s < end for s in norm.src[:-1])
    assert all(a < b for a, b in zip(norm.src, norm.src[1:]))
    assert norm.src[-1] <= max(end, start + 1) or not norm.text
    simp = to_simplified(source[start:end])
    for ch, s in zip(norm.text, norm.src):
        i = s - start
        assert ch == simp[i] or ch == unify_char(simp[i], simp[i - 1] if i else "", simp[i + 1] if i + 1 < len(simp) else "")


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_text_to_simplified_keeps_length(source: str) -> None:
    assert len(to_simplified(source)) == len(source)


@pytest.mark.parametrize("indent", ["\u3000\u3000", "  ", "    "])
@pytest.mark.parametrize("lines", [
    ["王一为甲市审计局局长", "李二为甲市中级人民法院审判委员会委员、刑事审判第一庭庭长"],
    ["赵三的乙县教育局局长职务", "钱四的乙县人民检察院副检察长、检察委员会委员职务"],
    ["孙五负责丙旗财政、审计工作", "周六负责丙旗教育、卫生健康、民族事务工作，分管旗教育局"],
])
def test_text_lines_each_indented_as_a_paragraph_stay_apart(indent: str, lines: list[str]) -> None:
    """Lines each opening with a paragraph's indent are paragraphs, not one sentence wrapped."""
    text = "任命：\n" + "\n".join(indent + line for line in lines) + "\n"
    norm = normalize(text).text
    assert [l.strip() for l in norm.split("\n") if l.strip()][1:] == lines


def test_text_wrapped_lines_under_an_indented_first_line_still_rejoin() -> None:
    text = "\u3000\u3000甲市人民政府决定成立甲市河湖治理工作领导小组，组长由\n市委副书记王一担任，副组长由副市长李二担任。\n"
    assert "组长由市委副书记王一担任" in normalize(text).text


@pytest.mark.parametrize("mark", ["— 7 —", "- 12 -", "—7—", "第 3 页", "第3页共9页", "3/12"])
@pytest.mark.parametrize("head", ["", "某某市人民政府公报　2021年第4期", "甲县政报 2019年第2期"])
def test_text_reads_past_a_page_break_left_in_plain_text(mark: str, head: str) -> None:
    """A PDF converted to plain text keeps its page numbers and running heads inside sentences;
    the sentence is rejoined across them (a running head repeats in the text: here once above)."""
    top = f"{head}\n" if head else ""
    between = f"{mark}\n{head}\n" if head else f"{mark}\n"
    raw = f"{top}副市长王五：负责应急管理（安全\n\n{between}\n生产）、统计方面的工作。\n"
    text = normalize(raw).text
    assert "负责应急管理（安全生产）、统计方面的工作。" in text
    assert mark not in text


@pytest.mark.parametrize("line", ["7", "2023", "成员：李四", "一、总体要求"])
def test_text_keeps_lines_that_are_not_page_marks(line: str) -> None:
    """A bare number (a table cell) or a repeated content line beside no page number stays."""
    raw = f"{line}\n负责财政方面的\n{line}\n工作。\n"
    assert normalize(raw).text.count(line) == 2
