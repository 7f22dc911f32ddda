"""NamePrompt: ask for one line of text (a new life area, or a new name for one).

``check`` cleans the text and raises ValidationError with a readable message; the dialog
shows the message and stays open. Returns the cleaned text, or None on escape.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ..commands import dialog_bindings
from ..domain.errors import ValidationError
from ..widgets.fields import FieldLabel, FieldRow, TextField
from ..widgets.footer import Footer
from .editor import Editor


class NamePrompt(Editor, ModalScreen[str | None]):
    """Escape with a changed name asks first (``Editor``)."""

    COMMAND_TABLE = "name_prompt"
    BINDINGS = dialog_bindings(COMMAND_TABLE)

    DEFAULT_CSS = """
    NamePrompt #prompt-box { width: 60; }
    """

    def __init__(
        self, title: str, label: str, *, value: str = "", check: Callable[[str], str]
    ) -> None:
        super().__init__()
        self._title = title
        self._label = label
        self._value = value
        self._check = check

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box", classes="dialog"):
            yield Static(Content(self._title), classes="dialog-title")
            with FieldRow():
                yield FieldLabel(Content(self._label))
                yield TextField(self._value, id="prompt-input", max_length=60)
            yield Static(id="prompt-error", classes="form-error")
            yield Static(Content("enter saves · escape cancels"), classes="dialog-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#prompt-input", Input).focus()
        self.start_editing()

    def form_values(self) -> str:
        return self.query_one("#prompt-input", Input).value

    @on(Input.Submitted, "#prompt-input")
    def action_save(self) -> None:
        text = self.query_one("#prompt-input", Input).value
        try:
            cleaned = self._check(text)
        except ValidationError as error:
            self.query_one("#prompt-error", Static).update(Content(error.message))
            return
        self.finished_editing()
        self.dismiss(cleaned)

