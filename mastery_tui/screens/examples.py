"""ExamplesScreen: the example library, searchable by typing.

The search field keeps the focus; up/down (and page up/down) move through the list, enter
picks. Returns the chosen Example (the caller opens it in the add form) or None.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ..commands import dialog_bindings
from ..domain.examples import Example, grouped, ordered_examples, search_examples
from ..widgets.fields import FieldLabel, FieldRow, TextField
from ..widgets.footer import Footer
from ..widgets.marked_list import MarkedOptionList


class ExamplesScreen(ModalScreen[Example | None]):
    COMMAND_TABLE = "examples"
    BINDINGS = dialog_bindings(COMMAND_TABLE)

    DEFAULT_CSS = """
    ExamplesScreen #examples-box { width: 76; height: 100%; }
    ExamplesScreen #examples-list { height: 1fr; border: round $border-blurred; padding: 0; }
    ExamplesScreen #examples-list:focus { border: heavy $border; }
    ExamplesScreen #examples-list > .option-list--option-disabled { color: $foreground; text-style: bold underline; }
    """

    def __init__(self, *, area_id: str | None = None) -> None:
        super().__init__()
        self._all = ordered_examples(area_id)
        self._shown: list[Example] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="examples-box", classes="dialog"):
            yield Static(Content("Example library"), classes="dialog-title")
            with FieldRow():
                yield FieldLabel(Content("Search"))
                yield TextField(id="examples-search", placeholder="type to search, e.g. dishes")
            yield MarkedOptionList(id="examples-list")
            yield Static(
                Content("↑↓ choose · enter: open it in the form to make it yours · escape: close"),
                classes="dialog-hint",
            )
        yield Footer()

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#examples-search", Input).focus()

    @on(Input.Changed, "#examples-search")
    def _search(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def _fill(self, query: str) -> None:
        found = search_examples(query, self._all)
        self._shown = found
        options: list[Option] = []
        index = -1
        for label, examples in grouped(found):
            options.append(Option(Content(label), disabled=True))
            for example in examples:
                index += 1
                meta = f"  {example.minutes} min · {example.difficulty}"
                prompt = Content.assemble(example.title, (meta, "dim"))
                options.append(Option(prompt, id=f"example-{index}"))
        if not options:
            options.append(Option(Content("Nothing matches. Try one word, like “walk”."), disabled=True))
        listing = self.query_one("#examples-list", MarkedOptionList)
        listing.set_marked_options(options)
        listing.action_first()

    def action_move(self, how: str) -> None:
        listing = self.query_one("#examples-list", OptionList)
        getattr(listing, f"action_{how}")()

    def _chosen(self) -> Example | None:
        option = self.query_one("#examples-list", OptionList).highlighted_option
        if option is None or option.id is None or option.disabled:
            return None
        return self._shown[int(option.id.removeprefix("example-"))]

    @on(Input.Submitted, "#examples-search")
    @on(OptionList.OptionSelected, "#examples-list")
    def action_choose(self) -> None:
        example = self._chosen()
        if example is not None:
            self.dismiss(example)

    def action_cancel(self) -> None:
        self.dismiss(None)

