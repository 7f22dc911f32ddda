"""DaysPicker: the days of the week a task is planned for, on one line; none chosen = any day.

Keys: left/right move, space toggles the day under the cursor, 1–7 toggle Monday to Sunday,
t toggles today, a clears (any day). Chosen days are shown in brackets, so the choice reads
without colour; the cursor shows in reverse video while focused.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive

from ..commands import bindings
from ..domain.plan import DAY_NAMES
from .style import ComponentStyle

CELL = 6  # "[Mon]" and a space


def toggled(days: tuple[int, ...], day: int) -> tuple[int, ...]:
    chosen = set(days)
    chosen.symmetric_difference_update({day})
    return tuple(sorted(chosen))


class DaysPicker(ComponentStyle, can_focus=True):
    """Pick weekdays, 0 = Monday. ``days`` is a sorted tuple; empty means any day."""

    COMMAND_TABLE = "days"
    BINDINGS = bindings(COMMAND_TABLE)

    COMPONENT_CLASSES = {"days-picker--chosen", "days-picker--cursor", "days-picker--hint"}

    DEFAULT_CSS = """
    DaysPicker {
        height: 1;
        width: 1fr;
        & > .days-picker--chosen { text-style: bold; color: $accent; }
        & > .days-picker--hint { color: $foreground 60%; }
        & > .days-picker--cursor { text-style: bold; }
    }
    """

    days: reactive[tuple[int, ...]] = reactive((), init=False)
    cursor: reactive[int] = reactive(0)

    @dataclass
    class Changed(Message):
        picker: DaysPicker
        days: tuple[int, ...]

        @property
        def control(self) -> DaysPicker:
            return self.picker

    def __init__(
        self,
        days: tuple[int, ...] = (),
        *,
        today: int | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.today = today
        self.set_reactive(DaysPicker.days, tuple(sorted(set(days))))
        if today is not None:
            self.set_reactive(DaysPicker.cursor, today)

    def watch_days(self, days: tuple[int, ...]) -> None:
        self.post_message(self.Changed(self, days))

    def action_move(self, delta: int) -> None:
        self.cursor = (self.cursor + delta) % 7

    def action_toggle(self, day: int | None = None) -> None:
        day = self.cursor if day is None else day
        self.cursor = day
        self.days = toggled(self.days, day)

    def action_today(self) -> None:
        if self.today is not None:
            self.action_toggle(self.today)

    def action_clear(self) -> None:
        self.days = ()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None and offset.x < CELL * 7:
            self.action_toggle(offset.x // CELL)

    def render(self) -> Content:
        style = self.component_style
        parts: list[Content] = []
        for day, name in enumerate(DAY_NAMES):
            chosen = day in self.days
            cell = Content(f"[{name}]" if chosen else f" {name} ")
            if chosen:
                cell = cell.stylize(style("days-picker--chosen"))
            if day == self.cursor and self.has_focus:
                cell = cell.stylize(style("days-picker--cursor", reverse=True))
            parts.extend((cell, Content(" ")))
        if not self.days:
            parts.append(Content.styled("any day", style("days-picker--hint")))
        return Content("").join(parts)
