"""Sizing guidance: kind, specific, and never a blocker."""

from __future__ import annotations

import pytest

from mastery_tui.domain.sizing import GOOD_SIZE, needs_smaller, sizing_note, sizing_notes

UNKIND = ("fail", "lazy", "too big for you", "can't", "should")


def test_a_small_task_gets_a_good_word():
    assert sizing_notes(minutes=10, difficulty=30, bad_day_ok=True) == []
    assert sizing_note(minutes=10, difficulty=30, bad_day_ok=True) == GOOD_SIZE


@pytest.mark.parametrize(
    ("minutes", "difficulty", "bad_day_ok", "phrase"),
    [
        (10, 30, False, "bad day"),
        (10, 71, True, "difficulty 71"),
        (31, 30, True, "31 minutes"),
    ],
)
def test_each_reason_suggests_a_smaller_version(minutes, difficulty, bad_day_ok, phrase):
    assert needs_smaller(minutes=minutes, difficulty=difficulty, bad_day_ok=bad_day_ok)
    note = sizing_note(minutes=minutes, difficulty=difficulty, bad_day_ok=bad_day_ok)
    assert phrase in note
    assert "smaller version" in note
    assert not any(word in note.casefold() for word in UNKIND)


def test_limits_are_inclusive_of_the_comfortable_side():
    assert not needs_smaller(minutes=30, difficulty=70, bad_day_ok=True)
    assert not needs_smaller(minutes=None, difficulty=70, bad_day_ok=True)


def test_all_reasons_read_as_one_sentence():
    note = sizing_note(minutes=45, difficulty=90, bad_day_ok=False)
    assert note == (
        "A smaller version might serve you better: it might not fit a bad day, difficulty 90 "
        "is a big stretch and 45 minutes is a lot to start with. Small and done still counts."
    )


def test_very_easy_gets_a_gentle_nudge_up():
    assert "bit harder" in sizing_note(minutes=5, difficulty=5, bad_day_ok=True)


def test_in_a_low_mood_spell_the_easy_note_asks_for_nothing_harder():
    note = sizing_note(minutes=5, difficulty=5, bad_day_ok=True, gentle=True)
    assert note == "Nice and easy, good for a rough day."
    assert "harder" not in note.casefold()
