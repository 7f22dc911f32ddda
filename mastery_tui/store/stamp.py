"""A note of the main file as the Store last vouched for it, so reading can skip re-checking.

``.checked`` holds the size and CRC-32 of ``mastery.json`` and the schema it was checked
against. The Store writes it after it has checked every record of those exact bytes (and
found each one already in the form it would write itself), and after each of its own saves
over bytes that were vouched for. Then:

- opening skips checking every record again when the bytes still match;
- the fast read path (``mastery_tui/lean.py``: ``mastery tasks``, ``mastery today``) answers
  straight from the file when they match, and otherwise leaves the answer to the Store.

Matching is on the content, never on file times, so a file changed by anything else (an
editor, a sync tool, damage) doesn't match. It is a cache: losing it costs time, not data.
Imports nothing heavy: the fast path runs before argparse, pathlib or the models load.
"""

from __future__ import annotations

import json
import os
import zlib

from .schema import SCHEMA_VERSION

STAMP_FILE = ".checked"
_TEMP = ".checked.tmp"  # ends like every temp file the Store cleans up after a crash


def _describe(payload: bytes) -> dict[str, int]:
    return {"size": len(payload), "crc32": zlib.crc32(payload), "schema": SCHEMA_VERSION}


def vouched(folder: str | os.PathLike[str], payload: bytes | None) -> bool:
    """Whether the Store has checked exactly these bytes of the main file."""
    if payload is None:
        return False
    try:
        with open(os.path.join(folder, STAMP_FILE), "rb") as handle:
            saved = json.loads(handle.read(200))
    except (OSError, ValueError, RecursionError):
        return False
    return saved == _describe(payload)


def vouch(folder: str | os.PathLike[str], payload: bytes | None) -> None:
    """Note that these bytes of the main file are checked. Best effort: it is only a cache."""
    if payload is None:
        return
    path = os.path.join(folder, STAMP_FILE)
    temp = os.path.join(folder, _TEMP)
    try:
        descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(json.dumps(_describe(payload)).encode())
        os.replace(temp, path)
    except OSError:
        forget(folder)


def forget(folder: str | os.PathLike[str]) -> None:
    for name in (STAMP_FILE, _TEMP):
        try:
            os.unlink(os.path.join(folder, name))
        except OSError:
            pass
