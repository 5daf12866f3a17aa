"""Task lists with lead units, form by form, on invented units, tasks and places: brackets
closing a numbered task or a paragraph under a heading, leads marked in a list of units,
prose "由A牵头，B配合，在…前完成T", "T，由A牵头", "A为牵头单位"; full- and half-width
punctuation, traditional script, levels from 省 to 街道."""

from __future__ import annotations

import pytest

from tests.extract.test_extractors import facts


def leads(text: str, name: str = "plan.txt") -> set[tuple[str, str]]:
    return {(f[1], f[2]) for f in facts(text, name) if f[0] == "牵头"}


PLAN = "{title}\n\n{body}\n"


@pytest.mark.parametrize("title, body, expected", [
    # numbered items, full-width
    ("甲县2024年重点工作任务责任分解方案",
     "1.粮食播种面积稳定在30万亩。（责任领导：王甲；牵头单位：县农业农村局、县统计局）\n\n"
     "2.新建高标准农田2万亩。（责任领导：王甲；牵头单位：县农业农村局；责任单位：县财政局，各乡镇）",
     {("县农业农村局", "粮食播种面积稳定在30万亩"), ("县统计局", "粮食播种面积稳定在30万亩"),
      ("县农业农村局", "新建高标准农田2万亩")}),
    # half-width, (1) markers, 旗 level
    ("乙旗重点工作任务分工方案",
     "(1)完成牧区道路改造50公里。(牵头单位:旗交通运输局;配合单位:旗财政局)",
     {("旗交通运输局", "完成牧区道路改造50公里")}),
    # a heading, then a paragraph closed by the bracket: the task is the heading (实施意见)
    ("丙市人民政府办公室关于加快物流业发展的实施意见",
     "一、总体要求\n\n（一）完善城乡物流网络\n\n统筹布局物流园区，推进县乡村三级物流体系建设。加快冷链设施建设，提升末端配送能力。"
     "（牵头单位：市发展改革委、市商务局；配合单位：市交通运输局，各县（市、区）人民政府）",
     {("市发展改革委", "完善城乡物流网络"), ("市商务局", "完善城乡物流网络")}),
    # short one-sentence paragraphs under a heading are tasks of their own
    ("子市产业升级实施方案",
     "（一）加快产业升级\n推动钢铁行业超低排放改造。（牵头单位：市生态环境局）\n实施技术改造项目100个。（牵头单位：市工业和信息化局）",
     {("市生态环境局", "推动钢铁行业超低排放改造"), ("市工业和信息化局", "实施技术改造项目100个")}),
    # the heading and its paragraph on one line
    ("丁州关于促进文旅融合的实施方案",
     "（二）打造精品旅游线路。整合州内景区资源，推出三条精品线路。（牵头单位：州文化和旅游局）",
     {("州文化和旅游局", "打造精品旅游线路")}),
    # a lead list closing with 等 or with what the units do
    ("寅县重点工作任务责任分解方案",
     "8.完成县城供水管网改造。（牵头单位：县住建局、县水务局等；配合单位：各乡镇）\n\n"
     "9.建成县级物流中心。（牵头单位：县商务局、县交通运输局按职责分工负责）",
     {("县住建局", "完成县城供水管网改造"), ("县水务局", "完成县城供水管网改造"),
      ("县商务局", "建成县级物流中心"), ("县交通运输局", "建成县级物流中心")}),
    # the lead marked in a list of responsible units
    ("戊区重点任务清单",
     "3.建成区级政务服务中心。（责任单位：区政务服务局（牵头）、区财政局）",
     {("区政务服务局", "建成区级政务服务中心")}),
    # "A为牵头单位" inside the bracket
    ("己省关于推进数字政府建设的实施意见",
     "4.建成省级数据共享平台。（省大数据局为牵头单位，省财政厅为配合单位）",
     {("省大数据局", "建成省级数据共享平台")}),
    # the short form inside the bracket: "（A牵头，B配合）"
    ("辛县关于优化营商环境的实施方案",
     "6.推行企业开办一日办结。（县市场监管局、县政务服务局牵头，县税务局配合）",
     {("县市场监管局", "推行企业开办一日办结"), ("县政务服务局", "推行企业开办一日办结")}),
    # labels on their own lines under the task, 街道 level
    ("壬区重点工作任务分工方案",
     "7.完成老旧小区改造12个。\n牵头单位：东湖街道办事处\n配合单位：区住房城乡建设局",
     {("东湖街道办事处", "完成老旧小区改造12个")}),
    ("癸盟重点工作任务分工方案",
     "（三）推进草原生态保护\n\n落实草畜平衡制度，加强禁牧区监管。严格执行草原保护红线。\n\n牵头单位:盟林业和草原局",
     {("盟林业和草原局", "推进草原生态保护")}),
    # traditional script
    ("庚市重點工作任務責任分解方案",
     "5.新增城鎮就業1萬人。(責任領導:李乙;牽頭單位:市人社局)",
     {("市人社局", "新增城鎮就業1萬人")}),
])
def test_brackets(title: str, body: str, expected: set) -> None:
    got = leads(PLAN.format(title=title, body=body))
    assert expected <= got, (expected - got, got)


