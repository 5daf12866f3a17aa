"""工作分工: who 主持/负责/分管/主管/联系/协助联系 what.

Handles the notice form ("市委常委、副市长武跃飞：负责…。分管…。联系…。"), the list form
("张小宏 副市长" on its own line, duties below), and news prose ("林文生副市长则负责农村、
农业…", "…等工作，统一由黄文辉副市长负责", "同时，他还分管…").
"""

from __future__ import annotations

import re

from extract.document import ParsedDocument
from extract.extractors.base import Emitter, is_category, strip_alias
from extract.lexicon import CJK, lexicon
from extract.posts import parse_posts, split_list
from graph.records import Assertion

__all__ = ["extract"]

_LEADER_TITLE = r"(?:常务副市长|副市长|市长|常务副县长|副县长|县长|常务副区长|副区长|区长|常务副省长|副省长|省长|副秘书长|秘书长)"
_HEADER = re.compile(rf"^\s*(?P<head>[^：:。，]{{3,40}}?)[：:]")
_LIST_HEADER = re.compile(rf"^\s*(?P<name>[{CJK}](?:\s*[{CJK}·]){{1,5}})\s+(?P<title>(?:[{CJK}]{{0,8}}、)?[{CJK}]{{0,8}}{_LEADER_TITLE})\s*$")
_TITLE_HEADER = re.compile(rf"^\s*(?:[一二三四五六七八九十]+、)?(?P<title>(?:[{CJK}]{{0,8}}、)?[{CJK}]{{0,8}}{_LEADER_TITLE})\s*(?P<name>[{CJK}](?:\s*[{CJK}·]){{1,5}})\s*$")
_NAME_BEFORE = re.compile(rf"(?P<name>[{CJK}]{{2,3}})(?:作为|作為)?(?P<title>{_LEADER_TITLE})")
_TITLE_BEFORE = re.compile(rf"(?P<title>{_LEADER_TITLE})(?P<name>[{CJK}]{{2,3}})(?=主持|负责|分管|[：:])")
_NOT_NAME_START = set("由则和与是为的了在对将从向把被及以各位等也还即均作")
_NOT_NAMES = {"协助", "完成", "关于", "现将", "交办", "各位", "担任", "兼任", "作为", "同时", "其中", "分管", "负责",
              "联系", "主持", "协调", "配合", "请示", "报告", "由于", "一名", "一位", "新任", "原任", "除了",
              "外出", "外出时", "不在", "出差", "记者", "分析", "各位"}
_VERBS = [("协助市长联系", "协助联系"), ("协助市长分管", "协助分管"), ("协助联系", "协助联系"), ("协助分管", "协助分管"), ("分管", "分管"),
          ("主管", "主管"), ("联系", "联系"), ("负责", "负责"), ("主持", "主持"), ("领导", "主持")]
_VERB_RE = re.compile("|".join(v for v, _ in _VERBS))
_STOP = re.compile(r"^(?:有利于|体现|也|将|这|包括|从而|进一步|确保|着力|充分|以便|便于|实现|形成|推动|使|让|以(?!及))")
_CONTINUE = re.compile(r"^(?:以及|此外还有|此外|还有|及|并)")
_BY_LEADER = re.compile(rf"(?:均|统一|统一归口|归口)?由(?P<name>[{CJK}]{{2,3}}?)(?P<title>{_LEADER_TITLE})?负责")


