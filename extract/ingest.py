"""Ingest: files and folders -> documents, with every problem collected, never raised.

One bad file (empty, binary, encrypted, damaged …) costs only that file: it becomes a
`Problem` with one line of reason and the others are still read. Splitter warnings (a
contents entry with no document) and loader warnings (damaged bytes, pages without text)
become warning problems too. `extract_paths` builds on this; `govkg ingest` prints it.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from extract.document import ParsedDocument
from extract.load import (DEFAULT_MAX_BYTES, is_old_format, is_supported, iter_input_files, load_source,
                          unsupported_reason)
from extract.pipeline import Problem
from extract.source import LoadError
from extract.split import split_source

if TYPE_CHECKING:
    from tqdm import tqdm

__all__ = ["IngestResult", "InputFile", "ingest_paths", "ingest_file", "list_inputs", "progress_bar",
           "PROGRESS_MIN_FILES"]

# Fewer files than this read fast enough that a progress bar would only flicker.
PROGRESS_MIN_FILES = 5


@dataclass
class IngestResult:
    """What ingesting some paths gave: documents in file order, and the problems met.

    `problems` holds everything (file errors first met, then warnings, in file order);
    `toc_warnings` is the subset from cross-checking the contents pages.
    """

    documents: list[ParsedDocument] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files_read: int = 0
    files_failed: int = 0
    files_skipped: int = 0  # unsupported files found in folders (each also a warning)
    toc_warnings: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def ingest_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[ParsedDocument], list[Problem], list[Problem]]:
    """Load and split one file: (documents, problems, the problems that are TOC warnings).

    Raises nothing: an unexpected failure is reported as a problem naming the exception,
    so that one file never stops a run.
    """
    try:
        src = load_source(path, max_bytes=max_bytes)
    except LoadError as exc:
        return [], [Problem(path, exc.reason, "error")], []
    except Exception as exc:  # a loader bug must not cost the other files
        return [], [Problem(path, f"could not be read: unexpected {type(exc).__name__}: {_first_line(exc)}", "error")], []
    try:
        docs, report = split_source(src)
    except Exception as exc:
        return [], [Problem(path, f"could not be split: unexpected {type(exc).__name__}: {_first_line(exc)}", "error")], []
    problems = [Problem(path, w, "warning") for w in src.warnings]
    src.warnings.clear()  # reported here; extract_documents reports only what extractors add later
    toc = [Problem(path, w, "warning") for w in report.warnings]
    return docs, problems + toc, toc


@dataclass(frozen=True)
class InputFile:
    """A file to read, or one found beside the gazettes that is skipped (`skip` says why)."""

    path: str
    skip: Problem | None = None


def list_inputs(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[InputFile], Problem | None]:
    """Every file named or found under `paths`, in reading order, or the problem that a
    folder cannot be listed (then nothing is read)."""
    paths = [os.fspath(p) for p in paths]
    named = set(paths)
    try:
        files = list(iter_input_files(paths))
    except OSError as exc:  # an unreadable folder
        return [], Problem(str(getattr(exc, "filename", "") or "?"),
                           f"cannot list folder: {exc.strerror or exc}", "error")
    out = []
    for path in files:
        if path not in named and not is_supported(path) and not is_old_format(path):
            # found in a folder beside the gazettes (a README, an image): say so, lose nothing
            out.append(InputFile(path, Problem(path, f"skipped: {unsupported_reason(path)}", "warning")))
        else:
            out.append(InputFile(path))
    return out, None


def progress_bar(total: int, progress: bool, desc: str = "reading") -> "tqdm | None":
    """A progress bar on stderr for `total` files, or None when it would only be noise:
    fewer than `PROGRESS_MIN_FILES` files, or stderr is not a terminal (a log)."""
    if not progress or total < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="file", file=sys.stderr, leave=False, desc=desc)


def ingest_paths(paths: Iterable[str | os.PathLike[str]], progress: bool = False,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> IngestResult:
    """Read and split every file named or found under `paths`.

    `progress` allows a progress bar on stderr (see `progress_bar`).
    """
    result = IngestResult()
    files, problem = list_inputs(paths)
    if problem is not None:
        result.problems.append(problem)
        return result
    bar = progress_bar(len(files), progress)
    try:
        for file in files:
            if file.skip is not None:
                result.files_skipped += 1
                result.problems.append(file.skip)
            else:
                docs, problems, toc = ingest_file(file.path, max_bytes=max_bytes)
                if any(p.severity == "error" for p in problems):
                    result.files_failed += 1
                else:
                    result.files_read += 1
                result.documents.extend(docs)
                result.problems.extend(problems)
                result.toc_warnings.extend(toc)
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
    return result


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else "(no message)"
