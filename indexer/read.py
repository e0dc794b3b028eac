"""Read a file, or a tree of files, into meetings: pick the reader, apply metadata, report."""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from indexer.coverage import Coverage, keep_everything
from indexer.errors import UnreadableDocument
from indexer.metadata import SIDECAR_SUFFIX, apply_hints, folder_hints, sidecar_hints
from indexer.model import Meeting
from indexer.readers import docx, markdown, moderngov, moderngov_xml, pdf, tables
from indexer.readers.text import decode, read_text

MB = 1024 * 1024
MAX_BYTES = 50 * MB
TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
TABLE_SUFFIXES = (".tsv", ".csv")
HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = (
    *TEXT_SUFFIXES, *MARKDOWN_SUFFIXES, *TABLE_SUFFIXES, *HTML_SUFFIXES, ".pdf", ".docx", ".xml"
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
    _check_file(path, max_bytes)
    text, meetings = _read_by_format(path)
    meetings, coverage = keep_everything(text, meetings, str(path))
    if meetings:
        meetings = apply_hints(meetings, sidecar_hints(path), folder_hints(path))
    return Reading(meetings, coverage, text)


def _check_file(path: Path, max_bytes: int) -> None:
    if not path.is_file():
        raise UnreadableDocument(path, "no such file")
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise UnreadableDocument(path, "old Word .doc files are not supported; save it as .docx")
    if suffix in BINARY_SUFFIXES:
        known = ", ".join(SUFFIXES)
        raise UnreadableDocument(path, f"unknown file type {suffix!r}; we read {known}")
    size = path.stat().st_size
    if size == 0:
        raise UnreadableDocument(path, "the file is empty")
    if size > max_bytes:
        raise UnreadableDocument(
            path, f"the file is {size / MB:.1f} MB, over the {max_bytes / MB:.0f} MB limit"
        )


def _read_by_format(path: Path) -> tuple[str, list[Meeting]]:
    """Return the document's text and the meetings read from it.

    Any file that is not PDF, Word or XML is read as text whatever its extension (refused when it
    is binary): Markdown and tables by their shape, HTML by its markup.
    """
    suffix = path.suffix.lower()
    source = str(path)
    try:
        if suffix == ".pdf":
            return read_text(pdf.pdf_text(path), source)
        if suffix == ".docx":
            return docx.read_docx_text(path)
        if suffix == ".xml":
            text, meeting = moderngov_xml.read_moderngov_xml(path.read_bytes(), source)
            return text, [meeting]
        text = decode(path.read_bytes(), path)
        if suffix in HTML_SUFFIXES or _looks_like_html(text):
            page, meeting = moderngov.read_moderngov_html(text, source)
            return page, [meeting]
        if suffix in TABLE_SUFFIXES or tables.looks_like_table(text):
            text = tables.table_text(text)
        elif suffix in MARKDOWN_SUFFIXES or markdown.looks_like_markdown(text):
            text = markdown.markdown_text(text)
        return read_text(text, source)
    except (OSError, zipfile.BadZipFile) as error:
        raise UnreadableDocument(path, f"cannot read the file ({error})") from None
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
