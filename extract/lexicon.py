"""The extractors' word lists (extract/data/lexicon.yaml), loaded once, with helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from graph.model import SCHEMA

__all__ = ["Lexicon", "lexicon", "alternation", "CJK", "NAME_CHARS", "OFFICE"]

CJK = r"\u4e00-\u9fff"
NAME_CHARS = rf"[{CJK}·•]"
OFFICE = "办公室"  # a body's office roles are written 办公室 + role in the schema (办公室主任)


def alternation(words: list[str] | tuple[str, ...]) -> str:
    """Words as one regex alternation, longest first (so 副组长 wins over 组长)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


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
    office_roles: tuple[str, ...] = ()          # 主任 of 办公室主任: the roles a body's office has
    member_role_as: tuple[tuple[str, str], ...] = ()  # 委员 -> 成员
    leader_heads: tuple[str, ...] = ()          # generated heads of a government (副州长, 常务副省长 …)
    surnames: frozenset[str] = frozenset()      # extract/data/names.yaml
    levels: tuple[str, ...] = ()                # administrative levels (省, 自治区, 市 … 街道)
    title_body_words: tuple[str, ...] = ()      # a body's short name before a head's title (行署专员 -> 专员)
    party_name_prefixes: tuple[str, ...] = ()   # the party's name before a committee's place (中共丁州委)
    heads_after_party: dict[str, dict[str, str]] = field(default_factory=dict)  # 街道党工委 -> {副主任: 街道办事处}
    heads_alone: dict[str, dict[str, str]] = field(default_factory=dict)  # 自治区 -> {副主席: 自治区政府}
    name_notes: tuple[str, ...] = ()            # 女, 挂职: a bracket after a name that is no part of it
    name_note_endings: tuple[str, ...] = ()     # 族: 蒙古族, 藏族 …
    name_note_openings: tuple[str, ...] = ()    # 兼: "（兼地区经委主任）", one more post of the person
    division_endings: tuple[str, ...] = ("科", "股", "室", "组", "处", "部", "中心")  # 社会保险科 + 科长
    not_names: frozenset[str] = frozenset()     # words no name is (协助, 强调): work_division.yaml's

    def has_surname(self, name: str) -> bool:
        """Whether `name` opens with a family name (two-character ones too) and has one or
        two characters more; names written with "·" are not checked."""
        if "·" in name:
            return len(name) >= 3
        return any(name[:k] in self.surnames and 1 <= len(name) - k <= 2 for k in (1, 2))

    def is_name_note(self, note: str) -> bool:
        """A bracket after a name that says something of the person (性别, 民族, 挂职): no post."""
        note = re.sub(r"\s+", "", note)
        return note in self.name_notes or (len(note) >= 2 and note.endswith(self.name_note_endings)) \
            or self.concurrent_note(note) is not None

    def concurrent_note(self, note: str) -> str | None:
        """"兼地区经委主任" -> "地区经委主任": the post a note after a name adds; None for other notes."""
        note = re.sub(r"\s+", "", note)
        opening = next((w for w in self.name_note_openings if note.startswith(w) and len(note) > len(w) + 1), None)
        return note[len(opening):] if opening else None

    def member_role(self, role: str) -> str:
        """A role as the gold writes it: spaces dropped, 委员 read as 成员."""
        role = re.sub(r"\s+", "", role)
        return dict(self.member_role_as).get(role, role)

    @property
    def group_words(self) -> tuple[str, ...]:
        """The kind words a body's name ends with (领导小组, 专班 …), its office's left out."""
        return tuple(w for w, kind in self.task_force_kinds.items() if kind != OFFICE)

    def task_force_kind(self, name: str) -> str | None:
        for word in sorted(self.task_force_kinds, key=len, reverse=True):
            if name.endswith(word):
                return self.task_force_kinds[word]
        return None

    @property
    def title_re(self) -> re.Pattern[str]:
        return _title_re(self.title_words, self.division_endings)

    def is_title(self, text: str) -> bool:
        return bool(text) and (text in self.implied_org or bool(self.title_re.fullmatch(text)))

    def is_org(self, text: str) -> bool:
        return len(text) >= 2 and text.endswith(self.org_suffixes)


