"""Pilot: weekly reviews are part of the worksheet: `v` in the log lists them, enter reads one."""

from __future__ import annotations

from textual.widgets import Static

from mastery_tui.demo import seed_demo_history
from mastery_tui.domain.models import Review
from mastery_tui.screens.log import LogScreen
from mastery_tui.screens.review_list import ReviewListScreen
from mastery_tui.screens.week_review import SavedReviewScreen

from .log_helpers import open_log


async def test_v_lists_the_reviews_and_enter_opens_one(seen_store, run_app):
    seed_demo_history(seen_store, seen_store.clock)
    (review,) = seen_store.all(Review)
    async with run_app(seen_store) as ui:
        await open_log(ui)
        await ui.keys("v")
        listing = ui.screen
        assert isinstance(listing, ReviewListScreen)
        line = str(listing.query_one("#reviews-list").get_option_at_index(0).prompt)
        assert line.startswith("▸ Week of Sat 14 Nov · School & studying · Study before dinner")
        assert len(line) <= 66
        await ui.keys("enter")
        assert isinstance(ui.screen, SavedReviewScreen)
        assert ui.screen.review.id == review.id
        await ui.keys("escape", "escape")
        assert isinstance(ui.screen, LogScreen)


async def test_no_reviews_yet_says_where_they_come_from(seen_store, run_app):
    async with run_app(seen_store) as ui:
        await open_log(ui)
        await ui.keys("v")
        empty = ui.screen.query_one("#reviews-empty", Static)
        assert "At day 7 of a 7-day plan" in str(empty.content)
        await ui.keys("q")  # a stray q doesn't quit from a dialog
        assert isinstance(ui.screen, ReviewListScreen)
        await ui.keys("escape")
        assert isinstance(ui.screen, LogScreen)
