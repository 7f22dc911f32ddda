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

from ..domain.errors import ValidationError
from ..domain.models import Practice, Record
from . import backups
from .errors import CorruptFileError, StoreError
from .files import (
    DIR_MODE,
    DirLock,
    decode_json,
    ensure_private_dir,
    fsync_dir,
    reason_for,
    write_bytes_atomic,
)
from .practices import MOVE_MARKER
from .store import BACKUP_DIR, LOCK_FILE, MAIN_FILE, PRACTICE_DIR, TABLES

ASIDE_DIR = "aside"
_KINDS: dict[str, type[Record]] = {name: kind for kind, name in TABLES.items()}
_KINDS["practices"] = Practice  # the month files' one table
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


def data_files(folder: Path) -> list[Path]:
    """The data files of a data folder or of a backup: the main file, then the month files."""
    months = sorted((folder / PRACTICE_DIR).glob("[0-9][0-9][0-9][0-9]-[0-9][0-9].json"))
    main = folder / MAIN_FILE
    return ([main] if main.is_file() else []) + months


def inspect_file(path: Path, folder: Path) -> FileReport:
    """Parse ``path`` and build every record in it, as the app would."""
    relative = path.relative_to(folder).as_posix()
    try:
        tables = decode_json(path, path.read_bytes())
        counts: dict[str, int] = {}
        for name, docs in tables.items():
            kind = _KINDS.get(name)
            if kind is None:
                continue
            for doc in docs.values():
                kind.from_dict(doc)
            counts[name] = len(docs)
    except CorruptFileError as error:
        return FileReport(relative, problem=error.reason)
    except ValidationError as error:
        return FileReport(relative, problem=f"a stored record is invalid: {error}")
    except OSError as error:
        return FileReport(relative, problem=os.strerror(error.errno or 0) or str(error))
    return FileReport(relative, counts)


def inspect_backup(folder: Path) -> BackupReport:
    import json

    try:
        carried = json.loads((folder / backups.MADE).read_text(encoding="utf-8")).get("carried", {})
    except (OSError, ValueError, AttributeError):
        carried = {}
    files = [inspect_file(path, folder) for path in data_files(folder)]
    return BackupReport(folder, files, carried if isinstance(carried, dict) else {})


def check(data_dir: Path) -> tuple[list[FileReport], list[BackupReport]]:
    """Every data file and every backup, as they are now."""
    live = [inspect_file(path, data_dir) for path in data_files(data_dir)]
    return live, [inspect_backup(day) for day in backups.backup_days(data_dir / BACKUP_DIR)]


def describe(counts: dict[str, int]) -> str:
    names = sorted(counts, key=lambda n: _ORDER.index(n) if n in _ORDER else len(_ORDER))
    parts = [f"{counts[n]} {n if counts[n] != 1 else n[:-1]}" for n in names]
    return ", ".join(parts) if parts else "no records"


def find_backup(data_dir: Path, when: str) -> Path:
    made = backups.backup_days(data_dir / BACKUP_DIR)
    if not made:
        raise RestoreError(f"there are no backups in {data_dir / BACKUP_DIR} yet")
    if when == "latest":
        return made[0]
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
    aside = data_dir / ASIDE_DIR / now.strftime("%Y-%m-%dT%H-%M-%S")
    with DirLock(data_dir / LOCK_FILE).hold():
        try:
            ensure_private_dir(data_dir / ASIDE_DIR)
            aside.mkdir(mode=DIR_MODE)
            (aside / PRACTICE_DIR).mkdir(mode=DIR_MODE)
            current = data_files(data_dir)
            # A move between month files belongs to the current files, not the backup's.
            marker = data_dir / PRACTICE_DIR / MOVE_MARKER
            if marker.exists():
                current.append(marker)
            for path in current:  # copies first: until the last one is safe, nothing is replaced
                write_bytes_atomic(aside / path.relative_to(data_dir), path.read_bytes())
            wanted = {Path(f.relative) for f in report.files}
            for relative in sorted(wanted):
                (data_dir / relative).parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
                write_bytes_atomic(data_dir / relative, (folder / relative).read_bytes())
            for path in current:  # files the backup didn't have yet: kept aside, not here
                if path.relative_to(data_dir) not in wanted:
                    path.unlink()
            fsync_dir(data_dir)
        except OSError as error:
            raise RestoreError(
                f"couldn't restore {folder.name} ({reason_for(error)}); your files as they were "
                f"are in {aside} if it was made, else untouched"
            ) from None
    return aside
