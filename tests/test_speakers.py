import pytest

from indexer import trace
from indexer.extract.speakers import (
    Roster,
    find_contributions,
    office_holders,
    same_person,
    signed_chair,
    split_sentences,
)
from indexer.readers.plaintext import parse_meetings

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


def test_inline_turns_of_the_meetings_people_in_ordinary_minutes() -> None:
    people = Roster(
        ["Commissioner Bell", "Commissioner Dunn", "Commissioner Cortez", "Commissioner Ellis",
         "Mayor Ann Garber"],
        chair="Mayor Ann Garber",
    )  # fmt: skip
    vote = "Bell: I move approval.\nDunn: Second.\nGarber: All in favor? The motion carries unanimously."
    assert [c.speaker for c in find_contributions(vote, people)] == [
        "Commissioner Bell",
        "Commissioner Dunn",
        "Mayor Ann Garber",
    ]
    question = "Cortez: I have a question about the survey.\nEllis: They held two meetings."
    assert [c.speaker for c in find_contributions(question, people)] == [
        "Commissioner Cortez",
        "Commissioner Ellis",
    ]


def test_inline_turn_of_an_unknown_name_or_a_field_is_no_speaker() -> None:
    people = Roster(["Commissioner Bell"])
    assert find_contributions("Kemp: They held two meetings.", people) == []
    assert find_contributions("Bell: Aye.\nAction: Approve the plan.", people) == []


def test_a_note_names_the_rule_and_the_words_of_an_inline_turn() -> None:
    with trace.recording() as notes:
        find_contributions("Ellis: They held two meetings.", ["Commissioner Ellis"])
    assert [(n.fact, n.value, n.rule, n.evidence) for n in notes] == [
        (
            "speaker",
            "Commissioner Ellis",
            "a 'Name:' turn inline in the minutes",
            "Ellis: They held two meetings.",
        )
    ]


def test_a_given_name_that_differs_is_another_person() -> None:
    people = Roster(["Council Member Johnathan Hernandez"])
    text = "Cristian Hernandez spoke in support. Councilmember Hernandez asked a question."
    assert [c.speaker for c in find_contributions(text, people)] == [
        "Cristian Hernandez",
        "Council Member Johnathan Hernandez",
    ]


def test_numbered_lines_are_sentences_and_may_name_one_by_a_given_name() -> None:
    text = (
        "The following people addressed the Board in person:\n1. Jane Roe spoke in support.\n"
        "2. Tom Lee spoke in opposition.\n\nMOTION: Member Ash moved to extend the time.\n\n"
        "3. Ann Wu spoke in support. \n4. Roz spoke in support of the item.\n"
        "5. Staff spoke about the cost."
    )
    assert [c.speaker for c in find_contributions(text)] == [
        "Jane Roe",
        "Tom Lee",
        "Ann Wu",
        "Roz",
    ]


def test_an_office_the_attendance_gives_resolves_to_its_holder() -> None:
    attendance = (
        "Present: Cllr Ann Oak (Chair), Cllr Tom Ash. In attendance: Peter Kemp, Parish Clerk."
    )
    names = ["Cllr Ann Oak", "Cllr Tom Ash", "Peter Kemp"]
    roles = office_holders(attendance, names)
    assert roles == {"parish clerk": "Peter Kemp"}
    text = "The Parish Clerk reported on the grant. The Clerk noted the deadline."
    people = Roster(names, chair="Cllr Ann Oak", roles=roles)
    assert [(c.speaker, c.role) for c in find_contributions(text, people)] == [
        ("Peter Kemp", "Parish Clerk"),
    ]


def test_an_office_of_one_word_nobody_holds_is_no_speaker() -> None:
    assert find_contributions("The Clerk reported on the grant.") == []


def test_an_office_two_people_hold_resolves_to_neither() -> None:
    text = "In attendance: Ann Lee, Planning Officer; Tom Gray, Planning Officer."
    assert office_holders(text, ["Ann Lee", "Tom Gray"]) == {}


def test_a_name_with_an_initial_and_words_before_a_title() -> None:
    text = "1. Nadia K. spoke in support. Seconded Cllr L Ash, all agreed."
    assert [c.speaker for c in find_contributions(text, ["Cllr L Ash"])] == ["Nadia K"]


def test_proposing_a_motion_a_seconder_takes_up_is_no_speech() -> None:
    moved = "Cllr Ash proposed that the grant be paid. Seconded Cllr Birch, all agreed."
    assert find_contributions(moved, ["Cllr Ash", "Cllr Birch"]) == []
    idea = "Cllr Ash proposed a new bench by the pond."
    assert [c.speaker for c in find_contributions(idea, ["Cllr Ash"])] == ["Cllr Ash"]


