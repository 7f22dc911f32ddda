"""All-or-nothing imports: every file an import changes is replaced, or none is.

The import file is read and every record checked before the lock is taken
(``domain.importing.parse_document``). Under the lock, for as short a time as it takes:

1. decide against what is here now (another process may have saved since the file was read);
2. build the new content of each file touched (the main file, each month) in memory, in one
   pass over the records: linear in their number;
3. write each new file into ``.import/`` (fsynced), then the journal ``.import/journal.json``
   saying which staged file replaces which data file. Writing the journal is the commit point;
   a failure before it (a full disk) removes ``.import/`` and nothing was changed;
4. move each staged file into place and remove ``.import/``.

A crash in step 4 leaves the journal: the next open (under the lock) moves the rest into
place. A crash before the journal leaves staged files without one: the next open removes them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.models import Practice, Record
from . import stamp
from .errors import ImportNotSavedError, SaveError
from .files import encode_json, fsync_dir, reason_for, write_bytes_atomic, write_new_private
from .layout import IMPORT_DIR
from .practices import PracticeMonths, practice_period

if TYPE_CHECKING:
    from ..domain.importing import ImportPlan  # (not at start-up: it loads the export formats)

JOURNAL = "journal.json"
_STAGED = re.compile(r"^[0-9]{1,6}\.json$")
_TARGET = re.compile(r"^(mastery\.json|practice/[0-9]{4}-[0-9]{2}\.json)$")

Tables = dict[str, Any]


class Imports(PracticeMonths):
    """The Store's side of an import (a mixin: the Store has the lock, the cache, the files)."""

    data_dir: Path
    main_path: Path

    if TYPE_CHECKING:

        def _daily_backup(self) -> None: ...

        def _load(self, path: Path, *, verify: bool = False) -> dict[str, Any] | None: ...

        def _check_version_for_write(self, tables: dict[str, Any]) -> None: ...

    def commit_import(
        self, decide: Callable[[Mapping[str, list[Record]]], ImportPlan]
    ) -> ImportPlan:
        """Decide what to write against the records here now, and write it all or nothing.
        ``decide`` gets every record by the names in ``export.KINDS``."""
        from .store import TABLES

        self._check_folder()
        with self._write_lock():
            self._daily_backup()
            main = self._load(self.main_path, verify=True) or {}
            self._check_version_for_write(main)
            vouched = stamp.vouched(self.data_dir, self._cache.content(self.main_path))
            current: dict[str, list[Record]] = {
                name: [kind.from_dict(doc) for doc in main.get(name, {}).values()]
                for kind, name in TABLES.items()
            }
            current["practices"] = list(self.practices())
            plan = decide(current)

            files: dict[Path, Tables] = {}
            if plan.main:
                new_main = dict(main)
                for kind, name in TABLES.items():
                    records = [r for r in plan.main if type(r) is kind]
                    if records:
                        new_main[name] = _upserted(main.get(name, {}), records)
                files[self.main_path] = new_main
            by_month: dict[Path, list[Practice]] = {}
            gone: dict[Path, set[str]] = {}
            for practice, old in plan.practices:
                path = self.practice_path(practice_period(practice))
                by_month.setdefault(path, []).append(practice)
                if old is not None and practice_period(old) != practice_period(practice):
                    old_path = self.practice_path(practice_period(old))
                    gone.setdefault(old_path, set()).add(old.id)
            for path in sorted(by_month.keys() | gone.keys()):
                tables = self._load(path, verify=True) or {}
                kept = {
                    key: doc
                    for key, doc in tables.get("practices", {}).items()
                    if doc.get("id") not in gone.get(path, ())
                }
                files[path] = {**tables, "practices": _upserted(kept, by_month.get(path, []))}
            if files:
                payloads = {path: encode_json(tables) for path, tables in files.items()}
                self._commit_files(payloads)
                if self.main_path in payloads:
                    if vouched:  # our records over checked bytes: still checked
                        stamp.vouch(self.data_dir, payloads[self.main_path])
                    else:
                        stamp.forget(self.data_dir)
        return plan

    def _commit_files(self, payloads: Mapping[Path, bytes]) -> None:
        staging = self.data_dir / IMPORT_DIR
        shutil.rmtree(staging, ignore_errors=True)
        entries = []
        try:
            staging.mkdir(mode=0o700)
            for number, (path, payload) in enumerate(payloads.items()):
                staged = f"{number}.json"
                write_new_private(staging / staged, payload)
                entries.append(
                    {"staged": staged, "target": path.relative_to(self.data_dir).as_posix()}
                )
            fsync_dir(staging)
            write_bytes_atomic(staging / JOURNAL, encode_json({"files": entries}))  # the commit
        except (OSError, SaveError) as error:
            shutil.rmtree(staging, ignore_errors=True)
            reason = error.reason if isinstance(error, SaveError) else reason_for(error)
            raise ImportNotSavedError(self.data_dir, reason) from None
        self._finish_import()

    def _finish_import(self) -> None:
        """Move the staged files of a committed import into place; drop an uncommitted one."""
        staging = self.data_dir / IMPORT_DIR
        if not staging.is_dir():
            return
        try:
            journal = json.loads((staging / JOURNAL).read_bytes())
        except (OSError, ValueError, RecursionError):
            journal = None  # never committed: nothing was replaced
        entries = journal.get("files") if isinstance(journal, dict) else None
        if isinstance(entries, list) and all(_valid(entry) for entry in entries):
            for entry in entries:
                source = staging / entry["staged"]
                if source.exists():
                    target = self.data_dir / entry["target"]
                    if target.parent == self.practice_dir:
                        self._ensure_practice_dir()
                    os.replace(source, target)
                    self._cache.forget(target)
            fsync_dir(self.data_dir)
            if self.practice_dir.is_dir():
                fsync_dir(self.practice_dir)
        shutil.rmtree(staging, ignore_errors=True)


def _valid(entry: object) -> bool:
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("staged"), str)
        and isinstance(entry.get("target"), str)
        and bool(_STAGED.match(entry["staged"]))
        and bool(_TARGET.match(entry["target"]))
    )


def _upserted(table: Mapping[str, Any], records: list[Record] | list[Practice]) -> dict[str, Any]:
    """A TinyDB table (doc id -> document) with ``records`` put in by id: replaced in their
    place when there, else added with the next doc ids. One pass: linear."""
    result = dict(table)
    where = {doc.get("id"): key for key, doc in result.items() if isinstance(doc, dict)}
    next_key = max((int(key) for key in result if key.isdigit()), default=0) + 1
    for record in records:
        key = where.get(record.id)
        if key is None:
            key = str(next_key)
            next_key += 1
            where[record.id] = key
        result[key] = record.to_dict()
    return result
