"""工作分工 forms across levels, orders, separators, spacing and scripts (invented leaders)."""

from __future__ import annotations

import pytest

from extract.extractors.work_division import _split_and
from extract.lexicon import lexicon
from extract.pipeline import extract_documents
from extract.posts import bare_government
from extract.source import SourceText
from extract.split import classify, split_source
from extract.text import to_simplified


def facts(text: str, name: str = "notice.txt") -> set[tuple]:
    """What the work-division extractor reads: (rel, s, o, role or position)."""
    docs, _ = split_source(SourceText(name, text))
    assertions, _ = extract_documents(docs)
    got = {(a.rel, a.s, a.o, a.role or a.position or "") for a in assertions if a.extractor == "work_division"}
    # a government named in full (甲县人民政府) is also read as its level names it (县政府), as the scorer does
    return got | {(f[0], f[1], bare_government(to_simplified(f[2])), f[3]) for f in got}


def warnings(text: str) -> list[str]:
    docs, _ = split_source(SourceText("div.txt", text))
    _, problems = extract_documents(docs)
    return [p.reason for p in problems]


# Notice, title first, closed by a comma; adjustment verbs (增加分管, 临时代管, 不再分管).
ZHOU = """甲州人民政府关于调整州长副州长工作分工的通知

各县（市）人民政府，州直各部门：

州长王一同志，主持州人民政府全面工作，分管州审计局。

常务副州长李 二，负责州政府常务工作，分管州财政局和编制、统计工作。协助分管州审计局方面工作。

副州长赵三同志，增加分管州教育局、州文化局(州文物局)。联系州总工会、团州委。

副州长钱四同志，临时代管州卫生健康委员会。不再分管州体育局。协助州长联系州税务局。

甲州人民政府

2024年5月6日
"""


@pytest.mark.parametrize("fact", [
    ("任职", "王一", "州政府", "州长"),
    ("主持", "王一", "甲州人民政府", ""),
    ("分管", "王一", "州审计局", ""),
    ("任职", "李二", "州政府", "常务副州长"),
    ("负责", "李二", "常务工作", ""),
    ("分管", "李二", "州财政局", ""),
    ("分管", "李二", "编制", ""),
    ("分管", "李二", "统计", ""),
    ("协助分管", "李二", "州审计局", ""),
    ("任职", "赵三", "州政府", "副州长"),
    ("分管", "赵三", "州教育局", ""),
    ("分管", "赵三", "州文化局", ""),
    ("联系", "赵三", "州总工会", ""),
    ("联系", "赵三", "团州委", ""),
    ("分管", "钱四", "州卫生健康委员会", ""),
    ("协助联系", "钱四", "州税务局", ""),
])
def test_notice_title_first_with_comma(fact: tuple) -> None:
    assert fact in facts(ZHOU)


def test_notice_no_longer_and_no_strays() -> None:
    got = facts(ZHOU)
    # 不再分管 ends a duty, it gives none: only the release names it
    assert {f[0] for f in got if f[2] == "州体育局"} <= {"不再分管"}
    assert {f[1] for f in got} == {"王一", "李二", "赵三", "钱四"}
    assert ZHOU and classify("甲州人民政府关于调整州长副州长工作分工的通知") == "work_division"


# News list, name first, half-width punctuation, posts before the duties.
QI = """乙旗政府领导分工公布
乙旗人民政府领导分工已经确定，详情如下:
孙四旗长,主持旗政府全面工作,分管审计工作。
周五副旗长,分管农牧、水利和林草工作。
吴六旗政府党组成员,旗防汛抗旱指挥部副指挥长,分管应急管理工作。
郑七旗政府党组副书记,兼任旗公安局局长。
欧阳八 副旗长,分管旗政府办公室及旗统计局、旗发展和改革委员会(旗粮食局)。
"""


@pytest.mark.parametrize("fact", [
    ("任职", "孙四", "旗政府", "旗长"),
    ("主持", "孙四", "旗政府", ""),
    ("分管", "孙四", "审计", ""),
    ("任职", "周五", "旗政府", "副旗长"),
    ("分管", "周五", "农牧", ""),
    ("分管", "周五", "水利和林草", ""),
    ("任职", "吴六", "旗政府", "党组成员"),
    ("成员", "吴六", "旗防汛抗旱指挥部", "副指挥长"),
    ("分管", "吴六", "应急管理", ""),
    ("任职", "郑七", "旗政府", "党组副书记"),
    ("任职", "郑七", "旗公安局", "局长"),
    ("任职", "欧阳八", "旗政府", "副旗长"),
    ("分管", "欧阳八", "旗政府办公室", ""),
    ("分管", "欧阳八", "旗统计局", ""),
    ("分管", "欧阳八", "旗发展和改革委员会", ""),
])
def test_news_list_name_then_title(fact: tuple) -> None:
    assert fact in facts(QI, "news.txt")


def test_news_list_types_and_names() -> None:
    got = facts(QI, "news.txt")
    assert {f[1] for f in got} == {"孙四", "周五", "吴六", "郑七", "欧阳八"}
    docs, _ = split_source(SourceText("news.txt", QI))
    assert docs[0].info.doc_type == "work_division"


# A name alone on its line, its posts opening the next one.
XIAN = """丙县人民政府领导同志分工
冯八
县长，主持县政府全面工作。负责机关事务、机构编制方面工作。
陈 九
常务副县长，负责发展改革、财政、应急与消防方面工作。
褚十
副县长兼任县公安局局长，负责公安、司法方面工作。
卫一
县政府党组成员，协助县长负责招商、物流工作。
"""


@pytest.mark.parametrize("fact", [
    ("任职", "冯八", "县政府", "县长"),
    ("主持", "冯八", "县政府", ""),
    ("负责", "冯八", "机关事务", ""),
    ("负责", "冯八", "机构编制", ""),
    ("任职", "陈九", "县政府", "常务副县长"),
    ("负责", "陈九", "发展改革", ""),
    ("负责", "陈九", "应急与消防", ""),
    ("任职", "褚十", "县政府", "副县长"),
    ("任职", "褚十", "县公安局", "局长"),
    ("负责", "褚十", "公安", ""),
    ("任职", "卫一", "县政府", "党组成员"),
])
def test_name_alone_then_posts_line(fact: tuple) -> None:
    assert fact in facts(XIAN, "news.txt")


def test_assisting_the_head_in_charge_is_left_out() -> None:
    got = facts(XIAN, "news.txt")
    assert not any(f[1] == "卫一" and f[0] == "负责" for f in got)  # 协助县长负责: SCHEMA §3
    assert not any(f[1] == "冯八" and f[2] in ("发展改革", "公安") for f in got)


# News prose: title before the name, names listed before one title, Title的Name，,
# persons named before acting again, past posts, and 和 between a body and a field.
SHENG = """丁省政府领导班子分工公布
据丁省政府网站消息，省长蒋一主持省政府全面工作，分管省政府办公厅和编制、审计工作。
年初，原常务副省长朱五调任省政协主席。沈二、韩三、杨四3名新任副省长已经到岗。
朱五此前负责的工作改由沈二承担。按照通知，沈二负责省政府常务工作，分管发展计划、税务方面工作。协助分管财政、审计方面工作。
几位新任副省长分别分管了各自擅长的方面——
曾任戊市市长、现升任副省长的韩三，分管民政、住房和城乡建设、应急管理；
外省交流来的副省长杨四，分管商务、外事等方面的工作。
秦六、许七两位副省长仍按原分工开展工作。
"""


