"""Pilot: each task action by keyboard: cancel, enter, sizing, plan, user text, delete, reorder, split."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from mastery_tui.domain.models import Plan
from mastery_tui.screens.brainstorm import BrainstormScreen
from mastery_tui.screens.confirm import ConfirmScreen
from mastery_tui.screens.split import SplitScreen
from mastery_tui.screens.task_form import TaskFormScreen
from mastery_tui.widgets.days import DaysPicker
from mastery_tui.widgets.rating import RatingSlider
from mastery_tui.widgets.yesno import YesNo
from tests.factories import DAILY, area, tasks

from .brainstorm_helpers import THREE, active_titles, fill, option_texts, text_of, to_daily


async def test_escape_on_a_filled_form_asks_then_keeps_the_list(seen_store, run_app):
    tasks(seen_store, THREE)
    async with run_app(seen_store) as ui:
        screen = await to_daily(ui)
        await ui.keys("down")
        await ui.keys("n")
        await ui.write("Never saved")
        await ui.keys("escape")
        assert isinstance(ui.screen, ConfirmScreen)  # something was typed: asked first
        await ui.keys("n")  # keep editing
        assert isinstance(ui.screen, TaskFormScreen)
        await ui.keys("escape", "y")  # discard
        assert ui.screen is screen
        assert screen.current_task is not None and screen.current_task.title == "Walk 5 minutes"
        await ui.keys("e", "escape")  # nothing changed: no question
        assert ui.screen is screen
        await ui.keys("e")
        fill(ui.screen, "#task-title", "Changed my mind")
        await ui.keys("escape", "y")
        assert ui.screen is screen
    assert active_titles(seen_store, DAILY) == ["Wash dishes", "Walk 5 minutes", "Check one bill"]


async def test_enter_walks_the_fields_and_saves_on_the_last(seen_store, run_app):
    async with run_app(seen_store) as ui:
        await to_daily(ui)
        await ui.keys("n")
        form = ui.screen
        await ui.write("Fold laundry")
        order = [Input, Input, RatingSlider, YesNo, DaysPicker, Input, Input]
        for expected in order:
            assert isinstance(ui.app.focused, expected), ui.app.focused
            if ui.app.focused.id == "task-ready":
                break
            if isinstance(ui.app.focused, YesNo):
                assert ui.app.focused.value is None  # unanswered until the person answers
                await ui.keys("y")
            await ui.keys("enter")
        assert ui.screen is form
        await ui.keys("enter")
        assert isinstance(ui.screen, BrainstormScreen)
    assert active_titles(seen_store, DAILY) == ["Fold laundry"]


async def test_sizing_note_guides_but_never_blocks(seen_store, run_app):
    async with run_app(seen_store) as ui:
        await to_daily(ui)
        await ui.keys("n")
        form = ui.screen
        fill(form, "#task-title", "Clean the whole flat")
        await ui.settle()
        assert text_of(form, "#task-sizing").startswith("A good size")
        fill(form, "#task-minutes", "90")
        await ui.settle()
        assert "90 minutes is a lot to start with" in text_of(form, "#task-sizing")
        form.query_one("#task-difficulty").focus()
        await ui.keys("end")
        assert "difficulty 100 is a big stretch" in text_of(form, "#task-sizing")
        await ui.keys("tab", "n")
        note = text_of(form, "#task-sizing")
        assert "might not fit a bad day" in note and "smaller version" in note
        assert "fail" not in note.casefold()
        await ui.keys("ctrl+s")
        assert isinstance(ui.screen, BrainstormScreen)
    saved = seen_store.tasks(area_id=DAILY)[0]
    assert (saved.minutes, saved.difficulty, saved.bad_day_ok) == (90, 100, False)


async def test_a_time_that_doesnt_read_is_explained_and_nothing_is_saved(seen_store, run_app):
    async with run_app(seen_store) as ui:
        await to_daily(ui)
        await ui.keys("n")
        form = ui.screen
        fill(form, "#task-title", "Stretch")
        fill(form, "#task-time", "25:99")
        await ui.keys("ctrl+s")
        assert ui.screen is form
        assert "19:30" in text_of(form, "#task-error")
        assert ui.app.focused is form.query_one("#task-time")
        fill(form, "#task-time", "7pm")
        await ui.keys("ctrl+s")  # then the bad-day question, left unanswered
        assert "bad day" in text_of(form, "#task-error")
        await ui.keys("n", "ctrl+s")
        assert isinstance(ui.screen, BrainstormScreen)
    assert seen_store.tasks(area_id=DAILY)[0].plan.time == "19:00"


async def test_empty_title_is_refused_kindly(seen_store, run_app):
    async with run_app(seen_store) as ui:
        await to_daily(ui)
        await ui.keys("n", "ctrl+s")
        assert isinstance(ui.screen, TaskFormScreen)
        assert text_of(ui.screen, "#task-error") == "Title can't be empty."


async def test_plan_sentence_is_live(seen_store, run_app):
    async with run_app(seen_store) as ui:
        await to_daily(ui)
        await ui.keys("n")
        form = ui.screen
        fill(form, "#task-title", "Study")
        fill(form, "#task-minutes", "20")
        form.query_one("#task-days").focus()
        await ui.keys("1", "3", "5")
        fill(form, "#task-time", "19:30")
        fill(form, "#task-ready", "phone in another room")
        await ui.settle()
        assert text_of(form, "#task-plan") == "Mon, Wed, Fri at 19:30 — 20 min study, phone in another room"
        await ui.keys("a")  # any day again
        assert text_of(form, "#task-plan").startswith("Any day at 19:30 —")


async def test_user_text_is_shown_literally(seen_store, run_app):
    area("[b]Mine[/b]", order=9, store=seen_store)
    tasks(seen_store, ("[TODO] call [red]mum[/red]",), plan=Plan(days=(0,), time="08:00", ready="[i]tea[/i]"))
    async with run_app(seen_store) as ui:
        assert "[TODO] call [red]mum[/red]" in text_of(ui.screen, "#home-today")
        screen = await to_daily(ui)
        assert any("[b]Mine[/b]" in text for text in option_texts(screen, "#bs-areas"))
        assert option_texts(screen, "#bs-tasks")[0].startswith("[TODO] call [red]mum[/red]")
        assert "[TODO] call [red]mum[/red], [i]tea[/i]" in text_of(screen, "#bs-detail")
        await ui.keys("e")
        assert ui.screen.query_one("#task-title", Input).value == "[TODO] call [red]mum[/red]"
        assert "[TODO] call [red]mum[/red]" in text_of(ui.screen, "#task-plan")
        await ui.keys("escape", "d")
        assert "[TODO] call [red]mum[/red]" in text_of(ui.screen, "#confirm-message")


async def test_delete_asks_first(seen_store, run_app):
    tasks(seen_store, THREE)
    async with run_app(seen_store) as ui:
        await to_daily(ui)
        await ui.keys("d")
        assert isinstance(ui.screen, ConfirmScreen)
        await ui.keys("n")
        await ui.keys("d", "escape")
        await ui.keys("d", "enter")  # the safe button has the focus
        assert len(seen_store.tasks(area_id=DAILY)) == 3
        await ui.keys("delete", "y")
        assert isinstance(ui.screen, BrainstormScreen)
        assert ui.screen.current_task.title == "Walk 5 minutes"
    assert active_titles(seen_store, DAILY) == ["Walk 5 minutes", "Check one bill"]


async def test_reorder_with_keys(seen_store, run_app):
    tasks(seen_store, THREE)
    async with run_app(seen_store) as ui:
        await to_daily(ui)
        await ui.keys("shift+up")  # already at the top
        await ui.keys("shift+down")
        assert active_titles(seen_store, DAILY) == ["Walk 5 minutes", "Wash dishes", "Check one bill"]
        await ui.keys("shift+down")
        assert active_titles(seen_store, DAILY) == ["Walk 5 minutes", "Check one bill", "Wash dishes"]
        assert ui.screen.current_task.title == "Wash dishes"
        await ui.keys("shift+down")  # already at the bottom
        await ui.keys("shift+up", "shift+up")
    assert active_titles(seen_store, DAILY) == ["Wash dishes", "Walk 5 minutes", "Check one bill"]


async def test_archive_show_and_restore_a_task(seen_store, run_app):
    tasks(seen_store, THREE)
    async with run_app(seen_store) as ui:
        screen = await to_daily(ui)
        await ui.keys("a")
        assert active_titles(seen_store, DAILY) == ["Walk 5 minutes", "Check one bill"]
        assert len(screen.query_one("#bs-tasks", OptionList).options) == 2
        assert text_of(screen, "#bs-count") == "2 ideas so far — more whenever they come"
        await ui.keys("v")
        assert option_texts(screen, "#bs-tasks")[-1].startswith("(archived) Wash dishes")
        await ui.keys("end", "a")  # on an archived task, a restores
        assert "Wash dishes" in active_titles(seen_store, DAILY)
        await ui.keys("v")
        assert len(screen.query_one("#bs-tasks", OptionList).options) == 3


async def test_split_needs_two_steps_and_escape_changes_nothing(seen_store, run_app):
    tasks(seen_store, THREE)
    async with run_app(seen_store) as ui:
        await to_daily(ui)
        await ui.keys("s")
        split = ui.screen
        assert isinstance(split, SplitScreen)
        fill(split, "#step-1", "Only one")
        await ui.keys("ctrl+s")
        assert ui.screen is split
        assert text_of(split, "#split-error") == "Write 1 more step to split it."
        await ui.keys("escape", "y")  # a step was written: asked, then discarded
        assert isinstance(ui.screen, BrainstormScreen)
    assert active_titles(seen_store, DAILY) == ["Wash dishes", "Walk 5 minutes", "Check one bill"]


async def test_split_keeps_place_and_original_is_restorable(seen_store, run_app):
    tasks(seen_store, THREE)
    async with run_app(seen_store) as ui:
        await to_daily(ui)
        await ui.keys("down", "s")
        fill(ui.screen, "#step-1", "Shoes on")
        fill(ui.screen, "#step-2", "Round the block")
        await ui.keys("ctrl+s")
        assert active_titles(seen_store, DAILY) == ["Wash dishes", "Shoes on", "Round the block", "Check one bill"]
        await ui.keys("v", "end", "a")
    assert "Walk 5 minutes" in active_titles(seen_store, DAILY)


async def test_quitting_from_the_form_keeps_a_draft_that_comes_back(seen_store, run_app, data_dir, clock):
    from mastery_tui.screens.drafts import DraftScreen
    from mastery_tui.store import Store

    async with run_app(seen_store) as ui:
        await to_daily(ui)
        await ui.keys("n")
        fill(ui.screen, "#task-title", "Half-typed but real")
        await ui.keys("ctrl+q")
    store = Store.open(data_dir, clock)
    assert active_titles(store, DAILY) == []  # not saved as a task: the person didn't save it
    async with run_app(store) as ui:
        assert isinstance(ui.screen, DraftScreen)
        await ui.keys("enter")  # reopen: the form, exactly as it was
        assert isinstance(ui.screen, TaskFormScreen)
        assert ui.screen.query_one("#task-title", Input).value == "Half-typed but real"
        await ui.keys("ctrl+s", "y", "ctrl+s")
    assert active_titles(Store.open(data_dir, clock), DAILY) == ["Half-typed but real"]
