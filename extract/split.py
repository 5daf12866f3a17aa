"""Splitting a gazette (or a single notice) into its documents.

A gazette has a table of contents (目录), section headings (【市政府文件】) and documents,
each with a title (often broken over lines), a number (朔政办发〔2023〕26号), addressees
(主送, the line ending in "："), a body, and a signature (issuer and date). The table of
contents is not a document; it is used to check that every listed document was found.
A file without contents or numbers is one document, or several when it holds several
titled notices (a title ending in 通知/决定/… followed by addressees).

Patterns are matched on a simplified-Chinese copy of the lines (OpenCC keeps lengths), so
traditional-character notices split the same way; titles, numbers and issuers are taken
from the source as written. A file may hold several issues one after another: each
table of contents starts a new part, and documents never run across one.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from dataclasses import dataclass, field

from extract.dates import DATE_RE, parse_date
from extract.document import ParsedDocument
from extract.lexicon import lexicon
from extract.source import SourceText
from extract.text import HEADING_START, to_simplified
from graph.records import DocumentInfo, make_id

__all__ = ["split_source", "classify", "SplitReport", "DOC_NUMBER_RE"]

_BR_OPEN, _BR_CLOSE = "〔［\\[（(【", "〕］\\]）)】"
DOC_NUMBER_RE = re.compile(
    rf"[\u4e00-\u9fff]{{1,12}}\s*[{_BR_OPEN}]\s*(?:19|20)\d\d\s*[{_BR_CLOSE}]\s*第?\s*\d{{1,4}}\s*[号號]"  # 第: 1990s numbers ("甲政字（1996）第12号")
)
_NUMBER_LINE = re.compile(rf"^\s*(?P<num>{DOC_NUMBER_RE.pattern})\s*$")
_TOC_ENTRY = re.compile(rf"^\s*(?P<num>{DOC_NUMBER_RE.pattern})\s*(?:[.。·…\s]+|\t+)\s*\d+\s*$")
_TOC_TITLE_ENTRY = re.compile(r"^\s*(?P<title>\S.{5,150}?)\s*(?:[.。·…]{2,}|\t+|\s{2,}|—{2,})\s*[（(]?\d{1,4}[）)]?\s*$")
_TOC_HEAD = re.compile(r"^\s*目\s*录\s*$")
_SECTION = re.compile(r"^\s*【(?P<name>[^】]{2,20})】\s*$")
_DATE_LINE = re.compile(rf"^\s*(?:{DATE_RE.pattern})\s*$")
_TITLE_WORDS = re.compile(r"关于|通知|决定|批复|意见|方案|规划|办法|规定|规则|通报|公告|命令|函$")
_TITLE_END = re.compile(r"(?:通知|决定|批复|意见|通报|公告|通告|命令|决议|函|复函|方案|办法|规定|规则|细则|规划)》?\s*$")
_MASTHEAD = re.compile(r"^\s*(?P<iss>[\u4e00-\u9fff（）()]{2,40}?)\s*文\s*件\s*$")
_BACK_MATTER = re.compile(r"^\s*《[^》]{2,30}公报》简介\s*$|^\s*主办单位[：:]")
# A web page's line of facts about the copy ("来源：某办公厅　发布日期：2024-04-28　字号：…").
_PAGE_META = re.compile(r"^(?:来源|信息来源|发布(?:时间|日期)|发文字号|字号|索引号|浏览次数|点击(?:数|量)|作者)\s*[：:]")
_ISSUER_LINE = re.compile(
    r"^\s*[\u4e00-\u9fff]{2,30}(?:人民政府|行政公署|政府办公室|政府办公厅|办公室|办公厅|委员会|常务委员会|局|厅|委|部)\s*$"
)
_ISSUER_DATE_LINE = re.compile(
    r"^\s*(?P<iss>[\u4e00-\u9fff]{2,30}(?:人民政府|政府办公室|政府办公厅|办公室|办公厅|委员会|局|厅|委|部))"
    rf"\s+(?P<date>{DATE_RE.pattern})\s*$"
)
_ADDRESSEE = re.compile(r"^[^。]{2,120}[：:]\s*$")
# Addressees name governments, units or departments; "现将有关事项通知如下：" does not.
_ADDRESSEE_WORDS = re.compile(r"人民政府|政府|单位|部门|各|局|委|办|管委会|公司|机构|厅|院|中心|同志")
# A line opening with a member role ("组  长：", "成员单位：") is a member list, not an addressee;
# the roles are the schema's ("委员会…" opens with 委员 but names a body).
_ROLE_START = "|".join(r"\s*".join(r) for r in sorted(lexicon().member_roles, key=len, reverse=True))
_MEMBER_ROLE = re.compile(rf"^\s*(?:{_ROLE_START})(?!会)")
_NOT_ADDRESSEE = re.compile(rf"如下|^\s*(?:(?:{_ROLE_START})(?!会)|附件|联系人|电话|地址)")


@dataclass
class SplitReport:
    """What the splitter noticed: TOC entries not found, and other warnings.

    `toc_numbers` are the numbers the contents pages list; `toc_titles` the entries
    listed by title only. `missing_from_body` holds the entries (numbers or titles) that
    no document matched; each also has a line in `warnings`.
    """

    toc_numbers: list[str]
    missing_from_body: list[str]
    warnings: list[str]
    toc_titles: list[str] = field(default_factory=list)


@dataclass
class _Toc:
    head: int                  # the 目录 line
    end: int                   # first line after the contents
    numbers: list[str]
    titles: list[str]
    section: dict[str, str]    # number -> section heading


@dataclass
class _Head:
    start: int                 # first line of the document (its title, or its number)
    number_line: int | None
    title: list[int]           # the title's lines
    header_end: int            # last line of title/number; addressees come after


def _clean_number(num: str) -> str:
    num = re.sub(r"\s+", "", num)
    num = re.sub(rf"[{_BR_OPEN}](\d{{4}})[{_BR_CLOSE}]", r"〔\1〕", num)
    return num.replace("號", "号")


def _squash(text: str) -> str:
    """Join title pieces: drop spaces between Chinese characters and line breaks."""
    text = re.sub(r"\s*\n\s*", "", text.strip())
    return re.sub(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])", "", text)


def _key(title: str) -> str:
    """A title as compared with a contents entry: simplified, no spaces or brackets."""
    return re.sub(r"[\s《》“”\"']", "", to_simplified(title))


@lru_cache(maxsize=1)
def _leader_re() -> re.Pattern[str]:
    """Heads of government of every level (市长, 副州长, 旗长 …), from the lexicon."""
    return re.compile("|".join(re.escape(h) for h in lexicon().leader_heads))


@lru_cache(maxsize=1)
def _body_re() -> re.Pattern[str]:
    """Coordinating bodies named by a specific kind (领导小组, 工作专班, 指挥部 …), from the lexicon;
    the general words 办公室/委员会 name governments' own offices too."""
    kinds = [k for k, v in lexicon().task_force_kinds.items() if v not in ("办公室", "委员会")]
    return re.compile("|".join(re.escape(k) for k in sorted(kinds, key=len, reverse=True)))


