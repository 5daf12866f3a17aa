"""档案: everything about one person, organisation, task force, area or document, with sources.

The entity comes from the URL (`?id=…`), so every name on every page can link here; the
profile last open comes back when one returns to this page from another.
"""

from __future__ import annotations

import streamlit as st

from app import data, doc_view, ui
from queries.records import Fact

st.title("档案")
AS_OF = ui.as_of_note()

LAST = "profile.last"  # the profile open before another page was visited: shown again on return
entities = data.entities()
by_id = {e.id: e for e in entities}
current = st.query_params.get("id")
if not current and st.session_state.get(LAST):
    current = st.session_state[LAST]
    st.query_params["id"] = current
if current:
    st.session_state[LAST] = current
if current not in by_id and current:
    doc = data.document(current)
    if doc is None:
        st.warning("没有找到这个实体（链接可能已过期，或图谱已重建）。")
        current = None

choices = [e for e in entities if ui.in_place(e) or e.id == current]
picked = st.selectbox("选择实体", [e.id for e in choices], index=None, key="profile.pick",
                      format_func=ui.picker_labels(choices, ui.several_places()).get,
                      placeholder="输入名称查找：人员、机构、议事协调机构、工作领域、文件 …")
if picked and picked != current:
    st.query_params["id"] = picked
    st.rerun()
if not current:
    st.info("从上面选择一个实体，或在“搜索与问答”中搜索。")
    st.stop()


def header(name: str, label: str, kind: str | None = None, aliases: list[str] | None = None) -> None:
    st.markdown(f"## {name} {ui.label_badge(label)}", unsafe_allow_html=True)
    extra = [f"类别：{kind}"] if kind else []
    if aliases:
        extra.append("又称：" + "、".join(aliases))
    if extra:
        st.caption(" · ".join(extra))


def other_side(facts: list[Fact], me: str) -> list[tuple[Fact, str]]:
    return [(f, "object" if f.subject.id == me else "subject") for f in facts]


ref = by_id.get(current)
if ref is None or ref.label == "Document":  # documents: by id or by number
    doc = data.document(current)
    if doc is None:
        st.warning("这份文件不在图谱的文件列表中。")
        st.stop()
    header(doc.title or doc.label, "Document")
    doc_view.render(doc, key="profile.doc", as_of=AS_OF)
    st.stop()

header(ui.shown_name(ref), ref.label, ref.kind)

if ref.label == "Person":
    p = data.portfolio(ref.id, AS_OF)
    current = [ui.post_name(f.object.name, f.role) for f in p.posts if f.is_current(AS_OF) and f.role]
    if current:
        st.markdown("**" + "、".join(current) + "**")
    ui.fact_section("职务", p.posts)
    ui.fact_section("主持", p.presides)
    ui.fact_section("负责的工作", p.areas, links=True)
    ui.fact_section("分管 / 主管的单位", p.supervises)
    ui.fact_section("联系的单位", p.liaises)
    ui.fact_section("参加的议事协调机构", p.task_forces)
    if p.ended:
        ui.fact_section("已结束的分工与专班职务", p.ended)
    st.markdown(f"#### 任免时间线（{len(p.appointments)}）")
    if p.appointments:
        for r in p.appointments:
            st.markdown(f"- **{r.date or '日期不详'}** {r.zh} {ui.post_name(r.organization.name, r.title)}"
                        f"{'（试用期一年）' if r.probation else ''} · 依据 {r.evidence.doc or ''}")
        st.dataframe(ui.appointment_rows(p.appointments), hide_index=True, width="stretch")
    else:
        st.caption("（无记录）")

elif ref.label == "Organization":
    o = data.org_profile(ref.id, AS_OF)
    ui.fact_section("领导（负责人、分管、主管、联系）", o.leaders, other="subject")
    ui.fact_section("任职人员", o.staff, other="subject")
    st.markdown(f"#### 议事协调机构（{len(o.task_forces)}）")
    if o.task_forces:
        forces = [(f.object if f.object.label == "TaskForce" else f.subject) for f in o.task_forces]
        ui.entity_links([(t.id, t.name, t.label) for t in forces])
        rows = ui.fact_rows(o.task_forces)
        for row, tf in zip(rows, forces):
            row["名称"] = tf.name
        st.dataframe(rows, hide_index=True, width="stretch")
    else:
        st.caption("（无记录）")
    st.markdown(f"#### 任免（{len(o.appointments)}）")
    if o.appointments:
        st.dataframe(ui.appointment_rows(o.appointments), hide_index=True, width="stretch")
    else:
        st.caption("（无记录）")

elif ref.label == "TaskForce":
    t = data.task_force_profile(ref.id, AS_OF)
    ui.fact_section("成员", t.members, other="subject")
    if t.former:
        ui.fact_section("原成员（已由后来的名单调整）", t.former, other="subject")
    ui.fact_section("成员单位", t.units, other="subject")
    ui.fact_section("办公室设在", t.office)
    ui.fact_section("牵头", t.leads, other="subject")
    if t.subgroups:
        st.markdown(f"#### 下设与上级（{len(t.subgroups)}）")
        sides = other_side(t.subgroups, ref.id)
        ui.entity_links([(getattr(f, s).id, getattr(f, s).name, getattr(f, s).label) for f, s in sides])

elif ref.label == "Area":
    ui.fact_section("负责 / 分管的领导", data.area_leaders(ref.id, AS_OF), other="subject")

else:
    facts = data.neighbourhood(ref.id, AS_OF)
    st.markdown(f"#### 关系（{len(facts)}）")
    sides = other_side(facts, ref.id)
    ui.entity_links([(getattr(f, s).id, getattr(f, s).name, getattr(f, s).label) for f, s in sides])
    rows = []
    for f, s in sides:
        row = ui.fact_rows([f], s)[0]
        rows.append(row)
    st.dataframe(rows, hide_index=True, width="stretch")
