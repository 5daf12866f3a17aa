"""任免 notices and posts in reports, form by form, on invented names, bodies and places:
verbs (任命/聘任/决定任命, 免去 with and without 的/同志/其), two posts and 代理 posts, people's
congress reports in simplified and traditional script with half-width punctuation, posts
beside names ("县委副书记、县长X主持会议"), X出任Y, and what is not encoded (辞去, 原…)."""

from __future__ import annotations

import pytest

from tests.extract.test_extractors import facts

HALF = str.maketrans({"，": ",", "：": ":", "（": "(", "）": ")", "；": ";", "。": "."})

HEAD = "{place}人民政府关于{who}等职务任免的通知\n\n{abbr}政任〔2024〕5号\n\n各有关单位：\n\n"


def notice(place: str, abbr: str, body: str, who: str = "陈立新") -> str:
    return HEAD.format(place=place, abbr=abbr, who=who) + body + f"\n\n{place}人民政府\n\n2024年3月1日\n"


# ---------------------------------------------------------------------------- notices

@pytest.mark.parametrize("text, expected", [
    # 任命 … （试用期一年）, full-width and half-width
    (notice("丙县", "丙", "经县人民政府研究决定：\n\n任命陈立新为丙县水务局局长（试用期一年）；\n"),
     {("任命", "陈立新", "丙县水务局", "局长", True)}),
    (notice("丙县", "丙", "经县人民政府研究决定:\n\n任命陈立新为丙县水务局局长(试用期一年);\n"),
     {("任命", "陈立新", "丙县水务局", "局长", True)}),
    # several persons, one post; 聘任; 州 level
    (notice("丁州", "丁", "聘任刘一、马二为丁州职业技术学院副院长。\n", "刘一"),
     {("任命", "刘一", "丁州职业技术学院", "副院长", False), ("任命", "马二", "丁州职业技术学院", "副院长", False)}),
    # 决定任命 with two posts, the second an acting one (代理 posts, SCHEMA §7), 旗 level
    (notice("戊旗", "戊", "决定任命钱三为戊旗人民政府副旗长、代理旗长。\n", "钱三"),
     {("任命", "钱三", "戊旗人民政府", "副旗长", False), ("任命", "钱三", "戊旗人民政府", "代理旗长", False)}),
    # a list continuing after 任命：, each its own person and post
    (notice("己市", "己", "任命：\n\n何四为己市统计局局长；\n\n罗五为己市审计局副局长。\n", "何四"),
     {("任命", "何四", "己市统计局", "局长", False), ("任命", "罗五", "己市审计局", "副局长", False)}),
    # 免去 A 的 X 职务 / 免去 A 同志的 X 职务 / 免去 A X 职务 (glued) / 免去其…
    (notice("庚区", "庚", "免去周文的庚区档案馆馆长职务。\n", "周文"),
     {("免去", "周文", "庚区档案馆", "馆长")}),
    (notice("庚区", "庚", "免去周文同志的庚区档案馆馆长职务。\n", "周文"),
     {("免去", "周文", "庚区档案馆", "馆长")}),
    (notice("庚区", "庚", "免去周文庚区档案馆馆长职务。\n", "周文"),
     {("免去", "周文", "庚区档案馆", "馆长")}),
    (notice("辛县", "辛", "任命邱六为辛县图书馆馆长，免去其辛县文化馆馆长职务。\n", "邱六"),
     {("任命", "邱六", "辛县图书馆", "馆长", False), ("免去", "邱六", "辛县文化馆", "馆长")}),
    # 决定免去 … two posts … 的职务
    (notice("壬市", "壬", "决定免去姜七壬市人民政府副市长、市公安局局长的职务。\n", "姜七"),
     {("免去", "姜七", "壬市人民政府", "副市长"), ("免去", "姜七", "市公安局", "局长")}),
    # a note after the post (rank, secondment) is not part of it; a bracketed second title is
    (notice("辰市", "辰", "任命詹八为辰市统计局局长（正处级）；任命詹九为辰市人民政府副市长(挂职)；"
            "任命詹十为辰市妇幼保健中心副主任（副院长）。\n", "詹八"),
     {("任命", "詹八", "辰市统计局", "局长", False), ("任命", "詹九", "辰市人民政府", "副市长", False),
      ("任命", "詹十", "辰市妇幼保健中心", "副主任（副院长）", False)}),
    # 乡 and 镇 levels
    (notice("癸县", "癸", "任命韩八为癸县青山镇人民政府副镇长；免去韩八的癸县白水乡人民政府副乡长职务。\n", "韩八"),
     {("任命", "韩八", "癸县青山镇人民政府", "副镇长", False), ("免去", "韩八", "癸县白水乡人民政府", "副乡长")}),
])
def test_notice_forms(text: str, expected: set) -> None:
    got = facts(text)
    assert expected <= got, expected - got


@pytest.mark.parametrize("text, expected", [
    # "A任X" inside a decision, one a line
    (notice("丑县", "丑", "经县人民政府研究决定：\n\n柳一任丑县财政局局长；\n\n范二任丑县审计局副局长（试用期一年）。\n", "柳一"),
     {("任命", "柳一", "丑县财政局", "局长", False), ("任命", "范二", "丑县审计局", "副局长", True)}),
    # a 任免 notice without 决定: "A任X" lines, "免去其…"
    ("甲市人民政府关于张三等同志职务任免的通知\n\n甲政任〔2024〕1号\n\n各单位：\n\n"
     "张三任甲市财政局局长，免去其甲市审计局局长职务；\n\n李四任甲市审计局局长。\n",
     {("任命", "张三", "甲市财政局", "局长", False), ("免去", "张三", "甲市审计局", "局长"),
      ("任命", "李四", "甲市审计局", "局长", False)}),
    # 任职的通知: "经研究决定，A同志任X"
    ("甲县人民政府关于张三同志任职的通知\n\n甲政任〔2024〕2号\n\n各单位：\n\n经县人民政府研究决定，张三同志任甲县财政局局长。\n",
     {("任命", "张三", "甲县财政局", "局长", False)}),
    # a party notice: one body, three posts, each its own fact
    ("中共甲市委关于张三等同志职务任免的通知\n\n甲委〔2024〕3号\n\n各县委：\n\n"
     "张三同志任中共甲县委员会委员、常委、书记；\n\n免去李四同志的中共甲县委员会书记、常委、委员职务。\n",
     {("任命", "张三", "中共甲县委员会", "书记", False), ("任命", "张三", "中共甲县委员会", "常委", False),
      ("免去", "李四", "中共甲县委员会", "书记"), ("免去", "李四", "中共甲县委员会", "委员")}),
    # a removal list continuing in one sentence
    (notice("寅市", "寅", "免去蒋三的寅市档案馆馆长职务，沈四的寅市文化馆副馆长职务。\n", "蒋三"),
     {("免去", "蒋三", "寅市档案馆", "馆长"), ("免去", "沈四", "寅市文化馆", "副馆长")}),
])
def test_decision_forms(text: str, expected: set) -> None:
    got = facts(text)
    assert expected <= got, expected - got


