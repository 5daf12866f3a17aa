"""Loaders: every form a gazette comes in is read right, and every bad file is refused
with a clear reason. All fixtures are generated here, in the real documents' forms."""

from __future__ import annotations

import io
import os
import random
import sys
from pathlib import Path

import pytest

from extract.load import decode_text, iter_input_files, load_source
from extract.source import LoadError
from extract.split import split_source

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from minipdf import make_pdf  # noqa: E402

NOTICE = """甲市人民政府办公室关于成立甲市城市更新工作专班的通知

甲政办函〔2024〕12号

各县（区）人民政府，市直各有关单位：

为加快推进城市更新工作，经市政府同意，成立甲市城市更新工作专班。组成人员如下：

组 长：王大明 副市长
成 员：李 强 市住建局局长

甲市人民政府办公室

2024年3月8日
"""

TRADITIONAL = """乙府辦函〔2023〕47號
關於成立乙市城市濕地公園保護專班的通知
戊區人民政府，市有關單位：
為協調推進城市濕地公園保護工作，市政府決定成立乙市城市濕地公園保護專班，現將具體事宜通知如下：
主任：王大明（市政府副市長）
乙市人民政府辦公室
2023年8月8日
"""


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def reason(path: Path, **kw: object) -> str:
    with pytest.raises(LoadError) as info:
        load_source(path, **kw)  # type: ignore[arg-type]
    assert info.value.path == str(path)
    assert "\n" not in info.value.reason
    return info.value.reason


# --- .txt ----------------------------------------------------------------------------


@pytest.mark.parametrize("encoding,bom", [
    ("utf-8", b""),
    ("utf-8", b"\xef\xbb\xbf"),
    ("gb18030", b""),
    ("gbk", b""),
    ("utf-16-le", b"\xff\xfe"),
    ("utf-16-be", b"\xfe\xff"),
    ("utf-16-le", b""),
    ("utf-16-be", b""),
])
def test_load_txt_encodings_read_exactly(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = write(tmp_path, "notice.txt", bom + NOTICE.encode(encoding))
    src = load_source(path)
    assert src.text == NOTICE
    assert src.format == "txt"
    assert not src.warnings


@pytest.mark.parametrize("encoding", ["big5", "utf-8", "gb18030"])
def test_load_txt_traditional_characters(tmp_path: Path, encoding: str) -> None:
    src = load_source(write(tmp_path, "trad.txt", TRADITIONAL.encode(encoding)))
    assert src.text == TRADITIONAL


def test_load_txt_short_gbk_title_is_not_misread(tmp_path: Path) -> None:
    title = "甲市人民政府办公室关于市长副市长工作分工的通知\n"
    assert load_source(write(tmp_path, "t.txt", title.encode("gbk"))).text == title
    assert decode_text("田东".encode("gbk"))[0] == "田东"


@pytest.mark.parametrize("raw,expected", [
    ("一\r\n二\r\n", "一\n二\n"),
    ("一\r二\r", "一\n二\n"),
    ("一\u2028二", "一\n二"),
])
def test_load_txt_line_endings_become_newlines(tmp_path: Path, raw: str, expected: str) -> None:
    assert load_source(write(tmp_path, "n.txt", raw)).text == expected


def test_load_txt_form_feeds_give_pages(tmp_path: Path) -> None:
    src = load_source(write(tmp_path, "p.txt", "第一页甲\n第一页乙\n\f第二页甲\n第二页乙\n\f第三页\n"))
    assert "\f" not in src.text
    assert src.page_of_line == [1, 1, 2, 2, 3, 3]
    assert src.page_of(src.text.index("第二页乙")) == 2


def test_load_txt_bom_does_not_shift_lines(tmp_path: Path) -> None:
    src = load_source(write(tmp_path, "b.txt", b"\xef\xbb\xbf" + NOTICE.encode()))
    docs, _ = split_source(src)
    assert docs[0].info.lines[0] == 1 and docs[0].info.number == "甲政办函〔2024〕12号"


def test_load_txt_damaged_utf8_is_read_with_a_warning(tmp_path: Path) -> None:
    data = (NOTICE * 3).encode()
    cut = data.index("工作专班".encode()) + 1  # inside a character
    src = load_source(write(tmp_path, "d.txt", data[:cut] + b"\xff" + data[cut:]))
    assert "\ufffd" in src.text
    assert any("damaged" in w and "line 1" in w for w in src.warnings)


@pytest.mark.parametrize("data,words", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
    (b"%PDF-1.7\n" + bytes(range(256)), "PDF file"),
    (b"PK\x03\x04" + bytes(200), "ZIP"),
    (random.Random(1).randbytes(4000), "binary"),
    (b"\x01\x02\x03\x04\x05\x06\x07\x08" * 100, "binary"),
])
def test_load_txt_binary_is_rejected(tmp_path: Path, data: bytes, words: str) -> None:
    assert words in reason(write(tmp_path, "x.txt", data))


