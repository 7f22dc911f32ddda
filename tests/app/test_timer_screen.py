"""The timer screen, driven by keys, with a fake clock: 20 minutes pass in milliseconds."""

from __future__ import annotations

import pytest
from textual.widgets import Digits, Static

from mastery_tui.domain.models import Completion
from mastery_tui.domain.session import Session
from mastery_tui.domain.timer import Countdown
from mastery_tui.screens.practice.stop import StopScreen
from mastery_tui.screens.practice.timer import TimerOutcome, TimerScreen


def digits(app) -> str:
    return str(app.screen.query_one("#timer-digits", Digits).value)


async def open_timer(app, clock, minutes: int = 20):
    session = Session.quick("Study one page", minutes, now=clock.now())
    countdown = Countdown.start(minutes, mono=clock.monotonic(), wall=clock.now())
    saved: list[Countdown] = []
    results: list[TimerOutcome] = []
    app.push_screen(TimerScreen(app.services, session, countdown, on_save=saved.append), results.append)
    return saved, results


async def test_countdown_pause_and_adjust_are_exact(seen_store, make_app, clock):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        saved, results = await open_timer(app, clock)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TimerScreen)
        assert digits(app) == "20:00"

        clock.advance(65)
        screen.tick()
        assert digits(app) == "18:55"

        await pilot.press("space")  # pause
        clock.advance(600)
        screen.tick()
        assert digits(app) == "18:55"
        assert screen.query_one("#timer-digits").has_class("-paused")
        assert "Paused" in str(screen.query_one("#timer-caption", Static).content)

        await pilot.press("space")  # resume
        clock.advance(5)
        screen.tick()
        assert digits(app) == "18:50"

        await pilot.press("plus")
        assert digits(app) == "19:50"
        await pilot.press("minus", "minus")
        assert digits(app) == "17:50"
        await pilot.pause()
        assert saved, "pause, resume and adjust save the countdown"

        await pilot.press("f")
        await pilot.pause()
    assert results[0].finished
    assert results[0].countdown.elapsed(clock.monotonic()) == 70


async def test_overtime_counts_up_and_rings_once(seen_store, make_app, clock):
    app = make_app(seen_store)
    rings: list[int] = []
    app.bell = lambda: rings.append(1)  # headless terminals have no bell to hear
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await open_timer(app, clock, minutes=2)
        await pilot.pause()
        screen = app.screen
        clock.advance(120 + 130)
        screen.tick()
        screen.tick()
        assert digits(app) == "+2:10"
        assert screen.query_one("#timer-digits").has_class("-overtime")
        assert rings == [1]
        assert "Overtime" in str(screen.query_one("#timer-caption", Static).content)


async def test_saves_every_ten_seconds_while_running(seen_store, make_app, clock):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        saved, _ = await open_timer(app, clock)
        await pilot.pause()
        for _ in range(25):
            clock.advance(1)
            app.screen.tick()
        assert len(saved) == 2


async def test_resistance_prompts_rotate_on_r(seen_store, make_app, clock):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await open_timer(app, clock)
        await pilot.pause()
        prompt = app.screen.query_one("#timer-prompt", Static)
        assert not prompt.display
        await pilot.press("r")
        first = str(prompt.content)
        await pilot.press("r")
        assert prompt.display and first and str(prompt.content) != first


async def test_escape_asks_how_to_stop(seen_store, make_app, clock):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        _, results = await open_timer(app, clock)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StopScreen)
        await pilot.press("escape")  # keep going
        await pilot.pause()
        assert isinstance(app.screen, TimerScreen) and not results
        await pilot.press("escape", "d")  # discard: nothing is recorded
        await pilot.pause()
    assert results and not results[0].finished


@pytest.mark.parametrize(("key", "completion"), [("p", Completion.PARTLY), ("n", Completion.NO)])
async def test_stopping_early_records_what_the_person_says(seen_store, make_app, clock, key, completion):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        _, results = await open_timer(app, clock)
        await pilot.pause()
        await pilot.press("escape", key)
        await pilot.pause()
    assert len(results) == 1 and results[0].finished and results[0].completion is completion


async def test_f_says_it_is_done(seen_store, make_app, clock):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        _, results = await open_timer(app, clock)
        await pilot.pause()
        assert "Done" in footer_words(app.screen)
        await pilot.press("f")
        await pilot.pause()
    assert len(results) == 1 and results[0].completion is Completion.YES


async def test_a_wall_clock_jump_does_not_move_a_running_timer(seen_store, make_app, clock):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await open_timer(app, clock)
        await pilot.pause()
        clock.advance(60)
        clock.jump_wall(3600)  # a suspended laptop, an NTP correction
        app.screen.tick()
        assert digits(app) == "19:00"


def footer_words(screen) -> list[str]:
    from textual.widgets._footer import FooterKey

    return [key.description for key in screen.query(FooterKey)]


async def test_space_reads_resume_while_paused(seen_store, make_app, clock):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await open_timer(app, clock)
        await pilot.pause()
        assert "Pause" in footer_words(app.screen) and "Resume" not in footer_words(app.screen)
        await pilot.press("space")
        await pilot.pause()
        assert "Resume" in footer_words(app.screen) and "Pause" not in footer_words(app.screen)
        assert not app.screen.countdown.running
        await pilot.press("space")
        await pilot.pause()
        assert app.screen.countdown.running
        assert "Pause" in footer_words(app.screen)
