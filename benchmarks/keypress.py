"""5. Keypress-to-screen latency in "do it now" vs a bare Textual app, in tmux at 80x24.

Four apps run side by side in one private tmux server, each in its own session: the bare
app (``bare_keys_app.py``: a key adds one to a counter in a Static), mastery on the "Before
you start" screen (the focused mood RatingSlider), and two mastery timers (started with
ctrl+s from that screen; one for +/-, one for space, because while paused the caption no
longer shows the time left). Each mastery has its own data folder.

One timed press: ``tmux send-keys``, then ``tmux capture-pane`` every 2 ms until the change
the key should make is on the screen. Keys alternate so every press changes the screen:
right/left on the bare app (count + 1) and on the slider (50 -> 51 -> 50), +/- on the timer
(the "M:SS left" caption a minute up, then down), space on the other timer ("Paused." shown,
then gone). Nothing is subtracted: each poll is a tmux process start, paid by every case
alike. After a press the next one waits a moment, so the app that just drew has gone idle.
"""

from __future__ import annotations

import re
import shlex
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from mastery_tui.cli import add_task
from mastery_tui.domain.clock import SystemClock
from mastery_tui.store import Store

from .common import (
    COLUMNS,
    LINES,
    REPO,
    STATS_HEADERS,
    PaintTimeout,
    Tmux,
    heading,
    interleaved,
    mastery_argv,
    median,
    ms,
    stats_row,
    summary,
    table,
)

NAME = "keys"
GOAL = 1.2
BARE_KEYS_APP = Path(__file__).with_name("bare_keys_app.py")
TASK, MINUTES = "Walk", 20
POLL_SECONDS = 0.002
KEY_TIMEOUT_SECONDS = 5.0
SETTLE_SECONDS = 0.05  # untimed, after each press

BARE_COUNT = re.compile(r"presses: (\d+)")  # PREFIX in bare_keys_app.py (not imported: Textual)
MOOD = re.compile(r"Mood\b.*?\s(\d{1,3}) [a-z]")  # "Mood  ━━◆──  50 medium", "5 very low"
TIME_LEFT = re.compile(r"(?:(\d+):)?(\d+):(\d\d) left")  # the timer's caption, "19:58 left"
PAUSED = "Paused."


class KeyTmux(Tmux):
    """The benchmarks' tmux server, with sessions that stay open for many timed key presses."""

    def open(self, name: str, argv: Sequence[str], ready: Callable[[str], bool]) -> str:
        """Start ``argv`` in session ``name`` and wait until ``ready(screen)``; the screen."""
        command = "exec " + shlex.join(argv)
        self._tmux("new-session", "-d", "-s", name, "-x", str(COLUMNS), "-y", str(LINES),
                   "-c", str(REPO), command)  # fmt: skip
        return self.wait(name, ready, self.TIMEOUT_SECONDS, f"{shlex.join(argv)} never painted")

    def capture(self, name: str) -> str:
        return self._tmux("capture-pane", "-p", "-t", name)

    def wait(self, name: str, ready: Callable[[str], bool], timeout: float, why: str) -> str:
        start = time.perf_counter()
        while True:
            screen = self.capture(name)
            if ready(screen):
                return screen
            if time.perf_counter() - start > timeout:
                raise PaintTimeout(f"{why}; last screen:\n{screen}")
            time.sleep(POLL_SECONDS)

    def press(self, name: str, key: str, changed: Callable[[str], bool]) -> tuple[float, str]:
        """Seconds from just before ``send-keys`` until ``changed(screen)``; that screen."""
        start = time.perf_counter()
        self._tmux("send-keys", "-t", name, key)
        screen = self.wait(name, changed, KEY_TIMEOUT_SECONDS, f"{key!r} to {name} changed nothing")
        return time.perf_counter() - start, screen

    def close_session(self, name: str) -> None:
        self._end(name)


# -- reading the screens --------------------------------------------------------------------


def _number(pattern: re.Pattern[str], screen: str) -> int | None:
    found = pattern.search(screen)
    return int(found.group(1)) if found else None


def _seconds_left(screen: str) -> int | None:
    found = TIME_LEFT.search(screen)
    if not found:
        return None
    hours, minutes, seconds = (int(part or 0) for part in found.groups())
    return hours * 3600 + minutes * 60 + seconds


# -- the four cases: each call is one timed press -------------------------------------------


class Case:
    """One app in one tmux session; each call presses its next key and returns the seconds."""

    keys: tuple[str, ...] = ()

    def __init__(self, tmux: KeyTmux, name: str, screen: str) -> None:
        self.tmux = tmux
        self.name = name
        self.presses = 0
        self.seen(screen)

    def __call__(self) -> float:
        key = self.keys[self.presses % len(self.keys)]
        seconds, screen = self.tmux.press(self.name, key, self.expected(key))
        self.presses += 1
        self.seen(screen)
        time.sleep(SETTLE_SECONDS)
        return seconds

    def seen(self, screen: str) -> None:
        """Remember what the screen showed (the next press is judged against it)."""

    def expected(self, key: str) -> Callable[[str], bool]:
        raise NotImplementedError


