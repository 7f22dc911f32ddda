"""The log's footer fits 80 columns with escape and help; every action stays in the palette."""

from __future__ import annotations

from tests.kit import palette_titles

from .footer_helpers import footer_overflow, footer_words
from .log_helpers import open_log, seed_three


async def test_the_log_footer_fits_80_columns_with_back_and_support(seen_store, run_app):
    seed_three(seen_store)
    async with run_app(seen_store) as ui:
        screen = await open_log(ui)
        assert footer_overflow(screen) == []
        assert {"Back", "Support"} <= set(footer_words(screen))
        palette = palette_titles(ui.app, screen)
        assert any("xport" in name for name in palette)
        assert any("eview" in name for name in palette)


async def test_the_log_footer_fits_while_searching(seen_store, run_app):
    seed_three(seen_store)
    async with run_app(seen_store) as ui:
        screen = await open_log(ui)
        await ui.keys("slash")
        assert footer_overflow(screen) == []
