"""Saving with a question left unanswered: one calm line, and an explicit skip.

The app never records an answer the person didn't give (SKILL.md, care rules). Leaving one
blank is fine, but it is their choice: ``enter`` (or ``s``) saves what is blank as "not rated",
``escape`` (or ``r``) goes back to answer it. Returns True to skip, False to go back.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ..commands import dialog_bindings
from ..widgets.footer import Footer


class UnansweredScreen(ModalScreen[bool]):
    COMMAND_TABLE = "unanswered"
    BINDINGS = dialog_bindings(COMMAND_TABLE)

    def __init__(self, line: str, *, skip: str = "save them as \u201cnot rated\u201d") -> None:
        super().__init__()
        self._line = line
        self._skip = skip

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self._line), id="unanswered-line")
            yield Static(
                Content.assemble(
                    ("enter", "bold"), f" {self._skip}    ", ("escape", "bold"), " rate now"
                ),
                classes="dialog-hint",
            )
        yield Footer()

    def action_answer(self, skip: bool) -> None:
        self.dismiss(skip)
