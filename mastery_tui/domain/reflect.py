"""What the app says around a practice: resistance prompts while doing it, the acknowledgement
after, and — when it was partly or not this time — the adjustment questions and a smaller
version to try next time. Praise follow-through, never output; never "failed".
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from datetime import datetime

from .models import Completion, Plan, Practice, Task, WeekPlan
from .timer import format_clock
from .week import move_days

RESISTANCE_PROMPTS: tuple[str, ...] = (
    "Notice the thought (\"I don't feel like it\", \"it won't matter\"). You don't have to argue "
    "with it. Just take the next tiny step anyway.",
    "Act first; motivation often follows. You only need to start.",
    "Opposite Action: if shame or fear says \"avoid\", do a small piece of it instead.",
    "Shrink the step: just the first 2 minutes. You can stop after that if you need to.",
    "Mindfulness: notice the urge to avoid, then gently steer back to the plan.",
)

ADJUSTMENT_QUESTIONS: tuple[str, ...] = (
    "Was the task too big for today's energy?",
    "Does it need breaking into smaller steps?",
    "Did perfectionism or fear get in the way?",
)


def resistance_prompt(index: int) -> str:
    return RESISTANCE_PROMPTS[index % len(RESISTANCE_PROMPTS)]


def _change(label: str, before: int | None, after: int | None) -> str | None:
    """"Confidence 40 → 55 (+15)"; None (no line) when before or after was not rated."""
    if before is None or after is None:
        return None
    delta = after - before
    sign = "+" if delta > 0 else ""
    return f"{label} {before} → {after} ({sign}{delta})" if delta else f"{label} {before} → {after} (steady)"


def spent_text(seconds: int) -> str:
    if seconds < 60:
        return "under a minute"
    minutes = round(seconds / 60)
    return "1 minute" if minutes == 1 else f"{minutes} minutes"


def predicted_vs_felt(expected: int | None, felt: int | None) -> str | None:
    """"You expected 70; it felt 35": doing the thing is what answers "I can't" (SKILL.md).
    None unless both were given and they differ by 10 or more."""
    if expected is None or felt is None or abs(expected - felt) < 10:
        return None
    if felt < expected:
        return f"You expected {expected}; it felt {felt}. Easier than you thought: worth remembering."
    return f"You expected {expected}; it felt {felt}. Harder than you thought: useful data for sizing the next step."


def acknowledgement(practice: Practice, expected: int | None = None) -> list[str]:
    """Lines for the acknowledgement screen: what they did, and how it changed things.
    ``expected``: the task's own difficulty estimate, beside how hard it felt."""
    title = practice.task_title
    spent = spent_text(practice.seconds_spent)
    if practice.completion is Completion.YES:
        head = f"You did it: \u201c{title}\u201d, {spent}. Small, but you followed through."
    elif practice.completion is Completion.PARTLY:
        head = f"You showed up for \u201c{title}\u201d and did part of it ({spent}). Partly counts."
    elif practice.completion is None:  # not rated: say what is known, nothing more
        head = f"You recorded \u201c{title}\u201d ({spent}). Thank you for showing up."
    else:
        head = (
            f"Not this time for \u201c{title}\u201d, and that's data for next time, not a verdict. "
            "You still came back to record it."
        )
    lines = [head]
    changes = [
        c
        for c in (
            _change("Confidence", practice.confidence_before, practice.confidence_after),
            _change("Mood", practice.mood_before, practice.mood_after),
        )
        if c
    ]
    if changes:
        lines.append(" · ".join(changes))
    if compared := predicted_vs_felt(expected, practice.difficulty):
        lines.append(compared)
    if practice.reflection:
        lines.append(f"What you learned: {practice.reflection}")
    if practice.completion is Completion.YES:
        lines.append("Take a moment to register it: this is what a mastery experience feels like.")
    return lines


SMALLER_MIN_MINUTES = 2  # a smaller version is still a real step ...
SMALLER_MIN_DIFFICULTY = 10  # ... and a little challenging: too easy gives no sense of mastery


_JUST = re.compile(r"\s*\(just \d+ min\)$")


def base_title(title: str) -> str:
    """A title without the "(just 2 min)" a smaller version added: smaller again never nests."""
    return _JUST.sub("", title).strip() or title


