"""Reindex: read changed files, replace their chunks, remove deleted ones; or rebuild and swap.

Unchanged files are skipped by size and modification time, then by content hash. A file that
cannot be read is reported and keeps its previous chunks. An interrupted reindex commits
nothing: the previous index keeps serving.

The index names each document by its name within the folder it was indexed from
("sample_data/cabinet/2021-03-04.txt"), never by a path of this machine: the name is what
hits, meetings and the status page show the public, what the manifest keys files by and what
chunk ids derive from, so moving the folder changes nothing. Only the folders to reindex
(the manifest's ``roots``) and the clerk's report of failures hold full paths.
"""

from __future__ import annotations

import errno
import hashlib
import json
import multiprocessing
import os
import pickle
import re
import shutil
import stat as stat_module
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.writing import IndexingError, IndexWriter

from indexer.chunks import Chunk, PeopleOfMeeting, chunk_meeting, meeting_summary, with_people
from indexer.errors import UnreadableDocument
from indexer.people import (
    KNOWN_PEOPLE_FILE,
    KnownPeople,
    People,
    link_people,
    people_record,
    read_known_people,
)
from indexer.read import NO_SUCH_FILE, check_file, find_documents, read_with_coverage
from search import storage
from search.errors import IndexOutOfDate, IndexUnwritable, SearchError
from search.schema import SCHEMA_VERSION, about, build_schema
from search.storage import MANIFEST, META, IndexDir, open_index, read_json, write_json
from search.writer import FastWriter, write_parallel

PROCEDURAL_BOOST = 0.5
# Text outside the recognised items (a transcript's opening, a heading, an index of the issue)
# weighs a quarter: it is kept so that nothing is lost, and seldom is what a search is after.
SECTION_BOOST = 0.25
# Below this many bytes to read, worker processes cost more to start than they save.
PARALLEL_BYTES = 2_000_000
Progress = Callable[[int, int, str], None]  # (files done, files to read, document just read)


@dataclass(frozen=True)
class Failure:
    """A file that could not be read, and why.

    :param path: the file's full path, for the clerk at the command line.
    :param source: the document's name within its indexed folder, for everyone else.
    """

    path: str
    reason: str
    source: str


@dataclass
class ReindexReport:
    """What a reindex did, for the summary and for `minutes-search stats`."""

    index: str
    full: bool
    seen: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    relinked: int = 0  # unchanged files read again because a name in them is now another's
    chunks_written: int = 0
    chunks: int = 0
    meetings: int = 0
    seconds: float = 0.0
    finished: str = ""
    failed: list[Failure] = field(default_factory=list)
    # Documents of the index in which no item was recognised (kept whole as text sections),
    # with the share of their text placed in items: what a clerk should look at.
    unstructured: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def document_fields(chunk: Chunk) -> dict[str, Any]:
    """Return the Whoosh document for a chunk."""
    when = chunk.date
    doc: dict[str, Any] = {
        "id": chunk.id,
        "kind": chunk.kind,
        "meeting_id": chunk.meeting_id,
        "source": chunk.source,
        "council": chunk.council,
        "committee": chunk.committee,
        "speaker": chunk.speaker,
        "person": ",".join(dict.fromkeys(p for p in _people_ids(chunk) if p)) or None,
        "year": f"{when:%Y}" if when else None,
        "date": int(f"{when:%Y%m%d}") if when else 0,
        "item_key": chunk.item_number.lower() or None,
        "item_number": chunk.item_number,
        "item_index": chunk.item_index,
        "item_title": chunk.item_title,
        "text": chunk.text,
        "about": about(chunk.council, chunk.committee, when, _speaker_words(chunk)),
        "outcome": chunk.outcome,
        "details": _details(chunk),
    }
    boost = (PROCEDURAL_BOOST if chunk.procedural else 1.0) * (
        SECTION_BOOST if chunk.section else 1.0
    )
    if boost != 1.0:
        doc["_boost"] = boost
    return {key: value for key, value in doc.items() if value is not None}


def _speaker_words(chunk: Chunk) -> str | None:
    """Return the speaker's words for the about-field: the name as the minutes wrote it.
    Ranking stays as it was; with the person's name instead, a speech an office made ("the
    Cabinet Member for Culture") ranks by its holder's name too, and a search of "what did
    Cllr Hartley say about library hours in March 2021" put her September speech first
    (bench/relevance.py with people linked: MRR@10 0.988 -> 0.986). The person's name is
    the speaker field's, for facets and ``speaker:``."""
    return chunk.written or chunk.speaker


