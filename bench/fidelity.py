"""How well minutes-search reads minutes: precision, recall and F1 per field, against labels.

    python bench/fidelity.py                 # every labelled document, the table and the worst ten
    python bench/fidelity.py --json          # the figures as JSON
    python bench/fidelity.py --record        # also write them to bench/fidelity/baseline.json
    python bench/fidelity.py --only dev-alameda --verbose

Labels are facts people wrote after reading each document (bench/fidelity/README.md). The
reader under test is `indexer.read.read_document`, exactly what `reindex` indexes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.errors import UnreadableDocument  # noqa: E402
from indexer.model import Meeting  # noqa: E402
from indexer.read import read_document  # noqa: E402

LABELS = ROOT / "bench" / "fidelity" / "labels"
BASELINE = ROOT / "bench" / "fidelity" / "baseline.json"
SHARED = ROOT.parent / "shared"
# The fields scored, in the order the issue gives its targets.
EXACT_FIELDS = ("date", "committee", "council")
SET_FIELDS = ("present", "absent", "officers", "items", "speakers", "outcome", "movers")
TARGETS = {"date": 0.97, "committee": 0.9, "present": 0.9, "absent": 0.9, "items": 0.9,
           "speakers": 0.85, "outcome": 0.85}  # fmt: skip
ROLE_FIELDS = {
    "present": ("present", "chair", "substitute"),
    "absent": ("apologies", "absent"),
    "officers": ("officer", "also_present"),
}
OUTCOME_CLASSES = {
    "passed": {"carried", "agreed", "adopted", "approved", "passed", "amended"},
    "lost": {"lost"},
    "deferred": {"deferred", "postponed", "referred"},
    "noted": {"noted", "received"},
    "withdrawn": {"withdrawn"},
}
_TITLE_WORDS = {
    "councillor", "councilor", "cllr", "councilmember", "councilman", "councilwoman", "council",
    "member", "members", "board", "commissioner", "mayor", "vice", "deputy", "president", "chair",
    "chairman", "chairwoman", "chairperson", "director", "secretary", "treasurer", "trustee",
    "alderman", "alderwoman", "supervisor", "clerk", "mr", "mrs", "ms", "miss", "mx", "dr", "sir",
    "dame", "lord", "lady", "prof", "professor", "rev", "reverend", "county", "district", "city",
    "the", "first", "second", "manager", "officer", "hon", "honourable", "honorable", "judge",
    "senator", "representative", "delegate", "madam", "acting", "interim", "assistant",
    "cathaoirleach", "leas", "speaker", "ald", "comm", "cr", "cm", "bm", "mp", "mep", "jr", "sr",
    "ii", "iii", "staff", "fire", "chief", "parish", "town", "borough", "boardmember",
    "councilmembers", "councillors", "commissioners", "directors", "trustees", "cllrs", "mbe",
    "obe", "cbe", "jp", "qc", "kc", "esq", "phd", "cynghorydd", "cynghorwyr", "cyng",
    "conseiller", "conseillere", "maire", "adjoint", "adjointe", "mme", "monsieur", "madame",
}  # fmt: skip
_STOP = {"the", "of", "a", "an", "and", "meeting", "minutes", "regular", "special", "ordinary"}


# -- comparing names, items and bodies ----------------------------------------------------------


def fold(text: str) -> str:
    """Lower-case, strip accents and punctuation."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^\w\s]", " ", text)


def name_key(name: str) -> tuple[str, str]:
    """Return (surname, first initial or "") of a name as printed, titles and roles dropped."""
    head = re.split(r",|\(| - | – |:", name, maxsplit=1)[0]
    words = fold(head).split()
    titled = [i for i, t in enumerate(words) if t in _TITLE_WORDS]
    if titled and titled[-1] < len(words) - 1:  # the name after its job title's last word:
        words = words[titled[-1] + 1 :]  # "Acting Library Director Marlon Romero"
    tokens = [t for t in words if t not in _TITLE_WORDS]
    if not tokens:
        tokens = fold(head).split()[-1:] or [""]
    surname = tokens[-1]
    initial = tokens[0][0] if len(tokens) > 1 else ""
    return surname, initial


