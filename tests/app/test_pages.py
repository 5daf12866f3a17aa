"""Every page of the explorer, driven through `streamlit.testing.v1.AppTest` on the seed graph:
each renders without exception, fast, and its widgets drive the queries they should."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from app_support import APP
from streamlit.testing.v1 import AppTest

PAGES = {
    "search": "app/pages/search.py",
    "profile": "app/pages/profile.py",
    "network": "app/pages/network.py",
    "chain": "app/pages/chain.py",
    "division": "app/pages/division.py",
    "changes": "app/pages/changes.py",
    "cypher": "app/pages/cypher.py",
    "documents": "app/pages/documents.py",
    "quality": "app/pages/quality.py",
}
RENDER_LIMIT_S = 2.0


def open_page(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(PAGES[page])
    at.run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    """Everything the page wrote, as one string to search."""
    parts: list[Any] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        parts += [getattr(e, "value", "") for e in getattr(at, kind)]
    parts += [str(getattr(e, "label", "")) for e in at.get("page_link")]
    parts += [e.label for e in at.expander]
    return "\n".join(str(p) for p in parts)


def links(at: AppTest) -> list[str]:
    return [str(e.proto.label) for e in at.get("page_link")]


def drawn(at: AppTest, index: int = 0) -> dict[str, Any]:
    """The nodes and edges handed to the graph widget (its JSON arguments)."""
    component = at.get("component_instance")[index]
    return json.loads(component.proto.json_args)["elements"]


def frames(at: AppTest) -> str:
    return "\n".join(df.value.to_string() for df in at.dataframe)


@pytest.mark.parametrize("page", list(PAGES))
def test_pages_render_fast_without_exception(app_env: Path, page: str) -> None:
    open_page("quality")  # opens the store once (a one-time cost per process, not a page's)
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page(PAGES[page])
    clock = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - clock
    assert not at.exception, at.exception
    assert elapsed < RENDER_LIMIT_S, f"{page} took {elapsed:.2f} s"


def test_pages_sidebar_names_store_and_counts(app_env: Path) -> None:
    at = open_page("search")
    sidebar = "\n".join(c.value for c in at.sidebar.caption)
    assert f"`{app_env.name}`" in sidebar and str(app_env.parent) not in sidebar and "个节点" in sidebar


# -------------------------------------------------------------------- 搜索与问答

@pytest.mark.parametrize("typed, expected", [
    ("发改委", "市发展和改革委员会"),
    ("武越飞", "武跃飞"),          # a homophone typo
    ("wuyuefei", "武跃飞"),        # pinyin
    ("五个一体化专班", "朔州市能源产业“五个一体化”融合发展工作专班"),
])
def test_search_links_names_to_entities(app_env: Path, typed: str, expected: str) -> None:
    at = open_page("search")
    at.text_input(key="q").set_value(typed)
    at.run()
    assert not at.exception
    assert not at.warning  # a name is not a problem
    assert any(expected in label for label in links(at)[:3]), links(at)


def test_search_example_button_fills_the_box(app_env: Path) -> None:
    at = open_page("search")
    at.button(key="search.example.0").click()
    at.run()
    assert at.text_input(key="q").value == "谁分管朔州市财政局"  # drawn from the store: its 市财政局, with its place


def test_search_question_is_answered_with_evidence(app_env: Path) -> None:
    at = open_page("search", q="谁分管市财政局")
    page = texts(at)
    assert at.subheader[0].value == "回答"
    assert any("武跃飞" in label for label in links(at))
    assert "朔政办发〔2023〕26号" in page
    assert any(c.language == "cypher" for c in at.code)


@pytest.mark.parametrize("question, expected", [
    ("市财政局由谁分管", "武跃飞"),
    ("黄军参加了哪些工作专班", "朔州市能源产业“五个一体化”融合发展工作专班"),
    ("雷惊春被免去了什么职务", "副院长"),
])
def test_search_answers_other_forms(app_env: Path, question: str, expected: str) -> None:
    at = open_page("search", q=question)
    assert at.subheader[0].value == "回答"
    assert expected in "\n".join(links(at)) + texts(at)


def test_search_unknown_question_offers_what_it_can_answer(app_env: Path) -> None:
    at = open_page("search", q="明天天气怎么样")
    assert at.info and "没有理解" in at.info[0].value
    assert "谁" in texts(at)


# -------------------------------------------------------------------- 档案

def test_profile_person_shows_posts_duties_task_forces(app_env: Path, ids) -> None:  # type: ignore[no-untyped-def]
    at = open_page("profile", id=ids("武跃飞", "Person"))
    page = texts(at)
    for heading in ("职务", "分管 / 主管的单位", "联系的单位", "参加的议事协调机构", "任免时间线"):
        assert heading in page
    assert any("市财政局" in label for label in links(at))
    assert "朔政办发〔2023〕26号" in frames(at)


def test_profile_organisation_names_its_leader(app_env: Path, ids) -> None:  # type: ignore[no-untyped-def]
    at = open_page("profile", id=ids("市财政局", "Organization"))
    assert any("武跃飞" in label for label in links(at))
    assert "分管" in frames(at)


def test_profile_task_force_lists_members_with_roles(app_env: Path, ids) -> None:  # type: ignore[no-untyped-def]
    at = open_page("profile", id=ids("朔州市能源产业“五个一体化”融合发展工作专班", "TaskForce"))
    table = frames(at)
    assert "武跃飞" in table and "组长" in table and "黄军" in table


def test_profile_appointments_timeline(app_env: Path, ids) -> None:  # type: ignore[no-untyped-def]
    at = open_page("profile", id=ids("雷惊春", "Person"))
    page = texts(at)
    assert "任命" in page and "朔州市艺术研究院" in page and "朔政干发〔2023〕5号" in page


def test_profile_picker_sets_the_url(app_env: Path, ids) -> None:  # type: ignore[no-untyped-def]
    at = open_page("profile")
    target = ids("黄军", "Person")
    at.selectbox(key="profile.pick").set_value(target)
    at.run()
    assert at.query_params["id"] == [target] or at.query_params["id"] == target
    assert "黄军" in texts(at)


def test_profile_stale_link_says_so(app_env: Path) -> None:
    at = open_page("profile", id="Person-0000000000000000")
    assert at.warning and "没有找到" in at.warning[0].value


# -------------------------------------------------------------------- 专班网络

def test_network_filters_by_task_force(app_env: Path, ids, seed_view) -> None:  # type: ignore[no-untyped-def]
    from queries.task_forces import members_of

    at = open_page("network")
    everything = {n["data"]["id"] for n in drawn(at)["nodes"]}
    tf = ids("朔州市能源产业“五个一体化”融合发展工作专班", "TaskForce")
    at.multiselect(key="network.forces").set_value([tf])
    at.run()
    assert not at.exception
    shown = {n["data"]["id"] for n in drawn(at)["nodes"]}
    assert shown == {tf} | {f.subject.id for f in members_of(seed_view, tf)}
    assert shown < everything
    colours = {n["data"]["label"] for n in drawn(at)["nodes"]}
    assert colours == {"Person", "TaskForce"}


def test_network_node_click_opens_side_panel(app_env: Path, ids) -> None:  # type: ignore[no-untyped-def]
    at = open_page("network")
    person = ids("黄军", "Person")
    at.session_state["network.selected"] = person  # what a click in the widget sets
    at.run()
    assert not at.exception
    panel = texts(at)
    assert "### 黄军" in panel and "同组人员" in panel
    assert any("打开档案" in label for label in links(at))


def test_network_expand_is_capped(app_env: Path, ids) -> None:  # type: ignore[no-untyped-def]
    at = open_page("network")
    tf = ids("朔州市能源产业“五个一体化”融合发展工作专班", "TaskForce")
    at.multiselect(key="network.forces").set_value([tf])
    at.run()
    before = at.caption[0].value
    at.session_state["network.selected"] = ids("黄军", "Person")
    at.run()
    at.button(key="network.expand").click()
    at.run()
    assert not at.exception
    assert at.caption[0].value != before
    assert len(drawn(at)["nodes"]) > int(before.split(" ")[0])


def test_network_lists_busiest_officials_and_overlaps(app_env: Path) -> None:
    at = open_page("network")
    busy, overlaps = at.dataframe[0].value, at.dataframe[1].value
    assert list(busy.columns) == ["人员", "专班数", "专班"] and len(busy) > 0
    assert busy["专班数"].is_monotonic_decreasing
    assert len(overlaps) > 0


# -------------------------------------------------------------------- 责任链

def test_chain_from_mayor_to_bureau(app_env: Path, ids) -> None:  # type: ignore[no-untyped-def]
    at = open_page("chain")
    at.selectbox(key="chain.target").set_value(ids("市财政局", "Organization"))
    at.run()
    assert not at.exception
    page = "\n".join(links(at)) + texts(at)
    assert "吴秀玲" in page and "武跃飞" in page and "市财政局" in page
    assert "朔政办发〔2023〕26号" in page


def test_chain_between_two_people(app_env: Path, ids) -> None:  # type: ignore[no-untyped-def]
    at = open_page("chain")
    at.radio(key="chain.mode").set_value("两个实体之间的关系")
    at.run()
    at.selectbox(key="chain.a").set_value(ids("黄军", "Person"))
    at.selectbox(key="chain.b").set_value(ids("武跃飞", "Person"))
    at.run()
    assert not at.exception
    assert any("路径 1" in m.value and "工作专班" in m.value for m in at.markdown)


# -------------------------------------------------------------------- 分工总览

def test_division_matrix_and_tree(app_env: Path) -> None:
    at = open_page("division")
    matrix = at.dataframe[0].value
    wu = next(c for c in matrix.columns if c.startswith("武跃飞"))
    assert matrix.loc["市财政局", wu] == "分管"
    at.segmented_control(key="division.view").set_value("市长 → 副市长 → 单位")
    at.run()
    assert not at.exception
    assert any(e.label.startswith("吴秀玲（市长）") for e in at.expander)
    tree = drawn(at)
    names = {n["data"]["id"]: n["data"]["name"] for n in tree["nodes"]}
    assert any(names[e["data"]["source"]].startswith("吴秀玲") and names[e["data"]["target"]].startswith("武跃飞")
               for e in tree["edges"])
    assert any(names[e["data"]["source"]].startswith("武跃飞") and names[e["data"]["target"]] == "市财政局"
               for e in tree["edges"])


def test_division_relation_filter(app_env: Path) -> None:
    at = open_page("division")
    at.multiselect(key="division.types").set_value(["LIAISES_WITH"])
    at.run()
    matrix = at.dataframe[0].value
    assert set(matrix.stack()) <= {"联系", ""}


# -------------------------------------------------------------------- Cypher

def test_cypher_default_example_runs(app_env: Path) -> None:
    at = open_page("cypher")
    assert "武跃飞" in frames(at)
    assert at.get("download_button")


def test_cypher_refuses_writes(app_env: Path) -> None:
    at = open_page("cypher")
    at.text_area[0].set_value("MATCH (n:Person) SET n.name = 'x' RETURN n")
    at.button(key="cypher.run").click()
    at.run()
    assert at.error and "只读" in at.error[0].value and "SET" in at.error[0].value


def test_cypher_graph_example(app_env: Path) -> None:
    at = open_page("cypher")
    at.selectbox(key="cypher.example").set_value("市领导与分管单位（图）")
    at.run()
    at.button(key="cypher.run").click()
    at.run()
    assert not at.exception and not at.error
    assert "(Person)" in frames(at)
    at.segmented_control(key="cypher.view").set_value("图")
    at.run()
    nodes = drawn(at)["nodes"]
    assert {n["data"]["label"] for n in nodes} == {"Person", "Organization"}
    assert drawn(at)["edges"]


def test_cypher_slow_query_is_stopped(app_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app import data

    monkeypatch.setattr(data, "CYPHER_TIMEOUT_S", 0.05)
    at = open_page("cypher")
    at.text_area[0].set_value("UNWIND range(1, 400000000) AS i RETURN sum(i) AS s")
    at.button(key="cypher.run").click()
    at.run()
    assert not at.exception
    assert at.warning and "秒被停止" in at.warning[0].value


def test_cypher_row_cap(app_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app import data

    monkeypatch.setattr(data, "CYPHER_ROW_LIMIT", 7)
    at = open_page("cypher")
    at.text_area[0].set_value("UNWIND range(1, 100) AS i RETURN i")
    at.button(key="cypher.run").click()
    at.run()
    assert len(at.dataframe[0].value) == 7 and any("只取了前 7 行" in c.value for c in at.caption)


def test_cypher_bad_params_are_reported(app_env: Path) -> None:
    at = open_page("cypher")
    at.text_input[0].set_value("{not json")
    at.button(key="cypher.run").click()
    at.run()
    assert at.error and "JSON" in at.error[0].value


# -------------------------------------------------------------------- 文档

def test_documents_show_facts_and_marked_text(app_env: Path) -> None:
    at = open_page("documents", doc="朔政干发〔2023〕5号")
    assert "雷惊春" in frames(at)
    marked = [m.value for m in at.markdown if "<mark" in m.value]
    assert marked and "雷惊春" in marked[0]


def test_documents_picker_lists_every_document(app_env: Path) -> None:
    at = open_page("documents")
    assert len(at.selectbox(key="documents.pick").options) >= 10


# -------------------------------------------------------------------- 数据质量

def test_quality_counts_and_checks(app_env: Path) -> None:
    at = open_page("quality")
    page = texts(at)
    for heading in ("节点（按类型）", "一个单位同时由多位领导分管", "未能对应到姓名的人员", "同名而分开的实体"):
        assert heading in page
    counts = at.dataframe[0].value
    assert set(counts["标签"]) >= {"Person", "Organization", "TaskForce"}
    assert int(counts.loc[counts["标签"] == "Person", "数量"].iloc[0]) > 50


# -------------------------------------------------------------------- first run

def test_first_run_builds_the_store_from_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app_support import SEED

    source = tmp_path / "data"
    source.mkdir()
    (source / SEED.name).write_bytes(SEED.read_bytes())
    store = tmp_path / "store"
    monkeypatch.setenv("GOVKG_STORE", str(store))
    monkeypatch.setenv("GOVKG_DATA", str(source))
    at = AppTest.from_file(APP, default_timeout=240)
    at.run()
    assert not at.exception
    assert (store / "manifest.json").exists()


def test_missing_store_without_data_says_how_to_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVKG_STORE", str(tmp_path / "store"))
    monkeypatch.setenv("GOVKG_DATA", str(tmp_path / "empty"))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert at.error and "govkg build" in at.error[0].value
