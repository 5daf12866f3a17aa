"""任免: 任命…为…（试用期一年）, 免去…职务, "免去其…" (the pronoun refers back), several
persons per notice, name and post glued together ("孙义朔州机场建设管理有限公司董事长职务"),
a decision's lines ("A任X，免去其Y职务；", "A不再担任X职务", 分别 pairing names and posts), 任免
tables (姓名 | 任职 | 免职), and the deciding meeting's date. In reports, posts stated beside
names ("县委副书记、县长X主持会议", "院长A、检察长B列席会议", "X出任Y总裁").

The words are data (extract/data/appointment.yaml), the notice's frames too (extract/data/
frames.yaml, within: clause, read by the general engine); this module says where each applies.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from types import SimpleNamespace

import yaml

from extract.blocks import Row, blocks, table_rows
from extract.dates import parse_date
from extract.document import ParsedDocument
from extract.frames import DATA, frame, frames as relation_frames
from extract.extractors.base import Emitter, strip_alias
from extract.lexicon import CJK, alternation, lexicon
from extract.posts import Post, parse_posts, split_list
from graph.records import Assertion

__all__ = ["extract", "mentions", "report_mentions", "frames"]

_alt = alternation


@lru_cache(maxsize=1)
def frames() -> SimpleNamespace:
    """appointment.yaml, read once: each word list as a tuple; the not-names joined with the
    lexicon's (verbs of speech: "副市长强调，…" names no one here either)."""
    raw = yaml.safe_load((DATA / "appointment.yaml").read_text(encoding="utf-8"))
    data = {k: tuple(v) if isinstance(v, list) else v for k, v in raw.items()}
    data["not_names"] = frozenset(raw["not_names"]) | lexicon().not_names
    return SimpleNamespace(**data)


_SPACE = re.compile(r"\s+")
_NOTE = re.compile(r"[（(]([^（）()]{1,12})[）)]$")
_NAME_CHARS = re.compile(rf"[{CJK}·]+")
_SPACES = re.compile(r"[ \t\u3000]")
_MEETING = re.compile(r"经(?P<meeting>[^。]{0,60}?(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)[^。，]{0,30}?(?:会议|常务会议|党组会议|常委会))")


@lru_cache(maxsize=1)
def _patterns() -> SimpleNamespace:
    """The notice and report frames, built once from the words in the data."""
    f = frames()
    appoint, remove = _alt(f.appoint_verbs), _alt(f.remove_verbs)
    verbs = "".join(sorted(set("".join(f.appoint_verbs + f.remove_verbs + f.decision_holds_verbs
                                       + f.acting_verbs + f.concurrent_verbs))))
    around = lambda pairs: "|".join(  # noqa: E731  ("以", "身份"): the words between the two
        rf"{re.escape(a)}(?P<p{k}>[^，。；]{{2,40}}?){re.escape(b)}" for k, (a, b) in enumerate(pairs))
    time = rf"(?:{_alt(f.time_words)}|\d{{2,4}}年|\d{{1,2}}月|\d{{1,2}}日|上旬|中旬|下旬|初|底|末|份)*"
    return SimpleNamespace(
        **{fr.name: fr.regex for fr in relation_frames("clause")},  # frames.yaml, within: clause
        # "张三（同志）的X": a name (maybe padded, "王 五": frames.yaml person_name) before its posts
        named_de=re.compile(rf"^({frame('row_under_heading').slots['name'].regex})(?:同志)?的"),
        verb_prefix=re.compile(rf"^.*(?:{appoint}|决定)"),  # what precedes the names ("会议决定任命")
        section=re.compile(rf"(?P<act>{appoint}|{remove})[：:]"),  # "任命：" / "免去：" heading a list
        decision=re.compile(_alt(f.decision_words)),
        appoint_verb=re.compile(appoint),
        # "二、免去" / "（一）任命：" heading a list, colon or none
        section_line=re.compile(rf"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d+[.、．])?\s*"
                                rf"(?P<act>{appoint}|{remove})(?:人员|名单)?\s*[：:]?$"),
        trigger=re.compile("[" + re.escape(verbs) + "为职]"),  # what every notice frame needs
        # reports
        not_encoded=re.compile(_alt(f.not_encoded)),
        report_verbs=re.compile(_alt(f.report_verbs)),
        current_post=re.compile(_alt(f.current_post_verbs)),
        capacity=re.compile(around(f.capacity_frames)),
        past=re.compile(rf"^(?:[{CJK}]{{1,8}}?[省市县区州旗盟])?(?:{_alt(f.past_markers)})"),
        lead_in=re.compile(rf"^(?:{_alt(f.lead_ins)})|^.*[：:]"),
        delegation=re.compile(around(f.delegation_frames)),
        time_tail=re.compile(rf"{time}$"),
        name_header=re.compile(_alt(f.table_columns["name"])),  # 姓名: rare outside tables
        act_header=re.compile(_alt([w for k in ("任命", "免去") for w in f.table_columns[k]])),
        trial=re.compile(_alt(f.probation_words)),
        trial_after=re.compile(rf"\s*[，,]\s*(?:{_alt(f.probation_words)})"),  # "…副局长，试用期一年"
    )


