"""Reindexing a real index on disk: incremental changes, the atomic --full swap, the lock."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from indexer.build import reindex
from indexer.cli import cli
from search.engine import SearchEngine, SearchRequest
from search.errors import IndexMissing, IndexOutOfDate, ReindexRunning
from search.schema import SCHEMA_VERSION
from search.storage import META, IndexDir, write_json
from tests.conftest import SAMPLE_DATA

KELMSCOTT = SAMPLE_DATA / "kelmscott-district-council"


@pytest.fixture
def minutes(tmp_path: Path) -> Path:
    """A writable copy of one council's sample minutes."""
    return Path(shutil.copytree(KELMSCOTT, tmp_path / "minutes" / "kelmscott-district-council"))


def ids_by_source(root: Path) -> dict[str, set[str]]:
    engine = SearchEngine(root)
    reader = engine.generation().searcher
    by_source: dict[str, set[str]] = {}
    for fields in reader.all_stored_fields():
        by_source.setdefault(fields["source"], set()).add(fields["id"])
    return by_source


def test_unchanged_files_are_skipped(minutes: Path, tmp_path: Path) -> None:
    index = tmp_path / "index"
    first = reindex([minutes], index)
    assert (first.full, first.added, first.failed) == (True, 15, [])
    again = reindex([minutes], index)
    assert (again.full, again.seen, again.unchanged, again.added, again.updated) == (
        False,
        15,
        15,
        0,
        0,
    )
    assert again.chunks == first.chunks


def test_ids_are_stable_across_rebuilds(minutes: Path, tmp_path: Path) -> None:
    reindex([minutes], tmp_path / "a")
    reindex([minutes], tmp_path / "b")
    assert ids_by_source(tmp_path / "a") == ids_by_source(tmp_path / "b")


def test_editing_one_file_changes_only_its_chunks(minutes: Path, tmp_path: Path) -> None:
    index = tmp_path / "index"
    reindex([minutes], index)
    before = ids_by_source(index)
    edited = minutes / "licensing-committee" / "2019-01-22.txt"
    text = edited.read_text(encoding="utf-8")
    edited.write_text(
        text + "\n7/19 Any Other Business\n\nCouncillor L Marsh said goodbye to the committee.\n",
        encoding="utf-8",
    )
    report = reindex([minutes], index)
    assert (report.updated, report.unchanged, report.added) == (1, 14, 0)
    after = ids_by_source(index)
    key = "kelmscott-district-council/licensing-committee/2019-01-22.txt"
    assert {k: v for k, v in after.items() if k != key} == {
        k: v for k, v in before.items() if k != key
    }
    assert before[key] < after[key] and len(after[key] - before[key]) == 2
    hits = SearchEngine(index).search(SearchRequest(q="goodbye")).hits
    assert sorted((h.kind, h.item_number, h.speaker or "") for h in hits) == [
        ("item", "7/19", ""),
        ("speech", "7/19", "Councillor L Marsh"),
    ]


def test_an_open_engine_sees_each_commit_once(tmp_path: Path) -> None:
    """Files added one reindex at a time: after every commit, including those where Whoosh
    merges small segments, a long-lived engine counts what a fresh one counts."""
    folder, index = tmp_path / "minutes", tmp_path / "index"
    folder.mkdir()
    engine = SearchEngine(index)
    merged = False
    for n, source in enumerate(sorted(SAMPLE_DATA.rglob("*.txt"))[:12]):
        shutil.copy(source, folder / f"{n}-{source.name}")
        reindex([folder], index)
        page = engine.search(SearchRequest(q=""))
        fresh = SearchEngine(index).search(SearchRequest(q=""))
        assert (page.total, page.facets) == (fresh.total, fresh.facets)
        segments = len(engine.generation().searcher.reader().leaf_readers())
        merged = merged or segments < n + 1
    assert merged, "no commit merged segments, so the merge case went untested"


