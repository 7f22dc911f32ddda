"""The 7-day plan: which week is current, day states, the strip, the review's data, next week."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from mastery_tui.domain import review as rv
from mastery_tui.domain import week as wk
from mastery_tui.domain.models import (
    Completion,
    Obstacle,
    Practice,
    Review,
    Task,
    WeekPlan,
    default_area_id,
    default_areas,
)
from mastery_tui.domain.week import DayState, Phase

TZ = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 23, 19, 30, tzinfo=TZ)  # Monday
DAILY = default_area_id("daily")
WORK = default_area_id("work")


def plan(start: str, *, created: datetime = NOW, **fields) -> WeekPlan:
    return WeekPlan.new(now=created, start=start, area_id=DAILY, **fields)


def practice(
    local: datetime,
    completion: Completion | None = Completion.YES,
    *,
    task: Task | None = None,
    title: str = "Walk",
    before: int = 40,
    after: int | None = 50,
    obstacles: tuple[Obstacle, ...] = (),
    note: str = "",
    reflection: str = "",
    area_id: str | None = DAILY,
) -> Practice:
    return Practice.new(
        now=local,
        task_id=task.id if task else None,
        task_title=task.title if task else title,
        area_id=task.area_id if task else area_id,
        started=local.astimezone(UTC).isoformat(timespec="seconds"),
        planned_minutes=5,
        seconds_spent=300,
        mood_before=50,
        confidence_before=before,
        mood_after=None if after is None else 55,
        confidence_after=after,
        completion=completion,
        obstacles=obstacles,
        note=note,
        reflection=reflection,
    )


def at(day: date, hour: int = 19, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)


# -- which week ------------------------------------------------------------------------------


def test_day_number_counts_from_the_start_and_is_none_outside() -> None:
    week = plan("2026-11-20")
    assert [wk.day_number(week, date(2026, 11, d)) for d in (19, 20, 23, 26, 27)] == [None, 1, 4, 7, None]


def test_the_latest_start_is_the_current_week_and_ties_go_to_the_newest() -> None:
    old = plan("2026-11-18")
    newer = plan("2026-11-21")
    same_start_later = plan("2026-11-21", created=NOW + timedelta(minutes=5))
    assert wk.active_week([old], date(2026, 11, 23)) == old
    assert wk.active_week([old, newer], date(2026, 11, 23)) == newer
    assert wk.active_week([same_start_later, old, newer], date(2026, 11, 23)) == same_start_later
    assert wk.active_week([old], date(2026, 11, 25)) is None


def test_no_week_means_setup() -> None:
    status = wk.week_status([], [], NOW.date())
    assert status.phase is Phase.NONE and status.action == "setup"
    assert wk.week_action([], [], NOW.date()) == "setup"


def test_a_week_starting_tomorrow_is_upcoming_and_w_redoes_its_setup() -> None:
    week = plan("2026-11-24")
    status = wk.week_status([week], [], NOW.date())
    assert (status.phase, status.week, status.action) == (Phase.UPCOMING, week, "setup")


def test_a_running_week_opens_the_review_any_day_with_its_day_number() -> None:
    week = plan("2026-11-21")
    status = wk.week_status([week], [], NOW.date())
    assert (status.phase, status.day, status.action) == (Phase.ACTIVE, 3, "review")


def test_after_day_7_the_review_stays_due_until_reviewed() -> None:
    week = plan("2026-11-10")  # day 7 was the 16th
    status = wk.week_status([week], [], NOW.date())
    assert (status.phase, status.week, status.action) == (Phase.REVIEW_DUE, week, "review")
    review = Review.new(now=NOW, week_id=week.id, adjustments="smaller")
    status = wk.week_status([week], [review], NOW.date())
    assert (status.phase, status.review, status.action) == (Phase.REVIEWED, review, "setup")


def test_a_review_stays_due_while_the_next_week_has_not_started() -> None:
    ended = plan("2026-11-14")
    nxt = plan("2026-11-25")
    status = wk.week_status([ended, nxt], [], NOW.date())
    assert (status.phase, status.week, status.upcoming) == (Phase.REVIEW_DUE, ended, nxt)
    started = wk.week_status([ended, nxt], [], date(2026, 11, 25))
    assert (started.phase, started.week, started.day) == (Phase.ACTIVE, nxt, 1)


def test_an_older_unreviewed_week_is_no_longer_due_once_a_newer_one_ended() -> None:
    older, newer = plan("2026-11-01"), plan("2026-11-08")
    reviewed = Review.new(now=NOW, week_id=newer.id)
    assert wk.week_status([older, newer], [reviewed], NOW.date()).phase is Phase.REVIEWED


def test_an_early_review_of_a_running_week_is_found_and_edited() -> None:
    week = plan("2026-11-21")
    first = Review.new(now=NOW, week_id=week.id, strongest="a")
    second = first.edit(now=NOW + timedelta(hours=1), strongest="b")
    status = wk.week_status([week], [first, second], NOW.date())
    assert status.phase is Phase.ACTIVE and status.review == second


# -- the seven days --------------------------------------------------------------------------


def test_each_state_of_a_day() -> None:
    week = plan("2026-11-19")  # Thu 19 .. Wed 25; today Mon 23 is day 5
    logged = [
        practice(at(date(2026, 11, 19)), Completion.YES),
        practice(at(date(2026, 11, 20)), Completion.PARTLY),
        practice(at(date(2026, 11, 21)), Completion.NO),
    ]
    cells = wk.week_cells(week, logged, NOW.date(), TZ)
    assert [c.state for c in cells] == [
        DayState.DONE,
        DayState.PARTLY,
        DayState.NOT_THIS_TIME,
        DayState.SKIPPED,
        DayState.TODAY,
        DayState.UPCOMING,
        DayState.UPCOMING,
    ]
    assert [c.is_today for c in cells].index(True) == 4
    assert [c.letter for c in cells] == list("TFSSMTW")


def test_several_practices_in_a_day_the_best_completion_counts() -> None:
    week = plan("2026-11-23")
    day = date(2026, 11, 23)
    logged = [
        practice(at(day, 9), Completion.NO),
        practice(at(day, 12), Completion.YES),
        practice(at(day, 18), Completion.PARTLY),
    ]
    [cell, *_] = wk.week_cells(week, logged, day, TZ)
    assert (cell.state, cell.practices, cell.is_today) == (DayState.DONE, 3, True)
    [cell, *_] = wk.week_cells(week, logged[::2], day, TZ)
    assert cell.state is DayState.PARTLY


def test_a_practice_counts_toward_the_users_local_day_not_the_utc_one() -> None:
    week = plan("2026-11-23")
    late = practice(at(date(2026, 11, 23), 23, 30))  # 22:30 UTC: same day
    early = practice(at(date(2026, 11, 24), 0, 30))  # 23:30 UTC on the 23rd: counts for the 24th
    cells = wk.week_cells(week, [early], date(2026, 11, 24), TZ)
    assert [c.state for c in cells[:2]] == [DayState.SKIPPED, DayState.DONE]
    cells = wk.week_cells(week, [late], date(2026, 11, 24), TZ)
    assert [c.state for c in cells[:2]] == [DayState.DONE, DayState.TODAY]


def test_practices_outside_the_week_are_ignored() -> None:
    week = plan("2026-11-23")
    before = practice(at(date(2026, 11, 22)))
    after = practice(at(date(2026, 11, 30)))
    cells = wk.week_cells(week, [before, after], date(2026, 12, 1), TZ)
    assert all(c.state is DayState.SKIPPED for c in cells)


def test_the_strip_reads_without_colour_every_state_its_own_shape() -> None:
    week = plan("2026-11-19")
    logged = [
        practice(at(date(2026, 11, 19))),
        practice(at(date(2026, 11, 20)), Completion.PARTLY),
        practice(at(date(2026, 11, 21)), Completion.NO),
    ]
    cells = wk.week_cells(week, logged, NOW.date(), TZ)
    assert wk.strip_text(cells) == " T✓  F◐  S○  S– [M…] T·  W· "
    assert len(set(wk.SHAPES.values())) == len(DayState)
    legend = wk.legend_text()
    assert legend == (
        "✓ done  ◐ partly  ○ not this time  • practised (not rated)  ~ not today  – skipped  "
        "… today  · upcoming"
    )
    for word in ("fail", "miss", "streak"):
        assert word not in legend


# -- a completion that was not rated -----------------------------------------------------------


def test_a_day_practised_with_its_completion_not_rated_is_a_practised_day() -> None:
    week = plan("2026-11-19")
    logged = [
        practice(at(date(2026, 11, 19)), None),
        practice(at(date(2026, 11, 20)), None),
        practice(at(date(2026, 11, 20), 21), Completion.PARTLY),  # a given completion counts
        practice(at(date(2026, 11, 21)), None, after=None),
    ]
    cells = wk.week_cells(week, logged, NOW.date(), TZ)
    assert [c.state for c in cells[:4]] == [
        DayState.PRACTISED, DayState.PARTLY, DayState.PRACTISED, DayState.SKIPPED,
    ]
    assert wk.strip_text(cells) == " T•  F◐  S•  S– [M…] T·  W· "
    assert cells[0].practices == 1
    assert wk.best_completion(logged[:1]) is None
    assert wk.best_completion(logged[1:3]) is Completion.PARTLY
    assert wk.day_state([], date(2026, 11, 19), NOW.date()) is DayState.SKIPPED
    assert len(set(wk.SHAPES.values())) == len(DayState)


def test_the_legend_explains_practised_not_rated_only_when_a_day_shows_it() -> None:
    week = plan("2026-11-19")
    rated = wk.week_cells(week, [practice(at(date(2026, 11, 19)))], NOW.date(), TZ)
    assert DayState.PRACTISED not in wk.legend_states(rated)
    unrated = wk.week_cells(week, [practice(at(date(2026, 11, 19)), None)], NOW.date(), TZ)
    states = wk.legend_states(unrated)
    assert states == tuple(s for s in DayState if s is not DayState.NOT_TODAY)
    legend = wk.legend_text(states, width=76)
    assert "• practised (not rated)" in legend
    assert all(len(line) <= 76 for line in legend.splitlines()) and len(legend.splitlines()) == 2
    assert legend.replace("\n", "  ") == wk.legend_text(states)  # wraps only between items
    assert wk.legend_text(wk.legend_states(rated), width=76) == wk.legend_text(
        wk.legend_states(rated)
    )


def test_a_day_said_not_today_has_its_own_mark_and_word() -> None:
    """Not the "–" of a day that simply went by: the person said so (and maybe why)."""
    week = plan("2026-11-19").with_skip(2, "fatigue", "", now=NOW).with_skip(5, "", "", now=NOW)
    cells = wk.week_cells(week, [practice(at(date(2026, 11, 19)))], NOW.date(), TZ)
    assert [c.state for c in cells[:5]] == [
        DayState.DONE, DayState.NOT_TODAY, DayState.SKIPPED, DayState.SKIPPED, DayState.NOT_TODAY,
    ]
    assert wk.strip_text(cells) == " T✓  F~  S–  S– [M~] T·  W· "
    assert "~ not today" in wk.legend_text(wk.legend_states(cells))
    assert DayState.NOT_TODAY not in wk.legend_states(wk.week_cells(plan("2026-11-19"), [], NOW.date(), TZ))
    practised = wk.week_cells(week, [practice(at(date(2026, 11, 20)), Completion.PARTLY)], NOW.date(), TZ)
    assert practised[1].state is DayState.PARTLY  # a practice after all still counts
    try:
        wk.use_shapes(ascii_only=True)
        assert wk.strip_text(cells) == " Tv  F~  S-  S- [M~] T.  W. "
        assert len(set(wk.SHAPES.values())) == len(DayState)
    finally:
        wk.use_shapes(ascii_only=False)


def test_use_it_instead_moves_the_days_still_to_come() -> None:
    walk = Task.new(now=NOW, title="Walk", area_id=DAILY)
    small = Task.new(now=NOW, title="Walk (just 5 min)", area_id=DAILY)
    other = Task.new(now=NOW, title="Dishes", area_id=DAILY)
    running = wk.new_week(DAILY, date(2026, 11, 21), [(1, walk.id), (3, walk.id), (4, other.id), (6, walk.id)], now=NOW)
    ended = wk.new_week(DAILY, date(2026, 11, 1), [(1, walk.id)], now=NOW)
    [moved] = wk.move_days([running, ended], walk.id, small.id, NOW.date(), now=NOW)
    assert moved.id == running.id  # the ended week keeps its record
    # Sat 21 is day 1 (gone by: kept); Mon 23, today, is day 3; Thu 26 is day 6.
    assert moved.assignments == ((1, walk.id), (3, small.id), (4, other.id), (6, small.id))
    assert wk.move_days([running], other.id, other.id, NOW.date(), now=NOW) == []


def test_tasks_assigned_to_days() -> None:
    walk = Task.new(now=NOW, title="Walk", area_id=DAILY)
    dishes = Task.new(now=NOW, title="Dishes", area_id=DAILY)
    week = wk.new_week(DAILY, date(2026, 11, 22), [(3, walk.id), (1, dishes.id), (3, dishes.id)], now=NOW)
    assert week.assignments == ((1, dishes.id), (3, dishes.id))
    assert wk.task_for_day(week, 1) == dishes.id and wk.task_for_day(week, 2) is None
    assert wk.today_task(week, [walk, dishes], date(2026, 11, 22)) == dishes
    assert wk.today_task(week, [walk, dishes], NOW.date()) is None  # day 2: choose on the day
    assert wk.today_task(week, [walk], date(2026, 11, 24)) is None  # the task is gone
    cells = wk.week_cells(week, [], NOW.date(), TZ)
    assert [c.task_id for c in cells][:3] == [dishes.id, None, dishes.id]


@pytest.mark.parametrize(
    ("count", "text"),
    [
        (0, "0 tasks so far (5–10 is the sweet spot). 5 more tiny ones and the week can start."),
        (4, "4 tasks so far (5–10 is the sweet spot). 1 more tiny one and the week can start."),
        (5, "5 tasks (5–10 is the sweet spot)"),
        (12, "12 tasks (5–10 is the sweet spot)"),
    ],
)
def test_the_day_0_count_line(count: int, text: str) -> None:
    assert wk.tasks_count_text(count) == text


# -- the review's data -----------------------------------------------------------------------


def test_review_data_counts_days_completions_lifts_and_obstacles() -> None:
    week = plan("2026-11-17")  # Tue 17 .. Mon 23
    walk = Task.new(now=NOW, title="Walk 5 minutes", area_id=DAILY)
    email = Task.new(now=NOW, title="Reply to one email", area_id=WORK)
    areas = [a for a in default_areas(NOW) if a.id in (DAILY, WORK)]
    d = [date(2026, 11, 17) + timedelta(days=n) for n in range(7)]
    logged = [
        practice(at(d[0]), task=walk, before=40, after=60),  # +20
        practice(at(d[0], 21), task=walk, before=40, after=50),  # +10, same day
        practice(
            at(d[1]), Completion.PARTLY, task=email, before=30, after=34,
            obstacles=(Obstacle.FATIGUE,), note="Too big today",
        ),
        practice(
            at(d[3]), Completion.NO, task=email, before=30, after=28,
            obstacles=(Obstacle.FATIGUE, Obstacle.TIME),
        ),
        practice(at(d[4]), Completion.YES, title="Quick stretch", area_id=None, before=50, after=70),
        practice(at(d[5]), Completion.PARTLY, task=walk, before=50, after=None, reflection="Half counts"),
        practice(at(d[6] + timedelta(days=1)), task=walk),  # the day after: not this week
    ]
    data = rv.review_data(week, logged, today=d[6], tz=TZ, tasks=[walk, email], areas=areas)
    assert data.days_practised == 5 and data.days_text == "Practised on 5 of 7 days"
    mid_week = rv.review_data(week, logged[:3], today=d[2], tz=TZ, tasks=[walk, email], areas=areas)
    assert mid_week.days_text == "Practised on 2 of 3 days so far"
    s = data.summary
    assert (s.practices, s.done, s.partly, s.not_this_time) == (6, 3, 2, 1)
    assert [c.state for c in data.cells] == [
        DayState.DONE, DayState.PARTLY, DayState.SKIPPED, DayState.NOT_THIS_TIME,
        DayState.DONE, DayState.PARTLY, DayState.TODAY,
    ]
    # Walk: +20, +10 (the third has no after rating) -> +15 over 3 practices; email: +4, -2 -> +1;
    # the quick task +20 once: listed after the others, too early to tell.
    assert [(r.name, r.practices, r.confidence_change, r.early) for r in data.top_tasks] == [
        ("Walk 5 minutes", 3, 15, False),
        ("Reply to one email", 2, 1, False),
        ("Quick stretch", 1, 20, True),
    ]
    assert [r.name for r in data.top_areas] == ["Daily living", "Work & career", "No life area"]
    assert rv.lift_text(data.top_tasks[0]) == " +15  Walk 5 minutes (3×)"
    assert rv.lift_text(data.top_tasks[2]) == " +20  Quick stretch (1×) *"
    assert data.obstacles == ((Obstacle.FATIGUE, 2), (Obstacle.TIME, 1))
    assert rv.obstacles_text(data.obstacles) == "fatigue 2 · time 1"
    assert [(n.day, n.completion, n.text) for n in data.notes] == [
        (d[1], Completion.PARTLY, "Too big today"),
        (d[5], Completion.PARTLY, "\u201cHalf counts\u201d"),
    ]


def test_a_note_reads_apart_from_the_reflection() -> None:
    """QA: "(partly): Was the task too big for today's energy? I started even though I was
    tired" ran the ticked question and the reflection together."""
    week = plan("2026-11-17")
    both = practice(
        at(date(2026, 11, 18)), Completion.PARTLY,
        note="Was the task too big for today's energy?\nToo late in the day",
        reflection="I started even though I was tired",
    )
    [note] = rv.review_data(week, [both], today=NOW.date(), tz=TZ).notes
    assert (note.reflection, note.note) == (both.reflection, both.note)
    assert note.text == (
        "\u201cI started even though I was tired\u201d \u2014 "
        "Was the task too big for today's energy? Too late in the day"
    )
    two_notes = practice(at(date(2026, 11, 19)), Completion.NO, note="Rain\nNo coat")
    assert rv.review_data(week, [two_notes], today=NOW.date(), tz=TZ).notes[0].text == "Rain; No coat"


