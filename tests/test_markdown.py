from indexer.readers.markdown import markdown_text


def test_single_underscores_emphasise_only_outside_words() -> None:
    text = "# Minutes\n\n8 **_Dog Fouling_**\n\nSee file_name_here and _the notice_."
    assert markdown_text(text).split("\n\n") == [
        "Minutes",
        "8 Dog Fouling",
        "See file_name_here and the notice.",
    ]


def test_the_front_matter_chair_follows_the_title() -> None:
    text = (
        '---\ntitle: "Parish Council Minutes"\nchairman: "Jane Ritchie"\n---\n\nThe Chairman said.'
    )
    assert markdown_text(text).split("\n\n") == [
        "Parish Council Minutes",
        "Chairman: Jane Ritchie",
        "The Chairman said.",
    ]


def test_a_table_of_minute_numbers_beside_the_minutes_gives_numbered_headings() -> None:
    text = (
        "**Present:** Cllr A Ash, Cllr B Birch\n\n"
        "<table><tr><td><strong>12/3</strong><div></div><strong>&nbsp;</strong><div></div>"
        "<strong>12/4</strong></td><td><strong>Apologies</strong><div></div>None.<div></div>"
        "<strong>Allotments</strong><div></div>Two plots were let.</td></tr></table>"
    )
    assert markdown_text(text).split("\n\n") == [
        "Present: Cllr A Ash, Cllr B Birch",
        "12/3 Apologies",
        "None.",
        "12/4 Allotments",
        "Two plots were let.",
    ]