def test_facets_count_segments_that_lack_a_field(tmp_path: Path) -> None:
    """A segment where no chunk has a council (or speaker) must not shift the counts of the
    segments after it (Whoosh's MultiReader.column_reader leaves such segments out)."""
    folder, index = tmp_path / "minutes", tmp_path / "index"
    folder.mkdir()
    (folder / "bare.txt").write_text(
        "MINUTES of the Parish Meeting held on 3 March 2020\n\n1. Bins\n\nThe bins were noted.\n",
        encoding="utf-8",
    )
    reindex([folder], index)
    source = next(SAMPLE_DATA.rglob("*.txt"))
    shutil.copy(source, folder / source.name)
    reindex([folder], index)
    engine = SearchEngine(index)
    gen = engine.generation()
    readers = gen.searcher.reader().leaf_readers()
    assert len(readers) == 2 and not readers[0][0].has_column("council")
    page = engine.search(SearchRequest(q=""))
    councils = {f.value: f.count for f in page.facets["council"]}
    expected = sum(1 for d in gen.searcher.all_stored_fields() if d.get("council"))
    assert sum(councils.values()) == expected > 0


def test_a_touched_but_identical_file_is_not_reread(minutes: Path, tmp_path: Path) -> None:
    index = tmp_path / "index"
    reindex([minutes], index)
    path = minutes / "cabinet" / "2019-10-09.txt"
    path.write_bytes(path.read_bytes())
    report = reindex([minutes], index)
    assert (report.unchanged, report.updated) == (15, 0)


def test_deleting_a_file_removes_its_chunks(minutes: Path, tmp_path: Path) -> None:
    index = tmp_path / "index"
    reindex([minutes], index)
    name = "kelmscott-district-council/cabinet/2021-07-07.txt"
    assert name in ids_by_source(index)
    (minutes / "cabinet" / "2021-07-07.txt").unlink()
    report = reindex([minutes], index)
    assert (report.removed, report.seen) == (1, 14)
    assert name not in ids_by_source(index)
    assert SearchEngine(index).check() == []


def test_reindex_without_paths_uses_the_last_folders(minutes: Path, tmp_path: Path) -> None:
    index = tmp_path / "index"
    reindex([minutes], index)
    assert reindex([], index).unchanged == 15


def test_unreadable_file_is_reported_and_the_rest_indexed(minutes: Path, tmp_path: Path) -> None:
    (minutes / "cabinet" / "2022-01-01.pdf").write_bytes(b"%PDF-1.7 truncated")
    result = CliRunner().invoke(cli, ["reindex", str(minutes), "--index", str(tmp_path / "index")])
    assert result.exit_code == 1
    assert "16 files seen, 15 added, 0 updated, 0 unchanged, 0 removed, 1 failed." in result.output
    assert (
        f"failed: {(minutes / 'cabinet' / '2022-01-01.pdf').resolve()}: not a readable PDF"
        in result.output
    )
    assert SearchEngine(tmp_path / "index").stats()["files"] == 15


def test_full_rebuild_swaps_while_searches_keep_working(minutes: Path, tmp_path: Path) -> None:
    index = tmp_path / "index"
    reindex([minutes], index)
    engine = SearchEngine(index)
    expected = engine.search(SearchRequest(q="parking")).total
    errors: list[BaseException] = []
    totals: list[int] = []
    stop = threading.Event()

    def search_forever() -> None:
        while not stop.is_set():
            try:
                totals.append(engine.search(SearchRequest(q="parking")).total)
            except BaseException as error:
                errors.append(error)
            stop.wait(0.002)  # leave the rebuild some of the interpreter

    threads = [threading.Thread(target=search_forever)]
    for thread in threads:
        thread.start()
    try:
        for _ in range(2):
            assert reindex([minutes], index, full=True).full
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert errors == []
    assert len(totals) > 10 and set(totals) == {expected}
    assert len(list((index / "versions").iterdir())) == 2


