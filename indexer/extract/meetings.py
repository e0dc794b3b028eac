"""Where one document holds the minutes of several meetings: find where each one begins.

Councils print several meetings in one document: a regular meeting followed by a special or
closed-session meeting the same evening, a joint meeting of several bodies, the council
"convened as the Board of Health" after its own business, or an agenda pack with the minutes of
the previous meeting inside it. A new meeting begins at a heading of its own ("MINUTES OF THE
SPECIAL CITY COUNCIL MEETING", "BOARD OF HEALTH", "AUDIT COMMITTEE (JOINT SESSION)") that is
followed at once by its own opening (a roll call, "Present:", "convened the meeting", "convene
as a Board of Health"), after the meeting before it has closed ("adjourned", "There being no
further business"). Anything less keeps the document one meeting.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# A heading that opens a meeting's minutes: "MINUTES OF THE SPECIAL CITY COUNCIL MEETING",
# "Minutes of the meeting of the Licensing Committee held on ...", "SUMMARY OF DES MOINES CITY
# COUNCIL MEETING"; never "Minutes of the previous meeting" or "... of the meeting held on".
_MINUTES_HEADING_RE = re.compile(
    r"^[ \t]*(?=[A-Z])(?i:(?:draft|approved|confirmed|unconfirmed)\s+)?"
    r"(?i:minutes|summary|record|proceedings)[ \t]+(?i:of)[ \t]+(?i:the[ \t]+|an?[ \t]+)?"
    r"(?!(?i:previous|last|prior|preceding)\b)"
    r"(?:[A-Za-z/,&'’().-]+[ \t]+){0,16}?(?i:meeting|session|sitting)\b"
    r"(?![ \t]+(?i:held|of[ \t]+\w+[ \t]+\d))"
)
# A heading in capitals naming the kind of meeting: "SPECIAL JOINT MEETING OF THE ...",
# "ADJOURNED SESSION OF THE ..."; never a bare "CLOSED SESSION" inside a meeting.
_KIND_HEADING_RE = re.compile(
    r"^[ \t]*(?:SPECIAL|REGULAR|JOINT|ADJOURNED|EXTRAORDINARY|ANNUAL|ORDINARY|CLOSED|STATUTORY)"
    r"(?:[ \t]+[A-Z][A-Z,&()'’/-]*)*[ \t]+(?:MEETING(?:[ \t]+OF\b.*)?|SESSION[ \t]+OF\b.*)[ \t]*$"
)
# The noun that ends a body's name: "Committee", "BOARD OF HEALTH", "Planning Commission".
_BODY_NOUN = (
    r"(?:SUB-?COMMITTEE|COMMITTEE|COUNCIL|BOARD|COMMISSION|AUTHORITY|PANEL|CABINET|ASSEMBLY"
    r"|TRUSTEES|FORUM|EXECUTIVE|AGENCY|DISTRICT|CORPORATION)"
)
# A short heading line naming a body and nothing else, in capitals: "BOARD OF HEALTH", "AUDIT
# COMMITTEE AND GENERAL PURPOSES COMMITTEE (JOINT SESSION)", "PLANNING COMMISSION".
_BODY_HEADING_RE = re.compile(
    rf"^[ \t]*(?:[A-Z][A-Z'’&,/.-]*[ \t]+){{0,12}}?{_BODY_NOUN}"
    r"(?:[ \t]+(?:OF|FOR|ON)(?:[ \t]+(?:THE[ \t]+)?[A-Z][A-Z'’-]*)+)?"
    r"(?:[ \t]*\([A-Z][A-Z ]*\))?[ \t]*$"
)
# The opening of a meeting's minutes, at a line start (after an item's numbers, if any): a roll
# call or a list of those present ("Present:", never "Present at the site visit were").
_ATTENDANCE_OPENING_RE = re.compile(
    r"^[ \t]*(?:\(?\d[\w.()/-]*[ \t]+){0,2}"
    r"(?:ROLL[ \t]+CALL|PRESENT\b|Present(?:[ \t]*[:–—-]|[ \t]*$)|Members[ \t]+present"
    r"|MEMBERS[ \t]+PRESENT|Sederunt|SEDERUNT|THOSE[ \t]+PRESENT|Those[ \t]+present)",
    re.MULTILINE,
)
# ... or a sentence calling it to order: "Mayor X convened the Special Meeting at 6:30 p.m.",
# "The meeting was called to order at 7 pm".
_CALL_TO_ORDER_RE = re.compile(
    r"\b(?:convened|opened)\s+the\s+(?:[\w/-]+\s+){0,3}(?:meeting|session)\b"
    r"|\bcalled\s+(?:the\s+(?:[\w/-]+\s+){0,3}(?:meeting|session)\s+)?to\s+order\b"
    r"|\b(?:meeting|session)\s+(?:was\s+)?(?:called\s+to\s+order|convened|opened)\b",
    re.IGNORECASE,
)
# A body sitting as another: "the City Council adjourn and convene as a Board of Health",
# "Council sitting as the Licensing Authority", "adjourn and convene a Board of Health".
_SITTING_AS_RE = re.compile(
    r"\b(?i:(?:re)?convene[ds]?|sitting|sat|met|meets?)\s+(?i:as)\s+(?i:an?|the)\s+[A-Z]"
    r"|\b(?i:adjourn(?:ed|s)?\s+and\s+(?:re)?convene[ds]?)\s+(?i:an?|the)\s+[A-Z]"
)
# The body sat as, named after "as a": "convene as a Board of Health" -> "Board of Health".
_SAT_AS_BODY_RE = re.compile(
    r"\b(?i:as|convene[ds]?)\s+(?i:an?|the)\s+(?P<body>(?:[A-Z][\w'’&-]*\s+(?:(?i:and|of|for)\s+)?)"
    rf"{{0,6}}?(?i:{_BODY_NOUN})(?:\s+(?i:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*)?)"
)
# A pause inside a meeting: "adjourned to closed session", "adjourned for a short recess".
_BREAK = (
    r"(?:closed|executive|private|confidential|recess|break|short|brief|comfort|lunch|dinner"
    r"|tea|in\s+camera|committee|caucus|\d)"
)
# The close of a meeting: "The meeting adjourned at 19:25", "There being no further business";
# never a pause ("adjourned to closed session").
_CLOSE_RE = re.compile(
    r"\badjourn(?:ed|ment|s)?\b(?!\s+(?:to|into|for|until)\s+(?:an?\s+|the\s+)?" + _BREAK + ")"
    r"|\bno\s+further\s+business\b|\brespectfully\s+submitted\b"
    r"|\b(?:meeting|session)\s+(?:was\s+)?(?:closed|ended|concluded|finished|terminated)\b"
    r"|\bclosed\s+the\s+meeting\b|\brose\s+at\b",
    re.IGNORECASE,
)
# An agenda's last item, a heading alone on its line: "8. Adjournment", "ADJOURNMENT".
_AGENDA_CLOSE_RE = re.compile(r"^[ \t]*(?:[\w.()]+[ \t]+)?adjournment[ \t]*$", re.IGNORECASE)
# A notice or agenda of a meeting to come, not minutes: "A meeting of the Audit Committee will
# be held", "You are hereby summoned to attend", "NOTICE OF MEETING".
_NOTICE_RE = re.compile(
    r"\bwill\s+be\s+held\b|\bhereby\s+(?:summoned|requested|given)\b|\bnotice\s+of\s+meeting\b"
    r"|\byou\s+are\s+(?:invited|requested|summoned)\s+to\s+attend\b",
    re.IGNORECASE,
)
HEADING_LINES = 4  # lines a minutes heading may wrap over
HEADING_REACH = 8  # non-empty lines after a minutes heading in which its opening must come
BODY_REACH = 4  # ... after a heading that only names a body
CLOSE_REACH = 40  # non-empty lines at the end of a meeting in which it says it closed
MIN_WORDS = 40  # the fewest words a meeting before a new heading has
SITTING_REACH = 800  # characters at the start of a part where it says what body sat


@dataclass(frozen=True)
class Part:
    """The text of one meeting's minutes, or of an agenda pack's front pages before them."""

    text: str
    sitting_as: bool = False  # the same members sitting as another body, the same day
    notice: bool = False  # a notice or agenda of a meeting to come: no meeting of its own


def split_meetings(text: str) -> list[Part]:
    """Cut the text where the minutes of another meeting begin; one part when none does."""
    lines = text.split("\n")
    starts = [0]
    sitting = [False]
    for index, kind in _headings(lines):
        before = "\n".join(lines[starts[-1] : index])
        if len(before.split()) < MIN_WORDS:
            continue
        if kind == "sitting" or _closed(lines[starts[-1] : index]) or not _opens(before):
            starts.append(index)
            sitting.append(kind == "sitting")
    parts = [
        Part("\n".join(lines[start:end]), as_)
        for start, end, as_ in zip(starts, [*starts[1:], len(lines)], sitting, strict=True)
    ]
    return _front_matter(parts)


def _headings(lines: list[str]) -> Iterator[tuple[int, str]]:
    """Yield (line index, kind) of each heading followed by a meeting's own opening."""
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if _MINUTES_HEADING_RE.match(_wrapped(lines, index)) or _KIND_HEADING_RE.match(line):
            after = _following(lines, index, HEADING_REACH)
            if _opens(after) or _SITTING_AS_RE.search(after):
                yield index, "sitting" if _SITTING_AS_RE.search(after) else "minutes"
        elif _BODY_HEADING_RE.match(line) and len(line.split()) <= 14:
            after = _following(lines, index, BODY_REACH)
            if _SITTING_AS_RE.search(after):
                yield index, "sitting"
            elif _ATTENDANCE_OPENING_RE.search(after):
                yield index, "minutes"


