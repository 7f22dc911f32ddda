"""The records mastery keeps: life areas, tasks, practices (the worksheet log), week plans,
reviews and notes.

Every record is a frozen dataclass that validates and cleans itself on construction, so a
record that exists is a record that is valid. ``to_dict``/``from_dict`` are the only way in
and out of storage; unknown keys in stored data are ignored so older versions can read newer
files' known fields.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from enum import StrEnum
from typing import Any, ClassVar, Self

from . import validate as v
from .area_ids import DEFAULT_AREAS, default_area_id
from .clock import utc_iso
from .errors import ValidationError
from .text import clean_text

TITLE_MAX = 120
AREA_NAME_MAX = 40
READY_MAX = 120
REFLECTION_MAX = 280
NOTE_MAX = 5000
MINUTES_MAX = 180


class Completion(StrEnum):
    YES = "yes"
    PARTLY = "partly"
    NO = "no"

    @property
    def label(self) -> str:
        """Words the app uses: never "failed"."""
        return {"yes": "done", "partly": "partly", "no": "not this time"}[self.value]


NOT_RATED = "not rated"  # a rating or completion the person didn't give: never a number


def completion_label(completion: Completion | None) -> str:
    """``done``, ``partly``, ``not this time``, or ``not rated`` when it wasn't answered."""
    return NOT_RATED if completion is None else completion.label


class Obstacle(StrEnum):
    FATIGUE = "fatigue"
    PERFECTIONISM = "perfectionism"
    TIME = "time"
    ENVIRONMENT = "environment"
    FEAR = "fear"
    OTHER = "other"


@dataclasses.dataclass(frozen=True, kw_only=True)
class Record:
    """Fields every stored record has."""

    id: str
    created: str
    updated: str

    KIND: ClassVar[str] = "record"

    def __post_init__(self) -> None:
        self._set("id", v.check_id(self.id, "id"))
        self._set("created", v.timestamp(self.created, field="created"))
        self._set("updated", v.timestamp(self.updated, field="updated"))
        self.validate()

    def validate(self) -> None:
        """Clean and check the record's own fields (subclasses)."""

    def _set(self, name: str, value: object) -> None:
        object.__setattr__(self, name, value)

    @classmethod
    def new(cls, *, now: datetime, **fields: Any) -> Self:
        """A new record with a fresh id, created and updated now."""
        stamp = utc_iso(now)
        return cls(id=v.new_id(), created=stamp, updated=stamp, **fields)

    def edit(self, *, now: datetime, **changes: Any) -> Self:
        """A copy with ``changes`` applied and ``updated`` set to now."""
        return dataclasses.replace(self, updated=utc_iso(now), **changes)

    def to_dict(self) -> dict[str, Any]:
        return _jsonable(self)  # like dataclasses.asdict, without its deep copies

    @classmethod
    def from_dict(cls, data: object) -> Self:
        if not isinstance(data, dict):
            raise ValidationError(cls.KIND, f"A stored {cls.KIND} is not an object.")
        names = {f.name for f in dataclasses.fields(cls)}
        known = {key: value for key, value in data.items() if key in names}
        try:
            return cls(**cls._decode(known))
        except TypeError as error:  # a required field is missing
            raise ValidationError(cls.KIND, f"A stored {cls.KIND} is incomplete: {error}") from None

    @classmethod
    def _decode(cls, data: dict[str, Any]) -> dict[str, Any]:
        """Turn stored JSON values into constructor arguments (subclasses)."""
        return data


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, StrEnum):
        return value.value
    return value


@dataclasses.dataclass(frozen=True, kw_only=True)
class Area(Record):
    """A life area to practise in: the five of the skill, or one the user made."""

    KIND: ClassVar[str] = "area"

    name: str
    builtin: bool = False
    archived: bool = False
    order: int = 0

    def validate(self) -> None:
        self._set(
            "name",
            clean_text(self.name, field="name", label="Area name", min_len=1, max_len=AREA_NAME_MAX),
        )
        self._set("builtin", v.boolean(self.builtin, field="builtin"))
        self._set("archived", v.boolean(self.archived, field="archived"))
        self._set("order", v.integer(self.order, field="order", label="Order", low=0, high=10**6))


def default_areas(now: datetime) -> list[Area]:
    stamp = utc_iso(now)
    return [
        Area(id=default_area_id(key), name=name, builtin=True, order=index, created=stamp, updated=stamp)
        for index, (key, name) in enumerate(DEFAULT_AREAS)
    ]


