"""Pilot: notes by keyboard: write, edit, search, delete (asks first), and they survive a restart."""

from __future__ import annotations

from datetime import datetime, timedelta

from textual.widgets import Input, OptionList, Static, TextArea

from mastery_tui.domain.models import Note
from mastery_tui.screens.confirm import ConfirmScreen
from mastery_tui.screens.drafts import DraftScreen
from mastery_tui.screens.notes import NoteEditorScreen, NotesScreen, first_line, matches
from mastery_tui.store import Store


async def keys(pilot, *names: str) -> None:
    for name in names:
        await pilot.press(name)
    await pilot.pause()


async def open_notes(app, pilot) -> NotesScreen:
    await pilot.pause()
    await app.push_screen(NotesScreen(app.services))
    await pilot.pause()
    assert isinstance(app.screen, NotesScreen)
    return app.screen


def rows(screen: NotesScreen) -> list[str]:
    listing = screen.query_one("#notes-list", OptionList)
    return [str(o.prompt).removeprefix("▸ ").removeprefix("  ") for o in listing.options]


def shown(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


def seed(store: Store) -> list[Note]:
    now = store.clock.now()
    notes = [
        Note.new(now=now - timedelta(days=9), text="Walking before breakfast works.\nQuiet street."),
        Note.new(now=now - timedelta(days=2), text="Sent the avoided email. [b]Not markup[/b]"),
        Note.new(now=now - timedelta(hours=2), text="Low day. Washed one cup; it counted."),
    ]
    store.save(*notes)
    return notes


async def test_write_a_new_note_by_keyboard(seen_store, make_app):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_notes(app, pilot)
        assert "No notes yet" in shown(screen, "#notes-preview")
        await keys(pilot, "n")
        assert isinstance(app.screen, NoteEditorScreen)
        await keys(pilot, *"First line", "enter", *"second line")
        await keys(pilot, "ctrl+s")
        assert app.screen is screen
        assert rows(screen) == ["Mon 23 Nov 2026  First line"]
        assert shown(screen, "#notes-preview") == "First line\nsecond line"
        assert shown(screen, "#notes-when") == "Written Monday 23 November 2026, 19:30"
    [note] = seen_store.all(Note)
    assert note.text == "First line\nsecond line"


async def test_an_empty_note_is_not_saved_and_says_why(seen_store, make_app):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_notes(app, pilot)
        await keys(pilot, "n", "space", "enter", "ctrl+s")
        editor = app.screen
        assert isinstance(editor, NoteEditorScreen)
        assert shown(editor, "#note-error") == "Note can't be empty."
    assert seen_store.all(Note) == []


async def test_edit_a_note_keeps_its_date_and_shows_when_it_was_edited(seen_store, make_app, clock):
    notes = seed(seen_store)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_notes(app, pilot)
        assert [r[:15] for r in rows(screen)] == ["Mon 23 Nov 2026", "Sat 21 Nov 2026", "Sat 14 Nov 2026"]
        clock.advance(3600)
        await keys(pilot, "down", "e")
        editor = app.screen
        assert isinstance(editor, NoteEditorScreen)
        area = editor.query_one("#note-text", TextArea)
        assert area.text == notes[1].text
        await keys(pilot, *" And got a kind reply.")
        await keys(pilot, "ctrl+s")
        assert app.screen is screen
        assert screen.current is not None and screen.current.id == notes[1].id
        assert shown(screen, "#notes-when").endswith("· edited 23 Nov 2026, 20:30")
        assert "[b]Not markup[/b] And got a kind reply." in shown(screen, "#notes-preview")
    saved = seen_store.get(Note, notes[1].id)
    assert saved is not None and saved.text.endswith("[/b] And got a kind reply.")
    assert saved.created == notes[1].created


async def test_escape_with_unsaved_words_asks_first(seen_store, make_app):
    seed(seen_store)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_notes(app, pilot)
        await keys(pilot, "enter")  # enter edits too
        await keys(pilot, "escape")
        assert app.screen is screen  # nothing changed: no question
        await keys(pilot, "enter", *" more", "escape")
        assert isinstance(app.screen, ConfirmScreen)  # the same question as every form
        await keys(pilot, "n")  # keep editing
        assert isinstance(app.screen, NoteEditorScreen)
        await keys(pilot, "escape", "y")  # discard
        assert app.screen is screen
        assert not seen_store.get(Note, screen.current.id).text.endswith("more")  # type: ignore[union-attr]
        await keys(pilot, "enter", *" kept", "escape", "n", "ctrl+s")  # keep editing, then save
        assert app.screen is screen
        assert seen_store.get(Note, screen.current.id).text.endswith(" kept")  # type: ignore[union-attr]


async def test_search_filters_by_words_and_escape_clears(seen_store, make_app):
    seed(seen_store)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_notes(app, pilot)
        await keys(pilot, "slash")
        search = screen.query_one("#notes-search", Input)
        assert app.focused is search and search.display
        await keys(pilot, *"WALKING quiet")
        assert rows(screen) == ["Sat 14 Nov 2026  Walking before breakfast works."]
        assert shown(screen, "#notes-count") == "1 of 3 notes match “WALKING quiet”"
        await keys(pilot, "backspace", *"xyz")
        assert rows(screen) == []
        assert "No notes match" in shown(screen, "#notes-preview")
        await keys(pilot, "escape")
        assert len(rows(screen)) == 3 and search.value == "" and not search.display
        assert isinstance(app.screen, NotesScreen)  # the first escape only cleared the search
        await keys(pilot, "slash", *"cup", "enter")
        assert app.focused is screen.query_one("#notes-list") and len(rows(screen)) == 1
        await keys(pilot, "escape")
        assert len(rows(screen)) == 3
        await keys(pilot, "escape")
        assert not isinstance(app.screen, NotesScreen)


async def test_delete_asks_first_and_keeps_the_note_on_no(seen_store, make_app):
    notes = seed(seen_store)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_notes(app, pilot)
        await keys(pilot, "down", "d")
        assert isinstance(app.screen, ConfirmScreen)
        await keys(pilot, "n")
        assert app.screen is screen and len(rows(screen)) == 3
        await keys(pilot, "d", "y")
        assert app.screen is screen
        assert len(rows(screen)) == 2
        assert screen.current is not None and screen.current.id == notes[0].id  # the next one down
    assert {n.id for n in seen_store.all(Note)} == {notes[0].id, notes[2].id}


async def test_notes_survive_a_restart(seen_store, make_app, data_dir, clock):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_notes(app, pilot)
        await keys(pilot, "n", *"Kept across restarts", "ctrl+s")
    reopened = Store.open(data_dir, clock)
    app = make_app(reopened)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_notes(app, pilot)
        assert rows(screen) == ["Mon 23 Nov 2026  Kept across restarts"]


async def test_an_unsaved_draft_is_kept_on_quit_and_offered_next_time(seen_store, make_app):
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_notes(app, pilot)
        await keys(pilot, "n", *"half a thought")
        app.save_state()
    assert seen_store.all(Note) == []  # not saved as a note: kept as a draft
    again = make_app(seen_store)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, DraftScreen)
        assert "a new note" in str(again.screen.query_one("#draft-question").content)
        await keys(pilot, "escape")  # later: it stays kept ...
        await open_notes(again, pilot)
        await keys(pilot, "n")  # ... and comes back when a new note is started
        assert isinstance(again.screen, NoteEditorScreen)
        assert again.screen.text == "half a thought"
        await keys(pilot, "ctrl+s")
    assert [n.text for n in seen_store.all(Note)] == ["half a thought"]
    assert seen_store.drafts() == []


def test_first_line_and_matching():
    assert first_line("\n\n  hello there \nsecond") == "hello there"
    assert first_line("x" * 80, 10) == "x" * 9 + "…"
    note = Note.new(now=datetime.now().astimezone(), text="Walk by the River")
    assert matches(note, "river walk") and not matches(note, "river run")
