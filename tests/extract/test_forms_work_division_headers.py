"""工作分工 headers and prose leaders: long names without a listed family name, 新任 before
the title, a leader's title among other posts, party leaders in prose, and news that both
divides the work and sets up a body (invented names and places throughout)."""

from __future__ import annotations

import opencc
import pytest

from extract.pipeline import extract_documents
from extract.posts import bare_government
from extract.source import SourceText
from extract.split import split_source
from extract.text import to_simplified


def facts(text: str, name: str = "notice.txt") -> set[tuple]:
    """All facts read: (rel, s, o, role or position), in simplified characters."""
    docs, _ = split_source(SourceText(name, text))
    assertions, _ = extract_documents(docs)
    got = {tuple(to_simplified(x) for x in (a.rel, a.s, a.o, a.role or a.position or "")) for a in assertions}
    # a government named in full (甲县人民政府) is also read as its level names it (县政府), as the scorer does
    return got | {(f[0], f[1], bare_government(f[2]), f[3]) for f in got}


def notice(level: str, gov: str, head: str, *lines: str) -> str:
    """An adjustment notice of one level with the given leader lines."""
    body = "\n".join(lines)
    return (f"甲{level}{gov}关于调整{head}工作分工的通知\n\n各有关单位：\n"
            f"　　经研究，现将调整事项通知如下：\n{body}\n　　其他领导成员工作分工不变。\n\n"
            f"甲{level}{gov}\n2024年3月1日\n")


HALF = str.maketrans({"，": ",", "：": ":", "（": "(", "）": ")", "；": ";"})


# Long names without a listed family name, set apart by the header's colon; 新任 before the title.
@pytest.mark.parametrize("text,expect", [
    (notice("盟", "行政公署", "盟长副盟长",
            "　　一、盟委委员、副盟长巴图那森：增加负责林草工作，增加分管盟林草局。",
            "　　二、新任副盟长格日乐：负责民政工作。联系盟红十字会。"),
     [("任职", "巴图那森", "盟委", "盟委委员"), ("任职", "巴图那森", "盟行政公署", "副盟长"),
      ("负责", "巴图那森", "林草", ""), ("分管", "巴图那森", "盟林草局", ""),
      ("任职", "格日乐", "盟行政公署", "副盟长"), ("负责", "格日乐", "民政", ""),
      ("联系", "格日乐", "盟红十字会", "")]),
    (notice("州", "人民政府", "州长副州长", "　　副州长阿不都热依木：分管州水利局。",
            "　　新任副州长次仁：分管州林业局。"),
     [("任职", "阿不都热依木", "州政府", "副州长"), ("分管", "阿不都热依木", "州水利局", ""),
      ("任职", "次仁", "州政府", "副州长"), ("分管", "次仁", "州林业局", "")]),
    (notice("旗", "人民政府", "旗长副旗长", "　　（一）旗委常委、常务副旗长乌 力 吉：分管旗财政局。"),
     [("任职", "乌力吉", "旗委", "旗委常委"), ("分管", "乌力吉", "旗财政局", "")]),
    (notice("县", "人民政府", "县长副县长", "　　3.现任副县长扎西多吉：增加负责教育工作。"),
     [("任职", "扎西多吉", "县政府", "副县长"), ("负责", "扎西多吉", "教育", "")]),
])
def test_long_names_and_new_leaders(text: str, expect: list[tuple]) -> None:
    for variant in (text, text.translate(HALF), opencc.OpenCC("s2t").convert(text)):
        got = facts(variant)
        for fact in expect:
            assert fact in got, (fact, variant[:40])
    assert not any(f[1].startswith(("新任", "现任")) for f in facts(text))


