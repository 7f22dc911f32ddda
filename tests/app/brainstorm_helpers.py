"""Helpers for the brainstorm Pilot tests: opening it, the add flow, and what a screen shows."""

from __future__ import annotations

from textual.widgets import Input, OptionList, Static

from mastery_tui.screens.brainstorm import BrainstormScreen
from mastery_tui.screens.task_form import TaskFormScreen
from mastery_tui.store import Store
from tests.factories import DAILY
from tests.kit import UI

THREE = ("Wash dishes", "Walk 5 minutes", "Check one bill")  # tests.factories.tasks(store, THREE)
TO_DAILY = ("down", "down", "down", "right")


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


async def open_brainstorm(ui: UI) -> BrainstormScreen:
    await ui.keys("b")
    screen = ui.screen
    assert isinstance(screen, BrainstormScreen)
    return screen


def option_texts(screen, selector: str) -> list[str]:
    listing = screen.query_one(selector, OptionList)
    return [str(option.prompt).removeprefix("▸ ").removeprefix("  ") for option in listing.options]


def active_titles(store: Store, area_id: str) -> list[str]:
    return [t.title for t in store.tasks(area_id=area_id)]


async def add_task(ui: UI, title: str, *, minutes: str | None = None, bad_day: str = "y") -> None:
    """n, type a title (and minutes), ctrl+s: the whole add flow by keyboard. The bad-day
    question starts unanswered, so the first ctrl+s asks it (its answer gets the focus);
    ``bad_day`` ("y" or "n") answers it, and ctrl+s saves."""
    await ui.keys("n")
    assert isinstance(ui.screen, TaskFormScreen)
    await ui.write(title)
    if minutes is not None:
        await ui.keys("tab", *["backspace"] * 3, *minutes)
    await ui.keys("ctrl+s", bad_day, "ctrl+s")
    assert isinstance(ui.screen, BrainstormScreen)


async def to_daily(ui: UI) -> BrainstormScreen:
    screen = await open_brainstorm(ui)
    await ui.keys(*TO_DAILY)
    assert screen.current_area is not None and screen.current_area.id == DAILY
    return screen


def fill(screen, selector: str, value: str) -> None:
    screen.query_one(selector, Input).value = value
