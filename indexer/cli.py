"""The ``minutes-search`` command: a thin layer over the indexer and search libraries."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from indexer.build import ReindexReport, reindex
from indexer.chunks import KINDS
from indexer.coverage import Coverage
from indexer.model import Meeting
from indexer.read import ReadResult, read_tree
from indexer.trace import Note, recording
from search.engine import SearchEngine, SearchRequest
from search.errors import SearchError
from search.results import SORTS, Page
from search.storage import IndexDir, default_index_dir

if TYPE_CHECKING:
    from flask import Flask


def _sample_data() -> Path:
    """Return the bundled sample minutes: the copy an installed wheel carries as
    indexer/sample_data/ (see pyproject.toml), else sample_data/ at the top of a checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "sample_data"
    return packaged if packaged.is_dir() else here.parent / "sample_data"


SAMPLE_DATA = _sample_data()
INDEX_HELP = (
    "Index folder [default: $MINUTES_SEARCH_INDEX, else ~/.local/share/minutes-search/index]."
)


def index_option(function: Any) -> Any:
    return click.option(
        "--index", "index_dir", type=click.Path(path_type=Path), default=None, help=INDEX_HELP
    )(function)


def _index(index_dir: Path | None) -> Path:
    return index_dir or default_index_dir()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="minutes-search")
