"""Benchmark indexing and searching against an SQLite FTS5 peer, at several corpus sizes.

    python bench/search_bench.py                                  # 100,000, 250,000, 1,000,000
    python bench/search_bench.py --sizes 20000 --rounds 5         # a quick run
    python bench/search_bench.py --save /tmp/speed.json --corpus  # keep figures; then the corpus

The same generated chunks go into minutes-search (as ``reindex --full`` writes them) and into
the FTS5 peer of bench/speed_peer.py, each built once into a cache folder (``--work``). Each
system is then measured in a fresh process of its own: the first search after its files were
dropped from the operating system's cache, then every query form warm and cold (see forms()),
median and p95 ms, in process (minutes-search through SearchEngine.search, so parsing, facet
counts over every match, scoring and the highlighted page of 20 are all included). Prints, for
each size, the build rate, index size, peak memory of building and of searching, and every
form as figures and as ratios minutes-search / FTS5; then how each grows with size.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.speed_peer import WORK, Peer, PeerQuery, fts5_database, minutes_index  # noqa: E402
from indexer.build import document_fields, reindex  # noqa: E402
from indexer.chunks import Chunk  # noqa: E402
from search.engine import SearchEngine, SearchRequest  # noqa: E402
from search.schema import build_schema  # noqa: E402
from search.storage import IndexDir, write_json  # noqa: E402
from search.writer import Built, FastWriter, write_parallel  # noqa: E402

# Function words are the most frequent; subject words sit lower in the ranking, so that a
# subject such as "library" is in a few per cent of chunks, as in real minutes.
FUNCTION_WORDS = """
the of and to in that be for on with was would as by it at this from were which had an or
are have been not their they its he she said also there all any if members council committee
""".split()  # noqa: SIM905
SUBJECT_WORDS = """
report officer planning application budget library road housing school park parking transport
scheme consultation policy service contract funding grant capital revenue residents public
meeting item resolved agreed noted approved motion amendment vote councillor cabinet member
director development community centre town city district borough area bus depot station
street lane opening hours affordable homes section 106 contribution safeguarding children
board annual review strategy performance waste recycling licence
""".split()  # noqa: SIM905
COMMITTEES = ("Planning Committee", "Cabinet", "Full Council", "Licensing Committee",
              "Overview and Scrutiny Committee", "Audit Committee", "Health and Wellbeing Board",
              "Transport Committee", "Housing Committee", "Children's Services Committee",
              "Environment Committee", "Finance Committee")  # fmt: skip
COUNCILS = ("Ashbury Borough Council", "Kelmscott District Council", "Brindle Town Council")
PHRASES = ("bus depot", "library opening hours", "section 106 contribution", "affordable homes")
KINDS = ("item", "speech", "speech", "speech", "decision", "attendance")


def _vocabulary(rng: random.Random, size: int = 20_000) -> list[str]:
    syllables = ["ba", "ro", "ke", "li", "mon", "tar", "vel", "dis", "pre", "qua", "sen", "tor",
                 "ul", "gra", "fen", "hol", "mar", "nes", "pol", "rin", "sta", "wen"]  # fmt: skip
    words = {
        rng.choice(syllables) + rng.choice(syllables) + rng.choice(syllables)
        for _ in range(size * 2)
    }
    synthetic = sorted(words)[:size]
    rng.shuffle(synthetic)
    # subject words at ranks 200 to 2,000: each in roughly 1 to 10 per cent of chunks
    ranks = sorted(rng.sample(range(200, 2000), len(SUBJECT_WORDS)))
    for rank, word in zip(ranks, SUBJECT_WORDS, strict=True):
        synthetic.insert(rank, word)
    return FUNCTION_WORDS + synthetic


@functools.cache
def _words(seed: int) -> tuple[list[str], list[float], list[str], list[str]]:
    """Return the vocabulary, its cumulative Zipf weights, speakers and title words."""
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng)
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocabulary))))
    speakers = [
        f"Councillor {rng.choice('ABCDEFGHJKLMNPRSTW')} {w.title()}" for w in vocabulary[-300:]
    ]
    titles = vocabulary[len(FUNCTION_WORDS) : len(FUNCTION_WORDS) + 2500]
    return vocabulary, cumulative, speakers, titles


def generate(count: int, seed: int = 7, first: int = 0) -> Iterator[Chunk]:
    """Yield ``count`` synthetic chunks of about 120 words with realistic facet spreads,
    numbered from ``first``: batches of a corpus can be generated apart (a multiple of 40)."""
    vocabulary, cumulative, speakers, titles = _words(seed)
    start = date(2010, 1, 1)
    rng = random.Random(seed * 1_000_003 + first)
    meeting = first // 40
    for n in range(first, first + count):
        if n % 40 == 0:
            meeting += 1
            when = start + timedelta(days=rng.randrange(12 * 365))
            committee, council = rng.choice(COMMITTEES), rng.choice(COUNCILS)
        kind = rng.choice(KINDS)
        words = rng.choices(vocabulary, cum_weights=cumulative, k=rng.randint(90, 150))
        if rng.random() < 0.02:  # phrases that minutes repeat, so phrase queries find some
            at = rng.randrange(len(words))
            words[at:at] = rng.choice(PHRASES).split()
        yield Chunk(
            id=f"m{meeting}-c{n}",
            kind=kind,
            meeting_id=f"m{meeting}",
            text=" ".join(words).capitalize() + ".",
            source=f"/bench/{meeting}.txt",
            council=council,
            committee=committee,
            date=when,
            item_number=str(n % 40),
            item_index=n % 40,
            item_title=" ".join(rng.choices(titles, k=5)).title(),
            speaker=rng.choice(speakers) if kind in ("speech", "attendance") else None,
            outcome="agreed" if kind == "decision" else None,
            procedural=n % 40 < 3,
        )


BATCH = 4000  # chunks a task: generated and indexed in a worker process


def index_batch(task: tuple[int, int], writer: FastWriter) -> int:
    """Generate chunks [first, first + count) and add them to the writer."""
    first, count = task
    for chunk in generate(count, first=first):
        writer.add_document(**document_fields(chunk))
    return count


def generation_rate(count: int) -> float:
    """Return chunks per second of generating alone, to set the build's figure against."""
    started = time.perf_counter()
    for chunk in generate(count):
        document_fields(chunk)
    return count / (time.perf_counter() - started)


