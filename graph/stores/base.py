"""The contract every store keeps: a writer that loads a graph, a read-only view that answers.

As in nomenklatura (`store/base.py`), writing and reading are separate objects: a view can
only read, so a query can never change the store, and every backend answers the same
named queries (`graph.contract`) so one test suite checks them all.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, Mapping

import networkx as nx

from graph.contract import QUERIES, Row, canonical_rows
from graph.dialect import Dialect

__all__ = ["StoreError", "ReadOnlyError", "QueryTimeout", "Result", "WriteReport", "GraphView", "CypherView",
           "GraphWriter"]


class StoreError(Exception):
    """A store could not be opened, written or queried; the message is for the user."""


class ReadOnlyError(StoreError):
    """A query tried to write through a read-only view."""

    def __init__(self, engine: str, detail: str = "") -> None:
        super().__init__(
            f"refused: queries are read-only ({engine} refuses writes: CREATE, MERGE, SET, DELETE, "
            f"REMOVE, COPY …); rebuild the store with `govkg build` or load it with `govkg push`"
            + (f"\n{engine} said: {detail}" if detail else ""))


class QueryTimeout(StoreError):
    """A query ran past its time limit and was stopped by the engine."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"stopped: the query ran longer than its time limit of {seconds:g} s; "
                         "narrow it (a label, a property, LIMIT) or allow more time")
        self.seconds = seconds


@dataclass
class Result:
    """Rows of a query with their column names; `truncated` when a row cap cut them."""

    columns: list[str]
    rows: list[tuple[Any, ...]]
    truncated: bool = False

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row)) for row in self.rows]


@dataclass
class WriteReport:
    """What a writer loaded, and how long each step took (seconds)."""

    nodes: int = 0
    relationships: int = 0
    timings: dict[str, float] = field(default_factory=dict)


class GraphView(ABC):
    """Read-only access to a store; answers the named queries of `graph.contract`."""

    engine: str = ""

    @abstractmethod
    def _answer(self, name: str, params: Mapping[str, Any]) -> list[Row]: ...

    def query(self, name: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        """A named query's rows in canonical order."""
        if name not in QUERIES:
            raise KeyError(f"no named query {name!r}; known: {', '.join(QUERIES)}")
        return canonical_rows(self._answer(name, dict(params or {})))

    def close(self) -> None:
        pass

    def __enter__(self) -> "GraphView":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class CypherView(GraphView):
    """A view on an engine that runs Cypher; named queries are its Cypher in its dialect."""

    dialect: Dialect

    @abstractmethod
    def cypher(self, text: str, params: Mapping[str, Any] | None = None, *,
               timeout: float | None = None, max_rows: int | None = None) -> Result:
        """Run read-only Cypher (Neo4j's spelling; translated to the engine's dialect).

        Queries typed by people get a time limit (`timeout` seconds: `QueryTimeout` when
        passed) and a row cap (`max_rows`: the rows beyond it are not fetched and the
        result is `truncated`); the named queries run without either."""

    def _answer(self, name: str, params: Mapping[str, Any]) -> list[Row]:
        return self.cypher(QUERIES[name].cypher, params).rows


class GraphWriter(ABC):
    """Loads a built graph into a store and opens read-only views on it."""

    engine: str = ""

    @abstractmethod
    def write(self, graph: nx.MultiDiGraph) -> WriteReport: ...

    @abstractmethod
    def view(self) -> GraphView: ...

    def close(self) -> None:
        pass
