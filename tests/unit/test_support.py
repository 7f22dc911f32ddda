"""Support's words and contacts (domain), and the safety note where people read outside the
app: `mastery --help` and the Markdown worksheet."""

from __future__ import annotations

import pytest

from mastery_tui import transfer
from mastery_tui.__main__ import main
from mastery_tui.domain import support
from mastery_tui.domain.errors import ValidationError
from mastery_tui.domain.words import SAFETY_NOTE


def test_contacts_are_cleaned_and_at_most_three() -> None:
    lines = ["  Sam \x1b[31m(friend)  ", "", "Therapist\x07", "Four", "Five"]
    assert support.clean_contacts(lines) == ["Sam (friend)", "Therapist", "Four"]
    with pytest.raises(ValidationError, match="Line 2"):
        support.clean_contacts(["ok", "x" * 101])


@pytest.mark.parametrize("stored", [None, "Sam", {"a": 1}, [1, None, ""], 5])
def test_odd_stored_contacts_read_as_none(stored: object) -> None:
    assert support.stored_contacts(stored) == []


def test_no_country_numbers_are_built_in() -> None:
    text = " ".join([support.HELPLINES, support.EMERGENCY, support.NO_CONTACTS])
    assert not any(number in text for number in ("911", "999", "112", "988", "000"))
    assert "findahelpline.com" in support.HELPLINES


def test_the_safety_note_is_in_help_and_the_worksheet(store, clock, capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert " ".join(SAFETY_NOTE.split()) in shown
    worksheet = transfer.export_text(store, "md", now=clock.now())
    assert worksheet.rstrip().endswith(" ".join(SAFETY_NOTE.split()))
