import pytest

from indexer.extract.items import split_items, unglue_headings, unrun
from indexer.trace import recording


def numbers_and_titles(text: str) -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in split_items(text)[1]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Present: Cllr A\n\n77/21 Apologies\n\nNone.\n\n78/21 Bus Depot\n\nDiscussed.\n",
            [("77/21", "Apologies"), ("78/21", "Bus Depot")],
        ),
        (
            "1/19 Minutes\n\nSigned.\n\n2/19 Library Hours\n\nNoted.",
            [("1/19", "Minutes"), ("2/19", "Library Hours")],
        ),
        (
            "PL/23/045 Apologies\n\nNone.\n\nPL/23/046 Planning Applications\n\nText.",
            [("PL/23/045", "Apologies"), ("PL/23/046", "Planning Applications")],
        ),
        (
            "PORT OF ELKHORN\n\nCALL TO ORDER\n\nOpened.\n\nPUBLIC COMMENT\n\nNone.",
            [("", "CALL TO ORDER"), ("", "PUBLIC COMMENT")],
        ),
        (
            "338.1 Budget 2020-21\n\nText.\n\n338.2 Capital Programme\n\nText.",
            [("338.1", "Budget 2020-21"), ("338.2", "Capital Programme")],
        ),
        (
            "Minute 151: Declarations of Interest\n\nNone.\n\nMinute 152: Licensing Policy\n\nText.",
            [("151", "Declarations of Interest"), ("152", "Licensing Policy")],
        ),
        (
            "ITEM 5 Planning Applications\n\nText.\n\nITEM 6 Any Other Business\n\nNone.",
            [("5", "Planning Applications"), ("6", "Any Other Business")],
        ),
        (
            "MH05/17.1 Welcome\n\nText.\n\nMH05/17.2 Care Homes Review\n\nText.",
            [("MH05/17.1", "Welcome"), ("MH05/17.2", "Care Homes Review")],
        ),
        (
            "6. Planning Matters\n\nIntro.\n\n6(a) 19/00412/FUL Bus Depot\n\nText.\n\n"
            "6(b) 19/00530/FUL Mill Lane\n\nText.\n\n(c) Appeals\n\nNone.",
            [
                ("6", "Planning Matters"),
                ("6(a)", "19/00412/FUL Bus Depot"),
                ("6(b)", "19/00530/FUL Mill Lane"),
                ("6(c)", "Appeals"),
            ],
        ),
        (
            "*DM&L.45 APOLOGIES FOR ABSENCE\nApologies were received.\n\n*DM&L.46 DECLARATIONS "
            "OF INTEREST\nNone.\n\nDM&L.47 PLANNING APPLICATIONS\n(a) Application No: 2745/22/FUL",
            [
                ("DM&L.45", "APOLOGIES FOR ABSENCE"),
                ("DM&L.46", "DECLARATIONS OF INTEREST"),
                ("DM&L.47", "PLANNING APPLICATIONS"),
                ("(a)", "Application No: 2745/22/FUL"),
            ],
        ),
        (
            "CAB 12 Budget Monitoring\n\nText.\n\nCAB 13 Bus Depot\n\nText.\n\n"
            "CAB 14 Library Hours\n\nText.",
            [("CAB 12", "Budget Monitoring"), ("CAB 13", "Bus Depot"), ("CAB 14", "Library Hours")],
        ),
        (
            "MINUTES\n\nAPOLOGIES FOR ABSENCE\n\nNone.\n\nLIBRARY OPENING HOURS\n\nText.\n\n"
            "BUS DEPOT REDEVELOPMENT\n\nRESOLVED that it be noted.",
            [
                ("", "APOLOGIES FOR ABSENCE"),
                ("", "LIBRARY OPENING HOURS"),
                ("", "BUS DEPOT REDEVELOPMENT"),
            ],
        ),
    ],
)
def test_numbering_styles(text: str, expected: list[tuple[str, str]]) -> None:
    assert numbers_and_titles(text) == expected


def test_numbered_paragraphs_inside_an_item_are_not_items() -> None:
    text = (
        "5. Budget\n\nRESOLVED that:\n\n1. the budget be approved;\n\n2. That the plan be noted.\n\n"
        "6. Close\n\nEnded."
    )
    assert numbers_and_titles(text) == [("5", "Budget"), ("6", "Close")]


def test_lists_numbered_from_one_again_are_not_items() -> None:
    text = "12. Libraries\n\nText.\n\n1. Opening Hours\n\nA list.\n\n13. Close\n\nEnded."
    assert numbers_and_titles(text) == [("12", "Libraries"), ("13", "Close")]


def test_minutes_and_decision_blocks() -> None:
    text = "4.\n\nBus Depot\n\nThe report.\n\nDecision:\n\nApproved.\n\nMinutes:\n\nDiscussed at length."
    preamble, [item] = split_items("Header\n\n" + text)
    assert preamble.strip() == "Header"
    assert (item.number, item.title) == ("4", "Bus Depot")
    assert item.decision == "Approved."
    assert item.minutes == "Discussed at length."
    assert item.body == "The report.\n\nApproved.\n\nDiscussed at length."


