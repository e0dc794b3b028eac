"""Transcripts: closed-caption records where each turn starts with "Name:"."""

from __future__ import annotations

import re

from indexer.assemble import read_attendance
from indexer.extract.header import read_header
from indexer.extract.resolutions import find_resolutions
from indexer.model import Contribution, Item, Meeting

_TURN_RE = re.compile(r"^(?P<name>[A-Z][\w.'’ ()-]{1,60}?):\s+(?P<text>\S.*)$")
# The chair announcing an item at a sentence's start: "Item 3, library opening hours."
_ITEM_RE = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:(?:[Ww]e\s+(?:now\s+)?(?:move|turn|come)\s+(?:on\s+)?to|"
    r"[Mm]oving\s+on\s+to|[Nn]ext\s+is|[Nn]ow)\s+)?(?:[Aa]genda\s+)?[Ii]tem\s+"
    r"(?P<number>\d{1,3}[a-z]?)\s*[,:–-]\s*(?:which\s+is\s+)?(?P<title>[^.?!]{3,100})"
)
_NOT_SPEAKERS = re.compile(r"^(?:Note|Notes|Date|Time|Venue|Present|Apologies|Transcript)$", re.I)


def is_transcript(text: str) -> bool:
    """Tell a transcript: most of its lines are "Name: words" turns."""
    lines = [line for line in text.split("\n") if line.strip()]
    turns = sum(1 for line in lines if _is_turn(line))
    return turns >= 5 and turns >= 0.6 * len(lines)


def _is_turn(line: str) -> bool:
    match = _TURN_RE.match(line.strip())
    return bool(match) and not _NOT_SPEAKERS.match(match.group("name"))  # type: ignore[union-attr]


def parse_transcript(text: str, source: str) -> Meeting:
    """Read turns into items, starting a new item where the chair announces "Item 3, ..."."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    first_turn = next(i for i, line in enumerate(lines) if _is_turn(line))
    header_text = "\n".join(lines[:first_turn])
    header = read_header(header_text)
    items: list[Item] = []
    number, title = "", "Opening"
    turns: list[tuple[str, str]] = []
    for line in lines[first_turn:]:
        match = _TURN_RE.match(line)
        if not match or _NOT_SPEAKERS.match(match.group("name")):
            if turns:
                turns[-1] = (turns[-1][0], f"{turns[-1][1]} {line}")
            continue
        announced = _ITEM_RE.search(match.group("text"))
        if announced:
            if turns:
                items.append(_item(number, title, turns))
            number, title, turns = announced.group("number"), _title(announced.group("title")), []
        turns.append((match.group("name").strip(), match.group("text")))
    if turns:
        items.append(_item(number, title, turns))
    attendance = read_attendance(header_text, [])
    return Meeting(
        source=source,
        council=header.council,
        committee=header.committee,
        date=header.date,
        start_time=header.start_time,
        venue=header.venue,
        status=header.status,
        attendance=tuple(attendance),
        items=tuple(items),
    )


def _title(words: str) -> str:
    words = re.sub(r"\s+", " ", words).strip(" ,;:")
    return words[:1].upper() + words[1:]


def _item(number: str, title: str, turns: list[tuple[str, str]]) -> Item:
    text = "\n\n".join(f"{name}: {said}" for name, said in turns)
    return Item(
        number=number,
        title=title,
        text=text,
        contributions=tuple(Contribution(name, said) for name, said in turns),
        resolutions=tuple(find_resolutions("\n\n".join(said for _, said in turns))),
    )
