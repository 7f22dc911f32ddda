"""Learn: what Build Mastery is, its three principles, how it fits with the other DBT skills,
the safety note and the references. Opened from Help (`l`); escape goes back."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from ..commands import bindings
from ..domain import learn
from ..widgets.footer import Footer


class LearnScreen(Screen[None]):
    """A full, scrollable page; j/k or the arrows scroll, space pages down."""

    SUB_TITLE = "Learn"
    PAGE = True  # a page to read: F1 or h may close it to bring another back (app._open)

    COMMAND_TABLE = "learn"
    BINDINGS = bindings(COMMAND_TABLE)

    DEFAULT_CSS = """
    LearnScreen #learn-body { align-horizontal: center; }
    LearnScreen #learn { width: 100%; max-width: 76; height: auto; padding: 1 2; }
    LearnScreen #learn > .section:first-child { margin-top: 0; }
    """

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with VerticalScroll(id="learn-body"):
            with Vertical(id="learn"):
                for index, section in enumerate(learn.SECTIONS):
                    yield Static(Content(section.title), classes="section")
                    classes = "learn-text safety" if section.safety else "learn-text"
                    yield Static(
                        Content(learn.section_text(section)), id=f"learn-{index}", classes=classes
                    )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#learn-body", VerticalScroll).focus()

    @property
    def _body(self) -> VerticalScroll:
        return self.query_one("#learn-body", VerticalScroll)

    def action_scroll(self, lines: int) -> None:
        self._body.scroll_relative(y=lines, animate=False)

    def action_page(self, pages: int) -> None:
        body = self._body
        body.scroll_relative(y=pages * max(1, body.size.height - 1), animate=False)

    def action_top(self) -> None:
        self._body.scroll_home(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
