"""The test kit the Pilot tests share: one way to run the app (``run_app`` in conftest gives a
``UI``), one set of key helpers, and waiting for the app's work instead of sleeping.

Keys go in as a burst: every key of one ``keys()`` call is queued at once, as SSH or a paste
delivers them, and the app's ``KeyOrder`` lets each through only when the one before it has been
handled (habit 14). So a test reads the state its keys produced without waiting on the clock
between keys, and a key that acted on a state still to come would fail here too."""

from __future__ import annotations

import asyncio
import unicodedata
from dataclasses import dataclass
from typing import Any

from textual import events
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key

SIZE = (80, 24)
PALETTE_GROUP = "--textual-command-palette-gather-commands"  # Textual's CommandPalette worker


async def wait_for_threads(pilot: Any) -> None:
    """Wait for the app's thread workers (loading the log, drawing trends, exporting).

    Not every worker: a screen's ``@work`` action that waits on a dialog (``push_screen_wait``)
    finishes only when the dialog is answered, so waiting for it would wait forever."""
    threads = [w for w in pilot.app.workers if getattr(w, "_thread_worker", False)]
    if threads:  # (an empty list would mean "every worker" to wait_for_complete)
        await pilot.app.workers.wait_for_complete(threads)


async def settle(pilot: Any) -> None:
    """Let the screen, then the app's loading threads, then the screen again, finish."""
    await pilot.pause()
    await wait_for_threads(pilot)
    await pilot.pause()


def key_event(name: str) -> events.Key:
    """The event Textual's own Pilot makes for ``name`` ("enter", "ctrl+s", "a", "?")."""
    key = _character_to_key(name) if len(name) == 1 and not name.isalnum() else name
    try:
        char: str | None = unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(key, key)))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


async def press(pilot: Any, *names: str) -> None:
    """Queue ``names`` at once and wait until every one has been handled (not settled: see
    ``keys``). An app without ``key_order`` (a bare widget app) gets them one at a time."""
    app = pilot.app
    order = getattr(app, "key_order", None)
    if order is None:
        await pilot.press(*names)
        return
    for name in names:
        event = key_event(name)
        event.set_sender(app)
        app.post_message(event)
    while app._message_queue.qsize():  # until the app has read them all (held or handled)
        await asyncio.sleep(0)
    await order.drained()
    await app.animator.wait_until_complete()  # a scroll animates: its end, as Pilot.press waits
    await pilot._wait_for_screen()


async def keys(pilot: Any, *names: str) -> None:
    """Press ``names`` (a burst), then settle."""
    await press(pilot, *names)
    await settle(pilot)


async def write(pilot: Any, text: str) -> None:
    """Type ``text``, one key per character."""
    await keys(pilot, *text)


async def palette(pilot: Any, words: str) -> None:
    """Open the command palette, type ``words``, wait for its search, run the first match."""
    await keys(pilot, "ctrl+p", *words)
    searching = [w for w in pilot.app.workers if w.group == PALETTE_GROUP]
    if searching:
        await pilot.app.workers.wait_for_complete(searching)
    await settle(pilot)
    await keys(pilot, "enter")


def palette_titles(app: Any, screen: Any = None) -> set[str]:
    """What the command palette offers on ``screen`` (default: the screen in front)."""
    return {command.title for command in app.get_system_commands(screen or app.screen)}


@dataclass
class UI:
    """A running app (``run_app`` in conftest): the app, its pilot, and the key helpers."""

    app: Any
    pilot: Any

    @property
    def screen(self) -> Any:
        return self.app.screen

    async def keys(self, *names: str) -> None:
        await keys(self.pilot, *names)

    async def write(self, text: str) -> None:
        await write(self.pilot, text)

    async def settle(self) -> None:
        await settle(self.pilot)

    async def palette(self, words: str) -> None:
        await palette(self.pilot, words)

    async def push(self, screen: Any, callback: Any = None) -> Any:
        """Push ``screen`` (as a key of Home's would) and settle; returns it."""
        self.app.push_screen(screen, callback)
        await self.settle()
        return screen

    async def timer_fired(self, name: str, node: Any = None) -> None:
        """Wait for ``node``'s (default: the screen's) one-shot timer ``name`` to fire, then
        settle: for what the app does a set moment later (the timer's Pause/Resume label)."""
        node = node or self.screen
        for timer in [t for t in list(node._timers) if t.name == name and t._task is not None]:
            await asyncio.wait([timer._task])
        await self.settle()

    def notes(self) -> list[str]:
        """The messages of the notifications shown so far."""
        return [str(n.message) for n in self.app._notifications]