def _people_ids(chunk: Chunk) -> tuple[str | None, ...]:
    """Return the ids of a chunk's people: speaker or attendee, mover, seconder, voters."""
    return (chunk.person, chunk.mover_id, chunk.seconder_id, *chunk.voted_for_ids,
            *chunk.voted_against_ids, *chunk.abstained_ids)  # fmt: skip


def _details(chunk: Chunk) -> dict[str, Any]:
    keys = ("role", "votes_for", "votes_against", "abstentions", "mover", "seconder",
            "procedural", "venue", "status", "url", "written", "person", "mover_id",
            "seconder_id", "voted_for", "voted_against", "abstained", "voted_for_ids",
            "voted_against_ids", "abstained_ids")  # fmt: skip
    return {key: getattr(chunk, key) for key in keys if getattr(chunk, key) not in (None, ())}


def chunks_of(path: Path, document: str | None = None) -> tuple[list[Chunk], list[dict[str, Any]]]:
    """Read a file and return its chunks and a summary of each of its meetings.

    :param document: the file's name within the indexed folder, which its ids derive from.
    """
    chunks, meetings, _ = read_chunks(path, document)
    return chunks, meetings


def read_chunks(
    path: Path, document: str | None = None
) -> tuple[list[Chunk], list[dict[str, Any]], dict[str, Any]]:
    """Read a file: its chunks, a summary of each meeting, and how much of it was understood
    ({"words", "placed": share of the text in recognised items, "items", "people": the names
    each meeting gives people, which the registry is built from}). Names are as written:
    ``link_chunks`` gives them their people."""
    reading = read_with_coverage(path)
    meetings = reading.meetings
    chunks = [c for i, m in enumerate(meetings) for c in chunk_meeting(m, i, document)]
    understood = {
        "words": reading.coverage.words,
        "placed": round(reading.coverage.placed, 3),
        "items": sum(len(m.items) for m in meetings),
        "people": [people_record(m) for m in meetings],
    }
    return chunks, [meeting_summary(m, i, document) for i, m in enumerate(meetings)], understood


def document_name(path: Path, root: Path) -> str:
    """Return a document's name within the folder it was indexed from ("sample_data/x/y.txt")."""
    return root.name if path == root else f"{root.name}/{path.relative_to(root).as_posix()}"


