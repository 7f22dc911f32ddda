"""A data folder that vanishes or is swapped while mastery runs (deleted, moved, replaced by
another folder or a symlink to one): noticed before every read and write, never followed.

The Store remembers which folder it opened (device and inode). If the path no longer leads
there, nothing is read or written through it (no empty log shown as if the data were lost, no
new folder made in its place, no saves into someone else's folder): every call raises
FolderGoneError, one line saying what happened. What the person was saving at that moment (a
record, a practice, a form's draft, the practice in progress) is written instead to a
``<folder name>-rescued/`` folder beside it (else ``~/mastery-rescued/``), 0700 / 0600, one
file per run of mastery, and the error names it. The next start says it is there.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from .errors import StoreError
from .files import DIR_MODE, write_bytes_atomic

F = TypeVar("F", bound=Callable[..., Any])

Identity = tuple[int, int]


class FolderGoneError(StoreError):
    """The data folder mastery opened is no longer at its path."""

    def __init__(self, folder: Path, *, swapped: bool) -> None:
        self.folder = folder
        self.swapped = swapped
        self.rescued: Path | None = None
        self.rescue_failed = ""
        super().__init__(str(self))

    def __str__(self) -> str:
        what = (
            f"{self.folder} is now a different folder from the one mastery opened (moved, "
            "replaced or re-linked)"
            if self.swapped
            else f"your data folder {self.folder} is gone (deleted or moved)"
        )
        if self.rescued is not None:
            kept = f"; what you were saving is kept in {self.rescued}"
        elif self.rescue_failed:
            kept = f"; what you were saving couldn't be kept elsewhere either ({self.rescue_failed})"
        else:
            kept = ""
        return f"{what}: nothing is read or written there{kept}. Check the folder, then restart mastery"


def identity(folder: Path) -> Identity | None:
    try:
        st = os.stat(folder)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def check(folder: Path, opened: Identity | None) -> None:
    """Raise FolderGoneError unless ``folder`` is still the folder that was opened."""
    if opened is None:
        return
    now = identity(folder)
    if now != opened:
        raise FolderGoneError(folder, swapped=now is not None)


def rescue_dirs(folder: Path) -> list[Path]:
    """Where rescued saves go, first that works: beside the data folder, else the home."""
    return [folder.parent / f"{folder.name}-rescued", Path.home() / "mastery-rescued"]


def rescued_files(folder: Path) -> list[Path]:
    found: list[Path] = []
    for place in rescue_dirs(folder):
        try:
            found.extend(sorted(p for p in place.iterdir() if p.suffix == ".json"))
        except OSError:
            continue
    return found


class Rescuer:
    """One file per run of mastery, rewritten with every save it rescues (latest per key)."""

    def __init__(self, folder: Path, started: datetime) -> None:
        self._folder = folder
        self._name = f"{started:%Y-%m-%d_%H%M%S}-{os.getpid()}.json"
        self._kept: dict[str, Any] = {}
        self.path: Path | None = None

    def keep(self, key: str, what: str, content: Any, saved: str) -> Path:
        self._kept[key] = {"what": what, "saved": saved, "content": content}
        payload = json.dumps(
            {
                "about": f"saved while {self._folder} was gone; copy back what you need",
                "saves": list(self._kept.values()),
            },
            ensure_ascii=False,
            indent=2,
        ).encode()
        errors: list[str] = []
        for place in rescue_dirs(self._folder):
            try:
                place.mkdir(mode=DIR_MODE, exist_ok=True)
                os.chmod(place, DIR_MODE)
                write_bytes_atomic(place / self._name, payload)
            except (OSError, StoreError) as error:
                errors.append(str(error))
                continue
            self.path = place / self._name
            return self.path
        raise OSError("; ".join(errors))


def rescues(method: F) -> F:
    """For a Store method that saves what a person typed: if the folder has gone, keep its
    arguments in the rescue file and say where (``FolderGoneError.rescued``)."""

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except FolderGoneError as error:
            if error.rescued is None and not error.rescue_failed:
                content = [_plain(a) for a in args]
                key = f"{method.__name__}:{_key(args)}"
                try:
                    error.rescued = self._rescuer.keep(
                        key, method.__name__, content, self.clock.now().isoformat(timespec="seconds")
                    )
                except OSError as failure:
                    error.rescue_failed = str(failure) or "no place to write"
                error.args = (str(error),)
            raise

    return wrapper  # type: ignore[return-value]


def _key(args: tuple[Any, ...]) -> str:
    """What a later save of the same thing replaces: a draft's key, records' ids, the session."""
    if args and isinstance(args[0], str):
        return args[0]
    flat = [a for arg in args for a in (arg if isinstance(arg, list | tuple) else [arg])]
    return ",".join(str(getattr(a, "id", "")) for a in flat)


def _plain(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value
