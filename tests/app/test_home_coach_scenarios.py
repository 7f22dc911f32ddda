"""Pilot, on Home: what the coach and the day's line say in the scenarios of issue 13's care
rules, each seeded with tests/factories on a real store and read off the screen as shown.

The 19-day gap, three easy dones at 2 minutes (3, not 7), felt 90 on a task of difficulty 20
(smaller never above 20), a ticked "too big", three easy dones far apart, a low-mood spell
(nothing says "harder", on Home or in the task form), and a very low mood typed on the Before
screen (the coach is gentle in that session, though nothing was recorded)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import Static

from mastery_tui.domain import words
from mastery_tui.domain.models import Completion, Task
from mastery_tui.domain.reflect import TOO_BIG
from mastery_tui.screens.coach import CoachScreen
from mastery_tui.screens.confirm import ConfirmScreen
from mastery_tui.screens.home import HomeScreen
from mastery_tui.screens.practice.before import BeforeScreen
from mastery_tui.screens.task_form import TaskFormScreen
from mastery_tui.store import Store
from tests.app.practice_helpers import TONIGHT, start_from_home
from tests.conftest import START
from tests.factories import practice, task

OLD = START - timedelta(days=60)  # the tasks were made well before any practice


def practise(store: Store, done: Task, days_ago: float, *, felt: int | None, mood: int = 55,
             completion: Completion = Completion.YES, note: str = "") -> None:  # fmt: skip
    practice(
        store.clock.now() - timedelta(days=days_ago), task=done, spent=done.minutes,
        mood=(mood, mood + 5), confidence=(45, 60), difficulty=felt, completion=completion,
        note=note, store=store,
    )  # fmt: skip


def shown(screen, selector: str) -> str:
    widget = screen.query_one(selector, Static)
    return str(widget.content) if widget.display else ""


def coach_line(ui) -> tuple[str, str]:
    home = ui.screen
    assert isinstance(home, HomeScreen)
    return shown(home, "#home-coach-title"), shown(home, "#home-coach")


async def test_after_a_19_day_gap_the_coach_never_says_harder(seen_store, run_app):
    walk = task("Walk around the block", now=OLD, minutes=5, difficulty=20, store=seen_store)
    for days_ago in (19, 20, 21):  # three easy dones, then nothing for 19 days
        practise(seen_store, walk, days_ago, felt=15)
    async with run_app(seen_store) as ui:
        title, body = coach_line(ui)
        assert title and "harder" not in title.casefold()
        assert "instead of" not in body and "step up" not in body
        # welcome back without comment: the same size or smaller, nothing about the gap
        assert body.startswith("Welcome back.") and "smaller is fine too" in body
        assert "good size for you right now" not in body
        assert shown(ui.screen, "#home-counts").endswith("One tiny task today is a fine start.")


async def test_three_easy_dones_at_2_minutes_offer_3_not_7(seen_store, run_app):
    cup = task("Wash one cup", now=OLD, minutes=2, difficulty=10, store=seen_store)
    for days_ago in (1, 2, 3):
        practise(seen_store, cup, days_ago, felt=10)
    async with run_app(seen_store) as ui:
        title, body = coach_line(ui)
        assert title == "Coach · Just a bit harder?"
        assert "3 minutes instead of 2, just one minute more." in body
        assert "7 minutes" not in body and "fifth" not in body  # 2 -> 3 is half again


async def test_three_easy_dones_weeks_apart_are_no_reason_for_harder(seen_store, run_app, clock):
    """6, 18 and 30 November: easy each time, but not a steady run."""
    cup = task("Wash one cup", now=OLD, minutes=2, difficulty=10, store=seen_store)
    clock.advance(7 * 86400)  # Monday 30 November
    for days_ago in (24, 12, 0.1):
        practise(seen_store, cup, days_ago, felt=10)
    async with run_app(seen_store) as ui:
        title, body = coach_line(ui)
        assert "harder" not in title.casefold() and "instead of" not in body


async def test_felt_90_on_a_task_of_difficulty_20_offers_a_smaller_one_never_above_20(seen_store, run_app):
    walk = task("Walk", now=OLD, minutes=10, difficulty=20, store=seen_store)
    practise(seen_store, walk, 1, felt=90)
    async with run_app(seen_store) as ui:
        title, body = coach_line(ui)
        assert title == "Coach · A smaller version?"
        assert "“Walk” felt very hard last time (90)" in body
        await ui.keys("c")
        dialog = ui.screen
        assert isinstance(dialog, CoachScreen)
        assert shown(dialog, "#coach-detail") == (
            "A smaller version for next time: “Walk (just 5 min)”, 5 min, difficulty 10 "
            "(instead of 10 min, difficulty 20)."
        )
        offer = dialog.current.change if dialog.current else None
        assert offer is not None and offer.difficulty <= 20 and offer.minutes <= 10


async def test_a_ticked_too_big_counts_on_home(seen_store, run_app):
    walk = task("Walk", now=OLD, minutes=10, difficulty=30, store=seen_store)
    practise(seen_store, walk, 1, felt=50, completion=Completion.PARTLY, note=TOO_BIG)
    async with run_app(seen_store) as ui:
        title, body = coach_line(ui)
        assert title == "Coach · A smaller version?"
        assert "You said “Walk” was too big for that day's energy" in body
        assert "as it is" not in body


LOW = 4  # days after START (Friday 27 November): the day the usual line is "Just a bit harder..."


async def test_a_low_mood_spell_hears_nothing_about_harder(seen_store, run_app, clock):
    walk = task("Walk", now=OLD, minutes=5, difficulty=5, store=seen_store)
    clock.advance(LOW * 86400)
    assert "harder" in words.encouragement(clock.now())  # what Home would say on another day
    for days_ago, mood in ((0.2, 4), (1, 3), (2, 5)):
        practise(seen_store, walk, days_ago, felt=20, mood=mood)
    async with run_app(seen_store) as ui:
        home = ui.screen
        assert "This practice isn't meant to carry that alone" in shown(home, "#home-care")
        assert shown(home, "#home-encourage") == ""  # the care line is the day's one line
        await ui.keys("x")  # the care line put away: the day's line, and still nothing about harder
        line = shown(ui.screen, "#home-encourage")
        assert line in words.GENTLE_ENCOURAGEMENTS and "harder" not in line.casefold()

        # The task form asks the same rule: an easy task gets no "a bit harder" nudge.
        await ui.keys("b", "right", "n")
        form = ui.screen
        assert isinstance(form, TaskFormScreen)
        form.query_one("#task-difficulty").value = 5
        await ui.settle()
        assert shown(form, "#task-sizing") == "Nice and easy, good for a rough day."


async def test_outside_a_spell_the_same_day_keeps_its_line(seen_store, run_app, clock):
    walk = task("Walk", now=OLD, minutes=5, difficulty=5, store=seen_store)
    clock.advance(LOW * 86400)
    practise(seen_store, walk, 1, felt=20, mood=60)
    async with run_app(seen_store) as ui:
        assert shown(ui.screen, "#home-encourage") == "Just a bit harder than comfortable."
        await ui.keys("b", "right", "n")
        ui.screen.query_one("#task-difficulty").value = 5
        await ui.settle()
        assert "A bit harder than comfortable" in shown(ui.screen, "#task-sizing")


def three_easy_walks_and_a_cup(store: Store) -> None:
    """A walk planned tonight, done easily on each of the last 3 days (the coach would say
    "a bit harder"), and a smaller bad-day task to offer instead."""
    walk = task("Walk around the block", now=OLD, minutes=5, difficulty=20, plan=TONIGHT, store=store)
    task("Wash one cup", now=OLD, minutes=2, difficulty=5, store=store)
    for days_ago in (1, 2, 3):
        practise(store, walk, days_ago, felt=15)


async def test_a_very_low_mood_typed_on_before_makes_the_coach_gentle(seen_store, run_app):
    """Nothing recorded (the person lets the practice go after typing 15): the coach hears it
    all the same, in this session."""
    three_easy_walks_and_a_cup(seen_store)
    async with run_app(seen_store) as ui:
        assert coach_line(ui)[0] == "Coach · Just a bit harder?"
        await start_from_home(ui)
        await ui.keys("1", "5")
        assert isinstance(ui.screen, BeforeScreen)
        await ui.keys("escape")
        assert isinstance(ui.screen, ConfirmScreen)  # what was typed: leave it?
        await ui.keys("y")
        assert isinstance(ui.screen, HomeScreen)
        title, body = coach_line(ui)
        assert title == "Coach · The smallest step"
        assert "Your mood is low today (15)" in body and "Wash one cup" in body
        assert "harder" not in shown(ui.screen, "#home-encourage").casefold()
        await ui.keys("c")
        assert isinstance(ui.screen, CoachScreen)
        kinds = {s.kind.value for s in ui.screen.suggestions}
        assert "harder" not in kinds
    assert len(seen_store.practices()) == 3  # nothing new was recorded


@pytest.mark.parametrize(
    "latest",
    [
        pytest.param({"days_ago": 6, "completion": Completion.YES}, id="after a 6-day gap"),
        pytest.param({"days_ago": 40, "completion": Completion.YES}, id="after 40 days, beyond what Home reads"),
        pytest.param({"days_ago": 0.2, "completion": Completion.PARTLY}, id="right after a partly"),
        pytest.param({"days_ago": 0.2, "completion": Completion.NO}, id="right after not this time"),
    ],
)
async def test_after_a_gap_or_a_partly_no_line_says_harder(latest, seen_store, run_app, clock):
    """Home's daily line and the task form's size note, on the day the usual line is "Just a
    bit harder...", mood fine: the care rules hold all the same."""
    walk = task("Walk", now=OLD, minutes=5, difficulty=5, store=seen_store)
    clock.advance(LOW * 86400)
    practise(seen_store, walk, latest["days_ago"], felt=20, mood=60, completion=latest["completion"])
    async with run_app(seen_store) as ui:
        line = shown(ui.screen, "#home-encourage")
        assert line in words.GENTLE_ENCOURAGEMENTS and "harder" not in line.casefold()
        await ui.keys("b", "right", "n")
        ui.screen.query_one("#task-difficulty").value = 5
        await ui.settle()
        assert shown(ui.screen, "#task-sizing") == "Nice and easy, good for a rough day."


