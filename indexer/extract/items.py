"""Split minutes text into numbered items, in whatever numbering the council uses."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from indexer.trace import note

_TITLE = r"(?P<title>[A-Z0-9\"“'‘(£][^\n]+?)"
# Roman numerals I to XXXIX, as agendas number their parts ("VII.").
_ROMAN = r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})"
# A file number opening a paragraph: "(05-003)", "(*10-029 CC/*10-01 CIC)", "98-3478", "R2018-077".
FILE_NUMBER = re.compile(
    r"^[ \t]*(?:\((?P<bracketed>\*?\d{2,4}-\d{2,5}[A-Z]?(?:[ \t/]+\*?[A-Z0-9][A-Z0-9-]*)*)\)"
    r"|(?P<bare>[A-Z]{0,3}\d{2,4}-\d{3,5}))[ \t]+(?=\S)"
)
# Each numbering style: a heading line with the number as printed and a title, or the number
# alone on its line with the title on the next ("285." / "Apologies", "VII." / "Old Business").
STYLES: dict[str, re.Pattern[str]] = {
    # "5. Budget", "338.1 Capital", "1.0", "5 Budget": without a dot, at most three digits (not
    # "1600 Blake Street", a cheque number or a year); "10.Approve" where PDF text lost the space.
    "dotted": re.compile(
        r"^[ \t]*(?P<number>\d{1,4}(?:\.\d{1,2})*\.|\d{1,4}(?:\.\d{1,2})+|\d{1,3}[A-Za-z]?)"
        rf"(?:(?:[ \t]+|(?<=\.)(?=[A-Z][a-z])){_TITLE})?[ \t]*$"
    ),
    "roman": re.compile(rf"^[ \t]*(?P<number>{_ROMAN})\.(?:[ \t]+{_TITLE})?[ \t]*$"),
    "lettered": re.compile(rf"^[ \t]*\*?(?P<number>[A-Z])\.(?:[ \t]+{_TITLE})?[ \t]*$"),
    # "77/21 Bus Depot", "PL03/24.1 Welcome", "PL/23/045 Apologies", and minute numbers that
    # carry the meeting's date and the item ("16/09/6/1", "16/09/6/18vii": year/month/day/item
    # and a sub-item).
    "slash": re.compile(
        r"^[ \t]*(?P<number>(?:[A-Z]{1,4}/)?[A-Z]{0,4}\d{1,4}/\d{1,4}(?:/\d{1,4}){0,3}[a-z]{0,4}"
        rf"(?:\.\d{{1,2}})?)\.?[ \t]*[-–:]?[ \t]+{_TITLE}[ \t]*$"
    ),
    # "Minute 151: Licensing", "ITEM 5 Planning", "Agenda Item No. 38" (the word is not the number)
    "minute": re.compile(
        r"^[ \t]*Min(?:ute)?\.?[ \t]+(?:No\.?[ \t]*)?(?P<number>\d{1,4}(?:/\d{2,4})?)"
        rf"(?:[ \t]*[:.\-–]?[ \t]+{_TITLE})?[ \t]*$",
        re.IGNORECASE,
    ),
    "item": re.compile(
        r"^[ \t]*(?:Agenda[ \t]+)?Item[ \t]+(?:No\.?[ \t]*)?(?P<number>\d{1,3}[A-Za-z]?)"
        rf"(?:[ \t]*[:.\-–]?[ \t]+{_TITLE})?[ \t]*$",
        re.IGNORECASE,
    ),
    # Minutes numbered on through the council's year, four figures with no dot ("1001
    # Apologies", "1002 Public Participation"): items only as a run of numbers one after the
    # other (see _headings), never one alone ("1600 Blake Street", a year, a cheque).
    "running": re.compile(rf"^[ \t]*(?P<number>\d{{4}})[ \t]+{_TITLE}[ \t]*$"),
    # Minute numbers after the body's initials, running through its year like the above:
    # "*DM&L.45 APOLOGIES" (the star: decided under delegated powers), "CAB 12 Budget".
    "prefixed": re.compile(
        r"^[ \t]*\*?(?P<number>(?!(?:ITEM|MIN|MINUTE|NO|PAGE|ROOM|FLAT|UNIT)\b)[A-Z][A-Z&]{1,5}"
        rf"(?:\.[ \t]?|[ \t])\d{{1,4}})[ \t]*[:.\-–]?[ \t]+{_TITLE}[ \t]*$"
    ),
}
_RUNNING_LEAST = 3  # headings a run of four-figure minute numbers needs
# A page break a text extraction marked with a line of its own: "--- PAGE 5 ---", "[Page 5]",
# "Page 5 of 12".
PAGE_MARKER = re.compile(
    r"^[ \t]*(?:-{2,}|={2,}|\[)?[ \t]*Page[ \t]+\d+(?:[ \t]+of[ \t]+\d+)?"
    r"[ \t]*(?:-{2,}|={2,}|\])?[ \t]*$",
    re.IGNORECASE,
)
_ROMAN_ALONE = re.compile(rf"^[ \t]*{_ROMAN}\.[ \t]*$")
# Each style as `parse --explain` names it.
STYLE_RULES = {
    "dotted": "numbered heading (5. / 5.1)",
    "roman": "Roman numbered heading (VII.)",
    "lettered": "lettered heading (B.)",
    "slash": "minute number with its year (77/21)",
    "minute": "'Minute N' heading",
    "item": "'Item N' heading",
    "running": "minute number running through the year (1001 Apologies)",
    "prefixed": "minute number after the body's initials (DM&L.45)",
}
_RUNS = ("running", "prefixed")  # styles whose numbers run on through a year
_FILE_RULE = "file number opening a paragraph ((24-102) Title)"
_GAP_RULE = "numbered paragraph where the outline lacks a number"
_SUB_RULE = "sub-item lettered in sequence (6(a), 5A)"
# Styles whose numbers must follow an outline (1, 2, 2.1, 3 or I, II, III or A, B, C).
OUTLINED = ("dotted", "roman", "lettered", "running")
# Sub-items: "6(a) Bus Depot", "(b) Appeals", "4-A Minutes", "5A Minutes", "8.a. Report",
# "B. Report", "b. Report".
SUB_STYLE = re.compile(
    r"^[ \t]*\*?(?P<number>\d{1,3}[ \t]?\([a-zA-Z]{1,3}\)|\([a-zA-Z]{1,3}\)|\d{1,3}-[A-Za-z]\b|"
    rf"\d{{1,3}}\.?[A-Za-z]\.?|[A-Za-z]\.)[ \t]+{_TITLE}[ \t]*$"
)
# An entry of a list that says there is nothing: "a. None", "(a) Nil".
_NOTHING = re.compile(r"^(?:none|nil|n/a|nothing)\W*$", re.IGNORECASE)
# A sub-item's letter alone on its line, its title on the next ("D." / "Hop Cost Share").
_SUB_ALONE = re.compile(r"^[ \t]*\*?(?P<number>[A-Z]\.|\d{1,3}-[A-Z])(?P<title>)[ \t]*$")
# An initial and a surname, as lists of names print them ("A. Hopkins", "A. Hopkins Mayor J.
# Morgan" where a table's cells ran together): no sub-item.
_INITIAL_AND_NAME = re.compile(
    r"^[ \t]*[A-Z]\.[ \t]+[A-Z][\w'’-]+(?:[ \t]*$|[ \t]+(?:[A-Z][\w'’-]+[ \t]+)?[A-Z]\.[ \t])"
)
CAPS_HEADING = re.compile(
    r"^[ \t]*(?P<title>[A-Z][A-Z0-9 ,&'’/()\-–.]{3,90}[A-Z0-9)])[ \t]*:?[ \t]*$"
)
# The label that opens the record of what was done on an item: "MINUTES: None."
_MINUTES_LABEL = re.compile(r"^(?:Minutes|MINUTES)[ \t]*[:;]")  # ";": a colon misread
# A capital heading run in before a dash: "RECESS — The Council recessed at 8 pm".
SECTION_RUN_IN = re.compile(
    r"^(?P<title>[A-Z][A-Z &'’/()]{3,50}[A-Z)])(?:[ \t]*[—–]+|[ \t]+-+)[ \t]*(?=[A-Z])"
)
# A capital heading with the name of who gave it run in: "PLEDGE OF ALLEGIANCE Frida Ramirez",
# "INVOCATION: Pastor Neil Cross", "WORDS OF INSPIRATION Rabbi Sharon Sobel, Temple Beth".
_NAME_RUN_IN = re.compile(
    r"^(?P<title>[A-Z][A-Z &'’/()]{3,50}[A-Z)]):?[ \t]+"
    r"(?:(?:Pastor|Rabbi|Reverend|Rev\.|Father|Imam|Dr\.?|Mr\.?|Mrs\.?|Ms\.?)[ \t]+)?"
    r"[A-Z][a-z'’]+(?:[ \t]+(?:[A-Z]\.|[A-Z][a-z'’-]+)){1,3}(?:,.*)?$"
)
# A section's heading: a few words in capitals, without figures or commas ("PUBLIC COMMENTS",
# "ADDITIONS/DELETIONS TO THE AGENDA"); not a running head, a date or a list of names.
SECTION_TITLE = re.compile(r"^[A-Z][A-Z &'’/()\-–]{3,50}[A-Z)]:?$")
BLOCK_LABEL = re.compile(r"^[ \t]*(?P<label>Minutes|Decisions?)[ \t]*:[ \t]*$", re.IGNORECASE)
# Capitals that are labels in the minutes, never item headings.
_NOT_HEADINGS = re.compile(
    r"^(?:RESOLVED|AGREED|ORDERED|DECISION|MINUTES?|PRESENT|ALSO PRESENT|"
    r"IN ATTENDANCE|OFFICERS.*|MEMBERS PRESENT|ROLL CALL|ATTENDANCE|"
    r"CARRIED|LOST|NOTED|DRAFT|CONFIRMED|"
    r"RESULT|MOTION|SECOND(?:ED)?|MOVED|AYES|NAYS|NOES|YEAS|ABSTAIN(?:ED|ING)?|"
    r"APPROVED|ADOPTED|PASSED|FAILED|WITHDRAWN|DEFERRED|"
    r".*\bCOUNCIL|MINUTES OF (?!THE (?:PREVIOUS|LAST) MEETING).*|.*\bCOMMITTEE|CABINET"
    r"|(?:CITY|TOWN|PORT|COUNTY|VILLAGE|TOWNSHIP|BOROUGH|MUNICIPALITY) OF .*)$"
)
# Where a run-in title ends and the paragraph goes on: "Apologies. None were received",
# "War Memorial - The Clerk reported", "Matters Arising: none".
_RUN_IN_END = re.compile(
    r"(?<!\b[A-Z])(?<!\bNo)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bInc)(?<!\bLtd)"
    r"(?:\.[ \t]+(?=[A-Z])|:[ \t]+(?=[A-Za-z])|[ \t][-–—][ \t]+(?=[A-Z]))"
)
# A month after a number: the line is a date, not an item ("10 June 2020").
_DATE_TITLE = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:[ \t,]+\d{2,4})?[ \t]*$"
)
# A numbered line that reports who spoke ("3. Jane Doe spoke regarding parking"): an entry in a
# list of speakers inside an item, not an item's title.
_REPORTS_SPEECH = re.compile(
    r"^(?:[A-Z][\w.'’-]*[ \t]+){1,4}(?:spoke|stated|said|expressed|thanked|urged|"
    r"congratulated|commented|voiced|inquired|questioned|encouraged|introduced|reported"
    r"|explained|advised|asked|informed|outlined|updated|moved|seconded)\b"
)
# A numbered paragraph that records the decision: "13.2 RESOLVED - That the application ...".
_DECISION_PARAGRAPH = re.compile(r"^(?:RESOLVED|AGREED|DECISION|ORDERED)\b(?![ \t]*$)")
# A resolution or ordinance by its number, titled by what it does.
_LEGISLATION = re.compile(
    r"^(?:RESOLUTION|ORDINANCE|Resolution|Ordinance)(?:[ \t]+No\.?)?[ \t]+[A-Z]{0,3}[\d-]{2,}\b"
)
# A number's line that goes on a sentence about it: "29 WAS PULLED FOR SEPARATE DISCUSSION".
_GOES_ON = re.compile(r"^(?:was|were|is|are|has|have|had|will|shall)\b", re.IGNORECASE)
_RUN_IN_WORDS = 12  # a run-in title is a short phrase


@dataclass(frozen=True)
class RawItem:
    """An item as cut from the text, before speakers and decisions are read from it."""

    number: str
    title: str
    body: str
    minutes: str | None = None
    decision: str | None = None


class _Lines(list[str]):
    """A text's lines, knowing which of them start a paragraph."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__(lines)
        self.dense = _is_dense(lines)
        self.starts = _paragraph_starts(lines, self.dense)


