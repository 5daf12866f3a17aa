"""责任链: from the mayor to a body or work area and on to its heads and task forces, or the
shortest labelled paths between two entities; as a graph and as a list with evidence.
The target (`?target=`) or the pair (`?a=&b=`) is in the URL."""

from __future__ import annotations

import streamlit as st

from app import data, ui
from app.graph_view import GraphEdge, GraphNode, graph_view, legend_html
from queries.records import Fact

LEVELS = {"mayor": "市长", "leader": "分管领导", "unit": "单位", "area": "工作领域", "head": "负责人",
          "deputy": "副职", "task_force": "议事协调机构"}

st.title("责任链")
AS_OF = ui.as_of_note()
everyone = data.entities(["Organization", "Area", "TaskForce", "Person"])
by_id = {e.id: e for e in everyone}
linked = {st.query_params.get(k) for k in ("target", "a", "b")}
entities = [e for e in everyone if ui.in_place(e) or e.id in linked]  # the sidebar's place, and what the URL names
labels = ui.picker_labels(entities, ui.several_places())


def label_of(entity_id: str) -> str:
    return labels[entity_id]


def pick(title: str, key: str, param: str) -> str | None:
    """A picker whose choice is kept in the URL (`?target=`, `?a=`, `?b=`), so the chain or
    the path pair can be bookmarked and sent on."""
    ids = [e.id for e in entities]
    default = st.query_params.get(param)
    index = ids.index(default) if default in ids else None
    chosen = st.selectbox(title, ids, index=index, format_func=label_of, key=key,
                          placeholder="输入名称：单位、工作领域（消防、财政 …）、专班或领导")
    if chosen and st.query_params.get(param) != chosen:
        st.query_params[param] = chosen
    return chosen


def edges_of(facts: list[Fact]) -> tuple[list[GraphNode], list[GraphEdge]]:
    nodes: dict[str, GraphNode] = {}
    edges: dict[str, GraphEdge] = {}
    for f in facts:
        for ref in (f.subject, f.object):
            nodes.setdefault(ref.id, GraphNode(ref.id, ref.label, ref.name))
        edge_id = f"{f.subject.id}|{f.type}|{f.object.id}|{f.role or ''}"
        edges.setdefault(edge_id, GraphEdge(edge_id, f.subject.id, f.object.id, f.type, f.role))
    return list(nodes.values()), list(edges.values())


MODES = ["从市长到一个单位、领域或专班", "两个实体之间的关系"]
mode = st.radio("查什么", MODES, horizontal=True, key="chain.mode",
                index=1 if st.query_params.get("a") or st.query_params.get("b") else 0)

if mode.startswith("从市长"):
    target = pick("单位、工作领域、专班或领导", "chain.target", "target")
    if not target:
        st.info("选择一个单位（如 市财政局）、工作领域（如 消防）或专班。")
        st.stop()
    chain = data.responsibility_chain(target, AS_OF)
    facts = [s.fact for s in chain.steps if s.fact is not None]
    st.subheader(f"{chain.start.name} 的责任链")
    graph_tab, list_tab = st.tabs(["图", "列表与依据"])
    with graph_tab:
        nodes, edges = edges_of(facts)
        for step in chain.steps:  # steps without a fact still appear
            if step.entity.id not in {n.id for n in nodes}:
                nodes.append(GraphNode(step.entity.id, step.entity.label, step.entity.name))
        st.markdown(legend_html(sorted({n.label for n in nodes}), roles=False), unsafe_allow_html=True)
        clicked = graph_view(nodes, edges, key="chain.graph", height=480)
        if clicked and clicked.node_id:
            st.page_link(ui.PROFILE_PAGE, label=f"打开档案：{next((n.name for n in nodes if n.id == clicked.node_id), '')}",
                         query_params=ui.link_params(id=clicked.node_id))
    with list_tab:
        if not chain.steps:
            st.caption("没有找到这条链上的事实。")
        for step in chain.steps:
            how = ""
            if step.fact is not None:
                how = f" — {step.fact.zh}{'：' + step.fact.role if step.fact.role else ''}"
                if step.fact.inferred:
                    how += "（推断）"
            c1, c2 = st.columns([1, 4])
            c1.markdown(f"**{LEVELS.get(step.level, step.level)}**")
            with c2:
                ui.entity_link(step.entity.id, step.entity.name + how, step.entity.label)
                if step.fact is not None:
                    ev = step.fact.evidence
                    st.caption(ui.evidence_line(ev.docs or ([ev.doc] if ev.doc else []), ev.date, ev.sentence)
                               + (f"　{step.fact.note}" if step.fact.note else ""))
                    if ev.doc or ev.docs:
                        ui.evidence_link(ev, label=f"打开原文：{ev.doc or ev.docs[0]}")
else:
    c1, c2 = st.columns(2)
    with c1:
        a = pick("从", "chain.a", "a")
    with c2:
        b = pick("到", "chain.b", "b")
    if not a or not b:
        st.info("选择两个实体，查看它们之间最短的关系路径。")
        st.stop()
    if a == b:
        st.warning("请选择两个不同的实体。")
        st.stop()
    paths = data.paths_between(a, b, as_of=AS_OF)
    if not paths:
        st.warning(f"{by_id[a].name} 与 {by_id[b].name} 之间在 6 步内没有关系。")
        st.stop()
    st.subheader(f"{len(paths)} 条最短路径（{paths[0].length} 步）")
    facts = [f for p in paths for f in p.facts]
    nodes, edges = edges_of(facts)
    st.markdown(legend_html(sorted({n.label for n in nodes}), roles=False), unsafe_allow_html=True)
    graph_view(nodes, edges, key="chain.paths", height=420)
    for i, p in enumerate(paths, 1):
        st.markdown(f"**路径 {i}**：{p.describe()}")
        for f in p.facts:
            ev = f.evidence
            st.caption(f"{f.describe()}　" + ui.evidence_line(ev.docs or ([ev.doc] if ev.doc else []), ev.date, ev.sentence))
