"""Pilot: each task action by keyboard: cancel, enter, sizing, plan, user text, delete, reorder, split."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from mastery_tui.domain.models import Area, Plan
from mastery_tui.screens.brainstorm import BrainstormScreen
from mastery_tui.screens.confirm import ConfirmScreen
from mastery_tui.screens.split import SplitScreen
from mastery_tui.screens.task_form import TaskFormScreen
from mastery_tui.widgets.days import DaysPicker
from mastery_tui.widgets.rating import RatingSlider
from mastery_tui.widgets.yesno import YesNo

from .brainstorm_helpers import (
    DAILY,
    active_titles,
    fill,
    keys,
    option_texts,
    seed,
    text_of,
    to_daily,
    write,
)


async def test_escape_on_a_filled_form_asks_then_keeps_the_list(seen_store, make_app):
    seed(seen_store)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await to_daily(pilot)
        await keys(pilot, "down")
        await keys(pilot, "n")
        await write(pilot, "Never saved")
        await keys(pilot, "escape")
        assert isinstance(app.screen, ConfirmScreen)  # something was typed: asked first
        await keys(pilot, "n")  # keep editing
        assert isinstance(app.screen, TaskFormScreen)
        await keys(pilot, "escape", "y")  # discard
        assert app.screen is screen
        assert screen.current_task is not None and screen.current_task.title == "Walk 5 minutes"
        await keys(pilot, "e", "escape")  # nothing changed: no question
        assert app.screen is screen
        await keys(pilot, "e")
        fill(app.screen, "#task-title", "Changed my mind")
        await keys(pilot, "escape", "y")
        assert app.screen is screen
    assert active_titles(seen_store, DAILY) == ["Wash dishes", "Walk 5 minutes", "Check one bill"]


async def test_enter_walks_the_fields_and_saves_on_the_last(seen_store, make_app):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_daily(pilot)
        await keys(pilot, "n")
        form = app.screen
        await write(pilot, "Fold laundry")
        order = [Input, Input, RatingSlider, YesNo, DaysPicker, Input, Input]
        for expected in order:
            assert isinstance(app.focused, expected), app.focused
            if app.focused.id == "task-ready":
                break
            await keys(pilot, "enter")
        assert app.screen is form
        await keys(pilot, "enter")
        assert isinstance(app.screen, BrainstormScreen)
    assert active_titles(seen_store, DAILY) == ["Fold laundry"]


async def test_sizing_note_guides_but_never_blocks(seen_store, make_app):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_daily(pilot)
        await keys(pilot, "n")
        form = app.screen
        fill(form, "#task-title", "Clean the whole flat")
        await pilot.pause()
        assert text_of(form, "#task-sizing").startswith("A good size")
        fill(form, "#task-minutes", "90")
        await pilot.pause()
        assert "90 minutes is a lot to start with" in text_of(form, "#task-sizing")
        form.query_one("#task-difficulty").focus()
        await keys(pilot, "end")
        assert "difficulty 100 is a big stretch" in text_of(form, "#task-sizing")
        await keys(pilot, "tab", "n")
        note = text_of(form, "#task-sizing")
        assert "might not fit a bad day" in note and "smaller version" in note
        assert "fail" not in note.casefold()
        await keys(pilot, "ctrl+s")
        assert isinstance(app.screen, BrainstormScreen)
    saved = seen_store.tasks(area_id=DAILY)[0]
    assert (saved.minutes, saved.difficulty, saved.bad_day_ok) == (90, 100, False)


async def test_a_time_that_doesnt_read_is_explained_and_nothing_is_saved(seen_store, make_app):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_daily(pilot)
        await keys(pilot, "n")
        form = app.screen
        fill(form, "#task-title", "Stretch")
        fill(form, "#task-time", "25:99")
        await keys(pilot, "ctrl+s")
        assert app.screen is form
        assert "19:30" in text_of(form, "#task-error")
        assert app.focused is form.query_one("#task-time")
        fill(form, "#task-time", "7pm")
        await keys(pilot, "ctrl+s")
        assert isinstance(app.screen, BrainstormScreen)
    assert seen_store.tasks(area_id=DAILY)[0].plan.time == "19:00"


async def test_empty_title_is_refused_kindly(seen_store, make_app):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_daily(pilot)
        await keys(pilot, "n", "ctrl+s")
        assert isinstance(app.screen, TaskFormScreen)
        assert text_of(app.screen, "#task-error") == "Title can't be empty."


async def test_plan_sentence_is_live(seen_store, make_app):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_daily(pilot)
        await keys(pilot, "n")
        form = app.screen
        fill(form, "#task-title", "Study")
        fill(form, "#task-minutes", "20")
        form.query_one("#task-days").focus()
        await keys(pilot, "1", "3", "5")
        fill(form, "#task-time", "19:30")
        fill(form, "#task-ready", "phone in another room")
        await pilot.pause()
        assert text_of(form, "#task-plan") == "Mon, Wed, Fri at 19:30 — 20 min study, phone in another room"
        await keys(pilot, "a")  # any day again
        assert text_of(form, "#task-plan").startswith("Any day at 19:30 —")


async def test_user_text_is_shown_literally(seen_store, make_app):
    seen_store.save(Area.new(now=seen_store.clock.now(), name="[b]Mine[/b]", order=9))
    seed(seen_store, titles=("[TODO] call [red]mum[/red]",), plan=Plan(days=(0,), time="08:00", ready="[i]tea[/i]"))
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "[TODO] call [red]mum[/red]" in text_of(app.screen, "#home-today")
        screen = await to_daily(pilot)
        assert any("[b]Mine[/b]" in text for text in option_texts(screen, "#bs-areas"))
        assert option_texts(screen, "#bs-tasks")[0].startswith("[TODO] call [red]mum[/red]")
        assert "[TODO] call [red]mum[/red], [i]tea[/i]" in text_of(screen, "#bs-detail")
        await keys(pilot, "e")
        assert app.screen.query_one("#task-title", Input).value == "[TODO] call [red]mum[/red]"
        assert "[TODO] call [red]mum[/red]" in text_of(app.screen, "#task-plan")
        await keys(pilot, "escape", "d")
        assert "[TODO] call [red]mum[/red]" in text_of(app.screen, "#confirm-message")


async def test_delete_asks_first(seen_store, make_app):
    seed(seen_store)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_daily(pilot)
        await keys(pilot, "d")
        assert isinstance(app.screen, ConfirmScreen)
        await keys(pilot, "n")
        await keys(pilot, "d", "escape")
        await keys(pilot, "d", "enter")  # the safe button has the focus
        assert len(seen_store.tasks(area_id=DAILY)) == 3
        await keys(pilot, "delete", "y")
        assert isinstance(app.screen, BrainstormScreen)
        assert app.screen.current_task.title == "Walk 5 minutes"
    assert active_titles(seen_store, DAILY) == ["Walk 5 minutes", "Check one bill"]


async def test_reorder_with_keys(seen_store, make_app):
    seed(seen_store)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_daily(pilot)
        await keys(pilot, "shift+up")  # already at the top
        await keys(pilot, "shift+down")
        assert active_titles(seen_store, DAILY) == ["Walk 5 minutes", "Wash dishes", "Check one bill"]
        await keys(pilot, "shift+down")
        assert active_titles(seen_store, DAILY) == ["Walk 5 minutes", "Check one bill", "Wash dishes"]
        assert app.screen.current_task.title == "Wash dishes"
        await keys(pilot, "shift+down")  # already at the bottom
        await keys(pilot, "shift+up", "shift+up")
    assert active_titles(seen_store, DAILY) == ["Wash dishes", "Walk 5 minutes", "Check one bill"]


async def test_archive_show_and_restore_a_task(seen_store, make_app):
    seed(seen_store)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await to_daily(pilot)
        await keys(pilot, "a")
        assert active_titles(seen_store, DAILY) == ["Walk 5 minutes", "Check one bill"]
        assert len(screen.query_one("#bs-tasks", OptionList).options) == 2
        assert text_of(screen, "#bs-count") == "2 ideas — 3 more for a good list"
        await keys(pilot, "v")
        assert option_texts(screen, "#bs-tasks")[-1].startswith("(archived) Wash dishes")
        await keys(pilot, "end", "a")  # on an archived task, a restores
        assert "Wash dishes" in active_titles(seen_store, DAILY)
        await keys(pilot, "v")
        assert len(screen.query_one("#bs-tasks", OptionList).options) == 3


async def test_split_needs_two_steps_and_escape_changes_nothing(seen_store, make_app):
    seed(seen_store)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_daily(pilot)
        await keys(pilot, "s")
        split = app.screen
        assert isinstance(split, SplitScreen)
        fill(split, "#step-1", "Only one")
        await keys(pilot, "ctrl+s")
        assert app.screen is split
        assert text_of(split, "#split-error") == "Write 1 more step to split it."
        await keys(pilot, "escape", "y")  # a step was written: asked, then discarded
        assert isinstance(app.screen, BrainstormScreen)
    assert active_titles(seen_store, DAILY) == ["Wash dishes", "Walk 5 minutes", "Check one bill"]


async def test_split_keeps_place_and_original_is_restorable(seen_store, make_app):
    seed(seen_store)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_daily(pilot)
        await keys(pilot, "down", "s")
        fill(app.screen, "#step-1", "Shoes on")
        fill(app.screen, "#step-2", "Round the block")
        await keys(pilot, "ctrl+s")
        assert active_titles(seen_store, DAILY) == ["Wash dishes", "Shoes on", "Round the block", "Check one bill"]
        await keys(pilot, "v", "end", "a")
    assert "Walk 5 minutes" in active_titles(seen_store, DAILY)


async def test_quitting_from_the_form_keeps_a_draft_that_comes_back(seen_store, make_app, data_dir, clock):
    from mastery_tui.screens.drafts import DraftScreen
    from mastery_tui.store import Store

    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_daily(pilot)
        await keys(pilot, "n")
        fill(app.screen, "#task-title", "Half-typed but real")
        await keys(pilot, "ctrl+q")
    store = Store.open(data_dir, clock)
    assert active_titles(store, DAILY) == []  # not saved as a task: the person didn't save it
    again = make_app(store)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, DraftScreen)
        await keys(pilot, "enter")  # reopen: the form, exactly as it was
        assert isinstance(again.screen, TaskFormScreen)
        assert again.screen.query_one("#task-title", Input).value == "Half-typed but real"
        await keys(pilot, "ctrl+s")
    assert active_titles(Store.open(data_dir, clock), DAILY) == ["Half-typed but real"]
