"""Clocks. The app never reads the time itself: a Clock is built at the edge and passed in.

``now()`` is wall-clock time for records and "today"; ``monotonic()`` is for measuring
durations (timers), which must not jump when the wall clock does.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware, in the user's local zone."""
        ...

    def monotonic(self) -> float:
        """Seconds from an arbitrary start; never goes backwards."""
        ...

    def boot_id(self) -> str | None:
        """Which boot of the machine ``monotonic`` readings belong to (None: unknown). Readings
        of the same boot can be compared across processes; a wall clock step doesn't touch them."""
        ...


class SystemClock:
    """The real clock, in the machine's time zone (``$TZ`` or ``/etc/localtime``), found once."""

    def __init__(self, zone: tzinfo | None = None) -> None:
        self._zone = zone

    def zone(self) -> tzinfo:
        if self._zone is None:
            self._zone = local_zone()
        return self._zone

    def now(self) -> datetime:
        return datetime.now(self.zone())

    def monotonic(self) -> float:
        return time.monotonic()  # CLOCK_MONOTONIC: since boot, the same in every process

    def boot_id(self) -> str | None:
        try:
            with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as handle:
                return handle.read().strip() or None
        except OSError:  # not Linux: fall back to the wall clock
            return None


class FakeClock:
    """A clock that moves only when told to: tests and demos run 20-minute timers in milliseconds."""

    def __init__(self, start: datetime, *, tz: tzinfo = UTC) -> None:
        if start.tzinfo is None:
            start = start.replace(tzinfo=tz)
        self._tz = tz
        self._utc = start.astimezone(UTC)  # kept in UTC: a zone's wall time jumps at DST
        self._mono = 1000.0
        self._boot = 1

    def now(self) -> datetime:
        return self._utc.astimezone(self._tz)

    def monotonic(self) -> float:
        return self._mono

    def move_to(self, tz: tzinfo) -> None:
        """The person (and their machine's zone) travel: the same instant, another zone."""
        self._tz = tz

    def advance(self, seconds: float) -> None:
        """Move both clocks forward."""
        self._utc += timedelta(seconds=seconds)
        self._mono += seconds

    def jump_wall(self, seconds: float) -> None:
        """Move only the wall clock, as a suspended laptop or an NTP correction would."""
        self._utc += timedelta(seconds=seconds)

    def boot_id(self) -> str | None:
        return f"fake-boot-{self._boot}"

    def reboot(self, seconds: float) -> None:
        """The machine restarts ``seconds`` later: the wall clock moves on, the monotonic one
        starts again."""
        self._utc += timedelta(seconds=seconds)
        self._mono = 1000.0
        self._boot += 1


def utc_iso(moment: datetime) -> str:
    """A timestamp as stored: UTC, ISO 8601, seconds precision."""
    if moment.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def parse_iso(value: str) -> datetime:
    """Parse a stored timestamp (any ISO 8601 form: ``20261120T090000Z``, the week date
    ``2026-W47-5T09:00Z``, the ordinal ``2026-324T09:00Z``) back into an aware datetime."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        moment = datetime.fromisoformat(_calendar_form(value))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment


def parse_date(value: str) -> date:
    """A day in any ISO 8601 form: ``2026-11-20``, ``20261120``, ``2026-W47-5``, ``2026W475``,
    ``2026-324`` or ``2026324``. Raises ValueError."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        return date.fromisoformat(_calendar_form(value))


def _calendar_form(value: str) -> str:
    """``value`` with the ISO ordinal date it starts with (``2026-324`` or ``2026324``: the
    324th day of 2026) written as a calendar date (``2026-11-20``), which ``fromisoformat``
    reads; anything else as it is. (Python reads every other ISO 8601 form itself.)"""
    size = 8 if value[4:5] == "-" else 7
    head, rest = value[:size], value[size:]
    digits = head[:4] + head[-3:]
    if len(head) != size or not (digits.isascii() and digits.isdigit()) or rest[:1].isdigit():
        return value
    year, number = int(digits[:4]), int(digits[4:])
    try:
        day = date(year, 1, 1) + timedelta(days=number - 1)
    except (ValueError, OverflowError):  # year 0, or past year 9999
        return value
    if not 1 <= number <= 366 or day.year != year:  # day 0, or day 366 of a common year
        return value
    return day.isoformat() + rest



# -- time zones ------------------------------------------------------------------------------

ZONEINFO_DIRS = ("/usr/share/zoneinfo/", "/usr/lib/zoneinfo/", "/usr/share/lib/zoneinfo/")


def local_zone(environ: Mapping[str, str] = os.environ, localtime: str = "/etc/localtime") -> tzinfo:
    """The IANA zone the machine runs in, so "today", weeks and DST follow the zone's rules
    (``datetime.now().astimezone()`` is only today's fixed offset).

    ``$TZ`` first (``Europe/Berlin``, ``:Europe/Berlin``, a zoneinfo file path, ``UTC``), then
    the zone ``/etc/localtime`` links to. A ``$TZ`` zoneinfo can't read (a POSIX rule such as
    ``CET-1CEST,M3.5.0,M10.5.0/3``) falls back to the offset the C library gives now."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    def named(key: str) -> tzinfo | None:
        for folder in ZONEINFO_DIRS:
            if key.startswith(folder):
                key = key[len(folder) :]
        try:
            return ZoneInfo(key) if key else UTC
        except (ZoneInfoNotFoundError, ValueError, OSError):
            return None

    if "TZ" in environ:
        found = named(environ["TZ"].removeprefix(":"))
    else:
        try:
            found = named(os.path.realpath(localtime)) if os.path.exists(localtime) else UTC
        except OSError:
            found = None
    return found if found is not None else datetime.now().astimezone().tzinfo or UTC


def zone_name(moment: datetime) -> str:
    """The IANA name of a moment's zone ("Europe/Berlin"), or "" when it has none (an offset)."""
    key = getattr(moment.tzinfo, "key", None)
    return key if isinstance(key, str) else ""


def offset_minutes(moment: datetime) -> int:
    """A moment's offset from UTC in whole minutes (east positive)."""
    offset = moment.utcoffset()
    if offset is None:
        raise ValueError("timestamps must be timezone-aware")
    return int(offset.total_seconds() // 60)


def fixed_zone(minutes: int) -> tzinfo:
    return UTC if minutes == 0 else timezone(timedelta(minutes=minutes))


# Timestamps and days outside these years are refused: a clock or a file gone wrong, never a
# practice (and the years a person can see in a 80-column log).
FIRST_YEAR = 1970
LAST_YEAR = 2100


def in_range(day: date) -> bool:
    return FIRST_YEAR <= day.year <= LAST_YEAR