# A leader's title among other posts, not only last: a leader who also heads a body.
@pytest.mark.parametrize("level,gov,line,expect", [
    ("县", "人民政府", "　　副县长、县公安局局长孙六：负责公安工作。分管县公安局。",
     [("任职", "孙六", "县政府", "副县长"), ("任职", "孙六", "县公安局", "局长"), ("分管", "孙六", "县公安局", "")]),
    ("区", "人民政府", "　　副区长、区公安分局局长周七：分管区应急管理局。",
     [("任职", "周七", "区政府", "副区长"), ("分管", "周七", "区应急管理局", "")]),
    ("市", "人民政府", "　　副市长、市公安局局长吴八：负责公安、消防工作。",
     [("任职", "吴八", "市政府", "副市长"), ("负责", "吴八", "消防", "")]),
])
def test_leader_title_among_posts(level: str, gov: str, line: str, expect: list[tuple]) -> None:
    text = notice(level, gov, "领导", "　　副" + level + "长郑五：分管" + level + "审计局。", line)
    got = facts(text)
    for fact in expect:
        assert fact in got
    assert ("分管", "郑五", expect[-1][2], "") not in got  # the duties are the new leader's


# A numbered leader header we cannot read ends the previous leader's duties.
@pytest.mark.parametrize("sep", ["：", ":"])
def test_unread_numbered_header_ends_previous_leader(sep: str) -> None:
    text = notice("镇", "人民政府", "镇长副镇长", "　　一、副镇长王九：分管镇财政所。",
                  f"　　二、副镇长（待定）{sep}分管镇水利站。")
    got = facts(text)
    assert ("分管", "王九", "镇财政所", "") in got
    assert ("分管", "王九", "镇水利站", "") not in got


# Party leaders of every level named in prose, their committee in the title.
@pytest.mark.parametrize("party,gov,head", [
    ("乡党委", "乡人民政府", "乡长"), ("镇党委", "镇人民政府", "镇长"), ("县委", "县人民政府", "县长"),
    ("旗委", "旗人民政府", "旗长"), ("区委", "区人民政府", "区长"),
])
def test_party_leaders_in_prose(party: str, gov: str, head: str) -> None:
    text = (f"甲地召开会议 明确领导班子成员分工\n\n　　3月1日，甲地召开会议，研究领导班子成员工作分工。"
            f"会议明确，{party}书记冯一主持{party}全面工作；{party}副书记、{head}陈二主持{gov}全面工作，"
            f"负责财政工作；{party}副书记褚三负责组织、宣传工作。\n")
    for variant in (text, opencc.OpenCC("s2t").convert(text)):
        got = facts(variant, "news.txt")
        assert ("任职", "冯一", party, party + "书记") in got
        assert ("主持", "冯一", party, "") in got
        assert ("任职", "陈二", party, party + "副书记") in got
        assert ("负责", "陈二", "财政", "") in got
        assert ("负责", "褚三", "宣传", "") in got
        assert not any(f[1] == "冯一" and f[0] == "负责" for f in got)


# News that divides the work and sets up a body: typed a task force's, read for both.
@pytest.mark.parametrize("place,party", [("乙乡", "乡党委"), ("丙镇", "镇党委"), ("丁街道", "街道党工委")])
def test_division_and_body_in_one_title(place: str, party: str) -> None:
    text = (f"{place}调整领导班子成员分工　成立{place}人居环境整治工作领导小组\n\n"
            f"　　5月8日，{place}召开会议，研究调整领导班子成员工作分工。会议明确，"
            f"{party}副书记沈五负责组织工作，分管{place}党政办公室。\n"
            f"　　会议决定，{place}人居环境整治工作领导小组由韩六任组长，沈五任副组长。\n")
    got = facts(text, "news.txt")
    assert ("分管", "沈五", f"{place}党政办公室", "") in got
    assert ("负责", "沈五", "组织", "") in got
    assert ("成员", "韩六", f"{place}人居环境整治工作领导小组", "组长") in got