def extract(doc: ParsedDocument) -> list[Assertion]:
    em = Emitter(doc, "work_division")
    text = em.text
    leader: str | None = None
    structured = any(_HEADER.match(text[a:b]) and _split_head(_HEADER.match(text[a:b]).group("head"))
                     for a, b in _sentences(text)) or any(_LIST_HEADER.match(l) or _TITLE_HEADER.match(l) for l in text.split("\n"))
    for sa, sb in _sentences(text):
        sent = text[sa:sb]
        # a header sets the leader: "市委常委、副市长武跃飞：" / "张小宏 副市长"
        line_start = text.rfind("\n", 0, sa) + 1
        line = text[line_start:text.find("\n", line_start) if text.find("\n", line_start) != -1 else len(text)]
        lh = _LIST_HEADER.match(line)
        th = _TITLE_HEADER.match(line)
        if th and sa == line_start and _name_ok(re.sub(r"\s+", "", th.group("name"))) and \
                parse_posts(re.sub(r"\s+", "", th.group("title"))):
            leader = em.surface(line_start + th.start("name"), line_start + th.end("name"))
            _posts(em, leader, th.group("title"), (sa, sb))
            continue
        if lh and sa == line_start:
            leader = em.surface(line_start + lh.start("name"), line_start + lh.end("name"))
            _posts(em, leader, lh.group("title"), (sa, sb))
            continue
        h = _HEADER.match(sent)
        body_from = 0
        if h:
            got = _split_head(h.group("head"))
            if got:
                titles, n = got
                if n < 0:  # the name comes first
                    head = h.group("head")
                    lead = len(head) - len(head.lstrip())
                    name_a = sa + h.start("head") + lead
                    raw = head.lstrip()
                    k, count = 0, 0
                    while k < len(raw) and count < -n:
                        count += 0 if raw[k].isspace() else 1
                        k += 1
                    leader = em.surface(name_a, name_a + k)
                    _posts(em, leader, re.sub(r"[（()）\s]", "", raw[k:]), (sa, sb))
                else:
                    name_a = sa + h.end("head") - n
                    leader = em.surface(name_a, sa + h.end("head"))
                    _posts(em, leader, titles, (sa, sb))
                body_from = h.end()
        mentioned = None if structured else _mentions(em, sa + body_from, sb)
        by = _BY_LEADER.search(sent)
        if by and _name_ok(by.group("name")):
            who = em.surface(sa + by.start("name"), sa + by.end("name"))
            if by.group("title"):
                _posts(em, who, by.group("title"), (sa, sb))
            _backward_list(em, who, sa + body_from, sa + by.start(), (sa, sb))
            leader = who
            _clauses(em, leader, sa + by.end(), sb)
            for cm in re.finditer(r"兼任(?P<post>[^，。；、]{3,30})", sent[by.end():]):
                _posts(em, leader, cm.group("post"), (sa, sb))
            continue
        if mentioned:
            leader = mentioned
        if leader is None:
            continue
        before = len(em.out)
        for cm in re.finditer(r"兼任(?P<post>[^，。；、]{3,30})", sent):
            _posts(em, leader, cm.group("post"), (sa, sb))
        _clauses(em, leader, sa + body_from, sb)
        rest = text[sa + body_from:sb].strip()
        if structured and len(em.out) == before and rest and not _NO_DUTY.search(rest) and not h:
            doc.source.warnings.append(
                f"{doc.info.source}:{doc.evidence(sa, sb)[3]}: 分工 sentence not understood: {rest[:60]}")
    return em.out


_NO_DUTY = re.compile(r"交办的其他|其他工作|^特此|此件|^\d{4}年|人民政府|办公室$|办公厅$|通知如下|分工如下|研究决定|工作分工")


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"[。；;！？\n]", text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def _split_head(head: str) -> tuple[str, int] | None:
    """"市委常委、副市长武跃飞" -> ("市委常委、副市长", 3)."""
    h = re.sub(r"\s+", "", head)
    first = re.match(rf"^(?P<name>[{CJK}]{{2,3}})[（(]?(?P<titles>[^（）()]*{_LEADER_TITLE})[）)]?$", h)
    if first and _name_ok(first.group("name")) and parse_posts(first.group("titles")):
        return "", -len(first.group("name"))  # name first: "王大明市长" / "王大明（市长）"
    for n in (2, 3, 4):
        if len(h) <= n + 1:
            continue
        titles, name = h[:-n], h[-n:]
        if name[0] in _NOT_NAME_START:
            continue
        posts = parse_posts(titles)
        if posts and re.search(rf"{_LEADER_TITLE}$|书记$|主任$|常委$|组长$", titles) and \
                sum(b - a for a, b in split_list(titles, "、，")) == len(titles.replace("、", "").replace("，", "")):
            if all(parse_posts(titles[a:b]) for a, b in split_list(titles, "、，")):
                return titles, len(head) - len(head.rstrip()) + _raw_len(head, n)
    return None


def _raw_len(head: str, n: int) -> int:
    """Length in `head` (which may hold spaces) of its last n non-space characters."""
    count, i = 0, len(head)
    while i > 0 and count < n:
        i -= 1
        if not head[i].isspace():
            count += 1
    return len(head) - i


def _name_ok(name: str) -> bool:
    return bool(name) and name[0] not in _NOT_NAME_START and name not in _NOT_NAMES \
        and not name.startswith(tuple(_NOT_NAMES)) and not lexicon().is_title(name)


def _posts(em: Emitter, who: str, titles: str, at: tuple[int, int]) -> None:
    for post in parse_posts(re.sub(r"\s+", "", titles)):
        if post.org:
            em.emit("任职", who, "Person", post.org, "Organization", at, position=post.title)


