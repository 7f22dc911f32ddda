"""Where mastery keeps its data: ``--data-dir`` > ``$MASTERY_HOME`` > the platform's user data dir.

Functions, not constants: the environment is read when asked, so tests can redirect it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "mastery"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    if override:
        return Path(override).expanduser()
    env = os.environ.get("MASTERY_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def missing_home(folder: Path) -> tuple[str, str] | None:
    """(``HOME``, its value) when the data folder ``folder`` lies in a HOME that isn't there:
    a HOME set wrong, and nothing should be made in it (``mkdir -p`` would make a whole false
    home). Likewise (``XDG_DATA_HOME``, …) set to a place outside HOME whose folder and the
    one above it don't exist: most likely a typo."""
    home = os.environ.get("HOME", "")
    if home and not os.path.isdir(home) and folder.is_relative_to(home):
        return "HOME", home
    xdg = os.environ.get("XDG_DATA_HOME", "").strip()
    if (
        os.path.isabs(xdg)
        and folder.is_relative_to(xdg)
        and not (home and Path(xdg).is_relative_to(home))
        and not os.path.isdir(xdg)
        and not os.path.isdir(os.path.dirname(xdg.rstrip("/")))
    ):
        return "XDG_DATA_HOME", xdg
    return None


def config_file() -> Path:
    """``$MASTERY_CONFIG``, else ``config.toml`` in the platform's user config folder
    (``~/.config/mastery/config.toml`` on Linux, honouring ``$XDG_CONFIG_HOME``)."""
    env = os.environ.get("MASTERY_CONFIG")
    if env:
        return Path(env).expanduser()
    if sys.platform.startswith("linux"):  # the XDG rule platformdirs follows, without its import
        base = os.environ.get("XDG_CONFIG_HOME", "").strip()
        folder = Path(base) if os.path.isabs(base) else Path.home() / ".config"
        return folder / APP_NAME / "config.toml"
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / "config.toml"


def every_path(data: Path) -> list[tuple[str, Path, str]]:
    """Every place mastery reads or writes, for ``mastery paths``: (name, path, what)."""
    return [
        ("data", data, "your data: mastery.json and the settings"),
        ("practices", data / "practice", "one file per month of practices"),
        ("backups", data / "backups", "a copy a day (14), a week (8), a month (12)"),
        ("logs", data / "logs", "mastery --debug writes debug.log here"),
        ("screenshots", data / "screenshots", "the command palette's Screenshot"),
        ("config", config_file(), "theme, on-done command and key map (config.toml)"),
    ]
