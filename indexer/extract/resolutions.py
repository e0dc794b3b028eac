"""Decisions: "RESOLVED that", "Agreed that", "ORDERED that", with outcome, votes and movers."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from indexer import trace
from indexer.extract import titles
from indexer.extract.attendance import split_names
from indexer.extract.numbers import NUMBER_WORD, words_to_int
from indexer.model import Item, Resolution

_MARKER = (
    r"(?:\bRESOLVED\b|\bResolved\s+(?:that|to|:)|\bIT\s+WAS\s+RESOLVED\b|\bIt\s+was\s+resolved\b"
    r"|\bAGREED\b|\bAgreed\s+(?:that|to|:)|\bORDERED\b|\bOrdered\s+that\b"
    r"|\bBe\s+it\s+(?:resolved|ordained)\b|\bDECISION\s*:|\bRECOMMENDED\s+that\b)"
)
MARKER_RE = re.compile(_MARKER)
# A motion's fate stated without "RESOLVED": a decision of its own.
FATE_RE = re.compile(
    r"\b(?:(?:motion|amendment|recommendation|proposal)\s+(?:was|is)|(?:motion|amendment"
    r"|recommendation|proposal)s\s+were)\s+(?:declared\s+|duly\s+)?"
    r"(?:carried|lost|defeated|withdrawn|agreed|adopted|passed)\b"
    r"|\bmotion\s+(?:carried|passed|failed)\b",  # "Motion Carried 6-1", "The motion carried, 7-0"
    re.IGNORECASE,
)
_AMENDMENT_RE = re.compile(r"\bamendment\b", re.IGNORECASE)
_LIST_LINE_RE = re.compile(r"^\s*(?:\(?[a-z0-9]{1,4}[.)]|[-•·*])\s+", re.IGNORECASE)

# Outcome words, most specific first; the first match wins.
_OUTCOME_PATTERNS: tuple[tuple[str, str], ...] = (
    ("lost", r"\b(?:declared\s+lost|was\s+lost|motion\s+(?:was\s+)?lost|motion\s+fell|defeated)\b"),
    ("withdrawn", r"\bwithdrawn\b"),
    (
        "deferred",
        r"\b(?:defer|deferred|adjourned\s+to\s+a\s+future|considered\s+again|held\s+over"
        r"|be\s+tabled|motion\s+to\s+table|tabled\s+until)\b"
        r"|\b(?:bring|brought|come|came)\s+(?:\w+\s+){0,4}?(?:back|to\s+(?:the|a)\s+(?:next|future))\b",
    ),
    ("postponed", r"\bpostponed\b"),
    ("referred", r"\b(?:referred|refer)\s+(?:back\s+)?to\b|\breferred\b"),
    ("amended", r"\bamended\s+and\s+(?:adopted|carried|approved)\b|\bas\s+amended\b"),
    ("carried", r"\bcarried\b"),
    ("passed", r"\bpassed\b(?!\s+(?:to|on)\b)"),
    ("adopted", r"\badopted\b"),
    ("approved", r"\b(?:approved|granted)\b|\bapproval[ \t]*\.?[ \t]*$"),  # "DECISION: Approval"
    ("noted", r"\bnoted\b"),
    ("received", r"\bbe\s+received\b|^\s*received\b"),
    ("agreed", r"\b(?:agreed|resolved|ordered|unanimously)\b"),
)
# "SUBSTITUTE MOTION: X moved to approve ...": it is voted first and, carried, is the decision.
_SUBSTITUTE_RE = re.compile(r"\bsubstitute\s+motion\b(?=[^.]{0,40}?\bmoved\b)", re.IGNORECASE)
_SUBSTITUTE_CARRIED_RE = re.compile(
    r"\bsubstitute\s+motion\s+(?:was\s+)?(?:carried|passed|adopted)\b", re.IGNORECASE
)
_MOTION_PARAGRAPHS = 8  # a motion, its words and its vote rarely run longer
# The words after "seconded by Y," up to a short subject: "the minutes ", "the Council ".
_AFTER_SECONDER = r"\bseconded\s+by\s+[^,.;]{3,60},\s+(?:the\s+)?(?:[\w-]+\s+){1,3}"
# A motion's fate as minutes report it, in the order tried.
_FATE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("withdrawn", r"\b(?:motion|amendment)\s+(?:was\s+)?withdrawn\b"),
    (
        "lost",
        r"\b(?:motion|amendment|it|which)\s+(?:was\s+|is\s+)?(?:declared\s+)?(?:failed|lost|fell"
        r"|defeated)\b|\bdeclared\s+(?:the\s+motion\s+)?(?:lost|defeated|failed)\b"
        r"|^\s*(?:motion\s+)?(?:lost|defeated|failed)\b|(?-i:\bLOST\b|\bFAILED\b)",
    ),
    (
        "passed",
        r"\b(?:motion|amendment|it|which)\s+(?:was\s+|is\s+)?(?:declared\s+)?passed\b"
        r"|\bdeclared\s+(?:the\s+motion\s+)?passed\b|(?-i:\bPASSED\b)|^\s*passed\b"
        r"|\bseconded\b[^.]{0,80}?\band\s+(?:was\s+)?(?:unanimously\s+)?passed\b",
    ),
    (
        "carried",
        r"\b(?:motion|amendment|it|which)\s+(?:was\s+|is\s+)?(?:declared\s+|duly\s+)?carried\b"
        r"|\bdeclared\s+(?:the\s+motion\s+)?carried\b|(?-i:\bCARRIED\b)|^\s*carried\b"
        r"|\bcarried\s+(?:unanimously|by\s+\w+|\d)"
        r"|\bseconded\b[^.]{0,80}?\band\s+(?:was\s+)?(?:unanimously\s+)?carried\b"
        # "the Board voted unanimously to approve", "voted 4-1 to approve"
        r"|\bvoted\s+(?:unanimously|\d{1,2}[^\S\n]*(?:-|–|to)[^\S\n]*\d{1,2})\s+"
        r"(?:to|in\s+favou?r)\b",
    ),
    # After its mover and seconder, what became of it: "On the proposal of X, seconded by Y,
    # the minutes were adopted" / "the report was noted" / "the Council agreed to ...".
    ("adopted", rf"{_AFTER_SECONDER}(?:was|were)\s+(?:duly\s+)?(?:adopted|confirmed)\b"),
    ("noted", rf"{_AFTER_SECONDER}(?:was|were)\s+(?:duly\s+)?noted\b"),
    (
        "agreed",
        rf"{_AFTER_SECONDER}(?:unanimously\s+)?(?:agreed|resolved|approved)\b"
        r"|\b(?:unanimously|duly|and|was|were)\s+(?:agreed|resolved|approved)\b"
        r"|(?:^|[.]\s+)Agreed\b|\ball\s+(?:were\s+)?in\s+favou?r\b|\ball\s+agreed\b"
        r"|\bagreed\s+by\s+all\b|\bgyda\s+phawb\s+yn\s+gyt[ûu]n\b|\byn\s+unfrydol\b",
    ),
    # Québec: "... et résolu à l'unanimité ..." / "ADOPTÉE", "ADOPTÉE À LA MAJORITÉ", "REJETÉE"
    ("lost", r"^\s*(?:proposition\s+)?rejet[ée]e\b"),
    (
        "adopted",
        r"^\s*adopt[ée]e?s?\b(?:\s+à\s+l['’]unanimit[ée]|\s+à\s+la\s+majorit[ée])?\s*\.?\s*$"
        r"|\bet\s+r[ée]solu\b",
    ),
)
_FATE_RES = tuple((n, re.compile(p, re.IGNORECASE | re.MULTILINE)) for n, p in _FATE_PATTERNS)
# What a carried motion decided: "That the report BE RECEIVED", "be referred to Cabinet".
_SUBSTANCE = {
    "referred": "referred", "deferred": "deferred", "postponed": "postponed",
    "tabled": "deferred", "approved": "approved", "adopted": "adopted",
    "accepted": "approved", "amended": "amended", "received": "received", "noted": "noted",
}  # fmt: skip
_SUBSTANCE_RE = re.compile(
    r"\b(?:be|is|are|been)\s+(?:hereby\s+|now\s+)?(" + "|".join(_SUBSTANCE) + r")\b",
    re.IGNORECASE,
)
# What a motion asks, in US action summaries: "Moved by X to receive and file", "to defer",
# "to delay final action until May 23". Receiving and filing alone notes a paper; with an
# approval ("receive, file and approve") it decides, so only the first words count; only the
# first thing asked counts ("to adopt and to refer to the City Manager to implement" decides).
_PURPOSE_RE = re.compile(
    # "moved to ...", and the Canadian "THAT Council refer ...", "THAT Council receive the
    # delegation for information"
    r"(?:\b(?:moved|motion)\b(?:(?!\bto\s)[^.;]){0,60}\bto"
    r"|\bTHAT\s+(?:the\s+)?(?:Council|Committee|Board|Commission)(?:\s+hereby)?)\s+"
    r"(?:(?P<noted>receive(?:,|\s+and)\s+file|receive\s[^.;]{0,60}?\bfor\s+information\b)"
    r"(?!,?\s+and\s+(?:approve|adopt|accept|grant|authori[sz]e|affirm|confirm)\b)"
    r"|(?P<deferred>defer|delay|postpone|table|continue\s+(?:the\s+|this\s+)?(?:item|matter|hearing"
    r"|public\s+hearing|to|until))\b|(?P<referred>refer)\b)",
    re.IGNORECASE,
)
# Decisions stated without a marker or a motion: "It was agreed to ...", "The minutes of the
# meeting ... were confirmed as a correct record", "The Committee noted the report", "... Noted".
_DECISION_RES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    (
        "minutes confirmed",
        re.compile(
            r"\bminutes\b[^.]{0,200}?\b(?:were|was|be)\s+(?:duly\s+|unanimously\s+|then\s+)?"
            r"(?:agreed|approved|confirmed|accepted|adopted|signed)\b[^.]*",
            re.IGNORECASE,
        ),
        "approved",
    ),
    (
        "it was agreed",
        re.compile(
            r"\bIt\s+was\s+(?:unanimously\s+|further\s+|therefore\s+)?agreed\b[^.]*"
            r"|\bCytunwyd\b[^.]*"  # Welsh: "it was agreed"
        ),
        "agreed",
    ),
    (
        "le conseil approuve",  # French: "le Conseil Municipal approuve le budget"
        re.compile(
            r"\b(?:le\s+conseil(?:\s+municipal|\s+communautaire)?|l['’]assembl[ée]e)\s+"
            r"(?:[^.]{0,40}?\s)?(?:approuve|adopte|d[ée]cide|accepte|valide|autorise)\b[^.]*"
            r"|(?:^|(?<=[.]\s))[^.\n]*\b(?:est|sont)\s+(?:approuv|adopt)[ée]e?s?\b[^.]*",
            re.IGNORECASE,
        ),
        "approved",
    ),
    (
        "the body noted",
        re.compile(
            r"(?:^|(?<=[.]\s))(?:The\s+)?(?:Committee|Council|Board|Cabinet|Commission|Panel"
            r"|Sub-Committee|Members|Councillors|Trustees)\s+(?:duly\s+)?(?:received\s+and\s+)?"
            r"noted\b[^.]*",
            re.MULTILINE,
        ),
        "noted",
    ),
    (
        "'Noted.' closing a line",
        re.compile(r"[^.\n]{3,200}[.,;]\s+Noted\.?[ \t]*$", re.MULTILINE),
        "noted",
    ),
    # A one-word decision closing an entry: "(*05-004) Minutes of May 2. Approved.", an
    # ordinance at its second reading "… Program.” Finally passed.", "… Center.” Adopted; and"
    # (the next entry shares it).
    (
        "one word closing an entry",
        re.compile(
            r"[^\n]{3,}[.)”\"]\s+(?-i:(?P<word>Approved|Accepted|Adopted|Carried|Agreed|Received"
            r"|Withdrawn|Deferred|Tabled|Postponed|Ratified|APPROVED|ACCEPTED|ADOPTED|CARRIED"
            r"|AGREED|RECEIVED|WITHDRAWN|DEFERRED|TABLED|POSTPONED|RATIFIED|Finally\s+passed"
            r"|FINALLY\s+PASSED))[.;]?[ \t]*$",
            re.MULTILINE,
        ),
        "agreed",
    ),
)
# The outcome each closing word gives.
_CLOSING_WORDS = {"accepted": "approved", "ratified": "approved", "tabled": "deferred"}
_FINALLY_RE = re.compile(r"^finally\s+", re.IGNORECASE)  # "Finally passed": passed
_OUTCOME_RES = tuple((name, re.compile(p, re.IGNORECASE)) for name, p in _OUTCOME_PATTERNS)
_OUTCOME_ORDER = {name: rank for rank, (name, _) in enumerate(_OUTCOME_PATTERNS)}
_VOTE_OUTCOMES = ("carried", "lost")
_VOTE_WORDS = re.compile(
    r"\bvot(?:e|es|ed|ing)\b|\b(?:motion|amendment)\s+(?:was|is)\b|\bAyes\b|\bYeas\b|\(Y-\d",
    re.IGNORECASE,
)

_N = rf"(\d+|(?:{NUMBER_WORD})(?:[\s-](?:{NUMBER_WORD}))*)"
_VOTE_RES = (
    re.compile(rf"{_N}\s+votes?\s+to\s+{_N}(?:,?\s+with\s+{_N}\s+abstentions?)?", re.IGNORECASE),
    # "with 9 votes for, 2 against and 1 abstention"
    re.compile(
        rf"{_N}\s+votes?\s+for,?\s+{_N}\s+(?:votes?\s+)?against(?:,?\s+(?:and\s+)?{_N}"
        r"\s+abstentions?)?",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:Ayes|Yeas|For|In\s+favour|Yes)\s*[:\-]?\s*(\d+)[.,;]?\s+"
        r"(?:Nays|Noes|Against|No)\s*[:\-]?\s*(\d+)"
        r"(?:[.,;]?\s+(?:Abstentions?|Abstain(?:ed|ing)?)\s*[:\-]?\s*(\d+))?",
        re.IGNORECASE,
    ),
    re.compile(r"\(Y-(\d+)(?:,?\s*N-(\d+))?(?:,?\s*A-(\d+))?\)"),
    # "Motion carried 6-0", "passed 5 to 2", "failed (2-3)", "by a vote of 4-1", "carried,
    # 4-0-1" (the third is the absent as often as the abstaining: not read)
    re.compile(
        r"\b(?:carried|passed|failed|approved|adopted|lost|defeated|vote\s+of|voted|vote:)"
        r"[^\S\n]*,?"
        r"[^\S\n]*\(?\b(\d{1,2})[^\S\n]*(?:-|–|to)[^\S\n]*(\d{1,2})\b"
        r"(?:[^\S\n]*[-–][^\S\n]*\d{1,2}\b)?(?![-/.]\d)",
        re.IGNORECASE,
    ),
)
_ABSTAIN_RE = re.compile(rf"{_N}\s+abstentions?", re.IGNORECASE)
# Titles that may stand before a mover's or seconder's name, in any country's minutes:
# "Councillor", "Cllr", "Cr", "Councilmember", "Board Member", "Vice Mayor/Board Member".
_TITLE_WORD = (
    r"(?:(?:Vice|Deputy|Acting|Assistant|Borough|County|District|Town|City|Parish|Lord|Pro\s+Tem)"
    rf"\s+)*(?:County\s+Councillor|{titles.COUNCILLOR}|Cllrs?\.?|Cr\.?"
    rf"|{titles.COUNCIL_MEMBER}|{titles.ALDERMAN}|Alderperson|Ald\.?|Mayor|Reeve|Warden"
    rf"|{titles.BOARD_TITLE}|{titles.BOARD_MEMBER}|Member|Director|President|{titles.CHAIR}"
    rf"|Secretary|Treasurer|{titles.SELECTMAN}|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?"
    r"|Cyng\.?|Cynghorydd)"
)
_TITLE = rf"{_TITLE_WORD}(?:\s*/\s*{_TITLE_WORD})*(?:\s+(?:{titles.COURTESY})\.?)?"
# A word of a name: an initial, a capitalised word, "deHaan"; never an all-capitals word ("BE")
# nor a word that starts the next clause ("Seconded by", "Motion carried").
_NAME_WORD = (
    r"(?!(?:Seconded|Seconder|Second|Moved|Mover|Motion|Carried|That|The|And|To|For|On|In"
    r"|Cllrs?|Councillors?|All|Agreed|Approved|Unanimously)\b)"
    r"(?:[A-Z]\.|(?![A-Z]{3,}\b)[A-Z][\w'’-]*|[a-z]{1,3}[A-Z][\w'’-]+)"
)
_NAME = rf"{_NAME_WORD}(?:[^\S\n]+{_NAME_WORD}){{0,3}}"
# After "moved by", a name alone will do; as a subject, a title or two words of a name.
_PERSON = rf"((?-i:(?:{_TITLE}\s+)?{_NAME}))"
_SUBJECT = (
    # at a sentence's start, after "and", or after a paragraph's number ("6.1 Mr Aquarone moved")
    r"(?:^|(?<=[.;:,]\s)|(?<=\band\s)|(?<=\n)|(?<=\d\s))(?<!Cllr\.\s)(?<!Cllrs\.\s)(?<!Mr\.\s)"
    r"(?<!Mrs\.\s)(?<!Ms\.\s)(?<!Dr\.\s)(?<!Cr\.\s)(?<![\s(][A-Z]\.\s)"
    rf"((?-i:(?!The\b|It\b|This\b|A\b){_TITLE}\s+{_NAME}|{_NAME_WORD}[^\S\n]+{_NAME}))"
)
# Who a French motion names before the name: "proposé par la conseillère Ginette Lemay".
_FRENCH_OFFICE = (
    r"(?:(?:le|la)\s+)?(?:(?:conseill[eè]re?|maire(?:sse)?(?:\s+suppl[ée]ante?)?)\s+)?"
    r"(?:(?:M\.|Mme|Monsieur|Madame)\s+)?"
)
# "Moved by X", "Motion by X", "Motion made by X", "On motion of X", "On the proposal of X"
# (Ireland), "MOVER: X", "Moved Cr X";
# each form named as a clerk would say it, for `parse --explain`.
_MOVER_FORMS: tuple[tuple[str, str], ...] = (
    ("moved by", rf"\b(?:moved|proposed|motion(?:\s+was)?(?:\s+made)?)\s+by\s*:?\s+{_PERSON}"),
    (
        "on motion of",
        rf"\b(?:up)?on\s+(?:the\s+)?(?:motion|proposal|proposition)\s+of\s+{_PERSON}",
    ),
    ("mover label", rf"\b(?:mover|moved|proposed|proposer)\s*[:\-–]\s*{_PERSON}"),
    ("moved and a title", rf"\b(?:moved|proposed|prop\.)\s+(?=(?-i:{_TITLE_WORD})\s){_PERSON}"),
    # "Prop. JB 2nd DD", "Prop.JB": initials, named from the attendance
    ("proposed and initials", rf"\bprop(?:osed)?(?:\.\s*|\s+)(?=(?-i:[A-Z]{{2,3}})\b){_PERSON}"),
    (
        "cynigiwyd gan",
        rf"\bcynigiwyd\s+gan\s+(?:y\s+)?{_PERSON}",
    ),  # Welsh: "Cynigiwyd gan y Cyng. X"
    ("moved/seconded", rf"\(moved\s*/\s*seconded\s*:?\s*{_PERSON}\s*/"),
    ("proposé par", rf"\bpropos[ée]e?\s+par\s+{_FRENCH_OFFICE}{_PERSON}"),  # Québec
    ("made a motion", rf"{_SUBJECT}[^\S\n]+(?-i:made|makes|put|puts)\s+(?:a|the)\s+motion\b"),
    # Scotland: "Mr Cameron, seconded by Mrs Campbell, moved that the report be noted."
    ("X, seconded by Y, moved", rf"{_SUBJECT},\s+seconded\s+by\s+[^,.;]{{3,60}},\s+moved\b"),
    (
        "X moved",
        rf"{_SUBJECT}[^\S\n]+(?-i:moved|moves|motioned|proposed|proposes)\b(?=\s*(?:,|that\b"
        r"|to\s+[a-z]+|the\b|(?:for\s+(?:the\s+)?)?(?:approval|adoption|acceptance|refusal|deferral)"
        r"|an?\s+amendment|a\s+motion|and\s+(?:[A-Z][\w.'’-]*\s+){1,4}seconded\b))",
    ),
)
# "Seconded by Y", "second by Y", "SECONDER: Y", "Y seconded the motion", "Y seconds".
_SECONDER_FORMS: tuple[tuple[str, str], ...] = (
    ("seconded by", rf"\bsecond(?:ed)?\s+by\s*:?\s+{_PERSON}"),
    # "Motion by Kinder, supported by Gunn" (Michigan townships)
    ("supported by", rf"(?:,[^\S\n]*|\band\s+)supported\s+by\s+{_PERSON}"),
    ("seconder label", rf"\b(?:seconder|seconded)\s*[:\-–]\s*{_PERSON}"),
    ("appuyé par", rf"\b(?:appuy[ée]e?|second[ée]e?)\s+par\s+{_FRENCH_OFFICE}{_PERSON}"),
    ("seconded and a title", rf"\bseconded\s+(?=(?-i:{_TITLE_WORD})\s){_PERSON}"),
    ("2nd and initials", rf"\b2nd\s+(?=(?-i:[A-Z]{{2,3}})\b){_PERSON}"),  # "Prop. JB 2nd DD"
    ("eiliwyd gan", rf"\beiliwyd\s+gan\s+(?:y\s+)?{_PERSON}"),  # Welsh: "eiliwyd gan y Cyng. Y"
    ("moved/seconded", rf"\(moved\s*/\s*seconded\s*:?\s*[^/)]+/\s*{_PERSON}\)"),
    (
        "X seconded",
        rf"{_SUBJECT}[^\S\n]+(?-i:seconded|seconds|second)\b(?!\s+(?:by|reading|time|vice)\b)",
    ),
)
_MOVER_RES = tuple((form, re.compile(p, re.IGNORECASE)) for form, p in _MOVER_FORMS)
_SECONDER_RES = tuple((form, re.compile(p, re.IGNORECASE)) for form, p in _SECONDER_FORMS)
_INITIALS_RE = re.compile(r"[A-Z]{2,3}")  # "JB": a member known by initials
# Who bears initials in this meeting ("JB" -> "Cllr Jo Bruce"), None when no one for certain.
Initials = Callable[[str], str | None]


def parse_outcome(text: str) -> str | None:
    """Return the outcome the text states, or None."""
    for name, pattern in _OUTCOME_RES:
        if pattern.search(text):
            return name
    return None


def _last_outcome(text: str) -> str | None:
    """Return the outcome stated last in ``text``: of the motions before a decision, the last
    was the one decided ("the motion to refuse was LOST. ... declared CARRIED that: ...")."""
    found = [(m.start(), name) for name, p in _OUTCOME_RES for m in p.finditer(text)]
    return max(found, key=lambda at: (at[0], -_OUTCOME_ORDER[at[1]]))[1] if found else None


def parse_votes(text: str) -> tuple[int | None, int | None, int | None]:
    """Return (for, against, abstaining) as stated in ``text``, None where not stated."""
    for pattern in _VOTE_RES:
        match = pattern.search(text)
        if match:
            votes = [words_to_int(g) if g else None for g in match.groups()]
            abstain = votes[2] if len(votes) > 2 else None
            if abstain is None and (extra := _ABSTAIN_RE.search(text)):
                abstain = words_to_int(extra.group(1))
            return votes[0], votes[1], abstain
    return None, None, None


def parse_movers(text: str) -> tuple[str | None, str | None]:
    """Return the mover and seconder named in ``text`` (bare initials name nobody certain)."""
    mover, seconder = _first_person(_MOVER_RES, text), _first_person(_SECONDER_RES, text)
    return _named(mover[0] if mover else None), _named(seconder[0] if seconder else None)


def _first_person(
    patterns: tuple[tuple[str, re.Pattern[str]], ...], text: str
) -> tuple[str, str, str] | None:
    """Return (person, form, words) of the earliest match of any pattern."""
    matches = [(form, m) for form, p in patterns if (m := p.search(text))]
    if not matches:
        return None
    form, match = min(matches, key=lambda pair: pair[1].start())
    return re.sub(r"\s+", " ", match.group(1)).rstrip(".,;"), form, match.group(0)


def _named(person: str | None, initials: Initials | None = None) -> str | None:
    """Return a person, bare initials ("JB") as the one member bearing them, else None."""
    if person is None or not _INITIALS_RE.fullmatch(person):
        return person
    return initials(person) if initials else None


def make_resolution(text: str, context: str = "") -> Resolution:
    """Build a Resolution from its words and the sentences around it (a mover's bare
    initials kept as written: `find_resolutions` names them)."""
    both = f"{context}\n{text}"
    votes_for, against, abstain = parse_votes(text)
    if votes_for is None:
        votes_for, against, abstain = parse_votes(context)
    mover, seconder = (
        _explained("mover", _MOVER_RES, both),
        _explained("seconder", _SECONDER_RES, both),
    )
    outcome = parse_outcome(text)
    voted = _last_outcome(context) if _VOTE_WORDS.search(context) else None
    if voted in _VOTE_OUTCOMES or outcome is None:
        outcome = voted or outcome
    named = named_votes(both)
    if votes_for is None and named:
        votes_for, against = len(named.get("for", ())), len(named.get("against", ()))
        abstain = len(named["abstained"]) if "abstained" in named else abstain
    return Resolution(
        text=text.strip(),
        outcome=outcome,
        votes_for=votes_for,
        votes_against=against,
        abstentions=abstain,
        mover=mover,
        seconder=seconder,
        voted_for=named.get("for", ()),
        voted_against=named.get("against", ()),
        abstained=named.get("abstained", ()),
    )


# A recorded vote's names by side, a side a line or a sentence: "For: Councillors A, B and C
# (3)", "Against (1): Councillor D", "AYES: COUNCILMEMBER X, COUNCILMEMBER Y", "Nays: None",
# "Roll call vote: Ayes: Coleman, Burns. Nays: None. Motion carried 2-0."
_SIDE = r"For|Against|Ayes?|Yeas?|Noes|Nays?|Abstain(?:ed|ing|ions?)?|Abstentions?|Recused|Absent"
_NAMED_VOTE_RE = re.compile(
    rf"(?:^[ \t]*|(?<=[.:;])[ \t]+)(?P<side>{_SIDE})[ \t]*(?:\(\d+\))?[ \t]*[:\-–][ \t]*"
    r"(?P<names>[^\n]+?)[ \t]*(?:\(\d+\)|[-–][ \t]*\d+)?[ \t]*"
    # the list ends at its line's end or a full stop, not an initial's or a title's
    r"(?:$|(?<!\b[A-Z])(?<!\bM[rs])(?<!\bMrs)(?<!\bDr)[.;](?=[ \t]|$))",
    re.IGNORECASE | re.MULTILINE,
)
# A plural title and a colon before a side's names: "AYES: Councilmembers: Bushey, Hill".
_VOTERS_TITLES = (*titles.PLURAL_TITLES, r"Council\s*members", r"Board\s*Members")
_TITLE_COLON_RE = re.compile(rf"^\s*({titles.alternatives(_VOTERS_TITLES)})\s*:\s*", re.IGNORECASE)
_SIDES = {"for": "for", "aye": "for", "ayes": "for", "yea": "for", "yeas": "for",
          "against": "against", "noes": "against", "nay": "against", "nays": "against"}  # fmt: skip


# A line of a list that goes on: after a comma, "and", or a title whose name is on the next
# line ("AYES: COUNCILMEMBER BACERRA, COUNCILMEMBER" / "HERNANDEZ, MAYOR AMEZCUA").
_GOES_ON_RE = re.compile(rf"(?:,|\band|\b(?:{_TITLE_WORD}))[ \t]*$", re.IGNORECASE)


def _wrapped(text: str, match: re.Match[str]) -> str:
    """Return a side's names with the lines its list runs on over."""
    names, at = match["names"], match.end()
    while _GOES_ON_RE.search(names) and (nxt := re.match(r"\n([^\n:]+)", text[at:])):
        if re.match(rf"[ \t]*(?:{_SIDE})\b", nxt[1], re.IGNORECASE):
            break
        names, at = f"{names} {nxt[1].strip()}", at + nxt.end()
    return names


