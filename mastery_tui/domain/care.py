"""Care rules (SKILL.md): when things are hard, nothing pushes.

- **Very low mood**: any mood rating (before or after) of 10 or less in the last 3 days, or a
  mood of 25 or less on 3 of the last 5 days with practice. Home then shows one calm line at
  most once a day, and nothing suggests "harder".
- **Harder** is never suggested while that holds, after a gap of 5 or more days without
  practice, or right after a practice that went partly or not this time.

Only ratings the person gave count: a mood that was not rated is not low.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta, tzinfo

from .history import local_day
from .models import Completion, Practice, Task

VERY_LOW = 10  # any mood at or below, in the last VERY_LOW_DAYS days
VERY_LOW_DAYS = 3
LOW = 25  # a mood at or below, on LOW_DAYS of the last LOW_WINDOW days with practice
LOW_DAYS = 3
LOW_WINDOW = 5
GAP_DAYS = 5  # no practice for this many days: welcome back, no "harder"

LOW_MOOD_LINE = (
    "Your mood has been very low lately. This practice isn't meant to carry that alone: "
    "F1 shows your support list. Today, the smallest step is plenty."
)


def _moods(practice: Practice) -> list[int]:
    return [m for m in (practice.mood_before, practice.mood_after) if m is not None]


def very_low_mood(practices: Iterable[Practice], today: date, tz: tzinfo | None) -> bool:
    """The care rule's "very low mood" holds (see the module docstring)."""
    lowest_by_day: dict[date, int] = {}
    for practice in practices:
        day = local_day(practice, tz)
        moods = _moods(practice)
        if day > today or not moods:
            continue
        lowest_by_day[day] = min(min(moods), lowest_by_day.get(day, 100))
    first_recent = today - timedelta(days=VERY_LOW_DAYS - 1)
    if any(m <= VERY_LOW for d, m in lowest_by_day.items() if d >= first_recent):
        return True
    last_days = sorted(lowest_by_day, reverse=True)[:LOW_WINDOW]
    return sum(1 for d in last_days if lowest_by_day[d] <= LOW) >= LOW_DAYS


def harder_allowed(practices: Sequence[Practice], today: date, tz: tzinfo | None) -> bool:
    """Whether "a bit harder" may be suggested today at all."""
    if very_low_mood(practices, today, tz):
        return False
    done = sorted(
        (p for p in practices if local_day(p, tz) <= today), key=lambda p: p.started, reverse=True
    )
    if not done:
        return False
    if (today - local_day(done[0], tz)).days >= GAP_DAYS:
        return False  # after a gap: the same size or smaller
    return done[0].completion not in (Completion.PARTLY, Completion.NO)


# -- the Before screen ---------------------------------------------------------------------------

LOW_MOOD_NOW = 30  # a mood typed on the Before screen at or below: offer the smallest step
LOW_CONFIDENCE_NOW = 30  # a confidence at or below: one of the person's own past sentences


def smallest_step(tasks: Iterable[Task], current: str | None) -> Task | None:
    """The smallest bad-day task (lowest difficulty, then fewest minutes), unless it is the
    task already chosen (``current``, its id): then there is nothing smaller to offer."""
    candidates = [t for t in tasks if t.bad_day_ok and not t.archived]
    if not candidates:
        return None
    smallest = min(candidates, key=lambda t: (t.difficulty, t.minutes, t.order, t.created))
    return None if smallest.id == current else smallest


def evidence(practices: Iterable[Practice], *, keep: int = 20) -> list[str]:
    """The person's own "what I proved to myself" sentences: reflections of practices done or
    partly done, newest first, each once."""
    found: list[str] = []
    for practice in sorted(practices, key=lambda p: p.started, reverse=True):
        text = practice.reflection.strip()
        if text and practice.completion in (Completion.YES, Completion.PARTLY) and text not in found:
            found.append(text)
        if len(found) >= keep:
            break
    return found


def evidence_for(sentences: Sequence[str], day: date) -> str | None:
    """One sentence for today (the same all day, another tomorrow)."""
    return sentences[day.toordinal() % len(sentences)] if sentences else None