def test_narrative_posts_are_not_appointments() -> None:
    text = notice("卯市", "卯", "任命贺五为卯市统计局局长。\n\n贺五先后担任卯市审计局副局长、局长。\n", "贺五")
    got = facts(text)
    assert ("任命", "贺五", "卯市统计局", "局长", False) in got
    assert not [f for f in got if f[0] == "任命" and f[2] == "卯市审计局"]


def test_resignation_is_not_encoded() -> None:
    text = notice("子市", "子", "决定接受：\n\n秦九辞去子市人民政府市长职务；\n\n决定免去：\n\n许十子市商务局局长职务。\n", "秦九")
    got = facts(text)
    assert ("免去", "许十", "子市商务局", "局长") in got
    assert not [f for f in got if f[1] == "秦九"]



def _decision(place: str, body: str) -> str:
    """A 任免 notice whose decision lines are indented with full-width spaces, as printed."""
    return notice(place, place[0], "\u3000\u3000经研究决定：\n\n" + body, "柏一凡")


# a decision's lines "A任X，免去其Y职务；": indented, names with no family name (the line fixes
# where the name stands), a name padded with a space, notes in brackets holding a comma, and
# "A不再担任X职务" (a 免去 in a decision, not encoded elsewhere)
@pytest.mark.parametrize("text, expected", [
    (_decision("丑旗", "\u3000\u3000柏一凡任丑旗财政局局长，免去其丑旗农牧局副局长职务；\n"),
     {("任命", "柏一凡", "丑旗财政局", "局长", False), ("免去", "柏一凡", "丑旗农牧局", "副局长")}),
    (_decision("寅盟", "\u3000\u3000其其格任寅盟统计局局长；\n\u3000\u3000巴图孟和任寅盟审计局副局长。\n"),
     {("任命", "其其格", "寅盟统计局", "局长", False), ("任命", "巴图孟和", "寅盟审计局", "副局长", False)}),
    (_decision("卯县", "\u3000\u3000韩 东任卯县审计局局长（试用期一年），免去其卯县水利局局长职务；\n"),
     {("任命", "韩东", "卯县审计局", "局长", True), ("免去", "韩东", "卯县水利局", "局长")}),
    (_decision("辰州", "苗青任辰州商务局副局长（挂职，期限一年）；\n达瓦任辰州文化馆馆长(挂职,期限两年);\n"),
     {("任命", "苗青", "辰州商务局", "副局长", False), ("任命", "达瓦", "辰州文化馆", "馆长", False)}),
    (_decision("巳区", "任命邵一为巳区财政局局长；\n\n\u3000\u3000邵一不再担任巳区审计局局长职务。\n"),
     {("任命", "邵一", "巳区财政局", "局长", False), ("免去", "邵一", "巳区审计局", "局长")}),
    (_decision("午镇", "邵二同志不再兼任午镇农业服务中心主任职务;\n"),
     {("免去", "邵二", "午镇农业服务中心", "主任")}),
    ("未市人民政府關於邵三等同志職務任免的通知\n\n未政人〔2024〕5號\n\n各單位：\n\n"
     "\u3000\u3000經研究決定：\n\n任命邵三為未市財政局局長；\n\n\u3000\u3000邵三同志不再擔任未市審計局局長職務。\n",
     {("任命", "邵三", "未市財政局", "局長", False), ("免去", "邵三", "未市審計局", "局長")}),
    (_decision("申街道", "任命：\n\n其其格  申街道办事处副主任\n"),
     {("任命", "其其格", "申街道办事处", "副主任", False)}),
    # a probation stated in the clause after the post (SCHEMA §7: true when stated)
    (_decision("戌自治州", "聘任柏二、苗三为戌自治州文旅投资有限公司副总经理，试用期一年；\n"
                        "柏四任戌自治州档案馆馆长,试用期一年;\n"),
     {("任命", "柏二", "戌自治州文旅投资有限公司", "副总经理", True),
      ("任命", "苗三", "戌自治州文旅投资有限公司", "副总经理", True),
      ("任命", "柏四", "戌自治州档案馆", "馆长", True)}),
    # "A为X" opening a decision's line (no verb); several names before 任, padded or with 同志
    (_decision("亥县", "柏五为亥县财政局局长；\n\u3000\u3000其其格、苗 六任亥县教育局副局长；\n"
                     "邵七同志、邵八同志任亥县统计局副局长。\n"),
     {("任命", "柏五", "亥县财政局", "局长", False), ("任命", "其其格", "亥县教育局", "副局长", False),
      ("任命", "苗六", "亥县教育局", "副局长", False), ("任命", "邵七", "亥县统计局", "副局长", False),
      ("任命", "邵八", "亥县统计局", "副局长", False)}),
    # 兼任Y / 兼Y after an appointment in the line; a half-width stop closing the line
    (_decision("子乡", "柏九任子乡财政所所长，兼任子乡农业服务中心主任；\n"
                     "任命苗十为子乡文化站站长,兼子乡农技站站长.\n邵一任子乡司法所所长.\n"),
     {("任命", "柏九", "子乡财政所", "所长", False), ("任命", "柏九", "子乡农业服务中心", "主任", False),
      ("任命", "苗十", "子乡文化站", "站长", False), ("任命", "苗十", "子乡农技站", "站长", False),
      ("任命", "邵一", "子乡司法所", "所长", False)}),
    # numbered rows under "一、任命" / "二、免去", with and without 的
    (_decision("丑镇", "一、任命\n1.柏二为丑镇财政所所长；\n二、免去\n1.苗三的丑镇财政所所长职务；\n"
                     "2.邵四丑镇文化站站长职务.\n"),
     {("任命", "柏二", "丑镇财政所", "所长", False), ("免去", "苗三", "丑镇财政所", "所长"),
      ("免去", "邵四", "丑镇文化站", "站长")}),
    # several names removed from one post, with 的 and glued; a note after a name (性别, 民族)
    (_decision("寅区", "免去柏一、苗二的寅区财政局副局长职务；\n免去邵三、苗九寅区审计局副局长职务；\n"
                     "邵四（女，蒙古族）任寅区教育局副局长；\n任命邵五(女)为寅区水利局局长。\n"),
     {("免去", "柏一", "寅区财政局", "副局长"), ("免去", "苗二", "寅区财政局", "副局长"),
      ("免去", "邵三", "寅区审计局", "副局长"), ("免去", "苗九", "寅区审计局", "副局长"),
      ("任命", "邵四", "寅区教育局", "副局长", False), ("任命", "邵五", "寅区水利局", "局长", False)}),
    # rows under a heading that closes a sentence ("经研究，决定任命：")
    (notice("卯盟", "卯", "经研究，决定任命：\n柏六  卯盟财政局局长\n苗七  卯盟审计局副局长（试用期一年）\n"
                        "决定免去：\n邵八  卯盟统计局局长职务\n", "柏六"),
     {("任命", "柏六", "卯盟财政局", "局长", False), ("任命", "苗七", "卯盟审计局", "副局长", True),
      ("免去", "邵八", "卯盟统计局", "局长")}),
    # 分别: names paired with posts in order (none read when the counts differ); 不再担任Y after A任X
    (_decision("巳旗", "任命柏三、苗四分别为巳旗教育局局长、巳旗水利局局长；\n"
                     "邵五、邵六分别任巳旗林业局局长、巳旗草原站站长;\n"
                     "任命邵七、邵八分别为巳旗商务局局长、副局长、巳旗外事办主任；\n"
                     "柏九任巳旗财政局局长，不再担任巳旗审计局局长职务；\n"
                     "任命苗十为巳旗统计局局长,不再兼任巳旗档案馆馆长职务.\n"),
     {("任命", "柏三", "巳旗教育局", "局长", False), ("任命", "苗四", "巳旗水利局", "局长", False),
      ("任命", "邵五", "巳旗林业局", "局长", False), ("任命", "邵六", "巳旗草原站", "站长", False),
      ("任命", "柏九", "巳旗财政局", "局长", False), ("免去", "柏九", "巳旗审计局", "局长"),
      ("任命", "苗十", "巳旗统计局", "局长", False), ("免去", "苗十", "巳旗档案馆", "馆长")}),
    # a word of assent opening the clause (同意A任X, 决定A不再担任X); the number "午政任〔2024〕5号"
    # names no one, so 免去其 finds the person appointed before it
    (notice("午县", "午", "经研究，同意邵一同志任午县财政局局长，免去其午县审计局局长职务。\n"
                        "经研究,决定邵二不再担任午县统计局局长职务.\n", "邵一"),
     {("任命", "邵一", "午县财政局", "局长", False), ("免去", "邵一", "午县审计局", "局长"),
      ("免去", "邵二", "午县统计局", "局长")}),
    # how the post is held, between the name and 任: 挂职 is no part of the name or post
    (_decision("戌旗", "\u3000\u3000苗三同志挂职任戌旗科技局副局长，挂职期两年。\n"),
     {("任命", "苗三", "戌旗科技局", "副局长", False)}),
    (_decision("亥自治州", "达 瓦挂职任州文化馆馆长(期限两年);\n"),
     {("任命", "达瓦", "州文化馆", "馆长", False)}),
    (_decision("甲街道", "苗四同志挂职任街道综合执法队副队长,挂职期一年.\n"),
     {("任命", "苗四", "街道综合执法队", "副队长", False)}),
    # not names: the line after the list
    (_decision("酉县", "柏一凡任酉县财政局局长。\n\n\u3000\u3000以上人员任职时间从2024年3月1日起计算。\n"),
     {("任命", "柏一凡", "酉县财政局", "局长", False)}),
])
def test_decision_lines(text: str, expected: set) -> None:
    got = {f for f in facts(text) if f[0] in ("任命", "免去")}
    assert got == expected, (expected - got, got - expected)