@pytest.mark.parametrize("fact", [
    ("任职", "蒋一", "省政府", "省长"),
    ("主持", "蒋一", "省政府", ""),
    ("分管", "蒋一", "省政府办公厅", ""),
    ("分管", "蒋一", "编制", ""),
    ("分管", "蒋一", "审计", ""),
    ("任职", "沈二", "省政府", "副省长"),
    ("任职", "韩三", "省政府", "副省长"),
    ("任职", "杨四", "省政府", "副省长"),
    ("负责", "沈二", "常务工作", ""),
    ("分管", "沈二", "发展计划", ""),
    ("协助分管", "沈二", "财政", ""),
    ("协助分管", "沈二", "审计", ""),
    ("分管", "韩三", "民政", ""),
    ("分管", "韩三", "住房和城乡建设", ""),
    ("分管", "韩三", "应急管理", ""),
    ("分管", "杨四", "商务", ""),
    ("分管", "杨四", "外事", ""),
    ("任职", "秦六", "省政府", "副省长"),
    ("任职", "许七", "省政府", "副省长"),
])
def test_news_prose(fact: tuple) -> None:
    assert fact in facts(SHENG, "news.txt")


def test_news_prose_precision() -> None:
    got = facts(SHENG, "news.txt")
    assert not any(f[1] == "朱五" for f in got)  # a past post; "原来负责的" is no duty
    assert {f[1] for f in got} <= {"蒋一", "沈二", "韩三", "杨四", "秦六", "许七", "朱五"}
    assert not any(f[0] == "分管" and "领域" in f[2] for f in got)  # "分管了…领域" is narrative


# Traditional characters: 自治区 heads (主席: "自治區主席" is the post 主席, SCHEMA §2), names kept as written.
TRADITIONAL = """戊自治區人民政府領導分工
自治區主席馮一主持自治區政府全面工作，分管自治區審計廳。
副主席一職由陳二擔任。自治區副主席衛二，分管自治區財政廳、自治區稅務局。
"""


@pytest.mark.parametrize("fact", [
    ("任职", "馮一", "自治区政府", "主席"),
    ("主持", "馮一", "自治区政府", ""),
    ("分管", "馮一", "自治区审计厅", ""),
    ("任职", "衛二", "自治区政府", "副主席"),
    ("分管", "衛二", "自治区财政厅", ""),
    ("分管", "衛二", "自治区税务局", ""),
])
def test_traditional_autonomous_region(fact: tuple) -> None:
    """Names as written (馮一); bodies and posts in either script (the scorer reads both)."""
    got = {(r, s, to_simplified(o), to_simplified(x)) for r, s, o, x in facts(TRADITIONAL, "news.txt")}
    assert fact in got


def test_traditional_precision() -> None:
    got = facts(TRADITIONAL, "news.txt")
    assert {f[1] for f in got} == {"馮一", "衛二"}
    assert all("分工" not in f[2] for f in got)


@pytest.mark.parametrize("text,fact", [
    ("己镇人民政府关于镇长副镇长工作分工的通知\n\n各村委会：\n\n镇长钱一：主持镇政府全面工作。\n\n副镇长孙二：分管镇财政所。\n",
     ("任职", "孙二", "镇政府", "副镇长")),
    ("庚乡人民政府关于乡长副乡长工作分工的通知\n\n各村委会：\n\n副乡长李三，分管乡农业服务中心。\n",
     ("分管", "李三", "乡农业服务中心", "")),
    ("辛盟行政公署关于盟长副盟长工作分工的通知\n\n各旗县市人民政府：\n\n副盟长周四：负责农牧工作。\n",
     ("任职", "周四", "盟行政公署", "副盟长")),
    ("壬区人民政府关于区长副区长工作分工的通知\n\n各街道办事处：\n\n副区长吴五同志：协助区长联系区税务局。\n",
     ("协助联系", "吴五", "区税务局", "")),
    ("癸县人民政府关于调整县政府领导同志分工的通知\n\n各乡镇人民政府：\n\n郑六副县长：分管县水利局。\n",
     ("任职", "郑六", "县政府", "副县长")),
    ("子市人民政府关于副市长工作分工的通知\n\n各区人民政府:\n\n副市长王七,协助分管市财政局.\n",
     ("协助分管", "王七", "市财政局", "")),
])
def test_levels_and_separators(text: str, fact: tuple) -> None:
    assert fact in facts(text)


@pytest.mark.parametrize("title,posts", [
    ("副州长", "州政府"), ("常务副旗长", "旗政府"), ("代理镇长", "镇政府"), ("乡长", "乡政府"),
    ("自治区副主席", "自治区政府"), ("旗委副书记", "旗委"), ("盟委常委", "盟委"), ("副盟长", "盟行政公署"),
    ("市长", "市政府"), ("副秘书长", "市政府"), ("省委常委", "省委"),
])
def test_leader_titles_generated_for_every_level(title: str, posts: str) -> None:
    assert lexicon().implied_org[title] == posts


@pytest.mark.parametrize("piece,items", [
    ("省政府办公厅和编制", ["省政府办公厅", "编制"]),
    ("市发展和改革委员会", ["市发展和改革委员会"]),
    ("住房和城乡建设", ["住房和城乡建设"]),
    ("县农业农村局(县乡村振兴局)及县水务局", ["县农业农村局(县乡村振兴局)", "县水务局"]),
    ("旗科学技术局及旗统计局", ["旗科学技术局", "旗统计局"]),
    ("人力资源和社会保障", ["人力资源和社会保障"]),
])
def test_and_splits_only_after_a_body(piece: str, items: list[str]) -> None:
    assert [piece[a:b] for a, b in _split_and(piece)] == items


@pytest.mark.parametrize("text,expect", [
    ("丑旗人民政府关于旗长副旗长工作分工的通知\n\n各苏木乡镇：\n\n副旗长李强，分管旗财政局。\n\n统筹推进重大项目建设。\n", True),
    ("丑旗人民政府关于旗长副旗长工作分工的通知\n\n各苏木乡镇：\n\n副旗长李强，分管旗财政局。\n\n完成旗长交办的其他工作。\n", False),
    ("丑旗人民政府关于旗长副旗长工作分工的通知\n\n各苏木乡镇：\n\n副旗长李强：统筹推进重大项目建设。\n", True),
    ("丑旗人民政府关于旗长副旗长工作分工的通知\n\n各苏木乡镇：\n\n副旗长李强：协助旗长负责统筹推进重大项目建设。\n", False),
    ("丑旗人民政府关于旗长副旗长工作分工的通知\n\n各苏木乡镇：\n\n副旗长李强：分管旗财政局。\n\n"
     "有关议事协调机构负责人随分工相应调整，统筹推进重大项目建设。\n", False),
])
def test_unread_duty_line_is_reported(text: str, expect: bool) -> None:
    assert any("统筹推进重大项目建设" in w for w in warnings(text)) is expect


