"""Fixtures for the reliability tests: the seed store as `govkg build` writes it."""

from __future__ import annotations

from pathlib import Path

import pytest
from reliability_support import SEED


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The store `govkg build data/gazettes/shuozhou-2023-04.txt` writes (built in-process)."""
    from extract.pipeline import extract_paths
    from graph.folder import write_store
    from graph.resolve import resolve

    path = tmp_path_factory.mktemp("reliability") / "store"
    result = extract_paths([str(SEED)])
    assertions, _ = resolve(result.assertions, result.documents)
    write_store(path, assertions, result.documents)
    return path


@pytest.fixture()
def neo4j_seed(neo4j_server: dict[str, str], seed_store: Path) -> dict[str, str]:
    """The shared Neo4j server holding the seed store's graph (replacing what was there)."""
    from graph.folder import StoreFolder
    from graph.stores.neo4j_store import Neo4jStore

    target = Neo4jStore(**neo4j_server)
    target.write(StoreFolder(seed_store).graph().graph, replace=True)
    target.close()
    return neo4j_server
