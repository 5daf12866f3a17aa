"""Coordinating bodies in the forms real notices use, with invented bodies, places and names.

Each table is one form across its variants: administrative levels, full- and half-width
punctuation, spaced role words and names, prose and list layouts, traditional characters.
"""

from __future__ import annotations

import pytest

from extract.text import to_simplified
from tests.extract.test_extractors import facts


def notice(body: str, title: str = "", number: str = "甲政办函〔2024〕8号") -> str:
    head = f"{title}\n\n{number}\n\n各有关单位：\n\n" if title else ""
    return head + body + "\n"


# ---------------------------------------------------------------------------- prose chairs

LEVELS = [  # place, level word, government title, party committee
    ("甲", "市", "副市长", "市委"),
    ("乙", "省", "副省长", "省委"),
    ("丙", "县", "副县长", "县委"),
    ("丁", "区", "副区长", "区委"),
    ("戊", "州", "副州长", "州委"),
    ("己", "旗", "副旗长", "旗委"),
]


@pytest.mark.parametrize("place,level,gov_title,party", LEVELS)
@pytest.mark.parametrize("sentence", [
    "领导小组组长由{party}副书记张大山担任，副组长由{gov}李小河担任。",
    "由{party}副书记张大山任组长，由{gov}李小河任副组长。",
    "{party}副书记张大山任组长，{gov}李小河任副组长。",
    "组长为{party}副书记张大山，副组长为{gov}李小河。",
    "组长由{party}副书记张大山出任，{gov}李小河出任副组长。",
    "领导小组组长由{party}副书记张大山担任,副组长由{gov}李小河担任.",
])
def test_prose_chairs_with_posts_and_name(place: str, level: str, gov_title: str, party: str, sentence: str) -> None:
    group = f"{place}{level}河湖治理工作领导小组"
    text = notice(sentence.format(party=party, gov=gov_title),
                  title=f"{place}{level}人民政府办公室关于成立{group}的通知")
    got = facts(text)
    assert ("成员", "张大山", group, "组长") in got
    assert ("任职", "张大山", party, f"{party}副书记") in got
    assert ("成员", "李小河", group, "副组长") in got
    assert ("任职", "李小河", f"{level}政府", gov_title) in got


@pytest.mark.parametrize("sep,colon", [("，", "："), (",", ":")])
def test_counted_lists_of_deputies_and_members(sep: str, colon: str) -> None:
    group = "甲市民族团结工作领导小组"
    text = (f"甲市成立民族团结工作领导小组\n\n近日{sep}甲市正式成立{group}。\n"
            f"领导小组组长由市委副书记王东明担任{sep}副组长2人{sep}分别是{colon}市委常委、宣传部部长赵西林{sep}"
            f"市政府副市长孙南山。领导小组办公室设在市委宣传部{sep}赵西林同志兼任办公室主任。\n"
            f"成员共3人{sep}分别是{colon}市政协副秘书长{sep}市教育局副局长{sep}团市委书记、市青联主席。\n")
    got = facts(text, "news.txt")
    assert ("成员", "王东明", group, "组长") in got
    assert ("任职", "王东明", "市委", "市委副书记") in got
    assert ("成员", "赵西林", group, "副组长") in got
    assert ("任职", "赵西林", "市委", "市委常委") in got
    assert ("任职", "赵西林", "宣传部", "部长") in got
    assert ("成员", "孙南山", group, "副组长") in got
    assert ("任职", "孙南山", "市政府", "副市长") in got
    assert ("办公室设在", group, "市委宣传部", "") in got
    assert ("成员", "赵西林", group, "办公室主任") in got
    for unnamed in ("市政协副秘书长", "市教育局副局长", "团市委书记、市青联主席"):
        assert ("成员", unnamed, group, "成员") in got
        assert not any(f[0] == "任职" and f[1] == unnamed for f in got)  # unnamed: 成员 only


def test_posts_before_a_name_in_one_run_belong_to_that_name() -> None:
    text = notice("组长由县委常委、副县长钱一鸣担任。", title="丙县人民政府关于成立丙县防汛工作领导小组的通知")
    got = facts(text)
    assert ("成员", "钱一鸣", "丙县防汛工作领导小组", "组长") in got
    assert ("任职", "钱一鸣", "县委", "县委常委") in got
    assert ("任职", "钱一鸣", "县政府", "副县长") in got
    assert not any(f[1] == "县委常委" for f in got)


# ---------------------------------------------------------------------------- older layouts

OLD_LAYOUT = """{intro}{place}政府研究决定{comma}成立{body}。现将有关问题通知如下{colon}
一、委员会组成人员
主 任 委 员{colon} 周 正 {head}
副主任委员{colon} 吴 明 {deputy}
郑 和 {place}人大常委会副主任
成 员{colon} 冯 远 {place}政府副秘书长
陈 实 {place}财政厅厅长
马 腾 {place}交通厅副厅长
卫 东 甲自治州州长
杨 帆 乙盟盟长
二、委员会下设办公室{comma}负责日常工作{comma}冯远任办公室主任。
"""


@pytest.mark.parametrize("place,head,deputy", [("省", "省长", "副省长"), ("市", "市长", "副市长")])
@pytest.mark.parametrize("comma,colon", [("，", "："), (",", ":")])
def test_spaced_roles_and_inherited_roles(place: str, head: str, deputy: str, comma: str, colon: str) -> None:
    body = f"{place}支援水利建设委员会"
    text = OLD_LAYOUT.format(intro=f"各市、县人民政府{comma}{place}政府各部门{colon}", place=place, comma=comma,
                             colon=colon, body=body, head=head, deputy=deputy)
    got = facts(text)
    assert ("成员", "周正", body, "主任委员") in got
    assert ("任职", "周正", f"{place}政府", head) in got
    assert ("成员", "吴明", body, "副主任委员") in got
    assert ("成员", "郑和", body, "副主任委员") in got      # a line without a role inherits the last
    assert ("任职", "郑和", f"{place}人大常委会", "副主任") in got
    assert ("成员", "冯远", body, "成员") in got
    assert ("任职", "冯远", f"{place}政府", "副秘书长") in got
    assert ("任职", "陈实", f"{place}财政厅", "厅长") in got
    assert ("成员", "马腾", body, "成员") in got             # "马 腾": inner space dropped
    assert ("任职", "卫东", "甲自治州", "州长") in got
    assert ("任职", "杨帆", "乙盟", "盟长") in got
    assert ("下设", body, body + "办公室", "") in got
    assert ("成员", "冯远", body, "办公室主任") in got
    assert not any(f[1] in ("副主", "主任委") for f in got)  # 任 inside 主任 is no verb


@pytest.mark.parametrize("name,posts,expected", [
    ("張三", "市林草局黨組副書記、局長", [("市林草局", "黨組副書記"), ("市林草局", "局長")]),
    ("阿依·木拉提", "市國資委黨委副書記、主任", [("市國資委", "黨委副書記"), ("市國資委", "主任")]),
    ("李四", "甲區(qū)委副書記、區(qū)長", [("甲區(qū)委", "區(qū)委副書記"), ("甲區", "區(qū)長")]),  # pinyin read past
    ("王五", "國網乙市供電公司總經(jīng)理", [("國網乙市供電公司", "總經(jīng)理")]),
])
def test_traditional_members_with_bracketed_posts(name: str, posts: str, expected: list[tuple[str, str]]) -> None:
    text = f"關于成立乙市濕地公園保護專班的通知\n乙市人民政府:\n一、專班組成人員\n主任:趙六(市政府副市長)\n成員:{name}({posts})\n"
    got = facts(text)
    assert ("成员", name, "乙市濕地公園保護專班", "成員") in got   # the role as written
    for org, title in expected:
        assert ("任职", name, org, title) in got


def test_member_line_lost_to_a_wrong_encoding_keeps_the_name() -> None:
    text = "關于成立乙市濕地公園保護專班的通知\n乙市人民政府:\n主任:趙六(市政府副市長)\n成員:薩拉·艾力?。ㄊ兴贮h組\n"
    assert ("成员", "薩拉·艾力", "乙市濕地公園保護專班", "成員") in facts(text)


# ---------------------------------------------------------------------------- bodies named in the text

@pytest.mark.parametrize("text,body", [
    ("各县人民政府：\n省政府研究决定，成立省水库移民工作委员会。现将有关事项通知如下：\n组长：李一 副省长\n",
     "省水库移民工作委员会"),
    ("附件1：甲市救助管理工作联席会议制度\n附件2：成员名单\n甲市人民政府办公厅\n2024年4月5日\n附件1：\n"
     "甲市救助管理工作联席会议制度\n为加强组织领导,经市政府同意,建立甲市救助管理工作联席会议制度。\n召集人：李一 副市长\n",
     "甲市救助管理工作联席会议"),
    ("丙县成立人才工作领导小组\n日前，县委印发《关于成立县委人才工作领导小组的通知》，正式成立县委人才工作领导小组。\n"
     "领导小组组长由县委书记李一担任。\n", "县委人才工作领导小组"),
    # a headline of two clauses, the body named in full where the meeting decides to change it
    ("丁州政府召开常务会议 调整州防汛抗旱指挥部组成人员\n7月5日，丁州人民政府召开常务会议。"
     "会议决定调整丁州防汛抗旱指挥部组成人员，调整后名单如下：\n组长：李一　州长\n", "丁州防汛抗旱指挥部"),
    ("戊旗政府召開常務會議 調整旗森林防火指揮部組成人員\n會議研究決定，調整充實戊旗森林防火指揮部組成人員。\n"
     "組長：李一　旗長\n", "戊旗森林防火指揮部"),
    ("己街道召开工作会议 调整人居环境整治工作领导小组\n会议决定，调整己街道人居环境整治工作领导小组成员。\n"
     "组长：李一 街道党工委书记\n", "己街道人居环境整治工作领导小组"),
])
def test_body_named_in_the_text(text: str, body: str) -> None:
    got = {f[:3] + (to_simplified(f[3]),) for f in facts(text)}   # roles as the scorer reads them
    assert ("成员", "李一", body, "组长") in got or ("成员", "李一", body, "召集人") in got


# ---------------------------------------------------------------------------- units

JOINT = """甲市人民政府办公室关于建立甲市养老服务工作联席会议制度的通知

甲政办函〔2024〕9号

各区人民政府，市政府各部门：

二、成员单位
联席会议由市人社局、市发展改革委、市财政局、团市委、市残联、甲州铁路局等6个部门组成。
市人社局为联席会议牵头单位,市人社局局长为联席会议召集人,各成员单位一名负责同志为联席会议成员。联席会议办公室设在市人社局,承担日常工作,办公室主任由市人社局一名副局长兼任。办公室成员由各成员单位业务科室的负责同志担任。
联席会议成员因工作变动需要调整的,由所在单位接任领导接替。
"""

JOINT_BODY = "甲市养老服务工作联席会议"


@pytest.mark.parametrize("fact", [
    *[("成员单位", org, JOINT_BODY, "成员单位")
      for org in ("市人社局", "市发展改革委", "市财政局", "团市委", "市残联", "甲州铁路局")],
    ("牵头", "市人社局", JOINT_BODY, ""),
    ("成员", "市人社局局长", JOINT_BODY, "召集人"),
    ("办公室设在", JOINT_BODY, "市人社局", ""),
    ("成员", "市人社局一名副局长", JOINT_BODY, "办公室主任"),
])
def test_joint_meeting_units_lead_and_heads(fact: tuple) -> None:
    assert fact in facts(JOINT)


def test_joint_meeting_reads_no_people_of_units_in_general() -> None:
    got = facts(JOINT)
    assert {f for f in got if f[0] == "成员"} == {
        ("成员", "市人社局局长", JOINT_BODY, "召集人"),
        ("成员", "市人社局一名副局长", JOINT_BODY, "办公室主任"),
    }
    assert not any("处室" in f[1] or "负责同志" in f[1] for f in got if f[0] == "成员单位")


UNIT_LINE = """{place}人民政府办公室关于成立{place}城区排涝设施建设工作领导小组的通知
{lvl}直各有关单位{comma}各街道办事处{colon}
一、组成人员
组 长{colon}分管水利和防汛工作的副{lvl}长
副组长{colon}协助分管水利工作的{lvl}政府副秘书长、{lvl}水务局主要负责同志
成 员{colon}各街道办事处{comma}{lvl}委编办、保密局{comma}{lvl}科技局、统计局、商务局、林草局{comma}丙省气象局甲{lvl}气象台分管负责同志。
二、工作机制
领导小组下设办公室{comma}办公室设在{lvl}水务局{comma}由{lvl}水务局分管负责同志兼任办公室主任。
"""


@pytest.mark.parametrize("place,lvl", [("甲市", "市"), ("乙县", "县"), ("丁州", "州"), ("戊旗", "旗")])
@pytest.mark.parametrize("comma,colon", [("，", "："), (",", ":")])
def test_unnamed_heads_and_a_member_line_of_units(place: str, lvl: str, comma: str, colon: str) -> None:
    body = f"{place}城区排涝设施建设工作领导小组"
    got = facts(UNIT_LINE.format(place=place, lvl=lvl, comma=comma, colon=colon))
    assert ("成员", f"分管水利和防汛工作的副{lvl}长", body, "组长") in got
    assert ("成员", f"协助分管水利工作的{lvl}政府副秘书长", body, "副组长") in got
    assert ("成员", f"{lvl}水务局主要负责", body, "副组长") in got   # names drop 同志
    units = {f[1] for f in got if f[0] == "成员单位" and f[2] == body}
    assert units == {f"{lvl}委编办", "保密局", f"{lvl}科技局", "统计局", "商务局", "林草局",
                     f"丙省气象局甲{lvl}气象台"}       # names as written; 各街道办事处 left out
    assert not any(f[0] == "成员" and f[3] == "成员" for f in got)
    assert ("下设", body, body + "办公室", "") in got
    assert ("办公室设在", body, f"{lvl}水务局", "") in got
    assert ("成员", f"{lvl}水务局分管负责", body, "办公室主任") in got


@pytest.mark.parametrize("sentence,who", [
    ("办公室主任由市商务局局长周一兼任。", "周一"),
    ("周一同志兼任办公室主任。", "周一"),
    ("周一任办公室主任。", "周一"),
    ("由市商务局分管负责同志兼任办公室主任。", "市商务局分管负责"),
    ("办公室主任由市商务局一名副局长兼任。", "市商务局一名副局长"),
])
def test_office_heads(sentence: str, who: str) -> None:
    text = notice(f"组长：吴二 副市长\n\n领导小组下设办公室，办公室设在市商务局。{sentence}",
                  title="甲市人民政府办公室关于成立甲市外贸工作领导小组的通知")
    got = facts(text)
    assert ("成员", who, "甲市外贸工作领导小组", "办公室主任") in got
    assert ("办公室设在", "甲市外贸工作领导小组", "市商务局", "") in got
    assert ("下设", "甲市外贸工作领导小组", "甲市外贸工作领导小组办公室", "") in got


def test_office_under_its_short_name_and_a_post_in_prose() -> None:
    text = ("各市、县人民政府：省政府决定，成立省移民工作委员会。\n主任委员：李一 省长\n"
            "委员会下设办公室，周二任办公室主任。省移民办设在省发展计划委，编制单列。"
            "为加强移民工作，设立省移民开发局，郑三任省移民开发局局长。\n")
    got = facts(text)
    body = "省移民工作委员会"
    assert ("办公室设在", body, "省发展计划委", "") in got
    assert ("成员", "周二", body, "办公室主任") in got
    assert ("任职", "郑三", "省移民开发局", "局长") in got