# a 任免 table: a name column and the posts taken up (任职, 拟任职务) or left (免职, 免去职务);
# other columns (性别, 现任职务) not read; spaced or ruled, cells left empty in a ruled one
@pytest.mark.parametrize("table, expected", [
    ("序号  姓名  性别  任职  免职\n1  柏一  男  辰县财政局局长  辰县审计局局长\n"
     "2  其其格  女  辰县教育局副局长（试用期一年）  辰县档案馆馆长职务\n",
     {("任命", "柏一", "辰县财政局", "局长", False), ("免去", "柏一", "辰县审计局", "局长"),
      ("任命", "其其格", "辰县教育局", "副局长", True), ("免去", "其其格", "辰县档案馆", "馆长")}),
    ("| 姓名 | 现任职务 | 拟任职务 | 免去职务 |\n| 苗二 | 辰州水利局副局长 | 辰州财政局局长、辰州国资中心主任 | |\n"
     "| 邵 三 | 辰州统计局局长 | | 辰州统计局局长 |\n",
     {("任命", "苗二", "辰州财政局", "局长", False), ("任命", "苗二", "辰州国资中心", "主任", False),
      ("免去", "邵三", "辰州统计局", "局长")}),
])
def test_decision_tables(table: str, expected: set) -> None:
    got = {f for f in facts(_decision("辰县", "对下列同志职务任免如下：\n\n" + table)) if f[0] in ("任命", "免去")}
    assert got == expected, (expected - got, got - expected)


def test_no_longer_holding_is_not_encoded_outside_a_decision() -> None:
    got = facts("本报讯 邵一今年起不再担任甲市审计局局长职务，专心从事研究工作。", "news.txt")
    assert not [f for f in got if f[1] == "邵一"]


# ---------------------------------------------------------------------------- congress reports

