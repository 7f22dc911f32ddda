"""What can go wrong with the data on disk, in words a person can act on."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base class: something about the data files. ``str(error)`` is one readable line."""


class CorruptFileError(StoreError):
    """A data file can't be read. It is never overwritten: the bytes stay exactly as they are."""

    def __init__(self, path: Path, reason: str, backup: Path | None = None) -> None:
        self.path = path
        self.reason = reason
        self.backup = backup
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"latest backup: {self.backup}" if self.backup else "no backup of it yet"
        return f"can't read {self.path} ({self.reason.rstrip('.')}); it was left untouched; {where}"


class NotAFolderError(StoreError):
    """The data folder named is a file (a mistyped --data-dir or MASTERY_HOME), or a file
    stands where a folder of it should be (``practice``)."""

    def __init__(self, path: Path, what: str = "") -> None:
        self.path = path
        self.what = what
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.what:
            return (
                f"{self.path} is a file where the folder of {self.what} should be; nothing was "
                "read or changed (move the file away, then see mastery check)"
            )
        return f"{self.path} is a file, not a folder; give a folder with --data-dir or MASTERY_HOME"


class NoParentError(StoreError):
    """A data folder named (--data-dir, MASTERY_HOME) whose parent doesn't exist: a typo, most
    likely, so nothing is created."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(str(self))

    def __str__(self) -> str:
        return (
            f"{self.path.parent} doesn't exist, so {self.path} wasn't made; check the name, "
            "or create the folder above it first"
        )


class SaveError(StoreError):
    """A save did not happen (disk full, permission denied, lock busy). The old file is intact."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"couldn't save {self.path}: {self.reason}. Nothing saved before was changed"


class LockBusyError(SaveError):
    """Another process held the write lock for longer than we waited."""


class ImportNotSavedError(SaveError):
    """An import that couldn't be written (disk full, …): nothing of it landed."""

    def __str__(self) -> str:
        return (
            f"couldn't import into {self.path}: {self.reason}; nothing was imported, and "
            "nothing saved before was changed"
        )


class MissingFileError(CorruptFileError):
    """The main file is gone from a folder whose backups hold it: deleted or moved, most
    likely. A new empty one is not made over the loss; the backup is named instead."""

    def __str__(self) -> str:
        where = (
            f"the backup {self.backup.parent.name} has it: mastery restore {self.backup.parent.name} "
            "brings it back"
            if self.backup
            else "no backup has it (see mastery check); to begin afresh, move the folder away"
        )
        return f"{self.path} is missing (deleted or moved?), so nothing was opened; {where}"


class ReadOnlyError(SaveError):
    """The data folder can't be written (a read-only disk, a lock file that can't be opened):
    reading works, every save says this."""

    def __init__(self, folder: Path, reason: str) -> None:
        super().__init__(folder, reason)

    def __str__(self) -> str:
        return (
            f"couldn't save: {self.path} can't be written ({self.reason}). "
            "Nothing saved before was changed"
        )


class SessionElsewhereError(StoreError):
    """The practice in progress belongs to another process (another window is running it)."""

    def __str__(self) -> str:
        return "a practice is running in another mastery window; nothing was changed here"
