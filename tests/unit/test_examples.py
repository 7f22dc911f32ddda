"""The example library: sensible sizes, every group covered, search by typing."""

from __future__ import annotations

from mastery_tui.domain.examples import (
    EXAMPLES,
    GROUPS,
    group_for_area,
    grouped,
    ordered_examples,
    search_examples,
)
from mastery_tui.domain.models import default_area_id
from mastery_tui.domain.sizing import needs_smaller


def test_every_group_has_examples_and_every_example_is_tiny():
    assert {e.group for e in EXAMPLES} == set(GROUPS)
    for example in EXAMPLES:
        assert 1 <= example.minutes <= 30
        assert 0 <= example.difficulty <= 70
        assert not needs_smaller(minutes=example.minutes, difficulty=example.difficulty, bad_day_ok=True)
        assert len(example.title) <= 120


def test_focus_groups_are_there():
    assert {"anxiety", "low-mood", "self-esteem"} <= set(GROUPS)


def test_the_areas_own_examples_come_first():
    daily = ordered_examples(default_area_id("daily"))
    assert daily[0].group == "daily"
    assert [label for label, _ in grouped(daily)][1:4] == [
        GROUPS["anxiety"],
        GROUPS["low-mood"],
        GROUPS["self-esteem"],
    ]
    assert len(daily) == len(EXAMPLES)
    assert group_for_area("someone's own area") is None


def test_search_matches_every_word_in_title_or_group():
    assert [e.title for e in search_examples("dishes")] == ["Wash one set of dishes"] * 2
    assert {e.group for e in search_examples("DISHES low")} == {"low-mood"}
    assert all(e.group == "anxiety" for e in search_examples("anxiety"))
    assert search_examples("") == list(EXAMPLES)
    assert search_examples("zzz") == []
