"""专班网络: who sits on which task force, in what role; click a node, expand it, compare groups."""

from __future__ import annotations

import streamlit as st

from app import data, ui
from app.graph_view import graph_view, keep_positions, legend_html
from app.network import (EXPAND_CAP, Filters, co_members, draw, graph_elements, neighbours, role_counts,
                         within_budget)

SELECTED, EXPANDED, STAMP = "network.selected", "network.expanded", "network.stamp"
POSITIONS = "network.positions"  # (the view's filters and day, {node id: (x, y)}): kept while expanding
st.session_state.setdefault(EXPANDED, {})

st.title("专班网络")
AS_OF = ui.as_of_note()
net = data.network(AS_OF)
if ui.place():  # the sidebar's place: its task forces, and who and what sits on them
    net = data.Network(net.nodes, [f for f in net.facts if ui.in_place(net.nodes.get(f.subject.id),
                                                                       net.nodes.get(f.object.id))])
names = ui.picker_labels(net.nodes.values(), ui.several_places())
forces = sorted((r for r in net.nodes.values() if r.label == "TaskForce"), key=lambda r: r.name)
orgs = sorted((r for r in net.nodes.values() if r.label == "Organization"), key=lambda r: r.name)

# -- filters ---------------------------------------------------------------------------------
with st.expander("筛选", expanded=True):
    c1, c2, c3 = st.columns([3, 2, 3])
    chosen_forces = c1.multiselect("议事协调机构", [r.id for r in forces], format_func=names.get,
                                   key="network.forces", placeholder="全部")
    chosen_roles = c2.multiselect("角色", sorted(role_counts(net.facts)), key="network.roles", placeholder="全部")
    chosen_orgs = c3.multiselect("单位", [r.id for r in orgs], format_func=names.get, key="network.orgs",
                                 placeholder="全部")
    c4, c5 = st.columns(2)
    show_units = c4.toggle("显示成员单位、牵头单位和办公室", value=bool(chosen_orgs), key="network.units")
    around = st.session_state.get("network.around")
    if around and c5.button(f"取消“与{names.get(around, '')}同组”", key="network.around.clear"):
        st.session_state.pop("network.around")
        around = None

flt = Filters(tuple(chosen_forces), tuple(chosen_roles), tuple(chosen_orgs), show_units, around)
view = draw(net.facts, flt, st.session_state[EXPANDED])
shown, left_out = within_budget(view.facts)
nodes, edges = graph_elements(shown)
if left_out:
    st.warning(f"网络太大，只画出成员最多的议事协调机构；另有 {left_out} 个未画出，请用上面的筛选缩小范围。")

# -- the graph and the side panel -------------------------------------------------------------
graph_col, panel_col = st.columns([3, 1])
with graph_col:
    st.markdown(legend_html(sorted({n.label for n in nodes})), unsafe_allow_html=True)
    st.caption(f"{len(nodes)} 个节点 · {len(edges)} 条关系。单击节点查看详情，双击或点 ⤢ 展开邻居；"
               "放大后显示全部名称和关系（组长、成员、分管 …）。")
    view_key = repr((flt, AS_OF, ui.place()))
    previous = st.session_state.get(POSITIONS)
    positions = keep_positions(nodes, edges, previous[1] if previous and previous[0] == view_key else None)
    st.session_state[POSITIONS] = (view_key, positions)
    event = graph_view(nodes, edges, key="network.graph", height=600, expandable=True, positions=positions,
                       view_key=view_key)
    if event and event.stamp != st.session_state.get(STAMP):
        st.session_state[STAMP] = event.stamp
        st.session_state[SELECTED] = event.node_id
        if event.action == "expand" and event.node_id:
            st.session_state[EXPANDED][event.node_id] = EXPAND_CAP
            st.rerun()

with panel_col:
    selected = st.session_state.get(SELECTED)
    ref = net.nodes.get(selected) if selected else None
    if ref is None:
        st.info("单击图中的节点，在这里查看它的关系。")
    else:
        st.markdown(f"### {ref.name}\n{ui.label_badge(ref.label)} {ref.place or ''}", unsafe_allow_html=True)
        ui.entity_link(ref.id, "打开档案", ref.label)
        ties = neighbours(net.facts, ref.id)
        hidden = view.hidden.get(ref.id)
        if st.button("展开邻居", key="network.expand", help=f"每次最多加入 {EXPAND_CAP} 个"):
            cap = st.session_state[EXPANDED].get(ref.id, 0) + EXPAND_CAP
            st.session_state[EXPANDED][ref.id] = cap
            st.rerun()
        if hidden:
            st.caption(f"已展开前 {st.session_state[EXPANDED].get(ref.id, 0)} 个，另有 {hidden} 个未显示")
        st.markdown(f"**关系（{len(ties)}）**")
        for f in ties[:30]:
            other = f.object if f.subject.id == ref.id else f.subject
            st.markdown(f"- {f.role or ui.zh_type(f.type)}：{ui.shown_name(other)}")
        if len(ties) > 30:
            st.caption(f"…… 另有 {len(ties) - 30} 条")
        if ref.label == "Person":
            mates = co_members(net.facts, ref.id)
            st.markdown(f"**同组人员（{len(mates)}）**")
            for mate, shared in mates[:12]:
                st.markdown(f"- {mate.name}：{len(shared)} 个")
            if mates and st.button("只看与TA同组", key="network.around.set"):
                st.session_state["network.around"] = ref.id
                st.rerun()
    if st.session_state[EXPANDED] and st.button("收起全部展开", key="network.collapse"):
        st.session_state[EXPANDED] = {}
        st.rerun()

# -- busiest officials and overlaps ------------------------------------------------------------
busy_tab, overlap_tab = st.tabs(["兼职最多的领导", "专班之间的重叠"])
with busy_tab:
    busiest = data.membership_counts(AS_OF)[:15]
    st.dataframe(
        [{"人员": g.person.name, "专班数": g.count, "专班": "、".join(g.task_forces)} for g in busiest],
        hide_index=True, width="stretch")
with overlap_tab:
    overlaps = data.task_force_overlaps(AS_OF)[:15]
    st.dataframe(
        [{"机构甲": o.a.name, "机构乙": o.b.name, "共同成员数": len(o.people), "共同成员": "、".join(o.people)}
         for o in overlaps],
        hide_index=True, width="stretch")
