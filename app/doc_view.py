"""One document on screen: what it is, the facts taken from it, and its text with the
evidence marked, so a reader can check every fact against the sentence it came from.

Shared by the 文档 page and the document profile.
"""

from __future__ import annotations

import html
from typing import Sequence

import streamlit as st

from app import data, ui
from graph.model import SCHEMA
from graph.records import Assertion, DocumentInfo

__all__ = ["render", "highlight", "fact_table"]

_MARK = "background:#ffe08a;border-radius:2px"


def _spans(text: str, line_starts: dict[int, int], facts: Sequence[Assertion]) -> list[tuple[int, int]]:
    """Character spans of the evidence in `text`: the sentence itself where it is found
    from its line on, the whole line otherwise."""
    spans = []
    for a in facts:
        start = line_starts.get(a.line)
        if start is None:
            continue
        found = text.find(a.evidence, start) if a.evidence else -1
        if found != -1 and found - start < 400:
            spans.append((found, found + len(a.evidence)))
        else:
            end = text.find("\n", start)
            spans.append((start, end if end != -1 else len(text)))
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


_FOCUS = "outline:2px solid #e67e22;background:#fff3e0"
FOCUS_BEFORE = 3  # lines shown above the sentence an evidence link opens at


def highlight(lines: Sequence[tuple[int, str]], facts: Sequence[Assertion], focus: int | None = None) -> str:
    """The lines as HTML, numbered, with the evidence of `facts` marked, and line `focus`
    (the sentence an evidence link points at) framed, with an anchor `L<line>`."""
    text = "\n".join(t for _, t in lines)
    starts: dict[int, int] = {}
    pos = 0
    for number, t in lines:
        starts[number] = pos
        pos += len(t) + 1
    out, last = [], 0
    for s, e in _spans(text, starts, facts):
        out.append(html.escape(text[last:s]))
        out.append(f'<mark style="{_MARK}">{html.escape(text[s:e])}</mark>')
        last = e
    out.append(html.escape(text[last:]))
    marked = "".join(out).split("\n")
    rows = [(f'<span id="L{number}" style="{_FOCUS}">' if number == focus else "")
            + f'<span style="color:#999;user-select:none">{number:>5}</span>  {body}'
            + ("</span>" if number == focus else "")
            for (number, _), body in zip(lines, marked)]
    return ('<div style="max-height:520px;overflow:auto;border:1px solid #ddd;border-radius:6px;padding:.6em;'
            'font-size:.9em;line-height:1.6;white-space:pre-wrap">' + "\n".join(rows) + "</div>")


def fact_table(facts: Sequence[Assertion]) -> list[dict[str, object]]:
    """Assertions as rows: relation, subject, object, role or post, line, evidence."""
    return [{"关系": a.rel, "主体": a.s_name or a.s, "客体": a.o_name or a.o,
             "角色/职务": a.role or a.position or "", "行": a.line, "原文": a.evidence,
             "推断": "是" if a.inferred else ""} for a in facts]


def render(doc: DocumentInfo, key: str, as_of: str | None = None, line: int | None = None) -> None:
    """The document's header, its facts (with links to their entities) and its marked text;
    a document dated after `as_of` is marked as not yet in force on that day. With `line`
    (an evidence link) the text opens first, at that line, framed."""
    kind = SCHEMA.document_types.get(doc.doc_type, doc.doc_type)
    st.markdown(f"**{doc.number or '无文号'}** · {doc.issuer or '发文机关不详'} · {doc.date or '日期不详'} · {kind}")
    if as_of and doc.date and doc.date > as_of:
        st.info(f"这份文件晚于截至日期 {as_of}：它的事实在该日尚未生效，其他页面不显示。", icon=":material/event_busy:")
    st.caption(f"来源：{ui.source_label(doc.source)} 第 {doc.lines[0]}–{doc.lines[1]} 行")
    if line is not None and not doc.lines[0] <= line <= doc.lines[1]:
        line = None
    facts = data.document_facts(doc.doc_id)
    refs = {}
    for a in facts:
        for side in ("s", "o"):
            entity_id = getattr(a, f"{side}_id")
            if entity_id:
                refs[entity_id] = (getattr(a, f"{side}_name") or getattr(a, side), getattr(a, f"{side}_type"))
    names = [f"抽取的事实（{len(facts)}）", "原文（依据高亮）", f"涉及的实体（{len(refs)}）"]
    facts_tab, text_tab, entity_tab = st.tabs(names, default=names[1] if line else None)
    with facts_tab:
        if facts:
            st.dataframe(fact_table(facts), hide_index=True, width="stretch",
                         column_config={"原文": st.column_config.TextColumn(width="large")})
        else:
            st.caption("这份文件没有抽取到事实。")
        appointments = data.appointments_in(doc.doc_id, as_of) if doc.doc_type == "appointment" else []
        if appointments:
            st.markdown("**任免**")
            st.dataframe(ui.appointment_rows(appointments), hide_index=True, width="stretch")
    with text_tab:
        lines = data.document_lines(doc)
        if lines is None:
            st.info("原文不是纯文本（PDF、Word、网页），这里只列出依据句：")
            for a in facts:
                st.markdown(f"- 第 {a.line} 行：{a.evidence}")
        else:
            if line:
                said = next((t for n, t in lines if n == line), "")
                st.markdown(f":orange-badge[:material/my_location: 第 {line} 行] {said.strip()}")
                whole = st.toggle("从头显示全文", key=f"{key}.whole")
                if not whole:
                    lines = [(n, t) for n, t in lines if n >= line - FOCUS_BEFORE]
            st.markdown(highlight(lines, facts, focus=line), unsafe_allow_html=True)
    with entity_tab:
        known = {e.id for e in data.entities()}
        ui.entity_links([(i, name, label) for i, (name, label) in sorted(refs.items(), key=lambda x: x[1])
                         if i in known])