_TASK_DIVISION = re.compile(r"责任分解|任务分工|分工方案|重点工作任务")


def classify(title: str, body: str = "") -> str:
    """Document type from its title (and body, for documents without one)."""
    t = to_simplified(title)
    if re.search(r"任免|任命|免去|免职|人事|任职的(?:通知|决定)", t):
        return "appointment"
    if re.search(r"分工", t) and (re.search(r"领导|主任|秘书长|成员|同志", t) or _leader_re().search(t)
                                 or lexicon().title_re.search(t)) \
            and not _body_re().search(t) and not _TASK_DIVISION.search(t):
        # leaders' division of work (专员、副专员工作分工); a body's members and their tasks are a
        # task force's, a plan's tasks a task allocation's
        return "work_division"
    if re.search(r"批复", t):
        return "approval"
    if re.search(r"联席会议|协调机制|协调小组", t):
        return "coordination"
    if re.search(r"(成立|调整|建立|组建|设立|撤销).{0,60}(领导小组|工作专班|专班|指挥部|委员会|工作组|小组|议事协调机构)|"
                 r"(领导小组|工作专班|指挥部).{0,6}(成员|组成)", t):
        return "task_force"
    if _TASK_DIVISION.search(t):
        return "task_allocation"
    if re.search(r"规划|方案|意见|规则|办法|计划|规定|细则|纲要", t):
        return "plan"
    b = to_simplified(body[:6000])
    if len(re.findall(r"任命|免去", b)) >= 2:
        return "appointment"
    if re.search(r"组\s*长[：:]|副组长[：:]|召集人|办公室设在|(?:任|为|担任)组长|组长由", b):
        return "task_force"
    if len(re.findall(r"分管|联系", b)) >= 3 and _leader_re().search(b):  # news reports of a 分工
        return "work_division"
    duty_lines = [ln for ln in b.split("\n") if _leader_re().search(ln) and re.search(r"分管|负责|联系|主持", ln)]
    if len(duty_lines) >= 3:  # leaders listed one a line with their duties
        return "work_division"
    if re.search(r"牵头单位|责任领导", b):
        return "task_allocation"
    return "other"


