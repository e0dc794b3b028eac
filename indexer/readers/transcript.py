"""Transcripts: verbatim and caption records where each turn starts with "Name:"."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from indexer import trace
from indexer.assemble import read_attendance
from indexer.extract import titles
from indexer.extract.header import read_header
from indexer.extract.resolutions import find_resolutions, motion_outcome
from indexer.extract.speakers import ANSWER_RE
from indexer.model import Attendance, Contribution, Item, Meeting, Resolution


def _wordset(words: str) -> frozenset[str]:
    """Return the words of a space-separated list."""
    return frozenset(words.split())


# A turn at a line's start: a label of a few words, a colon, the words said. A form feed may
# come first (a page break in pdftotext output).
_TURN_RE = re.compile(r"^\f?\s*(?P<name>[A-Z][\w.'’ ()-]{1,60}?):\s+(?P<text>\S.*)$")
# A caption turn cut into the end of the last one after a dash: "Yeah-PAUL KENNEY: Thanks."
_RUN_IN_TURN_RE = re.compile(
    r"^(?P<lead>\S.{0,40}?)(?:--|[-–—])(?P<name>[A-Z][A-Z.'’ -]{2,40}[A-Z]):\s+(?P<text>\S.*)$"
)
# Words that make a label a field of a form, not a speaker: "RESOLVED:", "Roll Call:".
_FIELD_WORDS = _wordset(
    "resolved resolution resolutions motion motions moved mover seconded seconder second result"
    " results ayes nays noes yeas aye nay vote votes voting present absent apologies regrets"
    " note notes date time venue location place subject re attachment attachments action"
    " actions recommendation recommendations item items agenda minutes transcript meeting"
    " page call order roll comment comments report reports decision outcome carried lost"
    " tel phone email fax address ward file ref reference status purpose summary total"
    " cc bcc from to start end duration attendees attendance members officers staff"
)
# One-word labels that name a speaker by role: "Chair:", "CLERK:", "AUDIENCE:".
_ROLE_WORDS = _wordset(
    "chair chairman chairwoman chairperson mayor clerk secretary moderator speaker presiding"
    " cathaoirleach audience public member councillor commissioner director"
)
# Labels for a member of the public, named only by what they say: "AUDIENCE:", "PUBLIC:".
_CROWD_RE = re.compile(r"^(?:Audience|Public|Speaker|Caller|Unidentified\s+Speaker)$", re.I)
# A name the chair calls: capitalised words, with the particles of a name between them.
_CALLED_NAME = (
    r"(?<![\w'’.-])(?P<name>(?:(?:[A-Z][\w'’-]*|[A-Z]\.)\s+(?:(?:van|von|de|da|di|la|le|del)\s+)?){1,5}"
    r"[A-Z][\w'’-]+)"
)
# The chair calling the next speaker by name: "Our next speaker is former Director Jane Roe",
# "I'll now call on our next speaker in person, who is Tom Lee", "a hand raised from Ann Wu",
# "The first of whom I see is Bo Li", "Jane Roe, you are now recognized".
_CALLED_RE = re.compile(
    r"(?:\b(?:next|first|final|last)\s+(?:in-person\s+|online\s+|virtual\s+)?(?:speaker|individual"
    r"|person|caller|commenter)(?:\s+(?:in\s+person|online|this\s+evening|tonight|we\s+have))?"
    r"(?:,\s+(?:who\s+is\s+)?|\s+(?:is|will\s+be|who\s+is)\s+)(?:former\s+)?"
    r"|\b[Nn]ext\s+(?:we\s+have|up\s+is)\s+|\bcall\s+(?:on|upon)\s+|\bhands?\s+(?:raised\s+)?from\s+"
    rf"|\bfirst\s+of\s+whom\s+(?:I\s+see\s+)?is\s+|\brecogni[sz]e\s+){_CALLED_NAME}(?=\W)"
)
_RECOGNIZED_RE = re.compile(
    rf"{_CALLED_NAME},\s+(?:you(?:'re|’re|\s+are)\s+(?:now\s+)?recogni[sz]ed|please\s+go\s+ahead"
    r"|you\s+have\s+the\s+floor)"
)
# Words before a called name that are no part of it: "former RTD Director Claudia Folska".
_CALLED_TITLE_RE = re.compile(
    rf"(?:Former|Our|Next|Speaker|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|{titles.PRESIDING}|Director"
    rf"|{titles.BOARD_TITLE}|{titles.COUNCILLOR}|Councilmember|Council|Member)"
)
# How much the others may say while a member of the public is interrupted ("Please wrap up")
# before an unnamed turn of the public is taken for someone new.
_INTERRUPTION = 300
# Lower-case words a name may hold: "Gary van Dorn", "Maria de la Cruz".
_PARTICLES = _wordset("van von de der den da di la le du del dos of and")
# Prefixes joined to the capital after them in a name: "McDonald", "MacLeod", "DeSantis".
_NAME_PREFIX_RE = re.compile(r"(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|Du|O['’])$")
# A word glued to the next at a lower-to-upper case change: "CommissionerFernandez".
_GLUED_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")
# Answering the roll: "Present.", "Here, thank you.", or the chair's "I am present."
_PRESENT_RE = re.compile(
    r"^(?:present|here)\b[\s\w,.!]{0,20}$|\bI(?:'m|’m|\s+am)\s+(?:present|here)\b", re.IGNORECASE
)
# A turn labelled by a role, not a name ("Chair:", "The Mayor:", "Clerk:").
_ROLE_LABEL_RE = re.compile(
    rf"^(?:The\s+)?(?:Vice[- ]|Deputy\s+)?(?:{titles.PRESIDING}|Clerk|Presiding\s+Officer"
    r"|Speaker)$",
    re.IGNORECASE,
)
# The one holding that role naming themselves: "I'm Councillor Nigel Pryor, Chairman",
# "This is Erik Davidson, Chair of the Board", "My name is Gary van Dorn".
_SELF_NAMED_RE = re.compile(
    r"\b(?:I'm|I\s+am|I’m|This\s+is|[Mm]y\s+name\s+is|[Mm]y\s+name's|and\s+mine\s+is)\s+(?P<name>(?:[A-Z][\w.'’-]*\s+"
    r"(?:(?:van|von|de|da|di|la|le|del)\s+)?){1,4}?[A-Z][\w'’-]+)(?=\s*[,.]|\s+(?:and|speaking"
    r"|here|from|with|of)\b)"
)
# The chair announcing an item at a sentence's start: "Item 3, library opening hours.",
# "Moving on to agenda item 5.2: the budget", "Item F-2, which is the park".
_ITEM_RE = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:(?:[Ww]e\s+(?:now\s+)?(?:move|turn|come)\s+(?:on\s+)?to|"
    r"[Mm]oving\s+on\s*to|[Nn]ext\s+is|[Nn]ow)\s+)?(?:[Aa]genda\s+)?[Ii]tem\s+(?:[Nn]umber\s+)?"
    r"(?P<number>\d{1,3}(?:\.\d{1,2})?[a-z]?|[A-Z]-?\d{1,2}[a-z]?)\s*[,:–-]\s*"
    r"(?:which\s+is\s+)?(?P<title>[^.?!]{3,100})"
)
# The chair moving on, at a sentence's start or after "and": "We'll now move to public
# comment", "Moving on to the next item", "Next we have the Chair's report", "Let's go to the
# report of ...", "we will move into our report", "I will first start with the Audit Committee",
# "The last discussion item, again, is the charter".
_MOVE_RE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=,\s)|(?<=\band\s))(?:(?:So|OK|Okay|All\s+right|Now|And|With\s+that|At\s+this"
    r"\s+time|Finally),?\s+)*(?:(?:[Ww]e|I)(?:'ll|’ll|\s+will|'ve|’ve|\s+have|'re|’re|\s+are)?"
    r"(?:\s+now|\s+first)?\s+(?:going\s+to\s+)?|[Ll]et(?:'s|’s|\s+us)(?:\s+now)?\s+)?"
    r"(?:(?:[Mm]ov(?:e|ed|ing)|[Tt]urn(?:ing)?|[Gg]o|[Pp]roceed(?:ing)?)\s+(?:on\s*)?(?:to|onto|into)"
    r"|[Ss]tart\s+with|[Nn]ext(?:,)?\s+(?:is|we\s+have|up\s+is)|(?:[Tt]he|[Oo]ur)\s+(?:next|last"
    r"|final|first)\s+(?:\w+\s+){0,2}?item\b(?:[^.?!]|\b(?:Mr|Mrs|Ms|Dr)\.){0,80}?\s+is)\s+(?P<target>[^.?!;]{3,160})"
)
# The chair asking someone to lead an opening ceremony: "I'd like to call on Director Sloan to
# please read the land acknowledgment", "ask Councillor Reed to lead us in the Pledge".
_CALL_ON_RE = re.compile(
    r"\b(?:call\s+(?:on|upon)|ask|invite)\s+[^.?!]{1,60}?\s+to\s+(?:please\s+)?(?:lead\s+us\s+in"
    r"|read|give|deliver|offer|say)\s+(?P<target>(?:the|our|a)\s+[^.?!;,]{3,60})",
    re.IGNORECASE,
)
# The chair calling the roll, or closing the meeting: items of every agenda.
_ROLL_RE = re.compile(
    r"\b(?:call\s+(?:for\s+)?the\s+roll|(?:please\s+)?call\s+the\s+roll|take\s+(?:the\s+)?roll)\b",
    re.IGNORECASE,
)
_ADJOURN_RE = re.compile(
    r"\b(?:(?:this|the)\s+meeting\s+(?:is|will\s+be|stands)\s+adjourned|(?:we\s+are|we're)"
    r"\s+adjourned|(?:call|declare)\s+(?:this|the)\s+meeting\s+(?:adjourned|closed))\b",
    re.IGNORECASE,
)
# What a heading of several items goes on to name first: "The first is our draft policy".
_FIRST_IS_RE = re.compile(
    r"^(?:[^.?!]*[.?!]\s+){1,3}?The\s+first\s+(?:one\s+)?is\s+(?P<title>[^.?!;]{3,120})"
)
# A chair declaring a motion's fate aloud: "that motion will pass", "the motion fails".
_SPOKEN_FATE_RE = (
    (
        "carried",
        re.compile(
            r"\b(?:the|that|this)\s+motion\s+(?:will\s+|has\s+|is\s+)?(?:pass(?:es|ed)?|carr(?:y|ies"
            r"|ied)|been\s+(?:approved|adopted)|approved)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "lost",
        re.compile(
            r"\b(?:the|that|this)\s+motion\s+(?:will\s+|has\s+)?(?:fails?|failed|is\s+(?:lost"
            r"|defeated))\b",
            re.IGNORECASE,
        ),
    ),
)
# A tally read aloud: "That is 14 yes votes with 1 no", "with 15 Aye, and 0 no".
_SPOKEN_TALLY_RE = re.compile(
    r"\b(?P<yes>\d{1,3})\s+(?:yes|aye|yea)s?(?:\s+votes?)?\b[^.]{0,30}?\b(?P<no>\d{1,3})\s+"
    r"(?:no|nay|noe)s?\b",
    re.IGNORECASE,
)
# What an item is called, following "the next item": ", which is X", ". This is item B, X",
# ". The first is X".
_NAMED_NEXT_RE = re.compile(
    r"^(?:,?\s+which\s+is|[.]\s+(?:This\s+is|The\s+first\s+(?:one\s+)?is))\s+"
    r"(?:(?:agenda\s+)?item\s+(?P<number>[A-Z0-9][\w.-]{0,6}),?\s+)?(?P<title>[^.?!;]{3,120})",
    re.IGNORECASE,
)
# "the next item", "our next discussion item", "the next portion of the agenda".
_NEXT_ONLY_RE = re.compile(
    r"^(?:the|our)\s+(?:next|first|last|final|third|second)\b[^,]{0,40}$", re.IGNORECASE
)
# Words that tell an agenda heading from any other thing the chair moves on to.
_AGENDA_WORD_RE = re.compile(
    r"\b(?:reports?|comments?|participation|consent|minutes|business|matters|actions?|items?"
    r"|discussion|presentations?|hearings?|acknowledge?ment|pledge|allegiance|roll\s+call"
    r"|adjourn(?:ment)?|announcements?|correspondence|petitions?|ordinances?|resolutions?"
    r"|recognitions?|awards?|communications|session|forum|question\s+time|updates?"
    r"|proclamations?|appointments?|approval|invocation|motions?|committee|agenda)\b",
    re.IGNORECASE,
)
# Words of a target that is not an item: the next speaker, a vote, a question, a break.
_NOT_ITEM_RE = re.compile(
    r"\b(?:speakers?|list|podium|vote|roll\s+call\s+vote|questions?|break|recess|slides?"
    r"|microphone|phone|floor|presenters?)\b",
    re.IGNORECASE,
)
# The tail of a target that is not the item's name: "... portion of our agenda", "and I'd ...".
_TARGET_END_RE = re.compile(
    r"\s+(?:portion|part|section)\s+of\s+(?:the|our)\s+agenda\b.*$|,.*$|\s+and\s+(?:I|we)\b.*$"
    r"|\s+(?:now|please|tonight|this\s+evening|today|at\s+this\s+time)\b.*$",
    re.IGNORECASE,
)
# A transcript of one item names it in its heading: "Agenda Item F-2", "Item 10.1 Heath St".
_HEADER_ITEM_RE = re.compile(
    r"^(?:Agenda\s+)?Item\s+(?:No\.?\s*)?(?P<number>[A-Z]?-?\d{1,3}(?:\.\d{1,2})?[a-z]?|[A-Z])"
    r"(?:\s*[:–—-]\s*|\s+)?(?P<title>[^\[(]*?)\s*(?:[\[(].*)?$",
    re.IGNORECASE,
)
# A turn moving a motion: "I move approval", "Move to approve.", "So moved."
_MOVES_RE = re.compile(
    r"^(?:(?:Mr\.?|Madam|Madame)\s+\w+,?\s+)?(?:I(?:'d|’d|\s+would)?\s+(?:like\s+to\s+)?|I'll\s+"
    r")?(?:move|so\s+move[d]?)\b(?!\s+(?:on|to\s+(?:the\s+)?next))",
    re.IGNORECASE,
)
# A turn seconding it: "Second.", "I'll second", "Seconded."
_SECONDS_RE = re.compile(
    r"^(?:I(?:'ll|’ll|\s+will|\s+would)?\s+)?second(?:ed)?(?:\s+(?:it|that|the\s+motion))?\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Turn:
    speaker: str
    text: str
    role: str | None = None


def is_transcript(text: str) -> bool:
    """Tell a transcript: its lines are mostly "Name: words" turns, or several people take
    turns throughout it under labels that name them."""
    lines = [line for line in text.split("\n") if line.strip()]
    turns = [(i, t) for i, line in enumerate(lines) if (t := _turn(line)) and _says(t)]
    if len(turns) >= 5 and len(turns) >= 0.6 * len(lines):
        return True
    return _spoken_throughout(len(lines), turns)


def _spoken_throughout(lines: int, turns: list[tuple[int, _Turn]]) -> bool:
    """Tell turns that begin early and run through the text, by several repeated speakers."""
    said = [(i, t) for i, t in turns if _named(t.speaker)]
    if len(said) < 6 or said[0][0] > max(40, 0.15 * lines):
        return False
    counts = Counter(t.speaker for _, t in said)
    repeated = sum(1 for n in counts.values() if n >= 2)
    return len(counts) >= 3 and repeated >= 2 and len(said) * 25 >= lines - said[0][0]


def _says(turn: _Turn) -> bool:
    """Tell a turn that says something, not a bare answer to a roll call or a vote."""
    return not ANSWER_RE.match(turn.text)


def _named(speaker: str) -> bool:
    """Tell a label that names someone: two words or more, or a role ("Chair")."""
    return len(speaker.split()) >= 2 or speaker.lower() in _ROLE_WORDS


def _turn(line: str) -> _Turn | None:
    """Return the turn a line opens, or None."""
    match = _TURN_RE.match(line) or _RUN_IN_TURN_RE.match(line.strip())
    if not match:
        return None
    speaker = speaker_label(match.group("name"))
    return _Turn(speaker, match.group("text")) if speaker else None


def speaker_label(label: str) -> str | None:
    """Return the speaker a turn label names ("ERIK DAVIDSON" -> "Erik Davidson",
    "CommissionerFernandez" -> "Commissioner Fernandez"), or None for a field name."""
    label = unglue(re.sub(r"\s+", " ", label).strip())
    words = label.split()
    if not 1 <= len(words) <= 6 or re.search(r"\d", label):
        return None
    if any(w.lower().strip(".()") in _FIELD_WORDS for w in words):
        return None
    if not all(w[0].isupper() or w.lower() in _PARTICLES for w in words):
        return None
    if label.isupper():
        return _from_capitals(words)
    return label


def _from_capitals(words: list[str]) -> str | None:
    """Return a name written in capitals in ordinary case; one word only if it is a role."""
    if len(words) == 1 and words[0].lower() not in _ROLE_WORDS:
        return None
    return " ".join(w.lower() if w.lower() in _PARTICLES else w.capitalize() for w in words)


def unglue(label: str) -> str:
    """Split words a PDF ran together in a label: "MayorLago" -> "Mayor Lago"."""
    parts = _GLUED_RE.split(label)
    out = parts[0]
    for part in parts[1:]:
        out += part if _NAME_PREFIX_RE.search(out.split(" ")[-1]) else f" {part}"
    return out


def parse_transcript(text: str, source: str) -> Meeting:
    """Read turns into items, starting a new item where the chair moves on to one."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    first = next(i for i, line in enumerate(lines) if _turn(line))
    header_text = "\n".join(lines[:first])
    header = read_header(header_text)
    turns = _name_crowd(_name_roles(_turns(lines[first:])))
    number, title = _header_item(lines[:first])
    items = [_item(n, t, said) for n, t, said in _split_items(number, title, turns)]
    return Meeting(
        source=source,
        council=header.council,
        committee=header.committee,
        date=header.date,
        start_time=header.start_time,
        venue=header.venue,
        status=header.status,
        attendance=_attendance(header_text, turns),
        items=tuple(items),
    )


