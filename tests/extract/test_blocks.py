"""The layout layer (extract/blocks.py): lines become headings, key：value lines, table rows,
list items and prose, by marks, colons and whitespace only, with offsets back to the source.
Every text here is invented."""

from __future__ import annotations

import time

import pytest

from extract.blocks import Block, block_at, bracket_groups, holding, mark_at, parse, sentences, split_cells, table_rows
from extract.source import SourceText
from extract.split import split_source
from extract.text import normalize


def one(line: str) -> tuple[str, Block]:
    """The normalised text of `line` and its one block."""
    text = normalize(line).text
    (b,) = parse(text)
    return text, b


def cut(text: str, span: tuple[int, int] | None) -> str | None:
    return None if span is None else text[span[0]:span[1]]


# ---------------------------------------------------------------------------- enumeration marks

@pytest.mark.parametrize("line, mark, depth", [
    ("第一章 总则", "第一章", 1),
    ("第二部分 主要任务", "第二部分", 1),
    ("第3节 保障措施", "第3节", 1),
    ("一、总体要求", "一、", 2),
    ("十二、其他事项", "十二、", 2),
    ("二. 工作目标", "二.", 2),
    ("第三条 本办法自发布之日起施行。", "第三条", 2),
    ("（一）加强组织领导", "（一）", 3),
    ("(二)强化督促检查", "（二）", 3),  # half-width brackets
    ("1.完成老旧小区改造", "1.", 4),
    ("2、建成物流中心", "2、", 4),
    ("3．新增就业岗位", "3．", 4),
    ("１２．推进道路建设", "12．", 4),  # full-width digits
    ("（1）明确责任分工", "（1）", 5),
    ("(2)落实资金保障", "（2）", 5),
    ("3）做好宣传引导", "3）", 5),
    ("⑷加强信息报送", "⑷", 5),
    ("①摸底调查", "①", 6),
    ("· 丙乡卫生院", "·", 7),
    ("- 丁街道社区", "-", 7),
])
def test_marks_and_depths(line: str, mark: str, depth: int) -> None:
    text, b = one(line)
    assert b.mark is not None and cut(text, b.mark[:2]) == mark
    assert b.depth == depth
    assert text[b.body] not in " 　"  # the body begins after the mark and its spaces


@pytest.mark.parametrize("line", [
    "1.5亿元用于道路建设，年底前完成。",   # a number, not a mark
    "2024年全县工作要点",
    "一是加强领导，二是强化保障。",        # words, not marks
    "第一书记驻村工作情况",
    "甲县人民政府",
])
def test_no_mark(line: str) -> None:
    _, b = one(line)
    assert b.mark is None and b.depth == 0


def test_depths_order_the_outline() -> None:
    text = normalize("第一章 总则\n一、总体要求\n（一）目标\n1.完成任务\n（1）细化\n①分解\n").text
    assert [b.depth for b in parse(text)] == [1, 2, 3, 4, 5, 6]


def test_mark_inside_a_line() -> None:
    text = "任务如下：（二）推进改造"
    m = mark_at(text, text.index("（"))
    assert m is not None and text[m.start:m.end] == "（二）" and m.depth == 3 and text[m.body:] == "推进改造"
    assert mark_at(text, 0) is None


# ---------------------------------------------------------------------------- key：value

