"""What a data folder holds, by name: the files, the folders and the tables in them."""

from __future__ import annotations

import re
from pathlib import Path

from ..domain.clock import FIRST_YEAR, LAST_YEAR
from ..domain.models import Area, Note, Practice, Record, Review, Task, WeekPlan
from .errors import NoParentError, NotAFolderError

MAIN_FILE = "mastery.json"
PRACTICE_DIR = "practice"
BACKUP_DIR = "backups"
ASIDE_DIR = "aside"
IMPORT_DIR = ".import"  # an import's staged files and journal until they are in place
MOVE_MARKER = "moving.json"  # in practice/: a move between month files not yet finished
LOCK_FILE = ".lock"
SESSION_LOCK_FILE = ".session.lock"
TABLES: dict[type[Record], str] = {
    Area: "areas",
    Task: "tasks",
    WeekPlan: "weeks",
    Review: "reviews",
    Note: "notes",
}
SETTINGS = "settings"
PRACTICES = "practices"  # the one table of each month file
KINDS: dict[str, type[Record]] = {name: kind for kind, name in TABLES.items()} | {
    PRACTICES: Practice
}
MONTH_GLOB = "[0-9][0-9][0-9][0-9]-[0-9][0-9].json"
_MONTH = re.compile(r"^(\d{4})-(\d{2})\.json$")


def is_month_file(name: str) -> bool:
    """``2026-11.json``: a month a practice can be in. ``0001-01.json`` or ``2026112.json``
    (left by imports before they checked dates) are not."""
    match = _MONTH.match(name)
    if not match or not 1 <= int(match[2]) <= 12:
        return False
    # A practice's own day is 1970-2100 where it happened; its UTC month (the file) can be a
    # month either side: 2100-12-31T23:30-05:00 is in 2101-01.json.
    return f"{FIRST_YEAR - 1}-12" <= name[:7] <= f"{LAST_YEAR + 1}-01"


def check_place(data_dir: Path, *, make_parents: bool) -> bool:
    """Raise when ``data_dir`` can't be a data folder (a file; a file where ``practice/``
    should be; a missing parent when ``make_parents`` is false: a typo, most likely, so
    nothing is made). Returns whether the folder is still to be made."""
    if data_dir.exists() and not data_dir.is_dir():
        raise NotAFolderError(data_dir)
    if (data_dir / PRACTICE_DIR).exists() and not (data_dir / PRACTICE_DIR).is_dir():
        raise NotAFolderError(data_dir / PRACTICE_DIR, "your practice log")
    created = not data_dir.exists()
    if created and not make_parents and not data_dir.parent.is_dir():
        raise NoParentError(data_dir)
    return created
