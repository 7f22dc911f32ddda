"""Pilot: the Learn page opens, shows the skill and the safety note, scrolls by keys, goes back."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import Static

from mastery_tui.domain import learn, words
from mastery_tui.screens.home import HomeScreen
from mastery_tui.screens.learn import LearnScreen


def page_text(screen: LearnScreen) -> str:
    return "\n".join(str(s.content) for s in screen.query(Static))


async def test_learn_opens_scrolls_and_goes_back(seen_store, run_app):
    async with run_app(seen_store) as ui:
        await ui.push(LearnScreen())
        screen = ui.screen
        assert isinstance(screen, LearnScreen)
        text = page_text(screen)
        for heading in ("What Build Mastery is", "Three principles", "How it fits with other skills"):
            assert heading in text
        for skill in ("ABC PLEASE", "Cope Ahead", "Opposite Action", "Mindfulness"):
            assert skill in text
        assert words.SAFETY_NOTE in text
        assert "Linehan, M. M. (2015). DBT Skills Training Manual, 2nd ed." in text
        assert screen.query_one("#learn-4", Static).has_class("safety")

        body = screen.query_one("#learn-body", VerticalScroll)
        assert body.max_scroll_y > 20  # a long page at 80x24
        assert body.scroll_y == 0
        await ui.keys("j", "j", "j")
        assert body.scroll_y == 3
        await ui.keys("k")
        assert body.scroll_y == 2
        await ui.keys("space")
        assert body.scroll_y > 15
        await ui.keys("g")
        assert body.scroll_y == 0
        await ui.keys("end")
        assert body.scroll_y == body.max_scroll_y

        await ui.keys("escape")
        assert isinstance(ui.screen, HomeScreen)


def test_every_section_has_words_and_the_principles_are_three():
    assert all(section.title and section.paragraphs for section in learn.SECTIONS)
    numbered = [p for p in learn.PRINCIPLES.paragraphs if p[:2] in ("1.", "2.", "3.")]
    assert len(numbered) == 3
    for section in learn.SECTIONS:
        text = learn.section_text(section).casefold()
        for word in ("failed", "streak", "missed", "lazy"):
            assert word not in text, (section.title, word)
