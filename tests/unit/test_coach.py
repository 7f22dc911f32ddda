"""The coach's rules on hand-made histories: each rule, their priority, and kind words."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

import pytest

from mastery_tui.domain import coach
from mastery_tui.domain.coach import Kind
from mastery_tui.domain.models import Area, Completion, Plan, Practice, Task, default_area_id

TZ = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 23, 19, 30, tzinfo=TZ)  # a Monday evening
DAILY = default_area_id("daily")
WORK = default_area_id("work")
AREAS = [Area.new(now=NOW, name="Daily living"), Area.new(now=NOW, name="Work & career")]
AREAS = [AREAS[0].edit(now=NOW, id=DAILY), AREAS[1].edit(now=NOW, id=WORK)]
SHAMING = re.compile(r"\b(fail|failed|failure|streak|missed|lazy)\b", re.IGNORECASE)
YES, PARTLY, NO = Completion.YES, Completion.PARTLY, Completion.NO


def task(title: str, *, minutes: int = 10, difficulty: int = 30, area: str = DAILY, **fields) -> Task:
    return Task.new(
        now=NOW - timedelta(days=60), title=title, area_id=area, minutes=minutes,
        difficulty=difficulty, **fields,
    )


def did(
    t: Task,
    days_ago: float,
    *,
    felt: int | None = 20,
    completion: Completion | None = YES,
    mood: int | None = 50,
    minutes: int | None = None,
) -> Practice:
    started = NOW - timedelta(days=days_ago)
    return Practice.new(
        now=started,
        task_id=t.id,
        task_title=t.title,
        area_id=t.area_id,
        started=started.astimezone(UTC).isoformat(timespec="seconds"),
        planned_minutes=minutes or t.minutes,
        seconds_spent=60 * (minutes or t.minutes),
        mood_before=mood,
        confidence_before=40,
        mood_after=60,
        confidence_after=55,
        difficulty=felt,
        completion=completion,
    )


def run(tasks, practices, **kwargs) -> list[coach.Suggestion]:
    return coach.suggestions(tasks, practices, now=NOW, areas=AREAS, **kwargs)


# -- no history -------------------------------------------------------------------------------


def test_no_practices_means_no_suggestion() -> None:
    assert coach.suggest([task("Walk")], [], now=NOW) is None
    assert run([task("Walk")], []) == []


# -- rule 3: ready for a bit more -----------------------------------------------------------


def test_three_easy_completions_suggest_about_a_fifth_more() -> None:
    walk = task("Walk around the block", minutes=5)
    history = [did(walk, d, felt=f) for d, f in ((1, 20), (2, 30), (3, 10))]
    first = coach.suggest([walk], history, now=NOW)
    assert first is not None
    assert first.kind is Kind.HARDER
    assert first.task == walk
    assert first.change is not None and first.change.id == walk.id
    assert first.change.minutes == 6
    assert first.accept_text == "Make it 6 min"
    assert "6 minutes instead of 5, about a fifth more" in first.why
    assert first.detail == "“Walk around the block”: 5 → 6 minutes"


@pytest.mark.parametrize(("minutes", "grown"), [(1, 2), (2, 3), (5, 6), (10, 12), (30, 36), (180, 180)])
def test_harder_grows_by_about_a_fifth_and_at_least_a_minute(minutes: int, grown: int) -> None:
    assert coach.harder_minutes(minutes) == grown


def test_three_easy_dones_at_2_minutes_become_3_not_7() -> None:
    cup = task("Wash one cup", minutes=2, difficulty=10)
    first = coach.suggest([cup], [did(cup, d, felt=10) for d in (1, 2, 3)], now=NOW)
    assert first is not None and first.change is not None and first.change.minutes == 3


def test_smaller_from_a_felt_90_never_goes_above_the_task() -> None:
    walk = task("Walk", minutes=10, difficulty=20)
    first = coach.suggest([walk], [did(walk, 1, felt=90)], now=NOW)
    assert first is not None and first.kind is Kind.SMALLER and first.change is not None
    assert first.change.difficulty <= 20 and first.change.minutes <= 10
    assert first.change.bad_day_ok


def test_two_easy_or_one_felt_harder_is_not_yet_several() -> None:
    walk = task("Walk", minutes=5)
    assert [s.kind for s in run([walk], [did(walk, 1), did(walk, 2)])] == [Kind.KEEP]
    history = [did(walk, 1), did(walk, 2, felt=31), did(walk, 3)]
    assert [s.kind for s in run([walk], history)] == [Kind.KEEP]
    unrated = [did(walk, 1), did(walk, 2, felt=None), did(walk, 3)]
    assert [s.kind for s in run([walk], unrated)] == [Kind.KEEP]


def test_easy_but_partly_does_not_count_as_ready() -> None:
    walk = task("Walk", minutes=5)
    history = [did(walk, 1), did(walk, 2, completion=PARTLY, felt=10), did(walk, 3)]
    assert [s.kind for s in run([walk], history)] == [Kind.KEEP]


def test_minutes_are_capped_and_the_next_task_up_is_offered() -> None:
    long = task("Long project session", minutes=178, difficulty=30)
    next_up = task("Outline the next chapter", difficulty=50)
    too_far = task("Write the whole chapter", difficulty=90)
    history = [did(long, d) for d in (1, 2, 3)]
    found = run([long, next_up, too_far], history)
    assert [s.kind for s in found] == [Kind.HARDER, Kind.HARDER]
    assert found[0].change is not None and found[0].change.minutes == 180
    assert found[1].target == next_up
    assert "next small step up" in found[1].why

    at_cap = task("Long project session", minutes=180, difficulty=30)
    only = run([at_cap, next_up], [did(at_cap, d) for d in (1, 2, 3)])
    assert [s.target.title for s in only] == ["Outline the next chapter"]


def test_next_task_up_is_planned_for_today() -> None:
    walk = task("Walk", minutes=5, difficulty=20)
    jog = task("Jog for 5 minutes", minutes=5, difficulty=40, plan=Plan(days=(2,), time="08:00"))
    found = run([walk, jog], [did(walk, d) for d in (1, 2, 3)])
    up = found[1]
    assert up.target == jog and up.accept_text == "Plan it for today"
    assert up.change is not None and up.change.plan.days == (0, 2)  # Monday added
    assert up.change.plan.time == "08:00"
    assert "Mon" in up.done_text
    assert up.detail.endswith("plan becomes Mon, Wed 08:00")


def test_only_practices_at_the_current_size_count() -> None:
    """After accepting +5 minutes, the old easy practices don't ask for more again."""
    walk = task("Walk", minutes=10)
    history = [did(walk, d, minutes=5) for d in (1, 2, 3)]
    assert [s.kind for s in run([walk], history)] == [Kind.KEEP]


