"""``mastery check``, ``mastery backups`` and ``mastery restore``: they work on the data folder
itself, not through ``Store.open``, so they run when a file is damaged (when opening would
stop) and they read without the write lock. Restore is a write: it takes the lock, keeps the
current files in ``aside/<when>/`` first, then puts each file of the backup in place
atomically, so a crash at any point leaves every file whole and nothing lost.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from . import backups
from .errors import CorruptFileError, StoreError
from .files import (
    DIR_MODE,
    DirLock,
    ensure_private_dir,
    fsync_dir,
    reason_for,
    write_bytes_atomic,
)
from .layout import (
    ASIDE_DIR,
    BACKUP_DIR,
    IMPORT_DIR,
    LOCK_FILE,
    MAIN_FILE,
    MONTH_GLOB,
    PRACTICE_DIR,
)
from .practices import MOVE_MARKER
from .verify import record_counts

_ORDER = ("areas", "tasks", "practices", "weeks", "reviews", "notes")


class RestoreError(StoreError):
    """A restore that can't be done (no such backup, a damaged one); nothing was changed."""


@dataclass(frozen=True)
class FileReport:
    """One data file (``relative`` to its folder): its record counts, or why it can't be read."""

    relative: str
    counts: dict[str, int] = field(default_factory=dict)
    problem: str | None = None


@dataclass(frozen=True)
class BackupReport:
    folder: Path
    files: list[FileReport]
    carried: dict[str, str]

    @property
    def good(self) -> bool:
        return all(f.problem is None for f in self.files)

    def counts(self) -> dict[str, int]:
        total: dict[str, int] = {}
        for report in self.files:
            for name, n in report.counts.items():
                total[name] = total.get(name, 0) + n
        return total


@dataclass(frozen=True)
class MissingReport:
    """A data file a backup holds that the data folder doesn't (deleted or moved?)."""

    relative: str
    backup: Path | None  # the backup made last with a good copy of it
    counts: dict[str, int]
    set_aside: Path | None  # where a restore put it, when that is why it is gone


def data_files(folder: Path) -> list[Path]:
    """The data files of a data folder or of a backup: the main file, then the month files.
    Raises OSError when the folder can't be read."""
    practice = folder / PRACTICE_DIR
    months = sorted(practice.glob(MONTH_GLOB)) if practice.is_dir() else []
    main = folder / MAIN_FILE
    return ([main] if main.is_file() else []) + months


def inspect_file(path: Path, folder: Path) -> FileReport:
    """Parse ``path`` and build every record in it, as the app would."""
    relative = path.relative_to(folder).as_posix()
    try:
        counts = record_counts(path)
    except CorruptFileError as error:
        return FileReport(relative, problem=error.reason)
    except OSError as error:
        return FileReport(relative, problem=reason_for(error))
    return FileReport(relative, counts)


WHOLE = "."  # a report on the folder itself, not one of its files


def inspect_backup(folder: Path) -> BackupReport:
    try:
        files = [inspect_file(path, folder) for path in data_files(folder)]
    except OSError as error:  # a backup folder that can't be read
        files = [FileReport(WHOLE, problem=f"the folder can't be read: {reason_for(error)}")]
    if not files:
        files = [FileReport(WHOLE, problem="it holds no data files")]
    return BackupReport(folder, files, backups.carried_from(folder))


def check(data_dir: Path) -> tuple[list[FileReport], list[BackupReport]]:
    """Every data file and every backup, as they are now. Raises StoreError when the data
    folder itself can't be read."""
    practice = data_dir / PRACTICE_DIR
    try:
        if practice.exists() and not practice.is_dir():
            live = [
                FileReport(
                    PRACTICE_DIR, problem="a file where the folder of your practice log should be"
                )
            ]
            live += [
                inspect_file(path, data_dir)
                for path in data_files(data_dir)
                if path.name == MAIN_FILE
            ]
        else:
            live = [inspect_file(path, data_dir) for path in data_files(data_dir)]
    except OSError as error:
        raise StoreError(f"couldn't read {data_dir} ({reason_for(error)})") from None
    return live, [inspect_backup(day) for day in backups.backup_days(data_dir / BACKUP_DIR)]