def _act_of(verb: str) -> str:
    """The act a verb names: 免去 for a removing verb, else 任命."""
    return "免去" if verb in frames().remove_verbs else "任命"


def extract(doc: ParsedDocument) -> list[Assertion]:
    """The 任命 and 免去 of a notice, clause by clause (the frames tried in order), and in a report
    also the posts stated beside names (SCHEMA §7)."""
    em = Emitter(doc, "appointment")
    text = em.text
    pat = _patterns()
    meeting = _MEETING.search(text)  # "经…2024年3月1日…常务会议": the deciding meeting
    decided = {"decided_on": parse_date(meeting.group("date")),
               "decided_by": _SPACE.sub("", meeting.group("meeting"))} if meeting else {}
    mode: str | None = None
    listed = False  # under a heading naming the act ("任命："): rows "张三  X局局长" follow
    last_person: str | None = None
    bounds = _sentence_bounds(text)
    notice_kind = doc.info.doc_type == "appointment"
    named = _placed_name if notice_kind else _is_name  # a 任免 notice's lines name people
    decision = notice_kind  # a 任免 notice: "张三任X" lines are decisions
    for lm in re.finditer(r"[^\n]+", text):
        start, line, s = lm.start(), lm.group(), lm.group().strip()
        if not s:
            continue
        if heading := pat.section_line.match(s):  # "二、免去" / "任命：" alone heads the list below
            mode, listed = _act_of(heading.group("act")), True
            continue
        sec = pat.section.search(s)
        if sec and len(s) - sec.end() < 3 + (s.find(sec.group(0))):
            mode = _act_of(sec.group("act"))
            if s.endswith(("：", ":")):  # "经研究，决定任命：" heads the list below too
                listed = True
                continue
        removing = False  # a removal earlier in the line continues ("免去A的X职务，B的Y职务")
        appointed: str | None = None  # the person appointed earlier in the line ("，兼任Y" is theirs)
        decision = decision or bool(pat.decision.search(line))  # "经研究决定：" opens the list below
        if not listed and not pat.trigger.search(line):  # no verb, no 为, no 职务: nothing in the line to read
            continue
        for clause_a, clause_b in split_list(line, "，,；;。"):
            ca, cb = start + clause_a, start + clause_b
            clause = text[ca:cb]
            removing, was_removing = False, removing
            if len(clause) > _LONGEST_LIST:  # running text, no list of posts: the frames would rescan it
                continue
            if not (listed or pat.trigger.search(clause)):  # no verb, 为 or 职务
                continue
            at = bounds(ca)
            before = line[:clause_a].rstrip()
            opens = (not before or before.endswith(("；", ";", "：", ":"))
                     or bool(pat.decision.search(before[before.rfind("。") + 1:])))  # 经研究决定，张三任…
            if pat.not_encoded.search(clause):  # 辞去 and the like, not encoded (SCHEMA §7) …
                m_rel = pat.relieved_of.match(clause) if decision else None
                m_rel = m_rel if m_rel and (opens or m_rel.group("lead")) else None
                if m_rel:  # … but 决定：A不再担任X
                    last_person = _emit_each(em, "免去", m_rel, ca, at, decided, named) or last_person
                elif appointed and (m_rel := pat.relieved_own.match(clause)):  # A任X，不再担任Y职务
                    _emit(em, "免去", m_rel, ca, at, decided, appointed)
                continue
            m_own = pat.removed_from_own.search(clause)
            if m_own and last_person:
                removing = True  # "免去其X职务": the person named before
                _emit(em, "免去", m_own, ca, at, decided, last_person)
                continue
            m_rm = pat.removed_from.search(clause)  # 免去A、B的X职务: the verb and 的 place the names
            if m_rm and (person := _emit_each(em, "免去", m_rm, ca, at, decided, _placed_name)):
                removing, last_person = True, person
                continue
            m_ap = pat.appointed_as.search(clause)
            if pat.appoint_verb.search(clause):  # the clauses after an appointing verb appoint
                mode, removing = "任命", False
            acting = m_ap is not None and "代理" in m_ap.group("post") and bool(pat.decision.search(clause))
            placed = notice_kind and opens  # a 任免 notice's line opens with its names ("张三为X")
            if m_ap and (mode == "任命" or acting or placed):  # 任命…为…; 决定A为X代理市长
                raw = pat.verb_prefix.sub("", m_ap.group("name"))
                after_verb = raw != m_ap.group("name")  # "任命X为…": X is a name; "…认为" is not
                name_a = ca + m_ap.end("name") - len(raw)
                names, named_here = split_list(raw, "、"), (_placed_name if placed else _is_name)
                for k, (x, y) in enumerate(names):  # 任命张三、李四为…
                    person = raw[x:y].removesuffix("同志")
                    bare = _SPACES.sub("", person)  # "王 五"
                    if (2 <= len(bare) <= 4 or "·" in bare) and (after_verb or named_here(bare)):
                        person = em.surface(name_a + x, name_a + x + len(person))
                        if got := _emit(em, "任命", m_ap, ca, at, decided, person, (k, len(names))):
                            last_person = appointed = got
                continue
            if (m_glued := pat.removed_glued.search(clause)) and _remove_glued(
                    em, ca + m_glued.start("body"), m_glued.group("body"), at, decided):
                removing = True
                continue
            row = pat.row_under_heading.match(clause) if listed and mode else None
            if row and _placed_name(_SPACES.sub("", row.group("name"))):  # "任命：\n张三  X局局长"
                last_person = _emit(em, mode, row, ca, at, decided) or last_person
                continue
            if mode == "免去" or was_removing:  # "免去：\n张三市财政局局长职务" / "免去A的X职务，B的Y职务"
                if m_g := pat.listed_removal.match(clause):
                    person = _remove_glued(em, ca + m_g.start("body"), m_g.group("body"), at, decided)
                    last_person = person or last_person
                    removing = person is not None  # the list goes on ("；C的Z职务")
                    continue
            m_holds = pat.decided_holds.match(clause)
            if m_holds and (opens or m_holds.group("lead")) and (mode == "任命" or decision):  # A任X
                if person := _emit_each(em, "任命", m_holds, ca, at, decided, named):
                    last_person = appointed = person
                    continue
            if appointed and (m_also := pat.also_holds.match(clause)):  # 张三任X，兼任Y
                _emit(em, "任命", m_also, ca, at, decided, appointed)
                continue
            m_acts = pat.acts_as.search(clause)
            who = _acting_person(clause[:m_acts.start()]) if m_acts and (mode == "任命" or decision) else None
            if who is not None:  # （副市长）A代理X市长职务
                last_person = em.surface(ca + who[0], ca + who[1])
                _emit(em, "任命", m_acts, ca, at, decided, last_person)
    if pat.name_header.search(text) and pat.act_header.search(text):  # maybe a 任免 table's header
        for row in table_rows(text, blocks(doc), _table_columns(), _act_table):
            _table_row(em, row, decided)
    if doc.info.number is None:  # reports name people with their posts
        mentions(doc, em)
        appointed = {(x.s, x.position) for x in em.out if x.rel == "任命"}
        acts = [(x.start, x.end) for x in em.out if x.rel in ("任命", "免去")]
        # "副市长A列席会议" after A was appointed 副市长: a 任命 gets no extra 任职 (SCHEMA §7);
        # nor does the line that states the act ("张三为县某局局长") read again as a post beside a name
        em.out[:] = [x for x in em.out if x.rel != "任职" or (x.s, x.position) not in appointed
                     and not any(a < x.end and x.start < b for a, b in acts)]
    return em.out


