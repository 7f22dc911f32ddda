"""Pilot: escape on any form with something typed asks the same question first; with nothing
typed it just closes. (The task form, notes, the practice editor and the review have their
own tests; these are the small dialogs.)"""

from __future__ import annotations

import pytest

from mastery_tui.screens.brainstorm import BrainstormScreen
from mastery_tui.screens.confirm import ConfirmScreen
from mastery_tui.screens.name_prompt import NamePrompt
from mastery_tui.screens.practice.choose import ChooseTaskScreen, QuickTaskScreen
from mastery_tui.screens.split import SplitScreen

from .brainstorm_helpers import keys, seed

# (keys from Home that open the form, its screen, what to type, the screen escape returns to)
FORMS = {
    "quick task": (("n", "ctrl+n"), QuickTaskScreen, "Sit outside", ChooseTaskScreen),
    "new life area": (("b", "n"), NamePrompt, "Garden", BrainstormScreen),
    "split a task": (("b", "down", "down", "down", "right", "s"), SplitScreen, "Shoes on", BrainstormScreen),
}


@pytest.mark.parametrize("form", FORMS)
async def test_escape_asks_only_when_something_was_typed(form, seen_store, make_app):
    opening, kind, text, back_to = FORMS[form]
    seed(seen_store)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await keys(pilot, *opening)
        assert isinstance(app.screen, kind)
        await keys(pilot, "escape")  # nothing typed: closes at once
        assert isinstance(app.screen, back_to)
        await keys(pilot, *opening[-1:], *text, "escape")
        assert isinstance(app.screen, ConfirmScreen)
        await keys(pilot, "n")  # keep editing: everything is still there
        assert isinstance(app.screen, kind)
        await keys(pilot, "escape", "y")  # discard
        assert isinstance(app.screen, back_to)
