"""Questions in Chinese -> a question form with its slots linked to entities.

The forms are data (queries/questions.yaml). A question is normalised, every pattern of
every form is tried against the whole of it, and each entity slot is linked with the
entity linker; a reading survives only if every slot links well enough. The reading whose
weakest link is strongest wins (ties go to the form listed first). A question no form
reads is "not understood": the caller answers with what it can answer instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator, Mapping

import yaml

from graph.model import SCHEMA
from queries.linker import ACCEPT, EXACT, Catalogue, Match, normalize
from queries.records import EntityRef
from queries.titles import titles

__all__ = ["Form", "QuestionBook", "SlotValue", "Parse", "book", "normalize_question", "parse"]

_DATA = Path(__file__).parent / "questions.yaml"
_SLOT = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Form:
    """One question form: its patterns, typed slots, and the handler that answers it."""

    id: str
    ask: str
    handler: str
    options: Mapping[str, Any]
    entity_slots: Mapping[str, tuple[str, ...]]   # slot -> labels it links to
    word_slots: Mapping[str, str]                 # slot -> vocabulary name
    patterns: tuple[str, ...]                     # regular expressions, slots expanded
    min_score: float = ACCEPT

    @property
    def multi(self) -> bool:
        return len(self.entity_slots) > 1


@dataclass(frozen=True)
class QuestionBook:
    """The forms and the normalisation rules, compiled once."""

    forms: tuple[Form, ...]
    drop_prefix: tuple[str, ...]
    drop_suffix: tuple[str, ...]
    rewrites: tuple[tuple[re.Pattern[str], str], ...]
    vocab: Mapping[str, tuple[str, ...]]
    meaning: Mapping[str, Mapping[str, Any]]
    english: tuple[tuple[str, str], ...] = ()   # (word, Chinese), longest first

    def form(self, form_id: str) -> Form:
        return next(f for f in self.forms if f.id == form_id)


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _expand(pattern: str, entity: Mapping[str, tuple[str, ...]], words: Mapping[str, str],
            vocab: Mapping[str, tuple[str, ...]], where: str) -> str:
    def sub(m: re.Match[str]) -> str:
        name = m[1]
        if name in entity:
            return f"(?P<{name}>.+?)"
        if name in words:
            return f"(?P<{name}>{_alternation(vocab[words[name]])})"
        if name in vocab:
            return f"(?:{_alternation(vocab[name])})"
        raise ValueError(f"{where}: {{{name}}} is neither a slot nor a vocabulary")

    out = _SLOT.sub(sub, pattern)
    re.compile(out)  # fail at load, with the form's name, not at the first question
    return out


@lru_cache(maxsize=4)
def book(path: Path = _DATA) -> QuestionBook:
    """Read and check queries/questions.yaml once."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    vocab = {k: tuple(v) for k, v in raw["vocab"].items()}
    norm = raw["normalize"]
    forms = []
    for spec in raw["forms"]:
        entity: dict[str, tuple[str, ...]] = {}
        words: dict[str, str] = {}
        for slot, kind in spec.get("slots", {}).items():
            if isinstance(kind, str) and kind.startswith("@"):
                if kind[1:] not in vocab:
                    raise ValueError(f"form {spec['id']}: unknown vocabulary {kind}")
                words[slot] = kind[1:]
            else:
                labels = tuple(kind)
                for label in labels:
                    if label not in SCHEMA.nodes:
                        raise ValueError(f"form {spec['id']}: {label} is not a label of the schema")
                entity[slot] = labels
        options = dict(spec.get("options") or {})
        for rtype in options.get("types", []) + options.get("related", []):
            if rtype not in SCHEMA.relationships:
                raise ValueError(f"form {spec['id']}: {rtype} is not a relationship type of the schema")
        patterns = tuple(_expand(p, entity, words, vocab, f"form {spec['id']}") for p in spec["patterns"])
        forms.append(Form(spec["id"], spec.get("ask", spec["id"]), spec["handler"], options, entity, words,
                          patterns, float(spec.get("min_score", ACCEPT))))
    ids = [f.id for f in forms]
    if len(ids) != len(set(ids)):
        raise ValueError("questions.yaml: form ids must be unique")
    return QuestionBook(
        forms=tuple(forms),
        drop_prefix=tuple(sorted(norm.get("drop_prefix", []), key=len, reverse=True)),
        drop_suffix=tuple(sorted(norm.get("drop_suffix", []), key=len, reverse=True)),
        rewrites=tuple((re.compile(a), b) for a, b in norm.get("rewrite", [])),
        vocab=vocab,
        meaning={k: dict(v) for k, v in (raw.get("meaning") or {}).items()},
        english=tuple(sorted(((k.lower(), v) for k, v in (norm.get("english") or {}).items()),
                             key=lambda kv: -len(kv[0]))),
    )


