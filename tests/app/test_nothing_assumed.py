"""Pilot: no answer is recorded that the person didn't give. Ratings, completion and felt
difficulty start unanswered; saving with one blank asks in one calm line, and "skip" records
"not rated", which the log, the CSV export, trends and the coach all handle. What is typed on
"How did it go?" and "Data for next time" survives a hang-up exactly."""

from __future__ import annotations

import csv
import io

from mastery_tui.domain.export import csv_text
from mastery_tui.domain.models import Completion, Obstacle
from mastery_tui.screens.coach import CoachScreen
from mastery_tui.screens.home import HomeScreen
from mastery_tui.screens.log import LogScreen
from mastery_tui.screens.practice.acknowledge import AcknowledgeScreen
from mastery_tui.screens.practice.adjust import AdjustScreen
from mastery_tui.screens.practice.after import AfterScreen
from mastery_tui.screens.practice.before import BeforeScreen
from mastery_tui.screens.practice.resume import ResumeScreen
from mastery_tui.screens.practice.stop import QuitTimerScreen
from mastery_tui.screens.practice.timer import TimerScreen
from mastery_tui.screens.trends import TrendsScreen
from mastery_tui.screens.unanswered import UnansweredScreen
from mastery_tui.store import Store
from mastery_tui.widgets.checklist import CheckList
from mastery_tui.widgets.choice import Choice
from mastery_tui.widgets.rating import RatingSlider
from tests.factories import task

from .practice_helpers import TONIGHT


async def to_after(ui, *before: str) -> None:
    """From Home: choose the task, the before keys given, then f on the timer."""
    await ui.keys("n", "enter")
    assert isinstance(ui.screen, BeforeScreen)
    await ui.keys(*before)
    assert isinstance(ui.screen, TimerScreen)
    await ui.keys("f")
    assert isinstance(ui.screen, AfterScreen)


async def test_saving_with_nothing_answered_never_stores_a_number(seen_store, run_app, clock, data_dir):
    task("Walk 5 minutes", difficulty=40, plan=TONIGHT, store=seen_store)
    seen_store.set_setting("last_mood", 70)  # yesterday's ratings: a reference, not today's answer
    seen_store.set_setting("last_confidence", 65)
    async with run_app(seen_store) as ui:
        await ui.keys("n", "enter")
        mood = ui.screen.query_one("#before-mood", RatingSlider)
        assert (mood.value, mood.reference) == (None, 70)
        await ui.keys("enter", "enter")  # a rushed enter, enter
        assert isinstance(ui.screen, UnansweredScreen)
        assert "Mood and confidence aren't rated yet." in str(ui.screen.query_one("#unanswered-line").content)
        await ui.keys("escape")  # rate now
        assert isinstance(ui.screen, BeforeScreen)
        assert ui.screen.focused is ui.screen.query_one("#before-mood")
        await ui.keys("ctrl+s", "s")  # skip, explicitly
        assert isinstance(ui.screen, TimerScreen)
        await ui.keys("escape", "n")  # stop: not this time
        after = ui.screen
        assert isinstance(after, AfterScreen)
        assert after.query_one("#after-completion", Choice).value == "no"
        felt = after.query_one("#after-difficulty", RatingSlider)
        assert (felt.value, felt.reference) == (None, 40)  # the task's own estimate, for reference
        await ui.keys("ctrl+s")
        line = str(ui.screen.query_one("#unanswered-line").content)
        assert line == "Thank you for recording it. How hard it felt, mood and confidence aren't rated yet."
        await ui.keys("enter")  # save them as "not rated"
        assert isinstance(ui.screen, AdjustScreen)
        await ui.keys("ctrl+s")
        assert isinstance(ui.screen, AcknowledgeScreen)
    [practice] = Store.open(data_dir, clock).practices()
    assert practice.completion is Completion.NO
    assert (practice.mood_before, practice.confidence_before) == (None, None)
    assert (practice.difficulty, practice.mood_after, practice.confidence_after) == (None, None, None)
    assert Store.open(data_dir, clock).setting("last_mood") == 70  # a skip keeps the old reference


async def test_not_rated_shows_as_such_in_the_log_csv_trends_and_coach(seen_store, run_app, clock, data_dir):
    task("Walk 5 minutes", difficulty=40, plan=TONIGHT, store=seen_store)
    async with run_app(seen_store) as ui:
        await to_after(ui, "enter", "enter", "enter")  # before: skipped
        await ui.keys("backspace", "ctrl+s", "enter", "enter")  # not even whether it was done
        assert isinstance(ui.screen, HomeScreen)
        await ui.keys("l")
        log = ui.screen
        assert isinstance(log, LogScreen)
        row = log.query_one("#log-table").get_row_at(0)  # type: ignore[attr-defined]
        cells = [str(cell).strip() for cell in row]
        assert "–→–" in cells and "–" in cells
        assert "– = not rated" in str(log.query_one("#log-status").content)
        await ui.keys("escape", "t")
        assert isinstance(ui.screen, TrendsScreen)
        await ui.keys("escape", "c")
        assert isinstance(ui.screen, CoachScreen)
    [practice] = Store.open(data_dir, clock).practices()
    assert practice.completion is None
    header, row = csv.reader(io.StringIO(csv_text([practice], clock.now().tzinfo, {})))
    cells = dict(zip(header, row, strict=True))
    assert {cells[name] for name in cells if name.startswith(("Mood", "Confidence", "Felt", "Did"))} == {""}


