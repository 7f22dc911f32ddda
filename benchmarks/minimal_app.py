"""The first-paint baseline: the smallest Textual app with mastery's frame.

Header, one Static and Footer, nothing else: the cost of Python plus Textual, which mastery
can't go below. Run as a script (``python benchmarks/minimal_app.py``), so it imports no
part of mastery or of the benchmarks package.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

SENTINEL = "minimal-app-ready"


class MinimalApp(App[None]):
    TITLE = "minimal"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(SENTINEL)
        yield Footer()


if __name__ == "__main__":
    MinimalApp().run()