def from_english(question: str, qb: QuestionBook | None = None) -> str:
    """The question with the English words users mix in (mayor, members) read as Chinese;
    a question in Chinese only is returned as it is."""
    if not re.search(r"[A-Za-z]", question):
        return question
    qb = qb or book()
    out = question
    for word, zh in qb.english:
        out = re.sub(r"(?<![a-z])" + r"\s*".join(map(re.escape, word)) + r"(?![a-z])", zh, out, flags=re.I)
    return out


def normalize_question(question: str, qb: QuestionBook | None = None) -> str:
    """The question as patterns see it: no punctuation, politeness or particles; one wording."""
    qb = qb or book()
    q = normalize(question)
    changed = True
    while changed:
        changed = False
        for prefix in qb.drop_prefix:
            if q.startswith(prefix) and len(q) > len(prefix) + 1:
                q, changed = q[len(prefix):], True
        for suffix in qb.drop_suffix:
            if q.endswith(suffix) and len(q) > len(suffix) + 1:
                q, changed = q[: -len(suffix)], True
    for pattern, repl in qb.rewrites:
        q = pattern.sub(repl, q)
    return q


@dataclass
class SlotValue:
    """A filled slot: its text, and for an entity slot the link (or the candidates)."""

    text: str
    entity: EntityRef | None = None
    match: Match | None = None
    candidates: list[Match] = field(default_factory=list)

    @property
    def score(self) -> float:
        return self.match.score if self.match else (self.candidates[0].score if self.candidates else 0.0)


@dataclass
class Parse:
    """A reading of a question: the form, its slots, how sure, and whether a name is ambiguous."""

    form: Form
    slots: dict[str, SlotValue]
    score: float
    ambiguous: list[str] = field(default_factory=list)   # entity slots with several candidates

    def entity(self, slot: str) -> EntityRef | None:
        value = self.slots.get(slot)
        return value.entity if value else None

    def word(self, slot: str) -> str | None:
        value = self.slots.get(slot)
        return value.text if value else None


_FILLER_HEAD = ("这个", "那个", "该", "关于", "从")
_FILLER_TAIL = ("的", "这个")


def _clean(text: str) -> str:
    changed = True
    while changed and len(text) > 1:
        changed = False
        for f in _FILLER_HEAD:
            if text.startswith(f) and len(text) > len(f) + 1:
                text, changed = text[len(f):], True
        for f in _FILLER_TAIL:
            if text.endswith(f) and len(text) > len(f) + 1:
                text, changed = text[: -len(f)], True
    return text


@lru_cache(maxsize=1)
def _person_titles() -> tuple[str, ...]:
    t = titles()
    words = set(t.heads) | set(t.government_leaders) | set(t.government_heads)
    words |= {"同志", "市委常委", "市委副书记"}
    words |= {d + h for h in t.heads for d in t.deputy_prefixes}
    return tuple(sorted(words, key=len, reverse=True))


def _person_texts(text: str) -> list[tuple[str, float]]:
    """A person as typed, then without the titles around the name (刘亮副市长, 副市长刘亮),
    then the last two or three characters (市能源局局长黄军): each with what the cut costs."""
    out = {text: 0.0}
    for word in _person_titles():
        if text.endswith(word) and len(text) - len(word) >= 2:
            out.setdefault(text[: -len(word)], 0.5)
        if text.startswith(word) and len(text) - len(word) >= 2:
            out.setdefault(text[len(word):], 0.5)
    for t in [t for t, cost in out.items() if cost]:
        for u, _ in _person_texts(t)[1:]:
            out.setdefault(u, 0.5)
    if len(text) >= 5:  # a name after the body and title it is written with
        for n in (3, 2):
            out.setdefault(text[-n:], 3.0)
    return list(out.items())