def _is_dense(lines: list[str]) -> bool:
    """Tell text whose paragraphs lost their blank lines (PDF text extracted line by line)."""
    filled = sum(1 for line in lines if line.strip())
    return filled >= _DENSE and (len(lines) - filled) * _DENSE < filled


def _paragraph_starts(lines: list[str], dense: bool) -> frozenset[int]:
    """Return the lines that start a paragraph: after a blank line or a block label, and, in
    dense text, after a line that ends a sentence, stops short of the margin or is in capitals,
    and a line that opens with a label ("Recommended Action: ...")."""
    starts = {i for i in range(len(lines)) if i == 0 or not lines[i - 1].strip()}
    starts |= {i + 1 for i, line in enumerate(lines) if BLOCK_LABEL.match(line)}
    starts |= {i + 1 for i, line in enumerate(lines) if PAGE_MARKER.match(line)}
    if not dense:
        return frozenset(starts)
    filled = sorted(len(line.strip()) for line in lines if line.strip())
    margin = filled[len(filled) * 3 // 4] * _SHORT
    for index, line in enumerate(lines[:-1]):
        text = line.strip()
        if ENDS_SENTENCE.search(text) or len(text) < margin or _in_capitals(text):
            starts.add(index + 1)
    starts |= {i for i, line in enumerate(lines) if _LABELLED.match(line)}
    return frozenset(starts)


def _same_case(title: str, following: str) -> bool:
    """Tell whether a line is set like the title it may continue: both mostly in capitals
    ("ANNUAL REPORT (Agenda item 4)" is not continued by "In respect of ...") or neither."""
    return _mostly_capitals(title) == _mostly_capitals(following)


def _mostly_capitals(text: str) -> bool:
    """Tell whether most of a line's letters are capitals."""
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) * 2 > len(letters)


