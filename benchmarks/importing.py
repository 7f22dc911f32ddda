"""8. Imports of 1k, 10k and 20k notes and of 1k and 20k practices into an empty folder: the import
itself in one process (reading and checking apart from the commit, which holds the lock), per
record; ``mastery import`` as a person runs it (a child process); then ``mastery tasks`` run
over and over in another process while a 20k import runs.

Per record, the big file should cost about what the small one does (ratio near 1x): an
import is linear. Goal (issue 12): 10,000 notes and 20,000 practices each under 5 s.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from mastery_tui.domain import export
from mastery_tui.domain.clock import SystemClock
from mastery_tui.domain.importing import parse_document, plan_import
from mastery_tui.domain.models import Note
from mastery_tui.store import Store
from mastery_tui.store.schema import SCHEMA_VERSION

from .common import REPO, child_env, heading, make_history, make_tasks, median, ms, table

NAME = "import"
CASES = (
    ("notes", 1_000),
    ("notes", 10_000),
    ("notes", 20_000),
    ("practices", 1_000),
    ("practices", 20_000),
)
GOAL_SECONDS = 5.0


def _export_file(folder: Path, kind: str, count: int) -> Path:
    now = SystemClock().now()
    tasks = make_tasks(20, now - timedelta(days=3650))
    if kind == "notes":
        records = {
            "notes": [
                Note.new(now=now - timedelta(hours=i), text=f"Note {i}: the walk felt easier today.")
                for i in range(count)
            ],
        }
    else:
        records = {"tasks": tasks, "practices": make_history(count, now, tasks)}
    path = folder / f"{kind}-{count}.json"
    path.write_text(export.json_text(export.json_document(records, now=now, schema=SCHEMA_VERSION)))
    return path


def _mastery(folder: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "mastery_tui", "--data-dir", str(folder), *args]


def _import_once(root: Path, source: Path, run: int) -> float:
    folder = root / f"into-{source.stem}-{run}"
    folder.mkdir(mode=0o700)
    start = time.perf_counter()
    done = subprocess.run(
        _mastery(folder, "import", str(source)), cwd=REPO, env=child_env(), capture_output=True
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"import of {source.name} exited {done.returncode}: {done.stderr[-400:]!r}")
    return elapsed


def _in_process(root: Path, source: Path, run: int) -> tuple[float, float]:
    """(reading and checking the file, outside the lock; deciding and writing, under it)."""
    store = Store.open(root / f"in-{source.stem}-{run}", SystemClock())
    now = SystemClock().now()
    start = time.perf_counter()
    document = parse_document(source.read_bytes(), schema=SCHEMA_VERSION)
    parsed = time.perf_counter()
    store.commit_import(lambda current: plan_import(document, current, now=now))
    return parsed - start, time.perf_counter() - parsed


def run(quick: bool) -> None:
    repeats = 1 if quick else 3
    with tempfile.TemporaryDirectory(prefix="mastery-bench-") as tmp:
        root = Path(tmp)
        files = {case: _export_file(root, *case) for case in CASES}
        _import_once(root, files[CASES[0]], -1)  # warm-up: bytecode compiled once, as installed
        heading(f"8a. the import itself, in one process: {repeats} runs per case, interleaved")
        parts: dict[tuple[str, int], list[tuple[float, float]]] = {case: [] for case in CASES}
        for attempt in range(repeats):
            for case in CASES:
                parts[case].append(_in_process(root, files[case], attempt))
        rows = []
        for kind, count in CASES:
            check = median([p[0] for p in parts[(kind, count)]])
            commit = median([p[1] for p in parts[(kind, count)]])
            small = sum(median([p[i] for p in parts[(kind, 1_000)]]) for i in (0, 1)) / 1_000
            total = check + commit
            rows.append(
                [
                    kind,
                    f"{count:,}",
                    ms(check),
                    ms(commit),
                    f"{total / count * 1e6:.0f} µs",
                    f"{total / count / small:.2f}x",
                ]
            )
        table(
            ["records", "count", "read + check", "commit (lock held)", "per record", "vs 1k"],
            rows,
        )

        heading(f"8b. mastery import into an empty folder, {repeats} runs per case, interleaved")
        results: dict[tuple[str, int], list[float]] = {case: [] for case in CASES}
        for attempt in range(repeats):
            for case in CASES:
                results[case].append(_import_once(root, files[case], attempt))
        rows = []
        for kind, count in CASES:
            value = median(results[(kind, count)])
            goal = "" if count < 10_000 else ("yes" if value < GOAL_SECONDS else "NO")
            rows.append(
                [
                    kind,
                    f"{count:,}",
                    ms(value),
                    f"{value / count * 1e6:.0f} µs",
                    goal,
                ]
            )
        table(["records", "count", "median", "per record", "< 5 s"], rows)
        print("  (the whole command: Python start-up, reading and checking the file, the commit)")

        heading("8c. mastery tasks in another process while 20k practices are imported")
        folder = root / "busy"
        folder.mkdir(mode=0o700)
        subprocess.run(_mastery(folder, "add", "Walk 5 minutes"), env=child_env(), check=True,
                       capture_output=True)  # fmt: skip
        (folder / ".checked").unlink(missing_ok=True)  # the full path: it opens the Store
        importer = subprocess.Popen(
            _mastery(folder, "import", str(files[("practices", 20_000)])),
            cwd=REPO,
            env=child_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        answers: list[tuple[float, int]] = []
        while importer.poll() is None:
            start = time.perf_counter()
            done = subprocess.run(_mastery(folder, "tasks"), cwd=REPO, env=child_env(),
                                  capture_output=True)  # fmt: skip
            answers.append((time.perf_counter() - start, done.returncode))
            (folder / ".checked").unlink(missing_ok=True)
        importer.wait()
        answered = sum(1 for _, code in answers if code == 0)
        slowest = max((seconds for seconds, _ in answers), default=0.0)
        print(
            f"  {len(answers)} runs of 'mastery tasks' during the import: {answered} answered, "
            f"slowest {ms(slowest)}; the import exited {importer.returncode}"
        )
