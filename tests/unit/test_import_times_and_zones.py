"""What an import (and a new practice) must be about time: ISO ordinal dates come in like the
other ISO forms, a date in range where it happened comes in though UTC is a year on, a zone
this computer doesn't know is refused, and a practice that ends before it starts is refused;
practices already saved stay readable whatever they hold. ``--from``/``--to`` take the ISO
basic date too."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from mastery_tui import transfer
from mastery_tui.domain.clock import FakeClock, parse_date, parse_iso
from mastery_tui.domain.errors import ValidationError
from mastery_tui.domain.models import Practice
from mastery_tui.store import Store
from tests import factories as make
from tests.store.test_import_all_or_nothing import export_with
from tests.store.test_transfer import snapshot


def mastery(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mastery_tui", *args],
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=60,
    )


def a_practice(clock: FakeClock, **fields: object) -> dict[str, object]:
    data = make.practice("2026-11-20T08:00:00+00:00", now=clock.now()).to_dict()
    return {**data, **fields}


@pytest.mark.parametrize(
    ("started", "stored"),
    [
        ("2026-324T09:00Z", "2026-11-20T09:00:00+00:00"),
        ("2026324T0900Z", "2026-11-20T09:00:00+00:00"),
        ("2024-366T23:00:00+01:00", "2024-12-31T22:00:00+00:00"),  # a leap year's last day
        ("2100-12-31T23:30-05:00", "2101-01-01T04:30:00+00:00"),  # 2100 where it happened
    ],
)
def test_ordinal_dates_and_a_last_evening_of_2100_are_imported(
    store: Store, clock: FakeClock, tmp_path: Path, started: str, stored: str
) -> None:
    source = export_with(store, clock, tmp_path / "in.json", practices=[a_practice(clock, started=started)])
    report = transfer.import_file(store, source, now=clock.now())
    assert report.counts["practices"].added == 1
    assert [p.started for p in store.practices()] == [stored]


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        pytest.param(
            {"started": "2026-11-20T09:00:00Z", "ended": "2026-11-20T08:00:00Z"},
            "practices[0]: ended 2026-11-20T08:00:00+00:00 is before started "
            "2026-11-20T09:00:00+00:00; is the time right? Nothing was imported",
            id="ended-before-started",
        ),
        pytest.param(
            {"zone": "Not/AZone"},
            "practices[0]: zone 'Not/AZone' isn't a time zone this computer knows "
            "(like Europe/Berlin); nothing was imported",
            id="unknown-zone",
        ),
        pytest.param({"started": "2026-365T09:00Z"}, "", id="valid"),  # (the 31st of December)
        pytest.param(
            {"started": "2026-366T09:00Z"},
            "practices[0]: started is not a valid timestamp: '2026-366T09:00Z'; nothing was imported",
            id="day-366",
        ),
        pytest.param(
            {"started": "2101-001T00:00Z"},
            "practices[0]: started '2101-001T00:00Z' is outside 1970-2100; is the date right? "
            "Nothing was imported",
            id="2101",
        ),
    ],
)
def test_mastery_import_refuses_a_bad_practice_in_one_line_and_writes_nothing(
    tmp_path: Path, clock: FakeClock, fields: dict[str, str], words: str
) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    store = Store.open(folder, clock)
    make.task("Walk 5 minutes", store=store)
    source = export_with(
        store, clock, tmp_path / "in.json",
        notes=[make.note("a note", now=clock.now())], practices=[a_practice(clock, **fields)],
    )  # fmt: skip
    before = snapshot(folder)
    done = mastery("--data-dir", str(folder), "import", str(source))
    if not words:
        assert done.returncode == 0, done.stderr
        return
    assert done.returncode == 1
    assert done.stderr == f"mastery: {source}: {words}\n"
    after = snapshot(folder)  # (the day's backup may be made first, as before every write)
    assert {k: v for k, v in after.items() if not k.startswith("backups/")} == before


def test_a_known_zone_is_kept(store: Store, clock: FakeClock, tmp_path: Path) -> None:
    source = export_with(
        store, clock, tmp_path / "in.json", practices=[a_practice(clock, zone="Pacific/Auckland")]
    )
    transfer.import_file(store, source, now=clock.now())
    assert [p.zone for p in store.practices()] == ["Pacific/Auckland"]


def test_a_new_practice_cant_end_before_it_starts_but_a_saved_one_still_reads(
    store: Store, clock: FakeClock, reopen
) -> None:
    with pytest.raises(ValidationError, match="ended .* is before started"):
        Practice.new(
            now=clock.now(), task_id=None, task_title="Walk", planned_minutes=5,
            started="2026-11-20T09:00:00Z", ended="2026-11-20T08:00:00Z",
        )  # fmt: skip
    # Saved before this check (a clock step across a restart), or under a zone only another
    # computer knows: loading never refuses it.
    odd = Practice.from_dict(
        a_practice(clock, started="2026-11-20T09:00:00Z", ended="2026-11-20T08:00:00Z", zone="Not/AZone")
    )
    store.save_practice(odd)
    assert [(p.ended, p.zone) for p in reopen().practices()] == [("2026-11-20T08:00:00+00:00", "Not/AZone")]


@pytest.mark.parametrize(
    "text", ["2026-11-20", "20261120", "2026-W47-5", "2026W475", "2026-324", "2026324"]
)
def test_every_iso_form_of_a_day_is_read(text: str) -> None:
    assert parse_date(text) == date(2026, 11, 20)
    assert parse_iso(text + "T09:00Z").isoformat() == "2026-11-20T09:00:00+00:00"


@pytest.mark.parametrize("text", ["2026-367", "2025-366", "2026-000", "0000-001", "9999-366", "2026-32"])
def test_an_ordinal_day_that_isnt_there_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


def test_from_and_to_take_the_iso_basic_date(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    for since, until in (("20261120", "20261121"), ("2026-W47-5", "2026-325"), ("2026324", "2026-11-21")):
        done = mastery("--data-dir", str(folder), "export", "-f", "json", "--from", since, "--to", until)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["format"] == "mastery-export"
    refused = mastery("--data-dir", str(folder), "export", "--from", "2026-11-2")
    assert refused.returncode == 2
    assert "dates look like 2026-11-23 (year-month-day), not '2026-11-2'" in refused.stderr