def named_votes(text: str) -> dict[str, tuple[str, ...]]:
    """Return the names of a recorded vote by side ("for", "against", "abstained"), as
    written; a side that lists no one ("None", a count) names no one."""
    found: dict[str, tuple[str, ...]] = {}
    for match in _NAMED_VOTE_RE.finditer(text):
        side = match["side"].lower()
        if side == "absent":
            continue  # absent members did not vote
        side = _SIDES.get(side, "abstained")
        listed = re.sub(r"\s*\([^)\n]*\)", "", _wrapped(text, match))  # "(recusal)", "(Chair)"
        if titled := _TITLE_COLON_RE.match(listed):  # "Councilmembers: A, B" names each
            rest = listed[titled.end() :]
            listed = f"{titled.group(1)} {rest}" if split_names(rest) else rest  # or "None"
        names = tuple(n for n in split_names(listed) if re.search(r"[A-Za-z]{2}", n))
        if names and side not in found:
            found[side] = names
    return found


def _explained(
    fact: str, patterns: tuple[tuple[str, re.Pattern[str]], ...], text: str
) -> str | None:
    """Return the mover or seconder the earliest form names, noting the form."""
    found = _first_person(patterns, text)
    if found is None:
        return None
    trace.note(fact, found[0], f"'{found[1]}'", found[2])
    return found[0]


