"""The explorer in a real browser: Debian's Chromium, headless, through Playwright's Python API.

The app runs on loopback against a store built from the seed gazette; every request the
page makes is intercepted and any that would leave the machine fails the test (offline
is a requirement, not a hope). The test asks a question, opens a profile, clicks a node
of the task-force network, and leaves screenshots in test-artifacts/ for people to look at.
A second app, on the invented 临川市 notices of tests/fixtures/as_of, is asked the same
question on a day chosen in the sidebar's 截至日期, and keeps the day in the URL.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import quote, urlsplit

import pytest
from app_support import ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage"]
IN_CI = os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def chromium() -> Path:
    if not CHROMIUM.exists():
        msg = "needs Debian's chromium at /usr/bin/chromium (apt-get install chromium fonts-noto-cjk)"
        if IN_CI:
            pytest.fail(msg, pytrace=False)
        pytest.skip(msg)
    try:
        import playwright  # noqa: F401
    except ImportError:
        if IN_CI:
            pytest.fail("needs the playwright Python package", pytrace=False)
        pytest.skip("needs the playwright Python package")
    return CHROMIUM


@pytest.fixture(scope="module")
def server(seed_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`streamlit run streamlit_app.py` on a free loopback port against the seed store."""
    with _streamlit(seed_store, tmp_path_factory) as url:
        yield url


