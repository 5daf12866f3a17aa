"""A small hand-written graph modelled on the seed gazette (data/gazettes/shuozhou-2023-04.txt).

Three documents: the 工作分工 notice 朔政办发〔2023〕26号, the task force notice
朔政办函〔2023〕43号 and the 任免 notice 朔政干发〔2023〕5号. Names written 市发改委 are
resolved (o_id/o_name) to 市发展和改革委员会, as entity resolution would.
"""

from __future__ import annotations

from typing import Any

from graph.records import Assertion, DocumentInfo, make_id

SOURCE = "data/gazettes/shuozhou-2023-04.txt"
WORK = "朔政办发〔2023〕26号"
FORCE = "朔政办函〔2023〕43号"
APPOINT = "朔政干发〔2023〕5号"
TASK_FORCE = "朔州市能源产业“五个一体化”融合发展工作专班"
NDRC = "市发展和改革委员会"

DOCUMENTS = [
    DocumentInfo(make_id("Document", WORK), WORK, "朔州市人民政府办公室关于市长副市长秘书长工作分工的通知",
                 "朔州市人民政府办公室", "2023-08-08", "work_division", SOURCE, (1595, 1681)),
    DocumentInfo(make_id("Document", FORCE), FORCE,
                 "朔州市人民政府办公室关于成立朔州市能源产业“五个一体化”融合发展工作专班的通知",
                 "朔州市人民政府办公室", "2023-08-01", "task_force", SOURCE, (2840, 2917)),
    DocumentInfo(make_id("Document", APPOINT), APPOINT, "朔州市人民政府关于雷惊春等同志任免职的通知",
                 "朔州市人民政府", "2023-08-08", "appointment", SOURCE, (1365, 1393)),
]
_DOCS = {d.number: d for d in DOCUMENTS}


def _a(doc: str, line: int, rel: str, rtype: str, s: str, s_type: str, o: str, o_type: str,
       evidence: str, **extra: Any) -> Assertion:
    info = _DOCS[doc]
    return Assertion(rel=rel, type=rtype, s=s, s_type=s_type, o=o, o_type=o_type, doc=doc,
                     doc_id=info.doc_id, date=info.date, evidence=evidence, source=SOURCE, line=line,
                     extractor="hand", **extra)


_NDRC = {"o_id": make_id("Organization", NDRC), "o_name": NDRC}
_W1 = "市委常委、副市长武跃飞:负责市人民政府常"
_W2 = "务工作。负责发展改革、财政、应急管理(安全生产)、统计、行政审批、营商环境、政务公开、行政事业单位国有资产管理、消防等方面的工作。"
_W3 = ("分管市政府办公室、市发展和改革委员会(市粮食和物资储备局)、市财政局、市应急管理局(市地方煤矿安全监督管理局)、"
       "市统计局、市行政审批服务管理局(市政务信息管理局)、市项目推进中心、市新兴产业发展促进中心、市防震减灾中心、市资产管理公司。")
_L1 = ("分管市科学技术局、市工业和信息化局(市政府国有资产监督管理委员会、市大数据应用局)、市生态环境局、市能源局、"
       "市小微企业发展服务中心、市城镇集体工业联社、市产业技术研究院、市物产集团。")
_OFFICE = "专班办公室设在市发改委，承担专班日常工作，"
_OFFICE_HEADS = "负责统筹能源产业“五个一体化”融合发展相关工作，市发改委主任、市能源局局长兼任办公室主任。"
_DECIDED = {"decided_on": "2023-08-07", "decided_by": "朔州市人民政府党组会议"}
_LEI = "雷惊春为朔州市艺术研究院院长（试用期一年），免去其朔州市艺术研究院副院长职务；"