async def test_a_hang_up_on_how_did_it_go_restores_every_answer(seen_store, run_app, clock, data_dir):
    task("Walk 5 minutes", difficulty=40, plan=TONIGHT, store=seen_store)
    async with run_app(seen_store) as ui:
        await to_after(ui, "4", "5", "enter", "5", "0", "enter")
        await ui.keys("p", "enter", "7", "0", "enter", "enter", "3", "5", "enter", *"half of it")
        ui.app.save_state()  # what SIGHUP does before exiting

    async with run_app(Store.open(data_dir, clock)) as ui:
        assert isinstance(ui.screen, ResumeScreen)
        await ui.keys("f")  # finish recording it
        after = ui.screen
        assert isinstance(after, AfterScreen)
        assert after.query_one("#after-completion", Choice).value == "partly"
        assert after.query_one("#after-difficulty", RatingSlider).value == 70
        assert after.query_one("#after-mood", RatingSlider).value is None  # left blank: still blank
        assert after.query_one("#after-confidence", RatingSlider).value == 35
        assert after.query_one("#after-reflection").value == "half of it"  # type: ignore[attr-defined]
        await ui.keys("ctrl+s", "enter")  # mood: not rated
        assert isinstance(ui.screen, AdjustScreen)
        await ui.keys("tab", "space", "tab", *"noisy")  # fatigue; a note
        ui.app.save_state()  # the connection drops again, on "Data for next time"

    async with run_app(Store.open(data_dir, clock)) as ui:
        await ui.keys("f")
        adjust = ui.screen
        assert isinstance(adjust, AdjustScreen)
        assert adjust.query_one("#adjust-obstacles", CheckList).selected == [Obstacle.FATIGUE.value]
        assert adjust.query_one("#adjust-note").value == "noisy"  # type: ignore[attr-defined]
        await ui.keys("ctrl+s")
        assert isinstance(ui.screen, AcknowledgeScreen)
    [practice] = Store.open(data_dir, clock).practices()
    assert (practice.completion, practice.difficulty, practice.mood_after, practice.confidence_after) == (
        Completion.PARTLY, 70, None, 35,
    )  # fmt: skip
    assert (practice.mood_before, practice.confidence_before) == (45, 50)
    assert practice.reflection == "half of it" and practice.obstacles == (Obstacle.FATIGUE,)
    assert practice.note == "noisy"


async def test_q_on_the_timer_asks_and_keeps_the_practice(seen_store, run_app, clock, data_dir):
    task("Walk 5 minutes", difficulty=40, plan=TONIGHT, store=seen_store)
    async with run_app(seen_store) as ui:
        await ui.keys("n", "enter", "4", "2", "enter", "3", "8", "enter")
        assert isinstance(ui.screen, TimerScreen)
        await ui.keys("q")
        assert isinstance(ui.screen, QuitTimerScreen)
        await ui.keys("n")  # keep going
        assert isinstance(ui.screen, TimerScreen)
        await ui.keys("q", "y")
    assert ui.app.return_code == 0
    saved = Store.open(data_dir, clock).load_session()
    assert saved is not None and saved["phase"] == "timer"
    assert (saved["mood_before"], saved["confidence_before"]) == (42, 38)


async def test_quick_again_after_a_hang_up_offers_the_waiting_practice_first(
    seen_store, run_app, clock, data_dir
):
    async with run_app(seen_store, start=("Walk", 5)) as ui:
        await ui.keys("4", "2", "enter", "3", "8", "enter")
        assert isinstance(ui.screen, TimerScreen)
        clock.advance(90)
        ui.app.save_state()  # the connection drops

    # the same command, from shell history
    async with run_app(Store.open(data_dir, clock), start=("Walk", 5)) as ui:
        assert isinstance(ui.screen, ResumeScreen)  # not a fresh practice over it
        await ui.keys("escape")  # later: nothing is overwritten, nothing new started
        assert isinstance(ui.screen, HomeScreen)
    kept = Store.open(data_dir, clock).load_session()
    assert kept is not None and (kept["mood_before"], kept["confidence_before"]) == (42, 38)

    async with run_app(Store.open(data_dir, clock), start=("Walk", 5)) as ui:
        await ui.keys("r")  # resume it: the time so far counts
        assert isinstance(ui.screen, TimerScreen)
        assert ui.screen.countdown.elapsed(clock.monotonic()) == 90
        await ui.keys("f", "ctrl+s", "enter", "n", "enter")  # (n: not kept as a task)
    [practice] = Store.open(data_dir, clock).practices()
    assert (practice.mood_before, practice.confidence_before, practice.seconds_spent) == (42, 38, 90)


async def test_a_practice_running_in_another_window_is_not_offered_here(seen_store, run_app, clock, data_dir):
    task("Walk 5 minutes", difficulty=40, plan=TONIGHT, store=seen_store)
    async with run_app(seen_store) as ui:
        await ui.keys("n", "enter", "4", "2", "enter", "3", "8", "enter")
        assert isinstance(ui.screen, TimerScreen)
        other = Store.open(data_dir, clock)  # a second window: its own open of the same folder
        assert other.load_session() is not None
        assert other.claim_session() is False
        async with run_app(other) as window:
            assert isinstance(window.screen, HomeScreen)  # no resume offered
            await window.keys("n")
            assert isinstance(window.screen, HomeScreen)  # nor a new practice over it
        await ui.keys("f", "ctrl+s", "enter", "enter")
    assert len(Store.open(data_dir, clock).practices()) == 1