def _in_capitals(text: str) -> bool:
    """Tell a line in capitals ("CONSENT CALENDAR") from one in mixed case."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


_FULL_CAPITALS = 40  # a line in capitals this long is a title running on, not a heading
_DENSE = 15  # fewer than one blank line in this many lines: the paragraphs lost their breaks
_SHORT = 0.6  # a line shorter than this share of a full line ends its paragraph
# The end of a sentence or a lead-in at a line's end: "... approved.", "as follows:".
ENDS_SENTENCE = re.compile(r"[.:;!?][\"”’')]?$")
# A line that opens with a label and its colon: "Department(s): Library", "MOTION: ...".
_LABELLED = re.compile(r"^[ \t]*[A-Z][\w()' \t]{0,30}:[ \t]")


@dataclass(frozen=True)
class _Heading:
    line: int
    number: str
    title: str
    title_lines: int  # lines the heading takes, the title line included
    rule: str = ""  # how it was found, for `parse --explain`


def split_items(text: str) -> tuple[str, list[RawItem]]:
    """Return the text before the first item, and the items."""
    lines = _Lines(unglue_headings(unrun(text).replace("\f", "\n")).split("\n"))
    headings = _headings(lines)
    if not headings:
        return text, []
    preamble = "\n".join(lines[: headings[0].line])
    items = []
    for index, heading in enumerate(headings):
        end = headings[index + 1].line if index + 1 < len(headings) else len(lines)
        body = "\n".join(lines[heading.line + heading.title_lines : end]).strip("\n")
        items.append(item := _item(heading, body))
        note("item", f"{item.number} {item.title}".strip(), heading.rule, lines[heading.line])
    return preamble, items


# A line that is one word in capitals, long enough to be words a PDF ran together.
_GLUED_LINE = re.compile(r"^([ \t]*)([A-Z]{10,40})([ \t]*:?[ \t]*)$", re.MULTILINE)


def unglue_headings(text: str) -> str:
    """Put back the spaces a PDF's text lost in a heading in capitals ("COUNCILCOMMENTS"),
    when the word splits into two or three words the document prints elsewhere."""
    if not _GLUED_LINE.search(text):
        return text
    vocabulary = {w.upper() for w in re.findall(r"[A-Za-z]{3,}", text)}

    def split(match: re.Match[str]) -> str:
        words = _segment(match.group(2), vocabulary, 3)
        return f"{match.group(1)}{' '.join(words)}{match.group(3)}" if words else match.group(0)

    return _GLUED_LINE.sub(split, text)


def _segment(glued: str, vocabulary: set[str], parts: int) -> list[str] | None:
    """Split ``glued`` into at most ``parts`` words of ``vocabulary``, at least two."""
    for cut in range(len(glued) - 3, 2, -1):  # the longest first word first
        head, rest = glued[:cut], glued[cut:]
        if head not in vocabulary:
            continue
        if rest in vocabulary:
            return [head, rest]
        if parts > 2 and (tail := _segment(rest, vocabulary, parts - 1)):
            return [head, *tail]
    return None


# Items run together on one line, each number the next: "1. INVOCATION. 2. PLEDGE OF
# ALLEGIANCE. 3. APPROVAL OF MINUTES ..." (summary minutes typed as one paragraph), or an item
# and its first sub-items: "9. Finance 9.1 Accounts. 9.1.1 Cash Book - The Clerk ...".
_RUN_START = re.compile(r"^[ \t]*(?P<number>\d{1,3}(?:\.\d{1,2})*)\.?[ \t]+[A-Z]")
# A later number: after a sentence "N." or "N.N", straight after a short title only "N.N".
_RUN_NEXT = re.compile(
    r"(?:(?<=[.;:!?])[ \t]+(?P<number>\d{1,3}(?:\.\d{1,2})*)\.|"
    r"[ \t]+(?P<sub>\d{1,3}(?:\.\d{1,2})+)\.?)[ \t]+(?=[A-Z])"
)
_RUN_TITLE_WORDS = 6  # a sub-item straight after its parent's title: "7. Reports 7.1 Chairman"


def unrun(text: str) -> str:
    """Put items run together on one line on lines of their own, when the line starts with an
    item number and the numbers after it follow on one by one."""
    return "\n".join(_unrun_line(line) for line in text.split("\n"))


def _unrun_line(line: str) -> str:
    start = _RUN_START.match(line)
    if not start:
        return line
    last, cuts = _outline(start.group("number")), [0]
    for found in _RUN_NEXT.finditer(line):
        number = found.group("number") or found.group("sub")
        inside = found.group("sub") and not _punctuated(line, found.start())
        if inside and not _short_title(line[cuts[-1] : found.start()]):
            continue  # a number inside a sentence: "changes to section 4.1 Data"
        if _step(last, _outline(number)) == 0:
            cuts.append(found.start())
            last = _outline(number)
    if len(cuts) == 1:
        return line
    return "\n\n".join(line[a:b].strip() for a, b in pairwise([*cuts, len(line)]))


def _short_title(text: str) -> bool:
    """Tell a numbered title of a few words ending in a capitalised word ("7. Reports")."""
    title = re.sub(r"^[ \t]*\d[\d.]*[ \t]*", "", text).strip()
    words = title.split()
    sentence = re.search(r"[.:;!?](?:\s|$)", title)
    return 0 < len(words) <= _RUN_TITLE_WORDS and words[-1][0].isupper() and not sentence


def _punctuated(line: str, at: int) -> bool:
    """Tell whether the text before ``at`` ends a sentence."""
    return line[:at].rstrip().endswith((".", ";", ":", "!", "?"))


# What a heading's title ends with that is not part of it: "INVOCATION.", "Clerk's Report -".
_TITLE_END = re.compile(r"(?<=[A-Z)])\.$|[ \t]+[-–—]$")


def _item(heading: _Heading, body: str) -> RawItem:
    """Cut an item's body into its agenda text and its Minutes: and Decision: blocks."""
    blocks = _blocks(body)
    return RawItem(
        number=heading.number.rstrip("."),
        title=_TITLE_END.sub("", heading.title),
        body="\n\n".join(part for part in blocks.values() if part),
        minutes=blocks.get("minutes"),
        decision=blocks.get("decision"),
    )


