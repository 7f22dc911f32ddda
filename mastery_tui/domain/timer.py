"""The "do it now" countdown, as state, not ticks.

Elapsed time is derived from clock readings: ``elapsed_before`` (finished running segments)
plus the current segment measured from its start. A repaint timer only *shows* it, so a slow
SSH link, a busy machine or a skipped frame never makes the countdown drift. Within one run
the segment is measured on the monotonic clock; across a restart (after a dropped connection)
it is measured on the wall clock from the saved segment start, which is the only clock two
processes share.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime

from .clock import parse_iso, utc_iso

MIN_TOTAL_SECONDS = 60


@dataclasses.dataclass(frozen=True)
class Countdown:
    """An immutable countdown. Every change returns a new one."""

    planned_seconds: int
    extra_seconds: int = 0
    elapsed_before: float = 0.0
    running_since: float | None = None  # monotonic reading when the current segment began
    segment_wall: str | None = None  # the same moment on the wall clock (UTC ISO), for resume
    boot: str | None = None  # the machine's boot the monotonic readings belong to (Clock.boot_id)

    @classmethod
    def start(
        cls, minutes: int, *, mono: float, wall: datetime, boot: str | None = None
    ) -> Countdown:
        return cls(
            planned_seconds=minutes * 60,
            running_since=mono,
            segment_wall=utc_iso(wall),
            boot=boot,
        )

    @property
    def running(self) -> bool:
        return self.running_since is not None

    @property
    def total_seconds(self) -> int:
        return self.planned_seconds + self.extra_seconds

    def elapsed(self, mono: float) -> float:
        if self.running_since is None:
            return self.elapsed_before
        return self.elapsed_before + max(0.0, mono - self.running_since)

    def remaining(self, mono: float) -> float:
        """Seconds left; negative once past zero (overtime)."""
        return self.total_seconds - self.elapsed(mono)

    def overtime(self, mono: float) -> bool:
        return self.remaining(mono) <= 0

    def progress(self, mono: float) -> float:
        """0.0 to 1.0 of the planned time."""
        return min(1.0, self.elapsed(mono) / self.total_seconds) if self.total_seconds else 1.0

    def pause(self, mono: float) -> Countdown:
        if self.running_since is None:
            return self
        return dataclasses.replace(
            self, elapsed_before=self.elapsed(mono), running_since=None, segment_wall=None
        )

    def resume(self, mono: float, wall: datetime) -> Countdown:
        if self.running_since is not None:
            return self
        return dataclasses.replace(self, running_since=mono, segment_wall=utc_iso(wall))

    def toggle(self, mono: float, wall: datetime) -> Countdown:
        return self.pause(mono) if self.running else self.resume(mono, wall)

    def adjust(self, minutes: int) -> Countdown:
        """One minute more or less. The total never drops below one minute."""
        extra = self.extra_seconds + minutes * 60
        extra = max(extra, MIN_TOTAL_SECONDS - self.planned_seconds)
        return dataclasses.replace(self, extra_seconds=extra)

    # -- surviving a restart -------------------------------------------------------------------

    def to_dict(self) -> dict[str, object]:
        """What is saved: elapsed so far in finished segments, and when the running segment
        began, on the monotonic clock (with the boot it belongs to) and on the wall clock."""
        return {
            "planned_seconds": self.planned_seconds,
            "extra_seconds": self.extra_seconds,
            "elapsed_before": round(self.elapsed_before, 3),
            "segment_wall": self.segment_wall,
            "segment_mono": self.running_since,
            "boot": self.boot,
        }

    @classmethod
    def from_dict(
        cls, data: dict[str, object], *, mono: float, wall: datetime, boot: str | None = None
    ) -> Countdown:
        """Rebuild after a restart. A running segment counts the time since it began: on the
        monotonic clock when this is the same boot of the machine (a wall clock set back or
        forward an hour meanwhile changes nothing), else on the wall clock, never below zero."""
        elapsed = float(data.get("elapsed_before", 0.0))  # type: ignore[arg-type]
        segment = data.get("segment_wall")
        began = data.get("segment_mono")
        running_since: float | None = None
        if isinstance(segment, str):
            same_boot = boot is not None and data.get("boot") == boot
            if same_boot and isinstance(began, int | float) and 0 <= began <= mono:
                running_since = float(began)
            else:
                since = max(0.0, (wall - parse_iso(segment)).total_seconds())
                running_since = mono - since
        return cls(
            planned_seconds=int(data["planned_seconds"]),  # type: ignore[call-overload]
            extra_seconds=int(data.get("extra_seconds", 0)),  # type: ignore[call-overload]
            elapsed_before=elapsed,
            running_since=running_since,
            segment_wall=segment if isinstance(segment, str) else None,
            boot=boot,
        )


def format_clock(seconds: float) -> str:
    """``12:05`` counting down, ``+2:10`` in overtime."""
    if seconds > 0:
        whole = int(seconds + 0.999)  # show 0:01 until it is really zero
        sign = ""
    else:
        whole = int(-seconds)
        sign = "+"
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"


def window_title(remaining: float, *, paused: bool) -> str:
    """The terminal's title while the timer runs: the time only (anyone glancing at the screen
    sees a title), in ASCII (a terminal without UTF-8 still shows it)."""
    clock = format_clock(remaining)
    if paused:
        return f"paused {clock} - mastery"
    return f"{clock} over - mastery" if remaining <= 0 else f"{clock} left - mastery"
