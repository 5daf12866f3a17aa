"""变化: what changed between two dates or two gazettes, the same query as `govkg changes`:
posts taken and left, 分工 given, dropped and handed over, task forces set up and
dissolved, members who joined and left; every change with the document that shows it.

The window is in the URL (`?since=&until=` or `?a=&b=`), so a comparison can be sent on.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence
from urllib.parse import urlencode

import streamlit as st

from app import data, ui
from queries.changes import WindowError, parse_date

HOW = {"appoint": "任命", "remove": "免去", "mention": "首次见于文件", "ended": "结束"}
MEMBER_CHANGE = {"joined": "加入", "left": "退出", "role": "角色变化"}
DATES, GAZETTES = "两个日期之间", "两份公报之间"

st.title("变化")
if ui.place():  # the window below is the page's own time: no 截至 day here
    st.markdown(f":violet-badge[:material/location_on: {ui.place()}] 只显示这个地方的变化。")
st.caption("某段时间内发生了什么：任免、分工的增减与交接、议事协调机构的设立与撤销、成员的进出；"
           "每一条都附有说明它的文件。与命令 `govkg changes` 相同。")

mode = st.segmented_control("比较", [DATES, GAZETTES], key="changes.mode", bind="query-params",
                            default=GAZETTES if st.query_params.get("a") else DATES) or DATES
between: tuple[str, str] | None = None
since = until = None
if mode == DATES:
    c1, c2 = st.columns(2)
    since_text = c1.text_input("从（不含）", key="since", bind="query-params", placeholder="YYYY-MM-DD，回车生效")
    until_text = c2.text_input("到（含，可留空）", key="until", bind="query-params", placeholder="YYYY-MM-DD")
    try:
        since = parse_date(since_text, "从") if since_text and since_text.strip() else None
        until = parse_date(until_text, "到") if until_text and until_text.strip() else None
    except WindowError as exc:
        st.error(f"日期写法不对：{exc}")
        st.stop()
    if not since:
        st.info("填写起始日期（如 2023-06-01）并回车，查看此后的变化；结束日期可留空。")
        st.stop()
else:
    gazettes = data.gazettes()
    if len(gazettes) < 2:
        st.info("图谱里只有一份公报：加入另一份后即可比较。")
        st.stop()
    names = {src: f"{shown}（最新文件 {day or '日期不详'}）" for src, shown, day in gazettes}
    sources = [src for src, _, _ in gazettes]
    by_shown = {shown: src for src, shown, _ in gazettes}

    def pick(column: Any, title: str, param: str) -> str | None:
        """A gazette picker whose choice is in the URL (the file as shown, relative to the store)."""
        linked = st.query_params.get(param)
        linked = by_shown.get(linked, linked)
        chosen = column.selectbox(title, sources, index=sources.index(linked) if linked in sources else None,
                                  key=f"changes.{param}", format_func=names.get, placeholder="选择公报")
        shown_as = data.relative_source(chosen) if chosen else None
        if shown_as and st.query_params.get(param) != shown_as:
            st.query_params[param] = shown_as
        return chosen

    c1, c2 = st.columns(2)
    a = pick(c1, "较早的公报", "a")
    b = pick(c2, "较新的公报", "b")
    if not a or not b:
        st.info("选择两份公报：显示较早一份的最新文件之后、到较新一份的最新文件为止的变化。")
        st.stop()
    between = (a, b)

try:
    result = data.changes(since, until, between)
except WindowError as exc:
    st.error(f"无法比较：{exc}")
    st.stop()

w = result.window
st.subheader(f"{w.since or '…'} 之后 — {w.until or '至今'}")


def doc_url(ev: Any) -> str | None:
    """The 文档 page at the document (and the sentence, where the line is known)."""
    doc = ev.doc or (ev.docs[0] if ev.docs else None)
    if not doc:
        return None
    params = {"doc": doc}
    _, sep, line = (ev.source or "").rpartition(":")
    if sep and line.isdigit():
        params["line"] = line
    return "documents?" + urlencode(ui.link_params(**params))


def section(title: str, rows: Sequence[Any], cells: Callable[[Any], dict[str, Any]],
            refs: Callable[[Any], Sequence[Any]]) -> int:
    kept = [r for r in rows if ui.in_place(*refs(r))]
    st.markdown(f"#### {title}（{len(kept)}）")
    if not kept:
        st.caption("（无）")
        return 0
    table = []
    for r in kept:
        row = cells(r)
        ev = r.evidence
        row["文件"] = "、".join(ev.docs) if ev.docs else (ev.doc or "")
        row["打开"] = doc_url(ev) or ""
        table.append(row)
    st.dataframe(table, hide_index=True, width="stretch", column_config={
        "打开": st.column_config.LinkColumn("打开", display_text="原文 ↗", help="打开文件，定位到依据"),
    })
    with st.expander("文件与原文"):
        for r in kept:
            ev = r.evidence
            ui.evidence_link(ev, label=f"{ev.date or ''} {ev.doc or '、'.join(ev.docs)}"
                             + (f"：{ev.sentence[:60]}" if ev.sentence else ""))
    return len(kept)


name = ui.shown_name
shown = 0
shown += section("任职：新任", result.posts_new,
                 lambda c: {"日期": c.date, "人员": name(c.person), "职务": c.title or "", "机构": name(c.organization),
                            "方式": HOW.get(c.via, c.via)},
                 lambda c: (c.person, c.organization))
shown += section("任职：结束", result.posts_ended,
                 lambda c: {"日期": c.date, "人员": name(c.person), "职务": c.title or "", "机构": name(c.organization),
                            "方式": HOW.get(c.via, c.via), "起": c.fact.valid_from or ""},
                 lambda c: (c.person, c.organization))
shown += section("分工：新增", result.duties_new,
                 lambda c: {"日期": c.date, "领导": name(c.fact.subject), "关系": c.fact.zh, "对象": name(c.fact.object)},
                 lambda c: (c.fact.subject, c.fact.object))
shown += section("分工：结束", result.duties_ended,
                 lambda c: {"日期": c.date, "领导": name(c.fact.subject), "关系": c.fact.zh, "对象": name(c.fact.object),
                            "起": c.fact.valid_from or ""},
                 lambda c: (c.fact.subject, c.fact.object))


class _Handover:
    """A handover as a row: its newest document stands for it."""

    def __init__(self, h: Any) -> None:
        self.h = h
        self.evidence = (h.after or h.before)[0].evidence


shown += section("分工：交接", [_Handover(h) for h in result.duties_changed],
                 lambda x: {"日期": x.h.date, "关系": ui.zh_type(x.h.type), "对象": name(x.h.object),
                            "原": "、".join(c.fact.subject.name for c in x.h.before),
                            "现": "、".join(c.fact.subject.name for c in x.h.after)},
                 lambda x: (x.h.object,))
force = lambda c: {"日期": c.date, "议事协调机构": name(c.task_force), "成员": c.members, "成员单位": c.units,
                   "负责": "、".join(c.heads)}
shown += section("议事协调机构：新设", result.task_forces_new, force, lambda c: (c.task_force,))
shown += section("议事协调机构：撤销", result.task_forces_dissolved, force, lambda c: (c.task_force,))
shown += section("成员变化", result.members,
                 lambda c: {"日期": c.date, "议事协调机构": name(c.task_force), "变化": MEMBER_CHANGE.get(c.change, c.change),
                            "成员": name(c.member),
                            "角色": f"{c.old_role or ''} → {c.role or ''}" if c.change == "role" else (c.role or "")},
                 lambda c: (c.task_force, c.member))
if not shown:
    st.info("这段时间内没有变化" + (f"（{ui.place()}）" if ui.place() else "") + "。")
