"""Read a file, or a tree of files, into meetings: pick the reader, apply metadata, report."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from indexer.errors import UnreadableDocument
from indexer.metadata import SIDECAR_SUFFIX, apply_hints, folder_hints, sidecar_hints
from indexer.model import Meeting
from indexer.readers import docx, moderngov, pdf
from indexer.readers.text import decode, parse_any_text

MB = 1024 * 1024
MAX_BYTES = 50 * MB
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = (*TEXT_SUFFIXES, *HTML_SUFFIXES, ".pdf", ".docx")


@dataclass(frozen=True)
class ReadResult:
    """What reading one file gave: its meetings, or the reason it could not be read."""

    path: Path
    meetings: tuple[Meeting, ...] = ()
    error: str | None = None


def read_document(path: Path, max_bytes: int = MAX_BYTES) -> list[Meeting]:
    """Read one file into meetings; raise UnreadableDocument with the reason otherwise."""
    _check_file(path, max_bytes)
    meetings = _read_by_format(path)
    if not meetings:
        return []
    return apply_hints(meetings, sidecar_hints(path), folder_hints(path))


def _check_file(path: Path, max_bytes: int) -> None:
    if not path.is_file():
        raise UnreadableDocument(path, "no such file")
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise UnreadableDocument(path, "old Word .doc files are not supported; save it as .docx")
    if suffix not in SUFFIXES:
        known = ", ".join(SUFFIXES)
        raise UnreadableDocument(path, f"unknown file type {suffix or '(none)'!r}; we read {known}")
    size = path.stat().st_size
    if size == 0:
        raise UnreadableDocument(path, "the file is empty")
    if size > max_bytes:
        raise UnreadableDocument(
            path, f"the file is {size / MB:.1f} MB, over the {max_bytes / MB:.0f} MB limit"
        )


def _read_by_format(path: Path) -> list[Meeting]:
    suffix = path.suffix.lower()
    source = str(path)
    try:
        if suffix == ".pdf":
            return parse_any_text(pdf.pdf_text(path), source)
        if suffix == ".docx":
            return docx.read_docx(path)
        text = decode(path.read_bytes(), path)
        if suffix in HTML_SUFFIXES:
            return [moderngov.parse_moderngov_html(text, source)]
        return parse_any_text(text, source)
    except (OSError, zipfile.BadZipFile) as error:
        raise UnreadableDocument(path, f"cannot read the file ({error})") from None
    except RecursionError:
        raise UnreadableDocument(path, "the document is nested too deeply to read") from None


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
            yield ReadResult(path, tuple(read_document(path, max_bytes)))
        except UnreadableDocument as error:
            yield ReadResult(path, error=error.reason)
        except Exception as error:  # a reader's bug must not stop the other files
            yield ReadResult(path, error=f"internal error {type(error).__name__}: {error}")
