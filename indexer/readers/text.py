"""Text files: tell UTF-8 from Windows-1252, then hand the text to the reader for its kind."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from indexer.errors import UnreadableDocument
from indexer.model import Meeting


def decode(data: bytes, path: str | Path) -> str:
    """Decode UTF-8 (with or without BOM) or Windows-1252; refuse binary data."""
    if not data.strip():
        raise UnreadableDocument(path, "the file is empty")
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if _looks_binary(data):
        raise UnreadableDocument(path, "binary data, not text (is the extension right?)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _looks_binary(data: bytes) -> bool:
    """Tell binary junk by NUL bytes or many control characters in its first 8 KB."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05


def parse_any_text(text: str, source: str) -> list[Meeting]:
    """Read minutes text of any kind we know: City Record, transcript, ModernGov, plain."""
    return read_text(text, source)[1]


def read_text(text: str, source: str) -> tuple[str, list[Meeting]]:
    """Return the text as the reader for its kind sees it (page furniture removed), and the
    meetings read from it: City Record, transcript, ModernGov, HTML or plain minutes."""
    from indexer.readers import cityrecord, moderngov, plaintext, transcript

    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if cityrecord.is_city_record(text):
        clean = cityrecord.clean_text(text)
        return clean, cityrecord.city_record_meetings(clean, source)
    if transcript.is_transcript(text):
        return text, [transcript.parse_transcript(text, source)]
    if moderngov.is_moderngov_text(text):
        return moderngov.clean_text(text), [moderngov.parse_moderngov_text(text, source)]
    if re.search(r"<html|<body|<table", text[:2000], re.IGNORECASE):
        page, meeting = moderngov.read_moderngov_html(text, source)
        return page, [meeting]
    return text.replace("\xa0", " "), plaintext.parse_meetings(text, source)
