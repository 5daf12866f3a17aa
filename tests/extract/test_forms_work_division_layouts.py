"""工作分工 layouts: a leader line "姓名（职务）" with indented duties, a numbered title line then
the name alone, half-width enumerations and punctuation with posts relative to a street's or a
township's notice, notes in brackets after a name, and names of four characters without a dot.
Invented names and places throughout."""

from __future__ import annotations

import pytest

from extract.extractors.base import clean_name
from extract.pipeline import extract_documents
from extract.posts import bare_government, own_head
from extract.source import SourceText
from extract.split import split_source
from extract.text import to_simplified


def facts(text: str, name: str = "notice.txt") -> set[tuple]:
    """All facts read: (rel, s, o, role or position), in simplified characters; a government
    named in full (甲县人民政府) is also read as its level names it (县政府), as the scorer does."""
    docs, _ = split_source(SourceText(name, text))
    assertions, _ = extract_documents(docs)
    got = {tuple(to_simplified(x) for x in (a.rel, a.s, a.o, a.role or a.position or "")) for a in assertions}
    return got | {(f[0], f[1], bare_government(f[2]), f[3]) for f in got}


HALF = str.maketrans({"，": ",", "：": ":", "（": "(", "）": ")", "；": ";", "。": "."})


def notice(issuer: str, head: str, *lines: str) -> str:
    body = "\n".join(lines)
    return (f"{issuer}关于{head}工作分工的通知\n\n各有关单位：\n"
            f"　　经研究，现将{head}工作分工通知如下：\n\n{body}\n\n{issuer}\n2024年3月1日\n")


# 1. A leader line "姓名（职务）" on its own, then indented paragraphs of duties without the name.
@pytest.mark.parametrize("issuer,title,gov", [
    ("甲自治区人民政府", "副主席", "甲自治区人民政府"),
    ("乙自治区人民政府", "常务副主席", "乙自治区人民政府"),
    ("丙省人民政府", "副省长", "丙省人民政府"),
    ("丁市人民政府", "副市长", "丁市人民政府"),
    ("戊自治州人民政府", "副州长", "戊自治州人民政府"),
    ("己盟行政公署", "副盟长", "己盟行政公署"),
    ("庚县人民政府", "副县长", "庚县人民政府"),
    ("辛旗人民政府", "副旗长", "辛旗人民政府"),
    ("壬镇人民政府", "副镇长", "壬镇人民政府"),
])
@pytest.mark.parametrize("half", [False, True])
def test_name_then_bracketed_title_line(issuer: str, title: str, gov: str, half: bool) -> None:
    lines = [f"严东升（{title}）",
             "　　负责财政、审计工作。分管某某财政局。",
             "　　联系某某税务局。",
             "",
             f"阿依努尔·吐尔逊（{title}）",
             "　　负责教育、体育方面工作。分管某某教育局。"]
    if half:
        lines = [ln.translate(HALF) for ln in lines]
    got = facts(notice(issuer, "领导成员", *lines))
    for f in [("任职", "严东升", gov, title), ("负责", "严东升", "财政", ""), ("负责", "严东升", "审计", ""),
              ("分管", "严东升", "某某财政局", ""), ("联系", "严东升", "某某税务局", ""),
              ("任职", "阿依努尔·吐尔逊", gov, title), ("负责", "阿依努尔·吐尔逊", "教育", ""),
              ("负责", "阿依努尔·吐尔逊", "体育", ""), ("分管", "阿依努尔·吐尔逊", "某某教育局", "")]:
        assert f in got
    assert ("分管", "严东升", "某某教育局", "") not in got


def test_head_alone_is_the_issuing_levels_only() -> None:
    """"主席" without its level is a 自治区's head only in a 自治区's own document."""
    got = facts(notice("甲自治区人民政府", "领导成员", "严东升（主席）", "　　主持自治区人民政府全面工作。负责审计工作。"))
    assert ("任职", "严东升", "甲自治区人民政府", "主席") in got
    assert ("主持", "严东升", "甲自治区人民政府", "") in got
    assert ("负责", "严东升", "审计", "") in got
    assert own_head("副主席", "甲市") is None and own_head("副主席", None) is None
    assert own_head("副主席", "乙自治区") == "乙自治区人民政府"


# 3. Half-width enumerations and punctuation; posts relative to a street's or a township's notice.
STREET = ["  一,党工委书记 邹 立:主持街道党工委全面工作.",
          "  二,党工委副书记,办事处主任 林 东:主持街道办事处全面工作,负责财政,审计工作,分管财政所.",
          "  三,党工委委员,办事处副主任 曹 明:负责城市管理、环境卫生工作;分管城市管理办公室,联系辖区学校.",
          "  四,办事处副主任 温小红:负责民政工作;分管社会事务办公室."]


@pytest.mark.parametrize("half", [True, False])
def test_street_notice_with_half_width_marks(half: bool) -> None:
    lines = STREET if half else [ln.replace(",", "，").replace(":", "：").replace(";", "；").replace(".", "。")
                                 for ln in STREET]
    got = facts(notice("甲区乙街道办事处", "街道领导班子成员", *lines))
    expect = [("任职", "邹立", "街道党工委", "党工委书记"), ("主持", "邹立", "街道党工委", ""),
              ("任职", "林东", "街道党工委", "党工委副书记"), ("任职", "林东", "街道办事处", "主任"),
              ("主持", "林东", "街道办事处", ""), ("负责", "林东", "财政", ""), ("负责", "林东", "审计", ""),
              ("分管", "林东", "财政所", ""),
              ("任职", "曹明", "街道党工委", "党工委委员"), ("任职", "曹明", "街道办事处", "副主任"),
              ("负责", "曹明", "城市管理", ""), ("负责", "曹明", "环境卫生", ""), ("分管", "曹明", "城市管理办公室", ""),
              ("任职", "温小红", "街道办事处", "副主任"), ("负责", "温小红", "民政", ""),
              ("分管", "温小红", "社会事务办公室", "")]
    for f in expect:
        assert f in got
    # the next leader's duties are not the previous one's; a category is no body; 委员 of 党工委 is a post
    assert ("分管", "邹立", "财政所", "") not in got
    assert not any(f[2] == "辖区学校" for f in got)
    assert not any(f[0] == "成员" for f in got)


