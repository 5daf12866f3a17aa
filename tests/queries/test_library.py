"""The query functions, store first, records with evidence, on every store."""

from __future__ import annotations

from graph.stores import GraphView
from queries.appointments import appointments
from queries.chains import area_bodies, responsibility_chain
from queries.orgs import heads_of, holders_at, leaders_of, overseers_of, task_forces_of_org
from queries.paths import paths_between
from queries.people import duties_of, leaders_of_area, portfolio_of, posts_of, task_forces_of_person
from queries.records import to_frame
from queries.task_forces import (leads_of, members_of, membership_counts, office_of, shared_task_forces,
                                 subgroups_of, task_force_overlaps, units_of)
from queries.types import LIAISON

ENERGY = "朔州市能源产业“五个一体化”融合发展工作专班"
CHARGING = "朔州市充（换）电基础设施建设工作专班"
MARKET = "朔州市建设高标准市场体系工作专班"


def test_library_leaders_of_an_organisation(view: GraphView) -> None:
    facts = leaders_of(view, "市能源局")
    assert [(f.subject.name, f.type, f.role) for f in facts] == [
        ("黄军", "HOLDS", "局长"), ("尹志胜", "HOLDS", "副局长"), ("刘亮", "IN_CHARGE_OF", None)]
    assert all(f.evidence.doc and f.evidence.sentence and f.evidence.date for f in facts)
    assert [f.subject.name for f in overseers_of(view, "市消防救援支队", LIAISON)] == ["武跃飞"]
    assert [f.subject.name for f in heads_of(view, "市发改委")] == ["刘红宇"]
    assert {f.subject.name for f in holders_at(view, "朔州市艺术研究院")} == {"雷惊春"}
    assert [f.status for f in holders_at(view, "朔州市艺术研究院")] == ["current", "ended"]


def test_library_task_forces_an_organisation_sits_in_or_hosts(view: GraphView) -> None:
    facts = task_forces_of_org(view, "市能源局")
    own = {(f.type, f.object.name if f.type != "OFFICE_AT" else f.subject.name) for f in facts if f.note is None}
    assert ("OFFICE_AT", CHARGING) in own and ("UNIT_OF", "能源领域专项工作组") in own
    via_staff = {(f.subject.name, f.object.name, f.note) for f in facts if f.note}
    assert ("黄军", ENERGY, "市能源局局长") in via_staff


def test_library_portfolio_of_a_person(view: GraphView) -> None:
    pf = portfolio_of(view, "武跃飞")
    assert {f.role for f in pf.posts} == {"副市长", "市委常委"}
    assert {"财政", "消防", "统计"} <= {f.object.name for f in pf.areas}
    assert {"市财政局", "市统计局", "市发展和改革委员会"} <= {f.object.name for f in pf.supervises}
    assert {"市税务局", "市审计局"} <= {f.object.name for f in pf.liaises}
    assert {f.object.name for f in pf.task_forces} == {ENERGY, MARKET}
    assert pf.appointments == []
    assert [(r.action, r.title) for r in portfolio_of(view, "雷惊春").appointments] == [
        ("remove", "副院长"), ("appoint", "院长")]


def test_library_people_and_areas(view: GraphView) -> None:
    assert [f.subject.name for f in leaders_of_area(view, "招商引资")] == ["李润军"]
    assert {f.object.name for f in duties_of(view, "袁小波", ("DIRECTS",))} == {"市公安局", "市公安局交警支队"}
    assert [(f.object.name, f.role) for f in task_forces_of_person(view, "田东")] == [
        ("朔州市推进和保障万家寨引黄北干支线工程领导小组", "组长")]
    assert task_forces_of_person(view, "黄军", "领导小组") == []
    assert [(f.object.name, f.role, f.status) for f in posts_of(view, "温贵")] == [
        ("朔州机场建设管理有限公司", "董事长", "current"), ("朔州市政府驻京联络处", "主任", "ended")]
    assert [f.object.name for f in posts_of(view, "温贵", as_of="2023-06-01")] == ["朔州市政府驻京联络处"]


def test_library_task_forces(view: GraphView) -> None:
    members = members_of(view, "五个一体化专班")
    assert [(f.subject.name, f.role) for f in members[:4]] == [
        ("武跃飞", "组长"), ("刘亮", "组长"), ("刘红宇", "副组长"), ("黄军", "副组长")]
    assert {f.subject.name for f in members_of(view, MARKET, ("办公室主任",))} == {"刘红宇"}
    assert [f.object.name for f in office_of(view, ENERGY)] == ["市发展和改革委员会"]
    assert len([f for f in subgroups_of(view, MARKET) if f.subject.name == MARKET]) == 13
    assert [f.subject.name for f in subgroups_of(view, "能源领域专项工作组")] == [MARKET]
    assert {f.subject.name for f in units_of(view, "能源领域专项工作组")} == {"市能源局", "市发展和改革委员会", "市国资委"}
    assert [(f.subject.name, f.role) for f in leads_of(view, "能源领域专项工作组")] == [("市能源局", "组长单位")]
    assert [(f.subject.name, f.type) for f in leads_of(view, "朔州市电子商务体系与快递物流配送体系贯通发展工作专班")] == [
        ("市商务局", "LEADS")]
    [(tf, facts)] = shared_task_forces(view, "武跃飞", "刘亮")
    assert tf.name == ENERGY and {(f.subject.name, f.role) for f in facts} == {("武跃飞", "组长"), ("刘亮", "组长")}


