"""Per council, what the harvests into the indexed folders say: when, and what is missing.

The status page reads it from the state files (``.harvest-state.json``) of the folders the
index was built from, and of their subfolders one level down (``/srv/minutes/oakland`` under
an indexed ``/srv/minutes``). It names no path of the server: only the council, the platform
and the site's public address or Legistar client.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

from indexer.harvest.source import FAILED, NO_MINUTES
from indexer.harvest.state import STATE_NAME

PLATFORMS = {"moderngov": "ModernGov", "legistar": "Legistar"}


@dataclass(frozen=True)
class HarvestStatus:
    """One site's harvest: its council, when it last ran, and its meetings' state."""

    council: str
    platform: str  # "ModernGov", "Legistar"
    site: str  # the ModernGov site's address, or the Legistar client
    last_harvested: str | None  # when the last run finished, UTC, ISO 8601
    meetings: int  # meetings the harvests have seen
    no_minutes: int  # meetings held (dated today or before) with no minutes published yet
    failed: int  # meetings whose last fetch failed

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def harvest_status(folders: Iterable[str | Path]) -> list[HarvestStatus]:
    """Return the harvest status of every state file in ``folders`` (or one level below),
    by council; a state file that cannot be read is passed by. A state file is read again
    only when it changed: the status page asks on every request, and a large council's state
    holds thousands of meetings."""
    found = [status for path in _state_files(folders) if (status := _read(path))]
    return sorted(found, key=lambda s: (s.council.casefold(), s.site))


def _state_files(folders: Iterable[str | Path]) -> Iterator[Path]:
    seen: set[Path] = set()
    for folder in map(Path, folders):
        subfolders = sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []
        for candidate in (folder, *subfolders):
            path = (candidate / STATE_NAME).resolve()
            if path not in seen and path.is_file():
                seen.add(path)
                yield path


# A state file -> ((its mtime, the day), the status read from it then).
_read_before: dict[Path, tuple[tuple[int, int], HarvestStatus | None]] = {}


def _read(path: Path) -> HarvestStatus | None:
    """Return the status a state file gives, from what was read before when it is unchanged
    (the day is part of "no minutes yet", so a status is kept for one day at most)."""
    try:
        changed = path.stat().st_mtime_ns
    except OSError:
        return None
    key = (changed, date.today().toordinal())
    before = _read_before.get(path)
    if before is not None and before[0] == key:
        return before[1]
    try:
        status: HarvestStatus | None = _status(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, UnicodeDecodeError):
        status = None
    _read_before[path] = (key, status)
    return status


def _status(data: dict[str, Any]) -> HarvestStatus:
    today = date.today().isoformat()
    meetings = list(data.get("meetings", {}).values())
    return HarvestStatus(
        council=str(data.get("council") or data.get("site")),
        platform=PLATFORMS.get(str(data.get("platform")), str(data.get("platform"))),
        site=str(data.get("site")),
        last_harvested=data.get("last_run", {}).get("finished"),
        meetings=len(meetings),
        no_minutes=sum(
            m.get("status") == NO_MINUTES and m.get("date", "") <= today for m in meetings
        ),
        failed=sum(m.get("status") == FAILED for m in meetings),
    )
