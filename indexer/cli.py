"""The ``minutes-search`` command: a thin layer over the indexer and search libraries."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from indexer.model import Meeting
from indexer.read import read_tree


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="minutes-search")
def cli() -> None:
    """Search council minutes: read them, index them and search them."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the meetings as JSON.")
def parse(paths: tuple[Path, ...], as_json: bool) -> None:
    """Show how minutes files are read: meetings, attendance, items, speakers, decisions.

    PATHS are files or folders. Unreadable files are reported on stderr with the reason,
    the others are still shown, and the exit status is 1.

    Example: minutes-search parse sample_data/ashbury-borough-council --json
    """
    meetings: list[Meeting] = []
    failed = 0
    for result in read_tree(paths):
        if result.error:
            failed += 1
            click.echo(f"error: {result.path}: {result.error}", err=True)
        meetings.extend(result.meetings)
    if as_json:
        click.echo(json.dumps(_as_json(meetings), indent=2, ensure_ascii=False))
    else:
        for meeting in meetings:
            click.echo(describe(meeting))
    if failed:
        sys.exit(1)


def _as_json(meetings: list[Meeting]) -> dict[str, Any]:
    if len(meetings) == 1:
        return meetings[0].to_dict()
    return {"meetings": [m.to_dict() for m in meetings]}


def describe(meeting: Meeting) -> str:
    """Render a meeting for a person at a terminal."""
    when = meeting.date.isoformat() if meeting.date else "date unknown"
    if meeting.date_inferred:
        when += " (inferred)"
    lines = [
        f"{meeting.source}",
        f"  {meeting.council or 'council unknown'} / {meeting.committee or 'committee unknown'}"
        f" / {when}" + (f" / {meeting.status}" if meeting.status else ""),
    ]
    if meeting.venue:
        lines.append(f"  venue: {meeting.venue}")
    for role in sorted({a.role for a in meeting.attendance}):
        lines.append(f"  {role}: {', '.join(meeting.people(role))}")
    for item in meeting.items:
        lines.append(f"  [{item.number or '-'}] {item.title}")
        if item.speakers:
            lines.append(f"      speakers: {', '.join(item.speakers)}")
        for resolution in item.resolutions:
            lines.append(
                f"      decision ({resolution.outcome or 'no outcome stated'}): "
                f"{_short(resolution.text)}"
            )
    return "\n".join(lines)


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def main() -> None:
    """Run the command line."""
    cli()
