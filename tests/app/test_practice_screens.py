"""QA fixes in the practice flow's screens: the After sliders line up, the Adjust screen shows
its focus without colour, and the before ratings start unanswered, with the latest practice's
ratings beside them as a reference (never as the answer)."""

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


async def test_before_ratings_refer_to_the_newest_practice_when_none_are_remembered(
    seen_store, make_app, clock
):
    from mastery_tui.demo import seed_demo_history
    from mastery_tui.screens.practice.before import BeforeScreen

    from .test_practice_flow import press, settle

    seed_demo_history(seen_store, clock)
    assert seen_store.setting("last_mood") is None
    newest = seen_store.practices()[0]
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "n", "enter")
        assert isinstance(app.screen, BeforeScreen)
        mood = app.screen.query_one("#before-mood", RatingSlider)
        confidence = app.screen.query_one("#before-confidence", RatingSlider)
    assert (mood.value, confidence.value) == (None, None)  # unanswered: nothing is assumed
    assert (mood.reference, confidence.reference) == (newest.mood_after, newest.confidence_after)


async def test_before_ratings_remembered_last_time_win(seen_store, make_app, clock):
    from mastery_tui.demo import seed_demo_history
    from mastery_tui.screens.practice.flow import starting_ratings

    seed_demo_history(seen_store, clock)
    seen_store.set_setting("last_mood", 33)
    seen_store.set_setting("last_confidence", 44)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)):
        assert starting_ratings(app.services) == (33, 44)


async def test_before_ratings_have_no_reference_without_any_history(seen_store, make_app):
    from mastery_tui.screens.practice.flow import starting_ratings

    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)):
        assert starting_ratings(app.services) == (None, None)