@pytest.mark.parametrize("level,head", [("镇", "镇长"), ("乡", "乡长")])
@pytest.mark.parametrize("half", [True, False])
def test_township_numbered_half_width(level: str, head: str, half: bool) -> None:
    lines = [f"  一,党委副书记,{head} 周 平:主持{level}政府全面工作,负责财政工作.",
             f"  二,党委委员,副{head} 吴立:负责农业工作;分管农业综合服务中心."]
    if not half:
        lines = [ln.replace(",", "，").replace(":", "：").replace(";", "；").replace(".", "。") for ln in lines]
    got = facts(notice(f"甲县乙{level}人民政府", f"{level}领导班子成员", *lines))
    for f in [("任职", "周平", f"{level}党委", "党委副书记"), ("任职", "周平", f"{level}政府", head),
              ("负责", "周平", "财政", ""), ("任职", "吴立", f"{level}党委", "党委委员"),
              ("任职", "吴立", f"{level}政府", "副" + head), ("负责", "吴立", "农业", ""),
              ("分管", "吴立", "农业综合服务中心", "")]:
        assert f in got
    assert ("负责", "周平", "农业", "") not in got


# 4. Notes in brackets after a person's name: the name is without the note.
@pytest.mark.parametrize("raw,clean", [
    ("韦立刚（挂职）", "韦立刚"), ("宋玉芬同志（女）", "宋玉芬"), ("巴特尔(蒙古族)", "巴特尔"), ("李 四（兼）", "李四"),
    ("王五", "王五"), ("市发展和改革委员会（市粮食局）", "市发展和改革委员会（市粮食局）"),
])
def test_clean_name_drops_a_note(raw: str, clean: str) -> None:
    assert clean_name(raw) == clean


@pytest.mark.parametrize("issuer,title,gov", [
    ("甲县人民政府", "副县长", "甲县人民政府"), ("乙乡人民政府", "副乡长", "乙乡人民政府"),
    ("丙旗人民政府", "副旗长", "丙旗人民政府"), ("丁市人民政府", "副市长", "丁市人民政府"),
])
@pytest.mark.parametrize("note", ["（挂职）", "（女）", "(蒙古族)"])
@pytest.mark.parametrize("form", ["header", "header_tongzhi", "spaced"])
def test_notes_after_names_in_headers(issuer: str, title: str, gov: str, note: str, form: str) -> None:
    line = {"header": f"　　{title}韦立刚{note}：负责招商引资工作，分管某某工业局。",
            "header_tongzhi": f"　　{title}韦立刚同志{note}：负责招商引资工作，分管某某工业局。",
            "spaced": f"　　{title} 韦 立刚{note}：负责招商引资工作，分管某某工业局。"}[form]
    got = facts(notice(issuer, "领导班子成员", f"　　{title}罗明：负责财政工作。", line))
    for f in [("任职", "韦立刚", gov, title), ("负责", "韦立刚", "招商引资", ""), ("分管", "韦立刚", "某某工业局", "")]:
        assert f in got
    assert not any(note.strip("（）()") in f[1] for f in got)
    assert ("分管", "罗明", "某某工业局", "") not in got


# 2. A numbered title line, the name alone on the next line, then the duties; adjustment verbs.
@pytest.mark.parametrize("level,gov,party", [
    ("省", "省人民政府", "省委"), ("市", "市人民政府", "市委"), ("州", "州人民政府", "州委"),
    ("县", "县人民政府", "县委"), ("区", "区人民政府", "区委"), ("旗", "旗人民政府", "旗委"),
])
@pytest.mark.parametrize("half", [False, True])
def test_numbered_title_line_then_name(level: str, gov: str, party: str, half: bool) -> None:
    head = {"省": "省长", "市": "市长", "州": "州长", "县": "县长", "区": "区长", "旗": "旗长"}[level]
    lines = [f"　　一、{party}常委、常务副{head}", "　　闵 立秋",
             f"　　增加分管{level}国防动员办公室，联系{level}通信管理局。",
             f"　　二、副{head}", "　　司马东晓",
             f"　　负责商务工作。分管{level}商务局。不再分管{level}金融工作局，该局改由常务副{head}闵立秋分管。"
             f"协助联系某某海关。"]
    if half:
        lines = [ln.translate(HALF) for ln in lines]
    issuer = f"甲{level}人民政府办公室"
    got = facts(notice(issuer, f"{level}政府领导同志", *lines))
    full = f"甲{level}人民政府"
    for f in [("任职", "闵立秋", party, f"{party}常委"), ("任职", "闵立秋", full, f"常务副{head}"),
              ("分管", "闵立秋", f"{level}国防动员办公室", ""), ("联系", "闵立秋", f"{level}通信管理局", ""),
              ("任职", "司马东晓", full, f"副{head}"), ("负责", "司马东晓", "商务", ""),
              ("分管", "司马东晓", f"{level}商务局", ""), ("分管", "闵立秋", f"{level}金融工作局", ""),
              ("协助联系", "司马东晓", "某某海关", "")]:
        assert f in got, f
    assert ("分管", "司马东晓", f"{level}金融工作局", "") not in got
    assert not any(f[2] == "该局" for f in got)
    assert ("协助联系", "闵立秋", "某某海关", "") not in got


def news(place: str, *sentences: str) -> str:
    """A news report of a government's meeting that divides its leaders' work, in prose."""
    body = "\n".join(f"　　{s}" for s in sentences)
    return (f"{place}人民政府调整{place[-1:]}政府领导班子成员分工\n来源：{place}人民政府办公室　　发布时间：2024-03-02\n\n"
            f"　　3月1日，{place}人民政府召开常务会议。经研究，对领导班子成员分工作如下调整：\n{body}\n"
            f"　　会议要求，各位领导要尽快做好工作衔接。\n")


