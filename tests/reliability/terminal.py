"""The real app in a pseudo-terminal: started like a user starts it, read like a screen.

The child is a session leader whose controlling terminal is the pty's slave side (as under a
terminal emulator or sshd), unless ``controlling=False``: then the terminal can vanish without
any signal reaching the app. A thread drains the master side all the time, so the app never
blocks on a full pty buffer (until ``freeze()`` stops it on purpose). Linux only: it reads /proc.
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

from .support import REPO, child_env

COLUMNS, LINES = 80, 24
# In the child: die with the test process (a leaked app on a dead pty would spin), make the pty
# the controlling terminal of the new session unless told not to, then become the app (same pid).
LAUNCH = (
    "import ctypes, fcntl, os, signal, sys, termios\n"
    "ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG\n"
    "if sys.argv[1] == 'ctty':\n"
    "    fcntl.ioctl(0, termios.TIOCSCTTY, 0)\n"
    "os.execv(sys.executable, [sys.executable, '-m', 'mastery_tui', *sys.argv[2:]])\n"
)


class PtyApp:
    """``python -m mastery_tui --data-dir DIR`` on an 80x24 xterm-256color pty."""

    def __init__(
        self,
        data_dir: Path,
        *args: str,
        controlling: bool = True,
        locale: dict[str, str] | None = None,
    ) -> None:
        """``args``: more command-line arguments (e.g. ``"quick", "Walk", "-m", "5"``).
        ``locale``: LANG, LC_ALL and LC_CTYPE as given ({} for none: the POSIX locale); by
        default a UTF-8 one, whatever the machine running the tests has."""
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
        env = child_env(TERM="xterm-256color", COLUMNS=str(COLUMNS), LINES=str(LINES))
        env.pop("NO_COLOR", None)
        for name in ("LANG", "LC_ALL", "LC_CTYPE"):
            env.pop(name, None)
        env.update({"LANG": "C.UTF-8"} if locale is None else locale)
        try:
            self.proc = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    LAUNCH,
                    "ctty" if controlling else "plain",
                    "--data-dir",
                    str(data_dir),
                    *args,
                ],
                stdin=slave,
                stdout=slave,
                stderr=slave,
                start_new_session=True,
                env=env,
                cwd=REPO,
            )
        finally:
            os.close(slave)
        self.master: int | None = master
        self._output = bytearray()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        assert self.master is not None
        while not self._stop.is_set():
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # EIO: every process holding the slave side is gone
                return
            if not chunk:
                return
            with self._lock:
                self._output += chunk

    @property
    def raw(self) -> bytes:
        """Every byte the app wrote so far."""
        with self._lock:
            return bytes(self._output)

    @property
    def output(self) -> str:
        with self._lock:
            return self._output.decode("utf-8", errors="replace")

    def tail(self, chars: int = 2000) -> str:
        """The end of what the app drew, escape sequences dropped: for a failure message."""
        import re

        text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", " ", self.output[-4 * chars :])
        return re.sub(r"\s+", " ", text)[-chars:]

    def wait_for(self, text: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.output:
            if self.proc.poll() is not None:
                raise AssertionError(
                    f"the app exited ({self.proc.returncode}) before showing {text!r}:\n"
                    f"{self.output[-2000:]}"
                )
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"{text!r} not on screen after {timeout} s:\n{self.output[-2000:]}"
                )
            time.sleep(0.02)

    def type(self, keys: bytes) -> None:
        """Write a whole key sequence in one ``write()``: how SSH (or a paste, or a fast
        typist on a slow link) delivers it. The app reads it all in one go."""
        assert self.master is not None
        written = os.write(self.master, keys)
        assert written == len(keys), (written, len(keys))  # a pty takes a few KB at once

    def main_thread_waiting_on_lock(self) -> bool:
        """True while the app's main thread (its event loop) sleeps on a futex: not on its
        selector as when idle, but on a lock, e.g. a full output queue."""
        try:
            return "futex" in Path(f"/proc/{self.proc.pid}/wchan").read_text()
        except OSError:
            return False

    def freeze(self, timeout: float = 15.0, settle: float = 0.5) -> None:
        """The terminal stops reading (a frozen SSH connection): stop draining the pty and make
        the app redraw (resizes) until its event loop is blocked on the full output queue."""
        self._stop.set()
        self._reader.join(timeout=5)
        assert self.master is not None
        deadline = time.monotonic() + timeout
        blocked_since: float | None = None
        tall = False
        while time.monotonic() < deadline:
            if self.main_thread_waiting_on_lock():
                blocked_since = blocked_since or time.monotonic()
                if time.monotonic() - blocked_since >= settle:
                    return
            else:
                blocked_since = None
                tall = not tall
                size = struct.pack("HHHH", LINES + tall, COLUMNS, 0, 0)
                fcntl.ioctl(self.master, termios.TIOCSWINSZ, size)
                self.proc.send_signal(signal.SIGWINCH)  # the kernel does too, if it's the ctty
            time.sleep(0.02)
        raise AssertionError(f"the app's output never blocked within {timeout} s")

    def close_master(self) -> None:
        """The terminal vanishes: stop reading and close our side of the pty."""
        self._stop.set()
        self._reader.join(timeout=5)
        if self.master is not None:
            os.close(self.master)
            self.master = None

    def wait_exit(self, timeout: float) -> float | None:
        """Seconds until the app exited, or None if it was still running after ``timeout``."""
        start = time.monotonic()
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        return time.monotonic() - start

    def cpu_seconds(self) -> float:
        """User + system CPU time the app has used so far (Linux /proc)."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def close(self) -> None:
        """Kill the app if it still runs and free the pty; safe to call twice."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self.close_master()
