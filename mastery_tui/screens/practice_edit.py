"""Edit a recorded practice: every field, with the same widgets as recording one.

ctrl+s saves through ``persist`` (as durable as a new practice; a start moved to another
month moves the record, once). A field that doesn't read gets its message right under it and
nothing is saved. A rating or completion may be "not rated" (backspace clears a slider).
Escape with changes asks first; a hang-up keeps a draft of the edit, never a half-edited
record (``Editor``). Returns the saved Practice, or None when nothing was saved.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header, Input, Static, TextArea

from ..commands import bindings
from ..domain import logbook as lb
from ..domain.errors import ValidationError
from ..domain.models import MINUTES_MAX, REFLECTION_MAX, TITLE_MAX, Completion, Obstacle, Practice
from ..messages import Change
from ..services import Services
from ..widgets.checklist import CheckList
from ..widgets.choice import Choice
from ..widgets.fields import FieldLabel, FieldRow, TextField
from ..widgets.footer import Footer
from ..widgets.rating import WIDEST_WORD, RatingSlider
from .base import Refreshes
from .editor import Editor
from .practice.adjust import OBSTACLE_LABELS
from .practice.after import COMPLETION_OPTIONS

# A refused field -> (the widget to focus, the message line under it).
FIELDS: dict[str, tuple[str, str]] = {
    "task_title": ("#edit-title", "#err-title"),
    "day": ("#edit-day", "#err-start"),
    "time": ("#edit-time", "#err-start"),
    "started": ("#edit-day", "#err-start"),
    "ended": ("#edit-day", "#err-start"),
    "seconds_spent": ("#edit-spent", "#err-minutes"),
    "planned_minutes": ("#edit-planned", "#err-minutes"),
    "reflection": ("#edit-reflection", "#err-reflection"),
    "note": ("#edit-note", "#err-note"),
}
# Sliders: widget id -> (field, label). Each may be "not rated".
SLIDERS: tuple[tuple[str, str, str], ...] = (
    ("edit-difficulty", "difficulty", "Felt"),
    ("edit-mood-before", "mood_before", "Mood before"),
    ("edit-mood-after", "mood_after", "Mood after"),
    ("edit-confidence-before", "confidence_before", "Conf. before"),
    ("edit-confidence-after", "confidence_after", "Conf. after"),
)
TEXT_FIELDS = ("#edit-title", "#edit-day", "#edit-time", "#edit-spent", "#edit-planned", "#edit-reflection")


class NoteArea(TextArea):
    DEFAULT_CSS = """
    NoteArea { height: 5; width: 1fr; border: none; padding: 0; }
    """

    def on_mount(self) -> None:
        if self.app.is_headless:
            self.cursor_blink = False


class PracticeEditScreen(Editor, Refreshes, Screen[Practice | None]):
    SUB_TITLE = "Edit a practice"

    COMMAND_TABLE = "practice_edit"
    BINDINGS = bindings(COMMAND_TABLE)

    DEFAULT_CSS = """
    PracticeEditScreen #edit { padding: 0 1; }
    PracticeEditScreen FieldLabel { width: 14; }
    PracticeEditScreen #edit-day { width: 12; }
    PracticeEditScreen #edit-time, PracticeEditScreen #edit-spent,
    PracticeEditScreen #edit-planned { width: 7; }
    PracticeEditScreen .between { width: auto; padding: 0 1; }
    PracticeEditScreen .form-error { margin-left: 14; }
    PracticeEditScreen .hint { padding-left: 15; color: $text-muted; }
    """

    leave_detail = "Your changes to this practice haven't been saved."

    def __init__(self, services: Services, practice: Practice) -> None:
        super().__init__()
        self.services = services
        self.original = practice
        self.draft_key = f"practice:{practice.id}"
        self.draft_title = f"changes to the practice \u201c{practice.task_title}\u201d"
        self.draft_route = {"kind": "practice", "practice_id": practice.id, "started": practice.started}

    def compose(self) -> ComposeResult:
        p = self.original
        day, at = lb.local_start_text(p, self.services.now().tzinfo)
        yield Header(icon="◆")
        with VerticalScroll(id="edit"):
            with FieldRow():
                yield FieldLabel(Content("Task"))
                yield TextField(p.task_title, id="edit-title", max_length=TITLE_MAX)
            yield Static(id="err-title", classes="form-error")
            with FieldRow():
                yield FieldLabel(Content("Started"))
                yield TextField(day, id="edit-day", max_length=10)
                yield Static(Content("at"), classes="between")
                yield TextField(at, id="edit-time", max_length=5)
            yield Static(id="err-start", classes="form-error")
            with FieldRow():
                yield FieldLabel(Content("Minutes"))
                yield TextField(lb.minutes_field(p.seconds_spent), id="edit-spent", max_length=4)
                yield Static(Content("spent, of"), classes="between")
                yield TextField(str(p.planned_minutes), id="edit-planned", max_length=3)
                yield Static(Content("planned"), classes="between")
            yield Static(id="err-minutes", classes="form-error")
            with FieldRow():
                yield FieldLabel(Content("Did it?"))
                chosen = "" if p.completion is None else p.completion.value
                yield Choice(COMPLETION_OPTIONS, chosen, id="edit-completion")
            for widget_id, field, label in SLIDERS:
                with FieldRow():
                    yield FieldLabel(Content(label))
                    yield RatingSlider(
                        getattr(p, field),
                        scale="difficulty" if field == "difficulty" else "rating",
                        word_cells=WIDEST_WORD,
                        id=widget_id,
                    )
            with FieldRow():
                yield FieldLabel(Content("In the way"))
                yield CheckList(
                    [(o.value, label) for o, label in OBSTACLE_LABELS.items()],
                    selected=[o.value for o in p.obstacles],
                    id="edit-obstacles",
                )
            with FieldRow():
                yield FieldLabel(Content("Reflection"))
                yield TextField(p.reflection, id="edit-reflection", max_length=REFLECTION_MAX)
            yield Static(id="err-reflection", classes="form-error")
            with FieldRow():
                yield FieldLabel(Content("Note"))
                yield NoteArea(p.note, id="edit-note", soft_wrap=True, max_checkpoints=20)
            yield Static(id="err-note", classes="form-error")
            yield Static(
                Content("enter next field · sliders: ←/→, a number, ⌫ clears · space ticks"),
                classes="hint",
            )
        yield Footer()

    def on_mount(self) -> None:
        self._clear_errors()
        self.start_editing()
        self.query_one("#edit-title", Input).focus()

    # -- reading the form --------------------------------------------------------------------

    def _text(self, selector: str) -> str:
        return self.query_one(selector, Input).value

    def form_values(self) -> dict[str, Any]:
        return {
            **{selector: self._text(selector) for selector in TEXT_FIELDS},
            "completion": self.query_one("#edit-completion", Choice).value,
            **{i: self.query_one(f"#{i}", RatingSlider).value for i, *_ in SLIDERS},
            "obstacles": list(self.query_one("#edit-obstacles", CheckList).selected),
            "note": self.query_one("#edit-note", TextArea).text,
        }

    def fill(self, values: dict[str, Any]) -> None:
        for selector in TEXT_FIELDS:
            if isinstance(values.get(selector), str):
                self.query_one(selector, Input).value = values[selector]
        if values.get("completion") in ("", *(value for _, value, _ in COMPLETION_OPTIONS)):
            self.query_one("#edit-completion", Choice).value = values["completion"]
        for widget_id, *_ in SLIDERS:
            rating = values.get(widget_id)
            if rating is None or (isinstance(rating, int) and 0 <= rating <= 100):
                self.query_one(f"#{widget_id}", RatingSlider).value = rating
        obstacles = values.get("obstacles")
        if isinstance(obstacles, list):
            checklist = self.query_one("#edit-obstacles", CheckList)
            for value in {*obstacles} ^ {*checklist.selected}:
                if value in {o.value for o in OBSTACLE_LABELS}:
                    checklist.toggle(value)
        if isinstance(values.get("note"), str):
            self.query_one("#edit-note", TextArea).text = values["note"]

    def build(self) -> Practice:
        """The practice as the form says, or ValidationError for the first field that doesn't read."""
        p = self.original
        now = self.services.now()
        errors: list[ValidationError] = []
        changes: dict[str, object] = {}
        try:
            changes.update(lb.moved_start(p, self._text("#edit-day"), self._text("#edit-time"), now=now))
        except ValidationError as error:
            errors.append(error)
        spent = self._text("#edit-spent")
        try:
            if spent.strip() != lb.minutes_field(p.seconds_spent):
                seconds = 60 * lb.parse_whole(
                    spent, field="seconds_spent", label="Minutes spent", low=0, high=lb.SPENT_MAX_MINUTES
                )
                changes.update(lb.spent_changed(str(changes.get("started", p.started)), seconds))
            changes["planned_minutes"] = lb.parse_whole(
                self._text("#edit-planned"), field="planned_minutes", label="Planned minutes",
                low=1, high=MINUTES_MAX,
            )
        except ValidationError as error:
            errors.append(error)
        if errors:
            raise errors[0]
        for widget_id, field, _label in SLIDERS:
            changes[field] = self.query_one(f"#{widget_id}", RatingSlider).value
        chosen = self.query_one("#edit-completion", Choice).value
        return p.edit(
            now=now,
            task_title=self._text("#edit-title"),
            completion=Completion(chosen) if chosen else None,
            obstacles=tuple(Obstacle(o) for o in self.query_one("#edit-obstacles", CheckList).selected),
            reflection=self._text("#edit-reflection"),
            note=self.query_one("#edit-note", TextArea).text,
            **changes,
        )

    def _clear_errors(self) -> None:
        for static in self.query(".form-error").results(Static):
            static.update("")
            static.display = False

    def _show_error(self, error: ValidationError) -> None:
        self._clear_errors()
        focus, line = FIELDS.get(error.field, ("#edit-title", "#err-title"))
        message = self.query_one(line, Static)
        message.update(Content(error.message))
        message.display = True
        widget = self.query_one(focus, Widget)
        widget.focus()
        widget.scroll_visible(animate=False)

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _field_changed(self, event: Input.Changed | TextArea.Changed) -> None:
        """A message is about what was typed: once the field changes, it no longer applies."""
        selector = f"#{event.control.id}"
        for focus, line in FIELDS.values():
            if focus == selector:
                error = self.query_one(line, Static)
                error.update("")
                error.display = False

    # -- keys --------------------------------------------------------------------------------

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(RatingSlider.Confirmed)
    @on(Choice.Confirmed)
    def _confirmed(self) -> None:
        self.focus_next()

    def action_save(self) -> None:
        try:
            practice = self.build()
        except ValidationError as error:
            self._show_error(error)
            return
        if not self.dirty:
            self.finished_editing()
            self.dismiss(None)
            return
        store = self.services.store
        if self.persist(lambda: store.save_practice(practice, previous=self.original), Change.PRACTICES):
            self.finished_editing()
            self.dismiss(practice)

