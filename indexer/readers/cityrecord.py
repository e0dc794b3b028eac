"""Read the Cleveland City Record: council proceedings, Board of Control and appeals boards.

The City Record is the council's weekly publication, read here as text extracted from its PDF:
columns interleave, running heads ("The City Record", the issue date, page numbers) land in
mid-sentence. One issue gives up to four meetings: the City Council (when it met that week),
the Board of Control, the Board of Zoning Appeals and the Board of Building Standards and
Building Appeals. Schedules of future meetings, the Calendar and the reprinted "Adopted
Resolutions and Ordinances" are not meetings and give nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date

from indexer.extract.dates import parse_date, parse_time
from indexer.model import Attendance, Item, Meeting, Resolution

COUNCIL = "Cleveland City Council"

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_WEEKDAYS = "MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY"
_DATE_LINE_RE = re.compile(rf"^(?:{_MONTHS}) \d{{1,2}}, \d{{4}}$", re.M)
_PAGE_NUMBER_RE = re.compile(r"\n[ \t]*\n[ \t]*\d{1,4}[ \t]*(?=\n)")
_HYPHEN_RE = re.compile(r"-\n\s*(?=[a-z])")
_CAPS_DATE_RE = re.compile(rf"^(?:{_WEEKDAYS}),?\s+[A-Z]+\s+\d{{1,2}},?\s+\d{{4}}$", re.M)
_BOARD_END_RE = re.compile(
    r"^(?:PUBLIC NOTICE|PUBLIC HEARINGS?|NOTICE OF PUBLIC (?:HEARING|MEETING)"
    r"|CITY OF CLEVELAND BIDS|ADOPTED RESOLUTIONS|SCHEDULE OF THE BOARD|BOARD OF CONTROL"
    r"|CIVIL SERVICE NOTICES|THE CALENDAR|COUNCIL COMMITTEE)$",
    re.M,
)
_VOTES_RE = re.compile(r"Yeas\s+(\d+)[.,]?\s+Nays\s+(\d+)")


def is_city_record(text: str) -> bool:
    """Tell whether ``text`` is an issue of the Cleveland City Record."""
    head = text[:4000].lower()
    return "the city record" in head and "council of the city of cleveland" in head


def parse_city_record(text: str, source: str) -> list[Meeting]:
    """Return the meetings one City Record issue reports, the council's first."""
    return city_record_meetings(clean_text(text), source)


def city_record_meetings(clean: str, source: str) -> list[Meeting]:
    """Return the meetings of an issue's text already cleaned by ``clean_text``."""
    found = [
        council_meeting(clean, source),
        *board_of_control_meetings(clean, source),
        zoning_meeting(clean, source),
        building_meeting(clean, source),
    ]
    return [meeting for meeting in found if meeting is not None]


# Cleaning ------------------------------------------------------------------------------------


def clean_text(text: str) -> str:
    """Drop running heads and page numbers; join words hyphenated across lines."""
    text = text.replace("\r\n", "\n").replace("\f", "\n").replace("\xa0", " ")
    heads = "|".join(map(re.escape, ("The City Record", _issue_date(text))))
    text = re.sub(rf"\n[ \t]*(?:{heads})[ \t]*(?=\n)", "", text)
    return _HYPHEN_RE.sub(_join_hyphen, _PAGE_NUMBER_RE.sub("\n", text))


def _issue_date(text: str) -> str:
    """Return the running-head date: the commonest line of the first pages that is a date."""
    dates = Counter(_DATE_LINE_RE.findall(text, 0, 100_000))
    return dates.most_common(1)[0][0] if dates else "The City Record"


def _join_hyphen(match: re.Match[str]) -> str:
    """Join "hyphen-\nated" when a lower-case letter precedes the hyphen."""
    return "" if match.string[match.start() - 1 : match.start()].islower() else match.group(0)


def _flat(text: str) -> str:
    """Return ``text`` on one line, runs of whitespace made single spaces."""
    return " ".join(text.split())


_BREAK_RE = re.compile(
    r" (?=Whereas,|Be it (?:ordained|resolved)|BE IT RESOLVED|Section \d+\. |Approved by "
    r"|The rules were suspended|Referred to |Motion to |Yeas:)"
)


def _paragraphs(flat: str) -> str:
    """Break flattened text into paragraphs where clauses begin."""
    return _BREAK_RE.sub("\n", flat)