def _attendance(header: str, turns: list[_Turn]) -> tuple[Attendance, ...]:
    """Return those the heading lists, the chair the turns name ("Chair: ... I'm Councillor
    Nigel Pryor, Chairman."), and those who answered the roll."""
    found = read_attendance(header, [])
    listed = {a.name for a in found}
    # A "Chair:" label the chair's own words named (see _name_roles).
    chair = next((t.speaker for t in turns if t.role and _ROLE_LABEL_RE.match(t.role)), None)
    if chair and chair not in listed:
        found.append(Attendance(chair, "chair"))
        listed.add(chair)
    answered = dict.fromkeys(t.speaker for t in turns if _PRESENT_RE.search(t.text))
    found += [Attendance(name, "present") for name in answered if name not in listed]
    return tuple(found)


def _turns(lines: list[str]) -> list[_Turn]:
    """Return the turns, each with the lines that follow it until the next turn."""
    turns: list[_Turn] = []
    for line in lines:
        turn = _turn(line)
        if turn is None:
            if turns:
                turns[-1] = replace(turns[-1], text=f"{turns[-1].text} {line}")
            continue
        if (run_in := _RUN_IN_TURN_RE.match(line)) and not _TURN_RE.match(line) and turns:
            turns[-1] = replace(turns[-1], text=f"{turns[-1].text} {run_in.group('lead')}")
        turns.append(turn)
    return turns