def _emit_each(em: Emitter, act: str, m: re.Match[str], ca: int, at: tuple[int, int],
               decided: dict, named: Callable[[str], bool]) -> str | None:
    """The posts of a notice frame's match for each of its names ("张三、李 四任X", "免去A、B的X"),
    each a name by `named`; the last person, None when no name reads."""
    raw, a, person = m.group("name"), ca + m.start("name"), None
    names = split_list(raw, "、")
    for k, (x, y) in enumerate(names):
        y = x + len(raw[x:y].removesuffix("同志"))
        if named(_SPACES.sub("", raw[x:y])):
            got = _emit(em, act, m, ca, at, decided, em.surface(a + x, a + y), (k, len(names)))
            person = got or person
    return person


@lru_cache(maxsize=1)
def _table_columns() -> dict[str, str]:
    """Header cell -> what its column holds (appointment.yaml table_columns)."""
    return {w: kind for kind, words in frames().table_columns.items() for w in words}


def _act_table(kinds: tuple[str, ...]) -> bool:
    return "name" in kinds and ("任命" in kinds or "免去" in kinds)


_DUTY = re.compile(r"(?:的)?职务$")


def _table_row(em: Emitter, row: Row, decided: dict) -> None:
    """A row of a 任免 table: the person of its name cell takes up the posts of its 任命 cells
    (on probation when one says so) and leaves those of its 免去 cells."""
    a, b = row.cells[row.kinds.index("name")]
    if not _placed_name(_SPACES.sub("", em.text[a:b])):
        return
    person = em.surface(a, b)
    for kind, (x, y) in zip(row.kinds, row.cells):
        if kind in ("任命", "免去") and y > x:
            cell = em.text[x:y]
            duty = _DUTY.search(cell)
            _emit_posts(em, kind, person, x, duty.start() + x if duty else y, row.span, decided,
                        bool(_patterns().trial.search(cell)))


