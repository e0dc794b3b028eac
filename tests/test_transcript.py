from pathlib import Path

from indexer.read import read_document

TRANSCRIPT = """Transcript of the Brindle Town Council Cabinet meeting, Thursday 4 March 2021

Chair: Good evening and welcome. We have apologies from Councillor Firth.
Councillor Owen Tate: Thank you, Chair.
Chair: Item 3, library opening hours. Councillor Sandhu, would you introduce it?
Councillor Hari Sandhu: Thank you. The proposal keeps both libraries open on Saturdays.
Councillor Owen Tate: I support it, the saving is met elsewhere.
Chair: Item 4, the bus depot. This was deferred, so we move on.
Grace Lund: For the record the report will come back in April.
Chair: Thank you. The meeting is closed.
"""


def test_turns_become_items_and_contributions(tmp_path: Path) -> None:
    path = tmp_path / "cabinet.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    [meeting] = read_document(path)
    assert (meeting.council, meeting.committee, str(meeting.date)) == (
        "Brindle Town Council",
        "Cabinet",
        "2021-03-04",
    )
    assert [(i.number, i.title) for i in meeting.items] == [
        ("", "Opening"),
        ("3", "Library opening hours"),
        ("4", "The bus depot"),
    ]
    library = meeting.items[1]
    assert library.speakers == ["Chair", "Councillor Hari Sandhu", "Councillor Owen Tate"]
    assert library.contributions[1].text == (
        "Thank you. The proposal keeps both libraries open on Saturdays."
    )
    assert meeting.items[2].speakers == ["Chair", "Grace Lund"]


def test_a_chair_who_names_themselves_is_named_in_every_turn(tmp_path: Path) -> None:
    text = TRANSCRIPT.replace(
        "Chair: Good evening and welcome.", "Chair: Good evening. I'm Councillor Ada Moss, Chair."
    )
    path = tmp_path / "cabinet.txt"
    path.write_text(text, encoding="utf-8")
    [meeting] = read_document(path)
    library = meeting.items[1]
    assert library.speakers[0] == "Councillor Ada Moss"
    assert library.contributions[0].role == "Chair"