def _header_item(header: list[str]) -> tuple[str, str]:
    """Return the item a transcript of one item names in its heading, or an opening."""
    for index in range(len(header) - 1, -1, -1):
        match = _HEADER_ITEM_RE.match(header[index])
        if not match:
            continue
        title = match.group("title").strip(" –—-:")
        if not title and index + 1 < len(header):
            title = header[index + 1].strip()
        return match.group("number").upper(), _title(title) if title else ""
    return "", "Opening"


def _split_items(number: str, title: str, turns: list[_Turn]) -> list[tuple[str, str, list[_Turn]]]:
    """Cut the turns into items where an item is announced; a turn is cut at the words."""
    chair = _chair(turns)
    items: list[tuple[str, str, list[_Turn]]] = [(number, title, [])]
    for turn in turns:
        last = 0
        opening = len(items) <= 4 and all(t != "Roll call" for _, t, _ in items)
        for start, announced in _announcements(turn, chair, opening):
            if _same_item(items[-1][:2], announced):
                continue
            if before := turn.text[last:start].strip():
                items[-1][2].append(replace(turn, text=before))
            items.append((*announced, []))
            last = start
        items[-1][2].append(replace(turn, text=turn.text[last:].strip()))
    return [item for item in items if item[2]]


def _same_item(current: tuple[str, str], new: tuple[str, str]) -> bool:
    """Tell an announcement of the item already under way ("Moving onto item F-2")."""
    if new[0] and new[0] == current[0]:
        return True
    words = set(re.findall(r"\w+", new[1].lower()))
    return bool(words) and words <= set(re.findall(r"\w+", current[1].lower()))


