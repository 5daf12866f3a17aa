"""数据质量: how much the graph holds, and what a careful reader should check, with sources."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app import data, ui
from graph.model import SCHEMA

st.title("数据质量")
AS_OF = ui.as_of_note()
labels, types = data.counts()
q = data.quality(AS_OF)

c = st.columns(5)
c[0].metric("节点", sum(labels.values()))
c[1].metric("关系", sum(types.values()))
c[2].metric("未能对应到姓名", len(q.unresolved))
c[3].metric("同名实体", len(q.ambiguous))
c[4].metric("冲突", len(q.double_supervision) + len(q.double_heads))

count_col, type_col = st.columns(2)
with count_col:
    st.markdown("#### 节点（按类型）")
    st.dataframe(pd.DataFrame({"类型": [SCHEMA.nodes[k].zh for k in labels], "标签": list(labels),
                               "数量": list(labels.values())}), hide_index=True, width="stretch")
with type_col:
    st.markdown("#### 关系（按类型）")
    st.dataframe(pd.DataFrame({"关系": [SCHEMA.relationships[k].zh for k in types], "类型": list(types),
                               "数量": list(types.values())}), hide_index=True, width="stretch")


def sources(facts) -> None:  # type: ignore[no-untyped-def]
    """Each fact's document as a link to the 文档 page, with its sentence."""
    for f in facts:
        ev = f.evidence
        doc = ev.doc or (ev.docs[0] if ev.docs else None)
        c1, c2 = st.columns([2, 5])
        with c1:
            if doc:
                ui.document_link(doc)
        c2.caption(f"{f.describe()}　{ev.date or ''}　{ev.sentence or ''}")


st.markdown(f"#### 冲突：一个单位同时由多位领导分管（{len(q.double_supervision)}）")
if not q.double_supervision:
    st.caption("没有发现。")
for body, facts in q.double_supervision:
    with st.expander(f"{body.name}：{'、'.join(sorted({f.subject.name for f in facts}))}"):
        ui.entity_link(body.id, body.name, body.label)
        sources(facts)

st.markdown(f"#### 冲突：一个正职同时有多人在任（{len(q.double_heads)}）")
st.caption("可能是任免通知没有收录（旧任者未见免职），也可能是抽取错误。")
if not q.double_heads:
    st.caption("没有发现。")
for org, facts in q.double_heads:
    title = facts[0].role or ""
    with st.expander(f"{org.name}{title}：{'、'.join(sorted({f.subject.name for f in facts}))}"):
        ui.entity_link(org.id, org.name, org.label)
        sources(facts)

st.markdown(f"#### 未能对应到姓名的人员（{len(q.unresolved)}）")
st.caption("文件只写了职务（如“市长”），图谱中找不到唯一的任职者。")
for ref, facts in q.unresolved:
    with st.expander(f"{ref.name}（{len(facts)} 条关系）"):
        ui.entity_link(ref.id, ref.name, ref.label)
        sources(facts)

st.markdown(f"#### 同名而分开的实体（{len(q.ambiguous)}）")
st.caption("同一个名字在不同地方出现，没有证据表明是同一人或同一单位，因此分开保存。")
for name, refs in q.ambiguous:
    st.markdown(f"**{name}**")
    ui.entity_links([(r.id, f"{r.name}（{r.kind or ui.zh_label(r.label)}）", r.label) for r in refs])

st.markdown(f"#### 未能放入图谱的事实（{len(q.not_in_graph)}）")
if q.not_in_graph:
    st.dataframe(pd.DataFrame({"问题": q.not_in_graph}), hide_index=True, width="stretch")
else:
    st.caption("没有。")
