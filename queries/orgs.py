"""Who leads an organisation: its heads and deputies (from posts), the leaders who
分管/主管/联系 it, and the task forces it sits in, hosts or leads.

On `as_of` or, without it, the newest state; `holders_at` is a history (ended posts come
back marked `ended`), the others answer with what holds."""

from __future__ import annotations

from graph.stores.base import GraphView
from queries.linker import catalogue, resolve_entity
from queries.named import run
from queries.records import EntityRef, Fact, fact_from_row
from queries.titles import rank_of, titles
from queries.types import AREA, LEADS, LIAISON, OFFICE_AT, ORG, PRESIDES_OVER, SUPERVISION, TASK_FORCE, UNIT_OF

__all__ = ["overseers_of", "holders_at", "heads_of", "leaders_of", "holders_of_title", "task_forces_of_org",
           "task_force_of"]


def _facts(rows: list[dict], as_of: str | None) -> list[Fact]:
    return [fact_from_row(r, as_of) for r in rows]


def overseers_of(view: GraphView, org: str | EntityRef, types: tuple[str, ...] = SUPERVISION, *,
                 as_of: str | None = None) -> list[Fact]:
    """Leaders who 分管/协助分管/主管 (by default) an organisation; pass LIAISON for 联系.

    A body that a 分工 list also names as a work area (the same name as an Area) is
    asked about under both, so its leaders are found however the extraction typed it."""
    ref = resolve_entity(view, org, [ORG, AREA])
    ids = [ref.id] + [t.id for t in catalogue(view).twins(ref, [ORG, AREA])]
    rows = run(view, "leaders_of_org", {"orgs": ids, "types": list(types), "as_of": as_of})
    order = {t: i for i, t in enumerate(types)}
    return sorted(_facts(rows, as_of), key=lambda f: (order.get(f.type, 99), f.subject.name))


def holders_at(view: GraphView, org: str | EntityRef, *, as_of: str | None = None) -> list[Fact]:
    """Everyone known to hold or have held (by `as_of`) a post at an organisation
    (role = title), heads first, those who left after those who hold."""
    ref = resolve_entity(view, org, [ORG])
    rows = run(view, "holders_at_org", {"org": ref.id, "as_of": as_of, "history": True})
    return sorted(_facts(rows, as_of),
                  key=lambda f: (rank_of(f.role), f.status == "ended", f.role or "", f.subject.name))


def heads_of(view: GraphView, org: str | EntityRef, asked: str | None = None, *,
             as_of: str | None = None, include_ended: bool = False) -> list[Fact]:
    """Holders of the title `asked` (局长, 副主任 …, or 负责人/副职/领导); heads by default."""
    t = titles()
    asked = asked or t.head_words[0]
    return [f for f in holders_at(view, org, as_of=as_of)
            if f.role and t.matches(f.role, asked) and (include_ended or f.is_current(as_of))]


def holders_of_title(view: GraphView, *titles_: str, as_of: str | None = None,
                     include_ended: bool = False) -> list[Fact]:
    """Everyone holding a title (市长, 市委常委 …) at whichever body, still holding unless asked."""
    rows = run(view, "holders_of_titles", {"titles": list(titles_), "as_of": as_of, "history": include_ended})
    facts = [f for f in _facts(rows, as_of) if include_ended or f.is_current(as_of)]
    return sorted(facts, key=lambda f: (f.evidence.source or "", f.subject.name))


def leaders_of(view: GraphView, org: str | EntityRef, *, as_of: str | None = None) -> list[Fact]:
    """Heads and deputies, then the leaders who 分管/主管, 主持 and 联系 it."""
    ref = resolve_entity(view, org, [ORG])
    posts = heads_of(view, ref, titles().leader_words[0], as_of=as_of)
    return posts + overseers_of(view, ref, SUPERVISION + (PRESIDES_OVER,) + LIAISON, as_of=as_of)


def task_forces_of_org(view: GraphView, org: str | EntityRef, *, as_of: str | None = None,
                       via_staff: bool = True) -> list[Fact]:
    """Task forces an organisation is a unit of or leads (牵头), those whose office it hosts,
    and (via_staff) those its post holders sit on, marked with a note."""
    ref = resolve_entity(view, org, [ORG])
    facts = _facts(run(view, "unit_links", {"orgs": [ref.id], "types": [UNIT_OF, LEADS], "as_of": as_of}), as_of)
    facts += _facts(run(view, "offices", {"orgs": [ref.id], "as_of": as_of}), as_of)
    if via_staff:
        staff = {f.subject.id: f for f in holders_at(view, ref, as_of=as_of) if f.is_current(as_of)}
        if staff:
            rows = run(view, "memberships", {"people": sorted(staff), "as_of": as_of})
            for f in _facts(rows, as_of):
                post = staff[f.subject.id]
                facts.append(Fact(f.subject, f.type, f.object, f.role, f.evidence, f.valid_from, f.valid_to,
                                  f.status, f.inferred, note=f"{ref.name}{post.role}"))
    kind_order = {UNIT_OF: 0, LEADS: 0, OFFICE_AT: 1}
    return sorted(facts, key=lambda f: (f.note is not None, kind_order.get(f.type, 2),
                                        (f.object if f.type != OFFICE_AT else f.subject).name))


def task_force_of(fact: Fact) -> EntityRef:
    """The task force a fact of `task_forces_of_org` is about."""
    return fact.subject if fact.subject.label == TASK_FORCE else fact.object