def test_what_was_said_then_the_speaker_after_a_colon() -> None:
    text = (
        "Stated that she supports the new library hours: Jane Roe, Eastvale.\n\n"
        "Expressed concern about parking: Tom Lee.\n\nNoted: the report."
    )
    assert [c.speaker for c in find_contributions(text)] == ["Jane Roe", "Tom Lee"]


def test_how_and_when_a_speaker_attended_stands_between_name_and_verb() -> None:
    text = (
        "Ann Wu, via Zoom, (*36:54) discussed the bus routes.\n\n"
        "Bo Li, in person, (*1:02:13) who lives on Oak Lane, urged more stops.\n\n"
        "Cy Day, via Zoom (*1:05:00) President of the Cycling Club, asked about lanes.\n\n"
        "Di Fox, Senior Planner, made several announcements."
    )
    found = find_contributions(text)
    assert [(c.speaker, c.role) for c in found] == [
        ("Ann Wu", None),
        ("Bo Li", None),
        ("Cy Day", "President of the Cycling Club"),
        ("Di Fox", "Senior Planner"),
    ]


def speakers_of(text: str, people: Roster) -> list[str]:
    return [c.speaker for c in find_contributions(text, people)]


def test_a_heading_run_into_the_paragraph_by_a_dash() -> None:
    people = Roster(["Peter Kemp"], roles={"parish clerk": "Peter Kemp"})
    text = "6.4 Speed Monitor - The Parish Clerk reported that the post was in place."
    assert speakers_of(text, people) == ["Peter Kemp"]


def test_initials_introduced_anywhere_in_the_meeting() -> None:
    people = Roster(["Paula Kellingray", "Peter Kemp"])  # both PK: ambiguous alone
    people.learn_initials("Present: Ann Bell (AB), Paula Kellingray (PK)")
    assert speakers_of("Police Report - PK reported an incident.", people) == ["Paula Kellingray"]


def test_the_chair_signed_under_the_minutes() -> None:
    names = ["Miss Jane Ritchie", "Mr Andrew Landau"]
    assert signed_chair("8. Any other business\n\nChairman: J O Ritchie\n", names) == (
        "Miss Jane Ritchie"
    )
    assert signed_chair("Chairman: Tom Lee\n", names) is None  # nobody of the meeting
    assert signed_chair("Chairman: Thank you all.\n", names) is None


def test_a_portfolio_named_with_commas() -> None:
    people = Roster(roles={"cabinet member for culture": "Councillor Zoe Hartley"})
    text = "The Cabinet Member for Culture, Leisure and Libraries said the hours would return."
    assert speakers_of(text, people) == ["Councillor Zoe Hartley"]


def test_a_field_label_on_a_line_of_its_own_starts_a_paragraph() -> None:
    people = Roster(["Council Member Rosa Hernandez", "Mayor Ann Oak"])
    text = (
        "RESOLUTION NO. 2024-048 AMENDING THE COMPENSATION PLAN\n"
        "MINUTES: Councilmember Hernandez spoke in support of the item.\n"
        "MayorOak nominated Councilmember Hernandez as the delegate."
    )
    assert speakers_of(text, people) == ["Council Member Rosa Hernandez", "Mayor Ann Oak"]


def test_a_member_set_off_by_a_dash_says_what_follows() -> None:
    people = Roster(["Cllr P Denny", "Mrs C Hardy"])
    text = "Cllr Denny - Could moveable speed signs be used? This will go on a future agenda."
    assert speakers_of(text, people) == ["Cllr P Denny"]
    assert speakers_of("Mrs C Hardy - £364.12 - Salary for February", people) == []
    assert speakers_of("Cllr Denny - Vice-Chair", people) == []


def test_both_of_two_members_and_disagreeing() -> None:
    people = Roster(["Cllr Mrs D Clements", "Cllr P Denny", "Cllr Mrs J Stocking"])
    text = "Both Cllrs Mrs Clements and Mr Denny advised against it.\n\nCllr Mrs Stocking did not agree."
    assert speakers_of(text, people) == [
        "Cllr Mrs D Clements",
        "Cllr P Denny",
        "Cllr Mrs J Stocking",
    ]


def test_read_out_by_a_member() -> None:
    people = Roster(["Frank Reid"])
    assert speakers_of("The crime summary was read out by Frank Reid.", people) == ["Frank Reid"]
    assert speakers_of("The letter was read out by Tom Lee.", people) == []  # unknown, untitled