def test_bracket_leads_only_the_leads() -> None:
    got = leads(PLAN.format(title="甲县2024年重点工作任务责任分解方案",
                            body="2.新建高标准农田2万亩。（责任领导：王甲；牵头单位：县农业农村局；责任单位：县财政局，各乡镇）"))
    assert {s for s, _ in got} == {"县农业农村局"}


@pytest.mark.parametrize("sentence, expected", [
    # 由A牵头，B、C配合，在…前完成T: the task from its verb to the clause end, deadline dropped
    ("由县发展和改革局牵头，县财政局、县住建局配合，在10月底前完成城南物流园用地报批工作；"
     "由青山街道牵头，县水务局配合，于2024年12月31日前完成沿河棚户区征收任务。",
     {("县发展和改革局", "完成城南物流园用地报批工作"), ("青山街道", "完成沿河棚户区征收任务")}),
    # half-width, 镇 and 区 levels, the task glued to 牵头
    ("会议要求,由白水镇牵头完成集镇污水管网改造,区住建局配合。",
     {("白水镇", "完成集镇污水管网改造")}),
    # the task before the lead
    ("全面推进城区老旧小区改造，由市住房城乡建设局牵头，各区人民政府配合。",
     {("市住房城乡建设局", "全面推进城区老旧小区改造")}),
    # A为牵头单位 in prose
    ("开展农村人居环境整治提升行动，县农业农村局为牵头单位，县生态环境局为配合单位。",
     {("县农业农村局", "开展农村人居环境整治提升行动")}),
    # the units the lead works with (会同…等部门) are not the task
    ("由州发展改革委牵头，会同州财政局、州统计局等部门制定考核办法。",
     {("州发展改革委", "制定考核办法")}),
    # no 由: the clause opens with units of a level
    ("县财政局牵头，各乡镇配合，于6月底前完成全县财源普查。", {("县财政局", "完成全县财源普查")}),
    ("区自然资源局、区林业局牵头负责完成林地清查工作。",
     {("区自然资源局", "完成林地清查工作"), ("区林业局", "完成林地清查工作")}),
    # several leads leading together (共同牵头, 联合牵头)
    ("由区发展和改革局、区财政局共同牵头，在6月底前完成项目储备。",
     {("区发展和改革局", "完成项目储备"), ("区财政局", "完成项目储备")}),
    ("由镇农业服务中心、镇卫生院联合牵头，开展食品安全检查。",
     {("镇农业服务中心", "开展食品安全检查"), ("镇卫生院", "开展食品安全检查")}),
    # two leads joined by 和
    ("由市财政局和市税务局牵头，在6月底前完成财源建设方案。",
     {("市财政局", "完成财源建设方案"), ("市税务局", "完成财源建设方案")}),
])
def test_prose(sentence: str, expected: set) -> None:
    got = leads("本报讯（记者 王甲）3月5日，甲县召开推进会。" + sentence, "news.txt")
    assert expected <= got, (expected - got, got)