@pytest.mark.parametrize("line, key, value", [
    ("组长：王五", "组长", "王五"),
    ("组长:王五", "组长", "王五"),                          # half-width colon
    ("组  长：王五  甲市副市长", "组  长", "王五  甲市副市长"),  # spaces inside the key
    ("组　长：王 五 乙县副县长", "组 长", "王 五 乙县副县长"),    # ideographic space
    ("副组长： 赵六 丙旗副旗长", "副组长", "赵六 丙旗副旗长"),
    ("牵头单位：丁州财政局、丁州税务局", "牵头单位", "丁州财政局、丁州税务局"),
    ("成员（按姓氏笔画排序）：钱七", "成员（按姓氏笔画排序）", "钱七"),
    ("附件1：戊区防汛工作专班成员名单", "附件1", "戊区防汛工作专班成员名单"),
    ("联系人：孙八", "联系人", "孙八"),
    ("各乡镇人民政府，县直各部门：", None, None),            # a comma: an addressee line, no key
    ("经研究，决定成立工作专班。组成人员如下：", None, None),
    ("会议于上午9:30召开", None, None),                       # a time
    ("1 推进道路建设：年底完成 县交通局", None, None),       # two cells before the colon: no key
])
def test_key_value(line: str, key: str | None, value: str | None) -> None:
    text, b = one(line)
    if key is None:
        assert b.kind != "key_value" and b.key is None
        return
    assert b.kind == "key_value"
    assert cut(text, b.key) == key and cut(text, b.value) == value
    assert b.cells[0] == b.key  # the key is the row's role cell


def test_key_value_after_a_mark() -> None:
    text, b = one("（一）组长：王五 己乡乡长")
    assert b.kind == "key_value" and b.depth == 3
    assert cut(text, b.key) == "组长" and [cut(text, c) for c in b.cells] == ["组长", "王五", "己乡乡长"]


def test_marked_key_without_value_is_a_heading() -> None:
    text, b = one("（一）工作目标：")
    assert b.kind == "heading" and cut(text, b.key) == "工作目标" and b.value is not None and b.value[0] == b.value[1]


# ---------------------------------------------------------------------------- table rows

@pytest.mark.parametrize("line, cells", [
    ("序号 工作任务 牵头单位 配合单位", ["序号", "工作任务", "牵头单位", "配合单位"]),
    ("1\t新建公厕20座\t庚县住建局\t各乡镇", ["1", "新建公厕20座", "庚县住建局", "各乡镇"]),   # tabs
    ("2  完成河道清淤。  辛市水务局  辛市财政局", ["2", "完成河道清淤。", "辛市水务局", "辛市财政局"]),
    ("王 五  壬盟副盟长", ["王 五", "壬盟副盟长"]),         # a spaced name stays one cell
    ("组 长 王五 副县长", ["组 长", "王五", "副县长"]),
])
def test_table_rows(line: str, cells: list[str]) -> None:
    text, b = one(line)
    assert b.kind == "table_row" and not b.carried
    assert [cut(text, c) for c in b.cells] == cells


@pytest.mark.parametrize("lines, roles", [
    # indented under the row above, to its second cell (space- or tab-aligned)
    ("组长  王五  癸县县长\n      李六  癸县副县长\n      赵七  癸县副县长", ["组长", "组长", "组长"]),
    ("组长\t王五\t癸县县长\n\t\t李六\t癸县副县长", ["组长", "组长"]),
    # a key and its value, then rows one cell short (a text that lost its indentation)
    ("成 员：钱八 甲街道办事处主任\n孙九 甲街道办事处副主任\n\n周十 甲街道社区主任", ["成 员", "成 员", "成 员"]),
    ("副组长：吴一 乙镇党委书记\n        郑二 乙镇镇长", ["副组长", "副组长"]),
])
def test_role_cell_carried_down(lines: str, roles: list[str]) -> None:
    text = normalize(lines).text
    found = parse(text)
    assert [cut(text, b.cells[0]) for b in found] == roles
    assert all(b.carried for b in found[1:]) and not found[0].carried
    assert all(b.kind == "table_row" for b in found[1:])


@pytest.mark.parametrize("lines", [
    "各有关单位：\n  为加强防汛工作，现将有关事项通知如下：",   # a key without value hands down nothing
    "组长：王五\n为加强领导，成立工作专班。",              # a sentence, not indented, one cell
    "序号 工作任务 牵头单位\n1 新建公厕 丙县住建局",        # as many cells as the row above
])
def test_nothing_carried(lines: str) -> None:
    text = normalize(lines).text
    assert not any(b.carried for b in parse(text))