def _blocks(body: str) -> dict[str, str]:
    """Return the body's parts keyed "agenda", "minutes" and "decision"."""
    parts: dict[str, list[str]] = {"agenda": []}
    current = "agenda"
    for line in body.split("\n"):
        if label := BLOCK_LABEL.match(line):
            current = "minutes" if label.group("label").lower() == "minutes" else "decision"
            parts.setdefault(current, [])
            continue
        parts[current].append(line)
    return {key: "\n".join(value).strip() for key, value in parts.items()}


def _headings(lines: _Lines) -> list[_Heading]:
    """Find item headings in the numbering style the document uses most."""
    by_style = {name: _find(lines, name) for name in STYLES}
    by_style["dotted"] += _file_headings(lines, by_style["dotted"])
    for name in OUTLINED:
        ordered = sorted(by_style[name], key=lambda h: h.line)
        by_style[name] = _increasing(ordered, _restarts(lines, ordered))
    style = max(by_style, key=lambda name: len(by_style[name]))
    found = by_style[style]
    while style in _RUNS and not _one_after_another(found):
        by_style.pop(style)
        style = max(by_style, key=lambda name: len(by_style[name]))
        found = by_style[style]
    if not found or (style in ("roman", "lettered") and len(found) < 2):
        return _caps_headings(lines)
    if style == "dotted":
        found = _fill_gaps(lines, found)
    numbered = sorted(found + _find_sub(lines, found), key=lambda h: h.line)
    return sorted(numbered + _section_headings(lines, numbered), key=lambda h: h.line)


def _one_after_another(headings: list[_Heading]) -> bool:
    """Tell a run of minute numbers: enough of them, half or more one more than the last."""
    numbers = [int(re.findall(r"\d+", h.number)[-1]) for h in headings]
    steps = sum(1 for a, b in pairwise(numbers) if b == a + 1)
    return len(numbers) >= _RUNNING_LEAST and steps * 2 >= len(numbers) - 1


def _fill_gaps(lines: _Lines, chain: list[_Heading]) -> list[_Heading]:
    """Add the numbered paragraphs whose numbers the outline lacks, in order between two of its
    headings ("8. Fly Infestation The Clerk noted ..." between 7.6 and 9): the numbering says
    they are items, their opening words are their titles."""
    taken = {h.line for h in chain}
    spare = [h for h in _paragraph_headings(lines) if h.line not in taken]
    bounds: list[_Heading | None] = [None, *chain, None]
    filled = []
    for before, after in pairwise(bounds):
        last = _outline(before.number) if before else (0,)
        start, end = before.line if before else -1, after.line if after else len(lines)
        for heading in (h for h in spare if start < h.line < end):
            outline = _outline(heading.number)
            if _step(last, outline) == 0 and (
                after is None or _step(outline, _outline(after.number)) is not None
            ):
                filled.append(heading)
                last = outline
    return sorted(chain + filled, key=lambda h: h.line)


def _paragraph_headings(lines: _Lines) -> list[_Heading]:
    """Return numbered paragraphs, after a blank line or a finished sentence, with a title of
    their own or titled by their opening words ("1. Apologies for absence Apologies were
    received from ..." -> 1, "Apologies for absence")."""
    found = []
    for index, line in enumerate(lines):
        match = STYLES["dotted"].match(line) if _paragraph_start(lines, index) else None
        if not match or not match["title"]:
            continue
        if heading := _heading(lines, index, match["number"], match["title"]):
            found.append(replace(heading, rule=_GAP_RULE))
        elif title := _opening_words(match["title"]):
            found.append(_Heading(index, match["number"], title, 0, _GAP_RULE))
    return found


def _opening_words(text: str) -> str | None:
    """Return the heading a paragraph opens with, the words before its first sentence begins
    ("Fly Infestation The Clerk noted" -> "Fly Infestation", "Accounts were paid" -> "Accounts")."""
    if _REPORTS_SPEECH.match(text):
        return None
    words = text.split()
    if not words or _SENTENCE_OPENER.fullmatch(words[0]):
        return None
    for count in range(1, min(len(words), _RUN_IN_WORDS + 1)):
        if _sentence_begins(words, count):
            return _tidy(" ".join(words[:count])).rstrip(" -–—:.•")
    return None


def _sentence_begins(words: list[str], at: int) -> bool:
    """Tell whether a sentence begins at ``words[at]``, after a heading's words."""
    word, following = words[at - 1], words[at]
    after = words[at + 1] if at + 1 < len(words) else ""
    ended = re.search(r"[:.]$", word) and not _ABBREVIATION.fullmatch(word)
    if ended or following in "-–—•":
        return True  # "Apologies for Absence received from: Cllr ...", "Update • Stumps"
    if _AUXILIARY.fullmatch(following):
        return True
    if not following[0].isupper() or _MINOR_WORD.fullmatch(word):
        return False
    return bool(_SENTENCE_OPENER.fullmatch(following)) or (
        word.islower() and after.islower() and not _MINOR_WORD.fullmatch(after)
    )


# Words that open a sentence, not a heading: "Fly Infestation The Clerk noted".
_SENTENCE_OPENER = re.compile(
    r"The|A|An|It|This|That|These|There|He|She|They|We|No|All|Cllrs?\.?|Councillors?|Members"
)
# A verb that goes on from the subject: "Accounts were presented" -> "Accounts".
_AUXILIARY = re.compile(r"was|were|is|are|has|had|have|will|would|could|should|did|being")
# A word ended by a full stop that does not end a sentence: "Cllr.", "No.", "A."
_ABBREVIATION = re.compile(r"[A-Z]\.|(?:No|Mr|Mrs|Ms|Dr|St|Cllr|Inc|Ltd|Rd|Nos)\.")
# Short words a heading's capitalised words may follow: "Footpath near Mill Lane".
_MINOR_WORD = re.compile(
    r"of|and|or|to|for|on|in|at|by|from|with|the|a|an|near|re|regarding|about|between|"
    r"opposite|outside|behind|into|via|per|including|&",
    re.IGNORECASE,
)