# 5. Names of four characters without a dot (and three without a listed family name) in prose:
# the name runs up to the verb; notes after a name in prose.
@pytest.mark.parametrize("level,head,party", [
    ("旗", "旗长", "旗委"), ("盟", "盟长", "盟委"), ("州", "州长", "州委"), ("县", "县长", "县委"), ("区", "区长", "区委"),
])
def test_long_names_in_prose(level: str, head: str, party: str) -> None:
    place = f"乌兰{level}"
    body = "盟行政公署" if level == "盟" else f"{level}政府"
    got = facts(news(place,
                     f"{party}副书记、{head}乌力吉图主持{body}全面工作，分管{level}审计局。",
                     f"{party}常委、常务副{head}宝力德负责{body}常务工作，分管{level}财政局。",
                     f"副{head}苏和增加分管{level}文化旅游体育局。",
                     f"副{head}邝建原（挂职）负责招商引资工作，分管{level}农牧局。"), "news.txt")
    gov = {"盟": "乌兰盟行政公署"}.get(level, f"乌兰{level}人民政府")
    for f in [("任职", "乌力吉图", party, f"{party}副书记"), ("任职", "乌力吉图", gov, head),
              ("主持", "乌力吉图", gov, ""), ("分管", "乌力吉图", f"{level}审计局", ""),
              ("任职", "宝力德", party, f"{party}常委"), ("任职", "宝力德", gov, f"常务副{head}"),
              ("负责", "宝力德", "常务工作", ""), ("分管", "宝力德", f"{level}财政局", ""),
              ("分管", "苏和", f"{level}文化旅游体育局", ""),
              ("任职", "邝建原", gov, f"副{head}"), ("负责", "邝建原", "招商引资", ""),
              ("分管", "邝建原", f"{level}农牧局", "")]:
        assert f in got, f
    assert not any(f[1] in ("巴图孟", "邝建原（挂职）", "邝建原(挂职)") for f in got)
    assert ("分管", "苏和", f"{level}农牧局", "") not in got


@pytest.mark.parametrize("sentence,who", [
    ("副县长王五同时负责招商引资工作。", "王五"),       # an opener after a name with a family name
    ("副县长欧阳小东负责招商引资工作。", "欧阳小东"),   # a two-character family name
    ("副县长王小五则负责招商引资工作。", "王小五"),
])
def test_short_names_still_end_at_the_verb(sentence: str, who: str) -> None:
    got = facts(news("甲县", sentence), "news.txt")
    assert ("负责", who, "招商引资", "") in got
    assert {f[1] for f in got if f[0] == "负责"} == {who}


# Fields named like a person or a category: "负责人大代表联络" (负责 + 人大…), "负责乡镇企业" (a field).
@pytest.mark.parametrize("issuer,title,duty,area", [
    ("甲镇人民政府", "人大主席", "负责人大代表联络、信访工作", ["人大代表联络", "信访"]),
    ("乙乡人民政府", "副乡长", "负责乡镇企业、交通工作", ["乡镇企业", "交通"]),
    ("丙县人民政府", "副县长", "负责中小企业、民营经济工作", ["中小企业", "民营经济"]),
    ("丁旗人民政府", "副旗长", "负责人力资源和社会保障工作", ["人力资源和社会保障"]),
])
@pytest.mark.parametrize("half", [False, True])
def test_fields_that_read_like_persons_or_categories(issuer: str, title: str, duty: str, area: list[str],
                                                      half: bool) -> None:
    line = f"　　{title}马立兰：{duty}。"
    got = facts(notice(issuer, "领导班子成员", line.translate(HALF) if half else line))
    for a in area:
        assert ("负责", "马立兰", a, "") in got
    assert not any(f[0] == "负责" and f[2] not in area for f in got)


@pytest.mark.parametrize("duty", ["各企业负责人大力支持。", "负责其他企业工作。"])
def test_persons_and_categories_stay_out(duty: str) -> None:
    got = facts(notice("甲县人民政府", "领导班子成员", f"　　副县长马立兰：负责财政工作。{duty}"))
    assert {f[2] for f in got if f[0] == "负责"} == {"财政"}


# Appointments: a committee inside a court or procuratorate closing the body's name is the body's post.
@pytest.mark.parametrize("place", ["甲县", "乙区", "丙市", "丁旗", "戊自治州"])
@pytest.mark.parametrize("court,committee,plain", [("人民检察院", "检察委员会", "检察员"), ("人民法院", "审判委员会", "审判员")])
def test_inner_committee_closing_a_body_name(place: str, court: str, committee: str, plain: str) -> None:
    text = (f"{place}人民代表大会常务委员会任免名单\n（2024年4月26日{place}人民代表大会常务委员会第二十次会议通过）\n\n"
            f"　　一、任命\n　　卓晓芸为{place}{court}{committee}委员、{plain}。\n"
            f"　　二、免去\n　　简家禾的{place}{court}{committee}委员、{plain}职务。\n")
    got = facts(text)
    body = f"{place}{court}"
    for rel, who in (("任命", "卓晓芸"), ("免去", "简家禾")):
        assert (rel, who, body, f"{committee}委员") in got
        assert (rel, who, body, plain) in got
        assert not any(f[0] == rel and f[2] == body + committee for f in got)


# A body before a title in prose ("市政府秘书长王五") is no person.
@pytest.mark.parametrize("level", ["市", "县", "区", "州", "旗"])
@pytest.mark.parametrize("body", ["政府", "人民政府"])
def test_body_before_title_is_no_name(level: str, body: str) -> None:
    got = facts(notice(f"甲{level}人民政府", f"{level}政府领导同志",
                       f"　　一、副{ {'市': '市长', '县': '县长', '区': '区长', '州': '州长', '旗': '旗长'}[level] }王立：分管{level}财政局。",
                       f"　　二、{level}{body}秘书长鲍永川协助常务副{level}长处理{level}政府日常工作，主持{level}政府办公室工作。"))
    assert ("主持", "鲍永川", f"{level}政府办公室", "") in got
    assert not any(f[1].endswith(("政府", "人民政府")) for f in got)


