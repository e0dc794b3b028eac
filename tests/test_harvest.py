"""`minutes-search harvest`, end to end against real platform answers served on loopback.

A small real HTTP server (http.server in a thread) answers each request from the recorded
responses in ../shared/fixtures/harvest/ (read in place; Legistar's document links to
metro.legistar1.com are pointed at the server as the body is sent), and, where a recorded
chain has a gap, from our own files in tests/data/harvest/ (its README says which request
each answers). Every 200 answer carries an ETag and honours If-None-Match, as a server that
supports conditional requests does. Nothing leaves the machine.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import click
import pytest
from click.testing import CliRunner, Result

from indexer.cli import cli
from indexer.harvest.http import FetchError, Hosts, PoliteClient, Politeness
from tests.conftest import DATA, ROOT

FIXTURES = ROOT.parent / "shared" / "fixtures" / "harvest"
OURS = DATA / "harvest"
METRO_FILES = "https://metro.legistar1.com"
FAST = ["--delay", "0", "--backoff", "0"]


# -- the loopback server -------------------------------------------------------------------------


@dataclass
class Answer:
    """What the server sends for one request; ``hold`` delays it until set."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    hold: threading.Event | None = None


@dataclass(frozen=True)
class Seen:
    """A request the server got, and the status it answered."""

    path: str
    query: dict[str, str]
    headers: dict[str, str]
    at: float
    status: int


Route = Answer | list[Answer] | Callable[[dict[str, str]], Answer]


class FixtureServer:
    """A real HTTP server on 127.0.0.1 answering each path from a table of routes."""

    def __init__(self, routes: dict[str, Route] | None = None) -> None:
        self.routes: dict[str, Route] = routes or {}
        self.seen: list[Seen] = []  # requests answered
        self.arrived: list[str] = []  # paths asked, answered or not yet
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.httpd.server_port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def paths(self, status: int | None = None) -> list[str]:
        return [s.path for s in self.seen if status is None or s.status == status]

    def answer(self, path: str, query: dict[str, str]) -> Answer:
        route = self.routes.get(path)
        if route is None:
            return Answer(b"no such page", 404)
        if callable(route):
            return route(query)
        if isinstance(route, list):
            return route.pop(0) if len(route) > 1 else route[0]
        return route

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                query = dict(parse_qsl(parts.query, keep_blank_values=True))
                server.arrived.append(parts.path)
                answer = server.answer(parts.path, query)
                if answer.hold is not None:
                    answer.hold.wait(30)
                headers = dict(answer.headers)
                status, body = answer.status, answer.body
                if status == 200 and "ETag" not in headers:
                    headers["ETag"] = '"' + hashlib.sha1(body).hexdigest() + '"'
                    if self.headers.get("If-None-Match") == headers["ETag"]:
                        status, body = 304, b""
                server.seen.append(Seen(parts.path, query, dict(self.headers), time.monotonic(),
                                        status))  # fmt: skip
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler


@pytest.fixture
def servers() -> Iterator[list[FixtureServer]]:
    started: list[FixtureServer] = []
    yield started
    for server in started:
        server.stop()


def shared(name: str) -> bytes:
    """Return a recorded answer, read in place; skip where the fixtures are absent."""
    path = FIXTURES / name
    if not path.is_file():
        pytest.skip(f"the recorded platform answers are not at {FIXTURES}")
    return path.read_bytes()


def ours(name: str) -> bytes:
    return (OURS / name).read_bytes()


def harvest(*args: str) -> Result:
    return CliRunner().invoke(cli, ["harvest", *args], catch_exceptions=False)


def sidecar(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.with_name(path.name.split(".")[0] + ".meta.toml").read_text())


# -- ModernGov -----------------------------------------------------------------------------------

MG = "/mgWebService.asmx/"


def moderngov_routes() -> dict[str, Route]:
    """Manchester's recorded answers: committees 312, 163 and 144; 144's two meetings (one
    cancelled, one with minutes); committee 312's meetings are ours (none); committee 163's
    listing answers with the SharePoint error page recorded at Leeds (HTML where XML was
    expected)."""
    listings = {
        "144": Answer(shared("moderngov/lgsf/meetings.xml")),
        "312": Answer(ours("moderngov/GetMeetings-none.xml.body")),
        "163": Answer(shared("moderngov/leeds/GetCouncillorsByWard.html")),
    }
    meetings = {
        "4967": Answer(shared("moderngov/lgsf/meeting_with_minutes.xml")),
        "4966": Answer(shared("moderngov/lgsf/meeting_no_minutes.xml")),
    }
    return {
        MG + "GetCommittees": Answer(shared("moderngov/lgsf/committees.xml")),
        MG + "GetMeetings": lambda q: listings[q["lCommitteeId"]],
        MG + "GetMeeting": lambda q: meetings[q["lMeetingId"]],
    }


