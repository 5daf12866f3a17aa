"""The extractors' word lists (extract/data/lexicon.yaml), loaded once, with helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

__all__ = ["Lexicon", "lexicon", "CJK", "NAME_CHARS"]

CJK = r"\u4e00-\u9fff"
NAME_CHARS = rf"[{CJK}·•]"


@dataclass(frozen=True)
class Lexicon:
    org_suffixes: tuple[str, ...]
    internal_suffixes: tuple[str, ...]
    title_words: tuple[str, ...]
    implied_org: dict[str, str]
    leader_titles: tuple[str, ...]
    member_roles: tuple[str, ...]
    task_force_kinds: dict[str, str]
    category_prefixes: tuple[str, ...]
    category_words: tuple[str, ...]

    @property
    def role_re(self) -> re.Pattern[str]:
        roles = sorted(self.member_roles, key=len, reverse=True)
        spaced = ["\\s*".join(r) for r in roles]
        return re.compile(rf"^\s*(?:[-·*]\s*)?(?P<role>{'|'.join(spaced)})\s*[：:]\s*")

    def task_force_kind(self, name: str) -> str | None:
        for word in sorted(self.task_force_kinds, key=len, reverse=True):
            if name.endswith(word):
                return self.task_force_kinds[word]
        return None

    @property
    def title_re(self) -> re.Pattern[str]:
        return _title_re(self.title_words)

    def is_title(self, text: str) -> bool:
        return bool(text) and (text in self.implied_org or bool(self.title_re.fullmatch(text)))

    def is_org(self, text: str) -> bool:
        return len(text) >= 2 and text.endswith(self.org_suffixes)


@lru_cache(maxsize=4)
def _title_re(words: tuple[str, ...]) -> re.Pattern[str]:
    core = "|".join(words)
    return re.compile(
        rf"(?:[{CJK}]{{1,10}}?[科股室组处部中心])??"
        r"(?:主持日常工作的|主持工作的|常务|第一|代理|代|专职|执行|驻会)?"
        r"(?:党组|党委|党工委|纪检组|分党组)?(?:常务|专职)?副?(?:一级|二级|三级|四级|正处级|副处级|处级|正科级|副科级|科级)?"
        rf"(?:{core})"
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = yaml.safe_load((Path(__file__).parent / "data" / "lexicon.yaml").read_text(encoding="utf-8"))
    return Lexicon(
        org_suffixes=tuple(sorted(set(raw["org_suffixes"]), key=len, reverse=True)),
        internal_suffixes=tuple(raw["internal_suffixes"]),
        title_words=tuple(sorted(set(raw["title_words"]), key=len, reverse=True)),
        implied_org=dict(raw["implied_org"]),
        leader_titles=tuple(raw["leader_titles"]),
        member_roles=tuple(raw["member_roles"]),
        task_force_kinds=dict(raw["task_force_kinds"]),
        category_prefixes=tuple(raw["category_prefixes"]),
        category_words=tuple(raw["category_words"]),
    )
