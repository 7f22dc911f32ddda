"""Domain models validate and clean themselves; to_dict/from_dict round-trip."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mastery_tui.domain.errors import ValidationError
from mastery_tui.domain.models import (
    DEFAULT_AREAS,
    Area,
    Completion,
    Note,
    Obstacle,
    Plan,
    Practice,
    Review,
    Task,
    WeekPlan,
    default_area_id,
    default_areas,
)

NOW = datetime(2026, 11, 23, 18, 30, tzinfo=UTC)
DAILY = default_area_id("daily")


def practice(**changes) -> Practice:
    fields = dict(
        task_id=None,
        task_title="Wash one set of dishes",
        started="2026-11-23T18:00:00+00:00",
        planned_minutes=5,
        mood_before=40,
        confidence_before=35,
    )
    fields.update(changes)
    return Practice.new(now=NOW, **fields)


def test_default_areas_are_the_five_of_the_skill_with_stable_ids() -> None:
    areas = default_areas(NOW)
    assert [a.name for a in areas] == [name for _, name in DEFAULT_AREAS]
    assert [a.id for a in areas] == [a.id for a in default_areas(datetime.now(UTC))]
    assert all(a.builtin for a in areas)


def test_task_defaults_and_timestamps() -> None:
    task = Task.new(now=NOW, title="Walk 5 minutes", area_id=DAILY, minutes=5)
    assert task.created == task.updated == "2026-11-23T18:30:00+00:00"
    assert len(task.id) == 36
    later = task.edit(now=datetime(2026, 11, 24, tzinfo=UTC), minutes=7)
    assert later.minutes == 7 and later.id == task.id and later.created == task.created
    assert later.updated == "2026-11-24T00:00:00+00:00"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"minutes": 0}, "Minutes must be from 1 to 180"),
        ({"minutes": 181}, "Minutes must be from 1 to 180"),
        ({"difficulty": 101}, "Difficulty must be from 0 to 100"),
        ({"difficulty": -1}, "Difficulty must be from 0 to 100"),
        ({"difficulty": 50.5}, "whole number"),
        ({"difficulty": True}, "whole number"),
        ({"title": ""}, "can't be empty"),
        ({"title": "x" * 121}, "keep it to 120"),
    ],
)
def test_task_validation(changes: dict, message: str) -> None:
    fields = {"title": "Walk", "area_id": DAILY, **changes}
    with pytest.raises(ValidationError, match=message):
        Task.new(now=NOW, **fields)


def test_task_title_is_cleaned_and_markup_kept_literal() -> None:
    task = Task.new(now=NOW, title="[TODO] \x1b[2Jcall\u202e mum\x1b]52;c;eA==\x07", area_id=DAILY)
    assert task.title == "[TODO] call mum"


def test_plan_validation_and_normalisation() -> None:
    plan = Plan(days=(4, 0, 2, 2), time="19:30", ready="phone\nin another room")
    assert plan.days == (0, 2, 4)
    assert plan.ready == "phone in another room"
    with pytest.raises(ValidationError, match="07:30"):
        Plan(time="7:30pm")
    with pytest.raises(ValidationError, match="from 0 to 6"):
        Plan(days=(7,))


def test_practice_ratings_must_be_integers_0_to_100() -> None:
    assert practice(mood_after=100, confidence_after=0, difficulty=50).mood_after == 100
    for bad in (101, -1, 3.0, "50", True):
        with pytest.raises(ValidationError):
            practice(mood_before=bad)
    with pytest.raises(ValidationError):
        practice(confidence_after=120)


def test_practice_completion_obstacles_and_reflection() -> None:
    p = practice(
        completion="partly",
        obstacles=["fatigue", "time", "fatigue"],
        reflection="I showed up\neven tired.",
        note="line one\nline two",
    )
    assert p.completion is Completion.PARTLY
    assert Completion.NO.label == "not this time"
    assert p.obstacles == (Obstacle.FATIGUE, Obstacle.TIME)
    assert p.reflection == "I showed up even tired."
    assert p.note == "line one\nline two"
    with pytest.raises(ValidationError):
        practice(completion="failed")
    with pytest.raises(ValidationError):
        practice(obstacles=["laziness"])


@pytest.mark.parametrize(
    "record",
    [
        Area.new(now=NOW, name="Health"),
        Task.new(now=NOW, title="Walk", area_id=DAILY, plan=Plan(days=(0, 2), time="07:30", ready="shoes")),
        practice(mood_after=60, confidence_after=55, difficulty=40, obstacles=["fear"]),
        WeekPlan.new(now=NOW, start="2026-11-24", area_id=DAILY, assignments=((1, "abc"), (2, "def"))),
        Review.new(now=NOW, week_id="w1", strongest="Small social tasks", obstacles=["time"]),
        Note.new(now=NOW, text="Acting first really helped.\nEven on Tuesday."),
    ],
)
def test_round_trip(record) -> None:
    assert type(record).from_dict(record.to_dict()) == record


def test_from_dict_refuses_garbage_with_a_validation_error() -> None:
    with pytest.raises(ValidationError):
        Task.from_dict({"id": "x"})
    with pytest.raises(ValidationError):
        Task.from_dict(["not", "a", "dict"])
    with pytest.raises(ValidationError):
        Task.from_dict({**Task.new(now=NOW, title="ok", area_id=DAILY).to_dict(), "created": "yesterday"})


def test_from_dict_ignores_unknown_fields() -> None:
    data = {**Note.new(now=NOW, text="hi").to_dict(), "from_the_future": 1}
    assert Note.from_dict(data).text == "hi"


def test_the_built_in_area_ids_are_uuid5_of_their_keys() -> None:
    """The ids are written out (importing uuid slows every CLI start); they must stay what
    uuid5 gives, or exports from two machines would no longer merge."""
    import uuid

    from mastery_tui.domain.area_ids import _AREA_NAMESPACE, DEFAULT_AREAS, default_area_id

    namespace = uuid.UUID(_AREA_NAMESPACE)
    for key, _name in DEFAULT_AREAS:
        assert default_area_id(key) == str(uuid.uuid5(namespace, key))
    assert default_area_id("custom") == str(uuid.uuid5(namespace, "custom"))
