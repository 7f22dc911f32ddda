"""ASCII mode: for a terminal that can't show the app's symbols (ssh without LANG puts a session
in the POSIX locale, and tmux then draws every box line as ``qqqq``), or by ``--ascii``.

Everything the app draws passes one translation on its way to the terminal: each character
outside ASCII becomes ASCII of the same width, so the layout Textual worked out still holds.
Box lines become ``+ - |`` (big timer digits too, which are drawn with them), the week strip's
marks and the arrows their ASCII look-alikes, accented letters their base letter, and anything
else ``?`` (``??`` for a double-width character). Escape sequences are ASCII already and pass
untouched. No Textual here: ``wants_ascii`` runs before the app is imported.
"""

from __future__ import annotations

from collections.abc import Mapping

# The app's own symbols, chosen so that the week strip's shapes stay distinct (see
# domain.week.SHAPES and widgets.week_strip) and text reads naturally.
SYMBOLS: dict[str, str] = {
    "✓": "v", "◐": "/", "○": "o", "•": "*", "–": "-", "—": "-", "…": ".", "·": ".",
    "→": ">", "←": "<", "↑": "^", "↓": "v", "⇧": "^", "⏎": "<", "⌫": "<", "▸": ">", "▶": ">",
    "◆": "*", "●": "*", "◀": "<", "▲": "^", "▼": "v", "★": "*", "✗": "x", "×": "x",
    "“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"', "≤": "<", "≥": ">",
    "−": "-", "‐": "-", "‑": "-", "‒": "-", "―": "-", "⁄": "/", "±": "+", "°": "o", "µ": "u", "\u00a0": " ", "⠀": " ",
    "▁": "_", "▂": "_", "▃": "_", "▄": "=", "▅": "=", "▆": "=", "▇": "#", "█": "#",
    "▀": "^", "▌": "|", "▐": "|", "▏": "|", "▕": "|", "░": ":", "▒": "%", "▓": "#",
    # Letters and signs with no ASCII base in Unicode, as one cell (width is kept).
    "ß": "s", "æ": "a", "Æ": "A", "ø": "o", "Ø": "O", "œ": "o", "Œ": "O", "đ": "d", "Đ": "D",
    "ł": "l", "Ł": "L", "ı": "i", "ð": "d", "Ð": "D", "þ": "p", "Þ": "P", "€": "E", "£": "L",
    "¥": "Y", "½": "~", "¼": "~", "¾": "~",
}  # fmt: skip

_cache: dict[str, str] = {}


def _box(name: str) -> str:
    words = set(name.split())
    vertical = bool(words & {"UP", "DOWN", "VERTICAL"})
    horizontal = bool(words & {"LEFT", "RIGHT", "HORIZONTAL"})
    if "DIAGONAL" in words:
        return "/" if "UPPER RIGHT TO LOWER LEFT" in name else "\\"
    if vertical and horizontal or "ARC" in words:
        return "+"
    return "|" if vertical else "-"


def char(ch: str) -> str:
    """One character as ASCII of the same width on screen."""
    found = _cache.get(ch)
    if found is not None:
        return found
    if ch in SYMBOLS:
        found = SYMBOLS[ch]
    else:
        import unicodedata  # ASCII mode only: not on every start
        name = unicodedata.name(ch, "")
        if name.startswith("BOX DRAWINGS"):
            found = _box(name)
        elif name.startswith("QUADRANT"):
            found = "+"  # a corner of a panel border
        elif name.endswith("BLOCK"):  # the "tall" and "wide" borders: ▊ ▎ ▔
            if name.startswith(("LEFT", "RIGHT")):
                found = "|"
            else:
                found = "-" if name.startswith("UPPER") else "_" if "LOWER" in name else "#"
        elif name.startswith("BRAILLE PATTERN"):
            found = "*"  # a plotted point (charts draw with braille dots)
        elif unicodedata.combining(ch):
            found = ""  # an accent on the letter before, already shown as its base letter
        else:
            base = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
            wide = unicodedata.east_asian_width(ch) in ("W", "F")
            if len(base) == 1 and not wide:
                found = base
            else:
                found = "??" if wide else "?"
    _cache[ch] = found
    return found


def to_ascii(text: str) -> str:
    """``text`` with every character outside ASCII translated (escape sequences untouched)."""
    if text.isascii():
        return text
    return "".join(ch if ch < "\x80" else char(ch) for ch in text)


def _utf8(value: str) -> bool:
    codeset = value.partition(".")[2].partition("@")[0]
    return codeset.replace("-", "").lower() == "utf8"


def wants_ascii(env: Mapping[str, str]) -> bool:
    """Whether the locale the session was given can't show UTF-8: LC_ALL, else LC_CTYPE, else
    LANG names no UTF-8 codeset, or none is set (the POSIX locale).

    Python itself moves a POSIX locale to C.UTF-8 (PEP 538) and says so only by setting
    LC_CTYPE=C.UTF-8, so that value with nothing else set counts as the POSIX locale."""
    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        value = env.get(name, "")
        if not value:
            continue
        if name == "LC_CTYPE" and value == "C.UTF-8" and not env.get("LANG"):
            continue  # Python's own coercion of a POSIX locale, most likely
        return not _utf8(value)
    return True
