"""SVG snapshots at 80x24. Review changes with `make snapshots-update` and look at the diff."""

from __future__ import annotations

from mastery_tui.cli import add_task

SIZE = (80, 24)


def test_home(seen_store, make_app, snap_compare):
    """A day with nothing planned and no week yet."""
    for title, minutes in (("Walk 5 minutes around the block", 5), ("Wash one set of dishes", 10)):
        add_task(seen_store, seen_store.clock, title=title, area=None, minutes=minutes, difficulty=30)
    assert snap_compare(make_app(seen_store), terminal_size=SIZE)


def test_first_run_safety_note(store, make_app, snap_compare):
    assert snap_compare(make_app(store), terminal_size=SIZE)


def test_help(seen_store, make_app, snap_compare):
    assert snap_compare(make_app(seen_store), terminal_size=SIZE, press=["question_mark", "h"])


def test_support(seen_store, make_app, snap_compare):
    """F1 from Home: the person's own contacts, where to find a helpline, the safety note."""
    seen_store.set_setting("support_contacts", ["Sam (friend) 07700 900123", "My therapist, Thursdays"])
    assert snap_compare(make_app(seen_store), terminal_size=SIZE, press=["f1"])


def test_support_empty_from_a_dialog(seen_store, make_app, snap_compare):
    """F1 from the task form with its title field focused: nobody written in yet."""
    assert snap_compare(make_app(seen_store), terminal_size=SIZE, press=["b", "right", "n", "f1"])


def test_home_mid_week(seen_store, make_app, snap_compare):
    """The Today dashboard on the demo history: Day 3 of a 7-day plan, counts, reflection, coach."""
    from mastery_tui.demo import seed_demo_history

    seed_demo_history(seen_store, seen_store.clock)
    assert snap_compare(make_app(seen_store), terminal_size=SIZE)


def test_home_mid_week_without_colour(seen_store, make_app, snap_compare, monkeypatch):
    from mastery_tui.demo import seed_demo_history

    monkeypatch.setenv("NO_COLOR", "1")
    seed_demo_history(seen_store, seen_store.clock)
    assert snap_compare(make_app(seen_store), terminal_size=SIZE)


def test_home_with_the_low_mood_line(seen_store, make_app, snap_compare):
    """A week of very low mood: one calm line under the greeting; the coach offers nothing harder."""
    from datetime import timedelta

    from tests.factories import practice, task

    now = seen_store.clock.now()
    walk = task("Walk 5 minutes", now=now - timedelta(days=30), store=seen_store, minutes=5, difficulty=20)
    for days, mood in zip((1, 2, 3, 4, 5), (2, 5, 3, 4, 2), strict=True):
        practice(now - timedelta(days=days, hours=1), task=walk, spent=5, mood=(mood, mood + 3),
                 confidence=(30, 35), difficulty=20, completion="yes", store=seen_store)  # fmt: skip
    assert snap_compare(make_app(seen_store), terminal_size=SIZE)


def test_not_today(seen_store, make_app, snap_compare):
    """Mid-week, nothing practised yet today: s opens "Not today", a reason picked (t: tired)."""
    from mastery_tui.demo import seed_demo_history

    seed_demo_history(seen_store, seen_store.clock)
    seen_store.clock.advance(24 * 3600)  # the next day: nothing practised yet
    assert snap_compare(make_app(seen_store), terminal_size=SIZE, press=["s", "t"])


def test_home_after_not_today(seen_store, make_app, snap_compare):
    """The day said "not today" (s, a reason, enter): its own mark on the strip, "~", and its
    word in the legend, not the "–" of a day that simply went by."""
    from mastery_tui.demo import seed_demo_history

    seed_demo_history(seen_store, seen_store.clock)
    seen_store.clock.advance(24 * 3600)
    assert snap_compare(make_app(seen_store), terminal_size=SIZE, press=["s", "t", "enter"])
