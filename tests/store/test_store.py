"""The Store on a real folder: round trips, reopening, sharing, corruption, full disks, backups."""

from __future__ import annotations

import errno
import json
import os
from datetime import date
from pathlib import Path

import pytest

from mastery_tui.domain.models import Area, Note, Practice, Task, default_area_id
from mastery_tui.store import CorruptFileError, SaveError, Store
from mastery_tui.store import files as store_files
from mastery_tui.store.migrations import SCHEMA_VERSION

DAILY = default_area_id("daily")


def task(store: Store, title: str = "Walk 5 minutes", **fields) -> Task:
    return Task.new(now=store.clock.now(), title=title, area_id=DAILY, **fields)


def practice(store: Store, started: str = "2026-11-23T18:00:00+00:00", **fields) -> Practice:
    data = dict(
        task_id=None,
        task_title="Wash one set of dishes",
        started=started,
        planned_minutes=5,
        mood_before=40,
        confidence_before=35,
    )
    data.update(fields)
    return Practice.new(now=store.clock.now(), **data)


def test_new_folder_has_default_areas_and_schema(store: Store) -> None:
    assert [a.name for a in store.areas()][:2] == ["School & studying", "Work & career"]
    raw = json.loads(store.main_path.read_text())
    assert raw["_meta"]["1"]["schema"] == SCHEMA_VERSION


def test_round_trip_and_reopen(store: Store, data_dir: Path, clock) -> None:
    walk = task(store, minutes=5)
    note = Note.new(now=clock.now(), text="First note\nsecond line")
    store.save(walk, note)
    store.save_practice(practice(store, task_id=walk.id))
    assert store.get(Task, walk.id) == walk

    reopened = Store.open(data_dir, clock)
    assert reopened.get(Task, walk.id) == walk
    assert reopened.all(Note) == [note]
    assert reopened.practices()[0].task_id == walk.id


def test_upsert_replaces_by_id_and_delete(store: Store, clock) -> None:
    walk = task(store)
    store.save(walk)
    store.save(walk.edit(now=clock.now(), minutes=8))
    assert [t.minutes for t in store.all(Task)] == [8]
    assert store.delete(Task, walk.id) is True
    assert store.delete(Task, walk.id) is False
    assert store.all(Task) == []


def test_two_stores_see_each_others_writes(data_dir: Path, clock) -> None:
    first = Store.open(data_dir, clock)
    second = Store.open(data_dir, clock)
    a, b = task(first, "From window one"), task(second, "From window two")
    first.save(a)
    second.save(b)  # second re-reads inside the lock: a is not lost
    assert {t.title for t in first.all(Task)} == {"From window one", "From window two"}
    assert {t.title for t in Store.open(data_dir, clock).all(Task)} == {
        "From window one",
        "From window two",
    }


def test_settings(store: Store) -> None:
    assert store.setting("theme", "x") == "x"
    store.set_setting("theme", "nord")
    store.set_setting("theme", "gruvbox")
    assert store.setting("theme") == "gruvbox"


def test_practices_live_in_monthly_files_and_query_by_date(store: Store) -> None:
    store.save_practices(
        [
            practice(store, "2025-01-05T10:00:00+00:00"),
            practice(store, "2026-10-31T23:00:00+00:00"),
            practice(store, "2026-11-01T08:00:00+00:00"),
            practice(store, "2026-11-20T08:00:00+00:00"),
        ]
    )
    assert [p.name for p in store.practice_files()] == ["2025-01.json", "2026-10.json", "2026-11.json"]
    assert store.practice_count() == 4
    recent = store.practices(since=date(2026, 10, 31), until=date(2026, 11, 10))
    assert [p.started[:10] for p in recent] == ["2026-11-01", "2026-10-31"]


def test_editing_a_practice_into_another_month_moves_it(store: Store, clock) -> None:
    original = practice(store, "2026-10-31T23:00:00+00:00")
    store.save_practice(original)
    moved = original.edit(now=clock.now(), started="2026-11-01T09:00:00+00:00")
    store.save_practice(moved, previous=original)
    assert [p.started for p in store.practices()] == ["2026-11-01T09:00:00+00:00"]
    assert store.delete_practice(moved) is True
    assert store.practices() == []


