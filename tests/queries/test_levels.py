"""Questions about places of other levels than a city (an invented 自治州 in
tests/fixtures/autonomous): its place found behind a province in the issuer, written as users
write it (赤杉州, 赤杉), its heads' titles (州长, 常务副州长), its bodies' short forms (民宗委), 协助分管
asked apart, a bare name's level kept (州财政局 is no 市财政局), and what the graph does not hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.stores import GraphView, open_store
from queries.answer import ask

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "autonomous"
PLACE = "赤杉彝族自治州"


@pytest.fixture(scope="module")
def view() -> GraphView:
    from tests.queries.conftest import graph_of_folder

    store = open_store("networkx")
    store.write(graph_of_folder(FIXTURES))
    with store.view() as v:
        yield v


@pytest.mark.parametrize("question, names", [
    ("赤杉州州长是谁", {"阿木日哈"}),
    ("赤杉彝族自治州的州长是哪位", {"阿木日哈"}),
    ("赤杉常务副州长是谁", {"罗文清"}),
    ("副州长有哪些", {"罗文清", "沙玉芬"}),            # the 常务副州长 is one of them
    ("谁分管赤杉州民宗委", {"罗文清"}),                # 民族宗教事务委员会 by its initials
    ("赤杉州审计局谁协助分管", {"罗文清"}),            # 协助分管 asked apart from 分管
    ("州审计局谁分管", {"阿木日哈", "罗文清"}),
    ("教育振兴专班办公室主任是谁", {"吉克伍呷"}),
    ("市财政局局长是谁", set()),                       # 州财政局 is no 市财政局: nothing said of it
    ("州防指的指挥长是谁", {"罗文清"}),                # 防汛抗旱指挥部 by its short form
])
def test_levels_questions(view: GraphView, question: str, names: set[str]) -> None:
    answer = ask(view, question)
    assert answer.understood and not answer.ambiguous, answer.message
    assert set(answer.answers) == names, (answer.form, answer.answers, answer.message)


def test_levels_place_of_every_entity(view: GraphView) -> None:
    answer = ask(view, "沙玉芬分管哪些单位")
    assert set(answer.answers) == {"州教育局", "州卫生健康委员会"}
    assert answer.entities and all(e.place == PLACE for e in answer.entities.values())


def test_levels_a_count_of_the_heads(view: GraphView) -> None:
    assert ask(view, "赤杉州有几位副州长").count == 2


@pytest.mark.parametrize("question", ["沙玉芬的电话是多少", "罗文清的年龄", "阿木日哈手机号"])
def test_levels_what_the_graph_does_not_hold_is_said(view: GraphView, question: str) -> None:
    answer = ask(view, question)
    assert answer.understood and not answer.answers and answer.count is None, answer.answers
    assert answer.message.startswith("图谱里没有") and "职务" in answer.message


@pytest.mark.parametrize("question, day", [
    ("赤杉州的领导分工是哪天印发的", "2024-02-06"),      # the days of the documents of a kind
    ("州防指组成人员什么时候调整的", "2024-05-09"),      # a body known from its adjustment alone
])
def test_levels_when_of_documents_and_adjustments(view: GraphView, question: str, day: str) -> None:
    answer = ask(view, question)
    assert answer.form == "when" and answer.answers == [day], (answer.form, answer.message)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> GraphView:
    """The 自治州 beside the three cities: one body (教育局) at places of two levels."""
    import shutil

    from tests.queries.conftest import graph_of_folder

    folder = tmp_path_factory.mktemp("mixed")
    for source in (FIXTURES, FIXTURES.parent / "three_cities"):
        for path in source.iterdir():
            shutil.copy(path, folder / path.name)
    store = open_store("networkx")
    store.write(graph_of_folder(folder))
    with store.view() as v:
        yield v


@pytest.mark.parametrize("question, least", [("谁分管教育局", 3), ("教育局归谁分管", 3), ("谁分管卫健委", 2)])
def test_levels_one_body_at_places_of_two_levels_answers_by_place(mixed: GraphView, question: str,
                                                                  least: int) -> None:
    """A bare 教育局 (or a short form, 卫健委) names 州教育局 and each city's 市教育局 alike: the
    answer is grouped by place, not a question back."""
    answer = ask(mixed, question)
    assert answer.understood and not answer.ambiguous, answer.message
    assert "沙玉芬" in answer.answers and len(set(answer.places)) >= least, (answer.answers, answer.places)


def test_levels_a_short_form_of_one_body_at_two_levels_answers_by_place(tmp_path: Path) -> None:
    """供销社 names 市供销合作社 of a city and 县供销合作社 of a county alike (a short form: both
    near, neither exact): the answer is grouped by place."""
    from tests.queries.conftest import graph_of_folder

    for name, gov, head, lvl, who in [("a.txt", "青禾市人民政府", "副市长", "市", "严东升"),
                                      ("b.txt", "白桦县人民政府", "副县长", "县", "林北")]:
        (tmp_path / name).write_text(
            f"{gov}关于{lvl}政府领导工作分工的通知\n\n各有关单位：\n　　现将分工通知如下：\n"
            f"　　{head}{who}：负责农业农村工作。分管{lvl}农业农村局。联系{lvl}供销合作社。\n\n{gov}\n2024年3月1日\n",
            encoding="utf-8")
    store = open_store("networkx")
    store.write(graph_of_folder(tmp_path))
    with store.view() as v:
        answer = ask(v, "供销社是谁联系的")
    assert answer.understood and not answer.ambiguous, answer.message
    assert set(answer.answers) == {"严东升", "林北"}, answer.message


@pytest.mark.parametrize("question", ["2024年4月到12月河湖治理领导小组成员有什么调整",
                                      "河湖治理领导小组的人员今年有什么变化"])
def test_levels_changes_of_a_leading_group_asked_by_its_kind(tmp_path: Path, question: str) -> None:
    """The 领导 of 领导小组 names no post: the members who left and joined are the changes."""
    from tests.queries.conftest import graph_of_folder

    (tmp_path / "a.txt").write_text(
        "青禾市人民政府办公室关于成立青禾市河湖治理工作领导小组的通知\n青政办发〔2024〕3号\n各有关单位：\n"
        "　　经研究，决定成立青禾市河湖治理工作领导小组，组成人员如下：\n组　长：严东升　市长\n副组长：林北　副市长\n"
        "成　员：韦南　市水利局局长\n青禾市人民政府办公室\n2024年3月1日\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "青禾市人民政府办公室关于调整青禾市河湖治理工作领导小组成员的通知\n青政办发〔2024〕19号\n各有关单位：\n"
        "　　林北同志因工作变动不再担任领导小组副组长，由贺西同志接任。\n青禾市人民政府办公室\n2024年9月1日\n",
        encoding="utf-8")
    store = open_store("networkx")
    store.write(graph_of_folder(tmp_path))
    with store.view() as v:
        answer = ask(v, question, as_of="2024-12-31")
    assert answer.form == "changes" and {"林北", "贺西"} <= set(answer.answers), answer.message