def test_moderngov_saves_the_minutes_with_a_sidecar(
    tmp_path: Path, servers: list[FixtureServer]
) -> None:
    server = FixtureServer(moderngov_routes())
    servers.append(server)
    folder = tmp_path / "manchester"
    result = harvest("moderngov", server.url, "--into", str(folder), *FAST,
                     "--council", "Manchester City Council")  # fmt: skip
    assert result.exit_code == 1  # one committee's listing failed
    listing = f"{server.url}/mgWebService.asmx/GetMeetings?lCommitteeId=163&sFromDate=01/01/2000"
    assert (
        f"failed: {listing}&sToDate={date.today():%d/%m/%Y}: a web page (“Error”) where the "
        "ModernGov web service's XML was expected; is this the ModernGov site's address?"
    ) in result.stderr
    assert (
        "2 meetings seen, 1 documents new, 0 updated, 0 skipped (already harvested), "
        "0 with no minutes yet, 1 cancelled, 1 failed." in result.stderr
    )
    saved = folder / "audit-committee" / "2026-02-10-4967.xml"
    assert saved.read_bytes() == shared("moderngov/lgsf/meeting_with_minutes.xml")
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) == [
        ".harvest-state.json", "audit-committee", "audit-committee/2026-02-10-4967.meta.toml",
        "audit-committee/2026-02-10-4967.xml",
    ]  # fmt: skip
    meta = sidecar(saved)
    page = f"{server.url}/ieListDocuments.aspx?CId=144&MId=4967"
    assert {k: v for k, v in meta.items() if k != "harvest"} == {
        "council": "Manchester City Council",
        "committee": "Audit Committee",
        "date": date(2026, 2, 10),
        "url": page,
        "venue": "Council Antechamber, Level 2, Town Hall Extension",
    }
    facts = meta["harvest"]
    assert facts["platform"] == "moderngov"
    assert facts["document_url"] == f"{server.url}/mgWebService.asmx/GetMeeting?lMeetingId=4967"
    assert (facts["meeting_url"], facts["status"], facts["time"]) == (page, "Confirmed", "10.00 am")
    assert facts["attendees"] == [{"name": "Councillor Basil Curley", "role": "Committee Member",
                                   "attendance": "Expected", "party": "LAB",
                                   "ward": "Charlestown", "member_id": "192"}]  # fmt: skip
    assert [(i["number"], i["title"], i["minutes_number"]) for i in facts["items"]] == [
        ("1.", "Minutes", "1"), ("9.", "Work Programme", "9")]  # fmt: skip
    assert facts["items"][1]["documents"] == [{
        "title": "DRAFT WP FEBRUARY 2026",
        "url": "https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60909"}]  # fmt: skip
    # The cancelled meeting was never asked for; the linked papers were not followed.
    assert server.paths() == [MG + "GetCommittees", *[MG + "GetMeetings"] * 3, MG + "GetMeeting"]
    assert all(s.headers["User-Agent"].startswith("minutes-search/") for s in server.seen)


def test_moderngov_second_run_fetches_nothing(tmp_path: Path, servers: list[FixtureServer]) -> None:
    server = FixtureServer(moderngov_routes())
    servers.append(server)
    folder = tmp_path / "manchester"
    harvest("moderngov", server.url, "--into", str(folder), *FAST)
    saved = folder / "audit-committee" / "2026-02-10-4967.xml"
    written = saved.stat().st_mtime_ns
    server.seen.clear()
    result = harvest("moderngov", server.url, "--into", str(folder), *FAST)
    assert (
        "2 meetings seen, 0 documents new, 0 updated, 2 skipped (already harvested)"
        in result.stderr
    )
    assert server.paths() == [MG + "GetCommittees", *[MG + "GetMeetings"] * 3]
    assert saved.stat().st_mtime_ns == written
    state = json.loads((folder / ".harvest-state.json").read_text())
    assert {k: v["status"] for k, v in state["meetings"].items()} == {
        "4966": "cancelled", "4967": "fetched"}  # fmt: skip
    assert state["last_run"]["skipped"] == 2


