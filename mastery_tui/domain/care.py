"""Care rules (SKILL.md): when things are hard, nothing pushes.

- **Very low mood**: any mood rating (before or after) of 10 or less in the last 3 days, or a
  mood of 25 or less on 3 of the last 5 days with practice. Home then shows one calm line at
  most once a day, and nothing suggests "harder".
- **Harder** is never suggested while that holds, after a gap of 5 or more days without
  practice, or right after a practice that went partly or not this time; and only after a
  steady run: the last practices within ``STEADY_DAYS`` days, none more than ``STEADY_GAP``
  days apart (``steady_run``).
- **Evidence**: the person's own "what I proved to myself" sentences, never one that sounds
  hopeless ("Nothing feels worth it." is no proof of anything): better none than that.

Only ratings the person gave count: a mood that was not rated is not low.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta, tzinfo

from .history import local_day
from .models import Completion, Practice, Task
from .sizing import needs_smaller

VERY_LOW = 10  # any mood at or below, in the last VERY_LOW_DAYS days
VERY_LOW_DAYS = 3
LOW = 25  # a mood at or below, on LOW_DAYS of the last LOW_WINDOW days with practice
LOW_DAYS = 3
LOW_WINDOW = 5
GAP_DAYS = 5  # no practice for this many days: welcome back, no "harder"
STEADY_DAYS = 10  # "harder" reads a run of practices all within the last ~10 days ...
STEADY_GAP = 4  # ... none more than 4 days after the one before (nor before today)

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


def low_mood_spell(
    practices: Iterable[Practice], today: date, tz: tzinfo | None, *, mood_now: int | None = None
) -> bool:
    """While this holds nothing suggests "harder" (Home's encouragement, the task form's size
    note, the coach): the very-low-mood rule, or a mood typed today (on the Before screen) at
    or below ``LOW_MOOD_NOW``."""
    if mood_now is not None and mood_now <= LOW_MOOD_NOW:
        return True
    return very_low_mood(practices, today, tz)


def steady_run(days: Sequence[date], today: date) -> bool:
    """Whether practices on ``days`` (a run, any order) were regular enough to read "easy"
    from them: all within the last ``STEADY_DAYS`` days, with no gap over ``STEADY_GAP`` days
    between one and the next, nor between the last and today. Three easy practices on the
    6th, 18th and 30th say little about today."""
    if not days:
        return False
    ordered = sorted(days)
    if (today - ordered[0]).days > STEADY_DAYS:
        return False
    gaps = [(b - a).days for a, b in zip(ordered, [*ordered[1:], today], strict=True)]
    return all(gap <= STEADY_GAP for gap in gaps)


def _latest(practices: Iterable[Practice], today: date, tz: tzinfo | None) -> Practice | None:
    return max((p for p in practices if local_day(p, tz) <= today), key=lambda p: p.started, default=None)


def _pause(latest: Practice, today: date, tz: tzinfo | None) -> bool:
    """After a gap (the same size or smaller), or right after a partly / not this time."""
    if (today - local_day(latest, tz)).days >= GAP_DAYS:
        return True
    return latest.completion in (Completion.PARTLY, Completion.NO)


def harder_allowed(practices: Sequence[Practice], today: date, tz: tzinfo | None) -> bool:
    """Whether "a bit harder" may be suggested today at all (about a task: never without a
    practice to read it from)."""
    if very_low_mood(practices, today, tz):
        return False
    latest = _latest(practices, today, tz)
    return latest is not None and not _pause(latest, today, tz)


def nothing_harder(
    practices: Sequence[Practice], today: date, tz: tzinfo | None, *, mood_now: int | None = None
) -> bool:
    """Whether everything the app says today leaves "harder" out (Home's daily line, the task
    form's size note): a low-mood spell (``low_mood_spell``), after a gap, or right after a
    partly / not this time. Someone with no practice yet hears the skill's own words."""
    if low_mood_spell(practices, today, tz, mood_now=mood_now):
        return True
    latest = _latest(practices, today, tz)
    return latest is not None and _pause(latest, today, tz)


# -- the Before screen ---------------------------------------------------------------------------

LOW_MOOD_NOW = 30  # a mood typed on the Before screen at or below: offer the smallest step
LOW_CONFIDENCE_NOW = 30  # a confidence at or below: one of the person's own past sentences


def smallest_step(tasks: Iterable[Task], current: str | None) -> Task | None:
    """The smallest bad-day task (lowest difficulty, then fewest minutes) among those of a
    mastery size (``sizing.needs_smaller`` says nothing: a 60-minute task is no small step),
    unless it is the task already chosen (``current``, its id): then there is nothing smaller
    to offer. Beside a chosen task it is truly smaller: no more minutes, no harder by estimate."""
    live = [t for t in tasks if not t.archived]
    chosen = next((t for t in live if t.id == current), None)
    candidates = [
        t for t in live
        if t.bad_day_ok and not needs_smaller(minutes=t.minutes, difficulty=t.difficulty, bad_day_ok=True)
        and (chosen is None or (t.minutes <= chosen.minutes and t.difficulty <= chosen.difficulty))
    ]  # fmt: skip
    if not candidates:
        return None
    smallest = min(candidates, key=lambda t: (t.difficulty, t.minutes, t.order, t.created))
    return None if smallest.id == current else smallest


# Words that make a sentence read as hopeless rather than as proof. The reflection is the log's
# "what did I learn or prove to myself" sentence (the only one it has), but a person on a hard
# day may write "Nothing feels worth it." there: quoting that back as evidence would hurt. A
# sentence with any of these words is never shown as evidence (a good one lost now and then
# costs little: there are others, or none is shown). Whole words, any case.
HOPELESS_WORDS = frozenset({
    "nothing", "pointless", "hopeless", "useless", "worthless", "meaningless", "never",
    "can't", "cannot", "fail", "failed", "failure", "give up", "gave up", "no point",
    "not worth", "why bother",
})  # fmt: skip
_HOPELESS = re.compile(
    r"\b(" + "|".join(re.escape(w) for w in sorted(HOPELESS_WORDS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


def sounds_hopeless(sentence: str) -> bool:
    """Whether a sentence has one of ``HOPELESS_WORDS`` (curly apostrophes read as straight)."""
    return _HOPELESS.search(sentence.replace("\u2019", "'")) is not None


def evidence(practices: Iterable[Practice], *, keep: int = 20) -> list[str]:
    """The person's own "what I proved to myself" sentences: reflections of practices done or
    partly done, newest first, each once, leaving out any that sounds hopeless."""
    found: list[str] = []
    for practice in sorted(practices, key=lambda p: p.started, reverse=True):
        text = practice.reflection.strip()
        proof = practice.completion in (Completion.YES, Completion.PARTLY)
        if text and proof and text not in found and not sounds_hopeless(text):
            found.append(text)
        if len(found) >= keep:
            break
    return found


def evidence_for(sentences: Sequence[str], day: date) -> str | None:
    """One sentence for today (the same all day, another tomorrow)."""
    return sentences[day.toordinal() % len(sentences)] if sentences else None
