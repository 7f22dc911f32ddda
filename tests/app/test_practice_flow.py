"""Whole "do it now" sessions by keyboard, with a fake clock: done, partly, stopped, quick,
and picked up again after the app was closed mid-timer."""

from __future__ import annotations

from mastery_tui.domain.models import Completion, Obstacle, Plan, Task, default_area_id
from mastery_tui.screens.home import HomeScreen
from mastery_tui.screens.practice.acknowledge import AcknowledgeScreen
from mastery_tui.screens.practice.adjust import AdjustScreen
from mastery_tui.screens.practice.after import AfterScreen
from mastery_tui.screens.practice.before import BeforeScreen
from mastery_tui.screens.practice.choose import ChooseTaskScreen, QuickTaskScreen
from mastery_tui.screens.practice.resume import ResumeScreen
from mastery_tui.screens.practice.timer import TimerScreen
from mastery_tui.screens.unanswered import UnansweredScreen
from mastery_tui.services import Services
from mastery_tui.store import Store


def add_task(store: Store, title: str, minutes: int = 10, difficulty: int = 40, days=(0,)) -> Task:
    task = Task.new(
        now=store.clock.now(),
        title=title,
        area_id=default_area_id("daily"),
        minutes=minutes,
        difficulty=difficulty,
        plan=Plan(days=days, time="19:30"),
    )
    store.save(task)
    return task


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.pause()


async def press(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
    await settle(pilot)


async def start_from_home(app, pilot) -> None:
    await settle(pilot)
    assert isinstance(app.screen, HomeScreen)
    await press(pilot, "n")
    assert isinstance(app.screen, ChooseTaskScreen)
    await press(pilot, "enter")  # today's planned task is first
    assert isinstance(app.screen, BeforeScreen)


async def before_and_timer(app, pilot, clock, *, mood: str, confidence: str, minutes_spent: int) -> None:
    await press(pilot, *mood, "enter", *confidence, "enter")
    assert isinstance(app.screen, TimerScreen)
    clock.advance(minutes_spent * 60)
    app.screen.tick()
    await press(pilot, "f")
    assert isinstance(app.screen, AfterScreen)


async def test_a_completed_practice_is_recorded_with_every_field(seen_store, make_app, clock, data_dir):
    task = add_task(seen_store, "Wash one set of dishes")
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_from_home(app, pilot)
        await before_and_timer(app, pilot, clock, mood="35", confidence="40", minutes_spent=9)
        await press(pilot, "y", "enter")  # done; on to felt difficulty
        await press(pilot, "3", "0", "enter", "6", "0", "enter", "5", "5", "enter")
        await press(pilot, *"I can start tired", "enter")
        assert isinstance(app.screen, AcknowledgeScreen)
        lines = " ".join(str(s.content) for s in app.screen.query(".ack-line"))
        assert "You did it" in lines and "Wash one set of dishes" in lines
        assert "Confidence 40 → 55 (+15)" in lines
        await press(pilot, "enter")
        assert isinstance(app.screen, HomeScreen)

    store = Store.open(data_dir, clock)
    [practice] = store.practices()
    assert practice.task_id == task.id and practice.task_title == "Wash one set of dishes"
    assert (practice.mood_before, practice.confidence_before) == (35, 40)
    assert (practice.difficulty, practice.mood_after, practice.confidence_after) == (30, 60, 55)
    assert practice.completion is Completion.YES
    assert practice.seconds_spent == 9 * 60
    assert practice.planned_minutes == 10
    assert practice.reflection == "I can start tired"
    assert practice.ended is not None
    assert store.load_session() is None
    assert store.setting("last_mood") == 35


async def test_partly_asks_what_got_in_the_way_and_offers_a_smaller_version(seen_store, make_app, clock, data_dir):
    add_task(seen_store, "Study for 20 minutes", minutes=20, difficulty=60)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_from_home(app, pilot)
        await before_and_timer(app, pilot, clock, mood="30", confidence="30", minutes_spent=6)
        await press(pilot, "p", "enter", "8", "0", "enter", "enter", "enter", "enter")
        assert isinstance(app.screen, UnansweredScreen)  # mood and confidence left blank
        await press(pilot, "enter")  # skip them: "not rated"
        assert isinstance(app.screen, AdjustScreen)
        await press(pilot, "space")  # "too big for today's energy?" yes
        await press(pilot, "tab", "space")  # obstacle: fatigue
        await press(pilot, "tab", "tab", "y")  # the smaller version: nothing is chosen for you
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, AcknowledgeScreen)
        assert "Partly counts" in str(app.screen.query_one("#ack-head").content)
        await press(pilot, "enter")

    store = Store.open(data_dir, clock)
    [practice] = store.practices()
    assert practice.completion is Completion.PARTLY
    assert (practice.difficulty, practice.mood_after, practice.confidence_after) == (80, None, None)
    assert practice.obstacles == (Obstacle.FATIGUE,)
    assert "too big for today's energy" in practice.note
    smaller = [t for t in store.tasks() if "just" in t.title]
    assert [(t.title, t.minutes, t.difficulty) for t in smaller] == [
        ("Study for 20 minutes (just 10 min)", 10, 60)
    ]