# A change of hands: "原由A分管的X，调整由B分管", "改由B分管X", objects before or after the verb.
@pytest.mark.parametrize("level,line,expect,absent", [
    ("市", "　　原由副市长秦一分管的市审计局，调整由副市长尤二分管。",
     ("分管", "尤二", "市审计局", ""), ("分管", "尤二", "调整", "")),
    ("县", "　　原由副县长秦一分管的县林业局、县水利局，改由副县长尤二分管。",
     ("分管", "尤二", "县水利局", ""), ("分管", "秦一", "县水利局", "")),
    ("旗", "　　旗应急管理局现由副旗长尤二分管。", ("分管", "尤二", "旗应急管理局", ""), None),
    ("区", "　　改由副区长尤二分管区统计局、区医疗保障局。", ("分管", "尤二", "区医疗保障局", ""), None),
    ("州", "　　财政、审计等工作，统一由副州长尤二负责，他还兼任州财政局局长。",
     ("负责", "尤二", "审计", ""), ("负责", "尤二", "他还兼任州财政局局长", "")),
])
def test_change_of_hands(level: str, line: str, expect: tuple, absent: tuple | None) -> None:
    text = notice(level, "人民政府", "领导", line)
    for variant in (text, text.translate(HALF)):
        got = facts(variant)
        assert expect in got
        assert absent not in got


# Prose: a name after a party post, then 出任 and the leader's title, then the duties.
@pytest.mark.parametrize("party,head,gov,body", [
    ("省委", "常务副省长", "省政府", "省财政厅"), ("县委", "常务副县长", "县政府", "县财政局"),
    ("自治区党委", "自治区副主席", "自治区政府", "自治区财政厅"),
])
def test_party_post_then_chu_ren(party: str, head: str, gov: str, body: str) -> None:
    text = (f"甲地政府领导分工调整\n\n　　日前，新当选的{party}常委何三出任{head}，分管{body}、统计工作。"
            f"另悉，副职人员名单另行公布。\n")
    for variant in (text, opencc.OpenCC("s2t").convert(text)):
        got = facts(variant, "news.txt")
        assert ("分管", "何三", body, "") in got
        assert ("分管", "何三", "统计", "") in got


# Prose: a body's post listed before the leader's title ("省公安厅厅长、副省长王五负责…").
@pytest.mark.parametrize("post,org,title,head", [
    ("省公安厅厅长", "省公安厅", "厅长", "副省长"), ("市公安局局长", "市公安局", "局长", "副市长"),
    ("旗公安局局长", "旗公安局", "局长", "副旗长"), ("区公安分局局长", "区公安分局", "局长", "副区长"),
])
def test_body_post_before_leader_in_prose(post: str, org: str, title: str, head: str) -> None:
    text = f"甲地明确政府领导分工\n\n　　日前，甲地明确政府领导分工。{post}、{head}吕四负责公安工作，分管{org}。原{post}、{head}施五调任他职。\n"
    for variant in (text, text.translate(HALF)):
        got = facts(variant, "news.txt")
        assert ("任职", "吕四", org, title) in got
        assert ("分管", "吕四", org, "") in got
        assert not any(f[1] == "施五" for f in got)


# A comma header opening its line sets the name apart: no known family name needed there.
@pytest.mark.parametrize("level,gov,line,expect", [
    ("盟", "行政公署", "　　二、副盟长巴图那森，负责林草工作。", ("负责", "巴图那森", "林草", "")),
    ("旗", "人民政府", "　　副旗长萨仁高娃，分管旗民政局。", ("分管", "萨仁高娃", "旗民政局", "")),
    ("州", "人民政府", "　　（三）副州长次仁,分管州林业局.", ("分管", "次仁", "州林业局", "")),
])
def test_comma_header_at_line_start(level: str, gov: str, line: str, expect: tuple) -> None:
    text = notice(level, gov, "领导", "　　一、副" + level + "长郑五，分管" + level + "审计局。", line)
    got = facts(text)
    assert expect in got
    assert ("任职", expect[1], level + "政府" if gov == "人民政府" else level + gov, "副" + level + "长") in got
    assert not any(f[1] == "郑五" and f[2] == expect[2] for f in got)


@pytest.mark.parametrize("line", ["　　日前，会议指出，副市长要求，分管领域要抓好落实。", "　　副市长强调，分管领导要履职尽责。",
                                  "　　二、副市长指出，分管部门要加强配合。"])
def test_a_leader_speaking_is_no_name(line: str) -> None:
    text = notice("市", "人民政府", "领导", "　　一、副市长郑五：分管市审计局。", line)
    got = facts(text)
    duties = {f for f in got if f[0] in ("分管", "负责", "联系")}
    assert not any(f[1] in ("要求", "强调", "指出") for f in duties)
    assert not any("要" in f[2] for f in duties)  # "分管领导要…" is no duty of the leader before