# Numbered headers, table rows read as text (both orders, padded names), objects before the
# leader (由…分管), a name linked to its title in prose, and modified titles (挂职副县长).
@pytest.mark.parametrize("text,fact", [
    ("寅县人民政府领导分工\n\n（一）县长 冯一\n\n主持县政府全面工作。\n", ("主持", "冯一", "县政府", "")),
    ("寅县人民政府领导分工\n\n2.陈二 副县长\n\n分管县水利局。\n", ("分管", "陈二", "县水利局", "")),
    ("寅县人民政府领导分工\n\n三、副县长卫三：分管县民政局。\n", ("分管", "卫三", "县民政局", "")),
    ("寅县人民政府领导分工\n\n蒋  四   副县长   负责农业、林业工作，分管县农业农村局。\n", ("分管", "蒋四", "县农业农村局", "")),
    ("寅县人民政府领导分工\n\n蒋  四   副县长   负责农业、林业工作，分管县农业农村局。\n", ("负责", "蒋四", "林业", "")),
    ("寅县人民政府领导分工\n\n挂职副县长   沈五   协助分管县商务局。\n", ("协助分管", "沈五", "县商务局", "")),
    ("寅县人民政府领导分工\n\n挂职副县长   沈五   协助分管县商务局。\n", ("任职", "沈五", "县政府", "挂职副县长")),
    ("卯市政府分工出炉。县教育局、县文化局由副市长韩六分管。\n", ("分管", "韩六", "县教育局", "")),
    ("卯市政府分工出炉。教育、卫生等工作，统一由杨七同志负责。\n", ("负责", "杨七", "卫生", "")),
    ("卯市政府分工出炉。朱八担任常务副市长，负责市政府常务工作。\n", ("任职", "朱八", "市政府", "常务副市长")),
    ("卯市政府分工出炉。朱八担任常务副市长，负责市政府常务工作。\n", ("负责", "朱八", "常务工作", "")),
])
def test_numbered_rows_and_backward_forms(text: str, fact: tuple) -> None:
    assert fact in facts(text, "news.txt")


@pytest.mark.parametrize("text,absent", [
    ("卯市政府分工出炉。原由王五分管的县教育局调整。\n", "王五"),   # 分管的: no duty of 王五
    ("卯市政府分工出炉。会议由市长主持召开。\n", "主持"),
    ("卯县人民政府领导分工\n\n县长：主持县政府全面工作。\n", "县长"),  # a title alone names no one
])
def test_backward_forms_precision(text: str, absent: str) -> None:
    assert not any(absent in f[1] for f in facts(text, "news.txt"))


def test_prose_verbs_of_other_subjects_are_not_duties() -> None:
    text = "辰市召开会议。市长王五主持召开市政府常务会议，研究部署安全生产工作。会议要求，各部门负责抓好落实，市财政局负责保障经费。\n"
    got = facts(text, "news.txt")
    assert ("任职", "王五", "市政府", "市长") in got
    assert not any(f[1] == "王五" and f[0] in ("主持", "负责") for f in got)


# A numbered list with notes after names, and a numbered leader line that is not
# understood: the duties under it are not the previous leader's.
NUMBERED = """东河县人民政府关于县长副县长工作分工的通知

东政发〔2023〕5号

各乡镇人民政府，县直各单位：

一、常务副县长 李四
负责县人民政府常务工作。
分管县财政局。
二、副县长 王五（挂职）
分管县商务局。
三、副县长兼县长助理等若干职务人员
分管县统计局。
"""


def test_numbered_lines_with_notes_and_unread_leaders() -> None:
    got = facts(NUMBERED)
    assert ("分管", "李四", "县财政局", "") in got
    assert ("分管", "王五", "县商务局", "") in got
    assert ("任职", "王五", "县政府", "副县长") in got
    assert not any(f[2] == "县统计局" for f in got)
    docs, _ = split_source(SourceText("div.txt", NUMBERED))
    _, problems = extract_documents(docs)
    assert any("leader line not understood" in p.reason for p in problems)


@pytest.mark.parametrize("fact", [
    ("任职", "周二", "区委", "区委常委"),
    ("任职", "周二", "区政府", "常务副区长"),
    ("负责", "周二", "常务工作", ""),
    ("联系", "周二", "区税务局", ""),
    ("分管", "吴三", "区卫生健康局", ""),
    ("分管", "郑四", "区住房和城乡建设局", ""),
    ("任职", "王五", "区政府", "党组成员"),
    ("协助联系", "王五", "区统计局", ""),
])
def test_prose_titles_after_other_posts(fact: tuple) -> None:
    text = ("西山区政府领导班子分工调整\n近日，西山区人民政府印发通知，对区政府领导班子成员工作分工进行调整。\n"
            "区委常委、常务副区长周二负责区政府常务工作，分管区财政局，联系区税务局。\n"
            "副区长吴三分管区教育局、区卫生健康局；副区长郑四分管区住房和城乡建设局。\n"
            "区政府党组成员王五协助区长联系区统计局。\n")
    assert fact in facts(text, "news.txt")


# Duties as numbered items under a header; party committee members (镇党委委员).
TOWN = """北镇人民政府关于镇领导班子成员工作分工的通知

各村（社区），镇属各单位：

镇党委副书记、镇长王五：主持镇政府全面工作，负责财政、审计工作。

镇党委委员、副镇长李六：
（一）负责农业农村、水利工作；
（二）分管镇农业综合服务中心、镇水利站；
（三）联系镇派出所。

北镇人民政府
2023年6月1日
"""


@pytest.mark.parametrize("fact", [
    ("任职", "王五", "镇党委", "镇党委副书记"),
    ("任职", "王五", "镇政府", "镇长"),
    ("主持", "王五", "镇政府", ""),
    ("任职", "李六", "镇党委", "镇党委委员"),
    ("任职", "李六", "镇政府", "副镇长"),
    ("负责", "李六", "水利", ""),
    ("分管", "李六", "镇水利站", ""),
    ("联系", "李六", "镇派出所", ""),
])
def test_numbered_duties_under_a_header(fact: tuple) -> None:
    assert fact in facts(TOWN)


# Names with a dot, and names whose family name is not in our list when the form sets
# them apart ("副盟长宝力德，分管…"); a leader we cannot name takes no one's duties.
@pytest.mark.parametrize("text,fact,absent", [
    ("沙漠盟行政公署领导分工\n盟长巴特尔主持行署全面工作。\n副盟长斯琴·巴雅尔分管盟农牧局、盟林草局。\n副盟长宝力德，分管盟教育局。\n",
     ("分管", "宝力德", "盟教育局", ""), ("分管", "斯琴·巴雅尔", "盟教育局", "")),
    ("沙漠盟行政公署领导分工\n副盟长斯琴·巴雅尔分管盟农牧局。\n", ("任职", "斯琴·巴雅尔", "盟行政公署", "副盟长"), None),
    ("沙漠盟行政公署领导分工\n副盟长王五分管盟农牧局。\n副盟长宝力德分管盟教育局。\n",
     ("分管", "王五", "盟农牧局", ""), ("分管", "王五", "盟教育局", "")),
])
def test_names_in_prose_without_known_family_names(text: str, fact: tuple, absent: tuple | None) -> None:
    got = facts(text, "news.txt")
    assert fact in got
    assert absent not in got


@pytest.mark.parametrize("text,fact,absent", [
    ("丙市人民政府关于调整市政府领导同志工作分工的通知\n各县（区）人民政府，市直各部门：\n"
     "一、副市长王五同志不再分管市教育局，改为分管市民政局。\n二、副市长李四同志增加分管市教育局、市体育局。\n",
     ("分管", "王五", "市民政局", ""), ("分管", "王五", "市教育局", "")),
    ("丙市人民政府关于调整市政府领导同志工作分工的通知\n各县（区）人民政府，市直各部门：\n"
     "一、副市长王五同志不再分管市教育局，改为分管市民政局。\n二、副市长李四同志增加分管市教育局、市体育局。\n",
     ("分管", "李四", "市教育局", ""), ("分管", "李四", "市民政局", "")),
    ("丁县人民政府领导班子成员分工表\n序号 姓名 职务 分工\n1 张 三 县长 主持县政府全面工作，分管县审计局。\n"
     "2 副县长 王五 分管县教育局；联系县科协。\n", ("联系", "王五", "县科协", ""), ("分管", "张三", "县教育局", "")),
    ("丁县人民政府领导班子成员分工表\n序号 姓名 职务 分工\n1 张 三 县长 主持县政府全面工作，分管县审计局。\n",
     ("主持", "张三", "县政府", ""), ("任职", "姓名", "县政府", "县长")),
])
def test_adjustments_and_table_rows(text: str, fact: tuple, absent: tuple) -> None:
    got = facts(text)
    assert fact in got
    assert absent not in got


