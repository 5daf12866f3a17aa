"""Posts: "市政府办公室二级调研员" -> (市政府办公室, 二级调研员).

A post string may list several posts ("市交通局副局长、市邮政管理局局长"); a post without
its own organisation inherits the previous one's ("市林草局党组副书记、局长"), and some
titles imply their organisation (副市长 -> 市政府).
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass
from pathlib import Path

import yaml

from extract.lexicon import CJK, alternation, lexicon
from extract.text import to_simplified

__all__ = ["Post", "parse_posts", "split_post", "split_list", "home_place", "home_government", "bare_government",
           "place_post", "own_head",
           "is_place_post", "place_post_pattern"]


@dataclass(frozen=True)
class Post:
    """One post; offsets are relative to the parsed string."""

    org: str | None
    title: str
    org_span: tuple[int, int] | None
    title_span: tuple[int, int]
    implied: bool = False   # the organisation comes from the title (副市长 -> 市政府)


_TITLE_HEAD = re.compile(r"^(主持日常工作的|常务|第一|代理|代|专职|兼职|分管|主要)?")
_STRONG = ("局", "厅", "委", "委员会", "办公室", "办公厅", "公司", "集团", "中心", "院", "支队", "海关",
           "政府", "管委会", "工委", "联络处", "分局")
_PLAIN_TITLE = re.compile(
    r"(?:党组|党委|党工委|纪检组)?(?:常务|专职)?副?(?:一级|二级|三级|四级|正处级|副处级|处级|正科级|副科级|科级)?"
    r"(?:" + "|".join(lexicon().title_words) + r")"
)


_OPENS, _CLOSES = "（(《“【", "）)》”】"


@lru_cache(maxsize=64)
def _marks(seps: str) -> re.Pattern[str]:
    """The characters split_list looks at: brackets and separators (the rest is skipped by the regex)."""
    return re.compile("[" + re.escape(_OPENS + _CLOSES + seps) + "]")


def split_list(text: str, seps: str = "、，,；;") -> list[tuple[int, int]]:
    """Spans of the items of a list, not splitting inside brackets."""
    spans, depth, start = [], 0, 0
    for m in _marks(seps).finditer(text):  # hot: called per clause and per document
        ch = m.group()
        if ch in _OPENS:
            depth += 1
        elif ch in _CLOSES:
            depth = max(depth - 1, 0)
        elif depth == 0:
            i = m.start()
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        item = text[a:b]
        if item.isspace() or not item:
            continue
        out.append((a + len(item) - len(item.lstrip()), a + len(item.rstrip())))
    return out


@lru_cache(maxsize=65536)  # a pure function of short post strings, asked again and again
def split_post(text: str) -> tuple[int, bool] | None:
    """Where the organisation ends and the title begins; (cut, implied) or None.

    cut == 0 means the whole text is a title. Prefer the longest organisation whose
    remainder is a plain title; failing that, the shortest one whose remainder is a title
    inside an internal division ("市人社局" + "社会保险科科长").
    """
    lex = lexicon()
    t = text.strip()
    if not t:
        return None
    tail = re.search(r"[（(][^（）()]{1,12}[）)]$", t)
    if tail and lex.is_title(tail.group(0)[1:-1]) and len(t) > len(tail.group(0)):
        res = split_post(t[: tail.start()])  # 副主任（副院长）: the bracket is the title's
        return res
    if t in lex.implied_org or re.sub(r"^(常务|代理|代)", "", t) in lex.implied_org:
        return 0, True
    plain: int | None = None
    divided: int | None = None
    depth = 0
    for i in range(1, len(t)):
        ch = t[i - 1]
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth -= 1
        if depth:
            continue
        prefix, rest = t[:i], t[i:]
        bare = re.sub(r"[（(][^（）()]*[）)]$", "", prefix)
        if not lex.is_org(bare) or (bare.endswith(lex.internal_suffixes) and not bare.endswith(("办公室", "工作室"))):
            continue
        if rest in lex.implied_org or _PLAIN_TITLE.fullmatch(_TITLE_HEAD.sub("", rest) or "-"):
            plain = i
        elif lex.is_title(rest) and (divided is None or bare.endswith(_STRONG)):
            divided = i
    if plain is not None:
        return plain, False
    if divided is not None:
        return divided, False
    contracted = re.match(r"^(.{2,20}?)(局|厅|部|处|院|校|委)(长|主任)$", t)
    if contracted and lex.is_org(contracted.group(1) + contracted.group(2)) and not lex.is_title(t):
        return -len(contracted.group(2) + contracted.group(3)), False  # 公安局长 = 公安局 + 局长
    if lex.is_title(t):
        return 0, t in lex.implied_org
    return None


def parse_posts(text: str) -> list[Post]:
    """Every post in a post string, in order."""
    return list(_parse_posts(text)) if len(text) <= 200 else _read_posts(text)


@lru_cache(maxsize=65536)  # posts are short strings, parsed again by several extractors
def _parse_posts(text: str) -> tuple[Post, ...]:
    return tuple(_read_posts(text))


def _read_posts(text: str) -> list[Post]:
    lex = lexicon()
    posts: list[Post] = []
    prev_org: tuple[str, tuple[int, int] | None] | None = None
    for a, b in split_list(text, "、，,；;"):
        item = text[a:b]
        sub = re.match(r"^(.*?)(同时兼任|兼任|兼|并)(.+)$", item)
        pieces = [(a, b)]
        if sub and split_post(sub.group(3)):
            cut = a + len(sub.group(1))
            pieces = [(a, cut), (cut + len(sub.group(2)), b)]
        for pa, pb in pieces:
            duty = _duty_before(text[pa:pb])
            if duty and not lex.is_title(text[pa:pb]) and split_post(text[pa + duty:pb]):  # "分管副省长": 副省长
                pa += duty
            piece = text[pa:pb]
            short = _short_government(piece)  # "地区行署副专员", "盟行署秘书长"
            if short:
                org, k = short
                posts.append(Post(org, piece[k:], (pa, pa + k), (pa + k, pb)))
                prev_org = (org, (pa, pa + k))
                continue
            res = split_post(piece)
            if res is None:
                continue
            cut, implied = res
            if cut < 0:  # contracted: the organisation's last character is also the title's first
                org = piece[: len(piece) + cut + 1]
                title = piece[len(piece) + cut:]
                posts.append(Post(org, title, (pa, pa + len(org)), (pb + cut, pb)))
                prev_org = (org, (pa, pa + len(org)))
                continue
            if cut == 0:
                title = piece
                if implied or title in lex.implied_org:
                    org = lex.implied_org.get(title) or lex.implied_org.get(re.sub(r"^(常务|代理|代)", "", title))
                    place = _place_of(prev_org[0], org) if prev_org and org else None
                    if place:  # "高昌区委副书记、区长": the 区长 of 高昌区
                        posts.append(Post(place, title, prev_org[1] and (prev_org[1][0], prev_org[1][0] + len(place)),
                                          (pa, pb)))
                        continue
                    body_word = next((w for w in lex.title_body_words
                                      if title.startswith(w) and len(title) > len(w)), "") \
                        or _level_word(title)  # "自治区副主席": 副主席
                    posts.append(Post(org, title[len(body_word):], None, (pa + len(body_word), pb), implied=True))
                    if org:
                        prev_org = (org, None)  # type: ignore[assignment]
                elif prev_org is not None and (gov := _head_after_party(prev_org[0], title)):
                    # "(戊)街道党工委委员、副主任": the head of the same place's government
                    posts.append(Post(gov, title, None, (pa, pb), implied=True))
                elif prev_org is not None:
                    posts.append(Post(prev_org[0], title, prev_org[1], (pa, pb)))
                else:
                    posts.append(Post(None, title, None, (pa, pb)))
                continue
            org = piece[:cut]
            title = piece[cut:]
            split = _party_split(org, title)
            if split:  # "丙镇党委书记" was cut 丙镇|党委书记: the committee is 丙镇党委
                org, title, cut = org + split, title[len(split):], cut + len(split)
            party = _party_word(org)
            if party and party + title in lex.implied_org:  # 高昌区委 "区委副书记", as 市委 "市委副书记"
                title, tstart = party + title, pa + cut - len(party)
            else:
                tstart = pa + cut
            duty = _duty_before(title)
            if duty and lex.is_title(title[duty:]) and not lex.is_title(title):  # "省人民政府分管副省长": 副省长
                title, tstart = title[duty:], tstart + duty
            posts.append(Post(org, title, (pa, pa + cut), (tstart, pb)))
            prev_org = (org, (pa, pa + cut)) if not split else (org[:-len(split)], (pa, pa + cut - len(split)))
    return posts


def _duty_before(text: str) -> int:
    """The length of a word of duty opening `text` ("分管副市长": 分管 says what the holder does,
    no part of the post; posts.yaml), 0 when none."""
    return next((len(w) for w in _data()["duty_before_title"] if text.startswith(w)), 0)


@lru_cache(maxsize=1)
def _party_words() -> tuple[str, ...]:
    """The party committees of the levels (市委, 区委, 乡党委 …): bodies whose 常委 is a title."""
    lex = lexicon()
    return tuple(sorted({v for k, v in lex.implied_org.items() if k == v + "常委"}, key=len, reverse=True))


def _party_word(org: str) -> str | None:
    """"高昌区委" -> "区委": the committee word of a named place's party committee (not the
    league's 团市委)."""
    for word in _party_words():
        if org.endswith(word) and len(org) > len(word) and "团" not in org[:-len(word)]:
            return word
    return None