@pytest.fixture(scope="module")
def city_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app against a store of the 临川市 notices, whose later notices end facts."""
    from graph.folder import write_store

    sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
    from as_of_notices import as_of_records

    store = tmp_path_factory.mktemp("city") / "store"
    write_store(store, *as_of_records())
    with _streamlit(store, tmp_path_factory) as url:
        yield url


@contextmanager
def _streamlit(store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    log = tmp_path_factory.mktemp("streamlit") / "streamlit.log"
    env = {**os.environ, "GOVKG_STORE": str(store),
           "GOVKG_UPLOADS": str(tmp_path_factory.mktemp("uploads"))}
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"),
             "--server.address", "127.0.0.1", "--server.port", str(port), "--server.headless", "true",
             "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"streamlit did not start:\n{log.read_text()[-3000:]}", pytrace=False)
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def _settle(page) -> None:  # type: ignore[no-untyped-def]
    """Wait until Streamlit has finished the run and the tables have drawn, for the screenshot."""
    page.wait_for_load_state("networkidle")
    page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden", timeout=30_000)
    page.wait_for_timeout(1500)


def _is_loopback(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "chrome", "chrome-extension"):
        return True
    return (parts.hostname or "") in LOOPBACK_HOSTS


def test_browser_question_profile_and_network_click(chromium: Path, server: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    outside: list[str] = []

    def guard(route) -> None:  # type: ignore[no-untyped-def]
        if _is_loopback(route.request.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1500, "height": 1000}, locale="zh-CN")
        context.route("**/*", guard)
        page = context.new_page()
        page.on("websocket", lambda ws: None if _is_loopback(ws.url) else outside.append(ws.url))
        try:
            # 1. ask a question
            page.goto(f"{server}/", wait_until="domcontentloaded")
            box = page.get_by_label("输入名称或问题")
            box.wait_for(timeout=30_000)
            box.fill("谁分管市财政局")
            box.press("Enter")
            expect(page.get_by_role("heading", name="回答")).to_be_visible(timeout=30_000)
            answer_link = page.get_by_role("link", name="武跃飞").first
            expect(answer_link).to_be_visible()
            expect(page.get_by_text("朔政办发〔2023〕26号").first).to_be_visible()
            _settle(page)
            page.screenshot(path=str(ARTIFACTS / "1-search-answer.png"), full_page=True)

            # 2. open the profile it links to
            answer_link.click()
            expect(page.get_by_role("heading", name="武跃飞")).to_be_visible(timeout=30_000)
            expect(page.get_by_text("分管 / 主管的单位").first).to_be_visible()
            assert "/profile" in page.url
            _settle(page)
            page.screenshot(path=str(ARTIFACTS / "2-profile.png"), full_page=True)

            # 3. click a node in the task-force network
            page.goto(f"{server}/network", wait_until="domcontentloaded")
            frame_el = page.locator("iframe[title*='govkg_graph']").first
            frame_el.wait_for(timeout=30_000)
            frame = frame_el.content_frame
            frame.locator("#cy canvas").first.wait_for(timeout=30_000)
            # wait until the layout has settled, then find a person's node on screen
            target = None
            for _ in range(60):
                target = frame.locator("#cy").evaluate(
                    """el => {
                        const cy = el._cyreg && el._cyreg.cy;
                        if (!cy || cy.nodes().length === 0) return null;
                        const n = cy.nodes('[label = "Person"]').filter(x => x.data('name') === '黄军');
                        const node = n.length ? n[0] : cy.nodes('[label = "Person"]')[0];
                        const p = node.renderedPosition();
                        const box = el.getBoundingClientRect();
                        return {name: node.data('name'), x: box.left + p.x, y: box.top + p.y,
                                w: box.width, h: box.height};
                    }""")
                if target and 0 < target["x"] < target["w"] and 0 < target["y"] < target["h"]:
                    break
                page.wait_for_timeout(250)
            assert target, "no node drawn in the network"
            page.wait_for_timeout(1200)  # the layout animates for 500 ms
            target = frame.locator("#cy").evaluate(
                """(el, name) => {
                    const cy = el._cyreg.cy;
                    const node = cy.nodes().filter(x => x.data('name') === name)[0];
                    const p = node.renderedPosition();
                    const box = el.getBoundingClientRect();
                    return {name: name, x: box.left + p.x, y: box.top + p.y};
                }""", target["name"])
            box_iframe = frame_el.bounding_box()
            assert box_iframe is not None
            page.mouse.click(box_iframe["x"] + target["x"], box_iframe["y"] + target["y"])
            expect(page.get_by_role("heading", name=target["name"])).to_be_visible(timeout=30_000)
            expect(page.get_by_role("link", name="打开档案")).to_be_visible()
            _settle(page)
            page.screenshot(path=str(ARTIFACTS / "3-network-click.png"), full_page=True)
        finally:
            context.close()
            browser.close()
    assert not outside, f"requests left the machine: {outside}"


def test_browser_as_of_date_control(chromium: Path, city_server: str) -> None:
    """The sidebar's 截至日期 changes the answer, goes into the URL, and stays there when a
    link is followed."""
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    outside: list[str] = []

    def guard(route) -> None:  # type: ignore[no-untyped-def]
        if _is_loopback(route.request.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1500, "height": 1000}, locale="zh-CN")
        context.route("**/*", guard)
        page = context.new_page()
        try:
            page.goto(f"{city_server}/?q={quote('谁分管市财政局')}", wait_until="domcontentloaded")
            expect(page.get_by_role("link", name="王志刚").first).to_be_visible(timeout=30_000)
            expect(page.get_by_text("最新状态").first).to_be_visible()

            day = page.locator("[data-testid='stSidebar']").get_by_role("textbox", name="截至日期 / as of")
            day.fill("2023-06-01")
            day.press("Enter")  # applies on Enter, without leaving the field
            expect(page.get_by_role("link", name="李文博").first).to_be_visible(timeout=30_000)
            expect(page.get_by_text("截至 2023-06-01").first).to_be_visible()
            assert "as_of=2023-06-01" in page.url
            assert page.get_by_role("link", name="王志刚").count() == 0
            _settle(page)
            page.screenshot(path=str(ARTIFACTS / "4-as-of-answer.png"), full_page=True)

            page.get_by_role("link", name="李文博").first.click()
            expect(page.get_by_role("heading", name="李文博")).to_be_visible(timeout=30_000)
            expect(page.get_by_text("分管 / 主管的单位（2）").first).to_be_visible()
            assert "/profile" in page.url and "as_of=2023-06-01" in page.url

            page.get_by_role("link", name="分工总览").click()
            expect(page.get_by_role("heading", name="分工总览")).to_be_visible(timeout=30_000)
            expect(page.get_by_text("截至 2023-06-01").first).to_be_visible()
            assert "as_of=2023-06-01" in page.url
        finally:
            context.close()
            browser.close()
    assert not outside, f"requests left the machine: {outside}"


# ----------------------------------------------------------------------------- issue 13

@pytest.fixture(scope="module")
def cities_server(cities_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app against the three invented cities (云川市, 岭东市, 桐溪市)."""
    with _streamlit(cities_store, tmp_path_factory) as url:
        yield url


