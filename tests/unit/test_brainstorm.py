"""Brainstorm rules: the 5–10 target, ordering, splitting, area names."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from mastery_tui.domain import brainstorm as bs
from mastery_tui.domain.errors import ValidationError
from mastery_tui.domain.models import Area, Plan, Task, default_areas

NOW = datetime(2026, 11, 23, 19, 30, tzinfo=timezone(timedelta(hours=1)))
LATER = NOW + timedelta(minutes=5)


@pytest.mark.parametrize(
    ("count", "text"),
    [
        (0, "No ideas yet — aim for 5 to 10 tiny ones"),
        (1, "1 idea so far — more whenever they come"),
        (4, "4 ideas so far — more whenever they come"),
        (5, "5 ideas — a good list"),
        (6, "6 ideas — a good list"),
        (10, "10 ideas — a good list"),
        (12, "12 ideas — plenty to choose from"),
    ],
)
def test_idea_count_text(count, text):
    assert bs.idea_count_text(count) == text


def test_parse_minutes():
    assert bs.parse_minutes(" 15 ") == 15
    for bad in ("", "0", "181", "ten", "1.5"):
        with pytest.raises(ValidationError):
            bs.parse_minutes(bad)


def make(n: int) -> list[Task]:
    return [Task.new(now=NOW, title=f"task {i}", area_id="a", order=i) for i in range(n)]


def test_move_task_swaps_and_renumbers():
    tasks = make(3)
    changed = bs.move_task(tasks, tasks[2].id, -1, now=LATER)
    assert {t.title: t.order for t in changed} == {"task 2": 1, "task 1": 2}
    assert all(t.updated != tasks[0].updated for t in changed)


def test_move_task_at_the_edges_does_nothing():
    tasks = make(3)
    assert bs.move_task(tasks, tasks[0].id, -1, now=LATER) == []
    assert bs.move_task(tasks, tasks[2].id, 1, now=LATER) == []
    assert bs.move_task(tasks, "missing", 1, now=LATER) == []


def test_move_task_repairs_duplicate_orders():
    tasks = [Task.new(now=NOW, title=f"t{i}", area_id="a", order=0) for i in range(3)]
    changed = bs.move_task(tasks, tasks[1].id, 1, now=LATER)
    orders = {t.title: t.order for t in changed}
    assert orders == {"t2": 1, "t1": 2}


def test_split_task_makes_steps_in_place_and_archives_the_original():
    tasks = make(3)
    big = tasks[1].edit(now=NOW, minutes=30, difficulty=75, plan=Plan(days=(0,), time="19:30"))
    tasks[1] = big
    records = bs.split_task(big, ["open the book", " read one page ", ""], siblings=tasks, now=LATER)
    original, *rest = records
    assert original.id == big.id and original.archived
    steps = [r for r in rest if r.id not in {t.id for t in tasks}]
    assert [s.title for s in steps] == ["open the book", "read one page"]
    assert rest[0].title == "open the book"  # the first step comes right after the original
    assert all(s.area_id == big.area_id and s.plan == big.plan for s in steps)
    assert all(s.minutes == 15 and s.difficulty == 55 for s in steps)
    assert [s.order for s in steps] == [1, 2]
    moved = [r for r in records if r.title == "task 2"]
    assert moved and moved[0].order == 3


def test_split_task_takes_the_bad_day_answer():
    task = Task.new(now=NOW, title="big", area_id="a", bad_day_ok=False)
    records = bs.split_task(task, ["a", "b"], siblings=[task], now=LATER, bad_day_ok=True)
    assert all(r.bad_day_ok for r in records[1:])
    # no answer for the steps: not said, never the original's "not really"
    assert bs.split_task(task, ["a", "b"], siblings=[task], now=LATER)[1].bad_day_ok is None


@pytest.mark.parametrize("titles", [["only one"], ["1", "2", "3", "4", "5", "6"], ["", " "]])
def test_split_needs_two_to_five_steps(titles):
    task = Task.new(now=NOW, title="big", area_id="a")
    with pytest.raises(ValidationError):
        bs.split_task(task, titles, siblings=[task], now=LATER)


def test_split_minutes_never_drop_below_one():
    task = Task.new(now=NOW, title="tiny", area_id="a", minutes=1, difficulty=10)
    steps = bs.split_task(task, ["a", "b", "c"], siblings=[task], now=LATER)[1:]
    assert all(s.minutes == 1 and s.difficulty == 0 for s in steps)


def test_area_names_are_cleaned_and_unique():
    areas = default_areas(NOW)
    area = bs.new_area("  Health\x1b[2J  ", areas, now=NOW)
    assert area.name == "Health" and area.order == len(areas)
    with pytest.raises(ValidationError, match="already have"):
        bs.new_area("creative", areas, now=NOW)
    with pytest.raises(ValidationError):
        bs.new_area("   ", areas, now=NOW)
    renamed = bs.rename_area(areas[0], "school & STUDYING", areas, now=LATER)
    assert renamed.name == "school & STUDYING" and renamed.id == areas[0].id


def test_next_order():
    assert bs.next_order([]) == 0
    assert bs.next_order(make(3)) == 3
    assert bs.next_order([Area.new(now=NOW, name="x", order=7)]) == 8


def test_only_ideas_that_pass_the_bad_day_question_count() -> None:
    from mastery_tui.domain.brainstorm import idea_count_text

    assert idea_count_text(4, not_yet=1) == (
        "4 ideas so far — more whenever they come · 1 more needs a bad-day version (s splits)"
    )
    assert idea_count_text(5, not_yet=2).startswith("5 ideas — a good list · 2 more need")
    assert idea_count_text(3, unsaid=2) == "3 ideas so far — more whenever they come · 2 wait for your bad-day answer (e)"