# 2b. The numbered title line with posts relative to the issuing body (自治区 heads, township posts).
@pytest.mark.parametrize("half", [False, True])
def test_title_line_then_name_relative_posts(half: bool) -> None:
    lines = ["　　一、常务副主席", "　　巴特尔", "　　负责自治区政府常务工作。分管自治区财政厅。",
             "　　二、副主席", "　　李 四", "　　负责教育工作。"]
    got = facts(notice("甲自治区人民政府", "自治区人民政府领导成员",
                       *[ln.translate(HALF) if half else ln for ln in lines]))
    for f in [("任职", "巴特尔", "甲自治区人民政府", "常务副主席"), ("负责", "巴特尔", "常务工作", ""),
              ("分管", "巴特尔", "自治区财政厅", ""), ("任职", "李四", "甲自治区人民政府", "副主席"),
              ("负责", "李四", "教育", "")]:
        assert f in got, f
    assert ("负责", "巴特尔", "教育", "") not in got


@pytest.mark.parametrize("level,head", [("镇", "镇长"), ("乡", "乡长")])
def test_township_title_line_then_name(level: str, head: str) -> None:
    got = facts(notice(f"乙{level}人民政府", f"{level}领导班子成员",
                       f"　　一、党委副书记、{head}", "　　王五", f"　　主持{level}政府全面工作，负责财政工作。",
                       "　　二、党委委员、人大主席", "　　赵六（女）", "　　负责人大代表联络工作。"))
    for f in [("任职", "王五", f"{level}党委", "党委副书记"), ("任职", "王五", f"乙{level}人民政府", head),
              ("主持", "王五", f"乙{level}人民政府", ""), ("负责", "王五", "财政", ""),
              ("任职", "赵六", f"{level}党委", "党委委员"), ("任职", "赵六", f"{level}人大主席团", "人大主席"),
              ("负责", "赵六", "人大代表联络", "")]:
        assert f in got, f


# 1b. A 自治区's heads without their level in the other header forms.
@pytest.mark.parametrize("line,who,title", [
    ("　　石秋实（主席）：主持自治区人民政府全面工作。负责审计工作。", "石秋实", "主席"),
    ("　　石秋实(主席):主持自治区人民政府全面工作.负责审计工作.", "石秋实", "主席"),
    ("　　副主席 古丽娜·艾山：负责审计工作。", "古丽娜·艾山", "副主席"),
    ("　　一、副主席 王大力\n　　负责审计工作。", "王大力", "副主席"),
    ("　　常务副主席庞远舟：负责审计工作。", "庞远舟", "常务副主席"),
    ("　　石秋实　主席\n　　负责审计工作。", "石秋实", "主席"),
    ("　　副主席　王 大力\n　　负责审计工作。", "王大力", "副主席"),
    ("　　二、常务副主席古丽娜·艾山\n　　负责审计工作。", "古丽娜·艾山", "常务副主席"),
])
def test_autonomous_region_heads_in_headers(line: str, who: str, title: str) -> None:
    got = facts(notice("甲自治区人民政府", "自治区人民政府领导成员", line))
    assert ("任职", who, "甲自治区人民政府", title) in got
    assert ("负责", who, "审计", "") in got
    other = facts(notice("甲市人民政府", "市人民政府领导成员", line.replace("自治区", "市")))
    assert not any(f[0] == "任职" and f[3] == title for f in other)  # 主席 of no government in a city's notice


# 4. A numbered heading holding only the name ("一、王五同志"), then a paragraph opening with the
# leader's posts as a sentence of its own ("副省长、省公安厅厅长。"), then the duties.
# (issuer, posts, level word of the bodies, [(org, position)] the posts give)
LEVEL_POSTS = [
    ("甲自治区人民政府", "自治区党委常委、自治区常务副主席", "自治区",
     [("自治区党委", "自治区党委常委"), ("甲自治区人民政府", "常务副主席")]),
    ("甲自治区人民政府", "自治区主席", "自治区", [("甲自治区人民政府", "主席")]),
    ("乙省人民政府", "副省长、省公安厅厅长", "省", [("乙省人民政府", "副省长"), ("省公安厅", "厅长")]),
    ("丙市人民政府", "市委常委、副市长", "市", [("市委", "市委常委"), ("丙市人民政府", "副市长")]),
    ("丁自治州人民政府", "副州长", "州", [("丁自治州人民政府", "副州长")]),
    ("戊盟行政公署", "副盟长", "盟", [("戊盟行政公署", "副盟长")]),
    ("己地区行政公署", "行署副专员", "地区", [("己地区行政公署", "副专员")]),
    ("庚县人民政府", "县委常委、常务副县长", "县", [("县委", "县委常委"), ("庚县人民政府", "常务副县长")]),
    ("辛区人民政府", "副区长", "区", [("辛区人民政府", "副区长")]),
    ("壬旗人民政府", "副旗长", "旗", [("壬旗人民政府", "副旗长")]),
    ("癸乡人民政府", "党委委员、副乡长", "乡", [("乡党委", "党委委员"), ("癸乡人民政府", "副乡长")]),
    ("子镇人民政府", "镇长", "镇", [("子镇人民政府", "镇长")]),
    ("丑街道办事处", "党工委委员、办事处副主任", "街道", [("街道党工委", "党工委委员"), ("丑街道办事处", "副主任")]),
]


@pytest.mark.parametrize("issuer,posts,lvl,held", LEVEL_POSTS)
@pytest.mark.parametrize("half", [False, True])
@pytest.mark.parametrize("first,second", [("一、严东升同志", "二、林 东同志"), ("（一）严东升", "（二）林 东"),
                                          ("严东升同志", "林东"), ("一、严东升同志：", "林 东：")])
