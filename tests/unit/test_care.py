"""The care rules (SKILL.md): very low mood, a gap, right after partly / not this time. Then
nothing suggests "harder"; a mood that wasn't rated is not low."""

from __future__ import annotations

import pytest

from mastery_tui.domain import care
from mastery_tui.domain.coach import Kind
from tests.unit.test_coach import NO, NOW, PARTLY, TZ, did, run, task

TODAY = NOW.date()


def easy_walks(walk, *days: float, mood: int | None = 50) -> list:
    return [did(walk, d, mood=mood) for d in days]


def test_a_week_of_very_low_mood_holds_and_nothing_suggests_harder() -> None:
    walk = task("Walk", minutes=5, difficulty=20)
    week = [did(walk, d, mood=m) for d, m in zip((1, 2, 3, 4, 5), (2, 5, 3, 4, 2), strict=True)]
    assert care.very_low_mood(week, TODAY, TZ)
    assert not care.harder_allowed(week, TODAY, TZ)
    assert Kind.HARDER not in {s.kind for s in run([walk], week)}


@pytest.mark.parametrize(
    ("moods", "low"),
    [
        ((60, 60, 9), True),  # one mood of 9, two days ago: within the last 3 days
        ((20, 24, 25, 70, 70), True),  # 25 or less on 3 of the last 5 practice days
        ((20, 24, 26, 70, 70), False),
        ((None, None, None, None, None), False),  # not rated is not low
    ],
)
def test_the_low_mood_rule(moods: tuple[int | None, ...], low: bool) -> None:
    walk = task("Walk")
    practices = [did(walk, i + 0.1, mood=m) for i, m in enumerate(reversed(moods))]
    for p in practices:  # (did() gives every practice a mood after of 60)
        assert p.mood_after == 60
    assert care.very_low_mood(practices, TODAY, TZ) is low


def test_a_very_low_mood_long_ago_no_longer_counts() -> None:
    walk = task("Walk")
    assert not care.very_low_mood([did(walk, 6, mood=5)], TODAY, TZ)


def test_after_a_19_day_gap_no_harder() -> None:
    walk = task("Walk", minutes=5, difficulty=20)
    before_the_gap = easy_walks(walk, 19, 20, 21)
    assert not care.harder_allowed(before_the_gap, TODAY, TZ)
    assert Kind.HARDER not in {s.kind for s in run([walk], before_the_gap)}


@pytest.mark.parametrize("completion", [PARTLY, NO])
def test_right_after_partly_or_not_this_time_no_harder(completion) -> None:
    walk = task("Walk", minutes=5, difficulty=20)
    jog = task("Jog", minutes=5, difficulty=40)
    history = [did(jog, 0.5, completion=completion), *easy_walks(walk, 1, 2, 3)]
    assert not care.harder_allowed(history, TODAY, TZ)
    assert Kind.HARDER not in {s.kind for s in run([walk, jog], history)}
    assert care.harder_allowed(easy_walks(walk, 1, 2, 3), TODAY, TZ)


def test_words_that_fit_the_moment() -> None:
    from datetime import datetime

    from mastery_tui.domain import words
    from mastery_tui.screens.practice.acknowledge import TITLES

    assert words.greeting(datetime(2026, 11, 23, 3, 0)) == "Hello."
    assert words.SAFETY_TITLE != "Before you start"  # that is the Before screen's title
    assert "Well done" not in TITLES[NO] and "Well done" not in TITLES[PARTLY]


def test_a_ticked_too_big_counts() -> None:
    from mastery_tui.domain.reflect import ADJUSTMENT_QUESTIONS

    walk = task("Walk", minutes=10, difficulty=30)
    ticked = did(walk, 1, felt=40, completion=PARTLY)
    ticked = ticked.edit(now=NOW, note=ADJUSTMENT_QUESTIONS[0])
    first = run([walk], [ticked])[0]
    assert first.kind is Kind.SMALLER and "too big for that day's energy" in first.why


def test_one_partly_gets_the_same_answer_as_the_offer_after_it() -> None:
    """Not "keep practising it as it is" right after the after-screen offered smaller."""
    walk = task("Walk", minutes=10, difficulty=30)
    first = run([walk], [did(walk, 1, felt=50, completion=PARTLY)])[0]
    assert first.kind is Kind.SMALLER and first.change is not None
    assert first.change.minutes == 5 and first.change.difficulty == 10


def test_a_mood_after_far_below_before_counts_as_very_low() -> None:
    walk = task("Walk")
    fell = did(walk, 0.5, mood=60).edit(now=NOW, mood_after=8)
    assert care.very_low_mood([fell], TODAY, TZ)
    assert not care.harder_allowed([fell, *easy_walks(walk, 1, 2)], TODAY, TZ)


def test_a_gentler_task_is_bad_day_proof_and_no_longer() -> None:
    email = task("Reply to the avoided email", minutes=10, difficulty=55)
    long_one = task("Sort the whole inbox", minutes=30, difficulty=40)
    not_on_a_bad_day = task("Call the bank", minutes=5, difficulty=45, bad_day_ok=False)
    fits = task("Read the email", minutes=5, difficulty=30)
    found = run([email, long_one, not_on_a_bad_day, fits], [did(email, 1, felt=85)])
    gentler = [s for s in found if s.kind is Kind.EASIER]
    assert [s.target for s in gentler] == [fits]