@pytest.mark.parametrize("text, expected", [
    # simplified, full-width
    ("本报讯 甲乙市人大常委会第八次会议通过人事任免事项，任命林一、黄二为甲乙市副市长，免去吴三甲乙市副市长的职务。",
     {("任命", "林一", "甲乙市", "副市长", False), ("任命", "黄二", "甲乙市", "副市长", False),
      ("免去", "吴三", "甲乙市", "副市长")}),
    # traditional script, half-width punctuation: names and posts as the source writes them
    ("【本網訊】 甲乙市人大常委會第八次會議通過人事任免事項,任命林一、黃二為甲乙市副市長,免去吳三甲乙市副市長的職務。",
     {("任命", "林一", "甲乙市", "副市長", False), ("任命", "黃二", "甲乙市", "副市長", False),
      ("免去", "吳三", "甲乙市", "副市長")}),
    # 任命A为X、代理Y; 自治区 level
    ("本报讯 丙丁自治区人大常委会会议决定，任命葛十一为丙丁自治区人民政府副主席、代理主席。",
     {("任命", "葛十一", "丙丁自治区人民政府", "副主席", False),
      ("任命", "葛十一", "丙丁自治区人民政府", "代理主席", False)}),
    # 决定A为X代理市长 (no 任命 verb), 县 level
    ("本报讯 丙县人大常委会第五次会议决定王五为丙县人民政府代理县长。",
     {("任命", "王五", "丙县人民政府", "代理县长", False)}),
    # "（副市长）A代理X市长职务" in a decision
    ("本报讯 甲市人大常委会会议表决决定：甲市人民政府副市长王五代理甲市人民政府市长职务。",
     {("任命", "王五", "甲市人民政府", "代理市长", False)}),
    # the instrument named after the post (关于任命A为X的决定)
    ("本报讯 会议表决通过了关于任命张三为甲市人民政府副市长的决定，关于免去李四甲市人民政府副市长职务的决定。",
     {("任命", "张三", "甲市人民政府", "副市长", False), ("免去", "李四", "甲市人民政府", "副市长")}),
    # 决定任命： then the list in one sentence, 县 level
    ("本报讯 甲县第十八届人大常委会第三次会议决定任命：王一为甲县人民政府副县长；李二为甲县教育体育局局长。",
     {("任命", "王一", "甲县人民政府", "副县长", False), ("任命", "李二", "甲县教育体育局", "局长", False)}),
    # court posts: an inner body of the court named before it; 审判员
    ("本报讯 会议决定任命张三为甲市中级人民法院副院长、审判委员会委员、审判员，免去李四的甲市中级人民法院审判员职务。",
     {("任命", "张三", "甲市中级人民法院", "副院长", False), ("任命", "张三", "甲市中级人民法院", "审判委员会委员", False),
      ("任命", "张三", "甲市中级人民法院", "审判员", False), ("免去", "李四", "甲市中级人民法院", "审判员")}),
])
def test_congress_reports(text: str, expected: set) -> None:
    got = facts(text, "news.txt")
    assert expected <= got, expected - got


# ---------------------------------------------------------------------------- posts beside names

@pytest.mark.parametrize("sentence, expected", [
    # party and government posts, one name, a report verb after it, at every level
    ("县委副书记、县长龚一鸣主持会议并讲话。", {("任职", "龚一鸣", "县委", "县委副书记"), ("任职", "龚一鸣", "县政府", "县长")}),
    ("区委副书记、区长龚一鸣主持会议。", {("任职", "龚一鸣", "区委", "区委副书记"), ("任职", "龚一鸣", "区政府", "区长")}),
    ("旗委副书记、旗长龚一鸣出席会议并讲话。", {("任职", "龚一鸣", "旗委", "旗委副书记"), ("任职", "龚一鸣", "旗政府", "旗长")}),
    ("州委常委、副州长龚一鸣强调。", {("任职", "龚一鸣", "州委", "州委常委"), ("任职", "龚一鸣", "州政府", "副州长")}),
    ("镇党委副书记、镇长龚一鸣参加会议。", {("任职", "龚一鸣", "镇政府", "镇长")}),
    ("市委常委、常务副市长龚一鸣，市委常委、组织部长丁二列席会议。",
     {("任职", "龚一鸣", "市委", "市委常委"), ("任职", "龚一鸣", "市政府", "常务副市长"),
      ("任职", "丁二", "市委", "组织部长")}),
    # a bare post in its own clause
    ("县委副书记卫青山，副县长鲍启，县直相关部门负责人参加会议。",
     {("任职", "卫青山", "县委", "县委副书记"), ("任职", "鲍启", "县政府", "副县长")}),
    # post–name pairs in one list, each its own body
    ("市中级法院院长岑立、市检察院检察长甘柏列席会议。",
     {("任职", "岑立", "市中级法院", "院长"), ("任职", "甘柏", "市检察院", "检察长")}),
    ("省高级人民法院院长岑立,省人民检察院检察长甘柏列席会议。",
     {("任职", "岑立", "省高级人民法院", "院长"), ("任职", "甘柏", "省人民检察院", "检察长")}),
    # a bare post continuing the body named in the same sentence; compound surname; spacing
    ("受丙市人大常委会主任委托，副主任许一主持会议，副主任张二、朱 三，秘书长司徒秋白出席会议。",
     {("任职", "许一", "丙市人大常委会", "副主任"), ("任职", "张二", "丙市人大常委会", "副主任"),
      ("任职", "朱三", "丙市人大常委会", "副主任"), ("任职", "司徒秋白", "丙市人大常委会", "秘书长")}),
    ("市人大常委会主任陈一主持会议，副主任吴二、李三，秘书长沈四及委员出席会议。",
     {("任职", "陈一", "市人大常委会", "主任"), ("任职", "吴二", "市人大常委会", "副主任"),
      ("任职", "李三", "市人大常委会", "副主任"), ("任职", "沈四", "市人大常委会", "秘书长")}),
    # traditional script, half-width comma
    ("縣委副書記、縣長龚一鸣主持會議並講話,副縣長孫海出席。",
     {("任职", "龚一鸣", "縣委", "縣委副書記"), ("任职", "龚一鸣", "县政府", "縣長"), ("任职", "孫海", "县政府", "副縣長")}),
    # what follows the names varies: 汇报, 分别表态发言, 率队, 陪同
    ("市发改局局长吴十汇报了工作，区委书记郑一、区长冯二分别表态发言。",
     {("任职", "吴十", "市发改局", "局长"), ("任职", "郑一", "区委", "区委书记"), ("任职", "冯二", "区政府", "区长")}),
    ("会后，市长李四率队赴开发区调研，市政府秘书长孙八陪同。",
     {("任职", "李四", "市政府", "市长"), ("任职", "孙八", "市政府", "秘书长")}),
    # lead-ins before the list; groups joined by 与
    ("会议由县委副书记、县长龚一鸣主持。", {("任职", "龚一鸣", "县委", "县委副书记"), ("任职", "龚一鸣", "县政府", "县长")}),
    ("出席会议的有：副县长王一、李二。", {("任职", "王一", "县政府", "副县长"), ("任职", "李二", "县政府", "副县长")}),
    ("而省公安厅厅长岳一与省财政厅厅长陈二在会上发言。",
     {("任职", "岳一", "省公安厅", "厅长"), ("任职", "陈二", "省财政厅", "厅长")}),
    # a part of names only joins the group before it (副主任A、B和C)
    ("副县长王一、李二和张三出席会议。",
     {("任职", "王一", "县政府", "副县长"), ("任职", "李二", "县政府", "副县长"), ("任职", "张三", "县政府", "副县长")}),
    ("副旗长王一及李二,参加会议.", {("任职", "王一", "旗政府", "副旗长"), ("任职", "李二", "旗政府", "副旗长")}),
    # a part joined by 与 that does not read is left out; the post beside a name before 升任 holds
    ("会议开得很短；而市财政局局长岳一与某学会会长、理事陈二在升任副市长后，首次亮相。",
     {("任职", "岳一", "市财政局", "局长")}),
    # a party committee written out: the committee word kept in the position (SCHEMA §1)
    ("新当选中共乙省委第九届委员会常委郑五出任常务副省长。",
     {("任职", "郑五", "省委", "省委常委"), ("任职", "郑五", "省政府", "常务副省长")}),
    ("中共丙县委员会副书记、县长钱六主持会议。", {("任职", "钱六", "县委", "县委副书记"), ("任职", "钱六", "县政府", "县长")}),
    ("丁自治区党委常委、自治区副主席孙七出席会议。",
     {("任职", "孙七", "自治区党委", "自治区党委常委"), ("任职", "孙七", "自治区政府", "副主席")}),
    # names written with ·; 盟 level
    ("副州长买买提·艾力出席会议。", {("任职", "买买提·艾力", "州政府", "副州长")}),
    ("盟委委员、副盟长巴特尔·朝鲁出席会议。", {("任职", "巴特尔·朝鲁", "盟行政公署", "副盟长")}),
    # current posts taken: X出任Y, X（去年9月）出任Y; the past post before the name is not encoded
    ("去年8月，原丁市副市长贝一平，出任甲乙投资有限责任公司总裁。",
     {("任职", "贝一平", "甲乙投资有限责任公司", "总裁")}),
    ("原副县长、县公安局长房二生今年3月出任县委常委，但仍以县政府党组成员身份分管交通工作。",
     {("任职", "房二生", "县委", "县委常委"), ("任职", "房二生", "县政府", "党组成员")}),
    ("上月，乙省原副省长黄一新改任省政协主席。", {("任职", "黄一新", "省政协", "主席")}),
])
def test_posts_in_reports(sentence: str, expected: set) -> None:
    got = facts("本报讯（记者 王甲）3月5日，" + sentence, "news.txt")
    assert expected <= got, expected - got


