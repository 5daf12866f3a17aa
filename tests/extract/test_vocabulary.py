"""One vocabulary: the schema's triggers are the verbs the work-division engine reads."""

from __future__ import annotations

import pytest

from extract.extractors import work_division
from graph.model import SCHEMA
from tests.extract.test_extractors import facts

ASSIGNMENTS = [rel for rel in SCHEMA.relationships.values() if rel.timeline == "assignment"]


@pytest.mark.parametrize("rel", ASSIGNMENTS, ids=[r.name for r in ASSIGNMENTS])
def test_vocabulary_schema_triggers_are_duty_verbs(rel) -> None:
    for trigger in rel.triggers:
        assert work_division._DUTY[trigger] == rel.zh


@pytest.mark.parametrize("level,title", [("县", "副县长"), ("旗", "副旗长"), ("州", "副州长")])
@pytest.mark.parametrize("verb", ["分管", "主管", "联系", "协助分管", "协助联系"])
def test_vocabulary_each_trigger_states_its_relation(level: str, title: str, verb: str) -> None:
    text = (f"乙{level}人民政府关于{level}长{title}工作分工的通知\n\n各有关单位：\n\n"
            f"{title}周青山：{verb}{level}水利局。\n")
    assert (verb, "周青山", f"{level}水利局", "") in facts(text)