# "一、<posts>  <name>": numbered posts relative to the issuing body, the name set apart by
# spaces, no colon; each such line opens a new leader, so its duties never go to the one before.
@pytest.mark.parametrize("level,gov,first,second,expect,absent", [
    ("镇", "人民政府", "一、党委书记  王 五", "二、党委委员、人大主席  李 四",
     [("主持", "王五", "镇党委", ""), ("负责", "李四", "信访", "")], ("负责", "王五", "信访", "")),
    ("乡", "人民政府", "（一）党委副书记、乡长　周二", "（二）党委委员、武装部长　吴八",
     [("任职", "周二", "乡政府", "乡长"), ("负责", "吴八", "信访", "")], ("负责", "周二", "信访", "")),
    ("县", "人民政府", "1.县委副书记、县长 郑 九", "2.县委常委、副县长 冯十",
     [("任职", "郑九", "县政府", "县长"), ("任职", "冯十", "县政府", "副县长"), ("负责", "冯十", "信访", "")],
     ("负责", "郑九", "信访", "")),
    ("旗", "人民政府", "一、旗长  巴图", "二、副旗长  乌兰",
     [("任职", "巴图", "旗政府", "旗长"), ("负责", "乌兰", "信访", "")], ("负责", "巴图", "信访", "")),
])
def test_numbered_posts_then_name(level: str, gov: str, first: str, second: str, expect: list[tuple],
                                  absent: tuple) -> None:
    text = notice(level, gov, "领导班子成员", first, f"　　主持{level}党委全面工作，负责党建工作。",
                  second, "　　负责信访工作。")
    for variant in (text, text.translate(HALF), opencc.OpenCC("s2t").convert(text)):
        got = facts(variant)
        for fact in expect:
            assert fact in got, (fact, variant[:40])
        assert absent not in got
        assert not any(f[0] == "任职" and f[2] in ("武装部", "") for f in got)  # a bare body is left out


@pytest.mark.parametrize("line", ["一、工作目标  总体要求", "二、职责分工  综合协调", "三、保障措施 王五"])
def test_numbered_non_posts_are_no_leader(line: str) -> None:
    text = notice("镇", "人民政府", "领导班子成员", "一、副镇长  赵 六", "　　负责民政工作。", line, "　　负责信访工作。")
    got = facts(text)
    assert ("负责", "赵六", "民政", "") in got
    assert not any(f[1] in ("总体要求", "综合协调", "王五") for f in got)


# "王五(副旗长、旗公安局局长):负责…": the name first, its posts in brackets, a leader's title
# among them (not only last), duties after the colon.
@pytest.mark.parametrize("level,gov", [("旗", "人民政府"), ("县", "人民政府"), ("市", "人民政府"), ("区", "人民政府")])
def test_name_then_bracketed_posts_with_leader_among(level: str, gov: str) -> None:
    text = notice(level, gov, "领导", f"　　郑五（副{level}长）：分管{level}审计局。",
                  f"　　孙 六（副{level}长、{level}公安局局长）：负责公安工作。分管{level}公安局。")
    for variant in (text, text.translate(HALF), opencc.OpenCC("s2t").convert(text)):
        got = facts(variant)
        for fact in [("任职", "孙六", f"{level}政府", f"副{level}长"), ("任职", "孙六", f"{level}公安局", "局长"),
                     ("负责", "孙六", "公安", ""), ("分管", "孙六", f"{level}公安局", "")]:
            assert fact in got, (fact, variant[:40])
        assert ("分管", "郑五", f"{level}公安局", "") not in got


