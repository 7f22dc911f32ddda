"""Demo data: a believable set of tasks for screenshots and for trying the app safely.

Written through the Store like any other data, into a folder that is not the user's own.
"""

from __future__ import annotations

from .domain.clock import Clock
from .domain.models import Plan, Task, default_area_id
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


def seed_demo(store: Store, clock: Clock) -> None:
    """Add the demo tasks and mark the safety note as read (a demo is not a first run)."""
    now = clock.now()
    tasks = [
        Task.new(
            now=now,
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
