"""Who said what within an item.

"Councillor X said", "In response to a question from Councillor Y, the Cabinet Member for Z
said", "Derek Benson, Chairman of ..., attended to present" and later "Mr Benson".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from indexer.model import Contribution

# Titles before a name, in the minutes of any English-speaking country: "Councillor", "Cllr",
# "Cr", "Councilmember", "Supervisor", "Board Member", "Vice Mayor/Board Member", "Clerk".
_TITLE_HEAD = (
    r"(?:County\s+Councillor|Borough\s+Councillor|Councillor|Councilor|Cllr\.?|Cr\.?"
    r"|Council\s+Member|Councilmember|Councilman|Councilwoman|Alderman|Alderwoman|Ald\.?"
    r"|Commissioner|Supervisor|Trustee|Selectman|Selectwoman|Reeve|Warden|Board\s+Member"
    r"|Boardmember|Committee\s+Member|Staff\s+Member|Member|Mayor|President|Chair(?:man|woman"
    r"|person)?|Director|Clerk|Treasurer|Secretary|Manager|Attorney|Auditor|Engineer|Planner"
    r"|Chief|Superintendent|PCSO|Sergeant|Inspector)"
)
_TITLE_PREFIX = (
    r"(?:(?:Vice|Deputy|Acting|Interim|Assistant|Lord|Town|City|Parish|County|Borough|District"
    r"|Executive|General|Fire|Police|Planning|Finance|Public\s+Works|Pro\s+Tem|First|Second)\s+)*"
)
_TITLE = rf"{_TITLE_PREFIX}{_TITLE_HEAD}(?:\s*/\s*{_TITLE_PREFIX}{_TITLE_HEAD})*"
HONORIFIC = (
    rf"(?:{_TITLE}|Mr\.?|Mrs\.?|Ms\.?|Miss|Mx\.?|Dr\.?|Professor|Prof\.?|Sir|Dame|Lord|Lady"
    r"|Reverend|Rev\.?)"
)
_WORD = (
    r"(?:[A-Z]\.?|[A-Z][a-zà-ÿ'’-]+(?:-[A-Z][a-zà-ÿ'’-]+)?|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+"
    r"|O'[A-Z][a-z]+|[a-z]{1,3}[A-Z][a-z]+)"
)
PERSON = rf"{HONORIFIC}(?:\s+(?:Mrs|Mr|Ms|Dr)\.?)?(?:\s+{_WORD}){{1,4}}"
FULL_NAME = rf"(?!The\b|This\b|In\b|It\b|A\b){_WORD}(?:\s+{_WORD}){{1,3}}"
_OFFICE = r"[A-Z](?:(?!\s+and\s+the\s)[\w,&' ])+?"  # "Culture, Leisure and Libraries"
ROLE = (
    r"(?:[Tt]he\s+)?(?:Deputy\s+|Vice[- ])?(?:Chairman|Chairwoman|Chairperson|Chair"
    rf"|Leader\s+of\s+the\s+Council|Mayor|Cabinet\s+Member\s+for\s+{_OFFICE}"
    rf"|Portfolio\s+Holder\s+for\s+{_OFFICE}"
    r"|(?:Director|Head|Chief\s+Executive|Assistant\s+Director)"
    rf"(?:\s+(?:of|for)\s+{_OFFICE})?"
    r"|(?<=[Tt]he\s)(?:[A-Z][a-z]+\s+){1,4}(?:Officer|Manager|Solicitor|Clerk|Lawyer|Engineer"
    r"|Planner|Adviser|Advisor|Accountant|Surveyor))"
)
VERBS = (
    "said|says|asked|asks|responded|responds|replied|replies|stated|states|noted|notes|explained"
    "|explains|commented|comments|added|adds|queried|queries|suggested|suggests|proposed|moved"
    "|reported|reports|introduced|highlighted|welcomed|expressed|confirmed|confirms|advised"
    "|advises|informed|informs|questioned|raised|felt|thanked|thanks|agreed|pointed\\s+out"
    "|presented|presents|outlined|emphasised|emphasized|stressed|believed|indicated|indicates"
    "|requested|requests|sought|urged|argued|spoke|told|tells|undertook|clarified|acknowledged"
    "|summarised|summarized|concluded|gave|gives|updated|updates|reminded|reminds|supported"
    "|opposed|declared|circulated|wished|considered|assured|accepted|inquired|inquires|enquired"
    "|enquires|mentioned|mentions|discussed|discusses|recommended|recommends|addressed|shared"
    "|voiced|provided|announced|described|requested|thought|wondered|offered"
)
_LEAD = r"(?:(?:In\s+(?:reply|response|answer)|However|Also|Finally|Furthermore|Then),?\s+)?"
_PAREN = r"(?:\s*\([^)]{1,80}\))?"
_VERB = rf"(?:\s+(?:also|then|further|again|had|would|strongly))?\s+(?:{VERBS})\b"
_QUESTION_RE = re.compile(
    rf"In\s+(?:response|reply|answer)\s+to\s+(?:a\s+)?(?:questions?|queries|a\s+query)\s+"
    rf"(?:from|by)\s+(?P<asker>{PERSON}){_PAREN},?\s+(?P<answerer>{PERSON}|{ROLE}){_PAREN}"
    rf",?{_VERB}"
)
_SUBJECT_RE = re.compile(rf"^{_LEAD}(?P<who>{PERSON}|{ROLE}){_PAREN},?{_VERB}")
_APPOSITION_RE = re.compile(
    rf"^{_LEAD}(?:(?P<role>{ROLE}),\s+(?P<who>{PERSON})|(?P<who2>{PERSON}),\s+(?P<role2>{ROLE})),{_VERB}"
)
_INTRO_RE = re.compile(
    rf"^(?P<who>{FULL_NAME}),\s+(?P<role>[^,.]{{3,120}}?)(?:\s+\([A-Z]{{2,8}}\))?,?\s+"
    r"(?:attended|presented|introduced|gave|was\s+present|reported|addressed|spoke)"
)
# A transcript turn inside minutes: "Smith: I move approval.", "Mayor Lago: Thank you."
_TURN_RE = re.compile(rf"^(?P<who>{PERSON}|{FULL_NAME}|{_WORD}):\s+(?P<said>\S.*)$")
# A line that opens such a turn, so that turns on lines of their own part there.
_TURN_LINE_RE = re.compile(rf"\n(?=[ \t]*(?:{PERSON}|{_WORD}(?:\s+{_WORD}){{0,3}}):\s)")
# Words that show a turn says something: a person speaking, not a field ("Action: Approve",
# "Mr J Bloggs: Head of Planning") or a vote ("Councilmember Hale: Aye").
_SPEECH_RE = re.compile(
    r"\b(?:I|I'm|I'll|I've|I'd|we|we're|we'll|you|my|our|us|thank|thanks|move|second|yes"
    r"|okay|OK|so|think|would|will|can|could|should|is|are|was|were|have|has|do|does)\b",
    re.IGNORECASE,
)
# Words of a label that is a heading or a field, not a person: "Member Comments:".
_FIELD_RE = re.compile(
    r"\b(?:Comments?|Reports?|Updates?|Items?|Business|Action|Motion|Matters|Minutes|Agenda"
    r"|Present|Absent|Apologies|Note|Resolved|Time|Date|Questions?|Announcements?|Forum)\b",
    re.IGNORECASE,
)
_ANSWER_RE = re.compile(
    r"^(?:aye|nay|yes|no|yea|present|here|absent|abstain(?:ed)?|recused?|excused)\W*$", re.I
)
_CONTINUES_RE = re.compile(r"^(?:He|She|They|The\s+(?:Councillor|Member)|In\s+addition)\b")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z])")


@dataclass(frozen=True)
class _Said:
    speaker: str
    role: str | None
    sentence: str
    starts: bool


def find_contributions(text: str, known: Roster | Iterable[str] = ()) -> list[Contribution]:
    """Return each speaker's contribution in ``text``; ``known`` names resolve short forms."""
    people = known if isinstance(known, Roster) else Roster(known)
    contributions: list[Contribution] = []
    for paragraph in re.split(r"\n\s*\n", _TURN_LINE_RE.sub("\n\n", text)):
        current: _Said | None = None
        buffer: list[str] = []
        for sentence in split_sentences(paragraph):
            said = _attribute(sentence, people)
            if said:
                _flush(contributions, current, buffer)
                for extra in said[:-1]:
                    contributions.append(Contribution(extra.speaker, sentence, extra.role))
                current, buffer = said[-1], [sentence]
            elif current is not None and (buffer or _CONTINUES_RE.match(sentence)):
                buffer.append(sentence)
        _flush(contributions, current, buffer)
    return _merge(contributions)


