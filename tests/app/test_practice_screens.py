"""QA fixes in the practice flow's screens: the After sliders line up, the Adjust screen shows
its focus without colour, and the before ratings start unanswered, with the latest practice's
ratings beside them as a reference (never as the answer)."""

from __future__ import annotations

from mastery_tui.domain.session import Session
from mastery_tui.screens.practice.after import AfterScreen
from mastery_tui.widgets.rating import RatingSlider


async def test_the_after_sliders_have_tracks_of_one_length(seen_store, run_app, clock):
    async with run_app(seen_store) as ui:
        session = Session.quick("Study one page", 20, now=clock.now()).with_before(40, 50)
        await ui.push(AfterScreen(session, seconds_spent=600))
        ids = ("#after-difficulty", "#after-mood", "#after-confidence")
        sliders = [ui.screen.query_one(i, RatingSlider) for i in ids]
        widths = {s._track_width() for s in sliders}
        assert len(widths) == 1, widths
        assert {s.region.x for s in sliders} == {sliders[0].region.x}


async def test_before_ratings_refer_to_the_newest_practice_when_none_are_remembered(
    seen_store, run_app, clock
):
    from mastery_tui.demo import seed_demo_history
    from mastery_tui.screens.practice.before import BeforeScreen

    seed_demo_history(seen_store, clock)
    assert seen_store.setting("last_mood") is None
    newest = seen_store.practices()[0]
    async with run_app(seen_store) as ui:
        await ui.keys("n", "enter")
        assert isinstance(ui.screen, BeforeScreen)
        mood = ui.screen.query_one("#before-mood", RatingSlider)
        confidence = ui.screen.query_one("#before-confidence", RatingSlider)
    assert (mood.value, confidence.value) == (None, None)  # unanswered: nothing is assumed
    assert (mood.reference, confidence.reference) == (newest.mood_after, newest.confidence_after)


async def test_before_ratings_remembered_last_time_win(seen_store, run_app, clock):
    from mastery_tui.demo import seed_demo_history
    from mastery_tui.screens.practice.flow import starting_ratings

    seed_demo_history(seen_store, clock)
    seen_store.set_setting("last_mood", 33)
    seen_store.set_setting("last_confidence", 44)
    async with run_app(seen_store) as ui:
        assert starting_ratings(ui.app.services) == (33, 44)


async def test_before_ratings_have_no_reference_without_any_history(seen_store, run_app):
    from mastery_tui.screens.practice.flow import starting_ratings

    async with run_app(seen_store) as ui:
        assert starting_ratings(ui.app.services) == (None, None)