def test_moderngov_asks_again_conditionally_for_minutes_not_yet_published(
    tmp_path: Path, servers: list[FixtureServer]
) -> None:
    routes = moderngov_routes()
    listing = shared("moderngov/lgsf/meetings.xml").replace(b"Cancelled", b"Confirmed")
    routes[MG + "GetMeetings"] = Answer(listing)  # 4966 listed as held, not as cancelled
    server = FixtureServer(routes)
    servers.append(server)
    args = ("moderngov", server.url, "--into", str(tmp_path), "--committee", "Audit Committee")
    result = harvest(*args, *FAST)
    assert "2 meetings seen, 1 documents new, 0 updated, 0 skipped (already harvested), " \
        "1 with no minutes yet" in result.stderr  # fmt: skip
    server.seen.clear()
    result = harvest(*args, *FAST)
    assert "1 skipped (already harvested), 1 with no minutes yet" in result.stderr
    asked = [s for s in server.seen if s.path == MG + "GetMeeting"]
    assert [(s.query, s.status, "If-None-Match" in s.headers) for s in asked] == [
        ({"lMeetingId": "4966"}, 304, True)]  # fmt: skip


def test_moderngov_committee_option(tmp_path: Path, servers: list[FixtureServer]) -> None:
    server = FixtureServer(moderngov_routes())
    servers.append(server)
    result = harvest("moderngov", server.url + "/mgWebService.asmx", "--into",
                     str(tmp_path / "m"), "--committee", "audit  COMMITTEE", *FAST)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert [(s.path, s.query) for s in server.seen][1:] == [
        (MG + "GetMeetings", {"lCommitteeId": "144", "sFromDate": "01/01/2000",
                              "sToDate": f"{date.today():%d/%m/%Y}"}),
        (MG + "GetMeeting", {"lMeetingId": "4967"}),
    ]  # fmt: skip
    result = harvest("moderngov", server.url, "--into", str(tmp_path / "m"),
                     "--committee", "Planning", *FAST)  # fmt: skip
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"Error: no committee named 'Planning' at {server.url}/mgWebService.asmx/GetCommittees; "
        "its committees are: Appointment Sub Committee for Director of Adult Social Services; "
        "Art Galleries Committee; Audit Committee"
    )


def test_moderngov_harvest_then_reindex_and_search(
    tmp_path: Path, servers: list[FixtureServer]
) -> None:
    server = FixtureServer(moderngov_routes())
    servers.append(server)
    index = tmp_path / "index"
    result = harvest("moderngov", server.url, "--into", str(tmp_path / "m"), "--committee",
                     "Audit Committee", "--council", "Manchester City Council", "--reindex",
                     "--index", str(index), *FAST)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "1 files seen, 1 added" in result.stderr
    found = CliRunner().invoke(cli, ["search", "Governance and Scrutiny Support Unit", "--index",
                                     str(index), "--json"])  # fmt: skip
    hits = json.loads(found.output)["hits"]
    assert hits, found.output
    assert {(h["council"], h["committee"], h["date"], h["url"]) for h in hits} == {
        ("Manchester City Council", "Audit Committee", "2026-02-10",
         f"{server.url}/ieListDocuments.aspx?CId=144&MId=4967")}  # fmt: skip
    assert hits[0]["item_title"] == "Work Programme"


def test_status_page_shows_each_harvest(tmp_path: Path, servers: list[FixtureServer]) -> None:
    from bs4 import BeautifulSoup

    from web import create_app

    routes = moderngov_routes()
    listing = shared("moderngov/lgsf/meetings.xml").replace(b"Cancelled", b"Confirmed")
    routes[MG + "GetMeetings"] = Answer(listing)  # 4966 listed as held: no minutes yet
    server = FixtureServer(routes)
    servers.append(server)
    index = tmp_path / "index"
    result = harvest("moderngov", server.url, "--into", str(tmp_path / "minutes" / "manchester"),
                     "--council", "Manchester City Council", "--committee", "Audit Committee",
                     *FAST)  # fmt: skip
    assert result.exit_code == 0, result.output
    CliRunner().invoke(cli, ["reindex", str(tmp_path / "minutes"), "--index", str(index)])
    app = create_app({"TESTING": True, "INDEX": str(index)})
    page = BeautifulSoup(app.test_client().get("/status").get_data(as_text=True), "html.parser")
    section = page.find("section", attrs={"aria-labelledby": "harvests"})
    assert section is not None
    rows = [[" ".join(td.get_text().split()) for td in tr.find_all("td")]
            for tr in section.find_all("tr") if tr.find("td")]  # fmt: skip
    finished = json.loads((tmp_path / "minutes" / "manchester" / ".harvest-state.json").read_text())
    when = finished["last_run"]["finished"]
    day = date.fromisoformat(when[:10])
    assert rows == [["Manchester City Council", f"ModernGov {server.url}",
                     f"{day.day} {day:%B %Y} at {when[11:16]}", "2", "1", "0"]]  # fmt: skip


