"""transfer: exports from a real Store, files written privately and atomically, imports merged
by id and refused whole when any record is invalid."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from mastery_tui import transfer
from mastery_tui.domain.clock import FakeClock, utc_iso
from mastery_tui.domain.export import CSV_HEADERS
from mastery_tui.domain.models import (
    Completion,
    Note,
    Practice,
    Review,
    Task,
    WeekPlan,
    default_area_id,
)
from mastery_tui.store import Store
from mastery_tui.store.practices import practice_period
from tests.conftest import TZ

DAILY = default_area_id("daily")
TRICKY = "Did it | anyway [bold]x[/bold] — ünïcødé ✓"


def add_practice(store: Store, local: datetime, **fields: object) -> Practice:
    values: dict[str, object] = {
        "task_id": None,
        "task_title": "Walk 5 minutes",
        "area_id": DAILY,
        "started": utc_iso(local),
        "planned_minutes": 5,
        "seconds_spent": 300,
        "mood_before": 40,
        "confidence_before": 30,
        "mood_after": 60,
        "confidence_after": 55,
        "difficulty": 30,
        "completion": Completion.YES,
    }
    values.update(fields)
    p = Practice.new(now=local, **values)
    store.save_practice(p)
    return p


@pytest.fixture
def filled(store: Store, clock: FakeClock) -> Store:
    """A few weeks of practice, a task, a plan with its review and a note."""
    now = clock.now()
    task = Task.new(now=now, title="Walk [5] minutes", area_id=DAILY)
    plan = WeekPlan.new(now=now, start="2026-11-16", area_id=DAILY, assignments=((1, task.id),))
    store.save(
        task,
        plan,
        Review.new(now=now, week_id=plan.id, strongest="Walks outside"),
        Note.new(now=now, text="Two\nlines | of note"),
        next(a for a in store.areas() if a.id == DAILY).edit(now=now, name="Home & body"),
    )
    for days in range(0, 21, 2):
        add_practice(store, now - timedelta(days=days, hours=1), task_id=task.id, reflection=TRICKY)
    return store


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


def test_export_import_into_an_empty_folder_export_again_is_identical(
    filled: Store, clock: FakeClock, tmp_path: Path
) -> None:
    """Both exports pass the same fixed `now`, so the whole text, "exported" included, must be
    byte-identical (with a real clock only "exported" would differ)."""
    now = clock.now()
    first = transfer.export_text(filled, "json", now=now)
    path = tmp_path / "backup.json"
    transfer.write_export(path, first)
    clock.advance(3 * 86_400)  # the new folder, and its built-in areas, are made days later
    empty = Store.open(tmp_path / "empty", clock)
    report = transfer.import_file(empty, path, now=clock.now())
    assert transfer.export_text(empty, "json", now=now) == first
    counts = report.counts
    assert (counts["practices"].added, counts["tasks"].added, counts["notes"].added) == (11, 1, 1)
    assert counts["areas"].updated == 5  # pristine built-ins here give way to the file's
    assert next(a for a in empty.areas() if a.id == DAILY).name == "Home & body"


def test_importing_twice_duplicates_nothing(
    filled: Store, clock: FakeClock, tmp_path: Path
) -> None:
    path = tmp_path / "backup.json"
    transfer.write_export(path, transfer.export_text(filled, "json", now=clock.now()))
    before = snapshot(filled.data_dir)
    report = transfer.import_file(filled, path, now=clock.now())
    assert report.total().added == report.total().updated == 0
    assert report.total().skipped == 5 + 1 + 11 + 1 + 1 + 1
    assert filled.practice_count() == 11
    assert snapshot(filled.data_dir) == before


def test_import_newer_wins_older_is_skipped_and_a_moved_practice_leaves_one_copy(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    now = clock.now()
    kept = add_practice(store, now - timedelta(days=5))
    moving = add_practice(store, datetime(2026, 10, 31, 12, 0, tzinfo=TZ))
    # The file: `kept` edited earlier than here; `moving` edited later, into November.
    theirs_kept = kept.edit(now=now - timedelta(days=1), reflection="older, from elsewhere")
    theirs_moving = moving.edit(now=now, started=utc_iso(datetime(2026, 11, 2, 12, 0, tzinfo=TZ)))
    here_kept = kept.edit(now=now, reflection="newer, from here")
    store.save_practice(here_kept)
    fresh = Practice.new(now=now, task_id=None, task_title="New", started=utc_iso(now),
                         planned_minutes=5, mood_before=1, confidence_before=2)  # fmt: skip
    doc = json.loads(transfer.export_text(store, "json", now=now))
    doc["practices"] = [p.to_dict() for p in (theirs_kept, theirs_moving, fresh)]
    path = tmp_path / "in.json"
    path.write_text(json.dumps(doc))
    clock.advance(60)
    report = transfer.import_file(store, path, now=clock.now())
    counts = report.counts["practices"]
    assert (counts.added, counts.updated, counts.skipped) == (1, 1, 1)
    by_id = {p.id: p for p in store.practices()}
    assert len(by_id) == len(store.practices()) == 3
    assert by_id[kept.id].reflection == "newer, from here"
    assert practice_period(by_id[moving.id]) == "2026-11"
    october = store.practice_dir / "2026-10.json"
    assert moving.id not in (october.read_text() if october.exists() else "")
    assert "practices  1 added, 1 updated, 1 skipped" in report.text()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x80\x81 binary", "not UTF-8"),
        (b"not json at all", "not JSON"),
        (b'{"tasks": []}', "not a mastery export"),
        (None, "practices[3]: Mood before must be from 0 to 100 (got 140); nothing"),
    ],
)
def test_an_invalid_file_is_refused_in_one_line_and_nothing_is_written(
    filled: Store, clock: FakeClock, tmp_path: Path, content: bytes | None, message: str
) -> None:
    if content is None:
        doc = json.loads(transfer.export_text(filled, "json", now=clock.now()))
        doc["tasks"][0]["id"] = "a-brand-new-task"  # would be added if the file were accepted
        doc["practices"][3]["mood_before"] = 140
        content = json.dumps(doc).encode()
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    before = snapshot(filled.data_dir)
    with pytest.raises(transfer.ImportRefused) as caught:
        transfer.import_file(filled, path, now=clock.now())
    text = str(caught.value)
    assert message in text and str(path) in text and text.endswith("nothing was imported")
    assert "\n" not in text
    assert snapshot(filled.data_dir) == before


def test_a_missing_file_is_refused(store: Store, clock: FakeClock, tmp_path: Path) -> None:
    with pytest.raises(transfer.ImportRefused, match="no such file"):
        transfer.import_file(store, tmp_path / "nope.json", now=clock.now())


def test_csv_export_of_a_range_counts_local_days(store: Store, clock: FakeClock) -> None:
    # 23:30 local on the 21st is 22:30 UTC on the 21st; 00:30 local on the 22nd is 23:30 UTC on the 21st.
    inside = add_practice(store, datetime(2026, 11, 22, 0, 30, tzinfo=TZ), reflection=TRICKY)
    outside = add_practice(store, datetime(2026, 11, 21, 23, 30, tzinfo=TZ))
    last = add_practice(store, datetime(2026, 11, 23, 23, 59, tzinfo=TZ))
    text = transfer.export_text(
        store, "csv", now=clock.now(), since=date(2026, 11, 22), until=date(2026, 11, 23)
    )
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == 3 and all(len(r) == len(CSV_HEADERS) for r in rows)
    assert [r[-1] for r in rows[1:]] == [inside.id, last.id]
    assert outside.id not in text
    assert rows[1][CSV_HEADERS.index("Reflection")] == TRICKY


def test_json_export_of_a_range_keeps_every_other_record(filled: Store, clock: FakeClock) -> None:
    today = clock.now().date()
    doc = json.loads(
        transfer.export_text(filled, "json", now=clock.now(), since=today - timedelta(days=3))
    )
    assert len(doc["practices"]) == 2
    assert (len(doc["areas"]), len(doc["tasks"]), len(doc["weeks"]), len(doc["reviews"])) == (
        5,
        1,
        1,
        1,
    )


def test_markdown_export_has_each_weeks_rows_and_the_review(
    filled: Store, clock: FakeClock
) -> None:
    text = transfer.export_text(filled, "md", now=clock.now())
    weeks = text.split("## Week of ")[1:]
    assert [w.split(" to ")[0] for w in weeks] == [
        "Mon 2 Nov 2026",
        "Mon 9 Nov 2026",
        "Mon 16 Nov 2026",
        "Mon 23 Nov 2026",
    ]
    practices = filled.practices()
    rows = [
        line for line in text.splitlines() if line.startswith("| ") and "Walk 5 minutes" in line
    ]
    assert len(rows) == len(practices) == 11
    assert "### Review of the 7-day plan that began Mon 16 Nov 2026" in weeks[2]
    assert TRICKY.replace("|", "\\|").replace("[", "\\[").replace("]", "\\]") in text


def test_write_export_is_private_atomic_and_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "log.md"
    old_umask = os.umask(0)
    try:
        transfer.write_export(path, "# one ✓\n")
    finally:
        os.umask(old_umask)
    assert path.read_text(encoding="utf-8") == "# one ✓\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with pytest.raises(transfer.ExportFileExists, match="already exists"):
        transfer.write_export(path, "# two\n")
    assert path.read_text(encoding="utf-8") == "# one ✓\n"
    transfer.write_export(path, "# two\n", overwrite=True)
    assert path.read_text(encoding="utf-8") == "# two\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.md"]  # no temp file left


def test_write_export_gives_csv_files_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    transfer.write_export(path, "Task\r\nünï\r\n")
    assert path.read_bytes().startswith(b"\xef\xbb\xbfTask")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle)) == [["Task"], ["ünï"]]


def test_write_export_failures_are_readable_and_leave_nothing(tmp_path: Path) -> None:
    with pytest.raises(transfer.ExportError, match="doesn't exist"):
        transfer.write_export(tmp_path / "missing" / "log.md", "x")
    with pytest.raises(transfer.ExportError, match="is a folder"):
        transfer.write_export(tmp_path, "x", overwrite=True)
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    if os.access(locked, os.W_OK):  # root ignores permissions
        pytest.skip("running as root")
    with pytest.raises(transfer.ExportError, match="permission denied"):
        transfer.write_export(locked / "log.md", "x")
    assert list(locked.iterdir()) == []


def test_default_file_names_say_what_and_when(clock: FakeClock) -> None:
    names = [transfer.default_file_name(fmt, clock.now()) for fmt in transfer.FORMATS]
    assert names == [
        "mastery-log-2026-11-23.csv",
        "mastery-worksheet-2026-11-23.md",
        "mastery-worksheet-2026-11-23.html",
        "mastery-backup-2026-11-23.json",
        "mastery-plan-2026-11-23.ics",
    ]
    assert all(
        transfer.format_for(Path(name)) == fmt
        for name, fmt in zip(names, transfer.FORMATS, strict=True)
    )


def test_format_for_reads_the_file_name() -> None:
    assert transfer.format_for(Path("a.CSV")) == "csv"
    assert transfer.format_for(Path("a.json")) == "json"
    assert transfer.format_for(Path("a.txt")) == "md"
