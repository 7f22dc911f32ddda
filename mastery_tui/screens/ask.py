"""A small yes/no question over the current screen. Returns True, False, or None on escape."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ..commands import dialog_bindings
from ..widgets.footer import Footer


class AskScreen(ModalScreen[bool | None]):
    """``y`` answers yes, ``n`` no, escape leaves the question unanswered."""

    COMMAND_TABLE = "ask"
    BINDINGS = dialog_bindings(COMMAND_TABLE)

    def __init__(
        self, question: str, *, yes: str = "yes", no: str = "no", detail: str = "", escape: str = "back"
    ) -> None:
        """``escape``: what leaving the question unanswered means here, in the hint."""
        super().__init__()
        self._escape = escape
        self._question = question
        self._yes = yes
        self._no = no
        self._detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self._question), id="ask-question", classes="dialog-title")
            if self._detail:
                yield Static(Content(self._detail), id="ask-detail")
            yield Static(
                Content.assemble(
                    ("y", "bold"), f" {self._yes}    ", ("n", "bold"), f" {self._no}    ",
                    ("escape", "bold"), f" {self._escape}",
                ),
                classes="dialog-hint",
            )
        yield Footer()

    def action_answer(self, answer: bool | None) -> None:
        self.dismiss(answer)
