"""`mastery tasks` shows plans: in JSON for scripts, as a PLAN column in the table."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from mastery_tui.domain.clock import SystemClock
from mastery_tui.domain.models import Plan, Task, default_area_id
from mastery_tui.store import Store


def test_tasks_json_and_table_show_the_plan(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    clock = SystemClock()
    store = Store.open(folder, clock)
    plan = Plan(days=(0, 2, 4), time="19:30", ready="phone in another room")
    store.save(
        Task.new(now=clock.now(), title="Study", area_id=default_area_id("studying"), minutes=20, plan=plan),
        Task.new(now=clock.now(), title="[TODO] dishes", area_id=default_area_id("daily")),
    )
    run = [sys.executable, "-m", "mastery_tui", "--data-dir", str(folder), "tasks"]
    listed = json.loads(subprocess.run([*run, "--json"], capture_output=True, text=True, check=True).stdout)
    by_title = {t["title"]: t for t in listed}
    assert by_title["Study"]["plan"] == {"days": [0, 2, 4], "time": "19:30", "ready": "phone in another room"}
    assert by_title["[TODO] dishes"]["plan"] == {"days": [], "time": "", "ready": ""}

    table = subprocess.run(run, capture_output=True, text=True, check=True).stdout.splitlines()
    assert "PLAN" in table[0]
    assert any("Study" in row and "Mon, Wed, Fri 19:30" in row for row in table)
