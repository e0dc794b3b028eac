"""What the top of minutes says about the meeting: body, council, date, venue, status.

The heading of minutes names the body that met and the day, in a few forms found everywhere:
a page title, "Minutes of the Regular Meeting of the Planning Board", "MINUTES OF THE PARISH
COUNCIL MEETING", a line naming the body above the date, or a first sentence ("The meeting was
called to order on ...", "... held their meeting on the 12th October 2016"). Dates that belong
to another meeting (the next one, the minutes approved, a signature) are passed over.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time

from indexer.extract.dates import find_dates, parse_time, writes_month_first
from indexer.trace import note

_PAGE_TITLE_RE = re.compile(
    r"^\s*Agenda(?:,\s*decisions)?\s+and\s+(?P<draft>draft\s+)?minutes\s*[-–]\s*(?P<committee>.+?)"
    r"\s*[-–]\s*(?P<when>[A-Z][a-z]+day,?\s+.+)$",
    re.IGNORECASE | re.MULTILINE,
)
# How far the heading of minutes reaches: its first lines, before the business.
_HEAD_LINES = 40
_HEAD_CHARS = 3000
# A heading line is short; a longer line is prose unless it says the meeting took place.
_HEADING_WORDS = 16

# -- bodies ---------------------------------------------------------------------------------

# A word of a body's name: capitalised ("Planning", "F&A", "Stow-cum-Quy").
_WORD = r"[A-Z][\w'’&/.-]*"
# Small words inside a name: "Planning and Environment", "Board of Directors".
_LINK = r"(?:and|of|the|for|on|in|cum|a|&)"
# The nouns that end a body's name, capitalised: "Committee", "BOARD", "Parish Meeting".
_NOUN = (
    r"(?=[A-Z])(?i:sub-?committee|committee|cabinet|panel|board|commission|forum|executive"
    r"|council|authority|assembly|trustees|working\s+group|task\s+force|selectmen|aldermen"
    r"|parish\s+meeting|town\s+meeting)\b"
)
# "of Directors", "of the Whole" after the noun, but never "of ... Meeting".
_OF_TAIL = r"(?:{ws}+(?i:of){ws}+(?:(?i:the){ws}+)?(?!(?i:meeting|minutes)\b)[A-Z][\w'’-]*)?"


_ANY_SPACE = r"\s"
_LINE_SPACE = r"[ \t]"


def _body(ws: str) -> str:
    """Return a body's name pattern whose words are separated by ``ws`` (a class)."""
    words = rf"(?:{_WORD}{ws}+(?:{_LINK}{ws}+)*){{0,8}}?"
    return words + _NOUN + _OF_TAIL.format(ws=ws)


