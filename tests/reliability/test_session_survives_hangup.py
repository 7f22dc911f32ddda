"""The real app in a pseudo-terminal: start a practice, lose the connection (SIGHUP) mid-timer,
start again, resume the same session, and record it with the right ratings and time."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest

from mastery_tui.domain.clock import SystemClock
from mastery_tui.domain.models import Completion, Task, default_area_id
from mastery_tui.store import Store

from .terminal import PtyApp

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform != "linux", reason="drives a Linux pty"),
]

START_TIMEOUT = 30.0
STEP_TIMEOUT = 15.0
ENTER = b"\r"
CTRL_S = b"\x13"


def send(app: PtyApp, *keys: bytes) -> None:
    assert app.master is not None
    for key in keys:
        os.write(app.master, key)
        time.sleep(0.05)


def test_a_practice_survives_a_dropped_connection(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    store = Store.open(data_dir, SystemClock())
    store.set_setting("safety_seen", True)
    store.save(
        Task.new(now=SystemClock().now(), title="Walk 5 minutes", area_id=default_area_id("daily"), minutes=5)
    )

    first = PtyApp(data_dir)
    try:
        first.wait_for("7-day plan", START_TIMEOUT)
        send(first, b"n")
        first.wait_for("What will you do now?", STEP_TIMEOUT)
        send(first, ENTER)
        first.wait_for("Before you start", STEP_TIMEOUT)
        send(first, b"4", b"2", ENTER, b"3", b"8", ENTER)
        first.wait_for("Pause", STEP_TIMEOUT)  # the timer's footer: it is running
        started = time.monotonic()
        time.sleep(2.0)
        first.proc.send_signal(signal.SIGHUP)  # the SSH connection drops
        first.proc.wait(timeout=5)
        assert first.proc.returncode == 0
    finally:
        first.close()

    saved = Store.open(data_dir, SystemClock()).load_session()
    assert saved is not None and saved["phase"] == "timer"
    assert (saved["mood_before"], saved["confidence_before"]) == (42, 38)

    time.sleep(1.0)  # away for a moment: that time counts, as wall-clock time since the start
    second = PtyApp(data_dir)
    try:
        second.wait_for("Welcome back", START_TIMEOUT)
        assert "Walk 5 minutes" in second.output
        send(second, b"r")
        second.wait_for("Pause", STEP_TIMEOUT)
        time.sleep(1.0)
        send(second, b"f")
        finished = time.monotonic()
        second.wait_for("How did it go?", STEP_TIMEOUT)
        send(second, CTRL_S)
        second.wait_for("You did it", STEP_TIMEOUT)
        send(second, ENTER, b"q")
        second.proc.wait(timeout=10)
    finally:
        second.close()

    store = Store.open(data_dir, SystemClock())
    [practice] = store.practices()
    assert practice.task_title == "Walk 5 minutes"
    assert (practice.mood_before, practice.confidence_before) == (42, 38)
    assert practice.completion is Completion.YES
    wall = finished - started
    assert 3 <= practice.seconds_spent <= wall + 1, (practice.seconds_spent, wall)
    assert store.load_session() is None