def split_source(src: SourceText) -> tuple[list[ParsedDocument], SplitReport]:
    """Find every document in a source file, and check them against its contents pages."""
    lines = src.text.split("\n")
    simp = to_simplified(src.text).split("\n")
    if len(simp) != len(lines):  # OpenCC never adds or removes line breaks; be sure
        simp = lines
    starts = src.line_starts
    tocs = _read_tocs(simp)

    # Parts: the text after each contents (or the whole file when there is none).
    if tocs:
        parts = [(t.end, tocs[k + 1].head if k + 1 < len(tocs) else len(lines)) for k, t in enumerate(tocs)]
    else:
        parts = [(0, len(lines))]
    section_of: dict[str, str] = {}
    for t in tocs:
        section_of.update(t.section)

    docs: list[ParsedDocument] = []
    for lo, hi in parts:
        heads = _find_heads(lines, simp, lo, hi)
        end = hi
        for i in range(heads[-1].start if heads else lo, hi):
            if _BACK_MATTER.match(simp[i]):
                end = i
                break
        if not tocs and heads:
            lead = _leading_text(lines, lo, heads[0].start)
            if lead is not None:
                heads.insert(0, _Head(lead, None, [lead] if _looks_like_title(simp[lead]) else [], lead))
        if not heads:  # nothing recognisable: the whole part is one document, so nothing is lost
            first = _next_nonblank(lines, lo, end - lo)
            if first is None:
                continue
            heads = [_Head(first, None, [first] if _looks_like_title(simp[first]) else [], first)]
        sections = _body_sections(simp, lo, end)
        for k, head in enumerate(heads):
            stop = heads[k + 1].start if k + 1 < len(heads) else end
            last = stop - 1
            while last > head.start and not lines[last].strip():
                last -= 1
            if last < head.start or not "".join(lines[head.start:last + 1]).strip():
                continue
            docs.append(_make_document(src, lines, simp, starts, head, last, section_of, sections))

    return docs, _cross_check(tocs, docs, bool(src.text.strip()))


def _cross_check(tocs: list[_Toc], docs: list[ParsedDocument], has_text: bool) -> SplitReport:
    """Every contents entry must match a document found: by number, or by title."""
    toc_numbers = [n for t in tocs for n in t.numbers]
    toc_titles = [x for t in tocs for x in t.titles]
    numbers = {d.info.number for d in docs if d.info.number}
    titles = [_key(d.info.title) for d in docs]
    missing = [n for n in toc_numbers if n not in numbers]
    for title in toc_titles:
        k = _key(title)
        if not any(k == t or (len(k) >= 8 and (k in t or t in k) and len(t) >= 8) for t in titles):
            missing.append(title)
    warnings = [f"目录 lists {m} but no document {'with that number' if m in toc_numbers else 'with that title'} was found"
                for m in missing]
    if not docs and has_text:
        warnings.append("no document found in the text")
    elif not has_text:
        warnings.append("no text")
    return SplitReport(toc_numbers, missing, warnings, toc_titles)


def _next_nonblank(lines: list[str], i: int, limit: int) -> int | None:
    j, seen = i, 0
    while j < len(lines) and seen <= limit:
        if lines[j].strip():
            return j
        j += 1
        seen += 1
    return None


def _prev_nonblank(lines: list[str], i: int, floor: int) -> int | None:
    j = i
    while j >= floor:
        if lines[j].strip():
            return j
        j -= 1
    return None