# Heading forms, matched at a line start in the heading; the body is then read from it.
# "Minutes of the Regular Meeting of the City Council", "A meeting of the Audit Committee",
# "The 9th Meeting of the Planning and Environment Committee", "Minutes of a hearing of ..."
_MEETING_OF_RE = re.compile(
    r"^[ \t]*(?=[A-Z\d])(?i:(?:draft|approved|confirmed|unconfirmed)\s+)?"
    r"(?i:(?:minutes|summary|record|report|transcript)\s+of\s+)?(?i:the\s+|an?\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?i:meeting|session|hearing)\s+(?i:of)\s+(?i:the\s+)?"
    rf"(?P<body>{_body(_ANY_SPACE)})",
    re.MULTILINE,
)
# "MINUTES OF THE REGULAR CITY COUNCIL MEETING", "Summary of Eastvale City Council Meeting",
# "Transcript of the Ashbury Borough Council Cabinet meeting", "Minutes of the Annual Parish
# Meeting": everything between "of the" and "meeting" is the body.
_BODY_MEETING_OF_RE = re.compile(
    r"^[ \t]*(?i:(?:draft|approved|confirmed|unconfirmed)\s+)?"
    r"(?i:(?:minutes|summary|record|report|transcript)\s+of)\s+(?i:the\s+)?"
    r"(?P<body>(?:[A-Z][\w'’&/.-]*|\([A-Z&]+\)|and|of|the|cum|&)"
    r"(?:[ \t\n,]+(?:[A-Z][\w'’&/.-]*|\([A-Z&]+\)|and|of|the|cum|&)){0,16}?)"
    r"[ \t\n]+(?i:meeting|session)\b",
    re.MULTILINE,
)
# "MINUTES OF THE HARBOUR BOARD", "Minutes of the Planning Committee" alone on a line, or
# before where and when it was held ("Minutes of the Planning Committee held at ...").
_MINUTES_OF_BODY_RE = re.compile(
    r"^[ \t]*(?i:(?:draft|approved|confirmed|unconfirmed)[ \t]+)?"
    r"(?i:minutes|summary|record|transcript)[ \t]+(?i:of)[ \t]+(?i:the[ \t]+|an?[ \t]+)?"
    rf"(?P<body>{_body(_LINE_SPACE)})(?:[ \t]*$|[ \t]+(?i:held|convened)[ \t]+(?i:at|on|in)\b)",
    re.MULTILINE,
)
# A line that is a body's name, perhaps with "Meeting", "Minutes" or a tail after a dash:
# "Performance Committee", "BOARD OF DIRECTORS MEETING", "8th Council Meeting", "REGULAR
# COMMISSION MEETING MINUTES",
# "Lowfield Parish Council - September meeting", "Lowfield Parish Council July Meeting".
_BODY_LINE_RE = re.compile(
    r"^[ \t]*(?!(?i:minutes|summary|agenda|report|record|transcript)\b)(?:[Tt]he[ \t]+)?"
    r"(?:\d{1,3}(?:st|nd|rd|th)[ \t]+)?"
    rf"(?P<body>{_body(_LINE_SPACE)})"
    r"(?:(?:[ \t]+[A-Z][a-z]+)?[ \t]+(?i:meeting|minutes)\b(?:[ \t]+(?i:minutes)\b)?)?"
    r"(?:[ \t]*[-–—,:|(][^\n]*)?[ \t]*$",
    re.MULTILINE,
)
# First sentences naming the body: "A Parish Council meeting was held in ...",
# "Elmford and Dale Community Council held their meeting at 7.30pm ...",
# "The regular meeting of the Library Board was called to order at 6:02 p.m."
_BODY_SENTENCE_RE = re.compile(
    r"\b(?:An?|The)[ \t]+(?:(?i:regular|special|ordinary|monthly)[ \t]+)?"
    rf"(?P<body>{_body(_LINE_SPACE)})[ \t]+(?i:meeting)[ \t]+(?:was|is)[ \t]+held\b"
    rf"|(?:^|(?<=[.!?][ \t]))(?P<held>{_body(_LINE_SPACE)})[ \t]+held[ \t]+(?:their|its|a|the)\b",
    re.MULTILINE,
)
# Words that say what kind of meeting it was, not which body met.
_MEETING_KIND_RE = re.compile(
    r"^(?:(?:regular|special|ordinary|extraordinary|adjourned|monthly|emergency|reconvened)"
    r"\s+)+",
    re.IGNORECASE,
)
# A line that says a body met, or heads minutes: a body named on it ranks first.
_MINUTES_WORD_RE = re.compile(r"\b(?:minutes|meeting)\b", re.IGNORECASE)

# -- councils -------------------------------------------------------------------------------

