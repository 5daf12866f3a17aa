"""Coordinating bodies: 领导小组, 工作专班, 联席会议, 协调机制, 指挥部 and their subgroups.

Finds the body a notice sets up, its member list in all the real forms ("组 长：田 东
副市长", "组长：张三（市政府副市长）", "张三 市政府副秘书长、市发展改革委主任", glued
"张三市政府副市长", bullets, broken lines, members named only by role), its office
(办公室设在, 办公室主任由…兼任), subgroups (下设) with their 组长单位 and member units,
成员单位 lists and 牵头.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.document import ParsedDocument
from extract.extractors.base import Emitter, clean_name, is_category, sentence_bounds, strip_alias
from extract.lexicon import CJK, lexicon
from extract.posts import Post, parse_posts, split_list
from extract.text import HEADING_START, to_simplified
from graph.records import Assertion

__all__ = ["extract", "extract_mentions", "main_body_name"]

_GROUP_WORDS = r"(?:领导小组|工作专班|专班|联席会议|协调机制|工作机制|联动机制|专项工作组|工作组|指挥部|委员会|协调小组|小组)"
_TITLE_GROUP = re.compile(
    rf"关于(?:成立|建立|组建|设立|调整|充实|调整充实|增补|调整增补|印发)(?P<name>.+?{_GROUP_WORDS})(?:制度)?(?:成员|组成人员|组成单位)?(?:的)?(?:通知|决定|函)"
)
_BODY_GROUP = re.compile(rf"(?:决定|同意)(?:成立|建立|组建|设立)(?P<name>[^，。；（(]{{2,60}}?{_GROUP_WORDS})(?:制度)?[（(，。]")
_NAME_TOKEN = re.compile(rf"^[{CJK}·•]+$")
_POST_START = re.compile(rf"^(?:市|县|区|省|州|国|中|自治|[{CJK}]{{2,6}}(?:市|县|区|省|公司|集团|海关|分局|支队|段))")


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


def main_body_name(doc: ParsedDocument) -> tuple[str, str | None] | None:
    """The coordinating body a notice is about: (name in the source's script, kind)."""
    title = doc.info.title
    simp = to_simplified(title)
    m = _TITLE_GROUP.search(simp)
    if m:
        name = title[m.start("name"):m.end("name")]
        return clean_name(name), lexicon().task_force_kind(to_simplified(name))
    text = doc.norm.text
    m = _BODY_GROUP.search(text)
    if m:
        a, b = m.span("name")
        s, e = doc.norm.span(a, b)
        name = clean_name(doc.source.text[s:e])
        return name, lexicon().task_force_kind(m.group("name"))
    return None


def extract(doc: ParsedDocument) -> list[Assertion]:
    em = Emitter(doc, "task_force")
    _dissolutions(em)
    body = main_body_name(doc)
    if body is None:
        extract_mentions(doc, em)
        return em.out
    name, kind = body
    st = _State(name, kind)
    _member_lists(em, st)
    _members_leaving(em, st)
    _office(em, st)
    _subgroups(em, st)
    _unit_duties(em, st)
    extract_mentions(doc, em, st)
    return em.out


# ---------------------------------------------------------------------------- dissolved

# "决定撤销以下议事协调机构：" … up to a section keeping, merging or renaming bodies.
_DISSOLVE_FROM = re.compile(r"撤销")
_DISSOLVE_UNTIL = re.compile(r"\n\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)?[^\n]{0,12}(?:保留|合并|调整|更名|变更)"
                             r"|\n\s*[^\n]{0,12}(?:人民政府|办公室|办公厅)\s*\n\s*[\d０-９]{4}年")
_DISSOLVED_NAME = re.compile(rf"(?P<name>[{CJK}“”\"0-9０-９（）()·]{{2,48}}?{_GROUP_WORDS})(?:制度)?")
_LIST_MARK = re.compile(r"^\s*(?:[\d０-９]+[.．、]|[（(][\d０-９一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|[-·•])\s*")


def _dissolutions(em: Emitter) -> None:
    """Bodies a notice dissolves (撤销): each is DISSOLVED_BY the notice."""
    if "撤销" not in to_simplified(em.doc.info.title or ""):
        return
    text = em.text
    start = _offset_of_body(em)
    m = _DISSOLVE_FROM.search(text, start)
    if m is None:
        return
    end_m = _DISSOLVE_UNTIL.search(text, m.end())
    end = end_m.start() if end_m else len(text)
    pos = m.end()
    for piece in re.split(r"[\n、，,；;。]", text[m.end():end]):
        at = text.find(piece, pos) if piece else -1
        pos = at + len(piece) if at >= 0 else pos
        item = _LIST_MARK.sub("", piece).strip()
        item = re.sub(r"^.*?撤销(?:以下|下列)?", "", item)
        item = re.sub(r"^[^：:]*[：:]$", "", item).strip("：: ")
        found = _DISSOLVED_NAME.fullmatch(re.sub(r"[（(][^（）()]*[〔\[][^（）()]*[）)]$", "", item))
        if found and at >= 0 and not is_category(found.group("name")):
            em.emit("撤销", found.group("name"), "TaskForce", em.doc.info.label, "Document", sentence_bounds(text, at))


# ---------------------------------------------------------------------------- leaving

_MEMBER_OF = "MEMBER_OF"


def _members_leaving(em: Emitter, st: _State) -> None:
    """"张三同志（因工作变动）不再担任领导小组副组长": that membership ends (不再担任)."""
    roles = "|".join(sorted(lexicon().member_roles, key=len, reverse=True))
    text = em.text
    for m in re.finditer(rf"(?P<names>[{CJK}、，,\s]{{2,60}}?)同志(?:[（(][^）)]{{0,20}}[）)]|因[^，。；]{{0,16}})?[，,]?"
                         rf"不再担任[^，。；\n]{{0,40}}?(?P<role>{roles})(?:职务)?", text):
        at = sentence_bounds(text, m.start("role"))
        role = re.sub(r"\s+", "", m.group("role"))
        for name in re.split(r"[、，,]", m.group("names")):
            name = clean_name(re.sub(r"^.*[。；：:]", "", name))
            if 2 <= len(name) <= 4 and _plausible_name(name):
                em.emit("不再担任", name, "Person", st.group, "TaskForce", at, rtype=_MEMBER_OF, role=role,
                        o_kind=st.group_kind)


# ---------------------------------------------------------------------------- members

def _split_member(text: str, base: int) -> tuple[str, tuple[int, int], str, int] | None:
    """Name and post text of one member entry; offsets absolute (normalised)."""
    t = text.rstrip("，,；;。")
    m = re.match(rf"^(?P<name>[{CJK}·•\s]{{2,16}}?)\s*[（(](?P<post>.+)[）)]$", t)
    if m and _plausible_name(m.group("name")):
        return m.group("name"), (base + m.start("name"), base + m.end("name")), m.group("post"), base + m.start("post")
    tokens = [(mm.start(), mm.end()) for mm in re.finditer(r"\S+", t)]
    if len(tokens) >= 2:
        for k in range(min(len(tokens) - 1, 3), 0, -1):
            name = "".join(t[a:b] for a, b in tokens[:k])
            if not (_plausible_name(name) and all(_NAME_TOKEN.match(t[a:b]) for a, b in tokens[:k])):
                continue
            post_start = tokens[k][0]
            post = t[post_start:]
            if parse_posts(re.sub(r"\s+", "", post)) or k == len(tokens) - 1:
                return name, (base + tokens[0][0], base + tokens[k - 1][1]), post, base + post_start
    if len(tokens) >= 2:
        last_a, last_b = tokens[-1]
        head = re.sub(r"\s+", "", t[:last_a])
        if _plausible_name(t[last_a:last_b]) and parse_posts(head) and not parse_posts(t[last_a:last_b]):
            return t[last_a:last_b], (base + last_a, base + last_b), t[:last_a], base
    if len(tokens) == 1:
        # post then name glued: 市发改委主任王五
        for n in (3, 2):
            head = t[:-n]
            if len(t) > n + 2 and _plausible_name(t[-n:]) and parse_posts(head) and \
                    head.endswith(tuple(lexicon().title_words)) and _POST_START.match(head):
                return t[-n:], (base + len(t) - n, base + len(t)), head, base
        # glued name and post: 张三市政府副市长
        for n in (3, 2, 4):
            if len(t) > n + 1 and _POST_START.match(t[n:]) and parse_posts(t[n:]) and _plausible_name(t[:n]):
                return t[:n], (base, base + n), t[n:], base + n
        if _plausible_name(t) and len(t) <= 4:
            return t, (base, base + len(t)), "", base + len(t)
    return None


def _plausible_name(name: str) -> bool:
    n = re.sub(r"\s+", "", name)
    if not re.fullmatch(rf"[{CJK}·•]+", n):
        return False
    if "·" in n or "•" in n:
        return 3 <= len(n) <= 20
    if not (2 <= len(n) <= 4):
        return False
    lex = lexicon()
    if lex.is_org(n) and n.endswith(("局", "委", "办", "厅", "政府", "中心", "公司")):
        return False
    return not lex.is_title(n) and not n.startswith(("各", "市", "县", "区", "负责", "分管"))


def _member_lists(em: Emitter, st: _State) -> None:
    text = em.text
    role_re = lexicon().role_re
    role: str | None = None
    pending: Member | None = None
    body_from = _offset_of_body(em)
    bare_role = _bare_role_re()
    for start, line in _lines(text, body_from):
        stripped = line.strip()
        if not stripped:
            continue
        m = role_re.match(line) or bare_role.match(line)
        if m:
            role = re.sub(r"\s+", "", m.group("role"))
            if role == "委员":
                role = "成员"
            rest_start = start + m.end()
            _flush(em, st, pending)
            pending = None
            for entry in _entries(text, rest_start, start + len(line)):
                pending = _member_from(em, st, entry, role, (start, start + len(line)), pending)
            continue
        if role is None:
            continue
        if HEADING_START.match(line) and not re.match(r"^\s*[-·*]\s", line) or _is_prose(stripped) \
                or _is_signature(stripped):
            _flush(em, st, pending)
            pending, role = None, None
            continue
        bullet = re.match(r"^\s*[-·*]\s*", line)
        off = start + (bullet.end() if bullet else 0)
        entry_text = text[off:start + len(line)]
        if pending is not None and not re.search(r"\s", entry_text.strip()) and _is_post_fragment(entry_text.strip()):
            pending.post_text += entry_text.strip()
            pending.posts = parse_posts(re.sub(r"\s+", "", pending.post_text))
            continue
        _flush(em, st, pending)
        pending = None
        for entry in _entries(text, off, start + len(line)):
            pending = _member_from(em, st, entry, role, (start, start + len(line)), pending)
    _flush(em, st, pending)


def _bare_role_re() -> re.Pattern[str]:
    """A role word, spaces, then a member (table rows from .docx: "组长 张三 副市长")."""
    roles = sorted(lexicon().member_roles, key=len, reverse=True)
    return re.compile(rf"^\s*(?P<role>{'|'.join(roles)})[ \t]+(?=[{CJK}]{{1,3}}\s?[{CJK}]{{0,2}}\s+\S)")


def _is_post_fragment(t: str) -> bool:
    lex = lexicon()
    return len(t) <= 8 and (lex.is_title(t) or bool(re.fullmatch(r"[副正]?[\u4e00-\u9fff]{0,4}(长|书记|主任|员)", t)))


def _is_signature(line: str) -> bool:
    """The notice's closing (issuer, date, 特此通知) ends a member list with nothing after it."""
    return bool(re.fullmatch(r"[\d０-９]{4}年[\d０-９]{1,2}月[\d０-９]{1,2}日|特此通知。?|"
                             rf"[{CJK}]{{2,12}}人民政府(?:办公室|办公厅)?", line))


def _is_prose(line: str) -> bool:
    return len(line) > 45 and bool(re.search(r"[。]", line)) or bool(
        re.search(r"办公室设在|下设|负责|承担|职责|工作机制|以下简称", line))


def _entries(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Entries on one line: several members may share a line, split by "，" or "；"."""
    seg = text[a:b]
    if re.search(rf"[{CJK}]\s*[（(][^）)]*[）)]\s*[，,；;]", seg) or seg.count("，") and not re.search(r"分管|负责", seg):
        spans = split_list(seg, "，,；;")
    else:
        spans = [(0, len(seg))] if seg.strip() else []
    return [(a + x, a + y) for x, y in spans]


def _member_from(em: Emitter, st: _State, entry: tuple[int, int], role: str,
                 line_span: tuple[int, int], pending: Member | None) -> Member | None:
    raw = em.text[entry[0]:entry[1]]
    bullet = re.match(r"^\s*(?:[-·*•]\s*)?", raw)
    text = raw[bullet.end():].strip()
    if not text:
        return pending
    base = entry[0] + bullet.end()
    split = _split_member(text, base)
    if split is None:
        if re.search(r"分管|负责|主要|有关", text) and len(text) >= 4:
            # a member named only by role: 各县（市、区）人民政府分管副县长
            for x, y in split_list(text, "，,；;"):
                a, b = base + x, base + y
                name = em.surface(a, b)
                mem = Member(name, (a, b), [], text[x:y], line_span, role, unnamed=True)
                _flush(em, st, mem)
        else:
            em.doc.source.warnings.append(
                f"{em.doc.info.source}:{em.doc.evidence(*entry)[3]}: member line not understood: {text}")
        return None
    _flush(em, st, pending)  # several members on one line
    name, span, post_text, _ = split
    name = em.surface(*span)
    if name.endswith(("（兼）", "(兼)")):
        name = name[:-3]
    post_clean = re.sub(r"\s+", "", post_text).rstrip("）)（(兼")
    return Member(name, span, parse_posts(post_clean), post_clean, line_span, role)


def _flush(em: Emitter, st: _State, mem: Member | None) -> None:
    if mem is None:
        return
    st.members.append(mem)
    extra = {"s_unnamed": True} if mem.unnamed else {}
    em.emit("成员", mem.name, "Person", st.group, "TaskForce", mem.line_span, role=mem.role,
            o_kind=st.group_kind, **extra)
    if mem.unnamed:
        return
    for post in mem.posts:
        org = post.org
        if org is None:
            continue
        org, _alias = strip_alias(org)
        em.emit("任职", mem.name, "Person", org, "Organization", mem.line_span, position=post.title)


def _lines(text: str, start: int = 0) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if pos >= start:
            out.append((pos, line))
        pos += len(line) + 1
    return out


def _offset_of_body(em: Emitter) -> int:
    """Normalised offset where the body starts (after title, number and addressees)."""
    target = em.doc.body_start
    src = em.doc.norm.src
    lo, hi = 0, len(src) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if src[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo


# ---------------------------------------------------------------------------- office

_OFFICE_AT = re.compile(r"(?P<group>[^，。；、（(]{0,40}?)办公室(?:设在|设于)(?P<org>[^，。；）)\s]{2,40})")
_OFFICE_IN_BRACKET = re.compile(r"下设办公室[（(]设在(?P<org>[^）)]{2,40})[）)]")
_DIRECTOR_BY = re.compile(
    r"(?P<role>办公室(?:常务)?(?:副)?主任|(?:常务)?副主任|(?<![副组])主任)(?:由|：|:)(?P<who>[^，。；]{2,60}?)(?:同志)?(?:兼任|担任|（兼）|\(兼\)|兼)")
_DIRECTOR_BEFORE = re.compile(r"(?P<who>[^，。；]{2,60}?)(?:同志)?兼任(?P<role>办公室(?:副)?主任)")


def _office(em: Emitter, st: _State) -> None:
    text = em.text
    body_from = _offset_of_body(em)
    for m in list(_OFFICE_AT.finditer(text, body_from)) + list(_OFFICE_IN_BRACKET.finditer(text, body_from)):
        org = m.group("org")
        org = re.sub(r"(，|。|；).*$", "", org)
        a, b = m.span("org")
        group = st.group
        g = m.groupdict().get("group") or ""
        g = re.sub(r"^.*[，。；、：:]", "", g).strip()
        named = _local_group(g)
        if named and named not in ("工作专班", "专班", "领导小组", "工作领导小组") and not g.endswith(("下设", "设立")):
            group = named
        a2, b2 = a, a + len(org)
        em.emit("办公室设在", group, "TaskForce", strip_alias(em.surface(a2, b2))[0], "Organization",
                sentence_bounds(text, m.start("org")))
    for m in list(_DIRECTOR_BY.finditer(text, body_from)) + list(_DIRECTOR_BEFORE.finditer(text, body_from)):
        role = m.group("role")
        ctx = text[max(0, m.start() - 12):m.start()]
        if not role.startswith("办公室"):
            if "办公室" not in text[sentence_bounds(text, m.start())[0]:m.start() + 2] and "办公室" not in ctx:
                continue
            role = "办公室" + role
        who_a, who_b = m.span("who")
        _directors(em, st, who_a, who_b, role, sentence_bounds(text, m.start()))


def _local_group(g: str) -> str | None:
    g = g.strip()
    m = re.search(rf"([{CJK}（）“”\"]{{0,40}}{_GROUP_WORDS})$", g)
    return m.group(1) if m else None


def _directors(em: Emitter, st: _State, a: int, b: int, role: str, at: tuple[int, int]) -> None:
    """"市商务局局长王志福" / "市发改委主任、市能源局局长" / "徐毅松" -> persons."""
    text = em.text
    for x, y in split_list(text[a:b], "、和及"):
        item = re.sub(r"\s+", "", text[a + x:a + y])
        item = re.sub(r"同志$", "", item)
        name = None
        # post followed by a name
        for n in (3, 2, 4):
            if len(item) > n and parse_posts(item[:-n]) and _plausible_name(item[-n:]):
                name = em.surface(a + y - n, a + y)
                break
        if name is None and _plausible_name(item) and not parse_posts(item):
            name = em.surface(a + x, a + y)
        if name is None:
            holder = _holder_of(st, item)
            if holder:
                name = holder
        if name is not None:
            em.emit("成员", name, "Person", st.group, "TaskForce", at, role=role, o_kind=st.group_kind)
        else:
            em.emit("成员", em.surface(a + x, a + y), "Person", st.group, "TaskForce", at, role=role,
                    o_kind=st.group_kind, s_unnamed=True)


def _holder_of(st: _State, post_text: str) -> str | None:
    """The member whose stated post is `post_text` (市能源局局长 -> 黄军)."""
    posts = parse_posts(post_text)
    if not posts:
        return None
    want = (posts[0].org, posts[0].title)
    found = [m.name for m in st.members for p in m.posts if (p.org, p.title) == want]
    return found[0] if len(set(found)) == 1 else None


# ---------------------------------------------------------------------------- subgroups and units

_SUBGROUP_HEAD = re.compile(rf"^\s*[（(][一二三四五六七八九十\d]+[）)]\s*(?P<name>[{CJK}、“”]{{2,40}}?(?:专项工作组|工作组|小组|专班|分指挥部))\s*$")
_LEADER_UNITS = re.compile(r"组长(?:单位)?(?:由|为|：)(?P<orgs>[^，。；]{2,80}?)(?:分管负责(?:人|同志)|主要负责(?:人|同志)|负责(?:人|同志))?(?:担任|牵头)")
_MEMBER_UNITS = re.compile(r"成员(?:单位)?(?:包括|为|由|有|：)(?P<orgs>[^。；]{2,300}?)(?:等)?(?:相关|有关)?(?:部门|单位)?(?:负责(?:人|同志))?(?:组成)?[。；]")


def _subgroups(em: Emitter, st: _State) -> None:
    text = em.text
    body_from = _offset_of_body(em)
    if not re.search(r"下设", text[body_from:]):
        return
    lines = _lines(text, body_from)
    current: str | None = None
    for start, line in lines:
        m = _SUBGROUP_HEAD.match(line)
        if m:
            a, b = m.span("name")
            current = em.surface(start + a, start + b)
            em.emit("下设", st.group, "TaskForce", current, "TaskForce", (start, start + len(line)),
                    s_kind=st.group_kind, o_kind=lexicon().task_force_kind(m.group("name")))
            continue
        if current is None:
            continue
        if HEADING_START.match(line) and not _SUBGROUP_HEAD.match(line):
            current = None
            continue
        for lm in _LEADER_UNITS.finditer(line):
            _units(em, start + lm.start("orgs"), start + lm.end("orgs"), current, "组长单位", (start, start + len(line)))
        for mm in _MEMBER_UNITS.finditer(line):
            _units(em, start + mm.start("orgs"), start + mm.end("orgs"), current, "成员单位", (start, start + len(line)))


def _units(em: Emitter, a: int, b: int, group: str, role: str, at: tuple[int, int]) -> None:
    seg = em.text[a:b]
    seg_clean = re.sub(r"等(?:相关|有关)?(?:部门|单位)?(?:负责人|负责同志)?$", "", seg)
    for x, y in split_list(seg_clean, "、，,"):
        item = re.sub(r"\s+", "", seg_clean[x:y])
        item = re.sub(r"(?:等)?(?:相关|有关)?(?:部门|单位)?(?:分管|主要|有关)?负责(?:人|同志)$", "", item)
        if not item or is_category(item) or not (lexicon().is_org(item) or len(item) >= 3):
            continue
        name = em.surface(a + x, a + x + len(item))
        em.emit("成员单位", strip_alias(name)[0], "Organization", group, "TaskForce", at, role=role)


_DUTY_HEAD = re.compile(r"成员单位(?:及其)?职责|职责分工|部门职责|工作职责")
_DUTY_VERB = re.compile(r"负责|配合|牵头|要|承担|做好|协助|指导|会同|按照|研究|落实|加强|依法")


def _unit_duties(em: Emitter, st: _State) -> None:
    """"三、成员单位职责" sections: every unit given a duty is a member unit."""
    text = em.text
    body_from = _offset_of_body(em)
    in_duties = False
    for start, line in _lines(text, body_from):
        s = line.strip()
        if not s:
            continue
        if HEADING_START.match(line) and len(s) < 30:
            in_duties = bool(_DUTY_HEAD.search(s))
            continue
        if not in_duties:
            continue
        v = _DUTY_VERB.search(s)
        if not v or v.start() == 0:
            continue
        lead_off = line.index(s[0])
        lead = s[:v.start()]
        for x, y in split_list(lead, "、，,"):
            item = lead[x:y]
            if is_category(item) or not lexicon().is_org(item):
                continue
            name = em.surface(start + lead_off + x, start + lead_off + y)
            em.emit("成员单位", strip_alias(name)[0], "Organization", st.group, "TaskForce",
                    (start, start + len(line)), role="成员单位")
        lm = re.match(r"^(?P<org>[^，。；、]{2,40}?)(?:负责)?牵头(?P<rest>[^。；]*)", s)
        if lm and lexicon().is_org(lm.group("org")):
            rest = lm.group("rest")
            a = start + lead_off
            org = em.surface(a, a + len(lm.group("org")))
            target = re.match(rf"^(?:建立|成立|组建)?(?:工作专班|专班|领导小组|{_GROUP_WORDS})", rest)
            if target:
                em.emit("牵头", org, "Organization", st.group, "TaskForce", (start, start + len(line)))
            elif rest:
                ta = a + lm.start("rest")
                em.emit("牵头", org, "Organization", em.surface(ta, ta + len(rest)), "Task", (start, start + len(line)))


# ---------------------------------------------------------------------------- mentions in any text

_SETS_UP = re.compile(rf"(?P<parent>[{CJK}“”]{{2,30}}?)(?:设立|下设)(?P<children>[^，。；：]{{2,80}})")
_LED_BY = re.compile(rf"(?P<group>[{CJK}]{{0,20}}?{_GROUP_WORDS}|[{CJK}]{{1,10}}组)由(?P<org>[^，。；]{{2,30}}?)牵头")
_UNITS_OF = re.compile(rf"(?P<orgs>[{CJK}、]{{2,120}}?)等(?P<group>[{CJK}]{{2,30}}?{_GROUP_WORDS})成员单位")
_COMPOSED = re.compile(r"建立由(?P<orgs>[^。；]{4,400}?)组成的(?P<group>[^，。；]{2,40})")
_UNITS_ARE = re.compile(r"(?P<orgs>(?:[\u4e00-\u9fff（）()]{2,30}、){2,}[\u4e00-\u9fff（）()]{2,30}?)(?:有关|主要)?负责(?:人|同志)为(?P<group>[^，。；]{0,40}?)成员")
_UNITS_BECOME = re.compile(r"(?P<orgs>(?:[\u4e00-\u9fff（）()]{2,30}、)+[\u4e00-\u9fff（）()]{2,30}?)(?:等(?:相关|有关)?(?:部门|单位))?为(?:[^，。；]{0,30}?)成员单位")
_UNITS_FORMED = re.compile(r"成员单位由(?P<orgs>[^。；]{4,400}?)(?:等(?:相关|有关)?(?:部门|单位))?组成")
_UNIT_LIST = re.compile(r"成员单位(?:包括|为|有|：|:)\s*(?P<orgs>[^。；\n]{2,400}?)(?:等(?:相关|有关)?(?:单位|部门))?[。；\n]")
_CHAIR_BY = re.compile(r"(?P<role>总召集人|召集人|组长|副组长|指挥长|副指挥长|主任|副主任)由(?P<who>[^，。；]{2,80}?)担任")


def extract_mentions(doc: ParsedDocument, em: Emitter | None = None, st: _State | None = None) -> list[Assertion]:
    """Bodies mentioned in running text: 下设, 由…牵头, …等…成员单位, 建立由…组成的…."""
    em = em or Emitter(doc, "bodies_in_text")
    text = em.text
    recent: list[str] = [st.group] if st else []

    def resolve(name: str) -> str:
        name = name.strip("“”\"")
        for full in reversed(recent):
            if full.endswith(name) and full != name:
                return full
        return name

    for m in _SETS_UP.finditer(text):
        parent_raw = m.group("parent")
        parent_local = _local_group(parent_raw) or (re.search(rf"[{CJK}]{{2,12}}(?:工委|委员会|委)$", parent_raw) or [None])[0]
        if not parent_local:
            continue
        pa = m.end("parent") - len(parent_local)
        parent = resolve(em.surface(pa, m.end("parent")))
        kids = m.group("children")
        kids = re.sub(r"^\d+个", "", kids)
        ca = m.start("children") + (len(m.group("children")) - len(kids))
        if kids.startswith("办公室"):
            ka = m.start("children") + (len(m.group("children")) - len(kids))
            em.emit("下设", parent, "TaskForce", parent + em.surface(ka, ka + 3), "TaskForce", sentence_bounds(text, m.start()),
                    o_kind="办公室")
            continue
        if re.match(r"^(专项工作组|工作组|小组)$", kids):
            continue  # the list follows as headings (handled with the body's subgroups)
        for x, y in split_list(kids, "、和及"):
            child = kids[x:y]
            if not re.search(rf"{_GROUP_WORDS}$|[{CJK}]组$", child):
                continue
            name = em.surface(ca + x, ca + y)
            recent.append(name)
            em.emit("下设", parent, "TaskForce", name, "TaskForce", sentence_bounds(text, m.start()),
                    o_kind=lexicon().task_force_kind(child) or "工作组")
        recent.append(parent)
    for m in _LED_BY.finditer(text):
        g = resolve(em.surface(*m.span("group")))
        org = em.surface(*m.span("org"))
        em.emit("牵头", org, "Organization", g, "TaskForce", sentence_bounds(text, m.start()))
    for m in _UNITS_OF.finditer(text):
        group = em.surface(*m.span("group"))
        orgs = m.group("orgs")
        a = m.start("orgs")
        for x, y in split_list(orgs, "、"):
            item = orgs[x:y]
            if is_category(item) and len(item) < 2:
                continue
            em.emit("成员单位", em.surface(a + x, a + y), "Organization", group, "TaskForce",
                    sentence_bounds(text, m.start("group")), role="成员单位")
    for m in _COMPOSED.finditer(text):
        group = em.surface(*m.span("group"))
        recent.append(group)
        _units(em, m.start("orgs"), m.end("orgs"), group, "成员单位", sentence_bounds(text, m.start()))
        para_end = text.find("\n", m.end())
        para = text[m.end():para_end if para_end != -1 else len(text)]
        lm = re.search(r"由(?P<org>[^，。；]{2,30}?)牵头", para)
        if lm:
            oa = m.end() + lm.start("org")
            em.emit("牵头", em.surface(oa, oa + len(lm.group("org"))), "Organization", group, "TaskForce",
                    sentence_bounds(text, oa))
    if st is not None:
        for m in list(_UNIT_LIST.finditer(text)) + list(_UNITS_BECOME.finditer(text)) + list(_UNITS_FORMED.finditer(text)):
            _units(em, m.start("orgs"), m.end("orgs"), st.group, "成员单位", sentence_bounds(text, m.start()))
        for m in _UNITS_ARE.finditer(text):
            _units(em, m.start("orgs"), m.end("orgs"), st.group, "成员单位", sentence_bounds(text, m.start()))
        for m in _CHAIR_BY.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            prev_line = text[text.rfind("\n", 0, max(line_start - 2, 0)) + 1:line_start]
            if _SUBGROUP_HEAD.match(prev_line.strip("\n")) or re.search(r"分管负责人担任", m.group(0)) and "组长" == m.group("role"):
                continue
            role = m.group("role")
            who_a = m.start("who")
            who = m.group("who")
            for x, y in split_list(who, "、和及"):
                item = re.sub(r"\s+", "", who[x:y])
                holder = _holder_of(st, item)
                name = holder or em.surface(who_a + x, who_a + y)
                extra = {} if holder or _plausible_name(item) else {"s_unnamed": True}
                em.emit("成员", name, "Person", st.group, "TaskForce", sentence_bounds(text, m.start()),
                        role=role, o_kind=st.group_kind, **extra)
    return em.out