def _chair(turns: list[_Turn]) -> str | None:
    """Return who presides: a speaker labelled by the chair's role, else the one who speaks
    most often when that is at least a fifth of the turns."""
    for turn in turns:
        if _ROLE_LABEL_RE.match(turn.role or turn.speaker):
            return turn.speaker
    counts = Counter(t.speaker for t in turns)
    if not counts:
        return None
    speaker, times = counts.most_common(1)[0]
    return speaker if times * 5 >= len(turns) else None


def _announcements(
    turn: _Turn, chair: str | None, opening: bool
) -> list[tuple[int, tuple[str, str]]]:
    """Return (where, (number, title)) for each item announced in a turn: "Item 3, ..." by
    anyone, the ways of moving on by the chair; the roll call only at the ``opening``."""
    found = [(m.start(), _numbered(m)) for m in _ITEM_RE.finditer(turn.text)]
    if turn.speaker != chair:
        return found
    for pattern in (_MOVE_RE, _CALL_ON_RE):
        for match in pattern.finditer(turn.text):
            target = _target(match.group("target"), turn.text[match.end() :])
            if target and all(abs(match.start() - at) > 40 for at, _ in found):
                found.append((match.start(), target))
    if closing := _ADJOURN_RE.search(turn.text):
        found.append((_sentence_start(turn.text, closing.start()), ("", "Adjournment")))
    if opening and (roll := _ROLL_RE.search(turn.text)):
        found.append((_sentence_start(turn.text, roll.start()), ("", "Roll call")))
    return sorted(found)