@contextmanager
def _browser(chromium: Path) -> Iterator[tuple[object, list[str]]]:
    """A page in headless Chromium whose requests may not leave the machine."""
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    outside: list[str] = []

    def guard(route) -> None:  # type: ignore[no-untyped-def]
        if _is_loopback(route.request.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1500, "height": 1000}, locale="zh-CN")
        context.route("**/*", guard)
        page = context.new_page()
        page.on("websocket", lambda ws: None if _is_loopback(ws.url) else outside.append(ws.url))
        try:
            yield page, outside
        finally:
            context.close()
            browser.close()
    assert not outside, f"requests left the machine: {outside}"


def _badge(page) -> str:  # type: ignore[no-untyped-def]
    return page.locator("[data-testid='stMarkdownContainer']").filter(has_text="关系").first.inner_text()


def test_browser_places_answers_day_and_changes(chromium: Path, cities_server: str) -> None:
    """Answer cards grouped by place with marked evidence; the sidebar's 地方 narrows them and
    goes into the URL; the day applies on Enter and stays when the 变化 page is opened from
    the navigation; the 变化 page lists what changed, each with its document."""
    from playwright.sync_api import expect

    with _browser(chromium) as (page, _):
        page.goto(f"{cities_server}/?q={quote('谁分管市财政局')}", wait_until="domcontentloaded")
        expect(page.get_by_role("heading", name="回答")).to_be_visible(timeout=30_000)
        for city in ("云川市", "岭东市", "桐溪市"):
            expect(page.get_by_role("heading", name=city)).to_be_visible()
        expect(page.locator("mark").filter(has_text="市财政局").first).to_be_visible()
        expect(page.get_by_role("link", name="李慧敏 · 云川市").first).to_be_visible()
        _settle(page)
        page.screenshot(path=str(ARTIFACTS / "5-answer-cards-by-place.png"), full_page=True)

        # the place filter, in the sidebar and the URL
        sidebar = page.locator("[data-testid='stSidebar']")
        sidebar.locator("[data-testid='stSelectbox']").filter(has_text="地方").click()
        page.get_by_role("option", name="岭东市").click()
        expect(page.get_by_role("link", name="李慧敏 · 云川市")).to_have_count(0, timeout=30_000)
        expect(page.get_by_role("link", name="黄志雄 · 岭东市").first).to_be_visible()
        page.wait_for_function("() => location.search.includes('place=')", timeout=30_000)

        # the day, applied on Enter
        day = sidebar.get_by_role("textbox", name="截至日期 / as of")
        day.fill("2023-06-01")
        day.press("Enter")
        expect(page.get_by_text("截至 2023-06-01").first).to_be_visible(timeout=30_000)
        _settle(page)
        page.screenshot(path=str(ARTIFACTS / "6-place-filter-and-day.png"), full_page=True)

        # the 变化 page, from the navigation: the day and the place are kept
        sidebar.get_by_role("link", name="变化").click()
        expect(page.get_by_role("heading", name="变化")).to_be_visible(timeout=30_000)
        expect(page.get_by_text("只显示这个地方的变化").first).to_be_visible(timeout=30_000)
        expect(page.get_by_text("截至 2023-06-01")).to_have_count(0)  # its window is its own time
        expect(sidebar.get_by_role("textbox", name="截至日期 / as of")).to_have_value("2023-06-01")
        assert "as_of=2023-06-01" in page.url and "place=" in page.url
        since = page.get_by_role("textbox", name="从（不含）")
        since.fill("2023-01-01")
        since.press("Enter")
        expect(page.get_by_text("任职：新任").first).to_be_visible(timeout=30_000)
        expect(page.get_by_text("议事协调机构：新设（2）").first).to_be_visible()
        assert "since=2023-01-01" in page.url
        _settle(page)
        page.screenshot(path=str(ARTIFACTS / "7-changes-page.png"), full_page=True)

        page.get_by_text("两份公报之间").first.click()
        expect(page.get_by_text("较早的公报").first).to_be_visible(timeout=30_000)


_CY_STATE = """el => {
    const cy = el._cyreg && el._cyreg.cy;
    if (!cy || cy.nodes().length === 0) return null;
    const box = el.getBoundingClientRect();
    return {zoom: cy.zoom(), w: box.width, h: box.height,
            nodes: cy.nodes().map(n => ({id: n.id(), name: n.data('name'), label: n.data('label'),
                x: n.position('x'), y: n.position('y'), rx: n.renderedPosition('x'), ry: n.renderedPosition('y'),
                font: parseFloat(n.style('font-size')), min: parseFloat(n.style('min-zoomed-font-size'))})),
            captions: cy.edges().map(e => e.data('caption'))};
}"""


