"""Not today: a planned day of the week recorded as not practised, with an optional reason,
in a few keys (a letter, enter). It shows on the week strip and in the week's review under
"what got in the way". Nothing about it is judged; it is data for next time."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ..commands import dialog_bindings
from ..domain.errors import ValidationError
from ..domain.models import Obstacle
from ..domain.text import clean_text
from ..widgets.choice import Choice
from ..widgets.fields import TextField
from ..widgets.footer import Footer

# The obstacles of "what got in the way", in the review's words, on one line at 80 columns.
# Each is picked by its own first letter (underlined), so "t" is "tired" and nothing else.
REASONS = (
    ("t", Obstacle.FATIGUE.value, "tired"),
    ("p", Obstacle.PERFECTIONISM.value, "perfectionism"),
    ("n", Obstacle.TIME.value, "no time"),
    ("e", Obstacle.ENVIRONMENT.value, "environment"),
    ("f", Obstacle.FEAR.value, "fear"),
    ("o", Obstacle.OTHER.value, "other"),
)


class NotTodayScreen(ModalScreen[tuple[str, str] | None]):
    """Returns (reason or "", own words or ""), or None (escape: nothing recorded)."""

    COMMAND_TABLE = "not_today"
    BINDINGS = dialog_bindings(COMMAND_TABLE)

    DEFAULT_CSS = """
    NotTodayScreen Choice { margin: 1 0; }
    """

    def __init__(self, task_title: str) -> None:
        """``task_title``: the day's task, "" when the day has none of its own."""
        super().__init__()
        self._task_title = task_title

    def compose(self) -> ComposeResult:
        with Vertical(id="not-today-box", classes="dialog"):
            yield Static(Content("Not today"), classes="dialog-title")
            yield Static(
                Content(
                    "That's allowed. If you like, say what got in the way"
                    + (f" of \u201c{self._task_title}\u201d" if self._task_title else " today")
                    + ": it helps the week's review. Both are optional."
                )
            )
            yield Choice(REASONS, id="not-today-reason", gap=1, keys_shown=True)
            yield TextField(placeholder="In your own words (optional)", id="not-today-words", max_length=200)
            yield Static(id="not-today-error", classes="form-error")
            yield Static(
                Content("first letter picks a reason (t: tired) · enter saves · escape: nothing"),
                classes="dialog-hint",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#not-today-reason", Choice).focus()

    @on(Choice.Confirmed)
    @on(Input.Submitted)
    def action_save(self) -> None:
        words = self.query_one("#not-today-words", Input).value
        try:
            cleaned = clean_text(words, field="words", label="Your words", max_len=200)
        except ValidationError as error:
            self.query_one("#not-today-error", Static).update(Content(error.message))
            return
        self.dismiss((self.query_one("#not-today-reason", Choice).value, cleaned))

    def action_cancel(self) -> None:
        self.dismiss(None)
