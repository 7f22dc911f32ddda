"""Demo data: believable tasks and a five-week practice history, for screenshots and for
trying the app without touching your own data (``mastery demo``).

Written through the Store like any other data, into a folder that is not the user's own.
The history is generated from a fixed seed, relative to the clock's "today", so screenshots
and snapshots are stable.
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
from datetime import datetime, time, timedelta
from pathlib import Path

from .domain.clock import Clock, utc_iso
from .domain.models import (
    Completion,
    Note,
    Obstacle,
    Plan,
    Practice,
    Review,
    Task,
    WeekPlan,
    default_area_id,
)
from .store import Store

DEMO_TASKS: tuple[tuple[str, str, int, int, Plan], ...] = (
    ("studying", "Review one page of notes", 10, 30, Plan(days=(0, 2, 4), time="19:30")),
    ("studying", "15-minute study session, phone in another room", 15, 45, Plan()),
    ("work", "Reply to one email I've been avoiding", 10, 55, Plan(days=(1, 3))),
    ("creative", "Draw for 10 minutes", 10, 25, Plan()),
    ("daily", "Wash one set of dishes", 5, 15, Plan()),
    ("daily", "Walk 5 minutes around the block", 5, 20, Plan(days=(5, 6), time="10:00")),
    ("social", "Say hi to one colleague", 2, 40, Plan()),
)

HISTORY_WEEKS = 5
SEED = 20261123

REFLECTIONS: dict[Completion, tuple[str, ...]] = {
    Completion.YES: (
        "I did it even though I didn't feel like starting.",
        "Starting was the hardest part; after two minutes it was fine.",
        "Small, but I followed through.",
        "I proved to myself I can do it on a tired day.",
        "It took less time than the dread did.",
        "I noticed the 'it won't matter' thought and did it anyway.",
        "Felt a little proud afterwards.",
        "Easier than last week.",
        "",
    ),
    Completion.PARTLY: (
        "Half of it still counts.",
        "Too big for today's energy; next time a smaller step.",
        "I got started, which is the part I usually skip.",
        "Perfectionism slowed me down; good enough is enough.",
        "",
    ),
    Completion.NO: (
        "Data for next time: evenings after work are too late.",
        "Not this time. I'll make it smaller tomorrow.",
        "I was exhausted; resting was the right call.",
        "",
    ),
}

OBSTACLES_WHEN_HARD = (
    (Obstacle.FATIGUE,),
    (Obstacle.TIME,),
    (Obstacle.PERFECTIONISM,),
    (Obstacle.FATIGUE, Obstacle.ENVIRONMENT),
    (Obstacle.FEAR,),
)


def seed_demo(store: Store, clock: Clock) -> list[Task]:
    """Add the demo tasks and mark the safety note as read (a demo is not a first run)."""
    now = clock.now()
    tasks = [
        Task.new(
            now=now - timedelta(days=7 * HISTORY_WEEKS + 1),
            title=title,
            area_id=default_area_id(area),
            minutes=minutes,
            difficulty=difficulty,
            bad_day_ok=difficulty <= 50,
            plan=plan,
            order=index,
        )
        for index, (area, title, minutes, difficulty, plan) in enumerate(DEMO_TASKS)
    ]
    store.save(*tasks)
    store.set_setting("safety_seen", True)
    return tasks


def seed_demo_history(
    store: Store, clock: Clock, *, weeks: int = HISTORY_WEEKS, plans: bool = True
) -> list[Practice]:
    """The demo tasks plus ``weeks`` weeks of practices ending yesterday: most days practised,
    some twice, mostly done, some partly or not this time, confidence slowly rising. With
    ``plans``, also a reviewed 7-day plan, the one running now, and two notes."""
    tasks = seed_demo(store, clock)
    practices = demo_practices(tasks, clock.now(), weeks=weeks)
    store.save_practices(practices)
    if plans:
        store.save(*demo_weeks_and_notes(tasks, clock.now()))
    return practices


def demo_weeks_and_notes(tasks: list[Task], now: datetime) -> list[WeekPlan | Review | Note]:
    """A reviewed 7-day plan, the plan running now (Day 3, carrying the review's adjustment)
    and two notes, so the week strip, the review and the notes have something to show."""
    today = now.date()
    studying = default_area_id("studying")
    notes_task = next(t for t in tasks if t.area_id == studying)
    adjustment = "Study before dinner, not after; on tired days one page is enough."
    last = WeekPlan.new(
        now=now - timedelta(days=10),
        start=(today - timedelta(days=9)).isoformat(),
        area_id=studying,
        assignments=((1, notes_task.id), (3, notes_task.id)),
    )
    review = Review.new(
        now=now - timedelta(days=2, hours=3),
        week_id=last.id,
        strongest="Short, fixed-time tasks: reviewing one page at 19:30 felt like a real win.",
        obstacles=(Obstacle.FATIGUE, Obstacle.TIME),
        obstacles_text="Late evenings after work.",
        adjustments=adjustment,
    )
    current = WeekPlan.new(
        now=now - timedelta(days=2, hours=2),
        start=(today - timedelta(days=2)).isoformat(),
        area_id=studying,
        assignments=((3, notes_task.id), (5, notes_task.id)),
        note=adjustment,
    )
    notes = [
        Note.new(
            now=now - timedelta(days=12, hours=2),
            text="Noticed that the hardest part is the first two minutes. After that it is just a task.",
        ),
        Note.new(
            now=now - timedelta(days=3, hours=1),
            text="Partly still counts. I keep forgetting that on Thursdays.\n"
            "Bring this to group: how to size tasks on low-energy days.",
        ),
    ]
    return [last, review, current, *notes]


def demo_practices(tasks: list[Task], now: datetime, *, weeks: int = HISTORY_WEEKS) -> list[Practice]:
    """A deterministic history for ``tasks``, in the zone of ``now``, oldest first."""
    rng = random.Random(SEED)
    tz = now.tzinfo
    first = now.date() - timedelta(days=7 * weeks)
    total_days = 7 * weeks
    practices: list[Practice] = []
    for offset in range(total_days):
        day = first + timedelta(days=offset)
        progress = offset / max(total_days - 1, 1)  # 0 at the start, 1 yesterday
        if rng.random() > 0.72 + 0.12 * progress:
            continue  # a day without practice: information, not a gap to shame
        planned = [t for t in tasks if day.weekday() in t.plan.days]
        for slot in range(2 if rng.random() < 0.15 else 1):
            task = planned[0] if planned and slot == 0 and rng.random() < 0.7 else rng.choice(tasks)
            hour = 10 if day.weekday() >= 5 else 18
            start = datetime.combine(day, time(hour, 0), tz) + timedelta(
                minutes=rng.randrange(0, 180) + 90 * slot
            )
            practices.append(_practice(rng, task, start, progress))
    return practices


def _practice(rng: random.Random, task: Task, start: datetime, progress: float) -> Practice:
    mood_before = _clamp(rng.gauss(42 + 14 * progress, 11))
    confidence_before = _clamp(rng.gauss(34 + 22 * progress, 8))
    low_day = mood_before < 32
    roll = rng.random()
    if roll < (0.55 if low_day else 0.74):
        completion = Completion.YES
    elif roll < (0.8 if low_day else 0.91):
        completion = Completion.PARTLY
    else:
        completion = Completion.NO
    lift = {
        Completion.YES: rng.randint(6, 20),
        Completion.PARTLY: rng.randint(0, 10),
        Completion.NO: rng.randint(-6, 2),
    }[completion]
    share = {Completion.YES: rng.uniform(0.9, 1.3), Completion.PARTLY: rng.uniform(0.3, 0.7)}.get(
        completion, rng.uniform(0.0, 0.15)
    )
    seconds = int(task.minutes * 60 * share)
    felt = _clamp(rng.gauss(task.difficulty - 12 * progress + (12 if completion is not Completion.YES else 0), 9))
    return Practice.new(
        now=start + timedelta(seconds=seconds + 60),
        task_id=task.id,
        task_title=task.title,
        area_id=task.area_id,
        started=utc_iso(start),
        ended=utc_iso(start + timedelta(seconds=seconds)),
        planned_minutes=task.minutes,
        seconds_spent=seconds,
        mood_before=mood_before,
        confidence_before=confidence_before,
        mood_after=_clamp(mood_before + lift // 2 + rng.randint(-3, 6)),
        confidence_after=_clamp(confidence_before + lift),
        difficulty=felt,
        completion=completion,
        obstacles=rng.choice(OBSTACLES_WHEN_HARD) if completion is not Completion.YES else (),
        reflection=rng.choice(REFLECTIONS[completion]),
    )


def _clamp(value: float) -> int:
    return max(0, min(100, round(value)))


def run_demo(*, on_done: str | None = None, ascii_only: bool = False) -> None:
    """``mastery demo``: the app on a fresh demo history in a temporary folder, removed after."""
    from .domain.clock import SystemClock

    folder = Path(tempfile.mkdtemp(prefix="mastery-demo-"))
    try:
        clock = SystemClock()
        store = Store.open(folder, clock)
        seed_demo_history(store, clock)
        from .__main__ import app_services
        from .app import run_app  # Textual only now

        run_app(app_services(store, clock, on_done=on_done, demo=True, ascii_only=ascii_only))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    sys.stdout.write("mastery: the demo folder was removed; your own data was never touched.\n")
