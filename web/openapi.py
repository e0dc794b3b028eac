"""The OpenAPI 3.1 document of every URL the site serves: API, feeds and pages.

Built in code from web.params.PARAMETERS, so a new search parameter is documented where it is
declared; tests/test_api.py fails when a route or a parameter the code reads is missing here,
and scripts/api_docs.py renders it as docs/api.md.
"""

from __future__ import annotations

from typing import Any

from indexer.chunks import KINDS
from indexer.model import ROLES
from search.engine import MAX_DEPTH, MAX_PER_PAGE
from search.people import MOTION_PARTS, VOTE_PARTS
from search.results import SORTS
from web import DEFAULTS
from web.params import PARAMETERS

Schema = dict[str, Any]

STRING: Schema = {"type": "string"}
TEXT_OR_NULL: Schema = {"type": ["string", "null"]}
INTEGER: Schema = {"type": "integer"}
INT_OR_NULL: Schema = {"type": ["integer", "null"]}
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
DATE_OR_NULL: Schema = {"type": ["string", "null"], "format": "date"}

# The schema of each search parameter; one is needed for every name in PARAMETERS.
PARAMETER_SCHEMAS: dict[str, Schema] = {
    "q": {"type": "string", "default": ""},
    "committee": {"type": "array", "items": STRING},
    "speaker": {"type": "array", "items": STRING},
    "council": {"type": "array", "items": STRING},
    "kind": {"type": "array", "items": {"type": "string", "enum": list(KINDS)}},
    "year": {"type": "array", "items": {"type": "string", "pattern": r"^\d{4}$"}},
    "from": {"type": "string", "pattern": DATE_PATTERN},
    "to": {"type": "string", "pattern": DATE_PATTERN},
    "sort": {"type": "string", "enum": list(SORTS), "default": "relevance"},
    "page": {"type": "integer", "minimum": 1, "default": 1},
    "per_page": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE, "default": 20},
    "group": {"type": "string", "enum": ["1", "0"], "default": "0"},
}


def _object(properties: dict[str, Schema], optional: tuple[str, ...] = ()) -> Schema:
    required = [name for name in properties if name not in optional]
    return {"type": "object", "properties": properties, "required": required}


def _ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def _decision_part(parts: tuple[str, ...]) -> Schema:
    """A decision a person had a part in, and which part (search/people.py, Motion)."""
    return _object(
        {
            "id": STRING,
            "meeting_id": STRING,
            "committee": TEXT_OR_NULL,
            "date": DATE_OR_NULL,
            "item_number": STRING,
            "item_title": STRING,
            "outcome": TEXT_OR_NULL,
            "votes_for": INT_OR_NULL,
            "votes_against": INT_OR_NULL,
            "abstentions": INT_OR_NULL,
            "part": {"type": "string", "enum": list(parts)},
        }
    )


def _array(items: Schema) -> Schema:
    return {"type": "array", "items": items}


def _counts() -> Schema:
    return {"type": "object", "additionalProperties": INTEGER}


SOURCE: Schema = {
    "type": "string",
    "description": "The document, named within the folder it was indexed from "
    "(sample_data/kelmscott-district-council/cabinet/2019-10-09.txt), never by a path of the "
    "server; `url`, when the minutes give it, links the council's own page.",
}

# What a meeting's summary and the whole meeting both say about it.
MEETING_FACTS: dict[str, Schema] = {
    "id": STRING,
    "council": TEXT_OR_NULL,
    "committee": TEXT_OR_NULL,
    "date": DATE_OR_NULL,
    "start_time": TEXT_OR_NULL,
    "date_inferred": {"type": "boolean"},
    "venue": TEXT_OR_NULL,
    "status": {
        "type": ["string", "null"],
        "description": "draft, confirmed, or agenda (a meeting to come, not minutes)",
    },
    "url": {"type": ["string", "null"], "description": "The council's own page, when known."},
    "source": SOURCE,
}