def _shorten(text: str, limit: int = 300) -> str:
    """Return ``text`` cut at a word boundary to about ``limit`` characters."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


# People --------------------------------------------------------------------------------------

_SPLIT_RE = re.compile(r"\s*[,;]\s*(?:and\s+)?|\s+and\s+|\s+&\s+")
_SUFFIXES = frozenset({"Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"})
_NAME_TOKEN_RE = re.compile(r"[A-Z][\w’'.-]*")
_TITLE_WORDS = frozenset({
    "Mayor", "Chief", "Chiefs", "Director", "Directors", "Deputy", "Interim", "Acting",
    "Assistant", "Executive", "Officer", "Operating", "Financial", "Staff", "Council", "Member",
    "Members", "Members-Elect", "President", "Vice", "Clerk", "Commissioner", "Commissioners",
    "Secretary", "Manager", "Media", "Relations", "Government", "Affairs", "Regional",
    "Development", "Education", "Sustainability", "Public", "Prevention", "Intervention",
    "Opportunity", "Youth", "Young", "Adults", "Law", "Finance", "Safety", "Utilities", "Health",
    "Port", "Control", "Economic", "Community", "Capital", "Projects", "Human", "Resources",
    "Aging", "Building", "Housing", "City", "Planning", "Commission", "Works", "Special", "Judge",
    "Honorable", "Messrs", "Mr", "Mrs", "Ms", "Dr", "Equal", "Office", "Purchases", "Supplies",
    "Quality", "Performance", "Management", "Administration", "Administrator", "Communications",
    "Councilman", "Councilwoman", "Pro", "Tempore", "Services",
})  # fmt: skip


def split_names(text: str) -> list[str]:
    """Return the people in a written list ("Dona Brady, ... and Matthew Zone."), titles dropped."""
    names: list[str] = []
    for piece in _SPLIT_RE.split(_flat(text).rstrip(".")):
        if piece in _SUFFIXES and names:
            names[-1] = f"{names[-1]}, {piece}"
        elif name := person_name(piece):
            names.append(name)
    return names


def person_name(text: str) -> str | None:
    """Return the name that ends ``text`` ("Chief of Staff Ken Silliman" -> "Ken Silliman")."""
    tokens = _flat(text).rstrip(".,").split(" ")
    start = len(tokens)
    while start > 0 and _is_name_token(tokens[start - 1]):
        start -= 1
    return " ".join(tokens[start:]) or None


def _is_name_token(token: str) -> bool:
    """Tell whether a word can be part of a name (capitalised, not a title)."""
    return bool(_NAME_TOKEN_RE.fullmatch(token)) and token.rstrip(".") not in _TITLE_WORDS


def _attendance(people: Iterable[tuple[str, str]]) -> tuple[Attendance, ...]:
    """Return one Attendance per person, the first role given winning."""
    roles: dict[str, str] = {}
    for role, name in people:
        roles.setdefault(name, role)
    return tuple(Attendance(name, role) for name, role in roles.items())


# City Council --------------------------------------------------------------------------------

_CALL_RE = re.compile(r"The meeting of the Council was\s+called to order")
_COUNCIL_HEAD_RE = re.compile(rf"^CITY COUNCIL\n(?:{_WEEKDAYS}),? [A-Z]+ \d{{1,2}}, \d{{4}}$", re.M)
_ADJOURNED_RE = re.compile(r"The Council Meeting\s+adjourned")
_COUNCIL_ENDS = ("\nTHE CALENDAR\n", "\nBOARD OF CONTROL\n")
_CHAIR_RE = re.compile(r"President of Council,\s+(?P<name>[^,]{3,60}?),\s+in\s+the\s+Chair")
_PRESENT_RE = re.compile(
    r"Members(?:-Elect)?\s+present:\s*(?P<names>.+?)(?=Also\s+present|\n\s*\n|\nMOTION|$)", re.S
)
_ALSO_RE = re.compile(r"Also\s+present\s+were:\s*(?P<names>.+?)(?=\n\s*\n|\nMOTION|$)", re.S)
_ABSENT_RE = re.compile(
    r"absences?\s+of\s+Council\s+Members?\s+(?P<names>.{3,200}?)\s+(?:is|are)\s+"
    r"(?:hereby\s+)?(?:authorized|excused)",
    re.S,
)


def council_meeting(text: str, source: str) -> Meeting | None:
    """Return the City Council meeting in a cleaned issue, or None in a week without one."""
    call = _CALL_RE.search(text)
    if call is None:
        return None
    heads = list(_COUNCIL_HEAD_RE.finditer(text, 0, call.start()))
    stop = _council_end(text, call.end())
    return Meeting(
        source=source,
        council=COUNCIL,
        committee="City Council",
        date=_council_date(text, call.start(), heads[-1].group(0) if heads else ""),
        start_time=parse_time(text[call.end() : call.end() + 30]),
        attendance=council_attendance(text[call.start() : stop]),
        items=tuple(council_items(text[heads[-1].start() if heads else call.start() : stop])),
    )


def _council_end(text: str, start: int) -> int:
    """Return where the proceedings end: the adjournment, the Calendar or the next board."""
    adjourned = _ADJOURNED_RE.search(text, start)
    ends = [text.find(marker, start) for marker in _COUNCIL_ENDS]
    ends += [adjourned.start()] if adjourned else []
    return min((end for end in ends if end >= 0), default=len(text))


def _council_date(text: str, call: int, heading: str) -> date | None:
    """Return the date written over the call to order, else the date of the heading."""
    above = text[max(0, call - 60) : call].rsplit("Ohio", 1)[-1]
    dates = [(written, parse_date(written)) for written in (above, heading)]
    consistent = [day for written, day in dates if day and _weekday_agrees(written, day)]
    return next(iter(consistent), None) or next((day for _, day in dates if day), None)


def _weekday_agrees(written: str, day: date) -> bool:
    """Tell whether the weekday written with a date, if any, is that date's weekday."""
    named = re.search(_WEEKDAYS, written.upper())
    return named is None or named.group(0) == _WEEKDAYS.split("|")[day.weekday()]


