"""WeekStrip: the seven days of a 7-day plan on one line, " T✓  W◐  T–  F✓ [S…] S·  M· ".

The state of each day is its shape (see ``domain.week.SHAPES``), so the strip reads without
colour; colour only adds to it: a day practised with its completion not rated is "•"
(explained in the legend as "practised (not rated)"). Today is in brackets and bold. An
optional second line is the legend, wrapped at ``LEGEND_WIDTH``. Build it with the cells from
``domain.week.week_cells`` and call ``show`` when they change.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from ..domain.week import DayCell, DayState, cell_text, legend_states, legend_text
from .style import ComponentStyle

LEGEND_WIDTH = 76  # the legend wraps between items, so it fits an 80-column screen
_CLASSES = {state: f"week-strip--{state.name.lower().replace('_', '-')}" for state in DayState}


class WeekStrip(ComponentStyle):
    """``cells``: the seven DayCells; ``legend``: add a line explaining the shapes."""

    COMPONENT_CLASSES = {*_CLASSES.values(), "week-strip--legend"}

    DEFAULT_CSS = """
    WeekStrip {
        height: auto;
        width: auto;
        & > .week-strip--done { color: $success; }
        & > .week-strip--partly { color: $accent; }
        & > .week-strip--not-this-time { color: $warning; }
        & > .week-strip--practised { color: $foreground; }
        & > .week-strip--not-today { color: $foreground 60%; }
        & > .week-strip--skipped { color: $foreground 60%; }
        & > .week-strip--today { text-style: bold; }
        & > .week-strip--upcoming { color: $foreground 60%; }
        & > .week-strip--legend { color: $foreground 60%; }
    }
    """

    def __init__(
        self,
        cells: Sequence[DayCell] = (),
        *,
        legend: bool = False,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._cells = tuple(cells)
        self._legend = legend

    @property
    def cells(self) -> tuple[DayCell, ...]:
        return self._cells

    def show(self, cells: Sequence[DayCell]) -> None:
        """Show new cells (after a practice was saved, or on a new day)."""
        self._cells = tuple(cells)
        self.refresh(layout=True)

    @property
    def plain(self) -> str:
        """The strip (and legend) as plain text, as a screen reader or a test sees it."""
        return str(self.render())

    def render(self) -> Content:
        style = self.component_style
        parts = []
        for cell in self._cells:
            text = Content(cell_text(cell)).stylize(style(_CLASSES[cell.state]))
            if cell.is_today:
                text = text.stylize("bold")
            parts.append(text)
        strip = Content("").join(parts)
        if not self._legend:
            return strip
        legend = legend_text(legend_states(self._cells), width=LEGEND_WIDTH)
        return Content("\n").join([strip, Content.styled(legend, style("week-strip--legend"))])
