"""Transcripts: closed-caption records where each turn starts with "Name:"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

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
# A turn labelled by a role, not a name ("Chair:", "The Mayor:", "Clerk:").
_ROLE_LABEL_RE = re.compile(
    r"^(?:The\s+)?(?:Vice[- ]|Deputy\s+)?(?:Chair(?:man|woman|person)?|Mayor|Clerk|Presiding"
    r"\s+Officer|Cathaoirleach|Speaker)$",
    re.IGNORECASE,
)
# The one holding that role naming themselves: "I'm Councillor Nigel Pryor, Chairman",
# "This is Erik Davidson, Chair of the Board", "My name is Ann Holt".
_SELF_NAMED_RE = re.compile(
    r"\b(?:I'm|I\s+am|I’m|This\s+is|My\s+name\s+is)\s+(?P<name>(?:[A-Z][\w.'’-]*\s+){1,4}?"
    r"[A-Z][\w'’-]+)(?=\s*[,.]|\s+(?:and|speaking|here)\b)"
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
    items = _name_roles(items)
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


def _name_roles(items: list[Item]) -> list[Item]:
    """Give turns labelled by a role ("Chair:") the name its holder introduced themselves by."""
    names = _role_holders(c for item in items for c in item.contributions)
    if not names:
        return items
    return [
        replace(item, contributions=tuple(_named(c, names) for c in item.contributions))
        for item in items
    ]


def _role_holders(turns: Iterable[Contribution]) -> dict[str, str]:
    """Return {role label: name} for role-labelled turns in which the speaker names themselves."""
    names: dict[str, str] = {}
    for turn in turns:
        role_only = _ROLE_LABEL_RE.match(turn.speaker) and turn.speaker not in names
        if role_only and (match := _SELF_NAMED_RE.search(turn.text)):
            names[turn.speaker] = match.group("name").strip()
    return names


def _named(turn: Contribution, names: dict[str, str]) -> Contribution:
    if turn.speaker not in names:
        return turn
    return Contribution(names[turn.speaker], turn.text, turn.role or turn.speaker)


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
