"""ModernGov "Agenda and minutes" pages, as a browser renders them to text or as HTML."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

from indexer.assemble import assemble, meeting_from_text
from indexer.extract.header import read_header
from indexer.extract.items import RawItem
from indexer.model import Meeting

_PAGE_RE = re.compile(
    r"^\s*(?:Agendas,\s+Meetings\s+and\s+Minutes\s+-\s+)?Agenda(?:,\s*decisions)?\s+and\s+"
    r"(?:draft\s+)?minutes\b",
    re.IGNORECASE | re.MULTILINE,
)
# Page furniture that is not minutes.
_CLUTTER_LINE_RE = re.compile(
    r"^\s*(?:Additional\s+documents:?|Supporting\s+documents:?|Share\s+this\s+item|Items|"
    r"No\.\s+Item|Agendas,\s+Meetings\s+and\s+Minutes\s+-.*|View\s+the\s+(?:background|"
    r"decision|reasons).*|Print\s+this\s+page.*|Contact:.*|Link:.*)\s*$",
    re.IGNORECASE,
)
_CLUTTER_INLINE_RE = re.compile(
    r"\s*(?:pdf\s+icon\s+)?\bPDF\s+\d+(?:\.\d+)?\s*[KM]B\b|\s*\.{3}\s*view\s+the\s+full\s+"
    r"(?:minutes|decision)\s+text\s+for\s+item\s+[\w./()]+\.?|\s*view\s+the\s+full\s+"
    r"(?:minutes|decision)\s+text\s+for\s+item\s+[\w./()]+\.?",
    re.IGNORECASE,
)

_DOCUMENT_LINK_RE = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?)(?:$|\?)", re.IGNORECASE)


def is_moderngov_text(text: str) -> bool:
    """Tell a ModernGov page rendered as text by its title and its "Minutes:" blocks."""
    return bool(_PAGE_RE.search(text[:3000])) and bool(
        re.search(r"^\s*(?:Minutes|Decision):\s*$", text, re.MULTILINE)
    )


def clean_text(text: str) -> str:
    """Remove ModernGov's page furniture: file-size links, "Share this item" and the like."""
    text = text.replace("\xa0", " ")
    lines = [_CLUTTER_INLINE_RE.sub("", line).rstrip() for line in text.split("\n")]
    kept = [line for line in lines if not _CLUTTER_LINE_RE.match(line)]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept))


def parse_moderngov_text(text: str, source: str) -> Meeting:
    """Read a ModernGov page that a browser rendered as text."""
    return meeting_from_text(clean_text(text), source)


def _soup(html: str) -> BeautifulSoup:
    soup = BeautifulSoup(html, "lxml")
    for junk in soup.find_all(["script", "style", "nav", "noscript", "footer", "template"]):
        junk.decompose()
    return soup


def page_text(html: str) -> str:
    """Return the text a reader of the page sees, without scripts and page furniture."""
    return clean_text(html_text(_soup(html)))


def read_moderngov_html(html: str, source: str) -> tuple[str, Meeting]:
    """Read a ModernGov ieListDocuments or mgAi page, or any HTML minutes: return the text a
    reader of the page sees and the meeting read from it, parsing the
    page once (twice for a ModernGov item table, whose rows are taken apart as they are read)."""
    soup = _soup(html)
    rows = [r for r in soup.find_all("tr") if r.find("td", class_="mgItemNumberCell")]
    if not rows:
        text = clean_text(html_text(soup))
        return text, meeting_from_text(text, source)
    return page_text(html), _item_table_meeting(soup, rows, source)


def _item_table_meeting(soup: BeautifulSoup, rows: list[Tag], source: str) -> Meeting:
    """Read a ModernGov page's item table: its title, the text outside it, one item a row."""
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    outside = _text_outside_items(soup, rows)
    header = read_header(f"{title}\n\n{outside}")
    raw_items = [_row_item(row) for row in rows]
    return assemble(source, header, outside, raw_items, f"{outside}\n\n{html_text(soup)}")


def html_text(node: Tag | BeautifulSoup) -> str:
    """Render HTML to text with a blank line between blocks, as a browser would."""
    _number_lists(node)
    for row in node.find_all("tr"):
        _pair_numbers(row)
    for br in node.find_all("br"):
        br.replace_with("\n")
    blocks = node.find_all(["p", "div", "li", "h1", "h2", "h3", "h4", "td", "th", "tr"])
    for block in blocks:
        block.insert_before("\n\n")
        block.insert_after("\n\n")
    text = node.get_text()
    text = re.sub(r"[ \t\xa0]+", " ", text)
    return re.sub(r"\n\s*\n(\s*\n)*", "\n\n", text).strip()


def _number_lists(node: Tag | BeautifulSoup) -> None:
    """Print each numbered list's numbers as a browser shows them ("1.", "b.", "iv."), from the
    list's `start` and `type` and an entry's own `value`."""
    for ordered in node.find_all("ol"):
        count = _int(ordered.get("start"), 1)
        for entry in ordered.find_all("li", recursive=False):
            count = _int(entry.get("value"), count)
            _first_line(entry).insert(0, f"{_list_number(count, str(ordered.get('type') or '1'))} ")
            count += 1