def _acting_person(before: str) -> tuple[int, int] | None:
    """The person before 代理: a name closing `before`, after nothing or after the posts they hold."""
    end = len(before) - (2 if before.endswith("同志") else 0)
    if _is_name(before[:end]):
        return 0, end
    split = _post_then_name(before[:end])
    return (end - len(split[1]), end) if split else None


def _sentence_bounds(text: str) -> Callable[[int], tuple[int, int]]:
    """sentence_bounds for many positions of one text: the stops found once, then bisected."""
    stops = [m.start() for m in _STOPS.finditer(text)]

    def at(pos: int) -> tuple[int, int]:
        k = bisect_left(stops, pos)
        start = stops[k - 1] + 1 if k else 0
        return start, (stops[k] + 1 if k < len(stops) else len(text))
    return at


_STOPS = re.compile(r"[。；！？\n]")
_PLACE_END = re.compile(r"[省市县区州旗盟]$")  # "甲州市人民政府副市长…": a place, not a name, before the post


def _remove_glued(em: Emitter, a: int, body: str, at: tuple[int, int], decided: dict) -> str | None:
    """"孙义朔州机场建设管理有限公司董事长" / "张三的市财政局局长": cut the name off; names before
    it parted by 、 ("张三、李四市财政局副局长") are removed from the same posts."""
    text = em.text
    others: list[tuple[int, int]] = []
    while (k := body.find("、")) > 0 and _is_name(_SPACES.sub("", body[:k])):
        others.append((a, a + k))
        a, body = a + k + 1, body[k + 1:]
    de = _patterns().named_de.match(body)
    if de:
        cands = [len(de.group(1))]
        skip = de.end() - len(de.group(1))
    else:
        # prefer the cut whose post starts like other posts in this document
        cands = [n for n in (3, 2, 4) if len(body) > n + 2 and _is_name(body[:n]) and not _PLACE_END.search(body[:n])
                 and parse_posts(body[n:]) and parse_posts(body[n:])[0].org]
        place = re.match(rf"^([{CJK}]{{1,4}}?)(?:市|县|区|省|州)", em.doc.info.issuer or em.doc.info.title or "")
        lead = place.group(1)[:1] if place else ""
        cands.sort(key=lambda n: (not (lead and body[n:].startswith(lead)), -_standalone(text, parse_posts(body[n:])[0].org),
                                  -text.count(body[n:n + 2])))
        skip = 0
    if not cands:
        return None
    for x, y in [*others, (a, a + cands[0])]:
        _emit_posts(em, "免去", em.surface(x, y), a + cands[0] + skip, a + len(body), at, decided)
    return em.surface(a, a + cands[0])


def _standalone(text: str, org: str) -> int:
    """How often `org` stands on its own in the text (not glued to a preceding name): "甲乙市" after
    "为" counts, "乙市" inside "甲乙市" does not."""
    return sum(1 for m in re.finditer(re.escape(org), text)
               if m.start() == 0 or not "\u4e00" <= text[m.start() - 1] <= "\u9fff" or text[m.start() - 1] in "为任的免")


