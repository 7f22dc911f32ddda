"""What the benchmarks share: interleaved timing, medians, a tmux first-paint probe, data folders.

Every comparison runs its cases interleaved in one process run (A B, B A, A B, ...), so a
noisy neighbour or a CPU frequency change hits both sides alike; a warm-up round that is not
counted comes first. Results are printed, never asserted.
"""

from __future__ import annotations

import itertools
import os
import random
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from pathlib import Path

from mastery_tui.domain.clock import SystemClock, utc_iso
from mastery_tui.domain.models import Completion, Obstacle, Practice, Task, default_area_id
from mastery_tui.store import Store

REPO = Path(__file__).resolve().parents[1]
MINIMAL_APP = Path(__file__).with_name("minimal_app.py")
COLUMNS, LINES = 80, 24
YEARS = 10

# -- timing ---------------------------------------------------------------------------------


def time_call(action: Callable[[], object]) -> float:
    """Seconds ``action`` took."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def run_command(argv: Sequence[str], *, cwd: Path = REPO) -> float:
    """Wall seconds of a child process, output discarded; fails loudly if the child fails."""
    start = time.perf_counter()
    done = subprocess.run(
        argv, cwd=cwd, env=child_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{shlex.join(argv)} exited {done.returncode}: {done.stderr[-500:]!r}")
    return elapsed


def interleaved(
    cases: Mapping[str, Callable[[], float]], repeats: int, *, warmup: int = 1
) -> dict[str, list[float]]:
    """Run every case ``repeats`` times, round-robin, each returning the seconds it measured.

    The order flips every round (A B, B A, ...) so no case always runs right after another.
    ``warmup`` rounds run first and are thrown away (cold disk cache, .pyc files).
    """
    names = list(cases)
    results: dict[str, list[float]] = {name: [] for name in names}
    for round_index in range(warmup + repeats):
        order = names if round_index % 2 == 0 else names[::-1]
        for name in order:
            seconds = cases[name]()
            if round_index >= warmup:
                results[name].append(seconds)
    return results


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def quartiles(values: Sequence[float]) -> tuple[float, float]:
    if len(values) < 2:
        return values[0], values[0]
    q1, _, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, q3


# -- printing -------------------------------------------------------------------------------


def ms(seconds: float) -> str:
    value = seconds * 1000
    return f"{value:.1f} ms" if value < 10 else f"{value:.0f} ms"


def ratio(value: float, baseline: float) -> str:
    return f"{value / baseline:.2f}x"


def goal(value: float, baseline: float, limit: float) -> str:
    verdict = "met" if value / baseline <= limit else "NOT met"
    return f"(goal <= {limit:g}x: {verdict})"


def heading(title: str) -> None:
    print()
    print(title)
    print("-" * len(title))


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], *, indent: str = "  ") -> None:
    """Columns left-aligned, first column as wide as it needs."""
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]
    for row in [headers, *rows]:
        print(
            indent + "   ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        )


def stats_row(label: str, values: Sequence[float], baseline: Sequence[float] | None) -> list[str]:
    """label, median, p25-p75, min, ratio of medians to the baseline."""
    q1, q3 = quartiles(values)
    digits = 1 if q3 < 0.01 else 0
    spread = f"{q1 * 1000:.{digits}f}-{q3 * 1000:.{digits}f} ms"
    row = [label, ms(median(values)), spread, ms(min(values))]
    row.append(ratio(median(values), median(baseline)) if baseline else "")
    return row


STATS_HEADERS = ["case", "median", "p25-p75", "min", "ratio"]


def summary(
    label: str,
    names: tuple[str, str],
    results: Mapping[str, Sequence[float]],
    limit: float | None = None,
) -> None:
    """The one line a reader wants: both medians, the ratio and the goal if there is one.

    The ratio of the minimums follows in brackets: on a busy machine it is the steadier
    estimate of what the code itself costs."""
    base, other = (median(results[n]) for n in names)
    best = min(results[names[1]]) / min(results[names[0]])
    line = (
        f"  {label}   {names[0]} {ms(base)}   {names[1]} {ms(other)}   ratio {ratio(other, base)}"
    )
    print(line + (f"  {goal(other, base, limit)}" if limit else "") + f"  [minimums: {best:.2f}x]")


# -- child processes ------------------------------------------------------------------------


_PYCACHE = tempfile.TemporaryDirectory(prefix="mastery-bench-pyc-")


def child_env(**extra: str) -> dict[str, str]:
    """This checkout first on the path; no Textual dev settings, no MASTERY_HOME.

    Children compile to bytecode once and reuse it, as an installed mastery does: with
    PYTHONDONTWRITEBYTECODE set (some shells and containers set it) every start-up would
    recompile mastery's sources and the benchmark would time the compiler. The bytecode goes
    to a private temp folder (PYTHONPYCACHEPREFIX), never into the checkout; the first,
    uncounted warm-up round fills it.
    """
    skip = {"MASTERY_HOME", "NO_COLOR", "TMUX", "PYTHONDONTWRITEBYTECODE"}
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL") and k not in skip}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env["PYTHONPYCACHEPREFIX"] = _PYCACHE.name
    env.update(extra)
    return env


def mastery_argv(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "mastery_tui", "--data-dir", str(data_dir), *args]


def minimal_argv() -> list[str]:
    return [sys.executable, str(MINIMAL_APP)]


# -- first paint in a real terminal ---------------------------------------------------------


class PaintTimeout(RuntimeError):
    """The sentinel never appeared; carries the last screen seen."""


class Tmux:
    """A private tmux server (its own socket) for first-paint timings at 80x24.

    A detached ``keeper`` session keeps the server alive between runs, so no run pays for
    starting the server. ``close()`` kills this server only.
    """

    POLL_SECONDS = 0.004
    TIMEOUT_SECONDS = 30.0

    def __init__(self) -> None:
        tmux = shutil.which("tmux")
        if tmux is None:
            raise RuntimeError("tmux is not installed (apt-get install tmux)")
        self.base = [tmux, "-L", f"mastery-bench-{os.getpid()}"]
        self._names = itertools.count()
        self._tmux("-f", "/dev/null", "new-session", "-d", "-s", "keeper", "-x", str(COLUMNS),
                   "-y", str(LINES), "sleep 86400")  # fmt: skip
        self._tmux("set-option", "-g", "default-terminal", "xterm-256color")
        self._tmux("set-option", "-g", "remain-on-exit", "on")  # a crash stays readable
        self._socket = Path(self._tmux("display", "-p", "#{socket_path}").strip())

    def __enter__(self) -> Tmux:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Kill this benchmark's tmux server and remove its socket file (tmux leaves it)."""
        subprocess.run([*self.base, "kill-server"], stderr=subprocess.DEVNULL, check=False)
        self._socket.unlink(missing_ok=True)

    def _tmux(self, *args: str) -> str:
        done = subprocess.run(
            [*self.base, *args], env=child_env(), capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def first_paint(self, argv: Sequence[str], ready: Callable[[str], bool]) -> float:
        """Seconds from just before the session is spawned until ``ready(screen)`` is true."""
        name = f"run{next(self._names)}"
        command = "exec " + shlex.join(argv)
        polls = 0
        screen = ""
        start = time.perf_counter()
        self._tmux("new-session", "-d", "-s", name, "-x", str(COLUMNS), "-y", str(LINES),
                   "-c", str(REPO), command)  # fmt: skip
        try:
            while True:
                screen = self._tmux("capture-pane", "-p", "-t", name)
                if ready(screen):
                    return time.perf_counter() - start
                polls += 1
                if time.perf_counter() - start > self.TIMEOUT_SECONDS or (
                    polls % 50 == 0
                    and self._tmux("display", "-p", "-t", name, "#{pane_dead}").strip() == "1"
                ):
                    raise PaintTimeout(f"{shlex.join(argv)} never painted; last screen:\n{screen}")
                time.sleep(self.POLL_SECONDS)
        finally:
            self._end(name)

    def _end(self, name: str) -> None:
        """Close the session (the app gets SIGHUP) and wait until the app has really exited,
        so it doesn't steal CPU from the next run."""
        try:
            pid = int(self._tmux("display", "-p", "-t", name, "#{pane_pid}").strip())
        except (RuntimeError, ValueError):
            pid = 0
        subprocess.run(
            [*self.base, "kill-session", "-t", name], stderr=subprocess.DEVNULL, check=False
        )
        if pid <= 0:
            return
        start = time.perf_counter()
        killed = False
        while _alive(pid):
            waited = time.perf_counter() - start
            if waited > 5.0 and not killed:
                print(f"  (run {name}: the app ignored the hang-up for 5 s; killing it)")
                os.kill(pid, signal.SIGKILL)
                killed = True
            elif waited > 10.0:
                print(f"  (run {name}: pid {pid} still there after SIGKILL; going on)")
                return
            time.sleep(0.01)


def _alive(pid: int) -> bool:
    """Whether ``pid`` still runs. A zombie (exited, not yet reaped) counts as gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except FileNotFoundError:
        return False
    except OSError:
        pass  # no /proc (macOS): ask the kernel
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def mastery_home_ready(screen: str) -> bool:
    """Home has painted: its key grid ("7-day plan", the last of Home's body) and the footer's
    command-palette key are on screen."""
    return "7-day plan" in screen and "palette" in screen


MINIMAL_SENTINEL = "minimal-app-ready"  # SENTINEL in minimal_app.py (not imported: Textual)


def minimal_ready(screen: str) -> bool:
    return MINIMAL_SENTINEL in screen and "palette" in screen


# -- data folders ---------------------------------------------------------------------------

TITLES = (
    "Review one page of notes",
    "Reply to one email I've been avoiding",
    "Draw for 10 minutes",
    "Wash one set of dishes",
    "Walk 5 minutes around the block",
    "Say hi to one colleague",
    "Practise scales for 10 minutes",
    "Tidy the desk for 5 minutes",
)
AREAS = ("studying", "work", "creative", "daily", "social")
REFLECTIONS = ("", "", "Harder than I thought, but done.", "Felt good after.", "Tired; did half.")


def make_tasks(count: int, now: datetime) -> list[Task]:
    return [
        Task.new(
            now=now,
            title=f"{TITLES[i % len(TITLES)]} #{i + 1}",
            area_id=default_area_id(AREAS[i % len(AREAS)]),
            minutes=5 + i % 20,
            difficulty=20 + i % 60,
            order=i,
        )
        for i in range(count)
    ]


def make_practice(started: datetime, rng: random.Random, tasks: Sequence[Task] = ()) -> Practice:
    """One believable worksheet row that started at ``started``."""
    task = rng.choice(tasks) if tasks else None
    minutes = task.minutes if task else rng.randint(5, 30)
    return Practice.new(
        now=started,
        task_id=task.id if task else None,
        task_title=task.title if task else rng.choice(TITLES),
        area_id=task.area_id if task else default_area_id(rng.choice(AREAS)),
        started=utc_iso(started),
        ended=utc_iso(started + timedelta(minutes=minutes)),
        planned_minutes=minutes,
        seconds_spent=minutes * 60,
        mood_before=rng.randint(10, 80),
        confidence_before=rng.randint(10, 80),
        mood_after=rng.randint(30, 95),
        confidence_after=rng.randint(30, 95),
        difficulty=rng.randint(10, 90),
        completion=rng.choice(list(Completion)),
        obstacles=tuple(rng.sample(list(Obstacle), rng.randint(0, 2))),
        reflection=rng.choice(REFLECTIONS),
    )


def make_history(
    count: int, now: datetime, tasks: Sequence[Task] = (), *, seed: int = 1
) -> list[Practice]:
    """``count`` practices with start times spread evenly over the ten years before ``now``."""
    rng = random.Random(seed)
    span = timedelta(days=365.25 * YEARS)
    step = span / max(count, 1)
    first = now - span
    return [make_practice(first + step * (i + 0.5), rng, tasks) for i in range(count)]


def build_data_dir(path: Path, *, practices: int = 0, tasks: int = 0) -> Path:
    """A data folder as a long-time user has it: ``tasks`` tasks, ``practices`` practices over
    ten years (one file per month), the safety note already read (so Home is what paints)."""
    clock = SystemClock()
    now = clock.now()
    store = Store.open(path, clock)
    made = make_tasks(tasks, now - timedelta(days=365.25 * YEARS))
    if made:
        store.save(*made)
    if practices:
        store.save_practices(make_history(practices, now, made))
    store.set_setting("safety_seen", True)
    return path


def import_profile(argv: Sequence[str]) -> dict[str, tuple[int, int]]:
    """Run a ``python -X importtime ...`` command; {module: (self µs, cumulative µs)}."""
    done = subprocess.run(argv, cwd=REPO, env=child_env(), capture_output=True, text=True)
    profile: dict[str, tuple[int, int]] = {}
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cumulative, name = line.removeprefix("import time:").split("|")
        profile[name.strip()] = (int(own), int(cumulative))
    return profile