def council_attendance(proceedings: str) -> tuple[Attendance, ...]:
    """Return the chair, members present and absent, and others present."""
    people: list[tuple[str, str]] = []
    if chair := _CHAIR_RE.search(proceedings[:1500]):
        people.append(("chair", _flat(chair.group("name"))))
    for role, pattern in (("present", _PRESENT_RE), ("also_present", _ALSO_RE)):
        if found := pattern.search(proceedings, 0, 20000):
            people += [(role, name) for name in split_names(found.group("names"))]
    for absent in _ABSENT_RE.finditer(proceedings):
        people += [("absent", name) for name in split_names(absent.group("names"))]
    return _attendance(people)


_ITEM_RE = re.compile(r"^(?:Ord\.|Res\.|File)\s+No\.\s+\d{1,4}-\d{2}(?![-\w])", re.M)
_SECTION_RE = re.compile(
    r"^(?:(?:FIRST|SECOND|THIRD) READING\b.*|[A-Z]+ RESOLUTIONS?|COMMUNICATIONS?"
    r"|OATHS? OF OFFICE|FROM OHIO DIVISION OF.*|LAID ON THE TABLE|PLATS?|MORAL CLAIMS?\b.*"
    r"|MOTION)$",
    re.M,
)
_CAPS_LINE_RE = re.compile(r"\n([A-Z][A-Z ,’'&-]*)$", re.M)
_ADOPTED_LIST_RE = re.compile(r"following\s+Resolutions?\s+(?:was|were)\s+adopted[^:]{0,40}:")
_SPONSOR_RE = re.compile(
    r"[Bb]y\s+(?P<who>.{2,300}?)\s*(?=An?\s+(?:emergency\s+)?(?:ordinance|resolution)\b)"
)
_DESCRIPTION_RE = re.compile(r"\bAn?\s+(?:emergency\s+)?(?:ordinance|resolution)\b")
_REQUEST_RE = re.compile(r"\(\s*by\s[^)]{0,40}\)?\.?", re.I)
_DESCRIPTION_END_RE = re.compile(
    r" (?:Whereas\b|Be it\b|Approved by\b|Referred to\b|The rules were\b|Motion\b|Read third\b"
    r"|Section 1\.|(?:Passage|Adoption) recommended|Amendments? agreed)"
)
_DECISION_RE = re.compile(
    r"(?P<word>Passed|Adopted|Received|Failed|Amendments? agreed to|Laid on the Table"
    r"|Referred to|(?:Plat|appointment is|motion is|motion was) approved)\b"
    r"[^.]{0,200}\.?(?:\s*Yeas\s+\d+[.,]?\s+Nays\s+\d+\.?)?"
)
_DECISION_REACH = 1500  # the decision closes the entry: look at its end first
_DECISION_OUTCOMES = (
    ("Passed", "passed"),
    ("Adopted", "adopted"),
    ("Received", "received"),
    ("Failed", "lost"),
    ("Amendment", "amended"),
    ("Laid", "withdrawn"),
    ("Referred", "referred"),
    ("approved", "approved"),
)
_HEADING_OUTCOMES = (
    ("FAILED", "lost"),
    ("REFERRED", "referred"),
    ("PASSED", "passed"),
    ("ADOPTED", "adopted"),
    ("TABLE", "withdrawn"),
    ("COMMUNICATION", "received"),
    ("LIQUOR", "received"),
    ("OATH", "received"),
    ("RESOLUTION", "adopted"),
)

