"""The sidebar's 截至日期 on every page: kept in the URL and in links, shown on the page, and
passed to every query. The store is built from the invented 临川市 notices of
tests/fixtures/as_of: 李文博 分管 市财政局 until 2023-09-01 (then 王志刚), and the
营商环境 task force's list of 2023-10-01 replaces 李文博 and 吴海峰 by 王志刚 and 陈嘉明.

Without a day the pages show the newest state; on 2023-06-01 the facts that ended later
show and those that began later do not.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterator

import pytest
from app_support import APP
from streamlit.testing.v1 import AppTest
from test_pages import PAGES, drawn, frames, links, texts

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from as_of_notices import CITY_TASK_FORCE, as_of_records  # noqa: E402

BEFORE = "2023-06-01"


@pytest.fixture(scope="session")
def city_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from graph.folder import write_store

    path = tmp_path_factory.mktemp("app-as-of") / "store"
    write_store(path, *as_of_records())
    return path


@pytest.fixture()
def city(city_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("GOVKG_STORE", str(city_store))
    monkeypatch.setenv("GOVKG_UPLOADS", str(tmp_path / "uploads"))
    yield city_store


def open_page(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(PAGES[page])
    at.run()
    assert not at.exception, at.exception
    return at


def entity_id(name: str, label: str) -> str:
    from graph.folder import StoreFolder
    from queries.linker import catalogue

    import os

    with StoreFolder(Path(os.environ["GOVKG_STORE"])).view() as view:
        return catalogue(view).link(name, [label], limit=1)[0].entity.id


def badge(at: AppTest) -> str:
    return next(m.value for m in at.markdown if "-badge[" in m.value)


@pytest.mark.parametrize("page", [p for p in PAGES if p != "changes"])  # 变化's window is its own time
def test_as_of_every_page_says_which_day(city: Path, page: str) -> None:
    assert "最新状态" in badge(open_page(page))
    at = open_page(page, as_of=BEFORE)
    assert f"截至 {BEFORE}" in badge(at)
    assert at.text_input(key="as_of").value == BEFORE


def test_as_of_control_changes_the_answer_and_the_url(city: Path) -> None:
    at = open_page("search", q="谁分管市财政局")
    assert any("王志刚" in label for label in links(at)) and not any("李文博" in label for label in links(at))
    at.text_input(key="as_of").input(BEFORE)  # what Enter sends
    at.run()
    assert not at.exception
    assert any("李文博" in label for label in links(at)) and not any("王志刚" in label for label in links(at))
    assert all(f"as_of={BEFORE}" in link.proto.query_string for link in at.get("page_link"))
    at.text_input(key="as_of").input("")
    at.run()
    assert any("王志刚" in label for label in links(at))
    assert not any("as_of" in link.proto.query_string for link in at.get("page_link"))


def test_as_of_links_and_other_pages_keep_the_day(city: Path) -> None:
    at = open_page("search", q="谁分管市财政局", as_of=BEFORE)
    pages = [link.proto for link in at.get("page_link")]
    assert pages and all(f"as_of={BEFORE}" in p.query_string for p in pages)
    at.switch_page(PAGES["division"])
    at.run()
    assert f"截至 {BEFORE}" in badge(at)


def test_as_of_link_with_no_day_says_so(city: Path) -> None:
    at = open_page("search", as_of="2023-99-99")
    assert at.sidebar.warning and "不是日期" in at.sidebar.warning[0].value
    assert "最新状态" in badge(at)


def test_as_of_profile_person_ended_duties_and_seats(city: Path) -> None:
    person = entity_id("李文博", "Person")
    now = open_page("profile", id=person)
    page = texts(now)
    assert "分管 / 主管的单位（1）" in page and "已结束的分工与专班职务（3）" in page
    ended = now.dataframe[-1].value
    assert set(ended["名称"]) == {"市财政局", "财政", CITY_TASK_FORCE}
    assert set(ended["状态"]) == {"已结束"} and set(ended["止"]) == {"2023-09-01", "2023-10-01"}
    then = texts(open_page("profile", id=person, as_of=BEFORE))
    assert "分管 / 主管的单位（2）" in then and "已结束的分工与专班职务" not in then
    assert "参加的议事协调机构（1）" in then


def test_as_of_profile_task_force_members(city: Path) -> None:
    tf = entity_id(CITY_TASK_FORCE, "TaskForce")
    now = open_page("profile", id=tf)
    members, former = now.dataframe[0].value, now.dataframe[1].value
    assert set(members["名称"]) == {"王志刚", "钱立新", "郑晓东", "陈嘉明"}
    assert set(former["名称"]) == {"李文博", "吴海峰"} and set(former["止"]) == {"2023-10-01"}
    then = open_page("profile", id=tf, as_of=BEFORE)
    assert set(then.dataframe[0].value["名称"]) == {"李文博", "钱立新", "吴海峰", "郑晓东"}
    assert "原成员" not in texts(then)


def test_as_of_profile_organisation_leaders(city: Path) -> None:
    finance = entity_id("市财政局", "Organization")
    assert "王志刚" in frames(open_page("profile", id=finance))
    assert "李文博" not in frames(open_page("profile", id=finance))
    then = frames(open_page("profile", id=finance, as_of=BEFORE))
    assert "李文博" in then and "王志刚" not in then


def test_as_of_division_matrix(city: Path) -> None:
    def leaders_of_finance(at: AppTest) -> set[str]:
        matrix = at.dataframe[0].value
        return {c.split("（")[0] for c in matrix.columns if matrix.loc["市财政局", c]}

    assert leaders_of_finance(open_page("division")) == {"王志刚"}
    assert leaders_of_finance(open_page("division", as_of=BEFORE)) == {"李文博"}


def test_as_of_network_members(city: Path) -> None:
    def people(at: AppTest) -> set[str]:
        return {n["data"]["name"] for n in drawn(at)["nodes"] if n["data"]["label"] == "Person"}

    assert people(open_page("network")) == {"王志刚", "钱立新", "郑晓东", "陈嘉明"}
    assert people(open_page("network", as_of=BEFORE)) == {"李文博", "钱立新", "吴海峰", "郑晓东"}


def test_as_of_chain(city: Path) -> None:
    finance = entity_id("市财政局", "Organization")
    now = "\n".join(links(open_page("chain", target=finance)))
    assert "王志刚" in now and "李文博" not in now
    then = "\n".join(links(open_page("chain", target=finance, as_of=BEFORE)))
    assert "李文博" in then and "王志刚" not in then


def test_as_of_cypher_binds_the_day(city: Path) -> None:
    now = open_page("cypher")  # the first example: who 分管 市财政局, on $as_of
    assert "王志刚" in frames(now) and "李文博" not in frames(now)
    then = open_page("cypher", as_of=BEFORE)
    assert "李文博" in frames(then) and "王志刚" not in frames(then)


def test_as_of_document_after_the_day_is_marked(city: Path) -> None:
    at = open_page("documents", doc="临政办函〔2023〕40号", as_of=BEFORE)
    assert at.info and "晚于截至日期" in at.info[0].value
    assert not open_page("documents", doc="临政办函〔2023〕40号").info