@pytest.mark.parametrize("sentence", [
    "由分管副县长牵头，各部门配合，做好防汛准备。",          # a leader, not a unit
    "由各有关部门牵头，在月底前完成自查。",                  # a category of units
    "由县应急管理局牵头成立防汛抗旱工作专班。",              # the lead of a body (task_force's)
    "会议要求县发改局牵头完成自查。",                        # no 由 and the clause opens with other words
])
def test_prose_not_a_task_lead(sentence: str) -> None:
    got = facts("本报讯（记者 王甲）3月5日，甲县召开推进会。" + sentence, "news.txt")
    assert not [f for f in got if f[0] == "牵头" and (f[2].startswith(("做好", "完成自查", "成立")) or "会议" in f[1])], got


TABLE = """{title}

{header}
{rows}
"""


@pytest.mark.parametrize("header, rows, expected", [
    # cells parted by spaces (.docx/.html tables come out so), a second name in brackets
    ("序号 工作任务 牵头单位 配合单位 完成时限",
     "1 建成智慧城市平台 市大数据局 市财政局、市发展改革委 2024年12月\n"
     "2 新增停车泊位5000个 市住房城乡建设局、市公安局 各区人民政府 2024年6月\n"
     "3 开展营商环境评价 市发展改革委（市营商局） 市直各部门 长期",
     {("市大数据局", "建成智慧城市平台"), ("市住房城乡建设局", "新增停车泊位5000个"),
      ("市公安局", "新增停车泊位5000个"), ("市发展改革委", "开展营商环境评价")}),
    # tabs, the lead marked in a 责任单位 column, 县 level
    ("序号\t主要任务\t责任单位\t完成时间",
     "1\t完成河道清淤20公里\t县水务局（牵头）、县财政局\t2024年底",
     {("县水务局", "完成河道清淤20公里")}),
])
def test_tables(header: str, rows: str, expected: set) -> None:
    got = leads(TABLE.format(title="甲市重点任务分工方案", header=header, rows=rows))
    assert expected <= got, (expected - got, got)
    assert not [s for s, _ in got if s.startswith(("各", "市直", "县财政局", "市财政局"))]


@pytest.mark.parametrize("title, body, expected", [
    # "1.title。由A牵头，B配合，…": the item's short title is the task, 街道 level
    ("甲街道关于背街小巷整治工作任务分工的通知",
     "二、任务分工\n1.排查建档。由街道城市管理办公室牵头，各社区居委会配合，5月底前完成巷道基础信息排查。\n"
     "2.资金保障。由街道财政所牵头，街道党政办公室配合，积极争取上级补助资金。",
     {("街道城市管理办公室", "排查建档"), ("街道财政所", "资金保障")}),
    # half-width punctuation, (1) markers, 镇 level
    ("乙镇人居环境整治任务分工方案",
     "(1)垃圾清运。由镇环境卫生所牵头,各村委会配合,每周清运两次。\n(2)河道保洁。镇水利站牵头,镇农业服务中心配合,落实河长巡河制度。",
     {("镇环境卫生所", "垃圾清运"), ("镇水利站", "河道保洁")}),
    # 县 level, two leads, one of them a category (left out); the lead named as 牵头单位
    ("丙县农村公路养护工作分工方案",
     "3.路况普查。由县交通运输局、各乡镇人民政府牵头，县财政局配合，摸清全县农村公路底数。\n"
     "4.养护考核。县公路事业发展中心为牵头单位，每季度开展一次考核。",
     {("县交通运输局", "路况普查"), ("县公路事业发展中心", "养护考核")}),
    # the title closed by a colon, full- and half-width; (三) markers; 市 level
    ("戊市文明城市创建任务分工",
     "1.摸排建档：由市城市管理局牵头，各区配合，5月底前完成排查。\n2.资金保障:市财政局牵头,市审计局配合,积极争取资金。\n"
     "（三）宣传引导。由市委宣传部牵头，营造良好氛围。",
     {("市城市管理局", "摸排建档"), ("市财政局", "资金保障"), ("市委宣传部", "宣传引导")}),
    # 区 level: a long first sentence is no title; the task is the clause after the lead
    ("丁区重点工作分工",
     "5.全面推进城区燃气管网改造提升工作并建立长效管护机制。由区住房城乡建设局牵头，在9月底前完成管网排查。",
     {("区住房城乡建设局", "完成管网排查")}),
])
def test_item_title_is_the_task(title: str, body: str, expected: set) -> None:
    got = leads(PLAN.format(title=title, body=body))
    assert expected <= got, (expected - got, got)
    assert not [t for _, t in got if t.startswith(("5月底前", "积极争取", "每周", "落实", "摸清", "每季度"))], got