@pytest.mark.parametrize("lines, blank", [
    ("成员单位：\n甲县财政局、甲县民政局\n\n乙县水利局", [False, False, True]),
    ("组长：王五\n\n\n副组长：李六 丙旗副旗长\n \n　赵七 丙旗副旗长", [False, True, True]),   # spaces only
    ("一、总体要求\r\n\r\n（一）工作目标", [False, True]),
])
def test_blank_line_above(lines: str, blank: list[bool]) -> None:
    """A blank line is kept on the block below it (a list may end there); it ends no table:
    the role cell is still carried over it."""
    text = normalize(lines).text
    found = parse(text)
    assert [b.blank for b in found] == blank
    if "副组长" in text:
        assert found[-1].carried and cut(text, found[-1].cells[0]) == "副组长"


def test_split_cells_of_any_span() -> None:
    text = "甲 乙 丙丁  戊"
    assert [text[a:b] for a, b in split_cells(text, 0, len(text))] == ["甲 乙", "丙丁", "戊"]


# ---------------------------------------------------------------------------- headings, list items, prose

@pytest.mark.parametrize("line, kind", [
    ("一、总体要求", "heading"),
    ("（二）加强组织领导", "heading"),
    ("1.摸底调查", "heading"),
    ("1.完成老旧小区改造12个。", "heading"),                    # a title with its stop
    ("加强基础设施建设", "heading"),                             # unmarked: short, one cell
    ("附件2", "heading"),
    ("（二）打造精品旅游线路。整合景区资源，推出精品线路。", "list_item"),
    ("1.开展摸底调查，建立工作台账。", "list_item"),
    ("① 丙乡、丁镇分别完成村庄规划编制工作，并报县自然资源局备案审查。", "list_item"),
    ("经研究，决定成立甲市城市更新工作专班。", "prose"),
    ("为进一步加强和规范全市农村集体经济组织财务管理工作根据有关规定制定本办法", "prose"),  # unmarked, long
    ("坚持统筹推进。", "prose"),                                 # unmarked, ends a sentence
])
def test_headings_list_items_prose(line: str, kind: str) -> None:
    _, b = one(line)
    assert b.kind == kind


def test_sections_are_the_nearest_heading_above() -> None:
    text = normalize("甲县实施方案\n一、总体要求\n坚持统筹推进。\n（一）目标\n1.完成改造。任务较重，须加快推进。\n附件1\n名单如下：\n").text
    found = parse(text)
    heads = {i: text[b.start:b.end] for i, b in enumerate(found) if b.kind == "heading"}
    got = [heads.get(b.section) for b in found]
    assert got == [None, "甲县实施方案", "一、总体要求", "一、总体要求", "（一）目标", "（一）目标", "附件1"]


@pytest.mark.parametrize("line, expected", [
    ("甲市启动改造。乙区完成验收；丙县正在推进！丁旗何时开工？",
     ["甲市启动改造。", "乙区完成验收；", "丙县正在推进！", "丁旗何时开工？"]),
    ("由戊镇牵头，己村配合，年底前完成", ["由戊镇牵头，己村配合，年底前完成"]),
    ("庚乡完成了清理工作。 辛乡仍在推进", ["庚乡完成了清理工作。", "辛乡仍在推进"]),
])
def test_sentences(line: str, expected: list[str]) -> None:
    text, b = one(line)
    assert [text[a:z] for a, z in sentences(text, b)] == expected


def test_hard_wrapped_lines_are_one_prose_block() -> None:
    """A PDF breaks a paragraph inside its sentences: the normalised text rejoins it, so it is
    one block whose sentences cross the old breaks."""
    src = ("甲县人民政府决定在全县范围内开展农村人居环境整治\n提升行动，各乡镇要切实加强组织领导，确保各项\n"
           "任务按时完成。请各乡镇于月底前报送进展情况。\n")
    text = normalize(src).text
    (b,) = parse(text)
    assert b.kind == "prose"
    assert [text[a:z] for a, z in sentences(text, b)] == [
        "甲县人民政府决定在全县范围内开展农村人居环境整治提升行动，各乡镇要切实加强组织领导，确保各项任务按时完成。",
        "请各乡镇于月底前报送进展情况。"]


