"""Entity resolution: one entity per real body or person, whatever the spelling.

Bodies: full names and abbreviations (市发改委 = 市发展改革委 = 市发展和改革委员会, from
graph/data/aliases.yaml), second names in brackets ("市发展和改革委员会(市粮食和物资储备局)",
read from the evidence), and the city prefix (朔州市财政局 = 市财政局 within 朔州's
documents). Every person, body, task force and work area is keyed within its place
(`graph.places`): 市财政局 of 朔州 and of 上海 are two bodies, 王建国 in two places two
people, 财政 of two cities two areas. Every merge records its reason.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import yaml

from graph.kinds import org_kind
from graph.places import Places, level_of
from graph.records import Assertion, DocumentInfo, make_id

__all__ = ["resolve", "ResolutionReport", "Merge", "body_key"]

_DATA = Path(__file__).parent / "data" / "aliases.yaml"
_PLACE = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,4}?)(?P<level>市|县|区|省)(?=[\u4e00-\u9fff]{2})")


@dataclass(frozen=True)
class Merge:
    """Several surface names resolved to one entity, and why."""

    label: str
    entity_id: str
    name: str
    surfaces: tuple[str, ...]
    reasons: tuple[str, ...]


@dataclass
class ResolutionReport:
    merges: list[Merge] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)   # persons named only by role
    ambiguous: list[str] = field(default_factory=list)    # one name, several places


@lru_cache(maxsize=1)
def _aliases() -> tuple[list[tuple[str, str]], dict[str, str]]:
    raw = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    abbr = sorted(raw["abbreviations"].items(), key=lambda kv: len(kv[0]), reverse=True)
    same = {}
    for group in raw["same_body"]:
        for name in group:
            same[name] = group[0]
    return abbr, same


@lru_cache(maxsize=1 << 16)  # the same few thousand names recur in every assertion
def _norm(name: str) -> str:
    name = unicodedata.normalize("NFKC", name)
    return re.sub(r"\s+", "", name).replace("(", "（").replace(")", "）")


def body_key(name: str, place: str) -> tuple[str, list[str]]:
    """Canonical key of a body's name and the reasons for each rewrite; the prefix of
    `place` (朔州市财政局 within 朔州市) is cut."""
    key, reasons = _body_key(name, place)
    return key, list(reasons)


@lru_cache(maxsize=1 << 16)
def _body_key(name: str, place: str) -> tuple[str, tuple[str, ...]]:
    reasons = []
    n = _norm(name)
    abbr, same = _aliases()
    m = _PLACE.match(n)
    if m and place and place.startswith(m.group("place")):
        n = m.group("level") + n[m.end():]
        reasons.append("city prefix")
    for short, full in abbr:
        if n.endswith(short) and not n.endswith(full):
            n = n[: len(n) - len(short)] + full
            reasons.append(f"abbreviation {short}={full}")
            break
    if n in same:
        if same[n] != n:
            reasons.append("same body")
        n = same[n]
    return n, tuple(reasons)


_BRACKETED = re.compile(r"（([^（）]{2,30})）")


def _second_names(assertions: list[Assertion]) -> dict[str, str]:
    """"甲（乙）" in evidence: 乙 is a second name of 甲."""
    out: dict[str, str] = {}
    for a in assertions:
        evidence = None
        for name in (a.s, a.o):
            if not name:
                continue
            evidence = evidence if evidence is not None else _norm(a.evidence)
            at = evidence.find(f"{name}（")
            m = _BRACKETED.match(evidence, at + len(name)) if at >= 0 else None
            if m and m.group(1).endswith(("局", "委员会", "办公室", "委", "院", "中心", "公司")):
                out[_norm(m.group(1))] = _norm(name)
    return out


def resolve(assertions: list[Assertion], documents: list[DocumentInfo] | None = None
            ) -> tuple[list[Assertion], ResolutionReport]:
    """Fill s_id/o_id and canonical names; report merges and what stayed unresolved."""
    report = ResolutionReport()
    docs = {d.doc_id: d for d in documents or []}
    second = _second_names(assertions)
    surfaces: dict[tuple[str, str], set[str]] = defaultdict(set)
    why: dict[tuple[str, str], set[str]] = defaultdict(set)
    display: dict[tuple[str, str], str] = {}
    person_places: dict[str, set[str]] = defaultdict(set)
    places = Places(docs.values())

    def key_of(name: str, label: str, a: Assertion, unnamed: bool) -> tuple[str, str]:
        home = places.of_document(a.doc_id) or a.doc_id  # no place known: the document alone
        if label == "Organization":
            n = _norm(name)
            reasons = []
            if n in second:
                n = second[n]
                reasons.append("second name in brackets")
            found = places.prefix(n)
            if found:
                place, bare = found
                reasons.append("city prefix")
            else:
                place, bare = places.of_entity(label, n, a.doc_id), n
            k, more = body_key(bare, "")
            if place:
                kk = ("Organization", f"{place}|{k}")
            else:  # national (国务院), or a document of no known place
                kk = ("Organization", f"{a.doc_id}|{k}" if k.startswith(("市", "县", "区")) else k)
            why[kk].update(reasons + more)
        elif label == "Person":
            if unnamed:
                kk = ("Person", f"{a.doc_id}|{_norm(name)}")
                report.unresolved.append(f"{name} ({a.doc})")
            else:
                kk = ("Person", f"{home}|{_norm(name)}")
                person_places[_norm(name)].add(home)
        elif label == "TaskForce":
            n = _norm(name)
            found = places.prefix(n)  # 朔州市防汛抗旱指挥部 = 市防汛抗旱指挥部 in 朔州市's documents
            place, bare = found if found else (home, n)
            # its own level word is no part of a body's name within its place: 市X领导小组 and
            # X领导小组 in 霁州市's documents are one body
            level = level_of(place) or ""
            if level and bare.startswith(level) and len(bare) > len(level) + 3:
                bare = bare[len(level):]
            kk = ("TaskForce", f"{place}|{bare}")
        elif label in ("Area", "Task"):  # who answers for 财政, or for a task, is a fact of one place's government
            place = places.of_document(a.doc_id)
            kk = (label, f"{place}|{_norm(name)}" if place else _norm(name))
        elif label == "Document":
            kk = ("Document", a.doc_id if name == a.doc else _norm(name))  # the citing document itself
        else:
            kk = (label, _norm(name))
        surfaces[kk].add(name)
        cur = display.get(kk)
        if cur is None or len(_norm(name)) > len(cur) and label == "Organization":
            display[kk] = name
        return kk

    keyed = []
    for a in assertions:
        sk = key_of(a.s, a.s_type, a, a.s_unnamed)
        ok = key_of(a.o, a.o_type, a, False)
        keyed.append((a, sk, ok))
    out = []
    for a, sk, ok in keyed:
        out.append(replace(
            a,
            s_id=_entity_id(sk), o_id=_entity_id(ok),
            s_name=display[sk], o_name=display[ok],
            s_kind=org_kind(_norm(display[sk])) if a.s_type == "Organization" else a.s_kind,
            o_kind=org_kind(_norm(display[ok])) if a.o_type == "Organization" else a.o_kind,
        ))
    for kk, names in sorted(surfaces.items()):
        if len(names) > 1:
            report.merges.append(Merge(kk[0], _entity_id(kk), display[kk], tuple(sorted(names)),
                                       tuple(sorted(why[kk])) or ("same canonical name",)))
    out = _resolve_roles(out, report, {d: places.of_document(d) or d for d in {a.doc_id for a in assertions}})
    report.ambiguous = sorted(f"{n}: {', '.join(sorted(p))}" for n, p in person_places.items() if len(p) > 1)
    report.unresolved = sorted(set(report.unresolved))
    return out, report


@lru_cache(maxsize=1 << 16)
def _entity_id(key: tuple[str, str]) -> str:
    label, value = key
    return value if label == "Document" and value.startswith("Document-") else make_id(label, value)


_BY_AREA = re.compile(r"^(?:分管|负责)(?P<area>.+?)(?:工作|方面工作)?的(?P<title>.+)$")


def _resolve_roles(assertions: list[Assertion], report: ResolutionReport,
                   homes: dict[str, str]) -> list[Assertion]:
    """Persons named only by role, tied to a person where the graph leaves one choice.

    "负责住房和城乡建设工作的副市长" -> the 副市长 who 负责 住房和城乡建设;
    "市能源局局长" -> the one person holding that post. Marked inferred, with the reason.
    Only within the place the document speaks for (`homes`: doc id -> place): every city
    has a 市能源局局长.
    """
    holders: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    titles: dict[str, set[str]] = defaultdict(set)
    areas: dict[tuple[str, str], set[str]] = defaultdict(set)
    for a in assertions:
        if a.s_type != "Person" or a.s_unnamed or not a.s_id:
            continue
        place = homes.get(a.doc_id, "")
        if a.rel == "任职" and a.position:
            holders[(place, _norm(a.o) + _norm(a.position))].add((a.s_id, a.s_name or a.s))
            titles[a.s_id].add(_norm(a.position))
        elif a.rel == "负责":
            areas[(place, _norm(a.o))].add(a.s_id)
    names = {sid: n for group in holders.values() for sid, n in group}
    out = []
    resolved: set[str] = set()
    for a in assertions:
        if not (a.s_unnamed and a.s_type == "Person"):
            out.append(a)
            continue
        role, place = _norm(a.s), homes.get(a.doc_id, "")
        found: set[str] = set()
        reason = ""
        m = _BY_AREA.match(role)
        if m:
            found = {sid for sid in areas.get((place, m.group("area")), set()) if m.group("title") in titles[sid]}
            reason = f"the only {m.group('title')} responsible for {m.group('area')}"
        elif (place, role) in holders:
            found = {sid for sid, _ in holders[(place, role)]}
            reason = f"the only holder of {role}"
        if len(found) == 1:
            sid = found.pop()
            out.append(replace(a, s_id=sid, s_name=names.get(sid, a.s_name), inferred=True,
                               notes=a.notes + (f"role resolved: {reason}",)))
            resolved.add(f"{a.s} (")
        else:
            out.append(a)
    if resolved:
        report.unresolved = [u for u in report.unresolved if u[:u.find(" (") + 2] not in resolved]
    return out
