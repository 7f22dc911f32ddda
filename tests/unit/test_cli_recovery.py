"""``mastery check``, ``backups`` and ``restore``, run as real processes on a folder whose
history was made with the fake clock: they work when a file is damaged (when the app would
stop), restore keeps the current files aside first, and a damaged backup is refused."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from mastery_tui.domain.clock import FakeClock
from mastery_tui.store import Store
from tests import factories
from tests.conftest import TZ

from .test_cli import mastery

DAY = 24 * 3600


def test_check_and_backups_on_good_data(history: Path):
    checked = mastery("--data-dir", str(history), "check")
    assert checked.returncode == 0, checked.stderr
    lines = checked.stdout.splitlines()
    assert lines[0].startswith("mastery.json") and "good: 5 areas, 2 tasks" in lines[0]
    assert "practice/2026-11.json" in lines[1] and "good: 1 practice" in lines[1]
    assert lines[2].split() == ["backups", "2,", "all", "good", "(latest:", "2026-11-04)"]

    listed = mastery("--data-dir", str(history), "backups")
    assert listed.returncode == 0
    assert listed.stdout.splitlines()[1:] == [
        "2026-11-04  5 areas, 1 task, 1 practice",
        "2026-11-03  5 areas, 1 practice",
    ]


def test_a_damaged_file_is_found_named_and_restored_with_the_damage_kept_aside(history: Path):
    main = history / "mastery.json"
    main.write_text('{"tasks": {"1": ')  # the app would stop at start on this
    checked = mastery("--data-dir", str(history), "check")
    assert checked.returncode == 1
    assert "mastery.json" in checked.stdout and "can't be read: not valid JSON" in checked.stdout
    assert (
        f"last good copy: {history / 'backups' / '2026-11-04' / 'mastery.json'}" in checked.stdout
    )
    assert "to go back to that backup: mastery restore 2026-11-04" in checked.stdout

    restored = mastery("--data-dir", str(history), "restore", "2026-11-04", "--yes")
    assert restored.returncode == 0, restored.stderr
    [aside] = (history / "aside").iterdir()
    assert f"Your files as they were are in {aside}" in restored.stdout
    assert (aside / "mastery.json").read_text() == '{"tasks": {"1": '  # the damage, kept
    assert (aside / "practice" / "2026-11.json").is_file()
    assert {oct(p.stat().st_mode & 0o777) for p in (aside, aside / "practice")} == {"0o700"}
    assert {oct(p.stat().st_mode & 0o777) for p in aside.rglob("*.json")} == {"0o600"}
    assert {t.title for t in Store.open(history, FakeClock(datetime.now(TZ))).tasks()} == {"Walk"}
    assert mastery("--data-dir", str(history), "check").returncode == 0


def test_restore_asks_first_and_refuses_what_it_cant_use(history: Path):
    before = {p: p.read_bytes() for p in history.rglob("*.json") if "backups" not in p.parts}

    unasked = mastery("--data-dir", str(history), "restore", "latest")  # no terminal to ask on
    assert unasked.returncode == 2
    assert (
        unasked.stderr
        == "mastery: restoring 2026-11-04 replaces your data files: add --yes to do it\n"
    )

    unknown = mastery("--data-dir", str(history), "restore", "2026-10-01", "--yes")
    assert unknown.returncode == 1
    assert unknown.stderr.startswith(
        "mastery: no backup called '2026-10-01'; the latest are 2026-11-04"
    )

    (history / "backups" / "2026-11-03" / "mastery.json").unlink()  # a damaged copy in a backup
    (history / "backups" / "2026-11-03" / "mastery.json").write_text("{")
    damaged = mastery("--data-dir", str(history), "restore", "2026-11-03", "--yes")
    assert damaged.returncode == 1
    assert damaged.stderr.count("\n") == 1 and "mastery.json can't be read" in damaged.stderr
    assert "nothing was changed" in damaged.stderr
    listed = mastery("--data-dir", str(history), "backups").stdout
    assert "2026-11-03  1 practice  (can't be restored: mastery.json can't be read)" in listed

    after = {p: p.read_bytes() for p in history.rglob("*.json") if "backups" not in p.parts}
    assert after == before and not (history / "aside").exists()


def test_no_folder_is_one_line(tmp_path: Path):
    for command in ("check", "backups"):
        result = mastery("--data-dir", str(tmp_path / "nowhere"), command)
        assert result.returncode == 1
        assert result.stderr == f"mastery: there is no data folder at {tmp_path / 'nowhere'}\n"
    assert not (tmp_path / "nowhere").exists()


def test_the_carried_copy_is_listed(history: Path):
    month = history / "practice" / "2026-11.json"
    month.write_text("{")
    clock = FakeClock(datetime(2026, 11, 5, 9, 0, tzinfo=TZ))
    factories.task("Cook", store=Store.open(history, clock))
    listed = mastery("--data-dir", str(history), "backups").stdout.splitlines()
    assert listed[1] == (
        "2026-11-05  5 areas, 2 tasks, 1 practice  "
        "(practice/2026-11.json was damaged then: this holds its good copy from 2026-11-04)"
    )
    assert json.loads(
        (history / "backups" / "2026-11-05" / "practice" / "2026-11.json").read_text()
    )
