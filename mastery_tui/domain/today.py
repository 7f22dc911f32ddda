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


def practised_days_text(practices: Sequence[Practice], today: date, tz: tzinfo | None, *, days: int = 7) -> str:
    """"Practised on 5 of the last 7 days" (today included), or an invitation when none."""
    window = [today - timedelta(days=offset) for offset in range(days)]
    count = history.days_practised(practices, tz, window)
    if count == 0:
        return f"No practice in the last {days} days yet: one tiny task today is a fine start."
    if count == days:
        return f"Practised on all of the last {days} days."
    return f"Practised on {count} of the last {days} days."


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
