"""Posts read against the issuing document: titles of the issuing government written without
their level (秘书长 of any level; 专员 of a 行署, 盟长 of a 盟), a government's short name
(行署), a note after a name giving one more post (（兼地区经委主任）), at every level, both
punctuation widths, spaces inside names and titles. Invented names and places throughout."""

from __future__ import annotations

import pytest

from extract.text import to_simplified
from tests.extract.test_forms_work_division_layouts import HALF, facts, notice




# 1. 秘书长/副秘书长 are the issuing government's, whatever its level.
@pytest.mark.parametrize("issuer,gov", [
    ("甲自治区人民政府", "甲自治区人民政府"),
    ("乙省人民政府", "乙省人民政府"),
    ("丙市人民政府", "丙市人民政府"),
    ("丁自治州人民政府", "丁自治州人民政府"),
    ("戊县人民政府", "戊县人民政府"),
    ("己区人民政府", "己区人民政府"),
    ("庚旗人民政府", "庚旗人民政府"),
    ("辛地区行政公署", "辛地区行政公署"),
    ("壬盟行政公署", "壬盟行政公署"),
])
@pytest.mark.parametrize("half", [False, True])
def test_secretary_general_is_the_issuing_government(issuer: str, gov: str, half: bool) -> None:
    lines = ["一、秘书长韩立群同志：负责政府日常工作。分管政府办公室。",
             "二、副秘书长 宋 小 川：负责信访工作。"]
    text = notice(issuer, "秘书长、副秘书长", *lines)
    got = facts(text.translate(HALF) if half else text)
    assert {("任职", "韩立群", gov, "秘书长"), ("任职", "宋小川", gov, "副秘书长")} <= got
    assert not any(f[0] == "任职" and f[2] == "市政府" for f in got if gov != "丙市人民政府")


# 2. Bare 专员/副专员 in a 行署's notice are its head's posts; 行署 is its government; a note
# after a name opening with 兼 gives one more post; 同志 sets apart a name opening with a word (向).
@pytest.mark.parametrize("place", ["辛地区", "癸地区"])
@pytest.mark.parametrize("half", [False, True])
def test_commissioner_of_a_prefecture(place: str, half: bool) -> None:
    gov = place + "行政公署"
    text = notice(gov, "专员、副专员",
                  "　　一、专员柯明远同志：主持行署全面工作。负责财政工作。分管地区财政局。",
                  "　　二、副专员向 海 同志（兼地区经委主任）：协助专员抓好工业工作。分管地区交通局。",
                  "　　三、常务副专员尤国庆同志：负责农业工作。",
                  "　　四、秘书长卜文同志：协助专员处理行署日常工作，主持行署办公室工作。")
    got = facts(text.translate(HALF) if half else text)
    assert {("任职", "柯明远", gov, "专员"), ("主持", "柯明远", gov, ""), ("分管", "柯明远", "地区财政局", ""),
            ("任职", "向海", gov, "副专员"), ("任职", "向海", "地区经委", "主任"),
            ("分管", "向海", "地区交通局", ""), ("任职", "尤国庆", gov, "常务副专员"),
            ("负责", "尤国庆", "农业", ""), ("任职", "卜文", gov, "秘书长"),
            ("主持", "卜文", "行署办公室", "")} <= got
    assert not any(f[1].startswith("向海") and f[1] != "向海" for f in got)
    assert ("分管", "向海", "地区财政局", "") not in got


# 3. 盟长/副盟长 in a 盟's notice: the 行政公署's.
@pytest.mark.parametrize("half", [False, True])
def test_league_head(half: bool) -> None:
    gov = "丑盟行政公署"
    text = notice(gov, "盟长、副盟长",
                  "一、盟长巴特尔同志：主持盟行政公署全面工作。",
                  "二、副盟长 苏和 同志：负责牧业工作。分管盟农牧局。")
    got = facts(text.translate(HALF) if half else text)
    assert {("任职", "巴特尔", gov, "盟长"), ("任职", "苏和", gov, "副盟长"),
            ("分管", "苏和", "盟农牧局", "")} <= got


# 4. A bare 专员 elsewhere (a city's notice) is no post of the city's government.
def test_commissioner_outside_a_prefecture() -> None:
    text = notice("子市人民政府", "市政府领导", "一、副市长钟一鸣：负责财政工作。", "二、专员钟二：负责信访工作。")
    got = facts(text)
    assert ("任职", "钟一鸣", "子市人民政府", "副市长") in got
    assert not any(f[0] == "任职" and f[3] == "专员" for f in got)


