"""Titles: which posts head a body, which are deputies, which lead a government.

The gazettes give titles as written (局长, 副主任（副院长）, 二级调研员); questions ask for
"负责人" or "领导班子". The tables are data (queries/data/titles.yaml).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from graph.model import SCHEMA

__all__ = ["Titles", "titles", "rank_of"]

_DATA = Path(__file__).parent / "data" / "titles.yaml"


@dataclass(frozen=True)
class Titles:
    """The title tables of queries/data/titles.yaml, with the tests the library needs."""

    heads: tuple[str, ...]
    deputy_prefixes: tuple[str, ...]
    ranks: tuple[str, ...]
    government_heads: tuple[str, ...]
    government_leaders: tuple[str, ...]
    head_words: tuple[str, ...]
    deputy_words: tuple[str, ...]
    leader_words: tuple[str, ...]
    member_roles: tuple[str, ...]
    leading_unit_roles: tuple[str, ...]
    generic_words: tuple[str, ...]

    def role_rank(self, role: str | None) -> int:
        """Sort key of a task force role: 组长 before 副组长 before 成员."""
        return self.member_roles.index(role) if role in self.member_roles else len(self.member_roles)

    def is_rank(self, title: str) -> bool:
        return any(r in title for r in self.ranks)

    @staticmethod
    def parts(title: str) -> list[str]:
        """副主任（副院长）-> [副主任, 副院长]; 党组书记、局长 -> [党组书记, 局长]."""
        for sep in "（）()、，,":
            title = title.replace(sep, "|")
        return [p for p in title.split("|") if p]

    def is_deputy(self, title: str) -> bool:
        return any(p.startswith(d) and p[len(d):] in self.heads
                   for p in self.parts(title) for d in self.deputy_prefixes)

    def is_head(self, title: str) -> bool:
        """Exactly a head's title (局长, 党组书记 …), not a section's (社会保险科科长)."""
        return any(p in self.heads or (p.startswith("党组") and p[2:] in self.heads)
                   for p in self.parts(title))

    def matches(self, title: str, asked: str) -> bool:
        """Whether a held `title` answers a question about `asked` (局长, 负责人, 副职 …)."""
        if asked in self.head_words:
            return self.is_head(title)
        if asked in self.deputy_words:
            return self.is_deputy(title)
        if asked in self.leader_words:
            return self.is_head(title) or self.is_deputy(title)
        return title == asked or asked in self.parts(title)


@lru_cache(maxsize=1)
def titles() -> Titles:
    """The title tables, read once."""
    raw = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    raw["member_roles"] = SCHEMA.relationships["MEMBER_OF"].roles  # the schema lists them, in rank order
    return Titles(**{k: tuple(v) for k, v in raw.items()})


def rank_of(title: str | None) -> int:
    """Sort key: heads first, then deputies, then everyone else."""
    if not title:
        return 3
    t = titles()
    return 0 if t.is_head(title) else 1 if t.is_deputy(title) else 2
