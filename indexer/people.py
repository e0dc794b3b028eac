"""People: one person behind every name a council's minutes give them.

A registry per council, built from its meetings (attendance, speakers, movers and seconders):
"Councillor Zoë Hartley", "Zoë Hartley" and "Cllr Hartley" are one person when the council's
own minutes give the evidence, and each link says what that evidence was. Offices ("the Chair",
"Cabinet Member for Finance") are resolved to their holder only where the same minutes say who
holds them; otherwise they stay offices. Two people of one surname are never joined on the
surname alone.
"""

from __future__ import annotations

import itertools
import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePath
from typing import Any

from indexer.extract.speakers import ROLE, Roster
from indexer.model import Attendance, Contribution, Item, Meeting, Resolution

# Words of a title written before a name, lower-cased: "Councillor", "Council Member",
# "Mayor Pro Tem", "Interim City Manager", the Welsh "Cynghorydd Sir".
TITLE_WORDS = frozenset((
    "councillor", "councilor", "cllr", "cllrs", "cr", "council", "member", "members",
    "councilmember", "councilman", "councilwoman", "alderman", "alderwoman", "ald",
    "commissioner", "supervisor", "trustee", "board", "boardmember", "selectman", "selectwoman",
    "reeve", "warden", "mayor", "pro", "tem", "tern", "vice", "deputy", "acting", "interim",
    "assistant", "chief", "lord", "lady", "town", "city", "parish", "county", "borough",
    "district", "executive", "general", "first", "second", "committee", "staff", "chair",
    "chairman", "chairwoman", "chairperson", "president", "director", "clerk", "treasurer",
    "secretary", "manager", "attorney", "auditor", "engineer", "planner", "officer",
    "superintendent", "pcso", "pc", "sergeant", "inspector", "public", "works", "fire", "police",
    "planning", "finance", "compliance", "mr", "mrs", "ms", "miss", "mx", "dr", "professor",
    "prof", "sir", "dame", "reverend", "rev", "rabbi", "pastor", "imam", "cynghorydd", "cyng",
    "the",
))  # fmt: skip
# Courtesy titles that say a person's sex, which two forms of one person never contradict.
_SEX = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
# Honours and letters after a name: "MBE", "OBE", "JP".
_HONOURS = frozenset((
    "mbe", "obe", "cbe", "kbe", "dbe", "jp", "dl", "bem", "qc", "kc", "mp", "mep", "ma", "bsc",
    "phd", "esq", "jr", "sr",
))  # fmt: skip
# Words that start a surname of several words: "Van Dorn", "De Leon" ("O'Boyle" is one word).
_PARTICLES = frozenset(("van", "von", "de", "del", "della", "der", "di", "da", "le", "la", "du"))
# Given names within this many years of each other may be one person's ("J Smith" in 2019
# and "John Smith" in 2020); a short form further from every candidate stays as written.
WINDOW_YEARS = 6
# Titles of one kind, so that "Councilmember Hernandez" finds "Council Member Johnathan
# Ryan Hernandez" and not "Cristian Hernandez".
_MEMBER = ("councillor", "councilor", "cllr", "cr", "council", "member", "councilmember",
           "councilman", "councilwoman", "cyng", "cynghorydd")  # fmt: skip
_KINDS = {
    **dict.fromkeys(_MEMBER, "member"),
    **dict.fromkeys(("chair", "chairman", "chairwoman", "chairperson"), "chair"),
    "director": "director",
    "commissioner": "commissioner",
    "mayor": "mayor",
}
# How a name is given when a lone word is a surname: an attendance list, a mover, a seconder.
_FORMAL = ("attendance:", "mover", "seconder", "voter")
_OFFICE_RE = re.compile(rf"(?:{ROLE})")
_GLUED_RE = re.compile(r"^([A-Z][a-z]+)([A-Z][\w'’-]+)$")  # "CityAttorney", "MayorAmezcua"
# The last word of an office written without a name: "Chief Financial Officer", "City Clerk".
_OFFICE_HEADS = frozenset((
    "officer", "manager", "director", "clerk", "attorney", "engineer", "treasurer", "secretary",
    "advisor", "adviser", "planner", "coordinator", "solicitor", "executive", "chair",
    "chairman", "chairwoman", "chairperson", "mayor", "leader", "superintendent", "auditor",
    "administrator", "specialist", "surveyor",
))  # fmt: skip


@dataclass(frozen=True)
class Name:
    """A name as written, read into its parts: titles, sex, given names, surname."""

    written: str
    titles: tuple[str, ...]
    given: tuple[str, ...]
    surname: str
    sex: str = ""

    @property
    def initials(self) -> str:
        """Return the initials of the given names: "B J", "Bob James" -> "BJ"."""
        return "".join(fold(g)[0].upper() for g in self.given if g)

    @property
    def full_given(self) -> str:
        """Return the first given name when written in full, lower-cased and unaccented."""
        first = self.given[0] if self.given else ""
        return fold(first) if len(first.strip(".")) > 1 and not first.isupper() else ""

    @property
    def is_short(self) -> bool:
        """Tell a surname written without given name or initial ("Cllr Hartley")."""
        return not self.given

    @property
    def key(self) -> str:
        """Return the name without titles, for ids and display: "zoe-hartley"."""
        return slug(" ".join((*self.given, self.surname)))


