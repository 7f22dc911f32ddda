"""What builds mastery for me: practices grouped by life area and by task, strongest first.

The skill's day-7 question is "which kinds of task gave the strongest sense of mastery?".
The honest measure the worksheet gives is the confidence lift of a practice: confidence
after minus before. A row is one area (or one task) with how often it was practised, how
much of it got done, and its mean lift.

Definitions (the screens and ``mastery stats`` say them in words):

- **Completion rate**: done counts 1, partly counts ½ (partial completion is still practice),
  not this time counts 0; divided by the number of practices whose completion was given. A
  practice whose completion was not rated is left out; ``None`` when no completion was given.
- **Confidence change**: the mean of (confidence after − before) over the practices that have
  both ratings; ``None`` when none has (a not-rated confidence is never counted as a number).
- **Strongest first**: rows with at least ``MIN_PRACTICES`` practices come first, then rows with
  a single practice (listed, marked "too early to tell", never ranked above real evidence).
  Within each group: higher mean confidence change first (rows without one last), then higher
  completion rate (rows without one last), then more practices, then name.

The weekly review reuses ``mastery_table`` and ``biggest_lift`` to name what helped most.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Sequence

from .history import completion_counts, confidence_change, mean, signed
from .models import Area, Completion, Practice, Task

MIN_PRACTICES = 2  # fewer: listed after the others, marked as too early to tell
PARTLY_WEIGHT = 0.5
NO_AREA = "No life area"  # quick tasks are practised without one
EARLY_MARK = "*"
EARLY_NOTE = f"{EARLY_MARK} one practice so far: too early to tell"
COMPLETION_NOTE = "Completed: done counts 1, partly a half."
CHANGE_NOTE = "Confidence: mean of after minus before."
NOT_RATED_NOTE = "Completed leaves out practices whose completion was not rated."
NO_VALUE = "–"  # a rate or change with nothing to go on: every answer was not rated


@dataclasses.dataclass(frozen=True)
class MasteryRow:
    """One life area or one task, over the practices given."""

    key: str
    name: str
    practices: int
    done: int
    partly: int
    not_this_time: int
    confidence_change: float | None
    rated: int  # practices with confidence before and after (the ones the change is the mean of)
    not_rated: int = 0  # practices whose completion was not rated (in no completion count)

    @property
    def completed(self) -> int:
        """Practices whose completion was given: what the completion rate is over."""
        return self.done + self.partly + self.not_this_time

    @property
    def completion_rate(self) -> float | None:
        """0..1: done counts 1, partly ``PARTLY_WEIGHT``, over the practices whose completion
        was given; None when none was (never a division by zero, never a made-up 0%)."""
        if not self.completed:
            return None
        return (self.done + PARTLY_WEIGHT * self.partly) / self.completed

    @property
    def early(self) -> bool:
        """Too few practices to compare with the others."""
        return self.practices < MIN_PRACTICES


@dataclasses.dataclass(frozen=True)
class MasteryTable:
    by_area: tuple[MasteryRow, ...]
    by_task: tuple[MasteryRow, ...]
    # (task, its estimate, how hard it felt on average): predicted vs felt (SKILL.md)
    expected_vs_felt: tuple[tuple[str, int, int], ...] = ()

    @property
    def empty(self) -> bool:
        return not self.by_area


def strength_key(row: MasteryRow) -> tuple[object, ...]:
    """Sort key of "strongest first" (see the module docstring)."""
    change = row.confidence_change
    rate = row.completion_rate
    return (
        row.early,
        change is None,
        -(change or 0.0),
        rate is None,
        -(rate or 0.0),
        -row.practices,
        row.name.casefold(),
        row.key,
    )


def strongest_first(rows: Iterable[MasteryRow]) -> list[MasteryRow]:
    return sorted(rows, key=strength_key)


def _row(key: str, name: str, group: Sequence[Practice]) -> MasteryRow:
    counts = completion_counts(group)
    changes = [confidence_change(p) for p in group]
    return MasteryRow(
        key=key,
        name=name,
        practices=len(group),
        done=counts[Completion.YES],
        partly=counts[Completion.PARTLY],
        not_this_time=counts[Completion.NO],
        confidence_change=mean(changes),
        rated=sum(1 for change in changes if change is not None),
        not_rated=counts[None],
    )


def rows_by_area(practices: Iterable[Practice], areas: Iterable[Area] = ()) -> list[MasteryRow]:
    """One row per life area practised, strongest first. Pass every area (archived too) so
    names resolve; an area that no longer exists is called "Other area"."""
    names = {area.id: area.name for area in areas}
    groups: dict[str, list[Practice]] = defaultdict(list)
    for practice in practices:
        groups[practice.area_id or ""].append(practice)
    rows = [
        _row(key, names.get(key, "Other area") if key else NO_AREA, group)
        for key, group in groups.items()
    ]
    return strongest_first(rows)


def task_key(practice: Practice) -> str:
    """A task's practices belong together by task id; quick tasks (no id) by their title."""
    if practice.task_id:
        return practice.task_id
    return "title:" + practice.task_title.casefold()


