"""Clocks. The app never reads the time itself: a Clock is built at the edge and passed in.

``now()`` is wall-clock time for records and "today"; ``monotonic()`` is for measuring
durations (timers), which must not jump when the wall clock does.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta, tzinfo
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
    """The real clock."""

    def now(self) -> datetime:
        return datetime.now().astimezone()

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
        self._now = start
        self._mono = 1000.0
        self._boot = 1

    def now(self) -> datetime:
        return self._now

    def monotonic(self) -> float:
        return self._mono

    def advance(self, seconds: float) -> None:
        """Move both clocks forward."""
        self._now += timedelta(seconds=seconds)
        self._mono += seconds

    def jump_wall(self, seconds: float) -> None:
        """Move only the wall clock, as a suspended laptop or an NTP correction would."""
        self._now += timedelta(seconds=seconds)

    def boot_id(self) -> str | None:
        return f"fake-boot-{self._boot}"

    def reboot(self, seconds: float) -> None:
        """The machine restarts ``seconds`` later: the wall clock moves on, the monotonic one
        starts again."""
        self._now += timedelta(seconds=seconds)
        self._mono = 1000.0
        self._boot += 1


def utc_iso(moment: datetime) -> str:
    """A timestamp as stored: UTC, ISO 8601, seconds precision."""
    if moment.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def parse_iso(value: str) -> datetime:
    """Parse a stored timestamp back into an aware datetime."""
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment

