"""Rank the chunks a query matched: BM25F, then what a person asking means.

The query's words are scored by BM25F (search/evaluate.py). On top of that:

- When fewer than ten chunks hold every word of a question ("what did Cllr Hartley say about
  library hours"), it is asked again as any of its words, the chunks holding more of them first
  (each chunk's score times the square of the share of the words it holds); words that only
  make a question of it ("what", "did", "say") are left out of that second asking. The page
  says so in a note, and the search page offers a spelling for words the index does not hold.
"""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass
from typing import Any

import numpy
from whoosh import query

from search.analysis import query_tokens
from search.evaluate import Evaluator, locate
from search.postings import positions_of
from search.query import Marks, ParsedQuery
from search.schema import ABOUT_BOOST, ABOUT_FIELD, DEFAULT_FIELDS

TEXT_FIELDS = frozenset({*DEFAULT_FIELDS, ABOUT_FIELD})
# Words that make a question of the words that matter, as the index stems them; never looked
# for when a question is asked again as any of its words.
_QUESTION = (
    "what did does do say said says about who whom when where which why how any there tell me "
    "us we i you our their anything something discuss discussed mention mentioned regarding re"
)
QUESTION_WORDS = frozenset(term for word in _QUESTION.split() for term, _, _ in query_tokens(word))


# Words councils and residents use for one thing, each group said either way. A search for
# one also looks for the others (weighing a little less than the words typed).
VOCABULARY = (
    ("flat", "apartment"),
    ("taxi", "taxicab", "cab", "hackney carriage", "private hire"),
    ("tpo", "tree preservation order"),
    ("hmo", "house in multiple occupation"),
    ("cil", "community infrastructure levy"),
    ("spd", "supplementary planning document"),
    ("planning permission", "planning application", "planning consent"),
    ("bin", "refuse collection", "rubbish", "waste collection"),  # "refuse" alone: "refused"
    ("councillor", "cllr", "councilor", "councilmember", "council member"),
    ("car park", "parking lot", "parking garage"),
    ("pavement", "sidewalk", "footway"),
    ("playground", "play area"),
    ("traffic lights", "traffic signals"),
    ("speed bump", "speed hump", "speed table"),
    ("skatepark", "skate park", "skateboard park"),
    ("grass cutting", "mowing", "grounds maintenance"),
    ("streetlight", "street light", "street lighting", "lamp post", "streetlamp"),
    ("fly tipping", "illegal dumping"),
    ("lorry", "truck", "hgv"),
    ("social housing", "council housing", "public housing"),
    ("dog mess", "dog fouling", "dog poo"),
    ("bylaw", "by-law", "ordinance"),
    ("rezoning", "zoning change", "zoning amendment"),
    ("closed session", "in camera"),
)
SYNONYM_BOOST = 0.8
_TITLE, _TEXT = "item_title", "text"


def _stems(expression: str) -> tuple[str, ...]:
    return tuple(term for term, _, _ in query_tokens(expression))


_SAYINGS: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
for _group in VOCABULARY:
    for _one in _group:
        _SAYINGS[_stems(_one)] = [_stems(o) for o in _group if o != _one]
_LONGEST = max(map(len, _SAYINGS))


@dataclass(frozen=True)
class Expanded:
    """A query with the other words for what it asks, and those words, for the snippets."""

    query: query.Query
    words: frozenset[str] = frozenset()
    phrases: tuple[tuple[str, ...], ...] = ()


def expand(q: query.Query) -> Expanded:
    """Look for the other words of VOCABULARY beside those of the search: a word or phrase
    typed ("apartments", "TPO"), or consecutive words of it ("tree preservation order")."""
    added: list[tuple[str, ...]] = []
    expanded = _expand(q, added)
    words = frozenset(a[0] for a in added if len(a) == 1)
    return Expanded(expanded, words, tuple(dict.fromkeys(a for a in added if len(a) > 1)))


def _expand(node: query.Query, added: list[tuple[str, ...]]) -> query.Query:
    """Expand the words of ``node``, runs of words before single ones, never a word excluded
    (``-hackney`` leaves out hackney carriages, not every taxi)."""
    if isinstance(node, query.Not):
        return node
    if isinstance(node, query.AndNot):
        return query.AndNot(_expand(node.a, added), node.b)
    if isinstance(node, query.And):
        kids = [c if _said(c) is not None else _expand(c, added) for c in node.subqueries]
        return query.And(_expand_run(kids, added))
    if isinstance(node, query.Or):
        if _said(node) is not None:
            return _expand_run([node], added)[0]
        return query.Or([_expand(c, added) for c in node.subqueries])
    return node


