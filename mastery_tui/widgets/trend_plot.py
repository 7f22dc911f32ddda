"""A plotext chart of one trend (textual-plotext), and its legend as text.

Imported only by the trends screen, which the app imports when ``t`` is pressed: plotext and
textual-plotext never load at start-up.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual_plotext import PlotextPlot

from ..charts import draw_chart, legend_items
from ..domain.trends import Chart, Trends


class TrendPlot(PlotextPlot):
    """Draws one chart of a ``Trends``; plotext rebuilds it at the widget's size on render."""

    DEFAULT_CSS = """
    TrendPlot { height: 1fr; width: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.data: Trends | None = None
        self.chart: Chart | None = None

    def show(self, data: Trends, chart: Chart) -> None:
        self.data, self.chart = data, chart
        draw_chart(self.plt, data, chart, width=self.size.width or 80)
        self.refresh()

    def on_resize(self) -> None:
        """Space the date labels for the new width."""
        if self.data is not None and self.chart is not None:
            self.show(self.data, self.chart)


def legend(data: Trends, chart: Chart) -> Content:
    """e.g. "● after   ○ before", each marker in its series' colour (plotext's own colour
    codes, so they match the chart; NO_COLOR leaves the shapes)."""
    from plotext import colorize

    parts: list[Content] = []
    for index, (marker, label, colour) in enumerate(legend_items(data, chart)):
        if index:
            parts.append(Content("   "))
        parts.append(Content.from_rich_text(Text.from_ansi(colorize(marker, colour))))
        parts.append(Content(f" {label}"))
    return Content("").join(parts)
