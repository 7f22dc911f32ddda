"""Pilot: the trends screen driven by keys on a real store (chart and range switching, the
mastery table, the empty state)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from textual.widgets import ContentSwitcher, Static

from mastery_tui.domain.clock import parse_iso, utc_iso
from mastery_tui.domain.models import Completion, Practice, Task, default_area_id
from mastery_tui.domain.trends import Bucket, Chart
from mastery_tui.messages import Change
from mastery_tui.screens.home import HomeScreen
from mastery_tui.screens.trends import TrendsScreen
from mastery_tui.widgets.trend_plot import TrendPlot
from tests.kit import wait_for_threads


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


async def settle(pilot) -> None:
    await pilot.pause()
    await wait_for_threads(pilot)
    await pilot.pause()


async def open_trends(pilot) -> TrendsScreen:
    await pilot.pause()
    await pilot.press("t")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, TrendsScreen)
    return screen


def make_practice(
    task: Task, days_ago: int, before: int, after: int, completion: Completion
) -> Practice:
    started = parse_iso(task.created) - timedelta(days=days_ago, hours=2)  # created "now"
    return Practice.new(
        now=started,
        task_id=task.id,
        task_title=task.title,
        area_id=task.area_id,
        started=utc_iso(started),
        planned_minutes=10,
        mood_before=40,
        confidence_before=before,
        mood_after=55,
        confidence_after=after,
        difficulty=35,
        completion=completion,
    )


def seed_known(store) -> None:
    """Dishes lift +25 (partly once), notes +10, a hello +30 only once; one practice of notes
    is 60 days old (outside 30 days)."""
    now = store.clock.now()
    dishes = Task.new(now=now, title="Wash one set of dishes", area_id=default_area_id("daily"))
    notes = Task.new(now=now, title="Review one page of notes", area_id=default_area_id("studying"))
    hello = Task.new(now=now, title="Say hi to one colleague", area_id=default_area_id("social"))
    store.save(dishes, notes, hello)
    store.save_practices(
        [
            make_practice(dishes, 1, 30, 60, Completion.YES),
            make_practice(dishes, 3, 30, 50, Completion.PARTLY),
            make_practice(dishes, 5, 30, 55, Completion.YES),
            make_practice(notes, 2, 40, 50, Completion.YES),
            make_practice(notes, 4, 40, 50, Completion.NO),
            make_practice(hello, 6, 20, 50, Completion.YES),
            make_practice(notes, 60, 10, 90, Completion.YES),
        ]
    )


async def test_charts_switch_with_arrows_and_numbers(seen_store, make_app):
    seed_known(seen_store)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_trends(pilot)
        plot = screen.query_one(TrendPlot)
        assert (
            text_of(screen, "#trends-title") == "1/4 Mood before vs after · 30 days · mean per day"
        )
        assert plot.chart is Chart.MOOD
        assert text_of(screen, "#trends-legend") == "● after   ○ before"
        await pilot.press("right")
        assert plot.chart is Chart.CONFIDENCE
        assert text_of(screen, "#trends-title").startswith("2/4 Confidence before vs after")
        await pilot.press("4")
        assert plot.chart is Chart.COMPLETIONS
        assert text_of(screen, "#trends-title").endswith("count per week")
        assert text_of(screen, "#trends-legend") == "█ done   ▒ partly   ░ not this time"
        await pilot.press("left")
        assert plot.chart is Chart.DIFFICULTY
        assert text_of(screen, "#trends-legend") == "◆ felt difficulty"
        await pilot.press("right", "right")
        assert plot.chart is Chart.MOOD  # wraps around
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_ranges_cycle_and_each_is_bucketed(seen_store, make_app):
    seed_known(seen_store)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_trends(pilot)
        assert screen.data is not None and screen.data.practices == 6
        seen = []
        for _ in range(5):
            await pilot.press("r")
            await settle(pilot)
            data = screen.data
            assert data is not None
            seen.append((data.range_name, data.bucket, data.practices))
            assert data.range_label in text_of(screen, "#trends-title")
        assert seen == [
            ("90d", Bucket.DAY, 7),
            ("1y", Bucket.WEEK, 7),
            ("all", Bucket.DAY, 7),
            ("7d", Bucket.DAY, 6),
            ("30d", Bucket.DAY, 6),
        ]
        await pilot.press("R")
        await settle(pilot)
        assert screen.range_name == "7d"
        assert screen.query_one(TrendPlot).data is screen.data


async def test_mastery_table_strongest_first_and_back_to_charts(seen_store, make_app):
    seed_known(seen_store)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_trends(pilot)
        await pilot.press("m")
        await pilot.pause()
        assert screen.query_one(ContentSwitcher).current == "trends-table"
        assert text_of(screen, "#trends-title").startswith("What builds mastery for me · 30 days")
        lines = text_of(screen, "#trends-table-text").splitlines()
        by_task = lines.index(next(line for line in lines if line.startswith("By task")))
        names = [line.split("  ")[0].strip() for line in lines[by_task + 1 : by_task + 4]]
        assert names == [
            "Wash one set of dishes",
            "Review one page of notes",
            "Say hi to one colleague *",
        ]
        dishes = lines[by_task + 1].split()
        assert dishes[-3:] == ["3", "83%", "+25"]
        assert lines[1].startswith("Daily living")
        await pilot.press("r")  # 90 days: the old practice of notes (+80) joins
        await settle(pilot)
        lines = text_of(screen, "#trends-table-text").splitlines()
        assert lines[1].startswith("School & studying")
        await pilot.press("m")
        await pilot.pause()
        assert screen.query_one(ContentSwitcher).current == "trends-plot"
        await pilot.press("m", "down", "right")  # the table scrolls; ←→ lead back to a chart
        await pilot.pause()
        assert screen.query_one(ContentSwitcher).current == "trends-plot"
        assert screen.query_one(TrendPlot).chart is Chart.MOOD


async def test_empty_history_explains_and_keys_still_work(seen_store, make_app):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_trends(pilot)
        assert screen.query_one(ContentSwitcher).current == "trends-empty"
        empty = text_of(screen, "#trends-empty")
        assert "no practices in the last 30 days" in empty
        assert "n (Do it now)" in empty
        assert "longer range" not in empty  # nothing older either: a longer range shows no more
        await pilot.press("r", "r", "r")
        await settle(pilot)
        assert screen.range_name == "all"
        assert "in all your history" in text_of(screen, "#trends-empty")
        assert "longer range" not in text_of(screen, "#trends-empty")
        await pilot.press("m")
        await pilot.pause()
        assert screen.query_one(ContentSwitcher).current == "trends-empty"


async def test_a_longer_range_is_suggested_only_when_it_would_show_more(seen_store, make_app):
    """QA: one practice, all of it in range, still said "Press r for a longer range."."""
    now = seen_store.clock.now()
    walk = Task.new(now=now, title="Walk", area_id=default_area_id("daily"))
    seen_store.save(walk)
    seen_store.save_practices([make_practice(walk, 2, 30, 50, Completion.YES)])
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_trends(pilot)
        empty = text_of(screen, "#trends-empty")
        assert "one practice in the last 30 days" in empty and "longer range" not in empty
        seen_store.save_practices([make_practice(walk, 60, 30, 50, Completion.YES)])
        app.persist(lambda: None, Change.PRACTICES)  # tells the screen the data changed
        await settle(pilot)
        assert "Press r for a longer range." in text_of(screen, "#trends-empty")
        await pilot.press("r")  # 90 days: both practices, a chart
        await settle(pilot)
        assert screen.query_one(ContentSwitcher).current != "trends-empty"


async def test_a_new_practice_shows_up_without_reopening(seen_store, make_app):
    seed_known(seen_store)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_trends(pilot)
        task = seen_store.tasks()[0]
        fresh = make_practice(task, 0, 10, 20, Completion.YES)
        app.persist(lambda: seen_store.save_practice(fresh), Change.PRACTICES)
        await settle(pilot)
        assert screen.data is not None and screen.data.practices == 7


async def test_an_unreadable_month_is_said_kindly(seen_store, make_app):
    seed_known(seen_store)
    september = seen_store.data_dir / "practice" / "2026-09.json"  # the practice 60 days ago
    september.write_text("{not json", encoding="utf-8")
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_trends(pilot)
        assert screen.data is not None and screen.data.practices == 6  # 30 days: November only
        await pilot.press("r")
        await settle(pilot)
        assert text_of(screen, "#trends-title") == "Couldn't read the last 90 days."
        assert screen.query_one(ContentSwitcher).current == "trends-empty"
        assert "left untouched" in text_of(screen, "#trends-empty")
        assert any("can't read" in n.message for n in app._notifications)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


def test_plotext_loads_only_when_trends_open(tmp_path: Path) -> None:
    code = (
        "import asyncio, json, sys\n"
        "from datetime import datetime, timezone\n"
        "from mastery_tui.app import MasteryApp\n"
        "from mastery_tui.domain.clock import FakeClock\n"
        "from mastery_tui.store import Store\n"
        "clock = FakeClock(datetime(2026, 11, 23, 19, 30, tzinfo=timezone.utc))\n"
        "store = Store.open(sys.argv[1], clock)\n"
        "store.set_setting('safety_seen', True)\n"
        "heavy = lambda: sorted(m for m in sys.modules if m.split('.')[0] in ('plotext', 'textual_plotext'))\n"
        "async def main():\n"
        "    from mastery_tui.services import Services\n"
        "    app = MasteryApp(Services(store, clock))\n"
        "    async with app.run_test(size=(80, 24)) as pilot:\n"
        "        await pilot.pause()\n"
        "        before = heavy()\n"
        "        await pilot.press('t')\n"
        "        await pilot.pause()\n"
        "        print(json.dumps([before, bool(heavy())]))\n"
        "asyncio.run(main())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "d")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [[], True]
