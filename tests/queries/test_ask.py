"""Questions in Chinese, many phrasings per form, answered alike on every store.

The expected answers were read off the seed gazette (data/gazettes/shuozhou-2023-04.txt):
the work division 朔政办发〔2023〕26号 (lines 1597-1681), the task forces
朔政办函〔2023〕35/37/43/46/49号 (lines 2658-3160) and the 任免 notices 朔政干发〔2023〕4/5号
(lines 1339-1393).
"""

from __future__ import annotations

import pytest

from graph.stores import GraphView
from queries.answer import ask

ENERGY = "朔州市能源产业“五个一体化”融合发展工作专班"      # 朔政办函〔2023〕43号
CHARGING = "朔州市充（换）电基础设施建设工作专班"            # 朔政办函〔2023〕46号
ECOMMERCE = "朔州市电子商务体系与快递物流配送体系贯通发展工作专班"  # 朔政办函〔2023〕37号
MARKET = "朔州市建设高标准市场体系工作专班"                  # 朔政办函〔2023〕49号
WATER = "朔州市推进和保障万家寨引黄北干支线工程领导小组"      # 朔政办函〔2023〕35号
LIU_LIANG_UNITS = {"市科学技术局", "市工业和信息化局", "市生态环境局", "市能源局", "市小微企业发展服务中心",
                   "市城镇集体工业联社", "市产业技术研究院", "市物产集团"}