@pytest.mark.parametrize("note", ["", "（挂职）", "(挂职)", "（兼）"])  # a note on the person, no post
def test_name_heading_then_posts_sentence(issuer: str, posts: str, lvl: str, held: list, half: bool,
                                          first: str, second: str, note: str) -> None:
    lines = [first, f"　　{posts}。负责财政、审计方面的工作。分管{lvl}财政局。", "",
             second, f"　　{posts}{note}。联系{lvl}税务局。"]
    got = facts(notice(issuer, "领导成员", *[ln.translate(HALF) if half else ln for ln in lines]))
    expected = {("负责", "严东升", "财政", ""), ("负责", "严东升", "审计", ""), ("分管", "严东升", f"{lvl}财政局", ""),
                ("联系", "林东", f"{lvl}税务局", "")}
    expected |= {("任职", who, org, pos) for who in ("严东升", "林东") for org, pos in held}
    assert expected <= got, expected - got
    assert {f[1] for f in got} == {"严东升", "林东"}
    assert ("联系", "严东升", f"{lvl}税务局", "") not in got


# 5. "职务：姓名" on a line of its own (a township's 镇长：王五), the duties on the lines below; or
# the duties after the name on the same line ("副市长：王五负责…").
@pytest.mark.parametrize("issuer,posts,lvl,held", [
    *LEVEL_POSTS, ("甲自治区人民政府", "副主席", "自治区", [("甲自治区人民政府", "副主席")]),
    ("己地区行政公署", "副专员", "地区", [("己地区行政公署", "副专员")]),
])
@pytest.mark.parametrize("half", [False, True])
@pytest.mark.parametrize("inline", [False, True])
def test_title_colon_name(issuer: str, posts: str, lvl: str, held: list, half: bool,
                          inline: bool) -> None:
    joint = "" if inline else "\n"
    lines = [f"{posts}：严东升{joint}负责财政、审计工作，分管{lvl}财政局。", "",
             f"{posts} ： 林 东{joint}联系{lvl}税务局。"]
    got = facts(notice(issuer, "领导班子成员", *[ln.translate(HALF) if half else ln for ln in lines]))
    expected = {("负责", "严东升", "财政", ""), ("负责", "严东升", "审计", ""), ("分管", "严东升", f"{lvl}财政局", ""),
                ("联系", "林东", f"{lvl}税务局", "")}
    expected |= {("任职", who, org, pos) for who in ("严东升", "林东") for org, pos in held}
    assert expected <= got, expected - got
    assert {f[1] for f in got} == {"严东升", "林东"}


@pytest.mark.parametrize("line", ["联系人：严东升", "副县长：", "副县长：严东升同志外出期间由林东代理。"])
def test_title_colon_name_needs_a_leader_and_duties(line: str) -> None:
    got = facts(notice("庚县人民政府", "领导班子成员", line, "　　负责财政工作。"))
    assert not any(f[0] == "负责" for f in got)


# 6. A 分工 table: a header row naming its columns (姓名 | 职务 | 分工 | 联系村, maybe an index
# first, header cells spaced), cells parted by rules (markdown, full-width, box drawing) or runs of
# spaces; the duties cell read sentence by sentence, the 联系村 cell one 联系 an item.
@pytest.mark.parametrize("issuer,party,head,lvl", [
    ("甲镇人民政府", "镇党委", "镇长", "镇"), ("乙乡人民政府", "乡党委", "乡长", "乡"),
    ("丙县人民政府", "县委", "县长", "县"), ("丁旗人民政府", "旗委", "旗长", "旗"),
    ("戊区人民政府", "区委", "区长", "区"), ("己市人民政府", "市委", "市长", "市"),
])
@pytest.mark.parametrize("sep", ["|", "｜", "│", "  "])
@pytest.mark.parametrize("index", [False, True])
@pytest.mark.parametrize("liaison", ["联系村", "联系村（社区）", "挂点村", "联系单位"])
def test_division_table(issuer: str, party: str, head: str, lvl: str, sep: str, index: bool,
                        liaison: str) -> None:
    rows = [["姓  名", "职务", "分工", liaison],
            ["严东升", f"{party}副书记、{head}", f"主持{lvl}政府全面工作，负责财政、审计工作", "甲村、乙村"],
            ["林 东", f"副{head}", f"负责教育、民政工作。分管{lvl}财政所。", "丙社区"]]
    if index:
        rows = [[n, *r] for n, r in zip(["序号", "1", "2"], rows)]
    ruled = sep.strip()
    lines = [f"{sep} {f' {sep} '.join(r)} {sep}" if ruled else sep.join(r) for r in rows]
    if ruled:
        lines.insert(1, sep + sep.join(["---"] * len(rows[0])) + sep)
    text = notice(issuer, "领导班子成员", *lines, "", "各位班子成员要按照分工，各司其职")
    got = facts(text)
    gov = issuer
    expected = {("任职", "严东升", party, f"{party}副书记"), ("任职", "严东升", gov, head),
                ("主持", "严东升", gov, ""), ("负责", "严东升", "财政", ""), ("负责", "严东升", "审计", ""),
                ("联系", "严东升", "甲村", ""), ("联系", "严东升", "乙村", ""),
                ("任职", "林东", gov, f"副{head}"), ("负责", "林东", "教育", ""), ("负责", "林东", "民政", ""),
                ("分管", "林东", f"{lvl}财政所", ""), ("联系", "林东", "丙社区", "")}
    assert expected <= got, expected - got
    assert {f[1] for f in got} == {"严东升", "林东"}
    assert not any(f[2].endswith(("村", "社区")) and f[0] != "联系" for f in got)


