"""After "partly" or "not this time": data for adjustment, not proof of anything.

The three questions of the skill, the obstacles, and an offer of a smaller version for next time.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from ...domain.models import NOTE_MAX, Obstacle
from ...domain.reflect import ADJUSTMENT_QUESTIONS
from ...widgets.checklist import CheckList
from ...widgets.fields import TextField
from ...widgets.yesno import YesNo

OBSTACLE_LABELS = {
    Obstacle.FATIGUE: "Fatigue, low energy",
    Obstacle.PERFECTIONISM: "Perfectionism",
    Obstacle.TIME: "Not enough time",
    Obstacle.ENVIRONMENT: "Environment (noise, people, place)",
    Obstacle.FEAR: "Fear or shame",
    Obstacle.OTHER: "Something else",
}


@dataclass(frozen=True)
class Adjustment:
    obstacles: tuple[Obstacle, ...]
    answers: tuple[str, ...]  # the questions answered "yes"
    note: str
    make_smaller: bool


class AdjustScreen(Screen[Adjustment]):
    """Space toggles an item, tab moves on, ctrl+s saves. Escape saves with nothing ticked."""

    SUB_TITLE = "Data for next time"

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="adjust.save"),
        Binding("escape", "skip", "Skip", id="adjust.skip"),
    ]

    DEFAULT_CSS = """
    AdjustScreen #adjust { padding: 0 2; }
    AdjustScreen .label { text-style: bold; margin-top: 1; }
    AdjustScreen #adjust-note { margin-top: 1; }
    """

    def __init__(self, smaller_title: str | None) -> None:
        super().__init__()
        self._smaller_title = smaller_title

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with VerticalScroll(id="adjust"):
            yield Static(
                Content(
                    "Not getting it all done is information, not a verdict. "
                    "What was going on? (space ticks, tab moves on, ctrl+s saves)"
                ),
                id="adjust-intro",
            )
            yield Static(Content("Looking back"), classes="label")
            yield CheckList([(q, q) for q in ADJUSTMENT_QUESTIONS], id="adjust-questions")
            yield Static(Content("What got in the way?"), classes="label")
            yield CheckList(
                [(obstacle.value, label) for obstacle, label in OBSTACLE_LABELS.items()],
                id="adjust-obstacles",
            )
            yield TextField(placeholder="Anything else worth noting? (optional)", id="adjust-note")
            if self._smaller_title:
                yield Static(
                    Content(f"Add a smaller version for next time? \u201c{self._smaller_title}\u201d"),
                    classes="label",
                )
                yield YesNo(True, yes="Yes, add it", no="No thanks", id="adjust-smaller")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#adjust-questions", CheckList).focus()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.action_save()

    def _result(self, *, keep: bool) -> Adjustment:
        answers: tuple[str, ...] = ()
        obstacles: tuple[Obstacle, ...] = ()
        note = ""
        if keep:
            answers = tuple(self.query_one("#adjust-questions", CheckList).selected)
            obstacles = tuple(
                Obstacle(o) for o in self.query_one("#adjust-obstacles", CheckList).selected
            )
            note = self.query_one("#adjust-note", Input).value
        smaller = bool(self._smaller_title) and self.query_one("#adjust-smaller", YesNo).value
        return Adjustment(obstacles, answers, note[:NOTE_MAX], smaller if keep else False)

    def action_save(self) -> None:
        self.dismiss(self._result(keep=True))

    def action_skip(self) -> None:
        self.dismiss(self._result(keep=False))
