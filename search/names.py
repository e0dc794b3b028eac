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
# Titles a person's name may be written with or without: ``speaker:"Cllr Hartley"`` finds
# "Councillor Zoë Hartley" (lower-cased, as name_words gives them).
TITLES = frozenset((
    "councillor", "councilor", "cllr", "cr", "cyng", "cynghorydd", "councilmember", "alderman",
    "commissioner", "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "prof", "professor",
    "rev", "reverend",
))  # fmt: skip


def without_titles(words: Sequence[str]) -> tuple[str, ...]:
    """Return a name's words without its titles ("cllr hartley" -> "hartley"); all of them
    when they are nothing but titles."""
    kept = tuple(w for w in words if w not in TITLES)
    return kept or tuple(words)


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

    def containing(self, words: Sequence[str], person: bool = False) -> list[str]:
        """Return the names holding ``words`` one after another.

        :param person: read the words as a person's name: titles do not count ("Cllr
            Hartley" finds "Councillor Zoë Hartley") and an initial stands for a given name
            ("M Ellwood" finds "Margaret Ellwood").
        """
        if person:
            words = without_titles(words)
        if not words:
            return []
        if person and len(words[0]) == 1:
            candidates = {n for w, ns in self._words.items() if w[:1] == words[0] for n in ns}
        else:
            candidates = self._words.get(words[0], set())
        run = tuple(words)
        if not person:
            return sorted(name for name in candidates if _has_run(self._spelled[name], run))
        return sorted(
            name
            for name in candidates
            if _has_run(tuple(without_titles(self._spelled[name])), run, initials=True)
        )

    def with_prefix(self, prefix: str) -> list[str]:
        """Return the names with a word starting with ``prefix``."""
        found = {n for word, names in self._words.items() if word.startswith(prefix) for n in names}
        return sorted(found)

    def knows(self, word: str) -> bool:
        """Tell whether any name has the word."""
        return word in self._words


def _has_run(words: tuple[str, ...], run: tuple[str, ...], initials: bool = False) -> bool:
    size = len(run)
    if not initials:
        return any(words[i : i + size] == run for i in range(len(words) - size + 1))
    return any(
        all(_same(a, b) for a, b in zip(words[i : i + size], run, strict=True))
        for i in range(len(words) - size + 1)
    )


def _same(word: str, asked: str) -> bool:
    """Tell a name's word from the one asked for, an initial standing for a given name."""
    return word == asked or (len(asked) == 1 and word[:1] == asked)
