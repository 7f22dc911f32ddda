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
from collections.abc import Callable, Iterable
from typing import TypeVar

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from .domain.clock import Clock
from .messages import DataChanged
from .screens.help import HelpScreen
from .screens.home import HomeScreen
from .screens.safety import SafetyScreen
from .store import Store, StoreError

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
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark,f1", "help", "Help", key_display="?", id="app.help"),
    ]

    def __init__(self, *, store: Store, clock: Clock) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self._exiting = False

    # -- start and stop -----------------------------------------------------------------------

    def on_mount(self) -> None:
        self._restore_theme()
        self.theme_changed_signal.subscribe(self, lambda theme: self._remember_theme(theme.name))
        self.push_screen(HomeScreen())
        for warning in self.store.warnings:
            self.notify(warning, title="Privacy", severity="warning", timeout=10)
        if not self.store.setting("safety_seen", False):
            self.push_screen(SafetyScreen(), self._safety_read)
        if not self.is_headless:
            self._watch_for_hangup()

    def _safety_read(self, read: bool | None) -> None:
        if read:
            self.persist(lambda: self.store.set_setting("safety_seen", True), "settings")

    def _watch_for_hangup(self) -> None:
        """SIGHUP (an SSH connection dropping) and SIGTERM close the app after saving. A
        terminal that vanishes without a signal is noticed within a second, so no process is
        left spinning on a dead tty."""
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGHUP, signal.SIGTERM):
            loop.add_signal_handler(sig, self.shut_down, sig.name)
        self.set_interval(HANGUP_CHECK_SECONDS, self._check_terminal)

    def _check_terminal(self) -> None:
        try:
            termios.tcgetattr(sys.__stdin__.fileno())  # EIO once the terminal has hung up
        except (OSError, ValueError, AttributeError, termios.error):
            self.shut_down("hangup")

    def save_state(self) -> None:
        """Ask every screen holding unsaved work to save it (screens define ``save_state``)."""
        for screen in reversed(self.screen_stack):
            saver: Callable[[], None] | None = getattr(screen, "save_state", None)
            if saver is not None:
                try:
                    saver()
                except StoreError:
                    pass  # nothing more can be done without a terminal

    def shut_down(self, reason: str = "") -> None:
        """Save, then exit; if the exit can't finish (dead terminal), end the process anyway."""
        if self._exiting:
            return
        self._exiting = True
        self.save_state()
        timer = threading.Timer(EXIT_GRACE_SECONDS, os._exit, args=(0,))
        timer.daemon = True
        timer.start()
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
        """The keys Home lists, in the order a newcomer needs them."""
        return [
            ("?  F1", "Help, the keys and the safety note"),
            ("ctrl+p", "All commands (and themes)"),
            ("q", "Quit (everything is already saved)"),
        ]

    def help_keys(self) -> list[tuple[str, str]]:
        return [
            *self.home_keys(),
            ("escape", "Back, or close a dialog"),
            ("tab", "Next field"),
        ]

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_keys()))

    def action_safety(self) -> None:
        self.push_screen(SafetyScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help", "Keys, the skill, the safety note", self.action_help)
        yield SystemCommand(
            "Safety note", "If things feel too heavy: where to find support", self.action_safety
        )


def run_app(store: Store, clock: Clock) -> None:
    """Run the app in this terminal."""
    MasteryApp(store=store, clock=clock).run()
