"""The top of minutes: which body met, for which council, and when."""

from datetime import date

import pytest

from indexer.assemble import meeting_from_text
from indexer.extract.header import read_header, split_council


def facts(text: str) -> tuple[str | None, str | None, date | None]:
    header = read_header(text)
    return header.council, header.committee, header.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "BRINDLE TOWN COUNCIL\nMinutes of the Planning Committee held at the Council Offices "
            "on Wednesday 6 September 2023 at 6.30pm\nPresent: Cllr A Wren (Chair)",
            ("Brindle Town Council", "Planning Committee", date(2023, 9, 6)),
        ),
        (
            "Council Minutes - March 11, 2019 - Township of Centre Fields\n"
            "Regular Council Meeting Minutes\nMonday, March 11, 2019, 6:00 p.m.",
            ("Township of Centre Fields", "Council", date(2019, 3, 11)),
        ),
        (
            "MINUTES OF THE ORDINARY MEETING OF KILDARE COUNTY COUNCIL HELD AT 2.00 P.M. ON "
            "MONDAY 27 MAY 2019\n\nMembers Present: Councillor S Doyle (Cathaoirleach)",
            ("Kildare County Council", "County Council", date(2019, 5, 27)),
        ),
        (
            "WORCESTERSHIRE COUNTY COUNCIL\n\nMINUTES OF THE CABINET MEETING HELD ON THURSDAY "
            "14 MARCH 2019\n\nPresent: Mr S E Geraghty (Chairman)",
            ("Worcestershire County Council", "Cabinet", date(2019, 3, 14)),
        ),
        (
            "PORT OF ELKHORN\nREGULAR COMMISSION MEETING MINUTES\nTuesday, April 9, 2019\n\n"
            "Commissioners Present: Bill Shore, President",
            ("Port of Elkhorn", "Commission", date(2019, 4, 9)),
        ),
        (
            "MINUTES OF THE REGULAR TOWN COUNCIL MEETING\nMONDAY- -MARCH 3, 2014- -7:00 P.M.\n\n"
            "Mayor Lind convened the meeting at 7:02 p.m.",
            (None, "Town Council", date(2014, 3, 3)),
        ),
        (
            "APPROVED MINUTES\nREGULAR MEETING OF THE\nCITY OF EASTVALE HISTORIC PRESERVATION "
            "BOARD\nTUESDAY, MAY 6, 2014\n\n1. ROLL CALL",
            ("City of Eastvale", "Historic Preservation Board", date(2014, 5, 6)),
        ),
        (
            "Minutes of the Regular Meeting of the City\nCouncil\nCity of Eastvale,\nOhio\n"
            "June 2, 2015\nCLOSED SESSION - 4:00 P.M.",
            ("City of Eastvale", "City Council", date(2015, 6, 2)),
        ),
        (
            "The 4th Meeting of the Parks and Recreation Committee\n\nMay 7, 2022, at 2:00 PM\n\n"
            "Present:\nA. Brown, C. Dunn",
            (None, "Parks and Recreation Committee", date(2022, 5, 7)),
        ),
        (
            "Upper Marsh Parish Council - June meeting\n\nMinutes of Upper Marsh Parish Council "
            "Meeting held in the Village Hall\n\nAt 7.30pm on Tuesday 3 June 2014\n\nPresent: Cllr A",
            ("Upper Marsh Parish Council", "Parish Council", date(2014, 6, 3)),
        ),
        (
            "ELMFORD & DALE COMMUNITY COUNCIL\nMEETING 9th MARCH 2016\n\nElmford and Dale "
            "Community Council held their meeting at 7.30pm on the 9th March 2016.",
            ("Elmford & Dale Community Council", "Community Council", date(2016, 3, 9)),
        ),
        (
            "Harbour Transit District\n\nBoard of Directors\nChair – A. Lee, District 1\n"
            "Treasurer – B. Moss, District 2\n\nMINUTES\nFinance Committee\n"
            "Tuesday, April 8, 2025\nREMOTE MEETING",
            ("Harbour Transit District", "Finance Committee", date(2025, 4, 8)),
        ),
        (
            "Minutes (March, 2021)\n\nTown of Pine Lake\n\nCALL TO ORDER\n\nChair Ann Roe called "
            "the monthly meeting to order on March 17, 2021 at 6:30 pm at the town hall.",
            ("Town of Pine Lake", None, date(2021, 3, 17)),
        ),
        (
            "The Corporation of the Town of Cobourg\nRegular Council Meeting Minutes\n\n"
            "Date: Monday, March 27, 2023\nTime: 6:00 p.m.",
            ("Town of Cobourg", "Council", date(2023, 3, 27)),
        ),
        (
            "MINUTES\nBOARD OF COMMISSIONERS\nCOUNTY OF ALAMANCE\nREGULAR MEETING\nApril 3, 2023\n"
            "The Board of Commissioners of the County of Alamance met in regular session.",
            ("County of Alamance", "Board of Commissioners", date(2023, 4, 3)),
        ),
        (
            "CYNGOR CYMUNED LLANFAIR\nCYFARFOD 8fed CHWEFROR 2017\n\nPRESENNOL\nCynghorwyr A",
            ("Cyngor Cymuned Llanfair", "Cyngor Cymuned", date(2017, 2, 8)),
        ),
    ],
)
def test_headings(text: str, expected: tuple[str | None, str | None, date | None]) -> None:
    assert facts(text) == expected


