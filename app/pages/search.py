"""搜索与问答: one box for a name (abbreviations, typos and pinyin welcome) or a question in
Chinese. Answers are cards: the entity with its place and Chinese type, its evidence with
the words of the question marked, each opening the document at the sentence; grouped by
place where the store holds several, and kept to the sidebar's place when one is chosen."""

from __future__ import annotations

import streamlit as st

from app import data, ui

st.title("搜索与问答")
AS_OF = ui.as_of_note()


def ask_example(question: str) -> None:
    st.session_state["q"] = question


query = st.text_input("输入名称或问题", key="q", bind="query-params",
                      placeholder="名称（可用简称、拼音）或问题，例如下面这些")
cols = st.columns(4)
for i, question in enumerate(data.example_questions(ui.place())):  # about what this store holds
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
    named = [ref.name for ref in answer.entities.values()]
    named += [e.name for e in data.entities() if len(e.name) > 1 and e.name in query]
    words = ui.matched_words(query, named)
    if answer.yes is not None:  # a yes/no question: the verdict first, the evidence below
        (st.success if answer.yes else st.error)("是" if answer.yes else "否", icon=":material/check_circle:"
                                                 if answer.yes else ":material/cancel:")
    if answer.count is not None:  # 多少/几个: the number first, per place where grouped
        groups = [g for g in (answer.groups or []) if g.get("count") is not None]
        shown = [g for g in groups if not ui.place() or g.get("place") == ui.place()]
        if shown and (len(shown) > 1 or ui.place()):
            for col, g in zip(st.columns(min(len(shown), 4)), shown):
                col.metric(g.get("place") or "地方不详", g["count"])
        else:
            st.metric("数量", answer.count)
    cards = [c for c in data.answer_cards(answer) if ui.in_place(c.ref)]
    listed = [a for a in answer.answers if not data.is_verdict(answer, a)]
    if ui.place() and len(cards) < len(listed):
        st.caption(f"只显示{ui.place()}的回答（侧栏“地方”）；另有 {len(listed) - len(cards)} 项属于其他地方。")
    if cards:
        groups = list(dict.fromkeys(c.place for c in cards)) if ui.several_places() else [None]
        for where in groups:
            if len(groups) > 1:
                st.markdown(f"##### :material/location_on: {where or '地方不详'}")
            for card in [c for c in cards if len(groups) == 1 or c.place == where][:40]:
                ui.answer_card(card.shown, card.ref, card.evidence, [*words, card.name], card.fact)
        if len(cards) > 40:
            st.caption(f"…… 另有 {len(cards) - 40} 项")
    elif answer.yes is None and answer.count is None:
        st.info("图谱里没有找到答案。")
    message, details = answer.message, answer.details
    others = [p for p in data.places() if p != ui.place()] if ui.place() else []
    if others and getattr(answer, "groups", None):  # the sidebar's place: that place's part of a grouped answer
        message = "\n\n".join(g.get("message") or "" for g in answer.groups if g.get("place") == ui.place())
        details = [d for d in details if not any(d.startswith(f"{p}：") for p in others)]
    if message:
        st.markdown(message)
    if details:
        with st.expander(f"详情（{len(details)}）"):
            st.markdown("\n".join(f"- {d}" for d in details))
    evidence = data.evidence_in_place(answer, ui.place())  # the sidebar's place, like the cards
    if evidence:
        with st.expander(f"全部依据（{len(evidence)}）"):
            for ev in evidence[:30]:
                c1, c2 = st.columns([2, 7])
                with c1:
                    ui.evidence_link(ev)
                c2.markdown(f"{ev.date or '日期不详'}：{ui.highlight_words(ev.sentence or '', words)}",
                            unsafe_allow_html=True)
    queries = data.queries_in_place(answer, ui.place())
    if queries:
        with st.expander("查询语句（Cypher）"):
            for q in queries:
                st.code(q.cypher, language="cypher")
                st.caption(f"{q.name} · 参数 {q.params} · {q.rows} 行")
elif answer.ambiguous:  # a name in the question could mean several entities
    st.warning(answer.message)
    for candidates in answer.candidates.values():
        ui.entity_links([(m.entity.id, f"{m.entity.placed}（{ui.zh_label(m.entity.label)}）", m.entity.label)
                         for m in candidates if ui.in_place(m.entity)])
elif data.looks_like_question(query):
    st.info("没有理解这个问题。可以这样问：")
    st.markdown("\n".join(f"- {s}" for s in answer.suggestions[:15]))

if answer.understood and not describes and answer.entities:  # what the question named, as linked
    st.subheader("问题中提到的实体")
    for ref in answer.entities.values():
        c1, c2 = st.columns([4, 3])
        with c1:
            ui.entity_link(ref.id, ui.shown_name(ref), ref.label)
        c2.markdown(ui.label_badge(ref.label), unsafe_allow_html=True)
else:
    matches = [m for m in data.search(query, limit=12) if ui.in_place(m.entity)][:8]
    st.subheader("问题中提到的实体" if answer.understood and not describes else "匹配的实体")
    if not matches:
        st.caption("没有找到相近的名称。")
    for m in matches:
        c1, c2 = st.columns([4, 3])
        with c1:  # a name several places share is shown with its place
            ui.entity_link(m.entity.id, m.entity.placed, m.entity.label)
        how = data.MATCH_HOW.get(m.how, m.how)
        exact = m.how in ("exact", "alias", "canonical") or m.entity.name in query  # said in full
        how = "全名" if exact and m.how not in ("alias", "canonical") else how
        sure = how if exact else f"匹配度 {m.score:.0f}（{how}）"
        c2.markdown(f"{ui.label_badge(m.entity.label)} <small>{sure}</small>", unsafe_allow_html=True)

if describes and answer.understood and not answer.ambiguous and answer.message:
    st.subheader("概要")
    st.markdown(answer.message)
    if answer.evidence:
        with st.expander(f"依据（{len(answer.evidence)}）"):
            for ev in answer.evidence[:30]:
                c1, c2 = st.columns([2, 7])
                with c1:
                    ui.evidence_link(ev)
                c2.markdown(f"{ev.date or '日期不详'}：{ev.sentence or ''}")
