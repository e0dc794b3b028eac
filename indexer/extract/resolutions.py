"""Decisions: "RESOLVED that", "Agreed that", "ORDERED that", with outcome, votes and movers."""

from __future__ import annotations

import re

from indexer.extract.numbers import NUMBER_WORD, words_to_int
from indexer.model import Resolution

_MARKER = (
    r"(?:\bRESOLVED\b|\bResolved\s+(?:that|to|:)|\bIT\s+WAS\s+RESOLVED\b|\bIt\s+was\s+resolved\b"
    r"|\bAGREED\b|\bAgreed\s+(?:that|to|:)|\bORDERED\b|\bOrdered\s+that\b"
    r"|\bBe\s+it\s+(?:resolved|ordained)\b|\bDECISION\s*:|\bRECOMMENDED\s+that\b)"
)
MARKER_RE = re.compile(_MARKER)
# A motion's fate stated without "RESOLVED": a decision of its own.
FATE_RE = re.compile(
    r"\b(?:(?:motion|amendment|recommendation|proposal)\s+(?:was|is)|(?:motion|amendment"
    r"|recommendation|proposal)s\s+were)\s+(?:declared\s+|duly\s+)?"
    r"(?:carried|lost|defeated|withdrawn|agreed|adopted|passed)\b",
    re.IGNORECASE,
)
_AMENDMENT_RE = re.compile(r"\bamendment\b", re.IGNORECASE)
_LIST_LINE_RE = re.compile(r"^\s*(?:\(?[a-z0-9]{1,4}[.)]|[-•·*])\s+", re.IGNORECASE)

# Outcome words, most specific first; the first match wins.
_OUTCOME_PATTERNS: tuple[tuple[str, str], ...] = (
    ("lost", r"\b(?:declared\s+lost|was\s+lost|motion\s+(?:was\s+)?lost|motion\s+fell|defeated)\b"),
    ("withdrawn", r"\bwithdrawn\b"),
    ("deferred", r"\b(?:deferred|adjourned\s+to\s+a\s+future)\b"),
    ("postponed", r"\bpostponed\b"),
    ("referred", r"\b(?:referred|refer)\s+(?:back\s+)?to\b|\breferred\b"),
    ("amended", r"\bamended\s+and\s+(?:adopted|carried|approved)\b|\bas\s+amended\b"),
    ("carried", r"\bcarried\b"),
    ("passed", r"\bpassed\b(?!\s+(?:to|on)\b)"),
    ("adopted", r"\badopted\b"),
    ("approved", r"\b(?:approved|granted)\b"),
    ("noted", r"\bnoted\b"),
    ("received", r"\bbe\s+received\b|^\s*received\b"),
    ("agreed", r"\b(?:agreed|resolved|ordered|unanimously)\b"),
)
_OUTCOME_RES = tuple((name, re.compile(p, re.IGNORECASE)) for name, p in _OUTCOME_PATTERNS)
_VOTE_OUTCOMES = ("carried", "lost")
_VOTE_WORDS = re.compile(
    r"\bvot(?:e|es|ed|ing)\b|\b(?:motion|amendment)\s+(?:was|is)\b|\bAyes\b|\bYeas\b|\(Y-\d",
    re.IGNORECASE,
)

_N = rf"(\d+|(?:{NUMBER_WORD})(?:[\s-](?:{NUMBER_WORD}))*)"
_VOTE_RES = (
    re.compile(rf"{_N}\s+votes?\s+to\s+{_N}(?:,?\s+with\s+{_N}\s+abstentions?)?", re.IGNORECASE),
    re.compile(
        r"\b(?:Ayes|Yeas|For|In\s+favour|Yes)\s*[:\-]?\s*(\d+)[.,;]?\s+"
        r"(?:Nays|Noes|Against|No)\s*[:\-]?\s*(\d+)"
        r"(?:[.,;]?\s+(?:Abstentions?|Abstain(?:ed|ing)?)\s*[:\-]?\s*(\d+))?",
        re.IGNORECASE,
    ),
    re.compile(r"\(Y-(\d+)(?:,?\s*N-(\d+))?(?:,?\s*A-(\d+))?\)"),
)
_ABSTAIN_RE = re.compile(rf"{_N}\s+abstentions?", re.IGNORECASE)
_NAME_WORD = r"(?:[A-Z]\.|(?![A-Z]{3,}\b)[A-Z][\w'’-]*)"
_PERSON = (
    r"((?:Councillor|Cllr\.?|Council\s+Member|Mayor|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)"
    rf"(?-i:(?:\s+{_NAME_WORD}){{1,4}}))"
)
_MOVER_RE = re.compile(
    rf"(?:moved|proposed)\s+by\s+{_PERSON}|on\s+the\s+motion\s+of\s+{_PERSON}", re.IGNORECASE
)
_SECONDER_RE = re.compile(rf"seconded\s+by\s+{_PERSON}", re.IGNORECASE)


