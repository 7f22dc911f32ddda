"""RatingSlider: a 0–100 rating by keys or mouse, with the number and a word for its band.

Used for difficulty in the task form and for mood, confidence and felt difficulty around a
practice. A rating can start *unanswered* (``value`` None, shown as "–  not rated"): the app
never puts a number in the person's mouth. A ``reference`` (last time's rating, or the task's
own estimate) may be shown beside it and marked on the track; it is not an answer, but the
first arrow key starts from it.

Keys: left/right ±1, shift+left/right or page up/down ±10, home/end 0/100, digits type a value
("4", "2" is 42), backspace drops a digit (and the last one clears the answer), enter
confirms. Click or drag on the track to set it. Focus shows without colour: the knob becomes a
diamond and the number is shown in reverse video.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive

from ..commands import bindings
from ..domain.bands import Scale, band_word, clamp_rating, longest_band_word
from ..domain.models import NOT_RATED
from .style import ComponentStyle

MIN_TRACK = 5
NUMBER_WIDTH = 5  # " 100 "
WIDEST_WORD = max(longest_band_word("rating"), longest_band_word("difficulty"), len(NOT_RATED))
NO_REFERENCE_START = 50  # where the first arrow starts when there is no reference


def stepped(value: int, delta: int) -> int:
    """``value`` moved by ``delta`` and held inside 0–100."""
    return clamp_rating(value + delta)


def typed(buffer: str, digit: str) -> tuple[str, int]:
    """Type one digit: returns the new buffer and the value it means.

    Digits accumulate ("4", "2" -> 42; "1", "0", "0" -> 100) until another digit would go
    past 100 or past three digits; then that digit starts a new number.
    """
    if not (len(digit) == 1 and digit.isdigit()):
        raise ValueError(f"not a digit: {digit!r}")
    candidate = buffer + digit
    if len(buffer) >= 3 or int(candidate) > 100:
        candidate = digit
    candidate = str(int(candidate))
    return candidate, int(candidate)


def without_last_digit(value: int | None) -> int | None:
    """Backspace: 42 -> 4, 4 -> None (not rated), None stays None."""
    if value is None or clamp_rating(value) < 10:
        return None
    return clamp_rating(value) // 10


def reference_text(label: str, reference: int) -> str:
    """The reference as it is shown after the slider: " · last time 60"."""
    return f" · {label} {reference}"


def reference_room(*labels: str) -> int:
    """Cells for the widest reference any of ``labels`` can show (sliders that line up)."""
    return max(len(reference_text(label, 100)) for label in labels)


def value_at(x: int, track_width: int) -> int:
    """The value for a click ``x`` cells into a track ``track_width`` wide."""
    if track_width <= 1:
        return 0
    return clamp_rating(round(max(0, min(x, track_width - 1)) * 100 / (track_width - 1)))


def knob_at(value: int, track_width: int) -> int:
    """Where the knob sits on a track ``track_width`` wide."""
    if track_width <= 1:
        return 0
    return round(clamp_rating(value) * (track_width - 1) / 100)


class RatingSlider(ComponentStyle, can_focus=True):
    """A horizontal 0–100 slider. ``value`` is an int from 0 to 100, or None: not rated."""

    COMMAND_TABLE = "slider"
    BINDINGS = bindings(COMMAND_TABLE)

    COMPONENT_CLASSES = {
        "rating-slider--filled",
        "rating-slider--empty",
        "rating-slider--knob",
        "rating-slider--value",
        "rating-slider--band",
        "rating-slider--reference",
    }

    DEFAULT_CSS = """
    RatingSlider {
        height: 1;
        width: 1fr;
        min-width: 30;
        & > .rating-slider--filled { color: $accent; }
        & > .rating-slider--empty { color: $foreground 40%; }
        & > .rating-slider--knob { color: $foreground; text-style: bold; }
        & > .rating-slider--value { text-style: bold; }
        & > .rating-slider--band { color: $foreground 80%; }
        & > .rating-slider--reference { color: $foreground 60%; }
        &:focus > .rating-slider--knob { color: $accent; text-style: bold; }
    }
    """

    value: reactive[int | None] = reactive(None, init=False)

    @dataclass
    class Changed(Message):
        """The value changed (by a key, the mouse, or code)."""

        slider: RatingSlider
        value: int | None

        @property
        def control(self) -> RatingSlider:
            return self.slider

    @dataclass
    class Confirmed(Message):
        """Enter was pressed: the person is happy with ``value`` (None: leave it unanswered)."""

        slider: RatingSlider
        value: int | None

        @property
        def control(self) -> RatingSlider:
            return self.slider

    def __init__(
        self,
        value: int | None = None,
        *,
        reference: int | None = None,
        reference_label: str = "last time",
        scale: Scale = "rating",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
        word_cells: int | None = None,
        reference_cells: int | None = None,
    ) -> None:
        """``word_cells``: room kept for the band word; give sliders of different scales the
        same value (``WIDEST_WORD``) to line their tracks up in one form. ``reference``: a value
        to show beside the slider ("last time 60"), never taken as the answer;
        ``reference_cells``: room kept for it, the same on sliders that should line up."""
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self.scale: Scale = scale
        self.word_cells = word_cells if word_cells is not None else longest_band_word(scale)
        self.word_cells = max(self.word_cells, len(NOT_RATED))
        self.reference = None if reference is None else clamp_rating(reference)
        self.reference_label = reference_label
        self.reference_cells = reference_cells
        self._buffer = ""
        self._dragging = False
        self.set_reactive(RatingSlider.value, None if value is None else clamp_rating(value))
        self.set_class(value is None, "-unanswered")

    # -- value -------------------------------------------------------------------------------

    def validate_value(self, value: int | None) -> int | None:
        return None if value is None else clamp_rating(value)

    def watch_value(self, value: int | None) -> None:
        self.set_class(value is None, "-unanswered")
        self.post_message(self.Changed(self, value))

    @property
    def answered(self) -> bool:
        return self.value is not None

    @property
    def band(self) -> str:
        return NOT_RATED if self.value is None else band_word(self.value, self.scale)

    # -- keys --------------------------------------------------------------------------------

    def action_step(self, delta: int) -> None:
        """±1 or ±10; unanswered, the first step starts from the reference (or the middle)."""
        self._buffer = ""
        if self.value is None:
            start = self.reference if self.reference is not None else NO_REFERENCE_START
            self.value = stepped(start, delta)
        else:
            self.value = stepped(self.value, delta)

    def action_set(self, value: int) -> None:
        self._buffer = ""
        self.value = value

    def action_digit(self, digit: str) -> None:
        self._buffer, self.value = typed(self._buffer, digit)

    def action_backspace(self) -> None:
        self.value = without_last_digit(self.value)
        self._buffer = "" if self.value is None else str(self.value)

    def action_confirm(self) -> None:
        self._buffer = ""
        self.post_message(self.Confirmed(self, self.value))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self._buffer = ""
        self.refresh()

    # -- mouse -------------------------------------------------------------------------------

    def _reference_text(self) -> str:
        if self.reference is None:
            return ""
        return reference_text(self.reference_label, self.reference)

    def _track_width(self) -> int:
        room = self.reference_cells if self.reference_cells is not None else len(self._reference_text())
        reserved = NUMBER_WIDTH + self.word_cells + room
        return max(MIN_TRACK, self.content_region.width - reserved)

    def _set_from_x(self, x: int) -> None:
        self._buffer = ""
        self.value = value_at(x, self._track_width())

    def on_mouse_down(self, event: events.MouseDown) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.x >= self._track_width():
            return
        event.stop()
        self.focus()
        self._dragging = True
        self.capture_mouse()
        self._set_from_x(offset.x)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._dragging:
            self._set_from_x(event.get_content_offset_capture(self).x)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging:
            self._dragging = False
            self.release_mouse()
            self._set_from_x(event.get_content_offset_capture(self).x)

    # -- drawing -----------------------------------------------------------------------------

    def render(self) -> Content:
        width = self._track_width()
        style = self.component_style
        if self.value is None:
            # Unanswered: no knob; the reference, if any, is a faint tick on the track.
            cells = ["─"] * width
            if self.reference is not None:
                cells[knob_at(self.reference, width)] = "┊"
            track = Content.styled("".join(cells), style("rating-slider--empty"))
            shown = "  –"
        else:
            knob = knob_at(self.value, width)
            filled = Content.styled("━" * knob, style("rating-slider--filled"))
            mark = Content.styled("◆" if self.has_focus else "●", style("rating-slider--knob"))
            empty = Content.styled("─" * (width - knob - 1), style("rating-slider--empty"))
            track = Content.assemble(filled, mark, empty)
            shown = f"{self.value:>3}"
        number = Content.styled(shown, style("rating-slider--value", reverse=self.has_focus))
        band = Content.styled(self.band.ljust(self.word_cells), style("rating-slider--band"))
        parts = [track, " ", number, " ", band]
        if self.reference is not None:
            parts.append(Content.styled(self._reference_text(), style("rating-slider--reference")))
        return Content.assemble(*parts).rstrip()
