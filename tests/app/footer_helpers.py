"""What the footer shows at 80 columns: every key whole and left of the palette hint."""

from __future__ import annotations

from textual.widgets._footer import FooterKey


def footer_keys(screen) -> list[FooterKey]:
    return [key for key in screen.query(FooterKey) if not key.has_class("-command-palette")]


def footer_overflow(screen) -> list[str]:
    """Descriptions of keys cut off or pushed under the palette hint (empty when it fits)."""
    palette = [key for key in screen.query(FooterKey) if key.has_class("-command-palette")]
    right = palette[0].region.x if palette else screen.size.width
    return [
        key.description or key.key_display
        for key in footer_keys(screen)
        if key.region.width == 0 or key.region.right > right
    ]


def footer_words(screen) -> list[str]:
    return [key.description for key in footer_keys(screen)]
