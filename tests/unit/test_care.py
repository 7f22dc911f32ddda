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


# -- the care fixes after the audit of issue 13 ---------------------------------------------------


def test_home_and_the_form_never_say_harder_in_a_low_mood_spell() -> None:
    from datetime import timedelta

    from mastery_tui.domain import words

    walk = task("Walk")
    low_week = [did(walk, d, mood=m) for d, m in ((1, 4), (2, 5), (3, 3))]
    assert care.low_mood_spell(low_week, TODAY, TZ)
    assert care.low_mood_spell([], TODAY, TZ, mood_now=25)  # typed on Before, this session
    assert not care.low_mood_spell([], TODAY, TZ, mood_now=31)
    assert not care.low_mood_spell([did(walk, 1)], TODAY, TZ)
    for offset in range(30):  # every day's line
        line = words.encouragement(NOW + timedelta(days=offset), gentle=True)
        assert "harder" not in line.casefold() and "anyway" not in line.casefold()
    assert any(
        "harder" in words.encouragement(NOW + timedelta(days=d)).casefold() for d in range(7)
    )  # (outside a spell the rotation still has it)


@pytest.mark.parametrize(
    ("days_ago", "steady"),
    [
        ((0, 1, 2), True),
        ((1, 5, 9), True),  # gaps of 4
        ((0, 5, 6), False),  # a gap of 5
        ((1, 5, 11), False),  # the first more than 10 days ago
        ((5, 6, 7), False),  # nothing for 5 days before today
        ((), False),
    ],
)
def test_a_steady_run(days_ago: tuple[int, ...], steady: bool) -> None:
    from datetime import timedelta

    assert care.steady_run([TODAY - timedelta(days=d) for d in days_ago], TODAY) is steady


def test_three_easy_dones_far_apart_are_no_reason_for_harder() -> None:
    """6, 18 and 30 Nov: three easy dones, but not a steady run (SKILL.md: within ~10 days,
    no gap over 4)."""
    from datetime import datetime

    from mastery_tui.domain import coach

    cup = task("Wash one cup", minutes=2, difficulty=10)
    now = datetime(2026, 11, 30, 20, 0, tzinfo=TZ)
    far = [did(cup, (NOW - datetime(2026, 11, d, 19, 0, tzinfo=TZ)).days, felt=10) for d in (6, 18)]
    far = [p.edit(now=NOW, started=f"2026-11-{d:02d}T18:00:00+00:00") for p, d in zip(far, (6, 18), strict=True)]
    today = did(cup, 0, felt=10).edit(now=NOW, started="2026-11-30T18:00:00+00:00")
    found = coach.suggestions([cup], [*far, today], now=now)
    assert Kind.HARDER not in {s.kind for s in found}
    close = [
        did(cup, 0, felt=10).edit(now=NOW, started=f"2026-11-{d}T18:00:00+00:00") for d in (27, 28, 30)
    ]
    first = coach.suggest([cup], close, now=now)
    assert first is not None and first.kind is Kind.HARDER
    assert first.change is not None and first.change.minutes == 3
    assert "3 minutes instead of 2, just one minute more." in first.why  # not "a fifth"
    assert "fifth" not in first.why


@pytest.mark.parametrize(
    ("minutes", "said"),
    [(2, "just one minute more"), (5, "about a fifth more"), (10, "about a fifth more"),
     (1, "just one minute more"), (3, "just one minute more"), (30, "about a fifth more")],
)  # fmt: skip
def test_harder_says_what_the_step_is(minutes: int, said: str) -> None:
    from mastery_tui.domain import coach

    assert coach.more_words(minutes, coach.harder_minutes(minutes)) == said


def test_after_not_this_time_on_a_minimal_task_the_coach_agrees_with_the_offer() -> None:
    """"Brush teeth", 2 min, difficulty 5, not this time at felt 90: no same-size copy, and
    never "keep practising it as it is"; the coach's words are the offer's words."""
    from mastery_tui.domain.reflect import smaller_for

    teeth = task("Brush teeth", minutes=2, difficulty=5)
    found = run([teeth], [did(teeth, 0.1, felt=90, completion=NO)])
    assert [s.kind for s in found] == [Kind.SMALL_ENOUGH]
    words = smaller_for(teeth, [teeth], now=NOW).words
    assert words in found[0].why
    assert "as it is" not in found[0].why and found[0].change is None


@pytest.mark.parametrize(
    "sentence",
    ["Nothing feels worth it.", "It's pointless.", "I can't do anything right", "I never finish",
     "Useless day", "I failed again", "Why bother", "It’s not worth the effort", "I give up"],
)  # fmt: skip
def test_a_hopeless_sentence_is_never_quoted_as_proof(sentence: str) -> None:
    walk = task("Walk")
    hopeless = did(walk, 0.5).edit(now=NOW, reflection=sentence)
    assert care.evidence([hopeless]) == []
    assert care.evidence_for(care.evidence([hopeless]), TODAY) is None  # none rather than that


def test_the_evidence_bank_keeps_the_sentences_that_are_proof() -> None:
    walk = task("Walk")
    kept = [
        did(walk, 1).edit(now=NOW, reflection="I did it even though I was tired."),
        did(walk, 2).edit(now=NOW, reflection="Starting was the hard part; then it was fine."),
        did(walk, 3).edit(now=NOW, reflection="Nothing feels worth it."),
    ]
    assert care.evidence(kept) == [
        "I did it even though I was tired.",
        "Starting was the hard part; then it was fine.",
    ]


def test_the_smallest_step_is_truly_smaller() -> None:
    """A 60-minute task is no "smallest step", whatever its estimate; beside a chosen task,
    nothing longer or harder by estimate is offered, nor the task itself."""
    flat = task("Clean the whole flat", minutes=60, difficulty=10, bad_day_ok=True)
    cup = task("Wash one cup", minutes=2, difficulty=15, bad_day_ok=True)
    breathe = task("Three slow breaths", minutes=1, difficulty=5, bad_day_ok=False)  # not bad-day-proof
    assert care.smallest_step([flat, cup, breathe], None) == cup
    walk = task("Walk", minutes=5, difficulty=12, bad_day_ok=True)
    assert care.smallest_step([flat, cup, walk], walk.id) is None  # cup is harder by estimate (15 > 12)
    easier = task("Stand at the door", minutes=1, difficulty=5, bad_day_ok=True)
    assert care.smallest_step([flat, cup, walk, easier], walk.id) == easier
    assert care.smallest_step([cup], cup.id) is None
