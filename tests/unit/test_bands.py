"""Band words for ratings."""

from __future__ import annotations

import pytest

from mastery_tui.domain.bands import band_word, clamp_rating, longest_band_word


@pytest.mark.parametrize(
    ("value", "rating", "difficulty"),
    [
        (0, "very low", "easy"),
        (20, "very low", "easy"),
        (21, "low", "a bit of a stretch"),
        (40, "low", "a bit of a stretch"),
        (41, "medium", "challenging"),
        (60, "medium", "challenging"),
        (61, "high", "hard"),
        (80, "high", "hard"),
        (81, "very high", "too hard for now"),
        (100, "very high", "too hard for now"),
    ],
)
def test_band_edges(value, rating, difficulty):
    assert band_word(value) == rating
    assert band_word(value, "difficulty") == difficulty


def test_clamp():
    assert clamp_rating(-5) == 0 and clamp_rating(150) == 100 and clamp_rating(42) == 42
    assert band_word(500) == "very high"
    assert longest_band_word("difficulty") == len("a bit of a stretch")
