"""4. ``mastery tasks --json`` and ``mastery today`` wall time vs ``python -c pass``: CLI
start-up without Textual (issue 14: ``today`` within 3x, for shell prompts and status bars).

Also checks, with ``python -X importtime``, that the command never imports Textual, and
lists what it does import that costs the most.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from .common import (
    REPO,
    STATS_HEADERS,
    build_data_dir,
    child_env,
    heading,
    import_profile,
    interleaved,
    mastery_argv,
    run_command,
    stats_row,
    summary,
    table,
)

NAME = "cli"
TASKS = 50


def run(quick: bool) -> None:
    repeats = 8 if quick else 25
    heading(f"4. CLI: mastery tasks --json ({TASKS} tasks) vs python -c pass, "
            f"{repeats} runs each, interleaved")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="mastery-bench-") as tmp:
        data = build_data_dir(Path(tmp) / "data", tasks=TASKS)
        command = mastery_argv(data, "tasks", "--json")
        listed = subprocess.run(command, cwd=REPO, env=child_env(), capture_output=True, text=True)
        checked = data / ".checked"  # the Store's note of the bytes it checked (store/stamp.py)
        answered_fast = checked.exists()
        today = mastery_argv(data, "today")
        said = subprocess.run(today, cwd=REPO, env=child_env(), capture_output=True, text=True)
        kept = data / ".today"  # the answer kept for these files and this day (today_cache.py)

        def after_a_change() -> float:
            checked.unlink(missing_ok=True)  # as after another program changed the file
            return run_command(command)

        def today_after_a_change() -> float:
            kept.unlink(missing_ok=True)  # as after a practice was saved
            return run_command(today)

        results = interleaved(
            {
                "python -c pass": lambda: run_command([sys.executable, "-c", "pass"]),
                "tasks --json": lambda: run_command(command),
                "first after a change": after_a_change,
                "today": lambda: run_command(today),
                "today after a change": today_after_a_change,
            },
            repeats,
        )
        profile = import_profile([sys.executable, "-X", "importtime", *command[1:]])
    table(
        STATS_HEADERS,
        [
            stats_row("python -c pass", results["python -c pass"], None),
            stats_row("mastery tasks --json", results["tasks --json"], results["python -c pass"]),
            stats_row(
                "  first run after a change",
                results["first after a change"],
                results["python -c pass"],
            ),
            stats_row("mastery today", results["today"], results["python -c pass"]),
            stats_row(
                "  first run after a change",
                results["today after a change"],
                results["python -c pass"],
            ),
        ],
    )
    summary("CLI start-up", ("python -c pass", "tasks --json"), results)
    summary("mastery today", ("python -c pass", "today"), results, limit=3.0)
    print(f"  today said: {said.stdout.strip()!r} (exit {said.returncode})")
    print(f"  output: {len(json.loads(listed.stdout))} tasks listed, exit {listed.returncode}; "
          + ("answered by the fast read path (lean.py)" if answered_fast
             else "NOT answered by the fast read path: the file wasn't vouched for"))  # fmt: skip
    print("  'first run after a change': the file changed since the Store last checked it, so the "
          "full path checks every record and notes it")  # fmt: skip
    textual = sorted(name for name in profile if name == "textual" or name.startswith("textual."))
    if textual:
        print(f"  textual imported: YES ({len(textual)} modules, e.g. {', '.join(textual[:3])})")
    else:
        print(f"  textual imported: no ({len(profile)} modules imported, none of them textual)")
    top = sorted(profile.items(), key=lambda item: item[1][0], reverse=True)[:6]
    print("  costliest imports (self time, one run): "
          + ", ".join(f"{name} {own / 1000:.1f} ms" for name, (own, _) in top))  # fmt: skip