def fold(text: str) -> str:
    """Return text lower-cased without accents: "Zoë" -> "zoe", "Müller" -> "muller"."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def slug(text: str) -> str:
    """Return a lower-case, hyphenated, unaccented form of ``text`` for ids."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def parse_name(written: str) -> Name | None:
    """Read a person's name into its parts, or None when it is no person's name (an office,
    a single given name such as "Michele", "Janine B", several people "Zone and Kelley")."""
    text = re.sub(r"\([^)]*\)", " ", written)
    if re.search(r"\band\b|&|\d", text):
        return None
    text = _uninvert(re.sub(r"\s+", " ", text).strip(" ,.;:"))
    words = [p for w in re.split(r"[\s/]+", text) if w for p in _unglue(w)]
    words = [w for w in words if fold(w).strip(".,") not in _HONOURS]
    # Titles run up to the last title word before the name, departments included:
    # "Acting Library Director Marlon Romero".
    last = max((i for i, w in enumerate(words[:5]) if _is_title(w) and i < len(words) - 1),
               default=-1)  # fmt: skip
    titles = [w.strip(",") for w in words[: last + 1]]
    words = words[last + 1 :]
    rest = [w.strip(",") for w in words]
    if not rest or (not titles and len(rest) == 1):
        return None  # "Marv", "Weitze": a lone word without a title may be a given name
    cut = _surname_start(rest)
    surname, given = " ".join(rest[cut:]), tuple(_split_initials(rest[:cut]))
    if len(surname.strip(".")) < 2 or surname.islower():
        return None
    sex = next((_SEX[fold(t).strip(".")] for t in titles if fold(t).strip(".") in _SEX), "")
    return Name(written, tuple(titles), given, surname, sex)


def _unglue(word: str) -> list[str]:
    """Split a title glued to a name ("MayorAmezcua"), never a name ("McCarthy")."""
    match = _GLUED_RE.match(word)
    if match and _is_title(match.group(1)):
        return [match.group(1), match.group(2)]
    return [word]


def _is_title(word: str) -> bool:
    """Tell a word of a title: "Cllr.", "Vice-Chair", "Councilmember"."""
    return all(part in TITLE_WORDS for part in fold(word).strip(".,").split("-"))


def _lone_surname(written: str) -> Name | None:
    """Read a lone word in an attendance list or as mover ("Kelley", "Dara-Abrams") as a
    surname."""
    word = written.strip(" ,.;:")
    if re.fullmatch(r"[A-Z][\w'’-]{2,}", word) and fold(word) not in TITLE_WORDS:
        return Name(written, (), (), word)
    return None


def _uninvert(text: str) -> str:
    """Turn "Smith, John" into "John Smith"."""
    match = re.fullmatch(r"([A-Z][\w'’-]+),\s*([A-Z][\w.'’ -]+)", text)
    return f"{match.group(2)} {match.group(1)}" if match else text


def _surname_start(words: list[str]) -> int:
    """Return where the surname starts: the last word, with particles before it."""
    cut = len(words) - 1
    while cut > 0 and fold(words[cut - 1]) in _PARTICLES:
        cut -= 1
    return cut


def _split_initials(words: list[str]) -> list[str]:
    """Split run-together initials: "B.J." -> "B", "J"; "BJ" -> "B", "J"."""
    out: list[str] = []
    for word in words:
        if re.fullmatch(r"(?:[A-Z]\.?){2,3}", word):
            out.extend(word.replace(".", ""))
        else:
            out.append(word.strip("."))
    return out


def compatible(a: Name, b: Name, typos: bool = True) -> bool:
    """Tell two names that may be one person's: one surname, no "Mr" against "Ms", given
    names or initials that agree where both are written ("Jan" and "Janet" agree).

    :param typos: also take a name misspelt by one letter ("Jaime", "Jamie") as the same.
    """
    if len({a.sex, b.sex} - {""}) > 1:
        return False
    if fold(a.surname) != fold(b.surname):
        # "Gene Putman" and "Gene Putnam": one given name, a surname misspelt
        same_given = a.full_given and a.full_given == b.full_given
        if not (typos and same_given and misspelt(fold(a.surname), fold(b.surname))):
            return False
    ia, ib = a.initials, b.initials
    if ia and ib and not (ia.startswith(ib) or ib.startswith(ia)):
        return False
    ga, gb = a.full_given, b.full_given
    if ga and gb and ga != gb:
        short, long = sorted((ga, gb), key=len)
        return (len(short) >= 3 and long.startswith(short)) or (typos and misspelt(ga, gb))
    return True


def misspelt(a: str, b: str) -> bool:
    """Tell two spellings of one name: two letters swapped ("Jaime", "Jamie"), or one letter
    changed in a long name ("Gwenfil", "Gwenfyl"); never the first letter ("Mark", "Mary"
    differ in the last, and are two people)."""
    if a[:1] != b[:1] or a == b:
        return False
    if len(a) == len(b) >= 4:
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
        return (swapped and a[diff[1]] == b[diff[0]]) or (len(diff) == 1 and len(a) >= 6)
    short, long = sorted((a, b), key=len)
    return (
        len(long) == len(short) + 1
        and len(short) >= 6
        and any(long[:i] + long[i + 1 :] == short for i in range(1, len(long)))
    )


def is_office(written: str) -> bool:
    """Tell an office written in place of a person: "Chair", "the Cabinet Member for X"."""
    text = re.sub(r"^the\s+", "", written.strip(), flags=re.IGNORECASE)
    if _OFFICE_RE.fullmatch(text) is not None:
        return True
    words = text.split()
    return bool(words) and fold(words[-1]) in _OFFICE_HEADS and not re.search(r"\d", text)


@dataclass(frozen=True)
class Mention:
    """One name form written at one meeting, and how: attendance role, speaker, mover."""

    form: str
    source: str
    date: date | None
    how: str
    office: str | None = None  # the office the minutes give the speaker there
    role: str | None = None  # what the minutes say the speaker is there, office or not


