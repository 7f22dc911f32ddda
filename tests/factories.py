"""Records for tests, made with the real constructors (``Task.new``, ``Practice.new``, ...), so
a record a test makes is one the app could have made: it validates and cleans itself.

Every factory builds; given ``store=`` it also saves there (and takes "now" from the store's
clock). Nothing is rated unless a test says so: ``mood=(before, after)`` and
``confidence=(before, after)``, ``difficulty=``, ``completion=``, as the person would give them.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from mastery_tui.domain.clock import parse_iso, utc_iso
from mastery_tui.domain.models import (
    Area,
    Note,
    Practice,
    Review,
    Task,
    WeekPlan,
    default_area_id,
)
from mastery_tui.store import Store
from tests.conftest import START

DAILY = default_area_id("daily")
STUDYING = default_area_id("studying")
WORK = default_area_id("work")
CREATIVE = default_area_id("creative")
SOCIAL = default_area_id("social")

Pair = tuple[int | None, int | None]


def _now(store: Store | None, now: datetime | None) -> datetime:
    return now or (store.clock.now() if store is not None else START)


def task(
    title: str = "Walk 5 minutes",
    *,
    area_id: str = DAILY,
    now: datetime | None = None,
    store: Store | None = None,
    **fields: Any,
) -> Task:
    """A task in Daily living (``minutes``, ``difficulty``, ``plan``, ``order``... as given)."""
    made = Task.new(now=_now(store, now), title=title, area_id=area_id, **fields)
    if store is not None:
        store.save(made)
    return made


def tasks(store: Store, titles: tuple[str, ...], *, area_id: str = DAILY, **fields: Any) -> list[Task]:
    """Tasks in the order given (``order`` 0, 1, 2...), saved together."""
    now = store.clock.now()
    made = [Task.new(now=now, title=t, area_id=area_id, order=i, **fields) for i, t in enumerate(titles)]
    store.save(*made)
    return made


def practice(
    start: datetime | str,
    *,
    task: Task | None = None,
    title: str = "Walk",
    area_id: str | None = None,
    minutes: int | None = None,
    spent: int | None = None,
    ended: bool = False,
    mood: Pair = (None, None),
    confidence: Pair = (None, None),
    now: datetime | None = None,
    store: Store | None = None,
    **fields: Any,
) -> Practice:
    """One practice begun at ``start`` (an aware datetime, stored in UTC, or a stored string).

    Of ``task`` when given (its id, title, area and minutes), else a quick one called ``title``.
    ``minutes``: planned; ``spent``: minutes spent (``seconds_spent``), none by default;
    ``ended``: an end ``spent`` minutes after the start. ``now``: when it was recorded (default:
    its start). ``fields``: ``difficulty``, ``completion``, ``obstacles``, ``reflection``, ``note``.
    """
    begun = parse_iso(start) if isinstance(start, str) else start
    planned = minutes if minutes is not None else (task.minutes if task else 5)
    made = Practice.new(
        now=now or begun,
        task_id=task.id if task else None,
        task_title=task.title if task else title,
        area_id=area_id if area_id is not None or task is None else task.area_id,
        started=start if isinstance(start, str) else utc_iso(start),
        ended=utc_iso(begun + timedelta(minutes=spent or 0)) if ended else None,
        planned_minutes=planned,
        seconds_spent=(spent or 0) * 60,
        mood_before=mood[0],
        mood_after=mood[1],
        confidence_before=confidence[0],
        confidence_after=confidence[1],
        **fields,
    )
    if store is not None:
        store.save_practice(made)
    return made


def area(name: str, *, now: datetime | None = None, store: Store | None = None, **fields: Any) -> Area:
    made = Area.new(now=_now(store, now), name=name, **fields)
    if store is not None:
        store.save(made)
    return made


def note(
    text: str, *, now: datetime | None = None, store: Store | None = None, **fields: Any
) -> Note:
    made = Note.new(now=_now(store, now), text=text, **fields)
    if store is not None:
        store.save(made)
    return made


def week(
    start: str,
    *,
    area_id: str = DAILY,
    now: datetime | None = None,
    store: Store | None = None,
    **fields: Any,
) -> WeekPlan:
    """A 7-day plan whose day 1 is ``start`` (``assignments``, ``note`` as given)."""
    made = WeekPlan.new(now=_now(store, now), start=start, area_id=area_id, **fields)
    if store is not None:
        store.save(made)
    return made


def review(
    plan: WeekPlan, *, now: datetime | None = None, store: Store | None = None, **fields: Any
) -> Review:
    made = Review.new(now=_now(store, now), week_id=plan.id, **fields)
    if store is not None:
        store.save(made)
    return made
