"""SVG snapshots at 80x24: the Learn page, Notes (list, empty, editor) and the coach's modal."""

from __future__ import annotations

from datetime import timedelta

from mastery_tui.demo import seed_demo_history
from mastery_tui.domain.models import Note
from mastery_tui.screens.coach import CoachScreen
from mastery_tui.screens.learn import LearnScreen
from mastery_tui.screens.notes import NotesScreen

SIZE = (80, 24)

NOTES = (
    (9, "Walking before breakfast works better than after work.\nThe street is quiet then."),
    (
        5,
        "Perfectionism showed up again with the drawing. I stopped at 10 minutes anyway, and "
        "that felt like the real win today, not the drawing itself.",
    ),
    (2, "Sent the email I'd been avoiding for two weeks. [TODO] answer the reply."),
    (0.25, "Low day. Washed one cup and it still counted."),
)


def seed_notes(store) -> None:
    now = store.clock.now()
    store.save(*(Note.new(now=now - timedelta(days=days), text=text) for days, text in NOTES))


def opening(screen_factory, *keys: str, services: bool = True):
    async def run_before(pilot) -> None:
        await pilot.pause()
        screen = screen_factory(pilot.app.services) if services else screen_factory()
        await pilot.app.push_screen(screen)
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()

    return run_before


def test_learn(seen_store, make_app, snap_compare):
    assert snap_compare(make_app(seen_store), terminal_size=SIZE, run_before=opening(LearnScreen, services=False))


def test_notes_list(seen_store, make_app, snap_compare):
    seed_notes(seen_store)
    run_before = opening(NotesScreen, "down", "down")
    assert snap_compare(make_app(seen_store), terminal_size=SIZE, run_before=run_before)


def test_notes_empty(seen_store, make_app, snap_compare):
    assert snap_compare(make_app(seen_store), terminal_size=SIZE, run_before=opening(NotesScreen))


def test_note_editor(seen_store, make_app, snap_compare):
    seed_notes(seen_store)
    run_before = opening(NotesScreen, "down", "enter", "enter", *"And they answered kindly.")
    assert snap_compare(make_app(seen_store), terminal_size=SIZE, run_before=run_before)


def test_coach_modal(seen_store, make_app, snap_compare):
    seed_demo_history(seen_store, seen_store.clock)
    assert snap_compare(make_app(seen_store), terminal_size=SIZE, run_before=opening(CoachScreen))