@pytest.mark.parametrize("sentence, name", [
    ("原县委常委、宣传部长房二生已调往外地。", "房二生"),                      # 原…: a past post
    ("林一此前长期在丁区工作，之前担任丁区委书记。", "林一"),  # 之前担任
    ("他此前在县水利局副局长、县农业局局长一职上工作多年。", "一职"),                 # not a name
    ("受丙市人大常委会主任委托，副主任许一主持会议。", "委托"),              # not a name
    ("东坡、西岭两个社区的负责人也到会。", "东坡"),                       # places, not names
    ("2021年5月出任县供销社主任。", "出任"),                            # no one named
    ("市长外出时，由常务副市长主持工作。", "外出时"),                    # not a name: no family name
    ("县政府坚持县长负责制。", "负责制"),
    ("公司董事长郑五表示，将加快建设。", "郑五"),                          # a bare kind of body
    ("该局局长郑五介绍，今年已完成任务。", "郑五"),                        # a body named elsewhere
])
def test_not_posts(sentence: str, name: str) -> None:
    got = facts("本报讯（记者 王甲）3月5日，" + sentence, "news.txt")
    assert not [f for f in got if f[0] == "任职" and (f[1] == name or name in f[2])], got


# ---------------------------------------------------------------------------- padded names, labelled lists

@pytest.mark.parametrize("text, expected", [
    # a two-character name padded with a space ("方 明"), full-width and half-width, 市 level
    (notice("甲市", "甲", "经研究，决定任命：方 明为甲市统计局总统计师；许　亮为甲市审计局副局长。\n", "方明"),
     {("任命", "方明", "甲市统计局", "总统计师", False), ("任命", "许亮", "甲市审计局", "副局长", False)}),
    (notice("乙县", "乙", "经研究,决定任命:方 明为乙县水务局局长(试用期一年);许 亮为乙县林业局副局长。\n", "方明"),
     {("任命", "方明", "乙县水务局", "局长", True), ("任命", "许亮", "乙县林业局", "副局长", False)}),
    # 任命 and 免去 lines, each verb opening its clause, padded names, 旗 level
    (notice("丙旗", "丙", "任命方 明为丙旗商务局副局长；\n免去方 明的丙旗文化馆馆长职务；\n免去许 亮的丙旗商务局副局长职务。\n", "方明"),
     {("任命", "方明", "丙旗商务局", "副局长", False), ("免去", "方明", "丙旗文化馆", "馆长"),
      ("免去", "许亮", "丙旗商务局", "副局长")}),
    # "免去：A的X职务；B的Y、Z职务；C的W职务（退休）": the label, then a list of any length, 区 level
    (notice("丁区", "丁", "免去：方 明的丁区交通运输局副局长职务；许亮的丁区交通运输局局长职务；"
            "严七的丁区人民政府办公室副主任、丁区机关事务服务中心主任职务；柯八的丁区教育局副局长职务（退休）。\n", "方明"),
     {("免去", "方明", "丁区交通运输局", "副局长"), ("免去", "许亮", "丁区交通运输局", "局长"),
      ("免去", "严七", "丁区人民政府办公室", "副主任"), ("免去", "严七", "丁区机关事务服务中心", "主任"),
      ("免去", "柯八", "丁区教育局", "副局长")}),
    # half-width label, 州 level
    (notice("戊州", "戊", "免去:方明的戊州统计局局长职务;许亮的戊州审计局副局长职务;严七的戊州档案馆馆长职务。\n", "方明"),
     {("免去", "方明", "戊州统计局", "局长"), ("免去", "许亮", "戊州审计局", "副局长"), ("免去", "严七", "戊州档案馆", "馆长")}),
])
def test_padded_names_and_labelled_lists(text: str, expected: set) -> None:
    got = facts(text)
    assert expected <= got, expected - got


