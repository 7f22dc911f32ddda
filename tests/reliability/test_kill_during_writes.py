"""kill -9 at random moments while a process saves, edits and deletes: every file still opens,
every save that returned is on disk, every delete that returned stays deleted, and no temp
file survives the next open."""

from __future__ import annotations

import os
import random
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from mastery_tui.domain.clock import SystemClock
from mastery_tui.domain.models import Task
from mastery_tui.store import Store
from mastery_tui.store.backups import KEEP_DAYS, KEEP_MONTHS, KEEP_WEEKS, backup_days
from mastery_tui.store.files import decode_json

from .support import leftovers, start_writer

ROUNDS = 30
KILL_AFTER = (0.020, 0.300)  # seconds, for rounds timed from spawn and for the move test
CALLS_BEFORE_KILL = (3, 9)  # returned calls to wait for before a kill lands in the next ones
KILL_JITTER = (0.0, 0.030)  # seconds after those calls, so the kill hits any point of a write
FROM_SPAWN = 0.25  # share of rounds timed from spawn (kills during start-up and Store.open)
READY_TIMEOUT = 30.0


@dataclass
class Known:
    """What the parent knows of one record: on disk (True), gone (False) or either (None)."""

    present: bool | None
    titles: set[str] = field(default_factory=set)


@dataclass
class Ledger:
    """The writer's reports, replayed. Lower case: a call began; upper case: it returned."""

    tasks: dict[str, Known] = field(default_factory=dict)
    practices: dict[str, Known] = field(default_factory=dict)
    returned: int = 0

    def apply(self, line: str) -> None:
        verb, record_id, *rest = line.split(" ", 2)
        title = rest[0] if rest else ""
        if verb in "TEDPQ":
            self.returned += 1
        if verb == "t":
            self.tasks[record_id] = Known(None, {title})
        elif verb in ("T", "E"):
            self.tasks[record_id] = Known(True, {title})
        elif verb == "e":
            self.tasks[record_id].titles.add(title)
        elif verb == "d":
            self.tasks[record_id].present = None
        elif verb == "D":
            self.tasks[record_id].present = False
        elif verb == "p":
            self.practices[record_id] = Known(None)
        elif verb == "P":
            self.practices[record_id] = Known(True)
        elif verb == "q":
            self.practices[record_id].present = None
        elif verb == "Q":
            self.practices[record_id].present = False
        else:
            raise AssertionError(f"unexpected line from the writer: {line!r}")

    def check_and_settle(self, store: Store) -> None:
        """Compare with the store, then take the store's answer for every uncertain record."""
        stored = {t.id: t.title for t in store.all(Task)}
        assert set(stored) <= set(self.tasks), "a task appeared that nobody saved"
        for task_id, known in self.tasks.items():
            if known.present is True:
                assert task_id in stored, f"saved task {task_id} is missing"
            if known.present is False:
                assert task_id not in stored, f"deleted task {task_id} came back"
            if task_id in stored:
                assert stored[task_id] in known.titles, f"task {task_id} has a title never saved"
            self.tasks[task_id] = Known(task_id in stored, {stored.get(task_id, "")})

        stored_practices = {p.id for p in store.practices()}
        assert stored_practices <= set(self.practices), "a practice appeared that nobody saved"
        for practice_id, known in self.practices.items():
            if known.present is True:
                assert practice_id in stored_practices, f"saved practice {practice_id} is missing"
            if known.present is False:
                assert practice_id not in stored_practices, (
                    f"deleted practice {practice_id} came back"
                )
            known.present = practice_id in stored_practices