def _inner_body(org: str | None) -> str | None:
    """The inner body closing an organisation's name ("甲区人民检察院检察委员会" -> 检察委员会): the
    post is the outer body's; not a place's own committee (甲镇党委)."""
    lex = lexicon()
    return next((w for w in frames().inner_bodies if org and org.endswith(w)
                 and lex.is_org(org[:-len(w)]) and not org[:-len(w)].endswith(lex.levels)), None)


def _emit(em: Emitter, act: str, m: re.Match[str], ca: int, at: tuple[int, int], decided: dict,
          person: str | None = None, nth: tuple[int, int] | None = None) -> str | None:
    """The posts of a notice frame's match (its "post", on probation when it has a "prob" or the
    next clause states one) for `person`, else for its "name"; the person, None when no post
    reads ("丙政任字〔2024〕8号" names no one). `nth` (k, n): the k-th
    of n names, given the k-th post where the match says 分别 (respectively), if there are n."""
    person = person or em.surface(ca + m.start("name"), ca + m.end("name"))
    prob = bool(m.groupdict().get("prob") or _patterns().trial_after.match(em.text, ca + m.end()))
    a, b = ca + m.start("post"), ca + m.end("post")
    if nth and m.groupdict().get("resp"):  # 任命A、B分别为X、Y: A is X, B is Y
        posts = split_list(em.text[a:b], "、")
        if len(posts) != nth[1]:
            return None  # the posts do not pair with the names: none read
        a, b = a + posts[nth[0]][0], a + posts[nth[0]][1]
    return person if _emit_posts(em, act, person, a, b, at, decided, prob) else None


def _emit_posts(em: Emitter, act: str, person: str, a: int, b: int, at: tuple[int, int],
                decided: dict, probation: bool | None = None) -> int:
    """One fact of `act` for each post in text[a:b]: notes dropped, 代理 kept on its title, a post
    without its body given the body named before it, "该公司" the body referred to. How many."""
    text, read = em.text[a:b], 0
    prev: Post | None = None  # the last post in the list that named its body
    extra = {**decided, "probation": bool(probation)} if act == "任命" else dict(decided)
    for x, y in split_list(text, "、"):
        item = _SPACE.sub("", text[x:y])
        note = _NOTE.search(item)
        if note and not lexicon().is_title(note.group(1)):  # 局长（正处级）, 副市长（挂职）: a note, not the post
            item = item[:note.start()]
        acting = re.match(r"^(代理|代)", item)
        shift = x + (acting.end() if acting else 0) + len(text[x:y]) - len(text[x:y].lstrip())
        for p in parse_posts(item[acting.end():] if acting else item):
            inner = _inner_body(p.org)
            if p.org in frames().inner_bodies and prev is not None:  # 副院长、审判委员会委员: the court's
                p = replace(p, org=prev.org, org_span=prev.org_span, title=p.org + p.title)
            elif inner and p.org_span is not None:  # 甲区人民检察院检察委员会委员: the 检察院's post
                a0, b0 = shift + p.org_span[0], shift + p.org_span[1] - len(inner)
                p = replace(p, org=p.org[:-len(inner)], org_span=(a0, b0), title=inner + p.title)
                prev = p
            elif p.org_span is not None:
                p = replace(p, org_span=(shift + p.org_span[0], shift + p.org_span[1]))
                prev = p
            elif prev is not None and (p.org is None or prev.org and p.org and prev.org.endswith(
                    (p.org, p.org.replace("政府", "人民政府")))):  # the body implied, named
                p = replace(p, org=prev.org, org_span=prev.org_span)  # 副旗长、代理旗长 of 戊旗人民政府
            if not p.org:
                continue
            title = acting.group(1) + p.title if acting else p.title  # 代市长 is written 代理市长
            org = p.org if p.org_span is None else em.surface(a + p.org_span[0], a + p.org_span[1])
            org = _referred(em, strip_alias(org)[0], at[0], a)
            em.emit(act, person, "Person", org, "Organization", at,
                    position="代理" + title[1:] if re.match("代(?!理).", title) else title, **extra)
            read += 1
    return read


def _referred(em: Emitter, org: str, start: int, end: int) -> str:
    """"该公司", "本中心", a bare "公司": the body of that kind named before in the sentence
    (text[start:end]), else the one the document is issued by or titled with; as is when none."""
    pointers = frames().pointers
    kind = org[1:] if org.startswith(pointers) else org
    if kind not in lexicon().org_suffixes:
        return org
    named = re.compile(rf"(?:^|[^{CJK}（）()]|{_alt(frames().body_lead_ins)})"
                       rf"(?P<body>[{CJK}（）()]{{2,30}}?{re.escape(kind)})")
    before = [b for m in named.finditer(em.text, start, end) if (b := m.group("body")) != kind
              and not any(p + kind in b for p in pointers) and not _patterns().appoint_verb.search(b)]
    if before:
        return before[-1]
    for text in (em.doc.info.issuer, em.doc.info.title):
        m = named.match(re.sub(r"\s+", "", text or ""))
        if m and m.group("body") != kind:
            return m.group("body")
    return org


