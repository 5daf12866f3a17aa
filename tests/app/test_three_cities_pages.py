"""The explorer on a store of three invented cities (tests/fixtures/three_cities: 云川市,
岭东市, 桐溪市; several 市财政局, three 市长, 王建国 and 陈刚 in two places each): the 变化
page, the sidebar's place filter, places in pickers and answers, answer cards with marked
evidence that opens the document at the sentence, the day applied on Enter and kept from
page to page, the open profile kept, the 责任链 pair in the URL, the network's fixes."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Iterator

import pytest
from app_support import APP
from streamlit.testing.v1 import AppTest
from test_pages import PAGES, drawn, links, texts

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from three_cities_notices import THREE_CITIES_DIR  # noqa: E402

CITIES = ["云川市", "岭东市", "桐溪市"]
EARLY, LATE = "yunchuan-2023-02.txt", "yunchuan-2023-06.txt"


@pytest.fixture()
def cities(cities_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("GOVKG_STORE", str(cities_store))
    monkeypatch.setenv("GOVKG_UPLOADS", str(tmp_path / "uploads"))
    yield cities_store


def open_page(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(PAGES[page])
    at.run()
    assert not at.exception, at.exception
    return at


def entity_id(store: Path, name: str, label: str, place: str) -> str:
    from graph.folder import StoreFolder
    from queries.linker import catalogue

    with StoreFolder(store).view() as view:
        found = [e.ref for e in catalogue(view).entries if e.ref.name == name and e.ref.label == label
                 and e.ref.place == place]
    assert found, (name, place)
    return found[0].id


def source_of(store: Path, file_name: str) -> str:
    from graph.folder import StoreFolder

    return next(d.source for d in StoreFolder(store).documents() if d.source.endswith(file_name))


def tables(at: AppTest) -> dict[str, list[dict]]:
    """The 变化 page's tables by section title (the markdown heading before each)."""
    heads = [m.value for m in at.markdown if m.value.startswith("#### ")]
    counts = {re.sub(r"^#### (.+)（\d+）$", r"\1", h): int(re.search(r"（(\d+)）$", h).group(1)) for h in heads}
    frames = iter(at.dataframe)
    return {name: (next(frames).value.to_dict("records") if n else []) for name, n in counts.items()}


# -------------------------------------------------------------------- 变化

def test_changes_between_two_dates_each_with_its_document(cities: Path) -> None:
    at = open_page("changes", since="2023-09-01")
    got = tables(at)
    assert {"郭峰 · 云川市"} <= {r["人员"] for r in got["任职：新任"]}
    assert {("刘洋 · 云川市", "免去")} <= {(r["人员"], r["方式"]) for r in got["任职：结束"]}
    handed = {(r["对象"], r["原"], r["现"], r["文件"]) for r in got["分工：交接"]}
    assert ("云川市财政局", "孙明远", "李慧敏", "云政办发〔2023〕30号") in handed
    members = {(r["成员"], r["变化"]) for r in got["成员变化"]}
    assert {("李慧敏 · 云川市", "加入"), ("郭峰 · 云川市", "加入"), ("刘洋 · 云川市", "退出")} <= members
    rows = [r for rs in got.values() for r in rs]
    assert rows and all(r["文件"] and "doc=" in r["打开"] for r in rows)  # every change with its document
    assert not got["议事协调机构：新设"]  # all set up before 2023-09-01


def test_changes_same_query_as_the_command(cities: Path) -> None:
    from graph.folder import StoreFolder
    from queries.changes import changes

    with StoreFolder(cities).view() as view:
        expected = changes(view, "2023-05-01")
    got = tables(open_page("changes", since="2023-05-01"))
    assert len(got["任职：新任"]) == len(expected.posts_new)
    assert len(got["议事协调机构：新设"]) == len(expected.task_forces_new) == 4
    assert len(got["成员变化"]) == len(expected.members)


def test_changes_between_two_gazettes(cities: Path) -> None:
    at = open_page("changes", a=source_of(cities, EARLY), b=source_of(cities, LATE))
    assert at.segmented_control(key="changes.mode").value == "两份公报之间"
    page = texts(at)
    assert "2023-06-02 之后 — 2023-11-08" in page
    got = tables(at)
    assert ("云川市财政局", "孙明远", "李慧敏") in {(r["对象"], r["原"], r["现"]) for r in got["分工：交接"]}
    # the picker names the gazettes relative to the store, never the server's path
    picker = at.selectbox(key="changes.a")
    assert picker.options and not any(str(THREE_CITIES_DIR) in o for o in picker.options)
    assert at.query_params["a"] in ("tests/fixtures/three_cities/" + EARLY, ["tests/fixtures/three_cities/" + EARLY])


