"""Small mends from the ecosystem review, driven by keys: the palette's Screenshot stays private,
the terminal title counts down while a timer runs, the on-done command runs through the shell,
and --debug writes a log that never holds the person's words."""

from __future__ import annotations

import asyncio
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mastery_tui.domain.timer import window_title
from mastery_tui.screens.home import HomeScreen
from mastery_tui.screens.practice.timer import run_on_done
from mastery_tui.shell import syntax_problem
from mastery_tui.widgets import window_title as title_bar
from tests import factories as make

from .test_timer_screen import open_timer


async def test_the_palettes_screenshot_goes_into_the_private_data_folder(
    seen_store, run_app, tmp_path, monkeypatch
):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # where ~/Downloads would be
    monkeypatch.chdir(tmp_path)
    async with run_app(seen_store) as ui:
        await ui.palette("Screenshot")
        pending = [
            t._task
            for t in ui.app._timers
            if t._callback == ui.app.deliver_screenshot and t._task is not None
        ]
        if pending:  # the palette waits 0.1 s (Textual's) before it takes the picture
            await asyncio.wait(pending)
        await ui.settle()
        assert isinstance(ui.screen, HomeScreen)
        saved = list((seen_store.data_dir / "screenshots").iterdir())
        assert len(saved) == 1 and saved[0].name == "mastery-2026-11-23-193000.svg"
        assert any(f"Saved to {saved[0]}, readable only by you." in n for n in ui.notes())
    assert stat.S_IMODE(saved[0].stat().st_mode) == 0o600
    assert stat.S_IMODE(saved[0].parent.stat().st_mode) == 0o700
    assert "<svg" in saved[0].read_text()
    assert not (tmp_path / "home").exists() and sorted(p.name for p in tmp_path.iterdir()) == [
        "data"
    ]


async def test_the_window_title_counts_down_and_gives_the_persons_title_back(
    seen_store, run_app, clock
):
    async with run_app(seen_store) as ui:
        assert title_bar.shown(ui.app) is None
        await open_timer(ui, clock, minutes=10)
        assert title_bar.shown(ui.app) == "10:00 left - mastery"
        clock.advance(61)
        ui.screen.tick()
        assert title_bar.shown(ui.app) == "8:59 left - mastery"
        await ui.keys("space")
        assert title_bar.shown(ui.app) == "paused 8:59 - mastery"
        await ui.keys("f")
        assert title_bar.shown(ui.app) is None  # the timer is gone: the person's own title
    assert window_title(-75, paused=False) == "+1:15 over - mastery"


def test_the_on_done_command_runs_through_the_shell(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SHELL", "/bin/sh")
    out = tmp_path / "done.log"
    assert run_on_done(f"echo one > {out}; echo two >> {out}") is None
    deadline = time.monotonic() + 30  # the command runs detached: wait for it to finish
    while (out.read_text() if out.exists() else "") != "one\ntwo\n":
        assert time.monotonic() < deadline, "the on-done command never ran"
        time.sleep(0.02)
    assert out.read_text() == "one\ntwo\n"
    assert syntax_problem("date > /dev/null; echo fine") is None
    assert syntax_problem("echo 'unclosed") is not None
    monkeypatch.setenv("SHELL", "/no/such/shell")
    assert syntax_problem("echo fine") is None  # falls back to /bin/sh


def test_debug_writes_a_private_log_without_the_persons_words(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    secret = "My very private reflection"
    code = (
        "import sys\n"
        "from mastery_tui.__main__ import main\n"
        f"main(['--data-dir', {str(folder)!r}, '--debug', 'add', {secret!r}])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    log = folder / "logs" / "debug.log"
    assert f"writing a debug log to {log}" in done.stderr
    text = log.read_text()
    assert "command: add" in text and "terminal: TERM=" in text
    assert secret not in text
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700


async def test_the_app_logs_screens_saves_and_key_names_but_never_typed_text(
    seen_store, run_app, tmp_path
):
    from mastery_tui import debuglog

    make.task("Walk 5 minutes", store=seen_store)
    path = debuglog.start(seen_store.data_dir, None)
    try:
        async with run_app(seen_store) as ui:
            await ui.keys("j", "n")  # Notes, then a new note
            await ui.write("Secret words")
            await ui.keys("ctrl+s", "escape")
    finally:
        for handler in list(debuglog.log.handlers):
            if not isinstance(handler, __import__("logging").NullHandler):
                debuglog.log.removeHandler(handler)
                handler.close()
    text = path.read_text()
    assert "open NotesScreen" in text and "open NoteEditorScreen" in text
    assert "saved: notes" in text and "close NoteEditorScreen" in text
    assert text.count("key ctrl+s") == 1 and "key escape" in text
    assert "Secret" not in text and "key S" not in text


@pytest.mark.parametrize("shell", ["/bin/sh", "/bin/bash"])
def test_on_done_refuses_a_command_the_shell_cant_read(tmp_path: Path, shell: str) -> None:
    if not Path(shell).exists():
        pytest.skip(f"no {shell}")
    done = subprocess.run(
        [sys.executable, "-m", "mastery_tui", "--data-dir", str(tmp_path / "d"), "on-done",
         "date >"],
        capture_output=True, text=True, timeout=60, env={"SHELL": shell, "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert done.returncode == 2
    lines = [line for line in done.stderr.splitlines() if "made a new data folder" not in line]
    assert len(lines) == 1 and f"your shell ({shell}) can't read that command" in lines[0]
