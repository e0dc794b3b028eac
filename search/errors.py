"""What can go wrong when searching, in words a user can act on."""

from __future__ import annotations


class SearchError(Exception):
    """Base of the search library's errors."""


class InvalidQuery(SearchError):
    """A query that cannot be understood, saying what was wrong and where."""

    def __init__(self, message: str, parameter: str = "q", position: int | None = None) -> None:
        if position is not None:
            message = f"{message} (at character {position} of the query)"
        super().__init__(message)
        self.message = message
        self.parameter = parameter
        self.position = position


class IndexMissing(SearchError):
    """No index at the configured place."""


class IndexOutOfDate(SearchError):
    """The index was built with another schema version."""


class ReindexRunning(SearchError):
    """Another reindex holds the lock."""


class IndexUnwritable(SearchError):
    """A reindex could not write the index (a full disk, a read-only folder); says what
    became of the index and what to do."""