def file_hash(path: Path) -> str:
    """Return the SHA-256 of a file's content."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class _Plan:
    """What a reindex has to do: files to read, files to drop."""

    to_read: list[tuple[Path, str, str]] = field(default_factory=list)  # path, change, name
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    seen: int = 0


def reindex(
    paths: Iterable[Path],
    root: Path,
    full: bool = False,
    progress: Progress | None = None,
    procs: int = 1,
    parallel_bytes: int = PARALLEL_BYTES,
) -> ReindexReport:
    """Bring the index at ``root`` up to date with the documents under ``paths``.

    A full reindex reads and indexes in ``procs`` processes when it has at least
    ``parallel_bytes`` to read; anything else runs in this process. An index that cannot be
    written (a full disk, a read-only folder) raises IndexUnwritable, the index as it was.
    """
    stage = _Stage()
    try:
        return _reindex(paths, root, full, progress, procs, parallel_bytes, stage)
    except (OSError, IndexingError) as error:
        raise IndexUnwritable(_unwritable(Path(root), error, stage.committed)) from None


@dataclass
class _Stage:
    """How far a reindex went: whether its changes were committed to the serving index."""

    committed: bool = False


def _reindex(
    paths: Iterable[Path],
    root: Path,
    full: bool,
    progress: Progress | None,
    procs: int,
    parallel_bytes: int,
    stage: _Stage,
) -> ReindexReport:
    started = time.monotonic()
    store = IndexDir(root)
    with store.lock():
        current = store.current()
        outdated = current and read_json(current / META).get("schema_version") != SCHEMA_VERSION
        if outdated and not full:
            store.require_current()  # raises IndexOutOfDate with the next step
        full = full or current is None
        manifest = {} if full else read_json(current / MANIFEST)  # type: ignore[operator]
        roots = _roots(paths, manifest, current)
        plan = _plan(roots, manifest.get("files", {}), full)
        version = store.new_version() if full else current
        assert version is not None
        report = ReindexReport(index=str(root), full=full, seen=plan.seen, unchanged=plan.unchanged)
        manifest["roots"] = [str(r) for r in roots]  # the people pass reads them
        try:
            workers = procs if full and _bytes_to_read(plan) >= parallel_bytes else 1
            _write(version, plan, manifest, report, progress, workers)
        except BaseException:
            if full:
                shutil.rmtree(version, ignore_errors=True)
            raise
        stage.committed = not full  # an incremental reindex commits in the serving version
        report.seconds = round(time.monotonic() - started, 3)
        report.finished = time.strftime("%Y-%m-%dT%H:%M:%S%z")
        manifest["last_reindex"] = report.to_dict()
        try:
            write_json(version / MANIFEST, manifest)
            if full:
                store.swap(version)
        except BaseException:
            if full:
                shutil.rmtree(version, ignore_errors=True)
            raise
        if full:
            store.prune()
    return report


def _unwritable(root: Path, error: OSError | IndexingError, committed: bool) -> str:
    """Say why the index could not be written, what became of it, and what to do."""
    code = getattr(error, "errno", None)
    if isinstance(error, IndexingError):  # a worker process's: its traceback names the errno
        found = re.search(r"\[Errno (\d+)\]", str(error))
        code = int(found.group(1)) if found else None
    why, fix = _WHY.get(code, (None, "put it right"))
    if why is None:
        why = getattr(error, "strerror", None) or str(error).strip().splitlines()[-1]
    where = getattr(error, "filename", None)
    at = f" (writing {where})" if where else ""
    if committed:
        return (
            f"cannot finish the reindex of {root}: {why}{at}. The changed files are indexed "
            f"but the record of what was indexed is not saved; {fix} and run the reindex "
            "again: it redoes them"
        )
    return (
        f"cannot write the index at {root}: {why}{at}. Nothing was changed: the index "
        f"still answers searches as before; {fix} and run the reindex again"
    )


_FULL = ("the disk is full", "free some space")
_LOCKED = (
    "permission denied (the folder is read-only, or belongs to another user)",
    "make the folder writable by this user, or give another with --index",
)
_WHY: dict[int | None, tuple[str | None, str]] = {
    errno.ENOSPC: _FULL,
    errno.EDQUOT: ("the disk quota is used up", "free some space"),
    errno.EFBIG: ("a file of the index grew past the size allowed (ulimit -f)", "raise it"),
    errno.EACCES: _LOCKED,
    errno.EPERM: _LOCKED,
    errno.EROFS: ("the file system is mounted read-only", "mount it writable"),
}


def _roots(paths: Iterable[Path], manifest: dict[str, Any], current: Path | None) -> list[Path]:
    roots = [Path(p).resolve() for p in paths]
    if not roots:
        roots = [Path(p) for p in manifest.get("roots", [])]
    if not roots:
        raise IndexOutOfDate("nothing to index yet; run `minutes-search reindex PATH`")
    _require_distinct_names(roots)
    return roots


def _require_distinct_names(roots: list[Path]) -> None:
    """Refuse two folders of one name: their documents would share names and ids."""
    seen: dict[str, Path] = {}
    for root in roots:
        other = seen.setdefault(root.name, root)
        if other != root:
            raise SearchError(
                f"{other} and {root} have the same name, {root.name!r}, and documents are "
                "named by their folder; index a folder holding both, or rename one"
            )


def _plan(roots: list[Path], files: dict[str, Any], full: bool) -> _Plan:
    """Decide which files to read and which to remove."""
    plan = _Plan()
    present: set[str] = set()
    for root, path in ((r, p) for r in roots for p in find_documents([r])):
        name = document_name(path, root)
        present.add(name)
        plan.seen += 1
        known = files.get(name)
        stat = _regular_file(path)
        if full or known is None or stat is None:
            plan.to_read.append((path, "added" if known is None or full else "updated", name))
        elif (known.get("size"), known.get("mtime_ns")) == (stat.st_size, stat.st_mtime_ns):
            plan.unchanged += 1
        elif known.get("sha256") == _hash_or_none(path):
            known["mtime_ns"] = stat.st_mtime_ns
            plan.unchanged += 1
        else:
            plan.to_read.append((path, "updated", name))
    plan.removed = [k for k in files if _under(k, roots) and k not in present]
    return plan


def _regular_file(path: Path) -> os.stat_result | None:
    """Return a file's status, or None when it is gone or no ordinary file (a pipe, a loop of
    links): such a file is read, to be reported with its reason, never opened."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status if stat_module.S_ISREG(status.st_mode) else None


