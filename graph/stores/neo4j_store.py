"""Neo4j over Bolt: for graphs that outgrow one machine or are shared with colleagues.

`write` (what `govkg push` runs) creates constraints and indexes from the schema, then
loads nodes and relationships in batched `UNWIND … MERGE …` transactions keyed on the
stable ids, so pushing twice leaves the same counts and a push that fails half-way is
completed by running it again. Views use read sessions and read transactions
(`READ_ACCESS`), so Neo4j itself refuses every write.
"""

from __future__ import annotations

import time
from typing import Any, Callable, Iterator, Mapping

import networkx as nx

from graph.dialect import NEO4J
from graph.model import SCHEMA
from graph.stores.base import (CypherView, GraphWriter, QueryTimeout, ReadOnlyError, Result, StoreError,
                               WriteReport)
from graph.stores.guard import check_query
from graph.tables import FROM, TO, Table, node_tables, rel_tables

__all__ = ["Neo4jStore", "Neo4jView", "PushError", "schema_statements"]

_INDEXED = ("name", "number", "kind", SCHEMA.place.property)  # node properties the named queries look up
_ACCESS_MODE = "Neo.ClientError.Statement.AccessMode"
_TIMED_OUT = "TransactionTimedOut"  # Neo.ClientError.Transaction.TransactionTimedOut[ClientConfiguration]


class PushError(StoreError):
    """A push stopped part-way; what was written stays, and a re-run completes it."""


def _q(name: str) -> str:
    return f"`{name}`"


def schema_statements() -> list[str]:
    """Uniqueness constraints on every id, indexes on the properties queries look up."""
    out = []
    for label, spec in SCHEMA.nodes.items():
        out.append(f"CREATE CONSTRAINT {_q(label + '_id')} IF NOT EXISTS "
                   f"FOR (n:{_q(label)}) REQUIRE n.id IS UNIQUE")
        for prop in _INDEXED:
            if prop in spec.properties:
                out.append(f"CREATE INDEX {_q(label + '_' + prop)} IF NOT EXISTS "
                           f"FOR (n:{_q(label)}) ON (n.{_q(prop)})")
    for rtype in SCHEMA.relationships:
        out.append(f"CREATE CONSTRAINT {_q(rtype + '_id')} IF NOT EXISTS "
                   f"FOR ()-[r:{_q(rtype)}]-() REQUIRE r.id IS UNIQUE")
    return out


def _merge_query(table: Table) -> str:
    """MERGE one batch; parameters are columns ($id, $name …), rows are their indexes.

    Columns rather than one map per row: each value is sent once, without its key, which
    halves the client's encoding work on large pushes."""
    i = "$`{}`[i]"
    props = ", ".join(f"x.`{c}` = {i.format(c)}" for c in table.columns if c not in (FROM, TO, "id"))
    head = "UNWIND range(0, size($id) - 1) AS i "
    if table.is_rel:
        return (head + f"MATCH (a:{_q(table.source or '')} {{id: {i.format(FROM)}}}) "
                f"MATCH (b:{_q(table.target or '')} {{id: {i.format(TO)}}}) "
                f"MERGE (a)-[x:{_q(table.name)} {{id: $id[i]}}]->(b) SET {props}")
    return head + f"MERGE (x:{_q(table.name)} {{id: $id[i]}}) SET {props}"


def _batches(table: Table, size: int) -> Iterator[tuple[int, dict[str, list[Any]]]]:
    """(offset, {column: values}) for consecutive slices of `size` rows."""
    for start in range(0, len(table), size):
        yield start, {c: values[start:start + size] for c, values in table.data.items()}


def _driver(uri: str, user: str, password: str) -> Any:
    import neo4j

    try:
        driver = neo4j.GraphDatabase.driver(uri, auth=(user, password))
        driver.verify_connectivity()
    except neo4j.exceptions.Neo4jError as exc:
        raise StoreError(f"Neo4j at {uri}: {exc.message or exc}") from None
    except (neo4j.exceptions.DriverError, OSError, ValueError) as exc:
        raise StoreError(f"cannot reach Neo4j at {uri}: {exc}") from None
    return driver


