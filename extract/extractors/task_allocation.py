"""Task allocations (责任分解): "任务。（责任领导：张三；牵头单位：区发改局、区财政局）"."""

from __future__ import annotations

import re

from extract.document import ParsedDocument
from extract.extractors.base import Emitter, is_category
from extract.posts import split_list
from graph.records import Assertion

__all__ = ["extract"]

_ITEM = re.compile(
    r"^\s*(?:\d+[.、．]|[（(]\d+[）)])?\s*(?P<task>[^\n]{2,400}?)[。；]?\s*[（(](?P<meta>[^（）()]*牵头单位[：:][^（）()]*)[）)]",
    re.M,
)
_LEADS = re.compile(r"牵头单位[：:](?P<orgs>[^；;）)]+)")


def extract(doc: ParsedDocument) -> list[Assertion]:
    em = Emitter(doc, "task_allocation")
    text = em.text
    for m in _ITEM.finditer(text):
        task_a, task_b = m.span("task")
        task = em.surface(task_a, task_b).rstrip("。；;")
        meta_a = m.start("meta")
        lm = _LEADS.search(m.group("meta"))
        if not lm:
            continue
        orgs = lm.group("orgs")
        oa = meta_a + lm.start("orgs")
        for x, y in split_list(orgs, "、，,"):
            item = orgs[x:y]
            if is_category(item):
                continue
            em.emit("牵头", em.surface(oa + x, oa + y), "Organization", task, "Task", (m.start(), m.end()))
    return em.out
