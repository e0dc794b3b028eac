"""The state file ``FOLDER/.harvest-state.json``: what was fetched, so nothing is fetched twice.

It holds, per meeting, what became of it (its status, date, the version the platform gave and
the document saved), per URL the validators of the last answer (ETag, Last-Modified), and the
summary of the last run. It is written after every meeting that cost a request (and at most
once a second otherwise), by replacing the file whole, so a run stopped at any point resumes
from the last meeting done and never asks twice for what it already fetched. The file's name
starts with a dot, so a reindex of the folder passes it by.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from indexer.harvest.source import CANCELLED, FETCHED, HarvestError, MeetingRef, Validators

STATE_NAME = ".harvest-state.json"
STATE_VERSION = 1
SAVE_EVERY = 1.0  # seconds between writes of the state, but after a meeting that cost requests


def now() -> str:
    """Return the time now in UTC, to the second, ISO 8601."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass
class HarvestState:
    """What earlier runs into one folder fetched from one site."""

    path: Path
    platform: str
    site: str
    meetings: dict[str, dict[str, Any]] = field(default_factory=dict)
    validators: Validators = field(default_factory=dict)
    council: str | None = None  # as the last run named it
    last_run: dict[str, Any] = field(default_factory=dict)
    _saved: float = field(default_factory=time.monotonic)

    @classmethod
    def load(cls, folder: Path, platform: str, site: str) -> HarvestState:
        """Read the folder's state, or start one; refuse a folder harvested from elsewhere."""
        path = folder / STATE_NAME
        if not path.is_file():
            return cls(path, platform, site)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            raise HarvestError(
                f"{path} is not a harvest state file ({error}); move it away"
            ) from None
        if (data.get("platform"), data.get("site")) != (platform, site):
            raise HarvestError(
                f"{folder} holds a harvest of {data.get('platform')} {data.get('site')}; "
                "harvest each site into a folder of its own (--into)"
            )
        return cls(
            path,
            platform,
            site,
            meetings=data.get("meetings", {}),
            validators=data.get("validators", {}),
            council=data.get("council"),
            last_run=data.get("last_run", {}),
        )

    def done(self, meeting: MeetingRef) -> bool:
        """Tell whether the meeting needs no request: fetched at this version, or cancelled."""
        entry = self.meetings.get(meeting.id)
        if entry is None:
            return False
        if entry["status"] == CANCELLED:
            return True
        return entry["status"] == FETCHED and entry.get("version") == meeting.version

    def record(self, meeting: MeetingRef, status: str, **facts: Any) -> None:
        """Note what became of a meeting (a fact given as None is dropped)."""
        entry = dict(self.meetings.get(meeting.id, {}))  # a failure keeps the document held
        facts = {
            "status": status,
            "committee": meeting.committee,
            "date": meeting.date.isoformat(),
            "version": meeting.version,
            "checked": now(),
            **facts,
        }
        for key, value in facts.items():
            if value is None:
                entry.pop(key, None)
            else:
                entry[key] = value
        self.meetings[meeting.id] = entry

    def checkpoint(self, asked: bool) -> None:
        """Write the state after a meeting that cost requests (so none is asked twice), else
        at most once a second (what cost nothing is cheap to do again)."""
        if asked or time.monotonic() - self._saved >= SAVE_EVERY:
            self.save()

    def save(self) -> None:
        """Write the state whole to a new file, then put it in place of the old one."""
        data = {
            "version": STATE_VERSION,
            "platform": self.platform,
            "site": self.site,
            "council": self.council,
            "last_run": self.last_run,
            "meetings": self.meetings,
            "validators": self.validators,
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(self.path.name + ".tmp")
        temporary.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(temporary, self.path)
        self._saved = time.monotonic()