# (question, form, expected answers): a set must be the answers exactly; a frozenset must
# be among them.
EXPECTED: list[tuple[str, str, set[str] | frozenset[str]]] = [
    # 谁分管/主管X, X由谁分管
    ("谁分管市财政局？", "org_supervisors", {"武跃飞"}),
    ("谁分管市财政局", "org_supervisors", {"武跃飞"}),
    ("市财政局由谁分管", "org_supervisors", {"武跃飞"}),
    ("市财政局归谁管？", "org_supervisors", {"武跃飞"}),
    ("财政局的分管领导是谁", "org_supervisors", {"武跃飞"}),
    ("哪位副市长分管朔州市财政局？", "org_supervisors", {"武跃飞"}),
    ("分管市财政局的市领导是谁", "org_supervisors", {"武跃飞"}),
    ("市发改委由谁分管？", "org_supervisors", {"武跃飞"}),
    ("市发展改革委由谁分管", "org_supervisors", {"武跃飞"}),
    ("市发展和改革委员会是谁分管的", "org_supervisors", {"武跃飞"}),
    ("请问发改委的分管副市长是哪位？", "org_supervisors", {"武跃飞"}),
    ("谁分管市能源局", "org_supervisors", {"刘亮"}),
    ("市能源局的分管领导", "org_supervisors", {"刘亮"}),
    ("谁分管市教育局", "org_supervisors", {"田东"}),
    ("市民政局由哪位领导分管", "org_supervisors", {"魏元平"}),
    ("市交通局归哪个领导分管", "org_supervisors", {"何向荣"}),
    ("谁分管市商务局", "org_supervisors", {"李润军"}),
    ("谁主管市公安局？", "org_supervisors", {"袁小波"}),
    ("市公安局交警支队由谁主管", "org_supervisors", {"袁小波"}),
    ("市司法局的分管领导是谁", "org_supervisors", {"袁小波"}),
    ("市政府驻北京联络处由谁分管", "org_supervisors", {"刘宏武"}),
    ("谁分管驻京联络处", "org_supervisors", {"刘宏武"}),
    # 谁联系X
    ("谁联系市税务局", "org_liaisons", {"武跃飞"}),
    ("市消防救援支队由谁联系？", "org_liaisons", {"武跃飞"}),
    ("朔州海关的联系领导是谁", "org_liaisons", {"李润军"}),
    ("谁联系市档案馆", "org_liaisons", {"刘宏武"}),
    ("市审计局由谁协助联系", "org_liaisons", {"武跃飞"}),
    ("谁联系市科协", "org_liaisons", {"刘亮"}),
    # X的局长/主任/负责人是谁
    ("市能源局局长是谁？", "org_heads", {"黄军"}),
    ("市能源局的局长是谁", "org_heads", {"黄军"}),
    ("能源局局长叫什么名字", "org_heads", {"黄军"}),
    ("谁是市能源局局长", "org_heads", {"黄军"}),
    ("市能源局的负责人是谁", "org_heads", {"黄军"}),
    ("市能源局一把手是谁", "org_heads", {"黄军"}),
    ("市发改委主任是谁", "org_heads", {"刘红宇"}),
    ("市发展和改革委员会的主任是谁？", "org_heads", {"刘红宇"}),
    ("市商务局局长是谁", "org_heads", {"王志福"}),
    ("市水利局局长是谁", "org_heads", {"李永强"}),
    ("朔州市艺术研究院院长是谁", "org_heads", {"雷惊春"}),
    ("市能源局有哪些副局长", "org_heads", {"尹志胜"}),
    ("市政府的副市长有哪些", "org_heads", {"武跃飞", "刘亮", "田东", "魏元平", "何向荣", "袁小波", "李润军"}),
    ("市长是谁", "title_holders", {"吴秀玲"}),
    ("谁是朔州市市长", "org_heads", {"吴秀玲"}),
    ("朔州市市长是谁？", "org_heads", {"吴秀玲"}),
    ("市委常委有哪些", "title_holders", {"武跃飞", "刘亮"}),
    ("市政府秘书长是谁", "org_heads", {"刘宏武"}),
    ("副市长有哪些", "title_holders", {"武跃飞", "刘亮", "田东", "魏元平", "何向荣", "袁小波", "李润军"}),
    # X分管/联系哪些单位
    ("刘亮分管哪些单位？", "person_supervised", LIU_LIANG_UNITS),
    ("刘亮分管哪些部门", "person_supervised", LIU_LIANG_UNITS),
    ("刘亮副市长分管哪些单位", "person_supervised", LIU_LIANG_UNITS),
    ("副市长刘亮分管什么", "person_supervised", LIU_LIANG_UNITS),
    ("刘亮的分管单位有哪些", "person_supervised", LIU_LIANG_UNITS),
    ("刘亮都分管哪些单位", "person_supervised", LIU_LIANG_UNITS),
    ("哪些单位由刘亮分管", "person_supervised", LIU_LIANG_UNITS),
    ("liuliang分管哪些单位", "person_supervised", LIU_LIANG_UNITS),
    ("袁小波分管哪些单位", "person_supervised", {"市公安局", "市公安局交警支队", "市司法局", "市信访局",
                                              "市退役军人事务局"}),
    ("刘宏武分管哪些单位", "person_supervised", {"市政府发展研究中心", "市政府信息技术服务中心",
                                              "朔州市政府驻京联络处"}),
    ("武跃飞联系哪些单位", "person_liaised", frozenset({"市税务局", "市消防救援支队", "朔州军分区", "市审计局"})),
    ("袁小波联系哪些单位？", "person_liaised", {"市国家安全局", "武警朔州支队"}),
    ("田东分管哪些学校", "person_supervised", {"朔州师范高等专科学校", "朔州职业技术学院", "朔州开放大学",
                                              "朔州陶瓷职业技术学院"}),
    ("何向荣分管哪几家企业", "person_supervised", {"市城市发展集团有限公司", "朔州机场建设管理有限公司"}),
    ("刘亮管哪些单位", "person_supervised", LIU_LIANG_UNITS),
    # X负责什么工作
    ("武跃飞负责什么工作？", "person_areas", frozenset({"财政", "消防", "统计", "发展改革", "营商环境"})),
    ("武跃飞负责哪些方面的工作", "person_areas", frozenset({"财政", "消防"})),
    ("武越飞负责什么工作", "person_areas", frozenset({"财政", "消防"})),
    ("wuyuefei负责什么", "person_areas", frozenset({"财政", "消防"})),
    ("李润军的分工是什么", "person_areas", frozenset({"招商引资", "商务", "体育"})),
    ("田东负责哪些工作", "person_areas", {"教育", "人力资源和社会保障", "水利", "农业农村", "人防", "乡村振兴"}),
    ("吴秀玲负责什么工作", "person_areas", {"主持市人民政府工作"}),
    # 负责Y工作的市领导是谁
    ("负责消防工作的市领导是谁？", "area_leaders", {"武跃飞"}),
    ("负责消防工作的是哪位领导", "area_leaders", {"武跃飞"}),
    ("谁负责消防工作", "area_leaders", {"武跃飞"}),
    ("消防工作由谁负责", "area_leaders", {"武跃飞"}),
    ("消防归谁管", "area_leaders", {"武跃飞"}),
    ("谁负责财政", "area_leaders", {"武跃飞"}),
    ("负责招商引资工作的副市长是谁", "area_leaders", {"李润军"}),
    ("招商引资工作由哪位市领导负责？", "area_leaders", {"李润军"}),
    ("负责教育工作的市领导", "area_leaders", {"田东"}),
    ("金融工作的分管领导是谁", "area_leaders", {"何向荣"}),
    ("谁负责公安工作", "area_leaders", {"袁小波"}),
    ("负责政府信息公开工作的是谁", "area_leaders", {"刘宏武"}),
    ("安全生产工作由谁负责", "area_leaders", {"武跃飞"}),
    # X参加了哪些工作专班/领导小组
    ("黄军参加了哪些工作专班？", "person_task_forces", {ENERGY, CHARGING}),
    ("黄军参加了哪些专班", "person_task_forces", {ENERGY, CHARGING}),
    ("黄军是哪些专班的成员", "person_task_forces", {ENERGY, CHARGING}),
    ("黄军在哪些工作专班任职", "person_task_forces", {ENERGY, CHARGING}),
    ("黄军参加的工作专班有哪些", "person_task_forces", {ENERGY, CHARGING}),
    ("黄军参加了哪些议事协调机构", "person_task_forces", {ENERGY, CHARGING}),
    ("田东参加了哪些领导小组", "person_task_forces", {WATER}),
    ("李润军参加了哪些工作专班", "person_task_forces", {ECOMMERCE}),
    ("杨秀峰参加了哪些专班", "person_task_forces", {ENERGY, CHARGING, ECOMMERCE, MARKET}),
    ("武跃飞参加了哪些工作专班", "person_task_forces", {ENERGY, MARKET}),
    ("市能源局参加了哪些工作专班", "org_task_forces", frozenset({CHARGING, ENERGY})),
    ("市能源局局长黄军参加了哪些专班", "person_task_forces", {ENERGY, CHARGING}),
    ("聂日旺在哪个领导小组", "person_task_forces", {WATER}),
    # X专班的组长/成员有哪些
    ("能源产业“五个一体化”融合发展工作专班的组长是谁？", "task_force_members", {"武跃飞", "刘亮"}),
    ("五个一体化专班的组长有哪些", "task_force_members", {"武跃飞", "刘亮"}),
    ("五个一体化专班副组长是谁", "task_force_members", {"刘红宇", "黄军"}),
    ("能源产业五个一体化融合发展工作专班的成员有哪些", "task_force_members",
     {"武跃飞", "刘亮", "刘红宇", "黄军", "杨秀峰", "王金华", "闫晓东", "陈志国", "张仁英", "高儒", "解勇", "刘冠雄"}),
    ("五个一体化专班有哪些成员", "task_force_members", frozenset({"杨秀峰", "解勇", "刘冠雄"})),
    ("五个一体化专班里有哪些人", "task_force_members", frozenset({"杨秀峰", "解勇", "刘冠雄"})),
    ("充换电专班有几位副组长", "task_force_members", frozenset({"姜新明", "黄军"})),  # and 共2人 first
    ("万家寨引黄北干支线工程领导小组组长是谁", "task_force_members", {"田东"}),
    ("建设高标准市场体系工作专班的组长", "task_force_members", {"武跃飞"}),
    ("电子商务专班的副组长有哪些", "task_force_members", {"王玉锋", "王志福", "蔚玺"}),
    ("充换电专班办公室主任是谁", "task_force_members", {"黄军"}),
    ("高标准市场体系专班的办公室主任是谁", "task_force_members", {"刘红宇"}),
    ("万家寨引黄领导小组办公室副主任是谁", "task_force_members", {"高宏宇"}),
    # X专班的办公室设在哪里
    ("能源产业“五个一体化”融合发展工作专班的办公室设在哪里？", "task_force_office", {"市发展和改革委员会"}),
    ("能源产业五个一体化融合发展工作专班办公室设在哪里", "task_force_office", {"市发展和改革委员会"}),
    ("五个一体化专班的办公室在哪", "task_force_office", {"市发展和改革委员会"}),
    ("五个一体化专班办公室设在哪个单位", "task_force_office", {"市发展和改革委员会"}),
    ("电子商务体系与快递物流配送体系贯通发展工作专班的办公室设在哪", "task_force_office", {"市商务局"}),
    ("充（换）电基础设施建设工作专班办公室设在什么地方", "task_force_office", {"市能源局"}),
    ("高标准市场体系专班办公室设在哪里", "task_force_office", {"市发展和改革委员会"}),
    # 成员单位, 下设, 牵头
    ("充换电专班的成员单位有哪些", "task_force_units", frozenset({"国网朔州供电公司", "市消防救援支队"})),
    ("建设高标准市场体系工作专班下设哪些专项工作组", "task_force_subgroups",
     frozenset({"农业领域专项工作组", "社会信用体系专项工作组", "能源领域专项工作组"})),
    ("电子商务体系与快递物流配送体系贯通发展工作专班由谁牵头", "leads", {"市商务局"}),
    ("电商专班的牵头单位是哪个", "leads", {"市商务局"}),
    ("能源领域专项工作组由哪个单位牵头", "leads", {"市能源局"}),
    # 谁被任命为…, 谁被免去…
    ("谁被任命为朔州市艺术研究院院长？", "appointed_to", {"雷惊春"}),
    ("谁被任命为艺术研究院院长", "appointed_to", {"雷惊春"}),
    ("任命谁为朔州市艺术研究院院长", "appointed_to", {"雷惊春"}),
    ("朔州市艺术研究院院长任命的是谁", "appointed_to", {"雷惊春"}),
    ("谁被任命为朔州机场建设管理有限公司董事长", "appointed_to", {"温贵"}),
    ("谁被任命为朔州市农业农村局副局长", "appointed_to", {"郝建平"}),
    ("谁被免去了朔州机场建设管理有限公司董事长职务", "removed_from", {"孙义"}),
    ("谁被免去朔州市教育局督学职务", "removed_from", {"薛拉格"}),
    # X被免去了什么职务, X被任命为什么职务
    ("温贵被免去了什么职务？", "person_removed", {"朔州市政府驻京联络处主任"}),
    ("温贵被免去什么职务", "person_removed", {"朔州市政府驻京联络处主任"}),
    ("免去了温贵什么职务", "person_removed", {"朔州市政府驻京联络处主任"}),
    ("温贵免去了哪些职务", "person_removed", {"朔州市政府驻京联络处主任"}),
    ("雷惊春被免去了什么职务", "person_removed", {"朔州市艺术研究院副院长"}),
    ("孙义被免去了什么职务", "person_removed", {"朔州机场建设管理有限公司董事长"}),
    ("雷惊春被任命为什么职务", "person_appointed", {"朔州市艺术研究院院长"}),
    ("温贵被任命为什么职务？", "person_appointed", {"朔州机场建设管理有限公司董事长"}),
    ("郝建平被任命为什么职务", "person_appointed", {"朔州市农业农村局副局长"}),
    # X原来担任什么职务, X担任什么职务
    ("温贵原来担任什么职务", "person_former_posts", {"朔州市政府驻京联络处主任"}),
    ("温贵原来是什么职务", "person_former_posts", {"朔州市政府驻京联络处主任"}),
    ("温贵之前任什么职务", "person_former_posts", {"朔州市政府驻京联络处主任"}),
    ("温贵的原职务", "person_former_posts", {"朔州市政府驻京联络处主任"}),
    ("雷惊春原来担任什么职务？", "person_former_posts", {"朔州市艺术研究院副院长"}),
    ("黄军担任什么职务", "person_posts", {"市能源局局长"}),
    ("黄军现任什么职务", "person_posts", {"市能源局局长"}),
    ("黄军的职务是什么", "person_posts", {"市能源局局长"}),
    ("温贵现在担任什么职务", "person_posts", {"朔州机场建设管理有限公司董事长"}),
    # X和Y有什么关系
    ("武跃飞和刘亮有什么关系", "relation", frozenset({
        f"武跃飞 —成员（组长）→ {ENERGY} ←成员（组长）— 刘亮"})),
    ("黄军与武跃飞之间有什么联系", "relation", frozenset({
        f"黄军 —成员（副组长）→ {ENERGY} ←成员（组长）— 武跃飞"})),
    ("武跃飞和市财政局是什么关系", "relation", {"武跃飞 —分管→ 市财政局"}),
    # 责任链
    ("从市长到市财政局的责任链", "chain", frozenset({"吴秀玲", "武跃飞", "市财政局"})),
    ("市财政局的责任链是怎样的", "chain", frozenset({"吴秀玲", "武跃飞", "市财政局"})),
    ("消防工作的责任链", "chain", frozenset({"吴秀玲", "武跃飞", "消防", "市消防救援支队"})),
    ("从市长到市能源局的责任链", "chain", frozenset({"吴秀玲", "刘亮", "市能源局", "黄军"})),
    ("招商引资的责任链", "chain", frozenset({"吴秀玲", "李润军", "招商引资"})),
    ("从市长到黄军的责任链", "chain", {"吴秀玲", "刘亮", "市能源局", "黄军"}),
    ("市能源局和黄军有什么关系", "relation", frozenset({"市能源局 ←职务所在— 市能源局局长 ←任职（局长）— 黄军"})),
    # 共同参加, 最多, 文件
    ("武跃飞和刘亮共同参加了哪些工作专班", "shared_task_forces", {ENERGY}),
    ("黄军和刘亮都参加了哪些专班", "shared_task_forces", {ENERGY, CHARGING}),
    ("谁参加的工作专班最多", "membership_top", {"杨秀峰"}),
    ("参加专班最多的是谁", "membership_top", {"杨秀峰"}),
    ("朔政干发〔2023〕5号任免了哪些人", "document_appointments", {"雷惊春", "郝建平", "徐维东", "董晓明", "薛拉格"}),
    ("朔政干发〔2023〕4号任免了谁", "document_appointments", {"温贵", "孙义"}),
    ("刘红宇是谁", "describe", {"市发展和改革委员会主任"}),
    # timelines, lists, superiors
    ("郝建平什么时候被任命的", "appointment_timeline", {"2023-08-08 任命 郝建平 朔州市农业农村局副局长（试用期一年）"}),
    ("温贵是哪天被免职的", "appointment_timeline", frozenset({"2023-06-19 免去 温贵 朔州市政府驻京联络处主任"})),
    ("雷惊春的任免记录", "appointment_timeline", {"2023-08-08 免去 雷惊春 朔州市艺术研究院副院长",
                                              "2023-08-08 任命 雷惊春 朔州市艺术研究院院长（试用期一年）"}),
    ("哪些人被免职了", "all_removed", {"孙义", "温贵", "薛拉格", "雷惊春"}),
    ("有哪些人被任命了", "all_appointed", {"温贵", "徐维东", "董晓明", "郝建平", "雷惊春"}),
    ("黄军的分管领导是谁", "person_supervisor", {"刘亮"}),
    ("刘红宇归谁管", "person_supervisor", {"武跃飞"}),
    ("能源领域专项工作组的组长单位是哪个", "leads", {"市能源局"}),
    ("各位领导分别参加了几个专班", "membership_counts", frozenset({"杨秀峰", "黄军"})),
    ("哪些专班的成员有重叠", "task_force_overlaps", frozenset({
        f"{CHARGING} × {ECOMMERCE}：仝存凯、杨秀峰、管学峰、赵海峰、金虎、高才"})),
]


