import pytest

from indexer.extract.resolutions import (
    apply_consent,
    find_resolutions,
    parse_movers,
    parse_outcome,
    parse_votes,
)
from indexer.model import Item


def test_resolution_with_clauses_and_vote_before_it() -> None:
    text = (
        "On being put to the vote the recommendation was carried by 22 votes to one, "
        "with two abstentions.\n\nRESOLVED that:\n\n(a) the report be noted; and\n\n"
        "(b) the bus depot scheme be approved.\n\nCouncillor Smith then left the meeting."
    )
    [resolution] = find_resolutions(text)
    assert resolution.text == (
        "RESOLVED that:\n(a) the report be noted; and\n(b) the bus depot scheme be approved."
    )
    assert resolution.outcome == "carried"
    assert (resolution.votes_for, resolution.votes_against, resolution.abstentions) == (22, 1, 2)


def test_mover_seconder_and_ayes_nays() -> None:
    text = "Moved by Councillor A Brown, seconded by Councillor C. Dee. RESOLVED: that the policy be adopted. Ayes: 5 Nays: 0"
    [resolution] = find_resolutions(text)
    assert resolution.mover == "Councillor A Brown"
    assert resolution.seconder == "Councillor C. Dee"
    assert resolution.outcome == "adopted"
    assert (resolution.votes_for, resolution.votes_against) == (5, 0)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("The motion was declared LOST.", "lost"),
        ("Agreed that the minutes be signed. Carried unanimously.", "carried"),
        ("RESOLVED that the item be deferred to the next meeting.", "deferred"),
        ("ORDERED that the matter be referred to Cabinet.", "referred"),
        ("Be it resolved that the plan is endorsed.", "agreed"),
        ("The motion was withdrawn.", "withdrawn"),
        ("Nothing decided here.", None),
    ],
)
def test_outcomes(text: str, outcome: str | None) -> None:
    assert parse_outcome(text) == outcome


@pytest.mark.parametrize(
    ("text", "votes"),
    [
        ("carried by 22 votes to one, with two abstentions", (22, 1, 2)),
        ("Ayes: 5 Nays: 0", (5, 0, None)),
        ("For: 7 Against: 2 Abstentions: 1", (7, 2, 1)),
        ("(Y-5)", (5, None, None)),
        ("(Y-5, N-2)", (5, 2, None)),
        ("The rules were suspended. Yeas 17. Nays 0.", (17, 0, None)),
        ("unanimously", (None, None, None)),
    ],
)
def test_votes(text: str, votes: tuple[int | None, ...]) -> None:
    assert parse_votes(text) == votes


def test_several_resolutions_and_order() -> None:
    text = (
        "RESOLVED that the minutes be approved.\n\nDiscussion.\n\nAGREED that the item be deferred."
    )
    assert [r.outcome for r in find_resolutions(text)] == ["approved", "deferred"]


def test_a_motion_lost_without_resolved_is_a_decision() -> None:
    text = (
        "Councillor Firth proposed an increase. The motion was declared LOST (Y-1, N-3).\n\nNext."
    )
    [resolution] = find_resolutions(text)
    assert (
        resolution.text
        == "Councillor Firth proposed an increase. The motion was declared LOST (Y-1, N-3)."
    )
    assert (resolution.outcome, resolution.votes_for, resolution.votes_against) == ("lost", 1, 3)


def test_lost_amendment_then_resolution_gives_both() -> None:
    text = "The amendment was declared LOST.\n\nRESOLVED that the report be noted."
    assert [r.outcome for r in find_resolutions(text)] == ["lost", "noted"]


