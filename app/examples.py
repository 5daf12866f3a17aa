"""Examples offered to users: questions for the search box and queries for the console.

They teach by showing; every value travels as a `$param`, as users should write theirs.
The console binds `$as_of` to the sidebar's 截至日期 ('' for none), and the first example
shows how a query keeps what holds on that day, or now. A parameter written "{org_name}",
"{leader}", "{place}" or "{number}" is filled from the store (`app.data.cypher_example`), so
the examples name what the store holds and look a name up in its place, never by name alone.
A test checks that every label and relationship type named here exists in the schema.
"""

from __future__ import annotations

from typing import Any

__all__ = ["QUESTION_FORMS", "CYPHER_EXAMPLES"]

# The example questions of the search page, filled from the store's own content
# (`app.data.example_questions`): {org} a 财政局 it holds (else another body), {task_force}
# one of its task forces, {leader} who 分管 {org}, {place} one of its places ('' for a store
# of one place). A form whose value the store lacks is left out.
QUESTION_FORMS: tuple[str, ...] = (
    "谁分管{org}",
    "{leader}分管哪些单位",
    "{place}市长是谁",
    "谁领导{task_force}",
    "{task_force}有哪些成员",
    "{leader}参加了哪些工作专班",
    "从市长到{org}的责任链",
)

CYPHER_EXAMPLES: dict[str, tuple[str, dict[str, Any]]] = {
    "谁分管某单位（带依据，按截至日期）": (
        "MATCH (p:Person)-[r:IN_CHARGE_OF]->(o:Organization {name: $org})\n"
        "WHERE ($place = '' OR o.place = $place) AND (($as_of = '' AND r.valid_to IS NULL)\n"
        "   OR ((r.valid_from IS NULL OR r.valid_from <= $as_of) AND (r.valid_to IS NULL OR r.valid_to > $as_of)))\n"
        "RETURN p.name AS 领导, o.name AS 单位, r.valid_from AS 起, r.valid_to AS 止, r.doc_numbers AS 文件, "
        "r.evidence AS 依据",
        {"org": "{org_name}", "place": "{place}"}),
    "市领导与分管单位（图）": (
        "MATCH (p:Person)-[r:IN_CHARGE_OF]->(o:Organization)\nRETURN p, r, o LIMIT $n",
        {"n": 150}),
    "某人的职务": (
        "MATCH (p:Person {name: $person})-[h:HOLDS]->(post:Post)-[:POST_IN]->(o:Organization)\n"
        "WHERE $place = '' OR p.place = $place\n"
        "RETURN post.title AS 职务, o.name AS 单位, h.status AS 状态, h.valid_from AS 起, h.valid_to AS 止",
        {"person": "{leader}", "place": "{place}"}),
    "工作专班成员与角色（图）": (
        "MATCH (p:Person)-[r:MEMBER_OF]->(t:TaskForce)\nRETURN p, r, t LIMIT $n",
        {"n": 200}),
    "一份文件的任免": (
        "MATCH (a:Appointment)-[:ANNOUNCED_IN]->(d:Document {number: $number})\n"
        "MATCH (a)-[:OF_PERSON]->(p:Person)\n"
        "RETURN p.name AS 人员, a.action AS 任免, a.name AS 事项, a.date AS 日期",
        {"number": "{number}"}),
    "各类节点数量": (
        "MATCH (n) RETURN labels(n)[0] AS 类型, count(*) AS 数量 ORDER BY 数量 DESC",
        {}),
}
