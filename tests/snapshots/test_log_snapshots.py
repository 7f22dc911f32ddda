"""Snapshots of the log, a practice in full and its editor at 80x24, from the demo history."""

from __future__ import annotations

import pytest

from mastery_tui.demo import seed_demo_history
from tests.kit import wait_for_threads

SIZE = (80, 24)


async def settle(pilot) -> None:
    await pilot.pause()
    await wait_for_threads(pilot)
    await pilot.pause()


async def to_log(pilot) -> None:
    await pilot.pause()
    await pilot.press("l")
    await settle(pilot)


async def press(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
    await settle(pilot)


@pytest.fixture
def demo_app(seen_store, clock, make_app):
    seed_demo_history(seen_store, clock)
    return make_app(seen_store)


def test_log(demo_app, snap_compare):
    async def run_before(pilot):
        await to_log(pilot)
        await press(pilot, "down", "down")

    assert snap_compare(demo_app, terminal_size=SIZE, run_before=run_before)


def test_log_with_a_not_rated_practice(seen_store, clock, make_app, snap_compare):
    """A practice whose ratings and completion were skipped reads "–", and the line under the
    table says what "–" means; the preview says "not rated"."""
    from mastery_tui.domain.models import Practice

    seed_demo_history(seen_store, clock)
    seen_store.save_practice(
        Practice.new(
            now=clock.now(), task_id=None, task_title="Answer one message",
            started="2026-11-23T17:05:00+00:00", ended="2026-11-23T17:12:00+00:00",
            planned_minutes=5, seconds_spent=420, mood_before=35, confidence_after=50,
        )
    )  # fmt: skip
    assert snap_compare(make_app(seen_store), terminal_size=SIZE, run_before=to_log)


def test_log_filtered_and_sorted(demo_app, snap_compare):
    async def run_before(pilot):
        await to_log(pilot)
        await press(pilot, "a", "a", "a", "a", "r", "r", "s", "s", "s", "s", "s", "s")

    assert snap_compare(demo_app, terminal_size=SIZE, run_before=run_before)


def test_log_empty(seen_store, make_app, snap_compare):
    assert snap_compare(make_app(seen_store), terminal_size=SIZE, run_before=to_log)


def test_log_without_colour(seen_store, clock, make_app, snap_compare, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")  # before the app is built: Textual reads it then
    seed_demo_history(seen_store, clock)
    app = make_app(seen_store)

    async def run_before(pilot):
        await to_log(pilot)
        await press(pilot, "down", "down", "down")

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_practice_detail(demo_app, snap_compare):
    async def run_before(pilot):
        await to_log(pilot)
        await press(pilot, "down", "enter")

    assert snap_compare(demo_app, terminal_size=SIZE, run_before=run_before)


def test_practice_edit_with_a_refused_date(demo_app, snap_compare):
    async def run_before(pilot):
        await to_log(pilot)
        await press(pilot, "down", "enter", "e", "tab", "ctrl+a", "ctrl+k", *"2026-02-30", "ctrl+s")

    assert snap_compare(demo_app, terminal_size=SIZE, run_before=run_before)


def test_export_dialog(demo_app, snap_compare):
    async def run_before(pilot):
        await to_log(pilot)
        await press(pilot, "r", "r", "e", "c")

    assert snap_compare(demo_app, terminal_size=SIZE, run_before=run_before)
