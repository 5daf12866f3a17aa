"""Entity linking: the names users type -> the entities of the graph.

Users write 市发改委, 发改委, 朔州市发展和改革委员会, 五个一体化专班, 武越飞 (a homophone
typo) or wuyuefei; the graph has one entity for each. A name is matched through keys: its
normalised form (no spaces, quotes or brackets; traditional characters simplified), the
form without the city prefix (朔州市财政局 -> 市财政局 -> 财政局), and the canonical body
key of entity resolution (`graph.resolve.body_key`, which expands 发改委 and friends from
graph/data/aliases.yaml). What no key matches exactly is scored by containment, by
characters in order (abbreviations), by edit distance (rapidfuzz) and by pinyin (pypinyin),
so typos and partial names still link, with a score that says how sure the link is.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, Iterable, Sequence

from graph.places import Places, level_words, short_name, written_forms
from graph.resolve import body_key
from graph.stores.base import GraphView
from queries.display import label_zh
from queries.named import run
from queries.records import EntityRef

__all__ = ["Match", "Catalogue", "catalogue", "search", "normalize", "resolve_entity", "NotFound", "LINKABLE",
           "EXACT", "ACCEPT", "MARGIN"]

LINKABLE = ("Person", "Organization", "TaskForce", "Area", "Post", "Document", "Task")
EXACT = 100.0
ACCEPT = 62.0   # below this a candidate is not offered as the answer
MARGIN = 4.0    # a best match closer than this to the runner-up is ambiguous

_DROP = re.compile(r"[\s\"'“”‘’「」『』《》<>〈〉·•・,，、。.:：;；!！?？"
                   r"（）()\[\]［］〔〕【】{}｛｝—\-_/\\|]+")
_LEVEL1 = "".join(w for w in level_words() if len(w) == 1)   # 省市州盟县区旗乡镇: a bare name's first character
# a city prefix the graph's names repeat (朔州市…): the common levels only, as 州 ends too many
# other words (国网朔州供电公司); other levels' prefixes are read by the place reader
_PLACE = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,3}?)(?P<level>市|县|区|省)(?P<rest>[\u4e00-\u9fff].+)$")
OFFICE_WORD = "办公室"
_LATIN = re.compile(r"^[a-z0-9]+$")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _t2s() -> Any:
    try:
        import opencc

        return opencc.OpenCC("t2s")
    except Exception:  # the converter is a nicety: without it, traditional input just links worse
        return None


def normalize(text: str) -> str:
    """Width-folded, simplified, lower-case, without spaces, quotes, brackets or punctuation."""
    text = unicodedata.normalize("NFKC", text or "")
    conv = _t2s()
    if conv is not None and _HAN.search(text):
        text = conv.convert(text)
    return _DROP.sub("", text).lower()


def _other_level(mention: str, name: str) -> bool:
    """A bare name's level (市财政局) against another level's body of that name (州财政局)."""
    return mention[:1] in _LEVEL1 and name[:1] in _LEVEL1 and mention[:1] != name[:1]


def _variants(name: str, places: frozenset[str] = frozenset()) -> set[str]:
    """The keys a name is known by: as written, without the city prefix (of a place in
    `places`), canonical."""
    n = normalize(name)
    forms = {n}
    m = _PLACE.match(n)
    if m and m["place"] in places:
        forms.add(m["level"] + m["rest"])
    for place in places:  # 朔州市, 朔州: the city's government (市人民政府)
        for level in _LEVEL1:
            if n in (place + level, place):
                forms.add(f"{level}人民政府")
    for form in list(forms):
        key = normalize(body_key(form, "")[0])
        forms.add(key)
    for form in list(forms):
        if form[:1] in _LEVEL1 and len(form) > 3:  # 市财政局 -> 财政局, 州教育局 -> 教育局, but 市政府 stays
            forms.add(form[1:])
    return {f for f in forms if f}


@lru_cache(maxsize=200_000)
def _pinyin(text: str) -> tuple[str, str]:
    """Full pinyin and initials of a text ("wuyuefei", "wyf")."""
    from pypinyin import lazy_pinyin

    syllables = [s for s in lazy_pinyin(text) if s.strip()]
    return "".join(syllables).lower(), "".join(s[0] for s in syllables).lower()


def _places(names: Iterable[str]) -> frozenset[str]:
    """Places the graph's names start with more than once (朔州 of 朔州市财政局): only
    these prefixes are cut, so 谁分管市财政局 is never read as a place called 谁分管."""
    counts: dict[str, int] = {}
    for name in names:
        m = _PLACE.match(normalize(name))
        if m and m["place"][0] not in _LEVEL1:  # 市城市管理局 names no place 市城
            counts[m["place"]] = counts.get(m["place"], 0) + 1
    return frozenset(p for p, n in counts.items() if n >= 2)


@lru_cache(maxsize=65536)
def _syllables(text: str) -> tuple[str, ...]:
    """The pinyin of each character (homophones agree)."""
    from pypinyin import lazy_pinyin

    return tuple(lazy_pinyin(text))


def _in_order(needle: "str | tuple[str, ...]", hay: "str | tuple[str, ...]") -> bool:
    it = iter(hay)
    return all(ch in it for ch in needle)


@dataclass(frozen=True)
class Match:
    """A candidate entity for a mention, how it matched and how sure (0-100)."""

    entity: EntityRef
    score: float
    how: str        # exact | alias | canonical | contains | contained | abbreviation | fuzzy | pinyin
    key: str        # the key of the entity that matched

    @property
    def name(self) -> str:
        return self.entity.name


@dataclass
class _Entry:
    ref: EntityRef
    names: tuple[str, ...]                     # name first, then aliases (normalised)
    keys: set[str] = field(default_factory=set)

    @cached_property
    def pinyin(self) -> set[tuple[str, str]]:
        return {_pinyin(k) for k in self.keys if _HAN.search(k)}


class Catalogue:
    """Every linkable entity of a store, indexed by its keys."""

    def __init__(self, rows: Iterable[dict[str, Any]]) -> None:
        self.entries: list[_Entry] = []
        self.by_key: dict[str, list[_Entry]] = {}
        self.by_id: dict[str, EntityRef] = {}
        self.unnamed: set[str] = set()   # persons named only by role: known, never linked by name
        rows = list(rows)
        # the places entities belong to (朔州市, and 朔城区 for its government named in a
        # city's notice), and those the store's documents speak for: the store's places
        self.entity_places = frozenset(row["place"] for row in rows if row.get("place"))
        self.store_places = frozenset(row["place"] for row in rows if row.get("place") and row["label"] == "Document")
        self.reader = Places(known=self.entity_places)
        self.places = _places(row["name"] for row in rows if row.get("name")) | frozenset(
            w for p in self.store_places for w in written_forms(p)[1:])
        for row in rows:
            if not row.get("name"):
                continue
            ref = EntityRef(row["id"], row["label"], row["name"], row.get("kind"), row.get("place"))
            self.by_id[ref.id] = ref
            if row.get("unnamed"):
                self.unnamed.add(ref.id)
                continue
            names = tuple(dict.fromkeys([normalize(row["name"]), *(normalize(a) for a in row.get("aliases") or ())]))
            entry = _Entry(ref, names)
            for name in [row["name"], *(row.get("aliases") or ())]:
                entry.keys |= _variants(name, self.places)
            self.entries.append(entry)
            for key in entry.keys:
                self.by_key.setdefault(key, []).append(entry)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def several_places(self) -> bool:
        """Whether the store's documents speak for more than one place (names are then
        shown with their place, and answers about no one place grouped by place)."""
        return len(self.store_places) > 1

    def place_in(self, text: str) -> tuple[str, str] | None:
        """(place, the rest) when `text` begins with a place (云川市财政局, 云川财政局, 上海市…)."""
        return self.reader.prefix(normalize(text))

    def ref(self, entity_id: str) -> EntityRef | None:
        return self.by_id.get(entity_id)

    def twins(self, ref: EntityRef, labels: Sequence[str]) -> list[EntityRef]:
        """Other entities of `labels` with exactly the same name: a body that a list of
        work areas also names (分管…市发展和改革委员会 typed as an Area) is the same body."""
        name = normalize(ref.name)
        return [e.ref for e in self.by_key.get(name, [])
                if e.ref.id != ref.id and e.ref.label in labels and e.names[0] == name and e.ref.place == ref.place]

    def link(self, text: str, labels: Sequence[str] | None = None, limit: int = 5,
             approximate: bool = True) -> list[Match]:
        """Candidates for `text`, best first; `labels` restricts (and orders ties by) label.
        `approximate=False` looks up the keys only (fast, for a first pass)."""
        mention = normalize(text)
        if not mention:
            return []
        order = {label: i for i, label in enumerate(labels or LINKABLE)}
        pool = [e for e in self.entries if e.ref.label in order]
        best: dict[str, Match] = {}

        def offer(entry: _Entry, score: float, how: str, key: str) -> None:
            cur = best.get(entry.ref.id)
            if cur is None or score > cur.score:
                best[entry.ref.id] = Match(entry.ref, round(score, 1), how, key)

        keys = _variants(text, self.places)
        named = self.place_in(text)  # a place named in front narrows to that place's entities
        if named is not None:
            rest = named[1]
            if approximate and rest.startswith("的") and len(rest) > 2:   # 岭东的政数局, not a name as written
                rest = rest[1:]
            keys |= _variants(rest, self.places)
        for key in keys:
            for entry in self.by_key.get(key, []):
                if entry.ref.label not in order:
                    continue
                if key == mention and key == entry.names[0]:
                    offer(entry, EXACT, "exact", key)
                elif key == mention and key in entry.names:
                    offer(entry, EXACT - 1, "alias", key)
                elif _other_level(mention, self._bare(entry.names[0])):  # 市财政局 asked, 州财政局 found
                    offer(entry, EXACT - 6, "canonical", key)
                else:  # through the city prefix, an abbreviation, or a same-body table
                    offer(entry, EXACT - 2, "canonical", key)
        if approximate and not any(m.score >= EXACT - 2 for m in best.values()):
            self._approximate(mention, keys, pool, offer)
            self._discount_shared_parts(best)
            self._discount_offices(mention, best)
        if named is not None:
            best = {k: m for k, m in best.items() if m.entity.place in (named[0], None)}
        ranked = sorted(best.values(), key=lambda m: (-m.score, order[m.entity.label], len(m.name), m.name,
                                                      m.entity.place or ""))
        return ranked[:limit]

    def _approximate(self, mention: str, keys: set[str], pool: list[_Entry], offer: Any) -> None:
        from rapidfuzz import fuzz

        latin = bool(_LATIN.match(mention))
        m_pinyin = _pinyin(mention) if not latin and _HAN.search(mention) else None
        for entry in pool:
            for key in entry.keys:
                for m in keys:
                    if latin or len(m) < 2:
                        continue
                    if m in key:
                        tail = 5 if key.endswith(m) else 0  # …领导小组 named without its opening words
                        offer(entry, 60 + 35 * len(m) / len(key) + tail, "contains", key)
                    elif key in m and len(key) >= 2 and len(key) >= 0.6 * len(m):
                        # the name with a little more around it; a name inside a long phrase
                        # (市能源局 in 市能源局局长黄军) is not what the phrase names
                        offer(entry, 45 + 45 * len(key) / len(m), "contained", key)
                    elif len(m) >= 3 and _in_order(m, key):
                        same_end = 8 if key.endswith(m[-2:]) else 0  # 专班, 领导小组: the kind agrees
                        stem = key[1:] if key[0] in _LEVEL1 else key
                        # 政数局 for 政务服务数据管理局: the first character of the name and one of its
                        # kind word (局, 委员会 -> 委) kept, the rest in order: a short form users write
                        initials = 25 if stem[0] == m[0] and m[-1] in stem[-3:] and len(stem) > len(m) else 0
                        offer(entry, min(95.0, 50 + 40 * len(m) / len(key) + max(same_end, initials)),
                              "abbreviation", key)
                    elif len(m) >= 4 and key.endswith(m[-2:]) and _in_order(_syllables(m), _syllables(key)):
                        # 数字政俯专班: an abbreviation with a homophone typo; the kind word agrees
                        offer(entry, 50 + 40 * len(m) / len(key) + 4, "abbreviation", key)
                    else:
                        ratio = fuzz.ratio(m, key)
                        if len(m) >= 6 and len(key) > len(m):
                            ratio = max(ratio, fuzz.partial_ratio(m, key) - 15)
                        if ratio >= 66:
                            offer(entry, ratio * 0.9, "fuzzy", key)
            if m_pinyin is not None:  # a homophone typo keeps the length: only those keys
                for key in entry.keys:
                    if len(key) == len(mention) and _HAN.search(key) and _pinyin(key)[0] == m_pinyin[0]:
                        offer(entry, 94, "pinyin", key)
            if latin:
                for full, initials in entry.pinyin:
                    if mention == full:
                        offer(entry, 95, "pinyin", full)
                    elif mention == initials and len(mention) >= 2:
                        offer(entry, 80, "pinyin", initials)
                    elif len(mention) >= 4:
                        ratio = fuzz.ratio(mention, full)
                        if ratio >= 80:
                            offer(entry, ratio * 0.85, "pinyin", full)

    def _bare(self, name: str) -> str:
        """A name without the place in front (澄川市财政局 -> 市财政局), as its level shows."""
        found = self.place_in(name)
        return found[1] if found else name

    @staticmethod
    def _discount_offices(mention: str, best: dict[str, Match]) -> None:
        """A body's office (…领导小组办公室) named only approximately, by a mention that does
        not say 办公室, is the body itself far more often than its office."""
        for k, m in list(best.items()):
            if m.score < EXACT - 2 and m.entity.name.endswith(OFFICE_WORD) and OFFICE_WORD not in mention:
                best[k] = Match(m.entity, round(m.score - 20, 1), m.how, m.key)

    @staticmethod
    def _discount_shared_parts(best: dict[str, Match]) -> None:
        """A mention found inside many names (朔州市 in every 朔州市… body) names none of them
        with confidence: each further entity containing it costs the others points."""
        parts = [k for k, m in best.items() if m.how == "contains"]
        if len(parts) < 2:
            return
        cost = min(30.0, 8.0 * (len(parts) - 1))
        for k in parts:
            m = best[k]
            best[k] = Match(m.entity, round(m.score - cost, 1), m.how, m.key)

    def best(self, text: str, labels: Sequence[str] | None = None,
             approximate: bool = True) -> tuple[Match | None, list[Match]]:
        """The one entity `text` names, or None with the candidates when unsure or ambiguous."""
        found = self.link(text, labels, approximate=approximate)
        if not found or found[0].score < ACCEPT:
            return None, found
        top = found[0]
        # same-named entities of another label are told apart by the label order asked for
        rivals = [m for m in found[1:] if top.score - m.score < MARGIN and m.entity.label == top.entity.label]
        if rivals and not (top.score >= EXACT - 2 and all(m.score < EXACT - 2 for m in rivals)):
            return None, [top, *rivals]
        return top, found


_CATALOGUES: "weakref.WeakKeyDictionary[Any, Catalogue]" = weakref.WeakKeyDictionary()


def catalogue(view: GraphView) -> Catalogue:
    """The store's catalogue, read once per view."""
    cat = _CATALOGUES.get(view)
    if cat is None:
        cat = _CATALOGUES[view] = Catalogue(run(view, "entities", {"labels": list(LINKABLE)}))
    return cat


def search(view: GraphView, text: str, labels: Sequence[str] | None = None, limit: int = 10) -> list[Match]:
    """Entities whose names or aliases match `text` (typos, partial names, pinyin), best first."""
    return catalogue(view).link(text, labels, limit)


class NotFound(LookupError):
    """No entity, or no single entity, answers to a name; `candidates` says what came close."""

    def __init__(self, text: str, candidates: list[Match]) -> None:
        close = "、".join(f"{m.entity.placed}（{label_zh(m.entity.label)}）" for m in candidates[:5])
        super().__init__(f"no single entity named {text!r}" + (f"; candidates: {close}" if close else ""))
        self.text = text
        self.candidates = candidates


def resolve_entity(view: GraphView, entity: "str | EntityRef", labels: Sequence[str] | None = None) -> EntityRef:
    """An EntityRef for an id or a name (linked as `Catalogue.best` does), or NotFound."""
    if isinstance(entity, EntityRef):
        return entity
    cat = catalogue(view)
    ref = cat.ref(entity)
    if ref is not None and (labels is None or ref.label in labels):
        return ref
    top, candidates = cat.best(entity, labels)
    if top is None:
        raise NotFound(entity, candidates)
    return top.entity
