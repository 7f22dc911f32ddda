"""The safety note, shown once on the first run and dismissed by a key."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ..commands import dialog_bindings
from ..domain import words
from ..widgets.footer import Footer


class SafetyScreen(ModalScreen[bool]):
    """Returns True when the person has read it (any of the keys below)."""

    COMMAND_TABLE = "safety"
    BINDINGS = dialog_bindings(COMMAND_TABLE)

    def compose(self) -> ComposeResult:
        with Vertical(id="safety-box", classes="dialog"):
            yield Static(Content(words.SAFETY_TITLE), classes="dialog-title")
            yield Static(Content(words.SAFETY_NOTE), id="safety-text", classes="safety")
            yield Static(
                Content("Press enter to continue. This note is always in Support (F1)."),
                classes="dialog-hint",
            )
        yield Footer()

    def action_ok(self) -> None:
        self.dismiss(True)
