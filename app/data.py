"""Every read the explorer makes goes through this module, and every cache lives here.

Pages never open a store or write a query: they call the functions below with plain
arguments (ids, names, strings), which is what `st.cache_data` keys its results on. The
store handle (the read-only LadybugDB view of the store folder) is one
`st.cache_resource` per store folder and build, so a rebuild, from the 文档 page or from
`govkg build` in a terminal, is picked up on the next rerun without restarting.

The questions themselves are the query library's (`queries/`); where the library has no
answer yet for something a page shows, the smallest adapter lives here and says so.
Cypher is only ever constant text with `$params`.

Every read of facts takes `as_of` (YYYY-MM-DD, the sidebar's 截至日期) and answers for that
day, or with None for the newest state; it is part of the cache key like any argument.
"""

from __future__ import annotations

import os
import re
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence, TypeVar

import streamlit as st

from app import uploads
from graph.folder import DEFAULT_STORE, StoreFolder
from graph.model import SCHEMA
from graph.records import Assertion, DocumentInfo
from graph.stores.base import QueryTimeout, ReadOnlyError
from queries import answer as answer_q
from queries import appointments as appointments_q
from queries import changes as changes_q
from queries import chains, linker, named, orgs, people, task_forces
from queries import paths as paths_q
from queries.linker import Match
from queries.titles import titles
from queries.types import IN_CHARGE_OF, LEADS, LIAISON, PERSON, PRESIDES_OVER, SUPERVISION, TASK_FORCE, UNIT_OF
from queries.answer import Answer
from queries.as_of import bind_as_of
from queries.records import AppointmentRecord, Chain, ChainStep, EntityRef, Fact, PathRecord, fact_from_row

__all__ = [
    "ROOT", "store_dir", "store_name", "data_dir", "store_exists", "build_store", "store_key", "clear",
    "Handle", "handle", "counts", "manifest",
    "CypherAnswer", "WriteRefused", "QueryTooSlow", "run_cypher", "write_clause", "CYPHER_ROW_LIMIT",
    "CYPHER_TIMEOUT_S",
    "documents", "document", "document_lines", "document_facts", "preview_upload", "add_upload",
    "search", "entities", "places", "example_questions", "evidence_in_place", "queries_in_place", "entity", "changes", "gazettes", "relative_source", "portfolio", "OrgProfile", "org_profile", "TaskForceProfile",
    "task_force_profile", "area_leaders", "neighbourhood", "appointments_in", "paths_between",
    "membership_counts", "task_force_overlaps", "shared_task_forces", "Network", "network",
    "responsibility_chain", "Division", "DIVISION_TYPES", "division", "Quality", "quality",
    "MATCH_HOW", "looks_like_question", "ask", "answer_entities", "AnswerCard", "answer_cards",
]

ROOT = Path(__file__).resolve().parents[1]
STORE_ENV, DATA_ENV = "GOVKG_STORE", "GOVKG_DATA"
CYPHER_ROW_LIMIT = 2000
CYPHER_TIMEOUT_S = 10.0  # a console query may not hold the store (and every page) longer

T = TypeVar("T")


# --------------------------------------------------------------------------- the store

def store_dir() -> Path:
    """The store folder: `GOVKG_STORE` (set by `govkg ui --store`), else `.govkg/`."""
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE).resolve()


def store_name() -> str:
    """The store as the pages name it: its folder's name (with its parent's when the folder
    is a bare `.govkg`), never the server's absolute path."""
    path = store_dir()
    return f"{path.parent.name}/{path.name}" if path.name.startswith(".") and path.parent.name else path.name


def data_dir() -> Path:
    """Where the gazettes are that a first run builds from: `GOVKG_DATA`, else `data/`."""
    env = os.environ.get(DATA_ENV)
    if env:
        return Path(env).resolve()
    here = Path("data").resolve()
    return here if here.is_dir() else ROOT / "data"


def store_exists() -> bool:
    return StoreFolder(store_dir()).exists()


def build_store(paths: Sequence[Path] | None = None) -> uploads.BuildOutcome:
    """Build (or rebuild) the store with `govkg build`, in its own process; then forget caches.

    A build that fails leaves the previous store as it was (the store folder is written
    aside and swapped in), so this can be offered to users safely.
    """
    outcome = uploads.run_build(list(paths) if paths else [data_dir()], store_dir())
    clear()
    return outcome


def store_key() -> str:
    """Which build of which store we read: folder and manifest time; part of every cache key."""
    folder = store_dir()
    try:
        stamp = (folder / "manifest.json").stat().st_mtime_ns
    except OSError:
        stamp = 0
    return f"{folder}@{stamp}"


