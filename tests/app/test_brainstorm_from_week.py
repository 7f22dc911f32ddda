"""The brainstorm opened from the week setup: on the week's area, with a one-line hint."""

from __future__ import annotations

from mastery_tui.screens.brainstorm import BrainstormScreen

from .brainstorm_helpers import DAILY, open_brainstorm, seed, text_of


async def test_opened_for_a_week_it_starts_on_that_area_with_a_hint(seen_store, make_app):
    seed(seen_store)
    async with make_app(seen_store).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        pilot.app.push_screen(BrainstormScreen(pilot.app.services, area_id=DAILY))
        await pilot.pause()
        screen = pilot.app.screen
        assert screen.current_area is not None and screen.current_area.id == DAILY
        hint = text_of(screen, "#bs-hint")
        assert "Daily living" in hint and "escape" in hint
        assert screen.query_one("#bs-hint").display
        assert screen.focused is screen.query_one("#bs-tasks")


async def test_opened_from_home_it_shows_no_week_hint(seen_store, make_app):
    async with make_app(seen_store).run_test(size=(80, 24)) as pilot:
        screen = await open_brainstorm(pilot)
        assert not screen.query_one("#bs-hint").display


async def test_the_week_setup_opens_it_on_the_chosen_area(seen_store, make_app):
    from mastery_tui.screens.week_setup import WeekSetupScreen

    async with make_app(seen_store).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        pilot.app.push_screen(WeekSetupScreen(pilot.app.services))
        await pilot.pause()
        await pilot.press("down", "down", "down", "enter")  # Daily living, no tasks yet
        await pilot.pause()
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, BrainstormScreen)
        assert screen.current_area is not None and screen.current_area.id == DAILY
        assert "Daily living" in text_of(screen, "#bs-hint")
