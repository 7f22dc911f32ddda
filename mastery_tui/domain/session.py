"""A practice session in progress, and what happens at its end.

The session is saved at every phase change and every few seconds while the timer runs, so a
dropped SSH connection loses nothing: the next start offers to finish recording it, resume the
timer, or discard it.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from enum import StrEnum
from typing import Any

from .clock import parse_iso, utc_iso
from .errors import ValidationError
from .models import TITLE_MAX, Completion, Obstacle, Practice, Task
from .text import clean_text
from .timer import Countdown
from .validate import integer, rating

SAVE_EVERY_SECONDS = 10


class Phase(StrEnum):
    BEFORE = "before"
    TIMER = "timer"
    AFTER = "after"


@dataclasses.dataclass(frozen=True)
class Session:
    """Everything needed to finish a practice after a restart."""

    task_id: str | None
    title: str
    area_id: str | None
    minutes: int
    plan_text: str
    started: str  # UTC ISO: when "do it now" was chosen
    phase: Phase = Phase.BEFORE
    mood_before: int = 50
    confidence_before: int = 50
    countdown: dict[str, Any] | None = None

    def __post_init__(self) -> None:
        title = clean_text(self.title, field="title", label="Title", min_len=1, max_len=TITLE_MAX)
        object.__setattr__(self, "title", title)
        object.__setattr__(
            self, "minutes", integer(self.minutes, field="minutes", label="Minutes", low=1, high=180)
        )
        object.__setattr__(self, "phase", Phase(self.phase))
        for name in ("mood_before", "confidence_before"):
            object.__setattr__(self, name, rating(getattr(self, name), field=name, label=name))

    @classmethod
    def for_task(cls, task: Task, *, now: datetime, plan_text: str = "") -> Session:
        return cls(
            task_id=task.id,
            title=task.title,
            area_id=task.area_id,
            minutes=task.minutes,
            plan_text=plan_text,
            started=utc_iso(now),
        )

    @classmethod
    def quick(cls, title: str, minutes: int, *, now: datetime) -> Session:
        return cls(
            task_id=None, title=title, area_id=None, minutes=minutes, plan_text="", started=utc_iso(now)
        )

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["phase"] = self.phase.value
        return data

    @classmethod
    def from_dict(cls, data: object) -> Session:
        if not isinstance(data, dict):
            raise ValidationError("session", "The saved session is not readable.")
        names = {f.name for f in dataclasses.fields(cls)}
        try:
            return cls(**{k: v for k, v in data.items() if k in names})
        except (TypeError, ValueError) as error:
            raise ValidationError("session", f"The saved session is not readable: {error}") from None

    def with_before(self, mood: int, confidence: int) -> Session:
        return dataclasses.replace(self, mood_before=mood, confidence_before=confidence)

    def with_timer(self, countdown: Countdown) -> Session:
        return dataclasses.replace(self, phase=Phase.TIMER, countdown=countdown.to_dict())

    def to_after(self, countdown: Countdown | None) -> Session:
        saved = countdown.to_dict() if countdown else self.countdown
        return dataclasses.replace(self, phase=Phase.AFTER, countdown=saved)

    def restore_countdown(self, *, mono: float, wall: datetime) -> Countdown:
        if self.countdown is None:
            return Countdown.start(self.minutes, mono=mono, wall=wall)
        return Countdown.from_dict(self.countdown, mono=mono, wall=wall)

    def started_local(self, zone_of: datetime) -> datetime:
        return parse_iso(self.started).astimezone(zone_of.tzinfo)


def record_practice(
    session: Session,
    *,
    now: datetime,
    seconds_spent: int,
    completion: Completion,
    difficulty: int,
    mood_after: int,
    confidence_after: int,
    reflection: str = "",
    obstacles: tuple[Obstacle, ...] = (),
    note: str = "",
) -> Practice:
    """The worksheet row for a finished session."""
    return Practice.new(
        now=now,
        task_id=session.task_id,
        task_title=session.title,
        area_id=session.area_id,
        started=session.started,
        ended=utc_iso(now),
        planned_minutes=session.minutes,
        seconds_spent=max(0, min(int(seconds_spent), 86_400)),
        mood_before=session.mood_before,
        confidence_before=session.confidence_before,
        mood_after=mood_after,
        confidence_after=confidence_after,
        difficulty=difficulty,
        completion=completion,
        obstacles=obstacles,
        reflection=reflection,
        note=note,
    )