def _int(value: object, default: int) -> int:
    """Return an attribute's whole number, or ``default``."""
    return int(value) if isinstance(value, str) and value.strip().isdigit() else default


def _first_line(entry: Tag) -> Tag:
    """Return the element whose text opens a list entry: a heading or paragraph it starts with."""
    first = next((c for c in entry.children if not (isinstance(c, str) and not c.strip())), None)
    if isinstance(first, Tag) and first.name in _LINE_BLOCKS:
        return _first_line(first)
    return entry


_LINE_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b")


def _list_number(count: int, kind: str) -> str:
    """Return a list entry's number in the list's type: 1, a, A, i or I."""
    if kind in "aA" and 1 <= count <= 26:
        letter = chr(ord("a") + count - 1)
        return f"{letter.upper() if kind == 'A' else letter}."
    if kind in "iI":
        numeral = _roman(count)
        return f"{numeral if kind == 'I' else numeral.lower()}."
    return f"{count}."


def _roman(count: int) -> str:
    """Return a number in Roman numerals (4 -> "IV")."""
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    text = ""
    for value, numeral in numerals:
        while count >= value:
            text, count = text + numeral, count - value
    return text


# A minute number alone in its table cell ("16/09/6/18vii", "12.1", "5.", "(a)"), and a column
# header over the numbers ("Item", "Minute No.").
_CELL_NUMBER_RE = re.compile(r"^\(?[A-Z]{0,4}\d{1,4}(?:[./-]\d{1,4}){0,4}[a-z]{0,4}[.)]?$")
_CELL_HEADER_RE = re.compile(r"^[A-Za-z]+(?:\s+No\.?)?$")
# A list marker opening a sub-heading ("vii.", "(b)", "3)").
_MARKER_RE = re.compile(r"^\s*\(?(?P<marker>[ivxlc]{1,6}|[a-z]|\d{1,3})[.)]\s+", re.IGNORECASE)
_CONTINUED_RE = re.compile(r"\(?\b(?:continued|cont'?d|cont\.)\)?$", re.IGNORECASE)
_BREAK_TAGS = frozenset(("p", "div", "br", "li", "tr", "td", "th", "table", "h1", "h2", "h3", "h4"))
_BOLD_TAGS = frozenset(("strong", "b", "h1", "h2", "h3", "h4", "h5", "h6"))


@dataclass(frozen=True)
class _Line:
    """A line of a table cell: its text nodes, whether they are all bold, and its place."""

    texts: tuple[NavigableString, ...]
    bold: bool
    index: int

    @property
    def text(self) -> str:
        return " ".join("".join(self.texts).replace("\xa0", " ").split())


def _pair_numbers(row: Tag) -> None:
    """Write a table row's minute numbers, printed in a narrow column of their own, before the
    headings of its text column ("16/09/6/1" beside "Public Forum" -> "16/09/6/1 Public
    Forum"), the k-th number with the k-th heading, when the counts agree."""
    cells = row.find_all(["td", "th"], recursive=False)
    if len(cells) < 2:
        return
    numbers = _cell_numbers(cells[0])
    text_cell = max(cells[1:], key=lambda cell: len(cell.get_text()))
    lines = [line for line in _cell_lines(text_cell) if line.text]
    headings = _headings(lines)
    if not numbers or len(headings) == len(lines):
        return
    pairs = _pairs(numbers, headings, len(_cell_lines(cells[0])), len(lines))
    if pairs is None:
        return
    for (number, _), heading in pairs:
        _prefix(heading, number)
    cells[0].clear()


def _cell_numbers(cell: Tag) -> list[tuple[str, int]]:
    """Return the numbers of a cell holding nothing else (a column header aside), with their
    line's place; none when the cell holds other text."""
    lines = [line for line in _cell_lines(cell) if line.text]
    if lines and not _CELL_NUMBER_RE.match(lines[0].text) and _CELL_HEADER_RE.match(lines[0].text):
        lines = lines[1:]
    if not lines or not all(_CELL_NUMBER_RE.match(line.text) for line in lines):
        return []
    return [(line.text.rstrip("."), line.index) for line in lines]


def _cell_lines(cell: Tag) -> list[_Line]:
    """Split a cell into the lines a browser shows: a block or a break starts a new one; the
    text of a table inside the cell is no line of it."""
    lines: list[_Line] = []
    texts: list[NavigableString] = []
    bold = True

    def close() -> None:
        nonlocal texts, bold
        lines.append(_Line(tuple(texts), bold and bool(texts), len(lines)))
        texts, bold = [], True

    for node in cell.descendants:
        if isinstance(node, Tag):
            if node.name in _BREAK_TAGS:
                close()
            continue
        if not isinstance(node, NavigableString) or type(node) is not NavigableString:
            continue
        if node.find_parent("table") is not cell.find_parent("table"):
            continue
        if node.strip(" \t\n\xa0"):
            bold = bold and any(p.name in _BOLD_TAGS for p in _parents_within(node, cell))
            texts.append(node)
        elif texts:
            texts.append(node)
    close()
    return lines


