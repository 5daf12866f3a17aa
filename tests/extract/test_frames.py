"""Relation frames (extract/data/frames.yaml): every frame's own examples give their facts,
every frame fits the schema, the loader names the frame it cannot read, and the general
forms added as frames hold across administrative levels, punctuation widths and spacing.
Names, places and bodies are invented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extract.frames import FrameError, frames, load_frames, matches
from extract.text import normalize
from graph.model import SCHEMA
from tests.extract.test_extractors import facts

_NOTICE_HEAD = "{title}\n\n甲政办函〔2024〕8号\n\n各有关单位：\n\n"


def _document(example: dict) -> str:
    title = example.get("title")
    return (_NOTICE_HEAD.format(title=title) if title else "") + example["text"] + "\n"


def _expected(fact: list) -> tuple:
    rel, s, o, *extra = fact   # a 任命 carries its probation too: [任命, s, o, position, probation]
    return (rel, s, o, *(extra or [""]))


EXAMPLES = [pytest.param(fr, i, id=f"{fr.name}-{i}") for fr in frames() for i in range(len(fr.examples))]


@pytest.mark.parametrize("fr,i", EXAMPLES)
def test_every_frame_example_gives_its_facts(fr, i: int) -> None:
    example = fr.examples[i]
    got = facts(_document(example), "example.txt")
    for fact in example["facts"]:
        assert _expected(fact) in got, f"{fr.name}: {fact} not read from {example['text']!r}; got {sorted(got)}"
    for fact in example.get("not", []):
        assert _expected(fact) not in got


@pytest.mark.parametrize("fr", frames(), ids=lambda f: f.name)
def test_every_frame_names_a_schema_type_and_matches_its_examples(fr) -> None:
    assert fr.type.name in SCHEMA.relationships
    if fr.ends:   # a sentence ending the relationship carries its timeline's end term (不再担任)
        assert fr.rel in SCHEMA.timelines[fr.type.timeline].end_terms
    elif fr.starts:   # one starting it, its start term (任命)
        assert fr.rel in SCHEMA.timelines[fr.type.timeline].start_terms
    else:         # the term is the schema's
        assert fr.rel == SCHEMA.relationships[fr.type.name].zh
    assert len(fr.examples) >= 2
    for example in fr.examples:   # the frame itself reads each of its examples
        text = normalize(_document(example)).text   # frames read normalised text
        clauses = re.split(r"[\n，,；;。]", text)   # a 任免 notice's frames read a clause at a time
        found = (any(fr.regex.match(line.strip()) for line in text.split("\n")) if fr.within in ("heading", "duties")
                 else any(fr.regex.search(c.strip()) for c in clauses) if fr.within == "clause"
                 else any(True for _ in matches(fr, text, sentences=False)))
        assert found, f"{fr.name} does not match {example['text']!r}"
    for fact in (f for e in fr.examples for f in e["facts"]):
        assert fact[0] == fr.rel or SCHEMA.rel_by_zh(fact[0])


_LEVEL = re.compile(r"[甲乙丙丁戊己庚辛壬癸](自治区|自治州|省|市|州|盟|地区|县|区|旗|乡|镇|街道)")


@pytest.mark.parametrize("fr", frames(), ids=lambda f: f.name)
def test_every_frames_examples_vary_level_and_punctuation_width(fr) -> None:
    levels = {m.group(1) for e in fr.examples for m in [_LEVEL.search((e.get("title") or "") + e["text"])] if m}
    widths = {("half" if re.search(r"[,:;.()]", e["text"]) else "") + ("full" if re.search(r"[，：；。（）]", e["text"]) else "")
              for e in fr.examples}
    assert len(levels) >= 2, f"{fr.name}: examples at one administrative level only"
    assert len(widths) >= 2, f"{fr.name}: examples in one punctuation width only"


def test_frames_are_compiled_once_with_bounded_slots() -> None:
    for fr in frames():   # every repeat has a bound (spaces aside): no runaway backtracking
        pattern = fr.regex.pattern.replace(r"\s*", "")
        assert not re.search(r"(?<!\\)[*+]|\{\d+,\}", pattern), fr.name


_GOOD = """slots:
  group: {regex: '[\\u4e00-\\u9fff]{0,20}?(?:{@group_words})', entity: TaskForce}
  org: {regex: '[^，。；]{2,30}?', entity: Organization}
frames:
  - name: probe
    type: %s
    pattern: "%s"
    examples: [{text: a, facts: []}, {text: b, facts: []}]
