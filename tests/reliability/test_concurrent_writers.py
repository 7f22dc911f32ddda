"""Two processes writing the same data folder at the same moment: nothing lost, no id reused."""

from __future__ import annotations

import json
import os
import select
import subprocess
from pathlib import Path

import pytest

from mastery_tui.domain.clock import SystemClock
from mastery_tui.domain.models import Task
from mastery_tui.store import Store

from .support import leftovers, start_writer

COUNT = 200
START_TIMEOUT = 30.0
RUN_TIMEOUT = 45.0


def read_line(proc: subprocess.Popen[str], timeout: float) -> str:
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    if not ready:
        raise AssertionError(f"child {proc.pid} said nothing for {timeout} s")
    return proc.stdout.readline().strip()


def run_together(data_dir: Path, kind: str) -> list[tuple[float, float]]:
    """Start writers A and B, release them at once, wait; returns their (first, last) save times.
    Each waits after its first save for the other's first, so they always overlap."""
    writers = [
        start_writer("burst", data_dir, me, other, COUNT, kind) for me, other in ("AB", "BA")
    ]
    try:
        for proc in writers:
            assert read_line(proc, START_TIMEOUT) == "ready"
        for proc in writers:  # the barrier: both are waiting on stdin
            assert proc.stdin is not None
            proc.stdin.write("go\n")
            proc.stdin.flush()
        spans = []
        for proc in writers:
            out, err = proc.communicate(timeout=RUN_TIMEOUT)
            assert proc.returncode == 0, f"writer failed:\n{err}"
            assert err == ""
            word, first, last = out.split()
            assert word == "done"
            spans.append((float(first), float(last)))
        return spans
    finally:
        for proc in writers:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def expected_titles(kind: str, parity: int | None = None) -> set[str]:
    return {
        f"{name}-{i:03d}"
        for name in ("A", "B")
        for i in range(COUNT)
        if parity is None or i % 2 == parity
    }


def assert_table_ids_dense(path: Path, table: str, size: int) -> None:
    """TinyDB's document ids are 1..size: no writer reused one (that would drop a record)."""
    raw = json.loads(path.read_bytes())
    assert sorted(map(int, raw[table])) == list(range(1, size + 1))


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["task", "practice", "both"])
def test_two_processes_write_at_once_and_nothing_is_lost(tmp_path: Path, kind: str) -> None:
    data_dir = tmp_path / "data"  # created by the two writers racing each other
    (a_first, a_last), (b_first, b_last) = run_together(data_dir, kind)
    assert a_first < b_last and b_first < a_last, "the writers didn't overlap; nothing was tested"

    store = Store.open(data_dir, SystemClock())
    assert store.warnings == []
    assert leftovers(data_dir) == []
    tasks = store.all(Task)
    practices = store.practices()
    if kind == "task":
        want_tasks, want_practices = expected_titles(kind), set()
    elif kind == "practice":
        want_tasks, want_practices = set(), expected_titles(kind)
    else:
        want_tasks, want_practices = expected_titles(kind, 0), expected_titles(kind, 1)

    assert len({t.id for t in tasks}) == len(tasks) == len(want_tasks)
    assert {t.title for t in tasks} == want_tasks
    assert len({p.id for p in practices}) == len(practices) == len(want_practices)
    assert {p.task_title for p in practices} == want_practices
    if want_tasks:
        assert_table_ids_dense(store.main_path, "tasks", len(want_tasks))
    if want_practices:
        assert [p.name for p in store.practice_files()] == ["2026-11.json"]
        assert_table_ids_dense(store.practice_path("2026-11"), "practices", len(want_practices))
    assert len(store.areas()) == 5  # the folder was created once, not twice


def test_a_write_never_builds_on_a_file_it_did_not_read(tmp_path: Path) -> None:
    """Two Store objects stand for two processes (each has its own cache). B saves twice while A
    is idle; B's second file gets the inode of the file A cached and the same size. ``os.utime``
    gives it A's mtime too, as a coarse clock would (a jiffy on older kernels, 1-2 s on
    HFS+ or FAT). A's next write must still start from B's file."""
    data_dir = tmp_path / "data"
    a = Store.open(data_dir, SystemClock())
    a.set_setting("theme", "aaaa")
    cached = os.stat(a.main_path)
    b = Store.open(data_dir, SystemClock())
    b.set_setting("theme", "bbbb")
    b.set_setting("theme", "cccc")
    now = os.stat(a.main_path)
    if (now.st_ino, now.st_size) != (cached.st_ino, cached.st_size):
        pytest.skip("this filesystem didn't reuse the inode; the case can't be built here")
    os.utime(a.main_path, ns=(cached.st_atime_ns, cached.st_mtime_ns))

    a.set_setting("other", 1)

    assert Store.open(data_dir, SystemClock()).setting("theme") == "cccc"