def find_resolutions(text: str, initials: Initials | None = None) -> list[Resolution]:
    """Return each resolution in ``text``: RESOLVED and its clauses, motions and their fate.

    :param initials: names the member who bears initials ("JB"), for "Prop JB 2nd GK".
    """
    return [_with_initials(r, initials) for r in _resolutions(text)]


def _decided(resolution: Resolution, rule: str) -> Resolution:
    """Note the decision and the rule that found it; return it."""
    trace.note("decision", resolution.outcome or "no outcome", rule, resolution.text)
    return resolution


def _with_initials(resolution: Resolution, initials: Initials | None) -> Resolution:
    """Return the resolution with a mover or seconder written as initials named, or dropped."""
    mover, seconder = _named(resolution.mover, initials), _named(resolution.seconder, initials)
    if (mover, seconder) == (resolution.mover, resolution.seconder):
        return resolution
    for fact, written, name in (
        ("mover", resolution.mover, mover),
        ("seconder", resolution.seconder, seconder),
    ):
        if name and name != written:
            trace.note(
                fact,
                name,
                "initials of a member in the attendance",
                f"{written}: {resolution.text}",
            )
    return replace(resolution, mover=mover, seconder=seconder)


def _resolutions(text: str) -> list[Resolution]:
    """Return each resolution in ``text``, movers' initials as written."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    found: list[Resolution] = []
    index, used = 0, -1
    while index < len(paragraphs):
        if MARKER_RE.search(paragraphs[index]):
            index = _take_marked(paragraphs, index, found, used)
            used = index - 1
        elif _opens_motion(paragraphs[index]):
            end = _motion_end(paragraphs, index)
            if end < len(paragraphs) and MARKER_RE.search(paragraphs[end]):
                index = end  # the motion is the context of the RESOLVED that follows
                continue
            found.append(
                _decided(_motion_resolution(paragraphs[index:end]), "a motion and its fate")
            )
            index = used = end - 1
            index += 1
        else:
            found += _plain_decisions(paragraphs, index)
            index += 1
    return found


def _take_marked(paragraphs: list[str], index: int, found: list[Resolution], used: int) -> int:
    """Add the resolution a marker ("RESOLVED") opens; return the index after its clauses."""
    match = MARKER_RE.search(paragraphs[index])
    assert match is not None
    before = paragraphs[index][: match.start()]
    body = [paragraphs[index][match.start() :]]
    start = index
    index += 1
    while index < len(paragraphs) and _continues(paragraphs[index]):
        body.append(paragraphs[index])
        index += 1
    context = before or _motion_context(paragraphs, start, used)
    tail = _tail(paragraphs, index)
    resolution = make_resolution("\n".join(body), context + tail)
    found.append(_decided(resolution, f"marker '{match.group(0).strip()}'"))
    return index + 1 if tail else index


def _motion_context(paragraphs: list[str], start: int, used: int) -> str:
    """Return the paragraphs before a resolution that move it or report the vote on it."""
    first = start - 1
    while first > used + 1 and first > start - 4 and not _opens_motion(paragraphs[first]):
        first -= 1
    if first > used and _opens_motion(paragraphs[first]):
        return "\n".join(paragraphs[first:start])
    return _previous(paragraphs, start - 1) if start - 1 > used else ""


def _opens_motion(paragraph: str) -> bool:
    """Tell a paragraph that moves or seconds a motion."""
    return any(p.search(paragraph) for _, p in (*_MOVER_RES, *_SECONDER_RES))


def _motion_end(paragraphs: list[str], index: int) -> int:
    """Return the index after a motion's paragraphs: through its fate, before the next one."""
    end = index + 1
    if _fate(paragraphs[index]):
        return end
    while end < len(paragraphs) and end - index < _MOTION_PARAGRAPHS:
        if MARKER_RE.search(paragraphs[end]) or _starts_motion(paragraphs[end]):
            return end
        end += 1
        if _fate(paragraphs[end - 1]):
            return end
    return end


