"""Snapshots of the trends screen at 80x24 on the demo history (fixed clock: deterministic)."""

from __future__ import annotations

import pytest

from mastery_tui.demo import seed_demo_history
from tests.kit import wait_for_threads

SIZE = (80, 24)


@pytest.fixture
def demo_app(seen_store, clock, make_app):
    seed_demo_history(seen_store, clock)
    return make_app(seen_store)


def trends_then(*keys: str):
    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        await wait_for_threads(pilot)
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await wait_for_threads(pilot)
            await pilot.pause()

    return run_before


@pytest.mark.parametrize(
    "key", ["1", "2", "3", "4"], ids=["mood", "confidence", "difficulty", "completions"]
)
def test_chart(demo_app, snap_compare, key):
    assert snap_compare(demo_app, terminal_size=SIZE, run_before=trends_then(key))


def test_mastery_table(demo_app, snap_compare):
    assert snap_compare(demo_app, terminal_size=SIZE, run_before=trends_then("m"))


def test_year_by_week(demo_app, snap_compare):
    assert snap_compare(demo_app, terminal_size=SIZE, run_before=trends_then("2", "r", "r"))


def test_confidence_without_colour(seen_store, clock, make_app, snap_compare, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")  # before the app is built: Textual reads it then
    seed_demo_history(seen_store, clock)
    assert snap_compare(make_app(seen_store), terminal_size=SIZE, run_before=trends_then("2"))


def test_empty_history(seen_store, make_app, snap_compare):
    assert snap_compare(make_app(seen_store), terminal_size=SIZE, run_before=trends_then())
