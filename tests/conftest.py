"""Shared fixtures: a real Store in tmp_path, a fake clock, the app built the way __main__
builds it, and ``run_app``: that app running at 80x24 with the kit's key helpers."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from mastery_tui.domain.clock import FakeClock
from mastery_tui.services import Services
from mastery_tui.store import Store
from tests.kit import SIZE, UI


@pytest.fixture(autouse=True)
def no_user_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The developer's own config.toml never reaches a test (nor the mastery it starts): a
    test that wants one writes it and points MASTERY_CONFIG at it."""
    monkeypatch.setenv("MASTERY_CONFIG", str(tmp_path_factory.getbasetemp() / "no-config.toml"))


# A fixed local zone (UTC+1) and moment, so snapshots and "today" never depend on the machine.
TZ = timezone(timedelta(hours=1))
START = datetime(2026, 11, 23, 19, 30, tzinfo=TZ)  # a Monday evening


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START, tz=TZ)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An existing, empty data folder (a folder made by the app's first run is announced on
    screen; the tests of that make their own)."""
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    return folder


@pytest.fixture
def store(data_dir: Path, clock: FakeClock) -> Store:
    return Store.open(data_dir, clock)


@pytest.fixture
def seen_store(store: Store) -> Store:
    """A store whose user has already read the first-run safety note."""
    store.set_setting("safety_seen", True)
    return store


@pytest.fixture
def reopen(data_dir: Path, clock: FakeClock) -> Callable[[], Store]:
    """A fresh open of the same folder: what the next start of the app (or a check) reads."""
    return lambda: Store.open(data_dir, clock)


@pytest.fixture
def make_app(clock: FakeClock):
    """Build MasteryApp like __main__ does: store and clock passed in (``start`` as the CLI's)."""
    from mastery_tui.app import MasteryApp

    def build(store: Store, **options: Any) -> MasteryApp:
        return MasteryApp(Services(store, clock), **options)

    return build


@pytest.fixture
def run_app(make_app) -> Callable[..., AbstractAsyncContextManager[UI]]:
    """``async with run_app(store) as ui:`` the app on ``store`` at 80x24 with the fake clock,
    settled on its first screen; ``ui.keys(...)``, ``ui.screen``, ``ui.app``, ``ui.pilot``."""

    @asynccontextmanager
    async def run(
        store: Store, *, size: tuple[int, int] = SIZE, **options: Any
    ) -> AsyncIterator[UI]:
        app = make_app(store, **options)
        async with app.run_test(size=size) as pilot:
            ui = UI(app, pilot)
            await ui.settle()
            yield ui

    return run


@pytest.fixture
def history(tmp_path: Path) -> Path:
    """A data folder with a practice in November and three days of saves, so backups of 3 and
    4 November (``mastery check``, ``backups``, ``restore`` and their damage tests)."""
    from tests import factories

    clock = FakeClock(datetime(2026, 11, 2, 9, 0, tzinfo=TZ))
    data = tmp_path / "data"
    store = Store.open(data, clock)
    factories.practice(clock.now() - timedelta(hours=1), store=store, mood=(40, 60))
    for title in ("Walk", "Read"):
        clock.advance(24 * 3600)
        factories.task(title, store=store)
    return data


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``make test`` runs ``-n auto``: two workers per CPU, at most eight. A Pilot test waits on
    Textual's refresh timer about a quarter of its time; a second worker per CPU fills those
    gaps (measured on 2 CPUs: 4:05 with 2 workers, 3:23 with 3, 3:06 with 4)."""
    return min(2 * (os.cpu_count() or 1), 8)