def _read_tocs(simp: list[str]) -> list[_Toc]:
    """Every table of contents: numbers (and title-only entries) listed, their sections, its end.

    A 目录 line counts only when entries or section headings follow it: a plan's own
    chapter list is not a gazette's contents.
    """
    tocs: list[_Toc] = []
    i = 0
    while i < len(simp):
        if not _TOC_HEAD.match(simp[i]):
            i += 1
            continue
        toc = _read_toc(simp, i)
        if toc.numbers or toc.section or len(toc.titles) >= 2:
            tocs.append(toc)
            i = toc.end
        else:
            i += 1
    return tocs


def _read_toc(simp: list[str], head: int) -> _Toc:
    numbers: list[str] = []
    titles: list[str] = []
    section: dict[str, str] = {}
    current = None
    end = head + 1
    for i in range(head + 1, len(simp)):
        line = simp[i]
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
        m_title = _TOC_TITLE_ENTRY.match(line)
        if m_title and not DOC_NUMBER_RE.search(line) and _is_document_title(m_title.group("title")):
            titles.append(_squash(m_title.group("title")))
            end = i + 1
            continue
        if i - end > 6 and line.strip():
            break
    return _Toc(head, end, numbers, titles, section)


def _is_document_title(title: str) -> bool:
    """A contents entry naming a document (关于…的通知), not a chapter (一、规划背景)."""
    t = _squash(title)
    return not HEADING_START.match(t) and "关于" in t and bool(_TITLE_END.search(t))


def _looks_like_title(line: str) -> bool:
    """The first line of a file without a header serves as its title unless it is a long
    line with no title word (a paragraph)."""
    s = line.strip()
    return bool(s) and (len(s) <= 60 or bool(_TITLE_WORDS.search(s)))


def _find_heads(lines: list[str], simp: list[str], lo: int, hi: int) -> list[_Head]:
    """Where documents begin: at each number line (title above or below it), and at each
    title that is followed by addressees (notices without a number)."""
    heads: list[_Head] = []
    claimed: set[int] = set()  # addressee lines that belong to a numbered head
    seen: set[str] = set()  # the numbers of the documents found
    for i in range(lo, hi):
        num = _NUMBER_LINE.match(simp[i])
        if not num:
            continue
        if _clean_number(num.group("num")) in seen:
            continue  # a number already read heads the pages of its document (a running head)
        seen.add(_clean_number(num.group("num")))
        start = _title_start(simp, i, lo)
        title = [j for j in range(start, i) if lines[j].strip()]
        header_end = i
        if start == i:  # web copies put the number above the title
            title, header_end = _title_below(simp, i, hi)
        elif not _TITLE_END.search(_squash("\n".join(simp[j] for j in title))):
            # a masthead ("甲县人民政府文件") above the number, the title below it
            below, below_end = _title_below(simp, i, hi)
            if below and _TITLE_END.search(_squash("\n".join(simp[j] for j in below))):
                title, header_end = below, below_end
        heads.append(_Head(start, i, title, header_end))
        addr = _next_nonblank(simp, header_end + 1, 3)
        if addr is not None:
            claimed.add(addr)
    numbered = [h.start for h in heads]
    for i in range(lo, hi):
        line = simp[i]
        if i in claimed or not line.rstrip().endswith(("：", ":")) or not _is_addressee(line):
            continue
        head = _title_above(lines, simp, i, lo)
        if head is not None and not any(s <= head.start <= h.header_end + 1 for s, h in zip(numbered, heads)):
            heads.append(head)
    heads.sort(key=lambda h: h.start)
    # A head inside another's header (both forms of one title) is the same document.
    out: list[_Head] = []
    for h in heads:
        if out and h.start <= out[-1].header_end:
            continue
        out.append(h)
    return out


def _is_addressee(line: str) -> bool:
    return bool(_ADDRESSEE.match(line)) and bool(_ADDRESSEE_WORDS.search(line)) and not _NOT_ADDRESSEE.search(line)