# A leader's line ("二、副州长 王五"), then the same name again as a header ("王五同志：负责…"):
# the duties after the colon are that leader's, from the first clause on.
@pytest.mark.parametrize("level,gov", [("州", "人民政府"), ("盟", "行政公署"), ("县", "人民政府"), ("乡", "人民政府")])
@pytest.mark.parametrize("honorific", ["同志", ""])
def test_name_again_as_header(level: str, gov: str, honorific: str) -> None:
    text = notice(level, gov, "领导", f"一、副{level}长 郑 五", f"郑五{honorific}：负责审计工作。",
                  f"二、副{level}长 孙六", f"孙六{honorific}：负责教育、民政工作。分管{level}教育局。")
    for variant in (text, text.translate(HALF), opencc.OpenCC("s2t").convert(text)):
        got = facts(variant)
        for fact in [("负责", "郑五", "审计", ""), ("负责", "孙六", "教育", ""), ("负责", "孙六", "民政", ""),
                     ("分管", "孙六", f"{level}教育局", "")]:
            assert fact in got, (fact, variant[:40])
        assert not any(f[1] == "郑五" and f[2] in ("教育", "民政") for f in got)


# Spaces inside a header, before its colon: the name is read whole, never with a title's character.
@pytest.mark.parametrize("level,gov,title", [
    ("省", "人民政府", "副省长"), ("市", "人民政府", "副市长"), ("州", "人民政府", "副州长"),
    ("盟", "行政公署", "副盟长"), ("县", "人民政府", "副县长"), ("旗", "人民政府", "副旗长"),
])
@pytest.mark.parametrize("head", ["{t}严东升 ：", "{t}　严东升　：", "{t} 严 东 升  ：", "严东升{t} ：",
                                  "一、{t}严东升 ："])
def test_space_before_a_header_colon(level: str, gov: str, title: str, head: str) -> None:
    line = "　　" + head.format(t=title) + "负责财政工作，分管甲" + level + "财政局。"
    for variant in (line, line.translate(HALF)):
        got = facts(notice(level, gov, "领导成员", variant))
        assert ("负责", "严东升", "财政", "") in got, variant
        assert ("分管", "严东升", f"甲{level}财政局", "") in got, variant
        assert not any(f[1] != "严东升" and f[1].endswith("严东升") for f in got), variant


# A concurrent post after the duties ("…，兼任县国资办主任"): a post the leader holds, no object of
# the duty before it; in a header's duties and in a numbered item alike.
@pytest.mark.parametrize("level,gov,title", [
    ("省", "人民政府", "副省长"), ("市", "人民政府", "副市长"), ("州", "人民政府", "副州长"),
    ("盟", "行政公署", "副盟长"), ("县", "人民政府", "副县长"), ("区", "人民政府", "副区长"),
])
@pytest.mark.parametrize("line,rel,obj", [
    ("　　{t}王东升：分管甲{lv}财政局，兼任甲{lv}国有资产管理办公室主任。", "分管", "甲{lv}财政局"),
    ("　　{t}王东升：负责财政工作，同时兼任甲{lv}国有资产管理办公室主任。", "负责", "财政"),
    ("　　二、{t}王东升：联系甲{lv}税务局，兼任甲{lv}国有资产管理办公室主任。", "联系", "甲{lv}税务局"),
])
def test_concurrent_post_after_duties(level: str, gov: str, title: str, line: str, rel: str,
                                      obj: str) -> None:
    text = line.format(t=title, lv=level)
    for variant in (text, text.translate(HALF)):
        got = {f for f in facts(notice(level, gov, "领导成员", variant)) if f[1] == "王东升"}
        assert (rel, "王东升", obj.format(lv=level), "") in got, variant
        assert ("任职", "王东升", f"甲{level}国有资产管理办公室", "主任") in got, variant
        assert not any("兼任" in f[2] for f in got), variant


# "负责处理…", "协助联系处理…": a task the leader handles, no area of work; the other duties are read.
@pytest.mark.parametrize("level,gov,title", [
    ("市", "人民政府", "副市长"), ("县", "人民政府", "副县长"), ("旗", "人民政府", "副旗长"),
    ("市", "人民政府", "秘书长"), ("镇", "人民政府", "副镇长"),
])
@pytest.mark.parametrize("line,rel,obj", [
    ("　　{t}王东升：负责处理甲{lv}政府日常事务，分管甲{lv}财政局。", "分管", "甲{lv}财政局"),
    ("　　{t}王东升：协助联系处理甲{lv}信访工作，联系甲{lv}信访局。", "联系", "甲{lv}信访局"),
])
def test_handling_a_task_is_no_area(level: str, gov: str, title: str, line: str, rel: str,
                                    obj: str) -> None:
    text = line.format(t=title, lv=level)
    for variant in (text, text.translate(HALF)):
        got = {f for f in facts(notice(level, gov, "领导成员", variant)) if f[1] == "王东升"}
        assert (rel, "王东升", obj.format(lv=level), "") in got, variant
        assert not any(f[2].startswith("处理") for f in got), variant


