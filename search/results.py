"""What a search returns: plain frozen dataclasses with to_dict(); no Whoosh objects."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SORTS = ("relevance", "newest", "oldest")


@dataclass(frozen=True)
class Hit:
    """One matching chunk, ready to show."""

    id: str
    kind: str
    council: str | None
    committee: str | None
    date: str | None
    item_number: str
    item_title: str
    speaker: str | None
    snippet: str
    meeting_id: str
    source: str  # the document's name within its indexed folder, never a path of the server
    score: float = 0.0
    outcome: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class FacetCount:
    """How many matches have one value of a facet."""

    value: str
    count: int


@dataclass(frozen=True)
class MeetingGroup:
    """The hits of one meeting on a page, when results are grouped by meeting."""

    meeting_id: str
    council: str | None
    committee: str | None
    date: str | None
    hits: tuple[Hit, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "meeting_id": self.meeting_id,
            "council": self.council,
            "committee": self.committee,
            "date": self.date,
            "hits": [h.to_dict() for h in self.hits],
        }


@dataclass(frozen=True)
class Page:
    """A page of hits, the total, facet counts over every match, and notes on the query."""

    total: int
    page: int
    per_page: int
    hits: tuple[Hit, ...]
    facets: dict[str, tuple[FacetCount, ...]] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    groups: tuple[MeetingGroup, ...] | None = None
    # Fewer than ten chunks held every word, so chunks holding most of them were added (a
    # note says so): a page to offer a spelling on, as on a page of no results.
    relaxed: bool = False

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "total": self.total,
            "page": self.page,
            "per_page": self.per_page,
            "pages": self.pages,
            "hits": [h.to_dict() for h in self.hits],
            "facets": {
                name: {c.value: c.count for c in counts} for name, counts in self.facets.items()
            },
            "notes": list(self.notes),
        }
        if self.groups is not None:
            data["groups"] = [g.to_dict() for g in self.groups]
        return data


@dataclass(frozen=True)
class MeetingSummary:
    """A meeting as lists show it."""

    id: str
    council: str | None
    committee: str | None
    date: str | None
    venue: str | None
    status: str | None
    url: str | None
    source: str  # as Hit.source
    items: int
    start_time: str | None = None
    date_inferred: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Decision:
    """A decision of an item, with outcome and votes."""

    id: str
    text: str
    outcome: str | None
    votes_for: int | None
    votes_against: int | None
    abstentions: int | None
    mover: str | None
    seconder: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Speech:
    """What one speaker said within an item."""

    id: str
    speaker: str
    role: str | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ItemView:
    """A whole item: its text, speeches and decisions, and its neighbours in the meeting."""

    id: str
    number: str
    title: str
    text: str
    meeting: MeetingSummary
    speeches: tuple[Speech, ...]
    decisions: tuple[Decision, ...]
    previous_id: str | None
    next_id: str | None

    @property
    def speakers(self) -> list[str]:
        return list(dict.fromkeys(s.speaker for s in self.speeches))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "number": self.number,
            "title": self.title,
            "text": self.text,
            "meeting": self.meeting.to_dict(),
            "speakers": self.speakers,
            "speeches": [s.to_dict() for s in self.speeches],
            "decisions": [d.to_dict() for d in self.decisions],
            "previous_id": self.previous_id,
            "next_id": self.next_id,
        }


@dataclass(frozen=True)
class ItemLine:
    """An item as a meeting's list shows it."""

    id: str
    number: str
    title: str
    speakers: int
    decisions: int


@dataclass(frozen=True)
class MeetingView:
    """A meeting: its facts, attendance by role and its items."""

    meeting: MeetingSummary
    attendance: dict[str, tuple[str, ...]]
    items: tuple[ItemLine, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.meeting.to_dict(),
            "attendance": {role: list(names) for role, names in self.attendance.items()},
            "items": [asdict(i) for i in self.items],
        }
