"""Helpers for the brainstorm Pilot tests: keys, typing, and what a screen shows."""

from __future__ import annotations

from textual.widgets import Input, OptionList, Static

from mastery_tui.domain.models import Task, default_area_id
from mastery_tui.screens.brainstorm import BrainstormScreen
from mastery_tui.screens.task_form import TaskFormScreen
from mastery_tui.store import Store


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


async def keys(pilot, *names: str) -> None:
    for name in names:
        await pilot.press(name)
    await pilot.pause()


async def write(pilot, text: str) -> None:
    await pilot.press(*text)
    await pilot.pause()


async def open_brainstorm(pilot) -> BrainstormScreen:
    await pilot.pause()
    await keys(pilot, "b")
    screen = pilot.app.screen
    assert isinstance(screen, BrainstormScreen)
    return screen


def option_texts(screen, selector: str) -> list[str]:
    listing = screen.query_one(selector, OptionList)
    return [str(option.prompt).removeprefix("▸ ").removeprefix("  ") for option in listing.options]


def active_titles(store: Store, area_id: str) -> list[str]:
    return [t.title for t in store.tasks(area_id=area_id)]


async def add_task(pilot, title: str, *, minutes: str | None = None) -> None:
    """n, type a title (and minutes), ctrl+s: the whole add flow by keyboard."""
    await keys(pilot, "n")
    assert isinstance(pilot.app.screen, TaskFormScreen)
    await write(pilot, title)
    if minutes is not None:
        await keys(pilot, "tab", *["backspace"] * 3)
        await write(pilot, minutes)
    await keys(pilot, "ctrl+s")
    assert isinstance(pilot.app.screen, BrainstormScreen)


DAILY = default_area_id("daily")
TO_DAILY = ("down", "down", "down", "right")


def seed(store, titles=("Wash dishes", "Walk 5 minutes", "Check one bill"), **fields) -> list[Task]:
    now = store.clock.now()
    tasks = [Task.new(now=now, title=t, area_id=DAILY, order=i, **fields) for i, t in enumerate(titles)]
    store.save(*tasks)
    return tasks


async def to_daily(pilot):
    screen = await open_brainstorm(pilot)
    await keys(pilot, *TO_DAILY)
    assert screen.current_area is not None and screen.current_area.id == DAILY
    return screen


def fill(screen, selector: str, value: str) -> None:
    screen.query_one(selector, Input).value = value
