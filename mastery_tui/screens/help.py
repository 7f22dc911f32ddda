"""Help: the keys, what the skill is, the safety note and the references. `?` or F1."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ..domain import words
from ..widgets.keys import KeyTable


class HelpScreen(ModalScreen[None]):
    """A scrollable help page over the current screen."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "close", "Close", id="help.close"),
        Binding("j,down", "scroll(1)", "Down", show=False),
        Binding("k,up", "scroll(-1)", "Up", show=False),
    ]

    def __init__(self, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self._keys = keys

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box", classes="dialog"):
            yield Static(Content("Help"), classes="dialog-title")
            with VerticalScroll(id="help-body"):
                yield Static(Content("Keys"), classes="section")
                yield KeyTable(self._keys, id="help-keys")
                yield Static(Content("Please keep in mind"), classes="section")
                yield Static(Content(words.SAFETY_NOTE), id="help-safety", classes="safety")
                yield Static(Content("What Build Mastery is"), classes="section")
                yield Static(Content(words.ABOUT_SKILL))
                yield Static(Content("References"), classes="section")
                yield Static(Content(words.REFERENCES))
            yield Static(Content("escape closes · ↑/↓ scroll"), classes="dialog-hint")

    def action_scroll(self, lines: int) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
