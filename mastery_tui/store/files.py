"""Durable, private files: atomic replace, fsync, permissions, and the write lock.

Why not TinyDB's JSONStorage: it rewrites the file in place, so a kill in the middle leaves a
file that can't be read. Here every save writes a temp file beside the target, fsyncs it,
``os.replace``s it over the target and fsyncs the folder: a reader sees the old file or the
new one, never half of each.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import stat
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .errors import CorruptFileError, LockBusyError, ReadOnlyError, SaveError

FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_SUFFIX = ".tmp"
LOCK_TIMEOUT = 10.0

_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the disk is read-only",
    errno.EIO: "the disk reported an input/output error",
    errno.EFBIG: "the file would be larger than this disk or account allows",
}


def reason_for(error: OSError) -> str:
    return _REASONS.get(error.errno or 0, error.strerror or str(error))


def temp_name(target: Path) -> str:
    return f".{target.name}.{os.getpid()}.{threading.get_ident()}{TEMP_SUFFIX}"


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_new_private(path: Path, payload: bytes) -> None:
    """Create ``path`` (it must not exist), mode 0600 whatever the umask, write ``payload``
    and fsync it. The first half of every atomic write: a temp file, then a rename."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)  # whatever the umask
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def write_bytes_atomic(target: Path, payload: bytes) -> None:
    """Replace ``target`` with ``payload`` atomically and durably, mode 0600.

    On any OSError the target is byte-identical to before, the temp file is removed and
    SaveError says why.
    """
    try:
        if not os.stat(target).st_mode & stat.S_IWUSR:  # made read-only by its owner: kept so
            raise SaveError(
                target, f"the file is read-only (chmod u+w {target} lets mastery write it)"
            )
    except FileNotFoundError:
        pass
    temp = target.with_name(temp_name(target))
    try:
        write_new_private(temp, payload)
        os.replace(temp, target)
        fsync_dir(target.parent)
    except OSError as error:
        try:
            temp.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            pass
        raise SaveError(target, reason_for(error)) from error


def encode_json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def decode_json(path: Path, payload: bytes) -> dict[str, Any]:
    """Parse a data file's bytes; CorruptFileError (without backup) if they aren't ours."""
    if not payload.strip():
        raise CorruptFileError(path, "the file is empty")
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CorruptFileError(path, f"not UTF-8 text at byte {error.start}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise CorruptFileError(
            path, f"not valid JSON at line {error.lineno} column {error.colno}"
        ) from None
    except RecursionError:
        raise CorruptFileError(path, "nested too deeply to be a mastery data file") from None
    except ValueError:  # a number of thousands of digits (Python's int limit)
        raise CorruptFileError(path, "holds a number far too long to be a mastery value") from None
    if not isinstance(data, dict) or not all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in data.values()
    ):
        raise CorruptFileError(path, "not a mastery data file (unexpected layout)")
    return data


def ensure_private_dir(folder: Path) -> str | None:
    """Create ``folder`` 0700 if missing; close it to other users if it is open to them (only
    their bits: a folder made read-only stays read-only). Returns a warning or None."""
    folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    mode = stat.S_IMODE(folder.stat().st_mode)
    if mode & 0o077:
        private = mode & ~0o077
        try:
            os.chmod(folder, private)
        except OSError:  # a read-only disk: the folder can still be read
            return f"{folder} is open to other users ({mode:04o}) and couldn't be changed."
        return f"{folder} was open to other users ({mode:04o}); it is now {private:04o}."
    return None


def tighten_file(path: Path) -> str | None:
    """Close an existing file to other users (only their bits: a read-only file stays so);
    return a warning if it was open to them."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return None
    if mode & 0o077:
        private = mode & ~0o077
        try:
            os.chmod(path, private)
        except OSError:
            return f"{path} is readable by other users ({mode:04o}) and couldn't be changed."
        return f"{path} was readable by other users ({mode:04o}); it is now {private:04o}."
    return None


class DirLock:
    """An exclusive lock over a data folder, shared by every mastery process and thread.

    A lock file with ``flock`` excludes other processes (two SSH sessions, the CLI); a
    re-entrant thread lock excludes this process's own threads and lets a transaction nest.
    """

    def __init__(self, path: Path, timeout: float = LOCK_TIMEOUT) -> None:
        self.path = path
        self.timeout = timeout
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._fd: int | None = None

    @contextmanager
    def hold(self, timeout: float | None = None) -> Iterator[None]:
        """Hold the lock (waiting up to ``timeout`` seconds, default the lock's own, then
        SaveError if another process still holds it)."""
        with self._thread_lock:
            if self._depth == 0:
                self._acquire(self.timeout if timeout is None else timeout)
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._release()

    @property
    def depth(self) -> int:
        """How deep the holder is (1: the outermost hold). Meaningful to the holding thread."""
        return self._depth

    @property
    def thread_lock(self) -> threading.RLock:
        return self._thread_lock

    def _acquire(self, timeout: float) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        except OSError as error:  # a read-only disk, or a .lock that can't be opened
            raise ReadOnlyError(self.path.parent, reason_for(error)) from error
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    os.close(fd)
                    raise LockBusyError(
                        self.path, "another mastery window is busy saving; try again"
                    ) from None
                time.sleep(0.005)
        self._fd = fd

    def _release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


class OwnerLock:
    """Which process owns something (the practice in progress): the one holding this lock.

    ``flock`` on a lock file, taken without waiting and kept for as long as the owner runs.
    The kernel releases it when the process ends, however it ends (a dropped SSH connection,
    kill -9), so a lock that can be taken means its owner is gone.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def claim(self) -> bool:
        """Take the lock if nobody holds it; True if this process holds it now."""
        if self._fd is not None:
            return True
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        except OSError as error:  # a read-only disk, or a .lock that can't be opened
            raise ReadOnlyError(self.path.parent, reason_for(error)) from error
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # BlockingIOError: held by another process (or another open here)
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
