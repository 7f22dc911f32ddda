"""CheckList: tick any number of items, "[x] Fatigue" / "[ ] Time", readable without colour.

Unlike Textual's SelectionList, whose ticked and unticked boxes differ only by colour, the
state here is in the text, and the highlighted row carries the ▸ mark of MarkedOptionList.
Keys: up/down move, space or enter tick. A checklist always shares its screen with other
fields, so its ▸ shows only while it has focus (the row space would tick).
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..commands import bindings
from .marked_list import MarkedOptionList


class CheckList(MarkedOptionList):
    """``items`` are (value, label). ``selected`` lists the ticked values in item order."""

    COMMAND_TABLE = "checklist"
    BINDINGS = bindings(COMMAND_TABLE)

    DEFAULT_CSS = """
    CheckList {
        height: auto;
        border: none;
        padding: 0;
        background: transparent;
        &:focus { border: none; }
    }
    """

    def __init__(
        self, items: Sequence[tuple[str, str]], *, selected: Sequence[str] = (), id: str | None = None
    ) -> None:
        super().__init__(id=id, mark_when_blurred=False)
        self._items = list(items)
        self._ticked = set(selected)

    def on_mount(self) -> None:
        self.set_marked_options(Option(self._prompt(v, label), id=v) for v, label in self._items)
        if self._items:
            self.highlighted = 0

    def _prompt(self, value: str, label: str) -> Content:
        return Content(f"[{'x' if value in self._ticked else ' '}] {label}")

    @property
    def selected(self) -> list[str]:
        return [value for value, _ in self._items if value in self._ticked]

    def toggle(self, value: str) -> None:
        self._ticked.symmetric_difference_update({value})
        index = next(i for i, (v, _) in enumerate(self._items) if v == value)
        self._plain[index] = self._prompt(value, self._items[index][1])
        self.mark_prompt(index, self.mark_for(index))

    @on(OptionList.OptionSelected)
    def _tick(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.toggle(event.option.id)