def test_moderngov_refuses_a_folder_of_another_site(
    tmp_path: Path, servers: list[FixtureServer]
) -> None:
    server = FixtureServer(moderngov_routes())
    servers.append(server)
    harvest("moderngov", server.url, "--into", str(tmp_path), "--committee", "Audit Committee",
            *FAST)  # fmt: skip
    result = harvest("legistar", "metro", "--into", str(tmp_path), *FAST)
    assert result.stderr.strip() == (
        f"Error: {tmp_path} holds a harvest of moderngov {server.url}; harvest each site into "
        "a folder of its own (--into)"
    )


# -- Legistar ------------------------------------------------------------------------------------

METRO = "/v1/metro/"
PDF_A = "/metro/attachments/73425e96-9569-465d-b4c2-14ef9398e6ee.pdf"  # minutes of 26 Sep 2024
PDF_B = "/metro/attachments/b9206789-2b9a-4742-9b57-bee1d3d52581.pdf"  # minutes of 23 Oct 2024


def on_server(body: bytes, server: FixtureServer) -> bytes:
    """Point the recorded links to metro.legistar1.com at the loopback server."""
    return body.replace(METRO_FILES.encode(), server.url.encode())


def metro_routes(server: FixtureServer, version: str = "", body: str = "") -> dict[str, Route]:
    """LA Metro's recorded chain: event 2907 -> the minutes matter 10881 -> its attachments
    -> the minutes PDFs. The events list is the recorded event 2907 and our event 990001 (the
    special meeting the same matter attaches minutes of); the items and votes are ours."""
    event = json.loads(shared("legistar/metro/events-2907.json"))
    event["EventLastModifiedUtc"] += version
    event["EventBodyName"] = body or event["EventBodyName"]
    events = json.dumps([event, json.loads(ours("legistar/metro/event-990001.json"))]).encode()
    return {
        METRO + "events": Answer(events),
        METRO + "matters": Answer(shared("legistar/metro/matters.json")),
        METRO + "matters/10881/attachments": Answer(
            on_server(shared("legistar/metro/matters-10881-attachments.json"), server)
        ),
        METRO + "events/2907/eventitems": Answer(
            ours("legistar/metro/events-2907-eventitems.json")
        ),
        METRO + "events/990001/eventitems": Answer(ours("legistar/empty-page.json")),
        METRO + "eventitems/990102/votes": Answer(
            ours("legistar/metro/eventitems-990102-votes.json")
        ),
        PDF_A: Answer(shared("legistar" + PDF_A), headers={"Content-Type": "application/pdf"}),
        PDF_B: Answer(shared("legistar" + PDF_B), headers={"Content-Type": "application/pdf"}),
    }


def metro(server: FixtureServer, folder: Path, *args: str) -> Result:
    return harvest("legistar", "metro", "--api-root", server.url + "/v1", "--into", str(folder),
                   "--minutes-in-matters", "--council", "LA Metro", *FAST, *args)  # fmt: skip


def test_legistar_follows_the_chain_to_the_minutes(
    tmp_path: Path, servers: list[FixtureServer]
) -> None:
    server = FixtureServer()
    server.routes = metro_routes(server)
    servers.append(server)
    result = metro(server, tmp_path)
    assert result.exit_code == 0, result.output
    assert "2 meetings seen, 2 documents new" in result.stderr
    first = tmp_path / "board-of-directors-regular-board-meeting" / "2024-09-26-2907.pdf"
    second = tmp_path / "board-of-directors-special-board-meeting" / "2024-10-23-990001.pdf"
    assert first.read_bytes() == shared("legistar" + PDF_A)
    assert second.read_bytes() == shared("legistar" + PDF_B)
    meta = sidecar(first)
    assert {k: v for k, v in meta.items() if k != "harvest"} == {
        "council": "LA Metro",
        "committee": "Board of Directors - Regular Board Meeting",
        "date": date(2024, 9, 26),
        "url": "https://metro.legistar.com/MeetingDetail.aspx?LEGID=2907&GID=557&G=A5FAA737-A54D-4A6C-B1E8-FF70F765FA94",
        "venue": "One Gateway Plaza, Los Angeles, CA 90012, 3rd Floor, Metro Board Room",
    }
    facts = meta["harvest"]
    assert facts["document_url"] == server.url + PDF_A
    assert facts["document_name"] == "Regular Board Meeting MINUTES - September 26, 2024"
    assert (facts["event_id"], facts["body_id"], facts["matter_id"]) == (2907, 138, 10881)
    assert facts["content_type"] == "application/pdf"
    voted = facts["items"][1]
    assert (voted["title"], voted["passed"], voted["mover"], voted["tally"]) == (
        "APPROVE Consent Calendar Items.", "Pass", "Test Mover", "2:1")  # fmt: skip
    assert [(v["person"], v["vote"]) for v in voted["votes"]] == [
        ("Test Mover", "Aye"), ("Test Seconder", "Aye"), ("Test Member", "Nay")]  # fmt: skip
    assert "votes" not in facts["items"][0]
    # The matter's attachments were asked once for both meetings; each PDF once.
    assert server.paths().count(METRO + "matters/10881/attachments") == 1
    assert (server.paths().count(PDF_A), server.paths().count(PDF_B)) == (1, 1)
    matters = [s.query["$filter"] for s in server.seen if s.path == METRO + "matters"]
    assert "substringof('September 26, 2024', MatterTitle)" in matters[0]
    assert "substringof('October 23, 2024', MatterTitle)" in matters[1]


