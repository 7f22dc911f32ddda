"""Backups that keep a good copy (issue 12): only a file that parses is copied, so a damaged
file never reaches a backup and the last good copy goes forward instead; the backup made last
is the latest whatever its name says; the rotation keeps 14 days, 8 weeks and 12 months; and a
backup that can't be made is said, once a day, while the save itself goes through."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from mastery_tui.__main__ import main
from mastery_tui.domain.clock import FakeClock
from mastery_tui.domain.models import Task
from mastery_tui.store import CorruptFileError, Store
from mastery_tui.store.backups import (
    KEEP_DAYS,
    KEEP_MONTHS,
    KEEP_WEEKS,
    backup_days,
    is_good_copy,
    latest_backup_of,
    to_keep,
)
from tests import factories
from tests.conftest import TZ

DAY = 24 * 3600
MONDAY = datetime(2026, 11, 2, 9, 0, tzinfo=TZ)


def tasks_in(path: Path) -> int:
    import json

    return len(json.loads(path.read_text(encoding="utf-8")).get("tasks", {}))


def test_seventeen_days_after_damage_a_good_copy_remains_and_is_the_one_named(tmp_path: Path):
    clock = FakeClock(MONDAY)
    data = tmp_path / "data"
    store = Store.open(data, clock)
    factories.practice(clock.now() - timedelta(hours=1), store=store, mood=(40, 60))
    month = data / "practice" / "2026-11.json"
    good = month.read_bytes()
    clock.advance(DAY)
    factories.task("Day 1", store=store)  # day 1's backup: the month as it was, good
    clock.advance(DAY)
    month.write_bytes(good[: len(good) // 2])  # day 2: damaged (half a file)
    for n in range(17):  # seventeen days of writes that never read the month file
        factories.task(f"Day {n + 2}", store=store)
        clock.advance(DAY)

    root = data / "backups"
    folders = backup_days(root)
    assert len(folders) <= KEEP_DAYS + KEEP_WEEKS + KEEP_MONTHS
    assert folders[0].name == "2026-11-20"  # the backup made last is the latest
    for folder in folders:  # not one of them holds the damage
        assert is_good_copy(folder / "practice" / "2026-11.json"), folder.name
    assert (folders[0] / "practice" / "2026-11.json").read_bytes() == good  # carried forward
    assert month.read_bytes() == good[: len(good) // 2]  # the damaged file itself is left as is

    with pytest.raises(CorruptFileError) as raised:
        Store.open(data, clock).practices()
    assert raised.value.backup is not None and raised.value.backup.read_bytes() == good
    assert str(raised.value.backup) in str(raised.value)


def test_a_backup_made_under_a_wrong_clock_does_not_stay_latest(tmp_path: Path):
    data = tmp_path / "data"
    Store.open(data, FakeClock(MONDAY)).save(Task.new(now=MONDAY, title="Real 0", area_id="x"))
    wrong = FakeClock(datetime(2030, 6, 1, 9, 0, tzinfo=TZ))  # a clock set years ahead, once
    Store.open(data, wrong).save(Task.new(now=wrong.now(), title="Under 2030", area_id="x"))
    clock = FakeClock(MONDAY + timedelta(days=1))  # right again
    store = Store.open(data, clock)
    for n in range(17):
        store.save(Task.new(now=clock.now(), title=f"Real {n + 1}", area_id="x"))
        clock.advance(DAY)

    root = data / "backups"
    names = [folder.name for folder in backup_days(root)]
    assert names[0] == "2026-11-19"  # made last, so latest; not 2030-06-01
    assert names.index("2030-06-01") >= KEEP_DAYS  # out of the 14 daily slots
    latest = latest_backup_of(root, Path("mastery.json"))
    assert latest is not None and latest.parent.name == "2026-11-19"
    assert tasks_in(latest) == 18  # all but the last day's task (2030's copy held one)


def test_the_rotation_keeps_fourteen_days_eight_weeks_and_twelve_months():
    start = date(2025, 1, 1)
    made = [Path(f"/b/{start + timedelta(days=n)}") for n in range(500)][::-1]  # newest first
    kept = to_keep(made)
    names = sorted((p.name for p in kept), reverse=True)
    assert names[:KEEP_DAYS] == [p.name for p in made[:KEEP_DAYS]]
    weeks = {date.fromisoformat(n).isocalendar()[:2] for n in names}
    months = {n[:7] for n in names}
    assert len(weeks) >= KEEP_WEEKS and len(months) == KEEP_MONTHS
    assert len(kept) <= KEEP_DAYS + KEEP_WEEKS + KEEP_MONTHS
    assert "2025-06-30" in names and "2025-05-31" not in names  # twelve months back, no more


def test_a_backup_that_cant_be_made_is_said_once_and_the_save_goes_through(tmp_path: Path):
    clock = FakeClock(MONDAY)
    data = tmp_path / "data"
    store = Store.open(data, clock)  # (today's backup is done: there was nothing to copy)
    clock.advance(DAY)
    (data / "backups").write_text("not a folder")  # as good as unwritable, even for root
    heard: list[str] = []
    store.on_notice = heard.append
    factories.task("Walk", store=store)
    factories.task("Read", store=store)
    assert len(heard) == 1  # once a day, not on every save
    assert "Today's backup couldn't be made" in heard[0] and "saving goes on without it" in heard[0]
    assert {t.title for t in Store.open(data, clock).tasks()} >= {"Walk", "Read"}


def test_the_cli_says_when_todays_backup_failed(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    data = tmp_path / "data"
    main(["--data-dir", str(data), "tasks"])  # make the folder
    (data / "backups").write_text("not a folder")
    main(["--data-dir", str(data), "add", "Walk"])
    err = capsys.readouterr().err.splitlines()
    assert len([line for line in err if "backup" in line]) == 1
    assert err[-1].startswith("mastery: warning: Today's backup couldn't be made in ")
