"""The store contract on the real seed gazette: every store answers every question alike.

The seed gazette is extracted and resolved as `govkg build` does; then every named query
is asked for every organisation, task force, person and document in the graph, on
networkx, LadybugDB and Neo4j, and the answers must be identical.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

from graph.build import GraphBuild, build_graph
from graph.contract import QUERIES
from graph.stores import GraphView, open_store

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "gazettes" / "shuozhou-2023-04.txt"


@pytest.fixture(scope="module")
def seed_graph() -> GraphBuild:
    from extract.pipeline import extract_paths
    from graph.resolve import resolve

    result = extract_paths([str(SEED)])
    assertions, _ = resolve(result.assertions, result.documents)
    return build_graph(assertions, result.documents)


def _questions(b: GraphBuild) -> list[tuple[str, dict[str, Any]]]:
    g = b.graph
    names = {label: sorted({d["name"] for _, d in g.nodes(data=True) if d["label"] == label})
             for label in ("Organization", "TaskForce", "Person")}
    ids = {label: sorted(n for n, d in g.nodes(data=True) if d["label"] == label)
           for label in ("Organization", "TaskForce", "Person")}
    numbers = sorted({d["number"] for _, d in g.nodes(data=True) if d["label"] == "Document" and d["number"]})
    kinds = sorted({d["kind"] for _, d in g.nodes(data=True) if d["label"] == "TaskForce" and d["kind"]})
    questions: list[tuple[str, dict[str, Any]]] = [("label_counts", {}), ("type_counts", {})]
    questions += [("ids_of", {"label": label, "name": n}) for label in names for n in names[label]]
    questions += [("supervisors_of", {"org": n}) for n in ids["Organization"]]
    questions += [("members_of", {"task_force": n}) for n in ids["TaskForce"]]
    questions += [("task_force_members", {"kind": k}) for k in kinds]
    questions += [("posts_of", {"person": n}) for n in ids["Person"]]
    questions += [("appointments_in", {"number": n}) for n in numbers]
    finance = [n for n in ids["Organization"] if g.nodes[n]["name"] == "市财政局"]
    questions += [("distance_between", {"a": a, "b": b}) for a in ids["Person"][:6] for b in finance]
    assert {q for q, _ in questions} == set(QUERIES)
    return questions


@pytest.fixture(scope="module")
def reference_answers(seed_graph: GraphBuild) -> dict[str, list]:
    store = open_store("networkx")
    store.write(seed_graph.graph)
    with store.view() as view:
        return {repr(q): view.query(*q) for q in _questions(seed_graph)}


@pytest.fixture(scope="module", params=[
    pytest.param("ladybug", id="ladybug"),
    pytest.param("neo4j", id="neo4j", marks=pytest.mark.neo4j),
])
def seed_view(request: pytest.FixtureRequest, seed_graph: GraphBuild,
              tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphView]:
    if request.param == "ladybug":
        store = open_store("ladybug", path=tmp_path_factory.mktemp("seed") / "graph.lbug")
        store.write(seed_graph.graph)
    else:
        store = open_store("neo4j", **request.getfixturevalue("neo4j_server"))
        store.write(seed_graph.graph, replace=True)  # type: ignore[call-arg]
    with store.view() as view:
        yield view
    store.close()


def test_store_contract_seed_graph_is_not_empty(seed_graph: GraphBuild) -> None:
    assert seed_graph.graph.number_of_edges() > 300
    assert len(_questions(seed_graph)) > 200


def test_store_contract_seed_same_answers(seed_graph: GraphBuild, seed_view: GraphView,
                                          reference_answers: dict[str, list]) -> None:
    different = [q for q in _questions(seed_graph) if seed_view.query(*q) != reference_answers[repr(q)]]
    assert different == []
    [org] = reference_answers[repr(("ids_of", {"label": "Organization", "name": "市财政局"}))]
    assert reference_answers[repr(("supervisors_of", {"org": org[0]}))] == [("武跃飞", "IN_CHARGE_OF")]