def test_counts_are_singular_for_one() -> None:
    """QA: "Practised on 1 of 1 days so far · 1 practices"."""
    week = plan("2026-11-23")  # today is day 1
    data = rv.review_data(week, [practice(at(date(2026, 11, 23), 9))], today=NOW.date(), tz=TZ)
    assert data.days_text == "Practised on 1 of 1 day so far"
    assert (data.summary.practices_text(), data.summary.minutes_text()) == ("1 practice", "5 minutes")
    two = rv.review_data(week, [practice(at(date(2026, 11, 23), 9))] * 2, today=NOW.date(), tz=TZ)
    assert two.summary.practices_text() == "2 practices"
    assert data.summary.__class__(minutes=1).minutes_text() == "1 minute"


def test_obstacles_on_done_practices_are_not_counted_and_none_reads_kindly() -> None:
    week = plan("2026-11-17")
    done = practice(at(date(2026, 11, 18)), obstacles=(Obstacle.TIME,))
    data = rv.review_data(week, [done], today=NOW.date(), tz=TZ)
    assert data.obstacles == ()
    assert rv.obstacles_text(()) == "Nothing noted on partly or not-this-time days."


def test_a_lowered_confidence_is_not_a_lift() -> None:
    week = plan("2026-11-17")
    down = practice(at(date(2026, 11, 18)), before=60, after=40)
    data = rv.review_data(week, [down, down.edit(now=NOW, id="x" * 8)], today=NOW.date(), tz=TZ)
    assert data.top_tasks == () and data.top_areas == ()


