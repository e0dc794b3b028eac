from pathlib import Path

import pytest

from indexer.model import Meeting
from indexer.read import read_document
from tests.conftest import DATA, SEED

CLUTTER = (
    "pdf icon",
    "PDF 107 KB",
    "Additional documents",
    "view the full minutes text",
    "Share this item",
)


@pytest.fixture
def seed(corpus: Path) -> Meeting:
    [meeting] = read_document(SEED)
    return meeting


@pytest.mark.corpus
def test_seed_items_in_order(seed: Meeting) -> None:
    assert [(i.number, i.title) for i in seed.items] == [
        ("285", "Apologies and Welcome"),
        ("286", "Declaration of Interest and of any Party Whip"),
        ("287", "Public Participation"),
        ("288", "Confirmation of the Minutes of the Previous Meeting"),
        ("289", "Worcestershire Safeguarding Children Board Annual Report 2016-17"),
    ]


@pytest.mark.corpus
def test_seed_meeting_facts(seed: Meeting) -> None:
    assert seed.date is not None and seed.date.isoformat() == "2017-09-13"
    assert seed.date_inferred is True
    assert seed.venue == "County Hall, Worcester"
    assert seed.people("apologies") == ["Mr B Allbut", "Mr B Banks"]


@pytest.mark.corpus
def test_seed_speaker_and_no_clutter(seed: Meeting) -> None:
    assert seed.items[4].speakers == ["Derek Benson"]
    assert "Mr Benson pointed out" in seed.items[4].contributions[0].text
    for item in seed.items:
        for junk in CLUTTER:
            assert junk not in item.text and junk not in item.title
    assert seed.items[1].minutes == "None."
    assert seed.items[3].text.startswith("(previously circulated)")


def test_html_page() -> None:
    [meeting] = read_document(DATA / "brindle-town-council" / "cabinet" / "2020-02-05.html")
    assert (meeting.council, meeting.committee) == ("Brindle Town Council", "Cabinet")
    assert meeting.date is not None and meeting.date.isoformat() == "2020-02-05"
    assert meeting.start_time is not None and meeting.start_time.isoformat() == "18:30:00"
    assert meeting.venue == "Council Chamber, Brindle Town Hall"
    assert [(a.name, a.role) for a in meeting.attendance] == [
        ("Councillor Zoë Müller", "chair"),
        ("Councillor Owen Tate", "present"),
        ("Councillor Hari Sandhu", "present"),
        ("Grace Lund", "officer"),
        ("Councillor Nadia Firth", "apologies"),
    ]
    _, library = meeting.items
    assert (library.number, library.title) == ("42", "Library Opening Hours 2020-21")
    assert library.decision == "RESOLVED that Saturday opening be kept at both libraries. (Y-3)"
    assert library.speakers == [
        "Councillor Owen Tate",
        "Councillor Hari Sandhu",
        "Councillor Zoë Müller",
    ]
    [resolution] = library.resolutions
    assert (resolution.outcome, resolution.votes_for) == ("agreed", 3)
    for junk in (*CLUTTER, "Appendix A", "tracking", "Home"):
        assert junk not in library.text
    assert "£40,000" in library.text


def test_draft_status_from_the_page_title(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "Agenda and draft minutes - Planning Committee - Wednesday, 13th March, 2019 7.00 pm\n\n"
        "Venue: Town Hall\n\nItems\nNo. Item\n\n1.\n\nApologies\n\nMinutes:\n\nNone.\n",
        encoding="utf-8",
    )
    [meeting] = read_document(page)
    assert (meeting.committee, meeting.status, str(meeting.date)) == (
        "Planning Committee",
        "draft",
        "2019-03-13",
    )
    assert [(i.number, i.title, i.minutes) for i in meeting.items] == [("1", "Apologies", "None.")]


