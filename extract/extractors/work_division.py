"""工作分工: who 主持/负责/分管/主管/联系/协助联系 what.

Forms read (leader titles of every level come from the lexicon, verbs from
extract/data/work_division.yaml):
- notice headers, title first or name first, closed by "：" or "，":
  "市委常委、副市长武跃飞：负责…", "副县长王五同志，增加分管…", "王五副旗长，主持…";
- list forms: "张小宏 副市长" on its own line, or the name alone on a line and
  "常务副省长，负责…" opening the next;
- news prose: "林文生副市长则负责农村…", "省长王五主持省政府全面工作，分管…",
  "升任副州长的李四，分管…", "…等工作，统一由黄文辉副市长负责", "同时，他还分管…", and
  names listed once with their title ("王五、李四两位副省长") read again when they act.
A clause of duties goes on with the same leader until another is named.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from extract.document import ParsedDocument
from extract.extractors.base import Emitter, is_category, strip_alias
from extract.lexicon import CJK, lexicon
from extract.posts import parse_posts, split_list
from graph.records import Assertion

__all__ = ["extract"]


@lru_cache(maxsize=1)
def _data() -> dict:
    return yaml.safe_load((Path(__file__).parents[1] / "data" / "work_division.yaml").read_text(encoding="utf-8"))


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_LEADERS = (*lexicon().leader_heads, *_data()["leaders_also"])
_LEADER_TITLE = rf"(?:{_alternation(_LEADERS)})"
_DUTY: dict[str, str | None] = dict(_data()["duty_verbs"])
_ASSIST: str = _data()["assist_word"]
_ASSISTED = [v[len(_ASSIST):] for v in _DUTY if v.startswith(_ASSIST)]
# "协助{any leader}{verb}" first, then the plain verbs (longest first: 增加分管 before 分管)
_VERB_RE = re.compile(rf"{re.escape(_ASSIST)}(?:{_LEADER_TITLE})?(?:{_alternation(_ASSISTED)})|"
                      rf"{_alternation([v for v in _DUTY if not v.startswith(_ASSIST)])}")
_VERBS = _VERB_RE.pattern

_NAME = rf"[{CJK}](?:\s*[{CJK}·]){{1,5}}"
# a list's numbering before a leader: "一、", "（二）", "3.", a table's index cell "4 "
_ENUM = r"(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d)|\d{1,2}(?=\s))?\s*"
_TITLES = rf"(?:[{CJK}]{{0,8}}、)?[{CJK}]{{0,8}}{_LEADER_TITLE}"
_HEADER = re.compile(rf"^\s*{_ENUM}(?P<head>[^：:。，]{{2,40}}?)(?P<sep>[：:，])")
_NOTE = r"(?:[（(][^（）()]{1,10}[）)])?"  # "王五（挂职）": a note after the name
_LIST_HEADER = re.compile(rf"^\s*{_ENUM}(?P<name>{_NAME})\s*{_NOTE}\s+(?P<title>{_TITLES})\s*{_NOTE}\s*$")
_TITLE_HEADER = re.compile(rf"^\s*{_ENUM}(?P<title>{_TITLES})\s*(?P<name>{_NAME})\s*{_NOTE}\s*$")
# a numbered line naming a leader's title: a new leader, even when the line is not understood
_NUMBERED_LEADER = re.compile(rf"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d))"
                              rf"[^，。；：:]{{0,20}}{_LEADER_TITLE}[^，。；：:]{{0,12}}$")
_BRACKET_HEADER = re.compile(rf"^\s*{_ENUM}(?P<name>{_NAME})\s*[（(](?P<title>{_TITLES})[）)]\s*[：:]?\s*$")
_BARE_NAME = re.compile(rf"^\s*{_ENUM}(?P<name>{_NAME})\s*$")
# table rows read as text: "王 五  副县长  负责…", "副县长  王五  分管…"
_ROW = re.compile(rf"^\s*{_ENUM}(?P<name>{_NAME})\s+(?P<title>{_TITLES})\s+(?=\S)")
_TITLE_ROW = re.compile(rf"^\s*{_ENUM}(?P<title>{_TITLES})\s+(?P<name>{_NAME})\s+(?=\S)")
# Prose: a name just before its title ("林文生副市长则负责"), after it and before a verb or a
# comma ("省长王五主持", "副州长李四，分管"), or after "Title的" ("升任副省长的李四，").
_NAME_BEFORE = re.compile(rf"(?P<name>[{CJK}]{{2,3}})(?:{_alternation(_data()['name_title_links'])})?(?P<title>{_LEADER_TITLE})")
_HONORIFIC = re.escape(_data()["honorific"])
_OPENER_WORDS = _alternation(_data()["verb_openers"])
# in prose a leader's title may follow other posts ("区委常委、常务副区长王五"), and a
# government's party group posts name leaders too ("县政府党组成员王五")
_GOV_PARTY = (rf"(?:{_alternation(lexicon().levels)})(?:{_alternation(_data()['government_words'])})"
              rf"(?:{_alternation(_data()['government_party_posts'])})")
_PROSE_TITLE = rf"(?:(?:{_alternation(list(lexicon().implied_org))})、)*(?:{_LEADER_TITLE}|{_GOV_PARTY})"
_HAS_TITLE = re.compile(rf"{_LEADER_TITLE}|{_GOV_PARTY}")
_DOTTED = rf"[{CJK}]{{1,8}}·[{CJK}]{{1,8}}"  # "斯琴·巴雅尔": the dot tells the name's parts
_TITLE_BEFORE = re.compile(rf"(?P<title>{_PROSE_TITLE})(?P<name>{_DOTTED}|[{CJK}]{{2,3}}?)(?:{_HONORIFIC})?"
                           rf"(?=[：:]|，?(?:{_OPENER_WORDS})?(?:{_VERBS}))")
_TITLE_OF = re.compile(rf"(?P<title>{_LEADER_TITLE})的(?P<name>{_DOTTED}|[{CJK}]{{2,3}})(?=，)")
# "王五、李四两位副省长", "甲乙、丙丁等3名新任副县长": names listed before one title
_NAME_LIST = re.compile(rf"(?P<names>[{CJK}]{{2,4}}(?:、[{CJK}]{{2,3}})+)(?:等)?"
                        rf"(?:[\d一二两三四五六七八九十]+(?:{_alternation(_data()['count_words'])}))?"
                        rf"(?:{_alternation(_data()['current_marks'])})?(?P<title>{_LEADER_TITLE})")
# a leader acts: a duty verb follows at once or within a few characters ("则负责", "除了负责")
_ACTS = re.compile(rf"[{CJK}]{{0,3}}?(?:{_VERBS})|，")
_LEFT_EDGE = re.compile(r"(?:^|[\s，,、。；：“”\"（(由和与及是])$")
_PAST = tuple(_data()["past_marks"])  # 原副市长: a past post is not encoded (SCHEMA §7)
_NOT_NAME_START = set(_data()["not_names"]["first_chars"])
_NOT_NAMES = set(_data()["not_names"]["words"])
_STOP = re.compile(rf"^(?:{_alternation(_data()['list_stops'])})(?!及)")
_CONTINUE = re.compile(rf"^(?:{_alternation(_data()['list_continues'])})")
# "A、B等工作，统一由王五副市长负责", "A、B由副县长李四分管": the objects come before the leader
_BY_VERBS = _alternation([v for v, r in _DUTY.items() if r and r != "主持" and not v.startswith(_ASSIST)])
_BY_PREFIX = _alternation(_data()["by_leader_prefixes"])
_BY_LEADER = re.compile(rf"(?:{_BY_PREFIX})?由(?P<title0>{_LEADER_TITLE})?(?P<name>[{CJK}]{{2,3}}?)(?:{_HONORIFIC})?"
                        rf"(?P<title>{_LEADER_TITLE})?(?P<verb>{_BY_VERBS})(?!的)")
# "原来负责的部分工作", "分管了他们熟悉的领域": no list follows
_ATTRIBUTIVE = re.compile(rf"^(?:{_alternation(_data()['attributive'])})")
_CONCURRENT = re.compile(rf"(?:{_alternation(_data()['concurrent'])})(?P<post>[^，。；、]{{3,30}})")
# "根省政府": a place is never one character, so that character ends the name before it
_ONE_CHAR_PLACE = re.compile(rf"^[{CJK}](?:{_alternation(lexicon().levels)})[{CJK}]")
_WORK_KIND = re.compile(rf"(?:{_alternation(_data()['work_kinds'])})工作$")
_ANY_TITLE = re.compile(_alternation([*lexicon().title_words, *lexicon().implied_org]))
_OPENERS = re.compile(rf"\s*{_ENUM}(?:{_alternation(_data()['verb_openers'])})*\s*")  # "（一）负责…"
_STAND_IN = re.compile(_alternation(_data()["stand_in"]))
_OBJECTS: dict[str, str] = dict(_data()["objects"])
_HEAD_TITLE_END = re.compile(rf"(?:{_LEADER_TITLE}|{_alternation(_data()['header_title_endings'])})$")
_POSTS_OPENING = re.compile(r"^\s*(?P<posts>[^，。；：:]{2,40})(?:[，：:]|$)")
# lines under a leader that state no duty and are not reported: remarks, a date, the signature
_NO_DUTY = re.compile(rf"{_alternation(_data()['not_duties'])}|^\d{{4}}年|(?:{_alternation(_data()['signature_endings'])})$")


def extract(doc: ParsedDocument) -> list[Assertion]:
    em = Emitter(doc, "work_division")
    text = em.text
    sents = _sentences(text)
    # a notice or list (leaders open lines): prose mentions are not read, unread lines are reported
    heads = [_line_leader(text, sa, sb) for sa, sb in sents]
    structured = any(h and _opens_line(text, sa) for h, (sa, sb) in zip(heads, sents))
    leader: str | None = None
    known: dict[str, str] = {}  # persons named with a title so far (normalised -> as written)
    named_alone = False  # the previous line was a name alone: this one opens with its posts
    for (sa, sb), found in zip(sents, heads):
        sent = text[sa:sb]
        at = (sa, sb)
        body_from = 0
        if not found and _NUMBERED_LEADER.match(sent) and _opens_line(text, sa):
            leader = None  # a new leader we cannot name: what follows is not the previous one's
            doc.source.warnings.append(
                f"{doc.info.source}:{doc.evidence(sa, sb)[3]}: 分工 leader line not understood: {sent.strip()[:60]}")
            continue
        if found:
            kind, name_span, titles, body_from = found
            leader = em.surface(sa + name_span[0], sa + name_span[1])
            known[re.sub(r"\s+", "", sent[name_span[0]:name_span[1]])] = leader
            _posts(em, leader, titles, at)
            named_alone = kind == "line" and not titles
            if kind == "line":
                continue
            body_from = _post_clauses(em, leader, sent, body_from, at)
        elif named_alone and leader is not None:
            named_alone = False
            posts = _POSTS_OPENING.match(sent)
            if posts and _all_posts(posts.group("posts")):
                _posts(em, leader, posts.group("posts"), at)
                body_from = _post_clauses(em, leader, sent, posts.end(), at)
        mentioned = None if structured else _mentions(em, sa + body_from, sb, known)
        by = _BY_LEADER.search(sent)
        if by and _name_ok(by.group("name")) and (by.group("title") or _person(by.group("name"))):
            who = em.surface(sa + by.start("name"), sa + by.end("name"))
            for title in (by.group("title0"), by.group("title")):
                if title:
                    _posts(em, who, title, at)
            _backward_list(em, who, _DUTY[by.group("verb")] or "负责", sa + body_from, sa + by.start(), at)
            leader = who
            _clauses(em, leader, sa + by.end(), sb)
            for cm in _CONCURRENT.finditer(sent[by.end():]):
                _posts(em, leader, cm.group("post"), at)
            continue
        if mentioned:  # duties follow the one who acts; none when we cannot name them
            leader, body_from = mentioned[0] or None, mentioned[1] - sa
        if leader is None:
            continue
        before = len(em.out)
        for cm in _CONCURRENT.finditer(sent, body_from):
            _posts(em, leader, cm.group("post"), at)
        read = _clauses(em, leader, sa + body_from, sb)
        rest = text[sa + body_from:sb].strip()
        if structured and not read and len(em.out) == before and rest and not _NO_DUTY.search(rest):
            doc.source.warnings.append(
                f"{doc.info.source}:{doc.evidence(sa, sb)[3]}: 分工 sentence not understood: {rest[:60]}")
    return em.out


_SENTENCE_END = re.compile(r"[。；;！？\n]|(?<!\d)\.(?!\d)")  # a half-width full stop too, not 1.5


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def _opens_line(text: str, sa: int) -> bool:
    return sa == 0 or text[sa - 1] == "\n"


def _ends_line(text: str, sb: int) -> bool:
    return sb >= len(text) or text[sb] == "\n"


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end == -1 else end


def _line_leader(text: str, sa: int, sb: int) -> tuple[str, tuple[int, int], str, int] | None:
    """The leader a sentence opens with, in one of the notice and list forms:
    (kind, name span, titles, where the duties begin), offsets relative to the sentence.
    kind "line": the line holds only the leader; "head": duties follow on it."""
    sent = text[sa:sb]
    line_start = _opens_line(text, sa)
    if line_start and _ends_line(text, sb):
        for lh in (_LIST_HEADER.match(sent), _BRACKET_HEADER.match(sent)):
            if lh and _name_ok(re.sub(r"\s+", "", lh.group("name"))):
                return "line", lh.span("name"), lh.group("title"), len(sent)
        th = _TITLE_HEADER.match(sent)
        if th and _name_ok(re.sub(r"\s+", "", th.group("name"))) and parse_posts(re.sub(r"\s+", "", th.group("title"))):
            return "line", th.span("name"), th.group("title"), len(sent)
        bare = _BARE_NAME.match(sent)
        if bare and _person(re.sub(r"\s+", "", bare.group("name"))) and _next_line_posts(text, sb):
            return "line", bare.span("name"), "", len(sent)
    if line_start:
        for row in (_ROW.match(sent), _TITLE_ROW.match(sent)):
            if row and _name_ok(re.sub(r"\s+", "", row.group("name"))) and _duty_follows(sent[row.end():]):
                return "head", row.span("name"), row.group("title"), row.end()
    h = _HEADER.match(sent)
    if not h:
        return None
    head = h.group("head")
    got = _split_head(head, strict=h.group("sep") == "，")
    if got is None:
        return None
    titles, n = got
    if h.group("sep") == "，" and not _duty_follows(sent[h.end():]):
        return None
    lead = len(head) - len(head.lstrip())
    if n < 0:  # the name comes first
        k = _raw_len(head.lstrip(), -n, from_end=False)
        a = h.start("head") + lead
        return "head", (a, a + k), re.sub(r"[（()）\s]", "", head.lstrip()[k:]), h.end()
    return "head", (h.end("head") - n, h.end("head")), titles, h.end()


def _duty_follows(rest: str) -> bool:
    """After "Name Title，": duties or further posts, not a sentence about something else."""
    items = split_list(rest, "，")
    first = rest[items[0][0]:items[0][1]] if items else ""
    return bool(_verb(first)) or bool(_CONCURRENT.match(first)) or _all_posts(first)


def _next_line_posts(text: str, line_end: int) -> bool:
    """Whether the line after `line_end` opens with posts ("常务副省长，负责…")."""
    if line_end >= len(text):
        return False
    a = line_end + 1
    b = _line_end(text, a)
    while a == b and b < len(text):  # blank lines
        a = b + 1
        b = _line_end(text, a)
    m = _POSTS_OPENING.match(text[a:b])
    return bool(m) and _all_posts(m.group("posts"))


def _post_clauses(em: Emitter, who: str, sent: str, start: int, at: tuple[int, int]) -> int:
    """Posts listed after the header before the duties ("…党组成员，省扶贫开发领导小组副组长，
    分管…"): each is a 任职 (or a 成员 of a coordinating body); returns where duties begin."""
    pos = start
    while pos < len(sent):
        end = sent.find("，", pos)
        end = len(sent) if end == -1 else end
        clause = sent[pos:end].strip()
        if not clause or _verb(clause) or not _all_posts(clause):
            break
        _posts(em, who, clause, at)
        pos = end + 1
    return pos


def _all_posts(text: str) -> bool:
    """Whether `text` is nothing but posts ("省政府党组副书记", "副省长兼任省公安厅厅长")."""
    t = re.sub(r"\s+", "", text)
    if not t or len(t) > 40:
        return False
    items = split_list(t, "、")
    return all(parse_posts(t[a:b]) or _membership(t[a:b]) for a, b in items)


def _membership(post: str) -> tuple[str, str] | None:
    """"省扶贫开发领导小组副组长" -> (the body, the role) when the body is a coordinating one."""
    lex = lexicon()
    for role in sorted(lex.member_roles, key=len, reverse=True):
        if post.endswith(role) and len(post) > len(role) + 2 and lex.task_force_kind(post[:-len(role)]):
            return post[:-len(role)], role
    return None


def _split_head(head: str, strict: bool = False) -> tuple[str, int] | None:
    """"市委常委、副市长武跃飞" -> ("市委常委、副市长", 3); "王大明市长" -> ("", -3).

    `strict` (headers closed by a comma, which prose has too): the name must open with a
    family name."""
    h = re.sub(r"\s+", "", head)
    if not _ANY_TITLE.search(h):
        return None  # most sentences: no title at all
    honorific = _data()["honorific"]
    tongzhi = honorific if h.endswith(honorific) and len(h) > len(honorific) + 2 else ""
    core = h[:len(h) - len(tongzhi)]
    for n in (2, 3, 4):  # name first: "王大明市长", "王大明（市长）", "李四省政府党组成员"
        name, rest = core[:n], re.sub(r"^[（(](.*)[）)]$", r"\1", core[n:])
        if rest and _name_ok(name) and (not strict or _person(name)) and _all_posts(rest) and \
                (strict or re.search(f"{_LEADER_TITLE}$", rest)) and not _one_char_place(rest):
            return "", -n
    for n in (2, 3, 4):
        if len(core) <= n + 1:
            continue
        titles, name = core[:-n], core[-n:]
        if name[0] in _NOT_NAME_START or (strict and not _person(name)):
            continue
        posts = parse_posts(titles)
        if posts and _HEAD_TITLE_END.search(titles) and \
                sum(b - a for a, b in split_list(titles, "、，")) == len(titles.replace("、", "").replace("，", "")):
            if all(parse_posts(titles[a:b]) for a, b in split_list(titles, "、，")):
                return titles, len(head) - len(head.rstrip()) + _raw_len(head, n + len(tongzhi))
    return None


def _one_char_place(posts: str) -> bool:
    """"根省政府党组成员": an organisation named after a one-character place is no
    organisation; that character ends the name before it (李容根)."""
    first = parse_posts(posts)[0]
    return first.org_span is not None and bool(_ONE_CHAR_PLACE.match(first.org))


def _raw_len(head: str, n: int, from_end: bool = True) -> int:
    """Length in `head` (which may hold spaces) of its last n non-space characters
    (its first n when not `from_end`)."""
    s = head if from_end else head[::-1]
    count, i = 0, len(s)
    while i > 0 and count < n:
        i -= 1
        if not s[i].isspace():
            count += 1
    return len(s) - i


def _name_ok(name: str) -> bool:
    return bool(name) and name[0] not in _NOT_NAME_START and name not in _NOT_NAMES \
        and not name.startswith(tuple(_NOT_NAMES)) and not lexicon().is_title(name)


def _person(name: str) -> bool:
    """A person's name in running text: not a word we know, and opening with a family name."""
    return _name_ok(name) and lexicon().has_surname(name)


def _posts(em: Emitter, who: str, titles: str, at: tuple[int, int]) -> None:
    for a, b in split_list(re.sub(r"\s+", "", titles), "、，"):
        item = re.sub(r"\s+", "", titles)[a:b]
        member = _membership(item)  # a coordinating body's role, before any post reading
        if member:
            em.emit("成员", who, "Person", member[0], "TaskForce", at, role=member[1])
            continue
        for post in parse_posts(item):
            if post.org:
                em.emit("任职", who, "Person", post.org, "Organization", at, position=post.title)


def _mentions(em: Emitter, a: int, b: int, known: dict[str, str]) -> tuple[str, int] | None:
    """Leaders named in prose ("林文生副市长则负责", "市长裴金佳主持", "郑云峰作为常务副市长，",
    "升任副省长的李四，"), names listed before one title ("王五、李四两位副省长"), and
    persons named before who act again ("李四负责…"). Each named with a title holds it
    (not a past one, 原副市长); the first who acts leads what follows: (who, where the
    duties begin)."""
    text = em.text[a:b]
    acting: list[tuple[int, str, int]] = []  # (where named, who, where the duties begin)
    titled = bool(_HAS_TITLE.search(text))  # most sentences name no leader: skip the costly patterns
    for m in _NAME_LIST.finditer(text) if titled else ():
        names = _listed_names(m.group("names"))
        if not names:
            continue
        pos = m.end("names") - sum(len(n) + 1 for n in names) + 1
        for n in names:
            who = em.surface(a + pos, a + pos + len(n))
            if not _past(text, m.start("title")):
                _posts(em, who, m.group("title"), (a, b))
            known[n] = who
            pos += len(n) + 1
    found = [*_NAME_BEFORE.finditer(text), *_TITLE_BEFORE.finditer(text), *_TITLE_OF.finditer(text)] if titled else []
    for m in found:
        name, na, title = m.group("name"), m.start("name"), m.group("title")
        if m.re is _NAME_BEFORE:
            if name.endswith("副"):
                name, title = name[:-1], "副" + title
            if len(name) == 3 and not (_LEFT_EDGE.search(text[:na]) and _name_ok(name)):
                name, na = name[1:], na + 1
            # a name stands apart from the words before it; "升任某省副省长" is no person
            if not _LEFT_EDGE.search(text[:na]) or text[na - 1:na] == "由" or \
                    not _ACTS.match(text, m.end()):
                continue
        elif not _person(name) and not (m.re is _TITLE_BEFORE and _stands_alone(text, m)):
            if _name_ok(name):
                acting.append((na, "", m.end()))  # someone acts whom we cannot name
            continue
        if not _name_ok(name) or len(name) < 2:
            continue
        who = em.surface(a + na, a + na + len(name))
        if not _past(text, m.start("title")):
            _posts(em, who, title, (a, b))
        known[name] = who
        acting.append((na, who, m.end()))
    for name, who in known.items():  # "李四负责…", "李四则分管…"
        k = text.find(name)
        if k >= 0 and _ACTS.match(text, k + len(name)) and _LEFT_EDGE.search(text[:k]):
            acting.append((k, who, k + len(name)))
    if not acting:
        return None
    _, who, end = min(acting, key=lambda x: (x[0], -x[2]))  # the first named; with its title
    return who, a + end


def _stands_alone(text: str, m: re.Match[str]) -> bool:
    """"副盟长额尔敦，分管…": a title opening its clause and a name closed by a comma before
    duties is a name, with or without a family name we know."""
    return bool(_LEFT_EDGE.search(text[:m.start()])) and text.startswith("，", m.end("name")) and \
        _name_ok(m.group("name")) and bool(_verb(text[m.end("name") + 1:].split("，")[0]))


def _listed_names(listed: str) -> list[str] | None:
    """"随着王五、李四" -> [王五, 李四]: the first name is the longest tail that reads as one."""
    names = listed.split("、")
    for k in (3, 2):
        if len(names[0]) >= k and _person(names[0][-k:]):
            names[0] = names[0][-k:]
            break
    else:
        return None
    return names if all(_person(n) for n in names) else None


def _past(text: str, title_at: int) -> bool:
    """"原副市长": the title is a past post."""
    return text[max(0, title_at - 1):title_at] in _PAST


def _items(seg: str) -> list[tuple[int, int]]:
    """List items of one clause, with categories after 等 dropped."""
    m = _CONTINUE.match(seg)
    off = m.end() if m else 0
    core = seg[off:]
    cut = re.search(r"等(?![级同])[^、]*$", core)
    if cut:
        core = core[:cut.start()]
    spans = []
    for x, y in split_list(core, "、，,"):
        piece = core[x:y]
        for px, py in _split_and(piece):
            spans.append((off + x + px, off + x + py))
    return spans


_AND = re.compile(r"以及|及|和")


def _split_and(piece: str) -> list[tuple[int, int]]:
    """Split "A及B" / "A和B" where A is a body ("省政府办公厅和编制"); names that hold the
    word (市发展和改革委员会, 住房和城乡建设) stay whole, as their left part is no body."""
    for m in _AND.finditer(piece):
        if lexicon().is_org(strip_alias(piece[:m.start()])[0]) and len(piece) - m.end() >= 2:
            rest = _split_and(piece[m.end():])
            return [(0, m.start())] + [(m.end() + x, m.end() + y) for x, y in rest]
    return [(0, len(piece))]


def _clean_item(item: str, rel: str) -> str | None:
    if is_category(item.strip()):
        return None
    item = re.sub(r"^(?:其他|另外)?", "", item).strip()
    kind = _WORK_KIND.search(item)
    if kind and rel == "负责" and lexicon().is_org(item[:kind.start()]):
        item = item[kind.start():]  # "市人民政府常务工作": the area 常务工作 (SCHEMA §3)
    elif not kind:  # "审计工作" is the area 审计; "常务工作" is an area of its own
        item = re.sub(r"(?:等)?(?:方面|方面的|领域)?(?:的)?(?:专项)?工作$", "", item)
    if rel == "主持":
        item = re.sub(r"(?:的)?(?:全面|日常)?工作$", "", item)
    if not item or len(item) < 2 or is_category(item):
        return None
    return item


def _verb(clause: str) -> tuple[re.Match[str], str | None] | None:
    """The duty verb opening a clause and its relation (None: a verb that states no duty)."""
    v = _VERB_RE.search(clause)
    if v is None or not _OPENERS.fullmatch(clause[:v.start()]):
        return None  # "各部门负责落实": the verb is another subject's
    word = v.group(0)
    if word.startswith(_ASSIST):
        word = _ASSIST + next(t for t in sorted(_ASSISTED, key=len, reverse=True) if word.endswith(t))
    rel = _DUTY[word]
    if rel == "主持" and not re.search(r"工作$", clause):
        return None  # 主持会议, 领导小组: presiding over work only
    if re.match(r"负责(?:制|人(?!力|民|口|才)|同志)", clause[v.start():v.end() + 2]) or \
            _ATTRIBUTIVE.match(clause[v.end():]):
        return None
    return v, rel


def _clauses(em: Emitter, leader: str, a: int, b: int) -> bool:
    """The duties of `leader` in text[a:b], clause by clause; True when a verb that states
    no duty was read (协助市长负责…, 不再分管…), which is no failure to report."""
    sent = em.text[a:b]
    rel: str | None = None
    read = False
    for ca, cb in split_list(sent, "，,"):
        clause = sent[ca:cb]
        if _STAND_IN.search(clause):
            break  # who stands in for whom is not a division of work
        got = _verb(clause)
        if not got and ca == 0 and len(clause.strip()) >= 3 and not _CONTINUE.match(clause) \
                and not _OPENERS.fullmatch(clause):
            return read  # "领导小组下设办公室，负责…": the sentence is another subject's
        if got:
            v, rel = got
            seg_a = ca + v.end()
            if rel is None:
                read = True
                continue  # 协助市长负责…, 不再分管…: read, but no duty of this leader
        elif rel and not _STOP.match(clause) and not _VERB_RE.search(clause):
            seg_a = ca
        else:
            rel = None
            continue
        if _STOP.match(clause):
            rel = None
            continue
        seg = sent[seg_a:cb]
        if rel in ("协助联系", "负责") and seg.startswith("处理"):
            continue
        for x, y in _items(seg):
            raw = seg[x:y]
            item = _clean_item(raw, rel)
            if item is None:
                continue
            start = a + seg_a + x + max(raw.find(item), 0)
            _emit_duty(em, rel, leader, start, item, (a, b))
    return read


def _emit_duty(em: Emitter, rel: str, who: str, start: int, item: str, at: tuple[int, int]) -> None:
    """One duty; its object is a body or an area as the relation's data says, and for
    分管 as the item reads (分管市财政局, 分管安全生产)."""
    name = em.surface(start, start + len(item))
    kind = _OBJECTS.get(rel)
    if kind == "Area":
        em.emit(rel, who, "Person", name, "Area", at)
        return
    name = strip_alias(name)[0]
    is_body = kind == "Organization" or lexicon().is_org(strip_alias(item)[0])
    em.emit(rel, who, "Person", name, "Organization" if is_body else "Area", at)


def _backward_list(em: Emitter, who: str, rel: str, a: int, b: int, at: tuple[int, int]) -> None:
    """"A、B等工作，统一由X负责": the objects come before the leader."""
    text = em.text[a:b]
    for ca, cb in split_list(text, "，,"):
        clause = text[ca:cb]
        if _STOP.match(clause) or _VERB_RE.search(clause) and not _CONTINUE.match(clause):
            continue
        for x, y in _items(clause):
            raw = clause[x:y]
            item = _clean_item(re.sub(rf"(?:{_BY_PREFIX})$", "", raw), rel)
            if item is None:
                continue
            _emit_duty(em, rel, who, a + ca + x, item, at)
