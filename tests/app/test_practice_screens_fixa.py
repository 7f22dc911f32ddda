"""QA fixes in the practice flow's screens: the After sliders line up, the Adjust screen shows
its focus without colour, and the before-ratings start from the latest practice."""

from __future__ import annotations

from mastery_tui.domain.session import Session
from mastery_tui.screens.practice.after import AfterScreen
from mastery_tui.widgets.rating import RatingSlider


async def test_the_after_sliders_have_tracks_of_one_length(seen_store, make_app, clock):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session = Session.quick("Study one page", 20, now=clock.now()).with_before(40, 50)
        app.push_screen(AfterScreen(session, seconds_spent=600))
        await pilot.pause()
        ids = ("#after-difficulty", "#after-mood", "#after-confidence")
        sliders = [app.screen.query_one(i, RatingSlider) for i in ids]
        widths = {s._track_width() for s in sliders}
        assert len(widths) == 1, widths
        assert {s.region.x for s in sliders} == {sliders[0].region.x}
