"""The demo history: believable, deterministic, and inside the five weeks before today."""

from __future__ import annotations

from datetime import timedelta

from mastery_tui.demo import HISTORY_WEEKS, seed_demo_history
from mastery_tui.domain import history
from mastery_tui.domain.models import Completion, Practice, Task
from mastery_tui.store import Store

from ..conftest import TZ


def _shape(practices: list[Practice]) -> list[tuple]:
    return [(p.task_title, p.started, p.completion, p.mood_before, p.confidence_after) for p in practices]


def test_history_is_deterministic_and_ends_yesterday(tmp_path, clock) -> None:
    first = seed_demo_history(Store.open(tmp_path / "a", clock), clock)
    second = seed_demo_history(Store.open(tmp_path / "b", clock), clock)
    assert _shape(first) == _shape(second)
    today = clock.now().date()
    days = {history.local_day(p, TZ) for p in first}
    assert max(days) <= today - timedelta(days=1)
    assert min(days) >= today - timedelta(days=7 * HISTORY_WEEKS)


def test_history_looks_like_a_real_practice(store, clock) -> None:
    practices = seed_demo_history(store, clock)
    summary = history.summarize(practices, TZ)
    assert summary.practices >= 25
    assert summary.done > summary.partly > 0 and summary.not_this_time > 0
    assert summary.confidence_change is not None and summary.confidence_change > 0
    weeks = history.by_week(practices, TZ)
    assert len(weeks) == HISTORY_WEEKS
    assert sum(1 for p in practices if p.reflection) >= len(practices) // 2
    hard = [p for p in practices if p.completion is not Completion.YES]
    assert all(p.obstacles for p in hard)


def test_history_is_stored_and_linked_to_the_demo_tasks(store, clock) -> None:
    practices = seed_demo_history(store, clock)
    task_ids = {t.id for t in store.all(Task)}
    assert store.practice_count() == len(practices)
    assert {p.task_id for p in practices} <= task_ids
    assert store.setting("safety_seen") is True
