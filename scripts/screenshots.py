"""`make screenshots`: regenerate screenshots/*.svg at 80x24 from demo data.

Each shot is (file name, keys to press, whether the safety note has been read).
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mastery_tui.app import MasteryApp  # noqa: E402
from mastery_tui.demo import seed_demo  # noqa: E402
from mastery_tui.domain.clock import FakeClock  # noqa: E402
from mastery_tui.store import Store  # noqa: E402

TZ = timezone(timedelta(hours=1))
MOMENT = datetime(2026, 11, 23, 19, 30, tzinfo=TZ)
OUT = ROOT / "screenshots"

SHOTS: list[tuple[str, list[str], bool]] = [
    ("home", [], True),
    ("first-run-safety", [], False),
    ("help", ["question_mark"], True),
]


async def shoot(name: str, keys: list[str], seen: bool, folder: Path) -> Path:
    clock = FakeClock(MOMENT, tz=TZ)
    store = Store.open(folder / name, clock)
    seed_demo(store, clock)
    if not seen:
        store.set_setting("safety_seen", False)
    app = MasteryApp(store=store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause(0.2)
        target = OUT / f"{name}.svg"
        target.write_text(app.export_screenshot(title=f"mastery — {name}"), encoding="utf-8")
    return target


async def main() -> None:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, keys, seen in SHOTS:
            path = await shoot(name, keys, seen, Path(tmp))
            print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    asyncio.run(main())