@pytest.mark.parametrize("title, lines, expected", [
    # one cell a line, an index column, 市 level
    ("甲市重点任务分工方案",
     ["序号", "工作任务", "牵头单位", "配合单位", "1", "建成城市运行监测平台", "市数据资源局", "市财政局",
      "2", "新建公共充电桩800个", "市发展改革委、市供电公司", "各区人民政府"],
     {("市数据资源局", "建成城市运行监测平台"), ("市发展改革委", "新建公共充电桩800个"), ("市供电公司", "新建公共充电桩800个")}),
    # no index column, blank lines between cells, 旗 level
    ("乙旗重点工作任务分工",
     ["重点任务", "", "牵头单位", "", "推进牧区饮水安全工程", "", "旗水利局", "", "完成草原确权登记", "", "旗林业和草原局"],
     {("旗水利局", "推进牧区饮水安全工程"), ("旗林业和草原局", "完成草原确权登记")}),
    # traditional script, the lead marked in a 责任单位 column, indented cells, 县 level
    ("丙縣重點任務分工方案",
     ["序號", "主要任務", "責任單位", "完成時限", " 1.", " 完成縣城污水管網改造", " 縣住建局（牽頭）、縣財政局", " 2024年底"],
     {("縣住建局", "完成縣城污水管網改造")}),
    # the rows stop where the numbering does; 街道 level
    ("丁街道工作任务分工",
     ["序号", "工作任务", "牵头单位", "1", "完成背街小巷路面修缮", "街道城市管理办公室",
      "附件", "说明", "另行通知"],
     {("街道城市管理办公室", "完成背街小巷路面修缮")}),
])
def test_tables_one_cell_a_line(title: str, lines: list[str], expected: set) -> None:
    got = leads(title + "\n\n" + "\n".join(lines) + "\n")
    assert expected == got, (expected - got, got - expected)


@pytest.mark.parametrize("title, body, expected", [
    # several labels on one line, parted by spaces, under the task; 省 level
    ("甲省重点工作任务分工方案", "1.建成全省政务数据共享平台。\n牵头单位：省数据资源局  配合单位：省财政厅\n",
     {("省数据资源局", "建成全省政务数据共享平台")}),
    # square and tortoise-shell brackets; 盟 level
    ("乙盟重点工作任务分工方案", "1.完成盟直机关节能改造。【牵头单位：盟机关事务服务中心；配合单位：盟财政局】\n"
     "2.推进牧区电网改造。〔牵头单位：盟能源局〕\n",
     {("盟机关事务服务中心", "完成盟直机关节能改造"), ("盟能源局", "推进牧区电网改造")}),
    # labels after the task's stop without a bracket, the lead named second; 地区 level, half-width
    ("丙地区重点工作任务分工方案", "(一)完善地区应急物资储备体系.牵头单位:地区应急管理局;配合单位:地区财政局.\n"
     "2.推进县乡道路改造。配合单位：地区财政局，牵头单位：地区交通运输局、地区公路管理局。\n",
     {("地区应急管理局", "完善地区应急物资储备体系"), ("地区交通运输局", "推进县乡道路改造"),
      ("地区公路管理局", "推进县乡道路改造")}),
])
def test_fields_without_round_brackets(title: str, body: str, expected: set) -> None:
    got = leads(PLAN.format(title=title, body=body))
    assert expected == got, (expected - got, got - expected)


@pytest.mark.parametrize("title, body, expected", [
    # a numbered item's short first sentence is its title, the sentences after it its body
    ("甲市稳增长若干措施",
     "1.扩大有效投资。聚焦交通、水利等领域，储备项目100个以上。（责任单位：市发展改革委牵头，市财政局配合）",
     {("市发展改革委", "扩大有效投资")}),
    ("乙县促消费若干措施",
     "2.开展促消费活动。全年组织活动30场以上。(责任单位:县商务局牵头,县财政局配合)",
     {("县商务局", "开展促消费活动")}),
    ("丙旗助企纾困措施",
     "3.優化涉企服務。常態化開展走訪活動。（牽頭單位：旗營商環境局）", {("旗營商環境局", "優化涉企服務")}),  # as written
    # a first sentence with a comma is the task itself, no title
    ("丁州重点任务",
     "4.新建农田2万亩，改造灌区3处。全年完成。（牵头单位：州农业农村局）",
     {("州农业农村局", "新建农田2万亩，改造灌区3处。全年完成")}),
])
def test_item_short_first_sentence_is_the_task(title: str, body: str, expected: set) -> None:
    assert expected <= leads(PLAN.format(title=title, body=body))


