"""How well minutes-search tells people apart: precision and recall of the name forms it puts
together, and the offices it resolves, against labels.

    python bench/people.py                    # every labelled council, the table, the errors
    python bench/people.py --json             # the figures as JSON
    python bench/people.py --record           # also write them to bench/people/baseline.json
    python bench/people.py --only Alameda --verbose

Labels (bench/people/*.json) are facts people wrote after reading each council's minutes:
groups of name forms that are one person, pairs whose link the minutes do not tell
("unknown"), and offices written in place of a speaker with the holder the same minutes name.
A pair of forms counts as merged when the registry gives both the same person at any meeting.
The registry under test is `indexer.people.build_registry` over `indexer.read.read_tree`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.people import Registry, build_registry  # noqa: E402
from indexer.read import read_tree  # noqa: E402

LABELS = ROOT / "bench" / "people"
BASELINE = LABELS / "baseline.json"
CORPUS = ROOT.parent / "shared" / "corpus"
TARGETS = {"precision": 0.99, "recall": 0.9}

Pair = tuple[str, str]


@dataclass
class CouncilScore:
    """One labelled council: the pairs merged right and wrong, the offices resolved."""

    council: str
    label_file: str
    same: set[Pair] = field(default_factory=set)
    merged: set[Pair] = field(default_factory=set)
    wrong: set[Pair] = field(default_factory=set)
    unseen: list[str] = field(default_factory=list)
    offices: list[tuple[dict[str, Any], str | None, bool]] = field(default_factory=list)

    @property
    def missed(self) -> set[Pair]:
        return self.same - self.merged

    def figures(self) -> dict[str, Any]:
        return _figures([self])


def _pair(a: str, b: str) -> Pair:
    return (a, b) if a <= b else (b, a)


def label_files() -> list[Path]:
    """Return the label files, sample_data's first."""
    files = [p for p in LABELS.glob("*.json") if p != BASELINE]
    return sorted(files, key=lambda p: (p.name != "sample_data.json", p.name))


Label = dict[str, Any]


def councils(files: Iterable[Path], only: str | None = None) -> Iterable[tuple[Path, Label]]:
    """Yield (label file, council label) for each council whose documents are here."""
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("corpus") and not CORPUS.is_dir():
            continue
        for council in data["councils"]:
            if only and only.lower() not in (council["council"] + path.name).lower():
                continue
            yield path, {**council, "corpus": data.get("corpus", False)}


def registry_for(label: dict[str, Any]) -> Registry:
    """Build the registry of one labelled council from its documents."""
    base = CORPUS if label["corpus"] else ROOT
    paths = [base / p for p in label["paths"]]
    meetings = [m for r in read_tree(paths) for m in r.meetings]
    return build_registry(label["council"], meetings)


def form_ids(registry: Registry) -> dict[str, set[str]]:
    """Return each form's person ids, leaving out offices resolved at one meeting (those
    are scored as offices, not as merged names)."""
    resolved = {(u.source, u.form) for u in registry.offices if u.holder}
    ids: dict[str, set[str]] = {}
    for (source, form), pid in registry.by_mention.items():
        if (source, form) not in resolved:
            ids.setdefault(form, set()).add(pid)
    return ids


def score(path: Path, label: dict[str, Any]) -> CouncilScore:
    """Score one council's registry against its labels."""
    registry = registry_for(label)
    ids = form_ids(registry)
    result = CouncilScore(label["council"], path.name)
    groups = [[f for f in g if f in ids] for g in label["groups"]]
    result.unseen = [f for g in label["groups"] for f in g if f not in ids]
    unknown = {_pair(*p) for p in label.get("unknown", [])}
    apart = {_pair(*p) for p in label.get("apart", []) if p[0] in ids and p[1] in ids}
    result.same = {_pair(a, b) for g in groups for a, b in combinations(g, 2)}
    for g1, g2 in combinations(groups, 2):
        apart |= {_pair(a, b) for a in g1 for b in g2}
    apart -= unknown | result.same
    known = result.same | apart
    forms = sorted({f for pair in known for f in pair})
    for a, b in combinations(forms, 2):
        if ids[a] & ids[b] and _pair(a, b) in known:
            result.merged.add(_pair(a, b))
    result.wrong = result.merged & apart
    result.merged &= result.same
    result.offices = [_office(registry, o) for o in label.get("offices", [])]
    return result


