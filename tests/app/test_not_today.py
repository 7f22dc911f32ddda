"""Pilot: "Not today" (Home, s) records the reason the person picked, by the letter they saw.

Each reason is picked by its own first letter, drawn underlined; the record holds the reason
whose label starts with the letter typed ("t" is "tired", never "time"). On a day said "not
today", the coach on Home asks nothing of today."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import Static

from mastery_tui.domain.models import WeekPlan
from mastery_tui.screens.home import HomeScreen
from mastery_tui.screens.not_today import NotTodayScreen
from mastery_tui.widgets.choice import Choice
from tests.conftest import START
from tests.factories import practice, task, week

OLD = START - timedelta(days=30)

# Written out, not read from the dialog: a change of letters must fail here.
LETTERS = {
    "t": ("fatigue", "tired"),
    "p": ("perfectionism", "perfectionism"),
    "n": ("time", "no time"),
    "e": ("environment", "environment"),
    "f": ("fear", "fear"),
    "o": ("other", "other"),
}


def a_week_with_today_planned(store) -> WeekPlan:
    walk = task("Walk 5 minutes", now=OLD, store=store, minutes=5, difficulty=20)
    first = store.clock.now().date() - timedelta(days=2)
    return week(first.isoformat(), store=store, assignments=((3, walk.id),))


@pytest.mark.parametrize("letter", list(LETTERS))
async def test_each_letter_records_the_reason_it_is_shown_beside(letter, seen_store, run_app, reopen):
    plan = a_week_with_today_planned(seen_store)
    reason, label = LETTERS[letter]
    async with run_app(seen_store) as ui:
        await ui.keys("s", letter)  # one after the other, as a burst would bring them
        dialog = ui.screen
        assert isinstance(dialog, NotTodayScreen)
        chosen = dialog.query_one("#not-today-reason", Choice)
        assert f"(•) {label}" in chosen.render().plain  # what the person sees picked
        await ui.keys("enter")
        assert isinstance(ui.screen, HomeScreen)
    saved = reopen().get(WeekPlan, plan.id)
    assert saved is not None and saved.skips == ((3, reason, ""),)


async def test_the_letters_are_shown_and_the_hint_names_one(seen_store, run_app):
    a_week_with_today_planned(seen_store)
    async with run_app(seen_store) as ui:
        await ui.keys("s")
        dialog = ui.screen
        rendered = dialog.query_one("#not-today-reason", Choice).render()
        underlined = [
            rendered.plain[span.start : span.end] for span in rendered.spans if "underline" in str(span.style)
        ]
        assert underlined == list(LETTERS)  # each label's first letter, in the order shown
        assert rendered.plain.count("\n") == 0  # one line at 80 columns
        hint = str(dialog.query_one(".dialog-hint", Static).content)
        assert "t: tired" in hint


def test_a_choice_refuses_letters_that_mislead():
    with pytest.raises(ValueError, match="share a key"):
        Choice([("t", "time", "time"), ("t", "fatigue", "tired")])
    with pytest.raises(ValueError, match="starts with its key"):
        Choice([("f", "fatigue", "tired"), ("t", "time", "time")], keys_shown=True)


async def test_on_a_day_said_not_today_the_coach_asks_nothing_of_today(seen_store, run_app):
    """Three easy dones would bring "a bit harder" (or another task for today); after "not
    today" Home's coach line says rest is allowed, and c still opens the coach on request."""
    a_week_with_today_planned(seen_store)
    now = seen_store.clock.now()
    stretch = task("Stretch 2 minutes", now=OLD, store=seen_store, minutes=2, difficulty=10)
    for days in (1, 2, 3):
        practice(now - timedelta(days=days, hours=1), task=stretch, spent=2, mood=(50, 55),
                 confidence=(50, 60), difficulty=15, completion="yes", store=seen_store)  # fmt: skip
    async with run_app(seen_store) as ui:
        home = ui.screen
        assert "harder" in str(home.query_one("#home-coach-title", Static).content).lower()
        await ui.keys("s", "t", "enter")
        assert isinstance(ui.screen, HomeScreen)
        title = str(home.query_one("#home-coach-title", Static).content)
        body = str(home.query_one("#home-coach", Static).content)
        assert "harder" not in (title + body).lower() and "for today" not in body
        assert "not today" in body.lower()
        await ui.keys("c")  # asked for: the coach still opens
        assert not isinstance(ui.screen, HomeScreen)



async def test_after_not_today_home_invites_nothing_and_the_coach_key_waits(seen_store, run_app):
    """No practice this week (the coach has nothing yet): after "not today" the counts line
    doesn't invite a task, and c says the coach can wait."""
    a_week_with_today_planned(seen_store)
    async with run_app(seen_store) as ui:
        home = ui.screen
        assert str(home.query_one("#home-counts", Static).content).endswith("One tiny task today is a fine start.")
        await ui.keys("s", "enter", "c")
        assert ui.screen is home
        assert "fine start" not in str(home.query_one("#home-counts", Static).content)
        assert ui.notes()[-1] == "Not today, and that's allowed: the coach can wait."
