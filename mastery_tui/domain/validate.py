"""Small validators shared by the models. Each raises ValidationError with a readable message."""

from __future__ import annotations

import re
from datetime import date

from .clock import parse_iso
from .errors import ValidationError

_TIME = r"^([01]\d|2[0-3]):([0-5]\d)$"  # matched with re.match, which caches compiled patterns


def new_id() -> str:
    """A stable, unique id for a new record."""
    import uuid  # here: uuid imports platform, which a CLI start needn't pay for

    return str(uuid.uuid4())


def check_id(value: object, field: str) -> str:
    if not isinstance(value, str) or not value or len(value) > 64 or not value.isprintable():
        raise ValidationError(field, f"{field} must be a non-empty id.")
    return value


def integer(value: object, *, field: str, label: str, low: int, high: int) -> int:
    """An int in [low, high]. Booleans and floats are refused: 42.5 is not a rating."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, f"{label} must be a whole number from {low} to {high}.")
    if not low <= value <= high:
        raise ValidationError(field, f"{label} must be from {low} to {high} (got {value}).")
    return value


def rating(value: object, *, field: str, label: str) -> int:
    """A 0–100 rating."""
    return integer(value, field=field, label=label, low=0, high=100)


def optional_rating(value: object, *, field: str, label: str) -> int | None:
    return None if value is None else rating(value, field=field, label=label)


def boolean(value: object, *, field: str) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(field, f"{field} must be true or false.")
    return value


def timestamp(value: object, *, field: str) -> str:
    """An ISO 8601 timestamp with a zone, as stored."""
    if not isinstance(value, str):
        raise ValidationError(field, f"{field} must be an ISO 8601 timestamp.")
    try:
        parse_iso(value)
    except ValueError:
        raise ValidationError(field, f"{field} is not a valid timestamp: {value!r}.") from None
    return value


def optional_timestamp(value: object, *, field: str) -> str | None:
    return None if value is None else timestamp(value, field=field)


def iso_date(value: object, *, field: str) -> str:
    if not isinstance(value, str):
        raise ValidationError(field, f"{field} must be a date like 2026-11-23.")
    try:
        date.fromisoformat(value)
    except ValueError:
        raise ValidationError(field, f"{field} is not a valid date: {value!r}.") from None
    return value


def time_of_day(value: object, *, field: str) -> str:
    """'' (no set time) or HH:MM on a 24-hour clock."""
    if value == "":
        return ""
    if not isinstance(value, str) or not re.match(_TIME, value):
        raise ValidationError(field, "Time of day must look like 07:30 or 19:45.")
    return value


def weekdays(value: object, *, field: str) -> tuple[int, ...]:
    """Days of the week as 0 (Monday) to 6 (Sunday), sorted, no repeats. Empty means any day."""
    if not isinstance(value, list | tuple):
        raise ValidationError(field, "Days must be a list of weekdays.")
    days: set[int] = set()
    for item in value:
        days.add(integer(item, field=field, label="A weekday", low=0, high=6))
    return tuple(sorted(days))
