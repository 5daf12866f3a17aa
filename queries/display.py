"""Names as people read them in a store of several places: with the place, the type in
Chinese, and a fact that tells one 市财政局 from another.

"市财政局 · 朔州市" where more than one place is in the store (a name that already says its
place, 朔州市财政局, stays as it is); in a list of candidates for an ambiguous name,
"市财政局（机构）· 朔州市 · 分管: 武跃飞".
"""

from __future__ import annotations

from graph.model import SCHEMA
from graph.stores.base import GraphView
from queries.records import EntityRef

__all__ = ["label_zh", "shown", "telling_fact", "candidate_line"]


def label_zh(label: str) -> str:
    """人员 for Person, 机构 for Organization … (the schema's `zh`)."""
    spec = SCHEMA.nodes.get(label)
    return spec.zh if spec else label


def shown(ref: EntityRef, several_places: bool) -> str:
    """The name, with its place when the store holds several places."""
    return ref.placed if several_places else ref.name


def telling_fact(view: GraphView, ref: EntityRef) -> str | None:
    """One fact that tells this entity from others of its name: who 分管 a body (else its
    head), a person's post, a task force's 组长, who 负责 an area."""
    from queries.answer import post_label
    from queries.orgs import heads_of, overseers_of
    from queries.people import leaders_of_area, posts_of
    from queries.task_forces import members_of

    try:
        if ref.label == "Organization":
            facts = overseers_of(view, ref) or heads_of(view, ref)
            if facts:
                f = facts[0]
                return f"{f.role or f.zh}: {f.subject.name}"
        elif ref.label == "Person":
            posts = [f for f in posts_of(view, ref) if f.is_current()]
            if posts:
                return f"{label_zh('Post')}: {post_label(posts[0].object.name, posts[0].role)}"
        elif ref.label == "TaskForce":
            facts = members_of(view, ref)
            if facts:
                return f"{facts[0].role or facts[0].zh}: {facts[0].subject.name}"
        elif ref.label == "Area":
            facts = leaders_of_area(view, ref)
            if facts:
                return f"{facts[0].zh}: {facts[0].subject.name}"
    except LookupError:
        return None
    return None


def candidate_line(view: GraphView, ref: EntityRef) -> str:
    """市财政局（机构）· 朔州市 · 分管: 武跃飞: name, type, place, a telling fact."""
    parts = [f"{ref.name}（{label_zh(ref.label)}）"]
    if ref.place and ref.place not in ref.name:
        parts.append(ref.place)
    fact = telling_fact(view, ref)
    if fact:
        parts.append(fact)
    return " · ".join(parts)
