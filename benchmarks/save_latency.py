"""2. Save latency of one practice as history grows, and why practice files are per month.

Part A: ``Store.save_practice`` of a new practice (this month) into folders already holding
0, 1k, 5k and 20k practices spread over ten years, interleaved across the folders.
Part B: one raw TinyDB insert through ``AtomicJSONStorage`` into a single file of 170
(a month of 20k over ten years), 2,000 (a year) and 20,000 (everything) practices: the
cost the monthly period avoids. Part C: the once-a-day backup the first save of a day makes.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Callable
from pathlib import Path

from tinydb import TinyDB

from mastery_tui.domain.clock import SystemClock
from mastery_tui.store import Store, backups
from mastery_tui.store.practices import practice_period
from mastery_tui.store.storage import AtomicJSONStorage, FileCache

from .common import (
    STATS_HEADERS,
    build_data_dir,
    heading,
    interleaved,
    make_history,
    make_practice,
    median,
    ms,
    stats_row,
    summary,
    table,
    time_call,
)

NAME = "save"
GOAL = 2.0
SIZES = (0, 1_000, 5_000, 20_000)
RAW_SIZES = {"per month (170)": 170, "per year (2,000)": 2_000, "one file (20,000)": 20_000}


def run(quick: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="mastery-bench-") as tmp:
        root = Path(tmp)
        _store_saves(root, repeats=10 if quick else 30)
        _raw_writes(root, repeats=5 if quick else 15)
        _daily_backup(root / "20000", repeats=3 if quick else 7)


def _label(size: int) -> str:
    return f"{size // 1000}k" if size else "empty"


def _store_saves(root: Path, repeats: int) -> None:
    heading(f"2a. Store.save_practice of one new practice, {repeats} saves per size, interleaved")
    clock = SystemClock()
    rng = random.Random(2)
    stores = {
        size: Store.open(build_data_dir(root / str(size), practices=size), clock) for size in SIZES
    }

    def saver(store: Store) -> Callable[[], float]:
        def once() -> float:
            practice = make_practice(clock.now(), rng)  # built outside the timed part
            return time_call(lambda: store.save_practice(practice))

        return once

    # Two warm-up rounds: the first save creates this month's file in the empty folder.
    results = interleaved({_label(s): saver(stores[s]) for s in SIZES}, repeats, warmup=2)
    month = practice_period(make_practice(clock.now(), rng))
    rows = []
    for size in SIZES:
        store = stores[size]
        in_month = _month_count(store, month)
        row = stats_row(
            f"{_label(size)} stored", results[_label(size)], results["empty"] if size else None
        )
        rows.append([*row, f"{len(store.practice_files())} files, {in_month} in {month}"])
    table([*STATS_HEADERS, "files"], rows)
    summary("save with 20k stored", ("empty", "20k"), results, GOAL)


def _month_count(store: Store, month: str) -> int:
    with TinyDB(store.practice_path(month), storage=AtomicJSONStorage, cache=FileCache()) as db:
        return len(db.table("practices"))


def _raw_writes(root: Path, repeats: int) -> None:
    heading(f"2b. one TinyDB insert via AtomicJSONStorage by file size (why one file per month), "
            f"{repeats} runs each, interleaved")  # fmt: skip
    clock = SystemClock()
    docs = [p.to_dict() for p in make_history(max(RAW_SIZES.values()), clock.now(), seed=3)]
    rng = random.Random(4)
    paths: dict[str, Path] = {}
    warm: dict[str, FileCache] = {}
    for label, count in RAW_SIZES.items():
        paths[label] = root / f"raw-{count}.json"
        warm[label] = FileCache()
        with TinyDB(paths[label], storage=AtomicJSONStorage, cache=warm[label]) as db:
            db.table("practices").insert_multiple(docs[:count])

    sizes = {label: path.stat().st_size for label, path in paths.items()}

    def insert(label: str, cold: bool) -> Callable[[], float]:
        def once() -> float:
            doc = make_practice(clock.now(), rng).to_dict()
            cache = FileCache() if cold else warm[label]
            table = TinyDB(paths[label], storage=AtomicJSONStorage, cache=cache).table("practices")
            inserted: list[int] = []
            seconds = time_call(lambda: inserted.append(table.insert(doc)))
            # Untimed: take the record out again, so every run sees the same file.
            again = TinyDB(paths[label], storage=AtomicJSONStorage, cache=warm[label])
            again.table("practices").remove(doc_ids=inserted)
            return seconds

        return once

    cases = {
        f"{label} {kind}": insert(label, kind == "cold")
        for label in RAW_SIZES
        for kind in ("warm", "cold")
    }
    results = interleaved(cases, repeats)
    first = next(iter(RAW_SIZES))
    rows = []
    for label in RAW_SIZES:
        size_kb = sizes[label] / 1024
        rows.append(
            [
                label,
                f"{size_kb:,.0f} KB",
                ms(median(results[f"{label} warm"])),
                f"{median(results[f'{label} warm']) / median(results[f'{first} warm']):.2f}x",
                ms(median(results[f"{label} cold"])),
                f"{median(results[f'{label} cold']) / median(results[f'{first} cold']):.2f}x",
            ]
        )
    table(["file holds", "size", "insert (parsed)", "ratio", "read + insert", "ratio"], rows)
    print("  (parsed: the file's JSON is already in the store's cache, as for the 2nd save on;"
          " read + insert: first save after start-up or after another process wrote)")  # fmt: skip


def _daily_backup(data_dir: Path, repeats: int) -> None:
    heading(
        f"2c. the first save of a day also backs up every data file (20k folder), {repeats} runs"
    )
    files = [
        p for p in [data_dir / "mastery.json", *sorted((data_dir / "practice").glob("*.json"))]
    ]
    megabytes = sum(p.stat().st_size for p in files) / 2**20
    counter = iter(range(10_000))

    def full_copy() -> float:
        root = data_dir.parent / f"backup-copy-{next(counter)}"
        return time_call(lambda: backups.make_backup(data_dir, root, "2000-01-01", files))

    linked_root = data_dir.parent / "backup-linked"
    backups.make_backup(data_dir, linked_root, "1999-12-31", files)
    days = iter(f"2000-{m:02d}-{d:02d}" for m in range(1, 13) for d in range(1, 29))

    def linked() -> float:
        day = next(days)
        return time_call(lambda: backups.make_backup(data_dir, linked_root, day, files))

    results = interleaved({"copy": full_copy, "linked": linked}, repeats)
    table(
        ["backup", "median", "what"],
        [
            [
                "copy",
                ms(median(results["copy"])),
                f"no earlier backup: {len(files)} files, {megabytes:.1f} MB copied",
            ],
            [
                "linked",
                ms(median(results["linked"])),
                "yesterday's backup exists: unchanged files hard-linked",
            ],
        ],
    )
