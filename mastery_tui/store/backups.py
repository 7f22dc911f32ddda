"""Daily backups: at the first write of a day, the data files are kept in backups/YYYY-MM-DD/.

- **Only a good copy is ever kept.** A file is copied only if the app could open it as it is
  (it parses and every record in it builds: ``verify``). A damaged file is never copied: the
  new backup carries the last good copy forward instead (a hard link), so the newest backup
  holds a good copy of every file there is, and the rotation never removes the last good
  copy of any file, even one since deleted from the data folder.
- **Ordered by when they were made**, not by their names: each backup holds ``.made`` (a
  sequence number, one more than the newest before it). A backup named by a clock that was
  wrong (2030-06-01) is simply an older backup once the clock is right again.
- **Retention**: the last good copy of every file, and the newest 14, plus the newest of each of the 8 latest weeks, plus the newest
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
from typing import Any

from .files import DIR_MODE, FILE_MODE, fsync_dir, write_new_private
from .layout import ASIDE_DIR, MONTH_GLOB, PRACTICE_DIR
from .verify import is_good

KEEP_DAYS = 14
KEEP_WEEKS = 8
KEEP_MONTHS = 12
# Inside each backup: {"made": sequence number, "checks": CHECKS, "carried": {file: the day
# its good copy was first backed up}}.
MADE = ".made"
CHECKS = "records"  # made since a copy had to build every record, not only parse
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MOST = 10**9  # a sequence number beyond this is damage, not a backup made later


def made_info(folder: Path) -> dict[str, Any]:
    """What ``.made`` says (empty when it is missing or damaged: nothing in it is trusted)."""
    try:
        info = json.loads((folder / MADE).read_bytes()[:100_000])
    except (OSError, ValueError, RecursionError):
        return {}
    return info if isinstance(info, dict) else {}


def made_number(folder: Path) -> int:
    """The backup's place in the order backups were made (0: made before backups were numbered)."""
    number = made_info(folder).get("made")
    if isinstance(number, bool) or not isinstance(number, int) or not 0 <= number < _MOST:
        return 0
    return number


def carried_from(folder: Path) -> dict[str, str]:
    """The files this backup carried forward instead of a damaged one, with the day of the
    good copy."""
    carried = made_info(folder).get("carried")
    if not isinstance(carried, dict):
        return {}
    return {k: v for k, v in carried.items() if isinstance(k, str) and isinstance(v, str)}


def left_out_of(folder: Path) -> list[str]:
    """Files left out of this backup: damaged, with no good copy anywhere to carry."""
    names = made_info(folder).get("left_out")
    return [n for n in names if isinstance(n, str)] if isinstance(names, list) else []


def _is_day(name: str) -> bool:
    if not _DAY.match(name):
        return False
    try:
        date.fromisoformat(name)
    except ValueError:  # 2026-13-45: not a backup of ours
        return False
    return True


def backup_days(root: Path) -> list[Path]:
    """Backup folders, the one made last first."""
    try:
        folders = [p for p in root.iterdir() if _is_day(p.name) and p.is_dir()]
    except OSError:  # none yet, or not a folder we can read
        return []
    return sorted(folders, key=lambda p: (made_number(p), p.name), reverse=True)


def is_good_copy(path: Path) -> bool:
    """A file the app could open as it is: it parses and every record in it builds."""
    return is_good(path)


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
    # made under these rules: its copies were checked record by record
    trusted = (
        previous is not None
        and made_number(previous) > 0
        and made_info(previous).get("checks") == CHECKS
    )
    staging = root / f".{day}.{os.getpid()}.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(mode=DIR_MODE)
    carried: dict[str, str] = {}
    left_out: list[str] = []
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
                name = relative.as_posix()
                folder = root / good.relative_to(root).parts[0]
                carried[name] = carried_from(folder).get(name, folder.name)  # where it began
            else:
                left_out.append(relative.as_posix())  # damaged, and never a good copy kept
        number = max((made_number(p) for p in made), default=0) + 1
        info = {"made": number, "checks": CHECKS, "carried": carried, "left_out": left_out}
        write_new_private(staging / MADE, json.dumps(info).encode())
        os.replace(staging, target)
        fsync_dir(root)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    prune(root)
    return target


