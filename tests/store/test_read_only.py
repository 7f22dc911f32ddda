"""A data folder that can't be written (a read-only disk, or a .lock that can't be opened):
everything can still be read, by the app and the CLI; every save says why it can't be."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mastery_tui.store import SaveError, Store
from tests import factories

from ..unit.test_cli import mastery


@pytest.fixture
def locked_out(tmp_path: Path, clock) -> Path:
    """Tasks saved, then a .lock no one can open for writing (a folder in its place: the
    same for root, unlike permissions)."""
    data = tmp_path / "data"
    store = Store.open(data, clock)
    factories.tasks(store, ("Walk", "Read"))
    (data / ".lock").unlink()
    (data / ".lock").mkdir()
    return data


def test_the_store_reads_and_every_save_says_why_not(locked_out: Path, clock):
    before = (locked_out / "mastery.json").read_bytes()
    store = Store.open(locked_out, clock)
    assert store.read_only is not None
    assert [t.title for t in store.tasks()] == ["Walk", "Read"]
    assert any("can't be written" in w and "nothing new is saved" in w for w in store.warnings)
    with pytest.raises(SaveError, match=r"couldn't save: .* can't be written \("):
        factories.task("Cook", store=store)
    assert (locked_out / "mastery.json").read_bytes() == before


def test_the_cli_lists_and_exports_and_refuses_a_save_in_one_line(locked_out: Path):
    listed = mastery("--data-dir", str(locked_out), "tasks", "--json")
    assert listed.returncode == 0
    assert [t["title"] for t in json.loads(listed.stdout)] == ["Walk", "Read"]
    assert mastery("--data-dir", str(locked_out), "export", "-f", "csv").returncode == 0
    added = mastery("--data-dir", str(locked_out), "add", "Cook")
    assert added.returncode == 1
    assert added.stderr.splitlines()[-1].startswith("mastery: couldn't save: ")
    assert "Traceback" not in added.stderr


def test_an_empty_folder_that_cant_be_written_is_one_line(tmp_path: Path, clock):
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    (data / ".lock").mkdir()
    with pytest.raises(SaveError, match="there is no data in it yet"):
        Store.open(data, clock)
