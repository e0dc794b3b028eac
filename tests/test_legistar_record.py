"""What Legistar recorded of a harvested meeting fills what its minutes' text did not say."""

from __future__ import annotations

from pathlib import Path

from indexer.read import read_document

SIDECAR = """council = "Eastvale"
committee = "City Council"
date = 2024-09-26

[harvest]
platform = "legistar"
client = "eastvale"
event_id = 2907

[[harvest.items]]
agenda_number = "2."
title = "APPROVE Consent Calendar Items"
action = "Approved"
action_text = "A motion was made that this matter be Approved. The motion carried."
passed = "Pass"
mover = "Ann Oak"
seconder = "Bo Elm"
votes = [
    { person = "Ann Oak", vote = "Aye" },
    { person = "Bo Elm", vote = "Aye" },
    { person = "Cy Fir", vote = "Nay" },
    { person = "Di Yew", vote = "Absent" },
]

[[harvest.items]]
agenda_number = "3."
title = "Library Hours Report"
action = "Received and Filed"
passed = "Pass"
tally = "3:0"

[[harvest.items]]
agenda_number = "4."
title = "Public Comment"
"""

MINUTES = """EASTVALE CITY COUNCIL
MINUTES OF THE REGULAR MEETING
September 26, 2024

2. Approve Consent Calendar Items

The Council considered the consent calendar.

3. Library Hours Report

Motion by Councilmember Oak to receive the report. Motion carried 3-0.

4. Public Comment

Jane Roe spoke about the library.
"""


def read(folder: Path, minutes: str) -> list:  # type: ignore[type-arg]
    document = folder / "eastvale-2024-09-26.txt"
    document.write_text(minutes, encoding="utf-8")
    (folder / "eastvale-2024-09-26.meta.toml").write_text(SIDECAR, encoding="utf-8")
    return read_document(document)


def test_the_platform_fills_the_decisions_movers_votes_and_attendance(tmp_path: Path) -> None:
    (meeting,) = read(tmp_path, MINUTES)
    consent, report, comment = meeting.items
    (decision,) = consent.resolutions
    assert (decision.outcome, decision.mover, decision.seconder) == (
        "approved",
        "Ann Oak",
        "Bo Elm",
    )
    assert (decision.votes_for, decision.votes_against) == (2, 1)
    assert [(a.name, a.role) for a in meeting.attendance] == [
        ("Ann Oak", "present"),
        ("Bo Elm", "present"),
        ("Cy Fir", "present"),
        ("Di Yew", "absent"),
    ]
    # The minutes' own decision stands; the platform only fills what it left out.
    assert [(r.outcome, r.votes_for) for r in report.resolutions if r.outcome] == [("carried", 3)]
    assert comment.resolutions == () and comment.speakers == ["Jane Roe"]


def test_minutes_whose_text_gives_no_items_take_the_platforms(tmp_path: Path) -> None:
    (meeting,) = read(tmp_path, "EASTVALE CITY COUNCIL\n\nThe meeting was held as noticed.\n")
    assert [(i.number, i.title) for i in meeting.items] == [
        ("2", "APPROVE Consent Calendar Items"),
        ("3", "Library Hours Report"),
        ("4", "Public Comment"),
    ]
    assert [i.resolutions[0].outcome if i.resolutions else None for i in meeting.items] == [
        "approved",
        "received",
        None,
    ]
