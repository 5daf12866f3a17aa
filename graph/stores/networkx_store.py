"""The in-memory store: the networkx graph itself, answering named queries in Python.

networkx runs no Cypher, so its view answers the named queries with the networkx
functions of `graph.contract`; it is the reference the Cypher stores are checked against.
"""

from __future__ import annotations

from typing import Any, Mapping

import networkx as nx

from graph.contract import QUERIES, Row, GraphIndex
from graph.stores.base import GraphView, GraphWriter, StoreError, WriteReport

__all__ = ["NetworkxStore", "NetworkxView"]


class NetworkxView(GraphView):
    engine = "networkx"

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self.graph = graph.copy(as_view=True)  # a frozen view: no copy, no writes
        self._index = GraphIndex(self.graph)

    def _answer(self, name: str, params: Mapping[str, Any]) -> list[Row]:
        return list(QUERIES[name].networkx(self._index, params))


class NetworkxStore(GraphWriter):
    engine = "networkx"

    def __init__(self) -> None:
        self.graph: nx.MultiDiGraph | None = None

    def write(self, graph: nx.MultiDiGraph) -> WriteReport:
        self.graph = graph  # the graph is the store; views are frozen
        return WriteReport(graph.number_of_nodes(), graph.number_of_edges())

    def view(self) -> NetworkxView:
        if self.graph is None:
            raise StoreError("the networkx store is empty: write a graph first")
        return NetworkxView(self.graph)
