"""Answering questions in Chinese: parse, run the library, say the answer and its evidence.

`ask(view, "谁分管市财政局？")` returns an `Answer`: the names or values answering the
question, the facts behind them with their evidence (document number, date, sentence),
and the Cypher the store ran. Each question form of queries/questions.yaml names one
handler here; handlers only call the query library. A question no form reads is answered
with what govkg can answer instead, never with a guess.

`as_of` answers for a day (`queries.as_of`); without it, the newest state: a 分管 that a
later 工作分工 notice dropped, or a member replaced by a later list, is not an answer.
Answers about what was (former posts) name ended facts with the day they ended.

Places: a place named in the question (云川市财政局, 岭东的教育局) narrows the answer to
that place's facts; without one, in a store of several places, a name several places share
(市财政局) or a question about no one place (市长是谁) is answered for each place, grouped
by place (`Answer.groups`). A name ambiguous within one place is asked about, each
candidate shown with its type in Chinese, its place and a fact that tells it apart.
"""

from __future__ import annotations

import re
import weakref
from datetime import date, timedelta
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Callable, Iterable, Mapping

from graph.places import divisions, place_label, short_name, without_level, written_forms
from graph.stores.base import GraphView
from queries.appointments import appointments
from queries.as_of import parse_as_of
from queries.compose import Mention, Modifiers, compose, has_word, homophones, mentions, modifiers, vocabulary
from queries.changes import changes
from queries.chains import responsibility_chain
from queries.display import candidate_line, label_zh
from queries.linker import EXACT, Catalogue, Match, catalogue, normalize
from queries.named import TraceEntry, trace, within
from queries.orgs import heads_of, holders_of_title, leaders_of, overseers_of, task_force_of, task_forces_of_org
from queries.parse import Parse, QuestionBook, SlotValue, book, from_english, normalize_question, parse
from queries.paths import MAX_HOPS, paths_between
from queries.people import duties_of, leaders_of_area, portfolio_of, posts_of, task_forces_of_person
from queries.records import AppointmentRecord, Chain, ChainStep, EntityRef, Evidence, Fact, PathRecord
from queries.task_forces import (GroupCount, Overlap, kind_matches, leads_of, members_of, membership_counts,
                                 office_of, shared_task_forces, subgroups_of, task_force_overlaps, units_of)
from queries.titles import titles
from queries.types import AREA, ASSISTS_IN_CHARGE_OF, DOCUMENT, LEADS, ORG, PERSON, POST, PRESIDES_OVER, RESPONSIBLE_FOR, TASK_FORCE

__all__ = ["Answer", "Reply", "ask", "HANDLERS", "post_label", "evidence_of"]


@dataclass
class Reply:
    """What a handler found: the answers, the records behind them, a sentence for people."""

    answers: list[str]
    records: list[Any]
    message: str
    details: list[str] | None = None


@dataclass
class Answer:
    """A question's answer with everything needed to trust it."""

    question: str
    normalized: str
    understood: bool
    form: str | None = None
    entities: dict[str, EntityRef] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)
    answers: list[str] = field(default_factory=list)
    message: str = ""
    details: list[str] = field(default_factory=list)
    records: list[Any] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    queries: list[TraceEntry] = field(default_factory=list)
    candidates: dict[str, list[Match]] = field(default_factory=dict)
    suggestions: list[str] = field(default_factory=list)
    as_of: str | None = None
    place: str | None = None                # the place the question named, which narrowed it
    places: list[str | None] = field(default_factory=list)       # the place of each answer
    groups: list[dict[str, Any]] = field(default_factory=list)   # {place, answers, message} per place
    several_places: bool = False            # the store holds more than one place
    yes: bool | None = None                 # the answer to a yes/no question (是否, 吗)
    count: int | None = None                # the number a 多少/几个 question asks for
    dates: list[str] = field(default_factory=list)   # the days a 什么时候 question asks for

    @property
    def shown(self) -> list[str]:
        """The answers as people read them: with their place where the store holds several
        (李慧敏 · 云川市)."""
        if not self.several_places:
            return list(self.answers)
        return [place_label(a, p) for a, p in zip(self.answers, self.places + [None] * len(self.answers))]

    @property
    def ambiguous(self) -> bool:
        return bool(self.candidates)

    @property
    def cypher(self) -> list[str]:
        return [q.cypher for q in self.queries]

    def to_json(self) -> dict[str, Any]:
        """The answer as plain JSON: `answers`, `cypher` and `evidence` first."""
        return {
            "answers": self.answers,
            "cypher": self.cypher,
            "evidence": [{"doc": e.doc, "docs": list(e.docs), "date": e.date, "sentence": e.sentence,
                          "source": e.source} for e in self.evidence],
            "question": self.question,
            "normalized": self.normalized,
            "understood": self.understood,
            "ambiguous": self.ambiguous,
            "form": self.form,
            "as_of": self.as_of,
            "entities": {k: {"id": v.id, "label": v.label, "name": v.name, "score": self.scores.get(k),
                             "place": v.place}
                         for k, v in self.entities.items()},
            "message": self.message,
            "details": self.details,
            "queries": [{"name": q.name, "cypher": q.cypher, "params": q.params, "engine": q.engine,
                         "rows": q.rows} for q in self.queries],
            "candidates": {k: [{"id": m.entity.id, "label": m.entity.label, "name": m.name, "score": m.score,
                                "place": m.entity.place, "type": label_zh(m.entity.label)}
                               for m in v] for k, v in self.candidates.items()},
            "suggestions": self.suggestions,
            "place": self.place,
            "places": self.places,
            "groups": self.groups,
            "yes": self.yes,
            "count": self.count,
            "dates": self.dates,
        }


@dataclass(frozen=True)
class _Ctx:
    view: GraphView
    as_of: str | None
    book: QuestionBook
    ever: bool = False              # 分管过, 曾经: what ended counts too
    place: str | None = None        # the place a handler answers for (None: every place)
    text: str = ""                  # the question as the frames read it
    left_out: tuple[str, ...] = ()  # 除了/不算 X: titles or roles left out of the answer
    included: tuple[str, ...] = ()  # 含/包括 X: taken in too


Handler = Callable[[_Ctx, Parse, Mapping[str, Any]], Reply]


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def _names(facts: Iterable[Fact], side: str = "subject") -> list[str]:
    return _unique(getattr(f, side).name for f in facts)


def _until(fact: Fact, as_of: str | None) -> str:
    """（至2023-08-08） for a fact ended by `as_of` (or now), else nothing."""
    return f"（{fact.ended}）" if fact.ended and not fact.is_current(as_of) else ""


def _formerly(facts: Iterable[Fact], as_of: str | None) -> str:
    """曾：X（组长，至2023-10-01）… for the facts among `facts` that ended by `as_of` (or now)."""
    ended = [f for f in facts if not f.is_current(as_of)]
    items = _unique(f"{f.object.name}（{'，'.join(x for x in (f.role, f.ended) if x)}）" for f in ended)
    return f"曾：{'、'.join(items)}。" if items else ""


def post_label(org: str, title: str | None) -> str:
    """市能源局 + 局长 -> 市能源局局长; 市委 + 市委常委 -> 市委常委 (no doubled name)."""
    if not title:
        return org
    return title if title.startswith(org) else f"{org}{title}"


def _zh(types: Iterable[str]) -> str:
    from graph.model import SCHEMA

    return "/".join(_unique(SCHEMA.relationships[t].zh for t in types))


# --------------------------------------------------------------------------- handlers