def clear() -> None:
    """Forget every cached answer and handle (after a rebuild)."""
    st.cache_data.clear()
    st.cache_resource.clear()


@dataclass
class Handle:
    """An open store: its folder (records, documents) and its read-only Cypher view.

    LadybugDB connections are not shared between threads safely, and Streamlit runs each
    session's script in its own thread, so every query holds `lock`.
    """

    folder: StoreFolder
    view: Any
    lock: threading.Lock = field(default_factory=threading.Lock)

    def cypher(self, text: str, params: Mapping[str, Any] | None = None, **limits: Any) -> Any:
        """Run Cypher under the lock; `limits` are the view's `timeout` and `max_rows`."""
        with self.lock:
            return self.view.cypher(text, dict(params or {}), **limits)

    def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a query-library function with this store's view first, under the lock."""
        with self.lock:
            return fn(self.view, *args, **kwargs)


@st.cache_resource(show_spinner=False, max_entries=2)
def _open(key: str) -> Handle:
    folder = StoreFolder(Path(key.rsplit("@", 1)[0]))
    return Handle(folder, folder.view())


def handle() -> Handle:
    """The open store (one per store folder and build, shared by every session)."""
    return _open(store_key())


@st.cache_data(show_spinner=False)
def _manifest(key: str) -> dict[str, Any]:
    return handle().folder.manifest()


def manifest() -> dict[str, Any]:
    """What the last build wrote: counts by label and type, the number of documents."""
    return _manifest(store_key())


def counts() -> tuple[dict[str, int], dict[str, int]]:
    """Nodes per label and relationships per type (every schema entry, zeros included)."""
    m = manifest()
    labels = {label: int(m.get("labels", {}).get(label, 0)) for label in SCHEMA.nodes}
    types = {rtype: int(m.get("types", {}).get(rtype, 0)) for rtype in SCHEMA.relationships}
    return labels, types


# --------------------------------------------------------------------------- Cypher console

class WriteRefused(Exception):
    """The console's query would write; the message says so in Chinese and English."""


class QueryTooSlow(Exception):
    """The console's query ran past its time limit and was stopped (the message is for users)."""


# Clauses that change data or reach outside the store (LOAD FROM a URL, extensions,
# settings). A word right after `.`, `$`, `:` or `AS`, or before `:`, is a property,
# parameter, label, alias or map key (n.load, {set: 1}), not a clause.
_WRITE = re.compile(r"(?<![\w.$:])(?<!\bAS\s)(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|ALTER|COPY|LOAD|"
                    r"(?:UN)?INSTALL|ATTACH|IMPORT|EXPORT|CHECKPOINT|BEGIN|COMMIT|ROLLBACK|FOREACH|TERMINATE|"
                    r"CALL(?=\s+\w+\s*=))(?!\w)(?!\s*:)", re.I)
_LITERALS = re.compile(r"""'(?:[^'\\]|\\.)*'?|"(?:[^"\\]|\\.)*"?|`[^`]*`?|//[^\n]*|/\*.*?(?:\*/|$)""", re.S)


def write_clause(text: str) -> str | None:
    """The first write (or outside-reaching) clause, outside strings and comments, or None."""
    m = _WRITE.search(_LITERALS.sub(" ", text))
    return m.group(1).upper() if m else None


@dataclass(frozen=True)
class CypherAnswer:
    """A console result: columns, rows (at most CYPHER_ROW_LIMIT), and whether rows were cut."""

    columns: list[str]
    rows: list[tuple[Any, ...]]
    truncated: bool


@st.cache_data(show_spinner=False, max_entries=64)
def _cypher(key: str, text: str, params: tuple[tuple[str, Any], ...]) -> CypherAnswer:
    result = handle().cypher(text, dict(params), timeout=CYPHER_TIMEOUT_S, max_rows=CYPHER_ROW_LIMIT)
    return CypherAnswer(list(result.columns), list(result.rows), bool(result.truncated))


def run_cypher(text: str, params: Mapping[str, Any] | None = None, as_of: str | None = None) -> CypherAnswer:
    """Run read-only Cypher; a write clause is refused here before the engine sees it.
    `$as_of` is the day asked ('' for the newest state) unless `params` give it.

    The view is read-only as well (LadybugDB refuses writes itself), so this check is
    only there to say clearly why, and to stop `LOAD FROM` reaching for the network.
    """
    clause = write_clause(text)
    if clause:
        raise WriteRefused(f"只读控制台：不允许 {clause} 等写入语句（read-only: {clause} refused）。"
                           "图谱只能由 `govkg build` 重建。")
    bound = bind_as_of(text, params or {}, as_of)
    try:
        return _cypher(store_key(), text, tuple(sorted(bound.items())))
    except ReadOnlyError as exc:  # the store's guard or the engine's read-only mode
        raise WriteRefused(f"只读控制台：该查询被拒绝（{exc}）") from None
    except QueryTimeout:
        raise QueryTooSlow(f"查询超过 {CYPHER_TIMEOUT_S:g} 秒被停止：请缩小范围（加上标签、属性条件或 LIMIT）。") from None


