"""Trends (`t` from Home): four charts over a range, and what builds mastery for me.

One chart at a time so each reads at 80x24: mood and confidence before vs after, felt
difficulty, completions. ←→ (or 1-4) switch chart, r cycles the range (7 days … all), m shows
the mastery table, escape goes back. The practices of a range are read in a worker thread
(ten years of history take most of a second) and each range is computed once until the data
changes. plotext loads with this module, which the app imports when the screen opens.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Header, Static

from ..charts import empty_text, older_than_range, read_practices
from ..commands import bindings
from ..domain import mastery
from ..domain.history import RANGES
from ..domain.trends import CHARTS, Chart, Trends, trends
from ..messages import Change
from ..services import Services
from ..store import StoreError
from ..widgets.footer import Footer
from ..widgets.trend_plot import TrendPlot, legend
from .base import Refreshes

View = Literal["charts", "table"]
RANGE_NAMES: tuple[str, ...] = tuple(RANGES)
DEFAULT_RANGE = "30d"
TABLE_WIDTH = 76
KEYS_HINT = "←→ or 1-4 chart · r range · m mastery table"
TABLE_HINT = "↑↓ scroll · ←→ or 1-4 chart · r range"
HOW_TO_RECORD = "To record a practice: escape, then n (Do it now). Each one adds a point."
RANGES_TEXT = {
    "7d": "the last 7 days",
    "30d": "the last 30 days",
    "90d": "the last 90 days",
    "1y": "the last year",
    "all": "all your history",
}


class TrendsScreen(Refreshes, Screen[None]):
    SUB_TITLE = "Trends"

    COMMAND_TABLE = "trends"
    BINDINGS = bindings(COMMAND_TABLE)

    DEFAULT_CSS = """
    TrendsScreen #trends-title { height: 1; padding: 0 1; text-style: bold; }
    TrendsScreen #trends-body { height: 1fr; }
    TrendsScreen #trends-empty { padding: 1 2; }
    TrendsScreen #trends-table { padding: 0 1; }
    TrendsScreen #trends-legend { height: 1; padding: 0 1; }
    """

    shows = frozenset({Change.PRACTICES, Change.TASKS, Change.AREAS})

    def __init__(
        self, services: Services, *, range_name: str = DEFAULT_RANGE, chart: Chart = Chart.MOOD
    ) -> None:
        super().__init__()
        self.services = services
        self.range_name = range_name
        self.chart = chart
        self.view: View = "charts"
        self.data: Trends | None = None
        self.table: mastery.MasteryTable | None = None
        self._computed: dict[str, tuple[Trends, mastery.MasteryTable, bool]] = {}
        self.older = False  # practices before the range: a longer range would show more

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield Static(id="trends-title", markup=False)
        with ContentSwitcher(initial="trends-plot", id="trends-body"):
            yield TrendPlot(id="trends-plot")
            with VerticalScroll(id="trends-table", can_focus=False):
                yield Static(id="trends-table-text", markup=False)
            yield Static(id="trends-empty", markup=False)
        yield Static(id="trends-legend", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    def refresh_data(self) -> None:
        self._computed.clear()
        self.load()

    # -- reading -----------------------------------------------------------------------------

    def load(self) -> None:
        """Show the current range: at once if computed, else after the worker has read it."""
        done = self._computed.get(self.range_name)
        if done is not None:
            self.data, self.table, self.older = done
            self.refresh_view()
            return
        self.data = self.table = None
        self.query_one("#trends-title", Static).update(
            Content(f"Reading {RANGES_TEXT[self.range_name]}…")
        )
        self._read(self.range_name)

    @work(thread=True, exclusive=True, group="trends")
    def _read(self, range_name: str) -> None:
        store, clock = self.services.store, self.services.clock
        try:
            practices = read_practices(store, clock, range_name)
            tasks = store.tasks(include_archived=True)
            areas = store.areas(include_archived=True)
            now = clock.now()
            data = trends(practices, now.tzinfo, range_name, now.date())
            older = data.empty and older_than_range(store, clock, range_name)
        except StoreError as error:
            self._from_thread(self._unreadable, range_name, str(error))
            return
        table = mastery.mastery_table(practices, tasks=tasks, areas=areas)
        self._from_thread(self._arrived, range_name, data, table, older)

    def _from_thread(self, callback: Callable[..., None], *args: object) -> None:
        try:
            self.app.call_from_thread(callback, *args)
        except RuntimeError:  # the app closed while the history was being read
            pass

    def _unreadable(self, range_name: str, message: str) -> None:
        if range_name == self.range_name:
            self.query_one("#trends-title", Static).update(
                Content(f"Couldn't read {RANGES_TEXT[range_name]}.")
            )
            self.query_one("#trends-empty", Static).update(
                Content(f"{message}\n\nPress r for another range, or escape to go back.")
            )
            self.query_one("#trends-body", ContentSwitcher).current = "trends-empty"
            self.query_one("#trends-legend", Static).update(Content(KEYS_HINT))
        self.app.notify(message, title="Couldn't read", severity="error", timeout=10)

    def _arrived(self, range_name: str, data: Trends, table: mastery.MasteryTable, older: bool) -> None:
        self._computed[range_name] = (data, table, older)
        if range_name == self.range_name:
            self.data, self.table, self.older = data, table, older
            self.refresh_view()

    # -- showing -----------------------------------------------------------------------------

    def refresh_view(self) -> None:
        data = self.data
        if data is None:
            return
        title = self.query_one("#trends-title", Static)
        scroll = self.query_one("#trends-table", VerticalScroll)
        scroll.can_focus = self.view == "table" and not data.empty
        if not scroll.can_focus:
            self.set_focus(None)
        legend_line = self.query_one("#trends-legend", Static)
        switcher = self.query_one("#trends-body", ContentSwitcher)
        if data.empty:
            what = "Mastery table" if self.view == "table" else self.chart.title
            title.update(Content(f"{what} · {data.range_label}"))
            more = " Press r for a longer range." if self.older else ""
            empty = empty_text(data, how_to_record=HOW_TO_RECORD + more, older=self.older)
            self.query_one("#trends-empty", Static).update(Content(empty))
            legend_line.update(Content(KEYS_HINT))
            switcher.current = "trends-empty"
        elif self.view == "table" and self.table is not None:
            title.update(
                Content(f"What builds mastery for me · {data.range_label} · strongest first")
            )
            text = mastery.table_text(self.table, width=TABLE_WIDTH)
            self.query_one("#trends-table-text", Static).update(Content(text))
            legend_line.update(Content(f"{data.practices} practices · {TABLE_HINT}"))
            switcher.current = "trends-table"
            scroll.focus()
        else:
            number = CHARTS.index(self.chart) + 1
            title.update(Content(f"{number}/{len(CHARTS)} {data.describe(self.chart)}"))
            legend_line.update(legend(data, self.chart))
            switcher.current = "trends-plot"
            self.query_one("#trends-plot", TrendPlot).show(data, self.chart)
        self.refresh_bindings()

    # -- keys --------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """m says "Mastery table" on the charts and "Charts" on the table."""
        if action == "view":
            return parameters[0] != self.view
        return True

    def action_step_chart(self, step: int) -> None:
        if self.view == "charts":
            self.chart = CHARTS[(CHARTS.index(self.chart) + step) % len(CHARTS)]
        self.view = "charts"
        self.refresh_view()

    def action_chart(self, name: str) -> None:
        self.chart = Chart(name)
        self.view = "charts"
        self.refresh_view()

    def action_step_range(self, step: int) -> None:
        index = RANGE_NAMES.index(self.range_name)
        self.range_name = RANGE_NAMES[(index + step) % len(RANGE_NAMES)]
        self.load()

    def action_view(self, view: View) -> None:
        self.view = view
        self.refresh_view()

    def action_back(self) -> None:
        self.dismiss(None)
