from indexer.readers.tables import looks_like_table, table_text
from indexer.readers.transcript import is_transcript, parse_transcript

WHISPER = (
    "Source: council video\t\t\t\n"
    "Speaker\tStart\tEnd\tRaw transcription\tCorrected transcription\n"
    "Chair Dana Frost\t0\t4\tgood evening welcome\tGood evening and welcome.\n"
    "\t4\t9\tnext is item 4 the footpath\tNext is item 4, the footpath repairs.\n"
    "Councillor Eli Kerr\t9\t15\ti move the recommendation\tI move the recommendation.\n"
    "Councillor Ruth Sand\t15\t17\tsecond\t\n"
    "Chair Dana Frost\t17\t22\tall in favour the motion is carried\tThe motion is carried.\n"
    "Councillor Eli Kerr\t22\t25\tthank you chair\tThank you, Chair.\n"
    "Councillor Ruth Sand\t25\t27\tthanks\tThanks.\n"
)


def test_a_speech_to_text_table_becomes_turns() -> None:
    assert looks_like_table(WHISPER)
    text = table_text(WHISPER)
    assert text.split("\n\n")[1:4] == [
        "Chair Dana Frost: Good evening and welcome. Next is item 4, the footpath repairs.",
        "Councillor Eli Kerr: I move the recommendation.",
        "Councillor Ruth Sand: second",
    ]
    assert is_transcript(text)


def test_a_transcript_table_reads_as_items_with_movers() -> None:
    meeting = parse_transcript(table_text(WHISPER), "meeting.tsv")
    item = meeting.items[-1]
    assert (item.number, item.title) == ("4", "The footpath repairs")
    [motion] = item.resolutions
    assert (motion.mover, motion.seconder, motion.outcome) == (
        "Councillor Eli Kerr",
        "Councillor Ruth Sand",
        "carried",
    )


def test_a_table_without_speakers_is_read_row_by_row() -> None:
    table = "Name\tWard\tParty\nAda\tNorth\tGreen\nBen\tSouth\tBlue\nCy\tEast\tRed\n"
    assert table_text(table).split("\n")[0] == "Name Ward Party"
