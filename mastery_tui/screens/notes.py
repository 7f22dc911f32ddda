"""Notes (`j` from Home): free reflections about practising the skill, dated, editable and
searchable. The list is newest first; the highlighted note is shown in full below it.

The editor is a modal with a TextArea: ctrl+s saves, escape closes and asks first when there
are unsaved words. Notes are saved through ``persist(..., Change.NOTES)`` like every record.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Header, Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from ..commands import bindings, dialog_bindings
from ..domain.clock import parse_iso
from ..domain.errors import ValidationError
from ..domain.models import NOTE_MAX, Note
from ..messages import Change
from ..services import Services
from ..widgets.fields import TextField
from ..widgets.footer import Footer
from ..widgets.marked_list import MarkedOptionList
from .base import Refreshes
from .confirm import ConfirmScreen
from .editor import Editor

FIRST_LINE_CELLS = 56
EMPTY = (
    "No notes yet. A note can hold anything about your practice: what helps, what gets in "
    "the way, what you're quietly proud of. Press n to write one."
)


def first_line(text: str, width: int = FIRST_LINE_CELLS) -> str:
    """The first line with words in it, shortened with … to ``width`` characters."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


def matches(note: Note, query: str) -> bool:
    """Every word of the query appears in the note (case is ignored)."""
    text = note.text.casefold()
    return all(word in text for word in query.casefold().split())


def newest_first(notes: Sequence[Note]) -> list[Note]:
    return sorted(notes, key=lambda n: n.created, reverse=True)


class NoteList(MarkedOptionList):
    """The notes; j and k move like the arrows."""

    COMMAND_TABLE = "list_keys"
    BINDINGS = bindings(COMMAND_TABLE)


class NotesScreen(Refreshes, Screen[None]):
    SUB_TITLE = "Notes"

    COMMAND_TABLE = "notes"
    BINDINGS = bindings(COMMAND_TABLE)

    DEFAULT_CSS = """
    NotesScreen #notes-search { margin: 0 1; display: none; }
    NotesScreen.-searching #notes-search { display: block; }
    NotesScreen #notes-count { padding: 0 1; text-style: bold; }
    NotesScreen #notes-list { border: round $border-blurred; padding: 0; height: 1fr; }
    NotesScreen #notes-list:focus { border: heavy $border; }
    NotesScreen #notes-preview { height: auto; max-height: 9; padding: 0 1; }
    NotesScreen #notes-when { padding: 0 1; color: $text-muted; }
    NotesScreen.-empty #notes-preview { padding-top: 1; }
    """

    shows = frozenset({Change.NOTES})

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self._notes: list[Note] = []
        self._shown: list[Note] = []

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield TextField(placeholder="search: type words to find, escape clears", id="notes-search")
        yield Static(id="notes-count")
        yield NoteList(id="notes-list")
        yield Static(id="notes-when")
        yield Static(id="notes-preview")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self._list.focus()

    def refresh_data(self) -> None:
        self.reload()

    # -- what is shown -----------------------------------------------------------------------

    @property
    def _list(self) -> NoteList:
        return self.query_one("#notes-list", NoteList)

    @property
    def query_text(self) -> str:
        return self.query_one("#notes-search", Input).value.strip()

    @property
    def current(self) -> Note | None:
        option = self._list.highlighted_option
        return next((n for n in self._shown if option and n.id == option.id), None)

    def local(self, stamp: str) -> datetime:
        return parse_iso(stamp).astimezone(self.services.now().tzinfo)

    def reload(self, *, note_id: str | None = None) -> None:
        """Re-read the notes, filter them by the search, keep (or move to) the highlight."""
        keep = note_id or (self.current.id if self.current else None)
        self._notes = newest_first(self.services.store.all(Note))
        query = self.query_text
        self._shown = [n for n in self._notes if matches(n, query)] if query else list(self._notes)
        listing = self._list
        listing.set_marked_options(
            Option(
                Content.assemble((f"{self.local(n.created):%a %-d %b %Y}  ", "bold"), first_line(n.text)),
                id=n.id,
            )
            for n in self._shown
        )
        ids = [n.id for n in self._shown]
        listing.highlighted = ids.index(keep) if keep in ids else (0 if ids else None)
        listing.display = bool(self._shown)
        self.set_class(not self._shown, "-empty")
        if listing.display and self.focused is None:
            listing.focus()
        count = len(self._notes)
        noun = "note" if count == 1 else "notes"
        if query:
            head = Content.assemble(f"{len(self._shown)} of {count} {noun} match “", query, "”")
        else:
            head = Content(f"{count} {noun}, newest first" if count else "Notes")
        self.query_one("#notes-count", Static).update(head)
        self._show_current()

    @on(OptionList.OptionHighlighted, "#notes-list")
    def _show_current(self) -> None:
        note = self.current
        when = self.query_one("#notes-when", Static)
        preview = self.query_one("#notes-preview", Static)
        when.display = note is not None
        if note is None:
            if self._notes:
                preview.update(Content.assemble("No notes match “", self.query_text, "”. escape clears."))
            else:
                preview.update(Content(EMPTY))
        else:
            written = self.local(note.created)
            stamp = f"Written {written:%A %-d %B %Y, %H:%M}"
            if note.updated != note.created:
                stamp += f" · edited {self.local(note.updated):%-d %b %Y, %H:%M}"
            when.update(Content(stamp))
            preview.update(Content(note.text))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:  # the footer asks while the screen is still being built
            return True
        if action in ("edit", "delete"):
            return self.current is not None or None
        return True

    # -- actions -----------------------------------------------------------------------------

    async def _open_editor(self, note: Note | None) -> None:
        saved = await self.app.push_screen_wait(NoteEditorScreen(self.services, note))
        if saved is not None:  # the editor saved it
            if not matches(saved, self.query_text):
                self.query_one("#notes-search", Input).value = ""
                self.remove_class("-searching")
            self.reload(note_id=saved.id)
            self.notify("Note saved." if note is None else "Note updated.")

    @work(exclusive=True, group="notes")
    async def action_new(self) -> None:
        await self._open_editor(None)

    @on(OptionList.OptionSelected, "#notes-list")
    def _selected(self) -> None:
        self.action_edit()

    @work(exclusive=True, group="notes")
    async def action_edit(self) -> None:
        if self.current is not None:
            await self._open_editor(self.current)

    @work(exclusive=True, group="notes")
    async def action_delete(self) -> None:
        note = self.current
        if note is None:
            return
        message = Content.assemble(
            f"The note from {self.local(note.created):%a %-d %b %Y}, “", first_line(note.text, 40),
            "”, will be gone for good.",
        )
        ask = ConfirmScreen("Delete this note?", message, yes="Delete", no="Keep it")
        if not await self.app.push_screen_wait(ask):
            return
        if self.persist(lambda: self.services.store.delete(Note, note.id), Change.NOTES):
            index = self._shown.index(note) if note in self._shown else 0
            rest = [n for n in self._shown if n.id != note.id]
            self.reload(note_id=rest[min(index, len(rest) - 1)].id if rest else None)
            self.notify("Note deleted.")

    def action_search(self) -> None:
        self.add_class("-searching")
        self.query_one("#notes-search", Input).focus()

    @on(Input.Changed, "#notes-search")
    def _search_changed(self) -> None:
        self.reload()

    @on(Input.Submitted, "#notes-search")
    def _search_done(self) -> None:
        self._list.focus()

    def action_back(self) -> None:
        """Escape clears a search first, then goes back."""
        search = self.query_one("#notes-search", Input)
        if self.has_class("-searching") or search.value:
            search.value = ""
            self.remove_class("-searching")
            self._list.focus()
            self.reload()
            return
        self.dismiss(None)


