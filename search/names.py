"""Names as keyword values (speaker, committee, council) found by the words in them.

The index keeps each name once, exact, for facets; a query such as ``speaker:Benson`` or
``committee:"overview and scrutiny"`` becomes an OR of the exact names that hold those words in
that order. This is cheaper than indexing every name a second time as text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from search.analysis import name_analyzer

_ANALYZER = name_analyzer()


def name_words(name: str) -> tuple[str, ...]:
    """Return a name's words, lower-cased with accents folded."""
    return tuple(token.text for token in _ANALYZER(name))


class NameIndex:
    """The exact values of one keyword field, looked up by their words."""

    def __init__(self, names: Iterable[str]) -> None:
        self._words: dict[str, set[str]] = defaultdict(set)
        self._spelled: dict[str, tuple[str, ...]] = {}
        for name in names:
            words = name_words(name)
            self._spelled[name] = words
            for word in words:
                self._words[word].add(name)

    def containing(self, words: Sequence[str]) -> list[str]:
        """Return the names holding ``words`` one after another."""
        if not words:
            return []
        candidates = self._words.get(words[0], set())
        return sorted(name for name in candidates if _has_run(self._spelled[name], tuple(words)))

    def with_prefix(self, prefix: str) -> list[str]:
        """Return the names with a word starting with ``prefix``."""
        found = {n for word, names in self._words.items() if word.startswith(prefix) for n in names}
        return sorted(found)

    def knows(self, word: str) -> bool:
        """Tell whether any name has the word."""
        return word in self._words


def _has_run(words: tuple[str, ...], run: tuple[str, ...]) -> bool:
    size = len(run)
    return any(words[i : i + size] == run for i in range(len(words) - size + 1))