def _link(cat: Catalogue, text: str, labels: tuple[str, ...], approximate: bool = True) -> SlotValue:
    text = _clean(text)
    texts = _person_texts(text) if "Person" in labels else [(text, 0.0)]
    best: SlotValue | None = None
    for t, cost in texts:
        top, candidates = cat.best(t, ["Person"] if cost else labels, approximate)
        value = SlotValue(text, top.entity if top else None, top, candidates if top is None else [])
        if top is not None and cost:  # something had to be cut: less sure than the bare name
            value.match = Match(top.entity, top.score - cost, top.how, top.key)
        if best is None or (value.match is not None, value.score) > (best.match is not None, best.score):
            best = value
    assert best is not None
    return best


def _label_rank(labels: tuple[str, ...], value: SlotValue) -> int:
    ref = value.entity or (value.candidates[0].entity if value.candidates else None)
    return labels.index(ref.label) if ref is not None and ref.label in labels else 0


@lru_cache(maxsize=4096)
def _fixed(pattern: str, first: str, n: int) -> re.Pattern[str]:
    """The pattern with its first entity slot fixed to n characters (to try every split)."""
    return re.compile(pattern.replace(f"(?P<{first}>.+?)", f"(?P<{first}>.{{{n}}})", 1))


def _matches(form: Form, pattern: str, q: str) -> Iterator[re.Match[str]]:
    if not form.multi:
        m = re.fullmatch(pattern, q)
        if m:
            yield m
        return
    first = min(form.entity_slots, key=lambda s: pattern.find(f"(?P<{s}>"))
    for n in range(1, len(q)):
        m = _fixed(pattern, first, n).fullmatch(q)
        if m:
            yield m


def parse(cat: Catalogue, question: str, qb: QuestionBook | None = None, limit: int = 3) -> list[Parse]:
    """Readings of a question, best first (empty when no form reads it).

    Names are first looked up by their keys only; the slower approximate matching (typos,
    partial names, pinyin) runs only when no reading links every name that way."""
    qb = qb or book()
    q = normalize_question(question, qb)
    if not q:
        return []
    exact = _readings(cat, q, qb, approximate=False)
    if exact and exact[0].score >= EXACT - 3 and not exact[0].ambiguous:
        return exact[:limit]
    return _readings(cat, q, qb, approximate=True)[:limit]


def _readings(cat: Catalogue, q: str, qb: QuestionBook, approximate: bool) -> list[Parse]:
    readings: dict[tuple[Any, ...], Parse] = {}
    link_cache: dict[tuple[str, tuple[str, ...]], SlotValue] = {}
    for order, form in enumerate(qb.forms):
        for pattern in form.patterns:
            for m in _matches(form, pattern, q):
                slots: dict[str, SlotValue] = {}
                ambiguous: list[str] = []
                ok = True
                for name, labels in form.entity_slots.items():
                    key = (m[name], labels)
                    if key not in link_cache:
                        link_cache[key] = _link(cat, m[name], labels, approximate)
                    value = link_cache[key]
                    if value.match is None:
                        if value.candidates and value.candidates[0].score >= max(ACCEPT, form.min_score):
                            ambiguous.append(name)
                        else:
                            ok = False
                            break
                    elif value.match.score < form.min_score:
                        ok = False
                        break
                    slots[name] = value
                if not ok:
                    continue
                groups = m.groupdict()
                for name in form.word_slots:
                    if groups.get(name) is not None:
                        slots[name] = SlotValue(groups[name])
                entities = [slots[s].entity.id for s in form.entity_slots if slots[s].entity]
                if form.multi and len(set(entities)) < len(entities):
                    continue  # X和X: one entity twice is no question about two
                # an entity of the slot's first label reads the form best (消防 is an Area
                # first for 负责Y工作的领导, and only secondly for 谁分管X)
                score = min((slots[s].score - 0.5 * _label_rank(form.entity_slots[s], slots[s])
                             for s in form.entity_slots), default=100.0)
                if ambiguous:
                    score -= 5  # a sure reading of another form beats an ambiguous one
                key = (form.id, tuple((k, v.entity.id if v.entity else v.text) for k, v in sorted(slots.items())))
                reading = Parse(form, slots, score - order * 1e-3, ambiguous)
                if key not in readings or readings[key].score < reading.score:
                    readings[key] = reading
    return sorted(readings.values(), key=lambda p: -p.score)
