"""One contract, every store: the same named queries give the same answers on networkx,
LadybugDB and Neo4j (nomenklatura's `tests/store/test_stores.py` pattern)."""

from __future__ import annotations

from typing import Any, Iterator

import pytest
from seed_graph import APPOINT, EXPECTED, TASK_FORCE, by_id

from graph import contract
from graph.build import GraphBuild
from graph.stores import GraphView, open_store

BACKENDS = [
    pytest.param("networkx", id="networkx"),
    pytest.param("ladybug", id="ladybug"),
    pytest.param("neo4j", id="neo4j", marks=pytest.mark.neo4j),
]


@pytest.fixture(scope="module", params=BACKENDS)
def view(request: pytest.FixtureRequest, seed_build: GraphBuild,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphView]:
    options: dict[str, Any] = {}
    if request.param == "ladybug":
        options["path"] = tmp_path_factory.mktemp("contract") / "graph.lbug"
    if request.param == "neo4j":
        options.update(request.getfixturevalue("neo4j_server"))
    store = open_store(request.param, **options)
    if request.param == "neo4j":
        store.write(seed_build.graph, replace=True)  # type: ignore[call-arg]
    else:
        store.write(seed_build.graph)
    with store.view() as v:
        yield v
    store.close()


@pytest.fixture(scope="module")
def reference(seed_build: GraphBuild) -> GraphView:
    store = open_store("networkx")
    store.write(seed_build.graph)
    return store.view()


@pytest.mark.parametrize("name", list(EXPECTED))
def test_store_contract_expected_answers(view: GraphView, name: str) -> None:
    params, expected = EXPECTED[name]
    assert view.query(name, by_id(view, name, params)) == expected


@pytest.mark.parametrize("name, params", [
    ("supervisors_of", {"org": "市能源局"}),
    ("supervisors_of", {"org": "市发展和改革委员会"}),
    ("supervisors_of", {"org": "没有这个单位"}),
    ("posts_of", {"person": "雷惊春"}),
    ("posts_of", {"person": "武跃飞"}),
    ("task_force_members", {"kind": "领导小组"}),
    ("appointments_in", {"number": "朔政办发〔2023〕26号"}),
    ("type_counts", {}),
    ("ids_of", {"label": "Organization", "name": "市财政局"}),
    ("ids_of", {"label": "", "name": "武跃飞"}),
    ("distance_between", {"a": "黄军", "b": "武跃飞"}),
    ("distance_between", {"a": "雷惊春", "b": "市财政局"}),
    ("distance_between", {"a": "薛拉格", "b": "没有这个人"}),
])
def test_store_contract_same_answer_as_networkx(view: GraphView, reference: GraphView, name: str,
                                                params: dict[str, Any]) -> None:
    assert view.query(name, by_id(view, name, params)) == reference.query(name, by_id(reference, name, params))


def test_store_contract_functions(view: GraphView) -> None:
    [org] = contract.ids_of(view, "Organization", "市财政局")
    assert contract.supervisors_of(view, org) == [("武跃飞", "IN_CHARGE_OF")]
    assert contract.supervisors_of(view, "市财政局") == []  # a name is no id
    [lei] = contract.ids_of(view, "Person", "雷惊春")
    assert contract.posts_of(view, lei) == [
        ("副院长", "朔州市艺术研究院", "ended", None, "2023-08-08"),
        ("院长", "朔州市艺术研究院", "current", "2023-08-08", None),
    ]
    assert {row[0] for row in contract.task_force_members(view, "工作专班")} == {TASK_FORCE}
    assert len(contract.appointments_in(view, APPOINT)) == 4
    [huang], [wu] = contract.ids_of(view, "", "黄军"), contract.ids_of(view, "Person", "武跃飞")
    assert contract.distance_between(view, huang, wu) == [(2,)]


def test_store_contract_every_query_is_covered() -> None:
    covered = set(EXPECTED) | {"type_counts", "distance_between", "ids_of"}
    assert covered == set(contract.QUERIES)
