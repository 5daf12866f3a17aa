"""The records that flow between the parts of govkg.

`DocumentInfo` describes one document found in a source file; `Assertion` is one
extracted fact with its provenance. Assertions are the source of truth: they are written
as JSON Lines, and every graph and database is rebuilt from them (as FollowTheMoney
statements are). The same fact stated in three documents is three assertions.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Iterable, Iterator, TextIO

__all__ = ["DocumentInfo", "Assertion", "SourceRecord", "make_id", "write_jsonl", "read_jsonl"]


def make_id(prefix: str, *parts: object) -> str:
    """A stable id: the hash of the fewest stable raw values (zavod's entity_id rule)."""
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return f"{prefix}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:16]}"


@dataclass(frozen=True)
class DocumentInfo:
    """One document (notice, plan, approval …) found in a source file."""

    doc_id: str
    number: str | None          # 朔政办发〔2023〕26号, None when the document has none
    title: str
    issuer: str | None
    date: str | None            # signing date, ISO
    doc_type: str               # a key of schema.document_types
    source: str                 # the source file's path as given
    lines: tuple[int, int]      # first and last line (1-based, inclusive) in the source
    section: str | None = None  # 【市政府文件】 heading the document sits under
    addressees: str | None = None
    pages: tuple[int, int] | None = None  # for PDFs
    sha1: str = ""              # of the document's text, to skip re-ingesting it

    @property
    def label(self) -> str:
        """What assertions cite: the number, or the file name when there is none."""
        if self.number:
            return self.number
        return self.source.replace("\\", "/").rsplit("/", 1)[-1]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["lines"] = list(self.lines)
        d["pages"] = list(self.pages) if self.pages else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "DocumentInfo":
        d = {k: v for k, v in d.items() if k in {f.name for f in fields(cls)}}
        d["lines"] = tuple(d["lines"])
        if d.get("pages"):
            d["pages"] = tuple(d["pages"])
        return cls(**d)


@dataclass(frozen=True)
class Assertion:
    """One extracted fact, as the document states it, with where it came from.

    `rel` is the Chinese term of the schema (分管, 成员, 任命 …); `type` its relationship
    type. `s`/`o` are names as written (inner spaces removed, original script); `s_id`/
    `o_id` and `s_name`/`o_name` are filled by entity resolution.
    """

    rel: str
    type: str
    s: str
    s_type: str
    o: str
    o_type: str
    doc: str                      # document number, or the file name
    doc_id: str
    date: str | None              # the document's date (ISO)
    evidence: str                 # the sentence, verbatim from the source
    source: str                   # source file
    line: int                     # 1-based line of the evidence in the source
    start: int = -1               # character offsets of the evidence in the source text
    end: int = -1
    role: str | None = None       # 成员 / 成员单位
    position: str | None = None   # 任职 / 任命 / 免去
    probation: bool | None = None # 任命
    s_kind: str | None = None     # TaskForce or Organization kind
    o_kind: str | None = None
    s_unnamed: bool = False       # a person named only by role
    decided_on: str | None = None # 任免: the meeting date
    decided_by: str | None = None # 任免: the meeting
    extractor: str = ""
    inferred: bool = False
    s_id: str | None = None
    o_id: str | None = None
    s_name: str | None = None     # canonical names after resolution
    o_name: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    def key(self) -> tuple[Any, ...]:
        """What makes two assertions state the same fact (ignoring provenance)."""
        return (self.rel, self.s_id or self.s, self.o_id or self.o, self.role, self.position)

    def to_dict(self) -> dict[str, Any]:
        # a shallow copy of the fields: asdict() deep-copies recursively, and writing a
        # store of a thousand gazettes spent most of its time there
        d = {name: getattr(self, name) for name in _ASSERTION_FIELDS}
        d["notes"] = list(self.notes)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Assertion":
        known = {f.name for f in fields(cls)}
        d = {k: v for k, v in d.items() if k in known}
        d["notes"] = tuple(d.get("notes") or ())
        return cls(**d)


@dataclass(frozen=True)
class SourceRecord:
    """A source file a store has read: its content hash (a file read once is never read
    again, whatever its path) and the documents it gave."""

    path: str                     # as given to `govkg build`
    sha1: str                     # of the file's bytes
    size: int
    documents: tuple[str, ...]    # doc ids found in it
    removed: tuple[str, ...] = () # doc ids taken out by `govkg remove`

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["documents"], d["removed"] = list(self.documents), list(self.removed)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "SourceRecord":
        return cls(d["path"], d["sha1"], d["size"], tuple(d["documents"]), tuple(d.get("removed") or ()))


_ASSERTION_FIELDS = tuple(f.name for f in fields(Assertion))


def write_jsonl(records: Iterable[Assertion | DocumentInfo | SourceRecord], out: TextIO) -> int:
    """Write records one JSON object a line; returns how many."""
    n = 0
    for rec in records:
        out.write(json.dumps(rec.to_dict(), ensure_ascii=False, sort_keys=False) + "\n")
        n += 1
    return n


def read_jsonl(lines: Iterable[str]) -> Iterator[Assertion]:
    """Read assertions back from JSON Lines (blank lines skipped)."""
    for line in lines:
        line = line.strip()
        if line:
            yield Assertion.from_dict(json.loads(line))