def build(work: Path, count: int, procs: int) -> tuple[float, Built]:
    """Build the generated index as reindex --full would (write_parallel, each worker
    generating its batches); return chunks per second, generation included, and what
    write_parallel reports (segments, peak memory of a worker)."""
    store = IndexDir(work / "generated")
    version = store.new_version()
    ix = whoosh_index.create_in(str(version), build_schema())
    started = time.perf_counter()
    tasks = [(first, min(BATCH, count - first)) for first in range(0, count, BATCH)]
    built = write_parallel(ix, tasks, index_batch, lambda _: None, procs)
    elapsed = time.perf_counter() - started
    write_json(version / "manifest.json", {"files": {}, "roots": []})
    store.swap(version)
    store.prune(keep=1)
    return count / elapsed, built


SIZES = (100_000, 250_000, 1_000_000)


@dataclass(frozen=True)
class Form:
    """One query form: how minutes-search is asked, and how the FTS5 peer is."""

    ours: SearchRequest
    peer: PeerQuery


def forms() -> dict[str, Form]:
    """Return the query forms measured, each asked with facet counts over every match, as
    the search page asks (the API too, unless told not to)."""
    vocabulary = _words(7)[0]
    rare = vocabulary[-301]  # the last 300 words name the speakers
    housing = "committee = 'Housing Committee'"
    return {
        "rare term": Form(SearchRequest(q=rare), PeerQuery(rare)),
        "two rare terms": Form(
            SearchRequest(q="safeguarding children"), PeerQuery("safeguarding children")
        ),
        "subject term": Form(SearchRequest(q="library"), PeerQuery("library")),
        "common term": Form(SearchRequest(q="members"), PeerQuery("members")),
        "two terms": Form(SearchRequest(q="library opening"), PeerQuery("library opening")),
        "phrase": Form(SearchRequest(q='"bus depot"'), PeerQuery('"bus depot"')),
        "facet filter": Form(
            SearchRequest(q="housing", committee=("Housing Committee",)),
            PeerQuery("housing", housing),
        ),
        "date filter": Form(
            SearchRequest(q="library", date_from="2014", date_to="2016"),
            PeerQuery("library", "date BETWEEN 20140101 AND 20161231"),
        ),
        "prefix": Form(SearchRequest(q="recycl*"), PeerQuery("recycl*")),
        "newest first": Form(
            SearchRequest(q="parking", sort="newest"), PeerQuery("parking", sort="newest")
        ),
    }


def forget(paths: list[Path]) -> None:
    """Drop the files' pages from the operating system's cache: posix_fadvise(DONTNEED),
    which needs no root and touches only these files (Whoosh reads separate segment files
    with read(), not mmap, so none of their pages stay mapped)."""
    for path in paths:
        with open(path, "rb") as handle:
            os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)


def _files(root: Path) -> list[Path]:
    return [f for f in root.rglob("*") if f.is_file()] if root.is_dir() else [root]


