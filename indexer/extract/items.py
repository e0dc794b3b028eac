"""Split minutes text into numbered items, in whatever numbering the council uses."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TITLE = r"(?P<title>[A-Z0-9\"“'‘(£][^\n]{1,140}?)"
# Each numbering style: a heading line with the number as printed and, but for "alone", a title.
STYLES: dict[str, re.Pattern[str]] = {
    "alone": re.compile(r"^[ \t]*(?P<number>\d{1,4}[A-Za-z]?\.?)[ \t]*$"),
    "dotted": re.compile(rf"^[ \t]*(?P<number>\d{{1,4}}(?:\.\d{{1,2}})*\.?)[ \t]+{_TITLE}[ \t]*$"),
    "slash": re.compile(
        rf"^[ \t]*(?P<number>[A-Z]{{0,4}}\d{{1,4}}/\d{{2,4}}(?:\.\d{{1,2}})?)\.?[ \t]*[-–:]?[ \t]+"
        rf"{_TITLE}[ \t]*$"
    ),
    "minute": re.compile(
        rf"^[ \t]*(?P<number>Min(?:ute)?\.?[ \t]+(?:No\.?[ \t]*)?\d{{1,4}}(?:/\d{{2,4}})?)"
        rf"[ \t]*[:.\-–]?[ \t]+{_TITLE}[ \t]*$",
        re.IGNORECASE,
    ),
    "item": re.compile(
        rf"^[ \t]*(?P<number>(?:Agenda[ \t]+)?Item[ \t]+(?:No\.?[ \t]*)?\d{{1,3}}[A-Za-z]?)"
        rf"[ \t]*[:.\-–]?[ \t]+{_TITLE}[ \t]*$",
        re.IGNORECASE,
    ),
}
SUB_STYLE = re.compile(
    rf"^[ \t]*(?P<number>\d{{1,3}}[ \t]?\([a-z]{{1,3}}\)|\([a-z]{{1,3}}\))[ \t]+{_TITLE}[ \t]*$"
)
CAPS_HEADING = re.compile(
    r"^[ \t]*(?P<title>[A-Z][A-Z0-9 ,&'’/()\-–.]{3,90}[A-Z0-9)])[ \t]*:?[ \t]*$"
)
BLOCK_LABEL = re.compile(r"^[ \t]*(?P<label>Minutes|Decisions?)[ \t]*:[ \t]*$", re.IGNORECASE)
# Capitals that are labels in the minutes, never item headings.
_NOT_HEADINGS = re.compile(
    r"^(?:RESOLVED|AGREED|ORDERED|DECISION|MINUTES?|PRESENT|ALSO PRESENT|"
    r"IN ATTENDANCE|OFFICERS.*|MEMBERS PRESENT|CARRIED|LOST|NOTED|DRAFT|CONFIRMED|"
    r".*\bCOUNCIL|MINUTES OF (?!THE (?:PREVIOUS|LAST) MEETING).*|.*\bCOMMITTEE|CABINET)$"
)


@dataclass(frozen=True)
class RawItem:
    """An item as cut from the text, before speakers and decisions are read from it."""

    number: str
    title: str
    body: str
    minutes: str | None = None
    decision: str | None = None


@dataclass(frozen=True)
class _Heading:
    line: int
    number: str
    title: str
    title_lines: int  # lines the heading takes, the title line included


def split_items(text: str) -> tuple[str, list[RawItem]]:
    """Return the text before the first item, and the items."""
    lines = text.split("\n")
    headings = _headings(lines)
    if not headings:
        return text, []
    preamble = "\n".join(lines[: headings[0].line])
    items = []
    for index, heading in enumerate(headings):
        end = headings[index + 1].line if index + 1 < len(headings) else len(lines)
        body = "\n".join(lines[heading.line + heading.title_lines : end]).strip("\n")
        items.append(_item(heading, body))
    return preamble, items


def _item(heading: _Heading, body: str) -> RawItem:
    """Cut an item's body into its agenda text and its Minutes: and Decision: blocks."""
    blocks = _blocks(body)
    return RawItem(
        number=heading.number.rstrip("."),
        title=heading.title,
        body="\n\n".join(part for part in blocks.values() if part),
        minutes=blocks.get("minutes"),
        decision=blocks.get("decision"),
    )