def _head_after_party(party_org: str, title: str) -> str | None:
    """The government whose head `title` is, read right after a post of `party_org`
    ("街道党工委" + 副主任 -> 街道办事处; "戊街道党工委" -> 戊街道办事处)."""
    word = _party_word(party_org) or party_org
    gov = lexicon().heads_after_party.get(word, {}).get(title)
    return party_org[:len(party_org) - len(word)] + gov if gov else None


def _party_split(org: str, title: str) -> str:
    """The part of `title` that ends a party committee's name begun in `org` ("丙镇" +
    "党委书记": "党委", as 镇党委 + 书记 is a title); "" when there is none."""
    lex = lexicon()
    if _party_word(org):
        return ""
    for word in _party_words():
        for k in range(len(word) - 1, 0, -1):
            part = word[-k:]
            if title.startswith(part) and len(title) > k and (org + part).endswith(word) \
                    and len(org) + k > len(word) and word + title[k:] in lex.implied_org:
                return part
    return ""


def _place_of(party_org: str, government: str) -> str | None:
    """The place a government title after a party post belongs to: after "高昌区委", the
    区政府 is 高昌区 (same level); None when the levels differ or the place has no name."""
    word = _party_word(party_org)
    if not word:
        return None
    level = 0
    while level < min(len(word), len(government)) and word[level] == government[level]:
        level += 1
    if not level:
        return None
    place = party_org[:len(party_org) - len(word) + level]
    lead = next((p for p in lexicon().party_name_prefixes if place.startswith(p) and len(place) > len(p) + 1), "")
    return place[len(lead):]   # "中共丁州委副书记、州长": the 州长 of 丁州