def _summary(times: list[float]) -> dict[str, float]:
    times = sorted(times)
    return {
        "median": round(statistics.median(times), 2),
        "p95": round(times[min(len(times) - 1, int(len(times) * 0.95))], 2),
    }


def measure_ours(index: Path, rounds: int) -> dict[str, Any]:
    """Time every form in this process (a fresh one): the first search after the index's
    files were dropped from the OS cache (opening the index and reading its columns
    included), then each form warm and cold (the postings cache emptied and the index's
    files dropped from the OS cache before every run; the columns of dates, lengths and facet
    values stay loaded, as in a running server)."""
    files = _files(index)
    forget(files)
    started = time.perf_counter()
    engine = SearchEngine(index)
    engine.search(SearchRequest(q="library"))
    first = (time.perf_counter() - started) * 1000
    cache = engine.generation().arrays
    assert cache is not None
    results: dict[str, Any] = {"first search ms": round(first, 1), "forms": {}}
    for name, form in forms().items():
        engine.search(form.ours)
        warm = []
        for _ in range(rounds):
            started = time.perf_counter()
            page = engine.search(form.ours)
            warm.append((time.perf_counter() - started) * 1000)
        cold = []
        for _ in range(rounds):
            cache.postings.clear()
            forget(files)
            started = time.perf_counter()
            engine.search(form.ours)
            cold.append((time.perf_counter() - started) * 1000)
        results["forms"][name] = {
            "warm": _summary(warm), "cold": _summary(cold), "hits": page.total,
        }  # fmt: skip
    results["peak MiB"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return results


def measure_peer(database: Path, rounds: int) -> dict[str, Any]:
    """Time every form against the FTS5 peer in this process: warm on one connection, cold
    on a new connection after the database file was dropped from the OS cache."""
    forget([database])
    started = time.perf_counter()
    peer = Peer(database)
    peer.search(PeerQuery("library"))
    first = (time.perf_counter() - started) * 1000
    results: dict[str, Any] = {"first search ms": round(first, 1), "forms": {}}
    for name, form in forms().items():
        peer.search(form.peer)
        warm = []
        for _ in range(rounds):
            started = time.perf_counter()
            found = peer.search(form.peer)
            warm.append((time.perf_counter() - started) * 1000)
        cold = []
        for _ in range(rounds):
            peer.close()
            forget([database])
            started = time.perf_counter()
            peer = Peer(database)
            peer.search(form.peer)
            cold.append((time.perf_counter() - started) * 1000)
        results["forms"][name] = {
            "warm": _summary(warm), "cold": _summary(cold), "hits": found["total"],
        }  # fmt: skip
    peer.close()
    results["peak MiB"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return results


def in_child(system: str, path: Path, rounds: int) -> dict[str, Any]:
    """Measure one system in a process of its own, so that its peak memory is its own and
    nothing is cached from before."""
    command = [sys.executable, __file__, "--child", system, str(path), "--rounds", str(rounds)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"measuring {system} failed:\n{done.stderr}")
    found: dict[str, Any] = json.loads(done.stdout)
    return found


def compare(work: Path, sizes: list[int], rounds: int, procs: int) -> dict[str, Any]:
    """Build (once) and measure both systems at every size; return every figure."""
    report: dict[str, Any] = {}
    for size in sizes:
        index, ours_built = minutes_index(work, size, procs)
        database, peer_built = fts5_database(work, size)
        report[str(size)] = {
            "built": {"minutes-search": ours_built, "fts5": peer_built},
            "minutes-search": in_child("ours", index, rounds),
            "fts5": in_child("peer", database, rounds),
        }
        print_size(size, report[str(size)])
    if len(sizes) > 1:
        print_growth(sizes, report)
    return report


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "-"


def print_size(size: int, figures: dict[str, Any]) -> None:
    ours, peer = figures["minutes-search"], figures["fts5"]
    built = figures["built"]
    print(f"\n== {size:,} chunks")
    print(f"{'':22}{'minutes-search':>16}{'fts5':>10}{'ratio':>8}")
    rows = [
        ("build chunks/s", built["minutes-search"]["chunks_per_s"], built["fts5"]["chunks_per_s"]),
        ("index MiB", built["minutes-search"]["disk_mib"], built["fts5"]["disk_mib"]),
        ("build peak MiB", built["minutes-search"]["peak_worker_mib"], built["fts5"]["peak_mib"]),
        ("search peak MiB", ours["peak MiB"], peer["peak MiB"]),
        ("first search ms", ours["first search ms"], peer["first search ms"]),
    ]
    for label, a, b in rows:
        print(f"{label:22}{a:>16}{b:>10}{_ratio(a, b):>8}")
    print(f"(build peak: a worker of {built['minutes-search']['procs']}; the parent "
          f"{built['minutes-search']['peak_parent_mib']} MiB)")  # fmt: skip
    print(f"\n{'ms: median / p95':22}{'ours warm':>14}{'fts5 warm':>14}{'ratio':>12}"
          f"{'ours cold':>14}{'fts5 cold':>14}{'ratio':>12}{'hits ours/fts5':>18}")  # fmt: skip
    for name in ours["forms"]:
        a, b = ours["forms"][name], peer["forms"][name]
        cells = ""
        for state in ("warm", "cold"):
            x, y = a[state], b[state]
            cells += f"{x['median']:>7.1f} /{x['p95']:>5.1f}{y['median']:>7.1f} /{y['p95']:>5.1f}"
            cells += f"{_ratio(x['median'], y['median']):>6} /{_ratio(x['p95'], y['p95']):>5}"
        print(f"{name:22}{cells}{a['hits']:>10} /{b['hits']:>7}")


def print_growth(sizes: list[int], report: dict[str, Any]) -> None:
    """Print how each figure grows from the smallest size to the largest."""
    print(f"\n== growth from {sizes[0]:,} to {sizes[-1]:,} chunks ({sizes[-1] / sizes[0]:.0f}x)")
    heads = "".join(f"{s:>10,}" for s in sizes)
    peers = "".join(f"{'fts5 ' + format(s, ','):>16}" for s in sizes)
    print(f"{'cold p95 ms':22}{heads}{'growth':>8}{peers}{'growth':>8}")
    for name in report[str(sizes[0])]["minutes-search"]["forms"]:
        ours = [report[str(s)]["minutes-search"]["forms"][name]["cold"]["p95"] for s in sizes]
        peer = [report[str(s)]["fts5"]["forms"][name]["cold"]["p95"] for s in sizes]
        cells = "".join(f"{v:>10.1f}" for v in ours) + f"{_ratio(ours[-1], ours[0]):>8}"
        cells += "".join(f"{v:>16.1f}" for v in peer) + f"{_ratio(peer[-1], peer[0]):>8}"
        print(f"{name:22}{cells}")
    for label, key in (("search peak MiB", "peak MiB"), ("first search ms", "first search ms")):
        ours = [report[str(s)]["minutes-search"][key] for s in sizes]
        print(f"{label:22}" + "".join(f"{v:>10}" for v in ours) + f"{_ratio(ours[-1], ours[0]):>8}")
    ours = [report[str(s)]["built"]["minutes-search"]["chunks_per_s"] for s in sizes]
    print(f"{'build chunks/s':22}" + "".join(f"{v:>10}" for v in ours))


def corpus(work: Path) -> None:
    """Index ../shared/corpus in full, then time a reindex with nothing changed."""
    shared = ROOT.parent / "shared" / "corpus"
    if not shared.is_dir():
        print(f"no shared corpus at {shared}; skipped")
        return
    first = reindex([shared], work / "corpus", full=True, procs=2)
    rate = first.chunks / first.seconds
    print(f"shared corpus: {first.seen} files, {first.chunks} chunks, full reindex "
          f"{first.seconds:.1f} s ({rate:.0f} chunks/s including reading)")  # fmt: skip
    started = time.perf_counter()
    again = reindex([shared], work / "corpus")
    print(f"shared corpus: reindex with nothing changed {time.perf_counter() - started:.2f} s "
          f"({again.unchanged} unchanged)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES),
                        help="Generated corpus sizes, in chunks.")  # fmt: skip
    parser.add_argument("--work", type=Path, default=WORK,
                        help="Cache folder of the indexes built (once a size).")  # fmt: skip
    parser.add_argument("--procs", type=int, default=2, help="Processes building an index.")
    parser.add_argument("--rounds", type=int, default=20, help="Runs of each form, warm and cold.")
    parser.add_argument("--save", type=Path, help="Also write every figure to this JSON file.")
    parser.add_argument("--corpus", action="store_true", help="Then time ../shared/corpus.")
    parser.add_argument("--child", nargs=2, metavar=("SYSTEM", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        system, path = args.child
        measure = measure_ours if system == "ours" else measure_peer
        print(json.dumps(measure(Path(path), args.rounds)))
        return
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; "
          f"rounds {args.rounds}; cold: postings cache emptied and index files dropped from "
          f"the OS cache (posix_fadvise) before every run")  # fmt: skip
    report = compare(args.work, sorted(args.sizes), args.rounds, args.procs)
    if args.save:
        args.save.write_text(json.dumps(report, indent=1), encoding="utf-8")
    if args.corpus:
        corpus(args.work)


if __name__ == "__main__":
    main()