def _flush(out: list[Contribution], said: _Said | None, buffer: list[str]) -> None:
    if said is not None and buffer:
        out.append(Contribution(said.speaker, " ".join(buffer), said.role))


def _merge(contributions: list[Contribution]) -> list[Contribution]:
    """Join a speaker's contributions that follow each other."""
    merged: list[Contribution] = []
    for item in contributions:
        if merged and merged[-1].speaker == item.speaker and item.text not in merged[-1].text:
            last = merged[-1]
            merged[-1] = Contribution(
                last.speaker, f"{last.text} {item.text}", last.role or item.role
            )
        elif not merged or merged[-1] != item:
            merged.append(item)
    return merged


def _attribute(sentence: str, people: Roster) -> list[_Said]:
    """Return who speaks in ``sentence`` (the asker first, then the one answering)."""
    sentence = sentence.strip()
    if match := _QUESTION_RE.search(sentence):
        asker = people.resolve(match.group("asker"))
        answerer, role = people.resolve_role(match.group("answerer"))
        return [_Said(asker, None, sentence, True), _Said(answerer, role, sentence, True)]
    if match := _INTRO_RE.match(sentence):
        name = _tidy(match.group("who"))
        people.add(name)
        return [_Said(name, _tidy(match.group("role")), sentence, True)]
    if match := _APPOSITION_RE.match(sentence):
        role = _tidy(match.group("role") or match.group("role2"))
        role = re.sub(r"^the\s+", "", role, flags=re.IGNORECASE)
        who = people.resolve(match.group("who") or match.group("who2"))
        return [_Said(who, role, sentence, True)]
    if said := _inline_turn(sentence, people):
        return [said]
    if match := _SUBJECT_RE.match(sentence):
        speaker, role = people.resolve_role(match.group("who"))
        if role is None and len(speaker.split()) >= 3:
            people.add(speaker)  # a full name, so that a later "Ms Vance" resolves to it
        return [_Said(speaker, role, sentence, True)]
    return []