@pytest.mark.parametrize(
    ("text", "movers"),
    [
        ("Moved by P. Quill\n\nSeconded by R. Van Horn\n\nThat the report BE RECEIVED.",
         ("P. Quill", "R. Van Horn")),
        ("It was proposed by Cllr. A. Bryn, seconded by Cllr. C. Dale and agreed.",
         ("Cllr. A. Bryn", "Cllr. C. Dale")),
        ("Supervisor Ann Holt makes a motion to approve, Supervisor Bo Lind seconds the motion.",
         ("Supervisor Ann Holt", "Supervisor Bo Lind")),
        ("Motion by Trustee Kay Moss to adopt, Trustee Lee Parr second, all aye.",
         ("Trustee Kay Moss", "Trustee Lee Parr")),
        ("MOTION: Councilmember Ruiz moved to approve the item, seconded by Mayor Tan.",
         ("Councilmember Ruiz", "Mayor Tan")),
        ("Vice Mayor/Board Member deWitt moved approval. Member Orr seconded the motion.",
         ("Vice Mayor/Board Member deWitt", "Member Orr")),
        ("Proposed: Cllr Ames; seconded: Cllr Bell. All in favour.", ("Cllr Ames", "Cllr Bell")),
        ("MOVER: Ames SECONDER: Bell", ("Ames", "Bell")),
        ("(Moved/Seconded: Ames/Bell)", ("Ames", "Bell")),
        ("Moved Cr Ames Seconded Cr Bell", ("Cr Ames", "Cr Bell")),
        ("(proposed by Cllr. D. Ames seconded by\nCllr. O. Bell)", ("Cllr. D. Ames", "Cllr. O. Bell")),
        ("The Chair moved to the next item. The report was moved to May.", (None, None)),
    ],
)  # fmt: skip
def test_movers_in_every_form(text: str, movers: tuple[str | None, str | None]) -> None:
    assert parse_movers(text) == movers


def test_a_motion_block_ends_at_its_fate_and_takes_what_it_decided() -> None:
    text = (
        "Moved by P. Quill\n\nSeconded by R. Vance\n\nThat the report BE REFERRED to a future "
        "meeting.\n\nVote:\nYeas: P. Quill, R. Vance\n\nMotion Passed (2 to 0)\n\n"
        "Moved by R. Vance\n\nSeconded by P. Quill\n\nThat the letter BE RECEIVED.\n\n"
        "Motion Passed"
    )
    found = find_resolutions(text)
    assert [(r.outcome, r.mover, r.seconder) for r in found] == [
        ("referred", "P. Quill", "R. Vance"),
        ("received", "R. Vance", "P. Quill"),
    ]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Member Orr made a motion to approve. A vote was taken and the motion passed 6-0.",
         "passed"),
        ("Cllr Ames proposed that the fence be mended, seconded by Cllr Bell. CARRIED", "carried"),
        ("Trustee Moss moved to deny, seconded by Trustee Parr. Motion failed 2-3.", "lost"),
        ("Cllr Ames proposed a survey, seconded by Cllr Bell.", None),
    ],
)  # fmt: skip
def test_a_motion_s_fate(text: str, outcome: str | None) -> None:
    [resolution] = find_resolutions(text)
    assert resolution.outcome == outcome


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("The minutes of the meeting held on 3 May were confirmed as a correct record.",
         "approved"),
        ("The budget was discussed. It was agreed that the Clerk would buy two benches.",
         "agreed"),
        ("It was agreed to defer the matter to the next meeting.", "deferred"),
        ("The Committee noted the list of appeals.", "noted"),
        ("i) Bank statement, balance of £200. Noted", "noted"),
        ("Members discussed the hedges and the Clerk will write.", None),
        ("The work was carried out in May and it was noted that it passed inspection.", None),
    ],
)  # fmt: skip
def test_decisions_without_a_marker(text: str, outcome: str | None) -> None:
    assert [r.outcome for r in find_resolutions(text)] == ([outcome] if outcome else [])


def test_a_short_fate_line_after_a_resolution_is_not_a_second_decision() -> None:
    text = "RESOLVED that the report be noted.\n\nCarried"
    assert [r.outcome for r in find_resolutions(text)] == ["noted"]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Moved by Ames to receive and file. Motion Carried 5-2.", "noted"),
        ("Moved by Ames to receive, file, and refer to the Clerk. Motion Carried 5-2.", "noted"),
        ("Moved by Ames to receive, file and approve the terms. Motion Carried 5-2.", "carried"),
        ("Moved by Ames to delay final action until June 4. Motion Carried 6-1.", "deferred"),
        ("Moved by Ames to defer; refer to the Manager. Motion Carried 6-1.", "deferred"),
        ("Moved by Ames to adopt. Motion Carried 6-1.", "carried"),
        (
            "Moved by Ames to adopt and to refer to the Manager to act. Motion Carried 6-1.",
            "carried",
        ),
    ],
)
def test_what_a_carried_motion_asked_is_its_outcome(text: str, outcome: str) -> None:
    [resolution] = find_resolutions(text)
    assert (resolution.outcome, resolution.mover) == (outcome, "Ames")


