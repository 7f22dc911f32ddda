"""The keypress baseline: a bare Textual app that counts key presses in a Static.

Header, one Static and Footer, as in ``minimal_app.py``; each of the keys the keypress
benchmark sends to mastery (left/right, +/-, space) adds one to the count shown. What Textual
itself costs to turn a key into a changed screen. Run as a script
(``python benchmarks/bare_keys_app.py``), so it imports no part of mastery or of the
benchmarks package.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Static

PREFIX = "presses: "  # the screen shows "presses: N"; PREFIX in keypress.py


class BareKeysApp(App[None]):
    TITLE = "bare keys"

    BINDINGS = [Binding("left,right,plus,minus,space", "bump", "Count")]

    def __init__(self) -> None:
        super().__init__()
        self.presses = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"{PREFIX}0", id="count")
        yield Footer()

    def action_bump(self) -> None:
        self.presses += 1
        self.query_one("#count", Static).update(f"{PREFIX}{self.presses}")


if __name__ == "__main__":
    BareKeysApp().run()
