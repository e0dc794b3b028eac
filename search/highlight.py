"""HTML-safe snippets: every query word and whole phrases in <mark>, everything else escaped."""

from __future__ import annotations

import html
import re
import threading
from collections import OrderedDict

from search.analysis import query_tokens
from search.query import Marks

EXCERPT_CHARS = 6000
SNIPPET_CHARS = 240
_SEPARATORS = re.compile(r"[/.\-]+")
# The words of the texts highlighted lately, as query_tokens reads them: a chunk shown again
# (a popular search, the next page, the same search on the page and in the API) is not read
# again. About 10 KB a chunk of 120 words.
TOKENS_KEPT = 2048
_tokens: OrderedDict[str, list[tuple[str, int, int]]] = OrderedDict()
_tokens_lock = threading.Lock()


def _words(text: str) -> list[tuple[str, int, int]]:
    """Return query_tokens(text), from the texts read lately when it is one of them."""
    with _tokens_lock:
        found = _tokens.get(text)
        if found is not None:
            _tokens.move_to_end(text)
            return found
    found = query_tokens(text)
    with _tokens_lock:
        _tokens[text] = found
        if len(_tokens) > TOKENS_KEPT:
            _tokens.popitem(last=False)
    return found


def marked_spans(text: str, marks: Marks) -> list[tuple[int, int]]:
    """Return (start, end) of the words and phrases to mark, adjacent ones merged."""
    if not marks.words and not marks.phrases:
        return []
    tokens = _words(text)
    words = marks.words
    spans = [
        (start, end)
        for word, start, end in tokens
        if word in words or (not word.isalnum() and _parts(word) & words)
    ]
    for phrase in marks.phrases:
        spans += _phrase_spans(tokens, phrase)
    return _merge(sorted(spans), text)


def _parts(word: str) -> set[str]:
    return {p for p in _SEPARATORS.split(word) if p}


def _phrase_spans(
    tokens: list[tuple[str, int, int]], phrase: tuple[str, ...]
) -> list[tuple[int, int]]:
    size, first = len(phrase), phrase[0]
    words = [word for word, _, _ in tokens]
    return [
        (tokens[i][1], tokens[i + size - 1][2])
        for i in range(len(words) - size + 1)
        if words[i] == first and tuple(words[i : i + size]) == phrase
    ]


def _merge(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and (start <= merged[-1][1] or not text[merged[-1][1] : start].strip()):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, marks: Marks, limit: int | None = SNIPPET_CHARS) -> str:
    """Return an escaped excerpt of ``text`` around its best matches, with <mark>s."""
    excerpt = text if limit is None else text[:EXCERPT_CHARS]
    spans = marked_spans(excerpt, marks)
    start, end = _window(excerpt, spans, limit)
    pieces = ["…" if start > 0 else ""]
    cursor = start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        pieces.append(html.escape(excerpt[cursor:span_start]))
        pieces.append(f"<mark>{html.escape(excerpt[span_start:span_end])}</mark>")
        cursor = span_end
    pieces.append(html.escape(excerpt[cursor:end]))
    if end < len(text):
        pieces.append("…")
    joined = "".join(pieces)
    return (
        re.sub(r"[ \t]+", " ", joined).strip()
        if limit is None
        else re.sub(r"\s+", " ", joined).strip()
    )


def _window(text: str, spans: list[tuple[int, int]], limit: int | None) -> tuple[int, int]:
    """Pick the stretch of ``limit`` characters holding the most marks, on word bounds."""
    if limit is None or len(text) <= limit:
        return 0, len(text)
    best_start, best_count = 0, -1
    for index, (span_start, _) in enumerate(spans):
        count = sum(1 for _, e in spans[index:] if e <= span_start + limit)
        if count > best_count:
            best_start, best_count = span_start, count
    start = max(0, best_start - limit // 4)
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + limit)
    if end < len(text) and text.rfind(" ", start, end) > start:
        end = text.rfind(" ", start, end)
    return start, end
