"""3. Start-up with ten years of history: first paint with 20k practices + 50 tasks vs empty.

Same tmux method as the first-paint benchmark; both folders have the safety note read, so
Home is what paints. Also times ``Store.open`` in-process on both folders, to tell the
store's share of any difference from the screens'.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from mastery_tui.domain.clock import SystemClock
from mastery_tui.store import Store

from .common import (
    COLUMNS,
    LINES,
    STATS_HEADERS,
    Tmux,
    build_data_dir,
    heading,
    interleaved,
    mastery_argv,
    mastery_home_ready,
    stats_row,
    summary,
    table,
    time_call,
)

NAME = "history"
GOAL = 1.2
PRACTICES = 20_000
TASKS = 50


def run(quick: bool) -> None:
    repeats = 6 if quick else 25
    heading(f"3. start-up with history: {PRACTICES:,} practices + {TASKS} tasks vs empty, "
            f"tmux {COLUMNS}x{LINES}, {repeats} runs each, interleaved")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="mastery-bench-") as tmp:
        empty = build_data_dir(Path(tmp) / "empty")
        full = build_data_dir(Path(tmp) / "full", practices=PRACTICES, tasks=TASKS)
        with Tmux() as tmux:
            results = interleaved(
                {
                    "empty": lambda: tmux.first_paint(mastery_argv(empty), mastery_home_ready),
                    "20k": lambda: tmux.first_paint(mastery_argv(full), mastery_home_ready),
                },
                repeats,
            )
        clock = SystemClock()
        opens = interleaved(
            {
                "empty": lambda: time_call(lambda: Store.open(empty, clock)),
                "20k": lambda: time_call(lambda: Store.open(full, clock)),
            },
            20 if quick else 50,
        )
    table(
        STATS_HEADERS,
        [
            stats_row("empty", results["empty"], None),
            stats_row(f"{PRACTICES // 1000}k + {TASKS} tasks", results["20k"], results["empty"]),
            stats_row("Store.open in-process, empty", opens["empty"], None),
            stats_row("Store.open in-process, 20k", opens["20k"], opens["empty"]),
        ],
    )
    summary("first paint with history", ("empty", "20k"), results, GOAL)
