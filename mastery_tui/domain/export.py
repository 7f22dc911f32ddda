"""The worksheet log as text others can read: CSV for a spreadsheet and JSON for a full backup
that ``mastery import`` merges back. The worksheet a therapist reads (Markdown, HTML) is built
in ``worksheet.py``; calendar events in ``calendar.py``.

Pure: records in, text out. ``transfer.py`` reads the Store and writes the files; the plan of
an import (what would be added, updated or skipped) lives in ``domain/importing.py``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from datetime import datetime, tzinfo
from typing import Any

from . import history
from .clock import utc_iso
from .models import Area, Completion, Note, Practice, Record, Review, Task, WeekPlan

FORMAT_NAME = "mastery-export"
FORMAT_VERSION = 1

# The document's record lists, in the order they are written and imported.
KINDS: tuple[tuple[str, type[Record]], ...] = (
    ("areas", Area),
    ("tasks", Task),
    ("practices", Practice),
    ("weeks", WeekPlan),
    ("reviews", Review),
    ("notes", Note),
)

# -- CSV ------------------------------------------------------------------------------------

CSV_HEADERS: tuple[str, ...] = (
    "Date",
    "Start",
    "Task",
    "Area",
    "Planned minutes",
    "Minutes spent",
    "Completion",
    "Felt difficulty",
    "Mood before",
    "Mood after",
    "Confidence before",
    "Confidence after",
    "Confidence change",
    "Obstacles",
    "Reflection",
    "Note",
    "ID",
)

# A spreadsheet runs a cell that starts with one of these as a formula ("=HYPERLINK(...)").
# User text is data: such a cell gets a leading apostrophe, which spreadsheets show as text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def spreadsheet_safe(text: str) -> str:
    """``text`` as a cell a spreadsheet won't evaluate."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _number(value: int | None) -> str:
    """A number cell; empty when the value was not rated (never a made-up number)."""
    return "" if value is None else str(value)


def _completion(completion: Completion | None) -> str:
    """The completion's words; empty when it was not rated."""
    return "" if completion is None else completion.label


def oldest_first(practices: Iterable[Practice]) -> list[Practice]:
    """The order a worksheet is read in; the id breaks ties so every export is the same."""
    return sorted(practices, key=lambda p: (p.started, p.id))


def csv_row(practice: Practice, tz: tzinfo | None, area_names: Mapping[str, str]) -> list[str]:
    start = history.local_start(practice, tz)
    area = area_names.get(practice.area_id, "") if practice.area_id else ""
    return [
        start.date().isoformat(),
        f"{start:%H:%M}",
        spreadsheet_safe(practice.task_title),
        spreadsheet_safe(area),
        str(practice.planned_minutes),
        str(round(practice.seconds_spent / 60)),
        _completion(practice.completion),
        _number(practice.difficulty),
        _number(practice.mood_before),
        _number(practice.mood_after),
        _number(practice.confidence_before),
        _number(practice.confidence_after),
        _number(history.confidence_change(practice)),
        "; ".join(o.value for o in practice.obstacles),
        spreadsheet_safe(practice.reflection),
        spreadsheet_safe(practice.note),
        practice.id,
    ]


DELIMITERS = {"comma": ",", "semicolon": ";", "tab": "\t"}


def csv_text(
    practices: Iterable[Practice],
    tz: tzinfo | None,
    area_names: Mapping[str, str],
    *,
    delimiter: str = ",",
) -> str:
    """A header row, then one row per practice, oldest first (RFC 4180: CRLF line ends).

    Every field is quoted, so a spreadsheet that splits on tab, comma and semicolon at once
    (LibreOffice's default import) still keeps "fatigue; time" or a reflection with a ";" in
    one cell. ``delimiter`` is "," or, for spreadsheets set up for it, ";" or a tab.

    No byte-order mark here: text for a pipe should not start with one. ``transfer`` adds it
    when it writes a ``.csv`` file, so a double-clicked file opens as UTF-8 in Excel."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(CSV_HEADERS)
    writer.writerows(csv_row(p, tz, area_names) for p in oldest_first(practices))
    return out.getvalue()


# -- JSON -----------------------------------------------------------------------------------


def _json_order(record: Record) -> tuple[str, str, str]:
    """Practices by start, plans by start day, the rest by creation; the id breaks ties."""
    first = getattr(record, "started", None) or getattr(record, "start", None) or ""
    return (first, record.created, record.id)


def json_document(
    records: Mapping[str, Iterable[Record]], *, now: datetime, schema: int
) -> dict[str, Any]:
    """The full backup: every list sorted, so the same records always give the same bytes.

    ``records`` maps the names in KINDS to records; a missing name is an empty list."""
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported": utc_iso(now),
        "schema": schema,
    }
    for key, _kind in KINDS:
        document[key] = [r.to_dict() for r in sorted(records.get(key, ()), key=_json_order)]
    return document


def json_text(document: Mapping[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
