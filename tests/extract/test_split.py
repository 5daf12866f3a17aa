"""Splitting: every document of a gazette, with its number, date, issuer and type; and the
forms a single notice or a bundle of notices comes in."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.source import SourceText
from extract.split import classify, split_source

SEED = Path(__file__).resolve().parents[2] / "data" / "gazettes" / "shuozhou-2023-04.txt"
GOV, OFFICE = "朔州市人民政府", "朔州市人民政府办公室"


def split(text: str, name: str = "t.txt"):
    return split_source(SourceText(name, text))


@pytest.fixture(scope="module")
def seed():
    text = SEED.read_text(encoding="utf-8")
    docs, report = split(text, str(SEED))
    return text, docs, report


# number, date, issuer, type, section — read off the gazette's signatures
SEED_DOCUMENTS = [
    ("朔政发〔2023〕15号", "2023-05-06", GOV, "plan", "市政府文件"),
    ("朔政发〔2023〕31号", "2023-08-16", GOV, "plan", "市政府文件"),
    ("朔政函〔2023〕55号", "2023-06-25", GOV, "approval", "市政府文件"),
    ("朔政函〔2023〕73号", "2023-08-16", GOV, "approval", "市政府文件"),
    ("朔政干发〔2023〕4号", "2023-06-19", GOV, "appointment", "人事任免"),
    ("朔政干发〔2023〕5号", "2023-08-08", GOV, "appointment", "人事任免"),
    ("朔政办发〔2023〕24号", "2023-07-13", OFFICE, "plan", "市政府办公室文件"),
    ("朔政办发〔2023〕25号", "2023-07-21", OFFICE, "plan", "市政府办公室文件"),
    ("朔政办发〔2023〕26号", "2023-08-08", OFFICE, "work_division", "市政府办公室文件"),
    ("朔政办发〔2023〕27号", "2023-08-15", OFFICE, "plan", "市政府办公室文件"),
    ("朔政办函〔2023〕35号", "2023-06-30", OFFICE, "task_force", "市政府办公室文件"),
    ("朔政办函〔2023〕36号", "2023-07-03", OFFICE, "coordination", "市政府办公室文件"),
    ("朔政办函〔2023〕37号", "2023-07-13", OFFICE, "task_force", "市政府办公室文件"),
    ("朔政办函〔2023〕43号", "2023-08-01", OFFICE, "task_force", "市政府办公室文件"),
    ("朔政办函〔2023〕46号", "2023-08-08", OFFICE, "task_force", "市政府办公室文件"),
    ("朔政办函〔2023〕49号", "2023-08-15", OFFICE, "task_force", "市政府办公室文件"),
]


def test_split_seed_finds_exactly_the_sixteen_documents(seed) -> None:
    _, docs, report = seed
    assert sorted(d.info.number for d in docs) == sorted(n for n, *_ in SEED_DOCUMENTS)
    assert sorted(report.toc_numbers) == sorted(n for n, *_ in SEED_DOCUMENTS)
    assert report.missing_from_body == [] and report.warnings == []


@pytest.mark.parametrize("number,date,issuer,doc_type,section", SEED_DOCUMENTS)
def test_split_seed_document(seed, number, date, issuer, doc_type, section) -> None:
    text, docs, _ = seed
    (doc,) = [d for d in docs if d.info.number == number]
    info = doc.info
    assert (info.date, info.issuer, info.doc_type, info.section) == (date, issuer, doc_type, section)
    lines = text.split("\n")
    first, last = info.lines
    assert lines[first - 1].startswith(issuer)  # the span opens on the title
    assert "（此件公开发布）" in lines[last - 1] or lines[last - 1].strip()
    assert doc.original == text[doc.start:doc.end]
    assert info.title.startswith(issuer) and info.title.endswith(("通知", "批复", "意见"))
    assert info.addressees and info.addressees[-1] not in "：:"


def test_split_seed_spans_are_ordered_and_disjoint(seed) -> None:
    _, docs, _ = seed
    for a, b in zip(docs, docs[1:]):
        assert a.info.lines[1] < b.info.lines[0]
        assert a.end <= b.start
    assert "《朔州市人民政府公报》简介" not in docs[-1].original  # back matter is no document's


def test_split_seed_title_broken_over_lines(seed) -> None:
    _, docs, _ = seed
    titles = {d.info.number: d.info.title for d in docs}
    assert titles["朔政办函〔2023〕36号"] == "朔州市人民政府办公室关于建立解决市政公用领域民生问题协调机制的通知"
    assert titles["朔政发〔2023〕31号"] == "朔州市人民政府关于印发朔州市人民政府工作规则的通知"


def test_split_toc_entry_without_document_is_reported(seed) -> None:
    text, _, _ = seed
    damaged = text.replace("\n朔政办函〔2023〕43号\n", "\n\n", 1)
    docs, report = split(damaged)
    assert report.missing_from_body == ["朔政办函〔2023〕43号"]
    assert report.warnings == ["目录 lists 朔政办函〔2023〕43号 but no document with that number was found"]
    assert len(docs) == 15


def test_split_two_issues_in_one_file(seed) -> None:
    text, _, _ = seed
    docs, report = split(text + "\n" + text)
    assert len(docs) == 32
    assert len(report.toc_numbers) == 32 and not report.missing_from_body
    second_toc = len(text.split("\n")) + 1 + text.split("\n").index("目 录")
    assert all(not (d.info.lines[0] < second_toc <= d.info.lines[1]) for d in docs)


# --- single notices and bundles without contents --------------------------------------

NUMBER_BELOW_TITLE = """甲市人民政府办公室
关于调整甲市安全生产委员会
成员的通知

