"""Focus reads without colour: where two lists or a list and a text field share a screen, only
the focused list shows ▸, and a text field on its own shows a bar while it has focus. Also: the
practice editor's sliders line up. Real app, real TinyDB in tmp_path, keys only."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widget import Widget

from mastery_tui.screens.practice.adjust import AdjustScreen
from mastery_tui.screens.practice_edit import PracticeEditScreen
from mastery_tui.widgets.checklist import CheckList
from mastery_tui.widgets.fields import FieldLabel, FieldRow, TextField
from mastery_tui.widgets.marked_list import MarkedOptionList
from mastery_tui.widgets.rating import RatingSlider

from .log_helpers import keys, open_log, seed_three
from .test_practice_flow import add_task, before_and_timer, press, start_from_home

BAR = "▌"  # the left edge of an "outer" border


def screen_text(widget: Widget, region: Region | None = None) -> list[str]:
    """The characters the screen shows over ``region`` (default: the widget's own region)."""
    region = region or widget.region
    strips = widget.screen._compositor.render_strips()
    return [
        strips[y].crop(region.x, region.right).text for y in range(region.y, region.bottom)
    ]


def marks(listing: MarkedOptionList) -> int:
    """How many ▸ the list shows on screen."""
    return sum(line.count("▸") for line in screen_text(listing))


async def open_adjust(app, pilot, clock) -> AdjustScreen:
    await start_from_home(app, pilot)
    await before_and_timer(app, pilot, clock, mood="30", confidence="30", minutes_spent=3)
    await press(pilot, "n", "enter", "8", "0", "enter", "enter", "enter", "enter", "enter")
    assert isinstance(app.screen, AdjustScreen)
    return app.screen


async def test_only_the_focused_checklist_shows_its_mark(seen_store, make_app, clock):
    add_task(seen_store, "Study for 20 minutes", minutes=20)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_adjust(app, pilot, clock)
        questions = screen.query_one("#adjust-questions", CheckList)
        obstacles = screen.query_one("#adjust-obstacles", CheckList)
        assert (marks(questions), marks(obstacles)) == (1, 0)

        await press(pilot, "tab")
        assert screen.focused is obstacles
        assert (marks(questions), marks(obstacles)) == (0, 1)
        await press(pilot, "down", "space")
        assert obstacles.selected == ["perfectionism"]
        assert screen_text(obstacles)[1].startswith("▸ [x] Perfectionism")

        await press(pilot, "tab")  # the note field: no list claims space now
        assert (marks(questions), marks(obstacles)) == (0, 0)
        await press(pilot, "shift+tab")
        assert (marks(questions), marks(obstacles)) == (0, 1)
        assert obstacles.highlighted == 1  # the place is kept while away


async def test_a_lone_text_field_shows_a_bar_only_while_focused(seen_store, make_app, clock):
    add_task(seen_store, "Study for 20 minutes", minutes=20)
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_adjust(app, pilot, clock)
        note = screen.query_one("#adjust-note", TextField)
        [line] = screen_text(note)
        assert not line.startswith(BAR)
        assert "Anything else worth noting?" in line

        await press(pilot, "tab", "tab")
        assert screen.focused is note
        [line] = screen_text(note)
        assert line.startswith(BAR)
        await press(pilot, *"tired")
        assert "tired" in screen_text(note)[0]


class FieldsApp(App[None]):
    def compose(self) -> ComposeResult:
        yield TextField(id="alone")
        with FieldRow(id="row"):
            yield FieldLabel("Title")
            yield TextField(id="in-row")


async def test_a_field_in_a_row_keeps_one_bar_the_rows():
    app = FieldsApp()
    async with app.run_test(size=(60, 6)) as pilot:
        await pilot.press("tab")
        row = app.screen.query_one("#row", FieldRow)
        field = app.screen.query_one("#in-row", TextField)
        assert app.screen.focused is field
        [line] = screen_text(row)
        assert line.startswith(BAR) and line.count(BAR) == 1
        assert not screen_text(app.screen.query_one("#alone", TextField))[0].startswith(BAR)


async def test_lists_that_answer_enter_from_a_search_field_keep_their_mark(seen_store, make_app):
    add_task(seen_store, "Wash one set of dishes")
    app = make_app(seen_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "n")
        listing = app.screen.query_one("#choose-list", MarkedOptionList)
        assert app.screen.focused is not listing
        assert marks(listing) == 1


async def test_the_editors_sliders_line_up(seen_store, make_app):
    seed_three(seen_store)
    async with make_app(seen_store).run_test(size=(80, 24)) as pilot:
        await open_log(pilot)
        await keys(pilot, "enter", "e")
        screen = pilot.app.screen
        assert isinstance(screen, PracticeEditScreen)
        sliders = list(screen.query(RatingSlider))
        assert len(sliders) == 5
        assert len({s.size.width for s in sliders}) == 1
        assert len({s._track_width() for s in sliders}) == 1