def test_a_motion_s_fate_alone_with_its_purpose() -> None:
    text = "Item 7. Moved Ames to delay final action until June 4. Motion Carried 6-1."
    assert [r.outcome for r in find_resolutions(text)] == ["deferred"]


def _item(number: str, title: str, text: str = "") -> Item:
    body = text or title
    return Item(number=number, title=title, text=body, resolutions=tuple(find_resolutions(body)))


def _decisions(items: tuple[Item, ...]) -> list[tuple[str, set[str | None], set[str | None]]]:
    return [(i.number, {r.outcome for r in i.resolutions}, {r.mover for r in i.resolutions})
            for i in items]  # fmt: skip


def test_a_consent_range_adopts_each_item_without_a_decision_of_its_own() -> None:
    items = (
        _item("2", "Approving the agenda", "Moved by Ames to adopt. Motion Carried 5-0."),
        _item("3", "Approving Consent Agenda - items 3 through 6",
              "Moved by Bell to adopt the balance of the Consent Agenda. Motion Carried 5-0."),
        _item("4", "Bus shelter grant"),
        _item("5", "Resolution ordering construction of the following:"),
        _item("5(A)", "Mill Lane sewer"),
        _item("6", "Library report", "Moved by Cole to receive and file. Motion Carried 4-1."),
        _item("7", "Parking study"),
    )  # fmt: skip
    assert _decisions(apply_consent(items)) == [
        ("2", {"carried"}, {"Ames"}),
        ("3", {"carried"}, {"Bell"}),
        ("4", {"carried"}, {"Bell"}),
        ("5", set(), set()),
        ("5(A)", {"carried"}, {"Bell"}),
        ("6", {"noted"}, {"Cole"}),
        ("7", set(), set()),
    ]


def test_a_consent_range_keeps_out_its_exceptions_and_leaves_the_host() -> None:
    items = (
        _item("", "Public comments",
              "Two people spoke.\n\nMOTION: Councilmember Ames moved to approve Consent "
              "Calendar Item Nos. 5 through 7 with the exception of Item No. 6, seconded by "
              "Councilmember Bell. The motion carried, 7-0."),
        _item("5", "Minutes of May 2"),
        _item("6", "Fountain repairs"),
        _item("7", "Tree planting"),
    )  # fmt: skip
    read = apply_consent(items)
    assert _decisions(read) == [
        ("", set(), set()),
        ("5", {"carried"}, {"Councilmember Ames"}),
        ("6", set(), set()),
        ("7", {"carried"}, {"Councilmember Ames"}),
    ]
    assert read[1].resolutions[0].seconder == "Councilmember Bell"


def test_a_consent_calendar_adopts_the_items_marked_by_an_asterisk() -> None:
    items = (
        _item("01", "Presentation on parks",
              "(01) Presentation on parks.\n\nCouncilmember Ames moved approval of the "
              "remainder of the Consent Calendar.\n\nCouncilmember Bell seconded the motion, "
              "which carried by unanimous voice vote - 5."),
        _item("02", "Minutes", "(*02) Minutes of the meeting of May 2. Approved."),
        _item("03", "Grant award", "(03) Grant award.\n\nThe Mayor spoke."),
        _item("04", "Ratified bills", "(*04) Ratified bills of $3,000."),
    )  # fmt: skip
    assert _decisions(apply_consent(items)) == [
        ("01", set(), set()),
        ("02", {"approved", "carried"}, {None, "Councilmember Ames"}),
        ("03", set(), set()),
        ("04", {"carried"}, {"Councilmember Ames"}),
    ]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("(*12) Minutes of the meeting held on May 2. Approved.", "approved"),
        ("(12) Resolution No. 101, “Approving a parcel map.” Adopted.", "adopted"),
        ("Recommendation to award a contract to Acme. Accepted.", "approved"),
        ("Request for a street closure. WITHDRAWN", "withdrawn"),
        ("(14) Ordinance No. 31, “Amending the parking code.” Finally passed.", "passed"),
        ("(15) Resolution No. 102, “Approving a lease.” Adopted;\nand", "adopted"),
        ("The approved plan was adopted by the board in May.", None),
    ],
)
def test_a_one_word_decision_closing_an_entry(text: str, outcome: str | None) -> None:
    assert [r.outcome for r in find_resolutions(text)] == ([outcome] if outcome else [])


