"""Places: which administrative division a document speaks for and an entity belongs to.

A place is written in full (朔州市, 上海市, 广东省, 兴宁市, 某县, 岱岳镇); the schema
declares it once (`place:` in graph/schema/schema.yaml). Two kinds of data drive this
module, both in graph/data/: `divisions.tsv`, China's divisions to county level (3,219
names from cpca's table, MIT), and `places.yaml`, the grammar: the levels (省 … 街道),
the words that follow a place in an issuer (人民政府, 委 …), national prefixes and the
provinces' abbreviations. A place the list lacks (a township, a new or invented city) is
read by the grammar: a name and a level followed by its government.

cpca itself was measured and not taken as a dependency: it matches 1,800 names in about a
second (≈0.6 ms each) after 0.4 s of import plus pandas and pyahocorasick, knows nothing
below the county, and answers nothing for a place it lacks; its table, read here as data,
gives what it knows with none of that.

A document's place comes from its issuer, else its title, else its number (朔政办发: the
place of another document of the store numbered alike, else a province's abbreviation).
An entity's: a place named at the start of its name wins (上海市财政局 is 上海's in any
document); a bare name (市财政局, 团市委) is its document's; a national body (国务院) has
none; 省财政厅 in a city's notice is its province's when the list knows the province.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping

import yaml

from graph.records import DocumentInfo

__all__ = ["Division", "Places", "divisions", "place_label", "short_name", "level_of", "without_level"]

_DATA = Path(__file__).parent / "data"
_HAN = "\u4e00-\u9fff"


@dataclass(frozen=True)
class Division:
    """One division of the list: its adcode, full name, level word and parents' codes."""

    code: str
    name: str
    level: str

    @property
    def parents(self) -> tuple[str, ...]:
        """Codes of the province and prefecture above it (those that exist)."""
        out = []
        if self.code[2:] != "0000":
            out.append(self.code[:2] + "0000")
        if self.code[4:] != "00" and self.code[2:4] != "00":
            out.append(self.code[:4] + "00")
        return tuple(out)


@dataclass(frozen=True)
class _Grammar:
    levels: Mapping[str, int]
    level_alt: str            # levels, longest first, as a regex alternation
    government: str           # government words, longest first
    issuer_prefixes: tuple[str, ...]
    national: tuple[str, ...]
    provinces: Mapping[str, str]
    determiners: str = ""     # first characters that make a phrase no place name (各地区, 本市)


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    raw = yaml.safe_load((_DATA / "places.yaml").read_text(encoding="utf-8"))
    levels = {k: int(v) for k, v in raw["levels"].items()}
    return _Grammar(levels, _alt(levels), _alt(raw["government_words"]), tuple(raw["issuer_prefixes"]),
                    tuple(raw["national_prefixes"]), dict(raw["province_abbreviations"]),
                    "".join(raw.get("determiners") or []))


def level_words() -> tuple[str, ...]:
    """The administrative level words (省, 自治区, 市, 自治州, 州, 盟 … 街道), highest first."""
    return tuple(_grammar().levels)


def level_of(place: str) -> str | None:
    """The level word a place name ends with (自治州, 市, 镇 …), or None."""
    for level in sorted(_grammar().levels, key=len, reverse=True):
        if place.endswith(level) and len(place) > len(level):
            return level
    return None


def without_level(name: str) -> str:
    """A body's name without the level word it opens with (市财政局 -> 财政局, 县供销合作社 ->
    供销合作社): what the same body of places of other levels is also called."""
    for level in sorted(_grammar().levels, key=len, reverse=True):
        if name.startswith(level) and len(name) > len(level) + 1:
            return name[len(level):]
    return name


def short_name(place: str) -> str:
    """朔州市 -> 朔州, 广东省 -> 广东, 延边朝鲜族自治州 -> 延边朝鲜族; a name that would be
    left with one character keeps its level (沛县)."""
    level = level_of(place)
    if level and len(place) - len(level) >= 2:
        return place[: -len(level)]
    return place


_ETHNIC = re.compile(r"^(?P<core>[\u4e00-\u9fff]{2,}?)(?:[\u4e00-\u9fff]{1,3}?族)+$")


def written_forms(place: str) -> tuple[str, ...]:
    """How users write a place: 朔州市 -> 朔州市, 朔州; an autonomous one also without its
    peoples, with and without the last character of its level: 延边朝鲜族自治州 -> …, 延边州, 延边."""
    out = [place, short_name(place)]
    tail = _chain_tail(place)
    if tail:  # 鹭港市澜湾区: also 澜湾区, 澜湾
        out += written_forms(tail)
    level = level_of(place) or ""
    m = _ETHNIC.match(short_name(place))
    if level.startswith("自治") and m:
        out += [m["core"] + level[-1], m["core"]]
    return tuple(dict.fromkeys(x for x in out if len(x) >= 2))


