"""Pilot: "smaller" after a practice and on the coach is one rule with one wording, never an
identical copy; "use it instead" moves the week's days too; the coach's enter chooses
nothing; the evidence bank never quotes a hopeless sentence; the bad-day question is the
person's to answer, and Day 0 counts only the tasks that pass it."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import OptionList, Static

from mastery_tui.domain.models import Completion, Plan, Task, WeekPlan
from mastery_tui.domain.reflect import smaller_for
from mastery_tui.screens.coach import CoachScreen
from mastery_tui.screens.home import HomeScreen
from mastery_tui.screens.practice.acknowledge import AcknowledgeScreen
from mastery_tui.screens.practice.adjust import AdjustScreen
from mastery_tui.screens.practice.before import BeforeScreen
from mastery_tui.screens.task_form import BAD_DAY_UNANSWERED, TaskFormScreen
from mastery_tui.screens.week_setup import WeekSetupScreen
from mastery_tui.widgets.yesno import YesNo
from tests import factories as make
from tests.app.practice_helpers import TONIGHT, before_and_timer, start_from_home
from tests.conftest import START

OLD = START - timedelta(days=60)
TODAY = START.date().isoformat()


def shown(screen, selector: str) -> str:
    widget = screen.query_one(selector, Static)
    return str(widget.content) if widget.display else ""


async def record(ui, clock, completion: str, felt: str) -> None:
    """From Home: the planned task, through Before and the timer, to "Data for next time"."""
    await start_from_home(ui)
    await before_and_timer(ui, clock, mood="40", confidence="40", minutes_spent=1)
    await ui.keys(completion, "enter", *felt, "enter", "4", "0", "enter", "4", "0", "enter", "enter")
    assert isinstance(ui.screen, AdjustScreen)


async def test_not_this_time_on_a_minimal_task_offers_no_copy_and_the_coach_agrees(seen_store, run_app, clock):
    teeth = make.task("Brush teeth", now=OLD, minutes=2, difficulty=5, plan=TONIGHT, store=seen_store)
    words = smaller_for(teeth, [teeth], now=clock.now()).words
    async with run_app(seen_store) as ui:
        await record(ui, clock, "n", "90")
        adjust = ui.screen
        assert not adjust.query("#adjust-smaller")  # nothing to choose: no same-size copy
        assert shown(adjust, "#adjust-smaller-offer") == words
        await ui.keys("ctrl+s")
        assert isinstance(ui.screen, AcknowledgeScreen)
        await ui.keys("enter")
        home = ui.screen
        assert isinstance(home, HomeScreen)
        assert shown(home, "#home-coach-title") == "Coach · Small is enough"
        coach_says = shown(home, "#home-coach")
        assert words in coach_says  # the same words as the after-practice screen
        assert "keep practising it as it is" not in coach_says
    assert [t.title for t in seen_store.tasks()] == ["Brush teeth"]


async def test_use_it_instead_after_a_practice_moves_the_weeks_day(seen_store, run_app, clock, reopen):
    walk = make.task("Walk", now=OLD, minutes=10, difficulty=30, store=seen_store)
    week = make.week(TODAY, store=seen_store, assignments=((1, walk.id), (2, walk.id)))
    async with run_app(seen_store) as ui:
        assert "Walk" in shown(ui.screen, "#home-today")
        await record(ui, clock, "p", "60")
        offer = shown(ui.screen, "#adjust-smaller-offer")
        assert offer == smaller_for(walk, [walk], now=clock.now()).words  # the coach's words
        await ui.keys("tab", "tab", "tab", "i", "ctrl+s")
        assert isinstance(ui.screen, AcknowledgeScreen)
        await ui.keys("enter")
        assert "Walk (just 5 min)" in shown(ui.screen, "#home-today")  # today's task is still there
    store = reopen()
    [new] = [t for t in store.tasks() if t.title == "Walk (just 5 min)"]
    moved = store.get(WeekPlan, week.id)
    assert moved is not None and moved.assignments == ((1, new.id), (2, new.id))
    assert store.get(Task, walk.id).archived  # type: ignore[union-attr]


async def test_use_it_instead_from_the_coach_moves_the_weeks_day_and_enter_chooses_nothing(seen_store, run_app, reopen):
    walk = make.task("Walk", now=OLD, minutes=10, difficulty=20, store=seen_store)
    week = make.week(TODAY, store=seen_store, assignments=((1, walk.id),))
    make.practice(START - timedelta(days=1), task=walk, spent=10, difficulty=90,
                  completion=Completion.YES, store=seen_store)  # fmt: skip
    async with run_app(seen_store) as ui:
        await ui.keys("c")
        dialog = ui.screen
        assert isinstance(dialog, CoachScreen) and dialog.current is not None
        await ui.keys("enter")  # a default answer would be "keep both": enter is none
        assert ui.screen is dialog and [t.title for t in seen_store.tasks()] == ["Walk"]
        await ui.keys("i")
        assert isinstance(ui.screen, HomeScreen)
        assert "Walk (just 5 min)" in shown(ui.screen, "#home-today")
    store = reopen()
    [new] = store.tasks()
    assert new.title == "Walk (just 5 min)" and (new.minutes, new.difficulty) == (5, 10)
    assert store.get(WeekPlan, week.id).assignments == ((1, new.id),)  # type: ignore[union-attr]


async def test_the_evidence_bank_never_quotes_a_hopeless_sentence(seen_store, run_app):
    walk = make.task("Walk 5 minutes", now=OLD, minutes=5, difficulty=20, plan=TONIGHT, store=seen_store)
    make.practice(START - timedelta(days=2), task=walk, spent=5, completion=Completion.YES,
                  reflection="Nothing feels worth it.", store=seen_store)  # fmt: skip
    async with run_app(seen_store) as ui:
        await start_from_home(ui)
        await ui.keys("5", "0", "enter", "2", "0")
        assert isinstance(ui.screen, BeforeScreen)
        assert shown(ui.screen, "#before-evidence") == ""  # better nothing than that as "proof"
        await ui.keys("escape", "y")  # let this one go (asked first: ratings were typed)
        assert isinstance(ui.screen, HomeScreen)
    make.practice(START - timedelta(days=3), task=walk, spent=5, completion=Completion.YES,
                  reflection="I went out even though it was raining.", store=seen_store)  # fmt: skip
    async with run_app(seen_store) as ui:
        await start_from_home(ui)
        await ui.keys("5", "0", "enter", "2", "0")
        assert "I went out even though it was raining." in shown(ui.screen, "#before-evidence")


async def test_the_bad_day_question_waits_for_the_persons_answer(seen_store, run_app, reopen):
    async with run_app(seen_store) as ui:
        await ui.keys("b", "right", "n")
        form = ui.screen
        assert isinstance(form, TaskFormScreen)
        answer = form.query_one("#task-bad-day", YesNo)
        assert answer.value is None
        assert str(answer.render()) == "( ) Yes   ( ) Not really"  # nothing chosen for them
        await ui.write("Call the bank")
        await ui.keys("ctrl+s")
        assert ui.screen is form and shown(form, "#task-error") == BAD_DAY_UNANSWERED
        assert ui.app.focused is answer
        await ui.keys("n")
        assert shown(form, "#task-error") == ""
        await ui.keys("ctrl+s")
        assert not isinstance(ui.screen, TaskFormScreen)
    [saved] = reopen().tasks()
    assert saved.title == "Call the bank" and saved.bad_day_ok is False  # exactly what was said


async def test_day_0_counts_only_tasks_that_pass_the_bad_day_question(seen_store, run_app):
    make.task("Revise a whole chapter", area_id=make.STUDYING, bad_day_ok=False, store=seen_store)
    make.tasks(seen_store, ("Wash a cup", "Walk"), area_id=make.DAILY)
    make.task("Call the bank", bad_day_ok=False, store=seen_store)
    async with run_app(seen_store) as ui:
        await ui.keys("w")
        setup = ui.screen
        assert isinstance(setup, WeekSetupScreen)
        rows = {
            str(o.prompt).strip().removeprefix("▸").strip(): o.id
            for o in setup.query_one("#setup-areas", OptionList).options
        }
        counts = {area_id: text.split()[-1] for text, area_id in rows.items()}
        assert counts[make.STUDYING] == "0"  # its one task isn't bad-day-proof
        assert counts[make.DAILY] == "2"
        assert "pass the bad-day test" in str(setup.query_one("#step-1 .step-intro", Static).content)


def test_the_record_plan_is_unchanged_by_keep_both() -> None:
    """(Keep both adds the smaller version without a plan: no day is booked twice.)"""
    walk = make.task("Walk", minutes=10, difficulty=30, plan=Plan(days=(0,)))
    offer = smaller_for(walk, [walk], now=START).new
    assert offer is not None and offer.plan == Plan()


async def test_back_after_two_months_their_own_sentence_still_comes(seen_store, run_app):
    """Nothing in the last 40 days: the evidence reaches back as far as it must, since after a
    long gap is when "you did it before" helps most."""
    walk = make.task("Walk 5 minutes", now=OLD - timedelta(days=30), minutes=5, difficulty=20, plan=TONIGHT,
                     store=seen_store)  # fmt: skip
    make.practice(START - timedelta(days=70), task=walk, spent=5, completion=Completion.YES,
                  reflection="I went out even though it was raining.", store=seen_store)  # fmt: skip
    async with run_app(seen_store) as ui:
        await start_from_home(ui)
        await ui.keys("5", "0", "enter", "2", "0")
        assert "I went out even though it was raining." in shown(ui.screen, "#before-evidence")
