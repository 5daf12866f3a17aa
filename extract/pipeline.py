"""The extraction pipeline: files -> documents -> assertions, with a report of problems.

Interface used by the CLI and by `govkg build`; filled in by the loaders, the splitter and
the extractors.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.records import Assertion, DocumentInfo

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