def _find(lines: _Lines, style: str) -> list[_Heading]:
    """Return the lines that are headings in one numbering style."""
    pattern = STYLES[style]
    # A letter after a finished sentence is as often a list inside an item ("A. ... B. ...")
    # as a heading; a number or a Roman numeral there starts a heading whose blank line the
    # text lost; so does a Roman numeral alone on its line ("I." / "CALL TO ORDER").
    starts = _after_break if style == "lettered" else _paragraph_start
    found = []
    for index, line in enumerate(lines):
        alone = style == "roman" and _ROMAN_ALONE.match(line)
        match = pattern.match(line) if alone or starts(lines, index) else None
        if match and (heading := _heading(lines, index, match["number"], match["title"])):
            rule = f"{STYLE_RULES[style]}, {heading.rule}" if heading.rule else STYLE_RULES[style]
            found.append(replace(heading, rule=rule))
        elif alone and match:
            found.append(_Heading(index, match["number"], "", 1))  # over no title: see below
    return _displaced(lines, found) if style == "roman" else found


def _displaced(lines: _Lines, found: list[_Heading]) -> list[_Heading]:
    """Put back numerals a PDF's layout moved off their headings. Where most numerals alone on
    their line are over a title set one way, in capitals ("V." / "PUBLIC PARTICIPATION") or
    as a title ("VIII." / "Audit Committee Report"), one over a sentence or a list of names
    ("VI." / "Doug Greg stated he was ...", "VII." / "Andrea Brandes" / "Curtis Chong") is the
    numeral of the next heading set that way before the next numeral: the text between is the
    earlier item's."""
    alone = [h for h in found if _ROMAN_ALONE.match(lines[h.line])]
    capitals = [h for h in alone if h.title and _mostly_capitals(h.title)]
    titled = [h for h in alone if h.title and not _mostly_capitals(h.title)]
    set_as = max(capitals, titled, key=len)
    if len(set_as) * 2 <= len(alone):
        return [h for h in found if h.title]
    in_capitals = set_as is capitals
    moved = []
    bounds = [h.line for h in found[1:]] + [len(lines)]
    for heading, end in zip(found, bounds, strict=True):
        if heading in alone and _over_text(lines, heading, in_capitals):
            start = heading.line + heading.title_lines
            below = next(
                (i for i in range(start, end) if _lone_heading(lines, i, in_capitals)), None
            )
            if below is not None:
                title = _tidy(lines[below].strip())
                rule = f"{STYLE_RULES['roman']}, its numeral moved by the layout"
                heading = _Heading(below, heading.number, title, 1, rule)
        if heading.title:
            moved.append(heading)
    return moved


# A line that may be a person's name in a list of them: "Andrea Brandes", "JD Holcom".
_NAME_LIKE = re.compile(r"^[A-Z][\w'’.]*(?:[ \t]+[A-Z][\w'’.]*){1,3}$")


def _over_text(lines: _Lines, heading: _Heading, in_capitals: bool) -> bool:
    """Tell a numeral alone over text, not over its title: a sentence, a line running on to the
    next in a document whose titles are in capitals, or the first of a list of names."""
    if not heading.title or ENDS_SENTENCE.search(heading.title):
        return True
    after = heading.line + heading.title_lines
    if in_capitals:
        return not _mostly_capitals(heading.title) and bool(_line(lines, after))
    following = [_line(lines, i) for i in range(after, after + 2)]
    return all(_NAME_LIKE.match(f) for f in (heading.title, *following))


def _lone_heading(lines: _Lines, index: int, in_capitals: bool) -> bool:
    """Tell a short heading on a line of its own, set as the document's numbered titles are:
    in capitals ("EXECUTIVE SESSION", "COMMITTEE REPORTS-(See Minutes)"), or as a title after
    a blank line ("External Entities Reports"); never a label ("MOTION:")."""
    text = lines[index].strip()
    if not 2 <= len(text.split()) <= 8 or text.endswith(":") or _NOT_HEADINGS.match(text):
        return False
    if in_capitals:
        return bool(
            re.match(r"[A-Z][A-Z'’&\-]+[ \t]+[A-Z][A-Z'’&\-]+\b", text)
        ) and _mostly_capitals(text)
    return (
        not _line(lines, index - 1)
        and text[0].isupper()
        and _title_case(text)
        and not ENDS_SENTENCE.search(text)
        and not _mostly_capitals(text)
    )


def _heading(lines: _Lines, index: int, number: str, title: str | None) -> _Heading | None:
    """Return the heading at ``index``, its title on the line, run in, or on the next line."""
    if title and _DATE_TITLE.match(title):
        return None  # "10 June 2020" is a date
    if title and _DECISION_PARAGRAPH.match(title):
        return None  # "13.2 RESOLVED - That ...": the decision of the item above
    if title is None:
        title, used = _next_title(lines, index)
        return _Heading(index, number, title, used) if title else None
    stopped = not re.search(r"\d\.\d", number)  # entries under a "7.13" are often sentences
    if _is_title(title, stopped) or lines.dense or title.rstrip().endswith(","):
        whole, used = _wrapped(lines, index, title)
        if _is_title(whole, stopped):
            return _Heading(index, number, _tidy(whole), used)
        if used > 1 and (run_in := _run_in(title)):
            # The line runs on into a paragraph: "III. Performance Report - Ann Lee, Manager of
            # Budget" / "gave this update. ...": the heading is the run-in title.
            return _Heading(index, number, run_in, 0, "run-in title")
        if _is_title(title, stopped):
            return _Heading(index, number, _tidy(whole), used)
    if run_in := _run_in(title):
        return _Heading(index, number, run_in, 0, "run-in title")
    return None


# A line ending an entry of a list that goes on: "... Applicant: Fred Hogenboom; and".
_LIST_GOES_ON = re.compile(r"(?:;|;?[ \t]+and)$")


def _file_headings(lines: _Lines, taken: list[_Heading]) -> list[_Heading]:
    """Return paragraphs opening with a file number, "(23-779) Title" or "98-3478 2. TITLE"."""
    lines_taken = {h.line for h in taken}
    found = []
    for index, line in enumerate(lines):
        match = FILE_NUMBER.match(line)
        if not match or index in lines_taken:
            continue
        listed = index and match["bracketed"] and _LIST_GOES_ON.search(_line(lines, index - 1))
        if not (_paragraph_start(lines, index) or listed):
            continue  # a file number in brackets may also open the next of items heard together
        rest = line[match.end() :]
        if inner := STYLES["dotted"].match(rest):
            number, title = _lettered_number(inner.group("number"), inner.group("title") or "")
            heading = _with_reference(_file_item(lines, index, number, title), match)
        elif match.group("bracketed"):
            # A file number in brackets says the paragraph is an item, whatever it opens with
            # ("(10-037) Vice Mayor Lee stated that he attended ..."): its first sentence titles it.
            number = match.group("bracketed").replace("*", "")
            title = _sentence(lines, index, rest)
            heading = _Heading(index, number, title, 0) if len(title.split()) >= 2 else None
        else:
            continue
        if heading:
            found.append(replace(heading, rule=_FILE_RULE))
    return found


