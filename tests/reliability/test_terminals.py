"""Terminals as SSH gives them: the real app in a pty with no locale (LANG unset: the POSIX
locale) writes nothing but ASCII on Home, Trends and the timer; --ascii does the same in a
UTF-8 terminal; TERM=dumb gets one clear line instead of a full-screen app."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mastery_tui.ascii_mode import char, to_ascii, wants_ascii
from mastery_tui.demo import seed_demo_history
from mastery_tui.domain.clock import SystemClock
from mastery_tui.store import Store

from .support import child_env
from .terminal import PtyApp

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform != "linux", reason="a Linux pty")]
START_TIMEOUT = 60.0
CSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")


@pytest.fixture
def demo_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    clock = SystemClock()
    seed_demo_history(Store.open(folder, clock), clock)
    return folder


def wait_for_words(app: PtyApp, words: str, timeout: float = START_TIMEOUT) -> None:
    """Wait until ``words`` are on screen (styles and cursor moves between them removed)."""
    deadline = time.monotonic() + timeout
    while words not in CSI.sub("", app.output):
        assert app.proc.poll() is None, f"the app exited: {app.tail()}"
        assert time.monotonic() < deadline, f"{words!r} never shown: {app.tail()}"
        time.sleep(0.02)


def not_ascii(raw: bytes) -> list[str]:
    text = raw.decode("utf-8", errors="replace")
    return sorted({ch for ch in text if ord(ch) > 127})


def test_the_posix_locale_gets_only_ascii_on_home_and_trends(demo_dir: Path) -> None:
    app = PtyApp(demo_dir, locale={})  # LANG, LC_ALL and LC_CTYPE unset
    try:
        wait_for_words(app, "7-day plan")
        wait_for_words(app, "_ today")  # the strip legend: today is "_", not "…"
        app.type(b"t")
        wait_for_words(app, "after")  # the chart's legend: "* after   o before"
        wait_for_words(app, "o before")
        assert not_ascii(app.raw) == []
    finally:
        app.close()


@pytest.mark.parametrize(
    ("locale", "args"),
    [({}, ()), ({"LANG": "C.UTF-8"}, ("--ascii",))],
    ids=["posix-locale", "ascii-flag"],
)
def test_the_timer_is_ascii_digits_and_bars(demo_dir: Path, locale, args) -> None:
    app = PtyApp(demo_dir, *args, "quick", "Walk", "-m", "5", locale=locale)
    try:
        wait_for_words(app, "Start the timer")
        app.type(b"50\r50\r")
        wait_for_words(app, "left")
        wait_for_words(app, "+-+")  # the big digits, drawn with + - |
        assert not_ascii(app.raw) == []
    finally:
        app.close()


def test_a_utf8_terminal_keeps_its_symbols(demo_dir: Path) -> None:
    app = PtyApp(demo_dir, locale={"LANG": "en_US.UTF-8"})
    try:
        wait_for_words(app, "7-day plan")
        wait_for_words(app, "…")  # today's mark in the week strip
        # The header's icon comes through a data binding: Textual may paint its default
        # first and the diamond a frame later (seen on a busy CI machine), so wait for it.
        wait_for_words(app, "◆")
    finally:
        app.close()


def test_term_dumb_gets_one_clear_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mastery_tui", "--data-dir", str(tmp_path / "d")],
        capture_output=True, text=True, timeout=60, env=child_env(TERM="dumb"),
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "mastery: this terminal (TERM=dumb) can't show the app; open mastery in a full "
        "terminal, or use the commands here: mastery today, mastery add, mastery export"
    ]
    assert not (tmp_path / "d").exists()  # nothing made for an app that didn't open
    today = subprocess.run(
        [sys.executable, "-m", "mastery_tui", "--data-dir", str(tmp_path / "d"), "today"],
        capture_output=True, text=True, timeout=60, env=child_env(TERM="dumb"),
    )  # fmt: skip
    assert today.returncode == 0 and today.stdout.startswith("Today: ")


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, True),  # nothing set: the POSIX locale
        ({"LANG": "C"}, True),
        ({"LANG": "POSIX"}, True),
        ({"LANG": "en_GB.ISO-8859-1"}, True),
        ({"LANG": "en_GB.UTF-8"}, False),
        ({"LANG": "de_DE.utf8"}, False),
        ({"LC_ALL": "C", "LANG": "en_GB.UTF-8"}, True),  # LC_ALL wins
        ({"LC_ALL": "C.UTF-8"}, False),
        ({"LC_CTYPE": "C.UTF-8"}, True),  # Python's own coercion of the POSIX locale
        ({"LC_CTYPE": "C.UTF-8", "LANG": "C"}, False),  # set on purpose beside a LANG
        ({"LC_CTYPE": "fr_FR.UTF-8@euro"}, False),
    ],
)
def test_which_locales_get_ascii(env: dict[str, str], expected: bool) -> None:
    assert wants_ascii(env) is expected


def test_every_translation_keeps_the_width() -> None:
    from rich.cells import cell_len

    sample = "╭─╮│ │╰─╯ ━╸ ✓◐○•–…· →←↑↓ ⏎ ▏▅█ ⣿ é ü ß 漢 🙂 \x1b[1mbold\x1b[0m"
    out = to_ascii(sample)
    assert out.isascii() and cell_len(out) == cell_len(sample)
    assert to_ascii("╭─╮\n│ │\n╰─╯") == "+-+\n| |\n+-+"
    assert [char(c) for c in "✓◐○•–…·"] == ["v", "/", "o", "*", "-", ".", "."]
    assert to_ascii("Café au lait") == "Cafe au lait"
    assert to_ascii("Straße, 5 € or £5, Ørsted, Łódź") == "Strase, 5 E or L5, Orsted, Lodz"


def test_every_border_textual_draws_has_an_ascii_look() -> None:
    from textual._border import BORDER_CHARS

    drawn = {ch for rows in BORDER_CHARS.values() for row in rows for ch in row if not ch.isascii()}
    assert {ch: char(ch) for ch in drawn if "?" in char(ch)} == {}
    # The focused field's "tall" border (the choose box, the note box): a box, not "????".
    assert to_ascii("▊▔▔▎\n▊  ▎\n▊▁▁▎") == "|--|\n|  |\n|__|"


def run_in_a_pty(args: list[str], locale: dict[str, str]) -> bytes:
    """A command's output on a real terminal (stdout a tty), as a person sees it."""
    import os
    import pty

    leader, follower = pty.openpty()
    env = child_env(TERM="xterm-256color", COLUMNS="80", LINES="24")
    for name in ("LANG", "LC_ALL", "LC_CTYPE"):
        env.pop(name, None)
    env.update(locale)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "mastery_tui", *args],
            stdin=follower, stdout=follower, stderr=follower, env=env, timeout=60,
        )  # fmt: skip
        assert done.returncode == 0
        out = b""
        while True:
            ready, _, _ = __import__("select").select([leader], [], [], 0.2)
            if not ready:
                break
            out += os.read(leader, 65536)
        return out
    finally:
        os.close(leader)
        os.close(follower)


@pytest.mark.parametrize("command", ["stats", "tasks"])
def test_commands_on_a_posix_terminal_write_ascii(demo_dir: Path, command: str) -> None:
    args = ["--data-dir", str(demo_dir), command]
    assert not_ascii(run_in_a_pty(args, {"LANG": "C.UTF-8"}))  # the symbols, where they show
    assert not_ascii(run_in_a_pty(args, {})) == []  # LANG unset: the POSIX locale
    assert not_ascii(run_in_a_pty(["--ascii", *args], {"LANG": "C.UTF-8"})) == []
    piped = subprocess.run(
        [sys.executable, "-m", "mastery_tui", *args],
        capture_output=True, env=child_env(LANG="C"), timeout=60,
    )  # fmt: skip
    assert not_ascii(piped.stdout)  # into a pipe or a file, the words go as they are
