"""Helpers for the log Pilot tests and snapshots: hand-made practices, opening the log, waiting
for its loading thread."""

from __future__ import annotations

from datetime import datetime, timedelta

from mastery_tui.domain.clock import utc_iso
from mastery_tui.domain.models import Completion, Obstacle, Practice, default_area_id
from mastery_tui.screens.log import LogScreen
from mastery_tui.screens.log_table import LogTable
from mastery_tui.store import Store
from tests.kit import wait_for_threads

DAILY = default_area_id("daily")
STUDYING = default_area_id("studying")


def make_practice(
    store: Store,
    title: str,
    *,
    start: datetime | None = None,
    days_ago: float = 0,
    area_id: str | None = DAILY,
    minutes: int = 10,
    completion: Completion = Completion.YES,
    mood: tuple[int, int | None] = (40, 55),
    confidence: tuple[int, int | None] = (35, 50),
    difficulty: int | None = 30,
    reflection: str = "",
    note: str = "",
    obstacles: tuple[Obstacle, ...] = (),
) -> Practice:
    now = store.clock.now()
    begun = start or now - timedelta(days=days_ago, hours=1)
    return Practice.new(
        now=begun + timedelta(minutes=minutes),
        task_id=None,
        task_title=title,
        area_id=area_id,
        started=utc_iso(begun),
        ended=utc_iso(begun + timedelta(minutes=minutes)),
        planned_minutes=minutes,
        seconds_spent=minutes * 60,
        mood_before=mood[0],
        mood_after=mood[1],
        confidence_before=confidence[0],
        confidence_after=confidence[1],
        difficulty=difficulty,
        completion=completion,
        obstacles=obstacles,
        reflection=reflection,
        note=note,
    )


def seed_three(store: Store) -> list[Practice]:
    """Three practices in two areas over two weeks, newest first."""
    practices = [
        make_practice(
            store, "Walk 5 minutes around the block", days_ago=1, minutes=5,
            reflection="I can go out even when it's grey", mood=(30, 60),
        ),
        make_practice(
            store, "Review one page of notes", days_ago=3, area_id=STUDYING, minutes=15,
            completion=Completion.PARTLY, reflection="Half a page still counts",
            obstacles=(Obstacle.FATIGUE,), note="Tired after work.\nStarted anyway.",
        ),
        make_practice(
            store, "Wash one set of dishes", days_ago=12, minutes=8,
            completion=Completion.NO, mood=(50, None), confidence=(45, None), difficulty=None,
        ),
    ]
    store.save_practices(practices)
    return practices


async def settle(pilot) -> None:
    """Let the screen, then the log's loading thread, then the screen again, finish."""
    await pilot.pause()
    await wait_for_threads(pilot)
    await pilot.pause()


async def keys(pilot, *names: str) -> None:
    for name in names:
        await pilot.press(name)
    await settle(pilot)


async def open_log(pilot) -> LogScreen:
    """`l` on Home."""
    await pilot.pause()
    await pilot.press("l")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, LogScreen)
    return screen


def titles(screen: LogScreen) -> list[str]:
    table = screen.query_one(LogTable)
    return [e.practice.task_title for e in table.entries] if table.display else []


def status(screen: LogScreen) -> str:
    return str(screen.query_one("#log-status").content)