def test_a_consent_heading_and_its_sub_items_share_the_motion_under_it() -> None:
    items = (
        _item("4", "Consent Calendar"),
        _item("4-A", "Draft minutes of July 10"),
        _item("4-B", "Draft minutes of July 24",
              "Draft minutes of July 24\n\nMember Ames made a motion to approve the Consent "
              "Calendar and Member Bell seconded the motion. The motion passed 6-0."),
        _item("5", "Regular agenda items"),
    )  # fmt: skip
    assert [(n, o) for n, o, _ in _decisions(apply_consent(items))] == [
        ("4", {"passed"}), ("4-A", {"passed"}), ("4-B", {"passed"}), ("5", set()),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "movers"),
    [
        ("Cynigiwyd gan y Cyng. A. Bryn, eiliwyd gan y Cyng. C. Dale gyda phawb yn gytûn.",
         ("Cyng. A. Bryn", "Cyng. C. Dale")),
        ("The fee was set (proposed Cllr A Bryn, seconded Cllr C Dale).",
         ("Cllr A Bryn", "Cllr C Dale")),
        ("Member Ames motioned for approval. The motion was seconded by Member Bell.",
         ("Member Ames", "Member Bell")),
        ("Prop. AB 2nd CD All agreed.", (None, None)),
    ],
)  # fmt: skip
def test_more_forms_of_movers(text: str, movers: tuple[str | None, str | None]) -> None:
    assert parse_movers(text) == movers


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Member Ames motioned for approval. The motion was seconded by Member Bell and "
         "passed by the following voice vote: Ayes - 5.", "passed"),
        ("Cynigiwyd gan y Cyng. A. Bryn, eiliwyd gan y Cyng. C. Dale gyda phawb yn gytûn.",
         "agreed"),
        ("Cllr Ames proposed that the hedge be cut. Seconded Cllr Bell, all agreed.", "agreed"),
    ],
)  # fmt: skip
def test_more_fates_of_motions(text: str, outcome: str) -> None:
    [resolution] = find_resolutions(text)
    assert resolution.outcome == outcome


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("An amendment was made. The minutes were then accepted as a true record.", "approved"),
        ("Trafodwyd y gyllideb. Cytunwyd i brynu mainc.", "agreed"),
    ],
)
def test_more_decisions_without_a_marker(text: str, outcome: str) -> None:
    assert [r.outcome for r in find_resolutions(text)] == [outcome]


def test_initials_named_from_the_attendance() -> None:
    members = {"AB": "Cllr Ann Bell", "CD": "Cllr Carl Dunn"}
    [resolution] = find_resolutions(
        "The hall hire was agreed.\nProp.AB, 2nd CD All agreed.", members.get
    )
    assert (resolution.mover, resolution.seconder) == ("Cllr Ann Bell", "Cllr Carl Dunn")


def test_initials_no_member_bears_are_dropped() -> None:
    [resolution] = find_resolutions("Prop AB 2nd XY All agreed.", {"AB": "Cllr Ann Bell"}.get)
    assert (resolution.mover, resolution.seconder) == ("Cllr Ann Bell", None)


def test_mover_form_is_explained() -> None:
    from indexer.trace import recording

    with recording() as notes:
        find_resolutions("Moved by Councillor Ames, seconded by Councillor Bell. Motion carried.")
    facts = {(n.fact, n.value, n.rule) for n in notes}
    assert ("mover", "Councillor Ames", "'moved by'") in facts
    assert ("seconder", "Councillor Bell", "'seconded by'") in facts


