"""Put a meeting together from what the readers cut and the extractors found."""

from __future__ import annotations

import re

from indexer.extract.attendance import find_attendance, find_roles, roster, signed_officer
from indexer.extract.dates import infer_meeting_date
from indexer.extract.header import Header, read_header
from indexer.extract.items import RawItem, split_items
from indexer.extract.meetings import is_agenda
from indexer.extract.resolutions import apply_consent, find_resolutions
from indexer.extract.speakers import (
    Roster,
    ceremony_leader,
    find_contributions,
    first_initial,
    listed_speakers,
    office_holders,
    same_person,
    signed_chair,
    surname,
    title_presenter,
)  # fmt: skip
from indexer.model import Attendance, Contribution, Item, Meeting

# Items whose text is about attendance: their lists count as the meeting's attendance.
_ATTENDANCE_TITLE = re.compile(
    r"apolog|attendance|attending|present|substitut|welcome|roll\s+call|call\s+to\s+order|quorum"
    r"|ymddiheur|pr[ée]sen|excus",
    re.IGNORECASE,
)


def meeting_from_text(text: str, source: str) -> Meeting:
    """Read generic minutes text: header, numbered items, attendance, speakers, decisions."""
    preamble, raw_items = split_items(text)
    return assemble(
        source, read_header(text[: max(len(preamble), 3000)]), preamble, raw_items, text
    )


def assemble(
    source: str, header: Header, preamble: str, raw_items: list[RawItem], full_text: str
) -> Meeting:
    """Build the Meeting, reading attendance, speakers and resolutions from each part."""
    attendance = read_attendance(preamble, raw_items)
    signed = signed_officer(full_text)
    # The officer who signed, named in the attendance already ("Clerk Melissa Burns", who
    # signs "Melissa Burns, Township Clerk"), is not listed twice; their titled name still
    # helps to tell who "Acting Director Romero" is.
    also_known = []
    if signed and any(same_person(signed.name, a.name) for a in attendance):
        also_known.append(signed.name)
    elif signed:
        attendance.append(signed)
    chair = next((a.name for a in attendance if a.role == "chair"), None)
    chair = chair or signed_chair(full_text, (a.name for a in attendance))
    opening = "\n\n".join(_attendance_parts(preamble, raw_items))
    roles = {**office_holders(opening, (a.name for a in attendance)), **find_roles(opening)}
    roster = Roster([*(a.name for a in attendance), *also_known], chair=chair, roles=roles)
    roster.learn_initials(full_text)  # "Paula Kellingray (PK)" in the attendance
    items = apply_consent([build_item(raw, roster) for raw in raw_items])
    meeting_date, inferred = header.date, False
    if meeting_date is None and (meeting_date := infer_meeting_date(full_text)):
        inferred = True
    return Meeting(
        source=source,
        council=header.council,
        committee=header.committee,
        date=meeting_date,
        start_time=header.start_time,
        date_inferred=inferred,
        venue=header.venue,
        status="agenda" if is_agenda(full_text) else header.status,
        attendance=tuple(attendance),
        items=items,
    )


def build_item(raw: RawItem, roster: Roster) -> Item:
    """Read an item's speakers and resolutions from its minutes (or its whole text)."""
    said = "\n\n".join(part for part in (raw.minutes, raw.decision) if part) or raw.body
    return Item(
        number=raw.number,
        title=raw.title,
        text=raw.body,
        minutes=raw.minutes or None,
        decision=raw.decision or None,
        contributions=_with_presenter(
            raw,
            ceremony_leader(raw.title, raw.body, roster)
            + listed_speakers(raw.title, said, roster)
            + find_contributions(said, roster),
            roster,
        ),
        resolutions=tuple(dict.fromkeys(find_resolutions(said, roster.by_initials))),
    )


def _with_presenter(
    raw: RawItem, said: list[Contribution], roster: Roster
) -> tuple[Contribution, ...]:
    """Put the presenter an item's title names first among its speakers, with the item's
    opening words, unless the minutes already record them speaking."""
    presenter = title_presenter(raw.title, roster)
    if presenter is None or any(same_person(presenter, c.speaker) for c in said):
        return tuple(said)
    opening = (raw.minutes or raw.body).strip().split("\n\n")[0].strip() or raw.title
    return (Contribution(presenter, opening), *said)


def _attendance_parts(preamble: str, raw_items: list[RawItem]) -> list[str]:
    """Return the opening (the preamble, or the first item when there is next to none) and
    the items about attendance ("Apologies"), each headed by its title so that an item
    titled "Apologies for Absence" lists its names as apologies."""
    parts = [
        f"{i.title}:\n{i.minutes or i.body}" for i in raw_items if _ATTENDANCE_TITLE.search(i.title)
    ]
    if (
        len(preamble.strip()) < 200
        and raw_items
        and not _ATTENDANCE_TITLE.search(raw_items[0].title)
    ):
        parts.insert(0, raw_items[0].minutes or raw_items[0].body)
    return [preamble, *parts, roster(raw_items[-1].body) if raw_items else ""]


def read_attendance(preamble: str, raw_items: list[RawItem]) -> list[Attendance]:
    """Read attendance from the preamble and from items such as "Apologies"."""
    found: list[Attendance] = []
    for part in _attendance_parts(preamble, raw_items):
        found += [a for a in find_attendance(part) if a not in found and not _named(a, found)]
    return _one_each(found)


def _one_each(found: list[Attendance]) -> list[Attendance]:
    """Keep one entry a person in each role: a later "Councilmember Phil Bacerra" is the same
    as "Council Member Phil Bacerra"; "Mr J Smith" and "Ms J Smith" stay two."""
    kept: list[Attendance] = []
    for person in found:
        if not any(k.role == person.role and same_person(k.name, person.name) for k in kept):
            kept.append(person)
    return kept


def _named(person: Attendance, found: list[Attendance]) -> bool:
    """Tell a later part's "Councilmember Lopez" (no given name) when an earlier part named
    Jessie Lopez."""
    return not first_initial(person.name) and any(
        surname(a.name) == surname(person.name) for a in found
    )
