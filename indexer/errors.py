"""The few exceptions the indexer raises; front ends turn them into messages."""

from __future__ import annotations

from pathlib import Path


class UnreadableDocument(Exception):
    """A file that cannot be read as minutes, with the reason in words a clerk can act on."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason
