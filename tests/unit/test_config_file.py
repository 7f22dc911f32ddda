"""config.toml read without the app: where it is, what each mistake says, and that a missing
file costs start-up nothing (no TOML parser, no platformdirs)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mastery_tui import config, paths
from mastery_tui.commands import key_neighbours, shipped_keys


def test_the_file_is_where_platformdirs_says(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from platformdirs import user_config_path

    monkeypatch.delenv("MASTERY_CONFIG", raising=False)
    for xdg in (None, str(tmp_path / "xdg")):
        if xdg is None:
            monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
        else:
            monkeypatch.setenv("XDG_CONFIG_HOME", xdg)
        assert paths.config_file() == user_config_path("mastery", appauthor=False) / "config.toml"
    monkeypatch.setenv("MASTERY_CONFIG", "~/elsewhere.toml")
    assert paths.config_file() == Path.home() / "elsewhere.toml"


def test_no_file_is_the_defaults_and_every_entry_is_read(tmp_path: Path) -> None:
    assert config.read(tmp_path / "none.toml") == config.Config(path=tmp_path / "none.toml")
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"\non_done = " date "\n[keys]\n"home.log" = "L, ctrl+l"\n')
    read = config.read(path)
    assert (read.theme, read.on_done, read.keys, read.problems) == (
        "nord", "date", {"home.log": "L,ctrl+l"}, []
    )
    assert config.check_keys(read, shipped_keys(), key_neighbours()) == {"home.log": "L,ctrl+l"}


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (b"\xff\xfe", "isn't UTF-8 text"),
        (b"theme = 3\n", "theme should be a theme's name in quotes"),
        (b"on_done = ['a']\n", "on_done should be a command in quotes"),
        (b"keys = 'L'\n", "[keys] should be a table"),
        (b"[keys]\n'home.log' = 3\n", "isn't a key name"),
        (b"x" * 70_000, "is over 64 KB"),
        pytest.param(b"theme = " + b"9" * 5000, "has a number too long to read", id="5000-digits"),
        pytest.param(
            b"x = " + b"[" * 30_000 + b"]" * 30_000, "nests lists or tables too deeply", id="deep"
        ),
    ],
)
def test_each_mistake_is_one_line(tmp_path: Path, text: bytes, said: str) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(text)
    read = config.read(path)
    assert len(read.problems) == 1 and said in read.problems[0] and str(path) in read.problems[0]
    assert read.keys == {} and read.theme is None


def test_a_missing_file_costs_start_up_nothing(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from mastery_tui.__main__ import app_services\n"
        "from mastery_tui.domain.clock import SystemClock\n"
        "from mastery_tui.store import Store\n"
        f"app_services(Store.open({str(tmp_path / 'd')!r}, SystemClock()), SystemClock(), on_done=None)\n"
        "print(sorted(m for m in ('tomllib', 'platformdirs') if m in sys.modules))\n"
    )
    env = {"MASTERY_CONFIG": str(tmp_path / "missing.toml"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert done.stdout.strip() == "[]", done.stderr


@pytest.mark.parametrize(
    ("text", "said"),
    [
        pytest.param("theme = " + "9" * 5000 + "\n", "has a number too long to read", id="5000-digits"),
        pytest.param(
            "x = " + "[" * 30_000 + "]" * 30_000 + "\n", "nests lists or tables too deeply", id="deep"
        ),
    ],
)
def test_a_file_too_odd_to_parse_is_one_line_for_every_command_that_reads_it(
    tmp_path: Path, text: str, said: str
) -> None:
    """A 5,000-digit number or lists 30,000 deep: ValueError and RecursionError tracebacks in
    `mastery keys` and `mastery on-done` before; now the line every bad file gets."""
    path = tmp_path / "config.toml"
    path.write_text(text)
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    for command in ("keys", "on-done"):
        done = subprocess.run(
            [sys.executable, "-m", "mastery_tui", "--data-dir", str(folder), command],
            capture_output=True,
            text=True,
            env={**os.environ, "MASTERY_CONFIG": str(path)},
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        assert done.stderr == f"mastery: {path} {said}; using the defaults\n"
