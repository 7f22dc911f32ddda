"""The worksheet log as a table: which practices to show, in what order, and how each cell reads.

Pure functions for the log screen (screens/log.py) and the practice editor: filtering by life
area, date range and typed search; sorting by a column; short cells that fit 80 columns; and
reading a start date, a time and minutes typed by a person. Counting days goes through
``history`` so the log, the trends and the exports agree.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from .clock import offset_minutes, parse_iso, utc_iso
from .errors import ValidationError
from .history import (
    RANGES,
    confidence_change,
    local_day,
    local_start,
    mood_change,
    practice_zone,
    range_since,
)
from .models import NOT_RATED, Completion, Practice

NO_AREA = ""  # the area filter value for practices of quick tasks (no life area)

RANGE_WORDS: dict[str, str] = {
    "7d": "last 7 days",
    "30d": "last 30 days",
    "90d": "last 90 days",
    "1y": "last year",
    "all": "all dates",
}

NOT_RATED_MARK = "–"  # a rating or completion that was not rated, in a short cell
SHORT_COMPLETION: dict[Completion, str] = {
    Completion.YES: "done",
    Completion.PARTLY: "partly",
    Completion.NO: "not",  # "not this time": the detail line and the legend spell it out
}
COMPLETION_LEGEND = "not = not this time"
NOT_RATED_LEGEND = f"{NOT_RATED_MARK} = {NOT_RATED}"

SPENT_MAX_MINUTES = 24 * 60


@dataclasses.dataclass(frozen=True)
class Entry:
    """A practice with what the log needs again and again, computed once."""

    practice: Practice
    day: date  # the user's local day
    haystack: str  # casefolded title, reflection and note, for search


def entries(practices: Iterable[Practice], tz: tzinfo | None) -> list[Entry]:
    return [
        Entry(p, local_day(p, tz), "\n".join((p.task_title, p.reflection, p.note)).casefold())
        for p in practices
    ]


# -- filtering -------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class LogFilter:
    """What the log shows: one area (None: every area; NO_AREA: quick tasks), a range name
    from ``history.RANGES``, and search words that must all appear."""

    area: str | None = None
    range: str = "all"
    search: str = ""


def filtered(items: Sequence[Entry], log_filter: LogFilter, today: date) -> list[Entry]:
    since = range_since(log_filter.range, today)
    words = log_filter.search.casefold().split()
    area = log_filter.area
    return [
        e
        for e in items
        if (since is None or e.day >= since)
        and (area is None or (e.practice.area_id or NO_AREA) == area)
        and all(word in e.haystack for word in words)
    ]


def next_range(name: str) -> str:
    names = list(RANGES)
    return names[(names.index(name) + 1) % len(names)] if name in names else names[0]


def cycle(options: Sequence[Any], current: Any, step: int = 1) -> Any:
    """The option after (or before) ``current``; the first one if ``current`` isn't there."""
    if not options:
        return current
    if current not in options:
        return options[0]
    return options[(list(options).index(current) + step) % len(options)]


# -- sorting ---------------------------------------------------------------------------------

# Column key -> header label. "reflection" is not sortable.
SORTS: dict[str, str] = {
    "date": "Date",
    "task": "Task",
    "area": "Area",
    "minutes": "Min",
    "completion": "Did",
    "difficulty": "Felt",
    "mood": "Mood",
    "confidence": "Conf",
}
TEXT_SORTS = {"task", "area"}  # these start A→Z; the rest start highest (or newest) first
_COMPLETION_RANK = {Completion.YES: 2, Completion.PARTLY: 1, Completion.NO: 0}


def default_descending(key: str) -> bool:
    return key not in TEXT_SORTS


def _rank(completion: Completion | None) -> int | None:
    return None if completion is None else _COMPLETION_RANK[completion]


def sorted_entries(
    items: Sequence[Entry], key: str, *, descending: bool, area_names: Mapping[str, str]
) -> list[Entry]:
    """Sorted by a column of ``SORTS``; rows without a value (a completion or felt difficulty
    not rated, a change whose before or after was not rated) go last either way; ties keep
    newest first."""
    values: dict[str, Callable[[Practice], Any]] = {
        "date": lambda p: p.started,
        "task": lambda p: p.task_title.casefold(),
        "area": lambda p: area_names.get(p.area_id or NO_AREA, "").casefold(),
        "minutes": lambda p: p.seconds_spent,
        "completion": lambda p: _rank(p.completion),
        "difficulty": lambda p: p.difficulty,
        "mood": mood_change,
        "confidence": confidence_change,
    }
    value = values[key]
    newest = sorted(items, key=lambda e: e.practice.started, reverse=True)
    present = [e for e in newest if value(e.practice) is not None]
    missing = [e for e in newest if value(e.practice) is None]
    return sorted(present, key=lambda e: value(e.practice), reverse=descending) + missing


