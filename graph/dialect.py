"""Where the Cypher of LadybugDB and of Neo4j differ, and nowhere else.

Queries are written once, in Neo4j's Cypher (the openCypher most people know); a dialect
rewrites the few constructs another engine spells differently. LadybugDB (a fork of Kùzu)
has `label(x)` where Neo4j has `type(r)` and `labels(n)[0]`, and `[* SHORTEST 1..n]` where
Neo4j has `shortestPath(...)`. Rewrites leave string literals alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Dialect", "NEO4J", "LADYBUG", "dialect_for"]

# String literals and backquoted names, which rewrites must not touch.
_LITERAL = re.compile(r"""('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`)""", re.S)

# shortestPath((a)-[r:T*1..6]-(b)) and allShortestPaths(...): node, arrow, rel, arrow, node.
_SHORTEST = re.compile(
    r"(?P<fn>allShortestPaths|shortestPath)\(\s*(?P<a>\((?:[^()]|\([^()]*\))*\))\s*(?P<l><?-)\s*"
    r"\[(?P<var>[^\]*]*)\*\s*(?P<lo>\d*)\s*(?P<dots>\.\.)?\s*(?P<hi>\d*)\s*\]\s*(?P<r>->?)\s*"
    r"(?P<b>\((?:[^()]|\([^()]*\))*\))\s*\)",
    re.I,
)
_MAX_HOPS = 30  # LadybugDB needs an upper bound where Neo4j allows none


def _ladybug_shortest(m: re.Match[str]) -> str:
    kind = "ALL SHORTEST" if m["fn"].lower().startswith("all") else "SHORTEST"
    if m["dots"]:
        lo, hi = m["lo"] or "1", m["hi"] or str(_MAX_HOPS)
    else:  # [*3] is exactly three hops, [*] any number
        lo, hi = (m["lo"], m["lo"]) if m["lo"] else ("1", str(_MAX_HOPS))
    return f"{m['a']}{m['l']}[{m['var']}* {kind} {lo}..{hi}]{m['r']}{m['b']}"


@dataclass(frozen=True)
class Dialect:
    """An engine's spelling of Cypher: token rewrites outside literals, pattern rewrites."""

    name: str
    tokens: tuple[tuple[re.Pattern[str], str], ...] = ()
    shortest_path: bool = True  # whether shortestPath() is understood as written

    def translate(self, cypher: str) -> str:
        """The query as this engine wants it."""
        if not self.tokens and self.shortest_path:
            return cypher
        parts = _LITERAL.split(cypher)
        for i in range(0, len(parts), 2):  # even parts are outside literals
            for pattern, repl in self.tokens:
                parts[i] = pattern.sub(repl, parts[i])
        out = "".join(parts)
        if not self.shortest_path:
            out = _SHORTEST.sub(_ladybug_shortest, out)
        return out


NEO4J = Dialect("neo4j")
LADYBUG = Dialect(
    "ladybug",
    tokens=(
        (re.compile(r"\blabels\(\s*(\w+)\s*\)\s*\[\s*0\s*\]", re.I), r"label(\1)"),
        (re.compile(r"(?<![\w.$])type\(\s*(\w+)\s*\)", re.I), r"label(\1)"),
    ),
    shortest_path=False,
)

_DIALECTS = {d.name: d for d in (NEO4J, LADYBUG)}


def dialect_for(engine: str) -> Dialect:
    """The dialect of an engine by name ("neo4j", "ladybug")."""
    return _DIALECTS[engine]
