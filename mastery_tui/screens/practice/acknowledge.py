"""The acknowledgement: pause and register "I did it". This moment is the mastery experience."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from ...commands import bindings
from ...domain.models import Completion, Practice
from ...domain.reflect import acknowledgement
from ...widgets.footer import Footer

# The screen's title follows what happened: "well done for following through" is for a
# practice that was done, never the answer to "not this time".
TITLES: dict[Completion | None, str] = {
    Completion.YES: "Well done for following through",
    Completion.PARTLY: "Partly counts",
    Completion.NO: "Not this time: data for next time",
}


class AcknowledgeScreen(Screen[None]):
    """Names what they did and how confidence and mood moved. Any of the keys closes it."""

    SUB_TITLE = TITLES[Completion.YES]

    COMMAND_TABLE = "acknowledge"
    BINDINGS = bindings(COMMAND_TABLE)

    DEFAULT_CSS = """
    AcknowledgeScreen #ack { align: center middle; height: 1fr; padding: 0 4; }
    AcknowledgeScreen #ack > Static { width: 100%; max-width: 72; margin-bottom: 1; }
    AcknowledgeScreen #ack-head { text-style: bold; }
    """

    def __init__(self, practice: Practice, *, expected: int | None = None) -> None:
        super().__init__()
        self.practice = practice
        self.expected = expected  # the task's estimate, shown beside how hard it felt
        self.sub_title = TITLES.get(practice.completion, "Recorded")

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with Vertical(id="ack"):
            for index, line in enumerate(acknowledgement(self.practice, self.expected)):
                yield Static(Content(line), id="ack-head" if index == 0 else None, classes="ack-line")
        yield Footer()

    def action_done(self) -> None:
        self.dismiss(None)
