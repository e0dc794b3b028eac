from indexer.extract.attendance import find_attendance, roster, split_names


def pairs(text: str) -> list[tuple[str, str]]:
    return [(a.name, a.role) for a in find_attendance(text)]


def test_apologies_sentence_keeps_honorifics() -> None:
    assert pairs("Apologies were received from Mr B Allbut and Mr B Banks.\n\nNext.") == [
        ("Mr B Allbut", "apologies"),
        ("Mr B Banks", "apologies"),
    ]


def test_header_block_with_every_role() -> None:
    text = (
        "Present: Councillor Mrs L Hodgson (Chairman), Councillors Smith, Jones and Brown, "
        "Councillor Priya Patel (substitute for Councillor K Lee)\n\n"
        "Apologies for absence: Councillor T Black.\n"
        "Also present: Derek Moss (Ashbury Bus Users Group)\n"
        "Officers: Jane Grey (Head of Planning), Mr. R. Kachur, City Clerk\n"
        "Leave of absence: Councillor Z Zed\n"
    )
    assert pairs(text) == [
        ("Councillor Mrs L Hodgson", "chair"),
        ("Councillor Smith", "present"),
        ("Councillor Jones", "present"),
        ("Councillor Brown", "present"),
        ("Councillor Priya Patel", "substitute"),
        ("Councillor T Black", "apologies"),
        ("Derek Moss", "also_present"),
        ("Jane Grey", "officer"),
        ("Mr. R. Kachur", "officer"),
        ("Councillor Z Zed", "absent"),
    ]


def test_list_under_a_label_line() -> None:
    text = "Members present:\nCouncillor A Able\nCouncillor B Baker\n\nSederunt: Provost Smith"
    assert pairs(text) == [
        ("Councillor A Able", "present"),
        ("Councillor B Baker", "present"),
        ("Provost Smith", "present"),
    ]


def test_in_the_chair_and_regrets_none() -> None:
    assert pairs("Councillor J. Bloggs in the Chair.\nRegrets: none") == [
        ("Councillor J. Bloggs", "chair")
    ]


def test_in_attendance_is_also_present() -> None:
    assert pairs("In attendance: Ms K Roe") == [("Ms K Roe", "also_present")]
    assert pairs("Also attended: Mr P M Dale, Mr R C Adams") == [
        ("Mr P M Dale", "also_present"),
        ("Mr R C Adams", "also_present"),
    ]


def test_split_names_expands_plural_honorific() -> None:
    assert split_names("Councillors Dee, Eve and Fox") == [
        "Councillor Dee",
        "Councillor Eve",
        "Councillor Fox",
    ]


def test_present_inside_a_sentence_is_not_a_label() -> None:
    assert pairs("Present also were many members of the public.") == []


def test_roll_call_lead_in_and_inline_absent() -> None:
    text = "3. ROLL CALL: Present: Abbot, Baxter and Mayor Crane. Absent: Dunmore.\n"
    assert pairs(text) == [
        ("Abbot", "present"),
        ("Baxter", "present"),
        ("Mayor Crane", "present"),
        ("Dunmore", "absent"),
    ]


def test_plural_titles_and_trailing_count() -> None:
    text = "Present: Commissioners Ash, Birch and Vice Chair Cedar – 3.\n\nAbsent: None."
    assert pairs(text) == [
        ("Commissioner Ash", "present"),
        ("Commissioner Birch", "present"),
        ("Vice Chair Cedar", "present"),
    ]


def test_titles_after_names_split_members_from_officers() -> None:
    text = (
        "Members of the Council present were: Councillors Ann Oak, Chairman, Councillors "
        "Bo Elm and Cy Fir, and Mrs Di Yew, Clerk\n"
    )
    assert pairs(text) == [
        ("Councillor Ann Oak", "chair"),
        ("Councillor Bo Elm", "present"),
        ("Councillor Cy Fir", "present"),
        ("Mrs Di Yew", "officer"),
    ]


def test_one_person_a_line_with_roles() -> None:
    text = (
        "ROLL CALL Present: Ann Oak, President\nBo Elm, Board Member\n\nStaff: Cy Fir, Planner II\n"
    )
    assert pairs(text) == [
        ("Ann Oak", "present"),
        ("Bo Elm", "present"),
        ("Cy Fir", "officer"),
    ]


