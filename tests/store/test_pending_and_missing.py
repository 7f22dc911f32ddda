"""What a window that died leaves (an import committed but not moved into place, a move
between months half done) is finished before anything is read around it or written over it,
even by a Store that was already open or opened while another window held the lock; and a
data folder missing its main file is never taken for a new one (second audit of issue 12)."""

from __future__ import annotations

import json
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest

from mastery_tui.domain.clock import FakeClock
from mastery_tui.domain.models import Note
from mastery_tui.store import Store
from mastery_tui.store.errors import MissingFileError
from mastery_tui.store.files import DirLock
from mastery_tui.store.imports import IMPORT_DIR, JOURNAL
from mastery_tui.store.layout import MOVE_MARKER
from tests import factories
from tests.conftest import START

from ..unit.test_cli import mastery


def a_committed_import(data_dir: Path, note_text: str) -> None:
    """The state an import leaves when its window dies after the commit point."""
    staging = data_dir / IMPORT_DIR
    staging.mkdir(mode=0o700)
    main = json.loads((data_dir / "mastery.json").read_text())
    note = Note.new(now=FakeClock(START).now(), text=note_text)
    main["notes"] = {"1": note.to_dict()}
    (staging / "0.json").write_text(json.dumps(main))
    (staging / JOURNAL).write_text(
        json.dumps({"files": [{"staged": "0.json", "target": "mastery.json"}]})
    )


def a_half_done_move(store: Store, clock: FakeClock, data_dir: Path) -> str:
    """A practice moved from October to November: the marker and the new copy written, the
    old copy not yet removed."""
    moved = factories.practice(clock.now() - timedelta(days=35), store=store)
    later = moved.__class__.from_dict(
        {**moved.to_dict(), "started": (clock.now() - timedelta(days=1)).isoformat()}
    )
    store.save_practices([later])  # the new copy lands; then the window dies with its marker
    marker = {"id": moved.id, "from": moved.started[:7], "to": later.started[:7]}
    (data_dir / "practice" / MOVE_MARKER).write_text(json.dumps(marker))
    return moved.id


def test_an_open_window_finishes_a_dead_import_before_its_own_save(
    store: Store, data_dir: Path, reopen
):
    a_committed_import(data_dir, "Imported before")
    store.set_setting("on_done", "echo kept")  # this window opened before the import died
    assert reopen().setting("on_done") == "echo kept"  # not undone by the import's replay
    assert [n.text for n in reopen().all(Note)] == ["Imported before"]


def test_opening_while_the_lock_is_held_waits_when_a_move_is_half_done(
    store: Store, clock: FakeClock, data_dir: Path
):
    moved = a_half_done_move(store, clock, data_dir)
    holder = DirLock(data_dir / ".lock")
    held = threading.Event()

    def hold_briefly() -> None:
        with holder.hold():
            held.set()
            time.sleep(1.0)  # another window's save, a moment long

    thread = threading.Thread(target=hold_briefly)
    thread.start()
    held.wait()
    try:
        opened = Store.open(data_dir, clock)  # waits for the lock: the move is finished first
    finally:
        thread.join()
    assert [p.id for p in opened.practices()].count(moved) == 1
    assert not (data_dir / "practice" / MOVE_MARKER).exists()


def test_a_restore_is_not_overwritten_by_a_dead_import(history_folder: Path):
    a_committed_import(history_folder, "Never finished")
    restored = mastery("--data-dir", str(history_folder), "restore", "latest", "--yes")
    assert restored.returncode == 0, restored.stderr
    [aside] = (history_folder / "aside").iterdir()
    assert (aside / IMPORT_DIR / JOURNAL).is_file()  # kept, not replayed
    listed = mastery("--data-dir", str(history_folder), "export", "-f", "json")
    assert "Never finished" not in listed.stdout


@pytest.fixture
def history_folder(tmp_path: Path) -> Path:
    clock = FakeClock(START)
    data = tmp_path / "data"
    store = Store.open(data, clock)
    factories.practice(clock.now() - timedelta(hours=1), store=store)
    clock.advance(24 * 3600)
    factories.task("Walk", store=store)
    return data


def test_a_main_file_no_backup_has_is_still_not_made_anew(history_folder: Path):
    import shutil

    shutil.rmtree(history_folder / "backups")
    (history_folder / "mastery.json").unlink()
    with pytest.raises(MissingFileError, match="no backup has it"):
        Store.open(history_folder, FakeClock(START))
    for args in (("tasks",), ("tasks", "--json"), ("add", "Cook"), ("today",)):
        result = mastery("--data-dir", str(history_folder), *args)
        assert result.returncode == 1, (args, result.stdout)
        assert "is missing (deleted or moved?)" in result.stderr
    assert not (history_folder / "mastery.json").exists()
    checked = mastery("--data-dir", str(history_folder), "check")
    assert checked.returncode == 1 and "mastery.json" in checked.stdout
    assert "no backup has it" in checked.stdout
