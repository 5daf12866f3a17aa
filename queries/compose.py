"""Reading a question from its parts, not from a whole-sentence template.

A question is read in three steps, each driven by the data of queries/compose.yaml:

1. `modifiers`: a time phrase (2023年10月以前, 9月份, 11月以后) sets the day asked about or
   the window of a change; question words say what kind of answer is wanted (a number, yes
   or no, a date, who followed whom, what changed). They are taken out, and what is left,
   the core, is asked as a plain question.
2. `mentions`: the entities the core names, found with the linker by longest match (a task
   force also by its abbreviation), and the places, which are not entities here.
3. `compose`: the first frame whose needs the parts meet (the entity labels named, one of
   its word classes present) names the question form whose handler answers, and fills
   the form's slots. So "谁领导X专班", "X专班谁领导", "X专班是谁牵头的" are one frame:
   a TaskForce and a lead word.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

import yaml

from graph.places import short_name, written_forms
from queries.linker import ACCEPT, EXACT, MARGIN, Catalogue, Match, normalize
from queries.parse import Parse, QuestionBook, SlotValue

__all__ = ["Modifiers", "Mention", "Vocabulary", "vocabulary", "modifiers", "mentions", "compose", "strip_words", "has_word"]

_DATA = Path(__file__).parent / "compose.yaml"
_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
       "十一": 11, "十二": 12}
MENTIONED = ("Person", "Organization", "TaskForce", "Area", "Document")


@dataclass(frozen=True)
class Frame:
    form: str
    needs: tuple[tuple[str, str], ...]          # (slot, label)
    words: tuple[str, ...]                      # word classes, one of which must occur
    without: tuple[str, ...]
    vocab: tuple[tuple[str, str], ...]          # (slot, vocabulary of questions.yaml)
    set: Mapping[str, str]
    slot: str | None = None                     # the form's slot when it is named otherwise
    alone: bool = False                         # nothing else may be asked


@dataclass(frozen=True)
class Vocabulary:
    """compose.yaml, compiled once."""

    modes: Mapping[str, tuple[str, ...]]
    ever: tuple[re.Pattern[str], ...]
    time: Mapping[str, tuple[str, ...]]
    words: Mapping[str, tuple[str, ...]]
    inventory: Mapping[str, tuple[str, ...]]
    title_includes: Mapping[str, tuple[str, ...]]
    frames: tuple[Frame, ...]
    document_kinds: Mapping[str, tuple[str, ...]] = field(default_factory=dict)   # doc_type -> words


def _longest(words: Any) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=2)
def vocabulary(path: Path = _DATA) -> Vocabulary:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    modes = {k: _longest(v) for k, v in raw["modes"].items() if k != "ever"}
    frames = []
    for spec in raw["frames"]:
        frames.append(Frame(spec["form"], tuple((spec.get("needs") or {}).items()), tuple(spec.get("words") or ()),
                            tuple(spec.get("without") or ()), tuple((spec.get("vocab") or {}).items()),
                            dict(spec.get("set") or {}), spec.get("slot"), bool(spec.get("alone"))))
        for cls in frames[-1].words + frames[-1].without:
            if cls not in raw["words"]:
                raise ValueError(f"compose.yaml: frame {spec['form']}: unknown word class {cls}")
    return Vocabulary(
        modes=modes, ever=tuple(re.compile(p) for p in raw["modes"]["ever"]),
        time={k: _longest(v) for k, v in raw["time"].items()},
        words={k: _longest(v) for k, v in raw["words"].items()},
        inventory={k: _longest(v) for k, v in raw["inventory"].items()},
        title_includes={k: tuple(v) for k, v in raw["title_includes"].items()},
        frames=tuple(frames),
        document_kinds={k: _longest(v) for k, v in (raw.get("document_kinds") or {}).items()})


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in words)


def strip_words(text: str, words: tuple[str, ...], repl: str = "") -> str:
    return re.sub(_alt(words), repl, text) if words else text


def has_word(text: str, words: tuple[str, ...]) -> str | None:
    """The longest of `words` found in `text`, or None."""
    return next((w for w in words if w in text), None)


# --------------------------------------------------------------------------- 1. modifiers

@dataclass
class Modifiers:
    """What a question asks beside its core: the kind of answer, the day or the window."""

    core: str                       # the question without time phrase and mode words
    mode: str | None = None         # count | yes | when | succession | changes | None
    as_of: str | None = None        # the day a time phrase names (9月份 -> its first day)
    as_of_end: str | None = None    # the last day of that month or year (asked when the first finds nothing)
    since: str | None = None        # a window (exclusive), for changes
    until: str | None = None
    ever: bool = False              # 分管过, 曾经: ended facts count too
    each_place: bool = False
    time_text: str = ""             # the time phrase as written
    plain: str = ""                 # the normalised question, modifiers still in
    formerly: bool = False          # 以前是谁分管: the state before the present one
    counted: bool = False           # 多少/几个 in a question of another mode (任命了多少人): a number too
    left_out: tuple[str, ...] = ()  # 除了/不算 X: titles or roles the answer leaves out
    included: tuple[str, ...] = ()  # 含/包括 X: titles or roles it takes in too


def _month(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return _CN.get(text)


def _time_pattern(v: Vocabulary) -> re.Pattern[str]:
    side = _alt(v.time["before"] + v.time["after"])
    rel = _alt(v.time["this_year"] + v.time["last_year"])
    return re.compile(
        rf"(?:截至|截止到|截止|到)?(?:(?P<y>\d{{4}})年|(?P<rel>{rel}))?(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?"
        rf"(?:(?P<d>[0-3]?\d)[日号]|(?P<part>初|底|末|中旬|上旬|下旬))?(?P<side>{side})?(?:的)?"
        rf"|(?:(?P<y2>\d{{4}})年(?:度)?|(?P<rel2>{rel}))(?P<side2>{side})?(?:的)?"
        rf"|(?P<iso>\d{{4}}-?(?:0[1-9]|1[0-2])-?(?:0[1-9]|[12]\d|3[01]))(?P<side3>{side})?")


_A_NOT_A = re.compile(r"([\u4e00-\u9fff])[不没]\1")   # 在不在, 管不管: a yes/no question


def _days(m: re.Match[str], year_now: int, v: Vocabulary) -> tuple[date, date, int]:
    """The first and last day a time phrase names, and its year (a later month of a
    window without a year is of this one)."""
    if m["iso"]:   # 2023-09-01, or 20230901 once punctuation is dropped
        digits = re.sub(r"\D", "", m["iso"])
        day = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        return day, day, day.year
    if m["y2"] or m["rel2"]:
        year = int(m["y2"]) if m["y2"] else year_now - (1 if m["rel2"] in v.time["last_year"] else 0)
        return date(year, 1, 1), date(year, 12, 31), year
    year = int(m["y"]) if m["y"] else year_now - (1 if m["rel"] in v.time["last_year"] else 0)
    month = _month(m["m"]) or 1
    last = calendar.monthrange(year, month)[1]
    if m["d"]:
        day = date(year, month, int(m["d"]))
        return day, day, year
    if m["part"] in ("底", "末", "下旬"):  # 6月底: its last day
        return date(year, month, last), date(year, month, last), year
    return date(year, month, 1), date(year, month, last), year


def modifiers(question: str, latest: str | None, qb: QuestionBook) -> Modifiers:
    """The time phrase and the kind of answer a question asks, and its core.

    `latest` is the newest document's day: a month without a year (9月份, 今年5月) is of
    its year."""
    v = vocabulary()
    q = normalize(question)
    for prefix in qb.drop_prefix:
        if q.startswith(prefix) and len(q) > len(prefix) + 1:
            q = q[len(prefix):]
    out = Modifiers(core=q, plain=q)
    pattern = _time_pattern(v)
    m = pattern.search(q)
    if m and not re.search(r"[〔\[(（]|号文|第\d", q[max(0, m.start() - 1): m.end() + 1]):
        out.time_text = m.group(0)
        year_now = int((latest or date.today().isoformat())[:4])
        start, end, year = _days(m, year_now, v)
        side = m["side"] or m["side2"] or m["side3"]
        to = re.match(rf"(?:{_alt(v.time['range'])})", q[m.end():])
        m2 = pattern.match(q, m.end() + to.end()) if to else None
        if m2 is not None and not (m2["side"] or m2["side2"] or m2["side3"]):  # 5月到12月: a window
            end = _days(m2, year, v)[1]
            out.since, out.until, out.as_of = (start - timedelta(days=1)).isoformat(), end.isoformat(), end.isoformat()
            out.time_text = q[m.start(): m2.end()]
            q = q[: m.start()] + re.sub(r"^(?:之间|期间|这段时间|内|相比|对比|比较|比)", "", q[m2.end():])
        else:
            if side in v.time["before"]:
                out.as_of = (start - timedelta(days=1)).isoformat()
                out.until = out.as_of
            elif side in v.time["after"]:
                out.since = (start - timedelta(days=1)).isoformat()
            else:
                out.as_of, out.as_of_end = start.isoformat(), end.isoformat()
                out.since, out.until = (start - timedelta(days=1)).isoformat(), end.isoformat()
            q = q[: m.start()] + q[m.end():]
    for each_re in v.modes["each_place_re"]:
        if re.search(each_re, q):
            out.each_place, q = True, re.sub(each_re, "", q)
    for each in v.modes["each_place"]:
        if each in q:
            out.each_place, q = True, q.replace(each, "")
    wh = re.search(r"谁|哪|什么|几|多少|何", q.replace("是不是", ""))
    counted = [w for w in v.modes["count"] if has_word(w, v.modes["when"])]   # 几号人 asks how many
    if has_word(strip_words(q, tuple(counted)), v.modes["when"]):
        out.mode = "when"
    elif re.search(rf"(?<![之以])(?:{_alt(v.modes['succession'])})", q) or _former_holder(q, qb) and not out.time_text:
        out.mode = "succession"   # 之前任 is no 前任
    elif has_word(q, v.modes["changes"]) and (out.time_text or has_word(q, v.modes["changes_alone"])):
        out.mode = "changes"
        out.counted = re.search(rf"(?<!哪)(?:{_alt(v.modes['count'])})", q) is not None   # 任命了多少人
    elif re.search(rf"(?<!哪)(?:{_alt(v.modes['count'])})", q):   # 哪几家 asks which, not how many
        out.mode = "count"   # 几号人, 多少人: the people are asked for (人 stays)
        q = re.sub(rf"(?<!哪)(?:{_alt(v.modes['count'])})", lambda m: "人" if m.group(0).endswith("人") else "", q)
        q = strip_words(q, v.modes["count_fillers"])
    elif re.search(_alt(("是不是", "是否", "有没有", "对不对")), q) or (re.search(r"(吗|么)$", q) and not wh) \
            or _A_NOT_A.search(q):
        out.mode = "yes"
    if out.mode == "yes":
        q = re.sub(r"(吗|么|呢|啊)+$", "", q)
        q = q.replace("是不是", "是").replace("是否", "").replace("有没有", "有").replace("对不对", "")
        q = _A_NOT_A.sub(r"\1", q)   # 在不在 -> 在, 进没进 -> 进
    q = _qualifiers(q, qb, out)
    for pattern in v.ever:
        if pattern.search(q):
            out.ever = True
            q = pattern.sub(lambda m: m.group(3) if m.lastindex and m.lastindex >= 3 and m.group(3) else "", q)
            break
    if not out.ever and out.mode is None and not out.time_text and has_word(q, v.modes["formerly"]) \
            and not has_word(q, v.modes["now"]):   # 之前是什么职务，现在呢: both, as usual
        out.formerly, q = True, strip_words(q, v.modes["formerly"])
    out.core = q
    return out


def _former_holder(q: str, qb: QuestionBook) -> bool:
    """原来的局长, 宋佳之前的局长: a title asked of the one who held it before."""
    former = re.search(_alt(vocabulary().modes["former_holder"]), q)
    return former is not None and has_word(q[former.end():], _longest(qb.vocab.get("title", ()))) is not None


def _qualifiers(q: str, qb: QuestionBook, out: Modifiers) -> str:
    """The question without its 除了X / 不算X / 含X clauses (X: titles or roles, one or a
    list), which are kept in `out`; what is left asks for the title or role as usual."""
    v = vocabulary()
    words = _alt(_longest({w for k in ("title", "gov_title", "role") for w in qb.vocab.get(k, ())}))
    if not words:
        return q
    for mode, field_ in (("except", "left_out"), ("include", "included")):
        pattern = re.compile(rf"(?:{_alt(v.modes[mode])})((?:{words})(?:(?:[和与及、或])?(?:{words}))*)(?:在内|以外|之外)?")
        for m in pattern.finditer(q):
            found = tuple(re.findall(words, m.group(1)))
            setattr(out, field_, getattr(out, field_) + found)
        q = pattern.sub("", q)
    return q


# --------------------------------------------------------------------------- homophone typos

@lru_cache(maxsize=4096)
def _sound(ch: str) -> str:
    from pypinyin import lazy_pinyin

    return lazy_pinyin(ch)[0]


_SOUNDS: dict[int, dict[tuple[str, ...], str | None]] = {}


def _by_sound(qb: QuestionBook) -> dict[tuple[str, ...], str | None]:
    """The question words (relation words, titles, roles, kinds of body) by their sound;
    None where two words sound alike (no correction is safe there). Built once per book."""
    if id(qb) in _SOUNDS:
        return _SOUNDS[id(qb)]
    v = vocabulary()
    words = {w for ws in (*v.words.values(), *v.inventory.values(), *qb.vocab.values()) for w in ws}
    out: dict[tuple[str, ...], str | None] = {}
    _SOUNDS[id(qb)] = out
    for w in words:
        if len(w) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", w):
            key = tuple(_sound(c) for c in w)
            out[key] = w if out.get(key, w) == w else None
    return out


def homophones(cat: Catalogue, qb: QuestionBook, text: str) -> str:
    """The question with a question word typed as a homophone put right (分官 -> 分管,
    专斑 -> 专班); names of the store are left as they are."""
    sounds = _by_sound(qb)
    lengths = sorted({len(k) for k in sounds}, reverse=True)
    known = {w for w in sounds.values() if w}
    kept = [(m.start, m.end) for m in mentions(cat, text)]
    out, i = text, 0
    while i < len(out):
        for n in lengths:
            window = out[i: i + n]
            if len(window) < n or window in known or not re.fullmatch(r"[\u4e00-\u9fff]+", window):
                continue
            word = sounds.get(tuple(_sound(c) for c in window))
            if word and sum(a != b for a, b in zip(word, window)) == 1 and not any(
                    a < i + n and i < b for a, b in kept):   # one character mistyped
                out = out[:i] + word + out[i + n:]
                i += n - 1
                break
        i += 1
    return out


# --------------------------------------------------------------------------- 2. mentions

@dataclass
class Mention:
    """A span of the question that names an entity (the candidates, best first)."""

    start: int
    end: int
    text: str
    matches: list[Match]

    def of(self, label: str) -> list[Match]:
        return [m for m in self.matches if m.entity.label == label]


def _place_words(cat: Catalogue) -> set[str]:
    out: set[str] = set()
    for place in cat.store_places | cat.entity_places:
        out |= {normalize(w) for w in written_forms(place)}
    return {w for w in out if len(w) >= 2}


def mentions(cat: Catalogue, text: str, labels: tuple[str, ...] = MENTIONED) -> list[Mention]:
    """The entities a text names, left to right, each span as long as can be linked exactly;
    then task forces named by an abbreviation (营商环境专班). Place names are not mentions."""
    places = _place_words(cat)
    v = vocabulary()
    nouns = {w for words in v.inventory.values() for w in words} | set(v.words["unit_kinds"])  # kinds name no one
    out: list[Mention] = []
    i = 0
    while i < len(text) - 1:
        found = None
        for j in range(min(len(text), i + 40), i + 1, -1):
            span = text[i:j]
            if span in places or span in nouns:
                continue
            good = [m for m in _link(cat, span, labels) if m.score >= EXACT - 2]
            if good:
                found = Mention(i, j, span, good)
                break
        if found:
            out.append(found)
            i = found.end
        else:
            i += 1
    if "TaskForce" in labels:  # each kind word no task force's name ends at: an abbreviation (营商环境专班)
        while True:
            tf = _task_force_by_abbreviation(cat, text, out)
            if tf is None:
                break
            out = [m for m in out if m.end <= tf.start or m.start >= tf.end] + [tf]
            out.sort(key=lambda m: m.start)
    return out


_LINKS: dict[tuple[int, str, tuple[str, ...], bool], list[Match]] = {}


def _link(cat: Catalogue, span: str, labels: tuple[str, ...], approximate: bool = False) -> list[Match]:
    key = (id(cat), span, labels, approximate)
    if key not in _LINKS:
        if len(_LINKS) > 50_000:
            _LINKS.clear()
        _LINKS[key] = cat.link(span, list(labels), limit=8, approximate=approximate)
    return _LINKS[key]


def _task_force_by_abbreviation(cat: Catalogue, text: str, found: list[Mention]) -> Mention | None:
    kinds = vocabulary().inventory["TaskForce"] + vocabulary().words["task_force_short_ends"]
    best: Mention | None = None
    for kind in kinds:
        for m in re.finditer(re.escape(kind), text):
            end = m.end()
            if any(f.of("TaskForce") and f.start <= m.start() and end <= f.end for f in found):
                continue  # a task force found already
            for start in range(0, m.start()):
                span = text[start:end]
                name = span[: -len(kind)]
                if len(name) < 2 or span in kinds or any(k in name for k in kinds) or re.search(r"[谁哪些什么几多少和与及或的了个各每有是在参加、，,；;]", name) or any(
                        f.start < start < f.end or f.start < end < f.end for f in found):  # a name it cuts in two
                    continue
                matches = [x for x in _link(cat, span, ("TaskForce",), True) if x.score >= ACCEPT]
                if matches and (best is None or matches[0].score > best.matches[0].score):
                    best = Mention(start, end, span, matches)
    return best


# --------------------------------------------------------------------------- 3. frames

def _slot(text: str, matches: list[Match], place: str | None) -> tuple[SlotValue, bool]:
    """A slot for a mention: the one entity, or its candidates (ambiguous)."""
    if place is not None:
        mine = [m for m in matches if m.entity.place == place]
        matches = mine or matches
    top = matches[0]
    sure = len(matches) == 1 or matches[1].score < top.score - MARGIN + 0.1 and top.score >= EXACT - 2 and not (
        matches[1].score >= EXACT - 2)
    if sure:
        return SlotValue(text, top.entity, top), False
    return SlotValue(text, None, None, list(matches)), True


def compose(cat: Catalogue, qb: QuestionBook, text: str, place: str | None = None,
            found: list[Mention] | None = None) -> Parse | None:
    """The first frame the parts of `text` meet, as a reading of its form (None: no frame)."""
    v = vocabulary()
    found = mentions(cat, text) if found is None else found
    rest = text
    for m in sorted(found, key=lambda m: -m.start):
        rest = rest[: m.start] + "|" + rest[m.end:]
    rest = strip_words(rest, v.modes["fillers"] + _longest(_place_words(cat)))
    bare = strip_words(rest, v.inventory["TaskForce"], "|")   # 领导 of 领导小组 is no lead word
    for frame in v.frames:
        slots: dict[str, SlotValue] = {}
        ambiguous: list[str] = []
        used: set[int] = set()
        ok = True
        for slot, label in frame.needs:
            pick = next((k for k, m in enumerate(found) if k not in used and m.of(label)), None)
            if pick is None:
                ok = False
                break
            used.add(pick)
            value, unsure = _slot(found[pick].text, found[pick].of(label), place)
            name = frame.slot or slot
            slots[name] = value
            if unsure:
                ambiguous.append(name)
        if not ok:
            continue
        if frame.words and not any(has_word(bare, v.words[c]) for c in frame.words):
            continue
        if any(has_word(bare, v.words[c]) for c in frame.without):
            continue
        left = rest
        for slot, vocab in frame.vocab:
            words = qb.vocab[vocab] if vocab in qb.vocab else v.words[vocab]
            word = has_word(rest, tuple(sorted(words, key=len, reverse=True)))
            if word is None:
                ok = False
                break
            slots[slot] = SlotValue(word)
            left = strip_words(left, tuple(sorted(words, key=len, reverse=True)))
        if not ok:
            continue
        if frame.alone:
            for c in frame.words:
                left = strip_words(left, v.words[c])
            left = strip_words(left, v.words["about"] + v.inventory["TaskForce"] + ("和", "与", "及", "或", "或者"))
            if re.search(r"[\u4e00-\u9fff]", left):
                continue
        for slot, word in frame.set.items():
            slots.setdefault(slot, SlotValue(word))
        form = qb.form(frame.form)
        score = min((s.score for s in slots.values() if s.entity is not None or s.candidates), default=EXACT)
        return Parse(form, slots, max(score, ACCEPT), ambiguous)
    return None