def _wrapped(lines: list[str], index: int) -> str:
    """Return a heading line joined with the lines it may wrap onto."""
    return " ".join(line.strip() for line in lines[index : index + HEADING_LINES])


def _following(lines: list[str], index: int, reach: int) -> str:
    """Return the heading line and the next ``reach`` non-empty lines, joined."""
    after = [line for line in lines[index + 1 : index + 1 + 3 * reach] if line.strip()]
    return "\n".join([lines[index], *after[:reach]])


def _opens(text: str) -> bool:
    """Tell text holding a meeting's opening: a roll call, those present, a call to order."""
    return bool(_ATTENDANCE_OPENING_RE.search(text) or _CALL_TO_ORDER_RE.search(text))


def _closed(lines: list[str], reach: int = CLOSE_REACH) -> bool:
    """Tell whether a meeting's last ``reach`` non-empty lines say it closed (an agenda's
    "8. Adjournment" line says nothing)."""
    tail = [line for line in lines if line.strip() and not _AGENDA_CLOSE_RE.match(line)]
    return bool(_CLOSE_RE.search("\n".join(tail[-reach:])))


def _front_matter(parts: list[Part]) -> list[Part]:
    """Mark front pages that neither open nor close a meeting: a notice or agenda is no
    meeting; a cover page belongs to the minutes after it."""
    front_lines = parts[0].text.split("\n") if parts else []
    if len(parts) < 2 or _opens(parts[0].text) or _closed(front_lines, len(front_lines)):
        return parts
    front, first = parts[0], parts[1]
    if _NOTICE_RE.search(front.text):
        return [Part(front.text, notice=True), *parts[1:]]
    return [Part(f"{front.text}\n{first.text}", first.sitting_as), *parts[2:]]


