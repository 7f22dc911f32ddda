"""Reading the worksheet log: local days, weeks, ranges and plain summaries.

Practices are stored with UTC timestamps; people live in local days. Everything here takes
the user's time zone (``clock.now().tzinfo``) so "Tuesday" means their Tuesday. The log
screen, the trends, the exports and the weekly review all count the same way through these
functions.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta, tzinfo

from .clock import fixed_zone, parse_iso
from .errors import ValidationError
from .models import NOT_RATED, Completion, Practice

# Range names as typed on the CLI (``--range 30d``) and shown on the trends screen.
RANGES: dict[str, int | None] = {"7d": 7, "30d": 30, "90d": 90, "1y": 365, "all": None}
RANGE_LABELS: dict[str, str] = {
    "7d": "7 days",
    "30d": "30 days",
    "90d": "90 days",
    "1y": "1 year",
    "all": "all",
}


def practice_zone(practice: Practice, tz: tzinfo | None) -> tzinfo | None:
    """The clock a practice is told on: the one where it happened when that is known (its
    UTC offset then), else ``tz``, the person's zone now (practices from before it was kept)."""
    return tz if practice.utc_offset is None else fixed_zone(practice.utc_offset)


def local_start(practice: Practice, tz: tzinfo | None) -> datetime:
    """When a practice started, on the clock where it happened (else in ``tz``)."""
    return parse_iso(practice.started).astimezone(practice_zone(practice, tz))


def local_day(practice: Practice, tz: tzinfo | None) -> date:
    """The calendar day a practice counts toward: its local day where it happened, so a
    flight or a DST change never moves it to another day."""
    return local_start(practice, tz).date()


def week_start(day: date) -> date:
    """The Monday of the ISO week holding ``day``."""
    return day - timedelta(days=day.weekday())


def month_start(day: date) -> date:
    return day.replace(day=1)


def parse_range(text: str) -> str:
    """A range name from user input ("30d", "30 days", "ALL"); ValidationError otherwise."""
    key = text.strip().casefold().replace(" ", "")
    aliases = {"7days": "7d", "30days": "30d", "90days": "90d", "1year": "1y", "year": "1y", "365d": "1y"}
    key = aliases.get(key, key)
    if key not in RANGES:
        names = ", ".join(RANGES)
        raise ValidationError("range", f"Unknown range '{text}'. Choose one of: {names}.")
    return key


def range_since(name: str, today: date) -> date | None:
    """The first local day inside a range that ends today (None: no limit)."""
    days = RANGES[name]
    return None if days is None else today - timedelta(days=days - 1)


def store_window(since: date | None, until: date | None) -> tuple[date | None, date | None]:
    """UTC dates to ask the store for so that no local day inside [since, until] is cut off
    (the store filters by UTC date; a zone is at most a day away). Filter again with
    ``between`` afterwards."""
    return (
        since - timedelta(days=1) if since else None,
        until + timedelta(days=1) if until else None,
    )


def between(
    practices: Iterable[Practice], tz: tzinfo | None, since: date | None, until: date | None
) -> list[Practice]:
    """The practices whose local day lies in [since, until] (either end open when None)."""
    return [
        p
        for p in practices
        if (since is None or local_day(p, tz) >= since) and (until is None or local_day(p, tz) <= until)
    ]


def change(before: int | None, after: int | None) -> int | None:
    """After minus before; None when either was not rated (a change needs both answers)."""
    if before is None or after is None:
        return None
    return after - before


def confidence_change(practice: Practice) -> int | None:
    """Confidence after minus before; None when either rating wasn't given."""
    return change(practice.confidence_before, practice.confidence_after)


def mood_change(practice: Practice) -> int | None:
    """Mood after minus before; None when either rating wasn't given."""
    return change(practice.mood_before, practice.mood_after)


def mean(values: Iterable[float | int | None]) -> float | None:
    """The mean of the values that exist; None when there are none."""
    present = [value for value in values if value is not None]
    return sum(present) / len(present) if present else None


def signed(value: float | None, *, digits: int = 0) -> str:
    """"+12", "-3", "0", or "–" when there is no value: how changes are written everywhere."""
    if value is None:
        return "–"
    rounded = round(value, digits) if digits else round(value)
    if rounded == 0:
        return "0"
    text = f"{rounded:.{digits}f}" if digits else str(int(rounded))
    return f"+{text}" if rounded > 0 else text


@dataclasses.dataclass(frozen=True)
class Summary:
    """Counts over a set of practices, in words the app can say without shaming.

    A practice whose completion was not rated counts as a practice (and its day as practised)
    but in none of done / partly / not this time: ``not_rated`` holds how many there were."""

    practices: int = 0
    done: int = 0
    partly: int = 0
    not_this_time: int = 0
    not_rated: int = 0
    days_practised: int = 0
    minutes: int = 0
    seconds: int = 0
    mood_change: float | None = None
    confidence_change: float | None = None

    def completion_text(self) -> str:
        """e.g. "4 done, 1 partly, 1 not this time, 1 not rated" (parts that are zero left out)."""
        parts = [
            f"{count} {label}"
            for count, label in (
                (self.done, Completion.YES.label),
                (self.partly, Completion.PARTLY.label),
                (self.not_this_time, Completion.NO.label),
                (self.not_rated, NOT_RATED),
            )
            if count
        ]
        return ", ".join(parts) if parts else "no practices yet"

    def practices_text(self) -> str:
        """"1 practice", "3 practices"."""
        return f"{self.practices} {'practice' if self.practices == 1 else 'practices'}"

    def minutes_text(self) -> str:
        """"1 minute", "25 minutes"; "under a minute" when some time was spent (as the
        acknowledgement and the log's "<1" say), "no time" when none was."""
        if self.minutes == 0:
            return "under a minute" if self.seconds else "no time"
        return f"{self.minutes} {'minute' if self.minutes == 1 else 'minutes'}"


def completion_counts(practices: Iterable[Practice]) -> dict[Completion | None, int]:
    """How many practices have each completion; the key ``None`` counts the not-rated ones."""
    counts: dict[Completion | None, int] = {c: 0 for c in Completion}
    counts[None] = 0
    for practice in practices:
        counts[practice.completion] += 1
    return counts


def summarize(practices: Sequence[Practice], tz: tzinfo | None) -> Summary:
    counts = completion_counts(practices)
    return Summary(
        practices=len(practices),
        done=counts[Completion.YES],
        partly=counts[Completion.PARTLY],
        not_this_time=counts[Completion.NO],
        not_rated=counts[None],
        days_practised=len({local_day(p, tz) for p in practices}),
        minutes=round(sum(p.seconds_spent for p in practices) / 60),
        seconds=sum(p.seconds_spent for p in practices),
        mood_change=mean(mood_change(p) for p in practices),
        confidence_change=mean(confidence_change(p) for p in practices),
    )


def by_week(practices: Iterable[Practice], tz: tzinfo | None) -> dict[date, list[Practice]]:
    """Practices grouped by the Monday of their local week, weeks oldest first, each week's
    practices oldest first (the order a worksheet is read in)."""
    weeks: dict[date, list[Practice]] = defaultdict(list)
    for practice in practices:
        weeks[week_start(local_day(practice, tz))].append(practice)
    return {
        monday: sorted(group, key=lambda p: p.started) for monday, group in sorted(weeks.items())
    }


def days_practised(practices: Iterable[Practice], tz: tzinfo | None, days: Iterable[date]) -> int:
    """On how many of ``days`` at least one practice was recorded."""
    practised = {local_day(p, tz) for p in practices}
    return sum(1 for day in days if day in practised)
