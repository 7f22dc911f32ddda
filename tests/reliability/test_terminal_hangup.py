"""The real app in a pseudo-terminal: a hang-up, a TERM signal or a terminal that simply
vanishes ends it promptly, cleanly, and with the data intact."""

from __future__ import annotations

import signal
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from mastery_tui.domain.clock import SystemClock
from mastery_tui.domain.models import Practice, Task, default_area_id
from mastery_tui.store import Store

from .support import leftovers
from .terminal import PtyApp

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="drives a Linux pty via /proc")

START_TIMEOUT = 30.0  # a cold start on a busy machine; usually well under a second
SIGNAL_EXIT = 1.5  # the app saves and exits, or ends itself after a 1 s grace
VANISHED_EXIT = 5.0  # noticed by SIGHUP, or by the app's own check once a second
FROZEN_EXIT = 3.0  # the loop can't run: only the 1 s exit timer can end it
LEAVE_ALT_SCREEN = "\x1b[?1049l"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A folder with a few records whose user has read the safety note (so the app opens Home)."""
    folder = tmp_path / "data"
    store = Store.open(folder, SystemClock())
    store.set_setting("safety_seen", True)
    now = SystemClock().now()
    walk = Task.new(now=now, title="Walk 5 minutes", area_id=default_area_id("daily"))
    store.save(walk, Task.new(now=now, title="Call a friend", area_id=default_area_id("social")))
    store.save_practice(
        Practice.new(
            now=now,
            task_id=walk.id,
            task_title=walk.title,
            started="2026-11-23T18:00:00+00:00",
            planned_minutes=5,
            mood_before=40,
            confidence_before=35,
        )
    )
    return folder


@pytest.fixture
def launch(data_dir: Path) -> Iterator[Callable[..., PtyApp]]:
    """Start the app on ``data_dir`` with ``launch(controlling=...)``; never leaves one running."""
    started: list[PtyApp] = []

    def start(*, controlling: bool = True) -> PtyApp:
        app = PtyApp(data_dir, controlling=controlling)
        started.append(app)
        app.wait_for("7-day plan", START_TIMEOUT)  # Home is drawn: the signal handlers are set
        return app

    yield start
    for app in started:
        app.close()


def snapshot(data_dir: Path) -> tuple[list[Task], list[Practice], object]:
    store = Store.open(data_dir, SystemClock())
    assert store.warnings == []
    return store.all(Task), store.practices(), store.setting("safety_seen")


def assert_intact(data_dir: Path, before: tuple[list[Task], list[Practice], object]) -> None:
    assert leftovers(data_dir) == []  # checked before Store.open, which would clean them
    assert snapshot(data_dir) == before


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_signal_ends_the_app_promptly_and_cleanly(launch, data_dir: Path, signum: int) -> None:
    before = snapshot(data_dir)
    app = launch()
    shown = len(app.output)

    app.proc.send_signal(signum)
    took = app.wait_exit(timeout=SIGNAL_EXIT)

    assert took is not None, f"still running {SIGNAL_EXIT} s after {signum.name}"
    assert app.proc.returncode == 0  # handled: not killed by the signal's default action
    time.sleep(0.1)  # let the reader thread take the last bytes
    assert LEAVE_ALT_SCREEN in app.output[shown:], "the terminal was not given back"
    assert_intact(data_dir, before)


@pytest.mark.slow
@pytest.mark.parametrize("controlling", [True, False], ids=["sighup-from-kernel", "no-signal"])
def test_vanished_terminal_ends_the_app(launch, data_dir: Path, controlling: bool) -> None:
    """The pty's master side closes (terminal window closed, SSH dropped). With the pty as its
    controlling terminal the kernel sends SIGHUP; without, only the app's own check notices."""
    before = snapshot(data_dir)
    app = launch(controlling=controlling)

    app.close_master()
    took = app.wait_exit(timeout=VANISHED_EXIT)

    if took is None:
        cpu_start = app.cpu_seconds()
        time.sleep(1.0)
        busy = app.cpu_seconds() - cpu_start
        app.close()
        pytest.fail(f"still running {VANISHED_EXIT} s after the terminal vanished ({busy:.0%} CPU)")
    assert app.proc.returncode == 0
    assert_intact(data_dir, before)




@pytest.mark.slow
def test_sigterm_ends_the_app_while_its_terminal_is_frozen(launch, data_dir: Path) -> None:
    """An SSH connection that stops moving data: the app blocks writing. TERM must still end it."""
    before = snapshot(data_dir)
    app = launch()
    app.freeze()

    app.proc.send_signal(signal.SIGTERM)
    took = app.wait_exit(timeout=FROZEN_EXIT)

    assert took is not None, f"still running {FROZEN_EXIT} s after SIGTERM"
    assert app.proc.returncode == 0
    assert_intact(data_dir, before)


@pytest.mark.slow
def test_frozen_then_vanished_terminal_ends_the_app(launch, data_dir: Path) -> None:
    """The connection freezes, then sshd gives up and closes the pty (the kernel sends SIGHUP)."""
    before = snapshot(data_dir)
    app = launch()
    app.freeze()

    app.close_master()
    took = app.wait_exit(timeout=VANISHED_EXIT)

    if took is None:
        cpu_start = app.cpu_seconds()
        time.sleep(1.0)
        busy = app.cpu_seconds() - cpu_start
        app.close()
        pytest.fail(f"still running {VANISHED_EXIT} s after the terminal vanished ({busy:.0%} CPU)")
    assert app.proc.returncode == 0
    assert_intact(data_dir, before)