# The kinds of council whose name ends "... Council": "Kelmscott District Council".
_COUNCIL_KINDS = (
    r"(?:Parish|Town|Community|City|County|District|Borough|Village|Metropolitan\s+Borough"
    r"|County\s+Borough|Regional|Municipal|Shire|Island|Unitary)"
)
# Councils that meet as themselves: their own meeting's committee is "Parish Council".
_LOCAL_KINDS = ("parish", "town", "community", "city", "village")
# "Lowfield Parish Council", "Ashbury Borough Council Cabinet", "Harbourside Council".
_COUNCIL_NAME_RE = re.compile(
    rf"^(?P<place>(?:{_WORD}[ \t]+(?:{_LINK}[ \t]+)*){{0,4}}?{_WORD})[ \t]+"
    rf"(?P<kind>(?i:{_COUNCIL_KINDS})[ \t]+)?(?P<word>(?i:council))(?:[ \t]+(?P<rest>\S.*))?$"
)
# "City of Eastvale Planning Board", "City of Coral Sands City Commission".
_PLACE_OF_RE = re.compile(
    r"^(?P<kind>City|Town|County|Borough|Village|Township|Municipality|District|Port)[ \t]+of[ \t]+"
    r"(?P<rest>.+)$",
    re.IGNORECASE,
)
# A heading line that is a council's name.
_COUNCIL_LINE_RE = re.compile(
    # "The Corporation of the Town of Cobourg": an Ontario municipality's legal name
    r"^[ \t]*(?:[Tt]he[ \t]+|THE[ \t]+)?(?:(?i:corporation[ \t]+of[ \t]+the)[ \t]+)?(?P<council>"
    r"(?!(?i:meetings?|minutes|agenda|full|the)\b)"
    rf"(?:{_WORD}[ \t]+(?:{_LINK}[ \t]+)*){{1,5}}(?i:council)"
    r"|(?i:city|town|county|borough|village|township|municipality|port)[ \t]+(?i:of)[ \t]+"
    rf"(?:{_WORD}[ \t]+){{0,3}}{_WORD}"
    rf"|(?:{_WORD}[ \t]+){{1,3}}(?i:district)"
    r"|(?i:cyngor[ \t]+(?:cymuned|tref|sir|dinas))[ \t]+[^\n]{2,50}"
    r"|(?i:commune|ville|mairie|municipalit[ée]|paroisse|canton)[ \t]+(?i:de|d'|d’|du)[ \t]*"
    r"[A-ZÀ-Ý][^\n]{1,50})[ \t]*,?[ \t]*$",
    re.MULTILINE,
)
# Welsh puts the kind first: "Cyngor Cymuned Llanfair" is a community council.
_WELSH_COUNCIL_RE = re.compile(r"^(?P<kind>cyngor\s+(?:cymuned|tref|sir|dinas))\s", re.I)
# A council named in Welsh and English at once: the English name is read.
_BILINGUAL_COUNCIL_RE = re.compile(
    r"^cyngor\s+(?:cymuned|tref|sir|dinas)\s+(?P<english>.+?\s+(?:community|town|county|city)"
    r"\s+council)$",
    re.IGNORECASE,
)
# First words of two-word place names: "San Mateo", "Fort Wayne", "St Albans".
# A body named after its place: "City Commission of the City", "Board of Trustees of the Village".
_BODY_OF_PLACE_RE = re.compile(
    r"^(?P<body>.+?)\s+of\s+(?:the\s+)?(?P<kind>City|Town|County|Village|Borough|Township)$",
    re.IGNORECASE,
)
_PLACE_PREFIXES = {
    "san", "santa", "los", "las", "la", "el", "new", "fort", "port", "st", "st.", "saint",
    "des", "mount", "mt", "palm", "lake", "grand", "east", "west", "north", "south", "upper",
    "lower", "great", "little", "long", "glen", "royal", "baton",
}  # fmt: skip
_TYPE_WORDS = {"city", "town", "county", "village", "municipal", "community", "parish", "borough"}
_SMALL_WORDS = {"and", "of", "the", "for", "on", "in", "cum", "upon", "a", "de", "du", "le", "la"}
# Inside a French place's hyphenated name too: "SAINT-ALBAN-DES-PINS" -> "Saint-Alban-des-Pins"
# (but "DES MOINES" -> "Des Moines").
_LINKED_SMALL_WORDS = _SMALL_WORDS | {"des", "les", "sur", "aux", "en"}