@pytest.mark.parametrize("question, form, expected", EXPECTED, ids=[q for q, _, _ in EXPECTED])
def test_ask_answers(view: GraphView, question: str, form: str, expected: set[str] | frozenset[str]) -> None:
    answer = ask(view, question)
    assert answer.understood and not answer.ambiguous, answer.message
    assert answer.form == form
    if isinstance(expected, frozenset):
        assert expected <= set(answer.answers), answer.answers
    else:
        assert set(answer.answers) == expected, answer.answers
    assert answer.evidence, "every answer carries its evidence"
    assert all(e.doc and e.sentence for e in answer.evidence)
    assert answer.cypher and all("$" in c for c in answer.cypher)


@pytest.mark.parametrize("question", [
    "今天天气怎么样",
    "你好",
    "帮我写一首诗",
    "市财政局今年的预算是多少",
    "谁分管没有这个单位",
    "张三参加了哪些工作专班",
    "1+1等于几",
    "5号文任免了哪些干部",          # 5号 is part of several numbers: no guess
    "朔州市有多少人口",
])
def test_ask_not_understood_lists_what_it_can(view: GraphView, question: str) -> None:
    answer = ask(view, question)
    assert not answer.understood and answer.answers == []
    assert len(answer.suggestions) >= 10 and "谁分管市财政局？ / 市发改委由谁分管？" in answer.suggestions
    assert answer.cypher == [] and answer.evidence == []