def same_person(a: str, b: str) -> bool:
    (sa, ia), (sb, ib) = name_key(a), name_key(b)
    return sa == sb and (not ia or not ib or ia == ib)


def words(text: str) -> set[str]:
    """Return a title's words but stop words, each cut to its stem ("Adjournment" is
    "Adjourn", "Acknowledgement" is "Acknowledgment")."""
    return {_stem(w) for w in fold(text).split() if w not in _STOP}


def _stem(word: str) -> str:
    return re.sub(r"(?:e?ments?|ings?|e?s)$", "", word) if len(word) > 4 else word


def title_similarity(a: str, b: str) -> float:
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 1.0 if not wa and not wb else 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def number_key(number: str | None) -> str:
    return re.sub(r"[\s.\-()/:]+", "", fold(number or "")).lstrip("0") or ""


def same_number(label: str, read: str) -> bool:
    """Tell one item number: the same once separators go, or one is the other qualified by
    the part of the document it is in ("PDHDD 11" or "By-law 32/2016" for "11", "32/2016")."""
    want, got = number_key(label), number_key(read)
    if want == got:
        return bool(want)
    last = lambda n: number_key(n.split()[-1]) if n.split() else ""  # noqa: E731
    return bool(want and got) and (want == last(read) or got == last(label))


def same_body(label: Iterable[str], read: str | None) -> bool:
    """Tell whether the read body names one of the labelled forms (same words but stop words)."""
    got = words(read or "")
    return any(words(form) == got for form in label) if got else False


# -- scoring ---------------------------------------------------------------------------------


@dataclass
class Tally:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class DocumentScore:
    """One document's tallies and what was missed, for the worst-documents list."""

    path: str
    source: str
    tallies: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    missed: list[str] = field(default_factory=list)
    error: str | None = None

    def mean_f1(self) -> float:
        scored = [t.f1 for t in self.tallies.values() if t.tp + t.fp + t.fn]
        return sum(scored) / len(scored) if scored else 1.0


def match_names(label: list[str], read: list[str]) -> tuple[Tally, list[str]]:
    """Pair labelled and read names one to one; return the tally and the names missed."""
    left = list(read)
    missed = []
    for name in label:
        found = next((r for r in left if same_person(name, r)), None)
        if found is None:
            missed.append(name)
        else:
            left.remove(found)
    return Tally(len(label) - len(missed), len(left), len(missed)), missed


def match_items(label: list[dict[str, Any]], meeting: Meeting) -> list[int | None]:
    """Return, for each labelled item, the index of the read item that is it (or None).

    Both lists are in the document's order, so the pairing is the alignment that keeps that
    order and scores best in total (a greedy first-best pairing let "Recess to Closed Session"
    take the "Closed Session Report" read after it, and the report went unmatched); then the
    labelled items left are paired with the read items left, in any order."""
    scores = [[_item_score(w, i.number, i.title) for i in meeting.items] for w in label]
    rows, cols = len(label), len(meeting.items)
    best = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for r in range(rows - 1, -1, -1):
        for c in range(cols - 1, -1, -1):
            paired = best[r + 1][c + 1] + scores[r][c] if scores[r][c] > 0 else 0.0
            best[r][c] = max(best[r + 1][c], best[r][c + 1], paired)
    pairs: list[int | None] = []
    r = c = 0
    while r < rows:
        if c < cols and scores[r][c] > 0 and best[r][c] == best[r + 1][c + 1] + scores[r][c]:
            pairs.append(c)
            r, c = r + 1, c + 1
        elif c < cols and best[r][c] == best[r][c + 1]:
            c += 1
        else:
            pairs.append(None)
            r += 1
    taken = {p for p in pairs if p is not None}
    for r, pair in enumerate(pairs):  # then items read out of the labels' order
        free = [(scores[r][c], -c) for c in range(cols) if c not in taken and scores[r][c] > 0]
        if pair is None and free:
            pairs[r] = -max(free)[1]
            taken.add(pairs[r])
    return pairs


def _item_score(wanted: dict[str, Any], number: str, title: str) -> float:
    similarity = title_similarity(wanted.get("title") or "", title)
    if wanted.get("number"):
        if not same_number(wanted["number"], number):
            return 0.0
        return 1.0 + similarity if similarity >= 0.5 or not wanted.get("title") else 0.0
    return similarity if similarity >= 0.6 else 0.0  # unnumbered in the labels: by title


