"""Support, one key from every screen (SKILL.md, care rules): the safety note, the people the
person chose to write in, and where to find a helpline. No country's numbers are built in:
lists of numbers shipped in apps have been found to hold dead or wrong-region lines."""

from __future__ import annotations

from collections.abc import Iterable

from .text import clean_text

MAX_CONTACTS = 3
CONTACT_MAX = 100
SETTING = "support_contacts"  # a list of up to three lines, kept in the data folder only

TITLE = "Support"
CONTACTS_HEADING = "Your people"
NO_CONTACTS = (
    "No one added yet. Press e to write in up to three people or services you can reach "
    "when things feel heavy: a friend, your therapist, a line you trust."
)
HELPLINES = (
    "Find a helpline: findahelpline.com lists free, confidential helplines in many countries "
    "and is checked by people who know them."
)
EMERGENCY = "If you are in danger right now, call your local emergency number."
CONTACT_HINT = "e.g. Sam (friend) and how to reach them, or my therapist on Thursdays"


def clean_contacts(lines: Iterable[str]) -> list[str]:
    """Up to three non-empty lines, each cleaned (no control or escape characters) and at most
    100 characters; empty lines are dropped. Raises ValidationError naming the line."""
    kept: list[str] = []
    for number, line in enumerate(lines, 1):
        text = clean_text(line, field=f"contact{number}", label=f"Line {number}", max_len=CONTACT_MAX)
        if text:
            kept.append(text)
    return kept[:MAX_CONTACTS]


def stored_contacts(value: object) -> list[str]:
    """The contacts as stored; anything unexpected reads as none (never a crash in Support)."""
    if not isinstance(value, list):
        return []
    return [line for line in value if isinstance(line, str) and line][:MAX_CONTACTS]
