"""The plan as calendar events (iCalendar, RFC 5545), so a phone or desktop calendar reminds
the person: each day of a 7-day plan from today on, and each task planned for a day (the
weekdays of its plan, or every day for a time with no days) over the coming week. One event per planned practice; an event's UID is made from the
plan or task and its day, so importing a newer export updates events instead of doubling them.

Times are floating local times (no zone): "18:30" rings at 18:30 wherever the phone is, the
way a person means a habit's time, and DST never moves it. A plan without a time gives an
all-day event. A day set aside with "Not today" gets no event.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from . import week as weeks_
from .models import Task, WeekPlan
from .plan import is_planned_on

PRODID = "-//mastery//Build Mastery practice plan//EN"
CALENDAR_NAME = "Build Mastery"
UID_DOMAIN = "mastery.local"
AHEAD_DAYS = 7  # planned tasks: today and the next six days


@dataclass(frozen=True)
class Event:
    uid: str
    day: date
    start: time | None  # None: all day
    minutes: int
    title: str
    description: str


def _at(task: Task) -> time | None:
    return time.fromisoformat(task.plan.time) if task.plan.time else None


def _description(task: Task, where: str) -> str:
    parts = [f"{where}. About {task.minutes} minutes."]
    if task.plan.ready:
        parts.append(f"Have ready: {task.plan.ready}")
    parts.append("Open mastery when you begin. Doing part of it counts too.")
    return "\n".join(parts)


def _event(uid: str, task: Task, day: date, where: str) -> Event:
    return Event(
        uid=f"{uid}@{UID_DOMAIN}",
        day=day,
        start=_at(task),
        minutes=task.minutes,
        title=task.title,
        description=_description(task, where),
    )


def events(
    plans: Iterable[WeekPlan],
    tasks: Iterable[Task],
    today: date,
    *,
    live_areas: Collection[str],
) -> list[Event]:
    """Events from ``today`` on: the days of every 7-day plan not yet over, then the tasks
    planned for a day (as Home lists them: live tasks in ``live_areas`` with planned weekdays,
    or a time on any day) over the next AHEAD_DAYS days, where no plan day already holds them."""
    by_id = {task.id: task for task in tasks}
    found: list[Event] = []
    taken: set[tuple[str, date]] = set()
    for plan in sorted(plans, key=lambda p: (p.start, p.id)):
        skipped = {day for day, _reason, _words in plan.skips}
        for number, day in enumerate(weeks_.week_days(plan), start=1):
            task = by_id.get(weeks_.task_for_day(plan, number) or "")
            if day < today or task is None or number in skipped:
                continue
            taken.add((task.id, day))
            uid = f"plan-{plan.id}-day{number}"
            found.append(_event(uid, task, day, f"Day {number} of your 7-day plan"))
    for task in sorted(by_id.values(), key=lambda t: (t.order, t.title, t.id)):
        if task.archived or task.area_id not in live_areas:
            continue
        for offset in range(AHEAD_DAYS):
            day = today + timedelta(days=offset)
            if not is_planned_on(task.plan, day) or (task.id, day) in taken:
                continue
            found.append(_event(f"task-{task.id}-{day:%Y%m%d}", task, day, "Planned practice"))
    found.sort(key=lambda e: (e.day, e.start or time.min, e.uid))
    return found


def _escape(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11)."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def _fold(line: str) -> Iterator[str]:
    """Content lines of at most 75 octets (RFC 5545 3.1), never splitting a character."""
    first = True
    while line:
        limit = 75 if first else 74  # a continuation line starts with one space
        cut, size = 0, 0
        for char in line:
            width = len(char.encode())
            if size + width > limit:
                break
            size += width
            cut += 1
        yield line[:cut] if first else " " + line[:cut]
        line, first = line[cut:], False


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _event_lines(event: Event, stamp: str) -> list[str]:
    lines = ["BEGIN:VEVENT", f"UID:{event.uid}", f"DTSTAMP:{stamp}"]
    if event.start is None:
        lines += [
            f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.day + timedelta(days=1):%Y%m%d}",
        ]
    else:
        begins = datetime.combine(event.day, event.start)
        ends = begins + timedelta(minutes=event.minutes)
        lines += [f"DTSTART:{begins:%Y%m%dT%H%M%S}", f"DTEND:{ends:%Y%m%dT%H%M%S}"]
    lines += [
        f"SUMMARY:{_escape(event.title)}",
        f"DESCRIPTION:{_escape(event.description)}",
        "TRANSP:TRANSPARENT",
    ]
    if event.start is not None:
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{_escape(event.title)}",
            "TRIGGER:PT0M",
            "END:VALARM",
        ]
    return [*lines, "END:VEVENT"]


def ics_text(
    plans: Iterable[WeekPlan],
    tasks: Iterable[Task],
    *,
    now: datetime,
    live_areas: Collection[str],
) -> str:
    """A whole VCALENDAR of the plan's events from ``now``'s local day on (CRLF lines)."""
    stamp = _stamp(now)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{CALENDAR_NAME}",
    ]
    for event in events(plans, tasks, now.date(), live_areas=live_areas):
        lines += _event_lines(event, stamp)
    lines.append("END:VCALENDAR")
    return "".join(f"{part}\r\n" for line in lines for part in _fold(line))
