"""The generated corpora of bench/search_bench.py, built once into a cache folder, and the
SQLite FTS5 peer they are measured against.

Each size N is kept under the work folder (``/tmp/minutes-speed`` by default):

    generated-N/        the minutes-search index, as ``reindex --full`` builds it
    generated-N.json    how that build went: chunks/s, seconds, peak memory, size on disk
    fts5-N.sqlite       the same chunks in SQLite FTS5, and fts5-N.json for its build

The peer is bench/relevance.py's baseline (an FTS5 table of the item title and the text,
``porter unicode61 remove_diacritics 2``, ranked by bm25, words quoted and joined by AND as
FTS5 users write them), on disk rather than in memory, with a plain table beside it holding
what the facets and the date filter need, so that it can answer what the search page asks:
the count of every match, its facet counts, its date filter, and the top 20 with snippets.
"""

from __future__ import annotations

import json
import re
import resource
import shutil
import sqlite3
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from search.errors import SearchError  # noqa: E402
from search.storage import IndexDir  # noqa: E402

WORK = Path("/tmp/minutes-speed")
FACET_COLUMNS = ("committee", "year", "speaker", "kind", "council")  # search.schema.FACETS
SNIPPET_WORDS = 24


def _tree_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _current(index: Path) -> bool:
    try:
        IndexDir(index).require_current()
    except SearchError:  # none there, or of an older schema
        return False
    return True


def minutes_index(work: Path, chunks: int, procs: int = 2) -> tuple[Path, dict[str, Any]]:
    """Return the generated minutes-search index of ``chunks`` chunks and its build's figures,
    building it (and recording them) when absent or of an older schema."""
    from bench.search_bench import build

    index, record = work / f"generated-{chunks}", work / f"generated-{chunks}.json"
    if not (_current(index) and record.is_file()):
        print(f"building {index} ...", file=sys.stderr, flush=True)
        partial = work / f"building-{chunks}"
        shutil.rmtree(partial, ignore_errors=True)
        shutil.rmtree(index, ignore_errors=True)
        started = time.perf_counter()
        rate, built = build(partial, chunks, procs)
        seconds = time.perf_counter() - started
        (partial / "generated").rename(index)
        shutil.rmtree(partial)
        figures = {
            "chunks": chunks,
            "seconds": round(seconds, 1),
            "chunks_per_s": round(rate),
            "procs": procs,
            "segments": built.segments,
            "peak_worker_mib": round(built.peak_bytes / 2**20),
            "peak_parent_mib": round(_peak_mib()),
            "disk_mib": round(_tree_size(index) / 2**20),
        }
        record.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return index, json.loads(record.read_text(encoding="utf-8"))


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- the FTS5 peer ---------------------------------------------------------------------------


def fts5_database(work: Path, chunks: int) -> tuple[Path, dict[str, Any]]:
    """Return the FTS5 database of the same generated chunks and its build's figures."""
    from bench.search_bench import BATCH, generate

    path, record = work / f"fts5-{chunks}.sqlite", work / f"fts5-{chunks}.json"
    if path.is_file() and record.is_file():
        return path, json.loads(record.read_text(encoding="utf-8"))
    print(f"building {path} ...", file=sys.stderr, flush=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    started = time.perf_counter()
    db = sqlite3.connect(partial)
    db.executescript(
        """
        PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
        CREATE VIRTUAL TABLE chunks USING fts5(item_title, text,
            tokenize='porter unicode61 remove_diacritics 2');
        CREATE TABLE meta(rowid INTEGER PRIMARY KEY, id, committee, year, speaker, kind,
            council, date INTEGER, item_number, meeting_id);
        """
    )
    batches = ((first, min(BATCH, chunks - first)) for first in range(0, chunks, BATCH))
    rows = (
        (n, c)
        for n, c in enumerate(c for first, count in batches for c in generate(count, first=first))
    )
    for block in _blocks(rows, 10_000):
        db.executemany(
            "INSERT INTO chunks(rowid, item_title, text) VALUES (?, ?, ?)",
            [(n, c.item_title, c.text) for n, c in block],
        )
        db.executemany(
            "INSERT INTO meta VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    n,
                    c.id,
                    c.committee,
                    str(c.date.year),
                    c.speaker,
                    c.kind,
                    c.council,
                    int(f"{c.date:%Y%m%d}"),
                    c.item_number,
                    c.meeting_id,
                )
                for n, c in block
            ],
        )
    db.execute("INSERT INTO chunks(chunks) VALUES ('optimize')")
    db.commit()
    db.close()
    seconds = time.perf_counter() - started
    partial.rename(path)
    figures = {
        "chunks": chunks,
        "seconds": round(seconds, 1),
        "chunks_per_s": round(chunks / seconds),
        "procs": 1,
        "peak_mib": round(_peak_mib()),
        "disk_mib": round(_tree_size(path) / 2**20),
    }
    record.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return path, figures


