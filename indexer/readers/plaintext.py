"""Plain-text minutes, numbered in any of the ways councils number them."""

from __future__ import annotations

from indexer.assemble import meeting_from_text
from indexer.model import Meeting


def parse_text(text: str, source: str) -> Meeting:
    """Read plain minutes text: a header, then items headed "285.", "77/21", "Minute 151:"..."""
    return meeting_from_text(text.replace("\xa0", " "), source)