def test_roman_numerals_alone_with_the_title_on_the_next_line() -> None:
    text = (
        "MINUTES\n\nI.\n\nCall to Order\nThe chair opened the meeting.\n\nII.\n\nPublic Comment\n"
        "None.\n\nIII. Old Business\n\nNone.\n\nA. Library Roof\n\nDeferred.\n\n"
        "B. Bus Shelter\n\nAgreed."
    )
    assert numbers_and_titles(text) == [
        ("I", "Call to Order"),
        ("II", "Public Comment"),
        ("III", "Old Business"),
        ("A", "Library Roof"),
        ("B", "Bus Shelter"),
    ]


def test_roman_numerals_the_layout_moved_onto_the_text_above_their_headings() -> None:
    # pdftotext puts a margin's numerals where their line fell in the text's flow: "V." lands
    # in the previous item's text, its heading in capitals a few lines below.
    text = (
        "MINUTES\n\nI.\n\nCALL TO ORDER\n\nThe chair opened the meeting.\n\nII.\n\n"
        "ROLL CALL\n\nAll present.\n\nIII.\n\nRETIREE AWARDS\n\nThe chair thanked the\n\n"
        "IV.\n\nretiring drivers for their years of service to the district and\n"
        "wished them well.\n\nPUBLIC PARTICIPATION\nAnn Rigby spoke about the depot.\n\nV.\n\n"
        "Tom Hale asked about fares on the northern routes.\n\n"
        "COMMITTEE REPORTS-(See Minutes)\nThe reports were received.\n\nVI.\n\n"
        "NEW BUSINESS\n\nNone.\n\nVII.\n\nADJOURN\n"
    )
    assert numbers_and_titles(text) == [
        ("I", "CALL TO ORDER"),
        ("II", "ROLL CALL"),
        ("III", "RETIREE AWARDS"),
        ("IV", "PUBLIC PARTICIPATION"),
        ("V", "COMMITTEE REPORTS-(See Minutes)"),
        ("VI", "NEW BUSINESS"),
        ("VII", "ADJOURN"),
    ]
    _, items = split_items(text)
    assert "Tom Hale asked" in items[3].body  # the text above a moved numeral stays in its item


def test_a_title_ending_on_and_or_of_goes_on_over_the_next_line() -> None:
    text = (
        "27. Library Roof Repairs\n\nApproved.\n\n28. Report of the Director of\n"
        "Finance on the Budget\n\nNoted.\n\n29. Minutes\n\nSigned."
    )
    assert numbers_and_titles(text)[1] == ("28", "Report of the Director of Finance on the Budget")


def test_a_line_that_goes_on_a_sentence_about_an_item_number_is_no_heading() -> None:
    text = (
        "27. Library Roof Repairs\n\nApproved.\n\n"
        "28 WAS PULLED FOR SEPARATE DISCUSSION AND\nAGENDA ITEM NO.\nCONSIDERATION\n"
        "28. Agreement with Mariposa Landscape for Maintenance Services\n\n"
        "Councilmember Bacerra asked about the term.\n\n29. Minutes\n\nSigned."
    )
    assert numbers_and_titles(text) == [
        ("27", "Library Roof Repairs"),
        ("28", "Agreement with Mariposa Landscape for Maintenance Services"),
        ("29", "Minutes"),
    ]


def test_a_numeral_the_layout_moved_onto_a_list_of_names() -> None:
    # The titles are set as titles here, and "VII." landed over the list of the previous
    # item's speakers, its heading after them.
    text = (
        "MINUTES\n\nI.\n\nCall to Order\nThe chair opened the meeting.\n\nII.\n\n"
        "Roll Call - Determination of Quorum\nAttendee Name\nJulien Bird\nBob Broom\n\n"
        "III.\n\nPublic Participation\n\nIV.\n\nAndrea Lusk\nCurtis Chao\nGary Van Dorn\n\n"
        "External Entities Reports\nA report on the line closure.\n\nV.\n\n"
        "Audit Committee Report\nPresented by Committee Chair Penn.\n\nVI.\n\nAdjourn\n"
    )
    assert numbers_and_titles(text) == [
        ("I", "Call to Order"),
        ("II", "Roll Call - Determination of Quorum"),
        ("III", "Public Participation"),
        ("IV", "External Entities Reports"),
        ("V", "Audit Committee Report"),
        ("VI", "Adjourn"),
    ]


def test_sub_items_lettered_in_lower_case() -> None:
    text = (
        "Summary of the Finance Committee\n\nI.\n\nRecommended Actions\n"
        "a. Resolution Authorizing a Reimbursement Agreement\nIt is recommended that ...\n"
        "b. Exercise of Contract Options – Wells Fargo\nIt is recommended that ...\n"
        "Discussion: Director Ortiz asked about the fees.\n\nII.\n\nPayments\n\na. None\n\n"
        "III.\n\nOther Matters\n\nNone.\n"
    )
    assert numbers_and_titles(text) == [
        ("I", "Recommended Actions"),
        ("a", "Resolution Authorizing a Reimbursement Agreement"),
        ("b", "Exercise of Contract Options – Wells Fargo"),
        ("II", "Payments"),
        ("III", "Other Matters"),
    ]


