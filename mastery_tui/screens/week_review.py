"""The weekly review: first what the week's log says, then the three questions of the skill.

Which kinds of task gave the strongest sense of mastery; what got in the way on the days it
didn't happen; what tiny adjustments would make next week sustainable. ctrl+s saves (one
review per week: saving again updates it), then next week can start with the adjustments
as its note. ``SavedReviewScreen`` shows a saved review read-only (from the log).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Input, Static, TextArea

from ..commands import bindings
from ..domain import review as rv
from ..domain import week as wk
from ..domain.errors import ValidationError
from ..domain.history import signed
from ..domain.mastery import EARLY_NOTE
from ..domain.models import Area, Obstacle, Review, Task, WeekPlan, completion_label
from ..messages import Change
from ..services import Services
from ..store import StoreError
from ..widgets.checklist import CheckList
from ..widgets.fields import TextField
from ..widgets.footer import Footer
from ..widgets.week_strip import WeekStrip
from .ask import AskScreen
from .base import Refreshes
from .editor import Editor
from .practice.adjust import OBSTACLE_LABELS
from .week_setup import day_label

QUESTIONS = (
    "Which kinds of task gave you the strongest sense of mastery?",
    "What got in the way on the days it didn't happen? (space ticks)",
    "What tiny adjustments would make next week sustainable?",
)
NOTES_SHOWN = 4

REVIEW_CSS = """
    .review-body { padding: 0 1; }
    .review-title { text-style: bold; }
    .review-section { text-style: bold underline; margin-top: 1; }
    .review-question { text-style: bold; margin-top: 1; }
    .review-answer { padding-left: 2; }
    .review-area TextArea { height: 4; }
    .review-area TextField { margin-left: 2; }
"""


def week_heading(week: WeekPlan, area_name: str, today: date) -> Content:
    """"Tue 17 Nov – Mon 23 Nov · Daily living · Day 7 of 7"."""
    number = wk.day_number(week, today)
    when = f"Day {number} of {wk.DAYS}" if number else "ended" if today > wk.week_last(week) else "not started"
    return Content.assemble(
        f"{day_label(wk.week_first(week))} – {day_label(wk.week_last(week))} · ", area_name, f" · {when}"
    )


def data_content(data: rv.ReviewData) -> Content:
    """The review's data as lines: counts, biggest lifts, what got in the way."""
    summary = data.summary
    lines: list[Content] = [
        Content(f"{data.days_text} · {summary.practices_text()}: {summary.completion_text()}"),
        Content(
            f"{summary.minutes_text()} in all · on average confidence "
            f"{signed(summary.confidence_change)}, mood {signed(summary.mood_change)}"
        ),
        Content.styled("Biggest confidence lift", "bold underline"),
    ]
    if not data.top_tasks:
        lines.append(Content("No rise in confidence recorded yet: that is data too."))
    for label, lifts in (("Tasks", data.top_tasks), ("Areas", data.top_areas)):
        for index, lift in enumerate(lifts):
            heading = ((label if index == 0 else "").ljust(7), "bold")
            lines.append(Content.assemble(heading, rv.lift_text(lift)))
    if any(row.early for row in (*data.top_tasks, *data.top_areas)):
        lines.append(Content.styled(EARLY_NOTE, "dim"))
    lines.append(Content.styled("What got in the way (partly, not this time, not today)", "bold underline"))
    lines.append(Content(rv.obstacles_text(data.obstacles)))
    for note in data.notes[:NOTES_SHOWN]:
        lines.append(
            Content.assemble(
                (f"{note.day:%a} · ", "dim"),
                note.task_title,
                (f" ({completion_label(note.completion)}): " if note.completion else ": ", "dim"),
                note.text,
            )
        )
    if (more := len(data.notes) - NOTES_SHOWN) > 0:
        lines.append(Content(f"and {more} more {'note' if more == 1 else 'notes'} in the log"))
    return Content("\n").join(lines)


def _load(screen: Screen[Any], services: Services, week: WeekPlan) -> tuple[rv.ReviewData, str]:
    """The week's data and area name."""
    store = services.store
    now = services.now()
    since, until = wk.store_range(week)
    areas = store.all(Area)
    try:
        practices = store.practices(since=since, until=until)
    except StoreError as error:  # a damaged month file: say so; the answers can still be written
        screen.notify(str(error), title="Couldn't read this week's practices", severity="error", timeout=20)
        practices = []
    data = rv.review_data(
        week,
        practices,
        today=now.date(),
        tz=now.tzinfo,
        tasks=store.all(Task),
        areas=areas,
    )
    name = next((a.name for a in areas if a.id == week.area_id), "a life area")
    return data, name


