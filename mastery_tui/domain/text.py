"""Cleaning user text where it enters the domain.

Text typed by a person (or pasted, or imported) may carry terminal control sequences: an
ESC[2J that clears the screen, an OSC 52 that writes the clipboard, a U+202E that reverses
what follows. Those would reach the terminal when the text is shown again, so they are
removed here, once, before anything is stored. Markup-looking text such as ``[TODO]`` is
*kept*: it is data, and the UI renders it without markup.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from .errors import ValidationError

# ESC-introduced sequences, longest forms first.
_ESC_SEQUENCES_PATTERN = (
    r"""
    \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?      # OSC ... BEL or ST (OSC 52 clipboard, titles, links)
    | \x1b[PX^_][^\x1b]*(?:\x1b\\)?          # DCS, SOS, PM, APC ... ST
    | \x1b\[[0-?]*[ -/]*[@-~]?               # CSI (colours, cursor moves, ESC[2J)
    | \x1b[ -/]*[0-~]?                       # two- and three-byte escapes
    | \x9b[0-?]*[ -/]*[@-~]?                 # 8-bit CSI
    | \x9d[^\x07\x9c]*(?:\x07|\x9c)?         # 8-bit OSC
    """,
    re.VERBOSE,
)

# Bidirectional overrides and isolates, and the invisible direction marks.
_BIDI = dict.fromkeys(
    [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)

_NEWLINES_PATTERN = r"\r\n?|[\x85\u2028\u2029]"


# Compiled on first use: most text is already clean (the fast path below), and compiling at
# import would cost every start of the CLI.
@cache
def _esc_sequences() -> re.Pattern[str]:
    return re.compile(*_ESC_SEQUENCES_PATTERN)


@cache
def _newlines() -> re.Pattern[str]:
    return re.compile(_NEWLINES_PATTERN)


def _is_control(char: str) -> bool:
    code = ord(char)
    return code < 0x20 or 0x7F <= code <= 0x9F


def strip_controls(value: str, *, multiline: bool = False) -> str:
    """Remove escape sequences, control and bidi characters from ``value``.

    Tabs become spaces. Newlines are kept when ``multiline`` is true, otherwise they become
    spaces so that "two\\nlines" does not silently turn into "twolines".
    """
    if value.isprintable() and unicodedata.is_normalized("NFC", value):
        # Nothing to strip: printable excludes every control (C0, C1, ESC), the bidi and
        # direction marks (format characters) and the line separators. Most stored text is
        # like this, and every record read from disk passes through here.
        return value
    text = unicodedata.normalize("NFC", value)
    text = _newlines().sub("\n", text)
    text = _esc_sequences().sub("", text)
    text = text.translate(_BIDI)
    out: list[str] = []
    for char in text:
        if char == "\n":
            out.append("\n" if multiline else " ")
        elif char == "\t":
            out.append(" ")
        elif not _is_control(char):
            out.append(char)
    return "".join(out)


def _has_surrogate(value: str) -> bool:
    """A lone surrogate: what Python makes of bytes that aren't UTF-8 (a terminal in another
    encoding) or of a broken \\ud800 escape in JSON. It can't be saved as UTF-8."""
    return any("\ud800" <= char <= "\udfff" for char in value)


def clean_text(
    value: object,
    *,
    field: str,
    label: str,
    max_len: int,
    min_len: int = 0,
    multiline: bool = False,
) -> str:
    """Clean ``value`` and check its length; raise ValidationError with a readable message."""
    if not isinstance(value, str):
        raise ValidationError(field, f"{label} must be text.")
    if not value.isprintable() and _has_surrogate(value):
        raise ValidationError(
            field,
            f"{label} holds characters that aren't valid text (bytes that weren't UTF-8).",
        )
    text = strip_controls(value, multiline=multiline)
    if multiline:
        lines = [" ".join(line.split()) for line in text.split("\n")]
        text = "\n".join(lines).strip("\n")
        text = re.sub(r"\n{3,}", "\n\n", text)
    else:
        text = " ".join(text.split())
    if len(text) < min_len:
        if min_len == 1:
            raise ValidationError(field, f"{label} can't be empty.")
        raise ValidationError(field, f"{label} needs at least {min_len} characters.")
    if len(text) > max_len:
        raise ValidationError(
            field, f"{label} is {len(text)} characters; please keep it to {max_len}."
        )
    return text
