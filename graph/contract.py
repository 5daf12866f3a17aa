"""The questions every store must answer alike: named queries, in Cypher and in Python.

Each named query has one Cypher text (Neo4j's dialect; `graph.dialect` rewrites it for
LadybugDB) with `$params`, and one networkx function for the in-memory store, which cannot
run Cypher. Callers use the functions (`supervisors_of(view, org_id)`); every store's
view answers `view.query(name, params)`. Entities are asked for by id, never by name: names
repeat across places (a 市财政局 in every city); `ids_of` finds the ids a name has. Rows
come back as tuples in one canonical order, so answers from different stores compare equal.

Who 分管 a body and who sits on a task force are answered for the newest state: a fact a
later document ended (it has a `valid_to`) is left out. `posts_of` is a history, with
each post's status and dates.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping, Protocol

import networkx as nx

from graph.model import SCHEMA

__all__ = [
    "NamedQuery", "QUERIES", "QueryView", "GraphIndex", "Row", "canonical_rows", "ids_of",
    "supervisors_of", "task_force_members", "members_of", "posts_of", "appointments_in",
    "label_counts", "type_counts", "distance_between",
]

Row = tuple[Any, ...]


def _label(name: str) -> str:
    """A node label, checked against the schema when this module is imported."""
    if name not in SCHEMA.nodes:
        raise KeyError(f"label {name} is not in the schema")
    return name


def _type(name: str) -> str:
    """A relationship type, checked against the schema when this module is imported."""
    if name not in SCHEMA.relationships:
        raise KeyError(f"relationship type {name} is not in the schema")
    return name


PERSON, ORGANIZATION, TASK_FORCE = _label("Person"), _label("Organization"), _label("TaskForce")
POST, APPOINTMENT, DOCUMENT = _label("Post"), _label("Appointment"), _label("Document")
SUPERVISION = (_type("IN_CHARGE_OF"), _type("ASSISTS_IN_CHARGE_OF"), _type("DIRECTS"))
HOLDS, POST_IN, MEMBER_OF = _type("HOLDS"), _type("POST_IN"), _type("MEMBER_OF")
OF_PERSON, TO_POST, ANNOUNCED_IN = _type("OF_PERSON"), _type("TO_POST"), _type("ANNOUNCED_IN")
MAX_HOPS = 6


class QueryView(Protocol):
    """What a store's read-only view offers the named queries."""

    def query(self, name: str, params: Mapping[str, Any] | None = None) -> list[Row]: ...


@dataclass(frozen=True)
class NamedQuery:
    """A question with its Cypher and its networkx answer."""

    name: str
    cypher: str
    columns: tuple[str, ...]
    networkx: Callable[["GraphIndex", Mapping[str, Any]], Iterable[Row]]
    doc: str = ""


class GraphIndex:
    """A networkx graph with a (label, name) lookup, built once per view."""

    def __init__(self, g: nx.MultiDiGraph) -> None:
        self.g = g
        self.by_name: dict[tuple[str, str], list[str]] = {}
        self.by_label: dict[str, list[str]] = {}
        for node_id, data in g.nodes(data=True):
            self.by_label.setdefault(data["label"], []).append(node_id)
            self.by_name.setdefault((data["label"], data.get("name")), []).append(node_id)

    def named(self, label: str, name: str) -> list[str]:
        return self.by_name.get((label, name), [])

    def out(self, node: str, rtype: str) -> Iterable[tuple[str, dict[str, Any]]]:
        for _, v, data in self.g.out_edges(node, data=True):
            if data["type"] == rtype:
                yield v, data

    def into(self, node: str, rtype: str) -> Iterable[tuple[str, dict[str, Any]]]:
        for u, _, data in self.g.in_edges(node, data=True):
            if data["type"] == rtype:
                yield u, data


def _ids(ix: GraphIndex, node: str, label: str) -> list[str]:
    """[node] when the graph has it with this label, else []."""
    return [node] if node in ix.g and ix.g.nodes[node]["label"] == label else []


def _nx_ids_of(ix: GraphIndex, p: Mapping[str, Any]) -> Iterable[Row]:
    for label in [p["label"]] if p["label"] else list(ix.by_label):
        for node in ix.named(label, p["name"]):
            yield (node,)


