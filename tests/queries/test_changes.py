"""queries.changes and `govkg changes`: what changed in a window, on every store.

Two gazettes of a small city, written by hand. The first (2023-01) divides the work, sets
up two task forces and appoints 温贵; the second (2023-02) divides the work again (李四
loses 市教育局 to 王五 and 联系市税务局), adjusts the members of one task force (赵六 and
市财政局 leave, 刘九 and 市教育局 join, 王五 becomes 副组长), sets up a third, dissolves
the second, and moves 温贵 to a new post. The graph is built as `govkg build` builds it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

import networkx as nx
import pytest
from typer.testing import CliRunner

from govkg.cli import app
from graph.build import build_graph
from graph.records import Assertion, DocumentInfo, make_id
from graph.resolve import resolve
from graph.stores import GraphView, open_store
from queries.changes import WindowError, changes, parse_date, window_between

JAN, FEB = "gazettes/2023-01.txt", "gazettes/2023-02.txt"
GOV = "朔州市人民政府办公室"
D1, D2, D3 = "朔政办发〔2023〕1号", "朔政办函〔2023〕2号", "朔政干发〔2023〕1号"
D4, D5, D6, D7 = "朔政办发〔2023〕5号", "朔政办函〔2023〕9号", "朔政干发〔2023〕3号", "朔政办函〔2023〕11号"
ENERGY, CHARGING, DIGITAL = "朔州市能源产业融合发展工作专班", "朔州市充电基础设施建设工作专班", "朔州市数字经济发展工作专班"


def _doc(number: str, date: str, doc_type: str, source: str, title: str, first: int) -> DocumentInfo:
    return DocumentInfo(make_id("Document", number), number, title, GOV, date, doc_type, source, (first, first + 20))


DOCUMENTS = {d.number: d for d in (
    _doc(D1, "2023-01-10", "work_division", JAN, "关于市长副市长工作分工的通知", 1),
    _doc(D2, "2023-01-20", "task_force", JAN, "关于成立两个工作专班的通知", 30),
    _doc(D3, "2023-01-25", "appointment", JAN, "关于温贵同志任职的通知", 60),
    _doc(D4, "2023-02-10", "work_division", FEB, "关于调整市长副市长工作分工的通知", 1),
    _doc(D5, "2023-02-20", "task_force", FEB, "关于调整能源产业专班成员及成立数字经济专班的通知", 30),
    _doc(D6, "2023-02-25", "appointment", FEB, "关于温贵同志任免职的通知", 60),
    _doc(D7, "2023-02-22", "task_force", FEB, "关于撤销充电基础设施建设工作专班的通知", 90),
)}


def _a(number: str, line: int, rel: str, rtype: str, s: str, s_type: str, o: str, o_type: str,
       **extra: Any) -> Assertion:
    d = DOCUMENTS[number]
    return Assertion(rel=rel, type=rtype, s=s, s_type=s_type, o=o, o_type=o_type, doc=number, doc_id=d.doc_id,
                     date=d.date, evidence=f"{s}{rel}{o}{extra.get('role') or extra.get('position') or ''}",
                     source=d.source, line=d.lines[0] + line, extractor="hand", **extra)


def _duty(number: str, line: int, rel: str, rtype: str, person: str, target: str, label: str = "Organization"):
    return _a(number, line, rel, rtype, person, "Person", target, label)


def _member(number: str, line: int, person: str, task_force: str, role: str) -> Assertion:
    return _a(number, line, "成员", "MEMBER_OF", person, "Person", task_force, "TaskForce", role=role,
              o_kind="工作专班")


def _unit(number: str, line: int, org: str, task_force: str) -> Assertion:
    return _a(number, line, "成员单位", "UNIT_OF", org, "Organization", task_force, "TaskForce", role="成员单位",
              o_kind="工作专班")


ASSERTIONS = [
    _duty(D1, 1, "分管", "IN_CHARGE_OF", "张三", "市财政局"),
    _duty(D1, 2, "负责", "RESPONSIBLE_FOR", "张三", "财政", "Area"),
    _duty(D1, 3, "分管", "IN_CHARGE_OF", "李四", "市教育局"),
    _duty(D1, 4, "联系", "LIAISES_WITH", "李四", "市税务局"),
    _member(D2, 1, "张三", ENERGY, "组长"),
    _member(D2, 2, "王五", ENERGY, "成员"),
    _member(D2, 3, "赵六", ENERGY, "成员"),
    _unit(D2, 4, "市财政局", ENERGY),
    _member(D2, 5, "李四", CHARGING, "组长"),
    _member(D2, 6, "王五", CHARGING, "成员"),
    _a(D3, 1, "任命", "HOLDS", "温贵", "Person", "朔州市政府驻京联络处", "Organization", position="主任"),
    _duty(D4, 1, "分管", "IN_CHARGE_OF", "张三", "市财政局"),
    _duty(D4, 2, "负责", "RESPONSIBLE_FOR", "张三", "财政", "Area"),
    _duty(D4, 3, "分管", "IN_CHARGE_OF", "王五", "市教育局"),
    _duty(D4, 4, "分管", "IN_CHARGE_OF", "李四", "市卫生健康委员会"),
    _member(D5, 1, "张三", ENERGY, "组长"),
    _member(D5, 2, "王五", ENERGY, "副组长"),
    _member(D5, 3, "刘九", ENERGY, "成员"),
    _a(D5, 3, "任职", "HOLDS", "刘九", "Person", "市能源局", "Organization", position="局长"),
    _unit(D5, 4, "市教育局", ENERGY),
    _member(D5, 5, "周八", DIGITAL, "组长"),
    _a(D6, 1, "免去", "HOLDS", "温贵", "Person", "朔州市政府驻京联络处", "Organization", position="主任"),
    _a(D6, 2, "任命", "HOLDS", "温贵", "Person", "朔州机场建设管理有限公司", "Organization", position="董事长"),
]

# The build ends what the later notices drop (李四's 分管 and 联系, the members of the energy
# task force left out of its new list). Nothing in a notice ends a whole body yet: the
# dissolution (D7) is set on the edges by hand, (subject, type, object, role, valid_to).
DISSOLVED = [
    ("李四", "MEMBER_OF", CHARGING, "组长", "2023-02-22"),
    ("王五", "MEMBER_OF", CHARGING, "成员", "2023-02-22"),
]


def _graph() -> nx.MultiDiGraph:
    resolved, _ = resolve(ASSERTIONS, list(DOCUMENTS.values()))
    build = build_graph(resolved, list(DOCUMENTS.values()))
    assert build.problems == []
    g = build.graph
    for s, rtype, o, role, valid_to in DISSOLVED:
        [data] = [d for u, v, d in g.edges(data=True) if d["type"] == rtype and g.nodes[u]["name"] == s
                  and g.nodes[v]["name"] == o and d.get("role") == role]
        data["valid_to"], data["status"] = valid_to, "ended"
    return g


BACKENDS = [
    pytest.param("networkx", id="networkx"),
    pytest.param("ladybug", id="ladybug"),
    pytest.param("neo4j", id="neo4j", marks=pytest.mark.neo4j),
]


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return _graph()


@pytest.fixture(scope="module", params=BACKENDS)
def view(request: pytest.FixtureRequest, graph: nx.MultiDiGraph,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphView]:
    options: dict[str, Any] = {}
    if request.param == "ladybug":
        options["path"] = tmp_path_factory.mktemp("changes") / "graph.lbug"
    if request.param == "neo4j":
        options.update(request.getfixturevalue("neo4j_server"))
    store = open_store(request.param, **options)
    if request.param == "neo4j":
        store.write(graph, replace=True)  # type: ignore[call-arg]
    else:
        store.write(graph)
    with store.view() as v:
        yield v
    store.close()


@pytest.fixture(scope="module")
def reference(graph: nx.MultiDiGraph) -> GraphView:
    store = open_store("networkx")
    store.write(graph)
    return store.view()


def _posts(rows: list) -> list[tuple]:
    return [(c.date, c.person.name, c.title, c.organization.name, c.via, c.evidence.doc) for c in rows]


def _duties(rows: list) -> list[tuple]:
    return [(c.date, c.fact.subject.name, c.fact.type, c.fact.object.name, c.evidence.doc) for c in rows]


def _forces(rows: list) -> list[tuple]:
    return [(c.date, c.task_force.name, c.members, c.units, c.heads, c.evidence.doc) for c in rows]


def test_changes_second_gazette(view: GraphView) -> None:
    got = changes(view, "2023-01-31")
    assert _posts(got.posts_new) == [
        ("2023-02-20", "刘九", "局长", "市能源局", "mention", D5),
        ("2023-02-25", "温贵", "董事长", "朔州机场建设管理有限公司", "appoint", D6),
    ]
    assert _posts(got.posts_ended) == [("2023-02-25", "温贵", "主任", "朔州市政府驻京联络处", "remove", D6)]
    assert [c.how for c in got.posts_new + got.posts_ended] == ["mention", "任命", "免去"]
    assert got.posts_ended[0].fact.valid_from == "2023-01-25"
    assert _duties(got.duties_new) == [("2023-02-10", "李四", "IN_CHARGE_OF", "市卫生健康委员会", D4)]
    assert _duties(got.duties_ended) == [("2023-02-10", "李四", "LIAISES_WITH", "市税务局", D4)]
    [handover] = got.duties_changed
    assert (handover.type, handover.object.name, handover.date) == ("IN_CHARGE_OF", "市教育局", "2023-02-10")
    assert handover.describe() == "市教育局：李四 → 王五"
    assert [c.evidence.doc for c in handover.before + handover.after] == [D4, D4]
    assert _forces(got.task_forces_new) == [("2023-02-20", DIGITAL, 1, 0, ("组长 周八",), D5)]
    assert _forces(got.task_forces_dissolved) == [("2023-02-22", CHARGING, 2, 0, ("组长 李四",), D7)]
    assert [(c.task_force.name, c.member.name, c.change, c.old_role, c.role, c.date, c.evidence.doc)
            for c in got.members] == [
        (ENERGY, "王五", "role", "成员", "副组长", "2023-02-20", D5),
        (ENERGY, "刘九", "joined", None, "成员", "2023-02-20", D5),
        (ENERGY, "赵六", "left", None, "成员", "2023-02-20", D5),
        (ENERGY, "市教育局", "joined", None, "成员单位", "2023-02-20", D5),
        (ENERGY, "市财政局", "left", None, "成员单位", "2023-02-20", D5),
    ]


def test_changes_first_gazette(view: GraphView) -> None:
    got = changes(view, "2022-12-31", "2023-01-31")
    assert _posts(got.posts_new) == [("2023-01-25", "温贵", "主任", "朔州市政府驻京联络处", "appoint", D3)]
    assert got.posts_ended == [] and got.duties_ended == [] and got.duties_changed == []
    assert sorted(_duties(got.duties_new)) == [
        ("2023-01-10", "张三", "IN_CHARGE_OF", "市财政局", D1),
        ("2023-01-10", "张三", "RESPONSIBLE_FOR", "财政", D1),
        ("2023-01-10", "李四", "IN_CHARGE_OF", "市教育局", D1),
        ("2023-01-10", "李四", "LIAISES_WITH", "市税务局", D1),
    ]
    # members in force at the window's end: 刘九 and 副组长 王五 come later
    assert _forces(got.task_forces_new) == [
        ("2023-01-20", CHARGING, 2, 0, ("组长 李四",), D2),
        ("2023-01-20", ENERGY, 3, 1, ("组长 张三",), D2),
    ]
    assert got.task_forces_dissolved == [] and got.members == []


def test_changes_window_bounds(view: GraphView) -> None:
    # since is exclusive, until inclusive
    assert _posts(changes(view, "2023-02-24", "2023-02-25").posts_ended) == [
        ("2023-02-25", "温贵", "主任", "朔州市政府驻京联络处", "remove", D6)]
    assert changes(view, "2023-02-25").is_empty()
    assert changes(view, "2023-02-20", "2023-02-24").task_forces_dissolved[0].task_force.name == CHARGING
    assert changes(view, "2023-02-22", "2023-02-24").is_empty()


def test_changes_same_on_every_store(view: GraphView, reference: GraphView) -> None:
    for since, until in (("2023-01-31", None), ("2022-12-31", "2023-01-31"), ("2023-01-15", "2023-02-21")):
        assert changes(view, since, until).to_json() == changes(reference, since, until).to_json()


def test_changes_between_gazettes(view: GraphView) -> None:
    window = window_between(view, JAN, FEB)
    assert (window.since, window.until, window.between) == ("2023-01-25", "2023-02-25", (JAN, FEB))
    assert window_between(view, "2023-01.txt", "/somewhere/else/2023-02.txt").since == "2023-01-25"
    by_number = window_between(view, D3, D5)
    assert (by_number.since, by_number.until) == ("2023-01-25", "2023-02-20")
    with pytest.raises(WindowError, match="not in the store"):
        window_between(view, "gazettes/2022-12.txt", FEB)
    with pytest.raises(WindowError, match="not older"):
        window_between(view, FEB, JAN)


@pytest.mark.parametrize("text, ok", [
    ("2023-06-19", True), ("2023-13-01", False), ("2023-6-19", False), ("20230619", False), ("yesterday", False),
    ("2023-02-30", False),
])
def test_changes_parse_date(text: str, ok: bool) -> None:
    if ok:
        assert parse_date(text) == text
    else:
        with pytest.raises(WindowError, match="not a date"):
            parse_date(text)


def test_changes_empty_window_is_refused(reference: GraphView) -> None:
    with pytest.raises(WindowError, match="empty"):
        changes(reference, "2023-02-01", "2023-02-01")


def test_changes_json_shape(reference: GraphView) -> None:
    data = changes(reference, "2023-01-31").to_json()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["window"] == {"since": "2023-01-31", "until": None, "between": None}
    [ended] = data["posts"]["ended"]
    assert ended["person"]["name"] == "温贵" and ended["via"] == "remove"
    assert ended["evidence"]["doc"] == D6 and ended["evidence"]["date"] == "2023-02-25"
    [changed] = data["assignments"]["changed"]
    assert changed["zh"] == "分管" and [b["person"]["name"] for b in changed["before"]] == ["李四"]
    assert {m["zh"] for m in data["members"]} == {"成员", "成员单位"}


# --------------------------------------------------------------------------- the command

runner = CliRunner()


@pytest.fixture(scope="module")
def store(graph: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store folder whose database is written from the graph with the dissolution set above."""
    from graph.folder import DATABASE, write_store
    from graph.stores.ladybug_store import LadybugStore

    path = tmp_path_factory.mktemp("changes-cli") / "store"
    write_store(path, ASSERTIONS, list(DOCUMENTS.values()), database=False)
    LadybugStore(path / DATABASE).write(graph)
    return path