def _hash_or_none(path: Path) -> str | None:
    try:
        return file_hash(path)
    except OSError:  # gone since it was listed: read it, to report it
        return None


def _under(name: str, roots: list[Path]) -> bool:
    """Say whether the document ``name`` comes from one of ``roots``."""
    return any(name == r.name or name.startswith(f"{r.name}/") for r in roots)


def _write(
    version: Path,
    plan: _Plan,
    manifest: dict[str, Any],
    report: ReindexReport,
    progress: Progress | None,
    procs: int,
) -> None:
    """Apply the plan in one commit, reading and indexing files in ``procs`` processes."""
    ix = (
        whoosh_index.create_in(str(version), build_schema())
        if not whoosh_index.exists_in(str(version))
        else open_index(version)
    )
    files = manifest.setdefault("files", {})
    done_count = 0

    def remove(writer: FastWriter) -> None:
        for key in plan.removed:
            writer.delete_by_term("source", key)
            files.pop(key, None)
            report.removed += 1

    def done(outcome: _Outcome) -> None:
        nonlocal done_count
        done_count += 1
        if outcome.failure is not None:
            report.failed.append(outcome.failure)
        else:
            files[outcome.key] = outcome.entry
            report.chunks_written += outcome.entry["chunks"]
            setattr(report, outcome.change, getattr(report, outcome.change) + 1)
        if progress:
            progress(done_count, len(plan.to_read), outcome.key)

    with tempfile.TemporaryDirectory(prefix="minutes-search-reading-") as cache:
        tasks = _link_people(plan, manifest, report, procs, Path(cache))
        write_parallel(ix, tasks, _index_file, done, min(procs, len(tasks)), remove)
    report.chunks, report.meetings = _totals(ix, files)
    report.unstructured = storage.understood(files)["unstructured"]


def _bytes_to_read(plan: _Plan) -> int:
    total = 0
    for path, _, _ in plan.to_read:
        try:
            total += path.stat().st_size
        except OSError:
            continue
    return total


@dataclass(frozen=True)
class _Outcome:
    """What indexing one file did, sent back from a worker process."""

    key: str  # the document's name
    change: str
    entry: dict[str, Any] = field(default_factory=dict)
    failure: Failure | None = None


def _index_file(task: _Task, writer: IndexWriter) -> _Outcome:
    """Replace one file's chunks; a file that fails keeps its old chunks and is reported."""
    path, change, name, people, cached = task
    if not _is_utf8(name):
        bad_name = "its name is not valid UTF-8 (an old Windows or Mac name); rename the file"
        return _failed(path, _printable(name), change, bad_name)
    try:
        size, mtime_ns, digest, chunks, meetings, understood = _reading(path, name, cached)
        chunks = link_chunks(chunks, meetings, people)
    except UnreadableDocument as error:
        gone = f"{NO_SUCH_FILE}: it was moved or deleted during the reindex"
        return _failed(path, name, change, gone if error.reason == NO_SUCH_FILE else error.reason)
    except OSError as error:  # gone or unreadable since it was listed
        return _failed(path, name, change, f"cannot be read ({error.strerror or error})")
    except Exception as error:  # a reader's bug must not stop the reindex
        return _failed(path, name, change, f"internal error {type(error).__name__}: {error}")
    if change in ("updated", "relinked") or writer.segments:
        # A file new to the manifest may have chunks already, when a reindex committed them
        # but could not save its manifest (a full disk): replace them, never add twice.
        writer.delete_by_term("source", name)
    for chunk in chunks:
        writer.add_document(**document_fields(chunk))
    entry = {"size": size, "mtime_ns": mtime_ns, "sha256": digest,
             "chunks": len(chunks), "meetings": meetings, **understood,
             "people_linked": _fingerprint(people)}  # fmt: skip
    return _Outcome(name, change, entry)


# What reading a file gives: its size, modification time, hash, chunks, meetings, coverage.
_Reading = tuple[int, int, str, list[Chunk], list[dict[str, Any]], dict[str, Any]]


