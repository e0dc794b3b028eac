"""Reading files: encodings, metadata precedence and every kind of bad input."""

from datetime import date
from pathlib import Path

import pytest
from docx import Document

from indexer.errors import UnreadableDocument
from indexer.read import read_document, read_tree
from tests.conftest import DATA

MINUTES = (
    "ASHFORD PARISH COUNCIL\n\nMINUTES of the meeting of the Finance Committee held at the "
    "Village Hall on Monday 2 March 2020 at 7.30 pm\n\nPresent: Councillor Ann O’Hara (Chair)\n\n"
    "1. Precept 2020-21\n\nThe precept of £12,000 was noted.\n"
)


def meeting_of(path: Path):  # type: ignore[no-untyped-def]
    [meeting] = read_document(path)
    return meeting


@pytest.mark.parametrize(
    ("encoding", "bom"), [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b"")]
)
def test_encodings_are_told_apart(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = tmp_path / "minutes.txt"
    path.write_bytes(bom + MINUTES.encode(encoding))
    meeting = meeting_of(path)
    assert meeting.council == "Ashford Parish Council"
    assert meeting.people("chair") == ["Councillor Ann O’Hara"]
    assert meeting.items[0].text == "The precept of £12,000 was noted."


def test_sidecar_beats_document_beats_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ashford-parish-council" / "finance" / "2020-03-01.txt"
    folder.parent.mkdir(parents=True)
    folder.write_text(MINUTES, encoding="utf-8")
    meeting = meeting_of(folder)
    assert (meeting.council, meeting.committee, meeting.date) == (
        "Ashford Parish Council",
        "Finance Committee",
        date(2020, 3, 2),
    )
    (folder.parent / "2020-03-01.meta.toml").write_text(
        'committee = "Finance and Policy Committee"\nurl = "https://example.org/m/1"\n'
        "date = 2020-03-03\n",
        encoding="utf-8",
    )
    meeting = meeting_of(folder)
    assert (meeting.committee, meeting.date, meeting.url) == (
        "Finance and Policy Committee",
        date(2020, 3, 3),
        "https://example.org/m/1",
    )


def test_folder_convention_fills_what_the_document_omits(tmp_path: Path) -> None:
    path = tmp_path / "ashford-parish-council" / "planning-and-highways" / "2021-06-07-minutes.txt"
    path.parent.mkdir(parents=True)
    path.write_text("1. Apologies\n\nNone.\n\n2. Bus Shelter\n\nNoted.\n", encoding="utf-8")
    meeting = meeting_of(path)
    assert (meeting.council, meeting.committee, meeting.date) == (
        "Ashford Parish Council",
        "Planning and Highways",
        date(2021, 6, 7),
    )


def test_bad_sidecar_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "m.txt"
    path.write_text(MINUTES, encoding="utf-8")
    (tmp_path / "m.meta.toml").write_text("committee = [unclosed", encoding="utf-8")
    with pytest.raises(UnreadableDocument) as raised:
        read_document(path)
    assert raised.value.path == str(tmp_path / "m.meta.toml")
    assert raised.value.reason.startswith("the sidecar is not valid TOML")


def _bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    def write(name: str, data: bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(51 * 1024 * 1024)
    zipped = tmp_path / "nodoc.docx"
    import zipfile

    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("hello.txt", "not word")
    return {
        "empty": (write("empty.txt", b""), "the file is empty"),
        "blank": (write("blank.txt", b"  \n\n "), "the file is empty"),
        "binary": (
            write("junk.txt", bytes(range(256)) * 40),
            "binary data, not text (is the extension right?)",
        ),
        "fake pdf": (write("fake.pdf", b"hello, I am not a PDF"), "not a readable PDF"),
        "fake docx": (write("fake.docx", b"hello, I am not a zip"), "not a Word document"),
        "zip without word": (zipped, "not a Word document"),
        "unknown extension": (write("minutes.xlsx", b"PK"), "unknown file type '.xlsx'"),
        "old word": (write("minutes.doc", b"\xd0\xcf\x11\xe0"), "old Word .doc files are not"),
        "huge": (big, "the file is 51.0 MB, over the 10 MB limit for a text file"),
    }


@pytest.mark.parametrize(
    "case",
    [
        "empty",
        "blank",
        "binary",
        "fake pdf",
        "fake docx",
        "zip without word",
        "unknown extension",
        "old word",
        "huge",
    ],
)
def test_bad_input_gives_one_clear_reason(tmp_path: Path, case: str) -> None:
    path, reason = _bad_files(tmp_path)[case]
    with pytest.raises(UnreadableDocument) as raised:
        read_document(path)
    assert raised.value.path == str(path)
    assert raised.value.reason.startswith(reason)
    assert "\n" not in str(raised.value)


def test_a_directory_never_stops_at_a_bad_file(tmp_path: Path) -> None:
    (tmp_path / "a-bad.pdf").write_bytes(b"%PDF-1.4 broken")
    (tmp_path / "b-good.txt").write_text(MINUTES, encoding="utf-8")
    (tmp_path / "c-bad.docx").write_bytes(b"nope")
    document = Document()
    document.add_paragraph("ASHFORD PARISH COUNCIL")
    document.save(str(tmp_path / "README.docx"))
    results = list(read_tree([tmp_path]))
    assert [(r.path.name, bool(r.error), len(r.meetings)) for r in results] == [
        ("a-bad.pdf", True, 0),
        ("b-good.txt", False, 1),
        ("c-bad.docx", True, 0),
    ]


def test_data_folder_reads_cleanly() -> None:
    assert all(result.error is None for result in read_tree([DATA]))
