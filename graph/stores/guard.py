"""What a read-only query may not do even where the engine's read-only mode would let it.

The first line of defence is the engines' own: LadybugDB views open the database with
`read_only=True` and Neo4j views run read transactions in READ access mode, so neither
engine lets a query change the graph. But a read-only engine still does things a query
typed by a person must not: LadybugDB writes files with `COPY … TO`, reads any file with
`LOAD FROM`, downloads and loads native extensions (`INSTALL`, `LOAD EXTENSION`), changes
its settings (`CALL timeout=0`), and a `CHECKPOINT` on a read-only database leaves the
store unopenable read-only (found by the reliability tests); Neo4j reads files and URLs
with `LOAD CSV` and stops other sessions' work with `TERMINATE TRANSACTIONS`. This module
refuses those before the engine sees the query, and says why.

The check reads the query with string literals, backquoted names and comments blanked
out, so a name or a value containing these words is never refused; a word right after
`.`, `$`, `:` or `AS`, or before `:`, is a property, parameter, label, alias or map key,
not a clause. Writes themselves are left to the engines (which say so), except REMOVE and
FOREACH, which LadybugDB cannot parse and so could not say why.
"""

from __future__ import annotations

import re

from graph.stores.base import ReadOnlyError, StoreError

__all__ = ["RefusedQuery", "refusal", "check_query"]

# String literals (with backslash escapes, as both engines read them), backquoted names,
# line and block comments: whichever starts first wins, so a quote inside a comment or a
# comment marker inside a string is read as the engines read it.
_OPAQUE = re.compile(r"""'(?:[^'\\]|\\.)*'?|"(?:[^"\\]|\\.)*"?|`[^`]*`?|//[^\n]*|/\*.*?(?:\*/|$)""", re.S)

# (pattern on the blanked query, the clause named to the user, why it is refused)
_RULES: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(r"(?<![\w.$:])(?<!\bAS\s)" + pattern + r"(?![\w])(?!\s*:)", re.I), clause, why) for pattern, clause, why in (
        (r"LOAD", "LOAD", "it reads files or URLs outside the store (LOAD CSV, LOAD FROM) or loads an extension"),
        (r"COPY", "COPY", "it reads or writes files (COPY … FROM, COPY … TO)"),
        (r"(?:EXPORT|IMPORT)\s+DATABASE", "EXPORT/IMPORT DATABASE", "it writes or reads files outside the store"),
        (r"(?:UN)?INSTALL", "INSTALL", "it downloads an extension"),
        (r"ATTACH", "ATTACH", "it opens another database"),
        (r"CHECKPOINT", "CHECKPOINT", "it writes the database file (on a read-only LadybugDB database it "
                                      "leaves the store unopenable)"),
        (r"(?:BEGIN|COMMIT|ROLLBACK)", "BEGIN/COMMIT/ROLLBACK", "transactions are govkg's to open and close"),
        (r"CALL\s+\w+(?=\s*=)", "CALL name=value", "it changes the engine's settings (the time limit among them)"),
        (r"TERMINATE", "TERMINATE", "it stops other sessions' transactions"),
        # writes the engines refuse too, but LadybugDB cannot even parse: say why here
        (r"REMOVE", "REMOVE", "it changes the graph"),
        (r"FOREACH", "FOREACH", "it changes the graph"),
    ))


class RefusedQuery(ReadOnlyError):
    """A query refused before it reached the engine; the message names the clause and why."""

    def __init__(self, clause: str, why: str) -> None:
        # StoreError's constructor: ReadOnlyError's wording is about an engine refusing
        StoreError.__init__(self, f"refused: queries are read-only, and {clause} is not allowed: {why}")
        self.clause = clause
        self.why = why


def _blank(text: str) -> str:
    return _OPAQUE.sub(lambda m: " " * len(m.group(0)), text)


def refusal(text: str) -> tuple[str, str] | None:
    """(clause, why) for the first clause of `text` a read-only query may not use, or None."""
    blank = _blank(text)
    found: tuple[int, str, str] | None = None
    for pattern, clause, why in _RULES:
        m = pattern.search(blank)
        if m and (found is None or m.start() < found[0]):
            found = (m.start(), clause, why)
    return None if found is None else found[1:]


def check_query(text: str) -> None:
    """Raise `RefusedQuery` when `text` uses a clause a read-only query may not use."""
    refused = refusal(text)
    if refused is not None:
        raise RefusedQuery(*refused)
