"""The layout of a document: its lines as blocks, recognised by marks and separators.

Every non-empty line of the normalised text (`doc.norm.text`, where lines a PDF broke inside
a sentence are rejoined already) is one `Block` of one kind:

- heading    a title: a short line without a sentence in it ("一、总体要求", "（二）加强组织领导",
             "附件1", an unmarked "加强基础设施建设"), or a marked line ending in its colon ("（一）工作目标：");
- key_value  "key：value", the key short and without punctuation ("组  长：王五", "牵头单位：县财政局");
- table_row  a line parted by whitespace into two or more cells ("1 推进某项工作 县发改局"), or a
             line whose empty leading cell is carried down from the row above (see `Block.carried`);
- list_item  a line opened by an enumeration mark that is no heading ("1.完成某项任务。（牵头单位：…）");
- prose      anything else: running text, its sentences through `sentences`.

Kinds come only from enumeration marks, colons, whitespace and line length, as
extract/data/layout.yaml lists them: never from particular words. All offsets are into
`doc.norm.text`; `doc.evidence(start, end)` maps them back to the source.

API (all offsets into the normalised text):
- `blocks(doc)` / `doc.blocks`: the document's blocks, computed once and cached on it;
  `parse(text)` the same for bare normalised text (then `Block.line` counts its lines);
- `sentences(text, block)`: a block's sentences, split on 。；！？;
- `block_at(blocks, pos)`: the block holding an offset; `holding(blocks, text, pattern)`: the
  blocks holding a match, in one scan (read only the lines with your words);
- `mark_at(text, pos)`: an enumeration mark opening a clause inside a line;
- `bracket_groups(text, start, end)`: the top-level bracket groups of a span;
- `split_cells(text, start, end)`: the whitespace-parted cells of any span;
- `table_rows(text, blocks, columns, wanted)`: the rows of tables a header row names.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import yaml

if TYPE_CHECKING:
    from extract.document import ParsedDocument

__all__ = ["Block", "Mark", "Row", "blocks", "parse", "sentences", "block_at", "holding", "mark_at",
           "bracket_groups", "split_cells", "table_rows", "layout"]

Span = tuple[int, int]


class Mark(NamedTuple):
    """An enumeration mark: [start, end) is the mark itself, `body` where the text after it
    (spaces skipped) begins, `depth` its rank (1 = outermost: 第一章 > 一、 > （一） > 1. > （1） > ①)."""

    start: int
    end: int
    body: int
    depth: int


@dataclass(slots=True)  # not frozen: a frozen dataclass is half as fast to build, and there are many
class Block:
    """One line of a document. Offsets are into the normalised text.

    start, end: the line without its leading and trailing spaces.
    line:       1-based source line of `start` (the line a warning names).
    mark:       the enumeration mark opening the line, or None; `depth` its rank (0 without one).
    body:       where the text after the mark (and spaces) begins; `start` without a mark.
    key, value: for key_value (and a heading ending in its colon), the spans either side of the
                colon, spaces trimmed; the value may be empty (start == end).
    cells:      the whitespace-parted cells (`split_cells`) of the line; of a key_value (or a
                heading ending in its colon) the key then the value's cells. A cell is never one
                lone Chinese character: "组 长", "王 五" stay one cell.
    carried:    cells[0] is the role cell of the row above (its first cell, or a key_value's key),
                carried down over this row's empty one: the row is indented past the row above
                to its second cell, or has two or more cells, one fewer than the row above.
    section:    index (in the document's blocks) of the nearest heading above, -1 if none.
    indent:     leading spaces of the line.
    wraps:      for a line that continues cells of the table row above (a cell too long for its
                column, wrapped: "\t\t广电和旅游局" under a row of single-tab gaps, its leading empty
                cells counted by the tabs), the column its first cell continues; 0 for any other.
    """

    kind: str
    start: int
    end: int
    line: int
    mark: Mark | None
    depth: int
    body: int
    key: Span | None
    value: Span | None
    cells: tuple[Span, ...]
    carried: bool
    section: int
    indent: int
    wraps: int = 0
    blank: bool = False


@dataclass(frozen=True)
class Layout:
    """layout.yaml, compiled once."""

    mark_any: re.Pattern[str]          # every mark, one alternative per depth, named d1, d2, …
    colons: str
    key_max: int
    key_forbidden: frozenset[str]
    heading_forbidden: str
    unmarked_heading_forbidden: str
    sentence_ends: str
    heading_max: int
    unmarked_heading_max: int
    trailing_stops: str
    sentence_stops: re.Pattern[str]
    wrap_min_columns: int
    cell_rule: re.Pattern[str]         # a rule between cells ("|")
    cell_rules: str                    # ... its characters
    rule_row: re.Pattern[str]          # a character that is no rule's: a line without one is a rule
    brackets_open: str
    bracket: re.Pattern[str]           # any bracket, opening or closing


@lru_cache(maxsize=1)
def layout() -> Layout:
    raw = yaml.safe_load((Path(__file__).parent / "data" / "layout.yaml").read_text(encoding="utf-8"))
    cn = re.escape(raw["numerals"])
    alts = []
    for depth, patterns in enumerate(raw["marks"], start=1):
        body = "|".join(p.replace("{cn}", cn).replace("{n}", "0-9") for p in patterns)
        alts.append(f"(?P<d{depth}>{body})")
    return Layout(
        mark_any=re.compile(r" *(?:" + "|".join(alts) + r") *"),
        colons=raw["colons"],
        key_max=int(raw["key_max"]),
        key_forbidden=frozenset(raw["key_forbidden"]),
        heading_forbidden=raw["heading_forbidden"],
        unmarked_heading_forbidden=raw["unmarked_heading_forbidden"],
        sentence_ends=raw["sentence_ends"],
        heading_max=int(raw["heading_max"]),
        unmarked_heading_max=int(raw["unmarked_heading_max"]),
        trailing_stops=raw["trailing_stops"],
        sentence_stops=re.compile(f"[{re.escape(raw['sentence_stops'])}]"),
        wrap_min_columns=int(raw["wrap_min_columns"]),
        cell_rule=re.compile(f"[{re.escape(raw['cell_rules'])}]"),
        cell_rules=raw["cell_rules"],
        rule_row=re.compile(f"[^\\s{re.escape(raw['cell_rules'] + raw['rule_fills'])}]"),
        brackets_open=raw["brackets_open"],
        bracket=re.compile(f"[{re.escape(raw['brackets_open'] + raw['brackets_close'])}]"),
    )


# ---------------------------------------------------------------------------- public helpers

def blocks(doc: ParsedDocument) -> list[Block]:
    """The document's blocks, in order; computed once and kept on the document."""
    return doc.blocks


def mark_at(text: str, pos: int, end: int | None = None) -> Mark | None:
    """The enumeration mark at `pos` (spaces before it skipped), or None."""
    m = layout().mark_any.match(text, pos, len(text) if end is None else end)
    if m is None:
        return None
    depth = int(m.lastgroup[1:])  # type: ignore[index]
    return Mark(m.start(m.lastgroup), m.end(m.lastgroup), m.end(), depth)  # type: ignore[arg-type]


def sentences(text: str, block: Block) -> list[Span]:
    """The sentences of a block, each ending with its stop (。；！？), spaces trimmed."""
    out = []
    a = block.start
    for m in layout().sentence_stops.finditer(text, block.start, block.end):
        out.append(_trim(text, a, m.end()))
        a = m.end()
    if a < block.end:
        out.append(_trim(text, a, block.end))
    return [s for s in out if s[1] > s[0]]


def bracket_groups(text: str, start: int, end: int) -> list[Span]:
    """The top-level bracket groups in text[start:end], each from its opening bracket to past its
    closing one, nested brackets kept inside ("（责任单位：甲局（牵头）、乙局）" is one group)."""
    lay = layout()
    out: list[Span] = []
    depth = opened = 0
    for m in lay.bracket.finditer(text, start, end):
        if text[m.start()] in lay.brackets_open:
            if depth == 0:
                opened = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                out.append((opened, m.end()))
    return out


def block_at(found: list[Block], pos: int) -> Block | None:
    """The block whose line holds offset `pos`, or None (a blank line, outside the text)."""
    k = bisect_right(found, pos, key=lambda b: b.start) - 1
    if k >= 0 and pos <= found[k].end:
        return found[k]
    return None


def holding(found: list[Block], text: str, pattern: re.Pattern[str]) -> list[Block]:
    """The blocks holding a match of `pattern`, in order: one scan of the text, not a search a
    block (extractors read only the lines with one of their words)."""
    starts = [b.start for b in found]
    out: list[Block] = []
    m = pattern.search(text)
    while m is not None:
        k = bisect_right(starts, m.start()) - 1
        if k >= 0 and m.end() <= found[k].end:
            out.append(found[k])
            m = pattern.search(text, found[k].end)  # the rest of the block need not be scanned
        else:
            m = pattern.search(text, m.end() if m.end() > m.start() else m.end() + 1)
    return out


# ---------------------------------------------------------------------------- parsing

_TOKEN = re.compile(r"\S+")


def parse(text: str, line_of: Callable[[int], int] | None = None) -> list[Block]:
    """The blocks of normalised `text`; `line_of(offset)` gives a block's source line (without
    it, the line of the text)."""
    out: list[Block] = []
    section = -1
    above: Block | None = None  # the block before (blank lines between do not matter)
    pos = 0
    number = 0
    blank = False
    for line in text.split("\n"):
        number += 1
        lo, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if not stripped:
            blank = True  # kept on the next block: a blank line ends no table, but may end a list
            continue
        indent = len(line) - len(line.lstrip())
        b = _block(text, lo + indent, lo + indent + len(stripped), indent,
                   line_of(lo + indent) if line_of else number, section, above)
        b.blank, blank = blank, False
        if b.kind == "heading":
            section = len(out)
        out.append(b)
        above = b
    return out


def _block(text: str, start: int, end: int, indent: int, line: int, section: int,
           above: Block | None) -> Block:
    m = layout().mark_any.match(text, start, end)  # mark_at, inlined: it runs on every line
    if m is None:
        mark, depth, body = None, 0, start
    else:
        depth = int(m.lastgroup[1:])  # type: ignore[index]
        mark = Mark(m.start(m.lastgroup), m.end(m.lastgroup), m.end(), depth)  # type: ignore[arg-type]
        body = mark.body
    key = _key(text, body, end)
    if key is not None:
        value = _trim(text, key[2], end)
        kind = "heading" if mark is not None and value[0] == value[1] else "key_value"  # "（一）工作目标："
        return Block(kind, start, end, line, mark, depth, body, key[:2], value,
                     (key[:2], *split_cells(text, *value)), False, section, indent)
    cells = split_cells(text, start, end)
    if mark is None and above is not None and (column := _wraps(text, above, cells, indent)):
        return Block("table_row", start, end, line, None, 0, body, None, None, cells, False, section, indent,
                     column)
    if mark is None and above is not None and len(above.cells) > 1 and _carries(text, above, cells, indent):
        return Block("table_row", start, end, line, None, 0, body, None, None, (_role(above), *cells),
                     True, section, indent)
    own = split_cells(text, body, end) if mark else cells
    if _is_heading(text, body, end, mark is not None, len(own)):
        kind = "heading"
    elif mark is not None:
        kind = "list_item"
    elif len(cells) >= 2:
        kind = "table_row"
    else:
        kind = "prose"
    return Block(kind, start, end, line, mark, depth, body, None, None, cells, False, section, indent)


def _key(text: str, body: int, end: int) -> tuple[int, int, int] | None:
    """(key start, key end, value start) when the line from `body` reads "key：value": the key
    is one cell ("组  长" is one, "1 推进某项工作" two), short, without punctuation."""
    lay = layout()
    colon = -1
    for c in lay.colons:
        i = text.find(c, body, end)
        if i >= 0 and (colon < 0 or i < colon):
            colon = i
    if colon <= body:
        return None
    if text[colon - 1].isdigit() and colon + 1 < end and text[colon + 1].isdigit():
        return None  # a time, 9：30
    ka, kb = _trim(text, body, colon)
    if kb <= ka or kb - ka - text.count(" ", ka, kb) > lay.key_max:
        return None
    if any(ch in lay.key_forbidden for ch in text[ka:kb]) or len(split_cells(text, ka, kb)) > 1:
        return None
    return ka, kb, colon + 1


def _is_heading(text: str, body: int, end: int, marked: bool, cells: int) -> bool:
    """A title, not a sentence: short, no sentence punctuation inside (an unmarked one is one
    cell, holds no colon and does not end a sentence)."""
    lay = layout()
    longest = lay.heading_max if marked else lay.unmarked_heading_max
    if end - body > longest and text[end - 1] not in lay.trailing_stops:
        return False  # too long for a title (most lines: running text)
    s = text[body:end].rstrip(lay.trailing_stops)
    if not s or any(ch in s for ch in lay.heading_forbidden):
        return False
    if marked:
        return len(s) <= lay.heading_max
    return (len(s) <= lay.unmarked_heading_max and cells == 1 and text[end - 1] not in lay.sentence_ends
            and not any(ch in s for ch in lay.unmarked_heading_forbidden))


def _carries(text: str, above: Block, cells: tuple[Span, ...], indent: int) -> bool:
    """Whether this line is a row whose leading (role) cell is left empty. The row above is a
    row of two or more cells (or a key with its value, the key its role cell) whose first cell
    reads as a role (short as a key, no punctuation, no digit: an index, a date or an amount is
    every row's own); this one ends no sentence, and either is indented past the row above to
    about where its second cell begins (not far beyond: a signature is right-aligned), or has two or more cells, one fewer than the row above,
    the first no number (a text that lost its indentation)."""
    width, second = _row(text, above)
    if width < 2 or text[cells[-1][1] - 1] in layout().sentence_ends:
        return False  # a sentence is no row
    ra, rb = _role(above)
    lay = layout()
    if rb - ra > lay.key_max or _DIGIT.search(text, ra, rb) or any(ch in lay.key_forbidden for ch in text[ra:rb]):
        return False
    column = second - (above.start - above.indent)  # where the second cell begins in its line
    if indent > above.indent and column - 1 <= indent <= 2 * column + 1:
        return True  # aligned by full-width spaces (one a character) or half-width ones (two)
    return len(cells) >= 2 and len(cells) == width - 1 and not text[cells[0][0]].isdigit()


_DIGIT = re.compile("[0-9]")


def _wraps(text: str, above: Block, cells: tuple[Span, ...], indent: int) -> int:
    """The column this line continues when it is a wrapped part of the row above: that row is a
    table row of at least wrap_min_columns cells parted by single gaps (tabs: one a cell), and
    this line, its leading empty cells counted by its indentation, ends before the row's last
    column, its cells no longer than the row's longest and ending no sentence. 0 when it is none."""
    width = len(above.cells)
    k = indent - above.indent
    if above.kind != "table_row" or above.carried or above.wraps or width < layout().wrap_min_columns:
        return 0
    if k < 1 or k + len(cells) >= width:
        return 0
    if any(b[0] - a[1] != 1 for a, b in zip(above.cells, above.cells[1:])):
        return 0  # cells aligned by runs of spaces: indentation counts characters, not cells
    longest = max(b - a for a, b in above.cells)
    if any(b - a > longest for a, b in cells) or text[cells[-1][1] - 1] in layout().sentence_ends:
        return 0  # a paragraph under the table: longer than a cell, or a sentence
    return k


def _row(text: str, b: Block) -> tuple[int, int]:
    """(cells, where the second cell begins) of a block read as a table row; (0, 0) if none."""
    if b.kind == "key_value" and b.value is not None and b.value[1] > b.value[0]:
        return len(b.cells), b.value[0]
    if b.kind == "table_row" and len(b.cells) >= 2:
        return len(b.cells), b.cells[1][0]  # carried: its own first cell is the second
    return 0, 0


def _role(b: Block) -> Span:
    """The role cell a row hands down: a key, or a row's first cell."""
    return b.key if b.kind == "key_value" and b.key is not None else b.cells[0]


def split_cells(text: str, start: int, end: int) -> tuple[Span, ...]:
    """Whitespace-parted cells; runs of lone Chinese characters ("组 长", "王 五") are one cell,
    spaced alike: a gap wider by two or more than the run's first ends it ("成    员      王 建 国"
    is two cells, a role spaced out then a name). A line ruled into cells ("1 | 修路 | 县交通局",
    "｜", "│") is parted by its rules only, an empty cell between two rules kept as an empty span."""
    if layout().cell_rule.search(text, start, end):
        return _ruled_cells(text, start, end)
    if text.find(" ", start, end) < 0:
        return ((start, end),)
    spans = [m.span() for m in _TOKEN.finditer(text, start, end)]
    if all(b - a > 1 for a, b in spans):
        return tuple(spans)
    out: list[Span] = []
    lone = False  # the last cell is a run of lone characters
    gap = 0       # ... spaced by this many spaces (0: one character so far)
    for a, b in spans:
        single = b - a == 1 and "\u4e00" <= text[a] <= "\u9fff"
        if single and lone and (not gap or a - out[-1][1] <= gap + 1):
            gap = gap or a - out[-1][1]
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
            gap = 0
        lone = single
    return tuple(out)


def _ruled_cells(text: str, start: int, end: int) -> tuple[Span, ...]:
    out: list[Span] = []
    a = start
    for m in layout().cell_rule.finditer(text, start, end):
        out.append(_trim(text, a, m.start()))
        a = m.end()
    out.append(_trim(text, a, end))
    if out and out[0][0] == out[0][1]:
        out.pop(0)  # the rule opening the line
    if out and out[-1][0] == out[-1][1]:
        out.pop()  # the rule closing it
    return tuple(out) or ((start, end),)


def _trim(text: str, a: int, b: int) -> Span:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


# ---------------------------------------------------------------------------- tables named by a header row

class Row(NamedTuple):
    """A table row under its header: `kinds[i]` is what column i holds (the header's words
    mapped by the reader's `columns`), `cells[i]` its span ((a, a) when left empty), `more[i]`
    the rest of a cell wrapped onto the lines below (see `Block.wraps`); `span` covers them."""

    kinds: tuple[str, ...]
    cells: tuple[Span, ...]
    span: Span
    more: tuple[list[Span], ...]  # per column, the wrapped parts of its cell on the lines below


# Columns a reader does not read (an index, a category, a date): a row may leave its first such cell empty.
_UNREAD = ("index", "other")
_NUMBER = re.compile(r"[0-9]{1,3}[.、．]?")


def table_rows(text: str, found: list[Block], columns: Mapping[str, str],
               wanted: Callable[[Sequence[str]], bool], carried: Sequence[str] = ()) -> list[Row]:
    """The rows of the tables whose header row names their columns.

    A header is two or more cells, each a key of `columns` (its value the column's kind,
    "index" for a 序号 column; spaces inside a cell do not count: "姓  名"), that `wanted`
    accepts. Two layouts are read:
    - one row a line, cells parted by whitespace or rules (.docx, .html and markdown tables, many
      pages): every later line with as many cells is a row, until the next header (a rule line
      "|---|---|" is none); a row one cell short whose first column is unread, or of a kind in
      `carried` (a role cell left empty under the role above), and whose first cell is no number
      has that cell left empty (or its last, when that column is `carried`);
    - one cell a line (other converted pages): the header's cells on lines of their own, then
      every len(header) lines a row; with an index column each row opens with its number
      (1, 2, …), which ends the table where the layout no longer holds.
    """
    return (_line_rows(text, found, columns, wanted, carried)
            + _cell_rows(text, found, columns, wanted))


_SPACES = re.compile(r"\s+")


def _line_rows(text: str, found: list[Block], columns: Mapping[str, str],
               wanted: Callable[[Sequence[str]], bool], carried: Sequence[str]) -> list[Row]:
    rows: list[Row] = []
    kinds: tuple[str, ...] | None = None
    last = -2  # the block of the last row read
    for i, b in enumerate(found):
        if kinds is None and b.kind != "table_row":
            continue  # no table begun, and no header here
        cells = split_cells(text, b.start, b.end)  # the line's own cells, none carried
        if b.wraps and kinds is not None and rows and last == i - 1:  # the rest of the row above's cells
            row = rows[-1]
            for c, cell in enumerate(cells, start=b.wraps):
                if c < len(kinds):
                    row.more[c].append(cell)
            rows[-1] = row._replace(span=(row.span[0], b.end))
            last = i
            continue
        if len(cells) < 2 or not layout().rule_row.search(text, b.start, b.end):
            continue   # a rule under the header ("|---|---|") is no row
        named = tuple(columns.get(_SPACES.sub("", text[x:y]), "") for x, y in cells)
        if all(named) and wanted(named):
            kinds = named
            continue
        if kinds is None:
            continue
        short = len(cells) == len(kinds) - 1
        if short and kinds[0] in (*_UNREAD, *carried) and not text[slice(*cells[0])].isdigit():
            cells = ((b.start, b.start), *cells)
        elif short and kinds[-1] in carried:   # the carried column is the last
            cells = (*cells, (b.end, b.end))
        if len(cells) == len(kinds):
            rows.append(Row(kinds, cells, (b.start, b.end), tuple([] for _ in kinds)))
            last = i
    return rows


def _cell_rows(text: str, found: list[Block], columns: Mapping[str, str],
               wanted: Callable[[Sequence[str]], bool]) -> list[Row]:
    longest = max(map(len, columns), default=0)
    named = [columns.get(_SPACES.sub("", text[b.start:b.end]), "") if b.end - b.start <= 2 * longest
             else "" for b in found]  # "姓  名": spaces inside a header cell do not count
    rows: list[Row] = []
    i = 0
    while i < len(found):
        k = i
        while k < len(found) and named[k]:
            k += 1
        kinds = tuple(named[i:k])
        if k - i < 2 or not wanted(kinds):
            i = k + 1
            continue
        n, number = len(kinds), 1
        seq = _cell_sequence(text, found, named, i, k)  # read as far as the table goes
        part = list(islice(seq, n))
        while len(part) == n:
            row = tuple(span for span, _, _ in part)
            if kinds[0] == "index" and not _numbered(text, row[0], number):
                break
            if kinds[0] != "index" and any(head for _, head, _ in part):
                break  # another header: another table
            rows.append(Row(kinds, row, (row[0][0], row[-1][1]), tuple([] for _ in kinds)))
            part = list(islice(seq, n))
            number += 1
        i = part[0][2] if part else len(found)
    return rows


def _cell_sequence(text: str, found: list[Block], named: list[str], head: int,
                   k: int) -> Iterator[tuple[Span, str, int]]:
    """The cells after a header of one cell a line (found[head:k]), each with its header word
    and its block's index. Where the header's lines follow each other with no blank line
    between, a blank line below stands for a cell left empty (a Word table pasted as text:
    "组长 / 王五 / 市长 / (blank) / 李四 / 副市长"), placed where the next cell begins."""
    def blank(j: int) -> int:  # the blank lines between found[j - 1] and found[j]
        return text.count("\n", found[j - 1].end, found[j].start) - 1
    tight = all(blank(j) == 0 for j in range(head + 1, k))
    for j in range(k, len(found)):
        for _ in range(blank(j) if tight else 0):
            yield (found[j].start, found[j].start), "", j
        yield (found[j].start, found[j].end), named[j], j


def _numbered(text: str, cell: Span, number: int) -> bool:
    m = _NUMBER.fullmatch(text, *cell)
    return m is not None and int(text[cell[0]:cell[1]].rstrip(".、．")) == number
