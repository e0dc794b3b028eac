"""Benchmark indexing and searching: a generated corpus of N chunks, and the shared corpus.

    python bench/search_bench.py --chunks 250000 --work /tmp/minutes-bench

Prints chunks/s for the build, median and p95 milliseconds for each query form (in process,
through SearchEngine.search, so parsing, facet counts and highlighting of the page are
included), and the time of a reindex with nothing changed over ../shared/corpus.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import random
import resource
import statistics
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from whoosh import index as whoosh_index

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

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


QUERIES = {
    "one term": SearchRequest(q="library", facets=False),
    "two terms": SearchRequest(q="library opening", facets=False),
    "phrase": SearchRequest(q='"bus depot"', facets=False),
    "term + facet counts": SearchRequest(q="library"),
    "term + date range": SearchRequest(q="library", date_from="2014", date_to="2016", facets=False),
    "term + date range + facets": SearchRequest(q="library date:[2014 to 2016]"),
    "term + top 20 highlighted": SearchRequest(q="parking", facets=False, per_page=20),
    "rare term + facets": SearchRequest(q="safeguarding children"),
}


def measure(engine: SearchEngine, rounds: int) -> None:
    """Print median and p95 ms per query form, after one warm-up run of each: warm (the
    query's postings cached from the run before, as for a repeated search) and cold (the
    cache of postings emptied before each run, as for words not searched lately)."""
    for _ in range(3):
        for request in QUERIES.values():
            engine.search(request)
    cache = engine.generation().arrays
    assert cache is not None
    print(f"{'query':30} {'warm median':>11} {'p95':>6} {'cold median':>11} {'p95':>6} {'hits':>7}")
    for name, request in QUERIES.items():
        figures = []
        for cold in (False, True):
            times = []
            for _ in range(rounds):
                if cold:
                    cache.postings.clear()
                started = time.perf_counter()
                page = engine.search(request)
                times.append((time.perf_counter() - started) * 1000)
            times.sort()
            figures += [
                statistics.median(times),
                times[min(len(times) - 1, int(len(times) * 0.95))],
            ]
        warm, warm95, cold_, cold95 = figures
        print(f"{name:30} {warm:11.1f} {warm95:6.1f} {cold_:11.1f} {cold95:6.1f} {page.total:7}")


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
    parser.add_argument("--chunks", type=int, default=250_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/minutes-bench"))
    parser.add_argument("--procs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--reuse", action="store_true", help="Search an index built before.")
    args = parser.parse_args()
    if not args.reuse:
        rate, built = build(args.work, args.chunks, args.procs)
        print(
            f"generated: {args.chunks} chunks indexed at {rate:.0f} chunks/s (procs={args.procs}, "
            f"generating them included; generating alone runs at "
            f"{generation_rate(20_000):.0f} chunks/s in one process); {built.segments} "
            f"segments; peak memory of a worker {built.peak_bytes / 2**20:.0f} MiB"
        )
        size = sum(f.stat().st_size for f in (args.work / "generated").rglob("*") if f.is_file())
        print(f"generated: index on disk {size / 2**20:.0f} MiB")
    measure(SearchEngine(args.work / "generated"), args.rounds)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    built_here = " (the build too, which ran in it)" if args.procs == 1 and not args.reuse else ""
    print(f"searching: peak memory of this process {peak:.0f} MiB{built_here}")
    corpus(args.work)


if __name__ == "__main__":
    main()
