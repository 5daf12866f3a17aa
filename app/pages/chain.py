"""责任链: from the mayor to a body or work area and on to its heads and task forces, or the
shortest labelled paths between two entities; as a graph and as a list with evidence."""

from __future__ import annotations

import streamlit as st

from app import data, ui
from app.graph_view import GraphEdge, GraphNode, graph_view, legend_html
from queries.records import Fact

LEVELS = {"mayor": "市长", "leader": "分管领导", "unit": "单位", "area": "工作领域", "head": "负责人",
          "deputy": "副职", "task_force": "议事协调机构"}

st.title("责任链")
AS_OF = ui.as_of_note()
entities = data.entities(["Organization", "Area", "TaskForce", "Person"])
by_id = {e.id: e for e in entities}


labels = ui.picker_labels(entities)


def label_of(entity_id: str) -> str:
    return labels[entity_id]


def pick(title: str, key: str, default: str | None) -> str | None:
    ids = [e.id for e in entities]
    index = ids.index(default) if default in by_id else None
    return st.selectbox(title, ids, index=index, format_func=label_of, key=key,
                        placeholder="输入名称：单位、工作领域（消防、财政 …）、专班或领导")


def edges_of(facts: list[Fact]) -> tuple[list[GraphNode], list[GraphEdge]]:
    nodes: dict[str, GraphNode] = {}
    edges: dict[str, GraphEdge] = {}
    for f in facts:
        for ref in (f.subject, f.object):
            nodes.setdefault(ref.id, GraphNode(ref.id, ref.label, ref.name))
        edge_id = f"{f.subject.id}|{f.type}|{f.object.id}|{f.role or ''}"
        edges.setdefault(edge_id, GraphEdge(edge_id, f.subject.id, f.object.id, f.type, f.role))
    return list(nodes.values()), list(edges.values())


mode = st.radio("查什么", ["从市长到一个单位、领域或专班", "两个实体之间的关系"], horizontal=True, key="chain.mode")

if mode.startswith("从市长"):
    target = pick("单位、工作领域、专班或领导", "chain.target", st.query_params.get("target"))
    if not target:
        st.info("选择一个单位（如 市财政局）、工作领域（如 消防）或专班。")
        st.stop()
    if st.query_params.get("target") != target:
        st.query_params["target"] = target
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
else:
    c1, c2 = st.columns(2)
    with c1:
        a = pick("从", "chain.a", st.query_params.get("a"))
    with c2:
        b = pick("到", "chain.b", st.query_params.get("b"))
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
