"""Textual's Footer, rebuilt only when what it shows changes.

Textual's Footer recomposes every key on every bindings update: each focus move (tab through a
form, enter from one rating to the next) and each screen change. Most of those show the same
keys, and building them again was a fifth of the app's work per key typed (measured with
py-spy on a burst of 17 keys through a practice). Here the footer keeps what it last showed
and recomposes only when a key, its words or its enabled state differ: the same footer, drawn
once, so keys typed over a slow link are answered sooner and nothing flickers.
"""

from __future__ import annotations

from typing import Any

from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter

Shown = tuple[Any, ...]


class Footer(TextualFooter):
    _shown: Shown | None = None

    def _what_it_shows(self) -> Shown:
        """What ``compose`` would draw now: every shown binding with its state, and the options."""
        rows = tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip, id(binding.group))
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show or binding.key == self.app.COMMAND_PALETTE_BINDING
        )
        return (self.compact, self.show_command_palette, rows)

    def compose(self) -> Any:
        if self._bindings_ready:
            self._shown = self._what_it_shows()
        return super().compose()

    def bindings_changed(self, screen: Screen[Any]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        if not self.is_attached:
            return
        try:
            shown = self._what_it_shows()
        except NoMatches:  # a screen's check_action while it is built or taken down: its
            return  # next bindings update draws the footer
        if shown != self._shown:
            await self.recompose()
