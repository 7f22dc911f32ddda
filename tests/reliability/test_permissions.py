"""Private by default: whatever the umask, the data folder is 0700 and every file 0600,
backups included; a file or folder found open to others is reported and tightened."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from mastery_tui.domain.clock import FakeClock
from mastery_tui.domain.models import Practice, Task, default_area_id
from mastery_tui.store import Store

DAY = 24 * 3600
START = datetime(2026, 11, 23, 19, 30, tzinfo=timezone(timedelta(hours=1)))


@pytest.fixture(params=[0o022, 0o002, 0o000], ids=lambda m: f"umask{m:03o}")
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def modes_under(folder: Path) -> dict[str, int]:
    """Every folder and file under ``folder`` (itself included), by relative path."""
    found = {".": mode(folder)}
    for path in folder.rglob("*"):
        found[str(path.relative_to(folder))] = mode(path)
    return found


def write_some(store: Store, clock: FakeClock, title: str) -> None:
    task = Task.new(now=clock.now(), title=title, area_id=default_area_id("daily"))
    store.save(task)
    store.save_practice(
        Practice.new(
            now=clock.now(),
            task_id=task.id,
            task_title=title,
            started="2026-11-23T18:00:00+00:00",
            planned_minutes=5,
            mood_before=40,
            confidence_before=35,
        )
    )


def test_new_folder_files_and_backups_are_private(tmp_path: Path, umask: int) -> None:
    data_dir = tmp_path / "home" / "mastery"
    clock = FakeClock(START)
    write_some(Store.open(data_dir, clock), clock, "Day one")
    for title in ("Day two", "Day three"):  # the first write of each day makes a backup
        clock.advance(DAY)
        store = Store.open(data_dir, clock)
        assert store.warnings == []
        write_some(store, clock, title)

    found = modes_under(data_dir)
    for name in (
        "mastery.json",
        ".lock",
        "practice/2026-11.json",
        "backups/2026-11-24/mastery.json",
        "backups/2026-11-25/practice/2026-11.json",
    ):
        assert name in found  # the layout this test means to cover
    wrong = {
        name: f"{m:04o}"
        for name, m in found.items()
        if m != (0o700 if (data_dir / name).is_dir() else 0o600)
    }
    assert wrong == {}, f"under umask {umask:03o}"


@pytest.mark.parametrize(
    "loose_file, loose_dir",
    [
        pytest.param(0o644, 0o755, id="world-readable"),
        pytest.param(0o660, 0o770, id="group-writable"),
        pytest.param(0o604, 0o701, id="other-only"),
    ],
)
def test_loose_modes_are_reported_and_tightened(
    tmp_path: Path, umask: int, loose_file: int, loose_dir: int
) -> None:
    data_dir = tmp_path / "data"
    clock = FakeClock(START)
    write_some(Store.open(data_dir, clock), clock, "Walk 5 minutes")
    main, month = data_dir / "mastery.json", data_dir / "practice" / "2026-11.json"
    loose = {
        data_dir: loose_dir,
        data_dir / "practice": loose_dir,
        main: loose_file,
        month: loose_file,
    }
    for path, m in loose.items():
        os.chmod(path, m)
    contents = {path: path.read_bytes() for path in (main, month)}

    store = Store.open(data_dir, clock)

    for path, m in loose.items():
        said = [w for w in store.warnings if w.startswith(f"{path} ") and f"({m:04o})" in w]
        assert len(said) == 1, (path, store.warnings)
        assert mode(path) == (0o700 if path.is_dir() else 0o600)
    assert len(store.warnings) == len(loose)
    assert {path: path.read_bytes() for path in contents} == contents  # reported, not rewritten
    assert [t.title for t in store.all(Task)] == ["Walk 5 minutes"]
    assert Store.open(data_dir, clock).warnings == []  # said once, then fixed