def _numbered(match: re.Match[str]) -> tuple[str, str]:
    return match.group("number"), _title(match.group("title"))


def _sentence_start(text: str, at: int) -> int:
    """Return where the sentence holding position ``at`` starts."""
    ends = [m.end() for m in re.finditer(r"[.!?]\s+", text[:at])]
    return ends[-1] if ends else 0


def _target(words: str, after: str) -> tuple[str, str] | None:
    """Return (number, title) of what the chair moves on to, or None if it is no item."""
    item = re.match(
        r"(?:agenda\s+)?item\s+(?P<n>[A-Z0-9](?:[\w.-]{0,6}\w)?)\b(?:\s*[,:–-]\s*(?P<rest>.*))?",
        words,
        re.I,
    )
    if item:
        named = _NAMED_NEXT_RE.match(after)
        rest = item.group("rest") or (named.group("title") if named else "")
        if item.group("rest") is not None and not re.search(r"[^\W\d]{3}", rest):
            return None  # a number cut at a line end ("item F- 2"), not a title
        return item.group("n").upper(), _title(_TARGET_END_RE.sub("", rest))
    if _NEXT_ONLY_RE.match(words.strip()) or re.search(r"\bnext\b", words, re.I):
        named = _NAMED_NEXT_RE.match(words[words.find(",") :] if "," in words else after)
        if not named:
            return None
        number = (named.group("number") or "").upper()
        return number, _title(_TARGET_END_RE.sub("", named.group("title")))
    if first := _FIRST_IS_RE.match(after):  # "... discussion items. The first is X": X is one
        return _agenda_title(first.group("title"), named=True)
    return _agenda_title(words)


