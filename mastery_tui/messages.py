"""Messages that wire screens together: the store changed, so screens that show it refresh."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class DataChanged(Message):
    """Something was saved; ``what`` names the kind of record ("tasks", "settings", ...)."""

    what: str
