"""Two real mastery processes on one data folder: a practice belongs to the window running it.
The other window offers nothing that could record it twice, until the first one is gone."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import pytest

from mastery_tui.domain.clock import SystemClock
from mastery_tui.domain.models import Task, default_area_id
from mastery_tui.store import Store

from .burst import keys, stored, wait_until
from .terminal import PtyApp

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform != "linux", reason="drives a Linux pty"),
]

START_TIMEOUT = 30.0
STEP_TIMEOUT = 15.0
ELSEWHERE = "Running elsewhere"  # the notice's title (its text wraps)


def read(data_dir: Path) -> Store:
    return Store.open(data_dir, SystemClock())


def test_a_second_window_never_resumes_a_practice_still_running(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    store = read(data_dir)
    store.set_setting("safety_seen", True)
    store.save(Task.new(now=SystemClock().now(), title="Walk 5 minutes", area_id=default_area_id("daily")))

    first = PtyApp(data_dir)
    second: PtyApp | None = None
    try:
        first.wait_for("7-day plan", START_TIMEOUT)
        first.type(keys("n", "enter", "42", "enter", "38", "enter"))
        first.wait_for("Pause", STEP_TIMEOUT)  # the timer runs in the first window

        second = PtyApp(data_dir)
        second.wait_for(ELSEWHERE, START_TIMEOUT)  # said at start, instead of "Welcome back"
        second.type(keys("n"))  # and again on n: no resume, no new practice over it
        second.wait_for("7-day plan", STEP_TIMEOUT)
        assert "Welcome back" not in second.output
        assert "What will you do now?" not in second.output

        first.proc.send_signal(signal.SIGHUP)  # the first window's connection drops
        first.proc.wait(timeout=10)
        second.type(keys("n"))  # now it is offered here, once
        second.wait_for("Welcome back", STEP_TIMEOUT)
        second.type(keys("r", "f", "ctrl+s", "enter", "enter"))
        wait_until(  # the practice saved, then the session cleared: the app's final state
            lambda: stored(data_dir, "practices") and not stored(data_dir, "session"),
            STEP_TIMEOUT,
            "the practice recorded and its session cleared",
        )
    finally:
        first.close()
        if second is not None:
            second.close()

    [practice] = read(data_dir).practices()
    assert (practice.mood_before, practice.confidence_before) == (42, 38)
    assert read(data_dir).load_session() is None