def _agenda_title(words: str, named: bool = False) -> tuple[str, str] | None:
    """Return ("", title) when the words name an agenda heading, else None; ``named``: the
    chair said it is an item ("The first is ..."), so it needs no agenda word."""
    title = _TARGET_END_RE.sub("", words).strip()
    title = re.sub(r"^(?:the|our|a)\s+", "", title, flags=re.IGNORECASE)
    if not (named or _AGENDA_WORD_RE.search(title)) or _NOT_ITEM_RE.search(title):
        return None
    if len(title) > 90:
        return None
    return "", _title(title)


def _name_roles(turns: list[_Turn]) -> list[_Turn]:
    """Give turns labelled by a role ("Chair:") the name its holder introduced themselves by."""
    names = _role_holders(turns)
    return [_Turn(names[t.speaker], t.text, t.speaker) if t.speaker in names else t for t in turns]


def _role_holders(turns: Iterable[_Turn]) -> dict[str, str]:
    """Return {role label: name} for role-labelled turns in which the speaker names themselves."""
    names: dict[str, str] = {}
    for turn in turns:
        role_only = _ROLE_LABEL_RE.match(turn.speaker) and turn.speaker not in names
        if role_only and (match := _SELF_NAMED_RE.search(turn.text)):
            names[turn.speaker] = match.group("name").strip()
    return names