class Writer:
    """One run of ``writer.py loop``, its stdout read by a thread as it comes."""

    def __init__(self, data_dir: Path, seed: int, days: int) -> None:
        self.proc = start_writer("loop", data_dir, seed, days)
        self.lines: list[str] = []
        self.ready = threading.Event()
        self._returned = 0
        self._progress = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if not line.endswith("\n"):
                break  # cut short by the kill: that call's outcome is unknown anyway
            if line == "ready\n":
                self.ready.set()
            else:
                self.lines.append(line.rstrip("\n"))
                with self._progress:
                    self._returned += line[:1] in "TEDPQ"
                    self._progress.notify_all()
        self.ready.set()
        with self._progress:
            self._progress.notify_all()

    def wait_for_returned(self, count: int, timeout: float) -> bool:
        """Block until ``count`` calls have returned (counted by the lines read), however slow
        the machine: the kill's moment is measured in work done, not in seconds."""
        with self._progress:
            return self._progress.wait_for(
                lambda: self._returned >= count or self.proc.poll() is not None, timeout
            ) and self._returned >= count

    def kill(self) -> str:
        """SIGKILL; returns stderr. Fails if the writer had already stopped on its own."""
        alive = self.proc.poll() is None
        if alive:
            os.kill(self.proc.pid, 9)
        self.proc.wait(timeout=10)
        self._reader.join(timeout=10)
        assert self.proc.stderr is not None
        err = self.proc.stderr.read()
        self.proc.stderr.close()
        assert self.proc.stdout is not None
        self.proc.stdout.close()
        assert alive, f"the writer stopped by itself (exit {self.proc.returncode}):\n{err}"
        return err


def check_backups(data_dir: Path) -> int:
    days = backup_days(data_dir / "backups")
    assert len(days) <= KEEP_DAYS + KEEP_WEEKS + KEEP_MONTHS + 1  # +1: killed before pruning
    for day in days:
        for path in day.rglob("*.json"):
            decode_json(path, path.read_bytes())  # CorruptFileError if a copy is half-made
    return len(days)


@pytest.mark.slow
def test_kill_9_while_writing_never_loses_a_returned_save(tmp_path: Path) -> None:
    seed = int(os.environ.get("MASTERY_KILL_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    data_dir = tmp_path / "data"
    ledger = Ledger()
    stray_temp_files = 0
    awaited = 0
    for round_no in range(ROUNDS):
        where = f"seed {seed}, round {round_no}"
        writer = Writer(data_dir, seed + round_no, days=round_no)
        try:
            if rng.random() >= FROM_SPAWN:
                calls = rng.randint(*CALLS_BEFORE_KILL)
                assert writer.wait_for_returned(calls, READY_TIMEOUT), (
                    f"writer never returned {calls} calls ({where})"
                )
                awaited += calls
                time.sleep(rng.uniform(*KILL_JITTER))
            else:
                time.sleep(rng.uniform(*KILL_AFTER))
        finally:
            err = writer.kill()
        assert "Traceback" not in err, f"{where}:\n{err}"
        for line in writer.lines:
            ledger.apply(line)

        stray_temp_files += len(leftovers(data_dir))
        store = Store.open(data_dir, SystemClock())  # CorruptFileError would fail the test here
        assert store.warnings == [], where
        assert leftovers(data_dir) == [], f"temp files survived Store.open ({where})"
        try:
            ledger.check_and_settle(store)
        except AssertionError as error:
            raise AssertionError(f"{error} ({where})") from error
        check_backups(data_dir)

    # Every round timed from ready waited for its calls, so the count can't depend on speed.
    assert ledger.returned >= awaited >= 40, f"{ledger.returned} returned, {awaited} awaited"
    print(
        f"seed {seed}: {ledger.returned} calls returned, {len(ledger.tasks)} tasks and "
        f"{len(ledger.practices)} practices written, {stray_temp_files} temp files cleaned"
    )


MOVE_ROUNDS = 20


@pytest.mark.slow
def test_kill_9_while_moving_a_practice_between_months_keeps_one_copy(tmp_path: Path) -> None:
    seed = int(os.environ.get("MASTERY_KILL_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    data_dir = tmp_path / "data"
    for round_no in range(MOVE_ROUNDS):
        proc = start_writer("move", data_dir)
        try:
            assert proc.stdout is not None
            assert proc.stdout.readline() == "ready\n"
            time.sleep(rng.uniform(*KILL_AFTER))
        finally:
            proc.kill()
            _, err = proc.communicate(timeout=10)
        assert "Traceback" not in err

        store = Store.open(data_dir, SystemClock())
        ids = [p.id for p in store.practices()]
        assert len(ids) == 1, f"{len(ids)} copies of one practice (seed {seed}, round {round_no})"
