"""Exports and imports between the Store and files. No Textual: the CLI and the log screen's
``e`` key both come through here.

Exports are private files (mode 0600: this is mental-health data), written atomically, and an
existing file is replaced only when asked. An import checks the whole file before it writes
anything (see ``domain/importing.py``).
"""

from __future__ import annotations

import errno
import os
from datetime import date, datetime, tzinfo
from pathlib import Path

from .domain import export, history
from .domain.importing import (
    MAX_IMPORT_BYTES,
    ImportRefused,
    ImportReport,
    parse_document,
    plan_import,
)
from .domain.models import Area, Note, Practice, Record, Review, Task, WeekPlan
from .store import Store
from .store.files import fsync_dir, reason_for, temp_name, write_new_private
from .store.migrations import SCHEMA_VERSION

FORMATS = ("csv", "md", "html", "json", "ics")
SUFFIXES = {
    ".csv": "csv",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".ics": "ics",
}

__all__ = [
    "FORMATS",
    "ExportError",
    "ExportFileExists",
    "ImportRefused",
    "ImportReport",
    "export_text",
    "default_file_name",
    "format_for",
    "import_file",
    "write_export",
]


class ExportError(Exception):
    """An export file couldn't be written. ``str(error)`` is one readable line."""


class ExportFileExists(ExportError):
    """The file is already there and replacing it wasn't asked for."""


def format_for(path: Path, default: str = "md") -> str:
    """The format a file name asks for (``log.csv`` -> ``csv``), else ``default``."""
    return SUFFIXES.get(path.suffix.lower(), default)


def default_file_name(fmt: str, now: datetime) -> str:
    """A name to offer for an export made now: ``mastery-worksheet-2026-11-23.md``."""
    what = {"csv": "log", "md": "worksheet", "html": "worksheet", "json": "backup", "ics": "plan"}[
        fmt
    ]
    return f"mastery-{what}-{now.date().isoformat()}.{fmt}"


def _main_records(store: Store) -> dict[str, list[Record]]:
    return {
        "areas": list(store.all(Area)),
        "tasks": list(store.all(Task)),
        "weeks": list(store.all(WeekPlan)),
        "reviews": list(store.all(Review)),
        "notes": list(store.all(Note)),
    }


def _practices(
    store: Store, tz: tzinfo | None, since: date | None, until: date | None
) -> list[Practice]:
    """Practices whose local day lies in [since, until] (the store filters by UTC date)."""
    first, last = history.store_window(since, until)
    return history.between(store.practices(since=first, until=last), tz, since, until)


def export_text(
    store: Store,
    fmt: str,
    *,
    now: datetime,
    since: date | None = None,
    until: date | None = None,
    delimiter: str = ",",
) -> str:
    """The export as text. ``since``/``until`` are local days (the zone of ``now``), inclusive.

    CSV, Markdown and HTML hold the practices in range (the worksheets also the reviews and
    notes of those weeks). JSON is a backup: with a range it holds only the practices in range,
    but always every area, task, plan, review and note. ICS is the plan from today on; a range
    doesn't apply to it. ``delimiter`` is the CSV field separator."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    tz = now.tzinfo
    if fmt == "ics":
        from .domain.calendar import ics_text

        live = {area.id for area in store.areas()}
        return ics_text(store.all(WeekPlan), store.all(Task), now=now, live_areas=live)
    practices = _practices(store, tz, since, until)
    if fmt == "csv":
        names = {area.id: area.name for area in store.all(Area)}
        return export.csv_text(practices, tz, names, delimiter=delimiter)
    if fmt in ("md", "html"):
        from .domain import worksheet, worksheet_html, worksheet_md

        sheet = worksheet.build(
            practices,
            tz,
            now=now,
            reviews=store.all(Review),
            plans=store.all(WeekPlan),
            notes=store.all(Note),
            since=since,
            until=until,
        )
        return (worksheet_md if fmt == "md" else worksheet_html).render(sheet)
    records = {**_main_records(store), "practices": practices}
    return export.json_text(export.json_document(records, now=now, schema=SCHEMA_VERSION))


def write_export(path: Path, text: str, *, overwrite: bool = False) -> None:
    """Write ``text`` to ``path`` atomically (temp file, fsync, rename), mode 0600.

    A ``.csv`` file starts with a UTF-8 byte-order mark so spreadsheets (Excel above all) read
    it as UTF-8; other files are plain UTF-8. An existing file is refused unless ``overwrite``
    (ExportFileExists); on any failure nothing is left behind and ExportError says why."""
    path = Path(path).expanduser()
    encoding = "utf-8-sig" if path.suffix.lower() == ".csv" else "utf-8"
    payload = text.encode(encoding)
    if path.is_dir():
        raise ExportError(f"{path} is a folder; give a file name")
    if not overwrite and path.exists():
        raise ExportFileExists(f"{path} already exists")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"can't write {path}: the folder {folder} doesn't exist")
    temp = folder / temp_name(path)
    try:
        write_new_private(temp, payload)
        if overwrite:
            os.replace(temp, path)
        else:
            _link_new(temp, path)
        fsync_dir(folder)
    except FileExistsError:
        raise ExportFileExists(f"{path} already exists") from None
    except OSError as error:
        raise ExportError(f"can't write {path}: {reason_for(error)}") from error
    finally:
        temp.unlink(missing_ok=True)


def _link_new(temp: Path, path: Path) -> None:
    """Give ``temp`` the name ``path`` only if nothing has that name (no race with a file
    created since the check). Folders that can't hard-link fall back to a checked rename."""
    try:
        os.link(temp, path)
    except OSError as error:
        if error.errno not in (
            errno.EPERM,
            errno.ENOTSUP,
            errno.EOPNOTSUPP,
            errno.EXDEV,
            errno.EMLINK,
        ):
            raise
        if path.exists():
            raise FileExistsError(errno.EEXIST, "exists", str(path)) from None
        os.replace(temp, path)


def _read_import(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_IMPORT_BYTES:
                raise ImportRefused(
                    f"the file is too big ({size / 2**20:.0f} MB; an export is at most "
                    f"{MAX_IMPORT_BYTES // 2**20} MB)"
                )
            return handle.read(MAX_IMPORT_BYTES + 1)
    except FileNotFoundError:
        raise ImportRefused("no such file") from None
    except IsADirectoryError:
        raise ImportRefused("it is a folder, not a file") from None
    except OSError as error:
        raise ImportRefused(f"can't read it: {reason_for(error)}") from None


def import_file(store: Store, path: Path, *, now: datetime) -> ImportReport:
    """Merge a JSON export into the store by id; the newer ``updated`` wins.

    Every record is checked before anything is written; an invalid file raises ImportRefused
    ("backup.json: practices[12]: Mood before must be ...; nothing was imported") and the data
    stays as it was. Then every file it changes is replaced, or none is (store/imports.py)."""
    path = Path(path).expanduser()
    try:
        document = parse_document(_read_import(path), schema=SCHEMA_VERSION)
    except ImportRefused as error:
        reason = str(error).rstrip(".")
        nothing = " Nothing was imported" if reason.endswith("?") else "; nothing was imported"
        raise ImportRefused(f"{path}: {reason}{nothing}") from None
    # Read and checked above, without the lock; decided and written under it, all or nothing.
    plan = store.commit_import(lambda current: plan_import(document, current, now=now))
    return plan.report