def _starts_motion(paragraph: str) -> bool:
    """Tell a paragraph that begins with a new motion ("Moved by", "Councillor X moved")."""
    starts = [m.start() for _, p in _MOVER_RES if (m := p.search(paragraph))]
    return bool(starts) and min(starts) < 20


def _motion_resolution(paragraphs: list[str]) -> Resolution:
    """Build the resolution of a motion: its mover, seconder, votes and fate (a substitute
    motion that carried replaces the motion before it)."""
    text = "\n".join(paragraphs)
    if _SUBSTITUTE_CARRIED_RE.search(text) and (substitute := _SUBSTITUTE_RE.search(text)):
        text = text[substitute.start() :]
    resolution = make_resolution(text)
    return replace(resolution, outcome=motion_outcome(text) or _roll_call_fate(resolution))


def _roll_call_fate(resolution: Resolution) -> str | None:
    """Return the fate a motion's roll call gives when the minutes do not state one ("AYES:
    ... NOES: None" and nothing more): carried with more for than against, else lost."""
    if not resolution.voted_for and not resolution.voted_against:
        return None
    return "carried" if len(resolution.voted_for) > len(resolution.voted_against) else "lost"


def motion_outcome(text: str) -> str | None:
    """Return a motion's outcome: lost or withdrawn as its fate says, else what it decided."""
    fate = _fate(text)
    if fate in (None, "lost", "withdrawn"):
        return fate
    substance = _SUBSTANCE_RE.search(text)
    if substance:
        return _SUBSTANCE[substance.group(1).lower()]
    return _purpose(text) or fate


