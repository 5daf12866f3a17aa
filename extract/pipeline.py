"""The extraction pipeline: files -> documents -> assertions, with a report of problems.

Interface used by the CLI and by `govkg build`; filled in by the loaders, the splitter and
the extractors. Files are independent, so `extract_paths(..., workers=N)` shares them
among N processes and merges the results in the order one process gives.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from graph.records import Assertion, DocumentInfo

if TYPE_CHECKING:
    from extract.document import ParsedDocument

__all__ = ["Problem", "ExtractionResult", "FileExtraction", "extract_paths", "extract_file", "extract_in_pool"]


@dataclass(frozen=True)
class Problem:
    """Something the user must hear about: a file not read, a line not understood."""

    source: str            # file (and line, "file:12") the problem is in
    reason: str            # one line, for the user
    severity: str = "error"  # error (a file lost) | warning (a line or document lost)
    doc_id: str | None = None  # the document it is in, when it is in one (a report groups by it)


@dataclass
class ExtractionResult:
    documents: list[DocumentInfo] = field(default_factory=list)
    assertions: list[Assertion] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files_read: int = 0


def extract_documents(docs: list["ParsedDocument"]) -> tuple[list[Assertion], list[Problem]]:
    """Run the extractors each document's type calls for; a failing one is reported."""
    from extract.extractors import extractors_for, fallbacks_for

    out: list[Assertion] = []
    problems: list[Problem] = []
    for doc in docs:
        before = len(out)
        for name, fn in extractors_for(doc.info.doc_type):
            _run(doc, name, fn, out, problems)
        for name, fn in fallbacks_for(doc.info.doc_type) if len(out) == before else ():
            _run(doc, name, fn, out, problems)  # nothing read by the type's own: posts beside names
        for w in doc.source.warnings:
            problems.append(_doc_warning(doc.info, w))
        doc.source.warnings.clear()
        doc.forget_norm()  # a corpus's normalised texts held at once would take gigabytes
    return out, problems


def _run(doc: "ParsedDocument", name: str, fn: Callable[["ParsedDocument"], list[Assertion]],
         out: list[Assertion], problems: list[Problem]) -> None:
    """One extractor on one document; its failure is reported, not raised, so that one
    document's failure does not lose the others."""
    try:
        out.extend(fn(doc))
    except Exception as exc:
        problems.append(Problem(f"{doc.info.source}:{doc.info.lines[0]}",
                                f"{name} extractor failed on {doc.info.label}: {exc!r}", "warning",
                                doc.info.doc_id))


def _doc_warning(info: DocumentInfo, warning: str) -> Problem:
    """An extractor's warning as a problem of its document; "file:12: why" (the form the
    extractors write) puts the line in `source`, so that it is not said twice."""
    head = f"{info.source}:"
    if warning.startswith(head):
        line, sep, why = warning[len(head):].partition(": ")
        if sep and line.isdigit():
            return Problem(f"{head}{line}", why, "warning", info.doc_id)
    return Problem(info.source, warning, "warning", info.doc_id)


@dataclass
class FileExtraction:
    """What reading one file gave: its records and problems, without its text.

    `read_problems` come from loading and splitting it, `extract_problems` from the
    extractors; `failed` when it could not be read at all. Small enough to send back from
    a worker process.
    """

    documents: list[DocumentInfo]
    assertions: list[Assertion]
    read_problems: list[Problem]
    extract_problems: list[Problem]
    failed: bool


def extract_file(path: str) -> FileExtraction:
    """Read, split and extract one file; raises nothing (see `ingest_file`)."""
    from extract.ingest import ingest_file

    docs, problems, _toc = ingest_file(path)
    assertions, extract_problems = extract_documents(docs)
    return FileExtraction([d.info for d in docs], assertions, problems, extract_problems,
                          any(p.severity == "error" for p in problems))


