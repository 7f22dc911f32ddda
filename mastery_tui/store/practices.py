"""The worksheet log, one small file per month (``practice/2026-11.json``), so a save stays as
fast after ten years as on day one. Part of the Store (a mixin): every write takes the same
lock and is atomic; a start moved to another month moves the record once, through a marker
finished at the next open if a crash comes between the two writes."""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tinydb import TinyDB, where

from ..domain.errors import ValidationError
from ..domain.models import Practice
from .errors import CorruptFileError, SaveError, StoreError
from .files import (
    DirLock,
    decode_json,
    encode_json,
    ensure_private_dir,
    fsync_dir,
    reason_for,
    write_bytes_atomic,
)
from .layout import ASIDE_DIR, IMPORT_DIR, MONTH_GLOB, MOVE_MARKER, is_month_file
from .rescue import rescues
from .storage import FileCache


def _unused(path: Path) -> Path:
    """``path``, or ``name-2.json`` and so on when that is taken."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def practice_period(practice: Practice) -> str:
    """The file a practice lives in: the UTC month it started (``YYYY-MM``)."""
    return practice.started[:7]


class PracticeMonths:
    data_dir: Path
    practice_dir: Path
    _lock: DirLock
    _cache: FileCache
    _months: dict[Path, tuple[bytes, list[Practice]]]

    # Opened while another window held the lock: the rest of opening (finishing a move or an
    # import, cleaning up) is done at this Store's first save, under the lock.
    _pending_open: bool = False

    if TYPE_CHECKING:

        def _db(self, path: Path, *, write: bool) -> AbstractContextManager[TinyDB]: ...

        def _prepare_locked(self) -> None: ...

        def _finish_import(self) -> None: ...

        def _corrupt(self, error: CorruptFileError) -> CorruptFileError: ...

        def _check_folder(self) -> None: ...

    @contextmanager
    def _write_lock(self) -> Iterator[None]:
        """The write lock. At its outermost hold, what another window left unfinished (an
        import committed, a move begun, by a window that then died; or this Store's own
        opening, when it had to wait) is finished before anything is written over it."""
        with self._lock.hold():
            if self._lock.depth == 1:
                if self._pending_open:
                    self._pending_open = False
                    self._prepare_locked()
                else:
                    if (self.data_dir / IMPORT_DIR).exists():
                        self._finish_import()
                    if (self.practice_dir / MOVE_MARKER).exists():
                        self._finish_move()
            yield

    # -- practices: one file per month --------------------------------------------------------

    def practice_path(self, period: str) -> Path:
        return self.practice_dir / f"{period}.json"

    def practice_files(self) -> list[Path]:
        if not self.practice_dir.is_dir():
            return []
        return sorted(p for p in self.practice_dir.glob(MONTH_GLOB) if is_month_file(p.name))

    def _place_strays(self) -> list[str]:
        """Files in practice/ no month is named like: ``0001-01.json`` or ``2026112.json``,
        left by imports before they checked dates, whose practices nothing showed. Each of
        their practices that is valid goes to its month (unless that month has it already);
        the file itself is kept whole in ``aside/unplaced/``. Returns what to tell."""
        if not self.practice_dir.is_dir():
            return []
        strays = sorted(
            p
            for p in self.practice_dir.glob("*.json")
            if p.name != MOVE_MARKER and not is_month_file(p.name)
        )
        said = []
        for path in strays:
            readable = True
            try:
                docs = list(decode_json(path, path.read_bytes()).get("practices", {}).values())
            except (OSError, CorruptFileError):
                docs, readable = [], False
            placed, left = [], 0
            for doc in docs:
                try:
                    placed.append(Practice.from_dict(doc))
                except (ValidationError, RecursionError, OverflowError, ValueError, TypeError):
                    left += 1
            try:
                periods = {practice_period(p) for p in placed}
                known = {
                    p.id
                    for period in periods
                    if (f := self.practice_path(period)).exists()
                    for p in self._month(f)
                }
                fresh = [p for p in placed if p.id not in known]
                self.save_practices(fresh)
                dest = _unused(self.data_dir / ASIDE_DIR / "unplaced" / path.name)
                ensure_private_dir(dest.parent.parent)
                ensure_private_dir(dest.parent)
                os.rename(path, dest)
            except (OSError, StoreError) as error:
                said.append(
                    f"{path} holds practices with dates no month file takes, and couldn't be sorted ({error})"
                )
                continue
            told = f"{len(fresh)} moved into their months" if readable else "it can't be read"
            if left:
                told += (
                    f", {left} with dates outside 1970-2100 or unreadable are only in the kept file"
                )
            said.append(
                f"{path.name} in {self.practice_dir} held practices no month showed (from an import "
                f"before dates were checked): {told}; the file is kept in {dest}"
            )
        return said

    def _ensure_practice_dir(self) -> None:
        self._check_folder()  # never make a folder where the data folder was
        try:
            ensure_private_dir(self.practice_dir)
        except OSError as error:
            raise SaveError(self.practice_dir, reason_for(error)) from error

    @rescues
    def save_practice(self, practice: Practice, *, previous: Practice | None = None) -> None:
        """Insert or replace a practice. Pass ``previous`` when an edit moved its start date.

        A move writes two month files. A marker written first says which copy is stale, so a
        crash between the writes is finished at the next open instead of leaving the practice
        in both months."""
        if previous is None or practice_period(previous) == practice_period(practice):
            self.save_practices([practice])
            return
        self._ensure_practice_dir()
        marker = self.practice_dir / MOVE_MARKER
        move = {
            "id": practice.id,
            "from": practice_period(previous),
            "to": practice_period(practice),
        }
        with self._write_lock():
            write_bytes_atomic(marker, encode_json(move))
            self.save_practices([practice])
            self._finish_move()

    def _finish_move(self) -> None:
        """Remove the old copy of a moved practice once the new copy is on disk."""
        marker = self.practice_dir / MOVE_MARKER
        try:
            move = json.loads(marker.read_bytes())
        except FileNotFoundError:
            return
        except ValueError:
            move = None
        if not (isinstance(move, dict) and {"id", "from", "to"} <= move.keys()):
            move = None  # half-written or foreign: nothing to finish
        if move is not None and self.practice_path(move["to"]).exists():
            with self._db(self.practice_path(move["to"]), write=False) as db:
                landed = db.table("practices").contains(where("id") == move["id"])
            old = self.practice_path(move["from"])
            if landed and old.exists():
                with self._db(old, write=True) as db:
                    db.table("practices").remove(where("id") == move["id"])
        marker.unlink(missing_ok=True)
        fsync_dir(self.practice_dir)

    @rescues
    def save_practices(self, practices: Iterable[Practice]) -> None:
        """Insert or replace many practices: one atomic write per month file touched."""
        by_period: dict[str, list[Practice]] = defaultdict(list)
        for practice in practices:
            by_period[practice_period(practice)].append(practice)
        if not by_period:
            return
        self._ensure_practice_dir()
        with self._write_lock():
            for period, group in sorted(by_period.items()):
                with self._db(self.practice_path(period), write=True) as db:
                    table = db.table("practices")
                    existing = {doc["id"]: doc.doc_id for doc in table.all()}
                    fresh = []
                    for practice in group:
                        if practice.id in existing:
                            table.update(practice.to_dict(), doc_ids=[existing[practice.id]])
                        else:
                            fresh.append(practice.to_dict())
                    table.insert_multiple(fresh)

    def delete_practice(self, practice: Practice) -> bool:
        path = self.practice_path(practice_period(practice))
        if not path.exists():
            return False
        with self._db(path, write=True) as db:
            return bool(db.table("practices").remove(where("id") == practice.id))

    def practices(self, *, since: date | None = None, until: date | None = None) -> list[Practice]:
        """Practices that started between two UTC dates (inclusive), newest first."""
        first = f"{since:%Y-%m}" if since else ""
        last = f"{until:%Y-%m}" if until else "9999-99"
        found: list[Practice] = []
        for path in self.practice_files():
            if first <= path.stem <= last:
                found.extend(self._month(path))
        lo = since.isoformat() if since else ""
        hi = until.isoformat() if until else "9999"
        found = [p for p in found if lo <= p.started[:10] <= hi]
        return sorted(found, key=lambda p: p.started, reverse=True)

    def latest_practice(self) -> Practice | None:
        """The newest practice however old (reading month files newest first until one has
        any): what "after a gap" is measured from when nothing is recent."""
        for path in sorted(self.practice_files(), reverse=True):
            found = self._month(path)
            if found:
                return max(found, key=lambda p: p.started)
        return None

    def _month(self, path: Path) -> list[Practice]:
        """The practices of one month file. Built records are kept with the bytes they came
        from, so reading a month again (Home, the log after an edit, another
        trends range) costs a stat, not a validation of every record."""
        with self._db(path, write=False) as db:
            content = self._cache.content(path)
            kept = self._months.get(path)
            if kept is not None and content is not None and kept[0] == content:
                return kept[1]
            built: list[Practice] = []
            for doc in db.table("practices").all():
                try:
                    built.append(Practice.from_dict(doc))
                except ValidationError as error:
                    raise self._corrupt(
                        CorruptFileError(path, f"a stored practice is invalid: {error}")
                    ) from None
            if content is not None:
                self._months[path] = (content, built)
            return built

    def practice_count(self) -> int:
        total = 0
        for path in self.practice_files():
            with self._db(path, write=False) as db:
                total += len(db.table("practices"))
        return total
