"""The Today dashboard's counts: what was done, never what wasn't."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from mastery_tui.domain import today as t
from mastery_tui.domain.models import Practice

TZ = timezone(timedelta(hours=1))
TODAY = date(2026, 11, 23)
SHAMING = ("fail", "streak", "missed", "lazy", "broken")


def practice(day: date, *, hour: int = 19, reflection: str = "", title: str = "Walk") -> Practice:
    started = datetime(day.year, day.month, day.day, hour, tzinfo=TZ)
    return Practice.new(
        now=started,
        task_id=None,
        task_title=title,
        started=started.astimezone(UTC).isoformat(timespec="seconds"),
        planned_minutes=5,
        mood_before=50,
        confidence_before=40,
        reflection=reflection,
    )


def test_days_counts_distinct_days_in_the_window_including_today() -> None:
    items = [practice(TODAY), practice(TODAY, hour=8), practice(TODAY - timedelta(days=2)), practice(TODAY - timedelta(days=7))]
    assert t.practised_days_text(items, TODAY, TZ) == "Practised on 2 of the last 7 days."


def test_all_days_and_no_days_are_said_kindly() -> None:
    week = [practice(TODAY - timedelta(days=n)) for n in range(7)]
    assert t.practised_days_text(week, TODAY, TZ) == "Practised on all of the last 7 days."
    empty = t.practised_days_text([], TODAY, TZ)
    assert empty == "One tiny task today is a fine start."
    assert not any(word in empty.lower() for word in SHAMING)
    # back after 19 days: welcomed like a newcomer, not a word about the days without
    back = t.practised_days_text([practice(TODAY - timedelta(days=19))], TODAY, TZ)
    assert back == empty


def test_the_counts_line_on_home() -> None:
    assert t.counts_text([], TODAY, TZ) == "One tiny task today is a fine start."
    items = [practice(TODAY), practice(TODAY - timedelta(days=2))]
    assert t.counts_text(items, TODAY, TZ).startswith("Practised on 2 of the last 7 days · ")
    assert t.counts_text(items, TODAY, TZ).endswith(" practices this month.")
    earlier = [practice(date(2026, 11, 2))]  # this month, not this week: the month, then the invitation
    assert t.counts_text(earlier, TODAY, TZ) == "1 practice this month. One tiny task today is a fine start."
    # said "not today": only what there is to count, no invitation
    assert t.counts_text(earlier, TODAY, TZ, invite=False) == "1 practice this month."
    assert t.counts_text([], TODAY, TZ, invite=False) == ""


def test_month_counts_local_days_of_this_month() -> None:
    late_october = practice(date(2026, 10, 31), hour=23)  # 22:00 UTC, still October locally
    items = [practice(date(2026, 11, 1), hour=0), practice(TODAY), late_october]
    assert t.month_text(items, TODAY, TZ) == "2 practices this month"
    assert t.month_text([practice(TODAY)], TODAY, TZ) == "1 practice this month"
    assert t.month_text([], TODAY, TZ) == ""


def test_last_reflection_is_the_newest_with_words() -> None:
    items = [
        practice(TODAY - timedelta(days=3), reflection="Older."),
        practice(TODAY - timedelta(days=1), reflection="Newest words.", title="Draw"),
        practice(TODAY),  # newest, but no sentence
    ]
    last = t.last_reflection(items, TZ)
    assert last == t.LastReflection(TODAY - timedelta(days=1), "Draw", "Newest words.")
    assert t.last_reflection([practice(TODAY)], TZ) is None


def test_when_text() -> None:
    assert t.when_text(TODAY, TODAY) == "today"
    assert t.when_text(TODAY - timedelta(days=1), TODAY) == "yesterday"
    assert t.when_text(TODAY + timedelta(days=1), TODAY) == "tomorrow"
    assert t.when_text(date(2026, 11, 21), TODAY) == "Sat 21 Nov"
