"""After: how it went (done / partly / not this time), felt difficulty, mood and confidence
now, and one optional sentence: what did I learn or prove to myself?"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from ...domain.models import REFLECTION_MAX, Completion
from ...domain.reflect import spent_text
from ...domain.session import Session
from ...widgets.choice import Choice
from ...widgets.fields import FieldLabel, FieldRow, TextField
from ...widgets.rating import WIDEST_WORD, RatingSlider

COMPLETION_OPTIONS = [
    ("y", Completion.YES.value, "Done"),
    ("p", Completion.PARTLY.value, "Partly"),
    ("n", Completion.NO.value, "Not this time"),
]


@dataclass(frozen=True)
class AfterAnswers:
    completion: Completion
    difficulty: int
    mood: int
    confidence: int
    reflection: str


class AfterScreen(Screen[AfterAnswers | None]):
    """ctrl+s (or enter in the sentence) saves; escape keeps the session for later."""

    SUB_TITLE = "How did it go?"

    BINDINGS = [
        Binding("enter", "next", "Next", show=False, priority=True),
        Binding("ctrl+s", "save", "Save", id="after.save"),
        Binding("escape", "later", "Later", id="after.later"),
    ]

    DEFAULT_CSS = """
    AfterScreen #after { padding: 1 2; }
    AfterScreen #after-title { text-style: bold; }
    AfterScreen FieldRow { margin-top: 1; }
    AfterScreen FieldLabel { width: 13; }
    AfterScreen #after-ask { margin-top: 1; }
    """

    def __init__(self, session: Session, *, seconds_spent: int) -> None:
        super().__init__()
        self.session = session
        self.seconds_spent = seconds_spent

    def compose(self) -> ComposeResult:
        s = self.session
        yield Header(icon="◆")
        with VerticalScroll(id="after"):
            yield Static(
                Content(f"{s.title} · {spent_text(self.seconds_spent)} on the timer"), id="after-title"
            )
            with FieldRow():
                yield FieldLabel(Content("Did it?"))
                yield Choice(COMPLETION_OPTIONS, Completion.YES.value, id="after-completion")
            with FieldRow():
                yield FieldLabel(Content("Felt"))
                yield RatingSlider(50, scale="difficulty", word_cells=WIDEST_WORD, id="after-difficulty")
            with FieldRow():
                yield FieldLabel(Content("Mood now"))
                yield RatingSlider(s.mood_before, word_cells=WIDEST_WORD, id="after-mood")
            with FieldRow():
                yield FieldLabel(Content("Confidence"))
                yield RatingSlider(
                    s.confidence_before, word_cells=WIDEST_WORD, id="after-confidence"
                )
            yield Static(Content("What did I learn or prove to myself? (optional)"), id="after-ask")
            with FieldRow():
                yield TextField(
                    placeholder="e.g. I can start even when I don't feel like it",
                    max_length=REFLECTION_MAX,
                    id="after-reflection",
                )
            yield Static(
                Content(
                    f"Before: mood {s.mood_before}, confidence {s.confidence_before}.\n"
                    "y/p/n choose · ←/→ adjust · enter next · ctrl+s save"
                ),
                classes="muted",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#after-completion", Choice).focus()

    def action_next(self) -> None:
        """enter: the next field, or save from the sentence. Focus moves at once, so keys typed
        ahead over a slow link land where they were meant to."""
        if isinstance(self.focused, Input):
            self.action_save()
            return
        order = [
            self.query_one("#after-completion"),
            self.query_one("#after-difficulty"),
            self.query_one("#after-mood"),
            self.query_one("#after-confidence"),
            self.query_one("#after-reflection"),
        ]
        index = order.index(self.focused) if self.focused in order else -1
        self.set_focus(order[min(index + 1, len(order) - 1)])

    def action_save(self) -> None:
        self.dismiss(
            AfterAnswers(
                completion=Completion(self.query_one("#after-completion", Choice).value),
                difficulty=self.query_one("#after-difficulty", RatingSlider).value,
                mood=self.query_one("#after-mood", RatingSlider).value,
                confidence=self.query_one("#after-confidence", RatingSlider).value,
                reflection=self.query_one("#after-reflection", Input).value,
            )
        )

    def action_later(self) -> None:
        self.dismiss(None)