# -- the next week ---------------------------------------------------------------------------


def test_next_week_starts_after_day_7_or_today_if_later() -> None:
    week = plan("2026-11-17")  # day 7 is Mon 23
    assert wk.next_start(week, date(2026, 11, 23)) == date(2026, 11, 24)
    assert wk.next_start(week, date(2026, 11, 20)) == date(2026, 11, 24)  # reviewed early
    assert wk.next_start(week, date(2026, 11, 29)) == date(2026, 11, 29)  # reviewed late


def test_next_week_carries_the_adjustments_as_its_note_in_the_same_area() -> None:
    week = plan("2026-11-17", assignments=((1, "a" * 8),))
    review = Review.new(now=NOW, week_id=week.id, adjustments="Walk before work, not after")
    later = NOW + timedelta(minutes=3)
    nxt = wk.next_week(week, review, date(2026, 11, 24), later)
    assert (nxt.start, nxt.area_id, nxt.note, nxt.assignments) == (
        "2026-11-24", DAILY, "Walk before work, not after", ()
    )
    assert nxt.id != week.id and nxt.created == "2026-11-23T18:33:00+00:00"
    status = wk.week_status([week, nxt], [review], date(2026, 11, 24))
    assert (status.phase, status.week, status.day) == (Phase.ACTIVE, nxt, 1)


