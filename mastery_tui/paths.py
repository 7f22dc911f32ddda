"""Where mastery keeps its data: ``--data-dir`` > ``$MASTERY_HOME`` > the platform's user data dir.

Functions, not constants: the environment is read when asked, so tests can redirect it.
"""

from __future__ import annotations

import os
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