@pytest.mark.parametrize("title, body, expected", [
    # "A、B牵头，C配合": the bare mark after units joined by 、 leads them all
    ("甲市稳增长措施", "1.发行专项债券。（责任单位：市财政局、市发展改革委牵头，各县（市、区）人民政府配合）",
     {("市财政局", "发行专项债券"), ("市发展改革委", "发行专项债券")}),
    ("乙县措施", "2.强化融资支持。(责任单位:县金融服务中心、县人民银行牵头,县财政局配合)",
     {("县金融服务中心", "强化融资支持"), ("县人民银行", "强化融资支持")}),
    ("丙街道工作要点", "3.整治背街小巷。（責任單位：街道城管科、街道社區辦牽頭，各社區配合）",
     {("街道城管科", "整治背街小巷"), ("街道社區辦", "整治背街小巷")}),
])
def test_bare_mark_leads_the_joined_units(title: str, body: str, expected: set) -> None:
    assert expected <= leads(PLAN.format(title=title, body=body))


def test_bracketed_mark_leads_its_own_unit() -> None:
    got = leads(PLAN.format(title="丁州措施", body="4.改造老旧小区。（责任单位：州住建局（牵头）、州财政局）"))
    assert got == {("州住建局", "改造老旧小区")}


# ---------------------------------------------------------------------------- layout read from extract/blocks.py

@pytest.mark.parametrize("title, body, expected", [
    # every numbered mark depth numbers a task ("1）", "⑴", "①"), the mark not part of the task
    ("甲县重点工作任务分工方案", "1）新建村级服务站12个。（牵头单位：县民政局）",
     {("县民政局", "新建村级服务站12个")}),
    ("乙旗重点工作任务分工方案", "⑵完成牧区饮水工程。(牵头单位:旗水利局)",
     {("旗水利局", "完成牧区饮水工程")}),
    ("丙镇重点工作任务分工方案", "②完成集镇污水管网铺设。（牵头单位：镇村镇建设服务中心）",
     {("镇村镇建设服务中心", "完成集镇污水管网铺设")}),
    # a short sentence on a line of its own is no heading: the paragraph's task is the heading above it
    ("丁盟重点工作任务分工方案",
     "（三）推进草原生态保护\n落实草畜平衡制度。\n加强禁牧区监管。严格执行草原保护红线。（牵头单位：盟林业和草原局）",
     {("盟林业和草原局", "推进草原生态保护")}),
    # a label line opened by a mark of its own, under the task it closes; 街道 level
    ("戊街道重点工作任务分工方案", "3.完成背街小巷亮化改造。\n（1）牵头单位：街道城市管理办公室\n（2）配合单位：各社区",
     {("街道城市管理办公室", "完成背街小巷亮化改造")}),
])
def test_layout_marks_and_headings(title: str, body: str, expected: set) -> None:
    got = leads(PLAN.format(title=title, body=body))
    assert expected <= got, (expected - got, got)
    assert not [o for _, o in got if o[:1] in "1⑵②（"], got


@pytest.mark.parametrize("sentence, expected", [
    # "T由A牵头负责": the words the clause opens with are the task, 县 to 街道 levels
    ("城乡供水管网改造由甲县水利局牵头负责，甲县财政局配合，年底前完成。",
     {("甲县水利局", "城乡供水管网改造")}),
    ("背街小巷亮化工程由乙街道办事处牵头负责；集镇污水处理由丙镇人民政府牵头。",
     {("乙街道办事处", "背街小巷亮化工程"), ("丙镇人民政府", "集镇污水处理")}),
    ("2.牧区道路养护由丁旗交通运输局和丁旗财政局共同牵头负责,今年完成养护300公里.",
     {("丁旗交通运输局", "牧区道路养护"), ("丁旗财政局", "牧区道路养护")}),
    ("農村公路提檔升級由戊州交通運輸局牽頭負責，各縣配合。", {("戊州交通運輸局", "農村公路提檔升級")}),
])
def test_task_glued_before_its_lead(sentence: str, expected: set) -> None:
    got = leads("本报讯 6月3日，己市召开专题会议。" + sentence, "news.txt")
    assert expected <= got, (expected - got, got)


