"""Task allocations (责任分解): which unit leads which task.

Forms read, all driven by extract/data/task_allocation.yaml:
- a bracket closing a task: "1.任务。（责任领导：张三；牵头单位：区发改局、区财政局）"; in an
  unnumbered paragraph under a heading ("（一）heading" then the paragraph), the task is the heading;
- a lead marked in a list of units: "（责任单位：市发改委（牵头）、市财政局）";
- prose: "由A牵头，B、C配合，在9月底前完成T" (the task is T, deadline dropped), "T，由A牵头",
  "T，A为牵头单位".
Coordinating bodies led by a unit ("领导小组由A牵头") are the task_force extractor's.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from extract.document import ParsedDocument
from extract.extractors.base import Emitter, is_category, strip_alias
from extract.lexicon import lexicon
from extract.posts import split_list
from graph.records import Assertion

__all__ = ["extract", "frames"]


@dataclass(frozen=True)
class Frames:
    """task_allocation.yaml, compiled once."""

    field: re.Pattern[str]          # "牵头单位：…" / "配合单位：…" inside a bracket
    any_lead: re.Pattern[str]       # any word naming a lead: lines and sentences without one are skipped
    any_label: re.Pattern[str]      # any unit label (a table header has one)
    inline_field: re.Pattern[str]   # a label with its colon after a stop or a space ("。牵头单位：")
    lead_labels: frozenset[str]
    lead_mark: re.Pattern[str]      # "市发改委（牵头）"
    lead_is: re.Pattern[str]        # "A为牵头单位"
    prose_lead: re.Pattern[str]     # "由A牵头"
    lead_short: re.Pattern[str]     # "（A牵头，B配合）": a whole bracket item
    lead_bare: re.Pattern[str]      # "A牵头…" opening a clause
    support: re.Pattern[str]        # "B、C配合"
    others_tail: re.Pattern[str]    # "…等", "…等部门" closing a list item
    deadline: re.Pattern[str]       # "在9月底前"
    co_open: re.Pattern[str]        # "会同" opening the units the lead works with
    co_others: re.Pattern[str]      # "…等部门" closing them
    unit_suffixes: tuple[str, ...]
    table_columns: dict[str, str]   # header cell -> "task" | "lead" | "units" | "other"


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def frames() -> Frames:
    raw = yaml.safe_load((Path(__file__).parent.parent / "data" / "task_allocation.yaml").read_text(encoding="utf-8"))
    labels = _alt(raw["lead_labels"] + raw["support_labels"])
    before, after = _alt(raw["prose_lead_before"]), _alt(raw["prose_lead_after"])
    return Frames(
        field=re.compile(rf"^\s*(?P<label>{labels})\s*[：:]\s*(?P<value>.+)$", re.S),
        lead_labels=frozenset(raw["lead_labels"]),
        any_lead=re.compile(_alt(raw["lead_labels"] + raw["lead_marks"] + raw["prose_lead_after"] + raw["prose_lead_is"])),
        any_label=re.compile(labels),
        inline_field=re.compile(rf"(?:(?<=[。；;.，,\s])|^)(?:{labels})\s*[：:]"),
        lead_mark=re.compile(rf"(?:{_alt(raw['lead_marks'])})$"),
        lead_is=re.compile(rf"^(?P<orgs>[^，。；]{{2,80}}?)(?:{_alt(raw['prose_lead_is'])})$"),
        prose_lead=re.compile(rf"(?:{before})(?P<orgs>[^，。；由]{{2,60}}?)(?:{after})"),
        lead_bare=re.compile(rf"^(?P<orgs>[^，。；由：]{{2,60}}?)(?:{after})(?!单位|部门|领导)"),
        lead_short=re.compile(rf"^(?:{before})?(?P<orgs>[^，。；由]{{2,80}}?)(?:{after})$"),
        others_tail=re.compile(rf"(?:{_alt(raw['co_closes'] + ['等'])})$"),
        support=re.compile(rf"(?:{_alt(raw['support_verbs'])})$"),
        deadline=re.compile(rf"^(?:{_alt(raw['deadline_opens'])})[^，。；]{{1,24}}?(?:{_alt(raw['deadline_closes'])})"),
        unit_suffixes=tuple(raw["unit_suffixes"]),
        co_open=re.compile(rf"^(?:{_alt(raw['co_opens'])})"),
        co_others=re.compile(rf"[^，。；]{{2,60}}?(?:{_alt(raw['co_closes'])})"),
        table_columns={**{w: "other" for w in raw["table_other_headers"]},
                       **{w: "units" for w in raw["support_labels"]},
                       **{w: "lead" for w in raw["lead_labels"]},
                       **{w: "task" for w in raw["table_task_headers"]}},
    )


# Item numbers open a task of their own; Chinese-numeral markers open a heading.
_ITEM_MARK = re.compile(r"\s*(?:\d+[.、．]|[（(]\d+[）)]|[①-⑳])\s*")
_HEAD_MARK = re.compile(r"\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+[条项部分])\s*")
_END = "。．.；;，,、 "  # a half-width stop too (".")


def extract(doc: ParsedDocument) -> list[Assertion]:
    em = Emitter(doc, "task_allocation")
    _brackets(em)
    _tables(em)
    _prose(em)
    return em.out


# ---------------------------------------------------------------------------- brackets closing a task

def _brackets(em: Emitter) -> None:
    text = em.text
    fr = frames()
    heading: tuple[int, int] | None = None
    last_line: tuple[str, int, tuple[int, int] | None] | None = None  # the last line that was not a label line
    titled = False
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if not line.strip():
            continue
        if fr.field.match(line):  # "牵头单位：A" on its own line, under the task it closes
            leads = _leads(line)
            last_task = _task(last_line[0], 0, len(last_line[0]), *last_line[1:]) if last_line and leads else None
            if leads and last_task is not None:
                _emit_leads(em, start, leads, em.surface(*last_task).rstrip(_END), (last_task[0], start + len(line)))
            continue
        seg = 0  # where the current task's text starts in the line
        found = False
        for a, b in (_groups(line) if fr.any_lead.search(line) else ()):
            leads = _leads(line[a + 1:b - 1])
            if not leads:
                continue
            found = True
            task = _task(line, seg, a, start, heading)
            if task is not None:
                _emit_leads(em, start + a + 1, leads, em.surface(*task).rstrip(_END), (start + seg, start + b))
            seg = b
        inline = fr.inline_field.search(line) if not found and fr.any_lead.search(line) else None
        if inline:  # "1.task。牵头单位：A；配合单位：B。": the fields close the task without a bracket
            leads = _leads(line[inline.start():])
            task = _task(line, 0, inline.start(), start, heading) if leads else None
            if task is not None:
                found = True
                _emit_leads(em, start + inline.start(), leads, em.surface(*task).rstrip(_END), (start, start + len(line)))
        if not found:
            got = _heading(line) if titled else None  # the first line is the document's title
            if got is not None:
                heading = (start + got[0], start + got[1])
            last_line = (line, start, heading)  # its task is read only if a label line follows
        titled = True


def _emit_leads(em: Emitter, base: int, leads: list[tuple[int, int]], task: str, at: tuple[int, int]) -> None:
    for la, lb in leads:  # "市发展改革委（市营商局）": the first name, the second an alias
        em.emit("牵头", strip_alias(em.surface(base + la, base + lb))[0], "Organization", task, "Task", at)


_OPEN, _CLOSE = "（(【〔[", "）)】〕]"


def _groups(line: str) -> list[tuple[int, int]]:
    """Top-level bracket groups (start, end past the closing bracket), nested brackets kept inside."""
    out, depth, open_at = [], 0, 0
    for i, ch in enumerate(line):
        if ch in _OPEN:
            if depth == 0:
                open_at = i
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
            if depth == 0:
                out.append((open_at, i + 1))
    return out


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
    return rest.startswith("、") and mark is not None and mark.group(0)[0] not in _OPEN


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


def _task(line: str, seg: int, bracket: int, start: int,
          heading: tuple[int, int] | None) -> tuple[int, int] | None:
    """The task a bracket closes: a numbered item's text, a heading's sentence, or the heading above
    an unnumbered paragraph (offsets in the text; the line begins at `start`)."""
    a, b = seg, bracket
    while b > a and line[b - 1] in _END:
        b -= 1
    while a < b and line[a] in _END:
        a += 1
    if b - a < 2:
        return None
    item = _ITEM_MARK.match(line, a)
    if item:  # "1.title。paragraph…（牵头…）": a short first sentence without a comma is the item's title
        stop = line.find("。", item.end(), b)
        if 0 < stop - item.end() <= _TITLE_MAX and not re.search("[，,；;：:]", line[item.end():stop]):
            return start + item.end(), start + stop
        return start + item.end(), start + b
    head = _HEAD_MARK.match(line, a)
    if head:  # "（一）heading。paragraph…（牵头单位：…）": the heading is the task
        stop = line.find("。", head.end(), b)
        return start + head.end(), start + (stop if stop > 0 else b)
    body = line[a:b]
    if heading is not None and ("。" in body or len(body) > 80):
        return heading
    return start + a, start + b


def _heading(line: str) -> tuple[int, int] | None:
    """A heading line: a Chinese-numeral marker or a short line with no sentence in it."""
    s = line.rstrip(_END)
    m = _HEAD_MARK.match(s) or _ITEM_MARK.match(s)
    a = m.end() if m else len(s) - len(s.lstrip())
    body = s[a:]
    if not body or "。" in body or "，" in body or len(body) > (50 if m else 30):
        return None
    if not m and re.search(r"[：:；;]", body):
        return None
    return a, len(s)


# ---------------------------------------------------------------------------- tables

_CELL = re.compile(r"\S+")
_STOPS = re.compile(r"[。；;\n]")


def _tables(em: Emitter) -> None:
    """"序号 工作任务 牵头单位 配合单位" then one row a line: the lead cell's units lead the task cell."""
    text = em.text
    columns = frames().table_columns
    header: list[str] | None = None
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if header is None and not frames().any_label.search(line):
            continue  # no table begun, and no header here
        cells = [(m.start(), m.end()) for m in _CELL.finditer(line)]
        if len(cells) < 2:
            continue
        kinds = [columns.get(line[a:b]) for a, b in cells]
        if all(kinds) and "task" in kinds and ("lead" in kinds or "units" in kinds):
            header = kinds  # type: ignore[assignment]
            continue
        if header is None:
            continue
        if len(cells) == len(header) - 1 and header[0] == "other" and not line[cells[0][0]:cells[0][1]].isdigit():
            cells = [(0, 0)] + cells  # the index cell left empty
        if len(cells) != len(header):
            continue
        _emit_row(em, header, [(start + a, start + b) for a, b in cells], (start, start + len(line)))
    _cell_tables(em)


