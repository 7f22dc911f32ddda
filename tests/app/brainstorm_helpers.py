"""Helpers for the brainstorm Pilot tests: keys, typing, and what a screen shows."""

from __future__ import annotations

from textual.widgets import OptionList, Static

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
