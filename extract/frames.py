"""Relation frames: sentences that state a relationship, written as data (extract/data/frames.yaml).

A frame names a schema relationship type and gives a small pattern:

    "{group}由{org}牵头"           slots in braces, literal words between them
    "{组成|构成}", "{等|}"         inline alternations of words ("" makes one optional)
    "{@setup_verbs}"               a word list of task_force.yaml or appointment.yaml (or the
                                   lexicon's group_words, member_roles)
    "{!关}"                        words that must not follow here
    "{parent:group}"               a slot named `parent` of the slot kind `group`

Slot kinds are data too (`slots:` in frames.yaml): each is a bounded regular expression, the
entity type what it reads, and whether it is a list. A frame is checked at load against the
schema (its type exists, its slots read that type's subject and object, its role is one of
the type's roles) and compiled once; every error names the frame. Matches are looked for only
in the sentences that hold the frame's key word (its longest literal), which keeps reading long
documents linear. The extractors turn a match into assertions through their Emitter, so
provenance stays the source span.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from extract.lexicon import lexicon
from graph.model import SCHEMA, RelType

__all__ = ["Frame", "FrameError", "FrameMatch", "Slot", "frames", "frame", "load_frames", "matches"]

DATA = Path(__file__).parent / "data"
FRAMES_PATH = DATA / "frames.yaml"
# Literal punctuation of a pattern that documents write in either width after normalisation
# (normalised text unifies brackets and colons, not commas).
_WIDTHS = {"，": "[，,]", " ": r"\s*"}
_TOKEN = re.compile(r"\{([^{}]*)\}")
_SLOT_REF = re.compile(r"^(?:(?P<name>[a-z_][a-z_0-9]*):)?(?P<kind>[a-z_][a-z_0-9]*)$")
_LIST_REF = re.compile(r"\{@([a-z_]+)\}")
_SENTENCE_ENDS = "。；！？"   # not line breaks: a hard-wrapped sentence is still one
_SENTENCE_MAX = 2000         # a window, so that looking for a sentence's ends stays linear
# Any text, a notice's body, a subgroup's lines, right after another match, a heading line, a duties
# line (both matched alone), inside a set-up sentence's chain ("以A为组长…的"), a 任免 notice's clause
# (read by appointment.py).
WITHIN = ("text", "notice", "subgroup", "after", "heading", "duties", "chain", "clause")


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # the C parser: the file's examples make it long


class FrameError(ValueError):
    """A frame that does not fit the schema or the slot grammar."""


@dataclass(frozen=True)
class Slot:
    kind: str
    regex: str
    entity: str | None       # the schema node label it reads; None for words that join
    is_list: bool = False


@dataclass(frozen=True)
class Frame:
    name: str
    type: RelType
    pattern: str
    regex: re.Pattern[str]
    key: re.Pattern[str] | None          # the literal every match holds (None: read the whole range)
    slots: dict[str, Slot]               # slot name -> kind
    subject: str | None                  # the slot read as the subject; None: the context's body
    object: str | None                   # ... and as the object
    role: str | None = None              # a fixed role (成员单位, 组长单位)
    role_slot: str | None = None         # or the slot that reads it
    respectively: bool = False           # 分别由A、B…: items pair with the subject's items in order
    within: str = "text"
    ends: bool = False                   # the sentence ends the relationship (不再担任): its timeline's end term
    examples: tuple[dict[str, Any], ...] = ()
    options: dict[str, Any] | None = None   # flags of the applying code (orgs_only …), across_sentences, overlapping
    starts: bool = False                 # the sentence starts the relationship (任命): its start term

    @property
    def rel(self) -> str:
        """The relation term the facts carry: the schema's own, or its timeline's end term."""
        if self.ends or self.starts:
            terms = SCHEMA.timelines[self.type.timeline]   # type: ignore[index]
            return (terms.end_terms if self.ends else terms.start_terms)[0]
        return self.type.zh

    def flag(self, name: str) -> Any:
        return (self.options or {}).get(name)


@dataclass(frozen=True)
class FrameMatch:
    frame: Frame
    match: re.Match[str]

    def span(self, slot: str) -> tuple[int, int]:
        return self.match.span(slot)

    def text(self, slot: str) -> str:
        return self.match.group(slot) or ""

    def start(self) -> int:
        return self.match.start()

    def end(self) -> int:
        return self.match.end()


def _words() -> dict[str, list[str]]:
    """The word lists a pattern may name: task_force.yaml's, appointment.yaml's, and the lexicon's
    body kinds and roles."""
    raw = {k: v for f in ("task_force.yaml", "appointment.yaml")
           for k, v in yaml.safe_load((DATA / f).read_text(encoding="utf-8")).items()}
    lex = lexicon()
    words = {k: [str(w) for w in v] for k, v in raw.items() if isinstance(v, list)}
    words["group_words"] = list(lex.group_words)
    words["member_roles"] = list(lex.member_roles)
    return words


def _alt(words: list[str]) -> str:
    """Words as one alternation, longest first (so 副组长 wins over 组长)."""
    return "|".join(_literal(w) for w in sorted(set(words), key=len, reverse=True))


def _literal(text: str) -> str:
    return "".join(_WIDTHS.get(c, re.escape(c)) for c in text)


def _expand_lists(regex: str, words: dict[str, list[str]], where: str) -> str:
    def one(m: re.Match[str]) -> str:
        if m.group(1) not in words:
            raise FrameError(f"{where}: unknown word list @{m.group(1)}")
        return f"(?:{_alt(words[m.group(1)])})"
    return _LIST_REF.sub(one, regex)


def _slots(raw: dict[str, Any], words: dict[str, list[str]]) -> dict[str, Slot]:
    out: dict[str, Slot] = {}
    for kind, spec in raw.items():
        entity = spec.get("entity")
        if entity is not None and entity not in SCHEMA.nodes:
            raise FrameError(f"slot {kind}: unknown entity type {entity}")
        regex = _expand_lists(spec["regex"], words, f"slot {kind}")
        try:
            re.compile(regex)
        except re.error as e:
            raise FrameError(f"slot {kind}: bad regex: {e}") from None
        out[kind] = Slot(kind, regex, entity, bool(spec.get("list", False)))
    return out


def _compile(name: str, pattern: str, kinds: dict[str, Slot],
             words: dict[str, list[str]]) -> tuple[str, dict[str, Slot], str | None]:
    """The pattern as a regex, its slots, and its key literal (the longest required one)."""
    parts: list[str] = []
    slots: dict[str, Slot] = {}
    keys: list[tuple[int, str]] = []   # (shortest length, regex) of what every match holds
    pos = 0
    for m in _TOKEN.finditer(pattern):
        lit = pattern[pos:m.start()]
        parts.append(_literal(lit))
        keys.append((len(lit.strip()), re.escape(lit.strip())))
        pos = m.end()
        body = m.group(1)
        ref = _SLOT_REF.match(body)
        if body.startswith("!"):
            parts.append(f"(?!{_alt(body[1:].split('|'))})")
        elif ref:
            slot_name, kind = ref.group("name") or ref.group("kind"), ref.group("kind")
            if kind not in kinds:
                raise FrameError(f"frame {name}: unknown slot kind {{{body}}} (known: {', '.join(kinds)})")
            if slot_name in slots:
                raise FrameError(f"frame {name}: slot {slot_name} twice; name one {{other:{kind}}}")
            slots[slot_name] = kinds[kind]
            parts.append(f"(?P<{slot_name}>{kinds[kind].regex})")
        else:   # words, lists among them: {@group_words|成员单位|成员}
            alts = body.split("|")
            if any(_SLOT_REF.match(a) for a in alts):
                raise FrameError(f"frame {name}: {{{body}}} mixes slots into a choice of words")
            choice = [_expand_lists("{" + a + "}", words, f"frame {name}") if a.startswith("@") else _alt([a])
                      for a in alts if a]
            parts.append(f"(?:{'|'.join(choice)}){'?' if '' in alts else ''}")
            if "" not in alts:
                flat = [w for a in alts for w in (words.get(a[1:], []) if a.startswith("@") else [a])]
                keys.append((min(map(len, flat), default=0), "|".join(choice)))
    lit = pattern[pos:]
    parts.append(_literal(lit))
    keys.append((len(lit.strip()), re.escape(lit.strip())))
    size, key = max(keys, key=lambda k: k[0])
    return "".join(parts), slots, key if size else None


def _role_of(name: str, rtype: RelType, spec: dict[str, Any], slots: dict[str, Slot]) -> tuple[str | None, str | None]:
    role = spec.get("role")
    role_slot = next((s for s, slot in slots.items() if slot.kind.startswith("role")), None)
    if (role or role_slot) and "role" not in rtype.properties:
        raise FrameError(f"frame {name}: {rtype.name} has no role")
    if role and rtype.roles and role not in rtype.roles:
        raise FrameError(f"frame {name}: role {role} is not one of {rtype.name}'s ({', '.join(rtype.roles)})")
    return role, role_slot


def _ends(name: str, rtype: RelType, spec: dict[str, Any], slots: dict[str, Slot], within: str) -> tuple[str | None, str | None]:
    """The subject and object slots: named in the frame, else the one slot whose entity type is
    the type's source (target); a notice's frame may leave one to its body."""
    def pick(key: str, labels: tuple[str, ...], other: str | None) -> str | None:
        if key in spec:
            chosen = spec[key]
            if chosen is not None and chosen not in slots:
                raise FrameError(f"frame {name}: {key} {chosen} is no slot of the pattern")
            if chosen is not None and slots[chosen].entity not in labels:
                raise FrameError(f"frame {name}: {key} {chosen} reads {slots[chosen].entity}, {rtype.name} wants {labels}")
            return chosen
        found = [s for s, slot in slots.items() if slot.entity in labels and s != other]
        if len(found) > 1:
            raise FrameError(f"frame {name}: several slots may be the {key} ({', '.join(found)}); name one")
        if not found and not (within != "text" and "TaskForce" in labels):
            raise FrameError(f"frame {name}: no slot reads the {key} of {rtype.name} ({'/'.join(labels)})")
        return found[0] if found else None
    if set(rtype.sources) & set(rtype.targets) and not {"subject", "object"} <= set(spec):
        raise FrameError(f"frame {name}: {rtype.name} joins two of one kind; name its subject and object")
    subject = pick("subject", rtype.sources, None)
    return subject, pick("object", rtype.targets, subject)


def _frame(spec: dict[str, Any], kinds: dict[str, Slot], words: dict[str, list[str]]) -> Frame:
    name = spec.get("name") or "?"
    if spec.get("type") not in SCHEMA.relationships:
        raise FrameError(f"frame {name}: unknown relationship type {spec.get('type')!r}")
    rtype = SCHEMA.relationships[spec["type"]]
    within = spec.get("within", "text")
    if within not in WITHIN:
        raise FrameError(f"frame {name}: within {within!r}, not one of {WITHIN}")
    regex, slots, key = _compile(name, spec["pattern"], kinds, words)
    try:
        compiled = re.compile(regex)
    except re.error as e:
        raise FrameError(f"frame {name}: bad pattern: {e}") from None
    subject, obj = _ends(name, rtype, spec, slots, within)
    role, role_slot = _role_of(name, rtype, spec, slots)
    examples = tuple(spec.get("examples") or ())
    if len(examples) < 2:
        raise FrameError(f"frame {name}: give at least two examples")
    respectively = bool(spec.get("respectively", False))
    if respectively and not any(s.is_list for s in slots.values()):
        raise FrameError(f"frame {name}: respectively pairs list slots; the pattern has none")
    ends = bool(spec.get("ends", False))
    if ends and not (rtype.timeline and SCHEMA.timelines[rtype.timeline].end_terms):
        raise FrameError(f"frame {name}: {rtype.name}'s timeline has no term that ends it")
    starts = bool(spec.get("starts", False))
    if starts and not (rtype.timeline and SCHEMA.timelines[rtype.timeline].start_terms):
        raise FrameError(f"frame {name}: {rtype.name}'s timeline has no term that starts it")
    known = {"name", "type", "pattern", "subject", "object", "role", "respectively", "within",
             "ends", "starts", "examples", "options"}
    if set(spec) - known:
        raise FrameError(f"frame {name}: unknown keys {sorted(set(spec) - known)}")
    return Frame(name, rtype, spec["pattern"], compiled, re.compile(key) if key else None, slots, subject, obj,
                 role, role_slot, respectively, within, ends, examples, spec.get("options"), starts)


def load_frames(path: Path = FRAMES_PATH) -> tuple[Frame, ...]:
    """Every frame of `path`, checked and compiled; a frame that does not fit raises FrameError."""
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    words = _words()
    kinds = _slots(raw["slots"], words)
    out = [_frame(spec, kinds, words) for spec in raw["frames"]]
    names = [f.name for f in out]
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        raise FrameError(f"frames named twice: {sorted(dup)}")
    return tuple(out)


@lru_cache(maxsize=1)
def _all() -> tuple[Frame, ...]:
    return load_frames()


def frames(within: str | None = None, type: str | None = None) -> list[Frame]:
    """The frames read `within` a kind of text (and of one type), in the file's order."""
    return [f for f in _all() if (within is None or f.within == within) and (type is None or f.type.name == type)]


