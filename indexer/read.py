"""Read a file, or a tree of files, into meetings: pick the reader, apply metadata, report."""

from __future__ import annotations

import dataclasses
import errno
import os
import re
import stat
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from indexer.coverage import Coverage, keep_everything
from indexer.errors import UnreadableDocument
from indexer.metadata import (
    SIDECAR_SUFFIX,
    apply_hints,
    apply_record,
    folder_hints,
    sidecar_hints,
)
from indexer.model import Meeting
from indexer.readers import docx, markdown, moderngov, moderngov_xml, pdf, tables
from indexer.readers.text import decode, read_text

MB = 1024 * 1024
MAX_BYTES = 50 * MB  # a PDF or Word file: mostly pictures and fonts, its text far smaller
# A file read as text, and the text any file gives: reading takes about 15 MB of memory and
# a second or more of time for each MB of minutes (docs/reliability.md), so 10 MB, ten times
# the longest minutes seen (a weekly City Record issue), bounds both.
MAX_TEXT_BYTES = 10 * MB
MAX_TEXT_CHARS = MAX_TEXT_BYTES  # a text file at the limit holds at most as many characters
TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
TABLE_SUFFIXES = (".tsv", ".csv")
HTML_SUFFIXES = (".html", ".htm")
NO_SUCH_FILE = "no such file"
BOXED_SUFFIXES = (".pdf", ".docx")  # formats whose text is packed among pictures and fonts
SUFFIXES = (
    *TEXT_SUFFIXES, *MARKDOWN_SUFFIXES, *TABLE_SUFFIXES, *HTML_SUFFIXES, *BOXED_SUFFIXES, ".xml"
)  # fmt: skip
# Formats we cannot read, told by name; any other file is tried as text whatever its name.
BINARY_SUFFIXES = (
    ".xlsx", ".xls", ".ods", ".pptx", ".ppt", ".odp", ".odt", ".rtf", ".zip", ".gz", ".png",
    ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".bmp", ".mp3", ".mp4", ".wav", ".exe",
)  # fmt: skip


@dataclass(frozen=True)
class ReadResult:
    """What reading one file gave: its meetings, or the reason it could not be read."""

    path: Path
    meetings: tuple[Meeting, ...] = ()
    error: str | None = None
    coverage: Coverage | None = None


@dataclass(frozen=True)
class Reading:
    """One file read: its meetings (nothing of its text lost) and how much was understood."""

    meetings: list[Meeting]
    coverage: Coverage
    text: str  # the document's text as the reader saw it


def read_document(path: Path, max_bytes: int = MAX_BYTES) -> list[Meeting]:
    """Read one file into meetings; raise UnreadableDocument with the reason otherwise."""
    return read_with_coverage(path, max_bytes).meetings


def read_with_coverage(path: Path, max_bytes: int = MAX_BYTES) -> Reading:
    """Read one file into meetings, keeping the text no item took as sections; measure how
    much of the text the recognised items hold."""
    check_file(path, max_bytes)
    text, meetings = _read_by_format(path)
    meetings, coverage = keep_everything(text, meetings, str(path))
    if meetings:
        hints = sidecar_hints(path)
        meetings = apply_record(apply_hints(meetings, hints, folder_hints(path)), hints.record)
    return Reading([_web_link_only(m) for m in meetings], coverage, text)


def _web_link_only(meeting: Meeting) -> Meeting:
    """Keep a meeting's url only when it is a web address: a `javascript:` or `data:` url (from
    a sidecar or the document) would be a link that runs script on the site's pages."""
    if meeting.url is None or re.match(r"https?://", meeting.url.strip(), re.IGNORECASE):
        return meeting
    return dataclasses.replace(meeting, url=None)


def check_file(path: Path, max_bytes: int = MAX_BYTES) -> os.stat_result:
    """Return the file's status if it is worth opening: a regular file of a format we read,
    neither empty nor too big; raise UnreadableDocument with the reason otherwise. Nothing is
    opened, so a pipe or a device named .txt cannot hang the reindex."""
    status = _stat(path)
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise UnreadableDocument(path, "old Word .doc files are not supported; save it as .docx")
    if suffix in BINARY_SUFFIXES:
        known = ", ".join(SUFFIXES)
        raise UnreadableDocument(path, f"unknown file type {suffix!r}; we read {known}")
    if status.st_size == 0:
        raise UnreadableDocument(path, "the file is empty")
    limit = max_bytes if suffix in BOXED_SUFFIXES else min(max_bytes, MAX_TEXT_BYTES)
    if status.st_size > limit:
        raise UnreadableDocument(
            path,
            f"the file is {status.st_size / MB:.1f} MB, over the {limit / MB:.0f} MB limit "
            f"for {'this kind of file' if suffix in BOXED_SUFFIXES else 'a text file'}",
        )
    return status


