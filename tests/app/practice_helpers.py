"""Helpers for the do-it-now Pilot tests: a task planned for tonight, and the way from Home
through the before ratings and the timer."""

from __future__ import annotations

from mastery_tui.domain.models import Plan
from mastery_tui.screens.home import HomeScreen
from mastery_tui.screens.practice.after import AfterScreen
from mastery_tui.screens.practice.before import BeforeScreen
from mastery_tui.screens.practice.choose import ChooseTaskScreen
from mastery_tui.screens.practice.timer import TimerScreen
from tests.kit import UI

TONIGHT = Plan(days=(0,), time="19:30")  # today (Monday) at START's time: first in the chooser


async def start_from_home(ui: UI) -> None:
    assert isinstance(ui.screen, HomeScreen)
    await ui.keys("n")
    assert isinstance(ui.screen, ChooseTaskScreen)
    await ui.keys("enter")  # today's planned task is first
    assert isinstance(ui.screen, BeforeScreen)


async def before_and_timer(ui: UI, clock, *, mood: str, confidence: str, minutes_spent: int) -> None:
    await ui.keys(*mood, "enter", *confidence, "enter")
    assert isinstance(ui.screen, TimerScreen)
    clock.advance(minutes_spent * 60)
    ui.screen.tick()
    await ui.keys("f")
    assert isinstance(ui.screen, AfterScreen)
