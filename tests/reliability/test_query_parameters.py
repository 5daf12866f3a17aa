"""Values from people travel as parameters, never as Cypher text.

Names with quotes, backslashes and Cypher fragments go through every query-library
function that takes user text (search, questions, organisations, titles, documents,
dates) and through `govkg cypher --param` / `govkg ask`, on LadybugDB and on Neo4j. A spy
view records every Cypher text the library runs: each is one of the named queries'
constant texts, whatever the value. Afterwards the store is unchanged.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

import pytest
from reliability_support import COUNT_QUERY, fingerprint, govkg, neo4j_env, no_traceback

from graph.folder import StoreFolder
from graph.stores.base import CypherView, Result
from queries.named import QUERIES

HOSTILE = [
    "市财政局' }) MATCH (n) DETACH DELETE n //",
    '市财政局" }) MATCH (n) DETACH DELETE n //',
    "武跃飞\\' OR 1=1 //",
    "\\\\' ; CREATE (:Person {id: 'pwned'}) //",
    "') RETURN 1 UNION MATCH (n) DETACH DELETE n RETURN 1 //",
    "`) DETACH DELETE n //",
    "$org",
    "{name: 'x'}",
    "市财政局\n; CHECKPOINT",
    "*/ MATCH (n) DETACH DELETE n /*",
    "田\u200b东' OR '1'='1",
]


class SpyView(CypherView):
    """A real view that records every Cypher text and parameter map it is asked to run."""

    def __init__(self, inner: CypherView) -> None:
        self.inner = inner
        self.engine = inner.engine
        self.dialect = inner.dialect
        self.texts: list[str] = []
        self.params: list[dict[str, Any]] = []

    def cypher(self, text: str, params: Mapping[str, Any] | None = None, *,
               timeout: float | None = None, max_rows: int | None = None) -> Result:
        self.texts.append(text)
        self.params.append(dict(params or {}))
        return self.inner.cypher(text, params, timeout=timeout, max_rows=max_rows)

    def close(self) -> None:
        self.inner.close()


def _library_calls(value: str) -> list[tuple[str, Callable[[Any], Any]]]:
    """Every query-library entry point that takes user text, with `value` in it."""
    from queries import answer, appointments, linker, orgs, people, task_forces

    return [
        ("linker.search", lambda v: linker.search(v, value)),
        ("linker.resolve_entity", lambda v: linker.resolve_entity(v, value)),
        ("answer.ask 谁分管", lambda v: answer.ask(v, f"谁分管{value}？")),
        ("answer.ask 的局长", lambda v: answer.ask(v, f"{value}的局长是谁")),
        ("answer.ask bare", lambda v: answer.ask(v, value)),
        ("answer.ask as_of", lambda v: answer.ask(v, "谁分管市财政局？", as_of=value)),
        ("orgs.overseers_of", lambda v: orgs.overseers_of(v, value)),
        ("orgs.holders_of_title", lambda v: orgs.holders_of_title(v, value)),
        ("orgs.holders_of_title as_of", lambda v: orgs.holders_of_title(v, "市长", as_of=value)),
        ("people.portfolio_of", lambda v: people.portfolio_of(v, value)),
        ("people.portfolio_of as_of", lambda v: people.portfolio_of(v, "武跃飞", as_of=value)),
        ("task_forces.members_of", lambda v: task_forces.members_of(v, value)),
        ("appointments doc", lambda v: appointments.appointments(v, doc=value)),
        ("appointments person", lambda v: appointments.appointments(v, person=value)),
    ]


def _exercise(view: CypherView, value: str) -> SpyView:
    from queries.linker import NotFound

    spy = SpyView(view)
    for name, call in _library_calls(value):
        try:
            call(spy)
        except (NotFound, LookupError, ValueError):
            pass  # "no entity named …" is an answer; anything else is a failure
    assert spy.texts, "the library ran no Cypher"
    constant = {q.cypher for q in QUERIES.values()}
    for text in spy.texts:  # only the library's constant texts ran, whatever the value
        assert text in constant, f"Cypher built from {value!r}: {text}"
    return spy


def _counts(view: CypherView) -> list[tuple[Any, ...]]:
    return view.cypher(COUNT_QUERY).rows


@pytest.mark.parametrize("value", HOSTILE)
def test_query_library_passes_user_text_as_parameters_on_ladybug(seed_store: Path, value: str) -> None:
    before = fingerprint(seed_store)
    with StoreFolder(seed_store).view() as view:
        counts = _counts(view)
        _exercise(view, value)
        assert _counts(view) == counts
    assert fingerprint(seed_store) == before


def test_query_library_hostile_title_reaches_the_engine_as_a_value(seed_store: Path) -> None:
    """holders_of_title sends the title itself: the engine compares it as a string."""
    from queries.orgs import holders_of_title

    value = HOSTILE[0]
    with StoreFolder(seed_store).view() as view:
        spy = SpyView(view)
        assert holders_of_title(spy, value) == []
        assert any(value in p.get("titles", []) for p in spy.params)


@pytest.mark.parametrize("value", HOSTILE)
def test_cypher_cli_param_values_are_values_on_ladybug(seed_store: Path, value: str) -> None:
    before = fingerprint(seed_store)
    query = "MATCH (o:Organization) WHERE o.name = $org OR o.name STARTS WITH $org RETURN o.name AS name"
    run = govkg("cypher", query, "--store", str(seed_store), "--param", f"org={value}", "--json")
    no_traceback(run)
    assert run.code == 0 and json.loads(run.stdout) == []
    echo = govkg("cypher", "RETURN $v AS v", "--store", str(seed_store), "--param",
                 f"v:={json.dumps([value], ensure_ascii=False)}", "--json")
    assert echo.code == 0 and json.loads(echo.stdout) == [{"v": [value]}]
    assert fingerprint(seed_store) == before


@pytest.mark.parametrize("value", HOSTILE[:4])
def test_ask_cli_hostile_question_on_ladybug(seed_store: Path, value: str) -> None:
    before = fingerprint(seed_store)
    run = govkg("ask", f"谁分管{value}？", "--store", str(seed_store), "--json")
    no_traceback(run)
    assert run.code == 0
    answer = json.loads(run.stdout)
    # The question is read from its parts, so the entity it names may be answered; the hostile
    # text itself is never a name in an answer, and the store is unchanged.
    assert not any(value in a or "MATCH" in a or "1=1" in a for a in answer.get("answers") or [])
    assert fingerprint(seed_store) == before


@pytest.mark.neo4j
def test_query_library_passes_user_text_as_parameters_on_neo4j(neo4j_seed: dict[str, str]) -> None:
    from graph.stores.neo4j_store import Neo4jView

    with Neo4jView(**neo4j_seed) as view:
        counts = _counts(view)
        for value in HOSTILE:
            _exercise(view, value)
        assert _counts(view) == counts


@pytest.mark.neo4j
def test_cypher_and_ask_cli_hostile_values_on_neo4j(neo4j_seed: dict[str, str]) -> None:
    from graph.stores.neo4j_store import Neo4jView

    with Neo4jView(**neo4j_seed) as view:
        counts = _counts(view)
    env = neo4j_env(neo4j_seed)
    for value in HOSTILE:
        run = govkg("cypher", "MATCH (o:Organization {name: $org}) RETURN o.name AS name", "--param",
                    f"org={value}", "--json", env=env)
        no_traceback(run)
        assert run.code == 0 and json.loads(run.stdout) == [], run.stderr
    for value in HOSTILE[:3]:
        run = govkg("ask", f"谁分管{value}？", "--json", env=env)
        no_traceback(run)
        assert run.code == 0
    with Neo4jView(**neo4j_seed) as view:
        assert _counts(view) == counts
