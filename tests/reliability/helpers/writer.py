"""A child process for the reliability tests: it writes to a data folder through the Store.

Run it as a script (``python writer.py MODE ...``); it imports only the store and the domain.
Every line it prints is flushed at once, so the parent sees exactly what happened before a
kill:

- lower case (``t ID TITLE``) is printed *before* a store call: it may or may not have happened;
- upper case (``T ID TITLE``) is printed only *after* the call returned: it must be on disk.

Modes:

``burst DIR NAME OTHER COUNT KIND``
    print ``ready``, wait for a line on stdin (the parent's start signal, so two writers start
    together), then open the store and save COUNT records one call each, titled NAME-000...
    KIND is ``task``, ``practice`` or ``both`` (alternating). After its first save it waits
    until writer OTHER has saved one too, so even on a busy machine the two really write at
    the same time. Prints ``done FIRST LAST`` (wall-clock seconds of the first and last save).

``loop DIR SEED DAYS``
    open the store with the clock moved DAYS days ahead (so each run makes a new daily backup),
    print ``ready``, then save, edit and delete tasks and practices at random until killed.

``move DIR``
    keep one practice, print ``ready``, then move it between October and November (an edit of
    its start date: two month files written) until killed.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from mastery_tui.domain.clock import SystemClock, utc_iso
from mastery_tui.domain.models import Practice, Task, default_area_id
from mastery_tui.store import Store

DAILY = default_area_id("daily")
PRACTICE_MONTH = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)  # burst practices share one month file
MOVE_MONTHS = (datetime(2026, 10, 20, 9, 0, tzinfo=UTC), datetime(2026, 11, 2, 9, 0, tzinfo=UTC))


class ShiftedClock(SystemClock):
    """The real clock, some days ahead."""

    def __init__(self, days: int) -> None:
        super().__init__()
        self.shift = timedelta(days=days)

    def now(self) -> datetime:
        return super().now() + self.shift


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def new_practice(
    now: datetime, title: str, started: datetime, task_id: str | None = None
) -> Practice:
    return Practice.new(
        now=now,
        task_id=task_id,
        task_title=title,
        started=utc_iso(started),
        planned_minutes=10,
        mood_before=50,
        confidence_before=40,
    )


def burst(folder: Path, name: str, other: str, count: int, kind: str) -> None:
    say("ready")
    sys.stdin.readline()
    clock = SystemClock()
    store = Store.open(folder, clock)
    first = time.time()
    for index in range(count):
        title = f"{name}-{index:03d}"
        use_practice = kind == "practice" or (kind == "both" and index % 2)
        if use_practice:
            started = PRACTICE_MONTH + timedelta(minutes=index)
            store.save_practice(new_practice(clock.now(), title, started))
        else:
            store.save(Task.new(now=clock.now(), title=title, area_id=DAILY))
        if index == 0:
            wait_for_writer(store, other)
    say(f"done {first:.6f} {time.time():.6f}")


def wait_for_writer(store: Store, name: str, timeout: float = 30.0) -> None:
    """Until a record titled ``name-...`` is in the store (read while the other one writes)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        titles = [t.title for t in store.all(Task)] + [p.task_title for p in store.practices()]
        if any(title.startswith(f"{name}-") for title in titles):
            return
        time.sleep(0.001)


def loop(folder: Path, seed: int, days: int) -> None:
    rng = random.Random(seed)
    clock = ShiftedClock(days)
    store = Store.open(folder, clock)
    tasks = {t.id: t for t in store.all(Task)}
    practices = {p.id: p for p in store.practices()}
    say("ready")
    serial = 0
    while True:
        serial += 1
        roll = rng.random()
        now = clock.now()
        if roll < 0.45 or not tasks:
            task = Task.new(now=now, title=f"s{seed}-{serial}", area_id=DAILY)
            say(f"t {task.id} {task.title}")
            store.save(task)
            say(f"T {task.id} {task.title}")
            tasks[task.id] = task
        elif roll < 0.60:
            task = tasks[rng.choice(list(tasks))].edit(now=now, title=f"e{seed}-{serial}")
            say(f"e {task.id} {task.title}")
            store.save(task)
            say(f"E {task.id} {task.title}")
            tasks[task.id] = task
        elif roll < 0.70:
            gone = tasks.pop(rng.choice(list(tasks)))
            say(f"d {gone.id}")
            store.delete(Task, gone.id)
            say(f"D {gone.id}")
        elif roll < 0.92 or not practices:
            started = now - timedelta(days=rng.uniform(0, 60))  # a few month files
            practice = new_practice(now, f"p{seed}-{serial}", started, rng.choice(list(tasks)))
            say(f"p {practice.id}")
            store.save_practice(practice)
            say(f"P {practice.id}")
            practices[practice.id] = practice
        else:
            gone_practice = practices.pop(rng.choice(list(practices)))
            say(f"q {gone_practice.id}")
            store.delete_practice(gone_practice)
            say(f"Q {gone_practice.id}")


def move(folder: Path) -> None:
    clock = SystemClock()
    store = Store.open(folder, clock)
    found = store.practices()
    practice = found[0] if found else new_practice(clock.now(), "Walk", MOVE_MONTHS[0])
    if not found:
        store.save_practice(practice)
    say("ready")
    while True:
        october, november = MOVE_MONTHS
        started = november if practice.started.startswith("2026-10") else october
        moved = practice.edit(now=clock.now(), started=utc_iso(started))
        store.save_practice(moved, previous=practice)
        practice = moved


def main(argv: list[str]) -> None:
    mode, folder = argv[0], Path(argv[1])
    if mode == "burst":
        burst(folder, argv[2], argv[3], int(argv[4]), argv[5])
    elif mode == "loop":
        loop(folder, int(argv[2]), int(argv[3]))
    elif mode == "move":
        move(folder)
    else:
        raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