SCHEMAS: dict[str, Schema] = {
    "Error": _object(
        {
            "status": INTEGER,
            "error": {"type": "string", "description": "What was wrong, and what to do."},
            "parameter": {
                "type": ["string", "null"],
                "description": "The query parameter at fault, or null.",
            },
        }
    ),
    "Hit": _object(
        {
            "id": {"type": "string", "description": "The chunk's id; /items/{id} shows its item."},
            "kind": {"type": "string", "enum": list(KINDS)},
            "council": TEXT_OR_NULL,
            "committee": TEXT_OR_NULL,
            "date": DATE_OR_NULL,
            "item_number": STRING,
            "item_title": STRING,
            "speaker": TEXT_OR_NULL,
            "snippet": {"type": "string", "description": "HTML: query words in <mark>."},
            "meeting_id": STRING,
            "source": SOURCE,
            "score": {"type": "number", "description": "Relevance; 0 when sorted by date."},
            "outcome": TEXT_OR_NULL,
            "url": {"type": ["string", "null"], "description": "The council's own page."},
        }
    ),
    "MeetingGroup": _object(
        {
            "meeting_id": STRING,
            "council": TEXT_OR_NULL,
            "committee": TEXT_OR_NULL,
            "date": DATE_OR_NULL,
            "hits": _array(_ref("Hit")),
        }
    ),
    "Page": _object(
        {
            "total": {"type": "integer", "description": "Matches in all."},
            "page": INTEGER,
            "per_page": INTEGER,
            "pages": INTEGER,
            "hits": _array(_ref("Hit")),
            "facets": {
                "type": "object",
                "description": "For committee, year, speaker, kind and council: "
                "{value: count} over every match, most frequent first.",
                "additionalProperties": _counts(),
            },
            "notes": {
                "type": "array",
                "items": STRING,
                "description": "What a lenient reading of the query changed.",
            },
            "groups": {
                "type": "array",
                "items": _ref("MeetingGroup"),
                "description": "With group=1: the page's hits by meeting.",
            },
        },
        optional=("groups",),
    ),
    "MeetingSummary": _object(
        {**MEETING_FACTS, "items": {"type": "integer", "description": "How many items."}}
    ),
    "Speech": _object({"id": STRING, "speaker": STRING, "role": TEXT_OR_NULL, "text": STRING}),
    "Decision": _object(
        {
            "id": STRING,
            "text": STRING,
            "outcome": TEXT_OR_NULL,
            "votes_for": INT_OR_NULL,
            "votes_against": INT_OR_NULL,
            "abstentions": INT_OR_NULL,
            "mover": TEXT_OR_NULL,
            "seconder": TEXT_OR_NULL,
        }
    ),
    "Highlighted": _object(
        {
            "title": STRING,
            "text": STRING,
            "speeches": _array(STRING),
            "decisions": _array(STRING),
        }
    ),
    "Item": _object(
        {
            "id": STRING,
            "number": STRING,
            "title": STRING,
            "text": STRING,
            "meeting": _ref("MeetingSummary"),
            "speakers": _array(STRING),
            "speeches": _array(_ref("Speech")),
            "decisions": _array(_ref("Decision")),
            "previous_id": TEXT_OR_NULL,
            "next_id": TEXT_OR_NULL,
            "highlighted": {
                **_ref("Highlighted"),
                "description": "With q: the title, text, speeches and decisions as HTML, "
                "the query's words in <mark>.",
            },
        },
        optional=("highlighted",),
    ),
    "Meeting": _object(
        {
            **MEETING_FACTS,
            "attendance": {
                "type": "object",
                "description": f"Names by role: {', '.join(ROLES)}.",
                "additionalProperties": _array(STRING),
            },
            "items": _array(
                _object(
                    {
                        "id": STRING,
                        "number": STRING,
                        "title": STRING,
                        "speakers": {"type": "integer", "description": "How many speeches."},
                        "decisions": INTEGER,
                    }
                )
            ),
        }
    ),
    "Person": _object(
        {
            "id": {**STRING, "description": "Stable: the council and the fullest name."},
            "name": {**STRING, "description": "The fullest name the minutes give."},
            "kind": {"type": "string", "enum": ["person", "office"]},
            "council": TEXT_OR_NULL,
            "forms": {**_array(STRING), "description": "Every form of the name seen."},
            "offices": _array(STRING),
            "evidence": {
                **_array(_object({"form": STRING, "reason": STRING, "source": TEXT_OR_NULL})),
                "description": "Why each form was joined to the person.",
            },
            "committees": _array(STRING),
            "attendance": {
                "type": "object",
                "description": "Per year: meetings present at, apologies sent, absences.",
                "additionalProperties": _object(
                    {"present": INTEGER, "apologies": INTEGER, "absent": INTEGER}
                ),
            },
            "meetings": _array(
                _object(
                    {
                        "meeting_id": STRING,
                        "council": TEXT_OR_NULL,
                        "committee": TEXT_OR_NULL,
                        "date": DATE_OR_NULL,
                        "role": {**TEXT_OR_NULL, "enum": [*ROLES, None]},
                        "speeches": INTEGER,
                        "written": _array(STRING),
                    }
                )
            ),
            "motions": _array(_decision_part(MOTION_PARTS)),
            "recorded_votes": _array(_decision_part(VOTE_PARTS)),
            "speeches": {**_ref("Page"), "description": "Their speeches matching q."},
            "speeches_total": INTEGER,
            "q": STRING,
            "votes": STRING,
        }
    ),
    "Status": _object(
        {
            "meetings": INTEGER,
            "chunks": INTEGER,
            "chunks_by_kind": _counts(),
            "councils": _array(STRING),
            "committees": _array(STRING),
            "first_date": DATE_OR_NULL,
            "last_date": DATE_OR_NULL,
            "files": INTEGER,
            "last_reindex": {
                "type": ["object", "null"],
                "description": "The last run's report: when it finished, how long it took, "
                "files seen, added, updated, unchanged, removed and failed.",
            },
            "bodies": _array(
                _object(
                    {
                        "council": TEXT_OR_NULL,
                        "committee": TEXT_OR_NULL,
                        "meetings": INTEGER,
                        "first_date": DATE_OR_NULL,
                        "last_date": DATE_OR_NULL,
                    }
                )
            ),
            "failed": _array(_object({"source": SOURCE, "reason": STRING})),
            "unstructured": {
                **_array(_object({"source": SOURCE, "words": INTEGER})),
                "description": "Documents in which no item was recognised: they are indexed "
                "whole, as sections of text, and `minutes-search parse` shows why.",
            },
            "placed": {
                "type": ["number", "null"],
                "description": "The share (0 to 1) of the indexed words that the reader placed "
                "in recognised items; the rest is indexed as sections of text.",
            },
            "least_placed": {
                **_array(
                    _object({"source": SOURCE, "words": INTEGER, "placed": {"type": "number"}})
                ),
                "description": "The ten documents with the least of their text in items.",
            },
        }
    ),
}

