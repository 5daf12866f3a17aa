"""Many places in one store, on every store: every entity knows its place, work areas are
per place, names are shown with their place, a place in the question narrows the answer and
without one answers are grouped by place.

The store is tests/fixtures/three_cities (云川市, 岭东市, 桐溪市, invented; what they state is
in tests/fixtures/three_cities_notices.py): a 市财政局 in each, 王建国 in 云川 and 桐溪 (two
people), 陈刚 in 云川 and 岭东.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import networkx as nx
import pytest

from graph.build import build_graph
from graph.stores import GraphView, open_store
from queries.answer import ask
from queries.display import candidate_line
from queries.linker import NotFound, catalogue, resolve_entity
from queries.named import run, within
from queries.orgs import overseers_of
from queries.people import leaders_of_area, posts_of

ROOT = Path(__file__).resolve().parents[2]
CITIES = ROOT / "tests" / "fixtures" / "three_cities"

@pytest.fixture(scope="module")
def view(cities_view: GraphView) -> GraphView:
    """Every test here asks the three-city store (conftest), on each store kind."""
    return cities_view


def _nodes(g: nx.MultiDiGraph, label: str, name: str) -> list[dict[str, Any]]:
    return [d for _, d in g.nodes(data=True) if d["label"] == label and d["name"] == name]


def test_places_every_entity_has_its_place(cities_graph: nx.MultiDiGraph) -> None:
    g = cities_graph
    for label in ("Person", "Organization", "TaskForce", "Area", "Post", "Document"):
        assert all(d.get("place") in ("云川市", "岭东市", "桐溪市") for _, d in g.nodes(data=True)
                   if d["label"] == label), label
    assert sorted(d["place"] for d in _nodes(g, "Person", "王建国")) == ["云川市", "桐溪市"]  # two people
    assert sorted(d["place"] for d in _nodes(g, "Person", "陈刚")) == ["云川市", "岭东市"]
    assert [d["place"] for d in _nodes(g, "TaskForce", "云川市优化营商环境工作专班")] == ["云川市"]
    assert [d["place"] for d in _nodes(g, "Organization", "国家统计局云川调查队")] == ["云川市"]


def test_places_areas_are_per_place(cities_graph: nx.MultiDiGraph) -> None:
    assert sorted(d["place"] for d in _nodes(cities_graph, "Area", "财政")) == ["云川市", "岭东市", "桐溪市"]


def test_places_entities_carry_their_place_in_every_store(view: GraphView) -> None:
    rows = run(view, "entities", {"labels": ["Area"]})
    assert sorted(r["place"] for r in rows if r["name"] == "财政") == ["云川市", "岭东市", "桐溪市"]
    cat = catalogue(view)
    assert cat.several_places and cat.store_places == cat.entity_places == {"云川市", "岭东市", "桐溪市"}
    for area in [e.ref for e in cat.entries if e.ref.label == "Area" and e.ref.name == "财政"]:
        leaders = {f.subject.name: f.subject.place for f in leaders_of_area(view, area)}
        assert set(leaders.values()) == {area.place}   # an area fact of one place is not another's


def test_places_a_body_lists_only_its_own_leaders(view: GraphView) -> None:
    for place, leader in (("岭东市", "黄志雄"), ("桐溪市", "钱卫东"), ("云川市", "李慧敏")):
        finance = resolve_entity(view, f"{place}财政局", ["Organization"])
        assert finance.place == place
        assert {f.subject.name for f in overseers_of(view, finance)} == {leader}


def test_places_linker_reads_a_place_in_front(view: GraphView) -> None:
    assert resolve_entity(view, "岭东市财政局", ["Organization"]).place == "岭东市"
    assert resolve_entity(view, "桐溪财政局", ["Organization"]).place == "桐溪市"
    assert resolve_entity(view, "桐溪王建国", ["Person"]).place == "桐溪市"
    with pytest.raises(NotFound) as err:
        resolve_entity(view, "王建国", ["Person"])
    assert "Person" not in str(err.value) and "人员" in str(err.value)
    with pytest.raises(NotFound):  # a place of no entity in the store names nothing here
        resolve_entity(view, "上海市财政局", ["Organization"])


def test_places_ambiguity_lines_show_type_place_and_a_telling_fact(view: GraphView) -> None:
    cat = catalogue(view)
    lines = sorted(candidate_line(view, m.entity) for m in cat.link("市财政局", ["Organization"]))
    assert "市财政局（机构） · 岭东市 · 分管: 黄志雄" in lines
    assert "桐溪市财政局（机构） · 分管: 钱卫东" in lines
    people = sorted(candidate_line(view, m.entity) for m in cat.link("王建国", ["Person"]))
    assert people == ["王建国（人员） · 云川市 · 职务: 云川市人民政府副市长",
                      "王建国（人员） · 桐溪市 · 职务: 桐溪市财政局局长"]


def test_places_without_a_place_answers_are_grouped_by_place(view: GraphView) -> None:
    a = ask(view, "谁分管市财政局？")
    assert not a.ambiguous
    assert [(g["place"], g["answers"]) for g in a.groups] == [
        ("云川市", ["李慧敏"]), ("岭东市", ["黄志雄"]), ("桐溪市", ["钱卫东"])]
    assert a.shown == ["李慧敏 · 云川市", "黄志雄 · 岭东市", "钱卫东 · 桐溪市"]
    assert a.message.splitlines()[0].startswith("云川市：")
    j = a.to_json()
    assert j["answers"] == ["李慧敏", "黄志雄", "钱卫东"] and j["places"] == ["云川市", "岭东市", "桐溪市"]
    mayors = ask(view, "市长是谁")
    assert {(g["place"], tuple(g["answers"])) for g in mayors.groups} == {
        ("云川市", ("赵立群",)), ("岭东市", ("陈海涛",)), ("桐溪市", ("周文静",))}
    areas = ask(view, "谁负责财政")
    assert [g["place"] for g in areas.groups] == ["云川市", "岭东市", "桐溪市"]
    assert "Organization" not in a.message and "Person" not in mayors.message


def test_places_a_place_in_the_question_narrows_the_answer(view: GraphView) -> None:
    for question, place, names in (("谁分管岭东市财政局", "岭东市", ["黄志雄"]),
                                   ("岭东的教育局谁分管", "岭东市", ["林晓燕"]),
                                   ("浙江桐溪市的教育局由谁分管？", "桐溪市", ["沈丽"])):
        a = ask(view, question)
        assert a.answers == names and not a.groups, question
        assert a.to_json()["entities"]["org"]["place"] == place
        assert all(e.source and ("lingdong" in e.source if place == "岭东市" else "tongxi" in e.source)
                   for e in a.evidence)


def test_places_within_narrows_every_named_query(view: GraphView) -> None:
    with within("桐溪市"):
        rows = run(view, "holders_of_titles", {"titles": ["市长"]})
    assert {r["s_name"] for r in rows} == {"周文静"}
    people = {e.ref.place: e.ref for e in catalogue(view).entries if e.ref.name == "王建国"}
    assert {f.object.place for f in posts_of(view, people["桐溪市"])} == {"桐溪市"}


def test_places_the_place_is_a_parameter_of_the_cypher_shown(view: GraphView) -> None:
    from queries.named import PLACE_COLUMNS, QUERIES, trace

    with trace() as entries, within("岭东市"):
        narrowed = run(view, "holders_of_titles", {"titles": ["市长"]})
        ask_rows = run(view, "appointments")
    assert [e.params["place"] for e in entries] == ["岭东市", "岭东市"]
    assert all("$place" in QUERIES[e.name].cypher for e in entries)
    everywhere = run(view, "holders_of_titles", {"titles": ["市长"]})
    assert narrowed == [r for r in everywhere if "岭东市" in (r["s_place"], r["o_place"])] and narrowed
    assert ask_rows == [r for r in run(view, "appointments") if "岭东市" in (r["person_place"], r["org_place"])]
    takes = {n for n, q in QUERIES.items() if set(q.columns) & set(PLACE_COLUMNS)}
    assert takes == {n for n, q in QUERIES.items() if "place" in q.params}
    a = ask(view, "岭东市市长是谁")
    assert any(q.params.get("place") == "岭东市" for q in a.queries), a.queries


def test_places_a_place_the_store_lacks_is_said_in_one_line(view: GraphView) -> None:
    for question in ("朔州市财政局谁分管", "上海市市长是谁"):
        a = ask(view, question)
        assert not a.answers and "\n" not in a.message and "没有理解" not in a.message, a.message
        assert a.message.startswith(f"库中没有{question[:3]}的文件") and "云川市、岭东市、桐溪市" in a.message
    assert ask(view, "云川市财政局谁分管").answers == ["李慧敏"]


def test_places_the_store_contract_asks_by_id(view: GraphView) -> None:
    from graph import contract

    ids = contract.ids_of(view, "Person", "王建国")  # two people, in 云川 and 桐溪
    assert len(ids) == 2
    posts = [contract.posts_of(view, i) for i in ids]
    assert all(posts) and posts[0] != posts[1]
    assert contract.posts_of(view, "王建国") == []  # a name is no id


def test_places_tasks_carry_their_place() -> None:
    """A task (工作任务) is its document's place's: the same words in two cities are two tasks."""
    from dataclasses import replace

    from extract.pipeline import extract_paths
    from graph.records import Assertion
    from graph.resolve import resolve

    result = extract_paths([str(p) for p in sorted(CITIES.iterdir())], progress=False)
    docs = {d.doc_id: d for d in result.documents}
    lead = Assertion(rel="牵头", type="LEADS", s="市财政局", s_type="Organization", o="统筹推进预算绩效管理",
                     o_type="Task", doc="", doc_id="", date="2023-01-01", evidence="…", source="x", line=1)
    tasks = [replace(lead, doc=d.number or d.name, doc_id=d.doc_id) for d in docs.values()
             if "lingdong" in (d.source or "") or "tongxi" in (d.source or "")]
    assertions, _ = resolve(result.assertions + tasks, result.documents)
    g = build_graph(assertions, result.documents).graph
    placed = sorted(d.get("place") for _, d in g.nodes(data=True) if d["label"] == "Task")
    assert placed == ["岭东市", "桐溪市"], placed