def _reading(path: Path, name: str, cached: str | None) -> _Reading:
    """Return the reading of a file: the one the names pass kept (``cached``) while the file
    is as it was then, else read now (a file gone or turned into a pipe since is reported)."""
    stat = check_file(path)  # a pipe or a device is refused before it is opened
    if cached is not None:
        try:
            with open(cached, "rb") as handle:
                kept: _Reading = pickle.load(handle)
            if kept[:2] == (stat.st_size, stat.st_mtime_ns):
                return kept
        except (OSError, pickle.UnpicklingError, EOFError):
            pass  # read it again
    digest = file_hash(path)
    return (stat.st_size, stat.st_mtime_ns, digest, *read_chunks(path, name))


# --- people: the registry is built before any file is written, from every file's names -----

# path, change, name, the person behind each name of its meetings, its reading kept (a path)
_Task = tuple[Path, str, str, Sequence[PeopleOfMeeting], str | None]


def _link_people(
    plan: _Plan, manifest: dict[str, Any], report: ReindexReport, procs: int, cache: Path
) -> list[_Task]:
    """Build every council's people from the names of the files to read (read for them
    first) and of the unchanged files (kept in the manifest), and return the tasks of the
    reindex: the files to read with the person behind each name, and the unchanged files
    whose people changed (a new meeting joined "Cllr Hartley" to Zoë Hartley), read again.
    Saves the registry in the manifest for the person pages. Each file read for its names
    is kept read in ``cache``, so that indexing it does not read it again."""
    files = manifest.setdefault("files", {})
    roots = [Path(r) for r in manifest.get("roots", [])]
    known, where = _known_people(roots)
    stamps = _stamps(where.values())
    kept = manifest.get("people", {})
    if not plan.to_read and not plan.removed and kept.get("known") == stamps:
        # nothing read, nothing removed, no clerk's file changed: the people are as they were,
        # and so are the lines of the clerk's files that could not be applied
        report.failed += [Failure(**note) for note in kept.get("notes", [])]
        return []
    fresh = _read_people(plan.to_read, procs, cache)
    reading = {name for _, _, name in plan.to_read}
    documents = {
        name: (entry.get("people", []), entry.get("meetings", []))
        for name, entry in files.items()
        if name not in plan.removed and not (name in reading and name in fresh)
    }
    documents.update({name: (records, meetings) for name, (records, meetings, _) in fresh.items()})
    people = link_people(documents, known)
    tasks: list[_Task] = [
        (path, change, name, people.names(name), fresh[name][2] if name in fresh else None)
        for path, change, name in plan.to_read
    ]
    for name in sorted(documents.keys() - reading):
        names = people.names(name)
        if files[name].get("people_linked") != _fingerprint(names):
            path = _path_of(name, roots)
            if path is not None:
                tasks.append((path, "relinked", name, names, None))
    notes = [
        Failure(where.get(note.path, note.path), f"line {note.line}: {note.reason}", note.path)
        for note in people.notes()
    ]
    report.failed += notes
    manifest["people"] = {
        **_people_for_pages(people),
        "known": stamps,
        "notes": [asdict(note) for note in notes],
    }
    return tasks


def _stamps(paths: Iterable[str]) -> dict[str, list[int]]:
    """Return the size and modification time of each known-people file, to tell a change."""
    stamps = {}
    for path in sorted(paths):
        try:
            status = Path(path).stat()
        except OSError:
            continue
        stamps[path] = [status.st_size, status.st_mtime_ns]
    return stamps


_Names = tuple[list[dict[str, Any]], list[dict[str, Any]], str | None]


def _read_people(
    to_read: list[tuple[Path, str, str]], procs: int, cache: Path
) -> dict[str, _Names]:
    """Read the files, in ``procs`` processes, for the names each meeting gives people (and
    its summary), keeping each reading in ``cache``; a file that cannot be read is left out
    (the reindex reports it when it reads it again)."""
    tasks = [(path, name, cache / f"{n}.pickle") for n, (path, _, name) in enumerate(to_read)]
    if procs > 1 and len(tasks) > 1:
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        with ProcessPoolExecutor(procs, mp_context=context) as pool:
            found = list(pool.map(_people_of, tasks, chunksize=4))
    else:
        found = [_people_of(task) for task in tasks]
    return {name: got for (_, name, _), got in zip(tasks, found, strict=True) if got is not None}


