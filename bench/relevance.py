"""How well minutes-search finds the item a person has in mind, side by side with SQLite FTS5.

    python bench/relevance.py                  # every question: the table and the misses
    python bench/relevance.py --json           # the figures as JSON
    python bench/relevance.py --record         # also write bench/relevance/baseline.json
    python bench/relevance.py --only sample_data --verbose

Questions are known-item searches people wrote after reading the minutes
(bench/relevance/README.md): what a councillor or resident would type, and the item(s) that
answer it, named by document and item number or title words. Every referenced document is read
with `indexer.build.read_chunks`, exactly what `reindex` indexes, and the same chunks go into
a minutes-search index (searched through `SearchEngine.search`, as the web page and the API
search) and into an SQLite FTS5 table of the same two text fields (item title and text), ranked
by bm25(). The FTS5 peer is asked twice, as a plain FTS5 user would ask: the question's words
each quoted and joined by OR (bm25 ranks chunks holding more of them higher), and joined by
AND (FTS5's own default for words separated by spaces).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sqlite3
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from whoosh import index as whoosh_index  # noqa: E402

from indexer.build import document_fields, read_chunks  # noqa: E402
from indexer.chunks import Chunk  # noqa: E402
from search.engine import SearchEngine, SearchRequest  # noqa: E402
from search.schema import build_schema  # noqa: E402
from search.storage import IndexDir  # noqa: E402
from search.writer import FastWriter, write_parallel  # noqa: E402

QUESTIONS = ROOT / "bench" / "relevance"
BASELINE = QUESTIONS / "baseline.json"
SHARED = ROOT.parent / "shared"
DEPTH = 10  # the measures look at the first ten results, the first page a person reads
SYSTEMS = ("minutes-search", "fts5-or", "fts5-and")
MEASURES = ("mrr", "success@1", "success@10", "ndcg@10")
TARGETS = {"mrr": 0.9, "success@10": 0.97}
SCOPES = ("sample_data", "all")  # the sample questions alone (always here), and every question


@dataclass(frozen=True)
class Answer:
    """An item that answers a question: its document and what recognises it there."""

    doc: str
    item: str = ""
    title: str = ""
    words: tuple[str, ...] = ()

    def recognises(self, chunk: Chunk) -> bool:
        """Tell whether a chunk belongs to this item: its number, else its title words
        (a chunk the reader gave no number), else the words its text holds."""
        if chunk.source != self.doc:
            return False
        if self.item and same_number(self.item, chunk.item_number):
            return True
        numbered_elsewhere = self.item and chunk.item_number
        if self.title and not numbered_elsewhere and all_words(self.title, chunk.item_title):
            return True
        if self.words:
            text = fold(f"{chunk.item_title} {chunk.text}")
            return all(fold(w).strip() in text for w in self.words)
        return not (self.item or self.title)  # the document alone (one chunk, a transcript)


@dataclass(frozen=True)
class Question:
    id: str
    q: str
    kind: str
    answers: tuple[Answer, ...]

    @property
    def scope(self) -> str:
        sample = all(a.doc.startswith("sample_data/") for a in self.answers)
        return "sample_data" if sample else "corpus"


@dataclass
class Outcome:
    """Where one system put a question's answers in its first ten results."""

    question: Question
    system: str
    ranks: list[int] = field(default_factory=list)  # 1-based rank of each answer found

    @property
    def first(self) -> int | None:
        return min(self.ranks) if self.ranks else None

    def measures(self) -> dict[str, float]:
        first = self.first
        ideal = sum(1 / math.log2(i + 2) for i in range(min(len(self.question.answers), DEPTH)))
        gained = sum(1 / math.log2(r + 1) for r in self.ranks)
        return {
            "mrr": 1 / first if first else 0.0,
            "success@1": float(first == 1),
            "success@10": float(first is not None),
            "ndcg@10": gained / ideal,
        }


# -- recognising answers --------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower-case, strip accents; punctuation to spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^\w\s]", " ", text)


def all_words(wanted: str, title: str) -> bool:
    """Tell whether every word of ``wanted`` starts a word of ``title`` (titles are cut short)."""
    have = fold(title).split()
    return all(any(h.startswith(w) for h in have) for w in fold(wanted).split())


def same_number(wanted: str, read: str) -> bool:
    """Tell one item number: the same once spaces and punctuation go."""
    return bool(_number_key(wanted)) and _number_key(wanted) == _number_key(read)


def _number_key(number: str) -> str:
    return re.sub(r"[\W_]+", "", fold(number)).lstrip("0")


def ranks(question: Question, chunks: list[Chunk]) -> list[int]:
    """Return the rank of the first chunk of each answer among ``chunks``."""
    found = []
    for answer in question.answers:
        at = next((i for i, c in enumerate(chunks, 1) if answer.recognises(c)), None)
        if at is not None:
            found.append(at)
    return found


# -- the questions ---------------------------------------------------------------------------