_ABBREVIATION_END_RE = re.compile(
    r"\b(?:[A-Z]|Sr|Jr|Inc|Co|Corp|Ltd|St|Ave|Rd|Dr|No|Nos|Mr|Mrs|Ms|C\.O|U\.S|P\.O)\.$"
)

# A mark in the proceedings: (start, end, is_heading, label).
Mark = tuple[int, int, bool, str]


def council_items(proceedings: str) -> list[Item]:
    """Return the measures and communications of the proceedings, each once, in order."""
    marks = sorted([*_item_marks(proceedings), *_section_marks(proceedings)])
    items: list[Item] = []
    heading, seen = "", set()
    for index, (_, end, is_heading, label) in enumerate(marks):
        if is_heading:
            heading = label
        elif label not in seen:
            stop = marks[index + 1][0] if index + 1 < len(marks) else len(proceedings)
            items.append(council_item(label, proceedings[end:stop], heading))
            seen.add(label)
    return items


def _item_marks(text: str) -> Iterator[Mark]:
    """Yield where each "Ord. No. 385-17" begins, with its number as printed."""
    for match in _ITEM_RE.finditer(text):
        yield match.start(), match.end(), False, _flat(match.group(0))


def _section_marks(text: str) -> Iterator[Mark]:
    """Yield the section headings ("FIRST READING EMERGENCY ORDINANCES REFERRED")."""
    end = 0
    for match in _SECTION_RE.finditer(text):
        if match.start() < end:
            continue
        words, end = [match.group(0)], match.end()
        while len(words) < 4 and (more := _CAPS_LINE_RE.match(text, end)):
            if _SECTION_RE.fullmatch(more.group(1)):
                break
            words.append(more.group(1))
            end = more.end()
        yield match.start(), end, True, " ".join(words)
    for match in _ADOPTED_LIST_RE.finditer(text):
        yield match.start(), match.end(), True, "RESOLUTIONS ADOPTED"


def council_item(number: str, body: str, heading: str) -> Item:
    """Return one measure: its title, text, and the decision taken on it."""
    flat = _flat(body).lstrip(".—–- ")
    decision = _last(_DECISION_RE, flat[-_DECISION_REACH:]) or _last(_DECISION_RE, flat)
    described = _DESCRIPTION_RE.search(flat, 0, 800)
    return Item(
        number=number,
        title=_description(flat, described) if described else _first_paragraph(body),
        text=_paragraphs(flat),
        decision=decision.group(0) if decision else None,
        resolutions=(_council_resolution(number, flat, decision, heading, bool(described)),),
    )


def _council_resolution(
    number: str, flat: str, decision: re.Match[str] | None, heading: str, described: bool
) -> Resolution:
    """Return the council's decision on a measure, with its votes and sponsor."""
    votes = _last(_VOTES_RE, decision.group(0) if decision else flat)
    outcome = _decision_outcome(decision["word"]) if decision else _heading_outcome(heading)
    if outcome is None and number.startswith("Res.") and not described:
        outcome = "adopted"  # a condolence or congratulations resolution, listed by name
    return Resolution(
        text=decision.group(0) if decision else heading,
        outcome=outcome,
        votes_for=int(votes[1]) if votes else None,
        votes_against=int(votes[2]) if votes else None,
        mover=_sponsor(flat),
    )


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """Return the last match of ``pattern`` in ``text``."""
    found = list(pattern.finditer(text))
    return found[-1] if found else None