def score_meeting(label: dict[str, Any], meeting: Meeting | None, doc: DocumentScore) -> None:
    """Add one labelled meeting's tallies against the meeting read for it."""
    t = doc.tallies
    read = meeting or Meeting(source="")
    exact = {
        "date": (label.get("date") or None) == (read.date.isoformat() if read.date else None),
        "committee": _committee_right(label.get("committee"), read.committee),
        "council": _committee_right(label.get("council"), read.council),
    }
    for key, right in exact.items():
        t[key].add(Tally(int(right), int(not right), int(not right)))
        if not right:
            doc.missed.append(f"{key}: want {label.get(key)!r}, read {getattr(read, key)!s}")
    for key, roles in ROLE_FIELDS.items():
        wanted = [n for lab in ((key,) if key != "absent" else ("apologies", "absent"))
                  for n in label.get(lab) or []]  # fmt: skip
        got = [a.name for a in read.attendance if a.role in roles]
        tally, missed = match_names(wanted, got)
        t[key].add(tally)
        if missed:
            doc.missed.append(f"{key}: missed {', '.join(missed[:6])}")
    _score_items(label.get("items") or [], read, doc)


def _committee_right(label: Any, read: str | None) -> bool:
    if label is None or label == []:
        return not read
    forms = [label] if isinstance(label, str) else list(label)
    return same_body(forms, read)


def _score_items(items: list[dict[str, Any]], read: Meeting, doc: DocumentScore) -> None:
    t = doc.tallies
    pairs = match_items(items, read)
    found = [p for p in pairs if p is not None]
    t["items"].add(Tally(len(found), len(read.items) - len(found), len(items) - len(found)))
    missed = [
        f"{i.get('number') or ''} {i.get('title', '')[:30]}"
        for i, p in zip(items, pairs, strict=True)
        if p is None
    ]
    if missed:
        doc.missed.append(f"items: missed {len(missed)}: {'; '.join(missed[:4])}")
    matched = {p: i for i, p in zip(items, pairs, strict=True) if p is not None}
    for index, item in enumerate(read.items):
        wanted = matched.get(index, {})
        t["speakers"].add(match_names(wanted.get("speakers") or [], item.speakers)[0])
        outcomes = {r.outcome for r in item.resolutions if r.outcome}
        t["outcome"].add(_outcome_tally(wanted.get("outcome"), outcomes))
        movers = [m for r in item.resolutions for m in (r.mover, r.seconder) if m]
        wanted_movers = [wanted[k] for k in ("mover", "seconder") if wanted.get(k)]
        t["movers"].add(match_names(wanted_movers, list(dict.fromkeys(movers)))[0])
    for item, pair in zip(items, pairs, strict=True):
        if pair is None:
            t["speakers"].add(Tally(0, 0, len(item.get("speakers") or [])))
            t["outcome"].add(Tally(0, 0, int(bool(item.get("outcome")))))
            t["movers"].add(Tally(0, 0, sum(1 for k in ("mover", "seconder") if item.get(k))))


def _outcome_tally(wanted: str | None, outcomes: set[str]) -> Tally:
    if not wanted:
        return Tally(0, int(bool(outcomes)), 0)
    right = bool(outcomes & OUTCOME_CLASSES.get(wanted, {wanted}))
    return Tally(int(right), int(bool(outcomes) and not right), int(not right))


def _pick(label: dict[str, Any], meetings: list[Meeting], used: set[int]) -> Meeting | None:
    """Return the read meeting that is the labelled one: same date, then the likeliest body."""
    candidates = [(i, m) for i, m in enumerate(meetings) if i not in used]
    if not candidates:
        return None

    def fit(pair: tuple[int, Meeting]) -> tuple[int, int, int]:
        meeting = pair[1]
        same_day = (meeting.date.isoformat() if meeting.date else None) == label.get("date")
        body = _committee_right(label.get("committee"), meeting.committee)
        return int(same_day), int(body), -pair[0]

    index, meeting = max(candidates, key=fit)
    if len(meetings) > 1 and fit((index, meeting))[:2] == (0, 0):
        return None
    used.add(index)
    return meeting