class Neo4jView(CypherView):
    """Read sessions and read transactions on one Neo4j database."""

    engine = "neo4j"
    dialect = NEO4J

    def __init__(self, uri: str, user: str, password: str, database: str | None = None) -> None:
        self.uri, self.database = uri, database
        self._driver = _driver(uri, user, password)

    def cypher(self, text: str, params: Mapping[str, Any] | None = None, *,
               timeout: float | None = None, max_rows: int | None = None) -> Result:
        import neo4j

        check_query(text)  # what READ access lets through (LOAD CSV, TERMINATE …)

        @neo4j.unit_of_work(timeout=timeout or None)
        def work(tx: Any) -> Result:
            result = tx.run(self.dialect.translate(text), dict(params or {}))
            keys = list(result.keys())
            rows, truncated = [], False
            for record in result:
                if max_rows is not None and len(rows) >= max_rows:
                    truncated = True
                    break
                rows.append(tuple(_plain(v) for v in record.values()))
            result.consume()  # the server discards the rest
            return Result(keys, rows, truncated)

        try:
            with self._driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS) as s:
                return s.execute_read(work)
        except neo4j.exceptions.Neo4jError as exc:
            if exc.code == _ACCESS_MODE:
                raise ReadOnlyError("Neo4j", exc.message or "") from None
            if timeout and _TIMED_OUT in (exc.code or ""):
                raise QueryTimeout(timeout) from None
            raise StoreError(f"Neo4j: {exc.message or exc}") from None
        except neo4j.exceptions.DriverError as exc:
            raise StoreError(f"Neo4j at {self.uri}: {exc}") from None

    def close(self) -> None:
        self._driver.close()


def _plain(value: Any) -> Any:
    """Nodes, relationships and paths as plain dicts, as the LadybugDB view gives them."""
    from neo4j.graph import Node, Path, Relationship
    from neo4j.time import Date, DateTime

    if isinstance(value, Node):
        return {"_label": next(iter(sorted(value.labels)), None), **dict(value)}
    if isinstance(value, Relationship):
        return {"_type": value.type, **dict(value)}
    if isinstance(value, Path):
        return {"nodes": [_plain(n) for n in value.nodes], "rels": [_plain(r) for r in value.relationships]}
    if isinstance(value, (Date, DateTime)):
        return value.iso_format()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class Neo4jStore(GraphWriter):
    """Pushes a graph into Neo4j; `replace` first removes every node of the schema's labels."""

    engine = "neo4j"

    def __init__(self, uri: str, user: str = "neo4j", password: str = "", database: str | None = None,
                 batch_size: int = 10_000, progress: Callable[[str, int, int], None] | None = None) -> None:
        self.uri, self.user, self.password, self.database = uri, user, password, database
        self.batch_size = batch_size
        self.progress = progress
        self._driver: Any = None

    def driver(self) -> Any:
        if self._driver is None:
            self._driver = _driver(self.uri, self.user, self.password)
        return self._driver

    def _run_batch(self, session: Any, query: str, columns: dict[str, list[Any]]) -> None:
        session.execute_write(lambda tx: tx.run(query, columns).consume())

    def clear(self) -> None:
        """Remove every node (and its relationships) carrying one of the schema's labels."""
        with self.driver().session(database=self.database) as s:
            for label in SCHEMA.nodes:
                s.run(f"MATCH (n:{_q(label)}) CALL (n) {{ DETACH DELETE n }} IN TRANSACTIONS OF 10000 ROWS").consume()

    def write(self, graph: nx.MultiDiGraph, replace: bool = False) -> WriteReport:
        import neo4j

        report = WriteReport()
        written = {"nodes": 0, "relationships": 0}
        step = "connecting"
        try:
            driver = self.driver()
            if replace:
                step = "removing the previous graph"
                self.clear()
            with driver.session(database=self.database) as s:
                clock = time.perf_counter()
                step = "creating constraints and indexes"
                for statement in schema_statements():
                    s.run(statement).consume()
                report.timings["schema"] = time.perf_counter() - clock
                for kind, tables in (("nodes", node_tables(graph)), ("relationships", rel_tables(graph))):
                    clock = time.perf_counter()
                    for table in tables:
                        query = _merge_query(table)
                        what = table.name if not table.is_rel else f"{table.source}-{table.name}->{table.target}"
                        for start, columns in _batches(table, self.batch_size):
                            n = len(columns["id"])
                            step = f"{what} rows {start + 1}-{start + n} of {len(table)}"
                            self._run_batch(s, query, columns)
                            written[kind] += n
                            if self.progress:
                                self.progress(what, start + n, len(table))
                    report.timings[kind] = time.perf_counter() - clock
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError, StoreError, OSError) as exc:
            detail = getattr(exc, "message", None) or str(exc)
            raise PushError(
                f"push to {self.uri} stopped while {step}: {detail}\n"
                f"{written['nodes']} nodes and {written['relationships']} relationships were written; "
                "run the push again to complete it (it merges on ids, nothing is doubled)") from None
        report.nodes, report.relationships = written["nodes"], written["relationships"]
        return report

    def view(self) -> Neo4jView:
        return Neo4jView(self.uri, self.user, self.password, self.database)

    def close(self) -> None:
        if self._driver is not None:
            self._driver.close()
            self._driver = None
