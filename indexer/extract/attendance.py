"""Who was there: "Present:", "Apologies were received from A and B", "Officers", "Sederunt"."""

from __future__ import annotations

import re
from typing import NamedTuple

from indexer import trace
from indexer.extract import titles
from indexer.model import Attendance

# The members of a board by their title, in labels: "Commissioners Present", "Trustees Absent".
_BOARD_MEMBERS = (
    r"(?:commissioners|directors|trustees|supervisors|councilmembers|aldermen|selectmen|governors)"
)
# Each label that opens a list of people, and the role of the people it lists.
LABELS: tuple[tuple[str, str], ...] = (
    (r"apolog(?:y|ies)(?:\s+for\s+absence)?(?:\s+(?:were|was|had\s+been|have\s+been))?"
     r"(?:\s+(?:received|given|submitted|tendered|noted)(?:\s+and\s+(?:accepted|noted))?)?"
     r"(?:\s+from)?", "apologies"),
    (r"regrets", "apologies"),
    # French and Welsh: "Absents excusés :", "Excusés :", "Ymddiheuriadau:".
    (r"(?:membres\s+)?(?:absents?\s+)?excus[ée]e?s?|ymddiheuriadau(?:\s+am\s+absenoldeb)?",
     "apologies"),
    # Québec: "Est absente :", "Sont absents :", "Également présente :", "Sont présents :".
    (r"absents|membres\s+absents|(?:est|sont)\s+absente?s?", "absent"),
    (r"secr[ée]taire\s+de\s+s[ée]ance", "officer"),
    (r"hefyd\s+yn\s+bresennol", "also_present"),  # Welsh: "also present"
    (r"(?:[ée]galement|aussi)\s+pr[ée]sente?s?", "also_present"),
    (r"(?:[ée]taient\s+|membres\s+|(?:est|sont)\s+)?pr[ée]sente?s?"
     r"|(?:yn\s+)?(?:bresennol|presennol)", "present"),
    (r"leave\s+of\s+absence(?:\s+(?:was\s+)?granted\s+to)?", "absent"),
    (r"(?:(?:board\s+|council\s+)?members\s+absent|absent(?:\s+members)?"
     rf"|(?:{_BOARD_MEMBERS}|councillors)\s+absent)", "absent"),
    (r"substitutes?(?:\s+members?)?", "substitute"),
    (r"(?:also\s+present|also\s+in\s+attendance|also\s+attended|in\s+attendance"
     r"|others\s+present|guests(?:\s+present)?)(?:\s+were)?", "also_present"),
    (r"(?:officers?|(?:city\s+)?staff)(?:\s+(?:present|in\s+attendance))?", "officer"),
    # A roster's headings in capitals: "RTD STAFF PRESENT", "BOARD OF DIRECTORS ABSENT".
    (r"(?-i:(?:[A-Z][A-Z&.'-]*[ \t]+){1,3}STAFF[ \t]+PRESENT)(?=[ \t]*$)", "officer"),
    (r"(?-i:(?:[A-Z][A-Z&.'-]*[ \t]+){1,4}ABSENT)(?=[ \t]*$)", "absent"),
    (r"(?-i:(?:[A-Z][A-Z&.'-]*[ \t]+){1,4}PRESENT)(?=[ \t]*$)", "present"),
    (r"(?:(?:council\s+|board\s+)?members(?:\s+of\s+the\s+\w+)?\s+present|councillors\s+present"
     rf"|{_BOARD_MEMBERS}\s+present"
     r"|those\s+(?:present|attending)|present|sederunt|attendance)(?:\s+were)?", "present"),
)  # fmt: skip
# Labels that only list people (never open a heading): they need a colon or the line's end.
_COLON_ONLY = ("officer", "also_present")
# What may stand before a label on its line: an item number, a "ROLL CALL" heading.
_LEAD = r"(?:[^\n]{0,20}?\broll[ \t]+call\b[ \t]*[:.–—-]?[ \t]*|\d+[.)]?[ \t]+)"
_LABEL_RE = re.compile(
    r"(?:^[ \t]*" + _LEAD + r"?|(?P<inline>(?<=[.;)])[ \t]+))"
    r"(?:" + "|".join(f"(?P<r{i}>{p})" for i, (p, _) in enumerate(LABELS)) + r")"
    r"[ \t]*(?:\([^)\n]{1,30}\))?"  # "PRESENT (Five Councillors):-"
    # the same label in another language: "PRESENNOL / PRESENT:"
    r"(?:[ \t]*/[ \t]*(?:[A-Za-z]+[ \t]+){0,2}[A-Za-z]+)?"
    r"(?P<end>[ \t]*:-?|[ \t]*[–—][ \t]|\.(?=[ \t]+[A-Z])|\s+(?-i:(?=[A-Z][a-z]))|[ \t]*$)",
    re.IGNORECASE | re.MULTILINE,
)
# A title or office in Welsh and in English, "Cyng. / Cllr Eirian Jones (Cadeirydd / Chair)":
# the English one is kept.
_BILINGUAL_TITLE_RE = re.compile(
    r"\b(?:Cyng\.?|Cynghorydd)[ \t]*/[ \t]*(?=(?:Cllr|Councillor)\b)"
    r"|(?<=\()(?:(?:Is[- ])?[CcGg]adeirydd|Clerc|Trysorydd|Ysgrifennydd)[ \t]*/[ \t]*"
)
# Phrases that open a list of people anywhere in a sentence, read to the sentence's end.
SENTENCE_LABELS: tuple[tuple[str, str], ...] = (
    (r"apologies(?:\s+for\s+absence)?\s+(?:(?:were|was|had\s+been|have\s+been)\s+)?"
     r"(?:received|submitted|tendered|noted|given)(?:\s+and\s+(?:accepted|noted))?\s+from",
     "apologies"),
    # Scotland: "Apologies for absence were intimated on behalf of Mr A Jarvie and Mrs M Paterson."
    (r"apologies(?:\s+for\s+absence)?\s+(?:were|was)\s+intimated\s+(?:on\s+behalf\s+of|from|by)",
     "apologies"),
    (r"(?:reported|tendered|submitted|sent|gave|received|noted)\s+(?:their\s+)?apologies"
     r"(?:\s+for\s+absence)?\s+from", "apologies"),
    (r"(?:(?:board|council)\s+)?members\s+present\s+were|those\s+present\s+were", "present"),
    (r"also\s+(?:present|in\s+attendance)\s+were", "also_present"),
    (r"ymddiheuriadau\s+gan(?:\s+y)?", "apologies"),  # Welsh: "apologies from"
)  # fmt: skip
_SENTENCE_LABEL_RE = re.compile(
    "|".join(rf"\b(?P<s{i}>{p})\b[ \t]*:?" for i, (p, _) in enumerate(SENTENCE_LABELS)),
    re.IGNORECASE,
)
# A vote record ("NOES: ...", "ABSTAIN: ...") on the lines before an "ABSENT:" label.
_VOTE_LINE_RE = re.compile(
    r"^[ \t]*(?:ayes?|noes|nays?|yeas?|abstain\w*|abstentions?|for|against)\b[ \t]*[:–-]",
    re.IGNORECASE | re.MULTILINE,
)
# A roll-call answer in a transcript: "Councillor Dr Akerman: Present."
_ROLL_ANSWER_RE = re.compile(
    r"^[ \t]*(?P<name>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){1,5}):[ \t]*(?:present|here)\b"
    r"[^\n]{0,20}$",
    re.IGNORECASE | re.MULTILINE,
)
# "Councillors A and B were present.", "Director C was absent.", "Mayor D arrived at 7:10".
_STATED_RE = re.compile(
    r"(?:^|(?<=[.:]\s))(?P<names>[A-Z][^.:;\n]*(?:\n[^.:;\n]+){0,2}?)\s+"
    r"(?:(?:was|were)\s+(?P<what>present|absent|excused)|(?P<late>arrived))\b",
    re.MULTILINE,
)
# A roster of participants appended after the minutes: its title, or its first heading in
# capitals ("ROSTER OF PARTICIPANTS", "BOARD OF DIRECTORS PRESENT", "MEMBERS ABSENT").
_ROSTER_RE = re.compile(
    r"^[ \t]*(?:(?:ROSTER|RECORD)[ \t]+OF[ \t]+(?:PARTICIPANTS|ATTENDANCE)|ATTENDANCE[ \t]+ROSTER"
    r"|(?:[A-Z][A-Z&.'-]*[ \t]+){1,4}(?:PRESENT|ABSENT))[ \t]*$",
    re.MULTILINE,
)
# The first header cell of an attendee table, alone on its line: "Attendee Name".
_ATTENDEE_HEAD_RE = re.compile(r"^[ \t]*Attendee[ \t]+Name[ \t]*$", re.MULTILINE)
# An attendee's status cell; "Remote" and "Late" are present, "Excused" is absent.
_STATUS_CELL_RE = re.compile(
    r"(?i:present|remote|late|arrived\s+late|(?P<absent>absent|excused|absent\s+excused))"
)
# Other cells of an attendee table: the header, a time, a page's number.
_OTHER_CELL_RE = re.compile(
    r"(?i:title|status|arrived|departed|role)|\d{1,2}:\d{2}[ \t]*(?i:[ap]\.?m\.?)?"
    r"|(?i:page)[ \t]+\d+(?:[ \t]+of[ \t]+\d+)?"
)
_NONE_RE = re.compile(r"^\s*(?:none|nil|no\s+apologies|n/a|there\s+were\s+(?:none|no\b))", re.I)
# "Councillor X in the Chair", "The Chairman of the Council, Councillor X, in the Chair".
_CHAIR_RE = re.compile(
    rf"^[ \t]*(?:(?:The\s+)?(?:Lord\s+)?(?:{titles.PRESIDING}|Provost)"
    r"(?:\s+of\s+the\s+\w+)?\s*[,(]\s*)?"
    r"(?P<name>(?:Councillor|Cllr|Mr|Mrs|Ms|Dr|Mayor)[^\n]{2,60}?)[,)]?\s+in\s+the\s+chair",
    re.IGNORECASE | re.MULTILINE,
)
_HONORIFIC = (
    r"(?:Councillors?|Cllrs?\.?|County\s+Councillor|Council\s+Members?|Mr|Mrs|Ms|Miss|Dr|Mx"
    r"|Prof|Sir|Dame|Lord|Lady|Reverend|Rev)"
)
# Titles of members of the body; a plural one ("Councillors A and B") names each after it.
_MEMBER_TITLE = (
    r"(?:(?:County|District|Borough|Parish|Town|City|Community)\s+)?Councillors?|Cllrs?\.?"
    r"|Council\s*Members?|Councilm[ae]n|Councilwom[ae]n|Commissioners?|Alderm[ae]n"
    r"|Alderwom[ae]n|Trustees?|Supervisors?|Directors?|Board\s*Members?|Members?"
    r"|(?:Vice\s+|Deputy\s+)?Mayor(?:\s+Pro\s+Tem)?|(?:Vice[\s-]+)?President"
    rf"|(?:Vice[\s-]+)?{titles.CHAIR}|Provost|Reeve|Deputy\s+Reeve"
    r"|Cynghorydd(?:\s+Sir)?|Cynghorwyr|Cyng\.?|Conseill[eè]re?s?|Maire|Adjointe?s?"
)
# "with Mayor X presiding", "Councillor X presided": a titled name, then presiding.
_PRESIDING_RE = re.compile(
    rf"(?<![\w,])(?P<name>(?-i:(?:{_HONORIFIC}|{_MEMBER_TITLE})\.?(?:\s+[A-Z][\w'’.-]*){{1,3}}))"
    r",?\s+presid(?:ing|ed)\b",
    re.IGNORECASE,
)
# French minutes name who presided: "sous la présidence de M. Jean Dupont, Maire".
_FRENCH_CHAIR_RE = re.compile(
    r"\bsous\s+la\s+pr[ée]sidence\s+de\s+(?P<name>(?:M\.|Mme|Monsieur|Madame)\s+"
    r"[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){0,2})"
)
# Plural titles besides the shared ones, and those of guests, in Welsh and in French.
_PLURALS = (
    r"Council\s*Members", "Councilwomen", r"Board\s*Members", "Guests", "Visitors", "Cynghorwyr",
    "Conseillers", "Mesdames", "Messieurs",
)  # fmt: skip
_PLURAL_RE = re.compile(
    r"^(?P<title>(?:(?:County|District|Borough|Parish|Town|City)\s+)?"
    rf"(?:{titles.alternatives(titles.PLURAL_TITLES + _PLURALS)}))"
    r"(?:[ \t]*/[ \t]*(?:Board\s*Members|Commissioners|Directors|Councillors|Trustees))*"
    r"\s+(?=\S)",
    re.IGNORECASE,
)
# Words that make a piece an office held by a member ("Chairman", "Vice President").
_CHAIR_WORDS_RE = re.compile(
    rf"(?:the\s+)?(?:{titles.CHAIR}|presiding|cathaoirleach|convener|convenor|in\s+the\s+chair)",
    re.IGNORECASE,
)
# Job titles of officers and staff: "City Clerk", "Planning Services Manager", "Library Director".
# Besides the shared officers' titles: those of staff, police, guests and the minute taker.
_STAFF_TITLES = (
    "Co-ordinator", "Assistant", "Consultant", "Inspector", "Executive", "Staff", "PCSO",
    "Constable", "Guests?", "Visitors?", "Minute[ -]?Taker",
)  # fmt: skip
_OFFICER_TITLE_RE = re.compile(
    rf"\b(?:Clerks?|{titles.alternatives(titles.OFFICER_TITLES + _STAFF_TITLES)})\b"
    r"|(?<=\w)[ \t]+Director\b",
    re.IGNORECASE,
)
_ROLE_WORDS_RE = re.compile(
    r"(?:(?:Acting|Interim|Deputy|Vice|Assistant|Senior|Chief|Principal|First|Second|Executive"
    r"|General|Recording|the|of|and|for)\b[\s-]*)*(?:" + _MEMBER_TITLE + r")",
    re.IGNORECASE,
)
_GUEST_RE = re.compile(r"^(?:guests?|visitors?)$", re.IGNORECASE)
_PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "del", "della",
              "dos", "das", "ten", "ter", "bin", "al", "el", "st", "y", "mac", "o"}  # fmt: skip
