"""The extraction pipeline: files -> documents -> assertions, with a report of problems.

Interface used by the CLI and by `govkg build`; filled in by the loaders, the splitter and
the extractors.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from typing import TYPE_CHECKING

from graph.records import Assertion, DocumentInfo

if TYPE_CHECKING:
    from extract.document import ParsedDocument

__all__ = ["Problem", "ExtractionResult", "extract_paths"]


@dataclass(frozen=True)
class Problem:
    """Something the user must hear about: a file not read, a line not understood."""

    source: str            # file (and line, "file:12") the problem is in
    reason: str            # one line, for the user
    severity: str = "error"  # error (a file lost) | warning (a line or document lost)


@dataclass
class ExtractionResult:
    documents: list[DocumentInfo] = field(default_factory=list)
    assertions: list[Assertion] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files_read: int = 0


def extract_documents(docs: list["ParsedDocument"]) -> tuple[list[Assertion], list[Problem]]:
    """Run the extractors each document's type calls for; a failing one is reported."""
    from extract.extractors import extractors_for

    out: list[Assertion] = []
    problems: list[Problem] = []
    for doc in docs:
        for name, fn in extractors_for(doc.info.doc_type):
            try:
                out.extend(fn(doc))
            except Exception as exc:  # one document's failure must not lose the others
                problems.append(Problem(f"{doc.info.source}:{doc.info.lines[0]}",
                                        f"{name} extractor failed on {doc.info.label}: {exc!r}", "warning"))
        for w in doc.source.warnings:
            problems.append(Problem(doc.info.source, w, "warning"))
        doc.source.warnings.clear()
    return out, problems


def extract_paths(paths: list[str], progress: bool = False) -> ExtractionResult:
    """Read, split and extract every file under `paths`."""
    from extract.ingest import ingest_paths

    ing = ingest_paths(paths, progress=progress)
    result = ExtractionResult(files_read=ing.files_read)
    result.problems.extend(ing.problems)
    result.documents = [d.info for d in ing.documents]
    assertions, problems = extract_documents(ing.documents)
    result.assertions = assertions
    result.problems.extend(problems)
    return result