def _expand_run(clauses: list[query.Query], added: list[tuple[str, ...]]) -> list[query.Query]:
    """Replace each run of clauses that says something of VOCABULARY by the run or its
    other sayings, longest runs first."""
    kept: list[query.Query] = []
    at = 0
    while at < len(clauses):
        for length in range(min(_LONGEST, len(clauses) - at), 0, -1):
            run = clauses[at : at + length]
            said = [_said(c) for c in run]
            if any(s is None for s in said):
                continue
            key = tuple(w for s in said for w in s)  # type: ignore[union-attr]
            others = _SAYINGS.get(key)
            if others:
                typed = run[0] if length == 1 else query.And(run)
                kept.append(query.Or([typed, *(_saying(o) for o in others)]))
                added.extend(others)
                at += length
                break
        else:
            kept.append(clauses[at])
            at += 1
    return kept


def _said(clause: query.Query) -> tuple[str, ...] | None:
    """Return the words a clause looks for in the title and the text, or None."""
    if not isinstance(clause, query.Or) or len(clause.subqueries) != 2:
        return None
    fields = {getattr(leaf, "fieldname", None) for leaf in clause.subqueries}
    words = {_words_of(leaf) for leaf in clause.subqueries}
    if fields != {_TITLE, _TEXT} or len(words) != 1:
        return None
    (found,) = words
    if found is None:
        return None
    return found if isinstance(found, tuple) else (str(found),)


def _saying(words: tuple[str, ...]) -> query.Query:
    """Return a query for a saying in the title or the text, weighing SYNONYM_BOOST."""
    title, text = DEFAULT_FIELDS[_TITLE] * SYNONYM_BOOST, DEFAULT_FIELDS[_TEXT] * SYNONYM_BOOST
    if len(words) == 1:
        return query.Or([query.Term(_TITLE, words[0], boost=title),
                         query.Term(_TEXT, words[0], boost=text)])  # fmt: skip
    return query.Or([query.Phrase(_TITLE, list(words), boost=title),
                     query.Phrase(_TEXT, list(words), boost=text)])  # fmt: skip


def prepare(parsed: ParsedQuery) -> ParsedQuery:
    """Return the parsed search looking for the other sayings of its words (marked in the
    snippets too) and for its words in what chunks are about."""
    expanded = expand(parsed.query)
    marks = Marks(parsed.marks.words | expanded.words, parsed.marks.phrases + expanded.phrases)
    return dataclasses.replace(parsed, query=widen(expanded.query), marks=marks)


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
    """Tell a clause that looks for a word or phrase (or its other sayings) in the text fields:
    no NOT, no other field."""
    if isinstance(clause, query.Not | query.AndNot):
        return False
    if isinstance(clause, query.Term | query.Phrase):
        return clause.fieldname in TEXT_FIELDS
    return isinstance(clause, query.Or | query.And) and all(map(_is_word, clause.subqueries))


def _word(clause: query.Query) -> str:
    leaf = next(clause.leaves())
    return str(getattr(leaf, "text", ""))


def _is_filter(clause: query.Query) -> bool:
    """Tell a clause that only narrows (dates, kinds, names): it has no text-field words."""
    return not any(field in TEXT_FIELDS for field, _ in clause.iter_all_terms(phrases=True))


PROXIMITY = 0.5  # a chunk holding every pair of the words close together scores half as much again
NEAR = 3  # words this close or closer are together (a dropped "of the" between them)
CANDIDATES = 100  # the best-scored chunks looked at for words close together
# Words in more chunks than this are not looked at for proximity: their positions cost more to
# read than a search may spend (about 15 ms cold for two words in 10,000 chunks each).
PROXIMITY_POSTINGS = 10_000
_STRIDE = 1 << 32