# 5. A township's or street's notice laid out as a table of text lines "姓名  职务  分工": a
# header row, then one leader a line, cells parted by runs of spaces or a tab; posts without
# their place (组织委员, 纪委书记) are the home place's, posts with their level word as written.
def table(place: str, sep: str, rows: list[tuple[str, str, str]]) -> str:
    lines = [f"姓名{sep}职务{sep}分工", *(f"{n}{sep}{p}{sep}{d}" for n, p, d in rows)]
    return notice(f"中共{place}委员会", "领导班子成员", *lines)


@pytest.mark.parametrize("place,level,head", [("甲镇", "镇", "镇长"), ("乙乡", "乡", "乡长")])
@pytest.mark.parametrize("sep", ["    ", "\t", "  "])
@pytest.mark.parametrize("half", [False, True])
def test_township_table_rows(place: str, level: str, head: str, sep: str, half: bool) -> None:
    party = f"{level}党委"
    rows = [(f"严守正", f"{party}书记", f"主持{party}全面工作。"),
            (f"丰 年", f"{party}副书记、{head}", f"主持{level}政府全面工作，负责财政工作。"),
            ("祁向东", f"{party}委员、组织委员", "负责组织、人才工作。分管党建办公室。"),
            ("葛平", f"{party}委员、纪委书记", f"主持{level}纪委全面工作，负责纪检监察工作。")]
    text = table(place, sep, rows)
    got = facts(text.translate(HALF) if half else text)
    assert {("任职", "严守正", party, f"{party}书记"), ("主持", "严守正", party, ""),
            ("任职", "丰年", party, f"{party}副书记"), ("负责", "丰年", "财政", ""),
            ("任职", "祁向东", party, f"{party}委员"), ("任职", "祁向东", party, "组织委员"),
            ("负责", "祁向东", "组织", ""), ("负责", "祁向东", "人才", ""), ("分管", "祁向东", "党建办公室", ""),
            ("任职", "葛平", f"{level}纪委", "纪委书记"), ("主持", "葛平", f"{level}纪委", ""),
            ("负责", "葛平", "纪检监察", "")} <= got
    assert not any(f[1] in ("姓名", "职务") for f in got)
    assert ("负责", "丰年", "组织", "") not in got  # each row its own leader


def test_street_table_rows() -> None:
    rows = [("詹明", "街道党工委书记", "主持街道党工委全面工作。"),
            ("伏海", "街道党工委委员、宣传委员", "负责宣传、统战工作。")]
    got = facts(table("丙街道", "   ", rows).replace("中共丙街道委员会", "中共丙街道工作委员会"))
    assert {("任职", "詹明", "街道党工委", "街道党工委书记"), ("负责", "伏海", "宣传", ""),
            ("任职", "伏海", "街道党工委", "宣传委员")} <= got


# 6. A word of duty before a title is no part of the post: 分管副省长 holds 副省长.
@pytest.mark.parametrize("text,org,title", [
    ("甲省人民政府分管副省长", "甲省人民政府", "副省长"),
    ("分管副省长", "省政府", "副省长"),
    ("乙自治区人民政府分管副主席", "乙自治区人民政府", "副主席"),
    ("丙市政府分管副秘书长", "丙市政府", "副秘书长"),
    ("丁旗财政局分管副局长", "丁旗财政局", "副局长"),
    ("分管副县长", "县政府", "副县长"),
    ("分管副镇长", "镇政府", "副镇长"),
    ("戊区财政局分管负责人", "戊区财政局", "分管负责人"),  # a title with the word keeps it
])
def test_duty_word_before_a_title(text: str, org: str, title: str) -> None:
    from extract.posts import parse_posts
    assert [(p.org, p.title) for p in parse_posts(text)] == [(org, title)]


@pytest.mark.parametrize("place,title", [("甲市", "副市长"), ("乙县", "副县长"), ("丙区", "副区长"), ("丁旗", "副旗长")])
@pytest.mark.parametrize("half", [False, True])
def test_duty_word_before_a_title_in_a_report(place: str, title: str, half: bool) -> None:
    text = (f"{place}召开安全生产工作会议\n\n本报讯 3月1日，{place}召开安全生产工作会议。"
            f"{place[-1]}政府分管{title}王大明出席会议并讲话。\n")
    got = facts(text.translate(HALF) if half else text)
    assert ("任职", "王大明", f"{place}人民政府", title) in got
    assert not any(f[3].startswith("分管") for f in got)


