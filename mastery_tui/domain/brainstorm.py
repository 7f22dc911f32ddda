"""Brainstorming tiny tasks (day 0 of the skill): the 5–10 target, ordering, splitting, areas.

Every function returns new records for the Store to save; nothing here saves anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from .errors import ValidationError
from .models import AREA_NAME_MAX, MINUTES_MAX, Area, Task
from .text import clean_text

TARGET_LOW = 5
TARGET_HIGH = 10
SPLIT_MIN = 2
SPLIT_MAX = 5
SPLIT_EASIER_BY = 20


def idea_count_text(count: int, *, not_yet: int = 0, unsaid: int = 0) -> str:
    """The list against the 5–10 target, in words that encourage and never scold. ``count``:
    the ideas that pass the bad-day question (only those count, SKILL.md step 2);
    ``not_yet``: the ones answered "not really", named apart with a way to make them fit;
    ``unsaid``: the ones whose answer isn't said yet (``mastery add`` without ``--bad-day``)."""
    if unsaid:
        wait = "1 waits" if unsaid == 1 else f"{unsaid} wait"
        return f"{idea_count_text(count, not_yet=not_yet)} · {wait} for your bad-day answer (e)"
    if not_yet:
        more = "1 more needs" if not_yet == 1 else f"{not_yet} more need"
        return f"{idea_count_text(count)} · {more} a bad-day version (s splits)"
    ideas = "idea" if count == 1 else "ideas"
    if count == 0:
        return f"No ideas yet — aim for {TARGET_LOW} to {TARGET_HIGH} tiny ones"
    if count < TARGET_LOW:  # a start, not a shortfall
        return f"{count} {ideas} so far — more whenever they come"
    if count <= TARGET_HIGH:
        return f"{count} {ideas} — a good list"
    return f"{count} {ideas} — plenty to choose from"


def parse_minutes(text: str) -> int:
    """Minutes typed in a form -> int 1–180, or a ValidationError a person can act on."""
    message = f"Minutes must be a whole number from 1 to {MINUTES_MAX}."
    try:
        minutes = int(text.strip())
    except ValueError:
        raise ValidationError("minutes", message) from None
    if not 1 <= minutes <= MINUTES_MAX:
        raise ValidationError("minutes", message)
    return minutes


def next_order(records: Sequence[Task] | Sequence[Area]) -> int:
    """An order value that puts a new record after all of ``records``."""
    return max((r.order for r in records), default=-1) + 1


def renumber(tasks: Sequence[Task], *, now: datetime) -> list[Task]:
    """Give ``tasks`` the orders 0, 1, 2… in the sequence given; return only those that changed."""
    return [t.edit(now=now, order=i) for i, t in enumerate(tasks) if t.order != i]


def move_task(tasks: Sequence[Task], task_id: str, delta: int, *, now: datetime) -> list[Task]:
    """Move one task up (-1) or down (+1) in ``tasks`` (the list as shown); the records to save.

    At the top or bottom nothing moves and nothing is returned.
    """
    ids = [t.id for t in tasks]
    if task_id not in ids:
        return []
    index = ids.index(task_id)
    target = index + delta
    if not 0 <= target < len(tasks) or delta == 0:
        return []
    ordered = list(tasks)
    ordered.insert(target, ordered.pop(index))
    return renumber(ordered, now=now)


def split_task(
    task: Task,
    step_titles: Sequence[str],
    *,
    siblings: Sequence[Task],
    now: datetime,
    bad_day_ok: bool | None = None,
) -> list[Task]:
    """Break ``task`` into 2–5 smaller steps in the same area; the original is archived.

    Each step gets a share of the minutes, an easier difficulty, the same plan and the bad-day
    answer given for the steps (None: not said: never the original's), and takes
    the original's place in the list (``siblings`` is the area's list as shown, including the
    task). Returns every record to save, the archived original first, in one list so the
    Store can write them atomically.
    """
    titles = [t for t in (s.strip() for s in step_titles) if t]
    if not SPLIT_MIN <= len(titles) <= SPLIT_MAX:
        raise ValidationError(
            "steps", f"Write {SPLIT_MIN} to {SPLIT_MAX} steps (you have {len(titles)})."
        )
    minutes = max(1, round(task.minutes / len(titles)))
    steps = [
        Task.new(
            now=now,
            title=title,
            area_id=task.area_id,
            minutes=minutes,
            difficulty=max(0, task.difficulty - SPLIT_EASIER_BY),
            bad_day_ok=bad_day_ok,  # the person's answer for the steps; None: not said
            plan=task.plan,
        )
        for title in titles
    ]
    ordered: list[Task] = []
    for sibling in siblings:
        if sibling.id == task.id:
            ordered.extend(steps)
        else:
            ordered.append(sibling)
    if task.id not in {s.id for s in siblings}:
        ordered.extend(steps)
    moved = {t.id: t for t in renumber(ordered, now=now)}
    step_ids = {s.id for s in steps}
    # renumber() leaves out a record whose order didn't change; a new step must be saved anyway.
    placed = [moved.get(t.id, t) for t in ordered if t.id in step_ids or t.id in moved]
    archived = task.edit(now=now, archived=True)
    return [archived, *placed]


def check_area_name(name: str, areas: Sequence[Area], *, keep_id: str | None = None) -> str:
    """A cleaned area name that no other area already uses; ValidationError otherwise."""
    cleaned = clean_text(name, field="name", label="Area name", min_len=1, max_len=AREA_NAME_MAX)
    for area in areas:
        if area.id != keep_id and area.name.casefold() == cleaned.casefold():
            raise ValidationError("name", f"You already have a life area called “{area.name}”.")
    return cleaned


def new_area(name: str, areas: Sequence[Area], *, now: datetime) -> Area:
    """A new life area after all the others."""
    return Area.new(now=now, name=check_area_name(name, areas), order=next_order(areas))


def rename_area(area: Area, name: str, areas: Sequence[Area], *, now: datetime) -> Area:
    return area.edit(now=now, name=check_area_name(name, areas, keep_id=area.id))