class WeekReviewScreen(Editor, Refreshes, Screen[None]):
    """The review of ``week``: the data, then the questions. An existing review is edited.
    Escape with unsaved answers asks first; a hang-up keeps them as a draft (``Editor``)."""

    SUB_TITLE = "Weekly review"

    COMMAND_TABLE = "week_review"
    BINDINGS = bindings(COMMAND_TABLE)

    DEFAULT_CSS = "WeekReviewScreen #review { height: 1fr; }" + REVIEW_CSS

    leave_detail = "Your answers here haven't been saved."

    def __init__(self, services: Services, week: WeekPlan) -> None:
        super().__init__()
        self.services = services
        self.week = week
        self.review: Review | None = None
        self.draft_key = f"review:{week.id}"
        self.draft_title = "your weekly review"
        self.draft_route = {"kind": "review", "week_id": week.id}

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with VerticalScroll(id="review", classes="review-body review-area"):
            yield Static(id="review-heading", classes="review-title")
            yield WeekStrip(legend=True, id="review-strip")
            yield Static(id="review-note")
            yield Static(Content("What happened"), classes="review-section")
            yield Static(id="review-data")
            yield Static(Content("Three questions"), classes="review-section")
            yield Static(Content(QUESTIONS[0]), classes="review-question")
            yield TextArea(id="review-strongest")
            yield Static(Content(QUESTIONS[1]), classes="review-question")
            yield CheckList(
                [(o.value, label) for o, label in OBSTACLE_LABELS.items()], id="review-obstacles"
            )
            yield TextField(placeholder="In your words (optional)", id="review-obstacles-text")
            yield Static(Content(QUESTIONS[2]), classes="review-question")
            yield TextArea(id="review-adjustments", placeholder="e.g. smaller tasks on work days")
            yield Static(id="review-status", classes="review-question")
        yield Footer()

    def on_mount(self) -> None:
        store = self.services.store
        now = self.services.now()
        data, area_name = _load(self, self.services, self.week)
        self.query_one("#review-heading", Static).update(week_heading(self.week, area_name, now.date()))
        self.query_one("#review-strip", WeekStrip).show(data.cells)
        note = self.query_one("#review-note", Static)
        note.display = bool(self.week.note)
        note.update(Content.assemble(("Your note for this week: ", "bold"), self.week.note))
        self.query_one("#review-data", Static).update(data_content(data))
        strongest = self.query_one("#review-strongest", TextArea)
        if data.top_tasks:
            strongest.placeholder = f"e.g. {data.top_tasks[0].name}"
        self.review = wk.review_for(self.week, store.all(Review))
        if self.review is not None:
            strongest.text = self.review.strongest
            checks = self.query_one("#review-obstacles", CheckList)
            for obstacle in self.review.obstacles:
                checks.toggle(obstacle.value)
            self.query_one("#review-obstacles-text", Input).value = self.review.obstacles_text
            self.query_one("#review-adjustments", TextArea).text = self.review.adjustments
        for area in self.query(TextArea):
            area.cursor_blink = not self.app.is_headless
        self._show_status()
        self.query_one("#review", VerticalScroll).focus()
        self.start_editing()

    def form_values(self) -> dict[str, object]:
        strongest, obstacles, text, adjustments = self._answers()
        return {
            "strongest": strongest,
            "obstacles": [o.value for o in obstacles],
            "obstacles_text": text,
            "adjustments": adjustments,
        }

    def fill(self, values: dict[str, object]) -> None:
        for key, selector in (("strongest", "#review-strongest"), ("adjustments", "#review-adjustments")):
            value = values.get(key)
            if isinstance(value, str):
                self.query_one(selector, TextArea).text = value
        if isinstance(values.get("obstacles_text"), str):
            self.query_one("#review-obstacles-text", Input).value = str(values["obstacles_text"])
        ticked = values.get("obstacles")
        if isinstance(ticked, list):
            checks = self.query_one("#review-obstacles", CheckList)
            for value in {*ticked} ^ {*checks.selected}:
                if value in {o.value for o in OBSTACLE_LABELS}:
                    checks.toggle(value)

    @property
    def dirty(self) -> bool:
        return not self._finished and self.changed

    def _answers(self) -> tuple[str, tuple[Obstacle, ...], str, str]:
        return (
            self.query_one("#review-strongest", TextArea).text,
            tuple(Obstacle(o) for o in self.query_one("#review-obstacles", CheckList).selected),
            self.query_one("#review-obstacles-text", Input).value,
            self.query_one("#review-adjustments", TextArea).text,
        )

    @property
    def changed(self) -> bool:
        """Whether leaving would lose something: compared as saving would store it."""
        return rv.answers_changed(self.review, *self._answers())

    def _next_week_planned(self) -> WeekPlan | None:
        weeks = self.services.store.all(WeekPlan)
        return min((w for w in weeks if w.start > self.week.start), key=lambda w: w.start, default=None)

    def _show_status(self) -> None:
        later = self._next_week_planned()
        if self.review is None:
            text = "Tab moves to the questions; ctrl+s saves your answers."
        elif later is not None:
            text = f"Saved. The next week is set up: Day 1 is {day_label(wk.week_first(later))}."
        else:
            text = "Saved. ctrl+n starts next week with your adjustments as its note."
        self.query_one("#review-status", Static).update(Content(text))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_week":
            return self.review is not None and self._next_week_planned() is None
        return True

    @work(exclusive=True, group="review-save")
    async def action_save(self) -> None:
        strongest, obstacles, text, adjustments = self._answers()
        now = self.services.now()
        fields = {"strongest": strongest, "obstacles": obstacles, "obstacles_text": text, "adjustments": adjustments}
        try:
            if self.review is None:
                review = Review.new(now=now, week_id=self.week.id, **fields)
            else:
                review = self.review.edit(now=now, **fields)
        except ValidationError as error:
            self.notify(error.message, title="Not saved yet", severity="warning")
            return
        if not self.persist(lambda: self.services.store.save(review), Change.REVIEWS):
            return
        self.review = review
        self.mark_saved()
        self._show_status()
        if self._next_week_planned() is None and now.date() >= wk.week_last(self.week):
            # Only at day 7 or after: mid-week the review is a check-in, ctrl+n is in the footer.
            start = wk.next_start(self.week, now.date())
            ask = AskScreen(
                "Saved. Start next week now?",
                yes="start it",
                no="not yet",
                detail=f"Day 1 would be {day_label(start)}, in the same life area"
                + (", with your adjustments as the week's note." if review.adjustments.strip() else "."),
            )
            if await self.app.push_screen_wait(ask):
                self.action_next_week()
        else:
            self.notify("Review saved.", title="Saved")

    def action_next_week(self) -> None:
        if self.review is None or self._next_week_planned() is not None:
            return
        now = self.services.now()
        start = wk.next_start(self.week, now.date())
        week = wk.next_week(self.week, self.review, start, now)
        if self.persist(lambda: self.services.store.save(week), Change.WEEKS):
            note = f" Its note: {week.note}" if week.note else ""
            self.notify(
                f"Day 1 is {day_label(start)}.{note} Keep the area or choose another, and give "
                "the days their tasks (escape keeps it as it is).",
                title="Next week is set",
                markup=False,
            )
            self.finished_editing()
            self.dismiss(None)
            from .week_setup import WeekSetupScreen

            self.app.push_screen(WeekSetupScreen(self.services, week))