def test_names_a_paragraph_after_a_lone_label() -> None:
    text = "Attendance:\n\nCllr Jo Bell JB Chair\n\nCllr Al Moss AM\n\nNia Hale NH Parish Clerk\n\nNotes"
    assert pairs(text) == [
        ("Cllr Jo Bell", "chair"),
        ("Cllr Al Moss", "present"),
        ("Nia Hale", "officer"),
    ]


def test_sentences_name_members_and_officers() -> None:
    text = (
        "The chair opened the meeting. Board members present were supervisors Ann Oak and "
        "Bo Elm, treasurer Cy Fir and guests Di Yew. Also present were Ed Ash and Flo Ray.\n"
        "The Clerk reported apologies from Mr G Gray and Mrs H Hay.\n"
    )
    assert pairs(text) == [
        ("supervisor Ann Oak", "present"),
        ("supervisor Bo Elm", "present"),
        ("treasurer Cy Fir", "officer"),
        ("Di Yew", "also_present"),
        ("Ed Ash", "also_present"),
        ("Flo Ray", "also_present"),
        ("Mr G Gray", "apologies"),
        ("Mrs H Hay", "apologies"),
    ]


def test_stated_presence_late_arrival_and_roll_answers() -> None:
    text = (
        "Councilmembers Oak and Elm were present. Mayor Fir arrived at 7:05 p.m.\n"
        "Director Yew was absent.\n"
        "Clerk: Councillor Ash.\nCouncillor Jo Ash: Present.\n"
    )
    assert pairs(text) == [
        ("Councilmember Oak", "present"),
        ("Councilmember Elm", "present"),
        ("Mayor Fir", "present"),
        ("Director Yew", "absent"),
        ("Councillor Jo Ash", "present"),
    ]


def test_vote_record_absent_is_not_attendance() -> None:
    assert pairs("AYES: Oak, Elm\nNOES: None\nABSENT: Councilmember Fir\n") == []


def test_labels_stacked_over_columns() -> None:
    text = "Members\nPresent:\n\nMembers\nAbsent:\n\nDirector Oak, Director Elm\n\nDirector Fir\n"
    assert pairs(text) == [
        ("Director Oak", "present"),
        ("Director Elm", "present"),
        ("Director Fir", "absent"),
    ]


def test_clause_after_a_name_and_phrases_are_not_people() -> None:
    text = "Also present: PCSO Al Moss who reported on speeding; fifteen residents of the parish"
    assert pairs(text) == [("PCSO Al Moss", "also_present")]


def test_roster_headings_in_capitals_and_columns_of_names() -> None:
    text = (
        "BOARD OF DIRECTORS PRESENT\nAnn Oak, Chair\nBo Elm\n\nDistrict I\nDistrict O\n\n"
        "BOARD OF DIRECTORS ABSENT\nCy Fir\n\nAGENCY STAFF PRESENT\nDi Yew\nEd Ash\n\n"
        "Flo Ray\nGus Hart\n\nOTHERS PRESENT\nHal Ives, Ivy Jay\n"
    )
    assert pairs(text) == [
        ("Ann Oak", "chair"),
        ("Bo Elm", "present"),
        ("Cy Fir", "absent"),
        ("Di Yew", "officer"),
        ("Ed Ash", "officer"),
        ("Flo Ray", "officer"),
        ("Gus Hart", "officer"),
        ("Hal Ives", "also_present"),
        ("Ivy Jay", "also_present"),
    ]


def test_roster_after_the_minutes() -> None:
    body = "The meeting adjourned at 9 pm.\n\nROSTER OF PARTICIPANTS\nMEMBERS PRESENT\nAnn Oak\n"
    assert roster(body) == "ROSTER OF PARTICIPANTS\nMEMBERS PRESENT\nAnn Oak\n"
    assert roster("The members present voted.") == ""


def test_attendee_table_read_as_text() -> None:
    text = (
        "Roll Call\nAttendee Name\nAnn Oak\nBo Elm\n\nTitle\nChair\nDirector, District 2\n\n"
        "Status\nPresent\nRemote\n\nArrived\n5:30 PM\n5:41 PM\n\nCy Fir\n\n"
        "Director, District 3\n\nAbsent\n\nThe chair thanked the staff for the report.\n"
    )
    assert pairs(text) == [("Ann Oak", "present"), ("Bo Elm", "present"), ("Cy Fir", "absent")]


