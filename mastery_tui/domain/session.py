"""A practice session in progress, and what happens at its end.

The session is saved at every phase change and every few seconds while the timer runs, so a
dropped SSH connection loses nothing: the next start offers to finish recording it, resume the
timer, or discard it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import datetime
from enum import StrEnum
from typing import Any

from .clock import fixed_zone, offset_minutes, parse_iso, utc_iso, zone_name
from .errors import ValidationError
from .models import NOTE_MAX, REFLECTION_MAX, TITLE_MAX, Completion, Obstacle, Practice, Task
from .text import clean_text
from .timer import Countdown
from .validate import integer, optional_rating, utc_offset
from .validate import zone_name as zone_name_of

SAVE_EVERY_SECONDS = 10


class Phase(StrEnum):
    BEFORE = "before"
    TIMER = "timer"
    AFTER = "after"  # "How did it go?"; ``after`` holds what was typed there so far
    ADJUST = "adjust"  # after partly / not this time; ``after`` holds the saved answers


@dataclasses.dataclass(frozen=True)
class AfterAnswers:
    """What the person said on "How did it go?". None is "not rated": never a default."""

    completion: Completion | None = None
    difficulty: int | None = None
    mood: int | None = None
    confidence: int | None = None
    reflection: str = ""

    def __post_init__(self) -> None:
        if self.completion is not None:
            try:
                object.__setattr__(self, "completion", Completion(self.completion))
            except ValueError:
                raise ValidationError("completion", f"Unknown completion {self.completion!r}.") from None
        for name in ("difficulty", "mood", "confidence"):
            object.__setattr__(self, name, optional_rating(getattr(self, name), field=name, label=name))
        text = clean_text(self.reflection, field="reflection", label="Reflection", max_len=REFLECTION_MAX)
        object.__setattr__(self, "reflection", text)

    def unanswered(self) -> tuple[str, ...]:
        """The questions left unanswered, in the words the screen asks them."""
        names = (
            ("whether you did it", self.completion),
            ("how hard it felt", self.difficulty),
            ("mood", self.mood),
            ("confidence", self.confidence),
        )
        return tuple(name for name, value in names if value is None)

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["completion"] = None if self.completion is None else self.completion.value
        return data

    @classmethod
    def from_dict(cls, data: object) -> AfterAnswers:
        if not isinstance(data, dict):
            raise ValidationError("after", "The saved answers are not readable.")
        names = {f.name for f in dataclasses.fields(cls)}
        try:
            return cls(**{k: v for k, v in data.items() if k in names})
        except TypeError as error:
            raise ValidationError("after", f"The saved answers are not readable: {error}") from None


SMALLER_CHOICES = ("", "instead", "both", "no")


def _smaller_choice(data: dict[str, Any]) -> str:
    """The choice as saved; a session saved by an earlier mastery said yes or no."""
    if "smaller" in data:
        return str(data["smaller"])
    old = data.get("make_smaller")
    return "" if old is None else ("both" if old else "no")


@dataclasses.dataclass(frozen=True)
class AdjustAnswers:
    """What the person ticked and wrote on "Data for next time"."""

    answers: tuple[str, ...] = ()  # the adjustment questions ticked
    obstacles: tuple[Obstacle, ...] = ()
    note: str = ""
    # The offer of a smaller version: "" unanswered (nothing is chosen for the person), "instead"
    # (use it instead: the original is put away and its plan moves over), "both", or "no".
    smaller: str = ""

    def __post_init__(self) -> None:
        try:
            obstacles = tuple(dict.fromkeys(Obstacle(o) for o in self.obstacles))
        except (TypeError, ValueError):
            raise ValidationError("obstacles", "An obstacle is not one the app knows.") from None
        object.__setattr__(self, "obstacles", obstacles)
        object.__setattr__(
            self, "answers", tuple(clean_text(str(a), field="answers", label="Answer", max_len=NOTE_MAX) for a in self.answers)
        )
        object.__setattr__(
            self,
            "note",
            clean_text(self.note, field="note", label="Note", max_len=NOTE_MAX, multiline=True),
        )
        if self.smaller not in SMALLER_CHOICES:
            raise ValidationError("smaller", f"Unknown choice {self.smaller!r}.")

    def to_dict(self) -> dict[str, Any]:
        return {
            "answers": list(self.answers),
            "obstacles": [o.value for o in self.obstacles],
            "note": self.note,
            "smaller": self.smaller,
        }

    @classmethod
    def from_dict(cls, data: object) -> AdjustAnswers:
        if not isinstance(data, dict):
            raise ValidationError("adjust", "The saved answers are not readable.")
        try:
            return cls(
                answers=tuple(data.get("answers", ())),
                obstacles=tuple(data.get("obstacles", ())),
                note=data.get("note", ""),
                smaller=_smaller_choice(data),
            )
        except TypeError as error:
            raise ValidationError("adjust", f"The saved answers are not readable: {error}") from None


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
    mood_before: int | None = None  # None: not rated (skipped, or not answered yet)
    confidence_before: int | None = None
    countdown: dict[str, Any] | None = None
    # What was typed on the screen showing when the connection dropped, restored exactly.
    before: dict[str, Any] | None = None  # {"mood": .., "confidence": ..} typed, not yet confirmed
    after: dict[str, Any] | None = None  # AfterAnswers.to_dict()
    adjust: dict[str, Any] | None = None  # AdjustAnswers.to_dict()
    # The id of the practice this session records, chosen when it begins: recording it again
    # (a hang-up between saving the practice and clearing the session) replaces, never adds.
    practice_id: str = ""
    utc_offset: int | None = None  # where it began: the practice keeps these (models.Practice)
    zone: str = ""

    def __post_init__(self) -> None:
        if not self.practice_id:
            import uuid  # here: a start-up needn't import it

            object.__setattr__(self, "practice_id", str(uuid.uuid4()))
        title = clean_text(self.title, field="title", label="Title", min_len=1, max_len=TITLE_MAX)
        object.__setattr__(self, "title", title)
        object.__setattr__(
            self, "minutes", integer(self.minutes, field="minutes", label="Minutes", low=1, high=180)
        )
        try:
            object.__setattr__(self, "phase", Phase(self.phase))
        except ValueError:
            raise ValidationError("phase", f"Unknown phase {self.phase!r}.") from None
        for name in ("mood_before", "confidence_before"):
            object.__setattr__(self, name, optional_rating(getattr(self, name), field=name, label=name))
        object.__setattr__(self, "utc_offset", utc_offset(self.utc_offset, field="utc_offset"))
        object.__setattr__(self, "zone", zone_name_of(self.zone, field="zone"))
        if self.before is not None:
            if not isinstance(self.before, dict):
                raise ValidationError("before", "The saved ratings are not readable.")
            for name in ("mood", "confidence"):
                optional_rating(self.before.get(name), field=name, label=name)
        if self.after is not None:
            AfterAnswers.from_dict(self.after)
        if self.adjust is not None:
            AdjustAnswers.from_dict(self.adjust)

    @classmethod
    def for_task(cls, task: Task, *, now: datetime, plan_text: str = "") -> Session:
        return cls(
            task_id=task.id,
            title=task.title,
            area_id=task.area_id,
            minutes=task.minutes,
            plan_text=plan_text,
            started=utc_iso(now),
            utc_offset=offset_minutes(now),
            zone=zone_name(now),
        )

    @classmethod
    def quick(cls, title: str, minutes: int, *, now: datetime) -> Session:
        return cls(
            task_id=None,
            title=title,
            area_id=None,
            minutes=minutes,
            plan_text="",
            started=utc_iso(now),
            utc_offset=offset_minutes(now),
            zone=zone_name(now),
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

    def with_before(self, mood: int | None, confidence: int | None) -> Session:
        return dataclasses.replace(self, mood_before=mood, confidence_before=confidence, before=None)

    def with_before_typed(self, mood: int | None, confidence: int | None) -> Session:
        """The before ratings as typed so far (not yet confirmed): kept across a hang-up."""
        return dataclasses.replace(self, before={"mood": mood, "confidence": confidence})

    @property
    def before_typed(self) -> tuple[int | None, int | None]:
        if self.before is None:
            return None, None
        return self.before.get("mood"), self.before.get("confidence")

    def with_timer(self, countdown: Countdown) -> Session:
        return dataclasses.replace(self, phase=Phase.TIMER, countdown=countdown.to_dict())

    def to_after(self, countdown: Countdown | None, answers: AfterAnswers | None = None) -> Session:
        """On to "How did it go?"; ``answers`` already given (the timer's "done" key)."""
        saved = countdown.to_dict() if countdown else self.countdown
        after = answers.to_dict() if answers is not None else self.after
        return dataclasses.replace(self, phase=Phase.AFTER, countdown=saved, after=after)

    def with_after(self, answers: AfterAnswers) -> Session:
        """What has been typed on "How did it go?" so far."""
        return dataclasses.replace(self, after=answers.to_dict())

    @property
    def after_answers(self) -> AfterAnswers:
        return AfterAnswers() if self.after is None else AfterAnswers.from_dict(self.after)

    def to_adjust(self, answers: AfterAnswers) -> Session:
        """"How did it go?" is answered; on to "Data for next time"."""
        return dataclasses.replace(self, phase=Phase.ADJUST, after=answers.to_dict())

    def with_adjust(self, answers: AdjustAnswers) -> Session:
        return dataclasses.replace(self, adjust=answers.to_dict())

    @property
    def adjust_answers(self) -> AdjustAnswers:
        return AdjustAnswers() if self.adjust is None else AdjustAnswers.from_dict(self.adjust)

    def restore_countdown(
        self, *, mono: float, wall: datetime, boot: str | None = None
    ) -> Countdown:
        if self.countdown is None:
            return Countdown.start(self.minutes, mono=mono, wall=wall, boot=boot)
        return Countdown.from_dict(self.countdown, mono=mono, wall=wall, boot=boot)

    def started_local(self, zone_of: datetime) -> datetime:
        """When it began, on the clock of where it began (else of ``zone_of``)."""
        zone = zone_of.tzinfo if self.utc_offset is None else fixed_zone(self.utc_offset)
        return parse_iso(self.started).astimezone(zone)


def record_practice(
    session: Session,
    *,
    now: datetime,
    seconds_spent: int,
    completion: Completion | None,
    difficulty: int | None,
    mood_after: int | None,
    confidence_after: int | None,
    reflection: str = "",
    obstacles: tuple[Obstacle, ...] = (),
    note: str = "",
) -> Practice:
    """The worksheet row for a finished session. A None is "not rated": kept as None. Its id
    is the session's ``practice_id``, so recording one session twice is one record."""
    made = Practice.new(
        now=now,
        task_id=session.task_id,
        task_title=session.title,
        area_id=session.area_id,
        started=session.started,
        utc_offset=session.utc_offset,
        zone=session.zone,
        ended=max(utc_iso(now), session.started),  # a clock set back meanwhile: not before it began
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
    return dataclasses.replace(made, id=session.practice_id)


def linked_quick(session: Session, tasks: Iterable[Task]) -> Session:
    """A quick practice whose title is one of the person's tasks (case aside) belongs to that
    task, so it counts in the week's review, the mastery table and the coach."""
    if session.task_id is not None:
        return session
    wanted = session.title.casefold().strip()
    task = next((t for t in tasks if not t.archived and t.title.casefold().strip() == wanted), None)
    if task is None:
        return session
    return dataclasses.replace(session, task_id=task.id, area_id=task.area_id, title=task.title)
