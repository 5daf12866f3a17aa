"""Splitting a gazette (or a single notice) into its documents.

A gazette has a table of contents (目录), section headings (【市政府文件】) and documents,
each with a title (often broken over lines), a number (朔政办发〔2023〕26号), addressees
(主送, the line ending in "："), a body, and a signature (issuer and date). The table of
contents is not a document; it is used to check that every listed document was found.
A file without contents or numbers is one document, or several when it holds several
titled notices.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from extract.dates import DATE_RE, parse_date
from extract.document import ParsedDocument
from extract.source import SourceText
from extract.text import to_simplified
from graph.records import DocumentInfo, make_id

__all__ = ["split_source", "classify", "SplitReport", "DOC_NUMBER_RE"]

_BR_OPEN, _BR_CLOSE = "〔［\\[（(【", "〕］\\]）)】"
DOC_NUMBER_RE = re.compile(
    rf"[\u4e00-\u9fff]{{1,12}}\s*[{_BR_OPEN}]\s*(?:19|20)\d\d\s*[{_BR_CLOSE}]\s*\d{{1,4}}\s*[号號]"
)
_NUMBER_LINE = re.compile(rf"^\s*(?P<num>{DOC_NUMBER_RE.pattern})\s*$")
_TOC_ENTRY = re.compile(rf"^\s*(?P<num>{DOC_NUMBER_RE.pattern})\s*(?:[.。·…\s]+|\t+)\s*\d+\s*$")
_TOC_HEAD = re.compile(r"^\s*目\s*录\s*$")
_SECTION = re.compile(r"^\s*【(?P<name>[^】]{2,20})】\s*$")
_DATE_LINE = re.compile(rf"^\s*(?:{DATE_RE.pattern})\s*$")
_TITLE_WORDS = re.compile(r"关于|通知|决定|批复|意见|方案|规划|办法|规定|规则|通报|公告|命令|函$")
_NOTICE_TITLE = re.compile(
    r"^\s*(?P<issuer>[\u4e00-\u9fff（）()]{2,40}?)\s*关于.{2,120}?(?:的)?(?:通知|决定|批复|意见|通报|公告|函)\s*$"
)
_BACK_MATTER = re.compile(r"^\s*《[^》]{2,30}公报》简介\s*$|^\s*主办单位[：:]")
_ISSUER_LINE = re.compile(
    r"^\s*[\u4e00-\u9fff]{2,30}(?:人民政府|政府办公室|政府办公厅|办公室|办公厅|委员会|常务委员会|局|厅|委|部)\s*$"
)
_ADDRESSEE = re.compile(r"^[^。]{2,120}[：:]\s*$")


@dataclass
class SplitReport:
    """What the splitter noticed: TOC entries not found, and other warnings."""

    toc_numbers: list[str]
    missing_from_body: list[str]
    warnings: list[str]


def _clean_number(num: str) -> str:
    num = re.sub(r"\s+", "", num)
    num = re.sub(rf"[{_BR_OPEN}](\d{{4}})[{_BR_CLOSE}]", r"〔\1〕", num)
    return num.replace("號", "号")


def _squash(text: str) -> str:
    """Join title pieces: drop spaces between Chinese characters and line breaks."""
    text = re.sub(r"\s*\n\s*", "", text.strip())
    return re.sub(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])", "", text)


def classify(title: str, body: str = "") -> str:
    """Document type from its title (and body, for documents without one)."""
    t = to_simplified(title)
    if re.search(r"任免|任命|免去|免职|人事", t):
        return "appointment"
    if re.search(r"分工", t) and re.search(r"市长|县长|区长|领导|省长|主任|秘书长|成员", t):
        return "work_division"
    if re.search(r"批复", t):
        return "approval"
    if re.search(r"联席会议|协调机制|协调小组", t):
        return "coordination"
    if re.search(r"(成立|调整|建立|组建|设立|撤销).{0,60}(领导小组|工作专班|专班|指挥部|委员会|工作组|小组)|"
                 r"(领导小组|工作专班|指挥部).{0,6}(成员|组成)", t):
        return "task_force"
    if re.search(r"责任分解|任务分工|分工方案|重点工作任务", t):
        return "task_allocation"
    if re.search(r"规划|方案|意见|规则|办法|计划|规定|细则|纲要", t):
        return "plan"
    b = to_simplified(body[:6000])
    if len(re.findall(r"任命|免去", b)) >= 2:
        return "appointment"
    if re.search(r"组\s*长[：:]|副组长[：:]|召集人|办公室设在", b):
        return "task_force"
    if len(re.findall(r"分管|联系", b)) >= 3 and re.search(r"市长|县长|区长", b):
        return "work_division"
    if re.search(r"牵头单位|责任领导", b):
        return "task_allocation"
    return "other"


def split_source(src: SourceText) -> tuple[list[ParsedDocument], SplitReport]:
    """Find every document in a source file."""
    lines = src.text.split("\n")
    starts = src.line_starts
    toc_numbers, toc_section, toc_end = _read_toc(lines)
    number_lines = [i for i, l in enumerate(lines) if i >= toc_end and _NUMBER_LINE.match(l)]

    heads: list[tuple[int, int | None]] = []  # (title start line, number line)
    for i in number_lines:
        heads.append((_title_start(lines, i, toc_end), i))
    # notices without a number: a title line followed closely by addressees
    numbered_titles = {h for h, _ in heads}
    for i in range(toc_end, len(lines)):
        if _NOTICE_TITLE.match(lines[i]) and not any(h <= i <= (n or h) + 3 for h, n in heads):
            nxt = _next_nonblank(lines, i + 1, 3)
            if nxt is not None and _ADDRESSEE.match(lines[nxt]) and i not in numbered_titles:
                heads.append((_title_start(lines, i + 1, toc_end, include_self=False), None))
    heads.sort()

    end_of_text = len(lines)
    for i in range(toc_end, len(lines)):
        if _BACK_MATTER.match(lines[i]) and i > (heads[-1][0] if heads else 0):
            end_of_text = i
            break

    docs: list[ParsedDocument] = []
    warnings: list[str] = []
    if not heads:
        first = _next_nonblank(lines, toc_end, len(lines))
        if first is None:
            return [], SplitReport(toc_numbers, toc_numbers, ["no text"])
        heads = [(first, None)]
    for k, (head, num_line) in enumerate(heads):
        stop = heads[k + 1][0] if k + 1 < len(heads) else end_of_text
        last = stop - 1
        while last > head and not lines[last].strip():
            last -= 1
        docs.append(_make_document(src, lines, starts, head, num_line, last, toc_section))

    found = {d.info.number for d in docs if d.info.number}
    missing = [n for n in toc_numbers if n not in found]
    for n in missing:
        warnings.append(f"目录 lists {n} but no document with that number was found")
    return docs, SplitReport(toc_numbers, missing, warnings)


def _next_nonblank(lines: list[str], i: int, limit: int) -> int | None:
    j, seen = i, 0
    while j < len(lines) and seen <= limit:
        if lines[j].strip():
            return j
        j += 1
    return None


def _read_toc(lines: list[str]) -> tuple[list[str], dict[str, str], int]:
    """Numbers listed in the table of contents, their sections, and where the TOC ends."""
    head = next((i for i, l in enumerate(lines[:400]) if _TOC_HEAD.match(l)), None)
    if head is None:
        return [], {}, 0
    numbers: list[str] = []
    section: dict[str, str] = {}
    current = None
    end = head + 1
    for i in range(head + 1, len(lines)):
        line = lines[i]
        m_sec = _SECTION.match(line)
        if m_sec:
            current = m_sec.group("name")
            end = i + 1
            continue
        m = _TOC_ENTRY.match(line)
        if m:
            num = _clean_number(m.group("num"))
            numbers.append(num)
            if current:
                section[num] = current
            end = i + 1
            continue
        if _NUMBER_LINE.match(line):  # a bare number: the first document has begun
            break
        if i - end > 6 and line.strip():
            break
    return numbers, section, end


def _title_start(lines: list[str], num_line: int, floor: int, include_self: bool = False) -> int:
    """Walk up from a number line over the title lines (at most four, no sentence ends)."""
    i = num_line - 1
    start = num_line if not include_self else num_line
    taken = 0
    while i >= floor and taken < 4:
        line = lines[i].strip()
        if not line:
            i -= 1
            continue
        if (line.endswith(("。", "；", "）", ")")) and not _TITLE_WORDS.search(line)) or _DATE_LINE.match(line) \
                or _SECTION.match(line) or line.startswith("（此件") or len(line) > 90 \
                or _NUMBER_LINE.match(line) or line.endswith("。"):
            break
        start = i
        taken += 1
        if re.match(r"^[\u4e00-\u9fff]{2,30}(人民政府|办公室|办公厅|委员会)\s", line) or \
                re.match(r"^[\u4e00-\u9fff]{2,30}(人民政府|政府办公室|政府办公厅)$", line):
            break  # the issuer begins the title
        i -= 1
    return start


def _make_document(src: SourceText, lines: list[str], starts: list[int], head: int,
                   num_line: int | None, last: int, toc_section: dict[str, str]) -> ParsedDocument:
    title_end = num_line if num_line is not None else head + 1
    title_lines = [l for l in lines[head:title_end] if l.strip()]
    after_title = None
    if num_line is not None and head == num_line:  # web copies put the number above the title
        j = num_line + 1
        while j <= last and len(title_lines) < 3:
            if lines[j].strip():
                if _ADDRESSEE.match(lines[j]) or not _TITLE_WORDS.search(lines[j]) and title_lines:
                    break
                if not _TITLE_WORDS.search(lines[j]):
                    break
                title_lines.append(lines[j])
                after_title = j
            j += 1
    if num_line is None and title_lines and not _TITLE_WORDS.search(title_lines[0]) and len(title_lines[0]) > 60:
        title_lines = []
    title = _squash("\n".join(title_lines))
    if title.startswith("《") and title.endswith("》"):
        title = title[1:-1]
    number = _clean_number(_NUMBER_LINE.match(lines[num_line]).group("num")) if num_line is not None else None
    after = (num_line if num_line is not None else title_end - 1) + 1
    if after_title is not None:
        after = after_title + 1
    addr_line = _next_nonblank(lines, after, 3)
    addressees = None
    body_line = after
    if addr_line is not None and addr_line <= last and lines[addr_line].rstrip().endswith(("，", ",")):
        nxt = _next_nonblank(lines, addr_line + 1, 1)  # addressees broken over two lines
        if nxt is not None and nxt <= last and _ADDRESSEE.match(lines[nxt]):
            addressees = _squash(lines[addr_line] + lines[nxt]).rstrip("：:")
            body_line = nxt + 1
    if addressees is None and addr_line is not None and addr_line <= last and _ADDRESSEE.match(lines[addr_line]) \
            and not re.match(r"^\s*(组\s*长|副组长|成\s*员|主\s*任)", lines[addr_line]):
        addressees = _squash(lines[addr_line]).rstrip("：:")
        body_line = addr_line + 1
    issuer, date = _signature(lines, head, last)
    simp_title = to_simplified(title)
    m = re.match(r"^(?P<iss>[\u4e00-\u9fff（）()]{2,40}?)关于", simp_title)
    if m and len(title) <= 80:
        issuer = title[: len(m.group("iss"))]
    if date is None:
        date = parse_date("\n".join(lines[head:min(last + 1, head + 8)]))
    start = starts[head]
    end = starts[last] + len(lines[last])
    text = src.text[start:end]
    sha1 = hashlib.sha1(text.encode("utf-8")).hexdigest()
    doc_id = make_id("Document", number) if number else make_id("Document", sha1)
    info = DocumentInfo(
        doc_id=doc_id,
        number=number,
        title=title or (src.path.replace("\\", "/").rsplit("/", 1)[-1]),
        issuer=issuer,
        date=date,
        doc_type=classify(title, text),
        source=src.path,
        lines=(head + 1, last + 1),
        section=toc_section.get(number) if number else None,
        addressees=addressees,
        pages=(src.page_of(start), src.page_of(end - 1)) if src.page_of_line else None,
        sha1=sha1,
    )
    body_start = starts[min(body_line, last)] if body_line <= last else end
    return ParsedDocument(source=src, info=info, start=start, end=end, body_start=body_start)


def _signature(lines: list[str], head: int, last: int) -> tuple[str | None, str | None]:
    """The signing issuer and date: a date line right after an issuer line."""
    fallback: tuple[str | None, str | None] = (None, None)
    for i in range(head, last + 1):
        m = _DATE_LINE.match(lines[i])
        if not m:
            continue
        iso = parse_date(lines[i])
        j = i - 1
        while j > head and not lines[j].strip():
            j -= 1
        prev = lines[j].strip()
        if _ISSUER_LINE.match(prev):
            return _squash(prev), iso
        if fallback[1] is None:
            fallback = (None, iso)
    return fallback
