"""The store's side of "one practice, one owner", drafts of typed answers, and schema 2
(ratings and completion may be "not rated")."""

from __future__ import annotations

import json

import pytest

from mastery_tui.domain.models import Completion, Practice
from mastery_tui.store import SessionElsewhereError, Store
from mastery_tui.store.migrations import SCHEMA_VERSION


def test_only_one_store_owns_the_practice_in_progress(data_dir, clock):
    one, two = Store.open(data_dir, clock), Store.open(data_dir, clock)  # two windows
    assert one.claim_session() is True
    assert one.claim_session() is True  # again: still ours
    assert two.claim_session() is False
    one.save_session({"title": "Walk"})
    with pytest.raises(SessionElsewhereError, match="another mastery window"):
        two.save_session({"title": "Something else"})
    with pytest.raises(SessionElsewhereError):
        two.clear_session()
    assert two.load_session() == {"title": "Walk"}  # reading is always fine
    one.release_session()
    assert two.claim_session() is True
    two.clear_session()
    assert one.load_session() is None


def test_drafts_are_kept_by_key_and_cleared(store):
    assert store.drafts() == []
    store.save_draft("note:new", {"title": "a new note", "values": {"text": "half"}})
    store.save_draft("note:new", {"title": "a new note", "values": {"text": "half a thought"}})
    store.save_draft("task:x", {"title": "a task", "values": {}})
    assert store.draft("note:new")["values"] == {"text": "half a thought"}
    assert sorted(d["key"] for d in store.drafts()) == ["note:new", "task:x"]
    store.clear_draft("note:new")
    store.clear_draft("note:new")  # twice: fine
    assert [d["key"] for d in store.drafts()] == ["task:x"]


def test_schema_1_files_keep_every_value(data_dir, clock):
    store = Store.open(data_dir, clock)
    practice = Practice.new(
        now=clock.now(), task_id=None, task_title="Walk", started="2026-11-20T18:00:00+00:00",
        planned_minutes=5, mood_before=40, confidence_before=45, mood_after=60,
        confidence_after=55, difficulty=30, completion=Completion.PARTLY,
    )  # fmt: skip
    store.save_practice(practice)
    raw = json.loads(store.main_path.read_text())
    raw["_meta"]["1"]["schema"] = 1  # as an older mastery left it
    store.main_path.write_text(json.dumps(raw))
    reopened = Store.open(data_dir, clock)
    assert json.loads(reopened.main_path.read_text())["_meta"]["1"]["schema"] == SCHEMA_VERSION >= 2
    assert reopened.practices() == [practice]


def test_a_practice_may_hold_not_rated_values(store, clock):
    practice = Practice.new(
        now=clock.now(), task_id=None, task_title="Walk", started="2026-11-20T18:00:00+00:00",
        planned_minutes=5,
    )  # fmt: skip
    assert (practice.mood_before, practice.confidence_before, practice.completion) == (None, None, None)
    store.save_practice(practice)
    [again] = store.practices()
    assert again == practice