# A word of a name: capitalised ("Ryding", "O'Boyle", "McPherson", "J.") or "deHaan".
_NAME_WORD_RE = re.compile(r"(?:[A-Z]|(?:de|van|von|da|di|du|la|le|mac)(?=[A-Z]))[\w.'’-]*")
# Words after a name that start a clause about the person, not more of the name.
_CLAUSE_RE = re.compile(
    r"\s+(?:who|which|was|were|is|arrived|left|joined|attended|attending|representing|from)\b.*",
    re.IGNORECASE | re.DOTALL,
)
_PAREN_RE = re.compile(r"\(([^)]*)\)")
_IN_THE_CHAIR_RE = re.compile(r"\s+in\s+the\s+chair\s*$", re.IGNORECASE)
_CHAIR_NOTE_RE = re.compile(
    r"(?:the\s+)?(?:chair|chairman|chairwoman|chairperson|in\s+the\s+chair)"
)
# A role after a dash or a wide gap: "Cllr D Lee - Chairman", "Frank Reid     Councillor".
_ROLE_AFTER_RE = re.compile(r"[ \t]+[-–—][ \t]+|[ \t]{3,}|[ \t]*/[ \t]*(?=Chair)")
# The members counted at the end of a roll call: "... and Mayor Johnson – 5."
_COUNT_RE = re.compile(r"\s*[-–—]\s*\d+\s*\.?\s*$")
# A bare name alone on a line: two to four capitalised words, no title ("Bill Van Meter").
_BARE_NAME_RE = re.compile(r"[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|van|von|de|da|del)){1,3}")
_BLANK_LINE_RE = re.compile(r"\n[ \t\xa0]*\n")
# A piece starting with its own title: "Mrs Sue Ryding", "Mayor Johnson", "treasurer Ray Barnes".
_TITLED_RE = re.compile(r"(?:" + _HONORIFIC + "|" + _MEMBER_TITLE + r"|PCSO|PC)\b", re.IGNORECASE)
_SUFFIX_RE = re.compile(r"(?:Jr|Sr|II|III|IV|MBE|OBE|CBE|JP|QC|KC|Esq)\.?")
# Where a list splits: commas, semicolons, "and" (French "et", Welsh "a", "ac", "a’r"), "&",
# and a closing bracket before a name.
# Between people: commas, "and" (French, Welsh too), a bracket closed, a wide gap before a
# title in a line of two columns ("Cllr R Cheadle   Cllr P Crozier").
_SPLIT_RE = re.compile(
    r"\s*(?:[,;\n•·]|\b(?:and|et|ac|a['’]r|a)\b|&|(?<=\))\s+(?=[A-Z])"
    rf"|(?<=\S)[ \t]{{3,}}(?={_HONORIFIC}\.?[ \t]+[A-Z]))\s*"
)
# A member's title after a surname starts another person: "Cllr R Cheadle Cllr P Crozier" (two
# columns a PDF ran together), never "County Councillor" or "Deputy Mayor".
_INNER_TITLE_RE = re.compile(
    r"(?<=[a-z]{2})(?<!County)(?<!District)(?<!Borough)(?<!Parish)(?<!Town)(?<!City)(?<!Deputy)"
    r"(?<!Vice)(?<!Acting)(?<!Lord)[ \t]+"
    r"(?=(?:Cllr|Councillor|Councilor|Cr|Commissioner|Trustee|Alderman|Supervisor)\.?[ \t]+[A-Z])"
)
_ROLE_NOTE_RE = re.compile(
    rf"(?P<name>(?:(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr)\.?(?:\s+(?:{titles.COURTESY})\.?)?"
    r"(?:\s+[A-Z][\w'’.-]*){1,3}|[A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z][a-zà-ÿ'’-]+){1,2}))\s*"
    r"\((?P<role>[A-Z][^)]{3,80})\)"
)
_HOLDER_NOTE_RE = re.compile(
    r"\b(?:[Tt]he\s+)?(?P<role>Mayor|Chairman|Chair|Provost|Leader)\s*\((?P<name>(?:Councillor|Cllr)"
    r"[^)]{2,60})\)"
)