def _name_crowd(turns: list[_Turn]) -> list[_Turn]:
    """Give a turn labelled "AUDIENCE:" or "PUBLIC:" the name the speaker gives in it, else the
    name the chair called them by, else the name of the same speaker interrupted."""
    named: list[_Turn] = []
    called, last, between, since_call = None, None, 0, 0
    for turn in turns:
        if not _CROWD_RE.match(turn.speaker):
            between += len(turn.text)
            since_call += len(turn.text)
            if new := _called(turn.text):
                called, since_call = new, 0
            named.append(turn)
            continue
        name = _self_named(turn.text)
        name = name or (called if since_call < _INTERRUPTION else None)
        name = name or (last if between < _INTERRUPTION else None)
        named.append(_Turn(name, turn.text) if name else turn)
        called, last, between = None, name, 0
    return named


def _self_named(text: str) -> str | None:
    """Return the name a member of the public gives: "My name is Tom Lee"."""
    match = _SELF_NAMED_RE.search(text[:400])
    if match:
        trace.note("speaker", match.group("name"), "a speaker giving their name", match.group(0))
    return match.group("name").strip() if match else None


def _called(text: str) -> str | None:
    """Return the full name of the next speaker the chair calls: "Our next speaker is Jane
    Roe", "Jane Roe, you are now recognized", "a hand raised from Jane Roe"."""
    for match in [*_CALLED_RE.finditer(text), *_RECOGNIZED_RE.finditer(text)]:
        words = match.group("name").split()
        titled = [i for i, w in enumerate(words) if re.fullmatch(_CALLED_TITLE_RE, w)]
        words = words[titled[-1] + 1 :] if titled else words  # "RTD Director Claudia Folska"
        if len(words) >= 2:
            trace.note("speaker", " ".join(words), "the chair calling the next speaker", text)
            return " ".join(words)
    return None


def _title(words: str) -> str:
    words = re.sub(r"\s+", " ", words).strip(" ,;:")
    return words[:1].upper() + words[1:]


def _item(number: str, title: str, turns: list[_Turn]) -> Item:
    said = "\n\n".join(t.text for t in turns)
    return Item(
        number=number,
        title=title,
        text="\n\n".join(f"{t.speaker}: {t.text}" for t in turns),
        contributions=tuple(_contribution(t) for t in turns),
        resolutions=_with_movers(find_resolutions(said), turns),
    )


def _contribution(turn: _Turn) -> Contribution:
    """Return a turn as a contribution, a role label kept as the speaker's role."""
    role = turn.role or (turn.speaker if _ROLE_LABEL_RE.match(turn.speaker) else None)
    return Contribution(turn.speaker, turn.text, role)


def _with_movers(found: list[Resolution], turns: list[_Turn]) -> tuple[Resolution, ...]:
    """Name the mover and seconder of a motion moved in turns ("Move to approve." / "Second.")
    on the first decision that names none, or as a decision of its own when it was put."""
    mover = next((t for t in turns if _MOVES_RE.match(t.text)), None)
    if mover is None:
        return tuple(found)
    after = turns[turns.index(mover) + 1 :]
    seconder = next((t.speaker for t in after[:4] if _SECONDS_RE.match(t.text)), None)
    if (open_ := next((i for i, r in enumerate(found) if not r.mover), None)) is not None:
        seconded = found[open_].seconder or seconder
        found[open_] = replace(found[open_], mover=mover.speaker, seconder=seconded)
        return tuple(found)
    said = " ".join(t.text for t in after)
    outcome = motion_outcome(said) or spoken_fate(said)
    if outcome is None:
        return tuple(found)
    return (*found, Resolution(mover.text, outcome=outcome, mover=mover.speaker, seconder=seconder))


def spoken_fate(text: str) -> str | None:
    """Return a motion's fate as a chair declares it aloud, or as the tally read out."""
    for outcome, pattern in _SPOKEN_FATE_RE:
        if pattern.search(text):
            return outcome
    if tally := _SPOKEN_TALLY_RE.search(text):
        return "carried" if int(tally.group("yes")) > int(tally.group("no")) else "lost"
    return None
