"""Cleaning user text at the boundary: dangerous bytes go, markup-looking text stays literal."""

from __future__ import annotations

import pytest

from mastery_tui.domain.errors import ValidationError
from mastery_tui.domain.text import clean_text, strip_controls


def title(value: object) -> str:
    return clean_text(value, field="title", label="Title", min_len=1, max_len=120)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("[TODO] call mum", "[TODO] call mum"),
        ("[/] closing tag", "[/] closing tag"),
        ("[bold red]not markup[/]", "[bold red]not markup[/]"),
        ("clear\x1b[2Jscreen", "clearscreen"),
        ("colour \x1b[31mred\x1b[0m", "colour red"),
        ("clip\x1b]52;c;aGVsbG8=\x07board", "clipboard"),
        ("clip\x1b]52;c;aGVsbG8=\x1b\\board", "clipboard"),
        ("link \x1b]8;;http://x\x1b\\text\x1b]8;;\x1b\\", "link text"),
        ("evil\u202etxt.exe", "eviltxt.exe"),
        ("iso\u2066late\u2069", "isolate"),
        ("bell\x07 null\x00 del\x7f", "bell null del"),
        ("c1\x9b31mcsi", "c1csi"),
        ("two\nlines", "two lines"),
        ("tab\there", "tab here"),
        ("  spaced   out  ", "spaced out"),
        ("café ☕ 日本", "café ☕ 日本"),
    ],
)
def test_title_cleaning(raw: str, clean: str) -> None:
    assert title(raw) == clean


def test_multiline_keeps_newlines_but_not_controls() -> None:
    text = clean_text(
        "first\r\nsecond\x1b[2J\n\n\n\nthird", field="note", label="Note", max_len=100, multiline=True
    )
    assert text == "first\nsecond\n\nthird"


def test_empty_after_cleaning_is_refused() -> None:
    with pytest.raises(ValidationError, match="can't be empty"):
        title("\x1b[2J  \u202e ")


def test_too_long_is_refused_with_a_count() -> None:
    with pytest.raises(ValidationError, match="121 characters; please keep it to 120"):
        title("x" * 121)
    assert title("x" * 120) == "x" * 120


def test_non_text_is_refused() -> None:
    with pytest.raises(ValidationError, match="must be text"):
        title(42)


def test_strip_controls_leaves_nothing_the_terminal_would_act_on() -> None:
    nasty = "".join(chr(c) for c in range(0x00, 0xA0)) + "\u202a\u202b\u202c\u202d\u202e\u200e\u200f"
    cleaned = strip_controls(nasty)
    assert all(ord(c) >= 0x20 and not 0x7F <= ord(c) <= 0x9F for c in cleaned)
    assert not set(cleaned) & set("\u202a\u202b\u202c\u202d\u202e\u200e\u200f\x1b")


def test_a_lone_surrogate_is_refused_not_dropped():
    """Bytes that weren't UTF-8 arrive as lone surrogates: saying so beats saving 'caf' for
    'café' (or failing later, when the file is written)."""
    with pytest.raises(ValidationError, match="aren't valid text"):
        clean_text("caf\udce9", field="title", label="Title", max_len=120)
    assert clean_text("café 🙂", field="title", label="Title", max_len=120) == "café 🙂"
