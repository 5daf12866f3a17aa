"""工作分工: who 主持/负责/分管/主管/联系/协助分管/协助联系 what.

An engine over data: the forms it reads are regular expressions built from named parts in
extract/data/work_division.yaml (`forms`, `leader_lines`, each with its examples), with the
verbs and the words around names and lists; leader titles of every level come from the lexicon
(leader_levels x templates x modifiers: 副州长, 常务副旗长, 镇党委委员 …), family names from names.yaml.
- a notice: headers, title or name first, closed by "：" or "，" ("市委常委、副市长李四：负责…",
  "王五副旗长，主持…"), or a leader's line or table row of its own, set who the duties that follow
  are; posts and body roles may stand before the duties ("李四省政府党组成员，省某领导小组副组长，");
- prose: a leader named with a title ("孙七副区长则负责…", "省长王五主持…"), or named before, acts;
  several may act in one sentence, and "A、B由副县长李四分管" names the objects first.
A clause of duties goes on with the same leader until another is named; a sentence opened by
another subject, a leader we cannot name, or a numbered leader line we cannot read ends it.
Lines under a leader that yield nothing are reported with their line. Posts are read against
the document (extract/posts.py): its own government named in full (副县长 in 甲县's notice:
甲县人民政府), a township's posts without their place its bodies', a bare "副主任" the office
named before; "主持全面工作" presides over the leader's own body.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import yaml

from extract.blocks import Row, table_rows
from extract.document import ParsedDocument
from extract.extractors.appointment import frames, mentions
from extract.extractors.base import Emitter, is_category, strip_alias
from extract.lexicon import CJK, alternation, lexicon
from extract.posts import (home_government, home_place, implied_level, is_place_post, own_head, parse_posts, place_post,
                           place_post_pattern, split_list)
from extract.text import to_simplified
from graph.model import SCHEMA
from graph.records import Assertion

__all__ = ["extract", "extract_if_titled"]


_DATA = yaml.safe_load((Path(__file__).parents[1] / "data/work_division.yaml").read_text("utf-8"))
_LEADERS = (*lexicon().leader_heads, *_DATA["leaders_also"])


# Verbs of duties -> the relation they state: the schema's triggers of the assignment relationships
# (分管, 领导 -> 主持 …), then the variants work_division.yaml adds (增加分管 …; None: no fact)
_DUTY: dict[str, str | None] = {**{t: rel.zh for rel in SCHEMA.relationships.values()
                                   if rel.timeline == "assignment" for t in rel.triggers},
                                **_DATA["duty_verbs"]}
_CONTINUING = frames().continuing_titles  # a body's heads (副主任), kept once, in appointment.yaml
_GROUP_POSTS = frozenset(_DATA["government_party_posts"])  # 党组成员: the 党组 of the body before
# a government's titles written without its level ("专员" in a 行署's notice, "副主席" in a
# 自治区's), read against the document
_OWN_TITLES = frozenset(t for titles in lexicon().heads_alone.values() for t in titles)
_ASSIST: str = _DATA["assist_word"]
_ASSISTED = [v[len(_ASSIST):] for v in _DUTY if v.startswith(_ASSIST)]
_PART = re.compile(r"\{(@|lex\.)?([a-z_]+)\}")


def _forms() -> tuple[SimpleNamespace, list[tuple[str, str, re.Pattern[str]]]]:
    """work_division.yaml's `forms` (name -> regex) and `leader_lines` ([kind, check, regex]),
    their {parts} filled in: a form above, or a part built here from lists the lexicon does not
    hold as one; {@list}, {lex.list}: a word list of the file, of the lexicon."""
    lex = lexicon()
    src = {"cjk": CJK, "leader": alternation(_LEADERS), "own_titles": alternation([*_OWN_TITLES]),
           "party_titles": alternation([t for t, body in lex.implied_org.items()
                                        if t.startswith(body) and t != body]),
           "place_post": re.sub(r"\(\?P<\w+>", "(?:", place_post_pattern()),
           "heads": alternation(sorted(_CONTINUING)),
           "body_kinds": alternation([k for k, v in lex.task_force_kinds.items()
                                      if v not in ("办公室", "委员会")]),   # named by a specific kind
           # the duty verbs: "协助{any leader}{verb}", the plain ones, those after "由X" (not 主持)
           "assisting": alternation([*_LEADERS, *_OWN_TITLES]), "assisted": alternation(_ASSISTED),
           "plain_verbs": alternation([v for v in _DUTY if not v.startswith(_ASSIST)]),
           "by_verbs": alternation([v for v, r in _DUTY.items()
                                    if r and r != "主持" and not v.startswith(_ASSIST)])}

    def fill(form: str | list[str]) -> str:
        def one(m: re.Match[str]) -> str:
            if not m.group(1):
                return src[m.group(2)]
            words = getattr(lex, m.group(2)) if m.group(1) == "lex." else _DATA[m.group(2)]
            return alternation([words] if isinstance(words, str) else list(words))
        return _PART.sub(one, "".join(form))  # a long form may be a list of its parts
    for name, form in _DATA["forms"].items():
        src[name] = fill(form)
    return (SimpleNamespace(**{name: re.compile(src[name]) for name in _DATA["forms"]}),
            [(kind, check, re.compile(fill(form))) for kind, check, form in _DATA["leader_lines"]])


_F, _LEADER_LINES = _forms()
_PAST = tuple(_DATA["past_marks"])  # 原副市长: a past post is not encoded (SCHEMA §7)
_NOT_NAME_START = set(_DATA["not_names"]["first_chars"])
_NOT_NAMES = set(_DATA["not_names"]["words"])
_OBJECTS: dict[str, str] = dict(_DATA["objects"])
# a level's government or party committee (市委 in "市委常委、副市长：…") is never a name
_LEVEL_BODIES = frozenset(lexicon().implied_org.values())
# a word closing with a body's ending of two characters or more (政府, 委员会, 中心) is never a name
_BODY_ENDINGS = tuple(w for w in lexicon().org_suffixes if len(w) >= 2)


@dataclass
class _Reader(Emitter):
    """The Emitter of one document, with what its posts are read against: the issuing place
    (副镇长 -> 甲镇人民政府, 武装部长 -> 镇人民武装部), the body each leader's last post is in
    (主持全面工作 presides over it), and the body named last (a bare 副主任 after it is its)."""

    place: str | None = None
    bodies: dict[str, str] = field(default_factory=dict)
    last_body: tuple[str, tuple[int, int]] | None = None


def extract(doc: ParsedDocument) -> list[Assertion]:
    """The division of work a notice, list or report states, sentence by sentence."""
    em = _Reader(doc, "work_division", place=home_place(doc.info.issuer, doc.info.title)
                 or implied_level(doc.info.title, doc.norm.text))
    text = em.text
    sents = [m.span() for m in _F.sentence.finditer(text)]  # split at 。；！？ and line ends
    # a notice or list (leaders open lines): prose mentions are not read, unread lines are reported
    heads = [_line_leader(text, sa, sb, em.place) for sa, sb in sents]
    structured = any(h and _opens_line(text, sa) for h, (sa, sb) in zip(heads, sents))
    leader: str | None = None
    known: dict[str, str] = {}  # persons named with a title so far (normalised -> as written)
    if not structured and doc.info.number is None:  # a report names its leaders with their posts ("副区长A、B出席"), who act later ("A分管…")
        known.update({to_simplified(_squeeze(x.s)): x.s for x in mentions(doc) if x.rel == "任职"})
    named_alone = False  # the previous line was a name alone: this one opens with its posts
    read_to = 0  # a leader's name read with the posts line before it: its own line is done
    in_body = False  # in a section that sets up a coordinating body
    rows = _table(em)  # a 分工 table (姓名 | 职务 | 分工 | 联系村): its rows are read whole
    for (sa, sb), found in zip(sents, heads):
        if sb <= read_to or any(ra <= sa < rb for ra, rb in rows):
            continue
        sent = text[sa:sb]
        at = (sa, sb)
        body_from = 0
        # a numbered line naming a leader's title, no duty on it ("三、副县长王五同志负责…" is prose)
        if not found and _F.numbered_leader.match(sent) and _opens_line(text, sa) \
                and not _F.verb.search(sent):
            leader = None  # a new leader we cannot name: what follows is not the previous one's
            doc.source.warnings.append(
                f"{doc.info.source}:{doc.evidence(sa, sb)[3]}: 分工 leader line not understood: {sent.strip()[:60]}")
            continue
        if _opens_line(text, sa) and _F.number_at.match(sent):
            # "二、成立X领导小组": the body's section (the task force's), to the next heading
            in_body = bool(_F.body_heading.match(sent))
        if in_body:
            leader = None
            continue
        again = None if found else _F.named_again.match(sent)
        if again and _squeeze(again.group("name")) in known:
            # "王五同志：负责…" under a line that named 王五 with a title: the same leader again
            leader, body_from = known[_squeeze(again.group("name"))], again.end()
            named_alone = False
        elif found:
            kind, name_span, titles, body_from = found
            leader = em.surface(sa + name_span[0], sa + name_span[1])
            known[_squeeze(text[sa + name_span[0]:sa + name_span[1]])] = leader
            read_to = max(read_to, sa + name_span[1])
            _posts(em, leader, titles, at)
            named_alone = kind == "line" and not titles
            if kind == "line":
                continue
            body_from = _post_clauses(em, leader, sent, body_from, at)
        elif named_alone and leader is not None:
            named_alone = False
            posts = _F.posts_opening.match(sent)
            if posts and _all_posts(posts.group("posts")):
                _posts(em, leader, posts.group("posts"), at)
                body_from = _post_clauses(em, leader, sent, posts.end(), at)
        # in a notice, prose is read for leaders only where a numbered item opens with one ("六、市政府秘书长王五协助…")
        numbered = _opens_line(text, sa) and bool(_F.number_at.match(sent))
        prose = not structured or not found and numbered
        mentioned = _mentions(em, sa + body_from, sb, known) if prose else None
        by = _F.by_leader.search(sent)
        before = sent[:by.start()] if by else ""
        if by and any(_F.stand_in.search(before[x:y]) for x, y in split_list(before, "，,")):
            by = None  # "王五外出期间，其分管工作由李四代管": who stands in, no division of work
        if by and _name_ok(by.group("name")) and (by.group("title") or _person(by.group("name"))):
            who = em.surface(sa + by.start("name"), sa + by.end("name"))
            _posts(em, who, "、".join(t for t in by.group("title0", "title") if t), at)
            _backward_list(em, who, _DUTY[by.group("verb")] or "负责", sa + body_from, sa + by.start(), at)
            # in a notice the hand-over is a remark in the section of the one who lets go
            leader = leader if structured and leader else who
            # "改由李四分管A": A follows the verb; "A、B由李四负责，他还…": nothing does
            follows = re.match(rf"[{CJK}]", sent[by.end():by.end() + 1])
            _clauses(em, who, sa + (by.start("verb") if follows else by.end()), sb)
            for cm in _F.concurrent.finditer(sent[by.end():]):
                _posts(em, who, cm.group("post"), at)
            continue
        if mentioned:  # duties follow the one who acts; none when we cannot name them
            for (who, _, frm), (_, cut, _) in zip(mentioned, mentioned[1:]):  # "…，副主任李四分管…": each acts in turn
                if who:
                    _clauses(em, who, frm, cut)
            leader, body_from = mentioned[-1][0] or None, mentioned[-1][2] - sa
        if leader is None:
            continue
        before = len(em.out)
        for cm in _F.concurrent.finditer(sent, body_from):
            if _F.concurrent_own.search(sent, 0, cm.start()):  # "…，兼任…": the leader's; "王五兼任…": 王五's
                _posts(em, leader, cm.group("post"), at)
        read = _clauses(em, leader, sa + body_from, sb)
        rest = text[sa + body_from:sb].strip()
        if structured and not read and len(em.out) == before and rest and \
                not _F.no_duty.search(rest):
            doc.source.warnings.append(
                f"{doc.info.source}:{doc.evidence(sa, sb)[3]}: 分工 sentence not understood: {rest[:60]}")
    return em.out


_TABLE_DATA = _DATA["division_table"]
_TABLE_COLUMNS = {**{w: kind for kind, words in _TABLE_DATA.items() if kind != "objects"
                     for w in words},
                  **{w: rel for rel, words in _TABLE_DATA["objects"].items() for w in words}}


def _division_table(kinds: tuple[str, ...] | list[str]) -> bool:
    """A 分工 table: a name column, and duties or objects of a relation beside it."""
    return "name" in kinds and any(k in _DUTY.values() or k == "duties" for k in kinds)


def _table(em: _Reader) -> list[tuple[int, int]]:
    """The rows of 分工 tables (work_division.yaml division_table), each read whole: the name
    cell is the leader, the post cell their posts, the duties cell a clause of duties, and an
    object column's cell its relation's objects (联系村: 联系 each village). The spans read (a
    row whose cells are not in their columns' order, "副县长 | 王五", is left to the line reader)."""
    rows = table_rows(em.text, em.doc.blocks, _TABLE_COLUMNS, _division_table)
    return [row.span for row in rows if _table_row(em, row)]


def _table_row(em: _Reader, row: Row) -> bool:
    """One row of a 分工 table (see `_table`); False, nothing read, when its name cell reads
    as no name."""
    cell = {kind: span for kind, span in zip(row.kinds, row.cells)}
    name = _squeeze(em.text[slice(*cell["name"])])
    if not _name_ok(name):
        return False
    who = em.surface(*cell["name"])
    if "post" in cell:
        _posts(em, who, em.text[slice(*cell["post"])], row.span)
    for kind, (a, b) in cell.items():
        if kind != "duties" and kind not in _DUTY.values():
            continue
        for m in _F.sentence.finditer(em.text, a, b):  # as the lines of a notice are read
            part = m.group(0)
            if kind == "duties" or _verb(re.split(r"[，,]", part.strip())[0]):  # a part with its own verb
                _clauses(em, who, *m.span())
                continue
            for x, y in _items(part):  # a part without: its column's relation (联系村: each village)
                raw = part[x:y]
                item = _clean_item(raw, kind)
                if item is not None:
                    _emit_duty(em, kind, who, m.start() + x + max(raw.find(item), 0), item, row.span)
    return True


_DIVISION_TITLE = re.compile(_DATA["division_title"])


def extract_if_titled(doc: ParsedDocument) -> list[Assertion]:
    """A document of another type whose title, or the paragraph that opens its body, also
    states a division of its leaders' work ("甲乡调整领导班子成员分工 成立某工作领导小组";
    a meeting's news "…研究调整县政府领导班子成员工作分工等事项"): that division is read as well.
    Only the opening sentence: a division cited further on ("按照班子分工") states none."""
    body = doc.norm.text[doc.body_start - doc.start:][:400]
    lead = _squeeze(to_simplified((doc.info.title or "") + "\n" + body.split("。", 1)[0]))
    return extract(doc) if _DIVISION_TITLE.search(lead) else []


def _opens_line(text: str, sa: int) -> bool:
    """Whether offset `sa` opens a line."""
    return sa == 0 or text[sa - 1] == "\n"


def _next_line(text: str, end: int) -> tuple[int, int]:
    """The span of the line after the one ending at `end`, empty lines skipped."""
    a = end + 1
    while a < len(text) and text[a] == "\n":
        a += 1
    b = text.find("\n", a)
    return (a, len(text) if b < 0 else b) if a < len(text) else (a, a)


def _squeeze(text: str) -> str:
    """`text` without its spaces ("王 五" -> "王五")."""
    return "".join(text.split())


def _line_leader(text: str, sa: int, sb: int, place: str | None = None) -> tuple[str, tuple[int, int], str, int] | None:
    """The leader a sentence opens with, in one of the notice and list forms:
    (kind, name span, titles, where the duties begin), offsets relative to the sentence.
    kind "line": the line holds only the leader; "head": duties follow on it."""
    sent = text[sa:sb]
    line_start = _opens_line(text, sa)
    alone = sb >= len(text) or text[sb] == "\n"
    for kind, check, form in _LEADER_LINES if line_start else ():  # work_division.yaml leader_lines
        m = form.match(sent) if alone or kind == "row" else None
        got = _line_check(check, m, text, sa, sb, place) if m else None
        if got and kind == "line":
            return "line", got[0], got[1], len(sent)
        if got and _duty_follows(sent[m.end():]):
            return "head", got[0], got[1], m.end()
    h, got = _F.header.match(sent), None
    if line_start and h and h.group("sep") == "，":  # "二、党工委副书记，办事处主任 王五："
        wide = _F.comma_posts_header.match(sent)
        got = wide and _split_head(wide.group("head"), longest=_LONGEST_NAME, apart=True)
        h = wide if got else h
    if h and not got:
        # a comma closes clauses in prose too: there the name needs a family name we know, unless
        # the header opens its line ("二、副盟长巴图那森，负责…"), which sets the name apart
        comma = h.group("sep") == "，"
        longest = 4 if comma else _LONGEST_NAME
        got = _split_head(h.group("head"), strict=comma, longest=longest, apart=line_start)
    if not got or h.group("sep") == "，" and not _duty_follows(sent[h.end():]):
        return None
    titles, (x, y) = got
    return "head", (h.start("head") + x, h.start("head") + y), titles, h.end()


def _line_check(check: str, m: re.Match[str], text: str, sa: int, sb: int,
                place: str | None) -> tuple[tuple[int, int], str] | None:
    """A leader line's name span (in the sentence) and posts, when they read as its check says
    (work_division.yaml leader_lines); None when they do not."""
    name, title = _squeeze(m.groupdict().get("name") or ""), m.groupdict().get("title") or ""
    if check == "glued":  # "王五副省长（省委常委）", "王五同志（省政府秘书长）"
        return _glued(m)
    if check == "bare":  # the name alone: its posts open the next line ("常务副省长，负责…")
        a, b = _next_line(text, sb)
        posts = _F.posts_opening.match(text[a:b])
        read = _person(name) and posts and _all_posts(posts.group("posts"))
        return (m.span("name"), "") if read else None
    if check == "duties_below":  # "一、王五同志" alone: its duties open the next line
        a, b = _next_line(text, sb)
        s = _F.sentence.match(text, a, b)
        first = (s.group(0) if s else "").split("，", 1)[0].strip()
        return (m.span("name"), "") if _name_ok(name) and _verb(first) else None
    if check == "next_name":  # the posts alone: the name alone on the next line
        a, b = _next_line(text, sb)
        lone = _F.lone_name.match(text, a, b)
        if not (_all_posts(title) and _leads(_squeeze(title)) and lone and lone.end() == b):
            return None
        return ((lone.start("name") - sa, lone.end("name") - sa), title) \
            if _name_ok(_squeeze(lone.group("name"))) else None
    if not _name_ok(name, apart=True) or check == "own" and not _own_posts(title, place) \
            or check == "honored" and _F.any_title.search(name) \
            or check == "posts" and not parse_posts(_squeeze(title)) \
            or check == "row_posts" and (not (_all_posts(title) and _leads(title))
                                         or _F.any_title.search(name)) \
            or check == "numbered" and not _all_posts(title, lexicon().is_title):  # 党委副书记、镇长
        return None
    return m.span("name"), _placed_posts(title) if check == "numbered" else title


def _glued(m: re.Match[str]) -> tuple[tuple[int, int], str] | None:
    """A leader line's name with its titles glued on ("王五常务副州长"), or with 同志 only,
    and posts noted after it ("（州委常委、州政府党组成员）"): the name's span and all posts,
    when the titles or the note name a leader and every post reads."""
    head, note = m.group("head"), _squeeze(m.group("title") or "")
    if note and not _all_posts(note):
        return None
    bare = _squeeze(head)
    honorific = _DATA["honorific"]
    if bare.endswith(honorific) and _person(bare[:-len(honorific)]) and _leads(note):
        end = head.rfind(honorific[0])
        return (m.start("head"), m.start("head") + len(head[:end].rstrip())), note
    got = _split_head(head, longest=4, apart=True) or _long_name_first(head)
    if not got:
        return None
    (x, y), titles = got[1], got[0]
    return (m.start("head") + x, m.start("head") + y), "、".join(t for t in (titles, note) if t)


def _long_name_first(head: str) -> tuple[str, tuple[int, int]] | None:
    """"阿依努尔·吐尔逊副州长", "阿不都热依木副旗长": a name longer than a family name and
    three characters, its titles glued on; the shortest name after which all reads as posts."""
    h = _squeeze(head)
    where = [i for i, c in enumerate(head) if not c.isspace()]
    for n in range(5 if "·" not in h else h.index("·") + 3, min(len(h) - 1, _LONGEST_NAME + 1)):
        rest = h[n:]
        if _name_ok(h[:n]) and _all_posts(rest) and _leads(rest) and not _one_char_place(rest):
            return rest, (where[0], where[n - 1] + 1)
    return None


def _placed_posts(titles: str) -> str:
    """The posts whose body names its level ("镇长" -> 镇政府); a bare body ("武装部长") is the
    issuing place's, which the line does not say, so it is left out rather than misnamed."""
    levels = tuple(lexicon().levels)
    keep = [t for a, b in split_list(titles, "、") if (t := titles[a:b])
            and (is_place_post(t) or t in _OWN_TITLES
                 or all(p.org and p.org.startswith(levels) for p in parse_posts(t)))]
    return "、".join(keep)


def _duty_follows(rest: str) -> bool:
    """After "Name Title，": duties or further posts, not a sentence about something else."""
    first = rest[slice(*items[0])] if (items := split_list(rest, "，")) else ""
    return bool(_verb(first)) or bool(_F.concurrent.match(first)) or _all_posts(first)


def _post_clauses(em: Emitter, who: str, sent: str, start: int, at: tuple[int, int]) -> int:
    """Posts listed after the header before the duties ("…党组成员，省河湖治理领导小组副组长，
    分管…"): each is a 任职 (or a 成员 of a coordinating body); returns where duties begin."""
    pos = start
    while pos < len(sent):
        clause = sent[pos:].split("，", 1)[0]
        if not clause.strip() or _verb(clause.strip()) or not _all_posts(clause):
            break
        _posts(em, who, clause, at)
        pos += len(clause) + 1
    return pos


def _all_posts(text: str, also: Callable[[str], bool] | None = None, seps: str = "、") -> bool:
    """Whether `text` is nothing but posts ("省政府党组副书记", "副省长兼任省司法厅厅长"), or
    items `also` accepts (a title, for posts relative to the issuing body)."""
    t = _without_note(_squeeze(text))
    return bool(t) and len(t) <= 40 and \
        all(_is_post(t[a:b]) or also is not None and also(t[a:b]) for a, b in split_list(t, seps))


def _without_note(titles: str) -> str:
    """Posts without a note after them: "副乡长（挂职）" -> "副乡长" (a note on the person), and
    "副市长（兼市公安局局长）" -> "副市长、市公安局局长" (a post held with them)."""
    note = _F.trailing_note.search(titles)
    if note is None:
        return titles
    also = lexicon().concurrent_note(note.group(0)[1:-1])
    return titles[:note.start()] + (f"、{also}" if also else "")


def _is_post(item: str) -> bool:
    """A post we read: one that names or implies its body, one written without its place
    ("人大主席"), or a role in a coordinating body."""
    return bool(parse_posts(item)) or is_place_post(item) or _membership(item) is not None


def _membership(post: str) -> tuple[str, str] | None:
    """"省河湖治理领导小组副组长" -> (the body, the role) when the body is a coordinating one."""
    role = next((r for r in _ROLES if post.endswith(r) and len(post) > len(r) + 2
                 and _coordinating(post[:-len(r)])), None)
    return (post[:-len(role)], role) if role else None


_ROLES = sorted(lexicon().member_roles, key=len, reverse=True)
_GENERIC_KINDS = tuple(_DATA["generic_body_kinds"])


def _coordinating(body: str) -> bool:
    """A coordinating body: named by its kind (领导小组, 工作专班 …); a generic kind (办公室)
    only as such a body's own (领导小组办公室), not a government's (区政府办公室); a level's own
    body (街道党工委, whose 工委 a coordinating body's name may end with too) never."""
    if body in _LEVEL_BODIES:
        return False
    kind = lexicon().task_force_kind(body)
    word = next((w for w in _GENERIC_KINDS if body.endswith(w)), None) if kind else None
    if word is None:
        return bool(kind)
    return len(body) > len(word) and _coordinating(body[:-len(word)])


def _split_head(head: str, strict: bool = False, longest: int = 4,
                apart: bool = False) -> tuple[str, tuple[int, int]] | None:
    """A header's posts and its name's span in `head`: "市委常委、副市长李大明" -> ("市委常委、副市长",
    (8, 11)); "王大明市长" -> ("市长", (0, 3)).

    `strict` (headers closed by a comma, which prose has too): the name must open with a
    family name. `longest`: the longest name read after the titles (a colon sets a long one
    apart, "副盟长苏日那巴特尔："; a comma may close longer phrases). `apart`: the header opens
    its line, so a name after the titles needs no known family name ("二、副盟长巴图那森，")."""
    h = _squeeze(head)
    if not _F.any_title.search(h):
        return None  # most sentences: no title at all
    where = [i for i, c in enumerate(head) if not c.isspace()]  # h's characters in head
    honorific = _DATA["honorific"]
    # "王五同志（挂职）": a note on the person closes the name (the name span keeps it)
    note = _F.note_end.search(h)
    note_len = len(note.group(0)) if note and note.start() >= 2 and lexicon().is_name_note(note.group(1)) else 0
    more = lexicon().concurrent_note(note.group(1)) if note_len else None  # "（兼地区经委主任）": one more post
    more = "、" + more if more and _all_posts(more) else ""
    h = h[:len(h) - note_len]
    tongzhi = honorific if h.endswith(honorific) and len(h) > len(honorific) + 2 else ""
    core = h[:len(h) - len(tongzhi)]
    for n in (2, 3, 4):  # name first: "王大明市长", "王大明（市长）", "李四省政府党组成员"
        name, rest = core[:n], _F.trailing_note.sub("", re.sub(r"^[（(](.*)[）)]$", r"\1", core[n:]))
        if rest and _name_ok(name) and (not strict or _person(name)) and _all_posts(rest) and \
                (strict or _leads(rest)) and not _one_char_place(rest):
            titles = re.sub(r"[（()）]", "", _F.trailing_note.sub("", _squeeze(head)[n:]))
            return titles, (where[0], where[n - 1] + 1)
    # title first: names without a family name we know run longer ("副盟长苏和巴特尔"); the
    # titles before them must read whole, so the shortest name that leaves them is the one
    for n in range(2, longest + 1):
        if len(core) <= n + 1:
            continue
        titles, name = _F.current.sub("", core[:-n]), core[-n:]  # "新任副盟长宝音": the post is 副盟长
        # "副专员向秋萍同志": 同志 sets a name apart, so one opening with a family name that is also a word (向) is read
        if not (_name_ok(name) or (tongzhi and lexicon().has_surname(name) and not lexicon().is_title(name))) \
                or (strict and not apart and not _person(name)):
            continue
        items = split_list(titles, "、，")  # every item a post, none parted inside brackets
        whole = sum(b - a for a, b in items) + titles.count("、") + titles.count("，") == len(titles)
        if whole and _all_posts(titles) and _leads(titles) and _all_posts(titles, seps="、，"):
            return titles + more, (where[-(n + len(tongzhi) + note_len)], len(head))
    return None


_LONGEST_NAME = 8  # a transliterated name, family name not listed ("阿不都热依木")


def _own_posts(titles: str, place: str | None) -> bool:
    """"副主席、自治区公安厅厅长" in a 自治区's notice: posts we read, one of them a head's title
    read against the document."""
    items = [titles[x:y] for x, y in split_list(titles, "、，,")]
    return any(own_head(t, place) for t in items) and all(own_head(t, place) or _is_post(t) for t in items)


def _leads(titles: str) -> bool:
    """Whether a header's titles name a leader: the last one does ("市委常委、副市长"), or
    one of them ends in a leader's title ("副县长、县公安局局长": a leader also heading a body;
    "市政府副市长、党组成员")."""
    return bool(_F.head_title_end.search(titles)) or \
        any(_F.leader_item.search(titles[a:b]) or is_place_post(titles[a:b])
            or titles[a:b] in _OWN_TITLES
            or _F.gov_party.fullmatch(titles[a:b]) for a, b in split_list(titles, "、，"))


def _one_char_place(posts: str) -> bool:
    """"乐省政府党组成员": an organisation named after a one-character place is no
    organisation; that character ends the name before it (王五乐)."""
    read = parse_posts(posts)
    if not read:  # posts _leads accepted but the post grammar reads none of: no org to check
        return False
    first = read[0]
    return first.org_span is not None and bool(_F.one_char_place.match(first.org))


def _name_ok(name: str, apart: bool = False) -> bool:
    """Not a word we know in a name's place: a title, a verb's opener ("副省长分别分管").
    `apart`: the line sets the name apart ("二、向红梅 常务副州长"), so a family name that is
    also a word (向, 位) may open it."""
    opens = name[:1] not in _NOT_NAME_START or apart and lexicon().has_surname(name)
    return bool(name) and opens \
        and name not in _NOT_NAMES \
        and name not in _LEVEL_BODIES and not name.startswith(tuple(_NOT_NAMES)) \
        and bool(_F.person_name.fullmatch(name)) \
        and not lexicon().is_title(name) \
        and not _F.openers.fullmatch(name)


def _person(name: str) -> bool:
    """A person's name in running text: not a word we know, and opening with a family name."""
    return _name_ok(name) and lexicon().has_surname(name)


def _posts(em: _Reader, who: str, titles: str, at: tuple[int, int]) -> None:
    """A 任职 for each post in `titles` (or a 成员 of a coordinating body), read against the
    document: a government of its own level named in full, a post written without its place
    at that place, a bare 副主任 at the body named just before in the sentence."""
    compact = _without_note(_squeeze(titles))
    prev: str | None = None  # the body of the post before: a 党组 post after it is its ("副市长、党组成员")
    for a, b in split_list(compact, "、，,"):
        item = compact[a:b]
        # a coordinating body's role, before any post reading; a post without its place (党工委委员) is none
        member = None if is_place_post(item) else _membership(item)
        if member:
            em.emit("成员", who, "Person", member[0], "TaskForce", at, role=member[1])
            continue
        # "副主席" in a 自治区's notice: its government's; 党委书记, 武装部长: the home place's bodies
        placed = is_place_post(item)
        gov = own_head(item, em.place) or (place_post(item, em.place) if placed else None)
        held = [(gov, item)] if gov or placed else []
        for post in [] if held else parse_posts(item):
            org = post.org
            if org is None and post.title in _CONTINUING and em.last_body and em.last_body[1] == at:
                org = em.last_body[0]
            elif org is None and post.title in _GROUP_POSTS:
                org = prev
            if org and post.org_span is not None:
                em.last_body = (org, at)
            held.append((org and home_government(org, em.place), post.title))  # as em names it
        for org, position in held:
            prev = org or prev
            if org:
                em.emit("任职", who, "Person", org, "Organization", at, position=position)
                em.bodies[who] = org  # 主持全面工作 presides over it


def _compact(text: str) -> tuple[str, list[int]]:
    """`text` without spaces ("副 县 长 王 五"), and where each of its characters (and its end) is in `text`."""
    spaced = _SPACE.search(text)  # most sentences have none
    where = [i for i, c in enumerate(text) if not c.isspace()] if spaced else list(range(len(text)))
    return _squeeze(text), where + [len(text)]


_SPACE = re.compile(r"\s")


def _mentions(em: _Reader, a: int, b: int, known: dict[str, str]) -> list[tuple[str, int, int]] | None:
    """Leaders named in prose ("孙七副区长则负责", "市长周八主持", "吴九作为常务副县长，",
    "升任副州长的李四，"), names listed before one title ("王五、李四两位副州长"), and
    persons named before who act again ("李四负责…"). Each named with a title holds it
    (not a past one, 原副市长); each who acts leads what follows up to the next one's clause:
    (who, where their clause begins, where their duties begin), in order. Spaces inside
    titles and names are read through ("副 县 长 王 五")."""
    text, where = _compact(em.text[a:b])

    def surface(x: int, y: int) -> str:
        return em.surface(a + where[x], a + where[y - 1] + 1)
    acting: list[tuple[int, str, int]] = []  # (where named, who, where the duties begin)
    titled = bool(_F.has_title.search(text))  # most sentences name no leader: skip the costly forms
    for m in _F.name_list.finditer(text) if titled else ():
        names = _listed_names(m.group("names"))
        if not names:
            continue
        pos = m.end("names") - sum(len(n) + 1 for n in names) + 1
        for n in names:
            who = surface(pos, pos + len(n))
            if not _past(text, m.start("title")):
                _posts(em, who, m.group("title"), (a, b))
            known[n] = who
            pos += len(n) + 1
    for m in _F.title_tongzhi.finditer(text) if titled else ():  # "因县长王五同志外出": a post only
        name = m.group("name")
        if _person(name):
            known[name] = who = surface(m.start("name"), m.end("name"))
            _posts(em, who, m.group("title"), (a, b))
    forms = (_F.name_before, _F.title_before, _F.title_of) if titled else ()
    found = [m for form in forms for m in form.finditer(text)]
    if _F.has_own_title.search(text):  # "副主席王五负责…": only where the place's level writes it
        found += [m for m in _F.own_title_before.finditer(text) if own_head(m.group("title"), em.place)]
    for m in found:
        name, na, title = m.group("name"), m.start("name"), m.group("title")
        if m.re is _F.name_before:
            if name.endswith("副"):
                name, title = name[:-1], "副" + title
            if name.endswith(_BODY_ENDINGS):
                continue  # "市政府秘书长王五": a body before the title, not a name
            if len(name) == 3 and not (_F.left_edge.search(text[:na]) and _name_ok(name)):
                name, na = name[1:], na + 1
            # a name stands apart from the words before it, or follows a post ("省委常委王五出任
            # 常务副省长"); "升任某省副省长" is no person
            prior = _F.title_end.search(text, max(0, na - 24), na)
            if not (_F.left_edge.search(text[:na]) or prior and _person(name)) or \
                    text[na - 1:na] == "由" or \
                    not _F.acts.match(text, m.end()):
                continue
            if prior and not _past(text, prior.start()):
                _posts(em, surface(na, na + len(name)), prior.group(0), (a, b))
        elif not _person(name) and not (m.re is not _F.name_before and _named_apart(text, m)):
            if _name_ok(name):
                acting.append((na, "", m.end()))  # someone acts whom we cannot name
            continue
        if not _name_ok(name) or len(name) < 2:
            continue
        who = surface(na, na + len(name))
        if not _past(text, m.start("title")):
            if m.re is not _F.name_before and m.re is not _F.title_of:
                posts, body = _posts_before(text, m.start())
                _posts(em, who, posts, (a, b))
                title = body + title
            _posts(em, who, title, (a, b))
        known[name] = who
        acting.append((na, who, m.end()))
    for name, who in known.items():  # "李四负责…", "李四则分管…"
        k = text.find(name)
        if k >= 0 and _F.acts.match(text, k + len(name)) and _F.left_edge.search(text[:k]):
            acting.append((k, who, k + len(name)))
    chosen: list[tuple[str, int, int]] = []
    done = 0  # where the last chosen one's duties begin (compact text)
    for na, who, end in sorted(acting, key=lambda x: (x[0], -x[2])):  # the first named; with its title
        if chosen and na < done:
            continue
        cut = max(text.rfind("，", 0, na) + 1, text.rfind(",", 0, na) + 1, done)
        chosen.append((who, a + where[cut], a + where[end]))
        done = end
    return chosen or None


def _posts_before(text: str, at: int) -> tuple[str, str]:
    """What stands before a title in prose, back to the clause's start: posts listed before it
    ("省公安厅厅长、副省长王五", when all read as posts) and the body the title heads
    ("区政府办公室主任王五": the body opening with a level, the clause's first words
    otherwise). ("", "") when nothing reads."""
    m = _F.lead_in.search(text, max(0, at - 42), at)
    if not m or _past(text, m.start("lead")):
        return "", ""
    lead = m.group("lead")
    posts, _, last = lead.rpartition("、")
    body = ""
    if last:
        starts = [k.start() for k in _F.level_at.finditer(last)] or [0]
        body = next((last[k:] for k in starts if lexicon().is_org(last[k:])), "")
        if not body:
            return "", ""
    return (posts if posts and _all_posts(posts) else ""), body


def _named_apart(text: str, m: re.Match[str]) -> bool:
    """A title opening its clause, then a name without a family name we know, is a name when a
    comma closes it before duties ("副盟长宝力德，分管…") or a duty verb follows it at once, no
    word between ("旗委副书记、旗长乌力吉图主持…")."""
    name = m.group("name")
    if not (_F.left_edge.search(text[:m.start()]) and _name_ok(name)):
        return False
    if text.startswith("，", m.end("name")):
        return bool(_verb(text[m.end("name") + 1:].split("，")[0]))
    return not lexicon().is_org(name) and bool(_F.verb.match(text, m.end()))


def _listed_names(listed: str) -> list[str] | None:
    """"随着王五、李四" -> [王五, 李四]: the first name is the longest tail that reads as one."""
    names = listed.split("、")
    first = next((names[0][-k:] for k in (3, 2) if len(names[0]) >= k and _person(names[0][-k:])),
                 None)
    return [first, *names[1:]] if first and all(_person(n) for n in names[1:]) else None


def _past(text: str, title_at: int) -> bool:
    """"原副市长": the title is a past post."""
    return text[max(0, title_at - 1):title_at] in _PAST


def _items(seg: str) -> list[tuple[int, int]]:
    """List items of one clause (split_list, then "A及B" where A is a body), with a clause's
    opening "以及" and the categories after 等 dropped ("等部门")."""
    off = m.end() if (m := _F.continues.match(seg)) else 0
    cut = _F.etc_tail.search(seg, off)
    core = seg[off:cut.start() if cut else len(seg)]
    return [(off + x + px, off + x + py)
            for x, y in split_list(core, "、，,") for px, py in _split_and(core[x:y])]


def _split_and(piece: str) -> list[tuple[int, int]]:
    """Split "A及B" / "A和B" where A is a body ("县政府办公室和统计"); names that hold the
    word (市发展和改革委员会, 住房和城乡建设) stay whole, as their left part is no body."""
    for m in _F.and_word.finditer(piece):
        if lexicon().is_org(strip_alias(piece[:m.start()])[0]) and len(piece) - m.end() >= 2:
            rest = _split_and(piece[m.end():])
            return [(0, m.start())] + [(m.end() + x, m.end() + y) for x, y in rest]
    return [(0, len(piece))]


def _clean_item(item: str, rel: str) -> str | None:
    """The object an item names, its trailing "(等方面的)工作" dropped; None for a category of
    bodies or a word that refers back."""
    if _F.back_reference.match(item.strip()):
        return None  # "该局改由王五分管": the body named before, read there
    areas = _OBJECTS.get(rel) != "Organization"  # 负责, 分管: a field of work may be named
    field = areas and bool(_F.kind_field.fullmatch(item.strip()))
    if is_category(item.strip()) and not field:
        return None  # a category of bodies; but "负责乡镇企业" names a field of work by a kind of body
    item = _F.item_opener.sub("", item).strip()
    kind = _F.work_kind.search(item)
    if kind and rel == "负责" and lexicon().is_org(item[:kind.start()]):
        item = item[kind.start():]  # "市人民政府常务工作": the area 常务工作 (SCHEMA §3)
    elif not kind:  # "审计工作" is the area 审计; "常务工作" is an area of its own
        item = _F.work_tail.sub("", item)
    if rel == "主持":
        item = _F.preside_tail.sub("", item)
    field = field or areas and bool(_F.kind_field.fullmatch(item))  # "乡镇企业工作"
    if not item or len(item) < 2 or is_category(item) and not field:
        return None
    return item


def _verb(clause: str) -> tuple[re.Match[str], str | None] | None:
    """The duty verb opening a clause and its relation (None: a verb that states no duty)."""
    v = _F.verb.search(clause)
    if v is None or not _F.openers.fullmatch(clause[:v.start()]):
        return None  # "各部门负责落实": the verb is another subject's
    word = v.group(0)
    if word.startswith(_ASSIST):
        word = _ASSIST + next(t for t in sorted(_ASSISTED, key=len, reverse=True) if word.endswith(t))
    rel = _DUTY[word]
    if rel == "主持" and not _F.work_end.search(clause):
        return None  # 主持会议, 领导小组: presiding over work only
    if _F.person_verb.match(clause[v.start():v.end() + 3]) or \
            _F.attributive.match(clause[v.end():]) or _F.verb_noun.match(clause, v.end()):
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
        if _F.stand_in.search(clause):
            return True  # who stands in for whom: read, and no division of work
        got = _verb(clause)
        if not got and ca == 0 and len(clause.strip()) >= 3 and not _F.continues.match(clause) \
                and not _F.openers.fullmatch(clause):
            return read  # "领导小组下设办公室，负责…": the sentence is another subject's
        if got:
            v, rel = got
            seg_a = ca + v.end()
            if rel is None:
                read = True
                if v.group(0) in _RELEASES:  # 不再分管A: the end of the leader's 分管 of A
                    _released(em, leader, v.group(0), a + seg_a, sent[seg_a:cb], (a, b))
                continue  # 协助市长负责…, 不再分管…: read, but no duty of this leader
        elif _F.openers.fullmatch(clause):
            continue  # "…等工作，同时，他还分管…": a connective alone is no item
        elif rel and not _F.stop.match(clause) and not _F.verb.search(clause) \
                and not _F.concurrent.search(clause):  # "…，兼任县国资办主任": a post, no item
            seg_a = ca
        else:
            rel = None
            continue
        seg = sent[seg_a:cb]
        if rel in ("协助联系", "负责") and _F.task_opener.match(seg):
            continue  # "负责处理日常事务": a task, no area of work
        for x, y in _items(seg):
            raw = seg[x:y]
            item = _clean_item(raw, rel)
            presides = rel == "主持" and isinstance(em, _Reader) and _F.own_work.fullmatch(raw)
            own = em.bodies.get(leader) if presides else None
            if own:  # "主持全面工作": the body of the leader's post (镇长: the town's government)
                em.emit(rel, leader, "Person", own, "Organization", (a, b))
            if item is None:
                continue
            body = em.bodies.get(leader, "") if rel == "主持" and isinstance(em, _Reader) else ""
            if len(item) > 2 and body.endswith(item) and body != item:
                # "主持办事处全面工作" by the 街道办事处's 主任: the leader's own body, named short
                em.emit(rel, leader, "Person", body, "Organization", (a, b))
                continue
            start = a + seg_a + x + max(raw.find(item), 0)
            _emit_duty(em, rel, leader, start, item, (a, b))
    return read


_RELEASES: dict[str, str] = _DATA["release_verbs"]


def _released(em: Emitter, who: str, verb: str, start: int, seg: str, at: tuple[int, int]) -> None:
    """"不再分管A、B": each item as the end of the leader's duty (rel the release verb, the type
    of the duty it ends), read as that duty's objects are."""
    duty = _RELEASES[verb]
    for x, y in _items(seg):
        raw = seg[x:y]
        item = _clean_item(raw, duty)
        if item is not None:
            _emit_duty(em, duty, who, start + x + max(raw.find(item), 0), item, at, ended_by=verb)


def _emit_duty(em: Emitter, rel: str, who: str, start: int, item: str, at: tuple[int, int],
               ended_by: str | None = None) -> None:
    """One duty; its object is a body or an area as the relation's data says, and for
    分管 as the item reads (分管市财政局, 分管安全生产). `ended_by`: the verb that ends it
    (不再分管), the assertion's term, the duty's relationship its type."""
    name = em.surface(start, start + len(item))
    kind = _OBJECTS.get(rel)
    term, rtype = (ended_by, SCHEMA.rel_by_zh(rel).name) if ended_by else (rel, None)
    if kind == "Area":
        em.emit(term, who, "Person", name, "Area", at, rtype=rtype)
        return
    first = strip_alias(item)[0]  # "市发改委（市物价局）": the body's first name, read in simplified text
    if first != item:
        name = em.surface(start, start + len(first))
    is_body = kind == "Organization" or lexicon().is_org(first)
    em.emit(term, who, "Person", name, "Organization" if is_body else "Area", at, rtype=rtype)


def _backward_list(em: Emitter, who: str, rel: str, a: int, b: int, at: tuple[int, int]) -> None:
    """"A、B等工作，统一由X负责": the objects come before the leader."""
    text = em.text[a:b]
    for ca, cb in split_list(text, "，,"):
        clause = text[ca:cb]
        held = _F.verb.search(clause)
        if held and clause.startswith("的", held.end()):  # "原由王五分管的A": A changes hands
            ca, clause = ca + held.end() + 1, clause[held.end() + 1:]
        # "王五不再分管A，改由李四分管": A changes hands
        elif held and held.group(0).startswith(_DATA["release_word"]):
            ca, clause = ca + held.end(), clause[held.end():]
        elif _F.stop.match(clause) or held and not _F.continues.match(clause) or \
                _F.time_clause.match(clause):
            continue
        for x, y in _items(clause):
            raw = clause[x:y]
            item = _clean_item(_F.by_prefix_end.sub("", raw), rel)
            if item is None:
                continue
            _emit_duty(em, rel, who, a + ca + x, item, at)
