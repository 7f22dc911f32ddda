"""Key names as Textual spells them, without importing Textual: a key map in config.toml is
checked by ``mastery keys`` too, which never loads the app.

Textual names a printable character by its Unicode name ("?" is "question_mark", "/" is
"slash"), letters and digits by themselves ("l", "L", "5"), and the other keys by the names below.
A test keeps this file in step with Textual's own ``textual.keys``.
"""

from __future__ import annotations

import itertools
import unicodedata

MODIFIERS = ("ctrl", "alt", "shift", "super", "meta", "hyper")
# The keys that aren't characters (Textual's ``Keys``, less its internal names).
NAMED = frozenset(
    {"backspace", "delete", "down", "end", "enter", "escape", "home", "insert", "left",
     "pagedown", "pageup", "return", "right", "space", "tab", "up"}
    | {f"f{n}" for n in range(1, 25)}
)  # fmt: skip
# Textual's shorter names for a few characters (``KEY_NAME_REPLACEMENTS``).
REPLACEMENTS = {
    "solidus": "slash", "reverse_solidus": "backslash", "commercial_at": "at",
    "hyphen_minus": "minus", "plus_sign": "plus", "low_line": "underscore",
}  # fmt: skip
_UNICODE_NAMES = {short: long for long, short in REPLACEMENTS.items()}


def character_to_key(character: str) -> str:
    """The key name of one character, as Textual gives it ("?" → "question_mark")."""
    if character.isalnum():
        return character
    try:
        name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        name = "tab" if character == "\t" else character
    return REPLACEMENTS.get(name, name)


def _names_a_character(name: str) -> bool:
    """"question_mark", "slash", "full_stop": the name of one printable character."""
    words = _UNICODE_NAMES.get(name, name).upper().split("_")
    if len(words) > 8:
        return False
    # Textual wrote both " " and "-" as "_" ("LESS-THAN SIGN" is "less_than_sign").
    for joins in itertools.product(" -", repeat=len(words) - 1):
        candidate = words[0] + "".join(j + w for j, w in zip(joins, words[1:], strict=True))
        try:
            character = unicodedata.lookup(candidate)
        except KeyError:
            continue
        if len(character) == 1 and character.isprintable() and character_to_key(character) == name:
            return True
    return False


def key_name(text: str) -> str | None:
    """``text`` as Textual names the key: "F1" → "f1", "?" → "question_mark", "ctrl+F" →
    "ctrl+f", "L" stays "L" (shift+l); None when it names no key ("notakey", "ctrl+")."""
    text = text.strip()
    if not text:
        return None
    if text == "+":
        modifiers, base = [], "+"
    elif text.endswith("++"):  # "ctrl++": the plus key, with a modifier
        modifiers, base = text[:-2].split("+"), "+"
    else:
        *modifiers, base = text.split("+")
    modifiers = [m.strip().lower() for m in modifiers]
    if any(m not in MODIFIERS for m in modifiers) or len(set(modifiers)) != len(modifiers):
        return None
    if len(base) == 1:
        if not base.isprintable() or base == ",":
            return None
        if modifiers and set(modifiers) != {"shift"} and base.isalpha():
            base = base.lower()  # Textual reports ctrl+F as ctrl+f
        name = "space" if base == " " else character_to_key(base)
    else:
        name = base.strip().lower()
        if name not in NAMED and not _names_a_character(name):
            return None
    return "+".join([*modifiers, name])


# Keys a terminal sends as the byte of another key, so nothing can tell them apart (ctrl+j
# is "\n", which Textual reads as ctrl+j: that one is a key of its own).
SAME_AS = {
    "ctrl+h": "backspace", "ctrl+i": "tab", "ctrl+m": "enter", "ctrl+left_square_bracket": "escape",
}  # fmt: skip


def is_function_key(key: str) -> bool:
    """"f2", "shift+f5": keys no text field uses."""
    base = key.split("+")[-1]
    return base[:1] == "f" and base[1:].isdigit() and base in NAMED
