"""What every extractor shares: emitting assertions with provenance, and name clean-up."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from extract.document import ParsedDocument
from extract.lexicon import lexicon
from extract.posts import home_government, home_place
from extract.text import to_simplified
from graph.model import SCHEMA
from graph.records import Assertion

__all__ = ["Emitter", "clean_name", "sentence_bounds", "is_category", "strip_alias"]

_SPACE = re.compile(r"\s+")
_NOTE = re.compile(r"[（(]([^（）()]{1,8})[）)]$")  # a bracket closing a name: a note on the person?


def clean_name(text: str) -> str:
    """A name as the gold standard writes it: inner spaces and invisible characters
    removed, a note on the person after it ("（女）", "（挂职）": the lexicon's name_notes) and
    同志 dropped.

    Names are cut from the source by offsets, so characters that normalisation skipped
    (a zero-width space in "田\u200b东", a soft hyphen, a stray control character) would
    come back with them and make two people of one."""
    text = _SPACE.sub("", text)
    if not text.isprintable():  # fast path: most names have nothing to drop
        text = "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf"))
    text = text.strip("，,。；;：:、 ")
    note = _NOTE.search(text)
    if note and note.start() >= 2 and lexicon().is_name_note(note.group(1)):
        text = text[:note.start()]  # "韦某（挂职）", "宋某同志（女）": the note is no part of the name
    if text.endswith("同志") and len(text) > 3:
        text = text[:-2]
    return text


def strip_alias(name: str) -> tuple[str, str | None]:
    """"市发展和改革委员会（市粮食和物资储备局）" -> (first name, second name)."""
    m = re.match(r"^(.+?)[（(]([^（）()]{2,40})[）)]$", name)
    if m and lexicon().is_org(m.group(1)):
        return m.group(1), m.group(2)
    return name, None


def is_category(item: str) -> bool:
    """Whether a list item is a category of bodies rather than one body."""
    lex = lexicon()
    if len(item) < 2:
        return True
    if item.startswith(lex.category_prefixes):
        return True
    if item in lex.category_words or item.endswith(("机构", "企业", "单位", "部门", "方面")):
        return True
    return False


def sentence_bounds(text: str, pos: int, window: int | None = None) -> tuple[int, int]:
    """The sentence around `pos` (between 。；! ? or line breaks); with `window`, cut to that many
    characters either side (reading a text with no sentence stops stays linear)."""
    lo, hi = 0, len(text)
    if window is not None:
        lo, hi = max(lo, pos - window), min(hi, pos + window)
    start = max(lo, max(text.rfind(c, lo, pos) for c in "。；！？\n") + 1)
    ends = [i for i in (text.find(c, pos, hi) for c in "。；！？\n") if i != -1]
    end = min(ends) + 1 if ends else hi
    return start, end


@dataclass
class Emitter:
    """Collects assertions for one document; offsets are into the document's normalised text."""

    doc: ParsedDocument
    extractor: str
    out: list[Assertion] = field(default_factory=list)
    _seen: set[tuple] = field(default_factory=set)

    @property
    def home(self) -> str | None:
        """The place the document is issued by (甲县), whose government is named in full."""
        return home_place(self.doc.info.issuer, self.doc.info.title)

    @property
    def text(self) -> str:
        return self.doc.norm.text

    def surface(self, start: int, end: int) -> str:
        """The source text of a normalised span (original script), spaces removed."""
        s, e = self.doc.norm.span(start, end)
        return clean_name(self.doc.source.text[s:e])

    def in_source(self, value: str, at: tuple[int, int]) -> str:
        """`value` as the source writes it (traditional characters stay traditional).

        Values built from normalised text are looked up in the evidence span; found,
        the source's own characters are returned."""
        if not value:
            return value
        a, b = at
        text = self.doc.norm.text
        k = text.find(value, max(a, 0), min(b, len(text)))
        if k >= 0 and not _SPACE.search(text, max(a, 0), k):  # fast path: first in the span as is
            s, _ = self.doc.norm.span(k, k + 1)
            _, e = self.doc.norm.span(k + len(value) - 1, k + len(value))
            return clean_name(self.doc.source.text[s:e]) or value
        idx = [i for i in range(max(a, 0), min(b, len(text))) if not text[i].isspace()]
        compact = "".join(text[i] for i in idx)
        k = compact.find(value)
        if k < 0:
            return value
        s, _ = self.doc.norm.span(idx[k], idx[k] + 1)
        _, e = self.doc.norm.span(idx[k + len(value) - 1], idx[k + len(value) - 1] + 1)
        return clean_name(self.doc.source.text[s:e]) or value

    def emit(self, rel: str, s: str, s_type: str, o: str, o_type: str, at: tuple[int, int],
             rtype: str | None = None, **extra: object) -> None:
        """One assertion; `at` is the normalised span of its evidence sentence. `rtype` for a
        term that is not a type's own (不再担任 ends a MEMBER_OF)."""
        if o_type == "Organization" and rel not in ("任命", "免去"):  # 任免 name the body as written (SCHEMA §7)
            home = home_government(to_simplified(o), self.home)  # 副县长 in 甲县's document: 甲县人民政府 (SCHEMA §2)
            o = home if home != to_simplified(o) else o
        s, o = self.in_source(clean_name(s), at), self.in_source(clean_name(o), at)
        if isinstance(extra.get("position"), str):
            extra["position"] = self.in_source(clean_name(extra["position"]), at)  # type: ignore[arg-type]
        if not s or not o or s == o:
            return
        key = (rel, s, o, extra.get("role"), extra.get("position"))
        if key in self._seen:
            return
        self._seen.add(key)
        if rtype is not None:
            pass
        elif rel in ("任命", "免去"):
            rtype = "HOLDS"
        else:
            rtype = SCHEMA.rel_by_zh(rel).name
        ev, start, end, line = self.doc.evidence(*at)
        info = self.doc.info
        self.out.append(Assertion(
            rel=rel, type=rtype, s=s, s_type=s_type, o=o, o_type=o_type,
            doc=info.label, doc_id=info.doc_id, date=info.date,
            evidence=ev.strip(), source=info.source, line=line, start=start, end=end,
            extractor=self.extractor, **extra,  # type: ignore[arg-type]
        ))
