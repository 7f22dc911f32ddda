"""CoachScreen: one suggestion from the coach ("just a bit harder", or smaller), and why.

``y``/enter accepts (the task is edited or created through ``app.persist``), ``o`` shows
another suggestion, ``n``/escape lets it go. Returns the accepted Suggestion, or None.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from ..domain import coach
from ..domain.coach import Suggestion
from ..domain.history import store_window

if TYPE_CHECKING:
    from ..app import MasteryApp

NOTHING_YET = (
    "Nothing to suggest yet. After a few practices with a task, the coach can suggest a next "
    "small step, or a smaller one when a task has been too big."
)


def coach_suggestions(app: MasteryApp, *, mood_now: int | None = None) -> list[Suggestion]:
    """The coach's suggestions from the store: live tasks in live areas, recent practices."""
    store = app.store
    now = app.clock.now()
    areas = store.areas()
    live = {a.id for a in areas}
    tasks = [t for t in store.tasks() if t.area_id in live]
    since, _ = store_window(now.date() - timedelta(days=coach.RECENT_DAYS - 1), None)
    practices = store.practices(since=since)
    return coach.suggestions(tasks, practices, now=now, mood_now=mood_now, areas=areas)


class CoachScreen(ModalScreen[Suggestion | None]):
    """Shows ``suggestions`` one at a time (read from the store when not given)."""

    BINDINGS = [
        Binding("y,enter", "accept", "Accept", key_display="y", id="coach.accept"),
        Binding("o", "another", "Another", id="coach.another"),
        Binding("n,escape", "close", "Not now", key_display="n", id="coach.close"),
        Binding("q", "stay", "Stay", show=False),  # a stray q in a dialog should not quit
    ]

    DEFAULT_CSS = """
    CoachScreen #coach-box { width: 64; }
    CoachScreen #coach-detail { padding-top: 1; text-style: bold; }
    CoachScreen #coach-count { color: $text-muted; width: 100%; content-align: right middle; }
    """

    def __init__(
        self, suggestions: Sequence[Suggestion] | None = None, *, mood_now: int | None = None
    ) -> None:
        super().__init__()
        self._given = list(suggestions) if suggestions is not None else None
        self._mood_now = mood_now
        self.suggestions: list[Suggestion] = []
        self.index = 0

    @property
    def current(self) -> Suggestion | None:
        return self.suggestions[self.index] if self.suggestions else None

    def compose(self) -> ComposeResult:
        if self._given is None:
            self.suggestions = coach_suggestions(self.app, mood_now=self._mood_now)  # type: ignore[arg-type]
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
        return True

    def action_accept(self) -> None:
        suggestion = self.current
        if suggestion is None:
            return
        change = suggestion.change
        if change is not None and not self.app.persist(  # type: ignore[attr-defined]
            lambda: self.app.store.save(change), "tasks"  # type: ignore[attr-defined]
        ):
            return  # persist said why; the suggestion stays open to try again or let go
        self.notify(suggestion.done_text, title="Coach", markup=False)
        self.dismiss(suggestion)

    def action_another(self) -> None:
        if len(self.suggestions) > 1:
            self.index = (self.index + 1) % len(self.suggestions)
            self._show()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_stay(self) -> None:
        """Swallow the key."""

    def system_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        return [
            ("Accept suggestion", "Make the change the coach suggests", self.action_accept),
            ("Another suggestion", "Show the coach's next idea", self.action_another),
            ("Not now", "Close the coach without changing anything", self.action_close),
        ]
