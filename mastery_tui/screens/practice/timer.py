"""The timer: a large countdown that is computed from the clock, never counted.

``space`` pauses, ``+``/``-`` add or take a minute, ``f`` says it's done, ``r`` offers one short
prompt for when resistance shows up, escape asks how to stop (partly, not this time, or
discard), ``q`` asks before quitting (the practice is kept). At zero the terminal bell
rings (it travels over SSH and through tmux), the screen changes, and an optional user command
runs; past zero it keeps counting overtime.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Digits, Header, ProgressBar, Static

from ...commands import bindings
from ...domain.models import Completion
from ...domain.reflect import resistance_prompt, timer_caption
from ...domain.session import SAVE_EVERY_SECONDS, Session
from ...domain.timer import Countdown, format_clock, window_title
from ...services import Services
from ...widgets import window_title as title_bar
from ...widgets.footer import Footer
from .stop import QuitTimerScreen, StopScreen

REPAINT_SECONDS = 0.25
KEY_SAVE_DELAY = 0.3
FOOTER_LAG_SECONDS = 0.08  # how long after space the footer's Pause/Resume label follows


@dataclass(frozen=True)
class TimerOutcome:
    """How the timer ended: finished (go on to record it, with the completion the person gave
    on the way out: f is done, the stop question partly or not this time) or discarded."""

    countdown: Countdown
    finished: bool
    completion: Completion | None = None


class TimerScreen(Screen[TimerOutcome]):
    """Shows a Countdown; all the time arithmetic lives in the domain."""

    SUB_TITLE = "Do it now"

    COMMAND_TABLE = "timer"
    BINDINGS = bindings(COMMAND_TABLE)

    DEFAULT_CSS = """
    TimerScreen #timer { align: center middle; height: 1fr; }
    TimerScreen #timer-box { width: 66; max-width: 100%; height: auto; padding: 0 1; }
    TimerScreen #timer-box > Static { width: 100%; text-align: center; }
    TimerScreen #timer-title { text-style: bold; }
    TimerScreen #timer-digits { width: 100%; text-align: center; margin-top: 1; }
    TimerScreen #timer-bar { width: 100%; margin-top: 1; }
    TimerScreen #timer-bar Bar { width: 1fr; }
    TimerScreen #timer-prompt { margin-top: 1; padding: 0 1; border: round $accent; }
    TimerScreen #timer-digits.-paused { text-style: dim; }
    TimerScreen #timer-digits.-overtime { text-style: bold; color: $warning; }
    """

    def __init__(
        self,
        services: Services,
        session: Session,
        countdown: Countdown,
        *,
        on_save: Callable[[Countdown], None],
    ) -> None:
        super().__init__()
        self.services = services
        self.session = session
        self.countdown = countdown
        self._on_save = on_save
        self._on_done_command = services.on_done_command
        self._last_save = 0.0
        self._rang = False
        self._prompt_index = -1
        self._pending_save: Timer | None = None

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with Vertical(id="timer"), Vertical(id="timer-box"):
            yield Static(Content(self.session.title), id="timer-title")
            if self.session.plan_text:
                yield Static(Content(self.session.plan_text), id="timer-plan", classes="muted")
            yield Digits("", id="timer-digits")
            yield ProgressBar(total=1.0, show_eta=False, show_percentage=True, id="timer-bar")
            yield Static(id="timer-caption")
            yield Static(id="timer-prompt")
        yield Footer()

    def on_mount(self) -> None:
        mono = self.services.clock.monotonic()
        self._last_save = mono
        self._rang = self.countdown.overtime(mono)
        self.query_one("#timer-prompt").display = False
        self.tick()
        self.set_interval(REPAINT_SECONDS, self.tick)

    # -- the clock ---------------------------------------------------------------------------

    def _mono(self) -> float:
        return self.services.clock.monotonic()

    def tick(self) -> None:
        """Repaint from the clock; ring once at zero; save every few seconds."""
        mono = self._mono()
        remaining = self.countdown.remaining(mono)
        digits = self.query_one("#timer-digits", Digits)
        digits.update(format_clock(remaining))
        self.query_one("#timer-bar", ProgressBar).update(progress=self.countdown.progress(mono))
        paused = not self.countdown.running
        caption = "Paused. Press space to carry on." if paused else timer_caption(remaining)
        self.query_one("#timer-caption", Static).update(Content(caption))
        over = remaining <= 0
        # Classes go on the digits, not the screen: restyling one widget keeps keys snappy.
        digits.set_class(paused, "-paused")
        digits.set_class(over, "-overtime")
        title_bar.show(self.app, window_title(remaining, paused=paused))
        if over and not self._rang:
            self._rang = True
            self._time_is_up()
        if mono - self._last_save >= SAVE_EVERY_SECONDS:
            self.save_state()

    def on_unmount(self) -> None:
        title_bar.show(self.app, None)  # the person's own title back

    def _time_is_up(self) -> None:
        self.app.bell()
        self.notify("Time's up. Press f when it's done, or keep going.", title="Time's up", timeout=6)
        if self._on_done_command and (problem := run_on_done(self._on_done_command)):
            self.notify(problem, title="On-done command", severity="warning")

    def _save_soon(self) -> None:
        """Save shortly after a key, once the screen has been painted: a burst of +/- presses
        costs one durable write, and the write never delays the key's feedback."""
        if self._pending_save is not None:
            self._pending_save.stop()
        self._pending_save = self.set_timer(KEY_SAVE_DELAY, self.save_state)

    def save_state(self) -> None:
        """Called every few seconds, after keys, and by the app on SIGHUP/SIGTERM."""
        if self._pending_save is not None:
            self._pending_save.stop()
            self._pending_save = None
        self._last_save = self._mono()
        self._on_save(self.countdown)

    # -- keys ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """space reads "Pause" while running and "Resume" while paused."""
        if action == "toggle":
            return parameters[0] == self.countdown.running
        return True

    def action_toggle(self, pausing: bool = True) -> None:
        if pausing != self.countdown.running:
            return
        self.countdown = self.countdown.toggle(self._mono(), self.services.now())
        self.tick()
        self._save_soon()
        # The footer's Pause/Resume label follows a moment later: recomposing the footer in
        # the same frame doubles the time until the pause itself shows (make bench keys).
        self.set_timer(FOOTER_LAG_SECONDS, self.refresh_bindings, name="timer-footer")

    def action_adjust(self, minutes: int) -> None:
        before = self.countdown.remaining(self._mono())
        self.countdown = self.countdown.adjust(minutes)
        if self.countdown.remaining(self._mono()) > 0 and before <= 0:
            self._rang = False  # more time after zero: ring again at the new zero
        self.tick()
        self._save_soon()

    def action_finish(self) -> None:
        """f: done. (Partly or not this time: escape asks.)"""
        self.countdown = self.countdown.pause(self._mono())
        self.dismiss(TimerOutcome(self.countdown, finished=True, completion=Completion.YES))

    def action_resist(self) -> None:
        self._prompt_index += 1
        prompt = self.query_one("#timer-prompt", Static)
        prompt.update(Content(resistance_prompt(self._prompt_index)))
        prompt.display = True

    @work(exclusive=True, group="timer-stop")
    async def action_stop(self) -> None:
        """escape: stop here, recorded as partly or not this time, or discarded."""
        time_up = self.countdown.remaining(self._mono()) <= 0
        choice = await self.app.push_screen_wait(StopScreen(time_up=time_up))
        if choice is None:
            return
        countdown = self.countdown.pause(self._mono())
        if choice == "discard":
            self.dismiss(TimerOutcome(countdown, finished=False))
        else:
            self.dismiss(TimerOutcome(countdown, finished=True, completion=Completion(choice)))

    @work(exclusive=True, group="timer-stop")
    async def action_quit_asking(self) -> None:
        """q: a single stray key must not end a practice; the session is kept either way."""
        if await self.app.push_screen_wait(QuitTimerScreen()):
            self.save_state()
            await self.app.action_quit()


def run_on_done(command: str) -> str | None:
    """Run the user's on-done command (e.g. a desktop notification) through their shell, so
    ``date >> ~/done.log`` or ``a; b`` work as typed; detached, output ignored. Returns a
    readable problem if it could not start."""
    from ...shell import user_shell

    try:
        subprocess.Popen(
            [user_shell(), "-c", command],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except (OSError, ValueError) as error:
        return f"couldn't run {command!r}: {error}"
    return None