def _overseers(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    ref = p.entity("org")
    assert ref is not None
    types = tuple(opt["types"])
    if ref.label == AREA:
        facts = leaders_of_area(ctx.view, ref, (RESPONSIBLE_FOR,) + types, as_of=ctx.as_of)
    else:
        facts = overseers_of(ctx.view, ref, types, as_of=ctx.as_of)
    assisting = [f for f in facts if f.type == ASSISTS_IN_CHARGE_OF]
    if assisting and has_word(ctx.text, vocabulary().words["assist"]):  # 谁协助分管: the one who assists
        facts = assisting
    if facts:
        names = _names(facts)
        return Reply(names, facts, f"{ref.name}：{'、'.join(names)}（{_zh(f.type for f in facts)}）")
    related = tuple(opt.get("related") or ())
    others = overseers_of(ctx.view, ref, related, as_of=ctx.as_of) if related and ref.label != AREA else []
    msg = f"没有找到{_zh(types)}{ref.name}的记录。"
    if others:
        msg += f"另见：{'、'.join(_names(others))}{_zh(f.type for f in others)}{ref.name}。"
    return Reply([], others, msg)


def _heads(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    ref, asked = p.entity("org"), p.word("title") or "负责人"
    assert ref is not None
    if ref.label == TASK_FORCE:
        roles = ctx.book.meaning.get("role", {}).get(asked, [asked])
        facts = members_of(ctx.view, ref, tuple(roles) if roles else None, as_of=ctx.as_of)
    elif asked in titles().leader_words:
        facts = leaders_of(ctx.view, ref, as_of=ctx.as_of)
    else:  # 副市长: the 常务副市长 too
        facts = [f for t in (asked, *vocabulary().title_includes.get(asked, ()))
                 for f in heads_of(ctx.view, ref, t, as_of=ctx.as_of)]
        facts = list({(f.subject.id, f.role): f for f in facts}.values())
    if not facts:
        return Reply([], [], f"没有找到{ref.name}{asked}的记录。")
    lines = [f"{f.subject.name}（{f.role or f.zh}）" for f in facts]
    return Reply(_names(facts), facts, f"{ref.name}{asked}：{'、'.join(lines)}")


def _duties(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    ref = p.entity("person")
    assert ref is not None
    types = tuple(opt["types"])
    every = duties_of(ctx.view, ref, types, as_of=ctx.as_of, include_ended=True)
    if opt.get("labels"):
        every = [f for f in every if f.object.label in opt["labels"]]
    unit = p.word("unit")
    kind = ctx.book.meaning.get("unit", {}).get(unit) if unit else None
    if kind:
        cat = catalogue(ctx.view)
        every = [f for f in every if (cat.ref(f.object.id) or f.object).kind == kind]
    facts = every if ctx.ever else [f for f in every if f.is_current(ctx.as_of)]
    answers = _unique(f"主持{f.object.name}工作" if f.type == PRESIDES_OVER else f.object.name for f in facts)
    if not facts:
        return Reply([], every, f"没有找到{ref.name}{_zh(types)}的记录。{_formerly(every, ctx.as_of)}")
    return Reply(answers, facts, f"{ref.name}（{_zh(f.type for f in facts)}）：{'、'.join(answers)}")


def _titles_meant(title: str) -> tuple[str, ...]:
    """A title and those it names too: compose.yaml title_includes, else 副X长 -> 常务副X长."""
    deputy = ("常务" + title,) if title.startswith("副") else ()   # 副州长: the 常务副州长 is one too
    return (title, *vocabulary().title_includes.get(title, deputy))


def _form_reads(reading: Parse, words: tuple[str, ...]) -> bool:
    """Whether the form of a reading has one of `words` in its own patterns (it reads 原来 or
    什么时候 itself, so the question needs no modifier taken out)."""
    return any(w in pattern for pattern in reading.form.patterns for w in words)


def _title_holders(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    title = p.word("title") or ""
    asked = [t for t in (*_titles_meant(title), *ctx.included) if t not in ctx.left_out]
    facts = holders_of_title(ctx.view, *_unique(asked), as_of=ctx.as_of) if asked else []
    if not facts:
        return Reply([], [], f"没有找到现任{title}的记录。")
    lines = [f"{f.subject.name}（{post_label(f.object.name, f.role)}）" for f in facts]
    return Reply(_names(facts), facts, f"{title}：{'、'.join(lines)}")


def _area_leaders(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    ref = p.entity("area")
    assert ref is not None
    facts = leaders_of_area(ctx.view, ref, tuple(opt["types"]), as_of=ctx.as_of)
    if not facts:
        return Reply([], [], f"没有找到负责{ref.name}工作的领导。")
    return Reply(_names(facts), facts, f"负责{ref.name}工作的是：{'、'.join(_names(facts))}")


def _kind(ctx: _Ctx, p: Parse) -> str | None:
    word = p.word("kind")
    return ctx.book.meaning.get("kind", {}).get(word) if word else None


def _task_forces(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    ref, kind = p.entity("member"), _kind(ctx, p)
    assert ref is not None
    if ref.label == PERSON:
        # users call any body 专班 or 领导小组 when they ask what a person sits on: the kind
        # narrows only where the person sits on a body of that kind and of another
        every = task_forces_of_person(ctx.view, ref, as_of=ctx.as_of, include_ended=ctx.ever)
        roles = ctx.book.meaning.get("role", {}).get(p.word("role") or "", None)
        if roles:
            every = [f for f in every if f.role in roles]
        facts = every if _loose_kind(ctx, p) else [f for f in every if not kind or kind_matches(ctx.view, f.object, kind)]
        names = _names(facts, "object")
        lines = [f"{t}（{'、'.join(_unique(f.role or '' for f in facts if f.object.name == t))}）" for t in names]
    else:
        every = task_forces_of_org(ctx.view, ref, as_of=ctx.as_of)
        facts = every if _loose_kind(ctx, p) else [f for f in every if not kind or kind_matches(
            ctx.view, task_force_of(f), kind)]
        names = _unique(task_force_of(f).name for f in facts)
        lines = names
    asked = p.word("kind") or "议事协调机构"
    if not facts:
        msg = f"没有找到{ref.name}参加的{asked}。"
        if every:
            msg += f"其参加的其他议事协调机构：{'、'.join(_unique(task_force_of(f).name for f in every))}"
        elif ref.label == PERSON:
            every = [f for f in task_forces_of_person(ctx.view, ref, as_of=ctx.as_of, include_ended=True)
                     if not kind or kind_matches(ctx.view, f.object, kind)]
            msg += _formerly(every, ctx.as_of)
        return Reply([], every, msg)
    return Reply(names, facts, f"{ref.name}参加的{asked}：{'；'.join(lines)}")


def _loose_kind(ctx: _Ctx, p: Parse) -> bool:
    """A person's bodies asked by one kind word (专班, 领导小组): every body counts, as users
    name them loosely; a question naming two kinds (领导小组和工作专班) asks for both anyway."""
    return p.form.id == "person_task_forces"


def _members(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    ref, asked = p.entity("tf"), p.word("role") or "成员"
    assert ref is not None
    named, left_out = _roles_named(ctx)
    if asked in left_out:  # 成员有哪些（不算副组长）: the form took the role left out
        asked = named[0] if named else "成员"
    meaning = ctx.book.meaning.get("role", {})
    roles: list[str] | None = meaning.get(asked, [asked])
    if len(named) > 1:  # 组长和副组长分别是谁: every role named
        roles = None if any(meaning.get(r, [r]) is None for r in named) else \
            _unique(x for r in named for x in meaning.get(r, [r]) or [])
    if not named and left_out:  # 成员有哪些（不算组长）: all but those
        roles = None
    facts = members_of(ctx.view, ref, tuple(roles) if roles else None, as_of=ctx.as_of)
    if left_out:
        gone = set(_unique(x for r in left_out for x in meaning.get(r, [r]) or []))
        holders = {f.subject.id for f in members_of(ctx.view, ref, as_of=ctx.as_of) if f.role in gone}
        facts = [f for f in facts if f.subject.id not in holders]
    if not facts:
        return Reply([], [], f"没有找到{ref.name}的{asked}。")
    lines = [f"{f.role}：{f.subject.name}" for f in facts]
    said = "、".join(named) if len(named) > 1 else (asked if roles else "组成人员")
    if left_out:
        said += f"（不含{'、'.join(left_out)}）"
    return Reply(_names(facts), facts, f"{ref.name}{said}：{'；'.join(lines)}")


def _roles_named(ctx: _Ctx) -> tuple[list[str], list[str]]:
    """The member roles a question names, and those it leaves out (不算组长、副组长)."""
    words = sorted(ctx.book.vocab.get("role", []), key=len, reverse=True)
    named = re.findall("|".join(re.escape(w) for w in words), ctx.text) if words else []
    return _unique(named), _unique(ctx.left_out)


def _office(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    ref = p.entity("tf")
    assert ref is not None
    facts = office_of(ctx.view, ref, as_of=ctx.as_of)
    directors = members_of(ctx.view, ref, ("办公室主任",), as_of=ctx.as_of)
    if not facts:
        return Reply([], directors, f"没有找到{ref.name}办公室设在何处的记录。")
    msg = f"{ref.name}办公室设在{'、'.join(_names(facts, 'object'))}"
    if directors:
        msg += f"；办公室主任：{'、'.join(_names(directors))}"
    who = _names(directors) if "谁" in ctx.text else []   # 办公室在哪，主任是谁: both asked
    return Reply(_names(facts, "object") + who, facts + directors, msg)


def _units(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    ref = p.entity("tf")
    assert ref is not None
    facts = units_of(ctx.view, ref, as_of=ctx.as_of)
    if facts:
        lines = [f"{f.subject.name}（{f.role or f.zh}）" for f in facts]
        return Reply(_names(facts), facts, f"{ref.name}的成员单位：{'、'.join(lines)}")
    members = members_of(ctx.view, ref, as_of=ctx.as_of)
    leading = vocabulary().words["leadership"]   # a 副市长's government is no member unit
    posts = [f for f in _posts_of_members(ctx, members) if not f.object.name.endswith(leading)]
    orgs = _unique(f.object.name for f in posts)
    if not orgs:
        return Reply([], [], f"没有找到{ref.name}的成员单位。")
    return Reply(orgs, posts,
                 f"{ref.name}没有单列成员单位；据组成人员的职务，涉及："
                 f"{'、'.join(orgs)}（推断）")


def _posts_of_members(ctx: _Ctx, members: list[Fact]) -> list[Fact]:
    out: list[Fact] = []
    for m in members:
        if m.subject.label == PERSON and m.subject.id not in catalogue(ctx.view).unnamed:
            now = [f for f in posts_of(ctx.view, m.subject, as_of=ctx.as_of) if f.is_current(ctx.as_of)]
            # the post the member list names, else the posts the member holds
            out += [f for f in now if f.evidence.docs == m.evidence.docs] or now
    return out


def _subgroups(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    ref = p.entity("tf")
    assert ref is not None
    facts = subgroups_of(ctx.view, ref, as_of=ctx.as_of)
    children = [f for f in facts if f.subject.id == ref.id]
    parents = [f for f in facts if f.object.id == ref.id]
    msg = (f"{ref.name}下设：{'、'.join(_names(children, 'object'))}" if children
           else f"没有找到{ref.name}下设的工作组。")
    if parents:
        msg += f"（{ref.name}隶属于{'、'.join(_names(parents))}）"
    return Reply(_names(children, "object"), facts, msg)


def _leads(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    ref = p.entity("target")
    assert ref is not None
    facts = leads_of(ctx.view, ref, as_of=ctx.as_of)
    if facts:
        how = "、".join(f"{f.subject.name}（{'牵头' if f.type == LEADS else f.role}）" for f in facts)
        return Reply(_names(facts), facts, f"{ref.name}由{how}")
    if ref.label == TASK_FORCE:
        chiefs = members_of(ctx.view, ref, tuple(ctx.book.meaning["role"]["负责人"]), as_of=ctx.as_of)
        if chiefs:
            who = "、".join(f"{f.subject.name}（{f.role}）" for f in chiefs)
            return Reply(_names(chiefs), chiefs, f"文件未写明{ref.name}的牵头单位；其组长为{who}")
    return Reply([], [], f"没有找到{ref.name}的牵头单位。")


def _appointed(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    ref = p.entity("post")
    assert ref is not None
    records = appointments(ctx.view, post=ref, action=opt["action"], as_of=ctx.as_of)
    verb = "任命为" if opt["action"] == "appoint" else "免去"
    if not records:
        return Reply([], [], f"没有找到{verb}{ref.name}的记录。")
    return Reply(_unique(r.person.name for r in records), records,
                 "；".join(f"{r.person.name}被{verb}{ref.name}（{r.evidence.doc}，{r.date}）" for r in records))


def _person_appointments(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    ref = p.entity("person")
    assert ref is not None
    records = appointments(ctx.view, person=ref, action=opt["action"], as_of=ctx.as_of)
    verb = "被任命为" if opt["action"] == "appoint" else "被免去"
    if not records:
        return Reply([], [], f"没有找到{ref.name}{verb[1:]}职务的记录。")
    posts = _unique(post_label(r.organization.name, r.title) for r in records)
    return Reply(posts, records, f"{ref.name}{verb}：{'、'.join(posts)}")


def _former_posts(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    ref = p.entity("person")
    assert ref is not None
    ended = posts_of(ctx.view, ref, as_of=ctx.as_of, status=("ended",))
    removed = appointments(ctx.view, person=ref, action="remove", as_of=ctx.as_of)
    records: list[Any] = list(ended) + [r for r in removed if not any(
        f.object.id == r.organization.id and f.role == r.title for f in ended)]
    posts = _unique([post_label(f.object.name, f.role) for f in ended] +
                    [post_label(r.organization.name, r.title) for r in removed])
    until = {post_label(f.object.name, f.role): _until(f, ctx.as_of) for f in ended}
    if not posts:
        now = posts_of(ctx.view, ref, as_of=ctx.as_of)
        return Reply([], now, f"没有找到{ref.name}卸任或被免去职务的记录。" +
                     (f"已知职务：{'、'.join(post_label(f.object.name, f.role) for f in now)}" if now else ""))
    return Reply(posts, records, f"{ref.name}原任：{'、'.join(p + until.get(p, '') for p in posts)}")


def _posts(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    ref = p.entity("person")
    assert ref is not None
    facts = posts_of(ctx.view, ref, as_of=ctx.as_of)
    now = [f for f in facts if f.is_current(ctx.as_of)]
    posts = _unique(post_label(f.object.name, f.role) for f in now)
    if not posts:
        return Reply([], facts, f"没有找到{ref.name}的现任职务。")
    msg = f"{ref.name}：{'、'.join(posts)}"
    if opt.get("units"):  # 是哪个单位的: the bodies, the posts said beside them
        return Reply(_unique(f.object.name for f in now), now, msg)
    roles = [f for f in task_forces_of_person(ctx.view, ref, as_of=ctx.as_of) if f.role]
    if roles:  # a role on a task force is a post too (领导小组副组长)
        msg += f"；兼任：{'、'.join(_unique(f.object.name + (f.role or '') for f in roles))}"
        facts = facts + roles
    ended = [f for f in facts if not f.is_current(ctx.as_of)]
    if ended:
        msg += f"；原任：{'、'.join(post_label(f.object.name, f.role) + _until(f, ctx.as_of) for f in ended)}"
    return Reply(posts, facts, msg)


def _not_recorded(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    ref = p.entity("person")
    assert ref is not None
    return Reply([], [], f"图谱里没有{ref.name}的{p.word('asked') or '这项信息'}：公报只记载职务、分工、任免和议事协调机构。")


def _relation(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    a, b = p.entity("a"), p.entity("b")
    assert a is not None and b is not None
    paths = paths_between(ctx.view, a, b, as_of=ctx.as_of)
    if not paths:
        return Reply([], [], f"在{MAX_HOPS}步之内没有找到{a.name}与{b.name}之间的联系。")
    lines = [path.describe() for path in paths]
    return Reply(lines, paths, f"{a.name}与{b.name}之间（{paths[0].length}步）：" + "；".join(lines), lines)


def _chain(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    ref = p.entity("target")
    assert ref is not None
    chain = responsibility_chain(ctx.view, ref, as_of=ctx.as_of)
    lines = chain.describe()
    if not chain.steps or all(s.fact is None for s in chain.steps):
        return Reply([], chain.steps, f"没有找到{ref.name}的责任链。", lines)
    return Reply(_unique(s.entity.name for s in chain.steps), chain.steps,
                 f"{ref.name}的责任链：" + " → ".join(lines), lines)


def _shared(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    a, b, kind = p.entity("a"), p.entity("b"), _kind(ctx, p)
    assert a is not None and b is not None
    shared = [(tf, facts) for tf, facts in shared_task_forces(ctx.view, a, b, as_of=ctx.as_of)
              if not kind or kind_matches(ctx.view, tf, kind)]
    if not shared:
        asked = p.word("kind") or "议事协调机构"
        return Reply([], [], f"没有找到{a.name}和{b.name}共同参加的{asked}。")
    names = [tf.name for tf, _ in shared]
    return Reply(names, [f for _, facts in shared for f in facts],
                 f"{a.name}和{b.name}共同参加：{'、'.join(names)}")


def _counts(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    counts = membership_counts(ctx.view, _kind(ctx, p), as_of=ctx.as_of)
    if not counts:
        return Reply([], [], "没有找到议事协调机构的成员。")
    if opt.get("top"):
        counts = [c for c in counts if c.count == counts[0].count]
    lines = [f"{c.person.name}：{c.count}个（{'、'.join(c.task_forces)}）" for c in counts]
    kind = _kind(ctx, p)
    shown = [f for c in counts[:10] for f in task_forces_of_person(ctx.view, c.person, kind, as_of=ctx.as_of)]
    return Reply([c.person.name for c in counts], [*counts, *shown],
                 "；".join(lines[:10]) + ("……" if len(lines) > 10 else ""), lines)


def _overlaps(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    kind = _kind(ctx, p)
    found = [o for o in task_force_overlaps(ctx.view, as_of=ctx.as_of)
             if not kind or kind_matches(ctx.view, o.a, kind) and kind_matches(ctx.view, o.b, kind)]
    if not found:
        return Reply([], [], "没有找到成员重叠的议事协调机构。")
    lines = [f"{o.a.name} × {o.b.name}：{'、'.join(o.people)}" for o in found]
    shown: list[Fact] = []
    for o in found[:5]:  # the memberships behind the largest overlaps, as evidence
        shared = set(o.people)
        for tf in (o.a, o.b):
            shown += [f for f in members_of(ctx.view, tf, as_of=ctx.as_of) if f.subject.name in shared]
    return Reply(lines, [*found, *shown], "；".join(lines[:5]) + ("……" if len(lines) > 5 else ""), lines)


def _doc_appointments(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    ref = p.entity("doc")
    assert ref is not None
    records = appointments(ctx.view, doc=ref, as_of=ctx.as_of)
    if not records:
        return Reply([], [], f"{ref.name}中没有任免记录。")
    lines = [r.describe() for r in records]
    return Reply(_unique(r.person.name for r in records), records, f"{ref.name}：" + "；".join(lines), lines)


def _all_appointments(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    records = appointments(ctx.view, action=opt["action"], as_of=ctx.as_of)
    title = p.word("title")
    if title and title not in titles().leader_words:  # 被任命为局长: posts of that title
        records = [r for r in records if r.title and titles().matches(r.title, title)]
    verb = "任命" if opt["action"] == "appoint" else "免去"
    if not records:
        return Reply([], [], f"没有找到{verb}的记录。")
    lines = [r.describe() for r in records]
    return Reply(_unique(r.person.name for r in records), records, f"{verb}：" + "；".join(lines), lines)


def _person_supervisor(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    """The leaders who 分管 the bodies where a person holds a post (their superiors in the chain)."""
    ref = p.entity("person")
    assert ref is not None
    posts = [f for f in posts_of(ctx.view, ref, as_of=ctx.as_of) if f.is_current(ctx.as_of)]
    records: list[Any] = []
    for post in posts:
        found = overseers_of(ctx.view, post.object, as_of=ctx.as_of)
        if found:
            records += [post, *found]
    leaders = _unique(f.subject.name for f in records if f.type != "HOLDS")
    if not leaders:
        where = "、".join(post_label(f.object.name, f.role) for f in posts)
        return Reply([], posts,
                     f"没有找到分管{ref.name}所在单位的领导。"
                     + (f"其职务：{where}" if where else ""))
    bodies = "、".join(_unique(f.object.name for f in records if f.type == "HOLDS"))
    return Reply(leaders, records, f"{ref.name}所在的{bodies}由{'、'.join(leaders)}分管")


def _timeline(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    ref = p.entity("entity")
    assert ref is not None
    if ref.label == PERSON:
        records = appointments(ctx.view, person=ref, as_of=ctx.as_of)
    else:
        records = appointments(ctx.view, org=ref, as_of=ctx.as_of)
    if not records:
        return Reply([], [], f"没有找到{ref.name}的任免记录。")
    lines = [r.describe() for r in records]
    return Reply(lines, records, "；".join(lines), lines)


def _describe(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    ref = p.entity("entity")
    assert ref is not None
    v, as_of = ctx.view, ctx.as_of
    if ref.label == PERSON:
        pf = portfolio_of(v, ref, as_of=as_of)
        posts = _unique(post_label(f.object.name, f.role) for f in pf.posts if f.is_current(as_of))
        former = _unique(post_label(f.object.name, f.role) + _until(f, as_of)
                         for f in pf.posts if not f.is_current(as_of))
        lines = [f"职务：{'、'.join(posts)}" if posts else "",
                 f"主持：{'、'.join(_names(pf.presides, 'object'))}" if pf.presides else "",
                 f"负责：{'、'.join(_names(pf.areas, 'object'))}" if pf.areas else "",
                 f"分管/主管：{'、'.join(_names(pf.supervises, 'object'))}" if pf.supervises else "",
                 f"联系：{'、'.join(_names(pf.liaises, 'object'))}" if pf.liaises else "",
                 f"议事协调机构：{'、'.join(_names(pf.task_forces, 'object'))}" if pf.task_forces else "",
                 f"原任：{'、'.join(former)}" if former else "",
                 f"已结束：{'；'.join(f.describe() for f in pf.ended)}" if pf.ended else "",
                 f"任免：{'；'.join(r.describe() for r in pf.appointments)}" if pf.appointments else ""]
        records: list[Any] = pf.facts() + pf.appointments
        answers = posts or [ref.name]
    elif ref.label == ORG:
        facts = leaders_of(v, ref, as_of=as_of)
        tfs = task_forces_of_org(v, ref, as_of=as_of)
        lines = [f"领导：{'；'.join(f.describe() for f in facts)}" if facts else "",
                 f"议事协调机构：{'、'.join(_unique(task_force_of(f).name for f in tfs))}" if tfs else ""]
        records, answers = facts + tfs, [ref.name]
    elif ref.label == TASK_FORCE:
        facts = members_of(v, ref, as_of=as_of) + office_of(v, ref, as_of=as_of) + units_of(v, ref, as_of=as_of)
        lines = [f.describe() for f in facts]
        records, answers = facts, [ref.name]
    elif ref.label == AREA:
        facts = leaders_of_area(v, ref, as_of=as_of)
        lines, records, answers = [f.describe() for f in facts], facts, [ref.name]
    elif ref.label == DOCUMENT:
        recs = appointments(v, doc=ref, as_of=as_of)
        lines, records, answers = [r.describe() for r in recs], recs, [ref.name]
    else:
        recs = appointments(v, post=ref, as_of=as_of) if ref.label == POST else []
        lines, records, answers = [r.describe() for r in recs], recs, [ref.name]
    lines = [line for line in lines if line]
    return Reply(answers, records, f"{ref.name}（{label_zh(ref.label)}）" + ("：" + "；".join(lines) if lines else ""),
                 lines)


def _kind_overseers(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    """Who 联系/分管 the bodies of a kind (群团组织, 学校): each such body's leaders."""
    word = p.word("unit") or ""
    kind = ctx.book.meaning.get("unit", {}).get(word)
    cat = catalogue(ctx.view)
    bodies = [e.ref for e in cat.entries if e.ref.label == ORG and kind and e.ref.kind == kind
              and (ctx.place is None or e.ref.place == ctx.place)]
    facts = [f for b in bodies for f in overseers_of(ctx.view, b, tuple(opt["types"]), as_of=ctx.as_of)]
    title = has_word(ctx.text, tuple(sorted(ctx.book.vocab.get("gov_title", ()), key=len, reverse=True)))
    if title:  # 哪些副县长联系群团组织: those who hold that title (a 副县长 is of a county)
        holders = {f.subject.id for f in holders_of_title(ctx.view, *_titles_meant(title), as_of=ctx.as_of)}
        facts = [f for f in facts if f.subject.id in holders]
    if not facts:
        return Reply([], [], f"没有找到{_zh(opt['types'])}{word}的领导。")
    names = _names(facts)
    lines = [f"{n}（{'、'.join(_unique(f.object.name for f in facts if f.subject.name == n))}）" for n in names]
    return Reply(names, facts, f"{_zh(f.type for f in facts)}{word}的：{'；'.join(lines)}")


def _store_places(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    places = sorted(catalogue(ctx.view).store_places)
    return Reply(places, [], f"库中有{len(places)}个地方的公报：{'、'.join(places)}")


def _bodies(ctx: _Ctx, opt: Mapping[str, Any]) -> tuple[list[EntityRef], str]:
    """Every entity of a label (task forces: of the kinds the question names) in the place
    answered for; for task forces only those a document sets up or lists."""
    cat = catalogue(ctx.view)
    kinds = {k for w, k in ctx.book.meaning.get("kind", {}).items() if w in ctx.text and k}
    refs = [e.ref for e in cat.entries if e.ref.label == opt["label"]
            and (ctx.place is None or e.ref.place == ctx.place)
            and (not kinds or any(kind_matches(ctx.view, e.ref, k) for k in kinds))]
    # only bodies a document sets up or lists (not subgroups named in passing)
    refs = [r for r in refs if members_of(ctx.view, r, as_of=ctx.as_of) or units_of(ctx.view, r, as_of=ctx.as_of)]
    return refs, "、".join(sorted(kinds)) or label_zh(opt["label"])


def _inventory(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    refs, asked = _bodies(ctx, opt)
    names = _unique(r.name for r in refs)
    records = [f for r in refs for f in members_of(ctx.view, r, ("组长", "第一组长"), as_of=ctx.as_of)]
    return Reply(names, records, f"{asked}：{'、'.join(names)}" if names else f"没有找到{asked}。")


def _org_inventory(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    """The bodies of a kind in the place answered for (有哪些局: names ending 局; 部门: the
    government's departments; 单位: every body), each a body something is said of."""
    word = p.word("unit") or "单位"
    every = word in ("单位", "机构")
    department = word in ("部门", "委办局")
    cat = catalogue(ctx.view)
    refs = [e.ref for e in cat.entries if e.ref.label == ORG and (ctx.place is None or e.ref.place == ctx.place)
            and (every or (e.ref.kind == "政府部门" if department else
                           e.ref.name.endswith(word) or e.ref.name.endswith(word + "员会")))]
    held = [r for r in refs if leaders_of(ctx.view, r, as_of=ctx.as_of) or overseers_of(ctx.view, r, as_of=ctx.as_of)]
    names = sorted(_unique(r.name for r in held))
    return Reply(names, [], f"{word}：{'、'.join(names)}" if names else f"没有找到{word}。")


def _kind_members(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    """The holders of a role (组长) in every body of a kind (各个专班的组长)."""
    refs, asked = _bodies(ctx, opt)
    role = p.word("role") or "成员"
    roles = ctx.book.meaning.get("role", {}).get(role, [role])
    facts = [f for r in refs for f in members_of(ctx.view, r, tuple(roles) if roles else None, as_of=ctx.as_of)]
    if not facts:
        return Reply([], [], f"没有找到{asked}的{role}。")
    lines = [f"{r.name}：{'、'.join(_names(f for f in facts if f.object.id == r.id))}" for r in refs]
    return Reply(_names(facts), facts, f"{asked}的{role}：{'；'.join(lines)}", lines)


def _common_members(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    """Who sits on both task forces named (谁同时参加了A和B)."""
    a, b = p.entity("a"), p.entity("b")
    assert a is not None and b is not None
    fa, fb = members_of(ctx.view, a, as_of=ctx.as_of), members_of(ctx.view, b, as_of=ctx.as_of)
    both = {f.subject.id for f in fa} & {f.subject.id for f in fb}
    facts = [f for f in fa + fb if f.subject.id in both]
    if not facts:
        return Reply([], [], f"没有找到同时参加{a.name}和{b.name}的人员。")
    names = _names(f for f in fa if f.subject.id in both)
    return Reply(names, facts, f"同时参加{a.name}和{b.name}的：{'、'.join(names)}")


def _role_in_task_force(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    """The roles a person holds in a task force (组长, 成员, 办公室主任 …)."""
    person, tf = p.entity("person"), p.entity("tf")
    assert person is not None and tf is not None
    facts = [f for f in members_of(ctx.view, tf, as_of=ctx.as_of, include_ended=True) if f.subject.id == person.id]
    now = [f for f in facts if f.is_current(ctx.as_of)]
    if not now:
        return Reply([], facts, f"没有找到{person.name}在{tf.name}任职的记录。{_formerly(facts, ctx.as_of)}")
    roles = _unique(f.role or f.zh for f in now)
    return Reply(roles, now, f"{person.name}在{tf.name}任{'、'.join(roles)}")


HANDLERS: dict[str, Handler] = {
    "common_members": _common_members, "role_in_task_force": _role_in_task_force,
    "kind_overseers": _kind_overseers, "store_places": _store_places, "inventory": _inventory, "kind_members": _kind_members,
    "overseers": _overseers, "heads": _heads, "title_holders": _title_holders, "duties": _duties,
    "area_leaders": _area_leaders, "task_forces": _task_forces, "members": _members, "office": _office,
    "units": _units, "subgroups": _subgroups, "leads": _leads, "appointed": _appointed,
    "person_appointments": _person_appointments, "former_posts": _former_posts, "posts": _posts,
    "relation": _relation, "chain": _chain, "shared": _shared, "counts": _counts, "overlaps": _overlaps,
    "doc_appointments": _doc_appointments, "timeline": _timeline, "all_appointments": _all_appointments,
    "person_supervisor": _person_supervisor, "describe": _describe, "not_recorded": _not_recorded,
    "org_inventory": _org_inventory,
}


# --------------------------------------------------------------------------- evidence

def _facts_of(record: Any) -> list[Fact]:
    if isinstance(record, Fact):
        return [record]
    if isinstance(record, PathRecord):
        return list(record.facts)
    if isinstance(record, ChainStep):
        return [record.fact] if record.fact else []
    return []


def evidence_of(records: Iterable[Any]) -> list[Evidence]:
    """The evidence of every record, once each (same document and sentence)."""
    out: dict[tuple[str | None, str | None], Evidence] = {}
    for record in records:
        if isinstance(record, AppointmentRecord):
            items = [record.evidence]
        elif isinstance(record, (GroupCount, Overlap, Chain)):
            items = []
        elif isinstance(getattr(record, "evidence", None), Evidence) and not isinstance(record, Fact):
            items = [record.evidence]  # a change of `govkg changes` (a member who joined …)
        else:
            items = [f.evidence for f in _facts_of(record)]
        for e in items:
            if e.sentence or e.doc:
                out.setdefault((e.doc, e.sentence), e)
    return list(out.values())


# --------------------------------------------------------------------------- asking

def ask(view: GraphView, question: str, *, as_of: str | None = None) -> Answer:
    """Answer a question in Chinese on a store (see `_ask`); a question not understood is
    tried once more with its question words typed as homophones put right (分官 -> 分管)."""
    answer = _ask(view, question, question, as_of)
    if not answer.understood:
        fixed = homophones(catalogue(view), book(), from_english(question, book()))
        if fixed != from_english(question, book()):
            again = _ask(view, question, fixed, as_of)
            if again.understood:
                return again
    return answer


def _ask(view: GraphView, asked: str, question: str, as_of: str | None) -> Answer:
    """Answer a question in Chinese on a store: names, evidence, and the Cypher run;
    on `as_of` (YYYY-MM-DD …, `AsOfError` if it is no day) or, without it, the newest state.

    The question is read from its parts (queries/compose.py): a time phrase in it sets the
    day (or the window of a change) unless `as_of` is given; 多少/几个 make the answer a
    number, 是否/吗 a yes or no with the evidence, 什么时候 a date, 接替 who followed whom,
    and 变化/换人 what changed. What is left is read by the forms of questions.yaml, or,
    where none reads it, by the frames of compose.yaml."""
    as_of = parse_as_of(as_of)
    qb = book()
    cat = catalogue(view)
    question = from_english(question, qb)
    mods = modifiers(question, _latest(view), qb)
    if mods.formerly:  # a form that reads 原来 itself (温贵原来担任什么职务) answers as it is
        _, readings = _read(cat, question, qb)
        if readings and _form_reads(readings[0], vocabulary().modes["formerly"]):
            mods.formerly, mods.core = False, mods.plain
    day = as_of or mods.as_of
    answer = Answer(question=asked, normalized=normalize_question(question, qb), understood=False, as_of=day,
                    several_places=cat.several_places)
    if mods.mode in ("changes", "succession", "when") and _ask_in_time(view, cat, qb, question, mods, day, answer):
        answer.evidence = evidence_of(answer.records)
        return answer
    core, subject = mods.core, None
    if mods.mode == "count":
        _, readings = _read(cat, question, qb)
        if readings and readings[0].form.id in _COUNTED:  # 各位领导分别参加了几个专班: counted already
            core, mods.mode = mods.plain, None
    hint = None
    if mods.mode == "yes":
        hint = _place_of_named(cat, core) if cat.several_places else None   # the subject's place
        core, subject = _yes_core(cat, core)
    changed = core != mods.plain or mods.ever
    _answer(view, cat, qb, core if changed else question, core, day, answer, ever=mods.ever, frames_first=changed,
            hint=hint, qualified=mods)
    if not answer.answers and answer.understood and not as_of and mods.as_of_end:  # 3月: later in March
        later = Answer(question=asked, normalized=answer.normalized, understood=False, as_of=mods.as_of_end,
                       several_places=cat.several_places)
        _answer(view, cat, qb, core if changed else question, core, mods.as_of_end, later, ever=mods.ever,
                frames_first=changed, qualified=mods)
        if later.answers:
            answer = later
    if mods.formerly and answer.answers:  # 以前是谁分管: asked again the day before the present began
        began = sorted(f.valid_from for r in answer.records for f in _facts_of(r) if f.valid_from)
        if began:
            day_before = (date.fromisoformat(began[0][:10]) - timedelta(days=1)).isoformat()
            before = Answer(question=asked, normalized=answer.normalized, understood=False, as_of=day_before,
                            several_places=cat.several_places)
            _answer(view, cat, qb, core, core, day_before, before, frames_first=True, hint=hint, qualified=mods)
            if before.answers:
                before.message = f"{began[0][:10]}以前：{before.message}"
                answer = before
    if not answer.understood or answer.ambiguous:
        return answer
    if mods.mode == "count" and answer.form not in _COUNTED:
        _count(answer)
    elif mods.mode == "yes":
        _yes(answer, subject)
    return answer


_COUNTED = ("membership_counts", "membership_top", "not_recorded")   # forms whose 多少 is no count to add
_PERSONS = ("task_force_members", "title_holders", "org_heads", "org_supervisors", "org_liaisons", "area_leaders",
            "kind_liaisons", "kind_supervisors", "all_appointed", "all_removed")


def _ask_in_time(view: GraphView, cat: Catalogue, qb: QuestionBook, question: str, mods: Modifiers,
                 day: str | None, answer: Answer) -> bool:
    """什么时候, 接替, 变化: answered from the dates of the facts and 任免 the question names.
    False when the question names too little for that (the caller reads it as usual)."""
    if mods.mode == "when":
        _, readings = _read(cat, question, qb)
        if readings and not _weak(readings[0]) and _form_reads(readings[0], vocabulary().modes["when"]):
            return False  # a form that reads the when itself (郝建平什么时候被任命的: the timeline)
    text = mods.core
    place = _place_named(cat, text)[0] if cat.several_places else None
    found = mentions(cat, text)
    handler = {"when": _when, "succession": _succession, "changes": _changes}[mods.mode or ""]
    with trace() as entries:
        reply = handler(view, text, found, place, mods, day)
    if reply is None:
        return False
    answer.understood, answer.form, answer.place = True, mods.mode, place
    answer.answers, answer.records, answer.message = reply.answers, reply.records, reply.message
    answer.details = reply.details if reply.details is not None else [_line(r) for r in reply.records]
    answer.entities = {f"{m.matches[0].entity.label.lower()}{i}": m.matches[0].entity
                       for i, m in enumerate(found) if len(_narrow(m.matches, place)) == 1}
    answer.places = [None if mods.mode == "when" else place] * len(answer.answers)
    answer.queries = list(entries)
    if mods.mode == "when":
        answer.dates = [a for a in reply.answers if re.fullmatch(r"\d{4}-\d{2}-\d{2}", a)]
    if mods.counted and answer.answers:  # 任命了多少人: the number of those named
        answer.count = len(answer.answers)
        answer.answers, answer.message = [f"共{answer.count}人", *answer.answers], f"共{answer.count}人。{answer.message}"
        answer.places = [None, *answer.places]
    if mods.mode == "changes" and re.search(r"(吗|(?<![什怎])么)$|是否|有没有|是不是", mods.plain):
        answer.yes = bool(reply.records)
        word = "是" if answer.yes else "否"
        answer.answers, answer.message = [word, *answer.answers], f"{word}。{answer.message}"
        answer.places = [None, *answer.places]
    return True


def _narrow(matches: list[Match], place: str | None) -> list[Match]:
    mine = [m for m in matches if place is not None and m.entity.place == place]
    return mine or matches


def _refs(found: list[Mention], label: str, place: str | None) -> list[EntityRef]:
    """The entities of `label` the mentions may be, in the place asked about if any."""
    return [m.entity for f in found for m in _narrow(f.of(label), place)]


def _people(found: list[Mention], place: str | None) -> list[EntityRef]:
    """The persons named; a name of several places narrowed to the place of the bodies named."""
    people = _refs(found, PERSON, place)
    places = {r.place for r in _refs(found, ORG, place) + _refs(found, TASK_FORCE, place) if r.place}
    return [p for p in people if p.place in places] or people if places else people


def _of_org(record: AppointmentRecord, orgs: list[EntityRef], title: str | None) -> bool:
    return (not orgs or record.organization.id in {o.id for o in orgs}) and (
        not title or bool(record.title) and (record.title == title or titles().matches(record.title, title)))


def _title_in(text: str) -> str | None:
    return has_word(text, tuple(sorted(book().vocab["title"], key=len, reverse=True)))


def _when(view: GraphView, text: str, found: list[Mention], place: str | None, mods: Modifiers,
          day: str | None) -> Reply | None:
    """The days a holding, a 分工 or a task force began or ended."""
    v = vocabulary()
    people, orgs = _people(found, place), _refs(found, ORG, place)
    targets = {r.id for r in orgs + _refs(found, "Area", place)}
    title = _title_in(text.replace("什么时候", ""))
    lines: list[tuple[str, str]] = []
    records: list[Any] = []
    stop = has_word(text, v.words["stop"])
    duty = has_word(text, v.words["supervise"] + v.words["liaise"] + v.words["respond"])
    remove = has_word(text, v.words["remove"])
    for person in people:
        if stop or duty and not title:
            facts = [f for f in duties_of(view, person, include_ended=True) if not targets or f.object.id in targets]
            for f in facts:
                when = f.valid_to if stop else f.valid_from
                if when:
                    lines.append((when, f"{person.name}{'不再' if stop else '开始'}{f.zh}{f.object.name}"))
                    records.append(f)
            if facts:
                continue
        recs = [r for r in appointments(view, person=person, action="remove" if remove else "appoint")
                if _of_org(r, orgs, title)]
        for r in recs:
            lines.append((r.date or "?", r.describe()))
            records.append(r)
        if not recs:  # a holding known from a list, not a 任免
            for f in posts_of(view, person):
                if (not orgs or f.object.id in {o.id for o in orgs}) and (not title or f.role == title):
                    when = f.valid_to if remove else f.valid_from
                    if when:
                        lines.append((when, f"{person.name}{'卸任' if remove else '担任'}{post_label(f.object.name, f.role)}"))
                        records.append(f)
    if not people and orgs:  # 云川市财政局局长什么时候换的: the 任免 of that post
        for org in orgs:
            for r in appointments(view, org=org):
                if _of_org(r, [org], title):
                    lines.append((r.date or "?", r.describe()))
                    records.append(r)
    if not people and not lines:
        for tf in _refs(found, TASK_FORCE, place)[:1]:
            facts = members_of(view, tf, as_of=None, include_ended=True)
            starts = sorted({f.valid_from for f in facts if f.valid_from})
            ends = sorted({f.valid_to for f in facts if f.valid_to})
            if not starts:
                continue
            if has_word(text, v.words["adjust"]) or has_word(text, v.words["member"]) and not has_word(text, v.words["setup"]):
                days = sorted(set(starts[1:] + ends)) or starts[:1]   # known from its adjustment alone
                for d in days:
                    changed = [f for f in facts if d in (f.valid_from, f.valid_to)]
                    lines.append((d, f"{tf.name}调整成员：" + "、".join(
                        f"{f.subject.name}{'加入' if f.valid_from == d else '退出'}" for f in changed)))
                    records += changed
            else:
                first = [f for f in facts if f.valid_from == starts[0]]
                lines.append((starts[0], f"{tf.name}成立（{first[0].evidence.doc or ''}）"))
                records += first[:1]
    if not people and not lines and not orgs and not _refs(found, TASK_FORCE, place):
        lines, records = _documents_when(view, text, place)
    if not lines:
        return None
    lines.sort()
    days = _unique(d for d, _ in lines)
    said = [line if line.startswith(d) else f"{d} {line}" for d, line in lines]
    return Reply(days, records, "；".join(said), said)


def _documents_when(view: GraphView, text: str, place: str | None) -> tuple[list[tuple[str, str]], list[Any]]:
    """分工什么时候调整的, 任免是哪天: the days of the documents of the kind the question names
    (of its place), the adjusting ones only where it says 调整."""
    from queries.named import run

    kinds = [k for k, words in vocabulary().document_kinds.items() if has_word(text, tuple(words))]
    if not kinds:
        return [], []
    docs = [d for d in run(view, "documents_in_window", {"since": "", "until": ""})
            if d.get("doc_type") in kinds and d.get("date") and (place is None or d.get("place") == place)]
    if has_word(text, vocabulary().words["adjust"]):
        docs = [d for d in docs if has_word(d.get("title") or "", vocabulary().words["adjust"])] or docs[-1:]
    return [(d["date"], f"{d['date']} {d.get('number') or ''} {d.get('title') or ''}".strip()) for d in docs], []


def _succession(view: GraphView, text: str, found: list[Mention], place: str | None, mods: Modifiers,
                day: str | None) -> Reply | None:
    """Who took a person's post after them (谁接替了刘洋), or whose post they took (郭峰接替了谁)."""
    v = vocabulary()
    people = _people(found, place)
    orgs, title = _refs(found, ORG, place), _title_in(text)
    former = has_word(text, v.modes["former_holder"])
    if not people and former and orgs:  # 教育局原来的局长: before the one holding it now
        people = _unique_refs(f.subject for org in orgs for f in heads_of(view, org, title))
    if not people:
        return None
    verb = has_word(text, v.modes["succession"]) or former or ""
    at = text.find(verb)
    person_at = next((m.start for m in found if m.of(PERSON)), -1)
    before = person_at < at and "谁" in text[at:] and "谁" not in text[:at]   # 郭峰接替了谁: whom he followed
    if has_word(text, v.modes["successor"]):   # 吴强的继任者
        before = False
    elif former or re.search(rf"(?<![之以])(?:{'|'.join(v.modes['predecessor'])})", text):   # 宋佳的前任
        before = True
    names: list[str] = []
    records: list[Any] = []
    lines: list[str] = []
    for person in people:
        mine = [r for r in appointments(view, person=person, action="appoint" if before else "remove")
                if _of_org(r, orgs, title)]
        for r in mine:
            other = [o for o in appointments(view, post=r.post, action="remove" if before else "appoint")
                     if o.person.id != person.id and (o.date or "") <= (r.date or "") if before
                     or o.person.id != person.id and (o.date or "") >= (r.date or "")]
            for o in other:
                names.append(o.person.name)
                records += [r, o]
                lines.append(f"{o.person.name}{'此前任' if before else '接任'}{post_label(r.organization.name, r.title)}"
                             f"（{o.date}，{o.evidence.doc}）")
    if not names:
        return None
    who = _unique(names)
    return Reply(who, records, "；".join(_unique(lines)))


def _changes(view: GraphView, text: str, found: list[Mention], place: str | None, mods: Modifiers,
             day: str | None) -> Reply | None:
    """What changed in the window the question names (or ever), about what it names."""
    ch = changes(view, mods.since, mods.until)
    ids = {m.entity.id for f in found for m in _narrow(f.matches, place)}
    # "领导分工有什么变化" asks for the division of work: 领导 there names no post; nor does the
    # 领导 of "领导小组成员有什么调整"
    division = has_word(text, vocabulary().document_kinds.get("work_division", ()))
    bare = text
    for word in vocabulary().inventory["TaskForce"]:  # longest first
        bare = bare.replace(word, "")
    title = None if division else _title_in(bare)

    def keep(*refs: EntityRef) -> bool:
        return (place is None or any(r.place == place for r in refs)) and (not ids or any(r.id in ids for r in refs))

    posts = [c for c in ch.posts_new + ch.posts_ended if keep(c.person, c.organization)
             and (not title or bool(c.title) and titles().matches(c.title or "", title))]
    duties = [c for c in ch.duties_new + ch.duties_ended if keep(c.fact.subject, c.fact.object)]
    handed = [h for h in ch.duties_changed if keep(h.object, *(c.fact.subject for c in h.before + h.after))]
    members = [c for c in ch.members if keep(c.task_force, c.member)]
    if re.search(r"新增|增加|加入|新进", text):  # 新增了哪些成员: those who joined
        members = [c for c in members if c.change == "joined"]
    elif re.search(r"退出|离开", text):
        members = [c for c in members if c.change == "left"]
    bodies = [c for c in ch.task_forces_new + ch.task_forces_dissolved if keep(c.task_force)]
    if division or has_word(text, vocabulary().words["supervise"] + vocabulary().words["liaise"]):  # 分管领导有什么变化
        posts, members, bodies = [], [], []
    elif title:  # 局长换人: the posts only
        duties, handed, members, bodies = [], [], [], []
    if re.search(r"任免|任命|免去|免职", text):  # 人事任免: what a 任免 notice did
        via = ("remove",) if re.search(r"免去|免职", text) and "任免" not in text else (
            ("appoint",) if "任命" in text else ("appoint", "remove"))
        posts = [c for c in posts if c.via in via]
        duties, handed, members, bodies = [], [], [], []
    how = {"mention": "任职（见于文件）", "ended": "卸任"}
    lines = ([f"{c.date or ''} {how.get(c.how, c.how)} {c.person.name} {post_label(c.organization.name, c.title)}"
              for c in posts]
             + [f"{h.date or ''} {_zh_of(h.type)}：{h.describe()}" for h in handed]
             + [f"{c.date or ''} {c.fact.describe()}" for c in duties]
             + [f"{c.date or ''} {c.task_force.name}：{c.member.name}"
                f"{ {'joined': '加入', 'left': '退出', 'role': '改任'}.get(c.change, c.change)}{c.role or ''}"
                for c in members]
             + [f"{c.date or ''} {c.task_force.name}（{'、'.join(c.heads)}）" for c in bodies])
    records: list[Any] = ([c.fact for c in posts] + [c.fact for h in handed for c in h.before + h.after]
                          + [c.fact for c in duties] + members + bodies)
    window = (f"{mods.since or ''}之后" if mods.since else "") + (f"至{mods.until}" if mods.until else "")
    if not lines:
        return Reply([], [], f"{window or ''}没有找到变化。")
    people = _unique([c.person.name for c in posts] + [c.fact.subject.name for h in handed for c in h.before + h.after]
                     + [c.fact.subject.name for c in duties] + [c.member.name for c in members])
    return Reply(people, records, f"{window}变化：" + "；".join(lines), lines)


def _unique_refs(refs: Iterable[EntityRef]) -> list[EntityRef]:
    return list({r.id: r for r in refs}.values())


def _zh_of(rtype: str) -> str:
    return _zh([rtype])


def _latest(view: GraphView) -> str | None:
    """The newest document's day: 今年 and a month without a year are of its year."""
    cat = catalogue(view)
    if cat not in _LATEST:
        from queries.named import run

        days = [d["date"] for d in run(view, "documents_in_window", {"since": "", "until": ""}) if d.get("date")]
        _LATEST[cat] = max(days) if days else None
    return _LATEST[cat]


_LATEST: "weakref.WeakKeyDictionary[Catalogue, str | None]" = weakref.WeakKeyDictionary()


def _answer(view: GraphView, cat: Catalogue, qb: QuestionBook, question: str, text: str, as_of: str | None,
            answer: Answer, *, ever: bool = False, frames_first: bool = False, hint: str | None = None,
            qualified: Modifiers | None = None) -> None:
    """Read `question` (the forms) or `text` (the frames, where no form reads it) and answer.
    A question whose modifiers were taken out (`frames_first`) is no whole sentence any more:
    the frames read it first."""
    foreign = _foreign_place(cat, text)
    if foreign is not None:   # understood: the answer is that the store has nothing of that place
        answer.understood, answer.form = True, "no_place"
        answer.message = (f"库中没有{foreign}的文件；库中的文件来自：{'、'.join(sorted(cat.store_places))}。"
                          if cat.store_places else f"库中没有{foreign}的文件。")
        return
    place, readings = _read(cat, question, qb)
    if place is None and cat.several_places:
        place = _place_named(cat, text)[0] or _place_of_named(cat, text) or hint
    answer.place = place
    best = readings[0] if readings else None
    if best is None or best.form.id == "describe" or frames_first or _kind_slot(best) or _swallows(cat, best) \
            or _two_bodies(cat, text, best):
        composed = compose(cat, qb, text, place)
        if composed is not None and (best is None or composed.form.id != "describe"):
            best = composed
    if best is None:
        answer.suggestions = [f.ask for f in qb.forms]
        lines = "\n".join(f"  {x}" for x in answer.suggestions)
        answer.message = f"没有理解这个问题。可以这样问：\n{lines}"
        return
    per_place: list[Parse] = []
    if best.ambiguous:
        best, per_place = _by_place(best, place)
        missing = _not_in_place(best, place)
        if missing:   # 桐溪市公安局: other places have one, the place asked has none
            answer.understood, answer.form, answer.message = True, best.form.id, missing
            return
        if best.ambiguous and not per_place:  # the form took more than a name (卫生健康这块): the frames may not
            composed = compose(cat, qb, text, place)
            if composed is not None and composed.form.id != "describe":
                best, per_place = _by_place(composed, place) if composed.ambiguous else (composed, [])
    answer.understood, answer.form = True, best.form.id
    answer.entities = {k: v.entity for k, v in best.slots.items() if v.entity is not None}
    answer.scores = {k: v.score for k, v in best.slots.items() if v.entity is not None}
    if best.ambiguous and not per_place:
        answer.candidates = {s: best.slots[s].candidates for s in best.ambiguous}
        options = "；".join(f"「{best.slots[s].text}」可能是：" + "、".join(
            candidate_line(view, m.entity) for m in best.slots[s].candidates) for s in best.ambiguous)
        answer.message = f"问题里的名称不够明确。{options}。请用更完整的名称再问一次。"
        return
    ctx = _Ctx(view, as_of, qb, ever=ever, text=text, left_out=qualified.left_out if qualified else (),
               included=qualified.included if qualified else ())
    whole = bool(best.form.options.get("whole_store"))
    each = [] if per_place else _conjoined(cat, text, best, place)
    if each:  # 云川市财政局和民政局分别由谁分管: the reading once per body named
        with trace() as entries:
            parts = [(p.slots[s].entity.place, _run(ctx, p, p.slots[s].entity.place))  # type: ignore[union-attr]
                     for s, p in each]
        _settle(answer, parts)
        answer.entities = {f"{k}{i}": p.slots[k].entity for i, (k, p) in enumerate(each)}  # type: ignore[misc]
        answer.evidence = evidence_of(answer.records)
        answer.queries = list(entries)
        return
    with trace() as entries:
        named = [p for p in sorted(cat.store_places) if any(w in text for w in written_forms(p)[1:])]  # 云川市和岭东市的市长
        if per_place:  # one name, several places: each place's answer (of the places named, if some are)
            slot = best.ambiguous[0]
            if len(named) > 1:
                per_place = [p for p in per_place if p.slots[slot].entity.place in named] or per_place  # type: ignore[union-attr]
            parts = [(p.slots[slot].entity.place, _run(ctx, p, p.slots[slot].entity.place))  # type: ignore[union-attr]
                     for p in per_place]  # each run in its place, so its Cypher says which
        elif whole or place is not None or not cat.several_places or any(e.place for e in answer.entities.values()):
            parts = [(place, _run(ctx, best, place))]
        else:  # a question about no one place in a store of several: each place's answer
            parts = [(p, _run(ctx, best, p)) for p in (named if len(named) > 1 else sorted(cat.store_places))]
            found = [(p, r) for p, r in parts if r.answers]
            parts = found or [(None, _run(ctx, best, None))]
    _settle(answer, parts)
    answer.evidence = evidence_of(answer.records)
    answer.queries = list(entries)


def _conjoined(cat: Catalogue, text: str, reading: Parse, place: str | None) -> list[tuple[str, Parse]]:
    """One reading per entity where the question joins several of the one slot's label
    (A和B, A、B): the slot filled with each in turn. Empty where it names one."""
    slots = [k for k, v in reading.slots.items() if v.entity is not None]
    if len(slots) != 1:
        return []
    slot = slots[0]
    label = reading.slots[slot].entity.label  # type: ignore[union-attr]
    found = [m for m in mentions(cat, text) if m.of(label)]
    if len(found) < 2 or not all(re.fullmatch(r"[和与及、跟同]|以及", text[a.end:b.start])
                                 for a, b in zip(found, found[1:])):
        return []
    out = []
    for m in found:
        match = _narrow(m.of(label), place or reading.slots[slot].entity.place)  # type: ignore[union-attr]
        if len(match) != 1:
            return []
        slots_ = dict(reading.slots)
        slots_[slot] = SlotValue(m.text, match[0].entity, match[0])
        out.append((slot, replace(reading, slots=slots_, ambiguous=[])))
    return out


def _swallows(cat: Catalogue, reading: Parse) -> bool:
    """A reading whose name, linked only approximately, holds another entity's name
    (云川市负责民政 read as 云川市人民政府): the frames read the parts apart."""
    for value in reading.slots.values():
        if value.entity is None or value.score >= EXACT - 2:
            continue
        if any(m.text != value.text and all(x.entity.id != value.entity.id for x in m.matches)
               for m in mentions(cat, normalize(value.text))):
            return True
    return False


def _two_bodies(cat: Catalogue, text: str, reading: Parse) -> bool:
    """A question naming two task forces read by a form that takes one."""
    return sum(bool(m.of(TASK_FORCE)) for m in mentions(cat, text)) > sum(
        v.entity is not None and v.entity.label == TASK_FORCE for v in reading.slots.values())


def _kind_slot(reading: Parse) -> bool:
    """A reading that took a kind of body (学校, 群团组织) for the name of one."""
    kinds = vocabulary().words["unit_kinds"]
    return any(v.entity is not None and (v.text in kinds or re.search(r"哪|什么|谁|几", v.text) is not None)
               for v in reading.slots.values())   # 哪些工作专班 names no body


def _weak(reading: Parse) -> bool:
    """A reading of the catch-all form (介绍一下X) whose name had to be cut out of the
    question: the frames may read the question better."""
    return reading.form.id == "describe" and reading.score < EXACT - 2


# --------------------------------------------------------------------------- composed answers

def _yes_core(cat: Catalogue, core: str) -> tuple[str, Mention | None]:
    """A yes/no question as the question it checks: its person asked as 谁
    (李慧敏分管云川市财政局 -> 谁分管云川市财政局, then: is 李慧敏 among them)."""
    found = mentions(cat, core)
    people = [m for m in found if m.of(PERSON)]
    if not people or (len(found) == 1 and not re.search(r"[长任员记主书组]|管|负责|联系|参加", core)):
        return core, None
    m = people[0]
    return core[: m.start] + "谁" + core[m.end:], m


def _yes(answer: Answer, subject: Mention | None) -> None:
    """是 or 否, then what the answer found, as evidence either way."""
    if subject is None:
        yes = bool(answer.answers)
    else:
        names = {(m.entity.name, m.entity.place) for m in subject.of(PERSON)}
        places = answer.places + [None] * len(answer.answers)
        yes = any(any(a == n and (p is None or q is None or p == q) for n, q in names)
                  for a, p in zip(answer.answers, places))
    word = "是" if yes else "否"
    found = "、".join(answer.shown) if answer.answers else "没有找到"
    answer.yes = yes
    answer.message = f"{word}。{answer.message}" if answer.message else f"{word}。{found}"
    answer.answers, answer.places = [word], [None]


def _count(answer: Answer) -> None:
    """The number first (共N个), then the items counted; per place where grouped."""
    unit = "人" if answer.form in _PERSONS else "个"
    names, total = list(answer.answers), len(_unique(f"{a}·{p}" for a, p in zip(
        answer.answers, answer.places + [None] * len(answer.answers))))
    answer.count = total
    if answer.groups:
        lines = []
        for g in answer.groups:
            g["count"] = len(g["answers"])
            lines.append(f"{g['place']}：共{g['count']}{unit}")
        answer.answers = [f"共{total}{unit}", *lines, *names]
        answer.places = [None] * (1 + len(lines)) + answer.places
        answer.message = f"共{total}{unit}。\n" + "\n".join(f"{g['place']}：共{g['count']}{unit}：{g['message']}" for g in answer.groups)
    else:
        answer.answers = [f"共{total}{unit}", *names]
        answer.places = [None, *answer.places]
        answer.message = f"共{total}{unit}。{answer.message}"


def _read(cat: Catalogue, question: str, qb: QuestionBook) -> tuple[str | None, list[Parse]]:
    """The place the question names (云川市, 云川; one only), and its readings: as asked,
    or without the place where that reads better (岭东的教育局谁分管 -> 教育局谁分管, narrowed)."""
    place, written = _place_named(cat, normalize_question(question, qb)) if cat.several_places else (None, "")
    readings = parse(cat, question, qb)
    if place is None:
        return None, readings
    # the place as written, a province named before it (山西云川), and a 的 after it
    plain = re.sub(rf"(?:{_provinces()})?{re.escape(written)}(?:的)?", "", question, count=1)
    if not readings or readings[0].ambiguous or any(
            v.entity is not None and v.entity.place not in (place, None) for v in readings[0].slots.values()):
        stripped = parse(cat, plain, qb) if plain.strip() else []
        if stripped:
            return place, stripped
    return place, readings


@lru_cache(maxsize=1)
def _provinces() -> str:
    """Province names, in full and short (山西省, 山西), longest first, as a regex alternation."""
    names = {n for n, d in divisions().items() if d.code.endswith("0000")}
    names |= {short_name(n) for n in names}
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


def _foreign_place(cat: Catalogue, q: str) -> str | None:
    """A division the question names in full (朔州市) of which the store holds no document,
    when it names none of the store's places and no entity's name holds it."""
    if not cat.store_places or any(w in q for p in cat.store_places for w in written_forms(p)):
        return None
    named = [d for d in divisions() if len(d) >= 3 and d in q and d not in cat.store_places]
    for name in sorted(named, key=len, reverse=True):
        if not any(name in e.ref.name for e in cat.entries):
            return name
    return None


def _place_named(cat: Catalogue, q: str) -> tuple[str | None, str]:
    """The one store place a question names, in full or short (云川市, 云川), and as written."""
    found: dict[str, str] = {}
    for place in cat.store_places:
        for written in written_forms(place):
            if len(written) >= 2 and written in q and len(written) > len(found.get(place, "")):
                found[place] = written
    if not found:  # 岭冬市: one character off a store place's full name, and no real division
        near = {p: q[i: i + len(p)] for p in cat.store_places if len(p) >= 3
                for i in range(len(q) - len(p) + 1)
                if q[i + len(p) - 1] == p[-1] and sum(a != b for a, b in zip(q[i: i + len(p)], p)) == 1
                and q[i: i + len(p)] not in divisions()}
        found = near if len(near) == 1 else {}
    if len(found) != 1:
        return None, ""
    return next(iter(found.items()))


def _not_in_place(reading: Parse, place: str | None) -> str:
    """Where the question names a place and a body only other places have, what to say
    (empty otherwise)."""
    if place is None or len(reading.ambiguous) != 1:
        return ""
    value = reading.slots[reading.ambiguous[0]]
    others = _unique(m.entity.place or "" for m in value.candidates)
    if not others or place in others:
        return ""
    return f"{place}没有找到「{value.text}」的记录；{'、'.join(others)}有同名的{label_zh(value.candidates[0].entity.label)}。"


def _place_of_named(cat: Catalogue, text: str) -> str | None:
    """The one place where everything a question names can be, when a person is among them
    (林晓燕是不是联系市妇联的: the 市妇联 of 林晓燕's city; 陈立新 of two cities and a 卫健委 of
    one of them: that one)."""
    found = mentions(cat, text)
    if not any(m.of(PERSON) for m in found):
        return None
    common: set[str | None] | None = None
    for m in found:
        places = {x.entity.place for x in m.matches}
        common = places if common is None else common & places
    return next(iter(common)) if common is not None and len(common) == 1 and None not in common else None


def _by_place(best: Parse, place: str | None) -> tuple[Parse, list[Parse]]:
    """An ambiguous reading whose candidates are one name in several places: the candidate
    of the place the question named, or one reading per place. Otherwise as it was."""
    if len(best.ambiguous) != 1:
        return best, []
    slot = best.ambiguous[0]
    cands = best.slots[slot].candidates
    places = [m.entity.place for m in cands]

    def pick(m: Match) -> Parse:
        slots = {slot: SlotValue(best.slots[slot].text, m.entity, m)}
        slots.update({k: v for k, v in best.slots.items() if k != slot})
        return replace(best, slots=slots, ambiguous=[])

    if place is not None:  # the one candidate of the place the question names
        mine = [m for m in cands if m.entity.place == place]
        return (pick(mine[0]), []) if len(mine) == 1 else (best, [])
    # 妇联: 市妇联 ×3; 卫健委: 市卫生健康委员会, 州卫生健康委员会 (one body at places of two levels)
    one_name = len({without_level(m.entity.name) for m in cands}) == 1 and len({m.score for m in cands}) == 1
    same_name = (all(m.score >= EXACT - 2 for m in cands) or one_name) and len({m.entity.label for m in cands}) == 1
    if not same_name or None in places or len(set(places)) != len(places):
        return best, []
    return best, [pick(m) for m in sorted(cands, key=lambda m: m.entity.place or "")]


def _run(ctx: _Ctx, p: Parse, place: str | None) -> Reply:
    ctx = replace(ctx, place=place)
    with within(place):
        return HANDLERS[p.form.handler](ctx, p, p.form.options)


def _settle(answer: Answer, parts: list[tuple[str | None, Reply]]) -> None:
    """Put the replies into the answer: one as it is; several grouped by place."""
    if len(parts) == 1:
        place, reply = parts[0]
        answer.answers, answer.records, answer.message = reply.answers, reply.records, reply.message
        answer.details = reply.details if reply.details is not None else [_line(r) for r in reply.records]
        known = _places_of(reply.records)
        answer.places = [place or known.get(a) for a in reply.answers]
        asked = place or _one_place(answer.entities.values())
        if answer.several_places and asked and short_name(asked) not in answer.message:
            answer.message = f"{asked}：{answer.message}"  # which place's answer, in a store of several
        return
    for place, reply in parts:
        details = reply.details if reply.details is not None else [_line(r) for r in reply.records]
        answer.answers += reply.answers
        answer.places += [place] * len(reply.answers)
        answer.records += reply.records
        answer.details += [f"{place}：{d}" for d in details]
        answer.groups.append({"place": place, "answers": reply.answers, "message": reply.message})
    answer.message = "\n".join(f"{place}：{reply.message}" for place, reply in parts)


def _one_place(refs: Iterable[EntityRef]) -> str | None:
    places = {r.place for r in refs if r.place}
    return places.pop() if len(places) == 1 else None


def _places_of(records: Iterable[Any]) -> dict[str, str | None]:
    """Name -> place of the entities the records name (a name of two places maps to None)."""
    out: dict[str, set[str | None]] = {}
    for record in records:
        for f in _facts_of(record) or [record]:
            for name in ("subject", "object", "person", "organization"):
                ref = getattr(f, name, None)
                if isinstance(ref, EntityRef):
                    out.setdefault(ref.name, set()).add(ref.place)
    return {n: next(iter(p)) if len(p) == 1 else None for n, p in out.items()}


def _line(record: Any) -> str:
    describe = getattr(record, "describe", None)
    if callable(describe):
        text = describe()
        return text if isinstance(text, str) else " → ".join(text)
    return str(record)

