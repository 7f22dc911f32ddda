"""``mastery --debug``: a log file for finding out what went wrong, in the private data folder.

``logs/debug.log`` (0600 in a 0700 folder, appended to): how mastery was started and on what
terminal, the screens opened and closed, the kinds of record saved, the names of special keys
(enter, escape, f1; never a typed character), and any error with its traceback. Never the
person's words: no titles, reflections, notes or ratings, at any level. Without ``--debug``
nothing is written and ``log`` costs one attribute lookup.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
from pathlib import Path

log = logging.getLogger("mastery")
log.addHandler(logging.NullHandler())
log.propagate = False

LOG_DIR = "logs"
LOG_FILE = "debug.log"


def start(data_dir: Path, command: str | None) -> Path:
    """Log to ``data_dir/logs/debug.log`` from now on; returns its path. OSError if it can't
    be made."""
    from . import __version__
    from .store.files import ensure_private_dir

    folder = data_dir / LOG_DIR
    ensure_private_dir(folder)
    path = folder / LOG_FILE
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.fchmod(descriptor, 0o600)
    handler = logging.StreamHandler(os.fdopen(descriptor, "a", encoding="utf-8"))
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.DEBUG)
    log.info(
        "mastery %s, Python %s, %s; command: %s",
        __version__,
        platform.python_version(),
        platform.platform(terse=True),
        command or "app",
    )
    log.info(
        "terminal: TERM=%s COLORTERM=%s NO_COLOR=%s TMUX=%s SSH=%s stdout-encoding=%s",
        os.environ.get("TERM", "-"),
        os.environ.get("COLORTERM", "-"),
        "set" if os.environ.get("NO_COLOR") else "unset",
        "yes" if os.environ.get("TMUX") else "no",
        "yes" if os.environ.get("SSH_CONNECTION") else "no",
        getattr(sys.stdout, "encoding", "-"),
    )
    return path
