"""Normalised text that keeps its way back to the source.

Extractors match on a normalised, simplified-Chinese copy of a document; evidence is cut
from the source by offsets. `NormText.src[i]` is the source offset of normalised
character i (one extra entry at the end for the end of the text).

Steps: traditional -> simplified (OpenCC, character for character), unified punctuation
and widths, invisible characters dropped, and lines that a PDF broke inside a sentence
rejoined ("负责市人民政府常\\n\\n务工作"), while real line structure (member lists, one
per line) is kept.

Speed matters (a year of gazettes is tens of megabytes): only the characters that change
are visited one by one; unchanged runs are copied, with their offsets, as slices.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["NormText", "normalize", "to_simplified", "unify_char", "HEADING_START"]

# Invisible characters that break names ("田\u200b东").
_DROP = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\r"}
# Punctuation unified to the Chinese (full-width) form the extractors match on.
_PUNCT = {
    "(": "（", ")": "）", ":": "：", ";": "；", "!": "！", "?": "？",
    "\u3000": " ", "\u00a0": " ", "\t": " ", "〔": "〔", "［": "〔", "］": "〕",
    "【": "【", "﹙": "（", "﹚": "）", "﹕": "：", "︰": "：", "∶": "：",
    "—": "—", "─": "—", "•": "·", "・": "·", "‧": "·", "●": "·", "▪": "·",
}
TERMINAL = "。；！？：….．"  # a half-width full stop ends a line too ("…工作.")
HEADING_START = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d)|"
    r"第[一二三四五六七八九十百\d]+[章节条]|附件|[-·*]\s)"
)
_MEMBER_LIKE = re.compile(r"^\s*[\u4e00-\u9fff·]{1,4}(?:\s[\u4e00-\u9fff]{1,2})?\s+[\u4e00-\u9fff]")
_MEMBER_END = re.compile(r"\S[ \t\u3000]+[\u4e00-\u9fff·]{2,4}$|负责(?:人|同志)$")
_WIDE_ROW = re.compile(r"^\S+(?: {2,}\S+){2,}$")  # "组  长    王五    县长": cells, wide gaps
_CELL_RULES = "|｜│┃"  # layout.yaml cell_rules
_TABLE_ROW = re.compile(r"^\S+(?:[ \t]+\S+){2,}$")
_NEW_SUBJECT = re.compile(r"^\s*(?:工作专班|专班|领导小组|联席会议|指挥部|办公室|各成员单位|成员单位)")
_ROLE_LINE = re.compile(r"^\s*[\u4e00-\u9fff\s]{1,12}[：:]")
_DATE_START = re.compile(r"^[\d一二三四五六七八九〇零○Ｏ]{2,4}\s*年")
_LIST_PUNCT = re.compile(r"[，。；、]")
_PROSE_PUNCT = re.compile(r"[，。、；]")


@lru_cache(maxsize=1)
def _converter():  # OpenCC is slow to construct; build it once.
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _special() -> re.Pattern[str]:
    """Every character `unify_char` may change, as one character class.

    Control and format characters are enumerated from the Unicode database once (the
    planes where they occur), so the class stays exactly in step with `unify_char`.
    """
    chars = set(_DROP) | set(_PUNCT) | {","}
    for cp in [*range(0x20000), *range(0xE0000, 0xE0080)]:
        if cp != 10 and unicodedata.category(chr(cp)) in ("Cc", "Cf"):
            chars.add(chr(cp))
    body = "".join(re.escape(c) for c in sorted(chars))
    return re.compile(f"[{body}\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def to_simplified(text: str) -> str:
    """Traditional -> simplified, keeping the length so offsets stay valid.

    OpenCC converts phrases; where a phrase changes length, that line is converted
    character by character instead.
    """
    if not text:
        return text
    conv = _converter()
    out = conv.convert(text)
    if len(out) == len(text):
        return out
    lines = []
    for line in text.split("\n"):
        c = conv.convert(line)
        if len(c) != len(line):
            c = "".join(s if len(s := conv.convert(ch)) == 1 else ch for ch in line)
        lines.append(c)
    return "\n".join(lines)


def unify_char(ch: str, prev: str, nxt: str) -> str:
    """One character's normalised form; "" drops it."""
    if ch in _DROP:
        return ""
    if ch == ",":
        return "," if prev.isdigit() and nxt.isdigit() else "，"
    if ch in _PUNCT:
        return _PUNCT[ch]
    o = ord(ch)
    if 0xFF10 <= o <= 0xFF19 or 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A:
        return chr(o - 0xFEE0)  # full-width letters and digits
    if ch != "\n" and unicodedata.category(ch) in ("Cc", "Cf"):
        return " " if ch in "\x0b\x0c" else ""
    return ch


