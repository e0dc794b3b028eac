"""One harvest: list a site's meetings, fetch each one's minutes once, save them with sidecars.

Each minutes document goes to ``FOLDER/COMMITTEE-SLUG/YYYY-MM-DD-ID.EXT`` with the sidecar
``YYYY-MM-DD-ID.meta.toml`` beside it (see docs/harvest.md), which the reader takes like any
other sidecar: council, committee, date, venue and the council's page for the meeting (the
``url`` every hit links to), and, under ``[harvest]``, what the platform said beyond that.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import tomli_w

from indexer.harvest.http import Fetched, FetchError, PoliteClient, Politeness
from indexer.harvest.source import (
    CANCELLED,
    FAILED,
    FETCHED,
    NO_MINUTES,
    Failure,
    MeetingRef,
    Minutes,
    Source,
)
from indexer.harvest.state import HarvestState, now
from indexer.metadata import sidecar_path

Progress = Callable[[int, int, str], None]


@dataclass
class HarvestReport:
    """What one harvest did, for the summary and the state file."""

    platform: str
    site: str
    folder: str
    started: str = field(default_factory=now)
    finished: str | None = None
    seconds: float = 0.0
    requests: int = 0
    meetings: int = 0  # meetings listed
    new: int = 0  # documents saved for the first time
    updated: int = 0  # documents saved again because the platform changed them
    skipped: int = 0  # meetings already harvested, and documents unchanged since
    no_minutes: int = 0  # meetings with no minutes published yet
    cancelled: int = 0
    failed: list[Failure] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in vars(self).items() if k != "failed"}
        data["failed"] = [{"url": f.url, "reason": f.reason} for f in self.failed]
        return data


def harvest(
    source: Source,
    folder: Path,
    *,
    since: date | None = None,
    committees: tuple[str, ...] = (),
    politeness: Politeness | None = None,
    progress: Progress | None = None,
) -> HarvestReport:
    """Harvest the minutes of ``source`` into ``folder``; raise HarvestError if it cannot
    start, report every failure otherwise."""
    state = HarvestState.load(folder, source.platform, source.site)
    state.council = source.council
    report = HarvestReport(source.platform, source.site, str(folder))
    clock = time.monotonic()
    with PoliteClient(source.hosts, politeness or Politeness()) as client:
        meetings = _listed(source.meetings(client, since, committees), report)
        for done, meeting in enumerate(meetings, 1):
            asked = client.requests
            _harvest_meeting(source, client, meeting, folder, state, report)
            state.checkpoint(asked=client.requests > asked)
            if progress:
                progress(done, len(meetings), f"{meeting.date} {meeting.committee}")
        report.requests = client.requests
    report.seconds = round(time.monotonic() - clock, 3)
    report.finished = now()
    state.last_run = report.to_dict()
    state.save()
    return report


def _listed(found: Any, report: HarvestReport) -> list[MeetingRef]:
    """Gather the listing: meetings once each by id, failures into the report."""
    meetings: dict[str, MeetingRef] = {}
    for entry in found:
        if isinstance(entry, Failure):
            report.failed.append(entry)
        else:
            meetings.setdefault(entry.id, entry)
    report.meetings = len(meetings)
    return sorted(meetings.values(), key=lambda m: (m.date, m.id))


def _harvest_meeting(
    source: Source,
    client: PoliteClient,
    meeting: MeetingRef,
    folder: Path,
    state: HarvestState,
    report: HarvestReport,
) -> None:
    """Fetch one meeting's minutes unless the state says it is done; record what happened."""
    if state.done(meeting):
        report.skipped += 1
        return
    if meeting.cancelled:
        report.cancelled += 1
        state.record(meeting, CANCELLED, reason=None)
        return
    if meeting.date > date.today():
        report.no_minutes += 1
        state.record(meeting, NO_MINUTES, reason="not held yet")
        return
    try:
        minutes = source.minutes(client, meeting, state.validators)
        if minutes is None:
            report.no_minutes += 1
            state.record(meeting, NO_MINUTES, reason=None)
            return
        document, outcome = _save(client, minutes, meeting, folder, state)
    except FetchError as error:
        _failed(meeting, Failure(error.url, error.reason), state, report)
        return
    except (KeyError, TypeError, ValueError, AttributeError) as error:  # an answer of a shape
        # we did not expect must not stop the other meetings
        reason = f"unexpected answer ({type(error).__name__}: {error})"
        _failed(meeting, Failure(f"meeting {meeting.id}", reason), state, report)
        return
    setattr(report, outcome, getattr(report, outcome) + 1)
    state.record(meeting, FETCHED, document=document, url=minutes.document_url, reason=None)


