"""Small validators shared by the models. Each raises ValidationError with a readable message."""

from __future__ import annotations

import re
from collections.abc import Collection

from .clock import FIRST_YEAR, LAST_YEAR, fixed_zone, parse_date, parse_iso, utc_iso
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


def timestamp(value: object, *, field: str, offset: int | None = None) -> str:
    """An ISO 8601 timestamp, in the one form stored: UTC, seconds, ``+00:00``. Any ISO 8601
    form comes in (``20261120T090000Z``, ``2026-W47-5T09:00:00+01:00``, ``2026-324T09:00Z``).
    A moment outside 1970-2100 is refused (a clock or a file gone wrong), by its date where it
    happened, ``offset`` minutes east of UTC when known (a practice's), else as written:
    2100-12-31T23:30-05:00 comes in, though it is 2101 in UTC."""
    if not isinstance(value, str) or len(value) > 64:
        raise ValidationError(field, f"{field} must be an ISO 8601 timestamp.")
    try:
        moment = parse_iso(value)
        canonical = utc_iso(moment)
        if offset is not None:
            moment = moment.astimezone(fixed_zone(offset))
    except (ValueError, OverflowError):  # (year 1 at +01:00 is before year 1 in UTC)
        raise ValidationError(field, f"{field} is not a valid timestamp: {value!r}.") from None
    years = range(FIRST_YEAR, LAST_YEAR + 1)
    if moment.year not in years and int(canonical[:4]) not in years:
        raise ValidationError(
            field, f"{field} {value!r} is outside {FIRST_YEAR}-{LAST_YEAR}; is the date right?"
        )
    return canonical


def optional_timestamp(value: object, *, field: str, offset: int | None = None) -> str | None:
    return None if value is None else timestamp(value, field=field, offset=offset)


def offset_of(value: object) -> int | None:
    """The UTC offset (minutes) an ISO timestamp was written with, unless it is UTC or unreadable:
    UTC says nothing about the local time, so it stays "not known"."""
    if not isinstance(value, str):
        return None
    try:
        offset = parse_iso(value).utcoffset()
    except ValueError:
        return None
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    return minutes or None


def utc_offset(value: object, *, field: str) -> int | None:
    """Minutes east of UTC: -18 h to +18 h (Earth's zones span -12 h to +14 h); None: not known."""
    if value is None:
        return None
    return integer(value, field=field, label="UTC offset", low=-18 * 60, high=18 * 60)


_ZONE = r"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+){0,3}$"


def zone_name(value: object, *, field: str) -> str:
    """An IANA zone name ("Europe/Berlin"), or "" when not known."""
    if value == "":
        return ""
    if not isinstance(value, str) or len(value) > 64 or not re.match(_ZONE, value):
        raise ValidationError(field, f"{field} is not a time zone name: {value!r}.")
    return value


def known_zone(value: str, *, field: str) -> str:
    """A zone name (checked by ``zone_name``) that this computer's time zone database has, or
    "" (not known). Asked of what comes in, not of what is loaded: a zone only a newer
    database knows must never make saved data unreadable."""
    if value:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            raise ValidationError(
                field, f"{field} {value!r} isn't a time zone this computer knows (like Europe/Berlin)."
            ) from None
    return value


def in_order(started: str, ended: str | None) -> None:
    """An end no earlier than its start (both as ``timestamp`` returns them)."""
    if ended is not None and parse_iso(ended) < parse_iso(started):
        raise ValidationError(
            "ended", f"ended {ended} is before started {started}; is the time right?"
        )


def iso_date(value: object, *, field: str) -> str:
    """A calendar date, stored as YYYY-MM-DD (any ISO 8601 date comes in), 1970-2100."""
    if not isinstance(value, str) or len(value) > 16:
        raise ValidationError(field, f"{field} must be a date like 2026-11-23.")
    try:
        day = parse_date(value)
    except ValueError:
        raise ValidationError(field, f"{field} is not a valid date: {value!r}.") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValidationError(
            field, f"{field} {value!r} is outside {FIRST_YEAR}-{LAST_YEAR}; is the date right?"
        )
    return day.isoformat()


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


def skip(value: object, *, reasons: Collection[str]) -> tuple[int, str, str]:
    """A "not today": (plan day 1-7, one of ``reasons`` or "", the person's own words)."""
    from .text import clean_text

    if not isinstance(value, list | tuple) or len(value) != 3:
        raise ValidationError("skips", "A day not practised is a day, a reason and words.")
    day = integer(value[0], field="skips", label="Plan day", low=1, high=7)
    if value[1] != "" and value[1] not in reasons:
        raise ValidationError("skips", f"Unknown reason {value[1]!r}.")
    words = clean_text(value[2], field="skips", label="Your words", max_len=200)
    return (day, str(value[1]), words)
