"""History primitives: local days, weeks, ranges and summaries."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from mastery_tui.domain import history
from mastery_tui.domain.errors import ValidationError
from mastery_tui.domain.models import Completion, Practice

TZ = timezone(timedelta(hours=-5))


def practice(started: datetime, *, completion: Completion | None = Completion.YES, before: int | None = 40, after: int | None = 55) -> Practice:
    return Practice.new(
        now=started,
        task_id=None,
        task_title="Walk",
        started=started.astimezone(UTC).isoformat(timespec="seconds"),
        planned_minutes=5,
        seconds_spent=300,
        mood_before=50,
        confidence_before=before,
        mood_after=None if after is None else 60,
        confidence_after=after,
        completion=completion,
    )


def test_local_day_follows_the_users_zone_not_utc() -> None:
    late = practice(datetime(2026, 11, 24, 2, 0, tzinfo=UTC))  # 21:00 on the 23rd in UTC-5
    assert history.local_day(late, TZ) == date(2026, 11, 23)
    assert history.local_day(late, UTC) == date(2026, 11, 24)


def test_weeks_start_on_monday() -> None:
    assert history.week_start(date(2026, 11, 29)) == date(2026, 11, 23)
    assert history.week_start(date(2026, 11, 23)) == date(2026, 11, 23)


@pytest.mark.parametrize(("text", "name"), [("30d", "30d"), ("30 days", "30d"), ("ALL", "all"), ("1 year", "1y")])
def test_parse_range_accepts_friendly_names(text: str, name: str) -> None:
    assert history.parse_range(text) == name


def test_parse_range_refuses_with_the_choices() -> None:
    with pytest.raises(ValidationError, match="7d, 30d, 90d, 1y, all"):
        history.parse_range("fortnight")


def test_range_since_includes_today() -> None:
    assert history.range_since("7d", date(2026, 11, 23)) == date(2026, 11, 17)
    assert history.range_since("all", date(2026, 11, 23)) is None


def test_store_window_and_between_keep_local_edges() -> None:
    edge = practice(datetime(2026, 11, 24, 2, 0, tzinfo=UTC))  # the 23rd locally
    since, until = history.store_window(date(2026, 11, 23), date(2026, 11, 23))
    assert since == date(2026, 11, 22) and until == date(2026, 11, 24)
    assert history.between([edge], TZ, date(2026, 11, 23), date(2026, 11, 23)) == [edge]
    assert history.between([edge], TZ, date(2026, 11, 24), None) == []


def test_summary_counts_and_mean_changes() -> None:
    day = datetime(2026, 11, 23, 12, 0, tzinfo=TZ)
    items = [
        practice(day, before=40, after=60),
        practice(day + timedelta(hours=1), completion=Completion.PARTLY, before=40, after=50),
        practice(day + timedelta(days=1), completion=Completion.NO, before=40, after=None),
    ]
    summary = history.summarize(items, TZ)
    assert (summary.practices, summary.done, summary.partly, summary.not_this_time) == (3, 1, 1, 1)
    assert summary.days_practised == 2
    assert summary.minutes == 15
    assert summary.confidence_change == 15
    assert summary.completion_text() == "1 done, 1 partly, 1 not this time"
    assert history.Summary().completion_text() == "no practices yet"


def test_a_change_needs_both_ratings() -> None:
    day = datetime(2026, 11, 23, 12, 0, tzinfo=TZ)
    no_before = practice(day, before=None, after=60)
    no_after = practice(day, before=40, after=None)
    assert history.confidence_change(no_before) is None
    assert history.confidence_change(no_after) is None
    assert history.confidence_change(practice(day, before=40, after=30)) == -10
    unrated_mood = Practice.new(
        now=day, task_id=None, task_title="Walk", started=practice(day).started, planned_minutes=5,
        mood_after=60,
    )
    assert unrated_mood.mood_before is None and history.mood_change(unrated_mood) is None
    assert history.change(None, None) is None and history.change(0, 0) == 0


def test_a_not_rated_completion_counts_as_a_practice_but_in_no_completion_count() -> None:
    day = datetime(2026, 11, 23, 12, 0, tzinfo=TZ)
    items = [
        practice(day, before=40, after=60),
        practice(day + timedelta(days=1), completion=None, before=None, after=None),
        practice(day + timedelta(days=2), completion=None, before=30, after=50),
    ]
    summary = history.summarize(items, TZ)
    assert (summary.practices, summary.done, summary.partly, summary.not_this_time) == (3, 1, 0, 0)
    assert summary.not_rated == 2
    assert summary.days_practised == 3  # the not-rated days are practised days
    assert summary.confidence_change == 20  # +20 and +20; the practice with neither is left out
    assert summary.completion_text() == "1 done, 2 not rated"
    only = history.summarize(items[1:2], TZ)
    assert only.completion_text() == "1 not rated" and only.confidence_change is None
    assert "not rated" not in history.summarize(items[:1], TZ).completion_text()
    counts = history.completion_counts(items)
    assert counts[None] == 2 and counts[Completion.YES] == 1 and counts[Completion.NO] == 0


def test_by_week_orders_weeks_and_rows() -> None:
    a = practice(datetime(2026, 11, 25, 12, tzinfo=TZ))
    b = practice(datetime(2026, 11, 23, 12, tzinfo=TZ))
    c = practice(datetime(2026, 11, 16, 12, tzinfo=TZ))
    weeks = history.by_week([a, b, c], TZ)
    assert list(weeks) == [date(2026, 11, 16), date(2026, 11, 23)]
    assert weeks[date(2026, 11, 23)] == [b, a]


@pytest.mark.parametrize(("value", "text"), [(12.4, "+12"), (-3, "-3"), (0.2, "0"), (None, "–")])
def test_signed(value: float | None, text: str) -> None:
    assert history.signed(value) == text


def test_minutes_text_never_says_zero_for_time_spent() -> None:
    assert history.Summary(minutes=0, seconds=20).minutes_text() == "under a minute"
    assert history.Summary(minutes=0, seconds=0).minutes_text() == "no time"
    assert history.Summary(minutes=1, seconds=60).minutes_text() == "1 minute"
    assert history.Summary(minutes=25, seconds=1500).minutes_text() == "25 minutes"
