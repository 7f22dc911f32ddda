"""Sizing guidance: is this task small enough to be a mastery task?

Principle 1 of the skill: hard enough that finishing means something, not so hard that it
probably won't happen. A task that wouldn't survive a bad day, is rated above ~70, or takes
longer than ~30 minutes gets a kind note suggesting a smaller version. Guidance only: nothing
here stops a task from being saved.
"""

from __future__ import annotations

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


def sizing_note(*, minutes: int | None, difficulty: int | None, bad_day_ok: bool | None) -> str:
    """One short paragraph for the form: a kind suggestion, or a word that the size looks right."""
    notes = sizing_notes(minutes=minutes, difficulty=difficulty, bad_day_ok=bad_day_ok)
    if notes:
        return f"A smaller version might serve you better: {_and(notes)}. {SMALLER_TAIL}"
    if difficulty is not None and difficulty < EASY_LIMIT:
        return "Nice and easy, good for a rough day. A bit harder than comfortable builds more mastery."
    return GOOD_SIZE