def test_old_practices_are_not_recent() -> None:
    walk = task("Walk", minutes=5)
    history = [did(walk, d) for d in (30, 31, 32)]
    assert run([walk], history) == []


def test_an_area_of_easy_practices_suggests_its_next_task_up() -> None:
    dishes = task("Wash one set of dishes", difficulty=15)
    drawer = task("Organise one drawer", difficulty=25)
    meal = task("Cook one simple meal", difficulty=45)
    history = [did(dishes, 1), did(drawer, 2), did(dishes, 3)]
    found = run([dishes, drawer, meal], history)
    assert len(found) == 1
    assert found[0].kind is Kind.HARDER and found[0].target == meal
    assert "Daily living" in found[0].why


# -- rule 2: too big for now ----------------------------------------------------------------


def test_two_partly_or_not_this_time_suggest_a_smaller_version() -> None:
    study = task("Study session", minutes=20, difficulty=50)
    history = [did(study, 1, completion=PARTLY, felt=60), did(study, 2, completion=NO, felt=None)]
    first = coach.suggest([study], history, now=NOW)
    assert first is not None and first.kind is Kind.SMALLER
    assert first.change is not None and first.change.id != study.id  # a new task
    assert first.change.title == "Study session (just 10 min)"
    assert first.change.minutes == 10 and first.change.difficulty == 30  # its own 50, minus 20
    assert first.change.area_id == DAILY and first.change.bad_day_ok
    assert "not a verdict" in first.why
    assert first.accept_text == "Keep both"
    assert first.detail == (
        "A smaller version for next time: “Study session (just 10 min)”, 10 min, difficulty 30 "
        "(instead of 20 min, difficulty 50)."
    )


def test_one_partly_then_done_is_not_a_run() -> None:
    study = task("Study session", minutes=20, difficulty=50)
    history = [did(study, 1, felt=50), did(study, 2, completion=NO)]
    assert [s.kind for s in run([study], history)] == [Kind.KEEP]


