"""任免: 任命…为…（试用期一年）, 免去…职务, "免去其…" (the pronoun refers back), several
persons per notice, name and post glued together ("孙义朔州机场建设管理有限公司董事长职务"),
and the deciding meeting's date.
"""

from __future__ import annotations

import re

from extract.dates import parse_date
from extract.document import ParsedDocument
from extract.extractors.base import Emitter, sentence_bounds, strip_alias
from extract.lexicon import CJK
from extract.posts import parse_posts, split_list
from graph.records import Assertion

__all__ = ["extract"]

_MEETING = re.compile(r"经(?P<meeting>[^。]{0,60}?(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)[^。，]{0,30}?(?:会议|常务会议|党组会议|常委会))")
_APPOINT = re.compile(rf"(?P<name>[{CJK}·、]{{2,40}}?)为(?P<post>[^，。；：]{{2,80}}?)(?P<prob>[（(]试用期[^）)]*[）)])?(?:职务)?(?=[，,。；;]|$)")
_REMOVE_OWN = re.compile(r"免去(?:其|他|她)(?P<post>[^，。；]{2,80}?)(?:的)?职务")
_REMOVE = re.compile(rf"免去(?P<name>[{CJK}·]{{2,4}}?)(?:同志的?|的)(?P<post>[^，。；]{{2,80}}?)职务")
_SECTION = re.compile(r"(?P<act>任命|免去)[：:]")


def extract(doc: ParsedDocument) -> list[Assertion]:
    em = Emitter(doc, "appointment")
    text = em.text
    meeting = _MEETING.search(text)
    decided = {}
    if meeting:
        decided = {"decided_on": parse_date(meeting.group("date")), "decided_by": re.sub(r"\s+", "", meeting.group("meeting"))}
    mode: str | None = None
    last_person: str | None = None
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        s = line.strip()
        if not s:
            continue
        sec = _SECTION.search(s)
        if sec and len(s) - sec.end() < 3 + (s.find(sec.group(0))):
            mode = "任命" if sec.group("act") == "任命" else "免去"
            if s.endswith(("：", ":")):
                continue
        for clause_a, clause_b in _clauses(line):
            ca, cb = start + clause_a, start + clause_b
            clause = text[ca:cb]
            at = sentence_bounds(text, ca)
            m_own = _REMOVE_OWN.search(clause)
            if m_own and last_person:
                _emit_posts(em, "免去", last_person, ca + m_own.start("post"), ca + m_own.end("post"), at, decided)
                continue
            m_rm = _REMOVE.search(clause)
            if m_rm:
                last_person = em.surface(ca + m_rm.start("name"), ca + m_rm.end("name"))
                _emit_posts(em, "免去", last_person, ca + m_rm.start("post"), ca + m_rm.end("post"), at, decided)
                continue
            m_ap = _APPOINT.search(clause)
            if "任命" in clause:
                mode = "任命"
            if m_ap and mode == "任命":
                raw = m_ap.group("name")
                raw = re.sub(r"^.*(?:任命|聘任|决定)", "", raw)
                name_a = ca + m_ap.end("name") - len(raw)
                people = []
                for x, y in split_list(raw, "、"):  # 任命张三、李四为…
                    person = re.sub(r"同志$", "", raw[x:y])
                    if 2 <= len(person) <= 4 or "·" in person:
                        people.append(em.surface(name_a + x, name_a + x + len(person)))
                for person in people:
                    last_person = person
                    _emit_posts(em, "任命", person, ca + m_ap.start("post"), ca + m_ap.end("post"), at, decided,
                                probation=bool(m_ap.group("prob")))
                continue
            m_glued = re.search(rf"免去(?P<body>[{CJK}·（）()]{{4,80}}?)职务", clause)
            if m_glued and _remove_glued(em, ca + m_glued.start("body"), m_glued.group("body"), at, decided):
                continue
            if mode == "免去":
                m_g = re.match(rf"^\s*(?P<body>[^，。；]+?)职务", clause)
                if m_g:
                    body = m_g.group("body")
                    # glued name and post: prefer the cut whose post starts like other posts here
                    cands = [n for n in (3, 2, 4) if parse_posts(body[n:]) and parse_posts(body[n:])[0].org]
                    cands.sort(key=lambda n: -text.count(body[n:n + 2]))
                    for n in cands[:1]:
                            last_person = em.surface(ca + (len(clause) - len(clause.lstrip())), ca + (len(clause) - len(clause.lstrip())) + n)
                            off = ca + (len(clause) - len(clause.lstrip())) + n
                            _emit_posts(em, "免去", last_person, off, off + len(body) - n, at, decided)
                            break
    if doc.info.number is None:  # reports name people with their posts
        mentions(doc, em)
    return em.out