def test_changes_kept_to_the_sidebar_place(cities: Path) -> None:
    got = tables(open_page("changes", since="2023-01-01", place="岭东市"))
    rows = [r for rs in got.values() for r in rs]
    assert rows and not any("云川" in str(r) or "桐溪" in str(r) for r in rows)
    assert any("岭东" in str(r) for r in rows)


def test_changes_bad_window_says_why(cities: Path) -> None:
    at = open_page("changes", since="2023-13-01")
    assert at.error and "日期" in at.error[0].value
    at = open_page("changes", a=source_of(cities, LATE), b=source_of(cities, EARLY))
    assert at.error and "无法比较" in at.error[0].value


# -------------------------------------------------------------------- the place filter

def test_place_filter_in_the_sidebar_and_in_links(cities: Path) -> None:
    at = open_page("search", q="谁分管市财政局")
    box = at.sidebar.selectbox(key="place")
    assert box.options == sorted(CITIES) and box.value is None
    box.set_value("岭东市")
    at.run()
    names = links(at)
    assert any("黄志雄" in n for n in names) and not any("李慧敏" in n or "钱卫东" in n for n in names)
    assert all("place=" in link.proto.query_string for link in at.get("page_link"))
    assert "岭东市" in next(m.value for m in at.markdown if "-badge[" in m.value)


@pytest.mark.parametrize("page", ["profile", "chain"])
def test_place_filter_narrows_pickers_and_pickers_show_places(cities: Path, page: str) -> None:
    every = open_page(page).selectbox[0].options
    assert sum(o.startswith("王建国（人员）") for o in every) == 2
    assert {"王建国（人员） · 云川市", "王建国（人员） · 桐溪市"} <= set(every)
    assert all(" · " in o or any(c[:2] in o for c in CITIES) for o in every if "（人员）" in o)
    only = open_page(page, place="桐溪市").selectbox[0].options
    assert "王建国（人员） · 桐溪市" in only and not any("云川" in o or "岭东" in o for o in only)


def test_place_filter_network_and_division(cities: Path) -> None:
    nodes = drawn(open_page("network", place="桐溪市"))["nodes"]
    assert {n["data"]["name"] for n in nodes if n["data"]["label"] == "TaskForce"} == {"桐溪市农村供水保障工作专班"}
    matrix = open_page("division", place="云川市").dataframe[0].value
    assert {c.split("（")[0] for c in matrix.columns} >= {"孙明远", "李慧敏", "王建国"}
    assert not {c.split("（")[0] for c in matrix.columns} & {"黄志雄", "钱卫东", "林晓燕"}


# -------------------------------------------------------------------- answers

@pytest.mark.parametrize("place", ["岭东市", "桐溪市"])
def test_console_examples_name_what_the_store_holds_in_the_place(cities: Path, place: str) -> None:
    from app.examples import CYPHER_EXAMPLES

    for name in CYPHER_EXAMPLES:
        at = open_page("cypher", place=place)
        at.selectbox(key="cypher.example").set_value(name)
        at.run()
        assert not at.exception and not at.error, (name, at.error)
        shown = at.dataframe[0].value if at.dataframe else None
        assert shown is not None and len(shown), name   # the example finds something in this store
        params = at.text_input[0].value
        assert "朔州" not in params and "武跃飞" not in params, params   # nothing of the seed
        if "$place" in at.text_area[0].value:
            assert place in params, params
    every = open_page("cypher", place=place)
    leaders = set(every.dataframe[0].value["领导"])
    assert leaders and leaders <= {"黄志雄", "钱卫东"}, leaders   # 市财政局 of that place only


def test_yes_no_and_numbers_are_shown_as_such_not_as_entities(cities: Path) -> None:
    at = open_page("search", q="桐溪农村供水保障专班一共有几个成员")
    assert [m.value for m in at.metric] == ["6"], [m.value for m in at.metric]
    assert not any(n.startswith("共") for n in links(at)) and "共6" not in "".join(links(at))
    per_place = open_page("search", q="每个市各有几位副市长")
    assert {(m.label, m.value) for m in per_place.metric} == {("云川市", "4"), ("岭东市", "4"), ("桐溪市", "3")}
    yes = open_page("search", q="郑伟是不是岭东市副市长")
    assert [s.value for s in yes.success] == ["是"] and not yes.error
    no = open_page("search", q="林晓燕分管岭东市公安局吗")
    assert [e.value for e in no.error] == ["否"] and not no.success


