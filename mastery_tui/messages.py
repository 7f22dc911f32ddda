"""Typed change messages: the store changed, so every screen that shows that kind refreshes.

A save announces its kind (``Change``) to every screen in the stack, not only the top one, so a
screen underneath (Trends under the Log) is never left showing what was deleted. A screen
declares the kinds it shows (``shows`` in ``screens/base.py``) and refreshes once, when it is
next visible; a burst of changes queued for one screen merges into one message.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from textual.message import Message


class Change(StrEnum):
    AREAS = "areas"
    TASKS = "tasks"
    PRACTICES = "practices"
    WEEKS = "weeks"
    REVIEWS = "reviews"
    NOTES = "notes"
    SETTINGS = "settings"
    SESSION = "session"  # the practice in progress
    MOOD = "mood"  # a mood typed on the Before screen of a practice let go (services.typed_mood)
    DRAFTS = "drafts"


class DataChanged(Message):
    """Records of ``kinds`` were saved (or deleted, or imported)."""

    def __init__(self, kinds: Iterable[Change]) -> None:
        super().__init__()
        self.kinds: set[Change] = set(kinds)

    def can_replace(self, message: Message) -> bool:
        """Two changes waiting for one screen become one (the later carries both kinds)."""
        if isinstance(message, DataChanged):
            message.kinds |= self.kinds
            return True
        return False
