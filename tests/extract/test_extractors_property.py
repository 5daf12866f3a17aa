"""Arbitrary text never makes an extractor raise (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.extractors import appointment, task_allocation, task_force, work_division
from extract.source import SourceText
from extract.split import split_source

# Text built from the characters and words the extractors react to, plus anything else.
_WORDS = ["组长：", "副组长：", "成 员：", "办公室设在", "下设", "牵头", "任命", "免去", "为", "职务", "（试用期一年）",
          "分管", "负责", "联系", "协助市长联系", "主持", "副市长", "市委常委、", "市财政局", "局长", "，", "、", "。",
          "\n", " ", "（", "）", "张三", "李 四", "关于成立某某工作专班的通知", "某政办函〔2024〕1号", "2024年1月1日",
          "成员单位职责", "一、", "（一）", "等", "及", "以及", "由", "兼任", "担任", "·", "\u200b", "(", ")"]
_TEXT = st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=6)), max_size=80).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_extractors_never_raise(text: str) -> None:
    docs, _ = split_source(SourceText("fuzz.txt", text))
    for doc in docs:
        for fn in (work_division.extract, task_force.extract, appointment.extract, task_allocation.extract):
            for a in fn(doc):
                assert a.s and a.o and a.evidence is not None