def _blocks(body: str) -> dict[str, str]:
    """Return the body's parts keyed "agenda", "minutes" and "decision"."""
    parts: dict[str, list[str]] = {"agenda": []}
    current = "agenda"
    for line in body.split("\n"):
        if label := BLOCK_LABEL.match(line):
            current = "minutes" if label.group("label").lower() == "minutes" else "decision"
            parts.setdefault(current, [])
            continue
        parts[current].append(line)
    return {key: "\n".join(value).strip() for key, value in parts.items()}


def _headings(lines: list[str]) -> list[_Heading]:
    """Find item headings in the numbering style the document uses most."""
    by_style = {name: _find(lines, name) for name in STYLES}
    by_style["alone"] = [h for h in by_style["alone"] if h.title]
    style = max(by_style, key=lambda name: len(by_style[name]))
    found = by_style[style]
    if style == "alone":
        found = sorted(found + by_style["dotted"], key=lambda h: h.line)
    if len(found) < 1:
        return _caps_headings(lines)
    found = _increasing(found) if style in ("alone", "dotted") else found
    subs = _find_sub(lines, {h.line for h in found})
    return sorted(found + subs, key=lambda h: h.line)


def _find(lines: list[str], style: str) -> list[_Heading]:
    pattern = STYLES[style]
    found = []
    for index, line in enumerate(lines):
        if not _after_break(lines, index) or not (match := pattern.match(line)):
            continue
        if style == "alone":
            title, used = _next_title(lines, index)
            found.append(_Heading(index, match.group("number"), title, used))
        elif _is_title(match.group("title")):
            found.append(_Heading(index, match.group("number"), _tidy(match.group("title")), 1))
    return found


def _find_sub(lines: list[str], taken: set[int]) -> list[_Heading]:
    found = []
    for index, line in enumerate(lines):
        match = SUB_STYLE.match(line)
        if (
            index not in taken
            and match
            and _after_break(lines, index)
            and _is_title(match.group("title"))
        ):
            found.append(_Heading(index, match.group("number"), _tidy(match.group("title")), 1))
    return found


def _caps_headings(lines: list[str]) -> list[_Heading]:
    """Use unnumbered headings in capitals when a document numbers nothing."""
    found = []
    for index, line in enumerate(lines):
        match = CAPS_HEADING.match(line)
        if match and _after_break(lines, index) and not _NOT_HEADINGS.match(match.group("title")):
            found.append(_Heading(index, "", match.group("title").strip().rstrip(":"), 1))
    return found if len(found) >= 2 else []


def _next_title(lines: list[str], index: int) -> tuple[str, int]:
    """Return the title on the first non-blank line after a number alone on its line."""
    for offset in range(1, 4):
        if index + offset >= len(lines):
            break
        candidate = lines[index + offset].strip()
        if candidate:
            ok = _is_title(candidate) and not BLOCK_LABEL.match(candidate)
            return (_tidy(candidate), offset + 1) if ok else ("", 1)
    return "", 1


def _increasing(headings: list[_Heading]) -> list[_Heading]:
    """Drop numbered lines that go backwards: they are lists inside an item."""
    kept: list[_Heading] = []
    for heading in headings:
        value = _leading_number(heading.number)
        if not kept or value > _leading_number(kept[-1].number):
            kept.append(heading)
    return kept


def _leading_number(number: str) -> float:
    match = re.match(r"\d+(?:\.\d+)?", number)
    return float(match.group(0)) if match else 0.0


def _after_break(lines: list[str], index: int) -> bool:
    return index == 0 or not lines[index - 1].strip() or bool(BLOCK_LABEL.match(lines[index - 1]))


def _is_title(title: str) -> bool:
    """Tell a heading's title from the first line of a numbered paragraph."""
    title = title.strip()
    if len(title) > 150 or re.search(r"[a-z)]\.\s+[A-Z]", title):
        return False  # too long, or two sentences: a numbered paragraph
    return not re.search(r"[;,]$|\.$(?<!\b[A-Z]\.)", title) or (len(title) < 40 and title.isupper())


def _tidy(title: str) -> str:
    return re.sub(r"\s+", " ", title).strip()