@pytest.mark.parametrize("data", [
    ("Café naïve résumé, déjà vu. " * 20).encode("cp1252"),
    ("これは日本語の文章です。東京都の会議で決定した。" * 10).encode("shift_jis"),
    ("한국어 문서입니다. 회의에서 결정했습니다. " * 10).encode("euc-kr"),
])
def test_load_txt_doubtful_decoding_is_reported_not_guessed(tmp_path: Path, data: bytes) -> None:
    text = reason(write(tmp_path, "x.txt", data))
    assert "doubtful" in text or "cannot be decoded" in text


def test_load_txt_gbk_with_garbage_is_not_read_as_something_else(tmp_path: Path) -> None:
    junk = bytes(b | 0x80 for b in random.Random(2).randbytes(400))
    with pytest.raises(LoadError):
        load_source(write(tmp_path, "x.txt", NOTICE.encode("gbk") + junk))


def test_load_empty_blank_and_too_large_files(tmp_path: Path) -> None:
    assert reason(write(tmp_path, "e.txt", b"")) == "empty file"
    assert "no text" in reason(write(tmp_path, "w.txt", " \n\t\r\n\u3000\n"))
    assert "too large" in reason(write(tmp_path, "big.txt", NOTICE * 50), max_bytes=1000)


def test_load_missing_folder_and_unsupported(tmp_path: Path) -> None:
    assert reason(tmp_path / "nope.txt") == "no such file"
    assert "folder" in reason(tmp_path)
    assert "unsupported file type '.xls'" in reason(write(tmp_path, "a.xls", b"x"))
    assert ".docx" in reason(write(tmp_path, "a.doc", b"\xd0\xcf\x11\xe0" + bytes(100)))
    assert "without an extension" in reason(write(tmp_path, "README", b"x"))


def test_load_ascii_only_text_is_read_with_a_warning(tmp_path: Path) -> None:
    src = load_source(write(tmp_path, "a.txt", "Notice No. 12\nTo all departments:\n"))
    assert src.warnings == ["no Chinese characters in the text"]


# --- folders -------------------------------------------------------------------------