def cli() -> None:
    """Search council minutes: read them, index them and search them."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the meetings as JSON.")
@click.option("--explain", is_flag=True, help="Also say which rule found each fact, and where.")
def parse(paths: tuple[Path, ...], as_json: bool, explain: bool) -> None:
    """Show how minutes files are read: meetings, attendance, items, speakers, decisions.

    PATHS are files or folders. Unreadable files are reported on stderr with the reason,
    the others are still shown, and the exit status is 1.

    Example: minutes-search parse sample_data/ashbury-borough-council --json
    """
    meetings: list[Meeting] = []
    explained: dict[str, list[dict[str, str]]] = {}
    failed = 0
    for result, notes in _read_explained(paths):
        if result.error:
            failed += 1
            click.echo(f"error: {result.path}: {result.error}", err=True)
        meetings.extend(result.meetings)
        if explain:
            explained[str(result.path)] = [n.to_dict() for n in notes]
        if not as_json and not result.error:
            for meeting in result.meetings:
                click.echo(describe(meeting))
            if explain:
                click.echo("\n".join(["  why:", *(f"    {_why(n)}" for n in notes)]))
            click.echo(f"{result.path}: {understood(result)}\n")
    if as_json:
        data = _as_json(meetings)
        if explain:
            data = {**(data if "meetings" in data else {"meetings": [data]}), "explain": explained}
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    if failed:
        sys.exit(1)


def _read_explained(paths: tuple[Path, ...]) -> Iterator[tuple[ReadResult, list[Note]]]:
    """Read each file, with the notes its extractors made while reading it."""
    results = iter(read_tree(paths))
    while True:
        with recording() as notes:
            result = next(results, None)
        if result is None:
            return
        yield result, notes


def _why(note: Note) -> str:
    where = f' ("{note.evidence}")' if note.evidence else ""
    return f"{note.fact}: {note.value} <- {note.rule}{where}"


@cli.command("reindex")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--full", is_flag=True, help="Rebuild from scratch beside the old index, then swap.")
@click.option("--procs", type=click.IntRange(1, 8), default=2, show_default=True,
              help="Processes for a full rebuild.")  # fmt: skip
@index_option
def reindex_command(
    paths: tuple[Path, ...], full: bool, procs: int, index_dir: Path | None
) -> None:
    """Bring the index up to date with the minutes under PATHS.

    Incremental by default: unchanged files are skipped, changed files replaced, deleted
    files removed. Without PATHS, the folders of the last reindex are used. Files that
    cannot be read are listed with the reason, and the exit status is 1.

    Example: minutes-search reindex sample_data --index ./var/index
    """
    for path in paths:
        if not path.exists():
            raise click.ClickException(f"{path} does not exist")
    with _Progress() as progress:
        try:
            report = reindex(paths, _index(index_dir), full=full, progress=progress, procs=procs)
        except SearchError as error:
            raise click.ClickException(str(error)) from None
    click.echo(summary(report), err=True)
    if report.failed:
        sys.exit(1)


class _Progress:
    """A progress bar on stderr, made when the number of things to do is known: files read
    (each shown by its name), or meetings harvested (each by its date and committee)."""

    def __init__(
        self,
        label: str = "Reading",
        show: Callable[[str | None], str | None] = lambda p: p and Path(p).name,
    ) -> None:
        self.bar: Any = None
        self.label, self.show = label, show

    def __enter__(self) -> _Progress:
        return self

    def __call__(self, done: int, total: int, path: str) -> None:
        if self.bar is None:
            self.bar = click.progressbar(
                length=total,
                label=self.label,
                file=sys.stderr,
                show_pos=True,
                item_show_func=self.show,
            )
            self.bar.__enter__()
        self.bar.update(1, path)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)


def understood(result: ReadResult) -> str:
    """Say how much of a file was understood: meetings, items, share of its text in items."""
    coverage = result.coverage or Coverage(words=0, kept=1.0, placed=0.0)
    items = sum(len(m.items) for m in result.meetings)
    sections = sum(len(m.sections) for m in result.meetings)
    kept = f"; {sections} other text sections kept" if sections else ""
    agendas = sum(m.status == "agenda" for m in result.meetings)
    agenda = "; an agenda or notice of a meeting to come, not minutes" if agendas else ""
    return (
        f"{len(result.meetings)} meeting(s), {items} items, {coverage.placed:.0%} of its "
        f"{coverage.words:,} words in items{kept}{agenda}"
    )


def summary(report: ReindexReport) -> str:
    """Render the reindex summary for the clerk."""
    lines = [
        f"{'Full rebuild' if report.full else 'Reindex'} of {report.index} "
        f"in {report.seconds:.1f} s: "
        f"{report.seen} files seen, {report.added} added, {report.updated} updated, "
        f"{report.unchanged} unchanged, {report.removed} removed, {len(report.failed)} failed.",
    ]
    if report.relinked:
        lines.append(
            f"{report.relinked} unchanged files indexed again: a name in them is now another"
            " person's."
        )
    lines.append(
        f"{report.chunks_written} chunks written; the index holds {report.chunks} chunks "
        f"from {report.meetings} meetings."
    )
    if report.unstructured:
        names = ", ".join(u["source"] for u in report.unstructured[:5])
        more = f" and {len(report.unstructured) - 5} more" if len(report.unstructured) > 5 else ""
        lines.append(
            f"{len(report.unstructured)} documents with no item recognised, indexed whole as "
            f"text (see `minutes-search parse`): {names}{more}."
        )
    lines += [f"failed: {f.path}: {f.reason}" for f in report.failed]
    return "\n".join(lines)


@cli.command()
@click.argument("query", required=False, default="")
@click.option("--committee", multiple=True, help="Only this committee (repeat for several).")
@click.option("--speaker", multiple=True, help="Only this speaker or attendee (exact name).")
@click.option("--council", multiple=True, help="Only this council.")
@click.option("--kind", multiple=True, type=click.Choice(KINDS), help="Only chunks of this kind.")
@click.option("--from", "date_from", help="From this date: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--to", "date_to", help="Up to this date: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--sort", type=click.Choice(SORTS), default="relevance", show_default=True)
@click.option("--page", type=int, default=1, show_default=True)
@click.option("--per-page", type=int, default=20, show_default=True)
@click.option("--group", is_flag=True, help="Group the page's hits by meeting.")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
@index_option
def search(query: str, committee: tuple[str, ...], speaker: tuple[str, ...],
           council: tuple[str, ...], kind: tuple[str, ...], date_from: str | None,
           date_to: str | None, sort: str, page: int, per_page: int, group: bool,
           as_json: bool, index_dir: Path | None) -> None:  # fmt: skip
    """Search the index. QUERY uses the query syntax of docs/query-syntax.md.

    Example: minutes-search search '"bus depot" committee:planning date:2019' --json
    """
    request = SearchRequest(q=query, committee=committee, speaker=speaker, council=council,
                            kind=kind, date_from=date_from, date_to=date_to, sort=sort,
                            page=page, per_page=per_page, group=group)  # fmt: skip
    try:
        result = SearchEngine(_index(index_dir)).search(request)
    except SearchError as error:
        raise click.ClickException(str(error)) from None
    if as_json:
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(describe_page(result))


def describe_page(page: Page) -> str:
    """Render a page of results for a terminal (snippet marks shown as [brackets])."""
    lines = [f"note: {note}" for note in page.notes]
    lines.append(f"{page.total} results, page {page.page} of {page.pages}")
    for hit in page.hits:
        where = " / ".join(
            x
            for x in (hit.committee, hit.date, f"item {hit.item_number}" if hit.item_number else "")
            if x
        )
        who = f" — {hit.speaker}" if hit.speaker else ""
        lines.append(f"\n[{hit.kind}] {where}: {hit.item_title}{who}")
        snippet = hit.snippet.replace("<mark>", "[").replace("</mark>", "]")
        lines.append(f"  {_unescape(snippet)}")
    for name, counts in page.facets.items():
        shown = ", ".join(f"{c.value} ({c.count})" for c in counts[:8])
        if shown:
            lines.append(f"\n{name}: {shown}")
    return "\n".join(lines)


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the statistics as JSON.")
@index_option
def stats(as_json: bool, index_dir: Path | None) -> None:
    """Show what the index holds: meetings, chunks by kind, committees, dates, last reindex.

    Example: minutes-search stats --index ./var/index
    """
    try:
        data = SearchEngine(_index(index_dir)).stats()
    except SearchError as error:
        raise click.ClickException(str(error)) from None
    if as_json:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    last = data["last_reindex"] or {}
    click.echo(f"index: {data['index']}")
    click.echo(f"meetings: {data['meetings']} from {data['files']} files")
    by_kind = ", ".join(f"{kind} {count}" for kind, count in data["chunks_by_kind"].items())
    click.echo(f"chunks: {data['chunks']} ({by_kind})")
    click.echo(f"dates: {data['first_date']} to {data['last_date']}")
    click.echo(f"councils: {', '.join(data['councils'])}")
    click.echo(f"committees: {', '.join(data['committees'])}")
    click.echo(
        f"last reindex: {last.get('finished', 'never')}, {len(last.get('failed', []))} failed"
    )
    for failure in last.get("failed", []):
        click.echo(f"  failed: {failure['path']}: {failure['reason']}")
    if data["placed"] is not None:
        click.echo(f"text placed in items: {data['placed']:.0%}; least in items:")
        for document in data["least_placed"]:
            click.echo(f"  {document['placed']:.0%} of {document['words']:,} words: "
                       f"{document['source']}")  # fmt: skip


@cli.command()
@index_option
def check(index_dir: Path | None) -> None:
    """Check that the index opens and that its counts agree with the files it was built from.

    Example: minutes-search check --index ./var/index
    """
    try:
        problems = SearchEngine(_index(index_dir)).check()
    except SearchError as error:
        raise click.ClickException(str(error)) from None
    for problem in problems:
        click.echo(f"problem: {problem}", err=True)
    if problems:
        raise click.ClickException(f"{len(problems)} problems; run `minutes-search reindex --full`")
    click.echo("ok: the index opens and agrees with its files")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 for every interface.")  # fmt: skip
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on; 0 for any free port.")  # fmt: skip
@index_option
@click.option("--dev", is_flag=True, help="Flask's development server, with the reloader.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes sharing the port: 1 is waitress, more are gunicorn "
                   "workers (Linux, macOS, BSD); about one a core.")  # fmt: skip
@click.option("--threads", type=click.IntRange(1, 64), default=None,
              help="Searches each process answers at once [default: 1]; use --workers "
                   "for more cores.")  # fmt: skip
@click.option("--max-in-flight", type=click.IntRange(1, 1024), default=None,
              help="Requests each process holds at once, answered or waiting; one more is "
                   "answered 503 with Retry-After [default: 32].")  # fmt: skip
def serve(host: str, port: int, index_dir: Path | None, dev: bool, workers: int,
          threads: int | None, max_in_flight: int | None) -> None:  # fmt: skip
    """Serve the search pages, the JSON API and the feeds over HTTP: waitress in one process,
    or gunicorn with --workers N.

    With no index yet, the sample minutes in sample_data/ are indexed first. A reindex that
    commits while the server runs is picked up by every worker without a restart (on a large
    index the state before answers for the second or so it takes to read the new one). Past
    --max-in-flight requests a process answers 503 at once, never hangs.

    Example: minutes-search serve --index ./var/index --port 8080 --workers 2
    """
    if dev and workers > 1:
        raise click.UsageError("--dev runs one process; leave out --workers")
    settings = _serve_settings(index_dir, threads, max_in_flight)
    app = _create_app(settings)
    index = Path(app.config["INDEX"])
    if IndexDir(index).current() is None:
        _index_sample(index)
    try:
        IndexDir(index).require_current()
    except SearchError as error:
        click.echo(f"warning: {error}; until then every page answers 503", err=True)
    if dev:
        app.run(host=host, port=port, debug=True, use_reloader=True)
    elif workers == 1:
        _waitress(app, host, port)
    else:
        _gunicorn(settings, index, host, port, workers)


def _serve_settings(
    index_dir: Path | None, threads: int | None, max_in_flight: int | None
) -> dict[str, Any]:
    """Return the options given, as app settings over the defaults and environment."""
    given = {"INDEX": str(index_dir) if index_dir else None, "THREADS": threads,
             "MAX_IN_FLIGHT": max_in_flight}  # fmt: skip
    return {name: value for name, value in given.items() if value is not None}


def _create_app(settings: dict[str, Any]) -> Flask:
    from web import create_app

    return create_app(settings or None)


def _waitress(app: Flask, host: str, port: int) -> None:
    from web.server import CannotListen, serve_waitress

    try:
        serve_waitress(app, host, port, _announcer(Path(app.config["INDEX"])))
    except CannotListen as error:
        raise _cannot_listen(host, port, error) from None


def _gunicorn(settings: dict[str, Any], index: Path, host: str, port: int, workers: int) -> None:
    from web.server import CannotListen, NoGunicorn, listen, serve_gunicorn

    try:
        sock = listen(host, port)
    except CannotListen as error:
        raise _cannot_listen(host, port, error) from None
    try:
        serve_gunicorn(lambda: _create_app(settings), sock, workers, _announcer(index))
    except NoGunicorn:
        raise click.ClickException(
            "--workers runs gunicorn, which needs Linux, macOS or another POSIX system; "
            "here serve with one process (leave out --workers)"
        ) from None
    finally:
        sock.close()


def _cannot_listen(host: str, port: int, error: Exception) -> click.ClickException:
    return click.ClickException(
        f"cannot listen on {host} port {port}: {error}; "
        "is another server using it? Choose another with --port"
    )


def _announcer(index: Path) -> Callable[[str, int, str], None]:
    """Return what prints the line 'Serving INDEX on http://ADDRESS:PORT/ (SERVER)'."""

    def announce(address: str, port: int, what: str) -> None:
        where = f"[{address}]" if ":" in address else address
        click.echo(f"Serving {index} on http://{where}:{port}/ ({what}); Ctrl-C stops",
                   err=True)  # fmt: skip

    return announce


def _index_sample(index: Path) -> None:
    """Index the bundled sample minutes, so a first ``serve`` has something to show."""
    if not SAMPLE_DATA.is_dir():
        raise click.ClickException(f"no index at {index}; run `minutes-search reindex PATH` first")
    click.echo(f"No index at {index}: indexing the sample minutes in sample_data/ first...",
               err=True)  # fmt: skip
    click.echo(summary(reindex([SAMPLE_DATA], index)), err=True)


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
            lines.append(f"      decision ({resolution.outcome or 'no outcome stated'}): "
                         f"{_short(resolution.text)}")  # fmt: skip
    for section in meeting.sections:
        words = len(section.text.split())
        lines.append(f"  [text outside items, {words} words] {_short(section.title, 60)}")
    return "\n".join(lines)


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def main() -> None:
    """Run the command line."""
    cli()


# -- harvest: fetch minutes from where councils publish them -------------------------------------


def harvest_options(function: Any) -> Any:
    """Add the options every platform's harvest takes."""
    options = [
        click.option("--into", "folder", type=click.Path(file_okay=False, path_type=Path),
                     required=True, help="Folder the minutes and sidecars are saved in."),
        click.option("--since", type=click.DateTime(["%Y-%m-%d"]),
                     help="Only meetings on or after this date (YYYY-MM-DD)."),
        click.option("--committee", multiple=True,
                     help="Only this committee or body, by its name (repeat for several)."),
        click.option("--council", help="The council's name in the index [default: the site's "
                     "host for ModernGov, the client's name for Legistar]."),
        click.option("--delay", type=click.FloatRange(0), default=1.0, show_default=True,
                     help="Seconds to wait between two requests."),
        click.option("--timeout", type=click.FloatRange(0.1), default=30.0, show_default=True,
                     help="Seconds without an answer before a request is given up."),
        click.option("--retries", type=click.IntRange(0, 10), default=3, show_default=True,
                     help="Further tries after a 429, a 5xx or a broken connection."),
        click.option("--backoff", type=click.FloatRange(0), default=2.0, show_default=True,
                     help="Seconds before the first retry, doubled each time, unless the "
                     "server sends Retry-After."),
        click.option("--max-size", type=click.FloatRange(0.001), default=50.0,
                     show_default=True, help="Largest answer or document read, in MB."),
        click.option("--reindex", "then_reindex", is_flag=True,
                     help="Then bring the index up to date with the folder."),
        index_option,
    ]  # fmt: skip
    for option in reversed(options):
        function = option(function)
    return function