@pytest.mark.parametrize("lvl", ["省", "市", "县", "区", "旗", "州"])
def test_convener_and_deputies_of_the_office_named_by_post(lvl: str) -> None:
    body = f"甲{lvl}社区教育联席会议"
    text = notice(f"{lvl}教育局为联席会议牵头单位，{lvl}教育局局长为联席会议召集人。\n"
                  f"联席会议办公室设在{lvl}教育局。办公室主任由{lvl}教育局局长兼任，常务副主任由{lvl}教育局分管副局长兼任。",
                  title=f"甲{lvl}人民政府办公室关于建立{body}制度的通知")
    got = facts(text)
    assert ("牵头", f"{lvl}教育局", body, "") in got
    assert ("成员", f"{lvl}教育局局长", body, "召集人") in got
    assert ("成员", f"{lvl}教育局局长", body, "办公室主任") in got
    assert ("成员", f"{lvl}教育局分管副局长", body, "办公室常务副主任") in got


@pytest.mark.parametrize("sentence", [
    "各县（市、区）参照市级模式，成立分管副县长（市、区）长任组长的工作专班。",
    "领导小组成员因工作变动需要调整的，由成员单位分管负责人继续担任领导小组成员。",
    "各成员单位有关负责同志为领导小组成员。",
    "办公室成员由各成员单位业务科室的负责同志担任。",
    "领导小组负责研究解决重大问题，主任委员会议每年召开一次。",
])
def test_sentences_that_name_no_member(sentence: str) -> None:
    text = notice(f"组长：吴二 副市长\n\n{sentence}", title="甲市人民政府办公室关于成立甲市外贸工作领导小组的通知")
    members = {f for f in facts(text) if f[0] == "成员"}
    assert members == {("成员", "吴二", "甲市外贸工作领导小组", "组长")}


@pytest.mark.parametrize("lines", [
    "副组长：张三（市政府副市长）、李四（市发改委主任）\n成员：王五（市财政局局长）、赵六（市公安局副局长）",
    "副组长:张三(市政府副市长)、李四(市发改委主任)\n成员:王五(市财政局局长)、赵六(市公安局副局长)",
    "副组长：张三，市政府副市长；李四，市发改委主任\n成员：王五，市财政局局长；赵六，市公安局副局长",
    "副组长：张 三  市政府副市长\n李 四  市发改委主任\n成 员：王 五  市财政局局长\n赵 六  市公安局副局长",
])
def test_member_lines_with_several_members_or_posts_after_a_comma(lines: str) -> None:
    group = "甲市文明创建工作领导小组"
    got = facts(notice(lines, title=f"甲市人民政府办公室关于成立{group}的通知"))
    assert {f for f in got if f[0] in ("成员", "任职")} == {
        ("成员", "张三", group, "副组长"), ("任职", "张三", "市政府", "副市长"),
        ("任职", "张三", "甲市人民政府", "副市长"),  # the home government in full, and its alias
        ("成员", "李四", group, "副组长"), ("任职", "李四", "市发改委", "主任"),
        ("成员", "王五", group, "成员"), ("任职", "王五", "市财政局", "局长"),
        ("成员", "赵六", group, "成员"), ("任职", "赵六", "市公安局", "副局长"),
    }


def test_posts_after_a_name_and_comma_are_that_members() -> None:
    got = facts(notice("组长：张三，市委常委、副市长", title="甲市人民政府办公室关于成立甲市文明创建工作领导小组的通知"))
    assert ("任职", "张三", "市委", "市委常委") in got and ("任职", "张三", "市政府", "副市长") in got
    assert not any(f[1] in ("市委常委", "副市长") for f in got)


@pytest.mark.parametrize("lvl", ["市", "县", "旗"])
@pytest.mark.parametrize("sentence", [
    "成员为{l}发改委、{l}财政局、{l}公安局主要负责同志。",
    "领导小组成员由{l}发改委、{l}财政局、{l}公安局分管负责同志组成。",
    "领导小组由{l}发改委、{l}财政局、{l}公安局等3个部门组成。",
])
def test_units_as_members_in_prose(lvl: str, sentence: str) -> None:
    group = f"甲{lvl}文明创建工作领导小组"
    got = facts(notice(sentence.format(l=lvl), title=f"甲{lvl}人民政府办公室关于成立{group}的通知"))
    assert {f for f in got if f[0] in ("成员", "成员单位")} == {
        ("成员单位", f"{lvl}{unit}", group, "成员单位") for unit in ("发改委", "财政局", "公安局")}


@pytest.mark.parametrize("lvl,party,head", [("市", "市委", "市长"), ("县", "县委", "县长"), ("区", "区委", "区长")])
def test_chain_of_roles_in_the_set_up_sentence(lvl: str, party: str, head: str) -> None:
    group = f"甲{lvl}乡村振兴工作领导小组"
    text = (f"甲{lvl}成立乡村振兴工作领导小组\n日前，{party}决定，成立以{party}书记张三为组长，"
            f"{head}李四、{party}副书记王五为副组长的{group}。领导小组办公室设在{lvl}农业农村局。\n")
    got = facts(text, "news.txt")
    assert {f for f in got if f[0] == "成员"} == {
        ("成员", "张三", group, "组长"), ("成员", "李四", group, "副组长"), ("成员", "王五", group, "副组长")}
    assert ("任职", "张三", party, f"{party}书记") in got
    assert ("任职", "李四", f"{lvl}政府", head) in got
    assert ("办公室设在", group, f"{lvl}农业农村局", "") in got


@pytest.mark.parametrize("lvl", ["市", "县", "区", "盟"])
@pytest.mark.parametrize("heading,units", [
    ("二、成员单位", "{l}应急局、{l}公安局、{l}住建局"),
    ("二、成员单位", "{l}应急局\n{l}公安局\n{l}住建局"),
    ("（二）联席会议组成单位：", "{l}应急局，{l}公安局，{l}住建局。"),
])
def test_lines_of_units_under_their_heading(lvl: str, heading: str, units: str) -> None:
    body = f"甲{lvl}消防安全委员会"
    text = (f"甲{lvl}人民政府办公室关于成立{body}的通知\n甲政办函〔2024〕5号\n各有关单位：\n一、委员会组成\n"
            f"主任：张三  {lvl}长\n{heading}\n{units.format(l=lvl)}\n甲{lvl}人民政府办公室\n2024年1月2日\n")
    got = facts(text)
    assert {f for f in got if f[0] == "成员单位"} == {
        ("成员单位", f"{lvl}{u}", body, "成员单位") for u in ("应急局", "公安局", "住建局")}


@pytest.mark.parametrize("sentence", [
    "联席会议由{l}政府分管副{l}长担任召集人，{l}民政局局长担任副召集人。",
    "召集人由{l}政府分管副{l}长担任，副召集人由{l}民政局局长担任。",
])
@pytest.mark.parametrize("lvl", ["市", "县", "州"])
def test_conveners_named_by_post(sentence: str, lvl: str) -> None:
    body = f"甲{lvl}就业工作联席会议"
    got = facts(notice(sentence.format(l=lvl), title=f"甲{lvl}人民政府办公室关于建立{body}制度的通知"))
    assert {f for f in got if f[0] == "成员"} == {
        ("成员", f"{lvl}政府分管副{lvl}长", body, "召集人"), ("成员", f"{lvl}民政局局长", body, "副召集人")}


@pytest.mark.parametrize("colon", ["：", ":", ""])
@pytest.mark.parametrize("lvl", ["市", "县", "旗"])
def test_members_listed_without_a_count(colon: str, lvl: str) -> None:
    group = f"甲{lvl}文明创建工作领导小组"
    text = notice(f"领导小组成员包括{colon}{lvl}委办主任张三、{lvl}政府办主任李四、{lvl}发改委主任王五。\n"
                  f"领导小组成员单位包括{lvl}财政局、{lvl}公安局等部门。",
                  title=f"甲{lvl}人民政府办公室关于成立{group}的通知")
    got = facts(text)
    for name, org in (("张三", f"{lvl}委办"), ("李四", f"{lvl}政府办"), ("王五", f"{lvl}发改委")):
        assert ("成员", name, group, "成员") in got and ("任职", name, org, "主任") in got
    assert ("成员单位", f"{lvl}财政局", group, "成员单位") in got
    assert ("成员单位", f"{lvl}公安局", group, "成员单位") in got


@pytest.mark.parametrize("line,name,org,title", [
    ("王 一 乙省人民政府副省长", "王一", "乙省人民政府", "副省长"),
    ("王一  自治区人民政府副主席", "王一", "自治区人民政府", "副主席"),
    ("王一 乙盟行政公署副盟长", "王一", "乙盟行政公署", "副盟长"),
    ("王一 辛地区行政公署专员", "王一", "辛地区行政公署", "专员"),
    ("王一 恩丙自治州州长", "王一", "恩丙自治州", "州长"),
    ("王 一 丙旗旗长", "王一", "丙旗", "旗长"),
    ("王一 丁县人民政府县长", "王一", "丁县人民政府", "县长"),
    ("王一 戊区区长", "王一", "戊区", "区长"),
    ("王一 己乡乡长", "王一", "己乡", "乡长"),
    ("王 一 庚镇镇长", "王一", "庚镇", "镇长"),
    ("王一 辛街道办事处主任", "王一", "辛街道办事处", "主任"),
    ("王一 人民银行乙省分行行长", "王一", "人民银行乙省分行", "行长"),
])
def test_name_then_post_lines_across_levels(line: str, name: str, org: str, title: str) -> None:
    body = "乙省支援水利建设委员会"
    text = (f"各市、县人民政府:省政府决定,成立{body}。\n主任委员:李二 省长\n成 员:周三 省水利厅厅长\n{line}\n")
    got = facts(text)
    assert ("成员", name, body, "成员") in got
    assert ("任职", name, org, title) in got


@pytest.mark.parametrize("title", [
    "甲市人民政府办公室关于印发甲市就业工作联席会议工作规则的通知",
    "甲市人民政府办公室关于建立甲市就业工作联席会议制度的通知",
    "甲市人民政府办公室关于调整甲市就业工作联席会议成员单位的通知",
    "甲市人民政府办公室关于调整甲市就业工作联席会议组成人员的通知",
    "甲市人民政府办公室关于成立甲市就业工作联席会议及其办公室的通知",
])
def test_body_named_in_titles_with_tails(title: str) -> None:
    text = notice("联席会议由市人社局牵头，市发改委、市财政局为联席会议成员单位。", title=title)
    got = facts(text)
    assert ("牵头", "市人社局", "甲市就业工作联席会议", "") in got
    assert ("成员单位", "市财政局", "甲市就业工作联席会议", "成员单位") in got


@pytest.mark.parametrize("office_heading", ["二、领导小组办公室", "二、办公室组成人员", "（二）领导小组办公室："])
@pytest.mark.parametrize("sub_heading", ["（一）综合协调组", "1.综合协调组", "（一）综合协调专项工作组"])
def test_lists_under_headings_of_the_office_and_subgroups(office_heading: str, sub_heading: str) -> None:
    group = "甲市防汛工作领导小组"
    sub = sub_heading.split("）")[-1].split(".")[-1]
    text = (f"甲市人民政府办公室关于成立{group}的通知\n甲政办函〔2024〕5号\n各有关单位：\n一、领导小组\n"
            f"组长：张三 市长\n{office_heading}\n主任：王五 市水利局局长\n副主任：赵六 市应急局副局长\n"
            f"三、专项工作组\n{sub_heading}\n组长：钱七 市政府副秘书长\n成员：孙八 市水利局副局长\n")
    got = facts(text)
    assert {f for f in got if f[0] == "成员"} == {
        ("成员", "张三", group, "组长"),
        ("成员", "王五", group, "办公室主任"), ("成员", "赵六", group, "办公室副主任"),
        ("成员", "钱七", sub, "组长"), ("成员", "孙八", sub, "成员"),
    }
    assert ("任职", "孙八", "市水利局", "副局长") in got


@pytest.mark.parametrize("sentence", [
    "副组长分别由{p}常委、宣传部部长张三，{g}李四担任。",
    "副组长分别由{p}常委、宣传部部长张三和{g}李四担任。",
    "副组长由{p}常委、宣传部部长张三和{g}李四担任。",
])
@pytest.mark.parametrize("lvl,p,g", [("市", "市委", "副市长"), ("县", "县委", "副县长"), ("旗", "旗委", "副旗长")])
def test_several_holders_of_one_role(sentence: str, lvl: str, p: str, g: str) -> None:
    group = f"甲{lvl}文明创建工作领导小组"
    got = facts(notice(sentence.format(p=p, g=g), title=f"甲{lvl}人民政府办公室关于成立{group}的通知"))
    assert {f for f in got if f[0] == "成员"} == {("成员", "张三", group, "副组长"), ("成员", "李四", group, "副组长")}
    assert ("任职", "张三", p, f"{p}常委") in got and ("任职", "张三", "宣传部", "部长") in got
    assert ("任职", "李四", f"{lvl}政府", g) in got


def test_and_inside_a_unit_name_is_no_list() -> None:
    got = facts(notice("组长由市教育和体育局局长王五担任。", title="甲市人民政府办公室关于成立甲市文明创建工作领导小组的通知"))
    assert ("成员", "王五", "甲市文明创建工作领导小组", "组长") in got
    assert ("任职", "王五", "市教育和体育局", "局长") in got


# ---------------------------------------------------------------------------- member lists: held-out forms

LIST_LEVELS = [  # place, level word, a unit of that level, its head's title
    ("甲", "省", "省水利厅", "副厅长"),
    ("乙", "自治区", "自治区水利厅", "副厅长"),
    ("丙", "市", "市水利局", "副局长"),
    ("丁", "州", "州水利局", "副局长"),
    ("戊", "盟", "盟水利局", "副局长"),
    ("己", "县", "县水利局", "副局长"),
    ("庚", "旗", "旗水利局", "副局长"),
    ("辛", "区", "区水利局", "副局长"),
]


@pytest.mark.parametrize("place,lvl,unit,title", LIST_LEVELS)
@pytest.mark.parametrize("colon,tail", [("：", "分管负责同志"), (":", "主要负责人"), ("：", "有关负责同志")])
def test_a_units_person_inside_a_list_does_not_end_it(place: str, lvl: str, unit: str, title: str, colon: str,
                                                       tail: str) -> None:
    group = f"{place}{lvl}河湖治理工作领导小组"
    body = (f"一、领导小组组成人员\n组  长{colon}王一平  {lvl}人民政府副{lvl if lvl != '自治区' else ''}长\n"
            f"成  员{colon}钱四海  {unit}{title}\n        {lvl}气象局{tail}\n        孙  五  {lvl}公安局副局长\n"
            f"        李六（{lvl}财政局副局长）\n二、工作职责\n负责统筹协调。\n")
    got = facts(notice(body, title=f"{place}{lvl}人民政府关于成立{group}的通知"))
    assert ("成员", "钱四海", group, "成员") in got
    assert ("成员", f"{lvl}气象局{tail}".removesuffix("同志"), group, "成员") in got or \
        ("成员", f"{lvl}气象局{tail}", group, "成员") in got
    assert ("成员", "孙五", group, "成员") in got            # the list goes on after the unit's person
    assert ("任职", "孙五", f"{lvl}公安局", "副局长") in got
    assert ("成员", "李六", group, "成员") in got
    assert ("任职", "李六", f"{lvl}财政局", "副局长") in got


@pytest.mark.parametrize("colon", ["：", ":"])
@pytest.mark.parametrize("role,spaced", [("委员", "委　　员"), ("委员", "委 员"), ("委員", "委　員")])
def test_a_lists_members_keep_their_role_word(colon: str, role: str, spaced: str) -> None:
    group = "壬市节约用水委员会"
    body = f"主任委员{colon}王一平  市政府副市长\n副主任委员{colon}赵二  市水利局局长\n{spaced}{colon}钱三  市财政局副局长\n"
    got = facts(notice(body, title=f"壬市人民政府关于调整{group}组成人员的通知"))
    assert ("成员", "钱三", group, role) in got            # SCHEMA §5: the role as written
    assert ("成员", "赵二", group, "副主任委员") in got
    assert not any(f[0] == "成员" and f[3] == "成员" for f in got)