def _cy(frame):  # type: ignore[no-untyped-def]
    return frame.locator("#cy").evaluate(_CY_STATE)


def _wait_cy(page, frame, check, what: str):  # type: ignore[no-untyped-def]
    state = None
    for _ in range(120):
        state = _cy(frame)
        if state and check(state):
            return state
        page.wait_for_timeout(250)
    raise AssertionError(f"network: {what}; last state: {state and len(state['nodes'])} nodes")


def test_browser_network_positions_labels_and_chinese(chromium: Path, server: str) -> None:
    """The 专班网络 on the seed gazette: expanding a task force adds its units and moves no
    node; with the member units shown every node has a spot of its own; the hubs' names are
    readable with the whole graph in view; edges say 组长, 成员单位 …; the widget speaks Chinese."""
    from playwright.sync_api import expect

    with _browser(chromium) as (page, _):
        page.goto(f"{server}/network", wait_until="domcontentloaded")
        frame_el = page.locator("iframe[title*='govkg_graph']").first
        frame_el.wait_for(timeout=30_000)
        frame = frame_el.content_frame
        frame.locator("#cy canvas").first.wait_for(timeout=30_000)
        before = _wait_cy(page, frame, lambda s: len(s["nodes"]) > 10, "nothing drawn")

        # the widget's own text is Chinese
        panel = frame.locator("#infopanel").inner_text()
        assert "No selected" not in panel and "单击节点" in panel
        titles = frame.locator("[title]").evaluate_all("els => els.map(e => e.title)")
        assert titles and not any(any("a" <= c.lower() <= "z" for c in t) for t in titles), titles

        # hubs readable at overview zoom; the others wait for zooming in
        hubs = [n for n in before["nodes"] if n["min"] == 0]
        assert hubs and all(n["font"] * before["zoom"] >= 11.5 for n in hubs)

        # click a task force, expand it from the side panel: nothing already drawn moves
        tf = max((n for n in before["nodes"] if n["label"] == "TaskForce"), key=lambda n: n["font"])
        box = frame_el.bounding_box()
        assert box is not None
        page.mouse.click(box["x"] + tf["rx"], box["y"] + tf["ry"])
        expect(page.get_by_role("heading", name=tf["name"])).to_be_visible(timeout=30_000)
        page.get_by_role("button", name="展开邻居").click()
        after = _wait_cy(page, frame, lambda s: len(s["nodes"]) > len(before["nodes"]), "expand added nothing")
        moved = {n["id"]: (n["x"], n["y"]) for n in after["nodes"]}
        assert all(abs(moved[n["id"]][0] - n["x"]) < 0.5 and abs(moved[n["id"]][1] - n["y"]) < 0.5
                   for n in before["nodes"])
        assert abs(after["zoom"] - before["zoom"]) < 1e-6  # no redraw, no shrink
        _settle(page)
        page.screenshot(path=str(ARTIFACTS / "8-network-expanded.png"), full_page=True)

        # every member unit drawn at a spot of its own
        page.get_by_text("显示成员单位、牵头单位和办公室").click()
        units = _wait_cy(page, frame, lambda s: sum(n["label"] == "Organization" for n in s["nodes"]) > 40,
                         "units not drawn")
        spots = {(round(n["x"]), round(n["y"])) for n in units["nodes"]}
        assert len(spots) == len(units["nodes"])
        hubs = [n for n in units["nodes"] if n["min"] == 0]
        assert hubs and all(n["font"] * units["zoom"] >= 11.5 for n in hubs)
        _settle(page)
        page.screenshot(path=str(ARTIFACTS / "9-network-units-overview.png"), full_page=True)

        # zoomed in around the biggest hub: names and role captions on the edges
        assert {"组长", "成员单位"} <= set(units["captions"])
        frame.locator("#cy").evaluate("""el => { const cy = el._cyreg.cy;
            const hub = cy.nodes().filter(n => n.data('label') === 'TaskForce')
                          .sort((a, b) => b.degree() - a.degree())[0];
            cy.zoom({level: 1.6, position: hub.position()}); cy.center(hub); }""")
        page.wait_for_timeout(800)
        zoomed = _cy(frame)
        hubs = [n for n in zoomed["nodes"] if n["min"] == 0]
        assert all(11 <= n["font"] * zoomed["zoom"] <= 20 for n in hubs)  # hub names stay a reading size
        page.screenshot(path=str(ARTIFACTS / "10-network-zoomed-captions.png"), full_page=True)