def _blocks(rows: Iterator[Any], size: int) -> Iterator[list[Any]]:
    block: list[Any] = []
    for row in rows:
        block.append(row)
        if len(block) == size:
            yield block
            block = []
    if block:
        yield block


@dataclass(frozen=True)
class PeerQuery:
    """What the FTS5 peer is asked: words (quoted, AND-ed; ``*`` kept for a prefix, a quoted
    phrase kept whole), filters on the plain table, and whether to count facets."""

    words: str
    where: str = ""  # SQL over meta, e.g. "committee = 'Housing Committee'"
    facets: bool = True
    sort: str = "relevance"

    def match(self) -> str:
        """Return the FTS5 MATCH expression: "phrases" kept, other words quoted and AND-ed."""
        parts = re.findall(r'"[^"]+"|\S+', self.words)
        quoted = []
        for part in parts:
            if part.startswith('"'):
                quoted.append(part)
            elif part.endswith("*"):
                quoted.append(f'"{part[:-1]}"*')
            else:
                quoted.append(f'"{part}"')
        return " AND ".join(quoted)


class Peer:
    """A connection to the FTS5 database answering as the search page asks."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

    def search(self, q: PeerQuery, per_page: int = 20) -> dict[str, Any]:
        """Return the total, the facet counts over every match and the top ``per_page`` with
        snippets (bm25, the title weighing 2 as in minutes-search)."""
        match = q.match()
        # The full-text match drives (CROSS JOIN keeps it the outer loop); each match's row of
        # the plain table is then looked up by its rowid for the filter and the facets.
        joined = "FROM chunks CROSS JOIN meta ON meta.rowid = chunks.rowid WHERE chunks MATCH :m"
        where = f"{joined} AND {q.where}" if q.where else joined
        total = self.db.execute(f"SELECT count(*) {where}", {"m": match}).fetchone()[0]
        facets: dict[str, list[tuple[str, int]]] = {}
        if q.facets:
            names = ", ".join(FACET_COLUMNS)
            grouped = " UNION ALL ".join(
                f"SELECT '{c}', {c}, count(*) FROM hits GROUP BY {c}" for c in FACET_COLUMNS
            )
            query = f"WITH hits AS MATERIALIZED (SELECT {names} {where}) {grouped}"
            for name, value, count in self.db.execute(query, {"m": match}):
                facets.setdefault(name, []).append((value, count))
        order = "bm25(chunks, 2.0, 1.0)" if q.sort == "relevance" else "meta.date DESC"
        rows = self.db.execute(
            f"SELECT meta.id, meta.committee, meta.date, "
            f"snippet(chunks, 1, '<mark>', '</mark>', '…', {SNIPPET_WORDS}) "
            f"{where} ORDER BY {order} LIMIT {per_page}",
            {"m": match},
        ).fetchall()
        return {"total": total, "facets": facets, "hits": rows}

    def close(self) -> None:
        self.db.close()
