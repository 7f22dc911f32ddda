"""Imports change every file they touch or none (issue 12, item 6): a full disk half-way
changes nothing; a crash after the commit point is finished at the next open, one before it
is dropped; unusual ISO forms land where the log reads them; impossible years are refused."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from mastery_tui import transfer
from mastery_tui.domain.clock import FakeClock
from mastery_tui.domain.models import Note, Practice
from mastery_tui.store import Store
from mastery_tui.store.imports import IMPORT_DIR, JOURNAL
from tests import factories as make
from tests.store.test_transfer import snapshot


def export_with(store: Store, clock: FakeClock, path: Path, **records: list) -> Path:
    """A JSON export of ``store`` with ``records`` (by kind) added to it."""
    doc = json.loads(transfer.export_text(store, "json", now=clock.now()))
    for key, items in records.items():
        doc[key].extend(item if isinstance(item, dict) else item.to_dict() for item in items)
    path.write_text(json.dumps(doc))
    return path


def test_a_full_disk_half_way_changes_nothing(
    store: Store, clock: FakeClock, data_dir: Path, tmp_path: Path
) -> None:
    """A real write limit (RLIMIT_FSIZE) in a real `mastery import`: the main file and small
    months fit, the big month doesn't. Before: 5 of 5 tasks written, 0 of 800 practices."""
    make.task("Walk 5 minutes", store=store)
    now = clock.now()
    tasks = [make.task(f"Task {i}", now=now) for i in range(5)]
    busy_month = [
        make.practice(now - timedelta(minutes=i), now=now, title="x" * 100, reflection="y" * 200)
        for i in range(800)
    ]
    source = export_with(store, clock, tmp_path / "big.json", tasks=tasks, practices=busy_month)
    before = snapshot(data_dir)
    limit = 200_000  # bytes per file: the main file fits, the month of 800 practices doesn't
    script = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))\n"
        "from mastery_tui.__main__ import main\n"
        "main(sys.argv[1:])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "--data-dir", str(data_dir), "import", str(source)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "nothing was imported" in done.stderr
    assert "Traceback" not in done.stderr
    after = snapshot(data_dir)  # (the day's backup was made first, as before every write)
    assert {k: v for k, v in after.items() if not k.startswith("backups/")} == before
    assert not (data_dir / IMPORT_DIR).exists()
    assert len(Store.open(data_dir, clock).tasks()) == 1


def test_a_crash_after_the_commit_point_is_finished_at_the_next_open(
    store: Store, clock: FakeClock, data_dir: Path, tmp_path: Path, reopen
) -> None:
    """The state a crash leaves between the journal and the last move: some staged files
    already moved into place, the others still in .import/ with the journal."""
    note = Note.new(now=clock.now(), text="Imported note")
    practice = make.practice(clock.now() - timedelta(days=40), now=clock.now())
    staging = data_dir / IMPORT_DIR
    staging.mkdir(mode=0o700)
    main = json.loads((data_dir / "mastery.json").read_text())
    main["notes"] = {"1": note.to_dict()}
    (staging / "0.json").write_text(json.dumps(main))
    month = practice.started[:7]
    (staging / "1.json").write_text(json.dumps({"practices": {"1": practice.to_dict()}}))
    (staging / JOURNAL).write_text(
        json.dumps(
            {
                "files": [
                    {"staged": "0.json", "target": "mastery.json"},
                    {"staged": "1.json", "target": f"practice/{month}.json"},
                ]
            }
        )
    )
    opened = reopen()
    assert [n.text for n in opened.all(Note)] == ["Imported note"]
    assert [p.id for p in opened.practices()] == [practice.id]
    assert not staging.exists()


def test_staged_files_without_a_journal_are_dropped(
    store: Store, clock: FakeClock, data_dir: Path, reopen
) -> None:
    make.task("Walk 5 minutes", store=store)
    before = snapshot(data_dir)
    staging = data_dir / IMPORT_DIR
    staging.mkdir(mode=0o700)
    (staging / "0.json").write_text('{"half": "an import that never committed"}')
    assert [t.title for t in reopen().tasks()] == ["Walk 5 minutes"]
    assert not staging.exists()
    assert snapshot(data_dir) == before


def test_a_journal_pointing_outside_the_data_is_ignored(
    store: Store, data_dir: Path, tmp_path: Path, reopen
) -> None:
    staging = data_dir / IMPORT_DIR
    staging.mkdir(mode=0o700)
    (staging / "0.json").write_text("{}")
    (staging / JOURNAL).write_text(json.dumps({"files": [{"staged": "0.json", "target": "../x"}]}))
    reopen()
    assert not (tmp_path / "x").exists()
    assert not staging.exists()


def test_unusual_iso_forms_land_in_the_log(
    store: Store, clock: FakeClock, data_dir: Path, tmp_path: Path
) -> None:
    forms = ["20261120T090000Z", "2026-W47-5T10:00:00+00:00", "2026-11-20T12:00:00.5+01:00"]
    made = [make.practice("2026-11-20T08:00:00+00:00", now=clock.now()) for _ in forms]
    raw = []
    for practice, form in zip(made, forms, strict=True):
        data = practice.to_dict()
        data["started"] = form
        raw.append(data)
    report = transfer.import_file(
        store, export_with(store, clock, tmp_path / "odd.json", practices=raw), now=clock.now()
    )
    assert report.counts["practices"].added == 3
    starts = sorted(p.started for p in store.practices())
    assert starts == [
        "2026-11-20T09:00:00+00:00", "2026-11-20T10:00:00+00:00", "2026-11-20T11:00:00+00:00",
    ]  # fmt: skip
    assert sorted(p.name for p in (data_dir / "practice").iterdir()) == ["2026-11.json"]
    (with_offset,) = [p for p in store.practices() if p.started.startswith("2026-11-20T11")]
    assert with_offset.utc_offset == 60  # "+01:00" said where it happened


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("started", "0001-01-01T00:00:00+00:00", "outside 1970-2100"),
        ("started", "9999-12-31T12:00:00+00:00", "outside 1970-2100"),
        ("task_title", "caf\ud800", "practices[0]"),
        ("zone", "../../etc/passwd", "not a time zone name"),
    ],
)
def test_impossible_values_are_refused_in_one_line_before_anything_is_written(
    store: Store, clock: FakeClock, data_dir: Path, tmp_path: Path, field: str, value: str, words: str
) -> None:
    data = make.practice(clock.now(), now=clock.now()).to_dict()
    data[field] = value
    source = export_with(
        store, clock, tmp_path / "bad.json", notes=[Note.new(now=clock.now(), text="n")],
        practices=[data],
    )  # fmt: skip
    before = snapshot(data_dir)
    with pytest.raises(transfer.ImportRefused) as caught:
        transfer.import_file(store, source, now=clock.now())
    assert words in str(caught.value) and "\n" not in str(caught.value)
    assert snapshot(data_dir) == before


def test_an_import_keeps_the_fast_path_vouched(
    store: Store, clock: FakeClock, data_dir: Path, tmp_path: Path
) -> None:
    from mastery_tui.store import stamp

    notes = [Note.new(now=clock.now(), text=f"Note {i}") for i in range(50)]
    transfer.import_file(
        store, export_with(store, clock, tmp_path / "n.json", notes=notes), now=clock.now()
    )
    assert stamp.vouched(data_dir, (data_dir / "mastery.json").read_bytes())
    assert len(Store.open(data_dir, clock).all(Note)) == 50
    assert all(isinstance(p, Practice) for p in store.practices())
