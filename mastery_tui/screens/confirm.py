"""ConfirmScreen: a yes/no question before something that can't be undone (deleting a task).

Returns True for yes, None for no (n, escape, or the default button). The safe answer has
the focus, so a stray enter keeps things as they are.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..commands import dialog_bindings
from ..widgets.footer import Footer


class ConfirmScreen(ModalScreen[bool | None]):
    COMMAND_TABLE = "confirm"
    BINDINGS = dialog_bindings(COMMAND_TABLE)

    DEFAULT_CSS = """
    ConfirmScreen #confirm-box { width: 60; }
    ConfirmScreen #confirm-buttons { height: auto; align-horizontal: center; padding-top: 1; }
    ConfirmScreen Button { margin: 0 1; }
    """

    def __init__(self, title: str, message: Content | str, *, yes: str, no: str) -> None:
        super().__init__()
        self._title = title
        self._message = message if isinstance(message, Content) else Content(message)
        self._yes = yes
        self._no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box", classes="dialog"):
            yield Static(Content(self._title), classes="dialog-title")
            yield Static(self._message, id="confirm-message")
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self._yes} (y)", id="confirm-yes", compact=True)
                yield Button(f"{self._no} (n)", id="confirm-no", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed, "#confirm-yes")
    def action_yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def action_no(self) -> None:
        self.dismiss(None)

