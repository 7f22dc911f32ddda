"""Before: mood and confidence right now, pre-set to last time's values. One key moves on."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ...domain.session import Session
from ...widgets.fields import FieldLabel, FieldRow
from ...widgets.rating import RatingSlider


class BeforeScreen(Screen[tuple[int, int] | None]):
    """Returns (mood, confidence), or None for "not now"."""

    SUB_TITLE = "Before you start"

    BINDINGS = [
        Binding("enter", "next", "Next", show=False, priority=True),
        Binding("ctrl+s", "start", "Start the timer", id="before.start"),
        Binding("escape", "cancel", "Not now", id="before.cancel"),
    ]

    DEFAULT_CSS = """
    BeforeScreen #before { padding: 1 2; }
    BeforeScreen #before-title { text-style: bold; }
    BeforeScreen #before-ask { margin: 1 0; }
    BeforeScreen FieldRow { margin-bottom: 1; }
    BeforeScreen FieldLabel { width: 13; }
    """

    def __init__(self, session: Session, *, mood: int, confidence: int) -> None:
        super().__init__()
        self.session = session
        self._mood = mood
        self._confidence = confidence

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with VerticalScroll(id="before"):
            yield Static(Content(self.session.title), id="before-title")
            if self.session.plan_text:
                yield Static(Content(self.session.plan_text), classes="muted")
            yield Static(
                Content("How are you right now? Rough is fine: this is just a starting point."),
                id="before-ask",
            )
            with FieldRow():
                yield FieldLabel(Content("Mood"))
                yield RatingSlider(self._mood, id="before-mood")
            with FieldRow():
                yield FieldLabel(Content("Confidence"))
                yield RatingSlider(self._confidence, id="before-confidence")
            yield Static(
                Content("←/→ adjust · type a number · enter next · ctrl+s start the timer"),
                classes="muted",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#before-mood", RatingSlider).focus()

    def action_next(self) -> None:
        """enter: on to confidence, then start. Focus moves at once (not after a message round
        trip), so keys typed ahead over a slow SSH link land in the right slider."""
        confidence = self.query_one("#before-confidence", RatingSlider)
        if self.focused is confidence:
            self.action_start()
        else:
            self.set_focus(confidence)

    def action_start(self) -> None:
        mood = self.query_one("#before-mood", RatingSlider).value
        confidence = self.query_one("#before-confidence", RatingSlider).value
        self.dismiss((mood, confidence))

    def action_cancel(self) -> None:
        self.dismiss(None)