# A government's party-group post listed after its head's post ("市政府副市长、党组成员王五：",
# "常务副市长、党组副书记王五："): the 党组 is that government's (SCHEMA §1); the name is not
# read with the post before it.
@pytest.mark.parametrize("level,party,gov_word,head,gov", [
    ("省", "省委", "省政府", "副省长", "人民政府"),
    ("自治区", "自治区党委", "自治区政府", "副主席", "人民政府"),
    ("市", "市委", "市政府", "副市长", "人民政府"),
    ("州", "州委", "州政府", "副州长", "人民政府"),
    ("盟", "盟委", "盟行政公署", "副盟长", "行政公署"),
    ("县", "县委", "县政府", "副县长", "人民政府"),
    ("区", "区委", "区政府", "副区长", "人民政府"),
    ("旗", "旗委", "旗政府", "副旗长", "人民政府"),
])
@pytest.mark.parametrize("half", [False, True])
def test_government_party_group_after_head(level: str, party: str, gov_word: str, head: str,
                                           gov: str, half: bool) -> None:
    text = notice(level, gov, "领导", f"　　{party}常委、{gov_word}常务{head}、党组副书记彭 立新：负责财政工作。",
                  f"　　{gov_word}{head}、党组成员谢晓梅：负责教育工作。分管{level}教育局。",
                  f"　　{head}、党 组成员欧阳振华：负责交通工作。")
    got = facts(text.translate(HALF) if half else text)
    issuer = f"甲{level}{gov}"
    for f in [("任职", "彭立新", party, f"{party}常委"), ("任职", "彭立新", issuer, f"常务{head}"),
              ("任职", "彭立新", issuer, "党组副书记"), ("负责", "彭立新", "财政", ""),
              ("任职", "谢晓梅", issuer, head), ("任职", "谢晓梅", issuer, "党组成员"),
              ("负责", "谢晓梅", "教育", ""), ("分管", "谢晓梅", f"{level}教育局", ""),
              ("任职", "欧阳振华", issuer, head), ("任职", "欧阳振华", issuer, "党组成员"),
              ("负责", "欧阳振华", "交通", "")]:
        assert f in got, f
    assert {f[1] for f in got} == {"彭立新", "谢晓梅", "欧阳振华"}


# Numbered prose items of an adjustment: the head's assistant (区长助理, a post of the government),
# a field named by a kind of body after 分管 or 负责 ("乡镇企业工作"), and "王五外出学习期间，其分管
# 工作由李四临时代管" (who stands in: no division of work); a numbered line whose duties follow
# the name at once ("三、副县长熊佳同志负责…") is read as prose, not reported.
@pytest.mark.parametrize("level,head,gov", [
    ("省", "省长", "人民政府"), ("市", "市长", "人民政府"), ("州", "州长", "人民政府"), ("盟", "盟长", "行政公署"),
    ("县", "县长", "人民政府"), ("区", "区长", "人民政府"), ("旗", "旗长", "人民政府"), ("乡", "乡长", "人民政府"),
    ("镇", "镇长", "人民政府"),
])
@pytest.mark.parametrize("half", [False, True])
def test_assistant_fields_and_stand_in(level: str, head: str, gov: str, half: bool) -> None:
    text = notice(level, gov, "领导",
                  f"　　一、副{head}万小平同志分管{level}民政局，负责乡镇企业工作。",
                  f"　　二、副{head}熊 佳同志负责城市管理工作。熊佳同志外出学习期间，其分管工作由副{head}万小平同志临时代管。",
                  f"　　三、{head}助理、{level}科技园管委会主任彭一鸣同志协助{head}联系{level}工业和信息化局。",
                  f"　　四、{head}助理严 东升：分管{level}统计局、中小企业工作。")
    got = facts(text.translate(HALF) if half else text)
    issuer = f"甲{level}{gov}"
    for f in [("分管", "万小平", f"{level}民政局", ""), ("负责", "万小平", "乡镇企业", ""),
              ("任职", "熊佳", issuer, f"副{head}"), ("负责", "熊佳", "城市管理", ""),
              ("任职", "彭一鸣", issuer, f"{head}助理"), ("任职", "彭一鸣", f"{level}科技园管委会", "主任"),
              ("协助联系", "彭一鸣", f"{level}工业和信息化局", ""),
              ("任职", "严东升", issuer, f"{head}助理"), ("分管", "严东升", f"{level}统计局", ""),
              ("分管", "严东升", "中小企业", "")]:
        assert f in got, f
    assert not any(f[1] == "万小平" and ("期间" in f[2] or f[2] == "其分管工作") for f in got)
    assert {f[1] for f in got} == {"万小平", "熊佳", "彭一鸣", "严东升"}


