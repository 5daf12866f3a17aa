"""graph.build: assertions -> one MultiDiGraph; each fact once, posts apart from holders."""

from __future__ import annotations

import random
from dataclasses import replace

import networkx as nx
import pytest
from seed_graph import APPOINT, ASSERTIONS, DOCUMENTS, FORCE, NDRC, WORK

from graph.build import GraphBuild, build_graph, label_counts, sort_assertions
from graph.model import SCHEMA
from graph.records import Assertion, make_id


def _edges(b: GraphBuild, rtype: str) -> list[tuple[str, str, dict]]:
    g = b.graph
    return [(g.nodes[u]["name"], g.nodes[v]["name"], d) for u, v, d in g.edges(data=True) if d["type"] == rtype]


def _as_data(g: nx.MultiDiGraph) -> tuple[list, list]:
    return list(g.nodes(data=True)), list(g.edges(keys=True, data=True))


def test_build_every_node_and_edge_is_in_the_schema(seed_build: GraphBuild) -> None:
    g = seed_build.graph
    assert seed_build.problems == []
    for _, data in g.nodes(data=True):
        assert set(data) == {"label", "id"} | set(SCHEMA.nodes[data["label"]].properties)
    for u, v, key, data in g.edges(keys=True, data=True):
        rel = SCHEMA.relationships[data["type"]]
        assert g.nodes[u]["label"] in rel.sources and g.nodes[v]["label"] in rel.targets
        assert set(data) == {"type", "id"} | set(SCHEMA.rel_properties(data["type"]))
        assert key == data["id"]


def test_build_one_fact_with_all_its_documents(seed_build: GraphBuild) -> None:
    [(person, post, holds)] = [e for e in _edges(seed_build, "HOLDS") if e[0] == "武跃飞"]
    assert post == "市人民政府副市长"
    assert holds["doc_numbers"] == [FORCE, WORK]  # earliest first
    assert holds["date"] == "2023-08-01" and holds["valid_from"] == "2023-08-01"
    assert holds["evidence"] == "组 长：武跃飞 市委常委、副市长"
    assert holds["source"].endswith(":2874")
    assert holds["status"] == "unknown"  # stated in a list, never appointed: not "current"


def test_build_resolved_ids_and_names_are_used(seed_build: GraphBuild) -> None:
    g = seed_build.graph
    ndrc = make_id("Organization", NDRC)
    assert g.nodes[ndrc]["name"] == NDRC and g.nodes[ndrc]["aliases"] == ["市发改委"]
    assert {g.nodes[u]["name"] for u, _, d in g.in_edges(ndrc, data=True)} == {"武跃飞", "朔州市能源产业“五个一体化”融合发展工作专班", f"{NDRC}主任"}


def test_build_post_apart_from_holder(seed_build: GraphBuild) -> None:
    g = seed_build.graph
    post = make_id("Post", make_id("Organization", "市能源局"), "局长")
    assert dict(g.nodes[post]) == {"label": "Post", "id": post, "name": "市能源局局长", "title": "局长",
                                   "organization": "市能源局", "place": "朔州市"}
    assert [d["type"] for _, _, d in g.out_edges(post, data=True)] == ["POST_IN"]


def test_build_appointments_start_and_end_holdings(seed_build: GraphBuild) -> None:
    holds = {(s, o): d for s, o, d in _edges(seed_build, "HOLDS")}
    lei = holds[("雷惊春", "朔州市艺术研究院院长")]
    assert (lei["status"], lei["valid_from"], lei["valid_to"]) == ("current", "2023-08-08", None)
    old = holds[("雷惊春", "朔州市艺术研究院副院长")]
    assert (old["status"], old["valid_from"], old["valid_to"]) == ("ended", None, "2023-08-08")
    g = seed_build.graph
    apps = [d for _, d in g.nodes(data=True) if d["label"] == "Appointment"]
    assert sorted((a["action"], a["probation"]) for a in apps) == [
        ("appoint", True), ("appoint", True), ("remove", None), ("remove", None)]
    assert {a["decided_on"] for a in apps} == {"2023-08-07"} and {a["doc"] for a in apps} == {APPOINT}
    for app_id in (n for n, d in g.nodes(data=True) if d["label"] == "Appointment"):
        assert sorted(d["type"] for _, _, d in g.out_edges(app_id, data=True)) == [
            "ANNOUNCED_IN", "OF_PERSON", "TO_POST"]