@pytest.mark.parametrize("note", ["（女）", "(女)", "（蒙古族）", "（兼）"])
@pytest.mark.parametrize("lvl,unit", [("市", "市统计局"), ("县", "县统计局"), ("盟", "盟统计局"), ("镇", "镇统计站")])
def test_a_note_after_a_members_name_is_no_post(note: str, lvl: str, unit: str) -> None:
    group = f"子{lvl}人口普查领导小组"
    body = f"组  长：王一平  {lvl}人民政府副{lvl}长\n成  员：周　红{note}  {unit}副站长\n"
    body = body.replace("副站长", "副局长" if unit.endswith("局") else "副站长")
    got = facts(notice(body, title=f"子{lvl}人民政府关于成立{group}的通知"))
    title = "副局长" if unit.endswith("局") else "副站长"
    assert ("成员", "周红", group, "成员") in got
    assert ("任职", "周红", unit, title) in got
    assert not any(f[1].startswith("周红") and f[1] != "周红" for f in got)


@pytest.mark.parametrize("name", ["巴特尔朝克图", "额日和木巴雅尔", "扎西次仁多吉"])
@pytest.mark.parametrize("lvl,party,head", [("旗", "旗委", "旗长"), ("州", "州委", "州长"), ("县", "县委", "县长")])
@pytest.mark.parametrize("sep", ["　", "  "])
def test_long_names_without_a_dot_open_a_member_line(name: str, lvl: str, party: str, head: str, sep: str) -> None:
    group = f"丑{lvl}森林防火指挥部"
    body = f"指 挥 长：{name}{sep}{party}副书记、{head}\n副指挥长：王一平{sep}副{head}\n"
    got = facts(notice(body, title=f"丑{lvl}人民政府关于成立{group}的通知"))
    assert ("成员", name, group, "指挥长") in got
    assert ("任职", name, party, f"{party}副书记") in got
    assert ("任职", name, f"{lvl}政府", head) in got
    assert not any(f[0] == "成员" and f[1] in (head, f"{name}{party}副书记") for f in got)


@pytest.mark.parametrize("place", ["寅地区", "卯地区"])
@pytest.mark.parametrize("colon", ["：", ":"])
def test_a_prefecture_heads_title_names_the_post_without_its_body(place: str, colon: str) -> None:
    group = f"{place}绿化委员会"
    body = f"主任委员{colon}王一平  地委副书记、行署专员\n副主任委员{colon}赵二  行署副专员\n"
    got = facts(notice(body, title=f"{place}行政公署关于调整{group}组成人员的通知"))
    assert ("任职", "王一平", "地委", "地委副书记") in got
    assert ("任职", "王一平", "地区行政公署", "专员") in got      # SCHEMA §2: 行署 is the body, not the post
    assert ("任职", "赵二", "地区行政公署", "副专员") in got


@pytest.mark.parametrize("count", ["4个工作组", "四个专项工作组", "等4个小组"])
@pytest.mark.parametrize("lvl", ["市", "县", "旗"])
def test_subgroups_listed_before_their_count(count: str, lvl: str) -> None:
    group = f"辰{lvl}项目攻坚工作专班"
    body = f"工作专班下设宣传引导组、资金保障组、技术指导组、监督检查组{count}。宣传引导组由{lvl}商务局牵头。\n"
    got = facts(notice(body, title=f"辰{lvl}人民政府办公室关于成立{group}的通知"))
    subs = {f[2] for f in got if f[0] == "下设"}
    assert subs == {"宣传引导组", "资金保障组", "技术指导组", "监督检查组"}


@pytest.mark.parametrize("lvl", ["旗", "县", "州", "盟"])
@pytest.mark.parametrize("end", ["。", ""])
def test_a_unit_list_broken_over_lines(lvl: str, end: str) -> None:
    group = f"巳{lvl}防灭火指挥部"
    body = (f"二、成员单位\n{lvl}应急管理局、{lvl}林业和草原局、{lvl}公安局、{lvl}\n消防救援大队、{lvl}人武部{end}\n"
            f"三、办事机构\n指挥部下设办公室，办公室设在{lvl}应急管理局。\n")
    got = facts(notice(body, title=f"巳{lvl}人民政府关于成立{group}的通知"))
    units = {f[1] for f in got if f[0] == "成员单位"}
    assert units == {f"{lvl}应急管理局", f"{lvl}林业和草原局", f"{lvl}公安局", f"{lvl}消防救援大队", f"{lvl}人武部"}


# ---------------------------------------------------------------------------- bodies set up inside other documents

SET_UP_LEVELS = [  # place, level, party committee, its head, government body, government post
    ("午", "市", "市委", "市委副书记", "市政府", "副市长"),
    ("未", "县", "县委", "县委副书记", "县政府", "副县长"),
    ("申", "旗", "旗委", "旗委副书记", "旗政府", "副旗长"),
    ("酉", "镇", "镇党委", "镇党委书记", "镇政府", "副镇长"),
    ("戌", "乡", "乡党委", "乡党委书记", "乡政府", "副乡长"),
]


@pytest.mark.parametrize("place,lvl,party,head,gov,gov_post", SET_UP_LEVELS)
@pytest.mark.parametrize("comma,stop", [("，", "。"), (",", ".")])
@pytest.mark.parametrize("kind", ["背街小巷整治工作任务分工", "背街小巷整治三年行动实施方案"])   # a task list, a plan
def test_a_body_set_up_inside_a_task_list(place: str, lvl: str, party: str, head: str, gov: str, gov_post: str,
                                          comma: str, stop: str, kind: str) -> None:
    group = f"{place}{lvl}背街小巷整治工作领导小组"
    text = (f"{place}{lvl}人民政府办公室关于印发{kind}的通知\n\n{place}政办发〔2024〕5号\n\n"
            f"各有关单位：\n\n一、加强组织领导\n成立{group}{comma}由{head}周一川任组长{comma}{gov_post}吴二江{comma}"
            f"{lvl}住建局局长郑三湖任副组长{comma}各成员单位负责人为成员{stop}领导小组办公室设在{lvl}住建局{comma}"
            f"由郑三湖同志兼任办公室主任{stop}\n二、任务分工\n1.摸底调查{stop}由{lvl}住建局牵头{comma}各社区配合{stop}\n")
    got = facts(text)
    assert ("成员", "周一川", group, "组长") in got
    assert ("任职", "周一川", party, head) in got
    assert ("成员", "吴二江", group, "副组长") in got            # a holder in a clause of its own before the verb
    assert ("任职", "吴二江", gov, gov_post) in got
    assert ("成员", "郑三湖", group, "副组长") in got
    assert ("任职", "郑三湖", f"{lvl}住建局", "局长") in got
    assert ("成员", "郑三湖", group, "办公室主任") in got
    assert ("办公室设在", group, f"{lvl}住建局", "") in got
    assert not any(f[0] == "成员" and "各" in f[1] for f in got)   # units' people in general: no member


@pytest.mark.parametrize("sentence", [
    "市委副书记张三主持会议，李四任组长。",          # a clause with a verb is no holder
    "会议由市委副书记张三主持，市政府副市长李四任组长。",
])
def test_only_person_clauses_join_the_holders(sentence: str) -> None:
    group = "亥市河长制工作领导小组"
    got = facts(notice(f"成立{group}。{sentence}", title=f"亥市人民政府关于成立{group}的通知"))
    assert not any(f[0] == "成员" and f[1] == "张三" for f in got)


# ---------------------------------------------------------------------------- roles paired, held now, per unit

@pytest.mark.parametrize("lvl,party,gov", [("市", "市委", "副市长"), ("县", "县委", "副县长"), ("旗", "旗委", "副旗长"),
                                           ("州", "州委", "副州长")])
@pytest.mark.parametrize("joins,sep", [(("、", "、"), "、"), (("和", "和"), "，"), (("、", "及"), ","),
                                       (("、", "、"), "，")])
def test_roles_paired_with_holders_in_order(lvl: str, party: str, gov: str, joins: tuple[str, str], sep: str) -> None:
    group = f"甲{lvl}河湖治理工作领导小组"
    sentence = (f"组长{joins[0]}副组长{joins[1]}办公室主任分别由{party}副书记张一山{sep}{gov}李二水{sep}"
                f"{lvl}水利局局长王三河担任。")
    got = facts(notice(sentence, title=f"甲{lvl}人民政府关于成立{group}的通知"))
    members = {(f[1], f[3]) for f in got if f[0] == "成员"}
    assert members == {("张一山", "组长"), ("李二水", "副组长"), ("王三河", "办公室主任")}
    assert ("任职", "王三河", f"{lvl}水利局", "局长") in got


def test_roles_unpaired_when_the_counts_differ() -> None:
    group = "乙市河湖治理工作领导小组"
    got = facts(notice("组长、副组长分别由市委副书记张一山、副市长李二水、副市长赵四海担任。",
                       title=f"乙市人民政府关于成立{group}的通知"))
    assert ("成员", "张一山", group, "组长") not in got     # no guess which holds which


@pytest.mark.parametrize("sentence", ["张一山同志现任领导小组副组长。", "张 一 山现任副组长。", "张一山同志現任領導小組副組長。"])
def test_a_role_held_now(sentence: str) -> None:
    got = facts(notice(sentence, title="丙县人民政府关于调整丙县河湖治理工作领导小组成员的通知"))
    assert any(f[0] == "成员" and f[1] in ("张一山", "張一山") and f[3] in ("副组长", "副組長") for f in got)


@pytest.mark.parametrize("units,tail", [(["市发改委", "市财政局"], "分管负责同志"), (["县水利局", "县自然资源局", "县住建局"], "主要负责人"),
                                        (["旗应急管理局", "旗林业和草原局"], "有关负责同志")])
@pytest.mark.parametrize("comma", ["，", ","])
def test_office_deputies_one_per_unit(units: list[str], tail: str, comma: str) -> None:
    group = "丁市防汛抗旱指挥部"
    sentence = f"办公室主任由王三河同志兼任{comma}办公室副主任由{'、'.join(units)}{tail}担任。"
    got = facts(notice(sentence, title=f"丁市人民政府关于成立{group}的通知"))
    deputies = {f[1] for f in got if f[0] == "成员" and f[3] == "办公室副主任"}
    assert deputies == {u + tail.removesuffix("同志") for u in units} or deputies == {u + tail for u in units}
    assert ("成员", "王三河", group, "办公室主任") in got


@pytest.mark.parametrize("join", ["和", "及", "、"])
@pytest.mark.parametrize("lvl", ["市", "县", "盟", "区"])
def test_a_title_naming_two_bodies(join: str, lvl: str) -> None:
    first, second = f"戊{lvl}河湖治理工作领导小组", f"戊{lvl}水资源保护委员会"
    body = f"一、{first}\n组长：张一山 副{lvl}长\n二、{second}\n主任：李二水 副{lvl}长\n"
    got = facts(notice(body, title=f"戊{lvl}人民政府关于成立{first}{join}{second}的通知"))
    assert ("成员", "张一山", first, "组长") in got
    assert ("成员", "李二水", second, "主任") in got
    assert not any(join in f[2] and f[0] == "成员" for f in got)


# ---------------------------------------------------------------------------- party posts with their place

@pytest.mark.parametrize("post,expected", [
    ("丙镇党委书记", {("丙镇党委", "镇党委书记")}),
    ("丁乡党委副书记、乡长", {("丁乡党委", "乡党委副书记"), ("乡政府", "乡长")}),
    ("戊街道党工委书记", {("戊街道党工委", "街道党工委书记")}),
    ("中共丁州委副书记、州长", {("中共丁州委", "州委副书记"), ("丁州", "州长")}),
    ("中共己县委常委、副县长", {("中共己县委", "县委常委"), ("己县", "副县长")}),
])
def test_party_posts_keep_their_committee_and_place(post: str, expected: set) -> None:
    from extract.posts import parse_posts
    assert {(p.org, p.title) for p in parse_posts(post)} == expected


@pytest.mark.parametrize("lvl", ["市", "县", "镇", "街道"])
def test_two_bodies_set_up_in_one_paragraph_keep_their_own_chairs(lvl: str) -> None:
    first, second = f"未{lvl}环境整治协调机制", f"未{lvl}环境整治工作领导小组"
    text = (f"未{lvl}关于印发环境整治工作任务分工的通知\n\n未政发〔2024〕2号\n\n各有关单位：\n\n一、组织保障\n"
            f"建立{first}，成立{second}，由周一川任组长，吴二江任副组长。\n二、任务分工\n")
    got = facts(text)
    assert ("成员", "周一川", second, "组长") in got and ("成员", "吴二江", second, "副组长") in got
    assert not any(f[2] == first for f in got if f[0] == "成员")


@pytest.mark.parametrize("lvl", ["州", "县", "旗", "自治区"])
@pytest.mark.parametrize("open_,close", [("（", "）"), ("(", ")")])
@pytest.mark.parametrize("verb", ["兼", "兼任"])
def test_a_bracketed_concurrent_post_is_a_post_too(lvl: str, open_: str, close: str, verb: str) -> None:
    group = f"申{lvl}食品安全委员会"
    body = f"主　任：王一平　{lvl}人民政府副{lvl if lvl != '自治区' else ''}长\n委　员：郑小川　{lvl}市场监管局局长{open_}{verb}{lvl}食安办主任{close}\n"
    got = facts(notice(body, title=f"申{lvl}人民政府办公室关于调整{group}组成人员的通知"))
    assert ("任职", "郑小川", f"{lvl}市场监管局", "局长") in got
    assert ("任职", "郑小川", f"{lvl}食安办", "主任") in got
    assert ("成员", "郑小川", group, "委员") in got


@pytest.mark.parametrize("last", ["各乡镇主要负责同志", "各苏木镇分管负责人", "县气象局主要负责人"])
@pytest.mark.parametrize("sep", ["、", "，"])
def test_the_member_before_a_role_named_entry_stands(last: str, sep: str) -> None:
    group = "酉县城乡供水建设指挥部"
    body = f"成　　员：赵一明（县水利局局长）{sep}吴二刚（县自然资源局局长）{sep}{last}\n"
    got = facts(notice(body, title=f"酉县人民政府关于成立{group}的通知"))
    assert ("成员", "吴二刚", group, "成员") in got
    assert ("任职", "吴二刚", "县自然资源局", "局长") in got


@pytest.mark.parametrize("lvl", ["市", "县", "区", "旗"])
@pytest.mark.parametrize("count", ["等12个部门", "等部门", "等十二个单位", ""])
def test_news_of_a_body_with_units_and_led_subgroups(lvl: str, count: str) -> None:
    group = f"亥{lvl}数字经济发展工作专班"
    text = (f"亥{lvl}成立数字经济发展工作专班\n\n近日，亥{lvl}决定成立{group}，由{lvl}委常委、常务副{lvl}长林一帆任专班组长，"
            f"{lvl}工信局、{lvl}发改委、{lvl}大数据局{count}为成员单位。\n"
            f"专班下设产业推进组、数据要素组和招商服务组3个工作组，分别由{lvl}工信局、{lvl}大数据局、{lvl}商务局牵头。\n")
    got = facts(text, "news.txt")
    assert ("成员", "林一帆", group, "组长") in got
    assert {f[1] for f in got if f[0] == "成员单位"} == {f"{lvl}工信局", f"{lvl}发改委", f"{lvl}大数据局"}
    assert {(f[1], f[2]) for f in got if f[0] == "牵头"} == {
        (f"{lvl}工信局", "产业推进组"), (f"{lvl}大数据局", "数据要素组"), (f"{lvl}商务局", "招商服务组")}


