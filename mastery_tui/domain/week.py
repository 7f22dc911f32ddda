"""The 7-day plan: which week is current, its seven days, the next week (the review's data is
``review.py``).

Day 0 sets the week up (one life area, at least five tiny tasks, tasks on days if wanted);
days 1–7 are practised; at day 7 (or any time) the week is reviewed, and the review's tiny
adjustments become the next week's note.

Definitions the screens rely on:

- **Current week**: the WeekPlan with the latest start such that start <= today <= start + 6
  (two with the same start: the one created last). Setting up a new week while one runs
  replaces it from the new week's Day 1 on.
- **Review due**: no week is current, the latest week that has ended has no Review, and no
  newer week has started. It stays due until reviewed or until a new week starts.
- **A day's state**: any practice on that local day counts toward it (any task, any area);
  with several, the best completion counts (done > partly > not this time); a completion that
  was not rated is left out of that choice. A day whose practices all have their completion
  not rated is still a practised day: "practised (not rated)". A day the person said "not
  today" for (with a reason or none) and didn't practise is "not today"; another past day
  without practice is "skipped", today without one is "today", a later day "upcoming".
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import Literal

from . import history
from .models import Completion, Practice, Review, Task, WeekPlan

DAYS = 7
DAY_LETTERS = "MTWTFSS"  # Monday first, as date.weekday()
MIN_TASKS = 5  # Day 0 asks for at least this many live tasks in the week's area
SWEET_SPOT = (5, 10)
TOP_LIFTS = 3


# -- which week ------------------------------------------------------------------------------


def week_first(week: WeekPlan) -> date:
    """Day 1 of a week."""
    return date.fromisoformat(week.start)


def week_last(week: WeekPlan) -> date:
    """Day 7 of a week."""
    return week_first(week) + timedelta(days=DAYS - 1)


def week_days(week: WeekPlan) -> list[date]:
    first = week_first(week)
    return [first + timedelta(days=n) for n in range(DAYS)]


def _newest(weeks: Iterable[WeekPlan]) -> WeekPlan | None:
    return max(weeks, key=lambda w: (w.start, w.created, w.id), default=None)


def active_week(weeks: Iterable[WeekPlan], today: date) -> WeekPlan | None:
    """The week today is day 1–7 of (the latest start wins)."""
    return _newest(w for w in weeks if week_first(w) <= today <= week_last(w))


def day_number(week: WeekPlan, today: date) -> int | None:
    """1–7 when today is inside the week, else None."""
    number = (today - week_first(week)).days + 1
    return number if 1 <= number <= DAYS else None


def review_for(week: WeekPlan, reviews: Iterable[Review]) -> Review | None:
    """The week's review (one per week; if two were ever saved, the last updated)."""
    return max((r for r in reviews if r.week_id == week.id), key=lambda r: r.updated, default=None)


class Phase(StrEnum):
    NONE = "none"  # no week set up yet
    UPCOMING = "upcoming"  # set up; Day 1 is later
    ACTIVE = "active"  # today is day 1–7
    REVIEW_DUE = "review due"  # ended, not reviewed, nothing newer started
    REVIEWED = "reviewed"  # the last week ended and was reviewed: time for a new one


WeekAction = Literal["setup", "review"]


@dataclasses.dataclass(frozen=True)
class WeekStatus:
    phase: Phase
    week: WeekPlan | None = None  # the week the phase is about
    day: int | None = None  # 1–7 when active
    review: Review | None = None  # the week's review, if saved
    upcoming: WeekPlan | None = None  # a week set up to start later (also while a review is due)

    @property
    def action(self) -> WeekAction:
        """What `w` opens: the review of a running or ended-unreviewed week, else the setup
        (for an upcoming week, the setup edits it)."""
        return "review" if self.phase in (Phase.ACTIVE, Phase.REVIEW_DUE) else "setup"


def week_status(weeks: Iterable[WeekPlan], reviews: Iterable[Review], today: date) -> WeekStatus:
    weeks = list(weeks)
    reviews = list(reviews)
    later = [w for w in weeks if week_first(w) > today]
    upcoming = min(later, key=lambda w: (w.start, -_order(w)), default=None)
    current = active_week(weeks, today)
    if current is not None:
        return WeekStatus(
            Phase.ACTIVE, current, day_number(current, today), review_for(current, reviews), upcoming
        )
    ended = _newest(w for w in weeks if week_last(w) < today)
    ended_review = review_for(ended, reviews) if ended else None
    if ended is not None and ended_review is None:
        return WeekStatus(Phase.REVIEW_DUE, ended, upcoming=upcoming)
    if upcoming is not None:
        return WeekStatus(Phase.UPCOMING, upcoming, upcoming=upcoming)
    if ended is not None:
        return WeekStatus(Phase.REVIEWED, ended, review=ended_review)
    return WeekStatus(Phase.NONE)