甲政办函〔2024〕9号

各县（区）人民政府，市直各有关单位：

因人事变动，经市政府同意，对甲市安全生产委员会成员进行调整。现将调整后的名单通知如下：

主 任：王大明 市长

甲市人民政府办公室

二〇二四年三月八日

（此件公开发布）
"""

NUMBER_ABOVE_TITLE = """丙政办函〔2023〕12号
丙市人民政府办公室关于成立丙市
城市更新工作领导小组的通知
各县（市、区）人民政府，市直各有关单位:
为推进城市更新工作，市政府决定成立丙市城市更新工作领导小组。
组 长:孙 明 市长
丙市人民政府办公室
2023年8月8日
"""

TRADITIONAL = """丁府辦函〔2023〕47號
關於成立丁市城市濕地公園保護專班的通知
戊區人民政府，市有關單位：
為協調推進城市濕地公園保護工作，市政府決定成立丁市城市濕地公園保護專班，現將具體事宜通知如下：
主任：王大明（市政府副市長）
丁市人民政府辦公室
二〇二三年八月八日
"""

NO_NUMBERS = """甲市人民政府办公室关于调整甲市防汛抗旱
指挥部成员的通知

各县（区）人民政府，市直各有关单位：

因人事变动，市政府决定对甲市防汛抗旱指挥部成员进行调整。现将调整后的名单通知如下：

总指挥：王大明 市长

甲市人民政府办公室
2024年3月8日

甲市人民政府办公室关于成立甲市数字经济发展工作专班的通知

各县（区）人民政府，市直各有关单位：

为加快数字经济发展，经市政府同意，成立甲市数字经济发展工作专班。

组 长：赵小红 副市长

甲市人民政府办公室
二〇二四年四月二十一日

甲市人民政府辦公室關於調整甲市食品安全委員會成員的通知

各區人民政府，市直各單位：

根據人事變動情況，市政府決定調整甲市食品安全委員會成員。

甲市人民政府辦公室　2024年5月6日
"""

WITH_NUMBERS = """乙市人民政府关于张三等职务任免的通知

乙政干发〔2024〕2号

各区人民政府，市直各单位：

经市人民政府研究决定：

任命张三为乙市教育局局长；

免去李四的乙市教育局局长职务。

乙市人民政府

2024年1月15日

乙市人民政府办公室
关于印发乙市2024年防汛工作方案的
通知

乙政办发〔2024〕7号

各区人民政府，市直各单位：

现将《乙市2024年防汛工作方案》印发给你们，请认真贯彻执行。

乙市人民政府办公室