def test_leads_in_order_need_as_many_units_as_subgroups() -> None:
    text = ("子市成立招商工作专班\n\n近日，子市决定成立子市招商工作专班。\n"
            "专班下设产业推进组、数据要素组和招商服务组3个工作组，分别由市工信局、市商务局牵头。\n")
    assert not any(f[0] == "牵头" and f[2].endswith("组") for f in facts(text, "news.txt"))


@pytest.mark.parametrize("lvl", ["县", "市", "旗", "区"])
@pytest.mark.parametrize("colon", ["：", ":"])
def test_several_post_then_name_members_on_one_line(lvl: str, colon: str) -> None:
    group = f"丑{lvl}养老服务工作领导小组"
    body = f"副组长{colon}{lvl}政府办公室副主任陈一伟、{lvl}民政局局长杨二帆\n成  员{colon}{lvl}委常委、副{lvl}长周三川\n"
    got = facts(notice(body, title=f"丑{lvl}人民政府关于成立{group}的通知"))
    assert ("成员", "陈一伟", group, "副组长") in got and ("成员", "杨二帆", group, "副组长") in got
    assert ("任职", "陈一伟", f"{lvl}政府办公室", "副主任") in got
    assert ("任职", "杨二帆", f"{lvl}民政局", "局长") in got
    assert ("成员", "周三川", group, "成员") in got          # posts of one person stay together
    assert ("任职", "周三川", f"{lvl}政府", f"副{lvl}长") in got


@pytest.mark.parametrize("lvl,head", [("县", "县长"), ("市", "市长"), ("旗", "旗长"), ("区", "区长")])
@pytest.mark.parametrize("verb", ["分管", "负责"])
def test_chairs_named_by_the_work_they_do(lvl: str, head: str, verb: str) -> None:
    group = f"卯{lvl}秸秆禁烧工作领导小组"
    sentence = (f"领导小组由{head}任组长，{verb}农业农村工作的副{head}任副组长，{lvl}农业农村局、{lvl}生态环境局主要负责人为成员。")
    got = facts(notice(sentence, title=f"卯{lvl}人民政府关于成立{group}的通知"))
    assert ("成员", f"{verb}农业农村工作的副{head}", group, "副组长") in got
    assert not any(f[0] == "成员" and f[1].endswith("组长") for f in got)   # "任组长" is no one
    assert {f[1] for f in got if f[0] == "成员单位"} == {f"{lvl}农业农村局", f"{lvl}生态环境局"}


@pytest.mark.parametrize("lvl", ["区", "县", "州", "镇"])
@pytest.mark.parametrize("office_heading", ["二、指挥部办公室", "（二）指挥部办公室组成人员", "二、办公室"])
def test_units_then_a_person_on_a_members_line_and_office_chairs_below_a_heading(lvl: str, office_heading: str) -> None:
    group = f"辰{lvl}文明创建工作指挥部"
    body = (f"一、指挥部组成\n指挥长：{lvl}委副书记  欧阳一明\n"
            f"成员：{lvl}委宣传部、{lvl}文明办、{lvl}城管局主要负责同志，{lvl}住建局局长周二川。\n"
            f"{office_heading}\n主任：欧阳一明（兼）\n副主任：{lvl}文明办、{lvl}城管局分管负责同志\n")
    got = facts(notice(body, title=f"辰{lvl}人民政府办公室关于成立{group}的通知"))
    assert {f[1] for f in got if f[0] == "成员单位"} == {f"{lvl}委宣传部", f"{lvl}文明办", f"{lvl}城管局"}
    assert ("成员", "周二川", group, "成员") in got
    assert ("成员", "欧阳一明", group, "办公室主任") in got
    assert not any(f[0] == "成员" and f[3] == "主任" for f in got)      # under the office heading
    deputies = {f[1] for f in got if f[0] == "成员" and f[3] == "办公室副主任"}
    assert deputies == {f"{lvl}文明办分管负责", f"{lvl}城管局分管负责"} or \
        deputies == {f"{lvl}文明办分管负责同志", f"{lvl}城管局分管负责同志"}


@pytest.mark.parametrize("lvl,head", [("市", "市长"), ("县", "县长"), ("盟", "盟长"), ("乡", "乡长")])
@pytest.mark.parametrize("open_,close", [("（", "）"), ("(", ")")])
def test_a_name_with_tongzhi_before_its_bracketed_post(lvl: str, head: str, open_: str, close: str) -> None:
    group = f"午{lvl}森林防火工作领导小组"
    body = (f"组　长：张大同同志{open_}{head}{close}\n"
            f"副组长：王小明同志{open_}副{head}{close}、赵四海同志{open_}{lvl}林业站站长{close}\n")
    got = facts(notice(body, title=f"午{lvl}人民政府关于成立{group}的通知"))
    assert ("成员", "张大同", group, "组长") in got and ("成员", "王小明", group, "副组长") in got
    assert ("成员", "赵四海", group, "副组长") in got
    assert ("任职", "赵四海", f"{lvl}林业站", "站长") in got
    assert not any("同志" in f[1] for f in got)


@pytest.mark.parametrize("lvl", ["市", "县", "州", "旗"])
@pytest.mark.parametrize("tail", ["主要负责同志", "主要负责人", "分管负责同志"])
def test_a_units_person_holds_a_role_in_prose(lvl: str, tail: str) -> None:
    group = f"未{lvl}促进就业工作联席会议"
    sentence = f"联席会议由{lvl}政府分管副{lvl}长担任召集人，{lvl}人社局{tail}担任副召集人，各成员单位分管负责同志为联席会议成员。"
    got = facts(notice(sentence, title=f"未{lvl}人民政府办公室关于建立{group}制度的通知"))
    conveners = {f[1].removesuffix("同志") for f in got if f[0] == "成员" and f[3] == "副召集人"}
    assert conveners == {f"{lvl}人社局{tail}".removesuffix("同志")}
    assert not any(f[0] == "成员" and "各" in f[1] for f in got)


@pytest.mark.parametrize("post,expected", [
    ("街道党工委委员、副主任", {("街道党工委", "街道党工委委员"), ("街道办事处", "副主任")}),
    ("戊街道党工委副书记、主任", {("戊街道党工委", "街道党工委副书记"), ("戊街道办事处", "主任")}),
    ("市委常委、组织部长", {("市委", "市委常委"), ("市委", "组织部长")}),   # no head after a city's committee
])
def test_a_heads_general_title_right_after_the_levels_party_post(post: str, expected: set) -> None:
    from extract.posts import parse_posts
    assert {(p.org, p.title) for p in parse_posts(post)} == expected


@pytest.mark.parametrize("comma", ["，", ","])
def test_a_street_body_set_up_in_a_task_list_gives_its_heads_posts(comma: str) -> None:
    group = "辛街道背街小巷整治工作领导小组"
    text = (f"辛街道办事处关于印发背街小巷整治工作任务分工的通知\n\n辛街办发〔2024〕3号\n\n各社区居委会：\n\n一、加强组织领导\n"
            f"成立{group}{comma}由街道党工委书记周一川任组长{comma}街道办事处主任吴二江{comma}"
            f"街道党工委委员、副主任郑三湖任副组长。\n二、任务分工\n")
    got = facts(text)
    assert ("任职", "郑三湖", "街道办事处", "副主任") in got and ("任职", "郑三湖", "街道党工委", "街道党工委委员") in got
    assert ("任职", "吴二江", "街道办事处", "主任") in got
    assert not any(f[0] == "任职" and f[2] == "街道党工委" and f[3] == "副主任" for f in got)


@pytest.mark.parametrize("last", ["省公安厅常务副厅长　秦一岭", "省公安厅副厅长  秦一岭", "省自然资源厅主要负责人"])
@pytest.mark.parametrize("indent", ["　　", ""])
def test_the_office_sentence_after_a_list_is_its_own(last: str, indent: str) -> None:
    group = "甲省安全生产委员会"
    body = (f"{indent}主　　任：陆一华　省长\n{indent}委　　员：省应急厅厅长　钟二鸣\n{indent}　　　　　　{last}\n"
            f"{indent}省安全生产委员会办公室设在省应急厅，钟二鸣同志兼任办公室主任。\n")
    got = facts(notice(body, title=f"甲省人民政府办公厅关于调整{group}组成人员的通知"))
    assert ("办公室设在", group, "省应急厅", "") in got
    assert ("成员", "钟二鸣", group, "办公室主任") in got
    who = "秦一岭" if "秦" in last else last
    assert ("成员", who, group, "委员") in got


@pytest.mark.parametrize("level,gov", [("市", "市政府"), ("州", "州政府"), ("盟", "盟行政公署"), ("县", "县政府")])
@pytest.mark.parametrize("name", ["韩六", "常秀", "易俊", "欧阳小东"])
def test_prose_chair_whose_post_ends_where_a_shorter_title_would(level: str, gov: str, name: str) -> None:
    """"副秘书长韩六" is 副秘书长 + 韩六, not 副秘书 + 长韩六: the cut leaves a family name."""
    group = f"甲{level}河湖治理工作领导小组"
    text = notice(f"组长由副{level}长赵一担任，副组长由{gov}副秘书长{name}担任。",
                  title=f"甲{level}人民政府办公室关于成立{group}的通知")
    got = facts(text)
    assert ("成员", name, group, "副组长") in got
    assert not any(f[0] == "成员" and f[1].startswith("长") for f in got)


# ---------------------------------------------------------------------------- members parted by spaces

SPACED_LEVELS = [  # place, level word, government title (its deputy), the party committee
    ("甲", "省", "省长", "省委"),
    ("乙", "自治区", "主席", "自治区党委"),
    ("丙", "市", "市长", "市委"),
    ("丁", "州", "州长", "州委"),
    ("戊", "盟", "盟长", "盟委"),
    ("己", "县", "县长", "县委"),
    ("庚", "区", "区长", "区委"),
    ("辛", "旗", "旗长", "旗委"),
    ("壬", "乡", "乡长", "乡党委"),
    ("癸", "镇", "镇长", "镇党委"),
    ("子", "街道", "主任", "街道党工委"),
]


@pytest.mark.parametrize("place,lvl,head,party", SPACED_LEVELS)
@pytest.mark.parametrize("open_,close,colon,space", [("（", "）", "：", "\u3000"), ("(", ")", ":", "  "),
                                                     ("（", "）", "：", "\u3000\u3000")])
def test_several_bracketed_members_on_a_line_parted_by_spaces(place: str, lvl: str, head: str, party: str,
                                                               open_: str, close: str, colon: str, space: str) -> None:
    group = f"{place}{lvl}乡村振兴工作领导小组"
    body = (f"组　长{colon}张一山{open_}{party}书记{close}{space}李二水{open_}{party}副书记{close}\n"
            f"成　员{colon}孙六{open_}{lvl}财政局局长{close}{space}周 七{open_}{lvl}水利局局长{close}"
            f"{space}吴八林{open_}{lvl}农业农村局局长{close}\n")
    got = facts(notice(body, title=f"{place}{lvl}人民政府办公室关于调整{group}组成人员的通知"))
    assert ("成员", "张一山", group, "组长") in got
    assert ("成员", "李二水", group, "组长") in got
    assert ("任职", "李二水", party, f"{party}副书记") in got
    for name, unit in (("孙六", "财政局"), ("周七", "水利局"), ("吴八林", "农业农村局")):
        assert ("成员", name, group, "成员") in got
        assert ("任职", name, f"{lvl}{unit}", "局长") in got
    assert not any(f[0] == "成员" and (open_ in f[1] or close in f[1]) for f in got)


@pytest.mark.parametrize("lvl", ["省", "市", "县", "区", "旗", "州"])
@pytest.mark.parametrize("open_,close,space", [("（", "）", "\u3000"), ("(", ")", "  ")])
def test_spaced_members_broken_inside_their_brackets_go_on_below(lvl: str, open_: str, close: str, space: str) -> None:
    group = f"丑{lvl}防汛抗旱指挥部"
    body = (f"副指挥长：王三林{open_}{lvl}委常委、常务副{lvl}\n长{close}{space}钱五{open_}{lvl}应急管理局局长{close}\n"
            f"成　　员：阿依·托乎{open_}{lvl}政\n府办公室主任{close}{space}周七{open_}{lvl}财政局局\n长{close}"
            f"{space}吴八{open_}{lvl}水利局局长\n{close}\n"
            f"指挥部办公室设在{lvl}水利局。\n")
    got = facts(notice(body, title=f"丑{lvl}人民政府关于调整{group}组成人员的通知"))
    assert ("成员", "王三林", group, "副指挥长") in got
    assert ("任职", "王三林", f"{lvl}委", f"{lvl}委常委") in got
    assert ("成员", "钱五", group, "副指挥长") in got
    assert ("成员", "阿依·托乎", group, "成员") in got
    assert ("任职", "阿依·托乎", f"{lvl}政府办公室", "主任") in got
    assert ("任职", "周七", f"{lvl}财政局", "局长") in got
    assert ("任职", "吴八", f"{lvl}水利局", "局长") in got
    assert ("办公室设在", group, f"{lvl}水利局", "") in got
    assert len({f[1] for f in got if f[0] == "成员"}) == 5


def test_an_unclosed_bracket_joins_no_lines() -> None:
    group = "寅县禁毒工作领导小组"
    body = "组　长：张一山（县委副书记\n成　员：孙六（县公安局局长）\n"
    got = facts(notice(body, title=f"寅县人民政府关于成立{group}的通知"))
    assert ("成员", "孙六", group, "成员") in got


# ---------------------------------------------------------------------------- numbered units under a heading

UNIT_LEVELS = ["省", "自治区", "市", "州", "盟", "县", "区", "旗", "乡", "镇", "街道"]


@pytest.mark.parametrize("lvl", UNIT_LEVELS)
@pytest.mark.parametrize("heading", ["成员单位：", "成员单位:", "二、成员单位", "（二）成员单位", "成 员 单 位："])
@pytest.mark.parametrize("mark", ["{n}.", "{n}．", "{n}、", "（{n}）", "({n})"])
def test_numbered_member_units_under_a_heading(lvl: str, heading: str, mark: str) -> None:
    group = f"卯{lvl}促进民营经济发展联席会议"
    units = [f"{lvl}发展改革委", f"{lvl}财政局", f"{lvl}工商联", f"{lvl}总工会"]
    lines = "\n".join(mark.format(n=i + 1) + u for i, u in enumerate(units))
    body = (f"联席会议由{lvl}发展改革委牵头。\n{heading}\n{lines}\n"
            f"联席会议办公室设在{lvl}发展改革委，承担日常工作。\n")
    got = facts(notice(body, title=f"卯{lvl}人民政府办公室关于建立{group}制度的通知"))
    assert {f[1] for f in got if f[0] == "成员单位"} == set(units)
    assert all(f[2] == group and f[3] == "成员单位" for f in got if f[0] == "成员单位")


@pytest.mark.parametrize("lvl", ["省", "市", "县", "旗", "镇"])
@pytest.mark.parametrize("sep", ["\u3000", "  ", "、"])
@pytest.mark.parametrize("numbered", [True, False])
def test_several_member_units_per_line(lvl: str, sep: str, numbered: bool) -> None:
    group = f"辰{lvl}安全生产委员会"
    units = [f"{lvl}应急管理局", f"{lvl}公安局", f"{lvl}住房和城乡建设局", f"{lvl}交通运输局", f"{lvl}市场监管局"]
    items = [f"{i + 1}.{u}" if numbered and sep != "、" else u for i, u in enumerate(units)]
    body = f"二、成员单位\n{sep.join(items[:3])}\n{sep.join(items[3:])}\n三、工作规则\n委员会每年召开一次全体会议。\n"
    got = facts(notice(body, title=f"辰{lvl}人民政府关于调整{group}组成人员的通知"))
    assert {f[1] for f in got if f[0] == "成员单位"} == set(units)


