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

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from tinydb import TinyDB, where

from ..domain.clock import Clock
from ..domain.errors import ValidationError
from ..domain.models import Area, Note, Practice, Record, Review, Task, WeekPlan, default_areas
from . import backups, migrations
from .errors import CorruptFileError, NotAFolderError, SaveError, SessionElsewhereError
from .files import (
    TEMP_SUFFIX,
    DirLock,
    OwnerLock,
    encode_json,
    ensure_private_dir,
    fsync_dir,
    reason_for,
    tighten_file,
    write_bytes_atomic,
)
from .storage import AtomicJSONStorage, FileCache

R = TypeVar("R", bound=Record)

MAIN_FILE = "mastery.json"
PRACTICE_DIR = "practice"
BACKUP_DIR = "backups"
LOCK_FILE = ".lock"
SESSION_LOCK_FILE = ".session.lock"
MOVE_MARKER = "moving.json"  # in practice/: a move between month files not yet finished
TABLES: dict[type[Record], str] = {
    Area: "areas",
    Task: "tasks",
    WeekPlan: "weeks",
    Review: "reviews",
    Note: "notes",
}
SETTINGS = "settings"
SESSION = "session"
DRAFTS = "drafts"


def practice_period(practice: Practice) -> str:
    """The file a practice lives in: the UTC month it started (``YYYY-MM``)."""
    return practice.started[:7]