ASSERTIONS = [
    # 朔政办发〔2023〕26号, lines 1603-1629
    _a(WORK, 1603, "主持", "PRESIDES_OVER", "吴秀玲", "Person", "市人民政府", "Organization",
       "市委副书记、市长吴秀玲:主持市人民政府全面工作。"),
    _a(WORK, 1605, "任职", "HOLDS", "武跃飞", "Person", "市人民政府", "Organization", _W1, position="副市长"),
    _a(WORK, 1607, "负责", "RESPONSIBLE_FOR", "武跃飞", "Person", "财政", "Area", _W2),
    _a(WORK, 1609, "分管", "IN_CHARGE_OF", "武跃飞", "Person", "市财政局", "Organization", _W3),
    _a(WORK, 1609, "分管", "IN_CHARGE_OF", "武跃飞", "Person", NDRC, "Organization", _W3),
    _a(WORK, 1611, "协助联系", "ASSISTS_LIAISON_WITH", "武跃飞", "Person", "市审计局", "Organization",
       "协助市长联系市审计局。"),
    _a(WORK, 1613, "联系", "LIAISES_WITH", "武跃飞", "Person", "市税务局", "Organization",
       "联系朔州军分区、市直属机关事务服务中心、市税务局、国家矿山安全监察局山西局监察执法三处、国家统计局朔州调查队、市消防救援支队。"),
    _a(WORK, 1619, "分管", "IN_CHARGE_OF", "刘亮", "Person", "市能源局", "Organization", _L1),
    _a(WORK, 1651, "主管", "DIRECTS", "袁小波", "Person", "市公安局", "Organization", "主管市公安局、市公安局交警支队。"),
    # 朔政办函〔2023〕43号, lines 2874-2902
    _a(FORCE, 2874, "成员", "MEMBER_OF", "武跃飞", "Person", TASK_FORCE, "TaskForce",
       "组 长：武跃飞 市委常委、副市长", role="组长", o_kind="工作专班"),
    _a(FORCE, 2874, "任职", "HOLDS", "武跃飞", "Person", "市人民政府", "Organization",
       "组 长：武跃飞 市委常委、副市长", position="副市长"),
    _a(FORCE, 2876, "成员", "MEMBER_OF", "刘亮", "Person", TASK_FORCE, "TaskForce",
       "刘 亮 市委常委、副市长", role="组长", o_kind="工作专班"),
    _a(FORCE, 2878, "成员", "MEMBER_OF", "刘红宇", "Person", TASK_FORCE, "TaskForce",
       "副组长：刘红宇 市发改委主任", role="副组长", o_kind="工作专班"),
    _a(FORCE, 2878, "任职", "HOLDS", "刘红宇", "Person", "市发改委", "Organization",
       "副组长：刘红宇 市发改委主任", position="主任", **_NDRC),
    _a(FORCE, 2880, "成员", "MEMBER_OF", "黄军", "Person", TASK_FORCE, "TaskForce",
       "黄 军 市能源局局长", role="副组长", o_kind="工作专班"),
    _a(FORCE, 2880, "任职", "HOLDS", "黄军", "Person", "市能源局", "Organization", "黄 军 市能源局局长",
       position="局长"),
    _a(FORCE, 2882, "成员", "MEMBER_OF", "杨秀峰", "Person", TASK_FORCE, "TaskForce",
       "成 员：杨秀峰 市工信局副局长", role="成员", o_kind="工作专班"),
    _a(FORCE, 2882, "任职", "HOLDS", "杨秀峰", "Person", "市工信局", "Organization",
       "成 员：杨秀峰 市工信局副局长", position="副局长"),
    _a(FORCE, 2898, "办公室设在", "OFFICE_AT", TASK_FORCE, "TaskForce", "市发改委", "Organization", _OFFICE,
       s_kind="工作专班", **_NDRC),
    _a(FORCE, 2900, "成员", "MEMBER_OF", "刘红宇", "Person", TASK_FORCE, "TaskForce", _OFFICE_HEADS,
       role="办公室主任", o_kind="工作专班"),
    _a(FORCE, 2900, "成员", "MEMBER_OF", "黄军", "Person", TASK_FORCE, "TaskForce", _OFFICE_HEADS,
       role="办公室主任", o_kind="工作专班"),
    # 朔政干发〔2023〕5号, lines 1375-1385
    _a(APPOINT, 1375, "任命", "HOLDS", "雷惊春", "Person", "朔州市艺术研究院", "Organization", _LEI,
       position="院长", probation=True, **_DECIDED),
    _a(APPOINT, 1375, "免去", "HOLDS", "雷惊春", "Person", "朔州市艺术研究院", "Organization", _LEI,
       position="副院长", **_DECIDED),
    _a(APPOINT, 1377, "任命", "HOLDS", "郝建平", "Person", "朔州市农业农村局", "Organization",
       "郝建平为朔州市农业农村局副局长（试用期一年）；", position="副局长", probation=True, **_DECIDED),
    _a(APPOINT, 1385, "免去", "HOLDS", "薛拉格", "Person", "朔州市教育局", "Organization",
       "薛拉格朔州市教育局督学职务。", position="督学", **_DECIDED),
]

# What every store must answer on this graph.
EXPECTED: dict[str, tuple[dict[str, Any], list[tuple[Any, ...]]]] = {
    "supervisors_of": ({"org": "市财政局"}, [("武跃飞", "IN_CHARGE_OF")]),
    "task_force_members": ({"kind": "工作专班"}, [
        (TASK_FORCE, "刘亮", "组长"), (TASK_FORCE, "刘红宇", "副组长"), (TASK_FORCE, "刘红宇", "办公室主任"),
        (TASK_FORCE, "杨秀峰", "成员"), (TASK_FORCE, "武跃飞", "组长"), (TASK_FORCE, "黄军", "副组长"),
        (TASK_FORCE, "黄军", "办公室主任"),
    ]),
    "members_of": ({"task_force": TASK_FORCE}, [
        ("刘亮", "组长"), ("刘红宇", "副组长"), ("刘红宇", "办公室主任"), ("杨秀峰", "成员"), ("武跃飞", "组长"),
        ("黄军", "副组长"), ("黄军", "办公室主任"),
    ]),
    "posts_of": ({"person": "黄军"}, [("局长", "市能源局", "unknown", "2023-08-01", None)]),
    "appointments_in": ({"number": APPOINT}, [
        ("薛拉格", "remove", "督学", "朔州市教育局", None, "2023-08-08"),
        ("郝建平", "appoint", "副局长", "朔州市农业农村局", True, "2023-08-08"),
        ("雷惊春", "appoint", "院长", "朔州市艺术研究院", True, "2023-08-08"),
        ("雷惊春", "remove", "副院长", "朔州市艺术研究院", None, "2023-08-08"),
    ]),
    "label_counts": ({}, [("Appointment", 4), ("Area", 1), ("Document", 3), ("Organization", 11),
                          ("Person", 10), ("Post", 8), ("TaskForce", 1)]),
}

# The parameters that name an entity, and its label ('' = any): the contract takes ids.
_BY_ID = {"supervisors_of": {"org": "Organization"}, "members_of": {"task_force": "TaskForce"},
          "posts_of": {"person": "Person"}, "distance_between": {"a": "", "b": ""}}


def by_id(view: Any, name: str, params: dict[str, Any]) -> dict[str, Any]:
    """`params` of the named query `name` with each entity's name replaced by its one id ('' if none)."""
    from graph.contract import ids_of

    out = dict(params)
    for key, label in _BY_ID.get(name, {}).items():
        ids = ids_of(view, label, params[key])
        assert len(ids) <= 1, (params[key], ids)
        out[key] = ids[0] if ids else ""
    return out
