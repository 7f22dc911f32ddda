"""Helpers for the log Pilot tests: finished practices as the log shows them, opening the log."""

from __future__ import annotations

from datetime import datetime, timedelta

from mastery_tui.domain.models import Completion, Obstacle, Practice
from mastery_tui.screens.log import LogScreen
from mastery_tui.screens.log_table import LogTable
from mastery_tui.store import Store
from tests.factories import DAILY, STUDYING, practice
from tests.kit import UI


def logged(
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
    **fields,
) -> Practice:
    """A finished practice (``minutes`` planned and spent) begun ``days_ago`` an hour before now."""
    begun = start or store.clock.now() - timedelta(days=days_ago, hours=1)
    return practice(
        begun, title=title, area_id=area_id, minutes=minutes, spent=minutes, ended=True,
        now=begun + timedelta(minutes=minutes), mood=mood, confidence=confidence,
        difficulty=difficulty, completion=completion, **fields,
    )  # fmt: skip


def seed_three(store: Store) -> list[Practice]:
    """Three practices in two areas over two weeks, newest first."""
    practices = [
        logged(
            store, "Walk 5 minutes around the block", days_ago=1, minutes=5,
            reflection="I can go out even when it's grey", mood=(30, 60),
        ),
        logged(
            store, "Review one page of notes", days_ago=3, area_id=STUDYING, minutes=15,
            completion=Completion.PARTLY, reflection="Half a page still counts",
            obstacles=(Obstacle.FATIGUE,), note="Tired after work.\nStarted anyway.",
        ),
        logged(
            store, "Wash one set of dishes", days_ago=12, minutes=8,
            completion=Completion.NO, mood=(50, None), confidence=(45, None), difficulty=None,
        ),
    ]
    store.save_practices(practices)
    return practices


async def open_log(ui: UI) -> LogScreen:
    """`l` on Home."""
    await ui.keys("l")
    screen = ui.screen
    assert isinstance(screen, LogScreen)
    return screen


def titles(screen: LogScreen) -> list[str]:
    table = screen.query_one(LogTable)
    return [e.practice.task_title for e in table.entries] if table.display else []


def status(screen: LogScreen) -> str:
    return str(screen.query_one("#log-status").content)
