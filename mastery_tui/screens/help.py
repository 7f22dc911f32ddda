"""Help: every key (generated from ``commands/``, screen by screen), what the skill is, the
references and the safety note. From the palette, or h on the Support page (F1)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from ..commands import HELP_SECTIONS, bindings, help_rows
from ..domain import words
from ..widgets.footer import Footer
from ..widgets.keys import KeyTable


class HelpScreen(Screen[None]):
    """A full, scrollable help page; escape returns to where you were."""

    SUB_TITLE = "Help"
    PAGE = True  # a page to read: F1 or h may close it to bring another back (app._open)

    COMMAND_TABLE = "help"
    BINDINGS = bindings(COMMAND_TABLE)

    DEFAULT_CSS = """
    HelpScreen #help-body { align-horizontal: center; }
    HelpScreen #help { width: 100%; max-width: 76; height: auto; padding: 1 2; }
    HelpScreen #help > .section:first-child { margin-top: 0; }
    HelpScreen .help-heading { text-style: italic; margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with VerticalScroll(id="help-body"):
            with Vertical(id="help"):
                yield Static(Content("Please keep in mind"), classes="section")
                yield Static(Content(words.SAFETY_NOTE), id="help-safety", classes="safety")
                yield Static(Content("Keys"), classes="section")
                for index, (heading, tables) in enumerate(HELP_SECTIONS):
                    yield Static(Content(heading), classes="help-heading")
                    yield KeyTable(help_rows(tables), id="help-keys" if index == 0 else None)
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