def test_a_consent_range_broken_by_a_margin_label_and_an_item_only_received_and_filed() -> None:
    items = (
        _item("", "Consent calendar",
              "Councilmember Ames moved to approve Consent Calendar Item\nMOTION:\nNos. 5 "
              "through 6, seconded by Councilmember Bell. The motion carried, 7-0."),
        _item("5", "Quarterly investment report", "Recommended Action: Receive and file."),
        _item("6", "Tree planting", "Recommended Action: Receive, file and approve the plan."),
    )  # fmt: skip
    assert _decisions(apply_consent(items))[1:] == [
        ("5", {"noted"}, {"Councilmember Ames"}),
        ("6", {"carried"}, {"Councilmember Ames"}),
    ]


def test_a_substitute_motion_that_carried_is_the_decision() -> None:
    text = (
        "MOTION: Councilmember Ames moved to continue the item, seconded by Mayor Bell.\n"
        "Councilmember Cole spoke in support of the item.\n"
        "SUBSTITUTE MOTION: Councilmember Cole moved to approve the recommended action, "
        "seconded by Councilmember Dunn.\nThe substitute motion carried, 6-1."
    )
    [resolution] = find_resolutions(text)
    assert (resolution.outcome, resolution.mover, resolution.seconder) == (
        "carried", "Councilmember Cole", "Councilmember Dunn",
    )  # fmt: skip


def test_a_lettered_consent_range_under_a_unanimous_consent_heading() -> None:
    items = (
        _item("XI", "Unanimous consent",
              "Director Ames made the motion to approve item A through B on the unanimous "
              "consent agenda. Director Bell seconded the motion. The motion PASSED."),
        _item("A", "Bus shelter grant"),
        _item("B", "Vanpool agreement"),
        _item("XII", "Recommended action"),
    )  # fmt: skip
    assert _decisions(apply_consent(items)) == [
        ("XI", {"passed"}, {"Director Ames"}),
        ("A", {"passed"}, {"Director Ames"}),
        ("B", {"passed"}, {"Director Ames"}),
        ("XII", set(), set()),
    ]


def test_moved_for_the_adoption() -> None:
    text = "Director Ames moved for the adoption of the minutes. Director Bell seconded the motion."
    assert parse_movers(text) == ("Director Ames", "Director Bell")


def test_a_decision_and_its_marker_are_explained() -> None:
    from indexer.trace import recording

    with recording() as notes:
        find_resolutions("RESOLVED that the report be noted.")
    assert [(n.fact, n.value, n.rule) for n in notes] == [
        ("decision", "noted", "marker 'RESOLVED'")
    ]


def test_on_the_proposal_of_and_what_became_of_it() -> None:
    cases = {
        "On the proposal of Councillor Brett, seconded by Councillor Young, the minutes were "
        "adopted.": "adopted",
        "On the proposal of Councillor Brett, seconded by Councillor Young, the Council agreed "
        "to approve the scheme.": "agreed",
        "On the proposal of Councillor Brett, seconded by Councillor Young, the report was "
        "noted.": "noted",
    }
    for text, outcome in cases.items():
        [resolution] = find_resolutions(text)
        assert (resolution.outcome, resolution.mover, resolution.seconder) == (
            outcome,
            "Councillor Brett",
            "Councillor Young",
        )


def test_french_decisions() -> None:
    text = (
        "Le procès-verbal de la séance du 7 février 2022 est approuvé à l'unanimité.\n\n"
        "M. Bernard demande le détail des subventions. Après en avoir délibéré, le Conseil "
        "Municipal approuve le budget primitif 2022 à l'unanimité."
    )
    found = find_resolutions(text)
    assert [r.outcome for r in found] == ["approved", "approved"]
    assert found[0].text.startswith("Le procès-verbal")


def test_a_recorded_vote_names_who_voted_each_way() -> None:
    text = (
        "Councillor Lee moved, and Councillor Fox seconded, the recommendation.\n\n"
        "A recorded vote was taken.\n\n"
        "For: Councillors Ashworth, Brennan, Mrs Ellwood and Hartley (4)\n"
        "Against: Councillor Mrs Ormerod (1)\n"
        "Abstentions: Councillors Cartwright and Miss Dunmore (2)\n"
    )
    [vote] = [r for r in find_resolutions(text) if r.voted_for]
    assert vote.voted_for == (
        "Councillor Ashworth", "Councillor Brennan", "Mrs Ellwood", "Councillor Hartley")  # fmt: skip
    assert vote.voted_against == ("Councillor Mrs Ormerod",)
    assert vote.abstained == ("Councillor Cartwright", "Miss Dunmore")
    assert (vote.votes_for, vote.votes_against, vote.abstentions) == (4, 1, 2)