@lru_cache(maxsize=4)
def _title_re(words: tuple[str, ...], divisions: tuple[str, ...]) -> re.Pattern[str]:
    core = "|".join(words)
    return re.compile(
        rf"(?:[{CJK}]{{1,10}}?(?:{'|'.join(divisions)}))??"
        r"(?:主持日常工作的|主持工作的|常务|第一|代理|代|专职|执行|驻会)?"
        r"(?:党组|党委|党工委|纪检组|分党组)?(?:常务|专职)?副?(?:一级|二级|三级|四级|正处级|副处级|处级|正科级|副科级|科级)?"
        rf"(?:{core})"
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = yaml.safe_load((Path(__file__).parent / "data" / "lexicon.yaml").read_text(encoding="utf-8"))
    leaders, heads = _leader_posts(raw.get("leader_levels") or {}, raw.get("leader_templates") or [])
    member_roles = SCHEMA.relationships["MEMBER_OF"].roles  # the roles are the schema's, listed once
    return Lexicon(
        org_suffixes=tuple(sorted(set(raw["org_suffixes"]), key=len, reverse=True)),
        internal_suffixes=tuple(raw["internal_suffixes"]),
        title_words=tuple(sorted(set(raw["title_words"]), key=len, reverse=True)),
        implied_org={**leaders, **raw["implied_org"]},
        leader_titles=tuple(dict.fromkeys([*heads, *leaders, *raw["leader_titles"]])),
        member_roles=member_roles,
        task_force_kinds=dict(raw["task_force_kinds"]),
        category_prefixes=tuple(raw["category_prefixes"]),
        category_words=tuple(raw["category_words"]),
        office_roles=tuple(r.removeprefix(OFFICE) for r in member_roles if r.startswith(OFFICE)),
        member_role_as=tuple((raw.get("member_role_as") or {}).items()),
        leader_heads=tuple(sorted(set(heads), key=len, reverse=True)),
        levels=tuple(sorted(raw.get("leader_levels") or {}, key=len, reverse=True)),
        title_body_words=tuple(raw.get("title_body_words") or ()),
        party_name_prefixes=tuple(sorted(raw.get("party_name_prefixes") or (), key=len, reverse=True)),
        name_notes=tuple(raw.get("name_notes") or ()),
        name_note_endings=tuple(raw.get("name_note_endings") or ()),
        name_note_openings=tuple(raw.get("name_note_openings") or ()),
        division_endings=tuple(sorted(raw.get("division_endings") or (), key=len, reverse=True)),
        heads_after_party=_heads_after_party(raw.get("leader_levels") or {}, raw.get("leader_templates") or []),
        heads_alone=_heads_alone(raw.get("leader_levels") or {}, raw.get("leader_templates") or [],
                                 raw.get("own_government_titles") or []),
        not_names=frozenset(yaml.safe_load((Path(__file__).parent / "data" / "work_division.yaml")
                            .read_text(encoding="utf-8"))["not_names"]["words"]),
        surnames=frozenset(yaml.safe_load((Path(__file__).parent / "data" / "names.yaml")
                                          .read_text(encoding="utf-8"))["surnames"]),
    )


def _heads_alone(levels: dict[str, dict[str, str | None]], templates: list[dict],
                 own: list[str]) -> dict[str, dict[str, str]]:
    """For each level, the titles of its government written without the level in its own
    documents, with that government: its head's ("{mod}主席" of 自治区: 主席, 副主席, 常务副主席 …
    -> 自治区政府) and those of every level's government (`own`: 秘书长 -> 自治区政府)."""
    mods = next((t.get("mods", []) for t in templates if t.get("leads")), [])
    out: dict[str, dict[str, str]] = {}
    for name, level in levels.items():
        gov = level.get("government")
        if not gov:
            continue
        heads = [level["head_alone"].replace("{mod}", mod) for mod in ["", *mods]] if level.get("head_alone") else []
        out[name] = {title: gov for title in [*heads, *own]}
    return {name: titles for name, titles in out.items() if titles}


def _heads_after_party(levels: dict[str, dict[str, str | None]], templates: list[dict]) -> dict[str, dict[str, str]]:
    """For each party committee, the head titles read only right after its post, with the
    government they belong to ("{mod}主任" of 街道: 主任, 副主任 … -> 街道办事处)."""
    mods = next((t.get("mods", []) for t in templates if t.get("leads")), [])
    out: dict[str, dict[str, str]] = {}
    for level in levels.values():
        frame, party, gov = level.get("head_after_party"), level.get("party"), level.get("government")
        if frame and party and gov:
            out[party] = {frame.replace("{mod}", mod): gov for mod in ["", *mods]}
    return out


def _leader_posts(levels: dict[str, dict[str, str | None]],
                  templates: list[dict]) -> tuple[dict[str, str], list[str]]:
    """Every level's leader titles with the body each implies (副旗长 -> 旗政府), and the
    government heads among them: levels x templates x modifiers, so a new level is one line."""
    posts: dict[str, str] = {}
    heads: list[str] = []
    for level in levels.values():
        for tpl in templates:
            body = level.get(tpl["body"])
            parts = {"head": level.get("head"), "party": level.get("party"), "congress": level.get("congress")}
            if not body or any(f"{{{k}}}" in tpl["title"] and not v for k, v in parts.items()):
                continue  # the level has no such post (街道 has no head of its own)
            frame = tpl["title"].format(mod="{mod}", **parts)
            for mod in ["", *tpl.get("mods", [])]:
                title = frame.replace("{mod}", mod)
                posts.setdefault(title, body)
                if tpl.get("leads"):
                    heads.append(title)
    return posts, heads
