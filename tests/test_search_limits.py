"""Costly queries are refused before they run, on a real index built for the purpose."""

from __future__ import annotations

import itertools
import string
from pathlib import Path

import pytest

from indexer.build import reindex
from search.engine import SearchEngine, SearchRequest
from search.errors import InvalidQuery


def test_a_prefix_matching_too_many_words_is_refused(tmp_path: Path) -> None:
    words = [
        "con" + "".join(p)
        for p in itertools.islice(itertools.product(string.ascii_lowercase, repeat=3), 250)
    ]
    minutes = tmp_path / "minutes" / "brindle-town-council" / "cabinet" / "2020-01-01.txt"
    minutes.parent.mkdir(parents=True)
    minutes.write_text(f"1. Many Words\n\n{' '.join(words)}.\n", encoding="utf-8")
    reindex([tmp_path / "minutes"], tmp_path / "index")
    engine = SearchEngine(tmp_path / "index")
    with pytest.raises(InvalidQuery) as raised:
        engine.search(SearchRequest(q="con*"))
    assert str(raised.value) == "con* matches more than 200 words; type more letters before the *"
    assert engine.search(SearchRequest(q="conaa*")).total == 1
