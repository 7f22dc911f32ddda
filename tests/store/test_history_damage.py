"""History that survives damage the first rules missed (issue 12, second audit): a file that
parses but holds a value the app refuses is no good copy; a folder made read-only stays so;
a damaged ``.made``, an unreadable backup, a stray folder or file never give a traceback; a
file deleted from the data folder is said and its last copy kept; restore copes with an
unreadable file and two restores in one second; month files left by old imports are placed."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from mastery_tui.domain.clock import FakeClock
from mastery_tui.store import CorruptFileError, Store
from mastery_tui.store.backups import backup_days, is_good_copy
from mastery_tui.store.errors import MissingFileError
from tests import factories
from tests.conftest import TZ

from ..unit.test_cli import mastery

DAY = 24 * 3600
MONDAY = datetime(2026, 11, 2, 9, 0, tzinfo=TZ)


def without_root_powers(*args: str) -> subprocess.CompletedProcess[str]:
    """``mastery ARGS`` as a process that file permissions apply to (root's powers to pass
    them dropped with setpriv; as another user, as it is)."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: permissions can't be tried")
        prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner"]
    return subprocess.run(
        [*prefix, sys.executable, "-m", "mastery_tui", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr.count("\n") <= 1, result.stderr
    return result.stderr


def test_a_value_the_app_refuses_is_never_a_good_copy(tmp_path: Path):
    clock = FakeClock(MONDAY)
    data = tmp_path / "data"
    store = Store.open(data, clock)
    factories.practice(clock.now() - timedelta(hours=1), store=store, mood=(40, 60))
    month = data / "practice" / "2026-11.json"
    good = month.read_bytes()
    clock.advance(DAY)
    factories.task("Day 1", store=store)  # day 1's backup holds the month, good
    clock.advance(DAY)
    tables = json.loads(good)
    next(iter(tables["practices"].values()))["mood_before"] = 500  # parses; the app refuses it
    month.write_text(json.dumps(tables))
    for n in range(17):  # seventeen days of saves that never read the month file
        factories.task(f"Day {n + 2}", store=store)
        clock.advance(DAY)

    for folder in backup_days(data / "backups"):
        assert is_good_copy(folder / "practice" / "2026-11.json"), folder.name
    with pytest.raises(CorruptFileError) as raised:
        Store.open(data, clock).practices()
    assert raised.value.backup is not None and raised.value.backup.read_bytes() == good
    checked = mastery("--data-dir", str(data), "check")
    assert checked.returncode == 1
    assert "can't be read: a stored practice is invalid" in checked.stdout
    assert f"last good copy: {raised.value.backup}" in checked.stdout
    restored = mastery("--data-dir", str(data), "restore", "latest", "--yes")
    assert restored.returncode == 0, restored.stderr
    assert month.read_bytes() == good


def test_a_folder_made_read_only_stays_read_only(history: Path):
    history.chmod(0o555)
    try:
        listed = without_root_powers("--data-dir", str(history), "tasks")
        assert listed.returncode == 0, listed.stderr
        assert "Walk" in listed.stdout and "Read" in listed.stdout
        assert "it is now 0500" in listed.stderr  # closed to others, still read-only
        assert stat.S_IMODE(history.stat().st_mode) == 0o500
        added = without_root_powers("--data-dir", str(history), "add", "Cook")
        assert added.returncode == 1
        assert "couldn't save" in added.stderr.splitlines()[-1]
        assert "changes are saved" not in added.stderr and "Traceback" not in added.stderr
        assert stat.S_IMODE(history.stat().st_mode) == 0o500
    finally:
        history.chmod(0o700)
    assert [t.title for t in Store.open(history, FakeClock(MONDAY)).tasks()] == ["Walk", "Read"]


@pytest.mark.parametrize(
    "made",
    ['{"made": 1e999}', "[" * 100_000 + "]" * 100_000, '{"made": ' + "9" * 5000 + "}", "{"],
    ids=["overflow", "deep", "huge", "broken"],
)
def test_a_damaged_made_note_is_no_traceback(history: Path, made: str):
    (history / "backups" / "2026-11-04" / ".made").write_text(made)
    for args in (("check",), ("backups",), ("restore", "latest", "--yes"), ("add", "Cook")):
        result = mastery("--data-dir", str(history), *args)
        assert result.returncode == 0, (args, result.stderr)
        one_line(result)


def test_an_unreadable_backup_and_stray_folders_are_no_traceback(history: Path):
    (history / "backups" / "2026-13-45").mkdir()  # not a day: not a backup of ours
    stuck = history / "backups" / "2026-11-03"
    stuck.chmod(0)
    try:
        for command in ("check", "backups"):
            result = without_root_powers("--data-dir", str(history), command)
            assert result.returncode == 0, result.stderr
            one_line(result)
        assert "2026-11-03" in result.stdout and "can't be restored" in result.stdout
    finally:
        stuck.chmod(0o700)
    clock = FakeClock(MONDAY + timedelta(days=5))
    factories.task("Next day", store=Store.open(history, clock))  # the rotation passes it by
    assert (history / "backups" / "2026-13-45").is_dir()


def test_a_practice_folder_that_is_a_file_is_one_line(history: Path):
    shutil.rmtree(history / "practice")
    (history / "practice").write_text("not a folder")
    for args in (("tasks",), ("export", "-f", "csv"), ("add", "Cook")):
        result = mastery("--data-dir", str(history), *args)
        assert result.returncode == 1, args
        assert "is a file where the folder of your practice log should be" in one_line(result)
    checked = mastery("--data-dir", str(history), "check")
    assert checked.returncode == 1
    assert "practice" in checked.stdout and "a file where the folder" in checked.stdout


def test_a_deleted_main_file_is_said_not_made_anew(history: Path):
    (history / "mastery.json").unlink()
    with pytest.raises(MissingFileError) as raised:
        Store.open(history, FakeClock(MONDAY + timedelta(days=3)))
    assert "is missing (deleted or moved?)" in str(raised.value)
    assert "mastery restore 2026-11-04" in str(raised.value)
    listed = mastery("--data-dir", str(history), "tasks")
    assert listed.returncode == 1 and "mastery restore 2026-11-04" in one_line(listed)
    assert not (history / "mastery.json").exists()  # no empty one made over the loss
    checked = mastery("--data-dir", str(history), "check")
    assert checked.returncode == 1
    assert "mastery.json" in checked.stdout and "missing (deleted or moved?)" in checked.stdout
    assert mastery("--data-dir", str(history), "restore", "latest", "--yes").returncode == 0
    assert mastery("--data-dir", str(history), "tasks").returncode == 0


def test_a_deleted_month_is_said_and_its_last_copy_outlives_the_rotation(history: Path):
    (history / "practice" / "2026-11.json").unlink()
    listed = mastery("--data-dir", str(history), "tasks")
    assert listed.returncode == 0
    assert "practice/2026-11.json is missing" in one_line(listed)
    checked = mastery("--data-dir", str(history), "check")
    assert checked.returncode == 1
    assert "practice/2026-11.json   missing (deleted or moved?)" in checked.stdout
    assert "the backup 2026-11-04 has it (1 practice)" in checked.stdout

    clock = FakeClock(MONDAY + timedelta(days=3))
    store = Store.open(history, clock)
    for n in range(40):  # forty days of saves: the rotation would drop November's backups
        factories.task(f"Day {n}", store=store)
        clock.advance(DAY)
    kept = [
        f for f in backup_days(history / "backups") if (f / "practice" / "2026-11.json").exists()
    ]
    assert kept and is_good_copy(kept[0] / "practice" / "2026-11.json")
    assert "the backup" in mastery("--data-dir", str(history), "check").stdout
    # still said at every open, forty days on, though the newest backups lack it
    assert "practice/2026-11.json is missing" in mastery("--data-dir", str(history), "tasks").stderr


def test_a_month_set_aside_by_a_restore_is_not_called_missing(history: Path):
    clock = FakeClock(datetime(2026, 12, 1, 9, 0, tzinfo=TZ))
    store = Store.open(history, clock)
    factories.practice(clock.now() - timedelta(hours=1), store=store)  # a December month file
    clock.advance(DAY)
    factories.task("Cook", store=store)  # the backup of 2 December holds December
    assert mastery("--data-dir", str(history), "restore", "2026-11-04", "--yes").returncode == 0
    assert not (history / "practice" / "2026-12.json").exists()
    listed = mastery("--data-dir", str(history), "tasks")
    assert listed.stderr == ""
    checked = mastery("--data-dir", str(history), "check")
    assert checked.returncode == 0 and "missing" not in checked.stdout


def test_a_newer_schema_is_not_called_good(history: Path):
    tables = json.loads((history / "mastery.json").read_text())
    tables["_meta"] = {"1": {"schema": 99, "app": "mastery"}}
    (history / "mastery.json").write_text(json.dumps(tables))
    checked = mastery("--data-dir", str(history), "check")
    assert checked.returncode == 1
    assert "can't be read: written by a newer mastery (schema 99" in checked.stdout
    assert "mastery restore" not in checked.stdout and "upgrade mastery" in checked.stdout


def test_two_restores_in_one_second_get_two_folders(history: Path):
    from mastery_tui.store import recovery

    now = datetime(2026, 11, 30, 18, 2, 11, tzinfo=TZ)
    report = recovery.inspect_backup(recovery.find_backup(history, "latest"))
    first = recovery.restore(history, report, now)
    second = recovery.restore(history, report, now)
    assert (first.name, second.name) == ("2026-11-30T18-02-11", "2026-11-30T18-02-11-2")


def test_a_file_that_cant_be_read_is_moved_aside_whole(history: Path):
    month = history / "practice" / "2026-11.json"
    month.chmod(0)
    try:
        restored = without_root_powers("--data-dir", str(history), "restore", "latest", "--yes")
    finally:
        for path in history.rglob("2026-11.json"):
            path.chmod(0o600)
    assert restored.returncode == 0, restored.stderr
    [aside] = (history / "aside").iterdir()
    assert (aside / "practice" / "2026-11.json").is_file()  # moved aside whole
    assert len(Store.open(history, FakeClock(MONDAY)).practices()) == 1


def test_month_files_left_by_old_imports_are_placed(history: Path):
    practice = history / "practice"
    november = json.loads((practice / "2026-11.json").read_text())
    [doc] = november["practices"].values()
    lost = {**doc, "id": "lost-one"}
    ancient = {
        **doc,
        "id": "ancient",
        "started": "0001-01-01T09:00:00Z",
        "recorded": "0001-01-01T09:00:00Z",
    }
    (practice / "2026112.json").write_text(json.dumps({"practices": {"1": lost}}))
    (practice / "0001-01.json").write_text(json.dumps({"practices": {"1": ancient, "2": doc}}))

    listed = mastery("--data-dir", str(history), "tasks")
    assert listed.returncode == 0, listed.stderr
    assert "2026112.json" in listed.stderr and "1 moved into their months" in listed.stderr
    assert "0001-01.json" in listed.stderr and "1 with dates outside 1970-2100" in listed.stderr
    assert "Traceback" not in listed.stderr
    assert {p.id for p in Store.open(history, FakeClock(MONDAY)).practices()} == {
        doc["id"],
        "lost-one",
    }
    assert sorted(p.name for p in (history / "aside" / "unplaced").iterdir()) == [
        "0001-01.json",
        "2026112.json",
    ]
    exported = mastery("--data-dir", str(history), "export", "-f", "csv")
    assert exported.returncode == 0 and exported.stderr == ""


def test_a_backups_folder_that_cant_be_written_is_said_and_the_save_goes_through(history: Path):
    (history / "backups").chmod(0o500)
    try:
        added = without_root_powers("--data-dir", str(history), "add", "Cook")  # a new day
    finally:
        (history / "backups").chmod(0o700)
    assert added.returncode == 0, added.stderr
    assert "backup couldn't be made" in one_line(added) and "permission denied" in added.stderr
    assert "Cook" in mastery("--data-dir", str(history), "tasks").stdout


def test_reading_answers_while_another_window_holds_the_lock(history: Path):
    """An import's commit (or any save) holds the write lock: commands that only read answer
    at once instead of waiting for it; opening is finished by the first save."""
    from mastery_tui.store.files import DirLock

    with DirLock(history / ".lock").hold():
        for args in (("tasks",), ("tasks", "--json"), ("export", "-f", "csv"), ("today",)):
            result = mastery("--data-dir", str(history), *args)
            assert result.returncode == 0, (args, result.stderr)
            assert result.stderr == ""
        store = Store.open(history, FakeClock(MONDAY + timedelta(days=2)))
        assert [t.title for t in store.tasks()] == ["Walk", "Read"]
    (history / "practice" / ".left-by-a-killed-writer.1.1.tmp").write_text("{")
    factories.task("Cook", store=store)  # the first save finishes opening, under the lock
    assert not (history / "practice" / ".left-by-a-killed-writer.1.1.tmp").exists()
    assert [t.title for t in store.tasks()] == ["Walk", "Read", "Cook"]


def test_the_month_either_side_of_the_years_a_practice_can_be_in_is_read(tmp_path: Path):
    """2100-12-31 23:30 in New York is 2101-01-01 in UTC: its month file is read like any."""
    from mastery_tui.store.layout import is_month_file

    assert is_month_file("2101-01.json") and is_month_file("1969-12.json")
    assert not is_month_file("2101-02.json") and not is_month_file("1969-11.json")
    assert not is_month_file("0001-01.json") and not is_month_file("2026-13.json")


def test_a_backups_folder_that_cant_be_read_is_said(history: Path):
    (history / "backups").chmod(0)
    try:
        checked = without_root_powers("--data-dir", str(history), "check")
        listed = without_root_powers("--data-dir", str(history), "backups")
    finally:
        (history / "backups").chmod(0o700)
    assert checked.returncode == 1 and "can't be read" in checked.stdout
    assert listed.returncode == 1 and "can't be read" in one_line(listed)


def test_backups_that_cant_be_used_are_said_and_latest_is_the_newest_usable(history: Path):
    (history / "backups" / "2026-11-04" / "mastery.json").unlink()  # the newest, broken
    (history / "backups" / "2026-11-04" / "mastery.json").write_text("{")
    (history / "backups" / "9999-01-01").mkdir()  # an empty folder named like a backup
    listed = mastery("--data-dir", str(history), "backups").stdout
    assert "9999-01-01  no records  (can't be restored: it holds no data files)" in listed
    checked = mastery("--data-dir", str(history), "check").stdout
    assert "all good" not in checked and "9999-01-01" in checked
    restored = mastery("--data-dir", str(history), "restore", "latest", "--yes")
    assert restored.returncode == 0, restored.stderr
    assert "Restored the backup 2026-11-03" in restored.stdout


def test_a_month_damaged_with_no_good_copy_is_noted_and_restore_says_where_it_went(
    tmp_path: Path,
):
    clock = FakeClock(MONDAY)
    data = tmp_path / "data"
    store = Store.open(data, clock)
    factories.task("Walk", store=store)  # the backup of 2 November: no month file yet
    factories.practice(clock.now(), store=store)
    (data / "practice" / "2026-11.json").write_text("{")  # damaged before any backup had it
    clock.advance(DAY)
    factories.task("Read", store=store)
    listed = mastery("--data-dir", str(data), "backups").stdout
    assert (
        "(practice/2026-11.json was damaged then, with no good copy to keep: not in it)" in listed
    )
    restored = mastery("--data-dir", str(data), "restore", "latest", "--yes")
    assert restored.returncode == 0, restored.stderr
    assert "Not in that backup, so now only in" in restored.stdout
    assert "practice/2026-11.json" in restored.stdout


def test_a_file_made_read_only_is_not_written(history: Path):
    main = history / "mastery.json"
    main.chmod(0o400)
    before = main.read_bytes()
    added = mastery("--data-dir", str(history), "add", "Cook")
    assert added.returncode == 1
    assert "the file is read-only" in one_line(added)
    assert main.read_bytes() == before and stat.S_IMODE(main.stat().st_mode) == 0o400


def test_a_reason_ending_in_a_full_stop_is_not_punctuated_twice(history: Path):
    tables = json.loads((history / "practice" / "2026-11.json").read_text())
    next(iter(tables["practices"].values()))["mood_before"] = 500
    (history / "practice" / "2026-11.json").write_text(json.dumps(tables))
    shown = mastery("--data-dir", str(history), "export", "-f", "csv").stderr
    assert ".)" not in shown and "500" in shown