def test_the_review_counts_a_not_rated_practice_but_reads_no_obstacles_from_it() -> None:
    week = plan("2026-11-17")
    walk = Task.new(now=NOW, title="Walk 5 minutes", area_id=DAILY)
    d = [date(2026, 11, 17) + timedelta(days=n) for n in range(7)]
    unrated = Practice.new(
        now=at(d[0]),
        task_id=walk.id,
        task_title=walk.title,
        area_id=DAILY,
        started=at(d[0]).astimezone(UTC).isoformat(timespec="seconds"),
        planned_minutes=5,
        seconds_spent=300,
        obstacles=(Obstacle.TIME,),
        note="Short on time",
        reflection="I went anyway",
    )  # no rating and no completion given: all of them not rated
    logged = [
        unrated,
        practice(at(d[1]), Completion.NO, task=walk, obstacles=(Obstacle.FATIGUE,), note="Tired"),
        practice(at(d[2]), task=walk, before=40, after=60),
    ]
    data = rv.review_data(week, logged, today=d[6], tz=TZ, tasks=[walk])
    assert [c.state for c in data.cells[:4]] == [
        DayState.PRACTISED, DayState.NOT_THIS_TIME, DayState.DONE, DayState.SKIPPED,
    ]
    assert data.days_practised == 3 and data.days_text == "Practised on 3 of 7 days"
    s = data.summary
    assert (s.practices, s.done, s.partly, s.not_this_time, s.not_rated) == (3, 1, 0, 1, 1)
    assert s.completion_text() == "1 done, 1 not this time, 1 not rated"
    assert data.obstacles == ((Obstacle.FATIGUE, 1),)  # not the not-rated practice's "time"
    assert [(n.day, n.completion, n.text) for n in data.notes] == [(d[1], Completion.NO, "Tired")]
    # The lift is over the practices with both confidence ratings: +10 and +20.
    assert [(r.name, r.practices, r.confidence_change, r.rated) for r in data.top_tasks] == [
        ("Walk 5 minutes", 3, 15, 2)
    ]