def test_group_roles_and_sentences_of_other_subjects() -> None:
    text = ("乙旗政府领导分工公布\n详情如下:\n"
            "钱九旗政府党组成员，旗乡村振兴领导小组副组长，分管乡村振兴工作。\n"
            "旗乡村振兴领导小组下设办公室，负责日常工作。\n")
    got = facts(text, "news.txt")
    assert ("成员", "钱九", "旗乡村振兴领导小组", "副组长") in got
    assert ("分管", "钱九", "乡村振兴", "") in got
    assert not any(f[0] == "负责" for f in got)


# Traditional script, a name alone above a title alone, a title in brackets after a name.
LINES = """某省政府新一屆領導分工公布
分工情況如下:
馬一
省長
主持省政府全面工作。負責審計工作。
林二（常務副省長）
負責發展改革、財政方面工作。
"""


@pytest.mark.parametrize("fact", [
    ("任职", "馬一", "省政府", "省长"),
    ("主持", "馬一", "省政府", ""),
    ("负责", "馬一", "审计", ""),
    ("任职", "林二", "省政府", "常务副省长"),
    ("负责", "林二", "发展改革", ""),
    ("负责", "林二", "财政", ""),
])
def test_name_and_title_on_lines_of_their_own(fact: tuple) -> None:
    got = {(r, s, to_simplified(o), to_simplified(x)) for r, s, o, x in facts(LINES, "news.txt")}
    assert fact in got
    assert not any(f[1] == "馬一" and f[2] in ("发展改革", "财政") for f in got)


@pytest.mark.parametrize("text,fact", [
    ("巳市政府分工出炉。副市长王五将分管市教育局，也联系市科协。\n", ("分管", "王五", "市教育局", "")),
    ("巳市政府分工出炉。副市长王五将分管市教育局，也联系市科协。\n", ("联系", "王五", "市科协", "")),
])
def test_openers_that_also_end_lists(text: str, fact: tuple) -> None:
    assert fact in facts(text, "news.txt")


@pytest.mark.parametrize("line,fact", [
    ("冯八副市长(挂职),协助分管科技工作。", ("协助分管", "冯八", "科技", "")),
    ("冯八副市长(挂职),协助分管科技工作。", ("任职", "冯八", "市政府", "副市长")),
    ("郑七副市长兼秘书长,分管市政府办公室。", ("任职", "郑七", "市政府", "秘书长")),
    ("孙四市政府党组副书记,兼任市公安局局长。", ("任职", "孙四", "市公安局", "局长")),
])
def test_name_first_lines_with_notes_and_second_posts(line: str, fact: tuple) -> None:
    text = f"某市政府领导分工调整\n详情如下:\n赵三市长,主持市政府全面工作。\n{line}\n"
    assert fact in facts(text, "news.txt")


# A temporary adjustment in traditional script with half-width punctuation and indented
# paragraphs; prose with connectives between clauses.
ADJUSTED = """某省人民政府關於臨時調整省政府領導同志分工的通知

各市、縣人民政府,省政府各部門:

  因工作需要,現對省政府領導同志分工作臨時調整:

  副省長周一同志,增加分管省民政廳、省司法廳。聯繫省殘聯、省僑聯。

  副省長吳二同志,臨時代管省交通運輸廳。

  副省長鄭三同志,增加分管安全生產工作。不再聯繫省科協。

  其他領導同志分工不變。

  某省人民政府

  2019年3月2日
"""


@pytest.mark.parametrize("fact", [
    ("任职", "周一", "省政府", "副省长"),
    ("分管", "周一", "省民政厅", ""),
    ("联系", "周一", "省侨联", ""),
    ("分管", "吳二", "省交通运输厅", ""),
    ("分管", "鄭三", "安全生产", ""),
])
def test_traditional_adjustment_notice(fact: tuple) -> None:
    got = {(r, s, to_simplified(o), to_simplified(x)) for r, s, o, x in facts(ADJUSTED)}
    assert fact in got
    assert not any("科协" in f[2] and not f[0].startswith("不再") for f in got)  # released, not given
    assert not any("分工" in w for w in warnings(ADJUSTED))


def test_connective_clauses_are_no_items() -> None:
    text = ("某市政府明确新一届领导分工。朱三副市长负责农业农村、水利等工作，同时，他还分管市农业农村局，以及市水利局。"
            "秦四副市长除了负责工业和信息化，还分管商务、外事等。\n")
    got = facts(text, "news.txt")
    assert ("分管", "朱三", "市水利局", "") in got
    assert ("分管", "秦四", "外事", "") in got
    assert not any(f[2] in ("同时", "他还") for f in got)


@pytest.mark.parametrize("doc,name", [
    (ZHOU, "notice.txt"), (QI, "news.txt"), (XIAN, "news.txt"), (SHENG, "news.txt"), (NUMBERED, "notice.txt"),
    (TOWN, "notice.txt"),
])
def test_traditional_script_reads_the_same(doc: str, name: str) -> None:
    """Every form above, in traditional characters: the same facts (names as written)."""
    import opencc

    def simplified(fs: set[tuple]) -> set[tuple]:
        return {tuple(to_simplified(x) for x in f) for f in fs}

    assert simplified(facts(opencc.OpenCC("s2t").convert(doc), name)) == simplified(facts(doc, name))


@pytest.mark.parametrize("doc,name", [
    (ZHOU, "notice.txt"), (XIAN, "news.txt"), (SHENG, "news.txt"), (NUMBERED, "notice.txt"), (TOWN, "notice.txt"),
])
def test_half_width_punctuation_reads_the_same(doc: str, name: str) -> None:
    half = doc.translate(str.maketrans({"，": ",", "：": ":", "（": "(", "）": ")", "；": ";"}))
    assert facts(half, name) == facts(doc, name)


@pytest.mark.parametrize("title,doc_type", [
    ("甲州人民政府关于调整州长副州长工作分工的通知", "work_division"),
    ("乙旗人民政府关于旗长副旗长工作分工的通知", "work_division"),
    ("关于调整省政府领导同志分工的通知", "work_division"),
    ("關於縣人民政府領導成員工作分工的通知", "work_division"),
    ("丙镇人民政府关于镇领导班子成员工作分工的通知", "work_division"),
    ("关于调整市防汛抗旱指挥部成员及分工的通知", "task_force"),
    ("关于调整县乡村振兴领导小组成员及工作分工的通知", "task_force"),
    ("关于印发重点工作任务分工方案的通知", "task_allocation"),
])
def test_classify_division_titles(title: str, doc_type: str) -> None:
    assert classify(title) == doc_type


def test_classify_news_without_a_division_title() -> None:
    body = "马一\n省长，主持省政府全面工作。\n林二\n常务副省长，负责发展改革工作。\n许三\n副省长，负责教育工作。\n"
    assert classify("某报道", body) == "work_division"


# ---------------------------------------------------------------- posts read against the document

