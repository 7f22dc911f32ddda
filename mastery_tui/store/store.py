"""The Store: the only code that writes mastery's data.

Layout of a data folder::

    mastery.json            areas, tasks, week plans, reviews, notes, settings, schema version
    practice/2026-11.json   the worksheet log, one small file per month (see benchmarks/)
    backups/2026-11-23/     the files as they were before the first write of that day
    .lock                   the write lock every process takes
    .session.lock           held by the process running the practice in progress

Every write: take the lock, back up if it's the day's first write, re-read the file if
another process changed it, apply the change, write a temp file, fsync, replace, fsync the
folder. Reads never take the file lock: replaced files are always whole.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from tinydb import TinyDB, where

from ..domain.clock import Clock
from ..domain.errors import ValidationError
from ..domain.models import Area, Practice, Record, Task, default_areas
from . import backups, migrations, rescue, stamp
from .errors import (
    CorruptFileError,
    LockBusyError,
    MissingFileError,
    ReadOnlyError,
    SaveError,
)
from .files import (
    TEMP_SUFFIX,
    DirLock,
    OwnerLock,
    encode_json,
    ensure_private_dir,
    reason_for,
    temp_name,
    tighten_file,
    write_new_private,
)
from .imports import Imports
from .in_progress import InProgress
from .layout import (
    BACKUP_DIR,
    IMPORT_DIR,
    LOCK_FILE,
    MAIN_FILE,
    MOVE_MARKER,
    PRACTICE_DIR,
    SESSION_LOCK_FILE,
    SETTINGS,
    TABLES,
    check_place,
)
from .storage import AtomicJSONStorage, FileCache

R = TypeVar("R", bound=Record)
OPEN_WAIT = 0.5  # seconds opening waits for another window's save before reading as it is


class Store(Imports, InProgress):
    """Durable storage of one data folder. Build it with ``Store.open``."""

    def __init__(self, data_dir: Path, clock: Clock, lock_timeout: float) -> None:
        self.data_dir = data_dir
        self.clock = clock
        self.main_path = data_dir / MAIN_FILE
        self.practice_dir = data_dir / PRACTICE_DIR
        self.backup_dir = data_dir / BACKUP_DIR
        self.warnings: list[str] = []
        self.created = False  # the folder was made by this open
        self.read_only: str | None = None  # why the folder can't be written, if it can't
        # Told at once of what goes wrong beside a save that worked (today's backup): the app
        # shows a notification, the CLI a line on stderr. Once a day, not on every save.
        self.on_notice: Callable[[str], None] | None = None
        self._noticed: set[str] = set()
        self._lock = DirLock(data_dir / LOCK_FILE, timeout=lock_timeout)
        self._session_owner = OwnerLock(data_dir / SESSION_LOCK_FILE)
        self._cache = FileCache()
        self._months: dict[Path, tuple[bytes, list[Practice]]] = {}
        self._backed_up: str | None = None
        self._canonical = False  # the main file's records, checked at open, are as we write them
        self._opened: rescue.Identity | None = None  # the folder opened: never followed elsewhere
        self._rescuer = rescue.Rescuer(data_dir, clock.now())
        self.opens = 0  # TinyDB transactions so far (reads and writes): what a screen costs

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def open(
        cls, data_dir: Path, clock: Clock, *, lock_timeout: float = 10.0, make_parents: bool = True
    ) -> Store:
        """Open (or create) a data folder. Raises CorruptFileError or SaveError, never a
        traceback-only error. ``make_parents=False`` (a folder the person named): a missing
        parent is refused, not made, since it is most likely a typo. ``store.created`` says
        whether the folder was made now, so the app and the CLI can say so."""
        data_dir = Path(data_dir).expanduser().absolute()
        created = check_place(data_dir, make_parents=make_parents)
        try:
            warning = ensure_private_dir(data_dir)
        except OSError as error:
            raise SaveError(data_dir, reason_for(error)) from error
        store = cls(data_dir, clock, lock_timeout)
        store.created = created
        store._opened = rescue.identity(data_dir)
        if warning:
            store.warnings.append(warning)
        store._prepare()
        store.warnings.extend(backups.missing_said(data_dir, store.backup_dir))
        if rescued := rescue.rescued_files(data_dir):
            store.warnings.append(
                f"while your data folder was gone, what you saved was kept in {rescued[0].parent} "
                f"({len(rescued)} file{'s' if len(rescued) > 1 else ''}); copy back what you "
                "need, then delete them"
            )
        return store

    def _check_folder(self) -> None:
        """Raise FolderGoneError if the data folder was deleted, moved or swapped since open."""
        rescue.check(self.data_dir, self._opened)

    def _prepare(self) -> None:
        try:  # (only taking the lock raises ReadOnlyError)
            try:
                with self._lock.hold(timeout=OPEN_WAIT):
                    self._prepare_locked()
            except LockBusyError:
                self._prepare_later()
        except ReadOnlyError as error:
            self._prepare_read_only(error)

    def _prepare_later(self) -> None:
        """Another window holds the lock (an import's commit, a save): read the folder as it
        is, and finish opening at the first save. A file that must be upgraded (or made)
        first waits for the lock, as every save does."""
        pending = (self.data_dir / IMPORT_DIR).exists() or (
            self.practice_dir / MOVE_MARKER
        ).exists()
        tables = None if pending else self._load(self.main_path)
        if tables is None or self._check_main(tables) < migrations.SCHEMA_VERSION:
            with self._lock.hold():  # an import or move to finish first: read after it
                self._prepare_locked()
            return
        self._pending_open = True

    def _prepare_locked(self) -> None:
        self._clean_leftovers()
        self._finish_import()
        self._finish_move()
        for path in [self.main_path, *self.practice_files()]:
            if warning := tighten_file(path):
                self.warnings.append(warning)
        if self.practice_dir.exists() and (warning := ensure_private_dir(self.practice_dir)):
            self.warnings.append(warning)
        self.warnings.extend(self._place_strays())
        tables = self._load(self.main_path)
        if tables is None:
            kept = backups.latest_backup_of(self.backup_dir, Path(MAIN_FILE))
            if kept is not None or self.practice_files() or backups.backup_days(self.backup_dir):
                raise MissingFileError(self.main_path, "missing", kept)  # not a new folder
            self._create_main()
            stamp.vouch(self.data_dir, self._cache.content(self.main_path))
            return
        version = self._check_main(tables)
        if version < migrations.SCHEMA_VERSION:
            with self._main(write=True) as db:
                tables = db.storage.read() or {}
                migrations.migrate(tables, version)
                db.storage.write(tables)
        elif self._canonical:  # every record is as the Store would write it: say so
            stamp.vouch(self.data_dir, self._cache.content(self.main_path))

    def _prepare_read_only(self, error: ReadOnlyError) -> None:
        """A folder that can't be written: read it as it is; every save will say why not."""
        tables = self._load(self.main_path)
        if tables is None:
            raise ReadOnlyError(self.data_dir, f"{error.reason}, and there is no data in it yet")
        if self._check_main(tables) < migrations.SCHEMA_VERSION:
            raise ReadOnlyError(
                self.data_dir, f"{error.reason}; this mastery must upgrade its file first"
            )
        self.read_only = error.reason
        self.warnings.append(
            f"{self.data_dir} can't be written ({error.reason}): you can look at everything, "
            "but nothing new is saved"
        )

    def _check_main(self, tables: dict[str, Any]) -> int:
        """The main file's schema version, once it is known to be one this mastery reads."""
        version = migrations.file_version(tables)
        if isinstance(version, str):
            raise self._corrupt(CorruptFileError(self.main_path, version))
        if version > migrations.SCHEMA_VERSION:
            raise self._corrupt(
                CorruptFileError(
                    self.main_path,
                    f"written by a newer mastery (schema {version}; this one reads up to "
                    f"{migrations.SCHEMA_VERSION}); please upgrade",
                )
            )
        if stamp.vouched(self.data_dir, self._cache.content(self.main_path)):
            self._canonical = False  # already vouched for: nothing to check or to note again
        else:
            self._canonical = self._check_records(tables)
        return version

    def _clean_leftovers(self) -> None:
        """Temp files of writers that were killed mid-save (we hold the lock: none is live)."""
        for folder in (self.data_dir, self.practice_dir):
            if folder.is_dir():
                for leftover in folder.glob(f".*{TEMP_SUFFIX}"):
                    leftover.unlink(missing_ok=True)
        backups.clean_staging(self.backup_dir)

    def _create_main(self) -> None:
        with self._main(write=True) as db:
            tables: dict[str, Any] = migrations.migrate({}, migrations.SCHEMA_VERSION)
            db.storage.write(tables)
            db.table(TABLES[Area]).insert_multiple(
                a.to_dict() for a in default_areas(self.clock.now())
            )

    def _check_records(self, tables: dict[str, Any]) -> bool:
        """Raise if a record is invalid; return whether every one is exactly in the form the
        Store writes (then the fast read path may show them as they are)."""
        canonical = True
        for kind, name in TABLES.items():
            for doc in tables.get(name, {}).values():
                try:
                    record = kind.from_dict(doc)
                except ValidationError as error:
                    raise self._corrupt(
                        CorruptFileError(
                            self.main_path, f"a stored {kind.KIND} is invalid: {error}"
                        )
                    ) from None
                if canonical and encode_json(record.to_dict()) != encode_json(doc):
                    canonical = False
        return canonical

    def _corrupt(self, error: CorruptFileError) -> CorruptFileError:
        """Attach the newest backup of the file to the error."""
        try:
            relative = error.path.relative_to(self.data_dir)
        except ValueError:
            return error
        error.backup = backups.latest_backup_of(self.backup_dir, relative)
        return error

    # -- transactions -------------------------------------------------------------------------

    def _load(self, path: Path, *, verify: bool = False) -> dict[str, Any] | None:
        try:
            return self._cache.load(path, verify=verify)
        except CorruptFileError as error:
            raise self._corrupt(error) from None
        except OSError as error:
            raise self._corrupt(CorruptFileError(path, reason_for(error))) from None

    @contextmanager
    def _db(self, path: Path, *, write: bool) -> Iterator[TinyDB]:
        """A fresh TinyDB over ``path``. Writing: under the lock, one atomic save at the end."""
        self._check_folder()
        self.opens += 1
        if not write:
            with self._lock.thread_lock:
                self._load(path)  # raise a readable CorruptFileError before TinyDB sees it
                yield TinyDB(path, storage=AtomicJSONStorage, cache=self._cache)
            return
        with self._write_lock():
            self._daily_backup()
            tables = self._load(path, verify=True)  # under the lock: compare bytes, not stat
            if path == self.main_path and tables is not None:
                self._check_version_for_write(tables)
            main = path == self.main_path
            vouched = main and stamp.vouched(self.data_dir, self._cache.content(path))
            db = TinyDB(path, storage=AtomicJSONStorage, cache=self._cache, batch=True)
            storage: AtomicJSONStorage = db.storage  # type: ignore[assignment]
            try:
                yield db
                storage.flush()
            except BaseException:
                storage.discard()
                raise
            if vouched:  # what we write over checked bytes is checked: our records are
                stamp.vouch(self.data_dir, self._cache.content(path))
            elif main:
                stamp.forget(self.data_dir)

    def _check_version_for_write(self, tables: dict[str, Any]) -> None:
        """Refuse to write over a file another, newer mastery has migrated since we opened it."""
        version = migrations.file_version(tables)
        if isinstance(version, str) or version > migrations.SCHEMA_VERSION:
            raise SaveError(
                self.main_path,
                f"it was upgraded by a newer mastery (schema {version}); please restart with that version",
            )

    def _main(self, *, write: bool = False) -> Any:
        return self._db(self.main_path, write=write)

    def _daily_backup(self) -> None:
        day = self.clock.now().date().isoformat()
        if self._backed_up == day:
            return
        files = [p for p in [self.main_path, *self.practice_files()] if p.exists()]
        try:
            if files:
                backups.make_backup(self.data_dir, self.backup_dir, day, files)
            self._backed_up = day
        except OSError as error:
            self._notice(
                f"backup-{day}",
                f"Today's backup couldn't be made in {self.backup_dir} ({reason_for(error)}); "
                f"saving goes on without it; {backups.last_said(self.backup_dir)}",
            )

    def _notice(self, key: str, message: str) -> None:
        if key in self._noticed:
            return
        self._noticed.add(key)
        self.warnings.append(message)
        if self.on_notice is not None:
            self.on_notice(message)

    # -- records in the main file -------------------------------------------------------------

    def all(self, kind: type[R]) -> list[R]:
        """Every record of a kind, in stored order."""
        with self._main() as db:
            docs = db.table(TABLES[kind]).all()
            return [kind.from_dict(doc) for doc in docs]

    def get(self, kind: type[R], record_id: str) -> R | None:
        with self._main() as db:
            doc = db.table(TABLES[kind]).get(where("id") == record_id)
            return None if doc is None else kind.from_dict(doc)

    def count(self, kind: type[Record]) -> int:
        with self._main() as db:
            return len(db.table(TABLES[kind]))

    @rescue.rescues
    def save(self, *records: Record) -> None:
        """Insert or replace records by id, all in one atomic write."""
        with self._main(write=True) as db:
            for record in records:
                table = db.table(TABLES[type(record)])
                table.upsert(record.to_dict(), where("id") == record.id)

    def delete(self, kind: type[Record], record_id: str) -> bool:
        with self._main(write=True) as db:
            return bool(db.table(TABLES[kind]).remove(where("id") == record_id))

    def areas(self, *, include_archived: bool = False) -> list[Area]:
        found = [a for a in self.all(Area) if include_archived or not a.archived]
        return sorted(found, key=lambda a: (a.order, a.name.casefold()))

    def tasks(self, *, area_id: str | None = None, include_archived: bool = False) -> list[Task]:
        found = [
            t
            for t in self.all(Task)
            if (include_archived or not t.archived) and (area_id is None or t.area_id == area_id)
        ]
        return sorted(found, key=lambda t: (t.order, t.created))

    # -- settings -----------------------------------------------------------------------------

    def setting(self, key: str, default: Any = None) -> Any:
        with self._main() as db:
            doc = db.table(SETTINGS).get(where("key") == key)
            return default if doc is None else doc.get("value", default)

    def set_setting(self, key: str, value: str | int | float | bool | None) -> None:
        with self._main(write=True) as db:
            db.table(SETTINGS).upsert({"key": key, "value": value}, where("key") == key)

    def keep_screenshot(self, name: str, svg: str) -> Path:
        """Write a screenshot (it may show reflections) as ``screenshots/<name>`` in the data
        folder: 0600 in a 0700 folder, like every file here. Returns its path; OSError if
        it can't be written (nothing half-written is left)."""
        folder = self.data_dir / "screenshots"
        ensure_private_dir(folder)
        path = folder / Path(name).name
        temp = folder / temp_name(path)
        try:
            write_new_private(temp, svg.encode("utf-8"))
            os.replace(temp, path)
        finally:
            temp.unlink(missing_ok=True)
        return path
