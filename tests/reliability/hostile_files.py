"""The hostile and broken inputs of the reliability battery, each with what must come of it.

A case is a file (name and bytes, made on demand so nothing large is kept in the repo)
and its expected outcome: `error` (the file is refused with one line naming it and the
reason) or `read` (documents come out, with the members named, and the warnings said).
`tests/reliability/test_hostile_inputs.py` runs every case through the library and the CLI.
"""

from __future__ import annotations

import io
import random
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from minipdf import make_pdf

__all__ = ["Case", "CASES", "NOTICE", "MEMBERS", "write_case"]

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "gazettes" / "shuozhou-2023-04.txt"

NOTICE = """甲市人民政府办公室关于成立甲市城市更新工作专班的通知
甲政办函〔2024〕12号
各县（区）人民政府，市直各有关单位：
为加快推进城市更新工作，经市政府同意，成立甲市城市更新工作专班。
组  长：王大明  副市长
副组长：李小红  市政府副秘书长
        张建国  市住房和城乡建设局局长
成  员：赵一民  市发展和改革委员会副主任
        钱二文  市财政局副局长
工作专班办公室设在市住房和城乡建设局，张建国兼任办公室主任。
甲市人民政府办公室
2024年3月8日
"""
MEMBERS = frozenset({"王大明", "李小红", "张建国", "赵一民", "钱二文"})


@dataclass(frozen=True)
class Case:
    """One input and what must come of it.

    outcome: "error" (refused, `words` in the reason) or "read" (at least `documents`
    documents, every name of `members` a member of a task force, `words` in a warning
    when given, and no name carrying an invisible character)."""

    id: str
    name: str
    make: Callable[[], bytes]
    outcome: str
    words: str = ""
    members: frozenset[str] = field(default_factory=frozenset)
    documents: int = 1


def _docx_with_table() -> bytes:
    import docx

    d = docx.Document()
    lines = NOTICE.splitlines()
    for line in lines[:4]:
        d.add_paragraph(line)
    table = d.add_table(rows=0, cols=3)
    for role, name, post in [("组长", "王大明", "副市长"), ("副组长", "李小红", "市政府副秘书长"),
                             ("", "张建国", "市住房和城乡建设局局长"),
                             ("成员", "赵一民", "市发展和改革委员会副主任"), ("", "钱二文", "市财政局副局长")]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = role, name, post
    for line in lines[9:]:
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _zip_not_docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "不是 Word 文件")
    return buf.getvalue()


def _html_with_scripts() -> bytes:
    body = "".join(f"<p>{line}</p>" for line in NOTICE.splitlines())
    return ("<html><head><script>var x = '组  长：坏人甲  市长';</script><style>p { color: red }</style></head>"
            "<body><script>document.write('组  长：坏人乙  副市长')</script>"
            "<div onclick=\"alert('成  员：坏人丙  局长')\">" + body + "</div>"
            "<noscript>成  员：坏人丁  市长</noscript><iframe src='javascript:alert(1)'></iframe></body></html>"
            ).encode("utf-8")


def _invisible_in_names() -> bytes:
    text = (NOTICE.replace("王大明", "王\u200b大明").replace("李小红", "李\u200d小\u00ad红")
            .replace("张建国", "张\ufeff建\u2060国").replace("赵一民", "赵\x07一民").replace("钱二文", "钱\u200c二\u202e文"))
    return text.encode("utf-8")


def _mixed_encodings() -> bytes:
    lines = NOTICE.splitlines(keepends=True)
    return "".join(lines[:6]).encode("utf-8") + "".join(lines[6:]).encode("gbk")