def test_a_roll_call_vote_in_capitals_wrapped_over_lines() -> None:
    text = (
        "Councilmember Ortiz moved to approve, seconded by Councilmember Lee.\n"
        "The motion carried, 4-0-1, by the following roll call vote:\n"
        "AYES: COUNCILMEMBER CALDERON, COUNCILMEMBER\nFIGUEROA, COUNCILMEMBER MONTANEZ,\n"
        "MAYOR ESPINOZA\nNOES: NONE\nABSTAIN: NONE\nABSENT: COUNCILMEMBER VILLANUEVA\n"
    )
    [vote] = find_resolutions(text)
    assert vote.voted_for == ("COUNCILMEMBER CALDERON", "COUNCILMEMBER FIGUEROA",
                              "COUNCILMEMBER MONTANEZ", "MAYOR ESPINOZA")  # fmt: skip
    assert vote.voted_against == () and vote.abstained == ()  # "NONE"; the absent did not vote


def test_a_township_motion_supported_and_carried_by_a_count() -> None:
    text = (
        "Motion by Szpond, supported by Kinder, to adopt Resolution 2023-18 awarding the "
        "contract to Northern Roofing. Roll call vote: Ayes: Coleman, Burns, Kinder, Ronning, "
        "Gunn, Szpond. Nays: None. Motion carried 6-0."
    )
    [motion] = find_resolutions(text)
    assert (motion.mover, motion.seconder) == ("Szpond", "Kinder")
    assert (motion.outcome, motion.votes_for, motion.votes_against) == ("carried", 6, 0)
    assert motion.voted_for == ("Coleman", "Burns", "Kinder", "Ronning", "Gunn", "Szpond")
    assert motion.voted_against == ()


@pytest.mark.parametrize(
    ("text", "votes"),
    [
        ("The motion passed 5 to 2.", (5, 2, None)),
        ("Motion failed (2-3).", (2, 3, None)),
        ("Approved by a vote of 4-1.", (4, 1, None)),
        ("The motion carried, 4-0-1, by the following roll call vote", (4, 0, None)),
        ("Motion carried to adopt Resolution 2023-18.", (None, None, None)),
        ("The plan was adopted 12-05-2016.", (None, None, None)),
    ],
)
def test_a_count_after_the_motions_fate(text: str, votes: tuple[int | None, ...]) -> None:
    assert parse_votes(text) == votes


def test_a_recorded_vote_under_a_plural_short_title() -> None:
    text = (
        "RESOLUTION 2023/33\nMoved: Cr Annemarie McCabe\nSeconded: Cr Danny Goss\n"
        "That Council issues a Notice of Decision to Grant a Planning Permit.\nCARRIED\n"
        "For: Crs Leaney, Gibbs, Jones, Goss, McCabe\nAgainst: Cr Owen\n"
    )
    [vote] = find_resolutions(text)
    assert vote.voted_for == ("Cr Leaney", "Cr Gibbs", "Cr Jones", "Cr Goss", "Cr McCabe")
    assert (vote.votes_for, vote.votes_against, vote.voted_against) == (5, 1, ("Cr Owen",))


def test_a_vote_list_ends_at_its_full_stop_not_at_an_initial() -> None:
    text = "Motion carried.\nAyes: J. Smith, Mr. K. Lee and Dr. Patel. Nays: Ms. Wong.\n"
    [vote] = find_resolutions(text)
    assert vote.voted_for == ("J. Smith", "Mr. K. Lee", "Dr. Patel")
    assert vote.voted_against == ("Ms. Wong",)


def test_a_county_board_voted_upon_motion_of_a_commissioner() -> None:
    text = (
        "Upon motion of Commissioner Lashley, seconded by Vice-Chairman Carter, the Board "
        "voted unanimously to approve the agenda as presented.\n\n"
        "Upon motion of Commissioner Turner, seconded by Commissioner Lashley, the Board voted "
        "4-1 to approve the rezoning request, with Commissioner Thompson voting no."
    )
    agenda, rezoning = find_resolutions(text)
    assert (agenda.mover, agenda.seconder) == ("Commissioner Lashley", "Vice-Chairman Carter")
    assert agenda.outcome == rezoning.outcome == "carried"
    assert (rezoning.mover, rezoning.votes_for, rezoning.votes_against) == (
        "Commissioner Turner", 4, 1)  # fmt: skip


