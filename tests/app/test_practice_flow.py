"""Whole "do it now" sessions by keyboard, with a fake clock: done, partly, stopped, quick,
and picked up again after the app was closed mid-timer."""

from __future__ import annotations

import pytest

from mastery_tui.domain.models import Completion, Obstacle, Plan
from mastery_tui.screens.ask import AskScreen
from mastery_tui.screens.home import HomeScreen
from mastery_tui.screens.practice.acknowledge import AcknowledgeScreen
from mastery_tui.screens.practice.adjust import AdjustScreen
from mastery_tui.screens.practice.after import AfterScreen
from mastery_tui.screens.practice.before import BeforeScreen
from mastery_tui.screens.practice.choose import ChooseTaskScreen, QuickTaskScreen
from mastery_tui.screens.practice.resume import ResumeScreen
from mastery_tui.screens.practice.timer import TimerScreen
from mastery_tui.screens.unanswered import UnansweredScreen
from mastery_tui.store import Store
from tests.factories import task

from .practice_helpers import TONIGHT, before_and_timer, start_from_home


async def test_a_completed_practice_is_recorded_with_every_field(seen_store, run_app, clock, data_dir):
    walk = task("Wash one set of dishes", difficulty=40, plan=TONIGHT, store=seen_store)
    async with run_app(seen_store) as ui:
        await start_from_home(ui)
        await before_and_timer(ui, clock, mood="35", confidence="40", minutes_spent=9)
        await ui.keys("y", "enter")  # done; on to felt difficulty
        await ui.keys("3", "0", "enter", "6", "0", "enter", "5", "5", "enter")
        await ui.keys(*"I can start tired", "enter")
        assert isinstance(ui.screen, AcknowledgeScreen)
        lines = " ".join(str(s.content) for s in ui.screen.query(".ack-line"))
        assert "You did it" in lines and "Wash one set of dishes" in lines
        assert "Confidence 40 → 55 (+15)" in lines
        await ui.keys("enter")
        assert isinstance(ui.screen, HomeScreen)

    store = Store.open(data_dir, clock)
    [practice] = store.practices()
    assert practice.task_id == walk.id and practice.task_title == "Wash one set of dishes"
    assert (practice.mood_before, practice.confidence_before) == (35, 40)
    assert (practice.difficulty, practice.mood_after, practice.confidence_after) == (30, 60, 55)
    assert practice.completion is Completion.YES
    assert practice.seconds_spent == 9 * 60
    assert practice.planned_minutes == 10
    assert practice.reflection == "I can start tired"
    assert practice.ended is not None
    assert store.load_session() is None
    assert store.setting("last_mood") == 35


async def test_partly_asks_what_got_in_the_way_and_offers_a_smaller_version(seen_store, run_app, clock, data_dir):
    task("Study for 20 minutes", minutes=20, difficulty=60, plan=TONIGHT, store=seen_store)
    async with run_app(seen_store) as ui:
        await start_from_home(ui)
        await before_and_timer(ui, clock, mood="30", confidence="30", minutes_spent=6)
        await ui.keys("p", "enter", "8", "0", "enter", "enter", "enter", "enter")
        assert isinstance(ui.screen, UnansweredScreen)  # mood and confidence left blank
        await ui.keys("enter")  # skip them: "not rated"
        assert isinstance(ui.screen, AdjustScreen)
        await ui.keys("space")  # "too big for today's energy?" yes
        await ui.keys("tab", "space")  # obstacle: fatigue
        await ui.keys("tab", "tab", "i")  # the smaller version: nothing is chosen; "use it instead"
        await ui.keys("ctrl+s")
        assert isinstance(ui.screen, AcknowledgeScreen)
        assert "Partly counts" in str(ui.screen.query_one("#ack-head").content)
        await ui.keys("enter")

    store = Store.open(data_dir, clock)
    [practice] = store.practices()
    assert practice.completion is Completion.PARTLY
    assert (practice.difficulty, practice.mood_after, practice.confidence_after) == (80, None, None)
    assert practice.obstacles == (Obstacle.FATIGUE,)
    assert "too big for today's energy" in practice.note
    smaller = [t for t in store.tasks() if "just" in t.title]
    assert [(t.title, t.minutes, t.difficulty) for t in smaller] == [
        ("Study for 20 minutes (just 10 min)", 10, 40)  # felt 80; sized from its own 60
    ]
    assert smaller[0].plan == TONIGHT  # instead: the plan moved over
    [original] = [t for t in store.tasks(include_archived=True) if t.title == "Study for 20 minutes"]
    assert original.archived and original.plan == Plan()  # put away, restorable; not booked twice


