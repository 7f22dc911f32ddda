"""Textual's Footer, rebuilt only when what it shows changes.

Textual's Footer recomposes every key on every bindings update: each focus move (tab through a
form, enter from one rating to the next) and each screen change. Most of those show the same
keys, and building them again was a fifth of the app's work per key typed (measured with
py-spy on a burst of 17 keys through a practice). Here the footer keeps what it last showed
and recomposes only when a key, its words or its enabled state differ: the same footer, drawn
once, so keys typed over a slow link are answered sooner and nothing flickers.

Below 80 columns not every key fits, and Textual's footer cuts off whatever comes last, which
can be the key that finishes or leaves. There the footer shows only the essential keys
(``commands.ESSENTIAL_KEYS`` and ``ESSENTIAL_IDS``: escape, F1, ctrl+s, finish, quit), compact,
then the palette hint: every other command is in the palette (ctrl+p).
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey

from ..commands import ESSENTIAL_IDS, ESSENTIAL_KEYS

NARROW = 80  # columns: below this only the essential keys are shown
VERY_NARROW = 60  # and below this, each in one word ("Start the timer" is "Start"), ^p alone


def essential(binding: Binding) -> bool:
    return binding.id in ESSENTIAL_IDS or binding.key.split(",")[0] in ESSENTIAL_KEYS

Shown = tuple[Any, ...]


class Footer(TextualFooter):
    _shown: Shown | None = None

    def _narrow(self) -> bool:
        return self.app.size.width < NARROW

    def _what_it_shows(self) -> Shown:
        """What ``compose`` would draw now: every shown binding with its state, and the options."""
        rows = tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip, id(binding.group))
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show or binding.key == self.app.COMMAND_PALETTE_BINDING
        )
        width = 2 if self._narrow() and self.app.size.width < VERY_NARROW else int(self._narrow())
        return (self.compact, self.show_command_palette, width, rows)

    def compose(self) -> Any:
        if self._bindings_ready:
            self._shown = self._what_it_shows()
        if self._bindings_ready and self._narrow():
            return self._essential_keys()
        return super().compose()

    def _essential_keys(self) -> Any:
        """The keys to finish or leave, compact, then the palette's (which has the rest)."""
        active = self.screen.active_bindings
        seen: set[str] = set()
        kept = []
        for _, binding, enabled, tooltip in active.values():
            if binding.show and essential(binding) and binding.action not in seen:
                seen.add(binding.action)
                kept.append((binding, enabled, tooltip))
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        self.styles.grid_size_columns = len(kept) + (1 if palette else 0)
        very_narrow = self.app.size.width < VERY_NARROW
        for binding, enabled, tooltip in kept:
            words = binding.description
            if very_narrow and len(words) > len("Support"):
                words = words.split()[0]
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                words,
                binding.action,
                disabled=not enabled,
                tooltip=tooltip,
            ).data_bind(compact=TextualFooter.compact)
        if palette is not None and self.show_command_palette:
            _node, binding, enabled, tooltip = palette
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                "" if very_narrow else "More",  # ^p alone: every key above stays whole
                binding.action,
                classes="-command-palette",
                disabled=not enabled,
                tooltip=binding.tooltip or binding.description,
            )

    def on_resize(self, event: events.Resize) -> None:
        if self._shown is not None and self._shown != self._what_it_shows():
            self.call_after_refresh(self._recompose_if_changed)

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
