"""How many questions in users' own words `govkg ask` answers right, on a store of three
invented cities (issue 13). Not a pytest test: a measure, printed.

    .venv/bin/python benchmarks/bench_questions.py [--store DIR] [--intent TAG] [--json OUT]
                                                   [--failures N] [--self-test]

It builds a store from tests/fixtures/three_cities/ in a temporary folder (or uses --store),
asks every question of tests/queries/data/user_questions.yaml through `queries.answer.ask`
(what `govkg ask --json` calls) on that store, and checks each answer (`Answer.to_json()`)
against the entry's `expect`. It prints the share right, per intent, and each failure with
the question, what was expected and what came back.

The checking rule (an answer is right when every key of `expect` holds):

- An answer that was not understood, or that asks which entity was meant (ambiguous), or that
  raised, is wrong.
- Names are found in text by longest match against the YAML's `kinds` table: every entity by
  its full name ("云川市财政局") and by its bare name, the full name less the place's short
  name ("市财政局", read as that name in every place that has it). Places are found by their
  full or short name (云川市, 云川), their province (山西, 广东, 浙江), or a full name that holds
  one (云川市人民政府). A name found in a line that names places is read as the entity of
  those places.
- `names` + `place P`: in the `answers` list, every expected name is found as P's entity, and
  no other entity of the kinds expected is found (a name of another place, or another name,
  is wrong). Every evidence item that has a source file must be one of P's files.
- `names` without `place`: as above, with no place narrowing.
- `groups {P: [..]}`: every expected name is found, as P's entity only, in a segment that
  names P (or in its full name that holds P). Segments: the lines of `answers`, `details`,
  `message` and of a JSON `groups` field (a mapping place -> names, or a list of {place,
  answers}), cut at ；; 。 and at a closing bracket followed by 、 (so "云川市：李慧敏、王建国"
  and "李慧敏（云川市人民政府副市长）、黄志雄（岭东市…）" both show places). And `answers`
  holds no entity of the kinds expected outside the groups.
- `count N`: N is written as a whole number (digits or 一…十) in the `answers` text (in the
  `message` when `answers` is empty).
- `counts {P: N}`: for each P, a line of `answers`, `details` or `message` names P and N.
- `bool true|false`: a JSON boolean `yes` if the answer has one; otherwise the first answer (the
  `message` when there is none) starts with 是/对/有/yes (true) or 否/不/没/无/no (false).
- `date D`: D (2023-09-12, 2023年9月12日 or 2023.9.12) is in `answers` or `message`.
- `contains [..]`: each string is in the text of `answers`, `details` and `message`.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "three_cities"
QUESTIONS = ROOT / "tests" / "queries" / "data" / "user_questions.yaml"
PROVINCES = {"云川市": "山西", "岭东市": "广东", "桐溪市": "浙江"}
SEGMENT = re.compile(r"[；;\n。]|(?<=[）)])[、，,]")  # a place applies within one segment of a line
CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


# --------------------------------------------------------------------------- names in text

@dataclass(frozen=True)
class Entity:
    kind: str
    place: str
    name: str


def short(place: str) -> str:
    return place[:-1] if place[-1:] in "市县区" else place


class Vocabulary:
    """Entity and place names, matched longest first."""

    def __init__(self, kinds: dict[str, dict[str, list[str]]]):
        self.keys: dict[str, set[Any]] = defaultdict(set)
        self.by_name: dict[tuple[str, str], Entity] = {}
        for kind, places in kinds.items():
            for place, names in places.items():
                for name in names:
                    e = Entity(kind, place, name)
                    self.by_name[(place, name)] = e
                    self.keys[name].add(e)
                    s = short(place)
                    if name.startswith(s) and len(name) > len(s) + 1:
                        self.keys[name[len(s):]].add(e)
        for place in kinds.get("person", {}):
            for key in {place, short(place), PROVINCES.get(place, "")} - {""}:
                self.keys[key].add(("place", place))
        self.pattern = re.compile("|".join(re.escape(k) for k in sorted(self.keys, key=len, reverse=True)))

    def entity(self, place: str, name: str) -> Entity | None:
        return self.by_name.get((place, name))

    def read(self, line: str) -> tuple[list[tuple[str, set[Entity]]], set[str]]:
        """(tokens: the text and the entities it may be, places named) of one line; a line
        that names places narrows its tokens to those places."""
        tokens, places = [], set()
        for m in self.pattern.finditer(line):
            found = self.keys[m.group(0)]
            ps = {x[1] for x in found if isinstance(x, tuple)}
            if ps:
                places |= ps
            else:
                tokens.append((m.group(0), set(found)))
                places |= {e.place for e in found if short(e.place) in m.group(0)}  # 云川市人民政府 names 云川市
        if places:
            tokens = [(t, {e for e in c if e.place in places} or c) for t, c in tokens]
        return tokens, places


# --------------------------------------------------------------------------- checks

def _lines(values: Any) -> list[str]:
    return [str(v) for v in values or []]


def _groups_lines(ans: dict[str, Any]) -> list[str]:
    g = ans.get("groups")
    out: list[str] = []
    if isinstance(g, dict):
        for place, names in g.items():
            out += [f"{n} · {place}" for n in (names if isinstance(names, list) else [names])]
    elif isinstance(g, list):
        for item in g:
            if isinstance(item, dict):
                place = item.get("place", "")
                out += [f"{n} · {place}" for n in item.get("answers", item.get("names", []))]
    return out


def check_names(voc: Vocabulary, ans: dict[str, Any], expect: dict[str, Any], places: dict[str, list[str]]) -> str | None:
    place = expect.get("place")
    wanted: set[Entity] = set()
    for name in expect["names"]:
        cands = ({voc.entity(place, name)} if place else {voc.entity(p, name) for p in places}) - {None}
        if not cands:
            return f"bad expect: {name} not in kinds"
        wanted |= cands
    kinds = {e.kind for e in wanted}
    found: set[str] = set()
    extras: list[str] = []
    for line in _lines(ans["answers"]):
        tokens, _ = voc.read(line)
        for text, cands in tokens:
            cands = {e for e in cands if e.kind in kinds}
            if not cands:
                continue
            if place:
                cands = {e for e in cands if e.place == place} or cands
            hit = cands & wanted
            if hit:
                found |= {e.name for e in hit}
            else:
                extras.append(text)
    missing = [n for n in expect["names"] if n not in found]
    if missing or extras:
        return f"missing {missing} extra {extras}" if missing and extras else (
            f"missing {missing}" if missing else f"extra {extras}")
    return None


def check_groups(voc: Vocabulary, ans: dict[str, Any], expect: dict[str, Any]) -> str | None:
    wanted: set[Entity] = set()
    for place, names in expect["groups"].items():
        for name in names:
            e = voc.entity(place, name)
            if e is None:
                return f"bad expect: {name} ({place}) not in kinds"
            wanted.add(e)
    kinds = {e.kind for e in wanted}
    shown: set[Entity] = set()
    lines = _lines(ans["answers"]) + _lines(ans.get("details")) + [str(ans.get("message", ""))] + _groups_lines(ans)
    for line in (seg for ln in lines for seg in SEGMENT.split(ln)):
        tokens, line_places = voc.read(line)
        for text, cands in tokens:
            one = {e for e in cands if e.kind in kinds}
            full_name = any(e.name == text and short(e.place) in text for e in one)
            if line_places or full_name:
                shown |= one & wanted if len({e.place for e in one}) == 1 else set()
    extras = []
    for line in _lines(ans["answers"]):
        tokens, _ = voc.read(line)
        extras += [t for t, c in tokens if {e for e in c if e.kind in kinds} and not (c & wanted)]
    missing = [f"{e.name}·{e.place}" for e in sorted(wanted - shown, key=lambda e: (e.place, e.name))]
    if missing or extras:
        return "; ".join(x for x in (f"not shown with its place: {missing}" if missing else "",
                                     f"extra {extras}" if extras else "") if x)
    return None


def numbers(text: str) -> set[int]:
    out = {int(m) for m in re.findall(r"(?<!\d)\d+(?!\d)", text)}
    for m in re.findall(r"[零一二两三四五六七八九十]+", text):
        if "十" in m:
            a, _, b = m.partition("十")
            out.add((CN_DIGITS.get(a, 1) if a else 1) * 10 + (CN_DIGITS.get(b, 0) if b else 0))
        elif len(m) == 1:
            out.add(CN_DIGITS[m])
    return out


def check_count(ans: dict[str, Any], n: int) -> str | None:
    text = " ".join(_lines(ans["answers"])) or ans.get("message", "")
    return None if n in numbers(text) else f"{n} not stated"


def check_counts(voc: Vocabulary, ans: dict[str, Any], counts: dict[str, int]) -> str | None:
    lines = _lines(ans["answers"]) + _lines(ans.get("details")) + str(ans.get("message", "")).splitlines()
    bad = []
    for place, n in counts.items():
        if not any(place in ln or short(place) in ln for ln in lines if n in numbers(ln)):
            bad.append(f"{place}: {n}")
    return f"not stated: {bad}" if bad else None


def check_yes(ans: dict[str, Any], yes: bool) -> str | None:
    if isinstance(ans.get("yes"), bool):
        got: bool | None = ans["yes"]
    else:
        first = (_lines(ans["answers"]) or [str(ans.get("message", ""))])[0].strip().lower()
        got = (False if re.match(r"(否|不|没|无|no\b|false)", first) else
               True if re.match(r"(是|对|有|yes\b|true)", first) else None)
    if got is None:
        return "no yes/no stated"
    return None if got == yes else f"said {'yes' if got else 'no'}"


def check_date(ans: dict[str, Any], day: str) -> str | None:
    y, m, d = (int(x) for x in str(day).split("-"))
    forms = [f"{y}-{m:02d}-{d:02d}", f"{y}年{m}月{d}日", f"{y}年{m:02d}月{d:02d}日", f"{y}.{m}.{d}"]
    text = " ".join(_lines(ans["answers"])) + " " + str(ans.get("message", ""))
    return None if any(f in text for f in forms) else f"{day} not stated"


def check_contains(ans: dict[str, Any], words: list[str]) -> str | None:
    text = " ".join(_lines(ans["answers"]) + _lines(ans.get("details")) + [str(ans.get("message", ""))])
    missing = [w for w in words if w not in text]
    return f"missing {missing}" if missing else None


def check_place_evidence(ans: dict[str, Any], place: str, places: dict[str, list[str]]) -> str | None:
    files = {re.sub(r":\d+(-\d+)?$", "", Path(e["source"]).name) for e in ans.get("evidence", []) if e.get("source")}
    others = [f for f in files if not any(fnmatch.fnmatch(f, g) for g in places[place])]
    return f"evidence from other places: {sorted(set(others))}" if others else None


def check(voc: Vocabulary, ans: dict[str, Any], expect: dict[str, Any], places: dict[str, list[str]]) -> list[str]:
    if not ans.get("understood"):
        return ["not understood"]
    if ans.get("ambiguous"):
        return ["asked which was meant: " + str(ans.get("message", ""))[:160]]
    unknown = set(expect) - {"names", "place", "groups", "count", "counts", "bool", "date", "contains"}
    if unknown:
        return [f"bad expect keys: {sorted(map(str, unknown))}"]
    problems = []
    if "names" in expect:
        problems.append(check_names(voc, ans, expect, places))
    if "groups" in expect:
        problems.append(check_groups(voc, ans, expect))
    if "place" in expect:
        problems.append(check_place_evidence(ans, expect["place"], places))
    if "count" in expect:
        problems.append(check_count(ans, int(expect["count"])))
    if "counts" in expect:
        problems.append(check_counts(voc, ans, expect["counts"]))
    if "bool" in expect:
        problems.append(check_yes(ans, bool(expect["bool"])))
    if "date" in expect:
        problems.append(check_date(ans, str(expect["date"])))
    if "contains" in expect:
        problems.append(check_contains(ans, list(expect["contains"])))
    return [p for p in problems if p]


# --------------------------------------------------------------------------- running

def build_store(folder: Path) -> Path:
    from graph.update import update_store

    store = folder / "store"
    report = update_store(store, [str(FIXTURES)], workers=1, full=True, progress=False)
    if report.store is None:
        raise SystemExit(f"nothing built from {FIXTURES}")
    return store


def run(store: Path, data: dict[str, Any], intent: str | None) -> list[dict[str, Any]]:
    from graph.folder import StoreFolder
    from queries.answer import ask

    voc = Vocabulary(data["kinds"])
    results = []
    with StoreFolder(store).view() as view:
        for entry in data["questions"]:
            if intent and entry["intent"] != intent:
                continue
            try:
                ans = ask(view, entry["q"], as_of=str(entry["as_of"]) if entry.get("as_of") else None).to_json()
                problems = check(voc, ans, entry["expect"], data["places"])
            except Exception as exc:  # a question that raises is a wrong answer, and is shown
                ans, problems = {"answers": [], "message": f"{type(exc).__name__}: {exc}"}, ["raised"]
            results.append({"q": entry["q"], "intent": entry["intent"], "as_of": str(entry["as_of"]) if entry.get("as_of") else None,
                            "expect": entry["expect"], "ok": not problems, "problems": problems,
                            "form": ans.get("form"), "answers": ans.get("answers"),
                            "message": str(ans.get("message", ""))})
    return results


def report(results: list[dict[str, Any]], shown: int) -> None:
    right = sum(r["ok"] for r in results)
    total = len(results)
    print(f"right: {right}/{total} = {right / max(total, 1):.1%}\n")
    per: dict[str, Counter] = defaultdict(Counter)
    for r in results:
        per[r["intent"]]["total"] += 1
        per[r["intent"]]["right"] += r["ok"]
    print(f"{'intent':<20} {'right':>5} {'of':>4}  rate")
    for tag, c in sorted(per.items(), key=lambda kv: -kv[1]["total"]):
        print(f"{tag:<20} {c['right']:>5} {c['total']:>4}  {c['right'] / c['total']:.0%}")
    failures = [r for r in results if not r["ok"]]
    if failures and shown:
        print(f"\nfailures ({len(failures)}; first {min(shown, len(failures))}):")
        for r in failures[:shown]:
            day = f" [as_of {r['as_of']}]" if r["as_of"] else ""
            print(f"- {r['q']}{day}  ({r['intent']})")
            print(f"    expected: {json.dumps(r['expect'], ensure_ascii=False, default=str)}")
            got = "、".join(map(str, r["answers"] or [])) or "—"
            print(f"    got: {got[:200]}  | form {r['form']} | {r['message'][:120]!r}")
            print(f"    why: {'; '.join(r['problems'])}")


def self_test(data: dict[str, Any]) -> None:
    """The rule on hand-made answers: right forms pass, wrong ones fail."""
    voc, places = Vocabulary(data["kinds"]), data["places"]

    def a(answers: list[str], message: str = "", details: list[str] | None = None, **kw: Any) -> dict[str, Any]:
        return {"understood": True, "ambiguous": False, "answers": answers, "message": message,
                "details": details or [], "evidence": [], **kw}

    cases = [
        (a(["李慧敏"]), {"names": ["李慧敏"], "place": "云川市"}, True),
        (a(["李慧敏 · 云川市"]), {"names": ["李慧敏"], "place": "云川市"}, True),
        (a(["李慧敏", "黄志雄"]), {"names": ["李慧敏"], "place": "云川市"}, False),
        (a(["市财政局", "市民政局"]), {"names": ["云川市财政局", "云川市民政局"], "place": "云川市"}, True),
        (a(["市财政局 · 岭东市"]), {"names": ["云川市财政局"], "place": "云川市"}, False),
        (a(["孙明远"], evidence=[{"source": "lingdong-fengong-2023.txt:9"}]),
         {"names": ["孙明远"], "place": "云川市"}, False),
        (a(["李慧敏", "黄志雄"], "云川市：李慧敏；岭东市：黄志雄"),
         {"groups": {"云川市": ["李慧敏"], "岭东市": ["黄志雄"]}}, True),
        (a(["李慧敏（云川市）", "黄志雄（岭东市）"]), {"groups": {"云川市": ["李慧敏"], "岭东市": ["黄志雄"]}}, True),
        (a(["李慧敏", "黄志雄"], "负责财政的是：李慧敏、黄志雄"),
         {"groups": {"云川市": ["李慧敏"], "岭东市": ["黄志雄"]}}, False),
        (a([], groups={"云川市": ["王建国"], "桐溪市": ["王建国"]}),
         {"groups": {"云川市": ["王建国"], "桐溪市": ["王建国"]}}, True),
        (a(["9"]), {"count": 9}, True),
        (a(["共九人"]), {"count": 9}, True),
        (a(["孙明远", "冯涛"]), {"count": 2}, False),
        (a(["是"]), {"bool": True}, True),
        (a(["否，已于2023-11-08调出"]), {"bool": False}, True),
        (a(["不是"]), {"bool": True}, False),
        (a(["郭峰"], "2023年9月12日任命"), {"date": "2023-09-12"}, True),
        (a(["云川市：4", "岭东市：4", "桐溪市：3"]), {"counts": {"云川市": 4, "岭东市": 4, "桐溪市": 3}}, True),
    ]
    bad = [(ans, exp) for ans, exp, right in cases if (not check(voc, ans, exp, places)) != right]
    for ans, exp in bad:
        print(f"self-test failed: {exp} on {ans} -> {check(voc, ans, exp, places)}")
    print(f"self-test: {len(cases) - len(bad)}/{len(cases)} cases as meant")
    if bad:
        raise SystemExit(1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, help="ask this store instead of building one from the fixtures")
    ap.add_argument("--questions", type=Path, default=QUESTIONS)
    ap.add_argument("--intent", help="only the questions with this intent tag")
    ap.add_argument("--failures", type=int, default=1000, help="how many failures to print (0: none)")
    ap.add_argument("--json", type=Path, help="write every result here as JSON")
    ap.add_argument("--self-test", action="store_true", help="only check the checking rule on hand-made answers")
    args = ap.parse_args()
    data = yaml.safe_load(args.questions.read_text(encoding="utf-8"))
    if args.self_test:
        self_test(data)
        return
    with tempfile.TemporaryDirectory(prefix="bench-questions-") as tmp:
        store = args.store or build_store(Path(tmp))
        results = run(store, data, args.intent)
    report(results, args.failures)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
