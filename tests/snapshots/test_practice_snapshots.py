"""Snapshots of the do-it-now flow at 80x24, driven by keys with a fake clock."""

from __future__ import annotations

import pytest

from mastery_tui.domain.models import Plan, Task, default_area_id

SIZE = (80, 24)


@pytest.fixture
def practice_app(seen_store, make_app):
    seen_store.save(
        Task.new(
            now=seen_store.clock.now(),
            title="Review one page of notes",
            area_id=default_area_id("studying"),
            minutes=20,
            difficulty=35,
            plan=Plan(days=(0, 2, 4), time="19:30", ready="phone in another room"),
        )
    )
    return make_app(seen_store)


async def to_before(pilot) -> None:
    await pilot.pause()
    await pilot.press("n")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


async def to_timer(pilot) -> None:
    await to_before(pilot)
    await pilot.press("3", "5", "enter", "4", "0", "enter")
    await pilot.pause()


def advance(pilot, seconds: float) -> None:
    pilot.app.services.clock.advance(seconds)
    pilot.app.screen.tick()


async def to_after(pilot, *, completion: str = "y") -> None:
    await to_timer(pilot)
    advance(pilot, 17 * 60)
    await pilot.press("f")
    await pilot.pause()
    await pilot.press(completion)
    await pilot.pause()


def test_choose_task(practice_app, snap_compare):
    async def run_before(pilot):
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()

    assert snap_compare(practice_app, terminal_size=SIZE, run_before=run_before)


def test_before_ratings(practice_app, snap_compare):
    """Unanswered, with no history to refer to."""
    assert snap_compare(practice_app, terminal_size=SIZE, run_before=to_before)


def test_before_ratings_with_last_times_as_a_reference(seen_store, practice_app, snap_compare):
    """Unanswered; last time's ratings beside them (and a tick on the track), not as answers."""
    seen_store.set_setting("last_mood", 62)
    seen_store.set_setting("last_confidence", 45)

    async def run_before(pilot):
        await to_before(pilot)
        await pilot.press("5", "5")  # mood typed; confidence still unanswered
        await pilot.pause()

    assert snap_compare(practice_app, terminal_size=SIZE, run_before=run_before)


def test_saving_with_a_rating_left_blank_asks(practice_app, snap_compare):
    async def run_before(pilot):
        await to_before(pilot)
        await pilot.press("5", "5", "enter", "enter")
        await pilot.pause()

    assert snap_compare(practice_app, terminal_size=SIZE, run_before=run_before)


def test_timer_running(practice_app, snap_compare):
    async def run_before(pilot):
        await to_timer(pilot)
        advance(pilot, 7 * 60 + 5)
        await pilot.pause()

    assert snap_compare(practice_app, terminal_size=SIZE, run_before=run_before)


def test_timer_at_40x15_keeps_finish_and_back_in_the_footer(practice_app, snap_compare):
    """Below 80x24 the footer keeps the keys to finish (f), stop (esc) and get support (F1);
    the rest are in the palette (^p More)."""

    async def run_before(pilot):
        await to_timer(pilot)
        advance(pilot, 65)
        await pilot.pause()

    assert snap_compare(practice_app, terminal_size=(40, 15), run_before=run_before)


def test_timer_paused_with_a_prompt(practice_app, snap_compare):
    async def run_before(pilot):
        await to_timer(pilot)
        advance(pilot, 3 * 60)
        await pilot.press("space", "r")
        await pilot.pause()

    assert snap_compare(practice_app, terminal_size=SIZE, run_before=run_before)


def test_timer_overtime(practice_app, snap_compare):
    async def run_before(pilot):
        await to_timer(pilot)
        advance(pilot, 22 * 60 + 10)
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(practice_app, terminal_size=SIZE, run_before=run_before)


def test_after_ratings(practice_app, snap_compare):
    """f said done; felt difficulty, mood and confidence unanswered, with the task's estimate
    and the before ratings beside them as references."""
    assert snap_compare(practice_app, terminal_size=SIZE, run_before=to_after)


def test_stopping_the_timer_asks_how(practice_app, snap_compare):
    async def run_before(pilot):
        await to_timer(pilot)
        advance(pilot, 4 * 60)
        await pilot.press("escape")
        await pilot.pause()

    assert snap_compare(practice_app, terminal_size=SIZE, run_before=run_before)


def test_acknowledgement(practice_app, snap_compare):
    async def run_before(pilot):
        await to_after(pilot)
        await pilot.press("enter", "3", "0", "enter", "6", "0", "enter", "5", "5", "enter")
        await pilot.press(*"I can start even when I don't feel like it", "enter")
        await pilot.pause()

    assert snap_compare(practice_app, terminal_size=SIZE, run_before=run_before)


def test_adjustment_questions(practice_app, snap_compare):
    async def run_before(pilot):
        await to_after(pilot, completion="n")
        await pilot.press("ctrl+s", "enter")  # the ratings after: not rated
        await pilot.pause()
        await pilot.press("space", "down")
        await pilot.pause()

    assert snap_compare(practice_app, terminal_size=SIZE, run_before=run_before)


def test_resume_offer(seen_store, make_app, snap_compare, clock):
    from mastery_tui.domain.session import Session
    from mastery_tui.domain.timer import Countdown

    session = Session.quick("Wash one set of dishes", 10, now=clock.now()).with_before(40, 45)
    session = session.with_timer(Countdown.start(10, mono=clock.monotonic(), wall=clock.now()))
    seen_store.save_session(session.to_dict())
    clock.advance(4 * 60)
    assert snap_compare(make_app(seen_store), terminal_size=SIZE)


def test_acknowledgement_with_predicted_vs_felt(practice_app, snap_compare):
    """Expected 35 (the task's estimate), felt 10: the screen says so."""

    async def run_before(pilot):
        await to_after(pilot)
        await pilot.press("enter", "1", "0", "enter", "6", "0", "enter", "5", "5", "enter")
        await pilot.press(*"Starting was the hard part", "enter")
        await pilot.pause()

    assert snap_compare(practice_app, terminal_size=SIZE, run_before=run_before)


def test_before_on_a_hard_day(seen_store, practice_app, snap_compare):
    """Mood 20 and confidence 25: the smallest step is offered (s), and one of their own past
    sentences is shown."""
    from datetime import timedelta

    from tests.factories import practice, task

    now = seen_store.clock.now()
    task("Wash one cup", minutes=2, difficulty=5, store=seen_store)
    practice(now - timedelta(days=2), title="Walk", spent=5, completion="yes",
             reflection="I can start even when I don't feel like it", store=seen_store)  # fmt: skip

    async def run_before(pilot):
        await to_before(pilot)
        await pilot.press("2", "0", "enter", "2", "5")
        await pilot.pause()

    assert snap_compare(practice_app, terminal_size=SIZE, run_before=run_before)