def _decision_outcome(word: str) -> str | None:
    """Return the outcome a decision sentence states ("Passed." -> "passed")."""
    return next((outcome for key, outcome in _DECISION_OUTCOMES if key in word), None)


def _heading_outcome(heading: str) -> str | None:
    """Return the outcome a section heading gives its measures."""
    return next((outcome for word, outcome in _HEADING_OUTCOMES if word in heading), None)


def _sponsor(flat: str) -> str | None:
    """Return who introduced the measure ("By Council Member Kelley" -> "Kelley")."""
    found = _SPONSOR_RE.match(flat)
    if found is None:
        return None
    who = _REQUEST_RE.sub("", found.group("who")).strip(" .")
    return re.sub(r"^Council\s+Members?\s+", "", who) or None


def _description(flat: str, described: re.Match[str]) -> str:
    """Return the measure's description ("An emergency ordinance to amend ...")."""
    rest = flat[described.start() :]
    end = _DESCRIPTION_END_RE.search(rest)
    return _shorten(rest[: end.start()] if end else rest, 1000)


def _first_paragraph(body: str) -> str:
    """Return the first paragraph of a short entry: a communication or a name."""
    first = _flat(body.strip().split("\n\n")[0]).lstrip(".—–- ")
    return _shorten(_drop_period(re.sub(r"\s*Received\.$", "", first)) or first)


def _drop_period(text: str) -> str:
    """Drop a sentence's closing period, keeping one that ends "Sr." or an initial."""
    return text if _ABBREVIATION_END_RE.search(text) else text.rstrip(".")


# Board of Control ----------------------------------------------------------------------------

_BOC_RE = re.compile(
    r"meeting of the Board\s+of Control\s+convened(?P<when>.{0,200}?)\s+presiding", re.S
)
_BOC_END_RE = re.compile(
    r"^(?:CIVIL SERVICE NOTICES|SCHEDULE OF THE BOARD|REPORT OF THE BOARD|ADOPTED RESOLUTIONS)$"
    r"|^[A-Z][A-Z. ]+,\nSecretary$",
    re.M,
)
_BOC_NEXT_HEAD_RE = re.compile(r"\nBOARD OF CONTROL\n[^\n]{0,40}\n[^\n]{0,20}$")
_BOC_ITEM_RE = re.compile(r"^Resolution No\.\s+\d{1,4}-\d{2}(?=\.?$)", re.M)
_BOC_PRESENT_RE = re.compile(r"Present:\s*(?P<names>.+?)(?=Absent:|Others:|On\s+motions?|$)", re.S)
_BOC_ABSENT_RE = re.compile(r"Absent:\s*(?P<names>.+?)(?=Others:|On\s+motions?|\n\s*\n|$)", re.S)
_BOC_OTHERS_RE = re.compile(r"Others:\s*(?P<names>.+?)(?=On\s+motions?|\n\s*\n|$)", re.S)
_OTHER_NAME_RE = re.compile(r"(?:^|\.\s+)((?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]+),")
_BY_RE = re.compile(r"By\s+(?P<who>[^.]*(?:\b[A-Z]\.\s+[^.]*)*)\.")
_BOC_VOTES_RE = re.compile(
    r"(?:Yeas|Present):\s*(?P<yeas>.+?)\s*Nays[:;]\s*(?P<nays>.+?)(?:\.|\s+Absent:|$)"
)
_SENTENCE_END_RE = re.compile(r"\.\s+(?=[A-Z(])")
_RESOLVED_RE = re.compile(
    r"[Rr]esolved,?\s+by\s+the\s+Board\s+of\s+Control"
    r"(?:\s+of\s+the\s+City\s+of\s+Cleveland)?,?\s*(?:that,?\s*)?"
)


def board_of_control_meetings(text: str, source: str) -> list[Meeting]:
    """Return each Board of Control meeting the issue reports, with its resolutions."""
    meetings = []
    starts = list(_BOC_RE.finditer(text))
    for index, match in enumerate(starts):
        following = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        report = _board_of_control_report(text, match.start(), following)
        first = _BOC_ITEM_RE.search(report)
        when = _flat(match.group("when"))
        meetings.append(
            Meeting(
                source=source,
                council=COUNCIL,
                committee="Board of Control",
                date=parse_date(when),
                start_time=parse_time(when),
                attendance=_board_attendance(when, report[: first.start() if first else 3000]),
                items=tuple(board_of_control_items(report)),
            )
        )
    return meetings