# The row closing a ruled table is no line broken inside a sentence: the paragraph below
# stays apart.
@pytest.mark.parametrize("rule", ["|", "｜", "│"])
def test_ruled_row_is_not_rejoined(rule: str) -> None:
    from extract.text import normalize
    text = f"{rule} 林东 {rule} 副镇长 {rule}\n\n各位班子成员要按照分工"
    assert normalize(text).text.count("\n") >= 1


# The same table pasted one cell a line (a Word table copied as text): header cells on lines of
# their own, then each row's cells likewise. A post cell above a duties cell that opens with a
# verb ("…主任" / "主持…全面工作") stays a cell, not a broken sentence; the last row may leave
# its object cell empty before the blank line that closes the table.
@pytest.mark.parametrize("issuer,party,head,lvl", [
    ("甲镇人民政府", "镇党委", "镇长", "镇"), ("乙乡人民政府", "乡党委", "乡长", "乡"),
    ("丙县人民政府", "县委", "县长", "县"), ("丁旗人民政府", "旗委", "旗长", "旗"),
    ("戊区人民政府", "区委", "区长", "区"), ("己市人民政府", "市委", "市长", "市"),
    ("庚街道办事处", "街道党工委", "主任", "街道"),
])
@pytest.mark.parametrize("header", [["姓名", "职务", "工作分工", "联系社区"],
                                    ["姓  名", "职务", "分工", "挂点村"]])
@pytest.mark.parametrize("last_object", [True, False])
def test_division_table_one_cell_a_line(issuer: str, party: str, head: str, lvl: str,
                                        header: list[str], last_object: bool) -> None:
    lead = "办事处" if lvl == "街道" else f"{lvl}政府"
    cells = [*header,
             "严东升", f"{party}副书记、{head}", f"主持{lead}全面工作；负责财政、审计工作。", "甲社区、乙社区",
             "林 东", f"副{head}", f"负责教育、民政工作；分管{lvl}财政所。"]
    if last_object:
        cells.append("丙社区")
    got = facts(notice(issuer, "领导班子成员", *cells))
    gov = issuer
    expected = {("任职", "严东升", gov, head), ("主持", "严东升", gov, ""),
                ("负责", "严东升", "财政", ""), ("负责", "严东升", "审计", ""),
                ("联系", "严东升", "甲社区", ""), ("联系", "严东升", "乙社区", ""),
                ("任职", "林东", gov, f"副{head}"), ("负责", "林东", "教育", ""), ("负责", "林东", "民政", ""),
                ("分管", "林东", f"{lvl}财政所", "")}
    if last_object:
        expected.add(("联系", "林东", "丙社区", ""))
    assert expected <= got, expected - got
    assert {f[1] for f in got} == {"严东升", "林东"}, got

# 7. "一、王五同志" alone (同志 sets the name apart, no post), the duties opening the next line;
# and "王五同志（posts）" whose bracketed posts need not all be a leader's (副旗长、旗公安局局长),
# names of up to five characters without a known family name (乌云其木格同志).
@pytest.mark.parametrize("issuer,posts,lvl,held", LEVEL_POSTS)
@pytest.mark.parametrize("half", [False, True])
@pytest.mark.parametrize("name,who", [("严东升", "严东升"), ("林 东", "林东"), ("乌云其木格", "乌云其木格")])
def test_name_tongzhi_alone_then_duties(issuer: str, posts: str, lvl: str, held: list, half: bool,
                                        name: str, who: str) -> None:
    gov = next(org for org, _ in held if org.endswith(("人民政府", "行政公署", "办事处")))
    own = {"人民政府": "政府", "行政公署": "行署", "办事处": "办事处"}[next(w for w in ("人民政府", "行政公署", "办事处")
                                                                  if gov.endswith(w))]
    lines = [f"一、{name}同志", f"主持{lvl}{own}全面工作。负责审计工作。分管{lvl}审计局。", "",
             f"二、柏建军同志（{posts}、{lvl}统计局局长）", f"负责统计工作。分管{lvl}统计局。"]
    got = facts(notice(issuer, "领导班子成员", *[ln.translate(HALF) if half else ln for ln in lines]))
    expected = {("主持", who, gov, ""), ("负责", who, "审计", ""), ("分管", who, f"{lvl}审计局", ""),
                ("负责", "柏建军", "统计", ""), ("分管", "柏建军", f"{lvl}统计局", ""),
                ("任职", "柏建军", f"{lvl}统计局", "局长")}
    expected |= {("任职", "柏建军", org, pos) for org, pos in held}
    assert expected <= got, expected - got
    assert {f[1] for f in got} == {who, "柏建军"}
    assert not any(f[0] == "任职" and f[1] == who for f in got)


# 8. A level's own party body named with its level in a leader's posts ("街道党工委委员",
# "镇党委委员"): a 任职 at that body, never a membership of a coordinating body (工委).
@pytest.mark.parametrize("issuer,lvl,party,member,head", [
    ("丑街道办事处", "街道", "街道党工委", "委员", "办事处副主任"), ("子镇人民政府", "镇", "镇党委", "委员", "副镇长"),
    ("癸乡人民政府", "乡", "乡党委", "委员", "副乡长"), ("庚县人民政府", "县", "县委", "常委", "副县长"),
])
@pytest.mark.parametrize("half", [False, True])
def test_level_party_body_posts_are_posts(issuer: str, lvl: str, party: str, member: str, head: str,
                                          half: bool) -> None:
    line = f"3. 严东升（{party}{member}，{head}）：负责城市管理、安全生产工作。分管{lvl}财政所。"
    got = facts(notice(issuer, "领导班子成员", line.translate(HALF) if half else line))
    assert ("任职", "严东升", party, f"{party}{member}") in got, got
    assert ("任职", "严东升", issuer, head.replace("办事处", "")) in got, got
    assert ("分管", "严东升", f"{lvl}财政所", "") in got, got
    assert not any(f[0] == "成员" for f in got)


