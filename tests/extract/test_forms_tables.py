"""Member lists laid out as tables (DOCX, HTML): rows reach the extractors in document order
as list lines, the role carried down over empty and merged role cells. Invented names."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from extract.load import load_source
from extract.pipeline import extract_documents
from extract.split import split_source

# A table is a list of rows; a cell is text, None for "merged with the cell above" (a row
# span) or "<" for "merged with the cell to the left" (a column span).
Table = list[list["str | None"]]

HEAD = ["{place}人民政府办公室关于成立{place}河湖治理工作领导小组的通知",
        "{short}政办函〔2024〕7号",
        "各有关单位：",
        "为加强河湖治理工作，经研究，决定成立{place}河湖治理工作领导小组。组成人员如下："]
TAIL = ["领导小组办公室设在{place}水利局。", "{place}人民政府办公室", "2024年5月6日"]


def make_docx(blocks: list["str | Table"]) -> bytes:
    import docx

    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        width = len(block[0])
        table = document.add_table(rows=len(block), cols=width)
        for r, row in enumerate(block):
            for c, text in enumerate(row):
                if text is not None and text != "<":
                    table.cell(r, c).text = text
        for r, row in enumerate(block):
            for c, text in enumerate(row):
                if text is None:
                    table.cell(r - 1, c).merge(table.cell(r, c))
                elif text == "<":
                    table.cell(r, c - 1).merge(table.cell(r, c))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_html(blocks: list["str | Table"]) -> bytes:
    parts = []
    for block in blocks:
        if isinstance(block, str):
            parts.append(f"<p>{block}</p>")
            continue
        rows = []
        for r, row in enumerate(block):
            cells = []
            for c, text in enumerate(row):
                if text is None or text == "<":
                    continue
                down = 1
                while r + down < len(block) and block[r + down][c] is None:
                    down += 1
                across = 1
                while c + across < len(row) and row[c + across] == "<":
                    across += 1
                attrs = (f' rowspan="{down}"' if down > 1 else "") + (f' colspan="{across}"' if across > 1 else "")
                tag = "th" if text in ("职务", "姓名", "单位及职务", "序号") else "td"
                cells.append(f"<{tag}{attrs}>{text}</{tag}>")
            rows.append("<tr>" + "".join(cells) + "</tr>")
        parts.append("<table border='1'>" + "".join(rows) + "</table>")
    page = ("<html><head><meta charset='utf-8'></head><body><div class='article'>"
            + "\n".join(parts) + "</div></body></html>")
    return page.encode("utf-8")


MAKERS = {"docx": make_docx, "html": make_html}


def document(tmp_path: Path, form: str, table: Table, place: str = "甲市", short: str = "甲") -> Path:
    blocks: list[str | Table] = [h.format(place=place, short=short) for h in HEAD]
    blocks.append(table)
    blocks += [t.format(place=place) for t in TAIL]
    path = tmp_path / f"notice.{form}"
    path.write_bytes(MAKERS[form](blocks))
    return path


def table_lines(path: Path) -> list[str]:
    lines = load_source(path).text.split("\n")
    start = next(i for i, l in enumerate(lines) if l.endswith("组成人员如下：")) + 1
    end = next(i for i, l in enumerate(lines) if l.startswith("领导小组办公室设在"))
    return lines[start:end]


def members(path: Path) -> set[tuple[str, str, str, str]]:
    docs, _ = split_source(load_source(path))
    assertions, _ = extract_documents(docs)
    return {(a.rel, a.s, a.o, a.role or a.position or "") for a in assertions if a.rel in ("成员", "任职")}


FORMS = ["docx", "html"]

# (case, table, the lines it must read as)
LAYOUTS = [
    ("role cell left empty under its role",
     [["组长", "王一平", "副市长"], ["副组长", "李二中", "市政府副秘书长"], ["", "赵三和", "市水利局局长"],
      ["成员", "钱四海", "市财政局副局长"], ["", "孙五岳", "市生态环境局副局长"]],
     ["组长：王一平 副市长", "副组长：李二中 市政府副秘书长", "副组长：赵三和 市水利局局长",
      "成员：钱四海 市财政局副局长", "成员：孙五岳 市生态环境局副局长"]),
    ("role cells merged down (row span)",
     [["组长", "王一平", "副市长"], ["副组长", "李二中", "市政府副秘书长"], [None, "赵三和", "市水利局局长"],
      ["成员", "钱四海", "市财政局副局长"], [None, "孙五岳", "市生态环境局副局长"]],
     ["组长：王一平 副市长", "副组长：李二中 市政府副秘书长", "副组长：赵三和 市水利局局长",
      "成员：钱四海 市财政局副局长", "成员：孙五岳 市生态环境局副局长"]),
    ("spaced role words and a colon in the role cell",
     [["组 长", "王 一", "副市长"], ["成　员：", "钱四海", "市财政局副局长"], ["", "孙 五", "市生态环境局副局长"]],
     ["组长：王 一 副市长", "成员：钱四海 市财政局副局长", "成员：孙 五 市生态环境局副局长"]),
    ("header row 职务 | 姓名 | 单位及职务 dropped",
     [["职务", "姓名", "单位及职务"], ["组长", "王一平", "副市长"], ["成员", "钱四海", "市财政局副局长"], ["", "孙五岳", "市生态环境局副局长"]],
     ["组长：王一平 副市长", "成员：钱四海 市财政局副局长", "成员：孙五岳 市生态环境局副局长"]),
    ("header row with spaces, index column dropped",
     [["序号", "职 务", "姓 名", "单位及职务"], ["1", "组长", "王一平", "副市长"], ["2", "成员", "钱四海", "市财政局副局长"],
      ["3", "", "孙五岳", "市生态环境局副局长"]],
     ["组长：王一平 副市长", "成员：钱四海 市财政局副局长", "成员：孙五岳 市生态环境局副局长"]),
    ("name, post, role order without a header",
     [["王一平", "副市长", "组长"], ["李二中", "市政府副秘书长", "副组长"], ["钱四海", "市财政局副局长", "成员"],
      ["孙五岳", "市生态环境局副局长", ""]],
     ["组长：王一平 副市长", "副组长：李二中 市政府副秘书长", "成员：钱四海 市财政局副局长", "成员：孙五岳 市生态环境局副局长"]),
    ("post before name under a header: the name comes first",
     [["职务", "单位及职务", "姓名"], ["组长", "副市长", "王一平"], ["成员", "市财政局副局长", "钱四海"]],
     ["组长：王一平 副市长", "成员：钱四海 市财政局副局长"]),
    ("a title row spanning the table stays a line",
     [["领导小组成员名单", "<", "<"], ["组长", "王一平", "副市长"], ["成员", "钱四海", "市财政局副局长"]],
     ["领导小组成员名单", "组长：王一平 副市长", "成员：钱四海 市财政局副局长"]),
    ("同上 in the role cell",
     [["组长", "王一平", "副市长"], ["成员", "钱四海", "市财政局副局长"], ["同上", "孙五岳", "市生态环境局副局长"]],
     ["组长：王一平 副市长", "成员：钱四海 市财政局副局长", "成员：孙五岳 市生态环境局副局长"]),
    ("two columns: role and the member in one cell",
     [["组长", "王一平 副市长"], ["", "李二中 市政府副秘书长"], ["成员", "钱四海 市财政局副局长"]],
     ["组长：王一平 副市长", "组长：李二中 市政府副秘书长", "成员：钱四海 市财政局副局长"]),
    ("a note across the table after the list stays a line",
     [["组长", "王一平", "副市长"], ["成员", "钱四海", "市财政局副局长"], ["注：成员因工作变动的，由接任者递补。", "<", "<"]],
     ["组长：王一平 副市长", "成员：钱四海 市财政局副局长", "注：成员因工作变动的，由接任者递补。"]),
    ("a header row repeated inside the list",
     [["职务", "姓名", "单位及职务"], ["组长", "王一平", "副市长"], ["职务", "姓名", "单位及职务"],
      ["成员", "钱四海", "市财政局副局长"], ["", "孙五岳", "市生态环境局副局长"]],
     ["组长：王一平 副市长", "成员：钱四海 市财政局副局长", "成员：孙五岳 市生态环境局副局长"]),
    ("a subheading across the table, then the office's list",
     [["组长", "王一平", "副市长"], ["成员", "钱四海", "市财政局副局长"], ["领导小组办公室组成人员", "<", "<"],
      ["主任", "李二中", "市水利局局长"], ["", "赵三和", "市水利局副局长"]],
     ["组长：王一平 副市长", "成员：钱四海 市财政局副局长", "领导小组办公室组成人员", "主任：李二中 市水利局局长",
      "主任：赵三和 市水利局副局长"]),
    ("a sentence under the list takes no role and ends the list",
     [["组长", "王一平 副市长"], ["成员", "钱四海 市财政局副局长"], ["", "专班办公室设在市水利局，承担日常工作，"],
      ["", "负责协调各成员单位"]],
     ["组长：王一平 副市长", "成员：钱四海 市财政局副局长", "专班办公室设在市水利局，承担日常工作，", "负责协调各成员单位"]),
    ("roles as rows across the table, over their members' rows",
     [["组长", "<", "<"], ["王一平", "副市长", ""], ["成 员：", "<", "<"], ["钱四海", "市财政局副局长", ""],
      ["孙五岳", "市生态环境局副局长", ""]],
     ["组长：王一平 副市长", "成员：钱四海 市财政局副局长", "成员：孙五岳 市生态环境局副局长"]),
    ("traditional characters",
     [["職務", "姓名", "單位及職務"], ["組　長", "王一平", "副市長"], ["成員", "錢四海", "市財政局副局長"], ["", "孫五嶽", "市水利局局長"]],
     ["組長：王一平 副市長", "成員：錢四海 市財政局副局長", "成員：孫五嶽 市水利局局長"]),
    ("note column (联系电话) dropped",
     [["职务", "姓名", "单位及职务", "联系电话"], ["组长", "王一平", "副市长", "13800000000"],
      ["成员", "钱四海", "市财政局副局长", "13900000000"]],
     ["组长：王一平 副市长", "成员：钱四海 市财政局副局长"]),
]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("case,table,expected", LAYOUTS, ids=[c[0] for c in LAYOUTS])
def test_member_table_reads_as_list_lines(tmp_path: Path, form: str, case: str, table: Table,
                                           expected: list[str]) -> None:
    assert table_lines(document(tmp_path, form, table)) == expected


NOT_MEMBER_TABLES = [
    ("units", [["成员单位", "<"], ["市财政局", "市教育局"]], ["成员单位", "市财政局 市教育局"]),
    ("metadata", [["索引号：", "0001/2024-1", "发布机构：", "甲市人民政府办公室"]],
     ["索引号： 0001/2024-1 发布机构： 甲市人民政府办公室"]),
    ("names and posts only", [["王一平", "副市长"], ["钱四海", "市财政局副局长"]], ["王一平 副市长", "钱四海 市财政局副局长"]),
]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("case,table,expected", NOT_MEMBER_TABLES, ids=[c[0] for c in NOT_MEMBER_TABLES])
def test_other_tables_keep_one_line_a_row(tmp_path: Path, form: str, case: str, table: Table,
                                          expected: list[str]) -> None:
    assert table_lines(document(tmp_path, form, table)) == expected


# The facts of a member table, across administrative levels and layouts.
LEVELS = [("甲省", "甲", "副省长", "省财政厅副厅长", "省财政厅", "副厅长"),
          ("乙自治区", "乙", "副主席", "自治区水利厅厅长", "自治区水利厅", "厅长"),
          ("丙州", "丙", "副州长", "州水利局局长", "州水利局", "局长"),
          ("丁盟", "丁", "副盟长", "盟水利局局长", "盟水利局", "局长"),
          ("戊县", "戊", "副县长", "县水利局局长", "县水利局", "局长"),
          ("己旗", "己", "副旗长", "旗水利局局长", "旗水利局", "局长"),
          ("庚市", "庚", "副市长", "市水利局局长", "市水利局", "局长"),
          ("辛区", "辛", "副区长", "区水利局局长", "区水利局", "局长"),
          ("壬地区", "壬", "行署副专员", "地区水利局局长", "地区水利局", "局长"),
          ("癸乡", "癸", "副乡长", "乡农业服务中心主任", "乡农业服务中心", "主任"),
          ("子镇", "子", "副镇长", "镇综合执法队队长", "镇综合执法队", "队长"),
          ("丑街道", "丑", "办事处副主任", "街道社区服务中心主任", "街道社区服务中心", "主任")]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("place,short,leader,post,org,title", LEVELS, ids=[l[0] for l in LEVELS])
def test_member_table_facts(tmp_path: Path, form: str, place: str, short: str, leader: str, post: str,
                            org: str, title: str) -> None:
    table: Table = [["职务", "姓名", "单位及职务"], ["组 长", "王一平", leader], ["成 员", "钱四海", post], [None, "孙 五", post]]
    got = members(document(tmp_path, form, table, place, short))
    body = f"{place}河湖治理工作领导小组"
    for fact in [("成员", "王一平", body, "组长"), ("成员", "钱四海", body, "成员"), ("成员", "孙五", body, "成员"),
                 ("任职", "钱四海", org, title), ("任职", "孙五", org, title)]:
        assert fact in got
    assert not any(f[0] == "成员" and f[3] not in ("组长", "成员") for f in got)


@pytest.mark.parametrize("form", FORMS)
def test_member_table_facts_in_name_post_role_order(tmp_path: Path, form: str) -> None:
    table: Table = [["王一平", "副市长", "组长"], ["李二中", "市政府副秘书长", "副组长"], ["赵三和", "市水利局局长", ""]]
    got = members(document(tmp_path, form, table))
    body = "甲市河湖治理工作领导小组"
    assert {("成员", "王一平", body, "组长"), ("成员", "李二中", body, "副组长"), ("成员", "赵三和", body, "副组长"),
            ("任职", "赵三和", "市水利局", "局长")} <= got


def test_hostile_spans_do_not_blow_up(tmp_path: Path) -> None:
    page = ("<html><body><p>甲市人民政府办公室关于成立甲市河湖治理工作领导小组的通知</p><table>"
            "<tr><td rowspan='999999999'>组长</td><td colspan='999999999'>王一平</td></tr>"
            "<tr><td>钱四海</td></tr></table></body></html>")
    path = tmp_path / "x.html"
    path.write_text(page, encoding="utf-8")
    assert "王一平" in load_source(path).text


def test_docx_frame_table_holding_the_notice_and_its_member_table(tmp_path: Path) -> None:
    """Some offices lay a whole notice inside a one-cell frame: its paragraphs stay lines and
    the member table inside it reads as the list."""
    import docx

    document = docx.Document()
    frame = document.add_table(rows=1, cols=1).cell(0, 0)
    frame.paragraphs[0].text = "组成人员如下："
    inner = frame.add_table(rows=2, cols=3)
    for r, row in enumerate([["组 长", "王一平", "副旗长"], ["", "李二中", "旗水利局局长"]]):
        for c, text in enumerate(row):
            inner.cell(r, c).text = text
    frame.add_paragraph("领导小组办公室设在旗水利局。")
    path = tmp_path / "frame.docx"
    document.save(str(path))
    assert [l for l in load_source(path).text.split("\n") if l] == [
        "组成人员如下：", "组长：王一平 副旗长", "组长：李二中 旗水利局局长", "领导小组办公室设在旗水利局。"]


def test_html_caption_stays_the_title_of_the_list(tmp_path: Path) -> None:
    page = ("<html><body><div><p>各有关单位：</p><p>为加强河湖治理工作，经县政府研究，决定成立乙县河湖治理工作领导小组，"
            "统筹推进全县河湖治理工作。组成人员如下：</p><table><caption>乙县河湖治理工作领导小组成员名单</caption>"
            "<thead><tr><th>职 务</th><th>姓 名</th><th>单位及职务</th></tr></thead>"
            "<tbody><tr><td>组长</td><td>王一平</td><td>副县长</td></tr>"
            "<tr><td></td><td>李二中</td><td>县水利局局长</td></tr></tbody></table></div></body></html>")
    path = tmp_path / "c.html"
    path.write_text(page, encoding="utf-8")
    assert load_source(path).text.split("\n")[-3:] == [
        "乙县河湖治理工作领导小组成员名单", "组长：王一平 副县长", "组长：李二中 县水利局局长"]


def test_html_page_that_is_only_the_list(tmp_path: Path) -> None:
    page = ("<html><body><table><tr><th>职务</th><th>姓名</th><th>单位及职务</th></tr>"
            "<tr><td>组长</td><td>王一平</td><td>副县长</td></tr>"
            "<tr><td></td><td>李二中</td><td>县水利局局长</td></tr></table></body></html>")
    path = tmp_path / "l.html"
    path.write_text(page, encoding="utf-8")
    assert load_source(path).text.split("\n") == ["组长：王一平 副县长", "组长：李二中 县水利局局长"]


@pytest.mark.parametrize("form", FORMS)
def test_member_table_facts_in_traditional_characters(tmp_path: Path, form: str) -> None:
    table: Table = [["職務", "姓名", "單位及職務"], ["組　長", "王一平", "副市長"], ["成員", "錢四海", "市財政局副局長"],
                    ["", "孫五嶽", "市水利局局長"]]
    got = members(document(tmp_path, form, table))
    body = "甲市河湖治理工作领导小组"
    assert {("成员", "王一平", body, "組長"), ("成员", "錢四海", body, "成員"), ("成员", "孫五嶽", body, "成員"),
            ("任职", "孫五嶽", "市水利局", "局長")} <= got


# ---------------------------------------------------------------------------- tables drawn in text

@pytest.mark.parametrize("line,cells", [
    ("成    员      王 建 国       省委宣传部副部长", ["成    员", "王 建 国", "省委宣传部副部长"]),
    ("指 挥 长       罗 文 强       省政府副省长", ["指 挥 长", "罗 文 强", "省政府副省长"]),
    ("组 长    赵 一    市政府副市长", ["组 长", "赵 一", "市政府副市长"]),
    ("任    宏      省应急厅厅长", ["任    宏", "省应急厅厅长"]),
    ("王  建 国  县长", ["王  建 国", "县长"]),           # a gap one wider is the same run
    ("组 长 赵 一 副县长", ["组 长 赵 一", "副县长"]),     # spaced alike: one run
])
def test_runs_of_lone_characters_end_at_a_wider_gap(line: str, cells: list[str]) -> None:
    from extract.blocks import split_cells

    assert [line[a:b] for a, b in split_cells(line, 0, len(line))] == cells


RULES = ["|---|---|---|", "| --- | :---: | --- |", "+----+----+----+", "|—|—|—|"]


@pytest.mark.parametrize("rule", RULES)
@pytest.mark.parametrize("header", ["| 职务 | 姓名 | 单位及职务 |", "| 专班职务 | 姓  名 | 工作单位及职务 |"])
def test_a_rule_line_under_a_header_is_no_row(rule: str, header: str) -> None:
    from extract.blocks import parse, table_rows

    text = "\n".join([header, rule, "| 组长 | 赵一 | 市政府副市长 |", "|  | 钱二 | 市财政局局长 |",
                      "|  |  | 乙县政府分管负责同志 |"])
    columns = {"职务": "role", "专班职务": "role", "姓名": "name", "单位及职务": "post", "工作单位及职务": "post"}
    rows = table_rows(text, parse(text), columns, lambda kinds: "name" in kinds, carried=("role",))
    got = [[text[a:b] for a, b in row.cells] for row in rows]
    assert got == [["组长", "赵一", "市政府副市长"], ["", "钱二", "市财政局局长"], ["", "", "乙县政府分管负责同志"]]


# A 分工 table in a .docx or .html notice (姓名 | 职务 | 分工 | 联系村): its rows read whole, the
# duties cell as clauses, the 联系村 cell one 联系 a village; levels 镇, 乡, 县, 旗.
@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("place,lvl,party,head", [
    ("甲镇", "镇", "镇党委", "镇长"), ("乙乡", "乡", "乡党委", "乡长"),
    ("丙县", "县", "县委", "县长"), ("丁旗", "旗", "旗委", "旗长")])
def test_division_table_in_docx_and_html(tmp_path: Path, form: str, place: str, lvl: str,
                                         party: str, head: str) -> None:
    table: Table = [["姓名", "职务", "分工", "联系村"],
                    ["王一平", f"{party}副书记、{head}", f"主持{lvl}政府全面工作，负责财政、审计工作", "东村、西村"],
                    ["李二中", f"副{head}", "负责教育、民政工作", "南村"]]
    blocks: list[str | Table] = [f"{place}人民政府关于调整领导班子成员工作分工的通知", "各有关单位：",
                                 "现将领导班子成员工作分工通知如下：", table, "各位班子成员要按照分工，各司其职。",
                                 f"{place}人民政府", "2024年5月6日"]
    path = tmp_path / f"notice.{form}"
    path.write_bytes(MAKERS[form](blocks))
    docs, _ = split_source(load_source(path))
    got = {(a.rel, a.s, a.o, a.position or "") for a in extract_documents(docs)[0]}
    gov = f"{place}人民政府"
    expected = {("任职", "王一平", party, f"{party}副书记"), ("任职", "王一平", gov, head),
                ("主持", "王一平", gov, ""), ("负责", "王一平", "财政", ""), ("负责", "王一平", "审计", ""),
                ("联系", "王一平", "东村", ""), ("联系", "王一平", "西村", ""),
                ("任职", "李二中", gov, f"副{head}"), ("负责", "李二中", "教育", ""),
                ("负责", "李二中", "民政", ""), ("联系", "李二中", "南村", "")}
    assert expected <= got, (expected - got, got)
