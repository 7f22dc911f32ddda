"""The log (`l` from Home): the worksheet, one row a practice, newest first.

Filter by life area (a) and dates (r), sort by a column (s; o flips it), type to search
titles, reflections and notes (/). Enter opens a practice in full, where it can be edited;
d deletes after asking; e exports the current date range.

Reading 20,000 practices costs the store most of a second, so the log paints at once, shows
the last two months' practices first and the rest when they're read (in a thread). The table
holds the first ROW_LIMIT rows (m shows more): a DataTable of thousands of rows is slow to
build, and filtering narrows better than scrolling.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta, tzinfo
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static
from textual.worker import get_current_worker

from ..commands import bindings, key_of
from ..domain import logbook as lb
from ..domain.history import local_start, range_since
from ..domain.logbook import Entry, LogFilter
from ..domain.models import Area, Practice, completion_label
from ..messages import Change
from ..services import Services
from ..store import StoreError
from ..widgets.fields import TextField
from ..widgets.footer import Footer
from .base import Refreshes
from .confirm import ConfirmScreen
from .log_table import LogTable

if TYPE_CHECKING:
    from textual.app import App

    from ..store import Store

ROW_LIMIT = 500
RECENT_DAYS = 62  # read first, so the newest rows show before ten years of history is read

EMPTY = (
    "Nothing here yet, and that's fine. Each practice you record shows up here: "
    "n on Home starts one. A small one counts."
)
NO_MATCH = "No practices match. a changes the area, r the dates; escape in the search box clears it."


class SearchField(TextField):
    """Type to search; enter or ↓ goes back to the table; escape clears the search too."""

    COMMAND_TABLE = "log_search"
    BINDINGS = bindings(COMMAND_TABLE)


class LogScreen(Refreshes, Screen[None]):
    SUB_TITLE = "Log"

    COMMAND_TABLE = "log"
    BINDINGS = bindings(COMMAND_TABLE)

    DEFAULT_CSS = """
    LogScreen #log-table { height: 1fr; width: 100%; scrollbar-size-vertical: 1; overflow-x: hidden; }
    LogScreen #log-status { padding: 0 1; height: 1; }
    LogScreen #log-search { margin: 0 1; }
    LogScreen #log-empty { padding: 1 2; height: 1fr; }
    LogScreen #log-preview { height: 2; padding: 0 1; color: $text-muted; }
    """

    shows = frozenset({Change.PRACTICES, Change.AREAS})

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.log_filter = LogFilter()
        self.sort_key = "date"
        self.descending = True
        self.limit = ROW_LIMIT
        self.loaded = False  # every practice read (not only the recent ones)
        self._entries: list[Entry] = []
        self._shown: list[Entry] = []
        self._area_names: dict[str, str] = {}
        self._area_order: list[str] = []

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield Static(Content("Reading your practices…"), id="log-status")
        yield SearchField(
            placeholder=f"{key_of('log.search')} to search titles, reflections and notes",
            id="log-search",
        )
        yield LogTable(id="log-table")
        yield Static(id="log-empty")
        yield Static(id="log-preview")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#log-empty", Static).display = False
        self.query_one(LogTable).focus()
        self.reload(recent_first=True)

    # -- loading -----------------------------------------------------------------------------

    def reload(self, keep_id: str | None = None, *, recent_first: bool = False) -> None:
        """Read the practices again (in a thread) and show them, keeping the highlighted row."""
        now = self.services.now()
        recent = now.date() - timedelta(days=RECENT_DAYS) if recent_first else None
        self._load(self.app, self.services.store, now.tzinfo, keep_id or self.current_id, recent)

    def refresh_data(self) -> None:
        self.reload()

    @work(thread=True, exclusive=True, group="log-load")
    def _load(
        self, app: App[None], store: Store, tz: tzinfo | None, keep_id: str | None, recent: date | None
    ) -> None:
        worker = get_current_worker()
        try:
            areas = store.areas(include_archived=True)
            if recent is not None:
                first = lb.entries(store.practices(since=recent), tz)
                app.call_from_thread(self._loaded, first, areas, keep_id, False)
            items = lb.entries(store.practices(), tz)
        except StoreError as error:
            app.call_from_thread(self._load_failed, str(error))
            return
        if not worker.is_cancelled:
            app.call_from_thread(self._loaded, items, areas, keep_id, True)

    def _loaded(self, items: list[Entry], areas: list[Area], keep_id: str | None, whole: bool) -> None:
        self._entries = items
        self._area_names = {a.id: a.name for a in areas}
        self._area_names[lb.NO_AREA] = "quick tasks"
        used = {e.practice.area_id or lb.NO_AREA for e in items}
        self._area_order = [a.id for a in areas if a.id in used]
        removed = sorted(used - set(self._area_order) - {lb.NO_AREA})
        self._area_names.update(dict.fromkeys(removed, "a removed area"))
        self._area_order += removed
        if lb.NO_AREA in used:
            self._area_order.append(lb.NO_AREA)
        self.loaded = whole
        if whole or items:
            self.show(self.current_id or keep_id)

    def _load_failed(self, message: str) -> None:
        self.loaded = True
        self.query_one("#log-status", Static).update(Content("The log couldn't be read."))
        self._show_empty(f"{message}\nYour data is untouched, and a backup of each day is kept.")

    # -- what is shown -----------------------------------------------------------------------

    @property
    def current(self) -> Practice | None:
        table = self.query_one(LogTable)
        return table.current if table.display else None

    @property
    def current_id(self) -> str | None:
        practice = self.current
        return None if practice is None else practice.id

    @property
    def shown(self) -> list[Practice]:
        """Every practice the filters let through, in order (past the row limit too)."""
        return [e.practice for e in self._shown]

    def _today(self) -> date:
        return self.services.today()

    def show(self, keep_id: str | None = None) -> None:
        """Filter, sort and fill the table."""
        keep_id = keep_id or self.current_id
        matching = lb.filtered(self._entries, self.log_filter, self._today())
        self._shown = lb.sorted_entries(
            matching, self.sort_key, descending=self.descending, area_names=self._area_names
        )
        self._update_status()
        table = self.query_one(LogTable)
        if not self._shown:
            table.fill([], today=self._today(), area_names={}, sort_key=self.sort_key,
                       descending=self.descending, keep_id=None)  # fmt: skip
            self._show_empty(EMPTY if not self._entries and self.loaded else NO_MATCH)
            return
        self.query_one("#log-empty", Static).display = False
        table.display = True
        if self.focused is None:  # the table lost focus while nothing matched: give it back
            table.focus()
        table.fill(
            self._shown[: self.limit],
            today=self._today(),
            area_names=self._area_names,
            sort_key=self.sort_key,
            descending=self.descending,
            keep_id=keep_id,
        )
        self._update_preview()

    def _show_empty(self, text: str) -> None:
        table = self.query_one(LogTable)
        had_focus = table.has_focus
        table.display = False
        if had_focus:
            self.set_focus(None)  # keys stay the screen's, not the search box's
        empty = self.query_one("#log-empty", Static)
        empty.update(Content(text))
        empty.display = True
        self.query_one("#log-preview", Static).update("")

    def on_resize(self) -> None:
        table = self.query_one(LogTable)
        if self._shown and table.filled_width and table.size.width != table.filled_width:
            self.show()

    def _update_status(self) -> None:
        area = self.log_filter.area
        text = lb.status_text(
            len(self._shown),
            area_name=None if area is None else self._area_names.get(area, "?"),
            range_name=self.log_filter.range,
            search=self.log_filter.search,
            total=len(self._entries),
        )
        parts = [Content.styled(text, "bold")]
        if not self.loaded:
            parts = [Content.styled("The last two months; reading older practices…", "bold")]
        elif len(self._shown) > self.limit:
            newest = self.sort_key == "date" and self.descending
            parts.append(Content(" · " + lb.cap_text(self.limit, len(self._shown), newest=newest)))
        elif legend := lb.legend_text(e.practice for e in self._shown[: self.limit]):
            parts.append(Content.styled(" · " + legend, "dim"))
        self.query_one("#log-status", Static).update(Content("").join(parts))

    @on(DataTable.RowHighlighted, "#log-table")
    def _update_preview(self) -> None:
        practice = self.current
        preview = self.query_one("#log-preview", Static)
        if practice is None:
            preview.update("")
            return
        start = local_start(practice, self.services.now().tzinfo)
        head = (
            f"{start:%a %-d %b %Y %H:%M} · {practice.task_title} · "
            f"{completion_label(practice.completion)} · "
            f"{lb.minutes_text(practice.seconds_spent)} min (planned {practice.planned_minutes})"
        )
        reflection = practice.reflection or "No reflection written. Enter opens it in full."
        width = max(self.size.width - 2, 20)
        preview.update(Content(f"{lb.truncate(head, width)}\n{reflection}"))

    @on(DataTable.RowSelected, "#log-table")
    def _selected(self) -> None:
        self.action_open()

    @on(DataTable.HeaderSelected, "#log-table")
    def _header(self, event: DataTable.HeaderSelected) -> None:
        key = str(event.column_key.value)
        if key in lb.SORTS:
            if key == self.sort_key:
                self.descending = not self.descending
            else:
                self.sort_key, self.descending = key, lb.default_descending(key)
            self.show()

    # -- filters and sorting -----------------------------------------------------------------

    def _refilter(self, **changes: str | None) -> None:
        self.log_filter = replace(self.log_filter, **changes)  # type: ignore[arg-type]
        self.limit = ROW_LIMIT
        self.show()

    def action_area(self, step: int) -> None:
        options: list[str | None] = [None, *self._area_order]
        self._refilter(area=lb.cycle(options, self.log_filter.area, step))

    def action_range(self) -> None:
        self._refilter(range=lb.next_range(self.log_filter.range))

    def action_sort(self) -> None:
        self.sort_key = lb.cycle(list(lb.SORTS), self.sort_key)
        self.descending = lb.default_descending(self.sort_key)
        self.show()

    def action_order(self) -> None:
        self.descending = not self.descending
        self.show()

    def action_more(self) -> None:
        if len(self._shown) > self.limit:
            self.limit += ROW_LIMIT
            self.show()

    def action_search(self) -> None:
        self.query_one("#log-search", Input).focus()

    @on(Input.Changed, "#log-search")
    def _search_changed(self, event: Input.Changed) -> None:
        if event.value != self.log_filter.search:
            self._refilter(search=event.value)

    @on(Input.Submitted, "#log-search")
    def _search_submitted(self) -> None:
        self.action_leave_search(False)

    def action_leave_search(self, clear: bool) -> None:
        if clear:
            self.query_one("#log-search", Input).value = ""
            if self.log_filter.search:
                self._refilter(search="")
        table = self.query_one(LogTable)
        if table.display:
            table.focus()
        else:
            self.set_focus(None)

    # -- open, delete, export ----------------------------------------------------------------

    @work(exclusive=True, group="log-dialog")
    async def action_open(self) -> None:
        """The practice in full; an edit or a delete there reaches this screen as a change."""
        practice = self.current
        if practice is None:
            return
        from .practice_detail import PracticeDetailScreen

        area = self._area_names.get(practice.area_id, "") if practice.area_id else ""
        await self.app.push_screen_wait(PracticeDetailScreen(self.services, practice, area_name=area))

    @work(exclusive=True, group="log-dialog")
    async def action_delete(self) -> None:
        practice = self.current
        if practice is None:
            return
        day = lb.day_text(local_start(practice, self.services.now().tzinfo).date(), self._today())
        message = Content.assemble("“", practice.task_title, f"” of {day} will be gone for good.")
        ask = ConfirmScreen("Delete this practice?", message, yes="Delete", no="Keep it")
        if not await self.app.push_screen_wait(ask):
            return
        store = self.services.store
        index = next((i for i, e in enumerate(self._shown) if e.practice.id == practice.id), 0)
        rest = [e for e in self._shown if e.practice.id != practice.id]
        keep = rest[min(index, len(rest) - 1)].practice.id if rest else None
        if self.persist(lambda: store.delete_practice(practice), Change.PRACTICES):
            self._entries = [e for e in self._entries if e.practice.id != practice.id]
            self.show(keep)

    @work(exclusive=True, group="log-dialog")
    async def action_export(self) -> None:
        from .log_export import ExportScreen

        today = self._today()
        name = self.log_filter.range
        count = len(lb.filtered(self._entries, LogFilter(range=name), today))
        screen = ExportScreen(
            self.services, since=range_since(name, today), range_name=name, count=count, today=today
        )
        message = await self.app.push_screen_wait(screen)
        if message:
            self.notify(message, title="Exported", markup=False)

    def action_back(self) -> None:
        self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:  # the footer asks while the screen is still being built
            return True
        if action in ("open", "delete"):
            return self.current is not None or None
        if action == "more":
            return len(self._shown) > self.limit or None
        if action == "export":
            return bool(self._entries) or None
        return True

    # -- command palette ---------------------------------------------------------------------

    def action_reviews(self) -> None:
        """``v``: the weekly reviews, part of the worksheet too."""
        from .review_list import ReviewListScreen

        self.app.push_screen(ReviewListScreen(self.services))
