"""Plans in words, times as typed, and what is planned for a day."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from mastery_tui.domain.errors import ValidationError
from mastery_tui.domain.models import Plan, Task
from mastery_tui.domain.plan import (
    days_text,
    has_plan,
    is_planned_on,
    parse_time,
    plan_sentence,
    planned_for,
    short_plan,
    when_text,
)

NOW = datetime(2026, 11, 23, 19, 30, tzinfo=timezone(timedelta(hours=1)))
MONDAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("days", "text"),
    [
        ((), "any day"),
        ((0, 2, 4), "Mon, Wed, Fri"),
        ((4, 0, 2), "Mon, Wed, Fri"),
        ((0, 1, 2, 3, 4), "weekdays"),
        ((5, 6), "weekends"),
        (tuple(range(7)), "every day"),
        ((6,), "Sun"),
    ],
)
def test_days_text(days, text):
    assert days_text(days) == text


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("", ""),
        ("   ", ""),
        ("19:30", "19:30"),
        ("7:30", "07:30"),
        ("7.30", "07:30"),
        ("19h30", "19:30"),
        ("0730", "07:30"),
        ("1930", "19:30"),
        ("7", "07:00"),
        ("7pm", "19:00"),
        ("7:30 pm", "19:30"),
        ("7:30PM", "19:30"),
        ("12am", "00:00"),
        ("12pm", "12:00"),
        ("7.30 a.m.", "07:30"),
    ],
)
def test_parse_time_reads_what_people_type(typed, stored):
    assert parse_time(typed) == stored


@pytest.mark.parametrize("typed", ["25:00", "7:75", "13pm", "0pm", "soon", "7:3", "19:30:00"])
def test_parse_time_refuses_kindly(typed):
    with pytest.raises(ValidationError) as caught:
        parse_time(typed)
    assert caught.value.field == "plan.time"
    assert "19:30" in caught.value.message


def test_plan_sentence_matches_the_issue_example():
    plan = Plan(days=(0, 2, 4), time="19:30", ready="phone in another room")
    assert plan_sentence("Study", 20, plan) == "Mon, Wed, Fri at 19:30 — 20 min study, phone in another room"


def test_plan_sentence_without_days_time_or_ready():
    assert plan_sentence("Walk 5 minutes", 5, Plan()) == "Any day — 5 min walk 5 minutes"
    assert plan_sentence("", None, Plan(time="07:00")) == "Any day at 07:00 — …"


def test_plan_sentence_keeps_capitals_that_matter():
    assert plan_sentence("TODO list", 5, Plan()).endswith("5 min TODO list")
    assert plan_sentence("I tidy up", 5, Plan()).endswith("5 min I tidy up")
    assert plan_sentence("[TODO] tidy", 5, Plan()).endswith("5 min [TODO] tidy")
    assert plan_sentence("Deep-clean the oven", 5, Plan()).endswith("5 min deep-clean the oven")
    assert plan_sentence("McDonald's run", 5, Plan()).endswith("5 min McDonald's run")
    assert plan_sentence("A", 5, Plan()).endswith("5 min A")


def test_when_and_short_plan():
    assert when_text(Plan(days=tuple(range(7)), time="07:00")) == "Every day at 07:00"
    assert short_plan(Plan()) == ""
    assert short_plan(Plan(days=(1, 3))) == "Tue, Thu"
    assert short_plan(Plan(days=(0,), time="19:30")) == "Mon 19:30"
    assert short_plan(Plan(time="07:00")) == "any day 07:00"
    assert not has_plan(Plan(ready="shoes by the door"))


def task(title: str, plan: Plan, *, archived: bool = False, area: str = "a1", order: int = 0) -> Task:
    return Task.new(now=NOW, title=title, area_id=area, plan=plan, archived=archived, order=order)


def test_planned_on_a_day():
    assert is_planned_on(Plan(days=(0,)), MONDAY)
    assert not is_planned_on(Plan(days=(1,)), MONDAY)
    assert is_planned_on(Plan(time="08:00"), MONDAY)  # any day, at a set time
    assert not is_planned_on(Plan(), MONDAY)  # no plan yet


def test_planned_for_sorts_by_time_and_skips_archived_and_hidden_areas():
    tasks = [
        task("evening", Plan(days=(0,), time="19:30")),
        task("untimed", Plan(days=(0, 1))),
        task("morning", Plan(time="07:00")),
        task("tuesday", Plan(days=(1,), time="06:00")),
        task("archived", Plan(days=(0,)), archived=True),
        task("other area", Plan(days=(0,)), area="a2"),
    ]
    found = planned_for(tasks, MONDAY, live_areas={"a1"})
    assert [t.title for t in found] == ["morning", "evening", "untimed"]
    assert "other area" in [t.title for t in planned_for(tasks, MONDAY)]
