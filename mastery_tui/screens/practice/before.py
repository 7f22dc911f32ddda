"""Before: mood and confidence right now. Both start unanswered; last time's ratings are shown
beside them as a reference, never taken as today's answer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from ...commands import bindings
from ...domain import care
from ...domain.models import Task
from ...domain.reflect import resistance_prompt
from ...domain.session import Session
from ...domain.words import not_rated_yet
from ...widgets.fields import FieldLabel, FieldRow
from ...widgets.footer import Footer
from ...widgets.rating import RatingSlider, reference_room
from ..editor import Editor
from ..unanswered import UnansweredScreen

Ratings = tuple[int | None, int | None]


@dataclass(frozen=True)
class Swap:
    """"s" on a rough day: practise the smallest step instead, keeping what was typed."""

    task: Task
    ratings: Ratings
ROOM = reference_room("last time")  # both sliders line up, with a reference or without


class BeforeScreen(Editor, Screen[Ratings | Swap | None]):
    """Returns (mood, confidence), either None if the person chose to leave it not rated;
    or None for "not now" (escape, which asks first once something was typed); or a Swap.

    Care rules: a mood typed at 30 or less offers the smallest bad-day task (s swaps to it;
    nothing else changes, nothing is decided for the person); a confidence at 30 or less shows
    one of their own past "what I proved to myself" sentences."""

    SUB_TITLE = "Before you start"

    COMMAND_TABLE = "before"
    BINDINGS = bindings(COMMAND_TABLE)

    DEFAULT_CSS = """
    BeforeScreen #before { padding: 1 2; }
    BeforeScreen #before-title { text-style: bold; }
    BeforeScreen #before-ask { margin: 1 0; }
    BeforeScreen FieldRow { margin-bottom: 1; }
    BeforeScreen FieldLabel { width: 13; }
    BeforeScreen .before-care { margin-top: 1; }
    """

    def __init__(
        self,
        session: Session,
        *,
        reference: Ratings = (None, None),
        typed: Ratings = (None, None),
        on_typed: Callable[[int | None, int | None], None] | None = None,
        smallest: Task | None = None,
        evidence: str | None = None,
        on_mood: Callable[[int | None], None] | None = None,
    ) -> None:
        """``reference``: last time's ratings, shown beside the sliders. ``typed``: what was
        typed here before a hang-up, restored. ``on_typed`` keeps what is typed on hang-up.
        ``on_mood`` hears the mood as it is typed (the coach is gentle on a rough day even
        when the practice goes no further)."""
        super().__init__()
        self.session = session
        self._reference = reference
        self._typed = typed
        self._on_typed = on_typed
        self._smallest = smallest  # the smallest bad-day task, when it isn't this one
        self._evidence = evidence  # one of their own past sentences
        self._on_mood = on_mood
        self._offering = False
        self._prompt_index = -1

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
                yield RatingSlider(
                    self._typed[0], reference=self._reference[0], reference_cells=ROOM,
                    id="before-mood",
                )  # fmt: skip
            with FieldRow():
                yield FieldLabel(Content("Confidence"))
                yield RatingSlider(
                    self._typed[1], reference=self._reference[1], reference_cells=ROOM,
                    id="before-confidence",
                )  # fmt: skip
            yield Static(
                Content("type a number or ←/→ · enter next · ctrl+s start · r if it's hard to start"),
                classes="muted",
            )
            yield Static(id="before-prompt", classes="before-care")
            yield Static(id="before-smallest", classes="before-care")
            yield Static(id="before-evidence", classes="before-care")
        yield Footer()

    leave_detail = "Your ratings here haven't been saved, and the practice won't start."

    def on_mount(self) -> None:
        self.query_one("#before-mood", RatingSlider).focus()
        self.start_editing()
        self.query_one("#before-prompt", Static).display = False
        mood, _ = self.ratings
        if self._on_mood is not None and mood is not None:  # a mood given already (coming back)
            self._on_mood(mood)
        self._show_care()

    def on_rating_slider_changed(self, event: RatingSlider.Changed) -> None:
        if self._on_mood is not None and event.slider.id == "before-mood":
            self._on_mood(event.value)  # a mood cleared again is no mood: the coach hears that too
        self._show_care()

    def _show_care(self) -> None:
        mood, confidence = self.ratings
        offer = self._smallest if mood is not None and mood <= care.LOW_MOOD_NOW else None
        smallest = self.query_one("#before-smallest", Static)
        smallest.display = offer is not None
        if offer is not None:
            smallest.update(
                Content.assemble(
                    "A rough day is a fine day to practise small: ",
                    (f"\u201c{offer.title}\u201d ({offer.minutes} min)", "bold"),
                    " counts just the same. ",
                    ("s", "bold"),
                    " swaps to it.",
                )
            )
        if (offer is not None) != self._offering:
            self._offering = offer is not None
            self.refresh_bindings()
        low = confidence is not None and confidence <= care.LOW_CONFIDENCE_NOW
        evidence = self.query_one("#before-evidence", Static)
        evidence.display = low and self._evidence is not None
        if evidence.display:
            evidence.update(
                Content.assemble(
                    "Something you proved to yourself before: ", (f"\u201c{self._evidence}\u201d", "italic")
                )
            )

    def action_resist(self) -> None:
        """r: a short prompt for the moment it's hard to start (another one each press)."""
        self._prompt_index += 1
        prompt = self.query_one("#before-prompt", Static)
        prompt.update(Content(resistance_prompt(self._prompt_index)))
        prompt.display = True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "swap":
            return self._offering
        return True

    def action_swap(self) -> None:
        """s: the smallest step instead, with the ratings typed so far."""
        if self._smallest is None or not self._offering:
            return
        self.finished_editing()
        self.dismiss(Swap(self._smallest, self.ratings))

    def form_values(self) -> list[int | None]:
        return list(self.ratings)

    @property
    def ratings(self) -> Ratings:
        return (
            self.query_one("#before-mood", RatingSlider).value,
            self.query_one("#before-confidence", RatingSlider).value,
        )

    def action_next(self) -> None:
        """enter: on to confidence, then start."""
        confidence = self.query_one("#before-confidence", RatingSlider)
        if self.focused is confidence:
            self.action_start()
        else:
            self.set_focus(confidence)

    @work(exclusive=True, group="before-start")
    async def action_start(self) -> None:
        mood, confidence = self.ratings
        blank = [name for name, value in (("mood", mood), ("confidence", confidence)) if value is None]
        if blank:
            skip = "start without it" if len(blank) == 1 else "start without them"
            if not await self.app.push_screen_wait(
                UnansweredScreen(not_rated_yet(blank), skip=f"{skip} (\u201cnot rated\u201d)")
            ):
                self.query_one(f"#before-{blank[0]}", RatingSlider).focus()
                return
        self.finished_editing()
        self.dismiss((mood, confidence))

    def save_state(self) -> None:
        """On hang-up: keep what was typed, so the next start shows it again."""
        if self._on_typed is not None:
            self._on_typed(*self.ratings)
