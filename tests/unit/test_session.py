"""Sessions in progress, the practice they become, and the words around them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mastery_tui.domain.errors import ValidationError
from mastery_tui.domain.models import Completion, Obstacle, Task, default_area_id
from mastery_tui.domain.reflect import (
    RESISTANCE_PROMPTS,
    acknowledgement,
    resistance_prompt,
    smaller_task,
    smaller_version,
)
from mastery_tui.domain.session import Phase, Session, record_practice
from mastery_tui.domain.timer import Countdown

NOW = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)


@pytest.fixture
def task() -> Task:
    return Task.new(now=NOW, title="Wash one set of dishes", area_id=default_area_id("daily"), minutes=10, difficulty=40)


def test_session_round_trip_through_every_phase(task: Task) -> None:
    session = Session.for_task(task, now=NOW, plan_text="any day")
    assert session.phase is Phase.BEFORE
    session = session.with_before(35, 40)
    countdown = Countdown.start(task.minutes, mono=0.0, wall=NOW)
    session = session.with_timer(countdown)
    restored = Session.from_dict(session.to_dict())
    assert restored == session
    assert restored.restore_countdown(mono=3.0, wall=NOW + timedelta(seconds=120)).elapsed(3.0) == 120
    after = restored.to_after(countdown.pause(300.0))
    assert after.phase is Phase.AFTER
    assert Session.from_dict(after.to_dict()).countdown["elapsed_before"] == 300


def test_a_garbled_saved_session_is_a_validation_error() -> None:
    with pytest.raises(ValidationError):
        Session.from_dict({"title": "x"})
    with pytest.raises(ValidationError):
        Session.from_dict("nope")


def test_record_practice_copies_the_worksheet_fields(task: Task) -> None:
    session = Session.for_task(task, now=NOW).with_before(30, 45)
    practice = record_practice(
        session,
        now=NOW + timedelta(minutes=12),
        seconds_spent=655,
        completion=Completion.PARTLY,
        difficulty=70,
        mood_after=40,
        confidence_after=50,
        reflection="Starting was the hard part.",
        obstacles=(Obstacle.FATIGUE,),
    )
    assert (practice.task_id, practice.task_title, practice.area_id) == (task.id, task.title, task.area_id)
    assert (practice.mood_before, practice.confidence_before) == (30, 45)
    assert (practice.mood_after, practice.confidence_after, practice.difficulty) == (40, 50, 70)
    assert practice.started == "2026-11-23T18:00:00+00:00"
    assert practice.ended == "2026-11-23T18:12:00+00:00"
    assert practice.seconds_spent == 655
    assert practice.obstacles == (Obstacle.FATIGUE,)


def test_recording_one_session_twice_is_one_practice(task: Task, tmp_path) -> None:
    """A hang-up between saving the practice and clearing the session, then a resume that
    records it again: the same id, so the store holds one practice, not two."""
    from mastery_tui.domain.clock import FakeClock
    from mastery_tui.store import Store

    session = Session.for_task(task, now=NOW).with_before(30, 45)
    first = record_practice(
        session, now=NOW + timedelta(minutes=5), seconds_spent=300, completion=Completion.YES,
        difficulty=None, mood_after=None, confidence_after=None,
    )  # fmt: skip
    again = record_practice(
        session, now=NOW + timedelta(minutes=9), seconds_spent=300, completion=Completion.YES,
        difficulty=None, mood_after=None, confidence_after=None,
    )  # fmt: skip
    other = record_practice(  # begun in the same second, for the same task: another practice
        Session.for_task(task, now=NOW), now=NOW + timedelta(minutes=1),
        seconds_spent=60, completion=Completion.NO, difficulty=None, mood_after=None,
        confidence_after=None,
    )  # fmt: skip
    assert first.id == again.id != other.id
    assert Session.from_dict(session.to_dict()).practice_id == session.practice_id
    store = Store.open(tmp_path / "data", FakeClock(NOW))
    store.save_practice(first)
    store.save_practice(again)
    store.save_practice(other)
    assert sorted(p.id for p in store.practices()) == sorted([first.id, other.id])


def test_acknowledgement_names_the_task_and_the_change(task: Task) -> None:
    session = Session.for_task(task, now=NOW).with_before(50, 40)
    done = record_practice(
        session, now=NOW, seconds_spent=600, completion=Completion.YES, difficulty=30, mood_after=60, confidence_after=55
    )
    lines = acknowledgement(done)
    assert "You did it" in lines[0] and "Wash one set of dishes" in lines[0] and "10 minutes" in lines[0]
    assert "Confidence 40 → 55 (+15)" in lines[1]
    assert "Mood 50 → 60 (+10)" in lines[1]


@pytest.mark.parametrize("completion", list(Completion))
def test_words_never_shame(task: Task, completion: Completion) -> None:
    session = Session.for_task(task, now=NOW).with_before(50, 50)
    practice = record_practice(
        session, now=NOW, seconds_spent=30, completion=completion, difficulty=90, mood_after=30, confidence_after=35
    )
    text = " ".join(acknowledgement(practice)).lower()
    for word in ("fail", "lazy", "streak", "should have"):
        assert word not in text
    if completion is Completion.NO:
        assert "not this time" in text and "data for next time" in text


def test_smaller_version_halves_minutes_and_lowers_difficulty(task: Task) -> None:
    assert smaller_version("Study", 20, 60) == {"title": "Study (just 10 min)", "minutes": 10, "difficulty": 40}
    assert smaller_version("Walk", 1, 10)["minutes"] == 1
    assert smaller_version("Walk", 5, 10)["difficulty"] == 10  # a floor: too easy gives no sense of mastery
    assert smaller_version("Walk", 5, 25)["difficulty"] == 10 and smaller_version("Walk", 3, 40)["minutes"] == 2
    assert len(smaller_version("x" * 120, 30, 50)["title"]) == 120
    again = smaller_version("Study (just 10 min)", 10, 40)  # smaller of a smaller: no nesting
    assert again["title"] == "Study (just 5 min)"
    session = Session.for_task(task, now=NOW)
    practice = record_practice(
        session, now=NOW, seconds_spent=10, completion=Completion.NO, difficulty=80, mood_after=30, confidence_after=30
    )
    smaller = smaller_task(task, practice, now=NOW)
    assert smaller is not None
    # felt 80, but sized from the task's own estimate: never harder than the task
    assert smaller.minutes <= task.minutes and smaller.difficulty <= task.difficulty
    assert (smaller.minutes, smaller.difficulty, smaller.area_id) == (5, max(10, task.difficulty - 20), task.area_id)
    assert smaller_task(None, practice, now=NOW) is None


def test_resistance_prompts_rotate() -> None:
    seen = [resistance_prompt(i) for i in range(len(RESISTANCE_PROMPTS) + 1)]
    assert seen[0] == seen[-1]
    assert len(set(seen)) == len(RESISTANCE_PROMPTS)


def test_a_quick_practice_with_a_tasks_title_belongs_to_that_task(task: Task) -> None:
    from mastery_tui.domain.session import linked_quick

    quick = Session.quick("wash ONE set of dishes ", 5, now=NOW)
    linked = linked_quick(quick, [task])
    assert (linked.task_id, linked.area_id, linked.title) == (task.id, task.area_id, task.title)
    assert linked.minutes == 5 and linked.practice_id == quick.practice_id
    other = Session.quick("Call Sam", 5, now=NOW)
    assert linked_quick(other, [task]) == other
