"""A whole 7-day plan by keyboard with a fake clock: Day 0 setup, practices on 5 of 7 days
(one through the real do-it-now flow), the review at day 7, and the next week with the
adjustments as its note."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from textual.widgets import Static, TextArea

from mastery_tui.domain import week as wk
from mastery_tui.domain.history import local_day
from mastery_tui.domain.models import Completion, Obstacle, Practice, Review, Task, WeekPlan
from mastery_tui.screens.ask import AskScreen
from mastery_tui.screens.brainstorm import BrainstormScreen
from mastery_tui.screens.confirm import ConfirmScreen
from mastery_tui.screens.home import HomeScreen
from mastery_tui.screens.practice.acknowledge import AcknowledgeScreen
from mastery_tui.screens.week_review import SavedReviewScreen, WeekReviewScreen, screen_for_week_key
from mastery_tui.screens.week_setup import DayTaskScreen, WeekSetupScreen
from mastery_tui.store import Store
from mastery_tui.widgets.week_strip import WeekStrip

from .brainstorm_helpers import DAILY, add_task, seed
from .test_practice_flow import before_and_timer, press, settle

DAY = 24 * 3600
TO_DAILY = ("down", "down", "down", "enter")


def text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


async def open_week_key(app, pilot) -> None:
    """What `w` on Home does (until Home's binding is wired, push the same screen)."""
    app.push_screen(screen_for_week_key(app.services))
    await settle(pilot)


def logged(store: Store, task: Task, local: datetime, completion: Completion, **fields) -> Practice:
    return Practice.new(
        now=local,
        task_id=task.id,
        task_title=task.title,
        area_id=task.area_id,
        started=local.astimezone(UTC).isoformat(timespec="seconds"),
        planned_minutes=task.minutes,
        seconds_spent=task.minutes * 60,
        mood_before=40,
        confidence_before=40,
        mood_after=50,
        confidence_after=fields.pop("confidence_after", 50),
        completion=completion,
        **fields,
    )


async def test_a_whole_week_setup_practice_review_and_the_next_week(seen_store, make_app, clock, data_dir):
    tasks = seed(seen_store)  # three tiny tasks in Daily living: not enough for a week yet
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        # -- Day 0 (Monday 23 Nov) -------------------------------------------------------------
        await open_week_key(app, pilot)
        setup = app.screen
        assert isinstance(setup, WeekSetupScreen)
        await press(pilot, *TO_DAILY)
        brainstorm = app.screen
        assert isinstance(brainstorm, BrainstormScreen)  # fewer than five: straight to brainstorming
        assert brainstorm.current_area is not None and brainstorm.current_area.id == DAILY
        await add_task(pilot, "Organise one drawer")
        await press(pilot, "escape")
        assert app.screen is setup and setup.step == 2
        assert "4 tasks so far" in text(setup, "#setup-count")
        await press(pilot, "enter")  # not yet: a kind word, still step 2
        assert setup.step == 2
        await press(pilot, "b")
        await add_task(pilot, "Check the post")
        await press(pilot, "escape")
        assert text(setup, "#setup-count") == "5 tasks (5–10 is the sweet spot)"
        await press(pilot, "enter")
        assert setup.step == 3
        assert "Day 1 is tomorrow, Tue 24 Nov" in text(setup, "#setup-start")
        await press(pilot, "enter")
        assert isinstance(app.screen, DayTaskScreen)
        await press(pilot, "down", "enter")  # Day 1: the first task
        assert app.screen is setup
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, HomeScreen)

        [week] = seen_store.all(WeekPlan)
        assert (week.start, week.area_id, week.assignments) == ("2026-11-24", DAILY, ((1, tasks[0].id),))
        assert wk.week_action([week], [], clock.now().date()) == "setup"  # upcoming: w redoes it

        # -- Day 1 (Tue): done, through the real do-it-now flow ---------------------------------
        clock.advance(DAY)
        await press(pilot, "n", "enter")  # the first task in the chooser
        await before_and_timer(app, pilot, clock, mood="40", confidence="35", minutes_spent=5)
        await press(pilot, "y", "enter", "enter", "enter", "6", "0", "enter")
        await press(pilot, *"Started before I felt ready", "enter")
        await press(pilot, "enter")  # felt difficulty and mood after: not rated, on purpose
        assert isinstance(app.screen, AcknowledgeScreen)
        await press(pilot, "enter")

        # -- Days 2–6: recorded directly; day 4 without practice --------------------------------
        start = clock.now()
        first, second, third = tasks
        seen_store.save_practices(
            [
                logged(seen_store, first, start + timedelta(days=1), Completion.PARTLY,
                       obstacles=(Obstacle.FATIGUE,), note="Too tired after work"),
                logged(seen_store, second, start + timedelta(days=2, hours=-10), Completion.NO,
                       obstacles=(Obstacle.TIME,), confidence_after=38),
                logged(seen_store, third, start + timedelta(days=2), Completion.PARTLY,
                       confidence_after=55),  # two in a day: partly counts
                logged(seen_store, first, start + timedelta(days=4), Completion.NO,
                       obstacles=(Obstacle.FATIGUE, Obstacle.PERFECTIONISM)),
                logged(seen_store, second, start + timedelta(days=5), Completion.YES, confidence_after=62),
            ]
        )

        # -- Day 7 (Mon 30 Nov): the review ---------------------------------------------------
        clock.advance(6 * DAY)
        await open_week_key(app, pilot)
        review = app.screen
        assert isinstance(review, WeekReviewScreen) and review.week == week
        assert "Day 7 of 7" in text(review, "#review-heading")
        assert review.query_one("#review-strip", WeekStrip).plain.splitlines()[0] == (
            " T✓  W◐  T◐  F–  S○  S✓ [M…]"
        )
        data = text(review, "#review-data")
        assert "Practised on 5 of 7 days · 6 practices: 2 done, 2 partly, 2 not this time" in data
        assert "fatigue 2 · perfectionism 1 · time 1" in data
        assert "Too tired after work" in data

        await press(pilot, "tab", *"Short chores right after dinner")
        await press(pilot, "tab", "space", "down", "down", "space")  # fatigue, time
        await press(pilot, "tab", *"late evenings")
        await press(pilot, "tab", *"Walk in the morning")
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, AskScreen)
        await press(pilot, "y")
        assert isinstance(app.screen, HomeScreen)
        assert any("Walk in the morning" in n.message for n in app._notifications)

    store = Store.open(data_dir, clock)
    [saved] = store.all(Review)
    assert (saved.week_id, saved.strongest, saved.obstacles, saved.obstacles_text, saved.adjustments) == (
        week.id, "Short chores right after dinner", (Obstacle.FATIGUE, Obstacle.TIME),
        "late evenings", "Walk in the morning",
    )
    nxt = max(store.all(WeekPlan), key=lambda w: w.start)
    assert (nxt.start, nxt.area_id, nxt.note) == ("2026-12-01", DAILY, "Walk in the morning")
    [by_keys] = [p for p in store.practices() if p.reflection == "Started before I felt ready"]
    assert wk.day_number(week, local_day(by_keys, clock.now().tzinfo)) == 1

    # -- the next day: the new week runs, its note shows the adjustments ----------------------
    clock.advance(DAY)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_week_key(app, pilot)
        screen = app.screen
        assert isinstance(screen, WeekReviewScreen) and screen.week == nxt
        assert "Day 1 of 7" in text(screen, "#review-heading")
        assert text(screen, "#review-note") == "Your note for this week: Walk in the morning"


