"""Faults while the real `minutes-search reindex` writes: a full disk, a file size limit and a
read-only index folder. Each gives one clear error and leaves the serving index as it was.

A full disk is a real one: a tmpfs of a few MB mounted for the test (root only, as CI runs);
a file size limit (RLIMIT_FSIZE) makes the same failure for any user. A read-only folder stops
root too: the reindex runs without the capability (CAP_DAC_OVERRIDE) that lets root write
where the permissions say no.
"""

from __future__ import annotations

import ctypes
import gc
import os
import re
import resource
import shutil
import stat
import subprocess
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from indexer.build import reindex
from search.engine import SearchEngine, SearchRequest
from search.errors import IndexUnwritable
from search.storage import IndexDir
from tests.conftest import SAMPLE_DATA
from tests.serving import CHECKOUT_COMMAND, ROOT, Server

KELMSCOTT = SAMPLE_DATA / "kelmscott-district-council"
NEW_MINUTES = "1. Allotments\n\nThe quinces of the allotments were admired.\n"
PR_CAPBSET_DROP = 24  # prctl(2)
CAP_DAC_OVERRIDE = 1  # capabilities(7): write whatever the permissions say


def cli(*args: str, preexec: Callable[[], None] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CHECKOUT_COMMAND, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=preexec,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        check=False,
    )


def snapshot(index: Path) -> tuple[int, list[str], str | None]:
    """What the serving index answers: its chunk count, the hits for a query, its version."""
    engine = SearchEngine(index)
    hits = engine.search(SearchRequest(q="parking", per_page=100)).hits
    return engine.stats()["chunks"], sorted(h.id for h in hits), str(IndexDir(index).current())


@pytest.fixture
def minutes(tmp_path: Path) -> Path:
    return Path(shutil.copytree(KELMSCOTT, tmp_path / "minutes" / KELMSCOTT.name))


def indexed(minutes: Path, index: Path) -> tuple[int, list[str], str | None]:
    result = cli("reindex", str(minutes), "--index", str(index))
    assert result.returncode == 0, result.stderr
    (minutes / "2022-02-02.txt").write_text(NEW_MINUTES, encoding="utf-8")  # to be added
    return snapshot(index)


def assert_unchanged(index: Path, before: tuple[int, list[str], str | None]) -> None:
    assert snapshot(index) == before
    assert SearchEngine(index).search(SearchRequest(q="quinces")).total == 0
    assert SearchEngine(index).check() == []


def assert_error(result: subprocess.CompletedProcess[str], start: str, end: str) -> None:
    """Check the command failed with one line: ``start``, the file it was writing when the
    system names it, then ``end``; and no traceback."""
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if not line.startswith("Reading")]
    assert len(lines) == 1, result.stderr
    assert re.fullmatch(
        rf"{re.escape(start)}(?: \(writing [^)]+\))?\. {re.escape(end)}", lines[0]
    ), lines[0]


# -- a full disk ----------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real file system of 4 MB, mounted for the test."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root; test_file_size_limit covers the rest")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def fill(disk: Path, leave: int) -> Path:
    """Fill the disk but for ``leave`` bytes."""
    filler = disk / "filler"
    free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
    with filler.open("wb") as handle:
        handle.write(b"\0" * max(0, free - leave))
    return filler


@pytest.mark.parametrize(
    ("args", "leave"),
    [(("--full",), 64 * 1024), ((), 0)],
    ids=["full rebuild, the disk filling as it writes", "incremental, no space at all"],
)
def test_a_full_disk(
    minutes: Path, small_disk: Path, serving: list[Server], args: tuple[str, ...], leave: int
) -> None:
    index = small_disk / "index"
    before = indexed(minutes, index)
    server = Server("--index", str(index))
    serving.append(server)
    found = server.json("/api/search?q=parking&per_page=100")["total"]
    filler = fill(small_disk, leave)

    result = cli("reindex", str(minutes), "--index", str(index), *args)
    assert result.returncode == 1
    assert_error(
        result,
        f"Error: cannot write the index at {index}: the disk is full",
        "Nothing was changed: the index still answers searches as before; free some space and "
        "run the reindex again",
    )
    assert_unchanged(index, before)
    assert server.json("/api/search?q=parking&per_page=100")["total"] == found
    assert [p.name for p in (index / "versions").iterdir()] == [Path(before[2] or "").name]

    filler.unlink()  # space again: the same command now succeeds, and the server sees it
    again = cli("reindex", str(minutes), "--index", str(index), *args)
    assert again.returncode == 0, again.stderr
    assert server.json("/api/search?q=quinces")["total"] > 0


def test_a_full_disk_under_worker_processes(minutes: Path, small_disk: Path) -> None:
    """A full rebuild in two processes: the worker's error comes back as the same message."""
    index = small_disk / "index"
    before = indexed(minutes, index)
    fill(small_disk, 64 * 1024)
    with warnings.catch_warnings():
        # Whoosh's cancelled writer may leave a temporary file open until it is collected.
        warnings.simplefilter("ignore", ResourceWarning)
        with pytest.raises(IndexUnwritable) as raised:
            reindex([minutes], index, full=True, procs=2, parallel_bytes=0)
        message = str(raised.value)
        del raised
        gc.collect()
    assert message == (
        f"cannot write the index at {index}: the disk is full. Nothing was changed: the index "
        "still answers searches as before; free some space and run the reindex again"
    )
    assert_unchanged(index, before)


