"""Task allocations (责任分解): which unit leads which task.

Forms read, all driven by extract/data/task_allocation.yaml:
- a bracket closing a task: "1.任务。（责任领导：张三；牵头单位：区发改局、区财政局）"; in an
  unnumbered paragraph under a heading ("（一）heading" then the paragraph), the task is the heading;
- a lead marked in a list of units: "（责任单位：市发改委（牵头）、市财政局）";
- prose: "由A牵头，B、C配合，在9月底前完成T" (the task is T, deadline dropped), "T，由A牵头",
  "T，A为牵头单位";
- task tables: a header row naming a task column and a lead column, then one row a line or one
  cell a line.
Lines, headings, enumeration marks, sentences and table rows are the layout layer's
(extract/blocks.py); this module reads the words of task lists on top of it.
Coordinating bodies led by a unit ("领导小组由A牵头") are the task_force extractor's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from extract.blocks import Block, Row, blocks, bracket_groups, holding, layout, mark_at, sentences, table_rows
from extract.document import ParsedDocument
from extract.extractors.base import Emitter, is_category, strip_alias
from extract.lexicon import alternation, lexicon
from extract.posts import split_list
from extract.report import warn_unread
from graph.records import Assertion

__all__ = ["extract", "frames"]


@dataclass(frozen=True)
class Frames:
    """task_allocation.yaml, compiled once."""

    field: re.Pattern[str]          # "牵头单位：…" / "配合单位：…" inside a bracket
    any_lead: re.Pattern[str]       # any word naming a lead: lines and sentences without one are skipped
    any_word: re.Pattern[str]       # any lead word or unit label: a document without one holds no task list
    inline_field: re.Pattern[str]   # a label with its colon after a stop or a space ("。牵头单位：")
    any_field: re.Pattern[str]      # a lead label with its colon anywhere: a line of a task list
    lead_labels: frozenset[str]
    labels: frozenset[str]          # every unit label, lead or not: "label：units" lines
    lead_mark: re.Pattern[str]      # "市发改委（牵头）"
    lead_is: re.Pattern[str]        # "A为牵头单位"
    prose_lead: re.Pattern[str]     # "由A牵头"
    lead_short: re.Pattern[str]     # "（A牵头，B配合）": a whole bracket item
    lead_bare: re.Pattern[str]      # "A牵头…" opening a clause
    support: re.Pattern[str]        # "B、C配合"
    others_tail: re.Pattern[str]    # "…等", "…等部门" closing a list item
    deadline: re.Pattern[str]       # "在9月底前"
    lead_ins: tuple[str, ...]       # "会议要求由A牵头": words leading in what is said, no task
    set_up: tuple[str, ...]         # "由A牵头成立工作专班", "下设A组，分别由X牵头": verbs setting a body up
    co_open: re.Pattern[str]        # "会同" opening the units the lead works with
    co_others: re.Pattern[str]      # "…等部门" closing them
    unit_suffixes: tuple[str, ...]
    table_columns: dict[str, str]   # header cell -> "task" | "lead" | "units" | "index" | "other"
    lead_field: str                 # the label a lead column's cells are read under
    units_field: str                # the label another unit column's cells are read under
    item_depth: int                 # enumeration marks this deep or deeper number tasks (layout.yaml)


_alt = alternation


def _data(name: str) -> dict:
    return yaml.safe_load((Path(__file__).parent.parent / "data" / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def frames() -> Frames:
    raw = _data("task_allocation.yaml")
    # Kept once elsewhere: the verbs setting a body up (task_force.yaml) and a table's index
    # headers (tables.yaml, shared with the member tables of .docx/.html).
    force = _data("task_force.yaml")
    raw["body_set_up"] = force["setup_verbs"] + force["subgroup_verbs"]
    raw["table_index_headers"] = _data("tables.yaml")["header_words"]["index"]
    labels = _alt(raw["lead_labels"] + raw["support_labels"])
    before, after = _alt(raw["prose_lead_before"]), _alt(raw["prose_lead_after"])
    return Frames(
        field=re.compile(rf"^\s*(?P<label>{labels})\s*[：:]\s*(?P<value>.+)$", re.S),
        lead_labels=frozenset(raw["lead_labels"]),
        labels=frozenset(raw["lead_labels"] + raw["support_labels"]),
        any_lead=re.compile(_alt(raw["lead_labels"] + raw["lead_marks"] + raw["prose_lead_after"] + raw["prose_lead_is"])),
        any_word=re.compile(_alt(raw["lead_labels"] + raw["support_labels"] + raw["lead_marks"]
                                 + raw["prose_lead_after"] + raw["prose_lead_is"])),
        inline_field=re.compile(rf"(?:(?<=[。；;.，,\s])|^)(?:{labels})\s*[：:]"),
        any_field=re.compile(rf"(?:{_alt(raw['lead_labels'])})\s*[：:]"),
        lead_mark=re.compile(rf"(?:{_alt(raw['lead_marks'])})$"),
        lead_is=re.compile(rf"^(?P<orgs>[^，。；]{{2,80}}?)(?:{_alt(raw['prose_lead_is'])})$"),
        prose_lead=re.compile(rf"(?:{before})(?P<orgs>[^，。；由]{{2,60}}?)(?:{after})"),
        lead_bare=re.compile(rf"^(?P<orgs>[^，。；由：]{{2,60}}?)(?:{after})(?!单位|部门|领导)"),
        lead_short=re.compile(rf"^(?:{before})?(?P<orgs>[^，。；由]{{2,80}}?)(?:{after})$"),
        others_tail=re.compile(rf"(?:{_alt(raw['co_closes'] + ['等'])})$"),
        support=re.compile(rf"(?:{_alt(raw['support_verbs'])})$"),
        deadline=re.compile(rf"^(?:{_alt(raw['deadline_opens'])})[^，。；]{{1,24}}?(?:{_alt(raw['deadline_closes'])})"),
        unit_suffixes=tuple(raw["unit_suffixes"]),
        lead_ins=tuple(raw["prose_lead_ins"]),
        set_up=tuple(raw["body_set_up"]),
        co_open=re.compile(rf"^(?:{_alt(raw['co_opens'])})"),
        co_others=re.compile(rf"[^，。；]{{2,60}}?(?:{_alt(raw['co_closes'])})"),
        table_columns={**{w: "other" for w in raw["table_other_headers"]},
                       **{w: "index" for w in raw["table_index_headers"]},
                       **{w: "units" for w in raw["support_labels"]},
                       **{w: "lead" for w in raw["lead_labels"]},
                       **{w: "task" for w in raw["table_task_headers"]}},
        item_depth=int(raw["item_depth"]),
        lead_field=raw["lead_labels"][0],
        units_field=raw["support_labels"][0],
    )


_END = "。．.；;，,、 "  # a half-width stop too (".")
Span = tuple[int, int]


def extract(doc: ParsedDocument) -> list[Assertion]:
    em = Emitter(doc, "task_allocation")
    if not frames().any_word.search(em.text):
        return em.out  # no lead and no unit label: no task list here (most documents)
    found = blocks(doc)
    _brackets(em, found)
    rows = _tables(em, found)
    _prose(em, found)
    # strictness: a line naming a lead ("…（牵头单位：…）", "牵头单位：…") or a task table's row
    # that gave no fact is a warning with its line
    warn_unread(doc, sorted([(b.start, b.end) for b in holding(found, em.text, frames().any_field)] + rows),
                em.out, "task line")
    return em.out


def extract_brackets(doc: ParsedDocument) -> list[Assertion]:
    """The tasks of a document of another kind that closes each with its leads in a bracket
    ("（一）T（A牵头，B配合）。" in a 联席会议制度's 重点任务): its prose, where a body's own
    牵头单位 is said ("A为牵头单位"), is the other extractor's."""
    em = Emitter(doc, "task_allocation")
    if frames().any_word.search(em.text):
        _brackets(em, blocks(doc))
    return em.out


# ---------------------------------------------------------------------------- brackets closing a task

def _brackets(em: Emitter, found: list[Block]) -> None:
    text = em.text
    heading: Span | None = None  # the title of the heading above
    last: tuple[Block, Span | None] | None = None  # the last block that closed no task, and its heading
    naming = {b.start for b in holding(found, text, frames().any_lead)}  # the blocks naming a lead
    for i, b in enumerate(found):
        if _is_field(text, b):  # "牵头单位：A" on its own line, under the task it closes
            leads = _leads(text[b.body:b.end])  # after its mark, if any ("（1）牵头单位：A")
            task = _task(text, last[0].start, last[0].end, last[1]) if last and leads else None
            if task is not None:
                _emit_leads(em, b.body, leads, em.surface(*task).rstrip(_END), (task[0], b.end))
            continue
        if not (b.start in naming and _closing(em, b, heading)):
            if i and b.kind == "heading":  # the first block is the document's title
                heading = (b.body, b.end)
            last = (b, heading)  # its task is read only if a label line follows


def _is_field(text: str, b: Block) -> bool:
    """A "label：units" line of its own ("牵头单位：县财政局")."""
    return (b.kind == "key_value" and b.key is not None and b.value is not None and b.value[1] > b.value[0]
            and text[b.key[0]:b.key[1]] in frames().labels)


def _closing(em: Emitter, b: Block, heading: Span | None) -> bool:
    """Emit the tasks a block's brackets ("…。（牵头单位：A）") or inline fields ("…。牵头单位：A；")
    close; whether there were any."""
    text, fr = em.text, frames()
    seg, found = b.start, False  # where the current task's text starts
    for a, z in bracket_groups(text, b.start, b.end):
        leads = _leads(text[a + 1:z - 1])
        if not leads:
            continue
        found = True
        task = _task(text, seg, a, heading)
        if task is not None:
            _emit_leads(em, a + 1, leads, em.surface(*task).rstrip(_END), (seg, z))
        seg = z
    inline = None if found else fr.inline_field.search(text, b.start, b.end)
    if inline:  # "1.task。牵头单位：A；配合单位：B。": the fields close the task without a bracket
        leads = _leads(text[inline.start():b.end])
        task = _task(text, b.start, inline.start(), heading) if leads else None
        if task is not None:
            found = True
            _emit_leads(em, inline.start(), leads, em.surface(*task).rstrip(_END), (b.start, b.end))
    return found


def _emit_leads(em: Emitter, base: int, leads: list[tuple[int, int]], task: str, at: tuple[int, int]) -> None:
    for la, lb in leads:  # "市发展改革委（市营商局）": the first name, the second an alias
        em.emit("牵头", strip_alias(em.surface(base + la, base + lb))[0], "Organization", task, "Task", at)


def _leads(meta: str) -> list[tuple[int, int]]:
    """Spans (in `meta`) of the lead units a bracket names."""
    fr = frames()
    out: list[tuple[int, int]] = []
    for fa, fb in _fields(meta):
        part = meta[fa:fb]
        m = fr.field.match(part)
        if m:
            va = fa + m.start("value")
            value = m.group("value")
            lead = m.group("label") in fr.lead_labels
            for x, y in split_list(value, "、，,"):
                tail = fr.support.search(value, x, y) or fr.others_tail.search(value, x, y)
                if tail:  # "市财政局等", "市财政局按职责分工负责": the unit alone
                    y = tail.start()
                while y > x and value[y - 1] in "。．. ":  # the line's stop after the last unit
                    y -= 1
                item = value[x:y]
                mark = fr.lead_mark.search(item)
                if mark and not lead:  # 责任单位：市发改委（牵头）、市财政局
                    y -= len(mark.group(0))
                    item = item[:-len(mark.group(0))]
                elif not lead and not _shares_mark(value, y):
                    continue
                if not is_category(item):
                    out.append((va + x, va + y))
            continue
        for ca, cb in split_list(part, "，,"):  # （A为牵头单位，B为配合单位） / （A牵头，B配合）
            m = fr.lead_is.match(meta[ca + fa:cb + fa]) or fr.lead_short.match(meta[ca + fa:cb + fa])
            if m:
                oa = fa + ca + m.start("orgs")
                out += [(oa + x, oa + y) for x, y in _units(m.group("orgs"))]
    return out


def _shares_mark(value: str, end: int) -> bool:
    """"A、B牵头，C配合": a bare mark after the last of units joined by 、 leads them all (a bracketed
    one, "A（牵头）、B", marks its own unit only)."""
    stop = min([i for i in (value.find("，", end), value.find(",", end)) if i >= 0] or [len(value)])
    rest = value[end:stop].rstrip("。．. ")
    mark = frames().lead_mark.search(rest)
    return rest.startswith("、") and mark is not None and mark.group(0)[0] not in layout().brackets_open


def _fields(meta: str) -> list[tuple[int, int]]:
    """The labelled parts of a bracket or line: cut at ；, and before every label with a colon
    ("牵头单位：A  配合单位：B", "牵头单位：A，配合单位：B")."""
    cuts = [m.start() for m in frames().inline_field.finditer(meta) if m.start() > 0]
    out = []
    for fa, fb in split_list(meta, "；;"):
        bounds = [fa] + [c for c in cuts if fa < c < fb] + [fb]
        for a, b in zip(bounds, bounds[1:]):
            part = meta[a:b].rstrip("，, \t")
            if part.strip():
                out.append((a, a + len(part)))
    return out


def _task(text: str, a: int, b: int, heading: Span | None) -> Span | None:
    """The task a bracket at `b` closes, its text from `a`: a numbered item's text, a heading's
    sentence, or the heading above an unnumbered paragraph."""
    while b > a and text[b - 1] in _END:
        b -= 1
    while a < b and text[a] in _END:
        a += 1
    if b - a < 2:
        return None
    mark = mark_at(text, a, b)
    stop = text.find("。", mark.body, b) if mark else -1
    if mark and mark.depth >= frames().item_depth:  # "1.title。paragraph…（牵头…）": a short first
        if 0 < stop - mark.body <= _TITLE_MAX and not _CLAUSE.search(text, mark.body, stop):  # sentence
            return mark.body, stop  # without a comma is the item's title
        return mark.body, b
    if mark:  # "（一）heading。paragraph…（牵头单位：…）": the heading is the task
        return mark.body, (stop if stop >= 0 else b)
    if heading is not None and ("。" in text[a:b] or b - a > 80):
        return heading
    return a, b


_CLAUSE = re.compile("[，,；;：:]")


# ---------------------------------------------------------------------------- tables

def _tables(em: Emitter, found: list[Block]) -> list[Span]:
    """"序号 工作任务 牵头单位 配合单位" then its rows: the lead cell's units lead the task cell.
    Returns the rows' spans."""
    rows = table_rows(em.text, found, frames().table_columns, _task_table)
    for row in rows:
        _emit_row(em, row)
    return [row.span for row in rows]


def _task_table(kinds: Sequence[str]) -> bool:
    return "task" in kinds and ("lead" in kinds or "units" in kinds)


def _emit_row(em: Emitter, row: Row) -> None:
    """The lead cells' units lead the task cell; a cell wrapped onto the lines below is read whole."""
    text, fr = em.text, frames()
    col = row.kinds.index("task")
    task = _pieces(em, [row.cells[col], *row.more[col]], 0, 1 << 30).rstrip(_END)
    for kind, cell, more in zip(row.kinds, row.cells, row.more):
        pieces = [p for p in (cell, *more) if p[1] > p[0]]
        if kind in ("lead", "units") and pieces:  # read as the bracket field "label：cell" would be
            field = (fr.lead_field if kind == "lead" else fr.units_field) + "："
            for la, lb in _leads(field + "".join(text[a:b] for a, b in pieces)):
                name = _pieces(em, pieces, la - len(field), lb - len(field))
                em.emit("牵头", strip_alias(name)[0], "Organization", task, "Task", row.span)


def _pieces(em: Emitter, pieces: list[Span], x: int, y: int) -> str:
    """The source text of [x, y) of the pieces' texts joined (a cell wrapped over lines)."""
    out, off = [], 0
    for a, b in pieces:
        lo, hi = max(x - off, 0), min(y - off, b - a)
        if lo < hi:
            out.append(em.surface(a + lo, a + hi))
        off += b - a
    return "".join(out)


# ---------------------------------------------------------------------------- prose

def _prose(em: Emitter, found: list[Block]) -> None:
    text = em.text
    fr = frames()
    for b in holding(found, text, fr.any_lead):
        for sa, sb in sentences(text, b):
            if not fr.any_lead.search(text, sa, sb):  # only the sentences that name a lead
                continue
            sb -= text[sb - 1] in _STOPS
            _prose_sentence(em, b, sa, sb)


_STOPS = "。；！？"


def _prose_sentence(em: Emitter, b: Block, sa: int, sb: int) -> None:
    fr = frames()
    sent = em.text[sa:sb]
    for m in fr.prose_lead.finditer(sent):
        units = _units(m.group("orgs"))
        if not units or _leads_a_body(sent[:m.start()]):
            continue
        titled = _item_title(em.text, b, sa, sa + m.start())  # "1.摸底调查。由A牵头，…": the item's title is the task
        task = titled or _task_glued(sent, m.start()) or _task_after(sent, m.end()) or _task_before(sent, m.start())
        _emit_prose(em, sa, m.start("orgs"), units, task, (sa, sb))
    for ca, cb in split_list(sent, "，,"):
        mark = mark_at(sent, ca, cb)  # "2.资金保障：县财政局牵头": the clause after the title
        prefix = _TITLE_COLON.match(sent, mark.body, cb) if mark else None
        ca = prefix.end() if prefix else ca
        clause = sent[ca:cb]
        m = fr.lead_is.match(clause)
        if m:
            titled = _item_title(em.text, b, sa, sa + ca)
            _emit_prose(em, sa, ca, _units(m.group("orgs")), titled or _task_before(sent, ca), (sa, sb))
            continue
        m = fr.lead_bare.match(clause)  # "县财政局牵头，各乡镇配合，完成T": no 由
        if m and _all_level_units(m.group("orgs")):
            task = _item_title(em.text, b, sa, sa + ca) or _task_after(sent, ca + m.end()) or _task_before(sent, ca)
            _emit_prose(em, sa, ca + m.start("orgs"), _units(m.group("orgs")), task, (sa, sb))


_TITLE_MAX = 20  # characters: an item's title is a phrase, its body sentences are longer
_TITLE = rf"[^，,。；;：:、\s]{{2,{_TITLE_MAX}}}"
_TITLE_COLON = re.compile(rf"{_TITLE}[：:]\s*")
_ITEM_TITLE = re.compile(rf"(?P<title>{_TITLE})[。．.：:]\s*$")


def _item_title(text: str, b: Block, sa: int, lead: int) -> Span | None:
    """The title of a numbered item when the lead at `lead` directly follows it on its line
    ("2.方案编制。由A牵头，B配合，…", "2.方案编制：由A牵头"): a short phrase without a comma after the
    item's mark. Offsets relative to `sa`, the sentence's start, as the tasks found in it."""
    m = _ITEM_TITLE.match(text, b.mark.body, lead) if b.mark else None
    return (m.start("title") - sa, m.end("title") - sa) if m else None


def _all_level_units(orgs: str) -> bool:
    """Without 由, a clause opens with its lead only when every item is a unit of a level
    (县财政局, 市住房城乡建设局): "会议要求县发改局牵头" does not."""
    levels = lexicon().levels or ("省", "市", "县", "区")
    items = [orgs[x:y] for x, y in split_list(orgs, "、")]
    return bool(items) and all(_is_unit(i) and i.startswith(levels) for i in items)


def _emit_prose(em: Emitter, sa: int, oa: int, units: list[tuple[int, int]],
                task: tuple[int, int] | None, at: tuple[int, int]) -> None:
    if task is None:
        return
    name = em.surface(sa + task[0], sa + task[1]).rstrip(_END)
    if len(name) < 4 or _leads_a_body(em.text[sa + task[0]:sa + task[1]]):  # words match normalised text
        return
    for x, y in units:
        em.emit("牵头", strip_alias(em.surface(sa + oa + x, sa + oa + y))[0], "Organization", name, "Task", at)


def _units(orgs: str) -> list[tuple[int, int]]:
    """The units of "A、B和C": bodies only (not 各有关部门, not a leader's title)."""
    out = []
    for x, y in split_list(orgs, "、，,"):
        parts = [(x + a, x + b) for a, b in split_list(orgs[x:y], "和及与")]
        if not all(_is_unit(orgs[a:b]) for a, b in parts):  # 县发展和改革局 is one body
            parts = [(x, y)]
        out += [(a, b) for a, b in parts if _is_unit(orgs[a:b])]
    return out


def _is_unit(item: str) -> bool:
    lex = lexicon()
    if is_category(item) or lex.is_title(item) or len(item) > 30:
        return False
    return lex.is_org(item) or item.endswith(frames().unit_suffixes)


def _task_after(sent: str, at: int) -> tuple[int, int] | None:
    """"…牵头，B、C配合，在9月底前完成T，…" -> T (one clause, deadline dropped)."""
    fr = frames()
    glued = at < len(sent) and sent[at] not in "，,"
    for x, y in split_list(sent[at:], "，,"):
        clause = sent[at + x:at + y]
        if fr.support.search(clause):
            glued = False
            continue
        d = fr.deadline.match(clause)
        if d:
            x += d.end()
            clause = clause[d.end():]
        co = _co_units(clause)  # "会同市财政局等部门制定实施细则": the task is 制定实施细则
        x += co
        clause = clause[co:]
        if len(clause) >= 2 and not (glued and x == 0 and len(clause) < 4):
            return at + x, at + y
        glued = False
    return None


def _co_units(clause: str) -> int:
    """Length of a leading "会同B、C等部门" naming the units the lead works with; 0 if none.
    (Without a closing 等部门 the units stay in the task text, which still contains the task.)"""
    fr = frames()
    m = fr.co_open.match(clause)
    others = fr.co_others.match(clause, m.end()) if m else None
    return others.end() if others else 0


def _task_glued(sent: str, at: int) -> Span | None:
    """"T由A牵头负责，…" -> T: the words the clause opens with before its 由, unless they lead in
    what is said ("会议要求由A牵头…")."""
    cut = max(sent.rfind(c, 0, at) for c in "，,：:；") + 1
    mark = mark_at(sent, cut, at)
    a = mark.body if mark else cut
    while a < at and sent[a] == " ":
        a += 1
    if at - a < 4 or sent.endswith(frames().lead_ins, a, at):
        return None
    return a, at


def _task_before(sent: str, at: int) -> Span | None:
    """"T，由A牵头" -> T: the clause before the lead."""
    pre = sent[:at].rstrip("，, ")
    cut = max(pre.rfind("，"), pre.rfind(","), pre.rfind("："), pre.rfind(":")) + 1
    mark = mark_at(pre, cut)
    a = mark.body if mark else cut
    if len(pre) - a < 4 or pre.endswith(frames().lead_ins):  # "会议明确，由A牵头": no task
        return None
    return a, len(pre)


def _leads_a_body(text: str) -> bool:
    """"领导小组由A牵头" / "由A牵头成立工作专班": the lead is of a body, not a task."""
    lex = lexicon()
    t = text.rstrip("，, ")
    return bool(lex.task_force_kind(t)) or (any(v in t for v in frames().set_up)
                                             and any(k in t for k in lex.task_force_kinds))
