from indexer.extract.speakers import Roster, find_contributions, split_sentences

BENSON = (
    "Derek Benson, Independent Chairman of the Riverside Safeguarding Board (RSB) attended the "
    "meeting to present the annual report.\n\nSince the report was written a partner had been "
    "appointed.  Mr Benson pointed out that recent changes were not included."
)


def test_introduced_presenter_and_later_surname_are_one_person() -> None:
    [benson] = find_contributions(BENSON)
    assert benson.speaker == "Derek Benson"
    assert benson.role == "Independent Chairman of the Riverside Safeguarding Board"
    assert "Mr Benson pointed out that recent changes" in benson.text


def test_short_names_resolve_to_the_attendance() -> None:
    text = "Councillor Patel asked about library opening hours. She said Saturdays mattered."
    [patel] = find_contributions(text, ["Councillor Priya Patel"])
    assert patel.speaker == "Councillor Priya Patel"
    assert patel.text == text


def test_question_and_answer_by_role() -> None:
    text = (
        "In response to a question from Councillor Mrs L Hodgson, the Cabinet Member for "
        "Libraries said that the hours would be reviewed."
    )
    found = find_contributions(text, ["Councillor Mrs L Hodgson"])
    assert [(c.speaker, c.role) for c in found] == [
        ("Councillor Mrs L Hodgson", None),
        ("Cabinet Member for Libraries", "Cabinet Member for Libraries"),
    ]


def test_chairman_resolves_to_the_chair() -> None:
    found = find_contributions("The Chairman thanked officers.", Roster([], chair="Councillor Ng"))
    assert [(c.speaker, c.role) for c in found] == [("Councillor Ng", "Chairman")]


def test_verbs_and_leads() -> None:
    text = "In reply, Councillor J. Smith responded that the depot was on track. Councillor Ode queried the cost."
    assert [c.speaker for c in find_contributions(text)] == [
        "Councillor J. Smith",
        "Councillor Ode",
    ]


def test_plain_narrative_has_no_speakers() -> None:
    assert find_contributions("The report was noted. Members discussed the budget.") == []


def test_sentences_do_not_break_after_initials() -> None:
    assert split_sentences("Mr B. Allbut spoke. Then Dr K. Roe left.") == [
        "Mr B. Allbut spoke.",
        "Then Dr K. Roe left.",
    ]


def test_titles_of_every_country() -> None:
    text = (
        "Supervisor Ann Holt reports the roads are icy. Vice President Orr commented (*5:14) "
        "that the list was long. Councilmember/Board Member deWitt inquired about the cost. "
        "Cr Lamb asked about the hall. Clerk Bo Lind tells the Board the forms are due."
    )
    assert [c.speaker for c in find_contributions(text)] == [
        "Supervisor Ann Holt",
        "Vice President Orr",
        "Councilmember/Board Member deWitt",
        "Cr Lamb",
        "Clerk Bo Lind",
    ]


def test_titles_need_a_name_and_a_speaking_verb() -> None:
    text = "Board Member Ruiz recused herself. Staff gave an update. Director reviews are due."
    assert find_contributions(text) == []