def _emit_row(em: Emitter, header: list[str], cells: list[tuple[int, int]], at: tuple[int, int]) -> None:
    """One table row, its cells as text offsets: the lead cell's units lead the task cell."""
    text = em.text
    task_a, task_b = cells[header.index("task")]
    task = em.surface(task_a, task_b).rstrip(_END)
    for kind, (a, b) in zip(header, cells):
        if kind in ("lead", "units") and b > a:
            field = "牵头单位：" if kind == "lead" else "责任单位："
            leads = _leads(field + text[a:b])
            _emit_leads(em, a - len(field), leads, task, at)


_INDEX = re.compile(r"\d{1,3}[.、．]?")


def _cell_tables(em: Emitter) -> None:
    """Tables laid out one cell a line (how many pages and converted files give them): header cells
    on lines of their own ("序号", "工作任务", "牵头单位", …), then the rows' cells in the same order.
    Every len(header) lines are a row; with an index column each row must open with its number
    (1, 2, …), which stops the table where the layout no longer holds."""
    text = em.text
    columns = frames().table_columns
    if not _cell_header().search(text):  # two header cells on lines of their own, one after the other
        return
    cells: list[tuple[int, int]] = []  # the non-empty lines, stripped
    pos = 0
    for line in text.split("\n"):
        a = pos + len(line) - len(line.lstrip())
        b = pos + len(line.rstrip())
        pos += len(line) + 1
        if b > a:
            cells.append((a, b))
    i = 0
    while i < len(cells):
        k = i
        while k < len(cells) and columns.get(text[cells[k][0]:cells[k][1]]):
            k += 1
        header = [columns[text[a:b]] for a, b in cells[i:k]]
        if k - i >= 2 and "task" in header and ("lead" in header or "units" in header):
            i = _cell_rows(em, header, text[cells[i][0]:cells[i][1]] in _INDEX_HEADERS, cells, k)
        else:
            i = k + 1


