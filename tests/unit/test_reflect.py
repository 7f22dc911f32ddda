"""The words around a practice when some answers were not rated: nothing made up, no blame."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mastery_tui.domain.clock import utc_iso
from mastery_tui.domain.models import Completion, Practice, Task, default_area_id
from mastery_tui.domain.reflect import acknowledgement, smaller_task

NOW = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
SHAMING = ("fail", "miss", "skipped", "lazy", "streak", "should have")


def practice(**fields: object) -> Practice:
    """A practice of "Wash one set of dishes" (4 minutes) with nothing rated but ``fields``."""
    return Practice.new(
        now=NOW,
        task_id=None,
        task_title="Wash one set of dishes",
        started=utc_iso(NOW),
        planned_minutes=5,
        seconds_spent=240,
        **fields,
    )


def test_a_not_rated_completion_is_acknowledged_as_showing_up() -> None:
    lines = acknowledgement(practice(reflection="Starting was the hard part."))
    assert lines[0] == "You recorded \u201cWash one set of dishes\u201d (4 minutes). Thank you for showing up."
    assert lines[1:] == ["What you learned: Starting was the hard part."]  # no change line
    text = " ".join(lines).casefold()
    assert "not this time" not in text and "did it" not in text
    for word in SHAMING:
        assert word not in text


@pytest.mark.parametrize(
    ("ratings", "change"),
    [
        ({"confidence_before": 40, "mood_after": 60}, None),  # each pair lacks one side
        ({"confidence_before": 40, "confidence_after": 55}, "Confidence 40 → 55 (+15)"),
        ({"mood_before": 50, "mood_after": 50}, "Mood 50 → 50 (steady)"),
        ({"mood_before": 0, "mood_after": 10}, "Mood 0 → 10 (+10)"),  # 0 is an answer
    ],
)
def test_a_change_line_needs_both_before_and_after(ratings: dict[str, int], change: str | None) -> None:
    lines = acknowledgement(practice(completion=Completion.PARTLY, **ratings))
    assert lines[0].startswith("You showed up for")
    if change is None:
        assert len(lines) == 1
    else:
        assert lines[1] == change


def test_a_smaller_version_is_sized_from_the_task_never_from_how_hard_it_felt() -> None:
    task = Task.new(
        now=NOW, title="Study", area_id=default_area_id("studying"), minutes=20, difficulty=60
    )
    unrated = practice(completion=Completion.NO)
    smaller = smaller_task(task, unrated, now=NOW)
    assert smaller is not None
    assert (smaller.minutes, smaller.difficulty) == (10, 40)  # from the task's own 60
    felt = smaller_task(task, practice(completion=Completion.NO, difficulty=90), now=NOW)
    assert felt is not None and felt.difficulty == 40  # felt 90: still the task's 60, minus 20
    zero = smaller_task(task, practice(completion=Completion.PARTLY, difficulty=0), now=NOW)
    assert zero is not None and zero.difficulty == 40  # as before: never under the floor


def test_use_it_instead_moves_the_plan_and_puts_the_original_away() -> None:
    from mastery_tui.domain.models import Plan
    from mastery_tui.domain.reflect import smaller_records

    plan = Plan(days=(0, 2), time="19:30")
    task = Task.new(now=NOW, title="Study", area_id=default_area_id("studying"), minutes=20,
                    difficulty=60, plan=plan)  # fmt: skip
    offer = smaller_task(task, practice(completion=Completion.NO), now=NOW)
    assert offer is not None and offer.plan == plan
    new, old = smaller_records(task, offer, instead=True, now=NOW)
    assert new.plan == plan and old.id == task.id and old.archived and old.plan == Plan()
    (both,) = smaller_records(task, offer, instead=False, now=NOW)
    assert both.plan == Plan() and both.id == offer.id


def test_a_session_saved_by_an_earlier_mastery_keeps_its_answer() -> None:
    from mastery_tui.domain.session import AdjustAnswers

    assert AdjustAnswers.from_dict({"make_smaller": True}).smaller == "both"
    assert AdjustAnswers.from_dict({"make_smaller": False}).smaller == "no"
    assert AdjustAnswers.from_dict({}).smaller == ""


@pytest.mark.parametrize(
    ("expected", "felt", "words"),
    [
        (70, 35, "You expected 70; it felt 35. Easier than you thought"),
        (20, 60, "You expected 20; it felt 60. Harder than you thought"),
        (40, 45, None),  # close enough: nothing to point out
        (None, 35, None),  # a quick task has no estimate
        (40, None, None),  # not rated is not a number
    ],
)
def test_predicted_vs_felt(expected, felt, words) -> None:
    from mastery_tui.domain.reflect import predicted_vs_felt

    said = predicted_vs_felt(expected, felt)
    assert (said is None) if words is None else said is not None and said.startswith(words)


# -- "smaller": one rule for the after-practice offer and the coach -----------------------------


def brush_teeth(**fields: object) -> Task:
    made: dict[str, object] = {"title": "Brush teeth", "minutes": 2, "difficulty": 5, **fields}
    return Task.new(now=NOW, area_id=default_area_id("daily"), **made)


def test_a_task_already_minimal_gets_no_smaller_copy_and_a_gentle_word() -> None:
    from mastery_tui.domain.reflect import smaller_for

    teeth = brush_teeth()
    found = smaller_for(teeth, [teeth], now=NOW)
    assert found.new is None and found.kept is None and found.target is None
    assert found.words.startswith("“Brush teeth” is already about as small as a task gets")
    assert "(just" not in found.words


@pytest.mark.parametrize(("minutes", "difficulty"), [(3, 10), (2, 30), (20, 20), (10, 60)])
def test_a_smaller_version_is_truly_smaller_and_never_above_the_task(minutes, difficulty) -> None:
    from mastery_tui.domain.reflect import smaller_for

    task = brush_teeth(title="Walk", minutes=minutes, difficulty=difficulty)
    new = smaller_for(task, [task], now=NOW).new
    assert new is not None and new.bad_day_ok and new.plan.days == ()
    assert new.minutes <= minutes and new.difficulty <= difficulty
    assert (new.minutes, new.difficulty) != (minutes, difficulty)


def test_the_smaller_version_of_a_smaller_version_never_nests_nor_finds_itself() -> None:
    from mastery_tui.domain.reflect import smaller_for

    walk = brush_teeth(title="Walk", minutes=10, difficulty=30)
    first = smaller_for(walk, [walk], now=NOW).new
    assert first is not None and first.title == "Walk (just 5 min)"
    again = smaller_for(walk, [walk, first], now=NOW)  # kept last time: not a second copy
    assert again.new is None and again.kept == first
    assert "already one of your tasks" in again.words
    smallest = smaller_for(first, [walk, first], now=NOW).new
    assert smallest is not None and smallest.title == "Walk (just 2 min)"
    two = brush_teeth(title="Walk (just 2 min)", minutes=2, difficulty=10)
    assert smaller_for(two, [two], now=NOW).target is None  # its own title is no twin of it


@pytest.mark.parametrize(
    ("fields", "wanted"),
    [
        ({"completion": Completion.PARTLY}, True),
        ({"completion": Completion.NO}, True),
        ({"completion": Completion.YES, "difficulty": 80}, True),
        ({"completion": Completion.YES, "difficulty": 79}, False),
        ({"completion": Completion.YES, "note": "Was the task too big for today's energy?"}, True),
        ({}, False),  # nothing rated: nothing known to have been too big
    ],
)
def test_when_smaller_is_the_answer(fields, wanted) -> None:
    from mastery_tui.domain.reflect import wants_smaller

    assert wants_smaller(practice(**fields)) is wanted


def test_use_it_instead_also_moves_the_weeks_days_in_the_same_write() -> None:
    from mastery_tui.domain import week as wk
    from mastery_tui.domain.models import WeekPlan
    from mastery_tui.domain.reflect import smaller_for, smaller_records

    walk = brush_teeth(title="Walk", minutes=10, difficulty=30)
    offer = smaller_for(walk, [walk], now=NOW).new
    assert offer is not None
    week = wk.new_week(walk.area_id, NOW.date(), [(1, walk.id), (2, walk.id)], now=NOW)
    records = smaller_records(walk, offer, instead=True, now=NOW, weeks=[week])
    [moved] = [r for r in records if isinstance(r, WeekPlan)]
    assert moved.id == week.id and moved.assignments == ((1, offer.id), (2, offer.id))
    both = smaller_records(walk, offer, instead=False, now=NOW, weeks=[week])
    assert not any(isinstance(r, WeekPlan) for r in both)  # keep both: the week stays as planned


@pytest.mark.parametrize(("original", "smaller"), [(True, True), (False, None), (None, None)])
def test_a_smaller_version_is_bad_day_proof_only_when_its_task_was(original, smaller) -> None:
    """Smaller than a task you could do on a bad day is one too; smaller than one you said
    "not really" to (or haven't answered) is yours to answer: never assumed."""
    from mastery_tui.domain.reflect import smaller_for

    task = brush_teeth(title="Walk", minutes=10, difficulty=40, bad_day_ok=original)
    new = smaller_for(task, [task], now=NOW).new
    assert new is not None and new.bad_day_ok is smaller
