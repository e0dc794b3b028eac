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


def speakers(text: str, known: Roster | list[str] | None = None) -> list[str]:
    """Return the speakers found in ``text``, in order."""
    return [c.speaker for c in find_contributions(text, known if known is not None else [])]


def test_bare_name_of_a_member_of_the_meeting() -> None:
    roster = Roster(["Supervisor Ann Holt", "Clerk Bo Lind"])
    text = "Ann Holt suggests a new cabinet. Bo Lind requests quotes. Elm Road remains closed."
    assert speakers(text, roster) == ["Supervisor Ann Holt", "Clerk Bo Lind"]


def test_bare_unknown_name_needs_a_verb_only_people_use() -> None:
    text = (
        "Jane Roe spoke in opposition to the item. Tom Pike had expressed an interest in the "
        "post. Public Works presented the plan."
    )
    assert speakers(text) == ["Jane Roe"]


def test_plural_titles_give_each_name_its_title() -> None:
    text = (
        "Councillors Ode and Lamb asked about the depot. Cllrs Vine and Moss advised caution. "
        "Directors Holt, Ray and Chair Wynn spoke."
    )
    assert speakers(text) == [
        "Councillor Ode",
        "Councillor Lamb",
        "Cllr Vine",
        "Cllr Moss",
        "Director Holt",
        "Director Ray",
        "Chair Wynn",
    ]


def test_names_listed_after_a_speakers_label() -> None:
    text = (
        "Speakers: Ann Lee, Springfield; Bob Ray, Tenants Association; and Cy Dunn, Oakland.\n\n"
        "Proponents (in favour): Di Fox, Elmwood, and Ed Park, Elmwood.\n\n"
        "Expressed support for the project: Flo Hart, Riverside Trust."
    )
    assert speakers(text) == ["Ann Lee", "Bob Ray", "Cy Dunn", "Di Fox", "Ed Park", "Flo Hart"]


def test_numbered_speakers_after_a_following_speakers_sentence() -> None:
    text = (
        "The following speakers addressed the Council in person:\n"
        "1. Robin spoke in opposition to the item.\n"
        "2. Gus Tran spoke regarding parking on Elm\nStreet.\n"
        "3. An unidentified speaker spoke in support.\n"
        "TOWN COUNCIL 4 MAY 2, 2024\n\n--- PAGE 5 ---\n"
        "4. Kay L. spoke in support.\n\n"
        "The motion carried."
    )
    assert speakers(text) == ["Robin", "Gus Tran", "Kay L"]


def test_listed_presenters_one_a_paragraph() -> None:
    text = (
        "it being pointed out that the following individuals made verbal presentations at the "
        "public participation meeting:\n\nM. Ash, Ash Planning;\n\n-    R. Bell; and,\n\n"
        "it being noted that the application conforms."
    )
    assert speakers(text) == ["M. Ash", "R. Bell"]


def test_name_with_affiliation_or_job_title_before_the_verb() -> None:
    text = (
        "(24-101) Ana Diaz, Alameda, called for a ceasefire. Ken Lu, Vice President, Island "
        "Poets, read a poem. Mo Said, Planner II, gave a presentation. Councillor Ode, seconded "
        "by Councillor Lamb, moved approval."
    )
    found = find_contributions(text)
    assert [(c.speaker, c.role) for c in found] == [
        ("Ana Diaz", "Alameda"),
        ("Ken Lu", "Vice President, Island Poets"),
        ("Mo Said", "Planner II"),
    ]


def test_initials_stand_for_members() -> None:
    roster = Roster(["Paula Kellingray", "Claire Cann"])
    text = (
        "PK reported an incident. CC introduced Richard Stimson (RS), Compliance Officer. "
        "RS confirmed the speed limit. NCC explained the rules."
    )
    assert speakers(text, roster) == [
        "Paula Kellingray",
        "Claire Cann",
        "Richard Stimson",
    ]


def test_initials_of_a_body_are_not_a_person() -> None:
    text = "We met Northfield County Council (NCC). NCC explained the rules."
    assert speakers(text, Roster(["Nora Cole Carr"])) == []


def test_to_which_gives_the_one_answering() -> None:
    text = (
        "Mayor Ruiz inquired about the garage, to which the Supervising Planner responded "
        "that it had one space."
    )
    assert speakers(text) == ["Mayor Ruiz", "Supervising Planner"]


def test_read_or_presented_by_and_discussion_among() -> None:
    text = (
        "Presented by Committee Chair Holt.\n\nRead by Director Sloan.\n\n"
        "Discussion ensued among Councilmembers Ode, Vine and Lamb."
    )
    assert speakers(text) == [
        "Committee Chair Holt",
        "Director Sloan",
        "Councilmember Ode",
        "Councilmember Vine",
        "Councilmember Lamb",
    ]


def test_the_mayor_resolves_to_the_member_titled_mayor() -> None:
    roster = Roster(["Mayor Ann Wu", "Vice Mayor Bo Orr"])
    found = find_contributions("The Mayor thanked staff for the report.", roster)
    assert [(c.speaker, c.role) for c in found] == [("Mayor Ann Wu", "Mayor")]


def test_an_office_named_with_its_holder_resolves_later() -> None:
    roster = Roster(["Councillor Zoe Hart"])
    text = (
        "The Cabinet Member for Culture, Councillor Hart, replied that the hours would be "
        "kept.\n\nThe Cabinet Member for Culture presented the report."
    )
    assert speakers(text, roster) == ["Councillor Zoe Hart"]


def test_people_merely_mentioned_are_not_speakers() -> None:
    text = (
        "A letter from Mr Ash was noted. Thanks were given to Jane Roe for the flowers. "
        "The meeting thanked Councillor Ode. Members agreed that Cllr Vine should reply."
    )
    assert speakers(text) == []
