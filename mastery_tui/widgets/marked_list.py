"""MarkedOptionList: an OptionList whose highlighted option also carries a ▸ mark.

The highlight of a plain OptionList is a background colour only; with NO_COLOR and an ANSI
theme it disappears. The mark keeps the current item visible in any terminal.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

MARK = "▸ "
BLANK = "  "


class MarkedOptionList(OptionList):
    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self._plain: list[Content] = []
        self._marked: int | None = None

    def set_marked_options(self, options: Iterable[Option]) -> None:
        """Set options whose prompts are Content; enabled ones get room for the mark."""
        built: list[Option] = []
        self._plain = []
        for option in options:
            prompt = option.prompt if isinstance(option.prompt, Content) else Content(str(option.prompt))
            self._plain.append(prompt)
            shown = prompt if option.disabled else Content(BLANK) + prompt
            built.append(Option(shown, id=option.id, disabled=option.disabled))
        self._marked = None
        self.set_options(built)

    def watch_highlighted(self, highlighted: int | None) -> None:
        if self._marked is not None and self._marked < len(self._plain):
            if self._marked != highlighted and not self.options[self._marked].disabled:
                self.replace_option_prompt_at_index(self._marked, Content(BLANK) + self._plain[self._marked])
        if highlighted is not None and highlighted < len(self._plain):
            if not self.options[highlighted].disabled:
                self.replace_option_prompt_at_index(highlighted, Content(MARK) + self._plain[highlighted])
        self._marked = highlighted
        super().watch_highlighted(highlighted)
