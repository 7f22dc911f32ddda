"""MarkedOptionList: an OptionList whose highlighted option also carries a ▸ mark.

The highlight of a plain OptionList is a background colour only; with NO_COLOR and an ANSI
theme it disappears. The mark keeps the current item visible in any terminal. A prompt that
wraps keeps its indent under the mark (a hanging indent), so a long title never runs back to
the list's left edge.
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
            shown: Content | Marked = prompt if option.disabled else Marked(BLANK, prompt)
            built.append(Option(shown, id=option.id, disabled=option.disabled))
        self._marked = None
        self.set_options(built)

    def mark_prompt(self, index: int, mark: str) -> None:
        """Show option ``index`` with ``mark`` (MARK or BLANK) before its plain prompt."""
        self.replace_option_prompt_at_index(index, Marked(mark, self._plain[index]))

    def watch_highlighted(self, highlighted: int | None) -> None:
        if self._marked is not None and self._marked < len(self._plain):
            if self._marked != highlighted and not self.options[self._marked].disabled:
                self.mark_prompt(self._marked, BLANK)
        if highlighted is not None and highlighted < len(self._plain):
            if not self.options[highlighted].disabled:
                self.mark_prompt(highlighted, MARK)
        self._marked = highlighted
        super().watch_highlighted(highlighted)