def test_sub_item_letters_that_run_on_through_the_items() -> None:
    text = (
        "MINUTES\n\nI.\n\nCALL TO ORDER\n\nII.\n\nROLL CALL\n\nAll present.\n\n"
        "III.\n\nPUBLIC PARTICIPATION\n\nNone.\n\nIV.\n\nCONSENT AGENDA\n\nA. Bus Shelter Contract\n\nApproved.\n\n"
        "B. Depot Roof Repairs\n\nApproved.\n\nV.\n\nRECOMMENDED ACTION\n\n"
        "C. Fare Policy Review\n\nDirector Lee asked about fares.\n\n"
        "D. Easement at Mill Lane\n\nApproved.\n\nVI.\n\nNEW BUSINESS\n\n"
        "A. Holiday Service\n\nNoted.\n\nF. Stray Letter Later\n\nNot a sub-item.\n\n"
        "VII.\n\nADJOURNMENT\n"
    )
    assert numbers_and_titles(text) == [
        ("I", "CALL TO ORDER"),
        ("II", "ROLL CALL"),
        ("III", "PUBLIC PARTICIPATION"),
        ("IV", "CONSENT AGENDA"),
        ("A", "Bus Shelter Contract"),
        ("B", "Depot Roof Repairs"),
        ("V", "RECOMMENDED ACTION"),
        ("C", "Fare Policy Review"),
        ("D", "Easement at Mill Lane"),
        ("VI", "NEW BUSINESS"),
        ("A", "Holiday Service"),
        ("VII", "ADJOURNMENT"),
    ]


def test_lettered_items() -> None:
    text = "Present: A\n\nA. Call to Order\n\nOpened.\n\nB. Public Comment\n\nNone.\n\nC. Adjourn\n"
    assert numbers_and_titles(text) == [
        ("A", "Call to Order"),
        ("B", "Public Comment"),
        ("C", "Adjourn"),
    ]


def test_a_speakers_list_inside_an_item_is_not_items() -> None:
    text = (
        "3. Minutes\n\nSigned.\n\n4. Petitions\n\nNone.\n\n"
        "5. Parks Strategy\n\n1. J. Smith\n\n2. K. Jones\n\n3. L. Brown\n\n4. M. White\n\n"
        "5.1 Playgrounds\n\nText.\n\n6. Housing\n\nText.\n\n7. Adjournment\n"
    )
    assert numbers_and_titles(text) == [
        ("3", "Minutes"),
        ("4", "Petitions"),
        ("5", "Parks Strategy"),
        ("5.1", "Playgrounds"),
        ("6", "Housing"),
        ("7", "Adjournment"),
    ]


def test_file_numbers_in_brackets_open_items() -> None:
    text = (
        "CONSENT CALENDAR\n\n(*21-101) Minutes of the Regular Meeting held on May 4, 2021.\n"
        "Approved.\n\n(21-102) Recommendation to award a contract for street\nsweeping "
        "services. Accepted.\n\nCouncilmember Ortiz moved approval."
    )
    _preamble, items = split_items(text)
    assert [(i.number, i.title) for i in items] == [
        ("21-101", "Minutes of the Regular Meeting held on May 4, 2021"),
        ("21-102", "Recommendation to award a contract for street sweeping services"),
    ]
    assert "Accepted." in items[1].body  # the paragraph stays in the item's text


def test_items_heard_together_listed_by_their_file_numbers() -> None:
    text = (
        "(21-101) Minutes of the Regular Meeting held on May 4, 2021. Approved.\n\n"
        "(21-102) Public Hearing to consider an Appeal of the Planning Board's denial of a\n"
        "rear deck at 913 Oak Street. Applicant: Fred Hogg; and\n"
        "(21-102A) Resolution No. 13810, Upholding the Planning Board's Denial. Adopted.\n\n"
        "The Supervising Planner gave a presentation.\n\n(21-103) Council Communications.\n"
    )
    _preamble, items = split_items(text)
    assert [i.number for i in items] == ["21-101", "21-102", "21-102A", "21-103"]
    assert "Supervising Planner" in items[2].body


def test_file_numbers_before_item_numbers_and_lettered_sub_items() -> None:
    text = (
        "21-0401 1. ROLL CALL\n\n21-0402 2. APPROVING AGENDA: Moved by Lee to adopt.\n\n"
        "3. Resolutions setting hearings on the following:\n\n"
        "21-0403 (A) Elm Street Bridge. Moved by Lee to adopt.\n"
        "21-0404 (B) Oak Park Shelter. Moved by Lee to adopt.\n\n21-0405 4. Adjournment\n"
    )
    assert numbers_and_titles(text) == [
        ("1", "ROLL CALL"),
        ("2", "APPROVING AGENDA"),
        ("3", "Resolutions setting hearings on the following:"),
        ("3(A)", "Elm Street Bridge"),
        ("3(B)", "Oak Park Shelter"),
        ("4", "Adjournment"),
    ]


