"""Answers in time, on every store: without a day the newest state (a 分管 a later 分工
notice dropped, and members a later list replaced, are not answers), with `as_of` the
state on that day; listings of what was keep ended facts, marked with their valid_to.

The graph is built from the notices of tests/fixtures/as_of (临川市, invented): 李文博
分管 市财政局 until 2023-09-01, then 王志刚; 李文博 leads the 营商环境 task force and 吴海峰
sits on it until the list of 2023-10-01 names 王志刚 and 陈嘉明 instead.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Iterator

import networkx as nx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from as_of_notices import CITY_TASK_FORCE, as_of_records  # noqa: E402

from graph.build import build_graph  # noqa: E402
from graph.stores import GraphView, open_store  # noqa: E402
from queries.answer import ask  # noqa: E402
from queries.as_of import AsOfError, bind_as_of, parse_as_of  # noqa: E402
from queries.chains import responsibility_chain  # noqa: E402
from queries.named import QUERIES, run  # noqa: E402
from queries.orgs import holders_at, overseers_of, task_forces_of_org  # noqa: E402
from queries.paths import paths_between  # noqa: E402
from queries.people import duties_of, leaders_of_area, portfolio_of, task_forces_of_person  # noqa: E402
from queries.task_forces import (members_of, membership_counts, shared_task_forces,  # noqa: E402
                                 task_force_overlaps)

BACKENDS = [
    pytest.param("networkx", id="networkx"),
    pytest.param("ladybug", id="ladybug"),
    pytest.param("neo4j", id="neo4j", marks=pytest.mark.neo4j),
]
BEFORE = "2023-06-01"          # before both ends
FINANCE = "市财政局"


@pytest.fixture(scope="module")
def city_graph() -> nx.MultiDiGraph:
    return build_graph(*as_of_records()).graph


@pytest.fixture(scope="module", params=BACKENDS)
def view(request: pytest.FixtureRequest, city_graph: nx.MultiDiGraph,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphView]:
    options: dict[str, Any] = {}
    if request.param == "ladybug":
        options["path"] = tmp_path_factory.mktemp("as-of-ladybug") / "graph.lbug"
    if request.param == "neo4j":
        options.update(request.getfixturevalue("neo4j_server"))
    store = open_store(request.param, **options)
    if request.param == "neo4j":
        store.write(city_graph, replace=True)  # type: ignore[call-arg]
    else:
        store.write(city_graph)
    with store.view() as v:
        yield v
    store.close()


@pytest.fixture(scope="module")
def reference(city_graph: nx.MultiDiGraph) -> GraphView:
    store = open_store("networkx")
    store.write(city_graph)
    return store.view()


def test_as_of_fixture_has_ended_facts(city_graph: nx.MultiDiGraph) -> None:
    """What the tests below rely on: the build ended the superseded 分管 and seats."""
    ended = {(city_graph.nodes[u]["name"], d["type"], city_graph.nodes[v]["name"], d["valid_to"])
             for u, v, d in city_graph.edges(data=True) if d.get("status") == "ended"}
    assert ("李文博", "IN_CHARGE_OF", FINANCE, "2023-09-01") in ended
    assert ("吴海峰", "MEMBER_OF", CITY_TASK_FORCE, "2023-10-01") in ended


# -------------------------------------------------------------------- the day asked

@pytest.mark.parametrize("text, day", [
    ("2023-07-01", "2023-07-01"), (" 2023-7-1 ", "2023-07-01"), ("2023/07/01", "2023-07-01"),
    ("2023.7.1", "2023-07-01"), ("2023年7月1日", "2023-07-01"), ("2023-07", "2023-07-01"),
    ("2023年7月", "2023-07-01"), ("2023", "2023-01-01"), ("", None), (None, None),
])
def test_as_of_parse_reads_days_months_and_years(text: str | None, day: str | None) -> None:
    assert parse_as_of(text) == day


@pytest.mark.parametrize("text", ["2023-13-01", "2023-02-30", "07/01/2023", "20230701", "yesterday",
                                  "2023-07-01' OR 1=1", "2023-07年"])
def test_as_of_parse_refuses_what_is_no_day(text: str) -> None:
    with pytest.raises(AsOfError, match="YYYY-MM-DD"):
        parse_as_of(text)


@pytest.mark.parametrize("query, params, day, expected", [
    ("RETURN $as_of AS d", {}, "2023-06-01", {"as_of": "2023-06-01"}),
    ("RETURN $as_of AS d", {}, None, {"as_of": ""}),
    ("RETURN $as_of AS d", {"as_of": "x"}, "2023-06-01", {"as_of": "x"}),
    ("RETURN $as_offset AS d", {}, "2023-06-01", {}),
    ("RETURN 1", {"n": 1}, "2023-06-01", {"n": 1}),
])
def test_as_of_bind_only_where_the_query_names_it(query: str, params: dict, day: str | None, expected: dict) -> None:
    assert bind_as_of(query, params, day) == expected


def test_as_of_bad_day_is_refused_before_any_query(reference: GraphView) -> None:
    with pytest.raises(AsOfError):
        ask(reference, "谁分管市财政局", as_of="2023-99-01")
    with pytest.raises(AsOfError):
        overseers_of(reference, FINANCE, as_of="soon")


# -------------------------------------------------------------------- questions

@pytest.mark.parametrize("question, newest, before", [
    ("谁分管市财政局", ["王志刚"], ["李文博"]),
    ("李文博分管哪些单位", ["市统计局"], ["市统计局", "市财政局"]),
    ("负责财政工作的市领导是谁", ["王志刚"], ["李文博"]),
    (f"{CITY_TASK_FORCE}的成员有哪些", ["王志刚", "钱立新", "郑晓东", "陈嘉明"], ["李文博", "钱立新", "吴海峰", "郑晓东"]),
    (f"{CITY_TASK_FORCE}的组长是谁", ["王志刚"], ["李文博"]),
    (f"{CITY_TASK_FORCE}的办公室主任是谁", ["陈嘉明"], ["吴海峰"]),
    ("李文博参加了哪些工作专班", [], [CITY_TASK_FORCE]),
    ("李文博和吴海峰共同参加了哪些工作专班", [], [CITY_TASK_FORCE]),
    ("从市长到市财政局的责任链", ["张一鸣", "王志刚", FINANCE, "郑晓东", CITY_TASK_FORCE],
     ["张一鸣", "李文博", FINANCE, "郑晓东", CITY_TASK_FORCE]),
])
def test_as_of_ask_answers_the_newest_state_by_default(view: GraphView, question: str, newest: list[str],
                                                       before: list[str]) -> None:
    assert ask(view, question).answers == newest
    assert ask(view, question, as_of=BEFORE).answers == before


def test_as_of_ask_end_day_belongs_to_the_successor(view: GraphView) -> None:
    assert ask(view, "谁分管市财政局", as_of="2023-09-01").answers == ["王志刚"]
    assert ask(view, "谁分管市财政局", as_of="2023-08-31").answers == ["李文博"]
    assert ask(view, "谁分管市财政局", as_of="2022-12-31").answers == []  # before the first notice


def test_as_of_ask_months_mean_their_first_day(view: GraphView) -> None:
    answer = ask(view, "谁分管市财政局", as_of="2023-09")
    assert answer.as_of == "2023-09-01" and answer.answers == ["王志刚"]
    assert answer.to_json()["as_of"] == "2023-09-01"


def test_as_of_ask_names_what_ended_with_its_day(view: GraphView) -> None:
    answer = ask(view, "李文博参加了哪些工作专班")
    assert answer.answers == [] and f"曾：{CITY_TASK_FORCE}（组长，至2023-10-01）" in answer.message
    person = ask(view, "李文博")
    assert "分管/主管：市统计局" in person.message
    assert "已结束：李文博 —分管→ 市财政局（至2023-09-01）" in person.message
    assert "至2023-10-01" in person.message
    assert "已结束" not in ask(view, "李文博", as_of=BEFORE).message


def test_as_of_ask_cypher_shows_the_day(view: GraphView) -> None:
    answer = ask(view, "谁分管市财政局", as_of=BEFORE)
    assert answer.queries and all(q.params["as_of"] == BEFORE for q in answer.queries if "as_of" in q.params)
    assert all("$history" in q.cypher for q in answer.queries if "as_of" in q.params)


# -------------------------------------------------------------------- the typed queries

def _who(facts: list[Any]) -> list[str]:
    return [f.subject.name for f in facts]


def test_as_of_overseers_and_area_leaders(view: GraphView) -> None:
    assert _who(overseers_of(view, FINANCE)) == ["王志刚"]
    assert _who(overseers_of(view, FINANCE, as_of=BEFORE)) == ["李文博"]
    assert _who(leaders_of_area(view, "财政")) == ["王志刚"]
    assert _who(leaders_of_area(view, "财政", as_of=BEFORE)) == ["李文博"]


def test_as_of_a_fact_ended_later_is_current_on_the_day(view: GraphView) -> None:
    [fact] = overseers_of(view, FINANCE, as_of=BEFORE)
    assert (fact.status, fact.valid_to) == ("current", "2023-09-01")
    assert fact.is_current(BEFORE) and not fact.is_current("2023-09-01")


def test_as_of_duties_with_and_without_the_ended(view: GraphView) -> None:
    assert [f.object.name for f in duties_of(view, "李文博")] == ["统计", "市统计局"]
    every = duties_of(view, "李文博", include_ended=True)
    ended = [(f.object.name, f.status, f.valid_to) for f in every if not f.is_current()]
    assert sorted(ended) == [("市财政局", "ended", "2023-09-01"), ("财政", "ended", "2023-09-01")]


def test_as_of_members_after_a_replacement_are_the_new_ones(view: GraphView) -> None:
    assert sorted({f.subject.name for f in members_of(view, CITY_TASK_FORCE)}) == ["王志刚", "郑晓东", "钱立新", "陈嘉明"]
    assert sorted({f.subject.name for f in members_of(view, CITY_TASK_FORCE, as_of=BEFORE)}) == [
        "吴海峰", "李文博", "郑晓东", "钱立新"]
    history = members_of(view, CITY_TASK_FORCE, include_ended=True)
    assert [(f.subject.name, f.role, f.valid_to) for f in history if f.status == "ended"] == [
        ("李文博", "组长", "2023-10-01"), ("吴海峰", "成员", "2023-10-01"), ("吴海峰", "办公室主任", "2023-10-01")]
    assert all(f.status != "ended" for f in history[:5])  # the members now come first


def test_as_of_task_forces_of_people_and_bodies(view: GraphView) -> None:
    assert task_forces_of_person(view, "吴海峰") == []
    assert sorted(f.role for f in task_forces_of_person(view, "吴海峰", as_of=BEFORE)) == ["办公室主任", "成员"]
    assert shared_task_forces(view, "李文博", "吴海峰") == []
    assert [tf.name for tf, _ in shared_task_forces(view, "李文博", "吴海峰", as_of=BEFORE)] == [CITY_TASK_FORCE]
    staff = [f.subject.name for f in task_forces_of_org(view, "市发展和改革委员会") if f.note]
    assert staff == ["陈嘉明", "陈嘉明"]  # its 主任 now, on the body twice (成员, 办公室主任)
    assert {f.subject.name for f in task_forces_of_org(view, "市发展和改革委员会", as_of=BEFORE) if f.note} == {"吴海峰"}


def test_as_of_counts_and_overlaps(view: GraphView) -> None:
    assert {g.person.name for g in membership_counts(view)} == {"王志刚", "钱立新", "郑晓东", "陈嘉明"}
    assert {g.person.name for g in membership_counts(view, as_of=BEFORE)} == {"李文博", "钱立新", "吴海峰", "郑晓东"}
    assert task_force_overlaps(view) == []


def test_as_of_chain_and_paths(view: GraphView) -> None:
    chain = responsibility_chain(view, FINANCE)
    assert [(s.level, s.entity.name) for s in chain.steps][:3] == [
        ("mayor", "张一鸣"), ("leader", "王志刚"), ("unit", FINANCE)]
    assert [s.entity.name for s in responsibility_chain(view, FINANCE, as_of=BEFORE).steps][1] == "李文博"
    now = paths_between(view, "李文博", "吴海峰")
    assert now and all("李文博 —成员" not in p.describe() for p in now)  # not through the ended seats
    [then] = paths_between(view, "李文博", "吴海峰", as_of=BEFORE)
    assert then.describe() == f"李文博 —成员（组长）→ {CITY_TASK_FORCE} ←成员（办公室主任）— 吴海峰"


def test_as_of_portfolio_lists_what_ended(view: GraphView) -> None:
    pf = portfolio_of(view, "李文博")
    assert [f.object.name for f in pf.supervises] == ["市统计局"] and pf.task_forces == []
    assert sorted((f.object.name, f.valid_to) for f in pf.ended) == sorted([
        (FINANCE, "2023-09-01"), (CITY_TASK_FORCE, "2023-10-01"), ("财政", "2023-09-01")])
    assert all(f.describe().endswith("）") and "至2023-" in f.describe() for f in pf.ended)
    then = portfolio_of(view, "李文博", as_of=BEFORE)
    assert [f.object.name for f in then.supervises] == ["市统计局", FINANCE] and then.ended == []
    assert [f.object.name for f in then.task_forces] == [CITY_TASK_FORCE]


def test_as_of_holders_history_still_lists_everyone(view: GraphView) -> None:
    assert {f.subject.name for f in holders_at(view, "市发展和改革委员会")} == {"吴海峰", "陈嘉明"}
    assert {f.subject.name for f in holders_at(view, "市发展和改革委员会", as_of=BEFORE)} == {"吴海峰"}


# -------------------------------------------------------------------- named queries on every store

@pytest.mark.parametrize("name", sorted(n for n, q in QUERIES.items() if "history" in q.params))
def test_as_of_named_queries_same_rows_on_every_store(view: GraphView, reference: GraphView, name: str) -> None:
    ids = sorted(n for n in reference.graph.nodes)  # type: ignore[attr-defined]
    params = {"entities": {}, "leaders_of_org": {"orgs": ids, "types": ["IN_CHARGE_OF", "RESPONSIBLE_FOR"]},
              "leaders_of_area": {"types": ["RESPONSIBLE_FOR"]}, "duties_of_person": {"types": ["IN_CHARGE_OF"]},
              "unit_links": {"types": ["UNIT_OF", "LEADS"]}, "edges_out": {"ids": ids},
              "edges_in": {"ids": ids}, "subgroups": {"task_forces": ids},
              "posts_of_people": {"people": ids}, "holders_of_titles": {"titles": ["副市长", "主任", "局长"]}}
    base = params.get(name, {})
    for day in ("", BEFORE, "2023-09-01", "2023-12-31"):
        for history in (False, True):
            p = {**base, "as_of": day, "history": history}
            assert run(view, name, p) == run(reference, name, p), (name, p)
