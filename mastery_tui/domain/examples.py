"""The example library: tiny tasks to start from, per life area and per focus.

Written from the skill's examples in the app's own words, with minutes and a difficulty a
newcomer might give them. Every one passes the bad-day test as written; choosing one opens it
in the add form to make it your own.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from .models import DEFAULT_AREAS, default_area_id


@dataclasses.dataclass(frozen=True)
class Example:
    title: str
    minutes: int
    difficulty: int
    group: str  # a key of GROUPS


GROUPS: dict[str, str] = {
    **dict(DEFAULT_AREAS),
    "anxiety": "For anxiety",
    "low-mood": "For low mood or depression",
    "self-esteem": "For self-esteem and identity",
}

EXAMPLES: tuple[Example, ...] = (
    Example("Study for 15 minutes, phone in another room", 15, 40, "studying"),
    Example("Review one page of notes", 10, 25, "studying"),
    Example("Write down three questions about today's topic", 10, 30, "studying"),
    Example("Learn one basic coding concept", 20, 45, "studying"),
    Example("Finish one small task I've been putting off", 15, 50, "work"),
    Example("Reply to one email I've been avoiding", 10, 55, "work"),
    Example("Write tomorrow's three priorities", 5, 20, "work"),
    Example("Clear my desk for 5 minutes", 5, 15, "work"),
    Example("Draw for 10 minutes", 10, 25, "creative"),
    Example("Practise my instrument for 10–15 minutes", 15, 35, "creative"),
    Example("Write one paragraph", 10, 35, "creative"),
    Example("Take one photo I like", 10, 15, "creative"),
    Example("Cook one simple meal", 30, 40, "daily"),
    Example("Wash one set of dishes", 5, 15, "daily"),
    Example("Sort out one drawer", 10, 25, "daily"),
    Example("Check one bill", 10, 40, "daily"),
    Example("Walk 5 minutes around the block", 5, 20, "daily"),
    Example("Say hi to one colleague", 2, 35, "social"),
    Example("Send one message I've put off", 5, 45, "social"),
    Example("Ask a friend how their week is going", 5, 30, "social"),
    Example("Make brief eye contact and say hi to one person", 2, 50, "anxiety"),
    Example("Ask one question in a meeting or class", 5, 60, "anxiety"),
    Example("Send the email I've been postponing", 10, 55, "anxiety"),
    Example("Rehearse a tricky moment coming up (Cope Ahead)", 10, 45, "anxiety"),
    Example("Shower and put on fresh clothes", 15, 35, "low-mood"),
    Example("Wash one set of dishes", 5, 25, "low-mood"),
    Example("Sit outside for 5–10 minutes", 10, 20, "low-mood"),
    Example("Spend 5–15 minutes on a small project", 15, 35, "low-mood"),
    Example("Open the curtains and drink a glass of water", 2, 10, "low-mood"),
    Example("Practise a skill I value for 15 minutes (writing, code, art)", 15, 40, "self-esteem"),
    Example("Learn ten words of a language I want to speak", 10, 35, "self-esteem"),
    Example("Add one small piece to my portfolio", 20, 50, "self-esteem"),
    Example("Write one line about how I've grown this month", 5, 25, "self-esteem"),
)

_AREA_GROUPS = {default_area_id(key): key for key, _ in DEFAULT_AREAS}


def group_for_area(area_id: str | None) -> str | None:
    """The example group of a built-in area (None for an area the user made)."""
    return _AREA_GROUPS.get(area_id or "")


def ordered_examples(area_id: str | None = None) -> list[Example]:
    """All examples, grouped; the chosen area's group first, then the focus groups."""
    first = group_for_area(area_id)
    focus = ("anxiety", "low-mood", "self-esteem")
    order = [g for g in (first, *focus) if g] + [g for g in GROUPS if g != first and g not in focus]
    rank = {group: index for index, group in enumerate(order)}
    return sorted(EXAMPLES, key=lambda e: rank[e.group])  # stable: keeps each group's order


def search_examples(query: str, examples: Iterable[Example] = EXAMPLES) -> list[Example]:
    """Examples whose title or group has every word of ``query`` (any case)."""
    words = query.casefold().split()
    found = []
    for example in examples:
        haystack = f"{example.title} {GROUPS[example.group]} {example.group}".casefold()
        if all(word in haystack for word in words):
            found.append(example)
    return found


def grouped(examples: Sequence[Example]) -> list[tuple[str, list[Example]]]:
    """Consecutive examples of one group together: [(group label, [examples…]), …]."""
    out: list[tuple[str, list[Example]]] = []
    for example in examples:
        label = GROUPS[example.group]
        if out and out[-1][0] == label:
            out[-1][1].append(example)
        else:
            out.append((label, [example]))
    return out