# ---------------------------------------------------------------------------- posts in reports

@dataclass
class _Sentence:
    """What a report sentence has established so far: the body named last, the person named last."""

    org: str | None = None
    subject: str | None = None


def mentions(doc: ParsedDocument, em: Emitter | None = None) -> list[Assertion]:
    """Posts stated beside names in reports: "市法院院长王甲", "副主任李乙、赵丙",
    "县委副书记、县长X主持会议并讲话", "X出任Y公司总裁", "以县政府党组成员身份分管…"."""
    em = em or Emitter(doc, "post_mentions")
    text = em.text
    for sa, sb in split_list(text, "。；！？\n.;!?"):  # half-width stops close a sentence too
        st = _Sentence()
        for ca, cb in split_list(text[sa:sb], "，,"):
            clause = _SPACE.sub("", text[sa + ca:sa + cb])
            _read_clause(em, clause, (sa, sb), st)
    return em.out


def report_mentions(doc: ParsedDocument) -> list[Assertion]:
    """Posts beside names, in documents without a number (news reports of any type)."""
    return [] if doc.info.number is not None else mentions(doc)


def _read_clause(em: Emitter, clause: str, at: tuple[int, int], st: _Sentence) -> None:
    """One clause of a report: a body named (受X委托), a post in a capacity (以…身份), X出任Y, or
    a list of posts and names before a verb of the report (主持, 出席 …)."""
    fr = _patterns()
    short = len(clause) <= _LONGEST_LIST  # longer clauses are read for 出任 frames only
    ends = {m.end() for m in _title_words().finditer(clause)} if short else set()
    if short and not ends and not fr.current_post.search(clause):  # every frame below needs a title or 出任
        return
    if fr.not_encoded.search(clause):
        return
    for m in fr.delegation.finditer(clause):  # 受X人大常委会主任委托: the body, no person
        posts = parse_posts(next(g for g in m.groups() if g))
        st.org = next((p.org for p in reversed(posts) if p.org_span is not None), st.org)
    cap = fr.capacity.search(clause)
    if cap and st.subject:  # 以县政府党组成员身份分管…
        _emit_mentions(em, [(next(g for g in cap.groups() if g), [st.subject])], at, st)
        return
    for verb in fr.current_post.finditer(clause):  # X（今年3月）出任Y
        pre = fr.time_tail.sub("", clause[:verb.start()]) if verb.start() <= 40 else ""
        subject = st.subject
        if pre:
            got = _mention_list(pre)
            subject = got[1][-1][1][-1] if got else (pre if _is_name(pre) else None)
            if got and not got[0]:  # "副县长A出任…": the post beside the name holds too
                _emit_mentions(em, got[1], at, st)
        if subject:
            st.subject = subject
            _emit_mentions(em, [(clause[verb.end():], [subject])], at, st)
            return
    if not ends:  # no title, no post beside a name (or a long clause, running text)
        return
    for cut in [m.start() for m in fr.report_verbs.finditer(clause)] + [len(clause)]:
        if (not _may_end_with_name(clause, cut, ends) and cut not in ends and not _JOINS.search(clause, 0, cut)
                and clause[cut - 1:cut] not in ("）", ")")):  # 张三（副市长）出席
            continue
        got = _mention_list(clause[:cut])
        if got is None:
            continue
        past, groups = got
        st.subject = groups[-1][1][-1]
        if not past:
            _emit_mentions(em, groups, at, st)
        return


_JOINS = re.compile("[与和及]")
_DOT_NAME = re.compile(rf"[{CJK}]{{1,8}}(?:·[{CJK}]{{1,10}})+")
_LONGEST_LIST = 400  # characters: longer clauses are running text, not a list of posts and names


@lru_cache(maxsize=1)
def _title_words() -> re.Pattern[str]:
    """Any title word: a cheap test of whether a clause can hold a post at all."""
    lex = lexicon()
    return re.compile(_alt(sorted(set(lex.title_words) | set(lex.implied_org))))


