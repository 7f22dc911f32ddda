"""The brainstorm opened from the week setup: on the week's area, with a one-line hint."""

from __future__ import annotations

from mastery_tui.screens.brainstorm import BrainstormScreen
from tests.factories import DAILY, tasks

from .brainstorm_helpers import THREE, open_brainstorm, text_of


async def test_opened_for_a_week_it_starts_on_that_area_with_a_hint(seen_store, run_app):
    tasks(seen_store, THREE)
    async with run_app(seen_store) as ui:
        ui.app.push_screen(BrainstormScreen(ui.app.services, area_id=DAILY))
        await ui.settle()
        screen = ui.screen
        assert screen.current_area is not None and screen.current_area.id == DAILY
        hint = text_of(screen, "#bs-hint")
        assert "Daily living" in hint and "escape" in hint
        assert screen.query_one("#bs-hint").display
        assert screen.focused is screen.query_one("#bs-tasks")


async def test_opened_from_home_it_shows_no_week_hint(seen_store, run_app):
    async with run_app(seen_store) as ui:
        screen = await open_brainstorm(ui)
        assert not screen.query_one("#bs-hint").display


async def test_the_week_setup_opens_it_on_the_chosen_area(seen_store, run_app):
    from mastery_tui.screens.week_setup import WeekSetupScreen

    async with run_app(seen_store) as ui:
        ui.app.push_screen(WeekSetupScreen(ui.app.services))
        await ui.settle()
        await ui.keys("down", "down", "down", "enter")  # Daily living, no tasks yet
        screen = ui.screen
        assert isinstance(screen, BrainstormScreen)
        assert screen.current_area is not None and screen.current_area.id == DAILY
        assert "Daily living" in text_of(screen, "#bs-hint")
