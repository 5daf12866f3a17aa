"""Extractors: sentence -> expected assertions, on invented notices in the real forms."""

from __future__ import annotations

import pytest

from extract.pipeline import extract_documents
from extract.posts import bare_government
from extract.source import SourceText
from extract.split import split_source


def facts(text: str, name: str = "notice.txt") -> set[tuple]:
    docs, _ = split_source(SourceText(name, text))
    assertions, _ = extract_documents(docs)
    out = set()
    for a in assertions:
        extra = a.role or a.position or ""
        out.add((a.rel, a.s, a.o, extra) if a.rel not in ("任命",) else (a.rel, a.s, a.o, extra, a.probation))
        if a.rel not in ("任命",):  # a government named in full (甲市人民政府) is also read as 市政府, as the scorer does
            out.add((a.rel, a.s, bare_government(a.o), extra))
    return out


WORK_DIVISION = """甲市人民政府办公室关于市长副市长工作分工的通知

甲政办发〔2024〕3号

各县（市、区）人民政府，市直各部门：

市委副书记、市长王大明：主持市人民政府全面工作。

市委常委、副市长李 强：负责市人民政府常
\n务工作。负责发展改革、财政、应急管理(安全生产)、消防等方面的工作。

分管市政府办公室、市发展和改革委员会(市粮食和物资储备局)、市财政局、

市统计局。

协助市长联系市审计局。

联系甲州军分区、市税务局、中石化甲州石油分公司等驻甲石油企业,以及其他驻甲工业企业。

副市长赵小红：负责公安、司法等方面的工作。

主管市公安局、市公安局交警支队。

分管市司法局。

甲市人民政府办公室

2024年3月8日
"""


@pytest.mark.parametrize("fact", [
    ("任职", "王大明", "市委", "市委副书记"),
    ("任职", "王大明", "市政府", "市长"),
    ("主持", "王大明", "甲市人民政府", ""),
    ("任职", "李强", "市委", "市委常委"),
    ("任职", "李强", "市政府", "副市长"),
    ("负责", "李强", "常务工作", ""),
    ("负责", "李强", "应急管理(安全生产)", ""),
    ("负责", "李强", "消防", ""),
    ("分管", "李强", "市发展和改革委员会", ""),
    ("分管", "李强", "市统计局", ""),
    ("协助联系", "李强", "市审计局", ""),
    ("联系", "李强", "甲州军分区", ""),
    ("联系", "李强", "中石化甲州石油分公司", ""),
    ("主管", "赵小红", "市公安局交警支队", ""),
    ("分管", "赵小红", "市司法局", ""),
])
def test_work_division_notice(fact: tuple) -> None:
    assert fact in facts(WORK_DIVISION)


def test_work_division_skips_categories() -> None:
    got = {f[2] for f in facts(WORK_DIVISION) if f[0] == "联系"}
    assert not any("企业" in o for o in got)
    assert "市粮食和物资储备局" not in {f[2] for f in facts(WORK_DIVISION)}


TASK_FORCE = """甲市人民政府办公室关于成立甲市城市更新工作专班的通知

甲政办函〔2024〕12号

各县（市、区）人民政府，市直各有关单位：

为推进城市更新，决定成立甲市城市更新工作专班。现将有关事项通知如下：

一、组成人员

组 长：李 强 市委常委、副市长
副组长：孙 伟 市政府副秘书长
周小川 市住建局局长
成 员：- 吴 刚 市发改委副主任
- 郑一鸣市财政局副局长
冯 涛 市委政法委主持日常工作的
副书记
陈 静 市人社局社会保险科科长
各县（市、区）人民政府分管副县长

工作专班办公室设在市住建局，办公室主任由市住建局局长兼任。

二、成员单位职责

市住建局牵头建立工作专班，负责统筹推进。

市发改委、市财政局负责保障项目资金。

各县（市、区）政府负责本地工作。

甲市人民政府办公室

2024年5月6日
"""

TF = "甲市城市更新工作专班"


