"""Word's automatic list numbering, rendered as Word shows it ("3.", "3.1", "(b)", "•").

A paragraph numbered by Word keeps its number outside its text: ``w:numPr`` (on the paragraph
or on its style) names a list (``w:numId``) and a level (``w:ilvl``); numbering.xml maps the
list to an abstract definition whose levels give the format (decimal, letters, roman, bullet),
the text around the number (``%1.``, ``%1.%2``, ``(%2)``) and the start value. Paragraphs are
counted in document order: lists sharing a definition continue each other, a list with a
``w:startOverride`` counts on its own from that value, and a level restarts below a higher one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BULLET = "•"
_MAX_STYLE_DEPTH = 10
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


@dataclass(frozen=True)
class Level:
    """One level of a list definition: how its number is written."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    suffix: str = "tab"
    legal: bool = False
    style: str | None = None


@dataclass(frozen=True)
class ListDef:
    """A ``w:num``: its abstract definition, and the levels and starts it overrides."""

    abstract: str
    levels: dict[int, Level]
    starts: dict[int, int]


@dataclass(frozen=True)
class StyleNumbering:
    """A paragraph style's numbering and the style it is based on."""

    num_id: str | None
    ilvl: int | None
    based_on: str | None


class ListNumbers:
    """Give each paragraph of a document, taken in document order, its list number."""

    def __init__(self, document: Any) -> None:
        root = _numbering_root(document)
        self._abstracts = _abstracts(root)
        self._lists = _lists(root)
        self._styles = _styles(document)
        self._links = _style_links(root)
        self._counters: dict[str, dict[int, int]] = {}

    def prefix(self, p: Any) -> str:
        """Return the paragraph's list number and the space after it, or "" if unnumbered."""
        found = self._numbering(p)
        if found is None:
            return ""
        num_id, ilvl = found
        label = self._count(num_id, ilvl)
        if not label:
            return ""
        return label if self._level(num_id, ilvl).suffix == "nothing" else label + " "

    def _numbering(self, p: Any) -> tuple[str, int] | None:
        """Return the paragraph's list and level, from itself or its style, if it has one."""
        num_pr = p.find(f"{W}pPr/{W}numPr")
        num_id, ilvl = _num_pr(num_pr) if num_pr is not None else (None, None)
        style_id = _val(p.find(f"{W}pPr/{W}pStyle"))
        style_num, style_ilvl = self._style_numbering(style_id)
        num_id = num_id if num_id is not None else style_num
        if num_id is None or num_id == "0" or num_id not in self._lists:
            return None
        if ilvl is None:
            ilvl = style_ilvl if style_ilvl is not None else self._style_level(num_id, style_id)
        return num_id, ilvl

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """Return the list and level a style (or a style it is based on) numbers with."""
        num_id: str | None = None
        ilvl: int | None = None
        for _ in range(_MAX_STYLE_DEPTH):
            style = self._styles.get(style_id or "")
            if style is None:
                break
            num_id = num_id if num_id is not None else style.num_id
            ilvl = ilvl if ilvl is not None else style.ilvl
            style_id = style.based_on
        return num_id, ilvl

    def _style_level(self, num_id: str, style_id: str | None) -> int:
        """Return the level of the list that names ``style_id`` as its style, else 0."""
        levels = self._levels(num_id)
        return next((i for i, lvl in levels.items() if style_id and lvl.style == style_id), 0)

    def _levels(self, num_id: str) -> dict[int, Level]:
        """Return the levels of a list: its abstract definition's, with its overrides."""
        listdef = self._lists[num_id]
        abstract = self._abstracts.get(listdef.abstract, {})
        if not abstract and listdef.abstract in self._links:
            linked = self._style_numbering(self._links[listdef.abstract])[0]
            if linked is not None and linked in self._lists and linked != num_id:
                abstract = self._abstracts.get(self._lists[linked].abstract, {})
        return {**abstract, **listdef.levels}

    def _level(self, num_id: str, ilvl: int) -> Level:
        """Return one level of a list (a plain decimal level if it is not defined)."""
        return self._levels(num_id).get(ilvl, Level())

    def _count(self, num_id: str, ilvl: int) -> str:
        """Count the paragraph at ``ilvl`` of the list and return its number as Word shows it."""
        listdef = self._lists[num_id]
        key = f"num {num_id}" if listdef.starts else f"abstract {listdef.abstract}"
        counters = self._counters.setdefault(key, {})
        levels = self._levels(num_id)
        start = listdef.starts.get(ilvl, levels.get(ilvl, Level()).start)
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        return render(levels.get(ilvl, Level()), levels, counters, listdef.starts)