@pytest.mark.parametrize("sentence", [
    "会议要求由庚县发改局牵头，抓好项目谋划。",        # a lead-in of what is said, no task
    "会议明确由辛区住建局牵头推进。",
    "庚市商务局牽頭建立工作專班，研究配套政策。",       # the lead of a body, traditional script
])
def test_no_glued_task(sentence: str) -> None:
    got = leads("本报讯 6月3日，己市召开专题会议。" + sentence, "news.txt")
    assert not [o for _, o in got if o.startswith(("会议", "建立", "庚市"))], got


def test_news_of_a_body_reads_its_task_leads() -> None:
    """A meeting report that also sets up a 工作专班 is a task_force document; the tasks it
    allocates are read there too."""
    text = ("壬县政府召开专题会议部署城乡建设重点工作\n\n6月12日，壬县召开专题会议。会议要求，"
            "污水管网改造由壬县住建局牵头负责，年内完成改造18公里；农村公路提档升级由壬县交通运输局牵头负责。"
            "会议决定，成立由壬县发改局牵头的壬县城乡建设工作专班，专班组长由癸五同志担任。\n")
    got = leads(text, "news.txt")
    assert {("壬县住建局", "污水管网改造"), ("壬县交通运输局", "农村公路提档升级")} <= got, got


@pytest.mark.parametrize("form", ["docx", "html"])
@pytest.mark.parametrize("place, short", [("甲省", "省"), ("乙自治区", "自治区"), ("丙州", "州"), ("丁县", "县"), ("戊镇", "镇")])
def test_docx_and_html_task_tables_with_merged_cells(tmp_path, form: str, place: str, short: str) -> None:
    """A lead cell merged over the tasks it leads (rowspan), an empty cell merged too: every row
    keeps its lead, in .docx as in .html."""
    from tests.extract.test_forms_tables import MAKERS
    from tests.extract.test_extractors import extract_documents, split_source
    from extract.load import load_source

    table = [["序号", "工作任务", "牵头单位", "配合单位"],
             ["1", "新建公厕", f"{short}住建局", f"{short}财政局"],
             ["2", "清理河道", None, f"{short}水务局"],
             ["3", "修缮校舍", f"{short}教育局", None]]
    path = tmp_path / f"plan.{form}"
    path.write_bytes(MAKERS[form]([f"{place}重点工作任务分工方案", table, "各单位要加强协作。"]))
    docs, _ = split_source(load_source(path))
    got = {(a.s, a.o) for a in extract_documents(docs)[0] if a.rel == "牵头"}
    assert got == {(f"{short}住建局", "新建公厕"), (f"{short}住建局", "清理河道"), (f"{short}教育局", "修缮校舍")}


@pytest.mark.parametrize("place, short", [("甲市", "市"), ("乙县", "县"), ("丙区", "区"), ("丁盟", "盟")])
def test_table_cells_wrapped_onto_the_next_line(place: str, short: str) -> None:
    """A tab table copied from a page: long cells wrap, the next line's tabs leading to their column."""
    body = (f"序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
            f"1\t实施老旧小区改造，完成改造\t{short}自然资源局，{short}住房和城\t{short}财政局\t年底\n"
            f"\t小区20个\t乡建设局\n"
            f"2\t开展街区保护利用\t{short}文化广电\t{short}财政局\t长期\n"
            f"\t\t和旅游局\n")
    got = leads(PLAN.format(title=f"{place}城市更新重点任务分工表", body=body))
    assert got == {(f"{short}自然资源局", "实施老旧小区改造，完成改造小区20个"),
                   (f"{short}住房和城乡建设局", "实施老旧小区改造，完成改造小区20个"),
                   (f"{short}文化广电和旅游局", "开展街区保护利用")}, got