ERRORS: dict[str, str] = {
    "400": "A parameter is invalid or unknown; `parameter` names it.",
    "404": "No such item, meeting or URL.",
    "405": "Only GET, HEAD and OPTIONS are served: nothing here changes the index.",
    "429": (
        "Only where the site sets RATE_LIMIT: this client made too many requests; `Retry-After` "
        "says in how many seconds to come back."
    ),
    "500": "An unexpected error; it is logged, and the message is generic.",
    "503": (
        "The index is missing or was built by another version (`error` says what to run), or "
        "the server is busy (`Retry-After` says when to try again)."
    ),
}


def parameter(name: str, description: str, schema: Schema, where: str = "query") -> Schema:
    """Return one parameter object; repeatable ones are written name=a&name=b."""
    found: Schema = {
        "name": name,
        "in": where,
        "description": description,
        "required": where == "path",
        "schema": schema,
    }
    if schema.get("type") == "array":
        found.update(style="form", explode=True)
    return found


def search_parameters() -> list[Schema]:
    """Return the search's parameters, as web.params reads them."""
    return [parameter(name, text, PARAMETER_SCHEMAS[name]) for name, text in PARAMETERS.items()]


def path_id(what: str) -> Schema:
    return parameter("id", f"The {what}'s id.", STRING, where="path")


def q_highlight(where: str) -> Schema:
    return parameter(
        "q", f"A query whose words are marked in {where} (an unreadable one marks nothing).", STRING
    )


def _content(media_type: str, schema: Schema | None = None) -> dict[str, Any]:
    return {media_type: {"schema": schema} if schema else {}}


def operation(
    operation_id: str,
    tag: str,
    summary: str,
    description: str,
    parameters: list[Schema],
    ok: dict[str, Any],
    errors: tuple[str, ...] = ("400", "405", "429", "500", "503"),
) -> dict[str, Any]:
    """Return a GET operation with its 200 and error responses."""
    responses: dict[str, Any] = {"200": {"description": "OK", "content": ok}}
    kind = "Json" if tag == "api" else "Html"
    responses.update({code: {"$ref": f"#/components/responses/{kind}{code}"} for code in errors})
    return {
        "get": {
            "tags": [tag],
            "summary": summary,
            "description": description,
            "operationId": operation_id,
            "parameters": parameters,
            "responses": responses,
        }
    }


