"""Schema versions of the main file, and the steps between them.

The version lives in the ``_meta`` table of mastery.json. Opening runs every step from the
file's version to ``SCHEMA_VERSION`` inside the write lock (after the day's backup). A file
from a newer mastery is refused, never rewritten.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 1
META_TABLE = "_meta"

Tables = dict[str, Any]


def _v0_to_v1(tables: Tables) -> None:
    """Version 0 is a file without ``_meta`` (never written by a release); nothing to convert."""


MIGRATIONS: dict[int, Callable[[Tables], None]] = {0: _v0_to_v1}


def file_version(tables: Tables) -> int | str:
    """The schema number stored in the file, 0 if it has none, or a string describing garbage."""
    meta = tables.get(META_TABLE)
    if not meta:
        return 0
    doc = next(iter(meta.values()))
    version = doc.get("schema")
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        return f"schema version {version!r} is not a number"
    return version


def migrate(tables: Tables, version: int) -> Tables:
    """Apply every step from ``version`` to SCHEMA_VERSION, in place, and stamp the version."""
    for step in range(version, SCHEMA_VERSION):
        MIGRATIONS[step](tables)
    tables[META_TABLE] = {"1": {"schema": SCHEMA_VERSION, "app": "mastery"}}
    return tables
