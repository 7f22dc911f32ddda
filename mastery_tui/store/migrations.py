"""Schema versions of the main file, and the steps between them.

The version lives in the ``_meta`` table of mastery.json. Opening runs every step from the
file's version to ``SCHEMA_VERSION`` inside the write lock (after the day's backup). A file
from a newer mastery is refused, never rewritten.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .schema import META_TABLE, SCHEMA_VERSION

__all__ = ["META_TABLE", "MIGRATIONS", "SCHEMA_VERSION", "file_version", "migrate"]

Tables = dict[str, Any]


def _v0_to_v1(tables: Tables) -> None:
    """Version 0 is a file without ``_meta`` (never written by a release); nothing to convert."""


def _v1_to_v2(tables: Tables) -> None:
    """Version 2: a practice's ratings and completion may be ``null``, "not rated", which is
    what the person chose when they skipped one (version 1 always stored a number, even one
    the person never gave). Every existing record keeps its values exactly: nothing to convert.
    The version still moves, so an older mastery refuses these files instead of reading a
    ``null`` it doesn't know as a damaged record."""


def _v2_to_v3(tables: Tables) -> None:
    """Version 3: a practice may keep the UTC offset and zone where it happened (``utc_offset``,
    ``zone``), and timestamps are stored in one form. Existing records read as they are (no
    offset: "not known", told in the person's zone). The version moves so an older mastery,
    which would drop those fields when it saves, refuses the files instead."""


def _v3_to_v4(tables: Tables) -> None:
    """Version 4: a task's bad-day answer may be ``null``, "not said yet" (a task added with
    ``mastery add`` and no ``--bad-day``), where version 3 derived one from the estimate. Every
    existing record keeps its values: nothing to convert. The version moves so an older
    mastery refuses these files instead of reading the ``null`` as a damaged record."""


MIGRATIONS: dict[int, Callable[[Tables], None]] = {0: _v0_to_v1, 1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}


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