def test_legistar_second_run_asks_again_only_what_changed(
    tmp_path: Path, servers: list[FixtureServer]
) -> None:
    server = FixtureServer()
    server.routes = metro_routes(server)
    servers.append(server)
    metro(server, tmp_path)
    server.seen.clear()
    result = metro(server, tmp_path)
    assert "2 meetings seen, 0 documents new, 0 updated, 2 skipped" in result.stderr
    assert server.paths() == [METRO + "events"]
    # The platform changed event 2907 (and renamed its body): it is read again, its PDF asked
    # for conditionally, and kept where it was.
    server.routes = metro_routes(server, version="1", body="Board of Directors")
    server.seen.clear()
    result = metro(server, tmp_path)
    assert "2 meetings seen, 0 documents new, 0 updated, 2 skipped" in result.stderr
    asked = [s for s in server.seen if s.path == PDF_A]
    assert [(s.status, s.headers["If-None-Match"]) for s in asked] == [
        (304, '"' + hashlib.sha1(shared("legistar" + PDF_A)).hexdigest() + '"')]  # fmt: skip
    assert PDF_B not in server.paths()
    pdfs = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.pdf"))
    assert pdfs == ["board-of-directors-regular-board-meeting/2024-09-26-2907.pdf",
                    "board-of-directors-special-board-meeting/2024-10-23-990001.pdf"]  # fmt: skip
    meta = sidecar(tmp_path / pdfs[0])
    assert (meta["committee"], meta["harvest"]["last_modified_utc"]) == (
        "Board of Directors", "2024-09-21T00:49:38.6171")  # fmt: skip


def test_legistar_retries_429_and_500(tmp_path: Path, servers: list[FixtureServer]) -> None:
    server = FixtureServer()
    routes = metro_routes(server)
    events, attachments = routes[METRO + "events"], routes[METRO + "matters/10881/attachments"]
    assert isinstance(events, Answer) and isinstance(attachments, Answer)
    routes[METRO + "events"] = [Answer(b"slow down", 429, {"Retry-After": "1"}), events]
    routes[METRO + "matters/10881/attachments"] = [Answer(b"oops", 500), attachments]
    server.routes = routes
    servers.append(server)
    result = metro(server, tmp_path)
    assert result.exit_code == 0, result.output
    assert "2 documents new" in result.stderr
    tries = [s for s in server.seen if s.path == METRO + "events"]
    assert [s.status for s in tries] == [429, 200]
    assert tries[1].at - tries[0].at >= 0.9  # Retry-After honoured
    assert [s.status for s in server.seen if s.path.endswith("attachments")] == [500, 200]


def test_legistar_gives_up_after_the_retries_and_goes_on(
    tmp_path: Path, servers: list[FixtureServer]
) -> None:
    server = FixtureServer()
    server.routes = metro_routes(server)
    server.routes[PDF_A] = Answer(b"down", 503)
    servers.append(server)
    result = metro(server, tmp_path, "--retries", "1")
    assert result.exit_code == 1
    assert f"failed: {server.url}{PDF_A}: HTTP 503 after 2 tries" in result.stderr
    assert "2 meetings seen, 1 documents new" in result.stderr
    state = json.loads((tmp_path / ".harvest-state.json").read_text())
    assert state["meetings"]["2907"]["status"] == "failed"
    # The next run asks only for what failed.
    server.routes = metro_routes(server)
    server.seen.clear()
    result = metro(server, tmp_path)
    assert "2 meetings seen, 1 documents new, 0 updated, 1 skipped" in result.stderr
    assert PDF_B not in server.paths() and PDF_A in server.paths()


