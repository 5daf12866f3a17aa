"""The explorer's parts without a page: the console's write refusal and result shapes,
uploads (names, limits, preview, add, failure), the graph wrapper's layouts, the
network's filters and caps, the examples against the schema, the offline config."""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from pathlib import Path

import pytest
from app_support import ROOT, build_seed_store

from app import results, uploads
from app.data import write_clause
from app.examples import CYPHER_EXAMPLES
from app.graph_view import BROWSER_LAYOUT_MAX, GraphEdge, GraphNode, choose_layout, elements, role_group
from app.network import EXPAND_CAP, Filters, draw, filtered, within_budget
from graph.model import SCHEMA
from queries.records import EntityRef, Evidence, Fact

FIXTURES = Path(__file__).parent / "fixtures"


# -------------------------------------------------------------------- Cypher console

@pytest.mark.parametrize("query, clause", [
    ("MATCH (n:Person) RETURN n.name", None),
    ("match (n) set n.name = 'x'", "SET"),
    ("CREATE (n:Person {id: 'x'})", "CREATE"),
    ("MATCH (n) DETACH DELETE n", "DETACH"),
    ("MERGE (n:Person {id: $id})", "MERGE"),
    ("MATCH (n {name: 'CREATE'}) RETURN n", None),          # inside a string
    ("// DELETE everything\nMATCH (n) RETURN n", None),     # inside a comment
    ("LOAD FROM 'http://example.org/x.csv' RETURN *", "LOAD"),
    ("INSTALL httpfs", "INSTALL"),
    ("MATCH (n) RETURN n.created_at", None),                # a word that only contains CREATE
    ("MATCH (n) RETURN n.load AS load, n.copy AS copy", None),  # properties and aliases
    ("MATCH (n {set: 1}) RETURN n", None),                  # a map key
    ("MATCH (p:Person) REMOVE p.name", "REMOVE"),
    ("CALL timeout=0", "CALL"),                              # a setting
    ("CALL show_tables() RETURN *", None),                   # a read-only table function
    ("RETURN 1; CHECKPOINT", "CHECKPOINT"),
])
def test_console_write_clause(query: str, clause: str | None) -> None:
    assert write_clause(query) == clause


def test_console_results_graph_from_rows() -> None:
    a = {"_label": "Person", "id": "p1", "name": "武跃飞"}
    b = {"_label": "Organization", "id": "o1", "name": "市财政局"}
    r = {"_type": "IN_CHARGE_OF", "id": "r1"}
    path = {"nodes": [a, b], "rels": [{"_type": "IN_CHARGE_OF", "id": "r1"}]}
    nodes, edges = results.graph_of([(a, r, b), (path,)])
    assert {n.id for n in nodes} == {"p1", "o1"}
    assert [(e.source, e.target, e.type) for e in edges] == [("p1", "o1", "IN_CHARGE_OF")]
    assert results.cell(a) == "(Person) 武跃飞" and results.cell(["x", "y"]) == "x、y"


def test_console_csv_opens_in_excel() -> None:
    data = results.to_csv(["领导", "单位"], [("武跃飞", "市财政局")])
    assert data.startswith("\ufeff".encode()) and "武跃飞,市财政局" in data.decode("utf-8-sig")


@pytest.mark.parametrize("name", list(CYPHER_EXAMPLES))
def test_examples_use_schema_names_and_known_placeholders(name: str) -> None:
    """Each example names schema labels and types only, writes nothing, and takes its values
    from the store through placeholders app.data fills (they run in test_pages and
    test_three_cities_pages, on the seed and on three cities)."""
    text, params = CYPHER_EXAMPLES[name]
    for label in re.findall(r"\(\w*:(\w+)", text):
        assert label in SCHEMA.nodes, label
    for rtype in re.findall(r"\[\w*:(\w+)", text):
        assert rtype in SCHEMA.relationships, rtype
    assert write_clause(text) is None
    for value in params.values():
        if isinstance(value, str) and value.startswith("{"):
            assert value[1:-1] in ("org_name", "leader", "place", "number"), value
    assert set(re.findall(r"\$(\w+)", text)) <= {*params, "as_of"}, "every $param has a value"


# -------------------------------------------------------------------- uploads

