"""How text becomes index terms: one definition, run two ways.

Whoosh's analyzer chain (``text_analyzer``) serves the query parser; ``index_terms`` and
``query_tokens`` compute the same terms without a Token object per word, for the writer
(search/writer.py) and the snippets (search/highlight.py), where analysis is most of the cost.
tests/test_analysis.py holds the two ways equal.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from whoosh.analysis import Analyzer, CharsetFilter, Filter, LowercaseFilter, RegexTokenizer, Token
from whoosh.lang.porter import stem
from whoosh.support.charset import accent_map

# Words, keeping references whole: 23/01234/FUL, 77/21, A4440, 2016-17, s106, 338.1.
TOKEN_PATTERN = r"\w+(?:[/.\-]\w+)*"
_SECTION_REF = re.compile(r"^s(\d{1,4}[a-z]?)$")
_SECTION_NUMBER = re.compile(r"\d{1,4}[a-z]?")  # the number after "section"


# British spellings as stems, and the American stems they are indexed and searched as.
_US_STEMS = {
    "centr": "center", "metr": "meter", "litr": "liter", "theatr": "theater", "fibr": "fiber",
    "licenc": "licens", "defenc": "defens", "offenc": "offens", "practis": "practic",
    "programm": "program", "catalogu": "catalog", "dialogu": "dialog", "analys": "analyz",
    "storei": "stori", "plough": "plow", "kerb": "curb", "tyre": "tire", "mould": "mold",
    "judgement": "judgment", "sceptic": "skeptic", "aluminium": "aluminum", "grei": "grai",
}  # fmt: skip
# British -our words (not hour, four, tour...), found within longer stems (neighbourhood).
_OUR = re.compile(
    r"(colo|favo|hono|humo|labo|neighbo|behavio|harbo|rumo|vigo|odo|parlo|flavo|armo|endeavo|savo)"
    r"ur"
)
# British -ise, -isation... spelt -ize (organise, authorised, prioritisation).
_ISE = re.compile(r"^(\w{3,}?)is(e|es|ed|ing|er|ers|ation|ations)$")


@lru_cache(maxsize=100_000)
def _stem(word: str) -> str:
    """Stem an English word, British spellings as American ("harbour", "organise")."""
    word = _ISE.sub(r"\1iz\2", word)
    stemmed = _OUR.sub(r"\1r", str(stem(word)))
    return _US_STEMS.get(stemmed, stemmed)


def _plain(text: str) -> str:
    """Stem an English word; leave references and numbers ("a4440", "2016-17") alone."""
    return _stem(text) if text.isalpha() else text


class MinutesFilter(Filter):  # type: ignore[misc]
    """Lower-case, fold accents and stem words (British spellings as American: "centre" is
    indexed and searched as "center"); index references whole and by their parts.

    One filter rather than a chain of four, because analysis is most of the cost of indexing.
    At index time "23/01234/FUL" is also indexed as "23", "01234" and "ful", "s106" also as
    "section 106" and "section 106" also as "s106"; at query time a token is left whole, so
    "2016-17" matches exactly while "2016" matches its part.
    """

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        previous = ""
        for token in tokens:
            text = token.text.lower().translate(accent_map)
            if token.mode != "index" or (text.isalnum() and not _special(text, previous)):
                token.text = _plain(text)
                yield token
            else:
                pos = token.pos
                token.text = _plain(text)
                yield token
                yield from _extra_forms(token, text, pos, previous)
            previous = text


def _special(text: str, previous: str) -> bool:
    """Tell a token that has another spelling: "s106", or the number after "section"."""
    return bool(_SECTION_REF.match(text)) or (previous == "section" and text[:1].isdigit())


def _extra_forms(token: Token, text: str, pos: int, previous: str) -> Iterator[Token]:
    """Yield a reference's parts, and the other spelling of a section number."""
    if not text.isalnum():
        for part in re.split(r"[/.\-]+", text):
            if part:
                token.text, token.pos = _plain(part), pos
                yield token
    if match := _SECTION_REF.match(text):
        for offset, word in enumerate(("section", match.group(1))):
            token.text, token.pos = word, pos + offset
            yield token
    elif previous == "section" and _SECTION_NUMBER.fullmatch(text):
        token.text, token.pos = f"s{text}", pos - 1
        yield token


_TOKEN_RE = re.compile(TOKEN_PATTERN)
_FORMS_LIMIT = 500_000
# token as written -> (folded, term, its other forms as (term, offset from its position))
_forms: dict[str, tuple[str, str, tuple[tuple[str, int], ...]]] = {}


def _form(raw: str) -> tuple[str, str, tuple[tuple[str, int], ...]]:
    """Return a token folded, its term, and its other forms: a reference's parts, the other
    spelling of "s106" (the forms that do not depend on the word before)."""
    found = _forms.get(raw)
    if found is None:
        if len(_forms) > _FORMS_LIMIT:
            _forms.clear()
        text = raw.lower().translate(accent_map)
        extras: tuple[tuple[str, int], ...] = ()
        if not text.isalnum() or _SECTION_REF.match(text):
            token = Token(mode="index")
            extras = tuple((t.text, t.pos) for t in _extra_forms(token, text, 0, ""))
        found = _forms[raw] = (text, _plain(text), extras)
    return found


def index_terms(value: str) -> dict[str, list[int]]:
    """Return each term of ``value`` with its positions, as MinutesFilter indexes them."""
    terms: dict[str, list[int]] = {}
    previous = ""
    forms = _forms
    for pos, raw in enumerate(_TOKEN_RE.findall(value)):
        text, term, extras = forms.get(raw) or _form(raw)
        found = terms.get(term)
        if found is None:
            terms[term] = [pos]
        else:
            found.append(pos)
        if extras:
            for extra, offset in extras:
                terms.setdefault(extra, []).append(pos + offset)
        if previous == "section" and _SECTION_NUMBER.fullmatch(text):  # "section 106": s106
            terms.setdefault(f"s{text}", []).append(pos - 1)
        previous = text
    return terms


def query_tokens(value: str) -> list[tuple[str, int, int]]:
    """Return (term, start, end) of each word of ``value`` as a query would analyse it."""
    forms = _forms
    found = []
    for match in _TOKEN_RE.finditer(value):
        raw = match.group()
        start, end = match.span()
        found.append(((forms.get(raw) or _form(raw))[1], start, end))
    return found


def text_analyzer() -> Analyzer:
    """Stemmed English, accents folded, no stop list so phrases keep every word."""
    return RegexTokenizer(TOKEN_PATTERN) | MinutesFilter()


def name_analyzer() -> Analyzer:
    """Names: words lower-cased with accents folded, not stemmed ("Benson", "Müller")."""
    return RegexTokenizer(r"\w+(?:['’.\-]\w+)*") | LowercaseFilter() | CharsetFilter(accent_map)
