"""SplitScreen: break one task into 2–5 smaller steps.

Returns a SplitResult (the step titles and the bad-day answer) or None; the caller turns it
into records with ``domain.brainstorm.split_task`` and saves them in one write. Enter moves to
the next step; enter on an empty step, once two are written, splits; so does ctrl+s.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ..commands import dialog_bindings
from ..domain.brainstorm import SPLIT_EASIER_BY, SPLIT_MAX, SPLIT_MIN
from ..domain.models import Task
from ..widgets.fields import FieldLabel, FieldRow, TextField
from ..widgets.footer import Footer
from ..widgets.yesno import YesNo
from .editor import Editor


@dataclass(frozen=True)
class SplitResult:
    titles: tuple[str, ...]
    bad_day_ok: bool | None  # None: not said (the steps are new tasks: asked afresh)


class SplitScreen(Editor, ModalScreen[SplitResult | None]):
    """Escape with steps written asks first (``Editor``)."""

    COMMAND_TABLE = "split"
    BINDINGS = dialog_bindings(COMMAND_TABLE)

    DEFAULT_CSS = """
    SplitScreen #split-box { width: 76; }
    SplitScreen #split-fields { height: auto; max-height: 100%; }
    SplitScreen #split-task { text-style: bold; }
    """

    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task_to_split = task

    def compose(self) -> ComposeResult:
        task = self.task_to_split
        with Vertical(id="split-box", classes="dialog"):
            yield Static(Content("Split into smaller steps"), classes="dialog-title")
            yield Static(Content(task.title), id="split-task")
            yield Static(
                Content(
                    f"Write {SPLIT_MIN} to {SPLIT_MAX} smaller steps. Each becomes its own task in "
                    "this area; the original is archived, and you can restore it."
                ),
                classes="muted",
            )
            with VerticalScroll(id="split-fields"):
                for n in range(1, SPLIT_MAX + 1):
                    with FieldRow():
                        yield FieldLabel(Content(f"Step {n}"))
                        yield TextField(
                            id=f"step-{n}",
                            placeholder="e.g. just the first 5 minutes" if n == 1 else "",
                            max_length=120,
                        )
                with FieldRow():
                    yield FieldLabel(Content("Bad day?"))
                    yield YesNo(None, yes="Yes, each step", no="Not really", id="split-bad-day")
            yield Static(id="split-share", classes="muted")
            yield Static(id="split-error", classes="form-error")
            yield Static(
                Content("enter: next · enter on an empty step or ctrl+s: split · escape: cancel"),
                classes="dialog-hint",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#step-1", Input).focus()
        self._show_share()
        self.start_editing()

    def form_values(self) -> list[object]:
        steps = [self.query_one(f"#step-{n}", Input).value for n in range(1, SPLIT_MAX + 1)]
        return [*steps, self.query_one("#split-bad-day", YesNo).value]

    def _titles(self) -> list[str]:
        inputs = [self.query_one(f"#step-{n}", Input) for n in range(1, SPLIT_MAX + 1)]
        return [i.value.strip() for i in inputs if i.value.strip()]

    @on(Input.Changed)
    def _show_share(self) -> None:
        count = max(len(self._titles()), SPLIT_MIN)
        task = self.task_to_split
        minutes = max(1, round(task.minutes / count))
        difficulty = max(0, task.difficulty - SPLIT_EASIER_BY)
        self.query_one("#split-share", Static).update(
            Content(f"Each step starts at about {minutes} min, difficulty {difficulty}; edit them after.")
        )

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip() and len(self._titles()) >= SPLIT_MIN:
            self.action_split()
        elif event.input.id == f"step-{SPLIT_MAX}":
            self.action_split()
        else:
            self.focus_next()

    def action_split(self) -> None:
        titles = self._titles()
        if len(titles) < SPLIT_MIN:
            more = SPLIT_MIN - len(titles)
            self.query_one("#split-error", Static).update(
                Content(f"Write {more} more step{'s' if more > 1 else ''} to split it.")
            )
            return
        bad_day_ok = self.query_one("#split-bad-day", YesNo).value
        self.finished_editing()
        self.dismiss(SplitResult(tuple(titles), bad_day_ok))