def _inline_turn(sentence: str, people: Roster) -> _Said | None:
    """Return the speaker of a "Name: words" turn: a titled name, or a name the meeting's
    attendance knows ("Smith:" for Councillor Jane Smith), saying more than a vote."""
    match = _TURN_RE.match(sentence)
    if not match or _ANSWER_RE.match(match.group("said")):
        return None
    who = _tidy(match.group("who"))
    if not _SPEECH_RE.search(match.group("said")) or _FIELD_RE.search(who):
        return None
    if re.match(HONORIFIC, who) and len(who.split()) >= 2:
        return _Said(people.resolve(who), None, sentence, True)
    return _Said(people.resolve(who), None, sentence, True) if people.knows(who) else None


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences, not breaking after initials or honorifics."""
    text = re.sub(r"\s+", " ", paragraph).strip()
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        before = text[start : match.start()].rsplit(" ", 1)[-1]
        if re.fullmatch(r"(?:[A-Z]|Mr|Mrs|Ms|Dr|Cllr|Prof|Rev|St|No|Nos|[a-z])\.?", before):
            continue
        sentences.append(text[start : match.start()])
        start = match.end()
    if text[start:]:
        sentences.append(text[start:])
    return sentences


def _tidy(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip(" ,.")


def surname(name: str) -> str:
    """Return the last word of a name, lower-cased."""
    words = re.sub(r"\([^)]*\)", "", name).split()
    return words[-1].strip(".,").lower() if words else ""


class Roster:
    """The people of a meeting, so that "Mr Benson" resolves to "Derek Benson"."""

    def __init__(
        self,
        names: Iterable[str] = (),
        chair: str | None = None,
        roles: dict[str, str] | None = None,
    ) -> None:
        self.names: list[str] = []
        self.chair = chair
        self.roles = roles or {}
        for name in names:
            self.add(name)

    def add(self, name: str) -> None:
        if name not in self.names:
            self.names.append(name)

    def knows(self, written: str) -> bool:
        """Tell a name one of the meeting's people bears (by surname)."""
        key = surname(written)
        return bool(key) and any(surname(n) == key for n in self.names)

    def resolve(self, written: str) -> str:
        """Return the fullest known form of a name written short."""
        written = _tidy(written)
        key = surname(written)
        matches = [n for n in self.names if surname(n) == key and len(n) >= len(written)]
        return matches[0] if len(set(matches)) == 1 else written

    def resolve_role(self, written: str) -> tuple[str, str | None]:
        """Return (speaker, role) for a person or a role such as "the Chairman"."""
        written = _tidy(written)
        if re.match(HONORIFIC, written):
            return self.resolve(written), None
        role = re.sub(r"^the\s+", "", written, flags=re.IGNORECASE)
        if re.fullmatch(r"Chair(?:man|woman|person)?", role) and self.chair:
            return self.chair, role
        key = role.lower()
        portfolio = re.sub(r"^(?:cabinet\s+member|portfolio\s+holder)\s+for\s+", "", key)
        holder = self.roles.get(key) or self.roles.get(portfolio)
        return (self.resolve(holder), role) if holder else (role, role)