def test_a_numbered_sentence_ends_the_units_section() -> None:
    group = "巳市河长制工作领导小组"
    body = "成员单位：\n1.市水务局\n2.市财政局\n三、工作要求\n1.各成员单位要加强协作，市公安局负责执法。\n"
    got = facts(notice(body, title=f"巳市人民政府关于调整{group}成员的通知"))
    assert {f[1] for f in got if f[0] == "成员单位"} == {"市水务局", "市财政局"}


# ---------------------------------------------------------------------------- a short name the text gives

@pytest.mark.parametrize("lvl,kind,short", [("省", "国土空间规划委员会", "规委会"), ("州", "国土空间规划委员会", "规委会"),
                                            ("市", "安全生产委员会", "安委会"), ("旗", "食品安全委员会", "食安委"),
                                            ("县", "促进民营经济发展联席会议", "联席会议"), ("街道", "平安建设领导小组", "平安办")])
@pytest.mark.parametrize("open_,close,sep", [("（", "）", "，"), ("(", ")", ",")])
@pytest.mark.parametrize("mark", ["以下简称", "简称"])
def test_a_body_set_up_by_its_short_name(lvl: str, kind: str, short: str, open_: str, close: str, sep: str,
                                         mark: str) -> None:
    group = f"午{lvl}{kind}"
    body = (f"决定对{group}{open_}{mark}{short}{close}组成人员进行调整。\n"
            f"{short}下设办公室{sep}办公室设在{lvl}自然资源局。\n")
    got = facts(notice(body, title=f"午{lvl}人民政府办公室关于调整{group}组成人员的通知"))
    assert ("下设", group, f"{group}办公室", "") in got
    assert ("办公室设在", group, f"{lvl}自然资源局", "") in got


def test_a_short_name_given_to_another_body_is_not_the_notices() -> None:
    group = "未市安全生产委员会"
    body = "市应急管理局（以下简称市应急局）下设办公室。\n"
    got = facts(notice(body, title=f"未市人民政府办公室关于调整{group}组成人员的通知"))
    assert not any(f[0] == "下设" and f[1] == group for f in got)


# ---------------------------------------------------------------------------- 分管 before a named holder's title

@pytest.mark.parametrize("lvl,org,title", [("省", "省人民政府", "副省长"), ("市", "市人民政府", "副市长"),
                                           ("州", "州人民政府", "副州长"), ("县", "县政府", "副县长"),
                                           ("旗", "旗人民政府", "副旗长"), ("区", "区人民政府", "副区长")])
@pytest.mark.parametrize("form", ["召集人由{org}分管{title}邹一山担任。", "召集人:{org}分管{title}邹一山",
                                  "召　集　人：邹一山　{org}分管{title}"])
def test_duty_words_before_a_named_holders_title_are_no_post(lvl: str, org: str, title: str, form: str) -> None:
    group = f"申{lvl}促进民营经济发展联席会议"
    got = facts(notice(form.format(org=org, title=title) + "\n", title=f"申{lvl}人民政府办公室关于建立{group}制度的通知"))
    assert ("成员", "邹一山", group, "召集人") in got
    assert any(f[0] == "任职" and f[1] == "邹一山" and f[3] == title for f in got)
    assert not any(f[0] == "任职" and f[3].startswith("分管") for f in got)


def test_a_person_named_by_the_duty_phrase_keeps_it() -> None:
    group = "酉市学习型城市建设联席会议"
    got = facts(notice("总召集人：分管副市长\n", title=f"酉市人民政府办公室关于建立{group}制度的通知"))
    assert ("成员", "分管副市长", group, "总召集人") in got


# ---------------------------------------------------------------------------- a collective's people

@pytest.mark.parametrize("lvl,sub", [("旗", "苏木镇"), ("县", "乡镇"), ("区", "街道"), ("市", "县（市、区）"),
                                     ("州", "县(市)"), ("盟", "旗县市区")])
@pytest.mark.parametrize("tail", ["分管负责同志", "主要负责同志", "分管负责人", "有关负责人"])
@pytest.mark.parametrize("layout", ["lines", "joined"])
def test_a_collectives_people_in_a_member_list_are_left_out(lvl: str, sub: str, tail: str, layout: str) -> None:
    group = f"戌{lvl}草原保护工作领导小组"
    if layout == "lines":
        body = f"组　长：{lvl}人民政府分管副{lvl}长\n成　员：{lvl}财政局分管副局长\n　　　　{lvl}气象局主要负责同志\n　　　　各{sub}{tail}\n"
    else:
        body = f"组　长：{lvl}人民政府分管副{lvl}长\n成　员：{lvl}财政局分管副局长、{lvl}气象局主要负责同志、各{sub}{tail}\n"
    got = facts(notice(body, title=f"戌{lvl}人民政府办公室关于成立{group}的通知"))
    members = {f[1] for f in got if f[0] == "成员"}
    assert f"{lvl}财政局分管副局长" in members
    assert any(m.startswith(f"{lvl}气象局主要负责") for m in members)
    assert not any(m.startswith("各") for m in members)


def test_a_collectives_titled_people_stay_members() -> None:
    group = "亥市社区教育联席会议"
    body = "成　员：市教育局局长\n　　　　各县（市、区）人民政府分管副县（市、区）长\n"
    got = facts(notice(body, title=f"亥市人民政府办公室关于建立{group}制度的通知"))
    assert ("成员", "各县（市、区）人民政府分管副县（市、区）长", group, "成员") in got


@pytest.mark.parametrize("lvl", ["省", "自治区", "州", "县", "旗", "街道"])
@pytest.mark.parametrize("open_,close,space", [("（", "）", "\u3000"), ("(", ")", "  ")])
@pytest.mark.parametrize("note", ["女", "彝族", "女，蒙古族"])
def test_a_name_note_before_a_bracketed_post(lvl: str, open_: str, close: str, space: str, note: str) -> None:
    group = f"午{lvl}国土空间规划委员会"
    body = (f"委　　员：者丽华{open_}{note}{close}{open_}{lvl}住建局局长{close}{space}"
            f"陶明远{open_}{lvl}交通运输局局长{close}\n")
    got = facts(notice(body, title=f"午{lvl}人民政府办公室关于调整{group}组成人员的通知"))
    assert ("成员", "者丽华", group, "委员") in got
    assert ("任职", "者丽华", f"{lvl}住建局", "局长") in got
    assert ("任职", "陶明远", f"{lvl}交通运输局", "局长") in got
    assert {f[1] for f in got if f[0] == "成员"} == {"者丽华", "陶明远"}


# ---------------------------------------------------------------------------- members and units added

@pytest.mark.parametrize("lvl", ["省", "自治区", "市", "州", "盟", "县", "区", "旗", "乡", "镇", "街道"])
@pytest.mark.parametrize("verb", ["增补", "调整", "新增"])
@pytest.mark.parametrize("stop", ["。", "."])
def test_a_member_added_by_a_change_verb(lvl: str, verb: str, stop: str) -> None:
    group = f"丑{lvl}森林防灭火领导小组"
    body = f"{verb}{lvl}应急管理局局长孙 六同志为领导小组成员{stop}\n{verb}李二水同志为领导小组副组长{stop}\n"
    got = facts(notice(body, title=f"丑{lvl}人民政府办公室关于调整{group}组成人员的通知"))
    assert ("成员", "孙六", group, "成员") in got
    assert ("任职", "孙六", f"{lvl}应急管理局", "局长") in got
    assert ("成员", "李二水", group, "副组长") in got
    assert not any(verb in f[2] or verb in f[1] for f in got)


@pytest.mark.parametrize("lvl", ["省", "自治区", "市", "州", "盟", "县", "区", "旗", "乡", "镇", "街道"])
@pytest.mark.parametrize("verb", ["增补", "新增"])
@pytest.mark.parametrize("sep,stop", [("、", "。"), (",", ".")])
def test_units_added_by_a_change_verb(lvl: str, verb: str, sep: str, stop: str) -> None:
    group = f"寅{lvl}安全生产委员会"
    body = f"{verb}{lvl}气象局为委员会成员单位{stop}\n{verb}{lvl}消防救援大队、{lvl}林业局为成员单位{stop}\n"
    got = facts(notice(body, title=f"寅{lvl}人民政府办公室关于调整{group}组成人员的通知"))
    assert {f[1] for f in got if f[0] == "成员单位"} == {f"{lvl}气象局", f"{lvl}消防救援大队", f"{lvl}林业局"}


@pytest.mark.parametrize("lvl", ["省", "市", "州", "县", "旗", "镇"])
@pytest.mark.parametrize("join", ["和", "及"])
@pytest.mark.parametrize("form", ["领导小组成员单位包括{units}。", "成员单位：{units}。", "{units}为领导小组成员单位。"])
def test_the_last_unit_joined_by_and(lvl: str, join: str, form: str) -> None:
    group = f"卯{lvl}文明城市创建工作领导小组"
    units = f"{lvl}住房和城乡建设局、{lvl}文化和旅游局{join}{lvl}公安局"
    got = facts(notice(form.format(units=units), title=f"卯{lvl}人民政府办公室关于成立{group}的通知"))
    assert {f[1] for f in got if f[0] == "成员单位"} == {f"{lvl}住房和城乡建设局", f"{lvl}文化和旅游局", f"{lvl}公安局"}


# ---------------------------------------------------------------------------- successors

@pytest.mark.parametrize("lvl", ["省", "自治区", "市", "州", "盟", "县", "区", "旗", "乡", "镇", "街道"])
@pytest.mark.parametrize("comma,stop", [("，", "。"), (",", ".")])
@pytest.mark.parametrize("verb", ["接任", "接替"])
@pytest.mark.parametrize("heading", ["", "二、领导小组成员调整\n　　"])  # a heading line above: no part of the list
def test_a_successor_after_one_leaving_takes_that_role(lvl: str, comma: str, stop: str, verb: str,
                                                       heading: str) -> None:
    group = f"辰{lvl}河湖治理工作领导小组"
    leaving = f"张大山同志因工作分工调整不再担任领导小组副组长" if heading else \
        f"因工作变动{comma}张大山同志不再担任领导小组副组长"
    body = (f"{heading}{leaving}{comma}由{lvl}水利局局长李 小河同志{verb}{stop}\n"
            f"王五一同志不再担任领导小组成员{stop}\n")
    got = facts(notice(body, title=f"辰{lvl}人民政府办公室关于调整{group}成员的通知"))
    assert ("不再担任", "张大山", group, "副组长") in got
    assert ("成员", "李小河", group, "副组长") in got
    assert ("任职", "李小河", f"{lvl}水利局", "局长") in got
    assert ("不再担任", "王五一", group, "成员") in got
    assert not any(f[0] == "成员" and f[1] in ("张大山", "王五一") for f in got)


@pytest.mark.parametrize("lvl", ["省", "市", "县", "旗", "镇"])
@pytest.mark.parametrize("verb", ["接任", "接替"])
@pytest.mark.parametrize("tongzhi", ["同志", ""])
def test_a_successor_replacing_one_named(lvl: str, verb: str, tongzhi: str) -> None:
    group = f"巳{lvl}防汛抗旱指挥部"
    body = f"因工作调整，李二水{tongzhi}{verb}张一山{tongzhi}任指挥部副指挥长。\n"
    got = facts(notice(body, title=f"巳{lvl}人民政府办公室关于调整{group}组成人员的通知"))
    assert ("成员", "李二水", group, "副指挥长") in got
    assert not any(f[1] == "张一山" or "接" in f[1] for f in got)


@pytest.mark.parametrize("lvl", UNIT_LEVELS)
@pytest.mark.parametrize("colon", ["：", ":"])
@pytest.mark.parametrize("sep", ["\u3000", "  ", "、", "，"])
@pytest.mark.parametrize("after", ["领导小组办公室设在{lvl}应急管理局。", "", "三、工作要求"])
def test_member_units_after_the_key_on_its_line(lvl: str, colon: str, sep: str, after: str) -> None:
    group = f"巳{lvl}森林防灭火领导小组"
    units = [f"{lvl}财政局", f"{lvl}水利局", f"{lvl}公安局"]
    body = f"为加强领导，调整领导小组组成人员。\n成员单位{colon}{sep.join(units)}\n{after.format(lvl=lvl)}\n"
    got = facts(notice(body, title=f"巳{lvl}人民政府办公室关于调整{group}组成人员的通知"))
    assert {f[1] for f in got if f[0] == "成员单位"} == set(units)


# ---------------------------------------------------------------------------- several name-post pairs a line

@pytest.mark.parametrize("lvl", ["省", "自治区", "市", "州", "盟", "县", "区", "旗", "乡", "镇", "街道"])
@pytest.mark.parametrize("space,colon", [("\u3000", "："), ("  ", ":"), ("\u3000\u3000", "：")])
def test_name_post_pairs_parted_by_spaces(lvl: str, space: str, colon: str) -> None:
    group = f"午{lvl}森林防灭火领导小组"
    body = (f"成　员{colon}孙六{space}{lvl}财政局局长{space}{space}周七{space}{lvl}水利局局长\n"
            f"　　　　吴八林{space}{lvl}公安局局长\n")
    got = facts(notice(body, title=f"午{lvl}人民政府办公室关于调整{group}组成人员的通知"))
    for name, unit in (("孙六", "财政局"), ("周七", "水利局"), ("吴八林", "公安局")):
        assert ("成员", name, group, "成员") in got
        assert ("任职", name, f"{lvl}{unit}", "局长") in got
    assert len({f[1] for f in got if f[0] == "成员"}) == 3


@pytest.mark.parametrize("lvl", ["省", "自治区", "市", "州", "盟", "地区", "县", "区", "旗", "乡", "镇", "街道"])
@pytest.mark.parametrize("gap,colon", [("\u3000\u3000", "："), ("    ", ":"), ("\t", "：")])
def test_spaced_out_names_with_posts_several_a_line(lvl: str, gap: str, colon: str) -> None:
    """Names spaced out character by character ("孙 六"), each followed by its post, several
    pairs on one line: a member each (a spaced name is one cell of the line's columns)."""
    group = f"酉{lvl}防汛抗旱指挥部"
    body = f"成　员{colon}孙 六{gap}{lvl}财政局局长{gap}周 七{gap}{lvl}水利局局长\n"
    got = facts(notice(body, title=f"酉{lvl}人民政府办公室关于调整{group}组成人员的通知"))
    for name, unit in (("孙六", "财政局"), ("周七", "水利局")):
        assert ("成员", name, group, "成员") in got
        assert ("任职", name, f"{lvl}{unit}", "局长") in got
    assert len({f[1] for f in got if f[0] == "成员"}) == 2


@pytest.mark.parametrize("lvl", ["市", "县", "区", "旗", "镇"])
@pytest.mark.parametrize("space", ["\u3000", "  "])
def test_members_by_post_alone_parted_by_spaces(lvl: str, space: str) -> None:
    group = f"未{lvl}草原保护工作领导小组"
    posts = [f"{lvl}财政局分管副局长", f"{lvl}水利局局长", f"{lvl}公安局分管副局长"]
    body = f"成　员：{space.join(posts)}\n"
    got = facts(notice(body, title=f"未{lvl}人民政府办公室关于成立{group}的通知"))
    assert {f[1] for f in got if f[0] == "成员"} == set(posts)
    assert not any(f[0] == "任职" for f in got if f[1] in posts)


@pytest.mark.parametrize("line", ["组　长：张 三　县委书记", "组　长：张三　县委副书记　县长", "组　长：欧阳一山　县委副书记、县长"])
def test_one_member_with_spaced_posts_stays_one(line: str) -> None:
    group = "申县森林防灭火领导小组"
    got = facts(notice(line + "\n", title=f"申县人民政府办公室关于调整{group}组成人员的通知"))
    assert len({f[1] for f in got if f[0] == "成员"}) == 1


