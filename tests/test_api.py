"""The JSON API: what it returns, its one error shape, and the OpenAPI document that covers it."""

from __future__ import annotations

import importlib.util
import json
import logging
import re
from pathlib import Path
from typing import Any, ClassVar

import jsonschema
import pytest
from click.testing import CliRunner
from openapi_spec_validator import validate
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.routing import Rule

from indexer.cli import cli
from search import browse
from search.engine import SearchEngine
from search.storage import IndexDir
from web import create_app, openapi
from web.errors import GENERIC_500
from web.params import PARAMETERS, search_request

ROOT = Path(__file__).resolve().parents[1]
LIBRARY_ITEM = "library services: reopening after closure"


def error(status: int, message: str, parameter: str | None = None) -> dict[str, Any]:
    return {"status": status, "error": message, "parameter": parameter}


def a_meeting(engine: SearchEngine, title: str = LIBRARY_ITEM) -> tuple[str, str]:
    """Return (meeting id, item id) of the sample item with this title."""
    hit = next(
        h
        for h in engine.search(search_request({"q": f'title:"{title}"', "kind": "item"})).hits
        if h.item_title.lower() == title
    )
    return hit.meeting_id, hit.id


# --- /api/search ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "q=library",
        "q=library&committee=Cabinet&committee=Council&sort=newest&per_page=5&page=2",
        "q=budget&kind=decision&from=2020&to=2021-06",
        'q="bus depot"&group=1',
        "speaker=Councillor Priya Patel&year=2020",
        "",
    ],
)
def test_search_is_the_library_page(client, engine: SearchEngine, query: str) -> None:
    args = ImmutableMultiDict(p.split("=", 1) for p in query.split("&") if p)
    response = client.get("/api/search", query_string=args)
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.json == engine.search(search_request(args)).to_dict()


def test_search_facets_count_every_match(client, engine: SearchEngine) -> None:
    data = client.get("/api/search?q=library&per_page=3").json
    page = engine.search(search_request({"q": "library", "per_page": "3"}))
    assert len(data["hits"]) == 3
    assert data["total"] == page.total > 3
    for name, counts in page.facets.items():
        assert list(data["facets"][name].items()) == [(c.value, c.count) for c in counts]
    assert sum(data["facets"]["kind"].values()) == data["total"]


def test_search_json_is_the_command_json(client, sample_index: Path) -> None:
    result = CliRunner().invoke(
        cli, ["search", "library", "--committee", "Cabinet", "--json", "--index", str(sample_index)]
    )
    assert result.exit_code == 0, result.output
    api = client.get("/api/search?q=library&committee=Cabinet")
    assert api.json == json.loads(result.output)
    assert api.get_data(as_text=True).startswith('{"total": ')  # the library's key order


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "q=x&from=2019-13",
            error(400, "'2019-13' is not a date (month must be in 1..12)", "from"),
        ),
        (
            "to=someday",
            error(
                400,
                "'someday' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD (like 2017-09-13)",
                "to",
            ),
        ),
        ("from=2021&to=2019", error(400, "from is after to", "from")),
        (
            "q=date:2019-13",
            error(
                400,
                "'2019-13' is not a date (month must be in 1..12) (at character 6 of the query)",
                "q",
            ),
        ),
        ("page=two", error(400, "page must be a whole number, not 'two'", "page")),
        ("page=0", error(400, "page must be 1 or more", "page")),
        ("per_page=500", error(400, "per_page must be between 1 and 100", "per_page")),
        (
            "per_page=100&page=101",
            error(400, "results go no deeper than 10000; narrow the search", "page"),
        ),
        ("sort=best", error(400, "sort must be one of relevance, newest, oldest", "sort")),
        ("kind=minutes", error(400, "kind must be item, speech, decision or attendance", "kind")),
        (
            "q=library&colour=red",
            error(
                400,
                "unknown parameter 'colour'; known: q, committee, speaker, council, kind, year, from, to, sort, page, per_page, group",
                "colour",
            ),
        ),
    ],
)
def test_search_errors_name_the_parameter(client, query: str, expected: dict[str, Any]) -> None:
    response = client.get(f"/api/search?{query}")
    assert response.status_code == 400
    assert response.mimetype == "application/json"
    assert response.json == expected


# --- items, meetings, status --------------------------------------------------------------------


def test_item(client, engine: SearchEngine) -> None:
    _, item_id = a_meeting(engine)
    data = client.get(f"/api/items/{item_id}").json
    assert data == browse.item(engine, item_id).to_dict()
    assert data["title"] == "Library services: reopening after closure"
    assert data["meeting"]["committee"] == "Overview and Scrutiny Committee"
    assert "Councillor Priya Patel" in data["speakers"]
    assert "highlighted" not in data