@pytest.mark.parametrize("fact", [
    ("成员", "李强", TF, "组长"),
    ("任职", "李强", "市委", "市委常委"),
    ("任职", "李强", "市政府", "副市长"),
    ("成员", "孙伟", TF, "副组长"),
    ("任职", "孙伟", "市政府", "副秘书长"),
    ("成员", "周小川", TF, "副组长"),
    ("任职", "周小川", "市住建局", "局长"),
    ("成员", "吴刚", TF, "成员"),
    ("成员", "郑一鸣", TF, "成员"),
    ("任职", "郑一鸣", "市财政局", "副局长"),
    ("任职", "冯涛", "市委政法委", "主持日常工作的副书记"),
    ("任职", "陈静", "市人社局", "社会保险科科长"),
    ("成员", "各县（市、区）人民政府分管副县长", TF, "成员"),
    ("办公室设在", TF, "市住建局", ""),
    ("成员", "周小川", TF, "办公室主任"),
    ("牵头", "市住建局", TF, ""),
    ("成员单位", "市发改委", TF, "成员单位"),
    ("成员单位", "市财政局", TF, "成员单位"),
])
def test_task_force_notice(fact: tuple) -> None:
    assert fact in facts(TASK_FORCE)


def test_task_force_excludes_county_governments_as_units() -> None:
    units = {f[1] for f in facts(TASK_FORCE) if f[0] == "成员单位"}
    assert not any(u.startswith("各") for u in units)


BRACKETED_MEMBERS = """關于成立乙市濕地公園保護專班的通知
乙市人民政府：
一、專班組成人員
主任:張三(市政府副市長)
副主任:李四(市科技局局長)
成員:王五(市林草局黨組副書記、局長)
專班下設辦公室,辦公室設在市科技局,辦公室主任由李四同志兼任。
"""


@pytest.mark.parametrize("fact", [
    ("成员", "張三", "乙市濕地公園保護專班", "主任"),
    ("任职", "張三", "市政府", "副市長"),
    ("成员", "李四", "乙市濕地公園保護專班", "副主任"),
    ("任职", "王五", "市林草局", "黨組副書記"),
    ("任职", "王五", "市林草局", "局長"),
    ("办公室设在", "乙市濕地公園保護專班", "市科技局", ""),
    ("成员", "李四", "乙市濕地公園保護專班", "辦公室主任"),   # roles as written, too
])
def test_traditional_members_keep_source_script(fact: tuple) -> None:
    assert fact in facts(BRACKETED_MEMBERS)


SUBGROUPS = """丙市人民政府办公室关于成立丙市营商环境工作专班的通知

丙政办函〔2024〕7号

市直各有关单位：

组长：赵六 副市长

工作专班办公室设在市发展改革委。工作专班下设2个专项工作组。

（一）政务服务专项工作组

组长由市行政审批局分管负责人担任，成员包括市司法局、市规划和自然资源局等相关部门负责人。

（二）要素保障专项工作组

组长由市财政局、市人社局分管负责人担任，成员包括市税务局等相关部门负责人。
"""


@pytest.mark.parametrize("fact", [
    ("下设", "丙市营商环境工作专班", "政务服务专项工作组", ""),
    ("成员单位", "市行政审批局", "政务服务专项工作组", "组长单位"),
    ("成员单位", "市规划和自然资源局", "政务服务专项工作组", "成员单位"),
    ("成员单位", "市司法局", "政务服务专项工作组", "成员单位"),
    ("成员单位", "市财政局", "要素保障专项工作组", "组长单位"),
    ("成员单位", "市人社局", "要素保障专项工作组", "组长单位"),
    ("成员单位", "市税务局", "要素保障专项工作组", "成员单位"),
])
def test_subgroups_and_their_units(fact: tuple) -> None:
    assert fact in facts(SUBGROUPS)


APPOINTMENTS = """甲市人民政府关于张三等职务任免的通知

甲政干发〔2024〕2号

市直各单位：

经甲市人民政府2024年1月5日党组会议研究决定，任命：

张三为甲州港务有限公司董事长，免去其甲州市政府驻京联络处主任职务；

李小四为甲州市文化馆馆长（试用期一年）。

免去：

王五甲州市教育局督学职务。

甲市人民政府

2024年1月8日
"""


@pytest.mark.parametrize("fact", [
    ("任命", "张三", "甲州港务有限公司", "董事长", False),
    ("免去", "张三", "甲州市政府驻京联络处", "主任"),
    ("任命", "李小四", "甲州市文化馆", "馆长", True),
    ("免去", "王五", "甲州市教育局", "督学"),
])
def test_appointments(fact: tuple) -> None:
    assert fact in facts(APPOINTMENTS)


