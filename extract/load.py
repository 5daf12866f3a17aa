"""Reading a gazette in whatever form a user has it: .txt, .pdf, .docx or .html.

Every loader returns a `SourceText` (lines joined by "\\n") or raises `LoadError` with one
line saying why the file cannot be read. Nothing is guessed silently: a text file whose
encoding is doubtful, a binary file named .txt, an encrypted or image-only PDF are all
reported, not turned into garbage that the splitter would then read as documents.
Smaller doubts that do not lose the file (a few damaged bytes, pages without text) go to
`SourceText.warnings`.
"""

from __future__ import annotations

import io
import logging
import os
import re
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from extract.source import LoadError, SourceText

__all__ = [
    "load_source",
    "is_supported",
    "is_old_format",
    "unsupported_reason",
    "iter_input_files",
    "decode_text",
    "SUPPORTED_EXTENSIONS",
    "DEFAULT_MAX_BYTES",
]

SUPPORTED_EXTENSIONS = (".txt", ".pdf", ".docx", ".html", ".htm")
# A gazette issue is a few megabytes even as a PDF; anything far larger is not one.
DEFAULT_MAX_BYTES = 100 * 1024 * 1024

_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_MAGIC = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (a .docx?)"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (.doc?)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "a program"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
)
# Legacy names a detector or a <meta> may give, read with the superset that decodes them all.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "euc_cn": "gb18030",
              "x-gbk": "gb18030", "big5": "big5hkscs", "cp950": "big5hkscs"}