def _may_end_with_name(clause: str, cut: int, title_ends: set[int]) -> bool:
    """Whether clause[:cut] can end with a name: one that follows a title or a 、, or has a ·."""
    if "·" in clause[max(cut - 12, 0):cut]:
        return True
    return any(cut - n in title_ends or clause[cut - n - 1:cut - n] in ("、", "与", "和", "及") for n in (2, 3, 4))


def _emit_mentions(em: Emitter, groups: list[tuple[str, list[str]]], at: tuple[int, int], st: _Sentence) -> None:
    """A 任职 for each name of a group and each post of its post string; a bare 副主任 at the body
    the sentence named last (st.org), a party post at its committee."""
    continuing = frames().continuing_titles
    for post_text, names in groups:
        posts = parse_posts(post_text)
        if not posts or not post_text.endswith(posts[-1].title):
            continue
        for post in posts:
            org = post.org
            if (post.org_span is None and st.org and post.title in continuing) or org is None:
                org = st.org
            # "公司董事长X", "该局局长X": a bare kind of body or one named by a pointer is no body to
            # record; nor is text with a verb in it ("新当选中共…委员会")
            if (org is None or org in lexicon().org_suffixes or org.startswith(frames().pointers)
                    or _patterns().current_post.search(org)):
                continue
            org, title = _party_post(org, post.title)
            for name in names:
                em.emit("任职", name, "Person", org, "Organization", at, position=title)
        st.org = next((p.org for p in reversed(posts) if p.org_span is not None), st.org)


_PARTY_BODY = re.compile(rf"^(?:中共|中国共产党)?[{CJK}]{{1,10}}?(?P<level>自治区|自治州|自治县|省|市|州|县|区|旗|盟)"
                         r"(?:党委|委员会|委)(?:第[一二三四五六七八九十百\d]+届(?:委员会)?)?$")


def _party_post(org: str, title: str) -> tuple[str, str]:
    """"中共乙省委第九届委员会" + 常委 -> (省委, 省委常委): party posts at the committee, the
    committee word kept in the position (SCHEMA §1), as the generated leader titles name them."""
    implied = lexicon().implied_org
    m = _PARTY_BODY.match(org)
    if not m:
        return org, title
    level = m.group("level").removeprefix("自治") if m.group("level") != "自治区" else "自治区"
    for party in (level + "委", level + "党委"):
        if implied.get(party + title) == party:
            return party, party + title
        if title.startswith(party) and implied.get(title) == party:  # the title keeps its committee word
            return party, title
    return org, title


def _mention_list(clause: str) -> tuple[bool, list[tuple[str, list[str]]]] | None:
    """A list of posts and names: "县委常委、宣传部长王甲" -> [("县委常委、宣传部长", [王甲])];
    "院长A、检察长B" -> two groups; "副主任A、B" -> one group with two names. (past, groups):
    past when the list opens with 原/曾任 (the names count, the posts are not encoded).
    The list may follow a lead-in ("会议由…", "出席会议的有：") and join its groups with 与/和/及."""
    starts = [m.end() for m in _patterns().lead_in.finditer(clause)] + [0]  # the lead-in off first
    return next((got for a in starts if (got := _joined_groups(clause[a:])) is not None), None)


def _joined_groups(clause: str) -> tuple[bool, list[tuple[str, list[str]]]] | None:
    """"省财政厅厅长A与某学会会长、理事B": parts joined by 与/和/及, each read on its own; the
    first must end with a name (市发展和改革委员会 is one body, not 市发展 and 改革委员会). A part
    that does not read is left out; a part of names only joins the group before it (副主任A、B和C).
    Read as one list of 、 when the parts do not read so."""
    parts = [clause[x:y] for x, y in split_list(clause, "与和及")]
    # "旗长乌力吉图主持…": a verb right after the word ends a name, joining nothing
    joined = len(parts) > 1 and not any(_patterns().report_verbs.match(p) for p in parts[1:])
    first = _mention_groups(parts[0]) if joined else None
    if first is None:
        return _mention_groups(clause)
    past, groups = first
    for part in parts[1:]:
        names = part.split("、")
        if groups and all(_is_name(n) for n in names):
            groups[-1][1].extend(names)
            continue
        got = _mention_groups(part)
        if got is not None and got[0] == past:
            groups += got[1]
    return past, groups