def missing_here(data_dir: Path, root: Path) -> list[tuple[str, Path]]:
    """Month files a backup has a good copy of that ``data_dir`` doesn't, unless a restore
    set them aside: (``practice/2026-10.json``, the newest good copy). Cheap: names first."""
    gone: dict[str, Path] = {}
    passed: set[str] = set()
    for folder in backup_days(root):  # the one made last first
        try:
            kept = sorted((folder / PRACTICE_DIR).glob(MONTH_GLOB))
        except OSError:
            continue
        for copy in kept:
            relative = f"{PRACTICE_DIR}/{copy.name}"
            if relative in passed or relative in gone:
                continue
            if (data_dir / relative).exists() or set_aside(data_dir, relative) is not None:
                passed.add(relative)
            elif is_good(copy):
                gone[relative] = copy
    return sorted(gone.items())


def root_problem(root: Path) -> str | None:
    """Why the backups folder can't be read, when it is there and can't be."""
    try:
        os.listdir(root)
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        return f"{root} is a file, not the folder of your backups"
    except OSError as error:
        return f"{root} can't be read ({error.strerror or error})"
    return None


def last_said(root: Path) -> str:
    """The newest backup, in words, for a message about one that couldn't be made."""
    if (problem := root_problem(root)) is not None:
        return problem
    last = next(iter(backup_days(root)), None)
    return f"the last one is from {last.name}" if last else "there is none yet"


def missing_said(data_dir: Path, root: Path) -> list[str]:
    """What to tell of each month file ``missing_here`` finds: said at every open, since it
    looks like lost practices."""
    return [
        f"{relative} is missing from {data_dir} (deleted or moved?); a good copy is in {copy}: "
        "copy it back, or see mastery check"
        for relative, copy in missing_here(data_dir, root)
    ]


def set_aside(data_dir: Path, relative: str) -> Path | None:
    """The copy of ``relative`` a restore kept aside, the latest one, if there is one."""
    try:
        copies = sorted((data_dir / ASIDE_DIR).glob(f"*/{relative}"), reverse=True)
    except OSError:
        return None
    return copies[0] if copies else None


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
    """Remove the backups the rotation doesn't keep, except one that holds the last good copy
    of a file (a file since damaged past every kept copy, or deleted from the data folder)."""
    import shutil  # here: a CLI start needn't import it

    folders = backup_days(root)
    keep = to_keep(folders)
    for old in folders:  # the one made last first: a newer last good copy is found first
        if old not in keep:
            if _holds_a_last_good_copy(old, [f for f in folders if f in keep]):
                keep.add(old)
                continue
            shutil.rmtree(old, ignore_errors=True)


def _files_in(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.rglob("*.json") if p.is_file()]
    except OSError:
        return []


def _holds_a_last_good_copy(folder: Path, kept: list[Path]) -> bool:
    """Whether ``folder`` has a good copy of a file no kept backup has a good copy of."""
    for path in _files_in(folder):
        relative = path.relative_to(folder)
        try:
            inode = path.stat().st_ino
        except OSError:
            continue
        others = [k / relative for k in kept]
        if any(_inode(other) == inode for other in others):
            continue  # the same copy (a hard link) stays in a kept backup
        if any(other.is_file() and is_good(other) for other in others):
            continue
        if is_good(path):
            return True
    return False


def _inode(path: Path) -> int | None:
    try:
        return path.stat().st_ino
    except OSError:
        return None


def clean_staging(root: Path) -> None:
    """Remove half-made backups left by a process that was killed while making one."""
    import shutil  # here: a CLI start needn't import it

    if root.is_dir():
        for leftover in root.glob(".*.tmp"):
            shutil.rmtree(leftover, ignore_errors=True)
