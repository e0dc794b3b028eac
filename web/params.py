"""One reading of the search parameters, shared by the pages, the API, the feed and the CSV."""

from __future__ import annotations

from collections.abc import Mapping

from werkzeug.datastructures import MultiDict

from search.engine import SearchRequest
from search.errors import InvalidQuery

# Every parameter a search accepts, with what it means (the OpenAPI document uses these).
PARAMETERS: dict[str, str] = {
    "q": "Query text in the query syntax (docs/query-syntax.md).",
    "committee": "Only this committee, exact name as the facet shows it; repeat for several.",
    "speaker": "Only this speaker or attendee, exact name; repeat for several.",
    "council": "Only this council, exact name; repeat for several.",
    "kind": "Only chunks of this kind: item, speech, decision or attendance; repeat for several.",
    "year": "Only meetings in this year (YYYY); repeat for several.",
    "from": "Only meetings on or after this date: YYYY, YYYY-MM or YYYY-MM-DD.",
    "to": "Only meetings on or before this date: YYYY, YYYY-MM or YYYY-MM-DD.",
    "sort": "relevance (default), newest or oldest.",
    "page": "Page number, from 1.",
    "per_page": "Hits a page, 1 to 100 (default 20).",
    "group": "1 to group the page's hits by meeting.",
}
REPEATABLE = ("committee", "speaker", "council", "kind", "year")


def search_request(
    args: MultiDict[str, str] | Mapping[str, str], **overrides: object
) -> SearchRequest:
    """Build a SearchRequest from query-string arguments; InvalidQuery names a bad one."""
    multi = args if isinstance(args, MultiDict) else MultiDict(args)
    values: dict[str, object] = {
        name: tuple(v.strip() for v in multi.getlist(name) if v.strip()) for name in REPEATABLE
    }
    values.update(
        q=multi.get("q", ""),
        date_from=multi.get("from") or None,
        date_to=multi.get("to") or None,
        sort=multi.get("sort") or "relevance",
        page=_integer(multi, "page", 1),
        per_page=_integer(multi, "per_page", 20),
        group=multi.get("group", "") in ("1", "true", "yes", "on"),
    )
    values.update(overrides)
    request = SearchRequest(**values)  # type: ignore[arg-type]
    request.validate()
    return request


def _integer(args: MultiDict[str, str], name: str, default: int) -> int:
    raw = args.get(name)
    if raw in (None, ""):
        return default
    try:
        return int(raw)
    except ValueError:
        raise InvalidQuery(f"{name} must be a whole number, not {raw!r}", name) from None


def unknown_parameters(
    args: Mapping[str, str], allowed: tuple[str, ...] = tuple(PARAMETERS)
) -> list[str]:
    """Return the names in ``args`` that a search does not know."""
    return sorted(set(args) - set(allowed))
