"""The wheel's configuration: every package and the sample minutes are in it.

tests/test_install.py builds and installs the wheel; this fast check says at once when a new
package folder is missing from pyproject.toml's explicit list.
"""

from __future__ import annotations

import tomllib

from tests.conftest import ROOT

TOP = ("indexer", "search", "web")


def test_every_package_folder_is_listed() -> None:
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]
    folders = {
        ".".join(path.relative_to(ROOT).parts)
        for top in TOP
        for path in (ROOT / top, *(ROOT / top).rglob("*"))
        if path.is_dir() and "__pycache__" not in path.parts and any(path.glob("*.*"))
    }
    assert sorted(folders | {"indexer.sample_data"}) == sorted(setuptools["packages"])
    assert setuptools["package-dir"] == {"indexer.sample_data": "sample_data"}
    data = setuptools["package-data"]
    assert (data["indexer.sample_data"], data["web.static"], data["web.templates"]) == (
        ["**/*"],
        ["*"],
        ["*"],
    )