# -- dates ----------------------------------------------------------------------------------

# Dates of something else than this meeting: the next meeting, a signature, publication,
# the minutes of an earlier meeting being approved.
_OTHER_DATE_RE = re.compile(
    r"\bnext\s+(?:\w+\s+){0,2}meeting|\bnext\s+meets?\b|\bdate\s+of\s+(?:the\s+)?next\b"
    r"|\b(?:signed|dated|published|publication|issued|printed|posted|circulated|updated"
    r"|revised|deadline|despatched|dispatched)\b"
    r"|\b(?:approv\w*|confirm\w*|sign\w*|adopt\w*|accept\w*|the)\s+(?:\w+\s+){0,3}?minutes\b"
    r"|\bminutes\s+of\s+(?:the\s+)?(?:last|previous|prior)\b",
    re.IGNORECASE,
)
# A sentence saying that the meeting took place, and when.
_HELD_RE = re.compile(
    r"\b(?:was|were)\s+held\b|\bheld\s+(?:on|this|their|its|at|in|as|remotely|virtually)\b"
    r"|\bconvened\b|\bcalled\s+(?:\w+\s+){0,4}?to\s+order\b|\bmet\s+(?:on|at|in)\b"
    r"|\btook\s+place\b|^\s*(?:draft\s+|approved\s+)?minutes\s+of\b"
    r"|\b(?:tenue|s['’]est\s+tenue)\s+(?:le|à|au|en)\b",  # French: "séance ... tenue le 13 février"
    re.IGNORECASE,
)

_VENUE_RE = re.compile(r"^\s*(?:Venue|Place|Location)\s*:\s*(?P<venue>.+?)\s*\.?\s*$", re.I | re.M)
_MINUTES_HELD_RE = re.compile(
    r"minutes\s+of\s+[^\n]{0,120}?\bheld\s+(?P<rest>(?:at|in|on|as|remotely|virtually)[^\n]*"
    r"(?:\n[^\n]+){0,2})",
    re.IGNORECASE,
)
_HELD_AT_RE = re.compile(
    r"held\s+(?:at|in)\s+(?:the\s+)?(?P<venue>.+?)(?:,?\s+on\s+|\s+at\s+\d|\s*$)", re.IGNORECASE
)
_DRAFT_RE = re.compile(r"\b(?:draft|unconfirmed|unapproved)\s+minutes\b|^\s*DRAFT\s*$", re.I | re.M)
_CONFIRMED_RE = re.compile(r"\b(?:confirmed|approved)\s+minutes\b", re.IGNORECASE)


@dataclass(frozen=True)
class Header:
    """Meeting facts found at the top of a document; None where it says nothing."""

    council: str | None = None
    committee: str | None = None
    date: date | None = None
    start_time: time | None = None
    venue: str | None = None
    status: str | None = None


def read_header(text: str) -> Header:
    """Read the meeting's body, date, time, venue and status from the top of the minutes."""
    title = _PAGE_TITLE_RE.search(text)
    head = _head(text)
    when = title.group("when") if title else _dated_line(head, not writes_month_first(text))
    dates = find_dates(when or "", dayfirst=not writes_month_first(text))
    body, rule = (_tidy(title.group("committee")), "page title") if title else _body_named(head)
    council, committee = split_council(body, text) if body else (None, None)
    council_rule, council_words = "split from the body's name", body or ""
    if line := _council_line(head):
        council, council_rule, council_words = line, "a heading line naming a council", line
    if committee is None and council:
        # "Minutes of the Ordinary Meeting of Kildare County Council": the council met itself.
        met = rule == "a minutes heading" and body is not None and council.lower() in body.lower()
        committee, rule = _council_as_body(council, met), "the council's own meeting"
    held = _MINUTES_HELD_RE.search(head)
    header = Header(
        council=council,
        committee=committee,
        date=dates[0].value if dates else None,
        start_time=parse_time(when) if dates and when else None,
        venue=_venue(text, held.group("rest") if held else None),
        status=_status(text, bool(title and title.group("draft"))),
    )
    _explain(header, when if dates else None, "page title" if title else "heading date", body, rule,
             (council_rule, council_words))  # fmt: skip
    return header


