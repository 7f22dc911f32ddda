"""Chart series for the trends screen and ``mastery stats``: means per day, week or month.

A range (``history.RANGES``) ends today. Its points are buckets: days for 7, 30 and 90 days,
weeks for a year, and for "all" days, weeks or months depending on how long the history is,
so a chart never has more than a few hundred points (a plotext rebuild costs 10–60 ms at
30–365 points). Means are of the ratings that exist: a bucket without a practice is a gap
(``None``), never a zero; a rating that was not rated is left out of its mean, never
counted as a number. Completions are counted per week (per day over 7 days, per month when
the history is long) as done / partly / not this time; a practice whose completion was not
rated is in none of the three bars (it still counts in ``Trends.practices``).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta, tzinfo
from enum import StrEnum

from .chart import CHARTS, Chart

__all__ = ["CHARTS", "Bucket", "Chart", "Trends", "trends"]
from .history import RANGE_LABELS, RANGES, local_day, mean, month_start, range_since, week_start
from .models import Completion, Practice


class Bucket(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


MIN_PRACTICES = 2  # fewer in a range: explain what will appear instead of an empty axis
DAILY_UP_TO = 120  # days of "all" history still drawn per day
WEEKLY_UP_TO = 3 * 366  # ... per week (at most ~157 points); longer: per month


def bucket_for(range_name: str, span_days: int) -> Bucket:
    """The bucket of the rating charts for a range covering ``span_days`` days."""
    if RANGES[range_name] is not None:
        return Bucket.WEEK if range_name == "1y" else Bucket.DAY
    if span_days <= DAILY_UP_TO:
        return Bucket.DAY
    return Bucket.WEEK if span_days <= WEEKLY_UP_TO else Bucket.MONTH


def completion_bucket(range_name: str, bucket: Bucket) -> Bucket:
    """Completions per week; per day over 7 days (one bar a day), per month when long."""
    if range_name == "7d":
        return Bucket.DAY
    return Bucket.MONTH if bucket is Bucket.MONTH else Bucket.WEEK


def bucket_start(day: date, bucket: Bucket) -> date:
    if bucket is Bucket.WEEK:
        return week_start(day)
    if bucket is Bucket.MONTH:
        return month_start(day)
    return day


def next_start(start: date, bucket: Bucket) -> date:
    if bucket is Bucket.DAY:
        return start + timedelta(days=1)
    if bucket is Bucket.WEEK:
        return start + timedelta(days=7)
    return (start.replace(day=28) + timedelta(days=4)).replace(day=1)


def bucket_starts(first: date, last: date, bucket: Bucket) -> list[date]:
    """Every bucket from the one holding ``first`` to the one holding ``last``."""
    starts = []
    current = bucket_start(first, bucket)
    while current <= last:
        starts.append(current)
        current = next_start(current, bucket)
    return starts


def bucket_label(start: date, bucket: Bucket) -> str:
    """ "23 Nov" for a day or the week starting that Monday; "Nov 2026" for a month."""
    if bucket is Bucket.MONTH:
        return f"{start:%b %Y}"
    return f"{start.day} {start:%b}"


@dataclasses.dataclass(frozen=True)
class Series:
    """One line (or bar set) of a chart: a value per bucket, ``None`` where there was no data."""

    label: str
    values: tuple[float | None, ...]


@dataclasses.dataclass(frozen=True)
class Trends:
    """Everything the four charts draw, for one range ending today."""

    range_name: str
    since: date
    until: date
    practices: int
    bucket: Bucket
    starts: tuple[date, ...]
    mood_before: tuple[float | None, ...]
    mood_after: tuple[float | None, ...]
    confidence_before: tuple[float | None, ...]
    confidence_after: tuple[float | None, ...]
    difficulty: tuple[float | None, ...]
    completion_bucket: Bucket
    completion_starts: tuple[date, ...]
    done: tuple[int, ...]
    partly: tuple[int, ...]
    not_this_time: tuple[int, ...]

    @property
    def empty(self) -> bool:
        """Too little to draw: the screen explains instead."""
        return self.practices < MIN_PRACTICES

    @property
    def range_label(self) -> str:
        return RANGE_LABELS[self.range_name]

    def bucket_of(self, chart: Chart) -> Bucket:
        return self.completion_bucket if chart is Chart.COMPLETIONS else self.bucket

    def labels(self, chart: Chart) -> tuple[str, ...]:
        """The x label of every point of ``chart``."""
        bucket = self.bucket_of(chart)
        starts = self.completion_starts if chart is Chart.COMPLETIONS else self.starts
        return tuple(bucket_label(start, bucket) for start in starts)

    def series(self, chart: Chart) -> tuple[Series, ...]:
        """The series of a chart, in drawing order (before under after; done on top)."""
        if chart is Chart.MOOD:
            return Series("before", self.mood_before), Series("after", self.mood_after)
        if chart is Chart.CONFIDENCE:
            return (
                Series("before", self.confidence_before),
                Series("after", self.confidence_after),
            )
        if chart is Chart.DIFFICULTY:
            return (Series("felt difficulty", self.difficulty),)
        return (
            Series(Completion.YES.label, tuple(float(v) for v in self.done)),
            Series(Completion.PARTLY.label, tuple(float(v) for v in self.partly)),
            Series(Completion.NO.label, tuple(float(v) for v in self.not_this_time)),
        )

    def describe(self, chart: Chart) -> str:
        """e.g. "Confidence before vs after · 30 days · mean per day"."""
        bucket = self.bucket_of(chart)
        how = "count per" if chart is Chart.COMPLETIONS else "mean per"
        return f"{chart.title} · {self.range_label} · {how} {bucket.value}"


def _means(
    groups: Sequence[list[Practice]], value: Callable[[Practice], int | None]
) -> tuple[float | None, ...]:
    return tuple(mean(value(p) for p in group) if group else None for group in groups)


def _grouped(
    dated: Iterable[tuple[date, Practice]], starts: Sequence[date], bucket: Bucket
) -> list[list[Practice]]:
    index = {start: i for i, start in enumerate(starts)}
    groups: list[list[Practice]] = [[] for _ in starts]
    for day, practice in dated:
        slot = index.get(bucket_start(day, bucket))
        if slot is not None:
            groups[slot].append(practice)
    return groups


def trends(
    practices: Iterable[Practice], tz: tzinfo | None, range_name: str, today: date
) -> Trends:
    """The series of ``range_name`` ending ``today``. ``practices`` may hold more than the
    range (they are filtered by local day here); "all" starts at the first practice."""
    dated = [(local_day(p, tz), p) for p in practices]
    since = range_since(range_name, today)
    if since is None:
        since = min((day for day, _ in dated if day <= today), default=today)
    dated = [(day, p) for day, p in dated if since <= day <= today]
    bucket = bucket_for(range_name, (today - since).days + 1)
    starts = bucket_starts(since, today, bucket)
    groups = _grouped(dated, starts, bucket)
    c_bucket = completion_bucket(range_name, bucket)
    c_starts = bucket_starts(since, today, c_bucket)
    c_groups = _grouped(dated, c_starts, c_bucket)
    counts: dict[Completion, list[int]] = defaultdict(lambda: [0] * len(c_starts))
    for i, group in enumerate(c_groups):
        for practice in group:
            if practice.completion is not None:  # not rated: in no bar
                counts[practice.completion][i] += 1
    return Trends(
        range_name=range_name,
        since=since,
        until=today,
        practices=len(dated),
        bucket=bucket,
        starts=tuple(starts),
        mood_before=_means(groups, lambda p: p.mood_before),
        mood_after=_means(groups, lambda p: p.mood_after),
        confidence_before=_means(groups, lambda p: p.confidence_before),
        confidence_after=_means(groups, lambda p: p.confidence_after),
        difficulty=_means(groups, lambda p: p.difficulty),
        completion_bucket=c_bucket,
        completion_starts=tuple(c_starts),
        done=tuple(counts[Completion.YES]),
        partly=tuple(counts[Completion.PARTLY]),
        not_this_time=tuple(counts[Completion.NO]),
    )


def segments(values: Sequence[float | None]) -> list[tuple[list[int], list[float]]]:
    """Runs of consecutive points that exist, as (1-based x positions, values): a line is drawn
    through each run, so a gap in the data stays a gap on the chart."""
    runs: list[tuple[list[int], list[float]]] = []
    xs: list[int] = []
    ys: list[float] = []
    for x, value in enumerate(values, start=1):
        if value is None:
            if xs:
                runs.append((xs, ys))
                xs, ys = [], []
            continue
        xs.append(x)
        ys.append(value)
    if xs:
        runs.append((xs, ys))
    return runs


def tick_positions(count: int, most: int = 7) -> list[int]:
    """At most ``most`` evenly spread 1-based positions out of ``count``, first and last included."""
    if count <= most:
        return list(range(1, count + 1))
    return sorted({round(1 + i * (count - 1) / (most - 1)) for i in range(most)})
