"""A document cut out of a source file: its metadata plus the text extractors read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from extract.source import SourceText
from extract.text import NormText, normalize
from graph.records import DocumentInfo

if TYPE_CHECKING:
    from extract.blocks import Block

__all__ = ["ParsedDocument"]


@dataclass
class ParsedDocument:
    """One document: `info`, and the source span [start, end) it occupies.

    `body_start` is where the text after the header (title, number, addressees) begins.
    `norm` is the normalised text of the whole span, offsets into `source.text`.
    """

    source: SourceText
    info: DocumentInfo
    start: int
    end: int
    body_start: int
    _norm: NormText | None = field(default=None, repr=False)
    _blocks: list[Block] | None = field(default=None, repr=False)

    @property
    def norm(self) -> NormText:
        if self._norm is None:
            self._norm = normalize(self.source.text, self.start, self.end)
        return self._norm

    @property
    def blocks(self) -> list[Block]:
        """The layout of `norm.text`, line by line (extract/blocks.py), computed once."""
        if self._blocks is None:
            from extract.blocks import parse

            line_of, src = self.source.line_of, self.norm.src
            self._blocks = parse(self.norm.text, lambda i: line_of(src[i]))
        return self._blocks

    def forget_norm(self) -> None:
        """Free the normalised text and its offsets (about 40 bytes a character) once the
        extractors are done; `norm` computes them again if asked."""
        self._norm = None
        self._blocks = None

    @property
    def original(self) -> str:
        return self.source.text[self.start:self.end]

    def evidence(self, nstart: int, nend: int) -> tuple[str, int, int, int]:
        """Verbatim source text of a normalised span: (text, start, end, line)."""
        s, e = self.norm.span(nstart, nend)
        return self.source.text[s:e], s, e, self.source.line_of(s)
