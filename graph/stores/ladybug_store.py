"""The embedded store: LadybugDB (the maintained fork of Kùzu), the default.

Tables are generated from the schema (typed `CREATE NODE TABLE` / `CREATE REL TABLE`, a
relationship table listing every FROM/TO pair the schema allows) and bulk-loaded with
COPY from Parquet files, which is how LadybugDB loads millions of rows in seconds. Views
open the database read-only, so the engine itself refuses every write.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path
from typing import Any, Mapping

import networkx as nx

from graph.dialect import LADYBUG
from graph.model import SCHEMA
from graph.stores.base import (CypherView, GraphWriter, QueryTimeout, ReadOnlyError, Result, StoreError,
                               WriteReport)
from graph.stores.guard import check_query
from graph.tables import Table, arrow_table, node_columns, node_tables, rel_columns, rel_tables

__all__ = ["LadybugStore", "LadybugView", "table_statements"]

_READ_ONLY_MESSAGE = "read-only"
_INTERRUPTED = "Interrupted"  # what a query stopped by set_query_timeout raises


def _q(name: str) -> str:
    return f"`{name}`"


def table_statements() -> list[str]:
    """DDL for every label and relationship type of the schema."""
    out = []
    for label in SCHEMA.nodes:
        cols = ", ".join(f"{_q(c)} {t}" for c, t in node_columns(label).items())
        out.append(f"CREATE NODE TABLE {_q(label)}({cols}, PRIMARY KEY ({_q('id')}))")
    for rtype, rel in SCHEMA.relationships.items():
        pairs = ", ".join(f"FROM {_q(s)} TO {_q(t)}" for s in rel.sources for t in rel.targets)
        cols = ", ".join(f"{_q(c)} {t}" for c, t in rel_columns(rtype).items())
        out.append(f"CREATE REL TABLE {_q(rtype)}({pairs}, {cols})")
    return out


class LadybugView(CypherView):
    """A read-only LadybugDB database: write clauses fail in the engine."""

    engine = "ladybug"
    dialect = LADYBUG

    def __init__(self, path: str | Path) -> None:
        import ladybug as lb

        self.path = Path(path)
        if not self.path.exists():
            raise StoreError(f"no LadybugDB database at {self.path}: run `govkg build` first")
        try:
            self._db = lb.Database(str(self.path), read_only=True)
            self._conn = lb.Connection(self._db)
        except RuntimeError as exc:
            raise StoreError(f"cannot open {self.path} read-only: {exc}") from exc

    def cypher(self, text: str, params: Mapping[str, Any] | None = None, *,
               timeout: float | None = None, max_rows: int | None = None) -> Result:
        check_query(text)  # what read_only=True lets through (COPY TO, LOAD, CHECKPOINT …)
        self._conn.set_query_timeout(max(1, round(timeout * 1000)) if timeout else 0)
        try:
            result = self._conn.execute(self.dialect.translate(text), dict(params or {}))
        except RuntimeError as exc:
            if _READ_ONLY_MESSAGE in str(exc):
                raise ReadOnlyError("LadybugDB", str(exc)) from None
            if timeout and _INTERRUPTED in str(exc):
                raise QueryTimeout(timeout) from None
            raise StoreError(f"LadybugDB: {exc}") from None
        if isinstance(result, list):  # several statements: the last one answers
            result = result[-1]
        columns = list(result.get_column_names())
        rows = []
        while result.has_next() and (max_rows is None or len(rows) < max_rows):
            rows.append(tuple(_plain(v) for v in result.get_next()))
        truncated = result.has_next()
        result.close()
        return Result(columns, rows, truncated)

    def close(self) -> None:
        self._conn.close()
        self._db.close()


def _plain(value: Any) -> Any:
    """Nodes, relationships and paths as plain dicts: `_label` or `_type`, then properties."""
    if isinstance(value, dict):
        if "_NODES" in value:
            return {"nodes": [_plain(n) for n in value["_NODES"]], "rels": [_plain(r) for r in value["_RELS"]]}
        if "_SRC" in value:
            return {"_type": value.get("_LABEL"), **{k: v for k, v in value.items() if not k.startswith("_")}}
        if "_LABEL" in value:
            return {"_label": value.get("_LABEL"), **{k: v for k, v in value.items() if not k.startswith("_")}}
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class LadybugStore(GraphWriter):
    """Writes a graph into a new LadybugDB database file at `path`."""

    engine = "ladybug"

    def __init__(self, path: str | Path, threads: int = 0) -> None:
        self.path = Path(path)
        self.threads = threads

    def write(self, graph: nx.MultiDiGraph) -> WriteReport:
        import ladybug as lb
        import pyarrow.parquet as pq

        if self.path.exists():
            raise StoreError(f"{self.path} exists: LadybugDB stores are written once, into a new path")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        report = WriteReport(graph.number_of_nodes(), graph.number_of_edges())
        clock = time.perf_counter()
        tables = node_tables(graph) + rel_tables(graph)
        report.timings["tables"] = time.perf_counter() - clock
        staging = Path(tempfile.mkdtemp(prefix=".copy-", dir=self.path.parent))
        try:
            clock = time.perf_counter()
            files = []
            for i, table in enumerate(tables):
                file = staging / f"{i:03d}.parquet"
                pq.write_table(arrow_table(table), file, row_group_size=1 << 16)
                files.append((table, file))
            report.timings["parquet"] = time.perf_counter() - clock
            clock = time.perf_counter()
            db = lb.Database(str(self.path), max_num_threads=self.threads)
            conn = lb.Connection(db)
            try:
                for statement in table_statements():
                    conn.execute(statement)
                for table, file in files:
                    conn.execute(_copy_statement(table, file))
            finally:
                conn.close()
                db.close()
            report.timings["copy"] = time.perf_counter() - clock
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return report

    def view(self) -> LadybugView:
        return LadybugView(self.path)


def _copy_statement(table: Table, file: Path) -> str:
    path = file.resolve().as_posix()
    if '"' in path:
        raise StoreError(f"cannot COPY from a path with a double quote: {path}")
    if table.is_rel:
        return f'COPY {_q(table.name)} FROM "{path}" (from="{table.source}", to="{table.target}")'
    return f'COPY {_q(table.name)} FROM "{path}"'
