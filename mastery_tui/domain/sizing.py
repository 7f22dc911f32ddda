"""Sizing guidance: is this task small enough to be a mastery task?

Principle 1 of the skill: hard enough that finishing means something, not so hard that it
probably won't happen. A task that wouldn't survive a bad day, is rated above ~70, or takes
longer than ~30 minutes gets a kind note suggesting a smaller version. Guidance only: nothing
here stops a task from being saved. It also says how much "a bit harder" grows a task.
"""

from __future__ import annotations

from .models import MINUTES_MAX

DIFFICULTY_LIMIT = 70
MINUTES_LIMIT = 30
EASY_LIMIT = 10

GOOD_SIZE = "A good size: small, and a little challenging."
SMALLER_TAIL = "Small and done still counts."


def sizing_notes(
    *, minutes: int | None, difficulty: int | None, bad_day_ok: bool | None
) -> list[str]:
    """Why a smaller version might help, as short phrases; empty when the size looks right.
    A field not filled in yet (None) says nothing."""
    notes: list[str] = []
    if bad_day_ok is False:
        notes.append("it might not fit a bad day")
    if difficulty is not None and difficulty > DIFFICULTY_LIMIT:
        notes.append(f"difficulty {difficulty} is a big stretch")
    if minutes is not None and minutes > MINUTES_LIMIT:
        notes.append(f"{minutes} minutes is a lot to start with")
    return notes


def needs_smaller(*, minutes: int | None, difficulty: int | None, bad_day_ok: bool | None) -> bool:
    return bool(sizing_notes(minutes=minutes, difficulty=difficulty, bad_day_ok=bad_day_ok))


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


EASY_NOTE = "Nice and easy, good for a rough day."
HARDER_HINT = "A bit harder than comfortable builds more mastery."


def sizing_note(
    *, minutes: int | None, difficulty: int | None, bad_day_ok: bool | None, gentle: bool = False
) -> str:
    """One short paragraph for the form: a kind suggestion, or a word that the size looks right.
    ``gentle``: nothing may suggest harder today (``care.nothing_harder``)."""
    notes = sizing_notes(minutes=minutes, difficulty=difficulty, bad_day_ok=bad_day_ok)
    if notes:
        return f"A smaller version might serve you better: {_and(notes)}. {SMALLER_TAIL}"
    if difficulty is not None and difficulty < EASY_LIMIT:
        return EASY_NOTE if gentle else f"{EASY_NOTE} {HARDER_HINT}"
    return GOOD_SIZE


# -- "a bit harder": how much more (the coach, SKILL.md care rules) ------------------------

HARDER_SHARE = 5  # "a bit harder": a fifth more minutes, at least one (SKILL.md, care rules)


def harder_minutes(minutes: int) -> int:
    """About a fifth more, at least one more: 2 -> 3, 5 -> 6, 10 -> 12, 30 -> 36."""
    return min(MINUTES_MAX, minutes + max(1, round(minutes / HARDER_SHARE)))


NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def more_words(minutes: int, grown: int) -> str:
    """What the step up is, said as it is: "about a fifth more" only when it is (5 -> 6,
    10 -> 12), else the minutes themselves: 2 -> 3 is "just one minute more" (half again)."""
    more = grown - minutes
    if abs(more / minutes - 1 / HARDER_SHARE) <= 0.05:
        return "about a fifth more"
    count = NUMBER_WORDS[more] if more < len(NUMBER_WORDS) else str(more)
    return "just one minute more" if more == 1 else f"{count} minutes more"
