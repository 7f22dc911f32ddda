"""A whole second week through keys (issue 13, "Done means"): the first week's review at day 7,
the next week planned in another area with a task on each of days 1–7, the week lived with the
fake clock (the app opened each day: practices recorded through keys on some days, ``s`` "not
today" with a reason on one), and the review at day 7 showing that day's reason."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Static

from mastery_tui.domain import week as wk
from mastery_tui.domain.models import Completion, WeekPlan
from mastery_tui.screens.ask import AskScreen
from mastery_tui.screens.home import HomeScreen
from mastery_tui.screens.not_today import NotTodayScreen
from mastery_tui.screens.practice.acknowledge import AcknowledgeScreen
from mastery_tui.screens.practice.adjust import AdjustScreen
from mastery_tui.screens.practice.before import BeforeScreen
from mastery_tui.screens.practice.choose import ChooseTaskScreen
from mastery_tui.screens.week_review import WeekReviewScreen
from mastery_tui.screens.week_setup import DayTaskScreen, WeekSetupScreen
from mastery_tui.store import Store
from mastery_tui.widgets.week_strip import WeekStrip
from tests import factories as make
from tests.kit import UI

from .practice_helpers import before_and_timer

DAY = 24 * 3600
WORK_TASKS = ("Clear my desk", "Answer one email", "File one paper", "List tomorrow", "Tidy one folder")


def text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


async def practise_todays_task(ui: UI, clock, completion: str) -> str:
    """n, the day's task (first in the chooser), Before, the timer, After; "Data for next
    time" after partly. Returns the title practised."""
    await ui.keys("n")
    assert isinstance(ui.screen, ChooseTaskScreen)
    await ui.keys("enter")
    assert isinstance(ui.screen, BeforeScreen)
    title = ui.screen.session.title
    await before_and_timer(ui, clock, mood="50", confidence="45", minutes_spent=5)
    await ui.keys(completion, "enter", "3", "0", "enter", "6", "0", "enter", "5", "5", "enter")
    await ui.keys(*"Did it before lunch", "enter")
    if isinstance(ui.screen, AdjustScreen):
        await ui.keys("ctrl+s")
    assert isinstance(ui.screen, AcknowledgeScreen)
    await ui.keys("enter")
    assert isinstance(ui.screen, HomeScreen)
    return title


async def test_a_whole_second_week_by_keys(seen_store, run_app, clock, reopen: Callable[[], Store]):
    daily = make.tasks(seen_store, ("Wash one cup", "Walk 5 minutes", "Check one bill", "Water a plant",
                                    "Open the post"))  # fmt: skip
    work = make.tasks(seen_store, WORK_TASKS, area_id=make.WORK)
    first = make.week("2026-11-17", store=seen_store, assignments=((1, daily[0].id),))
    make.practice(clock.now().replace(hour=9), task=daily[0], spent=5, completion=Completion.YES,
                  store=seen_store)  # fmt: skip

    # -- Monday 23 Nov: day 7 of the first week; its review, then week 2 in another area ------
    async with run_app(seen_store) as ui:
        await ui.keys("w")
        review = ui.screen
        assert isinstance(review, WeekReviewScreen) and review.week == first
        await ui.keys("tab", *"Short ones", "tab", "tab", "tab", *"Try work tasks", "ctrl+s")
        assert isinstance(ui.screen, AskScreen)  # the week is over: start the next?
        await ui.keys("y")
        setup = ui.screen
        assert isinstance(setup, WeekSetupScreen) and setup.step == 1
        await ui.keys("up", "up", "enter")  # from Daily living up to Work & career
        assert setup.step == 2 and "Work" in text(setup, "#step-2-title")
        await ui.keys("enter")
        assert setup.step == 3 and "Day 1 is tomorrow, Tue 24 Nov" in text(setup, "#setup-start")
        for day in range(1, 8):  # a task on each day: the list's task number (day - 1) % 5
            await ui.keys("enter")
            assert isinstance(ui.screen, DayTaskScreen)
            await ui.keys(*["down"] * ((day - 1) % 5 + 1), "enter")
            assert ui.screen is setup
        await ui.keys("ctrl+s")
        assert isinstance(ui.screen, HomeScreen)
    second = max(reopen().all(WeekPlan), key=lambda w: w.start)
    assert (second.start, second.area_id, second.note) == ("2026-11-24", make.WORK, "Try work tasks")
    assert second.assignments == tuple((d, work[(d - 1) % 5].id) for d in range(1, 8))

    # -- Days 1–6: the app opened each day -------------------------------------------------------
    practised: list[str] = []
    for day in range(1, 7):
        clock.advance(DAY)
        async with run_app(reopen()) as ui:
            home = ui.screen
            assert f"Day {day} of 7" in text(home, "#home-today-title")
            if day in (1, 2, 5):
                practised.append(await practise_todays_task(ui, clock, "p" if day == 5 else "y"))
            elif day == 3:  # not today: the reason "no time" (n) and a few words
                await ui.keys("s")
                assert isinstance(ui.screen, NotTodayScreen)
                await ui.keys("n", "tab", *"late shift", "enter")
                assert isinstance(ui.screen, HomeScreen)
                assert "[T~]" in ui.screen.query_one("#home-week", WeekStrip).plain
            # days 4 and 6: nothing at all (a day that simply went by)
    assert practised == [work[0].title, work[1].title, work[4].title]  # each day's own task

    # -- Day 7 (Mon 30 Nov): the review shows the skipped day's reason -------------------------
    clock.advance(DAY)
    async with run_app(reopen()) as ui:
        await ui.keys("w")
        review = ui.screen
        assert isinstance(review, WeekReviewScreen) and review.week.id == second.id
        assert "Day 7 of 7" in text(review, "#review-heading")
        strip = review.query_one("#review-strip", WeekStrip).plain
        assert strip.splitlines()[0] == " T✓  W✓  T~  F–  S◐  S– [M…]"
        assert "~ not today" in strip
        data = text(review, "#review-data")
        assert "Practised on 3 of 7 days" in data
        assert "time 1" in data  # the reason, counted in "what got in the way"
        assert "late shift" in data  # and the person's own words for that day
    week = reopen().get(WeekPlan, second.id)
    assert week is not None and week.skips == ((3, "time", "late shift"),)
    assert wk.week_status([first, week], [], clock.now().date()).day == 7