@pytest.mark.parametrize("rule", ["|", "｜", "│"])
@pytest.mark.parametrize("place, short", [("甲省", "省"), ("乙自治区", "自治区"), ("丙县", "县"), ("丁街道", "街道")])
def test_tables_ruled_into_cells(rule: str, place: str, short: str) -> None:
    r = f" {rule} "
    body = (r.join(["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]) + "\n"
            + r.join(["1", "改造提升商业设施", f"{short}商务局、{short}住房和城乡建设局", f"{short}自然资源局", "2024年6月"]) + "\n"
            + r.join(["2", "建设物流配送中心", f"{short}交通运输局", "", "持续推进"]) + "\n")
    got = leads(PLAN.format(title=f"{place}重点任务责任分工表", body=body))
    assert got == {(f"{short}商务局", "改造提升商业设施"), (f"{short}住房和城乡建设局", "改造提升商业设施"),
                   (f"{short}交通运输局", "建设物流配送中心")}, got


# A numbered task's bracketed note on the line below its item, or broken before its closing
# bracket (a page's line ran out: "…县丙\n局配合）"): it is still the item's note.
@pytest.mark.parametrize("level", ["县", "区", "旗", "市", "州", "镇", "乡", "街道"])
@pytest.mark.parametrize("break_at", ["below", "inside", "both"])
@pytest.mark.parametrize("half", [False, True])
def test_bracket_note_broken_across_lines(level: str, break_at: str, half: bool) -> None:
    note = f"（{level}住房和城乡建设局牵头，{level}自然资源局、{level}发展和改革局配合）"
    task = "（二）优化工程建设项目审批。推行并联审批，审批时间压减至90个工作日以内。"
    if break_at in ("inside", "both"):
        note = note[:-8] + "\n" + note[-8:]
    lines = f"{task}\n{note}" if break_at != "inside" else task + note
    if half:
        lines = lines.translate(str.maketrans({"（": "(", "）": ")", "，": ","}))
    body = f"一、主要任务\n  （一）压减企业开办时间。全面推行一窗受理。（{level}市场监督管理局牵头）\n  {lines}\n二、保障措施\n"
    got = leads(PLAN.format(title=f"甲{level}优化营商环境三年行动实施方案", body=body))
    assert (f"{level}住房和城乡建设局", "优化工程建设项目审批") in got, got
    assert (f"{level}市场监督管理局", "压减企业开办时间") in got, got


# forms of set I
# A 联席会议制度 notice whose 重点任务 close each task with its leads in a bracket
# ("（一）T（A牵头，B、C配合）。"): each lead 牵头 its task; "A为牵头单位" leads the body only.
@pytest.mark.parametrize("place,lvl", [("甲", "省"), ("乙", "市"), ("丙", "州"), ("丁", "县"), ("戊", "旗")])
@pytest.mark.parametrize("comma", ["，", ","])
def test_coordination_notice_tasks_closed_by_brackets(place: str, lvl: str, comma: str) -> None:
    body = f"{place}{lvl}根治欠薪工作联席会议"
    text = (f"{place}{lvl}人民政府办公室关于建立{body}制度的通知\n\n甲政办函〔2024〕5号\n\n各有关单位：\n"
            f"经{lvl}政府同意，建立{body}（以下简称联席会议）制度。现将有关事项通知如下：\n\n"
            f"一、成员单位\n联席会议由{lvl}人社局、{lvl}财政局、{lvl}公安局组成，{lvl}人社局为牵头单位。\n\n"
            f"二、重点任务\n（一）全面落实工资支付保障制度（{lvl}人社局牵头{comma}{lvl}财政局配合）。\n"
            f"（二）加强工程项目资金监管（{lvl}财政局、{lvl}人社局牵头{comma}各主管部门配合）。\n"
            f"（三）依法打击拒不支付劳动报酬违法犯罪（{lvl}公安局牵头）。\n")
    got = leads(text)
    assert {(f"{lvl}人社局", "全面落实工资支付保障制度"), (f"{lvl}财政局", "加强工程项目资金监管"),
            (f"{lvl}人社局", "加强工程项目资金监管"), (f"{lvl}公安局", "依法打击拒不支付劳动报酬违法犯罪"),
            (f"{lvl}人社局", body)} <= got
    assert not any(o.startswith("联席会议由") for _, o in got)
    assert not any(s == f"{lvl}财政局" and o == "全面落实工资支付保障制度" for s, o in got)
