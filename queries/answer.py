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
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Callable, Iterable, Mapping

from graph.places import divisions, place_label, short_name
from graph.stores.base import GraphView
from queries.appointments import appointments
from queries.as_of import parse_as_of
from queries.chains import responsibility_chain
from queries.display import candidate_line, label_zh
from queries.linker import EXACT, Catalogue, Match, catalogue
from queries.named import TraceEntry, trace, within
from queries.orgs import heads_of, holders_of_title, leaders_of, overseers_of, task_force_of, task_forces_of_org
from queries.parse import Parse, QuestionBook, SlotValue, book, normalize_question, parse
from queries.paths import MAX_HOPS, paths_between
from queries.people import duties_of, leaders_of_area, portfolio_of, posts_of, task_forces_of_person
from queries.records import AppointmentRecord, Chain, ChainStep, EntityRef, Evidence, Fact, PathRecord
from queries.task_forces import (GroupCount, Overlap, kind_matches, leads_of, members_of, membership_counts,
                                 office_of, shared_task_forces, subgroups_of, task_force_overlaps, units_of)
from queries.titles import titles
from queries.types import AREA, DOCUMENT, LEADS, ORG, PERSON, POST, PRESIDES_OVER, RESPONSIBLE_FOR, TASK_FORCE

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
        }


@dataclass(frozen=True)
class _Ctx:
    view: GraphView
    as_of: str | None
    book: QuestionBook


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
    else:
        facts = heads_of(ctx.view, ref, asked, as_of=ctx.as_of)
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
    facts = [f for f in every if f.is_current(ctx.as_of)]
    answers = _unique(f"主持{f.object.name}工作" if f.type == PRESIDES_OVER else f.object.name for f in facts)
    if not facts:
        return Reply([], every, f"没有找到{ref.name}{_zh(types)}的记录。{_formerly(every, ctx.as_of)}")
    return Reply(answers, facts, f"{ref.name}（{_zh(f.type for f in facts)}）：{'、'.join(answers)}")


