"""MarkedOptionList: an OptionList whose highlighted option also carries a ▸ mark.

The highlight of a plain OptionList is a background colour only; with NO_COLOR and an ANSI
theme it disappears. The mark keeps the current item visible in any terminal. A prompt that
wraps keeps its indent under the mark (a hanging indent), so a long title never runs back to
the list's left edge.

Where two lists (or a list and a text field) share a screen, a mark on each would leave the
reader guessing which one space or enter acts on: such a list passes ``mark_when_blurred=False``
and shows its mark only while it has focus. A list that stays the answer to enter while the
focus sits in a search field above it (the example library, the practice chooser) keeps the
default and marks its current row all the time.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.segment import Segment
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option

MARK = "▸ "
BLANK = "  "


class Marked(Visual):
    """A prompt behind a two-cell mark; every wrapped line keeps the indent.

    ``str()`` reads like the text on screen ("▸ Walk" / "  Walk")."""

    def __init__(self, mark: str, prompt: Content) -> None:
        self.mark = mark
        self.prompt = prompt

    def __str__(self) -> str:
        return self.mark + str(self.prompt)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return len(self.mark) + self.prompt.get_optimal_width(rules, container_width - len(self.mark))

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.prompt.get_height(rules, max(1, width - len(self.mark)))

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        cells = len(self.mark)
        strips = self.prompt.render_strips(max(1, width - cells), height, style, options)
        rich_style = style.rich_style
        return [
            Strip.join([Strip([Segment(self.mark if i == 0 else BLANK, rich_style)], cells), strip])
            for i, strip in enumerate(strips)
        ]


class MarkedOptionList(OptionList):
    """An OptionList whose current row reads "▸ ..." (``mark_when_blurred``: also without focus)."""

    def __init__(
        self, *, id: str | None = None, classes: str | None = None, mark_when_blurred: bool = True
    ) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.mark_when_blurred = mark_when_blurred
        self._plain: list[Content] = []
        self._marked: int | None = None

    def set_marked_options(self, options: Iterable[Option]) -> None:
        """Set options whose prompts are Content; enabled ones get room for the mark."""
        built: list[Option] = []
        self._plain = []
        for option in options:
            prompt = option.prompt if isinstance(option.prompt, Content) else Content(str(option.prompt))
            self._plain.append(prompt)
            shown: Content | Marked = prompt if option.disabled else Marked(BLANK, prompt)
            built.append(Option(shown, id=option.id, disabled=option.disabled))
        self._marked = None
        self.set_options(built)

    def mark_prompt(self, index: int, mark: str) -> None:
        """Show option ``index`` with ``mark`` (MARK or BLANK) before its plain prompt."""
        self.replace_option_prompt_at_index(index, Marked(mark, self._plain[index]))

    def mark_for(self, index: int) -> str:
        """The mark option ``index`` should carry now: MARK on the current row, when shown."""
        shown = self.mark_when_blurred or self.has_focus
        return MARK if shown and index == self.highlighted else BLANK

    def watch_highlighted(self, highlighted: int | None) -> None:
        if self._marked is not None and self._marked < len(self._plain):
            if self._marked != highlighted and not self.options[self._marked].disabled:
                self.mark_prompt(self._marked, BLANK)
        self._remark(highlighted)
        self._marked = highlighted
        super().watch_highlighted(highlighted)

    def _remark(self, index: int | None) -> None:
        if index is not None and index < len(self._plain) and not self.options[index].disabled:
            self.mark_prompt(index, self.mark_for(index))

    def watch_has_focus(self, has_focus: bool) -> None:
        super().watch_has_focus(has_focus)
        if not self.mark_when_blurred:
            self._remark(self.highlighted)
