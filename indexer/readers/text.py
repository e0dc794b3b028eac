"""Text files: tell UTF-8 from Windows-1252, then hand the text to the reader for its kind."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from indexer.errors import UnreadableDocument
from indexer.model import Meeting


def decode(data: bytes, path: str | Path) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 (with or without BOM) or Windows-1252;
    refuse binary data. Bytes that are not of the encoding become U+FFFD, never an error."""
    if not data.strip():
        raise UnreadableDocument(path, "the file is empty")
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _blank_check(data.decode("utf-16", errors="replace"), path)
    if utf16 := _utf16_without_bom(data):
        return _blank_check(data.decode(utf16, errors="replace"), path)
    if _looks_binary(data):
        raise UnreadableDocument(path, "binary data, not text (is the extension right?)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _utf16_without_bom(data: bytes) -> str | None:
    """Name the UTF-16 of text saved without a byte-order mark: in Latin text every other byte
    is NUL, the odd ones in little-endian, the even ones in big-endian."""
    sample = data[:8192]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > len(odd) * 0.9 and even.count(0) < len(even) * 0.1:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.9 and odd.count(0) < len(odd) * 0.1:
        return "utf-16-be"
    return None


def _blank_check(text: str, path: str | Path) -> str:
    if not text.strip():
        raise UnreadableDocument(path, "the file is empty")
    if _looks_binary(text[:4096].encode("utf-8", errors="replace")):
        raise UnreadableDocument(path, "binary data, not text (is the extension right?)")
    return text


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