def test_appointment_carries_meeting_and_dates() -> None:
    docs, _ = split_source(SourceText("n.txt", APPOINTMENTS))
    assertions, _ = extract_documents(docs)
    a = next(x for x in assertions if x.rel == "任命")
    assert a.date == "2024-01-08"
    assert a.decided_on == "2024-01-05"
    assert a.doc == "甲政干发〔2024〕2号"
    assert "张三为甲州港务有限公司董事长" in a.evidence


NEWS_APPOINTMENT = """本报讯 会议决定任命钱七为丁市人民政府副市长、代理丁市人民政府市长职务，决定免去孙八的丁市应急管理局局长职务。市人大常委会主任周九主持会议，副主任吴十、郑甲出席会议。"""


@pytest.mark.parametrize("fact", [
    ("任命", "钱七", "丁市人民政府", "副市长", False),
    ("任命", "钱七", "丁市人民政府", "代理市长", False),
    ("免去", "孙八", "丁市应急管理局", "局长"),
    ("任职", "周九", "市人大常委会", "主任"),
    ("任职", "吴十", "市人大常委会", "副主任"),
    ("任职", "郑甲", "市人大常委会", "副主任"),
])
def test_appointments_in_a_news_report(fact: tuple) -> None:
    assert fact in facts(NEWS_APPOINTMENT)


PROSE_DIVISION = """戊市政府近日发出通知。市长冯一主持市政府全面工作。陈二作为常务副市长，负责市政府常务工作；市长外出时，主持市政府工作。财政、税务等宏观经济管理，以及港口建设等专项工作，均由陈二负责。褚三副市长则负责农业、水利等农业口，同时，他还分管高新区，以及安全生产，此外还有信访等。"""


@pytest.mark.parametrize("fact", [
    ("主持", "冯一", "市政府", ""),
    ("任职", "陈二", "市政府", "常务副市长"),
    ("负责", "陈二", "常务工作", ""),
    ("负责", "陈二", "财政", ""),
    ("负责", "陈二", "税务", ""),
    ("负责", "陈二", "港口建设", ""),
    ("负责", "褚三", "农业", ""),
    ("负责", "褚三", "水利", ""),
    ("分管", "褚三", "高新区", ""),
    ("分管", "褚三", "安全生产", ""),
    ("分管", "褚三", "信访", ""),
])
def test_work_division_in_prose(fact: tuple) -> None:
    assert fact in facts(PROSE_DIVISION, "news.txt")


def test_stand_in_is_not_presiding() -> None:
    assert ("主持", "陈二", "市政府", "") not in facts(PROSE_DIVISION, "news.txt")


ALLOCATION = """重点工作任务责任分解方案

1.地区生产总值增长6%以上。(责任领导:甲乙;牵头单位:区发改局)

2.城乡居民收入稳步增长。(责任领导:丙丁;牵头单位:区发改局、区农业农村局)
"""


@pytest.mark.parametrize("fact", [
    ("牵头", "区发改局", "地区生产总值增长6%以上", ""),
    ("牵头", "区农业农村局", "城乡居民收入稳步增长", ""),
])
def test_task_allocation_leads(fact: tuple) -> None:
    assert fact in facts(ALLOCATION)


def test_every_assertion_has_provenance() -> None:
    docs, _ = split_source(SourceText("notice.txt", TASK_FORCE))
    assertions, _ = extract_documents(docs)
    assert assertions
    for a in assertions:
        assert a.doc == "甲政办函〔2024〕12号" and a.date == "2024-05-06"
        assert a.evidence and a.line > 0 and 0 <= a.start < a.end
        assert TASK_FORCE[a.start:a.end].strip() == a.evidence


MORE_FORMS = """己市人民政府办公室关于调整己市安全生产委员会成员的通知

己政办发〔2024〕9号

各有关单位：

主  任：卫东 市长
副主任：市发展改革委主任 蒋南
成  员：市财政局局长沈北，市公安局副局长韩西
成员单位包括市应急局、市消防救援支队等单位。

己市人民政府办公室

2024年6月1日
"""


@pytest.mark.parametrize("fact", [
    ("成员", "卫东", "己市安全生产委员会", "主任"),
    ("任职", "卫东", "市政府", "市长"),
    ("成员", "蒋南", "己市安全生产委员会", "副主任"),
    ("任职", "蒋南", "市发展改革委", "主任"),
    ("成员", "沈北", "己市安全生产委员会", "成员"),
    ("成员", "韩西", "己市安全生产委员会", "成员"),
    ("任职", "韩西", "市公安局", "副局长"),
    ("成员单位", "市应急局", "己市安全生产委员会", "成员单位"),
    ("成员单位", "市消防救援支队", "己市安全生产委员会", "成员单位"),
])
def test_member_lists_with_post_first_and_unit_lists(fact: tuple) -> None:
    assert fact in facts(MORE_FORMS)


