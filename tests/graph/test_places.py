"""Places: a document's from its issuer, title and number at every level; an entity's from a
place named in front of its name, else its document's; invented names throughout, beside
real divisions of the list."""

from __future__ import annotations

import pytest

from graph.model import SCHEMA
from graph.places import Places, divisions, issuer_place, place_label, short_name, written_forms
from graph.records import DocumentInfo


def _doc(doc_id: str, issuer: str | None = None, title: str = "关于有关事项的通知",
         number: str | None = None) -> DocumentInfo:
    return DocumentInfo(doc_id, number, title, issuer, "2023-01-01", "other", "x.txt", (1, 2))


def test_places_schema_declares_the_place_once() -> None:
    assert SCHEMA.place.property == "place"
    assert {"Person", "Organization", "TaskForce", "Area"} <= set(SCHEMA.place_labels)
    assert all(SCHEMA.nodes[label].properties["place"] == "STRING" for label in SCHEMA.place_labels)


@pytest.mark.parametrize("issuer, place", [
    ("甲乙市人民政府办公室", "甲乙市"),          # an invented city: the grammar
    ("中共甲乙市委", "甲乙市"),
    ("甲乙省人民政府", "甲乙省"),
    ("甲乙自治区人民政府", "甲乙自治区"),
    ("甲乙丙自治州人民政府", "甲乙丙自治州"),
    ("甲乙州人民政府", "甲乙州"),
    ("甲乙盟行政公署", "甲乙盟"),
    ("甲乙地区行政公署", "甲乙地区"),
    ("甲乙县人民政府", "甲乙县"),
    ("甲乙区人民政府", "甲乙区"),
    ("甲乙旗人民政府", "甲乙旗"),
    ("甲乙乡人民政府", "甲乙乡"),
    ("甲乙镇人民政府", "甲乙镇"),
    ("甲乙街道办事处", "甲乙街道"),
    ("甲乙县丙丁镇人民政府", "甲乙县丙丁镇"),   # a township keeps its county
    ("山西省朔州市人民政府", "朔州市"),         # a listed province in front is dropped
    ("沛县人民政府", "沛县"),                  # a one-character county, from the list
    ("市人民政府", None),
    ("各县（市、区）人民政府", None),
])
def test_places_issuer_at_every_level(issuer: str, place: str | None) -> None:
    assert issuer_place(issuer) == place


@pytest.mark.parametrize("issuer, place", [
    # a province (a listed division) in front of an invented place of any level
    ("湖北省甲乙土家族苗族自治州人民政府", "甲乙土家族苗族自治州"),
    ("云南省甲乙彝族自治州人民政府办公室", "甲乙彝族自治州"),
    ("广西壮族自治区甲乙市人民政府", "甲乙市"),
    ("内蒙古自治区甲乙盟行政公署", "甲乙盟"),
    ("江西省甲乙市人民政府关于市长副市长工作分工的通知", "甲乙市"),
    ("四川省甲乙县人民政府", "甲乙县"),
    # an invented province too: its level word says it is one
    ("东岚省甲乙市人民政府", "甲乙市"), ("东岚省甲乙瑶族自治县人民政府", "甲乙瑶族自治县"),
    ("青川自治区甲乙市人民政府", "甲乙市"), ("东岚省甲乙自治州人民政府", "甲乙自治州"),
])
def test_places_a_province_in_front_of_an_invented_place(issuer: str, place: str) -> None:
    assert issuer_place(issuer) == place


@pytest.mark.parametrize("issuer, place", [
    ("甲乙市市政府领导工作分工公布", "甲乙市"),       # the government repeats its level
    ("甲乙州州政府", "甲乙州"),
    ("甲乙县县政府办公室", "甲乙县"),
    ("各地区行政公署", None),                         # a determiner is no place
    ("本市人民政府", None),
    ("全省人民政府", None),
])
def test_places_level_repeated_and_determiners(issuer: str, place: str | None) -> None:
    assert issuer_place(issuer) == place


