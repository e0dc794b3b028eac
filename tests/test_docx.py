"""The .docx reader: Winnipeg dispositions read in place, our own small documents, bad files."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import docx
import pytest

from indexer.errors import UnreadableDocument
from indexer.model import Item, Meeting, Resolution
from indexer.readers.docx import docx_text, read_docx
from indexer.readers.text import decode, parse_any_text

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
WINNIPEG = CORPUS / "winnipeg-dispositions"
SAMPLE_TEXTS = sorted((ROOT / "sample_data").rglob("*.txt"))


@cache
def _read(day: str) -> Meeting:
    [meeting] = read_docx(WINNIPEG / f"DISPOSITION-{day}.docx")
    return meeting


def all_days() -> list[str]:
    """Return the days of the 26 Winnipeg dispositions, or skip when the corpus is absent."""
    if not WINNIPEG.is_dir():
        pytest.skip(f"the Winnipeg dispositions are not at {WINNIPEG} (corpus beside the checkout)")
    return sorted(p.stem.removeprefix("DISPOSITION-") for p in WINNIPEG.glob("*.docx"))


def disposition(day: str) -> Meeting:
    """Return the Winnipeg disposition of ``day``, or skip when the corpus is absent."""
    all_days()
    return _read(day)


def item(meeting: Meeting, number: str) -> Item:
    [found] = [i for i in meeting.items if i.number == number]
    return found


def votes(resolution: Resolution) -> tuple[str | None, int | None, int | None]:
    return resolution.outcome, resolution.votes_for, resolution.votes_against


# -- the Winnipeg corpus, read in place ------------------------------------------------------


@pytest.mark.corpus
def test_every_disposition_reads_as_one_council_meeting() -> None:
    days = all_days()
    assert len(days) == 26
    for day in days:
        meeting = _read(day)
        assert (meeting.council, meeting.committee) == ("City of Winnipeg", "City Council")
        assert meeting.date == date.fromisoformat(day)
        assert meeting.date_inferred is False
        numbers = [i.number for i in meeting.items if i.number]  # notices have none
        assert len(numbers) == len(set(numbers)) > 20


@pytest.mark.corpus
def test_corpus_figures() -> None:
    items = [i for day in all_days() for i in _read(day).items]
    resolutions = [r for i in items for r in i.resolutions]
    assert len(items) == 1415
    assert sum(i.number.startswith("Motion ") for i in items) == 149
    assert sum(i.number.startswith("By-law ") for i in items) == 323
    assert sum(r.votes_for is not None for r in resolutions) == 96
    assert sum(r.mover is not None for r in resolutions) == 188


@pytest.mark.corpus
def test_attendance() -> None:
    meeting = disposition("2016-01-27")
    present = meeting.people("present")
    assert len(present) == 16
    assert present[:4] == [
        "His Worship Mayor Bowman",
        "Councillor Sharma",
        "Councillor Gerbasi",
        "Councillor Allard",
    ]
    assert meeting.people("chair") == [] and meeting.people("absent") == []
    assert len(meeting.people("officer")) == 5
    assert meeting.people("officer")[0] == "Mr. R. Kachur, City Clerk"


@pytest.mark.corpus
def test_leave_of_absence_marks_member_absent() -> None:
    assert disposition("2015-09-30").people("absent") == ["Councillor Schreyer"]
    meeting = disposition("2017-01-25")
    assert meeting.people("absent") == ["Councillor Browaty", "Councillor Schreyer"]
    assert len(meeting.people("present")) == 14
    assert [i.number for i in meeting.items if i.number.startswith("LOA")] == ["LOA", "LOA (2)"]


@pytest.mark.corpus
def test_report_items_are_labelled_by_committee_and_date() -> None:
    meeting = disposition("2016-01-27")
    amended = item(meeting, "EPC (Jan 20) 1")
    assert amended.title == "Citizen Member Appointments – Committees, Boards and Commissions"
    assert amended.decision == "AMENDED AND ADOPTED (See Motion 4)"
    assert amended.text.startswith(
        "REPORT OF THE EXECUTIVE POLICY COMMITTEE dated January 20, 2016"
    )
    assert votes(amended.resolutions[0]) == ("amended", None, None)
    assert item(meeting, "EPC (Jan 6) 4").resolutions[0].outcome == "deferred"
    assert item(meeting, "WWRME 2").title == "The Blue Dot Project"
    assert item(meeting, "PCSP 1").resolutions[0].outcome == "received"
    assert item(meeting, "PDHDD (Jan 12) 11").resolutions[0].outcome == "referred"


@pytest.mark.corpus
def test_motion_mover_seconder_and_recorded_vote() -> None:
    meeting = disposition("2016-01-27")
    [carried] = item(meeting, "Motion 8").resolutions
    assert (carried.mover, carried.seconder) == ("His Worship Mayor Bowman", "Councillor Morantz")
    assert votes(carried) == ("carried", 16, 0)
    assert (
        "Moved by His Worship Mayor Bowman, Seconded by Councillor Morantz"
        in item(meeting, "Motion 8").text
    )
    [lost] = item(meeting, "Motion 7").resolutions
    assert (lost.mover, lost.seconder, *votes(lost)) == (
        "Councillor Wyatt",
        "Councillor Eadie",
        "lost",
        4,
        12,
    )
    split = item(meeting, "Motion 4").resolutions[0]
    assert (split.mover, split.seconder) == ("Councillor Gillingham", "His Worship Mayor Bowman")
    assert item(meeting, "Condolence").resolutions[0].outcome == "carried"


@pytest.mark.corpus
def test_procedural_votes_stay_beside_the_motion() -> None:
    motion = item(disposition("2016-01-27"), "Motion 5")
    assert [votes(r) for r in motion.resolutions] == [("lost", 3, 13), ("carried", 12, 4)]
    assert motion.resolutions[1].text.startswith("Recorded vote: Motion 5 Wyatt / Eadie Vote for")


@pytest.mark.corpus
def test_recorded_votes_on_report_items_and_by_laws() -> None:
    report_item = item(disposition("2016-01-27"), "PDHDD (Jan 12) 18")
    assert [votes(r) for r in report_item.resolutions] == [
        ("adopted", None, None),
        ("carried", 12, 4),
    ]
    assert "\nNays: Councillor Dobson, Councillor Eadie, Councillor Schreyer, Councillor Wyatt" in (
        report_item.resolutions[1].text
    )
    bylaw = item(disposition("2017-12-13"), "By-law 129/2017")
    assert [votes(r) for r in bylaw.resolutions] == [
        ("amended", None, None),
        ("passed", 10, 6),
        ("carried", 12, 4),
        ("passed", 10, 6),
    ]


@pytest.mark.corpus
def test_notices_of_motion_are_unnumbered_and_titled_as_notices() -> None:
    notices = [i for i in disposition("2017-12-13").items if "otice of" in i.title[:20]]
    assert [(i.number, " ".join(i.title.split()[:9])) for i in notices] == [
        ("", "Notice of Motion – That Winnipeg City Council now"),
        ("", "Notice of Motion – That the Winnipeg Public Service"),
    ]


@pytest.mark.corpus
def test_vote_on_a_referral_names_its_mover() -> None:
    [notice] = [
        i
        for i in disposition("2016-03-23").items
        if i.title.startswith("Notice of Motion – ")
        and i.resolutions[0].mover == "Councillor Eadie"
    ]
    first, *referrals = notice.resolutions
    assert (first.mover, first.seconder) == ("Councillor Eadie", "Councillor Wyatt")
    assert [(r.mover, *votes(r)) for r in referrals] == [
        ("Councillor Gerbasi", "lost", 7, 7),
        ("Councillor Allard", "carried", 9, 6),
    ]


@pytest.mark.corpus
def test_conflict_of_interest_declarations_join_their_item() -> None:
    bylaw = item(disposition("2016-02-24"), "By-law 24/2016")
    assert "Conflict of interest declared by Councillor Wyatt on By-law No. 24/2016" in bylaw.text
    meeting = disposition("2017-07-19")
    for number in ("WWRME (Jul 10) 1", "By-law 78/2017"):
        assert (
            "Conflict of interest declared by Councillor Eadie on Item 1"
            in item(meeting, number).text
        )


@pytest.mark.corpus
def test_docx_text_of_a_disposition() -> None:
    all_days()
    lines = docx_text(WINNIPEG / "DISPOSITION-2016-01-27.docx").splitlines()
    assert "MEMBERS PRESENT | WINNIPEG PUBLIC SERVICE" in lines
    assert "His Worship Mayor Bowman | Mr. R. Kachur, City Clerk" in lines
    assert "Councillor Dobson" in lines


# -- our own documents -----------------------------------------------------------------------


def _save(document: Any, path: Path) -> Path:
    document.save(str(path))
    return path


def test_docx_text_keeps_document_order(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Brindle Town Council", 1)
    document.add_paragraph("Minutes of the Cabinet, 5 February 2020")
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Present"
    table.cell(1, 0).text = "Councillor Owen Tate"
    table.cell(1, 1).text = "Chair\nLeader"
    table.cell(2, 0).text = "Grace Lund"
    document.add_paragraph("")
    document.add_paragraph("1. Apologies")
    path = _save(document, tmp_path / "minutes.docx")
    assert docx_text(path) == (
        "Brindle Town Council\n"
        "\n"
        "Minutes of the Cabinet, 5 February 2020\n"
        "\n"
        "Present\n"
        "Councillor Owen Tate | Chair / Leader\n"
        "Grace Lund\n"
        "\n"
        "1. Apologies\n"
    )


def test_other_minutes_go_to_the_text_parser(tmp_path: Path) -> None:
    document = docx.Document()
    for line in (
        "Brindle Town Council",
        "Minutes of the Cabinet held on 5 February 2020 at 6.30 pm",
        "Present: Councillor Owen Tate (Chair), Councillor Hari Sandhu",
        "",
        "1. Apologies",
        "There were none.",
    ):
        document.add_paragraph(line)
    path = _save(document, tmp_path / "cabinet.docx")
    [meeting] = read_docx(path)
    assert [meeting] == parse_any_text(docx_text(path), str(path))
    assert (meeting.source, meeting.council) == (str(path), "Brindle Town Council")


@pytest.mark.parametrize("sample", SAMPLE_TEXTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_sample_minutes_rendered_as_docx_read_like_their_text(tmp_path: Path, sample: Path) -> None:
    text = decode(sample.read_bytes(), sample).replace("\r\n", "\n")
    blocks = [b.rstrip() for b in re.split(r"\n[ \t\xa0]*\n", text) if b.strip()]
    document = docx.Document()
    for block in blocks:  # one Word paragraph per block, as a clerk's document has
        document.add_paragraph(block)
    path = _save(document, tmp_path / "rendered.docx")
    assert docx_text(path) == "\n\n".join(blocks) + "\n"
    assert _outline(read_docx(path)) == _outline(parse_any_text(text, str(path)))


def _outline(meetings: list[Meeting]) -> list[Any]:
    """Return what a reader understood of meetings, ignoring whitespace in their texts."""
    return [
        (
            m.council,
            m.committee,
            m.date,
            [(a.name, a.role) for a in m.attendance],
            [(i.number, i.title, i.speakers, [r.outcome for r in i.resolutions]) for i in m.items],
        )
        for m in meetings
    ]


def _winnipeg_like(path: Path, heading: str) -> Path:
    """Build a small disposition of our own: invented members, one report, one motion."""
    document = docx.Document()
    document.add_table(rows=1, cols=1).cell(0, 0).text = heading
    members = [
        ("MEMBERS PRESENT", "PUBLIC SERVICE"),
        ("Mayor Quill, presiding", "Ms P. Rowe, Clerk"),
        ("Councillor Ash", ""),
        ("ABSENT", ""),
        ("Councillor Birch", ""),
    ]
    table = document.add_table(rows=0, cols=2)
    for cells in members:
        row = table.add_row()
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    report = document.add_table(rows=3, cols=3)
    report.cell(0, 0).merge(
        report.cell(0, 2)
    ).text = "REPORT OF THE PARKS COMMITTEE dated May 1, 2020"
    for col, text in enumerate(("1.", "Pond Railings", "ADOPTED")):
        report.cell(1, col).text = text
    report.cell(2, 1).text = "a stray row"
    motions = document.add_table(rows=3, cols=4)
    motions.cell(0, 0).merge(motions.cell(0, 3)).text = "COUNCIL MOTIONS"
    for col, text in enumerate(("MOTION", "MOVER & SECONDER", "SUBJECT", "DISPOSITION")):
        motions.cell(1, col).text = text
    for col, text in enumerate(("1", "Ash/Quill", "THAT the pond be fenced.", "CARRIED")):
        motions.cell(2, col).text = text
    return _save(document, path)


def test_a_disposition_of_our_own(tmp_path: Path) -> None:
    heading = "DISPOSITION OF ITEMS\nCOUNCIL MEETING – MAY 13, 2020"
    [meeting] = read_docx(_winnipeg_like(tmp_path / "minutes.docx", heading))
    assert (meeting.date, meeting.date_inferred) == (date(2020, 5, 13), False)
    assert [(a.name, a.role) for a in meeting.attendance] == [
        ("Mayor Quill", "chair"),
        ("Councillor Ash", "present"),
        ("Councillor Birch", "absent"),
        ("Ms P. Rowe, Clerk", "officer"),
    ]
    railings, stray, motion = meeting.items
    assert (railings.number, railings.title, railings.decision) == (
        "PC 1",
        "Pond Railings",
        "ADOPTED",
    )
    assert (stray.number, stray.title) == ("PC", "a stray row")
    assert (motion.number, motion.title) == ("Motion 1", "That the pond be fenced.")
    resolution = motion.resolutions[0]
    assert (resolution.mover, resolution.seconder) == ("Councillor Ash", "Mayor Quill")


def test_disposition_date_falls_back_to_the_file_name(tmp_path: Path) -> None:
    path = _winnipeg_like(tmp_path / "DISPOSITION-2020-05-13.docx", "DISPOSITION OF ITEMS")
    [meeting] = read_docx(path)
    assert (meeting.date, meeting.date_inferred) == (date(2020, 5, 13), True)


# -- files that are not Word documents -------------------------------------------------------


def _zip(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as package:
        for name, text in members.items():
            package.writestr(name, text)
    return path


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p.write_bytes(b""), "empty file"),
        (
            lambda p: p.write_text("Minutes of the meeting\n"),
            "not a Word document (not a zip file)",
        ),
        (
            lambda p: _zip(p, {"notes.txt": "hello"}),
            "not a Word document (the zip has no word/document.xml)",
        ),
        (
            lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)),
            "not a .docx (an old .doc or a password-protected Word file); save it as .docx",
        ),
    ],
    ids=["empty", "text", "zip-without-document", "ole"],
)
def test_bad_files_are_unreadable(
    tmp_path: Path, make: Callable[[Path], object], reason: str
) -> None:
    path = tmp_path / "bad.docx"
    make(path)
    for read in (read_docx, docx_text):
        with pytest.raises(UnreadableDocument) as caught:
            read(path)
        assert (caught.value.path, caught.value.reason) == (str(path), reason)


def test_damaged_document_xml_is_unreadable(tmp_path: Path) -> None:
    path = _zip(tmp_path / "bad.docx", {"word/document.xml": "<w:document"})
    with pytest.raises(UnreadableDocument) as caught:
        read_docx(path)
    assert caught.value.reason.startswith("damaged Word document (")


def test_oversized_document_xml_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("indexer.readers.docx.MAX_DOCUMENT_XML", 2**20)
    path = _zip(tmp_path / "big.docx", {"word/document.xml": " " * (2**20 + 1)})
    with pytest.raises(UnreadableDocument) as caught:
        read_docx(path)
    assert caught.value.reason == "word/document.xml unpacks to over 1 MB"


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument) as caught:
        read_docx(tmp_path / "gone.docx")
    assert caught.value.reason == "cannot open the file (No such file or directory)"
