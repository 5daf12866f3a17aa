"""What a loader hands on: the decoded text of one file, with where each line came from."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

__all__ = ["SourceText", "LoadError"]


class LoadError(Exception):
    """A file that cannot be read as a gazette; `reason` is one line for the user."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass
class SourceText:
    """The decoded text of one file, lines separated by "\\n".

    `format` is txt, pdf, docx or html; `encoding` the one detected for txt and html
    (empty for pdf and docx). `page_of_line[i]` is the page (1-based) of line i+1, when
    the file had pages (a PDF, or a text file with form feeds from pdftotext).
    `warnings` are doubts that did not lose the file (damaged bytes, pages without text).
    """

    path: str
    text: str
    encoding: str = "utf-8"
    format: str = "txt"
    page_of_line: list[int] | None = None
    warnings: list[str] = field(default_factory=list)
    _line_starts: list[int] | None = field(default=None, repr=False)

    @property
    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            starts = [0]
            find = self.text.find
            i = find("\n")
            while i != -1:
                starts.append(i + 1)
                i = find("\n", i + 1)
            self._line_starts = starts
        return self._line_starts

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset."""
        return bisect_right(self.line_starts, max(offset, 0))

    def page_of(self, offset: int) -> int | None:
        if not self.page_of_line:
            return None
        line = self.line_of(offset)
        return self.page_of_line[min(line, len(self.page_of_line)) - 1]