def api_paths() -> dict[str, Any]:
    json = "application/json"
    return {
        "/api/search": operation(
            "apiSearch",
            "api",
            "Search the minutes",
            "The same JSON as `minutes-search search --json`: a page of hits with facet "
            "counts over every match. Unknown parameters are refused (400).",
            search_parameters(),
            _content(json, _ref("Page")),
        ),
        "/api/items/{id}": operation(
            "apiItem",
            "api",
            "Show an item",
            "An item with its text, speeches and decisions, and its neighbours in the meeting. "
            "The id of any of the item's chunks (a hit's id) finds it. With q, `highlighted` "
            "holds the same text as HTML with the query's words in <mark>.",
            [path_id("item"), q_highlight("`highlighted`")],
            _content(json, _ref("Item")),
            errors=("400", "404", "405", "429", "500", "503"),
        ),
        "/api/meetings/{id}": operation(
            "apiMeeting",
            "api",
            "Show a meeting",
            "A meeting's facts, its attendance by role and its items.",
            [path_id("meeting")],
            _content(json, _ref("Meeting")),
            errors=("400", "404", "405", "429", "500", "503"),
        ),
        "/api/people/{id}": operation(
            "apiPerson",
            "api",
            "Show a person",
            "One person of a council (docs/people.md): the names the minutes give them, the "
            "evidence that joined them, committees, attendance per year, meetings, motions "
            "moved and seconded, recorded votes (how they voted where the minutes name who "
            "voted), and their speeches matching q (newest first without). The "
            "id is the council's and the person's, as `minutes-search people` prints it.",
            [path_id("person"), parameter("q", "Search within the person's words.", STRING)],
            _content(json, _ref("Person")),
            errors=("400", "404", "405", "429", "500", "503"),
        ),
        "/api/status": operation(
            "apiStatus",
            "api",
            "Show the index status",
            "What is indexed per council and committee, the last reindex and its failures.",
            [],
            _content(json, _ref("Status")),
        ),
        "/api/openapi.json": operation(
            "apiOpenapi",
            "api",
            "This document",
            "The OpenAPI 3.1 document of every URL the site serves.",
            [],
            _content(json, {"type": "object"}),
            errors=("400", "405", "500"),
        ),
    }


def feed_paths() -> dict[str, Any]:
    from web.feeds import CSV_COLUMNS, FEED_KINDS, PAGING  # web.feeds imports this module

    ignored = ", ".join(f"`{name}`" for name in PAGING)
    atom = operation(
        "searchAtom",
        "feeds",
        "Follow a search",
        "An Atom 1.0 feed of the newest matches, for alerts: sorted newest first (`sort` is "
        f"ignored), of kind {' and '.join(FEED_KINDS)} unless `kind` is given, at most "
        f"FEED_LIMIT entries ({DEFAULTS['FEED_LIMIT']} by default). Each entry links to the "
        "item's page (an attendance entry to the meeting's page) and is dated by its meeting. "
        f"{ignored} are accepted and ignored.",
        search_parameters(),
        _content("application/atom+xml"),
    )
    export = operation(
        "searchCsv",
        "feeds",
        "Export a search",
        "Every match as CSV (UTF-8 with a byte-order mark), in the order of `sort`, up to "
        f"CSV_LIMIT rows ({DEFAULTS['CSV_LIMIT']} by default, at most {MAX_DEPTH}). Columns: "
        f"{', '.join(CSV_COLUMNS)}; the snippet is plain text and url the item's page. Cells "
        "starting with = + - @ (or a tab or carriage return) get a leading apostrophe so "
        f"spreadsheets do not run them as formulas. {ignored} are accepted and ignored.",
        search_parameters(),
        _content("text/csv"),
    )
    export["get"]["responses"]["200"]["headers"] = {
        "X-Total-Count": {"description": "how many matched in all", "schema": INTEGER},
        "Content-Disposition": {
            "description": 'attachment; filename="minutes-WORDS-OF-THE-QUERY.csv"',
            "schema": STRING,
        },
    }
    person = operation(
        "personAtom",
        "feeds",
        "Follow a person",
        "An Atom 1.0 feed of a person's newest speeches, the motions they moved or "
        "seconded and the decisions of recorded votes that name them, newest first, at most "
        f"FEED_LIMIT entries ({DEFAULTS['FEED_LIMIT']} by default)."
        " Each entry links to the speech or decision on its item's page.",
        [path_id("person")],
        _content("application/atom+xml"),
        errors=("400", "404", "405", "429", "500", "503"),
    )
    return {"/search.atom": atom, "/search.csv": export, "/people/{id}/feed.atom": person}