@cli.group()
def harvest() -> None:
    """Fetch minutes from where councils publish them (ModernGov, Legistar) into a folder.

    Each minutes document is saved once, with a sidecar NAME.meta.toml saying what the
    platform said (council, committee, date, the council's page for the meeting). A state
    file in the folder makes the next run fetch only what is new. See docs/harvest.md.

    Example: minutes-search harvest legistar oakland --into ./minutes/oakland --reindex
    """


@harvest.command("moderngov")
@click.argument("url")
@harvest_options
def harvest_moderngov(url: str, **options: Any) -> None:
    """Harvest a council's ModernGov site, e.g. https://democracy.example.gov.uk.

    Example: minutes-search harvest moderngov https://democracy.example.gov.uk
    --since 2024-01-01 --committee Planning --into ./minutes/example --reindex
    """
    from indexer.harvest import HarvestError, ModernGov

    try:
        source = ModernGov(url, council=options["council"])
    except HarvestError as error:
        raise click.ClickException(str(error)) from None
    _run_harvest(source, **options)


@harvest.command("legistar")
@click.argument("client")
@harvest_options
@click.option("--minutes-in-matters", is_flag=True,
              help="When a meeting has no minutes file, look for minutes filed as the "
              "attachment of a 'Minutes' matter naming its date (as LA Metro "
              "publishes).")  # fmt: skip