def _government(lvl: str, place: str = "甲") -> str:
    """The home government named in full (SCHEMA §2): 甲县人民政府, 甲盟行政公署."""
    return f"{place}{lvl}行政公署" if lvl == "盟" else f"{place}{lvl}人民政府"


def _prose(lvl: str, sentence: str) -> str:
    return (f"甲{lvl}政府领导分工调整\n\n来源：甲{lvl}融媒体中心\n\n"
            f"近日，甲{lvl}政府领导班子成员分工作出调整。{sentence}\n\n各部门要按照分工抓好落实。\n")


@pytest.mark.parametrize("lvl", ["省", "市", "州", "县", "区", "旗", "盟"])
@pytest.mark.parametrize("head,name,comma", [
    ("副{l}长、{l}公安局局长", "王五", "，"),   # the leader's title first, a body's post after it
    ("副{l}长、{l}公安局局长", "王 五", ","),   # a spaced name, half-width comma
    ("副 {l} 长、{l}公安局局长", "王五", "，"),  # a spaced title
])
def test_prose_leader_title_before_another_post(lvl: str, head: str, name: str, comma: str) -> None:
    got = facts(_prose(lvl, f"{head.format(l=lvl)}{name}负责公安、司法工作{comma}分管{lvl}公安局、{lvl}司法局。"), "news.txt")
    assert {("任职", "王五", _government(lvl), f"副{lvl}长"), ("任职", "王五", f"{lvl}公安局", "局长"),
            ("负责", "王五", "公安", ""), ("负责", "王五", "司法", ""),
            ("分管", "王五", f"{lvl}公安局", ""), ("分管", "王五", f"{lvl}司法局", "")} <= got


@pytest.mark.parametrize("lvl,party", [("市", "市委"), ("县", "县委"), ("区", "区委"), ("旗", "旗委"), ("州", "州委")])
@pytest.mark.parametrize("title", ["常务副{l}长  ", "常务副{l}长", "常 务 副 {l} 长 "])
def test_prose_party_post_then_spaced_title(lvl: str, party: str, title: str) -> None:
    got = facts(_prose(lvl, f"{party}常委、{title.format(l=lvl)}李四负责{lvl}政府常务工作，分管{lvl}财政局。"), "news.txt")
    assert {("任职", "李四", party, f"{party}常委"), ("任职", "李四", _government(lvl), f"常务副{lvl}长"),
            ("负责", "李四", "常务工作", ""), ("分管", "李四", f"{lvl}财政局", "")} <= got


@pytest.mark.parametrize("lvl", ["市", "县", "区", "旗"])
@pytest.mark.parametrize("comma", ["，", ","])
def test_prose_heads_of_an_office(lvl: str, comma: str) -> None:
    office = f"{lvl}政府办公室"
    got = facts(_prose(lvl, f"{office}主任王五同志主持全面工作{comma}副主任李四同志分管文秘科、信息科。"), "news.txt")
    assert {("任职", "王五", office, "主任"), ("主持", "王五", office, ""), ("任职", "李四", office, "副主任"),
            ("分管", "李四", "文秘科", ""), ("分管", "李四", "信息科", "")} <= got
    assert not any(f[0] == "成员" for f in got)  # a government's office is no coordinating body
    assert not any(f[1] == "王五" and f[2] in ("文秘科", "信息科") for f in got)


def _town_notice(lvl: str, lines: list[str], issuer: str = "") -> str:
    issuer = issuer or f"甲{lvl}人民政府"
    body = "\n".join(lines)
    return (f"{issuer}关于领导班子成员工作分工的通知\n\n各村（社区），{lvl}直各单位：\n\n"
            f"现将{lvl}领导班子成员工作分工通知如下：\n\n{body}\n\n{issuer}\n\n2024年3月1日\n")


@pytest.mark.parametrize("lvl", ["乡", "镇"])
@pytest.mark.parametrize("colon", ["：", ":"])
def test_township_posts_written_without_their_place(lvl: str, colon: str) -> None:
    party = f"{lvl}党委"
    got = facts(_town_notice(lvl, [
        f"党委书记赵一{colon}主持{lvl}党委全面工作。",
        f"党委副书记、{lvl}长钱二{colon}主持全面工作，分管财政所。",
        f"人大主席孙三{colon}负责人大工作。",
        f"纪委书记周四{colon}负责纪检监察工作。",
        f"武装部长吴五{colon}负责武装、征兵工作。",
        f"组织委员郑六{colon}负责组织、人事工作。",
    ]))
    assert {("任职", "赵一", party, "党委书记"), ("主持", "赵一", party, ""),
            ("任职", "钱二", party, "党委副书记"), ("任职", "钱二", _government(lvl), f"{lvl}长"),
            ("主持", "钱二", _government(lvl), ""), ("分管", "钱二", "财政所", ""),
            ("任职", "孙三", f"{lvl}人大主席团", "人大主席"), ("任职", "周四", f"{lvl}纪委", "纪委书记"),
            ("任职", "吴五", f"{lvl}人民武装部", "武装部长"), ("负责", "吴五", "征兵", ""),
            ("任职", "郑六", party, "组织委员"), ("负责", "郑六", "人事", "")} <= got


@pytest.mark.parametrize("lvl,issuer", [("镇", "中共甲镇委员会"), ("乡", "中共甲乡委员会"), ("镇", "甲镇人民政府")])
def test_township_numbered_posts_then_spaced_name(lvl: str, issuer: str) -> None:
    got = facts(_town_notice(lvl, [
        "一、党委书记  赵 一", f"主持{lvl}党委全面工作。",
        f"二、党委副书记、{lvl}长  钱 二", "主持全面工作，负责财政工作。",
        "三、党委委员、武装部长  吴 五", "负责武装工作。",
    ], issuer))
    assert {("任职", "赵一", f"{lvl}党委", "党委书记"), ("任职", "钱二", f"{lvl}党委", "党委副书记"),
            ("任职", "钱二", _government(lvl), f"{lvl}长"), ("主持", "钱二", _government(lvl), ""),
            ("任职", "吴五", f"{lvl}党委", "党委委员"), ("任职", "吴五", f"{lvl}人民武装部", "武装部长")} <= got


def test_street_posts_go_to_its_party_working_committee() -> None:
    got = facts(_town_notice("街道", ["党工委书记赵一：主持街道党工委全面工作。", "党工委副书记钱二：负责党建工作。",
                                       "武装部长吴五：负责武装工作。"], "甲街道办事处"))
    assert {("任职", "赵一", "街道党工委", "党工委书记"), ("任职", "钱二", "街道党工委", "党工委副书记"),
            ("任职", "吴五", "街道人民武装部", "武装部长")} <= got


@pytest.mark.parametrize("lvl", ["县", "市", "区"])
def test_posts_without_a_place_above_townships_name_no_body(lvl: str) -> None:
    """"武装部长" in a county's notice: the body is not the township's, and not named here."""
    got = facts(_town_notice(lvl, ["武装部长吴五：负责武装工作。", f"副{lvl}长钱二：分管{lvl}财政局。"]))
    assert ("负责", "吴五", "武装", "") in got
    assert not any(f[0] == "任职" and f[1] == "吴五" for f in got)
    assert ("任职", "钱二", _government(lvl), f"副{lvl}长") in got