def score_document(label_path: Path) -> DocumentScore:
    label = json.loads(label_path.read_text(encoding="utf-8"))
    path = resolve(label["path"])
    doc = DocumentScore(label["path"], label_path.parent.name)
    try:
        meetings = read_document(path)
    except UnreadableDocument as error:
        meetings, doc.error = [], error.reason
    used: set[int] = set()
    for wanted in label["meetings"]:
        score_meeting(wanted, _pick(wanted, meetings, used), doc)
    for index, extra in enumerate(meetings):
        if index not in used and extra.items and not label.get("partial"):  # read, not there
            doc.tallies["items"].add(Tally(0, len(extra.items), 0))
    return doc


def resolve(path: str) -> Path:
    return SHARED / path if path.startswith("corpus/") else ROOT / path


def label_files(only: str | None = None) -> list[Path]:
    files = sorted(LABELS.glob("*/*.json"))
    return [f for f in files if not only or only in str(f)]


def available(files: list[Path]) -> list[Path]:
    """Keep the labels whose document is here (the shared corpus may be absent)."""
    found = []
    for f in files:
        if resolve(json.loads(f.read_text(encoding="utf-8"))["path"]).is_file():
            found.append(f)
    return found


# -- the report ------------------------------------------------------------------------------


def summarise(docs: list[DocumentScore]) -> dict[str, Any]:
    """Return overall and per-source precision, recall and F1 per field."""
    overall: dict[str, Tally] = defaultdict(Tally)
    by_source: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    for doc in docs:
        for key, tally in doc.tallies.items():
            overall[key].add(tally)
            by_source[doc.source][key].add(tally)
    return {
        "documents": len(docs),
        "overall": {k: _figures(overall[k]) for k in (*EXACT_FIELDS, *SET_FIELDS)},
        "by_source": {
            source: {k: _figures(tallies[k]) for k in (*EXACT_FIELDS, *SET_FIELDS)}
            for source, tallies in sorted(by_source.items())
        },
    }


def _figures(tally: Tally) -> dict[str, float | int]:
    return {"p": round(tally.precision, 3), "r": round(tally.recall, 3), "f1": round(tally.f1, 3),
            "n": tally.tp + tally.fn}  # fmt: skip


def print_report(summary: dict[str, Any], docs: list[DocumentScore], verbose: bool) -> None:
    fields = (*EXACT_FIELDS, *SET_FIELDS)
    print(f"{summary['documents']} labelled documents\n")
    print(f"{'source':<26}" + "".join(f"{f:>10}" for f in fields))
    rows = [*summary["by_source"].items(), ("OVERALL", summary["overall"])]
    for source, figures in rows:
        print(f"{source:<26}" + "".join(f"{figures[f]['f1']:>10.2f}" for f in fields))
    print("\noverall precision / recall / F1 (n labelled), target")
    for name in fields:
        f = summary["overall"][name]
        target = f"  target {TARGETS[name]:.2f}" if name in TARGETS else ""
        figures = f"P {f['p']:.3f}  R {f['r']:.3f}  F1 {f['f1']:.3f}  (n {f['n']})"
        print(f"  {name:<10} {figures}{target}")
    print("\nthe ten worst documents")
    for doc in sorted(docs, key=DocumentScore.mean_f1)[: len(docs) if verbose else 10]:
        print(f"  {doc.mean_f1():.2f}  {doc.path}" + (f"  [{doc.error}]" if doc.error else ""))
        for line in doc.missed[: 20 if verbose else 5]:
            print(f"        {line}")


def run(only: str | None = None) -> tuple[dict[str, Any], list[DocumentScore]]:
    docs = [score_document(f) for f in available(label_files(only))]
    return summarise(docs), docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--record", action="store_true", help="write bench/fidelity/baseline.json")
    parser.add_argument("--only", help="only labels whose path contains this")
    parser.add_argument("--verbose", action="store_true", help="every document, every miss")
    args = parser.parse_args()
    started = time.perf_counter()
    summary, docs = run(args.only)
    if args.json:
        print(json.dumps(summary, indent=1))
    else:
        print_report(summary, docs, args.verbose)
        print(f"\nread and scored in {time.perf_counter() - started:.1f} s")
    if args.record:
        BASELINE.write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