def test_answers_are_cards_grouped_by_place_with_marked_evidence(cities: Path) -> None:
    at = open_page("search", q="谁分管市财政局")
    page = texts(at)
    for city in CITIES:
        assert f"##### :material/location_on: {city}" in page
    cards = [m.value for m in at.markdown if "border-radius:.6em" in m.value and any(f"<small>{c}" in m.value for c in CITIES)]
    assert len(cards) == 3 and all(">人员</span>" in b for b in cards)
    marked = [m.value for m in at.markdown if "<mark" in m.value]
    assert marked and all(re.search(r"<mark[^>]*>(分管|市财政局)</mark>", m) for m in marked)
    assert "（Person）" not in page and "Person" not in "".join(m.value for m in at.markdown)


def test_answers_evidence_opens_the_document_at_the_sentence(cities: Path) -> None:
    at = open_page("search", q="谁分管市财政局")
    doc_links = [l.proto for l in at.get("page_link") if "doc=" in l.proto.query_string]
    assert doc_links and all(re.search(r"line=\d+", l.query_string) for l in doc_links), [l.query_string for l in doc_links]
    query = dict(p.split("=", 1) for p in doc_links[0].query_string.split("&"))
    from urllib.parse import unquote

    doc = open_page("documents", doc=unquote(query["doc"]), line=query["line"])
    assert any(f"第 {query['line']} 行" in m.value for m in doc.markdown)
    framed = next(m.value for m in doc.markdown if 'id="L' in m.value)
    assert f'id="L{query["line"]}"' in framed
    first_shown = int(re.search(r'<span style="color:#999;user-select:none">\s*(\d+)</span>', framed).group(1))
    assert int(query["line"]) - 3 <= first_shown <= int(query["line"])  # opens at the sentence, not the top


def test_documents_source_relative_to_the_store(cities: Path) -> None:
    at = open_page("documents")
    source = next(c.value for c in at.caption if c.value.startswith("来源："))
    assert "tests/fixtures/three_cities/" in source and str(THREE_CITIES_DIR) not in source


# -------------------------------------------------------------------- the day, the profile, the pair

def test_day_applies_on_enter_and_stays_when_moving_between_pages(cities: Path) -> None:
    at = open_page("search", q="谁分管市财政局")
    at.sidebar.text_input(key="as_of").input("2023-06-01")  # typed, then Enter
    at.run()
    assert "截至 2023-06-01" in next(m.value for m in at.markdown if "-badge[" in m.value)
    assert any("孙明远" in n for n in links(at)) and not any("李慧敏" in n for n in links(at))
    for page in ("division", "changes", "network"):
        at.switch_page(PAGES[page])
        at.run()
        assert not at.exception
        badges = [m.value for m in at.markdown if "-badge[" in m.value]
        if page == "changes":  # its window is its own time: no 截至 badge
            assert not any("截至" in b for b in badges), badges
        else:
            assert "截至 2023-06-01" in badges[0], page
        assert at.sidebar.text_input(key="as_of").value == "2023-06-01"


def test_profile_open_again_after_another_page(cities: Path) -> None:
    person = entity_id(cities, "王建国", "Person", "桐溪市")
    at = open_page("profile", id=person)
    assert any("王建国 · 桐溪市" in m.value for m in at.markdown)
    at.switch_page(PAGES["network"])
    at.query_params.pop("id", None)  # the navigation's link carries no id
    at.run()
    at.switch_page(PAGES["profile"])
    at.run()
    assert not at.exception
    assert any("王建国 · 桐溪市" in m.value for m in at.markdown)


def test_chain_pair_in_the_url(cities: Path) -> None:
    a = entity_id(cities, "赵立群", "Person", "云川市")
    b = entity_id(cities, "孙明远", "Person", "云川市")
    at = open_page("chain", a=a, b=b)
    assert at.radio(key="chain.mode").value == "两个实体之间的关系"
    assert any("条最短路径" in h.value for h in at.subheader)
    at = open_page("chain")
    at.radio(key="chain.mode").set_value("两个实体之间的关系").run()
    at.selectbox(key="chain.a").set_value(a).run()
    at.selectbox(key="chain.b").set_value(b).run()
    assert not at.exception
    assert at.query_params["a"] in (a, [a]) and at.query_params["b"] in (b, [b])


# -------------------------------------------------------------------- the network

