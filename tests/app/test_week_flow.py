"""A whole 7-day plan by keyboard with a fake clock: Day 0 setup, practices on 5 of 7 days
(one through the real do-it-now flow), the review at day 7, and the next week with the
adjustments as its note."""

from __future__ import annotations

from datetime import datetime, timedelta

from textual.widgets import Static, TextArea

from mastery_tui.domain import week as wk
from mastery_tui.domain.history import local_day
from mastery_tui.domain.models import Completion, Obstacle, Practice, Review, Task, WeekPlan
from mastery_tui.screens.ask import AskScreen
from mastery_tui.screens.brainstorm import BrainstormScreen
from mastery_tui.screens.confirm import ConfirmScreen
from mastery_tui.screens.home import HomeScreen
from mastery_tui.screens.practice.acknowledge import AcknowledgeScreen
from mastery_tui.screens.week_review import SavedReviewScreen, WeekReviewScreen
from mastery_tui.screens.week_setup import DayTaskScreen, WeekSetupScreen
from mastery_tui.store import Store
from mastery_tui.widgets.week_strip import WeekStrip
from tests.factories import DAILY, WORK, practice, tasks
from tests.factories import week as week_plan
from tests.kit import UI

from .brainstorm_helpers import THREE, add_task
from .practice_helpers import before_and_timer

DAY = 24 * 3600
TO_DAILY = ("down", "down", "down", "enter")


def text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


async def open_week_key(ui: UI) -> None:
    """`w` on Home: the setup, or the week's review."""
    assert isinstance(ui.screen, HomeScreen)
    await ui.keys("w")


def logged(done: Task, local: datetime, completion: Completion, confidence_after: int = 50, **fields) -> Practice:
    """``done`` practised in full at ``local``."""
    return practice(
        local, task=done, spent=done.minutes, mood=(40, 50), confidence=(40, confidence_after),
        completion=completion, **fields,
    )  # fmt: skip


