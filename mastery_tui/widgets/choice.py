"""Choice: one of a few answers on one line, "(•) Done  ( ) Partly  ( ) Not this time".

Readable without colour: the chosen answer has a filled marker and is bold (reversed when
focused). Keys: left/right move, each option's own letter picks it (underlined with
``keys_shown``), backspace clears it. ``value`` "" is no answer
yet: every marker is empty and the first move picks the first (or, leftwards, the last) option.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive

from ..commands import bindings
from .style import ComponentStyle


class Choice(ComponentStyle, can_focus=True):
    """``options`` are (key letter, value, label). ``value`` is the chosen value, "" for none."""

    COMMAND_TABLE = "choice"
    BINDINGS = bindings(COMMAND_TABLE)

    COMPONENT_CLASSES = {"choice--chosen"}

    DEFAULT_CSS = """
    Choice {
        height: auto;
        width: 1fr;
        & > .choice--chosen { text-style: bold; }
    }
    """

    value: reactive[str] = reactive("", init=False)

    @dataclass
    class Changed(Message):
        choice: Choice
        value: str

        @property
        def control(self) -> Choice:
            return self.choice

    @dataclass
    class Confirmed(Message):
        """Enter was pressed on the choice."""

        choice: Choice
        value: str

        @property
        def control(self) -> Choice:
            return self.choice

    def __init__(
        self,
        options: Sequence[tuple[str, str, str]],
        value: str = "",
        *,
        id: str | None = None,
        gap: int = 3,
        keys_shown: bool = False,
    ) -> None:
        """``keys_shown``: every label starts with its key letter, drawn underlined (the
        letters are the only guide, so each must be its label's own)."""
        super().__init__(id=id)
        self.options = list(options)
        keys = [key for key, _, _ in self.options]
        if len(set(keys)) != len(keys):
            raise ValueError(f"two options share a key: {keys}")
        if keys_shown and any(not label.lower().startswith(key) for key, _, label in self.options):
            raise ValueError("with keys_shown, every label starts with its key letter")
        self._keys_shown = keys_shown
        self._gap = " " * gap
        self.set_reactive(Choice.value, value)

    @property
    def answered(self) -> bool:
        return any(v == self.value for _, v, _ in self.options)

    def _index(self) -> int | None:
        return next((i for i, (_, v, _) in enumerate(self.options) if v == self.value), None)

    def action_move(self, step: int) -> None:
        index = self._index()
        if index is None:
            index = -1 if step > 0 else 0  # no answer yet: right picks the first, left the last
        self.value = self.options[(index + step) % len(self.options)][1]

    def action_clear(self) -> None:
        """No answer after all (it reads "not rated" if saved so)."""
        self.value = ""

    def action_confirm(self) -> None:
        self.post_message(self.Confirmed(self, self.value))

    def on_key(self, event: events.Key) -> None:
        for key, value, _ in self.options:
            if event.key == key:
                self.value = value
                event.stop()
                return

    def watch_value(self, value: str) -> None:
        self.post_message(self.Changed(self, value))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def _one_line_width(self) -> int:
        return sum(4 + cell_len(label) for _, _, label in self.options) + len(self._gap) * (
            len(self.options) - 1
        )

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """One line, or one per option where the line doesn't fit (a 40-column terminal)."""
        return 1 if self._one_line_width() <= width else len(self.options)

    def render(self) -> Content:
        chosen = self.component_style("choice--chosen", reverse=self.has_focus)
        stacked = 0 < self.content_region.width < self._one_line_width()
        parts: list[Content] = []
        for index, (key, value, label) in enumerate(self.options):
            marker = "(•)" if value == self.value else "( )"
            text = Content(f"{marker} {label}")
            if self._keys_shown:
                text = text.stylize("underline", 4, 4 + len(key))
            if value == self.value:
                text = text.stylize(chosen)
            if index:
                parts.append(Content("\n" if stacked else self._gap))
            parts.append(text)
        return Content("").join(parts)
