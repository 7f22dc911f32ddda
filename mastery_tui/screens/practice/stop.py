"""Leaving a running timer: the person says how, nothing is chosen for them.

Escape asks how to stop: record it as partly or not this time, or discard it (nothing is
recorded), or keep going. ``q`` asks before quitting: the practice is kept for the next start.
"""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ...commands import dialog_bindings
from ...widgets.footer import Footer

StopChoice = Literal["yes", "partly", "no", "discard"]


def _keys(rows: list[tuple[str, str]]) -> Content:
    return Content("\n").join(Content.assemble((key.ljust(8), "bold"), text) for key, text in rows)


class StopScreen(ModalScreen[StopChoice | None]):
    """Returns "partly" or "no" (record it so), "discard", or None: keep going."""

    COMMAND_TABLE = "stop"
    BINDINGS = dialog_bindings(COMMAND_TABLE)

    def __init__(self, *, time_up: bool = False) -> None:
        super().__init__()
        self.time_up = time_up  # the timer reached zero: stopping isn't early, and done is a choice

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            if self.time_up:
                title, detail = "Record it?", "The time is up. Say how it went: each answer is data."
            else:
                title = "Stop here?"
                detail = "Stopping early is fine: partly counts, and not this time is data."
            yield Static(Content(title), classes="dialog-title")
            yield Static(Content(detail), id="stop-detail")
            rows = [("f", "record it: done")] if self.time_up else []
            rows += [
                ("p", "record it: partly"),
                ("n", "record it: not this time"),
                ("d", "discard it: nothing is recorded"),
                ("escape", "back to the timer" if self.time_up else "keep going"),
            ]
            yield Static(_keys(rows), classes="dialog-hint")
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and parameters == ("yes",):
            return self.time_up
        return True

    def action_choose(self, choice: StopChoice | None) -> None:
        self.dismiss(choice)


class QuitTimerScreen(ModalScreen[bool]):
    """``q`` on a running timer: quit (the practice is kept) or keep going."""

    COMMAND_TABLE = "quit_timer"
    BINDINGS = dialog_bindings(COMMAND_TABLE)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content("Quit mastery now?"), classes="dialog-title")
            yield Static(
                Content(
                    "This practice is kept: next time you start mastery you can resume it "
                    "(the time away counts, as for a dropped connection) or record it."
                ),
                id="quit-timer-detail",
            )
            yield Static(_keys([("y", "quit"), ("n", "keep going")]), classes="dialog-hint")
        yield Footer()

    def action_answer(self, quit_now: bool) -> None:
        self.dismiss(quit_now)