def test_run_in_titles() -> None:
    text = (
        "1 Apologies. Apologies were received from Cllr Stone.\n\n"
        "2 Declarations of Interest: none were made.\n\n"
        "3 War Memorial - The Clerk reported that quotes were awaited.\n\n"
        "4 The clerk said that the grass had been cut. It was agreed to pay.\n"
    )
    assert numbers_and_titles(text) == [
        ("1", "Apologies"),
        ("2", "Declarations of Interest"),
        ("3", "War Memorial"),
    ]


def test_numbers_with_zero_and_sub_items() -> None:
    text = "1.0\n\nWelcome\n\n1.1\n\nThe chair welcomed all.\n\n2.0\n\nMinutes\n\nSigned.\n"
    assert numbers_and_titles(text) == [("1.0", "Welcome"), ("2.0", "Minutes")]


def test_long_numbers_without_a_dot_are_not_items() -> None:
    text = "1600 Blake Street\n\nDenver\n\n2041 Grounds Care\n\n£120.00"
    assert numbers_and_titles(text) == []


def test_minute_numbers_running_through_the_year() -> None:
    text = (
        "Present: Mr A Amos\n\n1001 Apologies and Declarations of Interest (Agenda item 1)\n"
        "Apologies from Mr B Hart.\n\n1002 Public Participation (Agenda item 2)\nNone.\n\n"
        "1004 Highways Maintenance Plan (Agenda item 4)\nRESOLVED that the plan be approved.\n\n"
        "1600 Blake Street\n"
    )
    assert [n for n, _ in numbers_and_titles(text)] == ["1001", "1002", "1004"]
    assert numbers_and_titles("1001 Apologies\n\nNone.\n\n2019 Budget Review\n\nText.") == []


def test_a_resolution_titled_by_what_it_does() -> None:
    text = (
        "3. APPROVAL OF MINUTES of December 8, 2010. Approved 5-0.\n"
        "4. RESOLUTION R2011-001 approving a contract with Acme Paving for street resurfacing.\n"
        "Commissioner Fox moved approval.\n5. ADJOURNMENT.\n"
    )
    assert [n for n, _ in numbers_and_titles(text)] == ["3", "4", "5"]


def test_numbered_paragraphs_of_an_item_and_its_resolution_are_not_items() -> None:
    text = (
        "12 PROCEDURAL BUSINESS\n\n12.1 There were no declarations of interest.\n\n"
        "13 THE BEACH BAR, 12 MARINE PARADE - NEW PREMISES LICENCE\n\n"
        "13.1 The Licensing Officer introduced the application. Mr Tom Reed said that the "
        "hours had been reduced.\n\n13.2 RESOLVED - That the application be granted.\n"
    )
    assert numbers_and_titles(text) == [
        ("12", "PROCEDURAL BUSINESS"),
        ("13", "THE BEACH BAR, 12 MARINE PARADE - NEW PREMISES LICENCE"),
    ]


def test_titles_that_wrap_over_lines() -> None:
    text = (
        "1. Certificate of Recognition presented by the Mayor to the High School\n"
        "wrestling team for exceptional performance\n\nThe Mayor presented it.\n\n2. Close\n"
    )
    assert numbers_and_titles(text)[0] == (
        "1",
        "Certificate of Recognition presented by the Mayor to the High School wrestling team "
        "for exceptional performance",
    )


def test_item_numbers_without_the_word_and_titles_on_the_next_line() -> None:
    text = "Agenda Item No. 37\n\nStreet Lighting\n\nText.\n\nITEM 38: Parks\n\n(a) Play Areas\n"
    assert numbers_and_titles(text) == [
        ("37", "Street Lighting"),
        ("38", "Parks"),
        ("38(a)", "Play Areas"),
    ]


def test_a_date_is_not_an_item() -> None:
    assert numbers_and_titles("Minutes\n\n10 June 2020\n\nThe council met.") == []


# Minutes whose PDF text lost its blank lines: a paragraph starts after a finished sentence, a
# short line or a line in capitals, and at a labelled line ("Department: ...").
DENSE = """Minutes of the Regular Meeting of the Town Council
CONSENT CALENDAR
MINUTES: The following speakers addressed the Town Council in person:
1. Ann Example spoke regarding the parking scheme in the market square and asked
for better signs.
2. Bob Sample expressed concern regarding the closure of the library branch on
Saturdays.
MOTION: Councilmember Grey moved to approve the consent calendar, seconded by
Councilmember Green.
3. Approve a Purchase Order to Example Pipes Inc. for Sewer Lining Materials and
Supplies for the Water Division
Department: Public Works Agency
Recommended Action: Approve the purchase order for an amount not to exceed the
budget for the year.
4.Award a Contract for Street Lighting Maintenance
Department: Public Works Agency
Recommended Action: Award the contract to the lowest responsible bidder for the
maintenance of street lights in the town centre.
5. Minutes of the Meeting held on 5 March
Recommended Action: Approve the minutes.
ADJOURNMENT
The meeting was adjourned at 8:05 P.M. by the Mayor of the town."""