_INDEX_HEADERS = frozenset(["序号", "编号", "序"])


@lru_cache(maxsize=1)
def _cell_header() -> re.Pattern[str]:
    cell = _alt(list(frames().table_columns))
    return re.compile(rf"^[ \t]*(?:{cell})[ \t]*\n(?:[ \t]*\n)*[ \t]*(?:{cell})[ \t]*$", re.M)


def _cell_rows(em: Emitter, header: list[str], indexed: bool, cells: list[tuple[int, int]], k: int) -> int:
    """Read the rows after a one-cell-a-line header ending at cells[k]; returns where they stop."""
    text = em.text
    n = len(header)
    number = 1
    while k + n <= len(cells):
        row = cells[k:k + n]
        if indexed and not _is_index(text, row[0], number):
            break
        if not indexed and any(frames().table_columns.get(text[a:b]) for a, b in row):
            break  # another header: another table
        _emit_row(em, header, row, (row[0][0], row[-1][1]))
        k += n
        number += 1
    return k


def _is_index(text: str, cell: tuple[int, int], number: int) -> bool:
    m = _INDEX.fullmatch(text, *cell)
    return m is not None and int(text[cell[0]:cell[1]].rstrip(".、．")) == number


# ---------------------------------------------------------------------------- prose

def _prose(em: Emitter) -> None:
    text = em.text
    fr = frames()
    stops = [m.start() for m in _STOPS.finditer(text)]
    done: set[int] = set()
    for hit in fr.any_lead.finditer(text):  # only the sentences that name a lead
        k = bisect_left(stops, hit.start())
        sa, sb = (stops[k - 1] + 1 if k else 0), (stops[k] if k < len(stops) else len(text))
        if sa in done:
            continue
        done.add(sa)
        sent = text[sa:sb]
        for m in fr.prose_lead.finditer(sent):
            units = _units(m.group("orgs"))
            if not units or _leads_a_body(sent[:m.start()]):
                continue
            titled = _item_title(text, sa, sa + m.start())  # "1.摸底调查。由A牵头，…": the item's title is the task
            task = titled or _task_after(sent, m.end()) or _task_before(sent, m.start())
            _emit_prose(em, sa, m.start("orgs"), units, task, (sa, sb))
        for ca, cb in split_list(sent, "，,"):
            prefix = _TITLE_PREFIX.match(sent, ca, cb)  # "2.资金保障：县财政局牵头": the clause after the title
            ca = prefix.end() if prefix else ca
            clause = sent[ca:cb]
            m = fr.lead_is.match(clause)
            if m:
                titled = _item_title(text, sa, sa + ca)
                _emit_prose(em, sa, ca, _units(m.group("orgs")), titled or _task_before(sent, ca), (sa, sb))
                continue
            m = fr.lead_bare.match(clause)  # "县财政局牵头，各乡镇配合，完成T": no 由
            if m and _all_level_units(m.group("orgs")):
                task = _item_title(text, sa, sa + ca) or _task_after(sent, ca + m.end()) or _task_before(sent, ca)
                _emit_prose(em, sa, ca + m.start("orgs"), _units(m.group("orgs")), task, (sa, sb))