def _fate(text: str) -> str | None:
    """Return the fate a text reports of a motion: carried, passed, agreed, lost, withdrawn."""
    for name, pattern in _FATE_RES:
        if pattern.search(text):
            return name
    return None


def _plain_decisions(paragraphs: list[str], index: int) -> list[Resolution]:
    """Return the decisions a paragraph without a marker or a motion records."""
    paragraph = paragraphs[index]
    if _is_fate(paragraphs, index):
        resolution = make_resolution(paragraph)
        outcome = motion_outcome(paragraph) or resolution.outcome
        return [_decided(replace(resolution, outcome=outcome), "a motion's fate stated")]
    if len(paragraph) < 80 and index and (fate := _fate(paragraph)):
        outcome = motion_outcome(f"{paragraphs[index - 1]}\n{paragraph}") or fate
        return [_decided(Resolution(text=paragraph.strip(), outcome=outcome), "a short fate line")]
    for rule, pattern, outcome in _DECISION_RES:
        if match := pattern.search(paragraph):
            said = match.group(0).strip()
            if word := match.groupdict().get("word"):
                word = _FINALLY_RE.sub("", word).lower()
                outcome = _CLOSING_WORDS.get(word, word)
                return [_decided(Resolution(text=said, outcome=outcome), rule)]
            return [_decided(Resolution(text=said, outcome=parse_outcome(said) or outcome), rule)]
    return []


