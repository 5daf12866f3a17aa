"""Fixtures for the query tests: the seed gazette extracted and built once per session,
and a read-only view of it on every store (networkx, LadybugDB, Neo4j)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import networkx as nx
import pytest

from graph.build import build_graph
from graph.records import Assertion, DocumentInfo
from graph.stores import GraphView, open_store

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "gazettes" / "shuozhou-2023-04.txt"
CITIES = ROOT / "tests" / "fixtures" / "three_cities"

BACKENDS = [
    pytest.param("networkx", id="networkx"),
    pytest.param("ladybug", id="ladybug"),
    pytest.param("neo4j", id="neo4j", marks=pytest.mark.neo4j),
]


@pytest.fixture(scope="session")
def seed_records() -> tuple[list[Assertion], list[DocumentInfo]]:
    """The seed gazette's resolved assertions and documents, as `govkg build` makes them."""
    from extract.pipeline import extract_paths
    from graph.resolve import resolve

    result = extract_paths([str(SEED)], progress=False)
    assertions, _ = resolve(result.assertions, result.documents)
    return assertions, result.documents


@pytest.fixture(scope="session")
def seed_graph(seed_records: tuple[list[Assertion], list[DocumentInfo]]) -> nx.MultiDiGraph:
    return build_graph(*seed_records).graph


@pytest.fixture(scope="session")
def seed_store(seed_records: tuple[list[Assertion], list[DocumentInfo]],
               tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store folder (.govkg layout) of the seed gazette, for the command-line tests."""
    from graph.folder import write_store

    path = tmp_path_factory.mktemp("queries") / "store"
    write_store(path, *seed_records)
    return path


@pytest.fixture(scope="session")
def reference(seed_graph: nx.MultiDiGraph) -> GraphView:
    """The networkx view: what every other store must answer alike."""
    store = open_store("networkx")
    store.write(seed_graph)
    return store.view()


def _store_view(request: pytest.FixtureRequest, graph: nx.MultiDiGraph,
                tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphView]:
    """A read-only view of `graph` written to the store `request.param` names."""
    options: dict[str, Any] = {}
    if request.param == "ladybug":
        options["path"] = tmp_path_factory.mktemp("queries-ladybug") / "graph.lbug"
    if request.param == "neo4j":
        options.update(request.getfixturevalue("neo4j_server"))
    store = open_store(request.param, **options)
    if request.param == "neo4j":
        store.write(graph, replace=True)  # type: ignore[call-arg]
    else:
        store.write(graph)
    with store.view() as v:
        yield v
    store.close()


@pytest.fixture(scope="module", params=BACKENDS)
def view(request: pytest.FixtureRequest, seed_graph: nx.MultiDiGraph,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphView]:
    yield from _store_view(request, seed_graph, tmp_path_factory)


def graph_of_folder(folder: Path) -> nx.MultiDiGraph:
    """The graph of every notice in a fixture folder: extracted, resolved and built."""
    from extract.pipeline import extract_paths
    from graph.resolve import resolve

    result = extract_paths([str(p) for p in sorted(folder.iterdir())], progress=False)
    assertions, _ = resolve(result.assertions, result.documents)
    return build_graph(assertions, result.documents).graph


@pytest.fixture(scope="session")
def cities_graph() -> nx.MultiDiGraph:
    """The invented store of three cities (tests/fixtures/three_cities), built once."""
    return graph_of_folder(CITIES)


@pytest.fixture(scope="module", params=BACKENDS)
def cities_view(request: pytest.FixtureRequest, cities_graph: nx.MultiDiGraph,
                tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphView]:
    yield from _store_view(request, cities_graph, tmp_path_factory)
