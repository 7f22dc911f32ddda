"""Form parts shared by the dialogs: a labelled row, its label, and a one-line text field.

The focused row gets a bar on its left (a border character, so it shows without colour).
TextField's cursor only blinks in a real terminal: tests and snapshots run headless, and a
blinking cursor would make snapshots flaky.
"""

from __future__ import annotations

from textual.containers import Horizontal
from textual.widgets import Input, Static


class FieldRow(Horizontal):
    DEFAULT_CSS = """
    FieldRow {
        height: auto;
        border-left: blank;
        &:focus-within { border-left: outer $accent; }
    }
    """


class FieldLabel(Static):
    DEFAULT_CSS = """
    FieldLabel { width: 12; padding-left: 1; }
    """


class TextField(Input):
    DEFAULT_CSS = """
    TextField { width: 1fr; }
    """

    def __init__(self, value: str = "", **kwargs: object) -> None:
        kwargs.setdefault("compact", True)
        super().__init__(value, **kwargs)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        if self.app.is_headless:
            self.cursor_blink = False
