"""Answering users' questions: named queries on every store, entity linking, question forms.

The library functions take a store's read-only view first and return records with their
evidence (`queries.records`); `queries.answer.ask` reads a question in Chinese and
answers it with the evidence and the Cypher it ran.
"""

from __future__ import annotations

__all__: list[str] = []