class Store:
    """Durable storage of one data folder. Build it with ``Store.open``."""

    def __init__(self, data_dir: Path, clock: Clock, lock_timeout: float) -> None:
        self.data_dir = data_dir
        self.clock = clock
        self.main_path = data_dir / MAIN_FILE
        self.practice_dir = data_dir / PRACTICE_DIR
        self.backup_dir = data_dir / BACKUP_DIR
        self.warnings: list[str] = []
        self._lock = DirLock(data_dir / LOCK_FILE, timeout=lock_timeout)
        self._session_owner = OwnerLock(data_dir / SESSION_LOCK_FILE)
        self._cache = FileCache()
        self._months: dict[Path, tuple[bytes, list[Practice]]] = {}
        self._backed_up: str | None = None

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def open(cls, data_dir: Path, clock: Clock, *, lock_timeout: float = 10.0) -> Store:
        """Open (or create) a data folder. Raises CorruptFileError or SaveError, never a traceback-only error."""
        data_dir = Path(data_dir).expanduser().absolute()
        if data_dir.exists() and not data_dir.is_dir():
            raise NotAFolderError(data_dir)
        try:
            warning = ensure_private_dir(data_dir)
        except OSError as error:
            raise SaveError(data_dir, reason_for(error)) from error
        store = cls(data_dir, clock, lock_timeout)
        if warning:
            store.warnings.append(warning)
        store._prepare()
        return store

    def _prepare(self) -> None:
        with self._lock.hold():
            self._clean_leftovers()
            self._finish_move()
            for path in [self.main_path, *self.practice_files()]:
                if warning := tighten_file(path):
                    self.warnings.append(warning)
            if self.practice_dir.exists() and (warning := ensure_private_dir(self.practice_dir)):
                self.warnings.append(warning)
            tables = self._load(self.main_path)
            if tables is None:
                self._create_main()
                return
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
            self._check_records(tables)
            if version < migrations.SCHEMA_VERSION:
                with self._main(write=True) as db:
                    tables = db.storage.read() or {}
                    migrations.migrate(tables, version)
                    db.storage.write(tables)

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
            db.table(TABLES[Area]).insert_multiple(a.to_dict() for a in default_areas(self.clock.now()))

    def _check_records(self, tables: dict[str, Any]) -> None:
        for kind, name in TABLES.items():
            for doc in tables.get(name, {}).values():
                try:
                    kind.from_dict(doc)
                except ValidationError as error:
                    raise self._corrupt(
                        CorruptFileError(self.main_path, f"a stored {kind.KIND} is invalid: {error}")
                    ) from None

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
        if not write:
            with self._lock.thread_lock:
                self._load(path)  # raise a readable CorruptFileError before TinyDB sees it
                yield TinyDB(path, storage=AtomicJSONStorage, cache=self._cache)
            return
        with self._lock.hold():
            self._daily_backup()
            tables = self._load(path, verify=True)  # under the lock: compare bytes, not stat
            if path == self.main_path and tables is not None:
                self._check_version_for_write(tables)
            db = TinyDB(path, storage=AtomicJSONStorage, cache=self._cache, batch=True)
            storage: AtomicJSONStorage = db.storage  # type: ignore[assignment]
            try:
                yield db
                storage.flush()
            except BaseException:
                storage.discard()
                raise

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
            self.warnings.append(f"today's backup couldn't be made: {reason_for(error)}")

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

    # -- drafts: what was typed in a form when the connection dropped -------------------------

    def save_draft(self, key: str, draft: dict[str, Any]) -> None:
        """Keep a form's typed values (JSON-safe, cleaned by the caller) under ``key``."""
        with self._main(write=True) as db:
            db.table(DRAFTS).upsert({**draft, "key": key}, where("key") == key)

    def draft(self, key: str) -> dict[str, Any] | None:
        with self._main() as db:
            doc = db.table(DRAFTS).get(where("key") == key)
            return None if doc is None else dict(doc)

    def drafts(self) -> list[dict[str, Any]]:
        with self._main() as db:
            return [dict(doc) for doc in db.table(DRAFTS).all()]

    def clear_draft(self, key: str) -> None:
        with self._main() as db:
            if not db.table(DRAFTS).contains(where("key") == key):
                return  # nothing kept: no write (and no backup) for nothing
        with self._main(write=True) as db:
            db.table(DRAFTS).remove(where("key") == key)

    # -- practices: one file per month --------------------------------------------------------

    def practice_path(self, period: str) -> Path:
        return self.practice_dir / f"{period}.json"

    def practice_files(self) -> list[Path]:
        if not self.practice_dir.is_dir():
            return []
        return sorted(p for p in self.practice_dir.glob("[0-9][0-9][0-9][0-9]-[0-9][0-9].json"))

    def _ensure_practice_dir(self) -> None:
        try:
            ensure_private_dir(self.practice_dir)
        except OSError as error:
            raise SaveError(self.practice_dir, reason_for(error)) from error

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
        with self._lock.hold():
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

    def save_practices(self, practices: Iterable[Practice]) -> None:
        """Insert or replace many practices: one atomic write per month file touched."""
        by_period: dict[str, list[Practice]] = defaultdict(list)
        for practice in practices:
            by_period[practice_period(practice)].append(practice)
        if not by_period:
            return
        self._ensure_practice_dir()
        with self._lock.hold():
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

    def _month(self, path: Path) -> list[Practice]:
        """The practices of one month file. Built records are kept with the digest of the
        bytes they came from, so reading a month again (Home, the log after an edit, another
        trends range) costs a stat, not a validation of every record."""
        with self._db(path, write=False) as db:
            digest = self._cache.digest(path)
            kept = self._months.get(path)
            if kept is not None and digest is not None and kept[0] == digest:
                return kept[1]
            built: list[Practice] = []
            for doc in db.table("practices").all():
                try:
                    built.append(Practice.from_dict(doc))
                except ValidationError as error:
                    raise self._corrupt(
                        CorruptFileError(path, f"a stored practice is invalid: {error}")
                    ) from None
            if digest is not None:
                self._months[path] = (digest, built)
            return built

    def practice_count(self) -> int:
        total = 0
        for path in self.practice_files():
            with self._db(path, write=False) as db:
                total += len(db.table("practices"))
        return total

    # -- the session in progress (one at most, owned by one process) ---------------------------

    def claim_session(self) -> bool:
        """Become the owner of the practice in progress (or of the next one). False while
        another process owns it: a practice running in another window is never offered here,
        so it can't be recorded twice. Raises SaveError if the lock file can't be made."""
        return self._session_owner.claim()

    def release_session(self) -> None:
        """This process no longer runs the practice (it ended, or was left for later)."""
        self._session_owner.release()

    def _own_session(self) -> None:
        if not self.claim_session():
            raise SessionElsewhereError()

    def save_session(self, session: dict[str, Any]) -> None:
        """Keep the practice in progress so a dropped connection loses nothing."""
        self._own_session()
        with self._main(write=True) as db:
            table = db.table(SESSION)
            table.truncate()
            table.insert(session)

    def load_session(self) -> dict[str, Any] | None:
        with self._main() as db:
            docs = db.table(SESSION).all()
            return dict(docs[0]) if docs else None

    def clear_session(self) -> None:
        self._own_session()
        with self._main(write=True) as db:
            db.table(SESSION).truncate()