def test_very_high_felt_difficulty_suggests_smaller_then_an_easier_task() -> None:
    email = task("Reply to the avoided email", minutes=10, difficulty=55, area=WORK)
    easier = task("Read the avoided email", minutes=5, difficulty=30, area=WORK)
    easiest = task("Open the inbox", minutes=2, difficulty=10, area=WORK)
    elsewhere = task("Wash one cup", difficulty=40)
    found = run([email, easier, easiest, elsewhere], [did(email, 1, felt=85)])
    assert [s.kind for s in found] == [Kind.SMALLER, Kind.EASIER]
    assert "felt very hard last time (85)" in found[0].why
    assert found[0].change is not None and found[0].change.difficulty == 35  # its own 55 - 20
    assert found[1].target == easier  # the nearest gentler step, not the very easiest


def test_an_existing_smaller_version_is_planned_instead_of_added_twice() -> None:
    study = task("Study session", minutes=20, difficulty=50)
    twin = task("Study session (just 10 min)", minutes=10, difficulty=30)
    history = [did(study, 1, completion=NO), did(study, 2, completion=NO)]
    found = run([study, twin], history)
    assert found[0].kind is Kind.SMALLER and found[0].target == twin
    assert found[0].change is not None and found[0].change.id == twin.id


def test_a_smaller_version_read_twice_is_the_same_suggestion() -> None:
    """QA: Home's suggestion and the coach's list were read separately; the new task's fresh
    id made the same proposal look new, and the coach showed it twice."""
    walk = task("Walk 5 minutes around the block", minutes=5, difficulty=20)
    dishes = task("Wash one set of dishes", minutes=5, difficulty=15)
    history = [did(walk, 1, completion=PARTLY), did(walk, 2, completion=NO)]
    first = coach.suggest([walk, dishes], history, now=NOW)
    found = run([walk, dishes], history)
    assert first is not None and first.kind is Kind.SMALLER and first.change is not None
    assert first.change.id != found[0].change.id  # type: ignore[union-attr]
    assert first.key == found[0].key
    assert [s.kind for s in [first, *coach.alternatives(first, found)]] == [Kind.SMALLER, Kind.EASIER]


def test_two_tasks_shrinking_to_the_same_task_are_one_suggestion() -> None:
    walk = task("Walk", minutes=5, difficulty=40)
    same = task("Walk", minutes=4, difficulty=40, plan=Plan(days=(1,)))
    history = [did(walk, 1, felt=90), did(same, 2, felt=90)]
    found = run([walk, same], history)
    assert [(s.kind, s.target.title, s.target.minutes, s.target.difficulty) for s in found] == [
        (Kind.SMALLER, "Walk (just 2 min)", 2, 20),
    ]


def test_a_smaller_version_stays_a_little_challenging() -> None:
    """Too easy gives no sense of mastery: at least 2 minutes and difficulty 10."""
    walk = task("Walk 5 minutes around the block", minutes=5, difficulty=20)
    first = coach.suggest([walk], [did(walk, 1, completion=PARTLY), did(walk, 2, completion=NO)], now=NOW)
    assert first is not None and first.change is not None
    assert (first.change.minutes, first.change.difficulty) == (2, 10)
    tiny = task("Open the book", minutes=3, difficulty=10)
    history = [did(tiny, 1, completion=NO, felt=None), did(tiny, 2, completion=NO, felt=None)]
    found = run([tiny], history)
    assert found[0].change is not None and (found[0].change.minutes, found[0].change.difficulty) == (2, 10)


def test_nothing_smaller_than_one_minute_at_zero() -> None:
    tiny = task("Open the book", minutes=1, difficulty=0)
    history = [did(tiny, 1, completion=NO), did(tiny, 2, completion=NO)]
    found = run([tiny], history)
    assert [s.kind for s in found] == [Kind.SMALL_ENOUGH]  # never "keep it as it is"
    assert found[0].change is None and "as it is" not in found[0].why


# -- rule 1: a rough day ---------------------------------------------------------------------


def test_low_mood_now_gets_the_smallest_bad_day_task() -> None:
    big = task("Clean the kitchen", minutes=30, difficulty=10, bad_day_ok=False)
    small = task("Wash one cup", minutes=5, difficulty=10)
    smaller = task("Open a window", minutes=2, difficulty=10)
    harder = task("Walk", minutes=1, difficulty=20)
    first = coach.suggest([big, small, smaller, harder], [], now=NOW, mood_now=30)
    assert first is not None and first.kind is Kind.SMALLEST
    assert first.target == smaller  # lowest difficulty, then fewest minutes, and bad-day ok
    assert "(30)" in first.why and "still counts" in first.why
    assert coach.suggest([big, small], [], now=NOW, mood_now=31) is None


