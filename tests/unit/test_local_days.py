"""True local days: a practice's day is the local day where it happened, "today" and ranges
follow the IANA zone (DST included), and timestamps come in in any ISO 8601 form and are
stored in one (issue 12, item 4)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mastery_tui import transfer
from mastery_tui.domain import history
from mastery_tui.domain import logbook as lb
from mastery_tui.domain import validate as v
from mastery_tui.domain.clock import FakeClock, SystemClock, local_zone, zone_name
from mastery_tui.domain.errors import ValidationError
from mastery_tui.domain.export import csv_row
from mastery_tui.domain.models import Completion, Practice
from mastery_tui.domain.session import Session, record_practice
from mastery_tui.store import Store
from tests import factories as make

BERLIN = ZoneInfo("Europe/Berlin")
AUCKLAND = ZoneInfo("Pacific/Auckland")
NEW_YORK = ZoneInfo("America/New_York")


def legacy(started: str) -> Practice:
    """A practice recorded before mastery kept where it happened (no offset)."""
    made = make.practice(started, now=datetime(2026, 11, 25, tzinfo=UTC))
    assert made.utc_offset is None
    return made


def when(practice: Practice, tz: ZoneInfo) -> tuple[str, str]:
    row = csv_row(practice, tz, {})
    return row[0], row[1]


def test_a_summer_night_stays_on_its_day_when_seen_in_winter() -> None:
    # 22:30 UTC on 15 July is 00:30 on 16 July in Berlin (CEST, +02:00), whatever the month now
    practice = legacy("2026-07-15T22:30:00+00:00")
    assert when(practice, BERLIN) == ("2026-07-16", "00:30")
    assert history.local_day(practice, BERLIN) == date(2026, 7, 16)


def test_a_range_on_the_day_the_clocks_go_back_holds_its_first_half_hour(
    store: Store, clock: FakeClock
) -> None:
    # DST ends at 01:00 UTC on 25 October 2026: 22:30 UTC on the 24th is 00:30 CEST on the 25th
    clock.move_to(BERLIN)
    make.practice("2026-10-24T22:30:00+00:00", store=store, title="Night walk")
    make.practice("2026-10-25T22:30:00+00:00", store=store, title="Next night")  # 23:30 CET
    text = transfer.export_text(
        store, "csv", now=clock.now(), since=date(2026, 10, 25), until=date(2026, 10, 25)
    )
    assert "Night walk" in text
    assert "Next night" in text
    assert '"2026-10-25","00:30"' in text
    assert '"2026-10-25","23:30"' in text


def test_a_time_that_did_not_exist_is_never_shown() -> None:
    # DST starts at 01:00 UTC on 29 March 2026: 01:30 UTC is 03:30 CEST (02:30 never happened)
    assert when(legacy("2026-03-29T01:30:00+00:00"), BERLIN) == ("2026-03-29", "03:30")
    assert when(legacy("2026-03-29T00:30:00+00:00"), BERLIN) == ("2026-03-29", "01:30")


def test_typing_a_start_the_clocks_skipped_is_refused_kindly() -> None:
    now = datetime(2026, 4, 2, 12, 0, tzinfo=BERLIN)
    practice = make.practice(datetime(2026, 3, 30, 9, 0, tzinfo=BERLIN), now=now)
    with pytest.raises(ValidationError, match="02:30 didn't happen on 29 March"):
        lb.moved_start(practice, "2026-03-29", "02:30", now=now)
    moved = lb.moved_start(practice, "2026-03-29", "03:30", now=now)
    assert moved["started"] == "2026-03-29T01:30:00+00:00"
    assert moved["utc_offset"] == 120


def test_recorded_in_auckland_seen_in_new_york_keeps_its_day(
    store: Store, clock: FakeClock, reopen
) -> None:
    clock.move_to(AUCKLAND)
    clock.advance((datetime(2026, 11, 30, 8, 0, tzinfo=AUCKLAND) - clock.now()).total_seconds())
    session = Session.for_task(make.task(store=store), now=clock.now())
    clock.advance(600)
    practice = record_practice(
        session, now=clock.now(), seconds_spent=600, completion=Completion.YES,
        difficulty=None, mood_after=None, confidence_after=None,
    )  # fmt: skip
    store.save_practice(practice)
    assert (practice.utc_offset, practice.zone) == (13 * 60, "Pacific/Auckland")
    assert practice.started == "2026-11-29T19:00:00+00:00"

    clock.move_to(NEW_YORK)  # a flight later: it is 14:10 on 29 November there
    assert clock.now().date() == date(2026, 11, 29)
    (seen,) = reopen().practices()
    assert history.local_day(seen, NEW_YORK) == date(2026, 11, 30)
    assert when(seen, NEW_YORK) == ("2026-11-30", "08:00")
    text = transfer.export_text(
        reopen(), "csv", now=clock.now(), since=date(2026, 11, 30), until=date(2026, 11, 30)
    )
    assert '"2026-11-30","08:00"' in text
    assert transfer.export_text(
        reopen(), "csv", now=clock.now(), since=date(2026, 11, 29), until=date(2026, 11, 29)
    ).count("\n") == 1  # the header alone: it never happened on the 29th


def test_the_fake_clock_keeps_real_time_across_a_dst_change() -> None:
    clock = FakeClock(datetime(2026, 10, 25, 1, 30, tzinfo=BERLIN), tz=BERLIN)  # 01:30 CEST
    clock.advance(3600 * 2)  # two real hours: the clocks went back in between
    assert clock.now().strftime("%H:%M %Z") == "02:30 CET"


@pytest.mark.parametrize(
    ("tz", "key"),
    [
        ("Europe/Berlin", "Europe/Berlin"),
        (":Pacific/Auckland", "Pacific/Auckland"),
        ("/usr/share/zoneinfo/America/New_York", "America/New_York"),
    ],
)
def test_tz_is_honoured(tz: str, key: str) -> None:
    assert getattr(local_zone({"TZ": tz}), "key", None) == key


def test_odd_tz_values_fall_back_without_a_traceback() -> None:
    assert local_zone({"TZ": ""}) == UTC  # POSIX: an empty TZ is UTC
    posix_rule = local_zone({"TZ": "CET-1CEST,M3.5.0,M10.5.0/3"})  # zoneinfo can't read these
    assert datetime(2026, 1, 1, tzinfo=posix_rule).utcoffset() is not None


def test_the_zone_etc_localtime_links_to(tmp_path: Path) -> None:
    link = tmp_path / "localtime"
    os.symlink("/usr/share/zoneinfo/Asia/Tokyo", link)
    assert getattr(local_zone({}, str(link)), "key", None) == "Asia/Tokyo"
    assert local_zone({}, str(tmp_path / "missing")) == UTC  # no file: the C library's UTC


def test_the_system_clock_names_its_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    assert zone_name(SystemClock().now()) == "Europe/Berlin"


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("2026-11-20T09:00:00+00:00", "2026-11-20T09:00:00+00:00"),
        ("20261120T090000Z", "2026-11-20T09:00:00+00:00"),
        ("2026-W47-5T09:00:00+00:00", "2026-11-20T09:00:00+00:00"),
        ("2026-11-20T10:00:00.123456+01:00", "2026-11-20T09:00:00+00:00"),
        ("2026-11-20 09:00", "2026-11-20T09:00:00+00:00"),  # no zone: taken as UTC
        ("1969-12-31T23:30:00-01:00", "1970-01-01T00:30:00+00:00"),
    ],
)
def test_any_iso_form_is_stored_in_one(given: str, stored: str) -> None:
    assert v.timestamp(given, field="started") == stored


@pytest.mark.parametrize(
    "given",
    ["0001-01-01T00:00:00+00:00", "0001-01-01T00:30:00+01:00", "9999-12-31T23:59:59+00:00",
     "1969-12-31T23:00:00+00:00", "2101-01-01T00:00:00+00:00", "x" * 100, "2026-13-01"],
)  # fmt: skip
def test_a_moment_outside_1970_to_2100_is_refused(given: str) -> None:
    with pytest.raises(ValidationError):
        v.timestamp(given, field="started")


def test_an_offset_given_with_the_start_is_where_it_happened() -> None:
    data = make.practice("2026-11-20T09:00:00+00:00").to_dict()
    data["started"] = "2026-11-20T09:00:00+13:00"
    data["utc_offset"] = None
    came = Practice.from_dict(data)
    assert came.started == "2026-11-19T20:00:00+00:00"
    assert came.utc_offset == 13 * 60
    assert history.local_day(came, UTC) == date(2026, 11, 20)
    assert Practice.from_dict(came.to_dict()) == came


def test_today_follows_the_zone_not_a_fixed_offset() -> None:
    clock = FakeClock(datetime(2026, 3, 28, 23, 30, tzinfo=BERLIN), tz=BERLIN)  # CET
    clock.advance(timedelta(hours=25).total_seconds())  # past the change to CEST
    assert clock.now().strftime("%Y-%m-%d %H:%M") == "2026-03-30 01:30"


def test_the_real_clock_tells_july_in_july_time_all_year(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    try:
        zone = SystemClock().now().tzinfo  # not today's fixed offset (+01:00 in November)
        assert when(legacy("2026-07-15T22:30:00+00:00"), zone) == ("2026-07-16", "00:30")
    finally:
        monkeypatch.undo()
        time.tzset()


def test_the_cli_reads_days_in_the_zone_tz_names(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    store = Store.open(folder, FakeClock(datetime(2026, 11, 25, tzinfo=UTC)))
    make.practice("2026-10-24T22:30:00+00:00", store=store, title="Night walk")
    shown = subprocess.run(
        [sys.executable, "-m", "mastery_tui", "--data-dir", str(folder), "export", "-f", "csv",
         "--from", "2026-10-25", "--to", "2026-10-25"],  # fmt: skip
        capture_output=True,
        text=True,
        env={**os.environ, "TZ": "Europe/Berlin"},
    )
    assert shown.returncode == 0, shown.stderr
    assert '"2026-10-25","00:30"' in shown.stdout
    assert "Night walk" in shown.stdout
