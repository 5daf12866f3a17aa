"""Entity linking: full names, abbreviations, the city prefix, typos, partial names, pinyin."""

from __future__ import annotations

import pytest

from graph.stores import GraphView
from queries.linker import NotFound, catalogue, normalize, resolve_entity, search

ENERGY = "朔州市能源产业“五个一体化”融合发展工作专班"


@pytest.mark.parametrize("text, labels, name, how", [
    ("市财政局", None, "市财政局", "exact"),
    ("朔州市财政局", None, "市财政局", "canonical"),
    ("财政局", None, "市财政局", "canonical"),
    ("市发改委", None, "市发展和改革委员会", "alias"),
    ("发改委", None, "市发展和改革委员会", "canonical"),
    ("市发展改革委", None, "市发展和改革委员会", "alias"),
    ("市交通局", None, "市交通运输局", "alias"),
    ("交通局", None, "市交通运输局", "canonical"),
    ("市工信局", None, "市工业和信息化局", "alias"),
    ("市政府", None, "市人民政府", "alias"),
    ("市政府驻北京联络处", None, "朔州市政府驻京联络处", "alias"),
    ("能源产业“五个一体化”融合发展工作专班", None, ENERGY, "canonical"),
    ("能源产业五个一体化融合发展工作专班", None, ENERGY, "canonical"),
    ("朔州市充(换)电基础设施建设工作专班", None, "朔州市充（换）电基础设施建设工作专班", "exact"),
    ("朔政干发〔2023〕5号", None, "朔政干发〔2023〕5号", "exact"),
    ("艺术研究院院长", ["Post"], "朔州市艺术研究院院长", "canonical"),
    ("消防", ["Area"], "消防", "exact"),
])
def test_linker_names_and_abbreviations(view: GraphView, text: str, labels: list[str] | None, name: str,
                                        how: str) -> None:
    top, _ = catalogue(view).best(text, labels)
    assert top is not None and (top.name, top.how) == (name, how)


@pytest.mark.parametrize("text, labels, name", [
    ("武越飞", None, "武跃飞"),                 # homophone typo
    ("市财正局", None, "市财政局"),              # homophone typo in a body
    ("wuyuefei", None, "武跃飞"),               # pinyin
    ("WuYueFei", None, "武跃飞"),
    ("caizhengju", None, "市财政局"),
    ("huangjun", ["Person"], "黄军"),
    ("五个一体化专班", None, ENERGY),            # characters in order
    ("充换电专班", None, "朔州市充（换）电基础设施建设工作专班"),
    ("高标准市场体系专班", None, "朔州市建设高标准市场体系工作专班"),
    ("电商专班", ["TaskForce"], "朔州市电子商务体系与快递物流配送体系贯通发展工作专班"),
    ("万家寨引黄领导小组", None, "朔州市推进和保障万家寨引黄北干支线工程领导小组"),
    ("驻京联络处", None, "朔州市政府驻京联络处"),
    ("安全生产", ["Area"], "应急管理(安全生产)"),
    ("能源产业五个一体化融合发展工作专斑", None, ENERGY),  # a wrong character
    ("市財政局", None, "市财政局"),              # traditional characters
])
def test_linker_typos_partial_names_pinyin(view: GraphView, text: str, labels: list[str] | None,
                                           name: str) -> None:
    top, candidates = catalogue(view).best(text, labels)
    assert top is not None, candidates
    assert top.name == name


def test_linker_ambiguous_initials_give_candidates(view: GraphView) -> None:
    top, candidates = catalogue(view).best("wyf", ["Person"])
    assert top is None and {"武跃飞", "王玉锋"} <= {m.name for m in candidates}


@pytest.mark.parametrize("text", ["张三", "今天天气", "刘", "没有这个单位", "xyzxyz"])
def test_linker_unknown_names_link_to_nothing(view: GraphView, text: str) -> None:
    top, _ = catalogue(view).best(text)
    assert top is None


def test_linker_no_place_made_of_question_words(view: GraphView) -> None:
    # "谁分管" before 市 is no place: only places the graph's names start with are cut
    assert catalogue(view).places == frozenset({"朔州", "山西"})
    top, _ = catalogue(view).best("谁分管市财政局")
    assert top is None or top.score < 98


def test_linker_same_name_prefers_the_label_asked_first(view: GraphView) -> None:
    top, _ = catalogue(view).best("消防", ["Organization", "Area"])
    assert top is not None and top.entity.label == "Area"   # no body is called just 消防
    top, _ = catalogue(view).best("市财政局", ["Area", "Organization"])
    assert top is not None and top.entity.label == "Organization"


def test_linker_unnamed_persons_are_not_linked(view: GraphView) -> None:
    cat = catalogue(view)
    assert len(cat.unnamed) >= 1
    assert all(m.entity.id not in cat.unnamed for m in cat.link("分管副主任", ["Person"]))


def test_linker_search_and_resolve(view: GraphView) -> None:
    found = search(view, "能源局")
    assert found[0].name == "市能源局" and found[0].entity.label == "Organization"
    assert resolve_entity(view, "市能源局").name == "市能源局"
    assert resolve_entity(view, found[0].entity.id) == found[0].entity
    with pytest.raises(NotFound) as err:
        resolve_entity(view, "wyf", ["Person"])
    assert {m.name for m in err.value.candidates} >= {"武跃飞", "王玉锋"}


@pytest.mark.parametrize("raw, normal", [
    ("市发展和改革委员会(市粮食和物资储备局)", "市发展和改革委员会市粮食和物资储备局"),
    ("“五个一体化” 专班", "五个一体化专班"),
    ("ＡＢＣ　市财政局？", "abc市财政局"),
    ("朔政干发〔2023〕5号", "朔政干发20235号"),
])
def test_linker_normalize(raw: str, normal: str) -> None:
    assert normalize(raw) == normal