@pytest.mark.parametrize("place, forms", [
    ("甲乙市", ("甲乙市", "甲乙")),
    ("甲乙土家族苗族自治州", ("甲乙土家族苗族自治州", "甲乙土家族苗族", "甲乙州", "甲乙")),
    ("甲乙彝族自治县", ("甲乙彝族自治县", "甲乙彝族", "甲乙县", "甲乙")),
    ("甲乙蒙古族自治旗", ("甲乙蒙古族自治旗", "甲乙蒙古族", "甲乙旗", "甲乙")),
    ("甲县", ("甲县",)),
    # a district or county kept with its city: users write it alone too
    ("甲乙市丙丁区", ("甲乙市丙丁区", "甲乙市丙丁", "丙丁区", "丙丁")),
    ("甲乙市丙丁县", ("甲乙市丙丁县", "甲乙市丙丁", "丙丁县", "丙丁")),
])
def test_places_written_forms_users_type(place: str, forms: tuple[str, ...]) -> None:
    assert written_forms(place) == forms


def test_places_document_from_issuer_title_then_number() -> None:
    places = Places([
        _doc("a", issuer="甲乙市人民政府办公室", number="甲政办发〔2023〕1号"),
        _doc("b", title="甲乙市人民政府关于某某等职务任免的通知"),
        _doc("c", number="甲政干发〔2023〕4号"),              # numbered like a: 甲乙市
        _doc("d", number="沪府发〔2023〕8号"),                 # a province's abbreviation
        _doc("e"),
    ])
    assert [places.of_document(d) for d in "abcde"] == ["甲乙市", "甲乙市", "甲乙市", "上海市", None]


def test_places_a_district_named_alone_in_a_body_is_its_city_district() -> None:
    """A district kept with its city (甲乙市丙丁区): a body named with the district alone
    (丙丁区教育局) is the district's 区教育局, as the full chain names it."""
    places = Places([_doc("a", issuer="甲乙市丙丁区人民政府")])
    assert places.prefix("丙丁区教育局") == ("甲乙市丙丁区", "区教育局")
    assert places.prefix("甲乙市丙丁区教育局") == ("甲乙市丙丁区", "区教育局")


def test_places_prefix_in_a_name_wins_and_a_bare_name_is_its_documents() -> None:
    places = Places([_doc("a", issuer="甲乙市人民政府"), _doc("b", issuer="丙丁市人民政府")])
    assert places.of_entity("Organization", "市财政局", "a") == "甲乙市"
    assert places.of_entity("Organization", "丙丁市财政局", "a") == "丙丁市"   # prefix wins
    assert places.of_entity("Organization", "上海市财政局", "a") == "上海市"   # a listed place
    assert places.of_entity("Organization", "丙丁团市委", "a") == "丙丁市"     # the short name
    assert places.of_entity("Organization", "国家统计局丙丁调查队", "a") == "丙丁市"
    assert places.of_entity("Organization", "团市委", "b") == "丙丁市"
    assert places.of_entity("Organization", "国务院", "a") is None             # national
    assert places.of_entity("TaskForce", "丙丁市防汛抗旱指挥部", "a") == "丙丁市"
    assert places.of_entity("Person", "王建国", "a") == "甲乙市"
    assert places.prefix("丙丁市财政局") == ("丙丁市", "市财政局")
    assert places.prefix("山西省朔州市财政局") == ("朔州市", "市财政局")
    assert places.prefix("市城市管理局") is None


def test_places_a_higher_level_bare_name_is_the_province() -> None:
    places = Places([_doc("a", issuer="朔州市人民政府")])
    assert places.of_entity("Organization", "省财政厅", "a") == "山西省"


def test_places_display_and_list() -> None:
    assert place_label("市财政局", "朔州市") == "市财政局 · 朔州市"
    assert place_label("朔州市财政局", "朔州市") == "朔州市财政局"
    assert place_label("国务院", None) == "国务院"
    assert short_name("朔州市") == "朔州" and short_name("沛县") == "沛县"
    assert len(divisions()) > 3000 and divisions()["朔州市"].code == "140600"
