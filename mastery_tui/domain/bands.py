"""Words for a 0–100 rating, so a number always comes with a plain meaning.

Two scales: feelings (mood, confidence) from "very low" to "very high", and difficulty from
"easy" to "too hard for now". Used by the rating slider and anywhere a rating is shown.
"""

from __future__ import annotations

from typing import Literal

Scale = Literal["rating", "difficulty"]

BANDS: dict[str, tuple[tuple[int, str], ...]] = {
    "rating": (
        (20, "very low"),
        (40, "low"),
        (60, "medium"),
        (80, "high"),
        (100, "very high"),
    ),
    "difficulty": (
        (20, "easy"),
        (40, "a bit of a stretch"),
        (60, "challenging"),
        (80, "hard"),
        (100, "too hard for now"),
    ),
}

RATING_MIN = 0
RATING_MAX = 100


def clamp_rating(value: int) -> int:
    """``value`` as an int held inside 0–100."""
    return max(RATING_MIN, min(RATING_MAX, int(value)))


def band_word(value: int, scale: Scale = "rating") -> str:
    """The word for the band ``value`` falls in: 0–20, 21–40, 41–60, 61–80, 81–100."""
    value = clamp_rating(value)
    for top, word in BANDS[scale]:
        if value <= top:
            return word
    return BANDS[scale][-1][1]  # pragma: no cover - clamp keeps value <= 100


def longest_band_word(scale: Scale = "rating") -> int:
    return max(len(word) for _, word in BANDS[scale])
