"""What `govkg extract --report` tells, per file and per document: the document's type, how
many facts each extractor gave, and the warnings (lines inside a member list, a 分工 section
or a task list that yielded nothing, documents of no known type), grouped by document.

`warn_unread` is the strictness every extractor can share: given the blocks (or table rows)
of the sections it reads (extract/blocks.py), each one no fact came from is a warning naming
its line, never a silent skip."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from extract.pipeline import ExtractionResult, Problem
from graph.records import Assertion, DocumentInfo

if TYPE_CHECKING:
    from extract.document import ParsedDocument

__all__ = ["DocumentReport", "FileReport", "build_report", "warn_unread", "UNKNOWN_TYPE"]

# The type `split.classify` gives a document it cannot place; its extractors only guess.
UNKNOWN_TYPE = "other"


@dataclass
class DocumentReport:
    info: DocumentInfo
    facts: dict[str, int]  # extractor -> facts it gave (every extractor run on it, 0 included)
    warnings: list[Problem] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.info.doc_id, "label": self.info.label, "title": self.info.title,
                "doc_type": self.info.doc_type, "lines": list(self.info.lines), "facts": self.facts,
                "warnings": [_problem_dict(p) for p in self.warnings]}


@dataclass
class FileReport:
    source: str
    problems: list[Problem] = field(default_factory=list)  # the file's own: not read, or doubts about it
    documents: list[DocumentReport] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "problems": [_problem_dict(p) for p in self.problems],
                "documents": [d.to_dict() for d in self.documents]}


def build_report(result: ExtractionResult) -> list[FileReport]:
    """The report of one extraction, files in reading order, documents in file order."""
    from extract.extractors import extractors_for

    counts = Counter((a.doc_id, a.extractor) for a in result.assertions)
    files: dict[str, FileReport] = {}
    docs: dict[str, DocumentReport] = {}
    for info in result.documents:
        facts = {name: counts[(info.doc_id, name)] for name, _ in extractors_for(info.doc_type)}
        for (doc_id, name), n in counts.items():  # an extractor not in the type's list (none today)
            if doc_id == info.doc_id and name not in facts:
                facts[name] = n
        doc = DocumentReport(info, facts)
        if info.doc_type == UNKNOWN_TYPE:
            doc.warnings.append(Problem(f"{info.source}:{info.lines[0]}",
                                        f"no known document type: {info.title}", "warning", info.doc_id))
        docs[info.doc_id] = doc
        _file(files, info.source).documents.append(doc)
    for p in result.problems:
        if p.doc_id is not None and p.doc_id in docs:
            docs[p.doc_id].warnings.append(p)
        else:
            _file(files, _file_of(p.source, files)).problems.append(p)
    return list(files.values())


def _file(files: dict[str, FileReport], source: str) -> FileReport:
    if source not in files:
        files[source] = FileReport(source)
    return files[source]


def _file_of(source: str, files: dict[str, FileReport]) -> str:
    """The file a problem's source ("file" or "file:12") names."""
    if source in files:
        return source
    head, sep, line = source.rpartition(":")
    return head if sep and line.isdigit() else source


def _problem_dict(p: Problem) -> dict[str, Any]:
    return {"source": p.source, "reason": p.reason, "severity": p.severity}


def warn_unread(doc: ParsedDocument, spans: Iterable[tuple[int, int]], facts: list[Assertion], what: str) -> None:
    """A warning "file:12: <what> not understood: <text>" for each span (normalised offsets of a
    block or a table row inside a section an extractor reads) that no fact's evidence touches.
    The warnings join the document's (`source.warnings`), which the pipeline hands on."""
    cover = sorted((a.start, a.end) for a in facts)
    starts = [c for c, _ in cover]
    reach: list[int] = []  # reach[i]: the furthest end of facts 0..i (by start)
    for _, e in cover:
        reach.append(max(e, reach[-1]) if reach else e)
    done: set[int] = set()
    for a, b in spans:
        s, e = doc.norm.span(a, b)
        k = bisect_left(starts, e)  # facts 0..k-1 start before the span ends
        if k and reach[k - 1] > s or s in done:
            continue  # one of them reaches into it
        done.add(s)
        text = doc.source.text[s:e].strip()
        doc.source.warnings.append(
            f"{doc.info.source}:{doc.source.line_of(s)}: {what} not understood: {text[:60]}")
