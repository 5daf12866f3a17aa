"""The graph as RDF on standard vocabularies: W3C ORG, PROV-O, FOAF, SKOS, and govkg terms.

Classes and predicates come from the schema's `rdf` terms (org:Post, org:holds,
org:subOrganizationOf, prov:wasDerivedFrom …; govkg: for 分管, 联系, 牵头 …). Each
relationship is one plain triple, which is what most RDF tools read, plus a resource
carrying its provenance and time: an `org:Membership` (org:member, org:organization,
org:role) for relationships with a role, an `rdf:Statement` for the others, each
`prov:wasDerivedFrom` the documents that state it. `graph/schema/shapes.ttl` holds SHACL
shapes for the result.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

import networkx as nx
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef

from graph.model import SCHEMA

__all__ = ["ENTITY_BASE", "SHAPES_PATH", "to_rdf", "entity_uri", "validate"]

ENTITY_BASE = "https://govkg.org/id/"
SHAPES_PATH = Path(__file__).parent / "schema" / "shapes.ttl"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_XSD = {"BOOLEAN": XSD.boolean, "INT64": XSD.integer, "DOUBLE": XSD.double}
_NS = {prefix: Namespace(uri) for prefix, uri in SCHEMA.namespaces.items()}
_GOVKG, _ORG, _PROV, _FOAF, _SKOS = (_NS[p] for p in ("govkg", "org", "prov", "foaf", "skos"))
_QUALIFIED_BY_ROLE = "role"  # relationships with this property become org:Membership resources


def _term(curie: str) -> URIRef:
    prefix, local = curie.split(":", 1)
    return _NS[prefix][local]


def entity_uri(node_id: str) -> URIRef:
    return URIRef(ENTITY_BASE + quote(node_id, safe=""))


def _role_uri(role: str) -> URIRef:
    return URIRef(ENTITY_BASE + "role/" + quote(role, safe=""))


def _literal(value: Any, kind: str) -> Literal:
    if kind in _XSD:
        return Literal(value, datatype=_XSD[kind])
    if isinstance(value, str) and _DATE.match(value):
        return Literal(value, datatype=XSD.date)
    return Literal(value)


def _properties(rdf: Graph, subject: URIRef, data: dict[str, Any], types: dict[str, str],
                skip: set[str]) -> None:
    for prop, kind in types.items():
        value = data.get(prop)
        if prop in skip or value is None:
            continue
        for v in value if kind.endswith("[]") else [value]:
            rdf.add((subject, _GOVKG[prop], _literal(v, kind.rstrip("[]"))))


def to_rdf(g: nx.MultiDiGraph) -> Graph:
    """The whole graph as an rdflib Graph, prefixes bound."""
    rdf = Graph()
    for prefix, ns in _NS.items():
        rdf.bind(prefix, ns)
    rdf.bind("id", Namespace(ENTITY_BASE))
    for node_id, data in g.nodes(data=True):
        label = SCHEMA.nodes[data["label"]]
        uri = entity_uri(node_id)
        rdf.add((uri, RDF.type, _term(label.rdf)))
        rdf.add((uri, RDFS.label, Literal(data["name"], lang="zh")))
        rdf.add((uri, _GOVKG.id, Literal(node_id)))
        if label.rdf == "foaf:Person":
            rdf.add((uri, _FOAF.name, Literal(data["name"], lang="zh")))
        for alias in data.get("aliases") or []:
            rdf.add((uri, _SKOS.altLabel, Literal(alias, lang="zh")))
        _properties(rdf, uri, data, dict(label.properties), {"name", "aliases"})
    for u, v, key, data in g.edges(keys=True, data=True):
        rel = SCHEMA.relationships[data["type"]]
        s, o, predicate = entity_uri(u), entity_uri(v), _term(rel.rdf)
        rdf.add((s, predicate, o))
        qualified = entity_uri(key)
        if _QUALIFIED_BY_ROLE in rel.properties:
            rdf.add((qualified, RDF.type, _ORG.Membership))
            rdf.add((qualified, _ORG.member, s))
            rdf.add((qualified, _ORG.organization, o))
            if data.get(_QUALIFIED_BY_ROLE):
                role = _role_uri(data[_QUALIFIED_BY_ROLE])
                rdf.add((qualified, _ORG.role, role))
                rdf.add((role, RDF.type, _ORG.Role))
                rdf.add((role, RDFS.label, Literal(data[_QUALIFIED_BY_ROLE], lang="zh")))
        else:
            rdf.add((qualified, RDF.type, RDF.Statement))
            rdf.add((qualified, RDF.subject, s))
            rdf.add((qualified, RDF.predicate, predicate))
            rdf.add((qualified, RDF.object, o))
        rdf.add((qualified, _GOVKG.relationship, Literal(rel.name)))
        rdf.add((qualified, _GOVKG.zh, Literal(rel.zh, lang="zh")))
        for doc in data.get("docs") or []:
            rdf.add((qualified, _PROV.wasDerivedFrom, entity_uri(doc)))
        _properties(rdf, qualified, data, SCHEMA.rel_properties(rel.name), {"docs", _QUALIFIED_BY_ROLE})
    return rdf


def validate(rdf: Graph, shapes: Path = SHAPES_PATH) -> tuple[bool, str]:
    """Check the RDF against the SHACL shapes; (conforms, report text)."""
    from pyshacl import validate as shacl

    conforms, _, text = shacl(rdf, shacl_graph=Graph().parse(shapes), inference="none",
                              advanced=True)
    return bool(conforms), str(text)
