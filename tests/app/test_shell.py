"""Pilot: the app shell driven by keys, on a real store in tmp_path."""

from __future__ import annotations

from textual.widgets import Static

from mastery_tui.screens.help import HelpScreen
from mastery_tui.screens.home import HomeScreen
from mastery_tui.screens.safety import SafetyScreen
from mastery_tui.store import Store


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


async def test_first_run_shows_safety_note_once(store, run_app, data_dir, clock):
    async with run_app(store) as ui:
        assert isinstance(ui.screen, SafetyScreen)
        assert "crisis service" in text_of(ui.screen, "#safety-text")
        await ui.keys("enter")
        assert isinstance(ui.screen, HomeScreen)
    assert Store.open(data_dir, clock).setting("safety_seen") is True

    async with run_app(Store.open(data_dir, clock)) as ui:
        assert isinstance(ui.screen, HomeScreen)


async def test_starts_on_home_with_greeting_and_count(seen_store, run_app):
    from mastery_tui.cli import add_task

    add_task(seen_store, seen_store.clock, title="Walk 5 minutes", area=None, minutes=5, difficulty=20)
    async with run_app(seen_store) as ui:
        screen = ui.screen
        assert isinstance(screen, HomeScreen)
        assert text_of(screen, "#home-greeting") == "Good evening.  Monday 23 November 2026"
        assert text_of(screen, "#home-summary") == "You have 1 task idea in 1 life area."


async def test_support_and_help_open_and_close_by_key(seen_store, run_app):
    from mastery_tui.screens.support import SupportScreen

    async with run_app(seen_store) as ui:
        await ui.keys("question_mark")
        assert isinstance(ui.screen, SupportScreen)
        assert "crisis service" in text_of(ui.screen, "#support-safety")
        await ui.keys("h")
        assert isinstance(ui.screen, HelpScreen)
        assert "crisis service" in text_of(ui.screen, "#help-safety")
        await ui.keys("escape", "escape")
        assert isinstance(ui.screen, HomeScreen)
        await ui.keys("f1")
        assert isinstance(ui.screen, SupportScreen)
        await ui.keys("f1")  # again: still Support, not a second one
        assert len(ui.app.screen_stack) == 3  # (the default screen, Home, Support)
        await ui.keys("escape")
        assert isinstance(ui.screen, HomeScreen)


async def test_q_quits(seen_store, run_app):
    async with run_app(seen_store) as ui:
        await ui.keys("q")
    assert ui.app.return_code == 0
    assert not ui.app.is_running


async def test_ctrl_q_quits(seen_store, run_app):
    async with run_app(seen_store) as ui:
        await ui.keys("ctrl+q")
    assert not ui.app.is_running


async def test_theme_is_remembered_and_unknown_theme_falls_back(seen_store, run_app, data_dir, clock):
    async with run_app(seen_store) as ui:
        ui.app.theme = "nord"
        await ui.settle()
    assert Store.open(data_dir, clock).setting("theme") == "nord"

    async with run_app(Store.open(data_dir, clock)) as ui:
        assert ui.app.theme == "nord"

    seen_store.set_setting("theme", "no-such-theme")
    async with run_app(Store.open(data_dir, clock)) as ui:
        assert ui.app.theme == "textual-dark"


async def test_command_palette_has_help(seen_store, run_app):
    async with run_app(seen_store) as ui:
        await ui.palette("help")
        assert isinstance(ui.screen, HelpScreen)


async def test_save_error_is_shown_and_app_keeps_running(seen_store, run_app, monkeypatch):
    import errno
    import os

    from mastery_tui.store import files

    def disk_full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    async with run_app(seen_store) as ui:
        monkeypatch.setattr(files.os, "write", disk_full)
        ui.app.theme = "gruvbox"
        await ui.settle()
        monkeypatch.setattr(files.os, "write", os.write)
        messages = [n.message for n in ui.app._notifications]
        assert any("the disk is full" in m for m in messages), messages
        assert ui.app.is_running
