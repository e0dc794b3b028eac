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
    source: str
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