def _mention_groups(clause: str) -> tuple[bool, list[tuple[str, list[str]]]] | None:
    """Items parted by 、: posts waiting for the name that closes them ("县委常委、宣传部长王甲"), a
    name and its posts ("张三副市长、…"), more names of the group before ("副主任A、B")."""
    past = _patterns().past.match(clause)
    if past:
        clause = clause[past.end():]
    groups: list[tuple[str, list[str]]] = []
    pending: list[str] = []  # posts waiting for their name
    name_first = False  # the last item was "张三市委常委": posts after it are his too (、副市长)
    for x, y in split_list(clause, "、"):
        item = clause[x:y].removesuffix("同志")
        after_name_first, name_first = name_first, False
        if _is_name(item):
            if not groups or pending:
                return None
            groups[-1][1].append(item)
            continue
        split = _post_then_name(item)
        if split is not None:
            groups.append(("、".join(pending + [split[0]]), [split[1]]))
            pending = []
        elif not pending and (first := _name_then_post(item)) is not None:  # 张三副市长
            groups.append((first[1], [first[0]]))
            name_first = True
        elif after_name_first and _is_post(item):
            groups[-1] = (groups[-1][0] + "、" + item, groups[-1][1])
            name_first = True
        elif _is_post(item):
            pending.append(item)
        else:
            return None
    if pending or not groups:
        return None
    return bool(past), groups


def _is_post(text: str) -> bool:
    """Whether `text` is a post string, ending with its last post's title."""
    posts = parse_posts(text)
    return bool(posts) and text.endswith(posts[-1].title)


def _post_then_name(item: str) -> tuple[str, str] | None:
    """"常务副市长张三" -> ("常务副市长", "张三"); the name is 2–3 characters, or 4 after a two-character
    surname. Shortest name first: in "秘书长沈四" the title is 秘书长, not 秘书 before "长沈四"."""
    lengths = range(3, len(item) - 1) if "·" in item else (2, 3, 4)  # 副州长买买提·艾力
    for n in lengths:
        if len(item) > n + 1 and _is_name(item[-n:]) and _is_post(item[:-n]):
            return item[:-n], item[-n:]
    return None


_BRACKETED_POST = re.compile(r"(.{2,4}?)[（(]([^（）()]{2,40})[）)]")


def _name_then_post(item: str) -> tuple[str, str] | None:
    """"张三副市长" -> ("张三", "副市长"): the name first, then a post that names or implies its
    body (a bare 局长 names none and is dropped later). Not after a place ("全市副县长以上"). The post
    opens with a level (市财政局) or is a title implying its body (副市长): where the name ends is unsure otherwise
    ("张三丰为市…" is no 张三 + "丰为市…")."""
    bracket = _BRACKETED_POST.fullmatch(item)  # "张三（市财政局局长）": the bracket sets the post off
    if bracket and _is_name(bracket.group(1)) and _is_post(bracket.group(2)):
        return bracket.group(1), bracket.group(2)
    levels = lexicon().levels
    for n in (2, 3, 4):
        name, post = item[:n], item[n:]
        if (len(post) >= 2 and (post.startswith(levels) or post in lexicon().implied_org) and _is_name(name)
                and not _PLACE_END.search(name) and not name.startswith(tuple(frames().not_names))  # 常务副
                and _is_post(post)):
            return name, post
    return None


def _placed_name(text: str) -> bool:
    """A name where the form fixes its place (a decision's line "A任X", a row under "任命："): a
    name by _is_name, or two to four characters with no family name (其木格, 孟根达来: names of
    peoples without one) that hold no title and no word of the not-names (以上人员, 会议)."""
    if _is_name(text):
        return True
    fr = frames()
    if not (2 <= len(text) <= 4 and _NAME_CHARS.fullmatch(text)) or text[0] in fr.not_name_starts:
        return False
    return not (any(w in text for w in fr.not_names) or _title_words().search(text)
                or _PLACE_END.search(text) or lexicon().is_org(text))


def _is_name(text: str) -> bool:
    """A person's name: a family name (extract/data/names.yaml) and one or two characters more,
    or a name written with "·"; not a word that follows posts in reports (委托, 一职)."""
    fr, lex = frames(), lexicon()
    if not _NAME_CHARS.fullmatch(text) or text in fr.not_names or text[0] in fr.not_name_starts:
        return False
    if "·" in text:  # 买买提·艾力: no title inside (副州长买买提·艾力 is a post and a name)
        return bool(_DOT_NAME.fullmatch(text)) and not _title_words().search(text)
    return (lex.has_surname(text) and not lex.is_title(text) and not lex.is_title(text[1:])
            and not text.endswith(tuple(fr.not_names)))
