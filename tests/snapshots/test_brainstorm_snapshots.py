"""SVG snapshots of brainstorming at 80x24. Review changes with `make snapshots-update`."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.widgets import Label

from mastery_tui.domain.models import Plan, Task, default_area_id
from mastery_tui.widgets.rating import RatingSlider

SIZE = (80, 24)
DAILY = default_area_id("daily")


def seed(store) -> None:
    now = store.clock.now()
    rows = [
        ("Wash one set of dishes", 5, 15, True, Plan(days=(0, 3), time="19:30", ready="radio on")),
        ("Walk 5 minutes around the block", 5, 20, True, Plan(time="08:00")),
        ("[TODO] sort the post", 10, 35, True, Plan()),
        ("Clean the whole kitchen", 60, 80, False, Plan(days=(5,))),
        ("Check one bill", 10, 40, True, Plan()),
    ]
    store.save(
        *(
            Task.new(
                now=now, title=title, area_id=DAILY, minutes=minutes, difficulty=difficulty,
                bad_day_ok=bad_day, plan=plan, order=index,
            )
            for index, (title, minutes, difficulty, bad_day, plan) in enumerate(rows)
        )
    )


TO_DAILY = ["b", "down", "down", "down", "right"]


def test_brainstorm_list(seen_store, make_app, snap_compare):
    seed(seen_store)
    assert snap_compare(make_app(seen_store), terminal_size=SIZE, press=[*TO_DAILY, "down", "down", "down"])


def test_add_form_with_sizing_note(seen_store, make_app, snap_compare):
    seed(seen_store)
    keys = [*TO_DAILY, "n", *"Deep-clean the oven", "tab", "backspace", "backspace", *"45", "tab", "end"]
    assert snap_compare(make_app(seen_store), terminal_size=SIZE, press=keys)


def test_example_library(seen_store, make_app, snap_compare):
    assert snap_compare(make_app(seen_store), terminal_size=SIZE, press=[*TO_DAILY, "x", "down"])


def test_split_dialog(seen_store, make_app, snap_compare):
    seed(seen_store)
    keys = [*TO_DAILY, "down", "down", "down", "s", *"Clear the counter", "enter"]
    assert snap_compare(make_app(seen_store), terminal_size=SIZE, press=keys)


def test_task_form_without_colour(seen_store, make_app, snap_compare, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    seed(seen_store)
    keys = [*TO_DAILY, "e", "tab", "tab"]
    assert snap_compare(make_app(seen_store), terminal_size=SIZE, press=keys)


class SliderGallery(App[None]):
    """Three sliders: feelings low and high, and difficulty (focused)."""

    def compose(self) -> ComposeResult:
        with Vertical():
            for label, value, scale, slider_id in (
                ("Mood", 15, "rating", "mood"),
                ("Confidence", 65, "rating", "confidence"),
                ("Difficulty", 85, "difficulty", "difficulty"),
            ):
                yield Label(label)
                yield RatingSlider(value, scale=scale, id=slider_id)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        self.query_one("#difficulty", RatingSlider).focus()


def test_rating_slider(snap_compare):
    assert snap_compare(SliderGallery(), terminal_size=SIZE)