@pytest.mark.parametrize("lvl", ["省", "市", "县", "区", "旗"])
@pytest.mark.parametrize("comma", ["，", ","])
def test_release_then_handed_to_another(lvl: str, comma: str) -> None:
    text = (f"甲{lvl}人民政府关于调整{lvl}政府领导工作分工的通知\n\n甲政发〔2024〕3号\n\n各有关单位：\n\n"
            f"因工作需要，现对{lvl}政府领导工作分工调整如下：\n\n"
            f"王五同志不再分管{lvl}教育局{comma}改由李四同志分管。\n\n"
            f"原由赵六同志分管的{lvl}卫生健康局调整由钱七同志分管。\n\n"
            f"{lvl}医疗保障局由孙八同志负责。\n\n甲{lvl}人民政府\n\n2024年5月1日\n")
    got = facts(text)
    assert {("分管", "李四", f"{lvl}教育局", ""), ("分管", "钱七", f"{lvl}卫生健康局", ""),
            ("负责", "孙八", f"{lvl}医疗保障局", "")} <= got
    assert not any(f[1] in ("王五", "赵六") and f[0] == "分管" for f in got)


@pytest.mark.parametrize("doc", [
    _town_notice("镇", ["党委书记赵一：主持镇党委全面工作。", "党委副书记、镇长钱二：主持全面工作。", "人大主席孙三：负责人大工作。"]),
    _prose("县", "副县长、县公安局局长王五负责公安工作。县政府办公室主任李四主持全面工作，副主任赵六分管信息科。"),
])
def test_posts_against_the_document_in_traditional_script(doc: str) -> None:
    import opencc

    def simplified(fs: set[tuple]) -> set[tuple]:
        return {tuple(to_simplified(x) for x in f) for f in fs}

    name = "notice.txt" if "通知" in doc else "news.txt"
    assert simplified(facts(opencc.OpenCC("s2t").convert(doc), name)) == simplified(facts(doc, name))


@pytest.mark.parametrize("texts,place", [
    (("甲县人民政府",), "甲县"), (("中共乙镇委员会",), "乙镇"), (("丙街道办事处",), "丙街道"),
    (("丁盟行政公署",), "丁盟"), (("戊布依族苗族自治州人民政府",), "戊布依族苗族自治州"),
    ((None, "己市市政府领导工作分工公布"), "己市"), (("庚市庚区人民政府",), "庚市庚区"),
    (("辛縣人民政府",), "辛县"), ((None, "关于镇领导班子成员分工的通知"), None),
    # a news title opening with its place alone
    ((None, "壬区召开区政府全体会议"), "壬区"), ((None, "癸镇调整领导班子成员分工"), "癸镇"),
    ((None, "子鄉調整領導班子成員分工"), "子乡"), ((None, "全市召开会议"), None), ((None, "关于甲县的通知"), None),
])
def test_home_place_of_a_document(texts: tuple, place: str | None) -> None:
    from extract.posts import home_place
    assert home_place(*texts) == place


@pytest.mark.parametrize("org,place,full", [
    ("县政府", "甲县", "甲县人民政府"), ("县人民政府", "甲县", "甲县人民政府"), ("州政府", "乙自治州", "乙自治州人民政府"),
    ("自治区政府", "丙自治区", "丙自治区人民政府"), ("盟行政公署", "丁盟", "丁盟行政公署"),
    ("镇政府", "戊镇", "戊镇人民政府"), ("街道办事处", "己街道", "己街道办事处"),
    ("区政府", "丙自治区", "区政府"), ("县政府", "庚市", "县政府"), ("县财政局", "甲县", "县财政局"),
])
def test_home_government_and_its_alias(org: str, place: str, full: str) -> None:
    from extract.posts import home_government
    assert home_government(org, place) == full
    if full != org:
        assert bare_government(full) == org.replace("人民政府", "政府")


@pytest.mark.parametrize("post,place,body", [
    ("党委书记", "甲镇", "镇党委"), ("党委副书记", "甲乡", "乡党委"), ("党委委员", "甲镇", "镇党委"),
    ("组织委员", "甲乡", "乡党委"), ("宣传委员", "甲镇", "镇党委"), ("人大主席", "甲镇", "镇人大主席团"),
    ("人大副主席", "甲乡", "乡人大主席团"), ("纪委书记", "甲镇", "镇纪委"), ("武装部长", "甲乡", "乡人民武装部"),
    ("武装部部长", "甲镇", "镇人民武装部"), ("党工委书记", "甲街道", "街道党工委"),
    ("武装部长", "甲县", None), ("党委书记", "甲市", None), ("党委书记", None, None), ("镇长", "甲镇", None),
])
def test_posts_written_without_their_place(post: str, place: str | None, body: str | None) -> None:
    from extract.posts import place_post
    assert place_post(post, place) == body


@pytest.mark.parametrize("lvl", ["乡", "镇"])
@pytest.mark.parametrize("sep", ["，", ","])
def test_township_news_reads_posts_against_its_title(lvl: str, sep: str) -> None:
    text = (f"甲{lvl}调整领导班子成员分工\n\n来源：甲{lvl}融媒体中心\n\n近日，甲{lvl}党委召开会议{sep}明确班子成员分工。"
            f"党委书记赵一主持{lvl}党委全面工作。党委副书记、{lvl}长钱二主持{lvl}政府全面工作{sep}分管财政所。"
            f"武装部长吴五负责武装工作。\n\n会议要求，班子成员要各司其职。\n")
    got = facts(text, "news.txt")
    assert {("任职", "赵一", f"{lvl}党委", "党委书记"), ("主持", "赵一", f"{lvl}党委", ""),
            ("任职", "钱二", f"{lvl}党委", "党委副书记"), ("任职", "钱二", _government(lvl), f"{lvl}长"),
            ("主持", "钱二", _government(lvl), ""), ("分管", "钱二", "财政所", ""),
            ("任职", "吴五", f"{lvl}人民武装部", "武装部长")} <= got


# A 街道办事处's own notice writes its heads' titles alone ("主任 黄一：", "副主任 陈 二:"), as a
# 自治区's writes 主席: the posts are the 办事处's.
@pytest.mark.parametrize("place", ["甲市乙区丙街街道办事处", "丁县戊街道办事处"])
@pytest.mark.parametrize("colon,semi,stop", [("：", "；", "。"), (":", ";", "."), ("：", ";", "。")])
def test_subdistrict_heads_titled_alone(place: str, colon: str, semi: str, stop: str) -> None:
    text = (f"{place}关于班子成员工作分工的通知\n\n各科室、各社区{colon}\n"
            f"经街道党工委会议研究，现将班子成员工作分工通知如下{colon}\n\n"
            f"主任 黄一{colon}主持街道办事处全面工作{semi}分管街道经济发展办公室{stop}\n"
            f"副主任 陈 二{colon}负责社区治理工作{semi}联系东山社区{stop}\n\n{place}\n2024年9月15日\n")
    got = facts(text)
    assert ("任职", "黄一", place, "主任") in got
    assert ("任职", "陈二", place, "副主任") in got
    assert ("主持", "黄一", place, "") in got
    assert ("分管", "黄一", "街道经济发展办公室", "") in got
    assert ("联系", "陈二", "东山社区", "") in got


def test_head_titled_alone_is_a_subdistricts_only() -> None:
    """"主任" alone in a county's notice is no post of its government."""
    text = ("己县人民政府关于县长副县长工作分工的通知\n\n各乡镇人民政府：\n\n"
            "副县长 庚一：分管县财政局。\n主任 辛二：负责县政府办公室工作。\n")
    got = facts(text)
    assert ("任职", "庚一", "县政府", "副县长") in got
    assert not any(f[0] == "任职" and f[1] == "辛二" and f[2] in ("县政府", "己县人民政府") for f in got)