def _title_holders(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    title = p.word("title") or ""
    facts = holders_of_title(ctx.view, title, as_of=ctx.as_of)
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
        every = task_forces_of_person(ctx.view, ref, as_of=ctx.as_of)
        facts = [f for f in every if not kind or kind_matches(ctx.view, f.object, kind)]
        names = _names(facts, "object")
        lines = [f"{t}（{'、'.join(_unique(f.role or '' for f in facts if f.object.name == t))}）" for t in names]
    else:
        every = task_forces_of_org(ctx.view, ref, as_of=ctx.as_of)
        facts = [f for f in every if not kind or kind_matches(ctx.view, task_force_of(f), kind)]
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


def _members(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    ref, asked = p.entity("tf"), p.word("role") or "成员"
    assert ref is not None
    roles = ctx.book.meaning.get("role", {}).get(asked, [asked])
    facts = members_of(ctx.view, ref, tuple(roles) if roles else None, as_of=ctx.as_of)
    if not facts:
        return Reply([], [], f"没有找到{ref.name}的{asked}。")
    lines = [f"{f.role}：{f.subject.name}" for f in facts]
    return Reply(_names(facts), facts, f"{ref.name}{asked if roles else '组成人员'}：{'；'.join(lines)}")


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
    return Reply(_names(facts, "object"), facts + directors, msg)


def _units(ctx: _Ctx, p: Parse, opt: Mapping[str, Any]) -> Reply:
    ref = p.entity("tf")
    assert ref is not None
    facts = units_of(ctx.view, ref, as_of=ctx.as_of)
    if facts:
        lines = [f"{f.subject.name}（{f.role or f.zh}）" for f in facts]
        return Reply(_names(facts), facts, f"{ref.name}的成员单位：{'、'.join(lines)}")
    members = members_of(ctx.view, ref, as_of=ctx.as_of)
    posts = _posts_of_members(ctx, members)
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
            out += [f for f in posts_of(ctx.view, m.subject, as_of=ctx.as_of)
                    if f.is_current(ctx.as_of) and f.evidence.docs == m.evidence.docs]
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
    ended = [f for f in facts if not f.is_current(ctx.as_of)]
    if ended:
        msg += f"；原任：{'、'.join(post_label(f.object.name, f.role) + _until(f, ctx.as_of) for f in ended)}"
    return Reply(posts, facts, msg)


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


HANDLERS: dict[str, Handler] = {
    "overseers": _overseers, "heads": _heads, "title_holders": _title_holders, "duties": _duties,
    "area_leaders": _area_leaders, "task_forces": _task_forces, "members": _members, "office": _office,
    "units": _units, "subgroups": _subgroups, "leads": _leads, "appointed": _appointed,
    "person_appointments": _person_appointments, "former_posts": _former_posts, "posts": _posts,
    "relation": _relation, "chain": _chain, "shared": _shared, "counts": _counts, "overlaps": _overlaps,
    "doc_appointments": _doc_appointments, "timeline": _timeline, "all_appointments": _all_appointments,
    "person_supervisor": _person_supervisor, "describe": _describe,
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
        else:
            items = [f.evidence for f in _facts_of(record)]
        for e in items:
            if e.sentence or e.doc:
                out.setdefault((e.doc, e.sentence), e)
    return list(out.values())


# --------------------------------------------------------------------------- asking

def ask(view: GraphView, question: str, *, as_of: str | None = None) -> Answer:
    """Answer a question in Chinese on a store: names, evidence, and the Cypher run;
    on `as_of` (YYYY-MM-DD …, `AsOfError` if it is no day) or, without it, the newest state."""
    as_of = parse_as_of(as_of)
    qb = book()
    cat = catalogue(view)
    answer = Answer(question=question, normalized=normalize_question(question, qb), understood=False, as_of=as_of,
                    several_places=cat.several_places)
    place, readings = _read(cat, question, qb)
    answer.place = place
    if not readings:
        answer.suggestions = [f.ask for f in qb.forms]
        lines = "\n".join(f"  {x}" for x in answer.suggestions)
        answer.message = f"没有理解这个问题。可以这样问：\n{lines}"
        return answer
    best = readings[0]
    answer.understood, answer.form = True, best.form.id
    per_place: list[Parse] = []
    if best.ambiguous:
        best, per_place = _by_place(best, place)
    answer.entities = {k: v.entity for k, v in best.slots.items() if v.entity is not None}
    answer.scores = {k: v.score for k, v in best.slots.items() if v.entity is not None}
    if best.ambiguous and not per_place:
        answer.candidates = {s: best.slots[s].candidates for s in best.ambiguous}
        options = "；".join(f"「{best.slots[s].text}」可能是：" + "、".join(
            candidate_line(view, m.entity) for m in best.slots[s].candidates) for s in best.ambiguous)
        answer.message = f"问题里的名称不够明确。{options}。请用更完整的名称再问一次。"
        return answer
    ctx = _Ctx(view, as_of, qb)
    with trace() as entries:
        if per_place:  # one name, several places: each place's answer
            slot = best.ambiguous[0]
            parts = [(p.slots[slot].entity.place, _run(ctx, p, None)) for p in per_place]  # type: ignore[union-attr]
        elif place is not None or not cat.several_places or any(e.place for e in answer.entities.values()):
            parts = [(place, _run(ctx, best, place))]
        else:  # a question about no one place in a store of several: each place's answer
            parts = [(p, _run(ctx, best, p)) for p in sorted(cat.store_places)]
            found = [(p, r) for p, r in parts if r.answers]
            parts = found or [(None, _run(ctx, best, None))]
    _settle(answer, parts)
    answer.evidence = evidence_of(answer.records)
    answer.queries = list(entries)
    return answer


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


def _place_named(cat: Catalogue, q: str) -> tuple[str | None, str]:
    """The one store place a question names, in full or short (云川市, 云川), and as written."""
    found: dict[str, str] = {}
    for place in cat.store_places:
        for written in (place, short_name(place)):
            if len(written) >= 2 and written in q and len(written) > len(found.get(place, "")):
                found[place] = written
    if len(found) != 1:
        return None, ""
    return next(iter(found.items()))


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
    same_name = all(m.score >= EXACT - 2 for m in cands) and len({m.entity.label for m in cands}) == 1
    if not same_name or None in places or len(set(places)) != len(places):
        return best, []
    return best, [pick(m) for m in sorted(cands, key=lambda m: m.entity.place or "")]


def _run(ctx: _Ctx, p: Parse, place: str | None) -> Reply:
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

