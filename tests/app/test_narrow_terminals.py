"""Below 80 columns the footer keeps the keys to finish or leave, and the rest move to the
palette; growing the terminal again brings every key back."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from mastery_tui.screens.home import HomeScreen

from .footer_helpers import footer_overflow, footer_words
from .test_timer_screen import open_timer


def palette_hint(screen) -> list[str]:
    return [k.description for k in screen.query(FooterKey) if k.has_class("-command-palette")]


async def test_home_below_80_columns_keeps_quit_and_support(seen_store, run_app):
    async with run_app(seen_store, size=(60, 20)) as ui:
        assert isinstance(ui.screen, HomeScreen)
        assert footer_words(ui.screen) == ["Quit", "Support"]
        assert palette_hint(ui.screen) == ["More"] and footer_overflow(ui.screen) == []
        await ui.pilot.resize_terminal(80, 24)
        await ui.settle()
        assert footer_words(ui.screen)[:4] == ["Do it now", "Week", "Log", "Trends"]
        await ui.pilot.resize_terminal(50, 16)
        await ui.settle()
        assert footer_words(ui.screen) == ["Quit", "Support"]


async def test_the_timer_at_40x15_shows_finish_stop_and_support(seen_store, run_app, clock):
    async with run_app(seen_store, size=(40, 15)) as ui:
        _, results = await open_timer(ui, clock, minutes=10)
        assert footer_words(ui.screen) == ["Done", "Stop", "Support"]
        assert footer_overflow(ui.screen) == []
        await ui.keys("f")  # finish works from the key it shows
    assert results and results[0].finished


async def test_before_and_after_at_40x15_keep_every_footer_key_and_every_choice_whole(
    seen_store, run_app, clock
):
    from mastery_tui.domain.session import Session
    from mastery_tui.screens.practice.after import AfterScreen
    from mastery_tui.screens.practice.before import BeforeScreen
    from mastery_tui.widgets.choice import Choice

    session = Session.quick("Study one page", 20, now=clock.now())
    async with run_app(seen_store, size=(40, 15)) as ui:
        await ui.push(BeforeScreen(session))
        assert footer_words(ui.screen) == ["Start", "Not now", "Support"]  # one word each
        assert footer_overflow(ui.screen) == [] and palette_hint(ui.screen) == [""]  # ^p alone
        ui.app.pop_screen()
        await ui.push(AfterScreen(session.with_before(40, 50), seconds_spent=600))
        assert footer_overflow(ui.screen) == []
        choice = ui.screen.query_one("#after-completion", Choice)
        assert choice.region.height == 3  # one option a line: none cut at the right edge
        lines = [str(line.text).rstrip() for line in choice.render_lines(choice.region.reset_offset)]
        assert [line.split(") ")[1] for line in lines] == ["Done", "Partly", "Not this time"]
        await ui.keys("p")  # its keys still choose
        assert choice.value == "partly"
        await ui.pilot.resize_terminal(80, 24)
        await ui.settle()
        assert choice.region.height == 1  # room again: one line