def _board_of_control_report(text: str, start: int, following: int) -> str:
    """Return one meeting's report: up to the next section or the next meeting."""
    end = _BOC_END_RE.search(text, start, following)
    report = text[start : end.start() if end else following]
    return _BOC_NEXT_HEAD_RE.sub("", report)


def _board_attendance(when: str, opening: str) -> tuple[Attendance, ...]:
    """Return who presided, who was present and absent, and the others attending."""
    people: list[tuple[str, str]] = []
    if chair := person_name(when.rsplit(" with ", 1)[-1]):
        people.append(("chair", chair))
    for role, pattern in (("present", _BOC_PRESENT_RE), ("absent", _BOC_ABSENT_RE)):
        if found := pattern.search(opening):
            people += [(role, name) for name in split_names(found.group("names"))]
    if others := _BOC_OTHERS_RE.search(opening):
        found_names = _OTHER_NAME_RE.findall(_flat(others.group("names")))
        people += [("also_present", _flat(name)) for name in found_names]
    return _attendance(people)


def board_of_control_items(report: str) -> list[Item]:
    """Return the Board of Control's resolutions in order."""
    marks = list(_BOC_ITEM_RE.finditer(report))
    items = []
    for index, mark in enumerate(marks):
        stop = marks[index + 1].start() if index + 1 < len(marks) else len(report)
        items.append(board_of_control_item(mark.group(0), report[mark.end() : stop]))
    return items


def board_of_control_item(number: str, body: str) -> Item:
    """Return one Board of Control resolution, adopted with the directors' votes."""
    flat = _flat(body).lstrip(". ")
    by = _BY_RE.match(flat)
    resolved = _RESOLVED_RE.search(flat)
    clause = flat[resolved.end() :] if resolved else flat
    votes_for, against = _named_votes(flat)
    wording = clause.split(" Yeas:", 1)[0]
    return Item(
        number=number,
        title=_shorten(_capitalize(_first_sentence(wording))),
        text=_paragraphs(flat),
        decision="Adopted",
        resolutions=(
            Resolution(
                text=_shorten(wording, 2000),
                outcome="adopted",
                votes_for=votes_for,
                votes_against=against,
                mover=person_name(by["who"]) if by else None,
            ),
        ),
    )


def _named_votes(flat: str) -> tuple[int | None, int | None]:
    """Count the names voting for and against ("Yeas: Directors A, B. Nays: None.")."""
    votes = _BOC_VOTES_RE.search(flat)
    if votes is None:
        return None, None
    nays = votes["nays"].strip(" .")
    return len(split_names(votes["yeas"])), 0 if nays.lower() == "none" else len(split_names(nays))


def _first_sentence(text: str) -> str:
    """Return the first sentence of ``text``, not stopping after "Inc." or "No."."""
    for end in _SENTENCE_END_RE.finditer(text):
        if not _ABBREVIATION_END_RE.search(text[: end.start() + 1]):
            return text[: end.start()]
    return text


def _capitalize(text: str) -> str:
    """Return ``text`` with its first letter in capitals."""
    return text[:1].upper() + text[1:]


# Board of Zoning Appeals ---------------------------------------------------------------------

_BZA_RE = re.compile(r"^REPORT OF THE BOARD\s*\nOF ZONING APPEALS$", re.M)
_BZA_HELD_RE = re.compile(
    r"At the meeting of the Board of\s+Zoning Appeals\s+on\s+(?P<when>.{6,40}?\d{4})", re.S
)
_BZA_DECIDED_RE = re.compile(r"adopted\s+and\s+approved\s+on\s+(?P<when>.{6,40}?\d{4})", re.S)
_BZA_TEXT_RE = re.compile(
    r"Board of\s+Zoning Appeals\s+on\b|\b(?:APPROVED|DENIED|DISMISSED|POSTPONED|WITHDRAWN):"
)
_CALENDAR_RE = re.compile(r"^Calendar No\.\s*(?P<num>\d{2}-\d{1,4})\b:?[ \t]*(?P<rest>.*)$", re.M)
_BZA_STATE_RE = re.compile(
    r"\b(?P<word>APPROVED|DENIED|DISMISSED|POSTPONED|WITHDRAWN):|The following cases were heard"
)
_BZA_STOP_RE = re.compile(
    r"^(?:Secretary|REPORT OF THE BOARD|Docket\b.*|\*[\s*]*|POSTPONED FROM|The|following)$", re.M
)
_BZA_OUTCOMES = {
    "APPROVED": "approved",
    "DENIED": "lost",
    "DISMISSED": "lost",
    "POSTPONED": "postponed",
    "WITHDRAWN": "withdrawn",
}
_POSTPONED_RE = re.compile(r"Postponed\s+to\s+[^.]{3,40}\d{4}")


