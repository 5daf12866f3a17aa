"""Small pieces every page shares: entity links, evidence lines, Chinese names from the schema.

Entities link to their profile through the URL (`/profile?id=…`), so a link can be
bookmarked, opened in a new tab, or sent to a colleague; nothing about an entity is kept
in session state that the URL could not rebuild. The day every page answers for (the
sidebar's 截至日期) is in the URL too (`?as_of=2023-07-01`) and travels with every link;
without it, the newest state.
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any, Iterable, Sequence

import streamlit as st

from app import data, uploads
from graph.model import SCHEMA

__all__ = ["PROFILE_PAGE", "DOCUMENTS_PAGE", "favicon", "zh_label", "picker_labels", "zh_type", "entity_link", "entity_links", "evidence_line",
           "evidence_md", "document_link", "require_store", "sidebar_store_info", "label_badge", "status_zh", "fact_rows",
           "fact_section", "appointment_rows", "AS_OF_KEY", "sidebar_as_of", "as_of", "as_of_note", "link_params",
           "PLACE_KEY", "sidebar_place", "place", "in_place", "several_places", "shown_name", "source_label",
           "highlight_words", "evidence_link", "answer_card", "post_name"]

PROFILE_PAGE = "app/pages/profile.py"
DOCUMENTS_PAGE = "app/pages/documents.py"
# Material Symbols ship with Streamlit (no emoji font or download needed).
_ICONS = {"Person": ":material/person:", "Organization": ":material/account_balance:",
          "TaskForce": ":material/groups:", "Document": ":material/description:", "Area": ":material/sell:",
          "Post": ":material/badge:", "Appointment": ":material/how_to_reg:", "Task": ":material/task:"}
_STATUS = {"current": "现任", "ended": "已免", "unknown": "时间不详"}           # of a post (HOLDS)
_FACT_STATUS = {"current": "有效", "ended": "已结束", "unknown": "时间不详"}   # of any other fact
AS_OF_KEY = "as_of"           # the widget's key and the URL's query parameter
PLACE_KEY = "place"           # the same for the place filter
_FIRST_DAY = date(1949, 10, 1)


@st.cache_resource(show_spinner=False)
def favicon() -> Any:
    """The tab icon, drawn here: a Material icon as favicon would be fetched from Google."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((4, 4, 60, 60), fill=SCHEMA.nodes["Organization"].color)
    draw.ellipse((22, 22, 42, 42), fill="white")
    return image


def zh_label(label: str) -> str:
    """The Chinese term of a node label (人员, 机构 …), from the schema."""
    spec = SCHEMA.nodes.get(label)
    return spec.zh if spec else label


def picker_labels(entities: Iterable[Any], always: bool = False) -> dict[str, str]:
    """Id -> "市财政局（机构）" for a picker; entities of one name and label in several
    places are told apart by their place ("市财政局（机构）· 朔州市"), and with `always`
    (a store of several places) every entity shows its place unless its name says it."""
    entities = list(entities)
    seen: dict[tuple[str, str], int] = {}
    for e in entities:
        seen[(e.name, e.label)] = seen.get((e.name, e.label), 0) + 1

    def placed(e: Any) -> bool:
        return bool(e.place) and (seen[(e.name, e.label)] > 1 or (always and e.place not in e.name))

    return {e.id: f"{e.name}（{zh_label(e.label)}）" + (f" · {e.place}" if placed(e) else "") for e in entities}


def zh_type(rtype: str) -> str:
    """The Chinese term of a relationship type (分管, 成员 …), from the schema."""
    spec = SCHEMA.relationships.get(rtype)
    return spec.zh if spec else rtype


def status_zh(status: str | None, rtype: str = "HOLDS") -> str:
    """现任/已免 for a post, 有效/已结束 for any other fact; 时间不详 when unknown."""
    names = _STATUS if rtype == "HOLDS" else _FACT_STATUS
    return names.get(status or "unknown", status or "")


# --------------------------------------------------------------------------- the day and place asked