# ---------------------------------------------------------------- posts relative to the document


@lru_cache(maxsize=1)
def _data() -> dict:
    return yaml.safe_load((Path(__file__).parent / "data" / "posts.yaml").read_text(encoding="utf-8"))


_alt = alternation


@lru_cache(maxsize=1)
def _home_re() -> re.Pattern[str]:
    """A place and one of its own bodies opening a text ("中共甲镇委员会" -> 甲镇; "甲市市政府":
    the body's level word may follow the place)."""
    lex = lexicon()
    return re.compile(rf"^(?:{_alt(lex.party_name_prefixes)})?(?P<place>[{CJK}]{{1,10}}?(?:{_alt(lex.levels)}))"
                      rf"(?:{_alt(lex.levels)})?(?={_alt(_data()['home_body_words'])})")


@lru_cache(maxsize=256)
def home_place(*texts: str | None) -> str | None:
    """The place a document is issued by, read from its issuer then its title, in simplified
    characters: "中共甲镇委员会" -> 甲镇, "乙自治州人民政府关于…" -> 乙自治州; None when none says it."""
    for text in texts:
        m = _home_re().match(re.sub(r"\s+", "", to_simplified(text or "")))
        if m and _one_place(m.group("place")):
            return m.group("place")
    # a news title opening with its place ("甲镇调整领导班子成员分工", "乙区召开区政府全体会议")
    title = re.sub(r"\s+", "", to_simplified(texts[-1] or "")) if texts else ""
    m = _news_place_re().match(title)
    if m and _one_place(m.group("place")) and not title.startswith(tuple(_data()["not_place_openings"])):
        return m.group("place")
    return None


