"""domain.logbook: filtering, sorting, cells and the editor's reading of dates, without a UI."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from mastery_tui.domain import logbook as lb
from mastery_tui.domain.clock import utc_iso
from mastery_tui.domain.errors import ValidationError
from mastery_tui.domain.models import Completion, Practice

TZ = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 23, 19, 30, tzinfo=TZ)
A, B = "area-a", "area-b"


def practice(title: str, start: datetime, *, area: str | None = A, **fields: object) -> Practice:
    values: dict[str, object] = {
        "planned_minutes": 10, "seconds_spent": 600, "mood_before": 40, "confidence_before": 40,
        "mood_after": 50, "confidence_after": 50, "difficulty": 30,
    }  # fmt: skip
    values.update(fields)
    return Practice.new(
        now=start, task_id=None, task_title=title, area_id=area, started=utc_iso(start),
        ended=utc_iso(start + timedelta(minutes=10)), **values,
    )  # fmt: skip


def test_filter_by_area_range_and_search_words() -> None:
    items = lb.entries(
        [
            practice("Walk", NOW - timedelta(days=1), reflection="grey but fine"),
            practice("Notes", NOW - timedelta(days=10), area=B, note="Tired"),
            practice("Quick call", NOW - timedelta(days=40), area=None),
        ],
        TZ,
    )
    names = lambda f: [e.practice.task_title for e in lb.filtered(items, f, NOW.date())]  # noqa: E731
    assert names(lb.LogFilter()) == ["Walk", "Notes", "Quick call"]
    assert names(lb.LogFilter(area=B)) == ["Notes"]
    assert names(lb.LogFilter(area=lb.NO_AREA)) == ["Quick call"]
    assert names(lb.LogFilter(range="7d")) == ["Walk"]
    assert names(lb.LogFilter(range="30d")) == ["Walk", "Notes"]
    assert names(lb.LogFilter(search="TIRED")) == ["Notes"]  # the note counts, any case
    assert names(lb.LogFilter(search="grey fine")) == ["Walk"]  # every word, any order
    assert names(lb.LogFilter(search="grey tired")) == []


def test_the_local_day_decides_the_range() -> None:
    """00:30 local on the 17th is still the 16th in UTC: it is inside "last 7 days"."""
    early = datetime(2026, 11, 17, 0, 30, tzinfo=TZ)
    items = lb.entries([practice("Early", early)], TZ)
    assert items[0].day == date(2026, 11, 17)
    assert lb.filtered(items, lb.LogFilter(range="7d"), NOW.date()) == items


def test_sorting_puts_missing_values_last_and_keeps_newest_first_on_ties() -> None:
    old = practice("b old", NOW - timedelta(days=3), mood_after=None)
    new = practice("a new", NOW - timedelta(days=1), mood_after=70)
    tie = practice("c tie", NOW - timedelta(days=2), mood_after=70)
    items = lb.entries([old, new, tie], TZ)
    order = lambda key, desc: [  # noqa: E731
        e.practice.task_title for e in lb.sorted_entries(items, key, descending=desc, area_names={})
    ]
    assert order("date", True) == ["a new", "c tie", "b old"]
    assert order("task", False) == ["a new", "b old", "c tie"]
    assert order("mood", True) == ["a new", "c tie", "b old"]
    assert order("mood", False) == ["a new", "c tie", "b old"]  # ties newest first; None last
    assert lb.header_label("mood", "mood", True) == "Mood ▼"
    assert lb.header_label("task", "mood", True) == "Task"


def test_cells_are_short_and_cut_with_an_ellipsis() -> None:
    assert lb.day_text(date(2026, 11, 23), NOW.date()) == "Mon 23 Nov"
    assert lb.day_text(date(2025, 2, 3), NOW.date()) == "3 Feb 2025"
    assert lb.pair_text(40, 55) == "40→55"
    assert lb.pair_text(40, None) == "40→–"
    assert lb.truncate("one  two\nthree", 20) == "one two three"
    assert lb.truncate("a long reflection", 8) == "a long…"
    assert lb.short_area("School & studying") == "School"
    assert lb.fit("minutes", "7", 4) == "  7 "
    assert lb.fit("task", "Walk around the block", 8) == "Walk a… "
    entry = lb.entries([practice("Dishes", NOW, completion=Completion.NO, difficulty=None)], TZ)[0]
    cells = lb.row_cells(entry, NOW.date(), "Daily living")
    assert (cells["completion"], cells["difficulty"], cells["area"]) == ("not", "–", "Daily")


def not_rated(title: str, start: datetime, **fields: object) -> Practice:
    """A practice whose every rating and completion was not rated, but for ``fields``."""
    return Practice.new(
        now=start, task_id=None, task_title=title, area_id=A, started=utc_iso(start),
        planned_minutes=10, seconds_spent=600, **fields,
    )  # fmt: skip


def test_a_not_rated_value_reads_as_a_dash_in_its_cell() -> None:
    assert lb.pair_text(None, 55) == "–→55"
    assert lb.pair_text(40, None) == "40→–"
    assert lb.pair_text(None, None) == "–→–"
    assert lb.pair_text(0, 0) == "0→0"  # zero is an answer, not "not rated"
    p = not_rated("Dishes", NOW, mood_after=55, confidence_before=40)
    cells = lb.row_cells(lb.entries([p], TZ)[0], NOW.date(), "Daily living")
    assert (cells["completion"], cells["difficulty"], cells["mood"], cells["confidence"]) == (
        "–", "–", "–→55", "40→–",
    )  # fmt: skip
    assert lb.completion_text(None) == "–" and lb.completion_text(Completion.PARTLY) == "partly"


def test_the_legend_explains_not_this_time_and_not_rated_when_shown() -> None:
    done = practice("Walk", NOW, completion=Completion.YES)
    no = practice("Email", NOW, completion=Completion.NO)
    unrated = not_rated("Dishes", NOW, completion=Completion.YES)  # ratings not rated
    assert lb.legend_text([done]) == ""
    assert lb.legend_text([done, no]) == "not = not this time"
    assert lb.legend_text([done, unrated]) == "– = not rated"
    assert lb.legend_text([no, not_rated("Dishes", NOW)]) == "not = not this time · – = not rated"


@pytest.mark.parametrize("key", list(lb.SORTS))
def test_sorting_by_any_column_puts_not_rated_last_either_way(key: str) -> None:
    rated = [
        practice("b done", NOW - timedelta(days=2), completion=Completion.YES, difficulty=20),
        practice("c not", NOW - timedelta(days=3), completion=Completion.NO, difficulty=70,
                 mood_after=30, confidence_after=35),
    ]  # fmt: skip
    unrated = [
        not_rated("a nothing", NOW - timedelta(days=1)),
        not_rated("d after only", NOW - timedelta(days=4), mood_after=60, confidence_after=60),
        not_rated("e before only", NOW - timedelta(days=5), mood_before=60, confidence_before=60),
    ]
    items = lb.entries([*unrated, *rated], TZ)
    for descending in (True, False):
        titles = [
            e.practice.task_title
            for e in lb.sorted_entries(items, key, descending=descending, area_names={A: "Daily"})
        ]
        if key in {"completion", "difficulty", "mood", "confidence"}:
            assert set(titles[:2]) == {"b done", "c not"}
            assert titles[2:] == ["a nothing", "d after only", "e before only"]  # newest first
        else:
            assert sorted(titles) == sorted(e.practice.task_title for e in items)


def test_columns_fit_the_width() -> None:
    entry = lb.entries([practice("A rather long task title to cut", NOW, reflection="x" * 90)], TZ)[0]
    rows = [lb.row_cells(entry, NOW.date(), "Daily living")]
    widths = lb.column_widths(rows, lb.headers("date", True), 79)
    assert sum(widths.values()) == 79
    assert list(widths) == list(lb.COLUMNS)


def test_status_line_says_what_is_shown() -> None:
    assert lb.status_text(23, area_name="Studying", range_name="30d", search=" walk ", total=40) == (
        "23 practices of 40 · area: Studying · last 30 days · search 'walk'"
    )
    assert lb.status_text(1, area_name=None, range_name="all", search="", total=1) == (
        "1 practice · all dates"
    )
    assert lb.next_range("1y") == "all" and lb.next_range("all") == "7d"
    assert lb.cycle([None, A, B], B) is None and lb.cycle([None, A, B], None, -1) == B


def test_a_typed_start_in_local_time_moves_the_end_too() -> None:
    p = practice("Walk", datetime(2026, 11, 2, 9, 0, 41, tzinfo=TZ))
    assert lb.local_start_text(p, TZ) == ("2026-11-02", "09:00")
    assert lb.moved_start(p, "2026-11-02", "09:00", now=NOW) == {"started": p.started, "ended": p.ended}
    moved = lb.moved_start(p, "2026-10-30", "8.15", now=NOW)
    assert moved == {
        "started": "2026-10-30T07:15:00+00:00",
        "ended": "2026-10-30T07:25:00+00:00",  # still ten minutes
        "utc_offset": 60,  # the offset of where it happened
    }


def test_new_minutes_spent_end_the_practice_that_long_after_its_start() -> None:
    assert lb.spent_changed("2026-11-20T09:56:00+00:00", 240) == {
        "seconds_spent": 240, "ended": "2026-11-20T10:00:00+00:00",
    }


@pytest.mark.parametrize(
    ("day", "at", "words"),
    [
        ("2026-13-01", "09:00", "no such day"),
        ("yesterday", "09:00", "2026-11-23"),
        ("2026-11-24", "09:00", "future"),
        ("2026-11-02", "25:00", "07:30 or 19:45"),
        ("2026-11-02", "9", "07:30 or 19:45"),
    ],
)
def test_a_start_that_doesnt_read_is_refused(day: str, at: str, words: str) -> None:
    p = practice("Walk", datetime(2026, 11, 2, 9, 0, tzinfo=TZ))
    with pytest.raises(ValidationError) as caught:
        lb.moved_start(p, day, at, now=NOW)
    assert words in caught.value.message


def test_whole_numbers() -> None:
    assert lb.parse_whole(" 12 ", field="f", label="Minutes", low=0, high=60) == 12
    with pytest.raises(ValidationError, match="from 0 to 60"):
        lb.parse_whole("61", field="f", label="Minutes", low=0, high=60)
    with pytest.raises(ValidationError, match="whole number"):
        lb.parse_whole("ten", field="f", label="Minutes", low=0, high=60)


def test_minutes_under_one_read_as_less_than_one_not_zero() -> None:
    from mastery_tui.domain.logbook import minutes_text

    assert [minutes_text(s) for s in (0, 20, 59, 60, 89, 90, 600)] == ["0", "<1", "<1", "1", "1", "2", "10"]