def test_a_skip_is_validated_and_replaced_not_doubled() -> None:
    from datetime import UTC, datetime

    import pytest

    from mastery_tui.domain.errors import ValidationError
    from mastery_tui.domain.models import WeekPlan, default_area_id

    now = datetime(2026, 11, 23, tzinfo=UTC)
    plan = WeekPlan.new(now=now, start="2026-11-23", area_id=default_area_id("daily"))
    once = plan.with_skip(2, "time", "late shift", now=now).with_skip(2, "fatigue", "", now=now)
    assert once.skips == ((2, "fatigue", ""),)
    assert WeekPlan.from_dict(once.to_dict()) == once
    with pytest.raises(ValidationError):
        plan.with_skip(8, "", "", now=now)
    with pytest.raises(ValidationError):
        plan.with_skip(1, "laziness", "", now=now)


def test_a_day_said_not_today_then_practised_after_all_reads_as_practised() -> None:
    """Its reason isn't counted among what got in the way on skipped days; a day really
    skipped keeps its reason and words."""
    week = plan("2026-11-17").with_skip(1, "fatigue", "slept badly", now=NOW).with_skip(2, "time", "late", now=NOW)
    later = datetime(2026, 11, 17, 20, 0, tzinfo=TZ)  # day 1, the evening: practised after all
    data = rv.review_data(week, [practice(later)], today=date(2026, 11, 23), tz=TZ)
    assert data.cells[0].state is DayState.DONE
    assert data.obstacles == ((Obstacle.TIME, 1),)
    assert [(n.day, n.note) for n in data.notes] == [(date(2026, 11, 18), "late")]
