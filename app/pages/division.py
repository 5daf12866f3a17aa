"""分工总览: the division of work at a glance — leaders × bodies, and mayor → leaders → bodies."""

from __future__ import annotations

import streamlit as st

from app import data, ui
from app.division import leaders, matrix, mayors, shared_bodies, tree
from app.graph_view import GraphEdge, GraphNode, graph_view, legend_html

st.title("分工总览")
AS_OF = ui.as_of_note()
div = data.division(AS_OF)
if ui.place():  # the sidebar's place: its leaders' division of work
    div = data.Division([f for f in div.duties if ui.in_place(f.subject)], div.posts,
                        [f for f in div.presides if ui.in_place(f.subject)])
if not div.duties:
    st.info("图谱里还没有分管、主管、联系关系：加入一份市政府工作分工的通知即可看到。")
    st.stop()

present = [t for t in data.DIVISION_TYPES if any(f.type == t for f in div.duties)]
chosen = st.multiselect("关系", present, default=present, format_func=ui.zh_type, key="division.types")
types = tuple(t for t in data.DIVISION_TYPES if t in chosen)
ordered = leaders(div.duties, div.posts, div.presides)
top = mayors(ordered, div.presides)

# Views, not tabs: the tree graph is laid out only when it is on screen.
view = st.segmented_control("视图", ["领导 × 单位", "市长 → 副市长 → 单位"], default="领导 × 单位",
                            key="division.view") or "领导 × 单位"
if view == "领导 × 单位":
    table = matrix(div.duties, ordered, types)
    st.caption(f"{table.shape[0]} 个单位或领域 · {table.shape[1]} 位领导。空格表示没有关系。")
    st.dataframe(table, width="stretch", height=min(38 * (len(table) + 1), 700))
    twice = shared_bodies(div.duties, "IN_CHARGE_OF")
    if twice:
        st.warning(f"{len(twice)} 个单位同时由多位领导分管，见“数据质量”页。")

else:
    everyone = tree(div.duties, ordered, top, types)
    names = {leader.ref.id: ui.shown_name(leader.ref) for leader, _ in everyone}
    picked = st.multiselect("只看这些领导", [leader.ref.id for leader, _ in everyone if leader not in top],
                            format_func=names.get, key="division.leaders", placeholder="全部领导")
    branches = [(leader, facts) for leader, facts in everyone if not picked or leader.ref.id in picked
                or leader in top]
    nodes: dict[str, GraphNode] = {}
    edges: list[GraphEdge] = []
    for mayor in top:
        nodes[mayor.ref.id] = GraphNode(mayor.ref.id, mayor.ref.label, f"{mayor.ref.name}（{mayor.title or '市长'}）")
    for leader, facts in branches:
        if leader in top:
            continue
        nodes.setdefault(leader.ref.id, GraphNode(leader.ref.id, leader.ref.label,
                                                  f"{leader.ref.name}（{leader.title}）" if leader.title else leader.ref.name))
        for mayor in top:
            # no document says so: under 市长负责制 the mayor leads the leaders (inferred)
            edges.append(GraphEdge(f"{mayor.ref.id}>{leader.ref.id}", mayor.ref.id, leader.ref.id, "市长负责制",
                                   "推断"))
        for f in facts:
            nodes.setdefault(f.object.id, GraphNode(f.object.id, f.object.label, f.object.name))
            edges.append(GraphEdge(f"{f.subject.id}|{f.type}|{f.object.id}", f.subject.id, f.object.id, f.type))
    st.markdown(legend_html(sorted({n.label for n in nodes.values()}), roles=False), unsafe_allow_html=True)
    # a top-down tree reads well for a few leaders; for all of them, clusters around each leader
    graph_view(list(nodes.values()), edges, key="division.tree", height=640, tree=0 < len(picked) <= 3)

    for leader, facts in branches:
        head = f"{leader.ref.name}（{leader.title}）" if leader.title else leader.ref.name
        with st.expander(f"{head} · {len(facts)} 个单位或领域", expanded=False):
            ui.entity_link(leader.ref.id, f"{leader.ref.name} 的档案", leader.ref.label)
            ui.fact_section("分管、主管、联系", facts, links=True)