2024年5月20日
"""


@pytest.mark.parametrize("text,expected", [
    (NUMBER_BELOW_TITLE, [("甲政办函〔2024〕9号", "甲市人民政府办公室关于调整甲市安全生产委员会成员的通知",
                           "甲市人民政府办公室", "2024-03-08", "task_force", (1, 17))]),
    (NUMBER_ABOVE_TITLE, [("丙政办函〔2023〕12号", "丙市人民政府办公室关于成立丙市城市更新工作领导小组的通知",
                           "丙市人民政府办公室", "2023-08-08", "task_force", (1, 8))]),
    (TRADITIONAL, [("丁府辦函〔2023〕47号", "關於成立丁市城市濕地公園保護專班的通知",
                    "丁市人民政府辦公室", "2023-08-08", "task_force", (1, 7))]),
    (NO_NUMBERS, [
        (None, "甲市人民政府办公室关于调整甲市防汛抗旱指挥部成员的通知", "甲市人民政府办公室", "2024-03-08", "task_force", (1, 11)),
        (None, "甲市人民政府办公室关于成立甲市数字经济发展工作专班的通知", "甲市人民政府办公室", "2024-04-21", "task_force", (13, 22)),
        (None, "甲市人民政府辦公室關於調整甲市食品安全委員會成員的通知", "甲市人民政府辦公室", "2024-05-06", "task_force", (24, 30)),
    ]),
    (WITH_NUMBERS, [
        ("乙政干发〔2024〕2号", "乙市人民政府关于张三等职务任免的通知", "乙市人民政府", "2024-01-15", "appointment", (1, 15)),
        ("乙政办发〔2024〕7号", "乙市人民政府办公室关于印发乙市2024年防汛工作方案的通知", "乙市人民政府办公室", "2024-05-20",
         "plan", (17, 29)),
    ]),
], ids=["number-below-title", "number-above-title", "traditional", "no-numbers", "with-numbers"])
def test_split_notices_without_contents(text: str, expected: list[tuple]) -> None:
    docs, report = split(text)
    got = [(d.info.number, d.info.title, d.info.issuer, d.info.date, d.info.doc_type, d.info.lines) for d in docs]
    assert got == expected
    assert report.warnings == [] and report.toc_numbers == []


def test_split_addressees_and_body_start() -> None:
    (doc,) = split(NUMBER_BELOW_TITLE)[0]
    assert doc.info.addressees == "各县（区）人民政府，市直各有关单位"
    assert doc.source.text[doc.body_start:].startswith("因人事变动")


def test_split_addressees_broken_over_two_lines() -> None:
    text = ("甲市人民政府办公室关于成立甲市工作专班的通知\n甲政办函〔2024〕3号\n各县（市、区）人民政府，\n"
            "市直各有关单位：\n为推进工作，成立专班。\n甲市人民政府办公室\n2024年3月8日\n")
    (doc,) = split(text)[0]
    assert doc.info.addressees == "各县（市、区）人民政府，市直各有关单位"


def test_split_issuer_and_date_on_one_line() -> None:
    text = "乙政办函〔2024〕5号\n关于成立乙市招商引资工作专班的通知\n各区人民政府：\n现将有关事项通知如下。\n乙市人民政府办公室  2024年6月1日\n"
    (doc,) = split(text)[0]
    assert (doc.info.issuer, doc.info.date) == ("乙市人民政府办公室", "2024-06-01")


def test_split_plain_text_without_header_is_one_document() -> None:
    text = "上海市市政府领导工作分工公布\n\n龚正 市长\n领导市政府全面工作。\n\n吴伟 常务副市长\n负责发展和改革等工作。\n"
    docs, report = split(text, "wd.txt")
    assert len(docs) == 1
    assert docs[0].info.title == "上海市市政府领导工作分工公布"
    assert docs[0].info.number is None and docs[0].info.lines == (1, 7)
    assert docs[0].info.doc_type == "work_division"


def test_split_text_before_the_first_notice_is_kept() -> None:
    preface = "编者按：本期刊登市政府近期印发的文件，请各单位认真学习，结合实际贯彻落实，" * 3 + "\n\n"
    docs, _ = split(preface + WITH_NUMBERS)
    assert len(docs) == 3
    assert docs[0].info.lines == (1, 1) and docs[1].info.number == "乙政干发〔2024〕2号"


def test_split_sections_printed_in_the_body() -> None:
    text = "【市政府文件】\n\n" + WITH_NUMBERS.replace("乙市人民政府办公室\n关于印发", "【市政府办公室文件】\n\n乙市人民政府办公室\n关于印发")
    docs, _ = split(text)
    assert [d.info.section for d in docs] == ["市政府文件", "市政府办公室文件"]


def test_split_contents_by_title_only() -> None:
    toc = ("目 录\n\n乙市人民政府关于张三等职务任免的通知……………………1\n"
           "乙市人民政府办公室关于印发乙市2024年防汛工作方案的通知………3\n"
           "乙市人民政府办公室关于加强河湖长制工作的意见………………5\n\n")
    docs, report = split(toc + WITH_NUMBERS)
    assert len(docs) == 2
    assert len(report.toc_titles) == 3
    assert report.missing_from_body == ["乙市人民政府办公室关于加强河湖长制工作的意见"]
    assert "no document with that title" in report.warnings[0]


def test_split_empty_and_blank_text() -> None:
    assert split("")[0] == [] and split("\n \n")[0] == []
    assert split("")[1].warnings == ["no text"]


@pytest.mark.parametrize("title,doc_type", [
    ("朔州市人民政府办公室关于市长副市长秘书长工作分工的通知", "work_division"),
    ("關於市人民政府領導成員工作分工的通知", "work_division"),
    ("关于成立朔州市建设高标准市场体系工作专班的通知", "task_force"),
    ("关于调整市防汛抗旱指挥部成员的通知", "task_force"),
    ("关于建立成都市学习型城市建设与社区教育联席会议制度的通知", "coordination"),
    ("关于建立解决市政公用领域民生问题协调机制的通知", "coordination"),
    ("朔州市人民政府关于温贵等职务任免的通知", "appointment"),
    ("关于中心城区控制性详细规划N1-01地块调整方案的批复", "approval"),
    ("2023年区《政府工作报告》确定的重点工作任务责任分解方案", "task_allocation"),
    ("朔州市2023年度地质灾害防治方案", "plan"),
    ("关于开展春季植树活动的通知", "other"),
])
def test_split_classify(title: str, doc_type: str) -> None:
    assert classify(title) == doc_type


# --- properties ------------------------------------------------------------------------

PIECES = st.sampled_from([
    "\n", "\n\n", " ", "\u3000", "：", "。", "，", "关于", "的通知", "的批复", "目 录", "目录", "【市政府文件】",
    "朔政办发〔2023〕26号", "甲政办函〔2024〕12号..... 3", "各县人民政府，市直各单位：", "2023年8月8日",
    "二〇二三年八月八日", "朔州市人民政府办公室", "市人民政府", "（此件公开发布）", "《朔州市人民政府公报》简介",
    "主办单位：", "组 长：田 东", "關於", "辦公室", "一、", "负责", "……1", "\t", "\r", "\u200b",
])
TEXT = st.lists(PIECES | st.text(max_size=6), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_split_never_raises_and_spans_stay_in_bounds(text: str) -> None:
    src = SourceText("fuzz.txt", text)
    docs, report = split_source(src)
    n_lines = text.count("\n") + 1
    previous_end = 0
    for d in docs:
        assert 0 <= d.start <= d.body_start <= d.end <= len(text) or d.body_start == d.end
        assert previous_end <= d.start
        previous_end = d.end
        first, last = d.info.lines
        assert 1 <= first <= last <= n_lines
        assert src.line_of(d.start) == first
        assert d.info.title
    assert set(report.missing_from_body) <= set(report.toc_numbers) | set(report.toc_titles)


@pytest.mark.parametrize("issuer,number", [
    ("甲县人民政府", "甲政发〔2021〕15号"),
    ("乙市人民政府办公室", "乙政办发[2019]7号"),
    ("丙旗人民政府", "丙政字（1996）第3号"),
    ("丁州人民政府办公厅", "丁州政办〔2024〕2号"),
    ("戊地区行政公署", "戊署发〔1995〕17号"),
    ("己盟行政公署", "己署发〔2001〕3号"),
])
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_split_masthead_above_the_number_and_title_below(issuer: str, number: str, gap: str) -> None:
    """A red-header copy: "<issuer>文件" over the number, the issuer and 关于…的通知 under it."""
    title = f"关于调整{issuer[:2]}防汛工作指挥部组成人员的通知"
    text = (f"{issuer}文件{gap}{number}{gap}{issuer}\n{title}\n各有关单位：\n"
            f"经研究，决定调整组成人员。\n{issuer}\n2021年4月6日\n")
    docs, _ = split(text)
    assert len(docs) == 1
    assert docs[0].info.title == issuer + title
    assert docs[0].info.lines[0] == 1


@pytest.mark.parametrize("title,doc_type", [
    ("关于盟长、副盟长工作分工的通知", "work_division"),
    ("关于局长副局长工作分工的通知", "work_division"),
    ("关于乡党委书记、副书记工作分工的通知", "work_division"),
    ("關於專員、副專員工作分工的通知", "work_division"),
    ("关于印发甲市2024年重点任务分工方案的通知", "task_allocation"),
    ("关于印发乙县优化营商环境任务分工的通知", "task_allocation"),
])
def test_split_classify_division_by_any_title(title: str, doc_type: str) -> None:
    """A division of work is named by any post its leaders hold, not only a government head's."""
    assert classify(title) == doc_type


@pytest.mark.parametrize("issuer", ["甲地区行政公署", "乙县人民政府", "丙旗人民政府办公室"])
def test_split_masthead_names_the_issuer_when_the_title_does_not(issuer: str) -> None:
    text = (f"{issuer}文件\n甲署发(1989)47号\n\n关于专员、副专员工作分工的通知\n\n各县人民政府：\n"
            "现将分工通知如下：\n一、专员王一同志：主持全面工作。\n\n一九八九年五月二十日\n")
    (doc,) = split(text)[0]
    assert (doc.info.issuer, doc.info.doc_type, doc.info.number) == (issuer, "work_division", "甲署发〔1989〕47号")
