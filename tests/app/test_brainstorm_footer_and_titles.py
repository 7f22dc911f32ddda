"""QA fixes in the brainstorm: a footer that fits 80 columns, and long task titles that wrap
under their indent."""

from __future__ import annotations

from tests.factories import tasks
from tests.kit import palette_titles

from .brainstorm_helpers import THREE, open_brainstorm
from .footer_helpers import footer_overflow, footer_words


async def test_both_footers_fit_80_columns_with_back_and_support(seen_store, run_app):
    tasks(seen_store, THREE)
    async with run_app(seen_store) as ui:
        screen = await open_brainstorm(ui)
        for focus in ("areas", "tasks"):
            await ui.keys("down", "down", "down") if focus == "areas" else await ui.keys("right")
            assert footer_overflow(screen) == [], focus
            assert {"Back", "Support"} <= set(footer_words(screen)), focus
        palette = palette_titles(ui.app, screen)
        assert {"Split task", "Delete task", "Move task up", "Move task down"} <= palette


async def test_a_long_task_title_wraps_under_its_indent(seen_store, run_app):
    long = "Read one short article about a topic from class, then write three lines (just 7 min)"
    tasks(seen_store, (long, "Walk 5 minutes"))
    async with run_app(seen_store) as ui:
        screen = await open_brainstorm(ui)
        await ui.keys("down", "down", "down", "right")
        listing = screen.query_one("#bs-tasks")
        lines = [listing.render_line(y).text for y in range(listing.size.height)]
        shown = [line for line in lines if line.strip()]
        assert len(shown) >= 5  # the long title takes two lines, its meta a third
        assert all(line.startswith(("▸ ", "  ")) for line in shown), shown
        assert shown[0].startswith("▸ Read one")
        assert any("(just 7 min)" in line for line in shown)
