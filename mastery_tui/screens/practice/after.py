"""After: how it went (done / partly / not this time), felt difficulty, mood and confidence
now, and one optional sentence: what did I learn or prove to myself?

Nothing starts answered except what the person already said (the timer's f is "done"; the
stop question gives partly or not this time). The task's own estimate and the before ratings
are shown beside the sliders as references. What is typed is kept across a hang-up.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header, Input, Static

from ...commands import bindings
from ...domain.models import REFLECTION_MAX, Completion
from ...domain.reflect import spent_text
from ...domain.session import AfterAnswers, Session
from ...domain.words import not_rated_yet
from ...widgets.choice import Choice
from ...widgets.fields import FieldLabel, FieldRow, TextField
from ...widgets.footer import Footer
from ...widgets.rating import WIDEST_WORD, RatingSlider, reference_room
from ..unanswered import UnansweredScreen

COMPLETION_OPTIONS = [
    ("y", Completion.YES.value, "Done"),
    ("p", Completion.PARTLY.value, "Partly"),
    ("n", Completion.NO.value, "Not this time"),
]

# The first words of the "not rated yet" line, by what they said about doing it.
KIND_WORDS = {
    Completion.YES: "You did it.",
    Completion.PARTLY: "Partly counts.",
    Completion.NO: "Thank you for recording it.",
}

REFERENCE_ROOM = reference_room("expected", "before")  # the three sliders line up

# The widget that asks each question, by the name AfterAnswers.unanswered() gives it.
QUESTION_WIDGETS = {
    "whether you did it": "#after-completion",
    "how hard it felt": "#after-difficulty",
    "mood": "#after-mood",
    "confidence": "#after-confidence",
}


class AfterScreen(Screen[AfterAnswers | None]):
    """ctrl+s (or enter in the sentence) saves; escape keeps the session for later."""

    SUB_TITLE = "How did it go?"

    COMMAND_TABLE = "after"
    BINDINGS = bindings(COMMAND_TABLE)

    DEFAULT_CSS = """
    AfterScreen #after { padding: 1 2; }
    AfterScreen #after-title { text-style: bold; }
    AfterScreen FieldRow { margin-top: 1; }
    AfterScreen FieldLabel { width: 13; }
    AfterScreen #after-ask { margin-top: 1; }
    """

    def __init__(
        self,
        session: Session,
        *,
        seconds_spent: int,
        answers: AfterAnswers | None = None,
        expected: int | None = None,
        on_typed: Callable[[AfterAnswers], None] | None = None,
    ) -> None:
        """``answers``: what was already said (or typed before a hang-up). ``expected``: the
        task's own difficulty estimate, shown beside "Felt". ``on_typed`` keeps what is typed
        when the connection drops."""
        super().__init__()
        self.session = session
        self.seconds_spent = seconds_spent
        self._start = answers or AfterAnswers()
        self._expected = expected
        self._on_typed = on_typed

    def compose(self) -> ComposeResult:
        s, start = self.session, self._start
        yield Header(icon="◆")
        with VerticalScroll(id="after"):
            yield Static(
                Content(f"{s.title} · {spent_text(self.seconds_spent)} on the timer"), id="after-title"
            )
            with FieldRow():
                yield FieldLabel(Content("Did it?"))
                chosen = "" if start.completion is None else start.completion.value
                yield Choice(COMPLETION_OPTIONS, chosen, id="after-completion")
            with FieldRow():
                yield FieldLabel(Content("Felt"))
                yield RatingSlider(
                    start.difficulty, reference=self._expected, reference_label="expected",
                    scale="difficulty", word_cells=WIDEST_WORD, reference_cells=REFERENCE_ROOM,
                    id="after-difficulty",
                )  # fmt: skip
            with FieldRow():
                yield FieldLabel(Content("Mood now"))
                yield RatingSlider(
                    start.mood, reference=s.mood_before, reference_label="before",
                    word_cells=WIDEST_WORD, reference_cells=REFERENCE_ROOM, id="after-mood",
                )  # fmt: skip
            with FieldRow():
                yield FieldLabel(Content("Confidence"))
                yield RatingSlider(
                    start.confidence, reference=s.confidence_before, reference_label="before",
                    word_cells=WIDEST_WORD, reference_cells=REFERENCE_ROOM, id="after-confidence",
                )  # fmt: skip
            yield Static(Content("What did I learn or prove to myself? (optional)"), id="after-ask")
            with FieldRow():
                yield TextField(
                    start.reflection,
                    placeholder="e.g. I can start even when I don't feel like it",
                    max_length=REFLECTION_MAX,
                    id="after-reflection",
                )
            yield Static(
                Content("y/p/n choose · type a number or ←/→ · enter next · ctrl+s save"),
                classes="muted",
            )
        yield Footer()

    def on_mount(self) -> None:
        # Always the first question, answered or not: keys typed ahead land in the same place.
        self.query_one("#after-completion", Choice).focus()

    def _unanswered_widgets(self) -> list[Widget]:
        return [self.query_one(QUESTION_WIDGETS[name]) for name in self.answers.unanswered()]

    @property
    def answers(self) -> AfterAnswers:
        """What the form holds now; None for each question not answered."""
        chosen = self.query_one("#after-completion", Choice).value
        return AfterAnswers(
            completion=Completion(chosen) if chosen else None,
            difficulty=self.query_one("#after-difficulty", RatingSlider).value,
            mood=self.query_one("#after-mood", RatingSlider).value,
            confidence=self.query_one("#after-confidence", RatingSlider).value,
            reflection=self.query_one("#after-reflection", Input).value,
        )

    def action_next(self) -> None:
        """enter: the next field, or save from the sentence."""
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

    @work(exclusive=True, group="after-save")
    async def action_save(self) -> None:
        answers = self.answers
        blank = answers.unanswered()
        if blank:
            first = KIND_WORDS.get(answers.completion) if answers.completion else None
            line = not_rated_yet(blank) if first is None else f"{first} {not_rated_yet(blank)}"
            them = "it" if len(blank) == 1 else "them"
            if not await self.app.push_screen_wait(UnansweredScreen(line, skip=f"save {them} as \u201cnot rated\u201d")):
                self._unanswered_widgets()[0].focus()
                return
        self.dismiss(answers)

    def action_later(self) -> None:
        self.save_state()
        self.dismiss(None)

    def save_state(self) -> None:
        """On hang-up (and "later"): keep what was typed, restored exactly next time."""
        if self._on_typed is not None:
            self._on_typed(self.answers)
