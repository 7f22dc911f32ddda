"""SVG snapshots of the 7-day plan at 80x24: the Day 0 setup steps and the weekly review, on
the demo history (the review covers its last seven days, today being day 7)."""

from __future__ import annotations

from mastery_tui.demo import seed_demo_history
from mastery_tui.domain.models import Task, WeekPlan, default_area_id

SIZE = (80, 24)
DAILY = default_area_id("daily")
TO_DAILY = ["down", "down", "down", "enter"]
MORE_TASKS = ("Organise one drawer", "Check one bill", "Cook one simple meal")


async def open_week(pilot) -> None:
    """What `w` on Home opens."""
    await pilot.pause()
    await pilot.press("w")
    await pilot.pause()
    await pilot.pause()


def with_week(store, clock, note: str = "") -> WeekPlan:
    """The demo history and a week over its last seven days."""
    seed_demo_history(store, clock, plans=False)
    week = WeekPlan.new(now=clock.now(), start="2026-11-17", area_id=DAILY, note=note)
    store.save(week)
    return week


def more_tasks(store, clock) -> None:
    now = clock.now()
    store.save(
        *(Task.new(now=now, title=t, area_id=DAILY, minutes=5, order=10 + i) for i, t in enumerate(MORE_TASKS))
    )


def test_setup_step_1_choose_an_area(store, clock, make_app, snap_compare):
    seed_demo_history(store, clock, plans=False)

    async def run_before(pilot) -> None:
        await open_week(pilot)
        await pilot.press("down", "down", "down")

    assert snap_compare(make_app(store), terminal_size=SIZE, run_before=run_before)


def test_setup_step_2_too_few_tasks_yet(store, clock, make_app, snap_compare):
    seed_demo_history(store, clock, plans=False)  # two tasks in Daily living

    async def run_before(pilot) -> None:
        await open_week(pilot)
        await pilot.press(*TO_DAILY, "escape")  # back from the brainstorm it opened

    assert snap_compare(make_app(store), terminal_size=SIZE, run_before=run_before)


def test_setup_step_3_days(store, clock, make_app, snap_compare):
    seed_demo_history(store, clock, plans=False)
    more_tasks(store, clock)

    async def run_before(pilot) -> None:
        await open_week(pilot)
        await pilot.press(*TO_DAILY, "enter", "enter", "down", "enter", "down", "enter", "down", "down", "enter")

    assert snap_compare(make_app(store), terminal_size=SIZE, run_before=run_before)


def test_week_review_data(store, clock, make_app, snap_compare):
    with_week(store, clock, note="Walk in the morning, before work")
    assert snap_compare(make_app(store), terminal_size=SIZE, run_before=open_week)


def test_week_review_data_without_colour(store, clock, make_app, snap_compare, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    with_week(store, clock)
    assert snap_compare(make_app(store), terminal_size=SIZE, run_before=open_week)


def test_week_review_questions(store, clock, make_app, snap_compare):
    with_week(store, clock)

    async def run_before(pilot) -> None:
        await open_week(pilot)
        await pilot.press("tab", *"Replying to the avoided email", "tab", "space", "down", "down", "space")
        await pilot.press("tab", *"late evenings", "tab", *"Shorter tasks on work days")
        await pilot.pause()

    assert snap_compare(make_app(store), terminal_size=SIZE, run_before=run_before)
