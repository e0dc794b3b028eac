"""Reading the index by item, meeting, committee and person, for pages and the API."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from indexer.model import ROLES
from search.engine import SearchEngine
from search.errors import InvalidQuery
from search.query import Marks, parse_query
from search.results import Decision, ItemLine, ItemView, MeetingSummary, MeetingView, Speech


def meetings(engine: SearchEngine) -> list[MeetingSummary]:
    """Return every indexed meeting, newest first (read from the index's manifest)."""
    return list(_meetings_by_id(engine).values())


def _meetings_by_id(engine: SearchEngine) -> dict[str, MeetingSummary]:
    """Return the meetings by id, newest first, read from the manifest once per index state."""
    manifest = engine.manifest()
    memo = engine.generation().memo
    if memo.get("meetings", (None,))[0] is not manifest:
        files = manifest.get("files", {})
        found = [
            MeetingSummary(**_summary(m)) for f in files.values() for m in f.get("meetings", [])
        ]
        found.sort(key=lambda m: (m.date or "", m.committee or ""), reverse=True)
        memo["meetings"] = (manifest, {m.id: m for m in found})
    found_by_id: dict[str, MeetingSummary] = memo["meetings"][1]
    return found_by_id


def _summary(data: dict[str, Any]) -> dict[str, Any]:
    fields = MeetingSummary.__dataclass_fields__
    return {key: value for key, value in data.items() if key in fields}


def meeting_summary(engine: SearchEngine, meeting_id: str) -> MeetingSummary | None:
    """Return one meeting's summary, or None."""
    return _meetings_by_id(engine).get(meeting_id)


def meeting(engine: SearchEngine, meeting_id: str) -> MeetingView | None:
    """Return a meeting with its attendance by role and its items, or None."""
    summary = meeting_summary(engine, meeting_id)
    if summary is None:
        return None
    docs = engine.meeting_documents(meeting_id)
    attendance: dict[str, list[str]] = defaultdict(list)
    for doc in docs:
        if doc["kind"] == "attendance":
            attendance[doc.get("details", {}).get("role", "present")].append(doc["speaker"])
    counts = Counter((d.get("item_index"), d["kind"]) for d in docs)  # of each item's chunks
    items = [
        ItemLine(doc["id"], doc.get("item_number", ""), doc.get("item_title", ""),
                 counts[doc["item_index"], "speech"], counts[doc["item_index"], "decision"])
        for doc in docs
        if doc["kind"] == "item"
    ]  # fmt: skip
    ordered = {role: tuple(attendance[role]) for role in ROLES if attendance.get(role)}
    return MeetingView(summary, ordered, tuple(items))


def item(engine: SearchEngine, chunk_id: str) -> ItemView | None:
    """Return a whole item by the id of its item chunk (or of any of its chunks)."""
    doc = engine.document(chunk_id)
    if doc is None or doc["kind"] == "attendance":
        return None
    summary = meeting_summary(engine, doc["meeting_id"])
    if summary is None:
        return None
    docs = engine.meeting_documents(doc["meeting_id"])
    own = [d for d in docs if d.get("item_index") == doc["item_index"]]
    head = next((d for d in own if d["kind"] == "item"), doc)
    items = [d["id"] for d in docs if d["kind"] == "item"]
    position = items.index(head["id"]) if head["id"] in items else -1
    return ItemView(
        id=head["id"],
        number=head.get("item_number", ""),
        title=head.get("item_title", ""),
        text=head.get("text", "") if head["kind"] == "item" else "",
        meeting=summary,
        speeches=tuple(_speech(d) for d in own if d["kind"] == "speech"),
        decisions=tuple(_decision(d) for d in own if d["kind"] == "decision"),
        previous_id=items[position - 1] if position > 0 else None,
        next_id=items[position + 1] if 0 <= position < len(items) - 1 else None,
    )


def _speech(doc: dict[str, Any]) -> Speech:
    return Speech(
        doc["id"], doc.get("speaker", ""), doc.get("details", {}).get("role"), doc["text"]
    )


def _decision(doc: dict[str, Any]) -> Decision:
    details = doc.get("details", {})
    return Decision(
        id=doc["id"],
        text=doc["text"],
        outcome=doc.get("outcome"),
        votes_for=details.get("votes_for"),
        votes_against=details.get("votes_against"),
        abstentions=details.get("abstentions"),
        mover=details.get("mover"),
        seconder=details.get("seconder"),
    )


def committees(engine: SearchEngine) -> dict[tuple[str, str], list[MeetingSummary]]:
    """Return each (council, committee) with its meetings, newest first."""
    grouped: dict[tuple[str, str], list[MeetingSummary]] = defaultdict(list)
    for summary in meetings(engine):
        grouped[(summary.council or "", summary.committee or "")].append(summary)
    return dict(sorted(grouped.items()))


def bodies(engine: SearchEngine) -> list[dict[str, Any]]:
    """Return each council's committees with their count of meetings and first and last date."""
    return [
        {
            "council": council or None,
            "committee": committee or None,
            "meetings": len(found),
            "first_date": min((m.date for m in found if m.date), default=None),
            "last_date": max((m.date for m in found if m.date), default=None),
        }
        for (council, committee), found in committees(engine).items()
    ]


# What the public may see of the last reindex's report: not where the index lives.
REPORT_FIELDS = ("full", "seen", "added", "updated", "unchanged", "removed", "chunks_written",
                 "chunks", "meetings", "seconds", "finished")  # fmt: skip


def status(engine: SearchEngine) -> dict[str, Any]:
    """Return what is indexed per committee, the last reindex and its failures, naming no path
    of the server: failed files by their name within their folder, as hits name documents."""
    stats = {key: value for key, value in engine.stats().items() if key != "index"}
    last = stats.get("last_reindex")
    failed = [_failure(f) for f in (last or {}).get("failed", [])]
    if last is not None:
        stats["last_reindex"] = {
            **{key: last[key] for key in REPORT_FIELDS if key in last},
            "failed": failed,
        }
    return {**stats, "bodies": bodies(engine), "failed": failed}


def _failure(failure: dict[str, Any]) -> dict[str, str]:
    return {"source": failure["source"], "reason": failure["reason"]}


def query_marks(engine: SearchEngine, q: str) -> Marks:
    """Return what to mark for the query ``q`` in a whole text; nothing when it is unreadable."""
    gen = engine.generation()
    try:
        return parse_query(q, gen).marks
    except InvalidQuery:
        return Marks(frozenset(), ())
