"""The timer screen, driven by keys, with a fake clock: 20 minutes pass in milliseconds."""

from __future__ import annotations

import pytest
from textual.widgets import Digits, Static

from mastery_tui.domain.models import Completion
from mastery_tui.domain.session import Session
from mastery_tui.domain.timer import Countdown
from mastery_tui.screens.practice.stop import StopScreen
from mastery_tui.screens.practice.timer import TimerOutcome, TimerScreen
from tests.kit import UI

from .footer_helpers import footer_words


def digits(app) -> str:
    return str(app.screen.query_one("#timer-digits", Digits).value)


async def open_timer(ui: UI, clock, minutes: int = 20):
    session = Session.quick("Study one page", minutes, now=clock.now())
    countdown = Countdown.start(minutes, mono=clock.monotonic(), wall=clock.now())
    saved: list[Countdown] = []
    results: list[TimerOutcome] = []
    await ui.push(TimerScreen(ui.app.services, session, countdown, on_save=saved.append), results.append)
    return saved, results


async def test_countdown_pause_and_adjust_are_exact(seen_store, run_app, clock):
    async with run_app(seen_store) as ui:
        saved, results = await open_timer(ui, clock)
        screen = ui.screen
        assert isinstance(screen, TimerScreen)
        assert digits(ui.app) == "20:00"

        clock.advance(65)
        screen.tick()
        assert digits(ui.app) == "18:55"

        await ui.keys("space")  # pause
        clock.advance(600)
        screen.tick()
        assert digits(ui.app) == "18:55"
        assert screen.query_one("#timer-digits").has_class("-paused")
        assert "Paused" in str(screen.query_one("#timer-caption", Static).content)

        await ui.keys("space")  # resume
        clock.advance(5)
        screen.tick()
        assert digits(ui.app) == "18:50"

        await ui.keys("plus")
        assert digits(ui.app) == "19:50"
        await ui.keys("minus", "minus")
        assert digits(ui.app) == "17:50"
        await ui.settle()
        assert saved, "pause, resume and adjust save the countdown"

        await ui.keys("f")
    assert results[0].finished
    assert results[0].countdown.elapsed(clock.monotonic()) == 70


async def test_overtime_counts_up_and_rings_once(seen_store, run_app, clock):
    rings: list[int] = []
    async with run_app(seen_store) as ui:
        ui.app.bell = lambda: rings.append(1)  # headless terminals have no bell to hear
        await open_timer(ui, clock, minutes=2)
        screen = ui.screen
        clock.advance(120 + 130)
        screen.tick()
        screen.tick()
        assert digits(ui.app) == "+2:10"
        assert screen.query_one("#timer-digits").has_class("-overtime")
        assert rings == [1]
        assert "Overtime" in str(screen.query_one("#timer-caption", Static).content)


async def test_saves_every_ten_seconds_while_running(seen_store, run_app, clock):
    async with run_app(seen_store) as ui:
        saved, _ = await open_timer(ui, clock)
        for _ in range(25):
            clock.advance(1)
            ui.screen.tick()
        assert len(saved) == 2


async def test_resistance_prompts_rotate_on_r(seen_store, run_app, clock):
    async with run_app(seen_store) as ui:
        await open_timer(ui, clock)
        prompt = ui.screen.query_one("#timer-prompt", Static)
        assert not prompt.display
        await ui.keys("r")
        first = str(prompt.content)
        await ui.keys("r")
        assert prompt.display and first and str(prompt.content) != first


async def test_escape_asks_how_to_stop(seen_store, run_app, clock):
    async with run_app(seen_store) as ui:
        _, results = await open_timer(ui, clock)
        await ui.keys("escape")
        assert isinstance(ui.screen, StopScreen)
        await ui.keys("escape")  # keep going
        assert isinstance(ui.screen, TimerScreen) and not results
        await ui.keys("escape", "d")  # discard: nothing is recorded
    assert results and not results[0].finished


@pytest.mark.parametrize(("key", "completion"), [("p", Completion.PARTLY), ("n", Completion.NO)])
async def test_stopping_early_records_what_the_person_says(seen_store, run_app, clock, key, completion):
    async with run_app(seen_store) as ui:
        _, results = await open_timer(ui, clock)
        await ui.keys("escape", key)
    assert len(results) == 1 and results[0].finished and results[0].completion is completion


async def test_f_says_it_is_done(seen_store, run_app, clock):
    async with run_app(seen_store) as ui:
        _, results = await open_timer(ui, clock)
        assert "Done" in footer_words(ui.screen)
        await ui.keys("f")
    assert len(results) == 1 and results[0].completion is Completion.YES


async def test_a_wall_clock_jump_does_not_move_a_running_timer(seen_store, run_app, clock):
    async with run_app(seen_store) as ui:
        await open_timer(ui, clock)
        clock.advance(60)
        clock.jump_wall(3600)  # a suspended laptop, an NTP correction
        ui.screen.tick()
        assert digits(ui.app) == "19:00"


async def test_space_reads_resume_while_paused(seen_store, run_app, clock):
    async with run_app(seen_store) as ui:
        await open_timer(ui, clock)
        assert "Pause" in footer_words(ui.screen) and "Resume" not in footer_words(ui.screen)
        await ui.keys("space")
        assert not ui.screen.countdown.running  # at once; the label follows a moment later
        await ui.timer_fired("timer-footer")
        assert "Resume" in footer_words(ui.screen) and "Pause" not in footer_words(ui.screen)
        await ui.keys("space")
        assert ui.screen.countdown.running
        await ui.timer_fired("timer-footer")
        assert "Pause" in footer_words(ui.screen)


async def test_escape_once_the_time_is_up_offers_done_not_stopping_early(seen_store, run_app, clock):
    async with run_app(seen_store) as ui:
        _, results = await open_timer(ui, clock)
        await ui.keys("escape")
        early = str(ui.screen.query_one("#stop-detail", Static).content)
        assert early.startswith("Stopping early is fine")
        await ui.keys("f")  # before zero, f here does nothing: done is the timer's own key
        assert isinstance(ui.screen, StopScreen) and not results
        await ui.keys("escape")
        clock.advance(20 * 60 + 5)
        ui.screen.tick()
        await ui.keys("escape")
        detail = str(ui.screen.query_one("#stop-detail", Static).content)
        assert "early" not in detail and detail.startswith("The time is up")
        hint = str(ui.screen.query_one(".dialog-hint", Static).content)
        assert "record it: done" in hint and "back to the timer" in hint
        await ui.keys("f")
    assert len(results) == 1 and results[0].finished and results[0].completion is Completion.YES
