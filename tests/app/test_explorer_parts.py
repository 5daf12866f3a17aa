"""The explorer's parts that issue 13 asked for, without a page: the network drawing every
node at a spot of its own and keeping positions when expanding, hub labels readable at
overview zoom, role captions on edges, the widget in Chinese, the unit filter keeping
the unit, pickers with places, marked evidence, titles without a doubled body, sources
relative to the store."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from app.graph_view import (LABEL_PX, VIEW_SIZE, GraphEdge, GraphNode, caption, elements, keep_positions,
                            label_sizes)
from app.network import Filters, filtered
from graph.model import SCHEMA
from queries.records import EntityRef, Evidence, Fact


@pytest.mark.parametrize("rtype, role, said", [
    ("MEMBER_OF", "组长", "组长"), ("MEMBER_OF", "副组长", "副组长"), ("UNIT_OF", "成员单位", "成员单位"),
    ("IN_CHARGE_OF", None, "分管"),
])
def test_graph_edge_captions_say_the_role_or_the_chinese_type(rtype: str, role: str | None, said: str) -> None:
    assert rtype in SCHEMA.relationships
    assert caption(GraphEdge("e", "a", "b", rtype, role)) == said


def _star(hubs: int, leaves: int) -> tuple[list[GraphNode], list[GraphEdge]]:
    nodes = [GraphNode(f"t{h}", "TaskForce", f"专班{h}") for h in range(hubs)]
    edges = []
    for h in range(hubs):
        for i in range(leaves):
            nodes.append(GraphNode(f"o{h}.{i}", "Organization", f"单位{h}.{i}"))
            edges.append(GraphEdge(f"e{h}.{i}", f"o{h}.{i}", f"t{h}", "UNIT_OF", "成员单位"))
    return nodes, edges


def test_graph_every_drawn_node_has_its_own_position() -> None:
    """58 member units around a few task forces: each gets a spot of its own (issue 13:
    all were drawn on one point)."""
    nodes, edges = _star(3, 58)
    pos = keep_positions(nodes, edges)
    assert set(pos) == {n.id for n in nodes}
    spots = list(pos.values())
    assert min(math.dist(a, b) for i, a in enumerate(spots) for b in spots[i + 1:]) > 5


def test_graph_expanding_keeps_every_position() -> None:
    nodes, edges = _star(2, 10)
    before = keep_positions(nodes, edges)
    more_nodes, more_edges = _star(2, 25)  # the same, with 15 more units around each
    after = keep_positions(more_nodes, more_edges, before)
    assert all(after[i] == before[i] for i in before)
    new = [after[n.id] for n in more_nodes if n.id not in before]
    assert len(new) == 30 and all(min(math.dist(p, q) for q in before.values()) >= 29 for p in new)


def test_graph_hub_labels_readable_at_overview_zoom() -> None:
    nodes, edges = _star(4, 40)
    pos = keep_positions(nodes, edges)
    sizes = label_sizes(nodes, edges, pos)
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    zoom = min(VIEW_SIZE[0] / (max(xs) - min(xs) + 80), VIEW_SIZE[1] / (max(ys) - min(ys) + 80))
    for h in range(4):
        font, smallest = sizes[f"t{h}"]
        assert font * zoom >= LABEL_PX - 0.01 and smallest == 0  # a hub's name shows at overview zoom
    font, smallest = sizes["o0.1"]
    assert font * zoom < smallest  # a leaf's name waits until one zooms in: no blob of labels
    drawn = elements(nodes, edges, pos)
    assert {n["data"]["zh"] for n in drawn["nodes"]} == {SCHEMA.nodes["TaskForce"].zh, SCHEMA.nodes["Organization"].zh}
    assert all("position" in n for n in drawn["nodes"])


def test_graph_widget_speaks_chinese() -> None:
    from app.widget import widget_dir

    folder = widget_dir()
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert "No selected elements" not in page and "Recenter Veiw" not in page
    titles = re.findall(r'title="([^"]*)"', page)
    assert len(titles) >= 8 and not any(re.search("[A-Za-z]{3}", t) for t in titles), titles
    assert "适应窗口" in page and "展开邻居" in page
    script = next(folder.glob("index.*.bundle.js")).read_text(encoding="utf-8")
    assert 'getState("lastExpanded")' not in script  # expanding never re-runs a force layout
    assert "toUpperCase()" not in script.split("infopanelLabel")[0][-400:]  # no "PERSON" in the info panel


def _ref(i: str, label: str) -> EntityRef:
    return EntityRef(i, label, i)


def _tie(a: EntityRef, rtype: str, tf: str, role: str) -> Fact:
    return Fact(a, rtype, _ref(tf, "TaskForce"), role, Evidence("D", None, None))


def test_network_filter_by_unit_keeps_the_unit_itself() -> None:
    facts = [_tie(EntityRef("o1", "Organization", "市财政局"), "UNIT_OF", "t1", "成员单位"),
             _tie(EntityRef("o2", "Organization", "市税务局"), "UNIT_OF", "t1", "成员单位"),
             _tie(_ref("p1", "Person"), "MEMBER_OF", "t1", "组长"), _tie(_ref("p2", "Person"), "MEMBER_OF", "t2", "成员")]
    kept = filtered(facts, Filters(orgs=("o1",)))  # other units not shown
    ids = {r.id for f in kept for r in (f.subject, f.object)}
    assert "o1" in ids and "o2" not in ids and {"t1", "p1"} <= ids and "t2" not in ids
    assert "o2" in {f.subject.id for f in filtered(facts, Filters(orgs=("o1",), units=True))}


def test_support_pickers_show_every_place_in_a_store_of_several() -> None:
    from app.ui import picker_labels

    refs = [EntityRef("c", "Person", "武跃飞", place="朔州市"), EntityRef("d", "Organization", "上海市财政局", place="上海市")]
    assert picker_labels(refs) == {"c": "武跃飞（人员）", "d": "上海市财政局（机构）"}
    assert picker_labels(refs, always=True) == {"c": "武跃飞（人员） · 朔州市", "d": "上海市财政局（机构）"}


@pytest.mark.parametrize("sentence, words, marked", [
    ("武跃飞分管市财政局。", ["分管", "市财政局"], ["分管", "市财政局"]),
    ("组长：孙明远", ["组长", "孙明远", "李四"], ["组长", "孙明远"]),
    ("<b>x</b>", ["x"], ["x"]),
])
def test_support_evidence_marks_the_matched_words(sentence: str, words: list[str], marked: list[str]) -> None:
    from app.ui import highlight_words

    out = highlight_words(sentence, words)
    assert re.findall(r"<mark[^>]*>(.*?)</mark>", out) == marked
    assert "<b>" not in out  # the sentence is escaped


def test_support_matched_words_are_names_and_relation_words_of_the_question() -> None:
    from app.ui import matched_words

    words = matched_words("谁分管市财政局", ["市财政局"])
    assert "市财政局" in words and "分管" in words and "组长" not in words


def test_support_post_name_never_repeats_the_body() -> None:
    from app.ui import post_name

    assert post_name("市委", "市委常委") == "市委常委"
    assert post_name("市能源局", "局长") == "市能源局局长"


def test_support_sources_relative_to_the_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.data import relative_source

    monkeypatch.setenv("GOVKG_STORE", str(tmp_path / ".govkg"))
    assert relative_source(str(tmp_path / "data" / "gazettes" / "a.txt")) == "data/gazettes/a.txt"
    assert relative_source("/somewhere/else/b.txt") == "b.txt"
    assert relative_source("data/c.txt") == "data/c.txt"