def test_changes_cli_table(store: Path) -> None:
    result = runner.invoke(app, ["changes", "--since", "2023-01-31", "--store", str(store)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    out = result.output
    assert "2023-01-31 < date ≤ …" in out
    assert "任职: ended (1)" in out and "温贵" in out and "免去" in out and D6 in out
    assert "分管" in out and "李四 → 王五" in out
    assert "议事协调机构: new (1)" in out and DIGITAL in out and "组长 周八" in out
    assert "议事协调机构: dissolved (1)" in out and CHARGING in out
    assert "成员 → 副组长" in out and "joined" in out and "left" in out


def test_changes_cli_json_between(store: Path) -> None:
    result = runner.invoke(app, ["changes", "--between", D3, D5, "--json", "--store", str(store)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["window"] == {"since": "2023-01-25", "until": "2023-02-20", "between": [D3, D5]}
    assert [p["person"]["name"] for p in data["posts"]["new"]] == ["刘九"]
    assert data["task_forces"]["dissolved"] == []


@pytest.mark.parametrize("args, message", [
    (["--since", "2023-13-01"], "not a date"),
    (["--since", "2023-01-01", "--until", "soon"], "not a date"),
    (["--since", "2023-02-01", "--until", "2023-01-01"], "empty"),
    ([], "--since"),
    (["--since", "2023-01-01", "--between", JAN, FEB], "not both"),
    (["--between", "gazettes/2022-12.txt", FEB], "not in the store"),
])
def test_changes_cli_refuses(store: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["changes", *args, "--store", str(store)])
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


def test_changes_cli_seed_store(seed_store: Path) -> None:
    """The real seed gazette: 温贵 leaves 朔州市政府驻京联络处 on 2023-06-19 (朔政干发〔2023〕4号)."""
    result = runner.invoke(app, ["changes", "--since", "2023-01-01", "--json", "--store", str(seed_store)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    ended = {(p["person"]["name"], p["organization"]["name"], p["title"]): p for p in data["posts"]["ended"]}
    wen = ended[("温贵", "朔州市政府驻京联络处", "主任")]
    assert (wen["date"], wen["via"], wen["evidence"]["doc"]) == ("2023-06-19", "remove", "朔政干发〔2023〕4号")
    new = {(p["person"]["name"], p["title"]): p for p in data["posts"]["new"]}
    assert new[("温贵", "董事长")]["via"] == "appoint" and new[("温贵", "董事长")]["date"] == "2023-06-19"
    assert data["task_forces"]["new"] and data["assignments"]["new"]



def test_changes_from_real_notices(tmp_path: Path) -> None:
    """Built from notice text (tests/graph/fixtures): handovers pair the leader who lost an
    object with the one who gained it on the same day, and a body dissolved by a notice is
    dissolved, its earlier member changes still listed."""
    from graph.folder import StoreFolder
    from graph.update import update_store

    fixtures = Path(__file__).parents[1] / "graph" / "fixtures"
    update_store(tmp_path / "kg", [str(fixtures / "timeline"), str(fixtures / "dissolution")])
    view = StoreFolder(tmp_path / "kg").view()
    got = changes(view, "2023-01-01")
    handovers = {(h.date, h.object.name): ([c.fact.subject.name for c in h.before], [c.fact.subject.name for c in h.after])
                 for h in got.duties_changed}
    assert handovers[("2023-02-01", "市教育局")] == (["王国强"], ["孙海"])
    assert handovers[("2023-06-01", "市商务局")] == (["赵文"], ["周平"])  # not 赵文 → 赵文、周平
    assert ("2023-02-01", "教育") in handovers and not any(d == "2023-04-01" for d, _ in handovers)  # another city
    assert {(c.task_force.name, c.date) for c in got.task_forces_dissolved} >= {
        ("云州市数字经济发展领导小组", "2023-10-01"), ("云州市防汛抗旱指挥部", "2023-11-01")}
    assert not got.task_forces_new  # bodies named only in a dissolution are not new
    assert {(c.change, c.member.name, c.date) for c in got.members} == {
        ("left", "吴明", "2023-07-01"), ("joined", "陈星", "2023-07-01"), ("joined", "褚伟", "2023-09-01")}
