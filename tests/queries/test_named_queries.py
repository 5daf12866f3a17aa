"""Every named query of the library gives the same rows on every store as on networkx,
and names only labels and types the schema declares."""

from __future__ import annotations

import re
from typing import Any

import pytest

from graph.model import SCHEMA
from graph.stores import GraphView
from queries.linker import catalogue
from queries.named import QUERIES, run, trace

# (query, params) with entities given by name as "@name" (resolved on the reference store).
CASES: list[tuple[str, dict[str, Any]]] = [
    ("entities", {"labels": ["Person", "Organization", "TaskForce", "Area", "Post", "Document", "Task"]}),
    ("leaders_of_org", {"orgs": ["@市财政局"], "types": ["IN_CHARGE_OF", "DIRECTS", "ASSISTS_IN_CHARGE_OF"]}),
    ("leaders_of_org", {"orgs": ["@市公安局", "@市税务局"], "types": ["DIRECTS", "LIAISES_WITH"]}),
    ("leaders_of_org", {"orgs": ["@市人民政府"], "types": ["PRESIDES_OVER"], "as_of": "2023-09-01"}),
    ("holders_at_org", {"org": "@市能源局"}),
    ("holders_at_org", {"org": "@朔州市艺术研究院", "as_of": "2023-08-08"}),
    ("posts_of_people", {"people": ["@黄军", "@武跃飞", "@温贵"]}),
    ("posts_of_people", {"people": ["@温贵"], "as_of": "2023-06-01"}),
    ("holders_of_titles", {"titles": ["市长", "副市长", "市委常委"]}),
    ("holders_of_titles", {"titles": ["董事长"], "as_of": "2023-06-01"}),
    ("duties_of_person", {"person": "@武跃飞", "types": ["RESPONSIBLE_FOR", "IN_CHARGE_OF", "LIAISES_WITH"]}),
    ("leaders_of_area", {"area": "@消防", "types": ["RESPONSIBLE_FOR", "IN_CHARGE_OF"]}),
    ("memberships", {}),
    ("memberships", {"people": ["@黄军"]}),
    ("memberships", {"task_forces": ["@朔州市建设高标准市场体系工作专班"]}),
    ("unit_links", {"types": ["UNIT_OF", "LEADS"]}),
    ("unit_links", {"types": ["UNIT_OF"], "orgs": ["@市能源局"]}),
    ("offices", {}),
    ("offices", {"orgs": ["@市发展和改革委员会"]}),
    ("subgroups", {"task_forces": ["@朔州市建设高标准市场体系工作专班"]}),
    ("appointments", {}),
    ("appointments", {"person": "@雷惊春"}),
    ("appointments", {"doc": "朔政干发〔2023〕4号"}),
    ("appointments", {"org": "@朔州机场建设管理有限公司"}),
    ("edges_out", {"ids": ["@黄军", "@市能源局"]}),
    ("edges_in", {"ids": ["@市能源局"], "types": ["IN_CHARGE_OF", "UNIT_OF"]}),
    ("edges_in", {"ids": ["@没有这个单位"]}),
    ("holdings_in_window", {"since": "2023-06-01", "until": "2023-07-01"}),
    ("facts_in_window", {"types": ["IN_CHARGE_OF", "MEMBER_OF", "UNIT_OF"], "since": "2023-07-31"}),
    ("documents_in_window", {"since": "2023-08-01"}),
    ("appointments_in_window", {"until": "2023-07-01"}),
    ("facts_touching", {"ids": ["@朔州市建设高标准市场体系工作专班", "@黄军"]}),
]


def _ids(reference: GraphView, value: Any) -> Any:
    if isinstance(value, list):
        return [_ids(reference, v) for v in value]
    if isinstance(value, str) and value.startswith("@"):
        found = catalogue(reference).link(value[1:])
        return found[0].entity.id if found and found[0].score >= 98 else "missing-id"
    return value


@pytest.mark.parametrize("name, params", CASES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(CASES)])
def test_named_queries_same_rows_as_networkx(view: GraphView, reference: GraphView, name: str,
                                             params: dict[str, Any]) -> None:
    resolved = {k: _ids(reference, v) for k, v in params.items()}
    assert run(view, name, resolved) == run(reference, name, resolved)


def test_named_queries_cover_every_query() -> None:
    assert {name for name, _ in CASES} == set(QUERIES)


def test_named_queries_answer_something(reference: GraphView) -> None:
    for name, params in CASES:
        if "没有" not in str(params):
            assert run(reference, name, {k: _ids(reference, v) for k, v in params.items()}), name


def test_named_queries_as_of_filters_holdings(reference: GraphView) -> None:
    wen = _ids(reference, "@温贵")
    before = run(reference, "posts_of_people", {"people": [wen], "as_of": "2023-06-01"})
    after = run(reference, "posts_of_people", {"people": [wen], "as_of": "2023-07-01"})
    assert [(r["o_name"], r["role"]) for r in before] == [("朔州市政府驻京联络处", "主任")]
    assert [(r["o_name"], r["role"]) for r in after] == [("朔州机场建设管理有限公司", "董事长")]


def test_named_queries_unknown_parameter_refused(reference: GraphView) -> None:
    with pytest.raises(KeyError):
        run(reference, "memberships", {"person": "x"})


def test_named_queries_trace_records_cypher(view: GraphView) -> None:
    with trace() as entries:
        run(view, "offices", {})
    assert [e.name for e in entries] == ["offices"]
    assert "OFFICE_AT" in entries[0].cypher and entries[0].rows == 5 and entries[0].engine == view.engine
    if view.engine == "ladybug":
        assert "label(r)" in entries[0].cypher  # the dialect's spelling, as the engine ran it


_LABEL = re.compile(r"\(\w*:(\w+)")
_TYPE = re.compile(r"\[\w*:([\w|]+)")


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_named_queries_use_schema_names(name: str) -> None:
    text = QUERIES[name].cypher
    assert {m for m in _LABEL.findall(text)} <= set(SCHEMA.nodes)
    assert {t for m in _TYPE.findall(text) for t in m.split("|")} <= set(SCHEMA.relationships)
    assert "'" not in text.replace("''", ""), "values travel as $params; the only literal is '' (any)"


def test_named_queries_same_rows_in_any_order(view: GraphView, reference: GraphView) -> None:
    """Stores that cache prepared statements must not answer with an earlier call's
    parameters: every case, at several dates, twice, in a shuffled order."""
    import random

    cases = []
    for name, params in CASES:
        resolved = {k: _ids(reference, v) for k, v in params.items()}
        dates = ["", "2023-06-01", "2023-08-05", "2023-09-01"] if "as_of" in QUERIES[name].params else [None]
        cases += [(name, resolved if d is None else {**resolved, "as_of": d}) for d in dates]
    random.Random(7).shuffle(cases)
    for name, params in cases + cases[::-1]:
        assert run(view, name, params) == run(reference, name, params), (name, params)
