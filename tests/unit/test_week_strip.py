"""The week strip's own rendering: a day practised with its completion not rated has its own
mark, readable without colour, and the legend explains it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from textual.app import App, ComposeResult

from mastery_tui.domain import week as wk
from mastery_tui.domain.models import Completion, Practice, WeekPlan, default_area_id
from mastery_tui.widgets.week_strip import LEGEND_WIDTH, WeekStrip

TZ = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 23, 19, 30, tzinfo=TZ)  # Monday, day 5 of a week begun Thursday
DAILY = default_area_id("daily")


def practice(day: date, completion: Completion | None) -> Practice:
    started = datetime(day.year, day.month, day.day, 19, 0, tzinfo=TZ)
    return Practice.new(
        now=started,
        task_id=None,
        task_title="Walk",
        area_id=DAILY,
        started=started.astimezone(UTC).isoformat(timespec="seconds"),
        planned_minutes=5,
        completion=completion,
    )


class StripApp(App[None]):
    def __init__(self, cells: tuple[wk.DayCell, ...]) -> None:
        super().__init__()
        self.cells = cells

    def compose(self) -> ComposeResult:
        yield WeekStrip(self.cells, legend=True)


async def render(logged: list[Practice]) -> str:
    week = WeekPlan.new(now=NOW, start="2026-11-19", area_id=DAILY)
    app = StripApp(wk.week_cells(week, logged, NOW.date(), TZ))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        return app.screen.query_one(WeekStrip).plain


async def test_a_practised_day_not_rated_has_its_own_mark_and_legend() -> None:
    plain = await render([practice(date(2026, 11, 19), None), practice(date(2026, 11, 20), Completion.YES)])
    strip, *legend = plain.splitlines()
    assert strip == " T•  F✓  S–  S– [M…] T·  W· "
    assert "• practised (not rated)" in " ".join(legend)
    assert all(len(line) <= LEGEND_WIDTH for line in legend)
    for word in ("fail", "miss", "skipped day", "streak"):
        assert word not in plain


async def test_the_legend_stays_as_it_was_when_every_completion_was_rated() -> None:
    plain = await render([practice(date(2026, 11, 19), Completion.PARTLY)])
    assert plain.splitlines() == [
        " T◐  F–  S–  S– [M…] T·  W· ",
        "✓ done  ◐ partly  ○ not this time  – skipped  … today  · upcoming",
    ]
