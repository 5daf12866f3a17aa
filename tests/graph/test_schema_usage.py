"""Every label and relationship type named in Cypher under graph/ and queries/ is in the schema,
and the generated DDL and constraints cover the whole schema."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from graph.contract import QUERIES
from graph.model import SCHEMA

ROOT = Path(__file__).resolve().parents[2]
_CYPHER = re.compile(r"\b(MATCH|MERGE|CREATE|UNWIND|RETURN)\b")
_NODE_LABELS = re.compile(r"\(\s*\w*\s*((?::\s*`?\w+`?\s*)+)")     # (p:Person) (n:`Post`)
_REL_TYPES = re.compile(r"\[\s*\w*\s*:\s*((?:`?\w+`?\s*\|?\s*)+)")  # [r:A|B] [:HOLDS*1..2]


def _strings(path: Path) -> list[str]:
    """String constants of a module, f-strings as their literal parts joined by a placeholder."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            out.append(node.value)
        elif isinstance(node, ast.JoinedStr):
            out.append("".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values))
    return out


def cypher_names(text: str) -> tuple[set[str], set[str]]:
    """(labels, relationship types) a Cypher text names."""
    labels = {name.strip("` ") for m in _NODE_LABELS.finditer(text) for name in m.group(1).split(":") if name.strip("` ")}
    types = {name.strip("` ") for m in _REL_TYPES.finditer(text) for name in m.group(1).split("|") if name.strip("` ")}
    return labels, types


def _cypher_texts() -> list:
    texts = [pytest.param(f"QUERIES[{q.name}]", q.cypher, id=q.name) for q in QUERIES.values()]
    for folder in ("graph", "queries"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            where = str(path.relative_to(ROOT))
            for i, s in enumerate(_strings(path)):
                if _CYPHER.search(s) and ("(" in s or "[" in s):
                    texts.append(pytest.param(where, s, id=f"{where}#{i}"))
    return texts


@pytest.mark.parametrize("where, text", _cypher_texts())
def test_schema_names_in_cypher_exist(where: str, text: str) -> None:
    labels, types = cypher_names(text)
    assert labels <= set(SCHEMA.nodes), f"{where}: unknown labels {labels - set(SCHEMA.nodes)}"
    assert types <= set(SCHEMA.relationships), f"{where}: unknown types {types - set(SCHEMA.relationships)}"


def test_schema_names_checker_sees_names() -> None:
    assert cypher_names("MATCH (p:Person)-[r:IN_CHARGE_OF|DIRECTS]->(o:`Organization` {name: $x}), (:Nope)") == (
        {"Person", "Organization", "Nope"}, {"IN_CHARGE_OF", "DIRECTS"})
    assert cypher_names("MATCH (a)-[:HOLDS*1..2]->(b) RETURN a") == (set(), {"HOLDS"})


def test_schema_ladybug_tables_cover_the_schema() -> None:
    from graph.stores.ladybug_store import table_statements

    ddl = table_statements()
    assert len(ddl) == len(SCHEMA.nodes) + len(SCHEMA.relationships)
    leads = next(s for s in ddl if s.startswith("CREATE REL TABLE `LEADS`"))
    assert "FROM `Organization` TO `TaskForce`, FROM `Organization` TO `Task`" in leads
    person = next(s for s in ddl if s.startswith("CREATE NODE TABLE `Person`"))
    assert "`aliases` STRING[]" in person and "`unnamed` BOOLEAN" in person and "PRIMARY KEY (`id`)" in person


def test_schema_neo4j_constraints_cover_the_schema() -> None:
    from graph.stores.neo4j_store import schema_statements

    statements = "\n".join(schema_statements())
    for label in SCHEMA.nodes:
        assert f"FOR (n:`{label}`) REQUIRE n.id IS UNIQUE" in statements
    for rtype in SCHEMA.relationships:
        assert f"FOR ()-[r:`{rtype}`]-() REQUIRE r.id IS UNIQUE" in statements