# 7. A report naming its leaders with their posts in a list ("副区长A、B、C出席会议"), then
# their division of work by name alone ("根据会议决定，A负责…，分管…；B分管…").
@pytest.mark.parametrize("place,lvl", [("甲区", "区"), ("乙县", "县"), ("丙市", "市"), ("丁旗", "旗"), ("戊州", "州")])
@pytest.mark.parametrize("half", [False, True])
def test_report_leaders_named_before_their_duties(place: str, lvl: str, half: bool) -> None:
    text = (f"{place}政府召开第8次常务会议\n\n　　5月6日，{lvl}委副书记、{lvl}长卞文山主持召开{lvl}政府第8次常务会议。"
            f"{lvl}委常委、常务副{lvl}长屈志远，副{lvl}长柴 明、邬海燕出席会议。\n"
            f"　　会议研究了{lvl}政府领导班子成员工作分工调整事宜。根据会议决定，屈志远负责{lvl}政府常务工作，"
            f"分管{lvl}财政局；柴明分管{lvl}交通运输局、{lvl}水利局；邬海燕负责教育工作，联系{lvl}红十字会。\n")
    got = facts(text.translate(HALF) if half else text)
    assert {("任职", "屈志远", f"{place}人民政府", f"常务副{lvl}长"), ("分管", "屈志远", f"{lvl}财政局", ""),
            ("分管", "柴明", f"{lvl}交通运输局", ""), ("分管", "柴明", f"{lvl}水利局", ""),
            ("负责", "邬海燕", "教育", ""), ("联系", "邬海燕", f"{lvl}红十字会", "")} <= got
    assert ("分管", "屈志远", f"{lvl}交通运输局", "") not in got


def test_report_leaders_named_before_their_duties_traditional() -> None:
    text = ("甲鎮召開黨委會議 明確領導班子成員分工\n\n　　1月6日，鎮黨委書記卞文山主持召開鎮黨委會議，"
            "鎮黨委副書記、鎮長屈志遠及全體班子成員參加會議。\n"
            "　　會議明確：卞文山主持鎮黨委全面工作；屈志遠主持鎮政府全面工作，負責財政工作，分管鎮財政所。\n")
    got = {tuple(to_simplified(x) for x in f) for f in facts(text)}
    assert {("任职", "屈志远", "镇党委", "镇党委副书记"), ("负责", "屈志远", "财政", ""),
            ("分管", "屈志远", "镇财政所", ""), ("主持", "卞文山", "镇党委", "")} <= got


# 8. A collective after 及/和 closes the list of named leaders ("A及全体班子成员参加会议").
@pytest.mark.parametrize("tail", ["及全体班子成员参加会议", "和其他班子成员出席会议", "及相关部门负责人参加会议",
                                  "与全体机关干部参加会议"])
@pytest.mark.parametrize("lvl", ["县", "乡", "旗"])
def test_collective_after_a_named_leader(tail: str, lvl: str) -> None:
    text = f"甲{lvl}召开工作会议\n\n　　3月2日，甲{lvl}召开工作会议。{lvl}委副书记、副{lvl}长宁远{tail}。\n"
    got = facts(text)
    assert ("任职", "宁远", f"甲{lvl}人民政府", f"副{lvl}长") in got
    assert not any("全体" in f[1] or "其他" in f[1] for f in got)


# 9. The home place of a street's party committee named in full ("中共X街道工作委员会"), and a
# title opening with 中共 is no place of its own.
@pytest.mark.parametrize("texts,place", [
    (("中共青石街道工作委员会",), "青石街道"),
    (("中共青石街道工作委员会青石街道办事处",), "青石街道"),
    (("中共甲镇委员会",), "甲镇"),
    (("中共乙县委员会办公室",), "乙县"),
    ((None, "中共丙街道工委关于…的通知"), None),
])
def test_home_place_of_a_party_committee(texts: tuple, place: str | None) -> None:
    from extract.posts import home_place
    assert home_place(*texts) == place


@pytest.mark.parametrize("sep", ["　", " "])
def test_street_notice_of_the_party_committee_in_full(sep: str) -> None:
    text = ("中共丁街道工作委员会" + sep + "丁街道办事处\n关于街道领导班子成员工作分工的通知\n丁工委发〔2019〕5号\n"
            "各社区党组织：\n　　现将街道领导班子成员工作分工通知如下：\n"
            "　　一、党工委副书记、办事处主任　路远\n　　主持办事处全面工作。负责财政工作。\n"
            "　　二、党工委委员、办事处副主任　甘露\n　　负责城市管理工作。\n")
    got = facts(text)
    assert {("任职", "路远", "丁街道办事处", "主任"), ("任职", "甘露", "丁街道办事处", "副主任"),
            ("负责", "路远", "财政", "")} <= got
    assert not any(f[2].startswith("中共丁街道办事处") for f in got)