def test_item_found_by_any_of_its_chunks(client, engine: SearchEngine) -> None:
    _, item_id = a_meeting(engine)
    speech_id = client.get(f"/api/items/{item_id}").json["speeches"][0]["id"]
    assert client.get(f"/api/items/{speech_id}").json["id"] == item_id


def test_item_highlighted_with_q(client, engine: SearchEngine) -> None:
    _, item_id = a_meeting(engine)
    data = client.get(f"/api/items/{item_id}", query_string={"q": "libraries"}).json
    marked = data["highlighted"]
    assert marked["title"] == "<mark>Library</mark> services: reopening after closure"
    assert "all three <mark>libraries</mark> closed" in marked["text"]
    assert len(marked["speeches"]) == len(data["speeches"])
    assert len(marked["decisions"]) == len(data["decisions"])
    assert data["text"] == browse.item(engine, item_id).text  # the plain text stays plain


def test_meeting(client, engine: SearchEngine) -> None:
    meeting_id, item_id = a_meeting(engine)
    data = client.get(f"/api/meetings/{meeting_id}").json
    assert data == browse.meeting(engine, meeting_id).to_dict()
    assert data["date"] == "2020-06-30"
    assert item_id in [i["id"] for i in data["items"]]


def test_status(client, engine: SearchEngine) -> None:
    data = client.get("/api/status").json
    assert data == json.loads(json.dumps(browse.status(engine)))
    assert data["meetings"] == 31
    assert data["failed"] == []


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/api/items/nope", error(404, "no item with id 'nope'")),
        ("/api/meetings/nope", error(404, "no meeting with id 'nope'")),
        ("/api/nothing/here", error(404, "nothing at /api/nothing/here; see /api/openapi.json")),
        ("/api/items/x?colour=red", error(400, "unknown parameter 'colour'; known: q", "colour")),
        (
            "/api/status?verbose=1",
            error(400, "unknown parameter 'verbose'; known: none", "verbose"),
        ),
    ],
)
def test_not_found_and_unknown_parameters(client, url: str, expected: dict[str, Any]) -> None:
    response = client.get(url)
    assert (response.status_code, response.mimetype) == (expected["status"], "application/json")
    assert response.json == expected


# --- errors outside the request's control -----------------------------------------------------


def test_index_missing_is_503_with_the_next_step(tmp_path: Path) -> None:
    client = create_app({"TESTING": True, "INDEX": str(tmp_path / "none")}).test_client()
    response = client.get("/api/search?q=library")
    message = "there is no index yet; run `minutes-search reindex PATH` first"
    assert (response.status_code, response.json) == (503, error(503, message))
    page = client.get("/search?q=library")
    assert (page.status_code, page.mimetype) == (503, "text/html")
    assert "minutes-search reindex PATH" in page.get_data(as_text=True)


def test_index_out_of_date_is_503_with_the_next_step(tmp_path: Path) -> None:
    store = IndexDir(tmp_path)
    version = store.new_version()
    (version / "meta.json").write_text('{"schema_version": -1}', encoding="utf-8")
    store.swap(version)
    client = create_app({"TESTING": True, "INDEX": str(tmp_path)}).test_client()
    response = client.get("/api/status")
    assert response.status_code == 503
    assert response.json["error"] == (
        "the index was built by another version of minutes-search or cannot be opened; "
        "run `minutes-search reindex --full`"
    )
    assert str(tmp_path) not in response.get_data(as_text=True)


def test_unexpected_error_is_500_logged_never_shown(
    sample_index: Path, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app({"TESTING": True, "INDEX": str(sample_index)})

    def boom() -> str:
        raise RuntimeError("secret detail")

    app.add_url_rule("/api/boom", "api_boom", boom)
    app.add_url_rule("/boom", "boom", boom)
    client = app.test_client()
    with caplog.at_level(logging.ERROR):
        response = client.get("/api/boom")
        page = client.get("/boom")
    assert (response.status_code, response.json) == (500, error(500, GENERIC_500))
    assert (page.status_code, page.mimetype) == (500, "text/html")
    assert "secret" not in page.get_data(as_text=True)
    assert "Traceback" not in page.get_data(as_text=True)
    assert "secret detail" in caplog.text  # the operator sees it in the log


def test_write_methods_are_405_in_the_one_shape(client) -> None:
    response = client.post("/api/search?q=library")
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, HEAD, OPTIONS"
    assert response.json == error(405, "POST is not allowed here: this site only reads (GET)")


# --- the OpenAPI document ---------------------------------------------------------------------


def openapi_path(rule: Rule) -> str:
    return re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)


def test_openapi_is_a_valid_3_1_document(client) -> None:
    document = client.get("/api/openapi.json").json
    assert document == openapi.document()
    assert document["openapi"].startswith("3.1")
    validate(document)


