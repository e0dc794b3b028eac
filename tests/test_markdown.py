from indexer.readers.markdown import markdown_text


def test_single_underscores_emphasise_only_outside_words() -> None:
    text = "# Minutes\n\n8 **_Dog Fouling_**\n\nSee file_name_here and _the notice_."
    assert markdown_text(text).split("\n\n") == [
        "Minutes",
        "8 Dog Fouling",
        "See file_name_here and the notice.",
    ]