# --------------------------------------------------------------------------- documents

@st.cache_data(show_spinner=False)
def _documents(key: str) -> list[DocumentInfo]:
    return sorted(handle().folder.documents(), key=lambda d: (d.date or "", d.label), reverse=True)


def documents() -> list[DocumentInfo]:
    """Every document of the store, newest first."""
    return _documents(store_key())


def document(doc_id: str) -> DocumentInfo | None:
    """A document by id or by number (朔政办发〔2023〕26号)."""
    for d in documents():
        if doc_id in (d.doc_id, d.number, d.label):
            return d
    return None


@st.cache_data(show_spinner=False)
def _assertions_by_doc(key: str) -> dict[str, list[Assertion]]:
    out: dict[str, list[Assertion]] = defaultdict(list)
    for a in handle().folder.assertions():
        out[a.doc_id].append(a)
    return {k: sorted(v, key=lambda a: (a.line, a.start)) for k, v in out.items()}


def document_facts(doc_id: str) -> list[Assertion]:
    """The assertions extracted from one document, in reading order."""
    return _assertions_by_doc(store_key()).get(doc_id, [])


def _source_file(source: str) -> Path | None:
    for candidate in (Path(source), ROOT / source):
        if candidate.is_file():
            return candidate
    return None


@st.cache_data(show_spinner=False, max_entries=32)
def _lines(key: str, source: str, first: int, last: int) -> list[tuple[int, str]] | None:
    path = _source_file(source)
    if path is None or path.suffix.lower() != ".txt":
        return None
    text = path.read_bytes().decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    return [(i, lines[i - 1]) for i in range(max(first, 1), min(last, len(lines)) + 1)]


def document_lines(doc: DocumentInfo) -> list[tuple[int, str]] | None:
    """(line number, text) of a plain-text document's lines; None for other formats."""
    return _lines(store_key(), doc.source, doc.lines[0], doc.lines[1])


def relative_source(source: str | None) -> str:
    """A source file as people may see it: relative to the folder holding the store
    (data/gazettes/x.txt), else its file name; never the server's absolute path."""
    if not source:
        return ""
    path = Path(source)
    if not path.is_absolute():
        return source
    for base in (store_dir().parent, ROOT):
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except (ValueError, OSError):
            continue
    return path.name


# --------------------------------------------------------------------------- changes

def gazettes() -> list[tuple[str, str, str | None]]:
    """The store's gazettes (source files) as (source, shown name, newest date), oldest first,
    for the 变化 page's two pickers."""
    newest: dict[str, str | None] = {}
    for d in documents():
        if d.source not in newest or (d.date or "") > (newest[d.source] or ""):
            newest[d.source] = d.date
    return sorted(((src, relative_source(src), day) for src, day in newest.items()), key=lambda g: (g[2] or "", g[1]))


@st.cache_data(show_spinner=False, max_entries=64)
def _changes(key: str, since: str | None, until: str | None, between: tuple[str, str] | None) -> changes_q.Changes:
    h = handle()
    with h.lock:
        window = changes_q.window_between(h.view, *between) if between else changes_q.Window(since, until)
        return changes_q.changes_in(h.view, window)


def changes(since: str | None = None, until: str | None = None,
            between: tuple[str, str] | None = None) -> changes_q.Changes:
    """What changed after `since` up to `until`, or between two gazettes (source files or
    document numbers): the query of `govkg changes`. Raises `queries.changes.WindowError`
    for an empty window or an unknown gazette."""
    return _changes(store_key(), since, until, between)


# --------------------------------------------------------------------------- uploads

def preview_upload(name: str, data: bytes) -> uploads.Preview:
    """What a gazette would add to the graph, without touching the store."""
    return uploads.preview(name, data)


def add_upload(preview: uploads.Preview) -> uploads.BuildOutcome:
    """Keep the uploaded file and rebuild the store from its sources plus this file."""
    sources = sorted({d.source for d in documents()}) if store_exists() else []
    outcome = uploads.add(preview, [Path(s) for s in sources], store_dir())
    clear()
    return outcome


