import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from indexer.cli import cli
from tests.conftest import DATA, SEED

LICENSING = DATA / "brindle-town-council" / "licensing-committee" / "2019-11-12.txt"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed command as a clerk would."""
    command = [sys.executable, "-c", "from indexer.cli import main; main()", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False)


@pytest.mark.corpus
def test_parse_seed_json(corpus: Path) -> None:
    result = run("parse", str(SEED), "--json")
    assert result.returncode == 0, result.stderr
    meeting = json.loads(result.stdout)
    assert [i["number"] for i in meeting["items"]] == ["285", "286", "287", "288", "289"]
    assert meeting["date"] == "2017-09-13" and meeting["date_inferred"] is True
    assert meeting["venue"] == "County Hall, Worcester"
    assert meeting["attendance"] == [
        {"name": "Mr B Allbut", "role": "apologies"},
        {"name": "Mr B Banks", "role": "apologies"},
    ]
    assert meeting["items"][4]["speakers"] == ["Derek Benson"]
    assert set(meeting) >= {"council", "committee", "source"}


def test_parse_several_files_gives_meetings_list() -> None:
    result = CliRunner().invoke(cli, ["parse", str(DATA), "--json"])
    assert result.exit_code == 0, result.output
    meetings = json.loads(result.output)["meetings"]
    assert sorted(m["committee"] for m in meetings) == ["Cabinet", "Licensing Committee"]
    assert {"number", "title", "text", "speakers", "resolutions"} <= set(meetings[0]["items"][0])


def test_parse_text_output() -> None:
    result = CliRunner().invoke(cli, ["parse", str(LICENSING)])
    assert result.exit_code == 0
    assert "Brindle Town Council / Licensing Committee / 2019-11-12" in result.output
    assert "[33/19] Street Trading Policy Review" in result.output
    assert (
        "decision (adopted): RESOLVED that the revised street trading policy be adopted."
        in result.output
    )


def test_bad_file_is_one_line_and_exit_status_1(tmp_path: Path) -> None:
    bad = tmp_path / "minutes.pdf"
    bad.write_bytes(b"\x00\x01 not a pdf")
    result = run("parse", str(bad))
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: {bad}: not a readable PDF")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_directory_with_a_bad_file_still_shows_the_rest(tmp_path: Path) -> None:
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    (tmp_path / "good.txt").write_text(LICENSING.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("parse", str(tmp_path), "--json")
    assert result.returncode == 1
    assert json.loads(result.stdout)["committee"] == "Licensing Committee"
    assert (
        result.stderr
        == f"error: {tmp_path / 'broken.docx'}: not a Word document (not a zip file)\n"
    )


def test_missing_path() -> None:
    result = run("parse", "/no/such/minutes.txt")
    assert (result.returncode, result.stderr) == (1, "error: /no/such/minutes.txt: no such file\n")


def test_every_command_has_help() -> None:
    for name, command in cli.commands.items():
        assert command.help, f"{name} has no help text"
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0 and "Example" in result.output


def test_parse_says_an_agenda_is_not_minutes(tmp_path: Path) -> None:
    agenda = tmp_path / "agenda.txt"
    agenda.write_text(
        "Ashworth Town Council\n\nAGENDA\n\nA meeting of the Planning Committee will be held on "
        "Tuesday 5 March 2024 at 7 pm.\n\n1. Apologies for absence\n\n2. Planning applications\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["parse", str(agenda)])
    assert result.exit_code == 0, result.output
    assert "an agenda or notice of a meeting to come, not minutes" in result.output
