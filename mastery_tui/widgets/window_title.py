"""The terminal's window title while a timer runs: "9:59 left · mastery", so the countdown shows
in a tab, a taskbar or tmux's window list while the person is in another window.

The person's own title is kept: the terminal is asked to save it (XTWINOPS ``CSI 22;2 t``)
before the first change and to bring it back (``CSI 23;2 t``) after. A terminal that doesn't
know these ignores them. The title never holds the task's name, only the time: a window title
is seen by anyone who glances at the screen. Nothing is written in tests (headless) but the
title is kept for them to read.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from textual.app import App

_SAVE = "\x1b[22;2t"
_RESTORE = "\x1b[23;2t"
_shown: WeakKeyDictionary[App[Any], str] = WeakKeyDictionary()


def shown(app: App[Any]) -> str | None:
    """The title this app set, or None when the person's own is back."""
    return _shown.get(app)


def show(app: App[Any], text: str | None) -> None:
    """Set the window title to ``text`` (ASCII we wrote, never the person's words), or give
    the person's own back with None."""
    before = _shown.get(app)
    if text == before:
        return
    if text is None:
        del _shown[app]
    else:
        _shown[app] = text
    driver = app._driver  # Textual has no public call for a terminal's title
    if driver is None or app.is_headless:
        return
    if text is None:
        driver.write(_RESTORE)
    else:
        clean = "".join(ch for ch in text if ch.isprintable())
        driver.write((_SAVE if before is None else "") + f"\x1b]2;{clean}\x07")