def _office(registry: Registry, label: dict[str, Any]) -> tuple[dict[str, Any], str | None, bool]:
    """Return (label, holder found, right) for one office at one meeting."""
    uses = [u for u in registry.offices
            if label["meeting"] in u.source and u.office == label["office"]]  # fmt: skip
    if not uses:
        return label, "(not seen)", False
    found = uses[0].holder
    want = None
    if label["holder"]:
        want = registry.by_mention.get((uses[0].source, label["holder"]))
    return label, found, found == want


def _figures(scores: list[CouncilScore]) -> dict[str, Any]:
    same = sum(len(s.same) for s in scores)
    right = sum(len(s.merged) for s in scores)
    wrong = sum(len(s.wrong) for s in scores)
    offices = [ok for s in scores for _, _, ok in s.offices]
    return {
        "councils": len(scores),
        "pairs_same": same,
        "merged_right": right,
        "merged_wrong": wrong,
        "precision": round(right / (right + wrong), 4) if right + wrong else 1.0,
        "recall": round(right / same, 4) if same else 1.0,
        "offices": len(offices),
        "offices_right": sum(offices),
        "unseen_forms": sum(len(s.unseen) for s in scores),
    }


def summarise(scores: list[CouncilScore]) -> dict[str, Any]:
    """Return the figures of the sample_data labels, the corpus labels and each council."""
    return {
        "sample_data": _figures([s for s in scores if s.label_file == "sample_data.json"]),
        "corpus": _figures([s for s in scores if s.label_file != "sample_data.json"]),
        "councils": {s.council: s.figures() for s in scores},
        "targets": TARGETS,
    }


def run(only: str | None = None) -> tuple[dict[str, Any], list[CouncilScore]]:
    scores = [score(path, label) for path, label in councils(label_files(), only)]
    return summarise(scores), scores


def print_report(summary: dict[str, Any], scores: list[CouncilScore], verbose: bool) -> None:
    print(
        f"{'council':44} {'pairs':>5} {'right':>5} {'wrong':>5} {'prec':>6} {'recall':>6} offices"
    )
    for s in scores:
        f = s.figures()
        print(f"{s.council[:44]:44} {f['pairs_same']:5} {f['merged_right']:5} "
              f"{f['merged_wrong']:5} {f['precision']:6.3f} {f['recall']:6.3f} "
              f"{f['offices_right']}/{f['offices']}")  # fmt: skip
    for name in ("sample_data", "corpus"):
        f = summary[name]
        if f["councils"]:
            print(f"{'ALL ' + name:44} {f['pairs_same']:5} {f['merged_right']:5} "
                  f"{f['merged_wrong']:5} {f['precision']:6.3f} {f['recall']:6.3f} "
                  f"{f['offices_right']}/{f['offices']}")  # fmt: skip
    print(f"targets: precision >= {TARGETS['precision']}, recall >= {TARGETS['recall']}")
    for s in scores:
        lines = [f"WRONG  {a!r} + {b!r}" for a, b in sorted(s.wrong)]
        lines += [f"missed {a!r} + {b!r}" for a, b in sorted(s.missed)]
        lines += [f"office {o['office']!r} at {o['meeting']}: got {got}, want {o['holder']}"
                  for o, got, ok in s.offices if not ok]  # fmt: skip
        if verbose:
            lines += [f"unseen {f!r}" for f in s.unseen]
        if lines:
            print(f"\n{s.council}:")
            for line in lines:
                print(f"    {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--record", action="store_true", help="write bench/people/baseline.json")
    parser.add_argument("--only", help="only councils (or label files) whose name contains this")
    parser.add_argument("--verbose", action="store_true", help="also the labelled forms not seen")
    args = parser.parse_args()
    started = time.perf_counter()
    summary, scores = run(args.only)
    if args.json:
        print(json.dumps(summary, indent=1, ensure_ascii=False))
    else:
        print_report(summary, scores, args.verbose)
        print(f"\nread and scored in {time.perf_counter() - started:.1f} s")
    if args.record:
        BASELINE.write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