@dataclass(frozen=True)
class Evidence:
    """Why a name form was put with a person (or an office with its holder)."""

    form: str
    reason: str
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"form": self.form, "reason": self.reason, "source": self.source}


@dataclass
class Person:
    """A person (or an office left unresolved) of one council, with the forms seen."""

    id: str
    name: str
    kind: str = "person"  # or "office"
    forms: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    offices: list[str] = field(default_factory=list)
    meetings: set[str] = field(default_factory=set)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "forms": sorted(self.forms),
            "offices": sorted(set(self.offices)),
            "meetings": len(self.meetings),
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class OfficeUse:
    """An office written in place of a speaker at one meeting, and its holder if known."""

    office: str
    source: str
    holder: str | None  # a person id
    reason: str
    form: str = ""  # as written: "the Chairman"

    def to_dict(self) -> dict[str, Any]:
        return {
            "office": self.office,
            "form": self.form,
            "source": self.source,
            "holder": self.holder,
            "reason": self.reason,
        }


@dataclass
class Registry:
    """The people of one council: ids by (meeting, form), persons by id."""

    council: str
    people: dict[str, Person] = field(default_factory=dict)
    by_mention: dict[tuple[str, str], str] = field(default_factory=dict)
    offices: list[OfficeUse] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # of the meetings built from, in order
    notes: list[Note] = field(default_factory=list)  # what a known-people file could not do

    def ids(self, form: str) -> set[str]:
        """Return the ids a name form was given, at any meeting."""
        return {pid for (_, f), pid in self.by_mention.items() if f == form}

    def person_of(self, source: str, form: str) -> Person | None:
        """Return the person a form stands for at one meeting."""
        pid = self.by_mention.get((source, form))
        return self.people.get(pid) if pid else None

    def to_dict(self) -> dict[str, Any]:
        people = sorted(self.people.values(), key=lambda p: (p.kind, p.id))
        return {
            "council": self.council,
            "people": [p.to_dict() for p in people],
            "offices": [o.to_dict() for o in self.offices],
            "notes": [n.to_dict() for n in self.notes],
        }


def meeting_key(meeting: Meeting, alone: bool = True) -> str:
    """Return the key of a meeting: its file, with committee and date when the file holds
    several meetings (the City Record's Council, Board of Control...)."""
    if alone:
        return meeting.source
    return f"{meeting.source}#{meeting.committee or ''}@{meeting.date or ''}"


def mentions(meeting: Meeting, key: str | None = None) -> list[Mention]:
    """Return every name form a meeting gives a person, with how it was given."""
    key = key or meeting.source
    out = [Mention(a.name, key, meeting.date, f"attendance:{a.role}")
           for a in meeting.attendance]  # fmt: skip
    for item in meeting.items:
        for c in item.contributions:
            office = c.role if c.role and is_office(c.role) else None
            out.append(Mention(c.speaker, key, meeting.date, "speaker", office, c.role))
        for r in item.resolutions:
            out += [Mention(w, key, meeting.date, how)
                    for w, how in ((r.mover, "mover"), (r.seconder, "seconder")) if w]  # fmt: skip
            out += [Mention(w, key, meeting.date, "voter")
                    for w in (*r.voted_for, *r.voted_against, *r.abstained)]  # fmt: skip
    return out


def council_of(meeting: Meeting) -> str:
    """Return the council a meeting's people belong to: its council, or else its folder."""
    return meeting.council or f"folder {PurePath(meeting.source).parent.name or '.'}"


def build_registries(
    meetings: Iterable[Meeting], known: list[KnownPeople] | None = None
) -> dict[str, Registry]:
    """Return a registry per council named by the meetings. Meetings that name no council
    are grouped by their folder ("folder dev-rtd-iqm"): never two councils' people in one.

    :param known: the clerk's known-people files to apply; by default those found in the
        folders of the meetings' documents and above them (``people.toml``).
    """
    meetings = list(meetings)
    grouped: dict[str, list[Meeting]] = {}
    for meeting in meetings:
        grouped.setdefault(council_of(meeting), []).append(meeting)
    registries = {c: build_registry(c, ms) for c, ms in sorted(grouped.items())}
    if known is None:
        known = find_known_people(PurePath(m.source) for m in meetings)
    apply_known_people(registries, grouped, known)
    return registries


def build_registry(council: str, meetings: Iterable[Meeting]) -> Registry:
    """Return the registry of one council's people from its meetings."""
    return _Builder(council, list(meetings)).build()


