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
from tests.factories import tasks

from .brainstorm_helpers import THREE

# (keys from Home that open the form, its screen, what to type, the screen escape returns to)
FORMS = {
    "quick task": (("n", "ctrl+n"), QuickTaskScreen, "Sit outside", ChooseTaskScreen),
    "new life area": (("b", "n"), NamePrompt, "Garden", BrainstormScreen),
    "split a task": (("b", "down", "down", "down", "right", "s"), SplitScreen, "Shoes on", BrainstormScreen),
}


@pytest.mark.parametrize("form", FORMS)
async def test_escape_asks_only_when_something_was_typed(form, seen_store, run_app):
    opening, kind, text, back_to = FORMS[form]
    tasks(seen_store, THREE)
    async with run_app(seen_store) as ui:
        await ui.keys(*opening)
        assert isinstance(ui.screen, kind)
        await ui.keys("escape")  # nothing typed: closes at once
        assert isinstance(ui.screen, back_to)
        await ui.keys(*opening[-1:], *text, "escape")
        assert isinstance(ui.screen, ConfirmScreen)
        await ui.keys("n")  # keep editing: everything is still there
        assert isinstance(ui.screen, kind)
        await ui.keys("escape", "y")  # discard
        assert isinstance(ui.screen, back_to)
