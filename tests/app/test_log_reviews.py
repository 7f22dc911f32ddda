"""Pilot: weekly reviews are part of the worksheet: `v` in the log lists them, enter reads one."""

from __future__ import annotations

from textual.widgets import Static

from mastery_tui.demo import seed_demo_history
from mastery_tui.domain.models import Review
from mastery_tui.screens.log import LogScreen
from mastery_tui.screens.review_list import ReviewListScreen
from mastery_tui.screens.week_review import SavedReviewScreen

from .log_helpers import keys, open_log


async def test_v_lists_the_reviews_and_enter_opens_one(seen_store, make_app):
    seed_demo_history(seen_store, seen_store.clock)
    (review,) = seen_store.all(Review)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_log(pilot)
        await keys(pilot, "v")
        listing = app.screen
        assert isinstance(listing, ReviewListScreen)
        line = str(listing.query_one("#reviews-list").get_option_at_index(0).prompt)
        assert line.startswith("▸ Week of Sat 14 Nov · School & studying · Study before dinner")
        assert len(line) <= 66
        await keys(pilot, "enter")
        assert isinstance(app.screen, SavedReviewScreen)
        assert app.screen.review.id == review.id
        await keys(pilot, "escape", "escape")
        assert isinstance(app.screen, LogScreen)


async def test_no_reviews_yet_says_where_they_come_from(seen_store, make_app):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_log(pilot)
        await keys(pilot, "v")
        empty = app.screen.query_one("#reviews-empty", Static)
        assert "At day 7 of a 7-day plan" in str(empty.content)
        await keys(pilot, "q")  # a stray q doesn't quit from a dialog
        assert isinstance(app.screen, ReviewListScreen)
        await keys(pilot, "escape")
        assert isinstance(app.screen, LogScreen)
