"""The hang-up watchdog: SIGHUP (an SSH connection dropping) and SIGTERM close the app after
saving, and a terminal that vanishes without any signal is noticed within a second, so no
process is ever left spinning on a dead tty.

Neither may depend on the event loop: while a frozen connection reads nothing, the loop sits
blocked in Textual's full output queue. So the signal handler (Python runs it in the main
thread even inside that wait) and a watch thread arm a deadline first, then ask the loop to
save and exit; if the loop never gets there, the deadline ends the process.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import termios
import threading
import time
from collections.abc import Callable

CHECK_SECONDS = 1.0
EXIT_GRACE_SECONDS = 1.0


def exit_after(seconds: float) -> threading.Timer:
    """End the process in ``seconds`` whatever the event loop is doing (a dead terminal)."""
    timer = threading.Timer(seconds, os._exit, args=(0,))
    timer.daemon = True
    timer.start()
    return timer


def watches_a_terminal() -> bool:
    """Whether stdin is a terminal now: only a terminal can vanish under us. Under ``mastery
    serve`` stdin is a pipe from textual-serve, which ends the app itself."""
    try:
        termios.tcgetattr(sys.__stdin__.fileno())
    except (OSError, ValueError, AttributeError, termios.error):
        return False
    return True


class Watchdog:
    """Calls ``shut_down(reason)`` on the loop on SIGHUP, SIGTERM or a vanished terminal."""

    def __init__(self, shut_down: Callable[[str], None]) -> None:
        self._shut_down = shut_down
        self._deadline: threading.Timer | None = None
        self.stopped = False

    def start(self) -> None:
        """From the running event loop (the app's ``on_mount``)."""
        loop = asyncio.get_running_loop()

        def on_signal(signum: int, _frame: object) -> None:
            self._hang_up(loop, signal.Signals(signum).name)

        for sig in (signal.SIGHUP, signal.SIGTERM):
            signal.signal(sig, on_signal)
        if watches_a_terminal():  # a pipe (the browser's, through mastery serve) never "hangs up"
            threading.Thread(
                target=self._watch, args=(loop,), name="mastery-hangup", daemon=True
            ).start()

    def stop(self) -> None:
        """The loop is saving and exiting: let it take its time (a new deadline follows)."""
        self.stopped = True
        if self._deadline is not None:
            self._deadline.cancel()

    def _watch(self, loop: asyncio.AbstractEventLoop) -> None:
        while not self.stopped:
            time.sleep(CHECK_SECONDS)
            try:
                termios.tcgetattr(sys.__stdin__.fileno())  # EIO once the terminal has hung up
            except (OSError, ValueError, AttributeError, termios.error):
                self._hang_up(loop, "hangup")
                return

    def _hang_up(self, loop: asyncio.AbstractEventLoop, reason: str) -> None:
        """From a signal handler or the watch thread: never waits for the loop."""
        if self._deadline is None:
            self._deadline = exit_after(EXIT_GRACE_SECONDS)
        try:
            loop.call_soon_threadsafe(self._shut_down, reason)
        except RuntimeError:  # the loop is already closed: the deadline ends the process
            pass
