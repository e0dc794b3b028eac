"""Where an index lives on disk: versions swapped in atomically, its manifest and its lock.

INDEX/current            -> versions/<name>   (a symlink, replaced atomically)
INDEX/versions/<name>/   the Whoosh files, meta.json and manifest.json
INDEX/reindex.lock       held by the one reindex allowed at a time
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

from search.errors import IndexMissing, IndexOutOfDate, ReindexRunning
from search.schema import SCHEMA_VERSION, build_schema

INDEX_ENV = "MINUTES_SEARCH_INDEX"
META = "meta.json"
MANIFEST = "manifest.json"


def default_index_dir() -> Path:
    """Return ``$MINUTES_SEARCH_INDEX``, else ``$XDG_DATA_HOME/minutes-search/index``."""
    if os.environ.get(INDEX_ENV):
        return Path(os.environ[INDEX_ENV])
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_home) / "minutes-search" / "index"


class IndexDir:
    """An index folder holding versions of the index, one of them current."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.current_link = self.root / "current"
        self.versions = self.root / "versions"

    def current(self) -> Path | None:
        """Return the current version's folder, or None before the first reindex."""
        if not self.current_link.is_symlink():
            return None
        target = self.current_link.resolve()
        return target if target.is_dir() else None

    def require_current(self) -> Path:
        """Return the current version, checking it was built with this schema version."""
        version = self.current()
        if version is None:
            raise IndexMissing(f"no index at {self.root}; run `minutes-search reindex PATH` first")
        found = read_json(version / META).get("schema_version")
        if found != SCHEMA_VERSION:
            raise IndexOutOfDate(
                f"the index at {self.root} has schema version {found}, this program needs "
                f"{SCHEMA_VERSION}; run `minutes-search reindex --full`"
            )
        return version

    def new_version(self) -> Path:
        """Make an empty folder for a version being built."""
        name = time.strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}-{time.monotonic_ns() % 10**6}"
        path = self.versions / name
        path.mkdir(parents=True)
        write_json(path / META, {"schema_version": SCHEMA_VERSION})
        return path

    def swap(self, version: Path) -> None:
        """Make ``version`` current in one atomic rename; searches never see a gap."""
        temporary = self.root / f".current-{os.getpid()}"
        if temporary.is_symlink():
            temporary.unlink()
        temporary.symlink_to(version.relative_to(self.root))
        os.replace(temporary, self.current_link)

    def prune(self, keep: int = 2) -> None:
        """Delete old versions, keeping the current one and the one before it."""
        current = self.current()
        if not self.versions.is_dir():
            return
        others = sorted(p for p in self.versions.iterdir() if p != current)
        for old in others[: max(0, len(others) - (keep - 1))]:
            shutil.rmtree(old, ignore_errors=True)

    @contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the reindex lock, refusing at once if another reindex has it."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / "reindex.lock", "a+", encoding="utf-8") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.seek(0)
                holder = handle.read().strip() or "unknown"
                raise ReindexRunning(
                    f"another reindex of {self.root} is running (process {holder}); "
                    "wait for it to finish"
                ) from None
            handle.seek(0)
            handle.truncate()
            handle.write(str(os.getpid()))
            handle.flush()
            try:
                yield
            finally:
                handle.truncate(0)
                fcntl.flock(handle, fcntl.LOCK_UN)


def open_index(version: Path) -> Any:
    """Open a version's Whoosh index with this program's schema (never the pickled one, which
    names analyzer classes that may have moved), or say how to rebuild it."""
    try:
        return whoosh_index.open_dir(str(version), schema=build_schema())
    except Exception as error:  # Whoosh raises many kinds on damaged or foreign files
        raise IndexOutOfDate(
            f"the index at {version} cannot be opened ({type(error).__name__}: {error}); "
            "run `minutes-search reindex --full`"
        ) from None


def read_json(path: Path) -> dict[str, Any]:
    """Return the JSON object in ``path``, or {} when there is none."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def write_json(path: Path, data: dict[str, Any]) -> None:
    """Write JSON atomically: a reader sees the old file or the new one, never half."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(temporary, path)


def understood(files: dict[str, Any], least: int = 10) -> dict[str, Any]:
    """Return, from the manifest's files, the share of the indexed words the reader placed in
    recognised items, the documents with the least of their text in items, and those in which
    no item was recognised (what a clerk should look at with `parse --explain`)."""
    read = [(name, f["words"], f["placed"]) for name, f in files.items() if f.get("words")]
    words = sum(count for _, count, _ in read)
    placed = sum(count * share for _, count, share in read) / words if words else None
    lowest = sorted(read, key=lambda entry: (entry[2], -entry[1]))[:least]
    return {
        "placed": round(placed, 3) if placed is not None else None,
        "least_placed": [{"source": n, "words": w, "placed": p} for n, w, p in lowest],
        "unstructured": [
            {"source": name, "words": int(entry.get("words", 0))}
            for name, entry in sorted(files.items())
            if entry.get("items") == 0
        ],
    }