def test_openapi_covers_every_route_the_app_serves(app) -> None:
    documented = openapi.document()["paths"]
    served = {openapi_path(r): r for r in app.url_map.iter_rules()}
    assert sorted(served) == sorted(documented)
    for path, rule in served.items():
        assert rule.methods <= {"GET", "HEAD", "OPTIONS"}, f"{path} can change something"
        in_path = {p["name"] for p in documented[path]["get"]["parameters"] if p["in"] == "path"}
        assert in_path == set(rule.arguments), path


@pytest.mark.parametrize("path", ["/api/search", "/search.atom", "/search.csv", "/search", "/"])
def test_openapi_lists_every_search_parameter(path: str) -> None:
    parameters = openapi.document()["paths"][path]["get"]["parameters"]
    assert [p["name"] for p in parameters] == list(PARAMETERS)
    pages = ("/search", "/")  # list hits grouped by meeting unless group=0
    described = {**PARAMETERS, "group": openapi.GROUP_ON_PAGES} if path in pages else PARAMETERS
    assert {p["name"]: p["description"] for p in parameters} == described


class _Recording(ImmutableMultiDict[str, str]):
    """Query arguments that remember which names the code asked for."""

    asked: ClassVar[set[str]] = set()

    def get(self, key, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        self.asked.add(key)
        return super().get(key, *args, **kwargs)

    def getlist(self, key, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        self.asked.add(key)
        return super().getlist(key, *args, **kwargs)

    def __getitem__(self, key):  # type: ignore[no-untyped-def]
        self.asked.add(key)
        return super().__getitem__(key)

    def __contains__(self, key):  # type: ignore[no-untyped-def]
        self.asked.add(key)
        return super().__contains__(key)


def test_openapi_lists_every_parameter_a_handler_reads(sample_index, engine) -> None:
    app = create_app({"TESTING": True, "INDEX": str(sample_index)})
    app.request_class = type(
        "Recording", (app.request_class,), {"parameter_storage_class": _Recording}
    )
    meeting_id, item_id = a_meeting(engine)
    values = {"id": item_id, "filename": "style.css"}
    documented = openapi.document()["paths"]
    for rule in app.url_map.iter_rules():
        url = rule.rule
        if "meetings" in url:
            url = url.replace("<id>", meeting_id)
        for name in rule.arguments:
            url = re.sub(rf"<(?:\w+:)?{name}>", values.get(name, "x"), url)
        _Recording.asked = set()
        app.test_client().get(url, query_string={"q": "library"})
        path = openapi_path(rule)
        listed = {p["name"] for p in documented[path]["get"]["parameters"]}
        assert _Recording.asked <= listed, f"{path} reads {_Recording.asked - listed}"


def test_openapi_lists_every_parameter_named_in_the_source() -> None:
    pattern = re.compile(r"""args(?:\.get|\.getlist|\.pop)?[(\[]\s*["'](\w+)["']""")
    sources = [*ROOT.joinpath("web").rglob("*.py"), *ROOT.joinpath("web").rglob("*.html")]
    read = {name for f in sources for name in pattern.findall(f.read_text(encoding="utf-8"))}
    documented = {
        p["name"]
        for item in openapi.document()["paths"].values()
        for p in item["get"]["parameters"]
    }
    assert read <= documented, f"read but not documented: {sorted(read - documented)}"


def _validator(name: str) -> jsonschema.Draft202012Validator:
    components = openapi.document()["components"]
    schema = {"$ref": f"#/components/schemas/{name}", "components": components}
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize(
    ("url", "schema"),
    [
        ("/api/search?q=library&group=1", "Page"),
        ("/api/search?q=budget&kind=decision", "Page"),
        ("/api/items/{item}?q=library", "Item"),
        ("/api/meetings/{meeting}", "Meeting"),
        ("/api/status", "Status"),
        ("/api/items/nope", "Error"),
        ("/api/search?page=x", "Error"),
    ],
)
def test_responses_match_their_schemas(client, engine, url: str, schema: str) -> None:
    meeting_id, item_id = a_meeting(engine)
    data = client.get(url.format(item=item_id, meeting=meeting_id)).json
    _validator(schema).validate(data)


def test_schemas_list_every_field_the_api_returns(client, engine) -> None:
    meeting_id, item_id = a_meeting(engine)
    schemas = openapi.document()["components"]["schemas"]
    returned = {
        "Page": client.get("/api/search?q=library&group=1").json,
        "Item": client.get(f"/api/items/{item_id}?q=library").json,
        "Meeting": client.get(f"/api/meetings/{meeting_id}").json,
        "Status": client.get("/api/status").json,
    }
    for name, data in returned.items():
        assert sorted(data) == sorted(schemas[name]["properties"]), name


def test_docs_api_md_is_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location("api_docs", ROOT / "scripts" / "api_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    expected = module.render(openapi.document())
    found = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    assert found == expected, "docs/api.md is stale: run python scripts/api_docs.py"