# ---------------------------------------------------------------------------- documents: offsets, lines, attachments

NOTICE = """乙县人民政府办公室关于成立乙县防汛工作专班的通知
乙政办发〔2024〕7号
各乡镇人民政府，县直各部门：
经研究，决定成立乙县防汛工作专班。组成人员如下：
组  长：王 五 县长
副组长：李 六 副县长
        赵七  县水务局局长
二、工作职责
(一)统筹全县防汛工作。

乙县人民政府办公室
2024年6月1日
附件1
乙县防汛工作专班联络员名单
序号 姓名 单位
1 钱八 县水务局
"""


def notice_doc(text: str = NOTICE):
    docs, _ = split_source(SourceText("notice.txt", text))
    return docs[0]


@pytest.mark.parametrize("text", [NOTICE, NOTICE.replace("：", ":").replace("（", "(").replace("）", ")"),
                                  NOTICE.replace("乙县", "乙縣").replace("组", "組")])
def test_offsets_map_back_to_the_source(text: str) -> None:
    doc = notice_doc(text)
    src = doc.source.text
    lines = src.split("\n")
    for b in doc.blocks:
        s, e = doc.norm.span(b.start, b.end)
        assert src[s:e] == lines[b.line - 1].strip()  # the whole source line, exactly
        assert e - s == b.end - b.start
    kinds = [b.kind for b in doc.blocks]
    assert "key_value" in kinds and "table_row" in kinds and "heading" in kinds


def test_attachments_are_part_of_the_document() -> None:
    doc = notice_doc()
    src = doc.source.text
    texts = [src[slice(*doc.norm.span(b.start, b.end))] for b in doc.blocks]
    assert texts[-4:] == ["附件1", "乙县防汛工作专班联络员名单", "序号 姓名 单位", "1 钱八 县水务局"]
    last = doc.blocks[-1]
    assert last.line == NOTICE.split("\n").index("1 钱八 县水务局") + 1
    assert doc.blocks[last.section].line == NOTICE.split("\n").index("乙县防汛工作专班联络员名单") + 1


def test_blocks_are_computed_once() -> None:
    doc = notice_doc()
    assert doc.blocks is doc.blocks
    first = doc.blocks
    doc.forget_norm()
    assert doc.blocks is not first and doc.blocks == first


def test_block_at() -> None:
    doc = notice_doc()
    text = doc.norm.text
    k = text.index("李 六")
    b = block_at(doc.blocks, k)
    assert b is not None and b.kind == "key_value" and cut(text, b.key) == "副组长"
    assert block_at(doc.blocks, text.index("\n\n") + 1) is None  # the blank line


# ---------------------------------------------------------------------------- tables named by a header row

COLUMNS = {"序号": "index", "工作任务": "task", "牵头单位": "lead", "配合单位": "units", "完成时限": "other"}


def wanted(kinds) -> bool:
    return "task" in kinds and "lead" in kinds


@pytest.mark.parametrize("table, rows", [
    ("序号 工作任务 牵头单位 配合单位\n1 新建公厕 甲县住建局 各乡镇\n2 清理河道 甲县水务局 乙镇",
     [("新建公厕", "甲县住建局"), ("清理河道", "甲县水务局")]),
    # tabs; the index cell left empty
    ("序号\t工作任务\t牵头单位\n\t修缮校舍\t丙区教育局\n2\t改造管网\t丙区住建局",
     [("修缮校舍", "丙区教育局"), ("改造管网", "丙区住建局")]),
    # one cell a line, numbered rows; the table ends where the numbering does
    ("序号\n工作任务\n牵头单位\n1\n建设物流园\n丁州商务局\n2\n完善冷链\n丁州发展改革委\n说明\n以上任务\n年底完成",
     [("建设物流园", "丁州商务局"), ("完善冷链", "丁州发展改革委")]),
    # one cell a line without an index column
    ("工作任务\n牵头单位\n整治村容\n戊旗农牧局",
     [("整治村容", "戊旗农牧局")]),
])
def test_table_rows_under_a_header(table: str, rows: list[tuple[str, str]]) -> None:
    text = normalize(table).text
    got = []
    for row in table_rows(text, parse(text), COLUMNS, wanted):
        got.append((cut(text, row.cells[row.kinds.index("task")]), cut(text, row.cells[row.kinds.index("lead")])))
    assert got == rows