# 10. A township's people's congress written with its level ("乡人大主席"): the post is 主席 of 乡人大.
@pytest.mark.parametrize("lvl", ["乡", "镇"])
@pytest.mark.parametrize("form", ["plain", "half", "traditional"])
def test_township_congress_chair(lvl: str, form: str) -> None:
    text = (f"甲{lvl}召开党委会议 明确领导班子成员分工\n\n　　1月6日，{lvl}党委书记卞文山主持召开{lvl}党委会议，"
            f"{lvl}党委副书记、{lvl}人大主席屈志远，{lvl}人大副主席 柴 明及全体班子成员参加会议。\n")
    if form == "half":
        text = text.translate(HALF)
    if form == "traditional":
        text = text.replace("党委", "黨委").replace("会议", "會議").replace("开", "開")
    got = {tuple(to_simplified(x) for x in f) for f in facts(text)}
    assert {("任职", "屈志远", f"{lvl}党委", f"{lvl}党委副书记"), ("任职", "屈志远", f"{lvl}人大", "主席"),
            ("任职", "柴明", f"{lvl}人大", "副主席")} <= got
    assert not any(f[1].startswith("主持") for f in got)


# 11. A leader line "姓名同志（副主席、自治区公安厅厅长）": a head's title read against the
# document, then more posts, in the bracket.
@pytest.mark.parametrize("issuer,title,gov", [
    ("甲自治区人民政府", "副主席", "甲自治区人民政府"),
    ("乙地区行政公署", "副专员", "乙地区行政公署"),
])
@pytest.mark.parametrize("half", [False, True])
def test_bracket_of_own_head_and_more_posts(issuer: str, title: str, gov: str, half: bool) -> None:
    lv = "自治区" if "自治区" in issuer else "地区"
    text = notice(issuer, "政府领导", "（一）石 磊同志（" + title + "、" + lv + "公安厅厅长）",
                  "负责公安工作。", "主管" + lv + "公安厅。", "（二）蓝天同志（" + title + "）", "负责教育工作。")
    got = facts(text.translate(HALF) if half else text)
    assert {("任职", "石磊", gov, title), ("任职", "石磊", lv + "公安厅", "厅长"), ("负责", "石磊", "公安", ""),
            ("主管", "石磊", lv + "公安厅", ""), ("任职", "蓝天", gov, title), ("负责", "蓝天", "教育", "")} <= got
    assert ("负责", "蓝天", "公安", "") not in got


# 12. A header naming a government's party group post alone ("县人民政府党组成员　王五："), any level.
@pytest.mark.parametrize("lvl", ["省", "市", "县", "区", "旗"])
@pytest.mark.parametrize("half", [False, True])
def test_party_group_member_header(lvl: str, half: bool) -> None:
    issuer = f"甲{lvl}人民政府"
    text = notice(issuer, f"{lvl}政府领导", f"　　副{lvl}长　汤远：负责公安工作。分管{lvl}公安局。",
                  f"　　{lvl}人民政府党组成员　胡 雨：负责应急管理工作。分管{lvl}应急管理局。")
    got = facts(text.translate(HALF) if half else text)
    assert {("任职", "胡雨", issuer, "党组成员"), ("分管", "胡雨", f"{lvl}应急管理局", ""),
            ("负责", "胡雨", "应急管理", "")} <= got
    assert ("分管", "汤远", f"{lvl}应急管理局", "") not in got


# forms of set I
# A post at a government written by its short name after the level word ("地区行署副专员",
# "盟行署秘书长"), or by the short name alone in that level's document ("行署副秘书长").
@pytest.mark.parametrize("place,level,head", [("辛地区", "地区", "专员"), ("壬盟", "盟", "盟长")])
@pytest.mark.parametrize("written", ["{level}行署", "行署"])
@pytest.mark.parametrize("half", [False, True])
def test_short_government_after_its_level(place: str, level: str, head: str, written: str,
                                          half: bool) -> None:
    gov = place + "行政公署"
    short = written.format(level=level)
    text = notice(gov, "领导成员",
                  f"　　一、{short}副{head}柯明远同志：负责财政工作。分管{level}财政局。",
                  f"　　二、{short}常务副{head}尤国庆同志：负责农业工作。",
                  f"　　三、{short}副秘书长卜 文同志：负责信访工作。")
    got = facts(text.translate(HALF) if half else text)
    assert {("任职", "柯明远", gov, f"副{head}"), ("分管", "柯明远", f"{level}财政局", ""),
            ("任职", "尤国庆", gov, f"常务副{head}"), ("负责", "尤国庆", "农业", ""),
            ("任职", "卜文", gov, "副秘书长"), ("负责", "卜文", "信访", "")} <= got
    assert not any(f[0] == "任职" and f[2] in (level, "行署", f"{level}行署") for f in got)
