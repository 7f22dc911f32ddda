"""Pilot: the rating slider driven by every key and by the mouse."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Input

from mastery_tui.widgets.rating import RatingSlider


class SliderApp(App[None]):
    def __init__(
        self, value: int | None = 50, scale: str = "rating", reference: int | None = None
    ) -> None:
        super().__init__()
        self.start = value
        self.scale = scale
        self.reference = reference
        self.changes: list[int | None] = []
        self.confirmed: list[int | None] = []

    def compose(self) -> ComposeResult:
        yield RatingSlider(
            self.start, scale=self.scale, reference=self.reference, id="slider"  # type: ignore[arg-type]
        )
        yield Input(id="other")

    def on_mount(self) -> None:
        self.query_one(RatingSlider).focus()

    def on_rating_slider_changed(self, event: RatingSlider.Changed) -> None:
        assert event.value is None or isinstance(event.value, int)
        self.changes.append(event.value)

    def on_rating_slider_confirmed(self, event: RatingSlider.Confirmed) -> None:
        self.confirmed.append(event.value)


async def press(
    keys: list[str], start: int | None = 50, reference: int | None = None
) -> tuple[SliderApp, int | None]:
    app = SliderApp(start, reference=reference)
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        return app, app.query_one(RatingSlider).value


@pytest.mark.parametrize(
    ("keys", "start", "value"),
    [
        (["right"], 50, 51),
        (["left"], 50, 49),
        (["shift+right"], 50, 60),
        (["shift+left"], 50, 40),
        (["pageup"], 50, 60),
        (["pagedown"], 50, 40),
        (["home"], 50, 0),
        (["end"], 50, 100),
        (["left"], 0, 0),
        (["right"], 100, 100),
        (["pageup"], 95, 100),
        (["pagedown"], 5, 0),
        (["4", "2"], 50, 42),
        (["1", "0", "0"], 50, 100),
        (["7"], 50, 7),
        (["5", "0", "7"], 50, 7),
        (["4", "2", "backspace"], 50, 4),
        (["4", "right", "2"], 50, 2),  # another key ends the typed number
    ],
)
async def test_every_key(keys, start, value):
    app, result = await press(keys, start)
    assert result == value
    assert app.changes[-1] == value if app.changes else start == value


async def test_enter_confirms_the_value():
    app, value = await press(["3", "5", "enter"])
    assert value == 35
    assert app.confirmed == [35]


async def test_changed_is_posted_for_each_change_only():
    app, _ = await press(["right", "right", "home", "home"], 50)
    assert app.changes == [51, 52, 0]


async def test_value_set_from_code_is_clamped_int():
    app = SliderApp()
    async with app.run_test(size=(60, 5)) as pilot:
        slider = app.query_one(RatingSlider)
        slider.value = 250
        await pilot.pause()
        assert slider.value == 100
        slider.value = -3
        await pilot.pause()
        assert slider.value == 0


async def test_click_and_drag_set_the_value():
    app = SliderApp(50)
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        slider = app.query_one(RatingSlider)
        track = slider._track_width()
        await pilot.click(RatingSlider, offset=(0, 0))
        await pilot.pause()
        assert slider.value == 0
        await pilot.click(RatingSlider, offset=(track - 1, 0))
        await pilot.pause()
        assert slider.value == 100
        await pilot.mouse_down(RatingSlider, offset=(2, 0))
        await pilot.hover(RatingSlider, offset=((track - 1) // 2, 0))
        await pilot.mouse_up(RatingSlider, offset=((track - 1) // 2, 0))
        await pilot.pause()
        assert 45 <= slider.value <= 55
        # A click on the number or band word leaves the value alone.
        before = slider.value
        await pilot.click(RatingSlider, offset=(track + 2, 0))
        await pilot.pause()
        assert slider.value == before


async def test_focus_shows_without_colour():
    app = SliderApp(30, scale="difficulty")
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        slider = app.query_one(RatingSlider)
        focused = slider.render()
        assert "◆" in focused.plain and "30" in focused.plain
        assert "a bit of a stretch" in focused.plain
        assert any(getattr(span.style, "reverse", False) for span in focused.spans)
        await pilot.press("tab")
        await pilot.pause()
        blurred = slider.render()
        assert "●" in blurred.plain and "◆" not in blurred.plain
        assert not any(getattr(span.style, "reverse", False) for span in blurred.spans)


@pytest.mark.parametrize(
    ("keys", "reference", "value"),
    [
        ([], 60, None),  # unanswered until the person answers
        (["enter"], 60, None),  # enter moves on; it doesn't take the reference as the answer
        (["right"], 60, 61),  # the first arrow starts from the reference ...
        (["left"], 60, 59),
        (["shift+right"], 60, 70),
        (["right"], None, 51),  # ... or from the middle when there is none
        (["4", "2"], 60, 42),  # a digit types a value
        (["home"], 60, 0),
        (["end"], None, 100),
        (["4", "backspace"], 60, None),  # the last digit gone: unanswered again
        (["backspace"], 60, None),
    ],
)
async def test_an_unanswered_slider(keys, reference, value):
    app, result = await press(keys, start=None, reference=reference)
    assert result == value


async def test_unanswered_shows_not_rated_and_the_reference_without_colour():
    app = SliderApp(None, reference=60)
    async with app.run_test(size=(70, 5)) as pilot:
        await pilot.pause()
        slider = app.query_one(RatingSlider)
        text = slider.render().plain
        assert "not rated" in text and "–" in text
        assert "last time 60" in text
        assert "●" not in text and "◆" not in text  # no knob: nothing is chosen
        assert "┊" in text  # the reference, marked on the track
        await pilot.press("4", "2")
        text = slider.render().plain
        assert "42" in text and "not rated" not in text and "last time 60" in text
