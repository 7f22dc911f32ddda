"""YesNo: a two-way answer on one line, "(•) Yes   ( ) Not really", readable without colour.

Keys: y / n choose, left / right / space switch. The answer is ``value``: a bool, or None
while unanswered (both markers empty; nothing is chosen for the person).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive

from ..commands import bindings
from .style import ComponentStyle


class YesNo(ComponentStyle, can_focus=True):
    COMMAND_TABLE = "yes_no"
    BINDINGS = bindings(COMMAND_TABLE)

    COMPONENT_CLASSES = {"yes-no--chosen"}

    DEFAULT_CSS = """
    YesNo {
        height: 1;
        width: auto;
        & > .yes-no--chosen { text-style: bold; }
    }
    """

    value: reactive[bool | None] = reactive(True, init=False)

    @dataclass
    class Changed(Message):
        yes_no: YesNo
        value: bool | None

        @property
        def control(self) -> YesNo:
            return self.yes_no

    def __init__(
        self,
        value: bool | None = True,
        *,
        yes: str = "Yes",
        no: str = "No",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.labels = (yes, no)
        self.set_reactive(YesNo.value, value)

    def watch_value(self, value: bool | None) -> None:
        self.post_message(self.Changed(self, value))

    def action_choose(self, value: bool) -> None:
        self.value = value

    def action_switch(self) -> None:
        self.value = True if self.value is None else not self.value

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None:
            self.value = offset.x < len(self.labels[0]) + 6

    def render(self) -> Content:
        chosen = self.component_style("yes-no--chosen", reverse=self.has_focus)
        yes_text, no_text = self.labels
        yes = Content(f"({'•' if self.value is True else ' '}) {yes_text}")
        no = Content(f"({'•' if self.value is False else ' '}) {no_text}")
        if self.value is True:
            yes = yes.stylize(chosen)
        elif self.value is False:
            no = no.stylize(chosen)
        elif self.has_focus:  # nothing chosen: show the focus without marking an answer
            yes, no = yes.stylize("underline"), no.stylize("underline")
        return Content.assemble(yes, "   ", no)