def zoning_meeting(text: str, source: str) -> Meeting | None:
    """Return the Board of Zoning Appeals meeting the issue reports, if it met."""
    head = _BZA_RE.search(text)
    if head is None:
        return None
    report = text[_zoning_start(text, head) : _report_end(text, head.end(), _BZA_TEXT_RE)]
    items = zoning_items(report)
    if not items and not _BZA_HELD_RE.search(report):
        return None
    return Meeting(
        source=source,
        council=COUNCIL,
        committee="Board of Zoning Appeals",
        date=_zoning_date(report),
        items=tuple(items),
    )


def _zoning_start(text: str, head: re.Match[str]) -> int:
    """Return where the report starts: its heading, or its opening printed just above it."""
    above = text[max(0, head.start() - 3000) : head.start()]
    held = _BZA_HELD_RE.search(above)
    if held is None or "SCHEDULE OF THE BOARD" in above[held.start() :]:
        return head.end()
    return head.start() - len(above) + held.start()


def _report_end(text: str, start: int, more_re: re.Pattern[str]) -> int:
    """Return where a board's report ends, past sections printed amid it."""
    end = _BOARD_END_RE.search(text, start)
    while end and (more := more_re.search(text, end.end(), end.end() + 1500)):
        end = _BOARD_END_RE.search(text, more.end())
    return end.start() if end else len(text)


def _zoning_date(report: str) -> date | None:
    """Return the hearing date the report states, its year checked against the headings."""
    headings = [d for m in _CAPS_DATE_RE.finditer(report) if (d := parse_date(_flat(m[0])))]
    held = _BZA_HELD_RE.search(report) or _BZA_DECIDED_RE.search(report)
    stated = parse_date(_flat(held["when"])) if held else None
    if stated is None:
        return headings[0] if headings else None
    same_day = [d for d in headings if (d.month, d.day) == (stated.month, stated.day)]
    return same_day[0] if same_day else stated


def zoning_items(report: str) -> list[Item]:
    """Return the appeals decided, each with the outcome of the list it is printed under."""
    marks = sorted(
        [*_CALENDAR_RE.finditer(report), *_BZA_STATE_RE.finditer(report)],
        key=lambda m: m.start(),
    )
    stops = [m.start() for m in _BZA_STOP_RE.finditer(report)] + [m.start() for m in marks]
    items: list[Item] = []
    state, seen = None, set()
    for mark in marks:
        if mark.re is _BZA_STATE_RE:
            state = mark["word"]
        elif (number := f"Calendar No. {mark['num']}") not in seen:
            stop = min((s for s in stops if s > mark.start()), default=len(report))
            items.append(zoning_item(number, mark, report[mark.end() : stop], state))
            seen.add(number)
    return items


def zoning_item(number: str, mark: re.Match[str], body: str, state: str | None) -> Item:
    """Return one appeal: its premises as title, and the board's decision."""
    lines = body.strip().split("\n")
    title = mark["rest"].strip(" :,")
    if lines and len(lines[0]) < 25 and "," not in lines[0] and not lines[0].endswith("."):
        title = f"{title} {lines[0].strip()}".strip(" ,")
    postponed = _POSTPONED_RE.search(_flat(body))
    if postponed:
        state = "POSTPONED"
    words = postponed.group(0) if postponed else (state or "").capitalize()
    resolutions = (Resolution(text=words, outcome=_BZA_OUTCOMES[state]),) if state else ()
    return Item(
        number=number,
        title=title or number,
        text=_flat(f"{mark['rest']}\n{body}"),
        decision=state.capitalize() if state else None,
        resolutions=resolutions,
    )


