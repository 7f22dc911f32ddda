"""A small table of keys and what they do, used on Home and in Help."""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content
from textual.widgets import Static


def key_lines(rows: Iterable[tuple[str, str]], width: int = 9) -> Content:
    """Rows of ``key  description``; the key in bold, readable without colour. The key column
    widens to the longest key (``width`` at least)."""
    rows = list(rows)
    width = max([width, *(len(key) + 2 for key, _ in rows)])
    parts: list[Content] = []
    for index, (key, description) in enumerate(rows):
        if index:
            parts.append(Content("\n"))
        parts.append(Content.styled(key.ljust(width), "bold"))
        parts.append(Content(description))
    return Content("").join(parts)


def key_grid(rows: Iterable[tuple[str, str]], columns: int = 4, key_width: int = 7) -> Content:
    """Keys in a compact grid (Home at 80x24): ``key label`` cells in aligned columns."""
    cells = list(rows)
    label_width = max((len(label) for _, label in cells), default=0) + 2
    keys_widths = [key_width] * columns
    label_widths = [label_width] * columns
    if any(len(key) >= key_width for key, _ in cells):  # a key map gave a longer key (ctrl+f):
        for column in range(columns):  # each column as wide as its own cells, so it still fits
            own = cells[column::columns]
            keys_widths[column] = max([len(key) for key, _ in own] + [key_width - 1]) + 1
            label_widths[column] = max([len(label) for _, label in own] + [0]) + 2
    lines: list[Content] = []
    for start in range(0, len(cells), columns):
        parts = [
            Content.assemble(
                (key.ljust(keys_widths[column]), "bold"), label.ljust(label_widths[column])
            )
            for column, (key, label) in enumerate(cells[start : start + columns])
        ]
        lines.append(Content("").join(parts).rstrip())
    return Content("\n").join(lines)


class KeyTable(Static):
    """Shows key rows. Text is built as Content, never parsed as markup."""

    DEFAULT_CSS = """
    KeyTable { height: auto; }
    """

    def __init__(self, rows: Iterable[tuple[str, str]], *, id: str | None = None) -> None:
        super().__init__(key_lines(rows), id=id)