@pytest.mark.parametrize("text, appointed", [
    # a report: appointed, then named with the post at the meeting: the 任命 only (SCHEMA §7)
    ("本报讯 甲市人大常委会会议决定任命方明为甲市人民政府副市长。副市长方明，市中级人民法院院长许亮列席会议。",
     ("方明", "副市长")),
    ("本報訊 乙縣人大常委會會議決定任命方明為乙縣人民政府副縣長。副縣長方明,縣人民法院院長許亮列席會議。",
     ("方明", "副縣長")),
])
def test_appointed_post_is_no_extra_holding(text: str, appointed: tuple[str, str]) -> None:
    got = facts(text, "news.txt")
    name, post = appointed
    assert any(f[0] == "任命" and f[1] == name and f[3] == post for f in got), got
    assert not any(f[0] == "任职" and f[1] == name and f[3] == post for f in got), got
    assert any(f[0] == "任职" and f[1] in ("许亮", "許亮") for f in got), got  # the others keep theirs


@pytest.mark.parametrize("sentence, expected", [
    # the name before the title, at every level; spacing inside the name; lead-in 由
    ("方明副市长出席会议并讲话。", {("任职", "方明", "市政府", "副市长")}),
    ("会议由许亮副县长主持。", {("任职", "许亮", "县政府", "副县长")}),
    ("方明旗长、许亮副旗长出席会议。", {("任职", "方明", "旗政府", "旗长"), ("任职", "许亮", "旗政府", "副旗长")}),
    ("方 明副州长在会上强调。", {("任职", "方明", "州政府", "副州长")}),
    ("严七区委书记出席会议。", {("任职", "严七", "区委", "区委书记")}),
    ("严七市财政局局长汇报了工作。", {("任职", "严七", "市财政局", "局长")}),
    ("方明副縣長出席會議並講話。", {("任职", "方明", "县政府", "副縣長")}),
    # the name first, then several posts; a clause of its own before the verb
    ("方明市委常委、副市长出席会议并讲话。", {("任职", "方明", "市委", "市委常委"), ("任职", "方明", "市政府", "副市长")}),
    ("方明县委副书记、县长，许亮副县长出席会议。",
     {("任职", "方明", "县委", "县委副书记"), ("任职", "方明", "县政府", "县长"), ("任职", "许亮", "县政府", "副县长")}),
    # the post in brackets after the name, full- and half-width
    ("方明（市财政局局长）出席会议。", {("任职", "方明", "市财政局", "局长")}),
    ("方明(县委副书记、县长)、许亮（副县长）出席会议并讲话。",
     {("任职", "方明", "县委", "县委副书记"), ("任职", "方明", "县政府", "县长"), ("任职", "许亮", "县政府", "副县长")}),
    # schools: 中学/小学 + 校长, not 中学校 + 长
    ("甲市第一中学校长方明，乙县实验小学校长许亮出席会议。",
     {("任职", "方明", "甲市第一中学", "校长"), ("任职", "许亮", "乙县实验小学", "校长")}),
    # bodies of the democratic parties: 中央, a place's 省委/市委/委会, title 主委
    ("民盟中央常委、丙省委会主委方明出席会议。",
     {("任职", "方明", "民盟中央", "常委"), ("任职", "方明", "丙省委会", "主委")}),
    ("民进丁市委副主委许亮，九三学社戊州委主委严七出席,致公党中央委员柯八列席。",
     {("任职", "许亮", "民进丁市委", "副主委"), ("任职", "严七", "九三学社戊州委", "主委"),
      ("任职", "柯八", "致公党中央", "委员")}),
])
def test_posts_in_reports_more(sentence: str, expected: set) -> None:
    got = facts("本报讯（记者 王甲）3月5日，" + sentence, "news.txt")
    assert expected <= got, expected - got


@pytest.mark.parametrize("sentence, name", [
    ("全市副县长以上干部出席会议。", "全市"),          # a place, not a name
    ("常务副市长出席会议。", "常务"),                   # a title's modifier, not a name
    ("方明丰为市民解答问题。", "方明"),                 # no post follows the name
    ("方明（女）出席会议。", "方明"),                   # a note in brackets, no post
])
def test_not_name_then_post(sentence: str, name: str) -> None:
    got = facts("本报讯（记者 王甲）3月5日，" + sentence, "news.txt")
    assert not [f for f in got if f[0] == "任职" and f[1].startswith(name)], got


@pytest.mark.parametrize("text, expected", [
    # numbered list headings naming the act, no colon, 区 level
    (notice("丙区", "丙", "一、任命\n方明为丙区商务局局长；\n二、免去\n严七的丙区商务局副局长职务；\n柯八丙区文化馆副馆长职务。\n", "方明"),
     {("任命", "方明", "丙区商务局", "局长", False), ("免去", "严七", "丙区商务局", "副局长"),
      ("免去", "柯八", "丙区文化馆", "副馆长")}),
    # (一) markers and half-width colons, 乡 level
    (notice("丁县", "丁", "(一)任命:\n方明为丁县白水乡人民政府副乡长;\n(二)免去:\n严七的丁县白水乡人民政府副乡长职务。\n", "方明"),
     {("任命", "方明", "丁县白水乡人民政府", "副乡长", False), ("免去", "严七", "丁县白水乡人民政府", "副乡长")}),
])
def test_list_headings(text: str, expected: set) -> None:
    got = facts(text)
    assert expected <= got, expected - got


@pytest.mark.parametrize("text, expected", [
    # rows "name  post" under a heading naming the act; probation; 市 level
    (notice("甲市", "甲", "经研究，决定：\n任命：\n方明  甲市财政局局长\n许亮  甲市统计局副局长（试用期一年）\n免去：\n严七  甲市审计局副局长\n", "方明"),
     {("任命", "方明", "甲市财政局", "局长", False), ("任命", "许亮", "甲市统计局", "副局长", True),
      ("免去", "严七", "甲市审计局", "副局长")}),
    # numbered rows, a colon or a tab after the name, a padded name, two posts; 县 level
    (notice("乙县", "乙", "二、任命\n1.方 明：乙县财政局局长；\n2.许亮:乙县统计局副局长、党组成员。\n三、免去\n严七\t乙县审计局副局长职务\n", "方明"),
     {("任命", "方明", "乙县财政局", "局长", False), ("任命", "许亮", "乙县统计局", "副局长", False),
      ("任命", "许亮", "乙县统计局", "党组成员", False), ("免去", "严七", "乙县审计局", "副局长")}),
    # traditional script, full-width spaces; 镇 level
    (notice("丙縣", "丙", "任命：\n方明　丙縣青山鎮人民政府副鎮長\n", "方明"),
     {("任命", "方明", "丙縣青山鎮人民政府", "副鎮長", False)}),
])
def test_rows_under_a_heading(text: str, expected: set) -> None:
    got = facts(text)
    assert expected <= got, expected - got