def test_file_size_limit(minutes: Path, tmp_path: Path) -> None:
    """The same failure for any user: writes past RLIMIT_FSIZE fail with EFBIG (Python ignores
    SIGXFSZ), as writes to a full disk fail with ENOSPC."""
    index = tmp_path / "index"
    before = indexed(minutes, index)
    items = "".join(
        f"{n}. Item {n}\n\nThe quinces were weighed, {n} of them.\n\n" for n in range(300)
    )
    (minutes / "2022-03-03.txt").write_text(items, encoding="utf-8")  # a segment over 16 KB

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (16 * 1024, 16 * 1024))

    for args in (("--full",), ()):
        result = cli("reindex", str(minutes), "--index", str(index), *args, preexec=limit)
        assert_error(
            result,
            f"Error: cannot write the index at {index}: a file of the index grew past the size "
            "allowed (ulimit -f)",
            "Nothing was changed: the index still answers searches as before; raise it and run "
            "the reindex again",
        )
        assert_unchanged(index, before)


# -- a read-only index folder ---------------------------------------------------------------


def without_override() -> None:
    """In the child, before exec: drop CAP_DAC_OVERRIDE, so that root too is bound by the
    permissions (a user other than root is already)."""
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


@pytest.fixture
def bound_by_permissions(tmp_path: Path) -> None:
    """Skip, saying why, where even a process without CAP_DAC_OVERRIDE writes read-only files."""
    probe = tmp_path / "probe"
    probe.write_text("", encoding="utf-8")
    probe.chmod(0o444)
    try:
        tried = subprocess.run(
            ["sh", "-c", f"echo x > {probe}"], preexec_fn=without_override, capture_output=True
        )
    except subprocess.SubprocessError as error:
        pytest.skip(f"cannot drop CAP_DAC_OVERRIDE here ({error})")
    if tried.returncode == 0:
        pytest.skip("this process writes read-only files even without CAP_DAC_OVERRIDE")


def read_only(top: Path) -> None:
    for folder, _, files in os.walk(top):
        for name in [*files, "."]:
            path = Path(folder) / name
            path.chmod(stat.S_IMODE(path.stat().st_mode) & ~0o222)


@pytest.mark.usefixtures("bound_by_permissions")
@pytest.mark.parametrize("args", [("--full",), ()], ids=["full rebuild", "incremental"])
@pytest.mark.parametrize("part", ["", "versions"], ids=["the index folder", "its versions"])
def test_a_read_only_index_folder(
    minutes: Path, tmp_path: Path, args: tuple[str, ...], part: str
) -> None:
    index = tmp_path / "index"
    before = indexed(minutes, index)
    read_only(index / part)

    result = cli("reindex", str(minutes), "--index", str(index), *args, preexec=without_override)
    assert_error(
        result,
        f"Error: cannot write the index at {index}: permission denied (the folder is "
        "read-only, or belongs to another user)",
        "Nothing was changed: the index still answers searches as before; make the folder "
        "writable by this user, or give another with --index and run the reindex again",
    )
    assert_unchanged(index, before)


@pytest.mark.usefixtures("bound_by_permissions")
def test_the_folder_turning_read_only_during_a_reindex(minutes: Path, tmp_path: Path) -> None:
    """The index folder made read-only after the reindex has begun, between two files."""
    index = tmp_path / "index"
    before = indexed(minutes, index)
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from indexer.build import reindex\n"
        "from search.errors import IndexUnwritable\n"
        f"index = Path({str(index)!r})\n"
        "def lock(done, total, name):\n"
        "    if done == 1:\n"
        "        for folder, _, files in os.walk(index):\n"
        "            for path in [Path(folder), *(Path(folder) / f for f in files)]:\n"
        "                path.chmod(path.stat().st_mode & ~0o222)\n"
        "try:\n"
        f"    reindex([Path({str(minutes)!r})], index, full=True, progress=lock)\n"
        "except IndexUnwritable as error:\n"
        "    sys.exit(str(error))\n"
    )
    result = subprocess.run(
        [CHECKOUT_COMMAND[0], "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=without_override,
        check=False,
    )
    assert_error(
        result,
        f"cannot write the index at {index}: permission denied (the folder is read-only, or "
        "belongs to another user)",
        "Nothing was changed: the index still answers searches as before; make the folder "
        "writable by this user, or give another with --index and run the reindex again",
    )
    assert_unchanged(index, before)


def test_a_reindex_that_commits_but_cannot_save_its_manifest(minutes: Path, tmp_path: Path) -> None:
    """An incremental reindex writes into the serving version: when its chunks are committed
    but the manifest cannot be saved, it says so, and the next reindex replaces those chunks
    rather than adding them twice."""
    index = tmp_path / "index"
    indexed(minutes, index)
    version = IndexDir(index).current()
    assert version is not None
    obstacle = version / f".manifest.json.{os.getpid()}.tmp"  # where write_json writes first
    obstacle.mkdir()
    with pytest.raises(IndexUnwritable) as raised:
        reindex([minutes], index)
    assert str(raised.value).startswith(
        f"cannot finish the reindex of {index}: Is a directory (writing {obstacle}). The changed "
        "files are indexed but the record of what was indexed is not saved; "
    )
    assert str(raised.value).endswith("and run the reindex again: it redoes them")
    assert SearchEngine(index).search(SearchRequest(q="quinces")).total == 1
    obstacle.rmdir()
    again = reindex([minutes], index)
    assert (again.added, again.unchanged) == (1, 15)
    fresh = reindex([minutes], tmp_path / "fresh")
    assert again.chunks == fresh.chunks
    assert SearchEngine(index).search(SearchRequest(q="quinces")).total == 1