async def test_a_mood_typed_then_cleared_on_before_is_no_mood(seen_store, run_app):
    """15 typed, then deleted (the slider reads "not rated"): the coach doesn't go on quoting
    a mood the person took back."""
    three_easy_walks_and_a_cup(seen_store)
    async with run_app(seen_store) as ui:
        await start_from_home(ui)
        await ui.keys("1", "5", "backspace", "backspace")
        assert ui.screen.query_one("#before-mood").value is None
        await ui.keys("escape")  # nothing left typed: nothing to ask about
        assert isinstance(ui.screen, HomeScreen)
        title, body = coach_line(ui)
        assert title == "Coach · Just a bit harder?" and "mood" not in body.casefold()
    assert ui.app.services.typed_mood() is None


async def test_back_after_two_months_the_coach_key_welcomes_back(seen_store, run_app):
    """The coach reads four weeks; back after 60 days it has nothing yet, and says so as a
    welcome, not as if the person were new."""
    walk = task("Walk", now=OLD, minutes=5, difficulty=20, store=seen_store)
    practise(seen_store, walk, 60, felt=15)
    async with run_app(seen_store) as ui:
        await ui.keys("c")
        assert isinstance(ui.screen, HomeScreen)
        [said] = ui.notes()
        assert said.startswith("Welcome back.") and "needs a few practices" not in said
