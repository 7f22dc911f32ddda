"""Shared fixtures: a real Store in tmp_path, a fake clock, and the app built the way __main__ builds it."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from mastery_tui.domain.clock import FakeClock
from mastery_tui.services import Services
from mastery_tui.store import Store

# A fixed local zone (UTC+1) and moment, so snapshots and "today" never depend on the machine.
TZ = timezone(timedelta(hours=1))
START = datetime(2026, 11, 23, 19, 30, tzinfo=TZ)  # a Monday evening


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START, tz=TZ)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path, clock: FakeClock) -> Store:
    return Store.open(data_dir, clock)


@pytest.fixture
def seen_store(store: Store) -> Store:
    """A store whose user has already read the first-run safety note."""
    store.set_setting("safety_seen", True)
    return store


@pytest.fixture
def make_app(clock: FakeClock):
    """Build MasteryApp like __main__ does: store and clock passed in."""
    from mastery_tui.app import MasteryApp

    def build(store: Store) -> MasteryApp:
        app = MasteryApp(Services(store, clock))
        return app

    return build