def _is_fate(paragraphs: list[str], index: int) -> bool:
    """Tell a paragraph that reports a motion's fate, not the vote on the next resolution."""
    following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
    if not FATE_RE.search(paragraphs[index]):
        return False
    return not MARKER_RE.search(following) or _AMENDMENT_RE.search(paragraphs[index]) is not None


def _previous(paragraphs: list[str], index: int) -> str:
    """Return the paragraph before a resolution when it reports the vote on it."""
    if index < 0 or _AMENDMENT_RE.search(paragraphs[index]):
        return ""
    return paragraphs[index]


def _continues(paragraph: str) -> bool:
    """Tell whether a paragraph carries on the resolution before it (a list clause)."""
    return bool(_LIST_LINE_RE.match(paragraph)) and not MARKER_RE.search(paragraph)


def _tail(paragraphs: list[str], index: int) -> str:
    """Return a following paragraph that reports the vote ("Carried", "(Y-5)")."""
    if index < len(paragraphs) and len(paragraphs[index]) < 200:
        following = paragraphs[index]
        if not MARKER_RE.search(following) and (
            parse_outcome(following) in ("carried", "lost") or parse_votes(following)[0]
        ):
            return "\n" + following
    return ""


# -- consent agendas: one motion adopts many items ---------------------------------------------