def _nx_supervisors(ix: GraphIndex, p: Mapping[str, Any]) -> Iterable[Row]:
    g = ix.g
    for org in _ids(ix, p["org"], ORGANIZATION):
        for u, _, data in g.in_edges(org, data=True):
            if data["type"] in SUPERVISION and g.nodes[u]["label"] == PERSON and data.get("valid_to") is None:
                yield g.nodes[u]["name"], data["type"]


def _nx_members(ix: GraphIndex, p: Mapping[str, Any]) -> Iterable[Row]:
    g = ix.g
    for tf in ix.by_label.get(TASK_FORCE, []):
        data = g.nodes[tf]
        if data.get("kind") == p["kind"]:
            for person, rel in ix.into(tf, MEMBER_OF):
                if rel.get("valid_to") is None:
                    yield data["name"], g.nodes[person]["name"], rel.get("role")


def _nx_members_of(ix: GraphIndex, p: Mapping[str, Any]) -> Iterable[Row]:
    g = ix.g
    for tf in _ids(ix, p["task_force"], TASK_FORCE):
        for person, rel in ix.into(tf, MEMBER_OF):
            if rel.get("valid_to") is None:
                yield g.nodes[person]["name"], rel.get("role")


def _nx_posts(ix: GraphIndex, p: Mapping[str, Any]) -> Iterable[Row]:
    g = ix.g
    for person in _ids(ix, p["person"], PERSON):
        for post, h in ix.out(person, HOLDS):
            for org, _ in ix.out(post, POST_IN):
                yield (g.nodes[post]["title"], g.nodes[org]["name"], h["status"], h["valid_from"],
                       h["valid_to"])


def _nx_appointments(ix: GraphIndex, p: Mapping[str, Any]) -> Iterable[Row]:
    g = ix.g
    for doc in ix.by_label.get(DOCUMENT, []):
        if g.nodes[doc].get("number") != p["number"]:
            continue
        for app, _ in ix.into(doc, ANNOUNCED_IN):
            a = g.nodes[app]
            for person, _ in ix.out(app, OF_PERSON):
                for post, _ in ix.out(app, TO_POST):
                    for org, _ in ix.out(post, POST_IN):
                        yield (g.nodes[person]["name"], a["action"], g.nodes[post]["title"],
                               g.nodes[org]["name"], a["probation"], a["date"])


def _nx_label_counts(ix: GraphIndex, p: Mapping[str, Any]) -> Iterable[Row]:
    return Counter(label for _, label in ix.g.nodes(data="label")).items()


def _nx_type_counts(ix: GraphIndex, p: Mapping[str, Any]) -> Iterable[Row]:
    return Counter(rtype for _, _, rtype in ix.g.edges(data="type")).items()


def _nx_distance(ix: GraphIndex, p: Mapping[str, Any]) -> Iterable[Row]:
    g = ix.g
    sources, targets = {p["a"]} & set(g), {p["b"]} & set(g)
    if not sources or not targets:
        return []
    undirected = g.to_undirected(as_view=True)
    best: int | None = None
    for s in sources:
        lengths = nx.single_source_shortest_path_length(undirected, s, cutoff=MAX_HOPS)
        for t in targets:
            if t != s and t in lengths and (best is None or lengths[t] < best):
                best = lengths[t]
    return [] if best is None else [(best,)]


_SUPERVISION = "|".join(SUPERVISION)

