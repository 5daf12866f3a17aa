"""Assertions -> one networkx MultiDiGraph, as the schema declares it.

The graph is the meeting point of every store and export: LadybugDB tables, Neo4j pushes,
RDF, GraphML and CSV are all written from it, so its shape is decided here once.

- Nodes carry `label` (a schema node label), `id` and every property the schema declares
  for that label (None where unknown). Edges carry `type`, `id` and the provenance
  properties plus their own; the edge key is the edge id.
- Each fact is one edge however many documents state it: assertions with the same key are
  merged, their documents accumulated, the earliest date and its evidence kept.
- 任职/任命/免去 become a Post apart from its holder (Person -HOLDS-> Post -POST_IN->
  Organization); 任命/免去 also become an Appointment node announced in its Document.
- Every fact in time gets valid_from, valid_to and status from the documents stating it
  (graph/timeline.py): 任命 and 免去, later 分工 notices, later member lists.
- Rebuilding from the same inputs, in any order, gives the same graph.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Iterable, Mapping

import networkx as nx

from graph.model import SCHEMA
from graph.places import Places
from graph.records import Assertion, DocumentInfo, make_id
from graph.timeline import MENTION, Statement, TimedFact, event_of, fold, supersessions

__all__ = ["GraphBuild", "build_graph", "label_counts", "type_counts", "sort_assertions"]

_HOLDS = SCHEMA.relationships["HOLDS"]
_POST_IN = SCHEMA.relationships["POST_IN"]
_OF_PERSON = SCHEMA.relationships["OF_PERSON"]
_TO_POST = SCHEMA.relationships["TO_POST"]
_ANNOUNCED_IN = SCHEMA.relationships["ANNOUNCED_IN"]
_PERSON = _HOLDS.sources[0]
_ORG = _POST_IN.targets[0]
_POST = _HOLDS.targets[0]
_APPOINTMENT = _OF_PERSON.sources[0]
_DOCUMENT = _ANNOUNCED_IN.targets[0]

_PLACE = SCHEMA.place.property
_PLACED = set(SCHEMA.place_labels) - {_DOCUMENT, _POST}   # a Post's is its organisation's
_FIELDS = tuple(f.name for f in fields(Assertion))
# The types a later document can end without naming them (what `supersessions` reads).
_ENDED_BY_LATER = {r.name for r in SCHEMA.relationships.values()
                   if r.timeline in ("assignment", "membership") or r.name == "DISSOLVED_BY"}


@dataclass
class GraphBuild:
    """The graph and what could not be put into it (never dropped silently)."""

    graph: nx.MultiDiGraph
    problems: list[str] = field(default_factory=list)
    assertions: int = 0


@dataclass
class _Fact:
    """One relationship being accumulated from the assertions that state it."""

    type: str
    u: str
    v: str
    id: str
    own: dict[str, Any]
    docs: dict[str, str] = field(default_factory=dict)   # doc_id -> number, in first-seen order
    date: str | None = None
    evidence: str | None = None
    source: str | None = None
    inferred: bool = True
    statements: list[Statement] = field(default_factory=list)  # for the timeline

    def add(self, a: Assertion, doc_type: str | None) -> None:
        if a.doc_id not in self.docs:
            self.docs[a.doc_id] = a.doc
        if self.evidence is None:  # assertions come earliest first (sort_assertions)
            self.date, self.evidence, self.source = a.date, a.evidence, f"{a.source}:{a.line}"
        self.inferred = self.inferred and a.inferred
        # structure and events (DISSOLVED_BY) have no timeline of their own, but their
        # statements are kept: a dissolution ends the body's memberships
        self.statements.append(Statement(a.date, event_of(self.type, a.rel, doc_type) or MENTION, a.doc_id))

    def timed(self) -> TimedFact:
        return TimedFact(self.id, self.type, self.u, self.v, self.own.get("role"), self.statements)


def _primary(a: Assertion) -> tuple[Any, ...]:
    return (a.date or "9999", a.doc_id, a.line, a.start, a.rel, a.s, a.o, a.role or "", a.position or "")


def _everything(a: Assertion) -> str:
    return repr(tuple(getattr(a, f) for f in _FIELDS))


def sort_assertions(assertions: Iterable[Assertion]) -> list[Assertion]:
    """Assertions in one total order, earliest first, whatever order they came in.

    Sorted on date, document, place and fact; the rare assertions equal on all of these are
    ordered by every field (computed only for them, as it is costly)."""
    ordered = sorted(assertions, key=_primary)
    i = 0
    while i < len(ordered):
        j, key = i + 1, _primary(ordered[i])
        while j < len(ordered) and _primary(ordered[j]) == key:
            j += 1
        if j - i > 1:
            ordered[i:j] = sorted(ordered[i:j], key=_everything)
        i = j
    return ordered


class _Builder:
    def __init__(self) -> None:
        self.nodes: dict[str, dict[str, Any]] = {}
        self.names: dict[str, set[str]] = {}
        self.facts: dict[tuple[Any, ...], _Fact] = {}
        self.problems: list[str] = []
        self.documents: dict[str, DocumentInfo] = {}
        self.places = Places()
        self._ids: dict[tuple[str, ...], str] = {}

    def make_id(self, *parts: str) -> str:
        """make_id, remembered: the same few names recur in thousands of assertions."""
        found = self._ids.get(parts)
        if found is None:
            found = self._ids[parts] = make_id(*parts)
        return found

    # -- nodes ---------------------------------------------------------------------------

    def node(self, label: str, node_id: str, name: str, **props: Any) -> str:
        """Add a node (first writer wins for each property); returns its id."""
        spec = SCHEMA.nodes[label]
        node = self.nodes.get(node_id)
        if node is None:
            node = {"label": label, "id": node_id, **{p: None for p in spec.properties}}
            node["name"] = name
            self.nodes[node_id] = node
            self.names[node_id] = set()
        elif node["label"] != label:
            raise ValueError(f"id {node_id} is both {node['label']} and {label}")
        for key, value in props.items():
            if key in spec.properties and value is not None and node.get(key) is None:
                node[key] = value
        return node_id

    def entity(self, a: Assertion, side: str) -> str:
        """The subject ("s") or object ("o") of an assertion as a node."""
        label = getattr(a, f"{side}_type")
        if label not in SCHEMA.nodes:
            raise ValueError(f"unknown label {label!r}")
        raw: str = getattr(a, side)
        name = getattr(a, f"{side}_name") or raw
        node_id = getattr(a, f"{side}_id") or self.make_id(label, name)
        props: dict[str, Any] = {"kind": getattr(a, f"{side}_kind")}
        if side == "s" and label == _PERSON:
            props["unnamed"] = a.s_unnamed
        if label in _PLACED:
            props[_PLACE] = self.places.of_entity(label, name, a.doc_id)
        self.node(label, node_id, name, **props)
        if raw != self.nodes[node_id]["name"]:
            self.names[node_id].add(raw)
        return node_id

    def document(self, doc: DocumentInfo) -> None:
        self.documents.setdefault(doc.doc_id, doc)

    def document_nodes(self) -> None:
        """Every document a node with its place, once all are known (a document's place
        may come from another's number)."""
        self.places = Places(self.documents.values())
        for doc_id in sorted(self.documents):
            doc = self.documents[doc_id]
            self.node(_DOCUMENT, doc.doc_id, doc.label, number=doc.number, title=doc.title,
                      issuer=doc.issuer, date=doc.date, doc_type=doc.doc_type, source=doc.source,
                      first_line=doc.lines[0], last_line=doc.lines[1], place=self.places.of_document(doc_id))

    # -- relationships -------------------------------------------------------------------

    def fact(self, rtype: str, u: str, v: str, a: Assertion, **own: Any) -> _Fact:
        rel = SCHEMA.relationships[rtype]
        ul, vl = self.nodes[u]["label"], self.nodes[v]["label"]
        if ul not in rel.sources or vl not in rel.targets:
            raise ValueError(f"{rtype} does not go from {ul} to {vl}")
        values = tuple(own.get(p) for p in rel.properties)
        fact = self.facts.get((rtype, u, v, values))
        if fact is None:
            fact = self.facts[(rtype, u, v, values)] = _Fact(
                rtype, u, v, make_id(rtype, u, v, *values), dict(zip(rel.properties, values)))
        doc = self.documents.get(a.doc_id)
        fact.add(a, doc.doc_type if doc else None)
        return fact

    def post(self, a: Assertion, person: str) -> tuple[str, str]:
        """The Post an assertion about a holding names, tied to its organisation."""
        if not a.position:
            raise ValueError(f"{a.rel} without a position")
        org = self.entity(a, "o")
        org_name = self.nodes[org]["name"]
        post = self.node(_POST, self.make_id(_POST, org, a.position), f"{org_name}{a.position}",
                         title=a.position, organization=org_name, place=self.nodes[org].get(_PLACE))
        self.fact(_POST_IN.name, post, org, a)
        return post, org

    def holding(self, a: Assertion) -> None:
        person = self.entity(a, "s")
        post, _ = self.post(a, person)
        self.fact(_HOLDS.name, person, post, a, title=a.position)

    def appointment(self, a: Assertion) -> None:
        person = self.entity(a, "s")
        post, org = self.post(a, person)
        action = SCHEMA.appointment_actions[a.rel]
        person_name, post_name = self.nodes[person]["name"], self.nodes[post]["name"]
        app = self.node(_APPOINTMENT, make_id(_APPOINTMENT, a.doc_id, person, action, post),
                        f"{a.rel}{person_name}{post_name}", action=action, probation=a.probation,
                        date=a.date, decided_on=a.decided_on, decided_by=a.decided_by,
                        doc=a.doc, evidence=a.evidence)
        self.fact(_OF_PERSON.name, app, person, a)
        self.fact(_TO_POST.name, app, post, a)
        self.fact(_ANNOUNCED_IN.name, app, a.doc_id, a)
        self.fact(_HOLDS.name, person, post, a, title=a.position)

    def plain(self, a: Assertion) -> None:
        rtype = a.type if a.type in SCHEMA.relationships else SCHEMA.zh_terms.get(a.rel)
        if rtype is None:
            raise ValueError(f"no relationship type for {a.rel!r}/{a.type!r}")
        _check(rtype, a.s_type, a.o_type)
        u, v = self.entity(a, "s"), self.entity(a, "o")
        own = {"role": a.role} if "role" in SCHEMA.relationships[rtype].properties else {}
        self.fact(rtype, u, v, a, **own)

    def cited(self, a: Assertion) -> None:
        """Every document a fact cites is a node, even one the splitter did not describe."""
        if a.doc_id not in self.nodes:
            unnumbered = a.doc == a.source.replace("\\", "/").rsplit("/", 1)[-1]
            self.node(_DOCUMENT, a.doc_id, a.doc, number=None if unnumbered else a.doc, date=a.date,
                      source=a.source)

    def add(self, a: Assertion) -> None:
        if a.rel in SCHEMA.appointment_actions or a.rel == _HOLDS.zh:
            _check(_HOLDS.name, a.s_type, _POST)
            _check(_POST_IN.name, _POST, a.o_type)
        self.cited(a)
        if a.rel in SCHEMA.appointment_actions:
            self.appointment(a)
        elif a.rel == _HOLDS.zh:
            self.holding(a)
        else:
            self.plain(a)

    # -- the graph -----------------------------------------------------------------------

    def graph(self) -> nx.MultiDiGraph:
        labels = {node_id: node["label"] for node_id, node in self.nodes.items()}
        ends = supersessions((f.timed() for f in self.facts.values() if f.type in _ENDED_BY_LATER),
                             self.documents, labels)
        for fact in self.facts.values():
            fact.statements.extend(ends.get(fact.id, ()))
        numbers = {doc_id: doc.label for doc_id, doc in self.documents.items()}
        g = nx.MultiDiGraph()
        for node_id in sorted(self.nodes):
            node = dict(self.nodes[node_id])
            if "aliases" in node:
                node["aliases"] = sorted(self.names[node_id] - {node["name"]})
            g.add_node(node_id, **node)
        for fact in sorted(self.facts.values(), key=lambda f: (f.u, f.v, f.id)):
            g.add_edge(fact.u, fact.v, key=fact.id, **_edge_properties(fact, numbers))
        return g


def _check(rtype: str, source: str, target: str) -> None:
    """Refuse, before any node is made, a relationship the schema does not allow."""
    rel = SCHEMA.relationships[rtype]
    if source not in rel.sources or target not in rel.targets:
        raise ValueError(f"{rtype} does not go from {source} to {target}")


def _edge_properties(fact: _Fact, labels: Mapping[str, str]) -> dict[str, Any]:
    props: dict[str, Any] = {"type": fact.type, "id": fact.id}
    props.update({p: None for p in SCHEMA.rel_properties(fact.type)})
    props.update(fact.own)
    props.update(docs=list(fact.docs), doc_numbers=list(fact.docs.values()), date=fact.date,
                 evidence=fact.evidence, source=fact.source, inferred=fact.inferred)
    if SCHEMA.relationships[fact.type].timeline is not None:
        when = fold(fact.statements)
        props["valid_from"], props["valid_to"], props["status"] = when.valid_from, when.valid_to, when.status
        props["ended_by"] = labels.get(when.ended_by, when.ended_by) if when.ended_by else None
    return props


def build_graph(assertions: Iterable[Assertion], documents: Iterable[DocumentInfo] = ()) -> GraphBuild:
    """Build the graph; assertions it cannot place are reported in `problems`."""
    builder = _Builder()
    for doc in sorted(documents, key=lambda d: d.doc_id):
        builder.document(doc)
    builder.document_nodes()
    ordered = sort_assertions(assertions)
    for a in ordered:
        try:
            builder.add(a)
        except (KeyError, ValueError) as exc:
            builder.problems.append(f"{a.source}:{a.line}: {a.rel} {a.s} -> {a.o} not in the graph: {exc}")
    return GraphBuild(builder.graph(), builder.problems, len(ordered))


def label_counts(g: nx.MultiDiGraph) -> dict[str, int]:
    """Nodes per label, for every label of the schema (zero included)."""
    counts = {label: 0 for label in SCHEMA.nodes}
    for _, label in g.nodes(data="label"):
        counts[label] += 1
    return counts


def type_counts(g: nx.MultiDiGraph) -> dict[str, int]:
    """Relationships per type, for every type of the schema (zero included)."""
    counts = {rtype: 0 for rtype in SCHEMA.relationships}
    for _, _, rtype in g.edges(data="type"):
        counts[rtype] += 1
    return counts