@click.option("--token", envvar="MINUTES_SEARCH_LEGISTAR_TOKEN",
              help="The API token some clients need "
              "[env: MINUTES_SEARCH_LEGISTAR_TOKEN].")  # fmt: skip
@click.option("--api-root", default="https://webapi.legistar.com/v1", show_default=True,
              help="Where Legistar's Web API answers.")  # fmt: skip
def harvest_legistar(
    client: str, minutes_in_matters: bool, token: str | None, api_root: str, **options: Any
) -> None:
    """Harvest a Legistar client through its Web API, e.g. oakland.

    Example: minutes-search harvest legistar oakland --since 2024-01-01
    --committee "Public Safety Committee" --into ./minutes/oakland --reindex
    """
    from indexer.harvest import HarvestError, Legistar

    try:
        source = Legistar(client, options["council"], api_root, token, minutes_in_matters)
    except HarvestError as error:
        raise click.ClickException(str(error)) from None
    _run_harvest(source, **options)


def _run_harvest(source: Any, **options: Any) -> None:
    """Harvest with the command's options, print the summary, reindex when asked."""
    from indexer.harvest import HarvestError, Politeness
    from indexer.harvest import harvest as run_harvest

    politeness = Politeness(
        delay=options["delay"],
        timeout=options["timeout"],
        retries=options["retries"],
        backoff=options["backoff"],
        max_bytes=int(options["max_size"] * 1024 * 1024),
    )
    since = options["since"].date() if options["since"] else None
    folder: Path = options["folder"]
    with _Progress("Harvesting", lambda meeting: meeting) as progress:
        try:
            report = run_harvest(source, folder, since=since, committees=options["committee"],
                             politeness=politeness, progress=progress)  # fmt: skip
        except HarvestError as error:
            raise click.ClickException(str(error)) from None
    click.echo(harvest_summary(report), err=True)
    failed = bool(report.failed)
    if options["then_reindex"]:
        with _Progress() as progress:
            try:
                indexed = reindex([folder], _index(options["index_dir"]), progress=progress)
            except SearchError as error:
                raise click.ClickException(str(error)) from None
        click.echo(summary(indexed), err=True)
        failed = failed or bool(indexed.failed)
    if failed:
        sys.exit(1)


