"""A person's record across the index: names, committees, attendance, speeches, motions.

The reindex keeps every council's people in the manifest (indexer/build.py): each person's
names and the evidence that joined them, and the person behind each name of each meeting. A
person page reads that, and searches the index for the person's words (``person:ID``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from search.engine import SearchEngine, SearchRequest
from search.results import Page

# Attendance roles counted as present at a meeting; "apologies" and "absent" are their own.
PRESENT_ROLES = ("present", "chair", "substitute", "also_present", "officer")
ATTENDANCE_COLUMNS = ("present", "apologies", "absent")
LISTED = 50  # speeches searched, motions listed on a person's page


@dataclass(frozen=True)
class MeetingLine:
    """One meeting of a person's record: when, which body, what the minutes say of them."""

    meeting_id: str
    council: str | None
    committee: str | None
    date: str | None
    role: str | None  # their attendance role there, None when not in the attendance
    speeches: int
    written: tuple[str, ...]  # the forms of their name the minutes of that meeting give


@dataclass(frozen=True)
class Motion:
    """A decision a person moved or seconded."""

    id: str
    meeting_id: str
    committee: str | None
    date: str | None
    item_number: str
    item_title: str
    outcome: str | None
    votes_for: int | None
    votes_against: int | None
    abstentions: int | None
    part: str  # "moved" or "seconded"; in a recorded vote "voted for", "voted against",
    # "abstained"


@dataclass(frozen=True)
class PersonView:
    """What a person page shows."""

    id: str
    name: str
    kind: str  # "person", or "office" for an office whose holder the minutes do not name
    council: str | None
    forms: tuple[str, ...]
    offices: tuple[str, ...]
    evidence: tuple[dict[str, Any], ...]
    committees: tuple[str, ...]
    attendance: dict[str, dict[str, int]]  # year -> present, apologies, absent
    meetings: tuple[MeetingLine, ...]  # newest first
    motions: tuple[Motion, ...]  # newest first
    recorded_votes: tuple[Motion, ...] = ()  # how they voted where the minutes name voters
    speeches: Page | None = None  # their words, searched (``q``) or newest first
    q: str = ""
    votes: str = field(
        default="Votes are listed where the minutes name who voted (a recorded vote); most "
        "minutes give only the numbers for and against."
    )

    @property
    def speeches_total(self) -> int:
        return sum(m.speeches for m in self.meetings)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["speeches"] = self.speeches.to_dict() if self.speeches else None
        data["speeches_total"] = self.speeches_total
        return data


def people_of(engine: SearchEngine) -> dict[str, Any]:
    """Return the index's people as the reindex saved them ({"persons", "links"})."""
    found: dict[str, Any] = engine.manifest().get("people", {})
    return found


def find_person(engine: SearchEngine, name: str) -> str | None:
    """Return the id of the one person shown or written as ``name``, else None (no one, or
    two people of that name)."""
    people = people_of(engine)
    shown = [pid for pid, p in people.get("persons", {}).items() if p["name"] == name]
    if shown:
        return shown[0] if len(shown) == 1 else None
    written = {
        pid
        for meetings in people.get("links", {}).values()
        for forms in meetings
        for form, pid in forms.items()
        if form == name
    }
    return next(iter(written)) if len(written) == 1 else None


def person(engine: SearchEngine, pid: str, q: str = "") -> PersonView | None:
    """Return a person's record, with their speeches matching ``q`` (all, newest first, when
    empty); None when no one has that id."""
    people = people_of(engine)
    found = people.get("persons", {}).get(pid)
    if found is None:
        return None
    lines = _meetings(engine, people.get("links", {}), pid)
    decided = _motions(engine, pid)
    return PersonView(
        id=pid,
        name=found["name"],
        kind=found.get("kind", "person"),
        council=found.get("council"),
        forms=tuple(sorted({*found.get("forms", ()), *(f for m in lines for f in m.written)})),
        offices=tuple(found.get("offices", ())),
        evidence=tuple(found.get("evidence", ())),
        committees=tuple(sorted({m.committee for m in lines if m.committee and m.role})),
        attendance=_attendance(lines),
        meetings=tuple(lines),
        motions=tuple(m for m in decided if m.part in MOTION_PARTS),
        recorded_votes=tuple(m for m in decided if m.part in VOTE_PARTS),
        speeches=speeches(engine, pid, q),
        q=q,
    )