async def test_stopping_the_timer_records_nothing(seen_store, make_app, clock, data_dir):
    add_task(seen_store, "Reply to one email")
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_from_home(app, pilot)
        await press(pilot, "enter", "enter")
        assert isinstance(app.screen, UnansweredScreen)  # nothing rated: asked, not assumed
        await press(pilot, "enter")  # start without them
        assert isinstance(app.screen, TimerScreen)
        await press(pilot, "escape", "d")  # stop: discard it
        assert isinstance(app.screen, HomeScreen)
    store = Store.open(data_dir, clock)
    assert store.practices() == []
    assert store.load_session() is None


async def test_a_quick_task_needs_only_a_title_and_minutes(seen_store, make_app, clock, data_dir):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "n", "ctrl+n")
        assert isinstance(app.screen, QuickTaskScreen)
        await press(pilot, "enter")
        assert "can't be empty" in str(app.screen.query_one("#quick-error").content)
        await press(pilot, *"Sit outside", "enter", "backspace", "backspace", "5", "enter")
        assert isinstance(app.screen, BeforeScreen)
        await before_and_timer(app, pilot, clock, mood="50", confidence="50", minutes_spent=5)
        await press(pilot, "ctrl+s", "enter")  # f said done; the ratings after: not rated
        assert isinstance(app.screen, AcknowledgeScreen)
    [practice] = Store.open(data_dir, clock).practices()
    assert (practice.task_id, practice.task_title, practice.planned_minutes) == (None, "Sit outside", 5)
    assert practice.completion is Completion.YES and practice.mood_after is None


async def test_closing_mid_timer_offers_to_resume_with_time_away_counted(seen_store, make_app, clock, data_dir):
    add_task(seen_store, "Draw for 10 minutes")
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_from_home(app, pilot)
        await press(pilot, *"42", "enter", *"38", "enter")
        clock.advance(120)
        app.screen.tick()
        await press(pilot, "space")  # pause for a minute
        clock.advance(60)
        await press(pilot, "space")
        clock.advance(30)
        app.save_state()  # what SIGHUP does before exiting

    clock.advance(90)  # the connection was down for a minute and a half
    again = make_app(Store.open(data_dir, clock))
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, ResumeScreen)
        assert "Draw for 10 minutes" in str(again.screen.query_one("#resume-question").content)
        await press(pilot, "r")
        assert isinstance(again.screen, TimerScreen)
        countdown = again.screen.countdown
        assert countdown.elapsed(clock.monotonic()) == 120 + 30 + 90
        await press(pilot, "f", "ctrl+s", "enter")
        assert isinstance(again.screen, AcknowledgeScreen)
    [practice] = Store.open(data_dir, clock).practices()
    assert (practice.mood_before, practice.confidence_before) == (42, 38)
    assert practice.seconds_spent == 240


async def test_escape_after_the_timer_keeps_the_session_for_later(seen_store, make_app, clock, data_dir):
    add_task(seen_store, "Cook one simple meal")
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_from_home(app, pilot)
        await before_and_timer(app, pilot, clock, mood="50", confidence="50", minutes_spent=3)
        await press(pilot, "escape")
        assert isinstance(app.screen, HomeScreen)
        await press(pilot, "n")
        assert isinstance(app.screen, ResumeScreen)
        await press(pilot, "f")
        assert isinstance(app.screen, AfterScreen)
        await press(pilot, "ctrl+s", "enter")
    [practice] = Store.open(data_dir, clock).practices()
    assert practice.completion is Completion.YES  # said with f before escape: kept


async def test_mastery_quick_opens_straight_on_the_before_ratings(seen_store, clock):
    from mastery_tui.__main__ import build_parser
    from mastery_tui.app import MasteryApp
    from mastery_tui.cli import quick_start

    args = build_parser().parse_args(["quick", "Wash one set of dishes", "-m", "5"])
    app = MasteryApp(Services(seen_store, clock), start=quick_start(args.title, args.minutes))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, BeforeScreen)
        assert app.screen.session.title == "Wash one set of dishes"
        assert app.screen.session.minutes == 5


async def test_mastery_quick_without_a_title_opens_the_chooser(seen_store, clock):
    from mastery_tui.app import MasteryApp

    app = MasteryApp(Services(seen_store, clock), start="choose")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ChooseTaskScreen)
