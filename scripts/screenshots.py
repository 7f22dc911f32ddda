"""`make screenshots`: regenerate screenshots/*.svg at 80x24 from demo data.

Each shot names a file, the data it starts from (the demo history of ``mastery demo``, the
demo tasks only, a brand-new folder, or a first run), and the keys (or a small driver) that
bring the app to the screen. The clock is fake and fixed, so shots are stable.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual.pilot import Pilot  # noqa: E402

from mastery_tui.app import MasteryApp  # noqa: E402
from mastery_tui.demo import seed_demo, seed_demo_history  # noqa: E402
from mastery_tui.domain.clock import FakeClock  # noqa: E402
from mastery_tui.services import Services  # noqa: E402
from mastery_tui.store import Store  # noqa: E402

TZ = timezone(timedelta(hours=1))
MOMENT = datetime(2026, 11, 23, 19, 30, tzinfo=TZ)  # a Monday evening
OUT = ROOT / "screenshots"

Driver = Callable[[Pilot], Awaitable[None]]


def keys(*pressed: str) -> Driver:
    async def drive(pilot: Pilot) -> None:
        for key in pressed:
            await pilot.press(key)
            await pilot.pause()

    return drive


def advance(seconds: float) -> Driver:
    async def drive(pilot: Pilot) -> None:
        pilot.app.services.clock.advance(seconds)  # type: ignore[attr-defined]
        pilot.app.screen.tick()  # type: ignore[attr-defined]
        pilot.app.clear_notifications()
        await pilot.pause()

    return drive


def steps(*drivers: Driver) -> Driver:
    async def drive(pilot: Pilot) -> None:
        for driver in drivers:
            await driver(pilot)

    return drive


TO_TIMER = keys("n", "enter", "3", "5", "enter", "4", "0", "enter")
TO_AFTER = steps(TO_TIMER, advance(17 * 60), keys("f"))

TO_DAILY = ("b", "down", "down", "down", "right")  # Brainstorm, "Daily living", its tasks

async def settle(pilot: Pilot) -> None:
    """Let screens that read in a thread (log, trends) finish and paint. (Thread workers only:
    a screen's worker waiting on a dialog finishes when the dialog is answered.)"""
    threads = [w for w in pilot.app.workers if getattr(w, "_thread_worker", False)]
    if threads:
        await pilot.app.workers.wait_for_complete(threads)
    await pilot.pause(0.1)


def wait() -> Driver:
    return settle


# Data a shot starts from.
DEMO = "demo"  # the five-week history, a reviewed week and the week running now (Day 3)
TASKS = "tasks"  # the demo tasks, no history
FRESH = "fresh"  # a new user who has read the safety note
FIRST_RUN = "first-run"  # nothing at all

SHOTS: list[tuple[str, str, Driver]] = [
    ("home", DEMO, keys()),
    ("home-new", FRESH, keys()),
    ("first-run-safety", FIRST_RUN, keys()),
    ("support", DEMO, keys("f1")),
    ("help", DEMO, keys("f1", "h")),
    ("learn", DEMO, keys("f1", "h", "l")),
    ("week-setup", TASKS, keys("w", "down", "down")),
    ("week-review", DEMO, keys("w")),
    ("log", DEMO, steps(keys("l"), wait())),
    ("log-detail", DEMO, steps(keys("l"), wait(), keys("down", "down", "enter"))),
    ("log-edit", DEMO, steps(keys("l"), wait(), keys("down", "down", "enter", "e"))),
    ("log-export", DEMO, steps(keys("l"), wait(), keys("e"))),
    ("trends-mood", DEMO, steps(keys("t"), wait())),
    ("trends-confidence", DEMO, steps(keys("t"), wait(), keys("2"), wait())),
    ("trends-difficulty", DEMO, steps(keys("t"), wait(), keys("3"), wait())),
    ("trends-completions", DEMO, steps(keys("t"), wait(), keys("4"), wait())),
    ("trends-mastery", DEMO, steps(keys("t"), wait(), keys("m"), wait())),
    ("coach", DEMO, keys("c")),
    ("notes", DEMO, keys("j")),
    ("brainstorm", DEMO, keys(*TO_DAILY)),
    (
        "brainstorm-form",
        DEMO,
        keys(*TO_DAILY, "n", *"Deep-clean the oven", "tab", "backspace", "backspace", "4", "5", "tab", "end"),
    ),
    ("brainstorm-examples", DEMO, keys(*TO_DAILY, "x", "down")),
    ("brainstorm-split", DEMO, keys(*TO_DAILY, "s", *"Clear the counter", "enter")),
    ("practice-choose", DEMO, keys("n")),
    ("practice-before", DEMO, keys("n", "enter")),
    ("practice-not-rated-yet", DEMO, keys("n", "enter", "3", "5", "enter", "enter")),
    ("practice-timer", DEMO, steps(TO_TIMER, advance(7 * 60 + 5))),
    ("practice-timer-paused", DEMO, steps(TO_TIMER, advance(180), keys("space", "r"))),
    ("practice-overtime", DEMO, steps(TO_TIMER, advance(22 * 60 + 10))),
    ("practice-stop", DEMO, steps(TO_TIMER, advance(4 * 60), keys("escape"))),
    ("practice-after", DEMO, TO_AFTER),
    (
        "practice-acknowledge",
        DEMO,
        steps(
            TO_AFTER,
            keys("y", "enter", "3", "0", "enter", "6", "0", "enter", "5", "5", "enter"),
            keys(*"I can start even when I don't feel like it", "enter"),
        ),
    ),
    ("practice-adjust", DEMO, steps(TO_AFTER, keys("n", "ctrl+s", "enter", "space", "down"))),
]


async def shoot(name: str, data: str, drive: Driver, folder: Path) -> Path:
    clock = FakeClock(MOMENT, tz=TZ)
    (folder / name).mkdir(mode=0o700)  # as if it existed: no "new folder" notice in the shot
    store = Store.open(folder / name, clock)
    if data == DEMO:
        seed_demo_history(store, clock)
    elif data == TASKS:
        seed_demo(store, clock)
    elif data == FRESH:
        store.set_setting("safety_seen", True)
    app = MasteryApp(Services(store, clock))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await drive(pilot)
        await pilot.pause(0.2)
        target = OUT / f"{name}.svg"
        target.write_text(app.export_screenshot(title=f"mastery — {name}"), encoding="utf-8")
    return target


async def main() -> None:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, data, drive in SHOTS:
            path = await shoot(name, data, drive, Path(tmp))
            print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    asyncio.run(main())