def _stat(path: Path) -> os.stat_result:
    """Return the status of the file a path leads to, saying what it is when it is none."""
    try:
        status = path.stat()
    except OSError as error:
        raise UnreadableDocument(path, _missing(path, error)) from None
    if stat.S_ISDIR(status.st_mode):
        raise UnreadableDocument(path, "a folder, not a file")
    if not stat.S_ISREG(status.st_mode):
        raise UnreadableDocument(path, "not an ordinary file (a pipe, a device or a socket)")
    return status


def _missing(path: Path, error: OSError) -> str:
    """Say in words why a path leads to no file."""
    if error.errno == errno.ELOOP:
        return "a symbolic link in a loop: it leads back to itself, never to a file"
    if error.errno == errno.EACCES:
        return "permission denied: the indexer's user may not read it"
    if path.is_symlink():
        return f"a symbolic link to {os.readlink(path)}, which does not exist"
    if error.errno == errno.ENOENT:
        return NO_SUCH_FILE
    return f"cannot be read ({error.strerror or error})"


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _read_bytes(path: Path, limit: int = MAX_TEXT_BYTES) -> bytes:
    """Read at most ``limit`` bytes, refusing a file that grew past it since it was checked."""
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise UnreadableDocument(path, f"the file is over the {limit / MB:.0f} MB limit")
    return data


def _check_text(path: Path, text: str) -> str:
    """Refuse a document whose text is too long to read in bounded memory and time; replace
    lone surrogates (a PDF's broken character map), which no index can hold, by U+FFFD."""
    text = _SURROGATE_RE.sub("\ufffd", text)
    if len(text) > MAX_TEXT_CHARS:
        raise UnreadableDocument(
            path,
            f"the document holds {len(text) / 1e6:.1f} million characters of text, over the "
            f"limit of {MAX_TEXT_CHARS / 1e6:.1f} million; split it into smaller files",
        )
    return text


def _read_by_format(path: Path) -> tuple[str, list[Meeting]]:
    """Return the document's text and the meetings read from it.

    Any file that is not PDF, Word or XML is read as text whatever its extension (refused when it
    is binary): Markdown and tables by their shape, HTML by its markup.
    """
    suffix = path.suffix.lower()
    source = str(path)
    try:
        if suffix == ".pdf":
            return read_text(_check_text(path, pdf.pdf_text(path)), source)
        if suffix == ".docx":
            return docx.read_docx_text(path, max_chars=MAX_TEXT_CHARS)
        if suffix == ".xml":
            text, meeting = moderngov_xml.read_moderngov_xml(_read_bytes(path), source)
            return text, [meeting]
        text = _check_text(path, decode(_read_bytes(path), path))
        if suffix in HTML_SUFFIXES or _looks_like_html(text):
            page, meeting = moderngov.read_moderngov_html(text, source)
            return page, [meeting]
        if suffix in TABLE_SUFFIXES or tables.looks_like_table(text):
            text = tables.table_text(text)
        elif suffix in MARKDOWN_SUFFIXES or markdown.looks_like_markdown(text):
            text = markdown.markdown_text(text)
        return read_text(text, source)
    except OSError as error:
        raise UnreadableDocument(path, _missing(path, error)) from None
    except zipfile.BadZipFile as error:
        raise UnreadableDocument(path, f"cannot read the file ({error})") from None
    except MemoryError:
        raise UnreadableDocument(path, "too big to read in the memory this machine has") from None
    except RecursionError:
        raise UnreadableDocument(path, "the document is nested too deeply to read") from None


def _looks_like_html(text: str) -> bool:
    return bool(re.match(r"\s*(?:<!doctype html|<html|<head|<body)", text[:500], re.IGNORECASE))


def find_documents(paths: Iterable[Path]) -> Iterator[Path]:
    """Yield the documents under each path: in folders, files of the formats we read (but
    READMEs and sidecars); files named directly, always, so an unknown one is reported."""
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if _is_document_name(name):
                    yield Path(root) / name


def _is_document_name(name: str) -> bool:
    lower = name.lower()
    return (
        lower.endswith(SUFFIXES)
        and not lower.startswith((".", "readme", "manifest", "license"))
        and not lower.endswith(SIDECAR_SUFFIX)
    )


def read_tree(paths: Iterable[Path], max_bytes: int = MAX_BYTES) -> Iterator[ReadResult]:
    """Read every document under ``paths``; a bad file is reported, never stops the rest."""
    for path in find_documents(paths):
        try:
            reading = read_with_coverage(path, max_bytes)
            yield ReadResult(path, tuple(reading.meetings), coverage=reading.coverage)
        except UnreadableDocument as error:
            yield ReadResult(path, error=error.reason)
        except Exception as error:  # a reader's bug must not stop the other files
            yield ReadResult(path, error=f"internal error {type(error).__name__}: {error}")