def test_legistar_reports_a_malformed_answer_and_harvests_the_rest(
    tmp_path: Path, servers: list[FixtureServer]
) -> None:
    server = FixtureServer()
    server.routes = metro_routes(server)
    server.routes[METRO + "events/2907/eventitems"] = Answer(b'[{"EventItemId": 1, "Event')
    servers.append(server)
    result = metro(server, tmp_path)
    assert result.exit_code == 1
    items = f"{server.url}/v1/metro/events/2907/eventitems?AgendaNote=1&MinutesNote=1&Attachments=1"
    assert (
        f"failed: {items}: not JSON (Unterminated string starting at: line 1 column 21 "
        f'(char 20)); the answer began \'[{{"EventItemId": 1, "Event\''
    ) in result.stderr
    assert "1 documents new" in result.stderr
    assert (
        tmp_path / "board-of-directors-special-board-meeting" / "2024-10-23-990001.pdf"
    ).is_file()


def test_legistar_refuses_a_document_over_the_size_cap(
    tmp_path: Path, servers: list[FixtureServer]
) -> None:
    server = FixtureServer()
    server.routes = metro_routes(server)
    servers.append(server)
    megabytes = "0.124"  # between the two PDFs: 122,192 and 136,636 bytes
    result = metro(server, tmp_path, "--max-size", megabytes)
    cap = int(float(megabytes) * 1024 * 1024)
    assert (
        f"failed: {server.url}{PDF_B}: larger than the cap of {cap:,} bytes (136,636 bytes)"
        in result.stderr
    )
    assert (tmp_path / "board-of-directors-regular-board-meeting" / "2024-09-26-2907.pdf").is_file()
    assert not list(tmp_path.rglob("2024-10-23-990001*"))


def test_legistar_never_follows_a_link_off_the_council_host(
    tmp_path: Path, servers: list[FixtureServer]
) -> None:
    elsewhere = FixtureServer({"/minutes.pdf": Answer(b"%PDF-1.4 not ours")})
    server = FixtureServer()
    servers.extend([elsewhere, server])
    routes = metro_routes(server)
    attachments = json.loads(on_server(shared("legistar/metro/matters-10881-attachments.json"),
                                       server))  # fmt: skip
    attachments[0]["MatterAttachmentHyperlink"] = elsewhere.url + "/minutes.pdf"
    routes[METRO + "matters/10881/attachments"] = Answer(json.dumps(attachments).encode())
    routes[PDF_B] = Answer(b"", 302, {"Location": elsewhere.url + "/minutes.pdf"})
    server.routes = routes
    result = metro(server, tmp_path)
    assert result.exit_code == 1
    assert (
        f"failed: {elsewhere.url}/minutes.pdf: not on the council's host; not followed"
        in result.stderr
    )
    assert result.stderr.count("not on the council's host") == 2  # the link, and the redirect
    assert elsewhere.seen == []
    assert not list(tmp_path.rglob("*.pdf"))


def test_legistar_pages_through_events_and_counts_meetings_without_minutes(
    tmp_path: Path, servers: list[FixtureServer]
) -> None:
    page = shared("legistar/oakland/events.json")
    server = FixtureServer({"/v1/oakland/events": lambda q: Answer(
        page if q["$skip"] == "0" else ours("legistar/empty-page.json"))})  # fmt: skip
    servers.append(server)
    result = harvest("legistar", "oakland", "--api-root", server.url + "/v1", "--into",
                     str(tmp_path), "--since", "2004-06-01", *FAST)  # fmt: skip
    assert result.exit_code == 0, result.output
    events = [e for e in json.loads(page) if e["EventDate"] >= "2004-06-01"]
    cancelled = [e for e in events if "cancel" in (e["EventComment"] or "").casefold()]
    assert (
        f"{len(events)} meetings seen, 0 documents new, 0 updated, 0 skipped (already "
        f"harvested), {len(events) - len(cancelled)} with no minutes yet, {len(cancelled)} "
        "cancelled, 0 failed."
    ) in result.stderr
    assert [s.query["$skip"] for s in server.seen] == ["0", "1000"]
    assert server.seen[0].query["$filter"] == "EventDate ge datetime'2004-06-01'"