def test_dense_text_finds_headings_without_blank_lines() -> None:
    assert numbers_and_titles(DENSE) == [
        (
            "3",
            "Approve a Purchase Order to Example Pipes Inc. for Sewer Lining Materials and "
            "Supplies for the Water Division",
        ),
        ("4", "Award a Contract for Street Lighting Maintenance"),
        ("5", "Minutes of the Meeting held on 5 March"),
    ]


def test_dense_rules_do_not_apply_to_text_with_paragraph_breaks() -> None:
    text = "1. Apologies\n\nNone.\n\n2. Budget\n\nText goes here\n3. Appeals lodged\n"
    assert numbers_and_titles(text) == [("1", "Apologies"), ("2", "Budget")]


def test_numbered_speakers_are_not_items() -> None:
    text = (
        "1. Welcome\n\nThe following spoke:\n\n2. Jane Roe spoke regarding parking\n\n"
        "3. Mr. Smith stated his support for the plan\n\n2. Budget\n\nNoted."
    )
    assert numbers_and_titles(text) == [("1", "Welcome"), ("2", "Budget")]


def test_capital_sections_between_numbered_items() -> None:
    text = (
        "CALL TO ORDER\n\nMinutes: The Mayor opened the meeting.\n\nPRESENTATIONS\n\n"
        "1. Award to the Library Volunteers\n\nMinutes: The Mayor presented the award.\n\n"
        "PUBLIC COMMENTS\nMINUTES: Two residents spoke.\n\nCONSENT ITEMS\n\nAll agreed.\n\n"
        "CLOSED SESSION REPORT — The City Attorney said there was nothing to report.\n\n"
        "2. Street Lighting Contract\n\nA RESOLUTION OF THE TOWN COUNCIL AWARDING A CONTRACT\n"
        "FOR STREET LIGHTING\n\nApproved.\n\nTOWN HALL, MAIN STREET\n\nR\n\nThe end."
    )
    assert numbers_and_titles(text) == [
        ("", "CALL TO ORDER"),
        ("1", "Award to the Library Volunteers"),
        ("", "PUBLIC COMMENTS"),
        ("", "CLOSED SESSION REPORT"),
        ("2", "Street Lighting Contract"),
    ]


def test_a_capital_section_whose_minutes_follow_a_note_and_words_a_pdf_ran_together() -> None:
    text = (
        "CITY COUNCIL MINUTES\nRegular meeting of 20 August 2024\nPresent: Mayor Ruiz.\n"
        "CALL TO ORDER\nMinutes: The Mayor opened the meeting.\n"
        "1. Street Lighting Contract\nRecommended Action: Award the contract to Lumen Ltd\n"
        "for three years, with one option year.\nMinutes: Approved.\n"
        "2. Library Roof Repairs\nRecommended Action: Approve the repairs.\n"
        "Minutes: Approved.\nCITY MANAGER COMMENTS\n"
        "MINUTES: The City Manager thanked staff.\nCOUNCILCOMMENTS\n"
        "DISCLOSURE — If the City paid for travel this is the time for members of the Council\n"
        "to report on it.\nMINUTES: Councilmember Ruiz spoke about the library.\n"
        "ADJOURNMENTTIME\nThe meeting ended.\n"
    )
    assert numbers_and_titles(text) == [
        ("", "CALL TO ORDER"),
        ("1", "Street Lighting Contract"),
        ("2", "Library Roof Repairs"),
        ("", "CITY MANAGER COMMENTS"),
        ("", "COUNCIL COMMENTS"),
    ]


def test_words_run_together_are_split_only_into_words_the_document_prints() -> None:
    assert unglue_headings("COUNCILCOMMENTS\nThe council's comments.") == (
        "COUNCIL COMMENTS\nThe council's comments."
    )
    assert unglue_headings("PUBLICHEARINGS\nNothing else.") == "PUBLICHEARINGS\nNothing else."


def test_capital_lines_are_not_sections_where_items_are_titled_in_capitals() -> None:
    text = (
        "1. APOLOGIES\n\nNone.\n\n2. PLANNING APPLICATIONS\n\nLAND AT MILL LANE\n\n"
        "Approved.\n\n3. FINANCE\n\nNoted."
    )
    assert numbers_and_titles(text) == [("1", "APOLOGIES"), ("2", "PLANNING APPLICATIONS"),
                                        ("3", "FINANCE")]  # fmt: skip


def test_dense_title_in_capitals_is_not_continued_by_its_text() -> None:
    filler = [
        f"Line {n} of a long paragraph of the minutes that runs to the margin." for n in range(16)
    ]
    heading = "1. ANNUAL BUDGET MONITORING REPORT FOR THE YEAR (Agenda item 4)"
    text = "\n".join(
        [*filler, heading, "In respect of the budget the Director of Finance reported a surplus.",
         "2. WORK PROGRAMME (Agenda item 5)", "The work programme for the year was noted."]
    )  # fmt: skip
    assert numbers_and_titles(text) == [
        ("1", "ANNUAL BUDGET MONITORING REPORT FOR THE YEAR (Agenda item 4)"),
        ("2", "WORK PROGRAMME (Agenda item 5)"),
    ]