def sidebar_as_of() -> str | None:
    """The sidebar's date field, shared by every page and kept in the URL; the day as
    YYYY-MM-DD, or None for the newest state. A text field, so that the day applies on
    Enter (a date picker's typed text applies only when it loses focus); 2023-07 and 2023
    mean their first day. The widget's state lives in the main script, so the day stays
    when another page is opened. A day that is no day says so rather than quietly showing
    the newest state."""
    with st.sidebar:
        st.text_input("截至日期 / as of", key=AS_OF_KEY, bind="query-params", placeholder="YYYY-MM-DD，回车生效",
                      help="只显示这一天有效的关系（任职、分管、专班成员 …）；留空为最新状态。"
                           "也可写 2023-07 或 2023（当月、当年第一天）。")
        typed = (st.session_state.get(AS_OF_KEY) or "").strip()
        if typed and as_of() is None:
            st.warning(f"截至日期 {typed!r} 不是日期（应为 YYYY-MM-DD，{_FIRST_DAY} 之后），显示最新状态。")
    return as_of()


def as_of() -> str | None:
    """The day the pages answer for (YYYY-MM-DD), or None: the newest state."""
    from queries.as_of import AsOfError, parse_as_of

    value = st.session_state.get(AS_OF_KEY)
    try:
        day = parse_as_of(value.strip() if isinstance(value, str) else value)
    except AsOfError:
        return None
    return day if day and day >= _FIRST_DAY.isoformat() else None


def sidebar_place() -> str | None:
    """The sidebar's place filter (`?place=` in the URL), shown when the store holds more
    than one place: pickers, answers, the network, the 分工总览 and the 变化 page then keep
    to that place. None: every place."""
    places = data.places()
    if len(places) < 2:
        return None
    linked = st.query_params.get(PLACE_KEY)
    with st.sidebar:
        st.selectbox("地方 / place", places, index=None, key=PLACE_KEY, bind="query-params", placeholder="全部地方",
                     help="只看一个地方（市、县 …）的机构、人员和专班；留空为全部。")
        if linked and linked not in places:
            st.warning(f"链接中的地方 {linked!r} 不在图谱中，显示全部地方。")
    return place()


def place() -> str | None:
    """The place the pages keep to, or None: every place."""
    value = st.session_state.get(PLACE_KEY)
    return value if value in data.places() else None


def in_place(*refs: Any) -> bool:
    """Whether an entity (or any of several: a fact's two ends) belongs to the chosen place;
    always, when no place is chosen."""
    chosen = place()
    return chosen is None or any(getattr(r, "place", None) == chosen for r in refs if r is not None)


def several_places() -> bool:
    return len(data.places()) > 1


def shown_name(ref: Any) -> str:
    """A name as the pages show it: with its place where the store holds several and the
    name does not already say it (市财政局 · 云川市)."""
    return ref.placed if several_places() else ref.name


def as_of_note() -> str | None:
    """Say on the page which day (and place) is in effect; returns the day, for the page's queries."""
    day = as_of()
    where = f" :violet-badge[:material/location_on: {place()}]" if place() else ""
    if day:
        st.markdown(f":blue-badge[:material/event: 截至 {day}]{where} 只显示当日有效的关系；在侧栏清空日期即为最新状态。")
    else:
        st.markdown(f":gray-badge[:material/update: 最新状态]{where} 后来的文件已经结束的分管、成员等关系不显示；"
                    "可在侧栏填写截至日期。")
    return day


def link_params(**params: str) -> dict[str, str]:
    """Query parameters for a link to another page, with the day and place asked so they are kept."""
    out = dict(params)
    day, where = as_of(), place()
    if day:
        out[AS_OF_KEY] = day
    if where:
        out[PLACE_KEY] = where
    return out


def label_badge(label: str) -> str:
    """A coloured label chip in the schema's colour, as HTML."""
    spec = SCHEMA.nodes.get(label)
    color = spec.color if spec else "#999"
    return (f'<span style="background:{color};color:white;border-radius:.6em;padding:.05em .5em;'
            f'font-size:.8em">{html.escape(zh_label(label))}</span>')


def entity_link(entity_id: str, name: str, label: str | None = None, *,
                help: str | None = None) -> None:
    """A link to the entity's profile page (Documents open on the 文档 page)."""
    icon = _ICONS.get(label or "")
    if label == "Document":
        st.page_link(DOCUMENTS_PAGE, label=name, icon=icon, query_params=link_params(doc=entity_id), help=help)
    else:
        st.page_link(PROFILE_PAGE, label=name, icon=icon, query_params=link_params(id=entity_id), help=help)


