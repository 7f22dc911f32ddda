"""Pilot: the bad-day answer is only ever the person's. A quick practice kept as a task asks
it (escape leaves it unsaid); a task whose answer isn't said yet opens unanswered in the form,
and ctrl+s asks for it there as for a new task."""

from __future__ import annotations

import pytest

from mastery_tui.domain.models import Task
from mastery_tui.screens.ask import AskScreen
from mastery_tui.screens.practice.acknowledge import AcknowledgeScreen
from mastery_tui.screens.practice.choose import QuickTaskScreen
from mastery_tui.screens.task_form import BAD_DAY_UNANSWERED, TaskFormScreen
from mastery_tui.store import Store
from mastery_tui.widgets.yesno import YesNo
from tests.factories import task

from .brainstorm_helpers import to_daily
from .practice_helpers import before_and_timer


@pytest.mark.parametrize(("key", "answer"), [("y", True), ("n", False), ("escape", None)])
async def test_a_quick_practice_kept_as_a_task_asks_the_bad_day_question(
    key, answer, seen_store, run_app, clock, data_dir
):
    async with run_app(seen_store) as ui:
        await ui.keys("n", "ctrl+n")
        assert isinstance(ui.screen, QuickTaskScreen)
        await ui.keys(*"Sit outside", "enter", "backspace", "backspace", "5", "enter")
        await before_and_timer(ui, clock, mood="50", confidence="50", minutes_spent=5)
        await ui.keys("ctrl+s", "enter")  # done; the ratings after (and how hard it felt): not rated
        assert isinstance(ui.screen, AskScreen)
        await ui.keys("y")  # keep it as a task
        question = ui.screen
        assert isinstance(question, AskScreen)
        assert "could you do \u201cSit outside\u201d on a bad day" in str(question.query_one("#ask-question").content)
        assert "starts at 30" in str(question.query_one("#ask-detail").content)  # said, not hidden
        await ui.keys(key)
        assert isinstance(ui.screen, AcknowledgeScreen)
    [kept] = Store.open(data_dir, clock).all(Task)
    assert (kept.title, kept.minutes, kept.bad_day_ok) == ("Sit outside", 5, answer)
    [practice] = Store.open(data_dir, clock).practices()
    assert practice.task_id == kept.id  # it counts for the task it became


async def test_a_task_with_the_answer_unsaid_opens_unanswered_and_asks_for_it(seen_store, run_app, reopen):
    unsaid = task("Walk 5 minutes", bad_day_ok=None, store=seen_store)
    async with run_app(seen_store) as ui:
        await to_daily(ui)
        await ui.keys("e")
        form = ui.screen
        assert isinstance(form, TaskFormScreen)
        assert form.query_one("#task-bad-day", YesNo).value is None  # nothing assumed
        await ui.keys("ctrl+s")
        assert str(form.query_one("#task-error").content) == BAD_DAY_UNANSWERED
        assert ui.screen is form  # not saved without it
        form.query_one("#task-bad-day", YesNo).focus()
        await ui.keys("y", "ctrl+s")
        assert not isinstance(ui.screen, TaskFormScreen)
    assert reopen().get(Task, unsaid.id).bad_day_ok is True  # type: ignore[union-attr]


@pytest.mark.parametrize(("keys", "answer"), [((), None), (("tab",) * 4 + ("n",), False), (("tab",) * 4 + ("y",), True)])
async def test_split_steps_get_the_answer_given_for_them_never_the_originals(keys, answer, seen_store, run_app, reopen):
    """The original said "not really"; the steps are new tasks: asked afresh, and left
    unanswered they are not said (the list then says which wait for an answer)."""
    big = task("Clean the kitchen", minutes=30, difficulty=60, bad_day_ok=False, store=seen_store)
    async with run_app(seen_store) as ui:
        screen = await to_daily(ui)
        await ui.keys("s")
        split = ui.screen
        assert split.query_one("#split-bad-day", YesNo).value is None  # nothing carried over
        await ui.keys(*"Clear the sink", "enter", *"Wipe one counter", *keys, "ctrl+s")  # 4 tabs: to "Bad day?"
        assert ui.screen is screen
        count = str(screen.query_one("#bs-count").content)
        assert ("2 wait for your bad-day answer (e)" in count) is (answer is None)
    steps = [t for t in reopen().tasks() if t.id != big.id]
    assert [(t.title, t.bad_day_ok) for t in steps] == [("Clear the sink", answer), ("Wipe one counter", answer)]


async def test_week_setup_says_which_tasks_wait_for_the_bad_day_answer(seen_store, run_app):
    from mastery_tui.screens.week_setup import WeekSetupScreen
    from tests.app.test_week_flow import TO_DAILY
    from tests.factories import tasks

    tasks(seen_store, ("a", "b", "c"))
    tasks(seen_store, ("d", "e"), bad_day_ok=None)  # from mastery add, no --bad-day
    async with run_app(seen_store) as ui:
        await ui.push(WeekSetupScreen(ui.app.services))
        await ui.keys(*TO_DAILY, "escape")  # under five bad-day tasks: the brainstorm opened on the way
        assert isinstance(ui.screen, WeekSetupScreen)
        hint = str(ui.screen.query_one("#step-2-hint").content)
        assert "answers the bad-day question for the 2 not said yet" in hint


async def test_brainstorm_says_both_the_unsaid_answer_and_the_size(seen_store, run_app):
    task("Deep clean the kitchen", minutes=90, difficulty=80, bad_day_ok=None, store=seen_store)
    async with run_app(seen_store) as ui:
        screen = await to_daily(ui)
        detail = str(screen.query_one("#bs-detail").content)
        assert "Not said yet: e answers it." in detail
        assert "Maybe smaller: difficulty 80 is a big stretch, 90 minutes is a lot to start with." in detail