def test_french_labels() -> None:
    text = (
        "Présents : M. Jean Dupont, Mme Claire Martin et M. Paul Roux.\n"
        "Absents excusés : Mme Anne Petit.\nAbsents : M. Luc Blanc.\n"
        "Secrétaire de séance : Mme Eve Morel.\n"
    )
    assert pairs(text) == [
        ("M. Jean Dupont", "present"),
        ("Mme Claire Martin", "present"),
        ("M. Paul Roux", "present"),
        ("Mme Anne Petit", "apologies"),
        ("M. Luc Blanc", "absent"),
        ("Mme Eve Morel", "officer"),
    ]


def test_welsh_labels_and_conjunctions() -> None:
    text = (
        "PRESENNOL\nCynghorwyr Alun Ash, Bryn Elm a’r Cynghorydd Sir Cai Fir.\n\n"
        "Derbyniwyd ymddiheuriadau gan y Cynghorwyr Dai Oak ac Huw Yew.\n"
    )
    assert pairs(text) == [
        ("Alun Ash", "present"),
        ("Bryn Elm", "present"),
        ("Cynghorydd Sir Cai Fir", "present"),
        ("Dai Oak", "apologies"),
        ("Huw Yew", "apologies"),
    ]


def test_chair_forms() -> None:
    assert pairs("The Chairman of the Council, Councillor Ann Oak, in the Chair.") == [
        ("Councillor Ann Oak", "chair")
    ]
    assert pairs("The meeting convened at 5:46 p.m. with Mayor Oak presiding.") == [
        ("Mayor Oak", "chair")
    ]
    assert pairs("Present: Councillor A Oak (Cathaoirleach), Councillor B Elm") == [
        ("Councillor A Oak", "chair"),
        ("Councillor B Elm", "present"),
    ]


def test_one_person_named_in_two_attendance_lists_is_kept_once() -> None:
    from indexer.assemble import read_attendance
    from indexer.extract.items import RawItem

    preamble = "Present: Council Member Ada Quill, Council Member Ben Rook, Mr J Smith, Ms J Smith"
    roll = RawItem("1", "Roll Call", "Councilmembers Quill and Rook were present.")
    names = [a.name for a in read_attendance(preamble, [roll])]
    assert names == [
        "Council Member Ada Quill",
        "Council Member Ben Rook",
        "Mr J Smith",
        "Ms J Smith",
    ]


def test_each_person_is_explained_by_the_label_that_listed_them() -> None:
    from indexer.trace import recording

    with recording() as notes:
        find_attendance("Apologies were received from Councillor Amber Lowe and Mr Ray Dunn.")
    assert [(n.value, n.rule) for n in notes] == [
        ("Councillor Amber Lowe (apologies)", "the label 'Apologies were received from'"),
        ("Mr Ray Dunn (apologies)", "the label 'Apologies were received from'"),
    ]


def test_french_minutes_say_who_presided() -> None:
    text = "Le Conseil s'est réuni sous la présidence de M. Jean Dupont, Maire.\n\nPrésents : Mme Claire Martin"
    assert [(a.name, a.role) for a in find_attendance(text)] == [
        ("Mme Claire Martin", "present"),
        ("M. Jean Dupont", "chair"),
    ]


def test_a_table_padded_with_no_break_spaces_one_member_a_paragraph() -> None:
    pad = "\u00a0 " * 30
    text = (
        f"Present:\n\nFrank Reid (FRE){pad}Councillor/Chairman\n\n"
        f"Mark Pogmore (MPO){pad}Councillor\n\nPeter Agate{pad}Councillor\n\n"
        "1. Apologies. None.\n"
    )
    found = find_attendance(text)
    assert [a.role for a in found] == ["chair", "present", "present"]
    assert [a.name.split()[-1] for a in found] == ["Reid", "Pogmore", "Agate"]


def test_the_officer_who_signs_the_minutes_off() -> None:
    from indexer.extract.attendance import signed_officer

    minutes = (
        "There being no further business, the Mayor adjourned the meeting at 9:52 p.m.\n\n"
        "Respectfully submitted,\n\nLara Weisiger\nCity Clerk\n\n"
        "The agenda for this meeting was posted in accordance with the Sunshine Ordinance.\n"
    )
    officer = signed_officer(minutes)
    assert officer is not None
    assert (officer.name, officer.role) == ("City Clerk Lara Weisiger", "officer")
    assert signed_officer("Respectfully submitted,\n\nThe Committee") is None