# A consent agenda or calendar, adopted by one motion: "the balance of the Consent Agenda".
CONSENT_RE = re.compile(r"\bconsent\s+(?:agenda|calendar)s?\b", re.IGNORECASE)
# A heading of consent items ("Consent Agenda", "Unanimous Consent"): it keeps the motion.
_CONSENT_WORD_RE = re.compile(r"\bconsent\b", re.IGNORECASE)
# The items it names: "items 3 through 95", "Consent Calendar Item Nos. 5 through 17", lettered
# "item A through K". A PDF may set a margin label ("MOTION:") inside the words: "Item\nMOTION:\n
# Nos. 8 through 37".
_RANGE_END = r"(\d+|(?-i:[A-Z])\b)"
_RANGE_RE = re.compile(
    rf"\bitems?:?\s+(?:(?-i:[A-Z]{{3,}}):\s+)?(?:nos?\.?\s*)?{_RANGE_END}\s*(?:through|thru|to|[-–])"
    rf"\s*{_RANGE_END}",
    re.IGNORECASE,
)
_LETTER_RE = re.compile(r"\(?([A-Z])[.)]?")  # an item lettered "A", "(B)", "C."
_LETTERS = 1_000_000  # letters rank apart from numbers
# The items kept out of it: "with the exception of Item No. 15", "except Items 7 and 9".
_EXCEPT_RE = re.compile(
    r"\bexcept(?:ion\s+of|ing)?\s+(?:for\s+)?(?:agenda\s+)?items?\s+(?:nos?\.?\s*)?"
    r"(\d+(?:\s*(?:,|and|&)\s*\d+)*)",
    re.IGNORECASE,
)
# An item marked as adopted on consent by an asterisk before its number: "(*05-004)", "*B.".
_STARRED_RE = re.compile(r"^\s*\(?\*\s*\w")
_LEADING_NUMBER_RE = re.compile(r"^\D{0,4}?(\d+)")  # "7(A)" -> 7, "Item 12" -> 12