def _failed(
    meeting: MeetingRef, failure: Failure, state: HarvestState, report: HarvestReport
) -> None:
    report.failed.append(failure)
    state.record(meeting, FAILED, reason=f"{failure.url}: {failure.reason}")


def _save(
    client: PoliteClient,
    minutes: Minutes,
    meeting: MeetingRef,
    folder: Path,
    state: HarvestState,
) -> tuple[str, str]:
    """Save the document (fetched once, conditionally when held) and its sidecar; return
    its path in the folder and "new", "updated" or "skipped"."""
    path = folder / slug(meeting.committee) / f"{meeting.date.isoformat()}-{slug(meeting.id)}"
    path = path.with_suffix(minutes.suffix)
    held = state.meetings.get(meeting.id, {}).get("document")  # kept if the platform renames
    if held and (folder / held).resolve().is_relative_to(folder.resolve()):
        path = folder / held
    known = state.validators.get(minutes.document_url, {}) if path.is_file() else {}
    if minutes.body is not None:
        fetched = Fetched(
            minutes.document_url, 200, minutes.body, minutes.etag, minutes.last_modified
        )
    else:
        fetched = client.get(
            minutes.document_url, etag=known.get("etag"), last_modified=known.get("last_modified")
        )
    outcome = "skipped"
    if fetched.not_modified:
        fetched = Fetched(
            fetched.url,
            304,
            etag=fetched.etag or known.get("etag"),
            last_modified=known.get("last_modified"),
        )
    else:
        outcome = _write_document(path, fetched.body)
        state.validators[minutes.document_url] = _validators(fetched, path, folder)
    _write_sidecar(path, minutes, fetched)
    return path.relative_to(folder).as_posix(), outcome


def _write_document(path: Path, body: bytes) -> str:
    """Write ``body`` at ``path`` unless it is there already; say "new", "updated" or
    "skipped"."""
    if path.is_file() and path.read_bytes() == body:
        return "skipped"
    outcome = "updated" if path.exists() else "new"
    _write_whole(path, body)
    return outcome


def _write_sidecar(path: Path, minutes: Minutes, fetched: Fetched) -> None:
    sidecar = dict(minutes.sidecar)
    sidecar["harvest"] = {
        **sidecar.get("harvest", {}),
        "document_url": minutes.document_url,
        "fetched": now(),
        "etag": fetched.etag,
        "last_modified": fetched.last_modified,
        "content_type": fetched.content_type,
    }
    _write_whole(sidecar_path(path), tomli_w.dumps(_without_none(sidecar)).encode("utf-8"))


def _validators(fetched: Fetched, path: Path, folder: Path) -> dict[str, str]:
    found = {
        "etag": fetched.etag,
        "last_modified": fetched.last_modified,
        "path": path.relative_to(folder).as_posix(),
        "sha256": hashlib.sha256(fetched.body).hexdigest(),
    }
    return {k: v for k, v in found.items() if v}


def _write_whole(path: Path, data: bytes) -> None:
    """Write a file whole or not at all: a stopped run never leaves half a document."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.part")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def _without_none(value: Any) -> Any:
    """Drop None values (TOML has no null) and empty tables and lists, at every depth."""
    if isinstance(value, dict):
        pairs = ((k, _without_none(v)) for k, v in value.items())
        return {k: v for k, v in pairs if v is not None and v != {} and v != []}
    if isinstance(value, list):
        return [_without_none(v) for v in value if v is not None]
    return value


def slug(text: str) -> str:
    """Turn a committee's name or an id into a file name: "Audit Committee" -> "audit-committee"."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80] or "meetings"