def frame(name: str) -> Frame:
    for f in _all():
        if f.name == name:
            return f
    raise KeyError(name)


def matches(fr: Frame, text: str, lo: int = 0, hi: int | None = None, sentences: bool = True) -> Iterator[FrameMatch]:
    """Matches of a frame in text[lo:hi]: in the sentences holding its key word (`sentences`),
    else anywhere in the range (a line, a paragraph)."""
    hi = len(text) if hi is None else hi
    if fr.flag("overlapping"):   # a list to the sentence's end may hold the next statement's start
        m = fr.regex.search(text, lo, hi)
        while m:
            yield FrameMatch(fr, m)
            m = fr.regex.search(text, m.start() + 1, hi)
        return
    if not sentences or fr.key is None or fr.flag("across_sentences"):
        for m in fr.regex.finditer(text, lo, hi):
            yield FrameMatch(fr, m)
        return
    end = -1
    for w in fr.key.finditer(text, lo, hi):
        if w.start() < end:
            continue  # this sentence was read
        wlo, whi = max(lo, w.start() - _SENTENCE_MAX), min(hi, w.end() + _SENTENCE_MAX)
        start = max(max(text.rfind(c, wlo, w.start()) for c in _SENTENCE_ENDS) + 1, wlo)
        ends = [i for i in (text.find(c, w.start(), whi) for c in _SENTENCE_ENDS) if i != -1]
        end = min(ends) + 1 if ends else whi
        for m in fr.regex.finditer(text, start, end):
            yield FrameMatch(fr, m)