def test_legistar_stops_paging_when_the_server_ignores_skip(
    tmp_path: Path, servers: list[FixtureServer]
) -> None:
    server = FixtureServer({"/v1/oakland/events": Answer(shared("legistar/oakland/events.json"))})
    servers.append(server)
    result = harvest("legistar", "oakland", "--api-root", server.url + "/v1", "--into",
                     str(tmp_path), *FAST)  # fmt: skip
    assert result.exit_code == 1
    assert [s.query["$skip"] for s in server.seen] == ["0", "1000"]
    assert "1000 meetings seen" in result.stderr
    assert (
        f"failed: {server.url}/v1/oakland/events: the page at $skip=1000 repeats earlier events"
    ) in result.stderr


def test_legistar_reports_the_api_message_and_unexpected_shapes(
    tmp_path: Path, servers: list[FixtureServer]
) -> None:
    server = FixtureServer()
    server.routes = metro_routes(server)
    server.routes[METRO + "matters"] = Answer(b'{"Message": "Something went wrong."}', 200)
    servers.append(server)
    result = metro(server, tmp_path, "--since", "2024-10-01")
    assert result.exit_code == 1
    matters = next(s for s in server.seen if s.path == METRO + "matters")
    assert matters.query["$filter"].startswith("MatterBodyId eq 138 and ")
    assert "the API answered: Something went wrong." in result.stderr
    server.routes = metro_routes(server)
    server.routes[METRO + "events/990001/eventitems"] = Answer(b'[{"EventItemPassedFlag": 1}]')
    result = metro(server, tmp_path, "--since", "2024-10-01")
    assert "failed: meeting 990001: unexpected answer (KeyError: 'EventItemId')" in result.stderr


def test_legistar_harvest_then_reindex_and_search(
    tmp_path: Path, servers: list[FixtureServer]
) -> None:
    server = FixtureServer()
    server.routes = metro_routes(server)
    servers.append(server)
    index = tmp_path / "index"
    result = metro(server, tmp_path / "metro", "--since", "2024-10-01", "--reindex", "--index",
                   str(index))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "1 meetings seen, 1 documents new" in result.stderr
    found = CliRunner().invoke(cli, ["search", "Paralympic", "--index", str(index), "--json"])
    hits = json.loads(found.output)["hits"]
    assert hits, found.output
    event = json.loads(ours("legistar/metro/event-990001.json"))
    assert {(h["council"], h["committee"], h["date"], h["url"]) for h in hits} == {
        ("LA Metro", "Board of Directors - Special Board Meeting", "2024-10-23",
         event["EventInSiteURL"])}  # fmt: skip


def test_legistar_interrupted_run_resumes(tmp_path: Path, servers: list[FixtureServer]) -> None:
    server = FixtureServer()
    server.routes = metro_routes(server)
    release = threading.Event()
    pdf_b = server.routes[PDF_B]
    assert isinstance(pdf_b, Answer)
    server.routes[PDF_B] = Answer(pdf_b.body, hold=release)
    servers.append(server)
    command = [sys.executable, "-c", "from indexer.cli import main; main()", "harvest",
               "legistar", "metro", "--api-root", server.url + "/v1", "--into", str(tmp_path),
               "--minutes-in-matters", *FAST]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, env={**os.environ})  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while PDF_B not in server.arrived and time.monotonic() < deadline:
            if process.poll() is not None:
                break
            time.sleep(0.05)
        assert PDF_B in server.arrived, "the run never reached the second PDF"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
        release.set()
    assert (tmp_path / "board-of-directors-regular-board-meeting" / "2024-09-26-2907.pdf").is_file()
    assert not list(tmp_path.rglob("2024-10-23-990001.pdf"))
    while PDF_B not in server.paths():  # the held answer goes out to no one, then is noted
        time.sleep(0.01)
    server.routes[PDF_B] = pdf_b
    server.seen.clear()
    result = metro(server, tmp_path)
    assert "2 meetings seen, 1 documents new, 0 updated, 1 skipped" in result.stderr
    assert PDF_A not in server.paths() and server.paths().count(PDF_B) == 1
    assert (
        tmp_path / "board-of-directors-special-board-meeting" / "2024-10-23-990001.pdf"
    ).is_file()


