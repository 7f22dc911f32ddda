"""A data folder deleted, moved or swapped for another while mastery runs (issue 12, item 8):
noticed before every read and write, never followed; what was being saved is kept beside it
and the person is told, then and at the next start."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mastery_tui.domain.clock import FakeClock
from mastery_tui.domain.models import Task
from mastery_tui.store import Store
from mastery_tui.store.rescue import FolderGoneError
from tests import factories as make
from tests.store.test_transfer import snapshot


def rescued(data_dir: Path) -> list[dict]:
    folder = data_dir.parent / f"{data_dir.name}-rescued"
    files = sorted(folder.glob("*.json"))
    assert len(files) == 1, files
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
    assert oct(files[0].stat().st_mode & 0o777) == "0o600"
    return json.loads(files[0].read_text())["saves"]


def test_a_deleted_folder_is_not_read_as_empty_nor_made_again(
    store: Store, clock: FakeClock, data_dir: Path, tmp_path: Path
) -> None:
    make.task("Walk 5 minutes", store=store)
    data_dir.rename(tmp_path / "moved-away")
    with pytest.raises(FolderGoneError, match="is gone"):
        store.tasks()  # not [] as if everything were lost
    new = Task.new(now=clock.now(), title="Call Sam", area_id=make.DAILY)
    with pytest.raises(FolderGoneError) as caught:
        store.save(new)
    assert "what you were saving is kept in" in str(caught.value)
    with pytest.raises(FolderGoneError):
        store.save_practice(make.practice(clock.now(), now=clock.now()))
    assert not data_dir.exists()  # no new, empty folder where the data was
    saves = rescued(data_dir)
    assert [s["what"] for s in saves] == ["save", "save_practices"]
    assert saves[0]["content"][0]["title"] == "Call Sam"


def test_a_swapped_folder_is_never_written(
    store: Store, clock: FakeClock, data_dir: Path, tmp_path: Path
) -> None:
    other = Store.open(tmp_path / "someone-else", clock)
    make.task("Their task", store=other)
    theirs = snapshot(other.data_dir)
    data_dir.rename(tmp_path / "old")
    data_dir.symlink_to(other.data_dir)
    with pytest.raises(FolderGoneError, match="different folder"):
        store.save_draft("note:new", {"values": {"text": "half a thought"}})
    with pytest.raises(FolderGoneError):
        store.tasks()
    assert snapshot(other.data_dir) == theirs
    assert rescued(data_dir)[0]["content"] == ["note:new", {"values": {"text": "half a thought"}}]


def test_the_next_start_says_where_the_rescued_saves_are(
    store: Store, clock: FakeClock, data_dir: Path, tmp_path: Path
) -> None:
    data_dir.rename(tmp_path / "away")
    with pytest.raises(FolderGoneError):
        store.save_session({"title": "Walk"})
    (tmp_path / "away").rename(data_dir)
    again = Store.open(data_dir, clock)
    (said,) = [w for w in again.warnings if "was gone" in w]
    assert str(data_dir.parent / "data-rescued") in said and "1 file" in said