async def test_stopping_the_timer_records_nothing(seen_store, run_app, clock, data_dir):
    task("Reply to one email", difficulty=40, plan=TONIGHT, store=seen_store)
    async with run_app(seen_store) as ui:
        await start_from_home(ui)
        await ui.keys("enter", "enter")
        assert isinstance(ui.screen, UnansweredScreen)  # nothing rated: asked, not assumed
        await ui.keys("enter")  # start without them
        assert isinstance(ui.screen, TimerScreen)
        await ui.keys("escape", "d")  # stop: discard it
        assert isinstance(ui.screen, HomeScreen)
    store = Store.open(data_dir, clock)
    assert store.practices() == []
    assert store.load_session() is None


async def test_a_quick_task_needs_only_a_title_and_minutes(seen_store, run_app, clock, data_dir):
    async with run_app(seen_store) as ui:
        await ui.keys("n", "ctrl+n")
        assert isinstance(ui.screen, QuickTaskScreen)
        await ui.keys("enter")
        assert "can't be empty" in str(ui.screen.query_one("#quick-error").content)
        await ui.keys(*"Sit outside", "enter", "backspace", "backspace", "5", "enter")
        assert isinstance(ui.screen, BeforeScreen)
        await before_and_timer(ui, clock, mood="50", confidence="50", minutes_spent=5)
        await ui.keys("ctrl+s", "enter")  # f said done; the ratings after: not rated
        assert isinstance(ui.screen, AskScreen)  # keep it as a task? nothing chosen for you
        await ui.keys("n")
        assert isinstance(ui.screen, AcknowledgeScreen)
    [practice] = Store.open(data_dir, clock).practices()
    assert (practice.task_id, practice.task_title, practice.planned_minutes) == (None, "Sit outside", 5)
    assert practice.completion is Completion.YES and practice.mood_after is None


async def test_closing_mid_timer_offers_to_resume_with_time_away_counted(seen_store, run_app, clock, data_dir):
    task("Draw for 10 minutes", difficulty=40, plan=TONIGHT, store=seen_store)
    async with run_app(seen_store) as ui:
        await start_from_home(ui)
        await ui.keys(*"42", "enter", *"38", "enter")
        clock.advance(120)
        ui.screen.tick()
        await ui.keys("space")  # pause for a minute
        clock.advance(60)
        await ui.keys("space")
        clock.advance(30)
        ui.app.save_state()  # what SIGHUP does before exiting

    clock.advance(90)  # the connection was down for a minute and a half
    async with run_app(Store.open(data_dir, clock)) as ui:
        assert isinstance(ui.screen, ResumeScreen)
        assert "Draw for 10 minutes" in str(ui.screen.query_one("#resume-question").content)
        await ui.keys("r")
        assert isinstance(ui.screen, TimerScreen)
        countdown = ui.screen.countdown
        assert countdown.elapsed(clock.monotonic()) == 120 + 30 + 90
        await ui.keys("f", "ctrl+s", "enter")
        assert isinstance(ui.screen, AcknowledgeScreen)
    [practice] = Store.open(data_dir, clock).practices()
    assert (practice.mood_before, practice.confidence_before) == (42, 38)
    assert practice.seconds_spent == 240


async def test_escape_after_the_timer_keeps_the_session_for_later(seen_store, run_app, clock, data_dir):
    task("Cook one simple meal", difficulty=40, plan=TONIGHT, store=seen_store)
    async with run_app(seen_store) as ui:
        await start_from_home(ui)
        await before_and_timer(ui, clock, mood="50", confidence="50", minutes_spent=3)
        await ui.keys("escape")
        assert isinstance(ui.screen, HomeScreen)
        await ui.keys("n")
        assert isinstance(ui.screen, ResumeScreen)
        await ui.keys("f")
        assert isinstance(ui.screen, AfterScreen)
        await ui.keys("ctrl+s", "enter")
    [practice] = Store.open(data_dir, clock).practices()
    assert practice.completion is Completion.YES  # said with f before escape: kept


async def test_mastery_quick_opens_straight_on_the_before_ratings(seen_store, run_app):
    from mastery_tui.cli import quick_start
    from mastery_tui.cli_parser import build_parser

    args = build_parser().parse_args(["quick", "Wash one set of dishes", "-m", "5"])
    async with run_app(seen_store, start=quick_start(args.title, args.minutes)) as ui:
        assert isinstance(ui.screen, BeforeScreen)
        assert ui.screen.session.title == "Wash one set of dishes"
        assert ui.screen.session.minutes == 5


async def test_mastery_quick_without_a_title_opens_the_chooser(seen_store, run_app):
    async with run_app(seen_store, start="choose") as ui:
        assert isinstance(ui.screen, ChooseTaskScreen)


