"""Stores by name: networkx (in memory), ladybug (embedded, the default), neo4j (over Bolt).

Backends are imported only when asked for, so a missing optional driver breaks only its
own backend (as rdflib's plugin registry does).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from graph.stores.base import (CypherView, GraphView, GraphWriter, ReadOnlyError, Result,
                               StoreError, WriteReport)

__all__ = ["BACKENDS", "DEFAULT_BACKEND", "open_store", "GraphWriter", "GraphView", "CypherView",
           "Result", "WriteReport", "StoreError", "ReadOnlyError"]

BACKENDS: dict[str, str] = {
    "networkx": "graph.stores.networkx_store:NetworkxStore",
    "ladybug": "graph.stores.ladybug_store:LadybugStore",
    "neo4j": "graph.stores.neo4j_store:Neo4jStore",
}
DEFAULT_BACKEND = "ladybug"


def open_store(backend: str = DEFAULT_BACKEND, **options: Any) -> GraphWriter:
    """A store's writer by backend name; `options` go to its constructor."""
    try:
        module_name, class_name = BACKENDS[backend].split(":")
    except KeyError:
        raise StoreError(f"unknown store backend {backend!r}; choose one of {', '.join(BACKENDS)}") from None
    try:
        module = import_module(module_name)
    except ImportError as exc:
        raise StoreError(f"the {backend} backend needs a package that is not installed: {exc}") from exc
    return getattr(module, class_name)(**options)
