"""Who was there: "Present:", "Apologies were received from A and B", "Officers", "Sederunt"."""

from __future__ import annotations

import re

from indexer.model import Attendance

# Each label that opens a list of people, and the role of the people it lists.
LABELS: tuple[tuple[str, str], ...] = (
    (r"apolog(?:y|ies)(?:\s+for\s+absence)?(?:\s+(?:were|was)\s+(?:received|given|submitted))?"
     r"(?:\s+from)?", "apologies"),
    (r"regrets", "apologies"),
    (r"leave\s+of\s+absence(?:\s+(?:was\s+)?granted\s+to)?", "absent"),
    (r"absent(?:\s+members)?", "absent"),
    (r"substitutes?(?:\s+members?)?", "substitute"),
    (r"(?:also\s+present|also\s+in\s+attendance|in\s+attendance)(?:\s+were)?", "also_present"),
    (r"officers?(?:\s+(?:present|in\s+attendance))?", "officer"),
    (r"(?:(?:council\s+)?members\s+present|councillors\s+present|present|sederunt)", "present"),
)  # fmt: skip
_LABEL_RE = re.compile(
    r"^[ \t]*(?:" + "|".join(f"(?P<r{i}>{p})" for i, (p, _) in enumerate(LABELS)) + r")"
    r"[ \t]*(?::|\s+(?-i:(?=[A-Z]))|[ \t]*$)",
    re.IGNORECASE | re.MULTILINE,
)
_NONE_RE = re.compile(r"^\s*(?:none|nil|no\s+apologies|n/a|there\s+were\s+(?:none|no\b))", re.I)
_CHAIR_RE = re.compile(
    r"^[ \t]*(?P<name>(?:Councillor|Cllr|Mr|Mrs|Ms|Dr|Mayor)[^\n]{2,60}?)\s+in\s+the\s+chair",
    re.IGNORECASE | re.MULTILINE,
)
_HONORIFIC = (
    r"(?:Councillors?|Cllrs?\.?|County\s+Councillor|Council\s+Members?|Mr|Mrs|Ms|Miss|Dr|Mx"
    r"|Prof|Sir|Dame|Lord|Lady|Reverend|Rev)"
)
_TITLE_WORDS = re.compile(
    r"\b(?:Officer|Director|Manager|Head|Clerk|Chief|Solicitor|Lawyer|Assistant|Secretary|"
    r"Services|Team|Lead|Adviser|Advisor|Engineer|Planner|Executive|Democratic|Treasurer)\b"
)
_PAREN_RE = re.compile(r"\(([^)]*)\)")


def find_attendance(text: str) -> list[Attendance]:
    """Return the people each attendance label in ``text`` lists, with their roles."""
    found: list[Attendance] = []
    matches = list(_LABEL_RE.finditer(text))
    for index, match in enumerate(matches):
        role = LABELS[int(next(k for k, v in match.groupdict().items() if v)[1:])][1]
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        block = _block(text[match.end() : end], sentence=not match.group(0).rstrip().endswith(":"))
        found.extend(_people(block, role))
    for match in _CHAIR_RE.finditer(text):
        found.append(Attendance(_tidy(match.group("name")), "chair"))
    return _dedupe(found)


def _block(text: str, sentence: bool) -> str:
    """Return the list that follows a label: up to a blank line, or one sentence."""
    text = re.split(r"\n[ \t\xa0]*\n", text.lstrip(" \t"), maxsplit=1)[0]
    if text.startswith("\n"):
        text = text[1:]
    return _first_sentence(text) if sentence else text


def _first_sentence(text: str) -> str:
    """Cut ``text`` after its first full stop that is not an initial or honorific."""
    for match in re.finditer(r"\.(?=\s+[A-Z(]|\s*$)", text):
        word = text[: match.start()].rsplit(None, 1)[-1] if text[: match.start()].strip() else ""
        if len(word) > 1 and not re.fullmatch(_HONORIFIC, word, re.IGNORECASE):
            return text[: match.start()]
    return text


def split_names(text: str) -> list[str]:
    """Split "Councillors A, B and C" or a list of lines into single people."""
    if _NONE_RE.match(text):
        return []
    pieces = [p for p in re.split(r"\s*(?:[,;\n•·]|\band\b|&)\s*", text) if p and p.strip()]
    names: list[str] = []
    plural = None
    for piece in _rejoin_parentheses(pieces):
        piece = _tidy(piece)
        if m := re.match(r"(Councillors|Cllrs\.?|Council Members)\s+(.*)", piece):
            plural, piece = m.group(1), m.group(2)
        if not piece:
            continue
        if names and not _looks_like_name(piece):
            continue  # a job title after the name: "Mr R Kachur, City Clerk"
        if plural and not re.match(_HONORIFIC, piece):
            piece = f"{_singular(plural)} {piece}"
        names.append(piece)
    return names


def _rejoin_parentheses(pieces: list[str]) -> list[str]:
    """Undo splits made inside brackets: "A (substitute for B, C)"."""
    joined: list[str] = []
    for piece in pieces:
        if joined and joined[-1].count("(") > joined[-1].count(")"):
            joined[-1] = f"{joined[-1]}, {piece}"
        else:
            joined.append(piece)
    return joined


def _singular(plural: str) -> str:
    return {"Councillors": "Councillor", "Council Members": "Council Member"}.get(plural, "Cllr")


def _looks_like_name(piece: str) -> bool:
    """Tell a person's name from a job title or a stray phrase."""
    bare = _PAREN_RE.sub("", piece).strip()
    if re.match(_HONORIFIC + r"\b", bare):
        return True
    return bool(re.match(r"[A-Z]", bare)) and not _TITLE_WORDS.search(bare)


def _people(block: str, role: str) -> list[Attendance]:
    people = []
    for name in split_names(block):
        person_role = role
        note = " ".join(_PAREN_RE.findall(name)).lower()
        if (
            role in ("present", "also_present")
            and re.search(r"\bchair", note)
            and "vice" not in note
        ):
            person_role = "chair"
        elif "substitut" in note:
            person_role = "substitute"
        clean = _tidy(_PAREN_RE.sub("", name))
        if clean and len(clean) <= 80 and re.search(r"[A-Za-z]{2}", clean):
            people.append(Attendance(clean, person_role))
    return people


def _tidy(name: str) -> str:
    name = re.sub(r"\s+", " ", name.replace("\xa0", " ")).strip(" .,;:-–")
    return re.sub(r"^(?:the|were|was|from)\s+", "", name, flags=re.IGNORECASE)


def _dedupe(found: list[Attendance]) -> list[Attendance]:
    """Keep one entry per person and role; a chair is not also listed as present."""
    chairs = {a.name for a in found if a.role == "chair"}
    seen: set[tuple[str, str]] = set()
    result = []
    for person in found:
        key = (person.name, person.role)
        if key in seen or (person.role == "present" and person.name in chairs):
            continue
        seen.add(key)
        result.append(person)
    return result
