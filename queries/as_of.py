"""The day a question is about: `--as-of` on the command line, `as_of` in the library, the
explorer's 截至日期.

Facts carry `valid_from` and `valid_to` as ISO days (YYYY-MM-DD), so a day asked about is
turned into the same form before any query compares it with them. Without a day the
answer is the newest state: what no later document has ended. A month (2023-07) or a
year (2023) means its first day, the state the month or year began with; `/`, `.` and
年月日 are read as well. Anything else is refused with a message that says what to write,
never compared as text (where '2023-7-1' would sort after '2023-10-01').
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any, Mapping

__all__ = ["AsOfError", "parse_as_of", "AS_OF_FORMS", "bind_as_of"]

AS_OF_FORMS = "YYYY-MM-DD; YYYY-MM or YYYY mean their first day"

_DAYS = (re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?"),
         re.compile(r"(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?"))


class AsOfError(ValueError):
    """A day that is not one; the message says what was given and what to write."""


@lru_cache(maxsize=256)
def _parse(text: str) -> str | None:
    if not text:
        return None
    m = next((m for m in (d.fullmatch(text) for d in _DAYS) if m), None)
    if m is None:
        raise AsOfError(f"不是日期：{_shown(text)}（not a date; write {AS_OF_FORMS}）")
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        return date(year, month, day).isoformat()
    except ValueError as exc:
        raise AsOfError(f"不是日期：{_shown(text)}（{exc}; write {AS_OF_FORMS}）") from None


def parse_as_of(value: str | date | None) -> str | None:
    """The ISO day (YYYY-MM-DD) that `value` names, or None (the newest state) for nothing.

    >>> parse_as_of("2023-7"), parse_as_of("2023年7月1日"), parse_as_of("")
    ('2023-07-01', '2023-07-01', None)
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    return _parse(str(value).strip())


_AS_OF_PARAM = re.compile(r"\$as_of\b")


def bind_as_of(query: str, params: Mapping[str, Any], as_of: str | None) -> dict[str, Any]:
    """`params` for hand-written Cypher (govkg cypher, the explorer's console): `$as_of` is
    the day asked, '' for none, when the query names it and `params` do not give it.

    Only then: LadybugDB runs a query with parameters as a prepared statement, which
    changes how it reports a query it cannot run."""
    out = dict(params)
    if "as_of" not in out and _AS_OF_PARAM.search(query):
        out["as_of"] = as_of or ""
    return out


def _shown(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:40] + "…")
