"""Trend series: buckets per range, means with gaps, completion counts, ticks."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from mastery_tui.domain import trends as tr
from mastery_tui.domain.models import Completion, Practice

TZ = timezone(timedelta(hours=1))
TODAY = date(2026, 11, 23)  # a Monday


def practice(
    day: date,
    *,
    hour: int = 18,
    mood: tuple[int | None, int | None] = (40, 60),
    confidence: tuple[int | None, int | None] = (30, 50),
    difficulty: int | None = 40,
    completion: Completion | None = Completion.YES,
) -> Practice:
    started = datetime(day.year, day.month, day.day, hour, 0, tzinfo=TZ)
    return Practice.new(
        now=started,
        task_id=None,
        task_title="Walk",
        started=started.astimezone(UTC).isoformat(timespec="seconds"),
        planned_minutes=5,
        mood_before=mood[0],
        mood_after=mood[1],
        confidence_before=confidence[0],
        confidence_after=confidence[1],
        difficulty=difficulty,
        completion=completion,
    )


@pytest.mark.parametrize(
    ("name", "span", "bucket"),
    [
        ("7d", 7, tr.Bucket.DAY),
        ("30d", 30, tr.Bucket.DAY),
        ("90d", 90, tr.Bucket.DAY),
        ("1y", 365, tr.Bucket.WEEK),
        ("all", 100, tr.Bucket.DAY),
        ("all", 400, tr.Bucket.WEEK),
        ("all", 3650, tr.Bucket.MONTH),
    ],
)
def test_bucket_for_range(name: str, span: int, bucket: tr.Bucket) -> None:
    assert tr.bucket_for(name, span) is bucket


def test_completions_per_week_except_seven_days_and_long_histories() -> None:
    assert tr.completion_bucket("7d", tr.Bucket.DAY) is tr.Bucket.DAY
    assert tr.completion_bucket("30d", tr.Bucket.DAY) is tr.Bucket.WEEK
    assert tr.completion_bucket("1y", tr.Bucket.WEEK) is tr.Bucket.WEEK
    assert tr.completion_bucket("all", tr.Bucket.MONTH) is tr.Bucket.MONTH


def test_seven_days_means_per_day_with_gaps_not_zeros() -> None:
    history = [
        practice(TODAY, mood=(40, 60)),
        practice(TODAY, hour=9, mood=(20, None)),  # no after rating: before only
        practice(TODAY - timedelta(days=2), confidence=(10, 90), difficulty=None),
        practice(TODAY - timedelta(days=7)),  # one day too early for 7 days
    ]
    data = tr.trends(history, TZ, "7d", TODAY)
    assert data.since == date(2026, 11, 17) and data.practices == 3
    assert data.starts[0] == data.since and data.starts[-1] == TODAY and len(data.starts) == 7
    assert data.mood_before == (None, None, None, None, 40, None, 30)
    assert data.mood_after == (None, None, None, None, 60, None, 60)
    assert data.confidence_after == (None, None, None, None, 90, None, 50)
    assert data.difficulty == (None, None, None, None, None, None, 40)
    assert data.done == (0, 0, 0, 0, 1, 0, 2)
    assert data.labels(tr.Chart.MOOD)[-1] == "23 Nov"


def test_local_day_decides_the_bucket() -> None:
    # 00:30 on the 23rd in UTC+1 is still the 22nd in UTC: it counts for the 23rd.
    data = tr.trends([practice(TODAY, hour=0)], TZ, "7d", TODAY)
    assert data.mood_before[-1] == 40


def test_thirty_days_count_completions_per_week() -> None:
    history = [
        practice(TODAY, completion=Completion.YES),
        practice(TODAY - timedelta(days=1), completion=Completion.PARTLY),  # Sunday: last week
        practice(TODAY - timedelta(days=2), completion=Completion.NO),
        practice(TODAY - timedelta(days=29), completion=Completion.PARTLY),  # 25 Oct, a Sunday
    ]
    data = tr.trends(history, TZ, "30d", TODAY)
    assert data.completion_bucket is tr.Bucket.WEEK
    assert data.completion_starts[0] == date(2026, 10, 19)  # the Monday of 25 Oct
    assert data.completion_starts[-1] == TODAY
    assert data.done[-1] == 1 and data.partly[-2] == 1 and data.not_this_time[-2] == 1
    assert data.partly[0] == 1
    assert data.labels(tr.Chart.COMPLETIONS)[-1] == "23 Nov"
    assert data.describe(tr.Chart.COMPLETIONS) == "Completions · 30 days · count per week"
    assert data.describe(tr.Chart.MOOD) == "Mood before vs after · 30 days · mean per day"


def test_a_year_is_weekly_and_ten_years_stay_a_few_hundred_points() -> None:
    year = tr.trends([practice(TODAY - timedelta(days=300))], TZ, "1y", TODAY)
    assert year.bucket is tr.Bucket.WEEK and len(year.starts) == 53
    ten_years = [practice(TODAY - timedelta(days=d)) for d in range(0, 3650, 5)]
    every = tr.trends(ten_years, TZ, "all", TODAY)
    assert every.bucket is tr.Bucket.MONTH and every.completion_bucket is tr.Bucket.MONTH
    assert every.since == TODAY - timedelta(days=3645)
    assert 100 <= len(every.starts) <= 130
    assert every.labels(tr.Chart.CONFIDENCE)[-1] == "Nov 2026"
    assert every.practices == len(ten_years)


def test_all_starts_at_the_first_practice_and_ignores_the_future() -> None:
    history = [practice(TODAY - timedelta(days=10)), practice(TODAY + timedelta(days=3))]
    data = tr.trends(history, TZ, "all", TODAY)
    assert data.since == TODAY - timedelta(days=10) and data.practices == 1
    assert tr.trends([], TZ, "all", TODAY).since == TODAY


def test_empty_below_two_practices() -> None:
    assert tr.trends([], TZ, "30d", TODAY).empty
    assert tr.trends([practice(TODAY)], TZ, "30d", TODAY).empty
    assert not tr.trends([practice(TODAY), practice(TODAY)], TZ, "30d", TODAY).empty


def test_series_order_and_labels() -> None:
    data = tr.trends([practice(TODAY), practice(TODAY)], TZ, "7d", TODAY)
    assert [s.label for s in data.series(tr.Chart.CONFIDENCE)] == ["before", "after"]
    assert [s.label for s in data.series(tr.Chart.COMPLETIONS)] == [
        "done",
        "partly",
        "not this time",
    ]
    assert data.series(tr.Chart.COMPLETIONS)[0].values[-1] == 2


def test_segments_split_at_gaps() -> None:
    assert tr.segments([None, 1.0, 2.0, None, None, 5.0]) == [([2, 3], [1.0, 2.0]), ([6], [5.0])]
    assert tr.segments([None, None]) == []


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, []), (3, [1, 2, 3]), (7, [1, 2, 3, 4, 5, 6, 7]), (30, [1, 6, 11, 16, 20, 25, 30])],
)
def test_tick_positions_include_both_ends(count: int, expected: list[int]) -> None:
    assert tr.tick_positions(count) == expected


def test_month_buckets_roll_over_the_year() -> None:
    starts = tr.bucket_starts(date(2025, 11, 15), date(2026, 2, 1), tr.Bucket.MONTH)
    assert starts == [date(2025, 11, 1), date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)]


def test_not_rated_values_are_left_out_of_means_and_completion_counts() -> None:
    day = TODAY - timedelta(days=1)
    practices = [
        practice(day, hour=9, mood=(40, 60), confidence=(30, 50), difficulty=40),
        practice(
            day, hour=12, mood=(None, None), confidence=(None, None), difficulty=None, completion=None
        ),
        practice(day, hour=15, mood=(None, 80), confidence=(50, None), completion=Completion.NO),
        practice(TODAY, mood=(None, None), confidence=(None, None), difficulty=None, completion=None),
    ]
    data = tr.trends(practices, TZ, "7d", TODAY)
    assert data.practices == 4 and not data.empty
    assert data.mood_before[-2] == 40 and data.mood_after[-2] == 70
    assert data.confidence_before[-2] == 40 and data.confidence_after[-2] == 50
    assert data.difficulty[-2] == 40
    # Today was practised with nothing rated: a gap in every rating chart, no bar.
    assert (data.mood_before[-1], data.confidence_after[-1], data.difficulty[-1]) == (None, None, None)
    assert (data.done[-2], data.partly[-2], data.not_this_time[-2]) == (1, 0, 1)
    assert (data.done[-1], data.partly[-1], data.not_this_time[-1]) == (0, 0, 0)
    assert sum(data.done) + sum(data.partly) + sum(data.not_this_time) == 2