def rows_by_task(practices: Iterable[Practice], tasks: Iterable[Task] = ()) -> list[MasteryRow]:
    """One row per task practised, strongest first. A task's current title is used when it
    still exists (archived included), else the title of its most recent practice."""
    titles = {task.id: task.title for task in tasks}
    groups: dict[str, list[Practice]] = defaultdict(list)
    for practice in practices:
        groups[task_key(practice)].append(practice)
    rows = []
    for key, group in groups.items():
        latest = max(group, key=lambda p: p.started)
        rows.append(_row(key, titles.get(key, latest.task_title), group))
    return strongest_first(rows)


def mastery_table(
    practices: Iterable[Practice], *, tasks: Iterable[Task] = (), areas: Iterable[Area] = ()
) -> MasteryTable:
    """Both views of the same practices, each strongest first."""
    chosen = list(practices)
    tasks = list(tasks)
    return MasteryTable(
        by_area=tuple(rows_by_area(chosen, areas)),
        by_task=tuple(rows_by_task(chosen, tasks)),
        expected_vs_felt=expected_vs_felt(chosen, tasks),
    )


EXPECTED_SHOWN = 3


def expected_vs_felt(
    practices: Iterable[Practice], tasks: Iterable[Task]
) -> tuple[tuple[str, int, int], ...]:
    """Tasks that felt easier than the person expected (their estimate against the mean felt
    difficulty they gave, 10 or more apart), the biggest gaps first: "I can't" answered by
    doing. Only felt difficulties that were rated count."""
    estimate = {t.id: (t.title, t.difficulty) for t in tasks}
    felt: dict[str, list[int]] = defaultdict(list)
    for practice in practices:
        if practice.task_id in estimate and practice.difficulty is not None:
            felt[practice.task_id].append(practice.difficulty)
    found = []
    for task_id, values in felt.items():
        title, expected = estimate[task_id]
        mean = round(sum(values) / len(values))
        if expected - mean >= 10:
            found.append((title, expected, mean))
    found.sort(key=lambda row: (row[2] - row[1], row[0]))
    return tuple(found[:EXPECTED_SHOWN])


def biggest_lift(rows: Iterable[MasteryRow], count: int = 3) -> list[MasteryRow]:
    """The rows that raised confidence most: enough practices and a positive mean change.
    For the weekly review's "which tasks and areas gave the biggest confidence lift"."""
    lifted = [
        row
        for row in strongest_first(rows)
        if not row.early and row.confidence_change is not None and row.confidence_change > 0
    ]
    return lifted[:count]


# -- plain text, shared by the trends screen and `mastery stats` --------------------------------

_COLUMNS = (("practices", 9), ("completed", 9), ("confidence", 10))


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def percent(rate: float | None) -> str:
    """"75%"; "–" when there is no rate (no completion was given)."""
    return NO_VALUE if rate is None else f"{round(rate * 100)}%"


def table_lines(rows: Sequence[MasteryRow], heading: str, *, width: int = 76) -> list[str]:
    """A heading row and one line per row, ``width`` columns at most. Early rows end with
    ``EARLY_MARK`` (readable without colour)."""
    numbers = sum(w for _, w in _COLUMNS) + 2 * len(_COLUMNS)
    name_width = max(width - numbers, 12)
    line = [heading.ljust(name_width)[:name_width]]
    line += [title.rjust(w) for title, w in _COLUMNS]
    lines = ["  ".join(line).rstrip()]
    for row in rows:
        name = _fit(row.name, name_width - 2) + (f" {EARLY_MARK}" if row.early else "")
        cells = [
            name.ljust(name_width),
            str(row.practices).rjust(_COLUMNS[0][1]),
            percent(row.completion_rate).rjust(_COLUMNS[1][1]),
            signed(row.confidence_change).rjust(_COLUMNS[2][1]),
        ]
        lines.append("  ".join(cells).rstrip())
    return lines


def table_text(table: MasteryTable, *, width: int = 76) -> str:
    """Both tables and the notes that define their columns, as plain text."""
    lines = table_lines(table.by_area, "By life area", width=width)
    lines.append("")
    lines += table_lines(table.by_task, "By task", width=width)
    lines.append("")
    notes = f"{COMPLETION_NOTE} {CHANGE_NOTE}"
    lines += [notes] if len(notes) <= width else [COMPLETION_NOTE, CHANGE_NOTE]
    if any(row.not_rated for row in table.by_area):
        lines.append(NOT_RATED_NOTE)
    if any(row.early for row in (*table.by_area, *table.by_task)):
        lines.append(EARLY_NOTE)
    if table.expected_vs_felt:
        lines += ["", "Easier than you expected (your estimate → how it felt)"]
        lines += [
            f"  {_fit(title, width - 14)}  {expected} → {felt}"
            for title, expected, felt in table.expected_vs_felt
        ]
    return "\n".join(lines)