def _lettered_number(number: str, title: str) -> tuple[str, str]:
    """Join a sub-item's letter printed after its item's number: "89. (C) Bids" -> "89(C)"."""
    letter = re.match(r"\((?P<letter>[A-Za-z])\)[ \t]+(?=\S)", title)
    if not letter:
        return number, title
    return f"{number.rstrip('.')}({letter['letter']})", title[letter.end() :]


def _file_item(lines: _Lines, index: int, number: str, title: str) -> _Heading | None:
    """Return the item a file number opens: its heading, or, where its text is no title, the
    item titled by its first sentence (the file number says it is an item)."""
    if heading := _heading(lines, index, number, title or None):
        return heading
    sentence = _sentence(lines, index, title)
    if len(sentence.split()) < 2 or _REPORTS_SPEECH.match(sentence):
        return None
    return _Heading(index, number, sentence, 0, "file number, first sentence as title")


def _sentence(lines: _Lines, index: int, rest: str) -> str:
    """Return the first sentence of the paragraph that starts at ``index`` with ``rest``."""
    text = rest
    for line in lines[index + 1 : index + 6]:
        if not line.strip():
            break
        text += " " + line.strip()
    sentence = _tidy(_SENTENCE_END.split(text, maxsplit=1)[0])
    return sentence if len(sentence) <= _LONGEST else sentence[:_LONGEST].rsplit(" ", 1)[0]


_LONGEST = 150  # characters of a title; a longer first sentence is cut at a word


# The full stop that ends a sentence: not one of "Inc.", "Mr.", "No.", "E. 14th Street".
_SENTENCE_END = re.compile(
    r"(?<=[a-z0-9)”\"])(?<!\b[A-Z])(?<!\bInc)(?<!\bLtd)(?<!\bCo)(?<!\bCorp)(?<!\bMr)(?<!\bMrs)"
    r"(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bAve)(?<!\bRd)(?<!\bNo)(?<!\bNos)(?<!\bJr)(?<!\bSr)"
    r"(?<!\bapprox)(?<!\betc)(?<!\bvs)\.(?:\s|$)"
)


def _paragraph_start(lines: _Lines, index: int) -> bool:
    """Tell whether a line starts a paragraph: after a blank line, a finished sentence, a
    short numbered heading (an agenda's "1. Apologies" / "2. Minutes" one a line) or a short
    heading in capitals ("SETTING DATE OF HEARINGS"); a line in capitals after a short line
    ("Against: Cr Owen" / "9.2 DROUIN RESERVE MASTER PLAN": a PDF lost the space between)."""
    before = lines[index - 1].rstrip() if index else ""
    short = len(before.strip()) < _FULL_CAPITALS
    return (
        _after_break(lines, index)
        or before.endswith((".", ":", ")"))
        or bool(len(before) < _FULL_CAPITALS * 2 and _NUMBERED_LINE.match(before))
        or (short and (_in_capitals(before) or _in_capitals(lines[index])))
    )


_NUMBERED_LINE = re.compile(r"^[ \t]*(?:\d{1,3}|[IVX]{1,5})\.[ \t]+[A-Z]")


def _run_in(text: str) -> str | None:
    """Return the heading that opens a numbered paragraph ("Apologies. None."), if it has one."""
    match = _RUN_IN_END.search(text)
    if not match:
        return None
    title = _tidy(text[: match.start()])
    if len(title.split()) > _RUN_IN_WORDS or not _is_title(title):
        return None
    return title if _title_case(title) else None


def _title_case(title: str) -> bool:
    """Tell a heading phrase ("Council Vacancy", "To Approve Payments") from a sentence."""
    significant = [w for w in re.findall(r"[A-Za-z][\w’']*", title) if len(w) > 3]
    capitals = sum(1 for w in significant if w[0].isupper())
    return not significant or capitals * 2 >= len(significant)


_UNFINISHED = re.compile(r"\b(?:and|or|of|the|to|for|with|by|a|an)$", re.IGNORECASE)


def _wrapped(lines: _Lines, index: int, title: str) -> tuple[str, int]:
    """Join a title that runs over to the next lines (a line starting in lower case, or in dense
    text a line that does not start a paragraph); return it and the lines it takes."""
    used = 1
    while (
        used < 3
        and index + used < len(lines)
        and (following := lines[index + used].strip())
        and not title.rstrip().endswith((".", ":", ";"))
        and (
            (following[0].islower() and len(lines[index + used - 1].strip()) >= 50)
            or lines[index + used - 1].rstrip().endswith(",")  # a title does not end at a comma
            or _UNFINISHED.search(title)  # nor on "and", "of", "the"
            or (lines.dense and index + used not in lines.starts and _same_case(title, following))
        )
    ):
        title, used = f"{title} {following}", used + 1
    return title, used


def _find_sub(lines: _Lines, parents: list[_Heading]) -> list[_Heading]:
    """Return sub-items lettered in sequence after an item heading ("6(a)", "(b)", "4-A"). An
    agenda may letter its sub-items on through the items ("XI." A-K, "XIII." L, M): under a
    later item the letters start again at "a" or go on from the last one read."""
    taken = {h.line for h in parents}
    found: list[_Heading] = []
    bounds = [h.line for h in parents] + [len(lines)]
    carried = None
    for parent, end in zip(parents, bounds[1:], strict=True):
        expected = {1, carried}
        for index in range(parent.line + 1, end):
            heading = _sub_heading(lines, index, parent)
            letter = _letter(heading.number) if heading else None
            if heading and index not in taken and (letter is None or letter in expected):
                found.append(heading)  # one letter may be missing: a sub-item not read
                if letter is not None:
                    expected = {letter + 1}
                    carried = letter + 1 if heading.number.rstrip(".").isalpha() else None
    return found


def _sub_heading(lines: _Lines, index: int, parent: _Heading) -> _Heading | None:
    """Return the sub-item heading at ``index`` under ``parent``, its number made whole."""
    line = lines[index]
    file_number = FILE_NUMBER.match(line)
    if file_number and _paragraph_start(lines, index):
        line = line[file_number.end() :]
    elif not (_paragraph_start(lines, index) or index == parent.line + max(parent.title_lines, 1)):
        return None  # a sub-item starts a paragraph, or the line under its item's heading
    match = SUB_STYLE.match(line) or _SUB_ALONE.match(line)
    if not match or _INITIAL_AND_NAME.match(line) or _NOTHING.match(match.group("title")):
        return None
    number = match.group("number")
    digits = re.match(r"\d+", number)
    if digits and digits.group(0) != re.sub(r"\D.*", "", parent.number):
        return None  # "7(a)" under item 6 is not its sub-item
    if number.startswith("(") and re.match(r"\d", parent.number):
        number = parent.number.rstrip(".") + number  # "(a)" under item 6 is 6(a)
    if file_number:
        heading = _file_item(lines, index, number, match.group("title"))
    else:
        heading = _heading(lines, index, number, match.group("title") or None)
    heading = replace(heading, rule=_SUB_RULE) if heading else None
    return _with_reference(heading, file_number)


