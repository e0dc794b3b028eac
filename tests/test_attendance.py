from indexer.extract.attendance import find_attendance, split_names


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


def test_split_names_expands_plural_honorific() -> None:
    assert split_names("Councillors Dee, Eve and Fox") == [
        "Councillor Dee",
        "Councillor Eve",
        "Councillor Fox",
    ]


def test_present_inside_a_sentence_is_not_a_label() -> None:
    assert pairs("Present also were many members of the public.") == []