def test_legistar_unknown_body(tmp_path: Path, servers: list[FixtureServer]) -> None:
    server = FixtureServer({"/v1/olympia/bodies": Answer(shared("legistar/olympia/bodies.json"))})
    servers.append(server)
    result = harvest("legistar", "olympia", "--api-root", server.url + "/v1", "--into",
                     str(tmp_path), "--committee", "Parks Board", *FAST)  # fmt: skip
    names = sorted(b["BodyName"] for b in json.loads(shared("legistar/olympia/bodies.json")))
    assert result.stderr.strip() == (
        f"Error: no body named 'Parks Board' at {server.url}/v1/olympia/bodies; its bodies "
        f"are: {'; '.join(names)}"
    )


def test_legistar_committee_filters_events_by_body(
    tmp_path: Path, servers: list[FixtureServer]
) -> None:
    server = FixtureServer({
        "/v1/olympia/bodies": Answer(shared("legistar/olympia/bodies.json")),
        "/v1/olympia/events": Answer(shared("legistar/olympia/events.json")),
    })  # fmt: skip
    servers.append(server)
    result = harvest("legistar", "olympia", "--api-root", server.url + "/v1", "--into",
                     str(tmp_path), "--committee", "finance committee", *FAST)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert server.seen[1].query["$filter"] == "(EventBodyId eq 139)"
    # The recorded events are of other bodies: the server did not filter, we did.
    assert "0 meetings seen" in result.stderr


# -- the docs -----------------------------------------------------------------------------------


def test_every_harvest_option_is_documented() -> None:
    group = cli.commands["harvest"]
    assert isinstance(group, click.Group)
    guide = (ROOT / "docs" / "harvest.md").read_text()
    readme = (ROOT / "README.md").read_text()
    for name, command in group.commands.items():
        assert f"minutes-search harvest {name} " in readme
        result = CliRunner().invoke(cli, ["harvest", name, "--help"])
        assert result.exit_code == 0 and "Example" in result.output
        for option in command.params:
            if isinstance(option, click.Option) and option.name != "help":
                assert f"`{option.opts[0]}" in guide, f"{option.opts[0]} is not in docs/harvest.md"


# -- the polite client ---------------------------------------------------------------------------


def test_hosts() -> None:
    hosts = Hosts(frozenset({"webapi.legistar.com"}), (".legistar1.com",))
    assert hosts.allows("https://webapi.legistar.com/v1/metro/events")
    assert hosts.allows("https://metro.legistar1.com/metro/attachments/a.pdf")
    assert not hosts.allows("https://example.org/a.pdf")
    assert not hosts.allows("https://evil-legistar1.com/a.pdf")
    assert not hosts.allows("file:///etc/passwd")


def test_client_waits_the_delay_between_requests(servers: list[FixtureServer]) -> None:
    server = FixtureServer({"/a": Answer(b"a")})
    servers.append(server)
    waits: list[float] = []
    hosts = Hosts(frozenset({server.url.removeprefix("http://")}))
    with PoliteClient(hosts, Politeness(delay=5.0), sleep=waits.append) as client:
        client.get(server.url + "/a")
        client.get(server.url + "/a")
    assert len(waits) == 1 and 4.5 < waits[0] <= 5.0


def test_client_refuses_a_body_longer_than_the_cap_while_streaming(
    servers: list[FixtureServer],
) -> None:
    class Chunked(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # no Content-Length: the cap is met while reading
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for _ in range(100):
                self.wfile.write(b"400\r\n" + b"x" * 1024 + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")

        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Chunked)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_port}/big"
    try:
        hosts = Hosts(frozenset({f"127.0.0.1:{httpd.server_port}"}))
        polite = Politeness(delay=0, max_bytes=10_000)
        with PoliteClient(hosts, polite) as client, pytest.raises(FetchError) as raised:
            client.get(url)
        assert raised.value.reason == "larger than the cap of 10,000 bytes; download stopped"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_client_reports_a_site_that_does_not_answer_and_a_wait_too_long(
    servers: list[FixtureServer],
) -> None:
    server = FixtureServer({"/busy": Answer(b"busy", 429, {"Retry-After": "3600"})})
    servers.append(server)
    hosts = Hosts(frozenset({server.url.removeprefix("http://")}))
    polite = Politeness(delay=0, retries=1, backoff=0)
    with PoliteClient(hosts, polite) as client, pytest.raises(FetchError) as raised:
        client.get(server.url + "/busy")
    assert raised.value.reason == "HTTP 429; asked to wait 3600 s"
    closed = FixtureServer()
    address = closed.url
    closed.stop()  # nothing listens there any more
    hosts = Hosts(frozenset({address.removeprefix("http://")}))
    with PoliteClient(hosts, polite) as client, pytest.raises(FetchError) as raised:
        client.get(address + "/")
    assert raised.value.reason == "connection failed (ConnectError) after 2 tries"