def _remove_glued(em: Emitter, a: int, body: str, at: tuple[int, int], decided: dict) -> str | None:
    """"孙义朔州机场建设管理有限公司董事长" / "张三的市财政局局长": cut the name off."""
    text = em.text
    de = re.match(rf"^([{CJK}·]{{2,4}}?)(?:同志)?的", body)
    if de:
        cands = [len(de.group(1))]
        skip = de.end() - len(de.group(1))
    else:
        # prefer the cut whose post starts like other posts in this document
        cands = [n for n in (3, 2, 4) if len(body) > n + 2 and parse_posts(body[n:]) and parse_posts(body[n:])[0].org]
        place = re.match(rf"^([{CJK}]{{1,4}}?)(?:市|县|区|省|州)", em.doc.info.issuer or em.doc.info.title or "")
        lead = place.group(1)[:1] if place else ""
        cands.sort(key=lambda n: (not (lead and body[n:].startswith(lead)), -text.count(body[n:n + 2])))
        skip = 0
    for n in cands[:1]:
        person = em.surface(a, a + n)
        off = a + n + skip
        _emit_posts(em, "免去", person, off, a + len(body), at, decided)
        return person
    return None


def _clauses(line: str) -> list[tuple[int, int]]:
    return split_list(line, "，,；;。") if line.strip() else []


def _emit_posts(em: Emitter, act: str, person: str, a: int, b: int, at: tuple[int, int],
                decided: dict, probation: bool | None = None) -> None:
    text = em.text[a:b]
    posts = []
    for x, y in split_list(text, "、"):
        item = re.sub(r"\s+", "", text[x:y])
        acting = re.match(r"^(代理|代)", item)
        for p in parse_posts(item[acting.end():] if acting else item):
            if acting:
                p = type(p)(p.org, acting.group(1) + p.title, None, p.title_span)
            elif p.org_span is not None:
                p = type(p)(p.org, p.title, (x + p.org_span[0], x + p.org_span[1]), p.title_span)
            posts.append(p)
    for post in posts:
        if not post.org:
            continue
        title = post.title
        m = re.match(r"^(代理|代)(.+)$", title)
        org_name = post.org
        if post.org_span is not None:
            org_name = em.surface(a + post.org_span[0], a + post.org_span[1])
        org_name = strip_alias(org_name)[0]
        extra: dict = dict(decided)
        if act == "任命":
            extra["probation"] = bool(probation)
        em.emit(act, person, "Person", org_name, "Organization", at,
                position=("代理" + m.group(2)) if m and not title.startswith("代理") else title, **extra)


_TRAILING_VERB = re.compile(r"(?:及委员|等)?(?:主持会议|出席会议|列席会议|出席|列席|主持|参加会议|参加)$")


def mentions(doc: ParsedDocument, em: Emitter | None = None) -> list[Assertion]:
    """Posts stated beside names in reports: "市法院院长罗雄", "副主任吴达金、李珊珊"."""
    em = em or Emitter(doc, "post_mentions")
    text = em.text
    for sa, sb in split_list(text, "。；\n"):
        prev_org: str | None = None
        for ca, cb in split_list(text[sa:sb], "，,"):
            a = sa + ca
            clause = _TRAILING_VERB.sub("", re.sub(r"\s+", "", text[a:sa + cb]))
            got = _posts_then_names(clause)
            if got is None:
                continue
            cut, names = got
            head = clause[:cut]
            posts = parse_posts(head)
            for post in posts:
                org = post.org
                if (post.org_span is None and prev_org and post.title in ("秘书长", "副秘书长", "主任", "副主任")) \
                        or org is None:
                    org = prev_org
                if org is None:
                    continue
                for name in names:
                    em.emit("任职", name, "Person", org, "Organization", (sa, sb), position=post.title)
            explicit = [p.org for p in posts if p.org_span is not None]
            if explicit:
                prev_org = explicit[-1]
    return em.out


def _posts_then_names(clause: str) -> tuple[int, list[str]] | None:
    """Split "市委常委、组织部长蔡亚东" into the posts and the names after them."""
    for cut in range(len(clause) - 2, 1, -1):
        head, tail = clause[:cut], clause[cut:]
        names = tail.split("、")
        if not all(2 <= len(n) <= 3 and re.fullmatch(rf"[{CJK}]+", n) for n in names):
            continue
        if any(n[0] in "及和与等的了在" or n.endswith(("会议", "出席", "列席", "职务", "同志")) for n in names):
            continue
        items = split_list(head, "、")
        if items and all(parse_posts(head[x:y]) for x, y in items) and not head.endswith("、"):
            last = parse_posts(head[items[-1][0]:items[-1][1]])[-1]
            if head.endswith(last.title):
                return cut, names
    return None
