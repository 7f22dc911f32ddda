"""CoachScreen: one suggestion from the coach ("just a bit harder", or smaller), and why.

``y`` accepts (the task is edited or created, and every screen showing tasks hears of it),
``o`` shows another suggestion, ``n``/escape lets it go. Enter chooses nothing: nothing is
pre-selected, so a stray enter never makes a change. Returns the accepted Suggestion, or None.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ..commands import dialog_bindings
from ..domain import coach
from ..domain.coach import Kind, Suggestion
from ..domain.models import Task, WeekPlan
from ..domain.reflect import smaller_records
from ..messages import Change
from ..services import Services
from ..store import StoreError
from ..widgets.footer import Footer
from .base import persist

NOTHING_YET = (
    "Nothing to suggest yet. After a few practices with a task, the coach can suggest a next "
    "small step, or a smaller one when a task has been too big."
)


def open_coach(app: App[Any], services: Services, *, first: Suggestion | None = None) -> None:
    """The coach's suggestions, ``first`` first (the one Home shows)."""
    try:
        found = services.coach_suggestions()
    except StoreError as error:
        app.notify(str(error), title="Couldn't read your practice log", severity="error", timeout=20)
        return
    if first is not None:
        found = [first, *coach.alternatives(first, found)]
    app.push_screen(CoachScreen(services, found))


class CoachScreen(ModalScreen[Suggestion | None]):
    """Shows ``suggestions`` one at a time (read from the store when not given)."""

    COMMAND_TABLE = "coach"
    BINDINGS = dialog_bindings(COMMAND_TABLE)

    DEFAULT_CSS = """
    CoachScreen #coach-box { width: 64; }
    CoachScreen #coach-detail { padding-top: 1; text-style: bold; }
    CoachScreen #coach-count { color: $text-muted; width: 100%; content-align: right middle; }
    """

    def __init__(
        self,
        services: Services,
        suggestions: Sequence[Suggestion] | None = None,
        *,
        mood_now: int | None = None,
    ) -> None:
        super().__init__()
        self.services = services
        self._given = list(suggestions) if suggestions is not None else None
        self._mood_now = mood_now
        self.suggestions: list[Suggestion] = []
        self.index = 0

    @property
    def current(self) -> Suggestion | None:
        return self.suggestions[self.index] if self.suggestions else None

    def compose(self) -> ComposeResult:
        if self._given is None:
            self.suggestions = self.services.coach_suggestions(mood_now=self._mood_now)
        else:
            self.suggestions = self._given
        with Vertical(id="coach-box", classes="dialog"):
            yield Static(id="coach-heading", classes="dialog-title")
            yield Static(id="coach-why")
            yield Static(id="coach-detail")
            yield Static(id="coach-hint", classes="dialog-hint")
            yield Static(id="coach-count")
        yield Footer()

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        suggestion = self.current
        heading = self.query_one("#coach-heading", Static)
        detail = self.query_one("#coach-detail", Static)
        hint = self.query_one("#coach-hint", Static)
        count = self.query_one("#coach-count", Static)
        if suggestion is None:
            heading.update(Content("Coach"))
            self.query_one("#coach-why", Static).update(Content(NOTHING_YET))
            detail.display = count.display = False
            hint.update(Content.assemble(("escape", "bold"), " close"))
        else:
            heading.update(Content(suggestion.heading))
            self.query_one("#coach-why", Static).update(Content(suggestion.why))
            detail.update(Content(suggestion.detail))
            detail.display = bool(suggestion.detail)
            parts: list[str | tuple[str, str]] = [("y", "bold"), f" {suggestion.accept_text}    "]
            if self._new_smaller(suggestion):
                parts += [("i", "bold"), " use it instead    "]
            if len(self.suggestions) > 1:
                parts += [("o", "bold"), " another    "]
            parts += [("n", "bold"), " not now"]
            hint.update(Content.assemble(*parts))
            count.display = len(self.suggestions) > 1
            count.update(Content(f"{self.index + 1} of {len(self.suggestions)}"))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "accept":
            return self.current is not None
        if action == "another":
            return len(self.suggestions) > 1
        if action == "instead":
            return self.current is not None and self._new_smaller(self.current)
        return True

    def _new_smaller(self, suggestion: Suggestion) -> bool:
        """A smaller version not yet among the tasks: it can be kept beside the task or used
        instead of it, as after a practice."""
        change = suggestion.change
        return (
            suggestion.kind is Kind.SMALLER
            and change is not None
            and self.services.store.get(Task, change.id) is None
        )

    def action_instead(self) -> None:
        """i: the smaller version instead: the original archived (restorable), its plan moved."""
        suggestion = self.current
        if suggestion is None or suggestion.change is None or not self._new_smaller(suggestion):
            return
        original, offer = suggestion.task, suggestion.change
        store = self.services.store
        try:  # the week's days still to come move to it too, in the same write
            weeks = store.all(WeekPlan)
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=10)
            return
        records = smaller_records(original, offer, instead=True, now=self.services.now(), weeks=weeks)
        if not persist(self.app, lambda: store.save(*records), (Change.TASKS, Change.WEEKS)):
            return
        self.notify(
            f"Using {offer.title} instead; {original.title} is archived (b brings it back).",
            title="Coach",
            markup=False,
        )
        self.dismiss(suggestion)

    def action_accept(self) -> None:
        suggestion = self.current
        if suggestion is None:
            return
        change = suggestion.change
        store = self.services.store
        if change is not None and not persist(self.app, lambda: store.save(change), Change.TASKS):
            return  # persist said why; the suggestion stays open to try again or let go
        self.notify(suggestion.done_text, title="Coach", markup=False)
        self.dismiss(suggestion)

    def action_another(self) -> None:
        if len(self.suggestions) > 1:
            self.index = (self.index + 1) % len(self.suggestions)
            self._show()

    def action_close(self) -> None:
        self.dismiss(None)