# -- files that can't be read -------------------------------------------------------------


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b'{"tasks": {"1": {"title": "Wa', "not valid JSON"),
        (b"", "the file is empty"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"[1, 2, 3]", "unexpected layout"),
        (b'{"_meta": {"1": {"schema": 99}}}', "newer mastery"),
        (b'{"_meta": {"1": {"schema": "one"}}}', "not a number"),
        (b'{"_meta": {"1": {"schema": 1}}, "tasks": {"1": {"id": "x"}}}', "stored task is invalid"),
    ],
)
def test_unreadable_main_file_is_reported_and_left_byte_identical(
    store: Store, data_dir: Path, clock, payload: bytes, reason: str
) -> None:
    store.main_path.write_bytes(payload)
    with pytest.raises(CorruptFileError) as caught:
        Store.open(data_dir, clock)
    assert reason in str(caught.value)
    assert str(store.main_path) in str(caught.value)
    assert store.main_path.read_bytes() == payload


def test_corrupt_report_names_the_latest_backup(store: Store, data_dir: Path, clock) -> None:
    store.save(task(store))
    clock.advance(86_400)
    store.save(task(store, "Next day"))  # first write of the day: yesterday's file is backed up
    store.main_path.write_bytes(b"{oops")
    with pytest.raises(CorruptFileError) as caught:
        Store.open(data_dir, clock)
    backup = caught.value.backup
    assert backup == data_dir / "backups" / "2026-11-24" / "mastery.json"
    assert "latest backup: " + str(backup) in str(caught.value)
    assert json.loads(backup.read_text())["tasks"]


def test_corrupt_practice_file_is_reported_not_overwritten(store: Store) -> None:
    store.save_practice(practice(store))
    month = store.practice_files()[0]
    month.write_bytes(b'{"practices": {"1": trunc')
    with pytest.raises(CorruptFileError, match="2026-11.json"):
        store.practices()
    with pytest.raises(CorruptFileError):
        store.save_practice(practice(store))
    assert month.read_bytes() == b'{"practices": {"1": trunc'


