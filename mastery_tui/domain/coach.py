"""The coach: "just a bit harder" (principle 3), or smaller when a task has been too big.

It reads the recent worksheet log and suggests one change, with one kind sentence saying
why. The user accepts it (the task is edited or created), picks another, or lets it go.
Every suggestion it can make today comes from ``suggestions``, in this priority order; the
first is the suggestion, the rest are the alternatives:

1. **A rough day.** Mood today (``mood_now``, else the mood before today's latest practice
   whose mood was rated) at or below ``LOW_MOOD`` -> the smallest bad-day task (lowest
   difficulty, then fewest minutes; ``care.smallest_step``). Kindness first: on a hard day any evidence that you can
   act is the point. A mood that was not rated is not low.
2. **Too big for now.** A task's latest practice was partly or not this time, felt
   ``HARD_FELT`` or harder, or had "too big" ticked (``reflect.wants_smaller``, the same rule
   as the offer after a practice) -> its smaller version (``reflect.smaller_for``, the same
   rule and words as that offer), then the next gentler task in its area. A task already as
   small as a task gets has no smaller version: for the task practised last, the coach says
   so gently (as the offer does), never "keep it as it is".
3. **Ready for a bit more.** A task's last ``EASY_RUN`` practices were all done with felt
   difficulty at or below ``EASY_FELT``, in a steady run (``care.steady_run``: within the last
   ~10 days, no gap over 4) -> about a fifth more minutes (``harder_minutes``, up to
   ``MINUTES_MAX``), then the next task up in its area (at most ``NEXT_STEP_MAX`` harder).
   The same by area: the last ``EASY_RUN`` practices in an area all easy -> the next task up.
   Never while the care rules hold (``care.harder_allowed``): very low mood lately, a gap
   of 5 or more days, or a partly / not this time as the latest practice.
4. **Nothing to change.** The most recently practised task (at any size): keep going as it
   is (only when nothing else applies, and never right after it was too big). After a gap of
   ``care.GAP_DAYS`` or more: welcome back, the same size or smaller, no word on the gap.

A practice whose completion was not rated is neither done nor partly / not this time, and a
felt difficulty that was not rated is neither easy nor hard: such a practice counts toward
no run, so inside the last ``HARD_RUN`` or ``EASY_RUN`` practices it ends that run.

Within rules 2 and 3 the most recently practised task comes first. Only practices from the
last ``RECENT_DAYS`` days count, and only those at the task's current size (planned minutes
equal to its minutes), so a change the user accepted starts a fresh count. Suggesting another
existing task means planning it for today (today's weekday is added to its plan days).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from enum import StrEnum

from . import care
from .history import local_day
from .models import MINUTES_MAX, Area, Completion, Practice, Task
from .plan import DAY_NAMES, is_planned_on, short_plan
from .reflect import HARD_FELT, TOO_BIG, smaller_for, wants_smaller
from .sizing import harder_minutes, more_words

RECENT_DAYS = 28
LOW_MOOD = 30
HARD_RUN = 2
EASY_RUN = 3
EASY_FELT = 30
NEXT_STEP_MAX = 25
MAX_SUGGESTIONS = 6


class Kind(StrEnum):
    HARDER = "harder"
    SMALLER = "smaller"
    EASIER = "easier"
    SMALLEST = "smallest"
    SMALL_ENOUGH = "small enough"  # too big that day, and already as small as a task gets
    KEEP = "keep"


HEADINGS: dict[Kind, str] = {
    Kind.HARDER: "Just a bit harder?",
    Kind.SMALLER: "A smaller version?",
    Kind.EASIER: "A gentler task?",
    Kind.SMALLEST: "The smallest step",
    Kind.SMALL_ENOUGH: "Small is enough",
    Kind.KEEP: "Keep going",
}


@dataclasses.dataclass(frozen=True)
class Suggestion:
    """One proposed change and why.

    ``task`` is what the suggestion is about (the task practised); ``target`` is what to do
    next: the same task changed, a new task, or another existing one. ``change`` is the record
    to save on accept (None: nothing to save).
    """

    kind: Kind
    task: Task
    target: Task
    change: Task | None
    why: str
    accept_text: str
    done_text: str
    detail: str = ""  # the proposal in a few words: what would change

    @property
    def heading(self) -> str:
        return HEADINGS[self.kind]

    @property
    def key(self) -> tuple[str, str, int]:
        """Two suggestions with the same key propose the same thing: the same task (by area
        and title) at the same size. Not by id: a new task (a smaller version) gets a fresh
        id each time suggestions are read, and Home and the coach read them separately."""
        return (self.target.area_id, self.target.title.casefold(), self.target.minutes)


def suggestions(
    tasks: Sequence[Task],
    practices: Iterable[Practice],
    *,
    now: datetime,
    mood_now: int | None = None,
    areas: Sequence[Area] = (),
) -> list[Suggestion]:
    """Every suggestion for today, best first (see the module docstring for the order)."""
    live = [t for t in tasks if not t.archived]
    by_id = {t.id: t for t in live}
    today = now.date()
    tz = now.tzinfo
    since = today - timedelta(days=RECENT_DAYS - 1)
    log = sorted(practices, key=lambda p: p.started, reverse=True)
    recent = [p for p in log if local_day(p, tz) >= since]
    names = {a.id: a.name for a in areas}
    coach = _Coach(live, today, now, names)

    found: list[Suggestion] = []
    mood = mood_now if mood_now is not None else _mood_today(log, today, now)
    if mood is not None and mood <= LOW_MOOD:
        found += coach.smallest(mood)
    histories = _histories(recent, by_id)
    for index, (task, history) in enumerate(histories):
        found += coach.too_big(task, history, latest=index == 0)
    if (mood is None or mood > LOW_MOOD) and care.harder_allowed(log, today, tz):
        for task, history in histories:
            found += coach.ready_for_more(task, history)
        found += coach.areas_ready(recent, by_id)
    unique = _unique(found)
    last = next((p for p in recent if p.task_id in by_id), None)
    if not unique and last is not None and not wants_smaller(last):  # never right after too big
        gap = (today - local_day(log[0], tz)).days >= care.GAP_DAYS  # since any practice
        unique = [coach.keep(by_id[last.task_id or ""], after_gap=gap)]
    return unique[:MAX_SUGGESTIONS]


def suggest(
    tasks: Sequence[Task],
    practices: Iterable[Practice],
    *,
    now: datetime,
    mood_now: int | None = None,
    areas: Sequence[Area] = (),
) -> Suggestion | None:
    """The one suggestion to show first, or None when there is nothing to go on yet."""
    found = suggestions(tasks, practices, now=now, mood_now=mood_now, areas=areas)
    return found[0] if found else None


def alternatives(current: Suggestion, found: Sequence[Suggestion]) -> list[Suggestion]:
    """The other suggestions, in order, starting after ``current`` and wrapping around."""
    keys = [s.key for s in found]
    start = keys.index(current.key) + 1 if current.key in keys else 0
    ordered = [*found[start:], *found[:start]]
    return [s for s in ordered if s.key != current.key]


def plan_for_today(task: Task, today: date, *, now: datetime) -> Task | None:
    """The task with today's weekday added to its plan days; None if already planned today."""
    if is_planned_on(task.plan, today):
        return None
    days = tuple(sorted({*task.plan.days, today.weekday()}))
    return task.edit(now=now, plan=dataclasses.replace(task.plan, days=days))


