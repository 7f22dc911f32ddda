"""What the Today dashboard says about consistency: counts, never streaks.

SKILL.md: "No streak-shaming: a skipped day is information." So the dashboard counts what
was done ("practised on 5 of the last 7 days", "23 practices this month") and never what
wasn't; an empty week gets an invitation, not a zero.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date, timedelta, tzinfo

from . import history
from . import week as wk
from .models import Practice, Task
from .plan import planned_for


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


INVITATION = "One tiny task today is a fine start."


def practised_days_text(practices: Sequence[Practice], today: date, tz: tzinfo | None, *, days: int = 7) -> str:
    """"Practised on 5 of the last 7 days" (today included), or, when none, an invitation that
    says nothing of the days without (a newcomer and someone back after a gap read it alike)."""
    window = [today - timedelta(days=offset) for offset in range(days)]
    count = history.days_practised(practices, tz, window)
    if count == 0:
        return INVITATION  # no word on the days without
    if count == days:
        return f"Practised on all of the last {days} days."
    return f"Practised on {count} of the last {days} days."


def counts_text(practices: Sequence[Practice], today: date, tz: tzinfo | None, *, invite: bool = True) -> str:
    """Home's line of counts: "Practised on 5 of the last 7 days · 23 practices this month.",
    or the month first and the invitation after it when the week has none. ``invite``
    False (the day was said "not today"): no invitation, only what there is to count."""
    days, month = practised_days_text(practices, today, tz), month_text(practices, today, tz)
    if days == INVITATION and not invite:
        days = ""
    if not month:
        return days
    if days == "" or days == INVITATION:
        return " ".join(filter(None, [f"{month[0].upper()}{month[1:]}.", days]))
    return f"{days.rstrip('.')} · {month}."


def month_text(practices: Sequence[Practice], today: date, tz: tzinfo | None) -> str:
    """"23 practices this month" (local month), or nothing said when there are none."""
    first = today.replace(day=1)
    count = sum(1 for p in practices if first <= history.local_day(p, tz) <= today)
    return f"{_plural(count, 'practice')} this month" if count else ""


@dataclasses.dataclass(frozen=True)
class LastReflection:
    day: date
    task: str
    text: str


def last_reflection(practices: Sequence[Practice], tz: tzinfo | None) -> LastReflection | None:
    """The newest practice that has a reflection sentence."""
    newest = max((p for p in practices if p.reflection), key=lambda p: p.started, default=None)
    if newest is None:
        return None
    return LastReflection(history.local_day(newest, tz), newest.task_title, newest.reflection)


def when_text(day: date, today: date) -> str:
    """"today", "yesterday", "tomorrow", "Sat 21 Nov"."""
    if day == today:
        return "today"
    if day == today + timedelta(days=1):
        return "tomorrow"
    if day == today - timedelta(days=1):
        return "yesterday"
    return f"{day:%a} {day.day} {day:%b}"


def todays_tasks(
    tasks: Sequence[Task], live_areas: set[str], status: wk.WeekStatus, today: date
) -> list[Task]:
    """What is planned for today: the 7-day plan's task for the day first (when a week runs
    and the day has one), then the tasks whose own plan names today, by time. Home lists
    these and "do it now" offers them first, so the two always agree."""
    planned = planned_for(tasks, today, live_areas=live_areas)
    if status.phase is wk.Phase.ACTIVE and status.week is not None:
        assigned = wk.today_task(status.week, tasks, today)
        if assigned is not None and not assigned.archived:
            planned = [assigned, *(t for t in planned if t.id != assigned.id)]
    return planned


# -- `mastery today`: one line for a shell prompt, a login message or a status bar -----------

_PRACTISED = {wk.DayState.DONE, wk.DayState.PARTLY, wk.DayState.NOT_THIS_TIME, wk.DayState.PRACTISED}


@dataclasses.dataclass(frozen=True)
class TodayReport:
    """Today's plan and where the week stands, said in a line (never a count of what wasn't)."""

    day: date
    planned: tuple[Task, ...]
    assigned_id: str | None  # the 7-day plan's task for today, when it has one
    practised_today: int
    not_today: bool
    status: wk.WeekStatus
    cells: tuple[wk.DayCell, ...]  # the running week's days, else ()

    def line(self) -> str:
        parts: list[str] = []
        if self.practised_today:
            parts.append("practised today")
        elif self.not_today:
            parts.append("not today, and that's fine")
        elif self.planned:
            first = self.planned[0]
            parts.append(first.title + (f" at {first.plan.time}" if first.plan.time else ""))
            if len(self.planned) > 1:
                parts[-1] += f" (and {len(self.planned) - 1} more)"
        else:
            parts.append("nothing planned; one tiny task is plenty")
        parts.append(self._week_words())
        return "Today: " + "; ".join(p for p in parts if p)  # ASCII: prompts and status bars

    def _week_words(self) -> str:
        phase = self.status.phase
        if phase is wk.Phase.ACTIVE and self.status.day is not None:
            practised = sum(1 for c in self.cells if c.state in _PRACTISED)
            words = f"day {self.status.day} of 7"
            return f"{words}, practised on {_plural(practised, 'day')}" if practised else words
        if phase is wk.Phase.REVIEW_DUE:
            return "the week's review is ready"
        if phase is wk.Phase.UPCOMING and self.status.week is not None:
            return f"7-day plan starts {when_text(wk.week_first(self.status.week), self.day)}"
        return ""

    def to_json(self) -> dict[str, object]:
        week = self.status.week
        return {
            "date": self.day.isoformat(),
            "line": self.line(),
            "planned": [
                {
                    "id": t.id,
                    "title": t.title,
                    "time": t.plan.time or None,
                    "minutes": t.minutes,
                    "from_7_day_plan": t.id == self.assigned_id,
                }
                for t in self.planned
            ],
            "practised_today": self.practised_today,
            "not_today": self.not_today,
            "week": None
            if week is None
            else {
                "phase": self.status.phase.value,
                "start": week.start,
                "day": self.status.day,
                "days": [{"date": c.day.isoformat(), "state": c.state.value} for c in self.cells],
            },
        }


def today_report(
    tasks: Sequence[Task],
    live_areas: set[str],
    status: wk.WeekStatus,
    practices: Sequence[Practice],
    today: date,
    tz: tzinfo | None,
) -> TodayReport:
    """``practices``: at least those of the running week and today (others are ignored)."""
    planned = todays_tasks(tasks, live_areas, status, today)
    running = status.week if status.phase is wk.Phase.ACTIVE else None
    cells = wk.week_cells(running, practices, today, tz) if running is not None else ()
    number = status.day if running is not None else None
    return TodayReport(
        day=today,
        planned=tuple(planned),
        assigned_id=wk.task_for_day(running, number) if running and number else None,
        practised_today=sum(1 for p in practices if history.local_day(p, tz) == today),
        not_today=running is not None and any(s[0] == number for s in running.skips),
        status=status,
        cells=cells,
    )