class _Label(NamedTuple):
    """Where a label stands, the role of those it lists, and how its list ends."""

    start: int
    end: int
    role: str
    sentence: bool
    skip: bool = False


# The officer who signs the minutes off at their end: "Respectfully submitted, / Lara
# Weisiger, City Clerk", "Minutes taken by: Sue Pogmore, Parish Clerk".
_SIGNED_RE = re.compile(
    r"^[ \t]*(?:Respectfully\s+submitted|Submitted\s+by|Minutes\s+(?:taken|recorded|prepared)"
    r"\s+by|Recorded\s+by|Prepared\s+by)[ \t]*[,:]?\s*"
    r"(?P<name>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){1,3})[ \t]*(?:[,–-][ \t]*|\n[ \t]*)"
    r"(?P<office>(?:[A-Z][\w-]*[ \t]+){0,3}(?:Clerk|Secretary|Officer|Manager|Administrator"
    r"|Assistant|Coordinator|Director))\b",
    re.MULTILINE,
)
SIGNED_REACH = 2000  # characters at the end of a meeting in which its minutes are signed off


def signed_officer(text: str) -> Attendance | None:
    """Return the officer who signed the minutes off at their end, or None."""
    matches = list(_SIGNED_RE.finditer(text[-SIGNED_REACH:]))
    if not matches:
        return None
    match = matches[-1]
    officer = Attendance(f"{match.group('office')} {match.group('name')}", "officer")
    _explain([officer], "the officer who signed the minutes ('Respectfully submitted,')", "")
    return officer