# 9. A leader named in a notice's preamble by title, name and 同志, acting in no duty ("因县长王五
# 同志外出学习"): the post holds; a past one (原县长) does not.
@pytest.mark.parametrize("issuer,head,gov", [
    ("庚县人民政府", "县长", "庚县人民政府"), ("辛区人民政府", "区长", "辛区人民政府"),
    ("壬旗人民政府", "旗长", "壬旗人民政府"), ("丁自治州人民政府", "州长", "丁自治州人民政府"),
    ("丙市人民政府", "市长", "丙市人民政府"), ("子镇人民政府", "镇长", "子镇人民政府"),
])
@pytest.mark.parametrize("half", [False, True])
def test_title_name_tongzhi_in_a_preamble(issuer: str, head: str, gov: str, half: bool) -> None:
    text = (f"{issuer}关于调整领导工作分工的通知\n\n各有关单位：\n因{head}严东升同志外出学习，原{head}柏一同志已调离，"
            f"经研究，现对领导工作分工作如下调整：\n一、副{head}林东同志增加分管财政局。\n\n{issuer}\n2024年2月26日\n")
    got = facts(text.translate(HALF) if half else text)
    assert ("任职", "严东升", gov, head) in got, got
    assert not any(f[1] == "柏一" for f in got), got


# 10. A 分工 table whose column names the verb (分管工作, 负责领域): a cell of bare items is read
# with that verb; a cell opening with a verb of its own is read as duties.
@pytest.mark.parametrize("issuer,party,head,lvl", [
    ("甲镇人民政府", "镇党委", "镇长", "镇"), ("乙乡人民政府", "乡党委", "乡长", "乡"),
    ("丙县人民政府", "县委", "县长", "县"), ("丁旗人民政府", "旗委", "旗长", "旗"),
])
@pytest.mark.parametrize("column,rel", [("分管工作", "分管"), ("负责领域", "负责")])
@pytest.mark.parametrize("sep", ["|", "  "])
def test_division_table_column_names_the_verb(issuer: str, party: str, head: str, lvl: str,
                                              column: str, rel: str, sep: str) -> None:
    rows = [["班子成员", "职  务", column, "挂点村"],
            ["严东升", f"{party}副书记、{head}", f"负责财政工作，分管{lvl}财政所", "东村"],
            ["林 东", f"副{head}", "教育、民政", "南村、北村"]]
    lines = [f"{sep} {f' {sep} '.join(r)} {sep}" if sep.strip() else sep.join(r) for r in rows]
    got = facts(notice(issuer, "领导班子成员", *lines))
    expected = {("负责", "严东升", "财政", ""), ("分管", "严东升", f"{lvl}财政所", ""),
                ("联系", "严东升", "东村", ""), ("任职", "林东", issuer, f"副{head}"),
                (rel, "林东", "教育", ""), (rel, "林东", "民政", ""), ("联系", "林东", "南村", ""),
                ("联系", "林东", "北村", "")}
    assert expected <= got, expected - got
    assert {f[1] for f in got} == {"严东升", "林东"}


# forms of set I
# A numbered leader line, the name with its titles glued on ("一、严东升副州长") or with 同志,
# posts noted after it in brackets; the duties on the lines below.
@pytest.mark.parametrize("issuer,title,gov,short", [
    ("丙省人民政府", "副省长", "丙省人民政府", "省政府"),
    ("甲自治区人民政府", "副主席", "甲自治区人民政府", "自治区政府"),
    ("丁市人民政府", "常务副市长", "丁市人民政府", "市政府"),
    ("戊自治州人民政府", "副州长", "戊自治州人民政府", "州政府"),
    ("己盟行政公署", "副盟长", "己盟行政公署", "盟行政公署"),
    ("庚县人民政府", "副县长", "庚县人民政府", "县政府"),
    ("辛旗人民政府", "副旗长", "辛旗人民政府", "旗政府"),
])
@pytest.mark.parametrize("note", [False, True])
@pytest.mark.parametrize("half", [False, True])
def test_numbered_name_with_glued_title_line(issuer: str, title: str, gov: str, short: str,
                                             note: bool, half: bool) -> None:
    posts = f"（{short}党组成员）" if note else ""
    lines = [f"　　一、严东升{title}{posts}",
             "　　负责财政、审计方面工作。",
             "　　分管某某财政局。",
             f"　　二、阿依努尔·吐尔逊{title}",
             "　　负责教育方面工作。分管某某教育局。",
             f"　　三、柯 小 川同志（{short}秘书长、党组成员）",
             "　　协助严东升同志分管某某财政局，协助阿依努尔·吐尔逊同志联系某某大学。"]
    if half:
        lines = [ln.translate(HALF) for ln in lines]
    got = facts(notice(issuer, "领导成员", *lines))
    want = [("任职", "严东升", gov, title), ("负责", "严东升", "财政", ""), ("负责", "严东升", "审计", ""),
            ("分管", "严东升", "某某财政局", ""), ("任职", "阿依努尔·吐尔逊", gov, title),
            ("负责", "阿依努尔·吐尔逊", "教育", ""), ("分管", "阿依努尔·吐尔逊", "某某教育局", ""),
            ("任职", "柯小川", gov, "秘书长"), ("任职", "柯小川", gov, "党组成员"),
            ("协助分管", "柯小川", "某某财政局", ""), ("协助联系", "柯小川", "某某大学", "")]
    if note:
        want.append(("任职", "严东升", gov, "党组成员"))
    for f in want:
        assert f in got, f
    assert ("分管", "阿依努尔·吐尔逊", "某某财政局", "") not in got
    assert not any(f[0] == "任职" and f[1] == "阿依努尔·吐尔逊" and f[3] == "党组成员" for f in got)


# A division laid out as a table whose header names its columns (markdown, box-drawn, a Word
# table's cells parted by spaces): name, posts, and columns of duties; a cell part without a
# verb of its own states the column's relation.
TABLE_HEADS = {"markdown": ("| {} |", " | "), "box": ("│ {} │", " │ "), "spaces": ("{}", "　　")}


