"""What every platform gives the harvest: meetings listed, then each meeting's minutes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from indexer.harvest.http import Hosts, PoliteClient

# What became of a meeting, as the state file and the summary say it.
FETCHED = "fetched"  # its minutes are in the folder
NO_MINUTES = "no-minutes"  # held (or due), no minutes published yet: asked again next run
CANCELLED = "cancelled"  # the platform says it was cancelled: never asked again
FAILED = "failed"  # a request failed: asked again next run
STATUSES = (FETCHED, NO_MINUTES, CANCELLED, FAILED)


# ETag and Last-Modified of earlier answers, by URL.
Validators = dict[str, dict[str, str]]


class HarvestError(Exception):
    """A harvest that cannot start (unknown committee, a folder of another site)."""


@dataclass(frozen=True)
class MeetingRef:
    """A meeting as a platform's listing gives it.

    :param version: what changes when the platform changes the meeting (Legistar's
        EventLastModifiedUtc); None where the listing does not say.
    """

    id: str
    committee: str
    date: date
    cancelled: bool = False
    version: str | None = None
    listing: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Minutes:
    """One meeting's minutes: a document to download (``document_url``) or one already in
    hand (``body``), with the sidecar saying what the platform said about it."""

    document_url: str
    suffix: str  # ".pdf", ".xml", ...
    sidecar: dict[str, Any]
    body: bytes | None = None
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class Failure:
    """A request that failed while listing or reading a meeting, and why."""

    url: str
    reason: str


class Source(Protocol):
    """A council's site on one platform."""

    platform: str
    site: str  # what the state file is keyed by: the site's URL, or the Legistar client
    council: str
    hosts: Hosts  # the council's hosts: no other is ever asked

    def meetings(
        self, client: PoliteClient, since: date | None, committees: tuple[str, ...]
    ) -> Iterator[MeetingRef | Failure]:
        """List the meetings since ``since`` of the named committees (all when none)."""
        ...

    def minutes(
        self, client: PoliteClient, meeting: MeetingRef, validators: Validators
    ) -> Minutes | None:
        """Return the meeting's minutes, or None when none are published yet.

        :param validators: the ETag and Last-Modified of earlier answers, by URL, for
            conditional requests; the source records the validators of its new answers.
        """
        ...
