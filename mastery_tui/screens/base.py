"""What every screen of mastery shares: its services, saving through them, and refreshing
when a kind of record it shows has changed.

- ``persist(app, action, kind)`` runs a store call. On failure it says so kindly and keeps the
  app running; on success it announces ``kind`` to every screen in the stack.
- ``Refreshes``: a screen lists the kinds it ``shows`` and implements ``refresh_data``. A change
  of one of those kinds marks it stale; it reads the store again once, straight away if it is
  the screen in front, else when it is next shown. Changes it doesn't show cost it nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, ClassVar

from textual.app import App
from textual.screen import Screen

from ..debuglog import log
from ..messages import Change, DataChanged
from ..services import Services
from ..store import StoreError


def announce(app: App[Any], kinds: Iterable[Change]) -> None:
    """Tell every screen in the stack (and the app) that records of ``kinds`` changed."""
    kinds = set(kinds)
    log.info("saved: %s", ", ".join(sorted(kind.value for kind in kinds)))
    for screen in app.screen_stack:
        screen.post_message(DataChanged(kinds))


def persist(app: App[Any], action: Callable[[], object], kind: Change | Iterable[Change]) -> bool:
    """Run a store call; on failure say so kindly and keep running. Returns success."""
    try:
        action()
    except StoreError as error:
        log.warning("not saved: %s", type(error).__name__)
        app.notify(str(error), title="Not saved", severity="error", timeout=10)
        return False
    announce(app, [kind] if isinstance(kind, Change) else kind)
    return True


class Refreshes:
    """Mixin for a Screen (put it first in the bases) that shows records of some kinds."""

    shows: ClassVar[frozenset[Change]] = frozenset()
    services: Services
    _stale: bool = False

    def refresh_data(self) -> None:
        """Read the store and show it (subclasses)."""

    def persist(self, action: Callable[[], object], kind: Change | Iterable[Change]) -> bool:
        assert isinstance(self, Screen)
        return persist(self.app, action, kind)

    def on_data_changed(self, event: DataChanged) -> None:
        """(A plain handler name: Textual finds it on a mixin, where ``@on`` isn't seen.)"""
        if not event.kinds & self.shows:
            return
        assert isinstance(self, Screen)
        if self.is_current:
            self.refresh_data()
        else:
            self._stale = True

    def on_screen_resume(self) -> None:
        if self._stale:
            self._stale = False
            self.refresh_data()
