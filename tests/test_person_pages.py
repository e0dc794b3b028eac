"""A person's page, its JSON and its feed (issue 10), over a real index of sample_data/."""

from __future__ import annotations

from xml.etree import ElementTree

from bs4 import BeautifulSoup

PATEL = "ashbury-borough-council/priya-patel"
ATOM = "{http://www.w3.org/2005/Atom}"


def soup(response) -> BeautifulSoup:  # type: ignore[no-untyped-def]
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def text(node) -> str:  # type: ignore[no-untyped-def]
    return " ".join(node.get_text(" ").split())


def test_person_page_shows_names_attendance_meetings_and_motions(client) -> None:
    response = client.get(f"/people/{PATEL}")
    assert response.status_code == 200
    page = soup(response)
    assert text(page.h1) == "Councillor Priya Patel"
    assert text(page.select_one(".lead")) == (
        "29 contributions to debates at 12 meetings; 4 motions moved and 1 motion seconded."
    )
    assert [text(li) for li in page.select(".person-forms li")] == [
        "Councillor Patel", "Councillor Priya Patel"]  # fmt: skip
    rows = [[text(c) for c in tr.select("th, td")]
            for tr in page.select(".attendance-record tbody tr")]  # fmt: skip
    assert rows == [["2021", "3", "0", "0"], ["2020", "3", "0", "0"], ["2019", "5", "0", "0"]]
    meetings = page.select(".person-meetings tbody tr")
    assert len(meetings) == 12
    assert [text(c) for c in meetings[0].select("td")] == [
        "23 November 2021", "Overview and Scrutiny Committee", "Present", "3"]  # fmt: skip
    motions = [
        [text(c) for c in tr.select("td")][2:] for tr in page.select(".person-motions tbody tr")
    ]
    assert motions == [
        ["Seconded", "agreed", "not recorded"],
        ["Moved", "lost", "not recorded"],
        ["Moved", "lost", "not recorded"],
        ["Moved", "approved", "5 for, 0 against"],
        ["Moved", "agreed", "5 for"],
    ]
    votes = [[text(c) for c in tr.select("td")][1:] for tr in page.select(".person-votes tbody tr")]
    assert votes == [  # the budget of 25 February 2021, a recorded vote on the motion, which
        # carried by it (the minutes state no fate for the motion itself)
        ["Item 77/21: Budget 2021-22 and Council Tax , Council", "Voted for", "carried",
         "10 for, 1 against"],
    ]  # fmt: skip
    feed = page.select_one('link[rel=alternate][type="application/atom+xml"]')
    assert feed is not None and feed["href"] == f"/people/{PATEL}/feed.atom"


def test_person_page_searches_within_their_words(client) -> None:
    page = soup(client.get(f"/people/{PATEL}?q=library"))
    hits = page.select(".person-speeches li.hit")
    assert len(hits) == 25
    assert all("<mark>" in str(h.select_one(".snippet")).lower() for h in hits)
    assert text(page.select_one("section[aria-labelledby=words] .hint")) == (
        "25 contributions matching “library”."
    )
    nothing = soup(client.get(f"/people/{PATEL}?q=zeppelin"))
    assert "Nothing Councillor Priya Patel said matches “zeppelin”." in text(nothing.main)


def test_person_page_of_no_one_is_404(client) -> None:
    assert client.get("/people/ashbury-borough-council/nobody").status_code == 404
    assert client.get("/api/people/ashbury-borough-council/nobody").json == {
        "status": 404,
        "error": "no person with id 'ashbury-borough-council/nobody'",
        "parameter": None,
    }


def test_person_json(client) -> None:
    data = client.get(f"/api/people/{PATEL}").json
    assert (data["id"], data["name"], data["kind"], data["council"]) == (
        PATEL, "Councillor Priya Patel", "person", "Ashbury Borough Council")  # fmt: skip
    assert data["committees"] == ["Cabinet", "Council", "Licensing Committee",
                                  "Overview and Scrutiny Committee", "Planning Committee"]  # fmt: skip
    assert data["attendance"]["2019"] == {"present": 5, "apologies": 0, "absent": 0}
    assert data["speeches_total"] == 29 and data["speeches"]["total"] == 29
    assert len(data["motions"]) == 5
    assert [(v["item_number"], v["part"]) for v in data["recorded_votes"]] == [
        ("77/21", "voted for")
    ]
    assert data["offices"] == []  # "speaking with the permission of the Leader" is no office
    searched = client.get(f"/api/people/{PATEL}?q=library").json
    assert searched["speeches"]["total"] == 25
    refused = client.get(f"/api/people/{PATEL}?page=2")
    assert refused.status_code == 400
    assert refused.json["error"] == "unknown parameter 'page'; known: q"


def test_person_feed_lists_their_speeches_and_motions_newest_first(client) -> None:
    response = client.get(f"/people/{PATEL}/feed.atom")
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    feed = ElementTree.fromstring(response.data)
    assert feed.findtext(f"{ATOM}title") == "Council minutes search: Councillor Priya Patel"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 29 + 5 + 1  # speeches, motions, the recorded vote she was in
    kinds = {e.find(f"{ATOM}category").get("term") for e in entries}  # type: ignore[union-attr]
    assert kinds == {"speech", "decision"}
    dates = [e.findtext(f"{ATOM}updated") for e in entries]
    assert dates == sorted(dates, reverse=True)
    assert client.get("/people/ashbury-borough-council/nobody/feed.atom").status_code == 404


def test_speaker_facet_and_hits_link_to_the_person(client) -> None:
    page = soup(client.get("/search?q=library+opening+hours&group=0"))
    facet = page.select_one("section[aria-labelledby=facet-speaker]")
    record = facet.select_one("a.facet-person")  # type: ignore[union-attr]
    assert record is not None
    assert record["href"] == "/speakers/Councillor%20Priya%20Patel"
    speaker = page.select_one("li.hit a.hit-speaker")
    assert speaker is not None and speaker["href"].startswith("/speakers/")
    person = client.get(speaker["href"])
    assert person.status_code == 302 and person.headers["Location"].startswith("/people/")
    grouped = soup(client.get("/search?q=library+opening+hours"))
    record = grouped.select_one("li.hit a.hit-person")
    assert record is not None and record["href"] == "/speakers/Councillor%20Margaret%20Ellwood"
    assert text(record) == "record of Councillor Margaret Ellwood"


def test_how_each_member_voted_in_a_recorded_vote(client) -> None:
    ormerod = client.get("/api/people/ashbury-borough-council/v-ormerod").json
    assert [(v["item_number"], v["part"]) for v in ormerod["recorded_votes"]] == [
        ("77/21", "voted against")
    ]
    for pid in ("b-cartwright", "h-dunmore"):
        voted = client.get(f"/api/people/ashbury-borough-council/{pid}").json["recorded_votes"]
        assert [(v["item_number"], v["part"]) for v in voted] == [("77/21", "abstained")]
    ellwood = client.get("/api/people/ashbury-borough-council/margaret-ellwood").json
    assert ("77/21", "voted for") in [
        (v["item_number"], v["part"]) for v in ellwood["recorded_votes"]
    ]