class NoteEditorScreen(Editor, Refreshes, ModalScreen[Note | None]):
    """Write or change one note. Saves it (through ``persist``) and returns it, or None when
    left without saving; a hang-up keeps a draft (``Editor``), restored next time."""

    COMMAND_TABLE = "note_editor"
    BINDINGS = dialog_bindings(COMMAND_TABLE)

    DEFAULT_CSS = """
    NoteEditorScreen #note-box { width: 76; }
    NoteEditorScreen #note-text { height: 12; width: 100%; }
    """

    leave_detail = "The words you wrote here haven't been saved."

    def __init__(self, services: Services, note: Note | None = None) -> None:
        super().__init__()
        self.services = services
        self.note = note
        self.draft_key = f"note:{note.id}" if note else "note:new"
        self.draft_title = "changes to a note" if note else "a new note"
        self.draft_route = {"kind": "note", "note_id": note.id if note else None}

    def compose(self) -> ComposeResult:
        if self.note is None:
            title = "New note"
        else:
            created = parse_iso(self.note.created).astimezone(self.services.now().tzinfo)
            title = f"Note from {created:%a %-d %b %Y}"
        with Vertical(id="note-box", classes="dialog"):
            yield Static(Content(title), classes="dialog-title")
            yield TextArea(
                self.note.text if self.note else "",
                id="note-text",
                soft_wrap=True,
                tab_behavior="focus",
                placeholder="What did you notice, learn or prove to yourself?",
            )
            yield Static(id="note-error", classes="form-error")
            yield Static(Content("ctrl+s saves · escape closes"), classes="dialog-hint")
        yield Footer()

    def on_mount(self) -> None:
        area = self.query_one("#note-text", TextArea)
        if self.app.is_headless:
            area.cursor_blink = False
        self.start_editing()
        area.move_cursor(area.document.end)
        area.focus()

    def form_values(self) -> dict[str, str]:
        return {"text": self.text}

    def fill(self, values: dict[str, str]) -> None:
        if isinstance(values.get("text"), str):
            self.query_one("#note-text", TextArea).text = values["text"]

    @property
    def text(self) -> str:
        return self.query_one("#note-text", TextArea).text

    @property
    def changed(self) -> bool:
        return self.text.strip() != (self.note.text if self.note else "")

    def build_note(self) -> Note:
        """The note as written; ValidationError when it is empty or too long."""
        now = self.services.now()
        if self.note is None:
            return Note.new(now=now, text=self.text)
        return self.note.edit(now=now, text=self.text)

    def action_save(self) -> None:
        if self.note is not None and not self.changed:
            self.finished_editing()
            self.dismiss(None)
            return
        try:
            note = self.build_note()
        except ValidationError as error:
            message = error.message
            if len(self.text) > NOTE_MAX:
                message = f"{message} ({len(self.text) - NOTE_MAX} over)"
            self.query_one("#note-error", Static).update(Content(message))
            return
        if not self.persist(lambda: self.services.store.save(note), Change.NOTES):
            return  # the error was shown; the words stay here
        self.finished_editing()
        self.dismiss(note)