def speeches(engine: SearchEngine, pid: str, q: str = "", per_page: int = LISTED) -> Page:
    """Return a person's speeches matching ``q`` (best first), or newest first without."""
    query = f'({q}) person:"{pid}"' if q.strip() else f'person:"{pid}"'
    sort = "relevance" if q.strip() else "newest"
    wanted = SearchRequest(q=query, kind=("speech",), sort=sort, per_page=per_page, facets=False)
    return engine.search(wanted)


def _meetings(engine: SearchEngine, links: dict[str, Any], pid: str) -> list[MeetingLine]:
    """Return the meetings whose minutes name the person, newest first."""
    files = engine.manifest().get("files", {})
    lines = []
    for document, meetings in links.items():
        entry = files.get(document, {})
        for index, forms in enumerate(meetings):
            mine = [form for form, who in forms.items() if who == pid]
            if not mine:
                continue
            summaries, records = entry.get("meetings", []), entry.get("people", [])
            if index >= len(summaries) or index >= len(records):
                continue
            lines.append(_line(summaries[index], records[index], mine))
    return sorted(lines, key=lambda m: (m.date or "", m.meeting_id), reverse=True)


def _line(summary: dict[str, Any], record: dict[str, Any], forms: list[str]) -> MeetingLine:
    roles = [role for name, role in record.get("attendance", []) if name in forms]
    said = sum(1 for item in record.get("items", []) for name, _ in item[0] if name in forms)
    role = next((r for r in roles if r in PRESENT_ROLES), roles[0] if roles else None)
    return MeetingLine(
        meeting_id=summary["id"],
        council=summary.get("council"),
        committee=summary.get("committee"),
        date=summary.get("date"),
        role=role,
        speeches=said,
        written=tuple(sorted(forms)),
    )


def _attendance(lines: list[MeetingLine]) -> dict[str, dict[str, int]]:
    """Return per year how often the person was present, sent apologies, was absent."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for line in lines:
        if line.role is None:
            continue
        column = "present" if line.role in PRESENT_ROLES else line.role
        counts[(line.date or "")[:4] or "date not known"][column] += 1
    return {
        year: {c: counts[year][c] for c in ATTENDANCE_COLUMNS}
        for year in sorted(counts, reverse=True)
    }


# A person's part in a decision, and the detail of the chunk that holds their id for it.
_PARTS = (("moved", "mover_id"), ("seconded", "seconder_id"))
_VOTES = (("voted for", "voted_for_ids"), ("voted against", "voted_against_ids"),
          ("abstained", "abstained_ids"))  # fmt: skip
MOTION_PARTS = tuple(part for part, _ in _PARTS)
VOTE_PARTS = tuple(part for part, _ in _VOTES)


def _motions(engine: SearchEngine, pid: str) -> list[Motion]:
    """Return the decisions the person moved, seconded or voted on by name, newest first."""
    wanted = SearchRequest(
        q=f'person:"{pid}"', kind=("decision",), sort="newest", per_page=LISTED, facets=False
    )
    motions = []
    for hit in engine.search(wanted).hits:
        doc = engine.document(hit.id) or {}
        details = doc.get("details", {})
        parts = [p for p, key in _PARTS if details.get(key) == pid]
        parts += [p for p, key in _VOTES if pid in details.get(key, ())]
        for part in parts:
            motions.append(
                Motion(
                    id=hit.id,
                    meeting_id=hit.meeting_id,
                    committee=hit.committee,
                    date=hit.date,
                    item_number=hit.item_number,
                    item_title=hit.item_title,
                    outcome=hit.outcome,
                    votes_for=details.get("votes_for"),
                    votes_against=details.get("votes_against"),
                    abstentions=details.get("abstentions"),
                    part=part,
                )
            )
    return motions