def test_iter_input_files_recursive_sorted_hidden_skipped(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.pdf", "a/c.docx", "a/.hidden.txt", ".git/x.txt", "notes.md", "c.HTML"]:
        write(tmp_path, name, "x")
    got = [os.path.relpath(p, tmp_path) for p in iter_input_files([tmp_path])]
    assert got == ["a/c.docx", "a/z.pdf", "b.txt", "c.HTML", "notes.md"]


def test_iter_input_files_named_files_kept_once_in_order(tmp_path: Path) -> None:
    b = write(tmp_path, "b.txt", "x")
    a = write(tmp_path, "a.txt", "x")
    got = list(iter_input_files([str(b), str(a), str(tmp_path), str(tmp_path / "missing.txt")]))
    assert got == [str(b), str(a), str(tmp_path / "missing.txt")]


# --- .pdf ----------------------------------------------------------------------------


def test_load_pdf_keeps_pages_and_drops_running_heads_and_page_numbers(tmp_path: Path) -> None:
    pages = [
        ["甲市人民政府公报", "甲市人民政府办公室关于成立甲市城市更新工作专班的通知", "甲政办函〔2024〕12号",
         "各县（区）人民政府，市直各有关单位：", "为加快推进城市更新工作，成立工作专班。组成人员如下：",
         "组 长：王大明 副市长", "— 1 —"],
        ["甲市人民政府公报", "成 员：李 强 市住建局局长", "甲市人民政府办公室", "2024年3月8日", "— 2 —"],
        ["甲市人民政府公报", "（此件公开发布）", "— 3 —"],
    ]
    src = load_source(write(tmp_path, "g.pdf", make_pdf(pages)))
    assert src.format == "pdf"
    assert "公报" not in src.text and "—" not in src.text
    lines = src.text.split("\n")
    assert lines[0] == "甲市人民政府办公室关于成立甲市城市更新工作专班的通知"
    assert src.page_of_line == [1] * 5 + [2] * 3 + [3]
    docs, report = split_source(src)
    assert [d.info.number for d in docs] == ["甲政办函〔2024〕12号"]
    assert docs[0].info.pages == (1, 3)
    assert docs[0].info.date == "2024-03-08"


@pytest.mark.parametrize("data,words", [
    (make_pdf([["你好"]], password=True), "password"),
    (make_pdf([[], []], image_only=True), "images only"),
    (make_pdf([["甲市人民政府办公室关于成立工作专班的通知"] * 20])[:400], "truncated"),
    (b"<html>not a pdf</html>", "not a PDF"),
    (make_pdf([[]]), "no text"),
])
def test_load_pdf_unreadable_files_say_why(tmp_path: Path, data: bytes, words: str) -> None:
    assert words in reason(write(tmp_path, "bad.pdf", data))


def test_load_pdf_pages_without_text_are_warned(tmp_path: Path) -> None:
    data = make_pdf([["甲市人民政府办公室关于成立工作专班的通知"], [], ["附件"]])
    src = load_source(write(tmp_path, "p.pdf", data))
    assert any("page(s) 2" in w for w in src.warnings)


# --- .docx ---------------------------------------------------------------------------


def make_docx(blocks: list[str | list[list[str]]], merge_first_row: bool = False) -> bytes:
    import docx

    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
        else:
            table = document.add_table(rows=len(block), cols=len(block[0]))
            for r, row in enumerate(block):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
            if merge_first_row:
                table.cell(0, 0).merge(table.cell(0, 1))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_load_docx_paragraphs_and_member_tables_in_order(tmp_path: Path) -> None:
    data = make_docx([
        "甲市人民政府办公室关于成立甲市城市更新工作专班的通知",
        "甲政办函〔2024〕12号",
        "各县（区）人民政府，市直各有关单位：",
        "组成人员如下：",
        [["组 长", "王大明", "副市长"], ["成 员", "李 强", "市住建局局长"]],
        "甲市人民政府办公室",
        "2024年3月8日",
    ])
    src = load_source(write(tmp_path, "n.docx", data))
    assert src.format == "docx"
    assert src.text.split("\n") == [
        "甲市人民政府办公室关于成立甲市城市更新工作专班的通知", "甲政办函〔2024〕12号",
        "各县（区）人民政府，市直各有关单位：", "组成人员如下：",
        "组长：王大明 副市长", "成员：李 强 市住建局局长", "甲市人民政府办公室", "2024年3月8日",
    ]
    docs, _ = split_source(src)
    assert docs[0].info.number == "甲政办函〔2024〕12号" and docs[0].info.issuer == "甲市人民政府办公室"


def test_load_docx_merged_cell_counted_once(tmp_path: Path) -> None:
    data = make_docx([[["成员单位", ""], ["市财政局", "市教育局"]]], merge_first_row=True)
    assert load_source(write(tmp_path, "m.docx", data)).text == "成员单位\n市财政局 市教育局"


@pytest.mark.parametrize("data,words", [
    (b"\xd0\xcf\x11\xe0" + bytes(500), "old-format or encrypted"),
    (b"this is not a zip", "not a .docx"),
    (make_docx(["甲"])[:300], "damaged"),
])
def test_load_docx_bad_files_say_why(tmp_path: Path, data: bytes, words: str) -> None:
    assert words in reason(write(tmp_path, "bad.docx", data))


# --- .html ---------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>甲市人民政府门户网站</title>
<style>.x {{ color: red }}</style><script>var 菜单 = "首页";</script></head>
<body>
<div id="top"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zw">政务公开</a></li>
<li><a href="/bs">办事服务</a></li><li><a href="/hd">互动交流</a></li></ul></div>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zw">政务公开</a> &gt; 通知公告</div>
<div class="wrap">
 <h1 class="article-title">甲市人民政府办公室关于成立甲市城市更新工作专班的通知</h1>
 <div class="info">发布时间：2024-03-08 来源：市政府办公室 【字体：大 中 小】</div>
 <div class="article-content">
  <p>甲政办函〔2024〕12号</p>
  <p>各县（区）人民政府，市直各有关单位：</p>
  <p>&emsp;&emsp;为加快推进城市更新工作，经市政府同意，成立甲市城市更新工作专班。组成人员如下：</p>
  <p>组 长：王大明 副市长<br>成 员：李 强 市住建局局长<br/>&nbsp;&nbsp;&nbsp;&nbsp;赵小红 市财政局局长</p>
  <table><tr><td>联络员</td><td>钱多多</td><td>市住建局科长</td></tr></table>
  <p style="text-align:right">甲市人民政府办公室</p>
  <p style="text-align:right">2024年3月8日</p>
 </div>
 <div class="related"><h3>相关文章</h3><ul><li><a href="/1">关于甲市防汛的通知</a></li>
 <li><a href="/2">关于乙市安全生产的通知</a></li><li><a href="/3">关于丙市营商环境的意见</a></li></ul></div>
</div>
<footer><p>版权所有：甲市人民政府办公室 主办单位：甲市人民政府 ICP备12345号</p></footer>
</body></html>
"""


@pytest.mark.parametrize("charset,encoding", [("utf-8", "utf-8"), ("gb2312", "gb18030"), ("GBK", "gbk")])
def test_load_html_keeps_the_document_body_only(tmp_path: Path, charset: str, encoding: str) -> None:
    src = load_source(write(tmp_path, "n.html", PAGE.format(charset=charset).encode(encoding)))
    lines = src.text.split("\n")
    assert lines[0] == "甲市人民政府办公室关于成立甲市城市更新工作专班的通知"
    assert lines[1] == "甲政办函〔2024〕12号"
    assert "组 长：王大明 副市长" in lines and "成 员：李 强 市住建局局长" in lines
    assert "赵小红 市财政局局长" in lines
    assert "联络员：钱多多 市住建局科长" in lines  # a member table row reads as a list line
    assert lines[-2:] == ["甲市人民政府办公室", "2024年3月8日"]
    for chrome in ("首页", "当前位置", "相关文章", "版权所有", "菜单", "color", "政务公开", "关于甲市防汛"):
        assert chrome not in src.text
    docs, _ = split_source(src)
    assert len(docs) == 1
    info = docs[0].info
    assert (info.number, info.issuer, info.date) == ("甲政办函〔2024〕12号", "甲市人民政府办公室", "2024-03-08")
    assert info.addressees == "各县（区）人民政府，市直各有关单位"


def test_load_html_article_and_wrong_declared_charset(tmp_path: Path) -> None:
    page = ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=utf-8'></head><body>"
            "<nav><a href='/'>首页</a></nav><article><header><h2>乙市人民政府关于张三职务任免的通知</h2></header>"
            "<p>乙政干发〔2024〕2号</p><p>各区人民政府：</p><p>任命张三为乙市教育局局长。</p>"
            "<p>乙市人民政府</p><p>二〇二四年一月十五日</p></article><footer>网站地图</footer></body></html>")
    src = load_source(write(tmp_path, "n.htm", page.encode("gb18030")))
    assert any("declared charset utf-8 is wrong" in w for w in src.warnings)
    assert src.text.split("\n")[0] == "乙市人民政府关于张三职务任免的通知"
    docs, _ = split_source(src)
    assert docs[0].info.date == "2024-01-15" and docs[0].info.doc_type == "appointment"


def test_load_html_without_text_is_refused(tmp_path: Path) -> None:
    page = b"<html><body><script>var a = 1;</script><img src='scan.png'></body></html>"
    assert "no text" in reason(write(tmp_path, "e.html", page))


OLD_SITE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>
<body><table width="100%"><tr><td class="top"><a href="/">网站首页</a> | <a href="/a">机构概况</a> |
<a href="/b">政务公开</a> | <a href="/c">办事服务</a></td></tr></table>
<table width="1000"><tr><td width="200" class="left"><ul><li><a href="/1">政策文件</a></li><li><a href="/2">规划计划</a>
</li><li><a href="/3">人事信息</a></li></ul></td><td>
<table class="xxgk"><tr><td>索引号：</td><td>000014349/2024-00012</td><td>发布机构：</td><td>甲市人民政府办公室</td></tr></table>
<div class="bt">甲市人民政府办公室关于成立甲市城市更新工作专班的通知</div>
<div class="TRS_Editor"><p align="center">甲政办函〔2024〕12号</p><p>各县（区）人民政府，市直各有关单位：</p>
<p>\u3000\u3000为加快推进城市更新工作，经市政府同意，成立甲市城市更新工作专班。组成人员如下：</p>
<p>\u3000\u3000组\u3000长：王大明\u3000副市长</p><p>\u3000\u3000成\u3000员：李\u3000强\u3000市住建局局长</p>
<p align="right">甲市人民政府办公室</p><p align="right">2024年3月8日</p></div>
<div class="fx">【<a href="javascript:print()">打印本页</a>】【<a href="javascript:close()">关闭窗口</a>】</div>
</td></tr></table>
<div class="foot">主办：甲市人民政府办公室　版权所有　网站标识码：1234567890　晋ICP备12345678号</div></body></html>
"""


def test_load_html_old_table_layout_site(tmp_path: Path) -> None:
    src = load_source(write(tmp_path, "old.htm", OLD_SITE.encode("gb18030")))
    for chrome in ("网站首页", "政策文件", "打印本页", "版权所有", "ICP"):
        assert chrome not in src.text
    assert "组\u3000长：王大明\u3000副市长" in src.text.split("\n")
    (doc,) = split_source(src)[0]
    assert (doc.info.number, doc.info.issuer, doc.info.date) == ("甲政办函〔2024〕12号", "甲市人民政府办公室", "2024-03-08")
    assert doc.info.title == "甲市人民政府办公室关于成立甲市城市更新工作专班的通知"


# --- properties ------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

BYTES = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=200).map(lambda t: t.encode("utf-8")),
    st.text(alphabet="甲乙关于通知〔〕号：。\n ", max_size=200).flatmap(
        lambda t: st.sampled_from(["utf-8", "gb18030", "utf-16", "utf-16-le", "big5hkscs"]).map(
            lambda e: t.encode(e, errors="ignore"))),
    st.sampled_from([make_pdf([["甲"]]), b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body>"]).flatmap(
        lambda head: st.binary(max_size=200).map(lambda tail: head + tail)),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(BYTES, st.sampled_from([".txt", ".pdf", ".docx", ".html"]))
def test_load_any_bytes_give_text_or_a_load_error(tmp_path: Path, data: bytes, ext: str) -> None:
    path = tmp_path / f"f{ext}"
    path.write_bytes(data)
    try:
        src = load_source(path)
    except LoadError as exc:
        assert exc.reason and "\n" not in exc.reason
    else:
        assert src.text.strip() and "\r" not in src.text
        if src.page_of_line is not None:
            assert len(src.page_of_line) == src.text.count("\n") + 1