# The forms above in traditional characters: names, posts and bodies as written (the scorer reads
# either script).
@pytest.mark.parametrize("level,gov,lines,expected", [
    ("自治区", "人民政府", ["一、严东升同志", "　　自治区党委常委、自治区常务副主席。负责财政方面的工作。分管自治区财政厅。"],
     {("任职", "严东升", "甲自治区人民政府", "常务副主席"), ("任职", "严东升", "自治区党委", "自治区党委常委"),
      ("负责", "严东升", "财政", ""), ("分管", "严东升", "自治区财政厅", "")}),
    ("镇", "人民政府", ["镇长：严东升", "主持镇政府全面工作，负责财政工作。", "副镇长：林 东", "联系镇农业服务中心。"],
     {("任职", "严东升", "甲镇人民政府", "镇长"), ("主持", "严东升", "甲镇人民政府", ""),
      ("负责", "严东升", "财政", ""), ("任职", "林东", "甲镇人民政府", "副镇长"), ("联系", "林东", "镇农业服务中心", "")}),
    ("市", "人民政府", ["　　市政府副市长、党组成员谢晓梅：负责教育工作。分管市教育局。",
                       "　　市长助理严东升：分管市统计局。"],
     {("任职", "谢晓梅", "甲市人民政府", "副市长"), ("任职", "谢晓梅", "甲市人民政府", "党组成员"),
      ("分管", "谢晓梅", "市教育局", ""), ("任职", "严东升", "甲市人民政府", "市长助理"),
      ("分管", "严东升", "市统计局", "")}),
])
def test_new_forms_in_traditional_characters(level: str, gov: str, lines: list[str],
                                             expected: set) -> None:
    text = opencc.OpenCC("s2t").convert(notice(level, gov, "领导", *lines))
    got = {tuple(to_simplified(x) for x in f) for f in facts(text)}
    assert expected <= got, expected - got


# The assistant of a head whose title carries its level or body word: the post without it (SCHEMA §2).
@pytest.mark.parametrize("level,gov,line,post", [
    ("自治区", "人民政府", "　　自治区主席助理严东升：分管自治区统计局。", "主席助理"),
    ("地区", "行政公署", "　　行署专员助理严东升：分管地区统计局。", "专员助理"),
    ("县", "人民政府", "　　县长助理严东升：分管县统计局。", "县长助理"),
])
@pytest.mark.parametrize("half", [False, True])
def test_assistant_post_without_its_level(level: str, gov: str, line: str, post: str, half: bool) -> None:
    text = notice(level, gov, "领导", line)
    got = facts(text.translate(HALF) if half else text)
    assert ("任职", "严东升", f"甲{level}{gov}", post) in got
    assert ("分管", "严东升", f"{level}统计局", "") in got


# A meeting's news whose title names only the meeting, its opening sentence the division
# ("研究调整县政府领导班子成员工作分工等事项"), and that also sets up a body (typed a task force's).
_T2S = opencc.OpenCC("s2t")


