"""Legistar's Web API (``webapi.legistar.com/v1/CLIENT``): bodies, events, minutes, votes.

``events`` lists the meetings (1,000 a page, OData ``$filter``/``$skip``), each with its body,
date, the council's page for it (``EventInSiteURL``), its modification time and its minutes
file (``EventMinutesFile``) once published. Some clients (LA Metro) publish approved minutes
instead as an attachment of a "Minutes" matter that names the meeting's date; with
``minutes_in_matters`` that matter is searched for when an event has no minutes file. For a
meeting with minutes, ``events/ID/eventitems`` gives its items with action, mover, seconder
and tally, and ``eventitems/ID/votes`` each member's vote on an item that was voted on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from indexer.harvest.http import Fetched, FetchError, Hosts, PoliteClient
from indexer.harvest.source import Failure, HarvestError, MeetingRef, Minutes, Validators

API_ROOT = "https://webapi.legistar.com/v1"
PAGE = 1000  # the most rows the API gives in one answer
# Granicus serves Legistar's pages and files from these hosts (CLIENT.legistar.com,
# CLIENT.legistar1.com, legistar.granicus.com): the council's hosts besides the API's.
GRANICUS_HOSTS = (".legistar.com", ".legistar1.com", ".granicus.com")
DOCUMENT_SUFFIXES = (".pdf", ".docx", ".html", ".htm", ".txt")
MINUTES_MATTERS = (
    "MatterBodyId eq {body} and substringof('{day}', MatterTitle) and "
    "((MatterTypeName eq 'Minutes') or "
    "(substringof('Minutes', MatterTitle) and MatterTypeName eq 'Informational Report'))"
)


class Legistar:
    """A Legistar client (``metro``, ``oakland``...) through the Web API."""

    platform = "legistar"

    def __init__(
        self,
        client_name: str,
        council: str | None = None,
        api_root: str = API_ROOT,
        token: str | None = None,
        minutes_in_matters: bool = False,
    ) -> None:
        if not client_name.replace("-", "").isalnum():
            raise HarvestError(f"{client_name!r} is not a Legistar client name (e.g. 'oakland')")
        self.site = client_name
        self.council = council or client_name
        self.api = f"{api_root.rstrip('/')}/{client_name}"
        self.token = token
        self.minutes_in_matters = minutes_in_matters
        self.hosts = Hosts(frozenset({urlsplit(api_root).netloc.lower()}), GRANICUS_HOSTS)
        self._attachments: dict[int, list[dict[str, Any]]] = {}

    def meetings(
        self, client: PoliteClient, since: date | None, committees: tuple[str, ...]
    ) -> Iterator[MeetingRef | Failure]:
        """List the events since ``since`` of the named bodies (all when none), page by page."""
        try:
            bodies = self._bodies(client, committees) if committees else {}
            yield from self._events(client, since, bodies)
        except FetchError as error:
            yield Failure(error.url, error.reason)

    def minutes(
        self, client: PoliteClient, meeting: MeetingRef, validators: Validators
    ) -> Minutes | None:
        """Return the event's minutes file with its items and votes, or None."""
        event = meeting.listing
        found: dict[str, Any] = {}
        document = event.get("EventMinutesFile")
        if not document and self.minutes_in_matters:
            found = self._minutes_matter(client, event, meeting.date)
            document = found.get("document_url")
        if not document:
            return None
        items = self._items(client, event["EventId"])
        return Minutes(document, _suffix(document), self._sidecar(meeting, found, items))

    # -- requests ------------------------------------------------------------------------------

    def _get(self, client: PoliteClient, path: str, **params: str) -> list[dict[str, Any]]:
        """GET an API path and return its rows; raise FetchError on anything else."""
        url = f"{self.api}/{path}" + (f"?{urlencode(params, quote_via=quote)}" if params else "")
        secret = {"token": self.token} if self.token else None
        return rows(client.get(url, secret=secret))

    def _bodies(self, client: PoliteClient, wanted: tuple[str, ...]) -> dict[int, str]:
        """Return the ids and names of the bodies named (any case); raise for unknown ones."""
        bodies = {int(b["BodyId"]): str(b["BodyName"]) for b in self._get(client, "bodies")}
        by_name = {_fold(name): body_id for body_id, name in bodies.items()}
        missing = [name for name in wanted if _fold(name) not in by_name]
        if missing:
            known = "; ".join(sorted(bodies.values()))
            raise HarvestError(
                f"no body named {', '.join(map(repr, missing))} at "
                f"{self.api}/bodies; its bodies are: {known}"
            )
        return {by_name[_fold(name)]: bodies[by_name[_fold(name)]] for name in wanted}

    def _events(
        self, client: PoliteClient, since: date | None, bodies: dict[int, str]
    ) -> Iterator[MeetingRef | Failure]:
        terms = [f"EventDate ge datetime'{since.isoformat()}'"] if since else []
        if bodies:
            terms.append("(" + " or ".join(f"EventBodyId eq {b}" for b in bodies) + ")")
        query = {"$orderby": "EventDate", "$top": str(PAGE)}
        if terms:
            query["$filter"] = " and ".join(terms)
        skip, seen = 0, set[Any]()
        while True:
            page = self._get(client, "events", **query, **{"$skip": str(skip)})
            ids = {event.get("EventId") for event in page}
            if page and ids <= seen:  # a server that ignores $skip would page for ever
                yield Failure(
                    f"{self.api}/events", f"the page at $skip={skip} repeats earlier events"
                )
                return
            seen |= ids
            for event in page:
                try:
                    meeting = _meeting_ref(event)
                except (KeyError, ValueError):
                    yield Failure(f"{self.api}/events", f"event {event.get('EventId')}: no date")
                    continue
                if (not since or meeting.date >= since) and (
                    not bodies or event.get("EventBodyId") in bodies
                ):
                    yield meeting
            if len(page) < PAGE:
                return
            skip += PAGE

    def _minutes_matter(
        self, client: PoliteClient, event: dict[str, Any], day: date
    ) -> dict[str, Any]:
        """Find minutes filed as a matter's attachment naming the meeting's date."""
        when = f"{day:%B} {day.day}, {day.year}"
        query = MINUTES_MATTERS.format(body=event.get("EventBodyId"), day=when)
        for matter in self._get(client, "matters", **{"$filter": query}):
            matter_id = int(matter["MatterId"])
            if matter_id not in self._attachments:  # two meetings' minutes in one matter
                self._attachments[matter_id] = self._get(client, f"matters/{matter_id}/attachments")
            for attachment in self._attachments[matter_id]:
                name = str(attachment.get("MatterAttachmentName") or "")
                link = attachment.get("MatterAttachmentHyperlink")
                if link and "minutes" in name.casefold() and when in name:
                    return {
                        "document_url": link,
                        "document_name": name,
                        "matter_id": matter_id,
                        "matter_file": matter.get("MatterFile"),
                        "matter_title": matter.get("MatterTitle"),
                    }
        return {}

    def _items(self, client: PoliteClient, event_id: int) -> list[dict[str, Any]]:
        """Return the event's items, each voted one with its votes."""
        items = self._get(
            client,
            f"events/{event_id}/eventitems",
            AgendaNote="1",
            MinutesNote="1",
            Attachments="1",
        )
        result = []
        for item in items:
            votes = []
            if item.get("EventItemPassedFlag") is not None:
                votes = self._get(client, f"eventitems/{item['EventItemId']}/votes")
            result.append(_item(item, votes))
        return result

    def _sidecar(
        self, meeting: MeetingRef, found: dict[str, Any], items: list[dict[str, Any]]
    ) -> dict[str, Any]:
        event = meeting.listing
        page = event.get("EventInSiteURL")
        return {
            "council": self.council,
            "committee": meeting.committee,
            "date": meeting.date,
            "url": page,
            "venue": " ".join(str(event.get("EventLocation") or "").split()) or None,
            "harvest": {
                "platform": self.platform,
                "client": self.site,
                "event_id": event.get("EventId"),
                "body_id": event.get("EventBodyId"),
                "meeting_url": page,
                "agenda_url": event.get("EventAgendaFile"),
                "time": event.get("EventTime"),
                "minutes_status": event.get("EventMinutesStatusName"),
                "last_modified_utc": event.get("EventLastModifiedUtc"),
                **{k: v for k, v in found.items() if k != "document_url"},
                "items": items,
            },
        }


