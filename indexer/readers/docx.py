"""Read Word .docx files: Winnipeg "Disposition of items" tables, or any minutes as plain text.

A Winnipeg disposition is a stack of Word tables: the members present and the public service,
then one table per committee report (number, subject, disposition), the council motions
(number, mover / seconder, wording, disposition), notices of motion, by-laws, recorded votes
(subject, yeas, nays, disposition) and conflict of interest declarations. They become one
``Meeting``. Every other .docx is flattened to text and handed to the generic text parser.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from indexer.errors import UnreadableDocument
from indexer.model import Attendance, Item, Meeting, Resolution
from indexer.readers.docx_numbering import ListNumbers
from indexer.readers.text import parse_any_text

Row = list[str]
Rows = list[Row]

COUNCIL = "City of Winnipeg"
COMMITTEE = "City Council"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
# A zip bomb is refused by the sizes its directory declares, before anything is unpacked
# (Python's zipfile never unpacks a part past its declared size: a part that lies fails its
# checksum): python-docx keeps every part in memory and lxml parses the XML at several times
# its size.
MAX_DOCUMENT_XML = 64 * 2**20  # unpacked bytes of word/document.xml
MAX_UNPACKED = 128 * 2**20  # unpacked bytes of every part together
MAX_RATIO = 200  # a part over 1 MB packed tighter than this is a bomb (Word's XML: under 100)
_TITLE_WORDS = 18


def read_docx(path: Path) -> list[Meeting]:
    """Read a .docx file into meetings: a Winnipeg disposition of items, or minutes as text."""
    return read_docx_text(path)[1]


def read_docx_text(path: Path, max_chars: int | None = None) -> tuple[str, list[Meeting]]:
    """Return a .docx file's text and its meetings, opening the file once.

    :param max_chars: refuse a document with more text than this.
    """
    text, tables = _flatten(_open(path))
    if max_chars is not None and len(text) > max_chars:
        raise UnreadableDocument(
            path,
            f"the document holds {len(text) / 1e6:.1f} million characters of text, over the "
            f"limit of {max_chars / 1e6:.1f} million; split it into smaller files",
        )
    if _is_disposition(tables):
        return text, [_disposition_meeting(path, tables)]
    return text, parse_any_text(text, str(path))


def docx_text(path: Path) -> str:
    """Return the body paragraphs and tables of a .docx in document order, as plain text."""
    return _flatten(_open(path))[0]


# -- opening and flattening ------------------------------------------------------------------


def _open(path: Path) -> Any:
    """Open a .docx with python-docx, or raise UnreadableDocument saying why not."""
    _check_package(path)
    try:
        return docx.Document(str(path))
    except Exception as exc:  # python-docx and lxml raise many kinds on damaged parts
        raise UnreadableDocument(path, f"damaged Word document ({exc})") from exc


def _check_package(path: Path) -> None:
    """Raise UnreadableDocument unless ``path`` is a zip holding word/document.xml."""
    head = _first_bytes(path)
    if not head:
        raise UnreadableDocument(path, "empty file")
    if head == _OLE_MAGIC:
        reason = "not a .docx (an old .doc or a password-protected Word file); save it as .docx"
        raise UnreadableDocument(path, reason)
    if not zipfile.is_zipfile(path):
        raise UnreadableDocument(path, "not a Word document (not a zip file)")
    _check_main_part(path)


def _first_bytes(path: Path) -> bytes:
    """Return the first four bytes of a file, or raise UnreadableDocument if it cannot open."""
    try:
        with path.open("rb") as handle:
            return handle.read(4)
    except OSError as exc:
        raise UnreadableDocument(path, f"cannot open the file ({exc.strerror})") from exc


def _check_main_part(path: Path) -> None:
    """Raise UnreadableDocument unless the zip has a word/document.xml and unpacks to a sane
    size, judged by what its directory declares."""
    try:
        with zipfile.ZipFile(path) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise UnreadableDocument(path, f"damaged zip file ({exc})") from exc
    sizes = {info.filename: info.file_size for info in parts}
    size = sizes.get("word/document.xml")
    if size is None:
        raise UnreadableDocument(path, "not a Word document (the zip has no word/document.xml)")
    if size > MAX_DOCUMENT_XML:
        limit = MAX_DOCUMENT_XML // 2**20
        raise UnreadableDocument(path, f"word/document.xml unpacks to over {limit} MB")
    total = sum(sizes.values())
    if total > MAX_UNPACKED:
        raise UnreadableDocument(
            path,
            f"the Word file would unpack to {total / 2**20:,.0f} MB, over the "
            f"{MAX_UNPACKED // 2**20} MB limit (a damaged file or a zip bomb); it was not opened",
        )
    bomb = next((info for info in parts if _packed_too_tight(info)), None)
    if bomb is not None:
        ratio = bomb.file_size // max(bomb.compress_size, 1)
        raise UnreadableDocument(
            path,
            f"{bomb.filename} is packed {ratio:,} times smaller than it unpacks, as a zip bomb "
            "is; it was not opened",
        )


def _packed_too_tight(info: zipfile.ZipInfo) -> bool:
    return info.file_size > 2**20 and info.file_size > MAX_RATIO * max(info.compress_size, 1)


def _flatten(document: Any) -> tuple[str, list[Rows]]:
    """Flatten paragraphs and tables in document order, with Word's list numbers written out
    ("3.", "3.1", "(b)"): a blank line after each paragraph (Word spaces paragraphs apart; a
    text's item headings follow a break), a table's rows one a line. Return that text, and
    each table's rows without list numbers (what the disposition reader reads), every
    paragraph read once."""
    numbers = ListNumbers(document)
    blocks: list[str] = []
    tables: list[Rows] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            cells = _table_cells(block, numbers)
            rows = _cell_texts(cells, numbered=True)
            blocks.append("\n".join(_row_line(row) for row in rows if any(map(str.strip, row))))
            tables.append(_cell_texts(cells, numbered=False))
        elif isinstance(block, Paragraph):
            blocks.append(_numbered(block, numbers).rstrip())
    text = "\n\n".join(b for b in blocks if b.strip())
    return (text + "\n" if text else ""), tables


def _numbered(paragraph: Paragraph, numbers: ListNumbers) -> str:
    """Return a paragraph's text after the list number Word shows before it, if any."""
    return numbers.prefix(paragraph._p) + _text(paragraph._p)


# A table's rows, each cell as the list number Word shows before each of its paragraphs, and
# the paragraph's text.
_Cells = list[list[list[tuple[str, str]]]]


def _table_cells(table: Any, numbers: ListNumbers) -> _Cells:
    """Return a table's rows, each cell as its paragraphs' list numbers and texts; merged
    cells once (nothing below a vertical merge)."""
    return [[_cell_paragraphs(tc, table, numbers) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]


def _cell_paragraphs(tc: Any, table: Any, numbers: ListNumbers) -> list[tuple[str, str]]:
    """Return the list number Word shows before each paragraph of a cell, and its text."""
    if tc.vMerge == "continue":
        return []
    return [(numbers.prefix(p._p), _text(p._p)) for p in _Cell(tc, table).paragraphs]


_RUN, _HYPERLINK = qn("w:r"), qn("w:hyperlink")
_RUN_PARTS = tuple(map(qn, ("w:br", "w:cr", "w:noBreakHyphen", "w:ptab", "w:t", "w:tab")))


def _text(p: Any) -> str:
    """Return a paragraph's text as python-docx's ``Paragraph.text`` does (its runs, and the
    runs of its hyperlinks), walking the XML's children instead of asking XPath for each
    paragraph and run, which took a third of the time of reading a Word file."""
    parts = p.iterchildren(_RUN, _HYPERLINK)
    return "".join(_run_text(e) if e.tag == _RUN else _hyperlink_text(e) for e in parts)


def _hyperlink_text(hyperlink: Any) -> str:
    return "".join(_run_text(run) for run in hyperlink.iterchildren(_RUN))


def _run_text(run: Any) -> str:
    """Return a run's text: its text, tabs and breaks as python-docx writes them."""
    return "".join(str(part) for part in run.iterchildren(*_RUN_PARTS))


def _cell_texts(cells: _Cells, numbered: bool) -> Rows:
    """Join each cell's paragraphs by newlines, after their list numbers or without them."""
    return [["\n".join(n + t if numbered else t for n, t in cell) for cell in row] for row in cells]


def _row_line(row: Row) -> str:
    """Join a table row's cells with " | ", the lines within a cell with " / "."""
    cells = [" / ".join(_lines(cell)) for cell in row]
    while cells and not cells[-1]:
        cells.pop()
    return " | ".join(cells)


def _lines(text: str) -> list[str]:
    """Return the non-blank lines of ``text``, whitespace collapsed."""
    return [line for line in (_squash(part) for part in text.splitlines()) if line]


def _squash(text: str) -> str:
    """Collapse runs of whitespace (tabs, newlines) to single spaces."""
    return " ".join(text.split())


# -- the Winnipeg disposition ----------------------------------------------------------------


@dataclass
class _Draft:
    """An item being assembled; later tables add votes and declarations to it."""

    number: str
    title: str
    lines: list[str]
    decision: str | None = None
    resolutions: list[Resolution] = field(default_factory=list)

    def item(self, number: str) -> Item:
        """Freeze the draft into an Item numbered ``number``."""
        text = "\n".join(self.lines)
        return Item(
            number, self.title, text, decision=self.decision, resolutions=tuple(self.resolutions)
        )


@dataclass
class _Report:
    """One committee report: its heading, label, committee key word, date and items."""

    heading: str
    label: str
    key: str
    date: date | None
    items: dict[str, _Draft] = field(default_factory=dict)


@dataclass
class _State:
    """Everything read so far from one disposition document."""

    date: date | None = None
    attendance: list[Attendance] = field(default_factory=list)
    drafts: list[_Draft] = field(default_factory=list)
    reports: list[_Report] = field(default_factory=list)
    motions: dict[str, _Draft] = field(default_factory=dict)
    notices: list[tuple[str, _Draft]] = field(default_factory=list)
    bylaws: dict[str, _Draft] = field(default_factory=dict)

    def add(self, draft: _Draft) -> _Draft:
        """Keep ``draft`` as an item of the meeting and return it."""
        self.drafts.append(draft)
        return draft

    def members(self) -> list[str]:
        """Return the names of the members (not officers) in the attendance."""
        return [a.name for a in self.attendance if a.role != "officer"]


def _is_disposition(tables: list[Rows]) -> bool:
    """Tell whether the tables are a Winnipeg disposition of items."""
    headings = [_heading(rows) for rows in tables]
    return any(h.startswith("MEMBERS PRESENT") for h in headings) and any(
        "DISPOSITION OF ITEMS" in h for h in headings
    )


def _heading(rows: Rows) -> str:
    """Return the text of a table's first non-empty row, upper-cased."""
    for row in rows:
        text = _squash(" ".join(row))
        if text:
            return text.upper()
    return ""


def _disposition_meeting(path: Path, tables: list[Rows]) -> Meeting:
    """Read the tables of a Winnipeg disposition into one Meeting."""
    state = _State()
    for rows in tables:
        _reader(_heading(rows))(state, rows)
    meeting_date, inferred = state.date, False
    if meeting_date is None:
        meeting_date, inferred = _date_from_name(path), True
    _label_twins(state.reports)
    return Meeting(
        source=str(path),
        council=COUNCIL,
        committee=COMMITTEE,
        date=meeting_date,
        date_inferred=inferred,
        attendance=tuple(state.attendance),
        items=tuple(_unique_items(state.drafts)),
    )


def _reader(heading: str) -> Callable[[_State, Rows], None]:
    """Pick the function that reads a table with this heading."""
    for prefix, reader in _READERS:
        if re.match(prefix, heading):
            return reader
    return _read_other


def _unique_items(drafts: list[_Draft]) -> Iterator[Item]:
    """Freeze drafts into items, numbering repeats "Condolence (2)", "Condolence (3)"; items
    without a number stay without one."""
    seen: dict[str, int] = {}
    for draft in drafts:
        count = seen[draft.number] = seen.get(draft.number, 0) + 1
        repeat = count > 1 and draft.number
        yield draft.item(f"{draft.number} ({count})" if repeat else draft.number)


# -- date and attendance ---------------------------------------------------------------------

_DATE_RE = re.compile(
    r"COUNCIL MEETING\s*[–—-]?\s*(?:[A-Z]+DAY,?\s*)?([A-Z]+\.?\s+\d{1,2},?\s+\d{4})", re.I
)
_MONTH_DAY_RE = re.compile(r"\b([A-Z][a-z]+)\.?\s+(\d{1,2})(?:,?\s+|\s*/\s*)(\d{4})\b", re.I)
_NUMERIC_DATE_RE = re.compile(r"\b(\d{1,2})[ /.-](\d{1,2})[ /.-](\d{4})\b")


def _read_title(state: _State, rows: Rows) -> None:
    """Take the meeting date from a title table ("COUNCIL MEETING – JANUARY 27, 2016")."""
    match = _DATE_RE.search(" ".join(" ".join(row) for row in rows))
    if state.date is None and match:
        state.date = _parse_date(match.group(1))


def _parse_date(text: str) -> date | None:
    """Parse "January 27, 2016" (any case; "June 13/2016" too); None when it is no date."""
    match = _MONTH_DAY_RE.search(text)
    if not match:
        return None
    month, day, year = match.groups()
    for fmt in ("%B %d %Y", "%b %d %Y"):
        try:
            return datetime.strptime(f"{month} {day} {year}", fmt).date()
        except ValueError:
            continue
    return None


def _date_from_name(path: Path) -> date | None:
    """Read the date from a file name such as DISPOSITION-2016-01-27.docx."""
    match = re.search(r"(\d{4})-(\d{2})-(\d{2})", path.name)
    if not match:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


_ABSENT_HEADINGS = {"ABSENT", "MEMBERS ABSENT", "REGRETS", "LEAVE OF ABSENCE"}
_PRESIDING_RE = re.compile(r",?\s*\(?\b(?:presiding|presided|in the chair)\b\)?\.?\s*$", re.I)
_OFFICE_RE = re.compile(r"^(?:The\s+)?(?:Deputy\s+)?(?:Acting\s+)?Speaker,?\s+", re.I)


def _read_members(state: _State, rows: Rows) -> None:
    """Read MEMBERS PRESENT (present, or chair if presiding) and WINNIPEG PUBLIC SERVICE."""
    role = "present"
    officers: list[Attendance] = []
    for row in rows[1:]:
        cells = [*row, "", ""]
        member = _squash(cells[0])
        if member.upper() in _ABSENT_HEADINGS:
            role = "absent"
        elif member:
            _attend(state, member, role)
        officer = _squash(cells[1])
        if officer:
            officers.append(Attendance(officer, "officer"))
    state.attendance.extend(officers)


def _attend(state: _State, written: str, role: str) -> None:
    """Add a member as written, minus the Speaker's office; chair when marked presiding."""
    name = _OFFICE_RE.sub("", _PRESIDING_RE.sub("", written)).strip()
    if role == "present" and _PRESIDING_RE.search(written):
        role = "chair"
    state.attendance.append(Attendance(name, role))


_LEAVE_RE = re.compile(
    r"\b((?:Councillor|Mayor|Deputy Mayor)\s+[A-Z][\w'’-]+)"
    r"\s+be\s+granted\s+a\s+leave\s+of\s+absence",
    re.I,
)


def _note_leave(state: _State, wording: str) -> None:
    """Record a member granted leave of absence from the meeting as absent."""
    match = _LEAVE_RE.search(wording)
    if match and match.group(1) not in state.members():
        state.attendance.append(Attendance(match.group(1), "absent"))


def _person(raw: str, state: _State) -> str | None:
    """Resolve "Orlikow" or "Mayor Bowman" to the name in the attendance list."""
    raw = _squash(raw).strip(" ,.-")
    if not raw:
        return None
    surname = raw.split()[-1].lower()
    for name in state.members():
        if name == raw or name.lower().split()[-1:] == [surname]:
            return name
    return (
        raw if re.match(r"(?:His Worship|Mayor|Councillor|Deputy)\b", raw) else f"Councillor {raw}"
    )


def _movers(cell: str, state: _State) -> tuple[str | None, str | None]:
    """Split "Orlikow / Lukes" into the mover's and seconder's full names."""
    parts = [*_squash(cell).split("/", 1), ""]
    return _person(parts[0], state), _person(parts[1], state)


# -- outcomes --------------------------------------------------------------------------------

# The disposition column's words, first match wins; None when no outcome fits (a notice of
# motion, a by-law given first reading only, a motion ruled out of order).
_OUTCOME_RULES: tuple[tuple[str, str], ...] = (
    ("withdrawn", r"WITHDRAWN|NOT PROCEEDED"),
    ("amended", r"AMENDED|MOTION #?\d+ ADOPTED"),
    ("lost", r"\bLOST\b|NOT ADOPTED|REJECTED|DENIED|NOT BE GIVEN"),
    ("referred", r"REFERR|REPORT BACK"),
    ("deferred", r"LAID OVER|EXTENT?S?ION OF TIME"),
    ("received", r"RECEIVED AS INFORMATION|^FILED$"),
    ("approved", r"APPROVED"),
    ("adopted", r"ADOPTED|CONCURRED"),
    ("carried", r"\bCARR(?:IE|E)D\b"),
    ("passed", r"\bPASSED\b"),
)


def _outcome(disposition: str) -> str | None:
    """Map a disposition ("AMENDED AND ADOPTED (See Motion 4)") to one of OUTCOMES."""
    words = _squash(disposition).upper()
    for outcome, pattern in _OUTCOME_RULES:
        if re.search(pattern, words):
            return outcome
    return None


# -- committee reports -----------------------------------------------------------------------

_REPORT_RE = re.compile(
    r"^REPORT\s+(?:[‘'“\"]?(?P<letter>[A-Z])[’'”\"]?\s+)?OF\s+THE\s+(?P<committee>.+?)"
    r"(?:\s+DATED\s+(?P<date>.+))?$",
    re.I,
)
_STOP_WORDS = {"and", "the", "of", "on", "for"}


def _read_reports(state: _State, rows: Rows) -> None:
    """Read a committee report table: a heading row, then number | subject | disposition."""
    report: _Report | None = None
    for row in rows:
        cells = [_squash(cell) for cell in row]
        heading = _squash(" ".join(cells))
        if len(cells) < 3 and re.match(r"REPORT\b", heading, re.I):
            report = _new_report(state, heading)
        elif report is not None and len(cells) >= 3 and (cells[0] or cells[1]):
            _report_item(state, report, cells)


def _new_report(state: _State, heading: str) -> _Report:
    """Start a report from its heading, labelled like "EPC" or "PDHDD A"."""
    match = _REPORT_RE.match(heading)
    committee = match.group("committee") if match else heading
    letter = match.group("letter") if match else None
    when = _parse_date(match.group("date") or "") if match else None
    label = _acronym(committee) + (f" {letter.upper()}" if letter else "")
    report = _Report(heading, label, _key_word(committee), when)
    state.reports.append(report)
    return report


def _label_twins(reports: list[_Report]) -> None:
    """Tell apart reports of one committee in one meeting: "EPC (Jan 20) 1"."""
    groups: dict[str, list[_Report]] = {}
    for report in reports:
        groups.setdefault(report.label, []).append(report)
    for twins in groups.values():
        for index, twin in enumerate(twins if len(twins) > 1 else [], 1):
            _relabel(twin, f"{twin.label} ({_twin_suffix(twin, twins, index)})")


def _twin_suffix(report: _Report, twins: list[_Report], index: int) -> str:
    """Return "Jan 20" when the report's date tells it apart from its twins, else its index."""
    dates = [twin.date for twin in twins]
    if report.date is None or dates.count(report.date) > 1:
        return str(index)
    return f"{report.date:%b} {report.date.day}"


def _relabel(report: _Report, label: str) -> None:
    """Rename a report and the numbers of its items."""
    for draft in report.items.values():
        draft.number = label + draft.number[len(report.label) :]
    report.label = label


def _distinctive(committee: str) -> list[str]:
    """Return the words naming a committee, without "Standing Policy Committee on"."""
    name = re.sub(r"^STANDING POLICY COMMITTEE ON\s+", "", committee, flags=re.I)
    return [w for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in _STOP_WORDS]


def _acronym(committee: str) -> str:
    """Shorten a committee name: "Executive Policy Committee" -> "EPC", "Innovation" kept."""
    words = _distinctive(committee)
    if len(words) == 1:
        return words[0].capitalize()
    return "".join(w[0].upper() for w in words) or "Report"


def _key_word(committee: str) -> str:
    """Return the first word naming the committee ("Executive", "Water"), to spot it in text."""
    words = _distinctive(committee)
    return words[0].lower() if words else ""


def _report_item(state: _State, report: _Report, cells: Row) -> None:
    """Add one numbered row of a report as an item, its disposition as the resolution."""
    printed = cells[0].rstrip(". ")
    subject, disposition = cells[1], cells[-1]
    lines = [report.heading, f"Item {printed}: {subject}", f"Disposition: {disposition}"]
    draft = _Draft(f"{report.label} {printed}".strip(), subject, lines, disposition)
    draft.resolutions.append(Resolution(disposition, _outcome(disposition)))
    report.items.setdefault(printed, state.add(draft))


# -- motions and notices of motion -----------------------------------------------------------


def _read_motions(state: _State, rows: Rows) -> None:
    """Read COUNCIL MOTIONS: number | mover / seconder | wording | disposition."""
    for row in _body(rows, 4):
        printed = (_lines(row[0]) or [""])[0]
        number = f"Motion {printed}" if printed[:1].isdigit() else printed or "Motion"
        draft = _motion(state, number, "Council motion", row[1:])
        if printed.isdigit():
            state.motions.setdefault(printed, draft)


_NOTICE_TITLE = "Notice of Motion – "  # before a notice's wording, as it has no number


def _read_notices(state: _State, rows: Rows) -> None:
    """Read NOTICE OF MOTION: mover / seconder | wording | disposition; a notice is not
    numbered, so its title says what it is ("Notice of Motion – That ...")."""
    for row in _body(rows, 3):
        draft = _motion(state, "", "Notice of motion", row)
        draft.title = _NOTICE_TITLE + draft.title
        state.notices.append((_squash(row[0]), draft))


def _motion(state: _State, number: str, kind: str, cells: Row) -> _Draft:
    """Add a motion as an item: its wording, mover, seconder and disposition."""
    mover, seconder = _movers(cells[0], state)
    wording, disposition = "\n".join(_lines(cells[1])), _squash(cells[-1])
    moved = ", ".join(
        f"{verb} {who}" for verb, who in (("Moved by", mover), ("Seconded by", seconder)) if who
    )
    lines = [f"{kind}: {number}" if number else kind, moved, wording, f"Disposition: {disposition}"]
    draft = _Draft(number, _headline(wording), [line for line in lines if line], disposition)
    text = f"{wording}\n{disposition}".strip()
    draft.resolutions.append(
        Resolution(text, _outcome(disposition), mover=mover, seconder=seconder)
    )
    _note_leave(state, wording)
    return state.add(draft)


def _headline(wording: str) -> str:
    """Shorten a motion's wording to a title: its first words, without "BE IT RESOLVED"."""
    text = re.sub(r"^(?:THEREFORE\s+)?BE\s+IT\s+RESOLVED\s*:?\s*", "", _squash(wording), flags=re.I)
    text = re.sub(r"^THAT\b", "That", text)
    words = (text[:1].upper() + text[1:]).split()
    return " ".join(words[:_TITLE_WORDS]) + (" …" if len(words) > _TITLE_WORDS else "")


def _body(rows: Rows, width: int) -> Iterator[Row]:
    """Yield the data rows of a table: not the heading or column labels, padded to ``width``."""
    heading = _heading(rows)
    for row in rows:
        cells = [*row, *[""] * (width - len(row))]
        text = _squash(" ".join(row))
        if text and text.upper() != heading and not _is_label_row(cells):
            yield cells


def _is_label_row(cells: Row) -> bool:
    """Tell the column-label row ("SUBJECT | YEAS | NAYS | DISPOSITION") from data."""
    return _squash(cells[-1]).upper() in {"DISPOSITION", "DECLARATIONS"}


# -- by-laws ---------------------------------------------------------------------------------


def _read_bylaws(state: _State, rows: Rows) -> None:
    """Read BY-LAWS tables: by-law number | subject | disposition."""
    section = _squash(" ".join(rows[0])) if rows else "BY-LAWS"
    for row in _body(rows, 3):
        number, note = _bylaw_number(_squash(row[0]))
        subject, disposition = _squash(row[1]), _squash(row[-1])
        lines = [section, f"By-law No. {number}{note}: {subject}"]
        draft = _Draft(f"By-law {number}", subject, [*lines, f"Disposition: {disposition}"])
        draft.decision = disposition
        draft.resolutions.append(Resolution(disposition, _outcome(disposition)))
        state.bylaws.setdefault(number, state.add(draft))


def _bylaw_number(printed: str) -> tuple[str, str]:
    """Split "129/2017, as amended" into "129/2017" and ", as amended"; "86 2015" is 86/2015."""
    match = re.match(r"(\d+)\s*[/ ]\s*(\d{4})\b", printed)
    if not match:
        return printed, ""
    return f"{match.group(1)}/{match.group(2)}", printed[match.end() :].rstrip()


# -- recorded votes and declarations ---------------------------------------------------------

_MOTION_REF_RE = re.compile(r"\bMotion\s*#?\s*(\d+)\b", re.I)
_ITEM_REF_RE = re.compile(r"\b(?:Item|Report)\s+(?:No\.?\s*)?(\d+)\b", re.I)
_BYLAW_REF_RE = re.compile(r"\bBy-law\s+(?:No\.?\s*)?(\d+/\d{4})", re.I)


def _read_votes(state: _State, rows: Rows) -> None:
    """Read RECORDED VOTES: subject | yeas | nays | disposition, onto the item voted on."""
    for row in _body(rows, 4):
        subject, disposition = " ".join(_lines(row[0])), _squash(row[-1])
        yeas, nays = _voters(row[1]), _voters(row[2])
        lines = [f"Recorded vote: {subject}: {disposition}"]
        for label, names in (("Yeas", yeas), ("Nays", nays)):
            lines.append(f"{label}: {', '.join(names) or 'none'}")
        vote = Resolution(
            "\n".join(lines),
            _outcome(disposition),
            len(yeas),
            len(nays),
            voted_for=tuple(yeas),
            voted_against=tuple(nays),
        )
        if not _place_vote(state, subject, vote):
            count = sum(d.number.startswith("Recorded vote") for d in state.drafts) + 1
            state.add(
                _Draft(f"Recorded vote {count}", _headline(subject), lines, disposition, [vote])
            )


def _voters(cell: str) -> list[str]:
    """Return the names listed in a YEAS or NAYS cell ("NIL" means none)."""
    return [name for name in _lines(cell) if name.upper() not in {"NIL", "NONE"}]


def _place_vote(state: _State, subject: str, vote: Resolution) -> bool:
    """Put a recorded vote on its motion, report item or by-law; False when none is named."""
    ref = _motion_ref(subject)
    motion = state.motions.get(ref.group(1)) if ref else None
    if motion and ref and _is_bare(subject[ref.end() :]) and _merge_vote(motion, vote):
        return True
    leading = [motion] if motion and ref and ref.start() == 0 else []
    targets = leading or _targets(state, subject) or _mentioned_motions(state, subject)
    if targets:
        targets[0].resolutions.append(replace(vote, mover=_vote_mover(subject, state)))
    return bool(targets)


def _motion_ref(subject: str) -> re.Match[str] | None:
    """Find "Motion 8" as what a vote is on, not "as amended by Motion 8"."""
    for match in _MOTION_REF_RE.finditer(subject):
        before = subject[: match.start()].split()
        if not before or not before[-1][:1].islower():
            return match
    return None


def _mentioned_motions(state: _State, subject: str) -> list[_Draft]:
    """Return the motions of this meeting that a subject mentions ("to consider Motion 8")."""
    numbers = _MOTION_REF_RE.findall(subject)
    return [state.motions[n] for n in numbers if n in state.motions]


def _vote_mover(subject: str, state: _State) -> str | None:
    """Read the mover of a procedural motion: "Motion moved by Councillor Gerbasi to refer"."""
    match = re.match(
        r"Motion moved by ((?:Councillor|(?:His Worship )?Mayor)\s+[A-Z][\w'’-]+)", subject
    )
    return _person(match.group(1), state) if match else None


def _is_bare(rest: str) -> bool:
    """Tell whether what follows "Motion 8" names only its mover and seconder."""
    return not re.search(r"\b[a-z]|\d", rest)


def _merge_vote(motion: _Draft, vote: Resolution) -> bool:
    """Add a vote's counts and names to a motion's own resolution, unless it has counts."""
    first = motion.resolutions[0] if motion.resolutions else None
    if first is None or first.votes_for is not None:
        return False
    merged = replace(
        first,
        text=f"{first.text}\n{vote.text}",
        votes_for=vote.votes_for,
        votes_against=vote.votes_against,
    )
    motion.resolutions[0] = merged
    return True


def _targets(state: _State, subject: str) -> list[_Draft]:
    """Find the report items, notices of motion and by-laws that a subject refers to."""
    found = [state.bylaws[n] for n in _BYLAW_REF_RE.findall(subject) if n in state.bylaws]
    report_item = _report_target(state, subject)
    notice = _notice_target(state, subject)
    return [d for d in (report_item, notice) if d] + found


def _report_target(state: _State, subject: str) -> _Draft | None:
    """Find "Item 4 of the Report of the Executive Policy Committee dated October 21, 2015"."""
    item = _ITEM_REF_RE.search(subject)
    if not item:
        return None
    named = [r for r in state.reports if _names_report(subject, r)]
    reports = _by_date(named or state.reports, subject) or (named if named else [])
    return reports[0].items.get(item.group(1)) if len(reports) == 1 else None


def _names_report(subject: str, report: _Report) -> bool:
    """Tell whether a subject names the committee of ``report`` (by key word or acronym)."""
    label = report.label.split()[0]
    pattern = rf"\b(?:{re.escape(report.key)}|{re.escape(label)})\b"
    return bool(report.key) and bool(re.search(pattern, subject, re.I))


def _by_date(reports: list[_Report], subject: str) -> list[_Report]:
    """Keep the reports dated as the subject says; on a wrong year, match month and day."""
    written = _dates_in(subject)
    exact = [r for r in reports if r.date in written]
    if exact:
        return exact
    days = {(d.month, d.day) for d in written}
    return [r for r in reports if r.date and (r.date.month, r.date.day) in days]


def _dates_in(text: str) -> set[date]:
    """Find "October 21, 2015" and "01 20 2016" (month day year) dates in text."""
    found = {_parse_date(m.group(0)) for m in _MONTH_DAY_RE.finditer(text)}
    for month, day, year in _NUMERIC_DATE_RE.findall(text):
        try:
            found.add(date(int(year), int(month), int(day)))
        except ValueError:
            continue
    return {d for d in found if d is not None}


def _notice_target(state: _State, subject: str) -> _Draft | None:
    """Find the notice of motion a subject refers to, by its movers when there are several."""
    if "notice of motion" not in subject.lower() or not state.notices:
        return None
    if len(state.notices) == 1:
        return state.notices[0][1]
    matching = [d for movers, d in state.notices if _same_movers(movers, subject)]
    matching = matching or [d for _, d in state.notices if _quotes(d.title, subject)]
    return matching[0] if len(matching) == 1 else None


def _quotes(title: str, subject: str) -> bool:
    """Tell whether a subject quotes the first eight words of a motion's wording."""
    wording = title.removeprefix(_NOTICE_TITLE)
    opening = " ".join(wording.split()[:8]).lower()
    return len(opening.split()) == 8 and opening in " ".join(subject.split()).lower()


def _same_movers(movers: str, subject: str) -> bool:
    """Tell whether every surname in "Lukes / Wyatt" appears in the subject."""
    names = [part.split()[-1] for part in movers.split("/") if part.strip()]
    return bool(names) and all(re.search(rf"\b{re.escape(n)}\b", subject) for n in names)


def _read_declarations(state: _State, rows: Rows) -> None:
    """Read CONFLICT OF INTEREST DECLARATIONS: subject | members declaring."""
    for row in _body(rows, 2):
        subject, names = " ".join(_lines(row[0])), _lines(row[-1])
        line = f"Conflict of interest declared by {', '.join(names)} on {subject}"
        targets = _targets(state, subject)
        for draft in targets:
            draft.lines.append(line)
        if not targets:
            count = sum(d.number.startswith("Declaration") for d in state.drafts) + 1
            state.add(_Draft(f"Declaration {count}", f"Conflict of interest: {subject}", [line]))


def _read_other(state: _State, rows: Rows) -> None:
    """Keep an unrecognised table as an item of its own text, so that it can be found."""
    lines = [_row_line(row) for row in rows if any(c.strip() for c in row)]
    if lines:
        count = sum(d.number.startswith("Table") for d in state.drafts) + 1
        state.add(_Draft(f"Table {count}", _headline(lines[0]), lines))


def _ignore(state: _State, rows: Rows) -> None:
    """Skip a table that adds nothing (the cover page's heading)."""


_READERS: tuple[tuple[str, Callable[[_State, Rows], None]], ...] = (
    (r"MEMBERS PRESENT", _read_members),
    (r".*DISPOSITION OF ITEMS", _read_title),
    (r"REPORT\b", _read_reports),
    (r"COUNCIL MOTIONS", _read_motions),
    (r"NOTICES? OF MOTION", _read_notices),
    (r"BY-LAWS?\b", _read_bylaws),
    (r"RECORDED VOTES", _read_votes),
    (r"CONFLICT OF INTEREST", _read_declarations),
    (r"$", _ignore),
)
