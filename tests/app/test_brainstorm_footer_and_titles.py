"""QA fixes in the brainstorm: a footer that fits 80 columns, and long task titles that wrap
under their indent."""

from __future__ import annotations

from tests.kit import palette_titles

from .brainstorm_helpers import keys, open_brainstorm, seed
from .footer_helpers import footer_overflow, footer_words


async def test_both_footers_fit_80_columns_with_back_and_help(seen_store, make_app):
    seed(seen_store)
    async with make_app(seen_store).run_test(size=(80, 24)) as pilot:
        screen = await open_brainstorm(pilot)
        for focus in ("areas", "tasks"):
            await keys(pilot, "down", "down", "down") if focus == "areas" else await keys(pilot, "right")
            assert footer_overflow(screen) == [], focus
            assert {"Back", "Help"} <= set(footer_words(screen)), focus
        palette = palette_titles(pilot.app, screen)
        assert {"Split task", "Delete task", "Move task up", "Move task down"} <= palette


async def test_a_long_task_title_wraps_under_its_indent(seen_store, make_app):
    long = "Read one short article about a topic from class, then write three lines (just 7 min)"
    seed(seen_store, titles=(long, "Walk 5 minutes"))
    async with make_app(seen_store).run_test(size=(80, 24)) as pilot:
        screen = await open_brainstorm(pilot)
        await keys(pilot, "down", "down", "down", "right")
        listing = screen.query_one("#bs-tasks")
        lines = [listing.render_line(y).text for y in range(listing.size.height)]
        shown = [line for line in lines if line.strip()]
        assert len(shown) >= 5  # the long title takes two lines, its meta a third
        assert all(line.startswith(("▸ ", "  ")) for line in shown), shown
        assert shown[0].startswith("▸ Read one")
        assert any("(just 7 min)" in line for line in shown)