def _with_reference(heading: _Heading | None, file_number: re.Match[str] | None) -> _Heading | None:
    """Keep the heading line of an item whose number follows a file number in the item's text
    ("98-3478 2. TITLE" is item 2), so that searching for "98-3478" finds it."""
    if heading is None or file_number is None:
        return heading
    return replace(heading, title_lines=0)


def _letter(number: str) -> int | None:
    """Return the place of a sub-item's letter ("6(b)" -> 2), None where it has none."""
    match = re.search(r"([A-Za-z])\)?\.?$", number)
    return ord(match.group(1).lower()) - ord("a") + 1 if match else None


def _caps_headings(lines: _Lines) -> list[_Heading]:
    """Use unnumbered headings in capitals when a document numbers nothing."""
    found = []
    for index, line in enumerate(lines):
        match = CAPS_HEADING.match(line)
        if match and _after_break(lines, index) and not _NOT_HEADINGS.match(match.group("title")):
            title = match.group("title").strip().rstrip(":")
            found.append(_Heading(index, "", title, 1, "unnumbered heading in capitals"))
    return found if len(found) >= 2 else []


def _section_headings(lines: _Lines, numbered: list[_Heading]) -> list[_Heading]:
    """Return the unnumbered sections of minutes whose items are numbered: a short heading in
    capitals standing alone ("PUBLIC COMMENTS") or run in before a dash ("RECESS — The
    Council recessed"), not a group heading over numbered items and not a label."""
    if sum(h.title.isupper() for h in numbered) * 2 > len(numbered):
        return []  # items titled in capitals: capital lines inside them are their sub-headings
    taken = {h.line + i for h in numbered for i in range(max(h.title_lines, 1))}
    return [
        heading
        for index in range(len(lines))
        if index not in taken and (heading := _section_heading(lines, index))
    ]


def _numbered(lines: _Lines, index: int | None) -> bool:
    """Tell whether the line at ``index`` opens with an item number in any style."""
    if index is None:
        return False
    line = lines[index]
    patterns = (*STYLES.values(), SUB_STYLE, FILE_NUMBER)
    return any(p.match(line) for p in patterns) or bool(re.match(r"[ \t]*\d{1,3}\.?[ \t]*$", line))


def _section_heading(lines: _Lines, index: int) -> _Heading | None:
    """Return the capital heading that starts at ``index``, if one does."""
    if not _after_break(lines, index) or _continues(lines, index):
        return None
    title, used = lines[index].strip(), 1
    following = _next_start(lines, index + 1)
    named = _NAME_RUN_IN.match(title)
    if run_in := SECTION_RUN_IN.match(title) or named:
        title, used = run_in.group("title"), 0
        if _numbered(lines, following) and _line(lines, (following or 0) - 1).endswith(":"):
            return None  # "CLOSED SESSION ITEMS — ... the following matters:" over a list
    elif not _minutes_follow(lines, index + 1):
        return None  # alone, only a heading whose text opens "Minutes:" as the items' do
    if len(title.split()) < 2 and not named:
        return None  # a word alone: a letterhead or the end of a broken line
    if not SECTION_TITLE.match(title) or _NOT_HEADINGS.match(title.rstrip(": ")):
        return None
    return _Heading(index, "", _tidy(title).rstrip(":"), used, "section heading in capitals")


def _minutes_follow(lines: _Lines, index: int, within: int = 4) -> bool:
    """Tell a heading whose record opens "Minutes:" on the next line, or after a short note
    ("COUNCIL COMMENTS" / "DISCLOSURE — If the City paid ..." / "MINUTES: Councilmember ...")."""
    for offset in range(within):
        line = _line(lines, _next_filled(lines, index) + offset)
        if _MINUTES_LABEL.match(line):
            return True
        if not line or SECTION_TITLE.match(line):
            return False
    return False


def _next_filled(lines: _Lines, index: int) -> int:
    """Return the first non-blank line at or after ``index`` (or the end)."""
    return next((i for i in range(index, len(lines)) if lines[i].strip()), len(lines))


def _line(lines: _Lines, index: int) -> str:
    """Return a line stripped, or "" past the end."""
    return lines[index].strip() if index < len(lines) else ""


def _continues(lines: _Lines, index: int) -> bool:
    """Tell a line that goes on from an unfinished one: after a comma or "and" ("COUNCILMEMBER
    X," / "MAYOR Y"), or after a long line in capitals (a resolution's title over lines)."""
    before = lines[index - 1].strip() if index else ""
    if PAGE_MARKER.match(before):
        return False
    long_capitals = _in_capitals(before) and len(before) >= _FULL_CAPITALS
    return long_capitals or bool(re.search(r"(?:[,&\-–]|\band|\bor)$", before, re.IGNORECASE))


def _next_start(lines: _Lines, index: int) -> int | None:
    """Return the first non-blank line at or after ``index`` that starts a paragraph."""
    return next(
        (i for i in range(index, len(lines)) if i in lines.starts and lines[i].strip()), None
    )


def _next_title(lines: _Lines, index: int) -> tuple[str, int]:
    """Return the title on the first non-blank line after a number alone on its line."""
    for offset in range(1, 4):
        if index + offset >= len(lines):
            break
        candidate = lines[index + offset].strip()
        if candidate:
            ok = _is_title(candidate) and not BLOCK_LABEL.match(candidate)
            return (_tidy(candidate), offset + 1) if ok else ("", 1)
    return "", 1


def _restarts(lines: _Lines, headings: list[_Heading]) -> frozenset[int]:
    """Return the headings that start a section's numbering afresh: a first number (1, A, I)
    straight under an unnumbered heading in capitals ("CEREMONIAL PRESENTATIONS" / "1. ...",
    "REGULAR AGENDA ITEMS" / "A. ..."), as minutes in parts number each part from one."""
    found = set()
    for index, heading in enumerate(headings):
        if _outline(heading.number) != (1,):
            continue
        above = next((i for i in range(heading.line - 1, -1, -1) if lines[i].strip()), None)
        if above is None or _numbered(lines, above):
            continue
        title = lines[above].strip().rstrip(":")
        if (
            SECTION_TITLE.match(title)
            and len(title.split()) >= 2
            and not _NOT_HEADINGS.match(title)
        ):
            found.add(index)
    return frozenset(found)