@pytest.mark.parametrize("title, sentence, expected", [
    # a report of the place's own government: its head's body is named in full (SCHEMA §2)
    ("甲县人民政府召开第3次常务会议", "县长方明主持会议，副县长许亮、严七出席。",
     {("任职", "方明", "甲县人民政府", "县长"), ("任职", "许亮", "甲县人民政府", "副县长"),
      ("任职", "严七", "甲县人民政府", "副县长")}),
    ("乙市人民政府召开专题会议", "市委副书记、市长方明主持会议,副市长许亮出席。",
     {("任职", "方明", "市委", "市委副书记"), ("任职", "方明", "乙市人民政府", "市长"),
      ("任职", "许亮", "乙市人民政府", "副市长")}),
    ("丙旗人民政府召开常务会议", "旗长方明主持会议。", {("任职", "方明", "丙旗人民政府", "旗长")}),
    ("丁州人民政府召开常务会议", "副州长许 亮出席会议。", {("任职", "许亮", "丁州人民政府", "副州长")}),
    ("戊區人民政府召開常務會議", "區長方明主持會議，副區長許亮出席。",
     {("任职", "方明", "戊区人民政府", "區長"), ("任职", "許亮", "戊区人民政府", "副區長")}),  # either script scores alike
    ("己自治区人民政府召开常务会议", "自治区副主席方明出席会议。",
     {("任职", "方明", "己自治区人民政府", "副主席")}),
    # a head of another level keeps its bare body
    ("庚市人民政府召开专题会议", "副县长许亮、区长方明出席。",
     {("任职", "许亮", "县政府", "副县长"), ("任职", "方明", "区政府", "区长")}),
    ("辛自治区人民政府召开常务会议", "区长方明出席会议。", {("任职", "方明", "区政府", "区长")}),
])
def test_home_government_named_in_full(title: str, sentence: str, expected: set) -> None:
    got = facts(f"{title}\n\n来源：融媒体中心\n\n3月5日，{sentence}\n", "news.txt")
    assert expected <= got, expected - got


@pytest.mark.parametrize("sentence", [
    "副市长强调，要抓好安全生产。",
    "副县长指出,要压实责任。",
    "旗长表示，将加快建设。",
    "副州長強調，要抓好防汛。",
    "县长 要求，各部门加强协作。",
])
def test_speech_verb_after_a_title_is_no_name(sentence: str) -> None:
    got = facts("本报讯（记者 王甲）3月5日，" + sentence, "news.txt")
    assert not {f for f in got if f[0] == "任职"}, got


@pytest.mark.parametrize("issuer,post", [
    ("甲市城市建设投资集团有限公司", "该公司总经理"),
    ("乙县交通投资有限公司", "本公司总经理"),
    ("丙旗农牧业发展有限公司", "公司总经理"),
    ("丁州数据中心", "本中心主任"),
    ("戊自治区水利工程研究院", "本院院长"),
])
@pytest.mark.parametrize("name", ["王五", "王 五"])
def test_hiring_names_the_body_referred_to(issuer: str, post: str, name: str) -> None:
    """"聘任王五为该公司总经理": the body is the document's own (its issuer)."""
    text = (f"{issuer}关于聘任王五同志职务的通知\n\n甲发〔2024〕8号\n\n各部门：\n\n"
            f"经研究决定，聘任{name}为{post}（试用期一年）。\n\n{issuer}\n\n2024年4月1日\n")
    kind = post.removeprefix("该").removeprefix("本")
    title = next(t for t in ("总经理", "主任", "院长") if kind.endswith(t))
    assert ("任命", "王五", issuer, title, True) in facts(text)


@pytest.mark.parametrize("verb", ["聘任", "决定聘任", "任命"])
@pytest.mark.parametrize("sep", ["，", ","])
def test_hiring_refers_to_the_body_named_in_the_sentence(verb: str, sep: str) -> None:
    text = ("甲市国有资产监督管理委员会关于聘任企业负责人的通知\n\n甲国资发〔2024〕1号\n\n各市属企业：\n\n"
            f"同意甲市交通投资集团有限公司董事会{verb}王五为该公司总经理{sep}李四为该公司副总经理。\n\n"
            "甲市国有资产监督管理委员会\n\n2024年5月1日\n")
    got = facts(text)
    assert ("任命", "王五", "甲市交通投资集团有限公司", "总经理", False) in got
    assert ("任命", "李四", "甲市交通投资集团有限公司", "副总经理", False) in got


@pytest.mark.parametrize("lvl", ["市", "县", "区", "旗", "镇"])
@pytest.mark.parametrize("line", [
    "提名王五为{l}审计局局长人选，提请{l}人大常委会审议。",
    "提名王五同志为{l}审计局局长候选人。",
    "提名王 五为{l}审计局局长人选。",
])
def test_nomination_is_no_appointment(lvl: str, line: str) -> None:
    text = (f"甲{lvl}人民政府关于王五等同志职务任免的通知\n\n甲政任〔2024〕6号\n\n各有关单位：\n\n经研究决定：\n\n"
            f"任命李四为{lvl}财政局局长；\n\n{line.format(l=lvl)}\n\n根据{lvl}长提名，决定任命赵六为{lvl}教育局局长。\n\n"
            f"甲{lvl}人民政府\n\n2024年3月1日\n")
    got = facts(text)
    assert ("任命", "李四", f"{lvl}财政局", "局长", False) in got
    assert ("任命", "赵六", f"{lvl}教育局", "局长", False) in got
    assert not any(f[1] == "王五" for f in got)


# Court and procuratorate posts in an internal division (刑事审判第一庭, 立案庭, 第三检察部):
# the post is the court's, written with its division (SCHEMA §7), after an inner committee too.
@pytest.mark.parametrize("court", ["甲省高级人民法院", "乙市中级人民法院", "丙自治州中级人民法院", "丁县人民法院",
                                   "戊区人民法院", "己旗人民法院", "庚盟中级人民法院"])