@pytest.mark.parametrize("lvl,head,deputy,crumb,trad", [
    ("县", "县长", "副县长", "首页 > 政务动态 > 常务会议\n\n", False),
    ("旗", "旗长", "副旗长", "", False),
    ("市", "市长", "副市长", "当前位置：首页>政务公开\n", True),
    ("区", "区长", "副区长", "", True),
])
def test_division_stated_in_the_opening_sentence(lvl: str, head: str, deputy: str, crumb: str,
                                                 trad: bool) -> None:
    text = (f"{crumb}乙{lvl}政府召开第5次常务会议\n发布时间：2024-03-02  来源：{lvl}政府办\n\n"
            f"3月1日，{head}孔一主持召开{lvl}政府第5次常务会议，研究调整{lvl}政府领导班子成员工作分工等事项。\n"
            f"会议明确，{deputy}曹二同志不再分管{lvl}司法局，增加分管{lvl}信访局；{deputy}严 三同志协助{head}"
            f"分管{lvl}财政局，联系{lvl}税务局。\n会议决定成立乙{lvl}城区供热保障工作专班，由{deputy}曹二任组长。\n")
    got = facts(_T2S.convert(text) if trad else text, "news.txt")
    assert ("分管", "曹二", f"{lvl}信访局", "") in got
    assert ("分管", "曹二", f"{lvl}司法局", "") not in got
    assert ("协助分管", "严三", f"{lvl}财政局", "") in got
    assert ("联系", "严三", f"{lvl}税务局", "") in got
    assert ("任职", "严三", f"{lvl}政府", deputy) in got
    assert ("成员", "曹二", f"乙{lvl}城区供热保障工作专班", "组长") in got


def test_division_cited_later_is_not_read() -> None:
    """Only the opening sentence states a division; "按照班子分工" further on states none."""
    text = ("丙县成立森林防火工作专班\n\n4月1日，丙县召开会议，决定成立丙县森林防火工作专班，由副县长曹二任组长。\n"
            "会议要求，按照领导班子成员工作分工，副县长严三分管县林业局的同志要配合。\n")
    got = facts(text, "news.txt")
    assert ("成员", "曹二", "丙县森林防火工作专班", "组长") in got
    assert not any(f[0] == "分管" for f in got)


# "关于调整…分工及成立X领导小组的通知": the body is what is set up (after the last 成立), and its
# section ("二、成立X领导小组", to the next heading) states no leader's duties.
@pytest.mark.parametrize("lvl,head,deputy", [("旗", "旗长", "常务副旗长"), ("县", "县长", "副县长"),
                                             ("州", "州长", "副州长"), ("镇", "镇长", "副镇长")])
@pytest.mark.parametrize("colon,comma", [("：", "，"), (":", ",")])
def test_division_and_body_set_up_in_one_notice(lvl: str, head: str, deputy: str, colon: str,
                                               comma: str) -> None:
    text = (f"甲{lvl}人民政府关于调整{lvl}政府领导成员工作分工\n及成立{lvl}营商环境领导小组的通知\n\n"
            f"各有关单位{colon}\n一、{lvl}政府领导成员工作分工\n{deputy} 孟 一{colon}负责常务工作。分管{lvl}财政局。\n\n"
            f"二、成立甲{lvl}营商环境领导小组\n组长{colon}孟一（{deputy}）\n成员{colon}其木格（{lvl}政务服务中心主任）\n"
            f"领导小组办公室设在{lvl}政务服务中心{comma}其木格同志兼任办公室主任{comma}负责领导小组日常工作。\n"
            f"三、其他事项\n各单位要抓好落实。\n")
    got = facts(text)
    assert ("分管", "孟一", f"{lvl}财政局", "") in got
    assert ("成员", "孟一", f"甲{lvl}营商环境领导小组", "组长") in got \
        or ("成员", "孟一", f"{lvl}营商环境领导小组", "组长") in got
    assert not any(f[1] == "孟一" and f[2] == "办公室" for f in got)
    assert not any("分工" in f[2] for f in got)
    assert not any(f[0] == "负责" and f[1] == "孟一" and "日常" in f[2] for f in got)