def _people_of(task: tuple[Path, str, Path]) -> _Names | None:
    """Read a file; keep the reading at the task's cache path; return its meetings' people
    records and summaries, and where the reading is kept (None if it could not be)."""
    path, name, keep = task
    if not _is_utf8(name):
        return None  # reported when the file is indexed
    try:
        read = _reading(path, name, None)
    except Exception:  # a file that cannot be read is reported when it is indexed
        return None
    try:
        with open(keep, "wb") as handle:
            pickle.dump(read, handle, protocol=pickle.HIGHEST_PROTOCOL)
        kept: str | None = str(keep)
    except OSError:  # no room to keep it: it is read again when indexed
        kept = None
    return read[5]["people"], read[4], kept


def _known_people(roots: list[Path]) -> tuple[list[KnownPeople], dict[str, str]]:
    """Return the clerk's known-people files under the indexed folders (``people.toml``),
    named as documents are, and the full path of each by that name."""
    known, where = [], {}
    for root in roots:
        if not root.is_dir():
            continue
        for path in sorted(root.rglob(KNOWN_PEOPLE_FILE)):
            name = document_name(path, root)
            folder = document_name(path.parent, root)
            known.append(read_known_people(path, name, folder))
            where[name] = str(path)
    return known, where


def _path_of(name: str, roots: list[Path]) -> Path | None:
    """Return the path of a document by its name within its indexed folder."""
    top, _, rest = name.partition("/")
    root = next((r for r in roots if r.name == top), None)
    return None if root is None else (root / rest if rest else root)


def link_chunks(
    chunks: list[Chunk], meetings: list[dict[str, Any]], people: Sequence[PeopleOfMeeting]
) -> list[Chunk]:
    """Give each chunk's names their people, by the meeting (summary) the chunk is of."""
    by_meeting = {m["id"]: names for m, names in zip(meetings, people, strict=False)}
    return [with_people(c, by_meeting.get(c.meeting_id)) for c in chunks]


def _fingerprint(names: Sequence[PeopleOfMeeting]) -> str:
    """Return a short digest of the person behind each name of a file's meetings."""
    plain = [sorted((form, list(who)) for form, who in m.items()) for m in names]
    return hashlib.sha1(json.dumps(plain, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def _people_for_pages(people: People) -> dict[str, Any]:
    """Return what the person pages read: each person with their council, and the person
    behind each name of each meeting of each document."""
    persons = {
        pid: {**person.to_dict(), "council": council}
        for council, registry in people.registries.items()
        for pid, person in registry.people.items()
    }
    return {"persons": persons, "links": people.links}


def _is_utf8(name: str) -> bool:
    """Say whether a name read from the disk is text (a name of other bytes decodes with
    surrogates, which the index cannot hold)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _printable(name: str) -> str:
    """Return a name with the bytes that are not UTF-8 shown as U+FFFD."""
    return os.fsencode(name).decode("utf-8", errors="replace")


def _failed(path: Path, name: str, change: str, reason: str) -> _Outcome:
    """Report a file that could not be read, its reason naming it without its full path."""
    public = reason.replace(str(path), name)
    return _Outcome(name, change, failure=Failure(str(path), public, name))


def _totals(ix: Any, files: dict[str, Any]) -> tuple[int, int]:
    with ix.searcher() as searcher:
        return searcher.doc_count(), sum(len(f.get("meetings", [])) for f in files.values())


def linked_chunks(root: Path) -> list[Chunk]:
    """Return the chunks of every readable document under ``root`` with the person behind
    each name, as a reindex of that folder indexes them (for brute-force checks)."""
    read: dict[str, tuple[Path, list[Any], list[dict[str, Any]]]] = {}
    for path in find_documents([root]):
        name = document_name(path, root)
        try:
            meetings = read_with_coverage(path).meetings
        except UnreadableDocument:
            continue
        read[name] = (path, meetings, [meeting_summary(m, i, name) for i, m in enumerate(meetings)])
    documents = {n: ([people_record(m) for m in ms], s) for n, (_, ms, s) in read.items()}
    people = link_people(documents, _known_people([root])[0])
    return [
        chunk
        for name, (_, meetings, _) in sorted(read.items())
        for i, (m, names) in enumerate(zip(meetings, people.names(name), strict=True))
        for chunk in chunk_meeting(m, i, name, names)
    ]


def iter_chunks(paths: Iterable[Path]) -> Iterator[Chunk]:
    """Yield the chunks of every readable document under ``paths`` (for benchmarks)."""
    for path in find_documents(paths):
        try:
            yield from chunks_of(path)[0]
        except UnreadableDocument:
            continue
