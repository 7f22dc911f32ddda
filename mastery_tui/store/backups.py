"""Daily backups: at the first write of a day, the data files are kept in backups/YYYY-MM-DD/.

A backup is a real copy, so nothing done to a live file (an editor writing in place, a bad
sector) reaches it. A file unchanged since the previous backup is hard-linked to that copy
instead of copied again, so fourteen days of backups of ten years of records cost little
more than one.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from .files import DIR_MODE, FILE_MODE, fsync_dir

KEEP_DAYS = 14
_DAY = r"^\d{4}-\d{2}-\d{2}$"


def backup_days(root: Path) -> list[Path]:
    """Backup folders, newest first."""
    if not root.is_dir():
        return []
    return sorted((p for p in root.iterdir() if p.is_dir() and re.match(_DAY, p.name)), reverse=True)


def latest_backup_of(root: Path, relative: Path) -> Path | None:
    for day in backup_days(root):
        candidate = day / relative
        if candidate.is_file():
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
    looks finished."""
    import shutil  # here: a CLI start needn't import it

    target = root / day
    if target.exists():
        return None
    root.mkdir(mode=DIR_MODE, exist_ok=True)
    previous = next(iter(backup_days(root)), None)
    staging = root / f".{day}.{os.getpid()}.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(mode=DIR_MODE)
    try:
        for source in files:
            relative = source.relative_to(data_dir)
            dest = staging / relative
            dest.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
            earlier = previous / relative if previous else None
            if earlier is not None and _same_file(source, earlier):
                os.link(earlier, dest)
            else:
                shutil.copy2(source, dest)
                os.chmod(dest, FILE_MODE)
        os.replace(staging, target)
        fsync_dir(root)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    prune(root)
    return target


def prune(root: Path, keep: int = KEEP_DAYS) -> None:
    import shutil  # here: a CLI start needn't import it

    for old in backup_days(root)[keep:]:
        shutil.rmtree(old, ignore_errors=True)


def clean_staging(root: Path) -> None:
    """Remove half-made backups left by a process that was killed while making one."""
    import shutil  # here: a CLI start needn't import it

    if root.is_dir():
        for leftover in root.glob(".*.tmp"):
            shutil.rmtree(leftover, ignore_errors=True)
