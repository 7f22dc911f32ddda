"""Component styles for hand-rendered widgets, with focus shown without colour."""

from __future__ import annotations

from textual.style import Style
from textual.widget import Widget


class ComponentStyle(Widget):
    """Mixin base for widgets that render their own Content from component classes."""

    def component_style(self, name: str, *, reverse: bool = False) -> Style:
        """A component's style; ``reverse`` marks focus without colour (CSS can't, here)."""
        style = self.get_visual_style(name, partial=True)
        return style + Style(reverse=True) if reverse else style