def extract_paths(paths: list[str], progress: bool = False, workers: int = 1) -> ExtractionResult:
    """Read, split and extract every file under `paths`.

    With `workers` > 1 the files are shared among that many processes; the result is the
    same as with one (documents, assertions and problems in the same order).
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if workers > 1:
        return _extract_paths_parallel(paths, progress, workers)
    from extract.ingest import ingest_paths

    ing = ingest_paths(paths, progress=progress)
    result = ExtractionResult(files_read=ing.files_read)
    result.problems.extend(ing.problems)
    result.documents = [d.info for d in ing.documents]
    assertions, problems = extract_documents(ing.documents)
    result.assertions = assertions
    result.problems.extend(problems)
    return result


def _extract_paths_parallel(paths: list[str], progress: bool, workers: int) -> ExtractionResult:
    """`extract_paths` with a process pool, merged in the order one process would give:
    every file's reading problems (skipped files in their place), then the extractors'."""
    from extract.ingest import list_inputs, progress_bar

    result = ExtractionResult()
    files, problem = list_inputs(paths)
    if problem is not None:
        result.problems.append(problem)
        return result
    to_read = [f.path for f in files if f.skip is None]
    bar = progress_bar(len(files), progress, desc="extracting")
    if bar is not None:
        bar.update(len(files) - len(to_read))
    try:
        extracted = iter(extract_in_pool(to_read, workers, on_done=bar.update if bar is not None else None))
    finally:
        if bar is not None:
            bar.close()
    extract_problems: list[Problem] = []
    for f in files:
        if f.skip is not None:
            result.problems.append(f.skip)
            continue
        one = next(extracted)
        result.files_read += not one.failed
        result.documents.extend(one.documents)
        result.assertions.extend(one.assertions)
        result.problems.extend(one.read_problems)
        extract_problems.extend(one.extract_problems)
    result.problems.extend(extract_problems)
    return result


def extract_in_pool(paths: list[str], workers: int, task: Callable[[str], FileExtraction] = extract_file,
                    on_done: Callable[[int], object] | None = None) -> list[FileExtraction]:
    """`task` on each file in a pool of `workers` spawned processes, results in `paths` order.

    A worker that dies (killed for memory, a crash in a native library) breaks the pool
    and every file then in it; those files are read again one at a time, each in a fresh
    process if need be, so that only the file that kills its process is lost, as an error.
    `task` is a module-level function (spawned processes import it by name).
    """
    done: dict[int, FileExtraction] = {}
    if not paths:
        return []
    context = multiprocessing.get_context("spawn")  # fork would copy the parent's threads and locks
    pool: ProcessPoolExecutor | None = ProcessPoolExecutor(max_workers=min(workers, len(paths)), mp_context=context)
    try:
        futures = {pool.submit(task, path): i for i, path in enumerate(paths)}
        for future in as_completed(futures):
            i = futures[future]
            try:
                done[i] = future.result()
            except BrokenProcessPool:
                continue  # read again below, alone
            except Exception as exc:  # the result could not come back (pickling): this file only
                done[i] = _lost(paths[i], f"unexpected {type(exc).__name__}: {exc}")
            if on_done is not None:
                on_done(1)
    finally:
        pool.shutdown(cancel_futures=True)  # interrupted: what has not started never does
    pool = None
    try:
        for i in (i for i in range(len(paths)) if i not in done):
            pool = pool or _fresh_worker(context)
            try:
                done[i] = pool.submit(task, paths[i]).result()
            except BrokenProcessPool:
                done[i] = _lost(paths[i], "the process reading it died (out of memory, or a crash)")
                pool.shutdown()
                pool = None
            except Exception as exc:
                done[i] = _lost(paths[i], f"unexpected {type(exc).__name__}: {exc}")
            if on_done is not None:
                on_done(1)
    finally:
        if pool is not None:
            pool.shutdown()
    return [done[i] for i in range(len(paths))]


def _fresh_worker(context: multiprocessing.context.BaseContext) -> ProcessPoolExecutor:
    """A pool of one process that has been seen to start: a process that cannot start
    (the caller's script has no `if __name__ == "__main__":` guard) is the caller's bug,
    not the file's, and would otherwise cost one process start per file."""
    pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
    try:
        pool.submit(abs, 0).result()
    except BrokenProcessPool:
        pool.shutdown()
        raise RuntimeError("worker processes cannot start; a script calling extract_paths(workers > 1) "
                           "must do so under `if __name__ == \"__main__\":`") from None
    return pool


def _lost(path: str, why: str) -> FileExtraction:
    return FileExtraction([], [], [Problem(path, f"could not be read: {why}", "error")], [], True)