def harvest_summary(report: Any) -> str:
    """Render the harvest summary: meetings seen, documents new, skipped, failed and why."""
    lines = [
        f"Harvest of {report.platform} {report.site} into {report.folder} in "
        f"{report.seconds:.1f} s ({report.requests} requests): {report.meetings} meetings "
        f"seen, {report.new} documents new, {report.updated} updated, {report.skipped} "
        f"skipped (already harvested), {report.no_minutes} with no minutes yet, "
        f"{report.cancelled} cancelled, {len(report.failed)} failed."
    ]
    lines += [f"failed: {f.url}: {f.reason}" for f in report.failed]
    return "\n".join(lines)


# -- people: one person behind every name the minutes give them ----------------------------------


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--council", help="Only this council (its name, or a part of it).")
@click.option("--json", "as_json", is_flag=True, help="Print the registry as JSON.")
@index_option
def people(
    paths: tuple[Path, ...], council: str | None, as_json: bool, index_dir: Path | None
) -> None:
    """List each council's people: the forms of each name, and the evidence for each link.

    Reads the minutes under PATHS, or by default the folders the index was built from.
    Names are joined only on evidence inside the council (docs/reading.md, People).

    Example: minutes-search people sample_data --council Ashbury
    """
    from indexer.people import build_registries

    meetings = [m for r in read_tree(paths or _indexed_roots(index_dir)) for m in r.meetings]
    registries = build_registries(meetings)
    if council:
        chosen = {k: v for k, v in registries.items() if council.lower() in k.lower()}
        if not chosen:
            known = ", ".join(sorted(k for k in registries if k)) or "none"
            raise click.ClickException(f"no council named {council!r} here; councils: {known}")
        registries = chosen
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in registries.values()], indent=1,
                              ensure_ascii=False))  # fmt: skip
        return
    for registry in registries.values():
        click.echo(describe_registry(registry))


