"""How fast minutes are read, by format: files, pages and megabytes a second.

    python bench/read_bench.py                    # every document of ../shared/corpus
    python bench/read_bench.py sample_data --repeat 3

Reads each file with `indexer.read.read_with_coverage`, exactly what `reindex` does before
chunking (OCR of scanned PDFs included), in one process, and prints the figures per format and
in all, with the share of text kept and placed in recognised items.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.errors import UnreadableDocument  # noqa: E402
from indexer.read import find_documents, read_with_coverage  # noqa: E402


def pages(path: Path) -> int:
    """Return a PDF's page count; other files count as one page a 3,000 characters."""
    if path.suffix.lower() == ".pdf":
        from pypdf import PdfReader

        try:
            return len(PdfReader(path).pages)
        except Exception:
            return 0
    return max(1, path.stat().st_size // 3000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[ROOT.parent / "shared" / "corpus"])
    parser.add_argument("--repeat", type=int, default=1, help="read everything this many times")
    args = parser.parse_args()
    files = list(find_documents(args.paths))
    stats: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0, 0.0, 0.0, 0.0])
    for _ in range(args.repeat):
        for path in files:
            started = time.perf_counter()
            try:
                coverage = read_with_coverage(path).coverage
                kept, placed = coverage.kept * coverage.words, coverage.placed * coverage.words
            except UnreadableDocument:
                kept = placed = 0.0
            row = stats[path.suffix.lower()]
            row[0] += 1
            row[1] += pages(path)
            row[2] += path.stat().st_size
            row[3] += time.perf_counter() - started
            row[4] += kept
            row[5] += placed
    print(f"{'format':<8}{'files':>7}{'pages':>7}{'MB':>8}{'seconds':>9}{'files/s':>9}"
          f"{'pages/s':>9}{'MB/s':>7}{'placed':>8}")  # fmt: skip
    total = [0.0] * 6
    for suffix, row in sorted(stats.items()):
        _print_row(suffix, row)
        total = [a + b for a, b in zip(total, row, strict=True)]
    _print_row("all", total)


def _print_row(name: str, row: list[float]) -> None:
    files, pages_read, size, seconds, kept, placed = row
    mb = size / 2**20
    share = placed / kept if kept else 0.0
    rates = f"{files / seconds:>9.1f}{pages_read / seconds:>9.1f}{mb / seconds:>7.2f}"
    print(f"{name:<8}{files:>7.0f}{pages_read:>7.0f}{mb:>8.1f}{seconds:>9.2f}{rates}{share:>8.0%}")


if __name__ == "__main__":
    main()
