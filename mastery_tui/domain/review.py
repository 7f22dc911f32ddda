"""The weekly review's data: days practised, completions, the biggest confidence lifts by task
and area (ranked as the trends screen ranks them), what got in the way, and whether the answers
differ from what was saved."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, tzinfo

from . import history
from .errors import ValidationError
from .history import signed
from .mastery import EARLY_MARK, MasteryRow, rows_by_area, rows_by_task, strongest_first
from .models import NOTE_MAX, Area, Completion, Obstacle, Practice, Review, Task, WeekPlan
from .text import clean_text
from .week import DAYS, HARD, TOP_LIFTS, DayCell, DayState, week_cells, week_days, week_practices

# -- the review's data -----------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class ObstacleNote:
    """What was written on a partly / not-this-time practice: the one-sentence reflection
    and the note from "what got in the way" (the ticked questions, then free words). Never
    a practice whose completion was not rated: it isn't known to have been hard."""

    day: date
    task_title: str
    completion: Completion | None  # None: a day the person said "not today"
    reflection: str = ""
    note: str = ""

    @property
    def text(self) -> str:
        """The reflection in quotes, then the note after a dash, its lines joined by "; " (a
        space after a line that ends a sentence already):
        '"I started even though I was tired" — Was the task too big for today's energy? so tired'."""
        note = ""
        for line in (line.strip() for line in self.note.splitlines() if line.strip()):
            note += ("" if not note else " " if note[-1] in ".?!" else "; ") + line
        quoted = f"“{self.reflection.strip()}”" if self.reflection.strip() else ""
        return " — ".join(part for part in (quoted, note) if part)


@dataclasses.dataclass(frozen=True)
class ReviewData:
    cells: tuple[DayCell, ...]
    summary: history.Summary
    days_practised: int
    top_tasks: tuple[MasteryRow, ...]  # biggest confidence lift first (see ``top_lifts``)
    top_areas: tuple[MasteryRow, ...]
    obstacles: tuple[tuple[Obstacle, int], ...]  # most often first
    notes: tuple[ObstacleNote, ...]  # what was written on partly / not-this-time practices

    @property
    def days_text(self) -> str:
        """"Practised on 5 of 7 days"; mid-week "... of 3 days so far" (today counts)."""
        elapsed = sum(1 for cell in self.cells if cell.state is not DayState.UPCOMING) or DAYS
        days = "day" if elapsed == 1 else "days"
        if elapsed < DAYS:
            return f"Practised on {self.days_practised} of {elapsed} {days} so far"
        return f"Practised on {self.days_practised} of {DAYS} {days}"


def top_lifts(rows: Iterable[MasteryRow], count: int = TOP_LIFTS) -> tuple[MasteryRow, ...]:
    """The rows whose practices raised confidence, in ``mastery``'s strongest-first order:
    rows with enough practices first, then single practices (``row.early``, too early to
    tell, never ranked above real evidence)."""
    lifted = [r for r in strongest_first(rows) if r.confidence_change and r.confidence_change > 0]
    return tuple(lifted[:count])


def review_data(
    week: WeekPlan,
    practices: Iterable[Practice],
    *,
    today: date,
    tz: tzinfo | None,
    tasks: Iterable[Task] = (),
    areas: Iterable[Area] = (),
) -> ReviewData:
    """What the week's log says, before the questions. ``tasks`` and ``areas`` (archived
    included) give current names; a quick task keeps the title it was practised under.
    Lifts are grouped and ranked by ``domain.mastery``, as on the trends screen."""
    inside = week_practices(week, practices, tz)
    hard = [(p, p.completion) for p in inside if p.completion is not None and p.completion in HARD]
    counted = Counter(o for p, _ in hard for o in p.obstacles)
    days = week_days(week)
    # A day said "not today" and then practised after all reads as practised (as on the strip):
    # its reason isn't counted among what got in the way on skipped days.
    practised = {history.local_day(p, tz) for p in inside}
    skips = [(number, reason, words) for number, reason, words in week.skips if days[number - 1] not in practised]
    counted.update(Obstacle(reason) for _, reason, _ in skips if reason)
    not_today = tuple(
        ObstacleNote(days[number - 1], "not today", None, note=words) for number, _, words in skips if words
    )
    order = list(Obstacle)
    return ReviewData(
        cells=week_cells(week, inside, today, tz),
        summary=history.summarize(inside, tz),
        days_practised=history.days_practised(inside, tz, week_days(week)),
        top_tasks=top_lifts(rows_by_task(inside, tasks)),
        top_areas=top_lifts(rows_by_area(inside, areas)),
        obstacles=tuple(sorted(counted.items(), key=lambda kv: (-kv[1], order.index(kv[0])))),
        notes=tuple(
            ObstacleNote(history.local_day(p, tz), p.task_title, completion, p.reflection, p.note)
            for p, completion in hard
            if p.note.strip() or p.reflection.strip()
        )
        + not_today,
    )


def answers_changed(
    saved: Review | None, strongest: str, obstacles: Sequence[Obstacle], obstacles_text: str, adjustments: str
) -> bool:
    """Whether the review's answers differ from ``saved`` as saving would store them
    (trimmed, spaces collapsed), so that nothing counts as unsaved right after a save."""
    texts = (strongest, obstacles_text, adjustments)
    try:
        cleaned = tuple(clean_text(t, field="answer", label="Answer", max_len=NOTE_MAX, multiline=True) for t in texts)
    except ValidationError:
        return True
    ticked = tuple(dict.fromkeys(obstacles))
    if saved is None:
        return bool(any(cleaned) or ticked)
    return (cleaned, ticked) != ((saved.strongest, saved.obstacles_text, saved.adjustments), saved.obstacles)


def lift_text(row: MasteryRow) -> str:
    """"+14  Walk 5 minutes (3×)", with ``EARLY_MARK`` after a single practice."""
    early = f" {EARLY_MARK}" if row.early else ""
    return f"{signed(row.confidence_change):>4}  {row.name} ({row.practices}×){early}"


def obstacles_text(obstacles: Sequence[tuple[Obstacle, int]]) -> str:
    """"fatigue 2 · time 1", or a line saying nothing was noted."""
    if not obstacles:
        return "Nothing noted on partly or not-this-time days."
    return " · ".join(f"{obstacle.value} {count}" for obstacle, count in obstacles)
