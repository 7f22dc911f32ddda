"""Daily backups: at the first write of a day, the data files are kept in backups/YYYY-MM-DD/.

- **Only a good copy is ever kept.** A file is copied only if it parses. A damaged file is
  never copied: the new backup carries the last good copy forward instead (a hard link), so
  the newest backup always holds a good copy of every file, whatever the rotation removes.
- **Ordered by when they were made**, not by their names: each backup holds ``.made`` (a
  sequence number, one more than the newest before it). A backup named by a clock that was
  wrong (2030-06-01) is simply an older backup once the clock is right again.
- **Retention**: the newest 14, plus the newest of each of the 8 latest weeks, plus the newest
  of each of the 12 latest months (by the day in the name).
- A backup is a real copy, so nothing done to a live file (an editor writing in place, a bad
  sector) reaches it. A file unchanged since the previous backup is hard-linked to that copy
  instead of copied again, so the backups of ten years of records cost little more than one.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from .errors import CorruptFileError
from .files import DIR_MODE, FILE_MODE, decode_json, fsync_dir, write_new_private

KEEP_DAYS = 14
KEEP_WEEKS = 8
KEEP_MONTHS = 12
MADE = ".made"  # inside each backup: {"made": sequence number, "carried": {file: from backup}}
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def made_number(folder: Path) -> int:
    """The backup's place in the order backups were made (0: made before backups were numbered)."""
    try:
        return int(json.loads((folder / MADE).read_text(encoding="utf-8"))["made"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0


def backup_days(root: Path) -> list[Path]:
    """Backup folders, the one made last first."""
    try:
        folders = [p for p in root.iterdir() if p.is_dir() and _DAY.match(p.name)]
    except OSError:  # none yet, or not a folder we can read
        return []
    return sorted(folders, key=lambda p: (made_number(p), p.name), reverse=True)


def is_good_copy(path: Path) -> bool:
    """A file that parses as a mastery data file."""
    try:
        decode_json(path, path.read_bytes())
    except (OSError, CorruptFileError):
        return False
    return True


def latest_backup_of(root: Path, relative: Path) -> Path | None:
    """The last good copy of ``relative``: in the backup made last that holds one that parses
    (backups made before this rule could hold a damaged copy; it is passed over)."""
    for day in backup_days(root):
        candidate = day / relative
        if candidate.is_file() and is_good_copy(candidate):
            return candidate
    return None


def _same_file(a: Path, b: Path) -> bool:
    try:
        sa, sb = a.stat(), b.stat()
    except FileNotFoundError:
        return False
    return sa.st_size == sb.st_size and sa.st_mtime_ns == sb.st_mtime_ns


def make_backup(data_dir: Path, root: Path, day: str, files: Iterable[Path]) -> Path | None:
    """Back up ``files`` (inside ``data_dir``) as ``root/day``, once a day. Returns the folder
    if one was made. Builds it under a temp name and renames it, so a half-made backup never
    looks finished. Raises OSError if it can't be made (the caller says so)."""
    import shutil  # here: a CLI start needn't import it

    target = root / day
    if target.exists():
        return None
    root.mkdir(mode=DIR_MODE, exist_ok=True)
    made = backup_days(root)
    previous = made[0] if made else None
    trusted = previous is not None and made_number(previous) > 0  # made under these rules
    staging = root / f".{day}.{os.getpid()}.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(mode=DIR_MODE)
    carried: dict[str, str] = {}
    try:
        for source in files:
            relative = source.relative_to(data_dir)
            dest = staging / relative
            dest.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
            earlier = previous / relative if previous else None
            if (
                earlier is not None
                and _same_file(source, earlier)
                and (trusted or is_good_copy(earlier))
            ):
                os.link(earlier, dest)  # unchanged since a copy that was good
            elif is_good_copy(source):
                shutil.copy2(source, dest)
                os.chmod(dest, FILE_MODE)
            elif (good := latest_backup_of(root, relative)) is not None:
                os.link(good, dest)  # damaged: the last good copy goes forward, not the damage
                carried[relative.as_posix()] = good.relative_to(root).parts[0]
        number = max((made_number(p) for p in made), default=0) + 1
        write_new_private(staging / MADE, json.dumps({"made": number, "carried": carried}).encode())
        os.replace(staging, target)
        fsync_dir(root)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    prune(root)
    return target


def _day_of(folder: Path) -> date:
    return date.fromisoformat(folder.name)


def to_keep(folders: list[Path]) -> set[Path]:
    """Of ``folders`` (the one made last first): the newest 14, the newest of each of the 8
    latest weeks and the newest of each of the 12 latest months."""
    keep = set(folders[:KEEP_DAYS])
    weeks: dict[tuple[int, int], Path] = {}
    months: dict[tuple[int, int], Path] = {}
    for folder in folders:
        day = _day_of(folder)
        week = day.isocalendar()[:2]
        if week not in weeks and len(weeks) < KEEP_WEEKS:
            weeks[week] = folder
        month = (day.year, day.month)
        if month not in months and len(months) < KEEP_MONTHS:
            months[month] = folder
    return keep | set(weeks.values()) | set(months.values())


def prune(root: Path) -> None:
    import shutil  # here: a CLI start needn't import it

    folders = backup_days(root)
    keep = to_keep(folders)
    for old in folders:
        if old not in keep:
            shutil.rmtree(old, ignore_errors=True)


def clean_staging(root: Path) -> None:
    """Remove half-made backups left by a process that was killed while making one."""
    import shutil  # here: a CLI start needn't import it

    if root.is_dir():
        for leftover in root.glob(".*.tmp"):
            shutil.rmtree(leftover, ignore_errors=True)
