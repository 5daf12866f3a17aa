"""Chinese dates: 2023年8月8日, 2023 年 6 月 25 日, 二〇二三年八月八日, 2023-08-08."""

from __future__ import annotations

import re
from datetime import date

__all__ = ["parse_date", "DATE_RE", "find_dates"]

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "〇零○Ｏ一二三四五六七八九十"
DATE_RE = re.compile(
    rf"(?<!\d)(?P<y>\d{{4}}|[{_CN}]{{4}})\s*年\s*(?P<m>\d{{1,2}}|[{_CN}]{{1,3}})\s*月\s*"
    rf"(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})\s*日"
    r"|(?<!\d)(?P<iy>\d{4})[-./](?P<im>\d{1,2})[-./](?P<id>\d{1,2})(?!\d)"
)


def _cn_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if all(c in _CN_DIGITS for c in text) and len(text) == 4:  # 二〇二三: digit by digit
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    if "十" in text:  # 十, 十二, 二十, 二十一
        head, _, tail = text.partition("十")
        tens = _CN_DIGITS.get(head, 1) if head else 1
        ones = _CN_DIGITS.get(tail, 0) if tail else 0
        return tens * 10 + ones
    if len(text) == 1 and text in _CN_DIGITS:
        return _CN_DIGITS[text]
    return None


def _iso(y: str, m: str, d: str) -> str | None:
    yy, mm, dd = _cn_number(y), _cn_number(m), _cn_number(d)
    if yy is None or mm is None or dd is None:
        return None
    if not 1949 <= yy <= 2100:
        return None
    try:
        return date(yy, mm, dd).isoformat()  # 2023年2月30日 is a misprint, not a date
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """The first date in `text`, as ISO, or None."""
    for m in DATE_RE.finditer(text):
        iso = _from_match(m)
        if iso:
            return iso
    return None


def _from_match(m: re.Match[str]) -> str | None:
    if m.group("y"):
        return _iso(m.group("y"), m.group("m"), m.group("d"))
    return _iso(m.group("iy"), m.group("im"), m.group("id"))


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Every date in `text`: (start, end, iso)."""
    out = []
    for m in DATE_RE.finditer(text):
        iso = _from_match(m)
        if iso:
            out.append((m.start(), m.end(), iso))
    return out