def test_no_header_no_rows() -> None:
    text = normalize("工作任务 牵头 其他\n新建公厕 甲县住建局 各乡镇").text
    assert table_rows(text, parse(text), COLUMNS, wanted) == []


# ---------------------------------------------------------------------------- speed

def test_linear_time() -> None:
    """Twice the lines take about twice the time (generously bounded: nothing quadratic)."""
    unit = normalize(NOTICE * 20).text

    def clock(k: int) -> float:
        text = "\n".join([unit] * k)
        t = time.perf_counter()
        parse(text)
        return time.perf_counter() - t

    clock(1)
    small, big = min(clock(4) for _ in range(3)), min(clock(16) for _ in range(3))
    assert big < small * 4 * 2.5


def test_holding_finds_the_blocks_with_a_match() -> None:
    import re

    text = normalize("甲县方案\n1.新建公厕。（牵头单位：甲县住建局）\n加强领导。\n由甲县水务局牵头，清理河道。牵头抓总。\n").text
    found = parse(text)
    got = [text[b.start:b.end][:6] for b in holding(found, text, re.compile("牵头"))]
    assert got == ["1.新建公厕", "由甲县水务局"]


# ---------------------------------------------------------------------------- .docx and .html tables

@pytest.mark.parametrize("form", ["docx", "html"])
@pytest.mark.parametrize("place, short", [("甲市", "市"), ("乙自治区", "自治区"), ("丙县", "县"), ("丁街道", "街道")])
def test_docx_and_html_tables_reach_the_blocks_in_document_order(tmp_path, form: str, place: str, short: str) -> None:
    from extract.load import load_source
    from tests.extract.test_forms_tables import MAKERS

    table = [["序号", "工作任务", "牵头单位"], ["1", "新建公厕", f"{short}住建局"], ["2", "清理河道", f"{short}水务局"]]
    path = tmp_path / f"plan.{form}"
    path.write_bytes(MAKERS[form]([f"{place}重点工作任务分工方案", "一、任务清单", table, "二、保障措施", "各单位要加强协作。"]))
    docs, _ = split_source(load_source(path))
    doc = docs[0]
    text = doc.norm.text
    got = [(b.kind, text[b.start:b.end]) for b in doc.blocks]
    assert got[1:] == [("heading", "一、任务清单"), ("table_row", "序号 工作任务 牵头单位"),
                       ("table_row", f"1 新建公厕 {short}住建局"), ("table_row", f"2 清理河道 {short}水务局"),
                       ("heading", "二、保障措施"), ("prose", "各单位要加强协作。")]
    rows = table_rows(text, doc.blocks, {"序号": "index", "工作任务": "task", "牵头单位": "lead"}, wanted)
    assert [(cut(text, r.cells[1]), cut(text, r.cells[2])) for r in rows] == [
        ("新建公厕", f"{short}住建局"), ("清理河道", f"{short}水务局")]


@pytest.mark.parametrize("line, groups", [
    ("1.新建公厕。（牵头单位：甲县住建局）", ["（牵头单位：甲县住建局）"]),
    ("2.清理河道。(责任单位:乙市水务局(牵头)、乙市财政局)", ["（责任单位：乙市水务局（牵头）、乙市财政局）"]),
    ("3.修缮校舍。【牵头单位：丙旗教育局】〔2024〕", ["【牵头单位：丙旗教育局】", "〔2024〕"]),
    ("4.完成改造（未闭合", []),
    ("5.完成改造）多余）", []),
])
def test_bracket_groups(line: str, groups: list[str]) -> None:
    text = normalize(line).text
    assert [text[a:b] for a, b in bracket_groups(text, 0, len(text))] == groups