QUERIES: dict[str, NamedQuery] = {q.name: q for q in (
    NamedQuery(
        "ids_of",
        "MATCH (n) WHERE ($label = '' OR labels(n)[0] = $label) AND n.name = $name RETURN n.id AS id ORDER BY id",
        ("id",), _nx_ids_of, "The ids of the nodes with a name (of a label; '' = any): what the others take."),
    NamedQuery(
        "supervisors_of",
        f"MATCH (p:Person)-[r:{_SUPERVISION}]->(o:Organization {{id: $org}}) WHERE r.valid_to IS NULL "
        "RETURN p.name AS person, type(r) AS type ORDER BY person, type",
        ("person", "type"), _nx_supervisors, "Who 分管/协助分管/主管 an organisation."),
    NamedQuery(
        "task_force_members",
        "MATCH (p:Person)-[r:MEMBER_OF]->(t:TaskForce {kind: $kind}) WHERE r.valid_to IS NULL "
        "RETURN t.name AS task_force, p.name AS person, r.role AS role ORDER BY task_force, person, role",
        ("task_force", "person", "role"), _nx_members, "Members of every task force of a kind, with roles."),
    NamedQuery(
        "members_of",
        "MATCH (p:Person)-[r:MEMBER_OF]->(t:TaskForce {id: $task_force}) WHERE r.valid_to IS NULL "
        "RETURN p.name AS person, r.role AS role ORDER BY person, role",
        ("person", "role"), _nx_members_of, "Members of one task force, with roles."),
    NamedQuery(
        "posts_of",
        "MATCH (p:Person {id: $person})-[h:HOLDS]->(post:Post)-[:POST_IN]->(o:Organization) "
        "RETURN post.title AS title, o.name AS organization, h.status AS status, "
        "h.valid_from AS valid_from, h.valid_to AS valid_to ORDER BY title, organization",
        ("title", "organization", "status", "valid_from", "valid_to"), _nx_posts,
        "The posts a person holds or held."),
    NamedQuery(
        "appointments_in",
        "MATCH (a:Appointment)-[:ANNOUNCED_IN]->(d:Document {number: $number}) "
        "MATCH (a)-[:OF_PERSON]->(p:Person) "
        "MATCH (a)-[:TO_POST]->(post:Post)-[:POST_IN]->(o:Organization) "
        "RETURN p.name AS person, a.action AS action, post.title AS title, o.name AS organization, "
        "a.probation AS probation, a.date AS date ORDER BY person, action, title",
        ("person", "action", "title", "organization", "probation", "date"), _nx_appointments,
        "The 任免 announced in a document."),
    NamedQuery(
        "label_counts",
        "MATCH (n) RETURN labels(n)[0] AS label, count(*) AS count ORDER BY label",
        ("label", "count"), _nx_label_counts, "Nodes per label."),
    NamedQuery(
        "type_counts",
        "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type",
        ("type", "count"), _nx_type_counts, "Relationships per type."),
    NamedQuery(
        "distance_between",
        f"MATCH p = shortestPath((a {{id: $a}})-[*..{MAX_HOPS}]-(b {{id: $b}})) "
        "WHERE a <> b RETURN length(p) AS hops ORDER BY hops LIMIT 1",
        ("hops",), _nx_distance, "Fewest hops between two nodes, either direction."),
)}


def _plain(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return tuple(_plain(v) for v in value)
    return value


def canonical_rows(rows: Iterable[Iterable[Any]]) -> list[Row]:
    """Rows as tuples of plain values, sorted the same way whichever store produced them."""
    out = [tuple(_plain(v) for v in row) for row in rows]
    return sorted(out, key=lambda row: tuple((v is None, str(v)) for v in row))


def ids_of(view: QueryView, label: str, name: str) -> list[str]:
    """The ids of the nodes named `name` (of `label`; '' = any), one per place that has one."""
    return [row[0] for row in view.query("ids_of", {"label": label, "name": name})]


def supervisors_of(view: QueryView, org: str) -> list[Row]:
    """(person, relationship type) for each leader who 分管/协助分管/主管 the organisation `org` (an id) now."""
    return view.query("supervisors_of", {"org": org})


def task_force_members(view: QueryView, kind: str) -> list[Row]:
    """(task force, person, role) for every task force of `kind` (工作专班, 领导小组 …), members now."""
    return view.query("task_force_members", {"kind": kind})


def members_of(view: QueryView, task_force: str) -> list[Row]:
    """(person, role) for every member now of the task force `task_force` (an id)."""
    return view.query("members_of", {"task_force": task_force})


def posts_of(view: QueryView, person: str) -> list[Row]:
    """(title, organization, status, valid_from, valid_to) of the posts `person` (an id) holds or held."""
    return view.query("posts_of", {"person": person})


def appointments_in(view: QueryView, number: str) -> list[Row]:
    """(person, action, title, organization, probation, date) announced in document `number`."""
    return view.query("appointments_in", {"number": number})


def label_counts(view: QueryView) -> list[Row]:
    """(label, count) for every label with nodes."""
    return view.query("label_counts", {})


def type_counts(view: QueryView) -> list[Row]:
    """(type, count) for every relationship type with relationships."""
    return view.query("type_counts", {})


def distance_between(view: QueryView, a: str, b: str) -> list[Row]:
    """[(hops,)] on the shortest path between the nodes `a` and `b` (ids), or [] beyond 6 hops."""
    return view.query("distance_between", {"a": a, "b": b})
