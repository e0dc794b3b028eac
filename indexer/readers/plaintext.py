"""Plain-text minutes, numbered in any of the ways councils number them."""

from __future__ import annotations

import dataclasses

from indexer.assemble import meeting_from_text
from indexer.extract.header import read_header
from indexer.extract.meetings import Part, sitting_body, split_meetings
from indexer.model import Meeting


def parse_meetings(text: str, source: str) -> list[Meeting]:
    """Read plain minutes text holding one meeting or several, each with its own heading."""
    parts = split_meetings(text.replace("\xa0", " "))
    if len(parts) == 1:
        return [meeting_from_text(parts[0].text, source)]
    meetings: list[Meeting] = []
    council = None
    for part in parts:
        if part.notice:
            council = read_header(part.text).council
            continue
        meeting = _carried(meeting_from_text(part.text, source), part, meetings, council)
        meetings.append(meeting)
        council = meeting.council
    return meetings


def _carried(meeting: Meeting, part: Part, before: list[Meeting], council: str | None) -> Meeting:
    """Give a meeting what the document said once for all its meetings: the council; and, to
    a body the same members sat as, its name, the day and those present."""
    meeting = dataclasses.replace(meeting, council=meeting.council or council)
    if not (part.sitting_as and before):
        return meeting
    previous = before[-1]
    return dataclasses.replace(
        meeting,
        committee=sitting_body(part.text) or meeting.committee,
        date=meeting.date or previous.date,
        date_inferred=meeting.date_inferred if meeting.date else previous.date_inferred,
        attendance=meeting.attendance or previous.attendance,
    )
