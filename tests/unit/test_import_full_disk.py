"""A full disk during `mastery import`: one line naming the whole data folder, saying once
that nothing was imported (it named only the folder's last part, and said it twice)."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from mastery_tui.domain.clock import FakeClock
from mastery_tui.store import Store
from tests import factories as make
from tests.store.test_import_all_or_nothing import export_with

LIMIT = 200_000  # bytes a process may write to one file: the month of 800 practices is more


def test_a_full_disk_names_the_whole_folder_once(
    store: Store, clock: FakeClock, data_dir: Path, tmp_path: Path
) -> None:
    now = clock.now()
    busy_month = [
        make.practice(now - timedelta(minutes=i), now=now, title="x" * 100, reflection="y" * 200)
        for i in range(800)
    ]
    source = export_with(store, clock, tmp_path / "big.json", practices=busy_month)
    script = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({LIMIT}, {LIMIT}))\n"
        "from mastery_tui.__main__ import main\n"
        "main(sys.argv[1:])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "--data-dir", str(data_dir), "import", str(source)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr.startswith(f"mastery: couldn't import into {data_dir}: ")
    assert done.stderr.count("\n") == 1 and done.stderr.lower().count("nothing was imported") == 1
    assert "nothing saved before was changed" in done.stderr.lower()
