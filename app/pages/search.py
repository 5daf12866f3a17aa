"""搜索与问答: one box for a name (abbreviations, typos and pinyin welcome) or a question in
Chinese; answers come with their evidence and link to the entities."""

from __future__ import annotations

import streamlit as st

from app import data, ui
from app.examples import QUESTIONS

st.title("🔎 搜索与问答")


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

answer = data.ask(query) if data.looks_like_question(query) else None
if answer is not None and answer.understood:
    st.subheader("回答")
    if answer.entities:
        ui.entity_links([(e.id, e.name, e.label) for e in answer.entities])
    elif answer.answers:
        st.markdown("、".join(f"**{a}**" for a in answer.answers))
    else:
        st.info("图谱里没有找到答案。")
    if answer.text:
        st.markdown(answer.text)
    if answer.evidence:
        st.markdown("**依据**")
        for ev in answer.evidence:
            doc = ev.doc or (ev.docs[0] if ev.docs else None)
            c1, c2 = st.columns([2, 7])
            with c1:
                if doc:
                    st.page_link(ui.DOCUMENTS_PAGE, label=f"📄 {doc}", query_params={"doc": doc})
            c2.markdown(f"{ev.date or '日期不详'}：{ev.sentence or ''}")
    if answer.cypher:
        with st.expander("查询语句（Cypher）"):
            st.code(answer.cypher, language="cypher")
elif answer is not None:
    st.info(answer.text or "没有理解这个问题。")
    if answer.help:
        st.markdown("可以这样问：\n" + "\n".join(f"- {h}" for h in answer.help))

matches = data.search(query, limit=8)
st.subheader("匹配的实体" if answer is None else "问题中提到的实体")
if not matches:
    st.caption("没有找到相近的名称。")
for m in matches:
    c1, c2 = st.columns([4, 3])
    with c1:
        ui.entity_link(m.entity.id, m.entity.name, m.entity.label)
    c2.markdown(f"{ui.label_badge(m.entity.label)} <small>匹配度 {m.score:.0f}（{data.MATCH_HOW.get(m.how, m.how)}）</small>",
                unsafe_allow_html=True)
