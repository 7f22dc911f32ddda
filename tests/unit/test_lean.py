"""The fast read path (``lean.py``) answers ``mastery tasks --json`` exactly as the full path
does, and only when the Store has checked the very bytes it reads; otherwise it stands aside."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mastery_tui import cli, lean, paths
from mastery_tui.__main__ import main
from mastery_tui.demo import seed_demo_history
from mastery_tui.domain.clock import FakeClock
from mastery_tui.domain.models import Task
from mastery_tui.store import Store, stamp
from mastery_tui.store.errors import CorruptFileError
from tests import factories as make


def full_answer(store: Store) -> str:
    out = io.StringIO()
    cli.print_tasks(store, area=None, as_json=True, out=out)
    return out.getvalue()


def lean_answer(folder: Path, capsys: pytest.CaptureFixture[str]) -> str | None:
    capsys.readouterr()
    if lean.answer(["--data-dir", str(folder), "tasks", "--json"]) is None:
        return None
    return capsys.readouterr().out


def test_same_answer_as_the_full_path_on_demo_data(
    store: Store, clock: FakeClock, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_demo_history(store, clock)
    archived = make.task("Old habit", store=store)
    store.save(archived.edit(now=clock.now(), archived=True))
    make.task("Café, ☕ and\ttabs", store=store, order=0)  # ties on order with a demo task
    assert lean_answer(data_dir, capsys) == full_answer(Store.open(data_dir, clock))


def test_the_default_folder_is_the_one_platformdirs_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MASTERY_HOME", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    if sys.platform == "linux" and os.getuid() != 0:
        assert lean._folder(None) == str(paths.data_dir(None))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert lean._folder(None) is None  # platformdirs' rules from here on
    monkeypatch.setenv("MASTERY_HOME", str(tmp_path / "named"))
    assert lean._folder(None) == str(tmp_path / "named")


@pytest.mark.parametrize(
    "argv",
    [
        ["tasks"],
        ["tasks", "--json", "--area", "Work"],
        ["--data-dir"],
        ["--data-dir", "-x", "tasks", "--json"],
        ["tasks", "--js"],
        ["add", "tasks", "--json"],
    ],
)
def test_anything_else_goes_to_argparse(argv: list[str]) -> None:
    assert lean._parse(argv) is None


def test_a_file_changed_by_another_program_is_checked_again(
    store: Store, clock: FakeClock, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made = make.task("Walk 5 minutes", store=store)
    assert lean_answer(data_dir, capsys) is not None
    main_file = data_dir / "mastery.json"
    main_file.write_text(main_file.read_text().replace("Walk 5 minutes", "Walk \\u001b[31m6"))
    assert lean_answer(data_dir, capsys) is None  # the bytes aren't the ones checked
    reopened = Store.open(data_dir, clock)  # valid, but not as the Store writes it: no stamp
    assert reopened.get(Task, made.id).title == "Walk 6"
    assert not stamp.vouched(data_dir, main_file.read_bytes())
    assert lean_answer(data_dir, capsys) is None
    main([f"--data-dir={data_dir}", "tasks", "--json"])
    assert json.loads(capsys.readouterr().out)[0]["title"] == "Walk 6"


def test_an_invalid_record_is_reported_not_listed(
    store: Store, clock: FakeClock, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make.task("Walk 5 minutes", store=store)
    main_file = data_dir / "mastery.json"
    main_file.write_text(main_file.read_text().replace('"minutes":10', '"minutes":-3'))
    assert lean_answer(data_dir, capsys) is None
    with pytest.raises(CorruptFileError, match="a stored task is invalid"):
        Store.open(data_dir, clock)
    with pytest.raises(SystemExit) as ended:
        main(["--data-dir", str(data_dir), "tasks", "--json"])
    assert ended.value.code == 1


def test_saves_keep_the_file_checked(
    store: Store, clock: FakeClock, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert stamp.vouched(data_dir, (data_dir / "mastery.json").read_bytes())
    for title in ("One", "Two", "Three"):
        make.task(title, store=store)
        assert stamp.vouched(data_dir, (data_dir / "mastery.json").read_bytes())
    listed = json.loads(lean_answer(data_dir, capsys) or "null")
    assert [t["title"] for t in listed] == ["One", "Two", "Three"]


@pytest.mark.parametrize("case", ["folder mode", "file mode", "month mode", "move", "no stamp"])
def test_it_stands_aside_when_the_store_has_something_to_say(
    case: str, store: Store, clock: FakeClock, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make.task("Walk 5 minutes", store=store)
    make.practice(clock.now(), store=store)
    assert lean_answer(data_dir, capsys) is not None
    month = next((data_dir / "practice").glob("*.json"))
    if case == "folder mode":
        data_dir.chmod(0o750)
    elif case == "file mode":
        (data_dir / "mastery.json").chmod(0o644)
    elif case == "month mode":
        month.chmod(0o640)
    elif case == "move":
        (data_dir / "practice" / "moving.json").write_text("{}")
    else:
        (data_dir / stamp.STAMP_FILE).unlink()
    assert lean_answer(data_dir, capsys) is None


def test_the_command_imports_nothing_heavy(store: Store, data_dir: Path) -> None:
    make.task("Walk 5 minutes", store=store)
    shown = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "mastery_tui", "--data-dir", str(data_dir),
         "tasks", "--json"],  # fmt: skip
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(shown.stdout)[0]["title"] == "Walk 5 minutes"
    imported = {line.split("|")[-1].strip() for line in shown.stderr.splitlines() if "|" in line}
    heavy = {"argparse", "pathlib", "typing", "dataclasses", "tinydb", "platformdirs", "textual"}
    assert imported & heavy == set()


@pytest.mark.parametrize(
    ("argv", "split"),
    [
        ([], (None, [])),
        (["--data-dir", "/d"], ("/d", [])),
        (["--data-dir=/d", "tasks"], ("/d", ["tasks"])),
        (["--data-dir", "-x"], None),
        (["--data-dir="], None),
        (["--version"], (None, ["--version"])),
    ],
)
def test_a_plain_start_is_told_apart_without_argparse(argv: list[str], split: object) -> None:
    assert lean.split_data_dir(argv) == split
