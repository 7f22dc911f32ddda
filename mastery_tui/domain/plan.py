"""Plans in words: "Mon, Wed, Fri at 19:30 — 20 min study, phone in another room".

Step 3 of the skill is to plan when and how; a good plan reads as one concrete sentence. This
module turns a Plan into that sentence, reads a time of day the way people type it, and picks
what is planned for a given day (for Home).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from datetime import date

from .errors import ValidationError
from .models import Plan, Task

DAY_NAMES: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAYS = (0, 1, 2, 3, 4)
WEEKEND = (5, 6)

# Matched with re.match (which compiles once and caches): compiling here would cost every start.
_TIME = r"""^\s*
    (?P<hour>\d{1,2})
    (?:\s*[:.h]\s*(?P<minute>\d{2}))?
    \s*(?P<half>[ap])?\.?\s*(?:m\.?)?
    \s*$"""
_TIME_FLAGS = re.VERBOSE | re.IGNORECASE
_COMPACT_TIME = r"^\s*(?P<hour>\d{1,2})(?P<minute>\d{2})\s*$"

TIME_HINT = "Time of day looks like 19:30, 7:30pm or 0730 (or leave it empty)."


def days_text(days: Iterable[int]) -> str:
    """'any day', 'every day', 'weekdays', 'weekends' or 'Mon, Wed, Fri'."""
    chosen = tuple(sorted(set(days)))
    if not chosen:
        return "any day"
    if len(chosen) == 7:
        return "every day"
    if chosen == WEEKDAYS:
        return "weekdays"
    if chosen == WEEKEND:
        return "weekends"
    return ", ".join(DAY_NAMES[day] for day in chosen)


def parse_time(text: str) -> str:
    """A time of day as people type it -> 'HH:MM' ('' for empty). Raises ValidationError.

    Accepts 19:30, 7:30, 7.30, 19h30, 0730, 7, 7pm, 7:30 pm, 12am.
    """
    if not text.strip():
        return ""
    match = re.match(_TIME, text, _TIME_FLAGS) or re.match(_COMPACT_TIME, text)
    if not match:
        raise ValidationError("plan.time", TIME_HINT)
    hour = int(match["hour"])
    minute = int(match["minute"] or 0)
    half = (match.groupdict().get("half") or "").lower()
    if half:
        if not 1 <= hour <= 12:
            raise ValidationError("plan.time", TIME_HINT)
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        raise ValidationError("plan.time", TIME_HINT)
    return f"{hour:02d}:{minute:02d}"


def _soften(text: str) -> str:
    """Lower-case a leading capital ("Study" -> "study") so it reads inside a sentence.

    Words in capitals ("TODO"), single letters ("I") and mixed case ("iPhone") are left alone.
    """
    first, _, rest = text.partition(" ")
    tail = first[1:]
    letters = tail.replace("-", "").replace("'", "").replace("’", "")
    if first[:1].isupper() and letters.isalpha() and tail == tail.lower():
        first = first[0].lower() + tail
    return f"{first} {rest}" if rest else first


def when_text(plan: Plan) -> str:
    """The when of a plan, capitalised: 'Mon, Wed at 19:30', 'Any day', 'Every day at 07:00'."""
    days = days_text(plan.days)
    when = f"{days} at {plan.time}" if plan.time else days
    return when[0].upper() + when[1:]


def plan_sentence(title: str, minutes: int | None, plan: Plan) -> str:
    """One concrete sentence: when, how long, what, and what is ready."""
    what = _soften(title.strip()) if title.strip() else "…"
    how_long = f"{minutes} min " if minutes else ""
    sentence = f"{when_text(plan)} — {how_long}{what}"
    if plan.ready:
        sentence += f", {_soften(plan.ready)}"
    return sentence


def short_plan(plan: Plan) -> str:
    """A compact plan for lists and tables: 'Mon, Wed 19:30', 'any day 07:00', or ''."""
    if not has_plan(plan):
        return ""
    days = days_text(plan.days)
    return f"{days} {plan.time}" if plan.time else days


def has_plan(plan: Plan) -> bool:
    """A task is planned once it has days or a time ("any day" with no time is no plan yet)."""
    return bool(plan.days or plan.time)


def is_planned_on(plan: Plan, day: date) -> bool:
    """Planned for ``day``: the weekday is chosen, or it is an any-day plan with a set time."""
    if plan.days:
        return day.weekday() in plan.days
    return bool(plan.time)


def planned_for(
    tasks: Iterable[Task], day: date, *, live_areas: Collection[str] | None = None
) -> list[Task]:
    """Tasks planned for ``day`` (not archived, in a live area), by time; untimed ones last."""
    found = [
        task
        for task in tasks
        if not task.archived
        and (live_areas is None or task.area_id in live_areas)
        and is_planned_on(task.plan, day)
    ]
    return sorted(found, key=lambda t: (t.plan.time or "99:99", t.order, t.created))