class BareCase(Case):
    keys = ("Right", "Left")

    def seen(self, screen: str) -> None:
        self.count = _number(BARE_COUNT, screen)

    def expected(self, key: str) -> Callable[[str], bool]:
        target = (self.count or 0) + 1
        return lambda screen: _number(BARE_COUNT, screen) == target


class SliderCase(Case):
    keys = ("Right", "Left")

    def seen(self, screen: str) -> None:
        self.value = _number(MOOD, screen)

    def expected(self, key: str) -> Callable[[str], bool]:
        target = (self.value or 0) + (1 if key == "Right" else -1)
        return lambda screen: _number(MOOD, screen) == target


class AdjustCase(Case):
    """+ adds a minute, - takes it away: the caption jumps by 60 s while the clock runs on."""

    keys = ("+", "-")

    def seen(self, screen: str) -> None:
        self.left = _seconds_left(screen)
        self.left_at = time.perf_counter()

    def expected(self, key: str) -> Callable[[str], bool]:
        if self.left is None:
            raise PaintTimeout(f"no 'M:SS left' caption in {self.name}")
        now_left = self.left - (time.perf_counter() - self.left_at)  # what it shows by now
        sign = 1 if key == "+" else -1

        def changed(screen: str) -> bool:
            left = _seconds_left(screen)
            return left is not None and sign * (left - now_left) > 30

        return changed


class PauseCase(Case):
    keys = ("Space",)

    def seen(self, screen: str) -> None:
        self.paused = PAUSED in screen

    def expected(self, key: str) -> Callable[[str], bool]:
        want = not self.paused
        return lambda screen: (PAUSED in screen) == want


# -- setting up -----------------------------------------------------------------------------


def _data_dir(path: Path) -> Path:
    """A data folder with the safety note read and the task ``quick`` will open."""
    clock = SystemClock()
    store = Store.open(path, clock)
    store.set_setting("safety_seen", True)
    add_task(store, clock, title=TASK, area=None, minutes=MINUTES, difficulty=30)
    return path


def _before_ready(screen: str) -> bool:
    """The Before screen: its sliders start unanswered ("–  not rated")."""
    return "Mood" in screen and "Start the timer" in screen


def _answered(screen: str) -> bool:
    return _number(MOOD, screen) == 50


def _timer_ready(screen: str) -> bool:
    return _seconds_left(screen) is not None


def _open_mastery(tmux: KeyTmux, name: str, data: Path, *, timer: bool) -> str:
    """mastery on "Before you start" with mood answered (50): the slider case presses ←/→
    there; the timer cases answer confidence too and start the timer."""
    tmux.open(name, mastery_argv(data, "quick", TASK, "-m", str(MINUTES)), _before_ready)
    _, screen = tmux.press(name, "5", lambda screen: _number(MOOD, screen) == 5)
    _, screen = tmux.press(name, "0", _answered)
    if timer:
        tmux.press(name, "Enter", lambda screen: True)
        for key in ("5", "0"):
            tmux.press(name, key, lambda screen: True)
        _, screen = tmux.press(name, "Enter", _timer_ready)
    return screen


def _capture_cost(tmux: KeyTmux, name: str, runs: int = 30) -> float:
    """Median seconds of one capture-pane of an idle app: the size of one poll step."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        tmux.capture(name)
        times.append(time.perf_counter() - start)
    return median(times)


def run(quick: bool) -> None:
    repeats = 10 if quick else 30
    heading(f"5. keypress to screen, tmux {COLUMNS}x{LINES}: mastery's do-it-now keys vs a bare "
            f"Textual app, {repeats} presses each, interleaved")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="mastery-bench-") as tmp, KeyTmux() as tmux:
        root = Path(tmp)
        opened: list[str] = []
        try:
            opened.append("bare")
            bare = BareCase(
                tmux,
                "bare",
                tmux.open("bare", [sys.executable, str(BARE_KEYS_APP)], _bare_ready),
            )
            cases: dict[str, Case] = {"bare": bare}
            for name, kind, timer in (
                ("slider", SliderCase, False),
                ("timer", AdjustCase, True),
                ("pause", PauseCase, True),
            ):
                opened.append(name)
                screen = _open_mastery(tmux, name, _data_dir(root / name), timer=timer)
                cases[name] = kind(tmux, name, screen)
            poll = _capture_cost(tmux, "bare")
            results = interleaved(dict(cases), repeats, warmup=2)
        finally:
            for name in opened:
                tmux.close_session(name)
    labels = {
        "bare": "bare app (←/→)",
        "slider": "rating slider (←/→)",
        "timer": "timer +1/−1 min (+/-)",
        "pause": "timer pause (space)",
    }
    table(
        STATS_HEADERS,
        [
            stats_row(label, results[name], None if name == "bare" else results["bare"])
            for name, label in labels.items()
        ],
    )
    for name in ("slider", "timer", "pause"):
        summary(f"{labels[name]:<22}", ("bare", name), results, GOAL)
    print(f"  (one poll = one tmux capture-pane, {ms(poll)} median here; every case pays it)")


def _bare_ready(screen: str) -> bool:
    return _number(BARE_COUNT, screen) == 0 and "Count" in screen
