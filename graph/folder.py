"""The store folder (`.govkg/` by default): the source of truth and the database built from it.

    assertions.jsonl   every extracted assertion (the source of truth)
    documents.jsonl    every document they come from
    graph.lbug         the LadybugDB database, rebuilt from the two files above
    manifest.json      counts by label and type, and the versions that wrote them
    extracted/         what extraction gave, per source file, before anything was merged
                       (sources.jsonl, documents.jsonl, assertions.jsonl): the inputs of
                       the files above, so that a new gazette is added without reading
                       the others again (graph/update.py)

A store is written whole into a temporary sibling folder and then renamed into place, so
a build that is killed leaves the previous store as it was. The swap is two renames (the
old folder aside, the new one in); `recover` puts the old one back if a kill falls
between them, and every open calls it.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from graph.build import GraphBuild, build_graph, label_counts, sort_assertions, type_counts
from graph.records import Assertion, DocumentInfo, SourceRecord, read_jsonl, write_jsonl
from graph.stores.base import StoreError, WriteReport

if TYPE_CHECKING:
    from graph.stores.ladybug_store import LadybugView

__all__ = ["DEFAULT_STORE", "Extracted", "StoreFolder", "StoreReport", "write_store", "recover"]

DEFAULT_STORE = Path(".govkg")
ASSERTIONS = "assertions.jsonl"
DOCUMENTS = "documents.jsonl"
DATABASE = "graph.lbug"
MANIFEST = "manifest.json"
EXTRACTED = "extracted"
SOURCES = "sources.jsonl"
_TMP, _OLD = ".tmp-", ".old-"


@dataclass
class Extracted:
    """What extraction gave, file by file, before duplicates were folded and entities
    resolved: the inputs every other file of a store is computed from."""

    sources: list[SourceRecord] = field(default_factory=list)
    documents: list[DocumentInfo] = field(default_factory=list)
    assertions: list[Assertion] = field(default_factory=list)

    def write(self, folder: Path) -> None:
        folder.mkdir()
        for name, records in ((SOURCES, sorted(self.sources, key=lambda r: r.path)),
                              (DOCUMENTS, sorted(self.documents, key=_document_order)),
                              (ASSERTIONS, sort_assertions(self.assertions))):
            with open(folder / name, "w", encoding="utf-8") as f:
                write_jsonl(records, f)

    @classmethod
    def read(cls, folder: Path) -> "Extracted":
        def lines(name: str) -> list[dict[str, object]]:
            with open(folder / name, encoding="utf-8") as f:
                return [json.loads(line) for line in f if line.strip()]

        return cls([SourceRecord.from_dict(d) for d in lines(SOURCES)],
                   [DocumentInfo.from_dict(d) for d in lines(DOCUMENTS)],
                   [Assertion.from_dict(d) for d in lines(ASSERTIONS)])


def _document_order(d: DocumentInfo) -> tuple[str, str, int]:
    return (d.doc_id, d.source, d.lines[0])


@dataclass
class StoreReport:
    """What a build wrote: the graph's counts, the problems, the database load's timings."""

    path: Path
    build: GraphBuild
    documents: int = 0
    labels: dict[str, int] = field(default_factory=dict)
    types: dict[str, int] = field(default_factory=dict)
    load: WriteReport | None = None


def _sibling(path: Path, tag: str, pid: int) -> Path:
    return path.parent / f".{path.name}{tag}{pid}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _siblings(path: Path, tag: str) -> list[tuple[Path, int]]:
    prefix = f".{path.name}{tag}"
    out = []
    if path.parent.is_dir():
        for p in path.parent.iterdir():
            if p.name.startswith(prefix) and p.name[len(prefix):].isdigit():
                out.append((p, int(p.name[len(prefix):])))
    return sorted(out)


def recover(path: Path) -> None:
    """Undo what a killed build left: restore a store set aside, remove dead temporaries."""
    for old, pid in _siblings(path, _OLD):
        if _alive(pid) and pid != os.getpid():
            continue
        if not path.exists():
            os.rename(old, path)
        else:
            shutil.rmtree(old, ignore_errors=True)
    for tmp, pid in _siblings(path, _TMP):
        if not _alive(pid) or pid == os.getpid():
            shutil.rmtree(tmp, ignore_errors=True)


@dataclass(frozen=True)
class StoreFolder:
    """A store folder on disk, read-only: its records, its graph, a view of its database."""

    path: Path = DEFAULT_STORE

    def __post_init__(self) -> None:
        recover(self.path)

    @property
    def database(self) -> Path:
        return self.path / DATABASE

    def exists(self) -> bool:
        return (self.path / ASSERTIONS).exists()

    def _require(self) -> None:
        if not self.exists():
            raise StoreError(f"no store at {self.path}: run `govkg build PATH... --store {self.path}` first")

    def assertions(self) -> list[Assertion]:
        self._require()
        with open(self.path / ASSERTIONS, encoding="utf-8") as f:
            return list(read_jsonl(f))

    def documents(self) -> list[DocumentInfo]:
        self._require()
        with open(self.path / DOCUMENTS, encoding="utf-8") as f:
            return [DocumentInfo.from_dict(json.loads(line)) for line in f if line.strip()]

    def graph(self) -> GraphBuild:
        """The graph, rebuilt from the records (the database is not needed)."""
        return build_graph(self.assertions(), self.documents())

    def extracted(self) -> Extracted | None:
        """What extraction gave, or None for a store written without it (an older store,
        or one written from records alone): then it can only be rebuilt, not added to."""
        self._require()
        folder = self.path / EXTRACTED
        return Extracted.read(folder) if (folder / SOURCES).exists() else None

    def manifest(self) -> dict[str, object]:
        self._require()
        return json.loads((self.path / MANIFEST).read_text(encoding="utf-8"))

    def view(self) -> "LadybugView":
        """A read-only view of the store's LadybugDB database."""
        from graph.stores.ladybug_store import LadybugView

        self._require()
        return LadybugView(self.database)