def _explain(header: Header, when: str | None, date_rule: str, body: str | None,
             rule: str, council: tuple[str, str]) -> None:  # fmt: skip
    """Note which rule found each fact of the header (shown by `parse --explain`)."""
    if header.date:
        note("date", header.date.isoformat(), date_rule, when or "")
    if header.committee:
        note("committee", header.committee, rule, body or "")
    if header.council:
        note("council", header.council, *council)
    if header.venue:
        note("venue", header.venue, "Venue: line or 'held at'")


def _head(text: str) -> str:
    """Return the heading of the minutes: its first non-empty lines."""
    lines = [line for line in text[:_HEAD_CHARS].split("\n") if line.strip()]
    return "\n".join(lines[:_HEAD_LINES])


# -- the date -------------------------------------------------------------------------------


def _dated_line(head: str, dayfirst: bool) -> str | None:
    """Return the first heading line, or sentence saying the meeting was held, with a date of
    this meeting (with the line after it, where a wrapped date or the time may be)."""
    lines = head.split("\n")
    for index, line in enumerate(lines):
        held = bool(_HELD_RE.search(line))
        if len(line.split()) > _HEADING_WORDS and not held:
            continue
        joined = f"{line}\n{lines[index + 1]}" if index + 1 < len(lines) else line
        span = joined if held and not re.search(r"[.!?]\s*$", line) else line
        if find_dates(span, dayfirst) and not _OTHER_DATE_RE.search(span):
            return joined
    return None


# -- the body -------------------------------------------------------------------------------


def _body_named(head: str) -> tuple[str | None, str]:
    """Return the body the heading names, and how: a heading form ("Minutes of the meeting of
    the X"), a first sentence ("A meeting of the X was held"), a heading line naming a body."""
    for rule, finder in _BODY_RULES:
        if found := finder(head):
            return found, rule
    return None, ""


def _heading_form(head: str) -> str | None:
    """Read "Minutes of the X Meeting", "Minutes of the Meeting of the X", "Minutes of the X"."""
    for match in _BODY_MEETING_OF_RE.finditer(head):
        body = _kind_dropped(match.group("body"))
        if re.search(rf"{_NOUN}$", body):
            return body
        if re.search(rf"{_NOUN}$", f"{body} Meeting"):
            return f"{body} Meeting"
    meeting_of = _MEETING_OF_RE.search(head) or _MINUTES_OF_BODY_RE.search(head)
    return _kind_dropped(meeting_of.group("body")) if meeting_of else None


def _sentence_body(head: str) -> str | None:
    """Read "A Parish Council meeting was held" or "X Community Council held their meeting"."""
    match = _BODY_SENTENCE_RE.search(head)
    if not match:
        return None
    return _kind_dropped(match.group("body") or match.group("held"))


def _body_line(head: str) -> str | None:
    """Return the body named by a heading line; a line saying "Meeting" or "Minutes", or under
    a "Minutes" line, wins over a list's heading; a council's own name comes last."""
    lines = head.split("\n")
    found: list[tuple[int, int, str]] = []
    for index, line in enumerate(lines):
        match = _BODY_LINE_RE.match(line)
        if not match:
            continue
        body = _kind_dropped(match.group("body"))
        near = " ".join(lines[max(index - 1, 0) : index + 1])
        rank = 0 if _MINUTES_WORD_RE.search(near) else 1
        if _COUNCIL_NAME_RE.match(body) and not _MINUTES_WORD_RE.search(line):
            rank = 2
        found.append((rank, index, body))
    return min(found)[2] if found else None


def _french_body(head: str) -> str | None:
    """Read the body of French minutes: "Séance du Conseil municipal du 12 janvier 2017"."""
    match = _FRENCH_BODY_RE.search(head)
    return match.group("body").capitalize() if match else None


