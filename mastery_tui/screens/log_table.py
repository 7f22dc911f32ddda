"""The table of the log screen: one row a practice, cut to the width of the screen.

A DataTable's cursor is a colour only; the first column carries a ▸ on the highlighted row
so it shows with NO_COLOR too. Cells are rich Text, never markup: titles are user text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from rich.text import Text
from textual import on
from textual.widgets import DataTable

from ..commands import bindings
from ..domain import logbook as lb
from ..domain.logbook import Entry
from ..domain.models import Practice

MARK = "▸ "


class LogTable(DataTable[Text]):
    """Its keys open and delete the highlighted practice (actions of the screen)."""

    COMMAND_TABLE = "log_table"
    BINDINGS = bindings(COMMAND_TABLE)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", cell_padding=0)
        self.entries: list[Entry] = []
        self._marked: str | None = None
        self.filled_width = 0

    @property
    def current(self) -> Practice | None:
        row = self.cursor_row
        if self.row_count == 0 or not 0 <= row < len(self.entries):
            return None
        return self.entries[row].practice

    def fill(
        self,
        entries: Sequence[Entry],
        *,
        today: date,
        area_names: Mapping[str, str],
        sort_key: str,
        descending: bool,
        keep_id: str | None,
    ) -> None:
        """Show ``entries`` (in order), the cursor on ``keep_id`` if it is among them."""
        self.entries = list(entries)
        rows = [
            lb.row_cells(e, today, area_names.get(e.practice.area_id or lb.NO_AREA, ""))
            for e in self.entries
        ]
        titles = lb.headers(sort_key, descending)
        self.filled_width = self.size.width or self.app.size.width
        widths = lb.column_widths(rows, titles, max(self.filled_width, 40) - 1)  # - scrollbar
        with self.app.batch_update():
            self.clear(columns=True)
            self._marked = None
            for key in lb.COLUMNS:
                self.add_column(self._text(key, titles[key], widths[key]), width=widths[key], key=key)
            for entry, row in zip(self.entries, rows, strict=True):
                cells = (self._text(key, row[key], widths[key]) for key in lb.COLUMNS)
                self.add_row(*cells, key=entry.practice.id)
            ids = [e.practice.id for e in self.entries]
            index = ids.index(keep_id) if keep_id in ids else 0
            self.move_cursor(row=index, animate=False, scroll=True)
            self._mark()

    @staticmethod
    def _text(key: str, value: str, width: int) -> Text:
        return Text(lb.fit(key, value, width), no_wrap=True, end="")

    def _mark(self) -> None:
        if self._marked is not None and self._marked in self.rows:
            self.update_cell(self._marked, "mark", Text("  "))
        self._marked = None
        practice = self.current
        if practice is not None and practice.id in self.rows:
            self.update_cell(practice.id, "mark", Text(MARK))
            self._marked = practice.id

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self._mark()  # the message goes on to the screen, which updates its preview