def missing(data_dir: Path, made: list[BackupReport]) -> list[MissingReport]:
    """Files a backup holds that the data folder doesn't: each with the backup made last
    that has a good copy, and where a restore set it aside if that is why it is gone."""
    try:
        here = {path.relative_to(data_dir).as_posix() for path in data_files(data_dir)}
    except OSError:
        return []
    found: dict[str, MissingReport] = {}
    for report in made:  # the one made last first
        for file in report.files:
            if file.relative in here or file.relative.startswith("(") or file.relative in found:
                continue
            if file.problem is None:
                found[file.relative] = MissingReport(
                    file.relative,
                    report.folder,
                    file.counts,
                    backups.set_aside(data_dir, file.relative),
                )
    return sorted(found.values(), key=lambda m: m.relative)


def describe(counts: dict[str, int]) -> str:
    names = sorted(counts, key=lambda n: _ORDER.index(n) if n in _ORDER else len(_ORDER))
    parts = [f"{counts[n]} {n if counts[n] != 1 else n[:-1]}" for n in names]
    return ", ".join(parts) if parts else "no records"


def find_backup(data_dir: Path, when: str) -> Path:
    made = backups.backup_days(data_dir / BACKUP_DIR)
    if not made:
        raise RestoreError(f"there are no backups in {data_dir / BACKUP_DIR} yet")
    if when == "latest":  # the newest backup that can be used
        return next((f for f in made if inspect_backup(f).good), made[0])
    for folder in made:
        if folder.name == when:
            return folder
    names = ", ".join(f.name for f in made[:5])
    raise RestoreError(f"no backup called '{when}'; the latest are {names} (see 'mastery backups')")


def usable(report: BackupReport) -> None:
    """Raise RestoreError (nothing changed) unless every file of the backup can be read."""
    folder = report.folder
    if not report.files:
        raise RestoreError(f"the backup {folder.name} holds no data files")
    if not report.good:
        bad = next(f for f in report.files if f.problem is not None)
        raise RestoreError(
            f"the backup {folder.name} can't be used: {bad.relative} can't be read ({bad.problem}); "
            "nothing was changed"
        )


def restore(data_dir: Path, report: BackupReport, now: datetime) -> Path:
    """Make the data folder hold exactly the files of the backup ``report`` describes. The
    current files are copied to ``aside/<now>/`` first; returns that folder. A backup with a
    file that can't be read is refused before anything is touched."""
    usable(report)
    folder = report.folder
    with DirLock(data_dir / LOCK_FILE).hold():
        aside: Path | None = None
        try:
            ensure_private_dir(data_dir / ASIDE_DIR)
            aside = _new_aside(data_dir / ASIDE_DIR, now.strftime("%Y-%m-%dT%H-%M-%S"))
            (aside / PRACTICE_DIR).mkdir(mode=DIR_MODE)
            current = data_files(data_dir)
            # A move between month files belongs to the current files, not the backup's.
            marker = data_dir / PRACTICE_DIR / MOVE_MARKER
            if marker.exists():
                current.append(marker)
            if (data_dir / IMPORT_DIR).exists():  # an import left unfinished: it is not
                os.rename(data_dir / IMPORT_DIR, aside / IMPORT_DIR)  # replayed over the backup
            moved: set[Path] = set()
            for path in current:  # copies first: until the last one is safe, nothing is replaced
                kept = aside / path.relative_to(data_dir)
                try:
                    payload = path.read_bytes()
                except PermissionError:  # a file that can't be read is moved aside whole
                    os.rename(path, kept)
                    moved.add(path)
                    continue
                write_bytes_atomic(kept, payload)
            wanted = {Path(f.relative) for f in report.files}
            for relative in sorted(wanted):
                (data_dir / relative).parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
                write_bytes_atomic(data_dir / relative, (folder / relative).read_bytes())
            for path in current:  # files the backup didn't have yet: kept aside, not here
                if path not in moved and path.relative_to(data_dir) not in wanted:
                    path.unlink()
            fsync_dir(data_dir)
        except (OSError, StoreError) as error:
            reason = reason_for(error) if isinstance(error, OSError) else str(error)
            where = f"are in {aside}" if aside is not None else "were not touched"
            raise RestoreError(
                f"couldn't restore {folder.name} ({reason}); your files as they were {where}"
            ) from None
    return aside


def _new_aside(parent: Path, stamp: str) -> Path:
    """``aside/2026-11-30T10-00-00``, or ``…-2`` when a restore in the same second made that."""
    for n in range(1, 1000):
        aside = parent / (stamp if n == 1 else f"{stamp}-{n}")
        try:
            aside.mkdir(mode=DIR_MODE)
        except FileExistsError:
            continue
        return aside
    raise RestoreError(f"too many restores in {parent} this second; try again")