def load_questions(only: str | None = None) -> list[Question]:
    """Read every question file (all JSON beside the baseline), keeping those ``only`` names."""
    questions = []
    for path in sorted(QUESTIONS.glob("*.json")):
        if path == BASELINE:
            continue
        for raw in json.loads(path.read_text(encoding="utf-8")):
            answers = tuple(
                Answer(a["doc"], a.get("item", ""), a.get("title", ""), tuple(a.get("words", ())))
                for a in raw["answers"]
            )
            question = Question(raw["id"], raw["q"], raw["kind"], answers)
            text = f"{question.id} {question.kind} " + " ".join(a.doc for a in answers)
            if not only or only in text:
                questions.append(question)
    return questions


def resolve(doc: str) -> Path:
    return SHARED / doc if doc.startswith("corpus/") else ROOT / doc


def available(questions: list[Question]) -> list[Question]:
    """Keep the questions whose documents are here (the shared corpus may be absent)."""
    return [q for q in questions if all(resolve(a.doc).is_file() for a in q.answers)]


def read_all(docs: Iterable[str]) -> list[Chunk]:
    """Read each document into chunks, named as reindex names them within their folder."""
    chunks: list[Chunk] = []
    for doc in sorted(set(docs)):
        chunks += read_chunks(resolve(doc), doc)[0]
    return chunks


# -- the two systems -----------------------------------------------------------------------


def build_minutes_search(chunks: list[Chunk], root: Path) -> SearchEngine:
    """Write the chunks into a minutes-search index at ``root`` as reindex writes them."""
    store = IndexDir(root)
    version = store.new_version()
    ix = whoosh_index.create_in(str(version), build_schema())

    def add(batch: list[Chunk], writer: FastWriter) -> None:
        for chunk in batch:
            writer.add_document(**document_fields(chunk))

    write_parallel(ix, [chunks], add, lambda _: None)
    store.swap(version)
    return SearchEngine(root)


def minutes_search(engine: SearchEngine, by_id: dict[str, Chunk]) -> Callable[[str], list[Chunk]]:
    def search(text: str) -> list[Chunk]:
        page = engine.search(SearchRequest(q=text, per_page=DEPTH, facets=False))
        return [by_id[hit.id] for hit in page.hits]

    return search


def build_fts5(chunks: list[Chunk]) -> sqlite3.Connection:
    """Put the chunks' title and text in an FTS5 table (Porter stemming, accents folded)."""
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE chunks USING fts5(item_title, text, "
        "tokenize='porter unicode61 remove_diacritics 2')"
    )
    db.executemany(
        "INSERT INTO chunks(rowid, item_title, text) VALUES (?, ?, ?)",
        ((i, c.item_title, c.text) for i, c in enumerate(chunks)),
    )
    return db


def fts5(db: sqlite3.Connection, chunks: list[Chunk], joiner: str) -> Callable[[str], list[Chunk]]:
    def search(text: str) -> list[Chunk]:
        words = re.findall(r"\w+", text)
        if not words:
            return []
        match = f" {joiner} ".join(f'"{w}"' for w in words)
        rows = db.execute(
            "SELECT rowid FROM chunks WHERE chunks MATCH ? ORDER BY bm25(chunks) LIMIT ?",
            (match, DEPTH),
        )
        return [chunks[r[0]] for r in rows]

    return search


# -- running and summing up ------------------------------------------------------------------


def unanswerable(questions: list[Question], chunks: list[Chunk]) -> list[str]:
    """Name the answers no chunk recognises (the reader changed, or the question is wrong)."""
    return [
        f"{q.id}: {a.doc} {a.item or a.title or a.words}"
        for q in questions
        for a in q.answers
        if not any(a.recognises(c) for c in chunks)
    ]


def evaluate(questions: list[Question]) -> tuple[dict[str, Any], list[Outcome], list[str]]:
    """Build both systems over the questions' documents and ask each every question."""
    chunks = read_all(a.doc for q in questions for a in q.answers)
    missing = unanswerable(questions, chunks)
    by_id = {c.id: c for c in chunks}
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="relevance-") as tmp:
        engine = build_minutes_search(chunks, Path(tmp))
        db = build_fts5(chunks)
        systems = {
            "minutes-search": minutes_search(engine, by_id),
            "fts5-or": fts5(db, chunks, "OR"),
            "fts5-and": fts5(db, chunks, "AND"),
        }
        for question in questions:
            for name, search in systems.items():
                outcomes.append(Outcome(question, name, ranks(question, search(question.q))))
        db.close()
    return summarise(outcomes, len(chunks)), outcomes, missing


