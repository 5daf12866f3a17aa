"""A person's portfolio: posts, 负责 areas, the bodies they 分管/主管/联系, task forces with
roles, and their 任免; and, the other way round, who is responsible for a work area.

Each answers for a day (`as_of`) or, without one, the newest state: a 分管 a later 工作分工
notice dropped, or a seat on a task force whose members were replaced, is not returned.
Posts are a history: ended ones come back too, marked `ended` with their `valid_to`."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.stores.base import GraphView
from queries.appointments import appointments
from queries.linker import resolve_entity
from queries.named import run
from queries.records import AppointmentRecord, EntityRef, Fact, fact_from_row
from queries.task_forces import kind_matches
from queries.titles import rank_of, titles
from queries.types import (AREA, DUTIES, IN_CHARGE_OF, LIAISON, MEMBER_OF, PERSON, PRESIDES_OVER,
                           RESPONSIBLE_FOR, SUPERVISION)

__all__ = ["posts_of", "duties_of", "task_forces_of_person", "leaders_of_area", "Portfolio",
           "portfolio_of"]


def posts_of(view: GraphView, person: str | EntityRef, *, as_of: str | None = None,
             status: tuple[str, ...] | None = None) -> list[Fact]:
    """Posts a person holds or held by `as_of` (role = title), held ones first; `status`
    filters (current, unknown, ended: their status on `as_of`)."""
    ref = resolve_entity(view, person, [PERSON])
    rows = run(view, "posts_of_people", {"people": [ref.id], "as_of": as_of, "history": True})
    facts = [fact_from_row(r, as_of) for r in rows]
    if status is not None:
        facts = [f for f in facts if (f.status or "unknown") in status]
    return sorted(facts, key=lambda f: (f.status == "ended", rank_of(f.role), f.object.name, f.role or ""))


def duties_of(view: GraphView, person: str | EntityRef, types: tuple[str, ...] = DUTIES, *,
              as_of: str | None = None, include_ended: bool = False) -> list[Fact]:
    """What a person 负责/主持/分管/主管/联系, in the order of `types`; `include_ended`
    adds what they no longer do (marked ended)."""
    ref = resolve_entity(view, person, [PERSON])
    rows = run(view, "duties_of_person", {"person": ref.id, "types": list(types), "as_of": as_of,
                                          "history": include_ended})
    order = {t: i for i, t in enumerate(types)}
    return sorted((fact_from_row(r, as_of) for r in rows),
                  key=lambda f: (order.get(f.type, 99), f.evidence.source or "", f.object.name))


def task_forces_of_person(view: GraphView, person: str | EntityRef, kind: str | None = None, *,
                          as_of: str | None = None, include_ended: bool = False) -> list[Fact]:
    """The task forces a person sits on, with roles; `kind` (工作专班, 领导小组 …) filters;
    `include_ended` adds the seats they no longer hold (marked ended)."""
    ref = resolve_entity(view, person, [PERSON])
    rows = run(view, "memberships", {"people": [ref.id], "as_of": as_of, "history": include_ended})
    facts = [fact_from_row(r, as_of) for r in rows]
    if kind:
        facts = [f for f in facts if kind_matches(view, f.object, kind)]
    return sorted(facts, key=lambda f: (f.object.name, titles().role_rank(f.role)))


def leaders_of_area(view: GraphView, area: str | EntityRef,
                    types: tuple[str, ...] = (RESPONSIBLE_FOR, IN_CHARGE_OF), *,
                    as_of: str | None = None) -> list[Fact]:
    """Leaders 负责 (or 分管) a work area such as 消防 or 招商引资."""
    ref = resolve_entity(view, area, [AREA])
    rows = run(view, "leaders_of_area", {"area": ref.id, "types": list(types), "as_of": as_of})
    return sorted((fact_from_row(r, as_of) for r in rows), key=lambda f: (f.type, f.subject.name))


@dataclass
class Portfolio:
    """Everything a person answers for, each item with its evidence; `posts` include the
    ended ones, and `ended` holds the duties and task-force seats they no longer have."""

    person: EntityRef
    posts: list[Fact] = field(default_factory=list)
    presides: list[Fact] = field(default_factory=list)
    areas: list[Fact] = field(default_factory=list)
    supervises: list[Fact] = field(default_factory=list)
    liaises: list[Fact] = field(default_factory=list)
    task_forces: list[Fact] = field(default_factory=list)
    appointments: list[AppointmentRecord] = field(default_factory=list)
    ended: list[Fact] = field(default_factory=list)

    def facts(self) -> list[Fact]:
        return (self.posts + self.presides + self.areas + self.supervises + self.liaises + self.task_forces
                + self.ended)


def portfolio_of(view: GraphView, person: str | EntityRef, *, as_of: str | None = None) -> Portfolio:
    """Posts, 主持, 负责 areas, 分管/主管 and 联系 bodies, task forces and 任免 of a person,
    on `as_of` (or now), with what ended by then."""
    ref = resolve_entity(view, person, [PERSON])
    every = (duties_of(view, ref, as_of=as_of, include_ended=True)
             + task_forces_of_person(view, ref, as_of=as_of, include_ended=True))
    duties = [f for f in every if f.is_current(as_of) and f.type != MEMBER_OF]
    return Portfolio(
        person=ref,
        posts=posts_of(view, ref, as_of=as_of),
        presides=[f for f in duties if f.type == PRESIDES_OVER],
        areas=[f for f in duties if f.type == RESPONSIBLE_FOR],
        supervises=[f for f in duties if f.type in SUPERVISION],
        liaises=[f for f in duties if f.type in LIAISON],
        task_forces=[f for f in every if f.is_current(as_of) and f.type == MEMBER_OF],
        appointments=appointments(view, person=ref, as_of=as_of),
        ended=sorted((f for f in every if not f.is_current(as_of)), key=lambda f: (f.valid_to or "", f.type)),
    )