def _title_above(lines: list[str], simp: list[str], addr: int, floor: int) -> _Head | None:
    """The title of an unnumbered notice: the lines just above its addressees, from the
    line holding 关于 (or the issuer line before it), ending in 通知/决定/…"""
    picked: list[int] = []
    j = addr - 1
    blanks = 0
    while j >= floor and len(picked) < 4:
        s = simp[j].strip()
        if not s:
            blanks += 1
            if blanks > 2:
                break
            j -= 1
            continue
        blanks = 0
        if _PAGE_META.match(s):  # a web copy's line "来源：… 发布日期：… 字号：…" under its title
            j -= 1
            continue
        if s.endswith(("。", "；", "：", ":", "！", "？")) or _DATE_LINE.match(s) or _NUMBER_LINE.match(s) \
                or _SECTION.match(s) or s.startswith("（此件") or len(s) > 100:
            break
        picked.append(j)
        if "关于" in s and not s.startswith("关于"):
            break
        if s.startswith("关于"):
            k = _prev_nonblank(simp, j - 1, max(floor, j - 3))
            if k is not None and _ISSUER_LINE.match(simp[k]):
                picked.append(k)
            break
        j -= 1
    if not picked:
        return None
    picked.reverse()
    text = _squash("\n".join(simp[k] for k in picked))
    if "关于" not in text and not re.search(r"印发|转发", text) or not _TITLE_END.search(text) or len(text) > 150:
        return None
    # the title starts at its 关于 line (or the issuer line above it), not above
    first = next((n for n, k in enumerate(picked) if "关于" in simp[k] or _ISSUER_LINE.match(simp[k])), 0)
    picked = picked[first:]
    return _Head(picked[0], None, picked, picked[-1])


def _title_start(simp: list[str], num_line: int, floor: int) -> int:
    """Walk up from a number line over the title lines (at most four, no sentence ends)."""
    i = num_line - 1
    start = num_line
    taken = 0
    while i >= floor and taken < 4:
        line = simp[i].strip()
        if not line:
            i -= 1
            continue
        if (line.endswith(("。", "；", "）", ")")) and not _TITLE_WORDS.search(line)) or _DATE_LINE.match(line) \
                or _SECTION.match(line) or line.startswith("（此件") or len(line) > 90 \
                or _NUMBER_LINE.match(line) or line.endswith(("。", "：", ":")) or _TOC_ENTRY.match(line):
            break
        start = i
        taken += 1
        if re.match(r"^[\u4e00-\u9fff]{2,30}(人民政府|办公室|办公厅|委员会)\s", line) or \
                re.match(r"^[\u4e00-\u9fff]{2,30}(人民政府|政府办公室|政府办公厅)$", line) or \
                re.match(r"^[\u4e00-\u9fff（）()]{2,40}?关于", line):
            break  # the issuer (or 关于) begins the title
        i -= 1
    return start


def _title_below(simp: list[str], num_line: int, hi: int) -> tuple[list[int], int]:
    """The title under a number line: lines up to the addressees, until it ends in 通知/决定/…"""
    title: list[int] = []
    j = num_line + 1
    while j < hi and len(title) < 4:
        s = simp[j].strip()
        if s:
            if _is_addressee(s) or _ADDRESSEE.match(s) or s.endswith(("。", "；")) or _NUMBER_LINE.match(s) \
                    or _DATE_LINE.match(s) or len(s) > 100:
                break
            if not title and not _TITLE_WORDS.search(s) and not _ISSUER_LINE.match(s):
                break  # an issuer's line may open the title ("甲县人民政府" / "关于…的通知")
            title.append(j)
            if _TITLE_END.search(s):
                break
        elif title and j - title[-1] > 2:
            break
        j += 1
    if title and not _TITLE_END.search(_squash("\n".join(simp[k] for k in title))):
        # not a title after all unless the next line is the addressees
        nxt = _next_nonblank(simp, title[-1] + 1, 2)
        if nxt is None or not _ADDRESSEE.match(simp[nxt]):
            title = title[:1] if _TITLE_WORDS.search(simp[title[0]]) else []
    return title, (title[-1] if title else num_line)


def _leading_text(lines: list[str], lo: int, first_head: int) -> int | None:
    """Text before the first document found in a file without contents: a document of its
    own when it holds sentences, not just page furniture (so that nothing is lost)."""
    body = [l.strip() for l in lines[lo:first_head] if l.strip()]
    if sum(len(l) for l in body) >= 100 and any(re.search(r"[。；，]", l) for l in body):
        return _next_nonblank(lines, lo, first_head - lo)
    return None


def _body_sections(simp: list[str], lo: int, hi: int) -> list[tuple[int, str]]:
    """Section headings (【市政府文件】) in the body itself, for gazettes that print them there."""
    return [(i, m.group("name")) for i in range(lo, hi) if (m := _SECTION.match(simp[i]))]