async def test_a_whole_week_setup_practice_review_and_the_next_week(seen_store, run_app, clock, data_dir):
    made = tasks(seen_store, THREE)  # three tiny tasks in Daily living: not enough for a week yet
    work = tasks(seen_store, ("Clear my desk", "Answer one email", "File one paper", "List tomorrow",
                              "Tidy one folder"), area_id=WORK)  # fmt: skip
    async with run_app(seen_store) as ui:
        # -- Day 0 (Monday 23 Nov) -------------------------------------------------------------
        await open_week_key(ui)
        setup = ui.screen
        assert isinstance(setup, WeekSetupScreen)
        await ui.keys(*TO_DAILY)
        brainstorm = ui.screen
        assert isinstance(brainstorm, BrainstormScreen)  # fewer than five: straight to brainstorming
        assert brainstorm.current_area is not None and brainstorm.current_area.id == DAILY
        await add_task(ui, "Organise one drawer")
        await ui.keys("escape")
        assert ui.screen is setup and setup.step == 2
        assert "4 tasks so far" in text(setup, "#setup-count")
        await ui.keys("enter")  # not yet: a kind word, still step 2
        assert setup.step == 2
        await ui.keys("b")
        await add_task(ui, "Check the post")
        await ui.keys("escape")
        assert text(setup, "#setup-count") == "5 tasks (5–10 is the sweet spot)"
        await ui.keys("enter")
        assert setup.step == 3
        assert "Day 1 is tomorrow, Tue 24 Nov" in text(setup, "#setup-start")
        await ui.keys("enter")
        assert isinstance(ui.screen, DayTaskScreen)
        await ui.keys("down", "enter")  # Day 1: the first task
        assert ui.screen is setup
        await ui.keys("ctrl+s")
        assert isinstance(ui.screen, HomeScreen)

        [week] = seen_store.all(WeekPlan)
        assert (week.start, week.area_id, week.assignments) == ("2026-11-24", DAILY, ((1, made[0].id),))
        assert wk.week_action([week], [], clock.now().date()) == "setup"  # upcoming: w redoes it

        # -- Day 1 (Tue): done, through the real do-it-now flow ---------------------------------
        clock.advance(DAY)
        await ui.keys("n", "enter")  # the first task in the chooser
        await before_and_timer(ui, clock, mood="40", confidence="35", minutes_spent=5)
        await ui.keys("y", "enter", "enter", "enter", "6", "0", "enter")
        await ui.keys(*"Started before I felt ready", "enter")
        await ui.keys("enter")  # felt difficulty and mood after: not rated, on purpose
        assert isinstance(ui.screen, AcknowledgeScreen)
        await ui.keys("enter")

        # -- Days 2–6: recorded directly; day 4 without practice --------------------------------
        start = clock.now()
        first, second, third = made
        seen_store.save_practices(
            [
                logged(first, start + timedelta(days=1), Completion.PARTLY,
                       obstacles=(Obstacle.FATIGUE,), note="Too tired after work"),
                logged(second, start + timedelta(days=2, hours=-10), Completion.NO,
                       obstacles=(Obstacle.TIME,), confidence_after=38),
                logged(third, start + timedelta(days=2), Completion.PARTLY,
                       confidence_after=55),  # two in a day: partly counts
                logged(first, start + timedelta(days=4), Completion.NO,
                       obstacles=(Obstacle.FATIGUE, Obstacle.PERFECTIONISM)),
                logged(second, start + timedelta(days=5), Completion.YES, confidence_after=62),
            ]
        )

        # -- Day 7 (Mon 30 Nov): the review ---------------------------------------------------
        clock.advance(6 * DAY)
        await open_week_key(ui)
        review = ui.screen
        assert isinstance(review, WeekReviewScreen) and review.week == week
        assert "Day 7 of 7" in text(review, "#review-heading")
        assert review.query_one("#review-strip", WeekStrip).plain.splitlines()[0] == (
            " T✓  W◐  T◐  F–  S○  S✓ [M…]"
        )
        data = text(review, "#review-data")
        assert "Practised on 5 of 7 days · 6 practices: 2 done, 2 partly, 2 not this time" in data
        assert "fatigue 2 · perfectionism 1 · time 1" in data
        assert "Too tired after work" in data

        await ui.keys("tab", *"Short chores right after dinner")
        await ui.keys("tab", "space", "down", "down", "space")  # fatigue, time
        await ui.keys("tab", *"late evenings")
        await ui.keys("tab", *"Walk in the morning")
        await ui.keys("ctrl+s")
        assert isinstance(ui.screen, AskScreen)
        assert "with your adjustments as the week's note" in str(ui.screen.query_one("#ask-detail").content)
        await ui.keys("y")
        assert any("Walk in the morning" in n.message for n in ui.app._notifications)

        # -- Week 2, planned day by day in another area ---------------------------------------
        setup = ui.screen
        assert isinstance(setup, WeekSetupScreen)
        await ui.keys("up", "up", "enter")  # from Daily living up to Work & career
        assert setup.step == 2 and text(setup, "#setup-count") == "5 tasks (5–10 is the sweet spot)"
        await ui.keys("enter", "enter", "down", "enter", "ctrl+s")  # Day 1: its first task
        assert isinstance(ui.screen, HomeScreen)

    store = Store.open(data_dir, clock)
    [saved] = store.all(Review)
    assert (saved.week_id, saved.strongest, saved.obstacles, saved.obstacles_text, saved.adjustments) == (
        week.id, "Short chores right after dinner", (Obstacle.FATIGUE, Obstacle.TIME),
        "late evenings", "Walk in the morning",
    )
    nxt = max(store.all(WeekPlan), key=lambda w: w.start)
    assert (nxt.start, nxt.area_id, nxt.note) == ("2026-12-01", WORK, "Walk in the morning")
    assert nxt.assignments == ((1, work[0].id),)
    [by_keys] = [p for p in store.practices() if p.reflection == "Started before I felt ready"]
    assert wk.day_number(week, local_day(by_keys, clock.now().tzinfo)) == 1

    # -- the next day: the new week runs, its note shows the adjustments ----------------------
    clock.advance(DAY)
    async with run_app(store) as ui:
        await open_week_key(ui)
        screen = ui.screen
        assert isinstance(screen, WeekReviewScreen) and screen.week == nxt
        assert "Day 1 of 7" in text(screen, "#review-heading")
        assert text(screen, "#review-note") == "Your note for this week: Walk in the morning"
        await ui.keys("escape")
        # -- Day 1 of week 2 won't happen: not today, with a reason --------------------------
        await ui.keys("s", "n", "tab", *"late shift", "enter")
        await open_week_key(ui)
        data = text(ui.screen, "#review-data")
        assert "time 1" in data and "late shift" in data