@pytest.mark.parametrize("lvl,party", [("县", "县委"), ("市", "市委"), ("旗", "旗委"), ("州", "州委"), ("区", "区委")])
@pytest.mark.parametrize("space", ["\u3000", "  "])
def test_a_members_posts_parted_by_spaces_are_each_read(lvl: str, party: str, space: str) -> None:
    group = f"申{lvl}森林防灭火领导小组"
    got = facts(notice(f"组　长：张三{space}{party}副书记{space}{lvl}长\n",
                       title=f"申{lvl}人民政府办公室关于调整{group}组成人员的通知"))
    assert ("成员", "张三", group, "组长") in got
    assert ("任职", "张三", party, f"{party}副书记") in got
    assert ("任职", "张三", f"{lvl}政府", f"{lvl}长") in got


# ---------------------------------------------------------------------------- dissolved bodies

@pytest.mark.parametrize("place,level", [("甲", "市"), ("乙", "省"), ("丙", "县"), ("戊", "州"), ("己", "旗")])
@pytest.mark.parametrize("body", [
    "经{g}研究，决定撤销以下议事协调机构：\n1.{a}\n2.{b}（{p}政发〔2020〕3号）\n3.{c}制度\n"
    "二、保留以下议事协调机构：\n1.{p}{lv}安全生产委员会\n",
    "经{g}研究，决定撤销以下议事协调机构：\n（1）{a}\n（2）{b}\n（3）{c}\n",
    "决定撤销{a}、{b}、{c}。\n",
    "决定撤销{a},{b};{c}。\n",
])
def test_bodies_a_notice_dissolves(place: str, level: str, body: str) -> None:
    a, b, c = (f"{place}{level}河湖治理工作领导小组", f"{place}{level}森林防火指挥部",
               f"{place}{level}物流发展联席会议")
    text = notice(body.format(g=f"{level}政府", a=a, b=b, c=c, p=place, lv=level),
                  title=f"{place}{level}人民政府关于撤销部分议事协调机构的通知")
    got = {f[1] for f in facts(text) if f[0] == "撤销"}
    assert got == {a, b, c}


# ---------------------------------------------------------------------------- dotted names

@pytest.mark.parametrize("place,level,gov_title,party", LEVELS)
@pytest.mark.parametrize("body", [
    "组长由{party}常委、{gov}艾山·买买提担任，副组长由{gov}李小河担任。",
    "{party}常委、{gov}艾山·买买提任组长，{gov}李小河任副组长。",
    "组长：{party}常委、{gov}艾山·买买提\n副组长：{gov}李小河\n",
    "组长：艾山·买买提（{party}常委、{gov}）\n副组长：李小河（{gov}）\n",
])
def test_members_named_with_a_middle_dot_after_their_posts(place: str, level: str, gov_title: str,
                                                           party: str, body: str) -> None:
    group = f"{place}{level}河湖治理工作领导小组"
    title = f"{place}{level}人民政府办公室关于成立{group}的通知"
    text = notice(body.format(party=party, gov=gov_title), title=title)
    got = facts(text)
    assert ("成员", "艾山·买买提", group, "组长") in got
    assert ("任职", "艾山·买买提", party, f"{party}常委") in got
    assert ("任职", "艾山·买买提", f"{level}政府", gov_title) in got
    assert ("成员", "李小河", group, "副组长") in got


# ---------------------------------------------------------------------------- another body's office

@pytest.mark.parametrize("place,level", [("甲", "市"), ("乙", "省"), ("丙", "县"), ("戊", "州"), ("己", "旗")])
@pytest.mark.parametrize("other", ["河长制工作委员会", "防汛抗旱指挥部", "水资源管理联席会议"])
def test_an_office_named_for_another_body_is_that_bodys(place: str, level: str, other: str) -> None:
    group, named = f"{place}{level}河湖治理工作领导小组", f"{place}{level}{other}"
    text = notice(f"领导小组办公室设在{level}水利局。{named}办公室设在{level}生态环境局。",
                  title=f"{place}{level}人民政府办公室关于成立{group}的通知")
    got = facts(text)
    assert ("办公室设在", group, f"{level}水利局", "") in got
    assert ("办公室设在", named, f"{level}生态环境局", "") in got
    assert ("办公室设在", group, f"{level}生态环境局", "") not in got


# ------------------------------------------------------------------------ columns aligned by spaces

@pytest.mark.parametrize("lvl,head", [("省", "副省长"), ("市", "副市长"), ("州", "副州长"), ("县", "副县长")])
@pytest.mark.parametrize("gap", ["       ", "\u3000\u3000\u3000"])
def test_space_aligned_columns_with_spaced_roles_and_names(lvl: str, head: str, gap: str) -> None:
    """Roles and names spaced out character by character ("成    员      王 建 国"): a role
    line with a spaced role word begins a new role (the role above is not carried on)."""
    body = f"甲{lvl}森林防灭火指挥部"
    rows = [f"指 挥 长{gap}钱 一 川{gap}{lvl}政府{head}",
            f"副指挥长{gap}孙    二{gap}{lvl}应急厅厅长",
            f"{gap}{gap}李 三 木{gap}{lvl}林草局局长",
            f"成    员{gap}周 四 水{gap}{lvl}财政厅副厅长",
            f"{gap}{gap}吴    五{gap}{lvl}公安厅副厅长"]
    text = notice("现将调整后的组成人员名单通知如下：\n\n" + "\n".join(rows),
                  title=f"甲{lvl}人民政府办公厅关于调整{body}组成人员的通知")
    got = facts(text)
    assert ("成员", "钱一川", body, "指挥长") in got
    assert ("成员", "孙二", body, "副指挥长") in got
    assert ("成员", "李三木", body, "副指挥长") in got
    assert ("成员", "周四水", body, "成员") in got
    assert ("任职", "周四水", f"{lvl}财政厅", "副厅长") in got
    assert ("成员", "吴五", body, "成员") in got
    assert not any(f[0] == "成员" and f[1] in ("周四水", "吴五") and f[3] == "副指挥长" for f in got)
    assert not any(f[1].startswith("成员") for f in got)


@pytest.mark.parametrize("lvl,unit", [("省", "省公安厅"), ("市", "市水利局"), ("旗", "旗应急管理局")])
@pytest.mark.parametrize("open_,close,stop", [("（", "）", "。"), ("(", ")", ".")])
def test_successor_after_by_with_posts_in_brackets(lvl: str, unit: str, open_: str, close: str,
                                                   stop: str) -> None:
    body = f"乙{lvl}防汛抗旱指挥部"
    text = notice(f"另，因工作变动，由赵 海川{open_}{unit}副局长{close}接替黄 河任指挥部成员{stop}",
                  title=f"乙{lvl}人民政府办公室关于调整{body}组成人员的通知")
    got = facts(text)
    assert ("成员", "赵海川", body, "成员") in got
    assert ("任职", "赵海川", unit, "副局长") in got
    assert not any(f[1] == "黄河" for f in got)


# ---------------------------------------------------------------------------- member tables

MEMBER_TABLE = [  # header, rows: (role, name, post); "" leaves a cell empty
    ("{kind}职务", "姓  名", "单位及职务"),
    ("{head}", "赵 一", "{lvl}政府副{lvl}长"),
    ("{deputy}", "孙二平", "{lvl}政府副秘书长"),
    ("", "周 三", "{lvl}经济和信息化局局长"),
    ("成员", "黄四东", "{lvl}财政局副局长"),
    ("", "", "丙{lvl}政府分管负责同志"),
]


def _table(kind: str, head: str, deputy: str, lvl: str, ruled: bool) -> str:
    lines = []
    for i, row in enumerate(MEMBER_TABLE):
        cells = [c.format(kind=kind, head=head, deputy=deputy, lvl=lvl) for c in row]
        if ruled:
            lines.append("| " + " | ".join(cells) + " |")
            if i == 0:
                lines.append("|---|---|---|")
        else:   # aligned by spaces, an empty cell left as its width (a post alone is one cell)
            lines.append("    ".join(c or "      " for c in cells))
    return "\n".join(lines)


@pytest.mark.parametrize("place,lvl", [("甲", "市"), ("乙", "县"), ("丁", "州"), ("戊", "区")])
@pytest.mark.parametrize("kind,head,deputy", [("专班", "专班长", "副专班长"), ("领导小组", "组　长", "副组长"),
                                              ("指挥部", "指挥长", "副指挥长"), ("小组", "小组长", "副小组长")])
@pytest.mark.parametrize("ruled", [True, False])
def test_member_table_named_by_its_header(place: str, lvl: str, kind: str, head: str, deputy: str,
                                          ruled: bool) -> None:
    """A table whose header names its columns (role | name | post): a role cell left empty
    holds the role above, a row with no name is a member named by post, and a role word the
    body's kind word forms (专班长, 副专班长) is read though the schema's roles lack it."""
    body = f"{place}{lvl}化工产业转型工作{kind}"
    table = _table(kind, head, deputy, lvl, ruled)
    text = notice("一、组成人员\n\n" + table + "\n\n二、工作要求\n\n各成员单位要明确1名联络员。",
                  title=f"{place}{lvl}人民政府办公室关于成立{body}的通知")
    got = facts(text)
    assert ("成员", "赵一", body, head.replace("　", "")) in got
    assert ("任职", "赵一", f"{lvl}政府", f"副{lvl}长") in got
    assert ("成员", "孙二平", body, deputy) in got
    assert ("成员", "周三", body, deputy) in got
    assert ("任职", "周三", f"{lvl}经济和信息化局", "局长") in got
    assert ("成员", "黄四东", body, "成员") in got
    assert ("成员", f"丙{lvl}政府分管负责", body, "成员") in got
    assert not any(f[1] in ("---", "姓名") or f[2] in ("姓名", "单位及职务") for f in got)


@pytest.mark.parametrize("lvl", ["省", "市", "旗"])
@pytest.mark.parametrize("colon", ["：", ":"])
def test_numbered_subgroup_items_after_sets_up(lvl: str, colon: str) -> None:
    body = f"甲{lvl}化工产业转型工作专班"
    text = notice(f"三、工作组\n\n专班下设3个工作组{colon}\n1.综合协调组{colon}由{lvl}经信局牵头，负责统筹调度。\n"
                  f"2.安全环保组{colon}由{lvl}生态环境局牵头，负责督查；{lvl}应急局参与。\n"
                  f"3.搬迁用地组{colon}由{lvl}自然资源局牵头，负责用地保障。\n",
                  title=f"甲{lvl}人民政府办公室关于成立{body}的通知")
    got = facts(text)
    for group in ("综合协调组", "安全环保组", "搬迁用地组"):
        assert ("下设", body, group, "") in got
    assert not any(f[0] == "下设" and f[2] in ("工作组", "3个工作组") for f in got)


@pytest.mark.parametrize("lvl", ["区", "县", "盟", "市"])
@pytest.mark.parametrize("join", ["和", "及", "、"])
@pytest.mark.parametrize("comma", ["，", ","])
def test_subgroups_led_in_order_by_units_joined_by_and(lvl: str, join: str, comma: str) -> None:
    body = f"甲{lvl}促进民营经济发展联席会议"
    text = notice(f"联席会议下设政策协调组和服务保障组{comma}分别由{lvl}发展改革委{join}{lvl}商务局牵头。",
                  title=f"甲{lvl}人民政府办公室关于建立{body}制度的通知")
    got = facts(text)
    assert ("牵头", f"{lvl}发展改革委", "政策协调组", "") in got
    assert ("牵头", f"{lvl}商务局", "服务保障组", "") in got
    assert ("牵头", f"{lvl}发展改革委{join}{lvl}商务局", "政策协调组", "") not in got


@pytest.mark.parametrize("lvl,head", [("市", "副市长"), ("县", "副县长"), ("州", "副州长"), ("区", "副区长")])
@pytest.mark.parametrize("colon,open_,close", [("：", "（", "）"), (":", "(", ")")])
def test_body_set_up_in_a_plan_with_role_lines(lvl: str, head: str, colon: str, open_: str,
                                               close: str) -> None:
    """Inside a plan, a paragraph sets a body up, then "组长：/副组长：A（posts）、B（posts）"
    lines give its members, up to the next heading."""
    body = f"甲{lvl}城市更新工作领导小组"
    text = (f"甲{lvl}人民政府关于印发甲{lvl}城市更新行动方案的通知\n\n甲政发〔2023〕9号\n\n各有关单位：\n\n"
            f"三、保障措施\n\n（一）加强组织领导。成立{body}，由{lvl}政府主要领导任组长，统筹推进城市更新工作。"
            f"领导小组组成如下{colon}\n组长{colon}{lvl}政府主要领导\n"
            f"副组长{colon}杨 一{open_}{lvl}政府{head}{close}、陈二梅{open_}{lvl}政府副秘书长、{lvl}住建局局长{close}\n"
            f"（二）强化考核督查。将城市更新工作纳入年度考核。\n")
    got = facts(text)
    assert ("成员", "杨一", body, "副组长") in got
    assert ("任职", "杨一", f"{lvl}政府", head) in got
    assert ("成员", "陈二梅", body, "副组长") in got
    assert ("任职", "陈二梅", f"{lvl}住建局", "局长") in got
    assert not any(f[0] == "成员" and "考核" in f[1] for f in got)


@pytest.mark.parametrize("lvl", ["省", "市", "县"])
@pytest.mark.parametrize("tail", ["，具体职责按《甲{lvl}森林火灾应急预案》执行。", ",负责相应工作."])
def test_leads_of_subgroups_set_up_are_no_task_leads(lvl: str, tail: str) -> None:
    """"下设A组、B组，分别由X、Y牵头，…": X and Y lead the subgroups; what follows is no task."""
    body = f"甲{lvl}森林草原防灭火指挥部"
    text = notice(f"指挥部下设综合协调组、火灾扑救组，分别由{lvl}应急厅、{lvl}林草局牵头" + tail.format(lvl=lvl),
                  title=f"甲{lvl}人民政府办公厅关于调整{body}组成人员的通知")
    got = facts(text)
    assert ("牵头", f"{lvl}应急厅", "综合协调组", "") in got
    assert ("牵头", f"{lvl}林草局", "火灾扑救组", "") in got
    assert not any(f[0] == "牵头" and f[2] not in ("综合协调组", "火灾扑救组") for f in got)


@pytest.mark.parametrize("lvl", ["市", "县", "州", "旗"])
@pytest.mark.parametrize("colon,open_,close", [("：", "（", "）"), (":", "(", ")")])
@pytest.mark.parametrize("head,deputy", [("专班长", "副专班长"), ("专 班 长", "副专班长")])
def test_role_lines_with_roles_the_kind_word_forms(lvl: str, colon: str, open_: str, close: str,
                                                   head: str, deputy: str) -> None:
    body = f"甲{lvl}招商引资工作专班"
    text = notice(f"一、专班组成\n{head}{colon}赵一{open_}{lvl}政府副{lvl}长{close}\n"
                  f"{deputy}{colon}孙二平{open_}{lvl}政府副秘书长{close}\n"
                  f"成员{colon}周三{open_}{lvl}商务局局长{close}\n",
                  title=f"甲{lvl}人民政府办公室关于成立{body}的通知")
    got = facts(text)
    assert ("成员", "赵一", body, "专班长") in got
    assert ("成员", "孙二平", body, "副专班长") in got
    assert ("成员", "周三", body, "成员") in got
    assert ("任职", "孙二平", f"{lvl}政府", "副秘书长") in got