def test_items_run_together_on_one_line_are_cut_apart() -> None:
    text = (
        "1. INVOCATION. 2. PLEDGE OF ALLEGIANCE. 3. APPROVAL OF MINUTES OF DECEMBER 8, 2010. "
        "Moved by Commissioner Bell to approve the minutes. Motion carried 5-0. 7. Later.\n\n"
        "4. BUDGET AMENDMENT\n\nThe amendment was approved."
    )
    _, items = split_items(text)
    assert [(i.number, i.title) for i in items] == [
        ("1", "INVOCATION"),
        ("2", "PLEDGE OF ALLEGIANCE"),
        ("3", "APPROVAL OF MINUTES OF DECEMBER 8, 2010"),
        ("4", "BUDGET AMENDMENT"),
    ]
    assert "Motion carried 5-0. 7. Later." in items[2].body  # 7 does not follow 3


def test_a_numbered_sentence_list_is_not_cut() -> None:
    text = "1. The budget be approved; 3. the reserves be kept."
    assert unrun(text) == text


def test_a_long_numbered_paragraph_keeps_its_run_in_title() -> None:
    body = "The Clerk reported on the state of the verges and the hedges. " * 6
    text = f"1. Minutes\n\nSigned.\n\n2. Verge Cutting - {body}\n\n3. Close\n\nEnded."
    assert numbers_and_titles(text) == [("1", "Minutes"), ("2", "Verge Cutting"), ("3", "Close")]


def test_a_numbered_paragraph_where_the_outline_lacks_its_number_is_an_item() -> None:
    text = (
        "1. Apologies for absence Apologies were received from Cllr Ash.\n\n"
        "2. Minutes\n\nSigned.\n\n3. Pond Clearance The Clerk had asked for quotes.\n\n"
        "4. Accounts were approved for payment.\n\n5. Close\n\nEnded."
    )
    assert numbers_and_titles(text) == [
        ("1", "Apologies for absence"),
        ("2", "Minutes"),
        ("3", "Pond Clearance"),
        ("4", "Accounts"),
        ("5", "Close"),
    ]


def test_a_numbered_sentence_in_a_gap_is_not_an_item() -> None:
    text = "2. Minutes\n\nSigned.\n\n3. The budget was approved by all.\n\n4. Close\n\nEnded."
    assert numbers_and_titles(text) == [("2", "Minutes"), ("4", "Close")]


def test_sub_items_run_together_with_their_item_are_cut_apart() -> None:
    text = "9. Finance 9.1 Payments. 9.1.1 Bank Balances - The Clerk reported £40."
    assert unrun(text).split("\n\n") == [
        "9. Finance",
        "9.1 Payments.",
        "9.1.1 Bank Balances - The Clerk reported £40.",
    ]


def test_a_sub_number_inside_a_sentence_is_not_cut() -> None:
    text = "4. Policy. The changes to section 4.1 Data retention were agreed."
    assert unrun(text) == text


def test_a_title_ending_in_a_dash_loses_it() -> None:
    text = "1. Reports\n\n1.1 Clerk's Report -\n\nText.\n\n1.2 Chair's Report\n\nText."
    assert numbers_and_titles(text) == [
        ("1", "Reports"),
        ("1.1", "Clerk's Report"),
        ("1.2", "Chair's Report"),
    ]


def test_explain_notes_each_item_and_the_rule_that_found_it() -> None:
    with recording() as notes:
        split_items("1. Minutes\n\nSigned.\n\n2. Pond Clearance The Clerk had asked.\n\n3. Close")
    found = {(n.value, n.rule) for n in notes if n.fact == "item"}
    assert ("1 Minutes", "numbered heading (5. / 5.1)") in found
    assert ("2 Pond Clearance", "numbered paragraph where the outline lacks a number") in found


def test_a_file_number_and_item_number_make_an_item_titled_by_its_first_sentence() -> None:
    text = (
        "21-0401 1. ROLL CALL\n\n"
        "21-0402 2. Oak Lane Stores, Inc., Ann Ash, President dba Corner Shop, 12 E. Oak Lane. "
        "Moved by Lee to adopt. Motion Carried 5-0.\n\n21-0405 3. Adjournment\n"
    )
    assert numbers_and_titles(text) == [
        ("1", "ROLL CALL"),
        ("2", "Oak Lane Stores, Inc., Ann Ash, President dba Corner Shop, 12 E. Oak Lane"),
        ("3", "Adjournment"),
    ]


def test_a_sub_item_letter_printed_after_its_item_number() -> None:
    text = (
        "21-0401 4. Bids for the following:\n\n21-0402 (A) Ash Motors for a truck. Moved.\n\n"
        "21-0403 4. (B) Birch Ltd. for a van. Moved.\n\n21-0404 5. Adjournment\n"
    )
    assert numbers_and_titles(text) == [
        ("4", "Bids for the following:"),
        ("4(A)", "Ash Motors for a truck"),
        ("4(B)", "Birch Ltd. for a van"),
        ("5", "Adjournment"),
    ]