# -- reading the log -------------------------------------------------------------------------


def _mood_today(log: Sequence[Practice], today: date, now: datetime) -> int | None:
    """The mood before today's latest practice whose mood was rated (``log`` newest first);
    None when no mood was given today."""
    for practice in log:
        if local_day(practice, now.tzinfo) == today and practice.mood_before is not None:
            return practice.mood_before
    return None


def _histories(recent: Sequence[Practice], by_id: dict[str, Task]) -> list[tuple[Task, list[Practice]]]:
    """Each live task's recent practices at its current size, newest first; the most
    recently practised task first."""
    found: dict[str, list[Practice]] = {}
    for practice in recent:
        task = by_id.get(practice.task_id or "")
        if task is not None and practice.planned_minutes == task.minutes:
            found.setdefault(task.id, []).append(practice)
    return [(by_id[task_id], history) for task_id, history in found.items()]


def _is_hard(practice: Practice) -> bool:
    """Partly or not this time; a completion that was not rated is not hard."""
    return practice.completion in (Completion.PARTLY, Completion.NO)


def _is_easy(practice: Practice) -> bool:
    """Done and felt easy; a completion or felt difficulty that was not rated is not easy."""
    return (
        practice.completion is Completion.YES
        and practice.difficulty is not None
        and practice.difficulty <= EASY_FELT
    )


