"""After "partly" or "not this time": data for adjustment, not proof of anything.

The three questions of the skill, the obstacles, and an offer of a smaller version for next
time (nothing chosen for the person: left unanswered, no task is added). What is ticked and
written is kept across a hang-up.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Input, Static

from ...commands import bindings
from ...domain.models import NOTE_MAX, Obstacle
from ...domain.reflect import ADJUSTMENT_QUESTIONS
from ...domain.session import AdjustAnswers
from ...widgets.checklist import CheckList
from ...widgets.choice import Choice
from ...widgets.fields import TextField
from ...widgets.footer import Footer
from ..editor import Editor

# Nothing is chosen for the person; "use it instead" puts the original away (restorable) and
# gives its plan to the smaller one, "keep both" adds it without a plan (no double booking).
SMALLER_OPTIONS = (  # the coach's letters for the same choice, shown: nothing else says them
    ("i", "instead", "Use it instead (i)"),
    ("b", "both", "Keep both (b)"),
    ("n", "no", "No thanks (n)"),
)

OBSTACLE_LABELS = {
    Obstacle.FATIGUE: "Fatigue, low energy",
    Obstacle.PERFECTIONISM: "Perfectionism",
    Obstacle.TIME: "Not enough time",
    Obstacle.ENVIRONMENT: "Environment (noise, people, place)",
    Obstacle.FEAR: "Fear or shame",
    Obstacle.OTHER: "Something else",
}


class AdjustScreen(Editor, Screen[AdjustAnswers]):
    """Space toggles an item, tab moves on, ctrl+s saves. Escape records the practice without
    these answers (asking first when something was ticked or written)."""

    SUB_TITLE = "Data for next time"

    COMMAND_TABLE = "adjust"
    BINDINGS = bindings(COMMAND_TABLE)

    DEFAULT_CSS = """
    AdjustScreen #adjust { padding: 0 2; }
    AdjustScreen .label { text-style: bold; margin-top: 1; }
    AdjustScreen #adjust-note { margin-top: 1; }
    """

    def __init__(
        self,
        smaller_title: str | None,
        *,
        answers: AdjustAnswers | None = None,
        on_typed: Callable[[AdjustAnswers], None] | None = None,
        smaller_words: str = "",
    ) -> None:
        """``smaller_title``: the new smaller version to offer (None: none to offer);
        ``smaller_words``: what "smaller" has to say, in the coach's words (``Smaller.words``):
        the offer, the version kept last time, or that the task is already as small as it gets."""
        super().__init__()
        self._smaller_title = smaller_title
        self._smaller_words = smaller_words
        self._start = answers or AdjustAnswers()
        self._on_typed = on_typed

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
            yield CheckList(
                [(q, q) for q in ADJUSTMENT_QUESTIONS], selected=self._start.answers,
                id="adjust-questions",
            )  # fmt: skip
            yield Static(Content("What got in the way?"), classes="label")
            yield CheckList(
                [(obstacle.value, label) for obstacle, label in OBSTACLE_LABELS.items()],
                selected=[o.value for o in self._start.obstacles],
                id="adjust-obstacles",
            )
            yield TextField(
                self._start.note, placeholder="Anything else worth noting? (optional)",
                id="adjust-note",
            )  # fmt: skip
            if self._smaller_title:
                words = self._smaller_words or f"A smaller version for next time: \u201c{self._smaller_title}\u201d."
                yield Static(Content(words), id="adjust-smaller-offer", classes="label")
                yield Choice(SMALLER_OPTIONS, self._start.smaller, id="adjust-smaller")
            elif self._smaller_words:  # nothing to choose: the kept version, or small enough
                yield Static(Content(self._smaller_words), id="adjust-smaller-offer", classes="label")
        yield Footer()

    leave_detail = "What you ticked and wrote here will be left out of the record."

    def on_mount(self) -> None:
        self.query_one("#adjust-questions", CheckList).focus()
        self.start_editing()

    def form_values(self) -> dict[str, object]:
        return self.answers.to_dict()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.action_save()

    @property
    def answers(self) -> AdjustAnswers:
        """What the form holds now."""
        smaller = self.query_one("#adjust-smaller", Choice).value if self._smaller_title else ""
        return AdjustAnswers(
            answers=tuple(self.query_one("#adjust-questions", CheckList).selected),
            obstacles=tuple(
                Obstacle(o) for o in self.query_one("#adjust-obstacles", CheckList).selected
            ),
            note=self.query_one("#adjust-note", Input).value[:NOTE_MAX],
            smaller=smaller,
        )

    def action_save(self) -> None:
        self.dismiss(self.answers)

    def leave(self) -> None:
        """escape: record the practice without these answers (nothing ticked, nothing added)."""
        self.dismiss(AdjustAnswers())

    def save_state(self) -> None:
        """On hang-up: keep what was ticked and written, restored exactly next time."""
        if self._on_typed is not None:
            self._on_typed(self.answers)
