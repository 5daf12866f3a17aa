"""Fixtures for the graph tests: the seed graph of `seed_graph.py`, built once."""

from __future__ import annotations

import pytest
from seed_graph import ASSERTIONS, DOCUMENTS

from graph.build import GraphBuild, build_graph
from graph.records import Assertion, DocumentInfo


@pytest.fixture(scope="session")
def seed_assertions() -> list[Assertion]:
    return list(ASSERTIONS)


@pytest.fixture(scope="session")
def seed_documents() -> list[DocumentInfo]:
    return list(DOCUMENTS)


@pytest.fixture(scope="session")
def seed_build() -> GraphBuild:
    return build_graph(ASSERTIONS, DOCUMENTS)