@pytest.mark.parametrize(
    ("step", "elapsed"),
    [
        (lambda clock: clock.jump_wall(-3600), 30),  # the clock set back an hour while away
        (lambda clock: clock.jump_wall(+3600), 30),  # or forward: not an hour of practice
        (lambda clock: clock.reboot(50), 80),  # the machine restarted: the wall clock is all
    ],
    ids=["wall-clock-back", "wall-clock-forward", "reboot"],
)
async def test_a_clock_step_across_a_restart_is_not_practice(
    seen_store, run_app, clock, data_dir, step, elapsed
):
    """20 s on the timer, a hang-up, 10 s away with the wall clock stepped meanwhile, resume:
    time spent is what passed (monotonic on the same boot), never negative, never the jump."""
    task("Draw for 10 minutes", difficulty=40, plan=TONIGHT, store=seen_store)
    async with run_app(seen_store) as ui:
        await start_from_home(ui)
        await ui.keys(*"42", "enter", *"38", "enter")
        clock.advance(20)
        ui.app.save_state()  # what SIGHUP does before exiting

    clock.advance(10)
    step(clock)
    async with run_app(Store.open(data_dir, clock)) as ui:
        await ui.keys("r")
        assert isinstance(ui.screen, TimerScreen)
        assert ui.screen.countdown.elapsed(clock.monotonic()) == elapsed
        await ui.keys("f", "ctrl+s", "enter")
    [practice] = Store.open(data_dir, clock).practices()
    assert practice.seconds_spent == elapsed
    assert practice.ended is not None and practice.ended >= practice.started


async def test_two_partly_in_a_row_make_one_smaller_task_not_two(seen_store, run_app, clock, data_dir):
    task("Study for 20 minutes", minutes=20, difficulty=60, plan=TONIGHT, store=seen_store)
    async with run_app(seen_store) as ui:
        for attempt in range(2):
            await start_from_home(ui)
            await before_and_timer(ui, clock, mood="40", confidence="40", minutes_spent=6)
            await ui.keys("p", "enter", "5", "0", "enter", "4", "0", "enter", "4", "0", "enter", "enter")
            assert isinstance(ui.screen, AdjustScreen)
            offered = bool(ui.screen.query("#adjust-smaller"))
            assert offered is (attempt == 0), attempt  # the second time, it is already there
            if offered:
                await ui.keys("tab", "tab", "tab", "b")  # keep both
            await ui.keys("ctrl+s")
            assert isinstance(ui.screen, AcknowledgeScreen)
            await ui.keys("enter")
            clock.advance(3600)
    store = Store.open(data_dir, clock)
    smaller = [t for t in store.tasks() if "just" in t.title]
    assert len(smaller) == 1 and smaller[0].plan == Plan()  # keep both: not booked twice
    assert [t.title for t in store.tasks() if t.plan == TONIGHT] == ["Study for 20 minutes"]


async def test_a_quick_task_named_like_a_task_counts_for_that_task(seen_store, run_app, clock, data_dir):
    walk = task("Walk 5 minutes", minutes=5, difficulty=20, store=seen_store)
    async with run_app(seen_store) as ui:
        await ui.keys("n", "ctrl+n", *"walk 5 minutes", "enter", "backspace", "backspace", "3", "enter")
        assert isinstance(ui.screen, BeforeScreen) and ui.screen.session.title == "Walk 5 minutes"
        await before_and_timer(ui, clock, mood="50", confidence="50", minutes_spent=3)
        await ui.keys("ctrl+s", "enter")
        assert isinstance(ui.screen, AcknowledgeScreen)
    [practice] = Store.open(data_dir, clock).practices()
    assert (practice.task_id, practice.area_id, practice.planned_minutes) == (walk.id, walk.area_id, 3)


async def test_a_quick_task_can_be_kept_as_a_task(seen_store, run_app, clock, data_dir):
    async with run_app(seen_store) as ui:
        await ui.keys("n", "ctrl+n", *"Sit outside", "enter", "backspace", "backspace", "5", "enter")
        await before_and_timer(ui, clock, mood="50", confidence="50", minutes_spent=5)
        await ui.keys("enter", "2", "5", "enter", "ctrl+s", "enter")  # felt 25; the rest not rated
        assert isinstance(ui.screen, AskScreen)
        await ui.keys("y")  # keep it
        assert "How hard it felt (25) becomes its estimate" in str(ui.screen.query_one("#ask-detail").content)
        await ui.keys("n")  # could you do it on a bad day? not really
        assert isinstance(ui.screen, AcknowledgeScreen)
    store = Store.open(data_dir, clock)
    [kept] = [t for t in store.tasks() if t.title == "Sit outside"]
    assert (kept.minutes, kept.difficulty, kept.bad_day_ok) == (5, 25, False)  # as felt; as said
    [practice] = store.practices()
    assert practice.task_id == kept.id and practice.area_id == kept.area_id
