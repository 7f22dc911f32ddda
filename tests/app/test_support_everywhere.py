"""Support is one key from every screen and dialog, text fields included (issue 13, part 1).

Every Screen class in ``mastery_tui.screens`` is found by walking the package, so a new screen
or dialog without an entry in ``BUILD`` fails this test: say how to open it, and it is checked
that F1 on it opens Support and escape comes back to it as it was."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

import pytest
from textual.screen import Screen
from textual.widgets import Input

import mastery_tui.screens as screens_package
from mastery_tui.domain.session import Session
from mastery_tui.domain.support import SETTING
from mastery_tui.domain.timer import Countdown
from mastery_tui.screens import (
    ask,
    brainstorm,
    coach,
    confirm,
    drafts,
    examples,
    help,
    home,
    learn,
    log,
    log_export,
    name_prompt,
    not_today,
    notes,
    practice_detail,
    practice_edit,
    review_list,
    safety,
    split,
    support,
    task_form,
    trends,
    unanswered,
    week_review,
    week_setup,
)  # fmt: skip
from mastery_tui.screens.practice import (
    acknowledge,
    adjust,
    after,
    before,
    choose,
    resume,
    stop,
    timer,
)  # fmt: skip
from mastery_tui.services import Services
from mastery_tui.store import Store
from mastery_tui.widgets.footer import Footer
from tests import factories as make
from tests.app.footer_helpers import footer_overflow, footer_words


def all_screen_classes() -> set[type[Screen[Any]]]:
    for found in pkgutil.walk_packages(screens_package.__path__, screens_package.__name__ + "."):
        importlib.import_module(found.name)

    def walk(cls: type) -> set[type]:
        return {s for sub in cls.__subclasses__() for s in (sub, *walk(sub))}

    return {c for c in walk(Screen) if c.__module__.startswith("mastery_tui.screens")}


def builders(services: Services, store: Store) -> dict[type, Callable[[], Screen[Any]]]:
    now = services.now()
    walk = make.task("Walk 5 minutes", store=store)
    done = make.practice(now, task=walk, store=store, ended=True, spent=5)
    plan = make.week("2026-11-23", store=store, assignments=((1, walk.id),))
    reviewed = make.review(plan, store=store, strongest="Walks")
    session = Session.for_task(walk, now=now)
    area = store.areas()[0]
    return {
        ask.AskScreen: lambda: ask.AskScreen("Add it to the plan?"),
        brainstorm.BrainstormScreen: lambda: brainstorm.BrainstormScreen(services),
        coach.CoachScreen: lambda: coach.CoachScreen(services),
        confirm.ConfirmScreen: lambda: confirm.ConfirmScreen("Delete?", "Sure?", yes="Yes", no="No"),
        drafts.DraftScreen: lambda: drafts.DraftScreen("a note", "Mon 23 Nov 19:00"),
        examples.ExamplesScreen: lambda: examples.ExamplesScreen(),
        help.HelpScreen: help.HelpScreen,
        home.HomeScreen: lambda: home.HomeScreen(services),
        learn.LearnScreen: learn.LearnScreen,
        log.LogScreen: lambda: log.LogScreen(services),
        log_export.ExportScreen: lambda: log_export.ExportScreen(
            services, since=None, range_name="all", count=1, today=now.date()
        ),
        name_prompt.NamePrompt: lambda: name_prompt.NamePrompt("New area", "Name", check=str.strip),
        not_today.NotTodayScreen: lambda: not_today.NotTodayScreen("Walk 5 minutes"),
        notes.NoteEditorScreen: lambda: notes.NoteEditorScreen(services),
        notes.NotesScreen: lambda: notes.NotesScreen(services),
        acknowledge.AcknowledgeScreen: lambda: acknowledge.AcknowledgeScreen(done),
        adjust.AdjustScreen: lambda: adjust.AdjustScreen("Walk 2 minutes"),
        after.AfterScreen: lambda: after.AfterScreen(session, seconds_spent=300),
        before.BeforeScreen: lambda: before.BeforeScreen(session),
        choose.ChooseTaskScreen: lambda: choose.ChooseTaskScreen([walk], []),
        choose.QuickTaskScreen: lambda: choose.QuickTaskScreen(),
        resume.ResumeScreen: lambda: resume.ResumeScreen(
            "Walk", "19:00", can_resume=True, elapsed="2:00"
        ),
        stop.QuitTimerScreen: stop.QuitTimerScreen,
        stop.StopScreen: stop.StopScreen,
        timer.TimerScreen: lambda: timer.TimerScreen(
            services,
            session,
            Countdown.start(5, mono=services.clock.monotonic(), wall=now),
            on_save=lambda _: None,
        ),
        practice_detail.PracticeDetailScreen: lambda: practice_detail.PracticeDetailScreen(
            services, done, area_name="Daily living"
        ),
        practice_edit.PracticeEditScreen: lambda: practice_edit.PracticeEditScreen(services, done),
        review_list.ReviewListScreen: lambda: review_list.ReviewListScreen(services),
        safety.SafetyScreen: safety.SafetyScreen,
        split.SplitScreen: lambda: split.SplitScreen(walk),
        support.ContactsScreen: lambda: support.ContactsScreen(services, []),
        support.SupportScreen: lambda: support.SupportScreen(services),
        task_form.TaskFormScreen: lambda: task_form.TaskFormScreen(services, area=area),
        trends.TrendsScreen: lambda: trends.TrendsScreen(services),
        unanswered.UnansweredScreen: lambda: unanswered.UnansweredScreen("Mood after"),
        week_review.SavedReviewScreen: lambda: week_review.SavedReviewScreen(services, reviewed),
        week_review.WeekReviewScreen: lambda: week_review.WeekReviewScreen(services, plan),
        week_setup.DayTaskScreen: lambda: week_setup.DayTaskScreen("Day 1", [walk], None),
        week_setup.WeekSetupScreen: lambda: week_setup.WeekSetupScreen(services),
    }


CHUNKS = 4  # the screens in four tests, so the suite's workers share them


async def test_every_screen_and_dialog_is_in_the_f1_test(seen_store, run_app):
    async with run_app(seen_store) as ui:
        missing = all_screen_classes() - set(builders(ui.app.services, seen_store))
        assert not missing, f"say how to open these (and check F1 works there): {missing}"


@pytest.mark.parametrize("chunk", range(CHUNKS))
async def test_f1_opens_support_from_every_screen_and_dialog(seen_store, run_app, chunk: int):
    async with run_app(seen_store) as ui:
        build = builders(ui.app.services, seen_store)
        kinds = sorted(build, key=lambda kind: kind.__qualname__)[chunk::CHUNKS]
        for kind in kinds:
            if kind is support.SupportScreen:
                continue  # F1 on Support is Support
            shown = await ui.push(build[kind]())
            # Its own footer (never the screen's below, whose keys don't work here), with
            # F1 Support, fitting 80 columns.
            assert shown.query(Footer), f"{kind.__name__} shows the footer of the screen below"
            assert footer_overflow(shown) == [], kind.__name__
            assert "Support" in footer_words(shown), kind.__name__
            await ui.keys("f1")
            assert isinstance(ui.screen, support.SupportScreen), kind.__name__
            await ui.keys("escape")
            assert ui.screen is shown, kind.__name__
            ui.app.pop_screen()
            await ui.settle()


async def test_f1_works_in_a_text_field_and_keeps_what_was_typed(seen_store, run_app):
    async with run_app(seen_store) as ui:
        await ui.keys("b", "right", "n", *"Walk?")  # ? types in the title: it is text there
        form = ui.screen
        title = form.query_one("#title", Input) if form.query("#title") else form.focused
        assert title.value == "Walk?"
        await ui.keys("f1")
        assert isinstance(ui.screen, support.SupportScreen)
        await ui.keys("escape")
        assert ui.screen is form and title.value == "Walk?"


async def test_contacts_written_in_support_survive_a_restart(seen_store, run_app, reopen):
    async with run_app(seen_store) as ui:
        await ui.keys("f1", "e", *"Sam (friend) 07700 900123", "enter", *"My therapist, Thursdays")
        await ui.keys("ctrl+s")
        page = ui.screen
        assert isinstance(page, support.SupportScreen)
        shown = str(page.query_one("#support-contacts").render())
        assert "Sam (friend) 07700 900123" in shown and "My therapist, Thursdays" in shown
    assert reopen().setting(SETTING) == ["Sam (friend) 07700 900123", "My therapist, Thursdays"]
    async with run_app(reopen()) as ui:
        await ui.keys("question_mark")
        assert "My therapist" in str(ui.screen.query_one("#support-contacts").render())


async def test_f1_from_help_or_learn_opened_from_support_goes_back_to_it(seen_store, run_app):
    """Not a toast saying Support is already open while the footer offers F1 Support."""
    async with run_app(seen_store) as ui:
        await ui.keys("f1")
        page = ui.screen
        assert isinstance(page, support.SupportScreen)
        depth = len(ui.app.screen_stack)
        await ui.keys("h")
        assert isinstance(ui.screen, help.HelpScreen) and "Support" in footer_words(ui.screen)
        await ui.keys("f1")
        assert ui.screen is page and len(ui.app.screen_stack) == depth
        await ui.keys("h", "l")
        assert isinstance(ui.screen, learn.LearnScreen) and "Support" in footer_words(ui.screen)
        await ui.keys("f1")
        assert ui.screen is page and len(ui.app.screen_stack) == depth
        assert not any("already open" in note for note in ui.notes())
        await ui.keys("escape")
        assert isinstance(ui.screen, home.HomeScreen)


async def test_a_dialog_of_the_support_page_doesnt_offer_f1(seen_store, run_app):
    """Your people, opened from Support: the page is right behind it, so F1 isn't offered
    there (the footer shows a key only where it does something)."""
    async with run_app(seen_store) as ui:
        await ui.keys("f1", "e")
        assert isinstance(ui.screen, support.ContactsScreen)
        assert "Support" not in footer_words(ui.screen)


async def test_each_dialog_shows_its_own_keys_not_the_ones_below(seen_store, run_app):
    async with run_app(seen_store) as ui:
        build = builders(ui.app.services, seen_store)
        choose_ = await ui.push(build[choose.ChooseTaskScreen]())
        words = footer_words(choose_)
        assert "Stuck?" in words and "Do it now" not in words and "Week" not in words
        await ui.keys("w")  # types into the filter, as the footer no longer says otherwise
        assert choose_.query_one("#choose-filter", Input).value == "w"
        await ui.keys("ctrl+r")
        assert choose_.query_one("#choose-prompt").display
        ui.app.pop_screen()
        stopping = await ui.push(build[stop.StopScreen]())
        words = footer_words(stopping)
        assert "Pause" not in words and "+1m" not in words and "Done" not in words  # not time up
        assert {"Partly", "Not this time", "Discard", "Keep going", "Support"} <= set(words)