def implied_level(title: str | None, text: str) -> str | None:
    """The level of a document whose title names its government alone, no place before it
    ("行署召开专员办公会议": 地区), when the text writes that level's own titles without the level
    word (副专员, 副主席, 副主任; lexicon.yaml head_alone): the level word, standing for the
    unnamed place, so that those titles are read as its government's. None otherwise."""
    title = re.sub(r"\s+", "", to_simplified(title or ""))
    named = [lv for lv in lexicon().levels
             if any(w and w in title for w in (_governments().get(lv), _short_names().get(lv)))
             and any(t in text for t in lexicon().heads_alone.get(lv, {}) if t not in _SECRETARIES)]
    return named[0] if len(named) == 1 else None


_SECRETARIES = ("秘书长", "副秘书长")  # every level's government has them: they name no level


def _one_place(place: str) -> bool:
    """A place names each level once: "甲区召开区" is no place."""
    levels = [lv.group() for lv in _levels_re().finditer(place)]
    return len(levels) == len(set(levels))


@lru_cache(maxsize=1)
def _news_place_re() -> re.Pattern[str]:
    levels = _alt(lexicon().levels)
    return re.compile(rf"^(?P<place>[{CJK}]{{1,4}}?(?:{levels}))(?!{levels})(?=[{CJK}])")


@lru_cache(maxsize=1)
def _levels_re() -> re.Pattern[str]:
    return re.compile(_alt(lexicon().levels))


def _level_of(name: str, opening: bool = False) -> str | None:
    """The level word `name` ends with (opens with, when `opening`): 甲自治州 -> 自治州, 县政府 -> 县."""
    test = name.startswith if opening else name.endswith
    return next((lvl for lvl in lexicon().levels if test(lvl)), None)


@lru_cache(maxsize=1)
def _governments() -> dict[str, str]:
    """Each level's government (县 -> 县政府, 自治州 -> 州政府, 盟 -> 盟行政公署), from lexicon.yaml."""
    raw = yaml.safe_load((Path(__file__).parent / "data" / "lexicon.yaml").read_text(encoding="utf-8"))
    return {level: v["government"] for level, v in (raw.get("leader_levels") or {}).items() if v.get("government")}


@lru_cache(maxsize=1)
def _short_names() -> dict[str, str]:
    """Each level's government's short name (地区 -> 行署), from lexicon.yaml."""
    raw = yaml.safe_load((Path(__file__).parent / "data" / "lexicon.yaml").read_text(encoding="utf-8"))
    return {level: v["short"] for level, v in (raw.get("leader_levels") or {}).items() if v.get("short")}