# "Procès-verbal de la séance du Conseil municipal", "Réunion du Conseil communautaire".
_FRENCH_BODY_RE = re.compile(
    r"\b(?:s[ée]ance|r[ée]union)\s+(?:(?:ordinaire|extraordinaire|publique)\s+)?(?:du|de\s+la)\s+"
    r"(?P<body>conseil\s+(?:municipal|communautaire|d[ée]partemental|r[ée]gional|d'administration)"
    r"|commission\s+permanente|bureau\s+communautaire)\b",
    re.IGNORECASE,
)
_BODY_RULES: tuple[tuple[str, Callable[[str], str | None]], ...] = (
    ("a minutes heading", _heading_form),
    ("a French heading (séance du conseil municipal)", _french_body),
    ("a first sentence", _sentence_body),
    ("a heading line naming a body", _body_line),
)


def _kind_dropped(body: str) -> str:
    """Drop words that tell the kind of meeting: "Regular City Council" -> "City Council"."""
    return _tidy(_MEETING_KIND_RE.sub("", _tidy(body)))


# -- council and committee ------------------------------------------------------------------


def split_council(body: str, text: str = "") -> tuple[str | None, str | None]:
    """Split a body's name into (council, committee): "City of Eastvale Planning Board" ->
    ("City of Eastvale", "Planning Board"); "Lowfield Parish Council" -> ("Lowfield Parish
    Council", "Parish Council"); "Ashbury Borough Council Cabinet" -> (…Council, "Cabinet")."""
    body = _tidy(body)
    if both := _BILINGUAL_COUNCIL_RE.match(body):  # "Cyngor Cymuned X Community Council"
        body = both.group("english")
    if of_place := _BODY_OF_PLACE_RE.match(body):
        return _body_of_place(of_place, text)
    if welsh := _WELSH_COUNCIL_RE.match(body):
        return _cased(body), _cased(welsh.group("kind"))
    if place_of := _PLACE_OF_RE.match(body):
        return _split_place_of(place_of, text)
    named = _COUNCIL_NAME_RE.match(body)
    if not named or not _is_place(named.group("place")):
        return None, _cased(body)
    kind = _tidy(named.group("kind") or "")
    council = _cased(body[: named.end("word")])
    if named.group("rest"):
        return council, _cased(named.group("rest"))
    if kind.lower() == "city" and _names_city_of(named.group("place"), text):
        return f"City of {_cased(named.group('place'))}", _council_as_body(council)
    return council, _council_as_body(council)


def _body_of_place(match: re.Match[str], text: str) -> tuple[str | None, str | None]:
    """Split "City Commission of the City (of Lakeview)" into the place and the body, the
    place's name read from the text where the heading gives it."""
    kind = match.group("kind")
    named = re.search(
        rf"{re.escape(match.group('body'))}\s+of\s+(?:the\s+)?{kind}\s+of\s+"
        r"(?P<place>(?-i:[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?))",
        text,
        re.IGNORECASE,
    )
    council = f"{kind.title()} of {_cased(named.group('place'))}" if named else None
    return council, _cased(match.group("body"))


def _is_place(words: str) -> bool:
    """Tell whether words before "Council" are a place's name, not "City" or "Minutes of"."""
    if words.lower() in _TYPE_WORDS | {"the", "full"}:
        return False
    return not re.search(r"\b(?:minutes|meeting|summary|agenda|of\s+the)\b", words, re.I)


def _split_place_of(match: re.Match[str], text: str) -> tuple[str | None, str | None]:
    """Split "City of Eastvale Planning Board" where the place's name ends."""
    words = match.group("rest").split()
    cut = _place_end(words, match.group("kind"), text)
    if cut is None:
        return _cased(match.group(0)), None
    council = f"{_cased(match.group('kind'))} of {_cased(' '.join(words[:cut]))}"
    return council, _cased(" ".join(words[cut:]))


