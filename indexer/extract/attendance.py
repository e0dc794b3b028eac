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
_IN_THE_CHAIR_RE = re.compile(r"\s+in\s+the\s+chair\s*$", re.IGNORECASE)
_CHAIR_NOTE_RE = re.compile(
    r"(?:the\s+)?(?:chair|chairman|chairwoman|chairperson|in\s+the\s+chair)"
)
_ROLE_NOTE_RE = re.compile(
    r"(?P<name>(?:(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr)\.?(?:\s+(?:Mrs|Mr|Ms|Miss|Dr)\.?)?"
    r"(?:\s+[A-Z][\w'’.-]*){1,3}|[A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z][a-zà-ÿ'’-]+){1,2}))\s*"
    r"\((?P<role>[A-Z][^)]{3,80})\)"
)


_HOLDER_NOTE_RE = re.compile(
    r"\b(?:[Tt]he\s+)?(?P<role>Mayor|Chairman|Chair|Provost|Leader)\s*\((?P<name>(?:Councillor|Cllr)"
    r"[^)]{2,60})\)"
)


def find_roles(text: str) -> dict[str, str]:
    """Return who holds which office, from "Councillor X (Cabinet Member for Y)" notes."""
    roles = {}
    for match in _ROLE_NOTE_RE.finditer(text):
        name = re.sub(r"\s+", " ", match.group("name")).strip()
        for role in re.sub(r"\s+", " ", match.group("role")).lower().split(","):
            role = role.strip()
            if role and not _CHAIR_NOTE_RE.fullmatch(role) and "substitut" not in role:
                roles[role] = name
    for match in _HOLDER_NOTE_RE.finditer(text):
        roles[match.group("role").lower()] = re.sub(r"\s+", " ", match.group("name")).strip()
    return roles


def find_attendance(text: str) -> list[Attendance]:
    """Return the people each attendance label in ``text`` lists, with their roles."""
    found: list[Attendance] = []
    text = columns_to_lists(text)
    matches = list(_LABEL_RE.finditer(text))
    for index, match in enumerate(matches):
        role = LABELS[int(next(k for k, v in match.groupdict().items() if v)[1:])][1]
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        block = _block(text[match.end() : end], sentence=not match.group(0).rstrip().endswith(":"))
        found.extend(_people(block, role))
    for match in _CHAIR_RE.finditer(text):
        found.append(Attendance(_tidy(match.group("name")), "chair"))
    return _dedupe(found)


def columns_to_lists(text: str) -> str:
    """Rewrite a table whose header cells are labels ("Present | Apologies") as labelled lists."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        cells = [c.strip() for c in lines[index].split(" | ")]
        if len(cells) < 2 or not all(_LABEL_RE.fullmatch(f"{c}:") for c in cells):
            out.append(lines[index])
            index += 1
            continue
        columns: list[list[str]] = [[] for _ in cells]
        index += 1
        while index < len(lines) and lines[index].strip():
            for column, cell in zip(columns, lines[index].split(" | "), strict=False):
                if cell.strip():
                    column.append(cell.strip())
            index += 1
        out += [
            f"{label}: {'; '.join(names)}\n" for label, names in zip(cells, columns, strict=True)
        ]
    return "\n".join(out)


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
    if re.search(r"[,;]", text):
        text = re.sub(r"\s*\n\s*", " ", text)  # a wrapped list, not one name a line
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
        if plural and not re.match(r"(?:Councillor|Cllr|Council Member)\b", piece):
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
        if chaired := _IN_THE_CHAIR_RE.search(name):
            name = name[: chaired.start()]
            person_role = "chair"
        if role_holder := re.fullmatch(
            r"(?:The\s+)?(?:Mayor|Chairman|Chair|Provost)\s*\((.+)\)", name
        ):
            name = role_holder.group(1)
        notes = [n.strip() for n in ",".join(_PAREN_RE.findall(name)).lower().split(",")]
        note = " ".join(notes)
        if role in ("present", "also_present") and any(_CHAIR_NOTE_RE.fullmatch(n) for n in notes):
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