class _Builder:
    """Link a council's name forms to persons in three passes: full names, short names at
    their meeting, offices at their meeting."""

    def __init__(self, council: str, meetings: list[Meeting]) -> None:
        self.registry = Registry(council)
        self.prefix = slug(council) or "council"
        self.meetings = meetings
        files = Counter(m.source for m in meetings)
        self.keys = _unique([meeting_key(m, files[m.source] == 1) for m in meetings])
        self.registry.keys = self.keys
        self.own = {k: mentions(meeting, k) for meeting, k in zip(meetings, self.keys, strict=True)}
        self.all = [m for k in self.keys for m in self.own[k]]
        self.names: dict[str, Name | None] = {}
        self.clusters: list[_Cluster] = []
        # Clusters by the first letter of their surname (a misspelt surname keeps it), and
        # by each full form they hold.
        self.by_letter: dict[str, list[_Cluster]] = {}
        self.by_form: dict[str, _Cluster] = {}
        self.taken: set[str] = set()
        self.by_id: dict[str, _Cluster] = {}

    def build(self) -> Registry:
        for mention in self.all:
            if mention.form not in self.names:
                self.names[mention.form] = (
                    None if is_office(mention.form) else parse_name(mention.form)
                )
        for mention in self.all:
            if self.names[mention.form] is None and mention.how.startswith(_FORMAL):
                self.names[mention.form] = _lone_surname(mention.form)
        for own in self.own.values():
            self._drop_pairs_of_surnames(own)
        self._cluster_full_names()
        for meeting, key in zip(self.meetings, self.keys, strict=True):
            self._resolve_meeting(meeting, key)
        held: dict[str, list[str]] = {}
        for use in self.registry.offices:
            if use.holder:
                held.setdefault(use.holder, []).append(use.office)
        for cluster in self.clusters:
            self._person(cluster, held.get(cluster.id(self), []))
        self._resolve_by_sole_holder()
        return self.registry

    # Pass 4: an office the meeting's minutes leave unnamed, held by one person only in all
    # the council's minutes, who is at that meeting: that person.
    def _resolve_by_sole_holder(self) -> None:
        holders: dict[str, set[str]] = {}
        for person in self.registry.people.values():
            if person.kind == "person":
                for office in person.offices:
                    holders.setdefault(office.lower(), set()).add(person.id)
        present: dict[str, set[str]] = {}
        for (source, _), pid in self.registry.by_mention.items():
            present.setdefault(source, set()).add(pid)
        for n, use in enumerate(self.registry.offices):
            sole = holders.get(use.office.lower(), set())
            if use.holder or len(sole) != 1 or not sole <= present.get(use.source, set()):
                continue
            holder = next(iter(sole))
            why = "the council's minutes name one holder of it, who is at this meeting"
            self.registry.offices[n] = OfficeUse(use.office, use.source, holder, why, use.form)
            gone = self.registry.by_mention.get((use.source, use.form))
            self.registry.by_mention[(use.source, use.form)] = holder
            self._drop_office_use(gone, use.source)

    def _drop_office_use(self, pid: str | None, source: str) -> None:
        """Forget an office's use at one meeting; an office used nowhere else goes."""
        if pid is None or pid not in self.registry.people:
            return
        if not any(s == source and p == pid for (s, _), p in self.registry.by_mention.items()):
            office = self.registry.people[pid]
            office.meetings.discard(source)
            if not office.meetings:
                del self.registry.people[pid]

    def _drop_pairs_of_surnames(self, own: list[Mention]) -> None:
        """Read a mover written as two of the meeting's surnames ("Brancatelli Kelley", two
        councillors moving together) as no one's name."""
        surnames = {fold(n.surname) for m in own if m.how.startswith("attendance:")
                    if (n := self.names.get(m.form))}  # fmt: skip
        for mention in own:
            name = self.names.get(mention.form)
            if (mention.how in ("mover", "seconder") and name and not name.titles
                    and len(name.given) == 1 and fold(name.given[0]) in surnames
                    and fold(name.surname) in surnames):  # fmt: skip
                self.names[mention.form] = None

    # Pass 1: names with a given name or initials, one cluster per person of the council.
    def _cluster_full_names(self) -> None:
        full = {form: n for form, n in self.names.items() if n and not n.is_short}
        seen: dict[str, str] = {}
        for mention in self.all:
            seen.setdefault(mention.form, mention.source)
        for form in sorted(full, key=lambda f: _specificity(full[f])):
            name = full[form]
            fits = [c for c in self._candidates(name) if c.accepts(name)]
            if len(fits) == 1:
                fits[0].add(name, _why_full(name, fits[0], seen.get(form)))
            elif not fits:
                self.clusters.append(_Cluster(name))
                self.by_letter.setdefault(_letter(name), []).append(self.clusters[-1])
        self._give_ids()
        dates: dict[str, set[date]] = {}
        roles: dict[str, set[str]] = {}
        for m in self.all:
            if m.date:
                dates.setdefault(m.form, set()).add(m.date)
            if m.role:
                roles.setdefault(m.form, set()).add(m.role)
        for cluster in self.clusters:
            cluster.full_forms = frozenset(cluster.forms)
            self.by_form.update(dict.fromkeys(cluster.forms, cluster))
            said = {role for form in cluster.forms for role in roles.get(form, ())}
            cluster.title_words = {w for n in cluster.names for w in _title_words(n)} | {
                fold(w) for role in said for w in re.findall(r"[A-Za-z]+", role)
            }
            cluster.dates = sorted({d for form in cluster.forms for d in dates.get(form, ())})

    def _candidates(self, name: Name) -> list[_Cluster]:
        """Return the clusters whose surname starts with the letter this name's does."""
        return self.by_letter.get(_letter(name), [])

    def _give_ids(self) -> None:
        """Name each person by council and fullest name, stable across rebuilds; a sex or a
        number is added only when two people would share it ("mr-j-smith", "ms-j-smith")."""
        bases = [f"{self.prefix}/{c.best().key}" for c in self.clusters]
        taken: set[str] = set()
        for cluster, base in zip(self.clusters, bases, strict=True):
            pid = base if bases.count(base) == 1 else self._free_id(cluster.best())
            n, unique = 2, pid
            while unique in taken:
                unique, n = f"{pid}-{n}", n + 1
            cluster._id = unique
            taken.add(unique)
            self.by_id[unique] = cluster
        self.taken = taken

    # Pass 2: each mention at its meeting: full names to their cluster, short names to the
    # one person of the meeting (or else of the council at that time) they can be.
    def _resolve_meeting(self, meeting: Meeting, key: str) -> None:
        own = self.own[key]
        here = list({id(c): c for m in own if (c := self.by_form.get(m.form))}.values())
        chair = next((m.form for m in own if m.how == "attendance:chair"), None)
        for mention in own:
            at = (mention.source, mention.form)
            if at in self.registry.by_mention:
                known = self.by_id.get(self.registry.by_mention[at])
                if known:
                    known.mentions.append(mention)
                continue
            name = self.names[mention.form]
            if name is None:
                self._unresolved(mention, is_office(mention.form))
                continue
            cluster, evidence = self._place(name, mention, here, chair)
            if cluster is None:
                self._unresolved(mention, False)
            else:
                cluster.mentions.append(mention)
                if evidence and mention.form not in cluster.forms:
                    cluster.forms.append(mention.form)
                    cluster.evidence.append(evidence)
                self.registry.by_mention[at] = cluster.id(self)
        self._resolve_offices(meeting, key, own, chair)

    def _place(
        self, name: Name, mention: Mention, here: list[_Cluster], chair: str | None
    ) -> tuple[_Cluster | None, Evidence | None]:
        home = self.by_form.get(mention.form)
        if home:
            return home, None
        fits = [c for c in here if c.accepts(name)]
        if len(fits) > 1:
            fits = _narrow_by_title(name, fits, chair)
        if len(fits) == 1:
            what = "the only person of that name at this meeting"
            return fits[0], Evidence(mention.form, what, mention.source)
        if fits:
            return None, None  # two of that surname at this meeting: never guess
        near = [c for c in self._candidates(name) if c.accepts(name) and c.near(mention.date)]
        if len(near) > 1:
            near = _narrow_by_title(name, near, None)
        if len(near) == 1 and mention.date is not None:
            what = f"the council's only person of that name within {WINDOW_YEARS} years"
            return near[0], Evidence(mention.form, what, mention.source)
        return None, None

    def _unresolved(self, mention: Mention, office: bool) -> None:
        """Give a form no person claims an id of its own: the office, or the name as written."""
        if office and mention.how == "speaker":
            return  # offices speaking are resolved (or kept) in _resolve_offices
        name = self.names.get(mention.form)
        if office:
            tail = slug(re.sub(r"^the\s+", "", mention.form, flags=re.I))
            pid, kind = f"{self.prefix}/office/{tail}", "office"
        else:
            pid, kind = (
                self._written_id(name) if name else f"{self.prefix}/{slug(mention.form)}",
                "person",
            )
        person = self.registry.people.setdefault(pid, Person(pid, mention.form, kind))
        if mention.form not in person.forms:
            person.forms.append(mention.form)
        person.meetings.add(mention.source)
        self.registry.by_mention[(mention.source, mention.form)] = pid

    def _free_id(self, name: Name) -> str:
        key = "-".join(x for x in ({"m": "mr", "f": "ms"}.get(name.sex, ""), name.key) if x)
        return f"{self.prefix}/{key}"

    def _written_id(self, name: Name) -> str:
        """Return the id of a name no person claims, never one a person has."""
        pid = self._free_id(name)
        return f"{pid}-as-written" if pid in self.taken else pid

    # Pass 3: offices written in place of a speaker, resolved through the meeting's roster.
    def _resolve_offices(
        self, meeting: Meeting, key: str, own: list[Mention], chair: str | None
    ) -> None:
        roles = {m.office.lower(): m.form for m in own if m.office and not is_office(m.form)}
        roster = Roster([a.name for a in meeting.attendance], chair=chair, roles=roles)
        for mention in own:
            if mention.how != "speaker" or not is_office(mention.form):
                continue
            if (key, mention.form) in self.registry.by_mention:
                continue
            office = re.sub(r"^the\s+", "", mention.form, flags=re.I)
            holder = roles.get(office.lower()) or roster.resolve_role(mention.form)[0]
            pid = self.registry.by_mention.get((key, holder))
            if holder != office and pid:
                why = "the same minutes name its holder"
                use = OfficeUse(office, key, pid, why, mention.form)
            else:
                why = "the minutes do not say who holds it"
                use = OfficeUse(office, key, None, why, mention.form)
                pid = f"{self.prefix}/office/{slug(office)}"
                person = self.registry.people.setdefault(pid, Person(pid, office, "office"))
                person.meetings.add(key)
                if mention.form not in person.forms:
                    person.forms.append(mention.form)
            self.registry.offices.append(use)
            self.registry.by_mention[(key, mention.form)] = pid

    def _person(self, cluster: _Cluster, held: list[str]) -> None:
        pid = cluster.id(self)
        person = self.registry.people.setdefault(pid, Person(pid, cluster.display()))
        person.forms = sorted(set(person.forms) | set(cluster.forms))
        person.evidence = cluster.evidence + person.evidence
        person.meetings |= {m.source for m in cluster.mentions}
        # an office is a title ("Leader of the Council"), not what a speaker does
        # ("speaking with the permission of the Leader")
        person.offices += [m.office for m in cluster.mentions if m.office and m.office[0].isupper()]
        person.offices += held


