"""Tab- or comma-separated files: transcripts with a speaker column, or any table, as text."""

from __future__ import annotations

import csv
import io
import re

_SPEAKER_RE = re.compile(r"^(?:speaker|name|who)\b", re.IGNORECASE)
# Text columns, the most corrected first: a transcript may give raw and corrected text.
_TEXT_COLUMNS = (
    re.compile(r"^corrected", re.I),
    re.compile(r"^(?:text|transcript|utterance|words|content)\b", re.I),
    re.compile(r"transcri", re.I),
)


def looks_like_table(text: str) -> bool:
    """Tell a tab-separated table: most of its first lines hold two tabs or more."""
    lines = [line for line in text[:5000].split("\n") if line.strip()][:20]
    return len(lines) >= 3 and sum(line.count("\t") >= 2 for line in lines) >= 0.7 * len(lines)


def table_text(text: str) -> str:
    """Return a transcript table as "Speaker: words" turns, any other table row by row."""
    dialect = "excel-tab" if text.count("\t") >= text.count(",") else "excel"
    rows = [row for row in csv.reader(io.StringIO(text), dialect=dialect) if any(row)]
    at = next((i for i, row in enumerate(rows[:10]) if _is_transcript_header(row)), None)
    if at is None:
        return "\n".join(" ".join(cell.strip() for cell in row if cell.strip()) for row in rows)
    header = rows[at]
    lead = [" ".join(c.strip() for c in row if c.strip()) for row in rows[:at]]
    return "\n\n".join([*lead, *_turns(rows[at + 1 :], _speaker_column(header) or 0, header)])


def _is_transcript_header(row: list[str]) -> bool:
    """Tell a transcript's header row: a speaker column and a column of words."""
    return _speaker_column(row) is not None and bool(_text_columns(row))


def _speaker_column(row: list[str]) -> int | None:
    return next((i for i, cell in enumerate(row) if _SPEAKER_RE.match(cell.strip())), None)


def _text_columns(header: list[str]) -> list[int]:
    """Return the columns that may hold the words, the likeliest first."""
    found: list[int] = []
    for pattern in _TEXT_COLUMNS:
        found += [i for i, cell in enumerate(header) if pattern.search(cell) and i not in found]
    return found


def _cell(row: list[str], index: int) -> str:
    return row[index].strip() if index < len(row) else ""


def _turns(rows: list[list[str]], who: int, header: list[str]) -> list[str]:
    """Join consecutive rows of one speaker into one turn; rows with no speaker continue it.
    The words are in the first filled text column (a corrected column may be empty)."""
    columns = _text_columns(header)
    turns: list[tuple[str, list[str]]] = []
    for row in rows:
        words = next((w for i in columns if (w := _cell(row, i))), "")
        speaker = _cell(row, who)
        if not words:
            continue
        if speaker or not turns:
            turns.append((speaker, [words]))
        else:
            turns[-1][1].append(words)
    return [f"{who}: {' '.join(said)}" if who else " ".join(said) for who, said in turns]