@dataclass
class NormText:
    """Normalised text plus, for every character, its offset in the source."""

    text: str
    src: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the normalised span [start, end)."""
        if end <= start:
            s = self.src[min(start, len(self.src) - 1)]
            return s, s
        return self.src[start], self.src[end - 1] + 1

    def lines(self) -> list[tuple[int, str]]:
        """(offset in normalised text, line) for every line."""
        out, pos = [], 0
        for line in self.text.split("\n"):
            out.append((pos, line))
            pos += len(line) + 1
        return out


def _continues(prev: str, nxt: str) -> bool:
    """Whether a line break between `prev` and `nxt` was made by the layout, not the author."""
    p, n = prev.rstrip(), nxt.strip()
    if not p or not n:
        return False
    if p[-1] == "。" and _NOTE_LINE.fullmatch(n) and _opens_with_mark(p.strip()):
        return True  # "（二）某项任务。…。\n（县甲局牵头，县乙局配合）": a list item's note on the line below
    if p[-1] in TERMINAL or p[-1] in "）)》」":
        return False
    if _open_bracket(p) and _CLOSES_FIRST.match(n):
        return True  # "（县甲局牵头，县乙局、县丙\n局配合）": a note broken before its closing bracket
    if p[-1] in _CELL_RULES:  # a table's row or rule line ("|---|---|") closed by its rule
        return False
    if HEADING_START.match(n) or _ROLE_LINE.match(n) or HEADING_START.match(p) and len(p) < 30:
        return False
    if _ruled(p.strip()) or _ruled(n):  # a table drawn with rules ("| 王五 | 副镇长 |"): one row a line
        return False
    if _opens_with_mark(n):  # any enumeration mark of the layout (1）, ⑴, ①) opens a line of its own
        return False
    if _DATE_START.match(n):  # a date line
        return False
    if _MEMBER_LIKE.match(n) and not _LIST_PUNCT.search(n):
        return False
    if _NEW_SUBJECT.match(n):
        return False  # "工作专班办公室设在…" starts a sentence of its own
    # rows of a table, cells parted by spaces ("1 任务 牵头单位 …"): one a line; a row of cells
    # parted by wide gaps never continues the line above (a title, then "组  长    王五    县长")
    if _TABLE_ROW.match(p.strip()) and _TABLE_ROW.match(n) or _WIDE_ROW.match(n):
        return False
    role = _ROLE_LINE.match(p)  # "成员：张三 局长" is a member line too
    if _MEMBER_LIKE.match(p[role.end():] if role else p) and not re.search(r"[，。；]", p):
        return False  # member lines are one per line; their broken tails are the parser's
    if _MEMBER_END.search(p) and not re.search(r"[，。；、]", p):
        return False  # "省某某厅副厅长　张三", "省某某局主要负责人": a member line (post then name, a unit's person)
    if p[-1] in "、，,和及与的（(—-":
        return True
    if _indent(nxt) > _indent(prev) or 2 <= _indent(nxt) <= _PARAGRAPH_INDENT:
        return False  # an indented line opens a paragraph: a wrapped one is indented no more than
        # the line before it, and not by a paragraph's two characters ("　　", after a margin of none)
    # prose continues: the next line reads as running text and this one is not a title
    long_enough = len(p.lstrip()) >= 12  # its text, not its indentation
    return long_enough and (len(n) >= 15 and bool(_PROSE_PUNCT.search(n)) or n[-1] in "。；")


# a line that is one bracketed note (its close maybe on the line below)
_NOTE_LINE = re.compile(r"[（(][^（()）]{4,}[）)]?")
_CLOSES_FIRST = re.compile(r"[^（()）\n]{0,40}[）)]")  # a line whose first bracket closes one


def _open_bracket(line: str) -> bool:
    """Whether a line leaves a bracket open ("…（县甲局牵头，县乙局配"): its text goes on below."""
    return line.count("（") + line.count("(") > line.count("）") + line.count(")")


_PARAGRAPH_INDENT = 4  # columns: two full-width spaces, as normalised


def _indent(line: str) -> int:
    """How far a line is indented, a full-width space counting two."""
    lead = line[: len(line) - len(line.lstrip())]
    return sum(2 if c == "\u3000" else 1 for c in lead if c != "\n")


def _opens_with_mark(line: str) -> bool:
    from extract.blocks import mark_at  # the layout layer reads normalised text; imported late

    return mark_at(line, 0) is not None


def _ruled(line: str) -> bool:
    """Whether a line opens or closes with a rule between table cells (layout.yaml cell_rules)."""
    return line[0] in _rules() or line[-1] in _rules()


@lru_cache(maxsize=1)
def _rules() -> str:
    """The characters that rule table cells apart (layout.yaml cell_rules), read once."""
    from extract.blocks import layout  # the layout layer reads normalised text; imported late

    return layout().cell_rules


def normalize(source: str, start: int = 0, end: int | None = None, rejoin: bool = True) -> NormText:
    """Normalise source[start:end] for extraction; offsets refer to `source`."""
    end = len(source) if end is None else end
    start = max(0, min(start, len(source)))
    end = max(start, min(end, len(source)))
    simp = to_simplified(source[start:end])
    n = len(simp)
    parts: list[str] = []
    src: list[int] = []
    last = 0
    for m in _special().finditer(simp):
        i = m.start()
        ch = simp[i]
        u = unify_char(ch, simp[i - 1] if i else "", simp[i + 1] if i + 1 < n else "")
        if u == ch:
            continue
        parts.append(simp[last:i])
        src.extend(range(start + last, start + i))
        if u:
            parts.append(u)
            src.append(start + i)
        last = i + 1
    parts.append(simp[last:])
    src.extend(range(start + last, start + n))
    text = "".join(parts)
    text, src = _drop_pinyin(text, src)
    if rejoin:
        text, src = _rejoin(text, src)
    src.append(src[-1] + 1 if src else start)
    return NormText(text, src)


# Pinyin that a garbled web source wrote after a character ("高昌区(qū)委", "总经(jīng)理"):
# read past, so names and titles match; evidence and names cut from the source keep it.
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])（[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*）")


def _cut(text: str, src: list[int], cuts: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """`text` without the spans `cuts` (in order, not overlapping), offsets kept."""
    out: list[str] = []
    out_src: list[int] = []
    last = 0
    for a, b in cuts:
        out.append(text[last:a])
        out_src.extend(src[last:a])
        last = b
    out.append(text[last:])
    out_src.extend(src[last:])
    return "".join(out), out_src


def _drop_pinyin(text: str, src: list[int]) -> tuple[str, list[int]]:
    cuts = [m.span() for m in _PINYIN.finditer(text)]
    if not cuts:
        return text, src
    return _cut(text, src, cuts)


# A page number a PDF converter left in running text ("— 7 —", "- 12 -", "第 3 页", "3/12"); a
# bare number is not one (it may be a table cell).
_PAGE_MARK = re.compile(r"^\s*(?:[-—–]+\s*\d{1,4}\s*[-—–]+|第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?"
                        r"|\d{1,4}\s*/\s*\d{1,4})\s*$")


def _page_lines(lines: list[str]) -> set[int]:
    """Lines a page break of a converted PDF left inside the text: page numbers, and the running
    head or foot beside one ("某市人民政府公报 2021年第4期") when that line, digits aside, occurs
    at least twice in the text. They are read past like blank lines, so a sentence the page
    break cut in two is rejoined."""
    marks = [k for k, line in enumerate(lines) if _PAGE_MARK.match(line)]
    if not marks:
        return set()

    def key(line: str) -> str:
        return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))

    counts: dict[str, int] = {}
    for line in lines:
        if line.strip():
            counts[key(line)] = counts.get(key(line), 0) + 1
    out = set(marks)
    for k in marks:
        for step in (-1, 1):
            j = k + step
            while 0 <= j < len(lines) and not lines[j].strip():
                j += step
            if 0 <= j < len(lines) and j not in out and counts[key(lines[j])] >= 2:
                out.add(j)
    return out


@lru_cache(maxsize=1)
def _header_cells() -> frozenset[str]:
    """Every word that heads a table's column for some reader (tables.yaml header_words,
    work_division.yaml division_table, appointment.yaml table_columns, task_allocation.yaml's
    table headers), read from the readers' own data: the layout layer needs them only to see
    where a table pasted one cell a line begins."""
    import yaml  # read once, on the first document read

    data = Path(__file__).parent / "data"

    def words(node: object) -> list[str]:
        if isinstance(node, str):
            return [node]
        if isinstance(node, dict):
            return [w for v in node.values() for w in words(v)]
        return [w for v in node for w in words(v)] if isinstance(node, list) else []

    wanted = {"tables.yaml": ["header_words"], "work_division.yaml": ["division_table"],
              "appointment.yaml": ["table_columns"],
              "task_allocation.yaml": ["table_task_headers", "table_other_headers"]}
    out: set[str] = set()
    for name, keys in wanted.items():
        raw = yaml.safe_load((data / name).read_text(encoding="utf-8"))
        out.update(w for key in keys for w in words(raw.get(key)))
    return frozenset(out)


def _cell_lines(lines: list[str], pages: set[int]) -> set[int]:
    """Lines of tables pasted one cell a line (a Word table copied as text: "姓名", "职务",
    "分工" on lines of their own, then each row's cells likewise): from two adjacent lines that
    are both header cells down to the next blank line. No line there continues another: a
    cell that reads like the start of a sentence ("…办事处主任" above "主持全面工作") is a cell."""
    heads = _header_cells()
    keep: set[int] = set()
    k = 0
    while k + 1 < len(lines):
        if "".join(lines[k].split()) in heads and "".join(lines[k + 1].split()) in heads:
            while k < len(lines) and (lines[k].strip() or k in pages):
                keep.add(k)
                k += 1
        k += 1
    return keep


def _rejoin(text: str, src: list[int]) -> tuple[str, list[int]]:
    """Remove the breaks (and blank lines, page marks, and the spaces around them) inside sentences."""
    lines = text.split("\n")
    pages = _page_lines(lines)
    cells = _cell_lines(lines, pages) if len(lines) > 2 else set()
    pos = [0] * len(lines)
    p = 0
    for k, line in enumerate(lines):
        pos[k] = p
        p += len(line) + 1
    cuts: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if not lines[i].strip() or i in pages:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and (not lines[j].strip() or j in pages):
            j += 1
        # a table's row with a blank line under it is its last: the text below is no cell of it
        closed = j > i + 1 and bool(_TABLE_ROW.match(lines[i].strip())) or i in cells
        if j < len(lines) and not closed and _continues(lines[i], lines[j]):
            # drop trailing spaces of line i, the breaks and blank lines, leading spaces of j
            a = pos[i] + len(lines[i].rstrip())
            b = pos[j] + (len(lines[j]) - len(lines[j].lstrip()))
            cuts.append((a, b))
        elif j < len(lines) and any(k in pages for k in range(i + 1, j)):
            # a page break between two lines of their own (a member list going on over the page):
            # its page number, running head and blank lines go, the lines stay one a line
            cuts.append((pos[i] + len(lines[i]) + 1, pos[j]))
        i = j
    if not cuts:
        return text, src
    return _cut(text, src, cuts)
