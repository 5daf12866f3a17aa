"""graph.dialect: Neo4j's Cypher rewritten for LadybugDB, string literals untouched."""

from __future__ import annotations

import pytest

from graph.dialect import LADYBUG, NEO4J, dialect_for


@pytest.mark.parametrize("neo4j, ladybug", [
    ("MATCH ()-[r]->() RETURN type(r), count(*)", "MATCH ()-[r]->() RETURN label(r), count(*)"),
    ("MATCH (n) RETURN labels(n)[0] AS l", "MATCH (n) RETURN label(n) AS l"),
    ("MATCH (n) WHERE n.name = 'type(r)' RETURN n.type", "MATCH (n) WHERE n.name = 'type(r)' RETURN n.type"),
    ('RETURN "labels(n)[0]" AS s, type( r )', 'RETURN "labels(n)[0]" AS s, label(r)'),
    ("MATCH p = shortestPath((a:Person {name: $a})-[*..6]-(b {name: $b})) RETURN length(p)",
     "MATCH p = (a:Person {name: $a})-[* SHORTEST 1..6]-(b {name: $b}) RETURN length(p)"),
    ("MATCH p = shortestPath((a)-[r:HOLDS|POST_IN*2..4]->(b)) RETURN p",
     "MATCH p = (a)-[r:HOLDS|POST_IN* SHORTEST 2..4]->(b) RETURN p"),
    ("MATCH p = allShortestPaths((a)-[*]-(b)) RETURN p", "MATCH p = (a)-[* ALL SHORTEST 1..30]-(b) RETURN p"),
    ("MATCH p = shortestPath((a)-[*3]-(b)) RETURN p", "MATCH p = (a)-[* SHORTEST 3..3]-(b) RETURN p"),
])
def test_dialect_ladybug_rewrites(neo4j: str, ladybug: str) -> None:
    assert LADYBUG.translate(neo4j) == ladybug
    assert NEO4J.translate(neo4j) == neo4j


def test_dialect_by_name() -> None:
    assert dialect_for("ladybug") is LADYBUG and dialect_for("neo4j") is NEO4J
