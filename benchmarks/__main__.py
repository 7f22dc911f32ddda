"""``python -m benchmarks [NAME ...] [--quick]``: run the benchmarks and print their tables.

A benchmark that fails (no tmux, the app never painted) prints why; the others still run.
"""

from __future__ import annotations

import argparse
import os
import platform
import signal
import sys
import time
import traceback
from collections.abc import Sequence

from . import (
    cli_startup,
    export,
    first_paint,
    importing,
    keypress,
    save_latency,
    startup_history,
    trends,
)

BENCHMARKS = {
    module.NAME: module
    for module in (
        first_paint,
        save_latency,
        startup_history,
        cli_startup,
        keypress,
        trends,
        export,
        importing,
    )
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Time mastery against baselines measured in the same run. Prints, never asserts.",
    )
    parser.add_argument(
        "names",
        nargs="*",
        metavar="NAME",
        help=f"benchmarks to run: {', '.join(BENCHMARKS)} (default: all)",
    )
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (noisier)")
    args = parser.parse_args(argv)
    # On SIGTERM, unwind like ctrl+c does: temp folders are removed and tmux servers killed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    unknown = [name for name in args.names if name not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")

    print(
        f"mastery benchmarks{' (quick)' if args.quick else ''}: Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, {_load()}; "
        "medians, ratios against baselines from this run"
    )
    started = time.perf_counter()
    failed = []
    for name in args.names or BENCHMARKS:
        began = time.perf_counter()
        try:
            BENCHMARKS[name].run(args.quick)
            print(f"  ({name}: {time.perf_counter() - began:.0f} s)")
        except Exception:
            failed.append(name)
            print(f"\n{name}: FAILED\n{traceback.format_exc()}", file=sys.stderr)
    print(
        f"\ndone in {time.perf_counter() - started:.0f} s, {_load()}"
        + (f"; failed: {', '.join(failed)}" if failed else "")
    )
    return 1 if failed else 0


def _load() -> str:
    """The 1-minute load average: above the CPU count, expect noisy numbers."""
    return f"load {os.getloadavg()[0]:.1f}"


if __name__ == "__main__":
    raise SystemExit(main())