def test_same_person_by_surname_given_name_and_courtesy_title() -> None:
    from indexer.extract.speakers import same_person

    assert same_person("Councilmember Lopez", "Council Member Jessie Lopez")
    assert same_person("Cllr J. Davies", "County Councillor Joseph Davies")
    assert not same_person("Councillor Jill Davies", "County Councillor Joseph Davies")
    assert not same_person("Mr J Smith", "Ms J Smith")


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("Director O’Boyle wondered about the assault ratio.", "Director O’Boyle"),
        ("Director Quinn was curious about the number of road calls.", "Director Quinn"),
        ("Director Daly was surprised that the trees are ours.", "Director Daly"),
        ("Councillor Amos is concerned about the delay.", "Councillor Amos"),
        ("Director Ruiz feels that the district is reactive.", "Director Ruiz"),
        ("Mr Lee reviewed the programme with the committee.", "Mr Lee"),
        ("Vice-Chair James made a suggestion of telling the public.", "Vice-Chair James"),
        ("Councillor Bell had a question about the boundary.", "Councillor Bell"),
        ("Member DeHaan requested an update on the agreement.", "Member DeHaan"),
        ("Chris Smith talked through the results of the survey.", "Chris Smith"),
        ("MINUTES: City ManagerAlvaro Nunez thanked the Council.", "City Manager Alvaro Nunez"),
        (
            "ChiefAssistant City Attorney Ann Ross stated there was no action.",
            "Chief Assistant City Attorney Ann Ross",
        ),
        ("Miguel Vazquez (translation: Spanish) invited all to the fair.", "Miguel Vazquez"),
    ],
)
def test_more_ways_of_speaking(sentence: str, speaker: str) -> None:
    assert speakers(sentence) == [speaker]


def test_the_presenter_named_after_an_items_title_speaks_in_it() -> None:
    text = (
        "Present: Councillors Frank Reid (Chairman), Peter Agate and Mark Pogmore\n\n"
        "1. Financial Report – Peter Agate\n\nThe balance at the bank was £4,210.\n\n"
        "2. Council Vacancy – Co-option\n\nOne application was received.\n\n"
        "3. Planning – Mark Pogmore\n\nCouncillor Pogmore said that two applications were in.\n"
    )
    (meeting,) = parse_meetings(text, "boughton.txt")
    assert [item.speakers for item in meeting.items] == [
        ["Councillor Peter Agate"],
        [],
        ["Councillor Mark Pogmore"],
    ]


def test_a_running_head_glued_to_a_sentence_does_not_hide_its_speaker() -> None:
    text = (
        "The Board discussed the reserve.\nRegular Meeting\nNina Serrano, Arts Commission, "
        "commended the Council.\nPage 7 of 7\nDirector Christopher is concerned about the delay."
    )
    assert speakers(text) == ["Nina Serrano", "Director Christopher"]


def test_a_lead_phrase_and_the_body_a_speaker_comes_from() -> None:
    text = (
        "Under discussion, Vice Mayor Daysog stated this is an exciting project. "
        "Maria Henderson from AC Transit gave a presentation."
    )
    assert speakers(text) == ["Vice Mayor Daysog", "Maria Henderson"]


def test_a_titled_member_answering_after_a_comma() -> None:
    text = (
        "Cllr Ryves - had heard that the school may become an Academy, Cllr Mrs Leamon stated "
        "this will possibly go ahead."
    )
    assert "Cllr Mrs Leamon" in speakers(text)


def test_chairing_is_not_speaking() -> None:
    text = (
        "Chair Kemp declared the motion PASSED unanimously. Chair Kemp asked for a motion to "
        "approve items A through K. Mayor Ode called for a vote. Chair Kemp stated this has "
        "been a long time coming."
    )
    assert speakers(text) == ["Chair Kemp"]
    assert [c.text for c in find_contributions(text)] == [
        "Chair Kemp stated this has been a long time coming."
    ]


def test_welsh_puts_the_verb_first() -> None:
    known = Roster(["Cynghorydd Joseph Davies", "Cynghorydd Peter Harries"])
    text = (
        "Dymunodd y Cyng. Joseph Davies Flwyddyn Newydd Dda i aelodau. "
        "Fe wnaeth y Cyng. P. Harries ddatgan diddordeb yng Nghais Cynllunio E/34841. "
        "Cynhaliwyd y cyfarfod am 7.30pm."
    )
    assert speakers(text, known) == ["Cynghorydd Joseph Davies", "Cynghorydd Peter Harries"]


