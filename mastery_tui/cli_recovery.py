"""``mastery check``, ``mastery backups`` and ``mastery restore``: what they print and ask.
They run on the folder itself, so they work when a file is damaged. No Textual here."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

from .cli import DataError, UsageError
from .store import backups, recovery
from .store.layout import ASIDE_DIR, BACKUP_DIR, MAIN_FILE, PRACTICE_DIR

WIDTH = 24  # the file column


def _folder(data_dir: Path) -> Path:
    if not data_dir.is_dir():
        raise DataError(f"there is no data folder at {data_dir}")
    return data_dir


def _read(data_dir: Path) -> tuple[list[recovery.FileReport], list[recovery.BackupReport]]:
    try:
        return recovery.check(_folder(data_dir))
    except recovery.StoreError as error:
        raise DataError(str(error)) from None


def check(data_dir: Path, out: TextIO = sys.stdout) -> int:
    """Print what every data file and backup holds; returns the exit status (1: a data file
    can't be read, or one a backup holds is missing)."""
    live, made = _read(data_dir)
    for report in live:
        if report.problem is None:
            out.write(f"{report.relative:<{WIDTH}}good: {recovery.describe(report.counts)}\n")
            continue
        out.write(f"{report.relative:<{WIDTH}}can't be read: {report.problem}\n")
        if report.problem.startswith("written by a newer mastery"):  # a restore would lose it
            out.write(
                f"{'':<{WIDTH}}upgrade mastery to read it (a backup would lose its newest work)\n"
            )
            continue
        if report.relative == PRACTICE_DIR:
            continue
        good = next(
            (
                b
                for b in made
                if any(f.relative == report.relative and f.problem is None for f in b.files)
            ),
            None,
        )
        if good is None:
            out.write(f"{'':<{WIDTH}}no good copy of it in the backups\n")
        else:
            out.write(f"{'':<{WIDTH}}last good copy: {good.folder / report.relative}\n")
            out.write(
                f"{'':<{WIDTH}}to go back to that backup: mastery restore {good.folder.name}\n"
            )
    gone = [m for m in recovery.missing(data_dir, made) if m.set_aside is None]
    for lost in gone:
        assert lost.backup is not None  # (found in one)
        out.write(f"{lost.relative:<{WIDTH}}missing (deleted or moved?)\n")
        out.write(
            f"{'':<{WIDTH}}the backup {lost.backup.name} has it ({recovery.describe(lost.counts)}): "
            f"copy back {lost.backup / lost.relative}\n"
        )
    here = {r.relative for r in live} | {m.relative for m in gone}
    if MAIN_FILE not in here and (live or made):  # no backup has it either
        out.write(f"{MAIN_FILE:<{WIDTH}}missing (deleted or moved?); no backup has it\n")
        gone.append(recovery.MissingReport(MAIN_FILE, None, {}, None))
    if not live and not gone:
        out.write(f"{'(no data files)':<{WIDTH}}nothing saved here yet\n")
    damaged = [b.folder.name for b in made if not b.good]
    if (problem := backups.root_problem(data_dir / BACKUP_DIR)) is not None:
        out.write(f"{'backups':<{WIDTH}}{problem}\n")
        return 1
    if not made:
        out.write(f"{'backups':<{WIDTH}}none yet (one is made at the first save of each day)\n")
    elif damaged:
        out.write(
            f"{'backups':<{WIDTH}}{len(made)}; {len(damaged)} with a file that can't be read "
            f"(the others keep good copies): {', '.join(damaged)}\n"
        )
    else:
        out.write(f"{'backups':<{WIDTH}}{len(made)}, all good (latest: {made[0].folder.name})\n")
    return 1 if gone or any(r.problem for r in live) else 0


def list_backups(data_dir: Path, out: TextIO = sys.stdout) -> None:
    made = _read(data_dir)[1]
    if (problem := backups.root_problem(data_dir / BACKUP_DIR)) is not None:
        raise DataError(problem)
    if not made:
        out.write("No backups yet: one is made at the first save of each day.\n")
        return
    out.write(f"Backups in {data_dir / 'backups'}, the one made last first:\n")
    for report in made:
        line = f"{report.folder.name}  {recovery.describe(report.counts())}"
        bad = [f for f in report.files if f.problem is not None]
        if bad and bad[0].relative == recovery.WHOLE:
            line += f"  (can't be restored: {bad[0].problem})"
        elif bad:
            line += f"  (can't be restored: {', '.join(f.relative for f in bad)} can't be read)"
        for relative, source in sorted(report.carried.items()):
            line += f"  ({relative} was damaged then: this holds its good copy from {source})"
        for relative in backups.left_out_of(report.folder):
            line += f"  ({relative} was damaged then, with no good copy to keep: not in it)"
        out.write(line + "\n")


def restore(
    data_dir: Path,
    when: str,
    *,
    yes: bool,
    now: datetime,
    stdin: TextIO = sys.stdin,
    out: TextIO = sys.stdout,
) -> None:
    folder = recovery.find_backup(_folder(data_dir), when)
    report = recovery.inspect_backup(folder)
    recovery.usable(report)  # refused before asking
    question = (
        f"Restore the backup {folder.name} ({recovery.describe(report.counts())})? "
        f"Your current files are kept in {data_dir / ASIDE_DIR} first. [y/N] "
    )
    if not yes:
        if not stdin.isatty():
            raise UsageError(
                f"restoring {folder.name} replaces your data files: add --yes to do it"
            )
        out.write(question)
        out.flush()
        if stdin.readline().strip().lower() not in ("y", "yes"):
            out.write("Nothing was changed.\n")
            return
    aside = recovery.restore(data_dir, report, now)
    out.write(f"Restored the backup {folder.name}. Your files as they were are in {aside}\n")
    restored = {f.relative for f in report.files}
    only_aside = sorted(
        p.relative_to(aside).as_posix() for p in recovery.data_files(aside)
        if p.relative_to(aside).as_posix() not in restored
    )  # fmt: skip
    if only_aside:
        out.write(
            f"Not in that backup, so now only in {aside}: {', '.join(only_aside)} "
            "(copy back what you need)\n"
        )
