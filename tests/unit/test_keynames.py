"""Key names without Textual, checked against Textual's own: a key map must name keys the way
Textual reports them, or a moved key would never fire."""

from __future__ import annotations

import string

import pytest
from textual.keys import Keys, _character_to_key

from mastery_tui.commands.keynames import (
    NAMED,
    SAME_AS,
    character_to_key,
    is_function_key,
    key_name,
)


def test_the_named_keys_are_textuals() -> None:
    textual = {k.value.split("+")[-1] for k in Keys}
    internal = {n for n in textual if n.startswith("<")} | {"ctrl-at"}
    characters = {n for n in textual if len(n) == 1 or _character_to_key_named(n)}
    assert NAMED == textual - internal - characters


def _character_to_key_named(name: str) -> bool:
    """A visible character's name ("slash"); tab and space are keys of their own."""
    return any(_character_to_key(c) == name for c in string.printable.strip())


@pytest.mark.parametrize("character", list(string.printable.strip()) + ["é", "€", "£", "ß"])
def test_every_character_is_named_as_textual_names_it(character: str) -> None:
    assert character_to_key(character) == _character_to_key(character)
    if character != ",":  # the separator between keys in a key map
        assert key_name(character) == _character_to_key(character)
        assert key_name(_character_to_key(character)) == _character_to_key(character)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("F1", "f1"), ("ctrl+F", "ctrl+f"), ("L", "L"), ("shift+tab", "shift+tab"),
        ("Escape", "escape"), ("ctrl++", "ctrl+plus"), ("+", "plus"), ("PageUp", "pageup"),
        ("ctrl+shift+up", "ctrl+shift+up"), ("question_mark", "question_mark"),
        ("notakey", None), ("ctrl+", None), ("", None), ("hyper+ctrl+ctrl+a", None),
        ("f25", None), ("cmd+s", None), ("hyphen_minus", None),  # Textual says "minus"
    ],
)  # fmt: skip
def test_key_names_are_normalised_or_refused(text: str, name: str | None) -> None:
    assert key_name(text) == name


@pytest.mark.parametrize(
    ("key", "function"),
    [("f2", True), ("shift+f5", True), ("f24", True), ("s", False), ("enter", False),
     ("ctrl+h", False), ("backspace", False), ("up", False), ("fullwidth_f", False)],
)  # fmt: skip
def test_function_keys_are_the_ones_no_field_uses(key: str, function: bool) -> None:
    assert is_function_key(key) is function


def test_the_keys_a_terminal_cannot_tell_apart_read_as_the_other_key() -> None:
    """Each ctrl key's byte (ctrl+h is 0x08) through Textual's own parser of terminal input."""
    from textual._xterm_parser import XTermParser

    def read(byte: str) -> list[str]:
        parser = XTermParser(debug=False)
        return [event.key for event in [*parser.feed(byte), *parser.feed("")]]

    control = {"h": "\x08", "i": "\t", "m": "\r", "left_square_bracket": "\x1b", "j": "\n"}
    for key, other in SAME_AS.items():
        assert read(control[key.removeprefix("ctrl+")]) == [other], key
    assert read(control["j"]) == ["ctrl+j"]  # a key of its own: not in SAME_AS
    assert "ctrl+j" not in SAME_AS
