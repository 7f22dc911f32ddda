"""Support: F1 from every screen and dialog, text fields included (``?`` too where no text
field has focus). The safety note, the people the person wrote in, where to find a helpline.
Escape returns to exactly where they were; nothing there is lost or closed."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Header, Input, Static

from ..commands import bindings, dialog_bindings
from ..domain import support, words
from ..domain.errors import ValidationError
from ..messages import Change
from ..services import Services
from ..widgets.fields import FieldLabel, FieldRow, TextField
from ..widgets.footer import Footer
from .base import Refreshes
from .editor import Editor


def contacts_of(services: Services) -> list[str]:
    return support.stored_contacts(services.store.setting(support.SETTING, []))


class SupportScreen(Refreshes, Screen[None]):
    """The page F1 opens."""

    SUB_TITLE = support.TITLE
    PAGE = True  # a page to read: F1 or h may close it to bring another back (app._open)
    IS_SUPPORT = True  # the app's F1 and ? do nothing here
    COMMAND_TABLE = "support"
    BINDINGS = bindings(COMMAND_TABLE)
    shows = frozenset({Change.SETTINGS})

    DEFAULT_CSS = """
    SupportScreen #support-body { align-horizontal: center; }
    SupportScreen #support { width: 100%; max-width: 76; height: auto; padding: 1 2; }
    SupportScreen #support > .section:first-child { margin-top: 0; }
    SupportScreen #support-contacts { padding-left: 2; }
    """

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with VerticalScroll(id="support-body"):
            with Vertical(id="support"):
                yield Static(Content(support.CONTACTS_HEADING), classes="section")
                yield Static(id="support-contacts")
                yield Static(Content("Help nearby"), classes="section")
                yield Static(Content(support.HELPLINES), id="support-helplines")
                yield Static(Content(support.EMERGENCY), id="support-emergency")
                yield Static(Content("Please keep in mind"), classes="section")
                yield Static(Content(words.SAFETY_NOTE), id="support-safety", classes="safety")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_data()
        self.query_one("#support-body", VerticalScroll).focus()

    def refresh_data(self) -> None:
        people = contacts_of(self.services)
        text = "\n".join(f"• {line}" for line in people) if people else support.NO_CONTACTS
        self.query_one("#support-contacts", Static).update(Content(text))

    @work(exclusive=True, group="support-edit")
    async def action_edit(self) -> None:
        lines = await self.app.push_screen_wait(
            ContactsScreen(self.services, contacts_of(self.services))
        )
        if lines is not None:
            store = self.services.store
            self.persist(lambda: store.set_setting(support.SETTING, lines), Change.SETTINGS)

    def action_scroll(self, lines: int) -> None:
        self.query_one("#support-body", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)


class ContactsScreen(Editor, ModalScreen[list[str] | None]):
    """Up to three lines, written by the person; kept on this computer only."""

    COMMAND_TABLE = "contacts"
    BINDINGS = dialog_bindings(COMMAND_TABLE)
    draft_key = "support:contacts"
    draft_title = "your support list"
    draft_route = {"kind": "support"}

    DEFAULT_CSS = """
    ContactsScreen #contacts-box { width: 72; }
    """

    def __init__(self, services: Services, lines: list[str]) -> None:
        super().__init__()
        self.services = services
        self._lines = [*lines, "", "", ""][: support.MAX_CONTACTS]

    def compose(self) -> ComposeResult:
        with Vertical(id="contacts-box", classes="dialog"):
            yield Static(Content("Your people"), classes="dialog-title")
            yield Static(Content("Who can you reach when things feel heavy? Only you see this."))
            for number, line in enumerate(self._lines, 1):
                with FieldRow():
                    yield FieldLabel(Content(f"{number}."))
                    yield TextField(
                        line,
                        id=f"contact-{number}",
                        max_length=support.CONTACT_MAX,
                        placeholder=support.CONTACT_HINT if number == 1 else "",
                    )
            yield Static(id="contacts-error", classes="form-error")
            yield Static(Content("ctrl+s saves · escape cancels"), classes="dialog-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#contact-1", Input).focus()
        self.start_editing()

    def _inputs(self) -> list[Input]:
        return [self.query_one(f"#contact-{n}", Input) for n in range(1, support.MAX_CONTACTS + 1)]

    def form_values(self) -> list[str]:
        return [field.value for field in self._inputs()]

    def fill(self, values: list[str]) -> None:
        for field, value in zip(self._inputs(), [*values, "", "", ""], strict=False):
            field.value = str(value)

    @on(Input.Submitted)
    def _next_or_save(self, event: Input.Submitted) -> None:
        fields = self._inputs()
        if event.input is fields[-1]:
            self.action_save()
        else:
            fields[fields.index(event.input) + 1].focus()

    def action_save(self) -> None:
        try:
            lines = support.clean_contacts(self.form_values())
        except ValidationError as error:
            self.query_one("#contacts-error", Static).update(Content(error.message))
            return
        self.finished_editing()
        self.dismiss(lines)