def parse_json(fetched: Fetched) -> Any:
    """Read a JSON answer; raise FetchError saying what came instead."""
    try:
        return json.loads(fetched.body)
    except (ValueError, UnicodeDecodeError) as error:
        start = fetched.body[:60].decode("utf-8", "replace").strip()
        raise FetchError(fetched.url, f"not JSON ({error}); the answer began {start!r}") from None


def rows(fetched: Fetched) -> list[dict[str, Any]]:
    """Read an API answer's rows (a JSON list of objects); raise FetchError saying what came
    instead, with the API's own message when it sent one."""
    data = parse_json(fetched)
    if isinstance(data, dict) and data.get("Message"):
        raise FetchError(fetched.url, f"the API answered: {data['Message']}")
    if not isinstance(data, list) or not all(isinstance(row, dict) for row in data):
        raise FetchError(fetched.url, "not a list of records, as the Legistar API gives")
    return data


def _meeting_ref(event: dict[str, Any]) -> MeetingRef:
    when = datetime.fromisoformat(str(event["EventDate"])).date()
    said = " ".join(str(event.get(k) or "") for k in ("EventAgendaStatusName", "EventComment"))
    cancelled = "cancel" in said.casefold()
    return MeetingRef(
        str(event["EventId"]),
        str(event.get("EventBodyName") or "Meetings"),
        when,
        cancelled,
        event.get("EventLastModifiedUtc"),
        event,
    )


def _item(item: dict[str, Any], votes: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": item.get("EventItemId"),
        "agenda_sequence": item.get("EventItemAgendaSequence"),
        "minutes_sequence": item.get("EventItemMinutesSequence"),
        "agenda_number": item.get("EventItemAgendaNumber"),
        "title": item.get("EventItemTitle"),
        "action": item.get("EventItemActionName"),
        "action_text": item.get("EventItemActionText"),
        "passed": item.get("EventItemPassedFlagName"),
        "mover": item.get("EventItemMover"),
        "seconder": item.get("EventItemSeconder"),
        "tally": item.get("EventItemTally"),
        "minutes_note": item.get("EventItemMinutesNote"),
        "matter_id": item.get("EventItemMatterId"),
        "matter_file": item.get("EventItemMatterFile"),
        "matter_type": item.get("EventItemMatterType"),
        "matter_status": item.get("EventItemMatterStatus"),
        "votes": [
            {
                "person": v.get("VotePersonName"),
                "person_id": v.get("VotePersonId"),
                "vote": v.get("VoteValueName"),
                "result": v.get("VoteResult"),
            }
            for v in votes
        ],
    }


def _suffix(url: str) -> str:
    suffix = PurePosixPath(urlsplit(url).path).suffix.lower()
    return suffix if suffix in DOCUMENT_SUFFIXES else ".pdf"


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()
