"""Why each fact was read: extractors note the rule that found a fact, `parse --explain` shows it.

An extractor calls ``note("date", "2011-01-12", "heading date line", line)`` where it decides a
fact. Nothing is kept unless a caller is ``recording()`` (one ContextVar lookup a note), so
indexing pays nothing for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class Note:
    """One fact, the rule that found it, and the words it was found in."""

    fact: str  # "date", "committee", "council", "attendance", "item", "speaker", "decision"...
    value: str
    rule: str
    evidence: str = ""

    def to_dict(self) -> dict[str, str]:
        return {
            "fact": self.fact,
            "value": self.value,
            "rule": self.rule,
            "evidence": self.evidence,
        }


_NOTES: ContextVar[list[Note] | None] = ContextVar("minutes_search_notes", default=None)
_EVIDENCE = 120  # characters of evidence kept


def note(fact: str, value: object, rule: str, evidence: str = "") -> None:
    """Record that ``rule`` found ``value`` for ``fact``, when someone is recording."""
    notes = _NOTES.get()
    if notes is not None:
        words = " ".join(evidence.split())
        shown = words if len(words) <= _EVIDENCE else words[: _EVIDENCE - 1] + "…"
        notes.append(Note(fact, str(value), rule, shown))


@contextmanager
def recording() -> Iterator[list[Note]]:
    """Collect the notes made inside the block, in the order they were made."""
    notes: list[Note] = []
    token = _NOTES.set(notes)
    try:
        yield notes
    finally:
        _NOTES.reset(token)
