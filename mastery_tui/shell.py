"""The user's shell, for the on-done command: what they type is what a terminal would run."""

from __future__ import annotations

import os
import subprocess

FALLBACK = "/bin/sh"


def user_shell() -> str:
    """``$SHELL`` when it names an executable file, else /bin/sh."""
    shell = os.environ.get("SHELL", "")
    if shell and os.path.isabs(shell) and os.access(shell, os.X_OK):
        return shell
    return FALLBACK


def syntax_problem(command: str) -> str | None:
    """What the shell says about ``command``'s syntax (``sh -n``: read, not run), or None."""
    try:
        checked = subprocess.run(
            [user_shell(), "-n", "-c", command],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None  # can't ask the shell: the timer says so if it can't run it
    if checked.returncode == 0:
        return None
    said = [line.strip() for line in checked.stderr.splitlines() if line.strip()]
    return said[0] if said else f"exit status {checked.returncode}"