# What only minutes say: who came, what was moved and decided, when the meeting ended.
_MINUTES_SAY_RE = re.compile(
    r"\b(?:present|in\s+attendance|apologies\s+(?:were\s+)?received|were\s+received"
    r"|resolved|carried|seconded|moved\s+(?:by|that)|unanimously|voted|declared"
    r"|called\s+(?:the\s+meeting\s+)?to\s+order|(?:closed|adjourned|ended)\s+at)\b",
    re.IGNORECASE,
)
_AGENDA_WORD_RE = re.compile(r"^[ \t]*(?:AGENDA|Agenda)[ \t]*:?[ \t]*$", re.MULTILINE)
AGENDA_REACH = 3000  # characters at the top in which an agenda says it is one


def is_agenda(text: str) -> bool:
    """Tell an agenda or a notice of a meeting to come from minutes: it says so at the top
    ("AGENDA", "NOTICE OF MEETING", "You are hereby summoned to attend", "will be held") and
    nowhere records who came, a motion, a decision or the meeting's end."""
    top = text[:AGENDA_REACH]
    said = _AGENDA_WORD_RE.search(top) or _NOTICE_RE.search(top)
    return bool(said) and not _MINUTES_SAY_RE.search(text)


def sitting_body(text: str) -> str | None:
    """Return the body the members sat as, named where the part opens ("convened as the
    Board of Health"); None when it names none."""
    for match in _SAT_AS_BODY_RE.finditer(text[:SITTING_REACH]):
        if _SITTING_AS_RE.search(text[max(match.start() - 40, 0) : match.end()]):
            return re.sub(r"\s+", " ", match.group("body"))
    return None