def header_label(key: str, sort_key: str, descending: bool) -> str:
    """"Date ▼": the sorted column carries its direction."""
    label = SORTS.get(key, key.capitalize())
    if key == sort_key:
        return f"{label} {'▼' if descending else '▲'}"
    return label


# -- cells -----------------------------------------------------------------------------------


def day_text(day: date, today: date) -> str:
    """"Mon 23 Nov" this year; "23 Nov 2025" for other years."""
    if day.year == today.year:
        return f"{day:%a} {day.day} {day:%b}"
    return f"{day.day} {day:%b %Y}"


def rating_text(value: int | None) -> str:
    """A rating in a short cell: the number, or "–" when it was not rated."""
    return NOT_RATED_MARK if value is None else str(value)


def pair_text(before: int | None, after: int | None) -> str:
    """Before→after, compact: "40→55"; "40→–" or "–→55" when one of them was not rated."""
    return f"{rating_text(before)}→{rating_text(after)}"


def completion_text(completion: Completion | None) -> str:
    """The completion in the short column: "done", "partly", "not", or "–" when not rated."""
    return NOT_RATED_MARK if completion is None else SHORT_COMPLETION[completion]


def legend_text(practices: Iterable[Practice]) -> str:
    """What the short cells of these practices need explained, e.g. "not = not this time ·
    – = not rated"; empty when nothing needs it."""
    shown = list(practices)
    parts = []
    if any(p.completion is Completion.NO for p in shown):
        parts.append(COMPLETION_LEGEND)
    if any(p.has_not_rated for p in shown):
        parts.append(NOT_RATED_LEGEND)
    return " · ".join(parts)


def minutes_field(seconds: int) -> str:
    """Minutes spent as the editor's field shows them: a whole number to type over."""
    return str(round(seconds / 60))


def minutes_text(seconds: int) -> str:
    """Whole minutes spent; "<1" for a start of under a minute (the acknowledgement says
    "under a minute", so the log doesn't say 0 for something that was done)."""
    if 0 < seconds < 60:
        return "<1"
    return str(round(seconds / 60))


def truncate(text: str, width: int) -> str:
    """One line of at most ``width`` characters, ending in … when cut."""
    line = " ".join(text.split())
    if width <= 0:
        return ""
    if len(line) <= width:
        return line
    return line[: width - 1].rstrip() + "…"


def short_area(name: str, width: int = 8) -> str:
    """The first word of an area's name ("School & studying" -> "School"), cut to ``width``."""
    first = name.split(" ", 1)[0] if name else ""
    return truncate(first, width)


def status_text(
    count: int,
    *,
    area_name: str | None,
    range_name: str,
    search: str,
    total: int,
) -> str:
    """"23 practices · area: Studying · last 30 days · search 'walk'"."""
    parts = [f"{count:,} practice{'' if count == 1 else 's'}"]
    if count != total:
        parts[0] += f" of {total:,}"
    if area_name is not None:
        parts.append(f"area: {area_name}")
    parts.append(RANGE_WORDS.get(range_name, range_name))
    if search.strip():
        parts.append(f"search '{search.strip()}'")
    return " · ".join(parts)


def cap_text(shown: int, count: int, *, newest: bool) -> str:
    """The line under a long list: how much is shown and how to see more."""
    which = "newest" if newest else "first"
    return f"showing the {which} {shown:,} of {count:,}: m shows more, or filter to narrow"


# Columns of the log table, left to right; "mark" holds the ▸ of the highlighted row.
COLUMNS = ("mark", "date", "task", "area", "minutes", "completion", "difficulty", "mood",
           "confidence", "reflection")  # fmt: skip
NUMERIC = {"minutes", "difficulty", "mood", "confidence"}


def row_cells(entry: Entry, today: date, area_name: str) -> dict[str, str]:
    """The text of each column for one practice (before fitting to a width)."""
    p = entry.practice
    return {
        "mark": "",
        "date": day_text(entry.day, today),
        "task": p.task_title,
        "area": short_area(area_name) or "–",
        "minutes": minutes_text(p.seconds_spent),
        "completion": completion_text(p.completion),
        "difficulty": rating_text(p.difficulty),
        "mood": pair_text(p.mood_before, p.mood_after),
        "confidence": pair_text(p.confidence_before, p.confidence_after),
        "reflection": p.reflection,
    }


