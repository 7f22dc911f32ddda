"""Form parts shared by the dialogs: a labelled row, its label, and a one-line text field.

The focused row gets a bar on its left (a border character, so it shows without colour). A
TextField standing on its own (not in a FieldRow) carries the same bar itself: a compact Input
shows focus only by a background tint, which NO_COLOR takes away.
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
        /* The row's bar is enough: its fields don't add their own (see TextField). */
        & TextField.-textual-compact {
            border-left: none !important;
            &:focus { border-left: none !important; }
        }
    }
    """


class FieldLabel(Static):
    DEFAULT_CSS = """
    FieldLabel { width: 12; padding-left: 1; }
    """


class TextField(Input):
    DEFAULT_CSS = """
    TextField { width: 1fr; }
    /* Input's compact style drops every border (!important): name the class to win back the left. */
    TextField.-textual-compact {
        border-left: blank !important;
        &:focus { border-left: outer $accent !important; }
    }
    """

    def __init__(self, value: str = "", **kwargs: object) -> None:
        kwargs.setdefault("compact", True)
        super().__init__(value, **kwargs)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        if self.app.is_headless:
            self.cursor_blink = False
