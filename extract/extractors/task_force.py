"""Coordinating bodies: 领导小组, 工作专班, 联席会议, 协调机制, 指挥部, 委员会 and their subgroups.

Finds the body a notice sets up (from its title, a set-up sentence, or a title that is the
body's name), its member list in all the real forms ("组 长：钱 中 副市长", "组长：张三
（市政府副市长）", "张三 市政府副秘书长、市发展改革委主任", glued "张三市政府副市长",
"主 任 委 员:", bullets, broken lines, lines that inherit the role above, members named
only by role, lines of units), members stated in prose ("组长由X担任", "由X兼任办公室主任",
"副组长2人，分别是：…", "以A为组长…的", "组长、副组长分别由A、B担任", "X现任副组长",
"办公室副主任由A、B分管负责同志担任": one per unit), its office (办公室设在, 下设办公室),
subgroups (下设, "分别由X、Y牵头") with their 组长单位 and member units, 成员单位 lists and 牵头.
A title may name two bodies ("关于成立A和B的通知"); a body set up inside any other document
(a task list, a plan: "成立某某领导小组，由A任组长…") is read in the paragraph that sets it up.

The sentences that state a relationship (由A牵头, A、B为成员单位, 办公室设在Y, 下设…, 组长由X
担任, X任组长, 成员为A，B …) are frames in extract/data/frames.yaml, each naming its schema
type, read by extract/frames.py; this module applies their matches (a list of units, the
holders of a role, a short body name resolved to the full one) and reads the layouts (member
lists, headings, duties sections). Member roles and body kinds are in lexicon.yaml, verbs and
linking words in task_force.yaml.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import yaml

from extract.blocks import Block, bracket_groups, mark_at, split_cells, table_rows
from extract.document import ParsedDocument
from extract.frames import FrameMatch, frame, frames, matches
from extract.extractors.base import Emitter, clean_name, is_category, sentence_bounds, strip_alias
from extract.lexicon import CJK, OFFICE, alternation, lexicon
from extract.posts import Post, home_place, parse_posts, split_list
from extract.text import to_simplified
from graph.records import Assertion

__all__ = ["extract", "extract_mentions", "main_body_name"]


_alt = alternation


_EVIDENCE_MAX = 300   # characters either side: a sentence of a text without stops is not a whole document


def _sentence(text: str, pos: int) -> tuple[int, int]:
    """The sentence around `pos`, as evidence, within the window."""
    return sentence_bounds(text, pos, _EVIDENCE_MAX)


_GROUP_WORDS = f"(?:{_alt(lexicon().group_words)})"


# The sentences of extract/data/task_force.yaml, built into regexes once.
_RAW = yaml.safe_load((Path(__file__).parents[1] / "data" / "task_force.yaml").read_text("utf-8"))
_ROLES = _alt(lexicon().member_roles)   # alternation: member roles
_SETUP, _TAILS = _alt(_RAW["setup_verbs"]), _alt(_RAW["name_tails"])
_CHAIN_LEADS, _CHAIN_ENDS = f"(?:{_alt(_RAW['chain_leads'])})", f"(?:{_alt(_RAW['chain_ends'])})"
_SET_UP_TAIL = (rf"(?P<name>(?:{_CHAIN_LEADS}[^。；！？\n]{{4,200}}?{_CHAIN_ENDS})?"
                rf"[^，。；、（(《》：\n]{{2,60}}?(?:{_GROUP_WORDS}))(?:{_TAILS})?(?=[（(，。；、\s]|的|$)")
_TITLE_GROUP = re.compile(   # 关于成立<name>的通知; 关于调整<name>组成人员及<another item>的通知
    rf"关于(?:{_SETUP}|{_alt(_RAW['change_verbs'])})(?P<name>.+?(?:{_GROUP_WORDS}))(?:{_TAILS})?"
    rf"(?:(?:{_alt(_RAW['and_words'])})[^，。的]{{1,16}})?(?:的)?(?:{_alt(_RAW['title_kinds'])})")
_SET_UP_NAME = rf"(?:{_SETUP}){_SET_UP_TAIL}"
_BODY_SETUP = re.compile(   # 决定成立<name>; 会议决定调整<name>组成人员 (a body changed is named too)
    rf"(?:{_alt(_RAW['setup_leads'])})[，\s]?"
    rf"(?:{_SETUP}|{_alt(_RAW['change_verbs'])}){_SET_UP_TAIL}")
_BODY_SETUP_BARE = re.compile(_SET_UP_NAME)   # 成立<name>
_TITLE_NAME = re.compile(   # a title that is the body's name: 附件1：<name>制度
    rf"^(?:(?:{_alt(_RAW['attachment_marks'])})[\d一二三四五六七八九十]*[：:]?)?"
    rf"(?P<name>[^，。；：]{{2,60}}?(?:{_GROUP_WORDS}))(?:{_TAILS})?$")
_SETUP_VERBS = re.compile(_SETUP)
_IS_WORDS = _alt(_RAW["is_words"])   # "X为组长"
_CHAIN = re.compile(   # 以<A为组长，B为副组长>的
    rf"{_CHAIN_LEADS}(?P<chain>[^。；！？\n]{{4,200}}?(?:{_IS_WORDS})(?:{_ROLES})){_CHAIN_ENDS}")
_UNIT_TAIL = re.compile(   # …分管负责同志 (after a unit)
    rf"(?:等)?(?:相关|有关)?(?:{_alt(_RAW['unit_words'])})?(?:{_alt(_RAW['unit_person_tails'])})$")
_HONORIFIC = _RAW["honorific"]   # 同志 after a name, no part of it
_ROLE_PERSON = re.compile(_alt(_RAW["role_person_marks"]))   # marks of a person named by role
_BODY_HEADING = re.compile(   # a heading naming a body or its office: 二、领导小组办公室
    rf"(?:{_SETUP})?(?P<name>[^，。；：]{{0,40}}?(?:{_GROUP_WORDS}|{_alt(_RAW['subgroup_endings'])}))?"
    rf"(?P<office>办公室)?(?:{_alt(_RAW['heading_tails'])})?")
# 成员单位, "领导小组成员单位为" (the key of "…为：A、B")
_UNIT_HEADING = re.compile(rf"(?:[^，。；：]{{0,20}})(?:{_alt(_RAW['unit_headings'])})(?:{_IS_WORDS})?")
_NOT_PERSON = re.compile(_alt(_RAW["not_person_words"]))   # "各成员单位有关负责同志": no member
_SUCCEEDS = re.compile(_alt(_RAW["successor_verbs"]))   # "X接替Y": who follows whom
_HELD_BY = re.compile(rf"由.+(?:{_alt(_RAW['hold_verbs'])})$")   # "办公室主任由王五同志兼任"


_NAME_TOKEN = re.compile(rf"^[{CJK}·•]+$")
_POST_START = re.compile(rf"^(?:{_alt(_RAW['post_openings'])}"
                         rf"|[{CJK}]{{2,6}}(?:{_alt(_RAW['post_opening_units'])}))")


@dataclass
class Member:
    name: str
    span: tuple[int, int]          # of the name, normalised
    posts: list[Post]
    post_text: str
    line_span: tuple[int, int]
    role: str
    unnamed: bool = False


@dataclass
class _State:
    group: str
    group_kind: str | None
    members: list[Member] = field(default_factory=list)
    current: str | None = None     # a list under a heading naming another body (a subgroup)
    office: bool = False           # a list under the body's office heading: 主任 is 办公室主任
    subgroup_lines: list[tuple[int, int]] = field(default_factory=list)   # lines a subgroup's own

    @property
    def body(self) -> tuple[str, str | None]:
        """The body members read now belong to, and its kind."""
        if self.current:
            return self.current, lexicon().task_force_kind(to_simplified(self.current)) or "工作组"
        return self.group, self.group_kind


def main_body_name(doc: ParsedDocument) -> tuple[str, str | None] | None:
    """The coordinating body a notice is about: (name in the source's script, kind).

    In order: a title "关于成立X的通知"; a set-up sentence of the text ("决定成立X",
    "经市政府同意，建立X制度", also when it is an attachment's); a title that is the
    body's own name ("附件1：X联席会议制度")."""
    title = doc.info.title or ""
    simp = to_simplified(title)
    m = _TITLE_GROUP.search(simp)
    if m:
        a = m.start("name")
        verbs = list(_SETUP_VERBS.finditer(simp, a, m.end("name")))
        if verbs:  # "关于调整领导成员分工及成立X的通知": the body is what was set up
            a = verbs[-1].end()
        name = _in_full(doc, clean_name(_first_body(title[a:m.end("name")])))
        return name, lexicon().task_force_kind(to_simplified(name))
    text = doc.norm.text
    m = _BODY_SETUP.search(text)
    if m:
        return _set_up_name(doc, m)
    m = _TITLE_NAME.match(re.sub(r"\s+", "", simp))
    if m:
        name = m.group("name")
        verbs = list(_SETUP_VERBS.finditer(name))
        if verbs:  # a news title "甲市成立某某领导小组": the body is what was set up
            name = name[verbs[-1].end():]
        compact = re.sub(r"\s+", "", title)
        at = re.sub(r"\s+", "", simp).find(name)
        name = compact[at:at + len(name)] if at >= 0 else name
        if len(name) >= 4:
            return clean_name(name), lexicon().task_force_kind(to_simplified(name))
    m = _BODY_SETUP_BARE.search(text)   # "近日，甲县成立X": a set-up verb with no lead
    return _set_up_name(doc, m) if m else None


def _in_full(doc: ParsedDocument, name: str) -> str:
    """A body the title names by its level word alone ("地区防汛抗旱指挥部" in a 地区's notice)
    as the opening of the text names it in full, its place before it ("甲地区防汛抗旱指挥部（以下
    简称地区防指）"); as the title names it when the text does not."""
    place = home_place(doc.info.issuer, doc.info.title)
    simp = to_simplified(name)
    level = next((lv for lv in lexicon().levels if simp.startswith(lv)), None)
    if not place or not level or not place.endswith(level) or place == level:
        return name
    head = doc.norm.text[:_FULL_NAME_WITHIN]
    at = to_simplified(head).find(place + simp[len(level):])
    return head[at:at + len(place) + len(simp) - len(level)] if at >= 0 else name


_FULL_NAME_WITHIN = 3000  # the opening of a notice, where the body is named in full


def _set_up_name(doc: ParsedDocument, m: re.Match[str]) -> tuple[str, str | None]:
    """The body a set-up match names (in the source's script), past a chain or a leading unit."""
    text = doc.norm.text
    a, b = m.span("name")
    chain = _CHAIN.match(text, a, b)
    if chain:  # "成立以A为组长…的X领导小组": the body is what follows the chain
        a = chain.end()
    led = frame("set_up_led_by_unit").regex.search(text, max(0, a - 4), b)
    if led and led.start("org") == a + 1:   # "成立由A牵头的X专班": the body is the frame's group
        a = led.start("group")
    s, e = doc.norm.span(a, b)
    name = _first_body(doc.source.text[s:e])
    return clean_name(name), lexicon().task_force_kind(to_simplified(name))


_AND = re.compile(_alt(_RAW["and_words"]))
_BODY_JOIN = re.compile(rf"{_AND.pattern}|、")


def _first_body(name: str) -> str:
    """"关于成立A领导小组和B委员会的通知" names two bodies: the notice's is the first (the
    second's list stands under a heading naming it). A name with 和 inside stays whole."""
    simp = to_simplified(name)
    for j in _BODY_JOIN.finditer(simp):
        left, right = simp[:j.start()], simp[j.end():]
        if len(left) >= 4 and _BODY_END.search(left) and len(right) >= 4 and _BODY_END.search(right):
            return name[:j.start()]
        if left.endswith(_OTHER_ITEMS) and len(right) >= 4 and _BODY_END.search(right):
            return name[j.end():]  # "调整市政府领导工作分工及X领导小组成员": the body is the second
    return name


_OTHER_ITEMS = tuple(_RAW["title_other_items"])


def extract(doc: ParsedDocument) -> list[Assertion]:
    """The facts of a notice on a coordinating body; of another document, the bodies it names."""
    em = Emitter(doc, "task_force")
    _dissolutions(em)
    body = main_body_name(doc)
    if body is None:
        extract_mentions(doc, em)
        return em.out
    name, kind = body
    st = _State(name, kind)
    _member_lists(em, st, _member_tables(em, st))
    _members_leaving(em, st)
    _office(em, st)
    _prose_members(em, st)
    _subgroups(em, st)
    _unit_duties(em, st)
    _unit_sections(em, st)
    extract_mentions(doc, em, st)
    _posts_in_own_body(em, st)
    return em.out


def _posts_in_own_body(em: Emitter, st: _State) -> None:
    """"王五任州安委会副主任": a post read at the notice's own body (its name, or the short name the
    text gives it) whose title is a member role is a membership in that role."""
    own = {to_simplified(re.sub(r"\s+", "", st.group)), *_short_names(em.text, st.group)}
    roles = set(lexicon().member_roles)
    for i, a in enumerate(em.out):
        if a.rel == "任职" and a.position in roles and to_simplified(re.sub(r"\s+", "", a.o)) in own:
            em.out[i] = replace(a, rel="成员", type="MEMBER_OF", o=st.group, o_type="TaskForce",
                                role=a.position, position=None, o_kind=st.group_kind)
    seen: set[tuple[str, str, str, str | None]] = set()
    kept = []
    for a in em.out:   # a membership also read in another form is one
        key = (a.rel, a.s, a.o, a.role or a.position)
        if key not in seen:
            seen.add(key)
            kept.append(a)
    em.out[:] = kept


# ---------------------------------------------------------------------------- dissolved

# "决定撤销以下议事协调机构：" … up to a section keeping, merging or renaming bodies.
_DISSOLVE_FROM = re.compile(_alt(_RAW["dissolve_verbs"]))
_DISSOLVE_UNTIL = re.compile(rf"[^\n]{{0,12}}(?:{_alt(_RAW['dissolve_section_ends'])})")   # 二、保留…
_DISSOLVE_LEAD = re.compile(   # "…决定撤销以下": the words before the list
    rf"^.*?(?:{_DISSOLVE_FROM.pattern})(?:{_alt(_RAW['dissolve_list_leads'])})?")
_DISSOLVED_NAME = re.compile(rf"(?P<name>[{CJK}“”\"0-9０-９（）()·]{{2,48}}?{_GROUP_WORDS})(?:制度)?")


def _dissolutions(em: Emitter) -> None:
    """Bodies a notice dissolves (撤销): each is DISSOLVED_BY the notice."""
    if not _DISSOLVE_FROM.search(to_simplified(em.doc.info.title or "")):
        return
    text = em.text
    m = _DISSOLVE_FROM.search(text, _offset_of_body(em))
    if m is None:
        return
    lines = em.doc.blocks
    after = lines[bisect_right(lines, m.end(), key=lambda b: b.start):]
    ends = (b.start for b in after   # a section keeping or merging bodies, or the closing
            if _DISSOLVE_UNTIL.match(text, b.body, b.end) or _is_signature(text[b.start:b.end]))
    end = next(ends, len(text))
    for x, y in split_list(text[m.end():end], "\n、，,；;。"):
        mark = mark_at(text, m.end() + x, m.end() + y)   # "1.", "（二）" opening an item
        item = text[mark.body if mark else m.end() + x:m.end() + y].strip()
        item = _DISSOLVE_LEAD.sub("", item)
        item = re.sub(r"^[^：:]*[：:]$", "", item).strip("：: ")
        found = _DISSOLVED_NAME.fullmatch(re.sub(r"[（(][^（）()]*[〔\[][^（）()]*[）)]$", "", item))
        if found and not is_category(found.group("name")):
            em.emit("撤销", found.group("name"), "TaskForce", em.doc.info.label, "Document",
                    _sentence(text, m.end() + x))


# ---------------------------------------------------------------------------- leaving

def _members_leaving(em: Emitter, st: _State) -> None:
    """"张三同志（因工作变动）不再担任领导小组副组长" (frames that end a MEMBER_OF): that
    membership ends, under the timeline's end term (不再担任)."""
    text = em.text
    for fr in (f for f in frames("notice", "MEMBER_OF") if f.ends):
        for fm in matches(fr, text):
            at = _sentence(text, fm.span(fr.role_slot)[0])   # type: ignore[arg-type]
            role = re.sub(r"\s+", "", fm.text(fr.role_slot))   # type: ignore[arg-type]
            for name in re.split(r"[、，,]", fm.text(fr.subject)):   # type: ignore[arg-type]
                name = clean_name(re.sub(r"^.*[。；：:]", "", name))
                if 2 <= len(name) <= 4 and _plausible_name(name):
                    em.emit(fr.rel, name, "Person", st.group, "TaskForce", at, rtype=fr.type.name, role=role,
                            o_kind=st.group_kind)
            after = frame("successor_after_leaving")   # "，由李四同志接任": the successor holds that role
            sm = after.regex.match(text, fm.end())
            if sm:
                for person in _people(em, st, *sm.span(after.subject)):   # type: ignore[misc]
                    held = _role_in_context(em, fm.span(fr.role_slot)[0], role)  # type: ignore
                    _emit_person(em, st, person, held, at)


# ---------------------------------------------------------------------------- members

def _split_member(text: str, base: int) -> tuple[tuple[int, int], str] | None:
    """The span of a member entry's name (absolute, normalised) and its post text."""
    t = text.rstrip("，,；;。.")   # a half-width full stop too
    note = lexicon().is_name_note
    noted = _NOTED_NAME.match(t)   # "王五（女）  市某某局副局长": the note is no post
    if noted and _plausible_name(noted["name"]) and note(noted["note"]) and (
            not noted["post"] or parse_posts(re.sub(r"\s+", "", noted["post"]))):
        return (base + noted.start("name"), base + noted.end("name")), noted["post"] or ""
    m = _NAME_BRACKETED_POST.match(t)   # 张三同志（市长）, 王五（女）（市某局局长）
    if m and _plausible_name(m["name"]) and (m["note"] is None or note(m["note"])):
        return (base + m.start("name"), base + m.end("name")), m["post"]
    tokens = [(mm.start(), mm.end()) for mm in re.finditer(r"\S+", t)]
    for k in range(min(len(tokens) - 1, 3), 0, -1):
        name = "".join(t[a:b] for a, b in tokens[:k])
        long_name = k == 1 and _long_name(name)
        spaced = all(_NAME_TOKEN.match(t[a:b]) for a, b in tokens[:k])
        if not (spaced and (_plausible_name(name) or long_name)):
            continue
        post = t[tokens[k][0]:]
        if parse_posts(_posts_text(post)) or k == len(tokens) - 1 and not long_name:
            return (base + tokens[0][0], base + tokens[k - 1][1]), post
    if len(tokens) == 1 and _plausible_name(t) and len(t) <= 4:
        return (base, base + len(t)), ""
    return None


def _posts_text(post: str) -> str:
    """A member's post text without its spaces; posts parted by spaces ("县委副书记　县长")
    are joined by "、" when only that reads them all (a post broken by a space stays one)."""
    compact = re.sub(r"\s+", "", post)
    if _all_posts(compact):
        return compact
    joined = "、".join(post.split())
    return joined if len(post.split()) > 1 and _all_posts(joined) else compact


_NAME_BRACKETED_POST = re.compile(rf"^(?P<name>[{CJK}·•\s]{{2,16}}?)\s*(?:同志)?\s*"
                                  rf"(?:[（(](?P<note>[^（）()]{{1,6}})[）)]\s*(?=[（(]))?[（(](?P<post>.+)[）)]$", re.S)
_NOTED_NAME = re.compile(rf"^(?P<name>[{CJK}·•\s]{{2,16}}?)\s*[（(](?P<note>[^（）()]{{1,6}})[）)]\s*(?P<post>\S.*)?$")


def _long_name(token: str) -> bool:
    """A name of five to eight characters written without "·" (朝鲁巴根那-like names of
    Mongolian or Tibetan origin), read only as a line's first token before its posts."""
    lex = lexicon()
    return bool(re.fullmatch(rf"[{CJK}]{{5,8}}", token)) and not (
        lex.is_org(token) or lex.is_title(token) or parse_posts(token) or is_category(token)
        or _ROLE_PERSON.search(token))


_LONG_ROLES = tuple(r for r in lexicon().member_roles if len(r) >= 2)


def _plausible_name(name: str) -> bool:
    """Whether a phrase (spaces dropped) may be a person's name: two to four characters, no
    title, no unit; a name written with "·" is longer."""
    n = re.sub(r"\s+", "", name)
    if not _NAME_TOKEN.match(n):
        return False
    if "·" in n or "•" in n:
        return 3 <= len(n) <= 20
    if not (2 <= len(n) <= 4):
        return False
    lex, raw = lexicon(), _RAW
    if lex.is_org(n) and (n.endswith(tuple(raw["unit_endings"])) or not lex.has_surname(n)):
        return False   # a unit ("旗人武部"), unless it opens with a family name
    return not lex.is_title(n) and not n.startswith(tuple(raw["not_name_openings"])) \
        and not n.endswith(_LONG_ROLES)   # "任组长" is a verb and a role


# A member table's header words, each to what its column holds, and the marks of a cell
# "same as above" (tables.yaml, shared with the tables of .docx and .html pages).
_TABLES = yaml.safe_load((Path(__file__).parents[1] / "data" / "tables.yaml").read_text("utf-8"))
_TABLE_COLUMNS = {w: kind for kind, words in _TABLES["header_words"].items() for w in words}
_SAME_AS_ABOVE = frozenset(_TABLES["same_as_above"])


def _member_tables(em: Emitter, st: _State) -> set[int]:
    """Member tables whose header row names their columns (role | name | unit and post): a
    role cell left empty holds the role above; a row with no name is a member named by its
    post ("某市政府分管负责同志"; aligned by spaces, that post is a line of its own). A role
    cell must read as a role (the schema's, or one the body's kind word forms: 专班长); one
    that does not is a post where no column holds posts.
    Returns where the rows read start (the line reader leaves them)."""
    text, found = em.text, em.doc.blocks
    # a member table's header: a name column, and a role or a post column (a task table's
    # header names tasks and units instead)
    rows = table_rows(text, found, _TABLE_COLUMNS,
                      lambda k: "name" in k and ("role" in k or "post" in k), carried=("role",))
    roles = _body_roles(st.group)
    role, kinds = "成员", None
    starts, spans, read = [b.start for b in found], {row.span[0] for row in rows}, set()
    for row in rows:
        if row.kinds != kinds:
            role, kinds = "成员", row.kinds
        cell = {k: (a, b) for k, (a, b) in zip(row.kinds, row.cells) if b > a}
        post = cell.get("post")
        if "role" in cell:
            said = re.sub(r"\s+", "", text[slice(*cell["role"])])
            if said in roles:   # as the source writes it, for the rows below too (專班長)
                role = lexicon().member_role(said)
                role = em.in_source(role, cell["role"]) if role == said else role
            elif said not in _SAME_AS_ABOVE and "post" not in row.kinds:
                post = cell["role"]   # "姓名 | 职务": the column holds posts
        post_text = _posts_text(text[slice(*post)]) if post else ""
        if "name" in cell:
            name = re.sub(r"\s+", "", em.surface(*cell["name"]))
            if _plausible_name(name):
                posts = parse_posts(post_text)
                _flush(em, st, Member(name, cell["name"], posts, post_text, row.span, role))
        elif post is not None:
            _unnamed_members(em, st, post, row.span, role)
        read.add(row.span[0])
        k = bisect_right(starts, row.span[0])   # a unit's person alone on a line below: a row
        while k < len(found) and found[k].start not in spans and len(found[k].cells) == 1 \
                and _units_person(text[found[k].start:found[k].end]):   # of a post alone
            line = (found[k].start, found[k].end)
            _unnamed_members(em, st, line, line, role)
            read.add(line[0])
            k += 1
    return read


def _unnamed_members(em: Emitter, st: _State, post: tuple[int, int], line: tuple[int, int],
                     role: str) -> None:
    """The members a post names ("某市政府分管负责同志"), in a member table's row with no name."""
    for person in _people(em, st, *post):
        if person.unnamed and not _collective_people(person):
            _flush(em, st, Member(person.name, post, [], "", line, role, True))


@lru_cache(maxsize=64)
def _body_roles(group: str) -> frozenset[str]:
    """The roles a body's members may hold: the schema's, and those its kind word forms
    ("某某工作专班": 专班长, 副专班长; task_force.yaml kind_role_forms)."""
    simp = to_simplified(group)
    words = (*lexicon().task_force_kinds, *_RAW["subgroup_endings"])
    kinds = [k for k in words if len(k) >= 2 and simp.endswith(k)]
    formed = {f.format(kind=k) for k in kinds for f in _RAW["kind_role_forms"]}
    return frozenset(lexicon().member_roles) | formed


def _member_lists(em: Emitter, st: _State, read: Collection[int] = (),
                  within: tuple[int, int] | None = None) -> None:
    """Member lists line by line: a role line ("组长：…") and the lines below that inherit its
    role, under headings that may name a subgroup or the body's office; lines of a member
    table (`read`) are left. `within`: the lines of a paragraph that sets a body up."""
    text = em.text
    lo, hi = within or (0, len(text))
    role: str | None = None
    pending: Member | None = None
    joined_to = -1   # the end of lines already read as the wrapped part of the line before
    found = _body_blocks(em)
    for k, blk in enumerate(found):
        start, end = _line(em, blk)
        if start < joined_to or blk.start in read or not lo <= start < hi:
            continue
        line = text[start:end]
        m = next((m for p in _role_patterns(st.group) if (m := p.match(line))), None)   # "组长：…"
        if m or role is not None:   # an entry broken inside its bracket goes on below: read it whole
            joined_to = end = _wrapped_end(em, found[k + 1:k + 4], start, end)
        heading = None if m else _body_heading(text[blk.body:blk.end])
        if heading is not None:   # "二、领导小组办公室", "（一）综合协调组": the lists below are theirs
            _flush(em, st, pending)
            pending, role = None, None
            name, st.office = heading
            at = text.find(name[:1], blk.body)
            g, n = to_simplified(st.group), to_simplified(name)
            same = not n or g.endswith(n) or n.endswith(g)   # "领导小组" in a notice on 某某领导小组
            st.current = None if same else em.surface(at, at + len(name))
            continue
        if m:   # "组长：A；副组长：B、C；成员：D": each role's members up to the next role on the line
            for role_text, a, b in _inline_roles(text, m.group("role"), start + m.end(), end):
                role = lexicon().member_role(role_text)
                if st.office and role in lexicon().office_roles:
                    role = OFFICE + role
                pending = _read_members(em, st, a, b, role, (start, end), pending)
            continue
        if role is None:
            continue
        own = text[blk.start:blk.end]
        if _opens_section(text, blk, bullets=False) or _is_prose(own) or _is_signature(own):
            _flush(em, st, pending)
            pending, role = None, None
            continue
        off = blk.body if blk.mark is not None else start   # past a bullet
        entry = text[off:end].strip()
        fragment = len(entry) <= 8 and (
            lexicon().is_title(entry) or _POST_FRAGMENT.fullmatch(entry))
        if pending is not None and not re.search(r"\s", entry) and fragment:   # "主任" below "…副"
            pending.post_text += entry
            pending.posts = parse_posts(re.sub(r"\s+", "", pending.post_text))
            continue
        pending = _read_members(em, st, off, end, role, (start, end), pending)
    _flush(em, st, pending)
    st.current, st.office = None, False


_BULLETS = "-·*"


def _read_members(em: Emitter, st: _State, a: int, b: int, role: str, line_span: tuple[int, int],
                  pending: Member | None) -> Member | None:
    """The members of one role in text[a:b] (the member read before stands); a 成员 line of
    units gives 成员单位. Returns the last member, whose posts may go on below."""
    _flush(em, st, pending)
    last: Member | None = None
    if role == "成员" and _unit_line(em, st, a, b):
        return None
    for entry in _entries(em.text, a, b):
        for part in _not_units(em, st, entry) if role == "成员" else [entry]:
            last = _member_from(em, st, part, role, line_span, last)
    return last


# Another role given on the same line: "；副 组 长：" (spaced role words too).
def _spaced(roles: Collection[str]) -> str:
    """An alternation of role words, longest first, each maybe spaced out ("副 组 长")."""
    return "|".join("\\s*".join(r) for r in sorted(roles, key=lambda r: (-len(r), r)))


_NEXT_ROLE = re.compile(rf"[；，,。]\s*(?P<role>{_spaced(lexicon().member_roles)})\s*：")


def _inline_roles(text: str, role: str, a: int, b: int) -> list[tuple[str, int, int]]:
    """The roles of one line, each with the span of its members."""
    out: list[tuple[str, int, int]] = []
    for m in _NEXT_ROLE.finditer(text, a, b):
        out.append((role, a, m.start()))
        role, a = m.group("role"), m.end()
    return out + [(role, a, b)]


_OPEN, _CLOSE = "（(", "）)"


def _wrapped_end(em: Emitter, below: list[Block], a: int, b: int) -> int:
    """Where a member line ends when an entry is broken inside its bracket ("赵四（县委常委、
    常务副县" then "长）　钱五（副县长）"): the blocks `below` (a few) are joined while the
    brackets stay open; `b` when they never close (a stray bracket joins nothing)."""
    depth = sum(c in _OPEN for c in em.text[a:b]) - sum(c in _CLOSE for c in em.text[a:b])
    end = b
    for blk in below:
        if depth <= 0:
            return end
        line = em.text[blk.start:blk.end]
        if blk.blank or _role_patterns("")[0].match(line) or _opens_section(em.text, blk):
            return b
        depth += sum(c in _OPEN for c in line) - sum(c in _CLOSE for c in line)
        end = _line(em, blk)[1]
    return end if depth <= 0 else b


def _opens_section(text: str, b: Block, bullets: bool = True) -> bool:
    """A line opening a section: a marked one (a bulleted one too, unless not `bullets`), or
    an attachment's label ("附件2")."""
    marked = b.mark is not None and (bullets or text[b.mark.start] not in _BULLETS)
    return marked or text.startswith(_ATTACHMENT, b.start)


_ATTACHMENT = tuple(_RAW["attachment_marks"])


def _spaced_entries(seg: str) -> list[tuple[int, int]]:
    """"张三（县委书记）　李四（县长）": entries that each close with a bracket, parted by
    spaces (or a line break); cut where a bracket group closes and a name follows."""
    cuts, start = [], 0
    for _, end in bracket_groups(seg, 0, len(seg)):
        m = _AFTER_ENTRY.match(seg, end)
        if m:
            cuts.append((start, end))
            start = m.end()
    return cuts + [(start, len(seg))] if cuts and seg[start:].strip() else cuts


def _spaced_pairs(seg: str) -> list[tuple[int, int]]:
    """"孙六　县财政局局长　　周 七　县水利局局长": names (maybe spaced out: one cell, see
    blocks.split_cells) each followed by their posts, parted by spaces, several on a line; or
    posts alone ("县财政局局长　县水利局局长"), a member each. Empty unless two entries or more
    are found and every cell is read."""
    tokens = [(x, y, seg[x:y]) for x, y in split_cells(seg, 0, len(seg.rstrip("。；;")))]
    if len(tokens) < 2 or any(_BRACKET_CHARS.search(t) for _, _, t in tokens):
        return []
    lex = lexicon()
    named = [_plausible_name(t) and lex.has_surname(t) and not parse_posts(t) for _, _, t in tokens]
    if not any(named):   # posts alone: each a member named by its post
        return [(x, y) for x, y, t in tokens] if all(_all_posts(t) for _, _, t in tokens) else []
    if not named[0]:
        return []
    out: list[tuple[int, int]] = []
    for (x, y, t), is_name in zip(tokens, named):
        if is_name:
            out.append((x, y))
        elif _all_posts(t):
            out[-1] = (out[-1][0], y)
        else:
            return []
    return out if len(out) >= 2 and all(re.search(r"\s", seg[x:y]) for x, y in out) else []


_BRACKET_CHARS = re.compile(r"[（()）]")
_AFTER_ENTRY = re.compile(rf"\s+(?=[{CJK}])")


def _body_heading(body: str) -> tuple[str, bool] | None:
    """A heading (its text after the mark) naming a body or the body's office: (name, is the
    office); the name is "" for the office alone. None for any other line."""
    m = _BODY_HEADING.fullmatch(re.sub(r"\s+", "", body).rstrip("："))
    if m is None:
        return None
    name = m.group("name") or ""
    if m.group("office"):
        return name, True
    return (name, False) if name else None


def _unit_line(em: Emitter, st: _State, a: int, b: int) -> bool:
    """A 成员 line that lists units, not persons ("各区人民政府，市委某某办、市发展改革局、
    工业和信息化局…分管负责同志。"): each unit is a 成员单位 (categories left out)."""
    seg = em.text[a:b].rstrip("。；; ")
    if not _is_unit_list(seg, 2):
        return False
    _units(em, a, a + len(seg), st.body[0], "成员单位", (a, b))
    return True


def _not_units(em: Emitter, st: _State, entry: tuple[int, int]) -> list[tuple[int, int]]:
    """The clauses of a 成员 entry that are not lists of units ("A、B主要负责同志，C主任":
    A and B are 成员单位, the rest is read for persons)."""
    a, b = entry
    clauses = [(a + x, a + y) for x, y in split_list(em.text[a:b], "，,；;")]
    if len(clauses) < 2:
        return [entry]
    return [c for c in clauses if not _unit_line(em, st, *c)]


def _is_unit_list(seg: str, min_units: int) -> bool:
    """Whether every item of a list is a unit (or a category of units), the last maybe with
    the people it sends ("…分管负责同志"), and at least `min_units` are named units."""
    items = [re.sub(r"\s+", "", seg[x:y]) for x, y in split_list(seg, "、，,；;")]
    items = [_UNIT_TAIL.sub("", i) for i in items]
    lex = lexicon()
    units = [i for i in items if lex.is_org(i) and not is_category(i)]
    return len(units) >= min_units and not any(
        not (lex.is_org(i) or is_category(i)) or _name_and_posts(i) or parse_posts(i) for i in items)


@lru_cache(maxsize=64)
def _role_patterns(group: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """For the roles of a body (`_body_roles`; maybe spaced out: "成    员"): a role line
    ("组长：…", "专班长：…") and a role word opening a row before its member (table rows from
    .docx: "组长 张三 副市长"; columns aligned by spaces: "指 挥 长    罗 文 强    省政府副省长")."""
    spaced = _spaced(_body_roles(group))
    return (re.compile(rf"^\s*(?:[-·*]\s*)?(?P<role>{spaced})\s*[：:]\s*"),
            re.compile(rf"^\s*(?P<role>{spaced})[ \t]+(?=[{CJK}]{{1,3}}\s?[{CJK}]{{0,2}}\s+\S)"))


# The end of a post broken onto the next line ("市发改委副" then "主任").
_POST_FRAGMENT = re.compile(rf"[副正]?[{CJK}]{{0,4}}(?:{_alt(_RAW['post_heads'])})")


def _is_signature(line: str) -> bool:
    """The notice's closing (issuer, date, 特此通知) ends a member list with nothing after it."""
    return bool(_SIGNATURE.fullmatch(line))


_DATE = r"[\d０-９]{4}年[\d０-９]{1,2}月[\d０-９]{1,2}日"
_SIGNATURE = re.compile(rf"{_DATE}|(?:{_alt(_RAW['closings'])})。?"
                        rf"|[{CJK}]{{2,12}}(?:{_alt(_RAW['issuer_endings'])})")


def _is_prose(line: str) -> bool:
    """A sentence, not a member line; a unit's people ("市某某局分管负责同志") are a member."""
    line = _UNIT_TAIL.sub("", line.rstrip("。；;"))
    return len(line) > 45 and "。" in line or bool(_PROSE_WORDS.search(line))


_PROSE_WORDS = re.compile(_alt(_RAW["prose_words"]))


_BRACKETED_COMMA = re.compile(rf"[{CJK}]\s*[（(][^）)]*[）)]\s*[，,；;]")
_BRACKETED_THEN = re.compile(rf"[{CJK}]\s*[（(][^）)]*[）)]\s*、")


def _entries(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Entries on one line: several members may share a line, split by "，" or "；", or by
    "、" between bracketed posts ("张三（副市长）、李四（市发改委主任）")."""
    seg = text[a:b]
    spaced = _spaced_entries(seg) or _spaced_pairs(seg)
    if spaced:
        spans = spaced
    elif _BRACKETED_THEN.search(seg) or _named_items(seg):
        spans = split_list(seg, "，,；;、")
    elif _BRACKETED_COMMA.search(seg) or seg.count("，") and not _WORK_MARK.search(seg):
        spans = split_list(seg, "，,；;")
    else:
        spans = [(0, len(seg))] if seg.strip() else []
    return [(a + x, a + y) for x, y in spans]


def _named_items(seg: str) -> bool:
    """"市政府办公室副主任陈一伟、市人社局局长杨二帆": items joined by "、", each posts then a
    name, are several members (not the posts of one, as in "市委常委、副市长张三")."""
    if "、" not in seg or re.search(r"[，,；;]", seg):
        return False
    items = [re.sub(r"\s+", "", seg[x:y]) for x, y in split_list(seg, "、")]
    return len(items) >= 2 and all(_ends_with_person(i, posted=True) for i in items)


# A name written with "·" (never cut short by a title) before characters a wrong decoding
# left ("？", "\ufffd").
_DAMAGED = re.compile(rf"^(?P<name>[{CJK}]+·[{CJK}·]+)[？?\ufffd]")


def _member_from(em: Emitter, st: _State, entry: tuple[int, int], role: str,
                 line_span: tuple[int, int], pending: Member | None) -> Member | None:
    """The member of one entry, returned so that posts on the entries or line after may join
    it; members named by role, or by posts and name in one run, are emitted at once."""
    raw = em.text[entry[0]:entry[1]]
    bullet = re.match(r"^\s*(?:[-·*•]\s*)?", raw)
    text = raw[bullet.end():].strip()
    if not text:
        return pending
    base = entry[0] + bullet.end()
    split = _split_member(text, base)
    if split is not None:
        _flush(em, st, pending)  # several members on one line
        span, post_text = split
        name = em.surface(*span).removesuffix("（兼）").removesuffix("(兼)")
        # "局长（兼X主任）": both posts
        post_clean = _CONCURRENT.sub(r"、\g<post>", _posts_text(post_text)).rstrip("）)（(兼")
        return Member(name, span, parse_posts(post_clean), post_clean, line_span, role)
    compact = re.sub(r"\s+", "", text).rstrip("。；;.")
    if pending is not None and not pending.unnamed and _all_posts(compact):
        pending.posts += parse_posts(compact)   # "张三，市委常委、副市长": the posts follow the name
        pending.post_text += compact
        return pending
    _flush(em, st, pending)   # the member before ("张三（局长）、各乡镇主要负责同志") stands
    # members named by role ("各乡（镇）人民政府分管副乡长", "负责某某工作的副市长、
    # 市某某局主要负责同志") or by posts and name in one run ("市委常委、副市长张三")
    people = _people(em, st, base, base + len(text.rstrip("。；;.")))
    kept = [p for p in people if not _collective_people(p)]   # "各乡镇分管负责同志": no member (SCHEMA §9)
    if people and not kept:
        return None
    damaged = _DAMAGED.match(text)
    problem = "not understood" if kept or not damaged else "damaged, posts not read"
    if not kept and damaged:  # the rest of the line lost to a wrong encoding: the name holds
        kept = [_Person(em.surface(base, base + damaged.end("name")), [])]
    for person in kept:
        at = (base, base + len(text))
        _flush(em, st, Member(person.name, at, person.posts, "", line_span, role, person.unnamed))
    if not people:
        where = f"{em.doc.info.source}:{em.doc.evidence(*entry)[3]}"
        em.doc.source.warnings.append(f"{where}: member line {problem}: {text}")
    return None


_CONCURRENT = re.compile(r"[（(]兼(?:任)?(?P<post>[^（）()]{2,40})[）)]")


def _flush(em: Emitter, st: _State, mem: Member | None) -> None:
    """A member read from a list line: of the body the list is under, evidence its line."""
    if mem is None:
        return
    st.members.append(mem)
    lo, hi = mem.line_span
    at = max(lo, mem.span[0] - _EVIDENCE_MAX), min(hi, mem.span[0] + _EVIDENCE_MAX)
    _emit_member(em, st.body, mem.name, mem.posts, mem.role, at, mem.unnamed)


def _emit_member(em: Emitter, body: tuple[str, str | None], name: str, posts: list[Post], role: str,
                 at: tuple[int, int], unnamed: bool) -> None:
    """成员 of the body (name, kind), the role as the source writes it (組長 stays), and the
    任职 of each post with its organisation (a person named by role holds none)."""
    extra = {"s_unnamed": True} if unnamed else {}
    role = em.in_source(role, at)
    em.emit("成员", name, "Person", body[0], "TaskForce", at, role=role, o_kind=body[1], **extra)
    for post in [] if unnamed else posts:
        if post.org:
            org = strip_alias(post.org)[0]
            em.emit("任职", name, "Person", org, "Organization", at, position=post.title)


def _offset_of_body(em: Emitter) -> int:
    """Normalised offset where the body starts (after title, number and addressees)."""
    return bisect_left(em.doc.norm.src, em.doc.body_start, 0, max(0, len(em.doc.norm.src) - 1))


# ---------------------------------------------------------------------------- office

def _office(em: Emitter, st: _State, within: tuple[int, int] | None = None) -> None:
    """"办公室设在Y" (the frames of OFFICE_AT) in the notice's body, or `within` the paragraph
    setting up a body; the office's short name ("省某某办设在Y") is the body's own."""
    text = em.text
    lo, hi = within or (_offset_of_body(em), len(text))
    for fm in (fm for fr in frames("notice", "OFFICE_AT") for fm in matches(fr, text, lo, hi, sentences=False)):
        fr = fm.frame
        a, b = fm.span(fr.object)
        named = _local_group(re.sub(r"^.*[，。；、：:]", "", fm.text(fr.subject) if fr.subject else ""))
        # a short name ("联席会议", "专班") is the body's own; another body's office is its own
        short = named and (st.group.endswith(named) or to_simplified(st.group).endswith(named)
                           or lexicon().task_force_kind(named) == lexicon().task_force_kind(to_simplified(st.group))
                           and len(named) <= 4)
        group = named if named and not short else st.group
        # "设在市爱卫会办公室（市爱国卫生运动委员会办公室）": the second name, cut at its
        # closing bracket, is an alias
        office = re.sub(r"[（(][^）)]*$", "", strip_alias(em.surface(a, b))[0])
        em.emit(fr.rel, group, "TaskForce", office, "Organization", _sentence(text, a))


def _local_group(g: str) -> str | None:
    """The body a phrase ends with ("…领导小组"), or None."""
    m = re.search(rf"([{CJK}（）“”\"]{{0,40}}{_GROUP_WORDS})$", g.strip())
    return m.group(1) if m else None


def _holder_of(st: _State, post_text: str) -> str | None:
    """The member whose stated post is `post_text` (市林业局局长 -> 周木)."""
    posts = parse_posts(post_text)
    if not posts:
        return None
    want = (posts[0].org, posts[0].title)
    found = [m.name for m in st.members for p in m.posts if (p.org, p.title) == want]
    return found[0] if len(set(found)) == 1 else None


# ---------------------------------------------------------------------------- members in prose

@dataclass
class _Person:
    """A person a phrase names: by name (with the posts stated before or after it), or by
    role alone ("县林业局一名副局长": unnamed, the phrase is the name)."""

    name: str
    posts: list[Post]
    unnamed: bool = False
    posts_only: bool = False   # a bare post ("市委常委") that may belong to the next name


def _prose_members(em: Emitter, st: _State, within: tuple[int, int] | None = None) -> None:
    """Members stated in sentences: "组长由市委副书记张三担任", "由X兼任办公室主任",
    "X同志兼任办公室主任", "X任组长", "组长为X", "X为联席会议召集人",
    "副组长2人，分别是：A，B", "成员共19人，分别是：…"; and "X任<单位><职务>" (任职)."""
    text = em.text
    lo, hi = within or (_offset_of_body(em), len(text))
    taken: set[int] = set()   # where the roles read end (副组长 and the 组长 in it are one): one reading each
    for fr in frames("notice", "MEMBER_OF"):
        if fr.respectively and not fr.ends:   # 组长、副组长分别由A、B担任
            for fm in matches(fr, text, lo, hi, sentences=False):
                taken |= _paired_roles(em, st, fm)
    for span, role_text, who, strict in _role_statements(text, lo, hi):
        own = _item_subgroup(em, span[0])   # "（一）X组。由A牵头。组长：王五。": X组's member
        if span[1] in taken or own is None and _in_subgroup(em, span[0]):
            continue
        role = _role_in_context(em, span[0], role_text)
        units = role == "成员" and _is_unit_list(text[who[0]:who[1]].rstrip("。；"), 1)
        people = [] if units else [p for p in _people(em, st, *who)
                                   if not (p.unnamed and _GENERAL_PERSON.search(p.name))]
        if units:
            # "成员为市发改委、市财政局…主要负责同志": the units are the members
            _units(em, who[0], who[1], st.group, "成员单位", _sentence(text, span[0]), orgs_only=True)
            taken.add(span[1])
            continue
        if not people or strict and any(p.unnamed and not p.posts_only and not _ROLE_PHRASE.search(p.name)
                                        and not _units_person(p.name) for p in people):
            continue  # "X任组长" names a person, or a post ("县人社局局长担任副召集人")
        taken.add(span[1])
        at = _sentence(text, span[0])
        for person in people:
            if own is not None:
                _emit_member(em, own, person.name, person.posts, role, at, person.unnamed)
            else:
                _emit_person(em, st, person, role, at)
    lex = lexicon()
    for fm in (fm for fr in frames("notice", "HOLDS") for fm in matches(fr, text, lo, hi, sentences=False)):
        fr = fm.frame   # X任省某某局局长
        who = re.sub(r"\s+", "", fm.text(fr.subject))   # type: ignore[arg-type]
        post = re.sub(r"\s+", "", fm.text(fr.object))   # type: ignore[arg-type]
        if not _plausible_name(who) or lex.is_title(post) or re.fullmatch(_ROLES, post):
            continue
        posts = parse_posts(post)
        if posts and _all_posts(post) and all(p.org for p in posts):
            at = _sentence(text, fm.span(fr.object)[0])   # type: ignore[arg-type]
            name = em.surface(*fm.span(fr.subject))   # type: ignore[arg-type]
            for p in posts:
                em.emit(fr.rel, name, "Person", strip_alias(p.org or "")[0], "Organization", at, position=p.title)


# A person named by the work they do: "分管农业农村工作的副县长" (SCHEMA §6), a holder too.
_WORK_MARK = re.compile(_alt(_RAW["work_marks"]))
_ROLE_PHRASE = re.compile(rf"^(?:{_WORK_MARK.pattern})[{CJK}、（）()]{{2,30}}工作的"
                          rf"(?:{lexicon().title_re.pattern})$")

# "各成员单位负责人为成员" in a sentence: the units' people in general, no member named.
_GENERAL_PERSON = re.compile(_alt(_RAW["general_person_words"]))

def _paired_roles(em: Emitter, st: _State, fm: FrameMatch) -> set[int]:
    """"组长、副组长分别由A、B担任": each role goes to the person in the same place; read only
    when there are as many persons as roles. Returns where the roles read end."""
    ra, rb = fm.span(fm.frame.role_slot)   # type: ignore[arg-type]
    role_spans = [(ra + r.start(), ra + r.end()) for r in re.finditer(_ROLES, em.text[ra:rb])]
    people = _people(em, st, *fm.span(fm.frame.subject))   # type: ignore[arg-type]
    if len(people) != len(role_spans):
        return set()
    at = _sentence(em.text, fm.start())
    for (a, b), person in zip(role_spans, people):
        _emit_person(em, st, person, _role_in_context(em, a, em.text[a:b]), at)
    return {b for _, b in role_spans}


_Statement = tuple[tuple[int, int], str, tuple[int, int], bool]   # role span, role, who span, strict


def _role_statements(text: str, start: int, end: int) -> list[_Statement]:
    """Every role given in a sentence, with the span of who holds it, in the order the forms
    are tried (a counted list before a single holder). Forms whose holder comes first
    ("X同志兼任办公室主任", "X为联席会议召集人") are found by their verb and role; the holder
    is the clause before, so no match has to guess where it starts; being a whole clause,
    it is `strict`: a name or a post, never a phrase merely marked as a role."""
    out: list[_Statement] = []
    chains = [m.span("chain") for m in _CHAIN.finditer(text, start, end)]
    for fr in frames("notice", "MEMBER_OF"):   # the frames of extract/data/frames.yaml, in order
        if fr.respectively or fr.ends:
            continue
        strict = bool(fr.flag("strict"))
        for fm in matches(fr, text, start, end, sentences=False):
            who: tuple[int, int] | None = fm.span(fr.subject)   # type: ignore[arg-type]
            if fr.flag("named_run"):
                who = _named_run(text, *who, fr.flag("named_run"))   # type: ignore[misc]
            if who and fr.flag("holders_before"):
                who = _holders_before(text, who)
            if who and not any(a <= who[1] < b for a, b in chains):   # a chain's links are read below
                out.append((fm.span(fr.role_slot), fm.text(fr.role_slot), who, strict))   # type: ignore[arg-type]
    for a, b in chains:   # 以A为组长，B、C为副组长的…: each "X为<role>" between the marks
        for fm in (fm for fr in frames("chain") for fm in matches(fr, text, a, b, sentences=False)):
            fr = fm.frame
            out.append((fm.span(fr.role_slot), fm.text(fr.role_slot), fm.span(fr.subject), False))   # type: ignore[arg-type]
    return out


_NEXT_STATEMENT = re.compile(rf"[，,；](?:{_ROLES})(?:{_IS_WORDS}|是|：)")   # "，副组长为…", "；成员：…"


def _named_run(text: str, a: int, b: int, least: int) -> tuple[int, int] | None:
    """"成员为A，B，C，负责…": the leading items of a list that each name a person (posts
    and a name with a family name); None when fewer than `least` do."""
    end, count = a, 0
    starts_role = re.compile(_ROLES)
    nxt = _NEXT_STATEMENT.search(text, a, b)   # the run ends where the next role is given
    b = nxt.start() if nxt else b
    for x, y in split_list(text[a:b], "，,、；"):
        y -= text[a + y - 1] == "."   # a half-width full stop closes the list
        item = re.sub(r"\s+", "", text[a + x:a + y]).removesuffix(_HONORIFIC)
        if starts_role.match(item) or not _ends_with_person(item, bracketed=True):   # "副组长为B": the next statement
            break
        end, count = a + y, count + 1
    return (a, end) if count >= least else None


_CLAUSE_STOPS = "，。；：！？\n"


def _holders_before(text: str, who: tuple[int, int], most: int = 4) -> tuple[int, int]:
    """"由A任组长，B，C任副组长": the holders of one role may be several clauses, each a
    person alone (a name with its posts, no verb); they join the clause before the verb."""
    a, b = who
    for _ in range(most):
        if a < 2 or text[a - 1] not in "，,":
            break
        pos, lo = a - 1, max(0, a - 42)   # the clause before the comma: 2 to 40 characters
        start = max(text.rfind(c, lo, pos) for c in _CLAUSE_STOPS + "由") + 1
        if start == 0 and lo > 0 or not 2 <= pos - start <= 40 \
                or not _ends_with_person(re.sub(r"\s+", "", text[start:pos]), posted=True):
            break
        a = start
    return a, b


def _in_subgroup(em: Emitter, at: int) -> bool:
    """A sentence under a subgroup's heading (the block just above) speaks of that subgroup."""
    found = em.doc.blocks
    k = bisect_right(found, at, key=lambda b: b.start - b.indent) - 1
    if k < 1:
        return False
    return bool(frame("subgroup_heading").regex.match(em.text[found[k - 1].start:found[k - 1].end]))


def _item_subgroup(em: Emitter, at: int) -> tuple[str, str | None] | None:
    """The subgroup (name, kind) whose item line ("（一）禁牧监管组。…") holds `at` after its
    heading: a role stated there is that subgroup's, not the notice's body's."""
    found = em.doc.blocks
    k = bisect_right(found, at, key=lambda b: b.start - b.indent) - 1
    if k < 0 or not found[k].start <= at < found[k].end:
        return None
    line = em.text[found[k].start:found[k].end]
    for head in frames("heading", "HAS_SUBGROUP"):
        m = head.regex.match(line)
        if m and found[k].start + m.end() <= at:
            a, z = m.span(head.object)
            name = em.surface(found[k].start + a, found[k].start + z)
            return name, lexicon().task_force_kind(m.group(head.object))
    return None


def _role_in_context(em: Emitter, at: int, role: str) -> str:
    """主任 after the body's 办公室 (in the same sentence, or under its heading) is the 办公室主任."""
    role = lexicon().member_role(role)
    if role in lexicon().office_roles:
        start = _sentence(em.text, at)[0]
        if OFFICE in em.text[start:at] or _under_office_heading(em, at):
            return OFFICE + role
    return role


def _under_office_heading(em: Emitter, at: int, most: int = 12) -> bool:
    """Whether the nearest marked heading above `at`'s line (a few blocks up) names the body's
    office ("二、指挥部办公室" then "主任：X（兼）")."""
    found = em.doc.blocks
    k = bisect_right(found, em.text.rfind("\n", 0, at), key=lambda b: b.start)
    for b in reversed(found[max(0, k - most):k]):
        if b.mark is not None:
            heading = _body_heading(em.text[b.body:b.end])
            return bool(heading and heading[1])
    return False


def _emit_person(em: Emitter, st: _State, person: _Person, role: str, at: tuple[int, int]) -> None:
    """A member stated in prose, of the notice's body; a named one may hold a post said later."""
    _emit_member(em, (st.group, st.group_kind), person.name, person.posts, role, at, person.unnamed)
    if not person.unnamed:
        st.members.append(Member(person.name, at, person.posts, "", at, role))


def _people(em: Emitter, st: _State, a: int, b: int) -> list[_Person]:
    """The persons of a phrase: "市委常委、统战部部长郑一苇，市政府副市长林小禾",
    "市发改委主任、市林业局局长" (members named above), "县林业局一名副局长".

    Items are split on "，" where the phrase has one (an item may then hold several posts
    joined by "、"), else on "、" and on 和/及 after a title. A phrase that lists units
    ("市委编办、市文明办…有关负责人") names no person: the result is empty."""
    lex = lexicon()
    a += re.match(r"\s*(?:由)?\s*", em.text[a:b]).end()   # type: ignore[union-attr]
    seg = em.text[a:b]
    each = _each_units_person(em, a, b)
    if each:
        return each
    seps = "，；" if re.search(r"[，；]", seg) else "、"
    out: list[_Person] = []
    for x, y in split_list(seg, seps):
        for xx, yy in _split_and(seg[x:y]) if seps == "、" else [(0, y - x)]:
            pa, pb = a + x + xx, a + x + yy
            raw = em.text[pa:pb]
            c = re.sub(r"\s+", "", raw).rstrip("等")
            c = c if _PERSON_TAIL.search(c) else c.removesuffix(_HONORIFIC)   # 负责同志 stays
            marked = bool(_ROLE_PERSON.search(c))
            if len(c) < 2 or is_category(c) and not marked or _NOT_PERSON.search(c):
                continue
            found = _name_and_posts(c, name_first=not marked)
            if found is not None:
                ns, ne, post_text = found
                name = em.surface(*_compact_span(em.text, pa, pb, ns, ne)).removesuffix(_HONORIFIC)
                person = _Person(name, parse_posts(post_text))
                if out and out[-1].posts_only and seps == "、":
                    person.posts = out.pop().posts + person.posts   # "市委常委、副市长张三"
                out.append(person)
                continue
            holder = _holder_of(st, c)
            if holder:
                out.append(_Person(holder, []))
                continue
            if lex.is_org(c) and not parse_posts(c):
                return []   # a unit: the phrase lists units, not persons
            if _BODY_END.search(c.rstrip("。；")):
                continue  # a phrase naming a body ("成立…任组长的工作专班") is no person
            # "X由Y同志兼任", "X同志（…）接替Y": a clause, no person
            if (_all_posts(c) or marked) and not _HELD_BY.search(c) and not _SUCCEEDS.search(c):
                name = em.surface(pa, pb).removesuffix("等")
                out.append(_Person(name, parse_posts(c), unnamed=True, posts_only=_all_posts(c)))
    return out


_BODY_END = re.compile(rf"{_GROUP_WORDS}$")
_PERSON_TAIL = re.compile(rf"(?:{_alt(_RAW['unit_person_tails'])})$")


def _person_tail(name: str) -> int:
    """Where the words for a unit's people ("…分管负责同志", 同志 maybe left out) begin; -1 if none."""
    tail = _PERSON_TAIL.search(name) or _PERSON_TAIL.search(name + _HONORIFIC)
    return tail.start() if tail else -1


def _collective_people(person: _Person) -> bool:
    """"各苏木镇分管负责同志": a collective's people named by the words for a unit's people
    alone (no title: "各县人民政府分管副县长" stays a member), left out as the collective is."""
    name = re.sub(r"\s+", "", person.name)
    return person.unnamed and name.startswith(tuple(_RAW["general_person_words"])) \
        and _person_tail(name) >= 0


def _units_person(name: str) -> bool:
    """"市人社局主要负责同志": a unit's person, named by role (a holder in prose too)."""
    name = re.sub(r"\s+", "", name)
    head = name[:max(0, _person_tail(name))]
    return bool(head) and lexicon().is_org(head) and not is_category(head)


def _each_units_person(em: Emitter, a: int, b: int) -> list[_Person]:
    """"市发改委、市财政局分管负责同志": units sharing the words for their person; each
    unit's person is one (unnamed) member. Empty unless two or more units are named."""
    text = em.text
    end = b + len(_HONORIFIC) if text.startswith(_HONORIFIC, b) else b   # a holder may leave it out
    full = text[a:end].rstrip("。；; ")
    cut = _person_tail(full)
    if cut <= 0:
        return []
    units = split_list(full[:cut], "、，,")
    lex = lexicon()
    if len(units) < 2 or not all(lex.is_org(re.sub(r"\s+", "", full[x:y])) and not is_category(full[x:y])
                                 for x, y in units):
        return []
    words = em.surface(a + cut, a + len(full))
    return [_Person(em.surface(a + x, a + y) + words, [], unnamed=True) for x, y in units]


_TITLED_END = re.compile(   # a title, or the words for a unit's people, closing a phrase
    rf"(?:{lexicon().title_re.pattern}|{_alt(_RAW['unit_person_tails'])})$")


def _split_and(item: str) -> list[tuple[int, int]]:
    """Split on 和/及/与 where the left side ends with a title ("副秘书长和县文旅局主要负责人"),
    never inside a name ("住房和城乡建设局")."""
    out, start = [], 0
    for m in _AND.finditer(item):
        left = item[start:m.start()]
        titled = _TITLED_END.search(left) or _ends_with_person(re.sub(r"\s+", "", left))
        if m.end() < len(item) and titled:
            out.append((start, m.start()))
            start = m.end()
    out.append((start, len(item)))
    return [(x, y) for x, y in out if y > x]


def _ends_with_person(t: str, bracketed: bool = False, posted: bool = False) -> bool:
    """"常务副市长张三" / "张三": a name (with a known family name) closes the phrase;
    `bracketed`: "张三（市长）" too; `posted`: only after posts ("常务副市长张三")."""
    found = _name_and_posts(t, name_first=False)
    if bracketed and found and found[1] < len(t) and _BRACKETED.match(t):
        return lexicon().has_surname(t[found[0]:found[1]])
    return bool(found) and found[1] == len(t) and (found[0] > 0 or not posted) \
        and lexicon().has_surname(t[found[0]:])


def _compact_span(text: str, a: int, b: int, ns: int, ne: int) -> tuple[int, int]:
    """Offsets in `text` of characters ns..ne of text[a:b] with its spaces removed."""
    idx = [i for i in range(a, b) if not text[i].isspace()]
    return idx[ns], idx[ne - 1] + 1


def _all_posts(t: str) -> bool:
    """Whether every item of `t` ("市委常委、统战部部长") is a post."""
    items = split_list(t, "、，,")
    return bool(items) and all(parse_posts(t[x:y]) for x, y in items)


_BRACKETED = re.compile(rf"^(?P<name>[{CJK}·•]{{2,20}}?)(?:同志)?[（(](?P<post>.+)[）)]$")
_DOTTED_TAIL = re.compile(rf"[{CJK}]+[·•][{CJK}·•]+$")


def _name_and_posts(c: str, name_first: bool = True) -> tuple[int, int, str] | None:
    """Where the name is in a compact phrase, and the post text: "市委副书记张三",
    "张三（市政府副市长）", "张三", "市长艾力·吐尔逊"; None when no name is found.
    `name_first` also reads a name glued before its posts ("张三市政府副市长")."""
    m = _BRACKETED.match(c)
    if m and _plausible_name(m.group("name")) and _all_posts(m.group("post")):
        return 0, m.end("name"), m.group("post")
    dotted = _DOTTED_TAIL.search(c)   # posts before a name written with "·": the longest posts
    for k in range(c.index("·" if "·" in c else "•") - 1, dotted.start() - 1, -1) if dotted else ():
        if k and _all_posts(c[:k]) and _plausible_name(c[k:]):
            return k, len(c), c[:k]
    if _plausible_name(c) and not parse_posts(c):
        return 0, len(c), ""
    # Of the cuts that leave posts before a name, prefer one whose name opens with a family
    # name: "副秘书长韩六" is 副秘书长 + 韩六, not 副秘书 + 长韩六.
    cuts = [n for n in (3, 2, 4) if len(c) > n and _plausible_name(c[-n:]) and not lexicon().is_title(c[-n:])
            and _all_posts(c[:-n])]
    if cuts:
        n = next((n for n in cuts if lexicon().has_surname(c[-n:])), cuts[0])
        return len(c) - n, len(c), c[:-n]
    for n in (2, 3, 4) if name_first else ():
        head, tail = c[:n], c[n:]
        if len(c) > n and _plausible_name(head) and _all_posts(tail) and _POST_START.match(tail):
            return 0, n, tail
    return None


# ---------------------------------------------------------------------------- subgroups and units

_SUBGROUP_VERBS = re.compile(_alt(_RAW["subgroup_verbs"]))


def _subgroups(em: Emitter, st: _State) -> None:
    """Subgroups under headings ("（一）综合协调组", frame subgroup_heading) in a notice that sets
    them up (下设): each is a subgroup of the body, and the lines under it give its 组长单位
    and 成员单位 (the frames of "subgroup")."""
    text = em.text
    if not _SUBGROUP_VERBS.search(text, _offset_of_body(em)):
        return
    current: str | None = None
    heads = frames("heading", "HAS_SUBGROUP")   # "（一）综合协调组", "1.综合协调组：…"
    for b in _body_blocks(em):
        start, end = _line(em, b)
        line = text[b.start:b.end]
        head, m = next(((fr, m) for fr in heads if (m := fr.regex.match(line))), (None, None))
        if head and m:
            a, z = m.span(head.object)
            current = em.surface(b.start + a, b.start + z)
            em.emit(head.rel, st.group, "TaskForce", current, "TaskForce", (start, end),
                    s_kind=st.group_kind, o_kind=lexicon().task_force_kind(m.group(head.object)))
            start = b.start + m.end()   # the rest of an item's line is the subgroup's own
        elif current is None or b.mark is not None:
            current = None
            continue
        st.subgroup_lines.append((start, end))
        for fr in frames("subgroup"):   # 组长单位由A牵头, 成员单位包括B、C
            for fm in matches(fr, text, start, end, sentences=False):
                _apply(em, fm, current, (start, end))


def _units(em: Emitter, a: int, b: int, group: str, role: str, at: tuple[int, int], orgs_only: bool = False,
           min_len: int = 3) -> None:
    """Each unit of a list is a 成员单位 (or 组长单位) of `group`; `orgs_only` where the list's
    frame ("由…组成") may also hold words that are no units ("由以下人员组成"); items with no
    organisation's ending need `min_len` characters (2 where a frame lists sectors: 住建、气象)."""
    seg = em.text[a:b]
    seg_clean = re.sub(r"等(?:相关|有关)?(?:部门|单位)?(?:负责人|负责同志)?$", "", seg)
    opening = _CHANGE_LEAD.match(seg_clean)   # "新增A、B为成员单位": the verb is no part of A
    if opening and lexicon().is_org(re.split(r"[、，,]", seg_clean[opening.end():])[0]):
        a, seg_clean = a + opening.end(), seg_clean[opening.end():]
    items = (part for xy in split_list(seg_clean, "、，,") for part in _split_units_and(seg_clean, *xy))
    for x, y in (unit for part in items for unit in _spaced_units(seg_clean, *part) or [part]):   # "A　B": two
        # "A（以下简称B）": the unit is A
        item = strip_alias(_UNIT_TAIL.sub("", re.sub(r"\s+", "", seg_clean[x:y])))[0]
        if not item or is_category(item) or not (lexicon().is_org(item) or len(item) >= min_len and not orgs_only):
            continue
        # a name may be broken over lines
        name = em.surface(*_compact_span(em.text, a + x, a + y, 0, len(item)))
        em.emit("成员单位", strip_alias(name)[0], "Organization", group, "TaskForce", at, role=role)


_CHANGE_LEAD = re.compile(rf"^\s*(?:{_alt(_RAW['member_change_verbs'])})")


def _split_units_and(seg: str, x: int, y: int) -> list[tuple[int, int]]:
    """"A和B" / "A及B" is two units when both sides are units (the last of a list: "A、B和C");
    never inside a name (住房和城乡建设局: 住房 is no unit)."""
    item = seg[x:y]
    for m in _AND.finditer(item):
        left, right = re.sub(r"\s+", "", item[:m.start()]), re.sub(r"\s+", "", item[m.end():])
        lex = lexicon()
        if lex.is_org(left) and not is_category(left) and len(right) >= 3 and (
                lex.is_org(right) or _split_units_and(right, 0, len(right)) != [(0, len(right))]):
            return [(x, x + m.start())] + _split_units_and(seg, x + m.end(), y)
    return [(x, y)]


_DUTY_HEAD = re.compile(_alt(_RAW["duty_headings"]))
_DUTY_VERB = re.compile(_alt(_RAW["duty_verbs"]))


def _unit_sections(em: Emitter, st: _State) -> None:
    """Lines of units under a heading that names them ("二、成员单位" or "成员单位：" then
    "市应急局、市公安局、市住建局"): each unit is a 成员单位. The lines may be numbered items
    ("1.省财政厅", "（2）省商务厅") or hold several units parted by spaces. A list broken over
    lines ("…、旗" then "消防救援大队、…") is read as one: a line goes on while it has no
    closing stop and its last item is no unit; a blank line, a heading or a sentence ends it."""
    text = em.text
    inside = False
    pending: tuple[int, int] | None = None   # a list read so far, not yet closed

    def close() -> None:
        nonlocal pending
        if pending and _is_unit_list(text[pending[0]:pending[1]], 1):
            _units(em, pending[0], pending[1], st.group, "成员单位", pending, orgs_only=True)
        pending = None

    for b in _body_blocks(em):
        if b.blank:
            close()
        s = text[b.start:b.end]
        item = _unit_item(text, b) if inside else None
        head = _UNIT_HEADING.fullmatch(re.sub(r"\s+", "", text[b.body:b.end]).rstrip("："))
        keyed = b.kind == "key_value" and b.value[1] > b.value[0] \
            and _UNIT_HEADING.fullmatch(re.sub(r"\s+", "", text[slice(*b.key)]))   # "成员单位：A　B　C"
        if keyed:
            close()
            inside, item = True, (b.value[0], _unstopped(text, b.value[0], b.end))
        elif item is None and (head or _opens_section(text, b) or _is_signature(s)):
            close()
            inside = bool(head)
            continue
        if not inside:
            continue
        if _is_prose(s):   # "领导小组办公室设在…": a sentence ends the section
            close()
            inside = False
            continue
        if keyed and not s.endswith(("、", "，")):
            inside = False   # the units after the key end on its line unless the list goes on
        lo, hi = item or (b.start, _unstopped(text, b.start, b.end))
        spaced = _spaced_units(text, lo, hi)
        if spaced:   # "省财政厅　省商务厅　省税务局": each a unit
            close()
            for ua, ub in spaced:
                _units(em, ua, ub, st.group, "成员单位", _line(em, b), orgs_only=True)
            continue
        pending = (lo if pending is None else pending[0], hi)
        last = re.split(r"[、，]", text[lo:hi])[-1].strip()
        if s.endswith(("。", "；")) or item or lexicon().is_org(last):
            close()
    close()


def _unstopped(text: str, a: int, b: int) -> int:
    """Where text[a:b] ends without its closing stops (。；)."""
    while b > a and text[b - 1] in "。；":
        b -= 1
    return b


def _body_blocks(em: Emitter) -> list[Block]:
    """The blocks (extract/blocks.py) of the notice's body: its lines after title and addressees."""
    found, start = em.doc.blocks, _offset_of_body(em)
    return found[bisect_left(found, start, key=lambda b: b.start - b.indent):]


def _line(em: Emitter, b: Block) -> tuple[int, int]:
    """A block's whole line, its indentation and trailing spaces too (a fact's evidence)."""
    end = em.text.find("\n", b.end)
    return b.start - b.indent, len(em.text) if end < 0 else end


def _unit_item(text: str, b: Block) -> tuple[int, int] | None:
    """A numbered or bulleted line of a units section ("1.省发展改革委", "（3）省财政厅"):
    the span of its text when that text lists units only; None for a heading or a sentence."""
    if b.mark is None:
        return None
    end = _unstopped(text, b.body, b.end)
    body = text[b.body:end]
    if not body or not (_is_unit_list(body, 1) or _spaced_units(text, b.body, end)):
        return None
    return b.body, end


def _spaced_units(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Units parted by spaces on one line, each maybe numbered ("1.省财政厅  2.省商务厅"):
    their spans when there are two or more and every one is a unit; else empty."""
    out = []
    for x, y in split_cells(text, a, b):
        mark = mark_at(text, x, y)
        x = mark.body if mark else x
        token = text[x:y].rstrip("、，,。；;")
        if not token or not lexicon().is_org(token) or is_category(token):
            return []
        out.append((x, x + len(token)))
    return out if len(out) >= 2 else []


def _unit_duties(em: Emitter, st: _State) -> None:
    """"三、成员单位职责" sections: every unit given a duty is a member unit."""
    text = em.text
    in_duties = False
    for b in _body_blocks(em):
        s = text[b.start:b.end]
        if b.mark is not None and len(s) < 30:
            in_duties = bool(_DUTY_HEAD.search(s))
            continue
        if not in_duties:
            continue
        v = _DUTY_VERB.search(s)
        if not v or v.start() == 0:
            continue
        a, line = b.start, _line(em, b)
        lead = s[:v.start()].rstrip("：")   # "市某局：负责…" too
        _units(em, a, a + len(lead), st.group, "成员单位", line, orgs_only=True)
        for fr in frames("duties"):   # X（负责）牵头…: the body when it sets one up, else the task
            lm = fr.regex.match(s)
            if not lm or not lexicon().is_org(lm.group(fr.subject)):
                continue
            rest = lm.group(fr.object)
            org = em.surface(a, a + len(lm.group(fr.subject)))
            if re.match(rf"^(?:{_SETUP_VERBS.pattern})?{_GROUP_WORDS}", rest):
                em.emit(fr.rel, org, "Organization", st.group, "TaskForce", line)
            elif rest:
                ta = a + lm.start(fr.object)
                em.emit(fr.rel, org, "Organization", em.surface(ta, ta + len(rest)), "Task", line)


# ---------------------------------------------------------------------------- mentions in any text

_PARAGRAPH_MAX = 1200   # how far a set-up paragraph is read for its chairs and office


def _bodies_set_up_in_text(em: Emitter) -> None:
    """A body set up inside any document (a task list, a plan: "成立某某领导小组，由A任组长，
    B任副组长…。领导小组办公室设在Y，由B兼任办公室主任。"): its members and office are
    read in the paragraph that sets it up, up to the next heading."""
    text = em.text
    setups = _BODY_SETUP_BARE.finditer(text, _offset_of_body(em))
    found = [m for m in setups if not is_category(m["name"])]
    for m, after in zip(found, found[1:] + [None]):
        name, kind = _set_up_name(em.doc, m)
        end = _paragraph_end(em, m.end())   # ... and before the next body set up
        end = min(end, after.start()) if after else end
        st = _State(name, kind)
        _prose_members(em, st, (m.start("name"), end))   # from the name: a chain "以A为组长…的" in it
        _member_lists(em, st, within=(m.end(), end))   # "…组成如下：" then "副组长：A（posts）、B（posts）"
        _office(em, st, (m.end(), end))
        for fr in frames("notice", "UNIT_OF") + frames("notice", "LEADS"):   # "A、B为成员单位"
            for fm in matches(fr, text):
                if m.end() <= fm.start() and fm.end() <= end:
                    _apply(em, fm, name)


def _paragraph_end(em: Emitter, pos: int) -> int:
    """Where the lines from `pos` stop: before a blank line or a marked heading (the end of
    the line above it), within _PARAGRAPH_MAX."""
    hi = min(len(em.text), pos + _PARAGRAPH_MAX)
    found = em.doc.blocks
    k = bisect_right(found, pos, key=lambda b: b.start - b.indent)
    for i in range(k, len(found)) if k else ():
        end = _line(em, found[i - 1])[1]   # the line above's
        if end >= hi:
            break
        if found[i].blank or _opens_section(em.text, found[i]):
            return end
    return hi

_COUNT_AFTER = re.compile(r"(?:等)?[\d一二三四五六七八九十两]+个[^、]{0,12}$")


def _leads_in_order(em: Emitter, groups: list[str], pos: int) -> None:
    """"…3个工作组，分别由X、Y、Z牵头" right after the subgroups (frame subgroups_led_in_order):
    each leads its own, read only when there are as many units as subgroups."""
    fr = frame("subgroups_led_in_order")
    m = fr.regex.match(em.text, pos)
    if not m or len(groups) < 2:
        return
    a, seg = m.start(fr.subject), m.group(fr.subject)
    units = [u for xy in split_list(seg, "、，,") for u in _split_units_and(seg, *xy)]   # "A和B": two
    if len(units) != len(groups) or not all(lexicon().is_org(m.group(fr.subject)[x:y]) for x, y in units):
        return
    for (x, y), group in zip(units, groups):
        em.emit(fr.rel, em.surface(a + x, a + y), "Organization", group, "TaskForce", _sentence(em.text, a))


def extract_mentions(doc: ParsedDocument, em: Emitter | None = None, st: _State | None = None) -> list[Assertion]:
    """Bodies mentioned in running text: 下设, 由…牵头, …等…成员单位, 建立由…组成的…."""
    em = em or Emitter(doc, "bodies_in_text")
    text = em.text
    recent: list[str] = [st.group] if st else []
    aliases = _short_names(text, st.group) if st else {}

    def resolve(name: str) -> str:
        name = name.strip("“”\"")
        if to_simplified(name) in aliases:
            return aliases[to_simplified(name)]
        for full in reversed(recent):
            if full.endswith(name) and full != name:
                return full
        return name

    for fr in frames("text"):   # 下设, 由A牵头, A等Y成员单位, 建立由A、B组成的Y (extract/data/frames.yaml)
        for fm in matches(fr, text):
            if fr.type.name == "HAS_SUBGROUP":
                _sub_bodies(em, fm, resolve, recent, tuple(aliases))
                continue
            _apply(em, fm, None, None, resolve)
            if fr.object and fm.frame.slots[fr.object].entity == "TaskForce":
                recent.append(resolve(em.surface(*fm.span(fr.object))))
    if st is None:
        _bodies_set_up_in_text(em)
    if st is not None:   # the notice's body is the object: 成员单位包括A、B, X为牵头单位 …
        starts = [a for a, _ in st.subgroup_lines]   # (not on a subgroup's lines: they are its own)
        for fr in frames("notice", "UNIT_OF") + frames("notice", "LEADS"):
            for fm in matches(fr, text):
                k = bisect_right(starts, fm.start()) - 1
                if k < 0 or fm.start() >= st.subgroup_lines[k][1]:
                    _apply(em, fm, st.group)
    return em.out


def _apply(em: Emitter, fm: FrameMatch, body: str | None, at: tuple[int, int] | None = None,
           resolve: Callable[[str], str] | None = None) -> None:
    """The facts of one frame's match: each unit of a list a 成员单位 (UNIT_OF), a unit 牵头
    a body (LEADS). The object is the frame's body slot, else `body` (the notice's)."""
    fr = fm.frame
    text = em.text
    group = em.surface(*fm.span(fr.object)) if fr.object else body
    if not group:
        return
    group = resolve(group) if resolve else group
    a, b = fm.span(fr.subject)   # type: ignore[arg-type]
    at = at or _sentence(text, a)
    if fr.type.name == "UNIT_OF":
        _units(em, a, b, group, fr.role or "成员单位", at, orgs_only=bool(fr.flag("orgs_only")),
               min_len=fr.flag("min_len") or 3)
    elif fr.type.name == "LEADS":
        org = re.sub(r"\s+", "", text[a:b])
        if fr.flag("checked") and not (lexicon().is_org(org) and not is_category(org)):
            return
        em.emit(fr.rel, em.surface(a, b), "Organization", group, "TaskForce", at)


# "某某委员会（以下简称规委会）": a short name the text gives a body.
_ALIAS = re.compile(rf"[（(](?:{_alt(_RAW['alias_marks'])})[：:]?[“\"]?(?P<short>[{CJK}]{{2,10}})"
                    r"[”\"]?[）)]")


def _short_names(text: str, group: str) -> dict[str, str]:
    """"某某委员会（以下简称规委会）": the short names the text gives the notice's body
    (simplified), each to the body's name, read where the bracket follows that name."""
    full = to_simplified(re.sub(r"\s+", "", group))
    out: dict[str, str] = {}
    for m in _ALIAS.finditer(text):
        before = re.sub(r"\s+", "", text[max(0, m.start() - len(full) - 8):m.start()])
        if before.endswith(full) or before.endswith(full + "制度"):
            out[m.group("short")] = group
    return out


_COMMITTEE_END = re.compile(rf"[{CJK}]{{2,12}}(?:{_alt(_RAW['committee_endings'])})$")   # "市规委"


def _sub_bodies(em: Emitter, fm: FrameMatch, resolve: Callable[[str], str], recent: list[str],
                shorts: tuple[str, ...] = ()) -> None:
    """"专班下设A组、B组和C组3个工作组" (frame body_sets_up): each named body is a 下设 of the
    body before the verb (its name, or a 委员会's); "下设办公室" is the body's office."""
    text, fr = em.text, fm.frame
    (pa, pb), (ka, kb) = fm.span(fr.subject), fm.span(fr.object)   # type: ignore[arg-type]
    parent_raw, kids = text[pa:pb], text[ka:kb]
    committee = _COMMITTEE_END.search(parent_raw)
    parent_local = _local_group(parent_raw) or (committee and committee[0]) \
        or next((short for short in shorts if parent_raw.endswith(short)), None)   # a short name the text gave
    if not parent_local:
        return
    parent = resolve(em.surface(pb - len(parent_local), pb))
    kids = re.sub(r"^\d+个", "", kids)
    ca = kb - len(kids)
    kids = _COUNT_AFTER.sub("", kids)   # "下设A、B、C3个工作组": the count closes the list
    at = _sentence(text, fm.start())
    if kids.startswith(OFFICE):
        office = parent + em.surface(ca, ca + len(OFFICE))
        em.emit(fr.rel, parent, "TaskForce", office, "TaskForce", at, o_kind=OFFICE)
        return
    if kids in _RAW["subgroup_endings"]:
        return  # a kind alone: the list follows as headings (read with the body's subgroups)
    named: list[str] = []
    for x, y in split_list(kids, "、和及"):
        child = kids[x:y]
        if not re.search(rf"{_GROUP_WORDS}$|[{CJK}]组$", child):
            continue
        named.append(em.surface(ca + x, ca + y))
        kind = lexicon().task_force_kind(child) or "工作组"
        em.emit(fr.rel, parent, "TaskForce", named[-1], "TaskForce", at, o_kind=kind)
    recent += named + [parent]
    _leads_in_order(em, named, fm.end())