_TITLE_MAX = 20  # characters: an item's title is a phrase, its body sentences are longer


def _item_title(text: str, sa: int, lead: int) -> tuple[int, int] | None:
    """The title of a numbered item when the lead at `lead` directly follows it on its line
    ("2.方案编制。由A牵头，B配合，…", "2.方案编制：由A牵头"): a short phrase without a comma after the
    item's number. Offsets relative to `sa`, the sentence's start, as the tasks found in it."""
    lo = max(0, lead - _TITLE_MAX - 9)  # look back no further than a title can reach (long lines)
    newline = text.rfind("\n", lo, lead)
    if newline < 0 and lo > 0:
        return None
    line_start = newline + 1
    m = _ITEM_TITLE.match(text, line_start, lead)
    if m is None:
        return None
    return m.start("title") - sa, m.end("title") - sa


_TITLE_PREFIX = re.compile(rf"(?:{_ITEM_MARK.pattern}|{_HEAD_MARK.pattern})[^，,。；;：:、\s]{{2,{_TITLE_MAX}}}[：:]\s*")
_ITEM_TITLE = re.compile(rf"(?:{_ITEM_MARK.pattern}|{_HEAD_MARK.pattern})(?P<title>[^，,。；;：:、\s]{{2,{_TITLE_MAX}}})[。．.：:]\s*$")


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
    if len(name) < 4 or _leads_a_body(name):
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


def _task_before(sent: str, at: int) -> tuple[int, int] | None:
    """"T，由A牵头" -> T: the clause before the lead."""
    pre = sent[:at].rstrip("，, ")
    cut = max(pre.rfind("，"), pre.rfind(","), pre.rfind("："), pre.rfind(":")) + 1
    head = _HEAD_MARK.match(pre, cut) or _ITEM_MARK.match(pre, cut)
    a = head.end() if head else cut
    return (a, len(pre)) if len(pre) - a >= 4 else None


def _leads_a_body(text: str) -> bool:
    """"领导小组由A牵头" / "由A牵头成立工作专班": the lead is of a body, not a task."""
    lex = lexicon()
    t = text.rstrip("，, ")
    return bool(lex.task_force_kind(t)) or bool(re.search(r"(?:成立|组建|设立|建立)", t) and any(
        k in t for k in lex.task_force_kinds))
