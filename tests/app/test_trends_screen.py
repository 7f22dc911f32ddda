"""Pilot: the trends screen driven by keys on a real store (chart and range switching, the
mastery table, the empty state)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from textual.widgets import ContentSwitcher, Static

from mastery_tui.domain.clock import parse_iso
from mastery_tui.domain.models import Completion, Practice, Task
from mastery_tui.domain.trends import Bucket, Chart
from mastery_tui.messages import Change
from mastery_tui.screens.home import HomeScreen
from mastery_tui.screens.trends import TrendsScreen
from mastery_tui.widgets.trend_plot import TrendPlot
from tests.factories import SOCIAL, STUDYING, practice, task
from tests.kit import UI


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


async def open_trends(ui: UI) -> TrendsScreen:
    await ui.keys("t")
    screen = ui.screen
    assert isinstance(screen, TrendsScreen)
    return screen


def rated(done: Task, days_ago: int, before: int, after: int, completion: Completion) -> Practice:
    """``done`` practised ``days_ago`` (2 hours before it was made "now"), confidence ``before`` -> ``after``."""
    started = parse_iso(done.created) - timedelta(days=days_ago, hours=2)
    return practice(
        started, task=done, minutes=10, mood=(40, 55), confidence=(before, after), difficulty=35,
        completion=completion,
    )  # fmt: skip


def seed_known(store) -> None:
    """Dishes lift +25 (partly once), notes +10, a hello +30 only once; one practice of notes
    is 60 days old (outside 30 days)."""
    dishes = task("Wash one set of dishes", store=store)
    notes = task("Review one page of notes", area_id=STUDYING, store=store)
    hello = task("Say hi to one colleague", area_id=SOCIAL, store=store)
    store.save_practices(
        [
            rated(dishes, 1, 30, 60, Completion.YES),
            rated(dishes, 3, 30, 50, Completion.PARTLY),
            rated(dishes, 5, 30, 55, Completion.YES),
            rated(notes, 2, 40, 50, Completion.YES),
            rated(notes, 4, 40, 50, Completion.NO),
            rated(hello, 6, 20, 50, Completion.YES),
            rated(notes, 60, 10, 90, Completion.YES),
        ]
    )


async def test_charts_switch_with_arrows_and_numbers(seen_store, run_app):
    seed_known(seen_store)
    async with run_app(seen_store) as ui:
        screen = await open_trends(ui)
        plot = screen.query_one(TrendPlot)
        assert (
            text_of(screen, "#trends-title") == "1/4 Mood before vs after · 30 days · mean per day"
        )
        assert plot.chart is Chart.MOOD
        assert text_of(screen, "#trends-legend") == "● after   ○ before"
        await ui.keys("right")
        assert plot.chart is Chart.CONFIDENCE
        assert text_of(screen, "#trends-title").startswith("2/4 Confidence before vs after")
        await ui.keys("4")
        assert plot.chart is Chart.COMPLETIONS
        assert text_of(screen, "#trends-title").endswith("count per week")
        assert text_of(screen, "#trends-legend") == "█ done   ▒ partly   ░ not this time"
        await ui.keys("left")
        assert plot.chart is Chart.DIFFICULTY
        assert text_of(screen, "#trends-legend") == "◆ felt difficulty"
        await ui.keys("right", "right")
        assert plot.chart is Chart.MOOD  # wraps around
        await ui.keys("escape")
        assert isinstance(ui.screen, HomeScreen)


async def test_ranges_cycle_and_each_is_bucketed(seen_store, run_app):
    seed_known(seen_store)
    async with run_app(seen_store) as ui:
        screen = await open_trends(ui)
        assert screen.data is not None and screen.data.practices == 6
        seen = []
        for _ in range(5):
            await ui.keys("r")
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
        await ui.keys("R")
        assert screen.range_name == "7d"
        assert screen.query_one(TrendPlot).data is screen.data


async def test_mastery_table_strongest_first_and_back_to_charts(seen_store, run_app):
    seed_known(seen_store)
    async with run_app(seen_store) as ui:
        screen = await open_trends(ui)
        await ui.keys("m")
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
        await ui.keys("r")  # 90 days: the old practice of notes (+80) joins
        lines = text_of(screen, "#trends-table-text").splitlines()
        assert lines[1].startswith("School & studying")
        await ui.keys("m")
        assert screen.query_one(ContentSwitcher).current == "trends-plot"
        await ui.keys("m", "down", "right")  # the table scrolls; ←→ lead back to a chart
        assert screen.query_one(ContentSwitcher).current == "trends-plot"
        assert screen.query_one(TrendPlot).chart is Chart.MOOD


async def test_empty_history_explains_and_keys_still_work(seen_store, run_app):
    async with run_app(seen_store) as ui:
        screen = await open_trends(ui)
        assert screen.query_one(ContentSwitcher).current == "trends-empty"
        empty = text_of(screen, "#trends-empty")
        assert "no practices in the last 30 days" in empty
        assert "n (Do it now)" in empty and "Once you have recorded a couple of practices" in empty
        assert "longer range" not in empty  # nothing older either: a longer range shows no more
        await ui.keys("r", "r", "r")
        assert screen.range_name == "all"
        assert "in all your history" in text_of(screen, "#trends-empty")
        assert "longer range" not in text_of(screen, "#trends-empty")
        await ui.keys("m")
        assert screen.query_one(ContentSwitcher).current == "trends-empty"


async def test_a_longer_range_is_suggested_only_when_it_would_show_more(seen_store, run_app):
    """QA: one practice, all of it in range, still said "Press r for a longer range."."""
    walk = task("Walk", store=seen_store)
    seen_store.save_practices([rated(walk, 2, 30, 50, Completion.YES)])
    async with run_app(seen_store) as ui:
        screen = await open_trends(ui)
        empty = text_of(screen, "#trends-empty")
        assert "one practice in the last 30 days" in empty and "longer range" not in empty
        seen_store.save_practices([rated(walk, 60, 30, 50, Completion.YES)])
        ui.app.persist(lambda: None, Change.PRACTICES)  # tells the screen the data changed
        await ui.settle()
        assert "Press r for a longer range." in text_of(screen, "#trends-empty")
        assert "Once you have recorded" not in text_of(screen, "#trends-empty")  # no newcomer
        await ui.keys("r")  # 90 days: both practices, a chart
        assert screen.query_one(ContentSwitcher).current != "trends-empty"


async def test_a_new_practice_shows_up_without_reopening(seen_store, run_app):
    seed_known(seen_store)
    async with run_app(seen_store) as ui:
        screen = await open_trends(ui)
        task = seen_store.tasks()[0]
        fresh = rated(task, 0, 10, 20, Completion.YES)
        ui.app.persist(lambda: seen_store.save_practice(fresh), Change.PRACTICES)
        await ui.settle()
        assert screen.data is not None and screen.data.practices == 7


async def test_an_unreadable_month_is_said_kindly(seen_store, run_app):
    seed_known(seen_store)
    september = seen_store.data_dir / "practice" / "2026-09.json"  # the practice 60 days ago
    september.write_text("{not json", encoding="utf-8")
    async with run_app(seen_store) as ui:
        screen = await open_trends(ui)
        assert screen.data is not None and screen.data.practices == 6  # 30 days: November only
        await ui.keys("r")
        assert text_of(screen, "#trends-title") == "Couldn't read the last 90 days."
        assert screen.query_one(ContentSwitcher).current == "trends-empty"
        assert "left untouched" in text_of(screen, "#trends-empty")
        assert any("can't read" in n.message for n in ui.app._notifications)
        await ui.keys("escape")
        assert isinstance(ui.screen, HomeScreen)


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