async def test_escape_asks_before_letting_the_setup_go(seen_store, make_app):
    seed(seen_store, titles=("a", "b", "c", "d", "e"))
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(WeekSetupScreen(app.services))
        await settle(pilot)
        await press(pilot, *TO_DAILY)  # five tasks already: no brainstorm on the way
        setup = app.screen
        assert isinstance(setup, WeekSetupScreen) and setup.step == 2
        await press(pilot, "escape")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "n")
        assert app.screen is setup
        await press(pilot, "enter", "t", "s")  # start today, no days assigned
        assert isinstance(app.screen, HomeScreen)
    [week] = seen_store.all(WeekPlan)
    assert (week.start, week.assignments) == ("2026-11-23", ())


async def test_the_review_is_one_per_week_and_reads_back(seen_store, make_app, clock):
    seed(seen_store)
    week = WeekPlan.new(now=clock.now(), start="2026-11-20", area_id=DAILY)
    seen_store.save(week)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_week_key(app, pilot)
        assert isinstance(app.screen, WeekReviewScreen)
        await press(pilot, "tab", *"Tiny ones", "ctrl+s")  # day 4: saved, no offer of the next week
        screen = app.screen
        assert isinstance(screen, WeekReviewScreen)
        assert "ctrl+n starts next week" in text(screen, "#review-status")
        await press(pilot, "escape")
        await open_week_key(app, pilot)  # still day 4: the same review, to edit
        screen = app.screen
        assert screen.query_one("#review-strongest", TextArea).text == "Tiny ones"
        await press(pilot, "tab", "end", *" first", "ctrl+s", "escape")
        [review] = seen_store.all(Review)
        assert review.strongest == "Tiny ones first"

        app.push_screen(SavedReviewScreen(app.services, review))
        await settle(pilot)
        shown = " ".join(str(s.content) for s in app.screen.query(".review-answer"))
        assert "Tiny ones first" in shown
        await press(pilot, "e")
        assert isinstance(app.screen, WeekReviewScreen)
        await press(pilot, "tab", "tab", "tab", "tab", *"One thing at a time", "ctrl+s", "escape")
        assert isinstance(app.screen, SavedReviewScreen)
        shown = [str(s.content) for s in app.screen.query(".review-answer")]
        assert shown == ["Tiny ones first", "–", "One thing at a time"]


async def test_one_escape_leaves_a_review_just_saved_mid_week(seen_store, make_app, clock):
    """QA: ctrl+s mid-week then escape did nothing visible (the next-week offer took it);
    answers saved with stray spaces must not count as unsaved either."""
    week = WeekPlan.new(now=clock.now(), start="2026-11-20", area_id=DAILY)  # day 4 of 7
    seen_store.save(week)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_week_key(app, pilot)
        assert isinstance(app.screen, WeekReviewScreen)
        await press(pilot, "tab", "tab", "tab", "tab", *"Smaller ", "ctrl+s")
        assert isinstance(app.screen, WeekReviewScreen)
        await press(pilot, "escape")
        assert isinstance(app.screen, HomeScreen)
    [review] = seen_store.all(Review)
    assert review.adjustments == "Smaller"


async def test_leaving_a_review_with_unsaved_answers_asks(seen_store, make_app, clock):
    week = WeekPlan.new(now=clock.now(), start="2026-11-20", area_id=DAILY)
    seen_store.save(week)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(WeekReviewScreen(app.services, week))
        await settle(pilot)
        await press(pilot, "escape")
        assert isinstance(app.screen, HomeScreen)  # nothing written: no question
        app.push_screen(WeekReviewScreen(app.services, week))
        await settle(pilot)
        await press(pilot, "tab", "x", "escape")
        assert isinstance(app.screen, ConfirmScreen)
    assert seen_store.all(Review) == []