def test_an_item_straight_after_a_finished_sentence_fills_the_outline() -> None:
    text = (
        "1. Minutes\n\nSigned.\n\n2. Budget\n\nThe budget was set.\n3. Parks and Open Spaces\n\n"
        "Noted.\n\n4. Close\n\nEnded."
    )
    assert numbers_and_titles(text) == [
        ("1", "Minutes"),
        ("2", "Budget"),
        ("3", "Parks and Open Spaces"),
        ("4", "Close"),
    ]


def test_a_sub_item_on_the_line_under_its_item_heading() -> None:
    text = (
        "4. Minutes\n\nApproved.\n\n5. Consent Calendar\n5A. Approve the Meeting Calendar\n\n"
        "Approved.\n\n5B. Approve the Budget\n\nApproved.\n\n6. Close\n\nEnded."
    )
    assert numbers_and_titles(text) == [
        ("4", "Minutes"),
        ("5", "Consent Calendar"),
        ("5A", "Approve the Meeting Calendar"),
        ("5B", "Approve the Budget"),
        ("6", "Close"),
    ]


def test_a_title_printed_with_a_full_stop_when_every_word_is_capitalised() -> None:
    text = (
        "A. Report from the Library Director\n\nText.\n\n"
        "B. Draft Minutes of the Regular Meeting of May 2, 2023.\n\nText.\n\n"
        "C. The budget was approved by all.\n\nText."
    )
    assert numbers_and_titles(text) == [
        ("A", "Report from the Library Director"),
        ("B", "Draft Minutes of the Regular Meeting of May 2, 2023."),
    ]


def test_numbering_restarts_under_a_heading_in_capitals() -> None:
    text = (
        "1. Conference with Legal Counsel\n\nText.\n\n2. Liability Claim\n\nText.\n\n"
        "3. Labor Negotiator\n\nText.\n\nCEREMONIAL PRESENTATIONS\n\n"
        "1. Certificate to the Wrestling Team\n\nText.\n\n2. Proclamation for Arts Month\n\n"
        "Text.\n\n3. Excused Absences\n\nText.\n\n4. Minutes of May 2\n\nText.\n\n"
        "RESOLVED\n\n1. Hire a planner\n\n2. Buy a bench"
    )
    assert [n for n, _ in numbers_and_titles(text)] == ["1", "2", "3", "1", "2", "3", "4"]


def test_a_title_ending_in_a_comma_goes_on_to_the_next_line() -> None:
    text = (
        "A. Report for September\n\nText.\n\n"
        "B. Financial Report Reflecting Expenditures for September and October ,\n2023.\n\n"
        "C. Bills for Ratification\n\nText."
    )
    assert numbers_and_titles(text)[1] == (
        "B",
        "Financial Report Reflecting Expenditures for September and October , 2023.",
    )


def test_lettered_sub_items_alone_after_a_sentence_and_across_a_page_break() -> None:
    text = (
        "XI. UNANIMOUS CONSENT\n\nThe motion passed.\n\n"
        "A. Purchase of Six Rail Vehicles\nIt is recommended that the Board approve.\n"
        "\fB. Disposition Plan for Excess Land in Ft. Lupton, Weld County\n"
        "It is recommended that the Board approve.\n"
        "C. Contract Extension for Mapping\nIt is recommended that the Board approve.\n"
        "D.\n\nHop Cost Share Agreement\nIt is recommended that the Board approve.\n\n"
        "XII. ADJOURN\n\nThe meeting ended."
    )
    assert numbers_and_titles(text) == [
        ("XI", "UNANIMOUS CONSENT"),
        ("A", "Purchase of Six Rail Vehicles"),
        ("B", "Disposition Plan for Excess Land in Ft. Lupton, Weld County"),
        ("C", "Contract Extension for Mapping"),
        ("D", "Hop Cost Share Agreement"),
        ("XII", "ADJOURN"),
    ]


def test_an_initial_and_a_surname_is_no_sub_item() -> None:
    text = (
        "4. Closed Session\n\nA matter of litigation.\n\nYeas:\nMayor J. Morgan\n"
        "A. Hopkins Mayor J. Morgan\nS. Lewis\n\n5. Adjournment\n\nEnded."
    )
    assert numbers_and_titles(text) == [("4", "Closed Session"), ("5", "Adjournment")]


def test_minute_numbers_that_carry_the_meetings_date() -> None:
    text = (
        "24/03/5/1 Apologies\n\nCllr Ash.\n\n"
        "24/03/5/2 Village Hall Roof\n\nQuotes were noted.\n\n"
        "24/03/5/2ii Guttering\n\nThe Clerk will ask for a quote."
    )
    _, items = split_items(text)
    assert [(i.number, i.title) for i in items] == [
        ("24/03/5/1", "Apologies"),
        ("24/03/5/2", "Village Hall Roof"),
        ("24/03/5/2ii", "Guttering"),
    ]


def test_a_date_with_slashes_is_still_no_item() -> None:
    _, items = split_items("12/03/2024\n\nThe meeting opened.\n\n5/3 was the date set.")
    assert items == []


