"""A zoo of bad files, made here, indexed by the real `minutes-search reindex` beside good ones:
each bad file is reported with its path and a reason a clerk understands, the good ones are
indexed and found, nothing hangs and the memory the reindex takes stays bounded."""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document

from indexer.build import reindex
from indexer.errors import UnreadableDocument
from indexer.read import MAX_TEXT_BYTES, MB, read_document
from indexer.readers import docx
from indexer.readers.ocr import tesseract
from search.engine import SearchEngine, SearchRequest
from tests.pdfs import encrypt_pdf, make_pdf, make_scanned_pdf
from tests.serving import CHECKOUT_COMMAND, ROOT

# A reindex of the zoo below reads a few small files and refuses the big ones unopened: it took
# 72 MB, what the program takes to start; reading the 50 MB file or unpacking the 200 MB bomb
# would pass 150 MB.
ZOO_RSS_LIMIT = 150 * MB
# Reading and indexing 10 MB of text, the limit for a text file, took 234 MB
# (docs/reliability.md).
CAP_RSS_LIMIT = 400 * MB
MINUTES = "1. Bins\n\nThe {word} bins were noted by Councillor Zoë Brontë.\n"
GOOD_PDF = ["ASHFORD PARISH COUNCIL", "", "1. Allotments", "", "The allotment rents were set."]
SCANNED = ["ASHFORD PARISH COUNCIL", "", "1. Footpaths", "", "The stile was repaired."]


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def zip_bomb(path: Path, megabytes: int) -> Path:
    """Write a .docx whose styles part unpacks to ``megabytes`` of spaces (packed ~1000:1)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
        with package.open("word/styles.xml", "w", force_zip64=True) as part:
            block = b" " * MB
            for _ in range(megabytes):
                part.write(block)
    return path


def lying_bomb(path: Path) -> Path:
    """Write a Word file whose word/document.xml says it unpacks to 1 KB but holds 20 MB."""
    blank = path.with_suffix(".blank")
    Document().save(str(blank))
    with (
        zipfile.ZipFile(blank) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package,
    ):
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + b" " * (20 * MB))
            package.writestr(info.filename, data)
        part = package.getinfo("word/document.xml")
    blank.unlink()
    data = bytearray(path.read_bytes())
    small = (1024).to_bytes(4, "little")
    data[part.header_offset + 22 : part.header_offset + 26] = small  # the local header
    entry = b"PK\x01\x02"  # a central directory entry: its sizes at 20 and 24, its name at 46
    at = data.index(entry)
    while data[at + 46 : at + 46 + len(b"word/document.xml")] != b"word/document.xml":
        at = data.index(entry, at + 1)
    data[at + 24 : at + 28] = small
    path.write_bytes(bytes(data))
    return path


def big_text(path: Path, size: int) -> Path:
    """Write ``size`` bytes of plain minutes-like prose, the same every run."""
    words = ("council", "committee", "report", "budget", "library", "parking", "noted", "agreed")
    rng = random.Random(8)
    lines = [
        " ".join(rng.choice(words) for _ in range(12)).capitalize() + ".\n" for _ in range(500)
    ]
    block = "".join(lines).encode()
    with path.open("wb") as handle:
        for _ in range(size // len(block)):
            handle.write(block)
        handle.write(block[: size % len(block)])
    return path


def make_zoo(folder: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Fill ``folder`` with bad files and good ones.

    :return: the reason each bad file must be reported with, and for each good file a word
        that only it holds, by the file's path within ``folder``.
    """
    bad: dict[str, str] = {}
    good: dict[str, str] = {}

    def expect(name: str, reason: str) -> Path:
        bad[name] = reason
        return folder / name

    shutil.copytree(
        ROOT / "sample_data" / "kelmscott-district-council" / "cabinet", folder / "cabinet"
    )
    for path in sorted((folder / "cabinet").iterdir()):
        good[f"cabinet/{path.name}"] = ""  # no word of its own
    write(expect("empty.txt", "the file is empty"), b"")
    write(
        expect("junk.txt", "binary data, not text (is the extension right?)"),
        random.Random(1).randbytes(20_000),
    )
    pdf = make_pdf(folder / "allotments.pdf", [GOOD_PDF])
    good["allotments.pdf"] = "allotment"
    write(
        expect(
            "truncated.pdf",
            "not a readable PDF (damaged or truncated: Stream has ended unexpectedly)",
        ),
        pdf.read_bytes()[:300],
    )
    encrypt_pdf(pdf, expect("encrypted.pdf", "the PDF is encrypted and needs a password"), "secret")
    if tesseract():
        make_scanned_pdf(folder / "scanned.pdf", SCANNED)
        good["scanned.pdf"] = "stile"
        blank = "scanned: no text layer, and OCR found no text"
    else:
        make_scanned_pdf(
            expect("scanned.pdf", "scanned: no text layer (install Tesseract"), SCANNED
        )
        blank = "scanned: no text layer (install Tesseract"
    make_scanned_pdf(expect("blank-scan.pdf", blank), [""])
    for printed in folder.glob("*.printed.pdf"):
        printed.unlink()
    write(expect("not-a-zip.docx", "not a Word document (not a zip file)"), b"hello, I am no zip")
    zip_bomb(
        expect(
            "bomb.docx",
            "the Word file would unpack to 200 MB, over the 128 MB limit (a damaged file or a "
            "zip bomb); it was not opened",
        ),
        200,
    )
    lying_bomb(
        expect("lying-bomb.docx", "damaged Word document (Bad CRC-32 for file 'word/document.xml')")
    )
    big_text(
        expect("fifty.txt", "the file is 50.0 MB, over the 10 MB limit for a text file"), 50 * MB
    )
    write(folder / "utf16.txt", MINUTES.format(word="marigold").encode("utf-16"))
    good["utf16.txt"] = "marigold"
    write(folder / "utf16-no-bom.txt", MINUTES.format(word="saffron").encode("utf-16-le"))
    good["utf16-no-bom.txt"] = "saffron"
    write(folder / "invalid-utf8.txt", b"1. Bins\n\nThe cobalt bins \xff\x81\xc3( were noted.\n")
    good["invalid-utf8.txt"] = "cobalt"
    write(
        folder / "scripts.html",
        "<!doctype html><html><head><title>Parish Council minutes</title>"
        "<script>var lurid = 'alert(1)';</script><style>p {color: red}</style></head><body>"
        "<h1>Parish Council</h1><p>1. Bins</p><p>The <b>vermilion</b> bins were "
        '<a href="javascript:alert(2)">noted</a>.</p><script>document.write("lurid")</script>'
        "</body></html>",
    )
    good["scripts.html"] = "vermilion"
    os.symlink(
        "loop-b.txt",
        expect("loop-a.txt", "a symbolic link in a loop: it leads back to itself, never to a file"),
    )
    os.symlink(
        "loop-a.txt",
        expect("loop-b.txt", "a symbolic link in a loop: it leads back to itself, never to a file"),
    )
    os.symlink("..", folder / "cabinet" / "up")  # a folder loop: not followed
    os.symlink(
        "gone.txt", expect("dangling.txt", "a symbolic link to gone.txt, which does not exist")
    )
    os.mkfifo(expect("pipe.txt", "not an ordinary file (a pipe, a device or a socket)"))
    accented = "Conseil d’Évry/Comité des fêtes/2021-03-04 procès-verbal.txt"
    write(folder / accented, "1. Fête\n\nLa kermesse fut notée.\n")
    good[accented] = "kermesse"
    write(folder / "日本語.md", "# Minutes\n\n1. Gardens\n\nThe wisteria was pruned.\n")
    good["日本語.md"] = "wisteria"
    undecodable = expect(
        os.fsdecode(b"caf\xe9.txt"),
        "its name is not valid UTF-8 (an old Windows or Mac name); rename the file",
    )
    write(undecodable, MINUTES.format(word="espresso"))
    return bad, good


