"""Keys as a terminal sends them, for writing whole sequences at once, and a busy machine.

``keys("n", "enter", "42", "tab")`` gives the bytes a terminal sends for those keys (names
from ``KEYS``; anything else is typed as text). ``busy_cpus()`` keeps every CPU busy with
other processes while a test runs, so a test that only passes on an idle machine fails here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

KEYS: dict[str, bytes] = {
    "enter": b"\r",
    "tab": b"\t",
    "backspace": b"\x7f",
    "ctrl+s": b"\x13",
    "ctrl+n": b"\x0e",
    "space": b" ",
    "up": b"\x1b[A",
    "down": b"\x1b[B",
    "right": b"\x1b[C",
    "left": b"\x1b[D",
    "home": b"\x1b[H",
    "end": b"\x1b[F",
}
# A lone escape is only told apart from the start of a sequence by a pause after it, so
# escape never appears inside a burst; tests send it on its own.
ESCAPE = b"\x1b"


def keys(*names: str) -> bytes:
    return b"".join(KEYS.get(name, name.encode()) for name in names)


@contextmanager
def busy_cpus(count: int | None = None) -> Iterator[None]:
    """``count`` processes that spin until the block ends. By default every CPU is kept busy:
    one spinner per CPU, less the suite's other workers, each as busy as a spinner. Run alone,
    two spinners on two CPUs; in ``make test`` (two workers per CPU) the other three workers
    already keep both CPUs busy, and spinners there only took a fifth of the suite's CPU time."""
    cpus = os.cpu_count() or 2
    others = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1")) - 1
    spinners = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"])
        for _ in range(count or max(0, cpus - others))
    ]
    try:
        yield
    finally:
        for spinner in spinners:
            spinner.kill()
        for spinner in spinners:
            spinner.wait(timeout=10)


def stored(data_dir: Path, table: str) -> list[dict[str, Any]]:
    """The records of ``table`` ("practices", "tasks", "areas"...) as the files hold them now.

    For polling while the app runs: a plain read of the JSON, without the Store (no lock, no
    checks, nothing the app under test would wait on). The app replaces its files atomically,
    so a read sees a whole file, old or new. Final checks open the Store."""
    if table == "practices":
        files = sorted((data_dir / "practice").glob("[0-9][0-9][0-9][0-9]-[0-9][0-9].json"))
    else:
        files = [data_dir / "mastery.json"]
    rows: list[dict[str, Any]] = []
    for path in files:
        try:
            rows.extend(json.loads(path.read_bytes()).get(table, {}).values())
        except (OSError, ValueError):  # not written yet
            continue
    return rows


def wait_until(check: Callable[[], T | None], timeout: float, what: str) -> T:
    """Poll ``check`` (a cheap read: see ``stored``) until it returns something truthy."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not there after {timeout} s")
        time.sleep(0.05)