def find_roles(text: str) -> dict[str, str]:
    """Return who holds which office, from "Councillor X (Cabinet Member for Y)" notes."""
    roles = {}
    for match in _ROLE_NOTE_RE.finditer(text):
        name = re.sub(r"\s+", " ", match.group("name")).strip()
        for role in re.sub(r"\s+", " ", match.group("role")).lower().split(","):
            role = role.strip()
            if role and not _CHAIR_NOTE_RE.fullmatch(role) and "substitut" not in role:
                roles[role] = name
    for match in _HOLDER_NOTE_RE.finditer(text):
        roles[match.group("role").lower()] = re.sub(r"\s+", " ", match.group("name")).strip()
    return roles


def roster(text: str) -> str:
    """Return the roster of participants that ``text`` ends with, or ""."""
    match = _ROSTER_RE.search(text)
    return text[match.start() :] if match else ""


def find_attendance(text: str) -> list[Attendance]:
    """Return the people each attendance label in ``text`` lists, with their roles."""
    # Word and web pages pad columns with no-break spaces ("Peter Agate\xa0 \xa0 Councillor").
    text = columns_to_lists(attendee_table_to_lists(text.replace("\xa0", " ")))
    text = _BILINGUAL_TITLE_RE.sub("", text)
    found: list[Attendance] = []
    for label, block in _lists(text, _labels(text)):
        people = _people(block, label.role)
        _explain(people, f"the label {text[label.start : label.end].strip()!r}", block)
        found.extend(people)
    for match in [*_CHAIR_RE.finditer(text), *_PRESIDING_RE.finditer(text),
                  *_FRENCH_CHAIR_RE.finditer(text)]:  # fmt: skip
        chair = Attendance(_tidy(match.group("name")), "chair")
        _explain([chair], "the chair named ('in the Chair', 'Presiding')", match.group(0))
        found.append(chair)
    surnames = {_surname(a.name) for a in found}
    more = [a for a in _stated(text) + _roll_answers(text) if _surname(a.name) not in surnames]
    _explain(more, "a sentence or roll-call answer saying so ('were present', 'Present.')", "")
    return _dedupe(found + more)


