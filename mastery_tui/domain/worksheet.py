"""The worksheet a therapist reads: one sheet per local week (Monday to Sunday) with the week's
practices, its summary, the reviews of the 7-day plans that began in it and the notes written
in it. Built once here as plain values; ``worksheet_md`` and ``worksheet_html`` only render it,
so the Markdown and the printable page always hold the same things.

Pure: records in, values out. Text is the person's own, unescaped: each renderer escapes it for
its format.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from . import history
from .clock import parse_iso
from .models import Completion, Note, Practice, Review, WeekPlan
from .words import SAFETY_NOTE

TITLE = "Build Mastery worksheet"
NOT_RATED = "–"  # a rating or completion that was not rated
NOT_RATED_NOTE = f"{NOT_RATED} means not rated"
COLUMNS = (
    "Date",
    "Task",
    "Difficulty",
    "Completion",
    "Mood",
    "Confidence",
    "In the way",
    "Reflection",
)
REVIEW_QUESTIONS = (
    "What gave the strongest sense of mastery",
    "What got in the way",
    "Small adjustments for next week",
)


@dataclass(frozen=True)
class Row:
    """One practice as the worksheet shows it. Every field is text; ratings not given are
    NOT_RATED, never a made-up number."""

    when: str
    task: str
    difficulty: str
    completion: str
    mood: str
    confidence: str
    in_the_way: str
    reflection: str
    note: str

    def cells(self) -> tuple[str, ...]:
        """In COLUMNS order (the note goes with the reflection, see the renderers)."""
        return (
            self.when,
            self.task,
            self.difficulty,
            self.completion,
            self.mood,
            self.confidence,
            self.in_the_way,
            self.reflection,
        )


@dataclass(frozen=True)
class ReviewSheet:
    heading: str
    answers: tuple[tuple[str, str], ...]  # (question, answer or "")


@dataclass(frozen=True)
class NoteLine:
    day: str
    text: str


@dataclass(frozen=True)
class WeekSheet:
    heading: str
    rows: tuple[Row, ...]
    summary: tuple[str, ...]  # empty when no practices
    reviews: tuple[ReviewSheet, ...]
    notes: tuple[NoteLine, ...]


@dataclass(frozen=True)
class Worksheet:
    title: str
    exported: str  # "2026-11-30"
    subtitle: str  # "Exported 2026-11-30: 12 practices, 2026-11-01 to 2026-11-30."
    weeks: tuple[WeekSheet, ...]
    safety_note: str  # paragraphs separated by a blank line


def day_words(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b} {day.year}"


def _value(value: int | None) -> str:
    return NOT_RATED if value is None else str(value)


def _completion(completion: Completion | None) -> str:
    return NOT_RATED if completion is None else completion.label


def _before_after(before: int | None, after: int | None) -> str:
    return f"{_value(before)} → {_value(after)}"


def obstacles_text(practice: Practice) -> str:
    return ", ".join(o.value for o in practice.obstacles)


def row(practice: Practice, tz: tzinfo | None) -> Row:
    start = history.local_start(practice, tz)
    return Row(
        when=f"{start:%a} {start.day} {start:%b} {start:%H:%M}",
        task=practice.task_title,
        difficulty=_value(practice.difficulty),
        completion=_completion(practice.completion),
        mood=_before_after(practice.mood_before, practice.mood_after),
        confidence=_before_after(practice.confidence_before, practice.confidence_after),
        in_the_way=obstacles_text(practice),
        reflection=practice.reflection,
        note=practice.note,
    )


def summary_lines(practices: Sequence[Practice], tz: tzinfo | None) -> tuple[str, ...]:
    summary = history.summarize(practices, tz)
    days = "day" if summary.days_practised == 1 else "days"
    times = "practice" if summary.practices == 1 else "practices"
    lines = [
        f"Practised on {summary.days_practised} {days} ({summary.practices} {times}): "
        f"{summary.completion_text()}",
        f"Minutes spent: {summary.minutes}",
        f"Mood change on average: {history.signed(summary.mood_change)}",
        f"Confidence change on average: {history.signed(summary.confidence_change)}",
    ]
    if any(p.has_not_rated for p in practices):
        lines.append(NOT_RATED_NOTE)
    return tuple(lines)


def review_sheet(review: Review, plan: WeekPlan) -> ReviewSheet:
    got_in_way = ", ".join(o.value for o in review.obstacles)
    if review.obstacles_text:
        got_in_way = (
            f"{got_in_way}; {review.obstacles_text}" if got_in_way else review.obstacles_text
        )
    answers = (review.strongest, got_in_way, review.adjustments)
    return ReviewSheet(
        heading=f"Review of the 7-day plan that began {day_words(date.fromisoformat(plan.start))}",
        answers=tuple(zip(REVIEW_QUESTIONS, answers, strict=True)),
    )


def reviews_by_week(
    reviews: Iterable[Review],
    plans: Iterable[WeekPlan],
    since: date | None = None,
    until: date | None = None,
) -> dict[date, list[tuple[Review, WeekPlan]]]:
    """Reviews grouped by the Monday of the week their plan began in. With [since, until], a
    review is in when any of its plan's seven days is (a plan begun before ``since`` joins the
    range's first week). Reviews whose plan is gone are left out: they have no week."""
    by_id = {plan.id: plan for plan in plans}
    found: dict[date, list[tuple[Review, WeekPlan]]] = {}
    for review in sorted(reviews, key=lambda r: (r.created, r.id)):
        plan = by_id.get(review.week_id)
        if plan is None:
            continue
        start = date.fromisoformat(plan.start)
        last = start + timedelta(days=6)
        if (since and last < since) or (until and start > until):
            continue
        shown_from = max(start, since) if since else start
        found.setdefault(history.week_start(shown_from), []).append((review, plan))
    return found