@pytest.mark.parametrize("name, expected", [
    ("公报.txt", r"公报-[0-9a-f]{8}\.txt"),
    ("../../etc/passwd.TXT", r"passwd-[0-9a-f]{8}\.txt"),
    ("C:\\Users\\x\\朔州 2023 (4).pdf", r"朔州_2023_4-[0-9a-f]{8}\.pdf"),
    ("...docx", r"gazette-[0-9a-f]{8}\.docx"),
])
def test_uploads_safe_name(name: str, expected: str) -> None:
    assert re.fullmatch(expected, uploads.safe_name(name, b"x"))


@pytest.mark.parametrize("name, data, message", [
    ("a.exe", b"MZ", "不支持"),
    ("noext", b"x", "不支持"),
    ("a.txt", b"", "空"),
    ("a.pdf", b"not a pdf", "不符"),
    ("a.docx", b"plain text", "不符"),
    ("a.txt", b"x" * (uploads.MAX_BYTES + 1), "太大"),
])
def test_uploads_refused_before_parsing(name: str, data: bytes, message: str) -> None:
    with pytest.raises(uploads.UploadError, match=message):
        uploads.preview(name, data)


def test_uploads_preview_then_add(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVKG_UPLOADS", str(tmp_path / "uploads"))
    store = build_seed_store(tmp_path / "store")
    before = json.loads((store / "manifest.json").read_text(encoding="utf-8"))
    data = (FIXTURES / "appointment_notice.txt").read_bytes()

    preview = uploads.preview("任免通知.txt", data)
    assert preview.documents == [("朔政干发〔2023〕9号", "2023-09-06")]
    assert {(a.s, a.rel) for a in preview.assertions} >= {("张明远", "任命"), ("王建国", "免去")}
    assert all(a.source == preview.name for a in preview.assertions)
    assert not (tmp_path / "uploads").exists()  # a preview keeps nothing

    from graph.folder import StoreFolder

    sources = sorted({d.source for d in StoreFolder(store).documents()})
    outcome = uploads.add(preview, [Path(s) for s in sources], store)
    assert outcome.ok, outcome.log
    assert outcome.kept == tmp_path / "uploads" / preview.name and outcome.kept.exists()
    after = json.loads((store / "manifest.json").read_text(encoding="utf-8"))
    assert after["documents"] == before["documents"] + 1
    names = {a.s for a in StoreFolder(store).assertions()}
    assert {"张明远", "雷惊春"} <= names  # the new notice and the seed gazette both


def test_uploads_failed_add_leaves_the_graph_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVKG_UPLOADS", str(tmp_path / "uploads"))
    store = build_seed_store(tmp_path / "store")
    manifest = (store / "manifest.json").read_bytes()
    preview = uploads.preview("x.txt", (FIXTURES / "appointment_notice.txt").read_bytes())
    monkeypatch.setattr(uploads, "BUILD_TIMEOUT_S", 0.001)  # the build is cut off
    outcome = uploads.add(preview, [], store)
    assert not outcome.ok and "图谱未改变" in outcome.log
    assert (store / "manifest.json").read_bytes() == manifest
    assert not (tmp_path / "uploads" / preview.name).exists()


def test_uploads_unparseable_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(uploads.UploadError):
        uploads.preview("坏文件.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 10)


# -------------------------------------------------------------------- graph widget

def test_graph_layout_in_browser_up_to_the_limit_then_preset() -> None:
    small = [GraphNode(f"n{i}", "Person", f"p{i}") for i in range(10)]
    layout, positions = choose_layout(small, [])
    assert layout["name"] == "fcose" and positions is None
    # the widget lays out again only when its layout changes: a new node set must change it
    assert choose_layout(small[:5], [])[0] != layout and choose_layout(small, [])[0] == layout
    big = [GraphNode(f"n{i}", "Person" if i % 20 else "TaskForce", f"p{i}") for i in range(BROWSER_LAYOUT_MAX + 500)]
    edges = [GraphEdge(f"e{i}", f"n{i}", f"n{(i // 20) * 20}", "MEMBER_OF", "成员") for i in range(len(big)) if i % 20]
    layout, positions = choose_layout(big, edges)
    assert isinstance(layout, dict) and layout["name"] == "preset"
    assert positions is not None and set(positions) == {n.id for n in big}
    drawn = elements(big, edges, positions)
    assert all("position" in n for n in drawn["nodes"])


def test_graph_elements_drop_edges_to_nodes_not_drawn() -> None:
    nodes = [GraphNode("a", "Person", "甲"), GraphNode("t", "TaskForce", "专班")]
    edges = [GraphEdge("1", "a", "t", "MEMBER_OF", "组长"), GraphEdge("2", "a", "x", "MEMBER_OF", "成员")]
    drawn = elements(nodes, edges)
    assert [e["data"]["id"] for e in drawn["edges"]] == ["1"]
    assert drawn["edges"][0]["data"]["caption"] == "组长"  # the role, as people say it


@pytest.mark.parametrize("role, group", [
    ("组长", "lead"), ("第一组长", "lead"), ("副组长", "deputy"), ("常务副组长", "deputy"),
    ("成员", "member"), ("成员单位", "member"), ("办公室主任", "office"), ("联络员", "office"),
    ("牵头单位", "lead"), (None, "other"),
])
def test_graph_role_groups(role: str | None, group: str) -> None:
    assert role_group(role) == group


def test_graph_schema_roles_all_have_a_group() -> None:
    for rtype in ("MEMBER_OF", "UNIT_OF"):
        for role in SCHEMA.relationships[rtype].roles:
            assert role_group(role) in ("lead", "deputy", "office", "member")


# -------------------------------------------------------------------- network filters

def _ref(i: str, label: str) -> EntityRef:
    return EntityRef(i, label, i)


def _member(person: str, tf: str, role: str = "成员") -> Fact:
    return Fact(_ref(person, "Person"), "MEMBER_OF", _ref(tf, "TaskForce"), role, Evidence("D", None, None))


def test_network_filters_and_expand_cap() -> None:
    facts = [_member("p0", "t1", "组长")] + [_member(f"p{i}", "t2") for i in range(1, 40)] + [_member("p0", "t2")]
    assert {f.object.id for f in filtered(facts, Filters(task_forces=("t1",)))} == {"t1"}
    assert {f.subject.id for f in filtered(facts, Filters(roles=("组长",)))} == {"p0"}
    assert {f.object.id for f in filtered(facts, Filters(around="p0"))} == {"t1", "t2"}
    view = draw(facts, Filters(task_forces=("t1",)), {"p0": EXPAND_CAP})
    assert len(view.facts) == 2  # p0 -> t1, and p0's other task force
    view = draw(facts, Filters(task_forces=("t1",)), {"t2": EXPAND_CAP})
    assert len(view.facts) == 1 + EXPAND_CAP and view.hidden["t2"] == 40 - EXPAND_CAP


def test_network_draws_the_biggest_groups_within_budget() -> None:
    facts = [_member(f"a{i}", "big") for i in range(30)] + [_member(f"b{i}", "mid") for i in range(10)] \
        + [_member(f"c{i}", "small") for i in range(5)]
    assert within_budget(facts, 100) == (facts, 0)
    kept, left_out = within_budget(facts, 45)
    assert {f.object.id for f in kept} == {"big", "mid"} and left_out == 1


# -------------------------------------------------------------------- offline and the command

def test_config_keeps_the_app_offline_and_local() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"
    assert config["browser"]["gatherUsageStats"] is False


def test_app_never_imports_extract() -> None:
    for path in [ROOT / "streamlit_app.py", *(ROOT / "app").rglob("*.py")]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import) extract\b", text, re.M), path


def test_ui_command_listens_on_loopback() -> None:
    from typer.testing import CliRunner

    from govkg.cli import app
    from govkg.commands.ui_cmd import streamlit_command

    line = streamlit_command(8600)
    assert line[line.index("--server.address") + 1] == "127.0.0.1"
    assert line[line.index("--server.port") + 1] == "8600"
    result = CliRunner().invoke(app, ["ui", "--help"])
    assert result.exit_code == 0 and "--store" in result.output and "--port" in result.output


def test_scripts_run_opens_the_ui() -> None:
    text = (ROOT / "scripts" / "run").read_text(encoding="utf-8")
    assert "govkg build data/" in text and text.rstrip().endswith("exec .venv/bin/govkg ui")
    assert shutil.which("bash")


def test_support_picker_labels_tell_places_apart() -> None:
    from app.ui import picker_labels
    from queries.records import EntityRef

    refs = [EntityRef("a", "Organization", "市财政局", place="朔州市"),
            EntityRef("b", "Organization", "市财政局", place="上海市"),
            EntityRef("c", "Person", "武跃飞", place="朔州市")]
    assert picker_labels(refs) == {"a": "市财政局（机构） · 朔州市", "b": "市财政局（机构） · 上海市", "c": "武跃飞（人员）"}
