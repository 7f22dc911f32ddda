"""The worksheet log as text others can read: CSV for a spreadsheet, Markdown for a therapist
(one worksheet per week), JSON for a full backup that ``mastery import`` merges back.

Pure: records in, text out. ``transfer.py`` reads the Store and writes the files; the plan of
an import (what would be added, updated or skipped) lives in ``domain/importing.py``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from . import history
from .clock import utc_iso
from .models import Area, Completion, Note, Practice, Record, Review, Task, WeekPlan
from .words import SAFETY_NOTE

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


def csv_text(
    practices: Iterable[Practice], tz: tzinfo | None, area_names: Mapping[str, str]
) -> str:
    """A header row, then one row per practice, oldest first (RFC 4180: CRLF, quoted as needed).

    No byte-order mark here: text for a pipe should not start with one. ``transfer`` adds it
    when it writes a ``.csv`` file, so a double-clicked file opens as UTF-8 in Excel."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADERS)
    writer.writerows(csv_row(p, tz, area_names) for p in oldest_first(practices))
    return out.getvalue()


# -- Markdown -------------------------------------------------------------------------------

MD_HEADERS = ("Date", "Task", "Difficulty", "Completion", "Mood", "Confidence", "Reflection")
MD_NOT_RATED = "–"  # a rating or completion that was not rated
MD_NOT_RATED_NOTE = f"- {MD_NOT_RATED} means not rated"


def md_cell(text: str) -> str:
    """User text inside a Markdown table cell or list item: a ``|`` would end the cell, a
    newline the row, and ``<`` could open raw HTML; all three are escaped."""
    text = text.replace("|", "\\|").replace("<", "&lt;")
    return "<br>".join(line.strip() for line in text.splitlines())


def _day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b} {day.year}"


def _md_value(text: str) -> str:
    return text or MD_NOT_RATED


def _before_after(before: int | None, after: int | None) -> str:
    return f"{_md_value(_number(before))} → {_md_value(_number(after))}"


def _md_row(practice: Practice, tz: tzinfo | None) -> str:
    start = history.local_start(practice, tz)
    cells = [
        f"{start:%a} {start.day} {start:%b} {start:%H:%M}",
        md_cell(practice.task_title),
        _md_value(_number(practice.difficulty)),
        _md_value(_completion(practice.completion)),
        _before_after(practice.mood_before, practice.mood_after),
        _before_after(practice.confidence_before, practice.confidence_after),
        md_cell(practice.reflection),
    ]
    return "| " + " | ".join(cells) + " |"


def _md_summary(practices: Sequence[Practice], tz: tzinfo | None) -> list[str]:
    summary = history.summarize(practices, tz)
    days = "day" if summary.days_practised == 1 else "days"
    times = "practice" if summary.practices == 1 else "practices"
    lines = [
        f"- Practised on {summary.days_practised} {days} ({summary.practices} {times}): "
        f"{summary.completion_text()}",
        f"- Minutes spent: {summary.minutes}",
        f"- Mood change on average: {history.signed(summary.mood_change)}",
        f"- Confidence change on average: {history.signed(summary.confidence_change)}",
    ]
    if any(p.has_not_rated for p in practices):
        lines.append(MD_NOT_RATED_NOTE)
    return lines


def _md_review(review: Review, plan: WeekPlan) -> list[str]:
    start = date.fromisoformat(plan.start)
    lines = [f"### Review of the 7-day plan that began {_day(start)}", ""]
    got_in_way = ", ".join(o.value for o in review.obstacles)
    if review.obstacles_text:
        got_in_way = (
            f"{got_in_way}; {review.obstacles_text}" if got_in_way else review.obstacles_text
        )
    for question, answer in (
        ("What gave the strongest sense of mastery", review.strongest),
        ("What got in the way", got_in_way),
        ("Small adjustments for next week", review.adjustments),
    ):
        lines.append(f"- {question}: {md_cell(answer) if answer else '–'}")
    return lines


def reviews_by_week(
    reviews: Iterable[Review],
    plans: Iterable[WeekPlan],
    since: date | None = None,
    until: date | None = None,
) -> dict[date, list[tuple[Review, WeekPlan]]]:
    """Reviews grouped by the Monday of the week their plan began in (the plan's start inside
    [since, until] when given). Reviews whose plan is gone are left out: they have no week."""
    by_id = {plan.id: plan for plan in plans}
    found: dict[date, list[tuple[Review, WeekPlan]]] = {}
    for review in sorted(reviews, key=lambda r: (r.created, r.id)):
        plan = by_id.get(review.week_id)
        if plan is None:
            continue
        start = date.fromisoformat(plan.start)
        if (since and start < since) or (until and start > until):
            continue
        found.setdefault(history.week_start(start), []).append((review, plan))
    return found


def markdown_text(
    practices: Iterable[Practice],
    tz: tzinfo | None,
    *,
    now: datetime,
    reviews: Iterable[Review] = (),
    plans: Iterable[WeekPlan] = (),
    since: date | None = None,
    until: date | None = None,
) -> str:
    """A worksheet per local week (Monday to Sunday), oldest first: a table of the week's
    practices, the week's summary, and the review of a 7-day plan that began that week."""
    weeks = history.by_week(oldest_first(practices), tz)
    reviewed = reviews_by_week(reviews, plans, since, until)
    lines = ["# Build Mastery worksheet", ""]
    span = " to ".join(d.isoformat() for d in (since, until) if d)
    if since and not until:
        span = f"from {span}"
    elif until and not since:
        span = f"up to {span}"
    count = sum(len(group) for group in weeks.values())
    noun = "practice" if count == 1 else "practices"
    lines += [
        f"Exported {now.date().isoformat()}: {count} {noun}{', ' + span if span else ''}.",
        "",
    ]
    mondays = sorted(set(weeks) | set(reviewed))
    if not mondays:
        lines += ["No practices recorded in this time yet.", ""]
    for monday in mondays:
        sunday = monday + timedelta(days=6)
        lines += [f"## Week of {_day(monday)} to {_day(sunday)}", ""]
        group = weeks.get(monday, [])
        if group:
            lines.append("| " + " | ".join(MD_HEADERS) + " |")
            lines.append("|" + "|".join("---" for _ in MD_HEADERS) + "|")
            lines += [_md_row(p, tz) for p in group]
            lines += ["", *_md_summary(group, tz), ""]
        else:
            lines += ["No practices recorded this week.", ""]
        for review, plan in reviewed.get(monday, []):
            lines += [*_md_review(review, plan), ""]
    lines += ["---", "", f"*Please keep in mind:* {' '.join(SAFETY_NOTE.split())}"]
    return "\n".join(lines).rstrip("\n") + "\n"


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
