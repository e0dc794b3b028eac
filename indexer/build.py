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

import hashlib
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.writing import IndexWriter

from indexer.chunks import Chunk, chunk_meeting, meeting_summary
from indexer.errors import UnreadableDocument
from indexer.read import find_documents, read_with_coverage
from search import storage
from search.errors import IndexOutOfDate, SearchError
from search.schema import SCHEMA_VERSION, about, build_schema
from search.storage import MANIFEST, META, IndexDir, open_index, read_json, write_json
from search.writer import FastWriter, write_parallel

PROCEDURAL_BOOST = 0.5
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
        "year": f"{when:%Y}" if when else None,
        "date": int(f"{when:%Y%m%d}") if when else 0,
        "item_key": chunk.item_number.lower() or None,
        "item_number": chunk.item_number,
        "item_index": chunk.item_index,
        "item_title": chunk.item_title,
        "text": chunk.text,
        "about": about(chunk.council, chunk.committee, when, chunk.speaker),
        "outcome": chunk.outcome,
        "details": _details(chunk),
    }
    if chunk.procedural:
        doc["_boost"] = PROCEDURAL_BOOST
    return {key: value for key, value in doc.items() if value is not None}


def _details(chunk: Chunk) -> dict[str, Any]:
    keys = ("role", "votes_for", "votes_against", "abstentions", "mover", "seconder",
            "procedural", "venue", "status", "url")  # fmt: skip
    return {key: getattr(chunk, key) for key in keys if getattr(chunk, key) is not None}


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
    ({"words", "placed": share of the text in recognised items, "items"})."""
    reading = read_with_coverage(path)
    meetings = reading.meetings
    chunks = [c for i, m in enumerate(meetings) for c in chunk_meeting(m, i, document)]
    understood = {
        "words": reading.coverage.words,
        "placed": round(reading.coverage.placed, 3),
        "items": sum(len(m.items) for m in meetings),
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
    ``parallel_bytes`` to read; anything else runs in this process.
    """
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
        try:
            workers = procs if full and _bytes_to_read(plan) >= parallel_bytes else 1
            _write(version, plan, manifest, report, progress, workers)
        except BaseException:
            if full:
                shutil.rmtree(version, ignore_errors=True)
            raise
        manifest["roots"] = [str(r) for r in roots]
        report.seconds = round(time.monotonic() - started, 3)
        report.finished = time.strftime("%Y-%m-%dT%H:%M:%S%z")
        manifest["last_reindex"] = report.to_dict()
        write_json(version / MANIFEST, manifest)
        if full:
            store.swap(version)
            store.prune()
    return report


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
        stat = path.stat() if path.is_file() else None
        if full or known is None or stat is None:
            plan.to_read.append((path, "added" if known is None or full else "updated", name))
        elif (known.get("size"), known.get("mtime_ns")) == (stat.st_size, stat.st_mtime_ns):
            plan.unchanged += 1
        elif known.get("sha256") == file_hash(path):
            known["mtime_ns"] = stat.st_mtime_ns
            plan.unchanged += 1
        else:
            plan.to_read.append((path, "updated", name))
    plan.removed = [k for k in files if _under(k, roots) and k not in present]
    return plan


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

    write_parallel(ix, plan.to_read, _index_file, done, min(procs, len(plan.to_read)), remove)
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


def _index_file(task: tuple[Path, str, str], writer: IndexWriter) -> _Outcome:
    """Replace one file's chunks; a file that fails keeps its old chunks and is reported."""
    path, change, name = task
    try:
        stat = path.stat()
        digest = file_hash(path)
        chunks, meetings, understood = read_chunks(path, name)
    except UnreadableDocument as error:
        return _failed(path, name, change, error.reason)
    except OSError as error:  # gone or unreadable since it was listed
        return _failed(path, name, change, f"cannot be read ({error.strerror or error})")
    except Exception as error:  # a reader's bug must not stop the reindex
        return _failed(path, name, change, f"internal error {type(error).__name__}: {error}")
    if change == "updated":
        writer.delete_by_term("source", name)
    for chunk in chunks:
        writer.add_document(**document_fields(chunk))
    entry = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": digest,
             "chunks": len(chunks), "meetings": meetings, **understood}  # fmt: skip
    return _Outcome(name, change, entry)


def _failed(path: Path, name: str, change: str, reason: str) -> _Outcome:
    """Report a file that could not be read, its reason naming it without its full path."""
    public = reason.replace(str(path), name)
    return _Outcome(name, change, failure=Failure(str(path), public, name))


def _totals(ix: Any, files: dict[str, Any]) -> tuple[int, int]:
    with ix.searcher() as searcher:
        return searcher.doc_count(), sum(len(f.get("meetings", [])) for f in files.values())


def iter_chunks(paths: Iterable[Path]) -> Iterator[Chunk]:
    """Yield the chunks of every readable document under ``paths`` (for benchmarks)."""
    for path in find_documents(paths):
        try:
            yield from chunks_of(path)[0]
        except UnreadableDocument:
            continue