def render(
    level: Level, levels: dict[int, Level], counters: dict[int, int], starts: dict[int, int]
) -> str:
    """Write a level's number text, each ``%N`` replaced by level N-1's count in its format."""
    if level.fmt == "bullet":
        return BULLET

    def number(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        other = levels.get(index, Level())
        value = counters.get(index, starts.get(index, other.start))
        return format_number(value, "decimal" if level.legal else other.fmt)

    return re.sub(r"%([1-9])", number, level.text).strip()


def format_number(value: int, fmt: str) -> str:
    """Write ``value`` in a Word number format (decimal, lowerLetter, upperRoman, ...)."""
    if fmt == "none":
        return ""
    if fmt in ("lowerLetter", "upperLetter"):
        letters = _letters(value)
        return letters if fmt == "lowerLetter" else letters.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman if fmt == "lowerRoman" else roman.upper()
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _letters(value: int) -> str:
    """Write a count as Word's letters: a..z, then aa..zz, then aaa..."""
    if value < 1:
        return str(value)
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    """Write a count in lower-case roman numerals."""
    if value < 1:
        return str(value)
    out = []
    for size, numeral in _ROMAN:
        count, value = divmod(value, size)
        out.append(numeral * count)
    return "".join(out)


# -- reading numbering.xml and styles.xml ----------------------------------------------------


def _numbering_root(document: Any) -> Any:
    """Return the document's numbering.xml root element, or None when it has none."""
    try:
        part = document.part.part_related_by(RT.NUMBERING)
    except KeyError:
        return None
    element = getattr(part, "element", None)
    if element is not None:
        return element
    return parse_xml(part.blob)  # python-docx's parser: no entities, no network


def _abstracts(root: Any) -> dict[str, dict[int, Level]]:
    """Return each abstract list definition's levels by its id."""
    if root is None:
        return {}
    return {
        str(a.get(f"{W}abstractNumId")): _levels_of(a) for a in root.iterfind(f"{W}abstractNum")
    }


def _style_links(root: Any) -> dict[str, str]:
    """Return the style each abstract definition defers to (``w:numStyleLink``)."""
    if root is None:
        return {}
    links = {}
    for abstract in root.iterfind(f"{W}abstractNum"):
        link = _val(abstract.find(f"{W}numStyleLink"))
        if link:
            links[str(abstract.get(f"{W}abstractNumId"))] = link
    return links


def _lists(root: Any) -> dict[str, ListDef]:
    """Return each ``w:num`` by its id, with its level and start overrides."""
    if root is None:
        return {}
    lists = {}
    for num in root.iterfind(f"{W}num"):
        levels, starts = _overrides(num)
        abstract = _val(num.find(f"{W}abstractNumId")) or ""
        lists[str(num.get(f"{W}numId"))] = ListDef(abstract, levels, starts)
    return lists


def _overrides(num: Any) -> tuple[dict[int, Level], dict[int, int]]:
    """Return the levels a ``w:num`` redefines and the starts it overrides."""
    levels: dict[int, Level] = {}
    starts: dict[int, int] = {}
    for override in num.iterfind(f"{W}lvlOverride"):
        ilvl = _int(override.get(f"{W}ilvl")) or 0
        start = _int(_val(override.find(f"{W}startOverride")))
        if start is not None:
            starts[ilvl] = start
        lvl = override.find(f"{W}lvl")
        if lvl is not None:
            levels[ilvl] = _level(lvl)
    return levels, starts


def _levels_of(parent: Any) -> dict[int, Level]:
    """Return the ``w:lvl`` children of an element by their level number."""
    return {_int(lvl.get(f"{W}ilvl")) or 0: _level(lvl) for lvl in parent.iterfind(f"{W}lvl")}


def _level(lvl: Any) -> Level:
    """Read one ``w:lvl``: its format, number text, start, suffix and style."""
    fmt = _val(lvl.find(f"{W}numFmt")) or "decimal"
    text_el = lvl.find(f"{W}lvlText")
    text = _val(text_el) if text_el is not None else "%1."
    legal = lvl.find(f"{W}isLgl")
    start = _int(_val(lvl.find(f"{W}start")))
    return Level(
        fmt=fmt,
        text=text or "",
        start=start if start is not None else 1,
        suffix=_val(lvl.find(f"{W}suff")) or "tab",
        legal=legal is not None and _val(legal) not in ("0", "false"),
        style=_val(lvl.find(f"{W}pStyle")),
    )


def _styles(document: Any) -> dict[str, StyleNumbering]:
    """Return each paragraph style's numbering by its id; the default style also under ""."""
    styles: dict[str, StyleNumbering] = {}
    for style in document.styles.element.iterfind(f"{W}style"):
        if style.get(f"{W}type") != "paragraph":
            continue
        num_pr = style.find(f"{W}pPr/{W}numPr")
        num_id, ilvl = _num_pr(num_pr) if num_pr is not None else (None, None)
        entry = StyleNumbering(num_id, ilvl, _val(style.find(f"{W}basedOn")))
        styles[str(style.get(f"{W}styleId"))] = entry
        if style.get(f"{W}default") in ("1", "true"):
            styles[""] = entry
    return styles


def _num_pr(num_pr: Any) -> tuple[str | None, int | None]:
    """Return the list id and level a ``w:numPr`` names (either may be missing)."""
    return _val(num_pr.find(f"{W}numId")), _int(_val(num_pr.find(f"{W}ilvl")))


def _val(element: Any) -> str | None:
    """Return an element's ``w:val``, or None when there is no element."""
    return None if element is None else element.get(f"{W}val")


def _int(text: str | None) -> int | None:
    """Return ``text`` as an int, or None when it is missing or not a number."""
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None
