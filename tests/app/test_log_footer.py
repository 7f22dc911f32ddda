"""The log's footer fits 80 columns with escape and help; every action stays in the palette."""

from __future__ import annotations

from tests.kit import palette_titles

from .footer_helpers import footer_overflow, footer_words
from .log_helpers import open_log, seed_three


async def test_the_log_footer_fits_80_columns_with_back_and_help(seen_store, make_app):
    seed_three(seen_store)
    async with make_app(seen_store).run_test(size=(80, 24)) as pilot:
        screen = await open_log(pilot)
        assert footer_overflow(screen) == []
        assert {"Back", "Help"} <= set(footer_words(screen))
        palette = palette_titles(pilot.app, screen)
        assert any("xport" in name for name in palette)
        assert any("eview" in name for name in palette)


async def test_the_log_footer_fits_while_searching(seen_store, make_app):
    from .log_helpers import keys

    seed_three(seen_store)
    async with make_app(seen_store).run_test(size=(80, 24)) as pilot:
        screen = await open_log(pilot)
        await keys(pilot, "slash")
        assert footer_overflow(screen) == []