def _explain(people: list[Attendance], rule: str, evidence: str) -> None:
    for person in people:
        trace.note("attendance", f"{person.name} ({person.role})", rule, evidence)


def _labels(text: str) -> list[_Label]:
    """Return every label in ``text`` in order, dropping those inside an earlier one."""
    found = [_line_label(m, text) for m in _LABEL_RE.finditer(text)]
    found += [_sentence_label(m) for m in _SENTENCE_LABEL_RE.finditer(text)]
    kept: list[_Label] = []
    for label in sorted((f for f in found if f), key=lambda f: (f.start, -f.end)):
        if not kept or label.start >= kept[-1].end:
            kept.append(label)
    return kept


def _line_label(match: re.Match[str], text: str) -> _Label | None:
    """Read a label at a line's start (or after a sentence, when it ends with a colon)."""
    role = next(LABELS[i][1] for i in range(len(LABELS)) if match.group(f"r{i}"))
    end = match.group("end")
    colon = bool(re.search(r"[:–—]", end))
    line_end = bool(re.match(r"[ \t]*(?:\n|$)", text[match.start("end") :]))
    if (match.group("inline") and not colon) or (role in _COLON_ONLY and not colon | line_end):
        return None
    before = "\n".join(text[: match.start()].rsplit("\n", 3)[-3:])
    skip = role in ("absent", "present") and bool(_VOTE_LINE_RE.search(before))
    return _Label(match.start(), match.end(), role, not colon and not line_end, skip)


def _sentence_label(match: re.Match[str]) -> _Label:
    """Read a label inside a sentence ("... reported apologies from A and B.")."""
    index = int(next(k for k, v in match.groupdict().items() if v)[1:])
    return _Label(match.start(), match.end(), SENTENCE_LABELS[index][1], True)


def _lists(text: str, labels: list[_Label]) -> list[tuple[_Label, str]]:
    """Pair each label with its list; labels stacked over columns take the paragraphs in turn."""
    pairs: list[tuple[_Label, str]] = []
    stacked: list[_Label] = []
    for index, label in enumerate(labels):
        end = labels[index + 1].start if index + 1 < len(labels) else len(text)
        body = text[label.end : end]
        if label.skip:
            stacked = []
        elif not body.strip() and "\n" in body and index + 1 < len(labels):
            stacked.append(label)
        elif stacked and "\n" in body[: len(body) - len(body.lstrip())]:
            paragraphs = [p for p in _BLANK_LINE_RE.split(body) if p.strip()]
            stacked.append(label)
            if len(paragraphs) >= len(stacked):
                pairs += [
                    (s, _first_sentence(p, True)) for s, p in zip(stacked, paragraphs, strict=False)
                ]
            stacked = []
        else:
            stacked = []
            pairs.append((label, _block(body, label.sentence)))
    return pairs


