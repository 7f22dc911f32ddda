"""MasteryApp: screens, global keys, command palette, theme, and a clean exit on hang-up.

The app is handed its Store and Clock (built in ``__main__``, or by tests with a folder in
``tmp_path`` and a fake clock). It never opens files itself.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import termios
import threading
import time
from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import ModalScreen, Screen

from .domain.clock import Clock
from .domain.errors import ValidationError
from .key_order import KeyOrder, is_typed, ordered_auto_pilot, ordered_test_run
from .messages import DataChanged
from .screens.help import HelpScreen
from .screens.home import HomeScreen
from .screens.safety import SafetyScreen
from .store import Store, StoreError

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from .domain.coach import Suggestion

# Screens other than Home, Help and the safety note are imported when first opened, so that
# start-up pays only for what the first paint shows (STYLE.md: import late what is heavy).

T = TypeVar("T")

DEFAULT_THEME = "textual-dark"
HANGUP_CHECK_SECONDS = 1.0
EXIT_GRACE_SECONDS = 1.0


class MasteryApp(App[None]):
    """Practise Build Mastery from the keyboard."""

    TITLE = "mastery"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        Binding("q", "quit", "Quit", show=False, id="app.quit"),
        Binding("question_mark,f1", "help", "Help", key_display="?", id="app.help"),
    ]

    def __init__(
        self,
        *,
        store: Store,
        clock: Clock,
        start: tuple[str, int] | str | None = None,
        on_done: str | None = None,
        demo: bool = False,
    ) -> None:
        super().__init__()
        self.store = store
        self.demo = demo
        self.clock = clock
        self._start = start
        self._on_done = on_done
        self._exiting = False
        self._deadline: threading.Timer | None = None
        self.key_order = KeyOrder(self)

    @property
    def on_done_command(self) -> str:
        """What to run when a timer reaches zero: --on-done, else the on_done setting."""
        if self._on_done is not None:
            return self._on_done
        return str(self.store.setting("on_done", "") or "")

    # -- keys in order (see key_order.py) -------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if is_typed(event) and self.key_order.hold(event):
            return  # let through once the key before it has been handled
        await super().on_event(event)

    def run_test(self, *args: Any, **kwargs: Any) -> Any:
        """Textual's test run, with a pilot that waits for held keys."""
        return ordered_test_run(super().run_test, self, *args, **kwargs)

    async def run_async(
        self, *, auto_pilot: Callable[[Pilot[Any]], Awaitable[None]] | None = None, **kwargs: Any
    ) -> Any:
        return await super().run_async(auto_pilot=ordered_auto_pilot(auto_pilot, self), **kwargs)

    # -- start and stop -----------------------------------------------------------------------

    def on_mount(self) -> None:
        self._restore_theme()
        self.theme_changed_signal.subscribe(self, lambda theme: self._remember_theme(theme.name))
        self.push_screen(HomeScreen())
        for warning in self.store.warnings:
            self.notify(warning, title="Privacy", severity="warning", timeout=10)
        if self.demo:
            self.notify(
                "Five weeks of made-up practice in a temporary folder, removed when you quit. "
                "Your own data is untouched.",
                title="Demo",
                timeout=10,
            )
        if not self.store.setting("safety_seen", False):
            self.push_screen(SafetyScreen(), self._safety_read)
        if self._start == "choose":
            self.action_do_now()
        elif isinstance(self._start, tuple):
            title, minutes = self._start
            self.quick_start(title, minutes)
        elif self.store.load_session() is not None:
            self.offer_resume()
        elif self.store.drafts():
            self.offer_drafts()
        if not self.is_headless:
            self._watch_for_hangup()

    def _safety_read(self, read: bool | None) -> None:
        if read:
            self.persist(lambda: self.store.set_setting("safety_seen", True), "settings")

    def _watch_for_hangup(self) -> None:
        """SIGHUP (an SSH connection dropping) and SIGTERM close the app after saving. A
        terminal that vanishes without a signal is noticed within a second, so no process is
        left spinning on a dead tty.

        Neither may depend on the event loop: while a frozen connection reads nothing, the
        loop sits blocked in Textual's full output queue. So the signal handler (Python runs
        it in the main thread even inside that wait) and a watch thread arm a deadline
        first, then ask the loop to save and exit; if the loop never gets there, the
        deadline ends the process."""
        loop = asyncio.get_running_loop()

        def on_signal(signum: int, _frame: object) -> None:
            self._hang_up(loop, signal.Signals(signum).name)

        for sig in (signal.SIGHUP, signal.SIGTERM):
            signal.signal(sig, on_signal)
        threading.Thread(
            target=self._watch_terminal, args=(loop,), name="mastery-hangup", daemon=True
        ).start()

    def _watch_terminal(self, loop: asyncio.AbstractEventLoop) -> None:
        while not self._exiting:
            time.sleep(HANGUP_CHECK_SECONDS)
            try:
                termios.tcgetattr(sys.__stdin__.fileno())  # EIO once the terminal has hung up
            except (OSError, ValueError, AttributeError, termios.error):
                self._hang_up(loop, "hangup")
                return

    def _hang_up(self, loop: asyncio.AbstractEventLoop, reason: str) -> None:
        """From a signal handler or the watch thread: never waits for the loop."""
        if self._deadline is None:
            self._deadline = _exit_after(EXIT_GRACE_SECONDS)
        try:
            loop.call_soon_threadsafe(self.shut_down, reason)
        except RuntimeError:  # the loop is already closed: the deadline ends the process
            pass

    def save_state(self) -> None:
        """Ask every screen holding unsaved work to save it (screens define ``save_state``)."""
        for screen in reversed(self.screen_stack):
            saver: Callable[[], None] | None = getattr(screen, "save_state", None)
            if saver is not None:
                try:
                    saver()
                except Exception as error:  # on the way out: never a traceback
                    self.log.error(f"couldn't keep what {screen!r} holds: {error!r}")

    def shut_down(self, reason: str = "") -> None:
        """Save, then exit; if the exit can't finish (dead terminal), end the process anyway."""
        if self._exiting:
            return
        self._exiting = True
        self.key_order.drop()
        if self._deadline is not None:
            self._deadline.cancel()  # the loop runs: saving may take its time
        self.save_state()
        _exit_after(EXIT_GRACE_SECONDS)
        self.exit()

    async def action_quit(self) -> None:
        self.save_state()
        self.exit()

    # -- theme -----------------------------------------------------------------------------

    def _restore_theme(self) -> None:
        saved = self.store.setting("theme", DEFAULT_THEME)
        self.theme = saved if saved in self.available_themes else DEFAULT_THEME

    def _remember_theme(self, name: str) -> None:
        if name != self.store.setting("theme", DEFAULT_THEME):
            self.persist(lambda: self.store.set_setting("theme", name), "settings")

    # -- saving ----------------------------------------------------------------------------

    def persist(self, action: Callable[[], T], what: str) -> bool:
        """Run a store call; on failure say so kindly and keep running. Returns success."""
        try:
            action()
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=10)
            return False
        self.screen.post_message(DataChanged(what))
        return True

    # -- keys and commands -----------------------------------------------------------------

    def home_keys(self) -> list[tuple[str, str]]:
        """The keys Home lists, short, in the order a newcomer needs them."""
        return [
            ("n", "do it now"),
            ("w", "7-day plan"),
            ("l", "log"),
            ("t", "trends"),
            ("b", "brainstorm"),
            ("j", "notes"),
            ("c", "coach"),
            ("?", "help, learn"),
        ]

    def help_keys(self) -> list[tuple[str, str]]:
        return [
            ("n", "Do it now: a guided practice with a timer"),
            ("w", "The 7-day plan: set up a week, or review it at day 7"),
            ("l", "Log: every practice; filter, search, edit, export"),
            ("t", "Trends: mood, confidence, difficulty; what builds mastery"),
            ("b", "Brainstorm: life areas, tiny tasks and their plans"),
            ("j", "Notes: free reflections about the skill"),
            ("c", "Coach: a suggestion to make a task a bit harder or smaller"),
            ("?  F1", "Help (this page); l here opens Learn"),
            ("ctrl+p", "All commands (and themes)"),
            ("q", "Quit (everything is already saved)"),
            ("escape", "Back, or close a dialog"),
            ("tab", "Next field"),
            ("n e s", "Brainstorm: new, edit or split the highlighted task"),
            ("a  d", "Brainstorm: archive (or restore), delete (asks first)"),
            ("⇧↑ ⇧↓", "Brainstorm: move the task up or down"),
            ("x  v", "Brainstorm: example library; show archived"),
            ("n r a", "On the life areas list: new, rename, archive"),
            ("ctrl+s", "Save a form (or enter on its last field)"),
            ("←→ 0-9", "Rating slider: ±1, or type a value; ⇧←→ ±10"),
            ("space", "Timer: pause or resume"),
            ("+  -", "Timer: one minute more or less"),
            ("f  r", "Timer: finish now; a short prompt when it's hard to start"),
            ("y p n", "After: done, partly, not this time"),
            ("ctrl+n", "Choosing a task: a quick task instead"),
            ("/", "Log: search titles, reflections and notes; escape clears"),
            ("a  A", "Log: next / previous life area"),
            ("r", "Log: dates: 7, 30, 90 days, a year, all"),
            ("s  o", "Log: sort by the next column; flip the order"),
            ("enter", "Log: open a practice in full; e edits, d deletes"),
            ("e  m", "Log: export the dates shown (c CSV, m Markdown, j JSON); 500 more rows"),
            ("v", "Log: the weekly reviews"),
            ("t  s  ⌫", "Week setup: Day 1 today or tomorrow, skip the days, back a step"),
            ("ctrl+n", "Weekly review: start next week"),
            ("y  o", "Coach: accept the suggestion, or another"),
            ("←→ 1-4", "Trends: switch chart"),
            ("r  R", "Trends: next or previous range (7 days … all)"),
            ("m", "Trends: what builds mastery for me"),
        ]

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_keys()))

    def action_safety(self) -> None:
        self.push_screen(SafetyScreen())

    def action_brainstorm(self) -> None:
        from .screens.brainstorm import BrainstormScreen

        self._open(BrainstormScreen, BrainstormScreen)

    def action_week(self) -> None:
        """``w``: the review of a running (or ended, unreviewed) week, else Day 0 setup."""
        from .screens.week_review import SavedReviewScreen, WeekReviewScreen, screen_for_week_key
        from .screens.week_setup import WeekSetupScreen

        kinds = (WeekReviewScreen, WeekSetupScreen, SavedReviewScreen)
        self._open(kinds, lambda: screen_for_week_key(self), what="The week")

    def action_log(self) -> None:
        from .screens.log import LogScreen

        self._open(LogScreen, LogScreen)

    def action_trends(self) -> None:
        from .screens.trends import TrendsScreen  # plotext is imported here, not at start-up

        self._open(TrendsScreen, TrendsScreen)

    def action_notes(self) -> None:
        from .screens.notes import NotesScreen

        self._open(NotesScreen, NotesScreen)

    def action_learn(self) -> None:
        from .screens.learn import LearnScreen

        self._open(LearnScreen, LearnScreen)

    def open_coach(self, first: Suggestion | None = None) -> None:
        """The coach's suggestions, ``first`` first (the one Home shows)."""
        from .domain import coach
        from .screens.coach import CoachScreen, coach_suggestions

        try:
            found = coach_suggestions(self)
        except StoreError as error:
            self.notify(str(error), title="Couldn't read your practice log", severity="error", timeout=20)
            return
        if first is not None:
            found = [first, *coach.alternatives(first, found)]
        self.push_screen(CoachScreen(found))

    def action_coach(self) -> None:
        self.open_coach()

    def _open(
        self,
        kind: type[Screen] | tuple[type[Screen], ...],
        build: Callable[[], Screen],
        *,
        what: str = "That screen",
    ) -> None:
        """Push a screen unless one of its kind is already open (screens above it may be
        waiting for a result, so they are not popped: escape leads back to it)."""
        if isinstance(self.screen, kind):
            return
        if any(isinstance(screen, kind) for screen in self.screen_stack):
            self.notify(f"{what} is already open: escape leads back to it.", timeout=4)
            return
        self.push_screen(build())

    # -- do it now (screens/practice/start.py) ----------------------------------------------------

    @work(exclusive=True, group="practice")
    async def action_do_now(self) -> None:
        """``n``: finish the practice waiting, or choose what to practise now."""
        from .screens.practice.start import do_it_now

        await self._practise(do_it_now(self))

    @work(exclusive=True, group="practice")
    async def action_quick_task(self) -> None:
        from .screens.practice.start import quick_task

        await self._practise(quick_task(self))

    @work(exclusive=True, group="practice")
    async def quick_start(self, title: str, minutes: int) -> None:
        from .screens.practice.start import quick_start

        await self._practise(quick_start(self, title, minutes))

    @work(exclusive=True, group="practice")
    async def offer_resume(self) -> None:
        """A practice left unfinished (a dropped connection): offer to finish it."""
        from .screens.practice.start import offer_waiting

        await self._practise(offer_waiting(self))

    @work(exclusive=True, group="drafts")
    async def offer_drafts(self) -> None:
        """What was being typed when the connection dropped: reopen it, discard it, or later."""
        from .screens.drafts import offer_drafts

        await offer_drafts(self)

    async def _practise(self, steps: Awaitable[None]) -> None:
        try:
            await steps
        except ValidationError as error:
            self.notify(error.message, title="Couldn't record that", severity="error")

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help", "Keys, the skill, the safety note", self.action_help)
        if not isinstance(screen, ModalScreen) and self.store.load_session() is None:
            yield SystemCommand("Do it now", "Pick a task and practise it now", self.action_do_now)
            yield SystemCommand("Quick task", "Practise something now: a title and minutes", self.action_quick_task)
        yield SystemCommand(
            "Safety note", "If things feel too heavy: where to find support", self.action_safety
        )
        yield SystemCommand(
            "Brainstorm", "Life areas, tiny tasks and their plans", self.action_brainstorm
        )
        yield SystemCommand("Week", "The 7-day plan: set it up, or review the week", self.action_week)
        yield SystemCommand("Log", "Every practice: filter, search, edit, export", self.action_log)
        yield SystemCommand("Trends", "Mood, confidence and difficulty over time", self.action_trends)
        yield SystemCommand("Coach", "A suggestion: a bit harder, or smaller", self.action_coach)
        yield SystemCommand("Notes", "Free reflections about the skill", self.action_notes)
        yield SystemCommand("Learn", "What Build Mastery is and how it fits with DBT", self.action_learn)
        screen_commands = getattr(screen, "system_commands", None)
        if screen_commands is not None:
            for title, help_text, callback in screen_commands():
                yield SystemCommand(title, help_text, callback)


def _exit_after(seconds: float) -> threading.Timer:
    """End the process in ``seconds`` whatever the event loop is doing (a dead terminal)."""
    timer = threading.Timer(seconds, os._exit, args=(0,))
    timer.daemon = True
    timer.start()
    return timer


def run_app(
    store: Store,
    clock: Clock,
    *,
    start: tuple[str, int] | str | None = None,
    on_done: str | None = None,
    demo: bool = False,
) -> None:
    """Run the app in this terminal."""
    MasteryApp(store=store, clock=clock, start=start, on_done=on_done, demo=demo).run()