def headers(sort_key: str, descending: bool) -> dict[str, str]:
    return {
        key: "" if key == "mark" else "Reflection" if key == "reflection"
        else header_label(key, sort_key, descending)
        for key in COLUMNS
    }  # fmt: skip


def column_widths(rows: Sequence[Mapping[str, str]], titles: Mapping[str, str], available: int) -> dict[str, int]:
    """Each short column as wide as its widest cell plus a space; the task and the reflection
    share what is left of ``available`` (the task a little more, never more than it needs)."""
    widths: dict[str, int] = {"mark": 2}
    for key in COLUMNS[1:-1]:
        if key != "task":
            widths[key] = max([len(titles[key]), *(len(row[key]) for row in rows)]) + 1
    rest = max(available - sum(widths.values()), 20)
    longest = max([len(titles["task"]), *(len(row["task"]) for row in rows)]) + 1
    widths["task"] = max(11, min(longest, rest * 55 // 100))
    widths["reflection"] = max(8, rest - widths["task"])
    return {key: widths[key] for key in COLUMNS}


def fit(key: str, text: str, width: int) -> str:
    """A cell's text cut to its column, numbers to the right, one space before the next column."""
    cut = truncate(text, width - 1)
    return cut.rjust(width - 1) + " " if key in NUMERIC else cut.ljust(width)


# -- reading what a person typed in the editor -----------------------------------------------

_DAY = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")


def parse_day(text: str) -> date:
    message = "The date must look like 2026-11-23 (year-month-day)."
    value = text.strip()
    if not _DAY.match(value):
        raise ValidationError("day", message)
    year, month, day = (int(part) for part in value.split("-"))
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError("day", f"There is no such day: {value}.") from None


def parse_clock_time(text: str) -> time:
    value = text.strip()
    match = _TIME.match(value)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValidationError("time", "The time must look like 07:30 or 19:45.")
    return time(int(match[1]), int(match[2]))


def parse_whole(text: str, *, field: str, label: str, low: int, high: int) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise ValidationError(field, f"{label} must be a whole number from {low} to {high}.") from None
    if not low <= value <= high:
        raise ValidationError(field, f"{label} must be from {low} to {high}.")
    return value


def local_start_text(practice: Practice, tz: tzinfo | None) -> tuple[str, str]:
    """The start as the editor shows it: ("2026-11-23", "19:30") where it happened."""
    start = local_start(practice, tz)
    return f"{start:%Y-%m-%d}", f"{start:%H:%M}"


def _editing_zone(practice: Practice, tz: tzinfo | None) -> tzinfo | None:
    """The zone a newly typed start is read in: the practice's own (with its DST rules when
    its name is known), else the person's zone now."""
    if practice.zone:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            return ZoneInfo(practice.zone)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
    return practice_zone(practice, tz)


def moved_start(
    practice: Practice, day_text_: str, time_text: str, *, now: datetime
) -> dict[str, str | int | None]:
    """``started`` (and ``ended``, shifted by as much) for a start typed in local time.

    Keeps the seconds of the stored start when the minute didn't change, so an untouched
    start stays exactly as it was. Refuses a start in the future."""
    tz = _editing_zone(practice, now.tzinfo)
    old = parse_iso(practice.started)
    day = parse_day(day_text_)
    at = parse_clock_time(time_text)
    local_old = local_start(practice, now.tzinfo)
    if (day, at) == (local_old.date(), local_old.time().replace(second=0, microsecond=0)):
        return {"started": practice.started, "ended": practice.ended}
    new = datetime.combine(day, at, tzinfo=tz)
    if new.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != new.replace(tzinfo=None):
        raise ValidationError(
            "time",
            f"{at:%H:%M} didn't happen on {day:%-d %B}: the clocks went forward then. "
            "Pick a time just before or after.",
        )
    if new > now:
        raise ValidationError("day", "That start is in the future; a practice is recorded after it.")
    shift: timedelta = new - old
    ended = practice.ended
    if ended is not None:
        ended = utc_iso(parse_iso(ended) + shift)
    return {"started": utc_iso(new), "ended": ended, "utc_offset": offset_minutes(new)}


def spent_changed(started: str, seconds_spent: int) -> dict[str, str | int]:
    """``seconds_spent`` typed anew, with an ``ended`` that agrees with it: ``started`` plus
    the time spent (the detail shows start–end beside "Time spent", they must not disagree)."""
    return {"seconds_spent": seconds_spent, "ended": utc_iso(parse_iso(started) + timedelta(seconds=seconds_spent))}
