"""The query library's named queries: one Cypher text and one networkx answer each.

This follows `graph.contract`: every question the library asks a store has a name, one
Cypher text in Neo4j's dialect with `$params` (`graph.dialect` rewrites it for
LadybugDB), and one Python function for the networkx store, which runs no Cypher.
Values only ever travel as parameters. Rows come back as dicts in a canonical order, so
every store answers alike.

Parameters are never null: LadybugDB cannot type a null parameter, so "any" is spelled
`''` for a string and `[]` for a list.

Time: every query of relationships takes `as_of` and `history`. `as_of` (a day, '' for
none) keeps facts in force on that day: `valid_from` (when known) on or before it and
`valid_to` (when known) after it. Without a day, the newest state: facts that no later
document has ended (no `valid_to`). `history` keeps the ended facts as well (those that
started by the day asked, if one is), for listings of what was: a person's past posts.

`trace()` records the Cypher each call ran, for `govkg ask` to show.
"""

from __future__ import annotations

import contextvars
import weakref
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Mapping

from graph.contract import GraphIndex, canonical_rows
from graph.stores.base import CypherView, GraphView
from queries.as_of import parse_as_of
from queries.types import (ANNOUNCED_IN, APPOINTMENT, AREA, HAS_SUBGROUP, HOLDS, MEMBER_OF, OF_PERSON, OFFICE_AT,
                           ORG, PERSON, POST_IN, TASK_FORCE, TO_POST, DOCUMENT)

__all__ = ["Query", "QUERIES", "EDGE_COLUMNS", "PLACE_COLUMNS", "run", "trace", "within", "TraceEntry", "cypher_of"]

Row = tuple[Any, ...]

EDGE_COLUMNS = ("s_id", "s_name", "s_label", "type", "o_id", "o_name", "o_label", "role", "docs",
                "date", "evidence", "source", "valid_from", "valid_to", "status", "ended_by", "inferred",
                "s_place", "o_place")
APPOINTMENT_COLUMNS = ("id", "action", "probation", "date", "decided_on", "evidence", "doc_number",
                       "person_id", "person", "post_id", "post", "title", "org_id", "organization",
                       "person_place", "org_place")
ENTITY_COLUMNS = ("id", "label", "name", "aliases", "kind", "unnamed", "place")
# the columns naming the places of a row's entities (what `within` narrows on)
PLACE_COLUMNS = ("s_place", "o_place", "person_place", "org_place")


# a row is of `$place` when one of its entities is, or when none has a place (a national
# body's); '' = every place. `within` sets it; the shown Cypher and params state it.
_PLACE = "($place = '' OR ({a}.place IS NULL AND {b}.place IS NULL) OR {a}.place = $place OR {b}.place = $place)"
_EDGE_PLACE = _PLACE.format(a="a", b="b")

_AS_OF = ("($as_of = '' OR r.valid_from IS NULL OR r.valid_from <= $as_of) "
          "AND ($history OR r.valid_to IS NULL OR ($as_of <> '' AND r.valid_to > $as_of))")


def _edge_return(role: str = "NULL") -> str:
    """RETURN columns of EDGE_COLUMNS for the pattern (a)-[r]->(b)."""
    return ("RETURN a.id AS s_id, a.name AS s_name, labels(a)[0] AS s_label, type(r) AS type, "
            "b.id AS o_id, b.name AS o_name, labels(b)[0] AS o_label, "
            f"{role} AS role, r.doc_numbers AS docs, r.date AS date, r.evidence AS evidence, "
            "r.source AS source, r.valid_from AS valid_from, r.valid_to AS valid_to, "
            "r.status AS status, r.ended_by AS ended_by, r.inferred AS inferred, "
            "a.place AS s_place, b.place AS o_place")


@dataclass(frozen=True)
class Query:
    """A named query: its Cypher, its columns, its networkx answer and default params."""

    name: str
    cypher: str
    columns: tuple[str, ...]
    networkx: Callable[[GraphIndex, Mapping[str, Any]], Iterable[Row]]
    params: Mapping[str, Any] = field(default_factory=dict)
    doc: str = ""


# --------------------------------------------------------------------------- networkx side