def _unique(keys: list[str]) -> list[str]:
    """Number the second and later of keys that repeat: "a", "a#2"."""
    seen: Counter[str] = Counter()
    out = []
    for key in keys:
        seen[key] += 1
        out.append(key if seen[key] == 1 else f"{key}#{seen[key]}")
    return out


def _letter(name: Name) -> str:
    return fold(name.surname)[:1]


def _specificity(name: Name) -> tuple[int, int, int, str]:
    """Order names fullest first: full given names, then more initials, then longer."""
    full = sum(1 for g in name.given if len(g) > 1)
    return (-full, -len(name.initials), -len(name.written), name.written)


def _why_full(name: Name, cluster: _Cluster, source: str | None) -> Evidence:
    """Say why a full name joins a person: the same name, or names that fit only them."""
    first = cluster.names[0]
    if name.key == first.key:
        return Evidence(name.written, "the same name once titles are set aside", source)
    if fold(name.surname) != fold(first.surname) or not compatible(name, first, typos=False):
        why = (
            f"spelt as {first.written!r} but for one letter (swapped or changed), the "
            "council's only person it fits"
        )
        return Evidence(name.written, why, source)
    why = (
        f"initials and given names agree with {first.written!r}, the council's only person they fit"
    )
    return Evidence(name.written, why, source)


