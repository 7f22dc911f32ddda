"""The real app in a pty, keys written as whole sequences in one ``write()`` (as SSH, a paste or
a fast typist delivers them) while other processes keep every CPU busy: each key lands where
the key before it left the focus, across screens, and the record holds exactly what was typed.
Twenty runs in a row each."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mastery_tui.domain.clock import SystemClock
from mastery_tui.domain.models import Area, Completion, Practice, Task, WeekPlan, default_area_id
from mastery_tui.store import Store

from .burst import busy_cpus, keys, stored, wait_until
from .terminal import PtyApp

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform != "linux", reason="drives a Linux pty"),
]

RUNS = 20
START_TIMEOUT = 60.0  # a cold start with every CPU busy
RUN_TIMEOUT = 30.0
HOME = "7-day plan"  # on Home's key grid once it is painted
DAILY = default_area_id("daily")


def read(data_dir: Path) -> Store:
    return Store.open(data_dir, SystemClock())


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    store = read(folder)
    store.set_setting("safety_seen", True)
    store.save(Task.new(now=SystemClock().now(), title="Walk 5 minutes", area_id=DAILY, minutes=5))
    return folder


@pytest.fixture
def app(data_dir: Path) -> Iterator[PtyApp]:
    with busy_cpus():
        running = PtyApp(data_dir)
        try:
            running.wait_for(HOME, START_TIMEOUT)
            yield running
        finally:
            running.close()


def test_before_and_after_ratings_land_where_they_were_typed(app: PtyApp, data_dir: Path) -> None:
    expected = []
    for run in range(RUNS):
        mood, confidence = 20 + run, 70 - run
        felt, mood_after, confidence_after = 10 + run, 40 + run, 90 - run
        app.type(
            keys(
                "n", "enter",  # choose the task
                str(mood), "enter", str(confidence), "enter",  # before: starts the timer
                "f",  # done
                "enter", str(felt), "enter", str(mood_after), "enter", str(confidence_after),
                "enter", f"run {run}", "enter",  # the sentence; enter saves
                "enter",  # the acknowledgement, back to Home
            )
        )  # fmt: skip
        expected.append((mood, confidence, felt, mood_after, confidence_after, f"run {run}"))
        try:
            wait_until(lambda n=run: len(stored(data_dir, "practices")) > n, RUN_TIMEOUT, f"practice {run}")
        except AssertionError as error:  # say where the app stood
            raise AssertionError(f"{error}; alive: {app.proc.poll() is None}; screen: {app.tail()}") from None

    practices = sorted(read(data_dir).practices(), key=lambda p: p.started)
    got = [
        (p.mood_before, p.confidence_before, p.difficulty, p.mood_after, p.confidence_after, p.reflection)
        for p in practices
    ]
    assert got == expected
    assert all(p.completion is Completion.YES for p in practices)
    # The session is cleared just after the last practice is saved: wait for that, not a moment.
    wait_until(lambda: not stored(data_dir, "session"), RUN_TIMEOUT, "the session cleared")
    assert read(data_dir).load_session() is None


def test_the_task_form_takes_minutes_then_difficulty(app: PtyApp, data_dir: Path) -> None:
    app.type(keys("b", "down", "down", "down", "right"))  # Daily living's tasks
    for run in range(RUNS):
        title = f"Tiny task {run}"
        # Minutes starts at 10: two backspaces, 7; tab to the difficulty slider: 40; ctrl+s
        # asks the bad-day question the form left unanswered: y, and ctrl+s again.
        app.type(
            keys("n", title, "tab", "backspace", "backspace", "7", "tab", "4", "0", "ctrl+s", "y",
                 "ctrl+s")
        )  # fmt: skip
        wait_until(
            lambda t=title: any(task["title"] == t for task in stored(data_dir, "tasks")),
            RUN_TIMEOUT,
            title,
        )
    made = [t for t in read(data_dir).tasks(area_id=DAILY) if t.title.startswith("Tiny task")]
    assert [(t.title, t.minutes, t.difficulty, t.bad_day_ok) for t in made] == [
        (f"Tiny task {run}", 7, 40, True) for run in range(RUNS)
    ]


def test_the_quick_task_dialog_and_its_practice(app: PtyApp, data_dir: Path) -> None:
    for run in range(RUNS):
        app.type(
            keys(
                "n", "ctrl+n", f"Quick {run}", "enter",
                "backspace", "backspace", str(run % 9 + 1), "enter",  # minutes
                "4", "2", "enter", "3", "8", "enter", "f",
                "ctrl+s", "enter",  # save; the ratings after: skipped, "not rated"
                "n",  # not kept as a task
                "enter",
            )
        )  # fmt: skip
        wait_until(lambda n=run: len(stored(data_dir, "practices")) > n, RUN_TIMEOUT, f"quick {run}")
    practices = sorted(read(data_dir).practices(), key=lambda p: p.started)
    assert [(p.task_title, p.planned_minutes) for p in practices] == [
        (f"Quick {run}", run % 9 + 1) for run in range(RUNS)
    ]
    assert {(p.mood_before, p.confidence_before) for p in practices} == {(42, 38)}
    assert {(p.difficulty, p.mood_after, p.confidence_after) for p in practices} == {(None, None, None)}


def test_the_practice_editor(data_dir: Path) -> None:
    store = read(data_dir)
    now = SystemClock().now()
    store.save_practice(
        Practice.new(
            now=now, task_id=None, task_title="Walk", started=now.isoformat(timespec="seconds"),
            planned_minutes=5, mood_before=50, confidence_before=50, completion=Completion.YES,
        )
    )  # fmt: skip
    with busy_cpus():
        app = PtyApp(data_dir)
        try:
            app.wait_for(HOME, START_TIMEOUT)
            app.type(keys("l", "enter"))  # the log, the practice in full
            title = "Walk"
            for run in range(RUNS):
                title += f" {run}"
                choice = "p" if run % 2 else "y"
                # title: append; seven tabs to "Mood before": a new value; ctrl+s saves.
                app.type(keys("e", "end", f" {run}", *["tab"] * 5, choice, "tab", "tab", str(run + 10), "ctrl+s"))
                [saved] = wait_until(
                    lambda t=title: [p for p in stored(data_dir, "practices") if p["task_title"] == t],
                    RUN_TIMEOUT,
                    title,
                )
                assert saved["mood_before"] == run + 10
                assert saved["completion"] == ("partly" if run % 2 else "yes")
        finally:
            app.close()
    [saved] = read(data_dir).practices()
    assert (saved.task_title, saved.mood_before, saved.completion) == (title, RUNS + 9, Completion.PARTLY)


def test_keys_after_a_key_that_opens_a_screen_go_to_that_screen(app: PtyApp, data_dir: Path) -> None:
    # ctrl+s asks the bad-day question the form left unanswered: y (it passes), ctrl+s again
    app.type(keys("b", "right", "n", "Walk to the corner", "ctrl+s", "y", "ctrl+s"))
    wait_until(
        lambda: any(t["title"] == "Walk to the corner" for t in stored(data_dir, "tasks")),
        RUN_TIMEOUT,
        "the task typed right after b",
    )
    app.type(keys("left", "n", "Garden", "enter"))
    wait_until(
        lambda: any(a["name"] == "Garden" for a in stored(data_dir, "areas")),
        RUN_TIMEOUT,
        "the area typed right after n",
    )
    names = {a.name for a in read(data_dir).all(Area)}
    assert not names & {"r", "arden"}
    assert app.proc.poll() is None  # still running: nothing crashed


def test_a_paste_lands_in_the_field_with_the_keys_around_it(app: PtyApp, data_dir: Path) -> None:
    """Bracketed paste (what a terminal sends for a paste) amid typed keys, in one write."""
    paste = b"\x1b[200~Answer one message, kindly\x1b[201~"
    app.type(
        keys("n", "ctrl+n") + paste
        + keys("enter", "backspace", "backspace", "3", "enter", "5", "0", "enter", "6", "0", "enter",
               "f", "ctrl+s", "enter", "n", "enter")
    )  # fmt: skip
    wait_until(lambda: stored(data_dir, "practices"), RUN_TIMEOUT, "the pasted practice")
    [practice] = read(data_dir).practices()
    assert (practice.task_title, practice.planned_minutes) == ("Answer one message, kindly", 3)
    assert (practice.mood_before, practice.confidence_before) == (50, 60)


def test_not_today_and_its_reason_in_one_burst(data_dir: Path) -> None:
    """s opens "Not today"; the letter right behind it picks the reason it names (t: tired)."""
    store = read(data_dir)
    [walk] = store.all(Task)
    today = SystemClock().now().date().isoformat()
    plan = WeekPlan.new(now=SystemClock().now(), start=today, area_id=DAILY, assignments=((1, walk.id),))
    store.save(plan)
    with busy_cpus():
        app = PtyApp(data_dir)
        try:
            app.wait_for(HOME, START_TIMEOUT)
            app.type(keys("s", "t", "tab", "slept badly", "enter"))
            wait_until(
                lambda: any(w.get("skips") for w in stored(data_dir, "weeks")), RUN_TIMEOUT, "the day said not today"
            )
            assert app.proc.poll() is None
        finally:
            app.close()
    saved = read(data_dir).get(WeekPlan, plan.id)
    assert saved is not None and saved.skips == ((1, "fatigue", "slept badly"),)