def _short_government(piece: str) -> tuple[str, int] | None:
    """A post at a government written by its short name, the level word maybe before it
    ("地区行署副专员", "盟行署秘书长", "行署副秘书长"): (the government, where the title
    begins); the short name alone stands for the document's own level (home_government).
    None for any other piece, and for a title that holds the short name (行署专员)."""
    lex = lexicon()
    if lex.is_title(piece):
        return None
    for level, short in _short_names().items():
        for head, org in ((level + short, _governments()[level]), (short, short)):
            if piece.startswith(head) and lex.is_title(piece[len(head):]):
                return org, len(head)
    return None


def home_government(org: str, place: str | None) -> str:
    """"县政府" implied by 副县长 in a document of 甲县 is that government named in full,
    甲县人民政府 (SCHEMA §2); 盟行政公署 -> 乙盟行政公署. A government of another level keeps
    its bare body (区政府 in a document of 甲自治区)."""
    level = _level_of(place) if place else None
    gov = _governments().get(level or "")
    short = _short_names().get(level or "")
    if gov and short and org in (short, level + short):  # "(地区)行署" in a 地区's notice: its 行政公署
        org = gov
    if not place or not gov or org not in (gov, gov.replace("政府", "人民政府")):
        return org
    rest = gov[len(_level_of(gov, opening=True) or ""):]
    return place + ("人民政府" if rest == "政府" else rest)


def bare_government(org: str) -> str:
    """"甲县人民政府" -> "县政府", "乙盟行政公署" -> "盟行政公署": a government named in full, as its
    level names it (an alias of the full name, SCHEMA §2); other names unchanged."""
    for level in lexicon().levels:  # longest first: 自治州 before 州
        gov = _governments().get(level)
        if gov is None:
            continue
        rest = gov[len(_level_of(gov, opening=True) or ""):]
        if org.endswith(level + ("人民政府" if rest == "政府" else rest)) and len(org) > len(level) + len(rest):
            return gov
    return org


def _level_word(title: str) -> str:
    """The level word before a head's title that its level's own documents write alone
    ("自治区副主席": 自治区, the post 副主席, as SCHEMA §2 names posts without their place;
    "自治区主席助理": 主席助理); ""."""
    return next((lvl for lvl, heads in lexicon().heads_alone.items()
                 if title.startswith(lvl) and title[len(lvl):].startswith(tuple(heads))), "")


def own_head(post: str, place: str | None) -> str | None:
    """The government a head's title written without its level names in that level's own
    document ("副主席" in a document of 甲自治区 -> 甲自治区人民政府); None elsewhere."""
    level = _level_of(place) if place else None
    gov = lexicon().heads_alone.get(level or "", {}).get(post)
    return home_government(gov, place) if gov else None


@lru_cache(maxsize=1)
def place_post_pattern() -> str:
    """The posts written without their place, as a regex (党委副书记, 人大主席, 武装部长, 组织委员)."""
    d = _data()["place_posts"]
    return rf"(?P<word>{_alt(list(d['bodies']))})(?:{_alt(d['titles'])})|(?:{_alt(d['party_titles'])})"


@lru_cache(maxsize=1)
def _place_post_re() -> re.Pattern[str]:
    return re.compile(place_post_pattern())


def is_place_post(post: str) -> bool:
    """"党委副书记", "人大主席", "武装部长", "组织委员": a post written without its place."""
    return bool(_place_post_re().fullmatch(post))


def place_post(post: str, place: str | None) -> str | None:
    """The body of a post written without its place in a township's or street's document:
    "武装部长" in a document of 甲镇 -> 镇人民武装部, "党委书记" -> 镇党委 (the level's party
    committee); None at other levels or for other posts."""
    m = _place_post_re().fullmatch(post)
    level = _level_of(place) if place else None
    if not m or level not in _data()["place_posts"]["levels"]:
        return None
    party = next((p for p in _party_words() if p.startswith(level) and len(p) > len(level)), None)
    body = _data()["place_posts"]["bodies"].get(m.group("word") or "", "{party}")
    if body == "{party}":
        return party
    return level + body