def _narrow_by_title(name: Name, fits: list[_Cluster], chair: str | None) -> list[_Cluster]:
    """Of several people of one surname, keep the one a title points to: "Chair Kemp" the
    meeting's chair, "Councilmember Hernandez" the only one written with a member's title."""
    titles = _title_kinds(name)
    if chair and titles & {"chair", "chairman", "chairwoman", "chairperson"}:
        chaired = [c for c in fits if chair in c.forms]
        if len(chaired) == 1:
            return chaired
    titled = [c for c in fits if any(titles & _title_kinds(n) for n in c.names)]
    if len(titled) == 1:
        return titled
    words = _title_words(name)  # "Manager Buckley": "Steve Buckley (Planning Services Manager)"
    worded = [c for c in fits if words & c.title_words]
    return worded if len(worded) == 1 else fits


# Words of a title too common to tell two people apart.
_GENERIC = frozenset(("the", "city", "town", "county", "district", "borough", "parish", "of"))


def _title_words(name: Name) -> set[str]:
    """Return the words of a name's titles that may tell two people apart."""
    words = {p for t in name.titles for p in fold(t).strip(".,").split("-")}
    return words - _GENERIC - set(_SEX)


def _title_kinds(name: Name) -> set[str]:
    """Return the kinds of title a name carries: {"member", "chair"} for "Cllr Chair X"."""
    return {_KINDS[k] for k in (fold(t).strip(".") for t in name.titles) if k in _KINDS}


class _Cluster:
    """The forms of one person's full name found so far, and the mentions placed with it."""

    def __init__(self, first: Name) -> None:
        self.names = [first]
        self.forms = [first.written]
        self.evidence: list[Evidence] = []
        self.mentions: list[Mention] = []
        self.dates: list[date] = []
        self.full_forms: frozenset[str] = frozenset()
        self.title_words: set[str] = set()  # of its titles and the roles the minutes give it
        self._id: str | None = None

    def accepts(self, name: Name) -> bool:
        return all(compatible(name, n) for n in self.names)

    def add(self, name: Name, evidence: Evidence) -> None:
        self.names.append(name)
        self.forms.append(name.written)
        self.evidence.append(evidence)

    def near(self, when: date | None) -> bool:
        """Tell a date within the window of this person's dated mentions."""
        if when is None or not self.dates:
            return when is None and not self.dates
        return self.dates[0].year - WINDOW_YEARS <= when.year <= self.dates[-1].year + WINDOW_YEARS

    def display(self) -> str:
        return max(
            self.names, key=lambda n: (-_specificity(n)[0], len(n.initials), len(n.written))
        ).written

    def id(self, builder: _Builder) -> str:
        assert self._id is not None, "ids are given after the first pass"
        return self._id

    def best(self) -> Name:
        """Return the fullest of the names: full given names first, then most initials."""
        return max(self.names, key=lambda n: (-_specificity(n)[0], len(n.initials)))


# --- the clerk's known people: a people.toml beside the minutes ------------------------------

KNOWN_PEOPLE_FILE = "people.toml"
_TABLES = ("person", "apart")
_TABLE_KEYS = {"person": ("id", "name", "forms"), "apart": ("forms",)}
_TABLE_RE = re.compile(r"^\s*\[\[\s*([A-Za-z_]+)\s*\]\]\s*(?:#.*)?$")


@dataclass(frozen=True)
class Note:
    """What a known-people file could not do, with where it says it."""

    path: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}, line {self.line}: {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line, "reason": self.reason}


@dataclass(frozen=True)
class KnownEntry:
    """One ``[[person]]`` (forms of one person, their name) or ``[[apart]]`` (forms that are
    each a person of their own) of a known-people file."""

    table: str
    line: int
    forms: tuple[str, ...] = ()
    id: str | None = None
    name: str | None = None
    id_line: int = 0  # where ``id =`` and ``forms =`` are written, for notes
    forms_line: int = 0


@dataclass(frozen=True)
class KnownPeople:
    """A clerk's known-people file: what it says, and the lines it could not read."""

    path: str
    folder: str  # the documents it covers: those in this folder and below
    council: str | None = None
    entries: tuple[KnownEntry, ...] = ()
    notes: tuple[Note, ...] = ()

    def covers(self, source: str) -> bool:
        """Tell whether a document (path or name) is in this file's folder or below."""
        return source.startswith(self.folder.rstrip("/") + "/") or self.folder in ("", ".")


def read_known_people(
    path: Path, name: str | None = None, folder: str | None = None
) -> KnownPeople:
    """Read a known-people file table by table: a table that is not valid TOML, or names a
    key it does not know, is noted with its line and the others apply.

    :param name: how to name the file in notes (its name within the indexed folder).
    :param folder: the folder whose documents it covers, named as the documents are.
    """
    shown = name or str(path)
    covered = folder if folder is not None else str(path.parent)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return KnownPeople(shown, covered, notes=(Note(shown, 1, f"cannot be read ({error})"),))
    notes: list[Note] = []
    council: str | None = None
    entries: list[KnownEntry] = []
    for start, block in _blocks(text):
        try:
            data = tomllib.loads(block)
        except tomllib.TOMLDecodeError as error:
            at = re.search(r"line (\d+)", str(error))
            line = start + int(at.group(1)) - 1 if at else start
            notes.append(
                Note(shown, line, f"not valid TOML ({error}); the rest of the file applies")
            )
            continue
        if start == 1 and not _TABLE_RE.match(block.splitlines()[0] if block else ""):
            council = _preamble(data, shown, block, notes)
            continue
        entries += _entries(data, shown, start, block, notes)
    return KnownPeople(shown, covered, council, tuple(entries), tuple(notes))


