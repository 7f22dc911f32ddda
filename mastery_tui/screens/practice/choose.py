"""Choosing what to practise: today's planned tasks first, then any task (type to filter),
or a quick task with just a title and minutes."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...commands import dialog_bindings
from ...domain.errors import ValidationError
from ...domain.models import MINUTES_MAX, TITLE_MAX, Task
from ...domain.reflect import resistance_prompt
from ...domain.text import clean_text
from ...widgets.footer import Footer
from ...widgets.marked_list import MarkedOptionList
from ..editor import Editor

QUICK = "__quick__"


@dataclass(frozen=True)
class QuickTask:
    title: str
    minutes: int


class ChooseTaskScreen(ModalScreen[Task | QuickTask | None]):
    """Type to filter; ↑/↓ to move; enter to start; ctrl+n for a quick task."""

    COMMAND_TABLE = "choose"
    BINDINGS = dialog_bindings(COMMAND_TABLE)

    DEFAULT_CSS = """
    ChooseTaskScreen OptionList { height: auto; max-height: 12; }
    """

    def __init__(self, planned: list[Task], others: list[Task]) -> None:
        super().__init__()
        self._planned = planned
        self._others = others

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content("What will you do now?"), classes="dialog-title")
            yield Input(placeholder="Type to filter your tasks", id="choose-filter")
            yield MarkedOptionList(id="choose-list")
            yield Static(id="choose-prompt", classes="muted")
            yield Static(
                Content.assemble(
                    ("enter", "bold"), " start  ", ("↑/↓", "bold"), " move  ",
                    ("ctrl+n", "bold"), " quick task  ", ("ctrl+r", "bold"), " stuck?  ",
                    ("escape", "bold"), " back",
                ),
                classes="dialog-hint",
            )
        yield Footer()

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#choose-filter", Input).focus()
        self.query_one("#choose-prompt", Static).display = False

    _prompt_index = -1

    def action_resist(self) -> None:
        """ctrl+r: a short prompt for the moment it's hard to start (another each press)."""
        self._prompt_index += 1
        prompt = self.query_one("#choose-prompt", Static)
        prompt.update(Content(resistance_prompt(self._prompt_index)))
        prompt.display = True

    def _fill(self, text: str) -> None:
        needle = text.casefold().strip()
        options = self.query_one("#choose-list", MarkedOptionList)

        def matches(task: Task) -> bool:
            return not needle or needle in task.title.casefold()

        def row(task: Task) -> Option:
            return Option(Content(f"{task.title} · {task.minutes} min"), id=task.id)

        planned = [t for t in self._planned if matches(t)]
        others = [t for t in self._others if matches(t)]
        rows: list[Option] = []
        if planned:
            rows.append(Option(Content.styled("Planned for today", "bold"), disabled=True))
            rows.extend(row(t) for t in planned)
        if others:
            rows.append(Option(Content.styled("Other tasks", "bold"), disabled=True))
            rows.extend(row(t) for t in others)
        rows.append(Option(Content("+ A quick task: just a title and minutes"), id=QUICK))
        options.set_marked_options(rows)
        options.highlighted = next(
            (i for i in range(options.option_count) if not options.get_option_at_index(i).disabled), None
        )

    @on(Input.Changed, "#choose-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#choose-filter")
    def _submit(self) -> None:
        options = self.query_one("#choose-list", OptionList)
        if options.highlighted is not None:
            self._pick(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected, "#choose-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._pick(event.option.id)

    def _pick(self, option_id: str | None) -> None:
        if option_id == QUICK:
            self.action_quick()
            return
        for task in (*self._planned, *self._others):
            if task.id == option_id:
                self.dismiss(task)
                return

    def action_move(self, step: int) -> None:
        options = self.query_one("#choose-list", OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    @work(exclusive=True, group="choose")
    async def action_quick(self) -> None:
        quick = await self.app.push_screen_wait(QuickTaskScreen())
        if quick is not None:
            self.dismiss(quick)

    def action_cancel(self) -> None:
        self.dismiss(None)


class QuickTaskScreen(Editor, ModalScreen[QuickTask | None]):
    """A title and minutes; enter on the minutes starts. Escape after typing asks first."""

    COMMAND_TABLE = "quick"
    BINDINGS = dialog_bindings(COMMAND_TABLE)

    def __init__(self, title: str = "", minutes: int = 10) -> None:
        super().__init__()
        self._title = title
        self._minutes = minutes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content("A quick task"), classes="dialog-title")
            yield Static(Content("What will you do?"))
            yield Input(self._title, placeholder="e.g. Answer one message", id="quick-title", max_length=TITLE_MAX)
            yield Static(Content("How many minutes?"))
            yield Input(str(self._minutes), type="integer", id="quick-minutes", max_length=3)
            yield Static(id="quick-error", classes="error")
            yield Static(
                Content.assemble(("enter", "bold"), " start   ", ("escape", "bold"), " back"),
                classes="dialog-hint",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#quick-title", Input).focus()
        self.start_editing()

    def form_values(self) -> list[str]:
        return [self.query_one(f"#quick-{name}", Input).value for name in ("title", "minutes")]

    def _clean_title(self) -> str | None:
        """The cleaned title, or None after showing why it won't do."""
        try:
            return clean_text(
                self.query_one("#quick-title", Input).value,
                field="title", label="The task", min_len=1, max_len=TITLE_MAX,
            )
        except ValidationError as problem:
            self.query_one("#quick-error", Static).update(Content(problem.message))
            self.query_one("#quick-title", Input).focus()
            return None

    @on(Input.Submitted, "#quick-title")
    def _next(self) -> None:
        if self._clean_title() is not None:
            self.query_one("#quick-error", Static).update("")
            self.query_one("#quick-minutes", Input).focus()

    @on(Input.Submitted, "#quick-minutes")
    def _start(self) -> None:
        error = self.query_one("#quick-error", Static)
        title = self._clean_title()
        if title is None:
            return
        text = self.query_one("#quick-minutes", Input).value.strip()
        if not text.isdigit() or not 1 <= int(text) <= MINUTES_MAX:
            error.update(Content(f"Minutes: a whole number from 1 to {MINUTES_MAX}."))
            return
        self.finished_editing()
        self.dismiss(QuickTask(title, int(text)))