# Runs a command and prints the peak resident memory of it and of the processes it waited for
# (its workers), in KB. It starts the command from its own small process because a child's peak
# counts the memory of the process it was started from (pytest's, here) until it runs.
PEAK = (
    "import resource, subprocess, sys\n"
    "status = subprocess.call(sys.argv[1:])\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.exit(status)\n"
)


def run_reindex(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, int]:
    """Run the real `minutes-search reindex`; return its exit status, its stderr and the
    peak resident memory of it or of its largest worker process, in bytes."""
    process = subprocess.Popen(
        [sys.executable, "-c", PEAK, *CHECKOUT_COMMAND, "reindex", *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=300)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise AssertionError("the reindex hung") from None
    peak = int(stdout.decode().split()[-1]) * 1024  # Linux: kilobytes
    return process.returncode, stderr.decode("utf-8", errors="backslashreplace"), peak


def shown(path: Path) -> str:
    """Return a path as the command prints it (a byte of a name that is not UTF-8 as the
    surrogate Python decodes it to, \\udcNN)."""
    return str(path).encode("utf-8", errors="backslashreplace").decode("utf-8")


def failed_lines(stderr: str) -> dict[str, str]:
    """Return the reason of each `failed: PATH: REASON` line, by path."""
    lines = [line for line in stderr.splitlines() if line.startswith("failed: ")]
    return dict(line.removeprefix("failed: ").split(": ", 1) for line in lines)  # type: ignore[misc]


def test_the_zoo_is_reported_file_by_file_and_the_rest_indexed(tmp_path: Path) -> None:
    folder, index = tmp_path / "zoo", tmp_path / "index"
    bad, good = make_zoo(folder)
    env = {"MINUTES_SEARCH_CACHE": str(tmp_path / "cache")}
    status, stderr, peak = run_reindex(str(folder), "--index", str(index), env=env)
    assert status == 1, stderr
    reported = failed_lines(stderr)
    expected = {shown(folder / name): reason for name, reason in bad.items()}
    assert set(reported) == set(expected), stderr
    for path, reason in expected.items():
        assert reported[path].startswith(reason), (path, reported[path])
    assert "Traceback" not in stderr
    assert f"{len(bad)} failed." in stderr
    assert peak < ZOO_RSS_LIMIT, f"the reindex took {peak / MB:.0f} MB"
    engine = SearchEngine(index)
    indexed = {f["source"] for f in engine.generation().searcher.all_stored_fields()}
    assert indexed == {f"zoo/{name}" for name in good}
    for name, word in good.items():
        hits = engine.search(SearchRequest(q=word)).hits if word else []
        assert {h.source for h in hits} == ({f"zoo/{name}"} if word else set()), (name, word)
    for word in ("lurid", "alert", "color"):  # scripts and styles are not minutes
        assert engine.search(SearchRequest(q=word)).total == 0, word


def test_the_zoo_reindexed_again_is_reported_again(tmp_path: Path) -> None:
    """A bad file is not remembered as read: the next reindex reports it again, and the good
    files stay unchanged."""
    folder, index = tmp_path / "zoo", tmp_path / "index"
    bad, _ = make_zoo(folder)
    for name in list(bad):
        if name.endswith((".pdf", "fifty.txt")) or "bomb" in name:
            del bad[name]  # the slow ones are covered above
            (folder / name).unlink()
    first = reindex([folder], index)
    again = reindex([folder], index)
    assert not again.full and again.added == again.updated == 0
    assert {f.source for f in again.failed} == {f.source for f in first.failed}
    assert len(again.failed) == len(bad)
    assert again.unchanged == first.added


def test_a_file_that_vanishes_mid_reindex_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "minutes"
    for n in range(4):
        write(folder / f"{n}.txt", MINUTES.format(word=f"word{n}"))

    def delete_the_last(done: int, total: int, document: str) -> None:
        if done == 1:
            (folder / "3.txt").unlink()
            (folder / "2.txt").unlink()
            os.mkfifo(folder / "2.txt")  # and one turned into a pipe: never opened

    report = reindex([folder], tmp_path / "index", progress=delete_the_last)
    assert [(f.source, f.reason) for f in report.failed] == [
        ("minutes/2.txt", "not an ordinary file (a pipe, a device or a socket)"),
        ("minutes/3.txt", "no such file: it was moved or deleted during the reindex"),
    ]
    assert report.added == 2
    assert SearchEngine(tmp_path / "index").search(SearchRequest(q="word1")).total > 0


def test_a_text_file_at_the_limit_is_read_in_bounded_memory(tmp_path: Path) -> None:
    folder = tmp_path / "minutes"
    folder.mkdir()
    big_text(folder / "long.txt", MAX_TEXT_BYTES)
    big_text(folder / "longer.txt", MAX_TEXT_BYTES + 1)
    status, stderr, peak = run_reindex(str(folder), "--index", str(tmp_path / "index"))
    assert status == 1
    assert failed_lines(stderr) == {
        str(folder / "longer.txt"): "the file is 10.0 MB, over the 10 MB limit for a text file"
    }
    assert SearchEngine(tmp_path / "index").stats()["files"] == 1
    assert peak < CAP_RSS_LIMIT, f"reading 10 MB of text took {peak / MB:.0f} MB"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("utf16-odd.txt", MINUTES.format(word="x").encode("utf-16") + b"\x00", None),
        ("utf16-blank.txt", "  \n ".encode("utf-16"), "the file is empty"),
        ("utf16-nul.txt", "\x00\x01\x02\x03".encode("utf-16") * 50, "binary data, not text"),
    ],
)
def test_utf16_oddities(tmp_path: Path, name: str, data: bytes, reason: str | None) -> None:
    path = write(tmp_path / name, data)
    if reason is None:
        [meeting] = read_document(path)
        assert meeting.items[0].title == "Bins"
        return
    with pytest.raises(UnreadableDocument) as raised:
        read_document(path)
    assert raised.value.reason.startswith(reason)


def test_a_docx_part_packed_like_a_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "tight.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", "<w:document/>")
        package.writestr("word/media/image1.bin", b"\0" * (4 * MB))
    with pytest.raises(UnreadableDocument) as raised:
        docx.read_docx(path)
    assert raised.value.reason.startswith("word/media/image1.bin is packed ")
    assert raised.value.reason.endswith(
        " times smaller than it unpacks, as a zip bomb is; it was not opened"
    )


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_a_document_with_too_much_text_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """The text a PDF or Word file gives is held to the limit of a text file's."""
    monkeypatch.setattr("indexer.read.MAX_TEXT_CHARS", 40)
    if kind == "pdf":
        path = make_pdf(tmp_path / "long.pdf", [GOOD_PDF])
    else:
        document = Document()
        for line in GOOD_PDF:
            document.add_paragraph(line)
        document.save(str(tmp_path / "long.docx"))
        path = tmp_path / "long.docx"
    with pytest.raises(UnreadableDocument) as raised:
        read_document(path)
    assert re.fullmatch(
        r"the document holds 0\.0 million characters of text, over the limit of 0\.0 million; "
        r"split it into smaller files",
        raised.value.reason,
    )