@pytest.mark.parametrize("issuer,head,title,gov", [
    ("丁市人民政府", "市长", "副市长", "丁市人民政府"),
    ("戊自治州人民政府", "州长", "副州长", "戊自治州人民政府"),
    ("庚县人民政府", "县长", "常务副县长", "庚县人民政府"),
    ("辛旗人民政府", "旗长", "副旗长", "辛旗人民政府"),
    ("甲自治区人民政府", "主席", "副主席", "甲自治区人民政府"),
])
@pytest.mark.parametrize("layout", ["markdown", "box", "spaces"])
def test_division_table_by_columns(issuer: str, head: str, title: str, gov: str,
                                   layout: str) -> None:
    frame, sep = TABLE_HEADS[layout]
    rows = [["姓名", "职务", "负责工作", "分管部门", "联系单位"],
            ["严东升", head, "主持全面工作；负责审计工作", "某某审计局", "—"],
            ["柯小川", title, "负责财政、统计工作", "某某财政局、某某统计局；协助分管某某审计局", "某某税务局"],
            ["阿依努尔·吐尔逊", title, "负责教育、卫生健康工作", "某某教育局", "某某大学、某某医院"]]
    lines = [frame.format(sep.join(r)) for r in rows]
    if layout == "markdown":
        lines.insert(1, "|---|---|---|---|---|")
    got = facts(notice(issuer, "领导成员", *lines))
    for f in [("任职", "严东升", gov, head), ("主持", "严东升", gov, ""), ("负责", "严东升", "审计", ""),
              ("分管", "严东升", "某某审计局", ""), ("任职", "柯小川", gov, title), ("负责", "柯小川", "财政", ""),
              ("负责", "柯小川", "统计", ""), ("分管", "柯小川", "某某财政局", ""), ("分管", "柯小川", "某某统计局", ""),
              ("协助分管", "柯小川", "某某审计局", ""), ("联系", "柯小川", "某某税务局", ""),
              ("任职", "阿依努尔·吐尔逊", gov, title), ("负责", "阿依努尔·吐尔逊", "教育", ""),
              ("负责", "阿依努尔·吐尔逊", "卫生健康", ""), ("分管", "阿依努尔·吐尔逊", "某某教育局", ""),
              ("联系", "阿依努尔·吐尔逊", "某某大学", ""), ("联系", "阿依努尔·吐尔逊", "某某医院", "")]:
        assert f in got, f
    assert not any(f[1] in ("姓名", "职务") or f[2] in ("—", "负责工作") for f in got)
    assert ("分管", "柯小川", "某某审计局", "") not in got


# A paragraph a leader, no numbering: "王五同志主持…", "李四同志（副X长）负责…，分管…" (the
# name set apart by 同志, posts in brackets, the duties at once); across levels and widths.
@pytest.mark.parametrize("issuer,posts,lvl,held", LEVEL_POSTS)
@pytest.mark.parametrize("half", [False, True])
@pytest.mark.parametrize("name,who", [("严东升", "严东升"), ("林 东", "林东"), ("艾山·吐尔逊", "艾山·吐尔逊")])
def test_paragraph_a_leader_name_tongzhi(issuer: str, posts: str, lvl: str, held: list, half: bool,
                                         name: str, who: str) -> None:
    lines = [f"　　韦北辰同志负责审计工作，分管{lvl}审计局。", "",
             f"　　{name}同志（{posts}）负责财政、统计方面的工作，分管{lvl}财政局，联系{lvl}税务局。", "",
             f"　　班子成员外出期间，由主要负责同志指定其他成员代为负责。"]
    got = facts(notice(issuer, "领导班子成员", *[ln.translate(HALF) if half else ln for ln in lines]))
    expected = {("负责", "韦北辰", "审计", ""), ("分管", "韦北辰", f"{lvl}审计局", ""),
                ("负责", who, "财政", ""), ("负责", who, "统计", ""), ("分管", who, f"{lvl}财政局", ""),
                ("联系", who, f"{lvl}税务局", "")}
    expected |= {("任职", who, org, pos) for org, pos in held}
    assert expected <= got, expected - got
    assert {f[1] for f in got} == {"韦北辰", who}, got


# A leader's line "二、王五　副X长（兼X公安局局长）": the bracket after the posts holds one more
# post (兼, 兼任), not a note; "（挂职）" after them is a note on the person.
@pytest.mark.parametrize("issuer,head,lvl", [
    ("甲市人民政府", "副市长", "市"), ("乙县人民政府", "副县长", "县"), ("丙旗人民政府", "副旗长", "旗"),
    ("丁区人民政府", "副区长", "区"), ("戊自治州人民政府", "副州长", "州"), ("己盟行政公署", "副盟长", "盟"),
])
@pytest.mark.parametrize("sep", ["　", "  "])
@pytest.mark.parametrize("opening,bracket", [("兼", "（{}）"), ("兼任", "（{}）"), ("兼", "({})")])
def test_leader_line_with_a_concurrent_post_in_brackets(issuer: str, head: str, lvl: str, sep: str,
                                                        opening: str, bracket: str) -> None:
    note = bracket.format(f"{opening}{lvl}公安局局长")
    lines = [f"一、严东升{sep}{head}{note}", f"　　负责公安、应急管理方面的工作。", f"　　分管{lvl}公安局。", "",
             f"二、林北{sep}{head}（挂职）", f"　　负责商务工作。"]
    got = facts(notice(issuer, "领导班子成员", *lines))
    expected = {("任职", "严东升", issuer, head), ("任职", "严东升", f"{lvl}公安局", "局长"),
                ("负责", "严东升", "公安", ""), ("分管", "严东升", f"{lvl}公安局", ""),
                ("任职", "林北", issuer, head), ("负责", "林北", "商务", "")}
    assert expected <= got, expected - got
    assert not any("挂职" in f[2] or "挂职" in f[3] for f in got)
