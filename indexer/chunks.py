"""Cut a meeting into the units search returns: items, speeches, decisions and attendance."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import Any

from indexer.model import Attendance, Item, Meeting

KINDS = ("item", "speech", "decision", "attendance")
# Items that are the business of every meeting; they rank below the substance.
PROCEDURAL_TITLE = re.compile(
    r"\b(?:apolog|welcome|declarations?\s+of\s+(?:interest|pecuniary)|interests?\b|"
    r"(?:confirmation|approval)\s+of\s+(?:the\s+)?minutes|minutes\s+of\s+the\s+(?:last|previous)|"
    r"previous\s+minutes|any\s+other\s+business|date\s+of\s+(?:the\s+)?next|substitut|"
    r"chairman'?s?\s+announcements|exclusion\s+of\s+(?:the\s+)?(?:press|public))"
    # "Opening" or "Close" alone, not "Library opening hours" or "8 Tanhouse Close"
    r"|^\s*(?:opening|clos(?:e|ing))(?:\s+of\s+(?:the\s+)?meeting)?\W*$",
    re.IGNORECASE,
)
ROLE_PHRASES = {
    "present": "{name} was present",
    "chair": "{name} chaired the meeting (present, in the chair)",
    "apologies": "Apologies from {name}",
    "absent": "{name} was absent",
    "substitute": "{name} attended as a substitute (present)",
    "also_present": "{name} was also present (in attendance)",
    "officer": "{name} attended as an officer (in attendance)",
}


@dataclass(frozen=True)
class Chunk:
    """One searchable unit with everything a hit needs to show and link."""

    id: str
    kind: str
    meeting_id: str
    text: str
    source: str
    council: str | None = None
    committee: str | None = None
    date: date | None = None
    item_number: str = ""
    item_index: int = -1
    item_title: str = ""
    speaker: str | None = None  # the person's name as the registry shows it (indexer/people.py)
    written: str | None = None  # the speaker's name as the minutes wrote it, when not the same
    person: str | None = None  # the stable id of the speaker, attendee, mover or seconder
    role: str | None = None
    outcome: str | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None
    mover: str | None = None
    seconder: str | None = None
    mover_id: str | None = None
    seconder_id: str | None = None
    # A recorded vote: the names as written, and the people behind them (ids, "" for a name
    # that is no one's for certain), side by side.
    voted_for: tuple[str, ...] = ()
    voted_against: tuple[str, ...] = ()
    abstained: tuple[str, ...] = ()
    voted_for_ids: tuple[str, ...] = ()
    voted_against_ids: tuple[str, ...] = ()
    abstained_ids: tuple[str, ...] = ()
    procedural: bool = False
    section: bool = False  # text no recognised item took, kept so that nothing read is lost
    venue: str | None = None
    status: str | None = None
    url: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown chunk kind {self.kind!r}")

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        return data


def meeting_id(meeting: Meeting, index: int, document: str | None = None) -> str:
    """Return a stable id for the ``index``-th meeting of a document.

    :param document: the document's name within the indexed folder ("sample_data/a/b.txt"),
        so that ids survive moving the folder; the source path when not given.
    """
    key = f"{document or meeting.source}\x00{index}\x00{meeting.committee}\x00{meeting.date}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def meeting_summary(
    meeting: Meeting, index: int = 0, document: str | None = None
) -> dict[str, Any]:
    """Return what lists of meetings show: id, body, date, venue, counts.

    :param document: the document's name within the indexed folder, which names its source
        (never a path of the server's file system); the source path when not given.
    """
    return {
        "id": meeting_id(meeting, index, document),
        "council": meeting.council,
        "committee": meeting.committee,
        "date": meeting.date.isoformat() if meeting.date else None,
        "date_inferred": meeting.date_inferred,
        "start_time": meeting.start_time.strftime("%H:%M") if meeting.start_time else None,
        "venue": meeting.venue,
        "status": meeting.status,
        "url": meeting.url,
        "source": document or meeting.source,
        "items": len(meeting.items),
        "attendance": len(meeting.attendance),
    }


# Each name form of a meeting -> (person id, the person's name as shown).
PeopleOfMeeting = Mapping[str, tuple[str, str]]


def chunk_meeting(
    meeting: Meeting,
    index: int = 0,
    document: str | None = None,
    people: PeopleOfMeeting | None = None,
) -> Iterator[Chunk]:
    """Yield the meeting's chunks: per item, per speech, per decision and per attendee.

    :param document: the document's name within the indexed folder, which names the chunks'
        source and derives their ids; the source path when not given.
    :param people: the person behind each name (indexer/people.py); names not in it are
        kept as written, with no person id.
    """
    mid = meeting_id(meeting, index, document)
    common = {
        "meeting_id": mid,
        "source": document or meeting.source,
        "council": meeting.council,
        "committee": meeting.committee,
        "date": meeting.date,
        "venue": meeting.venue,
        "status": meeting.status,
        "url": meeting.url,
    }
    for position, person in enumerate(meeting.attendance):
        yield with_people(_attendance(person, f"{mid}-a{position}", common), people)
    # Sections of text outside the recognised items follow them, so nothing read is lost.
    for position, item in enumerate(meeting.items + meeting.sections):
        for chunk in _item_chunks(item, position, common, position >= len(meeting.items)):
            yield with_people(chunk, people)


def with_people(chunk: Chunk, people: PeopleOfMeeting | None) -> Chunk:
    """Return the chunk with the person behind each name of it: the speaker (or attendee)
    shown by the person's name, the name as written kept beside it, and the ids of the
    speaker, mover, seconder and those who voted. Names not in ``people`` are kept as
    written."""
    if not people:
        return chunk
    pid, name = people.get(chunk.speaker or "", (None, chunk.speaker))
    return replace(
        chunk,
        speaker=name,
        written=chunk.speaker if chunk.speaker != name else None,
        person=pid,
        mover_id=people.get(chunk.mover or "", (None,))[0],
        seconder_id=people.get(chunk.seconder or "", (None,))[0],
        voted_for_ids=_ids(chunk.voted_for, people),
        voted_against_ids=_ids(chunk.voted_against, people),
        abstained_ids=_ids(chunk.abstained, people),
    )


def _ids(names: tuple[str, ...], people: PeopleOfMeeting) -> tuple[str, ...]:
    return tuple(people.get(name, ("",))[0] or "" for name in names)


def _attendance(person: Attendance, chunk_id: str, common: dict[str, Any]) -> Chunk:
    text = ROLE_PHRASES[person.role].format(name=person.name)
    return Chunk(id=chunk_id, kind="attendance", text=text, speaker=person.name,
                 role=person.role, procedural=True, **common)  # fmt: skip


def _item_chunks(
    item: Item, position: int, common: dict[str, Any], section: bool = False
) -> Iterator[Chunk]:
    base = f"{common['meeting_id']}-i{position}"
    about = {
        "item_number": item.number,
        "item_index": position,
        "item_title": item.title,
        "procedural": bool(PROCEDURAL_TITLE.search(item.title)),
        "section": section,
        **common,
    }
    yield Chunk(id=base, kind="item", text=item.text, **about)
    for n, said in enumerate(item.contributions):
        yield Chunk(id=f"{base}-s{n}", kind="speech", text=said.text, speaker=said.speaker,
                    role=said.role, **about)  # fmt: skip
    for n, decision in enumerate(item.resolutions):
        yield Chunk(
            id=f"{base}-d{n}",
            kind="decision",
            text=decision.text,
            outcome=decision.outcome,
            votes_for=decision.votes_for,
            votes_against=decision.votes_against,
            abstentions=decision.abstentions,
            mover=decision.mover,
            seconder=decision.seconder,
            voted_for=decision.voted_for,
            voted_against=decision.voted_against,
            abstained=decision.abstained,
            **about,
        )
