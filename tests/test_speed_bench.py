"""The speed benchmark asks minutes-search and its FTS5 peer the same questions of the same
chunks: where the two read a question alike, they find the same number of chunks."""

from __future__ import annotations

from pathlib import Path

from bench.search_bench import forms
from bench.speed_peer import Peer, fts5_database, minutes_index
from search.engine import SearchEngine

ALIKE = ("rare term", "subject term", "common term", "two terms", "phrase", "date filter")


def test_the_peer_and_minutes_search_find_the_same_chunks(tmp_path: Path) -> None:
    index, built = minutes_index(tmp_path, 2000, procs=1)
    database, peer_built = fts5_database(tmp_path, 2000)
    assert built["chunks"] == peer_built["chunks"] == 2000
    assert built["disk_mib"] >= 0 and peer_built["chunks_per_s"] > 0
    engine, peer = SearchEngine(index), Peer(database)
    for name, form in forms().items():
        ours, theirs = engine.search(form.ours), peer.search(form.peer)
        assert len(theirs["hits"]) == min(20, theirs["total"]), name
        if name in ALIKE:
            assert ours.total == theirs["total"] > 0, name
            counted = {v: n for v, n in theirs["facets"]["committee"]}
            assert {c.value: c.count for c in ours.facets["committee"]} == counted, name
    peer.close()
    again, _ = minutes_index(tmp_path, 2000)  # built once, then read from the cache folder
    assert again == index
