"""config.toml, read the way ``mastery`` reads it: a key map moves a key and Home's grid, the
footer, Help and the palette all name the new key (and the old one does nothing); the theme and
the on-done command apply; a bad file gives one clear line and the defaults."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import Static

from mastery_tui.__main__ import app_services
from mastery_tui.app import MasteryApp
from mastery_tui.screens.help import HelpScreen
from mastery_tui.screens.home import HomeScreen
from mastery_tui.screens.log import LogScreen
from tests import factories as make
from tests.kit import UI

from .footer_helpers import footer_keys


def write_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> Path:
    path = tmp_path / "config" / "config.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text)
    monkeypatch.setenv("MASTERY_CONFIG", str(path))
    return path


async def run(store, clock, capsys=None):
    services = app_services(store, clock, on_done=None)
    app = MasteryApp(services)
    return app, services


async def test_a_key_map_moves_a_key_everywhere_it_is_named(
    seen_store, clock, tmp_path, monkeypatch
):
    write_config(
        tmp_path, monkeypatch, '[keys]\n"home.log" = "L"\n"log.export" = "x"\n"log.search" = "ctrl+f"\n'
    )
    make.practice(clock.now(), title="Walk", store=seen_store)  # something to export
    app, services = await run(seen_store, clock)
    assert services.keymap == {"home.log": "L", "log.export": "x", "log.search": "ctrl+f"}
    assert services.notices == []
    async with app.run_test(size=(80, 24)) as pilot:
        ui = UI(app, pilot)
        await ui.settle()
        assert isinstance(ui.screen, HomeScreen)
        grid = str(ui.screen.query_one("#home-keys", Static).content)
        assert "L  log" in grid and "l  log" not in grid
        assert any(k.key == "L" and k.description == "Log" for k in footer_keys(ui.screen))

        await ui.keys("l")  # the old key does nothing now
        assert isinstance(ui.screen, HomeScreen)
        await ui.keys("L")
        assert isinstance(ui.screen, LogScreen)
        assert any(k.key == "x" and k.description == "Export" for k in footer_keys(ui.screen))
        assert ui.screen.query_one("#log-search").placeholder.startswith("ctrl+f to search")
        palette = {c.title: c.help for c in app.get_system_commands(ui.screen)}
        assert palette["Export the log"].endswith("key x")
        assert palette["Log"].endswith("key L on Home")  # the app-wide entry names Home's key

        await ui.keys("escape", "f1", "h")
        assert isinstance(ui.screen, HelpScreen)
        lines = "\n".join(str(s.content) for s in ui.screen.query(Static)).splitlines()
        assert any(re.match(r"L +Every practice; filter", line) for line in lines)
        assert any(re.match(r"x +CSV, Markdown, a printable page", line) for line in lines)
        assert not any(re.match(r"l +Every practice; filter", line) for line in lines)


async def test_theme_and_on_done_come_from_the_file(seen_store, clock, tmp_path, monkeypatch):
    write_config(tmp_path, monkeypatch, 'theme = "textual-light"\non_done = "date >> ~/done.log"\n')
    app, services = await run(seen_store, clock)
    assert services.on_done_command == "date >> ~/done.log"
    async with app.run_test(size=(80, 24)) as pilot:
        await UI(app, pilot).settle()
        assert app.theme == "textual-light"
    assert app_services(seen_store, clock, on_done="bell").on_done_command == "bell"  # --on-done


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("theme = \n", "isn't valid TOML"),
        ("colour = 'blue'\n", "'colour' isn't a setting mastery knows"),
        ("[keys]\n'home.log' = 'ctrl+'\n", "isn't a key name"),
        ("[keys]\n'home.lg' = 'L'\n", "no command has that id (mastery keys lists them)"),
        ("[keys]\n'home.log' = 't'\n", "home.trends already has that key where this command works"),
        ("[keys]\n'home.log' = 'notakey'\n", "isn't a key name"),
        ("[keys]\n'home.log' = 'F1'\n", "app.support already has that key"),  # F1 is f1
        ("[keys]\n'home.log' = 'ctrl+p'\n", "Palette (ctrl+p, everywhere) already has that key"),
        ("[keys]\n'home.log' = 'ctrl+h'\n", "a terminal sends ctrl+h as backspace"),
        ("[keys]\n'app.support' = 's'\n", "it needs a function key no field uses"),
        ("[keys]\n'app.support' = 'enter'\n", "it needs a function key no field uses"),
        ("[keys]\n'app.support' = 'ctrl+f'\n", "it needs a function key no field uses"),
        pytest.param("theme = " + "9" * 5000 + "\n", "has a number too long to read", id="5000-digits"),
        pytest.param(
            "x = " + "[" * 30_000 + "]" * 30_000 + "\n", "nests lists or tables too deeply", id="deep"
        ),
    ],
)
async def test_a_bad_config_says_one_line_and_keeps_the_defaults(
    seen_store, clock, tmp_path, monkeypatch, capsys, text, line
):
    path = write_config(tmp_path, monkeypatch, text)
    app, services = await run(seen_store, clock)
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and line in err[0] and str(path) in err[0]
    assert services.keymap == {} and services.theme is None
    async with app.run_test(size=(80, 24)) as pilot:
        ui = UI(app, pilot)
        await ui.settle()
        assert any(line in note for note in ui.notes())
        await ui.keys("l")
        assert isinstance(ui.screen, LogScreen)  # the shipped key


async def test_an_unknown_theme_is_named_and_the_last_one_kept(
    seen_store, clock, tmp_path, monkeypatch
):
    write_config(tmp_path, monkeypatch, 'theme = "no-such-theme"\n')
    seen_store.set_setting("theme", "nord")
    app, _ = await run(seen_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        ui = UI(app, pilot)
        await ui.settle()
        assert app.theme == "nord"
        assert any("theme 'no-such-theme' isn't one mastery has" in n for n in ui.notes())


async def test_support_moved_to_f2_works_while_typing_and_every_footer_says_f2(
    seen_store, clock, tmp_path, monkeypatch
):
    from textual.widgets import TextArea

    from mastery_tui.screens.support import SupportScreen

    write_config(tmp_path, monkeypatch, '[keys]\n"app.support" = "F2"\n')
    app, services = await run(seen_store, clock)
    assert services.keymap == {"app.support": "f2"} and services.notices == []
    async with app.run_test(size=(80, 24)) as pilot:
        ui = UI(app, pilot)
        await ui.settle()
        grid = str(ui.screen.query_one("#home-keys", Static).content)
        assert "F2 support, help" in re.sub(r" +", " ", grid)
        await ui.keys("j", "n")
        await ui.write("Half a thought")
        editor = ui.screen
        assert any(k.key == "f2" and k.description == "Support" for k in footer_keys(editor))
        assert not any(k.key == "f1" for k in footer_keys(editor))
        await ui.keys("f1")  # the old key does nothing now
        assert ui.screen is editor
        await ui.keys("f2")  # from inside the text field
        assert isinstance(ui.screen, SupportScreen)
        await ui.keys("escape")
        assert ui.screen is editor
        assert editor.query_one(TextArea).text == "Half a thought"


async def test_a_moved_support_key_stays_in_narrow_footers_and_long_keys_fit_homes_grid(
    seen_store, clock, tmp_path, monkeypatch
):
    write_config(tmp_path, monkeypatch, '[keys]\n"app.support" = "f2"\n"home.trends" = "ctrl+t"\n')
    app, services = await run(seen_store, clock)
    assert services.notices == []
    async with app.run_test(size=(40, 15)) as pilot:
        ui = UI(app, pilot)
        await ui.settle()
        assert [(k.key, k.description) for k in footer_keys(ui.screen)] == [
            ("q", "Quit"), ("f2", "Support")
        ]  # fmt: skip
        assert "F2" in {k.key_display for k in footer_keys(ui.screen)}
        await pilot.resize_terminal(80, 24)
        await ui.settle()
        grid = str(ui.screen.query_one("#home-keys", Static).content).splitlines()
        assert max(len(line) for line in grid) <= 76  # Home's text width: nothing wraps
        assert "ctrl+t trends" in re.sub(r" +", " ", grid[0])
        assert "F2 support, help" in re.sub(r" +", " ", grid[1])


async def test_the_shipped_key_written_out_moves_nothing(seen_store, clock, tmp_path, monkeypatch):
    write_config(tmp_path, monkeypatch, '[keys]\n"app.support" = "F1"\n')
    _, services = await run(seen_store, clock)
    assert services.keymap == {} and services.notices == []