def test_the_last_motion_voted_on_is_the_decision() -> None:
    text = (
        "Cllr Edmonds proposed refusal, contrary to the officer recommendation. This was "
        "seconded by Cllr Crozier. Upon being put to the vote, the motion was declared LOST.\n"
        "It was then PROPOSED, SECONDED and on being put to the vote declared CARRIED that:\n"
        '"Conditional Approval be granted subject to a Section 106 Agreement."\n'
        "COMMITTEE DECISION: Conditional Approval\n"
    )
    assert find_resolutions(text)[-1].outcome == "approved"
    assert parse_outcome("COMMITTEE DECISION: Conditional Approval") == "approved"
    assert parse_outcome("Members discussed the approval process at length.") is None


def test_a_planning_commissions_vote_label() -> None:
    text = (
        "MOTION: Commissioner Pike moved to recommend approval of PZ-23-014 to City Council. "
        "Vice Chair Velasquez seconded the motion.\nVOTE: 4-1 (Commissioner Clarke opposed). "
        "Motion carried."
    )
    [motion] = find_resolutions(text)
    assert (motion.votes_for, motion.votes_against, motion.outcome) == (4, 1, "carried")


@pytest.mark.parametrize(
    ("that", "outcome"),
    [
        ("THAT Council refer the application back to staff for further review.", "referred"),
        ("THAT Council receive the delegation for information.", "noted"),
        ("THAT Council approve the 2023 Operating Budget.", "carried"),
    ],
)
def test_what_a_canadian_motion_asks_of_council(that: str, outcome: str) -> None:
    text = f"Moved by Councillor Barber\nSeconded by Councillor Mutton\n{that}\nCarried\n"
    [motion] = find_resolutions(text)
    assert (motion.mover, motion.outcome) == ("Councillor Barber", outcome)


def test_a_county_councils_motion_moved_and_seconded_in_numbered_paragraphs() -> None:
    text = (
        "6.1 Mr Aquarone moved and Mr Adams seconded the following motion:\n"
        '"Council calls on Cabinet to review the Norwich Western Link."\n'
        "6.2 Following debate, upon being put to the vote, with 9 votes for, 2 against and 1 "
        "abstention, the motion was CARRIED.\n"
        "6.3 RESOLVED that Council calls on Cabinet to review the Norwich Western Link.\n"
    )
    decision = find_resolutions(text)[-1]
    assert (decision.mover, decision.seconder, decision.outcome) == (
        "Mr Aquarone", "Mr Adams", "carried")  # fmt: skip
    assert (decision.votes_for, decision.votes_against, decision.abstentions) == (9, 2, 1)


def test_a_scottish_motion_moved_with_its_seconder_between() -> None:
    text = (
        "Mr Cameron, seconded by Mrs Campbell, moved that the report be noted.\n"
        "As an amendment, Mr Oldham, seconded by Mr Finlayson, moved that consideration be "
        "deferred.\nOn a vote being taken, the MOTION was therefore CARRIED."
    )
    assert parse_movers(text) == ("Mr Cameron", "Mrs Campbell")


def test_a_roll_call_with_titles_and_no_fate_stated() -> None:
    text = (
        "Councilmember Hill moved and Vice Mayor Bushey seconded to approve the Consent "
        "Calendar items.\nAYES: Councilmembers: Bushey, Hill, Llorens Gonzalez & Mayor Kate\n"
        "NOES: Councilmembers: None\nABSENT: Councilmembers: Kertz\n"
    )
    [motion] = find_resolutions(text)
    assert motion.voted_for == ("Councilmember Bushey", "Councilmember Hill",
                                "Councilmember Llorens Gonzalez", "Mayor Kate")  # fmt: skip
    assert motion.voted_against == ()
    assert (motion.mover, motion.outcome, motion.votes_for, motion.votes_against) == (
        "Councilmember Hill", "carried", 4, 0)  # fmt: skip