def test_interrupted_reindex_leaves_the_previous_index_serving(
    minutes: Path, tmp_path: Path
) -> None:
    index = tmp_path / "index"
    reindex([minutes], index)
    before = SearchEngine(index).stats()["chunks"]
    (minutes / "cabinet" / "2019-10-09.txt").write_text(
        "ITEM 1 Changed\n\nNew words.\n", encoding="utf-8"
    )

    def interrupt(done: int, total: int, path: str) -> None:
        raise KeyboardInterrupt

    for full in (False, True):
        with pytest.raises(KeyboardInterrupt):
            reindex([minutes], index, full=full, progress=interrupt)
        assert SearchEngine(index).stats()["chunks"] == before
        assert SearchEngine(index).search(SearchRequest(q='"New words"')).total == 0
    assert len(list((index / "versions").iterdir())) == 1


def test_a_second_reindex_is_refused(minutes: Path, tmp_path: Path) -> None:
    index = tmp_path / "index"
    with IndexDir(index).lock(), pytest.raises(ReindexRunning) as raised:
        reindex([minutes], index)
    assert str(raised.value).startswith(f"another reindex of {index} is running (process ")
    assert str(raised.value).endswith("wait for it to finish")


def test_old_schema_is_refused_with_the_next_step(minutes: Path, tmp_path: Path) -> None:
    index = tmp_path / "index"
    reindex([minutes], index)
    version = IndexDir(index).current()
    assert version is not None
    write_json(version / META, {"schema_version": 0})
    message = f"the index at {index} has schema version 0, this program needs {SCHEMA_VERSION}; run `minutes-search reindex --full`"
    with pytest.raises(IndexOutOfDate) as raised:
        SearchEngine(index).search(SearchRequest(q="parking"))
    assert str(raised.value) == message
    with pytest.raises(IndexOutOfDate):
        reindex([minutes], index)
    assert reindex([minutes], index, full=True).full


def test_no_index_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(IndexMissing) as raised:
        SearchEngine(tmp_path / "nowhere").search(SearchRequest(q="x"))
    assert (
        str(raised.value)
        == f"no index at {tmp_path / 'nowhere'}; run `minutes-search reindex PATH` first"
    )
    result = CliRunner().invoke(cli, ["search", "x", "--index", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert (
        result.output
        == f"Error: no index at {tmp_path / 'nowhere'}; run `minutes-search reindex PATH` first\n"
    )


def test_search_stats_and_check_commands(minutes: Path, tmp_path: Path) -> None:
    index = str(tmp_path / "index")
    runner = CliRunner()
    assert runner.invoke(cli, ["reindex", str(minutes), "--index", index]).exit_code == 0
    result = runner.invoke(
        cli, ["search", '"Market Square"', "--committee", "Cabinet", "--json", "--index", index]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) >= {"total", "page", "hits", "facets"}
    assert set(data["hits"][0]) >= {
        "id",
        "kind",
        "council",
        "committee",
        "date",
        "item_number",
        "item_title",
        "speaker",
        "snippet",
        "meeting_id",
        "source",
    }
    assert set(data["facets"]) == {"committee", "year", "speaker", "kind", "council"}
    assert data["facets"]["committee"] == {"Cabinet": data["total"]}
    stats = json.loads(runner.invoke(cli, ["stats", "--json", "--index", index]).output)
    assert (stats["meetings"], stats["files"], stats["councils"]) == (
        15,
        15,
        ["Kelmscott District Council"],
    )
    assert (stats["first_date"], stats["last_date"]) == ("2019-01-22", "2021-11-30")
    check = runner.invoke(cli, ["check", "--index", index])
    assert (check.exit_code, check.output) == (0, "ok: the index opens and agrees with its files\n")
    bad = runner.invoke(cli, ["search", "date:2019-13", "--index", index])
    assert bad.exit_code == 1 and bad.output.startswith("Error: '2019-13' is not a date")


def test_ids_survive_moving_the_folder(minutes: Path, tmp_path: Path) -> None:
    moved = Path(shutil.copytree(minutes, tmp_path / "elsewhere" / "deeper" / minutes.name))
    reindex([minutes], tmp_path / "a")
    reindex([moved], tmp_path / "b")
    assert sorted(ids_by_source(tmp_path / "a").values()) == sorted(
        ids_by_source(tmp_path / "b").values()
    )
