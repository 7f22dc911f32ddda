"""Files no JSON parser should choke on: deep nesting and numbers of thousands of digits, in
the main file and in a month file, give the one readable CorruptFileError, never a traceback,
and the file is left exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from mastery_tui.store import CorruptFileError, Store
from tests import factories

DEEP = b"[" * 100_000 + b"]" * 100_000
HUGE = b'{"tasks": {"1": {"minutes": ' + b"9" * 5_000 + b"}}}"


@pytest.mark.parametrize(
    ("payload", "words"),
    [(DEEP, "nested too deeply"), (HUGE, "far too long")],
    ids=["deep", "huge"],
)
def test_the_main_file(tmp_path: Path, clock, payload: bytes, words: str):
    data = tmp_path / "data"
    Store.open(data, clock)
    (data / "mastery.json").write_bytes(payload)
    with pytest.raises(CorruptFileError, match=words):
        Store.open(data, clock)
    assert (data / "mastery.json").read_bytes() == payload


@pytest.mark.parametrize(
    ("payload", "words"),
    [(DEEP, "nested too deeply"), (HUGE, "far too long")],
    ids=["deep", "huge"],
)
def test_a_month_file(tmp_path: Path, clock, payload: bytes, words: str):
    data = tmp_path / "data"
    store = Store.open(data, clock)
    factories.practice(clock.now(), store=store)
    [month] = (data / "practice").glob("*.json")
    month.write_bytes(payload)
    with pytest.raises(CorruptFileError, match=words):
        Store.open(data, clock).practices()
    assert month.read_bytes() == payload


@pytest.mark.parametrize(
    ("payload", "words"),
    [(DEEP, "nested too deeply"), (HUGE, "far too long")],
    ids=["deep", "huge"],
)
def test_the_app_at_start_with_a_damaged_main_file_is_one_line(
    tmp_path: Path, clock, payload: bytes, words: str
):
    """The app (``mastery`` alone) stops before the screen is drawn, exit 1, one line."""
    import os
    import subprocess
    import sys

    data = tmp_path / "data"
    Store.open(data, clock)
    (data / "mastery.json").write_bytes(payload)
    started = subprocess.run(
        [sys.executable, "-m", "mastery_tui", "--data-dir", str(data)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "TERM": "xterm-256color"},
    )
    assert started.returncode == 1
    assert started.stderr.count("\n") == 1 and words in started.stderr
    assert "Traceback" not in started.stderr
    assert (data / "mastery.json").read_bytes() == payload


@pytest.mark.parametrize(
    ("payload", "words"),
    [(DEEP, "nested too deeply"), (HUGE, "far too long")],
    ids=["deep", "huge"],
)
async def test_the_app_at_start_with_a_damaged_month_says_so_and_goes_on(
    seen_store: Store, run_app, payload: bytes, words: str
):
    store = seen_store
    factories.practice(store.clock.now(), store=store)
    [month] = (store.data_dir / "practice").glob("*.json")
    month.write_bytes(payload)
    async with run_app(store) as ui:
        shown = [n.message for n in ui.app._notifications]
        assert any(words in message for message in shown), shown
        assert ui.app.screen.query_one("#home-counts").render()  # Home is up, counting nothing
    assert month.read_bytes() == payload


async def test_a_damaged_month_months_ago_with_nothing_recent_opens_home_gently(seen_store: Store, run_app):
    """Nothing recent to read, so Home looks for the newest practice however old (after a gap,
    nothing says harder) and finds that month damaged: Home still opens, asks nothing, and the
    coach key welcomes back (someone has practised); the file is left as it was."""
    from datetime import timedelta

    from mastery_tui.domain import words as w

    store = seen_store
    factories.practice(store.clock.now() - timedelta(days=60), store=store)
    [month] = (store.data_dir / "practice").glob("*.json")
    month.write_bytes(b"{not json")
    async with run_app(store) as ui:
        home = ui.app.screen
        assert str(home.query_one("#home-encourage").content) in w.GENTLE_ENCOURAGEMENTS
        await ui.keys("b", "right", "n")  # the task form reads the same way: no "harder"
        ui.app.screen.query_one("#task-difficulty").value = 5
        await ui.settle()
        assert "harder" not in str(ui.app.screen.query_one("#task-sizing").content)
        await ui.keys("escape", "y", "escape", "c")  # the changed form: let it go; Brainstorm; the coach
        assert ui.app.screen is home
        assert any(str(n.message).startswith("Welcome back.") for n in ui.app._notifications)
    assert month.read_bytes() == b"{not json"
