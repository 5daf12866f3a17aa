"""Fixtures for the explorer's tests: a store built once from the seed gazette, in a temp folder.

Pages read the store named by `GOVKG_STORE`, so each test points the app at this one and
no test touches the developer's `.govkg/`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pytest
from app_support import build_seed_store, build_three_cities_store

@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_seed_store(tmp_path_factory.mktemp("app") / "store")


@pytest.fixture(scope="session")
def cities_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The store `govkg build tests/fixtures/three_cities/` writes (three invented cities;
    sources as absolute paths, as a server would hold them)."""
    return build_three_cities_store(tmp_path_factory.mktemp("three-cities") / "store")


@pytest.fixture()
def app_env(seed_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The app pointed at the seed store, uploads kept in a temp folder."""
    monkeypatch.setenv("GOVKG_STORE", str(seed_store))
    monkeypatch.setenv("GOVKG_UPLOADS", str(tmp_path / "uploads"))
    yield seed_store


@pytest.fixture(scope="session")
def seed_view(seed_store: Path):  # type: ignore[no-untyped-def]
    from graph.folder import StoreFolder

    with StoreFolder(seed_store).view() as view:
        yield view


@pytest.fixture(scope="session")
def ids(seed_view) -> "IdLookup":  # type: ignore[no-untyped-def]
    return IdLookup(seed_view)


class IdLookup:
    """Entity ids by name, as the query library links them."""

    def __init__(self, view) -> None:  # type: ignore[no-untyped-def]
        from queries.linker import catalogue

        self.cat = catalogue(view)

    def __call__(self, name: str, label: str | None = None) -> str:
        found = self.cat.link(name, [label] if label else None, limit=1)
        assert found, f"no entity named {name}"
        return found[0].entity.id


os.environ.setdefault("STREAMLIT_BROWSER_GATHER_USAGE_STATS", "false")