@pytest.mark.parametrize("lvl", ["市", "县", "旗", "州"])
@pytest.mark.parametrize("colon,comma,stop", [("：", "，", "。"), (":", ",", ".")])
@pytest.mark.parametrize("mark,lead", [
    ("1.", "由{lvl}经信局牵头"), ("（1）", "{lvl}经信局牵头"), ("①", "牵头单位{colon}{lvl}经信局"),
    ("1、", "由{lvl}经信局负责牵头"),
])
def test_subgroup_items_and_their_leads(lvl: str, colon: str, comma: str, stop: str, mark: str,
                                        lead: str) -> None:
    """"1.综合协调组：由A牵头，…": the item names a subgroup of the body, its lead leads the
    subgroup (never the body); the other item alike."""
    body = f"甲{lvl}化工产业转型工作专班"
    second = mark.replace("1", "2").replace("①", "②")
    text = notice(f"专班下设2个工作组{colon}\n{mark}综合协调组{colon}{lead.format(lvl=lvl, colon=colon)}{comma}"
                  f"负责统筹调度{stop}\n{second}安全环保组{colon}由{lvl}生态环境局牵头{stop}\n",
                  title=f"甲{lvl}人民政府办公室关于成立{body}的通知")
    got = facts(text)
    assert ("下设", body, "综合协调组", "") in got
    assert ("下设", body, "安全环保组", "") in got
    assert ("牵头", f"{lvl}经信局", "综合协调组", "") in got
    assert ("牵头", f"{lvl}生态环境局", "安全环保组", "") in got
    assert not any(f[0] == "牵头" and f[2] == body for f in got)


@pytest.mark.parametrize("lvl", ["市", "县", "区"])
@pytest.mark.parametrize("ruled", [True, False])
def test_member_table_with_its_role_column_last(lvl: str, ruled: bool) -> None:
    body = f"乙{lvl}招商引资工作专班"
    rows = [("姓名", "工作单位及职务", "专班职务"), ("钱 一", f"{lvl}政府副{lvl}长", "专班长"),
            ("孙二平", f"{lvl}商务局局长", "副专班长"), ("李 三", f"{lvl}财政局局长", ""),
            ("周四水", f"{lvl}发改委副主任", "成员")]
    if ruled:
        table = "\n".join("| " + " | ".join(r) + " |" for r in rows)
    else:
        table = "\n".join("    ".join(c for c in r if c) for r in rows)
    text = notice("一、专班组成\n\n" + table + "\n\n二、工作要求\n\n各单位要明确1名联络员。",
                  title=f"乙{lvl}人民政府办公室关于成立{body}的通知")
    got = facts(text)
    assert ("成员", "钱一", body, "专班长") in got
    assert ("成员", "孙二平", body, "副专班长") in got
    assert ("成员", "李三", body, "副专班长") in got
    assert ("任职", "李三", f"{lvl}财政局", "局长") in got
    assert ("成员", "周四水", body, "成员") in got


def test_member_table_in_traditional_characters() -> None:
    body = "甲市化工產業轉型工作專班"
    table = ("| 專班職務 | 姓名 | 單位及職務 |\n|---|---|---|\n| 專班長 | 趙 一 | 市政府副市長 |\n"
             "| 副專班長 | 孫二平 | 市政府副秘書長 |\n|  | 周 三 | 市財政局局長 |\n|  |  | 丙縣政府分管負責同志 |")
    got = facts(notice("一、專班組成\n\n" + table + "\n", title=f"甲市人民政府辦公室關於成立{body}的通知"))
    assert ("成员", "趙一", body, "專班長") in got
    assert ("成员", "周三", body, "副專班長") in got
    assert ("任职", "周三", "市財政局", "局長") in got
    assert ("成员", "丙縣政府分管負責", body, "副專班長") in got


@pytest.mark.parametrize("lvl", ["市", "县", "旗", "自治州"])
@pytest.mark.parametrize("mark,stop,comma", [("（一）", "。", "，"), ("（1）", "。", "，"), ("1.", ".", ","),
                                             ("（一）", ".", ",")])
def test_subgroup_run_in_headings_closed_by_a_stop(lvl: str, mark: str, stop: str,
                                                   comma: str) -> None:
    """"（一）老街改造组。由A牵头，B配合。": the item's name ends at the stop, the sentence after
    it is the subgroup's own."""
    body = f"丙{lvl}城市更新工作领导小组"
    second = mark.replace("一", "二").replace("1", "2")
    text = notice(f"二、工作机构\n领导小组下设办公室和2个专项工作组{stop}\n"
                  f"{mark}老街改造组{stop}由{lvl}住建局牵头{comma}{lvl}财政局配合{stop}\n"
                  f"{second}资金保障组{stop}由{lvl}财政局牵头{stop}\n三、工作要求\n各单位要按时报送{stop}\n",
                  title=f"丙{lvl}人民政府办公室关于成立{body}的通知")
    got = facts(text)
    assert ("下设", body, "老街改造组", "") in got
    assert ("下设", body, "资金保障组", "") in got
    assert ("牵头", f"{lvl}住建局", "老街改造组", "") in got
    assert ("牵头", f"{lvl}财政局", "资金保障组", "") in got
    assert not any(f[0] == "下设" and f[2] in ("工作机构", "工作要求") for f in got)


@pytest.mark.parametrize("lvl,place", [("省", "甲省"), ("自治区", "乙自治区"), ("市", "丙市"), ("县", "丁县")])
@pytest.mark.parametrize("alias,tail", [("（以下简称{lvl}金融局）", "等12个部门和单位"),
                                        ("(以下简称{lvl}金融局)", "等4个部门及单位"), ("", "等12个单位")])
def test_units_composed_with_an_alias_and_a_counted_pair_of_unit_words(
        lvl: str, place: str, alias: str, tail: str) -> None:
    """"联席会议由A（以下简称B）、C…、D等12个部门和单位组成": A and D are units too."""
    body = f"{place}防范非法集资工作联席会议"
    text = notice(f"联席会议由{lvl}地方金融监督管理局{alias.format(lvl=lvl)}、{lvl}委宣传部、{lvl}公安厅、"
                  f"{lvl}通信管理局{tail}组成。\n", title=f"{place}人民政府办公厅关于建立{body}制度的通知")
    got = facts(text)
    for unit in ("地方金融监督管理局", "委宣传部", "公安厅", "通信管理局"):
        assert ("成员单位", f"{lvl}{unit}", body, "成员单位") in got
    assert not any(f[0] == "成员单位" and ("简称" in f[1] or "单位" in f[1]) for f in got)


@pytest.mark.parametrize("lvl,head", [("省", "副省长"), ("市", "副市长"), ("旗", "副旗长"), ("区", "副区长")])
@pytest.mark.parametrize("verb,comma,colon", [("兼任", "，", "："), ("担任", ",", ":")])
def test_office_sentence_after_a_spaced_member_list_is_no_member(lvl: str, head: str, verb: str,
                                                                 comma: str, colon: str) -> None:
    """"联席会议办公室主任由周二同志兼任，…" after the rows of 成员: a clause, no member named by post."""
    body = f"甲{lvl}防范非法集资工作联席会议"
    text = notice(f"召 集 人{colon}王一    {head}\n副召集人{colon}周二    {lvl}金融局局长\n"
                  f"成　　员{colon}李三    {lvl}委宣传部副部长\n          陈四    {lvl}通信管理局副局长\n\n"
                  f"联席会议办公室主任由周二同志{verb}{comma}办公室副主任{colon}贺五（{lvl}金融局副局长）。\n",
                  title=f"甲{lvl}人民政府办公厅关于建立{body}制度的通知")
    got = facts(text)
    assert ("成员", "周二", body, "办公室主任") in got
    assert ("成员", "陈四", body, "成员") in got
    assert ("成员", "贺五", body, "办公室副主任") in got
    assert not any(f[0] == "成员" and "由" in f[1] for f in got)


# A member table whose role column is headed by the body's kind ("联席会议职务", "工作组职务"),
# ruled or spaced, the role cell left empty under the role above.
@pytest.mark.parametrize("place,level,gov_title,party", LEVELS)
@pytest.mark.parametrize("kind", ["联席会议", "工作组", "协调机制"])
@pytest.mark.parametrize("ruled", [True, False])
def test_member_table_role_column_named_by_kind(place: str, level: str, gov_title: str, party: str,
                                                kind: str, ruled: bool) -> None:
    group = f"{place}{level}养老服务体系建设{kind}"
    rows = [[f"{kind}职务", "姓  名", "工作单位及职务"], ["召集人", "张大山", f"{level}政府{gov_title}"],
            ["副召集人", "李小河", f"{level}民政局局长"], ["", "王 五", f"{level}财政局副局长"],
            ["成员", "赵六", f"{level}卫生健康局副局长"]]
    lines = [f"| {' | '.join(r)} |" if ruled else "    ".join(c or "    " for c in r) for r in rows]
    if ruled:
        lines.insert(1, "|---|---|---|")
    text = notice(f"调整后的{kind}组成人员名单：\n\n" + "\n".join(lines),
                  title=f"{place}{level}人民政府办公室关于调整{group}组成人员的通知")
    got = {f for f in facts(text) if f[0] == "成员"}
    expected = {("成员", "张大山", group, "召集人"), ("成员", "李小河", group, "副召集人"),
                ("成员", "王五", group, "副召集人"), ("成员", "赵六", group, "成员")}
    assert expected <= got, (expected - got, got)


# Chairs named by a post alone with its modifier ("常务副县长任副组长", "执行副主任"): the post is an
# unnamed member, no person "常务副" holding 县长.
@pytest.mark.parametrize("lvl,head", [("县", "县长"), ("市", "市长"), ("旗", "旗长"), ("区", "区长"),
                                      ("州", "州长"), ("镇", "镇长")])
@pytest.mark.parametrize("mod", ["常务副", "执行副"])
@pytest.mark.parametrize("half", [False, True])
def test_chairs_named_by_a_modified_post(lvl: str, head: str, mod: str, half: bool) -> None:
    group = f"卯{lvl}优化营商环境工作领导小组"
    sentence = f"成立{group}，由{head}任组长，{mod}{head}任副组长，{lvl}财政局主要负责人为成员。"
    if half:
        sentence = sentence.replace("，", ",")
    got = facts(notice(sentence, title=f"卯{lvl}人民政府办公室关于印发某方案的通知"))
    assert ("成员", f"{mod}{head}", group, "副组长") in got, got
    assert not any(f[1] in ("常务副", "执行副") for f in got), got


# The last member of a list, indented under the value of the key line above ("成　　员：…" then
# "　　　　　县交通运输局局长"), followed by a paragraph: its indentation is no text, the line is
# short, so it is not rejoined with the paragraph below.
@pytest.mark.parametrize("place,level,gov_title,party", LEVELS)
@pytest.mark.parametrize("indent", ["　　　　　", "          ", "\t\t"])
def test_indented_last_member_stays_a_line(place: str, level: str, gov_title: str, party: str,
                                            indent: str) -> None:
    group = f"{place}{level}防汛抗旱指挥部"
    body = (f"指 挥 长：张大山　{party}副书记\n副指挥长：李小河　{gov_title}\n"
            f"成　　员：{level}财政局局长\n{indent}{level}水利局局长\n{indent}{level}交通运输局局长\n\n"
            f"{level}防指办公室设在{level}应急管理局，李小河同志兼任办公室主任。\n")
    got = facts(notice(body, title=f"{place}{level}人民政府关于调整{group}组成人员的通知"))
    for post in ("财政局局长", "水利局局长", "交通运输局局长"):
        assert ("成员", f"{level}{post}", group, "成员") in got, got


# An attachment's title, then a member list whose rows are cells parted by wide gaps ("组  长
# 王五    副盟长、盟公安处处长"): the first row is no continuation of the title, and the members
# belong to the body the title names, not to a heading above that speaks of its subgroups.
@pytest.mark.parametrize("place,level,gov_title,party", LEVELS)
@pytest.mark.parametrize("gap", ["    ", "  ", "\t\t"])
def test_wide_gap_rows_under_an_attachment_title(place: str, level: str, gov_title: str, party: str,
                                                  gap: str) -> None:
    group = f"{place}{level}草原生态保护修复工作领导小组"
    body = (f"为统筹推进草原保护修复工作，成立{group}（以下简称领导小组）。组成人员名单见附件。\n"
            f"一、领导小组下设办公室和三个专项工作组\n（一）领导小组办公室。办公室设在{level}林业和草原局。\n\n"
            f"附件：领导小组组成人员名单\n\n附件\n{group}组成人员名单\n"
            f"组  长{gap}张大山{gap}{party}委员、{gov_title}\n副组长{gap}李小河{gap}{level}林业和草原局局长\n"
            f"成  员{gap}赵 六{gap}{level}财政局副局长\n")
    got = facts(notice(body, title=f"{place}{level}人民政府办公室关于成立{group}的通知"))
    members = {f for f in got if f[0] == "成员"}
    assert {("成员", "张大山", group, "组长"), ("成员", "李小河", group, "副组长"),
            ("成员", "赵六", group, "成员")} <= members, members
    assert all(f[2] == group for f in members), members
    assert ("任职", "张大山", party, f"{party}委员") in got, got


# forms of set I
# A member table pasted as one cell a line (the header's cells on lines that follow each
# other): a blank line stands for a cell left empty, so the rows stay aligned and an empty
# role cell holds the role above.
@pytest.mark.parametrize("place,lvl", [("甲", "市"), ("乙", "县"), ("丁", "州"), ("戊", "旗"), ("己", "盟")])
@pytest.mark.parametrize("kind,head,deputy", [("领导小组", "组　长", "副组长"), ("指挥部", "总指挥", "副总指挥")])
def test_member_table_one_cell_a_line_blank_cells(place: str, lvl: str, kind: str, head: str,
                                                  deputy: str) -> None:
    body = f"{place}{lvl}化工产业转型工作{kind}"
    rows = [MEMBER_TABLE[0], *MEMBER_TABLE[1:5]]
    lines = [c.format(kind=kind, head=head, deputy=deputy, lvl=lvl) for row in rows for c in row]
    text = notice("调整后名单如下：\n\n" + "\n".join(lines) + "\n\n各成员单位要明确1名联络员。",
                  title=f"{place}{lvl}人民政府办公室关于调整{body}组成人员的通知")
    got = facts(text)
    assert ("成员", "赵一", body, head.replace("　", "")) in got
    assert ("成员", "孙二平", body, deputy) in got
    assert ("成员", "周三", body, deputy) in got
    assert ("任职", "周三", f"{lvl}经济和信息化局", "局长") in got
    assert ("成员", "黄四东", body, "成员") in got
    assert not any(f[0] == "成员" and f[3] != "成员" and f[1] == "黄四东" for f in got)
    assert not any(f[1] in ("姓名", "") or f[2] in ("姓名", "单位及职务") for f in got)


# forms of set I
# "由A同志（posts）接替B同志任<body><role>": 同志 before the bracketed posts and after the one
# replaced; a web copy's breadcrumb above the title and its "来源：… 字号：…" line below it.
@pytest.mark.parametrize("place,lvl,unit", [("甲", "省", "省公安厅"), ("乙", "自治区", "自治区水利厅"),
                                            ("丙", "市", "市应急管理局"), ("丁", "州", "州水利局"),
                                            ("戊", "盟", "盟林草局"), ("己", "旗", "旗应急管理局")])
@pytest.mark.parametrize("role", ["副组长", "成员"])
@pytest.mark.parametrize("web", [False, True])
def test_successor_with_honorific_before_bracketed_posts(place: str, lvl: str, unit: str, role: str,
                                                         web: bool) -> None:
    body = f"{place}{lvl}稳就业工作专班"
    title = f"{place}{lvl}人民政府办公室关于调整{body}组成人员的通知"
    sentence = f"因工作变动，由钱 一川同志（{unit}副局长）接替孙二河同志任专班{role}；其他组成人员不变。"
    if web:
        text = (f"首页 > 政务公开 > 通知公告\n{title}\n来源：{place}{lvl}人民政府办公室　　发布日期：2024-04-28"
                f"　　字号：甲政办函〔2024〕72号\n\n各有关单位：\n　　{sentence}\n")
    else:
        text = notice(sentence, title=title)
    got = facts(text)
    assert ("成员", "钱一川", body, role) in got
    assert ("任职", "钱一川", unit, "副局长") in got
    assert not any("接替" in f[1] or f[1] == "孙二河" for f in got)


