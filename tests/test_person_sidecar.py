"""The clerk's known people: a people.toml beside the minutes overrides what was inferred
(issue 10): merges, display names, forms kept apart; bad lines reported, the rest applied."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from indexer.build import reindex
from indexer.cli import cli
from indexer.people import read_known_people
from search.engine import SearchEngine, SearchRequest

MEETING = """Ashbury Borough Council
Cabinet
5 March 2020

Present: Councillor John Smith, Councillor Jane Smith and Councillor B Cartwright

1. Parks

Councillor Smith said the parks were tidy.
"""
# A meeting whose minutes list no one: "Councillor Cartwright" is the council's only
# Cartwright (B Cartwright, a month before), so the registry joins them.
LATER = """Ashbury Borough Council
Cabinet
2 April 2020

1. Bins

Councillor Cartwright asked about the bins.
"""


def minutes(tmp_path: Path, known: str | None = None) -> Path:
    folder = tmp_path / "minutes" / "ashbury"
    (folder / "cabinet").mkdir(parents=True)
    (folder / "cabinet" / "2020-03-05.txt").write_text(MEETING, encoding="utf-8")
    (folder / "cabinet" / "2020-04-02.txt").write_text(LATER, encoding="utf-8")
    if known is not None:
        (folder / "people.toml").write_text(known, encoding="utf-8")
    return tmp_path / "minutes"


def speakers(index: Path) -> dict[str, int]:
    page = SearchEngine(index).search(SearchRequest(kind=("speech",)))
    return {c.value: c.count for c in page.facets["speaker"]}


def test_without_a_file_the_inferred_people_stand(tmp_path: Path) -> None:
    reindex([minutes(tmp_path)], tmp_path / "index")
    # Two Smiths at the meeting: "Councillor Smith" is no one's; Cartwright is B Cartwright.
    assert speakers(tmp_path / "index") == {"Councillor Smith": 1, "Councillor B Cartwright": 1}


KNOWN = """\
# Ashbury's known people
council = "Ashbury Borough Council"

[[person]]
id = "ashbury-borough-council/john-smith"
name = "Councillor John Smith (Northfield)"
forms = ["Councillor Smith"]

[[apart]]
forms = ["Councillor Cartwright"]
"""


def test_a_clerk_merges_names_the_reader_kept_apart_and_splits_a_merge(tmp_path: Path) -> None:
    report = reindex([minutes(tmp_path, KNOWN)], tmp_path / "index")
    assert report.failed == []
    assert speakers(tmp_path / "index") == {
        "Councillor John Smith (Northfield)": 1,  # the clerk's name for him, his words
        "Councillor Cartwright": 1,  # no longer B Cartwright's
    }


def test_a_changed_file_of_known_people_relinks_the_minutes(tmp_path: Path) -> None:
    folder = minutes(tmp_path)
    reindex([folder], tmp_path / "index")
    (folder / "ashbury" / "people.toml").write_text(KNOWN, encoding="utf-8")
    report = reindex([folder], tmp_path / "index")
    assert (report.unchanged, report.relinked) == (2, 2)
    assert "Councillor John Smith (Northfield)" in speakers(tmp_path / "index")


BAD = """\
[[person]]
id = "ashbury-borough-council/nobody"
forms = ["Councillor Smith"]

[[person]]
name = "Councillor B Cartwright"
forms = ["Councillor Cartwright" "Cllr Cartwright"]

[[person]]
forms = ["Councillor Jane Smith", "Councillor Smith"]
nickname = "Jane"
"""


def test_a_bad_line_is_reported_with_its_file_and_line_and_the_rest_applies(
    tmp_path: Path,
) -> None:
    report = reindex([minutes(tmp_path, BAD)], tmp_path / "index")
    reasons = [(f.source, f.reason) for f in report.failed]
    assert reasons[0] == (
        "minutes/ashbury/people.toml",
        "line 2: no person has the id 'ashbury-borough-council/nobody' in Ashbury Borough "
        "Council; see `minutes-search people`",
    )
    assert reasons[1][0] == "minutes/ashbury/people.toml"
    assert reasons[1][1].startswith("line 7: not valid TOML (")
    assert reasons[1][1].endswith("; the rest of the file applies")
    assert reasons[2] == (
        "minutes/ashbury/people.toml",
        "line 11: unknown key 'nickname' in [[person]]; use id, name, forms",
    )
    assert len(reasons) == 3
    assert report.failed[0].path == str(tmp_path / "minutes" / "ashbury" / "people.toml")
    # Reindexed with nothing changed, the file's bad lines are reported again.
    again = reindex([tmp_path / "minutes"], tmp_path / "index")
    assert [(f.source, f.reason) for f in again.failed] == reasons
    # The last table applies: "Councillor Smith" is Jane Smith's, as the clerk says.
    assert speakers(tmp_path / "index") == {
        "Councillor Jane Smith": 1,
        "Councillor B Cartwright": 1,
    }


def test_a_form_no_minutes_give_is_reported(tmp_path: Path) -> None:
    known = '[[person]]\nid = "ashbury-borough-council/john-smith"\nforms = ["J. Smyth"]\n'
    report = reindex([minutes(tmp_path, known)], tmp_path / "index")
    assert [f.reason for f in report.failed] == [
        "line 3: no minutes of Ashbury Borough Council name 'J. Smyth'"
    ]


def test_the_people_command_applies_the_file(tmp_path: Path) -> None:
    folder = minutes(tmp_path, KNOWN)
    result = CliRunner().invoke(cli, ["people", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    (registry,) = json.loads(result.output)
    names = {p["name"] for p in registry["people"]}
    assert "Councillor John Smith (Northfield)" in names
    assert "Councillor Cartwright" in names
    assert registry["notes"] == []


def test_the_file_is_read_table_by_table(tmp_path: Path) -> None:
    path = tmp_path / "people.toml"
    path.write_text(BAD, encoding="utf-8")
    known = read_known_people(path, "people.toml", ".")
    assert [(e.table, e.line, e.forms) for e in known.entries] == [
        ("person", 1, ("Councillor Smith",)),
        ("person", 9, ("Councillor Jane Smith", "Councillor Smith")),
    ]


def test_the_clerk_sees_the_files_bad_lines_and_the_relinked_files(tmp_path: Path) -> None:
    folder = minutes(tmp_path, BAD)
    result = CliRunner().invoke(cli, ["people", str(folder)])
    assert result.exit_code == 0, result.output
    assert "  people.toml: " in result.output
    assert "line 11: unknown key 'nickname' in [[person]]; use id, name, forms" in result.output
    index = str(tmp_path / "index")
    (folder / "ashbury" / "people.toml").unlink()
    CliRunner().invoke(cli, ["reindex", str(folder), "--index", index])
    (folder / "ashbury" / "people.toml").write_text(KNOWN, encoding="utf-8")
    result = CliRunner().invoke(cli, ["reindex", str(folder), "--index", index])
    assert "2 unchanged files indexed again: a name in them is now another person's." in (
        result.output
    )