def _order(week: WeekPlan) -> float:
    """Among weeks with the same start, the one created last comes first."""
    return datetime.fromisoformat(week.created).timestamp()


def week_action(weeks: Iterable[WeekPlan], reviews: Iterable[Review], today: date) -> WeekAction:
    """`w` on Home: "review" while a week runs or its review is due, otherwise "setup"."""
    return week_status(weeks, reviews, today).action


# -- the seven days ----------------------------------------------------------------------------


class DayState(StrEnum):
    DONE = "done"
    PARTLY = "partly"
    NOT_THIS_TIME = "not this time"
    PRACTISED = "practised (not rated)"  # practised; no completion was given
    NOT_TODAY = "not today"  # said so (``WeekPlan.skips``), and that's information
    SKIPPED = "skipped"
    TODAY = "today"
    UPCOMING = "upcoming"


# One distinct shape per state, so the strip reads without colour.
UNICODE_SHAPES: dict[DayState, str] = {
    DayState.DONE: "✓",
    DayState.PARTLY: "◐",
    DayState.NOT_THIS_TIME: "○",
    DayState.PRACTISED: "•",
    DayState.NOT_TODAY: "~",
    DayState.SKIPPED: "–",
    DayState.TODAY: "…",
    DayState.UPCOMING: "·",
}
# The same, distinct in ASCII too (ASCII mode: ascii_mode.py), for a terminal without UTF-8.
ASCII_SHAPES: dict[DayState, str] = {
    DayState.DONE: "v",
    DayState.PARTLY: "/",
    DayState.NOT_THIS_TIME: "o",
    DayState.PRACTISED: "*",
    DayState.NOT_TODAY: "~",
    DayState.SKIPPED: "-",
    DayState.TODAY: "_",
    DayState.UPCOMING: ".",
}
SHAPES: dict[DayState, str] = dict(UNICODE_SHAPES)


def use_shapes(*, ascii_only: bool) -> None:
    """The shapes the strip and its legend draw from now on (the app sets them once)."""
    SHAPES.update(ASCII_SHAPES if ascii_only else UNICODE_SHAPES)

_BY_COMPLETION = {
    Completion.YES: DayState.DONE,
    Completion.PARTLY: DayState.PARTLY,
    Completion.NO: DayState.NOT_THIS_TIME,
}
_RANK = {Completion.YES: 2, Completion.PARTLY: 1, Completion.NO: 0}
HARD = (Completion.PARTLY, Completion.NO)  # what the review's obstacles are read from


@dataclasses.dataclass(frozen=True)
class DayCell:
    number: int  # 1–7
    day: date
    state: DayState
    is_today: bool = False
    practices: int = 0
    task_id: str | None = None  # the task assigned to this day, if any

    @property
    def letter(self) -> str:
        return DAY_LETTERS[self.day.weekday()]

    @property
    def shape(self) -> str:
        return SHAPES[self.state]


def best_completion(practices: Iterable[Practice]) -> Completion | None:
    """The best of several practices in a day: done, then partly, then not this time. A
    completion that was not rated is left out; None when no completion was given."""
    given = (p.completion for p in practices if p.completion is not None)
    return max(given, key=_RANK.__getitem__, default=None)


def day_state(
    practices: Sequence[Practice], day: date, today: date, *, not_today: bool = False
) -> DayState:
    """``not_today``: the person said "not today" for it (a practice after all still counts)."""
    best = best_completion(practices)
    if best is not None:
        return _BY_COMPLETION[best]
    if practices:  # practised, every completion not rated: still a practised day
        return DayState.PRACTISED
    if not_today and day <= today:
        return DayState.NOT_TODAY
    if day < today:
        return DayState.SKIPPED
    return DayState.TODAY if day == today else DayState.UPCOMING


def week_cells(
    week: WeekPlan, practices: Iterable[Practice], today: date, tz: tzinfo | None
) -> tuple[DayCell, ...]:
    """The seven days of a week, each with its state (practices outside the week are ignored)."""
    by_day: dict[date, list[Practice]] = defaultdict(list)
    for practice in practices:
        by_day[history.local_day(practice, tz)].append(practice)
    said = {number for number, _, _ in week.skips}
    return tuple(
        DayCell(
            number=n,
            day=day,
            state=day_state(by_day[day], day, today, not_today=n in said),
            is_today=day == today,
            practices=len(by_day[day]),
            task_id=task_for_day(week, n),
        )
        for n, day in enumerate(week_days(week), start=1)
    )


def cell_text(cell: DayCell) -> str:
    """Four columns: " T✓ ", or "[T…]" for today."""
    body = f"{cell.letter}{cell.shape}"
    return f"[{body}]" if cell.is_today else f" {body} "