# Board of Building Standards and Building Appeals --------------------------------------------

_BBS_RE = re.compile(r"^REPORT OF THE BOARD\s*\nOF BUILDING STANDARDS", re.M)
_BBS_HELD_RE = re.compile(r"Report of the Meeting of\s+(?P<when>.{6,40}?\d{4})", re.S)
_DOCKET_RE = re.compile(r"^Docket\s+[A-Z]-\d{1,4}-\d{2}(?=\.?$)", re.M)
_DOCKET_DONE_RE = re.compile(
    r"Docket\s+[A-Z]-\d{1,4}-\d{2}\s+has\s+been\s+"
    r"(?P<word>WITHDRAWN|POSTPONED|DISMISSED)\b[^.]{0,200}\."
)
_BBS_RESOLVED_RE = re.compile(r"BE IT RESOLVED.*?(?=Yeas:|$)")
_BBS_MOVER_RE = re.compile(
    r"Motioned\s+by\s+(?P<who>.{2,40}?)\s+and\s+seconded\s+by\s+"
    r"(?P<by>(?:(?:Mrs?|Ms|Dr)\.\s*)?[^.]{2,40})\."
)
_BBS_DECISION_RE = re.compile(
    r"\b(?:GRANTED|DENIED|REMANDED|AFFIRMED|MODIFIED|REVERSED|DISMISSED|WITHDRAWN|POSTPONED"
    r"|TABLED|OVERRULED|SUSTAINED)\b"
)


def building_meeting(text: str, source: str) -> Meeting | None:
    """Return the Board of Building Standards and Building Appeals meeting, if reported."""
    head = _BBS_RE.search(text)
    held = _BBS_HELD_RE.search(text, head.end(), head.end() + 3000) if head else None
    if head is None or held is None:
        return None
    end = _BOARD_END_RE.search(text, head.end())
    report = text[head.end() : end.start() if end else len(text)]
    marks = list(_DOCKET_RE.finditer(report))
    items = []
    for index, mark in enumerate(marks):
        stop = marks[index + 1].start() if index + 1 < len(marks) else len(report)
        items.append(building_item(_flat(mark.group(0)), report[mark.end() : stop]))
    return Meeting(
        source=source,
        council=COUNCIL,
        committee="Board of Building Standards and Building Appeals",
        date=parse_date(_flat(held["when"])),
        items=tuple(items),
    )


def building_item(number: str, body: str) -> Item:
    """Return one building appeal with the board's motion on it."""
    flat = _flat(body).lstrip(". ")
    if done := _DOCKET_DONE_RE.search(flat):
        flat = flat[: done.end()]
    resolution = _docket_closed(done) if done else _building_motion(flat)
    title = re.split(r",?\s+(?:dated|requiring compliance)\b", flat, maxsplit=1)[0]
    return Item(
        number=number,
        title=_shorten(title.removeprefix("RE:").strip()),
        text=_paragraphs(flat),
        decision=_building_decision(resolution.text) if resolution else None,
        resolutions=(resolution,) if resolution else (),
    )


def _docket_closed(done: re.Match[str]) -> Resolution:
    """Return the note that an appeal was withdrawn, postponed or dismissed."""
    outcome = {"WITHDRAWN": "withdrawn", "POSTPONED": "postponed"}.get(done["word"], "lost")
    return Resolution(text=done.group(0), outcome=outcome)


def _building_motion(flat: str) -> Resolution | None:
    """Return the board's motion on an appeal, with mover, seconder and votes."""
    resolved = _BBS_RESOLVED_RE.search(flat)
    if resolved is None:
        return None
    movers = _BBS_MOVER_RE.search(flat)
    votes_for, against = _named_votes(flat)
    lost = votes_for is not None and against is not None and against > votes_for
    return Resolution(
        text=resolved.group(0).strip(),
        outcome="lost" if lost else "carried",
        votes_for=votes_for,
        votes_against=against,
        mover=person_name(movers["who"]) if movers else None,
        seconder=person_name(movers["by"]) if movers else None,
    )


def _building_decision(wording: str) -> str | None:
    """Return what the board decided, in its capitals ("Remanded", "Denied")."""
    decided = dict.fromkeys(m.group(0).capitalize() for m in _BBS_DECISION_RE.finditer(wording))
    return ", ".join(decided) or None
