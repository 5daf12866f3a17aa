"""Facts in time: later 分工 notices supersede, later member lists replace, 免去 ends.

The notices in fixtures/timeline are invented (云州市, 河源市) in the real documents' layouts:
a full 分工 notice (2022-03-01), a full re-division that drops 王国强 for 孙海 and gives
赵文 市商务局 too (2023-02-01), a one-person notice giving 市商务局 to 周平 (2023-06-01), a
task force set up (2022-05-01), its members adjusted (吴明 -> 陈星, 2023-07-01), one deputy
added (2023-09-01), and another city's 分工 notice.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from extract.pipeline import extract_paths
from graph.build import build_graph
from graph.resolve import resolve
from graph.timeline import END, MENTION, START, Statement, fold

FIXTURES = Path(__file__).parent / "fixtures" / "timeline"


def _facts(paths: list[Path], seed: int | None = None) -> dict[tuple[str, str, str, str | None], dict]:
    result = extract_paths([str(p) for p in paths])
    assertions, documents = result.assertions, result.documents
    if seed is not None:
        random.Random(seed).shuffle(assertions)
        random.Random(seed).shuffle(documents)
    resolved, _ = resolve(assertions, documents)
    g = build_graph(resolved, documents).graph
    return {(g.nodes[u]["name"], d["type"], g.nodes[v]["name"], d.get("role")): d
            for u, v, d in g.edges(data=True)}


@pytest.fixture(scope="module")
def facts() -> dict:
    return _facts(sorted(FIXTURES.iterdir()))


def _when(d: dict) -> tuple[str, str | None, str | None]:
    return d["status"], d["valid_from"], d["valid_to"]


def test_a_later_division_of_work_ends_what_it_drops(facts: dict) -> None:
    assert _when(facts[("王国强", "IN_CHARGE_OF", "市教育局", None)]) == ("ended", "2022-03-01", "2023-02-01")
    assert _when(facts[("王国强", "RESPONSIBLE_FOR", "教育", None)]) == ("ended", "2022-03-01", "2023-02-01")
    assert _when(facts[("孙海", "IN_CHARGE_OF", "市教育局", None)]) == ("current", "2023-02-01", None)


def test_a_restated_assignment_keeps_its_first_date(facts: dict) -> None:
    d = facts[("李小红", "IN_CHARGE_OF", "市财政局", None)]
    assert _when(d) == ("current", "2022-03-01", None)
    assert d["doc_numbers"] == ["云政办发〔2022〕10号", "云政办发〔2023〕5号"]
    assert _when(facts[("张大明", "PRESIDES_OVER", "市人民政府", None)]) == ("current", "2022-03-01", None)


def test_a_notice_for_one_person_ends_only_what_it_takes_over(facts: dict) -> None:
    # 周平's notice covers 周平 and takes 市商务局 (分管 is exclusive) from 赵文; 赵文 keeps 交通
    assert _when(facts[("赵文", "IN_CHARGE_OF", "市商务局", None)]) == ("ended", "2023-02-01", "2023-06-01")
    assert _when(facts[("周平", "IN_CHARGE_OF", "市商务局", None)]) == ("current", "2023-06-01", None)
    assert _when(facts[("赵文", "IN_CHARGE_OF", "市交通运输局", None)]) == ("current", "2022-03-01", None)
    assert _when(facts[("李小红", "IN_CHARGE_OF", "市统计局", None)]) == ("current", "2022-03-01", None)


def test_another_government_supersedes_nothing(facts: dict) -> None:
    assert _when(facts[("黄三", "IN_CHARGE_OF", "市教育局", None)]) == ("current", "2023-04-01", None)
    assert facts[("孙海", "IN_CHARGE_OF", "市教育局", None)]["status"] == "current"


def test_an_adjusted_member_list_replaces_the_members(facts: dict) -> None:
    body = "云州市数字经济发展领导小组"
    assert _when(facts[("吴明", "MEMBER_OF", body, "成员")]) == ("ended", "2022-05-01", "2023-07-01")
    assert _when(facts[("陈星", "MEMBER_OF", body, "成员")]) == ("current", "2023-07-01", None)
    assert _when(facts[("李小红", "MEMBER_OF", body, "组长")]) == ("current", "2022-05-01", None)
    assert _when(facts[(body, "OFFICE_AT", "市工业和信息化局", None)]) == ("current", "2022-05-01", None)


def test_a_list_without_a_leader_only_adds(facts: dict) -> None:
    body = "云州市数字经济发展领导小组"
    assert _when(facts[("褚伟", "MEMBER_OF", body, "副组长")]) == ("current", "2023-09-01", None)
    assert _when(facts[("钱进", "MEMBER_OF", body, "副组长")]) == ("current", "2022-05-01", None)
    assert facts[("陈星", "MEMBER_OF", body, "成员")]["status"] == "current"


def test_a_post_named_in_passing_has_an_unknown_end(facts: dict) -> None:
    holds = [d for (s, t, _, _), d in facts.items() if t == "HOLDS" and s == "郑亮"]
    assert holds and all(d["status"] == "unknown" and d["valid_to"] is None for d in holds)


def test_the_order_of_the_inputs_changes_nothing(facts: dict) -> None:
    for seed in (1, 2):
        assert _facts(sorted(FIXTURES.iterdir()), seed) == facts


def test_documents_without_a_date_end_nothing(tmp_path: Path) -> None:
    for name in ("wd1.txt", "wd2.txt"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    text = (tmp_path / "wd2.txt").read_text(encoding="utf-8").replace("2023年2月1日\n", "")
    (tmp_path / "wd2.txt").write_text(text, encoding="utf-8")
    facts = _facts(sorted(tmp_path.iterdir()))
    assert facts[("王国强", "IN_CHARGE_OF", "市教育局", None)]["status"] == "current"


@pytest.mark.parametrize("statements, expected", [
    ([(MENTION, "2023-01-01")], ("unknown", "2023-01-01", None)),
    ([(START, "2023-01-01"), (MENTION, "2023-03-01")], ("current", "2023-01-01", None)),
    ([(START, "2023-01-01"), (END, "2023-03-01"), (END, "2023-05-01")], ("ended", "2023-01-01", "2023-03-01")),
    ([(START, "2023-01-01"), (END, "2023-03-01"), (START, "2023-06-01")], ("current", "2023-06-01", None)),
    ([(START, "2023-01-01"), (END, "2023-03-01"), (MENTION, "2023-06-01")], ("unknown", "2023-06-01", None)),
    ([(END, "2023-03-01")], ("ended", None, "2023-03-01")),
    ([(MENTION, "2023-03-01"), (END, "2023-03-01"), (START, "2023-03-01")], ("ended", "2023-03-01", "2023-03-01")),
])
def test_fold(statements: list[tuple[str, str]], expected: tuple) -> None:
    sts = [Statement(date, event, f"D{i}") for i, (event, date) in enumerate(statements)]
    random.Random(0).shuffle(sts)
    assert (lambda f: (f[2], f[0], f[1]))(fold(sts)) == expected


def test_a_dissolved_body_ends_its_memberships() -> None:
    dissolution = Path(__file__).parent / "fixtures" / "dissolution"
    facts = _facts(sorted(FIXTURES.iterdir()) + sorted(dissolution.iterdir()))
    body = "云州市数字经济发展领导小组"
    assert _when(facts[("李小红", "MEMBER_OF", body, "组长")]) == ("ended", "2022-05-01", "2023-10-01")
    assert _when(facts[("陈星", "MEMBER_OF", body, "成员")]) == ("ended", "2023-07-01", "2023-10-01")
    assert _when(facts[("吴明", "MEMBER_OF", body, "成员")]) == ("ended", "2022-05-01", "2023-07-01")  # left before
    assert _when(facts[(body, "OFFICE_AT", "市工业和信息化局", None)]) == ("ended", "2022-05-01", "2023-10-01")
    dissolved = {s for (s, t, _, _) in facts if t == "DISSOLVED_BY"}
    assert dissolved == {body, "云州市创建国家卫生城市工作专班", "市冬季供暖工作指挥部", "云州市防汛抗旱指挥部",
                         "云州市食品安全委员会"}
    # the dissolution is cited from the notice itself
    d = next(d for (s, t, _, _), d in facts.items() if t == "DISSOLVED_BY" and s == body)
    assert d["doc_numbers"] == ["云政办函〔2023〕60号"] and d["evidence"] == "1.云州市数字经济发展领导小组"


def test_an_ended_fact_names_the_document_that_ended_it(facts: dict) -> None:
    assert facts[("王国强", "IN_CHARGE_OF", "市教育局", None)]["ended_by"] == "云政办发〔2023〕5号"
    assert facts[("赵文", "IN_CHARGE_OF", "市商务局", None)]["ended_by"] == "云政办发〔2023〕20号"
    assert facts[("吴明", "MEMBER_OF", "云州市数字经济发展领导小组", "成员")]["ended_by"] == "云政办函〔2023〕30号"
    assert facts[("孙海", "IN_CHARGE_OF", "市教育局", None)]["ended_by"] is None


def test_a_member_who_no_longer_serves_leaves() -> None:
    leaving = Path(__file__).parent / "fixtures" / "leaving"  # 2023-09-15: 郑亮 and 钱进 leave
    facts = _facts(sorted(FIXTURES.iterdir()) + sorted(leaving.iterdir()))
    body = "云州市数字经济发展领导小组"
    assert _when(facts[("郑亮", "MEMBER_OF", body, "成员")]) == ("ended", "2022-05-01", "2023-09-15")
    assert _when(facts[("钱进", "MEMBER_OF", body, "副组长")]) == ("ended", "2022-05-01", "2023-09-15")
    assert facts[("钱进", "MEMBER_OF", body, "副组长")]["ended_by"] == "云政办函〔2023〕50号"
    assert _when(facts[("褚伟", "MEMBER_OF", body, "副组长")]) == ("current", "2023-09-01", None)  # the others stay
    assert _when(facts[("李小红", "MEMBER_OF", body, "组长")]) == ("current", "2022-05-01", None)


def test_entities_belong_to_the_place_of_their_documents() -> None:
    result = extract_paths([str(p) for p in sorted(FIXTURES.iterdir())])
    resolved, _ = resolve(result.assertions, result.documents)
    g = build_graph(resolved, result.documents).graph
    place = {(d["label"], d["name"]): d.get("place") for _, d in g.nodes(data=True)}
    assert place[("Person", "李小红")] == "云州市" and place[("Person", "黄三")] == "河源市"
    assert place[("TaskForce", "云州市数字经济发展领导小组")] == "云州市"
    # two cities' 市教育局 are two nodes, each in its place
    assert sorted(d["place"] for _, d in g.nodes(data=True) if d["name"] == "市教育局") == ["云州市", "河源市"]


def test_a_released_duty_ends_and_the_rest_stays() -> None:
    """An adjusting notice (2023-08-01: 李小红 不再分管市统计局; 孙海 增加分管市统计局) ends what
    it releases, puts the new duty in force, and leaves the persons' other duties as they were."""
    release = Path(__file__).parent / "fixtures" / "release"
    facts = _facts(sorted(FIXTURES.iterdir()) + sorted(release.iterdir()))
    assert _when(facts[("李小红", "IN_CHARGE_OF", "市统计局", None)]) == ("ended", "2022-03-01", "2023-08-01")
    assert facts[("李小红", "IN_CHARGE_OF", "市统计局", None)]["ended_by"] == "云政发〔2023〕31号"
    assert _when(facts[("李小红", "RESPONSIBLE_FOR", "统计", None)])[0] == "ended"
    assert _when(facts[("李小红", "IN_CHARGE_OF", "市财政局", None)]) == ("current", "2022-03-01", None)
    assert _when(facts[("孙海", "IN_CHARGE_OF", "市统计局", None)]) == ("current", "2023-08-01", None)
    assert _when(facts[("孙海", "IN_CHARGE_OF", "市教育局", None)]) == ("current", "2023-02-01", None)