def test_a_page_title_still_wins() -> None:
    text = "Agenda and minutes - Planning Committee - Thursday, 8th October, 2020 7.00 pm\n"
    assert facts(text) == (None, "Planning Committee", date(2020, 10, 8))


def test_the_minutes_approved_do_not_date_the_meeting() -> None:
    text = (
        "Lowfield Parish Council - May meeting\n\nPresent: Cllr A Brown (Chair)\n\n"
        "The Minutes of the meeting held on 5th April 2016 were adopted as a true record.\n"
    )
    assert facts(text)[2] is None


def test_the_next_meeting_does_not_date_the_meeting() -> None:
    text = "Riverside Board\n\nThe next meeting will be held on 4 October 2016 at 7pm.\n"
    assert facts(text)[2] is None


def test_a_prose_date_is_not_a_heading() -> None:
    text = (
        "Harbour Board\n\nA resident said the footpath had been blocked since the storm of "
        "14 February 2016 and asked the board to write to the owner about it.\n"
    )
    assert facts(text)[2] is None


def test_numeric_dates_follow_the_documents_convention() -> None:
    text = "Town Board\n4/5/2020\n\nThe board met on April 5, 2020 as planned."
    assert facts(text)[2] == date(2020, 4, 5)


def test_transcript_heading_names_council_and_committee() -> None:
    text = "Transcript of the Ashford District Council Licensing Committee meeting, 2 May 2019\n"
    assert facts(text) == ("Ashford District Council", "Licensing Committee", date(2019, 5, 2))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("City of Coral Sands City Commission", ("City of Coral Sands", "City Commission")),
        (
            "City of Eastvale Planning and Zoning Commission",
            ("City of Eastvale", "Planning and Zoning Commission"),
        ),
        ("Lowfield Town Council", ("Lowfield Town Council", "Town Council")),
        ("Ashford Borough Council Cabinet", ("Ashford Borough Council", "Cabinet")),
        ("Ashford District Council", ("Ashford District Council", None)),
        ("Planning Committee", (None, "Planning Committee")),
        ("City Council", (None, "City Council")),
    ],
)
def test_split_council(body: str, expected: tuple[str | None, str | None]) -> None:
    assert split_council(body) == expected


def test_us_city_council_is_the_city_of_when_the_text_says_so() -> None:
    text = "SUMMARY OF EASTVALE CITY COUNCIL MEETING\n... the City of Eastvale will ..."
    assert split_council("EASTVALE CITY COUNCIL", text) == ("City of Eastvale", "City Council")


def test_minutes_of_a_body_alone_on_a_line() -> None:
    text = "MINUTES OF THE HARBOUR BOARD\n\nTUESDAY, MAY 6, 2014\n\nCALL TO ORDER\n"
    assert facts(text) == (None, "Harbour Board", date(2014, 5, 6))


def test_the_heading_is_read_when_items_start_at_once() -> None:
    text = (
        "MINUTES OF THE HARBOUR BOARD\n\nTUESDAY, MAY 6, 2014\n\nCALL TO ORDER\n\n"
        "The chair called the meeting to order.\n\nROLL CALL\n\nPresent: Ann Oak, Bo Elm\n\n"
        "ADJOURNMENT\n\nThe meeting adjourned.\n"
    )
    meeting = meeting_from_text(text, "x")
    assert (meeting.committee, meeting.date) == ("Harbour Board", date(2014, 5, 6))
    assert [a.name for a in meeting.attendance] == ["Ann Oak", "Bo Elm"]


def test_a_body_named_after_its_place_is_split_from_the_place() -> None:
    header = read_header(
        "OFFICIAL MINUTES\n\nA regular meeting of the City Commission of the City of Lakeview "
        "was held this 12th day of January, 2011 at 6:00 p.m. in the Commission Chambers.\n"
    )
    assert (header.council, header.committee) == ("City of Lakeview", "City Commission")
    assert header.date == date(2011, 1, 12)


def test_french_minutes_name_their_commune_and_council() -> None:
    header = read_header(
        "COMMUNE DE VILLEBOIS\nPROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL DU 12 JANVIER 2017\n"
    )
    assert (header.council, header.committee) == ("Commune de Villebois", "Conseil municipal")
    assert header.date == date(2017, 1, 12)