def test_network_unit_filter_keeps_the_unit_and_places_every_node(cities: Path) -> None:
    office = entity_id(cities, "市商务局", "Organization", "云川市")
    at = open_page("network")
    at.multiselect(key="network.orgs").set_value([office]).run()
    nodes = drawn(at)["nodes"]
    assert office in {n["data"]["id"] for n in nodes}
    assert "云川市招商引资工作领导小组" in {n["data"]["name"] for n in nodes}
    at.toggle(key="network.units").set_value(True).run()
    nodes = drawn(at)["nodes"]
    spots = [(n["position"]["x"], n["position"]["y"]) for n in nodes]
    assert len(set(spots)) == len(nodes)  # every node laid out, none on another's spot


def test_network_expand_keeps_positions_and_captions_say_roles(cities: Path) -> None:
    tf = entity_id(cities, "云川市优化营商环境工作专班", "TaskForce", "云川市")
    at = open_page("network")
    at.multiselect(key="network.forces").set_value([tf]).run()
    before = {n["data"]["id"]: n["position"] for n in drawn(at)["nodes"]}
    captions = {e["data"]["caption"] for e in drawn(at)["edges"]}
    assert {"组长", "副组长", "成员"} <= captions
    person = entity_id(cities, "孙明远", "Person", "云川市")
    at.session_state["network.selected"] = person
    at.run()
    at.button(key="network.expand").click().run()
    after = {n["data"]["id"]: n["position"] for n in drawn(at)["nodes"]}
    assert len(after) > len(before)
    assert all(after[i] == p for i, p in before.items())
    hubs = [n for n in drawn(at)["nodes"] if n["data"]["minfont"] == 0]
    assert tf in {n["data"]["id"] for n in hubs}


def test_profile_title_never_repeats_its_body(app_env: Path, ids) -> None:  # type: ignore[no-untyped-def]
    """On the seed gazette 武跃飞 is 市委常委: not "市委市委常委" (issue 13)."""
    at = open_page("profile", id=ids("武跃飞", "Person"))
    page = texts(at)
    assert "市委常委" in page and "市委市委" not in page


def test_chain_steps_open_their_document_at_the_sentence(cities: Path) -> None:
    finance = entity_id(cities, "云川市财政局", "Organization", "云川市")
    at = open_page("chain", target=finance)
    opens = [l.proto.query_string for l in at.get("page_link") if l.proto.label.startswith("打开原文")]
    assert opens and all("line=" in q for q in opens)


# -------------------------------------------------------------------- what the place filter and the store show

def test_answer_evidence_and_cypher_follow_the_place_filter(cities: Path) -> None:
    at = open_page("search", q="谁分管市财政局", place="岭东市")
    evidence = next(e for e in at.expander if e.label.startswith("全部依据"))
    assert evidence.label == "全部依据（1）", evidence.label
    from urllib.parse import unquote

    sources = [unquote(link.proto.query_string) for link in evidence.get("page_link")]
    assert sources and all("doc=岭府办" in q for q in sources), sources  # 黄志雄's, not 云川's or 桐溪's
    cypher = next(e for e in at.expander if e.label.startswith("查询语句"))
    params = [c.value for c in cypher.caption]
    assert params and all("'place': '岭东市'" in p or "'place'" not in p for p in params), params
    assert not any("云川市" in p or "桐溪市" in p for p in params)
    assert all("$place" in c.value for c in cypher.code)
    every = open_page("search", q="谁分管市财政局")
    assert next(e for e in every.expander if e.label.startswith("全部依据")).label == "全部依据（3）"


def test_sidebar_names_the_store_by_its_folder(cities: Path) -> None:
    at = open_page("search")
    said = [c.value for c in at.sidebar.caption if c.value.startswith("图谱：")]
    assert said == [f"图谱：`{cities.name}`"] and str(cities.parent) not in said[0]


def test_example_questions_are_about_the_store(cities: Path) -> None:
    at = open_page("search")
    asked = [b.label for b in at.button if b.key and b.key.startswith("search.example.")]
    assert "谁分管云川市财政局" in asked and "云川市市长是谁" in asked
    assert any("云川市优化营商环境工作专班" in q for q in asked)
    assert not any(seed in q for q in asked for seed in ("武跃飞", "黄军", "雷惊春", "市能源局", "消防"))
    there = [b.label for b in open_page("search", place="岭东市").button if (b.key or "").startswith("search.example.")]
    assert "谁分管岭东市财政局" in there and "岭东市数字政府建设工作专班有哪些成员" in there
    for question in asked + there:
        clicked = open_page("search", q=question)
        assert clicked.subheader and clicked.subheader[0].value == "回答", question


def test_changes_page_shows_no_as_of_badge(cities: Path) -> None:
    page = texts(open_page("changes", since="2023-01-01", as_of="2023-07-01"))
    assert "截至 2023-07-01" not in page and "最新状态" not in page