def summarise(outcomes: list[Outcome], chunks: int) -> dict[str, Any]:
    """Return each system's mean measures, overall and per kind of question."""
    overall: dict[str, list[dict[str, float]]] = defaultdict(list)
    by_kind: dict[tuple[str, str], list[dict[str, float]]] = defaultdict(list)
    for outcome in outcomes:
        overall[outcome.system].append(outcome.measures())
        by_kind[(outcome.question.kind, outcome.system)].append(outcome.measures())
    kinds = sorted({k for k, _ in by_kind})
    return {
        "questions": len(overall["minutes-search"]),
        "chunks": chunks,
        "overall": {s: _mean(overall[s]) for s in SYSTEMS},
        "by_kind": {
            kind: {"n": len(by_kind[(kind, SYSTEMS[0])])}
            | {s: _mean(by_kind[(kind, s)]) for s in SYSTEMS}
            for kind in kinds
        },
    }


def _mean(rows: list[dict[str, float]]) -> dict[str, float]:
    return {m: round(sum(r[m] for r in rows) / len(rows), 3) if rows else 0.0 for m in MEASURES}


def run(only: str | None = None) -> dict[str, Any]:
    """Score the sample questions on an index of the sample minutes, and every question on an
    index of every referenced document (when the shared corpus is here)."""
    questions = available(load_questions(only))
    report: dict[str, Any] = {"missing": [], "outcomes": {}}
    for scope in SCOPES:
        chosen = [q for q in questions if scope == "all" or q.scope == scope]
        if not chosen or (scope == "all" and all(q.scope == "sample_data" for q in chosen)):
            continue
        summary, outcomes, missing = evaluate(chosen)
        report[scope] = summary
        report["outcomes"][scope] = outcomes
        report["missing"] = sorted(set(report["missing"]) | set(missing))
    return report


# -- the report ------------------------------------------------------------------------------


def print_report(report: dict[str, Any], verbose: bool) -> None:
    for scope in SCOPES:
        if scope not in report:
            continue
        summary = report[scope]
        print(f"\n== {scope}: {summary['questions']} questions over {summary['chunks']} chunks")
        print(f"{'':<24}" + "".join(f"{s:>16}" for s in SYSTEMS))
        for measure in MEASURES:
            row = "".join(f"{summary['overall'][s][measure]:>16.3f}" for s in SYSTEMS)
            target = f"   aim {TARGETS[measure]:.2f}" if measure in TARGETS else ""
            print(f"{measure:<24}{row}{target}")
        print("\nMRR@10 / success@10 by kind of question")
        for kind, figures in summary["by_kind"].items():
            cells = "".join(
                f"{figures[s]['mrr']:>9.2f} /{figures[s]['success@10']:>5.2f}" for s in SYSTEMS
            )
            print(f"  {kind:<14}(n {figures['n']:>3}){cells}")
        _print_misses(report["outcomes"][scope], verbose)
    if report["missing"]:
        print("\nanswers no chunk recognises (their questions count as misses):")
        for line in report["missing"]:
            print(f"  {line}")


def _print_misses(outcomes: list[Outcome], verbose: bool) -> None:
    """List the questions each system did not answer first, with every system's rank: those
    minutes-search missed, then (with --verbose) those only the peers missed."""
    table: dict[str, dict[str, int | None]] = defaultdict(dict)
    questions = {}
    for outcome in outcomes:
        table[outcome.question.id][outcome.system] = outcome.first
        questions[outcome.question.id] = outcome.question
    missed = ", ".join(f"{s} {sum(f[s] != 1 for f in table.values())}" for s in SYSTEMS)
    print(f"\nnot answered first: {missed} (ranks in {' / '.join(SYSTEMS)}; - = not in ten)")
    ours = [q for q, found in table.items() if found[SYSTEMS[0]] != 1]
    theirs = [q for q, found in table.items() if q not in ours and set(found.values()) != {1}]
    for heading, ids in (("minutes-search", ours), ("only the peers", theirs if verbose else [])):
        if ids:
            print(f"  missed by {heading}:")
        for qid in ids:
            cells = " / ".join(str(table[qid][s] or "-") for s in SYSTEMS)
            print(f"    {cells:<12} {qid:<30} [{questions[qid].kind}] {questions[qid].q}")
    if theirs and not verbose:
        print(f"  and {len(theirs)} missed only by the peers (--verbose)")


def figures(report: dict[str, Any]) -> dict[str, Any]:
    """Return the report without the outcomes: what --json prints and --record keeps."""
    return {k: v for k, v in report.items() if k != "outcomes"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--record", action="store_true", help="write bench/relevance/baseline.json")
    parser.add_argument("--only", help="only questions whose id, kind or document contains this")
    parser.add_argument("--verbose", action="store_true", help="every miss")
    args = parser.parse_args()
    started = time.perf_counter()
    report = run(args.only)
    if args.json:
        print(json.dumps(figures(report), indent=1))
    else:
        print_report(report, args.verbose)
        print(f"\nread, indexed and asked in {time.perf_counter() - started:.1f} s")
    if args.record:
        if args.only:
            raise SystemExit("--record keeps the figures of every question; drop --only")
        BASELINE.write_text(json.dumps(figures(report), indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