def test_leader_named_before_title() -> None:
    text = "庚市人民政府领导工作分工\n\n郭南市长：主持市政府全面工作。\n\n分管市审计局。\n"
    got = facts(text)
    assert ("主持", "郭南", "市政府", "") in got
    assert ("分管", "郭南", "市审计局", "") in got
    assert ("任职", "郭南", "市政府", "市长") in got


def test_removal_with_tongzhi() -> None:
    text = "辛市人大常委会关于人事任免的决定\n\n会议决定：免去马东同志的辛市财政局局长职务。\n"
    assert ("免去", "马东", "辛市财政局", "局长") in facts(text)


def test_table_rows_without_colons() -> None:
    text = "关于成立壬市防汛抗旱指挥部的通知\n\n壬政办函〔2024〕1号\n\n各有关单位：\n\n指挥长 张一 副市长\n副指挥长 李二 市水利局局长\n成员 王三 市应急局副局长\n"
    got = facts(text)
    assert ("成员", "张一", "壬市防汛抗旱指挥部", "指挥长") in got
    assert ("成员", "李二", "壬市防汛抗旱指挥部", "副指挥长") in got
    assert ("任职", "王三", "市应急局", "副局长") in got


def test_more_appointment_forms() -> None:
    text = ("癸市人民政府关于人事任免的通知\n\n癸政干发〔2024〕3号\n\n各单位：\n\n"
            "决定任命张一、李二为癸州市文化馆副馆长；免去王三癸州市图书馆馆长职务；免去赵四的癸州市档案馆馆长职务。\n")
    got = facts(text)
    assert ("任命", "张一", "癸州市文化馆", "副馆长", False) in got
    assert ("任命", "李二", "癸州市文化馆", "副馆长", False) in got
    assert ("免去", "王三", "癸州市图书馆", "馆长") in got
    assert ("免去", "赵四", "癸州市档案馆", "馆长") in got


def test_title_then_name_headers() -> None:
    text = "子市人民政府领导分工\n\n一、市长周一\n\n领导市政府全面工作。\n\n二、副市长吴二\n\n负责财政工作。协助市长分管市审计局。\n"
    got = facts(text)
    assert ("主持", "周一", "市政府", "") in got
    assert ("负责", "吴二", "财政工作", "") in got or ("负责", "吴二", "财政", "") in got
    assert ("协助分管", "吴二", "市审计局", "") in got


def test_unparsed_division_sentence_is_reported() -> None:
    text = "丑市人民政府领导工作分工\n\n副市长李强：负责财政工作。\n\n统筹推进重大项目建设。\n"
    docs, _ = split_source(SourceText("div.txt", text))
    _, problems = extract_documents(docs)
    assert any("统筹推进重大项目建设" in p.reason and p.source == "div.txt:5" for p in problems)  # its line in source


def test_unparsed_member_line_is_reported() -> None:
    text = "关于成立寅市某某工作专班的通知\n\n寅政办函〔2024〕2号\n\n各单位：\n\n组长：张一 副市长\n成员：？？？\n"
    docs, _ = split_source(SourceText("tf.txt", text))
    _, problems = extract_documents(docs)
    assert any("member line not understood" in p.reason for p in problems)


@pytest.mark.parametrize("sentence", [
    "联席会议由市教育局牵头，市发改委、市财政局、市人社局为联席会议成员单位。",
    "联席会议成员单位由市发改委、市财政局、市人社局等部门组成。",
    "成员单位：市发改委、市财政局、市人社局。",
])
def test_member_unit_sentences(sentence: str) -> None:
    text = f"卯市人民政府办公室关于建立卯市就业工作联席会议制度的通知\n\n卯政办函〔2024〕5号\n\n各单位：\n\n{sentence}\n"
    got = facts(text)
    for org in ("市发改委", "市财政局", "市人社局"):
        assert ("成员单位", org, "卯市就业工作联席会议", "成员单位") in got


def test_led_by_sentence() -> None:
    text = "卯市人民政府办公室关于建立卯市就业工作联席会议制度的通知\n\n卯政办函〔2024〕5号\n\n各单位：\n\n联席会议由市教育局牵头。\n"
    assert ("牵头", "市教育局", "卯市就业工作联席会议", "") in facts(text)