def test_numbered_lists_show_their_numbers_as_a_browser_does() -> None:
    from bs4 import BeautifulSoup

    from indexer.readers.moderngov import html_text

    html = (
        "<ol><li><h4>APOLOGIES</h4><p>None.</p></li><li>Minutes</li></ol>"
        '<ol type="i" start="3"><li>Hedges</li><li value="9">Verges</li></ol>'
        '<ol type="A"><li><p>Bus shelter</p></li></ol>'
    )
    assert html_text(BeautifulSoup(html, "lxml")).split("\n\n") == [
        "1. APOLOGIES",
        "None.",
        "2. Minutes",
        "iii. Hedges",
        "ix. Verges",
        "A. Bus shelter",
    ]


def test_html_minutes_numbered_by_a_list_are_read_as_numbered_items(tmp_path: Path) -> None:
    page = tmp_path / "minutes.html"
    page.write_text(
        "<html><body><h1>Minutes of Eastvale Community Council, 10th June 2020</h1>"
        "<p>Present: Cllr A Ash, Cllr B Birch</p><ol>"
        "<li><h4>APOLOGIES</h4><p>None were received.</p></li>"
        "<li><h4>MINUTES OF THE LAST MEETING</h4><p>Agreed.</p></li>"
        "<li><h4>PLANNING</h4><p>No applications.</p></li></ol></body></html>",
        encoding="utf-8",
    )
    [meeting] = read_document(page)
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1", "APOLOGIES"),
        ("2", "MINUTES OF THE LAST MEETING"),
        ("3", "PLANNING"),
    ]


def _text(html: str) -> list[str]:
    from bs4 import BeautifulSoup

    from indexer.readers.moderngov import html_text

    return html_text(BeautifulSoup(html, "lxml")).split("\n\n")


def test_minute_numbers_in_a_column_of_their_own_go_before_the_headings_beside_them() -> None:
    numbers = "<strong>Min</strong><div></div>21/1<div></div>&nbsp;<div></div>21/2b<div></div>21/3"
    text = (
        "<strong>Welcome</strong><div></div>The chair opened the meeting.<div></div>"
        "<strong>Planning</strong><div></div><strong>b. Oak Lane</strong><div></div>Agreed.<div></div>"
        "<strong>Welcome continued</strong><div></div>A resident asked about bins.<div></div>"
        "<p><b>Finance</b></p><p>Payments approved.</p>"
        "<strong>Chair ........ Date</strong>"
    )
    assert _text(f"<table><tr><td>{numbers}</td><td>{text}</td><td>Clerk</td></tr></table>") == [
        "21/1 Welcome",
        "The chair opened the meeting.",
        "Planning",
        "21/2b Oak Lane",
        "Agreed.",
        "Welcome continued",
        "A resident asked about bins.",
        "21/3 Finance",
        "Payments approved.",
        "Chair ........ Date",
        "Clerk",
    ]


def test_one_heading_without_a_number_is_the_one_off_the_numbers_line() -> None:
    numbers = "4<br>&nbsp;<br>&nbsp;<br>&nbsp;<br>5"
    text = "<b>Footpaths</b><br>Stile mended.<br><b>Trees</b><br>None.<br><b>Verges</b><br>Cut."
    assert _text(f"<table><tr><td>{numbers}</td><td>{text}</td></tr></table>") == [
        "4 Footpaths\nStile mended.\nTrees\nNone.\n5 Verges\nCut."
    ]


def test_tables_whose_numbers_and_headings_do_not_pair_are_left_as_they_are() -> None:
    payments = (
        "<table><tr><td>2029</td><td><b>A Hall</b></td><td>Hall hire</td><td>25.00</td></tr>"
        "<tr><td></td><td><b>Total</b></td><td></td><td><b>25.00</b></td></tr></table>"
    )
    assert _text(payments) == ["2029", "A Hall", "Hall hire", "25.00", "Total", "25.00"]
    many = "<table><tr><td>1<br>2<br>3</td><td><b>Bins</b><br>Emptied.</td></tr></table>"
    assert _text(many) == ["1\n2\n3", "Bins\nEmptied."]
