"""Pilot: life areas, the example library, the command palette, layout at 80x24, Home's plans."""

from __future__ import annotations

from textual.widgets import Input

from mastery_tui.domain.models import Plan
from mastery_tui.screens.brainstorm import BrainstormScreen
from mastery_tui.screens.examples import ExamplesScreen
from mastery_tui.screens.home import HomeScreen
from mastery_tui.screens.name_prompt import NamePrompt
from mastery_tui.screens.split import SplitScreen
from mastery_tui.screens.task_form import TaskFormScreen
from mastery_tui.widgets.rating import RatingSlider
from tests.factories import DAILY, task, tasks

from .brainstorm_helpers import (
    THREE,
    TO_DAILY,
    active_titles,
    fill,
    open_brainstorm,
    option_texts,
    text_of,
    to_daily,
)


async def test_areas_add_rename_archive_restore(seen_store, run_app):
    async with run_app(seen_store) as ui:
        screen = await open_brainstorm(ui)
        await ui.keys("n")
        prompt = ui.screen
        assert isinstance(prompt, NamePrompt)
        await ui.write("creative")
        await ui.keys("enter")
        assert ui.screen is prompt
        assert "already have a life area" in text_of(prompt, "#prompt-error")
        fill(prompt, "#prompt-input", "Health")
        await ui.keys("enter")
        assert screen.current_area.name == "Health"
        await ui.keys("r")
        fill(ui.screen, "#prompt-input", "Health & body")
        await ui.keys("enter")
        assert screen.current_area.name == "Health & body"
        await ui.keys("a")
        names = [a.name for a in seen_store.areas()]
        assert "Health & body" not in names
        await ui.keys("v")
        assert any("archived" in text for text in option_texts(screen, "#bs-areas"))
        await ui.keys("end", "a")
        assert "Health & body" in [a.name for a in seen_store.areas()]


async def test_examples_search_and_close(seen_store, run_app):
    async with run_app(seen_store) as ui:
        await to_daily(ui)
        await ui.keys("x")
        library = ui.screen
        assert isinstance(library, ExamplesScreen)
        assert option_texts(library, "#examples-list")[0] == "Daily living"
        await ui.write("zzz")
        assert option_texts(library, "#examples-list")[0].startswith("Nothing matches")
        await ui.keys("enter")  # nothing to choose: stays open
        assert ui.screen is library
        await ui.keys("escape")
        assert isinstance(ui.screen, BrainstormScreen)
        await ui.keys("x", "down", "enter")
        form = ui.screen
        assert isinstance(form, TaskFormScreen)
        assert form.query_one("#task-title", Input).value == "Wash one set of dishes"
        assert form.query_one("#task-minutes", Input).value == "5"
        assert form.query_one(RatingSlider).value == 15


async def test_command_palette_reaches_the_actions(seen_store, run_app):
    tasks(seen_store, THREE)
    async with run_app(seen_store) as ui:
        await ui.palette("brain")
        screen = ui.screen
        assert isinstance(screen, BrainstormScreen)
        await ui.keys(*TO_DAILY)
        for command, opens in (("new t", TaskFormScreen), ("split", SplitScreen)):
            await ui.palette(command)
            assert isinstance(ui.screen, opens), command
            await ui.keys("escape")
            assert ui.screen is screen
        await ui.palette("move d")
    assert active_titles(seen_store, DAILY) == ["Walk 5 minutes", "Wash dishes", "Check one bill"]


async def test_every_brainstorm_key_has_a_palette_command(seen_store, run_app):
    """Every action on data (not moving around) is in the palette, with its own title."""
    from tests.kit import palette_titles

    tasks(seen_store, THREE)
    async with run_app(seen_store) as ui:
        await to_daily(ui)
        titles = palette_titles(ui.app)
        await ui.keys("v")  # archived shown: "Hide archived" applies now
        titles |= palette_titles(ui.app)
    wanted = {
        "New life area", "Rename life area", "Archive life area", "New task", "Edit task",
        "Split task", "Archive task", "Delete task", "Move task up", "Move task down",
        "Example library", "Show archived", "Hide archived",
    }
    assert wanted <= titles, wanted - titles


async def test_form_fields_all_reachable_at_80x24(seen_store, run_app):
    async with run_app(seen_store) as ui:
        await to_daily(ui)
        await ui.keys("n")
        form = ui.screen
        for selector in ("#task-title", "#task-minutes", "#task-difficulty", "#task-bad-day",
                         "#task-days", "#task-time", "#task-ready"):
            widget = form.query_one(selector)
            widget.focus()
            await ui.settle()
            region = widget.region
            assert region.height >= 1 and region.width >= 10, selector
            assert 0 <= region.y and region.bottom <= 23, (selector, region)  # above the footer


async def test_form_scrolls_on_a_short_terminal(seen_store, run_app):
    async with run_app(seen_store, size=(80, 14)) as ui:
        await to_daily(ui)
        await ui.keys("n")
        ready = ui.screen.query_one("#task-ready")
        ready.focus()
        await ui.settle()
        assert 0 <= ready.region.y and ready.region.bottom <= 13


async def test_q_in_a_form_does_not_quit(seen_store, run_app):
    async with run_app(seen_store) as ui:
        await to_daily(ui)
        await ui.keys("n", "tab", "tab", "q")
        assert ui.app.is_running and isinstance(ui.screen, TaskFormScreen)


async def test_home_lists_todays_plans_in_time_order(seen_store, run_app):
    plans = [("Evening walk", Plan(days=(0,), time="19:00")), ("Morning water", Plan(time="07:00")),
             ("Any time read", Plan(days=(0, 2))), ("Tuesday only", Plan(days=(1,))),
             ("Late stretch", Plan(days=(0,), time="22:00"))]
    seen_store.save(*(task(t, plan=p) for t, p in plans))
    async with run_app(seen_store) as ui:
        assert isinstance(ui.screen, HomeScreen)
        lines = text_of(ui.screen, "#home-today").splitlines()
        assert [line.split()[0] for line in lines[:3]] == ["07:00", "19:00", "22:00"]
        assert lines[3] == "and 1 more (n shows them all)"
        assert not any("Tuesday" in line for line in lines)


async def test_a_failed_save_is_kind_and_the_form_result_is_not_lost(seen_store, run_app, monkeypatch):
    import errno
    import os

    from mastery_tui.store import files

    real_write = os.write

    def disk_full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    async with run_app(seen_store) as ui:
        await to_daily(ui)
        await ui.keys("n")
        fill(ui.screen, "#task-title", "Walk")
        ui.screen.query_one("#task-bad-day").value = True
        monkeypatch.setattr(files.os, "write", disk_full)
        await ui.keys("ctrl+s")
        monkeypatch.setattr(files.os, "write", real_write)
        # The form stays open with everything typed in it: nothing is lost.
        assert ui.app.is_running and isinstance(ui.screen, TaskFormScreen)
        assert ui.screen.query_one("#task-title", Input).value == "Walk"
        assert any(n.title == "Not saved" for n in ui.app._notifications)
        assert seen_store.tasks(area_id=DAILY) == []
        await ui.keys("ctrl+s")  # room again: saved
        assert isinstance(ui.screen, BrainstormScreen), [n.message for n in ui.app._notifications]
    assert [t.title for t in seen_store.tasks(area_id=DAILY)] == ["Walk"]