def _blocks(text: str) -> list[tuple[int, str]]:
    """Cut a file at each ``[[table]]`` line: (first line number, text)."""
    lines = text.splitlines()
    starts = [0] + [i for i, line in enumerate(lines) if _TABLE_RE.match(line) and i]
    bounds = [*starts, len(lines)]
    return [(a + 1, "\n".join(lines[a:b])) for a, b in itertools.pairwise(bounds)]


def _preamble(data: dict[str, Any], shown: str, block: str, notes: list[Note]) -> str | None:
    """Read the keys before the first table: ``council``."""
    council = data.pop("council", None)
    for key in data:
        notes.append(Note(shown, _line_of(block, key, 1), f"unknown key {key!r}; use council, "
                          "then [[person]] and [[apart]] tables"))  # fmt: skip
    return council if isinstance(council, str) else None


def _entries(
    data: dict[str, Any], shown: str, start: int, block: str, notes: list[Note]
) -> list[KnownEntry]:
    out: list[KnownEntry] = []
    for table, rows in data.items():
        if table not in _TABLES or not isinstance(rows, list):
            notes.append(
                Note(shown, start, f"unknown table {table!r}; use [[person]] or [[apart]]")
            )
            continue
        for row in rows:
            unknown = [k for k in row if k not in _TABLE_KEYS[table]]
            for key in unknown:
                keys = ", ".join(_TABLE_KEYS[table])
                notes.append(Note(shown, _line_of(block, key, start),
                                  f"unknown key {key!r} in [[{table}]]; use {keys}"))  # fmt: skip
            forms = row.get("forms", [])
            if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
                notes.append(Note(shown, _line_of(block, "forms", start),
                                  "forms must be a list of names in quotes"))  # fmt: skip
                continue
            ident, name = row.get("id"), row.get("name")
            out.append(KnownEntry(table, start, tuple(forms), ident if isinstance(ident, str)
                                  else None, name if isinstance(name, str) else None,
                                  _line_of(block, "id", start),
                                  _line_of(block, "forms", start)))  # fmt: skip
    return out


def _line_of(block: str, key: str, start: int) -> int:
    """Return the line of the file where ``key =`` is written in a block."""
    for n, line in enumerate(block.splitlines()):
        if re.match(rf"\s*{re.escape(key)}\s*=", line):
            return start + n
    return start


def find_known_people(sources: Iterable[PurePath]) -> list[KnownPeople]:
    """Return the known-people files in the folders of these documents and above them."""
    found: dict[Path, KnownPeople] = {}
    seen: set[PurePath] = set()
    for source in sources:
        for folder in PurePath(source).parents:
            if folder in seen:
                break
            seen.add(folder)
            path = Path(folder) / KNOWN_PEOPLE_FILE
            if path.is_file():
                found[path] = read_known_people(path)
    return [found[p] for p in sorted(found)]


def apply_known_people(
    registries: dict[str, Registry], grouped: dict[str, list[Meeting]], known: list[KnownPeople]
) -> None:
    """Apply each known-people file to the councils of the documents it covers: merges,
    display names, forms kept apart. What cannot be done is noted and the rest applies."""
    for people in known:
        councils = [c for c, ms in grouped.items() if any(people.covers(m.source) for m in ms)]
        if people.council:
            councils = [c for c in councils if c == people.council]
        notes = list(people.notes)
        if people.council and not councils:
            notes.append(Note(people.path, 1, f"no minutes of {people.council!r} are here"))
        for entry in people.entries:
            failures = [_apply(registries[c], entry, people.path) for c in councils]
            first = failures[0] if failures else None
            if first is not None and all(failures):
                notes.append(Note(people.path, *first))
            elif not councils:
                notes.append(Note(people.path, entry.line, "no minutes here name anyone"))
        notes.sort(key=lambda n: n.line)
        for council in councils or list(registries)[:1]:
            registries[council].notes.extend(notes)
            notes = []  # each note once, with the first council it covers


def _apply(registry: Registry, entry: KnownEntry, path: str) -> tuple[int, str] | None:
    """Apply one entry to one council; return the line and why it could not be done, None
    when it was."""
    seen = [f for f in entry.forms if registry.ids(f)]
    missing = [f for f in entry.forms if f not in seen]
    unseen = (
        (entry.forms_line, f"no minutes of {registry.council} name {missing[0]!r}")
        if missing
        else None
    )
    if entry.table == "apart":
        for form in seen:
            _set_apart(registry, form, path, entry.line)
        return unseen
    if entry.id and entry.id not in registry.people:
        why = f"no person has the id {entry.id!r} in {registry.council}"
        return entry.id_line, f"{why}; see `minutes-search people`"
    owners = [pid for f in seen for pid in sorted(registry.ids(f))]
    target = entry.id or (owners[0] if owners else None)
    if target is None:
        return unseen or (entry.line, "say which person: give id or forms")
    for form in seen:
        _move(registry, form, target, f"the clerk's known people ({path}, line {entry.line})")
    if entry.name:
        registry.people[target].name = entry.name
    return unseen