def notes_by_week(
    notes: Iterable[Note], tz: tzinfo | None, since: date | None, until: date | None
) -> dict[date, list[NoteLine]]:
    """Notes grouped by the Monday of the local day they were written, oldest first."""
    found: dict[date, list[NoteLine]] = {}
    for note in sorted(notes, key=lambda n: (n.created, n.id)):
        day = parse_iso(note.created).astimezone(tz).date()
        if (since and day < since) or (until and day > until):
            continue
        found.setdefault(history.week_start(day), []).append(NoteLine(day_words(day), note.text))
    return found


def _subtitle(count: int, now: datetime, since: date | None, until: date | None) -> str:
    span = " to ".join(d.isoformat() for d in (since, until) if d)
    if since and not until:
        span = f"from {span}"
    elif until and not since:
        span = f"up to {span}"
    noun = "practice" if count == 1 else "practices"
    return f"Exported {now.date().isoformat()}: {count} {noun}{', ' + span if span else ''}."


def build(
    practices: Iterable[Practice],
    tz: tzinfo | None,
    *,
    now: datetime,
    reviews: Iterable[Review] = (),
    plans: Iterable[WeekPlan] = (),
    notes: Iterable[Note] = (),
    since: date | None = None,
    until: date | None = None,
) -> Worksheet:
    """The worksheet of ``practices`` (already limited to [since, until]), oldest week first;
    reviews and notes of the same span join their weeks."""
    ordered = sorted(practices, key=lambda p: (p.started, p.id))
    weeks = history.by_week(ordered, tz)
    reviewed = reviews_by_week(reviews, plans, since, until)
    written = notes_by_week(notes, tz, since, until)
    sheets = []
    for monday in sorted(set(weeks) | set(reviewed) | set(written)):
        group = weeks.get(monday, [])
        sunday = monday + timedelta(days=6)
        sheets.append(
            WeekSheet(
                heading=f"Week of {day_words(monday)} to {day_words(sunday)}",
                rows=tuple(row(p, tz) for p in group),
                summary=summary_lines(group, tz) if group else (),
                reviews=tuple(review_sheet(r, p) for r, p in reviewed.get(monday, [])),
                notes=tuple(written.get(monday, [])),
            )
        )
    return Worksheet(
        title=TITLE,
        exported=now.date().isoformat(),
        subtitle=_subtitle(len(ordered), now, since, until),
        weeks=tuple(sheets),
        safety_note=SAFETY_NOTE,
    )
