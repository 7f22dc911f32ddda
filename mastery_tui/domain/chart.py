"""The four trends charts, in the order the screen shows them (a module of its own, so the
command table can name them without importing the trends arithmetic at start-up)."""

from __future__ import annotations

from enum import StrEnum


class Chart(StrEnum):
    """The four charts, in the order the screen shows them."""

    MOOD = "mood"
    CONFIDENCE = "confidence"
    DIFFICULTY = "difficulty"
    COMPLETIONS = "completions"

    @property
    def title(self) -> str:
        return {
            "mood": "Mood before vs after",
            "confidence": "Confidence before vs after",
            "difficulty": "Felt difficulty",
            "completions": "Completions",
        }[self.value]


CHARTS: tuple[Chart, ...] = tuple(Chart)
