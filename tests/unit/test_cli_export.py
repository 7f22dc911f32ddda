"""`mastery export`, `import`, `stats` and `demo` through main(): output, files, exit codes and
one-line errors."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mastery_tui.__main__ import main
from mastery_tui.domain.clock import SystemClock, utc_iso
from mastery_tui.domain.export import CSV_HEADERS
from mastery_tui.domain.models import Practice
from mastery_tui.store import Store


def fill(folder: Path, count: int = 3, reflection: str = "=cmd|' /C calc'!A0") -> list[Practice]:
    clock = SystemClock()
    store = Store.open(folder, clock)
    now = clock.now()
    practices = [
        Practice.new(
            now=now,
            task_id=None,
            task_title=f"Walk {i} | around",
            started=utc_iso(now - timedelta(days=i)),
            planned_minutes=5,
            mood_before=40,
            confidence_before=30,
            mood_after=50,
            confidence_after=45,
            reflection=reflection,
        )
        for i in range(count)
    ]
    store.save_practices(practices)
    return practices


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        main(list(argv))
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def d(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir(mode=0o700)  # an existing folder: no "made a new data folder" line
    return tmp_path / "data"


def test_csv_to_stdout_parses_into_rows_and_columns(
    capsys: pytest.CaptureFixture[str], d: Path
) -> None:
    fill(d, 3)
    code, out, err = run(capsys, "--data-dir", str(d), "export", "--format", "csv")
    assert (code, err) == (0, "")
    assert not out.startswith("\ufeff")  # no byte-order mark in a pipe
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert len(rows) == 4 and {len(r) for r in rows} == {len(CSV_HEADERS)}
    assert rows[1][CSV_HEADERS.index("Reflection")] == "'=cmd|' /C calc'!A0"


def test_default_is_markdown_and_the_format_follows_the_file_name(
    capsys: pytest.CaptureFixture[str], d: Path, tmp_path: Path
) -> None:
    fill(d, 2)
    code, out, _ = run(capsys, "--data-dir", str(d), "export")
    assert code == 0 and out.startswith('---\ntitle: "Build Mastery worksheet"')
    assert "| Walk 0 \\| around |" in out and "| Walk 1 \\| around |" in out

    target = tmp_path / "backup.json"
    code, out, err = run(capsys, "--data-dir", str(d), "export", "-o", str(target))
    assert (code, out) == (0, "")
    assert err == f"mastery: wrote {target} (json, readable only by you)\n"
    assert json.loads(target.read_text())["format"] == "mastery-export"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_an_existing_file_needs_force(
    capsys: pytest.CaptureFixture[str], d: Path, tmp_path: Path
) -> None:
    target = tmp_path / "log.md"
    target.write_text("mine")
    code, _, err = run(capsys, "--data-dir", str(d), "export", "-o", str(target))
    assert code == 1
    assert err == f"mastery: {target} already exists; add --force to replace it\n"
    assert target.read_text() == "mine"
    code, _, _ = run(capsys, "--data-dir", str(d), "export", "-o", str(target), "--force")
    assert code == 0 and "\n# Build Mastery worksheet\n" in target.read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "23/11/2026"], "dates look like 2026-11-23 (year-month-day), not '23/11/2026'"),
        (["--to", "2026-02-30"], "not '2026-02-30'"),
        (
            ["--from", "2026-11-23", "--to", "2026-11-01"],
            "--from 2026-11-23 is after --to 2026-11-01",
        ),
        (["--format", "xlsx"], "invalid choice: 'xlsx'"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], d: Path, args: list[str], message: str
) -> None:
    code, out, err = run(capsys, "--data-dir", str(d), "export", *args)
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1


def test_a_date_range_limits_the_export(capsys: pytest.CaptureFixture[str], d: Path) -> None:
    practices = fill(d, 5)
    today = SystemClock().now().date()
    since = (today - timedelta(days=1)).isoformat()
    code, out, _ = run(
        capsys,
        "--data-dir",
        str(d),
        "export",
        "-f",
        "csv",
        "--from",
        since,
        "--to",
        today.isoformat(),
    )
    assert code == 0
    ids = [row[-1] for row in csv.reader(io.StringIO(out, newline=""))][1:]
    assert sorted(ids) == sorted(p.id for p in practices[:2])


def test_export_then_import_elsewhere_reports_and_round_trips(
    capsys: pytest.CaptureFixture[str], d: Path, tmp_path: Path
) -> None:
    fill(d, 4, reflection="Done | [b]bold?[/b] ✓")
    backup = tmp_path / "backup.json"
    assert run(capsys, "--data-dir", str(d), "export", "-f", "json", "-o", str(backup))[0] == 0
    other = tmp_path / "other"
    other.mkdir(mode=0o700)
    code, out, err = run(capsys, "--data-dir", str(other), "import", str(backup))
    assert (code, err) == (0, "")
    assert "practices  4 added, 0 updated, 0 skipped" in out
    code, out, _ = run(capsys, "--data-dir", str(other), "import", str(backup))
    assert "In all: 0 added, 0 updated, 9 skipped" in out
    again = json.loads(run(capsys, "--data-dir", str(other), "export", "-f", "json")[1])
    first = json.loads(backup.read_text())
    assert {k: v for k, v in again.items() if k != "exported"} == {
        k: v for k, v in first.items() if k != "exported"
    }
    assert again["practices"][0]["reflection"] == "Done | [b]bold?[/b] ✓"


def test_an_invalid_import_exits_1_with_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], d: Path, tmp_path: Path
) -> None:
    fill(d, 1)
    backup = tmp_path / "backup.json"
    run(capsys, "--data-dir", str(d), "export", "-f", "json", "-o", str(backup))
    doc = json.loads(backup.read_text())
    doc["practices"][0]["confidence_after"] = -4
    backup.write_text(json.dumps(doc))
    other = tmp_path / "other"
    Store.open(other, SystemClock())
    before = {p: p.read_bytes() for p in sorted(other.rglob("*.json"))}
    code, out, err = run(capsys, "--data-dir", str(other), "import", str(backup))
    assert (code, out) == (1, "")
    assert err == (
        f"mastery: {backup}: practices[0]: Confidence after must be from 0 to 100 (got -4); "
        "nothing was imported\n"
    )
    assert {p: p.read_bytes() for p in sorted(other.rglob("*.json"))} == before


def test_demo_never_opens_the_users_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mastery_tui.demo

    d = tmp_path / "never"

    calls: list[str | None] = []
    monkeypatch.setattr(
        mastery_tui.demo, "run_demo", lambda *, on_done=None, ascii_only=False: calls.append(on_done)
    )
    code, _, _ = run(capsys, "--data-dir", str(d), "--on-done", "true", "demo")
    assert code == 0 and calls == ["true"]
    assert not d.exists()


def test_stats_range_is_checked(capsys: pytest.CaptureFixture[str], d: Path) -> None:
    pytest.importorskip("mastery_tui.stats_report")
    code, _, err = run(capsys, "--data-dir", str(d), "stats", "--range", "fortnight")
    assert code == 2 and err.count("\n") == 1 and "7d, 30d, 90d, 1y, all" in err
    fill(d, 3)
    code, out, _ = run(capsys, "--data-dir", str(d), "stats", "--range", "7d")
    assert code == 0 and out.strip()
    assert "\x1b[" not in out  # captured output is not a terminal: no colour


@pytest.mark.slow
def test_a_closed_pipe_ends_the_export_quietly(d: Path) -> None:
    fill(d, 1500, reflection="a fairly long reflection to fill the pipe buffer quickly")
    child = subprocess.Popen(
        [sys.executable, "-m", "mastery_tui", "--data-dir", str(d), "export", "-f", "csv"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"},  # buffered, as usual
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.readline()
    child.stdout.close()  # like `| head -1`
    err = child.stderr.read()
    assert child.wait(timeout=60) == 0
    assert err == b""


def test_timestamps_in_csv_are_local(capsys: pytest.CaptureFixture[str], d: Path) -> None:
    [p] = fill(d, 1)
    _, out, _ = run(capsys, "--data-dir", str(d), "export", "-f", "csv")
    row = list(csv.reader(io.StringIO(out, newline="")))[1]
    local = datetime.fromisoformat(p.started).astimezone(UTC).astimezone()
    assert row[:2] == [local.date().isoformat(), f"{local:%H:%M}"]