# forms of set I
# A meeting's news adjusting the division: "并协助{head}分管…" after another duty; 并 opens no name.
@pytest.mark.parametrize("level,head,deputy", [("市", "市长", "副市长"), ("州", "州长", "副州长"),
                                               ("旗", "旗长", "副旗长"), ("盟", "盟长", "副盟长"),
                                               ("县", "县长", "副县长"), ("省", "省长", "副省长")])
@pytest.mark.parametrize("comma", ["，", ","])
def test_and_assists_the_head_after_a_duty(level: str, head: str, deputy: str, comma: str) -> None:
    text = (f"甲{level}政府召开常务会议 调整{level}政府领导班子成员工作分工\n"
            f"会议明确{comma}对{level}政府领导班子成员工作分工作如下调整：{deputy}柯小川同志增加联系"
            f"某某海关{comma}并协助{head}分管{level}审计局；{deputy}严东升同志负责招商引资工作{comma}"
            f"分管{level}投资促进局。\n")
    got = facts(text, "news.txt")
    for f in [("联系", "柯小川", "某某海关", ""), ("协助分管", "柯小川", f"{level}审计局", ""),
              ("负责", "严东升", "招商引资", ""), ("分管", "严东升", f"{level}投资促进局", "")]:
        assert f in got, f
    assert not any(f[1].startswith("并") for f in got)
    assert ("分管", "柯小川", f"{level}审计局", "") not in got


# An adjustment notice's numbered items "一、王五同志增加负责…，增加分管A、B。", "二、…同志不再
# 负责…，不再分管A；增加分管C。", "三、…同志不再分管D。": the name set apart by 同志; 增加分管
# is 分管, 不再分管 gives no fact (SCHEMA §3).
@pytest.mark.parametrize("issuer,lvl", [("甲市人民政府办公室", "市"), ("乙自治州人民政府办公室", "州"),
                                        ("丙旗人民政府办公室", "旗"), ("丁县人民政府办公室", "县"),
                                        ("戊盟行政公署办公室", "盟")])
@pytest.mark.parametrize("mark", ["一、", "（一）", "1."])
@pytest.mark.parametrize("comma", ["，", ","])
def test_adjustment_items_name_with_honorific(issuer: str, lvl: str, mark: str, comma: str) -> None:
    n = [mark.replace("一", k).replace("1", d) for k, d in (("一", "1"), ("二", "2"), ("三", "3"))]
    text = (f"{issuer}关于调整{lvl}政府领导工作分工的通知\n\n甲政办发〔2024〕31号\n\n各有关单位：\n\n"
            f"因工作需要，对{lvl}政府领导同志工作分工作如下调整：\n\n"
            f"{n[0]}柯小川同志增加负责卫生健康、医疗保障方面工作{comma}增加分管{lvl}卫生健康委、{lvl}医保局。\n\n"
            f"{n[1]}阿依努尔·吐尔逊同志不再负责卫生健康方面工作{comma}不再分管{lvl}卫生健康委；"
            f"增加分管{lvl}统计局。\n\n{n[2]}严 东 升同志不再分管{lvl}统计局。\n\n其他领导同志工作分工不变。\n")
    got = facts(text)
    for f in [("负责", "柯小川", "卫生健康", ""), ("负责", "柯小川", "医疗保障", ""),
              ("分管", "柯小川", f"{lvl}卫生健康委", ""), ("分管", "柯小川", f"{lvl}医保局", ""),
              ("分管", "阿依努尔·吐尔逊", f"{lvl}统计局", "")]:
        assert f in got, f
    # what is released is no duty, only its release (不再负责/不再分管, which the timeline ends)
    assert not any(f[1] == "阿依努尔·吐尔逊" and f[2] in ("卫生健康", f"{lvl}卫生健康委")
                   and not f[0].startswith("不再") for f in got)
    assert ("不再分管", "阿依努尔·吐尔逊", f"{lvl}卫生健康委", "") in got
    assert {f[0] for f in got if f[1] == "严东升"} == {"不再分管"}
    assert not any(f[1].endswith("同志") for f in got)


# A numbered leader line whose name opens with a family name that is also a word (向, 由): the
# line sets the name apart.
@pytest.mark.parametrize("issuer,title", [("甲自治州人民政府", "常务副州长"), ("乙市人民政府", "副市长"),
                                          ("丙旗人民政府", "副旗长"), ("丁省人民政府", "副省长")])
@pytest.mark.parametrize("name", ["向红川", "位小川", "向 东"])
def test_numbered_line_name_opening_with_a_word(issuer: str, title: str, name: str) -> None:
    text = (f"{issuer}关于领导工作分工的通知\n\n各有关单位：\n现将工作分工通知如下：\n\n"
            f"一、{name} {title}\n负责财政、审计方面工作。\n分管某某财政局。\n")
    got = facts(text)
    who = name.replace(" ", "")
    assert ("任职", who, issuer, title) in got
    assert ("负责", who, "财政", "") in got and ("分管", who, "某某财政局", "") in got


# A closing remark on who stands in ("…外出或休假期间，其分管工作由…代为负责") is read as no
# division of work and not reported as a line not understood.
@pytest.mark.parametrize("issuer,lvl", [("甲市人民政府", "市"), ("乙自治州人民政府", "州"), ("丙旗人民政府", "旗")])
@pytest.mark.parametrize("remark", [
    "{lvl}政府领导同志因公外出或休假期间，其分管工作原则上由{lvl}长指定其他领导同志代为负责。",
    "副{lvl}长外出期间,其分管工作由{lvl}长临时指定人员负责."])
def test_stand_in_remark_is_no_unread_line(issuer: str, lvl: str, remark: str) -> None:
    text = (f"{issuer}关于领导工作分工的通知\n\n各有关单位：\n现将工作分工通知如下：\n\n"
            f"一、严东升 副{lvl}长\n负责财政工作。\n分管某某财政局。\n\n{remark.format(lvl=lvl)}\n")
    assert not any("not understood" in w for w in warnings(text))
    got = facts(text)
    assert ("分管", "严东升", "某某财政局", "") in got
    assert not any(f[0] == "负责" and f[2] != "财政" for f in got)


@pytest.mark.parametrize("rest", ["因工作变动", "不再担任", "同志", "、"])
def test_header_rest_no_post_reads_is_no_place_and_no_error(rest: str) -> None:
    """A header's rest the post grammar reads nothing of (an adjustment's words after a
    comma) is no one-character place's body, and reading it raises nothing (an extractor
    failed on it once with an IndexError)."""
    from extract.extractors.work_division import _one_char_place

    assert _one_char_place(rest) is False


# A news report whose leaders carry the title their level writes without its level word
# ("副主席王五负责…" under a 自治区's title, "副专员…" for a 地区, "副主任…" for a 街道): read where
# the document's place is of that level, and only there.
@pytest.mark.parametrize("place,gov,head,deputy", [
    ("甲自治区", "甲自治区人民政府", "主席", "副主席"), ("自治区", "自治区人民政府", "主席", "副主席"),
    ("乙地区", "乙地区行政公署", "专员", "副专员"), ("丙街道", "丙街道办事处", "主任", "副主任"),
])
@pytest.mark.parametrize("sep", ["，", ","])
@pytest.mark.parametrize("name,who", [("严东升", "严东升"), ("林 东", "林东")])
def test_news_own_titles_in_prose(place: str, gov: str, head: str, deputy: str, sep: str,
                                  name: str, who: str) -> None:
    title = gov.removeprefix(place.removesuffix("自治区").removesuffix("地区").removesuffix("街道"))
    text = (f"{place}召开会议 确定{title}领导分工\n"
            f"　　本报讯 会议确定了新的分工。{head}马一鸣主持全面工作{sep}分管审计工作。\n"
            f"　　常务{deputy}{name}负责常务工作{sep}分管财政、统计工作。\n"
            f"　　{deputy}韦二负责教育、文化工作{sep}联系甲大学。\n")
    got = facts(text, "news.txt")
    for fact in [("分管", who, "财政", ""), ("分管", who, "统计", ""), ("负责", who, "常务工作", ""),
                 ("负责", "韦二", "教育", ""), ("联系", "韦二", "甲大学", "")]:
        assert fact in got, (fact, got)
    assert not any(f[1] == "马一鸣" and f[2] in ("财政", "教育") for f in got)


