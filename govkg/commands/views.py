"""Which graph a reading command asks: the store folder's LadybugDB, or Neo4j when given."""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["open_view"]


def open_view(store: Path | None, neo4j: str | None, user: str, password: str | None,
              database: str | None) -> Any:
    """A read-only view: Neo4j at `neo4j` unless a `store` folder is named, else the store
    (`.govkg` by default). Use it as a context manager."""
    if neo4j and store is None:
        from graph.stores.neo4j_store import Neo4jView

        return Neo4jView(neo4j, user, password, database)
    from graph.folder import DEFAULT_STORE, StoreFolder

    return StoreFolder(store or DEFAULT_STORE).view()