def columns_to_lists(text: str) -> str:
    """Rewrite a table whose header cells are labels ("Present | Apologies") as labelled lists."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        cells = [c.strip() for c in lines[index].split(" | ")]
        if len(cells) < 2 or not all(_LABEL_RE.fullmatch(f"{c}:") for c in cells):
            out.append(lines[index])
            index += 1
            continue
        columns: list[list[str]] = [[] for _ in cells]
        index += 1
        while index < len(lines) and lines[index].strip():
            for column, cell in zip(columns, lines[index].split(" | "), strict=False):
                if cell.strip():
                    column.append(cell.strip())
            index += 1
        out += [
            f"{label}: {'; '.join(names)}\n" for label, names in zip(cells, columns, strict=True)
        ]
    return "\n".join(out)


def attendee_table_to_lists(text: str) -> str:
    """Rewrite an attendee table read as text (a platform's "Attendee Name | Title | Status |
    Arrived" columns, one cell a line) as labelled lists: "Present: A; B", "Absent: C"."""
    match = _ATTENDEE_HEAD_RE.search(text)
    if not match:
        return text
    names, statuses, end = _attendee_cells(text, match.end())
    if len(statuses) != len(names):
        statuses = ["present"] * len(names) if "absent" not in statuses else []
    lists = "\n".join(
        f"{label}: {'; '.join(n for n, s in zip(names, statuses, strict=True) if s == role)}"
        for label, role in (("Present", "present"), ("Absent", "absent"))
    )
    return f"{text[: match.start()]}{lists}\n\n{text[end:]}"


def _attendee_cells(text: str, start: int) -> tuple[list[str], list[str], int]:
    """Return the names and statuses of an attendee table, and where the table ends."""
    names: list[str] = []
    statuses: list[str] = []
    position = start
    for line in text[start:].split("\n"):
        cell = line.strip()
        if status := _STATUS_CELL_RE.fullmatch(cell):
            statuses.append("absent" if status.group("absent") else "present")
        elif _BARE_NAME_RE.fullmatch(cell) and not _is_role(cell):
            names.append(cell)
        elif cell and not _OTHER_CELL_RE.fullmatch(cell) and not _is_role(cell.split(",")[0]):
            break
        position += len(line) + 1
    return names, statuses, min(position, len(text))


def _block(text: str, sentence: bool) -> str:
    """Return the list that follows a label: its paragraph (or the next, when the label stands
    alone), one name a paragraph while they last, or one sentence."""
    paragraphs = [p.strip("\n") for p in _BLANK_LINE_RE.split(text.lstrip(" \t"))]
    taken, rest = paragraphs[:1], paragraphs[1:]
    if not taken[0].strip() and rest:
        taken = [rest.pop(0)]
        while rest and _one_entry(taken[-1]) and _one_entry(rest[0]):
            taken.append(rest.pop(0))
    while rest and re.search(r"(?:[,;&]|\band)\s*$", taken[-1]):  # a list going on
        taken.append(rest.pop(0))
    while rest and _name_column(taken[-1]) and _name_column(rest[0]):  # a column going on
        taken.append(rest.pop(0))
    return _first_sentence("\n".join(taken), same_line=not sentence)


def _one_entry(paragraph: str) -> bool:
    """Tell a paragraph that is one person ("Frank Reid    Councillor") from prose."""
    line = paragraph.strip()
    head = _ROLE_AFTER_RE.split(_PAREN_RE.sub("", line), maxsplit=1)[0].split(",")[0]
    short = len(re.sub(r"[ \t]{2,}", " ", line)) <= 100  # a column padded with spaces is short
    return "\n" not in line and short and _is_name(_cut_initials(head.strip())[0])


def _name_column(paragraph: str) -> bool:
    """Tell a paragraph of bare names, one a line ("Ann Oak\nBo Elm"), from a column of
    other values ("District I\nDistrict O") or prose."""
    lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
    if len(lines) < 2 or not all(_BARE_NAME_RE.fullmatch(line) for line in lines):
        return False
    return len({line.split()[0] for line in lines}) > 1


def _first_sentence(text: str, same_line: bool = False) -> str:
    """Cut ``text`` after its first full stop that is not an initial or honorific; with
    ``same_line``, only at a stop followed by more words on its line."""
    stop = r"\.(?=[ \t]+[A-Z(]|\s*$)" if same_line else r"\.(?=\s+[A-Z(]|\s*$)"
    for match in re.finditer(stop, text):
        word = text[: match.start()].rsplit(None, 1)[-1] if text[: match.start()].strip() else ""
        if len(word) > 1 and not re.fullmatch(_HONORIFIC, word, re.IGNORECASE):
            return text[: match.start()]
    return text


def split_names(text: str) -> list[str]:
    """Split "Councillors A, B and C" or a list of lines into single people."""
    return [name for name, _ in _entries(text)]


def _entries(text: str) -> list[tuple[str, str]]:
    """Split a list into (name, note): note is "chair", "officer", "guest" or ""."""
    if _NONE_RE.match(text):
        return []
    lines = [line for line in text.split("\n") if line.strip()]
    per_line = len(lines) > 1 and all(_one_person_line(line) for line in lines)
    units = lines if per_line else [re.sub(r"\s*\n\s*", " ", text)]
    entries: list[tuple[str, str]] = []
    plural = ""
    for unit in units:
        plural = _read_unit(unit, entries, plural)
    if per_line:  # one word a line is a column of a table ("Remote"), not a list of surnames
        entries = [e for e in entries if " " in e[0]]
    return entries


# A line opening with a titled person and a comma: the rest is their office, whatever its
# commas ("Mr M MacLeod, Executive Chief Officer, Infrastructure, Environment and Economy").
_TITLED_ENTRY_RE = re.compile(
    rf"^[ \t]*{_HONORIFIC}\.?[ \t]+[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){{0,3}},"
)


def _one_person_line(line: str) -> bool:
    """Tell a line holding one person (and their role) from a line of a wrapped list."""
    # a titled person, a comma and an office with no other titled person: its commas and
    # "and" are the office's
    entry = _TITLED_ENTRY_RE.match(line)
    office = entry is not None and not re.search(
        rf"\b{_HONORIFIC}\.?[ \t]+[A-Z]", line[entry.end() :]
    )
    return (
        not re.search(r"(?:[,;&]|\band)\s*$", line)
        and (office or (not re.search(r"\band\b|&", line) and line.count(",") <= 2))
        and line.count("(") == line.count(")")
        and not _ends_with_title(line)
    )


def _ends_with_title(line: str) -> bool:
    """Tell a line that ends with a title whose name is on the next line ("..., Councillor" /
    "Smith"), not with a role in a column of its own ("Peter Agate      Councillor")."""
    match = re.search(_HONORIFIC + r"\s*$", line)
    return match is not None and not re.search(r"[ \t]{3,}$", line[: match.start()])


def _read_unit(unit: str, entries: list[tuple[str, str]], plural: str) -> str:
    """Add the people of one line (or a whole list) to ``entries``; return the plural title
    ("Councillor" after "Councillors") still in force."""
    first, pending = len(entries), ""
    pieces = [p for part in _SPLIT_RE.split(unit) for p in _INNER_TITLE_RE.split(part)]
    for piece in _rejoin_parentheses(pieces):
        head, roles = _head_and_roles(_COUNT_RE.sub("", piece).strip(" \t\n,;.:"))
        head, roles = _tidy(head), [_tidy(r) for r in roles]  # the gap before a role kept
        if m := _PLURAL_RE.match(head):
            plural, head = _singular(m.group("title")), head[m.end() :]
        head = _CLAUSE_RE.sub("", head).strip()
        note = _note(" ".join(roles))
        if not head or _is_role(head):
            note = _note(" ".join([head, *roles]))
            if len(entries) > first and note and not entries[-1][1]:
                entries[-1] = (entries[-1][0], note)
            elif len(entries) == first:
                pending = note
            continue
        if not _is_name(head) or _SUFFIX_RE.fullmatch(head):
            continue
        if _TITLED_RE.match(head) or _OFFICER_TITLE_RE.search(head):
            plural = "" if not _TITLED_RE.match(head) else plural
        elif plural:
            head, note = _with_plural(plural, head, note)
        entries.append((head, note or pending or _note(head)))
        pending = ""
    return plural


def _head_and_roles(piece: str) -> tuple[str, list[str]]:
    """Part "Cllr D Lee - Chairman" or "Cllr Jo Bruce JB Chair" into name and roles."""
    head, *roles = _ROLE_AFTER_RE.split(piece)
    head, after_initials = _cut_initials(head.strip())
    return head, [r for r in (after_initials, *roles) if r.strip()]


def _cut_initials(head: str) -> tuple[str, str]:
    """Cut a name at its own initials ("Nicola Cooper NC Parish Clerk"): name, the rest."""
    words = head.split()
    for index in range(2, len(words)):
        size = len(words[index])
        own = "".join(w[0] for w in words[max(index - size, 0) : index])
        if 2 <= size <= 4 and words[index].isupper() and index >= size and own == words[index]:
            return " ".join(words[:index]), " ".join(words[index + 1 :])
    return head, ""


def _with_plural(plural: str, head: str, note: str) -> tuple[str, str]:
    """Put the list's title before a bare name: "Councillors A and B" -> "Councillor B"."""
    if _GUEST_RE.match(plural):
        return head, "guest"
    return f"{plural} {head}", note or _note(plural)


def _singular(plural: str) -> str:
    """Return "Councillor" for "Councillors", "Alderman" for "Aldermen"."""
    plural = re.sub(r"\.$", "", plural)
    if plural.lower() == "cynghorwyr":  # Welsh "councillors": its names are read bare
        return ""
    return titles.singular(plural)


def _note(roles: str) -> str:
    """Return what a role says of a person: "chair", "officer", "guest" or ""."""
    if _CHAIR_WORDS_RE.search(roles) and not re.search(r"\b(?:vice|deputy)\b", roles, re.I):
        return "chair"
    if _GUEST_RE.match(roles.strip()):
        return "guest"
    stated = _PAREN_RE.findall(roles) or [roles]  # "Ann Stewart (Secretary)"
    if _MEMBER_OFFICE_RE.fullmatch(stated[-1].strip()):
        return ""  # a member's office in a board or community council: "Kevin Ware, Secretary"
    return "officer" if _OFFICER_TITLE_RE.search(roles) else ""


# Offices a body's own members hold, never its staff's titles alone.
_MEMBER_OFFICE_RE = re.compile(
    r"(?:(?:vice|deputy|assistant)[ \t-]+)?(?:secretary|treasurer|president)"
    r"|secretary[ \t]*(?:/|and|&)[ \t]*treasurer",
    re.IGNORECASE,
)


# The last word of an organisation a person comes from: "Chief Dave Peterson, Fire Department".
_ORGANISATION_RE = re.compile(
    r"(?:Department|Dept\.?|Division|Office|Services|Authority|Agency|Association|Associates"
    r"|Inc\.?|Ltd\.?|Limited|Company|Corporation|Corp\.?|Consultants|Consulting|Engineers"
    r"|Engineering|Partnership|Foundation)"
)


def _is_role(piece: str) -> bool:
    """Tell an office or job title ("Vice President", "Parish Clerk"), or the organisation a
    person comes from ("Fire Department"), from a person."""
    bare = re.sub(r"\b(?:[IVX]+|[A-Z]{2,5})$", "", _PAREN_RE.sub("", piece)).strip()
    bare = bare.replace("/", " ")
    if not bare or _ORGANISATION_RE.fullmatch(bare.split()[-1]):
        return True
    if _ROLE_WORDS_RE.fullmatch(bare) or _CHAIR_WORDS_RE.fullmatch(bare):
        return True
    last = bare.split()[-1]
    if _ROLE_WORDS_RE.fullmatch(last) and len(bare.split()) > 1:
        return True
    return bool(_OFFICER_TITLE_RE.search(last)) or bool(re.search(r"\w[ \t]+Director$", bare))


def _is_name(piece: str) -> bool:
    """Tell a person's name (titled or not) from a phrase: every word capitalised."""
    words = _PAREN_RE.sub("", piece).split()
    if not words or len(words) > 8 or re.search(r"[\d:!?\"“”]", piece):
        return False
    return all(_name_word(w) for w in words) and any(c.isupper() for c in piece)


def _name_word(word: str) -> bool:
    """Tell a word that may stand in a name ("O'Boyle", "deHaan", "van", "clerk")."""
    if word.lower() in _PARTICLES or _ROLE_WORDS_RE.fullmatch(word):
        return True
    if _OFFICER_TITLE_RE.fullmatch(word):
        return True
    return bool(_NAME_WORD_RE.fullmatch(word)) or (word[0].isupper() and word.isalpha())


def _rejoin_parentheses(pieces: list[str]) -> list[str]:
    """Undo splits made inside brackets: "A (substitute for B, C)"."""
    joined: list[str] = []
    for piece in pieces:
        if not piece or not piece.strip():
            continue
        if joined and joined[-1].count("(") > joined[-1].count(")"):
            joined[-1] = f"{joined[-1]}, {piece}"
        else:
            joined.append(piece)
    return joined


def _people(block: str, role: str) -> list[Attendance]:
    """Return the people a label's list names, each with their role."""
    people = []
    for name, note in _entries(block):
        person_role = _role_for(role, note)
        if chaired := _IN_THE_CHAIR_RE.search(name):
            name = name[: chaired.start()]
            person_role = "chair"
        if role_holder := re.fullmatch(
            r"(?:The\s+)?(?:Mayor|Chairman|Chair|Provost)\s*\((.+)\)", name
        ):
            name = role_holder.group(1)
        notes = [n.strip() for n in ",".join(_PAREN_RE.findall(name)).lower().split(",")]
        if role in ("present", "also_present") and any(_CHAIR_NOTE_RE.fullmatch(n) for n in notes):
            person_role = "chair"
        elif "substitut" in " ".join(notes):
            person_role = "substitute"
        clean = _tidy(_PAREN_RE.sub("", name))
        if clean and len(clean) <= 80 and re.search(r"[A-Za-z]{2}", clean):
            people.append(Attendance(clean, person_role))
    return people


def _role_for(role: str, note: str) -> str:
    """Return a person's role from their list's label and what their own title says."""
    if role == "present" and note in ("officer", "guest"):
        return "officer" if note == "officer" else "also_present"
    if role == "present" and note == "chair":
        return "chair"
    return role


def _stated(text: str) -> list[Attendance]:
    """Return members said to be present, absent or arriving ("Director X was absent.")."""
    found: list[Attendance] = []
    for match in _STATED_RE.finditer(text):
        names = re.sub(r"\s+", " ", match.group("names"))
        if not _TITLED_RE.match(names) or re.search(r"\b(?!and\b)[a-z]{3,}", names):
            continue
        role = "absent" if match.group("what") in ("absent", "excused") else "present"
        said = {_surname(a.name) for a in found}
        found += [Attendance(n, role) for n, _ in _entries(names) if _surname(n) not in said]
    return found


def _roll_answers(text: str) -> list[Attendance]:
    """Return those who answered a roll call in a transcript ("Cllr X: Present.")."""
    return [
        Attendance(_tidy(m.group("name")), "present")
        for m in _ROLL_ANSWER_RE.finditer(text)
        if not _is_role(m.group("name")) and not _LABEL_RE.fullmatch(m.group("name") + ":")
    ]


def _surname(name: str) -> str:
    words = re.findall(r"[^\W\d_]+", _PAREN_RE.sub("", name).lower())
    return words[-1] if words else ""


def _tidy(name: str) -> str:
    name = re.sub(r"\s+", " ", name.replace("\xa0", " ")).strip(" .,;:-–")
    return re.sub(r"^(?:the|were|was|from)\s+", "", name, flags=re.IGNORECASE)


def _dedupe(found: list[Attendance]) -> list[Attendance]:
    """Keep one entry per person and role; a chair is not also listed as present."""
    chairs = {a.name for a in found if a.role == "chair"}
    seen: set[tuple[str, str]] = set()
    result = []
    for person in found:
        key = (person.name, person.role)
        if key in seen or (person.role == "present" and person.name in chairs):
            continue
        seen.add(key)
        result.append(person)
    return result
