"""The store contract in time: who 分管 a body and who sits on a task force are the newest
state on every store (a later 分工 notice or member list ends the earlier facts), while
`posts_of` stays a history with each post's status and dates."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Iterator

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from as_of_notices import CITY_TASK_FORCE, as_of_records  # noqa: E402

from graph import contract  # noqa: E402
from graph.build import GraphBuild, build_graph  # noqa: E402
from graph.stores import GraphView, open_store  # noqa: E402

BACKENDS = [
    pytest.param("networkx", id="networkx"),
    pytest.param("ladybug", id="ladybug"),
    pytest.param("neo4j", id="neo4j", marks=pytest.mark.neo4j),
]


@pytest.fixture(scope="module")
def city() -> GraphBuild:
    return build_graph(*as_of_records())


@pytest.fixture(scope="module", params=BACKENDS)
def view(request: pytest.FixtureRequest, city: GraphBuild, tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphView]:
    options: dict[str, Any] = {}
    if request.param == "ladybug":
        options["path"] = tmp_path_factory.mktemp("contract-as-of") / "graph.lbug"
    if request.param == "neo4j":
        options.update(request.getfixturevalue("neo4j_server"))
    store = open_store(request.param, **options)
    if request.param == "neo4j":
        store.write(city.graph, replace=True)  # type: ignore[call-arg]
    else:
        store.write(city.graph)
    with store.view() as v:
        yield v
    store.close()


def test_store_contract_as_of_supervisors_are_the_newest(view: GraphView) -> None:
    [finance], [statistics] = (contract.ids_of(view, "Organization", n) for n in ("市财政局", "市统计局"))
    assert contract.supervisors_of(view, finance) == [("王志刚", "IN_CHARGE_OF")]
    assert contract.supervisors_of(view, statistics) == [("李文博", "IN_CHARGE_OF")]


def test_store_contract_as_of_members_after_a_replacement(view: GraphView) -> None:
    members = [("王志刚", "组长"), ("郑晓东", "成员"), ("钱立新", "副组长"), ("陈嘉明", "办公室主任"), ("陈嘉明", "成员")]
    [task_force] = contract.ids_of(view, "TaskForce", CITY_TASK_FORCE)
    assert contract.members_of(view, task_force) == members
    assert contract.task_force_members(view, "工作专班") == [(CITY_TASK_FORCE, *m) for m in members]


def test_store_contract_as_of_posts_stay_a_history(view: GraphView) -> None:
    [wu] = contract.ids_of(view, "Person", "吴海峰")
    assert contract.posts_of(view, wu) == [("主任", "市发展和改革委员会", "unknown", "2023-02-01", None)]
