"""TaskFormScreen: add or edit one task, with its plan, and kind sizing guidance as you type.

Saves the task itself (through ``persist``) and returns it, or None when left without
saving. Enter moves to the next field and saves on the last one; ctrl+s saves from anywhere;
escape leaves, asking first when something was typed (``Editor``). A save that fails keeps
the form open with everything in it; a hang-up keeps a draft, restored next time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Static

from ..commands import dialog_bindings
from ..domain.brainstorm import parse_minutes
from ..domain.errors import ValidationError
from ..domain.models import TITLE_MAX, Area, Plan, Task
from ..domain.plan import parse_time, plan_sentence
from ..domain.sizing import needs_smaller, sizing_note
from ..messages import Change
from ..services import Services
from ..store import StoreError
from ..widgets.days import DaysPicker
from ..widgets.fields import FieldLabel, FieldRow, TextField
from ..widgets.footer import Footer
from ..widgets.rating import RatingSlider
from ..widgets.yesno import YesNo
from .base import Refreshes
from .editor import Editor

BAD_DAY_QUESTION = "Honestly, could I do this on a bad day?"
# The answer is the person's own: the question starts unanswered, and saving asks for it.
BAD_DAY_UNANSWERED = "Honestly, could you do this on a bad day? Only you can say: y or n answers it."

# Where to send the focus when the domain refuses a field.
FIELD_WIDGETS = {
    "title": "#task-title",
    "minutes": "#task-minutes",
    "difficulty": "#task-difficulty",
    "plan.time": "#task-time",
    "plan.ready": "#task-ready",
    "bad_day_ok": "#task-bad-day",
}


@dataclass(frozen=True)
class TaskPreset:
    """Starting values for a new task (from the example library). The bad-day question is
    never answered for the person: a new task starts with it unanswered."""

    title: str = ""
    minutes: int = 10
    difficulty: int = 30
    bad_day_ok: bool | None = None


class TaskFormScreen(Editor, Refreshes, ModalScreen[Task | None]):
    COMMAND_TABLE = "task_form"
    _gentle = False  # the low-mood rule holds (read on mount)
    BINDINGS = dialog_bindings(COMMAND_TABLE)

    DEFAULT_CSS = """
    TaskFormScreen #form-outer { height: 1fr; align: center middle; }
    TaskFormScreen #form-box { width: 78; }
    TaskFormScreen .form-heading { text-style: bold underline; padding-left: 2; }
    TaskFormScreen #task-bad-day-row FieldLabel { width: auto; padding: 0 3 0 1; }
    TaskFormScreen #form-notes { height: auto; padding: 1 1 0 1; }
    TaskFormScreen .note-label { width: 6; text-style: bold; }
    TaskFormScreen .note { width: 1fr; }
    TaskFormScreen .note-row { height: auto; }
    """

    def __init__(
        self,
        services: Services,
        *,
        area: Area,
        task: Task | None = None,
        preset: TaskPreset | None = None,
        order: int = 0,
        today: int | None = None,
    ) -> None:
        super().__init__()
        self.services = services
        self.area = area
        self.editing = task
        self.order = order
        self.today = today
        if task is not None:
            self._start = TaskPreset(task.title, task.minutes, task.difficulty, task.bad_day_ok)
            self._plan = task.plan
            self.draft_key = f"task:{task.id}"
            self.draft_title = f"changes to the task \u201c{task.title}\u201d"
        else:
            self._start = preset or TaskPreset()
            self._plan = Plan()
            self.draft_key = f"task:new:{area.id}"
            self.draft_title = f"a new task in {area.name}"
        self.draft_route = {
            "kind": "task", "area_id": area.id, "task_id": task.id if task else None, "order": order,
        }  # fmt: skip

    def compose(self) -> ComposeResult:
        start = self._start
        verb = "Edit task" if self.editing else "New task"
        with VerticalScroll(id="form-outer", can_focus=False):
            with Vertical(id="form-box", classes="dialog"):
                yield Static(Content(f"{verb} · {self.area.name}"), classes="dialog-title")
                with FieldRow():
                    yield FieldLabel(Content("Title"))
                    yield TextField(
                        start.title, id="task-title", max_length=TITLE_MAX,
                        placeholder="one tiny, slightly hard thing",
                    )
                with FieldRow():
                    yield FieldLabel(Content("Minutes"))
                    yield TextField(str(start.minutes), id="task-minutes", type="integer", max_length=3)
                with FieldRow():
                    yield FieldLabel(Content("Difficulty"))
                    yield RatingSlider(start.difficulty, scale="difficulty", id="task-difficulty")
                with FieldRow(id="task-bad-day-row"):
                    yield FieldLabel(Content(BAD_DAY_QUESTION))
                    yield YesNo(start.bad_day_ok, yes="Yes", no="Not really", id="task-bad-day")
                yield Static(Content("When and how"), classes="form-heading")
                with FieldRow():
                    yield FieldLabel(Content("Days"))
                    yield DaysPicker(self._plan.days, today=self.today, id="task-days")
                with FieldRow():
                    yield FieldLabel(Content("Time"))
                    yield TextField(self._plan.time, id="task-time", placeholder="e.g. 19:30 (optional)")
                with FieldRow():
                    yield FieldLabel(Content("Ready"))
                    yield TextField(
                        self._plan.ready, id="task-ready", max_length=120,
                        placeholder="what I need ready, e.g. phone in another room",
                    )
                with Vertical(id="form-notes"):
                    with Horizontal(classes="note-row"):
                        yield Static(Content("Plan"), classes="note-label")
                        yield Static(id="task-plan", classes="note")
                    with Horizontal(classes="note-row"):
                        yield Static(Content("Size"), classes="note-label")
                        yield Static(id="task-sizing", classes="note")
                yield Static(id="task-error", classes="form-error")
                yield Static(
                    Content("ctrl+s, or enter on the last field, saves · escape cancels"),
                    classes="dialog-hint",
                )
        yield Footer()

    def on_mount(self) -> None:
        try:  # in a low-mood spell, after a gap or a partly, the size note never suggests harder
            self._gentle = self.services.nothing_harder()
        except StoreError:  # unreadable: when unsure, ask nothing
            self._gentle = True
        self.query_one("#task-title", Input).focus()
        self._update_notes()
        self.start_editing()

    # -- the fields as values (drafts, "anything changed?") -------------------------------

    def form_values(self) -> dict[str, Any]:
        return {
            "title": self._text("#task-title"),
            "minutes": self._text("#task-minutes"),
            "difficulty": self.query_one("#task-difficulty", RatingSlider).value,
            "bad_day_ok": self.query_one("#task-bad-day", YesNo).value,
            "days": list(self.query_one("#task-days", DaysPicker).days),
            "time": self._text("#task-time"),
            "ready": self._text("#task-ready"),
        }

    def fill(self, values: dict[str, Any]) -> None:
        for key, selector in (
            ("title", "#task-title"), ("minutes", "#task-minutes"),
            ("time", "#task-time"), ("ready", "#task-ready"),
        ):  # fmt: skip
            if isinstance(values.get(key), str):
                self.query_one(selector, Input).value = values[key]
        difficulty = values.get("difficulty")
        if difficulty is None or isinstance(difficulty, int):
            self.query_one("#task-difficulty", RatingSlider).value = difficulty
        if values.get("bad_day_ok") in (True, False, None):
            self.query_one("#task-bad-day", YesNo).value = values.get("bad_day_ok")
        days = values.get("days")
        if isinstance(days, list) and all(isinstance(d, int) and 0 <= d <= 6 for d in days):
            self.query_one("#task-days", DaysPicker).days = tuple(sorted(set(days)))

    # -- reading the fields ------------------------------------------------------------------

    def _text(self, selector: str) -> str:
        return self.query_one(selector, Input).value

    def _minutes_or_none(self) -> int | None:
        try:
            return parse_minutes(self._text("#task-minutes"))
        except ValidationError:
            return None

    def _draft_plan(self, *, strict: bool) -> Plan:
        days = self.query_one("#task-days", DaysPicker).days
        ready = self._text("#task-ready")
        try:
            time = parse_time(self._text("#task-time"))
        except ValidationError:
            if strict:
                raise
            time = ""
        try:
            return Plan(days=days, time=time, ready=ready)
        except ValidationError:
            if strict:
                raise
            return Plan(days=days, time=time)

    def build_task(self) -> Task:
        """The task as the fields describe it; ValidationError if a field doesn't fit, then
        if the bad-day question is still unanswered (only the person can answer it)."""
        answer = self.query_one("#task-bad-day", YesNo).value
        fields = {
            "title": self._text("#task-title"),
            "minutes": parse_minutes(self._text("#task-minutes")),
            "difficulty": self.query_one("#task-difficulty", RatingSlider).value,
            "bad_day_ok": bool(answer),
            "plan": self._draft_plan(strict=True),
        }
        now = self.services.now()
        if self.editing is not None:
            task = self.editing.edit(now=now, **fields)
        else:
            task = Task.new(now=now, area_id=self.area.id, order=self.order, **fields)
        if answer is None:
            raise ValidationError("bad_day_ok", BAD_DAY_UNANSWERED)
        return task

    # -- live guidance -----------------------------------------------------------------------

    @on(Input.Changed)
    @on(RatingSlider.Changed)
    @on(YesNo.Changed)
    @on(DaysPicker.Changed)
    def _update_notes(self) -> None:
        minutes = self._minutes_or_none()
        difficulty = self.query_one("#task-difficulty", RatingSlider).value
        bad_day_ok = self.query_one("#task-bad-day", YesNo).value
        plan = self._draft_plan(strict=False)
        sentence = plan_sentence(self._text("#task-title"), minutes, plan)
        note = sizing_note(
            minutes=minutes, difficulty=difficulty, bad_day_ok=bad_day_ok, gentle=self._gentle
        )
        for selector, text in (("#task-plan", sentence), ("#task-sizing", note)):
            shown = self.query_one(selector, Static)
            if str(shown.content) != text:  # an update re-lays out the dialog: only when needed
                shown.update(Content(text))
        error = self.query_one("#task-error", Static)
        if bad_day_ok is not None and str(error.content) == BAD_DAY_UNANSWERED:
            error.update(Content(""))  # answered now
        sizing = self.query_one("#task-sizing", Static)
        sizing.set_class(
            needs_smaller(minutes=minutes, difficulty=difficulty, bad_day_ok=bad_day_ok), "-smaller"
        )

    # -- keys --------------------------------------------------------------------------------

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "task-ready":
            self.action_save()
        else:
            self.focus_next()

    @on(RatingSlider.Confirmed)
    def action_next(self) -> None:
        self.focus_next()


    def action_save(self) -> None:
        try:
            task = self.build_task()
        except ValidationError as error:
            self.query_one("#task-error", Static).update(Content(error.message))
            selector = FIELD_WIDGETS.get(error.field)
            if selector:
                self.query_one(selector, Widget).focus()
            return
        if not self.persist(lambda: self.services.store.save(task), Change.TASKS):
            return  # the error was shown; the form keeps everything typed
        self.finished_editing()
        self.dismiss(task)