def test_roman_headings_whose_blank_lines_were_lost_and_that_run_into_a_paragraph() -> None:
    text = (
        "Call to Order: the Chair opened the meeting at 6 p.m. and welcomed the members.\n"
        "I.\n\nRecommended Actions\nIt is recommended that the Board approve the contract.\n"
        "The motion passed unanimously.\n"
        "II. Quarterly Investment Report – Ann Lee, Manager of Treasury and Investments\n"
        "gave this update. The portfolio met two of its three benchmarks.\n"
        "III. Other Matters – The General Manager spoke about the tram extension.\n"
    )
    assert numbers_and_titles(text) == [
        ("I", "Recommended Actions"),
        ("II", "Quarterly Investment Report"),
        ("III", "Other Matters"),
    ]


def test_bracketed_file_numbers_are_items_whatever_they_open_with() -> None:
    text = (
        "(10-031 CC/ARRA) Recommendation to Accept the Annual Financial Report.\n\n"
        "(10-032 CC/ARRA/10-02 CIC) Recommendation to Accept the Financial Report for the\n"
        "Fourth Fiscal Quarter Ending June 2009.\n\n"
        "(10-033 CC) Vice Mayor Lee stated that he attended a kickoff of the census; the\n"
        "census is a ten minute questionnaire.\n\n"
        "(10-034 CC) Councilmember Tam stated that she attended the League meeting.\n"
    )
    assert [number for number, _ in numbers_and_titles(text)] == [
        "10-031 CC/ARRA",
        "10-032 CC/ARRA/10-02 CIC",
        "10-033 CC",
        "10-034 CC",
    ]


def test_a_page_marker_line_is_a_break_and_a_roman_numeral_alone_is_a_heading() -> None:
    text = (
        "BOARD OF DIRECTORS MEETING\nDecember 18, 2012 at 5:30 PM\nI.\n\nCALL TO ORDER\n"
        "The Chair called the meeting to order.\n\n"
        "1. Minutes of the Last Meeting\nMINUTES: Approved as printed.\n"
        "--- PAGE 5 ---\n"
        "PUBLIC COMMENTS — Public comments will be heard now.\n"
        "MINUTES: Three people spoke.\n\n"
        "2. Budget\nMINUTES: Adopted.\n"
    )
    _, items = split_items(text)
    assert [(i.number, i.title) for i in items] == [
        ("1", "Minutes of the Last Meeting"),
        ("", "PUBLIC COMMENTS"),
        ("2", "Budget"),
    ]
    assert numbers_and_titles(
        "Minutes\nDecember 18, 2012 at 5:30 PM\nI.\n\nCALL TO ORDER\n"
        "The Chair opened it.\n\nII.\n\nADJOURN\nDone."
    ) == [
        ("I", "CALL TO ORDER"),
        ("II", "ADJOURN"),
    ]


def test_a_file_numbered_item_under_a_heading_in_capitals() -> None:
    text = (
        "05-1139 23. Approving Tax Abatement Application for 1800 Guthrie Avenue. Moved by\n"
        "Hensley to adopt. Motion Carried 6-1.\n\n"
        "SETTING DATE OF HEARINGS\n"
        "05-1140 25. On rezoning property in the vicinity of 627 SE 6th Street. Moved by\n"
        "Hensley to adopt. Motion Carried 6-1.\n"
    )
    assert [number for number, _ in numbers_and_titles(text)] == ["23", "25"]


def test_thousands_of_numbered_lines_keep_the_longest_outline() -> None:
    # 6,000 numbered lines counting 1..50 over and over: one run of 1..50 is the outline, the
    # rest are lists inside its items (this took about 20 s before the run was looked up by
    # number rather than against every earlier heading; now well under a second).
    lines = [f"{n % 50 + 1}. Item {n} Report\n\nThe committee discussed it.\n" for n in range(6000)]
    _, items = split_items("\n".join(lines))
    assert [i.number for i in items] == [str(n) for n in range(1, 51)]


def test_initials_and_a_number_once_are_no_minute_numbering() -> None:
    text = "1. Planning\n\nText.\n\nHS 2 Rail Link Update\n\nText.\n\n2. Any Other Business"
    assert numbers_and_titles(text) == [("1", "Planning"), ("2", "Any Other Business")]


def test_a_heading_in_capitals_after_a_short_line_that_lost_its_blank_line() -> None:
    text = (
        "9.1 PLANNING APPLICATION PLA0312/22\n\nRESOLUTION 2023/33\nThat Council grants a permit."
        "\nCARRIED\nAgainst: Cr Owen\n9.2 DROUIN RECREATION RESERVE MASTER PLAN\n"
        "RESOLUTION 2023/34\nThat Council adopts the plan\nAgainst: Cr Lee\n9.3 Further grants were noted"
    )
    assert numbers_and_titles(text) == [
        ("9.1", "PLANNING APPLICATION PLA0312/22"),
        ("9.2", "DROUIN RECREATION RESERVE MASTER PLAN"),
    ]


def test_a_numbered_paragraph_moving_a_motion_is_no_item() -> None:
    text = (
        "6. Motions\n\n6.1 Mr Aquarone moved and Mr Adams seconded the following motion:\n"
        '"Council calls on Cabinet to review the Western Link."\n\n7. Any Other Business'
    )
    assert numbers_and_titles(text) == [("6", "Motions"), ("7", "Any Other Business")]