"""


@pytest.mark.parametrize("rtype,pattern,message", [
    ("LEADING", "{group}由{org}牵头", "frame probe: unknown relationship type"),
    ("LEADS", "{group}由{unit}牵头", "frame probe: unknown slot kind {unit}"),
    ("LEADS", "{group}由{org}{@no_such_words}", "unknown word list @no_such_words"),
    ("LEADS", "{group}由{x:org}牵头{x:org}", "slot x twice"),
    ("OFFICE_AT", "{org}牵头", "no slot reads the subject"),
    ("LEADS", "{group|由}{org}牵头", "mixes slots into a choice"),
])
def test_a_frame_that_does_not_fit_is_a_clear_error(tmp_path: Path, rtype: str, pattern: str, message: str) -> None:
    path = tmp_path / "frames.yaml"
    path.write_text(_GOOD % (rtype, pattern), encoding="utf-8")
    with pytest.raises(FrameError, match=message.replace("{", r"\{").replace("}", r"\}")):
        load_frames(path)


def test_a_frame_needs_two_examples(tmp_path: Path) -> None:
    path = tmp_path / "frames.yaml"
    path.write_text((_GOOD % ("LEADS", "{group}由{org}牵头")).replace(", {text: b, facts: []}", ""), encoding="utf-8")
    with pytest.raises(FrameError, match="probe: give at least two examples"):
        load_frames(path)


# ---------------------------------------------------------------------------- new general forms

LEVELS = [  # place, level word (as a unit's prefix)
    ("甲", "市"), ("乙", "省"), ("丙", "县"), ("丁", "区"), ("戊", "州"), ("己", "旗"),
    ("庚", "自治区"), ("辛", "盟"), ("壬", "乡"), ("癸", "镇"),
]


@pytest.mark.parametrize("place,lvl", LEVELS)
@pytest.mark.parametrize("sentence", [
    "为推进工作，成立由{u}水务局牵头的{body}，负责日常调度。",
    "为推进工作,成立由{u}水务局牵头的{body},负责日常调度.",
    "{place}{lvl}组建由{u}水务局牵头、{u}财政局配合的{body}。",
    "经研究，决定建立由{u}水务局牵头，{u}财政局参与的{body}。",
])
def test_set_up_led_by_a_unit(place: str, lvl: str, sentence: str) -> None:
    body = f"{place}{lvl}河道保洁工作专班"
    got = facts(sentence.format(u=lvl, body=body, place=place, lvl=lvl) + "\n", "report.txt")
    assert ("牵头", f"{lvl}水务局", body, "") in got
    assert not any(f[0] == "牵头" and f[1] == f"{lvl}财政局" for f in got)   # a partner unit leads nothing


@pytest.mark.parametrize("place,lvl", LEVELS[:6])
@pytest.mark.parametrize("kind", ["工作专班", "领导小组", "联席会议", "指挥部"])
def test_a_notice_setting_up_a_body_led_by_a_unit_names_the_body_without_the_lead(place: str, lvl: str, kind: str) -> None:
    body = f"{place}{lvl}城乡供水保障{kind}"
    text = (f"{place}{lvl}人民政府办公室关于推进城乡供水保障的通知\n\n各有关单位：\n\n"
            f"经研究，决定成立由{lvl}水务局牵头的{body}，组长由{lvl}政府副{'省' if lvl == '省' else lvl}长王一川担任。\n")
    got = facts(text, "notice.txt")
    assert ("牵头", f"{lvl}水务局", body, "") in got
    assert not any(f[2].startswith("由") for f in got)


@pytest.mark.parametrize("place,lvl", LEVELS)
@pytest.mark.parametrize("sentence", [
    "{body}由{u}住建局牵头负责，各部门配合。",
    "{body}由{u}住建局牵头负责,各部门配合.",
    "{body}由 {u}住建局 牵头。",
])
def test_body_led_by_a_unit(place: str, lvl: str, sentence: str) -> None:
    body = f"{place}{lvl}老旧小区改造工作领导小组"
    got = facts(sentence.format(u=lvl, body=body) + "\n", "report.txt")
    assert ("牵头", f"{lvl}住建局", body, "") in got


@pytest.mark.parametrize("place,lvl", LEVELS)
@pytest.mark.parametrize("sentence", [
    "{u}水务局、{u}财政局为成员单位。",
    "{u}水务局、{u}财政局为领导小组成员单位。",
    "{u}水务局、{u}财政局等部门为成员单位。",
    "{u}水务局、{u}财政局为成员单位;",
])
def test_units_are_member_units(place: str, lvl: str, sentence: str) -> None:
    body = f"{place}{lvl}河湖治理工作领导小组"
    text = (f"{place}{lvl}人民政府办公室关于成立{body}的通知\n\n各有关单位：\n\n"
            + sentence.format(u=lvl) + "\n")
    got = facts(text)
    assert ("成员单位", f"{lvl}水务局", body, "成员单位") in got
    assert ("成员单位", f"{lvl}财政局", body, "成员单位") in got


GOV = {  # level -> (government's deputy head, the body the post is at)
    "市": ("副市长", "市政府"), "省": ("副省长", "省政府"), "县": ("副县长", "县政府"), "区": ("副区长", "区政府"),
    "州": ("副州长", "州政府"), "旗": ("副旗长", "旗政府"), "盟": ("副盟长", "盟行政公署"), "乡": ("副乡长", "乡政府"),
    "镇": ("副镇长", "镇政府"),
}


@pytest.mark.parametrize("lvl", list(GOV))
@pytest.mark.parametrize("sentence", [
    "组长为{deputy}张大山，成员为{lvl}水务局局长李小河，{lvl}财政局局长王五一，{lvl}公安局副局长赵六二。",
    "组长为{deputy}张大山,成员为{lvl}水务局局长李小河,{lvl}财政局局长王五一,{lvl}公安局副局长赵六二.",
    "组长由{deputy}张大山担任。成员：{lvl}水务局局长李小河、{lvl}财政局局长王五一、{lvl}公安局副局长赵六二。",
    "组长由{deputy}张大山担任;成员:{lvl}水务局局长李小河、{lvl}财政局局长王五一、{lvl}公安局副局长赵六二。",
    "组长由{deputy}张大山担任，成员是{lvl}水务局局长李 小河，{lvl}财政局局长王五一，{lvl}公安局副局长赵六二，负责日常调度。",
])
def test_prose_members_name_every_person(lvl: str, sentence: str) -> None:
    deputy, gov = GOV[lvl]
    body = f"甲{lvl}河湖治理工作领导小组"
    text = (f"甲{lvl}人民政府办公室关于成立{body}的通知\n\n各有关单位：\n\n"
            + sentence.format(lvl=lvl, deputy=deputy) + "\n")
    got = facts(text)
    assert ("成员", "张大山", body, "组长") in got
    assert ("任职", "张大山", gov, deputy) in got
    for name, unit, title in (("李小河", "水务局", "局长"), ("王五一", "财政局", "局长"), ("赵六二", "公安局", "副局长")):
        assert ("成员", name, body, "成员") in got
        assert ("任职", name, f"{lvl}{unit}", title) in got
    assert not any(f[0] == "成员" and f[1] in ("李小河", "王五一", "赵六二") and f[3] == "组长" for f in got)
    assert not any(f[0] == "成员" and "负责" in f[1] for f in got)


@pytest.mark.parametrize("sentence", [
    "组长为县长王一平，副组长为副县长赵二川，成员为县水务局局长李三河。",
    "组长为县长王一平,副组长为副县长赵二川,成员为县水务局局长李三河.",
])
def test_a_run_of_role_statements_gives_each_its_own_holder(sentence: str) -> None:
    body = "乙县河湖治理工作领导小组"
    got = facts(f"乙县人民政府关于成立{body}的通知\n\n各有关单位：\n\n{sentence}\n")
    members = {(f[1], f[3]) for f in got if f[0] == "成员"}
    assert members == {("王一平", "组长"), ("赵二川", "副组长"), ("李三河", "成员")}


@pytest.mark.parametrize("sentence", [
    "成员为各成员单位分管负责同志。",
    "成员：各乡镇主要负责同志。",
])
def test_members_in_general_name_no_person(sentence: str) -> None:
    body = "丙县河湖治理工作领导小组"
    got = facts(f"丙县人民政府关于成立{body}的通知\n\n各有关单位：\n\n组长由副县长王一平担任。{sentence}\n")
    assert {f[1] for f in got if f[0] == "成员"} == {"王一平"}


@pytest.mark.parametrize("place,lvl", LEVELS)
@pytest.mark.parametrize("sentence", [
    "领导小组牵头单位为{u}水务局，成员单位为{u}财政局、{u}公安局。",
    "牵头单位：{u}水务局；成员单位：{u}财政局、{u}公安局。",
    "牵头部门:{u}水务局;成员单位:{u}财政局、{u}公安局.",
    "{u}水务局为牵头单位，{u}财政局、{u}公安局为成员单位。",
])
def test_lead_unit_stated_either_way(place: str, lvl: str, sentence: str) -> None:
    body = f"{place}{lvl}河湖治理工作领导小组"
    text = (f"{place}{lvl}人民政府办公室关于成立{body}的通知\n\n各有关单位：\n\n" + sentence.format(u=lvl) + "\n")
    got = facts(text)
    assert ("牵头", f"{lvl}水务局", body, "") in got
    assert {f[1] for f in got if f[0] == "成员单位"} >= {f"{lvl}财政局", f"{lvl}公安局"}
    assert not any(f[0] == "牵头" and f[1] != f"{lvl}水务局" and f[2] == body for f in got)


@pytest.mark.parametrize("place,lvl", LEVELS)
@pytest.mark.parametrize("sentence", [
    "近日，{place}{lvl}由{u}卫生健康局牵头成立{body}，统筹医疗救治。",
    "近日,{place}{lvl}由{u}卫生健康局牵头组建{body},统筹医疗救治.",
])
def test_a_unit_leads_the_body_it_sets_up(place: str, lvl: str, sentence: str) -> None:
    body = f"{place}{lvl}医疗救治工作专班"
    got = facts(sentence.format(place=place, lvl=lvl, u=lvl, body=body) + "\n", "report.txt")
    assert ("牵头", f"{lvl}卫生健康局", body, "") in got


@pytest.mark.parametrize("place,lvl", LEVELS)
@pytest.mark.parametrize("colon", ["：", ":", ""])
def test_units_given_duties_with_or_without_a_colon(place: str, lvl: str, colon: str) -> None:
    body = f"{place}{lvl}河湖治理工作领导小组"
    text = (f"{place}{lvl}人民政府办公室关于成立{body}的通知\n\n各有关单位：\n\n三、成员单位职责\n"
            f"{lvl}水务局{colon}牵头制定河湖治理方案。\n{lvl}财政局{colon}负责保障治理经费。\n")
    got = facts(text)
    assert ("成员单位", f"{lvl}财政局", body, "成员单位") in got
    assert ("牵头", f"{lvl}水务局", "制定河湖治理方案", "") in got


@pytest.mark.parametrize("place,lvl", [(p, l) for p, l in LEVELS if l in GOV])
@pytest.mark.parametrize("sep", ["，", ","])
def test_a_chain_in_a_report_names_the_members_of_the_body_it_sets_up(place: str, lvl: str, sep: str) -> None:
    deputy = GOV[lvl][0]
    body = f"{place}{lvl}河湖治理工作领导小组"
    text = (f"{place}{lvl}河湖治理工作情况报告\n\n一、工作进展\n"
            f"近日{sep}{place}{lvl}成立以{deputy}张大山为组长{sep}{deputy}李小河、王五一为副组长的{body}{sep}统筹推进治理。\n")
    got = facts(text, "report.txt")
    assert {(f[1], f[3]) for f in got if f[0] == "成员" and f[2] == body} == {
        ("张大山", "组长"), ("李小河", "副组长"), ("王五一", "副组长")}


@pytest.mark.parametrize("lvl", list(GOV))
@pytest.mark.parametrize("line", [
    "组长：{deputy}张大山；副组长：{lvl}水务局局长李小河、{lvl}财政局局长王五一；成员：{lvl}公安局副局长赵六二。",
    "组 长:{deputy}张大山;副 组 长:{lvl}水务局局长李小河、{lvl}财政局局长王五一;成 员:{lvl}公安局副局长赵六二.",
    "领导小组组长：张大山（{deputy}）；副组长：李小河（{lvl}水务局局长）、王五一（{lvl}财政局局长）；成员：赵六二（{lvl}公安局副局长）。",
])
def test_several_roles_on_one_line(lvl: str, line: str) -> None:
    deputy, gov = GOV[lvl]
    body = f"甲{lvl}河湖治理工作领导小组"
    text = f"甲{lvl}人民政府办公室关于成立{body}的通知\n\n各有关单位：\n\n" + line.format(lvl=lvl, deputy=deputy) + "\n"
    got = facts(text)
    assert {(f[1], f[3]) for f in got if f[0] == "成员"} == {
        ("张大山", "组长"), ("李小河", "副组长"), ("王五一", "副组长"), ("赵六二", "成员")}
    assert ("任职", "张大山", gov, deputy) in got
    assert ("任职", "赵六二", f"{lvl}公安局", "副局长") in got
    assert not any(f[0] == "任职" and "：" in f[2] for f in got)