async def test_escape_asks_before_letting_the_setup_go(seen_store, run_app):
    tasks(seen_store, ("a", "b", "c", "d", "e"))
    async with run_app(seen_store) as ui:
        await ui.push(WeekSetupScreen(ui.app.services))
        await ui.keys(*TO_DAILY)  # five tasks already: no brainstorm on the way
        setup = ui.screen
        assert isinstance(setup, WeekSetupScreen) and setup.step == 2
        await ui.keys("escape")
        assert isinstance(ui.screen, ConfirmScreen)
        await ui.keys("n")
        assert ui.screen is setup
        await ui.keys("enter", "t", "s")  # start today, no days assigned
        assert isinstance(ui.screen, HomeScreen)
    [week] = seen_store.all(WeekPlan)
    assert (week.start, week.assignments) == ("2026-11-23", ())


async def test_the_review_is_one_per_week_and_reads_back(seen_store, run_app, clock):
    tasks(seen_store, THREE)
    week = week_plan("2026-11-20")
    seen_store.save(week)
    async with run_app(seen_store) as ui:
        await open_week_key(ui)
        assert isinstance(ui.screen, WeekReviewScreen)
        await ui.keys("tab", *"Tiny ones", "ctrl+s")  # day 4: saved, no offer of the next week
        screen = ui.screen
        assert isinstance(screen, WeekReviewScreen)
        assert "ctrl+n starts next week" in text(screen, "#review-status")
        await ui.keys("escape")
        await open_week_key(ui)  # still day 4: the same review, to edit
        screen = ui.screen
        assert screen.query_one("#review-strongest", TextArea).text == "Tiny ones"
        await ui.keys("tab", "end", *" first", "ctrl+s", "escape")
        [review] = seen_store.all(Review)
        assert review.strongest == "Tiny ones first"

        await ui.push(SavedReviewScreen(ui.app.services, review))
        shown = " ".join(str(s.content) for s in ui.screen.query(".review-answer"))
        assert "Tiny ones first" in shown
        await ui.keys("e")
        assert isinstance(ui.screen, WeekReviewScreen)
        await ui.keys("tab", "tab", "tab", "tab", *"One thing at a time", "ctrl+s", "escape")
        assert isinstance(ui.screen, SavedReviewScreen)
        shown = [str(s.content) for s in ui.screen.query(".review-answer")]
        assert shown == ["Tiny ones first", "–", "One thing at a time"]


async def test_one_escape_leaves_a_review_just_saved_mid_week(seen_store, run_app, clock):
    """QA: ctrl+s mid-week then escape did nothing visible (the next-week offer took it);
    answers saved with stray spaces must not count as unsaved either."""
    week = week_plan("2026-11-20")  # day 4 of 7
    seen_store.save(week)
    async with run_app(seen_store) as ui:
        await open_week_key(ui)
        assert isinstance(ui.screen, WeekReviewScreen)
        await ui.keys("tab", "tab", "tab", "tab", *"Smaller ", "ctrl+s")
        assert isinstance(ui.screen, WeekReviewScreen)
        await ui.keys("escape")
        assert isinstance(ui.screen, HomeScreen)
    [review] = seen_store.all(Review)
    assert review.adjustments == "Smaller"


async def test_leaving_a_review_with_unsaved_answers_asks(seen_store, run_app, clock):
    week = week_plan("2026-11-20")
    seen_store.save(week)
    async with run_app(seen_store) as ui:
        await ui.push(WeekReviewScreen(ui.app.services, week))
        await ui.keys("escape")
        assert isinstance(ui.screen, HomeScreen)  # nothing written: no question
        await ui.push(WeekReviewScreen(ui.app.services, week))
        await ui.keys("tab", "x", "escape")
        assert isinstance(ui.screen, ConfirmScreen)
    assert seen_store.all(Review) == []


async def test_a_review_without_adjustments_doesnt_promise_them_as_the_note(seen_store, run_app, clock):
    """A week long over, its review saved with only what helped: the next-week offer doesn't
    speak of adjustments that weren't written."""
    seen_store.save(week_plan("2026-11-10"))  # ended a week ago
    async with run_app(seen_store) as ui:
        await open_week_key(ui)
        assert isinstance(ui.screen, WeekReviewScreen)
        await ui.keys("tab", *"Tiny ones", "ctrl+s")
        assert isinstance(ui.screen, AskScreen)
        detail = str(ui.screen.query_one("#ask-detail").content)
        assert detail.endswith("in the same life area.") and "adjustments" not in detail