def rank(
    evaluator: Evaluator, scoring: query.Query, docnums: numpy.ndarray, relaxed: Relaxed | None
) -> numpy.ndarray:
    """Return the score of each of ``docnums`` (a search's matches, in order): BM25F of its
    words, times the share of them held when relaxed, raised for words together (engine.py
    orders equal scores by date, the newer first: recency breaks ties only)."""
    pairs = word_pairs(query.And(list(relaxed.words)) if relaxed is not None else scoring)
    pairs = [p for p in pairs if all(_few(evaluator, w) for w in p)]
    for word in {w for pair in pairs for w in pair}:
        for field in (_TITLE, _TEXT):  # read once with positions, for proximity, not twice
            evaluator.postings(field, word, values=True)
    scores = evaluator.scores_of(scoring, docnums)
    if relaxed is not None:
        coordinate(evaluator, scores, docnums, relaxed.words)
    proximity(evaluator, scores, docnums, pairs)
    return scores


def _few(evaluator: Evaluator, word: str) -> bool:
    return all(
        evaluator.reader.doc_frequency(f, word) <= PROXIMITY_POSTINGS for f in (_TITLE, _TEXT)
    )


def word_pairs(q: query.Query) -> list[tuple[str, str]]:
    """Return the consecutive pairs of single words the search asks for, in its order."""
    clauses = q.subqueries if isinstance(q, query.And) else []
    words = [_single_word(c) for c in clauses]
    return [(a, b) for a, b in itertools.pairwise(words) if a and b]


def _single_word(clause: query.Query) -> str | None:
    texts = {getattr(leaf, "text", None) for leaf in clause.leaves()}
    if len(texts) != 1 or not all(isinstance(leaf, query.Term) for leaf in clause.leaves()):
        return None
    return str(texts.pop())


def proximity(
    evaluator: Evaluator,
    scores: numpy.ndarray,
    docnums: numpy.ndarray,
    pairs: list[tuple[str, str]],
) -> None:
    """Raise the scores of the best chunks that hold the search's words close together (in
    the title or the text), in place: by PROXIMITY times the share of its pairs found so.
    ``scores`` are those of ``docnums`` (sorted), in their order."""
    if not pairs or not len(docnums):
        return
    if len(docnums) > CANDIDATES:
        chosen = numpy.argpartition(scores, len(scores) - CANDIDATES)[-CANDIDATES:]
        chosen.sort()
    else:
        chosen = numpy.arange(len(docnums))
    candidates = docnums[chosen]
    found = numpy.zeros(len(candidates), dtype=numpy.float64)
    for a, b in pairs:
        near = numpy.zeros(len(candidates), dtype=bool)
        for field in (_TITLE, _TEXT):
            near |= _near(evaluator, field, a, b, candidates)
        found += near
    scores[chosen] *= 1 + PROXIMITY * found / len(pairs)


def _near(
    evaluator: Evaluator, field: str, a: str, b: str, candidates: numpy.ndarray
) -> numpy.ndarray:
    """Tell, for each candidate, whether ``b`` follows ``a`` within NEAR words in ``field``."""
    keys = []
    held = numpy.ones(len(candidates), dtype=bool)
    found = []
    for word in (a, b):
        postings = evaluator.postings(field, word, values=True)
        if not len(postings):
            return numpy.zeros(len(candidates), dtype=bool)
        at = numpy.searchsorted(postings.ids, candidates)
        inside = at < len(postings.ids)
        held &= inside & (postings.ids[numpy.minimum(at, len(postings.ids) - 1)] == candidates)
        found.append((postings, at))
    if not held.any():
        return held
    for postings, at in found:
        assert postings.values is not None
        owners, positions = positions_of(postings.values, at[held])
        keys.append(owners * _STRIDE + positions)
    close = numpy.zeros(int(held.sum()), dtype=bool)
    for gap in range(1, NEAR + 1):
        both = numpy.intersect1d(keys[0] + gap, keys[1])
        close[numpy.unique(both // _STRIDE)] = True
    near = numpy.zeros(len(candidates), dtype=bool)
    near[numpy.flatnonzero(held)[close]] = True
    return near


def coordinate(
    evaluator: Evaluator,
    scores: numpy.ndarray,
    docnums: numpy.ndarray,
    words: tuple[query.Query, ...],
) -> None:
    """Multiply the score of each of ``docnums`` by the share of ``words`` it holds, in place."""
    held = numpy.zeros(len(docnums), dtype=numpy.float64)
    for word in words:
        held += locate(evaluator.match_ids(word), docnums)[0]
    scores *= (held / len(words)) ** 2
