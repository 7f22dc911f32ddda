"""MasteryApp: navigation and the theme. Everything else lives beside it:

- ``services.py``: the store, the clock and the queries screens share (built in ``__main__``)
- ``commands.py``: every key, its words, Home's grid, Help and the palette
- ``key_order.py``: typed keys handled in order; ``hangup.py``: the exit on a dropped link
- ``screens/practice/start.py``: the ways into a practice; ``screens/drafts.py``: welcome back
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual.actions import SkipAction
from textual.app import App, SystemCommand
from textual.screen import ModalScreen, Screen

from .app_terminal import TerminalSide
from .commands import EVERYWHERE, HOME, bindings, key_text, key_word, palette_commands, use_keymap
from .commands.keynames import is_function_key
from .debuglog import log
from .domain import week
from .domain.errors import ValidationError
from .hangup import EXIT_GRACE_SECONDS, Watchdog, exit_after
from .key_order import KeyOrder, is_typed, ordered_auto_pilot, ordered_test_run
from .messages import Change
from .screens.base import persist
from .screens.home import HomeScreen
from .screens.pages import open_once, show_support, support_route
from .services import Services

if TYPE_CHECKING:
    from textual.binding import Binding
    from textual.pilot import Pilot

# Screens other than Home are imported when first opened, so that start-up pays only for what
# the first paint shows (STYLE.md: import late what is heavy).

DEFAULT_THEME = "textual-dark"


class MasteryApp(TerminalSide, App[None]):
    """Practise Build Mastery from the keyboard."""

    TITLE = "mastery"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = bindings("everywhere")

    def __init__(self, services: Services, *, start: tuple[str, int] | str | None = None) -> None:
        self._ascii_only = services.ascii_only  # read by get_driver_class, during App.__init__
        super().__init__()
        self.services = services
        week.use_shapes(ascii_only=services.ascii_only)
        use_keymap(services.keymap)  # Home's grid, Help and the palette name the moved keys
        self._start = start
        self._exiting = False
        self._exit_asked = False
        self.key_order = KeyOrder(self)
        self.watchdog = Watchdog(self.shut_down)
        self._logged: events.Key | None = None

    # -- keys in order (see key_order.py) -------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if is_typed(event) and self.key_order.hold(event):
            return  # let through once the key before it has been handled
        if isinstance(event, events.Key) and not event.is_printable and event is not self._logged:
            self._logged = event  # (a key that bubbles back up comes here twice)
            log.debug("key %s", event.key)  # names only: a typed character is the person's
        await super().on_event(event)

    def run_test(self, *args: Any, **kwargs: Any) -> Any:
        """Textual's test run, with a pilot that waits for held keys."""
        return ordered_test_run(super().run_test, self, *args, **kwargs)

    async def run_async(
        self, *, auto_pilot: Callable[[Pilot[Any]], Awaitable[None]] | None = None, **kwargs: Any
    ) -> Any:
        return await super().run_async(auto_pilot=ordered_auto_pilot(auto_pilot, self), **kwargs)

    # -- start and stop -----------------------------------------------------------------------

    def _store_notice(self, message: str) -> None:
        """Something beside a save that worked (today's backup couldn't be made)."""
        if threading.get_ident() != self._thread_id:
            self.call_from_thread(self._store_notice, message)
            return
        self.notify(message, title="Backup", severity="warning", timeout=15)

    def on_mount(self) -> None:
        store = self.services.store
        if self.services.keymap:
            self.set_keymap(self.services.keymap)
        self._restore_theme()
        self.theme_changed_signal.subscribe(self, lambda theme: self._remember_theme(theme.name))
        self.push_screen(HomeScreen(self.services))
        for warning in store.warnings:
            self.notify(warning, title="About your data", severity="warning", timeout=10)
        for notice in self.services.notices:
            self.notify(notice, title="config.toml", severity="warning", timeout=12)
        store.on_notice = self._store_notice
        if store.created and not self.services.demo:
            self.notify(
                f"Your practice will be kept here, on this computer only: {store.data_dir}",
                title="A new folder for your data",
                timeout=15,
            )
        if self.services.demo:
            self.notify(
                "Five weeks of made-up practice in a temporary folder, removed when you quit. "
                "Your own data is untouched.",
                title="Demo",
                timeout=10,
            )
        self.start_up()
        if not self.is_headless:
            self.watchdog.start()

    @work(group="start-up")
    async def start_up(self) -> None:
        """After the first paint, one thing after another: the safety note on the first run,
        then what was asked for (``mastery quick``), else a practice or words left waiting."""
        store, services = self.services.store, self.services
        if not store.setting("safety_seen", False):
            from .screens.safety import SafetyScreen

            if await self.push_screen_wait(SafetyScreen()):
                self.persist(lambda: store.set_setting("safety_seen", True), Change.SETTINGS)
        waiting = self._start is not None or store.load_session() is not None
        if waiting:  # (the practice screens are imported only when there is one)
            from .screens.practice import start

            if self._start == "choose":
                await self._practise(start.do_it_now(self, services))
            elif isinstance(self._start, tuple):
                title, minutes = self._start
                await self._practise(start.quick_start(self, services, title, minutes))
            else:
                await self._practise(start.offer_waiting(self, services))
        elif store.drafts():
            from .screens.drafts import offer_drafts

            await offer_drafts(self, services)

    def save_state(self) -> None:
        """Ask every screen holding unsaved work to keep it (screens define ``save_state``)."""
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
        self.watchdog.stop()
        self.save_state()
        exit_after(EXIT_GRACE_SECONDS)
        self.exit()

    def exit(self, *args: Any, **kwargs: Any) -> None:
        self._exit_asked = True
        super().exit(*args, **kwargs)

    async def _on_exit_app(self) -> None:
        """An exit nobody in the app asked for: the browser's tab closed (``mastery serve``:
        textual-serve says "quit") or its server stopped. What was typed is kept, as at a
        hang-up."""
        if not self._exit_asked and not self._exiting:
            self._exiting = True
            self.key_order.drop()
            self.watchdog.stop()
            self.save_state()
        await super()._on_exit_app()

    def get_key_display(self, binding: Binding) -> str:
        """A function key a key map moved is "F2", as the shipped "F1" is written."""
        if binding.key_display is None and is_function_key(binding.key):
            return key_word(binding.key)
        return super().get_key_display(binding)

    async def action_quit(self) -> None:
        """ctrl+q, from anywhere: what is typed is kept (drafts, the practice in progress)."""
        self.save_state()
        self.exit()

    async def action_quit_key(self) -> None:
        await self.action_quit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``q`` quits from the main screens, never from a form or a dialog (a stray q there
        is a typo, not a wish to leave); ctrl+q always quits."""
        if action == "quit_key":
            return not isinstance(self.screen, ModalScreen) and getattr(self.screen, "QUIT_KEY", True)
        if action in ("support", "support_key") and support_route(self.screen_stack) in ("here", "behind"):
            return False  # already there, or right behind this dialog of it (no F1 in the footer)
        if action == "support_key":  # ? is a character in a text field: it types there
            return not _in_text_field(self.focused)
        return True

    # -- theme ------------------------------------------------------------------------------------

    def _restore_theme(self) -> None:
        wanted = self.services.theme
        if wanted and wanted not in self.available_themes:
            names = ", ".join(sorted(self.available_themes)[:6])
            self.notify(
                f"theme '{wanted}' isn't one mastery has (e.g. {names}); using your last one",
                title="config.toml",
                severity="warning",
                timeout=12,
            )
            wanted = None
        saved = wanted or self.services.store.setting("theme", DEFAULT_THEME)
        self.theme = saved if saved in self.available_themes else DEFAULT_THEME

    def _remember_theme(self, name: str) -> None:
        store = self.services.store
        if name != store.setting("theme", DEFAULT_THEME):
            self.persist(lambda: store.set_setting("theme", name), Change.SETTINGS)

    def persist(self, action: Callable[[], object], kind: Change) -> bool:
        return persist(self, action, kind)

    # -- screens ----------------------------------------------------------------------------------

    def _open(
        self,
        kind: type[Screen[Any]] | tuple[type[Screen[Any]], ...],
        build: Callable[[], Screen[Any]],
        *,
        what: str = "That screen",
    ) -> None:
        """Push a screen unless one of its kind is already open (``pages.open_once``)."""
        open_once(self, kind, build, what=what)

    def action_support(self) -> None:
        """F1 (and ? outside text fields), from every screen and dialog: the Support page."""
        show_support(self, self.services)

    def action_support_key(self) -> None:
        self.action_support()

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        self._open(HelpScreen, HelpScreen)

    def action_safety(self) -> None:
        from .screens.safety import SafetyScreen

        self.push_screen(SafetyScreen())

    def action_brainstorm(self) -> None:
        from .screens.brainstorm import BrainstormScreen

        self._open(BrainstormScreen, lambda: BrainstormScreen(self.services))

    def action_week(self) -> None:
        """``w``: the review of a running (or ended, unreviewed) week, else Day 0 setup."""
        from .screens.week_review import SavedReviewScreen, WeekReviewScreen, screen_for_week_key
        from .screens.week_setup import WeekSetupScreen

        kinds = (WeekReviewScreen, WeekSetupScreen, SavedReviewScreen)
        self._open(kinds, lambda: screen_for_week_key(self.services), what="The week")

    def action_log(self) -> None:
        from .screens.log import LogScreen

        self._open(LogScreen, lambda: LogScreen(self.services))

    def action_trends(self) -> None:
        from .screens.trends import TrendsScreen  # plotext is imported here, not at start-up

        self._open(TrendsScreen, lambda: TrendsScreen(self.services))

    def action_notes(self) -> None:
        from .screens.notes import NotesScreen

        self._open(NotesScreen, lambda: NotesScreen(self.services))

    def action_learn(self) -> None:
        from .screens.learn import LearnScreen

        self._open(LearnScreen, LearnScreen)

    def action_coach(self) -> None:
        from .screens.coach import open_coach

        open_coach(self, self.services)

    # -- do it now (screens/practice/start.py) ----------------------------------------------------

    @work(exclusive=True, group="practice")
    async def action_do_now(self) -> None:
        """``n``: finish the practice waiting, or choose what to practise now."""
        from .screens.practice.start import do_it_now

        await self._practise(do_it_now(self, self.services))

    @work(exclusive=True, group="practice")
    async def action_quick_task(self) -> None:
        from .screens.practice.start import quick_task

        await self._practise(quick_task(self, self.services))

    async def _practise(self, steps: Awaitable[None]) -> None:
        try:
            await steps
        except ValidationError as error:
            self.notify(error.message, title="Couldn't record that", severity="error")

    # -- the command palette: the commands table, and the screen's own ---------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        own = [(node, c) for table, node in _tables_of(screen) for c in palette_commands(table)]
        # Each title once: where the screen has its own entry (Home's l for the Log), that one,
        # with its key; ours over Textual's (our Quit says that what was typed is kept).
        offered_here = {c.action for _, c in own}
        ours: dict[str, SystemCommand] = {}
        for node, command in [(self, c) for c in EVERYWHERE if c.action not in offered_here] + own:
            title = command.palette_title
            if command.palette and title not in ours and self._allowed(node, command.action, screen):
                ours[title] = SystemCommand(title, _with_key(command), self._runner(node, command.action))
        for textual_command in super().get_system_commands(screen):
            if textual_command.title not in ours:
                yield textual_command
        yield from ours.values()

    def _runner(self, node: Any, action: str) -> Callable[[], Any]:
        return lambda: self.run_action(action, node)

    def _allowed(self, node: Any, action: str, screen: Screen[Any]) -> bool:
        """Offer what would work now: what ``check_action`` allows, and no new practice while
        one is waiting or a dialog is open."""
        from textual.actions import parse

        target, name, parameters = parse(action)
        if target == "app" or node is self:
            if name in ("do_now", "quick_task"):
                return not isinstance(screen, ModalScreen) and self.services.store.load_session() is None
            return True
        owner = screen if target == "screen" else node
        try:
            return bool(owner.check_action(name, parameters))
        except SkipAction:
            return False


def _with_key(command: Any) -> str:
    """The palette's line under a title: what it does, and its key (the user's, if moved); an
    app-wide command that only Home has a key for says so."""
    if command.key and command.bind:
        return f"{command.help}  ·  key {key_text(command)}"
    on_home = next((c for c in HOME if c.action == command.action and c.key), None)
    return f"{command.help}  ·  key {key_text(on_home)} on Home" if on_home else command.help


def _tables_of(screen: Screen[Any]) -> list[tuple[str, Any]]:
    """The command tables of the screen and its widgets that declare one (``COMMAND_TABLE``)."""
    found: list[tuple[str, Any]] = []
    for node in (screen, *screen.walk_children()):
        table = getattr(type(node), "COMMAND_TABLE", None)
        if table:
            found.append((table, node))
    return found


def run_app(services: Services, *, start: tuple[str, int] | str | None = None) -> None:
    """Run the app in this terminal."""
    MasteryApp(services, start=start).run()


def _in_text_field(widget: object) -> bool:
    """Whether ``widget`` is an Input or a TextArea, without importing them at start-up (if
    their module isn't loaded, no such widget exists)."""
    for module, name in (("textual.widgets._input", "Input"), ("textual.widgets._text_area", "TextArea")):
        loaded = sys.modules.get(module)
        if loaded is not None and isinstance(widget, getattr(loaded, name)):
            return True
    return False
