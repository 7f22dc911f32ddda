"""The countdown is derived from clock readings: exact under pause, adjust, overtime and restart."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mastery_tui.domain.timer import Countdown, format_clock

WALL = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)


def test_counts_down_from_the_monotonic_clock() -> None:
    timer = Countdown.start(20, mono=100.0, wall=WALL)
    assert timer.remaining(100.0) == 1200
    assert timer.remaining(160.5) == pytest.approx(1139.5)
    assert timer.progress(700.0) == pytest.approx(0.5)


def test_pause_and_resume_exclude_the_pause() -> None:
    timer = Countdown.start(10, mono=0.0, wall=WALL)
    timer = timer.pause(120.0)
    assert not timer.running
    assert timer.remaining(500.0) == 480  # time passes, nothing counts
    timer = timer.resume(500.0, WALL + timedelta(seconds=500))
    assert timer.remaining(530.0) == 450
    assert timer.toggle(530.0, WALL).running is False


def test_plus_and_minus_adjust_remaining_exactly() -> None:
    timer = Countdown.start(5, mono=0.0, wall=WALL)
    assert timer.adjust(+1).remaining(30.0) == 330
    assert timer.adjust(-1).remaining(30.0) == 210
    assert timer.adjust(-10).total_seconds == 60  # never below one minute in total


def test_overtime_keeps_counting() -> None:
    timer = Countdown.start(1, mono=0.0, wall=WALL)
    assert not timer.overtime(59.0)
    assert timer.overtime(60.0)
    assert timer.remaining(190.0) == -130
    assert format_clock(timer.remaining(190.0)) == "+2:10"


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(1200, "20:00"), (61.2, "1:02"), (0.2, "0:01"), (0, "+0:00"), (-5, "+0:05"), (3725, "1:02:05")],
)
def test_format_clock(seconds: float, shown: str) -> None:
    assert format_clock(seconds) == shown


def test_restart_resumes_from_wall_clock_minus_pauses() -> None:
    timer = Countdown.start(20, mono=50.0, wall=WALL)
    timer = timer.pause(50.0 + 300)  # 5 min worked
    timer = timer.resume(50.0 + 400, WALL + timedelta(seconds=400))  # 100 s paused
    saved = timer.to_dict()
    # the process dies; a new one starts at 18:10 wall time with an unrelated monotonic clock
    restored = Countdown.from_dict(saved, mono=7.0, wall=WALL + timedelta(seconds=600))
    assert restored.running
    assert restored.elapsed(7.0) == pytest.approx(300 + 200)
    assert restored.remaining(17.0) == pytest.approx(1200 - 510)


def test_restart_of_a_paused_timer_keeps_it_paused() -> None:
    timer = Countdown.start(20, mono=0.0, wall=WALL).pause(90.0)
    restored = Countdown.from_dict(timer.to_dict(), mono=5.0, wall=WALL + timedelta(hours=3))
    assert not restored.running
    assert restored.elapsed(999.0) == 90


def test_a_restart_on_the_same_boot_counts_monotonic_time_not_the_wall_clock():
    wall = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
    saved = Countdown.start(10, mono=500.0, wall=wall, boot="b1").to_dict()
    back = Countdown.from_dict(saved, mono=530.0, wall=wall - timedelta(hours=1), boot="b1")
    assert back.elapsed(530.0) == 30  # the wall clock went back an hour: still 30 s
    ahead = Countdown.from_dict(saved, mono=530.0, wall=wall + timedelta(hours=1), boot="b1")
    assert ahead.elapsed(530.0) == 30  # and forward: not an hour of practice
    rebooted = Countdown.from_dict(saved, mono=5.0, wall=wall + timedelta(seconds=90), boot="b2")
    assert rebooted.elapsed(5.0) == 90  # another boot: the wall clock is all there is
    set_back = Countdown.from_dict(saved, mono=5.0, wall=wall - timedelta(hours=1), boot="b2")
    assert set_back.elapsed(5.0) == 0  # never negative
    old = {k: v for k, v in saved.items() if k not in ("segment_mono", "boot")}  # saved before
    assert Countdown.from_dict(old, mono=9.0, wall=wall + timedelta(seconds=42), boot="b1").elapsed(9.0) == 42
