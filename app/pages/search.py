"""搜索与问答: one box for a name (abbreviations, typos and pinyin welcome) or a question in
Chinese; answers come with their evidence and link to the entities."""

from __future__ import annotations

import streamlit as st

from app import data, ui
from app.examples import QUESTIONS

st.title("搜索与问答")
AS_OF = ui.as_of_note()


def ask_example(question: str) -> None:
    st.session_state["q"] = question


query = st.text_input("输入名称或问题", key="q", bind="query-params",
                      placeholder="例如：谁分管市财政局 · 武跃飞 · 发改委 · wuyuefei · 黄军参加了哪些工作专班")
cols = st.columns(4)
for i, question in enumerate(QUESTIONS):
    cols[i % 4].button(question, key=f"search.example.{i}", on_click=ask_example, args=(question,),
                       type="tertiary")

query = (query or "").strip()
if not query:
    st.caption("可以直接输入名称（人员、单位、专班、工作领域、文号），也可以用中文提问。")
    st.stop()

answer = data.ask(query, AS_OF)
describes = answer.form == "describe"  # a bare name: the entities come first, then a summary
if answer.understood and not answer.ambiguous and not describes:
    st.subheader("回答")
    linked = data.answer_entities(answer)
    if linked:
        for text, ref in linked[:40]:
            if ref is not None:
                ui.entity_link(ref.id, text, ref.label)
            else:
                st.markdown(f"- **{text}**")
        if len(linked) > 40:
            st.caption(f"…… 另有 {len(linked) - 40} 项")
    else:
        st.info("图谱里没有找到答案。")
    if answer.message:
        st.markdown(answer.message)
    if answer.details:
        with st.expander(f"详情（{len(answer.details)}）"):
            st.markdown("\n".join(f"- {d}" for d in answer.details))
    if answer.evidence:
        st.markdown(f"**依据（{len(answer.evidence)}）**")
        for ev in answer.evidence[:30]:
            doc = ev.doc or (ev.docs[0] if ev.docs else None)
            c1, c2 = st.columns([2, 7])
            with c1:
                if doc:
                    ui.document_link(doc)
            c2.markdown(f"{ev.date or '日期不详'}：{ev.sentence or ''}")
    if answer.queries:
        with st.expander("查询语句（Cypher）"):
            for q in answer.queries:
                st.code(q.cypher, language="cypher")
                st.caption(f"{q.name} · 参数 {q.params} · {q.rows} 行")
elif answer.ambiguous:  # a name in the question could mean several entities
    st.warning(answer.message)
    for candidates in answer.candidates.values():
        ui.entity_links([(m.entity.id, m.entity.placed, m.entity.label) for m in candidates])
elif data.looks_like_question(query):
    st.info("没有理解这个问题。可以这样问：")
    st.markdown("\n".join(f"- {s}" for s in answer.suggestions[:15]))

matches = data.search(query, limit=8)
st.subheader("问题中提到的实体" if answer.understood and not describes else "匹配的实体")
if not matches:
    st.caption("没有找到相近的名称。")
for m in matches:
    c1, c2 = st.columns([4, 3])
    with c1:  # a name several places share is shown with its place
        ui.entity_link(m.entity.id, m.entity.placed, m.entity.label)
    how = data.MATCH_HOW.get(m.how, m.how)
    sure = how if m.how in ("exact", "alias", "canonical") else f"匹配度 {m.score:.0f}（{how}）"
    c2.markdown(f"{ui.label_badge(m.entity.label)} <small>{sure}</small>", unsafe_allow_html=True)

if describes and answer.understood and not answer.ambiguous and answer.message:
    st.subheader("概要")
    st.markdown(answer.message)
    if answer.evidence:
        with st.expander(f"依据（{len(answer.evidence)}）"):
            for ev in answer.evidence[:30]:
                st.markdown(ui.evidence_line(ev.docs or ([ev.doc] if ev.doc else []), ev.date, ev.sentence))