# -- saves that fail ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "code", "words"),
    [
        ("write", errno.ENOSPC, "the disk is full"),
        ("fsync", errno.EIO, "input/output error"),
        ("replace", errno.EACCES, "permission denied"),
    ],
)
def test_failed_save_leaves_old_file_identical(
    store: Store, monkeypatch: pytest.MonkeyPatch, target: str, code: int, words: str
) -> None:
    store.save(task(store, "Already saved"))
    before = store.main_path.read_bytes()

    def boom(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(store_files.os, target, boom)
    with pytest.raises(SaveError, match=words):
        store.save(task(store, "Never saved"))
    monkeypatch.undo()

    assert store.main_path.read_bytes() == before
    assert not list(store.data_dir.glob(".*.tmp"))
    assert [t.title for t in store.all(Task)] == ["Already saved"]  # the cache was not poisoned
    store.save(task(store, "Saved after the disk recovered"))
    assert len(store.all(Task)) == 2


def test_lock_held_elsewhere_gives_a_clear_error(data_dir: Path, clock) -> None:
    import fcntl

    store = Store.open(data_dir, clock, lock_timeout=0.2)
    with open(data_dir / ".lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        with pytest.raises(SaveError, match="busy"):
            store.save(task(store))


def test_stale_temp_files_are_cleaned_at_open(store: Store, data_dir: Path, clock) -> None:
    store.save_practice(practice(store))
    stale = [data_dir / ".mastery.json.123.456.tmp", data_dir / "practice" / ".2026-11.json.9.9.tmp"]
    for path in stale:
        path.write_text("half a write")
    (data_dir / "backups" / ".2026-11-23.77.tmp").mkdir(parents=True)
    Store.open(data_dir, clock)
    assert not any(path.exists() for path in stale)
    assert not (data_dir / "backups" / ".2026-11-23.77.tmp").exists()


# -- backups --------------------------------------------------------------------------------


def test_first_write_of_a_day_backs_up_the_files_as_they_were(store: Store, data_dir: Path, clock) -> None:
    store.save(task(store, "Monday task"))
    store.save_practice(practice(store))
    clock.advance(86_400)
    store.save(task(store, "Tuesday task"))
    store.save(task(store, "Tuesday again"))
    day = data_dir / "backups" / "2026-11-24"
    backed_up = json.loads((day / "mastery.json").read_text())
    assert {d["title"] for d in backed_up["tasks"].values()} == {"Monday task"}
    assert (day / "practice" / "2026-11.json").is_file()
    # A real copy, not the live file: changing the live file never changes the backup.
    assert os.stat(day / "mastery.json").st_ino != os.stat(store.main_path).st_ino


def test_unchanged_files_share_one_copy_and_the_rotation_keeps_14_days_then_weeks(
    store: Store, data_dir: Path, clock
) -> None:
    store.save_practice(practice(store, "2020-01-01T00:00:00+00:00"))  # an old month, never touched again
    for _ in range(20):  # 24 November to 13 December
        clock.advance(86_400)
        store.save(task(store))
    days = sorted(p.name for p in (data_dir / "backups").iterdir())
    # the newest 14 (30 Nov to 13 Dec), and 29 Nov: the newest of its week and of November
    assert days == ["2026-11-29", "2026-11-30", *(f"2026-12-{d:02}" for d in range(1, 14))]
    old_month = [data_dir / "backups" / day / "practice" / "2020-01.json" for day in days]
    assert len({os.stat(p).st_ino for p in old_month}) == 1


# -- migrations -------------------------------------------------------------------------------


def test_file_without_schema_is_migrated_after_a_backup(data_dir: Path, clock) -> None:
    legacy = {"tasks": {}, "areas": {}}
    (data_dir / "mastery.json").write_text(json.dumps(legacy))
    os.chmod(data_dir / "mastery.json", 0o600)
    store = Store.open(data_dir, clock)
    assert json.loads(store.main_path.read_text())["_meta"]["1"]["schema"] == SCHEMA_VERSION
    backup = data_dir / "backups" / "2026-11-23" / "mastery.json"
    assert json.loads(backup.read_text()) == legacy


def test_a_version_3_file_opens_as_it_was_and_a_task_may_then_leave_the_bad_day_unsaid(
    store: Store, data_dir: Path, clock
) -> None:
    """Version 4 only allows a bad-day answer not said yet (null): version 3 records read as
    they were, and once moved on, an older mastery refuses the file rather than misread it."""
    said = task(store)
    store.save(said)
    raw = json.loads(store.main_path.read_text())
    raw["_meta"]["1"]["schema"] = 3
    store.main_path.write_text(json.dumps(raw))
    reopened = Store.open(data_dir, clock)
    assert reopened.get(Task, said.id) == said
    unsaid = Task.new(now=clock.now(), title="Walk", area_id=said.area_id, bad_day_ok=None)
    reopened.save(unsaid)
    assert json.loads(reopened.main_path.read_text())["_meta"]["1"]["schema"] == SCHEMA_VERSION == 4
    assert Store.open(data_dir, clock).get(Task, unsaid.id).bad_day_ok is None  # type: ignore[union-attr]


def test_areas_sort_and_archive(store: Store, clock) -> None:
    health = Area.new(now=clock.now(), name="Health", order=10)
    store.save(health)
    assert store.areas()[-1].name == "Health"
    store.save(health.edit(now=clock.now(), archived=True))
    assert "Health" not in [a.name for a in store.areas()]
    assert "Health" in [a.name for a in store.areas(include_archived=True)]


def test_a_file_upgraded_by_a_newer_mastery_is_not_written_over(store: Store) -> None:
    raw = json.loads(store.main_path.read_text())
    raw["_meta"]["1"]["schema"] = SCHEMA_VERSION + 1
    store.main_path.write_text(json.dumps(raw))
    before = store.main_path.read_bytes()
    with pytest.raises(SaveError, match="newer mastery"):
        store.save(task(store))
    assert store.main_path.read_bytes() == before


def test_session_in_progress_is_kept_until_cleared(store: Store, data_dir: Path, clock) -> None:
    assert store.load_session() is None
    store.save_session({"title": "Walk", "phase": "timer"})
    store.save_session({"title": "Walk", "phase": "after"})
    assert Store.open(data_dir, clock).load_session() == {"title": "Walk", "phase": "after"}
    store.clear_session()
    assert store.load_session() is None


def test_a_month_read_again_reuses_its_records_until_the_file_changes(data_dir: Path, clock) -> None:
    mine = Store.open(data_dir, clock)
    other = Store.open(data_dir, clock)  # another process, as far as the files are concerned
    mine.save_practice(practice(mine))
    first = mine.practices()
    again = mine.practices()
    assert again == first and again[0] is first[0]  # built once, kept with the bytes they came from
    edited = first[0].edit(now=clock.now(), mood_before=12)
    other.save_practice(edited)  # the file changes under `mine`
    other.save_practice(practice(other, started="2026-11-23T19:00:00+00:00"))
    seen = mine.practices()
    assert len(seen) == 2
    assert {p.id: p.mood_before for p in seen}[edited.id] == 12
    mine.delete_practice(edited)  # a write by this store is seen at once too
    assert [p.id for p in mine.practices()] == [p.id for p in other.practices() if p.id != edited.id]