def test_french_minutes() -> None:
    text = (
        "M. Dupont indique que le budget est équilibré. Monsieur Jean Martin, adjoint aux "
        "finances, répond que la dette diminue. Madame Claire Petit s’interroge sur le "
        "calendrier des travaux. Le conseil municipal approuve à l'unanimité."
    )
    assert speakers(text) == ["M. Dupont", "Monsieur Jean Martin", "Madame Claire Petit"]


def test_an_office_asked_to_act_in_a_resolution_is_no_speaker() -> None:
    text = "(c) the Head of Libraries and Culture be asked to include the scope for volunteers."
    assert speakers(text) == []


def test_a_file_number_a_page_marker_and_an_office_answering_after_a_comma() -> None:
    text = (
        "(10-037 CC) Vice Mayor Lee stated that he attended a kickoff of the census.\n"
        "--- PAGE 22 ---\n"
        "City Manager Ann Ruiz stated the City has no licence yet.\n\n"
        "Councilmember Tam inquired how many posts were cut, the Human Resources Director "
        "responded the number was small. Councilmember Tam asked about pay, the Clerk said "
        "it was in hand."
    )
    assert speakers(text) == [
        "Vice Mayor Lee",
        "City Manager Ann Ruiz",
        "Councilmember Tam",
        "Human Resources Director",  # an office nobody is named for, still an office
        "Councilmember Tam",  # then asking again; "the Clerk", whom nobody holds, is no one
    ]


def test_a_member_speaking_after_and_and_recognising_someone() -> None:
    text = (
        "Following the closed session, the meeting was reconvened and Mayor Johnson announced "
        "that the Council took no action. Chair Kemp recognized the retirees for their service."
    )
    assert speakers(text) == ["Mayor Johnson", "Chair Kemp"]


def test_declarations_listed_and_more_reports() -> None:
    text = (
        "Cllr. P. Harries – Agenda Item 5 - Request for support for the bowls club.\n\n"
        "Cllr. H. Gwynne, Agenda Item 11 – Play Area.\n\n"
        "Mrs J. Davies would advise the Highways Department. Supervisor Jan Keough has nothing "
        "to report. The City Attorney will report on any action from the closed session."
    )
    assert speakers(text) == [
        "Cllr. P. Harries",
        "Cllr. H. Gwynne",
        "Mrs J. Davies",
        "Supervisor Jan Keough",  # not the City Attorney: "will report" is an agenda's future
    ]


def test_the_public_listed_by_name_alone_in_their_turn_to_speak() -> None:
    text = (
        "MINUTES\nBOARD OF DIRECTORS MEETING\nMay 7, 2024\n\nI.\n\nCall to Order\n"
        "Chair Okafor called the meeting to order.\n\nII.\n\nPublic Participation\n\n"
        "Andrea Lusk\nCurtis Chao\nMaria del Valle\n\nIII.\n\nAudit Committee Report\n"
        "Presented by Committee Chair Penn.\n\nIV.\n\nOld Business\n\n"
        "Ann Rigby\nTom Hale\n\nV.\n\nAdjourn\nThe meeting adjourned.\n"
    )
    [meeting] = parse_meetings(text, "board.txt")
    by_title = {item.title: item.speakers for item in meeting.items}
    assert by_title["Public Participation"] == ["Andrea Lusk", "Curtis Chao", "Maria del Valle"]
    assert by_title["Old Business"] == []  # names alone elsewhere are no speakers


def test_a_heading_inside_an_item_names_who_gives_its_part() -> None:
    text = (
        "**_Highways – Tom Roberts_**\n\nThe verges on Oxborough Road are to be cut.\n\n"
        "Playground – Andy Beeston\n\nThe new swings are in.\n\nParking – Residents\n\nNone."
    )
    people = Roster(["Tom Roberts", "Andy Beeston", "Frank Reid"])
    said = find_contributions(text, people)
    assert [c.speaker for c in said] == ["Tom Roberts", "Andy Beeston"]


def test_who_led_a_ceremony_is_named_beside_its_heading() -> None:
    text = (
        "MINUTES OF THE CITY COUNCIL\nRegular meeting of 20 August 2024\n"
        "CALL TO ORDER\nMINUTES: The Mayor called the meeting to order.\n"
        "PLEDGE OF ALLEGIANCE Frida Ramos\nINVOCATION: Pastor Neil Crossley, Hope Church\n"
        "MINUTES; The Council stood for a moment of silence.\n"
        "PUBLIC HEARINGS Smith Street Rezoning\nMINUTES: Councilmember Ortiz asked about parking.\n"
        "1. Award of the Street Lighting Contract\nRecommended Action: Award the contract.\n"
        "MINUTES: Approved.\n2. Library Roof Repairs\nRecommended Action: Approve repairs.\n"
        "MINUTES: Approved.\n3. Budget Adjustment\nMINUTES: Approved.\n4. Fee Schedule\n"
        "MINUTES: Approved.\n5. Parks Contract\nMINUTES: Approved.\n"
    )
    [meeting] = parse_meetings(text, "council.txt")
    by_title = {item.title: item.speakers for item in meeting.items}
    assert by_title["PLEDGE OF ALLEGIANCE"] == ["Frida Ramos"]
    assert by_title["INVOCATION"] == ["Pastor Neil Crossley"]
    assert by_title["PUBLIC HEARINGS"] == ["Councilmember Ortiz"]  # a subject, not a leader