def document_link(number: str) -> None:
    """A link to a document (by number or id) on the 文档 page."""
    st.page_link(DOCUMENTS_PAGE, label=number, icon=_ICONS["Document"], query_params=link_params(doc=number))


def entity_links(refs: Iterable[tuple[str, str, str]], columns: int = 4) -> None:
    """Links for many entities (id, name, label), in a grid."""
    refs = list(dict.fromkeys(refs))
    if not refs:
        st.caption("（无）")
        return
    cols = st.columns(min(columns, len(refs)))
    for i, (entity_id, name, label) in enumerate(refs):
        with cols[i % len(cols)]:
            entity_link(entity_id, name, label)


def evidence_line(docs: Sequence[str] | None, date: str | None, sentence: str | None) -> str:
    """〔document numbers, date〕 sentence — one line of Markdown for people."""
    where = "、".join(docs or ()) or "来源不详"
    text = (sentence or "").replace("\n", " ")
    return f":material/attach_file: **{where}**（{date or '日期不详'}）：{text}"


def evidence_md(row: dict[str, Any]) -> str:
    """The evidence line of a query-library edge row (docs, date, evidence)."""
    return evidence_line(row.get("docs"), row.get("date"), row.get("evidence"))


def sidebar_store_info() -> None:
    """Which store is open and how big it is, in the sidebar."""
    with st.sidebar:
        st.caption(f"图谱：`{data.store_name()}`")
        if data.store_exists():
            labels, types = data.counts()
            st.caption(f"{sum(labels.values())} 个节点 · {sum(types.values())} 条关系 · "
                       f"{data.manifest().get('documents', 0)} 份文件")


def require_store() -> None:
    """Build the store from data/ on a first run, or say how to, and stop the page."""
    if data.store_exists():
        return
    source = data.data_dir()
    readable = source.is_dir() and any(p.suffix.lower() in uploads.ALLOWED_SUFFIXES for p in source.rglob("*"))
    if readable and not st.session_state.get("_build_failed"):
        with st.spinner(f"首次运行：正在从 {source} 构建图谱 …"):
            outcome = data.build_store([source])
        if outcome.ok and data.store_exists():
            st.rerun()
        st.session_state["_build_failed"] = outcome.log
    st.error(f"还没有图谱：`{data.store_dir()}` 不存在。请先运行：\n\n"
             f"```\ngovkg build data/ --store {data.store_dir()}\n```\n然后刷新本页。")
    if st.session_state.get("_build_failed"):
        with st.expander("构建输出"):
            st.code(st.session_state["_build_failed"])
    st.stop()


def fact_rows(facts: Iterable[Any], other: str = "object") -> list[dict[str, Any]]:
    """Facts as table rows: the entity on the `other` side, relation, role, status, source."""
    rows = []
    for f in facts:
        ref = getattr(f, other)
        ev = f.evidence
        rows.append({
            "名称": ref.name, "关系": zh_type(f.type), "角色/职务": f.role or "",
            "状态": status_zh(f.status, f.type) if f.status else "",
            "起": f.valid_from or "", "止": f.valid_to or "",
            "文件": "、".join(ev.docs) if ev.docs else (ev.doc or ""), "日期": ev.date or "",
            "原文": ev.sentence or "", "备注": ("推断 " if f.inferred else "") + (getattr(f, "note", None) or ""),
        })
    return rows


def fact_section(title: str, facts: Sequence[Any], other: str = "object", *, drop: Sequence[str] = (),
                 links: bool = True, empty: str = "（无记录）") -> None:
    """A heading, links to the entities, and the facts with their sources in a table."""
    st.markdown(f"#### {title}（{len(facts)}）")
    if not facts:
        st.caption(empty)
        return
    if links:
        entity_links([(getattr(f, other).id, getattr(f, other).name + (f"（{f.role}）" if f.role else ""),
                       getattr(f, other).label) for f in facts])
    rows = fact_rows(facts, other)
    keep = [c for c in rows[0] if c not in drop and any(r[c] for r in rows)]
    st.dataframe([{c: r[c] for c in keep} for r in rows], hide_index=True, width="stretch",
                 column_config={"原文": st.column_config.TextColumn(width="large")})


