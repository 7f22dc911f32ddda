"""A small table of keys and what they do, used on Home and in Help."""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content
from textual.widgets import Static


def key_lines(rows: Iterable[tuple[str, str]], width: int = 9) -> Content:
    """Rows of ``key  description``; the key in bold, readable without colour."""
    parts: list[Content] = []
    for index, (key, description) in enumerate(rows):
        if index:
            parts.append(Content("\n"))
        parts.append(Content.styled(key.ljust(width), "bold"))
        parts.append(Content(description))
    return Content("").join(parts)


class KeyTable(Static):
    """Shows key rows. Text is built as Content, never parsed as markup."""

    DEFAULT_CSS = """
    KeyTable { height: auto; }
    """

    def __init__(self, rows: Iterable[tuple[str, str]], *, id: str | None = None) -> None:
        super().__init__(key_lines(rows), id=id)