def test_library_group_counts_and_overlaps(view: GraphView) -> None:
    counts = membership_counts(view)
    assert (counts[0].person.name, counts[0].count) == ("杨秀峰", 4)
    assert all("分管" not in c.person.name for c in counts)  # persons named only by role left out
    assert {c.person.name: c.count for c in membership_counts(view, "领导小组")}["田东"] == 1
    overlaps = task_force_overlaps(view)
    assert {overlaps[0].a.name, overlaps[0].b.name} == {CHARGING, "朔州市电子商务体系与快递物流配送体系贯通发展工作专班"}
    assert set(overlaps[0].people) == {"仝存凯", "杨秀峰", "管学峰", "赵海峰", "金虎", "高才"}


def test_library_appointments_as_timelines(view: GraphView) -> None:
    by_doc = appointments(view, doc="朔政干发〔2023〕5号")
    assert {r.person.name for r in by_doc} == {"雷惊春", "郝建平", "徐维东", "董晓明", "薛拉格"}
    assert all(r.evidence.doc == "朔政干发〔2023〕5号" and r.date == "2023-08-08" and r.decided_on == "2023-08-07"
               for r in by_doc)
    airport = appointments(view, org="朔州机场建设管理有限公司")
    assert [(r.person.name, r.action) for r in airport] == [("孙义", "remove"), ("温贵", "appoint")]
    assert [r.describe() for r in appointments(view, person="温贵")] == [
        "2023-06-19 免去 温贵 朔州市政府驻京联络处主任", "2023-06-19 任命 温贵 朔州机场建设管理有限公司董事长"]
    assert [r.person.name for r in appointments(view, post="朔州市艺术研究院院长", action="appoint")] == ["雷惊春"]
    assert {r.person.name for r in appointments(view, as_of="2023-07-01")} == {"温贵", "孙义"}


def test_library_paths_between_entities(view: GraphView) -> None:
    paths = paths_between(view, "黄军", "武跃飞")
    assert [p.length for p in paths] == [2] and paths[0].nodes[1].name == ENERGY
    [direct] = paths_between(view, "武跃飞", "市财政局")
    assert direct.describe() == "武跃飞 —分管→ 市财政局"
    far = paths_between(view, "薛拉格", "刘亮")
    assert far and far[0].length <= 6 and all(f.evidence.doc for p in far for f in p.facts)
    assert paths_between(view, "黄军", "黄军") == []


def test_library_responsibility_chains(view: GraphView) -> None:
    chain = responsibility_chain(view, "市财政局")
    levels = [(s.level, s.entity.name) for s in chain.steps]
    assert levels[:3] == [("mayor", "吴秀玲"), ("leader", "武跃飞"), ("unit", "市财政局")]
    assert chain.steps[1].fact is not None and chain.steps[1].fact.inferred and "市长负责制" in (chain.steps[1].fact.note or "")
    assert ("deputy", "高才") in levels and any(level == "task_force" for level, _ in levels)
    fire = [(s.level, s.entity.name) for s in responsibility_chain(view, "消防").steps]
    assert fire[:4] == [("mayor", "吴秀玲"), ("leader", "武跃飞"), ("area", "消防"), ("unit", "市消防救援支队")]
    energy = [(s.level, s.entity.name) for s in responsibility_chain(view, "市能源局").steps]
    assert ("head", "黄军") in energy and ("leader", "刘亮") in energy
    wu = portfolio_of(view, "武跃飞").person
    fin = [f.object.name for f in area_bodies(view, wu, [a.object for a in portfolio_of(view, wu).areas
                                                         if a.object.name == "财政"][0])]
    assert fin == ["市财政局"]
    assert [s.level for s in responsibility_chain(view, "吴秀玲").steps] == ["mayor"]


def test_library_records_as_dataframes(view: GraphView) -> None:
    frame = to_frame(members_of(view, ENERGY))
    assert {"subject", "subject_id", "type", "object", "role", "doc", "date", "evidence"} <= set(frame.columns)
    assert set(frame["doc"]) == {"朔政办函〔2023〕43号"}
    apps = to_frame(appointments(view, doc="朔政干发〔2023〕4号"))
    assert list(apps["person"]) == ["孙义", "温贵", "温贵"] and set(apps["doc"]) == {"朔政干发〔2023〕4号"}
