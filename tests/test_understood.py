"""What was understood of each file: parse and reindex say it, /status lists documents without items."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from indexer.build import reindex
from indexer.cli import cli, summary

MINUTES = """MINUTES of the meeting of the Allotments Committee held on Tuesday 14 July 2020

The Chairman welcomed everyone and thanked the volunteers of the open day.

1. Apologies

Apologies were received from Councillor Amber Lowe.

2. Water Troughs

RESOLVED that two new troughs be bought for the north site.
"""
NOTES = "\n\n".join(
    f"Walked the north field on day {n}; the hedge by gate {n} needs cutting back."
    for n in range(30)
)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "minutes"
    folder.mkdir()
    (folder / "2020-07-14.txt").write_text(MINUTES, encoding="utf-8")
    (folder / "site-notes.txt").write_text(NOTES, encoding="utf-8")
    return folder


def test_parse_says_how_much_of_each_file_is_in_items(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    result = CliRunner().invoke(cli, ["parse", str(folder)])
    assert result.exit_code == 0, result.output
    said = result.output
    minutes, notes = folder / "2020-07-14.txt", folder / "site-notes.txt"
    assert f"{minutes}: 1 meeting(s), 2 items, 46% of its 49 words in items; 1 other text " in said
    assert f"{notes}: 1 meeting(s), 0 items, 0% of its 450 words in items; 1 other text" in said
    assert (
        "  [text outside items, 26 words] MINUTES of the meeting of the Allotments Committee…"
        in (said)
    )


def test_parse_json_is_unchanged_by_the_report(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    result = CliRunner().invoke(cli, ["parse", str(folder / "2020-07-14.txt"), "--json"])
    meeting = json.loads(result.output)
    assert [i["number"] for i in meeting["items"]] == ["1", "2"]
    [opening] = meeting["sections"]
    assert opening["title"] == "MINUTES of the meeting of the Allotments Committee…"
    assert opening["text"].endswith("thanked the volunteers of the open day.")


def test_reindex_lists_documents_without_items(tmp_path: Path) -> None:
    report = reindex([_folder(tmp_path)], tmp_path / "index")
    assert report.unstructured == [{"source": "minutes/site-notes.txt", "words": 450}]
    assert (
        "1 documents with no item recognised, indexed whole as text "
        "(see `minutes-search parse`): minutes/site-notes.txt."
    ) in summary(report)


def test_status_lists_documents_without_items(tmp_path: Path) -> None:
    from bs4 import BeautifulSoup

    from web import create_app

    index = tmp_path / "index"
    reindex([_folder(tmp_path)], index)
    client = create_app({"TESTING": True, "INDEX": str(index)}).test_client()
    data = client.get("/api/status").json
    assert data["unstructured"] == [{"source": "minutes/site-notes.txt", "words": 450}]
    page = BeautifulSoup(client.get("/status").data, "html.parser")
    rows = page.select("#unstructured ~ table tbody tr")
    assert [r.get_text(" ", strip=True) for r in rows] == ["minutes/site-notes.txt 450"]
    search = client.get("/api/search?q=hedge gate").json
    assert search["total"] >= 1  # every word is still found


def test_parse_explain_says_which_rule_found_each_fact(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    result = CliRunner().invoke(cli, ["parse", "--explain", str(folder / "2020-07-14.txt")])
    assert result.exit_code == 0, result.output
    assert (
        '    committee: Allotments Committee <- a minutes heading ("Allotments Committee")'
        in result.output
    )
    assert '    date: 2020-07-14 <- heading date ("MINUTES of the meeting of the Allotments' in (
        result.output
    )


def test_parse_explain_json_keeps_the_notes_by_file(tmp_path: Path) -> None:
    path = _folder(tmp_path) / "2020-07-14.txt"
    result = CliRunner().invoke(cli, ["parse", "--explain", "--json", str(path)])
    data = json.loads(result.output)
    assert [m["committee"] for m in data["meetings"]] == ["Allotments Committee"]
    facts = {n["fact"]: n["rule"] for n in data["explain"][str(path)]}
    assert facts["date"] == "heading date"


def test_stats_says_how_much_text_is_in_items(tmp_path: Path) -> None:
    index = tmp_path / "index"
    reindex([_folder(tmp_path)], index)
    result = CliRunner().invoke(cli, ["stats", "--index", str(index)])
    assert result.exit_code == 0, result.output
    assert "text placed in items: 4%; least in items:" in result.output  # 22.5 of 499 words
    assert "  0% of 450 words: minutes/site-notes.txt" in result.output
