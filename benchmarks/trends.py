"""Trends screen: open it and draw the first chart with 20k practices vs 100.

Headless Pilot run at 80x24 on a real data folder: the app is started and Home has settled
(not timed); the clock starts just before ``t`` is pressed and stops when the chart has been
built with data for the first time (the plot's render, timed by wrapping it). The screen
reads only the month files its range touches (30 days by default), so ten years of history
should barely matter.

Both folders have practices every day up to today: 20,000 over ten years (~165 in the last
30 days) and 100 over the last hundred days (~30), so both first charts have points. The
"all" range, which reads everything in a worker thread, is timed too (press ``r`` three
times, stop at the first chart of "all"), for information.
"""

from __future__ import annotations

import asyncio
import random
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from mastery_tui.domain.clock import SystemClock
from mastery_tui.services import Services
from mastery_tui.store import Store

from .common import (
    STATS_HEADERS,
    heading,
    interleaved,
    make_practice,
    make_tasks,
    stats_row,
    summary,
    table,
)

NAME = "trends"
GOAL = 1.5
BIG, SMALL = 20_000, 100


def build_folder(path: Path, count: int, days: float) -> Path:
    """``count`` practices spread evenly over the ``days`` before now, 50 tasks, safety read."""
    clock = SystemClock()
    now = clock.now()
    store = Store.open(path, clock)
    tasks = make_tasks(50, now - timedelta(days=days))
    store.save(*tasks)
    rng = random.Random(5)
    step = timedelta(days=days) / count
    first = now - timedelta(days=days)
    store.save_practices(make_practice(first + step * (i + 0.5), rng, tasks) for i in range(count))
    store.set_setting("safety_seen", True)
    return path


def _instrument() -> dict[str, object]:
    """Wrap TrendPlot.render so the first render of the awaited range records when it finished."""
    from mastery_tui.widgets.trend_plot import TrendPlot

    marks: dict[str, object] = {}
    original = TrendPlot.render

    def render(self: TrendPlot) -> object:
        result = original(self)
        want = marks.get("want")
        if self.data is not None and self.data.range_name == want and "drawn" not in marks:
            marks["drawn"] = time.perf_counter()
        return result

    TrendPlot.render = render  # type: ignore[method-assign]
    return marks


async def _open_and_draw(folder: Path, marks: dict[str, object], *, ranges: int) -> float:
    """Seconds from the key (``t``, or the ``ranges``-th ``r`` once open) to the first chart."""
    from mastery_tui.app import MasteryApp
    from mastery_tui.screens.trends import DEFAULT_RANGE, RANGE_NAMES, TrendsScreen

    start_index = RANGE_NAMES.index(DEFAULT_RANGE)
    range_name = RANGE_NAMES[(start_index + ranges) % len(RANGE_NAMES)]

    clock = SystemClock()
    app = MasteryApp(Services(Store.open(folder, clock), clock))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        if ranges:
            await pilot.press("t")
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press(*"r" * (ranges - 1))
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
        marks.clear()
        marks["want"] = range_name
        start = time.perf_counter()
        await pilot.press("r" if ranges else "t")
        while "drawn" not in marks:
            await asyncio.sleep(0.0005)
        elapsed = float(marks["drawn"]) - start  # type: ignore[arg-type]
        screen = app.screen
        assert isinstance(screen, TrendsScreen) and screen.data is not None
        assert screen.data.range_name == range_name
        assert not screen.data.empty, "the benchmark must draw a chart, not the empty state"
    return elapsed


def run(quick: bool) -> None:
    repeats = 8 if quick else 25
    heading(
        f"trends: open the trends screen and draw the first chart (30 days), {BIG:,} practices "
        f"over ten years vs {SMALL} over 100 days, headless 80x24, {repeats} runs each, interleaved"
    )
    marks = _instrument()
    with tempfile.TemporaryDirectory(prefix="mastery-bench-") as tmp:
        small = build_folder(Path(tmp) / "small", SMALL, 100)
        big = build_folder(Path(tmp) / "big", BIG, 3652.5)

        def case(folder: Path, ranges: int = 0):
            return lambda: asyncio.run(_open_and_draw(folder, marks, ranges=ranges))

        opened = interleaved({"100": case(small), "20k": case(big)}, repeats)
        every = interleaved({"100": case(small, 3), "20k": case(big, 3)}, max(3, repeats // 3))
    table(
        STATS_HEADERS,
        [
            stats_row("open, 30 days: 100 practices", opened["100"], None),
            stats_row("open, 30 days: 20k practices", opened["20k"], opened["100"]),
            stats_row("range 'all': 100 practices", every["100"], None),
            stats_row("range 'all': 20k practices", every["20k"], every["100"]),
        ],
    )
    summary("trends open + first chart", ("100", "20k"), opened, GOAL)
    summary("range 'all' (worker thread)", ("100", "20k"), every)
