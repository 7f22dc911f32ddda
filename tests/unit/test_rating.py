"""The rating slider's arithmetic: every key's effect, typing digits, mouse positions."""

from __future__ import annotations

import pytest

from mastery_tui.widgets.rating import knob_at, stepped, typed, value_at, without_last_digit


@pytest.mark.parametrize(
    ("value", "delta", "result"),
    [(50, 1, 51), (50, -1, 49), (0, -1, 0), (100, 1, 100), (95, 10, 100), (5, -10, 0), (40, 10, 50)],
)
def test_stepped_stays_in_range(value, delta, result):
    assert stepped(value, delta) == result


@pytest.mark.parametrize(
    ("keys", "value"),
    [
        ("4", 4),
        ("42", 42),
        ("100", 100),
        ("05", 5),
        ("000", 0),
        ("507", 7),  # 507 is past 100: the 7 starts again
        ("1000", 0),  # a fourth digit starts again
        ("999", 9),
        ("10", 10),
    ],
)
def test_typing_digits(keys, value):
    buffer, result = "", -1
    for key in keys:
        buffer, result = typed(buffer, key)
    assert result == value
    assert 0 <= result <= 100


def test_typed_refuses_non_digits():
    with pytest.raises(ValueError):
        typed("", "x")


def test_backspace_drops_a_digit():
    assert without_last_digit(42) == 4
    assert without_last_digit(4) is None  # the last digit gone: no answer, not a zero
    assert without_last_digit(0) is None
    assert without_last_digit(None) is None
    assert without_last_digit(100) == 10


@pytest.mark.parametrize(("x", "width", "value"), [(0, 11, 0), (10, 11, 100), (5, 11, 50), (-3, 11, 0), (99, 11, 100), (0, 1, 0)])
def test_value_at(x, width, value):
    assert value_at(x, width) == value


def test_knob_round_trips():
    for width in (11, 30, 51):
        for value in (0, 100):
            assert value_at(knob_at(value, width), width) == value
        assert knob_at(50, width) == (width - 1) // 2 or knob_at(50, width) == width // 2
