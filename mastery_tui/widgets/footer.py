"""Textual's Footer, rebuilt only when what it shows changes.

Textual's Footer recomposes every key on every bindings update: each focus move (tab through a
form, enter from one rating to the next) and each screen change. Most of those show the same
keys, and building them again was a fifth of the app's work per key typed (measured with
py-spy on a burst of 17 keys through a practice). Here the footer keeps what it last showed
and recomposes only when a key, its words or its enabled state differ: the same footer, drawn
once, so keys typed over a slow link are answered sooner and nothing flickers.

Each key is built already in the footer's compact or roomy style. Textual's keys start
compact, then a data binding switches them, and each switch restyles the key: two style passes
per key on every footer drawn, which was a third of Home's first paint.

Below 80 columns not every key fits, and Textual's footer cuts off whatever comes last, which
can be the key that finishes or leaves. There the footer shows only the essential keys
(``commands.ESSENTIAL_KEYS`` and ``ESSENTIAL_IDS``: escape, F1, ctrl+s, finish, quit), compact,
then the palette hint: every other command is in the palette (ctrl+p).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from typing import Any

from textual import events
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

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

    def compose(self) -> Iterator[Widget]:
        if not self._bindings_ready:
            return
        self._shown = self._what_it_shows()
        active = self.screen.active_bindings
        shown = [(b, enabled, tip) for (_, b, enabled, tip) in active.values() if b.show]
        if self._narrow():
            yield from self._essential_keys(shown)
        else:
            yield from self._all_keys(shown)
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        if palette is not None and self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            _node, binding, enabled, tooltip = palette
            words = binding.description
            if self._narrow():  # ^p alone when very narrow: every key before it stays whole
                words = "" if self.app.size.width < VERY_NARROW else "More"
            tooltip = binding.tooltip or binding.description
            yield self._key(binding, words, enabled, tooltip, "-command-palette", compact=True)

    def _key(
        self,
        binding: Binding,
        words: str,
        enabled: bool,
        tooltip: str,
        classes: str = "",
        compact: bool | None = None,
    ) -> FooterKey:
        """A key already in the footer's style (Textual's start compact, then switch). The
        palette's key is always compact, as in Textual's footer."""
        compact = self.compact if compact is None else compact
        if compact:
            classes += " -compact"
        key = FooterKey(
            binding.key,
            self.app.get_key_display(binding),
            words,
            binding.action,
            disabled=not enabled,
            tooltip=tooltip,
            classes=classes,
        )
        key.set_reactive(FooterKey.compact, compact)
        return key

    def _all_keys(self, shown: list[tuple[Binding, bool, str]]) -> Iterator[Widget]:
        """Textual's footer: one key per action; a group of two or more under its label."""
        by_action: dict[str, list[tuple[Binding, bool, str]]] = {}
        for row in shown:
            by_action.setdefault(row[0].action, []).append(row)
        self.styles.grid_size_columns = len(by_action)
        firsts = [rows[0] for rows in by_action.values()]
        for group, members in groupby(firsts, lambda row: row[0].group):
            keys = list(members)
            if group is not None and len(keys) > 1:
                with KeyGroup(classes="-compact" if group.compact else ""):
                    for binding, enabled, tooltip in keys:
                        yield self._key(
                            binding, "", enabled, tooltip or binding.description, "-grouped"
                        )
                yield FooterLabel(group.description)
            else:
                for binding, enabled, tooltip in keys:
                    yield self._key(binding, binding.description, enabled, tooltip)

    def _essential_keys(self, shown: list[tuple[Binding, bool, str]]) -> Iterator[Widget]:
        """The keys to finish or leave, compact (the palette's, which has the rest, follows)."""
        seen: set[str] = set()
        kept = []
        for binding, enabled, tooltip in shown:
            if essential(binding) and binding.action not in seen:
                seen.add(binding.action)
                kept.append((binding, enabled, tooltip))
        palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        self.styles.grid_size_columns = len(kept) + (1 if palette else 0)
        very_narrow = self.app.size.width < VERY_NARROW
        for binding, enabled, tooltip in kept:
            words = binding.description
            if very_narrow and len(words) > len("Support"):
                words = words.split()[0]
            yield self._key(binding, words, enabled, tooltip)

    def watch_compact(self) -> None:
        if self._shown is not None:  # keys are built in the footer's style, not bound to it
            self.call_after_refresh(self._recompose_if_changed)

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