def _move(registry: Registry, form: str, target: str, reason: str) -> None:
    """Give every mention of ``form`` to the person ``target``; a person left with no form
    goes to the target whole (its offices with it)."""
    person = registry.people[target]
    olds = {pid for (_, f), pid in registry.by_mention.items() if f == form} - {target}
    for at in list(registry.by_mention):
        if at[1] == form:
            registry.by_mention[at] = target
            person.meetings.add(at[0])
    if form not in person.forms:
        person.forms.append(form)
    person.evidence.append(Evidence(form, reason))
    for old in olds:
        gone = registry.people[old]
        gone.forms = [f for f in gone.forms if f != form]
        if not gone.forms:
            for at, pid in list(registry.by_mention.items()):
                if pid == old:
                    registry.by_mention[at] = target
            person.offices += gone.offices
            del registry.people[old]


def _set_apart(registry: Registry, form: str, path: str, line: int) -> None:
    """Make ``form`` a person of its own, kept as written."""
    pids = {pid for (_, f), pid in registry.by_mention.items() if f == form}
    if len(pids) == 1 and registry.people[next(iter(pids))].forms == [form]:
        return  # already apart
    base = f"{slug(registry.council) or 'council'}/{slug(form)}"
    pid, n = base, 2
    while pid in registry.people:
        pid, n = f"{base}-{n}", n + 1
    registry.people[pid] = Person(pid, form)
    _move(registry, form, pid, f"kept apart by the clerk's known people ({path}, line {line})")


# --- what the index keeps of a meeting's people, and the person behind each name -------------


def people_record(meeting: Meeting) -> dict[str, Any]:
    """Return the names a meeting gives people, as JSON: what the registry is built from,
    kept in the index's manifest so that a reindex needs to read only the changed files."""
    items = [
        [[[c.speaker, c.role] for c in item.contributions],
         [[r.mover, r.seconder, list(r.voted_for), list(r.voted_against), list(r.abstained)]
          for r in item.resolutions
          if r.mover or r.seconder or r.voted_for or r.voted_against or r.abstained]]
        for item in meeting.items
    ]  # fmt: skip
    return {
        "attendance": [[a.name, a.role] for a in meeting.attendance],
        "items": [i for i in items if i[0] or i[1]],
    }


def _named_resolution(
    mover: str | None,
    seconder: str | None,
    voted_for: Sequence[str] = (),
    voted_against: Sequence[str] = (),
    abstained: Sequence[str] = (),
) -> Resolution:
    """Return a decision holding only its people (a record written before votes were named
    holds the mover and seconder alone)."""
    return Resolution("", mover=mover, seconder=seconder, voted_for=tuple(voted_for),
                      voted_against=tuple(voted_against), abstained=tuple(abstained))  # fmt: skip


def meeting_of_record(record: dict[str, Any], source: str, summary: dict[str, Any]) -> Meeting:
    """Return a meeting holding only the names of ``people_record``, with its summary's
    council, committee and date."""
    when = summary.get("date")
    items = tuple(
        Item("", "", contributions=tuple(Contribution(s, "", r) for s, r in said),
             resolutions=tuple(_named_resolution(*people) for people in moved))
        for said, moved in record.get("items", [])
    )  # fmt: skip
    return Meeting(
        source,
        summary.get("council"),
        summary.get("committee"),
        date.fromisoformat(when) if when else None,
        attendance=tuple(Attendance(n, r) for n, r in record.get("attendance", [])),
        items=items,
    )


@dataclass
class People:
    """Every council's registry, and the person behind each name of each meeting of each
    document: ``links[document][meeting index][form] = person id``."""

    registries: dict[str, Registry]
    links: dict[str, list[dict[str, str]]]

    def person(self, pid: str) -> Person | None:
        return next((r.people[pid] for r in self.registries.values() if pid in r.people), None)

    def names(self, document: str) -> list[dict[str, tuple[str, str]]]:
        """Return, per meeting of a document, each form's (person id, display name)."""
        out = []
        for forms in self.links.get(document, []):
            out.append({f: (pid, self._name(pid, f)) for f, pid in forms.items()})
        return out

    def _name(self, pid: str, form: str) -> str:
        person = self.person(pid)
        return person.name if person else form

    def notes(self) -> list[Note]:
        return [n for r in self.registries.values() for n in r.notes]


def link_people(
    documents: dict[str, tuple[list[dict[str, Any]], list[dict[str, Any]]]],
    known: list[KnownPeople],
) -> People:
    """Build every council's registry from the documents' people records and link each name
    of each meeting to its person.

    :param documents: per document name, its meetings' people records and summaries.
    """
    grouped: dict[str, list[tuple[str, int, Meeting]]] = {}
    for name in sorted(documents):
        records, summaries = documents[name]
        for index, (record, summary) in enumerate(zip(records, summaries, strict=False)):
            meeting = meeting_of_record(record, name, summary)
            grouped.setdefault(council_of(meeting), []).append((name, index, meeting))
    registries: dict[str, Registry] = {}
    links: dict[str, list[dict[str, str]]] = {
        name: [{} for _ in documents[name][0]] for name in documents
    }
    for council, entries in sorted(grouped.items()):
        registries[council] = build_registry(council, [m for _, _, m in entries])
    plain = {c: [m for _, _, m in e] for c, e in grouped.items()}
    apply_known_people(registries, plain, known)
    for council, entries in grouped.items():
        registry = registries[council]
        by_key = {
            key: (name, index) for (name, index, _), key in zip(entries, registry.keys, strict=True)
        }
        for (key, form), pid in registry.by_mention.items():
            name, index = by_key[key]
            links[name][index][form] = pid
    return People(registries, links)
