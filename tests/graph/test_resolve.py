"""Entity resolution: aliases, city prefix, second names, persons per place, roles."""

from __future__ import annotations

from graph.records import Assertion, DocumentInfo
from graph.resolve import body_key, resolve


def doc(doc_id: str, issuer: str) -> DocumentInfo:
    return DocumentInfo(doc_id=doc_id, number=None, title=f"{issuer}关于…的通知", issuer=issuer,
                        date="2024-01-01", doc_type="other", source="x.txt", lines=(1, 2))


def fact(rel: str, s: str, s_type: str, o: str, o_type: str, doc_id: str = "d1", evidence: str = "",
         **kw: object) -> Assertion:
    return Assertion(rel=rel, type="X", s=s, s_type=s_type, o=o, o_type=o_type, doc=doc_id, doc_id=doc_id,
                     date="2024-01-01", evidence=evidence or f"{s}{o}", source="x.txt", line=1, **kw)


def test_resolve_abbreviations_and_city_prefix_are_one_body() -> None:
    scope = "朔州市"
    assert body_key("市发改委", scope)[0] == body_key("市发展和改革委员会", scope)[0]
    assert body_key("市发展改革委", scope)[0] == body_key("市发展和改革委员会", scope)[0]
    assert body_key("朔州市财政局", scope)[0] == body_key("市财政局", scope)[0]
    assert body_key("市交通局", scope)[0] == body_key("市交通运输局", scope)[0]


def test_resolve_merges_with_reasons_and_canonical_name() -> None:
    docs = [doc("d1", "朔州市人民政府办公室")]
    facts = [fact("分管", "张三", "Person", "市发改委", "Organization"),
             fact("成员单位", "市发展和改革委员会", "Organization", "某专班", "TaskForce")]
    out, report = resolve(facts, docs)
    assert out[0].o_id == out[1].s_id
    assert out[0].o_name == "市发展和改革委员会"
    merge = next(m for m in report.merges if m.label == "Organization")
    assert any("发改委" in r for r in merge.reasons)


def test_resolve_second_name_in_brackets() -> None:
    docs = [doc("d1", "朔州市人民政府办公室")]
    facts = [fact("分管", "张三", "Person", "市发展和改革委员会", "Organization",
                  evidence="分管市发展和改革委员会（市粮食和物资储备局）、市财政局。"),
             fact("联系", "李四", "Person", "市粮食和物资储备局", "Organization")]
    out, _ = resolve(facts, docs)
    assert out[0].o_id == out[1].o_id


def test_resolve_same_name_in_two_places_stays_two() -> None:
    docs = [doc("d1", "朔州市人民政府办公室"), doc("d2", "大同市人民政府办公室")]
    facts = [fact("分管", "王伟", "Person", "市财政局", "Organization", "d1"),
             fact("分管", "王伟", "Person", "市财政局", "Organization", "d2")]
    out, report = resolve(facts, docs)
    assert out[0].s_id != out[1].s_id
    assert out[0].o_id != out[1].o_id
    assert any(a.startswith("王伟") for a in report.ambiguous)


def test_resolve_role_named_member_when_unambiguous() -> None:
    docs = [doc("d1", "朔州市人民政府办公室")]
    facts = [fact("任职", "何向荣", "Person", "市政府", "Organization", position="副市长"),
             fact("负责", "何向荣", "Person", "住房和城乡建设", "Area"),
             fact("任职", "田东", "Person", "市政府", "Organization", position="副市长"),
             fact("负责", "田东", "Person", "教育", "Area"),
             fact("成员", "负责住房和城乡建设工作的副市长", "Person", "某专班", "TaskForce", s_unnamed=True)]
    out, report = resolve(facts, docs)
    assert out[-1].s_id == out[0].s_id and out[-1].inferred
    assert not report.unresolved


def test_resolve_is_stable() -> None:
    docs = [doc("d1", "朔州市人民政府办公室")]
    facts = [fact("分管", "张三", "Person", "市财政局", "Organization")]
    assert resolve(facts, docs)[0] == resolve(list(facts), docs)[0]


def test_org_kinds_from_names() -> None:
    from graph.kinds import org_kind

    assert org_kind("市财政局") == "政府部门"
    assert org_kind("市委政法委") == "党委部门"
    assert org_kind("朔州机场建设管理有限公司") == "企业"
    assert org_kind("朔州职业技术学院") == "学校"
    assert org_kind("朔州军分区") == "军队武警"
    assert org_kind("团市委") == "群团组织"
    assert org_kind("平鲁区人民政府") == "县区政府"
    assert org_kind("市公安局交警支队") == "政府部门"
    assert org_kind("朔州海关") == "驻地单位"



def test_resolve_places_are_chosen_in_a_fixed_order_under_any_hash_seed() -> None:
    """A place written in full wins over another place whose short form is the same text
    (甲乙市 against a misread 甲乙市市), whatever order a set gives: runs under three hash
    seeds read the same place."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    code = ("from graph.places import Places; p = Places(known=['甲乙市市', '甲乙市', '丙丁县']); "
            "print(p.prefix('甲乙市财政局'), p.named_within('国家统计局甲乙市调查队'))")
    outs = {subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin", "PYTHONPATH": str(root)}).stdout
            for seed in ("1", "2", "3", "4", "5", "6", "7", "8")}
    assert outs == {"('甲乙市', '市财政局') 甲乙市\n"}, outs


def test_resolve_task_force_with_and_without_its_place_and_level_word() -> None:
    """霁州市X领导小组, 市X领导小组 and X领导小组 in one place's documents are one body, at every
    level; the same name at another place stays another body."""
    for place, issuer in [("青禾市", "青禾市人民政府"), ("白桦县", "白桦县人民政府"), ("红柳旗", "红柳旗人民政府"),
                          ("西岭区", "西岭区人民政府")]:
        level = place[-1]
        docs = [doc("d1", issuer), doc("d2", issuer), doc("d3", issuer), doc("d4", "东岚市人民政府")]
        facts = [fact("成员", "严东升", "Person", f"{place}优化营商环境工作领导小组", "TaskForce", "d1"),
                 fact("成员", "林北", "Person", f"{level}优化营商环境工作领导小组", "TaskForce", "d2"),
                 fact("成员", "韦南", "Person", "优化营商环境工作领导小组", "TaskForce", "d3"),
                 fact("成员", "贺西", "Person", "优化营商环境工作领导小组", "TaskForce", "d4")]
        out, _ = resolve(facts, docs)
        assert out[0].o_id == out[1].o_id == out[2].o_id, place
        assert out[3].o_id != out[0].o_id
