"""Support's words and contacts (domain), and the safety note where people read outside the
app: `mastery --help` and the Markdown worksheet."""

from __future__ import annotations

import re

import pytest

from mastery_tui import transfer
from mastery_tui.__main__ import main
from mastery_tui.domain import support
from mastery_tui.domain.errors import ValidationError
from mastery_tui.domain.words import SAFETY_NOTE
from tests.unit.test_no_shaming_words import user_strings


def test_contacts_are_cleaned_and_at_most_three() -> None:
    lines = ["  Sam \x1b[31m(friend)  ", "", "Therapist\x07", "Four", "Five"]
    assert support.clean_contacts(lines) == ["Sam (friend)", "Therapist", "Four"]
    with pytest.raises(ValidationError, match="Line 2"):
        support.clean_contacts(["ok", "x" * 101])


@pytest.mark.parametrize("stored", [None, "Sam", {"a": 1}, [1, None, ""], 5])
def test_odd_stored_contacts_read_as_none(stored: object) -> None:
    assert support.stored_contacts(stored) == []


# What isn't a phone number though it has digits in a row: a date or month file, a span of
# years, an IP address, an id, a CSS colour.
NOT_A_PHONE = re.compile(
    r"\d{4}-\d{2}(?:-\d{2})?(?:T[\d:]+)?|\b\d{4}-\d{4}\b|\b\d{1,3}(?:\.\d{1,3}){3}\b"
    r"|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|#[0-9a-fA-F]{3,8}\b"
)
PHONE = re.compile(r"\+?\(?\d(?:[\s().-]{0,2}\d){5,}")  # six digits or more, spaced as numbers are
SHORT_LINES = re.compile(r"\b(911|999|112|988|000|111|110|119|116\s?\d{3})\b")  # emergency, crisis lines


def phone_like(text: str) -> list[str]:
    cleaned = NOT_A_PHONE.sub(" ", text)
    return [m.group() for m in (*PHONE.finditer(cleaned), *SHORT_LINES.finditer(cleaned))]


@pytest.mark.parametrize(
    "text",
    ["e.g. Sam (friend) 07700 900123", "+44 20 7946 0958", "(555) 123-4567", "call 988 now",
     "Samaritans 116 123", "ring 911"],
)  # fmt: skip
def test_the_number_check_finds_numbers(text: str) -> None:
    assert phone_like(text)


def test_no_country_numbers_are_built_in() -> None:
    """No string the app can show holds a phone number (not even an example one): numbers
    shipped in apps go dead or reach the wrong country. Every string literal is read."""
    found = [(name, line, text[:60]) for name, line, text in user_strings() if phone_like(text)]
    assert found == []
    assert "findahelpline.com" in support.HELPLINES
    assert not phone_like(support.CONTACT_HINT)


def test_the_safety_note_is_in_help_and_the_worksheet(store, clock, capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert " ".join(SAFETY_NOTE.split()) in shown
    worksheet = transfer.export_text(store, "md", now=clock.now())
    assert worksheet.rstrip().endswith(" ".join(SAFETY_NOTE.split()))
