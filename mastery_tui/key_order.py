"""Keys in the order they were typed, each acting on the state the key before it left.

Textual hands a key to whichever widget has the focus at the moment the *app* reads it from
the terminal. Over SSH (or a paste, or a fast typist) a whole sequence arrives in one read:
"4 2 enter 3 8 enter" is read before the mood slider has even handled its "enter" (which
moves the focus to confidence), so every key lands in the mood slider; "b n Garden enter"
types "n" into Home and the rest into a screen still being built.

``KeyOrder`` fixes this once, beneath every screen and widget: the app gives it each fresh key
and paste, and it lets one through only when the one before has been handled completely,
i.e. every message it caused has been processed by the app, every screen in the stack and all
their widgets, no thread worker it started is still running, and nothing else is ready to run
on the event loop (a worker woken by a
dismissed screen, a screen being pushed, a callback waiting for the next repaint). That is
causality, not timing: it holds on a busy machine as on an idle one. A key that arrives when
nothing is in flight (a key typed alone) is handled at once, after one look.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from textual import events
from textual.message_pump import MessagePump

if TYPE_CHECKING:
    from textual.app import App
    from textual.pilot import Pilot

# A safety valve only: the app's own work settles in milliseconds. If something never stops
# (a bug), keys still arrive, late rather than never.
SETTLE_LIMIT_SECONDS = 10.0
QUIET_LOOKS = 2  # consecutive quiet looks, one loop iteration apart, that count as settled
NAP_SECONDS = 0.001  # between looks while only timers or threads are pending
SPIN_LOOKS = 50  # busy looks in a row before napping between looks

_RELEASED = "_mastery_key_released"


def is_typed(event: events.Event) -> bool:
    """A key or paste fresh from the terminal (not one already forwarded to a widget)."""
    return isinstance(event, events.Key | events.Paste) and not event.is_forwarded


class KeyOrder:
    """Holds typed keys and pastes and releases them one at a time, in order."""

    def __init__(self, app: App[Any]) -> None:
        self._app = app
        self._pending: deque[events.Event] = deque()
        self._task: asyncio.Task[None] | None = None

    # -- the app's side ----------------------------------------------------------------------

    def hold(self, event: events.Event) -> bool:
        """Called by the app (from its own message loop) for every typed key or paste. True:
        held, released later (the app must not handle it now). False: handle it now, because
        it is a released one, or nothing is in flight (the usual case for a key typed alone:
        it costs one look, not a round trip)."""
        if getattr(event, _RELEASED, False):
            return False
        if not self._pending and (self._task is None or self._task.done()) and self._quiet_now():
            return False
        self._pending.append(event)
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._release_in_order(), name="mastery-key-order")
        return True

    async def _release_in_order(self) -> None:
        while self._pending:
            await self.settled()
            if not self._pending:  # dropped while we waited (the app is closing)
                return
            event = self._pending.popleft()
            setattr(event, _RELEASED, True)
            if not self._app.post_message(event):
                self._pending.clear()  # the app is closing: nothing will read them
                return

    def drop(self) -> None:
        """Forget keys not yet released (the app is shutting down)."""
        self._pending.clear()

    @property
    def waiting(self) -> int:
        """Keys and pastes typed but not yet let through."""
        return len(self._pending)

    # -- when is a key's work done? -------------------------------------------------------------

    async def settled(self) -> None:
        """Return once nothing the app does is still in flight (see the module docstring)."""
        deadline = time.monotonic() + SETTLE_LIMIT_SECONDS
        quiet = busy = 0
        while quiet < QUIET_LOOKS:
            # Look again after everything now runnable has run; while only timers or threads
            # are pending (or after many busy looks), nap a millisecond instead of spinning.
            await asyncio.sleep(NAP_SECONDS if busy > SPIN_LOOKS else 0)
            if self._busy():
                quiet = 0
                busy += 1
                if not _loop_has_ready_work():
                    busy = SPIN_LOOKS + 1
                if time.monotonic() >= deadline:
                    self._app.log.warning("key order: gave up waiting for the app to settle")
                    return
            else:
                quiet += 1
                busy = 0

    def _quiet_now(self) -> bool:
        """Settled but for the message the app is handling right now (this key)."""
        if _loop_has_ready_work() or _timer_due():
            return False
        app = self._app
        queue = app.__dict__.get("_message_queue")
        if queue is None or queue.qsize() or getattr(queue, "_unfinished_tasks", 1) > 1:
            return False
        if app._pending_message is not None or app._next_callbacks:
            return False
        return not self._busy(skip_app=True)

    def _busy(self, *, skip_app: bool = False) -> bool:
        if _loop_has_ready_work():
            return True
        for pump in self._pumps():
            if pump is self._app and skip_app:
                continue
            if _pump_busy(pump):
                return True
        if _thread_working(self._app):
            return True
        try:
            return bool(self._app.screen._callbacks)  # call_after_refresh, due after a repaint
        except Exception:  # no screen yet, or the app is closing
            return False

    def _pumps(self) -> Iterator[MessagePump]:
        yield self._app
        for screen in list(self._app.screen_stack):
            yield from screen.walk_children(with_self=True)

    async def drained(self) -> None:
        """Wait until every key typed so far has been let through and handled (tests)."""
        while self._task is not None and not self._task.done():
            await asyncio.shield(self._task)
        await self.settled()


def _loop_has_ready_work() -> bool:
    """Callbacks ready to run in this loop iteration, besides the one asking. (CPython's
    selector loops keep them in ``_ready``. Another loop reads as never ready: ``settled``
    then relies on the message queues and two quiet looks, and ``hold`` never takes its
    shortcut, as ``_timer_due`` can't tell either.)"""
    ready = getattr(asyncio.get_running_loop(), "_ready", None)
    if not ready:
        return False
    # The terminal driver posts each key with run_coroutine_threadsafe; the callback that
    # hands the finished post back to its thread is bookkeeping, not work of the app's.
    # A copy taken in one step: a thread (a worker's call_from_thread) may append meanwhile.
    return any(_callback_name(handle) != "_call_set_state" for handle in ready.copy())


def _callback_name(handle: object) -> str:
    return getattr(getattr(handle, "_callback", None), "__name__", "")


def _thread_working(app: App[Any]) -> bool:
    """A thread worker still running (loading the log, drawing trends, writing an export):
    what it ends with (rows to move through, a question to answer) is what the next key is for.
    """
    for worker in list(app.workers):
        if getattr(worker, "_thread_worker", False) and not worker.is_finished:
            return True
    return False


def _timer_due() -> bool:
    """A timer whose time has come but which the loop hasn't moved to ``_ready`` yet."""
    loop = asyncio.get_running_loop()
    scheduled = getattr(loop, "_scheduled", None)
    if scheduled is None:
        return True  # another loop: don't take the shortcut
    return bool(scheduled) and scheduled[0].when() <= loop.time()


def _pump_busy(pump: MessagePump) -> bool:
    """A message queued, being handled, peeked at, or a call_next callback waiting."""
    if pump._closed or pump._closing:
        return False
    if pump._pending_message is not None or pump._next_callbacks:
        return True
    queue = pump.__dict__.get("_message_queue")  # not created yet: nothing was ever posted
    if queue is None:
        return False
    return bool(queue.qsize() or getattr(queue, "_unfinished_tasks", 0))


# -- tests: a Pilot that waits for held keys ------------------------------------------------------


def ordered_pilot(app: App[Any]) -> Pilot[Any]:
    """A Pilot whose ``press`` and ``pause`` also wait until every key it sent has been let
    through and handled, so a test reads the state its keys produced."""
    from textual.pilot import Pilot

    order: KeyOrder = app.key_order  # type: ignore[attr-defined]

    class OrderedPilot(Pilot[Any]):
        async def press(self, *keys: str) -> None:
            await super().press(*keys)
            await order.drained()
            await self._wait_for_screen()

        async def pause(self, delay: float | None = None) -> None:
            await order.drained()
            await super().pause(delay)

    return OrderedPilot(app)


@asynccontextmanager
async def ordered_test_run(
    run_test: Callable[..., Any], app: App[Any], *args: Any, **kwargs: Any
) -> AsyncIterator[Pilot[Any]]:
    """``App.run_test`` with an ordered pilot."""
    async with run_test(*args, **kwargs):
        yield ordered_pilot(app)


def ordered_auto_pilot(
    auto_pilot: Callable[[Pilot[Any]], Awaitable[None]] | None, app: App[Any]
) -> Callable[[Pilot[Any]], Awaitable[None]] | None:
    """``App.run(auto_pilot=...)`` (SVG snapshots) with an ordered pilot."""
    if auto_pilot is None:
        return None

    async def run(_pilot: Pilot[Any]) -> None:
        await auto_pilot(ordered_pilot(app))

    return run
