"""What Legistar itself recorded of a meeting, added to the reading of its minutes.

`minutes-search harvest legistar` keeps each meeting's event items in the sidecar's
``[[harvest.items]]`` (docs/harvest.md): agenda number, title, the action taken, whether it
passed, mover, seconder, tally and each member's vote. That is what the clerk entered, so it
fills what the minutes' text did not give: an item's decision, its mover and seconder and its
votes, and, when the text named no one, who was there (everyone with a vote). It never
overrides what the minutes say; items the reading did not find are added only when it found
none at all (a scanned or unstructured document), so nothing is listed twice.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from typing import Any

from indexer.model import Attendance, Item, Meeting, Resolution, item_sort_key
from indexer.trace import note

# Legistar's action names and pass flags, as outcomes.
_OUTCOMES = (
    (re.compile(r"fail|defeat|denied|reject|lost", re.I), "lost"),
    (re.compile(r"withdrawn", re.I), "withdrawn"),
    (re.compile(r"refer", re.I), "referred"),
    (re.compile(r"defer|continu|held|tabled|postpon", re.I), "deferred"),
    (re.compile(r"receiv|filed|noted", re.I), "received"),
    (re.compile(r"adopt", re.I), "adopted"),
    (re.compile(r"amend", re.I), "amended"),
    (re.compile(r"approv|pass|carried|accept|ratif|confirm|grant|award", re.I), "approved"),
)
# How each member voted: present members, and those away.
_PRESENT_VOTES = re.compile(r"^(?:aye|yes|yea|nay|no|present|abstain\w*|recus\w*)$", re.I)
_AWAY_VOTES = {"absent": "absent", "excused": "apologies"}
_FOR = re.compile(r"^(?:aye|yes|yea)$", re.I)
_AGAINST = re.compile(r"^(?:nay|no)$", re.I)
_TALLY = re.compile(r"\s*(\d+)\s*[:\-]\s*(\d+)\s*")
_TITLE_WORDS = 0.6  # share of the shorter title's words two titles must share to be one item


def apply_legistar(meeting: Meeting, record: Mapping[str, Any]) -> Meeting:
    """Return the meeting with what the platform's event items add to its reading."""
    entries = [e for e in record.get("items") or [] if isinstance(e, Mapping)]
    if not entries:
        return meeting
    items = list(meeting.items)
    if not items:
        items = [_as_item(e) for e in entries if e.get("title")]
        note("item", f"{len(items)} items", "the platform's event items (Legistar)", "")
    else:
        taken: set[int] = set()
        for entry in entries:
            at = _match(entry, items, taken)
            if at is not None:
                taken.add(at)
                items[at] = _with_decision(items[at], entry)
    attendance = meeting.attendance or tuple(_attendance(entries))
    return dataclasses.replace(meeting, items=tuple(items), attendance=attendance)


def _match(entry: Mapping[str, Any], items: Sequence[Item], taken: set[int]) -> int | None:
    """Return the read item that is the event item: the same agenda number, else the title."""
    number = item_sort_key(str(entry.get("agenda_number") or ""))
    if number:
        for index, item in enumerate(items):
            if index not in taken and item_sort_key(item.number) == number:
                return index
    title = _words(str(entry.get("title") or ""))
    best, best_share = None, _TITLE_WORDS
    for index, item in enumerate(items):
        words = _words(item.title)
        if index in taken or not title or not words:
            continue
        share = len(title & words) / min(len(title), len(words))
        if share >= best_share:
            best, best_share = index, share
    return best


def _with_decision(item: Item, entry: Mapping[str, Any]) -> Item:
    """Add the platform's decision where the minutes stated none; else fill its blanks."""
    decision = _resolution(entry)
    if decision is None:
        return item
    decided = [r for r in item.resolutions if r.outcome]
    if not decided:
        note("decision", decision.outcome or "", "the platform's event item (Legistar)", "")
        return dataclasses.replace(item, resolutions=(*item.resolutions, decision))
    first = decided[0]
    filled = dataclasses.replace(
        first,
        mover=first.mover or decision.mover,
        seconder=first.seconder or decision.seconder,
        votes_for=first.votes_for if first.votes_for is not None else decision.votes_for,
        votes_against=(
            first.votes_against if first.votes_against is not None else decision.votes_against
        ),
    )
    resolutions = tuple(filled if r is first else r for r in item.resolutions)
    return dataclasses.replace(item, resolutions=resolutions)


def _resolution(entry: Mapping[str, Any]) -> Resolution | None:
    """Return the decision an event item records, or None when it records none."""
    action = str(entry.get("action") or "")
    passed = str(entry.get("passed") or "")
    outcome = _outcome(action) or _outcome(passed)
    if outcome is None:
        return None
    votes = [str(v.get("vote") or "") for v in entry.get("votes") or [] if isinstance(v, Mapping)]
    ayes = sum(1 for v in votes if _FOR.match(v)) if votes else None
    noes = sum(1 for v in votes if _AGAINST.match(v)) if votes else None
    tally = _TALLY.fullmatch(str(entry.get("tally") or ""))
    if ayes is None and tally:  # "9:2", ayes then noes
        ayes, noes = int(tally.group(1)), int(tally.group(2))
    text = str(entry.get("action_text") or action or passed)
    return Resolution(
        text=text,
        outcome=outcome,
        votes_for=ayes,
        votes_against=noes,
        mover=_name(entry.get("mover")),
        seconder=_name(entry.get("seconder")),
    )


def _outcome(words: str) -> str | None:
    for pattern, outcome in _OUTCOMES:
        if words and pattern.search(words):
            return outcome
    return None


def _as_item(entry: Mapping[str, Any]) -> Item:
    decision = _resolution(entry)
    return Item(
        number=str(entry.get("agenda_number") or "").strip().rstrip("."),
        title=str(entry.get("title") or "").strip(),
        text=str(entry.get("action_text") or entry.get("minutes_note") or ""),
        resolutions=(decision,) if decision else (),
    )


def _attendance(entries: Sequence[Mapping[str, Any]]) -> list[Attendance]:
    """Return who was there from the members' votes: anyone who voted, answered present,
    abstained or recused was present; "Absent" and "Excused" say who was not."""
    roles: dict[str, str] = {}
    for entry in entries:
        for vote in entry.get("votes") or []:
            person = _name(vote.get("person")) if isinstance(vote, Mapping) else None
            value = str(vote.get("vote") or "").strip() if person else ""
            if not person or not value:
                continue
            if _PRESENT_VOTES.match(value):
                roles[person] = "present"
            elif value.lower() in _AWAY_VOTES:
                roles.setdefault(person, _AWAY_VOTES[value.lower()])
    if roles:
        note("attendance", f"{len(roles)} people", "the members' votes (Legistar)", "")
    return [Attendance(name, role) for name, role in roles.items()]


def _name(value: object) -> str | None:
    text = re.sub(r"\s+", " ", str(value or "")).strip()
    return text or None


def _words(title: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", title.lower()) if len(w) > 2}