def _mentions(em: Emitter, a: int, b: int) -> str | None:
    """Leaders named in prose ("林文生副市长", "市长裴金佳", "郑云峰作为常务副市长")."""
    text = em.text[a:b]
    found = None
    for m in list(_NAME_BEFORE.finditer(text)) + list(_TITLE_BEFORE.finditer(text)):
        name = m.group("name")
        na = m.start("name")
        title = m.group("title")
        if name.endswith("副") and m.re is _NAME_BEFORE:
            name, title = name[:-1], "副" + title
        if len(name) == 3 and name[0] in _NOT_NAME_START:
            name, na = name[1:], na + 1
        if not _name_ok(name) or lexicon().is_title(name) or name.endswith(("市", "县", "区", "省")):
            continue
        if text[max(0, m.start() - 1):m.start()] == "由":
            continue
        if len(name) < 2:
            continue
        who = em.surface(a + na, a + na + len(name))
        _posts(em, who, title, (a, b))
        if found is None:
            found = who
    return found


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


def _split_and(piece: str) -> list[tuple[int, int]]:
    """Split "A及B" / "A以及B" when both sides are bodies."""
    m = re.search(r"以及|及", piece)
    if m and lexicon().is_org(strip_alias(piece[:m.start()])[0]) and len(piece) - m.end() >= 2:
        return [(0, m.start())] + [(m.end() + a, m.end() + b) for a, b in _split_and(piece[m.end():])]
    return [(0, len(piece))]


def _clean_item(item: str, rel: str) -> str | None:
    if is_category(item.strip()):
        return None
    item = re.sub(r"^(?:其他|另外)?", "", item).strip()
    item = re.sub(r"(?:等)?(?:方面|方面的|领域)?(?:的)?(?:专项)?工作$", lambda m: "" if m.group(0) != "工作" else m.group(0), item)
    item = re.sub(r"(?:等方面的工作|方面的工作|等方面工作|等工作|专项工作|方面工作)$", "", item)
    if rel == "主持":
        item = re.sub(r"(?:的)?(?:全面|日常)?工作$", "", item)
    if not item or len(item) < 2 or is_category(item):
        return None
    return item


def _clauses(em: Emitter, leader: str, a: int, b: int) -> str | None:
    text = em.text
    sent = text[a:b]
    rel: str | None = None
    for ca, cb in split_list(sent, "，,"):
        clause = sent[ca:cb]
        if re.search(r"外出时|不在时|缺席时", clause):
            break  # who stands in for whom is not a division of work
        v = _VERB_RE.search(clause)
        if v and v.group(0) in ("领导", "主持") and not re.search(r"工作$", clause):
            v = None
        if v and v.start() <= 14 and not re.match(r"负责(?:制|人(?!力|民|口|才)|同志)", clause[v.start():v.end() + 2]):
            rel = dict(_VERBS)[v.group(0)]
            seg_a = ca + v.end()
        elif rel and not _STOP.match(clause) and not v:
            seg_a = ca
        else:
            rel = None
            continue
        if _STOP.match(clause):
            rel = None
            continue
        seg = sent[seg_a:cb]
        if rel == "协助联系" and seg.startswith(("处理",)):
            continue
        if rel == "负责" and seg.startswith("处理"):
            continue
        for x, y in _items(seg):
            raw = seg[x:y]
            item = _clean_item(raw, rel)
            if item is None:
                continue
            start = a + seg_a + x + raw.find(item[:1]) if item[:1] in raw else a + seg_a + x
            name = em.surface(start, start + len(item))
            if rel == "负责":
                em.emit("负责", leader, "Person", name, "Area", (a, b))
                continue
            name = strip_alias(name)[0]
            if rel == "主持":
                em.emit("主持", leader, "Person", name, "Organization", (a, b))
                continue
            # 联系/主管 name bodies; 分管 may name a body or a field of work (分管安全生产)
            is_body = lexicon().is_org(strip_alias(item)[0]) or rel in ("联系", "主管", "协助联系")
            o_type = "Organization" if is_body else "Area"
            em.emit(rel, leader, "Person", name, o_type, (a, b))
    return None


def _backward_list(em: Emitter, who: str, a: int, b: int, at: tuple[int, int]) -> None:
    """"A、B等工作，统一由X负责": the areas come before the leader."""
    text = em.text[a:b]
    for ca, cb in split_list(text, "，,"):
        clause = text[ca:cb]
        if _STOP.match(clause) or _VERB_RE.search(clause) and not _CONTINUE.match(clause):
            continue
        for x, y in _items(clause):
            raw = clause[x:y]
            item = _clean_item(re.sub(r"(?:归口|统一)$", "", raw), "负责")
            if item is None:
                continue
            start = a + ca + x
            em.emit("负责", who, "Person", em.surface(start, start + len(item)), "Area", at)