@pytest.mark.parametrize("lines", [
    "6 铁（mg/L） ≤0.3 ≤0.3 —\n7 锰（mg/L） ≤0.1 —",                        # an index is every row's own
    "序号 路名 管径 长度\n2 建设南路 DN150 768",                            # a numbered row under a header
    "2024年5月6日 甲县人民政府\n  乙县县长王五主持会议，部署防汛工作。",   # a date, and a sentence
    "一，党工委书记 赵六\n二，党工委副书记 钱七",                           # punctuation: no role
])
def test_no_role_carried_from_numbers_dates_or_sentences(lines: str) -> None:
    text = normalize(lines).text
    assert not any(b.carried for b in parse(text))


def test_a_right_aligned_signature_takes_no_role() -> None:
    text = normalize("附件：甲旗防汛工作领导小组组成人员名单\n                甲旗人民政府办公室\n                  2024年5月11日").text
    assert not any(b.carried for b in parse(text))


def test_wrapped_cells_continue_the_row_above() -> None:
    """A tab table whose long cells wrap onto the next line: the line's tabs count the empty
    cells before the cell it continues."""
    src = ("序号\t工作任务\t牵头单位\t配合单位\t完成时限\n"
           "1\t实施老旧小区改造，完成改造\t甲市住房和城乡建设局\t甲市财政局\t年底\n"
           "\t小区20个\n"
           "2\t开展街区保护利用\t甲市自然资源局，甲市文化\t甲市财政局\t长期\n"
           "\t\t广电和旅游局\n")
    text = normalize(src).text
    found = parse(text)
    assert [b.wraps for b in found] == [0, 0, 1, 0, 2]
    assert all(b.kind == "table_row" for b in found)
    rows = table_rows(text, found, COLUMNS, wanted)
    joined = [["".join(text[a:b] for a, b in (row.cells[c], *row.more[c])) for c in (1, 2)] for row in rows]
    assert joined == [["实施老旧小区改造，完成改造小区20个", "甲市住房和城乡建设局"],
                      ["开展街区保护利用", "甲市自然资源局，甲市文化广电和旅游局"]]


@pytest.mark.parametrize("lines", [
    "组长\t王五\t副县长\n\t李六",                         # three columns: a member of its own, no wrap
    "序号  工作任务  牵头单位  配合单位\n1  修路  乙县交通局  乙县财政局\n  （含桥梁）",  # aligned by spaces
])
def test_no_wrap(lines: str) -> None:
    assert not any(b.wraps for b in parse(normalize(lines).text))


@pytest.mark.parametrize("line, cells", [
    ("序号 | 工作任务 | 牵头单位", ["序号", "工作任务", "牵头单位"]),
    ("| 1 | 修缮 校舍 | 丙区教育局 |", ["1", "修缮 校舍", "丙区教育局"]),        # spaces inside a cell stay
    ("2｜清理河道｜｜丁旗水务局", ["2", "清理河道", "", "丁旗水务局"]),            # an empty cell kept
    ("│3│新建公厕│戊镇住建办│", ["3", "新建公厕", "戊镇住建办"]),
])
def test_ruled_cells(line: str, cells: list[str]) -> None:
    text, b = one(line)
    assert b.kind == "table_row" and [cut(text, c) for c in b.cells] == cells


def test_a_paragraph_under_a_tab_table_is_no_wrap() -> None:
    text = normalize("序号\t任务\t牵头单位\t完成时限\n1\t新建公厕\t甲县住建局\t年底\n"
                     "\u3000\u3000各牵头单位要于每季度末报送工作进展情况。").text
    assert [b.wraps for b in parse(text)] == [0, 0, 0]