PAGE_ERRORS = ("400", "404", "405", "429", "500", "503")
GROUP_ON_PAGES = "0 to list the hits one by one; they are grouped by meeting by default."


def page(
    operation_id: str,
    summary: str,
    description: str,
    parameters: list[Schema] | None = None,
    media_type: str = "text/html",
) -> dict[str, Any]:
    """Return the GET operation of an HTML page (or another document for people)."""
    return operation(
        operation_id,
        "pages",
        summary,
        description,
        parameters or [],
        _content(media_type),
        PAGE_ERRORS,
    )


def page_search_parameters() -> list[Schema]:
    """Return the search's parameters as the pages read them (grouped unless group=0)."""
    found = search_parameters()
    for p in found:
        if p["name"] == "group":
            p.update(description=GROUP_ON_PAGES, schema={**p["schema"], "default": "1"})
    return found


def page_paths() -> dict[str, Any]:
    exact = "exact name, as the committees page shows it"
    return {
        "/": page(
            "home",
            "Home page",
            "The search box and what is indexed; given search parameters, the search page.",
            page_search_parameters(),
        ),
        "/search": page(
            "searchPage",
            "Search page",
            "Hits grouped by meeting, facets to narrow them, a chart of matches by year, paging "
            "and links to the Atom feed and CSV export of the same search. A query that cannot "
            "be read is shown with the reason (400).",
            page_search_parameters(),
        ),
        "/items/{id}": page(
            "itemPage",
            "Item page",
            "An item in full: its text, speeches and decisions, with the previous and next item.",
            [path_id("item"), q_highlight("the page")],
        ),
        "/meetings/{id}": page(
            "meetingPage",
            "Meeting page",
            "A meeting: its facts, attendance and items.",
            [path_id("meeting")],
        ),
        "/people/{id}": page(
            "personPage",
            "Person page",
            "One person: names, committees, attendance per year, speeches by meeting, motions "
            "moved and seconded, votes for and against where the minutes name who voted, and "
            "a search within their words (q).",
            [path_id("person"), parameter("q", "Search within the person's words.", STRING)],
        ),
        "/speakers/{name}": page(
            "speakerPage",
            "Speaker page",
            "A name the minutes give: sent on (302) to its person's page when the name is one "
            "person's; otherwise what was said and attended under that name, newest first.",
            [parameter("name", "The person's name as the minutes give it.", STRING, "path")],
        ),
        "/committees": page(
            "committeesPage", "Committees", "Every council's committees with their meetings."
        ),
        "/committee": page(
            "committeePage",
            "Committee page",
            "One committee's meetings by year.",
            [
                parameter("council", f"The council, {exact}.", STRING),
                parameter("committee", f"The committee, {exact}.", STRING),
            ],
        ),
        "/status": page(
            "statusPage",
            "Index status",
            "What is indexed, when the last reindex ran and which files it could not read.",
        ),
        "/help/query-syntax": page("queryHelp", "Query syntax", "How to write a query."),
        "/opensearch.xml": page(
            "opensearch",
            "OpenSearch description",
            "Lets a browser add the search box.",
            media_type="application/opensearchdescription+xml",
        ),
        "/static/{filename}": page(
            "static",
            "Static files",
            "The style sheet and images.",
            [parameter("filename", "The file's path.", STRING, where="path")],
            media_type="*/*",
        ),
    }


def document() -> dict[str, Any]:
    """Return the OpenAPI 3.1 document."""
    responses = {
        f"Json{code}": {"description": text, "content": _content("application/json", _ref("Error"))}
        for code, text in ERRORS.items()
    }
    responses.update(
        {
            f"Html{code}": {"description": text, "content": _content("text/html")}
            for code, text in ERRORS.items()
        }
    )
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "minutes-search",
            "version": "1",
            "description": "Search over council minutes. Every URL is read-only (GET). Errors "
            "under /api/ are JSON of one shape, "
            '{"status": 400, "error": "message", "parameter": "name or null"}; other URLs '
            "answer errors with an HTML page.",
        },
        "servers": [{"url": "/"}],
        "tags": [
            {"name": "api", "description": "JSON"},
            {"name": "feeds", "description": "Alerts and exports of a search"},
            {"name": "pages", "description": "HTML for people"},
        ],
        "paths": {**api_paths(), **feed_paths(), **page_paths()},
        "components": {"schemas": SCHEMAS, "responses": responses},
    }