def smaller_version(
    task_title: str, minutes: int, difficulty: int | None, *, floor: int = SMALLER_MIN_DIFFICULTY
) -> dict[str, object]:
    """A gentler task for next time (SKILL.md, care rules): half the minutes (at least
    ``SMALLER_MIN_MINUTES``), and the task's own estimate minus 20, not below ``floor``: never
    more minutes, nor harder, than the task. ``difficulty`` is the task's estimate, not how
    hard it felt: a walk estimated at 20 that felt 90 becomes a smaller walk at 10, not 70."""
    base = difficulty if difficulty is not None else 40
    smaller_minutes = min(minutes, max(SMALLER_MIN_MINUTES, minutes // 2))
    suffix = f" (just {smaller_minutes} min)"
    room = 120 - len(suffix)
    plain = base_title(task_title)
    head = plain if len(plain) <= room else plain[: room - 1].rstrip() + "…"
    title = head + suffix
    return {
        "title": title,
        "minutes": smaller_minutes,
        "difficulty": min(base, max(min(floor, base), base - 20)),
    }


def smaller_task(task: Task | None, practice: Practice | None = None, *, now: datetime) -> Task | None:
    """A new Task, prefilled as the smaller version, in the same area (None for quick tasks).
    It may be no smaller than the task (one already minimal): ``smaller_for`` decides."""
    if task is None:
        return None
    # Sized from the task, never from how hard it felt (a felt 90 on a task estimated at 20
    # must not make a "smaller" task at 70); a task set easier than the floor keeps its level.
    fields = smaller_version(
        task.title,
        task.minutes,
        task.difficulty,
        floor=min(SMALLER_MIN_DIFFICULTY, task.difficulty),
    )
    return Task.new(
        now=now,
        title=fields["title"],
        area_id=task.area_id,
        minutes=fields["minutes"],
        difficulty=fields["difficulty"],
        # smaller than a task you could do on a bad day: so is this; else only you can say
        bad_day_ok=True if task.bad_day_ok else None,
        plan=task.plan,
        order=task.order + 1,
    )


# -- "smaller": one rule for the offer after a practice and for the coach ---------------------

TOO_BIG = ADJUSTMENT_QUESTIONS[0]  # "Was the task too big for today's energy?", ticked after it
HARD_FELT = 80  # felt this hard or harder: a smaller version may fit better


def wants_smaller(practice: Practice) -> bool:
    """After partly / not this time, a felt difficulty of ``HARD_FELT`` or more, or a ticked
    "too big" (SKILL.md, care rules): "smaller" is the answer, never "keep it as it is"."""
    return (
        practice.completion in (Completion.PARTLY, Completion.NO)
        or (practice.difficulty is not None and practice.difficulty >= HARD_FELT)
        or TOO_BIG in practice.note
    )


def _q(title: str) -> str:
    return f"\u201c{title}\u201d"


@dataclasses.dataclass(frozen=True)
class Smaller:
    """What "smaller" has for ``task``: a new, truly smaller version to add (``new``), or the
    smaller version kept last time (``kept``, already one of the tasks), or neither: the task
    is already as small as a task gets, and nothing is offered (never an identical copy)."""

    task: Task
    new: Task | None = None
    kept: Task | None = None

    @property
    def target(self) -> Task | None:
        return self.new or self.kept

    @property
    def words(self) -> str:
        """The one sentence the after-practice screen and the coach both show."""
        task = self.task
        if self.new is not None:
            new = self.new
            return (
                f"A smaller version for next time: {_q(new.title)}, {new.minutes} min, difficulty "
                f"{new.difficulty} (instead of {task.minutes} min, difficulty {task.difficulty})."
            )
        if self.kept is not None:
            kept = self.kept
            return (
                f"The smaller version kept last time is already one of your tasks: "
                f"{_q(kept.title)}, {kept.minutes} min, difficulty {kept.difficulty}."
            )
        return (
            f"{_q(task.title)} is already about as small as a task gets, so there is no smaller "
            "version to offer. Next time, just starting it counts."
        )


def _truly_smaller(small: Task, task: Task) -> bool:
    """No more minutes and no harder than ``task``, and less of at least one."""
    return (
        small.minutes <= task.minutes
        and small.difficulty <= task.difficulty
        and (small.minutes, small.difficulty) != (task.minutes, task.difficulty)
    )


def smaller_for(task: Task, tasks: Iterable[Task], *, now: datetime) -> Smaller:
    """The one "smaller" rule (SKILL.md, care rules): half the minutes (at least 2), the task's
    own difficulty minus 20 (floor 10), never above the original, never a duplicate. The new
    version has no plan of its own: "use it instead" gives it the original's."""
    offer = smaller_task(task, now=now)
    if offer is None or not _truly_smaller(offer, task):
        return Smaller(task)
    twin = twin_of(offer, (t for t in tasks if t.id != task.id and not t.archived))
    if twin is not None:
        return Smaller(task, kept=twin if _truly_smaller(twin, task) else None)
    return Smaller(task, new=dataclasses.replace(offer, plan=Plan()))


def timer_caption(remaining: float) -> str:
    if remaining > 0:
        return f"{format_clock(remaining)} left"
    return f"Time's up. Overtime {format_clock(remaining)}: keep going or press f to finish."


def smaller_records(
    original: Task,
    offer: Task,
    *,
    instead: bool,
    now: datetime,
    weeks: Iterable[WeekPlan] = (),
) -> list[Task | WeekPlan]:
    """What choosing the smaller version saves, in one write. Instead: it takes the original's
    plan, the original is archived, and the days of a 7-day plan still to come that held the
    original hold it now (``weeks``: the plans to look through). Both: it is added without a
    plan, so the day isn't booked twice."""
    if instead:
        moved = move_days(weeks, original.id, offer.id, now.date(), now=now)
        return [
            dataclasses.replace(offer, plan=original.plan),
            original.edit(now=now, archived=True, plan=Plan()),
            *moved,
        ]
    return [dataclasses.replace(offer, plan=Plan())]


def twin_of(offer: Task, tasks: Iterable[Task]) -> Task | None:
    """A task already in the offer's area under the same title (case aside): the smaller
    version kept last time. Offering it again would make two identical tasks."""
    title = offer.title.casefold()
    return next(
        (t for t in tasks if t.area_id == offer.area_id and t.title.casefold() == title), None
    )