def _unique(found: Iterable[Suggestion]) -> list[Suggestion]:
    """Each proposal once, where it first comes."""
    first: dict[tuple[str, str, int], Suggestion] = {}
    for suggestion in found:
        first.setdefault(suggestion.key, suggestion)
    return list(first.values())


def _q(title: str) -> str:
    return f"\u201c{title}\u201d"


def _size(task: Task) -> str:
    return f"{_q(task.title)}, {task.minutes} min, difficulty {task.difficulty}"


# -- the rules ---------------------------------------------------------------------------------


class _Coach:
    """The rules, sharing the live tasks, today and the area names."""

    def __init__(self, tasks: list[Task], today: date, now: datetime, names: dict[str, str]) -> None:
        self.tasks = tasks
        self.today = today
        self.now = now
        self.names = names

    def _area(self, area_id: str) -> str:
        return self.names.get(area_id, "the same life area")

    def _other(self, kind: Kind, about: Task, target: Task, why: str, *, detail: str = "") -> Suggestion:
        """Do another existing task next: plan it for today."""
        change = plan_for_today(target, self.today, now=self.now)
        day = DAY_NAMES[self.today.weekday()]
        if change is None:
            shown = f"{detail} Already planned today." if detail else f"{_size(target)} · already planned today"
            return Suggestion(
                kind, about, target, None, why, "Sounds good",
                f"{_q(target.title)} is already planned for today.", shown,
            )
        planned = f"plan becomes {short_plan(change.plan)}"
        return Suggestion(
            kind, about, target, change, why, "Plan it for today",
            f"Added {day} to the plan of {_q(target.title)}, so it shows under today.",
            f"{detail} Its {planned}." if detail else f"{_size(target)} · {planned}",
        )

    def smallest(self, mood: int) -> list[Suggestion]:
        task = care.smallest_step(self.tasks, None)
        if task is None:
            return []
        why = (
            f"Your mood is low today ({mood}), so the smallest step is plenty: "
            f"{_q(task.title)} still counts."
        )
        return [self._other(Kind.SMALLEST, task, task, why)]

    def too_big(self, task: Task, history: list[Practice], *, latest: bool = False) -> list[Suggestion]:
        """After the task was too big (``reflect.wants_smaller``): its smaller version, then a
        gentler task. ``latest``: the task practised last; when it has neither, a gentle word
        (the same as the offer after the practice), never "keep it as it is"."""
        last = history[0]
        if not wants_smaller(last):
            return []
        run = history[:HARD_RUN]
        if len(run) == HARD_RUN and all(_is_hard(p) for p in run):
            reason = (
                f"{_q(task.title)} was partly done or not this time the last {HARD_RUN} times, "
                "which is data for next time, not a verdict"
            )
        elif last.difficulty is not None and last.difficulty >= HARD_FELT:
            reason = f"{_q(task.title)} felt very hard last time ({last.difficulty})"
        elif TOO_BIG in last.note:
            reason = f"You said {_q(task.title)} was too big for that day's energy"
        else:  # partly or not this time: the same rule as the offer after the practice
            reason = (
                f"{_q(task.title)} was partly done or not this time last time, which is data "
                "for next time, not a verdict"
            )
        found: list[Suggestion] = []
        smaller = smaller_for(task, self.tasks, now=self.now)
        why = f"{reason}, so a smaller version may fit your energy better."
        if smaller.kept is not None:
            found.append(self._other(Kind.SMALLER, task, smaller.kept, why, detail=smaller.words))
        elif smaller.new is not None:  # added beside the task, as "keep both" after a practice
            new = smaller.new
            found.append(
                Suggestion(
                    Kind.SMALLER, task, new, new, why, "Keep both",
                    f"Added {_q(new.title)} beside {_q(task.title)}.", smaller.words,
                )
            )
        easier = [  # gentler: easier, no longer, and doable on a bad day (care rules)
            t for t in self.tasks
            if t.area_id == task.area_id and t.id != task.id and t.difficulty < task.difficulty
            and t.minutes <= task.minutes and t.bad_day_ok
        ]
        if easier:
            other = max(easier, key=lambda t: (t.difficulty, -t.minutes, -t.order))
            why = f"{reason}, so {_q(other.title)} may fit better for now: a gentler step still counts."
            found.append(self._other(Kind.EASIER, task, other, why))
        if not found and latest:  # the after-practice screen's own words, nothing added
            why = smaller.words
            found.append(
                Suggestion(
                    Kind.SMALL_ENOUGH, task, task, None, why, "Sounds good",
                    "Nothing changed: small is enough.", "",
                )
            )
        return found

    def _next_up(self, area_id: str, difficulty: int, exclude: set[str]) -> Task | None:
        harder = [
            t for t in self.tasks
            if t.area_id == area_id
            and t.id not in exclude
            and difficulty < t.difficulty <= difficulty + NEXT_STEP_MAX
        ]
        return min(harder, key=lambda t: (t.difficulty, t.minutes, t.order), default=None)

    def _steady(self, run: Sequence[Practice]) -> bool:
        return care.steady_run([local_day(p, self.now.tzinfo) for p in run], self.today)

    def ready_for_more(self, task: Task, history: list[Practice]) -> list[Suggestion]:
        run = history[:EASY_RUN]
        if len(run) < EASY_RUN or not all(_is_easy(p) for p in run) or not self._steady(run):
            return []
        reason = f"You've done {_q(task.title)} the last {EASY_RUN} times and it felt easy"
        found: list[Suggestion] = []
        if task.minutes < MINUTES_MAX:
            minutes = harder_minutes(task.minutes)
            change = task.edit(now=self.now, minutes=minutes)
            why = (
                f"{reason}, so you may be ready for a little more: {minutes} minutes instead of "
                f"{task.minutes}, {more_words(task.minutes, minutes)}."
            )
            found.append(
                Suggestion(
                    Kind.HARDER, task, change, change, why, f"Make it {minutes} min",
                    f"{_q(task.title)} is now {minutes} minutes.",
                    f"{_q(task.title)}: {task.minutes} → {minutes} minutes",
                )
            )
        other = self._next_up(task.area_id, task.difficulty, {task.id})
        if other is not None:
            why = f"{reason}, so {_q(other.title)} could be your next small step up."
            found.append(self._other(Kind.HARDER, task, other, why))
        return found

    def areas_ready(self, recent: Sequence[Practice], by_id: dict[str, Task]) -> list[Suggestion]:
        """The last EASY_RUN practices in an area all done and easy -> its next task up."""
        runs: dict[str, list[tuple[Task, Practice]]] = {}
        for practice in recent:
            task = by_id.get(practice.task_id or "")
            if task is not None and practice.planned_minutes == task.minutes:
                runs.setdefault(task.area_id, []).append((task, practice))
        found: list[Suggestion] = []
        for area_id, pairs in runs.items():
            run = pairs[:EASY_RUN]
            if len(run) < EASY_RUN or not all(_is_easy(p) for _, p in run):
                continue
            if not self._steady([p for _, p in run]):
                continue
            practised = {t.id for t, _ in run}
            other = self._next_up(area_id, max(t.difficulty for t, _ in run), practised)
            if other is not None:
                why = (
                    f"Your last {EASY_RUN} practices in {self._area(area_id)} felt easy, "
                    f"so {_q(other.title)} could be your next small step up."
                )
                found.append(self._other(Kind.HARDER, run[0][0], other, why))
        return found

    def keep(self, task: Task, *, after_gap: bool = False) -> Suggestion:
        """After a gap: welcome back, without a word about the gap or a verdict on the size."""
        why = (
            f"Welcome back. {_q(task.title)} is here at the size you left it, and smaller is fine too."
            if after_gap
            else f"{_q(task.title)} seems a good size for you right now, so keep practising it as it is."
        )
        return Suggestion(
            Kind.KEEP, task, task, None, why, "Keep it", f"Keeping {_q(task.title)} as it is.",
            _size(task),
        )