def _increasing(headings: list[_Heading], restarts: frozenset[int] = frozenset()) -> list[_Heading]:
    """Keep the longest run of headings that follows an outline (5, 6, 6.1, 6.2, 7): the others
    are lists inside an item (speakers 1..10, a motion's points 1..3). A heading in
    ``restarts`` may begin the numbering again after a run of two headings or more.

    Each heading's best run comes from the best run ending at a number it may follow (its
    parent 6 for 6.1; 5, 4, ... or any of their sub-items for 6), looked up by that number,
    so a document of thousands of numbered lines takes linear time, not quadratic."""
    outlines = [_outline(h.number) for h in headings]
    score: list[float] = []
    before: list[int | None] = []
    exact: dict[tuple[int, ...], int] = {}  # an outline -> the best heading with it
    under: dict[tuple[int, ...], int] = {}  # an outline's start -> the best heading starting so
    for i, outline in enumerate(outlines):
        best, link = 1.0 - _LATE_START * i, None  # a run starting late is likelier a list
        candidates = range(i) if i in restarts else _may_follow(outline, exact, under)
        for j in sorted(candidates):
            restart = i in restarts and before[j] is not None  # after a part of two or more
            step = _RESTART if restart else _step(outlines[j], outline)
            if step is not None and score[j] + 1 - step > best:
                best, link = score[j] + 1 - step, j
        score.append(best)
        before.append(link)
        if outline not in exact or best > score[exact[outline]]:
            exact[outline] = i
        for size in range(1, len(outline) + 1):
            start = outline[:size]
            if start not in under or best > score[under[start]]:
                under[start] = i
    return _chain(headings, score, before)


def _may_follow(
    outline: tuple[int, ...], exact: dict[tuple[int, ...], int], under: dict[tuple[int, ...], int]
) -> set[int]:
    """Return the best earlier heading of each number ``outline`` may follow (see _step): its
    parents, and at each depth the numbers up to _MAX_GAP + 1 below with any sub-items."""
    found = {exact[outline[:size]] for size in range(1, len(outline)) if outline[:size] in exact}
    for depth, part in enumerate(outline):
        for value in range(max(part - 1 - _MAX_GAP, 0), part):
            if (start := (*outline[:depth], value)) in under:
                found.add(under[start])
    return found


def _chain(
    headings: list[_Heading], score: list[float], before: list[int | None]
) -> list[_Heading]:
    """Return the headings on the best-scoring chain, in order."""
    if not headings:
        return []
    at: int | None = max(range(len(score)), key=lambda i: (score[i], -i))
    kept = []
    while at is not None:
        kept.append(headings[at])
        at = before[at]
    return kept[::-1]


_LATE_START = 0.5  # the cost of each heading before the one a run starts at
_RESTART = 0.5  # the cost of a part numbered afresh under its own heading
_MAX_GAP = 12  # numbers an outline may skip between two headings (withdrawn or unused items)


def _step(last: tuple[int, ...], next_: tuple[int, ...]) -> float | None:
    """Return the cost of ``next_`` following ``last`` in an outline, or None if it cannot."""
    if next_[: len(last)] == last and len(next_) > len(last):  # 6 -> 6.1
        return _fresh(next_[len(last) :])
    for depth in range(min(len(last), len(next_))):  # 6.2 -> 6.3, 6.3 -> 7
        if next_[:depth] != last[:depth] or next_[depth] <= last[depth]:
            continue
        gap = next_[depth] - last[depth] - 1
        fresh = _fresh(next_[depth + 1 :])
        if gap > _MAX_GAP or fresh is None:
            return None
        return 0.1 * gap + fresh + (0.5 if len(next_) > depth + 1 else 0.0)  # 4 -> 5.1: no 5
    return None


def _fresh(parts: tuple[int, ...]) -> float | None:
    """Return the cost of opening sub-levels at ``parts`` (1, or a little more), or None."""
    skipped = sum(part - 1 for part in parts)
    return None if skipped > 2 else 0.1 * skipped


def _outline(number: str) -> tuple[int, ...]:
    """Return a number as an outline: "8.1.3" -> (8, 1, 3), "1.0" -> (1,), "5A" -> (5, 1)."""
    if re.fullmatch(_ROMAN + r"\.?", number):
        return (_roman(number.rstrip(".")),)
    if re.fullmatch(r"[A-Z]\.?", number):
        return (ord(number[0]) - ord("A") + 1,)
    if file_number := re.match(r"\d{2,4}-\d{2,5}[A-Z]?(?=[ \t/]|$)", number):
        number = file_number.group()  # "10-032 CC/ARRA/10-02 CIC": the council's own number
    parts = [int(p) for p in re.findall(r"\d+", number)]
    if letter := re.search(r"\d[ \t-]?\(?([A-Za-z])\)?\.?$", number):
        parts.append(ord(letter.group(1).lower()) - ord("a") + 1)
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts) or (0,)


def _roman(numeral: str) -> int:
    """Return the value of a Roman numeral ("XIV" -> 14)."""
    values = [{"I": 1, "V": 5, "X": 10}[c] for c in numeral]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


def _after_break(lines: _Lines, index: int) -> bool:
    """Tell whether a line starts a paragraph (see ``_paragraph_starts``)."""
    return index in lines.starts


def _is_title(title: str, stopped: bool = True) -> bool:
    """Tell a heading's title from the first line of a numbered paragraph; ``stopped``: a
    title in title case may end with a full stop."""
    title = title.strip()
    if len(title) > 150 or _TWO_SENTENCES.search(title):
        return False  # too long, or two sentences: a numbered paragraph
    if _REPORTS_SPEECH.match(title) or _GOES_ON.match(title):
        return False
    if re.search(r"[;,]$", title):
        return False
    if not re.search(r"\.$(?<!\b[A-Z]\.)", title) or _LEGISLATION.match(title):
        return True  # "RESOLUTION R2011-001 approving a contract ...." is an item's title
    return (len(title) < 40 and title.isupper()) or (stopped and _titled_sentence(title))


def _titled_sentence(title: str) -> bool:
    """Tell a heading printed with a full stop ("Draft Minutes of the Meeting of May 2, 2023.")
    from a numbered sentence ("The budget was approved."): every word capitalised but the
    short linking ones (of, and, for, the...), the first not a sentence's opening word."""
    words = re.findall(r"[A-Za-z][\w’'-]*", title)
    lower = [w for w in words if w[0].islower() and not _MINOR_WORD.fullmatch(w)]
    return bool(words) and not lower and not _SENTENCE_OPENER.fullmatch(words[0])


# A full stop and a capital inside a title: two sentences, unless the stop ends an
# abbreviation ("Land in Ft. Lupton", "Smith Co. Contract", "Oak St. Repairs").
_TWO_SENTENCES = re.compile(
    r"(?<!\bFt)(?<!\bSt)(?<!\bMt)(?<!\bCo)(?<!\bInc)(?<!\bLtd)(?<!\bNo)(?<!\bMr)(?<!\bMrs)"
    r"(?<!\bMs)(?<!\bDr)(?<!\bJr)(?<!\bAve)(?<!\bvs)(?<=[a-z)])\.\s+[A-Z]"
)


def _tidy(title: str) -> str:
    return re.sub(r"\s+", " ", title).strip()