def write_store(path: Path, assertions: list[Assertion], documents: list[DocumentInfo],
                database: bool = True, extracted: Extracted | None = None) -> StoreReport:
    """Write records, graph database and manifest (and what extraction gave, when
    `extracted` is given) to a new folder, then swap it in.

    Only a store (or an empty folder) is ever replaced: `--store data` by mistake must
    not swap the gazettes out and delete them."""
    path = Path(path)
    recover(path)
    _check_replaceable(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pid = os.getpid()
    tmp = _sibling(path, _TMP, pid)
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        ordered = sort_assertions(assertions)
        docs = sorted(documents, key=lambda d: d.doc_id)
        with open(tmp / ASSERTIONS, "w", encoding="utf-8") as f:
            write_jsonl(ordered, f)
        with open(tmp / DOCUMENTS, "w", encoding="utf-8") as f:
            write_jsonl(docs, f)
        if extracted is not None:
            extracted.write(tmp / EXTRACTED)
        build = build_graph(ordered, docs)
        report = StoreReport(path, build, len(docs), label_counts(build.graph), type_counts(build.graph))
        if database:
            from graph.stores.ladybug_store import LadybugStore

            report.load = LadybugStore(tmp / DATABASE).write(build.graph)
        (tmp / MANIFEST).write_text(json.dumps(_manifest(report), ensure_ascii=False, indent=2) + "\n",
                                    encoding="utf-8")
        _swap(tmp, path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return report


def _check_replaceable(path: Path) -> None:
    """Refuse a `path` that holds something other than a store: nothing is written."""
    if path.is_symlink():
        raise StoreError(f"{path} is a symbolic link: give the store folder it points to (nothing was written)")
    if not path.exists():
        return
    if path.is_dir():
        names = {p.name for p in path.iterdir()}
        if not names or MANIFEST in names or ASSERTIONS in names:
            return
        raise StoreError(f"{path} is a folder with other files in it, not a govkg store: choose another "
                         "store folder (nothing was written)")
    raise StoreError(f"{path} exists and is not a store folder: choose another store folder (nothing was written)")


def _manifest(report: StoreReport) -> dict[str, object]:
    from importlib.metadata import version

    return {
        "format": 1,
        "assertions": report.build.assertions,
        "documents": report.documents,
        "problems": len(report.build.problems),
        "labels": report.labels,
        "types": report.types,
        "database": DATABASE if report.load else None,
        "ladybug": version("ladybug") if report.load else None,
    }


def _swap(tmp: Path, path: Path) -> None:
    """Put `tmp` where `path` is; the old store is kept aside until the new one is in."""
    if not path.exists():
        os.rename(tmp, path)
        return
    old = _sibling(path, _OLD, os.getpid())
    shutil.rmtree(old, ignore_errors=True)
    os.rename(path, old)
    os.rename(tmp, path)
    shutil.rmtree(old, ignore_errors=True)
