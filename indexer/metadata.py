"""Meeting facts from outside the document: a sidecar file, then the folder convention.

Precedence: a sidecar ``NAME.meta.toml`` beside the document wins over what the document
says, which wins over the folder convention ``COUNCIL/COMMITTEE/YYYY-MM-DD...``. A date written
anywhere in the file's name ("planning-board-2023-09-11.pdf", "Council 2023_05_22.pdf") is a
last-resort hint for documents that do not say when their meeting was.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from indexer.errors import UnreadableDocument
from indexer.model import Meeting
from indexer.readers.legistar import apply_legistar
from indexer.trace import note

SIDECAR_SUFFIX = ".meta.toml"
SIDECAR_KEYS = ("council", "committee", "date", "url", "venue", "harvest")
# ``[harvest]`` holds what a platform said beyond these facts (see docs/harvest.md): Legistar's
# event items fill the decisions, movers, votes and attendance the minutes' text did not give
# (indexer/readers/legistar.py); the rest is left to people and tools.
_DATED_NAME_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
# A date anywhere in a file's name, year first: "2023-09-11", "2023_05_22", "2023.05.22",
# "20230522"; not inside a longer number.
_DATE_IN_NAME_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})([-_.]?)([01]\d)\2([0-3]\d)(?!\d)")


@dataclass(frozen=True)
class Hints:
    """Facts about a document's meeting; None where the source says nothing."""

    council: str | None = None
    committee: str | None = None
    date: date | None = None
    url: str | None = None
    venue: str | None = None
    record: Mapping[str, Any] | None = None  # the sidecar's [harvest] table


def sidecar_path(path: Path) -> Path:
    """Return where the sidecar of ``path`` would be: ``NAME.meta.toml`` beside it."""
    return path.with_name(path.name.split(".")[0] + SIDECAR_SUFFIX)


def sidecar_hints(path: Path) -> Hints:
    """Read the sidecar beside ``path``, if there is one."""
    sidecar = sidecar_path(path)
    if not sidecar.is_file():
        return Hints()
    try:
        data = tomllib.loads(sidecar.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UnreadableDocument(sidecar, f"the sidecar is not valid TOML ({error})") from None
    unknown = sorted(set(data) - set(SIDECAR_KEYS))
    if unknown:
        raise UnreadableDocument(sidecar, f"unknown sidecar keys {unknown}; use {SIDECAR_KEYS}")
    when = data.get("date")
    if isinstance(when, str):
        when = date.fromisoformat(when)
    record = data.get("harvest")
    return Hints(
        data.get("council"),
        data.get("committee"),
        when,
        data.get("url"),
        data.get("venue"),
        record if isinstance(record, Mapping) else None,
    )


def folder_hints(path: Path) -> Hints:
    """Read ``COUNCIL/COMMITTEE/YYYY-MM-DD...`` from the path, when it follows that shape;
    otherwise only a date written in the file's name."""
    match = _DATED_NAME_RE.match(path.name)
    if not match or len(path.parts) < 3:
        return Hints(date=name_date(path.name))
    try:
        when = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return Hints()
    council, committee = path.parent.parent.name, path.parent.name
    if not _is_name(council) or not _is_name(committee):
        return Hints(date=when)
    return Hints(_title(council), _title(committee), when)


def name_date(name: str) -> date | None:
    """Return the date written in a file's name, year first ("body-2023-09-11.pdf")."""
    for match in _DATE_IN_NAME_RE.finditer(name):
        try:
            return date(int(match.group(1)), int(match.group(3)), int(match.group(4)))
        except ValueError:
            continue
    return None


def _is_name(folder: str) -> bool:
    """Tell whether a folder's name can be a council's or committee's ("2016" cannot)."""
    return bool(re.search(r"[A-Za-z]{3}", folder))


def _title(slug: str) -> str:
    """Turn a folder name like "ashbury-borough-council" into "Ashbury Borough Council"."""
    words = re.split(r"[-_ ]+", slug)
    small = {"and", "of", "the", "for", "on", "in"}
    return " ".join(w if w in small and i else w.capitalize() for i, w in enumerate(words))


def _hint_rule(key: str, from_sidecar: bool) -> str:
    if from_sidecar:
        return "the sidecar NAME.meta.toml"
    return "a date in the file's name" if key == "date" else "the folders COUNCIL/COMMITTEE/"


def apply_hints(meetings: list[Meeting], sidecar: Hints, folder: Hints) -> list[Meeting]:
    """Fill and override meeting facts by precedence: sidecar, document, folder."""
    single = len(meetings) == 1
    result = []
    for meeting in meetings:
        changes: dict[str, object] = {}
        for key in ("council", "committee", "date", "url", "venue"):
            if not single and key in ("committee", "date", "venue"):
                continue
            value = getattr(sidecar, key) or getattr(meeting, key) or getattr(folder, key)
            if value != getattr(meeting, key):
                changes[key] = value
                note(key, value, _hint_rule(key, bool(getattr(sidecar, key))))
        if "date" in changes:
            changes["date_inferred"] = False
        result.append(dataclasses.replace(meeting, **changes) if changes else meeting)  # type: ignore[arg-type]
    return result


def apply_record(meetings: list[Meeting], record: Mapping[str, Any] | None) -> list[Meeting]:
    """Add what the platform recorded of a harvested meeting (Legistar's event items) to the
    one meeting read from its minutes."""
    if not record or record.get("platform") != "legistar" or len(meetings) != 1:
        return meetings
    return [apply_legistar(meetings[0], record)]
