"""Kinds of Organization (政府部门, 党委部门, 企业 …) from their names, by data rules."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

__all__ = ["org_kind"]

_DATA = Path(__file__).parent / "data" / "org_kinds.yaml"


@lru_cache(maxsize=1)
def _rules() -> list[tuple[str, list[re.Pattern[str]]]]:
    raw = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    return [(r["kind"], [re.compile(p) for p in r["patterns"]]) for r in raw]


@lru_cache(maxsize=65536)
def org_kind(name: str) -> str:
    """The kind of a body by its name; "其他" when no rule applies."""
    for kind, patterns in _rules():
        if any(p.search(name) for p in patterns):
            return kind
    return "其他"
