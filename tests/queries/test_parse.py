"""Question forms as data: normalisation, every form's own example, and the file's checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.stores import GraphView
from queries.answer import ask
from queries.linker import catalogue
from queries.parse import book, normalize_question, parse


@pytest.mark.parametrize("raw, normal", [
    ("请问：谁分管市财政局？", "谁分管市财政局"),
    ("谁分管 市财政局 呢？", "谁分管市财政局"),
    ("哪位副市长分管市财政局", "谁分管市财政局"),
    ("市财政局是哪位领导分管的", "市财政局是谁分管的"),
    ("刘亮分管哪些部门", "刘亮分管哪些单位"),
    ("黄军参加了哪些领导小组", "黄军参加了哪些领导小组"),      # 哪些领导 is not 谁 before 小组
    ("五个一体化专班办公室在哪儿", "五个一体化专班办公室在哪里"),
    ("办公室设在哪个单位", "办公室设在哪些单位"),
    ("能源局局长叫什么名字", "能源局局长是谁"),
    ("誰分管市財政局", "谁分管市财政局"),
])
def test_parse_normalize_question(raw: str, normal: str) -> None:
    assert normalize_question(raw) == normal


@pytest.mark.parametrize("form", [f.id for f in book().forms])
def test_parse_every_form_reads_its_own_example(reference: GraphView, form: str) -> None:
    for example in book().form(form).ask.split(" / "):
        if book().form(form).patterns:
            readings = parse(catalogue(reference), example)
            assert readings and readings[0].form.id == form, (example, [r.form.id for r in readings])
        answer = ask(reference, example)  # a form without patterns is read by the frames of compose.yaml
        assert answer.form == form, (example, answer.form)
        named = not book().form(form).options.get("no_answers")
        assert answer.understood and bool(answer.answers) == named, (example, answer.message)


def test_parse_forms_are_one_entry_each(tmp_path: Path) -> None:
    text = (Path(__file__).resolve().parents[2] / "queries" / "questions.yaml").read_text(encoding="utf-8")
    extra = text + """
  - id: budget
    ask: 市财政局的预算由谁负责？
    handler: overseers
    options: {types: [IN_CHARGE_OF]}
    slots: {org: [Organization]}
    patterns:
      - '{org}的预算由谁负责'
"""
    path = tmp_path / "questions.yaml"
    path.write_text(extra, encoding="utf-8")
    qb = book(path)
    assert qb.form("budget").entity_slots == {"org": ("Organization",)}
    assert len(qb.forms) == len(book().forms) + 1


@pytest.mark.parametrize("bad, message", [
    ("slots: {org: [Organisation]}", "not a label of the schema"),
    ("options: {types: [SUPERVISES]}", "not a relationship type of the schema"),
    ("patterns: ['{nope}是谁']", "neither a slot nor a vocabulary"),
])
def test_parse_forms_checked_against_the_schema(tmp_path: Path, bad: str, message: str) -> None:
    key = bad.split(":")[0]
    entry = {"slots": "slots: {org: [Organization]}", "options": "options: {types: [IN_CHARGE_OF]}",
             "patterns": "patterns: ['{org}是谁']"}
    entry[key] = bad
    text = ("normalize: {drop_prefix: [], drop_suffix: [], rewrite: []}\nvocab: {who: [是谁]}\nforms:\n"
            "  - id: x\n    handler: overseers\n" + "".join(f"    {v}\n" for v in entry.values()))
    path = tmp_path / "q.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        book(path)


@pytest.mark.parametrize("question, form, slots", [
    ("市发展和改革委员会和市财政局有什么关系", "relation", {"a": "市发展和改革委员会", "b": "市财政局"}),
    ("市人力资源和社会保障局和市发展和改革委员会有什么关系", "relation",
     {"a": "市人力资源和社会保障局", "b": "市发展和改革委员会"}),
    ("武跃飞与刘亮是什么关系", "relation", {"a": "武跃飞", "b": "刘亮"}),
    ("分管市发改委的副市长是谁", "org_supervisors", {"org": "市发展和改革委员会"}),
    ("谁负责消防", "area_leaders", {"area": "消防"}),
    ("谁分管市财政局", "org_supervisors", {"org": "市财政局"}),
])
def test_parse_slots_split_where_the_names_are(reference: GraphView, question: str, form: str,
                                               slots: dict[str, str]) -> None:
    best = parse(catalogue(reference), question)[0]
    assert best.form.id == form
    assert {k: best.entity(k).name for k in slots if best.entity(k)} == slots