def appointment_rows(records: Iterable[Any]) -> list[dict[str, Any]]:
    """任免 as timeline rows, oldest first."""
    return [{"日期": r.date or "", "任免": r.zh, "人员": r.person.name, "单位": r.organization.name,
             "职务": r.title + ("（试用期一年）" if r.probation else ""), "文件": r.evidence.doc or "",
             "原文": r.evidence.sentence or ""} for r in records]


# --------------------------------------------------------------------------- sources and evidence

def source_label(source: str | None) -> str:
    """A source file (or file:line) relative to the store, never the server's absolute path."""
    if not source:
        return ""
    path, sep, line = source.rpartition(":")
    if sep and line.isdigit():
        return f"{data.relative_source(path)}:{line}"
    return data.relative_source(source)


def _line_of(source: str | None) -> str | None:
    if not source:
        return None
    _, sep, line = source.rpartition(":")
    return line if sep and line.isdigit() else None


def _relation_words() -> list[str]:
    words = {t for spec in SCHEMA.relationships.values() for t in (spec.zh, *spec.triggers) if t}
    words |= {role for spec in SCHEMA.relationships.values() for role in spec.roles}
    return sorted(words, key=len, reverse=True)


def highlight_words(sentence: str, words: Iterable[str]) -> str:
    """The sentence as HTML with every occurrence of `words` marked (longest first)."""
    found = sorted({w for w in words if w and w in sentence}, key=len, reverse=True)
    if not found:
        return html.escape(sentence)
    import re

    pattern = re.compile("|".join(re.escape(w) for w in found))
    out, last = [], 0
    for m in pattern.finditer(sentence):
        out.append(html.escape(sentence[last:m.start()]))
        out.append(f'<mark style="background:#ffe08a;padding:0 .1em;border-radius:2px">{html.escape(m.group())}</mark>')
        last = m.end()
    out.append(html.escape(sentence[last:]))
    return "".join(out)


def matched_words(question: str, names: Iterable[str]) -> list[str]:
    """What to mark in an answer's evidence: the names (asked and answered) and the
    relation words of the schema (分管, 组长 …) that the question uses."""
    words = [n for n in names if n]
    words += [w for w in _relation_words() if w in question]
    return words


def evidence_link(ev: Any, label: str | None = None) -> None:
    """A link to the document of the evidence that opens it at the sentence (`line=`)."""
    doc = ev.doc or (ev.docs[0] if ev.docs else None)
    if not doc:
        st.caption("来源不详")
        return
    params = {"doc": doc}
    line = _line_of(ev.source)
    if line:
        params["line"] = line
    st.page_link(DOCUMENTS_PAGE, label=label or doc, icon=_ICONS["Document"], query_params=link_params(**params),
                 help="打开文件，定位到这句原文")


def answer_card(name: str, ref: Any, evidence: Sequence[Any], words: Sequence[str], fact: str | None = None) -> None:
    """One answer as a card: the entity (linked, with its place and Chinese type), what ties
    it to the question, and its evidence with the matched words marked, each opening the
    document at the sentence."""
    with st.container(border=True):
        top = st.columns([5, 2])
        with top[0]:
            if ref is not None:
                entity_link(ref.id, name, ref.label)
            else:
                st.markdown(f"**{name}**")
        if ref is not None:
            top[1].markdown(label_badge(ref.label) + (f" <small>{html.escape(ref.place)}</small>" if ref.place else ""),
                            unsafe_allow_html=True)
        if fact:
            st.caption(fact)
        for ev in evidence[:3]:
            c1, c2 = st.columns([2, 7])
            with c1:
                evidence_link(ev)
            c2.markdown(f"<small>{html.escape(ev.date or '日期不详')}</small> "
                        f"{highlight_words(ev.sentence or '', words)}", unsafe_allow_html=True)


def post_name(org: str, title: str | None) -> str:
    """市能源局 + 局长 → 市能源局局长; 市委 + 市委常委 → 市委常委 (a title never repeats its body)."""
    if not title:
        return org
    return title if title.startswith(org) else f"{org}{title}"