def apply_consent(items: Sequence[Item]) -> tuple[Item, ...]:
    """Give a consent agenda motion's outcome and movers to each item it adopts unheard."""
    result = list(items)
    for host, item in enumerate(items):
        motion = next((r for r in item.resolutions if _is_consent_motion(r)), None)
        if motion is None:
            continue
        members = _consent_members(items, host, motion)
        for index in members:
            if not _decided_alone(result[index]):
                result[index] = _adopted(result[index], motion)
        if members and host not in members and not _CONSENT_WORD_RE.search(item.title):
            kept = tuple(r for r in result[host].resolutions if r is not motion)
            result[host] = replace(result[host], resolutions=kept)
    return tuple(result)


def _is_consent_motion(resolution: Resolution) -> bool:
    """Tell a motion that adopts a consent agenda (not one that removes an item from it)."""
    adopted = resolution.outcome is not None and resolution.outcome not in ("lost", "withdrawn")
    return adopted and bool(CONSENT_RE.search(resolution.text))


_ADOPTING = ("carried", "agreed", "adopted", "approved", "passed")


def _decided_alone(item: Item) -> bool:
    """Tell an item decided apart from the consent vote: by its own motion, or otherwise
    than adopted ("Withdrawn.")."""
    decided = [r for r in item.resolutions if r.outcome]
    return any(r.mover or r.outcome not in _ADOPTING for r in decided)


def _adopted(item: Item, motion: Resolution) -> Item:
    """Return an item adopted on consent: its own motion, if any, takes the consent vote's
    outcome (or what it asked, "to receive and file"); else the consent motion is its own,
    noting the item where it only asked that a paper be received and filed."""
    own = [r for r in item.resolutions if r.mover and not r.outcome]
    if not own:
        outcome = "noted" if _ASKS_NOTING_RE.search(f"{item.title}\n{item.text}") else None
        adopted = replace(motion, outcome=outcome) if outcome else motion
        trace.note(
            "decision", f"{item.number} {adopted.outcome}", "adopted on consent", motion.text
        )
        return replace(item, resolutions=(*item.resolutions, adopted))
    decided = tuple(
        replace(r, outcome=_purpose(r.text) or motion.outcome) if r in own else r
        for r in item.resolutions
    )
    return replace(item, resolutions=decided)


# An item that only asks that a paper be received and filed: "Recommended Action: Receive and
# file.", a title "Receive and File the Quarterly Report"; never "receive, file and approve".
_ASKS_NOTING_RE = re.compile(
    r"(?:^|\brecommend(?:ed\s+action|ation)\s*:?\s*(?:(?:is\s+)?to\s+)?)receive(?:,|\s+and)\s+file\b"
    r"(?!,?\s+and\s+(?:approve|adopt|accept|grant|authori[sz]e|affirm|confirm)\b)",
    re.IGNORECASE | re.MULTILINE,
)


def _purpose(text: str) -> str | None:
    """Return the outcome a motion's purpose gives ("to receive and file": noted), if any."""
    purpose = _PURPOSE_RE.search(text)
    return purpose.lastgroup if purpose else None


def _consent_members(items: Sequence[Item], host: int, motion: Resolution) -> list[int]:
    """Return the indexes of the items a consent motion adopts: its numbered range, else
    the items marked by an asterisk, else the sub-items of the consent heading it is under."""
    title = items[host].title if CONSENT_RE.search(items[host].title) else ""
    span = _RANGE_RE.search(f"{title}\n{motion.text}")
    ends = [_rank(span.group(1)), _rank(span.group(2))] if span else []
    if span and ends[0] is not None and ends[1] is not None:
        return _in_range(items, host, (ends[0], ends[1]), motion.text)
    starred = [i for i, item in enumerate(items) if _STARRED_RE.match(item.text)]
    return starred or _under_heading(items, host)


def _in_range(items: Sequence[Item], host: int, span: tuple[int, int], text: str) -> list[int]:
    """Return the items from the host on whose numbers lie in the span, until one leaves it."""
    excepted = {int(n) for m in _EXCEPT_RE.finditer(text) for n in re.findall(r"\d+", m.group(1))}
    members: list[int] = []
    for index in range(host, len(items)):
        value = _rank(items[index].number)
        if value is None:
            continue
        if not span[0] <= value <= span[1]:
            if members:
                break
            continue
        if value not in excepted and not _heading_or_unused(items, index):
            members.append(index)
    return members


def _rank(number: str) -> int | None:
    """Return where an item number falls in a range: "7(A)" 7, "Item 12" 12, "B." after "A"."""
    if letter := _LETTER_RE.fullmatch(number.strip()):
        return _LETTERS + ord(letter.group(1))
    leading = _LEADING_NUMBER_RE.match(number)
    return int(leading.group(1)) if leading else None


# A number kept on the agenda with nothing under it: "NUMBER NOT USED", "Item not used".
_UNUSED_RE = re.compile(r"\b(?:number|item|no\.?)\s+not\s+used\b", re.IGNORECASE)


def _heading_or_unused(items: Sequence[Item], index: int) -> bool:
    """Tell an item that is only a heading over sub-items ("7." over "7(A)") or an unused number."""
    following = items[index + 1].number if index + 1 < len(items) else ""
    number = items[index].number
    heads = bool(number) and bool(re.match(rf"{re.escape(number)}[^\d]", following))
    return heads or bool(_UNUSED_RE.search(items[index].title))


def _under_heading(items: Sequence[Item], host: int) -> list[int]:
    """Return a consent heading ("4. Consent Calendar") and its sub-items ("4-A", "4-B")."""
    heading = next((i for i in range(host, -1, -1) if CONSENT_RE.search(items[i].title)), None)
    if heading is None:
        return []
    stem = items[heading].number
    subs = [
        i
        for i in range(heading + 1, len(items))
        if stem and re.match(rf"{re.escape(stem)}[^\d]", items[i].number)
    ]
    return [heading, *subs] if host == heading or host in subs else []
