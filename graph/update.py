"""Keeping a store up to date: gazettes added, documents removed, never all read again.

A store keeps what extraction gave, file by file (`extracted/`), beside the merged
records and the database. Everything after extraction is a function of that set: copies
of one document folded into one, entities resolved, the timeline, the database. It is
recomputed on every change, so adding a gazette or removing a document gives exactly what
a full build of the same inputs gives. Extraction, the costly step, runs only on files
whose content the store has not seen: a file is known by the hash of its bytes (and its
kind, .txt or .pdf …), so a gazette copied under another name is not read twice.

The same document published twice (a reprint, a corrected reissue) is one document: it
has one id (its number). The copy kept is the first by source path and line; the others'
assertions are left out and reported as duplicates.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable

from extract.pipeline import Problem
from graph.folder import Extracted, StoreFolder, StoreReport, write_store
from graph.records import Assertion, DocumentInfo, SourceRecord

__all__ = ["UpdateReport", "Duplicate", "update_store", "remove_documents", "fold_copies", "file_sha1"]


@dataclass(frozen=True)
class Duplicate:
    """A document found more than once: the copy kept and one left out."""

    doc_id: str
    label: str
    kept: str       # source:line of the copy kept
    dropped: str    # source:line of the copy left out


@dataclass
class UpdateReport:
    """What a build or a removal did to a store."""

    store: StoreReport | None = None
    files_read: int = 0                                        # extracted this time
    files_unchanged: list[str] = field(default_factory=list)   # already in the store: skipped
    files_replaced: list[str] = field(default_factory=list)    # same path, new content
    problems: list[Problem] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    removed: list[DocumentInfo] = field(default_factory=list)
    rebuilt: str | None = None   # why the whole store was rebuilt, when it was
    sources: int = 0             # source files in the store after the update
    seconds: dict[str, float] = field(default_factory=dict)  # per stage: extract, resolve, store


def file_sha1(path: str | os.PathLike[str]) -> str:
    h = hashlib.sha1()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _content_key(path: str, sha1: str) -> str:
    """What makes two files the same input: their bytes, read as the same kind of file."""
    return f"{sha1}{Path(path).suffix.lower()}"


def fold_copies(documents: Iterable[DocumentInfo], assertions: Iterable[Assertion]
                ) -> tuple[list[DocumentInfo], list[Assertion], list[Duplicate]]:
    """One document per id: the first copy by (source, line) is kept with its assertions."""
    copies: dict[str, list[DocumentInfo]] = defaultdict(list)
    for d in documents:
        copies[d.doc_id].append(d)
    kept: dict[str, DocumentInfo] = {}
    duplicates = []
    for doc_id, found in copies.items():
        found.sort(key=lambda d: (d.source, d.lines[0]))
        kept[doc_id] = found[0]
        duplicates += [Duplicate(doc_id, found[0].label, f"{found[0].source}:{found[0].lines[0]}",
                                 f"{d.source}:{d.lines[0]}") for d in found[1:]]
    out = []
    for a in assertions:
        doc = kept.get(a.doc_id)
        if doc is None or (a.source == doc.source and doc.lines[0] <= a.line <= doc.lines[1]):
            out.append(a)
        elif a.source == doc.source and not _in_any_copy(a, copies[a.doc_id]):
            out.append(a)  # evidence outside every copy's lines (a title page): the file decides
    duplicates.sort(key=lambda d: (d.doc_id, d.dropped))
    return sorted(kept.values(), key=lambda d: d.doc_id), out, duplicates


def _in_any_copy(a: Assertion, copies: list[DocumentInfo]) -> bool:
    return any(a.source == d.source and d.lines[0] <= a.line <= d.lines[1] for d in copies)


def _write(store: Path, extracted: Extracted, report: UpdateReport) -> UpdateReport:
    """Fold copies, resolve, and write the store from `extracted`."""
    from graph.resolve import resolve

    t0 = time.perf_counter()
    documents, assertions, report.duplicates = fold_copies(extracted.documents, extracted.assertions)
    resolved, _ = resolve(assertions, documents)
    t1 = time.perf_counter()
    report.store = write_store(store, resolved, documents, extracted=extracted)
    report.seconds.update(resolve=t1 - t0, store=time.perf_counter() - t1)
    report.sources = len(extracted.sources)
    return report


def _existing(store: Path, full: bool, report: UpdateReport) -> Extracted:
    folder = StoreFolder(store)
    if full or not folder.exists():
        return Extracted()
    try:
        extracted = folder.extracted()
    except (ValueError, KeyError, TypeError, AttributeError) as exc:  # damaged by hand or by a disk: start again
        report.rebuilt = f"the store's extraction records cannot be read ({exc}): rebuilt from the given files"
        return Extracted()
    if extracted is None:
        report.rebuilt = "the store keeps no extraction records (written by an older govkg): rebuilt from the given files"
        return Extracted()
    return extracted


def update_store(store: Path, paths: Iterable[str | os.PathLike[str]], *, workers: int = 1,
                 full: bool = False, progress: bool = False) -> UpdateReport:
    """Add the files under `paths` to the store (all of it anew with `full`).

    Files whose content the store has already read are skipped; a file read before under
    the same path with other content replaces what it gave."""
    from extract import pipeline
    from extract.ingest import list_inputs

    report = UpdateReport()
    store = Path(store)
    extracted = _existing(store, full, report)
    files, problem = list_inputs(paths)
    if problem is not None:
        report.problems.append(problem)
        return report
    known = {_content_key(r.path, r.sha1) for r in extracted.sources}
    by_path = {r.path: r for r in extracted.sources}
    to_read: list[tuple[str, str, int]] = []
    seen: set[str] = set()
    for file in files:
        if file.skip is not None:
            report.problems.append(file.skip)
            continue
        try:
            sha1, size = file_sha1(file.path), os.path.getsize(file.path)
        except OSError as exc:
            report.problems.append(Problem(file.path, f"cannot be read: {exc.strerror or exc}", "error"))
            continue
        key = _content_key(file.path, sha1)
        if key in known or key in seen:
            report.files_unchanged.append(file.path)
            continue
        seen.add(key)
        if file.path in by_path:
            report.files_replaced.append(file.path)
        to_read.append((file.path, sha1, size))
    if not to_read:
        return report if not report.files_unchanged else _maybe_unchanged(store, extracted, report)

    t0 = time.perf_counter()
    result = pipeline.extract_paths([p for p, _, _ in to_read], progress=progress, workers=workers)
    report.seconds["extract"] = time.perf_counter() - t0
    report.problems += result.problems
    report.files_read = result.files_read
    failed = {p.source for p in result.problems if p.severity == "error"}
    replaced = set(report.files_replaced) - failed
    if replaced:
        extracted = _without_sources(extracted, replaced)
    docs_by_source: dict[str, list[str]] = defaultdict(list)
    for d in result.documents:
        docs_by_source[d.source].append(d.doc_id)
    for path, sha1, size in to_read:
        if path not in failed:
            extracted.sources.append(SourceRecord(path, sha1, size, tuple(dict.fromkeys(docs_by_source[path]))))
    extracted.documents += result.documents
    extracted.assertions += result.assertions
    if result.files_read == 0:  # every new file failed: nothing changed
        return report
    return _write(store, extracted, report)


def _maybe_unchanged(store: Path, extracted: Extracted, report: UpdateReport) -> UpdateReport:
    """Nothing new to read: the store stays as it is (written only if it was never)."""
    if not StoreFolder(store).exists() or report.rebuilt:
        return _write(store, extracted, report)
    report.sources = len(extracted.sources)
    return report


def _without_sources(extracted: Extracted, paths: set[str]) -> Extracted:
    return Extracted([r for r in extracted.sources if r.path not in paths],
                     [d for d in extracted.documents if d.source not in paths],
                     [a for a in extracted.assertions if a.source not in paths])


def match_documents(documents: Iterable[DocumentInfo], ref: str) -> list[DocumentInfo]:
    """The documents `ref` names: a document id, a number (朔政发〔2023〕15号, any width of
    brackets and spaces), or a source file (all its documents)."""
    from graph.resolve import _norm

    want = _norm(ref)
    docs = list(documents)
    for test in (lambda d: d.doc_id == ref, lambda d: d.number is not None and _norm(d.number) == want,
                 lambda d: d.source == ref or Path(d.source) == Path(ref)):
        found = [d for d in docs if test(d)]
        if found:
            return found
    return []


def remove_documents(store: Path, refs: list[str]) -> UpdateReport:
    """Take out exactly these documents' contribution (every copy); a fact another
    document also states stays, cited by that one. Raises LookupError for a ref that names
    no document (then nothing is changed)."""
    from graph.stores.base import StoreError

    store = Path(store)
    folder = StoreFolder(store)
    try:
        extracted = folder.extracted()
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise StoreError(f"the extraction records of {store} cannot be read ({exc}): run "
                         f"`govkg build PATH... --store {store} --full` once, then remove") from None
    if extracted is None:
        raise StoreError(f"{store} keeps no extraction records (written by an older govkg): "
                         f"run `govkg build PATH... --store {store} --full` once, then remove")
    report = UpdateReport()
    gone: set[str] = set()
    for ref in refs:
        found = match_documents(extracted.documents, ref)
        if not found:
            raise LookupError(f"no document {ref!r} in {store} (give a document number, id or source file)")
        gone.update(d.doc_id for d in found)
    report.removed = sorted(fold_copies([d for d in extracted.documents if d.doc_id in gone], [])[0],
                            key=lambda d: d.doc_id)
    extracted = Extracted(
        [replace(r, removed=tuple(sorted(set(r.removed) | (set(r.documents) & gone)))) for r in extracted.sources],
        [d for d in extracted.documents if d.doc_id not in gone],
        [a for a in extracted.assertions if a.doc_id not in gone])
    return _write(store, extracted, report)
