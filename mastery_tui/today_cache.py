"""``mastery today``'s answer, kept for exactly the data and the day it was worked out for.

A shell prompt or a tmux status bar asks the same question many times a minute; the answer only
changes when the data or the local day does. So the full path (argparse, the Store, every
check) works it out once and keeps it in ``.today``, next to a key of everything it depended on:

- the size and CRC-32 of ``mastery.json`` and of each month file the answer could read from
  (the UTC months of the days from eight days ago to tomorrow: a running week and any zone);
- the local date, UTC offset and ``TZ`` as the C library sees them, and the schema and version.

The fast path (``lean.py``) gives the kept answer while every part of the key still matches,
and otherwise leaves it to the full path, which keeps the new one. Matching is on content,
never on file times. Like ``.checked`` it is a cache: deleting it costs one slow answer.
Imports nothing heavy: it runs before argparse, pathlib or the models load.
"""

from __future__ import annotations

import json
import os
import time
import zlib

from . import __version__
from .store.schema import SCHEMA_VERSION

CACHE_FILE = ".today"
_TEMP = ".today.tmp"  # ends like every temp file the Store cleans up after a crash
MAIN_FILE = "mastery.json"
PRACTICE_DIR = "practice"
DAY = 86400


def _describe(path: str) -> list[int] | None:
    try:
        with open(path, "rb") as handle:
            payload = handle.read()
    except OSError:
        return None
    return [len(payload), zlib.crc32(payload)]


def _months(now: float) -> list[str]:
    """Month file names of the UTC days from eight days before ``now`` to one day after."""
    names = {time.strftime("%Y-%m", time.gmtime(now + offset * DAY)) for offset in range(-9, 3)}
    return sorted(f"{name}.json" for name in names)


def key(folder: str, now: float | None = None) -> dict[str, object]:
    """What an answer worked out now, from the files as they are now, depends on."""
    now = time.time() if now is None else now
    local = time.localtime(now)
    return {
        "version": __version__,
        "schema": SCHEMA_VERSION,
        "date": time.strftime("%Y-%m-%d", local),
        "offset": local.tm_gmtoff,
        "tz": os.environ.get("TZ"),
        "main": _describe(os.path.join(folder, MAIN_FILE)),
        "months": {
            name: _describe(os.path.join(folder, PRACTICE_DIR, name)) for name in _months(now)
        },
    }


def kept(folder: str, current: dict[str, object], form: str) -> str | None:
    """The answer kept for ``current`` in ``form`` ("line" or "json"), or None."""
    try:
        with open(os.path.join(folder, CACHE_FILE), "rb") as handle:
            saved = json.loads(handle.read(1 << 20))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(saved, dict) or saved.get("key") != current:
        return None
    answer = saved.get(form)
    return answer if isinstance(answer, str) else None


def keep(folder: str, for_key: dict[str, object], answers: dict[str, str]) -> None:
    """Keep ``answers`` ({"line": ..., "json": ...}) for ``for_key``. Best effort."""
    path = os.path.join(folder, CACHE_FILE)
    temp = os.path.join(folder, _TEMP)
    try:
        descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(json.dumps({"key": for_key, **answers}, ensure_ascii=False).encode())
        os.replace(temp, path)
    except OSError:
        for name in (CACHE_FILE, _TEMP):
            try:
                os.unlink(os.path.join(folder, name))
            except OSError:
                pass
