"""The Before screen on a hard day (care rules): a low mood typed there offers the smallest
step (s swaps, nothing is decided for the person); a low confidence shows one of their own
past "what I proved to myself" sentences."""

from __future__ import annotations

from datetime import timedelta

from mastery_tui.domain.models import Completion
from mastery_tui.screens.practice.before import BeforeScreen
from mastery_tui.screens.practice.timer import TimerScreen
from tests.app.footer_helpers import footer_words
from tests.app.practice_helpers import TONIGHT, start_from_home
from tests.factories import practice, task


def shown(screen, selector: str) -> str:
    widget = screen.query_one(selector)
    return str(widget.content) if widget.display else ""


async def test_a_low_mood_offers_the_smallest_step_and_s_swaps_to_it(seen_store, run_app, reopen):
    task("Study for 20 minutes", minutes=20, difficulty=60, plan=TONIGHT, bad_day_ok=False,
         store=seen_store)  # fmt: skip
    cup = task("Wash one cup", minutes=2, difficulty=5, store=seen_store)
    async with run_app(seen_store) as ui:
        await start_from_home(ui)
        assert shown(ui.screen, "#before-smallest") == ""
        assert "Smallest step" not in footer_words(ui.screen)
        await ui.keys("5", "5")
        assert shown(ui.screen, "#before-smallest") == ""  # 55: an ordinary day
        await ui.keys("backspace", "backspace", "2", "0")
        assert "Wash one cup" in shown(ui.screen, "#before-smallest")
        assert "Smallest step" in footer_words(ui.screen)
        await ui.keys("s")
        screen = ui.screen
        assert isinstance(screen, BeforeScreen) and screen.session.title == "Wash one cup"
        assert screen.ratings == (20, None)  # what was typed comes along
        assert shown(screen, "#before-smallest") == ""  # it is the smallest already
        await ui.keys("enter", "4", "0", "enter")
        assert isinstance(ui.screen, TimerScreen)
    session = reopen().load_session()
    assert session is not None and session["task_id"] == cup.id and session["mood_before"] == 20


async def test_a_low_confidence_shows_their_own_past_sentence(seen_store, run_app, clock):
    walk = task("Walk 5 minutes", minutes=5, difficulty=20, plan=TONIGHT, store=seen_store)
    practice(clock.now() - timedelta(days=3), task=walk, spent=5, completion=Completion.YES,
             reflection="I can start even when I don't feel like it", store=seen_store)  # fmt: skip
    async with run_app(seen_store) as ui:
        await start_from_home(ui)
        await ui.keys("5", "0", "enter", "6", "0")
        assert shown(ui.screen, "#before-evidence") == ""  # confidence 60: nothing to add
        await ui.keys("backspace", "backspace", "2", "5")
        assert "I can start even when I don't feel like it" in shown(ui.screen, "#before-evidence")


async def test_stuck_prompts_on_choose_and_before_too(seen_store, run_app):
    task("Walk 5 minutes", minutes=5, difficulty=20, plan=TONIGHT, store=seen_store)
    async with run_app(seen_store) as ui:
        await ui.keys("n")
        assert shown(ui.screen, "#choose-prompt") == ""
        await ui.keys("ctrl+r")
        first = shown(ui.screen, "#choose-prompt")
        assert first
        await ui.keys("ctrl+r")
        assert shown(ui.screen, "#choose-prompt") not in ("", first)  # another one
        assert ui.screen.query_one("#choose-filter").value == ""  # nothing typed in the filter
        await ui.keys("enter")
        assert isinstance(ui.screen, BeforeScreen)
        await ui.keys("r")
        assert shown(ui.screen, "#before-prompt")
        assert ui.screen.ratings == (None, None)  # r answered nothing