def _chain_tail(place: str) -> str | None:
    """The last place of a chain of places (鹭港市澜湾区 -> 澜湾区, 甲县乙镇 -> 乙镇); None
    for a single place."""
    for k in range(len(place) - 3, 1, -1):
        head, tail = place[:k], place[k:]
        if level_of(head) and head.endswith(level_of(head) or "") and level_of(tail) and len(tail) >= 3:
            return tail
    return None


@lru_cache(maxsize=1)
def divisions() -> dict[str, Division]:
    """The division list by full name (a name two divisions share keeps the higher one)."""
    out: dict[str, Division] = {}
    for line in (_DATA / "divisions.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        code, name = line.split("\t")
        level = level_of(name) or ""
        if name not in out or code.endswith("0000") or (code.endswith("00") and not out[name].code.endswith("00")):
            out[name] = Division(code, name, level)
    return out


@lru_cache(maxsize=1)
def _by_code() -> dict[str, Division]:
    return {d.code: d for d in divisions().values()}


@lru_cache(maxsize=1)
def _issuer_pattern() -> re.Pattern[str]:
    g = _grammar()
    # the government may repeat its level (上海市市政府, 某县县委); a determiner is no place (各地区)
    levels1 = "".join(w for w in g.levels if len(w) == 1)
    return re.compile(rf"(?P<place>(?![{g.determiners}])[{_HAN}]{{2,7}}?(?:{g.level_alt}))"
                      rf"(?=[{levels1}]?(?:{g.government}))")


def place_label(name: str, place: str | None) -> str:
    """A name with its place, for a store of several places: 市财政局 · 朔州市; a name that
    already says its place (朔州市财政局, 云川团市委) stays as it is."""
    if not place or short_name(place) in name:
        return name
    return f"{name} · {place}"


class Places:
    """The places of a set of documents, and of the entities they name.

    Built once per resolution or graph build from every document at hand: a document
    whose issuer and title name no place takes it from another numbered alike."""

    def __init__(self, documents: Iterable[DocumentInfo] = (), known: Iterable[str] = ()) -> None:
        self.documents: dict[str, DocumentInfo] = {d.doc_id: d for d in documents}
        own = {doc_id: self._stated(d) for doc_id, d in self.documents.items()}
        prefixes: dict[str, set[str]] = {}
        for doc_id, place in own.items():
            prefix = _number_prefix(self.documents[doc_id].number)
            if place and prefix:
                prefixes.setdefault(prefix, set()).add(place)
        self._by_doc: dict[str, str | None] = {}
        for doc_id, place in own.items():
            if place is None:
                prefix = _number_prefix(self.documents[doc_id].number)
                found = prefixes.get(prefix or "", set())
                if len(found) == 1:
                    place = next(iter(found))
                elif prefix and prefix[0] in _grammar().provinces and not found:
                    place = _grammar().provinces[prefix[0]]
            self._by_doc[doc_id] = place
        self.known: set[str] = {p for p in self._by_doc.values() if p} | {p for p in known if p}
        # a name may begin with a store place in full (云川市财政局) or short (云川团市委)
        self._prefixes: dict[str, tuple[str, str] | None] = {}   # the same names recur in every notice
        self._within: dict[str, str | None] = {}
        self._starts = sorted({(w, p) for p in self.known for w in written_forms(p)},
                              key=lambda sp: (-len(sp[0]), sp[0] != sp[1], sp))  # longest first, a name
        # in full before another place's short form of it (上海市 before 上海市市's), the rest in a fixed order

    # -- documents -------------------------------------------------------------------------

    @staticmethod
    def _stated(doc: DocumentInfo) -> str | None:
        """The place a document's issuer or title names (the number is read later)."""
        for text in (doc.issuer or "", doc.title or ""):
            found = issuer_place(text)
            if found:
                return found
        return None

    def of_document(self, doc_id: str) -> str | None:
        """The place a document speaks for, None when nothing says."""
        if doc_id not in self._by_doc and doc_id in self.documents:
            self._by_doc[doc_id] = self._stated(self.documents[doc_id])
        return self._by_doc.get(doc_id)

    # -- names -----------------------------------------------------------------------------

    def prefix(self, name: str) -> tuple[str, str] | None:
        """(place, the rest) for a name that begins with a place: 上海市财政局 -> (上海市,
        市财政局), 云川团市委 -> (云川市, 团市委), 山西省朔州市财政局 -> (朔州市, 市财政局);
        None for a bare name. The rest keeps the place's level word, as bare names are written."""
        if name not in self._prefixes:
            self._prefixes[name] = self._prefix(name)
        return self._prefixes[name]

    def _prefix(self, name: str) -> tuple[str, str] | None:
        n = name
        for p in _grammar().issuer_prefixes:
            if n.startswith(p) and len(n) > len(p) + 2:
                n = n[len(p):]
                break
        found: tuple[str, bool] | None = None
        while True:
            step = self._match(n)
            if step is None:
                break
            place, used, full = step
            found, n = (place, full), n[used:]
        if found is None:
            return None
        place, full = found
        return place, ((level_of(place) or "") if full else "") + n

    def _match(self, n: str) -> tuple[str, int, bool] | None:
        """(place, characters used, written in full) for a place at the start of `n`."""
        for written, place in self._starts:
            if n.startswith(written) and len(n) > len(written) + 1:
                # in full: the place's name, or its last part with the level word (澜湾区 of 鹭港市澜湾区)
                return place, len(written), written == place or written.endswith(level_of(place) or "\0")
        divs = divisions()
        for size in range(min(len(n) - 2, 10), 2, -1):
            head = n[:size]
            if head in divs and not head.startswith(("市", "县", "区", "省")):
                return head, size, True
        return None

    def named_within(self, name: str) -> str | None:
        """A store place named inside a name (国家统计局云川调查队, 武警云川支队)."""
        if name not in self._within:
            self._within[name] = next((place for written, place in self._starts if written in name), None)
        return self._within[name]

    def of_entity(self, label: str, name: str, doc_id: str) -> str | None:
        """The place of an entity named `name` in document `doc_id`, by the rules above."""
        home = self.of_document(doc_id)
        if label in ("Organization", "TaskForce"):
            found = self.prefix(name)
            if found:
                return found[0]
            if label == "TaskForce":
                return home
            inside = self.named_within(name)
            if inside:
                return inside
            g = _grammar()
            if name.startswith(g.national):
                return None
            for level, rank in g.levels.items():
                if name.startswith(level) and home and rank < g.levels.get(level_of(home) or "", 9):
                    return self.ancestor(home, rank) or home
            return home
        return home

    @staticmethod
    def ancestor(place: str, rank: int) -> str | None:
        """The division above `place` at `rank` (1 province, 2 prefecture), when the list knows."""
        div = divisions().get(place)
        if div is None:
            return None
        for code in div.parents:
            parent = _by_code().get(code)
            if parent is not None and _grammar().levels.get(parent.level) == rank:
                return parent.name
        return None


def issuer_place(text: str) -> str | None:
    """The place an issuer or a title names: 朔州市人民政府办公室 -> 朔州市, 中共某县委 ->
    某县, 山西省朔州市人民政府 -> 朔州市; None when it names none (市人民政府)."""
    t = re.sub(r"\s+", "", text)
    for p in _grammar().issuer_prefixes:
        if t.startswith(p):
            t = t[len(p):]
            break
    for size in range(min(len(t), 12), 1, -1):  # a listed division, however short (沛县)
        if t[:size] in divisions() and re.match(_grammar().government, t[size:]):
            return t[:size]
    m = _issuer_pattern().match(t)
    province = next((t[:size] for size in range(min(len(t), 9), 1, -1) if t[:size] in divisions()
                     and _grammar().levels.get(divisions()[t[:size]].level) == 1), None)
    if province is not None and _issuer_pattern().match(t[len(province):]):  # 湖北省某某自治州人民政府
        m = _issuer_pattern().match(t[len(province):])
    if not m:
        return None
    return _most_specific(m["place"])


def _most_specific(chain: str) -> str:
    """山西省朔州市 -> 朔州市 (a known division in front is dropped); 某县某镇 stays whole."""
    divs = divisions()
    levels = _grammar().levels
    for size in range(len(chain) - 2, 1, -1):
        head, rest = chain[:size], chain[size:]
        # a known division in front, or any province (a name the list lacks: 东陵省禾丰市 -> 禾丰市)
        known = head in divs or size >= 3 and levels.get(level_of(head) or "", 0) == 1
        if known and level_of(rest) and (levels.get(level_of(rest) or "", 0) < 4):
            return _most_specific(rest)
    return chain


_NUMBER = re.compile(rf"^([{_HAN}]{{1,3}}?)(?:政|府|办|委|发|干|任|函|人)")


def _number_prefix(number: str | None) -> str | None:
    """朔政办发〔2023〕26号 -> 朔; 岭府办〔2023〕12号 -> 岭."""
    if not number:
        return None
    m = _NUMBER.match(number)
    return m.group(1) if m else None