def _parents_within(node: NavigableString, cell: Tag) -> Iterator[Tag]:
    """Yield a text's enclosing elements up to its cell."""
    for parent in node.parents:
        if parent is cell:
            return
        yield parent


def _headings(lines: list[_Line]) -> list[_Line]:
    """Return the heading lines of a text cell: a bold line alone, with words, no sentence and
    no tabbed gaps (a signature's "Chair ...... Date"); of headings straight after one another
    the sub-heading opened by a list marker, else the first; a heading "continued" is none."""
    headings: list[_Line] = []
    previous: _Line | None = None
    for line in lines:
        if not _is_heading(line):
            previous = None
            continue
        if previous is not None and not _MARKER_RE.match(line.text):
            continue
        if previous is not None:
            headings.pop()
        if _CONTINUED_RE.search(line.text):
            previous = None
            continue
        headings.append(line)
        previous = line
    return headings


def _is_heading(line: _Line) -> bool:
    """Tell a bold line that can title an item."""
    raw = "".join(line.texts).replace("\xa0", " ").strip()
    return (line.bold and re.search(r"[A-Za-z]{2}", line.text) is not None
            and len(line.text) <= 150 and not line.text.endswith(".")
            and not re.search(r"\S {4,}\S|\.{5}", raw))  # fmt: skip


def _pairs(
    numbers: list[tuple[str, int]], headings: list[_Line], number_lines: int, text_lines: int
) -> list[tuple[tuple[str, int], _Line]] | None:
    """Pair numbers and headings in order when their counts agree or one heading is spare; the
    spare one is the heading whose leaving out lines the rest up best with their numbers."""
    if len(headings) == len(numbers):
        return list(zip(numbers, headings, strict=True))
    if len(headings) != len(numbers) + 1:
        return None

    def cost(spare: int) -> float:
        kept = headings[:spare] + headings[spare + 1 :]
        return sum(abs(n[1] / max(number_lines, 1) - h.index / max(text_lines, 1))
                   for n, h in zip(numbers, kept, strict=True))  # fmt: skip

    spare = min(range(len(headings)), key=cost)
    return list(zip(numbers, headings[:spare] + headings[spare + 1 :], strict=True))


def _prefix(heading: _Line, number: str) -> None:
    """Write the number before a heading's text; a list marker the number ends with goes
    ("18vii" before "vii. Wish List" -> "18vii Wish List")."""
    first = heading.texts[0]
    text = str(first).lstrip(" \t\n\xa0")
    if (marker := _MARKER_RE.match(text)) and number.lower().endswith(marker["marker"].lower()):
        text = text[marker.end() :]
    first.replace_with(f"{number} {text}")


def _text_outside_items(soup: BeautifulSoup, rows: list[Tag]) -> str:
    """Return the page's text but for the item table (title, venue, attendance)."""
    body = soup.body or soup
    copy = BeautifulSoup(str(body), "lxml")
    for table in copy.find_all("table", class_="mgItemTable"):
        table.decompose()
    for row in copy.find_all("tr"):
        if row.find("td", class_="mgItemNumberCell"):
            row.decompose()
    return clean_text(html_text(copy))


def _row_item(row: Tag) -> RawItem:
    """Read one item row: number cell, title, agenda text, Decision: and Minutes: blocks."""
    number = row.find("td", class_="mgItemNumberCell").get_text(" ", strip=True)  # type: ignore[union-attr]
    cells = row.find_all("td", recursive=False) or row.find_all("td")
    content = cells[1] if len(cells) > 1 else cells[0]
    title_tag = content.find(class_="mgAiTitleTxt")
    title = clean_text(title_tag.get_text(" ", strip=True)) if title_tag else ""
    if title_tag:
        title_tag.decompose()
    for action in content.find_all(class_="mgActionList"):
        action.decompose()
    for link in content.find_all("a", href=_DOCUMENT_LINK_RE):
        if link.parent is not None and link.parent.name == "li":
            link.parent.decompose()
    blocks = _labelled_blocks(content)
    agenda = blocks.get("agenda", "")
    minutes, decision = blocks.get("minutes"), blocks.get("decision")
    body = "\n\n".join(part for part in (agenda, decision, minutes) if part)
    return RawItem(number.strip().rstrip("."), re.sub(r"\s+", " ", title), body, minutes, decision)


def _labelled_blocks(content: Tag) -> dict[str, str]:
    """Split an item cell at its "Decision:" and "Minutes:" sub-titles."""
    parts: dict[str, list[str]] = {"agenda": []}
    current = "agenda"
    for child in content.children:
        if not isinstance(child, Tag):
            continue
        label = child.get_text(" ", strip=True).rstrip(":").lower()
        if "mgSubItemTitleTxt" in (child.get("class") or []) and label in ("minutes", "decision"):
            current = label
            parts.setdefault(current, [])
            continue
        parts[current].append(clean_text(html_text(child)))
    return {k: "\n\n".join(p for p in v if p).strip() for k, v in parts.items()}