def _place_end(words: list[str], kind: str, text: str) -> int | None:
    """Return where the place's name ends in ``words`` (a body's name follows), or None."""
    nouns = [i for i, w in enumerate(words) if re.fullmatch(_NOUN, w)]
    if not nouns:
        return None
    for cut in range(1, nouns[0]):
        if words[cut].lower() in _TYPE_WORDS:
            return cut
    for cut in range(nouns[0] - 1, 0, -1):
        place = re.escape(" ".join(words[:cut]))
        if re.search(rf"\b(?i:{kind}\s+of\s+{place})(?![ \t]*[A-Z])", text):
            return cut
    cut = 2 if words[0].lower() in _PLACE_PREFIXES else 1
    return cut if cut < nouns[0] else None


def _names_city_of(place: str, text: str) -> bool:
    """Tell whether the text calls the place "City of X" (as US minutes name the council)."""
    return bool(re.search(rf"\bCity\s+of\s+{re.escape(place)}\b", text, re.IGNORECASE))


def _council_as_body(council: str, met: bool = False) -> str | None:
    """Return the body a local council meets as: "Lowfield Parish Council" -> "Parish
    Council"; None for a principal council, whose meeting has its own committee, unless the
    heading says the council itself ``met`` ("County Council")."""
    if welsh := _WELSH_COUNCIL_RE.match(council):
        return _cased(welsh.group("kind"))
    named = _COUNCIL_NAME_RE.match(council)
    kind = _tidy(named.group("kind") or "") if named else ""
    if kind.lower() in _LOCAL_KINDS or (met and named):
        return f"{kind.title()} Council".strip()
    return None


def _council_line(head: str) -> str | None:
    """Return the council named by a heading line of its own, or heading a body's line
    ("Lowfield Parish Council Minutes - 7 October 2025")."""
    if match := _COUNCIL_LINE_RE.search(head):
        named = re.sub(r"^the\s+", "", _tidy(match.group("council")), flags=re.IGNORECASE)
        return split_council(named, head)[0] or _cased(named)
    for line in _BODY_LINE_RE.finditer(head):
        if council := split_council(_kind_dropped(line.group("body")), head)[0]:
            return council
    first = head.split("\n", 1)[0]  # a page's title: "Council Minutes - ... - Township of X"
    if (part := _TITLE_PART_RE.search(first)) and (match := _COUNCIL_LINE_RE.match(part["part"])):
        return _cased(re.sub(r"^the\s+", "", _tidy(match.group("council")), flags=re.I))
    return None


# The last part of a title cut by dashes or bars, where a site names itself.
_TITLE_PART_RE = re.compile(r"[ \t][-–—|][ \t](?P<part>[^-–—|\n]+?)[ \t]*$")


def _cased(name: str) -> str:
    """Return a name in capitals as a title ("ELMFORD & DALE" -> "Elmford & Dale")."""
    name = _tidy(name)
    if not name.isupper():
        return name
    words = [_word_cased(w, i) for i, w in enumerate(name.split())]
    return " ".join(words)


def _word_cased(word: str, index: int) -> str:
    parts = word.lower().split("-")
    cased = [
        p if (p in _LINKED_SMALL_WORDS and i) or (p in _SMALL_WORDS and index) else p.capitalize()
        for i, p in enumerate(parts)
    ]
    return "-".join(cased)


# -- venue and status -----------------------------------------------------------------------


def _venue(text: str, held: str | None) -> str | None:
    if match := _VENUE_RE.search(text):
        return _tidy(match.group("venue"))
    if held and (match := _HELD_AT_RE.search(f"held {held}")):
        venue = _tidy(match.group("venue"))
        return venue if venue and not re.match(r"\d|on\b", venue) else None
    return None


def _status(text: str, draft_title: bool) -> str | None:
    if draft_title or _DRAFT_RE.search(text[:3000]):
        return "draft"
    return "confirmed" if _CONFIRMED_RE.search(text[:3000]) else None


def _tidy(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip(" ,.-–")
