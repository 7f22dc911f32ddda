"""Reading a JSON export back: check the whole file first, then decide, record by record,
what an import adds, updates or skips. Nothing here writes; ``transfer.import_file`` does,
and only after every record of the file has passed.

Merging is by id: a record not here yet is added; one that is here is replaced only when the
file's copy was edited later (newer ``updated``); otherwise ours is kept and it counts as
skipped. So importing the same file twice changes nothing the second time.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta

from . import validate
from .clock import parse_iso
from .errors import ValidationError
from .export import FORMAT_NAME, FORMAT_VERSION, KINDS
from .models import Area, Practice, Record

MAX_IMPORT_BYTES = 100 * 2**20  # ten years of daily practice is ~10 MB
FUTURE_SLACK = timedelta(days=1)  # clocks of two devices disagree by minutes, not days


class ImportRefused(ValueError):
    """The file can't be imported. ``str(error)`` is one line saying what and where."""


@dataclasses.dataclass(frozen=True)
class Document:
    """A parsed, fully validated export: records by the names in ``export.KINDS``."""

    exported: str
    records: dict[str, list[Record]]


def parse_document(payload: bytes, *, schema: int) -> Document:
    """Check everything before anything is written: size, UTF-8, JSON, that it is a mastery
    export this version can read, and every record (via ``Kind.from_dict``).

    ``schema`` is the newest data schema this mastery reads. Raises ImportRefused."""
    if len(payload) > MAX_IMPORT_BYTES:
        size = len(payload) / 2**20
        raise ImportRefused(
            f"the file is too big ({size:.0f} MB; an export is at most {MAX_IMPORT_BYTES // 2**20} MB)"
        )
    try:
        text = payload.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRefused(f"not UTF-8 text (byte {error.start})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportRefused(f"not JSON (line {error.lineno}, column {error.colno})") from None
    except RecursionError:
        raise ImportRefused("not JSON mastery can read (nested too deeply)") from None
    except ValueError:  # a number of thousands of digits (int's 4300-digit limit)
        raise ImportRefused("not JSON mastery can read (a number too long to read)") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ImportRefused(
            f'not a mastery export (it has no "format": "{FORMAT_NAME}"; '
            "make one with: mastery export --format json)"
        )
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ImportRefused(f"the export version {version!r} is not a version number")
    if version > FORMAT_VERSION:
        raise ImportRefused(
            f"made by a newer mastery (export version {version}; this one reads up to "
            f"{FORMAT_VERSION}); please upgrade"
        )
    data_schema = data.get("schema", schema)
    if isinstance(data_schema, bool) or not isinstance(data_schema, int):
        raise ImportRefused(f"the schema {data_schema!r} is not a version number")
    if data_schema > schema:
        raise ImportRefused(
            f"made by a newer mastery (schema {data_schema}; this one reads up to {schema}); "
            "please upgrade"
        )
    exported = data.get("exported", "")
    records = {key: _records(data.get(key, []), key, kind) for key, kind in KINDS}
    return Document(exported=exported if isinstance(exported, str) else "", records=records)


def _records(items: object, key: str, kind: type[Record]) -> list[Record]:
    if not isinstance(items, list):
        raise ImportRefused(f"{key}: must be a list of records")
    found: list[Record] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        try:
            record = kind.from_dict(item)
            if isinstance(record, Practice):
                _check_incoming(record)
        except ValidationError as error:
            raise ImportRefused(f"{key}[{index}]: {error.message}") from None
        except (TypeError, ValueError, AttributeError) as error:
            raise ImportRefused(f"{key}[{index}]: not a valid {kind.KIND} ({error})") from None
        if record.id in seen:
            raise ImportRefused(f"{key}[{index}]: the id {record.id} appears twice in the file")
        seen.add(record.id)
        found.append(record)
    return found


def _check_incoming(practice: Practice) -> None:
    """What a practice from elsewhere must also be: it ends no earlier than it starts, and its
    zone is one this computer knows. Not asked on load (``Practice.from_dict``), so practices
    saved before these checks, or under another computer's zones, stay readable."""
    validate.in_order(practice.started, practice.ended)
    validate.known_zone(practice.zone, field="zone")


@dataclasses.dataclass
class Counts:
    added: int = 0
    updated: int = 0
    skipped: int = 0

    @property
    def total(self) -> int:
        return self.added + self.updated + self.skipped


@dataclasses.dataclass(frozen=True)
class ImportReport:
    """What an import did, per kind (the names in ``export.KINDS``)."""

    counts: dict[str, Counts]
    future: int = 0  # records whose "updated" lies ahead of this computer's clock

    def total(self) -> Counts:
        return Counts(
            added=sum(c.added for c in self.counts.values()),
            updated=sum(c.updated for c in self.counts.values()),
            skipped=sum(c.skipped for c in self.counts.values()),
        )

    def text(self) -> str:
        """Lines for the CLI: one per kind the file holds, then the totals."""
        total = self.total()
        if total.total == 0:
            return "The file holds no records; nothing changed."
        width = max(len(key) for key, _ in KINDS)
        lines = [
            f"{key.ljust(width)}  {c.added} added, {c.updated} updated, {c.skipped} skipped"
            for key, c in self.counts.items()
            if c.total
        ]
        lines.append(
            f"In all: {total.added} added, {total.updated} updated, {total.skipped} skipped "
            "(skipped: already here, the same or edited later here)."
        )
        if self.future:
            noun = "record was" if self.future == 1 else "records were"
            lines.append(
                f"Note: {self.future} {noun} last edited in the future by this computer's clock; "
                "check the other device's date and time."
            )
        return "\n".join(lines)


@dataclasses.dataclass(frozen=True)
class ImportPlan:
    """What to write: main-file records in one save, practices with the copy they replace."""

    main: list[Record]
    practices: list[tuple[Practice, Practice | None]]
    report: ImportReport


def _later(a: str, b: str) -> bool:
    return parse_iso(a) > parse_iso(b)


def _incoming_wins(new: Record, old: Record) -> bool:
    if _later(new.updated, old.updated):
        return True
    # A built-in area nobody has edited here was made when this folder was created, which may
    # be after the export: the file's copy (maybe renamed or archived) is the one that counts.
    return isinstance(old, Area) and old.builtin and old.created == old.updated


def plan_import(
    document: Document, current: Mapping[str, Iterable[Record]], *, now: datetime
) -> ImportPlan:
    """Decide, per record of ``document``, against ``current`` (records here, by the names in
    ``export.KINDS``): added (new id), updated (the file's copy wins) or skipped."""
    main: list[Record] = []
    practices: list[tuple[Practice, Practice | None]] = []
    counts: dict[str, Counts] = {}
    future = 0
    for key, _kind in KINDS:
        here = {record.id: record for record in current.get(key, ())}
        tally = counts[key] = Counts()
        for record in document.records.get(key, []):
            if parse_iso(record.updated) > now + FUTURE_SLACK:
                future += 1
            old = here.get(record.id)
            if old is None:
                tally.added += 1
            elif old.to_dict() != record.to_dict() and _incoming_wins(record, old):
                tally.updated += 1
            else:
                tally.skipped += 1
                continue
            if isinstance(record, Practice):
                assert old is None or isinstance(old, Practice)
                practices.append((record, old))
            else:
                main.append(record)
    return ImportPlan(main=main, practices=practices, report=ImportReport(counts, future))
