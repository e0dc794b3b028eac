"""ModernGov "Agenda and minutes" pages, as a browser renders them to text or as HTML."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

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


def parse_moderngov_html(html: str, source: str) -> Meeting:
    """Read a ModernGov ieListDocuments or mgAi page, or any HTML minutes, as HTML."""
    soup = _soup(html)
    rows = [r for r in soup.find_all("tr") if r.find("td", class_="mgItemNumberCell")]
    if not rows:
        return meeting_from_text(clean_text(html_text(soup)), source)
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    outside = _text_outside_items(soup, rows)
    header = read_header(f"{title}\n\n{outside}")
    raw_items = [_row_item(row) for row in rows]
    return assemble(source, header, outside, raw_items, f"{outside}\n\n{html_text(soup)}")


def html_text(node: Tag | BeautifulSoup) -> str:
    """Render HTML to text with a blank line between blocks, as a browser would."""
    _number_lists(node)
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
