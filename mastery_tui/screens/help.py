"""Help: the keys, what the skill is, the safety note and the references. `?` or F1."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ..domain import words
from ..widgets.keys import KeyTable


class HelpScreen(Screen[None]):
    """A full, scrollable help page; escape returns to where you were."""

    SUB_TITLE = "Help"

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "close", "Back", id="help.close"),
        Binding("l", "app.learn", "Learn", id="help.learn"),
        Binding("j", "scroll(1)", "Down", show=False),
        Binding("k", "scroll(-1)", "Up", show=False),
    ]

    DEFAULT_CSS = """
    HelpScreen #help-body { align-horizontal: center; }
    HelpScreen #help { width: 100%; max-width: 76; height: auto; padding: 1 2; }
    HelpScreen #help > .section:first-child { margin-top: 0; }
    """

    def __init__(self, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self._keys = keys

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with VerticalScroll(id="help-body"):
            with Vertical(id="help"):
                yield Static(Content("Please keep in mind"), classes="section")
                yield Static(Content(words.SAFETY_NOTE), id="help-safety", classes="safety")
                yield Static(Content("Keys"), classes="section")
                yield KeyTable(self._keys, id="help-keys")
                yield Static(Content("What Build Mastery is"), classes="section")
                yield Static(Content(words.ABOUT_SKILL))
                yield Static(Content("References"), classes="section")
                yield Static(Content(words.REFERENCES))
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help-body", VerticalScroll).focus()

    def action_scroll(self, lines: int) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
