"""``mastery today``: one line (or JSON) with today's planned task and where the week stands;
kept in ``.today`` for exactly the files and the day it was worked out for, so the fast path
answers a shell prompt without the Store, and never with a stale answer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from mastery_tui import cli, lean, today_cache
from mastery_tui.__main__ import main
from mastery_tui.domain.clock import FakeClock, SystemClock
from mastery_tui.domain.models import Completion, Plan
from mastery_tui.store import Store
from tests import factories as make

MONDAY = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def line(store: Store) -> str:
    return cli.today(store, store.clock)["line"]


@pytest.fixture
def monday(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "data", FakeClock(MONDAY))


def test_nothing_planned_is_said_kindly(monday: Store) -> None:
    assert line(monday) == "Today: nothing planned; one tiny task is plenty"


def test_a_running_week_gives_the_days_task_its_time_and_the_days_practised(monday: Store) -> None:
    walk = make.task("Walk 5 minutes", plan=Plan(time="18:30"), store=monday)
    read = make.task("Read a page", plan=Plan(days=(0,)), store=monday)
    make.week("2026-11-29", assignments=((2, walk.id),), store=monday)  # today is day 2
    assert line(monday) == "Today: Walk 5 minutes at 18:30 (and 1 more); day 2 of 7"
    make.practice(MONDAY - timedelta(days=1), task=read, completion=Completion.PARTLY, store=monday)
    assert line(monday) == "Today: Walk 5 minutes at 18:30 (and 1 more); day 2 of 7, practised on 1 day"
    make.practice(MONDAY, task=walk, completion=Completion.YES, store=monday)
    assert line(monday) == "Today: practised today; day 2 of 7, practised on 2 days"

    shown = json.loads(cli.today(monday, monday.clock)["json"])
    assert shown["date"] == "2026-11-30" and shown["practised_today"] == 1
    assert [(t["title"], t["time"], t["from_7_day_plan"]) for t in shown["planned"]] == [
        ("Walk 5 minutes", "18:30", True),
        ("Read a page", None, False),
    ]
    assert [d["state"] for d in shown["week"]["days"]] == [
        "partly", "done", "upcoming", "upcoming", "upcoming", "upcoming", "upcoming",
    ]  # fmt: skip


def test_not_today_is_respected(monday: Store) -> None:
    walk = make.task("Walk", store=monday)
    plan = make.week("2026-11-30", assignments=((1, walk.id),), store=monday)
    monday.save(plan.with_skip(1, "fatigue", "", now=MONDAY))
    assert line(monday) == "Today: not today, and that's fine; day 1 of 7"


def test_an_ended_week_and_an_upcoming_one(monday: Store) -> None:
    make.week("2026-11-20", store=monday)
    assert line(monday).endswith("; the week's review is ready")
    fresh = Store.open(monday.data_dir.parent / "other", FakeClock(MONDAY))
    make.week("2026-12-01", store=fresh)
    assert line(fresh).endswith("; 7-day plan starts tomorrow")


# -- kept for the fast path ----------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    capsys.readouterr()
    main(list(argv))
    return capsys.readouterr().out


def fast(capsys: pytest.CaptureFixture[str], *argv: str) -> str | None:
    capsys.readouterr()
    return None if lean.answer(list(argv)) is None else capsys.readouterr().out


def test_the_answer_is_kept_and_given_again_until_the_data_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    store = Store.open(folder, SystemClock())
    walk = make.task("Walk 5 minutes", plan=Plan(time="18:30"), store=store)
    args = ("--data-dir", str(folder), "today")
    assert fast(capsys, *args) is None  # nothing kept yet

    said = run(capsys, *args)
    assert said == "Today: Walk 5 minutes at 18:30\n"
    assert (folder / ".today").stat().st_mode & 0o777 == 0o600
    assert fast(capsys, *args) == said
    assert fast(capsys, *args, "--json") == run(capsys, *args, "--json")

    # A practice lands in this month's file: the kept answer no longer applies
    make.practice(SystemClock().now(), task=walk, completion=Completion.YES, store=Store.open(folder, SystemClock()))
    assert fast(capsys, *args) is None
    assert run(capsys, *args) == "Today: practised today\n"
    assert fast(capsys, *args) == "Today: practised today\n"

    # Another zone, a damaged cache: the full path answers again
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    assert fast(capsys, *args) is None
    monkeypatch.delenv("TZ")
    (folder / ".today").write_text("{not json")
    assert fast(capsys, *args) is None
    assert run(capsys, *args) == "Today: practised today\n"


def test_no_data_folder_yet_is_answered_without_making_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "none"
    assert run(capsys, "--data-dir", str(folder), "today") == (
        "Today: nothing planned; one tiny task is plenty\n"
    )
    assert json.loads(run(capsys, "--data-dir", str(folder), "today", "--json"))["planned"] == []
    assert not folder.exists()


def test_a_mistyped_folder_is_refused_as_every_command_refuses_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = tmp_path / "dta" / "mastery"  # its parent is missing too: not a folder yet to be
    with pytest.raises(SystemExit) as ended:
        main(["--data-dir", str(typo), "today"])
    assert ended.value.code == 1
    assert capsys.readouterr().err.startswith(f"mastery: {typo.parent} doesn't exist")
    assert not typo.parent.exists()


def test_the_key_covers_every_month_a_running_week_can_read() -> None:
    first_of_month = datetime(2026, 12, 1, 0, 30, tzinfo=UTC).timestamp()
    assert today_cache._months(first_of_month) == ["2026-11.json", "2026-12.json"]
    last_of_month = datetime(2026, 11, 30, 23, 30, tzinfo=UTC).timestamp()
    assert today_cache._months(last_of_month) == ["2026-11.json", "2026-12.json"]
    mid = datetime(2026, 11, 15, tzinfo=UTC).timestamp()
    assert today_cache._months(mid) == ["2026-11.json"]


def test_a_kept_answer_is_given_without_argparse_or_the_store(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    make.task("Walk", plan=Plan(time="08:00"), store=Store.open(folder, SystemClock()))
    command = [sys.executable, "-X", "importtime", "-m", "mastery_tui", "--data-dir", str(folder), "today"]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    first = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    second = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout == "Today: Walk at 08:00\n"
    loaded = {line.split("|")[-1].strip() for line in second.stderr.splitlines()}
    assert "argparse" in {line.split("|")[-1].strip() for line in first.stderr.splitlines()}
    assert not {"argparse", "mastery_tui.store.store", "mastery_tui.domain.models"} & loaded
    assert date.today().isoformat() in (folder / ".today").read_text()


def test_tmux_gets_each_hash_doubled_on_both_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    store = Store.open(folder, SystemClock())
    make.task("Practise song #3", plan=Plan(time="18:30"), store=store)
    args = ("--data-dir", str(folder), "today", "--tmux")
    assert run(capsys, *args) == "Today: Practise song ##3 at 18:30\n"  # works it out
    assert fast(capsys, *args) == "Today: Practise song ##3 at 18:30\n"  # the kept answer
    assert run(capsys, "--data-dir", str(folder), "today") == "Today: Practise song #3 at 18:30\n"