_OLD_FORMATS = {".doc": "old Word .doc format is not supported: save it as .docx or PDF",
                ".wps": "WPS .wps format is not supported: save it as .docx or PDF",
                ".ofd": "OFD format is not supported: export it as PDF"}

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_CJK_OR_PUNCT = re.compile(
    r"[\u2000-\u206f\u2100-\u27ff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f"
    r"\uff00-\uffef\U00020000-\U0002ffff]"
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CID = re.compile(r"\(cid:\d+\)")


def iter_input_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str]:
    """The files to read: each path named, and every file under each folder named.

    Folders are walked recursively in sorted order, skipping hidden files and folders.
    Every file is yielded whatever its extension (and a named one even when missing), so
    that `load_source` reports why it cannot be read rather than it vanishing unseen.
    Each file is yielded once.
    """
    seen: set[str] = set()
    for given in paths:
        p = Path(given)
        if p.is_dir():
            found = sorted(
                f for f in p.rglob("*")
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
        else:
            found = [p]
        for f in found:
            key = os.path.normcase(os.path.abspath(f))
            if key not in seen:
                seen.add(key)
                yield str(f) if f != p else os.fspath(given)


def is_supported(path: str | os.PathLike[str]) -> bool:
    """Whether the file's extension is one we read."""
    return Path(path).suffix.lower() in SUPPORTED_EXTENSIONS


def is_old_format(path: str | os.PathLike[str]) -> bool:
    """An office format we can name but not read (.doc, .wps, .ofd): a gazette, lost."""
    return Path(path).suffix.lower() in _OLD_FORMATS


def unsupported_reason(path: str | os.PathLike[str]) -> str:
    """Why a file of this extension is not read, in one line."""
    ext = Path(path).suffix.lower()
    if ext in _OLD_FORMATS:
        return _OLD_FORMATS[ext]
    what = f"'{ext}'" if ext else "without an extension"
    return f"unsupported file type {what} (supported: {' '.join(SUPPORTED_EXTENSIONS)})"


def load_source(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read one file into a `SourceText`; raise `LoadError` with the reason it cannot be read."""
    name = os.fspath(path)
    ext = Path(name).suffix.lower()
    if not os.path.exists(name):
        raise LoadError(name, "no such file")
    if os.path.isdir(name):
        raise LoadError(name, "is a folder, not a file")
    loader = _LOADERS.get(ext)
    if loader is None:
        raise LoadError(name, unsupported_reason(name))
    try:
        size = os.path.getsize(name)
        if size > max_bytes:
            raise LoadError(name, f"too large to be a gazette ({_mb(size)} MB; the limit is {_mb(max_bytes)} MB)")
        if size == 0:
            raise LoadError(name, "empty file")
        with open(name, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise LoadError(name, f"cannot be read: {exc.strerror or exc}") from exc
    src = loader(name, data)
    if not src.text.strip():
        raise LoadError(name, "no text in it (only blank space)")
    if not _CJK.search(src.text):
        src.warnings.append("no Chinese characters in the text")
    return src


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f}" if n >= 10 * 1024 * 1024 else f"{n / 1024 / 1024:.1f}"


def _unify_breaks(text: str) -> str:
    """Line endings to "\\n" (CRLF, CR, and the Unicode line and paragraph separators)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u2028" in text or "\u2029" in text or "\x85" in text:
        text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x85", "\n")
    return text


# ---------------------------------------------------------------------------------------
# .txt


def decode_text(data: bytes) -> tuple[str, str, list[str]]:
    """Decode the bytes of a text file: (text, encoding, warnings).

    BOMs decide first; NUL bytes mean UTF-16 without a BOM or a binary file; then strict
    UTF-8 (valid UTF-8 is almost never an accident), or UTF-8 with a few damaged spots;
    then GB18030 and charset-normalizer's candidates, each decoded strictly and kept only
    if it reads as Chinese text. Raises ValueError with the reason when no reading is
    trustworthy.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc)
            except UnicodeDecodeError as exc:
                raise ValueError(f"starts with a {enc.upper()} byte-order mark but is not valid "
                                 f"{enc.upper()} (byte {exc.start + len(bom)})") from exc
            _check_plain(text, enc)
            return text, enc, []
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ValueError(f"binary file, not text: it is {what}")
    if b"\x00" in data:
        enc = _utf16_without_bom(data)
        if enc is None:
            raise ValueError("binary file, not text (it contains NUL bytes)")
        try:
            text = data.decode(enc)
        except UnicodeDecodeError as exc:
            raise ValueError("binary file, not text (it contains NUL bytes)") from exc
        _check_plain(text, enc)
        return text, enc, []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _check_plain(text, "utf-8")
        return text, "utf-8", []
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    try:
        return _detect(data)
    except ValueError:
        mixed = _mixed_lines(data)
        if mixed is None:
            raise
        return mixed


def _mixed_lines(data: bytes) -> tuple[str, str, list[str]] | None:
    """A file joined from a UTF-8 and a GBK one (`cat a.txt b.txt`): each line read in the
    encoding it decodes in, UTF-8 first, with a warning saying which lines were GB18030.

    Only when every line decodes one way or the other, both kinds occur, and the GB18030
    lines read as Chinese text; otherwise None, and the file is refused as before."""
    lines: list[str] = []
    gb: list[int] = []
    utf8_non_ascii = 0
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            lines.append(raw.decode("utf-8"))
            utf8_non_ascii += not raw.isascii()
            continue
        except UnicodeDecodeError:
            pass
        try:
            lines.append(raw.decode("gb18030"))
        except UnicodeDecodeError:
            return None
        gb.append(number)
    if not gb or not utf8_non_ascii:
        return None
    text = "\n".join(lines)
    try:
        _check_plain(text, "UTF-8 and GB18030")
        _check_chinese("\n".join(lines[n - 1] for n in gb), "gb18030")
    except ValueError:
        return None
    where = _ranges(gb)
    return text, "utf-8", [f"mixes encodings: line(s) {where if len(where) <= 60 else where[:57] + '…'} "
                           "are GB18030, the rest UTF-8; each line read in its own"]


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII characters put their NUL byte all on one side."""
    head = data[:65536]
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    if len(data) % 2:
        return None
    if odd and even <= odd * 0.05:
        return "utf-16-le"
    if even and odd <= even * 0.05:
        return "utf-16-be"
    return None


def _damaged_utf8(data: bytes) -> tuple[str, str, list[str]] | None:
    """UTF-8 with a few bad bytes (a damaged copy) is read, with a warning saying where."""
    text = data.decode("utf-8", errors="replace")
    if not 0 < text.count("\ufffd") <= 4 * max(3, len(text) // 1000):
        return None  # valid, or not UTF-8 at all
    spots = len(re.findall("\ufffd+", text))
    multibyte = len(data) - len(text)  # about 2 per Chinese character read correctly
    if spots == 0 or multibyte < 60 or spots > max(3, len(text) // 1000):
        return None
    line = text.count("\n", 0, text.index("\ufffd")) + 1
    return text, "utf-8", [f"{spots} damaged spot(s) not valid UTF-8, shown as \ufffd (first on line {line})"]


def _detect(data: bytes) -> tuple[str, str, list[str]]:
    from charset_normalizer import from_bytes

    doubts: list[str] = []
    # GB18030 first: the usual encoding of a Chinese gazette that is not UTF-8, and the
    # checks below reject it on Big5 text; then the detector's candidates, best first.
    def candidates() -> Iterator[str]:
        yield "gb18030"
        for match in from_bytes(data):  # only run when GB18030 fails: slow on large files
            yield _SUPERSETS.get(match.encoding.lower(), match.encoding)

    tried: set[str] = set()
    for enc in candidates():
        if enc in tried:
            continue
        tried.add(enc)
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        try:
            _check_plain(text, enc)
            _check_chinese(text, enc)
        except ValueError as exc:
            doubts.append(str(exc))
            continue
        return text, enc.replace("_", "-"), []
    if doubts:
        raise ValueError(f"encoding is doubtful: {doubts[0]}")
    raise ValueError("cannot be decoded: not text in UTF-8, GB18030, UTF-16 or Big5 (binary or damaged?)")


def _check_plain(text: str, enc: str) -> None:
    """Text, not binary: hardly any control characters."""
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 200):
        raise ValueError(f"binary file, not text ({controls} control characters when read as {enc.upper()})")


def _check_chinese(text: str, enc: str) -> None:
    """A detected (not declared) encoding must give text that reads as Chinese.

    Three tests: the non-ASCII characters are Chinese characters or punctuation; the
    Chinese characters are mostly common ones (a wrong decoding, GBK read as Big5 or
    Japanese read as UTF-16, spreads over the whole CJK block, most of it rare); and
    the most frequent characters (的, 市, 政 …) make up a good share (EUC-KR read as
    GBK gives only common characters, but in a jumble where those are rare).
    """
    if len(text) > 1_000_000:  # a sample from both ends is enough, and fast
        text = text[:500_000] + text[-500_000:]
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if non_ascii < 2:
        return
    cjk = len(text) - len(_CJK_OR_PUNCT.sub("", text))
    if cjk < 0.8 * non_ascii:
        raise ValueError(f"read as {enc.upper()} it does not look like Chinese text "
                         f"(only {100 * cjk // non_ascii}% of the non-ASCII characters are Chinese)")
    chars = _CJK.findall(text, 0, 400_000)
    if chars:
        common = sum(1 for c in chars if _is_common(c))
        if common < 0.8 * len(chars):
            raise ValueError(f"read as {enc.upper()} most Chinese characters are rare ones "
                             f"({100 * common // len(chars)}% common): a wrong encoding")
    if len(chars) >= 20:
        from extract.text import to_simplified

        frequent = _frequent_characters()
        share = sum(1 for c in to_simplified("".join(chars)) if c in frequent) / len(chars)
        if share < 0.3:
            raise ValueError(f"read as {enc.upper()} the text is not Chinese words but a jumble "
                             f"(only {share:.0%} of its characters are frequent ones)")


@lru_cache(maxsize=1)
def _frequent_characters() -> frozenset[str]:
    import yaml

    path = Path(__file__).with_name("data") / "common_chars.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return frozenset(re.sub(r"\s", "", data["common_characters"]))


@lru_cache(maxsize=None)
def _is_common(ch: str) -> bool:
    """In the common-character sets: GB2312 level 1 (3755) or Big5's frequent block (5401)."""
    for enc, low, high in (("gb2312", 0xB0, 0xD7), ("big5", 0xA4, 0xC6)):
        try:
            b = ch.encode(enc)
        except UnicodeEncodeError:
            continue
        if len(b) == 2 and low <= b[0] <= high:
            return True
    return False


def _pages_from_form_feeds(text: str) -> tuple[str, list[int] | None]:
    """pdftotext marks page breaks with form feeds; keep them as page numbers, drop the marks."""
    if "\f" not in text:
        return text, None
    pages: list[int] = []
    page = 1
    lines = text.split("\n")
    for line in lines:
        total = line.count("\f")
        lead = len(line) - len(line.lstrip("\f"))
        page += lead
        pages.append(page)
        page += total - lead
    return text.replace("\f", ""), pages


def _load_txt(path: str, data: bytes) -> SourceText:
    try:
        text, enc, warnings = decode_text(data)
    except ValueError as exc:
        raise LoadError(path, str(exc)) from exc
    text = _unify_breaks(text)
    text, pages = _pages_from_form_feeds(text)
    return SourceText(path=path, text=text, encoding=enc, format="txt", page_of_line=pages, warnings=warnings)


# ---------------------------------------------------------------------------------------
# .pdf

_PAGE_NUMBER = re.compile(r"^[\s\-—–_·.]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*/\s*\d{1,4}|\s*共\s*\d+\s*页)?[\s\-—–_·.]*$")


def _load_pdf(path: str, data: bytes) -> SourceText:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    if not data.lstrip()[:5].startswith(b"%PDF-"):
        raise LoadError(path, "not a PDF file (no %PDF header)")
    truncated = b"%%EOF" not in data[-2048:]
    pages: list[list[str]] = []
    empty_pages: list[int] = []
    image_pages = 0
    warnings: list[str] = []
    try:
        with _quiet("pdfminer"), pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                try:
                    text = page.extract_text() or ""
                except Exception as exc:  # one damaged page must not lose the others
                    warnings.append(f"page {number} could not be read ({type(exc).__name__})")
                    text = ""
                if not text.strip():
                    empty_pages.append(number)
                    image_pages += bool(page.images)
                pages.append(_unify_breaks(text).split("\n") if text.strip() else [])
    except Exception as exc:
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if isinstance(inner, PDFPasswordIncorrect):
            raise LoadError(path, "encrypted PDF: it needs a password") from exc
        if isinstance(inner, PDFEncryptionError):
            raise LoadError(path, f"encrypted PDF that cannot be opened ({inner})") from exc
        if truncated:
            raise LoadError(path, "truncated or damaged PDF (it ends before its end-of-file marker)") from exc
        raise LoadError(path, f"damaged PDF, cannot be parsed ({_one_line(inner)})") from exc
    if not pages:
        raise LoadError(path, "PDF without pages" + (" (truncated?)" if truncated else ""))
    if len(empty_pages) == len(pages):
        if image_pages:
            raise LoadError(path, f"no text layer: {len(pages)} page(s) of images only (a scan?); OCR is not supported")
        raise LoadError(path, "no text in any page")
    if truncated:
        warnings.append("PDF seems truncated (no end-of-file marker); read what could be read")
    if empty_pages:
        warnings.append(f"no text on page(s) {_ranges(empty_pages)} (images only?)")
    pages = _strip_running_lines(pages)
    lines: list[str] = []
    page_of_line: list[int] = []
    for number, page_lines in enumerate(pages, start=1):
        lines.extend(page_lines)
        page_of_line.extend([number] * len(page_lines))
    text = "\n".join(lines)
    cids = len(_CID.findall(text))
    if cids > max(10, len(text) // 50):
        raise LoadError(path, "the PDF's fonts have no Unicode mapping: its text cannot be extracted")
    return SourceText(path=path, text=text, encoding="", format="pdf",
                      page_of_line=page_of_line or None, warnings=warnings)


@contextmanager
def _quiet(logger: str) -> Iterator[None]:
    """pdfminer logs its doubts to stderr; ours are reported once, as problems."""
    log = logging.getLogger(logger)
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(level)


def _strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers and running heads/feet: they would break sentences across pages.

    A first or last line is dropped when it is a page number, or when the same line
    (digits aside) opens or closes at least half of the pages (three at least).
    """
    def key(line: str) -> str:
        return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))

    def edges(pick: Callable[[list[str]], str | None]) -> set[str]:
        counts: dict[str, int] = {}
        for page in pages:
            line = pick(page)
            if line is not None:
                counts[key(line)] = counts.get(key(line), 0) + 1
        need = max(3, (len(pages) + 1) // 2)
        return {k for k, c in counts.items() if c >= need and k}

    first = edges(lambda p: next((l for l in p if l.strip()), None))
    last = edges(lambda p: next((l for l in reversed(p) if l.strip()), None))
    out = []
    for page in pages:
        page = list(page)
        for _ in range(2):  # a running head and a page number may both sit at an edge
            idx = next((i for i, l in enumerate(page) if l.strip()), None)
            if idx is not None and (_PAGE_NUMBER.match(page[idx]) or key(page[idx]) in first):
                del page[idx]
            idx = next((i for i in range(len(page) - 1, -1, -1) if page[i].strip()), None)
            if idx is not None and (_PAGE_NUMBER.match(page[idx]) or key(page[idx]) in last):
                del page[idx]
        out.append(page)
    return out


def _ranges(numbers: list[int]) -> str:
    out: list[str] = []
    start = prev = numbers[0]
    for n in numbers[1:] + [None]:  # type: ignore[list-item]
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(f"{start}" if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(out)


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


# ---------------------------------------------------------------------------------------
# Tables: member lists (组长 | 张三 | 副市长) read as the lines a text gazette writes

# A cell of a table laid out on its grid: `key` is the source cell, the same object at every
# grid position a merged cell covers (a row span repeats it down, a column span across).
Cell = tuple[str, object]
Grid = list[list[Cell | None]]

_MAX_TABLE_COLUMNS = 64  # a member list has a handful; wider is a layout or a hostile page


@lru_cache(maxsize=1)
def _table_words() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """(header word -> what its column holds, same-as-above marks, member roles), spaces removed."""
    import yaml

    from extract.lexicon import lexicon

    raw = yaml.safe_load((Path(__file__).with_name("data") / "tables.yaml").read_text(encoding="utf-8"))
    headers = {_key(w): kind for kind, words in raw["header_words"].items() for w in words}
    marks = frozenset(_key(m) for m in raw["same_as_above"])
    roles = frozenset(_key(r) for r in lexicon().member_roles)
    return headers, marks, roles


def _compact(text: str) -> str:
    """A cell's words without spaces or a trailing colon ("组 长：" -> "组长")."""
    return re.sub(r"\s+", "", text).rstrip("：:")


def _key(text: str) -> str:
    """A cell as compared with the role and header words: compact, in simplified characters
    ("組　長" -> "组长"); only short cells can be one of those words."""
    from extract.text import to_simplified

    text = _compact(text)
    return to_simplified(text) if len(text) <= 16 else text


def member_table_lines(grid: Grid) -> list[str] | None:
    """The lines of a member table, or None when `grid` is not one.

    A member table has a column whose cells are all member roles (or empty, or "same as
    above"): each row becomes "role：the other cells", as a text gazette writes the list,
    with the role of the row above carried down over an empty role cell. Rows before the
    first role are the table's title and header rows: a title stays a line, a header row
    (职务 | 姓名 | 单位及职务) is dropped, and what it names orders the cells (name before
    post) and drops index and note columns (序号, 联系电话). Inside the list, a header row
    repeated (a table copied across pages) is dropped too, and a row that is one cell across
    the table (a subheading, a note) stays a line of its own and ends the carried role;
    when that cell is a role (组长 over the rows of its members), it is the role carried.
    """
    headers, marks, roles = _table_words()
    width = max((len(r) for r in grid), default=0)
    if width < 2 or width > _MAX_TABLE_COLUMNS:
        return None
    rows = [[_key(c[0]) if c else "" for c in r] + [""] * (width - len(r)) for r in grid]
    apart = [_is_header(r, headers) or _is_spanning(r, width) for r in grid]
    found = _role_column(rows, apart, width, roles, marks) or _role_rows(rows, apart, roles)
    if found is None:
        return None
    col, first = found  # col -1: the roles head their rows instead of a column
    kinds = _column_kinds(rows[:first], width, headers)
    order = sorted((c for c in range(width) if c != col and kinds.get(c) not in ("index", "note")),
                   key=lambda c: (kinds.get(c) != "name", c))
    lines = [line for r in grid[:first] if not _is_header(r, headers) and (line := _row_text(r))]
    role = ""
    above: dict[int, str] = {}
    for r in range(first, len(grid)):
        if apart[r]:
            head = _row_role(rows[r], roles)
            line = "" if _is_header(grid[r], headers) or head else _row_text(grid[r])
            lines += [line] if line else []
            role = _compact(next(c[0] for c in grid[r] if c and c[0].strip())) if head else ""
            continue
        row = grid[r] + [None] * (width - len(grid[r]))
        own = rows[r][col] if col >= 0 else ""
        role = _compact(row[col][0]) if own and own not in marks else role  # type: ignore[index]
        seen: set[int] = {id(row[col][1])} if col >= 0 and row[col] else set()
        parts = []
        for c in order:
            cell = row[c]
            if cell is None or id(cell[1]) in seen:
                continue
            seen.add(id(cell[1]))
            text = above.get(c, "") if rows[r][c] in marks else _cell_line(cell[0])
            above[c] = text
            if text:
                parts.append(text)
        text = " ".join(parts)
        if text and (own or not _SENTENCE.search(text)):
            lines.append(f"{role}：{text}" if role else text)
        elif text:  # a sentence under the list is no member: it ends the role carried down
            lines.append(text)
            role = ""
    return lines


# Where a cell reads as a sentence, not a member: a full stop, or a clause broken off.
_SENTENCE = re.compile(r"。|[，,；;：:]$")


def _role_column(rows: list[list[str]], apart: list[bool], width: int, roles: frozenset[str],
                 marks: frozenset[str]) -> tuple[int, int] | None:
    """(the role column, the first row with a role): the leftmost column whose cells, from
    its first role on, are all roles, empty or "same as above" (rows `apart` aside)."""
    for col in range(width):
        first = next((r for r, row in enumerate(rows) if row[col] in roles and not apart[r]), None)
        if first is None:
            continue
        body = [row for row, away in zip(rows[first:], apart[first:]) if not away]
        if all(not row[col] or row[col] in roles or row[col] in marks for row in body):
            if any(row[c] for row in body for c in range(width) if c != col):
                return col, first
    return None


def _role_rows(rows: list[list[str]], apart: list[bool], roles: frozenset[str]) -> tuple[int, int] | None:
    """(-1, the first row) when roles head the rows of their members: a row of one role
    cell across the table ("组长", then the leaders' rows)."""
    first = next((r for r, row in enumerate(rows) if apart[r] and _row_role(row, roles)), None)
    if first is None or not any(not away for away in apart[first:]):
        return None
    return -1, first


def _row_role(row: list[str], roles: frozenset[str]) -> str:
    """The role a row of one cell names, or ""."""
    texts = {t for t in row if t}
    return next(iter(texts)) if len(texts) == 1 and texts <= roles else ""


def _is_spanning(row: list[Cell | None], width: int) -> bool:
    """One cell across the whole row (a subheading or a note), or the row's only cell."""
    keys = {id(c[1]) for c in row if c is not None}
    return len(keys) == 1 and (len(row) == width and all(row) or sum(c is not None for c in row) == 1)


def _column_kinds(head: list[list[str]], width: int, headers: dict[str, str]) -> dict[int, str]:
    """What each column holds, by the last header row above the list (姓名 -> name)."""
    for row in reversed(head):
        if any(row) and all(not t or t in headers for t in row):
            return {c: headers[row[c]] for c in range(width) if row[c]}
    return {}


def _is_header(row: list[Cell | None], headers: dict[str, str]) -> bool:
    texts = [_key(c[0]) for c in row if c]
    return any(texts) and all(not t or t in headers for t in texts)


def _row_text(row: list[Cell | None]) -> str:
    """A row that is not a member: its cells once each (a merged title once), space-joined."""
    seen: set[int] = set()
    parts = []
    for cell in row:
        if cell is None or id(cell[1]) in seen:
            continue
        seen.add(id(cell[1]))
        if text := _cell_line(cell[0]):
            parts.append(text)
    return " ".join(parts)


def _cell_line(text: str) -> str:
    """A cell's paragraphs on one line: a member's row is one line of the list."""
    return re.sub(r"\s*\n\s*", " ", text.strip())


# ---------------------------------------------------------------------------------------
# .docx


def _load_docx(path: str, data: bytes) -> SourceText:
    import zipfile

    import docx

    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise LoadError(path, "an old-format or encrypted Word file named .docx: save it as .docx without a password")
    if not data.startswith(b"PK"):
        raise LoadError(path, "not a .docx file (not a ZIP container)")
    try:
        document = docx.Document(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise LoadError(path, "truncated or damaged .docx (its ZIP container cannot be read)") from exc
    except Exception as exc:
        raise LoadError(path, f"damaged .docx, cannot be parsed ({_one_line(exc)})") from exc
    lines = _docx_blocks(document)
    text = _unify_breaks("\n".join(lines).replace("\v", "\n"))
    return SourceText(path=path, text=text, encoding="", format="docx")


_MAX_DOCX_NESTING = 8  # tables in tables in a real document: a frame or two


def _docx_blocks(container: "object", depth: int = 0) -> list[str]:
    """The lines of a document or a cell, paragraphs and tables in their order."""
    from docx.table import Table

    lines: list[str] = []
    for block in container.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(block, Table):
            lines.extend(_docx_table(block, depth))
        else:
            lines.append(block.text)
    return lines


def _docx_table(table: "object", depth: int) -> list[str]:
    """A member table as its list's lines; a frame (one column of cells around the text, as
    some offices lay out a whole notice) as the lines of what it holds; any other table a
    line a row."""
    grid = _docx_grid(table)
    member = member_table_lines(grid) if grid is not None else None
    if member is not None:
        return member
    if depth < _MAX_DOCX_NESTING and all(len({id(c._tc) for c in row.cells}) <= 1 for row in table.rows):  # type: ignore[attr-defined]
        lines: list[str] = []
        above = None
        for row in table.rows:  # type: ignore[attr-defined]
            for cell in row.cells[:1]:
                if cell._tc is not above:  # a cell merged down is read once
                    lines.extend(_docx_blocks(cell, depth + 1))
                above = cell._tc
        return lines
    return _table_lines(table)


def _docx_grid(table: "object") -> Grid | None:
    """The table on its layout grid, merged cells repeated where they reach (python-docx
    gives a vertically merged cell's top cell for every row it spans); None when a cell
    holds a table of its own (a layout, not a list)."""
    grid: Grid = []
    for row in table.rows:  # type: ignore[attr-defined]
        cells: list[Cell | None] = [None] * row.grid_cols_before
        for cell in row.cells:
            if cell.tables:
                return None
            cells.append(("\n".join(p.text for p in cell.paragraphs), cell._tc))
        grid.append(cells)
    return grid


def _table_lines(table: "object") -> list[str]:
    """One line a row, cells joined by a space; a merged cell counted once.

    Member lists are often tables (组长 | 田东 | 副市长): a row is one member.
    """
    out: list[str] = []
    for row in table.rows:  # type: ignore[attr-defined]
        seen: set[int] = set()
        cells: list[str] = []
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            text = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
            nested = [line for t in cell.tables for line in _table_lines(t)]
            if text:
                cells.append(text)
            if nested:
                cells.append(" ".join(nested))
        out.append(" ".join(cells))
    return out


# ---------------------------------------------------------------------------------------
# .html

_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
              "button", "select", "input", "textarea", "nav", "aside", "head", "map", "link", "meta")
_EDGE_TAGS = ("header", "footer")
_BOILERPLATE = re.compile(
    r"^(?:nav|navbar|navigation|menu|menus|submenu|breadcrumb|breadcrumbs|crumb|crumbs|footer|foot|"
    r"sidebar|side|share|sharing|toolbar|topbar|copyright|banner|skip|search|login|pagination|pager|"
    r"related|ads?|advert|friendlink|links|dqwz|wzdh)$",
    re.I,
)
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
               "ol", "table", "tbody", "thead", "tfoot", "tr", "caption", "blockquote", "pre", "center",
               "dl", "dt", "dd", "header", "footer", "figure", "figcaption", "address", "hr", "form",
               "fieldset", "body", "html"}
_CHROME_LINE = re.compile(
    r"当前位置|^首页\s*[>＞»]|版权所有|ICP备|网站标识码|公网安备|打印本页|关闭窗口|【?字体[：:]|分享到|扫一扫|"
    r"返回顶部|网站地图|联系我们|^【?\s*[大中小]\s*[大中小]\s*[大中小]\s*】?$"
)
_MAX_HTML_DEPTH = 256  # real pages nest a few dozen elements; libxml2 stops XML at 256 too
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.I)


def _load_html(path: str, data: bytes) -> SourceText:
    from bs4 import BeautifulSoup

    text, enc, warnings = _decode_html(path, data)
    soup = BeautifulSoup(text, "lxml")
    if _depth_beyond(soup, _MAX_HTML_DEPTH):
        raise LoadError(path, f"HTML nested more than {_MAX_HTML_DEPTH} elements deep: a broken or hostile "
                              "page, not a document (reading it would take hours)")
    body = soup.body or soup
    for tag in body.find_all(_DROP_TAGS):
        tag.decompose()
    total = _cjk_count(body.get_text())
    for tag in body.find_all(_EDGE_TAGS):
        if not _gone(tag) and tag.find_parent(("article", "main")) is None and _cjk_count(tag.get_text()) < total / 2:
            tag.decompose()
    for tag in body.find_all(True):
        if _gone(tag):
            continue
        tokens = re.split(r"[\s_-]+", " ".join([*(tag.get("class") or []), tag.get("id") or ""]))
        if any(_BOILERPLATE.match(t) for t in tokens if t) and _cjk_count(tag.get_text()) < total / 2:
            tag.decompose()
    for tag in body.find_all(("div", "ul", "ol", "table", "section", "td", "p", "dl")):
        if not _gone(tag) and _link_dense(tag) and _cjk_count(tag.get_text()) < total / 2:
            tag.decompose()
    main = _main_container(body)
    lines = _html_lines(main)
    title = _title_before(body, main)
    if title and (not lines or re.sub(r"\s", "", title) != re.sub(r"\s", "", lines[0])):
        lines.insert(0, title)
    lines = [l for l in lines if not (len(l) < 80 and _CHROME_LINE.search(l))]
    return SourceText(path=path, text="\n".join(lines), encoding=enc, format="html", warnings=warnings)


def _gone(tag: "object") -> bool:
    """Whether a tag was decomposed. bs4's own `tag.decomposed` looks up a missing attribute,
    which a Tag answers by searching its whole subtree for a child of that name: asked of
    every tag, that made reading a page quadratic in its size."""
    return bool(vars(tag).get("_decomposed", False))


def _decode_html(path: str, data: bytes) -> tuple[str, str, list[str]]:
    """The declared charset when it decodes cleanly; otherwise detection, with a warning."""
    m = _META_CHARSET.search(data[:8192])
    if m and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        declared = m.group(1).decode("ascii", "ignore").lower()
        enc = _SUPERSETS.get(declared.replace("-", ""), _SUPERSETS.get(declared, declared))
        try:
            return _unify_breaks(data.decode(enc)), enc, []
        except (UnicodeDecodeError, LookupError):
            pass
        try:
            text, found, warnings = decode_text(data)
        except ValueError as exc:
            raise LoadError(path, str(exc)) from exc
        return _unify_breaks(text), found, [f"declared charset {declared} is wrong; read as {found}", *warnings]
    try:
        text, found, warnings = decode_text(data)
    except ValueError as exc:
        raise LoadError(path, str(exc)) from exc
    return _unify_breaks(text), found, warnings


def _depth_beyond(root: "object", limit: int) -> bool:
    """Whether elements nest deeper than `limit` (walked without recursion).

    Finding the page's main text measures the text under every element, which costs the
    text times the nesting depth: harmless for real pages (a few dozen levels), hours for
    a file of 100 000 nested <div>s."""
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in getattr(node, "contents", ()) if getattr(child, "name", None))
    return False


def _cjk_count(text: str) -> int:
    return len(text) - len(_CJK.sub("", text))


def _link_dense(tag: "object") -> bool:
    """Navigation: a block whose text is mostly links (menus, related-article lists)."""
    text = re.sub(r"\s+", "", tag.get_text())  # type: ignore[attr-defined]
    if len(text) < 6:
        return False
    links = tag.find_all("a")  # type: ignore[attr-defined]
    if len(links) < 2:
        return False
    linked = sum(len(re.sub(r"\s+", "", a.get_text())) for a in links)
    return linked >= 0.6 * len(text)


def _main_container(body: "object") -> "object":
    """The element holding the document: an <article>/<main> with most of the Chinese text,
    else the deepest element holding at least 80% of it (sidebars and leftovers fall away)."""
    total = _cjk_count(body.get_text())  # type: ignore[attr-defined]
    if total == 0:
        return body
    best = None
    for tag in body.find_all(("article", "main")):  # type: ignore[attr-defined]
        n = _cjk_count(tag.get_text())
        if n >= total / 2 and (best is None or n > best[0]):
            best = (n, tag)
    if best is not None:
        return best[1]
    node = body
    while True:
        children = [c for c in node.children if getattr(c, "name", None)]  # type: ignore[attr-defined]
        nxt = next((c for c in children if _cjk_count(c.get_text()) >= 0.8 * total), None)
        if nxt is None:
            return node
        node = nxt


def _title_before(body: "object", main: "object") -> str | None:
    """A heading outside the chosen container, just before it (sites put the title apart)."""
    if main is body or main.find(("h1", "h2")) is not None:  # type: ignore[attr-defined]
        return None
    for tag in main.find_all_previous(True):  # type: ignore[attr-defined]
        classes = " ".join(tag.get("class") or []) + " " + (tag.get("id") or "")
        if tag.name in ("h1", "h2", "h3") or re.search(r"title|bt\b|biaoti", classes, re.I):
            text = re.sub(r"\s+", " ", tag.get_text(" ")).strip()
            if text and _cjk_count(text) and len(text) <= 150:
                return text
    return None


def _html_lines(root: "object") -> list[str]:
    """Lines as a browser lays them out: blocks and <br> break lines, table cells are
    joined by a space on their row's line."""
    from bs4 import Comment, NavigableString, Tag
    from bs4.element import CData, Declaration, Doctype, ProcessingInstruction

    skip = (Comment, CData, Declaration, Doctype, ProcessingInstruction)
    lines: list[str] = []
    current: list[str] = []

    def newline() -> None:
        line = re.sub(r"[ \t\n\r\f]+", " ", "".join(current)).strip()
        if line:
            lines.append(line)
        current.clear()

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if not isinstance(child, skip):
                    current.append(str(child))
            elif isinstance(child, Tag):
                name = child.name
                if name == "br":
                    newline()
                elif name in ("td", "th"):
                    walk(child)
                    current.append(" ")
                elif name == "table" and (member := _html_member_table(child)) is not None:
                    newline()
                    lines.extend(member)
                elif name == "table" and (spanned := _html_spanned_rows(child)) is not None:
                    newline()
                    lines.extend(spanned)
                elif name in _BLOCK_TAGS:
                    newline()
                    walk(child)
                    newline()
                else:
                    walk(child)

    if isinstance(root, NavigableString):
        return [str(root).strip()]
    if root.name in ("tbody", "thead", "tfoot", "tr"):  # type: ignore[attr-defined]
        root = root.find_parent("table") or root  # type: ignore[attr-defined]
    if root.name == "table" and (member := _html_member_table(root)) is not None:  # type: ignore[attr-defined]
        return member  # the page's text is the list itself
    walk(root)  # type: ignore[arg-type]
    newline()
    return [l.strip() for l in lines if l.strip()]


def _html_member_table(table: "object") -> list[str] | None:
    """A <table> read as a member list (see `member_table_lines`), or None."""
    grid = _html_grid(table)
    lines = member_table_lines(grid) if grid is not None else None
    caption = table.find("caption")  # type: ignore[attr-defined]
    if lines is not None and caption is not None and (title := _cell_line(caption.get_text("\n"))):
        lines.insert(0, title)  # "某某领导小组成员名单": the list's title, before it
    return lines


_MAX_SPANNED_CELL = 200  # characters: a cell of a list or a task table; longer, a page laid out in a table


def _html_spanned_rows(table: "object") -> list[str] | None:
    """A table whose cells span rows (a lead unit over the tasks it leads) as one line a row,
    a spanning cell repeated on every row it reaches, as a .docx table comes out; None when
    no cell spans rows, or the table is a layout (a table inside it, a long cell)."""
    if not any(_span(td.get("rowspan")) > 1 for td in table.find_all(("td", "th"))):  # type: ignore[attr-defined]
        return None
    grid = _html_grid(table)
    if grid is None or any(c is not None and len(c[0]) > _MAX_SPANNED_CELL for row in grid for c in row):
        return None
    return [line for row in grid if (line := _row_text(row))]


def _html_grid(table: "object") -> Grid | None:
    """The table on its grid, rowspan and colspan cells repeated where they reach; None for
    a table holding a table (a page layout) or one too wide to be a list."""
    if table.find("table") is not None:  # type: ignore[attr-defined]
        return None
    trs = table.find_all("tr")  # type: ignore[attr-defined]
    grid: Grid = [[] for _ in trs]
    for r, tr in enumerate(trs):
        c = 0
        for td in tr.find_all(("td", "th"), recursive=False):
            while c < len(grid[r]) and grid[r][c] is not None:
                c += 1  # taken by a cell spanning down from above
            rows, cols = _span(td.get("rowspan")), _span(td.get("colspan"))
            if c + cols > _MAX_TABLE_COLUMNS:
                return None
            cell: Cell = (td.get_text("\n"), td)
            for rr in range(r, min(r + rows, len(trs))):
                row = grid[rr]
                row.extend([None] * (c + cols - len(row)))
                for cc in range(c, c + cols):
                    row[cc] = cell
            c += cols
    return grid


def _span(value: object) -> int:
    """A rowspan or colspan attribute: a small positive number, 1 when absent or broken."""
    m = re.match(r"\s*(\d+)", str(value or ""))
    return min(max(int(m.group(1)), 1), _MAX_TABLE_COLUMNS) if m else 1


_LOADERS: dict[str, Callable[[str, bytes], SourceText]] = {
    ".txt": _load_txt,
    ".pdf": _load_pdf,
    ".docx": _load_docx,
    ".html": _load_html,
    ".htm": _load_html,
}