def _indexed_roots(index_dir: Path | None) -> list[Path]:
    """Return the folders the index was built from."""
    from search.storage import MANIFEST, read_json

    try:
        version = IndexDir(_index(index_dir)).require_current()
    except SearchError as error:
        raise click.ClickException(f"{error}, or give the folders of minutes to read") from None
    return [Path(p) for p in read_json(version / MANIFEST).get("roots", [])]


def describe_registry(registry: Any) -> str:
    """Return a council's people as text: name, id, forms, and why each form was joined."""
    persons = sorted((p for p in registry.people.values() if p.kind == "person"),
                     key=lambda p: p.id)  # fmt: skip
    offices = sorted((p for p in registry.people.values() if p.kind == "office"),
                     key=lambda p: p.id)  # fmt: skip
    lines = [f"{registry.council or 'council unknown'}: {len(persons)} people, "
             f"{len(offices)} offices whose holder the minutes do not name"]  # fmt: skip
    lines += [f"  people.toml: {note}" for note in registry.notes]
    for person in persons:
        lines.append(f"  {person.name}  [{person.id}]")
        others = [f for f in person.forms if f != person.name]
        if others:
            lines.append(f"      also written: {', '.join(others)}")
        for evidence in person.evidence:
            where = f" ({evidence.source})" if evidence.source else ""
            lines.append(f"      {evidence.form!r}: {evidence.reason}{where}")
        if person.offices:
            lines.append(f"      offices: {', '.join(sorted(set(person.offices)))}")
    for office in offices:
        lines.append(f"  {office.name}  [{office.id}]  office, at {len(office.meetings)} meetings")
    return "\n".join(lines)
