"""Pilot: the whole of issue 3's "done means", by keyboard, then a restart on the same data."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from mastery_tui.screens.brainstorm import BrainstormScreen
from mastery_tui.screens.examples import ExamplesScreen
from mastery_tui.screens.home import HomeScreen
from mastery_tui.screens.split import SplitScreen
from mastery_tui.screens.task_form import TaskFormScreen
from mastery_tui.store import Store

from .brainstorm_helpers import (
    active_titles,
    add_task,
    open_brainstorm,
    option_texts,
    text_of,
)


async def test_done_means(seen_store, run_app, data_dir, clock):
    """From Home: create an area, add 5 tasks by keyboard (one from the example library), plan
    one for today, split one, archive one; restart: all of it is there, Home shows today's."""
    async with run_app(seen_store) as ui:
        screen = await open_brainstorm(ui)
        await ui.keys("n")
        await ui.write("Health")
        await ui.keys("enter")
        assert screen.current_area is not None and screen.current_area.name == "Health"
        health = screen.current_area.id
        await ui.keys("right")
        assert text_of(screen, "#bs-count") == "No ideas yet — aim for 5 to 10 tiny ones"

        await add_task(ui, "Drink water", minutes="2")
        await add_task(ui, "Stretch", minutes="5")
        await add_task(ui, "Book dentist")
        await add_task(ui, "Tidy shelf")
        await ui.keys("x")
        assert isinstance(ui.screen, ExamplesScreen)
        await ui.write("sit out")
        await ui.keys("enter")
        form = ui.screen
        assert isinstance(form, TaskFormScreen)
        assert form.query_one("#task-title", Input).value == "Sit outside for 5–10 minutes"
        await ui.keys("ctrl+s")  # the bad-day question is the person's to answer, even for an example
        assert ui.screen is form and ui.app.focused is form.query_one("#task-bad-day")
        await ui.keys("y", "ctrl+s")
        assert active_titles(seen_store, health) == [
            "Drink water",
            "Stretch",
            "Book dentist",
            "Tidy shelf",
            "Sit outside for 5–10 minutes",
        ]
        assert text_of(screen, "#bs-count") == "5 ideas — a good list"

        # Plan "Stretch" for today (Monday) at 07:30.
        await ui.keys("home", "down", "e")
        form = ui.screen
        assert isinstance(form, TaskFormScreen)
        form.query_one("#task-days").focus()
        await ui.keys("t", "tab")
        await ui.write("7:30")
        await ui.keys("tab")
        await ui.write("mat out")
        assert text_of(form, "#task-plan") == "Mon at 07:30 — 5 min stretch, mat out"
        await ui.keys("enter")  # enter on the last field saves
        assert isinstance(ui.screen, BrainstormScreen)

        # Split "Book dentist" into two steps.
        await ui.keys("down", "s")
        assert isinstance(ui.screen, SplitScreen)
        await ui.write("Find number")
        await ui.keys("enter")
        await ui.write("Call them")
        await ui.keys("enter", "enter")  # enter on the empty third step splits
        assert isinstance(ui.screen, BrainstormScreen)

        # Archive "Tidy shelf".
        tidy = next(t for t in screen._tasks if t.title == "Tidy shelf")
        listing = screen.query_one("#bs-tasks", OptionList)
        listing.highlighted = listing.get_option_index(tidy.id)
        await ui.keys("a")

    store = Store.open(data_dir, clock)
    assert active_titles(store, health) == [
        "Drink water",
        "Stretch",
        "Find number",
        "Call them",
        "Sit outside for 5–10 minutes",
    ]
    archived = {t.title for t in store.tasks(area_id=health, include_archived=True) if t.archived}
    assert archived == {"Book dentist", "Tidy shelf"}
    stretch = next(t for t in store.tasks(area_id=health) if t.title.startswith("Stretch"))
    assert (stretch.plan.days, stretch.plan.time, stretch.plan.ready) == ((0,), "07:30", "mat out")

    async with run_app(store) as ui:
        assert isinstance(ui.screen, HomeScreen)
        today = text_of(ui.screen, "#home-today")
        assert "07:30" in today and "Stretch" in today
        screen = await open_brainstorm(ui)
        assert any(text.startswith("Health") for text in option_texts(screen, "#bs-areas"))
