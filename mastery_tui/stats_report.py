"""``mastery stats``: a compact chart and the mastery table as plain text. No Textual here:
it runs over SSH without opening the app. The drawing itself is ``charts.py``'s, shared with the
trends screen."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

from .charts import (
    STATS_CHART,
    STATS_HEIGHT,
    empty_text,
    legend_text,
    read_practices,
    render_chart,
)
from .domain import mastery
from .domain.clock import Clock
from .domain.history import RANGE_LABELS
from .domain.models import Area, Practice, Task
from .domain.trends import trends


def report_text(
    practices: Sequence[Practice],
    *,
    tasks: Sequence[Task],
    areas: Sequence[Area],
    range_name: str,
    today: Any,
    tz: Any,
    width: int = 80,
    color: bool = False,
) -> str:
    """The report for practices already read (see ``stats_report``)."""
    data = trends(practices, tz, range_name, today)
    heading = f"mastery stats · {RANGE_LABELS[range_name]}"
    if data.empty:
        how = (
            'To record one: `mastery` and press n (Do it now), or `mastery quick "Walk 5 minutes"`.'
        )
        paragraphs = empty_text(data, how_to_record=how).split("\n\n")
        wrapped = "\n\n".join(textwrap.fill(p, width=max(width, 20)) for p in paragraphs)
        return f"{heading}\n\n{wrapped}\n"
    chart = render_chart(data, STATS_CHART, width=width, height=STATS_HEIGHT, color=color)
    table = mastery.mastery_table(practices, tasks=tasks, areas=areas)
    lines = [
        f"{heading} · {data.practices} practices",
        "",
        data.describe(STATS_CHART),
        chart.rstrip("\n"),
        legend_text(data, STATS_CHART),
        "",
        "What builds mastery for me (strongest first)",
        mastery.table_text(table, width=width),
    ]
    return "\n".join(lines) + "\n"


def stats_report(
    store: Any, clock: Clock, *, range_name: str = "30d", width: int = 80, color: bool = False
) -> str:
    """A quick look for ``mastery stats``: a confidence chart over the range and the mastery
    table, as text ``width`` columns wide. No ANSI codes unless ``color``. ``range_name`` is
    a key of ``history.RANGES`` (validate user input with ``history.parse_range``)."""
    now = clock.now()
    return report_text(
        read_practices(store, clock, range_name),
        tasks=store.tasks(include_archived=True),
        areas=store.areas(include_archived=True),
        range_name=range_name,
        today=now.date(),
        tz=now.tzinfo,
        width=width,
        color=color,
    )