def test_a_boards_own_officers_are_its_members() -> None:
    assert pairs(
        "Commissioners Present: Bill Shore, President; Steve Oman, Vice President; "
        "Kevin Ware, Secretary"
    ) == [("Bill Shore", "present"), ("Steve Oman", "present"), ("Kevin Ware", "present")]
    assert pairs("Sederunt: Chris Hill (Chair), Ann Stewart (Secretary), Mrs C Dean (Clerk)") == [
        ("Chris Hill", "chair"),
        ("Ann Stewart", "present"),
        ("Mrs C Dean", "officer"),
    ]


def test_the_organisation_after_a_name_is_not_a_person() -> None:
    assert pairs(
        "Also Present: Cameron Van Wyngarden, Township Manager; Chief Dave Peterson, Fire "
        "Department; Ann Lee, Fehr Engineering\n\nCALL TO ORDER"
    ) == [
        ("Cameron Van Wyngarden", "also_present"),
        ("Chief Dave Peterson", "also_present"),
        ("Ann Lee", "also_present"),
    ]


def test_two_columns_of_titled_names_on_one_line() -> None:
    assert pairs(
        "Present: Cllr J Yelland – Chairman\nCllr T Leech – Vice Chairman\n"
        "Cllr R Cheadle   Cllr P Crozier\nCllr L Daniel    Cllr C Edmonds\n\nApologies: None"
    ) == [
        ("Cllr J Yelland", "chair"),
        ("Cllr T Leech", "present"),
        ("Cllr R Cheadle", "present"),
        ("Cllr P Crozier", "present"),
        ("Cllr L Daniel", "present"),
        ("Cllr C Edmonds", "present"),
    ]


def test_a_members_title_after_a_surname_starts_another_member() -> None:
    assert pairs(
        "Present: Cllr R Cheadle Cllr P Crozier, County Councillor Ann Lee, Cllr Mrs J Kettering"
        "\n\nApologies: None"
    ) == [
        ("Cllr R Cheadle", "present"),
        ("Cllr P Crozier", "present"),
        ("County Councillor Ann Lee", "present"),
        ("Cllr Mrs J Kettering", "present"),
    ]


def test_commissioners_absent_after_commissioners_present() -> None:
    assert pairs(
        "Commissioners Present: Harold Jenkins, Chair; Tom Brennan; Devon Pike\n"
        "Commissioners Absent: Rebecca Moss (excused)\n"
        "Staff Present: Erin Fosdick, Principal Planner\n\nCALL TO ORDER"
    ) == [
        ("Harold Jenkins", "chair"),
        ("Tom Brennan", "present"),
        ("Devon Pike", "present"),
        ("Rebecca Moss", "absent"),
        ("Erin Fosdick", "officer"),
    ]


def test_the_clerk_who_signs_the_minutes_is_not_listed_twice() -> None:
    from indexer.assemble import meeting_from_text

    text = (
        "TOWNSHIP BOARD MINUTES\nJune 12, 2023\n\nBoard Members Present: Supervisor Coleman, "
        "Clerk Melissa Burns\n\n1. CALL TO ORDER\nThe meeting was called to order.\n\n"
        "Respectfully submitted,\nMelissa Burns, Township Clerk\n"
    )
    names = [a.name for a in meeting_from_text(text, "board.txt").attendance]
    assert names == ["Supervisor Coleman", "Clerk Melissa Burns"]


def test_scottish_apologies_intimated_and_officers_with_long_offices() -> None:
    assert pairs(
        "Officers Present:\nMr M MacLeod, Executive Chief Officer, Infrastructure, Environment "
        "and Economy\nMs T Urry, Head of Roads and Infrastructure\n\n1. Apologies\n"
        "Apologies for absence were intimated on behalf of Mr A Jarvie and Mrs M Paterson.\n"
    ) == [
        ("Mr M MacLeod", "officer"),
        ("Ms T Urry", "officer"),
        ("Mr A Jarvie", "apologies"),
        ("Mrs M Paterson", "apologies"),
    ]


def test_a_list_wrapped_after_and_is_still_a_list() -> None:
    assert pairs("Present: Mr A Smith, Mrs B Jones, Mr C Brown and\nMrs D White\n\nx") == [
        ("Mr A Smith", "present"),
        ("Mrs B Jones", "present"),
        ("Mr C Brown", "present"),
        ("Mrs D White", "present"),
    ]