# --------------------------------------------------------------------------- the query library

def _call(key: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    return handle().call(fn, *args, **kwargs)


@st.cache_data(show_spinner=False, max_entries=256)
def _search(key: str, text: str, labels: tuple[str, ...] | None, limit: int) -> list[Match]:
    return _call(key, linker.search, text, list(labels) if labels else None, limit)


def search(text: str, labels: Sequence[str] | None = None, limit: int = 10) -> list[Match]:
    """Entities named like `text` (aliases, abbreviations, typos, pinyin), best first."""
    return _search(store_key(), text.strip(), tuple(labels) if labels else None, limit)


@st.cache_data(show_spinner=False)
def _entities(key: str) -> list[EntityRef]:
    cat = _call(key, linker.catalogue)
    return sorted((e.ref for e in cat.entries), key=lambda r: (r.label, r.name))


def entities(labels: Sequence[str] | None = None) -> list[EntityRef]:
    """Every linkable entity (of `labels`), by label and name: for pickers."""
    return [e for e in _entities(store_key()) if labels is None or e.label in labels]


@st.cache_data(show_spinner=False)
def _places(key: str) -> list[str]:
    return sorted({e.place for e in _entities(key) if e.place and e.label != "Document"})


def places() -> list[str]:
    """The places the store's entities belong to (云川市, 岭东市 …), for the place filter."""
    return _places(store_key())


@st.cache_data(show_spinner=False)
def _example_values(key: str, place: str | None) -> dict[str, str | None]:
    """What the examples name, from this store: a 财政局 (else another body) of `place` or of
    its main place, as users write it and as the store holds it; a task force; who 分管 the
    body; the place ('' for a store of one place); one of its 任免 documents' numbers."""
    from graph.places import short_name

    every = _places(key)
    held = Counter(e.place for e in _entities(key) if e.place in every)
    here = place if place in every else min(held, key=lambda p: (-held[p], p), default=None)  # its main place
    refs = sorted((e for e in _entities(key) if here is None or e.place in (here, None)), key=lambda e: e.place != here)

    def written(e: EntityRef) -> str:  # as a user writes it: 云川市财政局, 岭东市财政局 for 岭东's 市财政局
        if len(every) < 2 or not e.place or short_name(e.place) in e.name:
            return e.name
        return e.place + e.name[1:] if e.name.startswith("市") and e.place.endswith("市") else f"{e.place}的{e.name}"

    orgs = [e for e in refs if e.label == "Organization"]
    org = next((e for e in orgs if e.name.endswith("财政局")), orgs[0] if orgs else None)
    groups = [e for e in refs if e.label == TASK_FORCE]
    task_force = next((e for e in groups if e.kind == "工作专班"), groups[0] if groups else None)
    leaders = [row["s_name"] for row in _call(key, named.run, "leaders_of_org",
                                               {"orgs": [org.id], "types": list(SUPERVISION)})] if org else []
    docs = [d for d in _documents(key) if d.doc_type == "appointment" and d.number]
    mine = [d for d in docs if here and short_name(here) in f"{d.number}{d.issuer or ''}{d.title}"] or docs
    return {"org": written(org) if org else None, "task_force": task_force.name if task_force else None,
            "leader": leaders[0] if leaders else None, "place": here if here and len(every) > 1 else "",
            "org_name": org.name if org else None, "number": mine[0].number if mine else None}


def _example_questions(key: str, place: str | None) -> list[str]:
    from app.examples import QUESTION_FORMS

    values = _example_values(key, place)
    out = []
    for form in QUESTION_FORMS:
        wanted = {k: v for k, v in values.items() if "{" + k + "}" in form}
        if all(v is not None for v in wanted.values()):
            out.append(form.format(**wanted))
    return out


def cypher_example(params: Mapping[str, Any], place: str | None = None) -> dict[str, Any]:
    """A console example's parameters with its "{placeholders}" filled from this store (see
    `_example_values`); a value the store lacks is left empty."""
    values = _example_values(store_key(), place)
    out: dict[str, Any] = {}
    for name, value in params.items():
        if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
            value = values.get(value[1:-1]) or ""
        out[name] = value
    return out


def example_questions(place: str | None = None) -> list[str]:
    """Questions to try, about what this store holds (its places, a 市财政局 and a task force
    of `place` or of its first place), never names it lacks."""
    return _example_questions(store_key(), place)


def entity(entity_id: str) -> EntityRef | None:
    """The entity with this id, or None (a stale link, a rebuilt store)."""
    for e in _entities(store_key()):
        if e.id == entity_id:
            return e
    return None


@st.cache_data(show_spinner=False, max_entries=256)
def _portfolio(key: str, person_id: str, as_of: str | None) -> people.Portfolio:
    return _call(key, people.portfolio_of, person_id, as_of=as_of)


def portfolio(person_id: str, as_of: str | None = None) -> people.Portfolio:
    """A person's posts, duties, bodies, task forces and 任免, each with evidence, and
    the duties and seats that ended."""
    return _portfolio(store_key(), person_id, as_of)


@dataclass(frozen=True)
class OrgProfile:
    """What the profile of an organisation shows."""

    leaders: list[Fact]
    staff: list[Fact]
    task_forces: list[Fact]
    appointments: list[AppointmentRecord]


@st.cache_data(show_spinner=False, max_entries=256)
def _org_profile(key: str, org_id: str, as_of: str | None) -> OrgProfile:
    return OrgProfile(
        leaders=_call(key, orgs.leaders_of, org_id, as_of=as_of),
        staff=_call(key, orgs.holders_at, org_id, as_of=as_of),
        task_forces=_call(key, orgs.task_forces_of_org, org_id, as_of=as_of),
        appointments=_call(key, appointments_q.appointments, org=org_id, as_of=as_of),
    )


def org_profile(org_id: str, as_of: str | None = None) -> OrgProfile:
    """Heads and deputies, who 分管/主管/联系 it, its staff (those who left too), task forces
    and 任免."""
    return _org_profile(store_key(), org_id, as_of)


@dataclass(frozen=True)
class TaskForceProfile:
    """What the profile of a task force shows."""

    members: list[Fact]
    units: list[Fact]
    office: list[Fact]
    subgroups: list[Fact]
    leads: list[Fact]
    former: list[Fact]      # members whose seats a later list ended


@st.cache_data(show_spinner=False, max_entries=256)
def _task_force_profile(key: str, tf_id: str, as_of: str | None) -> TaskForceProfile:
    members = _call(key, task_forces.members_of, tf_id, as_of=as_of, include_ended=True)
    return TaskForceProfile(
        members=[f for f in members if f.is_current(as_of)],
        units=_call(key, task_forces.units_of, tf_id, as_of=as_of),
        office=_call(key, task_forces.office_of, tf_id, as_of=as_of),
        subgroups=_call(key, task_forces.subgroups_of, tf_id, as_of=as_of),
        leads=_call(key, task_forces.leads_of, tf_id, as_of=as_of),
        former=[f for f in members if not f.is_current(as_of)],
    )


def task_force_profile(tf_id: str, as_of: str | None = None) -> TaskForceProfile:
    """Members with roles (and former members), member and leading units, office, subgroups."""
    return _task_force_profile(store_key(), tf_id, as_of)


@st.cache_data(show_spinner=False, max_entries=256)
def _area_leaders(key: str, area_id: str, as_of: str | None) -> list[Fact]:
    return _call(key, people.leaders_of_area, area_id, as_of=as_of)


def area_leaders(area_id: str, as_of: str | None = None) -> list[Fact]:
    """Leaders who 负责 or 分管 a work area."""
    return _area_leaders(store_key(), area_id, as_of)


@st.cache_data(show_spinner=False, max_entries=256)
def _neighbourhood(key: str, node_id: str, as_of: str | None) -> list[Fact]:
    params = {"ids": [node_id], "as_of": as_of, "history": True}
    rows = _call(key, named.run, "edges_out", params) + _call(key, named.run, "edges_in", params)
    return [fact_from_row(r, as_of) for r in rows]


def neighbourhood(node_id: str, as_of: str | None = None) -> list[Fact]:
    """Every relationship touching a node, either way, ended ones marked (by `as_of`): the
    profile of what has no other."""
    return _neighbourhood(store_key(), node_id, as_of)


@st.cache_data(show_spinner=False, max_entries=64)
def _appointments_in(key: str, doc: str, as_of: str | None) -> list[AppointmentRecord]:
    return _call(key, appointments_q.appointments, doc=doc, as_of=as_of)


def appointments_in(doc_id: str, as_of: str | None = None) -> list[AppointmentRecord]:
    """任免 announced in a document (on or before `as_of`)."""
    return _appointments_in(store_key(), doc_id, as_of)


@st.cache_data(show_spinner=False, max_entries=64)
def _paths(key: str, a: str, b: str, limit: int, as_of: str | None) -> list[PathRecord]:
    return _call(key, paths_q.paths_between, a, b, limit=limit, as_of=as_of)


def paths_between(a_id: str, b_id: str, limit: int = 10, as_of: str | None = None) -> list[PathRecord]:
    """Shortest labelled paths between two entities."""
    return _paths(store_key(), a_id, b_id, limit, as_of)


@st.cache_data(show_spinner=False)
def _membership_counts(key: str, as_of: str | None) -> list[task_forces.GroupCount]:
    return _call(key, task_forces.membership_counts, as_of=as_of)


def membership_counts(as_of: str | None = None) -> list[task_forces.GroupCount]:
    """Officials by how many task forces they sit on, most first."""
    return _membership_counts(store_key(), as_of)


@st.cache_data(show_spinner=False)
def _overlaps(key: str, as_of: str | None) -> list[task_forces.Overlap]:
    return _call(key, task_forces.task_force_overlaps, as_of=as_of)


def task_force_overlaps(as_of: str | None = None) -> list[task_forces.Overlap]:
    """Pairs of task forces sharing members, most shared first."""
    return _overlaps(store_key(), as_of)


@st.cache_data(show_spinner=False, max_entries=64)
def _shared(key: str, a: str, b: str, as_of: str | None) -> list[tuple[EntityRef, list[Fact]]]:
    return _call(key, task_forces.shared_task_forces, a, b, as_of=as_of)


def shared_task_forces(a_id: str, b_id: str, as_of: str | None = None) -> list[tuple[EntityRef, list[Fact]]]:
    """Task forces two persons both sit on."""
    return _shared(store_key(), a_id, b_id, as_of)


# --------------------------------------------------------------------------- the task-force network

@dataclass(frozen=True)
class Network:
    """The membership network: persons, task forces and organisations, and how they are tied.

    `facts` are MEMBER_OF (person -> task force, with role), UNIT_OF and LEADS
    (organisation -> task force), OFFICE_AT (task force -> organisation) and HAS_SUBGROUP.
    """

    nodes: dict[str, EntityRef]
    facts: list[Fact]


@st.cache_data(show_spinner=False)
def _network(key: str, as_of: str | None) -> Network:
    tf_ids = [e.id for e in _entities(key) if e.label == TASK_FORCE]
    day = {"as_of": as_of}
    rows = (_call(key, named.run, "memberships", day)
            + _call(key, named.run, "unit_links", {"types": [UNIT_OF, LEADS], **day})
            + _call(key, named.run, "offices", day)
            + (_call(key, named.run, "subgroups", {"task_forces": tf_ids, **day}) if tf_ids else []))
    facts = [fact_from_row(r, as_of) for r in rows]
    nodes: dict[str, EntityRef] = {}
    known = {e.id: e for e in _entities(key)}
    for f in facts:
        for ref in (f.subject, f.object):
            nodes.setdefault(ref.id, known.get(ref.id, ref))
    return Network(nodes, facts)


def network(as_of: str | None = None) -> Network:
    """The whole task-force network (a few thousand facts at most on a city's gazettes)."""
    return _network(store_key(), as_of)


# --------------------------------------------------------------------------- chains and the division of work

@st.cache_data(show_spinner=False, max_entries=128)
def _chain(key: str, target_id: str, as_of: str | None) -> Chain:
    return _call(key, chains.responsibility_chain, target_id, as_of=as_of)


def responsibility_chain(target_id: str, as_of: str | None = None) -> Chain:
    """Mayor -> leader -> body -> heads -> task forces, for a body, area, task force or leader."""
    return _chain(store_key(), target_id, as_of)


@dataclass(frozen=True)
class Division:
    """The division of work: who 分管/主管/联系 which body, and each leader's government post."""

    duties: list[Fact]                 # leader -> body (or area) facts
    posts: dict[str, list[Fact]]       # leader id -> their posts (role = title)
    presides: list[Fact]               # who 主持 what (the mayor 主持 the government)


DIVISION_TYPES = SUPERVISION + LIAISON


@st.cache_data(show_spinner=False)
def _division(key: str, as_of: str | None) -> Division:
    person_ids = [e.id for e in _entities(key) if e.label == PERSON]
    if not person_ids:
        return Division([], {}, [])
    rows = _call(key, named.run, "edges_out", {"ids": person_ids, "types": list(DIVISION_TYPES), "as_of": as_of})
    duties = [fact_from_row(r, as_of) for r in rows]
    presides = [fact_from_row(r, as_of) for r in _call(key, named.run, "edges_out",
                                                       {"ids": person_ids, "types": [PRESIDES_OVER], "as_of": as_of})]
    leaders = sorted({f.subject.id for f in duties} | {f.subject.id for f in presides})
    posts: dict[str, list[Fact]] = {}
    if leaders:
        for r in _call(key, named.run, "posts_of_people", {"people": leaders, "as_of": as_of}):
            f = fact_from_row(r, as_of)
            posts.setdefault(f.subject.id, []).append(f)
    return Division(duties, posts, presides)


def division(as_of: str | None = None) -> Division:
    """Every 分管/主管/联系 of every leader, with their posts: the 分工总览 on `as_of` (or now)."""
    return _division(store_key(), as_of)


# --------------------------------------------------------------------------- data quality

@dataclass(frozen=True)
class Quality:
    """What a careful reader should check: mentions not tied to a name, names shared by
    several entities, facts that contradict each other, facts the build could not place."""

    unresolved: list[tuple[EntityRef, list[Fact]]]
    ambiguous: list[tuple[str, list[EntityRef]]]
    double_supervision: list[tuple[EntityRef, list[Fact]]]
    double_heads: list[tuple[EntityRef, list[Fact]]]
    not_in_graph: list[str]


# Persons the extractor met only as a role (市长, 常务副市长 …) and could not tie to a name.
_UNNAMED = "MATCH (p:Person) WHERE p.unnamed = true RETURN p.id AS id, p.name AS name ORDER BY name"


def _overlap(a: Fact, b: Fact) -> bool:
    """Whether two facts can hold on one day (unknown ends count as still holding)."""
    a_from, a_to = a.valid_from or "", a.valid_to or "9999"
    b_from, b_to = b.valid_from or "", b.valid_to or "9999"
    return a_from < b_to and b_from < a_to


@st.cache_data(show_spinner=False)
def _quality(key: str, as_of: str | None) -> Quality:
    h = handle()
    unnamed = h.cypher(_UNNAMED).rows
    unresolved = [(EntityRef(pid, PERSON, name), _neighbourhood(key, pid, as_of)) for pid, name in unnamed]

    by_name: dict[tuple[str, str, str], list[EntityRef]] = defaultdict(list)
    for e in _entities(key):  # one name in two places is two entities, not a doubt
        by_name[(e.label, e.name, e.place or "")].append(e)
    ambiguous = [(name, refs) for (label, name, _), refs in sorted(by_name.items()) if len(refs) > 1]

    div = _division(key, as_of)
    double_supervision = []
    by_body: dict[str, list[Fact]] = defaultdict(list)
    for f in div.duties:
        if f.type == IN_CHARGE_OF:
            by_body[f.object.id].append(f)
    for facts in by_body.values():
        clash = [f for f in facts if any(g.subject.id != f.subject.id and _overlap(f, g) for g in facts)]
        if clash:
            double_supervision.append((clash[0].object, clash))

    double_heads = []
    holders: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    person_ids = [e.id for e in _entities(key) if e.label == PERSON]
    if person_ids:
        for r in _call(key, named.run, "posts_of_people", {"people": person_ids, "as_of": as_of}):
            f = fact_from_row(r, as_of)
            if f.status != "ended" and f.role and titles().is_head(f.role) and not titles().is_deputy(f.role):
                holders[(f.object.id, f.role)].append(f)
    for (org_id, title), facts in sorted(holders.items()):
        clash = [f for f in facts if any(g.subject.id != f.subject.id and _overlap(f, g) for g in facts)]
        if clash:
            double_heads.append((clash[0].object, clash))

    problems = list(h.folder.graph().problems)
    return Quality(unresolved, ambiguous, sorted(double_supervision, key=lambda x: x[0].name),
                   double_heads, problems)


def quality(as_of: str | None = None) -> Quality:
    """The checks of the 数据质量 page (computed once per build and day)."""
    return _quality(store_key(), as_of)


# --------------------------------------------------------------------------- questions

MATCH_HOW = {"exact": "全名", "alias": "别名", "canonical": "规范名", "contains": "部分名称", "contained": "包含名称",
             "abbreviation": "简称", "fuzzy": "近似", "pinyin": "拼音"}

_QUESTION = re.compile(r"谁|什么|哪|吗|？|\?|是否|多少|几个|怎么|如何|有没有|责任链|关系|由.+(负责|牵头|分管)|"
                       r"分管|主管|联系|参加|成员|组长|任命|免去|担任|负责")


def looks_like_question(text: str) -> bool:
    """Whether the search box holds a question rather than a name."""
    return bool(_QUESTION.search(text))


@st.cache_data(show_spinner=False, max_entries=256)
def _ask(key: str, question: str, as_of: str | None) -> Answer:
    return _call(key, answer_q.ask, question, as_of=as_of)


def ask(question: str, as_of: str | None = None) -> Answer:
    """The answer to a question in Chinese (谁分管市财政局 …), with evidence and Cypher."""
    return _ask(store_key(), question.strip(), as_of)


def _refs_in(record: Any) -> list[EntityRef]:
    if isinstance(record, Fact):
        return [record.subject, record.object]
    if isinstance(record, AppointmentRecord):
        return [record.person, record.organization, record.post]
    if isinstance(record, PathRecord):
        return list(record.nodes)
    if isinstance(record, ChainStep):
        return [record.entity]
    for name in ("person", "a", "b", "entity"):  # GroupCount, Overlap …
        value = getattr(record, name, None)
        if isinstance(value, EntityRef):
            return [value]
    return []


def answer_entities(answer: Answer) -> list[tuple[str, EntityRef | None]]:
    """Each answer with the entity it names (from the records behind it), so it can link."""
    refs: dict[str, EntityRef] = {}
    for record in answer.records:
        for ref in _refs_in(record):
            refs.setdefault(ref.name, ref)
    for ref in answer.entities.values():
        refs.setdefault(ref.name, ref)
    known = {e.name: e for e in _entities(store_key())}
    return [(a, refs.get(a) or known.get(a)) for a in answer.answers]


@dataclass(frozen=True)
class AnswerCard:
    """One answer as the search page shows it: the name, the entity it names (with its
    place), what ties it to the question, and the evidence of that."""

    name: str
    shown: str
    ref: EntityRef | None
    place: str | None
    fact: str | None
    evidence: tuple[Any, ...]


def _evidence_of(record: Any) -> Any:
    ev = getattr(record, "evidence", None)
    if ev is None and getattr(record, "fact", None) is not None:
        ev = record.fact.evidence
    return ev


def evidence_in_place(answer: Answer, place: str | None) -> list[Any]:
    """The answer's evidence kept to `place`: that of the records one of whose entities is of
    the place, or none of whose has a place (a national body's); all of it for no place."""
    if place is None:
        return list(answer.evidence)
    kept = [r for r in answer.records
            if place in {ref.place for ref in _refs_in(r)} or not any(ref.place for ref in _refs_in(r))]
    return answer_q.evidence_of(kept)


def queries_in_place(answer: Answer, place: str | None) -> list[Any]:
    """The queries behind the answer kept to `place`: those run for it or for no one place
    (their `$place` is '' or absent); all of them for no place."""
    return [q for q in answer.queries if place is None or q.params.get("place", "") in ("", place)]


def is_verdict(answer: Answer, text: str) -> bool:
    """An answer line that is the yes/no word or a number (共6人, 云川市：共2个), not a name."""
    if getattr(answer, "yes", None) is not None and text in ("是", "否"):
        return True
    return getattr(answer, "count", None) is not None and re.match(r"^(?:[^：]+：)?共\d+", text) is not None


def answer_cards(answer: Answer) -> list[AnswerCard]:
    """The answers as cards, each tied to its entity by name and place (one name in two
    places is two cards) and to the records behind it, whose evidence it shows."""
    places = list(getattr(answer, "places", None) or [])  # the place of each answer, where given
    places += [None] * (len(answer.answers) - len(places))
    shown = list(getattr(answer, "shown", None) or answer.answers)
    by_name: dict[str, list[EntityRef]] = defaultdict(list)
    for e in _entities(store_key()):
        by_name[e.name].append(e)
    cards = []
    for i, name in enumerate(answer.answers):
        if is_verdict(answer, name):  # 是/否, 共N人: shown above the cards, not as an entity
            continue
        place = places[i]
        ref: EntityRef | None = None
        evidence: list[Any] = []
        facts: list[str] = []
        for record in answer.records:
            hits = [r for r in _refs_in(record) if r.name == name and (place is None or r.place in (None, place))]
            if not hits:
                continue
            ref = ref or hits[0]
            ev = _evidence_of(record)
            if ev is not None and ev not in evidence:
                evidence.append(ev)
            describe = getattr(record, "describe", None)
            said = describe() if callable(describe) else None
            if isinstance(said, str) and len(facts) < 2:
                facts.append(said)
        if ref is None:
            asked = [r for r in answer.entities.values() if r.name == name]
            known = [e for e in by_name.get(name, []) if place is None or e.place == place]
            ref = (asked or known or [None])[0]
        if ref is not None and ref.label and not ref.place and place:
            ref = EntityRef(ref.id, ref.label, ref.name, ref.kind, place)
        if not evidence:
            evidence = [ev for ev in answer.evidence if ev.sentence and name in ev.sentence]
        cards.append(AnswerCard(name, shown[i] if i < len(shown) else name, ref,
                                place or (ref.place if ref else None), "；".join(facts) or None, tuple(evidence)))
    return cards