# A title naming the body by its level word alone ("调整地区防汛抗旱指挥部成员") where the text
# names it in full with its place ("甲地区防汛抗旱指挥部（以下简称地区防指）"): the full name;
# 常务副总指挥 is a role of its own.
@pytest.mark.parametrize("place,lvl,gov", [("甲", "地区", "地区行署"), ("乙", "盟", "盟行署"),
                                           ("丙", "市", "市政府"), ("丁", "县", "县政府"),
                                           ("戊", "旗", "旗政府"), ("己", "自治州", "州政府")])
@pytest.mark.parametrize("full", [True, False])
def test_body_named_in_full_in_the_text(place: str, lvl: str, gov: str, full: bool) -> None:
    issuer = f"{place}{lvl}行政公署" if gov.endswith("行署") else f"{place}{lvl}人民政府"
    named = f"{place}{lvl}" if full else lvl
    text = notice(f"决定对{named}防汛抗旱指挥部（以下简称{lvl}防指）成员进行调整，调整后的组成人员如下：\n"
                  f"总指挥：柯明远　{lvl}水利局局长\n常务副总指挥：尤国庆　{lvl}应急管理局局长\n"
                  f"副总指挥：卜　文　{lvl}气象局局长",
                  title=f"{issuer}关于调整{lvl}防汛抗旱指挥部成员的通知")
    body = f"{named}防汛抗旱指挥部"
    got = facts(text)
    for f in [("成员", "柯明远", body, "总指挥"), ("成员", "尤国庆", body, "常务副总指挥"),
              ("成员", "卜文", body, "副总指挥"), ("任职", "尤国庆", f"{lvl}应急管理局", "局长")]:
        assert f in got, f
    assert not any(f[0] == "成员" and f[2] != body for f in got)
    assert ("成员", "尤国庆", body, "总指挥") not in got


# Subgroup items "（一）X组，由Y牵头；" (a comma before the lead closes the name), and an office
# "设在A（B）" whose bracketed second name is an alias.
@pytest.mark.parametrize("place,lvl", [("甲", "市"), ("乙", "县"), ("丙", "旗"), ("丁", "州"), ("戊", "盟")])
@pytest.mark.parametrize("comma", ["，", ","])
@pytest.mark.parametrize("marks", [("（一）", "（二）"), ("1.", "2."), ("（1）", "（2）")])
def test_subgroup_items_led_after_a_comma(place: str, lvl: str, comma: str, marks: tuple) -> None:
    body = f"{place}{lvl}创建卫生城市工作领导小组"
    text = notice(f"{lvl}政府决定成立{body}。\n"
                  f"领导小组下设办公室和两个专项工作组。领导小组办公室设在{lvl}爱卫办（{lvl}爱国卫生运动委员会"
                  f"办公室）{comma}负责日常工作。各专项工作组分别是：\n"
                  f"{marks[0]}市容整治组{comma}由{lvl}城管局牵头；\n"
                  f"{marks[1]}宣传教育组{comma}由{lvl}委宣传部牵头。\n",
                  title=f"{place}{lvl}人民政府关于成立{body}的通知")
    got = facts(text)
    for f in [("下设", body, "市容整治组", ""), ("下设", body, "宣传教育组", ""),
              ("牵头", f"{lvl}城管局", "市容整治组", ""), ("牵头", f"{lvl}委宣传部", "宣传教育组", ""),
              ("办公室设在", body, f"{lvl}爱卫办", "")]:
        assert f in got, f
    assert not any(f[0] == "办公室设在" and "（" in f[2] for f in got)


# A unit section's line "领导小组成员单位为：A、B、C。": the key ends in 为, the units follow.
@pytest.mark.parametrize("place,lvl", [("甲", "市"), ("乙", "县"), ("丙", "旗"), ("丁", "州"), ("戊", "省")])
@pytest.mark.parametrize("kind", ["领导小组", "工作专班", "指挥部"])
@pytest.mark.parametrize("colon", ["：", ":"])
def test_unit_section_key_ends_in_is(place: str, lvl: str, kind: str, colon: str) -> None:
    body = f"{place}{lvl}优化营商环境工作{kind}"
    text = notice(f"一、组成人员\n组长：柯小川　{lvl}长\n\n二、成员单位\n\n"
                  f"{kind}成员单位为{colon}{lvl}发展和改革委员会、{lvl}财政局、{lvl}司法局。\n\n三、工作要求\n\n"
                  "各成员单位要明确1名联络员。",
                  title=f"{place}{lvl}人民政府办公室关于成立{body}的通知")
    got = facts(text)
    for unit in ("发展和改革委员会", "财政局", "司法局"):
        assert ("成员单位", f"{lvl}{unit}", body, "成员单位") in got
    assert not any(f[0] == "成员单位" and "为" in f[1] for f in got)


# "…任<role>，并兼任<body>办公室副主任": the second role after the first, in a successor's
# sentence ("由A同志（posts）接替B同志任…") or a plain one ("A同志任…").
@pytest.mark.parametrize("place,lvl,kind", [("甲", "自治区", "工作专班"), ("乙", "市", "领导小组"),
                                            ("丙", "县", "指挥部"), ("丁", "旗", "领导小组"),
                                            ("戊", "州", "工作专班")])
@pytest.mark.parametrize("succeeds", [True, False])
@pytest.mark.parametrize("comma,also", [("，", "并兼任"), (",", "兼任"), ("，", "同时兼任")])
def test_second_role_after_the_first(place: str, lvl: str, kind: str, succeeds: bool, comma: str,
                                     also: str) -> None:
    body = f"{place}{lvl}稳就业{kind}"
    short = kind.removeprefix("工作")
    who = "由钱 一川同志（{lvl}人社局副局长）接替孙二河同志" if succeeds else "钱 一川同志"
    text = notice(who.format(lvl=lvl) + f"任{short}成员{comma}{also}{short}办公室副主任。",
                  title=f"{place}{lvl}人民政府办公室关于调整{body}组成人员的通知")
    got = facts(text)
    assert ("成员", "钱一川", body, "成员") in got
    assert ("成员", "钱一川", body, "办公室副主任") in got
    assert not any(f[1] in ("孙二河", "并", "同时") or "接替" in f[1] for f in got)


@pytest.mark.parametrize("place, level, title, _party", LEVELS)
@pytest.mark.parametrize("announce", ["下设以下专项工作组：", "下设如下工作组:", "下设下列3个工作组："])
def test_subgroups_announced_by_a_list_below(place: str, level: str, title: str, _party: str,
                                             announce: str) -> None:
    """"领导小组下设以下专项工作组：" announces the subgroups listed below and names none: the
    subgroups are the items, never "以下专项工作组"."""
    body = f"{place}{level}禁牧工作领导小组"
    text = notice(f"为加强草原保护，决定成立{body}。\n\n组　长：赵一　{level}政府{title}\n\n"
                  f"领导小组{announce}\n（一）禁牧监管组。由{level}林草局牵头。\n（二）矿区修复组。由{level}自然资源局牵头。",
                  title=f"关于成立{body}的通知")
    got = facts(text)
    subs = {f[2] for f in got if f[0] == "下设"}
    assert {"禁牧监管组", "矿区修复组"} <= subs, subs
    assert not any(s.startswith(("以下", "如下", "下列")) for s in subs), subs


@pytest.mark.parametrize("place, level, title, _party", LEVELS)
@pytest.mark.parametrize("mark", ["（一）", "1.", "(一)"])
@pytest.mark.parametrize("colon", ["：", ":"])
def test_subgroup_item_states_its_own_leader(place: str, level: str, title: str, _party: str,
                                             mark: str, colon: str) -> None:
    """A subgroup's item line whose sentences go on with its own role line ("（一）X组。由A牵头。
    组长：王五。"): the person is the subgroup's member in that role, not the notice's body's."""
    body = f"{place}{level}禁牧工作领导小组"
    second = mark.replace("一", "二").replace("1", "2")
    text = notice(f"为加强草原保护，决定成立{body}。\n\n组　长：赵一　{level}政府{title}\n\n"
                  f"领导小组下设2个专项工作组。\n{mark}禁牧监管组。由{level}林草局牵头。组长{colon}王五。\n"
                  f"{second}矿区修复组。由{level}自然资源局牵头。组长{colon}{level}自然资源局副局长李四。",
                  title=f"关于成立{body}的通知")
    got = facts(text)
    assert ("成员", "王五", "禁牧监管组", "组长") in got, sorted(got)
    assert ("成员", "李四", "矿区修复组", "组长") in got
    assert ("任职", "李四", f"{level}自然资源局", "副局长") in got
    assert not any(f[0] == "成员" and f[1] in ("王五", "李四") and f[2] == body for f in got)


# ---------------------------------------------------------------------------- chief systems

# A 河长制/湖长制/林长制 body's list: its chiefs (总河长, 副总河长) are its members in those roles,
# posts before names, spaced role words; the title may name another item after the list
# ("关于调整X组成人员及县级河长的通知"); the office set up at a bureau, its head 兼任 its director.
@pytest.mark.parametrize("place,level,gov_title,party", LEVELS)
@pytest.mark.parametrize("chief", ["河", "湖", "林"])
@pytest.mark.parametrize("spaced,colon", [(False, "："), (True, ":")])
@pytest.mark.parametrize("tail", ["组成人员", "组成人员及{level}级{chief}长", "成员"])
def test_chief_system_members(place: str, level: str, gov_title: str, party: str, chief: str,
                              spaced: bool, colon: str, tail: str) -> None:
    group = f"{place}{level}{chief}长制工作委员会"
    head = f"总{chief}长" if not spaced else f"总 {chief} 长"
    deputy = f"副总{chief}长"
    title = f"{place}{level}人民政府办公室关于调整{level}{chief}长制工作委员会{tail}的通知"
    body = (f"经研究，现将{group}组成人员调整如下：\n"
            f"{head}{colon}{party}书记　严东升\n"
            f"{deputy}{colon}{gov_title}　林东\n"
            f"{level}{chief}长制办公室设在{level}水务局，办公室主任由{level}水务局局长韦北兼任。\n")
    got = facts(notice(body, title=title.format(level=level, chief=chief)))
    assert ("成员", "严东升", group, f"总{chief}长") in got, got
    assert ("成员", "林东", group, deputy) in got, got
    assert ("任职", "林东", f"{level}政府", gov_title) in got, got


# A member list going on over a PDF page: the page number ("— 1 —", "- 1 -", "第 1 页"), the
# running head repeating the notice's number, and the blank lines between are page furniture:
# one document, every member read, the list not ended by the page's blank line.
@pytest.mark.parametrize("place,level,gov_title,party", LEVELS)
@pytest.mark.parametrize("page", ["— 1 —", "- 1 -", "第 1 页"])
@pytest.mark.parametrize("head", [True, False])
def test_member_list_over_a_page_break(place: str, level: str, gov_title: str, party: str, page: str,
                                       head: bool) -> None:
    number = f"{place}政办发〔2017〕6号"
    group = f"{place}{level}防范非法集资工作联席会议"
    running = f"\n{number}\n" if head else "\n"
    text = (f"{place}{level}人民政府办公室文件\n{number}\n"
            f"{place}{level}人民政府办公室关于调整{group}组成人员的通知\n各有关单位：\n"
            f"现将调整后的组成人员名单通知如下：\n"
            f"召 集 人：严东升（{level}政府{gov_title}）\n"
            f"成 员：林 东（{level}财政局副局长）\n韦北辰（{level}公安局副局长）\n"
            f"{page}\n{running}"
            f"马南山（{level}商务局副局长）\n贺 西（{level}审计局副局长）\n"
            f"{place}{level}人民政府办公室\n2017年7月3日\n")
    from extract.source import SourceText
    from extract.split import split_source
    docs, _ = split_source(SourceText("n.txt", text))
    assert len(docs) == 1
    got = facts(text)
    for who in ("林东", "韦北辰", "马南山", "贺西"):
        assert ("成员", who, group, "成员") in got, (who, got)


# A news report of a government meeting that sets the division of work and also sets up a body
# ("会议决定成立X指挥部，由县长A任指挥长，副县长B、C任副指挥长，D、E为成员单位。指挥部办公室设在D，
# D局长F兼任办公室主任。"): the body's members, units and office are read as in a notice, and the
# office director's 兼任 is his own, not the last leader's.
@pytest.mark.parametrize("place,level,gov_title,party", LEVELS)
@pytest.mark.parametrize("kind,head,deputy", [("防灭火指挥部", "指挥长", "副指挥长"), ("工作领导小组", "组长", "副组长")])
@pytest.mark.parametrize("comma", ["，", ","])
def test_body_set_up_in_a_division_report(place: str, level: str, gov_title: str, party: str, kind: str,
                                          head: str, deputy: str, comma: str) -> None:
    body_name = f"{place}{level}森林草原{kind}"
    short = kind[-3:] if kind.endswith("指挥部") else "领导小组"
    text = (f"{level}政府召开常务会议 研究{level}政府领导班子成员工作分工等事项\n\n"
            f"　　会议明确了{level}政府领导班子成员工作分工。{gov_title}严东升负责农业农村工作{comma}分管{level}林业局。"
            f"{gov_title}林北负责公安工作{comma}分管{level}公安局。\n\n"
            f"　　会议决定成立{body_name}{comma}由{gov_title}严东升任{head}{comma}{gov_title}林北任{deputy}{comma}"
            f"{level}林业局、{level}应急管理局为成员单位。{short}办公室设在{level}林业局{comma}"
            f"{level}林业局局长韦南兼任办公室主任。\n")
    got = facts(text, "news.txt")
    for fact in [("成员", "严东升", body_name, head), ("成员", "林北", body_name, deputy),
                 ("成员", "韦南", body_name, "办公室主任"), ("成员单位", f"{level}林业局", body_name, "成员单位"),
                 ("成员单位", f"{level}应急管理局", body_name, "成员单位"), ("办公室设在", body_name, f"{level}林业局", ""),
                 ("分管", "严东升", f"{level}林业局", ""), ("分管", "林北", f"{level}公安局", "")]:
        assert fact in got, (fact, got)
    assert not any(f[0] == "任职" and f[1] == "林北" and "办公室" in f[2] for f in got), got


# A post named at the notice's own body, by its name or the short name the text gives it
# ("…安全生产委员会（以下简称州安委会）… 王五任州安委会主任"): a membership in that role.
@pytest.mark.parametrize("place,level,gov_title,party", LEVELS)
@pytest.mark.parametrize("full,short,head,deputy", [
    ("安全生产委员会", "安委会", "主任", "副主任"), ("食品安全委员会", "食安委", "主任", "副主任"),
    ("环境保护委员会", "环委会", "主任", "副主任"),
])
@pytest.mark.parametrize("comma", ["，", ","])
def test_a_post_at_the_notices_own_body_is_a_membership(place: str, level: str, gov_title: str, party: str,
                                                       full: str, short: str, head: str, deputy: str,
                                                       comma: str) -> None:
    group = f"{place}{level}{full}"
    body = (f"因人事变动{comma}决定对{group}（以下简称{level}{short}）组成人员进行调整。\n"
            f"　　严东升任{level}{short}{head}{comma}林北任{level}{short}{deputy}。\n")
    got = facts(notice(body, title=f"{place}{level}人民政府关于调整{group}组成人员的通知"))
    assert ("成员", "严东升", group, head) in got, got
    assert ("成员", "林北", group, deputy) in got, got
    assert not any(f[0] == "任职" and short in f[2] for f in got), got
