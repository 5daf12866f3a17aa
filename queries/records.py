"""What the query library hands back: facts with their evidence, never bare names.

Every answer a user sees must say where it comes from (document number, date, the
sentence verbatim), so the records carry an `Evidence` each; `to_frame` turns any list of
them into a pandas DataFrame for analysts.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, is_dataclass, replace
from typing import Any, Iterable, Mapping

from graph.model import SCHEMA
from queries.as_of import parse_as_of

__all__ = ["Evidence", "EntityRef", "Fact", "AppointmentRecord", "PathRecord", "ChainStep",
           "Chain", "to_frame", "fact_from_row", "appointment_from_row"]


@dataclass(frozen=True)
class Evidence:
    """Where a fact is stated: the first document (number, date), its sentence and line."""

    doc: str | None
    date: str | None
    sentence: str | None
    source: str | None = None          # file:line
    docs: tuple[str, ...] = ()          # every document that states the fact

    def cite(self) -> str:
        """One line for people: 〔number, date〕 sentence."""
        where = "、".join(self.docs) if self.docs else (self.doc or "?")
        return f"{where}（{self.date or '日期不详'}）：{self.sentence or ''}".strip()


@dataclass(frozen=True)
class EntityRef:
    """A node of the graph as the library names it: id, label, display name and place
    (朔州市; None for a national body or where no document says)."""

    id: str
    label: str
    name: str
    kind: str | None = None
    place: str | None = None

    @property
    def placed(self) -> str:
        """The name with its place (市财政局 · 朔州市), for a store of several places."""
        from graph.places import place_label

        return place_label(self.name, self.place)


@dataclass(frozen=True)
class Fact:
    """One relationship of the graph, subject -[type]-> object, with role and evidence.

    For a holding (HOLDS) the object is the organisation and `role` the title; for a
    membership `role` is 组长, 成员 …; `inferred` marks facts the library derived rather
    than read (the mayor leading a vice-mayor, under 市长负责制). `status` is as of the
    day the query asked about (`fact_from_row`); `valid_to` is when it ended or ends.
    """

    subject: EntityRef
    type: str
    object: EntityRef
    role: str | None
    evidence: Evidence
    valid_from: str | None = None
    valid_to: str | None = None
    status: str | None = None
    inferred: bool = False
    note: str | None = None
    ended_by: str | None = None   # number of the document that ended it

    def status_on(self, as_of: str | None = None) -> str:
        """current, ended or unknown on a day (without one: now).

        A fact that ended after the day was in force on it: current when its start is
        known, else unknown (it held then, since when is not known)."""
        status, as_of = self.status or "unknown", parse_as_of(as_of)
        if not as_of or self.valid_to is None:
            return status
        if self.valid_to <= as_of:
            return "ended"
        if status == "ended":
            return "current" if self.valid_from is not None else "unknown"
        return status

    def is_current(self, as_of: str | None = None) -> bool:
        """Whether the fact holds on `as_of` (without one: now): started by then, not ended."""
        as_of = parse_as_of(as_of)
        if as_of and self.valid_from is not None and self.valid_from > as_of:
            return False
        return self.status_on(as_of) != "ended"

    @property
    def ended(self) -> str | None:
        """How it ended, for people: 至2023-09-01 (止于 an unknown day: 已结束), or None."""
        if self.status != "ended":
            return None
        return f"至{self.valid_to}" if self.valid_to else "已结束"

    @property
    def zh(self) -> str:
        """The Chinese term of the relationship (分管, 成员 …)."""
        rel = SCHEMA.relationships.get(self.type)
        return rel.zh if rel else self.type

    def describe(self) -> str:
        role = f"（{self.role}）" if self.role else ""
        until = f"（{self.ended}）" if self.ended else ""
        return f"{self.subject.name} —{self.zh}{role}→ {self.object.name}{until}"


@dataclass(frozen=True)
class AppointmentRecord:
    """One 任命 or 免去, for timelines: who, which post where, when, and the notice."""

    person: EntityRef
    action: str                 # appoint | remove
    title: str
    organization: EntityRef
    post: EntityRef
    probation: bool | None
    date: str | None
    decided_on: str | None
    evidence: Evidence

    @property
    def zh(self) -> str:
        return next((zh for zh, en in SCHEMA.appointment_actions.items() if en == self.action), self.action)

    def describe(self) -> str:
        trial = "（试用期一年）" if self.probation else ""
        return f"{self.date or '?'} {self.zh} {self.person.name} {self.organization.name}{self.title}{trial}"


@dataclass(frozen=True)
class PathRecord:
    """A path between two entities: its nodes in order and the facts between them."""

    nodes: tuple[EntityRef, ...]
    facts: tuple[Fact, ...]

    @property
    def length(self) -> int:
        return len(self.facts)

    def describe(self) -> str:
        parts = [self.nodes[0].name]
        for i, fact in enumerate(self.facts):
            forward = fact.subject.id == self.nodes[i].id
            role = f"（{fact.role}）" if fact.role else ""
            parts.append(f" —{fact.zh}{role}→ " if forward else f" ←{fact.zh}{role}— ")
            parts.append(self.nodes[i + 1].name)
        return "".join(parts)


@dataclass(frozen=True)
class ChainStep:
    """One link of a responsibility chain: a level (mayor, vice-mayor, unit, head …)."""

    level: str                  # mayor | leader | unit | area | head | deputy | task_force
    entity: EntityRef
    fact: Fact | None           # how this step hangs on the one above


@dataclass
class Chain:
    """A responsibility chain: up to the mayor, down to heads, across to task forces."""

    start: EntityRef
    steps: list[ChainStep] = field(default_factory=list)

    def describe(self) -> list[str]:
        names = {"mayor": "市长", "leader": "分管领导", "unit": "单位", "area": "工作", "head": "负责人",
                 "deputy": "副职", "task_force": "议事协调机构"}
        out = []
        for step in self.steps:
            how = ""
            if step.fact:
                how = f"（{step.fact.zh}{'：' + step.fact.role if step.fact.role else ''}）"
            out.append(f"{names.get(step.level, step.level)}：{step.entity.name}{how}")
        return out


def fact_from_row(row: Mapping[str, Any], as_of: str | None = None) -> Fact:
    """A Fact from a row of the edge queries (columns of `queries.named.EDGE_COLUMNS`),
    its status as of the day asked (a post removed later was held on that day)."""
    docs = tuple(row.get("docs") or ())
    fact = Fact(
        subject=EntityRef(row["s_id"], row["s_label"], row["s_name"], place=row.get("s_place")),
        type=row["type"],
        object=EntityRef(row["o_id"], row["o_label"], row["o_name"], place=row.get("o_place")),
        role=row.get("role"),
        evidence=Evidence(docs[0] if docs else None, row.get("date"), row.get("evidence"),
                          row.get("source"), docs),
        valid_from=row.get("valid_from"), valid_to=row.get("valid_to"), status=row.get("status"),
        inferred=bool(row.get("inferred")), ended_by=row.get("ended_by"),
    )
    if as_of and fact.status is not None and fact.status_on(as_of) != fact.status:
        return replace(fact, status=fact.status_on(as_of), ended_by=None)
    return fact


def appointment_from_row(row: Mapping[str, Any]) -> AppointmentRecord:
    """An AppointmentRecord from a row of the `appointments` query."""
    doc = row.get("doc_number") or row.get("doc")
    return AppointmentRecord(
        person=EntityRef(row["person_id"], "Person", row["person"], place=row.get("person_place")),
        action=row["action"], title=row["title"],
        organization=EntityRef(row["org_id"], "Organization", row["organization"], place=row.get("org_place")),
        post=EntityRef(row["post_id"], "Post", row["post"], place=row.get("org_place")),
        probation=row.get("probation"), date=row.get("date"), decided_on=row.get("decided_on"),
        evidence=Evidence(doc, row.get("date"), row.get("evidence"), None, (doc,) if doc else ()),
    )


def _flat(record: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(record):
        value = getattr(record, f.name)
        if isinstance(value, EntityRef):
            out[f.name] = value.name
            out[f"{f.name}_id"] = value.id
            out[f"{f.name}_label"] = value.label
            out[f"{f.name}_place"] = value.place
        elif isinstance(value, Evidence):
            out.update(doc=value.doc, date=value.date if "date" not in out else out["date"],
                       docs=list(value.docs), evidence=value.sentence, source=value.source)
        elif is_dataclass(value):
            out[f.name] = asdict(value)  # type: ignore[arg-type]
        else:
            out[f.name] = value
    return out


def to_frame(records: Iterable[Any]) -> Any:
    """Records as a pandas DataFrame, one row each, entities as name plus id columns."""
    import pandas as pd

    return pd.DataFrame([_flat(r) for r in records])