def _long_line(mb: float = 5) -> Callable[[], bytes]:
    def make() -> bytes:
        one = NOTICE.replace("\n", " ")
        return (one * (int(mb * 1024 * 1024) // len(one.encode()) + 1)).encode("utf-8")
    return make


def _long_line_then_notice() -> bytes:
    """5 MB without a line break, then a normal notice: the notice is still found."""
    return _long_line(5)() + b"\n" + NOTICE.encode("utf-8")


def _ocr_noise(seed: int = 5) -> bytes:
    """The seed gazette with one character in 50 replaced by a look-alike or junk."""
    r = random.Random(seed)
    junk = "口囗曰日目自白百□#@丶亻氵l1I|"
    text = SEED.read_text(encoding="utf-8")
    return "".join(r.choice(junk) if c != "\n" and r.random() < 0.02 else c for c in text).encode("utf-8")


def _deep_html() -> bytes:
    return ("<html><body>" + "<div>" * 100_000 + "组  长：王大明  副市长" + "</div>" * 100_000 + "</body></html>").encode()


CASES: list[Case] = [
    Case("empty", "empty.txt", lambda: b"", "error", "empty file"),
    Case("whitespace-only", "blank.txt", lambda: " \n\t\n\u3000\n\r\n".encode("utf-8"), "error", "only blank space"),
    Case("bom-only", "bom.txt", lambda: b"\xef\xbb\xbf", "error", "only blank space"),
    Case("png-renamed-txt", "photo.txt", lambda: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "error", "PNG image"),
    Case("elf-renamed-txt", "program.txt", lambda: b"\x7fELF\x02\x01\x01" + bytes(2000), "error", "a program"),
    Case("random-bytes-txt", "noise.txt", lambda: random.Random(1).randbytes(20_000), "error", "binary file"),
    Case("nul-inside-text", "nul.txt", lambda: NOTICE.encode()[:60] + b"\x00\x00\x00" + NOTICE.encode()[60:],
         "error", "NUL bytes"),
    Case("pdf-truncated", "cut.pdf", lambda: make_pdf([NOTICE.splitlines()])[:400], "error", "truncated"),
    Case("pdf-encrypted", "locked.pdf", lambda: make_pdf([NOTICE.splitlines()], password=True), "error", "password"),
    Case("pdf-image-only", "scan.pdf", lambda: make_pdf([[], []], image_only=True), "error", "images only"),
    Case("pdf-not-a-pdf", "fake.pdf", lambda: NOTICE.encode(), "error", "not a PDF"),
    Case("pdf-good", "notice.pdf", lambda: make_pdf([NOTICE.splitlines()[:6], NOTICE.splitlines()[6:]]), "read",
         members=MEMBERS),
    Case("docx-zip-not-word", "other.docx", _zip_not_docx, "error", "damaged .docx"),
    Case("docx-truncated", "cut.docx", lambda: _docx_with_table()[:3000], "error", ".docx"),
    Case("docx-members-in-table", "table.docx", _docx_with_table, "read", members=MEMBERS),
    Case("gbk", "gbk.txt", lambda: NOTICE.encode("gbk"), "read", members=MEMBERS),
    Case("gb18030-4-byte-char", "gb18030.txt", lambda: NOTICE.replace("市政府副秘书长", "市政府副秘书长𠀀").encode("gb18030"),
         "read", members=MEMBERS),
    Case("utf16-bom", "utf16.txt", lambda: NOTICE.encode("utf-16"), "read", members=MEMBERS),
    Case("utf16le-no-bom", "utf16le.txt", lambda: NOTICE.encode("utf-16-le"), "read", members=MEMBERS),
    Case("utf16be-no-bom", "utf16be.txt", lambda: NOTICE.encode("utf-16-be"), "read", members=MEMBERS),
    Case("mixed-utf8-gbk", "mixed.txt", _mixed_encodings, "read", "mixes encodings", members=MEMBERS),
    Case("long-line-5mb", "longline.txt", _long_line(5), "read"),
    Case("long-line-then-notice", "longline2.txt", _long_line_then_notice, "read", members=MEMBERS),
    Case("invisible-chars-in-names", "zw.txt", _invisible_in_names, "read", members=MEMBERS),
    Case("html-with-scripts", "scripts.html", _html_with_scripts, "read", members=MEMBERS),
    Case("html-nested-100k-deep", "deep.html", _deep_html, "error", "nested more than 256"),
    Case("html-renamed-txt", "page.txt", lambda: b"<html><body><p>" + NOTICE.encode() + b"</p></body></html>", "read",
         members=MEMBERS),
    Case("ocr-noise-1-in-50", "ocr.txt", _ocr_noise, "read", documents=10),
    Case("old-word-doc", "old.doc", lambda: b"\xd0\xcf\x11\xe0" + bytes(200), "error", ".doc format"),
    Case("markup-in-file-name", "[red]通知[-red].txt", lambda: NOTICE.encode(), "read", members=MEMBERS),
]


def write_case(case: Case, folder: Path) -> Path:
    path = folder / case.name
    path.write_bytes(case.make())
    return path
