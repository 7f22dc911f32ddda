"""Pilot: the app shell driven by keys, on a real store in tmp_path."""

from __future__ import annotations

from textual.widgets import Static

from mastery_tui.screens.help import HelpScreen
from mastery_tui.screens.home import HomeScreen
from mastery_tui.screens.safety import SafetyScreen
from mastery_tui.store import Store


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


async def test_first_run_shows_safety_note_once(store, make_app, data_dir, clock):
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SafetyScreen)
        assert "crisis service" in text_of(app.screen, "#safety-text")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert Store.open(data_dir, clock).setting("safety_seen") is True

    again = make_app(Store.open(data_dir, clock))
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, HomeScreen)


async def test_starts_on_home_with_greeting_and_count(seen_store, make_app):
    from mastery_tui.cli import add_task

    add_task(seen_store, seen_store.clock, title="Walk 5 minutes", area=None, minutes=5, difficulty=20)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        assert text_of(screen, "#home-greeting") == "Good evening.  Monday 23 November 2026"
        assert text_of(screen, "#home-summary") == "You have 1 task idea in 1 life area."


async def test_help_opens_and_closes_by_key(seen_store, make_app):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "crisis service" in text_of(app.screen, "#help-safety")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_q_quits(seen_store, make_app):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert not app.is_running


async def test_ctrl_q_quits(seen_store, make_app):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running


async def test_theme_is_remembered_and_unknown_theme_falls_back(seen_store, make_app, data_dir, clock):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.theme = "nord"
        await pilot.pause()
    assert Store.open(data_dir, clock).setting("theme") == "nord"

    app = make_app(Store.open(data_dir, clock))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "nord"

    seen_store.set_setting("theme", "no-such-theme")
    app = make_app(Store.open(data_dir, clock))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"


async def test_command_palette_has_help(seen_store, make_app):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"help")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_save_error_is_shown_and_app_keeps_running(seen_store, make_app, monkeypatch):
    import errno
    import os

    from mastery_tui.store import files

    def disk_full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        monkeypatch.setattr(files.os, "write", disk_full)
        app.theme = "gruvbox"
        await pilot.pause()
        monkeypatch.setattr(files.os, "write", os.write)
        messages = [n.message for n in app._notifications]
        assert any("the disk is full" in m for m in messages), messages
        assert app.is_running
