"""7. Exports: ``transfer.export_text`` of 1k and 20k practices (ten years, one file per month),
absolute and per record, with the part spent reading the Store apart from the formatting;
then one import of the 20k JSON backup into an empty folder.

Per record, 20k should cost about what 1k does (ratio near 1x): exporting is linear.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from mastery_tui import transfer
from mastery_tui.domain import export
from mastery_tui.domain.clock import SystemClock
from mastery_tui.store import Store

from .common import build_data_dir, heading, interleaved, median, ms, table, time_call

NAME = "export"
SIZES = (1_000, 20_000)


def run(quick: bool) -> None:
    repeats = 3 if quick else 9
    clock = SystemClock()
    with tempfile.TemporaryDirectory(prefix="mastery-bench-") as tmp:
        root = Path(tmp)
        stores = {
            size: Store.open(build_data_dir(root / str(size), practices=size, tasks=20), clock)
            for size in SIZES
        }
        heading(f"7a. export of the whole log, {repeats} runs per case, interleaved")
        now = clock.now()

        def exporter(store: Store, fmt: str) -> object:
            return lambda: time_call(lambda: transfer.export_text(store, fmt, now=now))

        cases = {f"csv {size}": exporter(stores[size], "csv") for size in SIZES}
        cases |= {f"{fmt} {SIZES[-1]}": exporter(stores[SIZES[-1]], fmt) for fmt in ("md", "json")}
        big = stores[SIZES[-1]]
        practices = big.practices()
        names = {a.id: a.name for a in big.areas(include_archived=True)}
        cases["read 20000"] = lambda: time_call(big.practices)
        cases["csv format 20000"] = lambda: time_call(
            lambda: export.csv_text(practices, now.tzinfo, names)
        )
        results = interleaved(cases, repeats)  # type: ignore[arg-type]

        per_small = median(results[f"csv {SIZES[0]}"]) / SIZES[0]
        rows = []
        for label, count, what in (
            (f"csv {SIZES[0]}", SIZES[0], "CSV, read + format"),
            (f"csv {SIZES[-1]}", SIZES[-1], "CSV, read + format"),
            ("read 20000", SIZES[-1], "  of which Store.practices()"),
            ("csv format 20000", SIZES[-1], "  of which csv_text()"),
            (f"md {SIZES[-1]}", SIZES[-1], "Markdown, read + format"),
            (f"json {SIZES[-1]}", SIZES[-1], "JSON, read + format"),
        ):
            value = median(results[label])
            rows.append(
                [
                    what,
                    f"{count:,}",
                    ms(value),
                    f"{value / count * 1e6:.1f} µs",
                    f"{value / count / per_small:.2f}x",
                ]
            )
        table(["case", "records", "median", "per record", "per record vs 1k CSV"], rows)
        size_mb = len(transfer.export_text(big, "csv", now=now).encode()) / 2**20
        print(f"  (the 20k CSV is {size_mb:.1f} MB)")

        heading("7b. import of the 20k JSON backup into an empty folder, once")
        backup = root / "backup.json"
        transfer.write_export(backup, transfer.export_text(big, "json", now=now))
        empty = Store.open(root / "empty", clock)
        reports = []
        seconds = time_call(lambda: reports.append(transfer.import_file(empty, backup, now=now)))
        added = reports[0].total().added
        print(
            f"  {ms(seconds)} for {added:,} records ({seconds / added * 1e6:.0f} µs per record), "
            f"{len(empty.practice_files())} month files written; "
            f"{backup.stat().st_size / 2**20:.1f} MB file"
        )
