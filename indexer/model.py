"""What a meeting is, once read: plain frozen dataclasses passed between pipeline stages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

# Allowed values, declared once. Readers and extractors use these names only.
ROLES = (
    "present",
    "chair",
    "apologies",
    "absent",
    "substitute",
    "also_present",
    "officer",
)
OUTCOMES = (
    "carried",
    "lost",
    "agreed",
    "noted",
    "deferred",
    "adopted",
    "amended",
    "referred",
    "approved",
    "received",
    "withdrawn",
    "passed",
    "postponed",
)
STATUSES = ("draft", "confirmed", "agenda")  # "agenda": a meeting to come, not minutes


def item_sort_key(number: str) -> str:
    """Return a key that sorts item numbers naturally ("2" < "10", "6(a)" < "6(b)")."""
    parts = re.findall(r"\d+|[A-Za-z]+", number)
    return ".".join(p.zfill(6) if p.isdigit() else p.lower() for p in parts)


@dataclass(frozen=True)
class Attendance:
    """A person named in the attendance, with their role at the meeting."""

    name: str
    role: str

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"unknown attendance role {self.role!r}")

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role}


@dataclass(frozen=True)
class Contribution:
    """What one speaker said within an item."""

    speaker: str
    text: str
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "role": self.role, "text": self.text}


@dataclass(frozen=True)
class Resolution:
    """A decision: its words, outcome and votes when stated."""

    text: str
    outcome: str | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None
    mover: str | None = None
    seconder: str | None = None
    # A recorded vote's names, as written: "For: Councillors A, B and C (3)".
    voted_for: tuple[str, ...] = ()
    voted_against: tuple[str, ...] = ()
    abstained: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.outcome is not None and self.outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {self.outcome!r}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "outcome": self.outcome,
            "votes_for": self.votes_for,
            "votes_against": self.votes_against,
            "abstentions": self.abstentions,
            "mover": self.mover,
            "seconder": self.seconder,
            "voted_for": list(self.voted_for),
            "voted_against": list(self.voted_against),
            "abstained": list(self.abstained),
        }


@dataclass(frozen=True)
class Item:
    """An agenda item: its number as printed, title, text, speakers and decisions."""

    number: str
    title: str
    text: str = ""
    minutes: str | None = None
    decision: str | None = None
    contributions: tuple[Contribution, ...] = ()
    resolutions: tuple[Resolution, ...] = ()

    @property
    def sort_key(self) -> str:
        return item_sort_key(self.number)

    @property
    def speakers(self) -> list[str]:
        """Return the distinct speakers in the order they first spoke."""
        return list(dict.fromkeys(c.speaker for c in self.contributions))

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "sort_key": self.sort_key,
            "title": self.title,
            "text": self.text,
            "minutes": self.minutes,
            "decision": self.decision,
            "speakers": self.speakers,
            "contributions": [c.to_dict() for c in self.contributions],
            "resolutions": [r.to_dict() for r in self.resolutions],
        }


@dataclass(frozen=True)
class Meeting:
    """One meeting of one body, as read from a document."""

    source: str
    council: str | None = None
    committee: str | None = None
    date: date | None = None
    start_time: time | None = None
    date_inferred: bool = False
    venue: str | None = None
    status: str | None = None
    url: str | None = None
    attendance: tuple[Attendance, ...] = ()
    items: tuple[Item, ...] = field(default_factory=tuple)
    # The document's text outside the items the reader recognised (before the first, between,
    # after the last, or all of it), cut into untitled or headed sections so that nothing is
    # lost to search (indexer/coverage.py).
    sections: tuple[Item, ...] = ()

    def __post_init__(self) -> None:
        if self.status is not None and self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}")

    def people(self, role: str) -> list[str]:
        """Return the names attending in ``role``."""
        return [a.name for a in self.attendance if a.role == role]

    def to_dict(self) -> dict[str, Any]:
        return {
            "council": self.council,
            "committee": self.committee,
            "date": self.date.isoformat() if self.date else None,
            "start_time": self.start_time.strftime("%H:%M") if self.start_time else None,
            "date_inferred": self.date_inferred,
            "venue": self.venue,
            "status": self.status,
            "source": self.source,
            "url": self.url,
            "attendance": [a.to_dict() for a in self.attendance],
            "items": [i.to_dict() for i in self.items],
            "sections": [i.to_dict() for i in self.sections],
        }