def test_recording_times_and_remote_attendance_inside_notes() -> None:
    text = (
        "Board Member Ruiz recused herself from this item, (*7:29)\n"
        "David Sablan, Planner II, introduced this item and gave the presentation (*7:37).\n\n"
        "Ken Dur, via Zoom, (*42:42) favored the balanced coverage scenario.\n\n"
        "MINUTES; Councilmember Hernandez thanked everyone. Director Tobiassen was wondering "
        "why the system was not listed [01:02:33]."
    )
    said = find_contributions(text)
    assert [c.speaker for c in said] == [
        "David Sablan",
        "Ken Dur",
        "Councilmember Hernandez",
        "Director Tobiassen",
    ]
    assert said[0].role == "Planner II"
    assert "(*7:29)" not in said[0].text


def test_an_officer_holding_two_offices_speaks_by_the_first() -> None:
    text = (
        "The Interim City Manager/Interim Executive Director gave a presentation.\n\n"
        "Councilmember Ortiz/Lee said nothing."
    )
    assert [c.speaker for c in find_contributions(text)] == ["Interim City Manager"]


def test_a_cabinet_member_with_responsibility_for_a_service() -> None:
    text = "The Cabinet Member with Responsibility for Highways introduced the report."
    [member] = find_contributions(text)
    assert member.speaker == "Cabinet Member with Responsibility for Highways"


def test_police_officers_by_rank() -> None:
    text = "PC Neil reported three housebreakings. Sgt Lee said the road was closed."
    said = find_contributions(text, ["PC Gary Neil"])
    assert [c.speaker for c in said] == ["PC Gary Neil", "Sgt Lee"]


def test_a_numbered_paragraph_opens_with_its_speaker() -> None:
    text = "13.1 The Licensing Officer introduced the application."
    assert [c.speaker for c in find_contributions(text)] == ["Licensing Officer"]


def test_a_planning_application_lists_its_speakers_and_who_asked() -> None:
    text = (
        "Site Address: Land at Sheepwash Road, Hatherleigh\n"
        "Speakers included: Objector – Mr R Bolt; Supporter – Mrs K Venn; Ward Member – Cllr "
        "Sampson\nThe Senior Planning Officer presented the application. In response to a "
        "question from Cllr Daniel, the officer confirmed that the affordable housing would be "
        "secured through a Section 106 Agreement."
    )
    speakers = [c.speaker for c in find_contributions(text, ["Cllr L Daniel"])]
    assert speakers == ["Mr R Bolt", "Mrs K Venn", "Cllr Sampson", "Senior Planning Officer",
                        "Cllr L Daniel"]  # fmt: skip


def test_a_list_of_speakers_wrapped_over_lines_stays_one_list() -> None:
    text = (
        "Speakers: John Sullivan, San Leandro; Mark Harney, Fifteen Asset\n"
        "Management Group; Kathy Lautz, Apartment Owners Association."
    )
    speakers = [c.speaker for c in find_contributions(text)]
    assert speakers == ["John Sullivan", "Mark Harney", "Kathy Lautz"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Township Clerk Melissa Burns", "Clerk Melissa Burns", True),
        ("Acting Library Director Marlon Romero", "Marlon Romero", True),
        ("Planning Director Jason Earl", "Mr Jason Earl", True),
        ("City Clerk Lara Weisiger", "Linda Weisiger", False),
    ],
)
def test_a_job_title_before_a_name_is_no_part_of_it(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same


def test_a_list_of_speakers_ends_where_a_member_speaks_on_the_next_line() -> None:
    text = (
        "Speakers: Bill Carney, Sustainable San Rafael; Amy Likover\n"
        "Councilmember Llorens Gonzalez asked about the housing targets."
    )
    speakers = [c.speaker for c in find_contributions(text)]
    assert speakers == ["Bill Carney", "Amy Likover", "Councilmember Llorens Gonzalez"]
