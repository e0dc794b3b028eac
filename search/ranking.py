"""Rank the chunks a query matched: BM25F, then what a person asking means.

The query's words are scored by BM25F (search/evaluate.py). On top of that:

- When fewer than ten chunks hold every word of a question ("what did Cllr Hartley say about
  library hours"), it is asked again as any of its words, the chunks holding more of them first
  (each chunk's score times the square of the share of the words it holds); words that only
  make a question of it ("what", "did", "say") are left out of that second asking. The page
  says so in a note, and the search page offers a spelling for words the index does not hold.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy
from whoosh import query

from search.analysis import query_tokens
from search.evaluate import Evaluator
from search.schema import ABOUT_BOOST, ABOUT_FIELD, DEFAULT_FIELDS

TEXT_FIELDS = frozenset({*DEFAULT_FIELDS, ABOUT_FIELD})
# Words that make a question of the words that matter, as the index stems them; never looked
# for when a question is asked again as any of its words.
_QUESTION = (
    "what did does do say said says about who whom when where which why how any there tell me "
    "us we i you our their anything something discuss discussed mention mentioned regarding re"
)
QUESTION_WORDS = frozenset(term for word in _QUESTION.split() for term, _, _ in query_tokens(word))


def widen(q: query.Query) -> query.Query:
    """Look for each word of the search (in the title and the text) in what the chunk is
    about too: its council, committee, date and speaker (search/schema.py's ``about``)."""

    both = set(DEFAULT_FIELDS)

    def visit(node: query.Query) -> query.Query:
        if not isinstance(node, query.Or):
            return node
        fields: dict[Any, set[str]] = {}
        for leaf in node.subqueries:
            if isinstance(leaf, query.Term | query.Phrase):
                fields.setdefault(_words_of(leaf), set()).add(leaf.fieldname)
        extra = []
        for leaf in node.subqueries:
            if (
                getattr(leaf, "fieldname", None) == "text"
                and fields.get(_words_of(leaf), set()) >= both
            ):
                about = leaf.copy()
                about.fieldname, about.boost = ABOUT_FIELD, ABOUT_BOOST
                extra.append(about)
        return query.Or([*node.subqueries, *extra]) if extra else node

    return q.accept(visit)


def _words_of(leaf: query.Query) -> Any:
    """Return what a word or phrase leaf looks for (None for any other leaf)."""
    if isinstance(leaf, query.Phrase):
        return tuple(leaf.words)
    return leaf.text if isinstance(leaf, query.Term) else None


@dataclass(frozen=True)
class Relaxed:
    """A query of words asked again as any of them: the words, and the filters kept."""

    words: tuple[query.Query, ...]
    filters: tuple[query.Query, ...]

    def query(self) -> query.Query:
        """Return the query: any of the words, and every filter."""
        anyword = query.Or(list(self.words))
        return query.And([anyword, *self.filters]) if self.filters else anyword


def relax(q: query.Query) -> Relaxed | None:
    """Return an AND of words as any of those words (filters still required), or None when
    the query is not plain words (a phrase alone, OR, NOT: the person chose the logic)."""
    if not isinstance(q, query.And):
        return None
    words, filters = [], []
    for clause in q.subqueries:
        if _is_word(clause):
            if _word(clause) not in QUESTION_WORDS:
                words.append(clause)
        elif _is_filter(clause):
            filters.append(clause)
        else:
            return None
    if not words:
        return None
    return Relaxed(tuple(words), tuple(filters))


def _is_word(clause: query.Query) -> bool:
    """Tell a clause that is one word or phrase searched in the text fields."""
    leaves = clause.subqueries if isinstance(clause, query.Or) else [clause]
    return all(
        isinstance(leaf, query.Term | query.Phrase) and leaf.fieldname in TEXT_FIELDS
        for leaf in leaves
    )


def _word(clause: query.Query) -> str:
    leaf = clause.subqueries[0] if isinstance(clause, query.Or) else clause
    return str(getattr(leaf, "text", ""))


def _is_filter(clause: query.Query) -> bool:
    """Tell a clause that only narrows (dates, kinds, names): it has no text-field words."""
    return not any(field in TEXT_FIELDS for field, _ in clause.iter_all_terms(phrases=True))


def coordinate(evaluator: Evaluator, scores: numpy.ndarray, words: tuple[query.Query, ...]) -> None:
    """Multiply each chunk's score by the share of ``words`` it holds, in place."""
    held = numpy.zeros(len(scores), dtype=numpy.float64)
    for word in words:
        held += evaluator.matches(word)
    scores *= (held / len(words)) ** 2