def parse_outcome(text: str) -> str | None:
    """Return the outcome the text states, or None."""
    for name, pattern in _OUTCOME_RES:
        if pattern.search(text):
            return name
    return None


def parse_votes(text: str) -> tuple[int | None, int | None, int | None]:
    """Return (for, against, abstaining) as stated in ``text``, None where not stated."""
    for pattern in _VOTE_RES:
        match = pattern.search(text)
        if match:
            votes = [words_to_int(g) if g else None for g in match.groups()]
            abstain = votes[2] if len(votes) > 2 else None
            if abstain is None and (extra := _ABSTAIN_RE.search(text)):
                abstain = words_to_int(extra.group(1))
            return votes[0], votes[1], abstain
    return None, None, None


def parse_movers(text: str) -> tuple[str | None, str | None]:
    """Return the mover and seconder named in ``text``."""
    mover = _MOVER_RE.search(text)
    seconder = _SECONDER_RE.search(text)
    return (
        _clean_person(mover.group(1) or mover.group(2)) if mover else None,
        _clean_person(seconder.group(1)) if seconder else None,
    )


def _clean_person(name: str) -> str:
    return re.sub(r"\s+", " ", name).rstrip(".,;")


def make_resolution(text: str, context: str = "") -> Resolution:
    """Build a Resolution from its words and the sentences around it."""
    both = f"{context}\n{text}"
    votes_for, against, abstain = parse_votes(text)
    if votes_for is None:
        votes_for, against, abstain = parse_votes(context)
    mover, seconder = parse_movers(both)
    outcome = parse_outcome(text)
    voted = parse_outcome(context) if _VOTE_WORDS.search(context) else None
    if voted in _VOTE_OUTCOMES or outcome is None:
        outcome = voted or outcome
    return Resolution(
        text=text.strip(),
        outcome=outcome,
        votes_for=votes_for,
        votes_against=against,
        abstentions=abstain,
        mover=mover,
        seconder=seconder,
    )


def find_resolutions(text: str) -> list[Resolution]:
    """Return each resolution in ``text``, its list of clauses included."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    found: list[Resolution] = []
    index = 0
    while index < len(paragraphs):
        match = MARKER_RE.search(paragraphs[index])
        if not match:
            if _is_fate(paragraphs, index):
                found.append(make_resolution(paragraphs[index]))
            index += 1
            continue
        before = paragraphs[index][: match.start()]
        body = [paragraphs[index][match.start() :]]
        index += 1
        while index < len(paragraphs) and _continues(paragraphs[index]):
            body.append(paragraphs[index])
            index += 1
        context = before or _previous(paragraphs, index - len(body) - 1)
        found.append(make_resolution("\n".join(body), context + _tail(paragraphs, index)))
    return found


def _is_fate(paragraphs: list[str], index: int) -> bool:
    """Tell a paragraph that reports a motion's fate, not the vote on the next resolution."""
    following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
    if not FATE_RE.search(paragraphs[index]):
        return False
    return not MARKER_RE.search(following) or _AMENDMENT_RE.search(paragraphs[index]) is not None


def _previous(paragraphs: list[str], index: int) -> str:
    """Return the paragraph before a resolution when it reports the vote on it."""
    if index < 0 or _AMENDMENT_RE.search(paragraphs[index]):
        return ""
    return paragraphs[index]


def _continues(paragraph: str) -> bool:
    """Tell whether a paragraph carries on the resolution before it (a list clause)."""
    return bool(_LIST_LINE_RE.match(paragraph)) and not MARKER_RE.search(paragraph)


def _tail(paragraphs: list[str], index: int) -> str:
    """Return a following paragraph that reports the vote ("Carried", "(Y-5)")."""
    if index < len(paragraphs) and len(paragraphs[index]) < 200:
        following = paragraphs[index]
        if not MARKER_RE.search(following) and (
            parse_outcome(following) in ("carried", "lost") or parse_votes(following)[0]
        ):
            return "\n" + following
    return ""