@pytest.mark.parametrize("half", [False, True])
def test_court_division_posts(court: str, half: bool) -> None:
    text = (f"{court}关于王五等同志职务任免的通知\n\n法任〔2024〕2号\n\n各有关单位：\n\n经研究决定：\n\n"
            f"任命王五为{court}审判委员会委员、刑事审判第一庭庭长；\n\n"
            f"任命李 四为{court}民事审判第二庭副庭长、审判员；\n\n"
            f"免去赵六的{court}刑事审判第二庭庭长职务；\n\n"
            f"免去钱七{court}立案庭庭长职务。\n\n{court}\n\n2024年3月1日\n")
    got = facts(text.translate(HALF) if half else text)
    assert {("任命", "王五", court, "审判委员会委员", False), ("任命", "王五", court, "刑事审判第一庭庭长", False),
            ("任命", "李四", court, "民事审判第二庭副庭长", False), ("任命", "李四", court, "审判员", False),
            ("免去", "赵六", court, "刑事审判第二庭庭长"), ("免去", "钱七", court, "立案庭庭长")} <= got
    assert not any(f[2].endswith("庭") for f in got)


@pytest.mark.parametrize("body", ["甲省人民检察院", "乙市人民检察院", "丁县人民检察院", "戊区人民检察院"])
def test_procuratorate_division_posts(body: str) -> None:
    text = (f"{body}关于孙八同志职务任免的通知\n\n检任〔2024〕3号\n\n各有关单位：\n\n经研究决定：\n\n"
            f"任命孙八为{body}检察委员会委员、第三检察部主任。\n\n{body}\n\n2024年3月1日\n")
    got = facts(text)
    assert {("任命", "孙八", body, "检察委员会委员", False), ("任命", "孙八", body, "第三检察部主任", False)} <= got
    assert not any(f[2] == "第三检察部" for f in got)


# A people's congress 任免名单 (no document number): each line "X为<post>" states a 任命 and
# is not read again as a post beside a name ("X为" is no name), spaced names included.
@pytest.mark.parametrize("level", ["县", "区", "旗", "市", "州", "盟"])
@pytest.mark.parametrize("name,clean", [("欧阳 昊", "欧阳昊"), ("柏 青", "柏青"), ("柏青", "柏青"),
                                        ("司马一鸣", "司马一鸣")])
@pytest.mark.parametrize("half", [False, True])
def test_congress_list_acts_give_no_post_mentions(level: str, name: str, clean: str,
                                                  half: bool) -> None:
    body = (f"甲{level}人民代表大会常务委员会任免名单\n（2024年3月1日甲{level}第三届人民代表大会常务委员会"
            f"第九次会议通过）\n\n一、决定任命：\n{name}为{level}卫生健康局局长；\n"
            f"范二为{level}人民法院审判委员会委员、刑事审判庭庭长。\n\n二、免去：\n丁三的{level}统计局局长职务。\n")
    got = facts(body.translate(HALF) if half else body)
    assert ("任命", clean, f"{level}卫生健康局", "局长", False) in got
    assert ("免去", "丁三", f"{level}统计局", "局长") in got
    assert not [f for f in got if f[0] == "任职"], got


# A notice of a kind no extractor reads (河长, 林长, 路长 lists) still names people with their
# posts in brackets ("县级总河长：王五（县委书记）"): each post a 任职; "局长X兼任…" too.
@pytest.mark.parametrize("place,level,party,head", [
    ("甲", "县", "县委", "县长"), ("乙", "市", "市委", "市长"), ("丙", "区", "区委", "区长"),
    ("丁", "旗", "旗委", "旗长"), ("戊", "省", "省委", "省长"), ("己", "镇", "镇党委", "镇长"),
])
@pytest.mark.parametrize("chief", ["河长", "林长", "路长"])
@pytest.mark.parametrize("half", [False, True])
def test_posts_beside_names_in_an_unread_notice(place: str, level: str, party: str, head: str,
                                                 chief: str, half: bool) -> None:
    body = (f"{place}{level}人民政府办公室关于调整{level}级{chief}的通知\n{place}政办〔2024〕7号\n\n各有关单位：\n"
            f"现将{level}级{chief}调整如下：\n{level}级总{chief}：柏一（{party}书记）\n"
            f"　　　　　　陈 二（{party}副书记、{head}）\n{level}级副总{chief}：吴三（副{head}）\n"
            f"{level}{chief}制办公室设在{level}水利局，{level}水利局局长郑四兼任办公室主任。\n\n"
            f"{place}{level}人民政府办公室\n2024年2月14日\n")
    got = {f for f in facts(body.translate(HALF) if half else body) if f[0] == "任职"}
    gov = f"{place}{level}人民政府"
    expected = {("任职", "柏一", party, f"{party}书记"), ("任职", "陈二", party, f"{party}副书记"),
                ("任职", "陈二", gov, head), ("任职", "吴三", gov, f"副{head}"),
                ("任职", "郑四", f"{level}水利局", "局长")}
    assert expected <= got, (expected - got, got)
    assert not [f for f in got if chief in f[3]], got


# A name opening with the pronoun's character (其美多吉, 其其格) after 免去: the name, not "其" and a
# post; "免去其X职务" after an appointment still refers back.
@pytest.mark.parametrize("place,abbr,lvl", [("丙县", "丙", "县"), ("丁州", "丁", "州"), ("戊旗", "戊", "旗"),
                                            ("己市", "己", "市")])
@pytest.mark.parametrize("name", ["其美多吉", "其其格"])
@pytest.mark.parametrize("link", ["的", "同志的", "同志"])
def test_a_name_opening_with_the_pronouns_character(place: str, abbr: str, lvl: str, name: str,
                                                    link: str) -> None:
    body = (f"经研究决定：\n\n任命{name}为{place}民族宗教事务局局长；\n"
            f"免去{name}{link}{place}林业局副局长职务。\n"
            f"任命王五为{place}林业局局长，免去其{place}水利局副局长职务。\n")
    got = facts(notice(place, abbr, body, name))
    assert ("免去", name, f"{place}林业局", "副局长") in got, got
    assert ("免去", "王五", f"{place}水利局", "副局长") in got, got
    assert not any(f[0] == "免去" and f[2].startswith(name[1:]) for f in got), got
