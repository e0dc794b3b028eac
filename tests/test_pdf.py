from datetime import date
from pathlib import Path

import pytest

from indexer.errors import UnreadableDocument
from indexer.read import read_document
from indexer.readers.ocr import tesseract
from indexer.readers.pdf import join_pages, pdf_text
from tests.pdfs import encrypt_pdf, make_pdf, make_scanned_pdf

HEAD = "Brindle Town Council - Planning Committee - 4 March 2020"
PAGES = [
    [
        "BRINDLE TOWN COUNCIL",
        "",
        "MINUTES of the meeting of the Planning Committee held at the Town Hall, Brindle",
        "on Wednesday 4 March 2020 at 7.00 pm",
        "",
        "Present: Councillor Owen Tate (Chairman), Councillor Hari Sandhu",
        "",
        "12/20 Bus Depot Redevelopment",
        "",
        "Councillor Sandhu asked about the timetable for the redevel-",
        "opment of the depot.",
    ],
    [
        "RESOLVED that planning application 20/00123/FUL be approved. Ayes: 2 Nays: 0",
        "",
        "13/20 Any Other Business",
        "",
        "None.",
    ],
]


def test_text_layer_without_running_heads_and_numbers(tmp_path: Path) -> None:
    text = pdf_text(make_pdf(tmp_path / "m.pdf", PAGES, head=HEAD))
    assert HEAD not in text
    assert "Page 1 of 2" not in text and "Page 2 of 2" not in text
    assert "the redevelopment of the depot." in text


def test_pdf_minutes_are_read(tmp_path: Path) -> None:
    [meeting] = read_document(make_pdf(tmp_path / "m.pdf", PAGES, head=HEAD))
    assert (meeting.council, meeting.committee, str(meeting.date)) == (
        "Brindle Town Council",
        "Planning Committee",
        "2020-03-04",
    )
    assert [(i.number, i.title) for i in meeting.items] == [
        ("12/20", "Bus Depot Redevelopment"),
        ("13/20", "Any Other Business"),
    ]
    [resolution] = meeting.items[0].resolutions
    assert (resolution.outcome, resolution.votes_for) == ("approved", 2)
    assert meeting.items[0].speakers == ["Councillor Hari Sandhu"]


def test_join_pages_keeps_lines_that_do_not_repeat() -> None:
    pages = ["Head\nOne\n1", "Head\nTwo\n2", "Head\nThree\n3"]
    assert join_pages(pages) == "One\nTwo\nThree"


def test_a_running_label_the_layout_put_mid_page_is_dropped_after_the_first_page() -> None:
    # "Regular Meeting" set in a margin lands mid-page in the text's flow, between the lines
    # of a paragraph; on the first page it is the document's title and stays.
    pages = [
        "Regular Meeting\nMINUTES OF THE CITY COUNCIL\nRoll call.\nThe motion carried.\nA.\nB.",
        "Item 4.\nC.\nAdopted.\nRegular Meeting\n(05-012) Resolution on street sweepers.\n"
        "The motion carried.\nD.\nE.",
        "Item 5.\nF.\nCarried by unanimous\nRegular Meeting\nvote. Mayor Ruiz thanked staff.\n"
        "The motion carried.\nG.\nH.",
        "Item 6.\nI.\nAgreed.\nRegular Meeting\nAdjourned at 9 pm.\nThe motion carried.\nJ.\nK.",
    ]
    text = join_pages(pages)
    assert text.count("Regular Meeting") == 1 and text.startswith("Regular Meeting")
    assert "Adopted.\n\n(05-012) Resolution on street sweepers." in text  # its paragraph break
    assert "Carried by unanimous\nvote." in text  # mid-sentence: no break
    assert text.count("The motion carried.") == 4  # a sentence that repeats is text, not a label


def test_encrypted_pdf_is_refused_with_the_reason(tmp_path: Path) -> None:
    plain = make_pdf(tmp_path / "plain.pdf", PAGES)
    locked = encrypt_pdf(plain, tmp_path / "locked.pdf", "secret")
    with pytest.raises(UnreadableDocument) as raised:
        read_document(locked)
    assert str(raised.value) == f"{locked}: the PDF is encrypted and needs a password"


def test_truncated_pdf(tmp_path: Path) -> None:
    whole = make_pdf(tmp_path / "whole.pdf", PAGES).read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(UnreadableDocument) as raised:
        read_document(cut)
    assert raised.value.reason.startswith("not a readable PDF (damaged or truncated")


def test_pdf_without_text_and_no_ocr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MINUTES_SEARCH_TESSERACT", "no-such-tesseract")
    blank = make_pdf(tmp_path / "blank.pdf", [[]])
    with pytest.raises(UnreadableDocument) as raised:
        read_document(blank)
    assert raised.value.reason == (
        "scanned: no text layer (install Tesseract, e.g. `apt-get install tesseract-ocr`, "
        "to read it by OCR)"
    )


needs_tesseract = pytest.mark.skipif(tesseract() is None, reason="Tesseract is not installed")


@needs_tesseract
def test_blank_pdf_read_by_ocr_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MINUTES_SEARCH_CACHE", str(tmp_path / "cache"))
    blank = make_pdf(tmp_path / "blank.pdf", [[]])
    with pytest.raises(UnreadableDocument) as raised:
        read_document(blank)
    assert raised.value.reason == "scanned: no text layer, and OCR found no text"


@needs_tesseract
def test_scanned_pdf_is_read_by_ocr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MINUTES_SEARCH_CACHE", str(tmp_path / "cache"))
    lines = [
        "MINUTES OF THE MEETING OF THE PLANNING COMMITTEE",
        "held on Tuesday 14 July 2020",
        "",
        "Present: Councillors Amber Lowe and Victor Quince",
        "",
        "1. Apologies for Absence",
        "",
        "There were none.",
        "",
        "2. Bus Depot Extension",
        "",
        "RESOLVED that the application be approved.",
    ]
    [meeting] = read_document(make_scanned_pdf(tmp_path / "scan.pdf", lines))
    assert meeting.date == date(2020, 7, 14)
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1", "Apologies for Absence"),
        ("2", "Bus Depot Extension"),
    ]
    [cached] = (tmp_path / "cache" / "ocr").iterdir()  # a second read costs no OCR
    monkeypatch.setenv("MINUTES_SEARCH_TESSERACT", "/bin/false")
    assert read_document(tmp_path / "scan.pdf") == [meeting]
    assert cached.name.endswith("-150.json")
