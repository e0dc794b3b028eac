"""Shared fixtures: where the real corpus and our own test minutes are."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.serving import Server

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SAMPLE_DATA = ROOT / "sample_data"
CORPUS = ROOT.parent / "shared" / "corpus"
SEED = CORPUS / "seed" / "000_7d2fc69c39e578eb.txt"


@pytest.fixture
def corpus() -> Path:
    """Return the shared corpus of real minutes, or skip where it is absent (a user's clone)."""
    if not CORPUS.is_dir():
        pytest.skip(f"the real-minutes corpus is not at {CORPUS} (it lives beside the checkout)")
    return CORPUS


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build a real index of sample_data/ once per test session."""
    from indexer.build import reindex

    root = tmp_path_factory.mktemp("sample-index")
    report = reindex([SAMPLE_DATA], root)
    assert not report.failed, report.failed
    return root


@pytest.fixture(scope="session")
def engine(sample_index: Path):  # type: ignore[no-untyped-def]
    from search.engine import SearchEngine

    return SearchEngine(sample_index)


@pytest.fixture(scope="session")
def app(sample_index: Path):  # type: ignore[no-untyped-def]
    """The Flask app over the session's index of sample_data/."""
    from web import create_app

    return create_app({"TESTING": True, "INDEX": str(sample_index)})


@pytest.fixture
def client(app):  # type: ignore[no-untyped-def]
    return app.test_client()


@pytest.fixture
def serving() -> Iterator[list[Server]]:
    """Stop every server a test started, whatever happens."""
    started: list[Server] = []
    yield started
    for server in started:
        server.stop()