def test_mood_before_todays_latest_practice_counts_when_no_mood_is_given() -> None:
    walk = task("Walk", minutes=5, difficulty=20)
    cup = task("Wash one cup", minutes=2, difficulty=5)
    today = did(walk, 0.1, mood=20)  # 17:06 today
    assert coach.suggest([walk, cup], [today], now=NOW).kind is Kind.SMALLEST  # type: ignore[union-attr]
    yesterday = did(walk, 1, mood=20)
    first = coach.suggest([walk, cup], [yesterday], now=NOW)
    assert first is not None and first.kind is Kind.KEEP
    # Given explicitly, today's mood wins over the log.
    assert coach.suggest([walk, cup], [today], now=NOW, mood_now=70).kind is Kind.KEEP  # type: ignore[union-attr]


def test_already_planned_today_has_nothing_to_save() -> None:
    cup = task("Wash one cup", minutes=2, difficulty=5, plan=Plan(days=(0,)))
    first = coach.suggest([cup], [], now=NOW, mood_now=10)
    assert first is not None and first.change is None
    assert first.accept_text == "Sounds good"


def test_archived_tasks_are_never_suggested() -> None:
    cup = task("Wash one cup", minutes=2, difficulty=5, archived=True)
    walk = task("Walk", minutes=5, difficulty=20)
    first = coach.suggest([cup, walk], [], now=NOW, mood_now=10)
    assert first is not None and first.target == walk


# -- priority ---------------------------------------------------------------------------------


def test_priority_rough_day_then_too_big_then_ready_for_more() -> None:
    walk = task("Walk", minutes=5, difficulty=20)
    study = task("Study session", minutes=20, difficulty=50, area=WORK)
    cup = task("Wash one cup", minutes=2, difficulty=5)
    history = [
        did(walk, 0.5),
        did(study, 1, completion=NO),
        did(study, 2, completion=PARTLY),
        did(walk, 2.5),
        did(walk, 3.5),
    ]
    found = run([walk, study, cup], history, mood_now=20)
    assert [s.kind for s in found] == [Kind.SMALLEST, Kind.SMALLER]  # a rough day: never harder
    assert found[0].target == cup
    assert found[1].task == study
    assert coach.suggest([walk, study, cup], history, now=NOW, mood_now=20) == found[0]
    without_bad_day = run([walk, study, cup], history)
    assert [s.kind for s in without_bad_day][:2] == [Kind.SMALLER, Kind.HARDER]
    harder = without_bad_day[1]
    assert harder.task == walk and harder.change is not None and harder.change.minutes == 6


def test_the_most_recently_practised_task_comes_first_within_a_rule() -> None:
    walk = task("Walk", minutes=5)
    draw = task("Draw", minutes=10, area=WORK)
    history = sorted(
        [*(did(walk, d) for d in (2, 3, 4)), *(did(draw, d) for d in (1, 5, 6))],
        key=lambda p: p.started,
    )
    found = run([walk, draw], history)
    assert [s.task.title for s in found] == ["Draw", "Walk"]


def test_alternatives_wrap_around_and_leave_out_the_current_one() -> None:
    walk = task("Walk", minutes=5, difficulty=20)
    jog = task("Jog", minutes=5, difficulty=40)
    cup = task("Wash one cup", minutes=2, difficulty=5)
    study = task("Study session", minutes=20, difficulty=50, area=WORK)
    history = [did(walk, d) for d in (1, 2, 3)] + [did(study, d, completion=NO) for d in (4, 5)]
    read = task("Read one page", minutes=5, difficulty=25, area=WORK)
    tasks = [walk, jog, cup, study, read]
    found = run(tasks, sorted(history, key=lambda p: p.started), mood_now=10)
    assert len(found) == 3
    assert coach.alternatives(found[1], found) == [found[2], found[0]]
    assert coach.alternatives(found[0], found) == found[1:]


# -- words -------------------------------------------------------------------------------------


