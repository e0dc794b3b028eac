"""PDF minutes through their text layer, with running heads, page numbers and hyphens undone."""

from __future__ import annotations

import logging
import re
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError, PdfStreamError

from indexer.errors import UnreadableDocument
from indexer.extract.items import ENDS_SENTENCE
from indexer.readers import ocr

_PAGE_NUMBER_RE = re.compile(
    r"^\s*(?:-\s*)?(?:Page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?(?:\s*-)?\s*$", re.IGNORECASE
)
_HYPHEN_RE = re.compile(r"(\w)-\n(?=[a-z])")
logging.getLogger("pypdf").setLevel(logging.ERROR)


def pdf_text(path: Path) -> str:
    """Return the text of every page, cleaned of page furniture; a scanned PDF's by OCR."""
    text = join_pages(_page_texts(path))
    if text.strip():
        return text
    program = ocr.tesseract()
    if program is None:
        raise UnreadableDocument(
            path,
            "scanned: no text layer (install Tesseract, e.g. `apt-get install tesseract-ocr`, "
            "to read it by OCR)",
        )
    text = join_pages([_layout_text(page) for page in ocr.ocr_pages(path, program)])
    if not text.strip():
        raise UnreadableDocument(path, "scanned: no text layer, and OCR found no text")
    return text


def _page_texts(path: Path) -> list[str]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(path)
            if reader.is_encrypted and not reader.decrypt(""):
                raise UnreadableDocument(path, "the PDF is encrypted and needs a password")
            return [_page_text(page) for page in reader.pages]
    except UnreadableDocument:
        raise
    except (FileNotDecryptedError, NotImplementedError) as error:
        raise UnreadableDocument(
            path, f"the PDF is encrypted and cannot be read ({error})"
        ) from None
    except (PdfReadError, PdfStreamError, ValueError, KeyError, TypeError, OSError) as error:
        reason = str(error) or type(error).__name__
        raise UnreadableDocument(
            path, f"not a readable PDF (damaged or truncated: {reason})"
        ) from None


def _page_text(page: Any) -> str:
    """Return a page's text as laid out; pypdf's layout mode gives nothing for some files
    whose plain text is fine, so fall back to that."""
    text = _layout_text(page.extract_text(extraction_mode="layout"))
    if not text.strip():
        text = _layout_text(page.extract_text())
    return text


def _layout_text(text: str) -> str:
    """Keep layout mode's blank lines between blocks, but not its padding between words."""
    lines = [re.sub(r"[ \t]{2,}", " ", line).strip() for line in (text or "").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))


def join_pages(pages: list[str]) -> str:
    """Join pages, dropping lines that repeat at the top or bottom of pages and page numbers."""
    edges, labels = _running_lines(pages)
    kept_pages = []
    for number, page in enumerate(pages):
        lines: list[str] = []
        for line in page.split("\n"):
            if _PAGE_NUMBER_RE.match(line) or _shape(line) in edges:
                continue
            if number and _shape(line) in labels:  # mid-page (the first page's is its title):
                # keep the paragraph break it made after a finished sentence
                if lines and ENDS_SENTENCE.search(lines[-1].rstrip()):
                    lines.append("")
                continue
            lines.append(line)
        kept_pages.append("\n".join(lines).strip("\n"))
    return _HYPHEN_RE.sub(r"\1", "\n".join(kept_pages))


def _running_lines(pages: list[str]) -> tuple[set[str], set[str]]:
    """Return the shapes of lines found at a page's edge on at least half of the pages, and of
    short labels found anywhere on most pages: a running head the layout put mid-page
    ("Regular Meeting" beside the text), which would otherwise split a paragraph."""
    if len(pages) < 2:
        return set(), set()
    counts: Counter[str] = Counter()
    anywhere: Counter[str] = Counter()
    for page in pages:
        lines = [line for line in page.split("\n") if line.strip()]
        counts.update({_shape(line) for line in lines[:2] + lines[-2:]})
        anywhere.update({_shape(line) for line in lines if _RUNNING_LABEL_RE.match(line.strip())})
    edges = {shape for shape, count in counts.items() if count >= max(2, len(pages) / 2)}
    labels = {shape for shape, count in anywhere.items() if count >= max(3, len(pages) * 0.6)}
    return edges, labels


# A short label, no sentence: "Regular Meeting", "Alameda City Council".
_RUNNING_LABEL_RE = re.compile(r"^[A-Z][\w'’&,\-]*(?:[ \t]+[\w'’&,\-#]+){1,5}$")


def _shape(line: str) -> str:
    """Return a line with its digits masked, so "Page 3" and "Page 4" share a shape."""
    return re.sub(r"\d+", "#", line.strip())
