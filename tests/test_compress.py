"""Responses are compressed for clients that accept it, and only for them."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from web import create_app

Build = Callable[..., Flask]


@pytest.fixture
def make(sample_index: Path) -> Build:
    def build(**config: object) -> Flask:
        return create_app({"TESTING": True, "INDEX": str(sample_index), **config})

    return build


def test_a_results_page_is_compressed_as_the_browser_asks(make: Build) -> None:
    client = make().test_client()
    plain = client.get("/search?q=library")
    packed = client.get("/search?q=library", headers={"Accept-Encoding": "gzip"})
    assert plain.status_code == packed.status_code == 200
    assert "Content-Encoding" not in plain.headers
    assert packed.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed.headers["Vary"]
    assert gzip.decompress(packed.data) == plain.data
    assert len(packed.data) * 3 < len(plain.data)


@pytest.mark.parametrize("path", ["/api/search?q=library", "/search.atom?q=library",
                                  "/search.csv?q=library"])  # fmt: skip
def test_api_feeds_and_exports_are_compressed_too(make: Build, path: str) -> None:
    answer = make().test_client().get(path, headers={"Accept-Encoding": "br, gzip"})
    assert answer.status_code == 200
    assert answer.headers["Content-Encoding"] in ("br", "gzip")


def test_compression_can_be_left_to_a_proxy(make: Build) -> None:
    client = make(COMPRESS=False).test_client()
    answer = client.get("/search?q=library", headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in answer.headers