@pytest.mark.parametrize("mood", [None, 10])
def test_every_suggestion_says_why_in_one_kind_sentence(mood) -> None:
    tasks = [
        task("Walk", minutes=5, difficulty=20),
        task("Jog", minutes=5, difficulty=40),
        task("Study session", minutes=20, difficulty=50, area=WORK),
        task("Read one page", minutes=5, difficulty=25, area=WORK),
        task("Wash one cup", minutes=2, difficulty=5),
    ]
    walk, _, study, *_ = tasks
    history = [
        did(walk, 0.5),
        did(study, 1, completion=NO),
        did(study, 2, felt=90, completion=PARTLY),
        did(walk, 2.5),
        did(walk, 3.5),
    ]
    found = run(tasks, history, mood_now=mood)
    kinds = {s.kind for s in found}
    assert kinds >= {Kind.SMALLER, Kind.EASIER}
    assert (Kind.HARDER in kinds) is (mood is None)  # a rough day: never harder
    keep = run([walk], [did(walk, 1, felt=50)])
    for suggestion in [*found, *keep]:
        texts = (suggestion.why, suggestion.accept_text, suggestion.done_text, suggestion.heading, suggestion.detail)
        for text in texts:
            assert text and not SHAMING.search(text), text
        assert suggestion.why.endswith(".") and suggestion.why.count(". ") == 0


# -- answers that were not rated ----------------------------------------------------------------


def test_a_not_rated_completion_is_no_easy_done_and_ends_the_run() -> None:
    walk = task("Walk", minutes=5)
    history = [did(walk, 1), did(walk, 2, completion=None, felt=10), did(walk, 3)]
    assert [s.kind for s in run([walk], history)] == [Kind.KEEP]
    # Three easy dones after it: ready for more, as ever.
    history = [did(walk, 1), did(walk, 2), did(walk, 3), did(walk, 4, completion=None)]
    assert run([walk], history)[0].kind is Kind.HARDER


def test_a_not_rated_completion_is_not_partly_or_not_this_time() -> None:
    study = task("Study session", minutes=20, difficulty=50)
    history = [did(study, 1, completion=None, felt=50), did(study, 2, completion=NO, felt=50)]
    assert [s.kind for s in run([study], history)] == [Kind.KEEP]
    history = [did(study, 1, completion=None, felt=None), did(study, 2, completion=None, felt=None)]
    assert [s.kind for s in run([study], history)] == [Kind.KEEP]


def test_a_not_rated_felt_difficulty_is_neither_easy_nor_hard() -> None:
    walk = task("Walk", minutes=5)
    unrated = [did(walk, d, felt=None) for d in (1, 2, 3)]
    assert [s.kind for s in run([walk], unrated)] == [Kind.KEEP]
    study = task("Study session", minutes=20, difficulty=50)
    # Not this time, felt not rated: the smaller version starts from the task's own estimate.
    found = run([study], [did(study, 1, completion=NO, felt=None), did(study, 2, completion=PARTLY)])
    assert found[0].kind is Kind.SMALLER and found[0].change is not None
    assert found[0].change.difficulty == 30  # 50 - 20, no made-up felt difficulty


def test_a_not_rated_mood_is_not_low() -> None:
    walk = task("Walk", minutes=5, difficulty=20)
    cup = task("Wash one cup", minutes=2, difficulty=5)
    unrated = did(walk, 0.1, mood=None)
    first = coach.suggest([walk, cup], [unrated], now=NOW)
    assert first is not None and first.kind is Kind.KEEP
    assert coach.suggest([walk, cup], [unrated], now=NOW, mood_now=None) == first
    # A mood given earlier today still counts when the latest one was not rated.
    morning = did(walk, 0.4, mood=20)
    assert coach.suggest([walk, cup], [unrated, morning], now=NOW).kind is Kind.SMALLEST  # type: ignore[union-attr]


def test_welcome_back_only_after_a_gap_in_any_practice() -> None:
    """The gap is since the last practice of any kind: a quick practice yesterday (not kept
    as a task) means no "welcome back", though the walk was 6 days ago."""
    import dataclasses

    walk = task("Walk", minutes=5, difficulty=20)
    quick = dataclasses.replace(did(task("Sit outside"), 1), task_id=None, area_id=None)
    [kept] = run([walk], [did(walk, 6), quick])
    assert kept.kind is Kind.KEEP and not kept.why.startswith("Welcome back")
    [back] = run([walk], [did(walk, 6)])
    assert back.kind is Kind.KEEP and back.why.startswith("Welcome back.")
    assert "good size" not in back.why
