"""Dates as gazettes write them, to ISO; misprints are not dates."""

from __future__ import annotations

import pytest

from extract.dates import find_dates, parse_date


@pytest.mark.parametrize("text,iso", [
    ("2023年8月8日", "2023-08-08"),
    ("2023 年 6 月 25 日", "2023-06-25"),
    ("2023年08月08日", "2023-08-08"),
    ("二〇二三年八月八日", "2023-08-08"),
    ("二○二三年十二月三十一日", "2023-12-31"),
    ("二零二四年一月十五日", "2024-01-15"),
    ("二〇二四年四月二十一日", "2024-04-21"),
    ("二〇二三年十月十日", "2023-10-10"),
    ("２０２３年８月８日", "2023-08-08"),
    ("2023-08-08", "2023-08-08"),
    ("2023.8.8", "2023-08-08"),
    ("2023/8/8", "2023-08-08"),
    ("经朔州市人民政府2023年6月16日党组会议研究", "2023-06-16"),
])
def test_dates_parse(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", [
    "2023年2月30日",      # no such day
    "2023年13月1日",
    "1800年1月1日",       # before any gazette
    "二〇二三年八月",     # no day
    "12023年1月1日",      # part of a longer number
    "2023-8-81",
    "朔政办发〔2023〕26号",
    "",
])
def test_dates_not_dates(text: str) -> None:
    assert parse_date(text) is None


def test_dates_find_all_with_offsets() -> None:
    text = "2023年7月13日印发，自二〇二三年八月一日起施行。"
    found = find_dates(text)
    assert [iso for *_, iso in found] == ["2023-07-13", "2023-08-01"]
    s, e, _ = found[1]
    assert text[s:e] == "二〇二三年八月一日"
