"""Responsibility chains: from a body or a work area up to the mayor, down to the heads,
across to the task forces.

Under 市长负责制 the mayor leads the government and each vice-mayor (or the secretary-
general) 分管 bodies on the mayor's behalf. No document says "the mayor leads vice-mayor
X"; the chain shows what the documents do say: the mayor 主持 (or holds 市长 at) the
government, the leader holds a post at that same government, the leader 分管 the body
(or 负责 the area), the heads hold posts at the body, and the body sits on task forces.
Each step carries the fact it hangs on, with its evidence.
"""

from __future__ import annotations


from graph.stores.base import GraphView
from queries.linker import normalize, resolve_entity
from queries.orgs import holders_at, overseers_of, task_forces_of_org
from queries.people import duties_of, leaders_of_area, posts_of
from queries.records import Chain, ChainStep, EntityRef, Fact
from queries.task_forces import members_of
from queries.titles import titles
from queries.types import (AREA, IN_CHARGE_OF, LIAISON, ORG, PERSON, PRESIDES_OVER, RESPONSIBLE_FOR,
                           SUPERVISION, TASK_FORCE)

__all__ = ["responsibility_chain", "area_bodies"]

_HEAD_ROLES = ("第一组长", "组长", "总召集人", "召集人", "指挥长", "主任")


def _related(area: str, body: str) -> bool:
    """Whether a body's name shares a meaningful word (two characters or more) with an area."""
    a, b = normalize(area).removesuffix("工作"), normalize(body)
    generic = titles().generic_words
    for size in range(len(a), 1, -1):
        for i in range(len(a) - size + 1):
            piece = a[i:i + size]
            if piece in b and not any(piece in g or g == piece for g in generic):
                return True
    return False


def area_bodies(view: GraphView, leader: EntityRef, area: EntityRef, *, as_of: str | None = None) -> list[Fact]:
    """The bodies a leader 分管/主管/联系 whose names match a work area (财政 -> 市财政局)."""
    facts = duties_of(view, leader, SUPERVISION + LIAISON, as_of=as_of)
    return [f for f in facts if f.object.id != area.id and _related(area.name, f.object.name)]


def _government_post(view: GraphView, leader: EntityRef, as_of: str | None) -> Fact | None:
    """The leader's post at a government (副市长 at 市人民政府), the link to the mayor."""
    t = titles()
    wanted = t.government_leaders + t.government_heads
    posts = [f for f in posts_of(view, leader, as_of=as_of) if f.is_current(as_of) and f.role in wanted]
    return sorted(posts, key=lambda f: (f.role not in t.government_heads, f.object.name))[0] if posts else None


def _mayors(view: GraphView, government: EntityRef, as_of: str | None) -> list[Fact]:
    """Who leads a government: 主持 it, else holds 市长 (县长 …) there."""
    presides = overseers_of(view, government, (PRESIDES_OVER,), as_of=as_of)
    if presides:
        return presides
    heads = titles().government_heads
    return [f for f in holders_at(view, government, as_of=as_of) if f.role in heads and f.is_current(as_of)]


def _up(view: GraphView, leader: EntityRef, as_of: str | None) -> list[ChainStep]:
    """Mayor and leader steps above a leader (just the leader when they are the mayor)."""
    post = _government_post(view, leader, as_of)
    if post is None:
        return [ChainStep("leader", leader, None)]
    mayors = [m for m in _mayors(view, post.object, as_of) if m.subject.id != leader.id]
    if post.role in titles().government_heads or not mayors:
        return [ChainStep("mayor" if post.role in titles().government_heads else "leader", leader, post)]
    steps = [ChainStep("mayor", m.subject, m) for m in mayors]
    note = "市长负责制：市长领导市政府工作，副市长、秘书长协助市长分管（推断）"
    steps.append(ChainStep("leader", leader, Fact(post.subject, post.type, post.object, post.role, post.evidence,
                                                  post.valid_from, post.valid_to, post.status, True, note)))
    return steps


def _down(view: GraphView, unit: EntityRef, as_of: str | None) -> list[ChainStep]:
    """Heads and deputies of a body, then its task forces."""
    t = titles()
    steps = []
    for f in holders_at(view, unit, as_of=as_of):
        if f.is_current(as_of) and f.role and (t.is_head(f.role) or t.is_deputy(f.role)):
            steps.append(ChainStep("head" if t.is_head(f.role) else "deputy", f.subject, f))
    seen: set[str] = set()
    for f in task_forces_of_org(view, unit, as_of=as_of):
        tf = f.subject if f.subject.label == TASK_FORCE else f.object
        if tf.id not in seen:
            seen.add(tf.id)
            steps.append(ChainStep("task_force", tf, f))
    return steps


def _add(chain: Chain, steps: list[ChainStep]) -> None:
    have = {(s.level, s.entity.id) for s in chain.steps}
    for s in steps:
        if (s.level, s.entity.id) not in have:
            chain.steps.append(s)
            have.add((s.level, s.entity.id))


def responsibility_chain(view: GraphView, target: str | EntityRef, *, as_of: str | None = None) -> Chain:
    """The chain from the mayor to a body, a work area, a task force or a leader."""
    ref = resolve_entity(view, target, [ORG, AREA, TASK_FORCE, PERSON])
    chain = Chain(ref)
    if ref.label == AREA:
        for lead in leaders_of_area(view, ref, (RESPONSIBLE_FOR, IN_CHARGE_OF), as_of=as_of):
            _add(chain, _up(view, lead.subject, as_of))
            _add(chain, [ChainStep("area", ref, lead)])
            for body in area_bodies(view, lead.subject, ref, as_of=as_of):
                _add(chain, [ChainStep("unit", body.object, body)])
                _add(chain, _down(view, body.object, as_of))
    elif ref.label == ORG:
        leads = overseers_of(view, ref, SUPERVISION, as_of=as_of) or overseers_of(view, ref, LIAISON, as_of=as_of)
        for lead in leads:
            _add(chain, _up(view, lead.subject, as_of))
        _add(chain, [ChainStep("unit", ref, leads[0] if len(leads) == 1 else None)] if leads
             else [ChainStep("unit", ref, None)])
        for lead in leads[1:]:
            _add(chain, [ChainStep("unit", ref, lead)])
        _add(chain, _down(view, ref, as_of))
    elif ref.label == TASK_FORCE:
        leads = members_of(view, ref, _HEAD_ROLES, as_of=as_of)
        for lead in leads:
            _add(chain, _up(view, lead.subject, as_of))
        _add(chain, [ChainStep("task_force", ref, leads[0] if leads else None)])
    elif _government_post(view, ref, as_of) is not None:
        _add(chain, _up(view, ref, as_of))
        for duty in duties_of(view, ref, (IN_CHARGE_OF,) + SUPERVISION[1:], as_of=as_of):
            _add(chain, [ChainStep("unit", duty.object, duty)])
    else:  # an official of a body: the body's chain, then the person in it
        t = titles()
        for post in posts_of(view, ref, as_of=as_of):
            if not post.is_current(as_of) or not post.role or not (t.is_head(post.role) or t.is_deputy(post.role)):
                continue
            leads = (overseers_of(view, post.object, SUPERVISION, as_of=as_of)
                     or overseers_of(view, post.object, LIAISON, as_of=as_of))
            for lead in leads:
                _add(chain, _up(view, lead.subject, as_of))
                _add(chain, [ChainStep("unit", post.object, lead)])
            _add(chain, [ChainStep("head" if t.is_head(post.role) else "deputy", ref, post)])
    return chain