def strip_text(cells: Sequence[DayCell]) -> str:
    """The week on one line, e.g. " T✓  W◐  T–  F✓ [S…] S·  M· "."""
    return "".join(cell_text(cell) for cell in cells)


def legend_text(states: Iterable[DayState] = tuple(DayState), *, width: int | None = None) -> str:
    """"✓ done  ◐ partly  ○ not this time  • practised (not rated)  – skipped  … today
    · upcoming"; pass the states shown to explain only those. With ``width``, the items wrap
    onto more lines (never inside an item) so that no line is wider."""
    items = [f"{SHAPES[s]} {s.value}" for s in states]
    if width is None:
        return "  ".join(items)
    lines: list[str] = []
    for item in items:
        if lines and len(lines[-1]) + 2 + len(item) <= width:
            lines[-1] += "  " + item
        else:
            lines.append(item)
    return "\n".join(lines)


ONLY_WHEN_SHOWN = frozenset({DayState.PRACTISED, DayState.NOT_TODAY})


def legend_states(cells: Iterable[DayCell]) -> tuple[DayState, ...]:
    """The states a strip's legend explains: all of them, except "practised (not rated)" and
    "not today", which are explained only when a day shows them."""
    shown = {cell.state for cell in cells}
    return tuple(s for s in DayState if s not in ONLY_WHEN_SHOWN or s in shown)


def task_for_day(week: WeekPlan, day: int) -> str | None:
    """The id of the task assigned to a day (1–7), or None: choose on the day."""
    return next((task_id for number, task_id in week.assignments if number == day), None)


def move_days(
    weeks: Iterable[WeekPlan], old_id: str, new_id: str, today: date, *, now: datetime
) -> list[WeekPlan]:
    """The plans whose days from ``today`` on held task ``old_id``, with those days given to
    ``new_id`` ("use it instead": the smaller version takes the original's place). Days gone
    by keep the task they had: the week's record stays as it was."""
    moved: list[WeekPlan] = []
    for week in weeks:
        days = week_days(week)
        pairs = tuple(
            (number, new_id if task_id == old_id and days[number - 1] >= today else task_id)
            for number, task_id in week.assignments
        )
        if pairs != week.assignments:
            moved.append(week.edit(now=now, assignments=pairs))
    return moved


def today_task(week: WeekPlan, tasks: Iterable[Task], today: date) -> Task | None:
    """Today's assigned task, if there is one and it still exists (archived is fine)."""
    number = day_number(week, today)
    task_id = task_for_day(week, number) if number else None
    return next((t for t in tasks if t.id == task_id), None) if task_id else None


def week_practices(week: WeekPlan, practices: Iterable[Practice], tz: tzinfo | None) -> list[Practice]:
    """The practices whose local day lies in the week, oldest first."""
    inside = history.between(practices, tz, week_first(week), week_last(week))
    return sorted(inside, key=lambda p: p.started)


def store_range(week: WeekPlan) -> tuple[date | None, date | None]:
    """UTC dates to ask the store for (filter again with ``week_practices``)."""
    return history.store_window(week_first(week), week_last(week))


# -- the next week ---------------------------------------------------------------------------


def next_start(previous: WeekPlan, today: date) -> date:
    """Day 1 of the week after ``previous``: the day after its day 7, or today if later."""
    return max(week_last(previous) + timedelta(days=1), today)


def next_week(previous: WeekPlan, review: Review, start: date, now: datetime) -> WeekPlan:
    """A new week in the same area, with the review's adjustments as its note. Days are
    left unassigned: the adjustments may well change which tasks fit."""
    return WeekPlan.new(
        now=now, start=start.isoformat(), area_id=previous.area_id, note=review.adjustments
    )


def new_week(
    area_id: str, start: date, assignments: Iterable[tuple[int, str]], *, now: datetime, note: str = ""
) -> WeekPlan:
    """A week from Day 0's choices (each day at most once, days in order)."""
    chosen = dict(sorted(dict(assignments).items()))
    return WeekPlan.new(
        now=now, start=start.isoformat(), area_id=area_id, assignments=tuple(chosen.items()), note=note
    )


def tasks_count_text(count: int) -> str:
    """Day 0's count line: "5 tasks (5–10 is the sweet spot)", kind when there are too few."""
    low, high = SWEET_SPOT
    noun = "task" if count == 1 else "tasks"
    if count < MIN_TASKS:
        more = MIN_TASKS - count
        return (
            f"{count} {noun} so far ({low}–{high} is the sweet spot). "
            f"{more} more tiny {'one' if more == 1 else 'ones'} and the week can start."
        )
    return f"{count} {noun} ({low}–{high} is the sweet spot)"