# Elsewhere a bare 副主任 is no post in the government: a 市's report gives 韦二 no 任职 there.
def test_own_titles_need_their_level() -> None:
    text = ("甲市召开会议 确定市政府领导分工\n"
            "　　副主任韦二负责教育工作，联系甲大学。\n")
    assert not any(f[0] == "任职" and f[1] == "韦二" and "政府" in f[2] for f in facts(text, "news.txt"))


# An adjustment reported in prose: "X同志在原分工基础上，增加分管A、B，不再分管C" (the old division
# stands); objects before the leader ("C、D由副X长Y同志分管"), a title written without its level
# word where the title names the level's government alone (行署: 地区, by its 副专员), a dotted
# name; and a clause saying when ("在新任…到任前，") is no item of the list before the leader.
@pytest.mark.parametrize("title,deputy,lvl,gov", [
    ("行署召开专员办公会议 调整行署领导工作分工", "副专员", "地区", "地区行政公署"),
    ("甲市召开常务会议 调整市政府领导分工", "副市长", "市", "甲市人民政府"),
    ("乙旗召开常务会议 调整旗政府领导分工", "副旗长", "旗", "乙旗人民政府"),
    ("丙县召开常务会议 调整县政府领导分工", "副县长", "县", "丙县人民政府"),
])
@pytest.mark.parametrize("basis", ["在原分工基础上", "在原有分工的基础上", "除原分工外"])
@pytest.mark.parametrize("comma", ["，", ","])
@pytest.mark.parametrize("name,who", [("艾山·吐尔逊", "艾山·吐尔逊"), ("严东升", "严东升")])
def test_news_adjustment_on_the_old_division(title: str, deputy: str, lvl: str, gov: str, basis: str,
                                            comma: str, name: str, who: str) -> None:
    text = (f"{title}\n"
            f"　　本报讯 会议确定{comma}{deputy}{name}同志{basis}{comma}增加分管{lvl}民族宗教事务局、"
            f"{lvl}广播电视局{comma}不再分管{lvl}文化局。{lvl}文化局、{lvl}体育局由{deputy}林北同志分管。"
            f"在新任{deputy}到任前{comma}{lvl}交通局由{deputy}林北同志临时代管。\n")
    got = facts(text, "news.txt")
    for fact in [("分管", who, f"{lvl}民族宗教事务局", ""), ("分管", who, f"{lvl}广播电视局", ""),
                 ("分管", "林北", f"{lvl}文化局", ""), ("分管", "林北", f"{lvl}体育局", ""),
                 ("任职", "林北", bare_government(gov), deputy)]:
        assert fact in got, (fact, got)
    assert ("分管", who, f"{lvl}文化局", "") not in got
    assert not any(f[2].startswith("在新任") for f in got), got


# "不再分管A、B" / "不再负责X工作" / "不再联系Y": the end of the leader's duty, as an assertion
# under the release verb (no fact of the division: the scorer and SCHEMA leave it out) whose
# type is the duty's relationship, so that the timeline ends it.
@pytest.mark.parametrize("issuer,lvl,head", [
    ("甲市人民政府", "市", "副市长"), ("乙县人民政府", "县", "副县长"), ("丙旗人民政府", "旗", "副旗长"),
    ("丁自治州人民政府", "州", "副州长"), ("戊镇人民政府", "镇", "副镇长"),
])
@pytest.mark.parametrize("mark", ["一、", "（一）", ""])
@pytest.mark.parametrize("half", [False, True])
def test_releases_end_duties(issuer: str, lvl: str, head: str, mark: str, half: bool) -> None:
    text = (f"{issuer}关于调整{lvl}政府领导工作分工的通知\n\n各有关单位：\n"
            f"　　经研究，对{lvl}政府领导工作分工作如下调整：\n"
            f"　　{mark}严东升同志不再分管{lvl}统计局、{lvl}审计局，不再负责统计方面的工作，不再联系{lvl}税务局。\n"
            f"　　{mark.replace('一', '二')}林北同志增加分管{lvl}统计局。\n")
    if half:
        text = text.translate(str.maketrans("，：（）", ",:()"))
    docs, _ = split_source(SourceText("adj.txt", text))
    assertions, _ = extract_documents(docs)
    got = {(a.rel, a.type, a.s, a.o) for a in assertions if a.extractor == "work_division"}
    assert {("不再分管", "IN_CHARGE_OF", "严东升", f"{lvl}统计局"), ("不再分管", "IN_CHARGE_OF", "严东升", f"{lvl}审计局"),
            ("不再负责", "RESPONSIBLE_FOR", "严东升", "统计"), ("不再联系", "LIAISES_WITH", "严东升", f"{lvl}税务局"),
            ("分管", "IN_CHARGE_OF", "林北", f"{lvl}统计局")} <= got, got
    assert not any(r in ("分管", "负责", "联系") and s == "严东升" for r, _, s, _ in got)


# An adjustment's numbered items naming the leader with the title glued on, the verbs at once:
# "一、王五副市长不再负责A方面工作，不再分管B；增加负责C工作，增加分管D。"
@pytest.mark.parametrize("issuer,lvl,head", [
    ("甲市人民政府", "市", "副市长"), ("乙县人民政府", "县", "常务副县长"), ("丙旗人民政府", "旗", "副旗长"),
    ("丁自治州人民政府", "州", "副州长"), ("戊盟行政公署", "盟", "副盟长"), ("己区人民政府", "区", "副区长"),
])
@pytest.mark.parametrize("mark", ["一、", "（一）", "1."])
@pytest.mark.parametrize("half", [False, True])
def test_adjustment_items_name_with_title_glued(issuer: str, lvl: str, head: str, mark: str, half: bool) -> None:
    second = mark.replace("一", "二").replace("1", "2")
    text = (f"{issuer}关于调整部分{lvl}政府领导同志工作分工的通知\n\n各有关单位：\n"
            f"　　经研究，决定对部分领导同志的工作分工作如下调整：\n"
            f"　　{mark}严东升{head}不再负责卫生健康方面工作，不再分管{lvl}卫生健康委员会；增加负责统计工作，"
            f"增加分管{lvl}统计局。\n"
            f"　　{second}林北{head}增加分管{lvl}卫生健康委员会。\n")
    if half:
        text = text.translate(str.maketrans("，；：（）", ",;:()"))
    got = facts(text)
    for fact in [("负责", "严东升", "统计", ""), ("分管", "严东升", f"{lvl}统计局", ""),
                 ("不再分管", "严东升", f"{lvl}卫生健康委员会", ""), ("不再负责", "严东升", "卫生健康", ""),
                 ("分管", "林北", f"{lvl}卫生健康委员会", ""), ("任职", "林北", bare_government(issuer), head)]:
        assert fact in got, (fact, got)
    assert ("分管", "严东升", f"{lvl}卫生健康委员会", "") not in got