@pytest.mark.parametrize("events, expected", [
    ([("任职", "2023-01-01")], ("unknown", "2023-01-01", None)),
    ([("任命", "2023-03-01")], ("current", "2023-03-01", None)),
    ([("免去", "2023-05-01")], ("ended", None, "2023-05-01")),
    ([("任职", "2023-01-01"), ("免去", "2023-05-01")], ("ended", "2023-01-01", "2023-05-01")),
    ([("任命", "2023-03-01"), ("免去", "2023-05-01")], ("ended", "2023-03-01", "2023-05-01")),
    ([("任命", "2023-03-01"), ("任职", "2023-04-01")], ("current", "2023-03-01", None)),
    ([("任职", "2023-01-01"), ("任命", "2023-03-01")], ("current", "2023-03-01", None)),
    ([("免去", "2023-05-01"), ("任命", "2023-07-01")], ("current", "2023-07-01", None)),
    ([("免去", "2023-05-01"), ("任职", "2023-08-01")], ("unknown", "2023-08-01", None)),
])
def test_build_holding_timeline(events: list[tuple[str, str]], expected: tuple) -> None:
    assertions = [
        Assertion(rel=rel, type="HOLDS", s="温贵", s_type="Person", o="朔州市政府驻京联络处", o_type="Organization",
                  doc=f"D{i}", doc_id=f"Document-{i}", date=date, evidence="…", source="x.txt", line=i,
                  position="主任")
        for i, (rel, date) in enumerate(events)
    ]
    random.Random(1).shuffle(assertions)
    [(_, _, holds)] = _edges(build_graph(assertions), "HOLDS")
    assert (holds["status"], holds["valid_from"], holds["valid_to"]) == expected


def test_build_responsibilities_are_current_from_the_notice_that_sets_them(seed_build: GraphBuild) -> None:
    # a 分工 notice and a notice setting up a body put their facts in force; nothing later ends them
    for _, _, d in _edges(seed_build, "IN_CHARGE_OF") + _edges(seed_build, "MEMBER_OF"):
        assert d["status"] == "current" and d["valid_from"] == d["date"] and d["valid_to"] is None
    for _, _, d in _edges(seed_build, "POST_IN"):
        assert d["status"] is None  # structure, not a fact in time


def test_build_task_node_for_leads() -> None:
    a = Assertion(rel="牵头", type="LEADS", s="市发改委", s_type="Organization", o="制定全市能源产业发展规划",
                  o_type="Task", doc="D", doc_id="Document-1", date="2023-01-01", evidence="…", source="x", line=1)
    g = build_graph([a]).graph
    assert sorted(label_counts(g).items()) == sorted({**{k: 0 for k in SCHEMA.nodes}, "Organization": 1,
                                                      "Task": 1, "Document": 1}.items())


def test_build_reports_what_the_schema_does_not_allow() -> None:
    bad = Assertion(rel="联系", type="LIAISES_WITH", s="刘亮", s_type="Person", o="市科协", o_type="Area",
                    doc="D", doc_id="Document-1", date=None, evidence="…", source="x.txt", line=7)
    unknown = replace(bad, rel="监督", type="SUPERVISES", o_type="Organization")
    b = build_graph([bad, unknown])
    assert len(b.problems) == 2 and all(p.startswith("x.txt:7:") for p in b.problems)
    assert label_counts(b.graph)["Person"] == 0  # nothing half-built


def test_build_does_not_depend_on_input_order(seed_build: GraphBuild) -> None:
    shuffled = list(ASSERTIONS)
    random.Random(7).shuffle(shuffled)
    again = build_graph(shuffled, list(reversed(DOCUMENTS)))
    assert _as_data(again.graph) == _as_data(seed_build.graph)


def test_build_twice_is_identical(seed_build: GraphBuild) -> None:
    assert _as_data(build_graph(ASSERTIONS, DOCUMENTS).graph) == _as_data(seed_build.graph)


def test_build_duplicate_assertion_changes_nothing(seed_build: GraphBuild) -> None:
    assert _as_data(build_graph(ASSERTIONS + ASSERTIONS[:5], DOCUMENTS).graph) == _as_data(seed_build.graph)


def test_build_ties_on_place_are_broken_by_every_field() -> None:
    a = ASSERTIONS[3]
    twins = [replace(a, s_id="Person-1", s_name="武跃飞"), replace(a, s_id="Person-2", s_name="武跃飞")]
    assert sort_assertions(twins) == sort_assertions(list(reversed(twins)))
    assert _as_data(build_graph(twins).graph) == _as_data(build_graph(list(reversed(twins))).graph)
