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
    keys,
    open_brainstorm,
    option_texts,
    text_of,
    write,
)


async def test_done_means(seen_store, make_app, data_dir, clock):
    """From Home: create an area, add 5 tasks by keyboard (one from the example library), plan
    one for today, split one, archive one; restart: all of it is there, Home shows today's."""
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_brainstorm(pilot)
        await keys(pilot, "n")
        await write(pilot, "Health")
        await keys(pilot, "enter")
        assert screen.current_area is not None and screen.current_area.name == "Health"
        health = screen.current_area.id
        await keys(pilot, "right")
        assert text_of(screen, "#bs-count") == "No ideas yet — aim for 5 to 10 tiny ones"

        await add_task(pilot, "Drink water", minutes="2")
        await add_task(pilot, "Stretch", minutes="5")
        await add_task(pilot, "Book dentist")
        await add_task(pilot, "Tidy shelf")
        await keys(pilot, "x")
        assert isinstance(app.screen, ExamplesScreen)
        await write(pilot, "sit out")
        await keys(pilot, "enter")
        form = app.screen
        assert isinstance(form, TaskFormScreen)
        assert form.query_one("#task-title", Input).value == "Sit outside for 5–10 minutes"
        await keys(pilot, "ctrl+s")
        assert active_titles(seen_store, health) == [
            "Drink water",
            "Stretch",
            "Book dentist",
            "Tidy shelf",
            "Sit outside for 5–10 minutes",
        ]
        assert text_of(screen, "#bs-count") == "5 ideas — a good list"

        # Plan "Stretch" for today (Monday) at 07:30.
        await keys(pilot, "home", "down", "e")
        form = app.screen
        assert isinstance(form, TaskFormScreen)
        form.query_one("#task-days").focus()
        await keys(pilot, "t", "tab")
        await write(pilot, "7:30")
        await keys(pilot, "tab")
        await write(pilot, "mat out")
        assert text_of(form, "#task-plan") == "Mon at 07:30 — 5 min stretch, mat out"
        await keys(pilot, "enter")  # enter on the last field saves
        assert isinstance(app.screen, BrainstormScreen)

        # Split "Book dentist" into two steps.
        await keys(pilot, "down", "s")
        assert isinstance(app.screen, SplitScreen)
        await write(pilot, "Find number")
        await keys(pilot, "enter")
        await write(pilot, "Call them")
        await keys(pilot, "enter", "enter")  # enter on the empty third step splits
        assert isinstance(app.screen, BrainstormScreen)

        # Archive "Tidy shelf".
        tidy = next(t for t in screen._tasks if t.title == "Tidy shelf")
        listing = screen.query_one("#bs-tasks", OptionList)
        listing.highlighted = listing.get_option_index(tidy.id)
        await keys(pilot, "a")

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

    again = make_app(store)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, HomeScreen)
        today = text_of(again.screen, "#home-today")
        assert "07:30" in today and "Stretch" in today
        screen = await open_brainstorm(pilot)
        assert any(text.startswith("Health") for text in option_texts(screen, "#bs-areas"))