def test_ask_ambiguous_name_offers_candidates(view: GraphView) -> None:
    answer = ask(view, "wyf负责什么工作")  # initials of 武跃飞 and of 王玉锋
    assert answer.ambiguous and answer.answers == []
    assert {m.name for m in answer.candidates["person"]} >= {"武跃飞", "王玉锋"}


def test_ask_evidence_cites_document_date_sentence(view: GraphView) -> None:
    answer = ask(view, "谁分管市财政局")
    [e] = answer.evidence
    assert (e.doc, e.date) == ("朔政办发〔2023〕26号", "2023-08-08")
    assert e.sentence and "市财政局" in e.sentence and e.sentence.startswith("分管市政府办公室")


def test_ask_json_has_answers_cypher_evidence(view: GraphView) -> None:
    data = ask(view, "温贵被免去了什么职务").to_json()
    assert data["answers"] == ["朔州市政府驻京联络处主任"]
    assert data["cypher"] and "Appointment" in data["cypher"][0]
    assert data["evidence"][0]["doc"] == "朔政干发〔2023〕4号" and data["evidence"][0]["date"] == "2023-06-19"
    assert data["entities"]["person"]["name"] == "温贵"


def test_ask_as_of_limits_posts_to_that_day(view: GraphView) -> None:
    assert ask(view, "温贵担任什么职务", as_of="2023-06-01").answers == ["朔州市政府驻京联络处主任"]
    assert ask(view, "温贵担任什么职务", as_of="2023-07-01").answers == ["朔州机场建设管理有限公司董事长"]
    assert ask(view, "谁分管市财政局", as_of="2023-09-01").answers == ["武跃飞"]
    assert ask(view, "谁分管市财政局", as_of="2023-01-01").answers == []  # stated from 2023-08-08
