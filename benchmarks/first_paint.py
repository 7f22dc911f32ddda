"""1. Time to first paint: mastery's Home vs a minimal Textual app, in tmux at 80x24.

Both are started the same way (``python ...`` in a new tmux session) and timed from just
before the session is spawned until their text is on the screen, read back with
``tmux capture-pane``. The minimal app is the floor: Python plus Textual.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from .common import (
    COLUMNS,
    LINES,
    STATS_HEADERS,
    Tmux,
    build_data_dir,
    heading,
    import_profile,
    interleaved,
    mastery_argv,
    mastery_home_ready,
    minimal_argv,
    minimal_ready,
    stats_row,
    summary,
    table,
)

NAME = "paint"
GOAL = 1.3
# What each process imports before its first paint (mastery's as ``mastery`` does it).
APP_IMPORTS = "import mastery_tui.__main__, mastery_tui.cli, mastery_tui.store, mastery_tui.app"
MINIMAL_IMPORTS = "from textual.app import App; from textual.widgets import Footer, Header, Static"


def run(quick: bool) -> None:
    repeats = 6 if quick else 25
    heading(f"1. first paint, tmux {COLUMNS}x{LINES}: mastery (Home) vs minimal Textual app, "
            f"{repeats} runs each, interleaved")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="mastery-bench-") as tmp, Tmux() as tmux:
        data = build_data_dir(Path(tmp) / "data")
        results = interleaved(
            {
                "minimal": lambda: tmux.first_paint(minimal_argv(), minimal_ready),
                "mastery": lambda: tmux.first_paint(mastery_argv(data), mastery_home_ready),
            },
            repeats,
        )
    table(
        STATS_HEADERS,
        [
            stats_row("minimal", results["minimal"], None),
            stats_row("mastery", results["mastery"], results["minimal"]),
        ],
    )
    summary(f"first paint (tmux {COLUMNS}x{LINES})", ("minimal", "mastery"), results, GOAL)
    _extra_imports()


def _extra_imports(runs: int = 3) -> None:
    """What mastery imports on the way to its first paint that the minimal app doesn't."""
    app = _best_of(APP_IMPORTS, runs)
    minimal = _best_of(MINIMAL_IMPORTS, runs)
    extra = {name: own for name, own in app.items() if name not in minimal}
    total = sum(extra.values())
    top = sorted(extra.items(), key=lambda item: item[1], reverse=True)[:8]
    print(f"  imports mastery adds over the minimal app (python -X importtime, best of {runs}): "
          f"{len(extra)} modules, {total / 1000:.0f} ms self time")  # fmt: skip
    print("    " + ", ".join(f"{name} {own / 1000:.1f}" for name, own in top) + " (ms)")


def _best_of(code: str, runs: int) -> dict[str, int]:
    """Per module, the smallest self time (µs) seen over ``runs`` runs."""
    best: dict[str, int] = {}
    for _ in range(runs):
        for name, (own, _cumulative) in import_profile(
            [sys.executable, "-X", "importtime", "-c", code]
        ).items():
            best[name] = min(own, best.get(name, own))
    return best