@dataclasses.dataclass(frozen=True, kw_only=True)
class Plan:
    """When and how: days of the week (empty = any day), a time of day, what must be ready."""

    days: tuple[int, ...] = ()
    time: str = ""
    ready: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "days", v.weekdays(self.days, field="plan.days"))
        object.__setattr__(self, "time", v.time_of_day(self.time, field="plan.time"))
        ready = clean_text(self.ready, field="plan.ready", label="What I need ready", max_len=READY_MAX)
        object.__setattr__(self, "ready", ready)

    @classmethod
    def from_dict(cls, data: object) -> Plan:
        if data is None:
            return cls()
        if not isinstance(data, dict):
            raise ValidationError("plan", "A stored plan is not an object.")
        return cls(
            days=tuple(data.get("days", ())), time=data.get("time", ""), ready=data.get("ready", "")
        )


@dataclasses.dataclass(frozen=True, kw_only=True)
class Task(Record):
    """A tiny, slightly challenging thing to do."""

    KIND: ClassVar[str] = "task"

    title: str
    area_id: str
    minutes: int = 10
    difficulty: int = 30
    bad_day_ok: bool | None = True  # None: not said yet (only the person can answer it)
    plan: Plan = dataclasses.field(default_factory=Plan)
    archived: bool = False
    order: int = 0

    def validate(self) -> None:
        self._set(
            "title", clean_text(self.title, field="title", label="Title", min_len=1, max_len=TITLE_MAX)
        )
        self._set("area_id", v.check_id(self.area_id, "area_id"))
        self._set(
            "minutes",
            v.integer(self.minutes, field="minutes", label="Minutes", low=1, high=MINUTES_MAX),
        )
        self._set("difficulty", v.rating(self.difficulty, field="difficulty", label="Difficulty"))
        if self.bad_day_ok is not None:
            self._set("bad_day_ok", v.boolean(self.bad_day_ok, field="bad_day_ok"))
        if not isinstance(self.plan, Plan):
            raise ValidationError("plan", "plan must be a Plan.")
        self._set("archived", v.boolean(self.archived, field="archived"))
        self._set("order", v.integer(self.order, field="order", label="Order", low=0, high=10**6))

    @classmethod
    def _decode(cls, data: dict[str, Any]) -> dict[str, Any]:
        return {**data, "plan": Plan.from_dict(data.get("plan"))}


@dataclasses.dataclass(frozen=True, kw_only=True)
class Practice(Record):
    """One row of the worksheet log: one time a task was practised."""

    KIND: ClassVar[str] = "practice"

    task_id: str | None
    task_title: str
    area_id: str | None = None
    started: str
    ended: str | None = None
    # Where on Earth's clocks it happened: the UTC offset in minutes when it started, and the
    # zone's name when known. Its day is that local day, so travel and DST never move it.
    utc_offset: int | None = None  # None: not known (recorded before mastery kept it)
    zone: str = ""
    planned_minutes: int
    seconds_spent: int = 0
    # Every rating and the completion may be None: "not rated", what the person chose when
    # they skipped it. The app never fills one in for them (SKILL.md, care rules).
    mood_before: int | None = None
    confidence_before: int | None = None
    mood_after: int | None = None
    confidence_after: int | None = None
    difficulty: int | None = None
    completion: Completion | None = None
    obstacles: tuple[Obstacle, ...] = ()
    reflection: str = ""
    note: str = ""

    def validate(self) -> None:
        if self.task_id is not None:
            self._set("task_id", v.check_id(self.task_id, "task_id"))
        if self.area_id is not None:
            self._set("area_id", v.check_id(self.area_id, "area_id"))
        self._set(
            "task_title",
            clean_text(self.task_title, field="task_title", label="Task", min_len=1, max_len=TITLE_MAX),
        )
        self._set("utc_offset", v.utc_offset(self.utc_offset, field="utc_offset"))
        where = self.utc_offset  # its dates are checked where it happened
        self._set("started", v.timestamp(self.started, field="started", offset=where))
        self._set("ended", v.optional_timestamp(self.ended, field="ended", offset=where))
        self._set("zone", v.zone_name(self.zone, field="zone"))
        self._set(
            "planned_minutes",
            v.integer(
                self.planned_minutes, field="planned_minutes", label="Minutes", low=1, high=MINUTES_MAX
            ),
        )
        self._set(
            "seconds_spent",
            v.integer(self.seconds_spent, field="seconds_spent", label="Time spent", low=0, high=86_400),
        )
        for name, label in (
            ("mood_before", "Mood before"),
            ("confidence_before", "Confidence before"),
            ("mood_after", "Mood after"),
            ("confidence_after", "Confidence after"),
            ("difficulty", "Felt difficulty"),
        ):
            self._set(name, v.optional_rating(getattr(self, name), field=name, label=label))
        try:
            if self.completion is not None:
                self._set("completion", Completion(self.completion))
            self._set("obstacles", tuple(dict.fromkeys(Obstacle(o) for o in self.obstacles)))
        except (ValueError, TypeError) as error:
            raise ValidationError("completion", f"Unknown value: {error}") from None
        self._set(
            "reflection",
            clean_text(self.reflection, field="reflection", label="Reflection", max_len=REFLECTION_MAX),
        )
        self._set(
            "note", clean_text(self.note, field="note", label="Note", max_len=NOTE_MAX, multiline=True)
        )

    @classmethod
    def new(cls, *, now: datetime, **fields: Any) -> Self:
        made = super().new(now=now, **fields)
        v.in_order(made.started, made.ended)  # new ones only: saved ones stay readable
        return made

    @classmethod
    def _decode(cls, data: dict[str, Any]) -> dict[str, Any]:
        decoded = {**data, "obstacles": tuple(data.get("obstacles", ()))}
        if decoded.get("utc_offset") is None:  # an import's "09:00+13:00" says where it was
            decoded["utc_offset"] = v.offset_of(data.get("started"))
        return decoded

    @property
    def has_not_rated(self) -> bool:
        """Whether any rating, or the completion, was left "not rated"."""
        return self.completion is None or None in (
            self.difficulty,
            self.mood_before,
            self.mood_after,
            self.confidence_before,
            self.confidence_after,
        )