def _valid(data: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    """`_AS_OF` for networkx: started by `as_of`, and not ended (then) unless `history`."""
    as_of, start, end = p["as_of"], data.get("valid_from"), data.get("valid_to")
    if as_of and start is not None and start > as_of:
        return False
    return bool(p["history"]) or end is None or bool(as_of) and end > as_of


def _edge_row(ix: GraphIndex, u: str, v: str, data: Mapping[str, Any], role: Any = None) -> Row:
    g = ix.g
    a, b = g.nodes[u], g.nodes[v]
    return (u, a.get("name"), a["label"], data["type"], v, b.get("name"), b["label"], role,
            data.get("doc_numbers"), data.get("date"), data.get("evidence"), data.get("source"),
            data.get("valid_from"), data.get("valid_to"), data.get("status"), data.get("ended_by"),
            data.get("inferred"), a.get("place"), b.get("place"))


def _label_of(ix: GraphIndex, node: str) -> str | None:
    return ix.g.nodes[node]["label"] if node in ix.g else None


def _nx_entities(ix: GraphIndex, p: Mapping[str, Any]) -> Iterator[Row]:
    for label in p["labels"]:
        for node in ix.by_label.get(label, []):
            d = ix.g.nodes[node]
            yield node, label, d.get("name"), d.get("aliases"), d.get("kind"), d.get("unnamed"), d.get("place")


def _nx_in_from(ix: GraphIndex, target: str, target_label: str | None, source_label: str,
                types: Iterable[str], p: Mapping[str, Any]) -> Iterator[Row]:
    """Edges source_label -[types]-> target (of target_label, when given)."""
    if target not in ix.g or target_label is not None and _label_of(ix, target) != target_label:
        return
    wanted = set(types)
    for u, _, data in ix.g.in_edges(target, data=True):
        if data["type"] in wanted and ix.g.nodes[u]["label"] == source_label and _valid(data, p):
            yield _edge_row(ix, u, target, data)


def _nx_leaders_of_org(ix: GraphIndex, p: Mapping[str, Any]) -> Iterator[Row]:
    for org in dict.fromkeys(p["orgs"]):
        yield from _nx_in_from(ix, org, None, PERSON, p["types"], p)


def _nx_leaders_of_area(ix: GraphIndex, p: Mapping[str, Any]) -> Iterator[Row]:
    return _nx_in_from(ix, p["area"], AREA, PERSON, p["types"], p)


def _holdings(ix: GraphIndex, person: str, p: Mapping[str, Any]) -> Iterator[Row]:
    for post, h in ix.out(person, HOLDS):
        if _valid(h, p):
            for org, _ in ix.out(post, POST_IN):
                yield _edge_row(ix, person, org, h, h.get("title"))


def _nx_holders_at_org(ix: GraphIndex, p: Mapping[str, Any]) -> Iterator[Row]:
    if _label_of(ix, p["org"]) != ORG:
        return
    for post, _ in ix.into(p["org"], POST_IN):
        for person, h in ix.into(post, HOLDS):
            if _valid(h, p):
                yield _edge_row(ix, person, p["org"], h, h.get("title"))


def _nx_posts_of_people(ix: GraphIndex, p: Mapping[str, Any]) -> Iterator[Row]:
    for person in p["people"]:
        if _label_of(ix, person) == PERSON:
            yield from _holdings(ix, person, p)


def _nx_holders_of_titles(ix: GraphIndex, p: Mapping[str, Any]) -> Iterator[Row]:
    titles = set(p["titles"])
    for person in ix.by_label.get(PERSON, []):
        for post, h in ix.out(person, HOLDS):
            if h.get("title") in titles and _valid(h, p):
                for org, _ in ix.out(post, POST_IN):
                    yield _edge_row(ix, person, org, h, h.get("title"))


def _nx_duties_of_person(ix: GraphIndex, p: Mapping[str, Any]) -> Iterator[Row]:
    person = p["person"]
    if _label_of(ix, person) != PERSON:
        return
    wanted = set(p["types"])
    for _, v, data in ix.g.out_edges(person, data=True):
        if data["type"] in wanted and _valid(data, p):
            yield _edge_row(ix, person, v, data)


def _nx_memberships(ix: GraphIndex, p: Mapping[str, Any]) -> Iterator[Row]:
    people, forces = set(p["people"]), set(p["task_forces"])
    starts = people if people else ix.by_label.get(PERSON, [])
    for person in starts:
        if _label_of(ix, person) != PERSON:
            continue
        for tf, data in ix.out(person, MEMBER_OF):
            if (not forces or tf in forces) and ix.g.nodes[tf]["label"] == TASK_FORCE and _valid(data, p):
                yield _edge_row(ix, person, tf, data, data.get("role"))


def _nx_unit_links(ix: GraphIndex, p: Mapping[str, Any]) -> Iterator[Row]:
    orgs, forces, wanted = set(p["orgs"]), set(p["task_forces"]), set(p["types"])
    for org in (orgs if orgs else ix.by_label.get(ORG, [])):
        if _label_of(ix, org) != ORG:
            continue
        for _, tf, data in ix.g.out_edges(org, data=True):
            if (data["type"] in wanted and ix.g.nodes[tf]["label"] == TASK_FORCE
                    and (not forces or tf in forces) and _valid(data, p)):
                yield _edge_row(ix, org, tf, data, data.get("role"))


def _nx_offices(ix: GraphIndex, p: Mapping[str, Any]) -> Iterator[Row]:
    orgs, forces = set(p["orgs"]), set(p["task_forces"])
    for tf in (forces if forces else ix.by_label.get(TASK_FORCE, [])):
        if _label_of(ix, tf) != TASK_FORCE:
            continue
        for org, data in ix.out(tf, OFFICE_AT):
            if (not orgs or org in orgs) and ix.g.nodes[org]["label"] == ORG and _valid(data, p):
                yield _edge_row(ix, tf, org, data)


def _nx_subgroups(ix: GraphIndex, p: Mapping[str, Any]) -> Iterator[Row]:
    seen: set[str] = set()
    for tf in p["task_forces"]:
        if _label_of(ix, tf) != TASK_FORCE:
            continue
        for child, data in ix.out(tf, HAS_SUBGROUP):
            if data["id"] not in seen and ix.g.nodes[child]["label"] == TASK_FORCE and _valid(data, p):
                seen.add(data["id"])
                yield _edge_row(ix, tf, child, data)
        for parent, data in ix.into(tf, HAS_SUBGROUP):
            if data["id"] not in seen and ix.g.nodes[parent]["label"] == TASK_FORCE and _valid(data, p):
                seen.add(data["id"])
                yield _edge_row(ix, parent, tf, data)


def _nx_appointments(ix: GraphIndex, p: Mapping[str, Any]) -> Iterator[Row]:
    g = ix.g
    for app in ix.by_label.get(APPOINTMENT, []):
        a = g.nodes[app]
        for person, _ in ix.out(app, OF_PERSON):
            if p["person"] and person != p["person"]:
                continue
            for post, _ in ix.out(app, TO_POST):
                if p["post"] and post != p["post"]:
                    continue
                for org, _ in ix.out(post, POST_IN):
                    if p["org"] and org != p["org"]:
                        continue
                    for doc, _ in ix.out(app, ANNOUNCED_IN):
                        d = g.nodes[doc]
                        if p["doc"] and p["doc"] not in (d.get("number"), doc):
                            continue
                        yield (app, a.get("action"), a.get("probation"), a.get("date"), a.get("decided_on"),
                               a.get("evidence"), d.get("number"), person, g.nodes[person].get("name"), post,
                               g.nodes[post].get("name"), g.nodes[post].get("title"), org,
                               g.nodes[org].get("name"), g.nodes[person].get("place"), g.nodes[org].get("place"))


def _nx_edges(ix: GraphIndex, p: Mapping[str, Any], outgoing: bool) -> Iterator[Row]:
    wanted = set(p["types"])
    for node in p["ids"]:
        if node not in ix.g:
            continue
        edges = ix.g.out_edges(node, data=True) if outgoing else ix.g.in_edges(node, data=True)
        for u, v, data in edges:
            if (not wanted or data["type"] in wanted) and _valid(data, p):
                yield _edge_row(ix, u, v, data, data.get("role") if data.get("role") is not None else data.get("title"))


def _nx_edges_out(ix: GraphIndex, p: Mapping[str, Any]) -> Iterator[Row]:
    return _nx_edges(ix, p, True)


def _nx_edges_in(ix: GraphIndex, p: Mapping[str, Any]) -> Iterator[Row]:
    return _nx_edges(ix, p, False)


# --------------------------------------------------------------------------- the queries

_TIME = {"as_of": "", "history": False, "place": ""}
_TYPES_AS_OF = {"types": [], **_TIME}

def _edges(match: str, where: str = "", role: str = "NULL") -> str:
    """MATCH … WHERE <selection> WITH a, r, b WHERE <as_of> RETURN <EDGE_COLUMNS>.

    The date filter sits in its own WITH: LadybugDB 0.22, re-running a cached prepared
    statement that joins several hops under an `IN $list` selection and a date filter in
    one WHERE, can return rows for the earlier parameters (seen on posts_of_people)."""
    selection = f" WHERE {where}" if where else ""
    return f"{match}{selection} WITH a, r, b WHERE {_AS_OF} AND {_EDGE_PLACE} {_edge_return(role)}"


QUERIES: dict[str, Query] = {q.name: q for q in (
    Query("entities",
          "MATCH (n) WHERE labels(n)[0] IN $labels "
          "RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.aliases AS aliases, n.kind AS kind, "
          "n.unnamed AS unnamed, n.place AS place",
          ENTITY_COLUMNS, _nx_entities, {"labels": []},
          "Every node of the given labels with its aliases: what the entity linker searches."),
    Query("leaders_of_org",
          _edges("MATCH (a:Person)-[r]->(b)", "b.id IN $orgs AND type(r) IN $types"),
          EDGE_COLUMNS, _nx_leaders_of_org, {"orgs": [], **_TYPES_AS_OF},
          "Leaders who 分管/主管/联系/主持 organisations (the types asked for)."),
    Query("holders_at_org",
          _edges("MATCH (a:Person)-[r:HOLDS]->(p:Post)-[:POST_IN]->(b:Organization {id: $org})", role="r.title"),
          EDGE_COLUMNS, _nx_holders_at_org, {"org": "", **_TIME},
          "Everyone holding a post at an organisation; role is the title."),
    Query("posts_of_people",
          _edges("MATCH (a:Person)-[r:HOLDS]->(p:Post)-[:POST_IN]->(b:Organization)", "a.id IN $people",
                 "r.title"),
          EDGE_COLUMNS, _nx_posts_of_people, {"people": [], **_TIME},
          "The posts of some persons; role is the title."),
    Query("holders_of_titles",
          _edges("MATCH (a:Person)-[r:HOLDS]->(p:Post)-[:POST_IN]->(b:Organization)", "r.title IN $titles",
                 "r.title"),
          EDGE_COLUMNS, _nx_holders_of_titles, {"titles": [], **_TIME},
          "Everyone holding one of some titles (市长, 市委常委 …), wherever."),
    Query("duties_of_person",
          _edges("MATCH (a:Person {id: $person})-[r]->(b)", "type(r) IN $types"),
          EDGE_COLUMNS, _nx_duties_of_person, {"person": "", **_TYPES_AS_OF},
          "What a person 负责/分管/主管/联系/主持 (the types asked for)."),
    Query("leaders_of_area",
          _edges("MATCH (a:Person)-[r]->(b:Area {id: $area})", "type(r) IN $types"),
          EDGE_COLUMNS, _nx_leaders_of_area, {"area": "", **_TYPES_AS_OF},
          "Leaders 负责 (or 分管) a work area."),
    Query("memberships",
          _edges("MATCH (a:Person)-[r:MEMBER_OF]->(b:TaskForce)",
                 "(size($people) = 0 OR a.id IN $people) AND (size($task_forces) = 0 OR b.id IN $task_forces)",
                 "r.role"),
          EDGE_COLUMNS, _nx_memberships, {"people": [], "task_forces": [], **_TIME},
          "Persons on task forces with their roles ([] = all)."),
    Query("unit_links",
          _edges("MATCH (a:Organization)-[r]->(b:TaskForce)",
                 "type(r) IN $types AND (size($orgs) = 0 OR a.id IN $orgs) "
                 "AND (size($task_forces) = 0 OR b.id IN $task_forces)", "r.role"),
          EDGE_COLUMNS, _nx_unit_links, {"orgs": [], "task_forces": [], **_TYPES_AS_OF},
          "Organisations that are units of (成员单位) or lead (牵头) task forces."),
    Query("offices",
          _edges("MATCH (a:TaskForce)-[r:OFFICE_AT]->(b:Organization)",
                 "(size($task_forces) = 0 OR a.id IN $task_forces) AND (size($orgs) = 0 OR b.id IN $orgs)"),
          EDGE_COLUMNS, _nx_offices, {"orgs": [], "task_forces": [], **_TIME},
          "Where task forces have their office (办公室设在)."),
    Query("subgroups",
          _edges("MATCH (a:TaskForce)-[r:HAS_SUBGROUP]->(b:TaskForce)", "a.id IN $task_forces OR b.id IN $task_forces"),
          EDGE_COLUMNS, _nx_subgroups, {"task_forces": [], **_TIME},
          "Subgroups (下设) of task forces and the groups they belong to."),
    Query("appointments",
          "MATCH (ap:Appointment)-[:OF_PERSON]->(p:Person) "
          "MATCH (ap)-[:TO_POST]->(post:Post)-[:POST_IN]->(o:Organization) "
          "MATCH (ap)-[:ANNOUNCED_IN]->(d:Document) "
          "WHERE ($person = '' OR p.id = $person) AND ($org = '' OR o.id = $org) "
          "AND ($post = '' OR post.id = $post) AND ($doc = '' OR d.number = $doc OR d.id = $doc) "
          f"AND {_PLACE.format(a='p', b='o')} "
          "RETURN ap.id AS id, ap.action AS action, ap.probation AS probation, ap.date AS date, "
          "ap.decided_on AS decided_on, ap.evidence AS evidence, d.number AS doc_number, "
          "p.id AS person_id, p.name AS person, post.id AS post_id, post.name AS post, "
          "post.title AS title, o.id AS org_id, o.name AS organization, p.place AS person_place, "
          "o.place AS org_place",
          APPOINTMENT_COLUMNS, _nx_appointments, {"person": "", "org": "", "post": "", "doc": "", "place": ""},
          "任命 and 免去 by person, organisation, post or document ('' = any)."),
    Query("edges_out",
          _edges("MATCH (a)-[r]->(b)", "a.id IN $ids AND (size($types) = 0 OR type(r) IN $types)",
                 "coalesce(r.role, r.title)"),
          EDGE_COLUMNS, _nx_edges_out, {"ids": [], **_TYPES_AS_OF},
          "Relationships leaving some nodes ([] types = all): neighbourhoods for paths."),
    Query("edges_in",
          _edges("MATCH (a)-[r]->(b)", "b.id IN $ids AND (size($types) = 0 OR type(r) IN $types)",
                 "coalesce(r.role, r.title)"),
          EDGE_COLUMNS, _nx_edges_in, {"ids": [], **_TYPES_AS_OF},
          "Relationships reaching some nodes ([] types = all)."),
)}


# --------------------------------------------------------------------------- running

@dataclass(frozen=True)
class TraceEntry:
    """One query as it ran: its name, the Cypher in the store's dialect, its parameters."""

    name: str
    cypher: str
    params: dict[str, Any]
    engine: str
    rows: int


_TRACE: contextvars.ContextVar[list[TraceEntry] | None] = contextvars.ContextVar("queries_trace", default=None)
_WITHIN: contextvars.ContextVar[str | None] = contextvars.ContextVar("queries_within", default=None)
_INDEXES: "weakref.WeakKeyDictionary[Any, GraphIndex]" = weakref.WeakKeyDictionary()


@contextmanager
def trace() -> Iterator[list[TraceEntry]]:
    """Collect the queries run inside the block (for showing the Cypher behind an answer)."""
    entries: list[TraceEntry] = []
    token = _TRACE.set(entries)
    try:
        yield entries
    finally:
        _TRACE.reset(token)


@contextmanager
def within(place: str | None) -> Iterator[None]:
    """Answer inside the block for one place only: every query taking `$place` gets it, so
    rows whose entities all belong to other places are left out in the query itself (a row
    with no place at all, a national body's, stays). The entity catalogue is never narrowed."""
    token = _WITHIN.set(place)
    try:
        yield
    finally:
        _WITHIN.reset(token)


def _in_place(row: Row, at: list[int], place: str) -> bool:
    places = [row[i] for i in at if row[i] is not None]
    return not places or place in places


def _index(view: GraphView) -> GraphIndex:
    graph = getattr(view, "graph", None)
    if graph is None:
        raise TypeError(f"{type(view).__name__} runs neither Cypher nor networkx")
    ix = _INDEXES.get(view)
    if ix is None:
        ix = _INDEXES[view] = GraphIndex(graph)
    return ix


def cypher_of(view: GraphView, name: str) -> str:
    """The Cypher of a named query as this store's engine runs it."""
    text = QUERIES[name].cypher
    dialect = getattr(view, "dialect", None)
    return dialect.translate(text) if dialect is not None else text


def run(view: GraphView, name: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """Rows of a named query as dicts, in canonical order, on any store."""
    q = QUERIES[name]
    unknown = set(params or {}) - set(q.params)
    if unknown:
        raise KeyError(f"{name} takes no parameter {', '.join(sorted(unknown))}")
    full = {**q.params, **{k: v for k, v in (params or {}).items() if v is not None}}
    if "as_of" in full:
        full["as_of"] = parse_as_of(full["as_of"]) or ""
    if "history" in full:
        full["history"] = bool(full["history"])
    if "place" in full and not full["place"]:
        full["place"] = _WITHIN.get() or ""
    if isinstance(view, CypherView):
        rows = view.cypher(q.cypher, full).rows
    else:  # `_PLACE` for networkx
        rows = list(q.networkx(_index(view), full))
        if full.get("place"):
            at = [i for i, c in enumerate(q.columns) if c in PLACE_COLUMNS]
            rows = [row for row in rows if _in_place(row, at, full["place"])]
    out = canonical_rows(rows)
    entries = _TRACE.get()
    if entries is not None:
        entries.append(TraceEntry(name, cypher_of(view, name), dict(full), getattr(view, "engine", "?"), len(out)))
    return [dict(zip(q.columns, row)) for row in out]


# --------------------------------------------------------------------------- changes in a window
# What changed between two dates (`queries.changes`): facts that began (since < valid_from
# <= until) or ended (since < valid_to <= until) in the window, the documents dated in it
# and the 任免 announced in it. '' leaves a side of the window open.

DOCUMENT_COLUMNS = ("id", "name", "number", "date", "source", "title", "doc_type", "place")

_IN_WINDOW = "({v} IS NOT NULL AND ($since = '' OR {v} > $since) AND ($until = '' OR {v} <= $until))"
_CHANGED = f"({_IN_WINDOW.format(v='r.valid_from')} OR {_IN_WINDOW.format(v='r.valid_to')})"
_WINDOW = {"since": "", "until": ""}


def _in_window(date: str | None, p: Mapping[str, Any]) -> bool:
    return date is not None and (not p["since"] or date > p["since"]) and (not p["until"] or date <= p["until"])


def _changed(data: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    return _in_window(data.get("valid_from"), p) or _in_window(data.get("valid_to"), p)


def _nx_holdings_in_window(ix: GraphIndex, p: Mapping[str, Any]) -> Iterator[Row]:
    for person in ix.by_label.get(PERSON, []):
        for post, h in ix.out(person, HOLDS):
            if _changed(h, p):
                for org, _ in ix.out(post, POST_IN):
                    yield _edge_row(ix, person, org, h, h.get("title"))


def _nx_facts_in_window(ix: GraphIndex, p: Mapping[str, Any]) -> Iterator[Row]:
    wanted = set(p["types"])
    for u, v, data in ix.g.edges(data=True):
        if data["type"] in wanted and _changed(data, p):
            yield _edge_row(ix, u, v, data, data.get("role") if data.get("role") is not None else data.get("title"))


def _nx_documents_in_window(ix: GraphIndex, p: Mapping[str, Any]) -> Iterator[Row]:
    for doc in ix.by_label.get(DOCUMENT, []):
        d = ix.g.nodes[doc]
        date = d.get("date")
        if (not p["since"] or date is not None and date > p["since"]) and (
                not p["until"] or date is not None and date <= p["until"]):
            yield (doc, d.get("name"), d.get("number"), date, d.get("source"), d.get("title"), d.get("doc_type"),
                   d.get("place"))


def _nx_appointments_in_window(ix: GraphIndex, p: Mapping[str, Any]) -> Iterator[Row]:
    for row in _nx_appointments(ix, {"person": "", "org": "", "post": "", "doc": "", "place": ""}):
        if _in_window(row[APPOINTMENT_COLUMNS.index("date")], p):
            yield row


def _nx_facts_touching(ix: GraphIndex, p: Mapping[str, Any]) -> Iterator[Row]:
    ids, wanted = set(p["ids"]), set(p["types"])
    seen: set[str] = set()
    for node in ids:
        if node not in ix.g:
            continue
        for u, v, data in list(ix.g.out_edges(node, data=True)) + list(ix.g.in_edges(node, data=True)):
            if (not wanted or data["type"] in wanted) and data["id"] not in seen:
                seen.add(data["id"])
                yield _edge_row(ix, u, v, data, data.get("role") if data.get("role") is not None else data.get("title"))


def _window_edges(match: str, where: str = "", role: str = "NULL") -> str:
    """Like `_edges`, with the window filter in its own WITH."""
    selection = f" WHERE {where}" if where else ""
    return f"{match}{selection} WITH a, r, b WHERE {_CHANGED} AND {_EDGE_PLACE} {_edge_return(role)}"


QUERIES.update({q.name: q for q in (
    Query("holdings_in_window",
          _window_edges("MATCH (a:Person)-[r:HOLDS]->(p:Post)-[:POST_IN]->(b:Organization)", role="r.title"),
          EDGE_COLUMNS, _nx_holdings_in_window, {**_WINDOW, "place": ""},
          "Holdings that began or ended in a window; role is the title."),
    Query("facts_in_window",
          _window_edges("MATCH (a)-[r]->(b)", "type(r) IN $types", "coalesce(r.role, r.title)"),
          EDGE_COLUMNS, _nx_facts_in_window, {"types": [], **_WINDOW, "place": ""},
          "Relationships of some types that began or ended in a window."),
    Query("documents_in_window",
          "MATCH (d:Document) WHERE ($since = '' OR d.date > $since) AND ($until = '' OR d.date <= $until) "
          "RETURN d.id AS id, d.name AS name, d.number AS number, d.date AS date, d.source AS source, "
          "d.title AS title, d.doc_type AS doc_type, d.place AS place",
          DOCUMENT_COLUMNS, _nx_documents_in_window, dict(_WINDOW),
          "Documents dated in a window ('' '' = every document, undated ones too)."),
    Query("appointments_in_window",
          "MATCH (ap:Appointment)-[:OF_PERSON]->(p:Person) "
          "MATCH (ap)-[:TO_POST]->(post:Post)-[:POST_IN]->(o:Organization) "
          "MATCH (ap)-[:ANNOUNCED_IN]->(d:Document) "
          f"WHERE {_IN_WINDOW.format(v='ap.date')} AND {_PLACE.format(a='p', b='o')} "
          "RETURN ap.id AS id, ap.action AS action, ap.probation AS probation, ap.date AS date, "
          "ap.decided_on AS decided_on, ap.evidence AS evidence, d.number AS doc_number, "
          "p.id AS person_id, p.name AS person, post.id AS post_id, post.name AS post, "
          "post.title AS title, o.id AS org_id, o.name AS organization, p.place AS person_place, "
          "o.place AS org_place",
          APPOINTMENT_COLUMNS, _nx_appointments_in_window, {**_WINDOW, "place": ""},
          "任命 and 免去 announced in a window."),
    Query("facts_touching",
          "MATCH (a)-[r]->(b) WHERE (a.id IN $ids OR b.id IN $ids) AND (size($types) = 0 OR type(r) IN $types) "
          f"AND {_EDGE_PLACE} "
          f"{_edge_return('coalesce(r.role, r.title)')}",
          EDGE_COLUMNS, _nx_facts_touching, {"ids": [], "types": [], "place": ""},
          "Every relationship of some nodes, either way, ended ones too ([] types = all): a body's whole record."),
)})