class SavedReviewScreen(Refreshes, Screen[None]):
    """A saved review, read-only: the week's data and the answers. ``e`` edits it."""

    SUB_TITLE = "Weekly review"

    COMMAND_TABLE = "saved_review"
    BINDINGS = bindings(COMMAND_TABLE)

    DEFAULT_CSS = "SavedReviewScreen #saved-review { height: 1fr; }" + REVIEW_CSS

    shows = frozenset({Change.REVIEWS, Change.WEEKS, Change.PRACTICES, Change.TASKS, Change.AREAS})

    def __init__(self, services: Services, review: Review) -> None:
        super().__init__()
        self.services = services
        self.review = review
        self.week: WeekPlan | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield VerticalScroll(id="saved-review", classes="review-body")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        """On opening, and again once back in front after an edit."""
        self.review = self.services.store.get(Review, self.review.id) or self.review
        self.run_worker(self.show(), exclusive=True, group="saved-review")

    async def show(self) -> None:
        store = self.services.store
        now = self.services.now()
        self.week = store.get(WeekPlan, self.review.week_id)
        body = self.query_one("#saved-review", VerticalScroll)
        await body.remove_children()
        parts: list[Static | WeekStrip] = []
        if self.week is not None:
            data, area_name = _load(self, self.services, self.week)
            parts += [
                Static(week_heading(self.week, area_name, now.date()), classes="review-title"),
                WeekStrip(data.cells, legend=True),
                Static(Content("What happened"), classes="review-section"),
                Static(data_content(data)),
            ]
        else:
            parts.append(Static(Content("The week of this review was removed."), classes="review-title"))
        got_in_way = ", ".join(OBSTACLE_LABELS[o] for o in self.review.obstacles)
        if self.review.obstacles_text:
            got_in_way = "; ".join(part for part in (got_in_way, self.review.obstacles_text) if part)
        parts.append(Static(Content("Your answers"), classes="review-section"))
        for question, answer in zip(
            QUESTIONS, (self.review.strongest, got_in_way, self.review.adjustments), strict=True
        ):
            parts.append(Static(Content(question.removesuffix(" (space ticks)")), classes="review-question"))
            parts.append(Static(Content(answer or "–"), classes="review-answer"))
        await body.mount_all(parts)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.week is not None if action == "edit" else True

    def action_edit(self) -> None:
        if self.week is not None:
            self.app.push_screen(WeekReviewScreen(self.services, self.week))

    def action_back(self) -> None:
        self.dismiss(None)


def screen_for_week_key(services: Services) -> Screen[Any]:
    """What `w` on Home opens (see ``domain.week.week_status``): the review of a running or
    ended-unreviewed week, else Day 0 (redoing an upcoming week when one is set up)."""
    from .week_setup import WeekSetupScreen

    status = services.week_status()
    if status.action == "review" and status.week is not None:
        return WeekReviewScreen(services, status.week)
    return WeekSetupScreen(services, status.week if status.phase is wk.Phase.UPCOMING else None)
