"""Pilot: life areas, the example library, the command palette, layout at 80x24, Home's plans."""

from __future__ import annotations

from textual.widgets import Input

from mastery_tui.domain.models import Plan, Task
from mastery_tui.screens.brainstorm import BrainstormScreen
from mastery_tui.screens.examples import ExamplesScreen
from mastery_tui.screens.home import HomeScreen
from mastery_tui.screens.name_prompt import NamePrompt
from mastery_tui.screens.split import SplitScreen
from mastery_tui.screens.task_form import TaskFormScreen
from mastery_tui.widgets.rating import RatingSlider

from .brainstorm_helpers import (
    DAILY,
    TO_DAILY,
    active_titles,
    fill,
    keys,
    open_brainstorm,
    option_texts,
    seed,
    text_of,
    to_daily,
    write,
)


async def test_areas_add_rename_archive_restore(seen_store, make_app):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_brainstorm(pilot)
        await keys(pilot, "n")
        prompt = app.screen
        assert isinstance(prompt, NamePrompt)
        await write(pilot, "creative")
        await keys(pilot, "enter")
        assert app.screen is prompt
        assert "already have a life area" in text_of(prompt, "#prompt-error")
        fill(prompt, "#prompt-input", "Health")
        await keys(pilot, "enter")
        assert screen.current_area.name == "Health"
        await keys(pilot, "r")
        fill(app.screen, "#prompt-input", "Health & body")
        await keys(pilot, "enter")
        assert screen.current_area.name == "Health & body"
        await keys(pilot, "a")
        names = [a.name for a in seen_store.areas()]
        assert "Health & body" not in names
        await keys(pilot, "v")
        assert any("archived" in text for text in option_texts(screen, "#bs-areas"))
        await keys(pilot, "end", "a")
        assert "Health & body" in [a.name for a in seen_store.areas()]


async def test_examples_search_and_close(seen_store, make_app):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_daily(pilot)
        await keys(pilot, "x")
        library = app.screen
        assert isinstance(library, ExamplesScreen)
        assert option_texts(library, "#examples-list")[0] == "Daily living"
        await write(pilot, "zzz")
        assert option_texts(library, "#examples-list")[0].startswith("Nothing matches")
        await keys(pilot, "enter")  # nothing to choose: stays open
        assert app.screen is library
        await keys(pilot, "escape")
        assert isinstance(app.screen, BrainstormScreen)
        await keys(pilot, "x", "down", "enter")
        form = app.screen
        assert isinstance(form, TaskFormScreen)
        assert form.query_one("#task-title", Input).value == "Wash one set of dishes"
        assert form.query_one("#task-minutes", Input).value == "5"
        assert form.query_one(RatingSlider).value == 15


async def test_command_palette_reaches_the_actions(seen_store, make_app):
    seed(seen_store)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await keys(pilot, "ctrl+p")
        await write(pilot, "brain")
        await pilot.pause(0.3)
        await keys(pilot, "enter")
        screen = app.screen
        assert isinstance(screen, BrainstormScreen)
        await keys(pilot, *TO_DAILY)
        for command, opens in (("new t", TaskFormScreen), ("split", SplitScreen)):
            await keys(pilot, "ctrl+p")
            await write(pilot, command)
            await pilot.pause(0.3)
            await keys(pilot, "enter")
            assert isinstance(app.screen, opens), command
            await keys(pilot, "escape")
            assert app.screen is screen
        await keys(pilot, "ctrl+p")
        await write(pilot, "move d")
        await pilot.pause(0.3)
        await keys(pilot, "enter")
    assert active_titles(seen_store, DAILY) == ["Walk 5 minutes", "Wash dishes", "Check one bill"]


async def test_every_brainstorm_key_has_a_palette_command(seen_store, make_app):
    """Every action on data (not moving around) is in the palette, with its own title."""
    from tests.kit import palette_titles

    seed(seen_store)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_daily(pilot)
        titles = palette_titles(app)
        await keys(pilot, "v")  # archived shown: "Hide archived" applies now
        titles |= palette_titles(app)
    wanted = {
        "New life area", "Rename life area", "Archive life area", "New task", "Edit task",
        "Split task", "Archive task", "Delete task", "Move task up", "Move task down",
        "Example library", "Show archived", "Hide archived",
    }
    assert wanted <= titles, wanted - titles


async def test_form_fields_all_reachable_at_80x24(seen_store, make_app):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_daily(pilot)
        await keys(pilot, "n")
        form = app.screen
        for selector in ("#task-title", "#task-minutes", "#task-difficulty", "#task-bad-day",
                         "#task-days", "#task-time", "#task-ready"):
            widget = form.query_one(selector)
            widget.focus()
            await pilot.pause()
            region = widget.region
            assert region.height >= 1 and region.width >= 10, selector
            assert 0 <= region.y and region.bottom <= 23, (selector, region)  # above the footer


async def test_form_scrolls_on_a_short_terminal(seen_store, make_app):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 14)) as pilot:
        await to_daily(pilot)
        await keys(pilot, "n")
        ready = app.screen.query_one("#task-ready")
        ready.focus()
        await pilot.pause()
        assert 0 <= ready.region.y and ready.region.bottom <= 13


async def test_q_in_a_form_does_not_quit(seen_store, make_app):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_daily(pilot)
        await keys(pilot, "n", "tab", "tab", "q")
        assert app.is_running and isinstance(app.screen, TaskFormScreen)


async def test_home_lists_todays_plans_in_time_order(seen_store, make_app):
    now = seen_store.clock.now()
    plans = [("Evening walk", Plan(days=(0,), time="19:00")), ("Morning water", Plan(time="07:00")),
             ("Any time read", Plan(days=(0, 2))), ("Tuesday only", Plan(days=(1,))),
             ("Late stretch", Plan(days=(0,), time="22:00"))]
    seen_store.save(*(Task.new(now=now, title=t, area_id=DAILY, plan=p) for t, p in plans))
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        lines = text_of(app.screen, "#home-today").splitlines()
        assert [line.split()[0] for line in lines[:3]] == ["07:00", "19:00", "22:00"]
        assert lines[3] == "and 1 more (n shows them all)"
        assert not any("Tuesday" in line for line in lines)


async def test_a_failed_save_is_kind_and_the_form_result_is_not_lost(seen_store, make_app, monkeypatch):
    import errno
    import os

    from mastery_tui.store import files

    real_write = os.write

    def disk_full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_daily(pilot)
        await keys(pilot, "n")
        fill(app.screen, "#task-title", "Walk")
        monkeypatch.setattr(files.os, "write", disk_full)
        await keys(pilot, "ctrl+s")
        monkeypatch.setattr(files.os, "write", real_write)
        # The form stays open with everything typed in it: nothing is lost.
        assert app.is_running and isinstance(app.screen, TaskFormScreen)
        assert app.screen.query_one("#task-title", Input).value == "Walk"
        assert any(n.title == "Not saved" for n in app._notifications)
        assert seen_store.tasks(area_id=DAILY) == []
        await keys(pilot, "ctrl+s")  # room again: saved
        assert isinstance(app.screen, BrainstormScreen), [n.message for n in app._notifications]
    assert [t.title for t in seen_store.tasks(area_id=DAILY)] == ["Walk"]