@dataclasses.dataclass(frozen=True, kw_only=True)
class WeekPlan(Record):
    """A 7-day plan: one life area, a start date (day 1), and tasks assigned to days."""

    KIND: ClassVar[str] = "week"

    start: str
    area_id: str
    assignments: tuple[tuple[int, str], ...] = ()
    note: str = ""
    # "Not today": (plan day 1-7, an Obstacle value or "", the person's own words), one a day.
    skips: tuple[tuple[int, str, str], ...] = ()

    def validate(self) -> None:
        self._set("start", v.iso_date(self.start, field="start"))
        reasons = {o.value for o in Obstacle}
        self._set("skips", tuple(v.skip(s, reasons=reasons) for s in self.skips))
        self._set("area_id", v.check_id(self.area_id, "area_id"))
        pairs = []
        for pair in self.assignments:
            if not isinstance(pair, list | tuple) or len(pair) != 2:
                raise ValidationError("assignments", "Each assignment is a day and a task id.")
            day = v.integer(pair[0], field="assignments", label="Plan day", low=1, high=7)
            pairs.append((day, v.check_id(pair[1], "assignments")))
        self._set("assignments", tuple(pairs))
        self._set(
            "note", clean_text(self.note, field="note", label="Note", max_len=NOTE_MAX, multiline=True)
        )

    @classmethod
    def _decode(cls, data: dict[str, Any]) -> dict[str, Any]:
        return {
            **data,
            "assignments": tuple(tuple(p) for p in data.get("assignments", ())),
            "skips": tuple(tuple(s) if isinstance(s, list) else s for s in data.get("skips", ())),
        }

    def with_skip(self, day: int, reason: str, words: str, *, now: datetime) -> WeekPlan:
        """Day ``day`` recorded as "not today" (replacing what was said for it before)."""
        kept = tuple(s for s in self.skips if s[0] != day)
        return self.edit(now=now, skips=tuple(sorted((*kept, (day, reason, words)))))


@dataclasses.dataclass(frozen=True, kw_only=True)
class Review(Record):
    """The answers to the end-of-week review."""

    KIND: ClassVar[str] = "review"

    week_id: str
    strongest: str = ""
    obstacles: tuple[Obstacle, ...] = ()
    obstacles_text: str = ""
    adjustments: str = ""

    def validate(self) -> None:
        self._set("week_id", v.check_id(self.week_id, "week_id"))
        try:
            self._set("obstacles", tuple(dict.fromkeys(Obstacle(o) for o in self.obstacles)))
        except (ValueError, TypeError) as error:
            raise ValidationError("obstacles", f"Unknown obstacle: {error}") from None
        for name, label in (
            ("strongest", "Answer"),
            ("obstacles_text", "Answer"),
            ("adjustments", "Answer"),
        ):
            text = clean_text(getattr(self, name), field=name, label=label, max_len=NOTE_MAX, multiline=True)
            self._set(name, text)

    @classmethod
    def _decode(cls, data: dict[str, Any]) -> dict[str, Any]:
        return {**data, "obstacles": tuple(data.get("obstacles", ()))}


@dataclasses.dataclass(frozen=True, kw_only=True)
class Note(Record):
    """A free reflection about practising the skill."""

    KIND: ClassVar[str] = "note"

    text: str

    def validate(self) -> None:
        self._set(
            "text",
            clean_text(self.text, field="text", label="Note", min_len=1, max_len=NOTE_MAX, multiline=True),
        )
