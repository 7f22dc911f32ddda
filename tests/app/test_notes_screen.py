"""Pilot: notes by keyboard: write, edit, search, delete (asks first), and they survive a restart."""

from __future__ import annotations

from datetime import datetime, timedelta

from textual.widgets import Input, OptionList, Static, TextArea

from mastery_tui.domain.models import Note
from mastery_tui.screens.confirm import ConfirmScreen
from mastery_tui.screens.drafts import DraftScreen
from mastery_tui.screens.notes import NoteEditorScreen, NotesScreen, first_line, matches
from mastery_tui.store import Store
from tests.factories import note
from tests.kit import UI


async def open_notes(ui: UI) -> NotesScreen:
    return await ui.push(NotesScreen(ui.app.services))


def rows(screen: NotesScreen) -> list[str]:
    listing = screen.query_one("#notes-list", OptionList)
    return [str(o.prompt).removeprefix("▸ ").removeprefix("  ") for o in listing.options]


def shown(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


def three_notes(store: Store) -> list[Note]:
    now = store.clock.now()
    notes = [
        note("Walking before breakfast works.\nQuiet street.", now=now - timedelta(days=9)),
        note("Sent the avoided email. [b]Not markup[/b]", now=now - timedelta(days=2)),
        note("Low day. Washed one cup; it counted.", now=now - timedelta(hours=2)),
    ]
    store.save(*notes)
    return notes


async def test_write_a_new_note_by_keyboard(seen_store, run_app):
    async with run_app(seen_store) as ui:
        screen = await open_notes(ui)
        assert "No notes yet" in shown(screen, "#notes-preview")
        await ui.keys("n")
        assert isinstance(ui.screen, NoteEditorScreen)
        await ui.keys(*"First line", "enter", *"second line")
        await ui.keys("ctrl+s")
        assert ui.screen is screen
        assert rows(screen) == ["Mon 23 Nov 2026  First line"]
        assert shown(screen, "#notes-preview") == "First line\nsecond line"
        assert shown(screen, "#notes-when") == "Written Monday 23 November 2026, 19:30"
    [note] = seen_store.all(Note)
    assert note.text == "First line\nsecond line"


async def test_an_empty_note_is_not_saved_and_says_why(seen_store, run_app):
    async with run_app(seen_store) as ui:
        await open_notes(ui)
        await ui.keys("n", "space", "enter", "ctrl+s")
        editor = ui.screen
        assert isinstance(editor, NoteEditorScreen)
        assert shown(editor, "#note-error") == "Note can't be empty."
    assert seen_store.all(Note) == []


async def test_edit_a_note_keeps_its_date_and_shows_when_it_was_edited(seen_store, run_app, clock):
    notes = three_notes(seen_store)
    async with run_app(seen_store) as ui:
        screen = await open_notes(ui)
        assert [r[:15] for r in rows(screen)] == ["Mon 23 Nov 2026", "Sat 21 Nov 2026", "Sat 14 Nov 2026"]
        clock.advance(3600)
        await ui.keys("down", "e")
        editor = ui.screen
        assert isinstance(editor, NoteEditorScreen)
        area = editor.query_one("#note-text", TextArea)
        assert area.text == notes[1].text
        await ui.keys(*" And got a kind reply.")
        await ui.keys("ctrl+s")
        assert ui.screen is screen
        assert screen.current is not None and screen.current.id == notes[1].id
        assert shown(screen, "#notes-when").endswith("· edited 23 Nov 2026, 20:30")
        assert "[b]Not markup[/b] And got a kind reply." in shown(screen, "#notes-preview")
    saved = seen_store.get(Note, notes[1].id)
    assert saved is not None and saved.text.endswith("[/b] And got a kind reply.")
    assert saved.created == notes[1].created


async def test_escape_with_unsaved_words_asks_first(seen_store, run_app):
    three_notes(seen_store)
    async with run_app(seen_store) as ui:
        screen = await open_notes(ui)
        await ui.keys("enter")  # enter edits too
        await ui.keys("escape")
        assert ui.screen is screen  # nothing changed: no question
        await ui.keys("enter", *" more", "escape")
        assert isinstance(ui.screen, ConfirmScreen)  # the same question as every form
        await ui.keys("n")  # keep editing
        assert isinstance(ui.screen, NoteEditorScreen)
        await ui.keys("escape", "y")  # discard
        assert ui.screen is screen
        assert not seen_store.get(Note, screen.current.id).text.endswith("more")  # type: ignore[union-attr]
        await ui.keys("enter", *" kept", "escape", "n", "ctrl+s")  # keep editing, then save
        assert ui.screen is screen
        assert seen_store.get(Note, screen.current.id).text.endswith(" kept")  # type: ignore[union-attr]


async def test_search_filters_by_words_and_escape_clears(seen_store, run_app):
    three_notes(seen_store)
    async with run_app(seen_store) as ui:
        screen = await open_notes(ui)
        await ui.keys("slash")
        search = screen.query_one("#notes-search", Input)
        assert ui.app.focused is search and search.display
        await ui.keys(*"WALKING quiet")
        assert rows(screen) == ["Sat 14 Nov 2026  Walking before breakfast works."]
        assert shown(screen, "#notes-count") == "1 of 3 notes match “WALKING quiet”"
        await ui.keys("backspace", *"xyz")
        assert rows(screen) == []
        assert "No notes match" in shown(screen, "#notes-preview")
        await ui.keys("escape")
        assert len(rows(screen)) == 3 and search.value == "" and not search.display
        assert isinstance(ui.screen, NotesScreen)  # the first escape only cleared the search
        await ui.keys("slash", *"cup", "enter")
        assert ui.app.focused is screen.query_one("#notes-list") and len(rows(screen)) == 1
        await ui.keys("escape")
        assert len(rows(screen)) == 3
        await ui.keys("escape")
        assert not isinstance(ui.screen, NotesScreen)


async def test_delete_asks_first_and_keeps_the_note_on_no(seen_store, run_app):
    notes = three_notes(seen_store)
    async with run_app(seen_store) as ui:
        screen = await open_notes(ui)
        await ui.keys("down", "d")
        assert isinstance(ui.screen, ConfirmScreen)
        await ui.keys("n")
        assert ui.screen is screen and len(rows(screen)) == 3
        await ui.keys("d", "y")
        assert ui.screen is screen
        assert len(rows(screen)) == 2
        assert screen.current is not None and screen.current.id == notes[0].id  # the next one down
    assert {n.id for n in seen_store.all(Note)} == {notes[0].id, notes[2].id}


async def test_notes_survive_a_restart(seen_store, run_app, data_dir, clock):
    async with run_app(seen_store) as ui:
        await open_notes(ui)
        await ui.keys("n", *"Kept across restarts", "ctrl+s")
    reopened = Store.open(data_dir, clock)
    async with run_app(reopened) as ui:
        screen = await open_notes(ui)
        assert rows(screen) == ["Mon 23 Nov 2026  Kept across restarts"]


async def test_an_unsaved_draft_is_kept_on_quit_and_offered_next_time(seen_store, run_app):
    async with run_app(seen_store) as ui:
        await open_notes(ui)
        await ui.keys("n", *"half a thought")
        ui.app.save_state()
    assert seen_store.all(Note) == []  # not saved as a note: kept as a draft
    async with run_app(seen_store) as ui:
        assert isinstance(ui.screen, DraftScreen)
        assert "a new note" in str(ui.screen.query_one("#draft-question").content)
        await ui.keys("escape")  # later: it stays kept ...
        await open_notes(ui)
        await ui.keys("n")  # ... and comes back when a new note is started
        assert isinstance(ui.screen, NoteEditorScreen)
        assert ui.screen.text == "half a thought"
        await ui.keys("ctrl+s")
    assert [n.text for n in seen_store.all(Note)] == ["half a thought"]
    assert seen_store.drafts() == []


def test_first_line_and_matching():
    assert first_line("\n\n  hello there \nsecond") == "hello there"
    assert first_line("x" * 80, 10) == "x" * 9 + "…"
    note = Note.new(now=datetime.now().astimezone(), text="Walk by the River")
    assert matches(note, "river walk") and not matches(note, "river run")
