"""A command: one row of the table every key of mastery is generated from."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # the table is read without Textual too (mastery keys, the man page)
    from textual.binding import Binding

_GROUPS: dict[str, Binding.Group] = {}


class Command(NamedTuple):
    """(A NamedTuple, not a frozen dataclass: some 250 of them are built at start-up.)"""

    key: str  # Textual key names, comma-separated ("n,escape"); "" for the palette only
    action: str  # "save", "app.log", "screen.new_task", "step(10)"
    word: str  # what the footer shows
    title: str = ""  # the palette's title ("" = the word)
    help: str = ""  # one line for the palette and the Help page
    id: str = ""  # the binding id, for a user's key map ("" = none)
    show: bool = True  # in the footer
    key_display: str | None = None
    priority: bool = False
    palette: bool = True  # offered in the command palette
    grid: str = ""  # Home's key grid lists it with this label
    group: str = ""  # keys shown together in the footer (a compact Binding.Group of this name)
    help_key: str = ""  # how Help writes the key when one row stands for many ("0-9")
    bind: bool = True  # False: Textual's own key, listed in Help only (ctrl+p, tab)
    essential: bool = False  # stays in a footer too narrow for every key (to finish or leave)

    @property
    def palette_title(self) -> str:
        return self.title or self.word

    def binding(self) -> Binding:
        from textual.binding import Binding

        group = None
        if self.group:
            group = _GROUPS.setdefault(self.group, Binding.Group(self.group, compact=True))
        return Binding(
            self.key,
            self.action,
            self.word,
            show=self.show,
            key_display=self.key_display,
            priority=self.priority,
            id=self.id or None,
            tooltip=self.help,
            group=group,
        )


def C(
    key: str, action: str, word: str, help: str = "", **options: object
) -> Command:
    return Command(key, action, word, help=help, **options)  # type: ignore[arg-type]


def normal_key(key: str) -> str:
    """A key as Textual names it when it checks bindings: "?" is "question_mark", "F1" "f1"."""
    from .keynames import key_name

    return key_name(key) or key.strip()
