"""The test kit the Pilot tests share (more of it lands with the test-kit issue)."""

from __future__ import annotations

from typing import Any


async def wait_for_threads(pilot: Any) -> None:
    """Wait for the app's thread workers (loading the log, drawing trends, exporting).

    Not every worker: a screen's ``@work`` action that waits on a dialog (``push_screen_wait``)
    finishes only when the dialog is answered, so waiting for it would wait forever."""
    threads = [w for w in pilot.app.workers if getattr(w, "_thread_worker", False)]
    if threads:  # (an empty list would mean "every worker" to wait_for_complete)
        await pilot.app.workers.wait_for_complete(threads)


def palette_titles(app: Any, screen: Any = None) -> set[str]:
    """What the command palette offers on ``screen`` (default: the screen in front)."""
    return {command.title for command in app.get_system_commands(screen or app.screen)}
