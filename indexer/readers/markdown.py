"""Markdown minutes (websites, static-site exports, notes apps) turned into plain minutes text.

Front matter gives a title and a date; headings become heading lines of their own; emphasis,
links, callouts and inline HTML (tables included) become text. The general extractors then read
the result like any other minutes text.
"""

from __future__ import annotations

import html
import re

from bs4 import BeautifulSoup

from indexer.readers.moderngov import html_text

_FRONT_MATTER_RE = re.compile(r"\A\ufeff?---[ \t]*\n(?P<body>.*?)\n---[ \t]*\n", re.DOTALL)
_FRONT_KEY_RE = re.compile(
    r"^(?P<key>title|date|chair(?:man|woman|person)?)\s*:\s*(?P<value>.+?)\s*$", re.M | re.I
)
_HEADING_RE = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(?P<text>.*?)[ \t#]*$")
_CALLOUT_RE = re.compile(r"^[ \t]*>[ \t]?(?:\[![\w-]+\][-+]?[ \t]*)?")
_LINK_RE = re.compile(r"!?\[(?P<text>[^\]]*)\]\([^)]*\)")
_EMPHASIS_RE = re.compile(r"(\*{1,3}|_{2,3})(?=\S)(?P<text>.+?)(?<=\S)\1")
# "_Dog Fouling_": one underscore emphasises only outside a word (not "file_name_here").
_UNDERSCORE_RE = re.compile(r"(?<![\w\\])_(?=[^\s_])(?P<text>[^_\n]*?[^\s_\\])_(?!\w)")
_BULLET_RE = re.compile(r"^[ \t]*[-*+][ \t]+")
_TABLE_RULE_RE = re.compile(r"^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-*:?\s*)*\|?\s*$")
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_PROTECT = 0xE000  # escaped characters are kept in the private use area while marks go
_HTML_BLOCK_RE = re.compile(r"<(?:table|div|p|br|tr|td|strong|em|span|ul|ol|li|h\d)\b", re.I)


def looks_like_markdown(text: str) -> bool:
    """Tell Markdown by front matter, or by several '#' headings or '**' emphases."""
    head = text[:5000]
    if _FRONT_MATTER_RE.match(head):
        return True
    headings = sum(1 for line in head.split("\n") if _HEADING_RE.match(line))
    return headings >= 2 or head.count("**") >= 6


def markdown_text(text: str) -> str:
    """Return the minutes text of a Markdown document, its front matter's title first, then
    its chair ("Chairman: Jane Ritchie") for the speakers' "The Chairman said"."""
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    lead = ""
    if front := _FRONT_MATTER_RE.match(text):
        facts = {m.group("key").lower(): _unquote(m.group("value")) for m in
                 _FRONT_KEY_RE.finditer(front.group("body"))}  # fmt: skip
        lead = "\n\n".join(v for k, v in facts.items() if k == "title") + "\n\n"
        lead += "".join(f"Chairman: {v}\n\n" for k, v in facts.items() if k.startswith("chair"))
        text = text[front.end() :]
    if _HTML_BLOCK_RE.search(text):
        text = html_text(BeautifulSoup(text, "lxml"))
    lines = [_line(line) for line in text.split("\n")]
    joined = "\n".join(line for line in lines if line is not None)
    return lead + re.sub(r"\n{3,}", "\n\n", html.unescape(joined)).replace("\xa0", " ").strip()


def _line(line: str) -> str | None:
    """Turn one Markdown line into text; a heading gets blank lines around it."""
    line = _CALLOUT_RE.sub("", line)
    if _TABLE_RULE_RE.match(line) and "-" in line:
        return None
    if heading := _HEADING_RE.match(line):
        return f"\n{_inline(heading.group('text'))}\n"
    line = _BULLET_RE.sub("", line)
    if line.strip().startswith("|"):
        line = " ".join(cell.strip() for cell in line.strip().strip("|").split("|"))
    return _inline(line)


def _inline(text: str) -> str:
    """Drop links' targets and emphasis marks; keep escaped characters ("1\\." is "1.")."""
    text = _ESCAPE_RE.sub(lambda m: chr(_PROTECT + ord(m.group(1))), text)
    text = _LINK_RE.sub(lambda m: m.group("text"), text)
    for _ in range(2):
        text = _EMPHASIS_RE.sub(lambda m: m.group("text"), text)
        text = _UNDERSCORE_RE.sub(lambda m: m.group("text"), text)
    text = re.sub(r"[\ue000-\ue0ff]", lambda m: chr(ord(m.group(0)) - _PROTECT), text)
    return text.replace("&nbsp;", " ").rstrip()


def _unquote(value: str) -> str:
    return value.strip().strip("\"'")