def _make_document(src: SourceText, lines: list[str], simp: list[str], starts: list[int], head: _Head,
                   last: int, toc_section: dict[str, str], sections: list[tuple[int, str]]) -> ParsedDocument:
    title = _squash("\n".join(lines[k] for k in head.title if k <= last))
    if title.startswith("《") and title.endswith("》"):
        title = title[1:-1]
    number_line = head.number_line
    number = _clean_number(_NUMBER_LINE.match(lines[number_line]).group("num")) \
        if number_line is not None and _NUMBER_LINE.match(lines[number_line]) else None
    after = max(head.header_end, number_line if number_line is not None else head.start) + 1
    if not head.title and number_line is None:
        after = head.start  # no header: the text starts at once
    addressees, body_line = _addressees(lines, simp, after, last)
    issuer, date = _signature(lines, simp, head.start, last)
    simp_title = to_simplified(title)
    m = re.match(r"^(?P<iss>[\u4e00-\u9fff（）()]{2,40}?)关于", simp_title)
    if m and len(title) <= 80:
        issuer = title[: len(m.group("iss"))]
    masthead = _MASTHEAD.match(simp[head.start])
    if issuer is None and masthead:  # "甲地区行政公署文件" over a title that names no issuer
        issuer = _squash(lines[head.start][masthead.start("iss"):masthead.end("iss")])
    if date is None:
        date = parse_date("\n".join(lines[head.start:min(last + 1, head.start + 8)]))
    start = starts[head.start]
    end = starts[last] + len(lines[last])
    text = src.text[start:end]
    sha1 = hashlib.sha1(text.encode("utf-8")).hexdigest()
    doc_id = make_id("Document", number) if number else make_id("Document", sha1)
    section = toc_section.get(number) if number else None
    if section is None:
        section = next((name for i, name in reversed(sections) if i < head.start), None)
    info = DocumentInfo(
        doc_id=doc_id,
        number=number,
        title=title or (src.path.replace("\\", "/").rsplit("/", 1)[-1]),
        issuer=issuer,
        date=date,
        doc_type=classify(title, text),
        source=src.path,
        lines=(head.start + 1, last + 1),
        section=section,
        addressees=addressees,
        pages=(src.page_of(start), src.page_of(max(start, end - 1))) if src.page_of_line else None,
        sha1=sha1,
    )
    body_start = starts[min(body_line, last)] if body_line <= last else end
    return ParsedDocument(source=src, info=info, start=start, end=end, body_start=body_start)


def _addressees(lines: list[str], simp: list[str], after: int, last: int) -> tuple[str | None, int]:
    """The addressees (主送) right after the header, possibly broken over two lines."""
    addr_line = _next_nonblank(simp, after, 3)
    if addr_line is None or addr_line > last:
        return None, after
    if simp[addr_line].rstrip().endswith(("，", ",", "、")):
        nxt = _next_nonblank(simp, addr_line + 1, 1)
        if nxt is not None and nxt <= last and _ADDRESSEE.match(simp[nxt]):
            body = _next_nonblank(simp, nxt + 1, 3)
            return _squash(lines[addr_line] + lines[nxt]).rstrip("：:"), body if body is not None else nxt + 1
    if _ADDRESSEE.match(simp[addr_line]) and not _MEMBER_ROLE.match(simp[addr_line]) \
            and not re.search(r"如下[：:]\s*$", simp[addr_line]):
        body = _next_nonblank(simp, addr_line + 1, 3)
        return _squash(lines[addr_line]).rstrip("：:"), body if body is not None else addr_line + 1
    return None, after


def _signature(lines: list[str], simp: list[str], head: int, last: int) -> tuple[str | None, str | None]:
    """The signing issuer and date: a date line right after an issuer line (or both on one)."""
    fallback: tuple[str | None, str | None] = (None, None)
    for i in range(head, last + 1):
        line = simp[i]
        if "日" not in line and "-" not in line and "." not in line and "/" not in line:
            continue
        m = _DATE_LINE.match(line)
        if not m:
            both = _ISSUER_DATE_LINE.match(line)
            if both and parse_date(both.group("date")):
                return _squash(lines[i][both.start("iss"):both.end("iss")]), parse_date(both.group("date"))
            continue
        iso = parse_date(line)
        j = i - 1
        while j > head and not simp[j].strip():
            j -= 1
        if _ISSUER_LINE.match(simp[j]):
            return _squash(lines[j]), iso
        if fallback[1] is None:
            fallback = (None, iso)
    return fallback
